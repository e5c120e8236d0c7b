"""A topic packed into one blob, to keep with a Class Pulse class: its tables as CSV files in a zip, read back
through the same readers (and checks) as an upload. Only a class's own students read it, and only while the
class lives; the database deletes it with the class."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from stancekit.csv_reader import MAX_BYTES
from stancekit.dataset import Dataset, no_events
from stancekit.i18n import N_
from stancekit.schema import CHAPTER_COLUMNS, ISSUE_COLUMNS, SOURCE_COLUMNS, StanceDataError, problem
from stancekit.topic_files import read_chapters, read_events, read_issues, read_sources, read_stances

ABOUT = "topic.json"  # title and description
TABLES = {  # file → (Dataset attribute, reader, columns of an empty table)
    "stances.csv": ("stances", read_stances, ()),
    "issues.csv": ("issues", read_issues, ISSUE_COLUMNS),
    "events.csv": ("events", read_events, ()),
    "sources.csv": ("sources", read_sources, SOURCE_COLUMNS),
    "chapters.csv": ("chapter_table", read_chapters, CHAPTER_COLUMNS),
}


def pack(dataset: Dataset) -> bytes:
    """The topic as zip bytes (deflated CSV files, dates as YYYY-MM-DD, text exactly as held)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ABOUT, json.dumps({"title": dataset.title, "description": dataset.description}))
        for name, (attribute, _, _) in TABLES.items():
            table: pd.DataFrame = getattr(dataset, attribute)
            if name == "stances.csv" or not table.empty:
                archive.writestr(name, table.to_csv(index=False, date_format="%Y-%m-%d"))
    return buffer.getvalue()


def unpack(blob: bytes) -> Dataset:
    """The topic `pack` made, read and checked again; StanceDataError when the blob is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
            if ABOUT not in sizes or "stances.csv" not in sizes or max(sizes.values()) > MAX_BYTES:
                raise zipfile.BadZipFile("not a packed topic")
            about = json.loads(archive.read(ABOUT))
            files = {name: archive.read(name) for name in TABLES if name in sizes}
    except (zipfile.BadZipFile, json.JSONDecodeError, KeyError, UnicodeDecodeError) as error:
        # i18n: {error} is a technical reason, in English (e.g. "not a packed topic").
        message = N_("The class's topic could not be read ({error}).")
        raise StanceDataError([problem(None, None, "", message, error=str(error))]) from error
    tables = {}
    for name, (attribute, reader, columns) in TABLES.items():
        if name in files:
            tables[attribute] = reader(files[name])
        elif name == "events.csv":
            tables[attribute] = no_events()
        else:
            tables[attribute] = pd.DataFrame(columns=list(columns))
    return Dataset(title=str(about.get("title", "")), description=str(about.get("description", "")), **tables)
