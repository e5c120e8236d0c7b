"""Making data text safe to display: Markdown escaping, plotly hover escaping, link checks."""

from __future__ import annotations

import html
import re
import textwrap
from datetime import date, datetime
from urllib.parse import quote, urlsplit

import pandas as pd

# Every ASCII character Markdown or Streamlit's Markdown extensions give a meaning to
# (links, images, emphasis, code, tables, :colour[...] directives, $math$, HTML).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^])")
_WHITESPACE = re.compile(r"\s+")


def escape_markdown(text: object) -> str:
    """Text that Streamlit's Markdown shows literally: no links, images, HTML or formatting."""
    collapsed = _WHITESPACE.sub(" ", str(text)).strip()
    return _MARKDOWN_SPECIAL.sub(r"\\\1", collapsed)


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


def format_date(value: date | datetime | pd.Timestamp) -> str:
    """A date as '3 Mar 2025'."""
    return f"{value.day} {value:%b %Y}"
