"""Claim keys: each claim prepared for grouping (kind, unit or counted noun, predicate,
subject, time scope, interval in base units, the words next to the figure).

    prepare_items(articles, claims) -> [Item]
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claimcheck.errors import RuleFileError
from claimcheck.extract.words import WORD_RE, Lexicon, concept, content_word, lexicon, stem
from claimcheck.models import Article, Claim, Kind
from claimcheck.rules import load_lexicon
from claimcheck.stories.clustering import capitalised_names
from claimcheck.stories.duplicates import published_key

YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A partitive ("one of them", "two of the jurors", "five of his rebounds") counts a
# part of a set, not the set: it states no figure to compare with the set's size.
PARTITIVE_DETERMINER = r"(?:the|them|these|those|their|its|his|her|our|my|your|\w+['’]s)"
PARTITIVE_RE = re.compile(rf"\s+of\s+{PARTITIVE_DETERMINER}\b", re.IGNORECASE)
DAY_TIMEX_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
MONTH_TIMEX_RE = re.compile(r"^\d{4}-\d{2}$")

WINDOW_TOKENS = 5
"""Tokens either side of a figure that say what it counts ("killed in the quake")."""
DATE_WINDOW_TOKENS = 8
"""A date often stands at the end of the clause that names its event ("the vote ... is set for")."""
SCOPE_GAP = 30
"""Characters between a figure and a date that scopes it ("killed on Monday")."""
PARTIAL_BEFORE = 30
PARTIAL_AFTER = 40
"""Characters searched for the markers of a part of a count."""
REVISION_BEFORE = 60
REVISION_AFTER = 30
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

    @property
    def aside(self) -> bool:
        """Not a statement of the current total: kept in its group, left out of conflicts."""
        return self.revised or self.partial or self.relation


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
    head: str | None
    """The first content word after the figure: the counted noun when no unit was read."""
    predicate: str | None
    """The nearest word naming what happened to the counted things (a predicate concept)."""
    reporting: bool
    """The figure is a date introduced by a reporting verb ("said on Tuesday")."""
    revised: bool
    """Words next to the figure mark it as an earlier state ("had earlier put it at")."""
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
    tokens = sentence_tokens(sentence)
    size = DATE_WINDOW_TOKENS if claim.kind in ("date", "time") else WINDOW_TOKENS
    before = [t for t in tokens if t[1] <= offset][-size:]
    after = [t for t in tokens if t[0] >= offset + length][:size]
    predicates = predicate_words(lex)
    words = set()
    head = predicate = None
    nearest = len(tokens) + 1
    for position, (start, _end, word) in enumerate(before + after):
        distance = len(before) - position if position < len(before) else position - len(before) + 1
        lowered = word.lower()
        found = predicates.get(lowered) or predicates.get(stem(lowered))
        if found and distance < nearest:
            predicate, nearest = found, distance
        # Names tell the story, not the figure: capitalised words mid-sentence, and
        # sentence-initial words the article capitalises elsewhere too.
        if word[0].isupper() and (start > 0 or lowered in names):
            continue
        content = content_word(word, lex)
        if content is None:
            continue
        words.add(content)
        if head is None and position >= len(before):
            head = content
    if lex.phrase_re is not None and (before or after):
        # Multi-word synonyms ("broke out" = started) within the window.
        span = sentence[(before or after)[0][0] : (after or before)[-1][1]].lower()
        words.update(lex.phrases[match.group().lower()] for match in lex.phrase_re.finditer(span))
    lead = [word.lower() for _s, _e, word in before[-2:]]
    reporting = any(word in lex.reporting_verbs for word in lead)
    # A marker of an earlier figure close before it, or just after ("32, up from 20").
    near = sentence[max(0, offset - REVISION_BEFORE) : offset + length + REVISION_AFTER]
    revised = bool(lex.update_re.search(near))
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
    return Window(frozenset(words), head, predicate, reporting, revised, partial, repeat, relation)


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


def _context(sentence: str, lex: Lexicon) -> str:
    """The sentence's content words with numbers, dates and function words removed."""
    words = (content_word(word, lex) for _s, _e, word in sentence_tokens(sentence))
    return " ".join(sorted({word for word in words if word}))


Dated = dict[tuple[str, int], list[tuple[int, int, str]]]


def _scopes(claim: Claim, dated: Dated) -> frozenset[str]:
    """The time a figure is about: its `scope`; else a date next to it (to the month:
    "on Monday" and "said on Tuesday" are one period) or a year anywhere in its
    sentence ("In 2020, ..."). Dates further away belong to other clauses ("..., which
    owns 12 percent, expects the deal to close in March")."""
    if claim.scope:
        return frozenset({claim.scope})
    offset = claim.start - claim.sentence_start
    length = claim.end - claim.start
    candidates = []
    for start, end, timex in dated.get((claim.article_id, claim.sentence_start), ()):
        gap = max(start - claim.end, claim.start - end, 0)
        if gap <= SCOPE_GAP or len(timex) == 4:
            candidates.append((gap, timex[:7]))
    for match in YEAR_RE.finditer(claim.sentence):
        if not offset <= match.start() < offset + length:
            gap = max(match.start() - offset - length, offset - match.end(), 0)
            candidates.append((gap, match.group()))
    if candidates:
        return frozenset({min(candidates)[1]})
    return frozenset()


