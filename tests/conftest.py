"""Fixtures shared by the store and nightly tests: a claim store of each kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pgserver import PostgresServer, ServerUnavailable, postgres_server

STORES = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session; the test fails (never skips) if it cannot start."""
    try:
        with postgres_server() as server:
            yield server
    except ServerUnavailable as exc:
        pytest.fail(f"PostgreSQL is needed for the Postgres store tests and could not be started: {exc}")


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_location(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a test's claim store lives: an SQLite file, or a new database on the test server."""
    if store_kind == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres")
        return server.new_database()
    return str(tmp_path / "store.sqlite")
