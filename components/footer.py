"""The footer: what the data covers, where it comes from, and how to share and cite this view."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from components import keys
from stancekit.citation import cite_view, date_span
from stancekit.dataset import Dataset
from stancekit.text import escape_markdown


def view_url() -> str | None:
    """The address of exactly this view: page path plus every bound widget's query parameter."""
    base = st.context.url
    if not base:
        return None
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    return base + ("?" + urlencode(params) if params else "")


def render(dataset: Dataset, page_title: str, as_of: object = None) -> None:
    """Date range, counts and sources of the data; a copyable link and citation of the view."""
    stances = dataset.stances
    st.divider()
    st.caption(
        f"**Data:** {len(stances)} dated positions of {stances['actor'].nunique()} actors on "
        f"{stances['issue'].nunique()} issues, stated {date_span(stances)}, from {dataset.source_count} sources "
        "(see **Sources**). Positions are coded −2 (strongly opposes) to +2 (strongly supports) and paraphrased "
        f"in our own words; quotes are the sources' own. Topic: {escape_markdown(dataset.title)}."
    )
    share = st.expander("Share or cite this view", icon=":material/link:", key=keys.SHARE, on_change="rerun")
    if not share.open:  # lazy: the code blocks (and their highlighter) load only when asked for
        return
    url = view_url()
    with share:
        st.caption("Link to this exact view (page, filters, date, choices). Use the copy button on the right.")
        st.code(url or "(the app's address appears here when it runs in a browser)", language=None, wrap_lines=True)
        st.caption("Citation of this view and its data:")
        st.code(
            cite_view(dataset.title, stances, date.today(), view=page_title, url=url, as_of=as_of),
            language=None,
            wrap_lines=True,
        )
