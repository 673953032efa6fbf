"""`claimcheck report --engine dask`: the night's map and shuffle on a Dask cluster.

Imported only for that engine (dask and distributed are the `claimcheck[dask]` extra).

The map. The client lists the input files (it reads none of them) and cuts jsonl
files into byte ranges; the workers read the pieces (`scan`), hash every article,
and the client decides, in input order, what to extract (`runner.Intake`, as the
local engine does: ids made unique, articles met before or already stored
skipped). The workers extract those (`extract`) and commit them to the store
themselves, each worker over its own connection, so the client never holds the
articles. A task lost with its worker is run again by Dask; storing an article a
second time changes nothing (the store is keyed by content hash), so the report is
the one a clean run writes.

The shuffle. The window's articles are read from the store in chunks on the
workers and linked on one of them (`pipeline.link_stories`: near-duplicates, then
stories; the story clustering weighs terms across the whole window, so the window is
linked as one); its stories are then cut into shares of a few hundred articles,
there, and each share is grouped and checked on whichever worker is free
(`pipeline.report_stories`). The client orders the groups and findings as one
`pipeline.analyse` over the window would, and assembles the report.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TextIO

from distributed import Client, Future, LocalCluster, as_completed

from claimcheck.ingest.files import (
    EMPTY_FILE,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    InputError,
    InputFailure,
    InputFile,
    decode_part,
    decode_text,
    input_files,
    jsonl_records,
    read_file,
    read_part,
    wide_encoding,
)
from claimcheck.models import Article, ClaimGroup, Finding, Report, Story
from claimcheck.nightly.runner import (
    Committed,
    Intake,
    NightlyStats,
    Progress,
    commit_outcome,
    extractor_fingerprint,
    file_key,
    load_selected,
)
from claimcheck.nightly.store import Store, content_hash
from claimcheck.nightly.workers import Outcome, Task, within_budget
from claimcheck.pipeline import ArticleResult, Options, finding_order, link_stories, report_stories
from claimcheck.rules import RuleSet, load_rules

PIECE_BYTES = (64 << 10, 4 << 20)
"""Bounds of the bytes of input in one map task (about eight tasks a worker in between)."""
SHARE_ARTICLES = 400
"""Window articles in one shuffle task (a larger block of linked articles is one task)."""
COMMIT_EVERY = 20
"""Articles a worker extracts, then commits in one transaction."""


# Worker side --------------------------------------------------------------------------------

_connections = threading.local()


def _store(location: str) -> Store:
    """This worker thread's own connection to the store (without the run's lock)."""
    stores: dict[str, Store] = _connections.__dict__.setdefault("stores", {})
    if location not in stores:
        stores[location] = Store.open(location, lock=False)
    return stores[location]


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole input file, or the lines of a jsonl file that begin in bytes [start, end)."""

    item: InputFile
    start: int = 0
    end: int | None = None
    first_line: int = 1


@dataclass(frozen=True, slots=True)
class Survey:
    """What a jsonl range holds before it is read for good: its lines, or why it cannot be read."""

    lines: int
    blank: bool
    problem: str | None
    whole: bool = False
    """The file is in UTF-16 or UTF-32 (its first range says so): it is read as one piece."""


def survey(piece: Piece) -> Survey:
    item = piece.item
    try:
        data = read_part(item.file, item.shown, piece.start, piece.end)
        if piece.start == 0 and wide_encoding(data):
            text = decode_text(read_part(item.file, item.shown, 0, None), item.shown)[0]
            return Survey(len(text.splitlines()), False, None, whole=True)
        text = decode_part(data, item.shown, piece.start)
    except InputError as exc:
        return Survey(0, False, exc.reason)
    return Survey(len(text.splitlines()), not data.strip(), None)


@dataclass(frozen=True, slots=True)
class Entry:
    """One input of a scanned piece: an article read (with its content hash), an HTML file
    to read in the extraction task (with the hash of its bytes), or an input error."""

    key: str | None = None
    article: Article | None = None
    file: InputFile | None = None
    failure: InputFailure | None = None


@dataclass(frozen=True, slots=True)
class Seen:
    """An entry as the client sees it: no text."""

    key: str | None
    article_id: str | None
    path: str | None
    file: InputFile | None
    failure: InputFailure | None


