"""Your data: upload a topic in the stances.csv format, check it, edit it in the app, download it.

Everything stays in this browser session: nothing is written to disk or shown to anyone else.
"""

from __future__ import annotations

import streamlit as st

from components import data_editor, data_upload
from components.common import page_header
from components.context import ViewContext
from components.pages import page
from components.session_dataset import is_custom
from stancekit.dataset import Dataset
from stancekit.text import escape_markdown


def render(ctx: ViewContext) -> None:
    """Draw the current-data status, the upload, the template and dictionary, and the editor."""
    page_header(
        page("your_data").heading,
        "Load a stance table in the same CSV format as the bundled topic and every page, activity and export "
        "works with it. Your data stays in this browser tab only: it is not saved and nobody else sees it.",
    )
    _status(ctx.dataset)
    upload, template = st.tabs(["Upload", "Template and data dictionary"], key="data_tabs")
    with upload:
        data_upload.upload()
    with template:
        data_upload.template()
    data_editor.editor(ctx.dataset)


def _status(dataset: Dataset) -> None:
    where = "your own data (this session only)" if is_custom() else "the bundled topic"
    st.info(
        f"Now showing {where}: **{escape_markdown(dataset.title)}**, {len(dataset.stances):,} positions of "
        f"{len(dataset.actors)} actors on {len(dataset.issue_names)} issues.",
        icon=":material/dataset:",
    )
