"""`claimcheck report`: incremental runs, byte-identical reruns, kill -9, concurrency, budgets."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.models import Article, ClaimGroup, Finding, GroupValue, Report
from claimcheck.nightly import runner as nightly
from claimcheck.nightly import since, workers
from claimcheck.nightly.store import RunRecord, Store

REPO = Path(__file__).resolve().parent.parent
NIGHT = date(2026, 3, 10)

OUTLETS = ("Harbour Gazette", "Valley Courier", "North Wire", "Evening Ledger")
PLACES = ("Marlow", "Kestrel Bay", "Dunmore", "Ashford")


def write_article(folder: Path, number: int, published: date | None) -> Path:
    """A small article of my own, with counts, hedges and weekdays, dated `published`."""
    place = PLACES[number % len(PLACES)]
    lines = [
        "---",
        f"title: Flooding in {place}, report {number}",
        f"source: {OUTLETS[number % len(OUTLETS)]}",
        *([f"published: {published.isoformat()}"] if published else []),
        "---",
        f"About {30 + number} homes in {place} were flooded on Tuesday, the council said yesterday.",
        f"Some {1200 + 10 * number} residents left, and {number % 5 + 2} shelters opened.",
        f"Repairs will take {number % 7 + 3} weeks, officials said on Friday.",
    ]
    path = folder / f"flood-{number:03d}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def corpus(folder: Path, numbers: range, night: date = NIGHT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        write_article(folder, number, night - timedelta(days=number % 3) if number % 4 else None)
    return folder


def report(paths: list[Path], out: Path, night: date = NIGHT, *extra: str) -> int:
    argv = ["report", *map(str, paths), "--out", str(out), "--date", night.isoformat(), "--quiet"]
    return main([*argv, "--window", "3", *extra])


def read_json(out: Path, night: date = NIGHT) -> dict:
    return json.loads((out / f"{night.isoformat()}.json").read_text(encoding="utf-8"))


def continues(finding: dict, earlier: list[dict]) -> bool:
    """Reported before: the same rule and a shared claim (or, without claims, the same article)."""
    for other in earlier:
        if other["rule"] != finding["rule"]:
            continue
        if finding["claim_ids"] and set(finding["claim_ids"]) & set(other["claim_ids"]):
            return True
        if (
            not finding["claim_ids"]
            and not other["claim_ids"]
            and other["article_id"] == finding["article_id"]
        ):
            return True
    return False


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles extracted in-process (jobs=1)."""
    seen: list[str] = []
    original = workers.extract_one

    def counting(article, options):  # type: ignore[no-untyped-def]
        seen.append(article.id)
        return original(article, options)

    monkeypatch.setattr(workers, "extract_one", counting)
    return seen


def test_two_nights_over_a_growing_corpus(tmp_path: Path, counted: list[str], store_location: str) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 7))
    out = tmp_path / "reports"
    store = ("--store", store_location)
    assert report([folder], out, NIGHT, "--jobs", "1", *store) in (0, 1)
    assert sorted(counted) == [f"flood-{n:03d}.md" for n in range(1, 7)]
    first = read_json(out)
    assert first["nightly"]["since_last"]["previous_date"] is None

    counted.clear()
    next_night = NIGHT + timedelta(days=1)
    corpus(folder, range(7, 10), next_night)
    (folder / "broken.md").write_bytes(b"caf\xe9 au lait\n")  # not UTF-8: an input-error finding
    assert report([folder], out, next_night, "--jobs", "1", *store) == 1
    assert sorted(counted) == ["flood-007.md", "flood-008.md", "flood-009.md"]  # only the new ones
    second = read_json(out, next_night)
    changes = second["nightly"]["since_last"]
    assert changes["previous_date"] == NIGHT.isoformat()
    assert changes["new_articles"] == [
        a["id"] for a in second["articles"] if a["id"] in {"flood-007.md", "flood-008.md", "flood-009.md"}
    ]
    assert sorted(changes["new_articles"]) == ["flood-007.md", "flood-008.md", "flood-009.md"]
    new = {(f["rule"], f["article_id"], tuple(sorted(f["claim_ids"]))) for f in changes["new_findings"]}
    expected = [f for f in second["findings"] if not continues(f, first["findings"])]
    assert new == {(f["rule"], f["article_id"], tuple(sorted(f["claim_ids"]))) for f in expected}
    assert ("input-error", "broken.md", ()) in new
    markdown = (out / f"{next_night.isoformat()}.md").read_text(encoding="utf-8")
    assert f"## New since the last report ({NIGHT.isoformat()})" in markdown
    assert "### New articles (3)" in markdown
    assert "- flood-009.md: Flooding in" in markdown
    assert "broken.md" in markdown
    page = (out / f"{next_night.isoformat()}.html").read_text(encoding="utf-8")
    assert f"<title>claimcheck nightly report: {next_night.isoformat()}</title>" in page
    assert "broken.md" in page


