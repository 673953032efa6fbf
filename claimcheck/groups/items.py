"""Claim keys: each claim prepared for grouping (kind, unit or counted noun, predicate,
subject, time scope, interval in base units, the words next to the figure).

    prepare_items(articles, claims) -> [Item]
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from claimcheck.budget import Meter, OverBudget
from claimcheck.errors import RuleFileError
from claimcheck.extract.words import WORD_RE, Lexicon, capitalised_names, concept, content_word, lexicon, stem
from claimcheck.groups.anchors import Dated, clause_moments, deadline, period_of, time_anchors, time_scopes
from claimcheck.groups.clauses import figure_window
from claimcheck.groups.events import Event, read_event
from claimcheck.groups.frame_words import frame_words
from claimcheck.groups.frames import Frame, read_frame
from claimcheck.models import Article, Claim, Kind
from claimcheck.rules import load_lexicon
from claimcheck.stories.duplicates import published_key

YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A partitive ("one of them", "two of the jurors", "five of his rebounds") counts a
# part of a set, not the set: it states no figure to compare with the set's size.
PARTITIVE_DETERMINER = r"(?:the|them|these|those|their|its|his|her|our|my|your|\w+['’]s)"
PARTITIVE_RE = re.compile(rf"\s+of\s+(?:{PARTITIVE_DETERMINER}\b|\d)", re.IGNORECASE)
DAY_TIMEX_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
MONTH_TIMEX_RE = re.compile(r"^\d{4}-\d{2}$")

WINDOW_TOKENS = 5
"""Tokens either side of a figure that say what it counts ("killed in the quake")."""
DATE_WINDOW_TOKENS = 8
"""A date often stands at the end of the clause that names its event ("the vote ... is set for")."""
PARTIAL_BEFORE = 30
PARTIAL_AFTER = 40
"""Characters searched for the markers of a part of a count."""
"""Characters around a figure searched for update markers ("had earlier put the toll at")."""
NUMERIC_KINDS = frozenset({"count", "money", "percent", "duration", "measure"})


# ---------------------------------------------------------------------------
# Claim groups


@dataclass(slots=True)
class Item:
    """A claim prepared for grouping: its keys, interval in base units and context words."""

    claim: Claim
    article: Article
    source: str
    """The canonical copy's id: claims of syndicated copies share one source."""
    kind: Kind
    unit: str | None
    generic_unit: bool
    predicate: str | None
    subject: str | None
    direction: str | None
    scopes: frozenset[str]
    window: frozenset[str]
    context: str
    low: float
    high: float
    value: float | None
    timex: str | None
    order: tuple
    sequence: tuple[str, ...] = ()
    """The sentence's content words in order, the figure as FIGURE and other numbers as NUMBER."""
    per: str | None = None
    """The rate's denominator ("$4,000 per person"): a rate is not a total."""
    repeat: bool = False
    """A date of another occurrence ("pledged a further 20 million on Tuesday")."""
    revised: bool = False
    """The sentence marks the figure as an earlier or revised state ("had earlier put it at")."""
    relation: bool = False
    """A time between events or a number of repetitions (see Window.relation)."""
    partial: bool = False
    """The figure is a part of a count ("including 9 children", "12 on Tuesday alone", one
    of two figures of one sentence): it agrees with a larger total, it cannot contradict it."""
    frame: Frame = field(default_factory=Frame)
    """Which question the figure answers, read from its clause (groups/frames.py)."""
    scope: str | None = None
    """A place, body or subset the figure is restricted to (not the story's own setting)."""
    event: Event | None = None
    """For a date: what happened and to whom ("started", "fire")."""
    position: int | None = None
    """The place of a figure in a tally of one sentence ("69 to 30": 0 and 1)."""
    time_unknown: bool = False
    """The figure's clause dates it relatively ("last week") in an article with no date."""
    moments: frozenset[str] = frozenset()
    """The days and times its sentence names ("struck at 9:30 a.m. and had a depth of 2.7
    miles"): two figures of one article whose sentences name different moments are of two
    events (two quakes of one night)."""
    bound: str | None = None
    """"lower" when the wording gives only a floor ("at least 40", "more than 200"), "upper"
    when it gives only a ceiling ("up to 400", "fewer than 20"); the interval's far end is
    a cap for grouping, not something the wording rules out."""
    clause_moments: frozenset[str] = frozenset()
    """The days and times of the figure's own clause, or fronting its sentence: reports of
    one event may date its sentences differently ("said on Monday", "broke out on
    Saturday"), but a figure whose clause names another day is of another moment
    ("On Wednesday night, about 200 attended the vigil"; "On Monday about 130 marched")."""
    period: str | None = None
    """A past year, month or season the wording puts a figure in ("In 2004 a tsunami
    killed 170,000", "At the end of July, a gunman made off with €103 million"): news
    states its own event's figures by the day or not at all, so a figure placed in a
    period tells of another event (or of that period's statistic)."""

    @property
    def aside(self) -> bool:
        """Not a statement of the current total: kept in its group, left out of conflicts."""
        return self.revised or self.partial or self.relation

    @property
    def decisive(self) -> bool:
        """The wording states enough of the frame to compare: what happened to a count, what
        a money, percent or duration figure measures. Other figures group but never conflict."""
        if self.time_unknown:
            return False  # "444,000 last week" with no publication date: which week?
        if self.kind == "count":
            return self.frame.predicate_explicit
        if self.kind in ("date", "time"):
            # A self-contradictory date ("yesterday, Thursday" on a Saturday) is the mismatch
            # rule's finding; which of its two days is meant cannot be told.
            return self.event is not None and not self.claim.mismatch
        return self.frame.head_explicit


