"""What every view receives: the dataset, the sidebar's selection and the tables it implies."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import keys
from components.data import active_dataset, selected_tables, shared
from stancekit.aggregation import bloc_sizes, bloc_summary
from stancekit.dataset import Dataset
from stancekit.selection import Selection, selected_names
from stancekit.text import format_date


@dataclass(frozen=True)
class ViewContext:
    """Read-only inputs of a view."""

    dataset: Dataset
    selection: Selection
    stances: pd.DataFrame  # every selected row stated on or before as_of
    latest: pd.DataFrame  # latest position per selected actor and issue, as of as_of
    actors: list[str]  # selected actors in display order, whether or not they had spoken by as_of
    issues: list[str]  # selected issues in display order
    as_of: pd.Timestamp | None = None  # None: the latest data

    def key(self, *view_choices: Hashable) -> tuple[Hashable, ...]:
        """A cache key for something derived from this context and the view's own choices."""
        return (self.dataset.key, self.selection, self.as_of, *view_choices)

    def bloc_summary(self) -> pd.DataFrame:
        """Per issue and bloc: the figures and who stands behind them (counts out of the selected members)."""
        sizes = bloc_sizes(self.actors, self.dataset.actor_bloc)
        return shared(self.key("bloc_summary"), lambda: bloc_summary(self.latest, sizes))


def selection_from_state(dataset: Dataset) -> Selection:
    """The sidebar's choice, with anything not in this dataset (or outside the chosen blocs) dropped."""
    blocs = tuple(b for b in st.session_state.get(keys.BLOCS, ()) if b in dataset.blocs)
    allowed = {a for a, b in dataset.actor_bloc.items() if not blocs or b in blocs}
    actors = tuple(a for a in st.session_state.get(keys.ACTORS, ()) if a in allowed)
    issues = tuple(i for i in st.session_state.get(keys.ISSUES, ()) if i in dataset.issue_names)
    return Selection(blocs=blocs, actors=actors, issues=issues)


def as_of_from_state(dataset: Dataset) -> pd.Timestamp | None:
    """The sidebar's 'as of' date, or None when it is the last date of the data (or unset)."""
    chosen = st.session_state.get(keys.AS_OF)
    last = dataset.date_range[1]
    if chosen is None or pd.Timestamp(chosen) >= last:
        return None
    return max(pd.Timestamp(chosen), dataset.date_range[0])


def as_of_caption(as_of: pd.Timestamp | None) -> str | None:
    """A reminder that the view shows the past, or None for the latest data."""
    if as_of is None:
        return None
    return f"Positions as known on {format_date(as_of)}. Move “Positions as of” in the sidebar to change it."


def current_context() -> ViewContext:
    """The context for this rerun of this session."""
    dataset = active_dataset()
    selection = selection_from_state(dataset)
    as_of = as_of_from_state(dataset)
    stances, latest = selected_tables(dataset.key, selection, as_of, dataset)
    actors, issues = selected_names(dataset.actors, dataset.actor_bloc, dataset.issue_names, selection)
    return ViewContext(
        dataset=dataset,
        selection=selection,
        stances=stances,
        latest=latest,
        actors=actors,
        issues=issues,
        as_of=as_of,
    )
