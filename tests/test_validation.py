import io

import pandas as pd
import pytest

from stancekit import schema
from stancekit.schema import StanceDataError
from stancekit.topic_files import read_stances
from stancekit.validation import validate_stances

HEADER = "actor,bloc,issue,position,date,summary,source"
GOOD = "UK,Europe,Troops,2,2025-02-17,Starmer backs troops.,PA 2025-02-17"


def load(text: str) -> pd.DataFrame:
    return read_stances(text.encode("utf-8"))


def problems_of(text: str) -> list:
    with pytest.raises(StanceDataError) as caught:
        load(text)
    return caught.value.problems


def test_valid_table_is_typed():
    table = load(f"{HEADER}\n{GOOD}\nUS,United States,Troops,−2,2025-02-12,No US troops.,MT\n")
    assert table["position"].tolist() == [2, -2]
    assert str(table["position"].dtype) == "int8"
    assert table["date"].tolist() == [pd.Timestamp("2025-02-17"), pd.Timestamp("2025-02-12")]
    # optional columns absent from the file exist, empty
    assert (table["quote"] == "").all() and (table["source_url"] == "").all()


def test_headers_match_ignoring_case_and_spaces_and_values_are_stripped():
    table = load(
        " Actor , BLOC,Issue ,Position,Date,Summary,Source, Source URL\n"
        " UK , Europe ,Troops, +1 ,2025-02-17,x,y, https://example.org/a \n"
    )
    assert table.loc[0, "actor"] == "UK"
    assert table.loc[0, "position"] == 1
    assert table.loc[0, "source_url"] == "https://example.org/a"


def test_missing_required_columns_are_all_named():
    problems = problems_of("actor,issue,date\nUK,Troops,2025-01-01\n")
    assert {p.column for p in problems} == {"bloc", "position", "summary", "source"}
    assert "Columns found: actor, issue, date" in problems[0].message


def test_every_cell_problem_is_reported_with_spreadsheet_row_and_column():
    text = "\n".join(
        [
            HEADER + ",evidence,source_url",
            GOOD + ",statement,",  # row 2: fine
            "UK,Europe,Deal,yes,2025-02-17,x,y,,",  # row 3: position
            "UK,Europe,Patrols,1,17/02/2025,x,y,,",  # row 4: date format
            "UK,Europe,Ceasefire,1,2025-02-30,x,y,,",  # row 5: impossible date
            ",Europe,Troops,1,2025-02-18,,y,rumour,javascript:x",  # row 6: actor, summary, evidence, url
        ]
    )
    found = {(p.row, p.column) for p in problems_of(text)}
    assert found == {
        (3, "position"),
        (4, "date"),
        (5, "date"),
        (6, "actor"),
        (6, "summary"),
        (6, "evidence"),
        (6, "source_url"),
    }


def test_messages_say_what_is_wrong_and_how_to_fix_it():
    problems = problems_of(f"{HEADER}\nUK,Europe,Deal,yes,2025-02-17,x,y\n")
    assert str(problems[0]) == (
        "Row 2, column 'position': position must be a whole number from −2 to 2 (−2 strongly opposes, "
        "0 split, +2 strongly supports); found 'yes'."
    )


@pytest.mark.parametrize("value", ["3", "-3", "1.5", "two", "", "++1"])
def test_positions_outside_the_scale_are_rejected(value):
    problems = problems_of(f"{HEADER}\nUK,Europe,Deal,{value},2025-02-17,x,y\n")
    assert [(p.row, p.column) for p in problems] == [(2, "position")]


def test_conflicting_duplicates_are_flagged_on_both_rows():
    text = f"{HEADER}\n{GOOD}\nUK,Europe,Troops,1,2025-02-17,other,z\n"
    problems = problems_of(text)
    assert [(p.row, p.column) for p in problems] == [(2, "position"), (3, "position")]
    assert "also appears on row 3" in problems[0].message


def test_identical_duplicate_positions_are_allowed():
    table = load(f"{HEADER}\n{GOOD}\nUK,Europe,Troops,2,2025-02-17,second source,z\n")
    assert len(table) == 2


def test_an_actor_in_two_blocs_is_flagged():
    problems = problems_of(f"{HEADER}\n{GOOD}\nUK,NATO,Deal,1,2025-02-18,x,y\n")
    assert [(p.row, p.column) for p in problems] == [(3, "bloc")]
    assert "'Europe' on row 2" in problems[0].message


def test_empty_and_header_only_files_get_a_clear_sentence():
    assert "empty" in problems_of("")[0].message
    assert "no rows" in problems_of(HEADER + "\n")[0].message


def test_utf16_and_windows_1252_files_are_read():
    for encoding in ("utf-16", "cp1252"):
        table = read_stances(f"{HEADER}\nZürich,Europe,T,1,2025-01-01,x,y\n".encode(encoding))
        assert table.loc[0, "actor"] == "Zürich"


def test_error_summary_counts_problems():
    text = HEADER + "\n" + "\n".join(f"UK,Europe,I{i},9,2025-01-01,x,y" for i in range(5))
    with pytest.raises(StanceDataError, match=r"^5 problems in the stance table: Row 2.*\(and 2 more\)$"):
        load(text)


def test_missing_cells_in_a_table_built_in_code_count_as_empty():
    raw = pd.read_csv(io.StringIO(f"{HEADER}\n{GOOD}\nUS,United States,Troops,-2,2025-02-12,,MT\n"))
    raw = raw.astype(object).where(raw.notna(), None)  # None, as a data editor gives for a cleared cell
    with pytest.raises(StanceDataError) as caught:
        validate_stances(raw.astype({"position": str}))
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "summary")]


def test_a_problem_is_given_in_the_teachers_language(monkeypatch):
    """A problem keeps its msgid and values: the message is translated when shown, the values go in as written."""
    problem = problems_of(f"{HEADER}\nUK,Europe,T,1,2025-13-01,x,y\n")[0]
    assert problem.text() == problem.message == problem.text("en")
    assert problem.msgid is not None and "{value}" in problem.msgid
    marked = {"xx": lambda message: f"<{message}>"}  # a language that brackets every message
    monkeypatch.setattr(schema, "gettext", lambda lang: marked.get(lang, lambda message: message))
    assert problem.text("xx") == f"<{problem.message}>"
    assert problem.describe("xx") == f"<Row 2, column 'date': <{problem.message}>>"
    assert str(problem).startswith("Row 2, column 'date': date must be a real date")
