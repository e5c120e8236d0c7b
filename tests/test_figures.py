import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from stancekit.aggregation import bloc_gap
from stancekit.agreement import agreement_matrix
from stancekit.chapters import Chapter
from stancekit.figures.agreement import NUMBERED_CELLS_LIMIT, agreement_figure
from stancekit.figures.bars import GAP_AXIS_TITLE, gap_figure, match_figure
from stancekit.figures.blocs import bloc_positions_figure
from stancekit.figures.matrix import stance_colourscale, stance_matrix_figure
from stancekit.figures.style import MIN_FONT, SMALL_FONT
from stancekit.figures.timeline import timeline_figure
from stancekit.scale import COLOURS, GLYPHS, POSITIONS
from stancekit.selection import latest_positions
from tests.conftest import make_stances

BLOCS = {"UK": "Europe", "France": "Europe", "Poland": "Europe", "US": "United States", "Russia": "Russia"}


def font_sizes(figure: go.Figure) -> list[float]:
    """Every font size a figure sets: `size` under any `font`/`tickfont`/`textfont`, and inline CSS sizes."""
    sizes: list[float] = []

    def walk(node: object, in_font: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if in_font and key == "size":
                    sizes.extend(np.ravel(value).tolist())
                else:
                    walk(value, key.endswith("font"))
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item, in_font)
        elif isinstance(node, str):
            sizes.extend(float(n) for n in re.findall(r"font-size:\s*([0-9.]+)px", node))

    walk(figure.to_plotly_json())
    return sizes


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
    # doubled glyphs stacked, one glyph wide, so they stay inside narrow columns
    assert heatmap.text[0][0] == "▲<br>▲" and heatmap.text[3][0] == "▼<br>▼" and heatmap.text[1][1] == ""
    assert heatmap.text[1][0] == GLYPHS[1] and heatmap.text[0][1] == GLYPHS[0]
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
    assert "Europe +0.7 · Russia −2" in figure.data[0].y[0]  # short enough for one line under the issue


def test_matrix_names_blocs_in_its_tick_labels_and_keeps_its_text_apart(small_stances):
    latest = latest_positions(small_stances)
    actors = ["UK", "France", "Poland", "US", "Russia"]
    figure = stance_matrix_figure(latest, actors, ["Troops", "Deal"], BLOCS)
    labels = list(figure.layout.yaxis.ticktext)
    assert list(figure.layout.yaxis.tickvals) == actors
    assert "<b>Europe</b>" in labels[0] and labels[0].endswith("<br>UK")  # the bloc heads its group
    assert labels[1:3] == ["France", "Poland"] and "<b>United States</b>" in labels[3]
    assert labels[4] == "Russia"  # a bloc named like its one actor is not repeated
    assert not figure.layout.annotations and figure.layout.margin.r <= 20  # no width kept beside the cells
    assert figure.layout.xaxis.tickangle == -90  # upright issue names take one line's width each
    colorbar = figure.data[0].colorbar
    assert list(colorbar.ticktext) == [GLYPHS[p] for p in POSITIONS]  # short labels that never overlap
    assert min(font_sizes(figure)) >= MIN_FONT


def test_large_matrix_keeps_bloc_names_beside_it_and_no_text_below_the_minimum(small_stances):
    rows = [(f"Actor {i}", "Europe" if i < 75 else "Others", "Troops", i % 5 - 2, "2025-02-01") for i in range(150)]
    latest = latest_positions(make_stances(rows))
    actors = [f"Actor {i}" for i in range(150)]
    figure = stance_matrix_figure(latest, actors, ["Troops"], {a: b for a, b, *_ in rows})
    assert [a.text for a in figure.layout.annotations] == ["<b>Europe</b>", "<b>Others</b>"]
    assert figure.layout.margin.r >= 100  # room kept for them
    assert figure.data[0].text[0][0] == "▼▼"  # compact rows: side by side
    assert min(font_sizes(figure)) >= MIN_FONT


