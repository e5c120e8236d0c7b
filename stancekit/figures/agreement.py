"""The agreement map: actor × actor heatmap of how often two actors take the same position."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit.figures.style import FONT, HOUSE_TEMPLATE
from stancekit.text import escape_plotly


def agreement_figure(agreement: pd.DataFrame, shared: pd.DataFrame) -> go.Figure:
    """Actor × actor heatmap of agreement (0–100 %), the value printed in every cell that has one."""
    names = [escape_plotly(a) for a in agreement.index]
    values = agreement.to_numpy(dtype=float) * 100
    text = np.where(np.isnan(values), "", np.vectorize(lambda v: f"{v:.0f}")(np.nan_to_num(values)))

    def pair_hover(i: int, j: int) -> str:
        heading = f"<b>{names[i]}</b> & <b>{names[j]}</b><br>"
        if np.isnan(values[i, j]):
            return heading + "No issue on which both stated a position"
        count = int(shared.iat[i, j])
        return heading + f"{values[i, j]:.0f}% agreement on {count} shared issue{'s' if count != 1 else ''}"

    hover = [[pair_hover(i, j) for j in range(len(names))] for i in range(len(names))]
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=names,
            y=names,
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=12),
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="Blues",
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            colorbar=dict(title=dict(text="Agreement %"), thickness=14),
        )
    )
    figure.update_layout(
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=180 + 34 * len(names),
        margin=dict(l=10, r=10, t=10, b=10),
        xaxis=dict(side="top", tickangle=-40, showgrid=False),
        yaxis=dict(autorange="reversed", showgrid=False),
        hoverlabel=dict(bgcolor="#ffffff", font=dict(size=14, color="#1a1a1a")),
    )
    return figure
