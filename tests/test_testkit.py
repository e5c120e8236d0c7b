"""The snapshot comparison of the browser tests (testkit/snapshots.py): noise passes, a real change does not."""

from __future__ import annotations

import numpy as np
from PIL import Image

from testkit.snapshots import MAX_SHARE, THRESHOLD, compare


def image(pixels: np.ndarray) -> Image.Image:
    return Image.fromarray(pixels.astype(np.uint8), "RGBA")


def page(height: int = 1000, width: int = 500) -> np.ndarray:
    return np.full((height, width, 4), 255)


def test_the_same_image_matches():
    result = compare(image(page()), image(page()))
    assert result.matches and result.differing == 0


def test_anti_aliasing_noise_below_the_threshold_matches():
    noisy = page()
    noisy[10:20, 10:20, :3] -= THRESHOLD
    assert compare(image(noisy), image(page())).matches


def test_a_changed_digit_does_not_match_and_shows_in_red():
    changed = page()
    changed[100:106, 50:56, :3] = 40  # 36 pixels, about one digit of a caption
    result = compare(image(changed), image(page()))
    assert not result.matches and result.differing == 36 > MAX_SHARE * result.total
    assert result.diff.getpixel((52, 102)) == (255, 0, 0)
    assert result.diff.getpixel((0, 0)) != (255, 0, 0)


def test_another_size_does_not_match():
    result = compare(image(page(1001)), image(page()))
    assert not result.matches and result.diff is None
    assert result.describe() == "size 500×1001, stored 500×1000"


def test_a_template_matches_only_a_text_that_fills_it():
    from stancekit.text import escape_markdown
    from testkit.apptest import matches

    template = "{actor}: how did it move on “{issue}”?"
    assert matches(template, "France: how did it move on “US backstop”?")
    assert not matches(template, "France: how did it change on “US backstop”?")
    assert not matches(template, ": how did it move on “US backstop”?")  # a placeholder is filled by something
    assert matches("{a} (+{b})", "x \\(\\+2\\)", escape_markdown) and not matches(
        "{a} (+{b})", "x (+2)", escape_markdown
    )
