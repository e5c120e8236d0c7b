"""Bloc figures that say who stands behind them, worked out by hand."""

import pytest

from stancekit.aggregation import bloc_gap, bloc_summary, bloc_voice
from stancekit.describe import at_a_glance, bloc_behind, bloc_split, bloc_value, is_single_actor_bloc
from stancekit.selection import latest_positions
from stancekit.topic_files import read_stances

HEADER = "actor,bloc,issue,position,date,summary,source,evidence,joint,quote"
ROWS = [
    "UK,Europe,Troops,2,2025-02-01,UK on troops,S1,statement,,",
    "France,Europe,Troops,2,2025-02-02,France on troops,S2,statement,Joint text,",
    "Poland,Europe,Troops,2,2025-02-02,Poland on troops,S2,statement,Joint text,",
    "Italy,Europe,Troops,-1,2025-02-03,Italy on troops,S3,reported,,",
    "Malta,Europe,Troops,1,2025-02-04,Malta on troops,S4,statement,,on the record",
    "US,United States,Troops,-2,2025-02-01,US on troops,S5,statement,,",
    "UK,Europe,Deal,1,2025-02-01,UK on the deal,S1,statement,,",
    "US,United States,Deal,1,2025-02-01,US on the deal,S6,reported,,",
]


@pytest.fixture
def latest():
    return latest_positions(read_stances(("\n".join([HEADER, *ROWS]) + "\n").encode()))


def stats_of(latest, issue: str, bloc: str) -> dict:
    summary = bloc_summary(latest, {"Europe": 7, "United States": 1}).set_index(["issue", "bloc"])
    return {**summary.loc[(issue, bloc)].to_dict(), "bloc": bloc}


def test_bloc_summary_counts_who_is_behind_a_figure(latest):
    europe = stats_of(latest, "Troops", "Europe")
    assert (europe["count"], europe["total"]) == (5, 7)
    assert (europe["for"], europe["split"], europe["against"]) == (4, 0, 1)
    assert europe["mean"] == pytest.approx(6 / 5) and europe["median"] == 2
    assert (europe["joint"], europe["joint_names"], europe["reported"]) == (2, ("Joint text",), 1)


def test_the_sentence_says_how_many_spoke_and_how(latest):
    europe = stats_of(latest, "Troops", "Europe")
    assert bloc_value(europe) == "+1.2"
    assert bloc_value(europe, "de") == "+1,2"
    assert bloc_split(europe) == (
        "median +2; 5 of 7 members stated a position: 4 for, 0 split, 1 against; 2 of them through one joint "
        "statement (Joint text); 1 of them known only from reports"
    )
    alone = stats_of(latest, "Deal", "Europe")
    assert (bloc_value(alone), bloc_split(alone)) == ("+1", "only UK stated a position, 1 of 7 members")
    us = stats_of(latest, "Deal", "United States")
    assert is_single_actor_bloc({**us, "members": ("United States",), "bloc": "United States"})
    assert bloc_split({**us, "members": ("United States",), "bloc": "United States"}) == "reported, not on the record"


def test_the_short_form_says_how_many_stand_behind_the_figure(latest):
    assert bloc_behind(stats_of(latest, "Troops", "Europe")) == "5 of 7 members"
    assert bloc_behind(stats_of(latest, "Deal", "Europe")) == "only UK, 1 of 7 members"  # one member speaks for it
    us = stats_of(latest, "Deal", "United States")
    assert bloc_behind({**us, "members": ("United States",), "bloc": "United States"}) == ""


def test_a_bloc_speaks_through_an_on_the_record_member_near_its_median(latest):
    voice = bloc_voice(latest, "Troops", "Europe")
    assert voice["actor"] == "UK"  # at the median, own words (France and Poland: a joint text; Malta: further off)
    assert bloc_voice(latest, "Deal", "United States")["summary"] == "US on the deal"  # only a report: shown
    assert bloc_voice(latest, "Troops", "Atlantis") is None


def test_at_a_glance_names_the_largest_gaps_with_who_stands_behind(latest):
    summary = bloc_summary(latest, {"Europe": 7, "United States": 1})
    lines = at_a_glance(bloc_gap(latest, "Europe", "United States"), summary, "Europe", "United States")
    assert [line.issue for line in lines] == ["Troops"]  # the deal: no gap
    assert lines[0].figures == "Europe +1.2 vs the United States −2"
    assert lines[0].behind[0].startswith("Europe: median +2; 5 of 7 members")
    assert at_a_glance(bloc_gap(latest, "Europe", "Atlantis"), summary, "Europe", "Atlantis") == []
