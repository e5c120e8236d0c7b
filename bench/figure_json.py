"""What Streamlit does to each figure for each session, per figure of the overview and the comparison:
plotly's figure check (return_figure_from_figure_or_data) and its JSON (plotly.io.to_json) with each engine
plotly may pick, medians of 50, and the size of the JSON sent.
Usage: python -m bench.figure_json
"""

from __future__ import annotations

import time
from collections.abc import Callable
from statistics import median

import plotly.io as pio
import plotly.tools

from stancekit.bundled import load_bundled
from stancekit.figures.blocs import bloc_positions_figure
from stancekit.figures.matrix import stance_matrix_figure
from stancekit.selection import latest_positions

ROUNDS = 50


def ms(work: Callable[[], object]) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


def main() -> None:
    dataset = load_bundled()
    latest = latest_positions(dataset.stances)
    figures = {
        "stance matrix": stance_matrix_figure(latest, dataset.actors, dataset.issue_names, dataset.actor_bloc),
        "bloc positions": bloc_positions_figure(latest, dataset.issue_names, list(dataset.blocs)),
    }
    engines = ["json"]
    try:
        import orjson  # noqa: F401 (only whether plotly could use it)

        engines.append("orjson")
    except ImportError:
        pass
    chosen = pio.json.config.default_engine
    print(f"plotly's engine as the app sets it: {chosen}")
    print("| figure | check, ms | " + " | ".join(f"to_json ({e}), ms" for e in engines) + " | JSON, KiB |")
    print("|---|---|" + "---|" * len(engines) + "---|")
    for name, figure in figures.items():
        check = ms(lambda f=figure: plotly.tools.return_figure_from_figure_or_data(f, validate_figure=True))
        cells = []
        for engine in engines:
            pio.json.config.default_engine = engine
            cells.append(f"{ms(lambda f=figure: pio.to_json(f, validate=False)):.2f}")
        pio.json.config.default_engine = chosen
        size = len(pio.to_json(figure, validate=False)) / 1024
        print(f"| {name} | {check:.2f} | " + " | ".join(cells) + f" | {size:.0f} |")


if __name__ == "__main__":
    main()
