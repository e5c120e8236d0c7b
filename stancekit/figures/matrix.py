"""The stance matrix: actors × issues, each cell the latest position's colour and glyph."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit.figures.style import FONT, HOUSE_TEMPLATE, MIN_FONT, colorbar_below, horizontal_rule, position_hover
from stancekit.scale import COLOURS, GLYPHS, MAX_POSITION, MIN_POSITION, POSITIONS, no_position
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
    lang: str = "en",
) -> go.Figure:
    """Actors × issues heatmap of latest positions, a glyph in every cell, blocs separated by lines.

    Up to `detailed_hover_limit` cells, each hover tells the paraphrase, speaker, date and source. Beyond
    that the figure stays lean (no text per cell but the glyph; positions as float32), so a table a
    thousand times larger still sends well under 1 MB; the table twin carries the details.
    """
    position = latest.pivot_table(index="actor", columns="issue", values="position", aggfunc="last")
    z = position.reindex(index=actors, columns=issues).to_numpy(dtype=np.float32)
    detailed = len(actors) * len(issues) <= detailed_hover_limit
    row_px = 44 if len(actors) <= 30 else max(14, 1800 // len(actors))
    roomy = row_px >= 40
    # In roomy rows a doubled glyph is stacked (▲ over ▲): one glyph wide, so it stays inside its cell
    # down to ~14 px columns (24 issues on a 640 px screen, 12 on a phone). Compact rows keep ▲▲ side by side.
    glyph_of = np.array(["", *(_cell_glyph(p, stacked=roomy) for p in POSITIONS)], dtype=object)
    glyphs = glyph_of[np.where(np.isnan(z), 0, z - MIN_POSITION + 1).astype(int)]
    trace = dict(
        z=z,
        x=[escape_plotly(i) for i in issues],
        y=[escape_plotly(a) for a in actors],
        text=glyphs,
        texttemplate="%{text}",
        textfont=dict(size=14 if roomy and len(issues) <= 14 else MIN_FONT),
        colorscale=stance_colourscale(),
        zmin=MIN_POSITION - 0.5,
        zmax=MAX_POSITION + 0.5,
        xgap=3 if roomy else 1,
        ygap=3 if roomy else 1,
        # The key in words is the view's caption; the colour bar pairs each colour with its glyph only,
        # five short labels that never run into each other, whatever the width.
        colorbar=colorbar_below(tickvals=list(POSITIONS), ticktext=[GLYPHS[p] for p in POSITIONS], tickangle=0),
    )
    if detailed:
        # The template names the cell's actor and issue, so each cell carries only its own text.
        hover = np.full(z.shape, no_position(lang), dtype=object)
        row_of, column_of = {a: i for i, a in enumerate(actors)}, {k: j for j, k in enumerate(issues)}
        for row in latest.to_dict("records"):
            if row["actor"] in row_of and row["issue"] in column_of:
                hover[row_of[row["actor"]], column_of[row["issue"]]] = position_hover(row, heading=False, lang=lang)
        trace.update(customdata=hover, hovertemplate="<b>%{y}</b> · %{x}<br>%{customdata}<extra></extra>")
    else:
        trace.update(hovertemplate="<b>%{y}</b> · %{x}<br>%{text} %{z:+.0f}<extra></extra>", hoverongaps=False)
    figure = go.Figure(go.Heatmap(**trace))
    labelled = _add_bloc_separators(figure, actors, actor_bloc, in_ticks=roomy)
    figure.update_layout(
        font=FONT,
        height=300 + row_px * len(actors),
        margin=dict(l=10, r=10 if roomy else 110, t=10, b=64),
        # Issue names stand upright (-90°): each takes one line's height of width, so 24 of them fit side by
        # side from 640 px up without touching; plotly leaves out some when a column is narrower still.
        xaxis=dict(side="top", tickangle=-90, showgrid=False, tickfont=dict(size=14)),
        yaxis=dict(
            autorange="reversed",
            showgrid=False,
            tickfont=dict(size=14 if roomy else MIN_FONT),
            tickmode="array",
            tickvals=trace["y"],
            ticktext=labelled,
        ),
        template=HOUSE_TEMPLATE,
        hoverlabel=dict(bgcolor="#ffffff", font=dict(size=14, color="#1a1a1a")),
    )
    return figure


def _cell_glyph(position: int, *, stacked: bool) -> str:
    """A cell's glyph; a doubled one (▲▲) stacked over two lines when `stacked`."""
    glyph = GLYPHS[position]
    return "<br>".join(glyph) if stacked and len(glyph) == 2 else glyph


def _add_bloc_separators(
    figure: go.Figure, actors: list[str], actor_bloc: dict[str, str], *, in_ticks: bool
) -> list[str]:
    """Horizontal rules between bloc groups, and each bloc's name; returns the actors' tick labels.

    With `in_ticks` (rows tall enough for two lines) a bloc's name heads its group's first tick label, in
    smaller bold type, and takes no width beside the cells; a bloc named like its only actor (Russia) is
    not repeated. Otherwise its name is an annotation right of the group, in a margin kept for it.
    """
    blocs = [actor_bloc.get(actor, "") for actor in actors]
    labels = [escape_plotly(a) for a in actors]
    start = 0
    for index in range(1, len(actors) + 1):
        if index == len(actors) or blocs[index] != blocs[start]:
            if index < len(actors):
                figure.add_shape(horizontal_rule(index - 0.5, "#1a1a1a", 2))
            bloc = blocs[start]
            if bloc and in_ticks:
                if not (index - start == 1 and bloc == actors[start]):
                    labels[start] = (
                        f'<span style="font-size:{MIN_FONT}px;color:#333333"><b>{escape_plotly(bloc)}</b></span>'
                        f"<br>{labels[start]}"
                    )
            elif bloc:
                figure.add_annotation(
                    x=1,
                    xref="paper",
                    xanchor="left",
                    xshift=6,
                    y=(start + index - 1) / 2,
                    text=f"<b>{escape_plotly(bloc)}</b>",
                    showarrow=False,
                    textangle=0,
                    font=dict(size=MIN_FONT, color="#333333"),
                    align="left",
                )
            start = index
    return labels
