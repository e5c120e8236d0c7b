"""What changed: every change of position between two dates, or between the end of two chapters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import empty_state, labelled, link_column, page_header, page_slice
from components.context import ViewContext
from components.language import _, ngettext
from components.pages import page
from stancekit.changes import (
    BETWEEN_CHAPTERS,
    BETWEEN_DATES,
    CHANGES_MODES,
    count_changes,
    moves_only,
    position_changes,
)
from stancekit.chapters import chapter_changes, chapter_named
from stancekit.i18n import SLIDER_DATE_FORMAT
from stancekit.tables import changes_table, chapter_changes_table
from stancekit.text import escape_markdown, format_date

ROWS_PER_PAGE = 1_000


def columns() -> dict:
    """The changes table's column settings, their headers in this run's language."""
    return {
        "Date": st.column_config.DateColumn(_("Date"), format="D MMM YYYY"),
        "Link": link_column(),
        "Paraphrase": st.column_config.TextColumn(_("Paraphrase"), width="large"),
    }


def render(ctx: ViewContext) -> None:
    """Draw the choice of period and the list of changes."""
    page_header(
        _(page("what_changed").heading),
        _(
            "Every change of an actor's position, newest first. A first statement counts as a change from 'no stated "
            "position'; restating the same position does not, and neither does a report or another voice while the "
            "actor's own words say otherwise."
        ),
    )
    first, last = (d.date() for d in ctx.dataset.date_range)
    if ctx.stances.empty or first >= last:
        empty_state(_("No positions match the current filters and date."))
        return
    _changes(ctx)


@st.fragment
def _changes(ctx: ViewContext) -> None:
    """The chosen period's changes. A fragment: moving the dates reruns only this part."""
    mode = BETWEEN_DATES
    if len(ctx.dataset.chapters) >= 2:
        mode = (
            st.segmented_control(
                # i18n: a verb: how to compare (between two dates or two chapters)
                _("Compare"),
                CHANGES_MODES,
                format_func=_,
                default=BETWEEN_DATES,
                key=keys.CHANGES_MODE,
                bind="query-params",
            )
            or BETWEEN_DATES
        )
    if mode == BETWEEN_CHAPTERS:
        _between_chapters(ctx)
    else:
        _between_dates(ctx)


def _between_dates(ctx: ViewContext) -> None:
    first, last = (d.date() for d in ctx.dataset.date_range)
    start, end = st.slider(
        # i18n: a date range slider's label: the changes between two dates
        _("Between"),
        min_value=first,
        max_value=last,
        value=(first, last),
        key=keys.BETWEEN,
        bind="query-params",
        format=SLIDER_DATE_FORMAT[ctx.lang],
        help=_("Changes stated on either date or between them."),
    )
    changes = position_changes(ctx.stances, pd.Timestamp(start), pd.Timestamp(end))
    counted = count_changes(changes)
    st.markdown(
        ngettext(
            "**{count} change** between {start} and {end}: {moves} moves of an existing position, "
            "{first} first statements.",
            "**{count} changes** between {start} and {end}: {moves} moves of an existing position, "
            "{first} first statements.",
            counted.total,
        ).format(
            count=counted.total,
            start=format_date(start, ctx.lang),
            end=format_date(end, ctx.lang),
            moves=counted.moves,
            first=counted.first_statements,
        )
    )
    if st.toggle(_("Only moves of an existing position"), key=keys.ONLY_MOVES, bind="query-params"):
        changes = moves_only(changes)
    if changes.empty:
        st.info(_("No position changed in this period. Widen the dates."), icon=":material/event_busy:")
        return
    changes = changes.iloc[
        page_slice(len(changes), ROWS_PER_PAGE, keys.CHANGES_PAGE, _("Changes {first}–{last} of {total}."))
    ]
    table = changes_table(changes, ctx.lang)
    st.dataframe(table, hide_index=True, key="changes_table", column_config=labelled(table, columns()))


def _between_chapters(ctx: ViewContext) -> None:
    """Positions at the end of one chapter against the end of a later one."""
    chapters = ctx.dataset.chapters
    names = [c.name for c in chapters]
    left, right = st.columns(2)
    earlier = left.selectbox(_("From the end of"), names[:-1], key=keys.CHAPTER_FROM, bind="query-params")
    later_names = names[names.index(earlier) + 1 :]
    later = right.selectbox(
        _("To the end of"), later_names, index=len(later_names) - 1, key=keys.CHAPTER_TO, bind="query-params"
    )
    first, second = chapter_named(chapters, earlier), chapter_named(chapters, later)
    changes = chapter_changes(ctx.stances, first, second)
    counted = count_changes(changes)
    st.markdown(
        ngettext(
            "**{count} position differs** between the end of {first} and the end of {second}: {moves} moved, "
            "{stated} stated for the first time. Largest moves first.",
            "**{count} positions differ** between the end of {first} and the end of {second}: {moves} moved, "
            "{stated} stated for the first time. Largest moves first.",
            counted.total,
        ).format(
            count=counted.total,
            first=escape_markdown(first.label(ctx.lang)),
            second=escape_markdown(second.label(ctx.lang)),
            moves=counted.moves,
            stated=counted.first_statements,
        )
    )
    if changes.empty:
        st.info(_("No position differs between these two chapters."), icon=":material/event_busy:")
        return
    table = chapter_changes_table(changes, first.number, second.number, ctx.lang)
    st.dataframe(table, hide_index=True, key="chapter_changes_table", column_config=labelled(table, columns()))
