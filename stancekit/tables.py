"""Display tables: the text twins of the charts and the full sources listing (plain pandas)."""

from __future__ import annotations

import pandas as pd

from stancekit.i18n import N_, gettext, one_decimal, percent
from stancekit.scale import NO_POSITION, nearest_position, signed, stance_label
from stancekit.schema import EVIDENCE_TYPES, VOICE_TYPES
from stancekit.text import escape_markdown, safe_link_url

TIER_LABELS = {
    "A": N_("A: official page or the outlet's own page"),
    "B": N_("B: a named wire's copy (AP, Reuters, AFP, PA)"),
    "C": N_("C: mirror or aggregator (cite the original; no link)"),
}
# The tables' column headers: English in the frames (code reads them), translated where shown (`headers`).
HEADERS = (
    N_("Actor"),
    N_("Bloc"),
    N_("Issue"),
    # i18n: a column header: an actor's position in words
    N_("Stance"),
    N_("Date"),
    N_("Paraphrase"),
    N_("Speaker"),
    N_("Source"),
    # i18n: a column header: a bloc's mean position
    N_("Mean"),
    N_("Median"),
    N_("Nearest stance"),
    # i18n: a column header: lowest to highest position in a bloc
    N_("Range"),
    N_("Stated a position"),
    N_("For / split / against"),
    N_("Through a joint statement"),
    N_("Only reported"),
    N_("Members (most to least supportive)"),
    # i18n: a column header: the distance between two blocs' means
    N_("Gap"),
    # i18n: a column header: the other actor of a pair
    N_("With"),
    N_("Agreement"),
    N_("Shared issues"),
    N_("▲ For"),
    # i18n: a column header: actors whose position is split (neither for nor against)
    N_("◆ Split"),
    N_("▼ Against"),
    N_("Key event"),
    N_("Link"),
    N_("Quote"),
    # i18n: a column header: evidence type (on the record, reported, analysis)
    N_("Evidence"),
    # i18n: a column header: whose voice a statement is (the actor's own or another)
    N_("Voice"),
    N_("Joint statement"),
    N_("Condition"),
    # i18n: a column header: a source's identifier, e.g. S26
    N_("Id"),
    # i18n: a column header: a source's reliability tier (A, B, C)
    N_("Tier"),
    N_("Outlet"),
    N_("Positions citing it"),
    N_("What it covers"),
    # i18n: a column header: the position before a change
    N_("From"),
    # i18n: a column header: the position after a change
    N_("To"),
)


def headers(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """`table` with its column headers (and index name) in `lang`: the last step before it is shown."""
    _ = gettext(lang)
    shown = table.rename(columns=lambda c: _(c) if c in HEADERS else c)
    if shown.index.name in HEADERS:
        shown.index.name = _(shown.index.name)
    return shown


def link_cell(url: object) -> str:
    """A table's link cell: the URL when it is a safe web link, else blank (never 'None')."""
    return safe_link_url(url) or ""


def evidence_label(evidence: str, lang: str = "en") -> str:
    """'statement' → 'On the record' (in `lang`); blank stays blank."""
    label = EVIDENCE_TYPES.get(evidence, evidence)
    return gettext(lang)(label) if label else label


def positions_table(rows: pd.DataFrame, actors: list[str], issues: list[str], lang: str = "en") -> pd.DataFrame:
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
            "Stance": ranked["position"].map(lambda p: stance_label(p, lang)),
            "Date": ranked["date"].dt.date,
            "Paraphrase": ranked["summary"],
            "Speaker": ranked["speaker"],
            "Source": ranked["source"],
        }
    ).reset_index(drop=True)