def test_an_unchanged_rerun_rewrites_the_same_bytes(
    tmp_path: Path, counted: list[str], store_location: str
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 9))
    out = tmp_path / "reports"
    store = ("--store", store_location)
    report([folder], out, NIGHT - timedelta(days=1), "--jobs", "1", *store)
    report([folder], out, NIGHT, "--jobs", "1", *store)
    before = {name: (out / f"{NIGHT}.{name}").read_bytes() for name in ("md", "json", "html")}
    counted.clear()
    report([folder], out, NIGHT, "--jobs", "1", *store)
    assert counted == []
    assert {name: (out / f"{NIGHT}.{name}").read_bytes() for name in ("md", "json", "html")} == before
    # Two workers, another store: the same report (nothing depends on completion order).
    other = tmp_path / "other"
    report([folder], other, NIGHT - timedelta(days=1), "--jobs", "2")
    report([folder], other, NIGHT, "--jobs", "2")
    assert {name: (other / f"{NIGHT}.{name}").read_bytes() for name in ("md", "json", "html")} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_two_nights_on_postgres_report_what_two_nights_on_sqlite_report(
    tmp_path: Path, postgres: object
) -> None:
    """The same "new since the last report" (and every other byte) from either store."""
    folder = corpus(tmp_path / "crawl", range(1, 7))
    database = postgres.new_database()  # type: ignore[attr-defined]
    outs = {"sqlite": tmp_path / "sqlite", "postgres": tmp_path / "postgres"}
    for night in (NIGHT - timedelta(days=1), NIGHT):
        if night == NIGHT:
            corpus(folder, range(7, 11), NIGHT)
            (folder / "flood-002.md").unlink()
        assert report([folder], outs["sqlite"], night, "--jobs", "2") == 1
        assert report([folder], outs["postgres"], night, "--jobs", "2", "--store", database) == 1
        for kind in ("md", "json"):
            assert (outs["postgres"] / f"{night}.{kind}").read_bytes() == (
                outs["sqlite"] / f"{night}.{kind}"
            ).read_bytes()
    since = read_json(outs["postgres"])["nightly"]["since_last"]
    assert sorted(since["new_articles"]) == [f"flood-{n:03d}.md" for n in range(7, 11)]
    assert since["previous_date"] == (NIGHT - timedelta(days=1)).isoformat()


def test_window_keeps_older_articles_out_of_the_report(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 4))
    write_article(folder, 50, NIGHT - timedelta(days=30))
    out = tmp_path / "reports"
    report([folder], out, NIGHT, "--jobs", "1")
    ids = {a["id"] for a in read_json(out)["articles"]}
    assert ids == {"flood-001.md", "flood-002.md", "flood-003.md"}
    with Store.open(out / "claimcheck.sqlite") as store:
        assert store.counts()["articles"] == 4  # stored, just not in this window


SLOW_RUN = """
import sys, time
from claimcheck.nightly import workers
original = workers.extract_one
def slow(article, options):
    time.sleep(0.03)
    return original(article, options)
workers.extract_one = slow
from claimcheck.cli import main
sys.exit(main(sys.argv[1:]))
"""


