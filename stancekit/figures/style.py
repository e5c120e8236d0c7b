"""What every figure shares: font, colours, the house template, axis labels, hover texts and rules.

Stance is always encoded twice: colour from the colour-blind-safe scale plus a glyph or a marker
shape, so the charts read in greyscale and for colour-blind viewers.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from stancekit.i18n import gettext
from stancekit.scale import stance_label
from stancekit.schema import EVIDENCE_TYPES
from stancekit.text import escape_plotly, format_date

FONT = dict(family="sans-serif", size=15, color="#1a1a1a")
# Figures are stretched to their container, 358 px on a phone to ~1800 px on a projector, and the server
# never knows which: every figure is built to read at any of those widths. No text below MIN_FONT px;
# figures set beside a label (the second line of a tick label) are SMALL_FONT px.
MIN_FONT = 12
SMALL_FONT = 13
# Okabe–Ito colours and distinct marker shapes, one pair per bloc in display order.
BLOC_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#000000", "#CC79A7", "#E69F00", "#56B4E9")
BLOC_SYMBOLS = ("diamond", "square", "triangle-up", "x", "star", "circle", "cross")
HOVER_WIDTH = 60
# Markers with a full hover each (a paraphrase is ~400 bytes); beyond this many, charts give each a short
# hover to stay small in the browser.
DETAILED_POINTS_LIMIT = 600
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


def label_with_figures(label: str, figures: str, width: int = 22) -> str:
    """A tick label that carries its bar's figures: the label wrapped, then `figures` (already escaped) on
    a line of its own in smaller, darker type. It sits in the axis margin, which plotly sizes to fit
    (automargin), so nothing runs past the chart's edge the way a label outside a bar does on a phone."""
    return f'{wrap_label(label, width)}<br><span style="font-size:{SMALL_FONT}px;color:#333333">{figures}</span>'


def legend_below(**extra: object) -> dict:
    """A horizontal legend under the plot (for a chart whose x axis is on top): it wraps to the width it
    has instead of taking width from the plot, and plotly grows the bottom margin to hold it."""
    return dict(
        orientation="h",
        x=0,
        xanchor="left",
        y=0,
        yanchor="top",
        yref="paper",
        font=dict(size=14),
        **extra,
    )


def colorbar_below(**extra: object) -> dict:
    """A heatmap's horizontal colour bar under the plot, as wide as the chart: a phone's width goes to the
    cells, and its ticks spread over the whole width instead of crowding a narrow strip beside them."""
    return dict(
        orientation="h",
        tickfont=dict(size=14),
        thickness=14,
        len=1.0,
        x=0.5,
        xanchor="center",
        y=0,
        yanchor="bottom",
        yref="container",
        ypad=8,
        **extra,
    )


def position_hover(row: pd.Series, *, heading: bool = True, lang: str = "en") -> str:
    """Hover text for one stated position: actor and issue (unless the chart's template names them), stance,
    paraphrase, speaker, date and source (in `lang`)."""
    _ = gettext(lang)
    lines = [f"<b>{escape_plotly(row['actor'])}</b> · {escape_plotly(row['issue'])}"] if heading else []
    lines += [
        f"<b>{escape_plotly(stance_label(row['position'], lang))}</b>",
        escape_plotly(row["summary"], HOVER_WIDTH),
    ]
    evidence = EVIDENCE_TYPES.get(row.get("evidence", ""), "")
    evidence = _(evidence) if evidence else ""
    who = " · ".join(filter(None, [escape_plotly(row.get("speaker", "")), format_date(row["date"], lang), evidence]))
    lines.append(who)
    if row.get("voice") == "other":
        lines.append(_("Another voice: does not set the actor's position"))
    if row.get("joint"):
        lines.append(_("Joint statement: {joint}").format(joint=escape_plotly(row["joint"], HOVER_WIDTH)))
    lines.append(_("Source: {source}").format(source=escape_plotly(row["source"], HOVER_WIDTH)))
    return "<br>".join(lines)


def short_hover(row: dict, lang: str = "en") -> str:
    """A one-line hover for charts with too many points to carry every paraphrase."""
    return (
        f"<b>{escape_plotly(row['actor'])}</b> · {escape_plotly(row['issue'])}<br>"
        f"{escape_plotly(stance_label(row['position'], lang))} · {format_date(row['date'], lang)}"
    )


def horizontal_rule(y: float, colour: str, width: float) -> dict:
    """A horizontal line across the plot, as a layout shape (one list of shapes is far faster than add_hline)."""
    return dict(type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y, line=dict(color=colour, width=width))
