"""A throwaway PostgreSQL server on loopback for tests: Debian's postgresql binaries, a fresh cluster in a
temporary directory, a free port, trust authentication for local connections only; stopped and deleted at the end.

Running as root (CI), the cluster belongs to the `postgres` system user, as PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def postgres_bin() -> Path | None:
    """The directory of Debian's initdb and pg_ctl ($POSTGRES_BIN or the newest /usr/lib/postgresql/*/bin)."""
    if os.environ.get("POSTGRES_BIN"):
        return Path(os.environ["POSTGRES_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    """A running server: its SQLAlchemy URL, and stop/start for fault tests."""

    bin: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.data} -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data / "db"), "-o", options, "-l", str(self.data / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data / "db"), "-m", mode, "-w", "stop")


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """Start a fresh cluster; stop and delete it on exit. Raises FileNotFoundError without PostgreSQL."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL not found: install Debian's postgresql package or set POSTGRES_BIN")
    data = Path(tempfile.mkdtemp(prefix="pulse-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    server = PostgresServer(bin_dir, data, _free_port())
    server._run("initdb", "-D", str(data / "db"), "-A", "trust", "-U", "postgres", "--no-sync")
    server.start()
    try:
        yield server
    finally:
        try:
            server.stop("immediate")
        except subprocess.CalledProcessError:
            pass  # already stopped by the test
        shutil.rmtree(data, ignore_errors=True)
