"""The one result model: every stage produces these, every renderer reads them.

Plain dataclasses, so the hot path (the lint hook, extraction) never imports
pydantic: JSON output, validation of stored or foreign data and the JSON Schema
are done at the boundaries by claimcheck.serialize. Field names and values follow
INTERFACE.md (the public contract). Fields marked `EXCLUDED` are working state that
never reaches the JSON output; `BOUND` fields are interval ends, written as null
where they are infinite (JSON has no infinity: "more than 6,000" has no upper bound).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Kind = Literal["count", "money", "percent", "duration", "measure", "date", "time"]
Approx = Literal["exact", "about", "more_than", "at_least", "less_than", "at_most", "range"]
Direction = Literal["up", "down"]
Severity = Literal["error", "warning", "info"]
PublishedOrigin = Literal["metadata", "dateline", "argument"]
GroupStatus = Literal["consistent", "conflict", "evolving", "single_source"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

EXCLUDED: dict[str, Any] = {"exclude": True}
"""Field metadata: working state, left out of JSON output (kept by the claim store)."""
BOUND: dict[str, Any] = {"bound": True}
"""Field metadata: an interval end; infinite values are written as null."""
STRICT: dict[str, Any] = {"extra": "forbid"}
"""pydantic config for validation at the boundaries: unknown keys are errors."""


def _bound(default: float | None = None) -> Any:
    return field(default=default, metadata=BOUND)


def _excluded(default: Any = None, **kwargs: Any) -> Any:
    return field(default=default, metadata=EXCLUDED, **kwargs)


@dataclass(slots=True, kw_only=True)
class Article:
    __pydantic_config__ = STRICT

    id: str
    path: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | datetime | None = None
    published_origin: PublishedOrigin | None = None
    duplicate_of: str | None = None
    published_via: str | None = None
    """The near-duplicate article whose publication date this undated copy took."""
    story: str | None = None
    # Working state: the body text that claim offsets index, where it starts in the
    # file (1-based line), and the regions the boilerplate filter marked as noise.
    text: str = _excluded("", repr=False)
    body_line: int = _excluded(1)
    noise: list[tuple[int, int, str]] = field(default_factory=list, metadata=EXCLUDED, repr=False)

    @property
    def reference_date(self) -> date | None:
        """The calendar day relative dates are resolved against."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


@dataclass(slots=True, kw_only=True)
class Claim:
    __pydantic_config__ = STRICT

    id: str
    article_id: str
    kind: Kind
    text: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    sentence: str = ""
    value: float | None = _bound()
    low: float | None = _bound()
    high: float | None = _bound()
    unit: str | None = None
    base_value: float | None = _bound()
    base_unit: str | None = None
    approx: Approx = "exact"
    direction: Direction | None = None
    subject: str | None = None
    predicate: str | None = None
    timex: str | None = None
    relative: bool = False
    # Extensions beyond the contract.
    timex_type: Literal["DATE", "TIME", "DURATION", "SET"] | None = None
    per: str | None = None
    """The unit of a rate ("$3,500 a month" -> month)."""
    end_value: float | None = _bound()
    """The second number of a range as written, in `unit` ("from 4.8 to 4.7" -> 4.7, "about
    2,000-2,500" -> 2500.0, "several hundred" -> 900.0): `value` is the first; a hedge
    widens `low`/`high` beyond both."""
    scope: str | None = None
    """The time the figure is about, when the sentence says ("2020", "2022-09")."""
    readings: list[str] = field(default_factory=list)
    """Other plausible TIMEX3 values of an ambiguous temporal expression."""
    mismatch: str | None = None
    """Why a temporal expression contradicts the date it names or the publication date."""
    evidence: str | None = None
    """The words the resolver relied on (tense cues, anchors)."""
    conventional: bool = _excluded(False)
    """News convention settles the ambiguity of `readings` (a same-day weekday means today);
    read by the relative-date-ambiguous check for its lower severity."""
    quoted: bool = False
    """The claim stands inside a quotation (never rewritten by fixes)."""
    sentence_start: int = _excluded(0)


@dataclass(slots=True, kw_only=True)
class GroupValue:
    """One distinct reading of a claim group, with who supports it."""

    __pydantic_config__ = STRICT

    value: float | None = _bound()
    low: float | None = _bound()
    high: float | None = _bound()
    timex: str | None = None
    unit: str | None = None
    claim_ids: list[str]
    article_ids: list[str]
    independent_sources: int


@dataclass(slots=True, kw_only=True)
class ClaimGroup:
    __pydantic_config__ = STRICT

    id: str
    label: str
    claim_ids: list[str]
    article_ids: list[str]
    status: GroupStatus
    story: str | None = None
    kind: Kind | None = None
    independent_sources: int = 0
    values: list[GroupValue] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Fix:
    """A safe rewrite: replace text[start:end] of the article body by `replacement`."""

    __pydantic_config__ = STRICT

    start: int
    end: int
    replacement: str


@dataclass(slots=True, kw_only=True)
class Finding:
    __pydantic_config__ = STRICT

    rule: str
    code: str
    severity: Severity
    article_id: str | None
    claim_ids: list[str] = field(default_factory=list)
    line: int | None = None
    column: int | None = None
    message: str
    # Extensions beyond the contract.
    path: str | None = None
    end_line: int | None = None
    end_column: int | None = None
    group_id: str | None = None
    fix: Fix | None = None
    start: int | None = _excluded()
    end: int | None = _excluded()


@dataclass(slots=True, kw_only=True)
class Story:
    __pydantic_config__ = STRICT

    id: str
    label: str
    article_ids: list[str]


@dataclass(slots=True, kw_only=True)
class Report:
    __pydantic_config__ = STRICT

    version: Literal[1] = 1
    reference_date: date | None = None
    """The date given with --published, if any (a fallback for undated articles)."""
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def article(self, article_id: str | None) -> Article | None:
        for article in self.articles:
            if article.id == article_id:
                return article
        return None