# Calendar units have no fixed length: a month is 28 to 31 days, a year 365 or 366,
# so "a three-month stay" and "a 90-day stay" can both be right. In seconds per unit.
DAY_SECONDS = 86400.0
CALENDAR_SPANS: dict[str, tuple[float, float]] = {
    "month": (28 * DAY_SECONDS, 31 * DAY_SECONDS),
    "year": (365 * DAY_SECONDS, 366 * DAY_SECONDS),
    "decade": (3652 * DAY_SECONDS, 3653 * DAY_SECONDS),
}


def _calendar_span(claim: Claim, low: float, high: float) -> tuple[float, float]:
    """Widen a duration in months, years or decades to every length it may have."""
    span = CALENDAR_SPANS.get(claim.unit or "")
    if claim.kind != "duration" or span is None or claim.base_unit != "second" or not claim.value:
        return low, high
    factor = (claim.base_value or 0.0) / claim.value
    if factor <= 0:
        return low, high
    return low / factor * span[0], high / factor * span[1]


LIMIT_PREDICATES = frozenset({"capacity"})
"""Predicates whose figure is a maximum by nature: "up to" states it rather than hedging it."""
BOUNDS = {"more_than": "lower", "at_least": "lower", "less_than": "upper", "at_most": "upper"}
"""Hedges that give a figure one end only (Item.bound)."""
SCALE_WORD_RE = re.compile(r"(?i)\d\s*(?:thousand|million|billion|trillion|mln|bn|m|k)\b")
STATED_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _rounding(claim: Claim, low: float, high: float) -> tuple[float, float]:
    """A figure stated exactly is rounded to its last digit: "1.6 km" is 1.55 to 1.65 km, so
    it agrees with "1 mile" (1.609 km), and "six miles" is 5.5 to 6.5 miles; "$1 trillion"
    is 0.5 to 1.5 trillion, as "$2.3bn" is 2.25 to 2.35 billion. Counts and percentages,
    and money without a scale word, are exact."""
    scaled_money = claim.kind == "money" and SCALE_WORD_RE.search(claim.text) is not None
    if (claim.kind != "measure" and not scaled_money) or low != high or not claim.value:
        return low, high
    number = STATED_NUMBER_RE.search(claim.text)
    if number is None:
        # In words ("six miles", "half a mile"): rounded to the last digit of its value.
        stated = claim.value
        decimals = len(repr(float(stated)).partition(".")[2].rstrip("0"))
    else:
        stated = float(number.group().replace(",", ""))
        decimals = len(number.group(1) or "")
    if not stated:
        return low, high
    half_step = 0.5 * 10.0**-decimals * abs(low / stated)  # in base units, however scaled
    return low - half_step, high + half_step


