import pytest

from stancekit.csv_reader import normalise_header
from stancekit.schema import StanceDataError
from stancekit.topic_files import read_events, read_issues


def test_normalise_header():
    assert normalise_header("  Source   URL ") == "source_url"
    assert normalise_header("ACTOR") == "actor"


def test_issues_explainer_is_optional_and_duplicates_dropped():
    issues = read_issues(b"issue,proposition\nTroops,Send troops.\nTroops,Again.\n")
    assert issues.to_dict("records") == [
        {"issue": "Troops", "proposition": "Send troops.", "explainer": "", "group": "", "quiz": ""}
    ]


def test_issues_need_a_proposition():
    with pytest.raises(StanceDataError, match="proposition"):
        read_issues(b"issue\nTroops\n")


def test_events_are_sorted_and_dates_checked():
    events = read_events(b"date,event\n2025-03-01,B\n2025-02-01,A\n")
    assert events["event"].tolist() == ["A", "B"]
    assert events["source_id"].tolist() == ["", ""]
    with pytest.raises(StanceDataError) as caught:
        read_events(b"date,event\nMarch,B\n")
    assert (caught.value.problems[0].row, caught.value.problems[0].column) == (2, "date")
