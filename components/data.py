"""Cached access to datasets and derived tables. Cached objects are shared: never mutate them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from stancekit.bundled import load_bundled
from stancekit.dataset import Dataset
from stancekit.selection import Selection, apply_selection, latest_positions


@st.cache_data(show_spinner="Loading the stance table…")
def bundled_dataset() -> Dataset:
    """The bundled topic, validated once per server process."""
    return load_bundled()


def active_dataset() -> Dataset:
    """The dataset this session is looking at."""
    return bundled_dataset()


@st.cache_data(show_spinner=False, max_entries=256)
def selected_tables(
    dataset_key: str, selection: Selection, as_of: pd.Timestamp | None, _dataset: Dataset
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of the selection stated by `as_of`, and each selected actor's latest position per issue.

    Keyed by the dataset's content fingerprint, the selection and the date, not by hashing the frames.
    """
    rows = apply_selection(_dataset.stances, selection)
    if as_of is not None:
        rows = rows[rows["date"] <= as_of]
    return rows, latest_positions(rows)