def _vague_plural(text: str, rules_dir: str | None) -> bool:
    """ "Thousands of", "tens of thousands", "dozens": a vague plural of a scale."""
    from claimcheck.extract.numeric_lexicon import load_numeric_lexicon

    numbers = load_numeric_lexicon(rules_dir)
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return first in numbers.vague or first in numbers.vague_multipliers


def base_interval(claim: Claim) -> tuple[float, float] | None:
    """The claim's interval in its base unit (the factor of value -> base_value applied)."""
    base = claim.base_value if claim.base_value is not None else claim.value
    if base is None:
        return None
    value = claim.value
    factor = base / value if value not in (None, 0) else 1.0
    low = claim.low if claim.low is not None else value
    high = claim.high if claim.high is not None else value
    low = base if low is None else low * factor
    high = base if high is None else high * factor
    if math.isnan(low) or math.isnan(high):
        return None
    return _calendar_span(claim, min(low, high), max(low, high))


@lru_cache(maxsize=8192)
def sentence_tokens(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Word tokens with offsets; cached, since every figure of a sentence asks again."""
    return tuple((m.start(), m.end(), m.group()) for m in WORD_RE.finditer(sentence))


@dataclass(frozen=True, slots=True)
class Window:
    words: frozenset[str]
    """Stemmed content words near the figure (names and function words left out)."""
    partial: bool
    """Words next to the figure mark it as a part of a count ("including", "alone")."""
    repeat: bool
    """Words next to the figure mark another occurrence ("a further", "another", "again")."""
    relation: bool = False
    """Not a figure of the event itself: a time between events ("a month later", "11 days
    after the strike"), a number of repetitions ("three times"), a game statistic."""


def _window(claim: Claim, lex: Lexicon, names: frozenset[str] = frozenset()) -> Window:
    """What surrounds the claim in its sentence, within WINDOW_TOKENS tokens either side."""
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    length = claim.end - claim.start
    if not (0 <= offset <= len(sentence)):
        offset, length = 0, 0
    sentence, base = figure_window(sentence, offset, offset + length)
    offset -= base
    tokens = sentence_tokens(sentence)
    size = DATE_WINDOW_TOKENS if claim.kind in ("date", "time") else WINDOW_TOKENS
    before = [t for t in tokens if t[1] <= offset][-size:]
    after = [t for t in tokens if t[0] >= offset + length][:size]
    words = set()
    for start, _end, word in before + after:
        lowered = word.lower()
        # Names tell the story, not the figure: capitalised words mid-sentence, and
        # sentence-initial words the article capitalises elsewhere too.
        if word[0].isupper() and (start > 0 or lowered in names):
            continue
        content = content_word(word, lex)
        if content is not None:
            words.add(content)
    if lex.phrase_re is not None and (before or after):
        # Multi-word synonyms ("broke out" = started) within the window.
        span = sentence[(before or after)[0][0] : (after or before)[-1][1]].lower()
        words.update(lex.phrases[match.group().lower()] for match in lex.phrase_re.finditer(span))
    before_text = sentence[max(0, offset - PARTIAL_BEFORE) : offset]
    after_text = sentence[offset + length : offset + length + PARTIAL_AFTER]
    partial = bool(lex.part_before_re.search(before_text) or lex.part_after_re.search(after_text))
    repeat = any(word.lower() in lex.repeat_markers for _s, _e, word in before + after)
    next_word = after[0][2].lower() if after else ""
    # "lasted 21 days before the talks" is a length even though "before" follows it.
    says_length = any(word.lower() in lex.length_cues for _s, _e, word in before[-3:])
    relation = (claim.kind == "duration" and next_word in lex.offset_after and not says_length) or (
        claim.kind in ("count", "measure")
        and claim.direction is None
        and (claim.unit or "") in lex.uncompared_units
    )
    return Window(frozenset(words), partial, repeat, relation)


@cache
def _predicate_table(rules_dir: str | None) -> dict[str, str]:
    """Word -> predicate concept, from the concepts lexicon (empty if there is none)."""
    try:
        data = load_lexicon("concepts", rules_dir)
    except RuleFileError:
        return {}
    table: dict[str, str] = {}
    for name, words in (data or {}).get("predicates", {}).items():
        table[str(name).lower()] = str(name).lower()
        for word in words or ():
            word = str(word).lower()
            if " " not in word:
                table[word] = str(name).lower()
                # Stems catch the inflections a list leaves out ("injuring" from "injured").
                if len(stem(word)) >= 4:
                    table.setdefault(stem(word), str(name).lower())
    return table


def predicate_words(lex: Lexicon) -> dict[str, str]:
    return _predicate_table(lex.rules_dir)


FIGURE = "\x00figure"
NUMBER = "\x00number"
NAME_MARK = "@"


def _sequence(claim: Claim, lex: Lexicon) -> tuple[str, ...]:
    """Content words of the sentence in order (names kept, level verbs left out)."""
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    end = offset + (claim.end - claim.start)
    sentence, base = figure_window(sentence, offset, end)
    offset, end = offset - base, end - base
    words: list[str] = []
    for start, stop, word in sentence_tokens(sentence):
        if start < end and offset < stop:
            if not words or words[-1] != FIGURE:
                words.append(FIGURE)
            continue
        lowered = word.lower()
        if lowered[0].isdigit() and sentence[stop : stop + 1] == "-":
            # "10-year bond", "2-year yield": a number that names a kind of thing.
            words.append("#" + sentence[start:stop] + "-")
        elif lowered[0].isdigit() or lowered in lex.number_words:
            words.append(NUMBER)
        elif lowered in lex.contrast_ignored:
            continue  # "the powerful quake", "police said": they do not change what is counted
        elif lowered in lex.level_verbs:
            continue  # "rose to", "stood at", "reached": the same statement of a level
        else:
            content = content_word(word, lex)
            if content:
                # Names are marked: a name and a common word are no parallel pair.
                words.append(NAME_MARK + content if word[0].isupper() and start > 0 else content)
    return tuple(words)


def claim_window(claim: Claim) -> str:
    """The claim's sentence, or the window of a very long one it is read in."""
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    return figure_window(sentence, offset, offset + (claim.end - claim.start))[0]


def _context(sentence: str, lex: Lexicon) -> str:
    """The sentence's content words with numbers, dates and function words removed."""
    words = (content_word(word, lex) for _s, _e, word in sentence_tokens(sentence))
    return " ".join(sorted({word for word in words if word}))


def _predicate(claim: Claim, frame: Frame, lex: Lexicon) -> str | None:
    """What happened to the counted things, read from the figure's own clause. A counted
    noun is not its own predicate ("5,000 residents" is no population figure)."""
    if claim.kind != "count" or frame.predicate is None:
        return None
    if claim.unit:
        table = predicate_words(lex)
        unit = claim.unit.lower()
        if frame.predicate in (table.get(unit), table.get(stem(unit)), table.get(plural_noun(unit))):
            return None
    return frame.predicate


def _item(
    claim: Claim,
    article: Article,
    source: str,
    dated: Dated,
    lex: Lexicon,
    names: frozenset[str],
    setting: frozenset[str],
) -> Item | None:
    frame = read_frame(claim, lex.rules_dir)
    if frame.not_a_quantity or frame.negated:
        return None
    window = _window(claim, lex, names)
    scopes: frozenset[str] = frozenset()
    event = None
    if claim.kind != "date":
        scopes = time_scopes(claim, frame, dated)
        published = article.reference_date
        if not scopes and published is not None:
            scopes = frozenset({str(published.year)})
    if claim.kind in NUMERIC_KINDS:
        interval = base_interval(claim)
        if interval is None or (claim.kind == "count" and PARTITIVE_RE.match(article.text, claim.end)):
            return None
        low, high = _rounding(claim, *interval)
        bound = BOUNDS.get(claim.approx or "")
        if claim.approx == "range" and _vague_plural(claim.text, lex.rules_dir):
            bound = "lower"  # "thousands" is at least a thousand; writers keep no upper end
        if claim.approx == "at_most" and frame.predicate in LIMIT_PREDICATES:
            low = high  # "licensed to carry up to 400": the limit is 400, not any number below
            bound = None
        unit = claim.base_unit if claim.kind != "count" else claim.unit
        if claim.kind == "count":
            # The head of the counted noun ("dockworkers" -> worker), as a concept.
            unit_concept = frame.head if frame.head and frame.head_explicit else concept(unit)
        else:
            unit_concept = unit
        if unit_concept:
            # The counted noun is compared as the unit; as a context word it would count twice.
            window = replace(window, words=window.words - {stem(unit_concept), unit_concept})
        generic = claim.kind == "count" and (
            unit is None or unit.lower() in lex.generic_units or not frame.head_explicit
        )
        value = claim.base_value if claim.base_value is not None else claim.value
        timex = None
    elif (
        claim.kind in ("date", "time")
        and claim.timex
        and (DAY_TIMEX_RE.match(claim.timex) or (claim.kind == "date" and MONTH_TIMEX_RE.match(claim.timex)))
    ):
        event = read_event(claim, lex.rules_dir)
        if event is None:
            return None  # a date of no event the wording names: nothing to compare
        low = high = 0.0
        bound = None
        # "Saturday night" (2024-06-08TNI) is compared as its day: a part of day is no other date.
        unit_concept, generic, value, timex = None, False, None, claim.timex[:10]
    else:
        return None
    if frame.modality == "actual" and deadline(claim, frame, dated, article):
        frame = replace(frame, modality="target")  # "a shot for 70% of adults by July 4"
    scope = frame.scope
    if scope is not None and not scope.startswith("among:") and set(scope.split()) <= setting:
        scope = None  # the story's own setting ("in Turkey" in a Turkish quake story)
    return Item(
        claim=claim,
        article=article,
        source=source,
        kind="date" if claim.kind == "time" and timex else claim.kind,
        unit=unit_concept,
        generic_unit=generic,
        predicate=_predicate(claim, frame, lex),
        subject=frame.head if claim.kind != "count" and frame.head_explicit else None,
        direction=claim.direction or frame.direction,
        scopes=scopes,
        window=window.words,
        context=_context(claim_window(claim), lex),
        sequence=_sequence(claim, lex),
        low=low,
        high=high,
        value=value,
        timex=timex,
        order=(published_key(article), article.duplicate_of is not None, article.id, claim.start),
        revised=frame.revision == "earlier",
        partial=window.partial or frame.degree is not None or frame.other_set,
        relation=window.relation,
        per=concept(getattr(claim, "per", None)),
        repeat=window.repeat and claim.kind in ("date", "time"),
        frame=frame,
        scope=scope,
        event=event,
        position=frame.side,
        bound=bound,
    )


def plural_noun(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es" if not noun.endswith("s") else noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def prepare_items(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    rules_dir: str | None = None,
    story_of: dict[str, str] | None = None,
    meters: dict[str, Meter] | None = None,
    over_budget: dict[str, str] | None = None,
) -> list[Item]:
    """Claims that can be grouped, with their keys (claims of unknown articles are skipped).

    With `meters`, the time spent on an article's claims counts against its budget: an
    article over it gives no items, and its id and the reason go into `over_budget`."""
    over = over_budget if over_budget is not None else {}
    story_of = story_of if story_of is not None else {a.id: a.story for a in articles if a.story}
    lex = lexicon(rules_dir)
    by_id = {article.id: article for article in articles}
    anchors = time_anchors(claims, frame_words(rules_dir).reporting_verbs)
    items = []
    names_by_article: dict[str, frozenset[str]] = {}
    settings = _settings(articles, story_of, lex)
    for claim in claims:
        article = by_id.get(claim.article_id)
        if article is None or article.id in over:
            continue
        meter = meters.get(article.id) if meters is not None else None
        try:
            with meter.running() if meter is not None else nullcontext():
                item = _prepared(claim, article, anchors.dated, lex, names_by_article, settings, story_of)
                if meter is not None:
                    meter.check()
        except OverBudget as exc:
            over[article.id] = exc.reason
            continue
        if item is not None:
            clause_start, clause_end = item.frame.clause
            if item.kind != "date":
                item.period = period_of(claim, item.frame, anchors.periods, article.reference_date)
            item.moments = frozenset(anchors.moments.get((claim.article_id, claim.sentence_start), ()))
            item.clause_moments = clause_moments(claim, item.frame, anchors.moment_spans)
            relative = anchors.unanchored.get((claim.article_id, claim.sentence_start), [])
            item.time_unknown = item.kind != "date" and any(
                clause_start <= at < clause_end for at in relative
            )
            items.append(item)
    if over:
        items = [item for item in items if item.claim.article_id not in over]
    _mark_breakdowns(items)
    items.sort(key=lambda item: item.order)
    return items


def _prepared(
    claim: Claim,
    article: Article,
    dated: Dated,
    lex: Lexicon,
    names_by_article: dict[str, frozenset[str]],
    settings: dict[str, frozenset[str]],
    story_of: dict[str, str],
) -> Item | None:
    source = article.duplicate_of or article.id
    names = names_by_article.get(article.id)
    if names is None:
        names = names_by_article[article.id] = frozenset(capitalised_names(article.text, lex))
    setting = settings.get(story_of.get(article.id, article.id), frozenset())
    return _item(claim, article, source, dated, lex, names, setting)


def _settings(
    articles: Sequence[Article], story_of: dict[str, str], lex: Lexicon
) -> dict[str, frozenset[str]]:
    """Per story, the stemmed words most of its articles use: where it happens, who it is
    about. A scope made of them ("in Turkey", "in the county" when every report is about
    the county) restricts nothing. A story of one article: the words of its title."""
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_story[story_of.get(article.id, article.id)].append(article)
    settings: dict[str, frozenset[str]] = {}
    for story, members in by_story.items():
        counts: Counter[str] = Counter()
        for article in members:
            text = article.title or "" if len(members) == 1 else f"{article.title or ''} {article.text}"
            counts.update({stem(word.lower()) for word in WORD_RE.findall(text)})
        needed = len(members) // 2 + 1  # more than half
        settings[story] = frozenset(word for word, count in counts.items() if count >= needed)
    return settings


TALLY_GAP_RE = re.compile(r"^\s*(?:votes?\s+)?(?:to|against|-|–|—)\s*$", re.IGNORECASE)
"""What stands between the two figures of a tally ("69 to 30", "30 votes to 12", "9-4")."""


def _mark_breakdowns(items: list[Item]) -> None:
    """Figures of one sentence counting the same thing: a tally ("69 to 30") gives each
    its place; otherwise ("12 in the capital and 28 in the provinces", "rose from 30 to
    45") they are parts or stages, not the total."""
    seen: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind in ("count", "money", "percent") and not item.revised and item.position is None:
            key = (
                item.claim.article_id,
                item.claim.sentence_start,
                item.kind,
                None if item.generic_unit else item.unit,
                item.predicate,
                item.scope,
            )
            seen[key].append(item)
    for members in seen.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda item: item.claim.start)
        text = members[0].article.text
        gaps = [text[a.claim.end : b.claim.start] for a, b in itertools.pairwise(members)]
        if len(members) == 2 and all(TALLY_GAP_RE.match(gap) for gap in gaps):
            for position, item in enumerate(members):
                item.position = position
            continue
        for item in members:
            item.partial = True
