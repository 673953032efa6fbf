"""The claim store: what nightly runs extracted, in an SQLite file or a PostgreSQL database.

Articles are keyed by a content hash (body and metadata), so a re-crawled article
is never extracted twice; each article is committed together with its claims in
one transaction, so a run killed at any moment keeps everything it committed and
the next run finishes the job. Each report date keeps the groups and findings it
reported, so the next report can say what changed since.

`Store` holds the queries both databases share; `SqliteStore` (here, the default)
and `PostgresStore` (postgres_store.py, for `--store postgresql://...`) add the
connection, the transactions and the run lock. `Store.open(location)` picks one.

One run at a time: `Store.open` takes the store's run lock (SQLite: an advisory
lock file next to the store; PostgreSQL: an advisory lock in the database), so a
second run waits or fails with a message naming the store. The extraction
workers of a distributed run open the store without the lock (`lock=False`):
they write under the run that holds it, each article in a transaction of its own
batch, and storing an article twice (a retried task) changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
import zlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from claimcheck.errors import StoreError
from claimcheck.models import Article, Claim, ClaimGroup, Finding
from claimcheck.nightly.lock import acquire_lock, lock_path, release_lock
from claimcheck.serialize import from_data, from_json, to_data

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the extraction cache: articles by content hash, and their claims.
    (
        """CREATE TABLE articles (
            hash TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            path TEXT,
            day TEXT,
            first_seen TEXT NOT NULL,
            extractor TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
            reason TEXT,
            article_json TEXT NOT NULL,
            body BLOB NOT NULL
        )""",
        "CREATE INDEX articles_by_day ON articles (day)",
        "CREATE INDEX articles_by_first_seen ON articles (first_seen)",
        """CREATE TABLE claims (
            article_hash TEXT NOT NULL REFERENCES articles (hash) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            claim_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            base_unit TEXT,
            base_value REAL,
            claim_json TEXT NOT NULL,
            PRIMARY KEY (article_hash, seq)
        )""",
        "CREATE INDEX claims_by_kind ON claims (kind, base_unit)",
    ),
    # 2: report history: what each report date said, to tell what changed since.
    (
        """CREATE TABLE runs (
            date TEXT PRIMARY KEY,
            window INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            claims INTEGER NOT NULL,
            findings INTEGER NOT NULL
        )""",
        """CREATE TABLE groups (
            run_date TEXT NOT NULL REFERENCES runs (date) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            group_id TEXT NOT NULL,
            story TEXT,
            kind TEXT,
            status TEXT NOT NULL,
            group_json TEXT NOT NULL,
            PRIMARY KEY (run_date, seq)
        )""",
        """CREATE TABLE findings (
            run_date TEXT NOT NULL REFERENCES runs (date) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL,
            article_id TEXT,
            finding_json TEXT NOT NULL,
            PRIMARY KEY (run_date, seq)
        )""",
    ),
    # 3: input files read by the workers (HTML): their bytes' hash -> the article they held.
    (
        """CREATE TABLE sources (
            key TEXT PRIMARY KEY,
            article_hash TEXT,
            extractor TEXT NOT NULL,
            article_id TEXT NOT NULL,
            path TEXT NOT NULL,
            reason TEXT
        )""",
    ),
)
"""Schema steps in order; step N brings a store from version N-1 to N. Append only."""

SCHEMA_VERSION = len(MIGRATIONS)


def store_error(path: str, error: sqlite3.DatabaseError, what: str) -> StoreError:
    """The message of an SQLite failure: a damaged file, or one that cannot be used (busy, full)."""
    if isinstance(error, sqlite3.OperationalError):
        return StoreError(f"claim store {path} {what}: {error}")
    return StoreError(
        f"claim store {path} is damaged ({error}); restore it from a backup or start a new one "
        "(another --store): the articles are extracted again"
    )


BUSY_TIMEOUT_MS = 10_000
QUERY_CHUNK = 500
"""Hashes looked up in one query (SQLite allows 32,766 parameters; a shorter query plans faster)."""


def is_database_url(location: str | os.PathLike[str]) -> bool:
    """Whether `--store` names a PostgreSQL database rather than an SQLite file."""
    return str(location).startswith(("postgresql://", "postgres://"))


def model_json(model: Any, skip: Sequence[str] = ()) -> str:
    """The model's JSON with its working-state fields (left out of reports, kept here)."""
    data = to_data(model, working_state=True)
    for name in skip:
        data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _shared_sentences(claims: list[Claim]) -> list[Claim]:
    """Claims of one sentence share its text: a report window holds tens of thousands."""
    sentences: dict[str, str] = {}
    for claim in claims:
        claim.sentence = sentences.setdefault(claim.sentence, claim.sentence)
    return claims


