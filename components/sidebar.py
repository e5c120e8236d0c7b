"""The sidebar: choose blocs, actors, issues and the 'as of' date; the choice applies to every view
and is mirrored in the URL."""

from __future__ import annotations

import streamlit as st

from components import keys, language
from components.context import ViewContext, keep_actors_in_blocs
from components.language import _
from components.session_dataset import is_custom, use_dataset
from stancekit.chapters import Chapter, chapter_of
from stancekit.dataset import Dataset
from stancekit.i18n import SLIDER_DATE_FORMAT
from stancekit.text import escape_markdown, format_date


def _reset_filters(last_date: object) -> None:
    for key in (keys.BLOCS, keys.ACTORS, keys.ISSUES):
        st.session_state[key] = []
    st.session_state[keys.AS_OF] = last_date


def _jump_to_chapter(chapters: tuple[Chapter, ...], last: object) -> None:
    """The chapter buttons move "as of" to the end of the chapter (the data's last day at most)."""
    number = st.session_state.get(keys.CHAPTER_PICK)
    chapter = next((c for c in chapters if str(c.number) == number), None)
    if chapter is not None:
        st.session_state[keys.AS_OF] = min(chapter.end.date(), last)


def _chapters(dataset: Dataset, as_of: object, last: object) -> None:
    """Chapter buttons under the date: which chapter the date is in, and a jump to the end of any chapter."""
    chapters = dataset.chapters
    current = chapter_of(chapters, as_of)
    st.session_state[keys.CHAPTER_PICK] = str(current.number) if current else None  # follows the slider
    st.segmented_control(
        _("Chapter"),
        options=[str(c.number) for c in chapters],
        key=keys.CHAPTER_PICK,
        on_change=_jump_to_chapter,
        args=(chapters, last),
        help=_("The story in chapters. Press a number to see positions as they stood at the end of that chapter."),
        width="stretch",
    )
    if current is not None:  # the chapter's name here; its summary in the help, to keep the sidebar short
        st.caption(escape_markdown(current.label(language.current())), help=escape_markdown(current.summary) or None)


def render(ctx: ViewContext) -> None:
    """Draw the topic and the filters, from this run's context; the next run's view state reads them."""
    dataset = ctx.dataset
    first, last = (d.date() for d in dataset.date_range)
    with st.sidebar:
        language.picker()
        st.markdown(f"### {escape_markdown(dataset.title)}")
        st.caption(escape_markdown(dataset.description))
        if is_custom():
            st.caption(_(":material/dataset: Your own data, in this session only."))
            st.button(
                _("Back to the bundled topic"),
                on_click=use_dataset,
                args=(None,),
                icon=":material/undo:",
                width="stretch",
                key="back_to_bundled",
            )
        st.subheader(_("Filters"), anchor=False)
        st.caption(_("Leave a filter empty to include everything. The choice applies to every page."))
        st.multiselect(
            _("Blocs"),
            options=dataset.blocs,
            key=keys.BLOCS,
            bind="query-params",
            on_change=keep_actors_in_blocs,
            args=(dataset,),
            placeholder=_("All blocs"),
            help=_("A bloc is the group an actor is compared in, e.g. Europe."),
        )
        st.multiselect(
            _("Actors"),
            options=ctx.actor_options,
            key=keys.ACTORS,
            bind="query-params",
            placeholder=_("All actors in these blocs"),
            help=_("Governments and institutions that stated a position."),
        )
        st.multiselect(
            _("Issues"),
            options=dataset.issue_names,
            key=keys.ISSUES,
            bind="query-params",
            placeholder=_("All issues"),
            help=_("Each issue is a proposition actors agree or disagree with."),
        )
        if first < last:
            as_of = st.slider(
                _("Positions as of"),
                min_value=first,
                max_value=last,
                value=last,
                key=keys.AS_OF,
                bind="query-params",
                format=SLIDER_DATE_FORMAT[ctx.lang],
                help=_(
                    "Show each position as it was known on this date ({first} – {last}). Actors who had not "
                    "spoken yet show no stated position."
                ).format(first=format_date(first, ctx.lang), last=format_date(last, ctx.lang)),
            )
            if dataset.chapters:
                _chapters(dataset, as_of, last)
        st.button(
            _("Reset filters"), on_click=_reset_filters, args=(last,), icon=":material/restart_alt:", width="stretch"
        )
