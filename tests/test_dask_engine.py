"""`claimcheck report --engine dask`: the same report bytes as the local engine, on a real
Dask LocalCluster (worker processes), with the SQLite and the PostgreSQL store; a worker
killed with SIGKILL mid-map changes nothing; nothing Dask or psycopg is imported otherwise."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.nightly import dask_engine, workers
from tests.test_nightly import NIGHT, corpus, read_json, write_article

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent

distributed = pytest.importorskip("distributed", reason="the test extra installs claimcheck[dask]")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real LocalCluster of two worker processes; yields its scheduler address."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as local:
        yield local.scheduler_address


def worker_pids(scheduler: str) -> dict[str, int]:
    with distributed.Client(scheduler) as client:
        return client.run(os.getpid)


def night(paths: list[Path], out: Path, date: object, *extra: str) -> int:
    argv = ["report", *map(str, paths), "--out", str(out), "--date", str(date), "--quiet", "--window", "3"]
    return main([*argv, *extra])


def reports(out: Path, date: object = NIGHT) -> dict[str, bytes]:
    return {kind: (out / f"{date}.{kind}").read_bytes() for kind in ("md", "json", "html")}


def awkward_inputs(folder: Path) -> Path:
    """Articles of every kind the readers take, and inputs that cannot be read."""
    corpus(folder, range(1, 13))  # dated and undated Markdown (undated copies take a date)
    (folder / "copy-of-003.md").write_text((folder / "flood-003.md").read_text(encoding="utf-8"))
    lines = []
    for number in range(40):
        text = f"About {200 + number} homes lost power in Marlow on Monday, the council said."
        record = {"title": f"Storm in Marlow, update {number}", "source": "North Wire", "text": text}
        if number % 3:
            record["id"] = f"storm-{number}"
        if number % 4 == 0:
            record["published"] = (NIGHT - timedelta(days=number % 3)).isoformat()
        if number == 7:
            record["text"] += " Crews worked\u2028through the night."  # a line break inside a JSON string
        lines.append(json.dumps(record, ensure_ascii=False))
        if number == 9:
            lines.append("{not json")
        if number == 20:
            lines.append("")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (folder / "latin1.jsonl").write_bytes(b'{"text": "caf\xe9"}\n')
    (folder / "broken.md").write_bytes(b"caf\xe9 au lait\n")
    # Saved as "Unicode" by a Windows editor: read whole, never cut at byte offsets.
    wide = "".join(
        json.dumps({"id": f"wide-{n}", "text": f"About {40 + n} trees fell in Marlow on Monday."}) + "\n"
        for n in range(30)
    )
    (folder / "wide.jsonl").write_bytes(b"\xff\xfe" + wide.encode("utf-16-le"))
    os.mkfifo(folder / "pipe.md")  # not a regular file: an input-error, and nothing waits for it
    sub = folder / "again"
    sub.mkdir()
    write_article(sub, 5, NIGHT)  # flood-005.md a second time: the later one is named by its path
    (folder / "page.html").write_text(
        "<html><head><title>Bridge closed</title></head><body><article><p>About 12 bridges were "
        "closed in Marlow on Friday, officials said, and 300 drivers were turned back.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut jsonl files into ranges of a few hundred bytes, so one file spans many map tasks."""
    monkeypatch.setattr(dask_engine, "PIECE_BYTES", (300, 600))
    monkeypatch.setattr(dask_engine, "SHARE_ARTICLES", 5)


