"""Comparing prepared claims: may two share a group, how alike are they, do their
values agree, and the status of a group (consistent, evolving, conflict).
"""

from __future__ import annotations

import bisect
import contextlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from claimcheck.extract.words import concept
from claimcheck.groups.events import read_event
from claimcheck.groups.items import FIGURE, NAME_MARK, Item
from claimcheck.models import Article, GroupStatus
from claimcheck.resolve.calendar import WEEKDAY_WORD_RE
from claimcheck.rules import FigureConflictParams

MAX_CONFLICT_PAIRS = 100
"""Conflicting pairs of readings examined in one group: plenty for a status and a message."""

CONTRAST_MIN_RATIO = 0.6
"""How closely two sentences must match for a differing word to mark a contrast."""
CONTRAST_REACH = 3
"""Content words from the figure within which a differing word tells two figures apart."""


def contrast(a: Item, b: Item) -> bool:
    """Parallel sentences that differ in a word next to the figure state two figures.

    "54% of men" and "41% of women", "petrol prices rose 12%" and "diesel prices rose
    7%", "300 homes in the north" and "120 in the south": when two sentences match
    closely except for a word within a few words of the figure, that word is what
    tells the figures apart. Paraphrases of one claim differ too broadly to match.
    """
    from difflib import SequenceMatcher

    if not a.sequence or not b.sequence or FIGURE not in a.sequence or FIGURE not in b.sequence:
        return False
    matcher = SequenceMatcher(None, a.sequence, b.sequence, autojunk=False)
    if matcher.ratio() < CONTRAST_MIN_RATIO:
        return False
    where_a, where_b = a.sequence.index(FIGURE), b.sequence.index(FIGURE)
    opcodes = matcher.get_opcodes()
    # Parallel sentences put their figures at the same point of the shared wording.
    if not any(
        tag == "equal" and a_start <= where_a < a_end and where_a - a_start == where_b - b_start
        for tag, a_start, a_end, b_start, b_end in opcodes
    ):
        return False
    for tag, a_start, a_end, b_start, b_end in opcodes:
        if tag == "equal":
            continue
        near_a = a_end > a_start and min(abs(i - where_a) for i in range(a_start, a_end)) <= CONTRAST_REACH
        near_b = b_end > b_start and min(abs(i - where_b) for i in range(b_start, b_end)) <= CONTRAST_REACH
        removed = [w for w in a.sequence[a_start:a_end] if w[0] != "\x00"]
        added = [w for w in b.sequence[b_start:b_end] if w[0] != "\x00"]
        # A swapped word ("men"/"women") or one added qualifier ("youth unemployment");
        # longer additions are the extra clauses paraphrases carry.
        if set(removed) & set(b.sequence) or set(added) & set(a.sequence):
            continue  # a word moved elsewhere in the sentence: word order, not meaning
        # Before the figure a swap may be a two-word subject ("the ruling party" won 120
        # seats, "the opposition" won 95); after it, a one-word one ("of men"/"of women").
        before = a_end <= where_a and b_end <= where_b
        limit = 2 if before else 1
        same_type = {word.startswith(NAME_MARK) for word in removed + added}
        swapped = (
            tag == "replace" and 0 < len(removed) <= limit and 0 < len(added) <= limit and len(same_type) == 1
        )
        # Dates: the words around an event's day vary ("is set for", "will be held on").
        qualified = (
            a.kind != "date"
            and tag in ("insert", "delete")
            and len(removed) + len(added) == 1
            and not (removed + added)[0].startswith(NAME_MARK)  # "police in Talberg": the story's place
        )
        if (swapped or qualified) and (near_a or near_b):
            return True
    return False


