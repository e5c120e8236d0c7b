import pandas as pd

from stancekit.dataset import Dataset
from tests.conftest import make_stances


def make_dataset(stances: pd.DataFrame, issues: pd.DataFrame | None = None) -> Dataset:
    if issues is None:
        issues = pd.DataFrame(columns=["issue", "proposition", "explainer"])
    return Dataset(title="T", description="D", stances=stances, issues=issues)


def test_order_follows_the_authors_table():
    stances = make_stances(
        [
            ("Kyiv", "Ukraine", "b", 1, "2025-01-02"),
            ("Paris", "Europe", "a", 1, "2025-01-01"),
            ("Rome", "Europe", "b", 1, "2025-01-01"),
            ("Oslo", "Ukraine", "a", 1, "2025-01-01"),
        ]
    )
    issues = pd.DataFrame({"issue": ["a", "zzz"], "proposition": ["A.", "Z."], "explainer": ["", ""]})
    data = make_dataset(stances, issues)
    assert data.blocs == ("Ukraine", "Europe")
    assert data.actors == ("Kyiv", "Oslo", "Paris", "Rome")
    assert data.issue_names == ("a", "b")  # listed first, unlisted after, issues without positions left out
    assert data.issue_info("b") == {"issue": "b", "proposition": "b", "explainer": "", "group": "", "quiz": ""}
    assert data.issue_info("a")["proposition"] == "A."


def test_key_changes_with_content_only():
    one = make_stances([("A", "X", "i", 1, "2025-01-01")])
    same = make_stances([("A", "X", "i", 1, "2025-01-01")])
    other = make_stances([("A", "X", "i", 2, "2025-01-01")])
    assert make_dataset(one).fingerprint == make_dataset(same).fingerprint
    assert make_dataset(one).fingerprint != make_dataset(other).fingerprint


def test_bundled_counts(bundled):
    first, last = bundled.date_range
    assert (first, last) == (pd.Timestamp("2025-02-12"), pd.Timestamp("2026-05-18"))
    assert bundled.source_count == bundled.stances["source_id"].nunique()
    assert bundled.blocs[:4] == ("Europe", "United States", "Ukraine", "Russia")
