"""Presenter view: one issue per screen in large type, for the projector."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import empty_state, provenance
from components.context import ViewContext
from stancekit.aggregation import bloc_summary
from stancekit.scale import GLYPHS, nearest_position, signed, stance_label
from stancekit.text import escape_markdown

MAX_BLOC_COLUMNS = 5


def _step(issues: list[str], offset: int) -> None:
    """Move to the previous or next issue, wrapping around."""
    current = st.session_state.get(keys.PRESENTER_ISSUE, issues[0])
    index = issues.index(current) if current in issues else 0
    st.session_state[keys.PRESENTER_ISSUE] = issues[(index + offset) % len(issues)]


def render(ctx: ViewContext) -> None:
    """Draw the current issue: proposition, each bloc's position and one quote per bloc."""
    if not ctx.issues:
        empty_state("No issues match the current filters.")
        return
    _slide(ctx)


@st.fragment
def _slide(ctx: ViewContext) -> None:
    """One issue on screen. A fragment: previous, next and the picker redraw only the slide."""
    issues = ctx.issues
    if keys.PRESENTER_ISSUE in st.session_state and st.session_state[keys.PRESENTER_ISSUE] not in issues:
        del st.session_state[keys.PRESENTER_ISSUE]
    back, pick, forward = st.columns([1, 4, 1], vertical_alignment="bottom")
    back.button(
        "Previous",
        on_click=_step,
        args=(issues, -1),
        icon=":material/arrow_back:",
        width="stretch",
        key="present_previous",
    )
    issue = pick.selectbox(
        "Issue",
        issues,
        key=keys.PRESENTER_ISSUE,
        bind="query-params",
        index=0,
        label_visibility="collapsed",
    )
    pick.caption(f"Issue {issues.index(issue) + 1} of {len(issues)}")
    forward.button(
        "Next",
        on_click=_step,
        args=(issues, 1),
        icon=":material/arrow_forward:",
        width="stretch",
        key="present_next",
    )

    st.title(escape_markdown(ctx.dataset.issue_info(issue)["proposition"]), anchor=False)
    latest = ctx.latest[ctx.latest["issue"] == issue]
    summary = bloc_summary(latest).set_index("bloc")
    blocs = [b for b in ctx.dataset.blocs if b in summary.index][:MAX_BLOC_COLUMNS]
    for column, bloc in zip(st.columns(len(blocs)), blocs, strict=True):
        stats = summary.loc[bloc]
        mean = float(stats["mean"])
        with column, st.container(border=True):
            value = f"{GLYPHS[nearest_position(mean)]} {signed(round(mean, 1))}"
            detail = stance_label(nearest_position(mean), with_value=False)
            if stats["count"] > 1:
                low, high = signed(int(stats["min"])), signed(int(stats["max"]))
                detail += f" · mean of {int(stats['count'])}, range {low} to {high}"
            st.subheader(escape_markdown(bloc), anchor=False)
            st.metric(escape_markdown(bloc), value, label_visibility="collapsed")
            st.markdown(f"**{escape_markdown(detail)}**")
            _one_voice(latest[latest["bloc"] == bloc], mean)
    silent = [b for b in ctx.dataset.blocs if b not in summary.index]
    if silent:
        st.caption("No stated position: " + ", ".join(escape_markdown(b) for b in silent) + ".")


def _one_voice(rows: pd.DataFrame, mean: float) -> None:
    """The member closest to the bloc's mean (on ties one with a quote, then the newest): its words."""
    ranked = rows.assign(_d=(rows["position"] - mean).abs(), _q=rows["quote"] == "")
    row = ranked.sort_values(["_d", "_q", "date"], ascending=[True, True, False]).iloc[0]
    if row["quote"]:
        st.markdown(f"### “{escape_markdown(row['quote'])}”")
    else:
        st.markdown(f"#### {escape_markdown(row['summary'])}")
    provenance(row)
