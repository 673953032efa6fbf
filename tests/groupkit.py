"""Hand-made articles and claims for the grouping tests and benchmark (no extractor needed)."""

from __future__ import annotations

import re
from datetime import date, datetime

from claimcheck.models import Article, Claim

SENTENCE_RE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+[.!?]?")


def article(
    article_id: str,
    text: str,
    published: date | datetime | None = date(2024, 3, 5),
    source: str | None = None,
    title: str | None = None,
    noise: list[tuple[int, int, str]] | None = None,
) -> Article:
    return Article(
        id=article_id,
        text=text,
        published=published,
        source=source or f"Outlet {article_id}",
        title=title,
        noise=noise or [],
    )


def claim(
    owner: Article,
    span: str,
    kind: str = "count",
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
    factor: float = 1.0,
    base_unit: str | None = None,
    approx: str = "exact",
    predicate: str | None = None,
    subject: str | None = None,
    timex: str | None = None,
    scope: str | None = None,
    occurrence: int = 0,
) -> Claim:
    """A claim on the `occurrence`-th appearance of `span` in the article's text."""
    start = -1
    for _ in range(occurrence + 1):
        start = owner.text.index(span, start + 1)
    end = start + len(span)
    sentence = next(m for m in SENTENCE_RE.finditer(owner.text) if m.start() <= start < m.end())
    lead = len(sentence.group()) - len(sentence.group().lstrip())
    low = value if low is None else low
    high = value if high is None else high
    return Claim(
        id=f"{owner.id}@{start}-{end}",
        article_id=owner.id,
        kind=kind,  # type: ignore[arg-type]
        text=span,
        start=start,
        end=end,
        sentence=sentence.group().strip(),
        sentence_start=sentence.start() + lead,
        value=value,
        low=low,
        high=high,
        unit=unit,
        base_value=None if value is None else value * factor,
        base_unit=base_unit or unit,
        approx=approx,  # type: ignore[arg-type]
        predicate=predicate,
        subject=subject,
        timex=timex,
        scope=scope,
    )