def processes_naming(text: str) -> list[int]:
    """Live processes whose command line holds `text` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if text.encode() in command and state != "Z":
            found.append(int(entry.name))
    return found


def slow_run(args: list[str], **kwargs: object) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-c", SLOW_RUN, *args], env=env, stderr=subprocess.PIPE, text=True, **kwargs
    )


def stored_articles(location: str | Path) -> int:
    from tests.test_store import raw_sql

    if not str(location).startswith("postgresql://") and not Path(location).exists():
        return 0
    try:
        return int(raw_sql(str(location), [("SELECT count(*) FROM articles", ())])[0][0])
    except Exception:  # not created yet, or busy
        return 0


@pytest.mark.slow
def test_a_run_killed_midway_then_rerun_gives_the_uninterrupted_report(
    tmp_path: Path, store_location: str
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 101))
    args = [str(folder), "--date", NIGHT.isoformat(), "--window", "3", "--quiet", "--store", store_location]
    args += ["--jobs", "2"]
    killed_out = tmp_path / "killed"
    process = slow_run(["report", *args, "--out", str(killed_out)])
    store_path = store_location
    deadline = time.monotonic() + 20
    while stored_articles(store_path) < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    committed = stored_articles(store_path)
    assert 10 <= committed < 100, "the run should be killed part way"
    assert not (killed_out / f"{NIGHT}.json").exists()
    # Its worker processes see their pipe close and exit: none is left waiting for a task.
    deadline = time.monotonic() + 15
    while processes_naming(str(killed_out)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_naming(str(killed_out)) == []

    rerun = subprocess.run(
        [sys.executable, "-m", "claimcheck", "report", *args[:-1], "1", "--out", str(killed_out)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert rerun.returncode in (0, 1), rerun.stderr
    clean_out = tmp_path / "clean"
    report([folder], clean_out, NIGHT, "--jobs", "1")
    for name in ("md", "json"):
        assert (killed_out / f"{NIGHT}.{name}").read_bytes() == (clean_out / f"{NIGHT}.{name}").read_bytes()
    with Store.open(store_path) as store:
        assert store.integrity() == "ok"
        assert store.counts()["articles"] == 100


@pytest.mark.slow
def test_two_runs_at_once_never_corrupt_the_store(tmp_path: Path, store_location: str) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 81))
    out = tmp_path / "reports"
    base = ["report", str(folder), "--out", str(out), "--date", NIGHT.isoformat(), "--window", "3"]
    base += ["--store", store_location]
    first = slow_run([*base, "--jobs", "1"])
    while stored_articles(store_location) < 1:
        time.sleep(0.02)
    refused = slow_run([*base, "--jobs", "1"])
    waiting = slow_run([*base, "--jobs", "1", "--wait", "30"])
    _, refused_err = refused.communicate(timeout=30)
    assert refused.returncode == 2
    assert re.search(r"claim store \S+ is in use by another claimcheck run \(pid \d+\)", refused_err)
    _, first_err = first.communicate(timeout=30)
    _, waiting_err = waiting.communicate(timeout=30)
    assert first.returncode in (0, 1), first_err
    assert waiting.returncode in (0, 1), waiting_err
    assert re.search(
        r"0 extracted \(.*\), 80 already stored", waiting_err
    )  # it waited, then found everything done
    with Store.open(store_location) as store:
        assert store.integrity() == "ok"
        assert store.counts()["articles"] == 80
    clean = tmp_path / "clean"
    report([folder], clean, NIGHT, "--jobs", "1")
    assert (out / f"{NIGHT}.json").read_bytes() == (clean / f"{NIGHT}.json").read_bytes()


def stall_on_marker(article, options):  # type: ignore[no-untyped-def]
    if "STALL" in article.text:
        while True:  # a pathological document: Python-level work that never ends
            pass
    return ORIGINAL_EXTRACT(article, options)


def stall_ignoring_alarms(article, options):  # type: ignore[no-untyped-def]
    if "STALL" in article.text:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(30)
    return ORIGINAL_EXTRACT(article, options)


ORIGINAL_EXTRACT = workers.extract_one


@pytest.mark.parametrize(
    ("name", "stall", "jobs"),
    [
        ("in-process alarm", stall_on_marker, "1"),
        ("worker alarm", stall_on_marker, "2"),
        ("worker killed when it ignores the alarm", stall_ignoring_alarms, "2"),
    ],
)
def test_a_pathological_document_becomes_an_error_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, stall: object, jobs: str
) -> None:
    monkeypatch.setattr(workers, "extract_one", stall)
    monkeypatch.setattr(workers, "KILL_GRACE", 0.3)
    folder = corpus(tmp_path / "crawl", range(1, 5))
    (folder / "digits.md").write_text("STALL " + "7" * 200_000 + "\n", encoding="utf-8")
    out = tmp_path / "reports"
    began = time.monotonic()
    assert report([folder], out, NIGHT, "--jobs", jobs, "--budget", "0.5") == 1
    assert time.monotonic() - began < 10
    data = read_json(out)
    errors = [f for f in data["findings"] if f["rule"] == "input-error"]
    assert len(errors) == 1
    assert errors[0]["path"].endswith("digits.md")
    assert "time budget of 0.5 s" in errors[0]["message"]
    assert len(data["articles"]) == 4
    # The next night does not spend the budget again, and still reports the file.
    monkeypatch.setattr(workers, "extract_one", ORIGINAL_EXTRACT)
    assert report([folder], out, NIGHT, "--jobs", jobs) == 1
    assert [f["path"] for f in read_json(out)["findings"] if f["rule"] == "input-error"] == [
        errors[0]["path"]
    ]


def test_no_readable_input_cannot_run(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert report([tmp_path / "empty"], tmp_path / "out", NIGHT) == 2
    assert not (tmp_path / "out" / f"{NIGHT}.md").exists()


def test_date_defaults_to_the_today_callable(tmp_path: Path) -> None:
    from claimcheck.cli import build_parser

    folder = corpus(tmp_path / "crawl", range(1, 3))
    args = build_parser().parse_args(["report", str(folder), "--out", str(tmp_path / "out"), "--quiet"])
    nightly.run(args, today=lambda: NIGHT)
    assert (tmp_path / "out" / f"{NIGHT}.md").exists()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("name", "stream", "quiet", "expected"),
    [
        (
            "terminal gets a bar",
            FakeTerminal(),
            False,
            "\r\x1b[Kclaimcheck: [#########...............]  40% ",
        ),
        ("pipe gets plain lines", io.StringIO(), False, "claimcheck: 5 read, 1 already stored, 3 extracted"),
        ("quiet says nothing", io.StringIO(), True, ""),
    ],
)
def test_progress(name: str, stream: io.StringIO, quiet: bool, expected: str) -> None:
    progress = nightly.Progress(stream, 10, quiet)
    progress.read, progress.known, progress.extracted = 5, 1, 3
    progress.tick(force=True)
    if expected:
        assert stream.getvalue().startswith(expected)
    else:
        assert stream.getvalue() == ""


def group(gid: str, status: str, claim_ids: list[str], values: list[float] = ()) -> ClaimGroup:  # type: ignore[assignment]
    return ClaimGroup(
        id=gid,
        label=f"label {gid}",
        claim_ids=claim_ids,
        article_ids=sorted({c.split("@")[0] for c in claim_ids}),
        status=status,  # type: ignore[arg-type]
        values=[GroupValue(value=v, claim_ids=[], article_ids=[], independent_sources=1) for v in values],
    )


def finding(rule: str, article_id: str, claim_ids: list[str]) -> Finding:
    return Finding(
        rule=rule, code="X", severity="warning", article_id=article_id, claim_ids=claim_ids, message="m"
    )


@pytest.mark.parametrize(
    ("name", "before", "now", "expected"),
    [
        ("unchanged conflict is not new", [group("g1", "conflict", ["a@1-2", "b@1-2"])],
         [group("g7", "conflict", ["a@1-2", "b@1-2", "c@1-2"])], (0, 0, 0)),
        ("a consistent group turns into a conflict", [group("g1", "consistent", ["a@1-2", "b@1-2"])],
         [group("g1", "conflict", ["a@1-2", "b@1-2", "c@1-2"])], (1, 0, 0)),
        ("a brand-new conflict", [], [group("g1", "conflict", ["c@1-2", "d@1-2"])], (1, 0, 0)),
        ("later reporting resolves a conflict", [group("g1", "conflict", ["a@1-2", "b@1-2"])],
         [group("g2", "evolving", ["a@1-2", "b@1-2", "c@1-2"], [40, 45])], (0, 1, 1)),
        ("an evolving figure moves", [group("g1", "evolving", ["a@1-2"], [40, 45])],
         [group("g1", "evolving", ["a@1-2", "c@1-2"], [40, 45, 52])], (0, 0, 1)),
        ("an evolving figure that did not move", [group("g1", "evolving", ["a@1-2"], [40, 45])],
         [group("g1", "evolving", ["a@1-2"], [40, 45])], (0, 0, 0)),
    ],
)  # fmt: skip
def test_since_last_groups(name: str, before: list, now: list, expected: tuple[int, int, int]) -> None:
    previous = RunRecord("2026-03-09", before, [])
    changes = since.since_last(previous, Report(groups=now), [])
    assert (len(changes.new_conflicts), len(changes.resolved_conflicts), len(changes.evolving)) == expected


def test_since_last_findings() -> None:
    kept, gone, new = finding("r", "a", ["a@1-2"]), finding("r", "a", ["a@5-6"]), finding("r", "b", [])
    grown_before = finding("conflict", "a", ["a@9-9", "b@9-9"])
    grown_now = finding("conflict", "a", ["a@9-9", "b@9-9", "c@9-9"])  # the same conflict, one more source
    elsewhere = finding("r", "z", ["z@1-2"])  # its article left the window: not "no longer reported"
    unreadable = finding("input-error", "x.md", [])
    now = Report(findings=[kept, new, grown_now, unreadable], articles=[Article(id="a"), Article(id="b")])
    previous = RunRecord("2026-03-09", [], [kept, gone, elsewhere, grown_before, unreadable])
    changes = since.since_last(previous, now, ["b"])
    assert changes.new_findings == [new]
    assert changes.gone_findings == [gone]
    assert changes.new_articles == ["b"]


def test_json_report_is_the_report_model_plus_the_nightly_extension(tmp_path: Path) -> None:
    from claimcheck.pipeline import Options
    from claimcheck.render import get_renderer
    from claimcheck.rules import load_rules

    folder = corpus(tmp_path / "crawl", range(1, 6))
    out = tmp_path / "reports"
    report([folder], out, NIGHT, "--jobs", "1")
    data = read_json(out)
    assert next(iter(data)) == "version"
    nightly_part = data.pop("nightly")
    assert nightly_part["date"] == NIGHT.isoformat()
    assert nightly_part["window"] == {"first": "2026-03-08", "last": "2026-03-10"}
    window = (NIGHT - timedelta(days=2), NIGHT)
    with Store.open(out / "claimcheck.sqlite") as store:
        hashes = {key for key, _ in store.window_hashes(*window)}
        again, _since = nightly.analyse_window(store, NIGHT, window, hashes, [], Options(), load_rules(None))
    assert data == json.loads(get_renderer("json").render(again))


def test_markdown_escapes_article_text_in_the_new_section(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 3))
    out = tmp_path / "reports"
    report([folder], out, NIGHT - timedelta(days=1), "--jobs", "1")
    (folder / "zz.md").write_text(
        f"---\ntitle: '[click](http://evil.example) <b>now</b>'\npublished: {NIGHT}\n---\n"
        "About 12 homes were flooded.\n",
        encoding="utf-8",
    )
    report([folder], out, NIGHT, "--jobs", "1")
    markdown = (out / f"{NIGHT}.md").read_text(encoding="utf-8")
    assert "- zz.md: \\[click\\](http\\://evil.example) \\<b\\>now\\</b\\>" in markdown
    assert "<b>" not in markdown


def test_stories_are_ordered_most_severe_first() -> None:
    from claimcheck.models import Story

    stories = [Story(id=sid, label=f"story {sid}", article_ids=[sid]) for sid in ("s1", "s2", "s3", "s4")]
    articles = [Article(id=sid, story=sid) for sid in ("s1", "s2", "s3", "s4")]
    findings = [
        Finding(rule="r", code="X", severity="warning", article_id="s2", message="m"),
        Finding(rule="r", code="X", severity="error", article_id="s3", message="m"),
        Finding(rule="r", code="X", severity="warning", article_id="s4", message="m"),
        Finding(rule="r", code="X", severity="warning", article_id="s4", message="m"),
    ]
    ordered = nightly.stories_most_severe_first(Report(stories=stories, articles=articles, findings=findings))
    assert [story.id for story in ordered.stories] == ["s3", "s4", "s2", "s1"]


def test_an_edited_article_replaces_its_earlier_version(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 3))
    out = tmp_path / "reports"
    report([folder], out, NIGHT - timedelta(days=1), "--jobs", "1")
    path = folder / "flood-001.md"
    path.write_text(path.read_text(encoding="utf-8").replace("shelters opened", "shelters were opened"))
    report([folder], out, NIGHT, "--jobs", "1")
    data = read_json(out)
    assert sorted(a["id"] for a in data["articles"]) == ["flood-001.md", "flood-002.md"]
    sentences = {c["sentence"] for c in data["claims"] if c["article_id"] == "flood-001.md"}
    assert any("shelters were opened" in sentence for sentence in sentences)
    assert not any("shelters opened" in sentence for sentence in sentences)


def test_two_articles_sharing_an_id_both_stay_in_the_window(tmp_path: Path) -> None:
    first = corpus(tmp_path / "night1", range(1, 2))
    second = tmp_path / "night2"
    second.mkdir()
    write_article(second, 1, NIGHT)  # the same file name, another article (another date)
    out = tmp_path / "reports"
    report([first], out, NIGHT - timedelta(days=1), "--jobs", "1")
    report([second], out, NIGHT, "--jobs", "1")
    data = read_json(out)
    ids = sorted(a["id"] for a in data["articles"])
    assert ids[0] == "flood-001.md"
    assert re.fullmatch(r"flood-001\.md~[0-9a-f]{8}", ids[1])
    for claim in data["claims"]:
        assert claim["id"].startswith(claim["article_id"] + "@")


def fake_html_reader(calls: list[str]):  # type: ignore[no-untyped-def]
    """A stand-in for the HTML reader: tags stripped, the reading process's pid in the title."""
    from claimcheck.ingest.files import build_article

    original = workers.read_file

    def read(item):  # type: ignore[no-untyped-def]
        if item.suffix != ".html":
            yield from original(item)
            return
        calls.append(item.shown)
        html = item.file.read_text(encoding="utf-8")
        if "STALL" in html:
            while True:
                pass
        body = re.sub(r"<[^>]+>", "", html).strip()
        metadata = {"title": f"read by {os.getpid()}", "published": NIGHT.isoformat()}
        yield build_article(item.article_id, item.shown, body, metadata)

    return read


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_html_pages_are_read_in_the_workers_and_not_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(workers, "read_file", fake_html_reader(calls))
    folder = corpus(tmp_path / "crawl", range(1, 3))
    for number in range(3):
        (folder / f"page-{number}.html").write_text(
            f"<html><body><p>About {10 + number} bridges were closed on Friday.</p></body></html>",
            encoding="utf-8",
        )
    (folder / "slow.html").write_text("<p>STALL</p>", encoding="utf-8")
    out = tmp_path / "reports"
    assert report([folder], out, NIGHT, "--jobs", jobs, "--budget", "0.3") == 1
    data = read_json(out)
    pages = [a for a in data["articles"] if a["id"].startswith("page-")]
    assert sorted(a["id"] for a in pages) == ["page-0.html", "page-1.html", "page-2.html"]
    readers = {a["title"] for a in pages}
    if jobs == "2":
        assert f"read by {os.getpid()}" not in readers
    else:
        assert readers == {f"read by {os.getpid()}"}
    errors = [f for f in data["findings"] if f["rule"] == "input-error"]
    assert [f["path"] for f in errors] == [str(folder / "slow.html")]
    if jobs == "1":  # the reader ran here, so its calls can be counted: the rerun reads nothing
        calls.clear()
        before = (out / f"{NIGHT}.json").read_bytes()
        assert report([folder], out, NIGHT, "--jobs", jobs, "--budget", "0.3") == 1
        assert calls == []
        assert (out / f"{NIGHT}.json").read_bytes() == before


