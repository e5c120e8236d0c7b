"""The public CSV contract for stance tables, and the validation problems it reports.

The column names here are a public format: teachers upload their own topics in it.
"""

from __future__ import annotations

from dataclasses import dataclass

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

# What each column means, as the data dictionary and the in-app editor explain it.
COLUMN_HELP: dict[str, str] = {
    "actor": "Who holds the position: a government, institution or group, e.g. United Kingdom.",
    "bloc": "The group the actor is compared in, e.g. Europe. One bloc per actor.",
    "issue": "Short label of the issue, e.g. European ground troops.",
    "position": "Whole number −2 to +2: −2 strongly opposes, −1 opposes, 0 split, +1 supports, +2 strongly supports "
    "the issue's proposition.",
    "date": "When the position was stated or reported, as YYYY-MM-DD.",
    "summary": "One or two sentences in your own words.",
    "source": "Outlet and date, e.g. Kyiv Independent, 2025-03-21.",
    "source_id": "Optional: your own id for the source.",
    "source_url": "Optional: a web address starting with http:// or https://.",
    "speaker": "Optional: the person who spoke.",
    "quote": "Optional: a short quote, in the source's own words.",
    "evidence": "Optional: statement (on the record), reported (media citing sources) or analysis.",
    "condition": "Optional: what the position depends on.",
    "voice": "Optional: leave empty when the speaker sets the actor's position; write other for another voice "
    "(an envoy's own view, a party, the opposition).",
    "joint": "Optional: the name of a joint statement the row comes from, the same on every signatory's row.",
}

EVIDENCE_TYPES: dict[str, str] = {
    "statement": "On the record",
    "reported": "Reported (media citing sources)",
    "analysis": "Analysis",
}

# What views show a voice as; an empty cell means the speaker sets the actor's position.
VOICE_TYPES: dict[str, str] = {"": "Sets the position", "lead": "Sets the position", "other": "Another voice"}

ISSUE_COLUMNS: tuple[str, ...] = ("issue", "proposition", "explainer", "group", "quiz")
REQUIRED_ISSUE_COLUMNS: tuple[str, ...] = ("issue", "proposition")
EVENT_COLUMNS: tuple[str, ...] = ("date", "event", "source_id")
CHAPTER_COLUMNS: tuple[str, ...] = ("chapter", "start", "end", "summary")
SOURCE_COLUMNS: tuple[str, ...] = ("source_id", "date", "outlet", "covers", "tier", "url")

HEADER_ROWS = 1  # spreadsheet row of the first data row is its index + 1 + HEADER_ROWS


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file: where (spreadsheet row, column), the value, and how to fix it."""

    row: int | None
    column: str | None
    value: str
    message: str
    file: str | None = None  # set when several files are read together (stances.csv, issues.csv, …)

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        if not where:
            return self.message
        place = ", ".join(where)
        return (place if self.file else place[:1].upper() + place[1:]) + ": " + self.message


class StanceDataError(ValueError):
    """A stance table that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file or "", p.row or 0, p.column or "", p.message))
        count = len(self.problems)
        first = "; ".join(str(p) for p in self.problems[:3])
        more = f" (and {count - 3} more)" if count > 3 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the stance table: {first}{more}")
