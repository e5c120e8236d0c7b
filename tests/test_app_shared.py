"""Figures and tables shared between sessions (components.caches.shared): built once for everyone looking
at the same data, selection and date, and never handed to a session looking at something else."""

from __future__ import annotations

import gc
import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import components.overview
from components import keys
from stancekit.dataset import with_stances
from testkit.apptest import named, open_app, plotly_charts
from tests.conftest import make_stances


@pytest.fixture
def matrix_builds(monkeypatch) -> list[tuple[str, ...]]:
    """Every time the overview builds its matrix figure, the actors it was built for."""
    st.cache_resource.clear()
    builds: list[tuple[str, ...]] = []
    build = components.overview.stance_matrix_figure

    def counting(latest, actors, issues, actor_bloc, **options):
        builds.append(tuple(actors))
        return build(latest, actors, issues, actor_bloc, **options)

    monkeypatch.setattr(components.overview, "stance_matrix_figure", counting)
    yield builds
    st.cache_resource.clear()


def matrix_actors(at: AppTest) -> list[str]:
    """The row labels of the overview matrix as sent to the browser."""
    (chart,) = plotly_charts(at)
    return json.loads(chart.proto.spec)["data"][0]["y"]


def test_sessions_looking_at_the_same_view_share_one_figure(matrix_builds):
    first, second = open_app(), open_app()
    assert len(matrix_builds) == 1
    assert plotly_charts(first)[0].proto.spec == plotly_charts(second)[0].proto.spec
    assert len(matrix_actors(second)) == 26


def test_another_selection_gets_its_own_figure_and_leaves_the_others_alone(matrix_builds):
    everyone, russia = open_app(), open_app()
    russia.multiselect(key=keys.BLOCS).set_value([named("Russia")]).run()
    assert matrix_builds == [matrix_builds[0], (named("Russia"),)]
    assert matrix_actors(russia) == [named("Russia")]
    everyone.run()
    assert len(matrix_actors(everyone)) == 26


def test_an_earlier_date_gets_its_own_figure(matrix_builds, bundled):
    latest, earlier = open_app(), open_app(state={keys.AS_OF: bundled.date_range[0].date()})
    assert len(matrix_builds) == 2
    assert plotly_charts(latest)[0].proto.spec != plotly_charts(earlier)[0].proto.spec


def test_an_uploaded_table_never_gets_the_bundled_figure(matrix_builds, bundled):
    own = with_stances(bundled, make_stances([("Narnia", "Fiction", "Troops", 1, "2025-02-01")]))
    bundled_view, own_view = open_app(), open_app(state={keys.CUSTOM_DATASET: own})
    assert len(matrix_builds) == 2
    assert matrix_actors(own_view) == ["Narnia"]
    assert "Narnia" not in matrix_actors(bundled_view)


def test_the_first_run_hides_the_startup_heap_from_the_garbage_collector(monkeypatch):
    st.cache_resource.clear()
    gc.unfreeze()
    freezes = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(freeze()))
    open_app()
    assert gc.get_freeze_count() > 10_000  # modules, the bundled data: scanned by no full collection
    open_app()
    assert len(freezes) == 1  # once per process, not once per run
