"""The interface's languages: which one a visitor gets, its gettext catalogue, and dates and numbers in it
(all through Babel). The catalogues are the .po files under locales/<language>/LC_MESSAGES/, read as they
are: nothing to compile before a deploy."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.core import negotiate_locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_percent
from babel.support import NullTranslations, Translations

LANGUAGES = {"en": "English", "fr": "Français", "de": "Deutsch", "uk": "Українська"}  # each in its own words
DEFAULT = "en"  # the msgids are English
LOCALES = Path(__file__).resolve().parent.parent / "locales"
# Babel's locale for each language's formats: British English writes "11 Mar 2025", as the app always has.
FORMAT_LOCALE = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "uk": "uk_UA"}
DAY_FORMAT = {"en": "medium", "fr": "long", "de": "long", "uk": "long"}  # 11 Mar 2025, 11 mars 2025, 11. März 2025


def language(requested: str | None, browser_locale: str | None) -> str:
    """The language to speak: the link's (?lang=) when it is one of ours, else the browser's (st.context.locale,
    e.g. "fr-FR"), else English."""
    if requested in LANGUAGES:
        return requested
    if browser_locale:
        tag = browser_locale.replace("-", "_")
        found = negotiate_locale([tag, tag.split("_")[0]], list(LANGUAGES), aliases={})
        if found:
            return found
    return DEFAULT


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str, root: Path = LOCALES) -> NullTranslations:
    """The language's translations (read once per process; English, or a language without a catalogue, gives the
    msgids back unchanged)."""
    path = root / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        messages = read_po(po, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)  # a fuzzy entry is not a translation yet
    compiled.seek(0)
    return Translations(compiled)


def day(value: date, lang: str) -> str:
    """A date as the language writes it: 11 Mar 2025, 11 mars 2025, 11. März 2025, 11 березня 2025 р. (with a
    narrow space before р.)."""
    return format_date(value, format=DAY_FORMAT[lang], locale=FORMAT_LOCALE[lang])


def percent(share: float, lang: str) -> str:
    """A share (0..1) as a whole percentage in the language's way: 46%, 46 %, 46 %."""
    return format_percent(share, locale=FORMAT_LOCALE[lang])