def _predicate(claim: Claim, window: Window, lex: Lexicon) -> str | None:
    """What happened to the counted things: the extractor's reading, else the nearest
    predicate word. A counted noun is not its own predicate ("5,000 residents" is no
    population figure): such a reading is replaced by the window's."""
    if claim.kind != "count":
        return None
    own: tuple[str | None, ...] = ()
    if claim.unit:
        table = predicate_words(lex)
        unit = claim.unit.lower()
        own = (table.get(unit), table.get(stem(unit)), table.get(plural_noun(unit)))
    predicate = concept(claim.predicate)
    if predicate and predicate in own:
        predicate = None
    if predicate is None and window.predicate and window.predicate in own:
        return None
    return predicate or window.predicate


def _item(
    claim: Claim, article: Article, source: str, dated: Dated, lex: Lexicon, names: frozenset[str]
) -> Item | None:
    window = _window(claim, lex, names)
    scopes: frozenset[str] = frozenset()
    if claim.kind != "date":
        scopes = _scopes(claim, dated)
        published = article.reference_date
        if not scopes and published is not None:
            scopes = frozenset({str(published.year)})
    if claim.kind in NUMERIC_KINDS:
        interval = base_interval(claim)
        if interval is None or (claim.kind == "count" and PARTITIVE_RE.match(article.text, claim.end)):
            return None
        low, high = interval
        unit = claim.base_unit if claim.kind != "count" else claim.unit
        unit_concept = concept(unit) if claim.kind == "count" else unit
        if unit_concept:
            # The counted noun is compared as the unit; as a context word it would count twice.
            window = replace(window, words=window.words - {stem(unit_concept), unit_concept})
        generic = claim.kind == "count" and (unit is None or unit.lower() in lex.generic_units)
        value = claim.base_value if claim.base_value is not None else claim.value
        timex = None
    elif (
        claim.kind == "date"
        and claim.timex
        and not window.reporting
        and (DAY_TIMEX_RE.match(claim.timex) or MONTH_TIMEX_RE.match(claim.timex))
    ):
        low = high = 0.0
        unit_concept, generic, value, timex = None, False, None, claim.timex
    else:
        return None
    return Item(
        claim=claim,
        article=article,
        source=source,
        kind=claim.kind,
        unit=unit_concept,
        generic_unit=generic,
        predicate=_predicate(claim, window, lex),
        subject=concept(claim.subject),
        direction=claim.direction,
        scopes=scopes,
        window=window.words,
        context=_context(claim.sentence or claim.text, lex),
        sequence=_sequence(claim, lex),
        low=low,
        high=high,
        value=value,
        timex=timex,
        order=(published_key(article), article.duplicate_of is not None, article.id, claim.start),
        revised=window.revised,
        partial=window.partial,
        relation=window.relation,
        per=concept(getattr(claim, "per", None)),
        repeat=window.repeat and claim.kind in ("date", "time"),
    )


def plural_noun(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es" if not noun.endswith("s") else noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def prepare_items(
    articles: Sequence[Article], claims: Sequence[Claim], rules_dir: str | None = None
) -> list[Item]:
    """Claims that can be grouped, with their keys (claims of unknown articles are skipped)."""
    lex = lexicon(rules_dir)
    by_id = {article.id: article for article in articles}
    dated: Dated = defaultdict(list)
    for claim in claims:
        if claim.kind == "date" and claim.timex and claim.timex[:1].isdigit():
            dated[(claim.article_id, claim.sentence_start)].append((claim.start, claim.end, claim.timex))
    items = []
    names_by_article: dict[str, frozenset[str]] = {}
    for claim in claims:
        article = by_id.get(claim.article_id)
        if article is None:
            continue
        source = article.duplicate_of or article.id
        names = names_by_article.get(article.id)
        if names is None:
            names = names_by_article[article.id] = frozenset(capitalised_names(article.text, lex))
        item = _item(claim, article, source, dated, lex, names)
        if item is not None:
            items.append(item)
    _mark_breakdowns(items)
    items.sort(key=lambda item: item.order)
    return items


def _mark_breakdowns(items: list[Item]) -> None:
    """Two figures of one sentence counting the same thing ("12 in the capital and 28 in
    the provinces", "rose from 30 to 45") are parts or stages, not the total."""
    seen: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind in ("count", "money", "percent"):
            key = (item.claim.article_id, item.claim.sentence_start, item.kind, item.unit, item.predicate)
            seen[key].append(item)
    for members in seen.values():
        if len(members) > 1:
            for item in members:
                item.partial = True
