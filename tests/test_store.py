"""The claim store: schema and migrations, atomic writes, the writer lock, round trips."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimcheck.models import Article, Claim, ClaimGroup, Finding
from claimcheck.nightly.store import MIGRATIONS, SCHEMA_VERSION, Extracted, Store, StoreError, content_hash

DAY = date(2026, 3, 10)


def article(
    article_id: str = "a.md", text: str = "About 40 soldiers were killed.", **fields: object
) -> Article:
    return Article(id=article_id, path=f"/corpus/{article_id}", text=text, **fields)


def claim(article_id: str = "a.md", start: int = 0, end: int = 8, **fields: object) -> Claim:
    values: dict[str, object] = {"kind": "count", "text": "About 40", "value": 40.0, "base_value": 40.0}
    values.update(fields)
    return Claim(id=f"{article_id}@{start}-{end}", article_id=article_id, start=start, end=end, **values)


def test_new_store_has_the_current_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts() == {"articles": 0, "claims": 0, "runs": 0}
        assert store.integrity() == "ok"
    mode = sqlite3.connect(tmp_path / "s.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_migrates_a_version_1_store_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (1)")
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute(
        "INSERT INTO articles VALUES ('h1', 'a.md', '/a.md', '2026-03-10', '2026-03-10', 'x', 'ok',"
        " NULL, '{\"id\": \"a.md\"}', x'')"
    )
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts()["articles"] == 1
        store.record_run(DAY, 1, 1, 0, [], [])  # the tables of version 2 exist
        assert store.previous_run(DAY + timedelta(days=1)) is not None


def test_refuses_a_store_newer_than_the_code(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 5,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match=rf"{path}.*newer than this claimcheck"):
        Store.open(path)


def test_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database at all, just some text " * 100)
    with pytest.raises(StoreError, match=str(path)):
        Store.open(path)


def test_a_second_writer_fails_naming_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path), pytest.raises(StoreError, match=rf"{path} is in use .*pid \d+"):
        Store.open(path, wait=0.2)
    with Store.open(path) as store:  # released on close
        assert store.integrity() == "ok"


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("calendar date stays a date", date(2026, 3, 9)),
        ("datetime with offset", datetime(2026, 3, 9, 23, 5, tzinfo=timezone(timedelta(hours=-4)))),
        ("undated", None),
    ],
)
def test_article_and_claims_round_trip(tmp_path: Path, name: str, published: object) -> None:
    original = article(
        published=published,
        published_origin="metadata" if published else None,
        body_line=5,
        noise=[(0, 3, "furniture")],
    )
    claims = [claim(sentence_start=0), claim(start=9, end=20, kind="date", timex="2026-03-08", relative=True)]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put_article("h", original, Extracted.of(original, claims), extractor="e1", seen=DAY)
        loaded = store.load_article("h")
    assert loaded.article == original
    assert type(loaded.article.published) is type(published)
    assert loaded.claims == claims
    assert loaded.first_seen == DAY.isoformat()


def test_article_and_claims_are_committed_together(tmp_path: Path) -> None:
    broken = Extracted('{"id": "a.md"}', (("c1", "count", None, 1.0, "{}"), ("c2", None, None, 1.0, "{}")))  # type: ignore[arg-type]
    with Store.open(tmp_path / "s.sqlite") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.put_article("h", article(), broken, extractor="e1", seen=DAY)
        assert store.status("h") is None
        assert store.counts() == {"articles": 0, "claims": 0, "runs": 0}


def test_storing_again_replaces_claims_and_keeps_first_seen(tmp_path: Path) -> None:
    first = article()
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put_article(
            "h", first, Extracted.of(first, [claim(), claim(start=9, end=12)]), extractor="e1", seen=DAY
        )
        later = DAY + timedelta(days=3)
        store.put_article("h", first, Extracted.of(first, [claim()]), extractor="e2", seen=later)
        assert store.status("h") == ("ok", "e2")
        assert store.counts()["claims"] == 1
        assert store.load_article("h").first_seen == DAY.isoformat()
        store.put_article("h", first, None, extractor="e3", seen=later, reason="too slow")
        failure = store.failure("h")
        assert failure is not None and failure.reason == "too slow"
        assert store.counts()["claims"] == 0


@pytest.mark.parametrize(
    ("name", "a", "b", "same"),
    [
        ("re-crawled under another name", article("x.md"), article("y.md"), True),
        ("other source", article(source="Wire"), article(source="Paper"), False),
        ("edited body", article(text="About 40 soldiers."), article(text="About 45 soldiers."), False),
        ("other date", article(published=date(2026, 3, 1)), article(published=date(2026, 3, 2)), False),
    ],
)
def test_content_hash(name: str, a: Article, b: Article, same: bool) -> None:
    assert (content_hash(a) == content_hash(b)) is same


def test_content_hash_counts_the_fallback_date_only_for_undated_articles() -> None:
    dated = article(published=date(2026, 3, 1))
    assert content_hash(dated, date(2026, 3, 5)) == content_hash(dated, date(2026, 3, 6))
    undated = article()
    assert content_hash(undated, date(2026, 3, 5)) != content_hash(undated, date(2026, 3, 6))


def test_window_takes_dated_articles_by_day_and_undated_by_first_seen(tmp_path: Path) -> None:
    rows = {
        "in": (article("in.md", published=date(2026, 3, 9)), DAY),
        "old": (article("old.md", published=date(2026, 3, 1)), DAY),
        "undated-now": (article("u1.md"), DAY),
        "undated-before": (article("u2.md"), DAY - timedelta(days=5)),
    }
    with Store.open(tmp_path / "s.sqlite") as store:
        for key, (item, seen) in rows.items():
            store.put_article(key, item, Extracted.of(item, []), extractor="e", seen=seen)
        store.put_article("failed", article("f.md"), None, extractor="e", seen=DAY, reason="slow")
        keys = {key for key, _ in store.window_hashes(DAY - timedelta(days=1), DAY)}
    assert keys == {"in", "undated-now"}


def test_runs_remember_groups_and_findings(tmp_path: Path) -> None:
    group = ClaimGroup(
        id="g1", label="soldiers killed", claim_ids=["a@0-8"], article_ids=["a"], status="conflict"
    )
    finding = Finding(
        rule="figure-conflict", code="C001", severity="error", article_id="a", message="m", start=3
    )
    with Store.open(tmp_path / "s.sqlite") as store:
        store.record_run(DAY, 1, 1, 1, [group], [finding])
        store.record_run(DAY, 1, 1, 1, [group], [finding])  # a rerun of the night replaces it
        assert store.previous_run(DAY) is None
        previous = store.previous_run(DAY + timedelta(days=1))
    assert previous is not None
    assert previous.date == DAY.isoformat()
    assert previous.groups == [group]
    assert previous.findings == [finding]


def test_a_batch_keeps_each_article_whole(tmp_path: Path) -> None:
    good = article("good.md")
    broken = Extracted('{"id": "bad.md"}', (("c1", None, None, 1.0, "{}"),))  # type: ignore[arg-type]
    with Store.open(tmp_path / "s.sqlite") as store:
        with store.batch(max_articles=100, max_seconds=60):
            store.put_article("good", good, Extracted.of(good, [claim("good.md")]), extractor="e", seen=DAY)
            with pytest.raises(sqlite3.IntegrityError):
                store.put_article("bad", article("bad.md"), broken, extractor="e", seen=DAY)
        assert store.status("good") == ("ok", "e")
        assert store.status("bad") is None
        assert store.counts()["claims"] == 1


def test_a_batch_commits_as_it_goes(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path) as store, store.batch(max_articles=2, max_seconds=60):
        for number in range(5):
            item = article(f"a{number}.md")
            store.put_article(f"h{number}", item, Extracted.of(item, []), extractor="e", seen=DAY)
            store.commit_if_due()
        # Another connection sees what was committed so far: every full batch of two.
        seen = sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0]
        assert seen == 4


def test_claims_read_back_share_memory_but_stay_independent(tmp_path: Path) -> None:
    original = article()
    claims = [claim(sentence="About 40 soldiers."), claim(start=9, end=12, sentence="About 40 soldiers.")]
    with Store.open(tmp_path / "s.sqlite") as store:
        store.put_article("h", original, Extracted.of(original, claims), extractor="e", seen=DAY)
        first, second = store.load_article("h").claims
    assert first.sentence is second.sentence
    changed = replace(first, value=45.0)
    assert (changed.value, first.value, second.value) == (45.0, 40.0, 40.0)
    assert [first, second] == claims
