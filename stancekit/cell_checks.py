"""The checks on each cell of a stance table, with what a failed check means for a teacher, as pandera schemas."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
import pyarrow.compute as pc

from stancekit.i18n import N_
from stancekit.schema import EVIDENCE_TYPES

POSITION_PATTERN = r"[+\-−]?[0-2](?:\.0+)?"
USUAL_POSITIONS = ["-2", "-1", "0", "1", "2", "+1", "+2"]  # as most tables write them
MAX_TEXT = 2_000  # characters in any one cell: a paraphrase is one or two sentences
DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"
URL_PATTERN = r"(?i)https?://[^\s/?#]+\S*"

# What each failed check means for a teacher, and how to fix it (msgids). {column} (a column's name, as the
# file has it) and {value} (the cell) are filled in.
MESSAGES: dict[str, str] = {
    # i18n: {column} is a column's name in the uploaded file (e.g. actor), left in English.
    "required": N_("{column} is empty; fill it in on every row."),
    # i18n: "position" is the column's name in the uploaded file, left in English.
    "position": N_(
        "position must be a whole number from −2 to 2 (−2 strongly opposes, 0 split, "
        "+2 strongly supports); found '{value}'."
    ),
    # i18n: {column} is a column's name (date, start, end); keep YYYY-MM-DD, the format the file must use.
    "date": N_("{column} must be a real date written YYYY-MM-DD, e.g. 2025-03-15; found '{value}'."),
    # i18n: evidence is the column's name; statement, reported and analysis are its values: leave them in English.
    "evidence": N_("evidence must be statement, reported or analysis, or left empty; found '{value}'."),
    # i18n: voice is the column's name; other and lead are its values: leave them in English.
    "voice": N_(
        "voice must be other (another voice than the one that sets the actor's position), lead, or left "
        "empty; found '{value}'."
    ),
    # i18n: {column} is a column's name (source_url), left in English.
    "url": N_("{column} must be a web address starting with http:// or https://, or be left empty; found '{value}'."),
    # i18n: {column} is a column's name (e.g. summary), left in English.
    "length": N_("{column} is longer than 2,000 characters; shorten it to one or two sentences."),
}


def _byte_lengths(values: pd.Series) -> arrow.ChunkedArray | arrow.Array:
    return pc.binary_length(arrow.array(values))


def _everywhere(values: pd.Series) -> pd.Series:
    return pd.Series(True, index=values.index)


def _usual_or(values: pd.Series, usual: list[str], check: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """True for the usual values; `check` decides only for the rest (most tables have none)."""
    ok = values.isin(usual)
    if not ok.all():
        ok[~ok] = check(values[~ok])
    return ok


def _not_blank(values: pd.Series) -> pd.Series:
    if (pc.min(_byte_lengths(values)).as_py() or 0) > 0:  # no empty cell: the common case, cheaply
        return _everywhere(values)
    return values.ne("")


def is_position(values: pd.Series) -> pd.Series:
    return _usual_or(values, USUAL_POSITIONS, lambda rest: rest.str.fullmatch(POSITION_PATTERN))


Factorized = tuple[np.ndarray, pd.Index]  # pd.factorize of a column: codes per row, distinct values


def _distinct_dates(distinct: pd.Index) -> np.ndarray:
    """Each distinct YYYY-MM-DD string as a date, NaT where it is not a real one."""
    text = pd.Series(distinct, dtype="str")
    return pd.to_datetime(text.where(text.str.fullmatch(DATE_PATTERN)), format="%Y-%m-%d", errors="coerce").to_numpy()


def parse_dates(values: pd.Series, factorized: Factorized | None = None) -> pd.Series:
    """YYYY-MM-DD strings as dates (NaT where not a real date), parsing each distinct value once."""
    codes, distinct = factorized or pd.factorize(values)
    return pd.Series(_distinct_dates(distinct)[codes], index=values.index)


def _is_iso_date(values: pd.Series) -> pd.Series:
    codes, distinct = pd.factorize(values)
    return pd.Series(~np.isnat(_distinct_dates(distinct))[codes], index=values.index)


def _is_evidence(values: pd.Series) -> pd.Series:
    return _usual_or(values, ["", *EVIDENCE_TYPES], lambda rest: rest.str.lower().isin(list(EVIDENCE_TYPES)))


def _is_voice(values: pd.Series) -> pd.Series:
    if (pc.max(_byte_lengths(values)).as_py() or 0) == 0:  # a column left empty: the common case, cheaply
        return _everywhere(values)
    return _usual_or(values, ["", "other"], lambda rest: rest.str.lower().isin(["", "lead", "other"]))


def _is_url_or_blank(values: pd.Series) -> pd.Series:
    if (pc.max(_byte_lengths(values)).as_py() or 0) == 0:  # a column left empty: the common case, cheaply
        return _everywhere(values)
    return _usual_or(values, [""], lambda rest: rest.str.fullmatch(URL_PATTERN))


def _is_short(values: pd.Series) -> pd.Series:
    # UTF-8 bytes are never fewer than characters: when no cell has more bytes than the limit, none is too long.
    if (pc.max(_byte_lengths(values)).as_py() or 0) <= MAX_TEXT:
        return _everywhere(values)
    return values.str.len() <= MAX_TEXT


CHECKS: dict[str, Callable[[pd.Series], pd.Series]] = {
    "required": _not_blank,
    "position": is_position,
    "date": _is_iso_date,
    "evidence": _is_evidence,
    "voice": _is_voice,
    "url": _is_url_or_blank,
    "length": _is_short,
}


def column_schema(checks_by_column: dict[str, Iterable[str]]) -> pa.DataFrameSchema:
    """A pandera schema over an all-text table, with our named checks on each column."""
    columns = {
        # Missing cells are '' here (readers give '', validate_stances fills), so pandera's own null check
        # is skipped; the 'required' check says what an empty cell means.
        name: pa.Column(
            checks=[pa.Check(CHECKS[check], name=check, ignore_na=False) for check in checks], nullable=True
        )
        for name, checks in checks_by_column.items()
    }
    return pa.DataFrameSchema(columns, strict=False)


STANCE_SCHEMA = column_schema(
    {
        "actor": ["required", "length"],
        "bloc": ["required", "length"],
        "issue": ["required", "length"],
        "position": ["position"],
        "date": ["date"],
        "summary": ["required", "length"],
        "source": ["required", "length"],
        "source_id": ["length"],
        "evidence": ["evidence"],
        "source_url": ["url", "length"],
        "speaker": ["length"],
        "quote": ["length"],
        "condition": ["length"],
        "voice": ["voice"],
        "joint": ["length"],
    }
)
