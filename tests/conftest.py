"""Shared fixtures: small hand-made stance tables whose statistics can be computed by hand."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pandas as pd
import pytest
from sqlalchemy import Engine, create_engine
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from stancekit.bundled import load_bundled
from stancekit.dataset import Dataset
from stancekit.pulse_store import metadata, migrate, prepare
from stancekit.validation import validate_stances
from testkit.postgres import postgres_server

HEADER = "actor,bloc,issue,position,date,summary,source"


def pytest_addoption(parser: pytest.Parser) -> None:
    # Declared here, not in tests/e2e/conftest.py: pytest reads options only from the conftest files it loads
    # before collecting, and a plain `python -m pytest` loads tests/e2e/conftest.py too late for that.
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite the stored screenshots of tests/e2e/test_snapshots.py with what the app shows now",
    )


def make_stances(rows: list[tuple]) -> pd.DataFrame:
    """A validated stance table from (actor, bloc, issue, position, date) tuples."""
    raw = pd.DataFrame(
        [
            {
                "actor": a,
                "bloc": b,
                "issue": i,
                "position": str(p),
                "date": d,
                "summary": f"{a} on {i}",
                "source": f"Outlet, {d}",
            }
            for a, b, i, p, d in rows
        ]
    )
    return validate_stances(raw)


@pytest.fixture
def small_stances() -> pd.DataFrame:
    """Three European actors, the US and Russia on two issues, with one position that moved."""
    return make_stances(
        [
            ("UK", "Europe", "Troops", 2, "2025-02-01"),
            ("France", "Europe", "Troops", 1, "2025-02-01"),
            ("Poland", "Europe", "Troops", -1, "2025-02-01"),
            ("US", "United States", "Troops", -2, "2025-02-01"),
            ("US", "United States", "Troops", 0, "2025-03-01"),
            ("Russia", "Russia", "Troops", -2, "2025-02-01"),
            ("UK", "Europe", "Deal", 0, "2025-02-10"),
            ("US", "United States", "Deal", 2, "2025-02-10"),
        ]
    )


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    """The shipped topic."""
    return load_bundled()


@pytest.fixture
def downloads(monkeypatch):
    """Capture what the app hands to the browser for download (AppTest keeps it in memory)."""
    captured: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            captured[filename] = path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode()
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return captured


# Class Pulse's database tests run against both databases: SQLite on a temporary file, and PostgreSQL, either
# the server .ci/run started ($STANCE_TEST_POSTGRES_URL) or a throwaway one this fixture starts itself.
@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if os.environ.get("STANCE_TEST_POSTGRES_URL"):
        yield os.environ["STANCE_TEST_POSTGRES_URL"]
        return
    try:
        with postgres_server() as server:
            yield server.url
    except FileNotFoundError as missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


@pytest.fixture(params=["sqlite", "postgresql"])
def pulse_engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:
    """A fresh, migrated Class Pulse database of each kind."""
    if request.param == "sqlite":
        engine = prepare(create_engine(f"sqlite:///{tmp_path / 'pulse.db'}", pool_pre_ping=True))
    else:
        engine = create_engine(request.getfixturevalue("postgres_url"), pool_pre_ping=True)
        metadata.drop_all(engine)
    migrate(engine)
    yield engine
    engine.dispose()