def content_hash(article: Article, fallback_published: object = None) -> str:
    """What makes an article the same article: its body and metadata.

    The id and path are left out (a re-crawl may file the same article under a new
    name); the --published fallback counts only for articles that carry no date.
    """
    fallback = None if article.published is not None else fallback_published
    key = [
        article.text,
        article.title,
        article.source,
        to_data(article.published),
        article.url,
        to_data(fallback),
    ]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article's extraction, ready to store: the processed article and its claims as JSON."""

    article_json: str
    claims: tuple[tuple[str, str, str | None, float | None, str], ...]
    """(claim id, kind, base_unit, base_value, claim JSON) in extraction order."""

    @classmethod
    def of(cls, article: Article, claims: Sequence[Claim]) -> Extracted:
        article_json = model_json(article, skip=("text",))
        rows = tuple(
            (claim.id, claim.kind, claim.base_unit, claim.base_value, model_json(claim)) for claim in claims
        )
        return cls(article_json, rows)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    hash: str
    article: Article
    claims: list[Claim]
    first_seen: str


@dataclass(frozen=True, slots=True)
class StoredFailure:
    hash: str
    article_id: str
    path: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class StoredSource:
    article_hash: str | None
    extractor: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class WindowEntry:
    """A stored article of a report window, before it is loaded."""

    hash: str
    extractor: str
    article_id: str
    path: str | None
    first_seen: str
    published: str | None
    """The publication date or time as stored (ISO text), or None."""


@dataclass(frozen=True, slots=True)
class RunRecord:
    date: str
    groups: list[ClaimGroup]
    findings: list[Finding]


@dataclass(slots=True)
class _Batch:
    max_articles: int
    max_seconds: float
    pending: int = 0
    began: float = field(default_factory=time.monotonic)

    def due(self) -> bool:
        return self.pending >= self.max_articles or time.monotonic() - self.began >= self.max_seconds

    def restart(self) -> None:
        self.pending, self.began = 0, time.monotonic()


