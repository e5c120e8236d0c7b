"""Display tables: the text twins of the charts and the full sources listing (plain pandas)."""

from __future__ import annotations

import pandas as pd

from stancekit.i18n import gettext
from stancekit.scale import NO_POSITION, nearest_position, signed, stance_label
from stancekit.schema import EVIDENCE_TYPES, VOICE_TYPES
from stancekit.text import escape_markdown, safe_link_url

TIER_LABELS = {
    "A": "A: official page or the outlet's own page",
    "B": "B: a named wire's copy (AP, Reuters, AFP, PA)",
    "C": "C: mirror or aggregator (cite the original; no link)",
}


def link_cell(url: object) -> str:
    """A table's link cell: the URL when it is a safe web link, else blank (never 'None')."""
    return safe_link_url(url) or ""


def evidence_label(evidence: str, lang: str = "en") -> str:
    """'statement' → 'On the record' (in `lang`); blank stays blank."""
    label = EVIDENCE_TYPES.get(evidence, evidence)
    return gettext(lang)(label) if label else label


def positions_table(rows: pd.DataFrame, actors: list[str], issues: list[str]) -> pd.DataFrame:
    """One line per stated position of the given actors on the given issues, in that order, stance
    in words: the twin of the matrix."""
    order = {actor: i for i, actor in enumerate(actors)}
    issue_order = {issue: i for i, issue in enumerate(issues)}
    rows = rows[rows["actor"].isin(order) & rows["issue"].isin(issue_order)]
    ranked = rows.assign(_a=rows["actor"].map(order), _i=rows["issue"].map(issue_order))
    ranked = ranked.sort_values(["_a", "_i", "date"], kind="stable")
    return pd.DataFrame(
        {
            "Actor": ranked["actor"],
            "Bloc": ranked["bloc"],
            "Issue": ranked["issue"],
            "Stance": ranked["position"].map(stance_label),
            "Date": ranked["date"].dt.date,
            "Paraphrase": ranked["summary"],
            "Speaker": ranked["speaker"],
            "Source": ranked["source"],
        }
    ).reset_index(drop=True)


def bloc_table(summary: pd.DataFrame, issues: list[str], blocs: list[str]) -> pd.DataFrame:
    """Bloc summary in words: the twin of the bloc comparison chart."""
    issue_order = {issue: i for i, issue in enumerate(issues)}
    bloc_order = {bloc: i for i, bloc in enumerate(blocs)}
    rows = summary[summary["bloc"].isin(bloc_order) & summary["issue"].isin(issue_order)]
    rows = rows.assign(_i=rows["issue"].map(issue_order), _b=rows["bloc"].map(bloc_order))
    rows = rows.sort_values(["_i", "_b"])
    return pd.DataFrame(
        {
            "Issue": rows["issue"],
            "Bloc": rows["bloc"],
            "Mean": rows["mean"].map(lambda m: signed(round(float(m), 1))),
            "Median": rows["median"].map(lambda m: signed(round(float(m), 1))),
            "Nearest stance": rows["mean"].map(lambda m: stance_label(nearest_position(float(m)), with_value=False)),
            "Range": [
                f"{signed(int(lo))} to {signed(int(hi))}" for lo, hi in zip(rows["min"], rows["max"], strict=False)
            ],
            "Stated a position": [f"{int(n)} of {int(t)}" for n, t in zip(rows["count"], rows["total"], strict=True)],
            "For / split / against": [
                f"{int(f)} / {int(s)} / {int(a)}"
                for f, s, a in zip(rows["for"], rows["split"], rows["against"], strict=True)
            ],
            "Through a joint statement": rows["joint"].astype(int),
            "Only reported": rows["reported"].astype(int),
            "Members (most to least supportive)": rows["members"].map(", ".join),
        }
    ).reset_index(drop=True)


def gap_table(gaps: pd.DataFrame, bloc_a: str, bloc_b: str, summary: pd.DataFrame | None = None) -> pd.DataFrame:
    """Issues ranked by the distance between two blocs; blanks where a bloc stated nothing. With the bloc
    summary, each bloc's figure says how many members stand behind it ('3 of 19')."""

    def fmt(value: float) -> str:
        return "" if pd.isna(value) else signed(round(float(value), 1))

    table = pd.DataFrame(
        {
            "Issue": gaps["issue"],
            f"{bloc_a} mean": gaps["mean_a"].map(fmt),
            f"{bloc_b} mean": gaps["mean_b"].map(fmt),
            "Gap": gaps["abs_gap"].map(lambda v: "not comparable" if pd.isna(v) else f"{v:.1f}"),
        }
    )
    if summary is not None:
        stated = summary.set_index(["issue", "bloc"])
        for bloc in (bloc_a, bloc_b):
            table[f"{bloc}: stated"] = [
                f"{int(stated.at[(i, bloc), 'count'])} of {int(stated.at[(i, bloc), 'total'])}"
                if (i, bloc) in stated.index
                else "none"
                for i in gaps["issue"]
            ]
    return table


