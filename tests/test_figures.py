import numpy as np

from stancekit.aggregation import bloc_gap
from stancekit.figures.bars import gap_figure
from stancekit.figures.blocs import bloc_positions_figure
from stancekit.figures.matrix import stance_colourscale, stance_matrix_figure
from stancekit.scale import COLOURS
from stancekit.selection import latest_positions
from tests.conftest import make_stances


def test_matrix_cells_hold_positions_glyphs_and_sourced_hovers(small_stances):
    latest = latest_positions(small_stances)
    actors, issues = ["UK", "France", "US", "Russia"], ["Troops", "Deal"]
    figure = stance_matrix_figure(
        latest,
        actors,
        issues,
        {"UK": "Europe", "France": "Europe", "US": "United States", "Russia": "Russia"},
    )
    heatmap = figure.data[0]
    z = np.array(heatmap.z, dtype=float)
    assert z[0].tolist() == [2, 0] and z[2].tolist() == [0, 2]
    assert np.isnan(z[1, 1]) and np.isnan(z[3, 1])  # no stated position stays blank
    assert heatmap.text[0][0] == "▲▲" and heatmap.text[3][0] == "▼▼" and heatmap.text[1][1] == ""
    assert "No stated position" in heatmap.customdata[1][1]
    assert "Source: Outlet, 2025-02-01" in heatmap.customdata[0][0]
    # two bloc boundaries between three bloc groups
    assert len([s for s in figure.layout.shapes if s.type == "line"]) == 2


def test_hover_text_from_data_is_escaped():
    latest = make_stances([("<img src=x onerror=alert(1)>", "X", "<b>i</b>", 1, "2025-01-01")])
    figure = stance_matrix_figure(latest, list(latest["actor"]), list(latest["issue"]), {})
    hover = figure.data[0].customdata[0][0]
    assert "<img" not in hover and "&lt;img" in hover
    assert "<b>i</b>" not in hover


def test_colourscale_has_one_flat_band_per_position():
    scale = stance_colourscale()
    assert [c for _, c in scale[::2]] == list(COLOURS.values())
    assert scale[0][0] == 0 and scale[-1][0] == 1


def test_bloc_figure_shows_members_mean_and_range_of_compared_bloc(small_stances):
    latest = latest_positions(small_stances)
    figure = bloc_positions_figure(latest, ["Troops", "Deal"], ["Europe", "United States", "Russia"])
    names = [trace.name for trace in figure.data]
    assert names == ["Europe (range)", "Europe (members)", "Europe (mean)", "United States", "Russia"]
    members = figure.data[1]
    assert sorted(np.round(members.x).tolist()) == [-1, 0, 1, 2]  # UK on Deal, and three on Troops
    europe_mean = figure.data[2]
    troops_row = 1  # first issue is drawn on top
    index = [round(y) for y in europe_mean.y].index(troops_row)
    assert europe_mean.x[index] == (2 + 1 - 1) / 3


def test_gap_figure_draws_only_comparable_issues(small_stances):
    latest = latest_positions(small_stances)
    figure = gap_figure(bloc_gap(latest, "Europe", "Russia"), "Europe", "Russia")
    assert len(figure.data[0].x) == 1
    assert "Europe +0.7 · Russia −2" in figure.data[0].text[0]
