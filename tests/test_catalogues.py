"""The interface's catalogues: in step with the code, and every msgid translated in every language."""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from stancekit.catalogues import ROOT, template
from stancekit.i18n import LANGUAGES, LOCALES, TEMPLATE

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
ICON = re.compile(r":material/[a-z_]+:")
HOVER = re.compile(r"%\{[^}]*\}")  # plotly's hover placeholders


def _read(path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po)


def _ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {message.id for message in catalog if message.id}


def test_the_template_holds_exactly_the_msgids_of_the_code():
    in_code, in_file = _ids(template()), _ids(_read(TEMPLATE))
    assert in_code - in_file == set(), "new strings: run python -m stancekit.catalogues and translate them"
    assert in_file - in_code == set(), "strings the code no longer uses: run python -m stancekit.catalogues"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_msgid_is_translated_and_none_is_fuzzy_or_empty(lang):
    catalog = _read(LOCALES / lang / "LC_MESSAGES" / "messages.po")
    assert _ids(catalog) == _ids(_read(TEMPLATE)), "out of step with the template: python -m stancekit.catalogues"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    empty = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy entries in {lang}: {fuzzy[:3]}"
    assert empty == [], f"{len(empty)} untranslated entries in {lang}: {empty[:3]}"
    assert not catalog.obsolete, f"{lang} keeps entries the code no longer has"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_what_the_code_fills_in_and_the_icons(lang):
    catalog = _read(LOCALES / lang / "LC_MESSAGES" / "messages.po")
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for pattern in (PLACEHOLDER, ICON, HOVER):
            wanted = set(pattern.findall(ids[-1]))
            for string in strings:
                found = set(pattern.findall(string))
                # A plural form may say "one" in words where English writes {count}; nothing else may go.
                if found != wanted and not (len(strings) > 1 and found == wanted - {"{count}"}):
                    wrong.append((ids[0], string))
    assert wrong == [], f"{len(wrong)} translations change placeholders or icons in {lang}: {wrong[:3]}"


def test_no_msgid_hides_from_the_extractor():
    """`gettext(lang)("…")` works but is invisible to the extractor, so its string would never be translated:
    bind `_ = gettext(lang)` and call `_("…")`."""
    hidden = re.compile(r"\bn?gettext\([^()]*\)\(\s*[\"']")
    for path in [*ROOT.glob("components/*.py"), *ROOT.glob("stancekit/**/*.py"), ROOT / "dashboard.py"]:
        assert not hidden.search(path.read_text(encoding="utf-8")), path