def scan(pieces: list[Piece], options: Options) -> list[Entry]:
    """Read a partition of the input (the articles stay on the worker)."""
    entries = []
    for piece in pieces:
        item = piece.item
        if item.problem is not None:  # a missing path, an unreadable folder: said as read_file says it
            entries.append(Entry(failure=InputFailure(item.article_id, item.shown, item.problem)))
            continue
        if item.suffix in HTML_SUFFIXES:
            entries.append(Entry(key=file_key(item, options), file=item))
            continue
        if piece.end is None:
            reads = read_file(item)
        else:
            data = read_part(item.file, item.shown, piece.start, piece.end)
            lines = decode_part(data, item.shown, piece.start).splitlines()
            reads = jsonl_records(lines, item.article_id, item.shown, item.defaults, piece.first_line)
        for read in reads:
            if isinstance(read, InputFailure):
                entries.append(Entry(failure=read))
            else:
                entries.append(Entry(key=content_hash(read, options.published), article=read))
    return entries


def seen(entries: list[Entry]) -> list[Seen]:
    return [
        Seen(
            entry.key,
            entry.article.id if entry.article else None,
            entry.article.path if entry.article else None,
            entry.file,
            entry.failure,
        )
        for entry in entries
    ]


def to_extract(entries: list[Entry], chosen: list[tuple[int, str]]) -> list[Task]:
    """The tasks of the chosen entries (index, id to extract under)."""
    tasks = []
    for index, new_id in chosen:
        entry = entries[index]
        assert entry.key is not None
        if entry.file is not None:
            tasks.append(Task(entry.key, file=replace(entry.file, article_id=new_id)))
        elif entry.article is not None:
            article = entry.article if entry.article.id == new_id else replace(entry.article, id=new_id)
            tasks.append(Task(entry.key, article=article))
    return tasks


def extract(
    tasks: list[Task], location: str, options: Options, budget: float, extractor: str, report_date: date
) -> list[Committed]:
    """Extract, and commit every COMMIT_EVERY articles in a short transaction (never held while
    extracting: the workers share the store). An article stored already (by an attempt of this
    task on a worker that was lost) is not extracted again."""
    store = _store(location)
    stored = store.statuses(task.key for task in tasks if task.article is not None)
    done: list[Committed] = []
    pending: list[Outcome] = []

    def commit() -> None:
        with store.batch(max_articles=len(pending) + 1, max_seconds=float("inf")):
            done.extend(commit_outcome(store, outcome, extractor, report_date) for outcome in pending)
        pending.clear()

    for task in tasks:
        status = stored.get(task.key)
        if status is not None and status[1] == extractor:
            done.append(Committed(task.key, status[0] == "ok"))
            continue
        pending.append(within_budget(task, options, budget))
        if len(pending) >= COMMIT_EVERY:
            commit()
    commit()
    return done


def load(location: str, order: list[tuple[str, str]]) -> list[ArticleResult]:
    """A chunk of the window's articles (hash, id to report it under), with their claims."""
    return load_selected(_store(location), order)


@dataclass
class Linked:
    """Articles with their duplicates and stories linked: the window, or a share of its stories."""

    results: list[ArticleResult]
    stories: list[Story]


def link(chunks: list[list[ArticleResult]], options: Options) -> Linked:
    results = [result for chunk in chunks for result in chunk]
    linked, stories = link_stories(results, options, load_rules(options.rules_dir))
    return Linked(linked, stories)


def shares(linked: Linked) -> list[Linked]:
    """The stories cut into shares of about SHARE_ARTICLES articles (in story order), each
    with its articles in window order."""
    parts: list[list[Story]] = [[]]
    size = 0
    for story in linked.stories:
        if size >= SHARE_ARTICLES:
            parts.append([])
            size = 0
        parts[-1].append(story)
        size += len(story.article_ids)
    share_of = {
        article_id: number for number, part in enumerate(parts) for s in part for article_id in s.article_ids
    }
    results: list[list[ArticleResult]] = [[] for _ in parts]
    for result in linked.results:
        results[share_of[result.article.id]].append(result)
    return [Linked(chunk, part) for chunk, part in zip(results, parts, strict=True)]


def share(parts: list[Linked], number: int) -> Linked:
    return parts[number]


def report_share(part: Linked, options: Options) -> Report:
    """Groups and findings of a share of the stories."""
    report = report_stories(part.results, part.stories, [], options, load_rules(options.rules_dir))
    # The text stays on the workers: the nightly report does not show it.
    return replace(report, articles=[replace(article, text="", noise=[]) for article in report.articles])


