"""`claimcheck report`: the nightly report over a claim store.

A night runs in three steps:

1. Extraction (the map step): every input article whose content hash is not in
   the store (or was stored by another version of the extractor) goes through
   `pipeline.process_article` in `--jobs` worker processes, each article under a
   time budget; each result is committed to the store with its claims at once.
2. Analysis: the articles of the window (published within the last `--window`
   days up to the report date, or undated and first seen in that window) are
   read back from the store and go through `pipeline.analyse`.
3. Report: `OUT/DATE.md`, `OUT/DATE.json` and `OUT/DATE.html`, written atomically,
   with what changed since the previous report in the store (in the .md and .json).

Nothing in the report comes from the clock or from this run's history (how many
articles it had to extract), so rerunning a night reproduces it byte for byte.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from claimcheck import __version__
from claimcheck.budget import DEFAULT_SECONDS, Budget
from claimcheck.errors import UsageError
from claimcheck.ingest.files import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    InputFailure,
    InputFile,
    input_files,
    read_file,
    skipped_note,
    unique_id,
)
from claimcheck.models import SEVERITY_RANK, Article, Report
from claimcheck.nightly.since import SinceLast, markdown_lines, since_last
from claimcheck.nightly.store import Store, StoredArticle, content_hash
from claimcheck.nightly.workers import Outcome, Task, WorkerPool, within_budget
from claimcheck.pipeline import ArticleResult, Options, analyse
from claimcheck.rules import RuleSet, load_rules
from claimcheck.serialize import to_data

EXIT_CLEAN, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
DEFAULT_BUDGET = DEFAULT_SECONDS
"""Seconds one article may take to extract; a 600-word article takes milliseconds."""


# Progress -------------------------------------------------------------------------------


class Progress:
    """Progress on stderr: a bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, stream: TextIO, total: int | None, quiet: bool) -> None:
        self.stream = stream
        self.total = total
        self.quiet = quiet
        self.terminal = stream.isatty()
        self.read = self.extracted = self.failed = self.known = self.unreadable = 0
        self._began = self._shown = time.monotonic()

    def tick(self, force: bool = False) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        interval = 0.1 if self.terminal else 5.0
        if not force and now - self._shown < interval:
            return
        self._shown = now
        rate = self.extracted / max(now - self._began, 1e-9)
        counts = (
            f"{self.read} read, {self.known} already stored, {self.extracted} extracted"
            f"{f', {self.failed} failed' if self.failed else ''} ({rate:.0f}/s)"
        )
        if self.terminal:
            bar = ""
            if self.total:
                finished = self.known + self.extracted + self.failed + self.unreadable
                share = min(finished / self.total, 1.0)
                filled = int(share * 24)
                bar = f"[{'#' * filled}{'.' * (24 - filled)}] {share:4.0%} "
            self.stream.write(f"\r\x1b[Kclaimcheck: {bar}{counts}")
        else:
            self.stream.write(f"claimcheck: {counts}\n")
        self.stream.flush()

    def done(self) -> None:
        if self.quiet:
            return
        self.tick(force=True)
        if self.terminal:
            self.stream.write("\n")
            self.stream.flush()

    def say(self, message: str) -> None:
        if not self.quiet:
            self.stream.write(f"claimcheck: {message}\n")
            self.stream.flush()


def estimate_articles(paths: list[str], manifest: str | None) -> int | None:
    """How many articles the inputs hold (files, and lines of jsonl files), for the progress bar."""
    total = 0
    for item in input_files(paths, manifest):
        if item.suffix not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with item.file.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    total += chunk.count(b"\n")
        except OSError:
            total += 1
    return total or None


# The run ---------------------------------------------------------------------------------


@dataclass
class NightlyStats:
    """What this run did (stderr and tests only: never part of the report)."""

    read: int = 0
    known: int = 0
    extracted: int = 0
    failed: int = 0
    refreshed: int = 0
    extract_seconds: float = 0.0


