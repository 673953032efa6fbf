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

With `--engine dask` the same steps run on a Dask cluster (dask_engine.py); the
decisions on the inputs (`Intake`) and the commits (`commit_outcome`) are shared.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TextIO

from claimcheck import __version__
from claimcheck.atomic import write_atomically
from claimcheck.budget import DEFAULT_SECONDS, Budget
from claimcheck.errors import InputError, UsageError
from claimcheck.ingest.files import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    InputFailure,
    InputFile,
    input_files,
    open_regular,
    read_file,
    skipped_note,
    unique_id,
)
from claimcheck.models import SEVERITY_RANK, Article, Report
from claimcheck.nightly.since import SinceLast, markdown_lines, since_last
from claimcheck.nightly.store import Store, StoredArticle, StoredSource, WindowEntry, content_hash
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
            with open_regular(item.file, item.shown) as handle:  # a FIFO must not block the count
                while chunk := handle.read(1 << 20):
                    total += chunk.count(b"\n")
        except (OSError, InputError):
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


class Intake:
    """What a run makes of its inputs, taken one at a time in input order (both engines do):
    which to extract, which the store holds already, which to report as unreadable; and
    what the committed outcomes add up to."""

    def __init__(self, extractor: str, progress: Progress) -> None:
        self.extractor = extractor
        self.progress = progress
        self.stats = NightlyStats()
        self.failures: list[InputFailure] = []
        self.input_hashes: set[str] = set()
        self.seen_ids: set[str] = set()

    def _counted(self) -> None:
        self.stats.read += 1
        self.progress.read = self.stats.read
        self.progress.tick()

    def _known(self) -> None:
        self.stats.known += 1
        self.progress.known = self.stats.known

    def unreadable(self, failure: InputFailure) -> None:
        self._counted()
        self.failures.append(failure)
        self.progress.unreadable += 1

    def html_file(
        self, item: InputFile, key: str, stored: Callable[[str], StoredSource | None]
    ) -> InputFile | None:
        """The HTML file (under its unique id) if it is to be read and extracted; None if stored."""
        self._counted()
        file = replace(item, article_id=unique_id(item.article_id, item.shown, self.seen_ids))
        source = stored(key)
        if source is None or source.extractor != self.extractor:
            return file
        self._known()
        if source.article_hash is not None:
            self.input_hashes.add(source.article_hash)
        else:
            self.failures.append(InputFailure(file.article_id, file.shown, source.reason or ""))
        return None

    def article(
        self, article_id: str, path: str | None, key: str, stored: Callable[[str], tuple[str, str] | None]
    ) -> str | None:
        """The id to extract a read article under; None if it is stored, or met before tonight."""
        self._counted()
        article_id = unique_id(article_id, path, self.seen_ids)
        if key in self.input_hashes:
            self._known()  # the same article twice in tonight's inputs
            return None
        self.input_hashes.add(key)
        status = stored(key)
        if status is not None and status[1] == self.extractor:
            self._known()
            return None
        return article_id

    def committed(self, done: Committed) -> None:
        if done.failure is not None:
            self.failures.append(done.failure)
        if done.article_hash is not None:
            self.input_hashes.add(done.article_hash)
        if done.extracted:
            self.stats.extracted += 1
        else:
            self.stats.failed += 1
        self.progress.extracted, self.progress.failed = self.stats.extracted, self.stats.failed
        self.progress.tick()

    def refresh(self, store: Store, window: tuple[date, date]) -> Iterator[Task]:
        """Window articles stored by an older extractor, to extract again from the stored text."""
        for key, stored_extractor in store.window_hashes(*window):
            if stored_extractor != self.extractor and key not in self.input_hashes:
                self.stats.refreshed += 1
                yield Task(key, article=_fresh_copy(store.load_article(key, with_claims=False).article))

    def finish(self, store: Store, skipped: list[str]) -> None:
        """Report the skipped files, and the inputs whose extraction failed (tonight or before)."""
        self.progress.done()
        if skipped:
            self.progress.say(skipped_note(skipped))
        for key in sorted(self.input_hashes):
            stored_failure = store.failure(key)
            if stored_failure is not None:
                self.failures.append(
                    InputFailure(stored_failure.article_id, stored_failure.path or "", stored_failure.reason)
                )


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
    """Extract and store every input article the store does not hold yet (the local engine).

    Returns the stats, the input failures (unreadable files, and articles whose
    extraction failed now or on an earlier night), and the hashes of the inputs.
    """
    extractor = extractor_fingerprint(options.rules_dir)
    intake = Intake(extractor, progress)
    skipped: list[str] = []

    def tasks() -> Iterator[Task]:
        for item in input_files(paths, manifest, skipped):
            if item.suffix in HTML_SUFFIXES:
                key = file_key(item, options)
                file = intake.html_file(item, key, store.source)
                if file is not None:
                    yield Task(key, file=file)
                continue
            for read in read_file(item):
                if isinstance(read, InputFailure):
                    intake.unreadable(read)
                    continue
                key = content_hash(read, options.published)
                article_id = intake.article(read.id, read.path, key, store.status)
                if article_id is not None:
                    yield Task(key, article=read if article_id == read.id else replace(read, id=article_id))
        yield from intake.refresh(store, window)

    pool = None
    began = time.monotonic()
    try:
        if jobs > 1:
            pool = WorkerPool(jobs, options, budget, store.lock_descriptors)
            outcomes = pool.map(tasks())
        else:
            outcomes = (within_budget(task, options, budget) for task in tasks())
        with store.batch():
            for outcome in outcomes:
                intake.committed(commit_outcome(store, outcome, extractor, report_date))
                store.commit_if_due()  # never between an article and the file it came from
    finally:
        if pool is not None:
            pool.close()
    intake.stats.extract_seconds = time.monotonic() - began
    intake.finish(store, skipped)
    return intake.stats, intake.failures, intake.input_hashes


