"""What every view receives: the dataset, the view state, the sidebar's selection and the tables it implies.

Built once per run by the router (`build_context`) and handed to the page it runs (`page_context`).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import keys
from components.caches import selected_tables, shared
from stancekit.aggregation import bloc_sizes, bloc_summary
from stancekit.dataset import Dataset
from stancekit.selection import Selection, selected_names
from stancekit.view_state import ViewState


@dataclass(frozen=True)
class ViewContext:
    """Read-only inputs of a view."""

    dataset: Dataset
    state: ViewState  # every choice the view depends on, as the URL carries it
    stances: pd.DataFrame  # every selected row stated on or before as_of
    latest: pd.DataFrame  # latest position per selected actor and issue, as of as_of
    actors: list[str]  # selected actors in display order, whether or not they had spoken by as_of
    issues: list[str]  # selected issues in display order

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
        return (self.dataset.fingerprint, self.selection, self.as_of, *view_choices)

    def bloc_summary(self) -> pd.DataFrame:
        """Per issue and bloc: the figures and who stands behind them (counts out of the selected members)."""
        sizes = bloc_sizes(self.actors, self.dataset.actor_bloc)
        return shared(self.cache_key("bloc_summary"), lambda: bloc_summary(self.latest, sizes))


def build_context(dataset: Dataset, state: ViewState) -> ViewContext:
    """The context of this run, kept for the page the router runs next."""
    stances, latest = selected_tables(dataset.fingerprint, state.selection, state.as_of_timestamp(), dataset)
    actors, issues = selected_names(dataset.actors, dataset.actor_bloc, dataset.issue_names, state.selection)
    context = ViewContext(dataset=dataset, state=state, stances=stances, latest=latest, actors=actors, issues=issues)
    st.session_state[keys.RUN_CONTEXT] = context
    return context


def page_context() -> ViewContext:
    """The context the router built in this run (the page files call this)."""
    return st.session_state[keys.RUN_CONTEXT]
