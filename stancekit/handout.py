"""A printable one-page handout of the current selection, as self-contained HTML and as Markdown.

Both renderings share one content builder; every piece of data is escaped for its format, links
are kept only when they are plain http(s) URLs, and the HTML loads nothing from anywhere.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import pandas as pd

from stancekit.content import QUOTE_TRANSLATION, translation_note
from stancekit.dataset import Dataset
from stancekit.i18n import LABELLED, gettext
from stancekit.i18n import ngettext as plural_forms
from stancekit.prompts import Prompt
from stancekit.scale import GLYPHS, POSITIONS, label, signed
from stancekit.text import escape_markdown, format_date, safe_link_url

MAX_QUOTES = 5
MAX_TRANSLATED_QUOTES = 3  # a quote with our translation beside it takes twice the room
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
    lang: str = "en"  # the language of the handout's own words


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
    lang: str = "en",
) -> HandoutContent:
    """Collect the handout's content for the selection (latest positions, quotes, prompts, sources)."""
    _, ngettext = gettext(lang), plural_forms(lang)
    latest = latest[latest["actor"].isin(actors) & latest["issue"].isin(issues)]
    stances = stances[stances["issue"].isin(issues)]
    matrix = latest.pivot_table(index="actor", columns="issue", values="position", aggfunc="last")
    matrix = matrix.reindex(index=actors, columns=issues).map(short_stance)
    matrix.index.name, matrix.columns.name = _("Actor"), None
    # Longer quotes first (they carry meaning on their own), then the newest; one per actor-issue.
    quoted = stances[stances["quote"] != ""].drop_duplicates(["actor", "quote"])
    quoted = quoted.assign(_words=quoted["quote"].str.split().str.len())
    quoted = quoted.sort_values(["_words", "date"], ascending=False, kind="stable").drop(columns="_words")
    translated = QUOTE_TRANSLATION in quoted and bool((quoted[QUOTE_TRANSLATION].fillna("") != "").any())
    quotes = tuple(quoted.head(MAX_TRANSLATED_QUOTES if translated else MAX_QUOTES).to_dict("records"))
    prompts = prompts[:MAX_PROMPTS]
    cited: dict[str, str | None] = {}
    for row in [*latest.to_dict("records"), *quotes, *(r for p in prompts for r in p.readings)]:
        cited.setdefault(row["source"], safe_link_url(row.get("source_url")))
    first, last = stances["date"].min(), stances["date"].max()
    # i18n: a span of dates, "3 Mar 2025 – 1 Aug 2025"
    span = (
        _("{first} – {last}").format(first=format_date(first, lang), last=format_date(last, lang))
        if len(stances)
        else _("no positions")
    )
    # i18n: the handout's subtitle; {span}: "3 Mar 2025 – 1 Aug 2025"
    subtitle = ngettext(
        "{count} latest position of {actors} actors on {issues} issues, stated {span}.",
        "{count} latest positions of {actors} actors on {issues} issues, stated {span}.",
        len(latest),
    ).format(count=len(latest), actors=len(actors), issues=len(issues), span=span)
    # i18n: the handout's citation line; {title}: the topic's title (data)
    citation = ngettext(
        "{title}: stance dashboard handout, generated {today}. Data: {count} dated position, {span}, compiled from "
        "public reporting; cite the original source of any single position.",
        "{title}: stance dashboard handout, generated {today}. Data: {count} dated positions, {span}, compiled from "
        "public reporting; cite the original source of any single position.",
        len(stances),
    ).format(title=dataset.title, today=format_date(today, lang), count=len(stances), span=span)
    return HandoutContent(
        dataset.title, subtitle, matrix, quotes, tuple(prompts), tuple(sorted(cited.items())), citation, lang
    )