def _scope_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Compatible when either is unscoped or some scope of one contains a scope of the other."""
    if not a or not b:
        return True
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _published_point(article: Article) -> tuple[date | None, datetime | None]:
    published = article.published
    if isinstance(published, datetime):
        return published.date(), published
    return published, None


def compatible(a: Item, b: Item) -> bool:
    """Hard constraints: kind, unit, what happened to a count, direction, time scope."""
    if a.kind != b.kind or a.direction != b.direction or a.per != b.per:
        return False
    if a.claim.article_id == b.claim.article_id and a.claim.sentence_start == b.claim.sentence_start:
        return False  # one sentence giving two figures ("rose from 30 to 45") gives two claims
    if not _scope_compatible(a.scopes, b.scopes):
        return False
    if a.repeat or b.repeat:
        return False  # "a further pledge on Tuesday" is another event than Monday's
    if a.period != b.period:
        return False  # "In 2004 a tsunami killed 170,000" is not this quake's toll
    if not _frames_agree(a, b):
        return False
    if a.kind == "count":
        # "people" matches "people" or a bare count ("45 dead"), never "helicopters".
        if a.unit != b.unit and not (a.generic_unit and b.generic_unit):
            return False
        # "300 injured" is not "312 killed"; and a bare "9,000 people" is not a toll.
        if a.predicate != b.predicate and ((a.predicate and b.predicate) or a.generic_unit or b.generic_unit):
            return False
    elif a.kind != "date" and a.unit != b.unit:
        return False
    # A claim whose wording does not say enough to compare it (what happened to a count,
    # what a figure measures) joins another only where they agree: it cannot raise a
    # conflict, and a group must not show it beside a figure it contradicts as "consistent"
    # ("the four-week average was 534,000" and "continuing claims fell to 3,655,000").
    return (a.decisive and b.decisive) or overlap(a, b, 0.0)


def _frames_agree(a: Item, b: Item) -> bool:
    """Frames that answer different questions: a forecast and an outcome, a subset and the
    whole, two places of a tally, another event's date, another measured thing."""
    if a.kind in ("date", "time"):
        return _same_event_frame(a, b)
    if a.frame.modality_class != b.frame.modality_class:
        return False
    if a.scope != b.scope or a.position != b.position:
        return False
    if a.frame.agent and b.frame.agent and a.frame.agent != b.frame.agent:
        return False
    if a.frame.named_object and b.frame.named_object and a.frame.named_object != b.frame.named_object:
        return False
    return not (a.subject and b.subject and a.subject != b.subject)


def _same_event_frame(a: Item, b: Item) -> bool:
    """Dates of one event: the same thing happened, to participants the two wordings share
    ("Korvath Motors announced" and "Korvath ... announced")."""
    if a.event is None or b.event is None:
        return False
    return a.event.same_as(b.event)


def frames_alike(a: Item, b: Item) -> bool:
    """For two compatible claims: both wordings state the whole question and state it alike:
    the same thing counted and what happened to it, or the same thing measured and which way
    it moved, or the same event of a date. Such claims are one claim however differently the
    rest reads. (Callers test compatibility first, once for all their tests.)"""
    if not (a.decisive and b.decisive):
        return False
    if a.kind == "count":
        return a.predicate == b.predicate and (a.unit == b.unit or (a.generic_unit and b.generic_unit))
    if a.kind in ("date", "time"):
        return _same_event_frame(a, b)
    return a.subject == b.subject and a.direction == b.direction


def similarity(a: Item, b: Item) -> float:
    """Evidence (about 0..2) that two compatible claims state the same thing.

    Agreement of what is counted and what happened to it, of the words next to each
    figure, and of the whole sentence with its numbers removed.
    """
    from rapidfuzz import fuzz

    score = 0.0
    if a.kind == "count":
        if a.predicate and a.predicate == b.predicate:
            score += 0.3
        if a.unit == b.unit and not a.generic_unit:
            score += 0.3
    if a.subject and b.subject and a.subject == b.subject:
        # The extracted subject helps but is not reliable enough to keep claims apart.
        score += 0.3
    shared = len(a.window & b.window)
    if shared:
        score += 0.2 + 0.1 * min(shared - 1, 2)
        score += 0.3 * shared / len(a.window | b.window)
        if (a.low, a.high) == (b.low, b.high) and a.kind != "date":
            # The very same figure next to a shared word: agreeing readings cannot
            # raise a false alarm, so a lower bar is safe.
            score += 0.15
    else:
        # Nothing near the figures in common: only a very similar sentence can tie them.
        score -= 0.2
    score += 0.3 * fuzz.token_set_ratio(a.context, b.context) / 100.0
    return score


