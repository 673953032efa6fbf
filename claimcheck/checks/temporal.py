"""Checks on temporal claims: unanchored, ambiguous and mismatched relative dates.

Each check is a plain function `check_NAME(context, rule)` yielding Findings; the
resolver (claimcheck/resolve) has already put what they need on each claim: `timex`,
`relative`, `readings`, `mismatch`, `conventional` and `evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from claimcheck.checks.context import CheckContext
from claimcheck.models import Article, Claim, Finding, Severity
from claimcheck.resolve.calendar import MONTH_NAMES, WEEKDAY_WORD_RE, explicit_date
from claimcheck.rules import AmbiguousDateParams, Rule

DAY_VALUE_RE = re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)(?:T(?P<time>[A-Z]{2}|\d\d:\d\d))?$")
MONTH_VALUE_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)$")
PART_NAMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday"}
TEMPORAL_KINDS = ("date", "time")
DAY_WORD_RE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|day|morning|afternoon|evening|night)\b", re.I
)
YEAR_WORD_RE = re.compile(r"\b(?:year|decade|century|ago)\b", re.I)
PERIOD_WORD_RE = re.compile(r"\b(?:week|weekend|month|quarter)\b", re.I)


def _finding(rule: Rule, severity: Severity, article: Article, claim: Claim, message: str) -> Finding:
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=severity,
        article_id=article.id,
        claim_ids=[claim.id],
        line=claim.line or None,
        column=claim.column or None,
        message=message,
        path=article.path,
        start=claim.start,
        end=claim.end,
    )


def describe_value(value: str, reference: date | None) -> str:
    """A TIMEX3 value in words: "today, Friday (Sept. 22)", "Friday (Sept. 29) morning", "September 2023"."""
    day_match = DAY_VALUE_RE.match(value)
    if day_match is not None:
        day = date.fromisoformat(day_match.group("day"))
        words = explicit_date(day, reference)
        if reference is not None:
            relative = {-1: "yesterday", 0: "today", 1: "tomorrow"}.get((day - reference).days)
            if relative:
                words = f"{relative}, {words}"
        time = day_match.group("time")
        if time:
            words += f" {PART_NAMES.get(time, 'at ' + time)}"
        return words
    month_match = MONTH_VALUE_RE.match(value)
    if month_match is not None:
        month = int(month_match.group("month"))
        return f"{MONTH_NAMES[month - 1]} {month_match.group('year')}"
    return value


def suggestion_for(value: str | None, reference: date | None) -> str:
    """The explicit rewrite offered in messages: "Thursday (Sept. 21)" or "September 2022"."""
    if not value:
        return "the full date"
    day_match = DAY_VALUE_RE.match(value)
    if day_match is not None:
        return explicit_date(date.fromisoformat(day_match.group("day")), reference)
    return describe_value(value, reference)


def unanchored_hint(text: str) -> str:
    """What to write instead of a relative expression, by what it names."""
    if WEEKDAY_WORD_RE.search(text):
        return "add the month and day to the weekday, as in 'Friday (Sept. 22)'"
    if DAY_WORD_RE.search(text):
        return "name the weekday and the date"
    if YEAR_WORD_RE.search(text):
        return "name the year"
    if PERIOD_WORD_RE.search(text):
        return "name the dates or the month"
    return "name the year"


def check_relative_date_unanchored(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    """A relative expression in an article whose publication date is unknown."""
    articles = context.articles_by_id
    for claim in context.claims:
        if not claim.relative or claim.kind not in TEMPORAL_KINDS:
            continue
        article = articles.get(claim.article_id)
        if article is None or article.reference_date is not None:
            continue
        message = rule.format_message(text=claim.text, hint=unanchored_hint(claim.text))
        yield _finding(rule, rule.severity, article, claim, message)


def _near_year_boundary(reference: date, days: int) -> bool:
    start_of_year = date(reference.year, 1, 1)
    start_of_next = date(reference.year + 1, 1, 1)
    return min((reference - start_of_year).days, (start_of_next - reference).days) <= days


def check_relative_date_ambiguous(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    """A relative expression with more than one plausible reading."""
    settings = rule.settings
    boundary_days = settings.year_boundary_days if isinstance(settings, AmbiguousDateParams) else 45
    conventional_severity: Severity = (
        settings.conventional_severity if isinstance(settings, AmbiguousDateParams) else "info"
    )
    articles = context.articles_by_id
    for claim in context.claims:
        if not claim.readings or not claim.timex or claim.kind not in TEMPORAL_KINDS:
            continue
        article = articles.get(claim.article_id)
        if article is None:
            continue
        reference = article.reference_date
        if reference is None:
            continue
        years = {value[:4] for value in (claim.timex, *claim.readings)}
        # Readings in different years are a question only near the turn of the year.
        if len(years) > 1 and not _near_year_boundary(reference, boundary_days):
            continue
        readings = [describe_value(value, reference) for value in (claim.timex, *claim.readings)]
        severity = conventional_severity if claim.conventional else rule.severity
        message = rule.format_message(
            text=claim.text,
            readings=", or ".join(readings) if len(readings) == 2 else ", ".join(readings),
            suggestion=suggestion_for(claim.timex, reference),
            evidence=claim.evidence or "",
        )
        yield _finding(rule, severity, article, claim, message)


def check_relative_date_mismatch(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    """An expression whose parts name different days ("yesterday, Thursday" on a Saturday)."""
    articles = context.articles_by_id
    for claim in context.claims:
        if not claim.mismatch:
            continue
        article = articles.get(claim.article_id)
        if article is None:
            continue
        message = rule.format_message(
            text=claim.text,
            reason=claim.mismatch,
            suggestion=suggestion_for(claim.timex, article.reference_date),
        )
        yield _finding(rule, rule.severity, article, claim, message)
