"""Serving an app with `streamlit run` for browser tests and benchmarks, and finding Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def chromium_path() -> str | None:
    """The Chromium binary to drive ($CHROMIUM_PATH, else /usr/bin/chromium), or None."""
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str
    pid: int


@contextmanager
def streamlit_server(
    script: str = "dashboard.py",
    *,
    cwd: Path = ROOT,
    log: Path | None = None,
    timeout: float = 90,
    env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """Run `streamlit run script` on a free port until the block ends; stop it by its own process id. `env` adds
    to the environment (e.g. STANCE_PULSE_DB, the Class Pulse database)."""
    port = free_port()
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",  # loopback only
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, timeout, f"streamlit did not start (see {log or 'the server output'})")
        yield Server(url, process.pid)
    finally:
        stop_group(process)
        if log:
            out.close()


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float, failure: str) -> None:
    """Wait until `url`/_stcore/health answers "ok" (a Streamlit process, or a proxy in front of some);
    RuntimeError(`failure`) when the process ends first or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(failure)
        time.sleep(0.2)


def stop_group(process: subprocess.Popen) -> None:
    """Stop a process started with start_new_session=True, and its children: SIGTERM, then SIGKILL after 15 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
