"""Agreement map: who agrees with whom across issues, and each issue's coalitions."""

from __future__ import annotations

import streamlit as st

from components.caches import shared
from components.common import chart_with_table, empty_state, page_header
from components.context import ViewContext
from components.language import _
from components.pages import page
from stancekit.agreement import clustered_agreement, coalitions
from stancekit.figures.agreement import agreement_figure
from stancekit.selection import most_positions, with_positions
from stancekit.tables import coalitions_table, pair_table

MAX_MAP_ACTORS = 50


def render(ctx: ViewContext) -> None:
    """Draw the agreement heatmap and the coalition table."""
    page_header(
        _(page("agreement_map").heading),
        _(
            "Each cell: how far two actors agree on the issues both took a position on (100 = the same "
            "positions, 0 = opposite ends), ordered so that allies sit together. Hover a cell for the number "
            "of shared issues; few shared issues mean a weak signal."
        ),
    )
    actors = with_positions(ctx.actors, ctx.latest)
    if len(actors) < 2:
        empty_state(_("The agreement map needs at least two actors with positions."))
        return
    if len(actors) > MAX_MAP_ACTORS:  # a readable map, and a small one for the browser
        st.info(
            _(
                "Showing the {shown} of {count} actors with the most positions. Choose blocs or "
                "actors in the sidebar to map others."
            ).format(shown=MAX_MAP_ACTORS, count=len(actors)),
            icon=":material/filter_alt:",
        )
        actors = most_positions(ctx.latest, actors, MAX_MAP_ACTORS)
    agreement, overlap, order = shared(
        ctx.cache_key("agreement", *actors), lambda: clustered_agreement(ctx.latest, actors)
    )
    chart_with_table(
        lambda: agreement_figure(agreement.loc[order, order], overlap.loc[order, order], ctx.lang),
        lambda: pair_table(agreement, overlap, order, ctx.lang),
        alt=_(
            "Heatmap of agreement between {count} actors, from 0 to 100 percent, clustered so that "
            "actors who agree sit next to each other. The Table tab lists every pair."
        ).format(count=len(order)),
        key="agreement",
        shared_key=ctx.cache_key("agreement_figure", *actors),
    )
    st.subheader(_("Coalitions, issue by issue"), anchor=False)
    split = shared(ctx.cache_key("coalitions"), lambda: coalitions(ctx.latest, ctx.issues, ctx.actors))
    # st.table wraps long lists (st.dataframe would cut them) and renders Markdown: the core escapes the cells.
    st.table(coalitions_table(split, ctx.lang))
