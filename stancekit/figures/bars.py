"""Bar charts: the gap between two blocs issue by issue, and how well a reader's answers match each actor."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from stancekit.figures.style import FONT, HOUSE_TEMPLATE, wrap_label
from stancekit.scale import signed
from stancekit.text import escape_plotly


def gap_figure(gaps: pd.DataFrame, bloc_a: str, bloc_b: str) -> go.Figure:
    """Horizontal bars: issues ranked by the distance between two blocs' mean positions."""
    comparable = gaps.dropna(subset=["gap"]).iloc[::-1]
    labels = [
        f"{escape_plotly(bloc_a)} {signed(round(a, 1))} · {escape_plotly(bloc_b)} {signed(round(b, 1))}"
        for a, b in zip(comparable["mean_a"], comparable["mean_b"], strict=False)
    ]
    # Long bars carry their label inside (white on dark grey), short ones just past their end: never clipped.
    inside = [gap > 2.4 for gap in comparable["abs_gap"]]
    figure = go.Figure(
        go.Bar(
            x=comparable["abs_gap"],
            y=[wrap_label(i, 26) for i in comparable["issue"]],
            orientation="h",
            marker=dict(color="#4d4d4d"),
            text=labels,
            textposition=["inside" if i else "outside" for i in inside],
            insidetextanchor="end",
            textfont=dict(color=["#ffffff" if i else "#1a1a1a" for i in inside]),
            cliponaxis=False,
            hovertemplate="%{y}<br>Gap %{x:.1f} points<extra></extra>",
        )
    )
    figure.update_layout(
        font=FONT,
        height=110 + 56 * max(len(comparable), 1),
        margin=dict(l=10, r=30, t=30, b=10),
        xaxis=dict(
            range=[0, 4.9],
            tickvals=[0, 1, 2, 3, 4],
            title="Distance between the two means (0 = same position, 4 = opposite ends)",
            gridcolor="#d0d0d0",
        ),
        template=HOUSE_TEMPLATE,
        showlegend=False,
    )
    return figure


def match_figure(matches: pd.DataFrame) -> go.Figure:
    """Horizontal bars of match % (best on top), each labelled with the issues it rests on."""
    ranked = matches.iloc[::-1]
    labels = [
        f"{m:.0%} · {n} issue{'s' if n != 1 else ''}" for m, n in zip(ranked["match"], ranked["issues"], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=ranked["match"] * 100,
            y=[escape_plotly(name) for name in ranked["name"]],
            orientation="h",
            marker=dict(color="#0072B2"),
            text=labels,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=90 + 40 * max(len(ranked), 1),
        margin=dict(l=10, r=40, t=10, b=10),
        xaxis=dict(range=[0, 125], tickvals=[0, 25, 50, 75, 100], ticksuffix="%", title="Match"),
        showlegend=False,
    )
    return figure
