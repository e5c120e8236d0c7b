"""This session's view state, read once per run; the link's ignored parts; old link keys; stale choices.

The state itself (what is valid, what a link holds) is stancekit.view_state. Here it meets Streamlit:
bound widgets (bind="query-params") keep their values in session state and mirror them in the URL, so
the state is read from the widgets, and from the link for a widget not drawn yet on a first visit.
"""

from __future__ import annotations

import streamlit as st

from components import keys
from stancekit.dataset import Dataset
from stancekit.link_values import encode
from stancekit.selection import actors_in_blocs
from stancekit.text import escape_markdown
from stancekit.view_state import ATTRIBUTES, MIGRATIONS, PARSERS, ViewState


def _link_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def current_state(dataset: Dataset) -> ViewState:
    """The view state of this run: each bound widget's value, else what the link says."""
    widgets = {key: encode(st.session_state[key]) for key in PARSERS if key in st.session_state}
    state, _ = ViewState.from_params({**_link_params(), **widgets}, dataset)
    return state


def follow_renamed_keys(dataset: Dataset) -> None:
    """A link written with a key's old name: give its value to the widget under the new name, before any
    widget is drawn, and take the old name out of the address bar."""
    old = {name: st.query_params.get_all(name) for name in MIGRATIONS if name in st.query_params}
    if not old:
        return
    state, _ = ViewState.from_params(old, dataset)
    for name in old:
        new = MIGRATIONS[name]
        value = getattr(state, ATTRIBUTES[new])
        if value not in (None, (), "") and new not in st.session_state:
            st.session_state[new] = list(value) if isinstance(value, tuple) and isinstance(value[0], str) else value
        del st.query_params[name]


def notify_ignored_settings(dataset: Dataset) -> None:
    """Once per session and link: a toast listing link settings that don't apply, never an error."""
    _, notes = ViewState.from_params(_link_params(), dataset)
    seen = st.session_state.setdefault(keys.LINK_NOTES_SHOWN, set())
    fresh = [note for note in notes if note not in seen]
    if fresh:
        seen.update(fresh)
        text = "; ".join(escape_markdown(note) for note in fresh)  # the values come from the URL: show as text
        st.toast(f"Part of this link was ignored: {text}.", icon=":material/link_off:")


def keep_actors_in_blocs(dataset: Dataset) -> None:
    """on_change of the blocs filter: forget chosen actors outside the chosen blocs, so the actors filter
    never holds a hidden choice. The one place a stale choice is pruned; single-choice widgets fall back to
    their default by themselves when their value is no longer an option."""
    chosen = st.session_state.get(keys.ACTORS) or []
    st.session_state[keys.ACTORS] = list(
        actors_in_blocs(chosen, dataset.actor_bloc, st.session_state.get(keys.BLOCS) or ())
    )
