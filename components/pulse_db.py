"""The one door to Class Pulse's database: `st.connection("pulse", type="sql")`, made ready once per process.

Where the database is, first match wins:
1. the environment variable STANCE_PULSE_DB (a SQLAlchemy URL), e.g. for tests or several local processes;
2. `[connections.pulse]` in .streamlit/secrets.toml (`url = "postgresql+psycopg://user:pass@host/db"`), the
   way to share classes between app processes or to keep them on Community Cloud, whose disk is ephemeral;
3. otherwise a SQLite file in the system's temporary folder: nothing to set up.
Everything else is in stancekit.pulse_store, which never imports Streamlit.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import streamlit as st
from sqlalchemy import Engine
from streamlit.errors import StreamlitAPIException

from stancekit.pulse_store import migrate, prepare

ENVIRONMENT = "STANCE_PULSE_DB"
DEFAULT_URL = f"sqlite:///{Path(tempfile.gettempdir()) / 'stance-dashboard-pulse.db'}"


def database_url() -> str | None:
    """The URL set in the environment, if any (secrets are read by st.connection itself)."""
    return os.environ.get(ENVIRONMENT) or None


@st.cache_resource(show_spinner=False)
def pulse_engine(url: str | None) -> Engine:
    """The engine for `url` (None: secrets, else the SQLite default), with its schema created or migrated."""
    if url is None:
        try:
            engine = st.connection("pulse", type="sql", pool_pre_ping=True).engine
        except StreamlitAPIException:  # no [connections.pulse] in the secrets: the embedded default
            engine = st.connection("pulse", type="sql", url=DEFAULT_URL, pool_pre_ping=True).engine
    else:
        engine = st.connection("pulse", type="sql", url=url, pool_pre_ping=True).engine
    migrate(prepare(engine))
    return engine


def engine() -> Engine:
    """Class Pulse's database for this run."""
    return pulse_engine(database_url())
