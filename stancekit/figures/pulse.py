"""Class Pulse: the class's answers per proposition, as stacked bars of how many students chose each point."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from stancekit.figures.style import FONT, HOUSE_TEMPLATE, label_with_figures, legend_below
from stancekit.i18n import gettext
from stancekit.i18n import ngettext as plural_forms
from stancekit.scale import COLOURS, GLYPHS, POSITIONS, TEXT_COLOURS, agree_label
from stancekit.text import escape_plotly


def class_distribution_figure(spread: pd.DataFrame, lang: str = "en") -> go.Figure:
    """One bar per proposition (first on top), split by scale point: each segment in its stance colour with its
    glyph and count printed inside, so it reads without colour. Each tick label says how many answered and the
    median. `spread` is stancekit.pulse_results.distribution."""
    _, ngettext = gettext(lang), plural_forms(lang)

    def figures(answered: int, median: float) -> str:
        # i18n: a bar's figures under a proposition, "12 answered" and "12 answered · median +1"
        if pd.isna(median):
            return ngettext("{count} answered", "{count} answered", answered).format(count=answered)
        return ngettext("{count} answered · median {median}", "{count} answered · median {median}", answered).format(
            count=answered, median=f"{median:+g}"
        )

    rows = spread.iloc[::-1]
    labels = [
        label_with_figures(issue, figures(int(answered), median), width=24)
        for issue, answered, median in zip(rows["issue"], rows["answered"], rows["median"], strict=True)
    ]
    figure = go.Figure()
    for position in POSITIONS:
        counts = rows[str(position)].astype(int)
        figure.add_trace(
            go.Bar(
                x=counts,
                y=labels,
                orientation="h",
                name=f"{GLYPHS[position]} {agree_label(position, lang)}",
                marker=dict(color=COLOURS[position]),
                text=[f"{GLYPHS[position]} {n}" if n else "" for n in counts],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,  # a narrow segment shrinks its label rather than turning it on its side (phones)
                textfont=dict(color=TEXT_COLOURS[position], size=14),
                customdata=[escape_plotly(issue) for issue in rows["issue"]],
                # i18n: a chart's hover label, "▲ Agree: 12 students" ({count}: filled in by the chart)
                hovertemplate="<b>%{customdata}</b><br>"
                + _("{answer}: {count} students").format(
                    answer=f"{GLYPHS[position]} {agree_label(position, lang)}", count="%{x}"
                )
                + "<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="stack",
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=130 + 62 * max(len(rows), 1),
        margin=dict(l=10, r=20, t=10, b=10),
        bargap=0.3,
        xaxis=dict(title=dict(text=_("Students")), side="top", rangemode="tozero", dtick=5),
        yaxis=dict(tickfont=dict(size=14)),
        legend=legend_below(traceorder="normal"),
    )
    return figure
