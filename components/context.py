"""What every view receives: the dataset, the sidebar's selection and the tables it implies."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import keys
from components.data import active_dataset, selected_tables
from stancekit.dataset import Dataset
from stancekit.selection import Selection


@dataclass(frozen=True)
class ViewContext:
    """Read-only inputs of a view."""

    dataset: Dataset
    selection: Selection
    stances: pd.DataFrame  # every selected row, all dates
    latest: pd.DataFrame  # latest position per selected actor and issue
    actors: list[str]  # selected actors in display order
    issues: list[str]  # selected issues in display order


def selection_from_state(dataset: Dataset) -> Selection:
    """The sidebar's choice, with anything not in this dataset (or outside the chosen blocs) dropped."""
    blocs = tuple(b for b in st.session_state.get(keys.BLOCS, ()) if b in dataset.blocs)
    allowed = {a for a, b in dataset.actor_bloc.items() if not blocs or b in blocs}
    actors = tuple(a for a in st.session_state.get(keys.ACTORS, ()) if a in allowed)
    issues = tuple(i for i in st.session_state.get(keys.ISSUES, ()) if i in dataset.issue_names)
    return Selection(blocs=blocs, actors=actors, issues=issues)


def current_context() -> ViewContext:
    """The context for this rerun of this session."""
    dataset = active_dataset()
    selection = selection_from_state(dataset)
    stances, latest = selected_tables(dataset.key, selection, dataset)
    present_actors, present_issues = set(stances["actor"]), set(stances["issue"])
    return ViewContext(
        dataset=dataset,
        selection=selection,
        stances=stances,
        latest=latest,
        actors=[a for a in dataset.actors if a in present_actors],
        issues=[i for i in dataset.issue_names if i in present_issues],
    )
