"""What kind of screen a browser is on, as far as its User-Agent header says."""

from __future__ import annotations


def is_phone(user_agent: str | None) -> bool:
    """Whether a User-Agent names a phone. MDN's advice for telling phones apart is the token "Mobi": phone
    browsers send it (iOS Safari, Chrome and Firefox on Android), desktop browsers do not. Tablets count as
    large screens: iPadOS Safari sends a desktop User-Agent and Android tablets leave "Mobile" out."""
    return "Mobi" in (user_agent or "")
