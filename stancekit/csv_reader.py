"""The bytes of a delimited text file as a table of strings, or the problems a teacher can fix.

Handles UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or tab separators; CRLF;
and recognises the files people upload by mistake (spreadsheets, JSON, web pages, images).
Everything that goes wrong is raised as StanceDataError; nothing else escapes.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re

import pandas as pd

from stancekit.csv_fast import mostly_control_characters, plain_utf8_opening, read_well_formed
from stancekit.i18n import N_
from stancekit.schema import Problem, StanceDataError, problem

MAX_BYTES = 25 * 1024 * 1024  # 25 MB, also server.maxUploadSize in .streamlit/config.toml
MAX_ROWS = 120_000
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# A row with more values than the header has columns, one whole sentence per delimiter.
TOO_MANY_VALUES: dict[str, str] = {
    # i18n: {values} and {columns} are counts, both almost always more than one.
    ",": N_(
        "This row has {values} values but the header has {columns} columns. A text cell probably contains a "
        "comma: put that text in double quotes, or remove the extra comma."
    ),
    # i18n: {values} and {columns} are counts, both almost always more than one.
    ";": N_(
        "This row has {values} values but the header has {columns} columns. A text cell probably contains a "
        "semicolon: put that text in double quotes, or remove the extra semicolon."
    ),
    # i18n: {values} and {columns} are counts, both almost always more than one. A tab is the tab character.
    "\t": N_(
        "This row has {values} values but the header has {columns} columns. A text cell probably contains a "
        "tab: put that text in double quotes, or remove the extra tab."
    ),
}

# Magic numbers of files that are not text at all, and what to tell the teacher.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (
        b"PK\x03\x04",
        N_(
            "This is an Excel workbook (.xlsx) or another zipped file, not a CSV. In Excel or "
            "LibreOffice choose File → Save As → “CSV UTF-8 (comma delimited)”, then upload that file."
        ),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        N_(
            "This is an old Excel workbook (.xls), not a CSV. Open it and choose File → Save As → "
            "“CSV UTF-8 (comma delimited)”, then upload that file."
        ),
    ),
    (b"%PDF", N_("This is a PDF document, not a CSV. Export the table from the original spreadsheet as CSV.")),
    (b"\x89PNG", N_("This is an image (PNG), not a CSV table.")),
    (b"\xff\xd8\xff", N_("This is an image (JPEG), not a CSV table.")),
    (b"GIF8", N_("This is an image (GIF), not a CSV table.")),
    (b"\x1f\x8b", N_("This is a compressed (gzip) file. Unpack it and upload the CSV inside.")),
)


def fail(message: str, row: int | None = None, column: str | None = None, value: str = "") -> StanceDataError:
    """A one-problem error, for files that cannot be read at all."""
    return StanceDataError([Problem(row, column, value, message)])


def _looks_like_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is zero (UTF-16 without a BOM)."""
    head = data[:400]
    if len(head) < 4:
        return None
    if head[1::2].count(0) > 0.9 * len(head[1::2]) and head[0::2].count(0) < 0.1 * len(head[0::2]):
        return "utf-16-le"
    if head[0::2].count(0) > 0.9 * len(head[0::2]) and head[1::2].count(0) < 0.1 * len(head[1::2]):
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, bytes]:
    """The file's text, and the same text as UTF-8 bytes (the original bytes when they already are)."""
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise fail(message)
    utf8: bytes | None = None
    try:
        if data.startswith(codecs.BOM_UTF8):
            utf8 = data[len(codecs.BOM_UTF8) :]
            text = utf8.decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif encoding := _looks_like_utf16(data):
            text = data.decode(encoding)
        else:
            try:
                text, utf8 = data.decode("utf-8"), data
            except UnicodeDecodeError:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    text = data.decode("latin-1")  # every byte decodes; the binary check below decides
    except UnicodeDecodeError as error:
        raise fail(
            N_("The file's text encoding could not be recognised. Save it as “CSV UTF-8” and upload it again.")
        ) from error
    if "\x00" in text or mostly_control_characters(text):
        raise fail(N_("This looks like a binary file, not CSV text. Upload the table saved as “CSV UTF-8”."))
    return text, (utf8 if utf8 is not None else text.encode("utf-8"))


