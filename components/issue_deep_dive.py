"""Issue deep-dive: one proposition, every actor's latest position as a card, history beneath."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import empty_state, issue_picker, page_header, page_slice, position_card
from components.context import ViewContext
from stancekit.selection import position_history
from stancekit.text import escape_markdown

CARDS_PER_ROW = 2
CARDS_PER_PAGE = 24


def render(ctx: ViewContext) -> None:
    """Draw the issue picker, the proposition and one card per actor."""
    page_header(
        "Issue deep-dive",
        "Pick an issue: read its proposition, then each actor's latest position with paraphrase, "
        "quote, speaker, date and source, and how that position changed over time.",
    )
    if not ctx.issues:
        empty_state("No issues match the current filters.")
        return
    _issue(ctx)


@st.fragment
def _issue(ctx: ViewContext) -> None:
    """The chosen issue and its cards. A fragment: picking another issue or page reruns only this part."""
    issue = issue_picker(ctx.issues)
    info = ctx.dataset.issue_info(issue)
    with st.container(border=True):
        st.markdown(f"#### {escape_markdown(info['proposition'])}")
        if info["explainer"]:
            st.markdown(escape_markdown(info["explainer"]))

    latest = ctx.latest[ctx.latest["issue"] == issue]
    if latest.empty:
        empty_state("Nobody in the current selection had stated a position on this issue by this date.")
        return
    order = {actor: i for i, actor in enumerate(ctx.actors)}
    latest = latest.assign(_o=latest["actor"].map(order)).sort_values("_o")
    positions = latest["position"]
    st.markdown(
        f"**{len(latest)} actors** stated a position: {positions.gt(0).sum()} for, "
        f"{positions.eq(0).sum()} split, {positions.lt(0).sum()} against."
    )

    shown = latest.iloc[page_slice(len(latest), CARDS_PER_PAGE, keys.CARDS_PAGE, "actors")]
    history = ctx.stances[(ctx.stances["issue"] == issue) & ctx.stances["actor"].isin(shown["actor"])]
    for title, members in _sections(shown, ctx.dataset.blocs):
        st.subheader(escape_markdown(title), anchor=False)
        for start in range(0, len(members), CARDS_PER_ROW):
            columns = st.columns(CARDS_PER_ROW)
            for column, (_, row) in zip(columns, members.iloc[start : start + CARDS_PER_ROW].iterrows(), strict=False):
                with column:
                    others = position_history(history, row["actor"], issue).drop(index=row.name)
                    position_card(row, others)

    silent = [a for a in ctx.actors if a not in set(latest["actor"])]
    if silent:
        st.caption("No stated position on this issue: " + ", ".join(escape_markdown(a) for a in silent) + ".")


def _sections(latest: pd.DataFrame, blocs: tuple[str, ...]) -> list[tuple[str, pd.DataFrame]]:
    """Card groups in bloc order. Blocs that are a single actor of the same name (the US, Russia)
    share one section, so no heading merely repeats its only card's title."""
    sections: list[tuple[str, pd.DataFrame] | None] = []
    solo: list[str] = []
    for bloc in [b for b in blocs if b in set(latest["bloc"])]:
        members = latest[latest["bloc"] == bloc]
        if members["actor"].tolist() != [bloc]:
            sections.append((bloc, members))
        elif not solo:
            solo.append(bloc)
            sections.append(None)  # where the shared section goes
        else:
            solo.append(bloc)
    shared = (" · ".join(solo), latest[latest["bloc"].isin(solo)])
    return [section or shared for section in sections]