def test_quiet_run_with_its_own_store_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 4))
    store_path = tmp_path / "elsewhere" / "claims.db"
    store_path.parent.mkdir()
    assert report([folder], tmp_path / "out", NIGHT, "--jobs", "1", "--store", str(store_path)) in (0, 1)
    assert capsys.readouterr().err == ""
    assert store_path.exists()
    assert not (tmp_path / "out" / "claimcheck.sqlite").exists()


def test_a_store_from_a_newer_claimcheck_cannot_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 3))
    out = tmp_path / "out"
    out.mkdir()
    db = sqlite3.connect(out / "claimcheck.sqlite")
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (999)")
    db.commit()
    db.close()
    assert report([folder], out, NIGHT) == 2
    assert "newer than this claimcheck understands" in capsys.readouterr().err
    assert not (out / f"{NIGHT}.md").exists()


def test_progress_lines_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 4))
    main(["report", str(folder), "--out", str(tmp_path / "out"), "--date", str(NIGHT), "--jobs", "1"])
    err = capsys.readouterr().err
    assert "\r" not in err
    assert re.search(r"^claimcheck: 3 read, 0 already stored, 3 extracted", err, re.M)
    assert re.search(r"^claimcheck: 3 extracted \(\d+/s, [\d.]+ s\), 0 already stored, 0 failed;", err, re.M)


