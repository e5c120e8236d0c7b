"""The shipped topic meets the rules of the source pack and the codebook, row by row."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from stancekit.bundled import DATA_DIR
from stancekit.selection import latest_positions
from stancekit.standing import REPORTED, standing
from stancekit.topic_files import read_sources

PACK_DIR = DATA_DIR / "pack"
PACK_FILES = ("sources.md", "sources-2025-05-08.md", "sources-2025-09-12.md", "sources-2026.md")
SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCE_ROW = re.compile(r"^\| ([SMNP]\d+[a-z]?) \|")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NEW_ISSUES = {
    "Article 5-like guarantee",
    "US-led ceasefire monitoring",
    "Army size cap",
    "NATO membership for guarantees",
    "Russian consent to deployment",
    "Parliamentary approval",
    "Basing on neighbouring NATO territory",
    "Black Sea maritime component",
}
FIRST_ISSUES = {  # the 13 issues of the first release, all kept
    "European ground troops",
    "US troops in Ukraine",
    "US backstop",
    "Force without the US",
    "Military security guarantees",
    "Minerals deal as guarantee",
    "US intelligence sharing",
    "Ceasefire-line monitoring",
    "Air and sea patrols",
    "Infrastructure protection",
    "30-day ceasefire",
    "Partial truce (air, sea, energy)",
    "Strong Ukrainian army",
}


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pack_text() -> str:
    return normalised(" ".join((PACK_DIR / name).read_text(encoding="utf-8") for name in PACK_FILES))


@pytest.fixture(scope="module")
def pack_rows() -> dict[str, list[str]]:
    rows = {}
    for name in PACK_FILES:
        for line in (PACK_DIR / name).read_text(encoding="utf-8").splitlines():
            if SOURCE_ROW.match(line):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                rows[cells[0]] = cells
    return rows


@pytest.fixture(scope="module")
def quoted_spans(pack_text) -> list[str]:
    """Everything the pack puts in quotation marks (straight, curly, German or Russian ones)."""
    found = re.findall(r'"([^"]+)"|“([^”]+)”|„([^”“]+)[”“]|«([^»]+)»', pack_text)
    return [next(group for group in match if group) for match in found]


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return read_sources(DATA_DIR / "sources.csv").set_index("source_id")


@pytest.mark.skipif(not SHARED.exists(), reason="the original pack lives outside the repository")
def test_the_vendored_pack_is_the_original():
    for name in PACK_FILES:
        assert (PACK_DIR / name).read_bytes() == (SHARED / name).read_bytes(), name


def test_sources_csv_transcribes_all_four_pack_files(sources, pack_rows):
    assert set(pack_rows) == set(sources.index)
    assert {i[0] for i in sources.index} == {"S", "M", "N", "P"}
    for source_id, cells in pack_rows.items():
        row = sources.loc[source_id]
        assert [row["date"], row["outlet"], row["covers"], row["tier"], row["url"]] == cells[1:], source_id


def test_size_and_period(bundled):
    stances = bundled.stances
    assert len(stances) >= 300
    assert (stances["date"] >= pd.Timestamp("2025-05-01")).sum() >= 180
    assert stances["actor"].nunique() >= 20
    assert stances["issue"].nunique() >= 18
    assert stances["date"].min() >= pd.Timestamp("2025-02-01")
    assert stances["date"].max() <= pd.Timestamp("2026-06-30")
    for chapter in bundled.chapters:  # every chapter of the story has positions
        in_chapter = stances["date"].between(chapter.start, chapter.end)
        assert in_chapter.sum() >= 40, chapter.name
    assert {"Europe", "United States", "Russia", "Ukraine", "NATO"} <= set(stances["bloc"])


def test_issues_keep_the_first_thirteen_and_add_the_later_ones(bundled):
    issues = bundled.issues.set_index("issue")
    assert FIRST_ISSUES | NEW_ISSUES <= set(bundled.issue_names)
    for issue in bundled.issue_names:
        assert issues.loc[issue, "proposition"].endswith(".")
        assert len(issues.loc[issue, "explainer"]) > 150, issue
        assert issues.loc[issue, "group"], issue
    assert 10 <= len(bundled.quiz_issues) <= 14


def test_propositions_avoid_one_sides_labels_and_aims(bundled):
    for proposition in bundled.issues["proposition"]:
        lower = proposition.lower()
        assert "reassurance" not in lower and "deter" not in lower and "aggress" not in lower, proposition
        assert " and should " not in lower, proposition  # one question per proposition


def test_every_row_rests_on_a_pack_source_with_the_packs_url(bundled, sources):
    stances = bundled.stances
    assert (stances["source_id"] != "").all()
    assert set(stances["source_id"]) <= set(sources.index)
    for row in stances.itertuples():
        pack = sources.loc[row.source_id]
        if pack["tier"] in ("A", "B"):
            assert row.source_url == pack["url"], row.source_id
        else:
            assert row.source_url == "", f"tier C source {row.source_id} must not be linked"


def test_source_names_and_dates_follow_the_pack(bundled, sources):
    for row in bundled.stances.itertuples():
        pack_date = sources.loc[row.source_id, "date"]
        reported = ISO_DATE.search(pack_date)
        if reported:  # the row is dated on the day said, at most three days before the report
            day = pd.Timestamp(reported.group(0))
            assert row.source.endswith(f", {reported.group(0)}"), row.source
            assert day - timedelta(days=3) <= row.date <= day, (row.source_id, row.date)
        else:  # dated by month only: within that month, the source says so
            assert row.source.endswith(f"{row.date:%B %Y}"), row.source


def test_quotes_are_short_and_in_the_packs_quotation_marks(bundled, quoted_spans):
    for quote in bundled.stances["quote"][bundled.stances["quote"] != ""]:
        assert len(quote.split()) <= 20, quote
        assert any(normalised(quote) in normalised(span) for span in quoted_spans), quote


def test_speakers_are_named_as_the_pack_names_them(bundled, pack_text):
    speakers = set(bundled.stances["speaker"]) - {""}
    for speaker in speakers:
        assert speaker in pack_text, speaker
    assert not {"John Ratcliffe", "Nausėda", "Keir Starmer", "Sergey Lavrov", "Luke Pollard"} & speakers


def test_joint_statements_give_every_signatory_the_same_row(bundled):
    joint = bundled.stances[bundled.stances["joint"] != ""]
    assert joint["joint"].nunique() >= 8
    per_text = joint.groupby(["joint", "issue"])[["position", "summary", "date", "source_id"]].nunique()
    assert (per_text == 1).all().all()
    berlin = joint[joint["joint"].str.startswith("Berlin")]
    assert berlin["actor"].nunique() == 11
    # The pack names no E5 members: only the UK and France, whose page it is, carry the E5 row.
    assert set(bundled.stances.loc[bundled.stances["source_id"] == "S35", "actor"]) == {"United Kingdom", "France"}


def test_other_voices_and_reports_do_not_set_a_position_over_the_record(bundled):
    stances = bundled.stances
    latest = latest_positions(stances)
    rank = standing(latest)
    on_record = stances[standing(stances) < REPORTED].groupby(["actor", "issue"]).size()
    for row, kind in zip(latest.itertuples(), rank, strict=True):
        if kind >= REPORTED:
            assert (row.actor, row.issue) not in on_record.index, (row.actor, row.issue)
    uk_troops = latest[(latest["actor"] == "United Kingdom") & (latest["issue"] == "European ground troops")].iloc[0]
    assert (uk_troops["evidence"], uk_troops["position"]) == ("statement", 2)  # not the Times report of April 2025


def test_review_findings_on_the_first_rows(bundled):
    stances = bundled.stances

    def code(actor: str, issue: str, source_id: str) -> list[int]:
        rows = stances[(stances["actor"] == actor) & (stances["issue"] == issue) & (stances["source_id"] == source_id)]
        return rows["position"].tolist()

    uk, us = "United Kingdom", "United States"
    assert code(uk, "European ground troops", "S6") == code(uk, "European ground troops", "S24") == [2]
    assert code(uk, "Ceasefire-line monitoring", "S8") == code(uk, "Infrastructure protection", "S10") == [2]
    assert code(us, "30-day ceasefire", "S33") == [2] and code(uk, "30-day ceasefire", "S2") == [1]
    assert code("Ukraine", "30-day ceasefire", "S33") == [1]
    assert code(us, "US intelligence sharing", "S28") == [-1]
    assert code("Germany", "Force without the US", "S18b") == code("NATO", "Force without the US", "S19") == [-1]
    assert code("Germany", "US backstop", "S18b") == code(uk, "US backstop", "S6") == code("NATO", "US backstop", "S19")
    assert code("France", "US backstop", "S27") == [1] and code("France", "Force without the US", "S27") == [0]
    assert code(us, "Military security guarantees", "S14") == [0]
    assert code(us, "Partial truce (air, sea, energy)", "S40") == [1]
    assert code("France", "Partial truce (air, sea, energy)", "S25") == [2]
    assert code("Russia", "Strong Ukrainian army", "S40") == [-1]
    assert code("Russia", "European ground troops", "S10") == [-1]  # "concerned"


def test_the_positions_the_first_rows_missed(bundled):
    stances = bundled.stances.set_index("source_id")
    assert stances.loc[["S37"]].query("issue == '30-day ceasefire'")["position"].tolist() == [0]
    assert stances.loc[["S50"], "issue"].tolist() == ["Elections as part of a deal"]
    defence_ministry = stances.loc[["S17b"]].iloc[0]
    assert (defence_ministry["quote"], defence_ministry["voice"]) == ("will not shy away", "other")
    border_control = stances.loc[["S1"]]
    assert set(border_control["actor"]) == {"United Kingdom", "France"}
    assert "border control" in border_control.iloc[0]["summary"]
    denial = stances.loc[["S16b"]].iloc[0]
    assert (denial["actor"], denial["issue"]) == ("Russia", "European ground troops")


def test_events_cover_every_timeline_anchor(bundled):
    events = bundled.events
    assert set(events["source_id"]) <= set(read_sources(DATA_DIR / "sources.csv")["source_id"])
    days = set(events["date"].dt.strftime("%Y-%m-%d"))
    for name in PACK_FILES:
        text = (PACK_DIR / name).read_text(encoding="utf-8")
        anchors = text.split("## Timeline anchors")[1].split("\n## ")[0]
        year = "2025"
        for entry in anchors.replace("\n", " ").split(" · "):  # an entry's first date; a range starts there
            match = re.search(r"(?:(\d{4})-)?(\d{2})-(\d{2})", entry)
            if match is None:  # the pack gives no day ("late Jan."): no date to put it on
                assert entry.strip().startswith("late Jan."), entry
                continue
            year = match.group(1) or year
            assert f"{year}-{match.group(2)}-{match.group(3)}" in days, (name, entry)
    assert len(events) >= 80


def test_chapters_cover_the_story_without_gaps(bundled):
    chapters = bundled.chapters
    assert len(chapters) == 4
    assert chapters[0].start <= bundled.date_range[0] and bundled.date_range[1] <= chapters[-1].end
    for earlier, later in zip(chapters, chapters[1:], strict=False):
        assert later.start == earlier.end + pd.Timedelta(days=1)


def test_every_codebook_example_is_a_row_with_that_code(bundled):
    """Section 4 anchors each scale point with rows (actor, date, pack id); sections 1–3 cite rows too."""
    stances = bundled.stances.assign(day=bundled.stances["date"].dt.strftime("%Y-%m-%d"))
    text = (DATA_DIR / "CODEBOOK.md").read_text(encoding="utf-8")
    names = "|".join(sorted(map(re.escape, bundled.actors), key=len, reverse=True))
    reference = re.compile(rf"({names}) (\d{{4}}-\d{{2}}-\d{{2}}) \(([SMNP]\d+[a-z]?)\)")
    rules, anchors = text.split("## 4.")
    checked = 0
    for line in anchors.splitlines():
        point = re.match(r"\| ([+−-]?\d) \|", line)
        for actor, day, source_id in reference.findall(line) if point else []:
            code = int(point.group(1).replace("−", "-"))
            rows = stances[(stances["actor"] == actor) & (stances["day"] == day) & (stances["source_id"] == source_id)]
            assert code in set(rows["position"]), (actor, day, source_id, code)
            checked += 1
    for actor, day, source_id in reference.findall(rules):
        assert ((stances["actor"] == actor) & (stances["day"] == day) & (stances["source_id"] == source_id)).any()
    assert checked >= 140
    for issue in bundled.issue_names:  # every issue has its anchor table, with all five points
        table = anchors.split(f"### {issue}\n")[1].split("\n### ")[0]
        assert [
            re.match(r"\| ([+−-]?\d) \|", row).group(1)
            for row in table.splitlines()
            if re.match(r"\| [+−-]?\d \|", row)
        ] == ["+2", "+1", "0", "−1", "−2"], issue
