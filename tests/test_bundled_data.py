"""The shipped topic meets the coverage and sourcing rules of the data issue and the source pack."""

import re
from pathlib import Path

import pandas as pd
import pytest

from stancekit.bundled import DATA_DIR
from stancekit.loading import read_sources

PACK = Path(__file__).resolve().parents[2] / "shared" / "sources.md"
REQUIRED_ACTORS = {
    "United Kingdom",
    "France",
    "United States",
    "Ukraine",
    "Russia",
    "Germany",
    "Poland",
    "Italy",
    "European Union",
    "NATO",
}
REQUIRED_ISSUES = {
    "European ground troops",
    "US backstop",
    "Military security guarantees",
    "Minerals deal as guarantee",
    "US intelligence sharing",
    "Ceasefire-line monitoring",
    "Air and sea patrols",
    "Infrastructure protection",
    "30-day ceasefire",
}


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return read_sources(DATA_DIR / "sources.csv").set_index("source_id")


def test_coverage(bundled):
    stances = bundled.stances
    assert len(stances) >= 60
    assert REQUIRED_ACTORS <= set(stances["actor"]) and stances["actor"].nunique() >= 10
    assert REQUIRED_ISSUES <= set(stances["issue"]) and stances["issue"].nunique() >= 8
    assert stances["date"].min() >= pd.Timestamp("2025-02-01")
    assert stances["date"].max() <= pd.Timestamp("2025-04-30")
    assert {"Europe", "United States", "Russia", "Ukraine"} <= set(stances["bloc"])


def test_every_issue_has_a_proposition_and_explainer(bundled):
    issues = bundled.issues.set_index("issue")
    for issue in bundled.issue_names:
        assert issues.loc[issue, "proposition"].endswith(".")
        assert len(issues.loc[issue, "explainer"]) > 100


def test_every_row_rests_on_a_pack_source(bundled, sources):
    stances = bundled.stances
    assert (stances["source_id"] != "").all()
    unknown = set(stances["source_id"]) - set(sources.index)
    assert not unknown, f"source ids not in the pack: {unknown}"


def test_links_are_exactly_the_pack_urls_of_tier_a_and_b(bundled, sources):
    for _, row in bundled.stances.iterrows():
        pack = sources.loc[row["source_id"]]
        if pack["tier"] in ("A", "B"):
            assert row["source_url"] == pack["url"], row["source_id"]
        else:
            assert row["source_url"] == "", f"tier C source {row['source_id']} must not be linked"


def test_source_names_carry_the_date_of_the_statement(bundled, sources):
    for _, row in bundled.stances.iterrows():
        pack_date = sources.loc[row["source_id"], "date"]
        date = pack_date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", pack_date) else f"{row['date']:%Y-%m-%d}"
        assert row["source"].endswith(f", {date}"), row["source"]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", pack_date):
            assert f"{row['date']:%Y-%m-%d}" == pack_date, (row["source_id"], row["date"])


def test_quotes_are_short_and_given_by_the_pack(bundled):
    pack_text = PACK.read_text(encoding="utf-8") if PACK.exists() else None
    for quote in bundled.stances["quote"][bundled.stances["quote"] != ""]:
        assert len(quote.split()) <= 20
        if pack_text is not None:
            assert f'"{quote}"' in pack_text, f"quote not given in quotation marks by the pack: {quote}"


def test_positions_that_moved_are_kept(bundled):
    stances = bundled.stances

    def history(actor: str, issue: str) -> list[int]:
        rows = stances[(stances["actor"] == actor) & (stances["issue"] == issue)].sort_values("date")
        return rows["position"].tolist()

    assert history("United States", "US intelligence sharing") == [-2, 2]
    assert history("United Kingdom", "European ground troops")[0] < max(
        history("United Kingdom", "European ground troops")
    )
    assert history("United Kingdom", "European ground troops")[-1] == 0
    assert history("France", "Force without the US") == [0, 2]
    assert history("Germany", "European ground troops") == [-1, 1]
    assert history("Italy", "European ground troops") == [-1, -1]
    assert (stances.groupby(["actor", "issue"]).size() > 1).sum() >= 10


def test_events_cite_pack_sources(bundled, sources):
    assert len(bundled.events) >= 15
    assert set(bundled.events["source_id"]) <= set(sources.index)


@pytest.mark.skipif(not PACK.exists(), reason="the source pack lives outside the repository")
def test_sources_csv_transcribes_the_pack(sources):
    pack_rows = {}
    for line in PACK.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| (S\d+[a-z]?) \|", line)
        if match:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            pack_rows[cells[0]] = cells
    assert set(pack_rows) == set(sources.index)
    for source_id, cells in pack_rows.items():
        row = sources.loc[source_id]
        assert [row["date"], row["outlet"], row["covers"], row["tier"], row["url"]] == cells[1:], source_id
