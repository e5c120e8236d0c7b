"""Presenter view: one issue per screen in large type, for the projector."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import empty_state, house_style, provenance
from components.context import ViewContext
from components.language import _, current
from stancekit.aggregation import BlocVoice, bloc_sizes, bloc_summary, bloc_voices, featured_voice
from stancekit.chapters import Chapter, bloc_path, chapter_named, path_text
from stancekit.content import translation_note
from stancekit.describe import bloc_behind, bloc_split, bloc_value
from stancekit.i18n import LABELLED
from stancekit.scale import GLYPHS, label
from stancekit.selection import latest_positions, with_positions, without_positions
from stancekit.text import escape_markdown

MAX_BLOC_COLUMNS = 5


def _step(issues: list[str], offset: int) -> None:
    """Move to the previous or next issue, wrapping around."""
    current = st.session_state.get(keys.PRESENTER_ISSUE, issues[0])
    index = issues.index(current) if current in issues else 0
    st.session_state[keys.PRESENTER_ISSUE] = issues[(index + offset) % len(issues)]


def render(ctx: ViewContext) -> None:
    """Draw the current issue: proposition, each bloc's position and one quote."""
    house_style("presenter")
    if not ctx.issues:
        empty_state(_("No issues match the current filters."))
        return
    _slide(ctx)


@st.fragment
def _slide(ctx: ViewContext) -> None:
    """One issue on one screen. A fragment: previous, next and the pickers redraw only the slide."""
    issues, chapters = ctx.issues, ctx.dataset.chapters
    back, pick, more, forward = st.columns([2, 6, 3, 2], vertical_alignment="bottom")
    back.button(
        # i18n: a button: the previous issue (slide)
        _("Previous"),
        on_click=_step,
        args=(issues, -1),
        icon=":material/arrow_back:",
        width="stretch",
        key="present_previous",
    )
    issue = pick.selectbox(
        _("Issue"),
        issues,
        key=keys.PRESENTER_ISSUE,
        bind="query-params",
        index=0,
        label_visibility="collapsed",
    )
    forward.button(
        # i18n: a button: the next issue (slide)
        _("Next"),
        on_click=_step,
        args=(issues, 1),
        icon=":material/arrow_forward:",
        width="stretch",
        key="present_next",
    )
    chapter = None
    if chapters:
        chapter = chapter_named(
            chapters,
            st.segmented_control(
                _("Positions at the end of chapter"),
                [c.name for c in chapters],
                key=keys.SLIDE_CHAPTER,
                bind="query-params",
                help=_(
                    "Step through the story: each bloc's position as it stood when the chapter closed. "
                    "Press the chosen chapter again for the latest positions."
                ),
            ),
        )
    rows = ctx.stances[ctx.stances["issue"] == issue]
    latest = latest_positions(rows, chapter.end) if chapter else ctx.latest[ctx.latest["issue"] == issue]
    summary = bloc_summary(latest, bloc_sizes(ctx.actors, ctx.dataset.actor_bloc))
    shown = with_positions(ctx.dataset.blocs, latest, "bloc")[:MAX_BLOC_COLUMNS]
    voices = bloc_voices(latest, summary, issue, shown)
    with st.container(key="presenter"):  # components/presenter.css sizes its type to the screen
        silent = without_positions(ctx.dataset.blocs, latest, "bloc") if voices else []
        # i18n: the items of the slide's caption, joined by " · "
        caption = [_("Issue {number} of {count}").format(number=issues.index(issue) + 1, count=len(issues))]
        if chapter:
            caption.append(
                _("as it stood at the end of {chapter}").format(chapter=escape_markdown(chapter.label(ctx.lang)))
            )
        if silent:
            # i18n: {blocs}: the blocs that stated no position on the issue, "Russia, China"
            caption.append(_("no stated position: {blocs}").format(blocs=", ".join(escape_markdown(b) for b in silent)))
        st.caption(" · ".join(caption))
        st.title(escape_markdown(ctx.dataset.issue_info(issue)["proposition"]), anchor=False)
        if not voices:
            message = (
                _("No bloc had stated a position on this issue by the end of {chapter}.").format(
                    chapter=escape_markdown(chapter.label(ctx.lang))
                )
                if chapter
                else _("No bloc had stated a position on this issue by this date.")
            )
            st.info(message, icon=":material/event_busy:")
            return
        for column, voice in zip(st.columns(len(voices)), voices, strict=True):
            with column, st.container(border=True, height="stretch"):
                _position(voice, ctx.lang)
    with more.popover(_("Quote and details"), icon=":material/format_quote:", width="stretch"):
        quote_from = st.radio(
            _("Quote on the slide"),
            [voice.bloc for voice in voices],
            index=None,
            key=keys.PRESENTER_QUOTE,
            bind="query-params",
            help=_("Whose words the slide shows. Until you choose, it shows the first bloc with a quote."),
        )
        st.markdown(_("**Who stands behind each figure, and how it moved**"))
        for voice in voices:
            _details(voice, rows, chapters, issue, ctx.lang)
    with st.container(key="presenter_quote"):
        _quote(featured_voice(voices, quote_from))


def _position(voice: BlocVoice, lang: str) -> None:
    """One bloc's card: its name, glyph and figure, the scale's words and how many members stand behind it."""
    st.metric(escape_markdown(voice.bloc), f"{GLYPHS[voice.nearest]} {bloc_value(voice.stats, lang)}")
    words = f"**{label(voice.nearest, lang)}**"  # the glyph is in the figure above
    behind = bloc_behind(voice.stats, lang)
    st.markdown(words + (f" · {escape_markdown(behind)}" if behind else ""))


def _quote(voice: BlocVoice) -> None:
    """The slide's one quote (or, without a quote, our paraphrase), with its speaker, date and source."""
    row, bloc = voice.row, escape_markdown(voice.bloc)
    if row["quote"]:
        # i18n: a bloc's quote on the slide, "**Europe:** “…”"
        quote = _("**{bloc}:** “{quote}”").format(bloc=bloc, quote=escape_markdown(row["quote"]))
        st.markdown(quote + translation_note(row, current(), escape_markdown))
    else:
        # i18n: a bloc's position in the app's own words, when no quote is at hand
        st.markdown(
            _("**{bloc}:** {summary} :small[(our summary)]").format(bloc=bloc, summary=escape_markdown(row["summary"]))
        )
    provenance(row)


def _details(voice: BlocVoice, rows: pd.DataFrame, chapters: tuple[Chapter, ...], issue: str, lang: str) -> None:
    """Below the slide: the whole sentence on who stands behind a bloc figure and its path through the chapters."""
    parts = [bloc_split(voice.stats, lang)]
    if len(chapters) > 1:
        path = path_text(bloc_path(rows, chapters, issue, voice.bloc), lang)
        parts.append(_("by chapter: {path}").format(path=path) if path else "")
    text = "; ".join(p for p in parts if p)
    if text:
        st.markdown(
            _(LABELLED).format(
                label=f"**{escape_markdown(voice.bloc)}**", text=escape_markdown(text[:1].upper() + text[1:])
            )
            + "."
        )
