"""Extraction workers: the map step in worker processes, each document under a time budget.

A task is an article the parent has read (text, Markdown, jsonl) or an HTML file
to read first (reading HTML is slow enough to belong in the workers too). The
budget is a SIGALRM timer inside the worker (the regex engine and Python code
both check for signals, so a pathological document is stopped where it is);
a worker that ignores it is killed by the parent and replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import Any

from claimcheck.budget import OverBudget
from claimcheck.ingest.files import InputFailure, InputFile, read_file
from claimcheck.models import Article
from claimcheck.nightly.store import Extracted, content_hash
from claimcheck.pipeline import Options, process_article

KILL_GRACE = 2.0
"""Seconds past the budget before a worker that ignores its alarm is killed."""


class BudgetExceeded(Exception):
    """Raised by the alarm when one article takes longer than the time budget."""


def extract_one(article: Article, options: Options) -> Extracted:
    """The map step: one article in, its processed form and claims (as JSON) out."""
    result = process_article(article, options)
    return Extracted.of(result.article, result.claims)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise BudgetExceeded


def _budget_reason(budget: float) -> str:
    return f"extraction took longer than the time budget of {budget:g} s per document; skipped"


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of extraction work: an article read by the parent, or an HTML file to read first.

    `key` is the article's content hash, or for a file the hash of its bytes and
    metadata (reading HTML is slow enough to belong in the workers too).
    """

    key: str
    article: Article | None = None
    file: InputFile | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a task: the article read (with its content hash) and its claims, or why not."""

    task: Task
    article_hash: str | None = None
    article: Article | None = None
    extracted: Extracted | None = None
    reason: str | None = None
    failure: InputFailure | None = None
    """The file could not be read at all (an input error, not stored)."""


def run_task(task: Task, options: Options) -> Outcome:
    """Read the task's file if it has one, then extract its article."""
    article = task.article
    if article is None:
        assert task.file is not None
        article_id = task.file.article_id
        read = next(iter(read_file(task.file)), None)
        if not isinstance(read, Article):
            reason = read.reason if read is not None else "no article in the file"
            return Outcome(task, failure=InputFailure(article_id, task.file.shown, reason))
        article = replace(read, id=article_id)
    article_hash = task.key if task.article is not None else content_hash(article, options.published)
    return Outcome(task, article_hash, article, extract_one(article, options))


def within_budget(task: Task, options: Options, budget: float) -> Outcome:
    """`run_task`, or an Outcome saying why the article failed (over budget, or an extractor error).

    In a process's main thread the budget is a SIGALRM timer: the regex engine and
    Python code both check for signals, so a pathological document is interrupted
    where it is. In another thread (a Dask worker's), a timer raises the exception
    in that thread at its next Python instruction (a single C call runs to its end).
    """
    try:
        with _deadline(budget):
            return run_task(task, options)
    except BudgetExceeded:
        return failed(task, _budget_reason(budget), options)
    except OverBudget as exc:  # the claims budget, or the time budget seen between two stages
        return failed(task, exc.reason, options)
    except RecursionError:
        return failed(task, "extraction failed: the document is too deeply nested", options)
    except Exception as exc:  # one bad document must not stop the night
        return failed(task, f"extraction failed: {type(exc).__name__}: {exc}", options)


@contextlib.contextmanager
def _deadline(budget: float) -> Iterator[None]:
    """Raise BudgetExceeded in this thread if the block takes longer than `budget` seconds."""
    if budget <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_deadline(budget):
            yield
        return
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, budget)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _thread_deadline(budget: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    guard = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with guard:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(BudgetExceeded))

    timer = threading.Timer(budget, expire)
    timer.daemon = True
    timer.start()
    raised = False
    try:
        yield
    except BudgetExceeded:
        raised = True
        raise
    finally:
        with guard:
            state["active"] = False
            timer.cancel()
            if state["fired"] and not raised:
                _take_pending_exception(target)


