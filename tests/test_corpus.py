"""Every problem file in tests/corpus has one exact expected outcome: it loads as stated, or it fails with
the specific problem (spreadsheet row, column, and the words that tell a teacher what to fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancekit.csv_reader import MAX_BYTES, MAX_ROWS
from stancekit.export import to_csv_bytes
from stancekit.schema import StanceDataError
from stancekit.topic_files import read_stances

CORPUS = Path(__file__).parent / "corpus"

LOADS = {
    "ok_plain_utf8.csv": 2,
    "ok_utf8_bom.csv": 2,
    "ok_utf16_with_bom.csv": 2,
    "ok_utf16le_no_bom.csv": 2,
    "ok_windows1252_accents.csv": 1,
    "ok_semicolon_delimited.csv": 2,
    "ok_tab_delimited.csv": 2,
    "ok_crlf_line_endings.csv": 2,
    "ok_header_case_and_spaces.csv": 2,
    "ok_only_required_columns.csv": 2,
    "ok_extra_unknown_columns.csv": 2,
    "ok_trailing_blank_rows.csv": 2,
    "ok_quoted_commas_and_newlines.csv": 1,
    "ok_single_actor.csv": 2,
    "ok_html_and_script_text.csv": 1,
    "ok_markdown_injection_text.csv": 1,
    "ok_spreadsheet_formulas.csv": 2,
    "ok_unicode_minus_and_plus_signs.csv": 2,
}

# file → every expected problem as (spreadsheet row, column, words the message must contain)
FAILS = {
    "bad_position_word.csv": [
        (2, "position", "whole number from −2 to 2 (−2 strongly opposes, 0 split, +2 strongly supports); found 'yes'")
    ],
    "bad_position_out_of_range.csv": [(2, "position", "found '5'")],
    "bad_position_decimal.csv": [(2, "position", "found '1.5'")],
    "bad_date_day_first.csv": [
        (2, "date", "must be a real date written YYYY-MM-DD, e.g. 2025-03-15; found '05/03/2025'")
    ],
    "bad_date_impossible.csv": [(2, "date", "found '2025-02-30'")],
    "bad_blank_required_cells.csv": [
        (2, "actor", "actor is empty; fill it in on every row"),
        (2, "summary", "summary is empty"),
    ],
    "bad_missing_required_column.csv": [(None, "position", "The required column 'position' is missing")],
    "bad_ragged_row_too_many_values.csv": [
        (
            3,
            None,
            "This row has 8 values but the header has 7 columns. A text "
            "cell probably contains a comma: put that text in double quotes",
        )
    ],
    "bad_unclosed_quote.csv": [(3, None, 'A double quote (") opens a text here, or just after, that never closes')],
    "bad_empty_file.csv": [(None, None, "The file is empty")],
    "bad_whitespace_only.csv": [(None, None, "The file is empty")],
    "bad_header_only.csv": [(None, None, "The table has a header but no rows")],
    "bad_binary_png.csv": [(None, None, "This is an image (PNG), not a CSV table.")],
    "bad_random_binary.csv": [(None, None, "This looks like a binary file, not CSV text.")],
    "bad_excel_xlsx_renamed.csv": [(None, None, "This is an Excel workbook (.xlsx)")],
    "bad_json_instead_of_csv.csv": [(None, None, "This is JSON, not CSV.")],
    "bad_html_page.csv": [(None, None, "This is a web page (HTML)")],
    "bad_duplicate_key_conflict.csv": [
        (2, "position", "France / Troops / 2025-03-05 also appears on row 3 with a different position"),
        (3, "position", "also appears on row 2"),
    ],
    "bad_actor_in_two_blocs.csv": [(3, "bloc", "France is in bloc 'NATO' here but in 'Europe' on row 2")],
    "bad_javascript_url.csv": [(2, "source_url", "must be a web address starting with http:// or https://")],
    "bad_very_long_text.csv": [(2, "summary", "longer than 2,000 characters")],
    "bad_duplicate_header_names.csv": [(None, "actor", "The column “actor” appears more than once")],
    "bad_repeated_identical_header.csv": [(None, "actor", "The column “actor” appears more than once")],
    "bad_evidence_word.csv": [(2, "evidence", "statement, reported or analysis, or left empty; found 'rumour'")],
}


def test_every_corpus_file_has_an_expectation():
    files = {path.name for path in CORPUS.glob("*.csv")}
    assert files == set(LOADS) | set(FAILS)
    assert len(files) >= 25


@pytest.mark.parametrize(("name", "rows"), sorted(LOADS.items()))
def test_loads(name, rows):
    assert len(read_stances(CORPUS / name)) == rows


@pytest.mark.parametrize(("name", "expected"), sorted(FAILS.items()))
def test_fails_with_the_specific_problem(name, expected):
    with pytest.raises(StanceDataError) as caught:
        read_stances(CORPUS / name)
    problems = caught.value.problems
    assert len(problems) == len(expected), [str(p) for p in problems]
    for problem, (row, column, words) in zip(problems, expected, strict=True):
        assert (problem.row, problem.column) == (row, column)
        assert words in problem.message


def test_text_is_kept_exactly_as_written():
    table = read_stances(CORPUS / "ok_html_and_script_text.csv")
    assert table.loc[0, "summary"] == "<script>alert(1)</script><img src=x onerror=alert(2)>"
    assert table.loc[0, "quote"] == "<iframe src=https://evil.example>"
    assert read_stances(CORPUS / "ok_windows1252_accents.csv").loc[0, "actor"] == "Zürich"
    assert read_stances(CORPUS / "ok_utf16_with_bom.csv").loc[0, "summary"] == "Macron à Paris backed a force."
    assert read_stances(CORPUS / "ok_quoted_commas_and_newlines.csv").loc[0, "summary"] == (
        "Macron said: yes, but\naway from the front."
    )
    assert read_stances(CORPUS / "ok_unicode_minus_and_plus_signs.csv")["position"].tolist() == [2, -2]
    headers = read_stances(CORPUS / "ok_header_case_and_spaces.csv")
    assert headers.loc[0, "source_url"] == "https://example.org/a"


def test_formulas_load_as_text_and_leave_neutralised():
    table = read_stances(CORPUS / "ok_spreadsheet_formulas.csv")
    assert table.loc[0, "summary"].startswith("=HYPERLINK(")
    exported = to_csv_bytes(table).decode("utf-8-sig")
    assert "'=HYPERLINK(" in exported and "'+SUM(A1)" in exported and "'@cmd" in exported and "'-1+1" in exported


def test_huge_file_is_refused_before_reading():
    data = b"actor,bloc,issue,position,date,summary,source\n" + b"x" * MAX_BYTES
    with pytest.raises(StanceDataError, match=r"The file is 25\.0 MB; the limit is 25 MB"):
        read_stances(data)


def test_too_many_rows_are_refused():
    header = "actor,bloc,issue,position,date,summary,source\n"
    data = (header + "a,b,c,1,2025-01-01,s,t\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(StanceDataError, match=r"The table has 120,001 rows; the limit is 120,000"):
        read_stances(data)
