"""Overview: every actor's latest position on every issue, as a matrix."""

from __future__ import annotations

import streamlit as st

from components.common import chart_with_table, empty_state, page_header
from components.context import ViewContext
from components.data import shared
from stancekit.aggregation import bloc_gap, comparison_pair
from stancekit.figures import stance_matrix_figure
from stancekit.scale import GLYPHS, LABELS, NO_POSITION, POSITIONS, signed
from stancekit.tables import positions_table
from stancekit.text import escape_markdown

GLANCE_GAPS = 2


def render(ctx: ViewContext) -> None:
    """Draw the actors × issues matrix with its legend and table twin."""
    page_header(
        "Overview: who stands where",
        "Each cell is an actor's latest stated position on an issue. Purple ▲ = supports, "
        "orange ▼ = opposes, grey ◆ = split; doubled arrows are strong positions; a blank cell means "
        "no stated position. Hover a cell for the paraphrase, speaker, date and source.",
    )
    if ctx.latest.empty:
        empty_state("No positions match the current filters.")
        return
    _at_a_glance(ctx)
    legend = " · ".join(f"{GLYPHS[p]} {LABELS[p]}" for p in reversed(POSITIONS))
    st.caption(f"Key: {legend} · blank: {NO_POSITION.lower()}")
    chart_with_table(
        lambda: stance_matrix_figure(ctx.latest, ctx.actors, ctx.issues, ctx.dataset.actor_bloc),
        lambda: positions_table(ctx.latest, ctx.actors, ctx.issues),
        alt=f"Matrix of the latest positions of {len(ctx.actors)} actors on {len(ctx.issues)} issues, "
        "from strongly opposes to strongly supports. The Table tab lists the same positions in words.",
        key="overview",
        shared_key=ctx.key("stance_matrix"),
    )


def _at_a_glance(ctx: ViewContext) -> None:
    """One sentence on where the two compared blocs differ most, with a link to the comparison."""
    blocs = [b for b in ctx.dataset.blocs if b in set(ctx.latest["bloc"])]
    if len(blocs) < 2:
        return
    bloc_a, bloc_b = comparison_pair(blocs)
    gaps = shared(ctx.key("bloc_gap", bloc_a, bloc_b), lambda: bloc_gap(ctx.latest, bloc_a, bloc_b))
    top = gaps[gaps["abs_gap"] > 0].head(GLANCE_GAPS)
    if top.empty:
        return
    parts = [
        f"**{escape_markdown(row.issue)}** ({escape_markdown(bloc_a)} {signed(round(row.mean_a, 1))}, "
        f"{escape_markdown(bloc_b)} {signed(round(row.mean_b, 1))})"
        for row in top.itertuples()
    ]
    with st.container(border=True):
        st.markdown(
            f"**At a glance:** {escape_markdown(bloc_a)} and {escape_markdown(bloc_b)} differ most on "
            + " and on ".join(parts)
            + "."
        )
        st.page_link(
            "app_pages/europe_vs_us.py",
            label="See where and why they differ",
            icon=":material/arrow_forward:",
        )
