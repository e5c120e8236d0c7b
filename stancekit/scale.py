"""The five-point stance scale: values, labels, glyphs and a colour-blind-safe palette.

Every view takes its words, glyphs and colours from here, so a stance always reads the same. The words
are English msgids: `label`, `agree_label`, `no_position` and `stance_label` give them in a language.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from stancekit.i18n import DEFAULT, N_, gettext, one_decimal

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    Positions = float | np.ndarray | pd.Series

POSITIONS: tuple[int, ...] = (-2, -1, 0, 1, 2)
MIN_POSITION, MAX_POSITION = -2, 2
SCALE_WIDTH = MAX_POSITION - MIN_POSITION  # 4: the largest possible disagreement

LABELS: dict[int, str] = {
    -2: N_("Strongly opposes"),
    -1: N_("Opposes"),
    0: N_("Split / ambivalent"),
    1: N_("Supports"),
    2: N_("Strongly supports"),
}
# Direction by arrow, intensity by doubling: readable without colour and in greyscale.
GLYPHS: dict[int, str] = {-2: "▼▼", -1: "▼", 0: "◆", 1: "▲", 2: "▲▲"}
# ColorBrewer PuOr (colour-blind safe): orange = against, purple = for, grey = split.
COLOURS: dict[int, str] = {
    -2: "#b35806",
    -1: "#f1a340",
    0: "#d9d9d9",
    1: "#998ec3",
    2: "#542788",
}
# Text colour with at least 4.5:1 contrast on each stance colour.
TEXT_COLOURS: dict[int, str] = {-2: "#ffffff", -1: "#1a1a1a", 0: "#1a1a1a", 1: "#1a1a1a", 2: "#ffffff"}
# The same scale in a student's own voice, for the "where do you stand?" questions.
AGREE_LABELS: dict[int, str] = {
    2: N_("Strongly agree"),
    1: N_("Agree"),
    0: N_("Neutral / unsure"),
    -1: N_("Disagree"),
    -2: N_("Strongly disagree"),
}
NO_POSITION = N_("No stated position")
NO_POSITION_GLYPH = "·"


def signed(value: float, lang: str = DEFAULT) -> str:
    """Format a position or mean with an explicit sign and a true minus: +2, −1, 0, +0.7 (+0,7 in French)."""
    if isinstance(value, float) and not value.is_integer():
        text = one_decimal(abs(value), lang)
    else:
        text = f"{abs(int(value))}"
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return "0"


def label(position: int, lang: str = "en") -> str:
    """The words of a scale point in a language: 'Strongly supports', 'Très favorable'…"""
    return gettext(lang)(LABELS[int(position)])


def agree_label(position: int, lang: str = "en") -> str:
    """A scale point in a student's own voice: 'Strongly agree'…"""
    return gettext(lang)(AGREE_LABELS[int(position)])


def no_position(lang: str = "en") -> str:
    """'No stated position' in a language."""
    return gettext(lang)(NO_POSITION)


def stance_label(position: int | float | None, lang: str = "en", *, with_value: bool = True) -> str:
    """Glyph, words and value of a position, e.g. '▲▲ Strongly supports (+2)'."""
    if position is None or (isinstance(position, float) and math.isnan(position)):
        return no_position(lang)
    pos = int(position)
    text = f"{GLYPHS[pos]} {label(pos, lang)}"
    return f"{text} ({signed(pos)})" if with_value else text


def closeness(a: Positions, b: Positions) -> Positions:
    """How close two positions are, 1 − |a − b| / 4: 1 for the same position, 0.75 one step apart, 0 for
    opposite ends. Works on numbers and, element by element, on numpy arrays and pandas Series."""
    return 1 - abs(a - b) / SCALE_WIDTH


def nearest_position(mean: float) -> int:
    """The scale point closest to a mean, halves rounded away from zero (0.5 → +1)."""
    rounded = math.floor(abs(mean) + 0.5) * (1 if mean >= 0 else -1)
    return max(MIN_POSITION, min(MAX_POSITION, int(rounded)))