def pair_table(agreement: pd.DataFrame, shared: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Every pair of actors in `order` that shares an issue, most shared issues first (ties in `order`): the
    twin of the agreement heatmap."""
    pairs = [
        {"Actor": a, "With": b, "Agreement": f"{agreement.at[a, b]:.0%}", "Shared issues": int(shared.at[a, b])}
        for i, a in enumerate(order)
        for b in order[i + 1 :]
        if pd.notna(agreement.at[a, b])
    ]
    columns = ["Actor", "With", "Agreement", "Shared issues"]
    return pd.DataFrame(pairs, columns=columns).sort_values(["Shared issues"], ascending=False, kind="stable")


def coalitions_table(coalitions: pd.DataFrame) -> pd.DataFrame:
    """Each issue's coalitions (stancekit.agreement.coalitions) by issue: who is for, split and against, '–' for
    nobody. Every cell is escaped Markdown, for a table that renders Markdown."""

    def names(group: tuple[str, ...]) -> str:
        return ", ".join(escape_markdown(name) for name in group) or "–"

    return pd.DataFrame(
        {
            "Issue": coalitions["issue"].map(escape_markdown),
            "▲ For": coalitions["for"].map(names),
            "◆ Split": coalitions["split"].map(names),
            "▼ Against": coalitions["against"].map(names),
        }
    ).set_index("Issue")


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The key events: date, event and the source it comes from."""
    return pd.DataFrame({"Date": events["date"].dt.date, "Key event": events["event"], "Source": events["source_id"]})


def sources_table(stances: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every stated position with its full provenance and source tier, newest first; only safe links
    kept. The index is the stances' own, so shown rows map back to the data."""
    rows = stances.sort_values(["date", "actor"], ascending=[False, True], kind="stable")
    tiers = {} if sources is None else dict(zip(sources["source_id"], sources["tier"], strict=True))
    return pd.DataFrame(
        {
            "Date": rows["date"].dt.date,
            "Actor": rows["actor"],
            "Issue": rows["issue"],
            "Stance": rows["position"].map(stance_label),
            "Link": rows["source_url"].map(link_cell),
            "Source": rows["source"],
            "Paraphrase": rows["summary"],
            "Quote": rows["quote"],
            "Speaker": rows["speaker"],
            "Evidence": rows["evidence"].map(evidence_label),
            "Voice": rows["voice"].map(VOICE_TYPES.get),
            "Joint statement": rows["joint"],
            "Condition": rows["condition"],
            "Id": rows["source_id"],
            "Tier": rows["source_id"].map(lambda i: TIER_LABELS.get(tiers.get(i, ""), "")),
        },
        index=rows.index,
    )


def source_pack_table(sources: pd.DataFrame, stances: pd.DataFrame) -> pd.DataFrame:
    """The topic's source list with tier explained and how many positions cite each source."""
    cited = stances["source_id"].value_counts()
    return pd.DataFrame(
        {
            "Id": sources["source_id"],
            "Date": sources["date"],
            "Outlet": sources["outlet"],
            "Tier": sources["tier"].map(lambda t: TIER_LABELS.get(t, t)),
            "Positions citing it": sources["source_id"].map(cited).fillna(0).astype(int),
            "Link": sources["url"].map(link_cell),
            "What it covers": sources["covers"],
        }
    )


def search_rows(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows in which any text cell contains every word of `query` (case-insensitive)."""
    words = query.lower().split()
    if not words:
        return table
    text = pd.Series("", index=table.index)
    for column in table.columns:
        text = text + " " + table[column].fillna("").astype(str).str.lower()
    keep = pd.Series(True, index=table.index)
    for word in words:
        keep &= text.str.contains(word, regex=False)
    return table[keep]


def _stance_or_none(position: float) -> str:
    """A position in words, or 'No stated position' for NaN."""
    return NO_POSITION if pd.isna(position) else stance_label(position)


def _provenance(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """The columns that trace a row: link, source, paraphrase and evidence."""
    return {
        "Link": rows["source_url"].map(link_cell),
        "Source": rows["source"],
        "Paraphrase": rows["summary"],
        "Evidence": rows["evidence"].map(evidence_label),
    }


def changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """What changed between two dates, in words: date, actor, issue, from → to, and where it was said."""
    return pd.DataFrame(
        {
            "Date": changes["date"].dt.date,
            "Actor": changes["actor"],
            "Issue": changes["issue"],
            "From": changes["from_position"].map(_stance_or_none),
            "To": changes["to_position"].map(stance_label),
            **_provenance(changes),
        }
    )


def chapter_changes_table(changes: pd.DataFrame, first: int, second: int) -> pd.DataFrame:
    """What differs between the end of chapters `first` and `second`, in words, with the later row's source."""
    return pd.DataFrame(
        {
            "Actor": changes["actor"],
            "Issue": changes["issue"],
            f"End of chapter {first}": changes["from_position"].map(_stance_or_none),
            f"End of chapter {second}": changes["to_position"].map(stance_label),
            "Date": changes["to_date"].dt.date,
            **_provenance(changes),
        }
    )
