"""How to cite the app, a view of it, and its data."""

from __future__ import annotations

from datetime import date

import pandas as pd

from stancekit.text import format_date


def date_span(stances: pd.DataFrame) -> str:
    """'12 Feb 2025 – 30 Apr 2025', or 'no positions'."""
    if stances.empty:
        return "no positions"
    return f"{format_date(stances['date'].min())} – {format_date(stances['date'].max())}"


def cite_view(
    title: str,
    stances: pd.DataFrame,
    today: date,
    *,
    view: str | None = None,
    url: str | None = None,
    as_of: pd.Timestamp | None = None,
) -> str:
    """A ready citation of the app and the data behind a view: title, date range, URL, access date."""
    parts = [f"“Who wants what? {title}”, stance dashboard"]
    if view:
        parts.append(f"view “{view}”")
    parts.append(f"data: {len(stances)} dated positions, {date_span(stances)}, compiled from public reporting")
    if as_of is not None:
        parts.append(f"positions as of {format_date(as_of)}")
    citation = ", ".join(parts) + "."
    if url:
        citation += f" {url}"
    return citation + f" Accessed {format_date(today)}."
