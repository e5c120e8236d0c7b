"""Your data, the editor: the current stance table edited in place, checked as you type, then applied,
downloaded or discarded. Edits stay in this browser session."""

from __future__ import annotations

import streamlit as st

from components import keys, language
from components.common import csv_download
from components.data_upload import show_problems
from components.language import _, ngettext
from components.session_dataset import request_dataset
from stancekit.dataset import Dataset, with_stances
from stancekit.editing import check_edits, editable_table, edited_rows, is_edited
from stancekit.export import to_csv_bytes
from stancekit.i18n import number
from stancekit.schema import STANCE_COLUMNS, column_help

EDITABLE_ROWS = 5_000


def _discard_edits() -> None:
    st.session_state.pop(keys.EDITOR, None)


def editor(dataset: Dataset) -> None:
    """Edit the current table in place, checked as you type; apply, download or discard."""
    lang = language.current()
    st.subheader(_("Edit the table"), anchor=False)
    if len(dataset.stances) > EDITABLE_ROWS:
        st.info(
            # i18n: "Sources" is the name of the page that offers the table's download.
            _(
                "Editing in the app is limited to {limit} rows; this table has {rows}. Download it from Sources, "
                "edit it in a spreadsheet and upload it again."
            ).format(limit=number(EDITABLE_ROWS, lang), rows=number(len(dataset.stances), lang))
        )
        return
    st.caption(
        _(
            "Change cells, add rows at the bottom, or select rows and delete them. Every change is checked "
            "straight away; apply the edits to see them on every page. Edits stay in this session."
        )
    )
    text = editable_table(dataset.stances)
    edited = st.data_editor(
        text,
        key=keys.EDITOR,
        num_rows="dynamic",
        hide_index=True,
        height=420,
        column_config={
            name: st.column_config.TextColumn(name, help=column_help(name, lang)) for name in STANCE_COLUMNS
        },
    )
    raw = edited_rows(edited)
    changed = is_edited(raw, text)
    stances, problems = check_edits(raw)
    if problems:
        st.warning(
            ngettext(
                "{count} problem in the edited table; fix it to apply the edits.",
                "{count} problems in the edited table; fix them to apply the edits.",
                len(problems),
            ).format(count=number(len(problems), lang)),
            icon=":material/warning:",
        )
        show_problems(problems)
    elif changed:
        st.success(_("The edited table is valid."), icon=":material/check:")
    apply, download, discard = st.columns(3)
    if apply.button(
        _("Apply edits"),
        type="primary",
        disabled=bool(problems) or not changed,
        width="stretch",
        icon=":material/done_all:",
    ):
        request_dataset(with_stances(dataset, stances))
    csv_download(download, _("Download the edited table (CSV)"), to_csv_bytes(raw), key="edited_csv", width="stretch")
    discard.button(
        _("Discard edits"), on_click=_discard_edits, disabled=not changed, width="stretch", icon=":material/undo:"
    )
