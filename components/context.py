"""This run's view: the view state read from the session and the link, and the tables it implies.

The router builds it once per run, before anything is drawn (`build_context`); the sidebar draws its
filters from it and the page the router runs gets it (`page_context`). What is valid and what a link
holds is stancekit.view_state: bound widgets (bind="query-params") keep their values in session state
and mirror them in the URL, so the state is read from the widgets, and from the link for a widget not
drawn yet on a first visit.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import keys, language
from components.caches import selected_tables, shared
from components.language import _
from stancekit.aggregation import bloc_sizes, bloc_summary
from stancekit.dataset import Dataset
from stancekit.selection import Selection, actors_in_blocs, selected_names
from stancekit.text import escape_markdown
from stancekit.view_state import (
    ACTORS,
    ATTRIBUTES,
    BLOCS,
    EVIDENCE,
    ISSUES,
    MIGRATIONS,
    NAME_KEYS,
    PARSERS,
    TRANSLATED_VALUES,
    ViewState,
    encode,
    label_msgids,
)

MANY_VALUES = (BLOCS, ACTORS, ISSUES, EVIDENCE)  # the keys of multiselects (the others hold one value)


@dataclass(frozen=True)
class ViewContext:
    """Read-only inputs of a view."""

    dataset: Dataset
    state: ViewState  # every choice the view depends on, as the URL carries it
    stances: pd.DataFrame  # every selected row stated on or before as_of
    latest: pd.DataFrame  # latest position per selected actor and issue, as of as_of
    actor_options: tuple[str, ...]  # the actors of the chosen blocs (all when none is chosen): the bloc rule
    actors: list[str]  # selected actors in display order, whether or not they had spoken by as_of
    issues: list[str]  # selected issues in display order
    lang: str = "en"  # the interface's language (components.language)

    @property
    def selection(self) -> Selection:
        """The sidebar's filters."""
        return self.state.selection

    @property
    def as_of(self) -> pd.Timestamp | None:
        """'Positions as of', or None for the latest data."""
        return self.state.as_of_timestamp()

    def cache_key(self, *view_choices: Hashable) -> tuple[Hashable, ...]:
        """A cache key for something derived from this context and the view's own choices."""
        return (self.dataset.fingerprint, self.selection, self.as_of, self.lang, *view_choices)

    def bloc_summary(self) -> pd.DataFrame:
        """Per issue and bloc: the figures and who stands behind them (counts out of the selected members)."""
        sizes = bloc_sizes(self.actors, self.dataset.actor_bloc)
        return shared(self.cache_key("bloc_summary"), lambda: bloc_summary(self.latest, sizes))


def _link_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def current_state(dataset: Dataset) -> ViewState:
    """The view state of this run: each bound widget's value, else what the link says."""
    widgets = {key: encode(st.session_state[key]) for key in PARSERS if key in st.session_state}
    state, _notes = ViewState.from_params({**_link_params(), **widgets}, dataset)
    return state


def build_context(dataset: Dataset) -> ViewContext:
    """The context of this run, kept for the page the router runs next."""
    context = context_for(dataset, current_state(dataset))
    st.session_state[keys.RUN_CONTEXT] = context
    return context


def default_context(dataset: Dataset) -> ViewContext:
    """A context of `dataset` with nothing filtered (a Class Pulse class on a topic other than the session's)."""
    state, _notes = ViewState.from_params({}, dataset)
    return context_for(dataset, state)


def context_for(dataset: Dataset, state: ViewState) -> ViewContext:
    """The tables `state` implies in `dataset`."""
    stances, latest = selected_tables(dataset.fingerprint, state.selection, state.as_of_timestamp(), dataset)
    options = actors_in_blocs(dataset.actors, dataset.actor_bloc, state.blocs)  # the bloc rule, once per run
    actors, issues = selected_names(options, dataset.issue_names, state.selection)
    return ViewContext(
        dataset=dataset,
        state=state,
        stances=stances,
        latest=latest,
        actor_options=options,
        actors=actors,
        issues=issues,
        lang=language.current(),
    )


def page_context() -> ViewContext:
    """The context the router built in this run (the page files call this)."""
    return st.session_state[keys.RUN_CONTEXT]


def follow_renamed_keys(dataset: Dataset) -> None:
    """A link written with a key's old name: give its value to the widget under the new name, before any
    widget is drawn, and take the old name out of the address bar."""
    old = {name: st.query_params.get_all(name) for name in MIGRATIONS if name in st.query_params}
    if not old:
        return
    state, _notes = ViewState.from_params(old, dataset)
    for name in old:
        new = MIGRATIONS[name]
        value = getattr(state, ATTRIBUTES[new])
        if value not in (None, (), "") and new not in st.session_state:
            st.session_state[new] = list(value) if isinstance(value, tuple) and isinstance(value[0], str) else value
        del st.query_params[name]


def follow_language(dataset: Dataset) -> None:
    """Names chosen in another language (the picker just changed, or a link written in another language):
    give each widget the name in this dataset's language, before any widget is drawn. On a first visit the link
    is rewritten too, in the words the widgets show: a bound widget's first value is the link's, not session
    state's, and it keeps only the words it knows ("Europe" of ?blocs=Europe&blocs=Russia in French, nothing of
    ?group=All issues, which it shows as "Toutes les questions")."""
    aliases = dataset.aliases
    rewritten = False
    for key in dict.fromkeys((*NAME_KEYS, *TRANSLATED_VALUES)):
        if key in st.session_state:
            value = st.session_state[key]
            if isinstance(value, list):
                renamed: object = [aliases.get(v, v) for v in value]
            else:
                renamed = aliases.get(value, value) if isinstance(value, str) else value
            if renamed != value:
                st.session_state[key] = renamed
        elif key in st.query_params:  # a first visit: the widget takes its value from the link
            values = st.query_params.get_all(key)
            msgids = label_msgids(key)
            chosen = [aliases.get(v, msgids.get(v, v)) for v in values]
            shown = [_(v) if v in TRANSLATED_VALUES.get(key, ()) else v for v in chosen]
            if shown != values:
                st.session_state[key] = chosen if key in MANY_VALUES else chosen[0]
                st.query_params[key] = shown
                rewritten = True
    if rewritten:
        st.rerun()  # the widgets take their first value from the rewritten link


def notify_ignored_settings(dataset: Dataset) -> None:
    """Once per session and link: a toast listing link settings that don't apply, never an error."""
    _state, notes = ViewState.from_params(_link_params(), dataset, lang=language.current())
    seen = st.session_state.setdefault(keys.LINK_NOTES_SHOWN, set())
    fresh = [note for note in notes if note not in seen]
    if fresh:
        seen.update(fresh)
        text = "; ".join(escape_markdown(note) for note in fresh)  # the values come from the URL: show as text
        st.toast(_("Part of this link was ignored: {notes}.").format(notes=text), icon=":material/link_off:")


def keep_actors_in_blocs(dataset: Dataset) -> None:
    """on_change of the blocs filter: forget chosen actors outside the chosen blocs, so the actors filter
    never holds a hidden choice. The one place a stale choice is pruned: single-choice widgets fall back to
    their default by themselves when their value is no longer an option."""
    chosen = st.session_state.get(keys.ACTORS) or []
    st.session_state[keys.ACTORS] = list(
        actors_in_blocs(chosen, dataset.actor_bloc, st.session_state.get(keys.BLOCS) or ())
    )