def bloc_table(summary: pd.DataFrame, issues: list[str], blocs: list[str], lang: str = "en") -> pd.DataFrame:
    """Bloc summary in words: the twin of the bloc comparison chart."""
    issue_order = {issue: i for i, issue in enumerate(issues)}
    bloc_order = {bloc: i for i, bloc in enumerate(blocs)}
    rows = summary[summary["bloc"].isin(bloc_order) & summary["issue"].isin(issue_order)]
    rows = rows.assign(_i=rows["issue"].map(issue_order), _b=rows["bloc"].map(bloc_order))
    rows = rows.sort_values(["_i", "_b"])
    _ = gettext(lang)
    return pd.DataFrame(
        {
            "Issue": rows["issue"],
            "Bloc": rows["bloc"],
            "Mean": rows["mean"].map(lambda m: signed(round(float(m), 1), lang)),
            "Median": rows["median"].map(lambda m: signed(round(float(m), 1), lang)),
            "Nearest stance": rows["mean"].map(
                lambda m: stance_label(nearest_position(float(m)), lang, with_value=False)
            ),
            "Range": [
                # i18n: a range of positions, e.g. −1 to +2
                _("{low} to {high}").format(low=signed(int(lo)), high=signed(int(hi)))
                for lo, hi in zip(rows["min"], rows["max"], strict=False)
            ],
            "Stated a position": [
                _("{count} of {total}").format(count=int(n), total=int(t))
                for n, t in zip(rows["count"], rows["total"], strict=True)
            ],
            "For / split / against": [
                f"{int(f)} / {int(s)} / {int(a)}"
                for f, s, a in zip(rows["for"], rows["split"], rows["against"], strict=True)
            ],
            "Through a joint statement": rows["joint"].astype(int),
            "Only reported": rows["reported"].astype(int),
            "Members (most to least supportive)": rows["members"].map(", ".join),
        }
    ).reset_index(drop=True)


def gap_table(
    gaps: pd.DataFrame, bloc_a: str, bloc_b: str, summary: pd.DataFrame | None = None, lang: str = "en"
) -> pd.DataFrame:
    """Issues ranked by the distance between two blocs; blanks where a bloc stated nothing. With the bloc
    summary, each bloc's figure says how many members stand behind it ('3 of 19')."""

    def fmt(value: float) -> str:
        return "" if pd.isna(value) else signed(round(float(value), 1), lang)

    _ = gettext(lang)
    table = pd.DataFrame(
        {
            "Issue": gaps["issue"],
            # i18n: a column header: a bloc's mean position
            _("{bloc} mean").format(bloc=bloc_a): gaps["mean_a"].map(fmt),
            _("{bloc} mean").format(bloc=bloc_b): gaps["mean_b"].map(fmt),
            "Gap": gaps["abs_gap"].map(lambda v: _("not comparable") if pd.isna(v) else one_decimal(v, lang)),
        }
    )
    if summary is not None:
        stated = summary.set_index(["issue", "bloc"])
        for bloc in (bloc_a, bloc_b):
            # i18n: a column header: how many of a bloc's members stated a position
            table[_("{bloc}: stated").format(bloc=bloc)] = [
                _("{count} of {total}").format(
                    count=int(stated.at[(i, bloc), "count"]), total=int(stated.at[(i, bloc), "total"])
                )
                if (i, bloc) in stated.index
                # i18n: no member of the bloc stated a position
                else _("none")
                for i in gaps["issue"]
            ]
    return table


def pair_table(agreement: pd.DataFrame, shared: pd.DataFrame, order: list[str], lang: str = "en") -> pd.DataFrame:
    """Every pair of actors in `order` that shares an issue, most shared issues first (ties in `order`): the
    twin of the agreement heatmap."""
    pairs = [
        {"Actor": a, "With": b, "Agreement": percent(agreement.at[a, b], lang), "Shared issues": int(shared.at[a, b])}
        for i, a in enumerate(order)
        for b in order[i + 1 :]
        if pd.notna(agreement.at[a, b])
    ]
    columns = ["Actor", "With", "Agreement", "Shared issues"]
    return pd.DataFrame(pairs, columns=columns).sort_values(["Shared issues"], ascending=False, kind="stable")


