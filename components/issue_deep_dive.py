"""Issue deep-dive: one proposition, every actor's latest position as a card, history beneath."""

from __future__ import annotations

import streamlit as st

from components import keys
from components.common import empty_state, issue_picker, page_header, page_slice, position_card
from components.context import ViewContext
from components.language import _, ngettext
from components.pages import page
from stancekit.agreement import stance_count
from stancekit.selection import bloc_sections, in_display_order, other_statements, without_positions
from stancekit.text import escape_markdown

CARDS_PER_ROW = 2
CARDS_PER_PAGE = 24


def render(ctx: ViewContext) -> None:
    """Draw the issue picker, the proposition and one card per actor."""
    page_header(
        _(page("issue_deep_dive").heading),
        _(
            "Pick an issue: read its proposition, then each actor's latest position with paraphrase, "
            "quote, speaker, date and source, and how that position changed over time."
        ),
    )
    if not ctx.issues:
        empty_state(_("No issues match the current filters."))
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

    latest = in_display_order(ctx.latest[ctx.latest["issue"] == issue], ctx.actors)
    if latest.empty:
        empty_state(_("Nobody in the current selection had stated a position on this issue by this date."))
        return
    counted = stance_count(latest)
    st.markdown(
        ngettext(
            "**{count} actor** stated a position: {supporting} for, {split} split, {opposing} against.",
            "**{count} actors** stated a position: {supporting} for, {split} split, {opposing} against.",
            counted.stated,
        ).format(count=counted.stated, supporting=counted.supporting, split=counted.split, opposing=counted.opposing)
    )

    shown = latest.iloc[
        page_slice(len(latest), CARDS_PER_PAGE, keys.CARDS_PAGE, _("Actors {first}–{last} of {total}."))
    ]
    others = other_statements(ctx.stances, shown)
    for title, members in bloc_sections(shown, ctx.dataset.blocs):
        st.subheader(escape_markdown(title), anchor=False)
        for start in range(0, len(members), CARDS_PER_ROW):
            columns = st.columns(CARDS_PER_ROW)
            for column, (_index, row) in zip(
                columns, members.iloc[start : start + CARDS_PER_ROW].iterrows(), strict=False
            ):
                with column:
                    position_card(row, others[row.name])

    silent = without_positions(ctx.actors, latest)
    if silent:
        st.caption(
            _("No stated position on this issue: {actors}.").format(
                actors=", ".join(escape_markdown(a) for a in silent)
            )
        )
