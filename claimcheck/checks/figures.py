"""Checks over claim groups: figure-conflict, internal-conflict, date-conflict.

Each finding names the sources, quotes their wording, gives the values and says
why they cannot both hold. Findings carry the body offsets of their first claim
(`start`/`end`); the pipeline turns them into line and column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from claimcheck.checks.context import CheckContext
from claimcheck.extract.words import concept
from claimcheck.groups.compare import (
    Reading,
    conflicting_readings,
    date_conflicts,
    evolves,
    group_status,
    internal_conflicts,
    time_relation,
)
from claimcheck.groups.items import Item, prepare_items
from claimcheck.models import Article, ClaimGroup, Finding, Severity
from claimcheck.rules import (
    DateConflictParams,
    FigureConflictParams,
    InternalConflictParams,
    Rule,
)

QUOTE_TAIL_RE = re.compile(r"^(?:[\w’'%$€£.,-]+\s*){0,6}")
"""Up to six words after a figure: enough to show what it counts ("people were killed in")."""
QUOTE_STOP_RE = re.compile(r"[,;:.!?\"“”()](?:\s|$)")
MAX_QUOTE = 80

UNIT_WORDS = {"USD": "$", "EUR": "€", "GBP": "£"}


def _rules_dir(rule: Rule) -> str | None:
    return str(Path(rule.path).parent) if rule.path else None


def _grouped(context: CheckContext, rule: Rule) -> list[tuple[ClaimGroup, list[Item]]]:
    """Each group with its prepared claims: the pipeline keeps the items it grouped;
    a context built without them (tests, callers of run_checks) prepares them once."""
    if context.grouped is None:
        items = {
            item.claim.id: item
            for item in prepare_items(context.articles, context.claims, _rules_dir(rule), _story_of(context))
        }
        context.grouped = [
            (group, [items[claim_id] for claim_id in group.claim_ids if claim_id in items])
            for group in context.groups
        ]
    return context.grouped


def _story_of(context: CheckContext) -> dict[str, str]:
    """Article id -> story id, from the stories, else from the groups built on them."""
    story_of = {article_id: story.id for story in context.stories for article_id in story.article_ids}
    for group in context.groups:
        if group.story:
            for article_id in group.article_ids:
                story_of.setdefault(article_id, group.story)
    return story_of


def quote(item: Item) -> str:
    """The claim's words and the few after it, up to the first punctuation."""
    claim = item.claim
    sentence = claim.sentence
    offset = claim.start - claim.sentence_start
    if not sentence or not 0 <= offset <= len(sentence):
        return claim.text
    tail = sentence[offset + len(claim.text) :]
    stop = QUOTE_STOP_RE.search(tail)
    if stop is not None:
        tail = tail[: stop.start()]
    match = QUOTE_TAIL_RE.match(tail.lstrip())
    words = (tail[: len(tail) - len(tail.lstrip())] + match.group()) if match else ""
    text = (claim.text + words).strip()
    if len(text) > MAX_QUOTE:
        text = text[:MAX_QUOTE].rsplit(" ", 1)[0] + "…"
    return text


def _number(value: float) -> str:
    if math.isinf(value):
        return "any number"
    if abs(value - round(value)) <= 1e-9 * max(1.0, abs(value)):
        return f"{round(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def describe(item: Item) -> str:
    """The interval a claim's wording allows, in its own unit ("40 or more", "1 day")."""
    claim = item.claim
    if item.kind == "date":
        return claim.timex or claim.text
    low = claim.low if claim.low is not None else claim.value
    high = claim.high if claim.high is not None else claim.value
    unit = claim.unit or ""
    prefix = UNIT_WORDS.get(unit, "")
    suffix = "" if prefix or item.kind == "count" else (" " + unit if unit != "percent" else "%")

    def show(value: float) -> str:
        return f"{prefix}{_number(value)}{suffix}"

    if low is None or high is None:
        return claim.text
    if low == high:
        return show(low)
    if math.isinf(high):
        return f"{show(low)} or more"
    if math.isinf(low) or (low <= 0 < high and claim.approx in ("less_than", "at_most")):
        return f"at most {show(high)}"
    return f"{show(low)} to {show(high)}"


