"""A small load over Streamlit's own protocol, no browser (bench/protocol.py against a real server): behaviour
only, no timing assertions. The figures come from `python -m bench.protocol` (see docs/PERFORMANCE.md)."""

from __future__ import annotations

import argparse
import math

import pytest

from bench import protocol, protocol_class

pytestmark = pytest.mark.protocol


def _options(scenario: str, sessions: int) -> argparse.Namespace:
    return argparse.Namespace(
        scenario=scenario, sessions=sessions, spread=1.0, timeout=120.0, deadline=300.0, think=0.0
    )


def test_three_overview_sessions_each_draw_their_charts():
    outcome = protocol.measure(_options("overview", 3))
    results = outcome["results"]
    assert outcome["unfinished"] == 0
    assert sorted(r.index for r in results) == [0, 1, 2]
    assert [r.errors for r in results] == [[]] * 3  # a chart on opening and after the filter, no exception
    assert all(not math.isnan(r.first_chart_s) and not math.isnan(r.filter_s) for r in results)
    assert all(r.bytes_received > 0 for r in results)


def test_three_students_answers_are_each_stored_exactly_once(tmp_path):
    options = _options("class", 3)
    outcome = protocol.measure(options, tmp_path)
    students = outcome["results"]
    assert outcome["unfinished"] == 0
    assert [s.errors for s in students] == [[]] * 3
    assert all(s.finished and not s.unsure for s in students)
    assert outcome["teacher_errors"] == []
    assert len({s.pseudonym for s in students}) == 3
    assert all(s.expected and len(s.submits_s) == len(s.expected) for s in students)
    assert outcome["answer_problems"] == []  # nothing lost, nothing extra, each value as chosen
    assert outcome["ticks_during_s"] and outcome["ticks_after_s"]  # the projector refreshed, under load and after
    # the check itself notices a lost answer
    students[0].expected[("stand", "An issue nobody was asked", "")] = 1
    assert protocol_class.check_answers(options.database, outcome["code"], students)