# Client side --------------------------------------------------------------------------------


@dataclass
class DaskEngine:
    client: Client
    location: str
    options: Options
    budget: float
    progress: Progress
    workers: int
    extractor: str = field(init=False)

    def __post_init__(self) -> None:
        self.extractor = extractor_fingerprint(self.options.rules_dir)

    @classmethod
    @contextlib.contextmanager
    def start(
        cls,
        scheduler: str | None,
        workers: int,
        location: str,
        options: Options,
        budget: float,
        stream: TextIO,
        quiet: bool,
    ) -> Iterator[DaskEngine]:
        """Connect to the cluster at `scheduler`, or start a LocalCluster of `workers` processes."""
        progress = Progress(stream, None, quiet)
        with contextlib.ExitStack() as stack:
            if scheduler:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            else:
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address="127.0.0.1:0",
                        host="127.0.0.1",
                    )
                )
                client = stack.enter_context(Client(cluster))
            count = len(client.scheduler_info(n_workers=-1)["workers"]) or 1
            address = client.scheduler.address if client.scheduler else scheduler
            progress.say(f"Dask scheduler {address}, {count} workers; dashboard: {client.dashboard_link}")
            yield cls(client, location, options, budget, progress, count)

    # The map ----------------------------------------------------------------------------

    def extract_new(
        self,
        store: Store,
        paths: list[str],
        manifest: str | None,
        *,
        report_date: date,
        window: tuple[date, date],
    ) -> tuple[NightlyStats, list[InputFailure], set[str]]:
        """Extract and store every input article the store does not hold yet (as runner.extract_new)."""
        client, options = self.client, self.options
        intake = Intake(self.extractor, self.progress)
        skipped: list[str] = []
        began = time.monotonic()
        partitions = self._partitions(list(input_files(paths, manifest, skipped)), intake)
        scans = [client.submit(scan, pieces, options, pure=False) for pieces in partitions]
        views = [client.submit(seen, entries) for entries in scans]
        arguments = (self.location, options, self.budget, self.extractor, report_date)
        running: list[Future] = []
        for entries, view in zip(scans, views, strict=True):  # in input order, as the local engine reads
            chosen = self._choose(intake, store, view.result())
            if chosen:
                running.append(client.submit(extract, client.submit(to_extract, entries, chosen), *arguments))
        refresh = list(intake.refresh(store, window))
        running.extend(
            client.submit(extract, refresh[start : start + SHARE_ARTICLES], *arguments)
            for start in range(0, len(refresh), SHARE_ARTICLES)
        )
        for finished in as_completed(running):
            for done in finished.result():
                intake.committed(done)
        intake.stats.extract_seconds = time.monotonic() - began
        intake.finish(store, skipped)
        return intake.stats, intake.failures, intake.input_hashes

    def _partitions(self, items: list[InputFile], intake: Intake) -> list[list[Piece]]:
        """The input in pieces of a few MB (jsonl files cut into byte ranges), in input order.

        Only sizes are read here; the workers survey each jsonl range (its lines, whether
        it can be read) so that a range knows the number of its first line, and a file
        that cannot be read is reported once, as when it is read whole.
        """
        sizes = [_size(item) for item in items]
        low, high = PIECE_BYTES
        target = max(low, min(high, sum(sizes) // (self.workers * 8)))
        ranges = {
            number: [Piece(item, start, start + target) for start in range(0, max(sizes[number], 1), target)]
            for number, item in enumerate(items)
            if item.suffix in JSONL_SUFFIXES and item.problem is None
        }
        surveys = iter(self.client.gather(self.client.map(survey, [p for r in ranges.values() for p in r])))
        pieces: list[tuple[Piece, int]] = []
        total = 0
        for number, item in enumerate(items):
            if number not in ranges:
                pieces.append((Piece(item), sizes[number]))
                total += 1
                continue
            found = [next(surveys) for _ in ranges[number]]
            if found[0].whole:
                pieces.append((Piece(item), sizes[number]))
                total += found[0].lines
                continue
            problem = (
                EMPTY_FILE
                if all(part.blank for part in found)
                else next((part.problem for part in found if part.problem), None)
            )
            if problem is not None:
                intake.unreadable(InputFailure(item.article_id, item.shown, problem))
                continue
            line = 1
            for piece, part in zip(ranges[number], found, strict=True):
                if part.lines:
                    pieces.append((replace(piece, first_line=line), target))
                line += part.lines
            total += line - 1
        self.progress.total = total + intake.stats.read or None
        partitions: list[list[Piece]] = []
        size = target
        for piece, piece_size in pieces:
            if size >= target:
                partitions.append([])
                size = 0
            partitions[-1].append(piece)
            size += piece_size
        return partitions

    def _choose(self, intake: Intake, store: Store, view: list[Seen]) -> list[tuple[int, str]]:
        """The entries of a scanned partition to extract (index, id), decided by the Intake."""
        statuses = store.statuses(entry.key for entry in view if entry.key and entry.file is None)
        sources = store.sources(entry.key for entry in view if entry.key and entry.file is not None)
        chosen = []
        for index, entry in enumerate(view):
            if entry.failure is not None:
                intake.unreadable(entry.failure)
            elif entry.file is not None and entry.key is not None:
                file = intake.html_file(entry.file, entry.key, sources.get)
                if file is not None:
                    chosen.append((index, file.article_id))
            elif entry.article_id is not None and entry.key is not None:
                article_id = intake.article(entry.article_id, entry.path, entry.key, statuses.get)
                if article_id is not None:
                    chosen.append((index, article_id))
        return chosen

    # The shuffle ------------------------------------------------------------------------

    def analyse(
        self, order: list[tuple[str, str]], failures: list[InputFailure], options: Options, rules: RuleSet
    ) -> Report:
        """`pipeline.analyse` of the window's articles (hash, id), run on the cluster."""
        client = self.client
        base = report_stories([], [], failures, options, rules)  # the input errors' findings
        if not order:
            return base
        chunks = [order[start : start + SHARE_ARTICLES] for start in range(0, len(order), SHARE_ARTICLES)]
        loaded = client.map(load, [self.location] * len(chunks), chunks, pure=False)
        parts = client.submit(shares, client.submit(link, loaded, options))
        count = client.submit(len, parts).result()
        reports = [
            client.submit(report_share, client.submit(share, parts, number), options)
            for number in range(count)
        ]
        return assemble(base, client.gather(reports), [article_id for _hash, article_id in order])


def _size(item: InputFile) -> int:
    try:
        return item.file.stat().st_size
    except OSError:
        return 0  # the reading reports why


def assemble(base: Report, parts: list[Report], order: list[str]) -> Report:
    """One report from the reports of shares of the stories, as one `analyse` would give it:
    articles and claims in window order, stories and groups numbered across the window,
    findings in report order (ties in the order the checks would have found them)."""
    position = {article_id: number for number, article_id in enumerate(order)}
    articles: list[Article | None] = [None] * len(order)
    claims: list[list[Any]] = [[] for _ in order]
    stories: list[Story] = []
    ranked: list[tuple[str, int, int, ClaimGroup]] = []
    for part_number, part in enumerate(parts):
        for article in part.articles:
            articles[position[article.id]] = article
        for claim in part.claims:
            claims[position[claim.article_id]].append(claim)
        stories.extend(part.stories)
        ranked.extend(
            (group.story or "", part_number, index, group) for index, group in enumerate(part.groups)
        )
    ranked.sort(key=lambda entry: entry[:3])
    renamed = {
        (part, group.id): f"g{number}" for number, (_story, part, _index, group) in enumerate(ranked, 1)
    }
    groups = [replace(group, id=renamed[(part, group.id)]) for _story, part, _index, group in ranked]
    group_position = {group.id: number for number, group in enumerate(groups)}
    findings: list[tuple[tuple[Any, ...], Finding]] = [((finding_order(f), -1), f) for f in base.findings]
    for part_number, part in enumerate(parts):
        for finding in part.findings:
            if finding.group_id is not None:
                group_id = renamed[(part_number, finding.group_id)]
                finding = replace(finding, group_id=group_id)
                rank = group_position[group_id]
            else:
                rank = position.get(finding.article_id or "", -1)
            findings.append(((finding_order(finding), rank), finding))
    findings.sort(key=lambda entry: entry[0])
    return Report(
        reference_date=base.reference_date,
        articles=[article for article in articles if article is not None],
        stories=stories,  # the shares come in story order
        claims=[claim for article_claims in claims for claim in article_claims],
        groups=groups,
        findings=[finding for _key, finding in findings],
    )
