"""The bundled topic's own words in every language: names, propositions, explainers, events, chapters,
summaries and conditions, read from the translation files beside the data (data/translations/*.csv, one
column per language, keyed by the English text).

`localise` gives a dataset whose texts are in one language. Positions, dates, sources and ids stay as they
are. A text without a translation stays as it is, so an uploaded topic in English only still works. Quotes
stay in the speaker's words as the pack gives them: the translation goes in a column of its own,
`quote_translation`, which the views show in brackets after the quote, marked as ours (`translation_note`).
Every spelling of a name in any language leads to the dataset's own (`Dataset.aliases`), so a link written
in one language opens in another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from stancekit.dataset import Dataset
from stancekit.i18n import DEFAULT, LANGUAGES, gettext

LANGUAGE_COLUMNS = tuple(LANGUAGES)  # en, fr, de, uk: the columns of every translation file
QUOTE_TRANSLATION = "quote_translation"
# Which column of which table is translated, under which field name of which translation file.
FIELDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    # file: (table, column, field)
    "names": (
        ("stances", "actor", "actor"),
        ("stances", "bloc", "bloc"),
        ("stances", "issue", "issue"),
        ("issues", "issue", "issue"),
        ("issues", "group", "group"),
        ("chapter_table", "chapter", "chapter"),
        ("stances", "joint", "joint"),
    ),
    "issues": (("issues", "proposition", "proposition"), ("issues", "explainer", "explainer")),
    "events": (("events", "event", "event"),),
    "chapters": (("chapter_table", "summary", "summary"),),
    "stances": (("stances", "summary", "summary"), ("stances", "condition", "condition")),
    "quotes": (("stances", "quote", "quote"),),
}
NAME_FIELDS = ("actor", "bloc", "issue", "group", "chapter")  # the names a link can hold


@dataclass(frozen=True)
class Translations:
    """Every translated text: (file, field, English) → {language: text}."""

    texts: Mapping[tuple[str, str, str], Mapping[str, str]]

    def get(self, file: str, field: str, english: str, lang: str) -> str | None:
        """The text in `lang`, or None when it has no translation there."""
        found = self.texts.get((file, field, english))
        return (found or {}).get(lang) or None


def read_translations(folder: Path) -> Translations:
    """The translation files of a folder (none: nothing is translated)."""
    texts: dict[tuple[str, str, str], dict[str, str]] = {}
    for file in FIELDS:
        path = folder / f"{file}.csv"
        if not path.is_file():
            continue
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        for row in table.to_dict("records"):
            texts[(file, row["field"], row[DEFAULT])] = {lang: row.get(lang, "") for lang in LANGUAGE_COLUMNS}
    return Translations(texts)


def needed(dataset: Dataset) -> list[tuple[str, str, str]]:
    """Every (file, field, English text) the dataset shows, in table order, each once: what must be translated."""
    wanted = [("names", "topic", dataset.title), ("names", "topic", dataset.description)]
    for file, columns in FIELDS.items():
        for table, column, field in columns:
            frame = getattr(dataset, table)
            if column in frame.columns:
                wanted += [(file, field, text) for text in frame[column] if isinstance(text, str) and text]
    return list(dict.fromkeys(wanted))


def _mapping(translations: Translations, file: str, field: str, texts: Iterable[str], lang: str) -> dict[str, str]:
    mapping = {}
    for text in set(texts):
        found = translations.get(file, field, text, lang)
        if found is not None:
            mapping[text] = found
    return mapping


def _translated(column: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    return column.map(mapping).fillna(column).astype(column.dtype) if mapping else column


def aliases(translations: Translations, lang: str) -> dict[str, str]:
    """Every language's spelling of every name → the name in `lang` (a link written in another language)."""
    found: dict[str, str] = {}
    for (file, field, english), texts in translations.texts.items():
        if file != "names" or field not in NAME_FIELDS:
            continue
        own = texts.get(lang) or english
        for spelling in (english, *texts.values()):
            if spelling and spelling != own:
                found.setdefault(spelling, own)
    return found


def localise(dataset: Dataset, translations: Translations, lang: str) -> Dataset:
    """The dataset's texts in `lang` (English, or a language without translations: the texts as they are)."""
    links = aliases(translations, lang if lang in LANGUAGES else DEFAULT)
    if lang not in LANGUAGES or lang == DEFAULT:
        return replace(dataset, aliases=links)
    tables = {name: getattr(dataset, name) for name in ("stances", "issues", "events", "chapter_table")}
    changed: dict[str, dict[str, pd.Series]] = {name: {} for name in tables}
    for file, columns in FIELDS.items():
        for table, column, field in columns:
            frame = tables[table]
            if column not in frame.columns:
                continue
            mapping = _mapping(translations, file, field, frame[column], lang)
            if file == "quotes":  # the speaker's words stay; ours go beside them
                changed[table][QUOTE_TRANSLATION] = [mapping.get(quote, "") for quote in frame[column]]
            else:
                changed[table][column] = _translated(frame[column], mapping)
    new_tables = {name: tables[name].assign(**new) if new else tables[name] for name, new in changed.items()}
    return replace(
        dataset,
        title=translations.get("names", "topic", dataset.title, lang) or dataset.title,
        description=translations.get("names", "topic", dataset.description, lang) or dataset.description,
        aliases=links,
        **new_tables,
    )


def translation_note(row: Mapping[str, object], lang: str = "en", escape: Callable[[str], str] = str) -> str:
    """What follows a quote in the speaker's words: our translation in brackets, marked as ours
    (" [our translation: …]"); '' when the quote needs none. `escape` (e.g. escape_markdown) escapes the note and
    leaves the space before it, which an escaper that trims would drop ("”[our translation"…)."""
    translation = row.get(QUOTE_TRANSLATION) or ""
    if not row.get("quote") or not translation:
        return ""
    _ = gettext(lang)
    # i18n: after a quote in the speaker's (English) words, our translation of it, in brackets.
    return " " + escape(_("[our translation: {translation}]").format(translation=translation))