def _wrong_text_format(text: str) -> str | None:
    """A sentence when the text is a known non-CSV format (JSON, HTML), else None."""
    start = text.lstrip()[:200].lower()
    if start.startswith(("{", "[")):
        try:
            json.loads(text)
        except ValueError:
            return None
        return N_("This is JSON, not CSV. Export the data as a table with one column per field (see the template).")
    if start.startswith(("<!doctype html", "<html", "<?xml", "<table", "<head", "<body")):
        return N_("This is a web page (HTML) or XML, not CSV. Save the table from a spreadsheet as “CSV UTF-8”.")
    return None


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most (comma on a tie)."""
    header = text[: text.find("\n")] if "\n" in text[:100_000] else text[:100_000]
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def diagnose_csv(text: str, delimiter: str) -> list[Problem]:
    """Why pandas could not tokenise the file: rows with too many values, or a quote that never closes."""
    problems: list[Problem] = []
    csv.field_size_limit(MAX_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    record = 1
    try:
        header = next(reader)
        for record, row in enumerate(reader, start=2):
            if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
                problems.append(
                    problem(
                        record,
                        None,
                        "",
                        TOO_MANY_VALUES[delimiter],
                        values=len(row),
                        columns=len(header),
                    )
                )
    except csv.Error:
        problems.append(
            Problem(
                record + 1,
                None,
                "",
                N_(
                    'A double quote (") opens a text here, or just after, that never closes, so the rest of the '
                    'file cannot be read. Close the quote, or write a quote inside a text as two quotes ("").'
                ),
            )
        )
    if not problems:
        problems.append(
            Problem(
                None,
                None,
                "",
                N_("The file could not be read as CSV. Check that it is the stances.csv format (see the template)."),
            )
        )
    return problems


def normalise_header(name: object) -> str:
    """Header matching ignores case and surrounding or repeated whitespace: ' Source URL' → 'source_url'."""
    return re.sub(r"\s+", "_", str(name).strip().lower())


def _header(text: str, delimiter: str) -> list[str]:
    """The header row's cells exactly as written (pandas would rename repeated ones, hiding them)."""
    try:
        return next(csv.reader(io.StringIO(text[: text.find("\n") + 1 or None]), delimiter=delimiter))
    except (StopIteration, csv.Error):
        return []


def _checked_text(data: bytes) -> tuple[str, bytes]:
    """The whole file decoded (and as UTF-8 bytes), refused with a sentence when it is empty or not CSV."""
    text, utf8 = decode(data)
    if not text or text.isspace():
        raise fail(N_("The file is empty; it needs a header row and data rows."))
    if message := _wrong_text_format(text):
        raise fail(message)
    return text, utf8


def _read_with_pandas(text: str, delimiter: str) -> pd.DataFrame:
    """pandas' careful parser, for what Arrow refuses: it reads blank lines, or locates what is wrong."""
    try:
        raw = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            skip_blank_lines=False,
        )
    except pd.errors.EmptyDataError as error:
        raise fail(N_("The file is empty; it needs a header row and data rows.")) from error
    except (pd.errors.ParserError, ValueError, OverflowError) as error:
        raise StanceDataError(diagnose_csv(text, delimiter)) from error
    return raw.fillna("").astype(str).apply(lambda column: column.str.strip())


def _read_text_table(data: bytes, fast: bool) -> tuple[pd.DataFrame, list[str]]:
    """The table, values stripped, and its header as written.

    A plainly UTF-8 file goes to Arrow without being decoded whole (its opening lines give the delimiter
    and header); any other file is decoded and checked first. Arrow reads what is well formed, once;
    pandas reads the rest from the decoded text, or says what is wrong. Without `fast`, pandas reads all.
    """
    plain = plain_utf8_opening(data) if fast else None
    text, utf8 = plain if plain is not None else _checked_text(data)
    delimiter = sniff_delimiter(text)
    header = _header(text, delimiter)
    raw = read_well_formed(utf8, header, delimiter) if fast else None
    if raw is not None:
        return raw, header
    if plain is not None:  # only the opening was decoded so far
        text, _ = _checked_text(data)
    return _read_with_pandas(text, delimiter), header


def parse_table(data: bytes, fast: bool = True) -> pd.DataFrame:
    """A CSV file as an all-text table: headers normalised, values stripped, blank rows dropped.

    The index keeps each data row's position in the file, so problems name the spreadsheet row. Well-formed
    files are read by Arrow (stancekit.csv_fast); `fast=False` reads every file with pandas' careful parser,
    with the same result.
    """
    if len(data) > MAX_BYTES:
        raise StanceDataError(
            [
                problem(
                    None,
                    None,
                    "",
                    N_("The file is {size} MB; the limit is {limit} MB. Split the topic or shorten long texts."),
                    size=f"{len(data) / 2**20:.1f}",
                    limit=MAX_BYTES // 2**20,
                )
            ]
        )
    raw, header = _read_text_table(data, fast)
    if len(header) == len(raw.columns):
        raw.columns = header
    raw.columns = [normalise_header(c) or f"unnamed:_{i}" for i, c in enumerate(raw.columns)]
    unnamed = [c for c in raw.columns if c.startswith("unnamed:") or c == ""]
    raw = raw.drop(columns=[c for c in unnamed if (raw[c].str.strip() == "").all()])
    duplicated = sorted({c for c in raw.columns if list(raw.columns).count(c) > 1})
    if duplicated:
        raise StanceDataError(
            [
                problem(
                    None,
                    duplicated[0],
                    "",
                    # i18n: {column} is a column's name in the uploaded file.
                    N_(
                        "The column “{column}” appears more than once (headers are matched ignoring case and "
                        "spaces). Keep one of them."
                    ),
                    column=duplicated[0],
                )
            ]
        )
    first = raw.columns[0] if len(raw.columns) else None
    if first is not None and raw[first].eq("").any():  # rows left blank in a spreadsheet are not data
        raw = raw[(raw != "").any(axis=1)]
    if len(raw) > MAX_ROWS:
        raise StanceDataError(
            [
                problem(
                    None,
                    None,
                    "",
                    N_("The table has {rows} rows; the limit is {limit}. Split the topic into smaller files."),
                    rows=len(raw),
                    limit=MAX_ROWS,
                )
            ]
        )
    return raw
