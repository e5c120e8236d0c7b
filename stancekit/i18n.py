"""The interface's languages: which one a visitor gets, its gettext catalogue, and dates and numbers in it
(all through Babel). The catalogues are the .po files under locales/<language>/LC_MESSAGES/, read as they
are: nothing to compile before a deploy.

How a string is translated: views call components.language's `_("…")` (or `ngettext`); the core's functions
that write text take `lang`, bind `_ = gettext(lang)` and call `_("…")` (the extractor finds calls of `_`,
never gettext(lang) applied straight to a literal: tests/test_catalogues.py says so). A string built before
the language is known (a module
constant) is marked `N_("…")` and translated where it is shown. Placeholders are named
(`_("{count} actors").format(count=n)`), so a translation can move them. `python -m stancekit.catalogues`
extracts the msgids into locales/messages.pot and updates the catalogues; tests/test_catalogues.py fails on
any msgid a catalogue leaves untranslated or fuzzy.

PSEUDO is a pseudo-language for layout tests: every msgid accented and 40 % longer, in brackets, so a
clipped or overflowing string shows at a glance. It is reachable by ?lang=en-XA and never offered."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.core import negotiate_locale
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

LANGUAGES = {"en": "English", "fr": "Français", "de": "Deutsch", "uk": "Українська"}  # each in its own words
DEFAULT = "en"  # the msgids are English
PSEUDO = "en-XA"  # accented, longer English for layout tests (never offered in the picker)
LOCALES = Path(__file__).resolve().parent.parent / "locales"
TEMPLATE = LOCALES / "messages.pot"
# Babel's locale for each language's formats: British English writes "11 Mar 2025", as the app always has.
FORMAT_LOCALE = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "uk": "uk_UA", PSEUDO: "en_GB"}
# 11 mars 2025, 11. März 2025, 11 березня 2025 (English: see day). Ukrainian without Babel's closing "р.", which
# doubled the full stop of every sentence that ends on a date ("заявлених … 2026 р..").
DAY_FORMAT = {"fr": "long", "de": "long", "uk": "d MMMM y"}
# A date slider's own label (Streamlit's dayjs tokens). Its month names are English whatever the language, so the
# other languages write the date in numbers, as they would by hand: 18/05/2026, 18.05.2026.
SLIDER_DATE_FORMAT = {
    "en": "D MMM YYYY",
    "fr": "DD/MM/YYYY",
    "de": "DD.MM.YYYY",
    "uk": "DD.MM.YYYY",
    PSEUDO: "D MMM YYYY",
}


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark for translation, translate later")
    """Mark a string for the catalogues without translating it yet (a module constant shown later with `_`)."""
    return message


def language(requested: str | None, browser_locale: str | None) -> str:
    """The language to speak: the link's (?lang=) when it is one of ours, else the browser's (st.context.locale,
    e.g. "fr-FR"), else English."""
    if requested in LANGUAGES or requested == PSEUDO:
        return requested
    if browser_locale:
        tag = browser_locale.replace("-", "_")
        found = negotiate_locale([tag, tag.split("_")[0]], list(LANGUAGES), aliases={})
        if found:
            return found
    return DEFAULT


@lru_cache(maxsize=len(LANGUAGES) + 1)
def catalogue(lang: str, root: Path = LOCALES) -> NullTranslations:
    """The language's translations (read once per process; English, or a language without a catalogue, gives the
    msgids back unchanged)."""
    if lang == PSEUDO:
        return _pseudo_catalogue(root / TEMPLATE.name)
    path = root / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        messages = read_po(po, locale=lang)
    return _compiled(messages)


def _compiled(messages: Catalog) -> Translations:
    compiled = BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)  # a fuzzy entry is not a translation yet
    compiled.seek(0)
    return Translations(compiled)


def gettext(lang: str) -> Callable[[str], str]:
    """The language's `_`: for the core's functions that write text (`_ = gettext(lang)`)."""
    return catalogue(lang).gettext


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    """The language's plural form chooser: `ngettext = i18n.ngettext(lang)`, then
    `ngettext("{n} actor", "{n} actors", n).format(n=n)`."""
    return catalogue(lang).ngettext


_ACCENTED = str.maketrans("aceinorsuyACEINORSUY", "åçéîñöŕšûýÅÇÉÎÑÖŔŠÛÝ")
# Left as they are: placeholders, Markdown links' targets, material icons, HTML-like tags and escapes.
_LITERAL = re.compile(r"(\{[^{}]*\}|\]\([^)]*\)|:material/[a-z_]+:|<[^>]+>|\\.|%\(?\w*\)?[sd])")


def pseudo(message: str) -> str:
    """The pseudo-language's version of a msgid: accented, 40 % longer, bracketed, placeholders kept."""
    if not message.strip():
        return message
    parts = _LITERAL.split(message)
    text = "".join(part if i % 2 else part.translate(_ACCENTED) for i, part in enumerate(parts))
    padding = "~" * max(1, round(len(message) * 0.4))
    return f"[{text} {padding}]"


def _pseudo_catalogue(template: Path) -> Translations:
    with template.open("rb") as pot:
        messages = read_po(pot)
    for message in messages:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(pseudo(form) for form in message.id)
        else:
            message.string = pseudo(message.id)
    return _compiled(messages)


def day(value: date, lang: str) -> str:
    """A date as the language writes it: 11 Mar 2025, 11 mars 2025, 11. März 2025, 11 березня 2025. English keeps
    the app's own three-letter months ("3 Sep 2025", where Babel's British English writes "Sept"), written
    directly: the most frequent case costs no Babel call per cell."""
    if lang in (DEFAULT, PSEUDO):
        return f"{value.day} {value:%b %Y}"
    return format_date(value, format=DAY_FORMAT[lang], locale=FORMAT_LOCALE[lang])


def number(value: float, lang: str) -> str:
    """A number in the language's way: 1,234 · 1 234 · 1.234; decimals as given (0.5 → 0,5 in French)."""
    return format_decimal(value, locale=FORMAT_LOCALE[lang])


def one_decimal(value: float, lang: str) -> str:
    """A decimal to exactly one place, as the language writes it: 4.0, 4,0 (the English written directly)."""
    if lang == DEFAULT:
        return f"{value:.1f}"
    return format_decimal(round(float(value), 1), format="0.0", locale=FORMAT_LOCALE[lang])


# i18n: a label and what it labels, e.g. "Europe: median +2"; French puts a no-break space before the colon
LABELLED = N_("{label}: {text}")


def percent(share: float, lang: str) -> str:
    """A share (0..1) as a whole percentage in the language's way: 46%, 46 %, 46 %."""
    return format_percent(share, locale=FORMAT_LOCALE[lang])
