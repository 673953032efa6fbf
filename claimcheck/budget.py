"""The per-document budget: seconds of work and a number of claims (issue 18).

A document that takes longer, or yields more claims, is reported as an input error and
the run goes on without it. The clock is passed in (the CLI passes `time.monotonic`):
nothing below the CLI reads one itself. The time covers the document's extraction and
its share of the analysis (reading its claims for grouping); checks are cooperative, at
stage boundaries, after each sentence and after each claim, so the work between two
checks must stay small, which the linear-time stages make sure of.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_SECONDS = 20.0
DEFAULT_CLAIMS = 25_000
"""About 2.5 MB of ordinary news (7 to 11 claims a kilobyte): far past any real article."""


class OverBudget(Exception):
    """A document took longer than its budget, or yielded more claims."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Budget:
    """What one document may take; None is no limit (the library default)."""

    seconds: float | None = None
    claims: int | None = None
    clock: Callable[[], float] | None = None
    """Where the time comes from; without it, only the claims are counted."""

    def __post_init__(self) -> None:
        if self.seconds is not None and not (math.isfinite(self.seconds) and self.seconds > 0):
            raise ValueError(f"a time budget must be a positive number of seconds, not {self.seconds}")
        if self.claims is not None and self.claims < 1:
            raise ValueError(f"a claims budget must be at least 1, not {self.claims}")

    def meter(self) -> Meter:
        return Meter(self)


class Meter:
    """One document's spending against the budget, across the stages that work on it."""

    __slots__ = ("_since", "budget", "spent")

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.spent = 0.0
        self._since: float | None = None

    @contextmanager
    def running(self) -> Iterator[Meter]:
        """Count the time spent inside the block as this document's."""
        clock = self.budget.clock
        if clock is None or self.budget.seconds is None or self._since is not None:
            yield self
            return
        self._since = clock()
        try:
            yield self
        finally:
            self.spent += clock() - self._since
            self._since = None

    def check(self) -> None:
        """Raise OverBudget if the document has used up its time."""
        seconds, clock = self.budget.seconds, self.budget.clock
        if seconds is None or clock is None:
            return
        spent = self.spent + (clock() - self._since if self._since is not None else 0.0)
        if spent > seconds:
            raise OverBudget(
                f"took longer than the time budget of {seconds:g} s per document "
                "(extraction and analysis); skipped"
            )

    def check_claims(self, count: int) -> None:
        """Raise OverBudget if the document has more claims than the budget allows."""
        if self.budget.claims is not None and count > self.budget.claims:
            raise OverBudget(
                f"has {count:,} claims, more than the budget of {self.budget.claims:,} per document; skipped"
            )


NO_BUDGET = Budget()
