"""The sidebar: choose blocs, actors and issues; the choice applies to every view."""

from __future__ import annotations

import streamlit as st

from components import keys
from stancekit.dataset import Dataset


def _reset_filters() -> None:
    for key in (keys.BLOCS, keys.ACTORS, keys.ISSUES):
        st.session_state[key] = []


def render(dataset: Dataset) -> None:
    """Draw the filters; views read them through components.context."""
    with st.sidebar:
        st.subheader("Filters", anchor=False)
        st.caption("Leave a filter empty to include everything. The choice applies to every page.")
        blocs = st.multiselect(
            "Blocs",
            options=dataset.blocs,
            key=keys.BLOCS,
            persist_state="session",
            placeholder="All blocs",
            help="A bloc is the group an actor is compared in, e.g. Europe.",
        )
        actor_bloc = dataset.actor_bloc
        actors = [a for a in dataset.actors if not blocs or actor_bloc[a] in blocs]
        if keys.ACTORS in st.session_state:
            # Drop actors whose bloc was just deselected, so the widget never holds a hidden choice.
            st.session_state[keys.ACTORS] = [a for a in st.session_state[keys.ACTORS] if a in actors]
        st.multiselect(
            "Actors",
            options=actors,
            key=keys.ACTORS,
            persist_state="session",
            placeholder="All actors in these blocs",
            format_func=lambda actor: f"{actor} ({actor_bloc[actor]})",
            help="Governments and institutions that stated a position.",
        )
        st.multiselect(
            "Issues",
            options=dataset.issue_names,
            key=keys.ISSUES,
            persist_state="session",
            placeholder="All issues",
            help="Each issue is a proposition actors agree or disagree with.",
        )
        st.button("Reset filters", on_click=_reset_filters, icon=":material/restart_alt:", width="stretch")
