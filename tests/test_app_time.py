"""Time, provenance and sharing in AppTest: as-of, timeline, what changed, agreement, links, exports."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components import keys
from stancekit.bundled import load_bundled
from testkit.apptest import assert_clean, open_app, open_tab, table, twin


def open_link(module: str | None = None, **params: str | list[str]) -> AppTest:
    """A fresh session opened from a shared link to the page of `module` with these query parameters."""
    at = open_app(module, params=params)
    assert_clean(at)
    return at


def bundled_rows() -> list[dict]:
    return load_bundled().stances.sort_values("date", kind="stable").to_dict("records")


def kind(row: dict) -> int:
    """A row's precedence, written out again here: 2 another voice, 1 reported, 0 on the record (own or joint)."""
    if row["voice"] == "other":
        return 2
    return 1 if row["evidence"] not in ("", "statement") else 0


def positions(at: AppTest):
    return twin(at, "overview").set_index(["Actor", "Issue"])["Stance"]


def test_as_of_shows_what_was_known_then():
    on_the_5th = positions(open_link(as_of="2025-03-05", group="All issues"))
    assert on_the_5th[("United States", "US intelligence sharing")] == "▼ Opposes (−1)"  # paused, for now
    assert ("Ukraine", "30-day ceasefire") not in on_the_5th.index  # accepted on 11 Mar
    before = positions(open_link(as_of="2025-03-04", group="All issues"))
    assert ("United States", "US intelligence sharing") not in before.index


def test_as_of_banner_and_silent_actors_stay_visible():
    at = open_link(as_of="2025-02-13")
    assert at.info[0].value.startswith("Positions as known on 13 Feb 2025.")
    assert set(twin(at, "overview")["Actor"]) == {"United States"}  # only Hegseth had spoken
    matrix = at.run().get("plotly_chart")[0]
    assert "Matrix of the latest positions of 26 actors" in matrix.proto.alt  # the others show no stated position


def test_link_restores_filters_issue_and_bloc_pair():
    at = open_link("europe_vs_us", blocs=["Europe", "Russia"], bloc_a="Russia", bloc_b="Europe")
    assert at.multiselect(key=keys.BLOCS).value == ["Europe", "Russia"]
    assert (at.selectbox(key=keys.COMPARE_A).value, at.selectbox(key=keys.COMPARE_B).value) == ("Russia", "Europe")
    deep = open_link("issue_deep_dive", issue="US backstop", actors=["France", "Germany"])
    assert deep.selectbox(key=keys.ISSUE).value == "US backstop"
    assert deep.multiselect(key=keys.ACTORS).value == ["France", "Germany"]


def test_bad_link_values_are_ignored_with_a_gentle_notice():
    at = open_link(actors=["Atlantis", "France"], as_of="1999-01-01", issue="<script>", utm_source="mail")
    assert at.multiselect(key=keys.ACTORS).value == ["France"]
    assert not [i for i in at.info if "Positions as known" in i.value]  # the impossible date is not applied
    toast = at.toast[0].value
    assert toast.startswith("Part of this link was ignored:")
    for part in ("actors “Atlantis”", "as\\_of “1999\\-01\\-01”", "issue “\\<script\\>”", "“utm\\_source”"):
        assert part in toast
    at.run()
    assert not at.toast  # said once, not on every rerun


def test_timeline_page_draws_events_and_statements():
    at = open_link("timeline", issue="US intelligence sharing")
    chart = at.get("plotly_chart")[0]
    assert "Timeline of 92 key events and of 2 actors' positions on US intelligence sharing" in chart.proto.alt
    statements = table(open_tab(at, "timeline", "Table"), 0)
    assert statements["Stance"].tolist() == [
        "▼ Opposes (−1)",
        "▲▲ Strongly supports (+2)",
        "▲ Supports (+1)",
        "▼▼ Strongly opposes (−2)",
    ]  # US paused, US restored, a report of September 2025, Russia
    assert len(table(at, 1)) == 92


def test_timeline_zooms_to_a_chapter_and_keys_its_markers():
    at = open_link("timeline", issue="US backstop", period="Ceasefire push and Alaska")
    assert at.segmented_control(key=keys.TIMELINE_PERIOD).value == "Ceasefire push and Alaska"
    assert any(c.value.startswith("Markers: ● own statement") for c in at.caption)
    figure = at.get("plotly_chart")[0].proto.spec
    assert '"range":["2025-04-28' in figure.replace(" ", "") or "2025-04-28" in figure


