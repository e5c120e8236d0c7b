from stancekit.prompts import Prompt, change_prompts, discussion_prompts, gap_prompts, prompts_on, spread_prompts
from stancekit.selection import latest_positions
from tests.conftest import make_stances


def test_gap_prompt_sets_the_representatives_against_each_other(small_stances):
    latest = latest_positions(small_stances)
    prompts = gap_prompts(latest, "Europe", "United States")
    assert [p.issue for p in prompts] == ["Deal"]  # Troops gap is 0.67 < 1
    prompt = prompts[0]
    assert prompt.question.startswith("On “Deal”, why does US strongly support it (+2) while UK is split on it (0)?")
    assert [r["actor"] for r in prompt.readings] == ["UK", "US"]


def test_spread_prompt_names_the_extremes(small_stances):
    prompt = spread_prompts(latest_positions(small_stances))[0]
    assert prompt.issue == "Troops"
    assert "5 actors took a position on “Troops”, from Russia (−2) to UK (+2)." in prompt.question
    assert {r["actor"] for r in prompt.readings} >= {"Russia", "UK"}


def test_change_prompt_tells_the_move(small_stances):
    prompt = change_prompts(small_stances)[0]
    assert prompt.question.startswith(
        "On 1 Feb 2025 US strongly opposed “Troops” (−2); by 1 Mar 2025 it was split on it (0)."
    )
    assert [r["date"].day for r in prompt.readings] == [1, 1] and len(prompt.readings) == 2


def test_prompts_cover_each_issue_once(small_stances):
    prompts = discussion_prompts(small_stances, latest_positions(small_stances), ("Europe", "United States"))
    assert [p.kind for p in prompts] == ["gap", "spread"]  # Troops' change is not repeated
    assert len({p.issue for p in prompts}) == len(prompts)


def test_no_prompts_without_disagreement():
    calm = make_stances([("A", "X", "i", 1, "2025-01-01"), ("B", "Y", "i", 1, "2025-01-01")])
    assert discussion_prompts(calm, latest_positions(calm), ("X", "Y")) == []


def test_bundled_prompts_are_sourced(bundled):
    prompts = discussion_prompts(
        bundled.stances, latest_positions(bundled.stances), ("Europe", "United States"), bundled.chapters
    )
    assert len(prompts) >= 4
    assert prompts[0].issue == "Ceasefire first"
    assert [p.kind for p in prompts][-2:] == ["chapters", "chapters"]
    for prompt in prompts:
        assert 2 <= len(prompt.readings) <= 3
        assert all(r["source"] for r in prompt.readings)


def test_prompts_on_keep_those_about_the_issues_in_their_order():
    prompts = [Prompt("gap", issue, f"Why {issue}?", ()) for issue in ("a", "b", "c", "a")]
    assert [p.question for p in prompts_on(prompts, ["c", "a"])] == ["Why a?", "Why c?", "Why a?"]
    assert prompts_on(prompts, []) == []
