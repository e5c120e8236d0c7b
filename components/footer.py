"""The footer: what the data covers, where it comes from, and how to cite it."""

from __future__ import annotations

import streamlit as st

from stancekit.dataset import Dataset
from stancekit.text import escape_markdown, format_date


def render(dataset: Dataset) -> None:
    """Date range, counts and sources of the data on screen."""
    first, last = dataset.date_range
    stances = dataset.stances
    st.divider()
    st.caption(
        f"**Data:** {len(stances)} dated positions of {stances['actor'].nunique()} actors on "
        f"{stances['issue'].nunique()} issues, stated {format_date(first)} – {format_date(last)}, "
        f"from {dataset.source_count} sources (see **Sources**). Positions are coded −2 (strongly "
        "opposes) to +2 (strongly supports) and paraphrased in our own words; quotes are the "
        f"sources' own. Topic: {escape_markdown(dataset.title)}."
    )
