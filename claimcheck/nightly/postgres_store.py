"""The claim store in PostgreSQL (`--store postgresql://USER@HOST/DB`), shared by the
machines of a distributed run.

The tables and queries are the SQLite store's (`store.Store`); this module gives the
connection (psycopg 3, imported only when such a store is opened), the dialect
(`?` placeholders become `%s`, BLOB is BYTEA, REAL is DOUBLE PRECISION, the
`window` column is quoted) and the run lock: a session-level advisory lock in
the database, held by the run's own connection until it closes (or dies: the
server releases it with the session), with the same wait-or-fail behaviour as
the SQLite store's lock file. Extraction workers connect without the lock.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from claimcheck.errors import StoreError
from claimcheck.nightly.store import Store

RUN_LOCK = (0x636C6169, 0x6D636B31)
"""The advisory lock's two keys ("clai", "mck1"): one run at a time per database."""
APPLICATION = "claimcheck pid "
"""The connection's application_name, so that a refused run can name the holder's pid."""


def public_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


@cache
def _dialect(sql: str) -> str:
    # Every `?` in the shared SQL is a placeholder; nothing in it holds a literal '%'.
    return sql.replace("?", "%s")


class PostgresStore(Store):
    def __init__(self, url: str, connection: Any, locked: bool) -> None:
        super().__init__()
        self.url = url
        self.name = public_url(url)
        self._db = connection
        self._locked = locked

    @classmethod
    def connect(cls, url: str, wait: float = 0.0, *, lock: bool = True) -> PostgresStore:
        try:
            import psycopg
        except ModuleNotFoundError:
            raise StoreError(
                f"claim store {public_url(url)} needs psycopg: pip install 'claimcheck[postgres]'"
            ) from None
        try:
            connection = psycopg.connect(
                url, autocommit=True, application_name=f"{APPLICATION}{os.getpid()}", connect_timeout=10
            )
        except psycopg.Error as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"claim store {public_url(url)} cannot be opened: {detail}") from None
        store = cls(url, connection, locked=False)
        try:
            if lock:
                store._acquire(wait)
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    def _acquire(self, wait: float) -> None:
        deadline = time.monotonic() + max(wait, 0.0)
        while not self._execute("SELECT pg_try_advisory_lock(?, ?)", RUN_LOCK).fetchone()[0]:
            if time.monotonic() >= deadline:
                waited = f" after waiting {wait:g} s" if wait > 0 else ""
                raise StoreError(
                    f"claim store {self.name} is in use by another claimcheck run{self._holder()}{waited}; "
                    "try again when it has finished (or pass --wait SECONDS)"
                )
            time.sleep(0.05)
        self._locked = True

    def _holder(self) -> str:
        row = self._execute(
            """SELECT activity.application_name FROM pg_locks AS locks
               JOIN pg_stat_activity AS activity ON activity.pid = locks.pid
               WHERE locks.locktype = 'advisory' AND locks.granted
                 AND locks.classid = ? AND locks.objid = ? AND locks.objsubid = 2""",
            (RUN_LOCK[0], RUN_LOCK[1]),
        ).fetchone()
        name = row[0] if row else ""
        return f" (pid {name[len(APPLICATION) :]})" if name.startswith(APPLICATION) else ""

    @property
    def lock_descriptors(self) -> tuple[int, ...]:
        return (self._db.fileno(),) if self._locked else ()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(_dialect(sql), params)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(_dialect(sql), list(rows))

    def _begin(self) -> None:
        self._execute("BEGIN")

    def _table_exists(self, table: str) -> bool:
        return self._execute("SELECT to_regclass(?) IS NOT NULL", (table,)).fetchone()[0]

    @staticmethod
    def schema_statement(statement: str) -> str:
        statement = re.sub(r"\bBLOB\b", "BYTEA", statement)
        statement = re.sub(r"\bREAL\b", "DOUBLE PRECISION", statement)
        return re.sub(r"\bwindow INTEGER\b", '"window" INTEGER', statement)

    def _migrate(self) -> None:
        # Two runs creating one database at once: the second waits for the first's schema.
        self._execute("SELECT pg_advisory_lock(?, ?)", (RUN_LOCK[0], RUN_LOCK[1] + 1))
        try:
            super()._migrate()
        finally:
            self._execute("SELECT pg_advisory_unlock(?, ?)", (RUN_LOCK[0], RUN_LOCK[1] + 1))

    def _release(self) -> None:
        try:
            if self._locked and not self._db.closed:
                self._execute("SELECT pg_advisory_unlock(?, ?)", RUN_LOCK)
        except Exception:  # the connection is gone: the server released the lock with it
            pass
        finally:
            self._locked = False
            self._db.close()

    def integrity(self) -> str:
        """Every claim belongs to a stored article (PostgreSQL checks its own pages)."""
        orphans = self._execute(
            "SELECT count(*) FROM claims WHERE article_hash NOT IN (SELECT hash FROM articles)"
        ).fetchone()[0]
        return "ok" if orphans == 0 else f"{orphans} claims without an article"
