"""Your data: upload a topic in the stances.csv format, check it, edit it in the app, download it.

Everything stays in this browser session: nothing is written to disk or shown to anyone else.
"""

from __future__ import annotations

import streamlit as st

from components import data_editor, data_upload
from components.common import page_header
from components.context import ViewContext
from components.language import _, ngettext
from components.pages import page
from components.session_dataset import is_custom
from stancekit.i18n import number
from stancekit.text import escape_markdown


def render(ctx: ViewContext) -> None:
    """Draw the current-data status, the upload, the template and dictionary, and the editor."""
    page_header(
        _(page("your_data").heading),
        _(
            "Load a stance table in the same CSV format as the bundled topic and every page, activity and export "
            "works with it. Your data stays in this browser tab only: it is not saved and nobody else sees it."
        ),
    )
    _status(ctx)
    upload, template = st.tabs([_("Upload"), _("Template and data dictionary")], key="data_tabs")
    with upload:
        data_upload.upload()
    with template:
        data_upload.template()
    data_editor.editor(ctx.dataset)


def _status(ctx: ViewContext) -> None:
    dataset, lang = ctx.dataset, ctx.lang
    if is_custom():
        # i18n: {title} is the topic's title; {counts} is e.g. "18 positions of 7 actors on 4 issues".
        where = _("Now showing your own data (this session only): **{title}**, {counts}.")
    else:
        # i18n: {title} is the topic's title; {counts} is e.g. "18 positions of 7 actors on 4 issues".
        where = _("Now showing the bundled topic: **{title}**, {counts}.")
    positions, actors, issues = len(dataset.stances), len(dataset.actors), len(dataset.issue_names)
    # i18n: the size of the topic shown; {actors} and {issues} are the next two messages.
    counts = ngettext(
        "{count} position of {actors} on {issues}", "{count} positions of {actors} on {issues}", positions
    )
    st.info(
        where.format(
            title=escape_markdown(dataset.title),
            counts=counts.format(
                count=number(positions, lang),
                actors=ngettext("{count} actor", "{count} actors", actors).format(count=number(actors, lang)),
                issues=ngettext("{count} issue", "{count} issues", issues).format(count=number(issues, lang)),
            ),
        ),
        icon=":material/dataset:",
    )
