"""Which dataset this session looks at: the bundled topic, or its own upload or edit, and switching between them."""

from __future__ import annotations

import streamlit as st

from components import keys, language
from components.caches import bundled_in
from stancekit.dataset import Dataset


def active_dataset() -> Dataset:
    """The dataset this session is looking at: its own upload or edit if any, else the bundled topic."""
    return st.session_state.get(keys.CUSTOM_DATASET) or bundled_in(language.current())


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