def extractor_fingerprint(rules_dir: str | None) -> str:
    """Changes whenever the code or the rules that extract claims change: stored results then expire."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    folders = [package]
    rules = Path(rules_dir) if rules_dir else package.parent / "rules"
    if not rules.is_dir():
        rules = package / "_rules"
    folders.append(rules)
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            if file.suffix in (".py", ".yaml", ".yml") and file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(folder).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _report_date(value: date | datetime | None, today: Callable[[], date]) -> date:
    if value is None:
        return today()
    return value.date() if isinstance(value, datetime) else value


def _fresh_copy(article: Article) -> Article:
    """A stored article as ingestion gave it, for extraction by a newer extractor."""
    updates: dict[str, Any] = {"noise": [], "duplicate_of": None, "story": None}
    if article.published_origin != "metadata":
        updates.update(published=None, published_origin=None)
    return replace(article, **updates)


def extract_new(
    store: Store,
    paths: list[str],
    manifest: str | None,
    options: Options,
    *,
    jobs: int,
    budget: float,
    report_date: date,
    window: tuple[date, date],
    progress: Progress,
) -> tuple[NightlyStats, list[InputFailure], set[str]]:
    """Extract and store every input article the store does not hold yet.

    Returns the stats, the input failures (unreadable files, and articles whose
    extraction failed now or on an earlier night), and the hashes of the inputs.
    """
    stats = NightlyStats()
    extractor = extractor_fingerprint(options.rules_dir)
    failures: list[InputFailure] = []
    input_hashes: set[str] = set()
    skipped: list[str] = []

    def counted() -> None:
        stats.read += 1
        progress.read = stats.read
        progress.tick()

    def known() -> None:
        stats.known += 1
        progress.known = stats.known

    def tasks() -> Iterator[Task]:
        seen_ids: set[str] = set()
        for item in input_files(paths, manifest, skipped):
            if item.suffix in HTML_SUFFIXES:
                counted()
                file = replace(item, article_id=unique_id(item.article_id, item.shown, seen_ids))
                key = file_key(file, options)
                stored_source = store.source(key)
                if stored_source is not None and stored_source.extractor == extractor:
                    known()
                    if stored_source.article_hash is not None:
                        input_hashes.add(stored_source.article_hash)
                    else:
                        failures.append(InputFailure(file.article_id, file.shown, stored_source.reason or ""))
                    continue
                yield Task(key, file=file)
                continue
            for read in read_file(item):
                counted()
                if isinstance(read, InputFailure):
                    failures.append(read)
                    progress.unreadable += 1
                    continue
                article_id = unique_id(read.id, read.path, seen_ids)
                article = read if article_id == read.id else replace(read, id=article_id)
                key = content_hash(article, options.published)
                if key in input_hashes:
                    known()  # the same article twice in tonight's inputs
                    continue
                input_hashes.add(key)
                stored = store.status(key)
                if stored is not None and stored[1] == extractor:
                    known()
                    continue
                yield Task(key, article=article)
        # Window articles stored by an older extractor are extracted again from the stored text.
        for key, stored_extractor in store.window_hashes(*window):
            if stored_extractor != extractor and key not in input_hashes:
                stats.refreshed += 1
                yield Task(key, article=_fresh_copy(store.load_article(key, with_claims=False).article))

    pool = None
    began = time.monotonic()
    try:
        if jobs > 1:
            pool = WorkerPool(jobs, options, budget, store.lock_descriptor)
            outcomes = pool.map(tasks())
        else:
            outcomes = (within_budget(task, options, budget) for task in tasks())
        with store.batch():
            for outcome in outcomes:
                if not store_outcome(store, outcome, extractor, report_date, failures, input_hashes):
                    stats.failed += 1
                else:
                    stats.extracted += 1
                store.commit_if_due()  # never between an article and the file it came from
                progress.extracted, progress.failed = stats.extracted, stats.failed
                progress.tick()
    finally:
        if pool is not None:
            pool.close()
    stats.extract_seconds = time.monotonic() - began
    progress.done()
    if skipped:
        progress.say(skipped_note(skipped))
    for key in sorted(input_hashes):
        stored_failure = store.failure(key)
        if stored_failure is not None:
            failures.append(
                InputFailure(stored_failure.article_id, stored_failure.path or "", stored_failure.reason)
            )
    return stats, failures, input_hashes


def file_key(item: InputFile, options: Options) -> str:
    """What makes an input file the same file: its bytes, its manifest metadata, the fallback date."""
    digest = hashlib.sha256()
    try:
        with item.file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        digest.update(b"unreadable:" + item.shown.encode())  # the worker reports why
    extra = [item.suffix, sorted(item.defaults.items()), str(options.published)]
    digest.update(json.dumps(extra, default=str).encode())
    return "file:" + digest.hexdigest()


def store_outcome(
    store: Store,
    outcome: Outcome,
    extractor: str,
    report_date: date,
    failures: list[InputFailure],
    input_hashes: set[str],
) -> bool:
    """Commit one task's outcome; True if its article was extracted."""
    task = outcome.task
    if outcome.failure is not None:  # unreadable file: reported tonight, read again next time
        failures.append(outcome.failure)
        return False
    if outcome.article_hash is None or outcome.article is None:  # a file that failed before it was read
        assert task.file is not None
        reason = outcome.reason or "extraction failed"
        store.put_source(task.key, None, extractor, task.file.article_id, task.file.shown, reason)
        failures.append(InputFailure(task.file.article_id, task.file.shown, reason))
        return False
    store.put_article(
        outcome.article_hash,
        outcome.article,
        outcome.extracted,
        extractor=extractor,
        seen=report_date,
        reason=outcome.reason,
    )
    if task.file is not None:
        store.put_source(task.key, outcome.article_hash, extractor, task.file.article_id, task.file.shown)
    input_hashes.add(outcome.article_hash)
    return outcome.extracted is not None


