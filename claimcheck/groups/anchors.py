"""Where the wording places a figure in time: the dates of its clause and sentence.

time_anchors(claims, reporting_verbs) -> Anchors: per sentence, its dated claims,
    its periods (a year, month or season), its moments (a day or a time of day)
    and its unknown times ("last week" in an undated report)
time_scopes, period_of, deadline: what those say about one figure
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimcheck.groups.frames import Frame
from claimcheck.models import Article, Claim

SCOPE_GAP = 30
"""Characters between a figure and a date that scopes it ("killed on Monday")."""
PERIOD_TIMEX_RE = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]))?$")
"""A date to the year, month, season, quarter or half: a period, not a day."""
FRONTED_PERIOD = 24
"""Characters into a sentence within which a period opens it ("In September 2009, ..."):
a fronted time adverbial scopes every clause of its sentence."""

SentenceKey = tuple[str, int]
"""(article id, sentence start)."""
Dated = dict[SentenceKey, list[tuple[int, int, str]]]
"""Per sentence, date claims as (start, end, timex)."""


@dataclass
class Anchors:
    """What the date claims of each sentence say about its time."""

    dated: Dated = field(default_factory=lambda: defaultdict(list))
    """Dates with a known year, as (start, end, timex)."""
    periods: Dated = field(default_factory=lambda: defaultdict(list))
    moments: dict[SentenceKey, set[str]] = field(default_factory=lambda: defaultdict(set))
    moment_spans: Dated = field(default_factory=lambda: defaultdict(list))
    """The same moments with where they stand, as (start, end, moment)."""
    unanchored: dict[SentenceKey, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Starts of dates whose time is unknown ("last week" undated, "In February" with no year)."""


def time_anchors(claims: Iterable[Claim], reporting_verbs: frozenset[str]) -> Anchors:
    """The dates, periods, moments and unknown times of each sentence's date claims."""
    anchors = Anchors()
    for claim in claims:
        key = (claim.article_id, claim.sentence_start)
        moment = _moment(claim)
        if moment and not _statement_date(claim, reporting_verbs):
            anchors.moments[key].add(moment)
            anchors.moment_spans[key].append((claim.start, claim.end, moment))
        if claim.kind == "date" and claim.timex and PERIOD_TIMEX_RE.match(claim.timex):
            anchors.periods[key].append((claim.start, claim.end, claim.timex))
        if claim.kind == "date" and claim.timex and claim.timex[:1].isdigit():
            anchors.dated[key].append((claim.start, claim.end, claim.timex))
        elif claim.kind in ("date", "time") and (
            (claim.relative and not claim.timex) or (claim.timex or "").startswith("XXXX")
        ):
            anchors.unanchored[key].append(claim.start)
    return anchors


def time_scopes(claim: Claim, frame: Frame, dated: Dated) -> frozenset[str]:
    """The time a figure is about, when its own clause says: a year attached to it ("in
    2019"), or a date next to it (to the month: "on Monday" and "said on Tuesday" are one
    period). A year elsewhere in the sentence ("the deadliest since 1999") scopes nothing."""
    if frame.when:
        return frozenset({frame.when})
    clause_start, clause_end = frame.clause
    candidates = []
    for start, end, timex in dated.get((claim.article_id, claim.sentence_start), ()):
        if not (clause_start <= start and end <= clause_end):
            continue
        gap = max(start - claim.end, claim.start - end, 0)
        if gap <= SCOPE_GAP:
            candidates.append((gap, timex[:7]))
    if candidates:
        return frozenset({min(candidates)[1]})
    return frozenset()


MOMENT_TIMEX_RE = re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:T|$)|(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)T)")
"""A day, or a time of day, even of an unknown date ("9:30 a.m." in an undated report)."""
STATEMENT_GAP = 3
"""Words between a reporting verb and the date of the statement ("said late on Tuesday")."""


def _moment(claim: Claim) -> str | None:
    """The day or time of day a date or time claim names; a clock time of an undated report
    by its wording ("9:30 a.m."), which tells it from another time of the same report."""
    if claim.kind not in ("date", "time"):
        return None
    if claim.timex:
        return claim.timex if MOMENT_TIMEX_RE.match(claim.timex) else None
    if claim.kind == "time" and any(character.isdigit() for character in claim.text):
        return "clock " + "".join(character for character in claim.text.lower() if character.isalnum())
    return None


