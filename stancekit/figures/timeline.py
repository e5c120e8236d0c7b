"""The timeline chart: key events and chapters on a date strip, then one lane per actor.

In a lane the step line is the actor's position as the latest-position rule sees it (own words first).
Every row is a marker in its stance colour with its glyph beside it; the marker's shape says what kind
of row it is, so a report or another voice shows as what it is, not as a move of the position.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from stancekit.changes import effective_positions
from stancekit.chapters import Chapter
from stancekit.figures.style import (
    DETAILED_POINTS_LIMIT,
    FONT,
    HOUSE_TEMPLATE,
    HOVER_WIDTH,
    position_hover,
    short_hover,
)
from stancekit.i18n import LABELLED, N_, gettext
from stancekit.scale import COLOURS, GLYPHS
from stancekit.standing import JOINT_STATEMENT, OTHER_VOICE, OWN_STATEMENT, REPORTED, STANDING_LABELS, standing
from stancekit.text import escape_plotly, format_date

LANE_STEP = 0.18  # vertical offset per scale step inside an actor's lane (lanes are 1 apart)
# Marker shape per kind of row: filled for what the actor said on the record, open for the rest.
STANDING_SYMBOLS = {
    OWN_STATEMENT: "circle",
    JOINT_STATEMENT: "square",
    REPORTED: "circle-open",
    OTHER_VOICE: "diamond-open",
}
# i18n: the timeline's key to its marker shapes (keep the symbols)
STANDING_KEY = N_("● own statement · ■ joint statement · ○ reported · ◇ another voice (not on the line)")
CHAPTER_SHADE = "#f3f0f7"
CHAPTER_LINE = 18  # px: the height of one line of chapter labels


def _chapter_shapes(figure: go.Figure, chapters: tuple[Chapter, ...], lang: str = "en") -> list[dict]:
    """A light band behind every other chapter, and each chapter's number and name at the top."""
    _ = gettext(lang)
    shapes = []
    for chapter in chapters:
        if chapter.number % 2 == 0:
            shapes.append(
                dict(
                    type="rect",
                    xref="x2",
                    x0=chapter.start,
                    x1=chapter.end,
                    yref="paper",
                    y0=0,
                    y1=1,
                    fillcolor=CHAPTER_SHADE,
                    line=dict(width=0),
                    layer="below",
                )
            )
        # A short label ("Ch. 2"), every other one a line higher: a chapter of a few weeks is only ~20 px
        # wide on a phone, so neighbours' labels would otherwise print on top of one another.
        figure.add_annotation(
            x=chapter.start + (chapter.end - chapter.start) / 2,
            xref="x2",
            y=1,
            yref="paper",
            yanchor="bottom",
            yshift=CHAPTER_LINE if chapter.number % 2 == 0 else 0,
            # i18n: a short chapter label at the top of the timeline ("Ch." for chapter)
            text=_("<b>Ch. {number}</b>").format(number=chapter.number),
            hovertext=escape_plotly(chapter.name),
            showarrow=False,
            font=dict(size=13, color="#333333"),
        )
    return shapes


