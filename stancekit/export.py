"""CSV exports that open safely in spreadsheets."""

from __future__ import annotations

import pandas as pd

from stancekit.schema import STANCE_COLUMNS

# A cell starting with one of these is read as a formula (or could be) by Excel, LibreOffice, Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every text cell that a spreadsheet could run as a formula starts with a quote."""
    safe = table.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        text = values.astype("string")
        risky = text.str.startswith(FORMULA_STARTS).fillna(False)
        safe[column] = values.where(~risky, "'" + text)
    return safe


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads accents and glyphs), formulas neutralised."""
    return neutralise_formulas(table).to_csv(index=False).encode("utf-8-sig")


def export_rows(stances: pd.DataFrame) -> pd.DataFrame:
    """Stance rows in the public stances.csv format (dates as YYYY-MM-DD), ready to re-upload."""
    rows = stances.loc[:, list(STANCE_COLUMNS)].copy()
    rows["date"] = rows["date"].dt.strftime("%Y-%m-%d")
    return rows
