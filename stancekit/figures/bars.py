"""Bar charts: the gap between two blocs issue by issue, and how well a reader's answers match each actor."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from stancekit.figures.style import FONT, HOUSE_TEMPLATE, label_with_figures
from stancekit.i18n import N_, gettext, percent
from stancekit.i18n import ngettext as plural_forms
from stancekit.scale import signed
from stancekit.text import escape_plotly

# The x axis title stays short so it fits under a phone's narrow plot; the view's caption can say the rest.
# i18n: a chart's axis title: the distance between two blocs' mean positions, from 0 to 4 (keep it short)
GAP_AXIS_TITLE = N_("Gap (0–4)")
GAP_EXPLANATION = N_(
    "The gap is the distance between the two blocs' mean positions: 0 = the same position, "
    "4 = opposite ends of the scale."
)


def _figures_line(parts: list[str], one_line: int = 26) -> str:
    """Figures joined on one line, or one per line when together they would be wider than a phone allows."""
    joined = " · ".join(parts)
    return joined if len(joined) <= one_line else "<br>".join(parts)


def gap_figure(gaps: pd.DataFrame, bloc_a: str, bloc_b: str, lang: str = "en") -> go.Figure:
    """Horizontal bars: issues ranked by the distance between two blocs' mean positions.

    Each bar's figures (both means) are the second line of its tick label, not text beside the bar: the
    axis margin grows to fit them, so at 358 px nothing is clipped. See GAP_EXPLANATION for the caption.
    """
    _ = gettext(lang)
    comparable = gaps.dropna(subset=["gap"]).iloc[::-1]
    figures = [
        _figures_line(
            [
                f"{escape_plotly(bloc_a)} {signed(round(a, 1), lang)}",
                f"{escape_plotly(bloc_b)} {signed(round(b, 1), lang)}",
            ]
        )
        for a, b in zip(comparable["mean_a"], comparable["mean_b"], strict=False)
    ]
    labels = [label_with_figures(issue, f) for issue, f in zip(comparable["issue"], figures, strict=True)]
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    figure = go.Figure(
        go.Bar(
            x=comparable["abs_gap"],
            y=labels,
            orientation="h",
            marker=dict(color="#4d4d4d"),
            customdata=[escape_plotly(i) for i in comparable["issue"]],
            # i18n: a chart's hover label, "Gap 1.5 points" ({gap}: filled in by the chart)
            hovertemplate="<b>%{customdata}</b><br>" + _("Gap {gap} points").format(gap="%{x:.1f}") + "<extra></extra>",
        )
    )
    figure.update_layout(
        font=FONT,
        height=90 + max(56, 18 * lines + 12) * max(len(comparable), 1),
        margin=dict(l=10, r=20, t=10, b=10),
        bargap=0.35,
        xaxis=dict(
            range=[0, 4.1],
            tickvals=[0, 1, 2, 3, 4],
            title=dict(text=_(GAP_AXIS_TITLE), standoff=10),
            gridcolor="#d0d0d0",
        ),
        yaxis=dict(tickfont=dict(size=14)),
        template=HOUSE_TEMPLATE,
        showlegend=False,
    )
    return figure


def match_figure(matches: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Horizontal bars of match % (best on top); each tick label names the actor, then the match and the
    issues it rests on in smaller type (in the axis margin, so never clipped at a phone's width)."""
    _, ngettext = gettext(lang), plural_forms(lang)
    ranked = matches.iloc[::-1]
    figures = [
        # i18n: a bar's figures, "80% · 3 issues" (the match and the issues it rests on)
        ngettext("{match} · {count} issue", "{match} · {count} issues", n).format(match=percent(m, lang), count=n)
        for m, n in zip(ranked["match"], ranked["issues"], strict=True)
    ]
    names = [escape_plotly(name) for name in ranked["name"]]
    figure = go.Figure(
        go.Bar(
            x=ranked["match"] * 100,
            y=[label_with_figures(name, f, 24) for name, f in zip(ranked["name"], figures, strict=True)],
            orientation="h",
            marker=dict(color="#0072B2"),
            customdata=[[n, f] for n, f in zip(names, figures, strict=True)],
            hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]}<extra></extra>",
        )
    )
    figure.update_layout(
        font=FONT,
        template=HOUSE_TEMPLATE,
        height=90 + 52 * max(len(ranked), 1),
        margin=dict(l=10, r=20, t=10, b=10),
        bargap=0.3,
        xaxis=dict(range=[0, 102], tickvals=[0, 25, 50, 75, 100], ticksuffix="%", title=_("Match")),
        yaxis=dict(tickfont=dict(size=14)),
        showlegend=False,
    )
    return figure
