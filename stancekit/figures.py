"""Plotly figures, each built from a DataFrame and returned as a go.Figure (no Streamlit here).

Stance is always encoded twice: colour from the colour-blind-safe scale plus a glyph or a marker
shape, so the charts read in greyscale and for colour-blind viewers.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit.scale import (
    COLOURS,
    GLYPHS,
    LABELS,
    MAX_POSITION,
    MIN_POSITION,
    NO_POSITION,
    POSITIONS,
    signed,
    stance_label,
)
from stancekit.schema import EVIDENCE_TYPES
from stancekit.text import escape_plotly, format_date

FONT = dict(family="sans-serif", size=15, color="#1a1a1a")
# Okabe–Ito colours and distinct marker shapes, one pair per bloc in display order.
BLOC_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#000000", "#CC79A7", "#E69F00", "#56B4E9")
BLOC_SYMBOLS = ("diamond", "square", "triangle-up", "x", "star", "circle", "cross")
HOVER_WIDTH = 60
# Beyond this many cells or points, charts drop per-point hover texts to stay small in the browser.
DETAILED_HOVER_LIMIT = 1_500
DETAILED_POINTS_LIMIT = 600  # markers with a full hover each (a paraphrase is ~400 bytes)
_AXIS = dict(
    gridcolor="#EBF0F8",
    linecolor="#EBF0F8",
    zerolinecolor="#EBF0F8",
    zerolinewidth=2,
    ticks="",
    automargin=True,
    title=dict(standoff=15),
)
# The parts of plotly's "plotly_white" look these 2-D charts use, validated once. Naming "plotly_white"
# instead costs ~6 kB of JSON per chart (3-D scenes, maps, colour scales we never draw) and ~10 ms of
# validation per figure. Never mutated: plotly copies a template when a figure takes it.
HOUSE_TEMPLATE = go.layout.Template(
    layout=dict(
        autotypenumbers="strict",
        colorway=list(BLOC_COLOURS),
        font=dict(color="#2a3f5f"),
        hovermode="closest",
        hoverlabel=dict(align="left"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis=_AXIS,
        yaxis=_AXIS,
        shapedefaults=dict(line=dict(color="#2a3f5f")),
        annotationdefaults=dict(arrowcolor="#2a3f5f", arrowhead=0, arrowwidth=1),
        title=dict(x=0.05),
    ),
    data=dict(
        heatmap=[dict(type="heatmap", colorbar=dict(outlinewidth=0, ticks=""))],
        bar=[dict(type="bar", marker=dict(line=dict(color="white", width=0.5)))],
    ),
)


def wrap_label(label: str, width: int = 14) -> str:
    """An axis label broken over lines of about `width` characters, HTML-escaped."""
    return "<br>".join(escape_plotly(line) for line in textwrap.wrap(label, width)) or escape_plotly(label)


def stance_colourscale() -> list[list]:
    """A stepped colourscale over −2..2: one flat band of colour per scale point."""
    steps = len(POSITIONS)
    scale: list[list] = []
    for i, position in enumerate(POSITIONS):
        scale.append([i / steps, COLOURS[position]])
        scale.append([(i + 1) / steps, COLOURS[position]])
    return scale


def position_hover(row: pd.Series, *, heading: bool = True) -> str:
    """Hover text for one stated position: actor and issue (unless the chart's template names them), stance,
    paraphrase, speaker, date and source."""
    lines = [f"<b>{escape_plotly(row['actor'])}</b> · {escape_plotly(row['issue'])}"] if heading else []
    lines += [
        f"<b>{escape_plotly(stance_label(row['position']))}</b>",
        escape_plotly(row["summary"], HOVER_WIDTH),
    ]
    evidence = EVIDENCE_TYPES.get(row.get("evidence", ""), "")
    who = " · ".join(filter(None, [escape_plotly(row.get("speaker", "")), format_date(row["date"]), evidence]))
    lines.append(who)
    if row.get("voice") == "other":
        lines.append("Another voice: does not set the actor's position")
    if row.get("joint"):
        lines.append("Joint statement: " + escape_plotly(row["joint"], HOVER_WIDTH))
    lines.append("Source: " + escape_plotly(row["source"], HOVER_WIDTH))
    return "<br>".join(lines)


def stance_matrix_figure(
    latest: pd.DataFrame, actors: list[str], issues: list[str], actor_bloc: dict[str, str]
) -> go.Figure:
    """Actors × issues heatmap of latest positions, a glyph in every cell, blocs separated by lines.

    Up to DETAILED_HOVER_LIMIT cells, each hover tells the paraphrase, speaker, date and source. Beyond
    that the figure stays lean (no text per cell but the glyph; positions as float32), so a table a
    thousand times larger still sends well under 1 MB; the table twin carries the details.
    """
    position = latest.pivot_table(index="actor", columns="issue", values="position", aggfunc="last")
    z = position.reindex(index=actors, columns=issues).to_numpy(dtype=np.float32)
    glyph_of = np.array(["", *(GLYPHS[p] for p in POSITIONS)], dtype=object)
    glyphs = glyph_of[np.where(np.isnan(z), 0, z - MIN_POSITION + 1).astype(int)]
    detailed = len(actors) * len(issues) <= DETAILED_HOVER_LIMIT
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
                figure.add_shape(_rule(index - 0.5, "#1a1a1a", 2))
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


def _lanes(count: int, spacing: float = 0.16) -> list[float]:
    """Vertical offset of each bloc's lane within an issue's row, first bloc on top."""
    return [((count - 1) / 2 - rank) * spacing for rank in range(count)]


def bloc_positions_figure(latest: pd.DataFrame, issues: list[str], blocs: list[str]) -> go.Figure:
    """Per issue (rows), each bloc's position on the −2..+2 axis, one lane per bloc.

    The first two blocs are the ones compared: when they have several members, each member is a
    hollow marker, the mean a filled one and the range a band. Further blocs show their mean.
    """
    row_of = {issue: len(issues) - 1 - i for i, issue in enumerate(issues)}
    rows = latest[latest["issue"].isin(row_of) & latest["bloc"].isin(blocs)]
    lane_of = dict(zip(blocs, _lanes(len(blocs)), strict=False))
    figure = go.Figure()
    for rank, bloc in enumerate(blocs):
        colour, symbol = BLOC_COLOURS[rank % len(BLOC_COLOURS)], BLOC_SYMBOLS[rank % len(BLOC_SYMBOLS)]
        members = rows[rows["bloc"] == bloc]
        if members.empty:
            continue
        stats = members.groupby("issue", sort=False)["position"].agg(["mean", "min", "max", "count"])
        lane = [row_of[issue] + lane_of[bloc] for issue in stats.index]
        several = members["actor"].nunique() > 1
        if rank < 2 and several:
            _add_range_and_members(figure, members, stats, lane, bloc, colour, row_of, lane_of[bloc])
        figure.add_trace(
            go.Scatter(
                x=stats["mean"],
                y=lane,
                mode="markers",
                name=escape_plotly(f"{bloc} (mean)" if several else bloc),
                marker=dict(symbol=symbol, size=16, color=colour, line=dict(width=1, color="#ffffff")),
                customdata=[_mean_hover(bloc, issue, s) for issue, s in stats.iterrows()],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    figure.update_layout(
        shapes=[_rule(boundary + 0.5, "#cccccc", 1) for boundary in range(len(issues) - 1)],
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=150 + 78 * len(issues),
        margin=dict(l=10, r=10, t=130, b=10),
        legend=dict(orientation="h", yref="container", y=1, yanchor="top", xanchor="left", x=0, font=dict(size=14)),
        xaxis=dict(
            side="top",
            range=[MIN_POSITION - 0.4, MAX_POSITION + 0.4],
            tickvals=list(POSITIONS),
            ticktext=[f"{GLYPHS[p]} {signed(p)}<br>{LABELS[p]}" for p in POSITIONS],
            gridcolor="#bdbdbd",
            zeroline=False,
        ),
        yaxis=dict(
            tickvals=list(row_of.values()),
            ticktext=[wrap_label(i, 26) for i in row_of],
            range=[-0.5, len(issues) - 0.5],
            showgrid=False,
            zeroline=False,
        ),
        hoverlabel=dict(bgcolor="#ffffff", font=dict(size=14, color="#1a1a1a")),
    )
    return figure


def _add_range_and_members(
    figure: go.Figure,
    members: pd.DataFrame,
    stats: pd.DataFrame,
    lane: list[float],
    bloc: str,
    colour: str,
    row_of: dict[str, int],
    offset: float,
) -> None:
    """A bloc's range as a band and its members as hollow markers, fanned where they coincide."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for (_, s), y in zip(stats.iterrows(), lane, strict=False):
        xs += [s["min"], s["max"], None]
        ys += [y, y, None]
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line=dict(color=colour, width=14),
            opacity=0.2,
            name=escape_plotly(f"{bloc} (range)"),
            hoverinfo="skip",
        )
    )
    points = members.sort_values(["issue", "position", "actor"])
    coinciding = points.groupby(["issue", "position"], sort=False)
    rank, size = coinciding.cumcount().to_numpy(), coinciding["actor"].transform("size").to_numpy()
    fan = (rank - (size - 1) / 2) * np.minimum(0.07, 0.6 / size)
    records = points.to_dict("records")
    hovers = [position_hover(row) if len(records) <= DETAILED_POINTS_LIMIT else short_hover(row) for row in records]
    figure.add_trace(
        go.Scatter(
            x=(points["position"].to_numpy() + fan).astype(np.float32),
            y=(points["issue"].map(row_of).to_numpy() + offset).astype(np.float32),
            mode="markers",
            name=escape_plotly(f"{bloc} (members)"),
            marker=dict(symbol="circle-open", size=11, color=colour, line=dict(width=2)),
            customdata=hovers,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )


def short_hover(row: dict) -> str:
    """A one-line hover for charts with too many points to carry every paraphrase."""
    return (
        f"<b>{escape_plotly(row['actor'])}</b> · {escape_plotly(row['issue'])}<br>"
        f"{escape_plotly(stance_label(row['position']))} · {format_date(row['date'])}"
    )


def _rule(y: float, colour: str, width: float) -> dict:
    """A horizontal line across the plot, as a layout shape (one list of shapes is far faster than add_hline)."""
    return dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y, line=dict(color=colour, width=width))


def _mean_hover(bloc: str, issue: str, stats: pd.Series) -> str:
    """Hover for a bloc's marker: the stance of a lone member, or mean and range of several."""
    count = int(stats["count"])
    heading = f"<b>{escape_plotly(bloc)}</b> · {escape_plotly(issue)}<br>"
    if count == 1:
        return heading + escape_plotly(stance_label(stats["mean"]))
    return (
        heading + f"Mean {signed(round(float(stats['mean']), 1))} of {count} actors, "
        f"range {signed(int(stats['min']))} to {signed(int(stats['max']))}"
    )


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
