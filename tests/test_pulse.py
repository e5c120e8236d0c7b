"""Class Pulse, the pure part: codes, tokens, pseudonyms, answer checks, the rate limit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stancekit.pulse import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_STUDENTS,
    PSEUDONYMS,
    Answer,
    RateLimit,
    answer_problem,
    chosen_actors,
    chosen_issues,
    join_link,
    new_code,
    new_token,
    normalise_code,
    pick_pseudonym,
    teacher_link,
    token_digest,
    token_matches,
)


def test_codes_have_no_look_alikes_and_are_random():
    assert not set("0O1IL") & set(CODE_ALPHABET)
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000  # 887 million possible: no repeat in 2,000 draws
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)


def test_a_typed_code_is_normalised_or_refused():
    assert normalise_code(" k7q-x3m ") == "K7QX3M"
    assert normalise_code("K7QX3") is None  # too short
    assert normalise_code("K7QX3O") is None  # O is never in a code
    assert normalise_code("") is None
    assert normalise_code("'; DROP TABLE--") is None


@given(st.text(max_size=40))
def test_normalising_any_text_gives_a_code_or_nothing(text):
    code = normalise_code(text)
    assert code is None or (len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET))


def test_the_teacher_token_is_long_random_and_only_its_digest_matches():
    token = new_token()
    assert len(token) >= 40 and token != new_token()
    digest = token_digest(token)
    assert token not in digest and len(digest) == 64
    assert token_matches(token, digest)
    assert not token_matches(token[:-1] + ("A" if token[-1] != "A" else "B"), digest)
    assert not token_matches("", digest) and not token_matches(None, digest)


def test_pseudonyms_are_kind_unique_and_enough_for_a_full_class():
    assert len(set(PSEUDONYMS)) >= MAX_STUDENTS
    taken: set[str] = set()
    for _ in range(MAX_STUDENTS):
        name = pick_pseudonym(taken)
        assert name not in taken and " " in name
        taken.add(name)
    assert pick_pseudonym(set(PSEUDONYMS)) is None


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (Answer("stand", "Troops", 2), None),
        (Answer("stand", "Troops", None), None),  # skip
        (Answer("guess", "Troops", -1, "Russia"), None),
        (Answer("stand", "Atlantis", 1), "This question is not part of the class."),
        (Answer("stand", "Troops", 3), "Choose a point of the scale, from −2 to +2, or skip."),
        (Answer("stand", "Troops", True), "Choose a point of the scale, from −2 to +2, or skip."),
        (Answer("stand", "Troops", 1.5), "Choose a point of the scale, from −2 to +2, or skip."),
        (Answer("guess", "Troops", 1, "Mars"), "Choose one of the actors of the class."),
        (Answer("stand", "Troops", 1, "Russia"), "“Where do you stand?” asks for your own position, not an actor's."),
        (Answer("vote", "Troops", 1), "This activity is not part of the class."),
    ],
)
def test_answers_are_checked_against_the_class(answer, problem):
    assert answer_problem(answer, {"Troops", "Deal"}, {"Russia", "France"}) == problem


def test_the_rate_limit_allows_a_burst_then_refills():
    limit = RateLimit(burst=3, per_second=1.0)
    assert [limit.allow(100.0) for _ in range(4)] == [True, True, True, False]
    assert limit.wait(100.0) == pytest.approx(1.0)
    assert not limit.allow(100.5)
    assert limit.allow(101.6)
    assert limit.wait(101.6) > 0


def test_links_and_chosen_issues():
    assert join_link("http://localhost:8501/", "K7QX3M") == "http://localhost:8501/classroom?join=K7QX3M"
    assert teacher_link("https://x.app", "K7QX3M", "tok").endswith("/classroom?join=K7QX3M&teacher=tok")
    assert chosen_issues("", ["A", "B"]) == ["A", "B"]
    assert chosen_issues("B\nZ", ["A", "B"]) == ["B"]  # an issue gone from the topic is dropped


def test_the_actors_to_guess_keep_the_teachers_order_and_drop_those_the_topic_lacks():
    assert chosen_actors("Russia\nUnited States\nGone", ["United States", "Russia", "Ukraine"]) == [
        "Russia",
        "United States",
    ]
    assert chosen_actors("", ["Russia"]) == []