def grouped_sources(sources: tuple[tuple[str, str | None], ...]) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Sources named 'Outlet, date' grouped by outlet, so a page lists each outlet once: (outlet, [(date, url)])."""
    groups: dict[str, list[tuple[str, str | None]]] = {}
    for name, url in sources:
        outlet, _, when = name.rpartition(", ")
        groups.setdefault(outlet or name, []).append((when if outlet else "", url))
    return sorted(groups.items(), key=lambda item: item[0].lower())


def _key_line(lang: str = "en") -> str:
    return " · ".join(f"{GLYPHS[p]} {signed(p)} {label(p, lang).lower()}" for p in reversed(POSITIONS))


def _quote_line(quote: dict, lang: str, text: object) -> str:
    """A key quote's line, each piece of data escaped by `text`: '“…” — speaker (actor) on issue, date, source'."""
    _ = gettext(lang)
    # i18n: a key quote on the handout, "“…” [our translation: …] — Speaker (Actor) on Issue, 3 Mar 2025, Source";
    # {note} is empty or our bracketed translation of the quote.
    return _("“{quote}”{note} — {speaker} ({actor}) on {issue}, {date}, {source}").format(
        quote=text(quote["quote"]),
        note=translation_note(quote, lang, text),
        speaker=text(quote["speaker"] or quote["actor"]),
        actor=text(quote["actor"]),
        issue=text(quote["issue"]),
        date=text(format_date(quote["date"], lang)),
        source=text(quote["source"]),
    )


def handout_markdown(content: HandoutContent) -> str:
    """The handout as Markdown: headings, a table, quotes, prompts and sources."""

    def md(text: object) -> str:
        return escape_markdown(text, for_file=True)

    _, lang = gettext(content.lang), content.lang
    lines = [
        f"# {md(content.title)}",
        "",
        md(content.subtitle),
        "",
        _("*Cite as:* {citation}").format(citation=md(content.citation)),
        "",
        "## " + _("Who stands where"),
        "",
        # i18n: the key to the handout's table; {key}: "▲▲ +2 strongly supports · …", {none}: a dash
        _("Key: {key} · {none} no stated position").format(key=md(_key_line(lang)), none=NO_CELL),
        "",
    ]
    header = [_("Actor"), *content.matrix.columns]
    lines.append("| " + " | ".join(md(h) for h in header) + " |")
    lines.append("|" + "---|" * len(header))
    for actor, cells in content.matrix.iterrows():
        lines.append("| " + " | ".join(md(c) for c in [actor, *cells]) + " |")
    if content.quotes:
        lines += ["", "## " + _("Key quotes"), ""]
        lines += ["- " + _quote_line(q, lang, md) for q in content.quotes]
    if content.prompts:
        lines += ["", "## " + _("Discussion prompts"), ""]
        for number, prompt in enumerate(content.prompts, 1):
            reads = "; ".join(_(LABELLED).format(label=md(r["actor"]), text=md(r["source"])) for r in prompt.readings)
            lines += [f"{number}. {md(prompt.question)}  ", "   " + _("*Read first:* {reads}").format(reads=reads), ""]
    lines += ["", "## " + _("Sources"), ""]
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
    _, lang = gettext(content.lang), content.lang
    parts = [
        "<!doctype html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f"<title>{e(content.title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(content.title)}</h1>",
        f'<p class="muted">{e(content.subtitle)} '
        + _("<i>Cite as:</i> {citation}").format(citation=e(content.citation))
        + "</p>",
        f"<h2>{e(_('Who stands where'))}</h2>",
        '<p class="muted">'
        + e(_("Key: {key} · {none} no stated position").format(key=_key_line(lang), none=NO_CELL))
        + "</p>",
        "<table><thead><tr>",
        *[f"<th>{e(h)}</th>" for h in [_("Actor"), *content.matrix.columns]],
        "</tr></thead><tbody>",
    ]
    for actor, cells in content.matrix.iterrows():
        parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in [actor, *cells]) + "</tr>")
    parts.append("</tbody></table>")
    if content.quotes:
        parts.append(f"<h2>{e(_('Key quotes'))}</h2><ul>")
        parts += [f"<li>{_quote_line(q, lang, e)}</li>" for q in content.quotes]
        parts.append("</ul>")
    if content.prompts:
        parts.append(f"<h2>{e(_('Discussion prompts'))}</h2><ol>")
        for prompt in content.prompts:
            reads = "; ".join(_(LABELLED).format(label=e(r["actor"]), text=e(r["source"])) for r in prompt.readings)
            read_first = _("<i>Read first:</i> {reads}").format(reads=reads)
            parts.append(f'<li>{e(prompt.question)} <span class="muted">{read_first}</span></li>')
        parts.append("</ol>")
    sources = " · ".join(
        f"<b>{e(outlet)}</b> "
        + ", ".join(
            f'<a href="{e(url)}" rel="noopener noreferrer">{e(when)}</a>' if url else e(when) for when, url in dates
        )
        for outlet, dates in grouped_sources(content.sources)
    )
    parts += [f'<h2>{e(_("Sources"))}</h2><p class="sources">{sources}</p>', "</body></html>"]
    return "\n".join(parts)