def test_what_changed_lists_changes_newest_first():
    at = open_app("what_changed")
    changes = table(at)
    # Independent count: each day, an actor's best kind of row on an issue (on the record < reported < another
    # voice) is a change when it is no worse than the best kind seen so far and moves the position held.
    expected, held, best, days = 0, {}, {}, {}
    for row in bundled_rows():
        days.setdefault((row["actor"], row["issue"], row["date"]), []).append(row)
    for (actor, issue, _), rows in sorted(days.items(), key=lambda item: item[0][2]):
        top = min(rows, key=kind)
        if kind(top) <= best.get((actor, issue), 9):
            best[(actor, issue)] = kind(top)
            expected += held.get((actor, issue)) != top["position"]
            held[(actor, issue)] = top["position"]
    assert len(changes) == expected == 267
    assert changes.iloc[0]["Date"].isoformat() == "2026-02-24"
    at.slider(key=keys.BETWEEN).set_value((changes.iloc[-1]["Date"], changes.iloc[0]["Date"])).run()
    window = table(at)
    intelligence = window[(window["Actor"] == "United States") & (window["Issue"] == "US intelligence sharing")]
    assert intelligence[["From", "To"]].values.tolist()[0] == ["▼ Opposes (−1)", "▲▲ Strongly supports (+2)"]


def test_agreement_page_heatmap_pairs_and_coalitions():
    at = open_app("agreement_map")
    assert "Heatmap of agreement between 26 actors" in at.get("plotly_chart")[0].proto.alt
    pairs = twin(at, "agreement")
    pair = {frozenset(names): (agreement, shared) for *names, agreement, shared in pairs.itertuples(index=False)}
    assert pair[frozenset({"Ukraine", "Russia"})] == ("42%", 9)
    coalitions = at.table[0].value
    assert coalitions.loc["US intelligence sharing", "▲ For"] == "United States"
    assert coalitions.loc["US intelligence sharing", "▼ Against"] == "Russia"
    assert coalitions.loc["Air and sea patrols", "▼ Against"] == "–"


def test_sources_offers_the_shown_rows_as_csv_built_on_demand():
    at = open_link("sources", q="Vance")
    tiers = table(at).set_index("Id")["Tier"].str[:2].to_dict()
    # e.g. AP's copy (a wire) and The Moscow Times's own page; N36 matches "ad-vance-d": words match inside words
    assert tiers == {"S26": "B:", "S12": "A:", "M48": "B:", "N25": "A:", "M21": "A:", "N36": "A:"}
    button = next(b for b in at.get("download_button") if b.proto.label.startswith("Download these"))
    assert button.proto.label == "Download these 10 positions (CSV)"
    assert button.proto.deferred_file_id  # the file is made when clicked; its content is checked in Chromium


def test_chapter_buttons_move_the_date_to_the_end_of_a_chapter():
    at = open_app()
    assert at.segmented_control(key=keys.CHAPTER_PICK).value == "4"  # the latest date is in chapter 4
    at.segmented_control(key=keys.CHAPTER_PICK).set_value("2").run()
    assert_clean(at)
    assert at.slider(key=keys.AS_OF).value.isoformat() == "2025-08-31"
    assert at.info[0].value.startswith("Positions as known on 31 Aug 2025.")
    assert "2 · Ceasefire push and Alaska \\(May–Aug 2025\\)" in [c.value for c in at.sidebar.caption]
    at.segmented_control(key=keys.CHAPTER_PICK).set_value("4").run()
    assert not [i for i in at.info if "Positions as known" in i.value]  # its end is past the data: the latest view


def test_what_changed_between_two_chapters():
    at = open_link("what_changed", compare="Between two chapters")
    assert at.selectbox(key=keys.CHAPTER_FROM).value == "Planning the force"
    assert at.selectbox(key=keys.CHAPTER_TO).value == "Paris declaration and talks"
    changes = table(at)
    assert list(changes.columns[:4]) == ["Actor", "Issue", "End of chapter 1", "End of chapter 4"]
    us = changes[(changes["Actor"] == "United States") & (changes["Issue"] == "US backstop")].iloc[0]
    assert (us["End of chapter 1"], us["End of chapter 4"]) == ("◆ Split / ambivalent (0)", "▲▲ Strongly supports (+2)")
    at.selectbox(key=keys.CHAPTER_FROM).set_value("Pledges and the US plan").run()
    assert_clean(at)
    assert at.selectbox(key=keys.CHAPTER_TO).options == ["Paris declaration and talks"]
    assert list(table(at).columns[2:4]) == ["End of chapter 3", "End of chapter 4"]


def test_links_to_unknown_chapters_and_groups_are_ignored():
    at = open_link(period="Chapter 9", group="Weather", compare="Sideways")
    toast = at.toast[0].value
    for part in ("period “Chapter 9”", "group “Weather”", "compare “Sideways”"):
        assert part in toast


def test_a_link_to_the_last_chapter_as_the_earlier_one_falls_back_to_the_first():
    at = open_link("what_changed", compare="Between two chapters", from_chapter="Paris declaration and talks")
    assert at.selectbox(key=keys.CHAPTER_FROM).value == "Planning the force"