def _source(article: Article) -> str:
    return article.source or article.id


def _side(item: Item, copies: dict[str, int]) -> str:
    article = item.article
    extra = copies.get(item.source, 1) - 1
    carried = f", also carried by {extra} other outlet{'s' if extra > 1 else ''}" if extra else ""
    return f'{_source(article)} ({article.id}{carried}) "{quote(item)}" = {describe(item)}'


def _copies(items: list[Item]) -> dict[str, int]:
    seen: dict[str, set[str]] = {}
    for item in items:
        seen.setdefault(item.source, set()).add(item.claim.article_id)
    return {source: len(articles) for source, articles in seen.items()}


def _published(item: Item) -> str:
    published = item.article.published
    return published.isoformat() if published is not None else "an unknown date"


def _reason(a: Item, b: Item, cumulative: bool, lower_reading: Reading | None = None) -> str:
    if a.kind == "date":
        return f"one event cannot fall on both {a.claim.timex} and {b.claim.timex}"
    base = f"{describe(a)} and {describe(b)} share no value"
    if not cumulative:
        return base
    relation = time_relation(a, b)
    if relation == 0:
        return (
            f"{base}; both were published on {_published(a)[:10]}, too close to tell a "
            "rising count from a disagreement"
        )
    earlier, later = (a, b) if relation < 0 else (b, a)
    if earlier.low <= later.low:
        # The two shown rose: the lower figure was given again no earlier than the higher
        # one, or the count is not one known to rise ("1 dead" names no event).
        latest = max(lower_reading.items, key=lambda item: item.order) if lower_reading else earlier
        if time_relation(latest, later) < 0:
            return base
        return (
            f"{base}; a cumulative count that rose to {describe(later)} ({_published(later)}) "
            f"is given as {describe(latest)} again by {latest.claim.article_id} ({_published(latest)})"
        )
    return (
        f"{base}; a cumulative count cannot fall from {describe(earlier)} "
        f"({_published(earlier)}) to {describe(later)} ({_published(later)})"
    )


def _severity(rule: Rule, a: Item, b: Item) -> Severity:
    """The rule's severity when both frames state what is counted and what happened to it
    (or, for a date, the event and who it happened to); one level lower otherwise: a weaker
    match is a note a reader can fold away, not an alarm."""
    if a.kind in ("date", "time") or (a.frame.explicit_parts == 2 and b.frame.explicit_parts == 2):
        return rule.severity
    return LOWER[rule.severity]


LOWER: dict[str, Severity] = {"error": "warning", "warning": "info", "info": "info"}


def _finding(
    rule: Rule,
    group: ClaimGroup,
    pairs: list[tuple[Item, Item]],
    message: str,
    involved: list[Item] | None = None,
    severity: Severity | None = None,
) -> Finding:
    """A finding on the earliest claim involved (a canonical copy before its reprints)."""
    involved = list({item.claim.id: item for item in involved or []}.values())
    seen = {item.claim.id for item in involved}
    for a, b in pairs:
        for item in (a, b):
            if item.claim.id not in seen:
                seen.add(item.claim.id)
                involved.append(item)
    involved.sort(key=lambda item: item.order)
    first = involved[0]
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=severity or rule.severity,
        article_id=first.claim.article_id,
        claim_ids=[item.claim.id for item in involved],
        message=message,
        group_id=group.id,
        start=first.claim.start,
        end=first.claim.end,
    )


def _representatives(first: Reading, second: Reading) -> tuple[Item, Item]:
    """One claim of each reading, from two different sources, earlier first."""
    a = first.first
    b = next((item for item in second.items if item.source != a.source), None)
    if b is None:
        b = second.first
        a = next((item for item in first.items if item.source != b.source), first.first)
    return (a, b) if a.order <= b.order else (b, a)