def overlap(a: Item, b: Item, tolerance: float) -> bool:
    """True if the two intervals (widened by the relative tolerance) share a value."""
    if a.kind == "date":
        return (
            a.timex is not None
            and b.timex is not None
            and (a.timex.startswith(b.timex) or b.timex.startswith(a.timex))
        )
    if not tolerance:  # no slack to work out (grouping asks this of most pairs)
        return a.low <= b.high and b.low <= a.high
    slack = _slack(a, b, tolerance)
    return a.low - slack <= b.high and b.low - slack <= a.high


def _slack(a: Item, b: Item, tolerance: float) -> float:
    """The relative tolerance as an amount: a share of the largest finite end of either interval."""
    if not tolerance:
        return 0.0
    finite = [abs(v) for v in (a.low, a.high, b.low, b.high) if math.isfinite(v)]
    return tolerance * max(finite, default=0.0)


def disjoint(a: Item, b: Item, tolerance: float, open_bounds: bool = True) -> bool:
    """Two figures that cannot both hold. A lower bound ("at least 40", "more than 200")
    allows any larger figure and an upper bound ("up to 400") any smaller one: the cap
    their intervals carry keeps groups comparable, but a later, larger toll does not
    contradict "at least 40". With `open_bounds` off, the capped intervals: figures that
    differ, as a toll that rose from "at least 32" to 61."""
    if a.kind == "date":
        return not overlap(a, b, 0)
    if _same_number_looser_unit(a, b):
        return False
    a_low, a_high = _bounds(a) if open_bounds else (a.low, a.high)
    b_low, b_high = _bounds(b) if open_bounds else (b.low, b.high)
    slack = _slack(a, b, tolerance)
    return not (a_low - slack <= b_high and b_low - slack <= a_high)


LOOSE_UNIT_RATIO = 1.2
"""How far apart two units may be for one number in each to be one figure ("13 miles"
at sea and "13 nautical miles", "5 tons" and "5 tonnes")."""


def _same_number_looser_unit(a: Item, b: Item) -> bool:
    """The same number in two close units of one kind: one report wrote the unit loosely."""
    if a.kind != "measure" or a.claim.unit == b.claim.unit or a.claim.value != b.claim.value:
        return False
    low, high = sorted((abs(a.value or 0.0), abs(b.value or 0.0)))
    return low > 0 and high / low <= LOOSE_UNIT_RATIO


def _bounds(item: Item) -> tuple[float, float]:
    if item.bound == "lower":
        return item.low, math.inf
    if item.bound == "upper":
        return -math.inf, item.high
    return item.low, item.high


def time_relation(a: Item, b: Item) -> int:
    """-1 if a was published before b, 1 if after, 0 if at the same time or unknown."""
    day_a, moment_a = _published_point(a.article)
    day_b, moment_b = _published_point(b.article)
    if day_a is None or day_b is None:
        return 0
    if day_a != day_b:
        return -1 if day_a < day_b else 1
    if moment_a is None or moment_b is None:
        return 0
    try:
        if moment_a == moment_b:
            return 0
        return -1 if moment_a < moment_b else 1
    except TypeError:  # one aware, one naive: the order cannot be told
        return 0


@dataclass
class Reading:
    """Claims of a group that give one value (the same interval, or the same date)."""

    items: list[Item]
    sources: set[str]

    @property
    def first(self) -> Item:
        return self.items[0]


def readings(items: list[Item], include_revised: bool = True) -> list[Reading]:
    table: dict[tuple, Reading] = {}
    for item in items:
        if item.aside and not include_revised:
            continue
        key = (item.timex,) if item.kind == "date" else (item.value, item.low, item.high)
        reading = table.get(key)
        if reading is None:
            table[key] = Reading([item], {item.source})
        else:
            reading.items.append(item)
            reading.sources.add(item.source)
    return list(table.values())


