from pathlib import Path

import pandas as pd
import pytest

from stancekit.dataset import Dataset, dataset_from_files
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


TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "data" / "template"
TEMPLATE_FILES = ("stances.csv", "issues.csv", "events.csv")


@pytest.mark.parametrize("lang", ["fr", "de", "uk"])
def test_each_translated_template_loads_as_an_upload_does(lang):
    """The template offered in a language is read by the upload's own path without a problem, and is the English
    one with its text translated: same header, ids, dates, positions, evidence and links, every issue listed."""
    folder = TEMPLATE_DIR / lang
    data = {name: (folder / name).read_bytes() for name in TEMPLATE_FILES}
    dataset = dataset_from_files(data["stances.csv"], "T", issues=data["issues.csv"], events=data["events.csv"])
    english = dataset_from_files(
        (TEMPLATE_DIR / "stances.csv").read_bytes(),
        "T",
        issues=(TEMPLATE_DIR / "issues.csv").read_bytes(),
        events=(TEMPLATE_DIR / "events.csv").read_bytes(),
    )
    for name in TEMPLATE_FILES:
        header = data[name].decode("utf-8").splitlines()[0]
        assert header == (TEMPLATE_DIR / name).read_text(encoding="utf-8").splitlines()[0]
    kept = ["position", "date", "source_id", "source_url", "evidence", "voice", "joint"]
    pd.testing.assert_frame_equal(dataset.stances[kept], english.stances[kept])
    assert dataset.events[["date", "source_id"]].equals(english.events[["date", "source_id"]])
    assert set(dataset.issue_names) == set(dataset.issues["issue"])
    assert len(dataset.actors) == len(english.actors) and len(dataset.blocs) == len(english.blocs)
    text = ["actor", "issue", "summary", "source"]  # (a bloc may read the same: Parents in French)
    assert not (dataset.stances[text] == english.stances[text]).any().any()


def test_the_template_is_offered_in_the_visitors_language_else_in_english(tmp_path):
    from components.data_upload import template_file

    assert template_file("stances.csv", "fr") == TEMPLATE_DIR / "fr" / "stances.csv"
    assert template_file("stances.csv", "en") == TEMPLATE_DIR / "stances.csv"
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "issues.csv").write_text("issue,proposition\n")
    assert template_file("events.csv", "de", tmp_path) == tmp_path / "events.csv"
    assert template_file("issues.csv", "de", tmp_path) == tmp_path / "de" / "issues.csv"
