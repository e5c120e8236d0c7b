"""Your data, the upload: three files in the stances.csv format read once, checked, and used if clean; the
template and data dictionary beside them.

Everything stays in this browser session: nothing is written to disk or shown to anyone else.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from components import keys, language
from components.common import csv_download
from components.language import N_, _, ngettext
from components.session_dataset import request_dataset
from stancekit.bundled import DATA_DIR
from stancekit.csv_reader import MAX_BYTES, MAX_ROWS
from stancekit.dataset import dataset_from_files
from stancekit.editing import dictionary_table, problems_markdown_table
from stancekit.i18n import number
from stancekit.schema import Problem, StanceDataError
from stancekit.text import escape_markdown

LOG = logging.getLogger(__name__)
TEMPLATE_DIR = DATA_DIR / "template"
SHOWN_PROBLEMS = 100
TABLE_TYPES = ["csv", "tsv", "txt"]  # what the uploaders accept: delimited text
UPLOAD_MB = MAX_BYTES // 2**20


def show_problems(problems: list[Problem]) -> None:
    """The problems in a table that wraps long messages (st.table renders Markdown, so cells are escaped), in
    this run's language."""
    lang = language.current()
    st.table(problems_markdown_table(problems, SHOWN_PROBLEMS, lang))
    if len(problems) > SHOWN_PROBLEMS:
        st.caption(
            _("The first {shown} of {count} problems are shown. Fix these and upload again.").format(
                shown=SHOWN_PROBLEMS, count=number(len(problems), lang)
            )
        )


def _read(file: object) -> bytes | None:
    return None if file is None else file.getvalue()


def _table_uploader(place: object, label: str, key: str, help: str) -> object:
    """One delimited-text file, within the upload limit."""
    return place.file_uploader(label, type=TABLE_TYPES, key=key, max_upload_size=UPLOAD_MB, help=help)


def upload() -> None:
    """Uploaders for the three files; a new combination of files is read once and, if clean, used."""
    lang = language.current()
    st.text_input(
        _("Topic title"),
        key=keys.UPLOAD_TITLE,
        placeholder=_("e.g. A school phone ban"),
        help=_("Shown at the top of every page and in citations."),
    )
    stances = _table_uploader(
        st,
        _("Stance table (required): stances.csv"),
        keys.UPLOAD_STANCES,
        _(
            "UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab separated; up to {megabytes} MB and {rows} rows."
        ).format(megabytes=UPLOAD_MB, rows=number(MAX_ROWS, lang)),
    )
    left, right = st.columns(2)
    issues = _table_uploader(
        left,
        _("Issues (optional): issues.csv"),
        keys.UPLOAD_ISSUES,
        # i18n: issue, proposition and explainer are the file's column names: leave them in English.
        _("Columns issue, proposition, explainer."),
    )
    events = _table_uploader(
        right,
        _("Key events (optional): events.csv"),
        keys.UPLOAD_EVENTS,
        # i18n: date, event and source_id are the file's column names: leave them in English.
        _("Columns date, event, source_id."),
    )
    title = st.session_state.get(keys.UPLOAD_TITLE) or (Path(stances.name).stem.replace("_", " ") if stances else "")
    files = tuple(None if f is None else (f.file_id, f.name) for f in (stances, issues, events)) + (title,)
    if stances is not None and st.session_state.get(keys.UPLOAD_SEEN) != files:
        st.session_state[keys.UPLOAD_SEEN] = files
        _load(stances.name, _read(stances), _read(issues), _read(events), title, lang)
    _report()


def _load(name: str, stances: bytes, issues: bytes | None, events: bytes | None, title: str, lang: str) -> None:
    """Read the files; a clean topic replaces the current data, a faulty one never does. (The problems are
    kept as they are and shown in the language of the run that shows them.)"""
    try:
        dataset = dataset_from_files(
            stances,
            title,
            issues=issues,
            events=events,
            # i18n: the description of an uploaded topic; {name} is the file's name.
            description=_("Uploaded from {name}; shown in this session only.").format(name=name),
            lang=lang,
        )
    except StanceDataError as error:
        st.session_state[keys.UPLOAD_REPORT] = ("error", name, error.problems)
        return
    except Exception:  # a file no check foresaw must never show a traceback or break the app
        LOG.exception("unexpected error reading an uploaded file")
        problem = Problem(
            None,
            None,
            "",
            N_(
                "This file could not be read. Check that it is a CSV in the stances.csv "
                "format (download the template to compare)."
            ),
            name,
        )
        st.session_state[keys.UPLOAD_REPORT] = ("error", name, [problem])
        return
    st.session_state[keys.UPLOAD_REPORT] = ("ok", name, len(dataset.stances))
    request_dataset(dataset)


def _report() -> None:
    report = st.session_state.get(keys.UPLOAD_REPORT)
    if not report:
        st.caption(_("Start from the template if you are unsure of the format."))
        return
    outcome, name, detail = report
    if outcome == "ok":
        st.success(
            ngettext(
                "Loaded {name}: {count} position. Every page now shows this topic.",
                "Loaded {name}: {count} positions. Every page now shows this topic.",
                detail,
            ).format(name=escape_markdown(name), count=number(detail, language.current())),
            icon=":material/check_circle:",
        )
        return
    count = len(detail)
    st.error(
        ngettext(
            "{name} was not loaded: {count} problem to fix. The data you were looking at is still in use. Fix "
            "the rows below and upload the file again.",
            "{name} was not loaded: {count} problems to fix. The data you were looking at is still in use. Fix "
            "the rows below and upload the file again.",
            count,
        ).format(name=escape_markdown(name), count=number(count, language.current())),
        icon=":material/error:",
    )
    show_problems(detail)


def template_file(name: str, lang: str, folder: Path = TEMPLATE_DIR) -> Path:
    """A template file in the visitor's language (data/template/<lang>/<name>), else the English one."""
    translated = folder / lang / name
    return translated if translated.is_file() else folder / name


def template() -> None:
    lang = language.current()
    st.markdown(
        _(
            "A small, **fictional** example topic (a school phone ban) in the three files' format. Download, "
            "replace the rows with your own topic, and upload."
        )
    )
    columns = st.columns(3)
    for column, name in zip(columns, ("stances.csv", "issues.csv", "events.csv"), strict=True):
        data = template_file(name, lang).read_bytes()
        label = _("Template {file}").format(file=name)
        csv_download(column, label, data, key=f"template_{name}", file_name=name, width="stretch")
    st.markdown(_("**Columns of stances.csv** (header names may use any case and spacing):"))
    st.table(dictionary_table(lang))
    st.caption(
        _(
            "One row is one dated position of one actor on one issue; an actor has one bloc and at most one "
            "position per issue and day. Leave out an actor who said nothing: no row means no stated position."
        )
    )