def test_gap_figure_puts_its_figures_in_the_tick_label_not_beside_the_bar(small_stances):
    latest = latest_positions(small_stances)
    figure = gap_figure(bloc_gap(latest, "Europe", "United States"), "Europe", "United States")
    bar = figure.data[0]
    assert bar.text is None and bar.cliponaxis is not False  # no text outside a bar to run off a phone's edge
    # "Europe +2 · United States −2" is wider than a phone allows beside a name: one mean per line
    assert all(label.count("<br>") >= 2 for label in bar.y)
    assert any("Europe +0.7<br>United States 0" in label for label in bar.y)
    assert figure.layout.xaxis.title.text == GAP_AXIS_TITLE and len(GAP_AXIS_TITLE) <= 16
    assert min(font_sizes(figure)) >= MIN_FONT


def test_match_figure_labels_each_bar_in_its_tick_label():
    matches = pd.DataFrame({"name": ["United Kingdom", "NATO"], "match": [0.75, 1.0], "issues": [3, 1]})
    figure = match_figure(matches)
    bar = figure.data[0]
    assert bar.text is None
    assert list(bar.y)[-1].startswith("United Kingdom<br>") and "75% · 3 issues" in list(bar.y)[-1]
    assert "100% · 1 issue<" in list(bar.y)[0]
    assert figure.layout.xaxis.range[1] <= 105  # no room reserved for text past the bars
    assert min(font_sizes(figure)) >= MIN_FONT


def test_bloc_figure_legend_sits_under_the_plot_and_ticks_are_short(small_stances):
    latest = latest_positions(small_stances)
    figure = bloc_positions_figure(latest, ["Troops", "Deal"], ["Europe", "United States", "Russia"])
    legend = figure.layout.legend
    assert legend.orientation == "h" and legend.y <= 0 and legend.yanchor == "top"
    assert figure.layout.xaxis.side == "top"  # so nothing else sits under the plot
    assert all(len(t.replace("<br>", "")) <= 4 for t in figure.layout.xaxis.ticktext)
    assert "opposes" in figure.layout.xaxis.title.text and "supports" in figure.layout.xaxis.title.text
    assert figure.layout.xaxis.title.font.size == SMALL_FONT  # centred on a 360 px phone's plot, it fits
    assert min(font_sizes(figure)) >= MIN_FONT


def test_agreement_figure_numbers_cells_only_while_they_fit_a_phone(small_stances):
    latest = latest_positions(small_stances)
    actors = ["UK", "France", "Poland", "US", "Russia"]
    agreement, shared = agreement_matrix(latest, actors)
    figure = agreement_figure(agreement, shared)
    assert figure.data[0].text[0][0] == "100"
    assert figure.data[0].colorbar.orientation == "h"  # under the plot: the width goes to the cells
    assert figure.layout.xaxis.tickangle == -90
    assert min(font_sizes(figure)) >= MIN_FONT
    many = [f"A{i}" for i in range(NUMBERED_CELLS_LIMIT + 1)]
    rows = [(a, "Europe", "Troops", 2, "2025-02-01") for a in many]
    big, big_shared = agreement_matrix(latest_positions(make_stances(rows)), many)
    crowded = agreement_figure(big, big_shared)
    assert {t for row in crowded.data[0].text for t in row} == {""}
    assert "100% agreement" in crowded.data[0].customdata[0][1]  # the value stays in the hover


def test_timeline_chapter_labels_are_short_and_staggered(small_stances):
    chapters = tuple(
        Chapter(n, f"Chapter name {n}", pd.Timestamp(f"2025-0{n}-01"), pd.Timestamp(f"2025-0{n}-28")) for n in (1, 2, 3)
    )
    events = pd.DataFrame({"date": [pd.Timestamp("2025-02-05")], "event": ["Summit"]})
    figure = timeline_figure(small_stances, events, ["UK", "US"], chapters=chapters)
    labels = [a for a in figure.layout.annotations if "Ch." in a.text]
    assert [a.text for a in labels] == ["<b>Ch. 1</b>", "<b>Ch. 2</b>", "<b>Ch. 3</b>"]
    assert labels[0].yshift == labels[2].yshift != labels[1].yshift  # neighbours on different lines
    assert labels[1].hovertext == "Chapter name 2"
    assert min(font_sizes(figure)) >= MIN_FONT


def test_timeline_dates_put_the_year_under_the_month(small_stances):
    figure = timeline_figure(small_stances, pd.DataFrame(columns=["date", "event"]), ["UK", "US"])
    assert figure.layout.xaxis2.tickformat == "%b<br>%Y"  # on one line, the dates overlap at 360 px