def _statement_date(claim: Claim, reporting: frozenset[str]) -> bool:
    """The date says when something was said ("the governor said on Tuesday"), not when it happened."""
    offset = claim.start - claim.sentence_start
    before = claim.sentence[max(0, offset - 40) : max(0, offset)].lower().split()
    return any(word.strip(",") in reporting for word in before[-STATEMENT_GAP:])


def _fronted(claim: Claim, start: int, end: int) -> bool:
    """A time expression at [start, end) opens the figure's sentence, before the figure."""
    return start - claim.sentence_start <= FRONTED_PERIOD and end <= claim.start


def clause_moments(claim: Claim, frame: Frame, spans: Dated) -> frozenset[str]:
    """The moments of a figure's own clause, or fronting its sentence ("On Monday, ...";
    "the fire that broke out on Saturday has forced 5,000 to leave" puts the 5,000 on no
    day)."""
    clause_start, clause_end = frame.clause
    found = set()
    for start, end, moment in spans.get((claim.article_id, claim.sentence_start), ()):
        if _fronted(claim, start, end) or (clause_start <= start and end <= clause_end):
            found.add(moment)
    return frozenset(found)


def period_of(claim: Claim, frame: Frame, periods: Dated, published: date | None) -> str | None:
    """The past year, month or season a figure is placed in (see Item.period): its clause's
    year ("killed in 2019"), a period next to it in its clause, or one that opens its
    sentence. A period that ended within CURRENT_PERIOD_DAYS of publication is the story's
    own ("added 200,000 jobs in March" in an April report): None."""
    found = frame.when
    if found is None:
        clause_start, clause_end = frame.clause
        for start, end, timex in periods.get((claim.article_id, claim.sentence_start), ()):
            near = (
                clause_start <= start
                and end <= clause_end
                and max(start - claim.end, claim.start - end, 0) <= SCOPE_GAP
            )
            if _fronted(claim, start, end) or near:
                found = timex
                break
            if end <= claim.start and HANGING_RE.match(
                claim.sentence, end - claim.sentence_start, claim.start - claim.sentence_start
            ):
                found = timex  # "struck off Aceh in 2004, sparking a tsunami that killed 170,000"
                break
    if found is None or published is None:
        return found
    last = _period_end(found)
    if last is not None and last >= published - timedelta(days=CURRENT_PERIOD_DAYS):
        return None
    return found


HANGING_RE = re.compile(r"\s*,\s+[a-z]+ing\b[^,.;:()\u2014\u2013]*$")
"""From a period to the figure: a comma and a participle that carries the period's clause
on ("in 2004, sparking a tsunami that killed 170,000"; "in 1998, leaving 213 dead")."""
CURRENT_PERIOD_DAYS = 31
"""A period that ended this close before publication is the one the story reports on."""
SEASON_END_MONTH = {"WI": 3, "SP": 6, "SU": 9, "FA": 12, "H1": 6, "H2": 12}
SEASON_END_MONTH.update({f"Q{quarter}": 3 * quarter for quarter in range(1, 5)})
"""The last month of a season, quarter or half."""


def _period_end(timex: str) -> date | None:
    """The last day of a period timex ("2019", "2019-03", "2019-SU", "2019-Q3")."""
    if not timex[:4].isdigit():
        return None
    year = int(timex[:4])
    part = timex[5:]
    month = 12 if not part else SEASON_END_MONTH.get(part) or (int(part) if part.isdigit() else None)
    if month is None or not 1 <= month <= 12:
        return None
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


DEADLINE_RE = re.compile(r"\b(?:by|before|until)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)


def deadline(claim: Claim, frame: Frame, dated: Dated, article: Article) -> bool:
    """A date after publication introduced by "by" in the figure's clause: a goal, not a fact."""
    published = article.reference_date
    if published is None:
        return False
    clause_start, clause_end = frame.clause
    for start, end, timex in dated.get((claim.article_id, claim.sentence_start), ()):
        future = timex[:10] > published.isoformat()[: len(timex[:10])]
        in_clause = clause_start <= start and end <= clause_end
        if in_clause and future and DEADLINE_RE.search(article.text, max(clause_start, start - 24), start):
            return True
    return False
