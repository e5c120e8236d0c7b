"""Comparing a screenshot with a stored one, pixel by pixel, with a tolerance for anti-aliasing noise.

A pixel differs when one of its channels (red, green, blue, alpha) moved by more than `threshold` (0–255);
two images match when they have the same size and at most `max_share` of their pixels differ.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

PLATFORM = f"{sys.platform}-chromium"  # snapshots are kept per platform: fonts and anti-aliasing differ
# Two shots of an unchanged page differ in at most a few pixels, by 1 of 255 (anti-aliasing); one changed digit in
# a caption moves 36 pixels by far more. So: a pixel differs when a channel moved by more than THRESHOLD, and at
# most MAX_SHARE of the pixels may differ (13 on the tallest shot, 1,280 × 5,400; none on a 390 × 1,500 one).
THRESHOLD = 16  # of 255 per channel
MAX_SHARE = 2e-6


@dataclass(frozen=True)
class Comparison:
    matches: bool
    differing: int  # pixels beyond the threshold (every pixel when the sizes differ)
    total: int
    actual_size: tuple[int, int]
    expected_size: tuple[int, int]
    diff: Image.Image | None  # the expected image faded, differing pixels in red; None when the sizes differ

    def describe(self) -> str:
        if self.actual_size != self.expected_size:
            (width, height), (stored_width, stored_height) = self.actual_size, self.expected_size
            return f"size {width}×{height}, stored {stored_width}×{stored_height}"
        return f"{self.differing:,} of {self.total:,} pixels differ ({self.differing / self.total:.4%})"


def load(png: bytes | Path) -> Image.Image:
    return Image.open(io.BytesIO(png) if isinstance(png, bytes) else png).convert("RGBA")


def compare(
    actual: Image.Image, expected: Image.Image, *, threshold: int = THRESHOLD, max_share: float = MAX_SHARE
) -> Comparison:
    """How far `actual` is from `expected` (both RGBA), and whether that is within the tolerance."""
    total = actual.width * actual.height
    if actual.size != expected.size:
        return Comparison(False, total, total, actual.size, expected.size, None)
    now, before = np.asarray(actual, dtype=np.int16), np.asarray(expected, dtype=np.int16)
    differs = (np.abs(now - before) > threshold).any(axis=2)
    differing = int(differs.sum())
    faded = (np.asarray(expected.convert("L"), dtype=np.uint16) // 4 + 191).astype(np.uint8)
    diff = np.stack([faded, faded, faded], axis=2)
    diff[differs] = (255, 0, 0)
    return Comparison(
        differing <= max_share * total, differing, total, actual.size, expected.size, Image.fromarray(diff, "RGB")
    )