def file_key(item: InputFile, options: Options) -> str:
    """What makes an input file the same file: its bytes, its manifest metadata, the fallback date."""
    digest = hashlib.sha256()
    try:
        with open_regular(item.file, item.shown) as handle:  # a FIFO must not block the run
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except (OSError, InputError):
        digest.update(b"unreadable:" + item.shown.encode())  # the worker reports why
    extra = [item.suffix, sorted(item.defaults.items()), str(options.published)]
    digest.update(json.dumps(extra, default=str).encode())
    return "file:" + digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Committed:
    """What committing one outcome did, for the run's counts (a distributed run's workers
    commit and the client counts)."""

    article_hash: str | None
    extracted: bool
    failure: InputFailure | None = None
    """An input error to report tonight (not stored: an unreadable file is read again next time)."""


def commit_outcome(store: Store, outcome: Outcome, extractor: str, report_date: date) -> Committed:
    """Store one task's outcome: the article with its claims (or as failed), and the file it came from."""
    task = outcome.task
    if outcome.failure is not None:  # unreadable file: reported tonight, read again next time
        return Committed(None, False, outcome.failure)
    if outcome.article_hash is None or outcome.article is None:  # a file that failed before it was read
        assert task.file is not None
        reason = outcome.reason or "extraction failed"
        store.put_source(task.key, None, extractor, task.file.article_id, task.file.shown, reason)
        return Committed(None, False, InputFailure(task.file.article_id, task.file.shown, reason))
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
    return Committed(outcome.article_hash, outcome.extracted is not None)


def _published_text(entry: WindowEntry) -> str:
    """The publication time as the loaded article's isoformat() writes it ("~" if unknown)."""
    if entry.published is None:
        return "~"
    return entry.published[:-1] + "+00:00" if entry.published.endswith("Z") else entry.published


def select_window(entries: list[WindowEntry], current: set[str]) -> list[tuple[WindowEntry, str]]:
    """The window's articles to report, in a stable order, each with the id to report it under.

    Two stored versions of one article (same id and path: the file changed) keep the
    one in tonight's inputs, else the one first seen latest; two different articles
    that happen to share an id get the content hash appended to the later one's id.
    """
    by_version: dict[tuple[str, str | None], WindowEntry] = {}
    for entry in sorted(entries, key=lambda item: (item.hash in current, item.first_seen, item.hash)):
        by_version[(entry.article_id, entry.path)] = entry  # the preferred one comes last
    kept = sorted(by_version.values(), key=lambda item: (_published_text(item), item.article_id, item.hash))
    seen: set[str] = set()
    selected = []
    for entry in kept:
        article_id = entry.article_id
        if article_id in seen:
            article_id = f"{article_id}~{entry.hash[:8]}"
        seen.add(article_id)
        selected.append((entry, article_id))
    return selected


