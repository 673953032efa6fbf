"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl on a temporary folder,
listening on 127.0.0.1 only, started as the `postgres` user when the tests run as root
(PostgreSQL refuses to run as root), stopped and deleted at the end of the session.

Nothing is mocked: the Postgres store tests talk to this server. When it cannot be
started they fail with the reason (CI installs Debian's `postgresql` in .ci/run).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class ServerUnavailable(Exception):
    """PostgreSQL is not installed, or its server would not start."""


def server_binaries() -> Path:
    """The folder of initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4] or 0)
    )
    if not versions:
        raise ServerUnavailable(
            "PostgreSQL's initdb and pg_ctl were not found (on PATH or in /usr/lib/postgresql/*/bin): "
            "install the server, e.g. `apt-get install -y postgresql` (.ci/run does)"
        )
    return Path(versions[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    port: int
    folder: Path
    databases: int = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database (one per test keeps tests apart)."""
        import psycopg

        self.databases += 1
        name = f"claimcheck_test_{self.databases}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name}")
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    binaries = server_binaries()
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            raise ServerUnavailable(
                "running as root, and there is no `postgres` user to run the server"
            ) from None
        os.chown(folder, account.pw_uid, account.pw_gid)
    data = folder / "data"
    port = _free_port()
    started = False
    try:
        _run(
            [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
            "initdb",
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ],
            "pg_ctl start",
            folder / "log",
        )
        started = True
        yield PostgresServer(port, folder)
    finally:
        if started:
            subprocess.run(
                _as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                capture_output=True,
                check=False,
                cwd=folder,
            )
        shutil.rmtree(folder, ignore_errors=True)


def command_folder(command: list[str]) -> str:
    return command[command.index("-D") + 1].rsplit("/", 1)[0]


def _run(command: list[str], what: str, log: Path | None = None) -> None:
    # The server user may not be allowed into the tests' working folder: run from the temporary one.
    result = subprocess.run(
        _as_server_user(command), capture_output=True, text=True, check=False, cwd=command_folder(command)
    )
    if result.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        raise ServerUnavailable(
            f"{what} failed ({result.returncode}): {result.stderr.strip()} {tail}".strip()
        )
