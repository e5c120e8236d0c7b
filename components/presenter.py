"""Presenter view: one issue per screen in large type, for the projector."""

from __future__ import annotations

import streamlit as st

from components import keys
from components.common import empty_state, provenance
from components.context import ViewContext
from stancekit.aggregation import bloc_sizes, bloc_summary, bloc_voices
from stancekit.chapters import bloc_path, chapter_named, path_text
from stancekit.describe import bloc_split, bloc_value
from stancekit.scale import GLYPHS, stance_label
from stancekit.selection import latest_positions, with_positions, without_positions
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
    """One issue on screen. A fragment: previous, next and the pickers redraw only the slide."""
    issues = ctx.issues
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
    forward.button(
        "Next",
        on_click=_step,
        args=(issues, 1),
        icon=":material/arrow_forward:",
        width="stretch",
        key="present_next",
    )
    chapters = ctx.dataset.chapters
    chapter = None
    if chapters:
        chapter = chapter_named(
            chapters,
            st.segmented_control(
                "Positions at the end of chapter",
                [c.name for c in chapters],
                key=keys.SLIDE_CHAPTER,
                bind="query-params",
                help="Step through the story: each bloc's position as it stood when the chapter closed. "
                "Press the chosen chapter again for the latest positions.",
            ),
        )
    when = f" · as it stood at the end of {escape_markdown(chapter.label)}" if chapter else ""
    st.caption(f"Issue {issues.index(issue) + 1} of {len(issues)}{when}")

    st.title(escape_markdown(ctx.dataset.issue_info(issue)["proposition"]), anchor=False)
    rows = ctx.stances[ctx.stances["issue"] == issue]
    latest = latest_positions(rows, chapter.end) if chapter else ctx.latest[ctx.latest["issue"] == issue]
    summary = bloc_summary(latest, bloc_sizes(ctx.actors, ctx.dataset.actor_bloc))
    shown = with_positions(ctx.dataset.blocs, latest, "bloc")[:MAX_BLOC_COLUMNS]
    voices = bloc_voices(latest, summary, issue, shown)
    if not voices:
        when = f"by the end of {chapter.label}" if chapter else "by this date"
        st.info(f"No bloc had stated a position on this issue {escape_markdown(when)}.", icon=":material/event_busy:")
        return
    for column, voice in zip(st.columns(len(voices)), voices, strict=True):
        bloc, stats, row = voice.bloc, voice.stats, voice.row
        with column, st.container(border=True):
            st.subheader(escape_markdown(bloc), anchor=False)
            st.metric(
                escape_markdown(bloc),
                f"{GLYPHS[voice.nearest]} {bloc_value(stats)}",
                label_visibility="collapsed",
            )
            st.markdown(f"**{escape_markdown(stance_label(voice.nearest, with_value=False))}**")
            if split := bloc_split(stats):
                st.markdown(f":small[{escape_markdown(split[:1].upper() + split[1:])}.]")
            if len(chapters) > 1:
                path = path_text(bloc_path(rows, chapters, issue, bloc))
                if path:
                    st.markdown(f":small[By chapter: {escape_markdown(path)}]")
            if row["quote"]:
                st.markdown(f"### “{escape_markdown(row['quote'])}”")
            else:
                st.markdown(f"#### {escape_markdown(row['summary'])}")
            provenance(row)
    silent = without_positions(ctx.dataset.blocs, latest, "bloc")
    if silent:
        st.caption("No stated position: " + ", ".join(escape_markdown(b) for b in silent) + ".")
