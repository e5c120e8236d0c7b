"""The caches shared by every session of the server: the bundled topic, selected tables, shared figures.

Every cache here holds shared, read-only objects (st.cache_resource): copying a 100,000-row table out
of st.cache_data on every rerun would cost more than computing it. They are keyed by content (the
dataset's fingerprint), so a session only ever gets tables and figures of data it already holds.
Never mutate what they return; every view derives new frames instead.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd
import streamlit as st

from components.language import _
from stancekit.bundled import load_bundled, load_translations
from stancekit.content import localise
from stancekit.dataset import Dataset
from stancekit.selection import Selection, apply_selection, latest_positions

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _bundled_dataset() -> Dataset:
    return load_bundled()


def bundled_dataset() -> Dataset:
    """The bundled topic, read and validated once per server process, shared read-only. The spinner is drawn
    here, not by the cache, so its text is in this run's language (st.spinner shows only after a short delay,
    so a cached read shows none)."""
    with st.spinner(_("Loading the stance table…")):
        return _bundled_dataset()


@st.cache_resource(show_spinner=False, max_entries=8)
def _bundled_in(lang: str) -> Dataset:
    return localise(_bundled_dataset(), load_translations(), lang)


def bundled_in(lang: str) -> Dataset:
    """The bundled topic with its texts in `lang` (stancekit.content), once per server process and language."""
    with st.spinner(_("Loading the stance table…")):
        return _bundled_in(lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def selected_tables(
    fingerprint: str, selection: Selection, as_of: pd.Timestamp | None, _dataset: Dataset
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
    (ViewContext.cache_key gives the data, selection and date; add the view's own choices). Never key on
    or build from student input. st.plotly_chart copies a figure before sending it, so sharing one is safe.
    """
    return _shared(key, build)  # type: ignore[return-value]


def clear_derived() -> None:
    """Forget every selected table and shared figure (the bundled topic stays): a benchmark's cold start."""
    selected_tables.clear()
    _shared.clear()
