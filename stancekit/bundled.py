"""The topic shipped with the app: the debate on a European force for Ukraine, February 2025 to June 2026."""

from __future__ import annotations

from pathlib import Path

from stancekit.content import Translations, read_translations
from stancekit.dataset import Dataset, load_dataset

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TRANSLATIONS_DIR = DATA_DIR / "translations"  # the topic's texts in every language (stancekit.content)
TITLE = "A European force for Ukraine (2025–2026)"
DESCRIPTION = (
    "Who wants what on a force for Ukraine and its guarantees, Feb 2025 – Jun 2026: Europe and the US "
    "side by side, with Ukraine and Russia, every position sourced and dated."
)


def load_bundled() -> Dataset:
    """The bundled topic, read and validated from data/."""
    return load_dataset(DATA_DIR, TITLE, DESCRIPTION)


def load_translations() -> Translations:
    """The bundled topic's translations, read from data/translations/."""
    return read_translations(TRANSLATIONS_DIR)
