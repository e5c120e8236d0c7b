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
)
STANCE_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

EVIDENCE_TYPES: dict[str, str] = {
    "statement": "On the record",
    "reported": "Reported (media citing sources)",
    "analysis": "Analysis",
}

ISSUE_COLUMNS: tuple[str, ...] = ("issue", "proposition", "explainer")
EVENT_COLUMNS: tuple[str, ...] = ("date", "event", "source_id")
SOURCE_COLUMNS: tuple[str, ...] = ("source_id", "date", "outlet", "covers", "tier", "url")

HEADER_ROWS = 1  # spreadsheet row of the first data row is its index + 1 + HEADER_ROWS


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file: where (spreadsheet row, column), the value, and how to fix it."""

    row: int | None
    column: str | None
    value: str
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        prefix = (", ".join(where).capitalize() + ": ") if where else ""
        return prefix + self.message


class StanceDataError(ValueError):
    """A stance table that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.row or 0, p.column or "", p.message))
        count = len(self.problems)
        first = "; ".join(str(p) for p in self.problems[:3])
        more = f" (and {count - 3} more)" if count > 3 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the stance table: {first}{more}")
