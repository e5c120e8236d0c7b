"""Agreement map: who agrees with whom across issues, and each issue's coalitions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.common import chart_with_table, empty_state, page_header
from components.context import ViewContext
from stancekit.agreement import agreement_matrix, cluster_order, coalitions
from stancekit.figures import agreement_figure
from stancekit.text import escape_markdown


def render(ctx: ViewContext) -> None:
    """Draw the agreement heatmap and the coalition table."""
    page_header(
        "Agreement map: who sides with whom",
        "Each cell: how far two actors agree on the issues both took a position on (100 = the same "
        "positions, 0 = opposite ends), ordered so that allies sit together. Hover a cell for the number "
        "of shared issues; few shared issues mean a weak signal.",
    )
    actors = [a for a in ctx.actors if a in set(ctx.latest["actor"])]
    if len(actors) < 2:
        empty_state("The agreement map needs at least two actors with positions.")
        return
    agreement, shared = agreement_matrix(ctx.latest, actors)
    order = cluster_order(agreement)
    pairs = [
        {"Actor": a, "With": b, "Agreement": f"{agreement.at[a, b]:.0%}", "Shared issues": int(shared.at[a, b])}
        for i, a in enumerate(order)
        for b in order[i + 1 :]
        if pd.notna(agreement.at[a, b])
    ]
    chart_with_table(
        agreement_figure(agreement.loc[order, order], shared.loc[order, order]),
        pd.DataFrame(pairs).sort_values(["Shared issues"], ascending=False, kind="stable"),
        alt=f"Heatmap of agreement between {len(order)} actors, from 0 to 100 percent, clustered so that "
        "actors who agree sit next to each other. The Table tab lists every pair.",
        key="agreement",
    )
    st.subheader("Coalitions, issue by issue", anchor=False)
    split = coalitions(ctx.latest, ctx.issues, ctx.actors)

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
