"""Time, provenance and sharing in AppTest: as-of, timeline, what changed, agreement, links, exports."""

from __future__ import annotations

from datetime import date

import pandas as pd
from streamlit.testing.v1 import AppTest

from components import keys
from stancekit.bundled import load_bundled
from stancekit.chapters import Chapter
from stancekit.i18n import day, percent
from stancekit.tables import TIER_LABELS
from stancekit.text import escape_markdown
from testkit.apptest import LANG, TABLE, assert_clean, before, named, ntr, open_app, open_tab, stance, table, tr, twin

AS_OF_NOTICE = "Positions as known on {date}. Move “Positions as of” in the sidebar to change it."
KNOWN = tr(AS_OF_NOTICE).split("{date}")[0]  # "Positions as known on ", in the suite's language
NOT_IN_TOPIC = "{name} “{value}” is not in this topic"  # one ignored setting of a link
IGNORED = "Part of this link was ignored: {notes}."
END_OF_CHAPTER = "End of chapter {number}"


def months(start: str, end: str) -> str:
    """The months from `start` to `end` as a chapter's span writes them in the suite's language."""
    return Chapter(0, "", pd.Timestamp(start), pd.Timestamp(end)).span(LANG)


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
    intelligence = (named("United States"), named("US intelligence sharing"))
    assert on_the_5th[intelligence] == stance(-1)  # paused, for now
    assert (named("Ukraine"), named("30-day ceasefire")) not in on_the_5th.index  # accepted on 11 Mar
    before = positions(open_link(as_of="2025-03-04", group="All issues"))
    assert intelligence not in before.index


def test_as_of_banner_and_silent_actors_stay_visible():
    at = open_link(as_of="2025-02-13")
    assert at.info[0].value == tr(AS_OF_NOTICE).format(date=day(date(2025, 2, 13), LANG))
    assert set(twin(at, "overview")["Actor"]) == {named("United States")}  # only Hegseth had spoken
    matrix = at.run().get("plotly_chart")[0]
    matrix_alt = (
        "Matrix of the latest positions of {actors} actors on {issues} issues, "
        "from strongly opposes to strongly supports. The Table tab lists the same positions in words."
    )
    assert before(tr(matrix_alt), actors=26) in matrix.proto.alt  # the others show no stated position


def test_link_restores_filters_issue_and_bloc_pair():
    at = open_link("europe_vs_us", blocs=["Europe", "Russia"], bloc_a="Russia", bloc_b="Europe")
    assert at.multiselect(key=keys.BLOCS).value == [named("Europe"), named("Russia")]
    pair = (at.selectbox(key=keys.COMPARE_A).value, at.selectbox(key=keys.COMPARE_B).value)
    assert pair == (named("Russia"), named("Europe"))
    deep = open_link("issue_deep_dive", issue="US backstop", actors=["France", "Germany"])
    assert deep.selectbox(key=keys.ISSUE).value == named("US backstop")
    assert deep.multiselect(key=keys.ACTORS).value == [named("France"), named("Germany")]


def test_bad_link_values_are_ignored_with_a_gentle_notice():
    ignored = {"actors": "Atlantis", "as_of": "1999-01-01", "issue": "<script>"}
    at = open_link(actors=["Atlantis", "France"], as_of="1999-01-01", issue="<script>", utm_source="mail")
    assert at.multiselect(key=keys.ACTORS).value == [named("France")]
    assert not [i for i in at.info if KNOWN in i.value]  # the impossible date is not applied
    toast = at.toast[0].value
    assert toast.startswith(before(tr(IGNORED)))
    parts = [tr(NOT_IN_TOPIC).format(name=name, value=value) for name, value in ignored.items()]
    for part in [*parts, tr("“{name}” is not a setting of this app").format(name="utm_source")]:
        assert escape_markdown(part) in toast
    at.run()
    assert not at.toast  # said once, not on every rerun


def test_timeline_page_draws_events_and_statements():
    at = open_link("timeline", issue="US intelligence sharing")
    chart = at.get("plotly_chart")[0]
    alt = tr(
        "Timeline of {events} key events and of {actors} actors' positions on "
        "{issue} from strongly opposes to strongly supports; the Table tab lists the same statements."
    ).format(events=92, actors=2, issue=named("US intelligence sharing"))
    assert chart.proto.alt == alt
    statements = table(open_tab(at, "timeline", TABLE), 0)
    assert statements["Stance"].tolist() == [
        stance(-1),
        stance(2),
        stance(1),
        stance(-2),
    ]  # US paused, US restored, a report of September 2025, Russia
    assert len(table(at, 1)) == 92


def test_timeline_zooms_to_a_chapter_and_keys_its_markers():
    at = open_link("timeline", issue="US backstop", period="Ceasefire push and Alaska")
    assert at.segmented_control(key=keys.TIMELINE_PERIOD).value == named("Ceasefire push and Alaska")
    markers = tr("● own statement · ■ joint statement · ○ reported · ◇ another voice (not on the line)")
    assert tr("Markers: {key}.").format(key=markers) in [c.value for c in at.caption]
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
    actor, issue = window["Actor"], window["Issue"]
    intelligence = window[(actor == named("United States")) & (issue == named("US intelligence sharing"))]
    moves = intelligence[["From", "To"]].values.tolist()
    assert moves[0] == [stance(-1), stance(2)]


