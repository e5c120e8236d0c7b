from datetime import date
from pathlib import Path

from stancekit.i18n import LANGUAGES, catalogue, day, language, percent

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Reset filters"
msgstr "Réinitialiser les filtres"

#, fuzzy
msgid "Show as"
msgstr "Afficher comme"
"""


def test_the_link_decides_then_the_browser_then_english():
    assert language("uk", "fr-FR") == "uk"  # a shared link opens in its language
    assert language(None, "fr-FR") == "fr"
    assert language(None, "de-AT") == "de"
    assert language(None, "uk-UA") == "uk"
    assert language("xx", "de") == "de"  # an unknown ?lang= is ignored, not an error
    assert language(None, "pt-BR") == "en"
    assert language(None, None) == "en"


def test_a_catalogue_translates_its_entries_but_not_fuzzy_ones(tmp_path: Path):
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "fr" / "LC_MESSAGES" / "messages.po").write_text(PO, encoding="utf-8")
    french = catalogue("fr", tmp_path)
    assert french.gettext("Reset filters") == "Réinitialiser les filtres"
    assert french.gettext("Show as") == "Show as"  # fuzzy: still to be checked, so not shown
    assert french.gettext("Not in the catalogue") == "Not in the catalogue"
    assert catalogue("de", tmp_path).gettext("Reset filters") == "Reset filters"  # no catalogue yet
    assert catalogue("en", tmp_path).gettext("Reset filters") == "Reset filters"


def test_dates_and_percentages_are_written_the_languages_way():
    day_of = {lang: day(date(2025, 3, 11), lang) for lang in LANGUAGES}
    assert day_of == {"en": "11 Mar 2025", "fr": "11 mars 2025", "de": "11. März 2025", "uk": "11 березня 2025\u202fр."}
    assert percent(0.456, "en") == "46%"
    assert percent(0.456, "fr") == "46\xa0%"
    assert percent(0.456, "de") == "46\xa0%"
