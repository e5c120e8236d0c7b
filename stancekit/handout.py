"""A printable one-page handout of the current selection, as self-contained HTML and as Markdown.

Both renderings share one content builder; every piece of data is escaped for its format, links
are kept only when they are plain http(s) URLs, and the HTML loads nothing from anywhere.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import pandas as pd

from stancekit.dataset import Dataset
from stancekit.prompts import Prompt
from stancekit.scale import GLYPHS, LABELS, POSITIONS, signed
from stancekit.text import escape_markdown, format_date, safe_link_url

MAX_QUOTES = 5
MAX_PROMPTS = 4
NO_CELL = "–"


@dataclass(frozen=True)
class HandoutContent:
    """Everything the handout shows, as plain data."""

    title: str
    subtitle: str
    matrix: pd.DataFrame  # actors × issues, cells like '▲▲ +2' or '–'
    quotes: tuple[dict, ...]
    prompts: tuple[Prompt, ...]
    sources: tuple[tuple[str, str | None], ...]  # (source name, safe URL or None)
    citation: str


def short_stance(position: float) -> str:
    """A matrix cell: glyph and signed value, or a dash for no stated position."""
    return NO_CELL if pd.isna(position) else f"{GLYPHS[int(position)]} {signed(int(position))}"


def handout_content(
    dataset: Dataset,
    stances: pd.DataFrame,
    latest: pd.DataFrame,
    actors: list[str],
    issues: list[str],
    prompts: list[Prompt],
    today: date,
) -> HandoutContent:
    """Collect the handout's content for the selection (latest positions, quotes, prompts, sources)."""
    latest = latest[latest["actor"].isin(actors) & latest["issue"].isin(issues)]
    stances = stances[stances["issue"].isin(issues)]
    matrix = latest.pivot_table(index="actor", columns="issue", values="position", aggfunc="last")
    matrix = matrix.reindex(index=actors, columns=issues).map(short_stance)
    matrix.index.name, matrix.columns.name = "Actor", None
    # Longer quotes first (they carry meaning on their own), then the newest; one per actor-issue.
    quoted = stances[stances["quote"] != ""].drop_duplicates(["actor", "quote"])
    quoted = quoted.assign(_words=quoted["quote"].str.split().str.len())
    quoted = quoted.sort_values(["_words", "date"], ascending=False, kind="stable").drop(columns="_words")
    quotes = tuple(quoted.head(MAX_QUOTES).to_dict("records"))
    prompts = prompts[:MAX_PROMPTS]
    cited: dict[str, str | None] = {}
    for row in [*latest.to_dict("records"), *quotes, *(r for p in prompts for r in p.readings)]:
        cited.setdefault(row["source"], safe_link_url(row.get("source_url")))
    first, last = stances["date"].min(), stances["date"].max()
    span = f"{format_date(first)} – {format_date(last)}" if len(stances) else "no positions"
    subtitle = f"{len(latest)} latest positions of {len(actors)} actors on {len(issues)} issues, stated {span}."
    citation = (
        f"{dataset.title}: stance dashboard handout, generated {format_date(today)}. "
        f"Data: {len(stances)} dated positions, {span}, compiled from public reporting; "
        "cite the original source of any single position."
    )
    return HandoutContent(
        dataset.title, subtitle, matrix, quotes, tuple(prompts), tuple(sorted(cited.items())), citation
    )