def test_a_real_pathological_document_is_stopped_by_the_budget(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 3))
    # One 600 KB line of 100,000 figures: seconds of work, far beyond a 0.3 s budget.
    (folder / "figures.txt").write_text("Figures\n" + "1,234 " * 100_000 + "\n", encoding="utf-8")
    out = tmp_path / "reports"
    began = time.monotonic()
    assert report([folder], out, NIGHT, "--jobs", "2", "--budget", "0.3") == 1
    assert time.monotonic() - began < 8
    errors = [f for f in read_json(out)["findings"] if f["rule"] == "input-error"]
    assert [f["article_id"] for f in errors] == ["figures.txt"]
    assert "time budget of 0.3 s" in errors[0]["message"]


FLOOD_WORDING = {
    "a.md": "At least {killed} people were killed when floods swept through Marlow on Sunday, the "
    "regional council said. Emergency crews moved about 1,200 residents out of the riverside district.",
    "b.md": "The regional council said {killed} people died in Sunday's floods in Marlow, where rescue "
    "teams spent the night searching collapsed houses along the river.",
    "c.md": "Floods that hit Marlow on Sunday killed {killed} people, according to the regional "
    "council; the old town near the harbour was hit hardest.",
}


def flood_report(folder: Path, name: str, source: str, published: str, killed: str) -> None:
    """One outlet's own account of the same floods (not a copy of another's)."""
    body = FLOOD_WORDING[name].format(killed=killed)
    (folder / name).write_text(
        f'---\ntitle: "Floods in Marlow"\nsource: {source}\npublished: {published}\n---\n{body}\n',
        encoding="utf-8",
    )


