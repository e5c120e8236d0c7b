"""Cached access to datasets, derived tables and shared figures.

Every cache here holds shared, read-only objects (st.cache_resource): copying a 100,000-row table out
of st.cache_data on every rerun would cost more than computing it. They are keyed by content (the
dataset's fingerprint), so a session only ever gets tables and figures of data it already holds.
Never mutate what they return; every view derives new frames instead.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd
import streamlit as st

from components import keys
from stancekit.bundled import load_bundled
from stancekit.dataset import Dataset
from stancekit.selection import Selection, apply_selection, latest_positions

T = TypeVar("T")


@st.cache_resource(show_spinner="Loading the stance table…")
def bundled_dataset() -> Dataset:
    """The bundled topic, read and validated once per server process, shared read-only."""
    return load_bundled()


@st.cache_resource(show_spinner=False)
def settle_heap() -> None:
    """Once per server process, at the end of its first run: hide every object alive then (modules, the
    bundled data) from the garbage collector with gc.freeze. They live as long as the process, and
    scanning them made each full collection pause the server for 60–100 ms in the middle of someone's
    rerun. What sessions create later is collected as usual."""
    gc.collect()
    gc.freeze()


def active_dataset() -> Dataset:
    """The dataset this session is looking at: its own upload or edit if any, else the bundled topic."""
    return st.session_state.get(keys.CUSTOM_DATASET) or bundled_dataset()


def is_custom() -> bool:
    """Whether this session uses its own data."""
    return keys.CUSTOM_DATASET in st.session_state


def use_dataset(dataset: Dataset | None) -> None:
    """Switch this session to `dataset` (None: back to the bundled topic) and forget every view choice and
    activity answer that referred to the previous data. Call before widgets are drawn (callbacks, or
    apply_pending_dataset at the top of the run)."""
    for key in keys.VIEW_KEYS:
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if str(k).startswith(keys.ACTIVITY_PREFIXES)]:
        del st.session_state[key]
    if dataset is None:
        st.session_state.pop(keys.CUSTOM_DATASET, None)
    else:
        st.session_state[keys.CUSTOM_DATASET] = dataset


def request_dataset(dataset: Dataset | None) -> None:
    """Switch datasets from the middle of a run: stored now, applied at the start of the next run."""
    st.session_state[keys.PENDING_DATASET] = (dataset,)
    st.rerun()


def apply_pending_dataset() -> None:
    """Apply a switch requested in the previous run (the first thing the router does)."""
    if keys.PENDING_DATASET in st.session_state:
        (dataset,) = st.session_state.pop(keys.PENDING_DATASET)
        use_dataset(dataset)


@st.cache_resource(show_spinner=False, max_entries=64)
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


@st.cache_resource(show_spinner=False, max_entries=32)
def _shared(key: tuple[Hashable, ...], _build: Callable[[], object]) -> object:
    return _build()


def shared(key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """`build()`, computed once for every session asking with the same key, and shared read-only.

    For figures and tables derived from the data alone: the key must name everything `build` reads
    (ViewContext.key gives the data, selection and date; add the view's own choices). Never key on or
    build from student input. st.plotly_chart copies a figure before sending it, so sharing one is safe.
    """
    return _shared(key, build)  # type: ignore[return-value]