def grouped_sources(sources: tuple[tuple[str, str | None], ...]) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Sources named 'Outlet, date' grouped by outlet, so a page lists each outlet once: (outlet, [(date, url)])."""
    groups: dict[str, list[tuple[str, str | None]]] = {}
    for name, url in sources:
        outlet, _, when = name.rpartition(", ")
        groups.setdefault(outlet or name, []).append((when if outlet else "", url))
    return sorted(groups.items(), key=lambda item: item[0].lower())


def _key_line() -> str:
    return " · ".join(f"{GLYPHS[p]} {signed(p)} {LABELS[p].lower()}" for p in reversed(POSITIONS))


def handout_markdown(content: HandoutContent) -> str:
    """The handout as Markdown: headings, a table, quotes, prompts and sources."""

    def md(text: object) -> str:
        return escape_markdown(text, for_file=True)

    lines = [
        f"# {md(content.title)}",
        "",
        md(content.subtitle),
        "",
        f"*Cite as:* {md(content.citation)}",
        "",
        "## Who stands where",
        "",
        f"Key: {md(_key_line())} · {NO_CELL} no stated position",
        "",
    ]
    header = ["Actor", *content.matrix.columns]
    lines.append("| " + " | ".join(md(h) for h in header) + " |")
    lines.append("|" + "---|" * len(header))
    for actor, cells in content.matrix.iterrows():
        lines.append("| " + " | ".join(md(c) for c in [actor, *cells]) + " |")
    if content.quotes:
        lines += ["", "## Key quotes", ""]
        lines += [
            f"- “{md(q['quote'])}” — {md(q['speaker'] or q['actor'])} ({md(q['actor'])}) on {md(q['issue'])}, "
            f"{format_date(q['date'])}, {md(q['source'])}"
            for q in content.quotes
        ]
    if content.prompts:
        lines += ["", "## Discussion prompts", ""]
        for number, prompt in enumerate(content.prompts, 1):
            reads = "; ".join(f"{md(r['actor'])}: {md(r['source'])}" for r in prompt.readings)
            lines += [f"{number}. {md(prompt.question)}  ", f"   *Read first:* {reads}", ""]
    lines += ["", "## Sources", ""]
    lines += [f"- [{md(name)}]({url})" if url else f"- {md(name)}" for name, url in content.sources]
    lines.append("")
    return "\n".join(lines)


CSS = """
@page { size: A4 landscape; margin: 9mm; }
body { font-family: sans-serif; font-size: 7.5pt; color: #111; margin: 0; line-height: 1.15; }
h1 { font-size: 14pt; margin: 0 0 1pt; } h2 { font-size: 10pt; margin: 4pt 0 1pt; }
p { margin: 1pt 0; } .muted { color: #444; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #888; padding: 0 2pt; text-align: center; vertical-align: middle; }
td { font-size: 7pt; line-height: 1.05; }
th { font-size: 6.5pt; font-weight: 600; background: #eee; line-height: 1.05; }
th:first-child, td:first-child { text-align: left; width: 15%; }
ul, ol { margin: 1pt 0; padding-left: 13pt; } li { margin: 0.5pt 0; }
.sources { font-size: 6.5pt; line-height: 1.1; }
a { color: #111; }
"""


def handout_html(content: HandoutContent) -> str:
    """The handout as one self-contained HTML page that prints on A4 landscape."""
    e = lambda text: html.escape(str(text), quote=True)  # noqa: E731
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(content.title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(content.title)}</h1>",
        f'<p class="muted">{e(content.subtitle)} <i>Cite as:</i> {e(content.citation)}</p>',
        "<h2>Who stands where</h2>",
        f'<p class="muted">Key: {e(_key_line())} · {NO_CELL} no stated position</p>',
        "<table><thead><tr>",
        *[f"<th>{e(h)}</th>" for h in ["Actor", *content.matrix.columns]],
        "</tr></thead><tbody>",
    ]
    for actor, cells in content.matrix.iterrows():
        parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in [actor, *cells]) + "</tr>")
    parts.append("</tbody></table>")
    if content.quotes:
        parts.append("<h2>Key quotes</h2><ul>")
        parts += [
            f"<li>“{e(q['quote'])}” — {e(q['speaker'] or q['actor'])} ({e(q['actor'])}) on {e(q['issue'])}, "
            f"{e(format_date(q['date']))}, {e(q['source'])}</li>"
            for q in content.quotes
        ]
        parts.append("</ul>")
    if content.prompts:
        parts.append("<h2>Discussion prompts</h2><ol>")
        for prompt in content.prompts:
            reads = "; ".join(f"{e(r['actor'])}: {e(r['source'])}" for r in prompt.readings)
            parts.append(f'<li>{e(prompt.question)} <span class="muted"><i>Read first:</i> {reads}</span></li>')
        parts.append("</ol>")
    sources = " · ".join(
        f"<b>{e(outlet)}</b> "
        + ", ".join(
            f'<a href="{e(url)}" rel="noopener noreferrer">{e(when)}</a>' if url else e(when) for when, url in dates
        )
        for outlet, dates in grouped_sources(content.sources)
    )
    parts += [f'<h2>Sources</h2><p class="sources">{sources}</p>', "</body></html>"]
    return "\n".join(parts)