class Store(ABC):
    """An open claim store; use as a context manager (`with Store.open(location) as store`).

    Subclasses give the connection: `_execute` and `_executemany` take SQL with `?`
    placeholders, `_begin` starts a write transaction.
    """

    name: str
    """How messages name the store: its file, or its URL without the password."""

    def __init__(self) -> None:
        self._batch: _Batch | None = None

    @staticmethod
    def open(location: str | os.PathLike[str], wait: float = 0.0, *, lock: bool = True) -> Store:
        """Open (creating and migrating as needed) the SQLite file or PostgreSQL database.

        With `lock`, the run lock is held until `close`; a second run waits up to
        `wait` seconds for it, then fails with a StoreError naming the store.
        """
        if is_database_url(location):
            from claimcheck.nightly.postgres_store import PostgresStore

            return PostgresStore.connect(str(location), wait, lock=lock)
        return SqliteStore.connect(Path(location), wait, lock=lock)

    @property
    @abstractmethod
    def lock_descriptors(self) -> tuple[int, ...]:
        """What holds the run lock (a lock file, the database connection): forked workers close
        their copies, so that the lock goes with this process if it is killed."""

    # The connection (per database) --------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns a cursor (fetchone, fetchall, iteration)."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _begin(self) -> None:
        """Start a write transaction (raising StoreError if the database stays busy)."""

    @abstractmethod
    def _table_exists(self, table: str) -> bool: ...

    @staticmethod
    @abstractmethod
    def schema_statement(statement: str) -> str:
        """A statement of MIGRATIONS in this database's dialect."""

    @abstractmethod
    def _release(self) -> None:
        """Close the connection and release the run lock."""

    @abstractmethod
    def integrity(self) -> str:
        """'ok', or what the database's own check found."""

    # Opening, migrating, transactions ---------------------------------------------------

    def _version(self) -> int:
        if not self._table_exists("schema_version"):
            return 0
        row = self._execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        if self._version() == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self._version()  # again, under the write lock
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"claim store {self.name} has schema version {version}, newer than this "
                    f"claimcheck understands ({SCHEMA_VERSION}); upgrade claimcheck or use another --store"
                )
            if version == 0:
                self._execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                self._execute("INSERT INTO schema_version VALUES (0)")
            for steps in MIGRATIONS[version:]:
                for statement in steps:
                    self._execute(self.schema_statement(statement))
            self._execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    @property
    def schema_version(self) -> int:
        return self._version()

    def close(self) -> None:
        self._release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
        if isinstance(error, sqlite3.DatabaseError):
            # Damage found halfway through a run (a page overwritten): a message naming the store.
            raise store_error(self.name, error, "failed") from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN ... COMMIT, rolled back on any error."""
        self._begin()
        try:
            yield
        except BaseException:
            self._execute("ROLLBACK")
            raise
        self._execute("COMMIT")

    # Articles ----------------------------------------------------------------------

    def status(self, article_hash: str) -> tuple[str, str] | None:
        """(status, extractor) of a stored article, or None if it was never stored."""
        row = self._execute(
            "SELECT status, extractor FROM articles WHERE hash = ?", (article_hash,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def statuses(self, hashes: Iterable[str]) -> dict[str, tuple[str, str]]:
        """`status` of many articles at once: hash -> (status, extractor) of those stored."""
        found: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(list(hashes)):
            marks = ", ".join("?" * len(chunk))
            rows = self._execute(
                f"SELECT hash, status, extractor FROM articles WHERE hash IN ({marks})", chunk
            )
            found.update((row[0], (row[1], row[2])) for row in rows)
        return found

    def put_article(
        self,
        article_hash: str,
        article: Article,
        extracted: Extracted | None,
        *,
        extractor: str,
        seen: date,
        reason: str | None = None,
    ) -> None:
        """Store one article with its claims (or as failed, with `reason`) in one transaction.

        Storing again with the same extractor changes nothing (a retried task); a new
        extractor replaces the claims but keeps first_seen.
        """
        article_json = extracted.article_json if extracted else model_json(article, skip=("text",))
        day = json.loads(article_json).get("published")
        day = day[:10] if isinstance(day, str) else None
        body = zlib.compress(article.text.encode("utf-8"), 1)
        status = "ok" if extracted is not None else "failed"
        row = (article_hash, article.id, article.path, day, seen.isoformat(), extractor, status, reason)
        rows = (
            [(article_hash, seq, *claim) for seq, claim in enumerate(extracted.claims)] if extracted else []
        )
        if self._batch is None:
            with self.transaction():
                self._write_article((*row, article_json, body), rows)
            return
        # Inside a batch: a savepoint keeps each article all-or-nothing within the transaction.
        self._execute("SAVEPOINT article")
        try:
            self._write_article((*row, article_json, body), rows)
        except BaseException:
            self._execute("ROLLBACK TO SAVEPOINT article")
            self._execute("RELEASE SAVEPOINT article")
            raise
        self._execute("RELEASE SAVEPOINT article")
        self._batch.pending += 1

    def commit_if_due(self) -> None:
        """Inside a batch: commit what was written if the batch is full or old enough."""
        if self._batch is not None and self._batch.due():
            self._execute("COMMIT")
            self._begin()
            self._batch.restart()

    def _write_article(self, article_row: tuple[Any, ...], claim_rows: list[Any]) -> None:
        written = self._execute(
            """INSERT INTO articles (hash, article_id, path, day, first_seen, extractor, status,
                                     reason, article_json, body)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (hash) DO UPDATE SET
                   article_id = excluded.article_id, path = excluded.path, day = excluded.day,
                   extractor = excluded.extractor, status = excluded.status,
                   reason = excluded.reason, article_json = excluded.article_json,
                   body = excluded.body
               WHERE articles.extractor <> excluded.extractor
               RETURNING hash""",
            article_row,
        ).fetchone()
        if written is None:  # stored before by this extractor: the same article, the same claims
            return
        self._execute("DELETE FROM claims WHERE article_hash = ?", (article_row[0],))
        if claim_rows:
            self._executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)", claim_rows)

    @contextlib.contextmanager
    def batch(self, max_articles: int = 100, max_seconds: float = 0.2) -> Iterator[None]:
        """Group article writes into transactions of up to `max_articles` or `max_seconds`.

        Each article stays atomic (a savepoint); the caller says when a unit of work
        is complete with `commit_if_due`. A killed run loses at most the articles
        written since the last commit, never a half-written one.
        """
        with self.transaction():
            self._batch = _Batch(max_articles, max_seconds)
            try:
                yield
            finally:
                self._batch = None

    def source(self, key: str) -> StoredSource | None:
        """What an input file (by the hash of its bytes) held when it was last read."""
        return self.sources([key]).get(key)

    def sources(self, keys: Iterable[str]) -> dict[str, StoredSource]:
        """`source` of many input files at once (those known)."""
        found: dict[str, StoredSource] = {}
        for chunk in _chunks(list(keys)):
            marks = ", ".join("?" * len(chunk))
            rows = self._execute(
                f"SELECT key, article_hash, extractor, reason FROM sources WHERE key IN ({marks})", chunk
            )
            found.update((row[0], StoredSource(row[1], row[2], row[3])) for row in rows)
        return found

    def put_source(
        self,
        key: str,
        article_hash: str | None,
        extractor: str,
        article_id: str,
        path: str,
        reason: str | None = None,
    ) -> None:
        """Remember the article an input file held (or why it could not be read in time)."""
        statement = """INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)
                       ON CONFLICT (key) DO UPDATE SET
                           article_hash = excluded.article_hash, extractor = excluded.extractor,
                           article_id = excluded.article_id, path = excluded.path,
                           reason = excluded.reason"""
        values = (key, article_hash, extractor, article_id, path, reason)
        if self._batch is None:
            with self.transaction():
                self._execute(statement, values)
        else:
            self._execute(statement, values)

    def window_hashes(self, first: date, last: date) -> list[tuple[str, str]]:
        """(hash, extractor) of the stored articles in a report window.

        An article belongs to the window if its publication day is in [first, last],
        or, having no known date, if it was first seen by a run dated in the window.
        """
        return [(entry.hash, entry.extractor) for entry in self.window_entries(first, last)]

    def window_entries(self, first: date, last: date) -> list[WindowEntry]:
        """What a run needs to know of the window's articles before loading them (see window_hashes)."""
        start, end = first.isoformat(), last.isoformat()
        rows = self._execute(
            """SELECT hash, extractor, article_id, path, first_seen, article_json FROM articles
               WHERE status = 'ok' AND ((day BETWEEN ? AND ?)
                                        OR (day IS NULL AND first_seen BETWEEN ? AND ?))
               ORDER BY hash""",
            (start, end, start, end),
        )
        return [
            WindowEntry(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]).get("published"))
            for row in rows
        ]

    def load_article(self, article_hash: str, with_claims: bool = True) -> StoredArticle:
        loaded = self.load_articles([article_hash], with_claims)
        if not loaded:
            raise StoreError(f"claim store {self.name}: no article {article_hash}")
        return loaded[0]

    def load_articles(self, hashes: Sequence[str], with_claims: bool = True) -> list[StoredArticle]:
        """The stored articles (with their claims), in the order of `hashes`; unknown ones left out."""
        rows: dict[str, tuple[Any, ...]] = {}
        claims: dict[str, list[Claim]] = {}
        for chunk in _chunks(list(hashes)):
            marks = ", ".join("?" * len(chunk))
            for row in self._execute(
                f"SELECT hash, article_json, body, first_seen FROM articles WHERE hash IN ({marks})", chunk
            ):
                rows[row[0]] = row
            if with_claims:
                for article_hash, claim_json in self._execute(
                    f"SELECT article_hash, claim_json FROM claims WHERE article_hash IN ({marks})"
                    " ORDER BY article_hash, seq",
                    chunk,
                ):
                    claims.setdefault(article_hash, []).append(from_json(Claim, claim_json))
        loaded = []
        for article_hash in hashes:
            row = rows.get(article_hash)
            if row is None:
                continue
            data = json.loads(row[1])
            data["text"] = zlib.decompress(bytes(row[2])).decode("utf-8")
            published = data.get("published")
            if isinstance(published, str) and len(published) == 10:
                # A calendar date stays a date (pydantic would read it back as midnight).
                data["published"] = date.fromisoformat(published)
            article = from_data(Article, data)
            own = _shared_sentences(claims.get(article_hash, []))
            loaded.append(StoredArticle(article_hash, article, own, row[3]))
        return loaded

    def failure(self, article_hash: str) -> StoredFailure | None:
        row = self._execute(
            "SELECT article_id, path, reason FROM articles WHERE hash = ? AND status = 'failed'",
            (article_hash,),
        ).fetchone()
        return StoredFailure(article_hash, row[0], row[1], row[2] or "") if row else None

    def first_seen_between(self, after: str | None, last: date) -> set[str]:
        """Hashes of the articles first stored by runs dated after `after` and up to `last`."""
        rows = self._execute(
            "SELECT hash FROM articles WHERE status = 'ok' AND first_seen > ? AND first_seen <= ?",
            (after or "", last.isoformat()),
        )
        return {row[0] for row in rows}

    def counts(self) -> dict[str, int]:
        articles = self._execute("SELECT count(*) FROM articles").fetchone()[0]
        claims = self._execute("SELECT count(*) FROM claims").fetchone()[0]
        runs = self._execute("SELECT count(*) FROM runs").fetchone()[0]
        return {"articles": articles, "claims": claims, "runs": runs}

    # Runs --------------------------------------------------------------------------

    def record_run(
        self,
        run_date: date,
        window: int,
        articles: int,
        claims: int,
        groups: Sequence[ClaimGroup],
        findings: Sequence[Finding],
    ) -> None:
        """Remember what the report of `run_date` said (replacing an earlier run of that date)."""
        key = run_date.isoformat()
        with self.transaction():
            self._execute("DELETE FROM runs WHERE date = ?", (key,))
            self._execute(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?)", (key, window, articles, claims, len(findings))
            )
            self._executemany(
                "INSERT INTO groups VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (key, seq, group.id, group.story, group.kind, group.status, model_json(group))
                    for seq, group in enumerate(groups)
                ],
            )
            self._executemany(
                "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        key,
                        seq,
                        finding.rule,
                        finding.severity,
                        finding.article_id,
                        model_json(finding),
                    )
                    for seq, finding in enumerate(findings)
                ],
            )

    def previous_run(self, before: date) -> RunRecord | None:
        """The latest run dated before `before`, with its groups and findings."""
        row = self._execute(
            "SELECT date FROM runs WHERE date < ? ORDER BY date DESC LIMIT 1", (before.isoformat(),)
        ).fetchone()
        if row is None:
            return None
        key = row[0]
        groups = [
            from_json(ClaimGroup, text)
            for (text,) in self._execute(
                "SELECT group_json FROM groups WHERE run_date = ? ORDER BY seq", (key,)
            )
        ]
        findings = [
            from_json(Finding, text)
            for (text,) in self._execute(
                "SELECT finding_json FROM findings WHERE run_date = ? ORDER BY seq", (key,)
            )
        ]
        return RunRecord(key, groups, findings)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), QUERY_CHUNK):
        yield items[start : start + QUERY_CHUNK]


