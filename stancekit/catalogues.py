"""Keep the interface's catalogues in step with the code: `python -m stancekit.catalogues` extracts every
msgid (calls of _, N_, gettext and ngettext in dashboard.py, components/ and stancekit/) into
locales/messages.pot and merges it into each language's messages.po, keeping existing translations; a new
or changed msgid comes in empty (Babel's guesses from similar msgids are turned off: a guess is no translation)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

from stancekit.i18n import LANGUAGES, LOCALES, TEMPLATE

ROOT = LOCALES.parent
SOURCES = ("dashboard.py", "components", "stancekit")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
FIXED = datetime(2026, 12, 1, tzinfo=UTC)  # no dates that change on every extraction: the diff shows strings
HEADER = {
    "project": "stance dashboard",
    "header_comment": "# The interface's strings (python -m stancekit.catalogues writes this file).",
    "charset": "utf-8",
    "fuzzy": False,
    "creation_date": FIXED,
    "revision_date": FIXED,
}


def _messages() -> Iterator[tuple[str, int, str | tuple[str, ...], list[str]]]:
    options = {"keywords": KEYWORDS, "comment_tags": ("i18n:",)}
    for source in SOURCES:
        path = ROOT / source
        if path.is_file():
            for line, message, comments, _context in extract_from_file("python", path, **options):
                yield source, line, message, comments
            continue
        for filename, line, message, comments, _context in extract_from_dir(
            path, method_map=[("**.py", "python")], **options
        ):
            yield f"{source}/{filename}", line, message, comments


def template() -> Catalog:
    """Every msgid of the code, with where it is used and any `# i18n:` note for translators."""
    catalog = Catalog(**HEADER)
    for filename, line, message, comments in _messages():
        catalog.add(message, locations=[(filename, line)], auto_comments=comments)
    return catalog


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=120, omit_header=False, sort_output=False, include_lineno=False)


def update() -> dict[str, int]:
    """Write the template and merge it into every language's catalogue; the msgids each leaves untranslated."""
    pot = template()
    write(pot, TEMPLATE)
    missing = {}
    for lang in LANGUAGES:
        if lang == "en":
            continue
        path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        if path.is_file():
            with path.open("rb") as po:
                catalog = read_po(po, locale=lang)
        else:
            catalog = Catalog(locale=lang, **HEADER)
        catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)  # a guess is no translation
        catalog.obsolete.clear()  # a msgid the code no longer uses is not kept
        write(catalog, path)
        missing[lang] = sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
    return missing


if __name__ == "__main__":
    for lang, count in update().items():
        print(f"{lang}: {count} msgids to translate")
    sys.exit(0)
