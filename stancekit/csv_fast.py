"""The fast path for plainly UTF-8 CSV files: Arrow checks the bytes in place and reads well-formed tables.

stancekit.csv_reader sends a file here only when its opening is plain UTF-8 text, and reads with pandas'
careful parser whatever Arrow refuses, so that parser can say what is wrong.
"""

from __future__ import annotations

import codecs
import io

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from stancekit.columnwise import each_column

SAMPLE_BYTES = 20_000  # the opening of a file, enough to check what it is and read its header


def mostly_control_characters(text: str) -> bool:
    """True when the start of the text has more control characters than any real table would."""
    start = text[:5000]
    controls = sum(1 for ch in start if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(5, len(start) // 50)


def is_utf8(data: bytes) -> bool:
    """Whether the bytes are valid UTF-8, checked by Arrow in place, without a decoded copy of the file."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def plain_utf8_opening(data: bytes) -> tuple[str, bytes] | None:
    """The opening lines as text and the body without BOM, when the file is plainly UTF-8 CSV text.

    None for anything unusual (another encoding, an empty, binary, JSON or HTML file, no line break early on):
    those take the careful path, which decodes the whole file and says what is wrong. Decoding the whole
    of a large file only to hand its bytes to Arrow would cost a copy of it.
    """
    body = data.removeprefix(codecs.BOM_UTF8)
    # UTF-16 starts with a byte order mark that is not UTF-8, or has NUL bytes (every other byte of a Latin text).
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in body:
        return None
    if not is_utf8(body):
        return None
    opening = body[: body.rfind(b"\n", 0, SAMPLE_BYTES) + 1].decode("utf-8")
    start = opening.lstrip()[:1]
    if not start or start in "{[<" or mostly_control_characters(opening):
        return None
    return opening, body


def read_well_formed(utf8: bytes, header: list[str], delimiter: str) -> pd.DataFrame | None:
    """The multi-threaded Arrow CSV reader for well-formed files (several times faster on large tables), or
    None when the file needs pandas' own parser: blank lines (Arrow would drop them and shift every row
    number after them), ragged rows, unclosed quotes or anything else Arrow refuses."""
    if not header:
        return None
    names = [f"c{i}" for i in range(len(header))]
    table = None
    # Splitting the file into blocks at every newline lets Arrow parse them in parallel; a text cell spanning
    # lines makes the parser fall out of step with those blocks, which Arrow reports, so only then is the
    # file read again with the slower quote-aware splitting.
    for newlines_in_values in (False, True):
        try:
            table = pa_csv.read_csv(
                io.BytesIO(utf8),
                read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1),
                parse_options=pa_csv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=newlines_in_values, ignore_empty_lines=False
                ),
                convert_options=pa_csv.ConvertOptions(
                    column_types=dict.fromkeys(names, pa.string()),
                    check_utf8=False,  # the bytes are known to be UTF-8: checked by is_utf8, or encoded from text
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            break
        except Exception:  # any refusal falls back to the careful parser, which diagnoses real problems
            continue
    if table is None:
        return None
    return pa.table(each_column(pc.utf8_trim_whitespace, table.columns), names=names).to_pandas()
