"""A whole school on one machine: several app processes behind nginx with sticky sessions, sharing one
PostgreSQL database, so that students of one class on different processes see one class.

    python -m deploy.school --database postgresql+psycopg://USER@HOST/DB [--processes 2] [--listen 127.0.0.1:8080]

Runs until Ctrl-C, then stops everything it started. Needs Debian's nginx (`apt-get install nginx`).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from testkit.server import free_port, stop_group, streamlit_server, wait_until_healthy

TEMPLATE = Path(__file__).with_name("nginx.conf")


@dataclass(frozen=True)
class School:
    url: str  # the proxy's address: give this one to students
    processes: tuple[str, ...]  # each app process's own address (loopback)


def nginx_path() -> str | None:
    """Debian's nginx binary ($NGINX_PATH, else on PATH or /usr/sbin/nginx), or None."""
    candidate = os.environ.get("NGINX_PATH") or shutil.which("nginx") or "/usr/sbin/nginx"
    return candidate if Path(candidate).exists() else None


def nginx_config(run: Path, listen: str, processes: list[str]) -> str:
    """The proxy's configuration: `listen` (host:port) in front of the app processes' addresses."""
    servers = "\n".join(f"        server {address.removeprefix('http://')};" for address in processes)
    text = TEMPLATE.read_text()
    return text.replace("@RUN@", str(run)).replace("@LISTEN@", listen).replace("@SERVERS@", servers)


@contextmanager
def nginx(listen: str, processes: list[str], run: Path, timeout: float = 30) -> Iterator[str]:
    """nginx in the foreground of its own process group, until the block ends; yields its URL."""
    binary = nginx_path()
    if binary is None:
        raise FileNotFoundError("nginx not found: install Debian's nginx package or set NGINX_PATH")
    config = run / "nginx.conf"
    config.write_text(nginx_config(run, listen, processes))
    subprocess.run([binary, "-t", "-q", "-p", str(run), "-c", str(config)], check=True, capture_output=True)
    process = subprocess.Popen(
        [binary, "-p", str(run), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=open(run / "nginx.out", "w"),  # noqa: SIM115 (closed with the process)
        start_new_session=True,
    )
    url = f"http://{listen}"
    try:
        wait_until_healthy(url, process, timeout, f"nginx did not start (see {run / 'error.log'})")
        yield url
    finally:
        stop_group(process)


@contextmanager
def school(
    database: str, *, processes: int = 2, listen: str | None = None, logs: Path | None = None
) -> Iterator[School]:
    """Start `processes` app processes on loopback, all on `database` (PostgreSQL) and one cookie secret, and
    nginx in front of them on `listen` (default: a free loopback port); stop them all when the block ends."""
    run = Path(tempfile.mkdtemp(prefix="stance-school-"))
    logs = logs or run
    shared = {"STANCE_PULSE_DB": database, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    try:
        with ExitStack() as stack:
            servers = [
                stack.enter_context(streamlit_server(log=logs / f"app-{n}.log", env=shared)) for n in range(processes)
            ]
            addresses = [server.url for server in servers]
            url = stack.enter_context(nginx(listen or f"127.0.0.1:{free_port()}", addresses, run))
            yield School(url, tuple(addresses))
    finally:
        shutil.rmtree(run, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=os.environ.get("STANCE_PULSE_DB"), help="PostgreSQL URL")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--listen", default="127.0.0.1:8080", help="the proxy's host:port")
    args = parser.parse_args()
    if not args.database or not args.database.startswith("postgresql"):
        parser.error(
            "several processes share one class database: give --database postgresql+psycopg://… "
            "(or set STANCE_PULSE_DB)"
        )
    with school(args.database, processes=args.processes, listen=args.listen) as running:
        print(f"Serving {running.url} → {', '.join(running.processes)}. Ctrl-C stops everything.", flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