def coalitions_table(coalitions: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Each issue's coalitions (stancekit.agreement.coalitions) by issue: who is for, split and against, '–' for
    nobody. Every cell is escaped Markdown, for a table that renders Markdown. Its headers are in `lang` already
    (it is shown as it is)."""

    def names(group: tuple[str, ...]) -> str:
        return ", ".join(escape_markdown(name) for name in group) or "–"

    table = pd.DataFrame(
        {
            "Issue": coalitions["issue"].map(escape_markdown),
            "▲ For": coalitions["for"].map(names),
            "◆ Split": coalitions["split"].map(names),
            "▼ Against": coalitions["against"].map(names),
        }
    ).set_index("Issue")
    return headers(table, lang)


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The key events: date, event and the source it comes from."""
    return pd.DataFrame({"Date": events["date"].dt.date, "Key event": events["event"], "Source": events["source_id"]})


def sources_table(stances: pd.DataFrame, sources: pd.DataFrame | None = None, lang: str = "en") -> pd.DataFrame:
    """Every stated position with its full provenance and source tier, newest first; only safe links
    kept. The index is the stances' own, so shown rows map back to the data."""
    rows = stances.sort_values(["date", "actor"], ascending=[False, True], kind="stable")
    tiers = {} if sources is None else dict(zip(sources["source_id"], sources["tier"], strict=True))
    _ = gettext(lang)
    return pd.DataFrame(
        {
            "Date": rows["date"].dt.date,
            "Actor": rows["actor"],
            "Issue": rows["issue"],
            "Stance": rows["position"].map(lambda p: stance_label(p, lang)),
            "Link": rows["source_url"].map(link_cell),
            "Source": rows["source"],
            "Paraphrase": rows["summary"],
            "Quote": rows["quote"],
            "Speaker": rows["speaker"],
            "Evidence": rows["evidence"].map(lambda e: evidence_label(e, lang)),
            "Voice": rows["voice"].map(lambda v: _(VOICE_TYPES[v]) if v in VOICE_TYPES else None),
            "Joint statement": rows["joint"],
            "Condition": rows["condition"],
            "Id": rows["source_id"],
            "Tier": rows["source_id"].map(lambda i: _(TIER_LABELS[tiers[i]]) if tiers.get(i) in TIER_LABELS else ""),
        },
        index=rows.index,
    )


def source_pack_table(sources: pd.DataFrame, stances: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The topic's source list with tier explained and how many positions cite each source."""
    cited = stances["source_id"].value_counts()
    return pd.DataFrame(
        {
            "Id": sources["source_id"],
            "Date": sources["date"],
            "Outlet": sources["outlet"],
            "Tier": sources["tier"].map(lambda t: gettext(lang)(TIER_LABELS[t]) if t in TIER_LABELS else t),
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


def _stance_or_none(position: float, lang: str = "en") -> str:
    """A position in words, or 'No stated position' for NaN."""
    return gettext(lang)(NO_POSITION) if pd.isna(position) else stance_label(position, lang)


def _provenance(rows: pd.DataFrame, lang: str = "en") -> dict[str, pd.Series]:
    """The columns that trace a row: link, source, paraphrase and evidence."""
    return {
        "Link": rows["source_url"].map(link_cell),
        "Source": rows["source"],
        "Paraphrase": rows["summary"],
        "Evidence": rows["evidence"].map(lambda e: evidence_label(e, lang)),
    }


def changes_table(changes: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """What changed between two dates, in words: date, actor, issue, from → to, and where it was said."""
    return pd.DataFrame(
        {
            "Date": changes["date"].dt.date,
            "Actor": changes["actor"],
            "Issue": changes["issue"],
            "From": changes["from_position"].map(lambda p: _stance_or_none(p, lang)),
            "To": changes["to_position"].map(lambda p: stance_label(p, lang)),
            **_provenance(changes, lang),
        }
    )


def chapter_changes_table(changes: pd.DataFrame, first: int, second: int, lang: str = "en") -> pd.DataFrame:
    """What differs between the end of chapters `first` and `second`, in words, with the later row's source."""
    _ = gettext(lang)
    return pd.DataFrame(
        {
            "Actor": changes["actor"],
            "Issue": changes["issue"],
            _("End of chapter {number}").format(number=first): changes["from_position"].map(
                lambda p: _stance_or_none(p, lang)
            ),
            _("End of chapter {number}").format(number=second): changes["to_position"].map(
                lambda p: stance_label(p, lang)
            ),
            "Date": changes["to_date"].dt.date,
            **_provenance(changes, lang),
        }
    )
