"""Own words first: which row sets an actor's position, in the latest position and in what changed."""

import math

import pandas as pd
import pytest

from stancekit.changes import position_changes
from stancekit.schema import StanceDataError
from stancekit.selection import latest_positions
from stancekit.standing import JOINT_STATEMENT, OTHER_VOICE, OWN_STATEMENT, REPORTED, precedence, standing
from stancekit.topic_files import read_stances

HEADER = "actor,bloc,issue,position,date,summary,source,evidence,voice,joint"


def table(*rows: str) -> pd.DataFrame:
    return read_stances(("\n".join([HEADER, *rows]) + "\n").encode())


# The UK on troops: said +2, reported reconsidering (0), signed a joint text (+1), then an opposition voice (−1).
UK = table(
    "UK,Europe,Troops,2,2025-02-01,Starmer,S1,statement,,",
    "UK,Europe,Troops,0,2025-04-24,Times report,S2,reported,,",
    "UK,Europe,Troops,1,2025-05-10,Kyiv statement,S3,statement,,Kyiv statement",
    "UK,Europe,Troops,-1,2026-01-08,Farage,S4,statement,other,",
)


def test_kinds_of_row_and_their_precedence():
    assert standing(UK).tolist() == [OWN_STATEMENT, REPORTED, JOINT_STATEMENT, OTHER_VOICE]
    assert precedence(UK).tolist() == [0, 1, 0, 2]  # own words and signed joint texts are both on the record
    bare = pd.DataFrame({"actor": ["A"], "position": [1]})  # a table without the optional columns
    assert standing(bare).tolist() == [OWN_STATEMENT]
    raw = pd.DataFrame({"evidence": ["Reported", "STATEMENT"], "voice": ["", " Other "], "joint": ["", ""]})
    assert standing(raw).tolist() == [REPORTED, OTHER_VOICE]


def test_a_report_or_another_voice_never_replaces_what_the_actor_said():
    assert latest_positions(UK)["summary"].tolist() == ["Kyiv statement"]  # the newest on the record
    assert latest_positions(UK.iloc[[0, 1, 3]])["summary"].tolist() == ["Starmer"]  # not the newer report
    assert latest_positions(UK.iloc[[1, 3]])["summary"].tolist() == ["Times report"]  # a report beats another voice
    assert latest_positions(UK.iloc[[3]])["summary"].tolist() == ["Farage"]  # the only thing known is shown
    later = pd.concat([UK, table("UK,Europe,Troops,1,2026-02-01,Healey,S5,statement,,")], ignore_index=True)
    assert latest_positions(later)["summary"].tolist() == ["Healey"]  # a newer statement does


def test_what_changed_follows_the_latest_position_only():
    changes = position_changes(UK)
    assert changes["summary"].tolist() == ["Kyiv statement", "Starmer"]  # the report and other voice changed nothing
    assert (changes.iloc[0]["from_position"], changes.iloc[0]["to_position"]) == (2, 1)
    first_known = position_changes(UK.iloc[1:])  # without the statement: report, then the joint text outranks it
    assert first_known["summary"].tolist() == ["Kyiv statement", "Times report"]
    move = first_known.iloc[0]
    assert (move["from_position"], move["to_position"]) == (0, 1)
    assert math.isnan(first_known.iloc[1]["from_position"])


def test_on_one_day_the_better_kind_of_row_wins():
    same_day = table(
        "US,United States,Backstop,1,2025-08-21,Rubio,S1,statement,,",
        "US,United States,Backstop,-1,2025-08-21,Colby reported,S2,reported,,",
        "US,United States,Backstop,0,2025-08-21,Vance,S3,statement,other,",
    )
    assert latest_positions(same_day)["summary"].tolist() == ["Rubio"]
    assert position_changes(same_day)["summary"].tolist() == ["Rubio"]


def test_different_positions_on_one_day_need_different_kinds_of_row():
    with pytest.raises(StanceDataError) as caught:
        table(
            "US,United States,Backstop,1,2025-08-21,Rubio,S1,statement,,",
            "US,United States,Backstop,0,2025-08-21,Vance,S3,,,",
        )
    message = caught.value.problems[0].message
    assert "also appears on row 3 with a different position" in message and "as another voice (voice)" in message


def test_voice_values_are_checked():
    assert table("A,X,i,1,2025-01-01,s,t,,Lead,")["voice"].tolist() == [""]  # lead is the default
    with pytest.raises(StanceDataError, match="voice must be other"):
        table("A,X,i,1,2025-01-01,s,t,,maybe,")