def _article_order(stored: StoredArticle) -> tuple[str, str, str]:
    published = stored.article.published
    return (published.isoformat() if published is not None else "~", stored.article.id, stored.hash)


def _renamed(stored: StoredArticle, new_id: str) -> StoredArticle:
    article = replace(stored.article, id=new_id)
    claims = [
        replace(claim, article_id=new_id, id=new_id + claim.id[len(stored.article.id) :])
        for claim in stored.claims
    ]
    return StoredArticle(stored.hash, article, claims, stored.first_seen)


def window_articles(store: Store, window: tuple[date, date], current: set[str]) -> list[StoredArticle]:
    """The stored articles of the window, in a stable order, with unique ids.

    Two stored versions of one article (same id and path: the file changed) keep the
    one in tonight's inputs, else the one first seen latest; two different articles
    that happen to share an id get the content hash appended to the later one's id.
    """
    loaded = [store.load_article(key) for key, _extractor in store.window_hashes(*window)]
    by_version: dict[tuple[str, str | None], StoredArticle] = {}
    for stored in sorted(loaded, key=lambda item: (item.hash in current, item.first_seen, item.hash)):
        by_version[(stored.article.id, stored.article.path)] = stored  # the preferred one comes last
    kept = sorted(by_version.values(), key=_article_order)
    seen: set[str] = set()
    unique = []
    for stored in kept:
        if stored.article.id in seen:
            stored = _renamed(stored, f"{stored.article.id}~{stored.hash[:8]}")
        seen.add(stored.article.id)
        unique.append(stored)
    return unique


def stories_most_severe_first(report: Report) -> Report:
    """The report with its stories ordered by their worst finding, then conflicts, then findings."""
    story_of_article = {article.id: article.story for article in report.articles}
    story_of_group = {group.id: group.story for group in report.groups}
    worst: dict[str | None, int] = {}
    findings: dict[str | None, int] = {}
    for finding in report.findings:
        story = story_of_group.get(finding.group_id or "") or story_of_article.get(finding.article_id or "")
        worst[story] = max(worst.get(story, -1), SEVERITY_RANK[finding.severity])
        findings[story] = findings.get(story, 0) + 1
    conflicts: dict[str | None, int] = {}
    for group in report.groups:
        if group.status == "conflict":
            conflicts[group.story] = conflicts.get(group.story, 0) + 1
    order = sorted(
        report.stories,
        key=lambda story: (
            -worst.get(story.id, -1),
            -conflicts.get(story.id, 0),
            -findings.get(story.id, 0),
            story.label,
            story.id,
        ),
    )
    return replace(report, stories=order)


def render_markdown(report: Report, since: SinceLast, report_date: date, window: tuple[date, date]) -> str:
    """The consistency summary of the window (stories most severe first) with what is new on top."""
    from claimcheck.render import RenderOptions, get_renderer
    from claimcheck.render.markdown import wrap

    first, last = window
    days = (last - first).days + 1
    summary = get_renderer("markdown").render(
        stories_most_severe_first(report), RenderOptions(title=nightly_title(report_date))
    )
    lines = summary.rstrip("\n").split("\n")
    scope = wrap(
        f"**Window:** {first.isoformat()} to {last.isoformat()} ({days} day{'s' if days != 1 else ''}): "
        "articles published in it, and undated articles first seen in it.",
        "- ",
        "  ",
    )
    # After the title and overview list, before the first story.
    cut = next((index for index, line in enumerate(lines) if line.startswith("## ")), len(lines))
    while cut > 0 and not lines[cut - 1]:
        cut -= 1
    head, rest = lines[:cut], lines[cut:]
    while rest and not rest[0]:
        rest = rest[1:]
    return "\n".join([*head, *scope, "", *markdown_lines(since, report), "", *rest]) + "\n"


def nightly_title(report_date: date) -> str:
    return f"claimcheck nightly report: {report_date.isoformat()}"


