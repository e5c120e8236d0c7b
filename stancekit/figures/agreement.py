"""The agreement map: actor × actor heatmap of how often two actors take the same position."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit import i18n
from stancekit.figures.style import FONT, HOUSE_TEMPLATE, MIN_FONT, colorbar_below
from stancekit.i18n import gettext, percent
from stancekit.text import escape_plotly

# Up to this many actors each cell prints its value: "100" at 12 px still fits a column on a 358 px phone.
# Beyond, cells would be narrower than their number at a phone's width (and a number spilling over the
# next cell reads as that cell's): the colour, the tap-and-hover and the table twin carry the values.
NUMBERED_CELLS_LIMIT = 12


def agreement_figure(agreement: pd.DataFrame, shared: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Actor × actor heatmap of agreement (0–100 %); with up to NUMBERED_CELLS_LIMIT actors, the value
    printed in every cell that has one."""
    _, ngettext = gettext(lang), i18n.ngettext(lang)
    names = [escape_plotly(a) for a in agreement.index]
    values = agreement.to_numpy(dtype=float) * 100
    numbered = len(names) <= NUMBERED_CELLS_LIMIT
    text = (
        np.where(np.isnan(values), "", np.vectorize(lambda v: f"{v:.0f}")(np.nan_to_num(values)))
        if numbered
        else np.full(values.shape, "")
    )

    def pair_hover(i: int, j: int) -> str:
        heading = f"<b>{names[i]}</b> & <b>{names[j]}</b><br>"
        if np.isnan(values[i, j]):
            return heading + _("No issue on which both stated a position")
        count = int(shared.iat[i, j])
        return heading + ngettext(
            "{share} agreement on {count} shared issue", "{share} agreement on {count} shared issues", count
        ).format(share=percent(values[i, j] / 100, lang), count=count)

    hover = [[pair_hover(i, j) for j in range(len(names))] for i in range(len(names))]
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=names,
            y=names,
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=MIN_FONT),
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="Blues",
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            # Under the plot, not beside it: a phone's width goes to the cells.
            colorbar=colorbar_below(
                title=dict(text=_("Agreement %"), side="top", font=dict(size=14)), tickvals=[0, 25, 50, 75, 100]
            ),
        )
    )
    figure.update_layout(
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=280 + 34 * len(names),
        margin=dict(l=10, r=10, t=10, b=90),
        # Upright names (-90°) take one line's width each; plotly leaves out some where columns are narrower.
        xaxis=dict(side="top", tickangle=-90, showgrid=False, tickfont=dict(size=14)),
        yaxis=dict(autorange="reversed", showgrid=False, tickfont=dict(size=14)),
        hoverlabel=dict(bgcolor="#ffffff", font=dict(size=14, color="#1a1a1a")),
    )
    return figure
