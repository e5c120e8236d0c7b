"""Browser contexts the size of a screen; below PHONE_WIDTH also with a phone's User-Agent, as a real phone
sends it: the overview builds its lists for phones and its matrix for larger screens (stancekit.devices)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, BrowserContext

PHONE_WIDTH = 640  # narrower screens are phones'
PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Mobile Safari/537.36"
)


def screen(browser: Browser, width: int, height: int, **options: Any) -> BrowserContext:
    """A new context with a `width` × `height` viewport (and the other new_context `options`), a phone's
    User-Agent when it is narrower than PHONE_WIDTH."""
    if width < PHONE_WIDTH:
        options.setdefault("user_agent", PHONE_USER_AGENT)
    return browser.new_context(viewport={"width": width, "height": height}, **options)
