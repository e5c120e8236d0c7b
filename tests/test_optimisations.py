"""Every speed-up gives the same answer as the plain way it replaced."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from stancekit.agreement import agreement_matrix
from stancekit.cell_checks import parse_dates
from stancekit.columnwise import each_column
from stancekit.csv_fast import SAMPLE_BYTES, plain_utf8_opening, read_well_formed
from stancekit.csv_reader import parse_table
from stancekit.figures.matrix import stance_matrix_figure
from stancekit.figures.style import BLOC_COLOURS, HOUSE_TEMPLATE
from stancekit.prompts import change_prompts
from stancekit.scale import SCALE_WIDTH
from stancekit.selection import latest_positions
from stancekit.validation import as_positions, validate_stances
from testkit.synthetic import synthetic_stances

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def random_stances() -> pd.DataFrame:
    raw = synthetic_stances(12, 6, 4, seed=3).astype(str)
    keep = np.random.default_rng(5).random(len(raw)) > 0.3  # holes: not everyone speaks on everything
    return validate_stances(raw[keep].reset_index(drop=True))


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("ok_*.csv")))
def test_arrow_reader_and_pandas_reader_agree(name):
    data = (CORPUS / name).read_bytes()
    fast = parse_table(data)
    careful = parse_table(data, fast=False)
    pd.testing.assert_frame_equal(fast.reset_index(drop=True), careful.reset_index(drop=True), check_dtype=False)
    assert list(fast.index) == list(careful.index)  # the same spreadsheet rows


def test_arrow_reader_is_really_used_on_clean_files():
    text = (CORPUS / "ok_plain_utf8.csv").read_text()
    assert read_well_formed(text.encode(), text.splitlines()[0].split(","), ",") is not None


def test_cells_spanning_lines_in_a_file_of_many_blocks_are_read_like_pandas_does():
    # Over 1 MB, so Arrow splits the file into blocks at line breaks, some of them inside quoted cells.
    table = synthetic_stances(40, 20, 20).astype(str)
    table["summary"] = table["summary"] + '\nsecond line, with "quotes"\r\nand a third'
    data = table.to_csv(index=False).encode()
    assert len(data) > 2**20
    fast = parse_table(data)
    assert fast.loc[0, "summary"].count("\n") == 2
    pd.testing.assert_frame_equal(fast, parse_table(data, fast=False), check_dtype=False)


def test_windows_1252_text_after_the_opening_still_decodes_as_windows_1252():
    # The opening lines are plain ASCII, but the later é is not UTF-8: the whole body is checked, so the
    # careful path decodes all of it.
    rows = synthetic_stances(30, 10, 10).astype(str)
    rows.loc[len(rows) - 1, "summary"] = "Zürich's café"
    data = rows.to_csv(index=False).encode("cp1252")
    assert len(data) > SAMPLE_BYTES
    assert plain_utf8_opening(data) is None
    assert parse_table(data).iloc[-1]["summary"] == "Zürich's café"


@pytest.mark.parametrize(
    "data",
    [
        "actor,bloc\nZürich,Europe\n".encode("utf-16"),
        "actor,bloc\nZürich,Europe\n".encode("cp1252"),
        b'[{"actor": "UK"}]\n',
        b"<html><body>actor</body></html>\n",
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 10 + b"\n",
        b"   \n\n",
        b"actor,bloc",  # no line break: nothing to read after the header anyway
    ],
)
def test_only_plain_utf8_text_takes_the_fast_path(data):
    assert plain_utf8_opening(data) is None


def test_a_plain_file_takes_the_fast_path():
    data = (CORPUS / "ok_utf8_bom.csv").read_bytes()
    opening, body = plain_utf8_opening(data)
    assert opening.startswith("actor") and not body.startswith(b"\xef\xbb\xbf")


def test_dates_and_positions_convert_like_pandas_does():
    dates = pd.Series(["2025-03-01", "2025-02-30", "x", "2025-03-01", ""], dtype="str")
    expected = pd.to_datetime(
        dates.where(dates.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), format="%Y-%m-%d", errors="coerce"
    )
    pd.testing.assert_series_equal(parse_dates(dates), expected, check_names=False, check_dtype=False)
    positions = pd.Series(["+2", "−1", "0", "1.0", "-2", "+2"], dtype="str")
    assert as_positions(positions).tolist() == [2, -1, 0, 1, -2, 2]


def naive_agreement(latest: pd.DataFrame, a: str, b: str) -> tuple[float, int]:
    wide = latest.pivot_table(index="issue", columns="actor", values="position")
    both = wide[[a, b]].dropna()
    if both.empty:
        return float("nan"), 0
    return 1 - (both[a] - both[b]).abs().mean() / SCALE_WIDTH, len(both)


def test_vectorised_agreement_equals_the_pairwise_loop(random_stances):
    latest = latest_positions(random_stances)
    actors = list(latest["actor"].drop_duplicates())
    agreement, shared = agreement_matrix(latest, actors)
    for a, b in itertools.combinations(actors, 2):
        value, count = naive_agreement(latest, a, b)
        assert shared.at[a, b] == shared.at[b, a] == count
        assert np.isclose(agreement.at[a, b], value, equal_nan=True) and np.isclose(
            agreement.at[b, a], value, equal_nan=True
        )


def naive_change_prompt_keys(stances: pd.DataFrame, count: int) -> list[tuple[str, str]]:
    ordered = stances.sort_values("date", kind="stable")
    moves = []
    for (actor, issue), rows in ordered.groupby(["actor", "issue"], sort=False):
        if rows["position"].nunique() < 2:
            continue
        moves.append((int(rows["position"].max() - rows["position"].min()), rows["date"].iloc[-1], actor, issue))
    moves.sort(key=lambda m: (m[0], m[1]), reverse=True)
    return [(m[2], m[3]) for m in moves[:count]]


def test_vectorised_change_prompts_pick_the_same_moves(random_stances):
    prompts = change_prompts(random_stances, count=5)
    picked = [(p.readings[0]["actor"], p.issue) for p in prompts]
    assert picked == naive_change_prompt_keys(random_stances, 5)


def test_lean_matrix_shows_the_same_cells_as_the_detailed_one(random_stances):
    latest = latest_positions(random_stances)
    actors, issues = list(latest["actor"].unique()), list(latest["issue"].unique())
    detailed = stance_matrix_figure(latest, actors, issues, {})
    lean = stance_matrix_figure(latest, actors, issues, {}, detailed_hover_limit=0)
    np.testing.assert_array_equal(np.array(detailed.data[0].z, dtype=float), np.array(lean.data[0].z, dtype=float))
    assert list(map(list, detailed.data[0].text)) == list(map(list, lean.data[0].text))
    assert detailed.data[0].customdata is not None and lean.data[0].customdata is None


def test_column_wise_work_keeps_the_order_and_results_of_a_plain_loop():
    columns = [pd.Series([f"v{i % k}" for i in range(500)], dtype="str") for k in range(1, 9)]
    together = each_column(pd.factorize, columns)
    for column, (codes, distinct) in zip(columns, together, strict=True):
        plain_codes, plain_distinct = pd.factorize(column)
        assert (codes == plain_codes).all() and list(distinct) == list(plain_distinct)


def test_house_template_is_plotly_white_for_everything_it_sets():
    """The lean template keeps plotly_white's look: each setting it carries has plotly_white's value (the
    colour cycle aside, which is the colour-blind-safe bloc palette)."""
    white = pio.templates["plotly_white"].to_plotly_json()
    house = HOUSE_TEMPLATE.to_plotly_json()
    for name, value in house["layout"].items():
        if name != "colorway":
            assert value == white["layout"][name], name
    for trace, defaults in house["data"].items():
        (white_defaults,) = white["data"][trace]
        for name, value in defaults[0].items():
            if isinstance(value, dict):
                assert value.items() <= white_defaults[name].items(), (trace, name)
            else:
                assert value == white_defaults[name], (trace, name)
    assert house["layout"]["colorway"] == list(BLOC_COLOURS)
