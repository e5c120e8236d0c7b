"""Sources: every position with its full provenance, searchable, and the topic's source list."""

from __future__ import annotations

import streamlit as st

from components import keys
from components.common import csv_download, empty_state, labelled, link_column, page_header, page_slice
from components.context import ViewContext
from components.language import _, ngettext
from components.pages import page
from stancekit.export import export_rows, to_csv_bytes
from stancekit.schema import EVIDENCE_TYPES
from stancekit.tables import TIER_LABELS, search_rows, source_pack_table, sources_table

ROWS_PER_PAGE = 1_000


def render(ctx: ViewContext) -> None:
    """Draw the searchable table of positions and the source list."""
    page_header(
        _(page("sources").heading),
        _(
            "Every stated position behind the views, newest first, with speaker, quote, evidence type "
            "and source. Search and filter here; the sidebar filters apply too."
        ),
    )
    if ctx.stances.empty:
        empty_state(_("No positions match the current filters."))
        return
    _positions(ctx)
    sources = ctx.dataset.sources
    if not sources.empty:
        st.subheader(_("The source list"), anchor=False)
        st.caption(
            _(
                "Where the positions come from. Tiers: {tiers}. Tier C copies are not linked: cite the original outlet."
            ).format(tiers="; ".join(_(label) for label in TIER_LABELS.values()))
        )
        pack = source_pack_table(sources, ctx.dataset.stances, ctx.lang)
        st.dataframe(
            pack,
            hide_index=True,
            key="source_pack_table",
            column_config=labelled(pack, {"Link": link_column()}),
        )


@st.fragment
def _positions(ctx: ViewContext) -> None:
    """The searchable positions. A fragment: typing a search reruns only this part."""
    search_column, evidence_column = st.columns([2, 1])
    query = search_column.text_input(
        _("Search"),
        key=keys.SOURCES_SEARCH,
        bind="query-params",
        # i18n: example search words: data of the topic (a word, an actor, a source id), keep or adapt
        placeholder=_("e.g. backstop, Vance, S26"),
        help=_("Shows rows containing every word you type, in any column."),
    )
    # Options are the words people read (and the URL carries), mapped back to the data's codes.
    code_of = {label: code for code, label in EVIDENCE_TYPES.items()}
    evidence = evidence_column.multiselect(
        _("Evidence"),
        options=list(code_of),  # the English words stay the URL's values; shown translated
        format_func=_,
        key=keys.SOURCES_EVIDENCE,
        bind="query-params",
        placeholder=_("All evidence types"),
        help=_("On the record: said publicly. Reported: media citing sources. Analysis: commentary."),
    )
    codes = [code_of[label] for label in evidence]
    rows = ctx.stances if not codes else ctx.stances[ctx.stances["evidence"].isin(codes)]
    table = search_rows(sources_table(rows, ctx.dataset.sources, ctx.lang), query)
    st.caption(
        ngettext("{shown} of {count} position shown.", "{shown} of {count} positions shown.", len(ctx.stances)).format(
            shown=len(table), count=len(ctx.stances)
        )
    )
    if table.empty:
        st.info(_("No position matches this search. Try fewer or different words."), icon=":material/search_off:")
    else:
        csv_download(
            st,
            ngettext(
                "Download this {count} position (CSV)", "Download these {count} positions (CSV)", len(table)
            ).format(count=len(table)),
            lambda: to_csv_bytes(export_rows(rows.loc[table.index])),  # built only when asked for
            key="sources_csv",
            help=_("The rows shown, in the stances.csv format (UTF-8, opens in Excel; formulas neutralised)."),
        )
        st.dataframe(
            table.iloc[
                page_slice(len(table), ROWS_PER_PAGE, keys.SOURCES_PAGE, _("Positions {first}–{last} of {total}."))
            ],
            hide_index=True,
            key="sources_table",
            height=560 if len(table) > 14 else "auto",
            column_config=labelled(
                table,
                {
                    "Date": st.column_config.DateColumn(_("Date"), format="D MMM YYYY"),
                    "Paraphrase": st.column_config.TextColumn(_("Paraphrase"), width="large"),
                    "Link": link_column(),
                },
            ),
        )
