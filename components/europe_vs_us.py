"""Europe vs US: two blocs side by side on every issue, and the issues ranked by their gap."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.caches import shared
from components.common import chart_with_table, empty_state, page_header, provenance, quote_markdown
from components.context import ViewContext
from components.language import _
from components.pages import page
from stancekit.aggregation import (
    bloc_gap,
    bloc_voices,
    comparable_gaps,
    comparison_pair,
    incomparable_issues,
    largest_gaps,
    pair_first,
    preferred_comparison,
)
from stancekit.describe import bloc_split, bloc_value
from stancekit.figures.bars import GAP_EXPLANATION, gap_figure
from stancekit.figures.blocs import bloc_positions_figure
from stancekit.i18n import LABELLED
from stancekit.scale import stance_label
from stancekit.selection import with_positions
from stancekit.tables import bloc_table, gap_table
from stancekit.text import escape_markdown

TOP_GAPS = 3


def _choose_pair(blocs: list[str], preferred: tuple[str, str]) -> tuple[str, str]:
    """Two blocs to compare, defaulting to Europe and the United States; mirrored in the URL."""
    default_a, default_b = comparison_pair(blocs, preferred)
    left, right = st.columns(2)
    # i18n: the first of two bloc pickers, read together: "Compare [Europe] with [United States]"
    bloc_a = left.selectbox(_("Compare"), blocs, index=blocs.index(default_a), key=keys.COMPARE_A, bind="query-params")
    others = [b for b in blocs if b != bloc_a]
    default = others.index(default_b) if default_b in others else 0
    # i18n: the second of two bloc pickers, read together: "Compare [Europe] with [United States]"
    bloc_b = right.selectbox(_("with"), others, index=default, key=keys.COMPARE_B, bind="query-params")
    return bloc_a, bloc_b


def render(ctx: ViewContext) -> None:
    """Draw the bloc comparison, the gap ranking and the biggest gaps explained."""
    spec = page("europe_vs_us")
    _title, heading = spec.wording(ctx.dataset.blocs, ctx.dataset.aliases)
    if heading == spec.heading:  # the topic has both blocs of the preferred comparison
        page_header(
            _(heading),
            _(
                "Where the two blocs diverge most and why, then every issue: each European actor (hollow "
                "circles), Europe's mean (filled diamond) and range (band), with the US, Ukraine, Russia and "
                "NATO alongside. Europe is not one voice: look at the spread as well as the mean."
            ),
        )
    else:
        page_header(
            _(heading),
            _(
                "Where two blocs diverge most and why, then every issue: the first bloc's members (hollow "
                "circles), its mean (filled marker) and range (band), with the other blocs alongside. A bloc is "
                "not one voice: look at the spread as well as the mean."
            ),
        )
    blocs = with_positions(ctx.dataset.blocs, ctx.latest, "bloc")
    if len(blocs) < 2:
        empty_state(_("Comparing needs positions from at least two blocs."))
        return
    _comparison(ctx, blocs)


@st.fragment
def _comparison(ctx: ViewContext, blocs: list[str]) -> None:
    """The chosen pair and everything compared. A fragment: choosing other blocs reruns only this part."""
    bloc_a, bloc_b = _choose_pair(blocs, preferred_comparison(ctx.dataset.aliases))
    order = pair_first(blocs, bloc_a, bloc_b)

    gaps = shared(ctx.cache_key("bloc_gap", bloc_a, bloc_b), lambda: bloc_gap(ctx.latest, bloc_a, bloc_b))
    comparable = comparable_gaps(gaps)
    a, b = escape_markdown(bloc_a), escape_markdown(bloc_b)
    st.subheader(_("Issues ranked by the {first}–{second} gap").format(first=a, second=b), anchor=False)
    if comparable.empty:
        st.info(_("{first} and {second} have no issue on which both stated a position.").format(first=a, second=b))
    else:
        st.caption(
            _(
                "{explanation} A bloc's mean can rest on one member or on one joint statement: the Table tab and "
                "the cards below say how many members stated a position and how they split."
            ).format(explanation=_(GAP_EXPLANATION))
        )
        chart_with_table(
            lambda: gap_figure(gaps, bloc_a, bloc_b, ctx.lang),
            lambda: gap_table(gaps, bloc_a, bloc_b, ctx.bloc_summary(), ctx.lang),
            alt=_(
                "Bar chart of {count} issues ranked by the distance between the mean positions of {first} and "
                "{second}, largest first."
            ).format(count=len(comparable), first=bloc_a, second=bloc_b),
            key="gaps",
            shared_key=ctx.cache_key("gap_figure", bloc_a, bloc_b),
        )
    missing = incomparable_issues(gaps)
    if missing:
        st.caption(
            _(
                "Not comparable, because one side stated no position: {issues}. No stated position is itself "
                "information."
            ).format(issues=", ".join(escape_markdown(i) for i in missing))
        )
    _explain_top_gaps(ctx, gaps, bloc_a, bloc_b)

    st.subheader(_("Positions by bloc: {first} vs {second}").format(first=a, second=b), anchor=False)
    chart_with_table(
        lambda: bloc_positions_figure(ctx.latest, ctx.issues, order, ctx.lang),
        lambda: bloc_table(ctx.bloc_summary(), ctx.issues, order, ctx.lang),
        alt=_(
            "Dot plot of each bloc's position on {count} issues on a scale from strongly opposes to strongly "
            "supports, showing the members, mean and range of {first} next to {second} and the other blocs. "
            "The Table tab lists the same values."
        ).format(count=len(ctx.issues), first=bloc_a, second=bloc_b),
        key="blocs",
        shared_key=ctx.cache_key("bloc_positions", *order),
    )


def _explain_top_gaps(ctx: ViewContext, gaps: pd.DataFrame, bloc_a: str, bloc_b: str) -> None:
    """For the largest gaps, what each side said, with quote and source."""
    top = largest_gaps(gaps, TOP_GAPS)
    if top.empty:
        return
    st.subheader(_("Why they differ: the biggest gaps"), anchor=False)
    for issue in top["issue"]:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(issue)}**")
            st.caption(escape_markdown(ctx.dataset.issue_info(issue)["proposition"]))
            # An on-the-record member near the bloc's median speaks for it (stancekit.aggregation.bloc_voice).
            voices = bloc_voices(ctx.latest, ctx.bloc_summary(), issue, (bloc_a, bloc_b))
            for column, voice in zip(st.columns(2), voices, strict=True):
                bloc, bloc_stats, row = voice.bloc, voice.stats, voice.row
                who = "" if row["actor"] == bloc else f"**{escape_markdown(row['actor'])}** "
                with column:
                    st.markdown(f"#### {escape_markdown(bloc)} {escape_markdown(bloc_value(bloc_stats, ctx.lang))}")
                    if split := bloc_split(bloc_stats, ctx.lang):
                        st.markdown(f":small[{escape_markdown(split[:1].upper() + split[1:])}.]")
                    stance = escape_markdown(stance_label(row["position"], ctx.lang))
                    st.markdown(who + _(LABELLED).format(label=stance, text=escape_markdown(row["summary"])))
                    if quote := quote_markdown(row):
                        st.markdown(quote)
                    provenance(row)