def check_figure_conflict(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    """Groups whose sources' figures cannot all hold (a rising cumulative count excepted)."""
    params = rule.settings
    assert isinstance(params, FigureConflictParams)
    evolving = {concept(word) for word in params.evolving_predicates}
    for group, items in _grouped(context, rule):
        if group.kind == "date" or len(items) < 2:
            continue
        if group_status(items, params) != "conflict":
            continue
        minimum = params.min_independent_sources
        conflicts = [
            (first, second)
            for first, second in conflicting_readings(items, params.relative_tolerance)
            if len(first.sources) >= minimum and len(second.sources) >= minimum
        ]
        cumulative = group.kind == "count" and any(item.predicate in evolving for item in items)
        # A count moving over time is evolving; the conflict lies in the other pairs.
        conflicts = [pair for pair in conflicts if not evolves(*pair, params)]
        if not conflicts:
            continue
        pairs = [_representatives(first, second) for first, second in conflicts]
        involved = [item for pair in conflicts for reading in pair for item in reading.items]
        copies = _copies(items)
        a, b = pairs[0]
        first, second = conflicts[0]
        lower = first if first.first.low <= second.first.low else second
        message = rule.format_message(
            label=group.label,
            values=" vs ".join(_side(item, copies) for item in _distinct_sides(pairs)),
            reason=_reason(a, b, cumulative, lower),
            sources=len({item.source for item in items}),
        )
        yield _finding(rule, group, pairs, message, involved, severity=_severity(rule, a, b))


def _distinct_sides(pairs: list[tuple[Item, Item]]) -> list[Item]:
    """One claim per distinct reading and source among the conflicting pairs, earliest first."""
    shown: dict[tuple[float, float, str | None, str], Item] = {}
    for a, b in pairs:
        for item in (a, b):
            shown.setdefault((item.low, item.high, item.timex, item.source), item)
    return sorted(shown.values(), key=lambda item: item.order)


def check_internal_conflict(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    """One article states one figure two ways (a copy of an article is checked once).

    At most `max_findings_per_article` are listed for an article; one more finding, on
    the first left out, says how many more there are."""
    params = rule.settings
    assert isinstance(params, InternalConflictParams)
    listed: dict[str, int] = {}
    left_out: dict[str, tuple[Finding, int]] = {}
    for group, items in _grouped(context, rule):
        if group.kind == "date":
            continue
        for first, second in internal_conflicts(items, params.relative_tolerance, params.compared_per_claim):
            article_id = first.claim.article_id
            if listed.get(article_id, 0) >= params.max_findings_per_article:
                earliest, count = left_out.get(article_id, (None, 0))
                if earliest is None:
                    earliest = _finding(rule, group, [(first, second)], "")
                left_out[article_id] = (earliest, count + 1)
                continue
            listed[article_id] = listed.get(article_id, 0) + 1
            message = rule.format_message(
                label=group.label,
                first=f'"{quote(first)}" ({describe(first)})',
                second=f'"{quote(second)}" ({describe(second)})',
                line=second.claim.line,
            )
            yield _finding(rule, group, [(first, second)], message, severity=_severity(rule, first, second))
    for earliest, count in left_out.values():
        conflicts = "internal conflict is" if count == 1 else "internal conflicts are"
        yield replace(
            earliest,
            message=f"{count} more {conflicts} not listed for this article "
            f"(at most {params.max_findings_per_article} per article: max_findings_per_article)",
        )


def check_date_conflict(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    """Independent sources give one event different days (same-day sources by default)."""
    params = rule.settings
    assert isinstance(params, DateConflictParams)
    for group, items in _grouped(context, rule):
        if group.kind != "date":
            continue
        pairs = date_conflicts(items, params.same_day_only)
        if not pairs:
            continue
        copies = _copies(items)
        a, b = pairs[0]
        message = rule.format_message(
            label=group.label,
            values=" vs ".join(_side(item, copies) for item in _distinct_sides(pairs)),
            reason=_reason(a, b, cumulative=False)
            + (", in reports published the same day" if params.same_day_only else ""),
        )
        yield _finding(rule, group, pairs, message)
