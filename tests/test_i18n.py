from datetime import date, timedelta
from pathlib import Path

from stancekit.i18n import LANGUAGES, LOCALES, PSEUDO, catalogue, day, language, number, one_decimal, percent, pseudo
from stancekit.text import format_date

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
    assert day_of == {"en": "11 Mar 2025", "fr": "11 mars 2025", "de": "11. März 2025", "uk": "11 березня 2025"}
    assert percent(0.456, "en") == "46%"
    assert percent(0.456, "fr") == "46\xa0%"
    assert percent(0.456, "de") == "46\xa0%"
    assert number(1234.5, "fr") == "1\u202f234,5" and number(1234.5, "de") == "1.234,5"
    assert number(1234, "en") == "1,234"
    # a gap keeps its one decimal place in every language: 4.0 and 4,0, never a bare 4
    assert [one_decimal(4.0, lang) for lang in ("en", "fr", "de", "uk")] == ["4.0", "4,0", "4,0", "4,0"]
    assert one_decimal(1.25, "de") == "1,2" and one_decimal(0.75, "en") == "0.8"


def test_english_dates_keep_three_letter_months_and_every_date_goes_through_one_function():
    assert [day(date(2025, month, 3), "en") for month in (5, 9)] == ["3 May 2025", "3 Sep 2025"]  # not "Sept"
    for offset in range(0, 366, 29):
        d = date(2025, 1, 1) + timedelta(days=offset)
        assert all(format_date(d, lang) == day(d, lang) for lang in LANGUAGES)
    assert format_date(date(2025, 3, 11), "de") == "11. März 2025"


def test_the_pseudo_language_accents_and_lengthens_but_keeps_what_code_reads():
    shown = pseudo("Show {count} actors on :material/info: [the map](https://example.org) **now**")
    assert shown.startswith("[") and shown.endswith("]")
    assert "{count}" in shown and ":material/info:" in shown and "](https://example.org)" in shown
    assert "Shöŵ" not in shown and "Šhöw" in shown.replace("ŵ", "w")  # letters accented, not dropped
    assert len(shown) >= 1.4 * len("Show {count} actors on :material/info: [the map](https://example.org) **now**")
    assert language(PSEUDO, "fr") == PSEUDO  # reachable by link for layout tests
    assert PSEUDO not in LANGUAGES  # and never offered


def test_the_pseudo_catalogue_covers_every_msgid_of_the_template():
    template = (LOCALES / "messages.pot").read_text(encoding="utf-8")
    assert 'msgid "Reset filters"' in template
    assert catalogue(PSEUDO).gettext("Reset filters") == pseudo("Reset filters")


def test_date_sliders_write_numbers_where_their_month_names_would_be_english():
    from stancekit.i18n import SLIDER_DATE_FORMAT

    assert set(SLIDER_DATE_FORMAT) == {*LANGUAGES, PSEUDO}
    assert SLIDER_DATE_FORMAT["en"] == "D MMM YYYY"  # 18 May 2026
    assert all("MMM" not in SLIDER_DATE_FORMAT[lang] for lang in LANGUAGES if lang != "en")
