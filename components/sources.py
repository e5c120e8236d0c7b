"""Sources: every position with its full provenance, searchable, and the topic's source list."""

from __future__ import annotations

import streamlit as st

from components import keys
from components.common import empty_state, page_header
from components.context import ViewContext
from stancekit.schema import EVIDENCE_TYPES
from stancekit.tables import TIER_LABELS, search_rows, source_pack_table, sources_table

LINK = st.column_config.LinkColumn("Link", display_text="Open source", help="Opens the source in a new tab")


def render(ctx: ViewContext) -> None:
    """Draw the searchable table of positions and the source list."""
    page_header(
        "Sources",
        "Every stated position behind the views, newest first, with speaker, quote, evidence type "
        "and source. Search and filter here; the sidebar filters apply too.",
    )
    if ctx.stances.empty:
        empty_state("No positions match the current filters.")
        return
    search_column, evidence_column = st.columns([2, 1])
    query = search_column.text_input(
        "Search",
        key=keys.SOURCES_SEARCH,
        placeholder="e.g. backstop, Vance, S26",
        help="Shows rows containing every word you type, in any column.",
    )
    evidence = evidence_column.multiselect(
        "Evidence",
        options=list(EVIDENCE_TYPES),
        key=keys.SOURCES_EVIDENCE,
        format_func=EVIDENCE_TYPES.get,
        placeholder="All evidence types",
        help="On the record: said publicly. Reported: media citing sources. Analysis: commentary.",
    )
    rows = ctx.stances if not evidence else ctx.stances[ctx.stances["evidence"].isin(evidence)]
    table = search_rows(sources_table(rows), query)
    st.caption(f"{len(table)} of {len(ctx.stances)} positions shown.")
    if table.empty:
        st.info("No position matches this search. Try fewer or different words.", icon=":material/search_off:")
    else:
        st.dataframe(
            table,
            hide_index=True,
            key="sources_table",
            height=560,
            column_config={
                "Date": st.column_config.DateColumn("Date", format="D MMM YYYY"),
                "Paraphrase": st.column_config.TextColumn("Paraphrase", width="large"),
                "Link": LINK,
            },
        )

    sources = ctx.dataset.sources
    if not sources.empty:
        st.subheader("The source list", anchor=False)
        st.caption(
            "Where the positions come from. Tiers: "
            + "; ".join(TIER_LABELS.values())
            + ". Tier C copies are not linked: cite the original outlet."
        )
        st.dataframe(
            source_pack_table(sources, ctx.dataset.stances),
            hide_index=True,
            key="source_pack_table",
            column_config={"Link": LINK},
        )
