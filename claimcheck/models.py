"""The one result model: every stage produces these, every renderer reads them.

Field names and values follow INTERFACE.md (the public contract). Fields marked
`exclude=True` are working state that never reaches the JSON output.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

Kind = Literal["count", "money", "percent", "duration", "measure", "date", "time"]
Approx = Literal["exact", "about", "more_than", "at_least", "less_than", "at_most", "range"]
Direction = Literal["up", "down"]
Severity = Literal["error", "warning", "info"]
PublishedOrigin = Literal["metadata", "dateline", "argument"]
GroupStatus = Literal["consistent", "conflict", "evolving", "single_source"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


# JSON has no infinity: the open end of an interval ("more than 6,000" has no upper
# bound, high = inf in memory) is written as null, so every dump is valid JSON.
Bound = Annotated[float, PlainSerializer(_finite_or_none, return_type=float | None, when_used="json")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Article(_Model):
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
    text: str = Field(default="", exclude=True, repr=False)
    body_line: int = Field(default=1, exclude=True)
    noise: list[tuple[int, int, str]] = Field(default_factory=list, exclude=True, repr=False)

    @property
    def reference_date(self) -> date | None:
        """The calendar day relative dates are resolved against."""
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


class Claim(_Model):
    id: str
    article_id: str
    kind: Kind
    text: str
    start: int
    end: int
    line: int = 0
    column: int = 0
    sentence: str = ""
    value: Bound | None = None
    low: Bound | None = None
    high: Bound | None = None
    unit: str | None = None
    base_value: Bound | None = None
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
    scope: str | None = None
    """The time the figure is about, when the sentence says ("2020", "2022-09")."""
    readings: list[str] = Field(default_factory=list)
    """Other plausible TIMEX3 values of an ambiguous temporal expression."""
    mismatch: str | None = None
    """Why a temporal expression contradicts the date it names or the publication date."""
    evidence: str | None = None
    """The words the resolver relied on (tense cues, anchors)."""
    conventional: bool = Field(default=False, exclude=True)
    """News convention settles the ambiguity of `readings` (a same-day weekday means today);
    read by the relative-date-ambiguous check for its lower severity."""
    quoted: bool = False
    """The claim stands inside a quotation (never rewritten by fixes)."""
    sentence_start: int = Field(default=0, exclude=True)


class GroupValue(_Model):
    """One distinct reading of a claim group, with who supports it."""

    value: Bound | None = None
    low: Bound | None = None
    high: Bound | None = None
    timex: str | None = None
    unit: str | None = None
    claim_ids: list[str]
    article_ids: list[str]
    independent_sources: int


class ClaimGroup(_Model):
    id: str
    label: str
    claim_ids: list[str]
    article_ids: list[str]
    status: GroupStatus
    story: str | None = None
    kind: Kind | None = None
    independent_sources: int = 0
    values: list[GroupValue] = Field(default_factory=list)


class Fix(_Model):
    """A safe rewrite: replace text[start:end] of the article body by `replacement`."""

    start: int
    end: int
    replacement: str


class Finding(_Model):
    rule: str
    code: str
    severity: Severity
    article_id: str | None
    claim_ids: list[str] = Field(default_factory=list)
    line: int | None = None
    column: int | None = None
    message: str
    # Extensions beyond the contract.
    path: str | None = None
    end_line: int | None = None
    end_column: int | None = None
    group_id: str | None = None
    fix: Fix | None = None
    start: int | None = Field(default=None, exclude=True)
    end: int | None = Field(default=None, exclude=True)


class Story(_Model):
    id: str
    label: str
    article_ids: list[str]


class Report(_Model):
    version: Literal[1] = 1
    reference_date: date | None = None
    """The date given with --published, if any (a fallback for undated articles)."""
    articles: list[Article] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    groups: list[ClaimGroup] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def article(self, article_id: str | None) -> Article | None:
        for article in self.articles:
            if article.id == article_id:
                return article
        return None
