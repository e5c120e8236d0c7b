"""Display tables of the classroom activities: the quiz's ranking and its per-issue breakdown (plain pandas)."""

from __future__ import annotations

import pandas as pd
from babel.numbers import format_decimal

from stancekit.i18n import FORMAT_LOCALE, gettext, percent
from stancekit.matching import Explanation
from stancekit.scale import agree_label, signed, stance_label


def ranking_table(ranked: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Ranked matches (see matching.ranked_matches) in words: the twin of the match chart."""
    _ = gettext(lang)
    return pd.DataFrame(
        {
            _("Rank"): ranked["rank"].astype(int),
            # i18n: a table column: the actor's or bloc's name
            _("Name"): ranked["name"],
            _("Match"): ranked["match"].map(lambda m: percent(m, lang)),
            _("Issues compared"): ranked["issues"],
        }
    )


def points_text(points: float, lang: str) -> str:
    """Points with two decimals in the language's way: 0.75, 0,75."""
    return format_decimal(points, format="0.00", locale=FORMAT_LOCALE[lang])


def _their_position(value: float, lang: str = "en") -> str:
    """An actor's position in words, or a bloc's mean as a number: '▲ Supports (+1)', '+0.7 (mean)'."""
    if float(value).is_integer():
        return stance_label(value, lang)
    _ = gettext(lang)
    # i18n: a bloc's mean position in a table cell, "+0.7 (mean)"
    return _("{value} (mean)").format(value=signed(round(value, 1), lang))


def breakdown_table(explained: Explanation, lang: str = "en") -> pd.DataFrame:
    """Why a party matches, issue by issue: your answer, theirs (under the party's name), points and weight."""
    _ = gettext(lang)
    rows = explained.rows
    return pd.DataFrame(
        {
            _("Issue"): rows["issue"],
            # i18n: a table column: the student's own answer
            _("You"): rows["you"].map(lambda v: f"{signed(v)} {agree_label(v, lang).lower()}"),
            explained.party.name: rows["them"].map(lambda v: _their_position(v, lang)),
            _("Points"): rows["points"].map(lambda p: points_text(p, lang)),
            _("Weight"): rows["weight"].map(lambda w: f"{w}×"),
            _("Weighted points"): rows["weighted_points"].map(lambda p: points_text(p, lang)),
        }
    )