def conflicting_readings(
    items: list[Item], tolerance: float, open_bounds: bool = True
) -> list[tuple[Reading, Reading]]:
    """Pairs of readings that cannot both hold, stated by different sources (with
    `open_bounds` off: that differ, see `disjoint`).

    A figure marked as an earlier or revised state is history, and a part of a count
    is not its total: neither competes with the current statement of the count.
    Readings are few, so this stays cheap however many copies repeat them.
    """
    found = readings([item for item in items if item.decisive], include_revised=False)
    pairs: list[tuple[Reading, Reading]] = []
    if found and found[0].first.kind == "date":
        for i, first in enumerate(found):
            for second in found[i + 1 :]:
                if len(first.sources | second.sources) >= 2 and not overlap(first.first, second.first, 0):
                    pairs.append((first, second))
        return pairs[:MAX_CONFLICT_PAIRS]
    # Sorted by lower bound, a reading can only be disjoint from those starting above its
    # upper bound: a sweep finds the disjoint pairs without comparing every pair.
    found.sort(key=lambda reading: (reading.first.low, reading.first.high))
    lows = [reading.first.low for reading in found]
    for i, first in enumerate(found):
        start = max(bisect.bisect_right(lows, first.first.high), i + 1)
        for second in found[start:]:
            if (
                len(first.sources | second.sources) >= 2
                and disjoint(first.first, second.first, tolerance, open_bounds)
                and _comparable(first, second)
            ):
                pairs.append((first, second))
                if len(pairs) >= MAX_CONFLICT_PAIRS:
                    return pairs
    return pairs


COMPARED_PER_READING = 8
"""Members of each reading tried when looking for two that may state one figure."""


def _comparable(first: Reading, second: Reading) -> bool:
    """Some claim of each reading, from different sources, may state the same figure. A
    group is joined by comparing a newcomer with a sample of its members, so two members
    far apart in a large group ("five died" today, "killed 170,000 in 2004") may never
    have been compared with each other. Figures whose own clauses name different days
    are of different moments (a vigil on Wednesday, a march on Monday)."""
    return any(
        a.source != b.source and compatible(a, b) and not _other_clause_moment(a, b)
        for a in first.items[:COMPARED_PER_READING]
        for b in second.items[:COMPARED_PER_READING]
    )


def _rising(lower: Reading, higher: Reading) -> bool:
    """Every source of the lower value published before every source of the higher one."""
    earliest = min(higher.items, key=lambda item: item.order)
    latest = max(lower.items, key=lambda item: item.order)
    return all(time_relation(item, earliest) < 0 for item in lower.items) and all(
        time_relation(latest, item) < 0 for item in higher.items
    )


def group_status(items: list[Item], params: FigureConflictParams, same_day_only: bool = True) -> GroupStatus:
    """single_source, consistent, evolving or conflict (see rules/figure-conflict.yaml and,
    for dates, rules/date-conflict.yaml, whose `same_day_only` is passed)."""
    sources = {item.source for item in items}
    if len(sources) < 2:
        # One article stating one figure two ways is a conflict of its own.
        return "conflict" if has_internal_conflict(items, params.relative_tolerance) else "single_source"
    differing = conflicting_readings(items, params.relative_tolerance, open_bounds=False)
    if not differing:
        return "consistent"
    if items[0].kind == "date":
        # The days differ; a conflict only where date-conflict would report it. Otherwise
        # the reports gave the day differently over time (an appointment that moved).
        return "conflict" if date_conflicts(items, same_day_only) else "evolving"
    # Figures that contradict also differ (an open bound only widens an interval): the
    # contradicting pairs are among the differing ones, no second pass over the readings.
    contradicting = [
        (first, second)
        for first, second in differing
        if disjoint(first.first, second.first, params.relative_tolerance)
    ]
    if not all(evolves(first, second, params) for first, second in contradicting):
        return "conflict"
    # "At least 32" on Monday and 61 on Tuesday agree, and tell of a toll that rose.
    return "evolving" if any(evolves(first, second, params) for first, second in differing) else "consistent"


def evolves(first: Reading, second: Reading, params: FigureConflictParams) -> bool:
    """Two readings of a count that changes over time, stated in the order it moves: a
    cumulative count rising, or a count that moves either way ("missing") changing."""
    item = first.first
    if item.kind != "count" or item.predicate is None:
        return False
    if item.predicate in {concept(word) for word in params.changing_predicates}:
        return _rising(first, second) or _rising(second, first) or _order_unknown(first, second)
    if item.predicate in {concept(word) for word in params.evolving_predicates}:
        return rising_pair(first, second) or _order_unknown(first, second)
    return False