def load_selected(store: Store, selected: Sequence[tuple[str, str]]) -> list[ArticleResult]:
    """The articles (hash, id to report it under) with their claims, as the pipeline takes them."""
    loaded = store.load_articles([article_hash for article_hash, _article_id in selected])
    return [
        _as_reported(item, article_id) for item, (_hash, article_id) in zip(loaded, selected, strict=True)
    ]


def _as_reported(stored: StoredArticle, article_id: str) -> ArticleResult:
    if article_id == stored.article.id:
        return ArticleResult(stored.article, stored.claims)
    article = replace(stored.article, id=article_id)
    claims = [
        replace(claim, article_id=article_id, id=article_id + claim.id[len(stored.article.id) :])
        for claim in stored.claims
    ]
    return ArticleResult(article, claims)


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
    engine_name = getattr(args, "engine", None) or "local"
    scheduler = getattr(args, "scheduler", None)
    if scheduler and engine_name != "dask":
        raise UsageError("--scheduler is for --engine dask")
    budget = DEFAULT_BUDGET if args.budget is None else args.budget
    document_budget = getattr(args, "document_budget", None) or Budget(budget)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    store_location = args.store or str(out / "claimcheck.sqlite")
    # A window longer than the calendar reaches back to its first day: every stored article.
    window = (report_date - timedelta(days=min(window_days - 1, report_date.toordinal() - 1)), report_date)
    options = Options(rules_dir=args.rules, published=args.published, budget=document_budget)
    rules = load_rules(args.rules)
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(Store.open(store_location, wait=args.wait or 0.0))
        if engine_name == "dask":
            try:
                from claimcheck.nightly.dask_engine import DaskEngine
            except ModuleNotFoundError as exc:
                if exc.name not in ("dask", "distributed"):
                    raise
                raise UsageError("--engine dask needs Dask: pip install 'claimcheck[dask]'") from None
            engine: Engine | None = stack.enter_context(
                DaskEngine.start(scheduler, jobs, store_location, options, budget, sys.stderr, args.quiet)
            )
        else:
            engine = None
        if engine is None:
            progress = Progress(
                sys.stderr,
                None if args.quiet else estimate_articles(args.paths, args.manifest),
                args.quiet,
            )
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
        else:
            stats, failures, input_hashes = engine.extract_new(
                store, args.paths, args.manifest, report_date=report_date, window=window
            )
            progress = engine.progress
        if stats.read == 0:
            sys.stderr.write("claimcheck: no readable input\n")
            return EXIT_CANNOT_RUN
        began = time.monotonic()
        report, since = analyse_window(
            store, report_date, window, input_hashes, failures, options, rules, engine
        )
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


class Engine(Protocol):
    """A distributed engine (dask_engine.DaskEngine): the map and the shuffle on a cluster."""

    progress: Progress

    def extract_new(
        self,
        store: Store,
        paths: list[str],
        manifest: str | None,
        *,
        report_date: date,
        window: tuple[date, date],
    ) -> tuple[NightlyStats, list[InputFailure], set[str]]: ...

    def analyse(
        self, order: list[tuple[str, str]], failures: list[InputFailure], options: Options, rules: RuleSet
    ) -> Report: ...


def analyse_window(
    store: Store,
    report_date: date,
    window: tuple[date, date],
    input_hashes: set[str],
    failures: list[InputFailure],
    options: Options,
    rules: RuleSet,
    engine: Engine | None = None,
) -> tuple[Report, SinceLast]:
    selected = select_window(store.window_entries(*window), input_hashes)
    failures = sorted(failures, key=lambda failure: (failure.path, failure.line or 0, failure.article_id))
    order = [(entry.hash, article_id) for entry, article_id in selected]
    if engine is None:
        report = analyse(load_selected(store, order), failures, options, rules)
    else:
        report = engine.analyse(order, failures, options, rules)
    previous = store.previous_run(report_date)
    fresh = store.first_seen_between(previous.date if previous else None, report_date)
    new_ids = [article_id for entry, article_id in selected if entry.hash in fresh]
    return report, since_last(previous, report, new_ids)
