"""Synthetic stance tables for scale tests: actors × issues × dates rows in the public format.

    python -m testkit.synthetic 100000 /tmp/stances_100k.csv

Positions drift over time so that 'what changed', timelines and prompts have work to do. The data is
random and meaningless: it is never committed, only generated for benchmarks and scale tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from stancekit.schema import STANCE_COLUMNS

BLOCS = ("Europe", "United States", "Ukraine", "Russia", "NATO", "Asia", "Africa", "Americas")
SHAPES = {1_000: (20, 10, 5), 10_000: (50, 20, 10), 100_000: (200, 50, 10)}


def synthetic_stances(actors: int, issues: int, dates: int, seed: int = 7) -> pd.DataFrame:
    """actors × issues × dates rows; each actor's position on an issue moves by at most one step a date."""
    rng = np.random.default_rng(seed)
    n = actors * issues * dates
    actor = np.repeat(np.arange(actors), issues * dates)
    issue = np.tile(np.repeat(np.arange(issues), dates), actors)
    step = np.tile(np.arange(dates), actors * issues)
    start = rng.integers(-2, 3, size=actors * issues)
    drift = rng.integers(-1, 2, size=(actors * issues, dates)).cumsum(axis=1)
    position = np.clip(start[:, None] + drift, -2, 2).ravel()
    day = pd.Timestamp("2025-01-01") + pd.to_timedelta(step * 7, unit="D")
    actor_names = np.array([f"Actor {a:03d}" for a in range(actors)])
    issue_names = np.array([f"Issue {i:02d}" for i in range(issues)])
    table = pd.DataFrame(
        {
            "actor": actor_names[actor],
            "bloc": np.array(BLOCS)[actor % len(BLOCS)],
            "issue": issue_names[issue],
            "position": position,
            "date": day.strftime("%Y-%m-%d"),
            "summary": [
                f"Actor {a:03d} restated its view on issue {i:02d} in week {s}."
                for a, i, s in zip(actor, issue, step, strict=True)
            ],
            "source": "Synthetic source, " + day.strftime("%Y-%m-%d"),
            "source_id": [f"X{k}" for k in range(n)],
            "source_url": "",
            "speaker": "",
            "quote": "",
            "evidence": "statement",
            "condition": "",
            "voice": "",
            "joint": "",
        }
    )
    return table[list(STANCE_COLUMNS)]


def write_synthetic(rows: int, path: Path) -> Path:
    """Write the synthetic table of one of the standard sizes (1k, 10k, 100k rows) to `path`."""
    synthetic_stances(*SHAPES[rows]).to_csv(path, index=False)
    return path


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    write_synthetic(size, target)
    print(f"{size:,} rows written to {target} ({target.stat().st_size / 2**20:.1f} MiB)")