def _take_pending_exception(target: ctypes.c_ulong) -> None:
    """The block ended just as the timer fired: the exception is pending in this thread and
    must not escape later. It is taken here, at the loop's next check for it. (Clearing it
    with PyThreadState_SetAsyncExc(target, NULL) would leave CPython's interpreter-wide
    "async exception pending" flag set: every thread would then take the slow path at each
    check, and a traced thread (sys.settrace) would stop making progress.)"""
    try:
        for _ in range(10_000):
            pass
    except BudgetExceeded:
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)  # not delivered: withdraw it


def failed(task: Task, reason: str, options: Options) -> Outcome:
    if task.article is not None:
        return Outcome(task, task.key, task.article, reason=reason)
    return Outcome(task, reason=reason)


def _worker_main(connection: Connection, options: Options, budget: float, close_fds: tuple[int, ...]) -> None:
    # The parent's hold on the store's run lock (only the parent may keep it) and its ends of
    # the workers' pipes.
    for descriptor in close_fds:
        with contextlib.suppress(OSError):
            os.close(descriptor)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        while True:
            try:
                task = connection.recv()
            except EOFError:
                break
            if task is None:
                break
            connection.send(within_budget(task, options, budget))
    finally:
        os._exit(0)  # no finalizers: the forked copy of the parent's SQLite handle stays untouched


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    task: Task | None = None
    started: float = 0.0


class WorkerPool:
    """Worker processes that extract one article at a time, each under a hard time limit.

    A worker still busy `KILL_GRACE` seconds after its budget (it ignored the alarm,
    e.g. stuck in C code) is killed and replaced; its article is reported as over budget.
    """

    def __init__(self, jobs: int, options: Options, budget: float, close_fds: tuple[int, ...] = ()) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork: workers inherit the loaded modules and rules, so they start at once.
        self._forked = "fork" in methods
        self._context: Any = multiprocessing.get_context("fork" if self._forked else "spawn")
        self._options = options
        self._budget = budget
        self._close_fds = close_fds
        self._workers: list[_Worker] = []
        for _ in range(jobs):
            self._workers.append(self._start())

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        close_fds = self._close_fds
        if self._forked:
            # A forked worker inherits the parent's ends of every pipe, its own included: it
            # closes them, so that when the parent dies (even by kill -9) its pipe reads EOF
            # and it exits, instead of waiting for a task forever.
            parent_ends = [parent_end, *(w.connection for w in self._workers if not w.connection.closed)]
            close_fds = (*close_fds, *(end.fileno() for end in parent_ends))
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self._options, self._budget, close_fds),
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def _limit(self) -> float | None:
        return self._budget + KILL_GRACE if self._budget > 0 else None

    def map(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        """The outcome of every task, in completion order."""
        pending = iter(tasks)
        exhausted = False
        limit = self._limit()
        while True:
            for index, worker in enumerate(self._workers):
                if worker.task is None and not exhausted:
                    task = next(pending, None)
                    if task is None:
                        exhausted = True
                        continue
                    worker.task, worker.started = task, time.monotonic()
                    try:
                        worker.connection.send(task)
                    except (BrokenPipeError, ConnectionResetError):
                        self._workers[index] = self._replace(worker)
                        yield failed(task, "extraction failed: the worker process died", self._options)
            busy = [worker for worker in self._workers if worker.task is not None]
            if not busy:
                return
            timeout = None
            if limit is not None:
                now = time.monotonic()
                timeout = max(0.0, min(worker.started + limit - now for worker in busy))
            ready = set(wait([worker.connection for worker in busy], timeout))
            for index, worker in enumerate(self._workers):
                task = worker.task
                if task is None:
                    continue
                if worker.connection in ready:
                    try:
                        outcome = worker.connection.recv()
                    except (EOFError, OSError):
                        self._workers[index] = self._replace(worker)
                        yield failed(task, "extraction failed: the worker process died", self._options)
                        continue
                    worker.task = None
                    yield outcome
                elif limit is not None and time.monotonic() - worker.started >= limit:
                    self._workers[index] = self._replace(worker)
                    yield failed(task, _budget_reason(self._budget), self._options)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.process.kill()
        worker.process.join()
        worker.connection.close()
        return self._start()

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.connection.send(None)
        for worker in self._workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