def timeline_figure(
    statements: pd.DataFrame,
    events: pd.DataFrame,
    actors: list[str],
    as_of: pd.Timestamp | None = None,
    chapters: tuple[Chapter, ...] = (),
    period: Chapter | None = None,
    lang: str = "en",
) -> go.Figure:
    """Key events on a date strip, above one lane per actor holding its position over time as a step line.

    Within a lane, higher means more supportive (+2 at the top edge, −2 at the bottom, a dotted line at
    0). customdata[0] of every marker is its row label; hovering gives paraphrase, speaker, date, evidence,
    voice and source. With `period`, the date axis shows that chapter only.
    """
    _ = gettext(lang)
    present = [a for a in actors if a in set(statements["actor"])]
    lane_of = {actor: len(present) - 1 - i for i, actor in enumerate(present)}  # first actor on top
    figure = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.02, row_heights=[60, 46 * max(len(present), 1) + 20]
    )
    if not events.empty:
        figure.add_trace(
            go.Scatter(
                x=events["date"],
                y=[0] * len(events),
                mode="markers",
                name=_("Key events"),
                showlegend=False,
                marker=dict(symbol="diamond", size=12, color="#4d4d4d"),
                customdata=[
                    escape_plotly(_(LABELLED).format(label=format_date(d, lang), text=e), HOVER_WIDTH)
                    for d, e in zip(events["date"], events["event"], strict=True)
                ],
                hovertemplate="%{customdata}<extra></extra>",
            ),
            row=1,
            col=1,
        )
    end = pd.Timestamp(as_of) if as_of is not None else statements["date"].max()
    shapes = _chapter_shapes(figure, chapters, lang)
    detailed = len(statements) <= DETAILED_POINTS_LIMIT

    def hover(row: dict) -> str:
        return position_hover(row, lang=lang) if detailed else short_hover(row, lang)

    ordered = effective_positions(statements)
    for actor in present:
        rows = ordered[ordered["actor"] == actor]
        base = lane_of[actor]
        setting = rows[rows["sets_position"]]
        xs, ys = list(setting["date"]), list(base + setting["position"] * LANE_STEP)
        if xs and end > xs[-1]:
            xs, ys = xs + [end], ys + [ys[-1]]
        shapes.append(
            dict(
                type="line",
                xref="x2 domain",
                x0=0,
                x1=1,
                yref="y2",
                y0=base,
                y1=base,
                line=dict(color="#cfcfcf", width=1, dash="dot"),
            )
        )
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line=dict(shape="hv", width=2.5, color="#4d4d4d"),
                hoverinfo="skip",
                showlegend=False,
            ),
            row=2,
            col=1,
        )
        kinds = standing(rows)
        figure.add_trace(
            go.Scatter(
                x=rows["date"],
                y=base + rows["position"] * LANE_STEP,
                mode="markers+text",
                showlegend=False,
                marker=dict(
                    size=13,
                    symbol=[STANDING_SYMBOLS[int(k)] for k in kinds],
                    color=[COLOURS[int(p)] for p in rows["position"]],
                    line=dict(width=[1.5 if int(k) < REPORTED else 2.5 for k in kinds], color="#1a1a1a"),
                ),
                text=[GLYPHS[int(p)] for p in rows["position"]],
                textposition="middle right",
                textfont=dict(size=12, color="#1a1a1a"),
                customdata=[
                    [str(label), hover(row) + f"<br><i>{_(STANDING_LABELS[int(kind)])}</i>"]
                    for label, row, kind in zip(rows.index, rows.to_dict("records"), kinds, strict=True)
                ],
                hovertemplate="%{customdata[1]}<extra></extra>",
            ),
            row=2,
            col=1,
        )
    if as_of is not None:
        figure.add_vline(x=pd.Timestamp(as_of), line=dict(color="#542788", width=2, dash="dash"))
    figure.update_layout(shapes=[*figure.layout.shapes, *shapes])
    figure.update_yaxes(visible=False, range=[-1, 1], row=1, col=1)
    figure.update_yaxes(
        tickvals=list(lane_of.values()),
        ticktext=[escape_plotly(a) for a in lane_of],
        range=[-0.6, max(len(present), 1) - 0.4],
        showgrid=False,
        zeroline=False,
        row=2,
        col=1,
    )
    # Month over year: a date is as narrow as "Sept", so a phone's plot (~190 px for the dates) keeps its
    # ticks apart; on one line ("Jan 2025") three of them overlap at 360 px.
    figure.update_xaxes(gridcolor="#e6e6e6", tickformat="%b<br>%Y", row=2, col=1)
    if period is not None:
        figure.update_xaxes(range=[period.start - pd.Timedelta(days=3), period.end + pd.Timedelta(days=3)])
    figure.update_layout(
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=140 + 46 * max(len(present), 1) + (2 * CHAPTER_LINE + 10 if chapters else 0),
        margin=dict(l=10, r=30, t=10 + (2 * CHAPTER_LINE + 10 if chapters else 0), b=10),
        hoverlabel=dict(bgcolor="#ffffff", font=dict(size=14, color="#1a1a1a")),
        clickmode="event+select",
    )
    return figure
