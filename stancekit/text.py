"""Making data text safe to display: Markdown escaping, plotly hover escaping, link checks."""

from __future__ import annotations

import html
import re
import textwrap
from datetime import date, datetime
from urllib.parse import quote, urlsplit

import pandas as pd

from stancekit.i18n import day

# Every ASCII character Markdown or Streamlit's Markdown extensions give a meaning to
# (links, images, emphasis, code, tables, :colour[...] directives, $math$, HTML).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^])")
# For Markdown files read by people and standard renderers: only what starts links, images, code,
# emphasis, HTML or table cells, so the text stays readable.
_MARKDOWN_FILE_SPECIAL = re.compile(r"([\\`*_\[\]!|<>~#])")
_WHITESPACE = re.compile(r"\s+")


def escape_markdown(text: object, *, for_file: bool = False) -> str:
    """Text that Markdown shows literally: no links, images, HTML or formatting.

    By default for Streamlit (its extensions included); `for_file=True` escapes less, for a .md
    file people will also read as plain text.
    """
    collapsed = _WHITESPACE.sub(" ", str(text)).strip()
    pattern = _MARKDOWN_FILE_SPECIAL if for_file else _MARKDOWN_SPECIAL
    return pattern.sub(r"\\\1", collapsed)


def escape_plotly(text: object, width: int | None = None) -> str:
    """Text for plotly labels and hovers: HTML-escaped, optionally wrapped with <br>."""
    collapsed = _WHITESPACE.sub(" ", str(text)).strip()
    lines = textwrap.wrap(collapsed, width) if width else [collapsed]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def safe_link_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) link, made safe to embed in Markdown; else None."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if not candidate or any(ch.isspace() or ord(ch) < 32 for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Keep URL syntax, percent-encode what could end a Markdown link or open HTML.
    return quote(candidate, safe="/:?#&=%+,;@~!*'-._")


# Names that read with "the" in running text: "the United States", "the European Union".
_DEFINITE_PREFIXES = ("United ", "European ", "Netherlands", "Philippines", "Czech Republic", "Republic of")


def definite(name: str, *, start: bool = False, lang: str = "en") -> str:
    """A name as it reads in an English sentence: 'the United States', 'France'; 'The …' at a sentence start.
    Other languages get the name as it is (their templates place it)."""
    if lang == "en" and name.startswith(_DEFINITE_PREFIXES):
        return ("The " if start else "the ") + name
    return name


def format_date(value: date | datetime | pd.Timestamp, lang: str = "en") -> str:
    """A date as the language writes it: '3 Mar 2025', '3 mars 2025', '3. März 2025' (stancekit.i18n.day)."""
    return day(value, lang)