def test_two_nights_on_dask_write_the_local_engine_bytes(
    tmp_path: Path, cluster: str, store_location: str, small_pieces: None
) -> None:
    folder = awkward_inputs(tmp_path / "crawl")
    local, dask = tmp_path / "local", tmp_path / "dask"
    store = ["--store", store_location]
    for date in (NIGHT - timedelta(days=1), NIGHT):
        if date == NIGHT:
            corpus(folder, range(13, 19), NIGHT)  # the second night brings new articles
        inputs = [folder, folder / "gone.md"]  # a path that does not exist is one input-error
        assert night(inputs, local, date, "--jobs", "2") == 1
        assert night(inputs, dask, date, "--engine", "dask", "--scheduler", cluster, *store) == 1
        assert reports(dask, date) == reports(local, date)
    since = read_json(dask)["nightly"]["since_last"]
    assert since["previous_date"] == (NIGHT - timedelta(days=1)).isoformat()
    assert sorted(since["new_articles"]) == [f"flood-{n:03d}.md" for n in range(13, 19)]
    errors = {f["path"] for f in read_json(dask)["findings"] if f["rule"] == "input-error"}
    assert {
        str(folder / name)
        for name in ("wire.jsonl", "empty.jsonl", "latin1.jsonl", "broken.md", "pipe.md", "gone.md")
    } <= errors
    ids = {article["id"] for article in read_json(dask)["articles"]}
    assert {f"wide-{n}" for n in range(30)} <= ids


def test_a_local_cluster_of_its_own_and_its_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_pieces: None
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 9))
    out, local = tmp_path / "dask", tmp_path / "local"
    argv = ["report", str(folder), "--date", str(NIGHT), "--window", "3", "--jobs", "2"]
    assert main([*argv, "--out", str(out), "--engine", "dask"]) in (0, 1)
    err = capsys.readouterr().err
    assert "claimcheck: Dask scheduler tcp://127.0.0.1:" in err
    assert "2 workers; dashboard: http://127.0.0.1:" in err
    assert "claimcheck: 8 extracted (" in err
    assert main([*argv, "--out", str(local), "--quiet"]) in (0, 1)
    assert reports(out) == reports(local)


def stall_on_marker(article, options):  # type: ignore[no-untyped-def]
    if "STALL" in article.text:
        while True:  # Python-level work that never ends, in a Dask worker's thread
            pass
    return ORIGINAL_EXTRACT(article, options)


ORIGINAL_EXTRACT = workers.extract_one


def _patch_extract(stalling: bool) -> None:
    workers.extract_one = stall_on_marker if stalling else ORIGINAL_EXTRACT


def test_a_pathological_document_on_a_dask_worker_is_stopped_by_the_budget(
    tmp_path: Path, cluster: str
) -> None:
    folder = corpus(tmp_path / "crawl", range(1, 4))
    (folder / "digits.md").write_text("STALL " + "7" * 1000 + "\n", encoding="utf-8")
    with distributed.Client(cluster) as client:
        client.run(_patch_extract, True)
        try:
            began = time.monotonic()
            code = night(
                [folder],
                tmp_path / "out",
                NIGHT,
                "--engine",
                "dask",
                "--scheduler",
                cluster,
                "--budget",
                "0.5",
            )
            assert time.monotonic() - began < 30
        finally:
            client.run(_patch_extract, False)
    assert code == 1
    errors = [f for f in read_json(tmp_path / "out")["findings"] if f["rule"] == "input-error"]
    assert [e["path"] for e in errors] == [str(folder / "digits.md")]
    assert "time budget of 0.5 s" in errors[0]["message"]


def stored_count(location: str) -> int:
    from tests.test_store import raw_sql

    try:
        return int(raw_sql(location, [("SELECT count(*) FROM articles", ())])[0][0])
    except Exception:  # not created yet
        return 0


LAST_DAY = "2026-03-31"  # benchmarks/make_corpus.py's