class SqliteStore(Store):
    """The embedded store: an SQLite file in WAL mode, with a lock file beside it for the run."""

    def __init__(self, path: Path, connection: sqlite3.Connection, lock: int | None) -> None:
        super().__init__()
        self.path = path
        self.name = str(path)
        self._db = connection
        self._lock = lock

    @property
    def lock_descriptors(self) -> tuple[int, ...]:
        return () if self._lock is None else (self._lock,)

    @classmethod
    def connect(cls, path: Path, wait: float = 0.0, *, lock: bool = True) -> SqliteStore:
        """Writers hold `PATH.lock` for the whole run; without `lock` (a worker of a run that
        holds it) the file must exist already: a worker never creates a store of its own."""
        if path.parent and not path.parent.is_dir():
            raise StoreError(f"claim store {path}: folder {path.parent} does not exist")
        if path.is_dir():
            example = path / "claimcheck.sqlite"
            raise StoreError(f"claim store {path} is a folder; give a file, such as {example}")
        new_lock = lock and not lock_path(path).exists()
        descriptor = acquire_lock(path, wait) if lock else None
        try:
            if lock:
                connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                connection = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=rw",
                    uri=True,
                    isolation_level=None,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                )
            store = cls(path, connection, descriptor)
            store._configure()
            store._migrate()
        except BaseException as exc:
            if new_lock:  # a store that could not be opened leaves no lock file of ours behind
                with contextlib.suppress(OSError):
                    lock_path(path).unlink()  # while still holding it
            release_lock(descriptor)
            if isinstance(exc, sqlite3.DatabaseError):
                raise store_error(str(path), exc, "cannot be opened") from None
            raise
        return store

    def _configure(self) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"claim store {self.path}: cannot switch to WAL mode (got {mode})")
        # WAL + NORMAL: a commit survives a killed process; only power loss may drop the last ones.
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, params)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: takes SQLite's write lock up front."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"claim store {self.path} is busy (another writer): {exc}") from None

    def _table_exists(self, table: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        return row is not None

    @staticmethod
    def schema_statement(statement: str) -> str:
        return statement

    def _release(self) -> None:
        try:
            self._db.close()
        finally:
            release_lock(self._lock)
            self._lock = None

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])