def test_a_conflict_that_appears_overnight_is_listed_as_new(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    flood_report(folder, "a.md", "Harbour Gazette", "2026-03-09T08:00", "40")
    flood_report(folder, "b.md", "Valley Courier", "2026-03-09T09:00", "40")
    out = tmp_path / "reports"
    report([folder], out, NIGHT - timedelta(days=1), "--jobs", "1")
    first = read_json(out, NIGHT - timedelta(days=1))
    if not first["groups"]:
        pytest.skip("this build's grouping makes no claim groups")
    assert not any(group["status"] == "conflict" for group in first["groups"])
    flood_report(folder, "c.md", "North Wire", "2026-03-09T10:00", "25")
    report([folder], out, NIGHT, "--jobs", "1")
    second = read_json(out)
    conflicts = {group["id"]: group for group in second["groups"] if group["status"] == "conflict"}
    new = second["nightly"]["since_last"]["new_conflicts"]
    assert new and set(new) == set(conflicts)
    assert any(
        claim_id.startswith("c.md@") for group_id in new for claim_id in conflicts[group_id]["claim_ids"]
    )
    markdown = (out / f"{NIGHT}.md").read_text(encoding="utf-8")
    section = markdown[markdown.index("### New conflicts") : markdown.index("### Conflicts resolved")]
    assert "“25”" in section


def test_reports_get_the_usual_file_permissions(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 3))
    out = tmp_path / "reports"
    previous = os.umask(0o022)
    try:
        report([folder], out, NIGHT, "--jobs", "1")
    finally:
        os.umask(previous)
    assert (out / f"{NIGHT}.md").stat().st_mode & 0o777 == 0o644
    (out / f"{NIGHT}.json").chmod(0o640)
    report([folder], out, NIGHT, "--jobs", "1")
    assert (out / f"{NIGHT}.json").stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
