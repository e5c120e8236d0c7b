"""Class Pulse results, pure: from the one-query tally (stancekit.pulse_store.tally) to what the projector shows —
the class's distribution per proposition, the class as one more actor ("Our class": its median, with the spread
beside it), the actors it is closest to and furthest from, how it moved between rounds, and for the guess game
its accuracy per actor and the most-misjudged actor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from stancekit.i18n import N_, gettext, percent
from stancekit.i18n import ngettext as plural_forms
from stancekit.matching import Answers, Party, match_table
from stancekit.scale import GLYPHS, POSITIONS, closeness, nearest_position, signed

# i18n: the class as one more actor (and bloc) beside the governments, in the matrix and the bloc chart
CLASS_NAME = N_("Our class")  # the class as an actor and a bloc of its own (shown in the page's language)
# i18n: the source of the class's row in the matrix
CLASS_SOURCE = N_("this class's own answers (Class Pulse), not a statement")


def class_name(lang: str = "en") -> str:
    """The class's name as an actor and a bloc, in a language: "Our class", "Notre classe"…"""
    return gettext(lang)(CLASS_NAME)


TALLY_COLUMNS = ["kind", "round", "activity", "issue", "actor", "value", "n"]
DISTRIBUTION_COLUMNS = ["issue", "answered", "skipped", *[str(p) for p in POSITIONS], "median", "low", "high"]


def tally_frame(rows: Iterable[tuple]) -> pd.DataFrame:
    """The tally rows as a table (see TALLY_COLUMNS)."""
    frame = pd.DataFrame(list(rows), columns=TALLY_COLUMNS)
    frame["n"] = frame["n"].astype(int)
    return frame


def headcount(tally: pd.DataFrame, round: str) -> tuple[int, int]:
    """(students who answered something in `round`, students in the class)."""
    answered = tally[(tally["kind"] == "answered") & (tally["round"] == round)]["n"].sum()
    joined = tally[tally["kind"] == "joined"]["n"].sum()
    return int(answered), int(joined)


def _answers(tally: pd.DataFrame, round: str, activity: str) -> pd.DataFrame:
    return tally[(tally["kind"] == "answer") & (tally["round"] == round) & (tally["activity"] == activity)]


def _quantile(values: dict[int, int], share: float) -> float:
    """The `share` quantile (0.5 = median) of positions given as {position: count}, by linear interpolation."""
    expanded = pd.Series([p for p, n in sorted(values.items()) for _ in range(n)], dtype=float)
    return float(expanded.quantile(share))


def distribution(tally: pd.DataFrame, round: str, issues: Sequence[str]) -> pd.DataFrame:
    """Per issue of `issues` (in that order): how many answered and skipped, the count at each scale point, the
    median and the middle half (low = 25th, high = 75th percentile); NaN where nobody took a position."""
    answers = _answers(tally, round, "stand")
    rows = []
    for issue in issues:
        mine = answers[answers["issue"] == issue]
        counts = {int(v): int(n) for v, n in zip(mine["value"], mine["n"], strict=True) if pd.notna(v)}
        skipped = int(mine.loc[mine["value"].isna(), "n"].sum())
        row = {"issue": issue, "answered": sum(counts.values()), "skipped": skipped}
        row |= {str(p): counts.get(p, 0) for p in POSITIONS}
        if counts:
            row |= {"median": _quantile(counts, 0.5), "low": _quantile(counts, 0.25), "high": _quantile(counts, 0.75)}
        else:
            row |= {"median": float("nan"), "low": float("nan"), "high": float("nan")}
        rows.append(row)
    return pd.DataFrame(rows, columns=DISTRIBUTION_COLUMNS)