def _order_unknown(first: Reading, second: Reading) -> bool:
    """Some report of either figure has no publication date: which came first cannot be
    told, so a count that changes over time may have changed between them."""
    return any(item.article.published is None for reading in (first, second) for item in reading.items)


def rising_pair(first: Reading, second: Reading) -> bool:
    """The lower of two readings was stated before the higher one (a count growing)."""
    if first.first.low <= second.first.low:
        return _rising(first, second)
    return _rising(second, first)


def same_event(a: Item, b: Item) -> bool:
    """Two counts in one article state one figure only if both say what happened to it.

    An article naturally counts the same noun several times over different sets
    ("54 games" this season, "four games" in the series); a figure restated two
    ways names its event both times ("destroyed 5,400 homes" ... "4,500 homes
    were destroyed").
    """
    return a.predicate is not None and b.predicate is not None and a.predicate == b.predicate


def internal_conflicts(items: list[Item], tolerance: float, reach: int = 8) -> list[tuple[Item, Item]]:
    """Pairs of one article's claims in a group that cannot both hold (copies checked once).

    A claim is compared with the `reach` claims before it that may state the same figure
    (for counts, those naming the same event: `same_event`), not with every one: an
    article with thousands of figures in one group is checked in linear time. Where no
    figure is stated more than `reach` + 1 times, that is every pair.
    """
    pairs: list[tuple[Item, Item]] = []
    for members, found in _internal_pairs(items, tolerance, reach):
        found.sort()  # the order of the every-pair comparison: by the first claim, then the second
        pairs.extend((members[first], members[second]) for first, second in found)
    return pairs


def has_internal_conflict(items: list[Item], tolerance: float, reach: int = 8) -> bool:
    """Whether `internal_conflicts` finds any pair (stopping at the first)."""
    return any(found for _members, found in _internal_pairs(items, tolerance, reach, first_only=True))


def _internal_pairs(
    items: list[Item], tolerance: float, reach: int, first_only: bool = False
) -> Iterator[tuple[list[Item], list[tuple[int, int]]]]:
    """Each article's members of the group, with the index pairs of those that conflict."""
    by_article: dict[str, list[Item]] = {}
    for item in items:
        if item.article.duplicate_of is None and not item.aside and item.decisive:
            by_article.setdefault(item.claim.article_id, []).append(item)
    for members in by_article.values():
        comparable: dict[str | None, list[int]] = {}
        for index, item in enumerate(members):
            if item.kind == "count" and item.predicate is None:
                continue  # a count that names no event states no figure to compare (same_event)
            if item.kind == "count" and not item.frame.head_explicit:
                # "12 people were killed" and "two people were killed" in one article are most
                # often two incidents, a subset or a background event: within one article a
                # count must name what it counts ("homes", "hostages") to be compared.
                continue
            key = item.predicate if item.kind == "count" else _happening(item)
            if item.kind != "count" and key is None:
                # "the 2.3 GHz model" and "up to 2.7 GHz", "a seven-year offer" and "an
                # eight-year offer": a measure, sum or length restated as the same figure says
                # what happened with it both times ("the ferry sank 4 nautical miles off ...").
                continue
            comparable.setdefault(key, []).append(index)
        found: list[tuple[int, int]] = []
        for indexes in comparable.values():
            for position, second in enumerate(indexes):
                for first in indexes[max(0, position - reach) : position]:
                    if _other_moment(members[first], members[second]):
                        continue
                    if not compatible(members[first], members[second]):
                        continue  # never compared when the group formed (see _comparable)
                    if disjoint(members[first], members[second], tolerance):
                        found.append((first, second))
                        if first_only:
                            yield members, found
                            return
        yield members, found


def _happening(item: Item) -> str | None:
    """What the clause of a measure, sum or length says happened ("sank", "paid"), as a
    date's event is read; None when it names nothing ("the 2.3 GHz model")."""
    event = read_event(item.claim)
    return event.name if event else None


def _other_clause_moment(a: Item, b: Item) -> bool:
    """Both figures' clauses name a day or time, and no day or time of one is the other's."""
    return _apart(a.clause_moments, b.clause_moments)


