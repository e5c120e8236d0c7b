"""The topic a Class Pulse class runs on, for every screen of the class: the bundled topic, or the teacher's
own topic stored with the class (read once per server process and shared, keyed by the blob's digest).

A class on the bundled topic stores its questions, guessed actors and answers under the topic's English names,
whatever language its teacher and students use; each screen shows them in its own language. `ClassView` is that
boundary: names go to the store through `stored` and come back through `shown`. A teacher's own topic is shown
as it was uploaded, so its names pass both ways unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import streamlit as st

from components.caches import bundled_in
from components.context import ViewContext, default_context
from components.language import _
from stancekit.dataset import Dataset
from stancekit.i18n import DEFAULT
from stancekit.pulse import Answer
from stancekit.pulse_results import TALLY_COLUMNS
from stancekit.pulse_store import ClassInfo
from stancekit.topic_blob import unpack

TALLY_NAMES = (TALLY_COLUMNS.index("issue"), TALLY_COLUMNS.index("actor"))  # of a tally row's values


@st.cache_resource(show_spinner=False, max_entries=16)  # the caller's spinner speaks the run's language
def _stored_topic(digest: str, _blob: bytes) -> Dataset:
    return unpack(_blob)


@dataclass(frozen=True)
class ClassView:
    """A class as this session shows it: the context of its topic, its settings under the names shown, and the
    two directions of its names (an empty mapping passes a name unchanged)."""

    ctx: ViewContext
    info: ClassInfo  # its issues and guessed actors as this session names them
    shown_names: Mapping[str, str]  # a stored name → as shown
    stored_names: Mapping[str, str]  # a shown name → as stored

    def shown(self, name: str) -> str:
        return self.shown_names.get(name, name)

    def stored(self, name: str) -> str:
        return self.stored_names.get(name, name)

    def stored_all(self, names: Iterable[str]) -> list[str]:
        return [self.stored(name) for name in names]

    def to_store(self, answer: Answer) -> Answer:
        """An answer as the class stores it."""
        return replace(answer, issue=self.stored(answer.issue), actor=self.stored(answer.actor) if answer.actor else "")

    def rows_shown(self, rows: Iterable[tuple]) -> list[tuple]:
        """The store's tally rows with their issue and actor as shown."""
        return [
            tuple(self.shown(value) if i in TALLY_NAMES and value else value for i, value in enumerate(row))
            for row in rows
        ]

    def export_shown(self, rows: Iterable[dict]) -> list[dict]:
        """The store's export rows with their issue and actor as shown."""
        return [{**row, "issue": self.shown(row["issue"]), "actor": self.shown(row["actor"] or "")} for row in rows]


def class_view(ctx: ViewContext, info: ClassInfo) -> ClassView:
    """The class as this run shows it: this run's context when the session already looks at the class's topic (its
    filters apply), else a context of the class's topic with nothing filtered. Raises StanceDataError for a topic
    that cannot be read."""
    if info.topic is None:
        dataset = bundled_in(ctx.lang)
        shown, stored = dataset.aliases, bundled_in(DEFAULT).aliases
    else:
        with st.spinner(_("Loading the class's topic…")):
            dataset = _stored_topic(hashlib.sha256(info.topic).hexdigest(), info.topic)
        shown, stored = {}, {}
    context = ctx if dataset.fingerprint == ctx.dataset.fingerprint else default_context(dataset)

    def lines(stored_lines: str) -> str:
        return "\n".join(shown.get(line, line) for line in stored_lines.splitlines())

    return ClassView(
        context, replace(info, issues=lines(info.issues), guess_actors=lines(info.guess_actors)), shown, stored
    )
