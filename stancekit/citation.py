"""How to cite the app, a view of it, and its data."""

from __future__ import annotations

from datetime import date

import pandas as pd

from stancekit import i18n
from stancekit.i18n import gettext
from stancekit.text import format_date


def date_span(stances: pd.DataFrame, lang: str = "en") -> str:
    """'12 Feb 2025 – 30 Apr 2025', or 'no positions'."""
    _ = gettext(lang)
    if stances.empty:
        return _("no positions")
    return _("{first} – {last}").format(
        first=format_date(stances["date"].min(), lang), last=format_date(stances["date"].max(), lang)
    )


def cite_view(
    title: str,
    stances: pd.DataFrame,
    today: date,
    *,
    view: str | None = None,
    url: str | None = None,
    as_of: pd.Timestamp | None = None,
    lang: str = "en",
) -> str:
    """A ready citation of the app and the data behind a view: title, date range, URL, access date."""
    _, ngettext = gettext(lang), i18n.ngettext(lang)
    # i18n: the first part of a citation; {title} is the topic's title
    parts = [_("“Who wants what? {title}”, stance dashboard").format(title=title)]
    if view:
        # i18n: part of a citation: the page of the app cited
        parts.append(_("view “{view}”").format(view=view))
    parts.append(
        ngettext(
            "data: {count} dated position, {span}, compiled from public reporting",
            "data: {count} dated positions, {span}, compiled from public reporting",
            len(stances),
        ).format(count=len(stances), span=date_span(stances, lang))
    )
    if as_of is not None:
        parts.append(_("positions as of {date}").format(date=format_date(as_of, lang)))
    citation = ", ".join(parts) + "."
    if url:
        citation += f" {url}"
    return citation + " " + _("Accessed {date}.").format(date=format_date(today, lang))
