"""Sources: every position with its full provenance, searchable, and the topic's source list."""

from __future__ import annotations

import streamlit as st

from components import keys
from components.common import csv_download, empty_state, link_column, page_header, page_slice
from components.context import ViewContext
from components.language import _
from components.pages import page
from stancekit.export import export_rows, to_csv_bytes
from stancekit.schema import EVIDENCE_TYPES
from stancekit.tables import TIER_LABELS, search_rows, source_pack_table, sources_table

ROWS_PER_PAGE = 1_000


def render(ctx: ViewContext) -> None:
    """Draw the searchable table of positions and the source list."""
    page_header(
        _(page("sources").heading),
        "Every stated position behind the views, newest first, with speaker, quote, evidence type "
        "and source. Search and filter here; the sidebar filters apply too.",
    )
    if ctx.stances.empty:
        empty_state("No positions match the current filters.")
        return
    _positions(ctx)
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
            column_config={"Link": link_column()},
        )


@st.fragment
def _positions(ctx: ViewContext) -> None:
    """The searchable positions. A fragment: typing a search reruns only this part."""
    search_column, evidence_column = st.columns([2, 1])
    query = search_column.text_input(
        "Search",
        key=keys.SOURCES_SEARCH,
        bind="query-params",
        placeholder="e.g. backstop, Vance, S26",
        help="Shows rows containing every word you type, in any column.",
    )
    # Options are the words people read (and the URL carries), mapped back to the data's codes.
    code_of = {label: code for code, label in EVIDENCE_TYPES.items()}
    evidence = evidence_column.multiselect(
        "Evidence",
        options=list(code_of),
        key=keys.SOURCES_EVIDENCE,
        bind="query-params",
        placeholder="All evidence types",
        help="On the record: said publicly. Reported: media citing sources. Analysis: commentary.",
    )
    codes = [code_of[label] for label in evidence]
    rows = ctx.stances if not codes else ctx.stances[ctx.stances["evidence"].isin(codes)]
    table = search_rows(sources_table(rows, ctx.dataset.sources), query)
    st.caption(f"{len(table)} of {len(ctx.stances)} positions shown.")
    if table.empty:
        st.info("No position matches this search. Try fewer or different words.", icon=":material/search_off:")
    else:
        csv_download(
            st,
            f"Download these {len(table)} positions (CSV)",
            lambda: to_csv_bytes(export_rows(rows.loc[table.index])),  # built only when asked for
            key="sources_csv",
            help="The rows shown, in the stances.csv format (UTF-8, opens in Excel; formulas neutralised).",
        )
        st.dataframe(
            table.iloc[
                page_slice(len(table), ROWS_PER_PAGE, keys.SOURCES_PAGE, _("Positions {first}–{last} of {total}."))
            ],
            hide_index=True,
            key="sources_table",
            height=560 if len(table) > 14 else "auto",
            column_config={
                "Date": st.column_config.DateColumn(_("Date"), format="D MMM YYYY"),
                "Paraphrase": st.column_config.TextColumn(_("Paraphrase"), width="large"),
                "Link": link_column(),
            },
        )