def class_as_actor(spread: pd.DataFrame, day: pd.Timestamp, lang: str = "en") -> pd.DataFrame:
    """The class as rows of a latest-positions table: actor and bloc "Our class", the position nearest its median
    on each issue someone answered, dated `day`, with a summary that says how many answered and how they spread.
    Its source says what it is: the class's own answers, not a statement."""
    _, ngettext = gettext(lang), plural_forms(lang)
    name = class_name(lang)
    rows = []
    for row in spread.dropna(subset=["median"]).itertuples():
        rows.append(
            {
                "actor": name,
                "bloc": name,
                "issue": row.issue,
                "position": nearest_position(row.median),
                # i18n: the class's row in the matrix, "12 students answered: median +1, middle half +0.5 to +2."
                "summary": ngettext(
                    "{count} student answered: median {median}, middle half {low} to {high}.",
                    "{count} students answered: median {median}, middle half {low} to {high}.",
                    int(row.answered),
                ).format(count=row.answered, median=f"{row.median:+g}", low=f"{row.low:+g}", high=f"{row.high:+g}"),
            }
        )
    frame = pd.DataFrame(rows, columns=["actor", "bloc", "issue", "position", "summary"])
    frame["date"] = pd.Timestamp(day).normalize()
    for column in ("source_id", "source_url", "speaker", "quote", "evidence", "condition", "voice", "joint"):
        frame[column] = ""
    frame["source"] = _(CLASS_SOURCE)
    return frame


def with_class(latest: pd.DataFrame, ours: pd.DataFrame) -> pd.DataFrame:
    """The governments' latest positions with the class's rows on top (a new table; neither input changes)."""
    return pd.concat([ours.astype({"date": latest["date"].dtype}), latest], ignore_index=True)[latest.columns]


