"""The public CSV contract for stance tables, and the validation problems it reports.

The column names here are a public format: teachers upload their own topics in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from stancekit.i18n import N_, gettext, number

REQUIRED_COLUMNS: tuple[str, ...] = ("actor", "bloc", "issue", "position", "date", "summary", "source")
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "source_id",
    "source_url",
    "speaker",
    "quote",
    "evidence",
    "condition",
    "voice",
    "joint",
)
STANCE_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# What each column means, as the data dictionary and the in-app editor explain it (msgids: see column_help).
# The column names, the words statement, reported, analysis and other, and YYYY-MM-DD are the file's format.
COLUMN_HELP: dict[str, str] = {
    # i18n: data dictionary, column actor. The example is an actor's name in the bundled topic.
    "actor": N_("Who holds the position: a government, institution or group, e.g. United Kingdom."),
    # i18n: data dictionary, column bloc.
    "bloc": N_("The group the actor is compared in, e.g. Europe. One bloc per actor."),
    # i18n: data dictionary, column issue.
    "issue": N_("Short label of the issue, e.g. European ground troops."),
    # i18n: data dictionary, column position. Keep the numbers and signs.
    "position": N_(
        "Whole number −2 to +2: −2 strongly opposes, −1 opposes, 0 split, +1 supports, +2 strongly supports "
        "the issue's proposition."
    ),
    # i18n: data dictionary, column date. Keep YYYY-MM-DD: it is how the file must write dates.
    "date": N_("When the position was stated or reported, as YYYY-MM-DD."),
    # i18n: data dictionary, column summary.
    "summary": N_("One or two sentences in your own words."),
    # i18n: data dictionary, column source. The example is a newspaper's name and a date.
    "source": N_("Outlet and date, e.g. Kyiv Independent, 2025-03-21."),
    # i18n: data dictionary, column source_id.
    "source_id": N_("Optional: your own id for the source."),
    # i18n: data dictionary, column source_url.
    "source_url": N_("Optional: a web address starting with http:// or https://."),
    # i18n: data dictionary, column speaker.
    "speaker": N_("Optional: the person who spoke."),
    # i18n: data dictionary, column quote.
    "quote": N_("Optional: a short quote, in the source's own words."),
    # i18n: data dictionary, column evidence. Keep statement, reported and analysis in English: they are the
    # values the file must contain.
    "evidence": N_("Optional: statement (on the record), reported (media citing sources) or analysis."),
    # i18n: data dictionary, column condition.
    "condition": N_("Optional: what the position depends on."),
    # i18n: data dictionary, column voice. Keep "other" in English: it is the value the file must contain.
    "voice": N_(
        "Optional: leave empty when the speaker sets the actor's position; write other for another voice "
        "(an envoy's own view, a party, the opposition)."
    ),
    # i18n: data dictionary, column joint.
    "joint": N_("Optional: the name of a joint statement the row comes from, the same on every signatory's row."),
}

# The labels are msgids, translated where they are shown (the English labels are also the URL's filter values).
EVIDENCE_TYPES: dict[str, str] = {
    # i18n: kind of evidence for a position: the actor said it publicly.
    "statement": N_("On the record"),
    # i18n: kind of evidence for a position: media report it, citing unnamed sources.
    "reported": N_("Reported (media citing sources)"),
    # i18n: kind of evidence for a position: an analyst's reading of it.
    "analysis": N_("Analysis"),
}

# What views show a voice as; an empty cell means the speaker sets the actor's position.
VOICE_TYPES: dict[str, str] = {
    # i18n: whose voice a position is: the one that sets the actor's position.
    "": N_("Sets the position"),
    "lead": N_("Sets the position"),
    # i18n: whose voice a position is: someone else's (an envoy's own view, a party, the opposition).
    "other": N_("Another voice"),
}


def column_help(name: str, lang: str = "en") -> str:
    """What a stances.csv column means, in a language (the name itself is the format's and stays as it is)."""
    return gettext(lang)(COLUMN_HELP[name])


ISSUE_COLUMNS: tuple[str, ...] = ("issue", "proposition", "explainer", "group", "quiz")
REQUIRED_ISSUE_COLUMNS: tuple[str, ...] = ("issue", "proposition")
EVENT_COLUMNS: tuple[str, ...] = ("date", "event", "source_id")
CHAPTER_COLUMNS: tuple[str, ...] = ("chapter", "start", "end", "summary")
SOURCE_COLUMNS: tuple[str, ...] = ("source_id", "date", "outlet", "covers", "tier", "url")

HEADER_ROWS = 1  # spreadsheet row of the first data row is its index + 1 + HEADER_ROWS


Param = str | int  # a value filled into a problem's message: text as written, or a count (written per language)

# Where a problem is, before its message: by which of file, row and column are known.
_PLACES: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): N_("{file}, row {row}, column '{column}': {message}"),
    (True, True, False): N_("{file}, row {row}: {message}"),
    (True, False, True): N_("{file}, column '{column}': {message}"),
    (True, False, False): N_("{file}: {message}"),
    (False, True, True): N_("Row {row}, column '{column}': {message}"),
    (False, True, False): N_("Row {row}: {message}"),
    (False, False, True): N_("Column '{column}': {message}"),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file: where (spreadsheet row, column), the value, and how to fix it.

    `message` is the English text. A message with values in it also keeps its msgid (`msgid`) and the values
    (`params`), so `text(lang)` can give it in the teacher's language; build such problems with `problem`. A
    message without values is its own msgid."""

    row: int | None
    column: str | None
    value: str
    message: str
    file: str | None = None  # set when several files are read together (stances.csv, issues.csv, …)
    msgid: str | None = None  # the message's template, when values are filled in
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: str = "en") -> str:
        """The message in a language (English: `message`)."""
        if self.msgid is None:
            return gettext(lang)(self.message)
        return _filled(self.msgid, self.params, lang)

    def describe(self, lang: str = "en") -> str:
        """Where the problem is and what it is, in one line: 'Row 3, column 'date': date must be …'."""
        known = (self.file is not None, self.row is not None, self.column is not None)
        if not any(known):
            return self.text(lang)
        return gettext(lang)(_PLACES[known]).format(
            file=self.file, row=self.row, column=self.column, message=self.text(lang)
        )

    def __str__(self) -> str:
        return self.describe()


def _filled(msgid: str, params: tuple[tuple[str, Param], ...], lang: str) -> str:
    shown = {name: number(v, lang) if isinstance(v, int) else v for name, v in params}
    return gettext(lang)(msgid).format(**shown)


def problem(row: int | None, column: str | None, value: str, msgid: str, /, **params: Param) -> Problem:
    """A problem whose message is `msgid` (marked with N_ where it is written) with `params` filled in. Counts
    (ints) are written in the language's way (1,234); text goes in as it is."""
    pairs = tuple(params.items())
    counts = any(isinstance(v, int) for v in params.values())
    english = _filled(msgid, pairs, "en") if counts else msgid.format(**params)  # msgids are English
    return Problem(row, column, value, english, msgid=msgid, params=pairs)


class StanceDataError(ValueError):
    """A stance table that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file or "", p.row or 0, p.column or "", p.message))
        count = len(self.problems)
        first = "; ".join(str(p) for p in self.problems[:3])
        more = f" (and {count - 3} more)" if count > 3 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the stance table: {first}{more}")
