"""Class Pulse, the pure part: join codes, teacher tokens, pseudonyms, answer checks and a rate limit.

No database and no Streamlit here: stancekit.pulse_store keeps classes and answers in SQL, the views draw.
Nothing personal is ever asked for or kept: a student is a random id and a pseudonym the app picks.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from stancekit.i18n import N_

# Join codes: no look-alikes (no 0/O, no 1/I/L), 31 symbols, 6 of them: 887 million codes. With the rate limit
# below, a guesser gets a few hundred tries a day against at most MAX_ACTIVE_CLASSES live codes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TOKEN_BYTES = 32  # the teacher token: 256 random bits, URL-safe
STUDENT_ID_BYTES = 16
LIFETIME = timedelta(hours=24)  # a class and its answers expire on their own after this
MAX_STUDENTS = 200  # per class
MAX_ACTIVE_CLASSES = 500  # per server (per database)
MAX_GUESSED = 4  # actors a class guesses the stances of
ROUNDS = ("before", "after")  # the same questions at the start and at the end of the lesson
# i18n: a round of Class Pulse, as in "Round: start of the lesson"
ROUND_NAMES = {"before": N_("start of the lesson"), "after": N_("end of the lesson")}
ACTIVITIES = ("stand", "guess")  # "Where do you stand?" and "Guess the stance"
SKIP = None  # a skipped question is stored as no value

ADJECTIVES = (
    "Blue", "Brave", "Bright", "Calm", "Cheerful", "Clever", "Curious", "Friendly", "Gentle", "Golden",
    "Green", "Happy", "Kind", "Lively", "Lucky", "Merry", "Quiet", "Silver", "Sunny", "Swift",
)  # fmt: skip
ANIMALS = (
    "Badger", "Beaver", "Crane", "Deer", "Dolphin", "Falcon", "Fox", "Hare", "Heron", "Koala",
    "Lynx", "Otter", "Owl", "Panda", "Puffin", "Robin", "Seal", "Swan", "Tiger", "Wren",
)  # fmt: skip
PSEUDONYMS = tuple(f"{adjective} {animal}" for adjective in ADJECTIVES for animal in ANIMALS)  # 400 ≥ MAX_STUDENTS


def new_code() -> str:
    """A fresh random join code, e.g. 'K7QX3M'."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """A typed code as stored ('k7q-x3m ' → 'K7QX3M'), or None when it cannot be a code at all."""
    code = re.sub(r"[\s\-_.]", "", text or "").upper()
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def new_token() -> str:
    """A fresh teacher token. Only its digest is stored."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_student_id() -> str:
    """A fresh, meaningless student id (kept in the student's browser session only)."""
    return secrets.token_hex(STUDENT_ID_BYTES)


def token_digest(token: str) -> str:
    """What the database keeps of a teacher token: its SHA-256, so a leaked table opens no class."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str | None, digest: str) -> bool:
    """Whether `token` is the class's teacher token, compared in constant time."""
    return bool(token) and hmac.compare_digest(token_digest(token), digest)


def pick_pseudonym(taken: Collection[str]) -> str | None:
    """A random kind pseudonym not yet used in the class ('Blue Heron'), or None when all are taken."""
    free = [name for name in PSEUDONYMS if name not in set(taken)]
    return secrets.choice(free) if free else None


@dataclass(frozen=True)
class Answer:
    """One answer: a position −2..+2 (or skip) on an issue; for the guess game, the actor guessed."""

    activity: str
    issue: str
    value: int | None
    actor: str = ""


def answer_problem(answer: Answer, issues: Collection[str], actors: Collection[str]) -> str | None:
    """Why an answer is refused, in words a student can act on; None when it is valid."""
    if answer.activity not in ACTIVITIES:
        return N_("This activity is not part of the class.")
    if answer.issue not in issues:
        return N_("This question is not part of the class.")
    if answer.value is not None and (
        isinstance(answer.value, bool) or not isinstance(answer.value, int) or not -2 <= answer.value <= 2
    ):
        return N_("Choose a point of the scale, from −2 to +2, or skip.")
    if answer.activity == "guess" and answer.actor not in actors:
        return N_("Choose one of the actors of the class.")
    if answer.activity == "stand" and answer.actor:
        return N_("“Where do you stand?” asks for your own position, not an actor's.")
    return None


@dataclass
class RateLimit:
    """A token bucket: at most `burst` actions at once, refilled at `per_second`. Kept per browser session
    (in its session state), fed by the caller's clock so that tests need no sleeping."""

    burst: int
    per_second: float
    tokens: float = field(default=-1.0)
    last: float = 0.0

    def allow(self, now: float) -> bool:
        """Whether one more action is allowed at `now` (seconds); counts it if so."""
        if self.tokens < 0:
            self.tokens, self.last = float(self.burst), now
        self.tokens = min(float(self.burst), self.tokens + (now - self.last) * self.per_second)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def wait(self, now: float) -> float:
        """Seconds until the next action would be allowed (0 if now)."""
        if self.tokens < 0:
            return 0.0
        level = min(float(self.burst), self.tokens + (now - self.last) * self.per_second)
        return 0.0 if level >= 1 else (1 - level) / self.per_second


def app_root(page_url: str) -> str:
    """The app's address from the address of one of its pages: query and page path dropped
    ('https://x.app/classroom?join=K7' → 'https://x.app')."""
    path = page_url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return path[: -len("/classroom")] if path.endswith("/classroom") else path


def join_link(base_url: str, code: str) -> str:
    """The link a QR code carries: the classroom page with the code filled in."""
    return f"{base_url.rstrip('/')}/classroom?join={code}"


def teacher_link(base_url: str, code: str, token: str) -> str:
    """The teacher's private link: the classroom page with the class and its token."""
    return f"{base_url.rstrip('/')}/classroom?join={code}&teacher={token}"


def chosen_issues(stored: str, every: Iterable[str]) -> list[str]:
    """The issues of a class: those the teacher picked (stored as lines), else all of the topic's."""
    every = list(every)
    picked = [line for line in stored.splitlines() if line in every]
    return picked or every


def chosen_actors(stored: str, every: Iterable[str]) -> list[str]:
    """The actors a class guesses (stored as lines), those still in the topic, in the teacher's order."""
    every = set(every)
    return [line for line in stored.splitlines() if line in every]