def test_a_worker_killed_mid_map_changes_nothing(tmp_path: Path, cluster: str, store_location: str) -> None:
    """SIGKILL one worker process once the map has committed part of the night: Dask runs
    its tasks again (the nanny restarts the worker) and the report is the clean run's."""
    folder, total = tmp_path / "crawl", 240
    make = [
        sys.executable,
        str(REPO / "benchmarks" / "make_corpus.py"),
        str(folder),
        "--articles",
        str(total),
    ]
    subprocess.run(
        [*make, "--seeds", str(REPO / "tests" / "corpus"), "--weeks", "1", "--bad-every", "100"], check=True
    )
    args = ["report", str(folder), "--date", LAST_DAY, "--window", "7", "--quiet", "--engine", "dask"]
    killed_out = tmp_path / "killed"
    run = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args, "--scheduler", cluster, "--out", str(killed_out),
         "--store", store_location],
        env={**os.environ, "PYTHONPATH": str(REPO)}, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    victim = sorted(worker_pids(cluster).values())[0]
    deadline = time.monotonic() + 120
    while stored_count(store_location) < 10 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.02)
    at_kill = stored_count(store_location)
    os.kill(victim, signal.SIGKILL)
    _, err = run.communicate(timeout=300)
    assert run.returncode == 1, err
    assert 10 <= at_kill < total, "the worker should be killed part way through the map"
    assert victim not in worker_pids(cluster).values()  # it was killed (and replaced)
    clean_out = tmp_path / "clean"
    assert main([*args[:-2], "--jobs", "2", "--out", str(clean_out)]) == 1
    assert reports(killed_out, LAST_DAY) == reports(clean_out, LAST_DAY)
    assert stored_count(store_location) == total


def test_without_dask_the_engine_says_how_to_get_it(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['distributed'] = None\n"
        "from claimcheck.cli import main\n"
        f"argv = ['report', {str(REPO / 'examples')!r}, '--out', {str(tmp_path)!r}, '--engine', 'dask']\n"
        "sys.exit(main(argv))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 2
    assert "--engine dask needs Dask: pip install 'claimcheck[dask]'" in result.stderr


def test_the_local_engine_imports_neither_dask_nor_psycopg(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        f"argv = ['report', {str(REPO / 'examples')!r}, '--out', {str(tmp_path)!r}, '--quiet']\n"
        "code = main(argv)\n"
        "loaded = sorted({name.split('.')[0] for name in sys.modules} & {'dask', 'distributed', 'psycopg'})\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.stdout.split() in (["0", "[]"], ["1", "[]"]), result.stderr


def test_threads_keep_a_budget_too() -> None:
    from claimcheck.nightly.workers import Task, within_budget
    from claimcheck.pipeline import Options

    outcome: list[object] = []
    article = workers.Article(id="x.md", text="STALL")
    original = workers.extract_one
    workers.extract_one = stall_on_marker
    try:
        thread = threading.Thread(
            target=lambda: outcome.append(within_budget(Task("k", article=article), Options(), 0.2))
        )
        thread.start()
        thread.join(10)
    finally:
        workers.extract_one = original
    assert not thread.is_alive()
    assert "time budget of 0.2 s" in (outcome[0].reason or "")  # type: ignore[attr-defined]


AFTER_A_THREAD_BUDGET = """
import sys, threading
from claimcheck.nightly import workers
from claimcheck.nightly.workers import Task, within_budget
from claimcheck.pipeline import Options
from tests.test_dask_engine import stall_on_marker

workers.extract_one = stall_on_marker
article = workers.Article(id="x.md", text="STALL")
thread = threading.Thread(target=lambda: within_budget(Task("k", article=article), Options(), 0.2))
thread.start()
thread.join(10)

def work():
    return sum(range(1000))

sys.settrace(lambda frame, event, arg: None)  # a traced caller, as coverage or a profiler makes
print(sum(work() for _ in range(100)))
"""


def test_a_thread_stopped_by_its_budget_leaves_the_interpreter_as_it_was() -> None:
    # The budget's exception was raised, then withdrawn with PyThreadState_SetAsyncExc(NULL),
    # which left CPython's "async exception pending" flag set: a traced thread then hung.
    result = subprocess.run(
        [sys.executable, "-c", AFTER_A_THREAD_BUDGET],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(100 * sum(range(1000)))
