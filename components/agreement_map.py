"""Agreement map: who agrees with whom across issues, and each issue's coalitions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.caches import shared
from components.common import chart_with_table, empty_state, page_header
from components.context import ViewContext
from stancekit.agreement import agreement_matrix, cluster_order, coalitions
from stancekit.figures.agreement import agreement_figure
from stancekit.text import escape_markdown

MAX_MAP_ACTORS = 50


def pair_table(agreement: pd.DataFrame, overlap: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Every pair that shares an issue, most shared issues first: the heatmap's table twin."""
    pairs = [
        {"Actor": a, "With": b, "Agreement": f"{agreement.at[a, b]:.0%}", "Shared issues": int(overlap.at[a, b])}
        for i, a in enumerate(order)
        for b in order[i + 1 :]
        if pd.notna(agreement.at[a, b])
    ]
    columns = ["Actor", "With", "Agreement", "Shared issues"]
    return pd.DataFrame(pairs, columns=columns).sort_values(["Shared issues"], ascending=False, kind="stable")


def _clustered(latest: pd.DataFrame, actors: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Agreement and shared-issue counts between `actors`, and their clustered order."""
    agreement, overlap = agreement_matrix(latest, actors)
    return agreement, overlap, cluster_order(agreement)


def render(ctx: ViewContext) -> None:
    """Draw the agreement heatmap and the coalition table."""
    page_header(
        "Agreement map: who sides with whom",
        "Each cell: how far two actors agree on the issues both took a position on (100 = the same "
        "positions, 0 = opposite ends), ordered so that allies sit together. Hover a cell for the number "
        "of shared issues; few shared issues mean a weak signal.",
    )
    counts = ctx.latest["actor"].value_counts()
    actors = [a for a in ctx.actors if a in counts.index]
    if len(actors) < 2:
        empty_state("The agreement map needs at least two actors with positions.")
        return
    if len(actors) > MAX_MAP_ACTORS:  # a readable map, and a small one for the browser
        keep = set(counts.loc[actors].sort_values(ascending=False, kind="stable").index[:MAX_MAP_ACTORS])
        st.info(
            f"Showing the {MAX_MAP_ACTORS} of {len(actors)} actors with the most positions. Choose blocs or "
            "actors in the sidebar to map others.",
            icon=":material/filter_alt:",
        )
        actors = [a for a in actors if a in keep]
    agreement, overlap, order = shared(ctx.cache_key("agreement", *actors), lambda: _clustered(ctx.latest, actors))
    chart_with_table(
        lambda: agreement_figure(agreement.loc[order, order], overlap.loc[order, order]),
        lambda: pair_table(agreement, overlap, order),
        alt=f"Heatmap of agreement between {len(order)} actors, from 0 to 100 percent, clustered so that "
        "actors who agree sit next to each other. The Table tab lists every pair.",
        key="agreement",
        shared_key=ctx.cache_key("agreement_figure", *actors),
    )
    st.subheader("Coalitions, issue by issue", anchor=False)
    split = shared(ctx.cache_key("coalitions"), lambda: coalitions(ctx.latest, ctx.issues, ctx.actors))

    def names(group: tuple[str, ...]) -> str:
        return ", ".join(escape_markdown(name) for name in group) or "–"

    # st.table wraps long lists (st.dataframe would cut them) and renders Markdown: cells are escaped.
    st.table(
        pd.DataFrame(
            {
                "Issue": split["issue"].map(escape_markdown),
                "▲ For": split["for"].map(names),
                "◆ Split": split["split"].map(names),
                "▼ Against": split["against"].map(names),
            }
        ).set_index("Issue"),
    )