def closest_actors(
    spread: pd.DataFrame,
    latest: pd.DataFrame,
    count: int = 3,
    *,
    parties: Mapping[Party, dict[str, float]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors (and blocs) the class's medians are closest to and furthest from, by the quiz's own matching:
    (closest first, furthest first), each with columns kind, name, match, issues. `parties`: the actors'
    positions as matching.party_positions(latest) gives them, when the caller keeps them between refreshes."""
    medians = {row.issue: nearest_position(row.median) for row in spread.dropna(subset=["median"]).itertuples()}
    table = match_table(Answers(medians), latest, parties=parties)
    ranked = table[table["ranked"] & (table["kind"] == "Actor")]
    columns = ["kind", "name", "match", "issues"]
    return ranked.head(count)[columns].reset_index(drop=True), ranked.iloc[::-1].head(count)[columns].reset_index(
        drop=True
    )


def moved(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """How the class's median moved per issue between two rounds' distributions (issues answered in both)."""
    both = before[["issue", "median", "answered"]].merge(
        after[["issue", "median", "answered"]], on="issue", suffixes=("_before", "_after")
    )
    both = both.dropna(subset=["median_before", "median_after"])
    both["change"] = both["median_after"] - both["median_before"]
    return both.reset_index(drop=True)


GUESS_COLUMNS = ["actor", "guesses", "exact", "accuracy", "mean_error"]


def guess_accuracy(tally: pd.DataFrame, round: str, latest: pd.DataFrame) -> pd.DataFrame:
    """Per actor guessed: how many guesses, how many exactly right, the mean closeness (accuracy 0–1) and the mean
    signed error (guess − real: above 0, the class thought the actor more supportive than it is); most misjudged
    (lowest accuracy) first."""
    guesses = _answers(tally, round, "guess").dropna(subset=["value"])
    real = latest.set_index(["actor", "issue"])["position"]
    rows: dict[str, dict] = {}
    for row in guesses.itertuples():
        if (row.actor, row.issue) not in real.index:
            continue
        truth = int(real[(row.actor, row.issue)])
        stats = rows.setdefault(row.actor, {"actor": row.actor, "guesses": 0, "exact": 0, "points": 0.0, "error": 0})
        stats["guesses"] += row.n
        stats["exact"] += row.n if int(row.value) == truth else 0
        stats["points"] += row.n * closeness(int(row.value), truth)
        stats["error"] += row.n * (int(row.value) - truth)
    table = pd.DataFrame(
        [
            {
                "actor": s["actor"],
                "guesses": s["guesses"],
                "exact": s["exact"],
                "accuracy": s["points"] / s["guesses"],
                "mean_error": s["error"] / s["guesses"],
            }
            for s in rows.values()
        ],
        columns=GUESS_COLUMNS,
    )
    return table.sort_values(["accuracy", "guesses"], ascending=[True, False], kind="stable").reset_index(drop=True)


# Display tables: the projector's table twins and the teacher's download, with headers in words.
def spread_table(spread: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The distribution with a header per scale point ('▲▲ +2') and the median and middle half as text."""
    _ = gettext(lang)
    table = pd.DataFrame(
        {_("Proposition"): spread["issue"], _("Answered"): spread["answered"], _("Skipped"): spread["skipped"]}
    )
    for position in reversed(POSITIONS):
        table[f"{GLYPHS[position]} {signed(position)}"] = spread[str(position)]
    table[_("Median")] = [signed(m, lang) if pd.notna(m) else "" for m in spread["median"]]
    # i18n: a table column: the range of the middle half of the class's answers, "+0.5 to +2"
    table[_("Middle half")] = [
        _("{low} to {high}").format(low=signed(lo, lang), high=signed(hi, lang)) if pd.notna(lo) else ""
        for lo, hi in zip(spread["low"], spread["high"], strict=True)
    ]
    return table


def moved_table(change: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """How the class's median moved per proposition, in words."""
    _ = gettext(lang)
    return pd.DataFrame(
        {
            _("Proposition"): change["issue"],
            _("Median at the start"): [signed(v, lang) for v in change["median_before"]],
            _("Median at the end"): [signed(v, lang) for v in change["median_after"]],
            # i18n: a table column: how far the class's median moved
            _("Change"): [signed(v, lang) for v in change["change"]],
        }
    )


ACCURACY = N_("Accuracy")  # the accuracy table's columns with a help text (the view looks them up by these)
THOUGHT = N_("The class thought it")


def accuracy_table(accuracy: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Guess accuracy per actor, in words: 'thought more supportive' when the class guessed high on average."""
    _ = gettext(lang)
    return pd.DataFrame(
        {
            _("Actor"): accuracy["actor"],
            _("Guesses"): accuracy["guesses"],
            _("Exactly right"): accuracy["exact"],
            _(ACCURACY): [percent(a, lang) for a in accuracy["accuracy"]],
            # i18n: cells of the column "The class thought it" (the actor was …)
            _(THOUGHT): [
                _("more supportive") if e > 0.25 else _("more opposed") if e < -0.25 else _("about right")
                for e in accuracy["mean_error"]
            ],
        }
    )


EXPORT_COLUMNS = ["pseudonym", "round", "activity", "issue", "actor", "value"]


def answers_table(rows: list[dict]) -> pd.DataFrame:
    """The class's anonymous answers for the teacher's CSV (a skip is an empty value)."""
    return pd.DataFrame(rows, columns=EXPORT_COLUMNS).astype({"value": "Int64"})


MISJUDGED_COLUMNS = ["issue", "guesses", "mean_guess", "position", "accuracy"]


def misjudged(tally: pd.DataFrame, round: str, latest: pd.DataFrame, actor: str) -> pd.DataFrame:
    """Per issue the class guessed `actor` on: how many guessed, the mean guess, the actor's real position and the
    accuracy (mean closeness 0–1); most misjudged first, with the actor's latest row (paraphrase, speaker, date,
    source) beside it, so the projector can show what the record says."""
    guesses = _answers(tally, round, "guess")
    guesses = guesses[(guesses["actor"] == actor)].dropna(subset=["value"])
    rows = latest[latest["actor"] == actor].set_index("issue")
    table = []
    for issue, group in guesses.groupby("issue", sort=False):
        if issue not in rows.index:
            continue
        truth, counts = int(rows.loc[issue, "position"]), group["n"].astype(int)
        values = group["value"].astype(int)
        table.append(
            {
                "issue": issue,
                "guesses": int(counts.sum()),
                "mean_guess": float((values * counts).sum() / counts.sum()),
                "position": truth,
                "accuracy": float((counts * [closeness(v, truth) for v in values]).sum() / counts.sum()),
            }
        )
    frame = pd.DataFrame(table, columns=MISJUDGED_COLUMNS).sort_values("accuracy", kind="stable")
    return frame.merge(rows.drop(columns=["position"]), left_on="issue", right_index=True, how="left").reset_index(
        drop=True
    )