def render_html(report: Report, report_date: date) -> str:
    """The HTML page of the window's stories, most severe first (as the Markdown orders them)."""
    from claimcheck.render import RenderOptions, get_renderer

    options = RenderOptions(title=nightly_title(report_date))
    return get_renderer("html").render(stories_most_severe_first(report), options)


def render_json(report: Report, since: SinceLast, report_date: date, window: tuple[date, date]) -> bytes:
    """The Report model's JSON (as `check --format json` gives it) plus a `nightly` extension."""
    nightly = {
        "date": report_date.isoformat(),
        "window": {"first": window[0].isoformat(), "last": window[1].isoformat()},
        "since_last": {
            "previous_date": since.previous_date,
            "new_articles": since.new_articles,
            "new_conflicts": [group.id for group in since.new_conflicts],
            "resolved_conflicts": [
                {"previous": to_data(before), "group": now.id} for before, now in since.resolved_conflicts
            ],
            "evolving": [
                {"previous": to_data(before) if before else None, "group": now.id}
                for before, now in since.evolving
            ],
            "new_findings": to_data(since.new_findings),
            "gone_findings": to_data(since.gone_findings),
        },
    }
    data = to_data(report)
    data["nightly"] = nightly
    return (json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def write_atomically(path: Path, content: str | bytes) -> None:
    """Temporary file in the same folder, fsync, rename: readers see the old file or the new one."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a report gets the usual permissions.
        os.fchmod(descriptor, _file_mode(path))
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, or what a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[fail_on]
    return (
        EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else EXIT_CLEAN
    )


def run(args: argparse.Namespace, today: Callable[[], date]) -> int:
    """`claimcheck report`: extract what is new, analyse the window, write the dated report."""
    report_date = _report_date(args.date, today)
    window_days = args.window
    if window_days < 1:
        raise UsageError("--window must be at least 1 day")
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    budget = DEFAULT_BUDGET if args.budget is None else args.budget
    document_budget = getattr(args, "document_budget", None) or Budget(budget)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    store_path = Path(args.store) if args.store else out / "claimcheck.sqlite"
    window = (report_date - timedelta(days=window_days - 1), report_date)
    options = Options(rules_dir=args.rules, published=args.published, budget=document_budget)
    rules = load_rules(args.rules)
    progress = Progress(
        sys.stderr,
        None if args.quiet else estimate_articles(args.paths, args.manifest),
        args.quiet,
    )
    with Store.open(store_path, wait=args.wait or 0.0) as store:
        stats, failures, input_hashes = extract_new(
            store,
            args.paths,
            args.manifest,
            options,
            jobs=jobs,
            budget=budget,
            report_date=report_date,
            window=window,
            progress=progress,
        )
        if stats.read == 0:
            sys.stderr.write("claimcheck: no readable input\n")
            return EXIT_CANNOT_RUN
        began = time.monotonic()
        report, since = analyse_window(store, report_date, window, input_hashes, failures, options, rules)
        stem = report_date.isoformat()
        write_atomically(out / f"{stem}.json", render_json(report, since, report_date, window))
        write_atomically(out / f"{stem}.md", render_markdown(report, since, report_date, window))
        write_atomically(out / f"{stem}.html", render_html(report, report_date))
        store.record_run(
            report_date, window_days, len(report.articles), len(report.claims), report.groups, report.findings
        )
        report_seconds = time.monotonic() - began
    rate = stats.extracted / stats.extract_seconds if stats.extract_seconds > 0 else 0.0
    progress.say(
        f"{stats.extracted} extracted ({rate:.0f}/s, {stats.extract_seconds:.1f} s), "
        f"{stats.known} already stored, {stats.failed} failed"
        f"{f', {stats.refreshed} re-extracted by a newer extractor' if stats.refreshed else ''}; "
        f"{len(report.articles)} articles in the window, reported in {report_seconds:.1f} s: "
        f"{out / stem}.md, .json and .html"
    )
    return _exit_code(report, args.fail_on or "error")


def analyse_window(
    store: Store,
    report_date: date,
    window: tuple[date, date],
    input_hashes: set[str],
    failures: list[InputFailure],
    options: Options,
    rules: RuleSet,
) -> tuple[Report, SinceLast]:
    stored = window_articles(store, window, input_hashes)
    results = [ArticleResult(item.article, item.claims) for item in stored]
    failures = sorted(failures, key=lambda failure: (failure.path, failure.line or 0, failure.article_id))
    report = analyse(results, failures, options, rules)
    previous = store.previous_run(report_date)
    fresh = store.first_seen_between(previous.date if previous else None, report_date)
    new_ids = [item.article.id for item in stored if item.hash in fresh]
    return report, since_last(previous, report, new_ids)
