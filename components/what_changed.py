"""What changed: every change of position between two dates, newest first."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import LINK_COLUMN, empty_state, page_header, page_slice
from components.context import ViewContext
from stancekit.scale import NO_POSITION, stance_label
from stancekit.tables import evidence_label, link_cell
from stancekit.text import format_date
from stancekit.timeline import position_changes

ROWS_PER_PAGE = 1_000


def render(ctx: ViewContext) -> None:
    """Draw the date range and the list of changes."""
    page_header(
        "What changed",
        "Every change of an actor's position between two dates, newest first: a first statement counts as a "
        "change from 'no stated position'; restating the same position does not.",
    )
    first, last = (d.date() for d in ctx.dataset.date_range)
    if ctx.stances.empty or first >= last:
        empty_state("No positions match the current filters and date.")
        return
    _changes(ctx)


@st.fragment
def _changes(ctx: ViewContext) -> None:
    """The chosen period's changes. A fragment: moving the dates reruns only this part."""
    first, last = (d.date() for d in ctx.dataset.date_range)
    start, end = st.slider(
        "Between",
        min_value=first,
        max_value=last,
        value=(first, last),
        key=keys.BETWEEN,
        bind="query-params",
        format="D MMM YYYY",
        help="Changes stated on either date or between them.",
    )
    changes = position_changes(ctx.stances, pd.Timestamp(start), pd.Timestamp(end))
    moved = changes[changes["from_position"].notna()]
    st.markdown(
        f"**{len(changes)} changes** between {format_date(start)} and {format_date(end)}: "
        f"{len(moved)} moves of an existing position, {len(changes) - len(moved)} first statements."
    )
    if st.toggle("Only moves of an existing position", key=keys.ONLY_MOVES, bind="query-params"):
        changes = moved
    if changes.empty:
        st.info("No position changed in this period. Widen the dates.", icon=":material/event_busy:")
        return
    changes = changes.iloc[page_slice(len(changes), ROWS_PER_PAGE, keys.CHANGES_PAGE, "changes")]
    st.dataframe(
        pd.DataFrame(
            {
                "Date": changes["date"].dt.date,
                "Actor": changes["actor"],
                "Issue": changes["issue"],
                "From": changes["from_position"].map(lambda p: NO_POSITION if pd.isna(p) else stance_label(p)),
                "To": changes["to_position"].map(stance_label),
                "Link": changes["source_url"].map(link_cell),
                "Source": changes["source"],
                "Paraphrase": changes["summary"],
                "Evidence": changes["evidence"].map(evidence_label),
            }
        ),
        hide_index=True,
        key="changes_table",
        column_config={
            "Date": st.column_config.DateColumn("Date", format="D MMM YYYY"),
            "Link": LINK_COLUMN,
            "Paraphrase": st.column_config.TextColumn("Paraphrase", width="large"),
        },
    )
