"""The bundled topic in four languages: every text it shows is translated, and translating changes only texts."""

from __future__ import annotations

import pandas as pd
import pytest

from components.pages import page
from stancekit.aggregation import preferred_comparison
from stancekit.bundled import TRANSLATIONS_DIR, load_translations
from stancekit.content import (
    FIELDS,
    LANGUAGE_COLUMNS,
    QUOTE_TRANSLATION,
    Translations,
    localise,
    needed,
    translation_note,
)
from stancekit.dataset import Dataset
from stancekit.view_state import ViewState

OTHERS = ("fr", "de", "uk")


@pytest.fixture(scope="module")
def translations() -> Translations:
    return load_translations()


def test_every_text_of_the_bundled_topic_has_all_four_languages(bundled, translations):
    missing = [
        f"{file}.csv {field} {lang}: {english[:60]}"
        for file, field, english in needed(bundled)
        for lang in OTHERS
        if translations.get(file, field, english, lang) is None
    ]
    assert missing == [], f"{len(missing)} texts to translate in data/translations/ (first: {missing[:5]})"


def test_the_translation_files_hold_only_texts_the_topic_shows_each_once(bundled):
    wanted = set(needed(bundled))
    for file in FIELDS:
        table = pd.read_csv(TRANSLATIONS_DIR / f"{file}.csv", dtype=str, keep_default_na=False)
        assert list(table.columns) == ["field", *LANGUAGE_COLUMNS], file
        keys = list(zip([file] * len(table), table["field"], table["en"], strict=True))
        assert len(keys) == len(set(keys)), f"{file}.csv repeats a text"
        stale = [k for k in keys if k not in wanted]
        assert stale == [], f"{file}.csv translates texts the topic no longer has: {stale[:3]}"
        assert not table[list(LANGUAGE_COLUMNS)].apply(lambda c: c.str.contains("\n")).any().any(), file


@pytest.mark.parametrize("lang", OTHERS)
def test_a_localised_topic_changes_texts_only(bundled, translations, lang):
    shown = localise(bundled, translations, lang)
    kept = ["position", "date", "source", "source_id", "source_url", "speaker", "quote", "evidence", "voice"]
    pd.testing.assert_frame_equal(shown.stances[kept], bundled.stances[kept])
    assert (shown.stances["summary"] != bundled.stances["summary"]).all()  # every summary in the language
    assert len(shown.actors) == len(bundled.actors) and len(shown.issue_names) == len(bundled.issue_names)
    english_bloc = {bundled.stances["actor"][i]: bundled.stances["bloc"][i] for i in range(len(bundled.stances))}
    own = dict(zip(bundled.stances["actor"], shown.stances["actor"], strict=True))
    assert {own[a]: shown.aliases.get(b, b) for a, b in english_bloc.items()} == shown.actor_bloc  # same blocs
    assert shown.fingerprint != bundled.fingerprint  # caches keep each language apart
    assert [c.name for c in shown.chapters] != [c.name for c in bundled.chapters]
    assert shown.title != bundled.title


def test_quotes_stay_in_the_speakers_words_with_our_translation_beside_them(bundled, translations):
    shown = localise(bundled, translations, "fr")
    quoted = shown.stances[shown.stances["quote"] != ""]
    assert len(quoted) > 100
    assert (quoted["quote"] == bundled.stances.loc[quoted.index, "quote"]).all()
    assert (quoted[QUOTE_TRANSLATION] != "").all()
    assert (quoted[QUOTE_TRANSLATION] != quoted["quote"]).mean() > 0.95  # a word may read the same ("nuances")
    assert (shown.stances.loc[shown.stances["quote"] == "", QUOTE_TRANSLATION] == "").all()


def test_english_and_an_untranslated_topic_keep_their_texts(bundled, translations, small_stances):
    english = localise(bundled, translations, "en")
    pd.testing.assert_frame_equal(english.stances, bundled.stances)
    assert english.fingerprint == bundled.fingerprint
    own = small_stances.assign(actor="Club " + small_stances["actor"], bloc="Group " + small_stances["bloc"])
    topic = Dataset("A class's own topic", "", own, pd.DataFrame())  # texts the translations do not know
    uploaded = localise(topic, translations, "fr")
    pd.testing.assert_frame_equal(uploaded.stances.drop(columns=QUOTE_TRANSLATION), topic.stances)
    assert uploaded.title == topic.title


def test_a_link_written_in_one_language_opens_the_same_view_in_another(bundled, translations):
    french, german = localise(bundled, translations, "fr"), localise(bundled, translations, "de")
    issue = bundled.issue_names[0]
    english_link = {"blocs": ["United States"], "issue": [issue]}
    state, notes = ViewState.from_params(english_link, french)
    assert notes == [] and state.issue == french.issue_names[0] and state.blocs == (french.aliases["United States"],)
    german_link = {"issue": [german.issue_names[0]]}
    assert ViewState.from_params(german_link, french)[0].issue == french.issue_names[0]
    english = localise(bundled, translations, "en")  # the app's English topic knows every spelling too
    assert ViewState.from_params({"issue": [french.issue_names[0]]}, english)[0].issue == issue


def test_a_shown_quote_keeps_the_words_and_marks_our_translation(bundled, translations):
    row = localise(bundled, translations, "de").stances.query("quote != ''").iloc[0]
    assert translation_note(row, "en") == f" [our translation: {row[QUOTE_TRANSLATION]}]"
    assert translation_note(row, "de").startswith(" [") and row[QUOTE_TRANSLATION] in translation_note(row, "de")
    assert translation_note(bundled.stances.query("quote != ''").iloc[0]) == ""  # English: the words alone
    assert translation_note({"quote": "", QUOTE_TRANSLATION: ""}) == ""


def test_a_second_reader_checked_every_translated_row_in_every_language(bundled):
    review = pd.read_csv(TRANSLATIONS_DIR / "review.csv", dtype=str, keep_default_na=False)
    assert set(review["verdict"]) <= {"ok", "corrected"}
    assert (review.loc[review["verdict"] == "corrected", "note"] != "").all()  # every correction says why
    checked = set(zip(review["file"], review["field"], review["en"], review["language"], strict=True))
    unchecked = [
        (f, fi, en[:40], lang) for f, fi, en in needed(bundled) for lang in OTHERS if (f, fi, en, lang) not in checked
    ]
    assert unchecked == [], f"{len(unchecked)} translated rows without a second reading: {unchecked[:3]}"


def test_the_preferred_comparison_is_found_in_every_language(bundled, translations):
    for lang in OTHERS:
        shown = localise(bundled, translations, lang)
        europe, us = preferred_comparison(shown.aliases)
        assert {europe, us} <= set(shown.blocs) and us != "United States"
        assert page("europe_vs_us").wording(shown.blocs, shown.aliases) == page("europe_vs_us").wording(bundled.blocs)
