"""Where the blocs stand: per issue, each bloc's position on the −2..+2 axis, members and range included."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit import i18n
from stancekit.figures.style import (
    BLOC_COLOURS,
    BLOC_SYMBOLS,
    DETAILED_POINTS_LIMIT,
    FONT,
    HOUSE_TEMPLATE,
    SMALL_FONT,
    horizontal_rule,
    legend_below,
    position_hover,
    short_hover,
    wrap_label,
)
from stancekit.i18n import N_, gettext
from stancekit.scale import GLYPHS, MAX_POSITION, MIN_POSITION, POSITIONS, signed, stance_label
from stancekit.text import escape_plotly

# The scale's direction in words, above its glyph-and-number ticks. It is centred on the plot, which on a
# 360 px phone is ~180 px wide beside the issue names: in SMALL_FONT px, and with issue names wrapped at
# ISSUE_WRAP characters, it stays inside the chart (at 14 px and 20 characters it ran 6 px past its edge).
# i18n: the bloc chart's axis title, from opposing (left) to supporting (right); keep the symbols
SCALE_TITLE = N_("◀ opposes · split ◆ · supports ▶")
ISSUE_WRAP = 18
SCALE_TITLE_WRAP = 40


def _lanes(count: int, spacing: float = 0.16) -> list[float]:
    """Vertical offset of each bloc's lane within an issue's row, first bloc on top."""
    return [((count - 1) / 2 - rank) * spacing for rank in range(count)]


def bloc_positions_figure(latest: pd.DataFrame, issues: list[str], blocs: list[str], lang: str = "en") -> go.Figure:
    """Per issue (rows), each bloc's position on the −2..+2 axis, one lane per bloc.

    The first two blocs are the ones compared: when they have several members, each member is a
    hollow marker, the mean a filled one and the range a band. Further blocs show their mean.
    """
    _ = gettext(lang)
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
            _add_range_and_members(figure, members, stats, lane, bloc, colour, row_of, lane_of[bloc], lang=lang)
        figure.add_trace(
            go.Scatter(
                x=stats["mean"],
                y=lane,
                mode="markers",
                # i18n: a chart legend entry: a bloc's mean position
                name=escape_plotly(_("{bloc} (mean)").format(bloc=bloc) if several else bloc),
                marker=dict(symbol=symbol, size=16, color=colour, line=dict(width=1, color="#ffffff")),
                customdata=[_mean_hover(bloc, issue, s, lang) for issue, s in stats.iterrows()],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    figure.update_layout(
        shapes=[horizontal_rule(boundary + 0.5, "#cccccc", 1) for boundary in range(len(issues) - 1)],
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=230 + 78 * len(issues),
        margin=dict(l=10, r=10, t=10, b=10),
        # Under the plot (the scale is on top): the legend wraps to the width it gets instead of taking it.
        legend=legend_below(traceorder="normal"),
        xaxis=dict(
            side="top",
            range=[MIN_POSITION - 0.4, MAX_POSITION + 0.4],
            tickvals=list(POSITIONS),
            # Glyph and number only: five narrow labels fit a phone's plot; the title says which way is which.
            ticktext=[f"{GLYPHS[p]}<br>{signed(p)}" for p in POSITIONS],
            tickfont=dict(size=14),
            tickangle=0,
            # One line in en/fr/de/uk; a longer translation wraps rather than running past a phone's chart.
            title=dict(text=wrap_label(_(SCALE_TITLE), SCALE_TITLE_WRAP), font=dict(size=SMALL_FONT), standoff=8),
            gridcolor="#bdbdbd",
            zeroline=False,
        ),
        yaxis=dict(
            tickvals=list(row_of.values()),
            ticktext=[wrap_label(i, ISSUE_WRAP) for i in row_of],
            tickfont=dict(size=14),
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
    *,
    lang: str = "en",
) -> None:
    """A bloc's range as a band and its members as hollow markers, fanned where they coincide."""
    _ = gettext(lang)
    xs: list[float | None] = []
    ys: list[float | None] = []
    for (_issue, s), y in zip(stats.iterrows(), lane, strict=False):
        xs += [s["min"], s["max"], None]
        ys += [y, y, None]
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line=dict(color=colour, width=14),
            opacity=0.2,
            # i18n: a chart legend entry: the band from a bloc's lowest to highest position
            name=escape_plotly(_("{bloc} (range)").format(bloc=bloc)),
            hoverinfo="skip",
        )
    )
    points = members.sort_values(["issue", "position", "actor"])
    coinciding = points.groupby(["issue", "position"], sort=False)
    rank, size = coinciding.cumcount().to_numpy(), coinciding["actor"].transform("size").to_numpy()
    fan = (rank - (size - 1) / 2) * np.minimum(0.07, 0.6 / size)
    records = points.to_dict("records")
    hovers = [
        position_hover(row, lang=lang) if len(records) <= DETAILED_POINTS_LIMIT else short_hover(row, lang)
        for row in records
    ]
    figure.add_trace(
        go.Scatter(
            x=(points["position"].to_numpy() + fan).astype(np.float32),
            y=(points["issue"].map(row_of).to_numpy() + offset).astype(np.float32),
            mode="markers",
            # i18n: a chart legend entry: a bloc's member actors
            name=escape_plotly(_("{bloc} (members)").format(bloc=bloc)),
            marker=dict(symbol="circle-open", size=11, color=colour, line=dict(width=2)),
            customdata=hovers,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )


def _mean_hover(bloc: str, issue: str, stats: pd.Series, lang: str = "en") -> str:
    """Hover for a bloc's marker: the stance of a lone member, or mean and range of several."""
    count = int(stats["count"])
    heading = f"<b>{escape_plotly(bloc)}</b> · {escape_plotly(issue)}<br>"
    if count == 1:
        return heading + escape_plotly(stance_label(stats["mean"], lang))
    ngettext = i18n.ngettext(lang)
    return heading + ngettext(
        "Mean {mean} of {count} actor, range {low} to {high}",
        "Mean {mean} of {count} actors, range {low} to {high}",
        count,
    ).format(
        mean=signed(round(float(stats["mean"]), 1), lang),
        count=count,
        low=signed(int(stats["min"])),
        high=signed(int(stats["max"])),
    )
