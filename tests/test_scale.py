import numpy as np
import pandas as pd
import pytest

from stancekit.scale import (
    COLOURS,
    GLYPHS,
    LABELS,
    NO_POSITION,
    POSITIONS,
    TEXT_COLOURS,
    closeness,
    nearest_position,
    signed,
    stance_label,
)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_position_has_label_glyph_and_colours():
    for mapping in (LABELS, GLYPHS, COLOURS, TEXT_COLOURS):
        assert set(mapping) == set(POSITIONS)
    assert len(set(GLYPHS.values())) == len(POSITIONS), "glyphs must tell stances apart without colour"
    assert len(set(COLOURS.values())) == len(POSITIONS)


@pytest.mark.parametrize("position", POSITIONS)
def test_glyph_text_is_readable_on_its_colour(position):
    assert contrast(COLOURS[position], TEXT_COLOURS[position]) >= 4.5


@pytest.mark.parametrize(
    ("value", "text"), [(2, "+2"), (-1, "−1"), (0, "0"), (0.66, "+0.7"), (-1.25, "−1.2"), (1.0, "+1")]
)
def test_signed_uses_explicit_sign_and_true_minus(value, text):
    assert signed(value) == text


def test_stance_label_combines_glyph_words_and_value():
    assert stance_label(2) == "▲▲ Strongly supports (+2)"
    assert stance_label(-1) == "▼ Opposes (−1)"
    assert stance_label(0, with_value=False) == "◆ Split / ambivalent"
    assert stance_label(None) == NO_POSITION
    assert stance_label(float("nan")) == NO_POSITION


@pytest.mark.parametrize(("mean", "nearest"), [(0.5, 1), (-0.5, -1), (0.49, 0), (1.7, 2), (-1.2, -1), (2.4, 2)])
def test_nearest_position_rounds_half_away_from_zero(mean, nearest):
    assert nearest_position(mean) == nearest


def test_closeness_is_one_for_the_same_position_and_zero_for_opposite_ends():
    assert (closeness(2, 2), closeness(2, 1), closeness(-1, 1), closeness(-2, 2)) == (1, 0.75, 0.5, 0)
    assert closeness(1, -2) == closeness(-2, 1) == 0.25
    assert closeness(0.5, 0) == 0.875  # a bloc's mean is not a scale point


def test_closeness_works_element_by_element_on_arrays_and_series():
    assert closeness(np.array([2, 0, -2]), np.array([2, 2, 2])).tolist() == [1, 0.5, 0]
    row = np.array([2.0, -1.0])
    assert closeness(row[:, None], row[None, :]).tolist() == [[1, 0.25], [0.25, 1]]
    series = closeness(pd.Series([1, -1], index=["a", "b"]), 0)
    assert series.to_dict() == {"a": 0.75, "b": 0.75}