def _other_moment(a: Item, b: Item) -> bool:
    """Both sentences name a day or time, and no day or time of one is the other's."""
    return _apart(a.moments, b.moments)


def _apart(first: frozenset[str], second: frozenset[str]) -> bool:
    if not first or not second:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in first for y in second)


def date_conflicts(items: list[Item], same_day_only: bool) -> list[tuple[Item, Item]]:
    """Pairs of a date group's claims, from different sources, that give one event
    different days: both name the day and what happened, neither day is a reading of the
    other's words (a bare weekday read as the past or the coming one), and the reports
    appeared the same day; with `same_day_only` off, also reports of different days about
    a day that had passed when the earlier appeared (an appointment can move)."""
    # A relative day in a quotation ("I watched it last night") counts from when it was
    # said, which the report may not tell.
    dated = [
        item
        for item in items
        if _day_level(item) and item.decisive and not (item.claim.quoted and item.claim.relative)
    ]
    days = {item.claim.id: possible_days(item) for item in dated}
    pairs = []
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.source == b.source or days[a.claim.id] & days[b.claim.id] or _across_midnight(a, b):
                continue
            if _far_apart(a, b):
                continue  # "the Boxing Day tsunami of 2004" and "Tuesday's quake": two events
            if not _same_day(a.article, b.article) and (same_day_only or _scheduled(a, b)):
                continue  # a later report of a coming event may give its new date
            pairs.append((a, b))
    return pairs


SAME_EVENT_DAYS = 31
"""Days apart beyond which two dates are of two events, not one event misdated: reports
slip a day or a weekday, not months or years."""


def _far_apart(a: Item, b: Item) -> bool:
    try:
        first = date.fromisoformat((a.claim.timex or "")[:10])
        second = date.fromisoformat((b.claim.timex or "")[:10])
    except (TypeError, ValueError):
        return False
    return abs((first - second).days) > SAME_EVENT_DAYS


SMALL_HOURS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T0[0-5]")
"""A time before six in the morning: the night before may still be meant."""


def _across_midnight(a: Item, b: Item) -> bool:
    """A night and the small hours after it ("Thursday night" and "around 1:30 a.m." on
    Friday): one moment told either side of midnight."""
    for night, hours in (
        (a.claim.timex or "", b.claim.timex or ""),
        (b.claim.timex or "", a.claim.timex or ""),
    ):
        if night.endswith("TNI") and SMALL_HOURS_RE.match(hours):
            with contextlib.suppress(ValueError, OverflowError):
                if date.fromisoformat(night[:10]) + timedelta(days=1) == date.fromisoformat(hours[:10]):
                    return True
    return False


def possible_days(item: Item) -> set[str]:
    """The days a date claim can mean. A bare weekday ("on Tuesday") may be read as
    the past or the coming one: when the other reading is what another source
    says, the sources agree on the weekday and only the tense was read differently."""
    claim = item.claim
    days = {value[:10] for value in [claim.timex or "", *claim.readings] if value}
    published = item.article.reference_date
    bare_weekday = WEEKDAY_WORD_RE.search(claim.text) and not any(ch.isdigit() for ch in claim.text)
    if claim.relative and claim.timex and published and bare_weekday:
        try:
            day = date.fromisoformat(claim.timex[:10])
        except ValueError:
            return days
        shifts = (-7,) if day > published else (7,) if day < published else (-7, 7)
        for shift in shifts:
            with contextlib.suppress(OverflowError):  # a week past 9999-12-31 is no day
                days.add((day + timedelta(days=shift)).isoformat())
    return days


def _day_level(item: Item) -> bool:
    timex = item.claim.timex or ""
    return len(timex) >= 10 and timex[4] == "-" and timex[7] == "-"


def _scheduled(a: Item, b: Item) -> bool:
    """Whether either date was still to come when the earlier of the two reports appeared:
    an appointment can move; a day that has passed cannot."""
    days = [day for day in (a.article.reference_date, b.article.reference_date) if day is not None]
    if not days:
        return False
    first = min(days).isoformat()
    return any((item.claim.timex or "")[:10] > first for item in (a, b))


def _same_day(a: Article, b: Article) -> bool:
    day_a, day_b = a.reference_date, b.reference_date
    return day_a is not None and day_a == day_b
