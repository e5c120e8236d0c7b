"""The stance matrix: actors × issues, each cell the latest position's colour and glyph."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit.figures.style import FONT, HOUSE_TEMPLATE, horizontal_rule, position_hover
from stancekit.scale import COLOURS, GLYPHS, LABELS, MAX_POSITION, MIN_POSITION, NO_POSITION, POSITIONS
from stancekit.text import escape_plotly

# Beyond this many cells, the matrix drops per-cell hover texts to stay small in the browser.
DETAILED_HOVER_LIMIT = 1_500


def stance_colourscale() -> list[list]:
    """A stepped colourscale over −2..2: one flat band of colour per scale point."""
    steps = len(POSITIONS)
    scale: list[list] = []
    for i, position in enumerate(POSITIONS):
        scale.append([i / steps, COLOURS[position]])
        scale.append([(i + 1) / steps, COLOURS[position]])
    return scale


def stance_matrix_figure(
    latest: pd.DataFrame,
    actors: list[str],
    issues: list[str],
    actor_bloc: dict[str, str],
    *,
    detailed_hover_limit: int = DETAILED_HOVER_LIMIT,
) -> go.Figure:
    """Actors × issues heatmap of latest positions, a glyph in every cell, blocs separated by lines.

    Up to `detailed_hover_limit` cells, each hover tells the paraphrase, speaker, date and source. Beyond
    that the figure stays lean (no text per cell but the glyph; positions as float32), so a table a
    thousand times larger still sends well under 1 MB; the table twin carries the details.
    """
    position = latest.pivot_table(index="actor", columns="issue", values="position", aggfunc="last")
    z = position.reindex(index=actors, columns=issues).to_numpy(dtype=np.float32)
    glyph_of = np.array(["", *(GLYPHS[p] for p in POSITIONS)], dtype=object)
    glyphs = glyph_of[np.where(np.isnan(z), 0, z - MIN_POSITION + 1).astype(int)]
    detailed = len(actors) * len(issues) <= detailed_hover_limit
    row_px = 44 if len(actors) <= 30 else max(14, 1800 // len(actors))
    trace = dict(
        z=z,
        x=[escape_plotly(i) for i in issues],
        y=[escape_plotly(a) for a in actors],
        text=glyphs,
        texttemplate="%{text}",
        # Doubled glyphs (▲▲) need the room: smaller type once the issues no longer fit wide columns.
        textfont=dict(size=(18 if len(issues) <= 14 else 13) if row_px >= 40 else 10),
        colorscale=stance_colourscale(),
        zmin=MIN_POSITION - 0.5,
        zmax=MAX_POSITION + 0.5,
        xgap=3 if row_px >= 40 else 1,
        ygap=3 if row_px >= 40 else 1,
        colorbar=dict(
            orientation="h",
            tickvals=list(POSITIONS),
            ticktext=[f"{GLYPHS[p]}<br>{LABELS[p] if p else 'Split'}" for p in POSITIONS],
            tickangle=0,
            thickness=16,
            len=1.0,
            x=0.5,
            xanchor="center",
            y=0,
            yanchor="bottom",
            yref="container",
            ypad=10,
        ),
    )
    if detailed:
        # The template names the cell's actor and issue, so each cell carries only its own text.
        hover = np.full(z.shape, NO_POSITION, dtype=object)
        row_of, column_of = {a: i for i, a in enumerate(actors)}, {k: j for j, k in enumerate(issues)}
        for row in latest.to_dict("records"):
            if row["actor"] in row_of and row["issue"] in column_of:
                hover[row_of[row["actor"]], column_of[row["issue"]]] = position_hover(row, heading=False)
        trace.update(customdata=hover, hovertemplate="<b>%{y}</b> · %{x}<br>%{customdata}<extra></extra>")
    else:
        trace.update(hovertemplate="<b>%{y}</b> · %{x}<br>%{text} %{z:+.0f}<extra></extra>", hoverongaps=False)
    figure = go.Figure(go.Heatmap(**trace))
    _add_bloc_separators(figure, actors, actor_bloc)
    figure.update_layout(
        font=FONT,
        height=260 + row_px * len(actors),
        margin=dict(l=10, r=130, t=10, b=80),
        xaxis=dict(side="top", tickangle=-35, showgrid=False, tickfont=dict(size=14)),
        yaxis=dict(autorange="reversed", showgrid=False, tickfont=dict(size=14 if row_px >= 40 else 10)),
        template=HOUSE_TEMPLATE,
        hoverlabel=dict(bgcolor="#ffffff", font=dict(size=14, color="#1a1a1a")),
    )
    return figure


def _add_bloc_separators(figure: go.Figure, actors: list[str], actor_bloc: dict[str, str]) -> None:
    """Horizontal rules between bloc groups, and each bloc's name beside its group."""
    blocs = [actor_bloc.get(actor, "") for actor in actors]
    start = 0
    for index in range(1, len(actors) + 1):
        if index == len(actors) or blocs[index] != blocs[start]:
            if index < len(actors):
                figure.add_shape(horizontal_rule(index - 0.5, "#1a1a1a", 2))
            figure.add_annotation(
                x=1,
                xref="paper",
                xanchor="left",
                xshift=6,
                y=(start + index - 1) / 2,
                text=f"<b>{escape_plotly(blocs[start])}</b>",
                showarrow=False,
                textangle=0,
                font=dict(size=14, color="#333333"),
                align="left",
            )
            start = index