def test_agreement_page_heatmap_pairs_and_coalitions():
    at = open_app("agreement_map")
    heatmap = (
        "Heatmap of agreement between {count} actors, from 0 to 100 percent, clustered so that "
        "actors who agree sit next to each other. The Table tab lists every pair."
    )
    assert at.get("plotly_chart")[0].proto.alt == tr(heatmap).format(count=26)
    pairs = twin(at, "agreement")
    pair = {frozenset(names): (agreement, shared) for *names, agreement, shared in pairs.itertuples(index=False)}
    assert pair[frozenset({named("Ukraine"), named("Russia")})] == (percent(0.42, LANG), 9)
    coalitions = at.table[0].value
    intelligence, patrols = (
        escape_markdown(named("US intelligence sharing")),
        escape_markdown(named("Air and sea patrols")),
    )
    assert coalitions.loc[intelligence, tr("▲ For")] == escape_markdown(named("United States"))
    assert coalitions.loc[intelligence, tr("▼ Against")] == escape_markdown(named("Russia"))
    assert coalitions.loc[patrols, tr("▼ Against")] == "–"


def test_sources_offers_the_shown_rows_as_csv_built_on_demand():
    # An outlet's name: it stays the same in every language, so the same rows match (a speaker's name may not:
    # Ukrainian paraphrases write Vance as Венс). Words match inside cells: "UNN (Politico), 2025-11-26".
    at = open_link("sources", q="Politico")
    tiers = table(at).set_index("Id")["Tier"].str[:2].to_dict()
    a, c = (tr(TIER_LABELS[tier])[:2] for tier in "AC")
    assert tiers == {"M18": a, "M35": a, "M47": a, "N36": a, "N49": a, "P5": c, "S13": a, "S16b": c, "S42": a}
    # the mirrors (tier C) carry no link, the others do
    assert (table(at)["Link"].fillna("") == "").tolist() == [t == c for t in table(at)["Tier"].str[:2]]
    download = ntr("Download this {count} position (CSV)", "Download these {count} positions (CSV)", 18)
    button = next(b for b in at.get("download_button") if b.proto.label.startswith(download.split("{count}")[0]))
    assert button.proto.label == download.format(count=18)
    assert button.proto.deferred_file_id  # the file is made when clicked; its content is checked in Chromium


def test_chapter_buttons_move_the_date_to_the_end_of_a_chapter():
    at = open_app()
    assert at.segmented_control(key=keys.CHAPTER_PICK).value == "4"  # the latest date is in chapter 4
    at.segmented_control(key=keys.CHAPTER_PICK).set_value("2").run()
    assert_clean(at)
    assert at.slider(key=keys.AS_OF).value.isoformat() == "2025-08-31"
    assert at.info[0].value == tr(AS_OF_NOTICE).format(date=day(date(2025, 8, 31), LANG))
    chapter = escape_markdown(f"2 · {named('Ceasefire push and Alaska')} ({months('2025-05-01', '2025-08-31')})")
    assert chapter in [c.value for c in at.sidebar.caption]
    at.segmented_control(key=keys.CHAPTER_PICK).set_value("4").run()
    assert not [i for i in at.info if KNOWN in i.value]  # its end is past the data: the latest view


def test_what_changed_between_two_chapters():
    at = open_link("what_changed", compare="Between two chapters")
    assert at.selectbox(key=keys.CHAPTER_FROM).value == named("Planning the force")
    assert at.selectbox(key=keys.CHAPTER_TO).value == named("Paris declaration and talks")
    changes = table(at)
    first, last = tr(END_OF_CHAPTER).format(number=1), tr(END_OF_CHAPTER).format(number=4)
    assert list(changes.columns[:4]) == ["Actor", "Issue", first, last]
    us = changes[(changes["Actor"] == named("United States")) & (changes["Issue"] == named("US backstop"))]
    ends = (us.iloc[0][first], us.iloc[0][last])
    assert ends == (stance(0), stance(2))
    at.selectbox(key=keys.CHAPTER_FROM).set_value(named("Pledges and the US plan")).run()
    assert_clean(at)
    assert at.selectbox(key=keys.CHAPTER_TO).options == [named("Paris declaration and talks")]
    assert list(table(at).columns[2:4]) == [tr(END_OF_CHAPTER).format(number=3), last]


def test_links_to_unknown_chapters_and_groups_are_ignored():
    at = open_link(period="Chapter 9", group="Weather", compare="Sideways")
    toast = at.toast[0].value
    for name, value in (("period", "Chapter 9"), ("group", "Weather"), ("compare", "Sideways")):
        assert escape_markdown(tr(NOT_IN_TOPIC).format(name=name, value=value)) in toast


def test_a_link_to_the_last_chapter_as_the_earlier_one_falls_back_to_the_first():
    at = open_link("what_changed", compare="Between two chapters", from_chapter="Paris declaration and talks")
    assert at.selectbox(key=keys.CHAPTER_FROM).value == named("Planning the force")
