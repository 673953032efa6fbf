"""Temporal expressions: the tagger. Resolution lives in claimcheck/resolve.

    tag_sentence(text, start, end) -> list[Mention]

Each pattern (temporal_patterns.py) is a compiled constant built from named parts and
the word lists of rules/lexicon/temporal.yaml. A pattern's reader (temporal_readers.py)
turns a match into a `Mention` (what the words say); the resolver turns a mention into
a `Timex` (what date they name). Overlapping matches are settled longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimcheck.extract.temporal_durations import (
    read_bare_units,
    read_duration,
    read_duration_one,
    read_elapsed,
    read_long,
    read_set,
)
from claimcheck.extract.temporal_patterns import (
    AGO_RE,
    ANAPHOR_RE,
    BARE_UNITS_RE,
    CENTURY_RE,
    CLOCK_PATTERN,
    DAY_MONTH_RE,
    DECADE_RE,
    DURATION_ONE_RE,
    DURATION_RE,
    ELAPSED_RE,
    HOLIDAY_RE,
    HOLIDAYS,
    ISO_DATE_RE,
    LEXICON,
    LONG_RE,
    MODIFIERS,
    MONTH_DAY_RE,
    MONTH_RE_PATTERN,
    MONTHS,
    NUMBERS,
    PARTS_OF_DAY,
    PERIOD_EDGE_RE,
    QUARTER_RE,
    QUARTER_REF_RE,
    REF_RE,
    RELATIVE_DAY_RE,
    RELATIVE_UNIT_RE,
    SEASON_PATTERN,
    SEASONS,
    SET_RE,
    SHORT_YEAR_RE,
    SLASH_DATE_RE,
    SPELLED_YEAR_RE,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_PATTERN,
    WEEKEND_RE,
    YEAR_PATTERN,
    Mention,
)
from claimcheck.extract.temporal_readers import (
    Reader,
    read_ago,
    read_anaphor,
    read_century,
    read_clock,
    read_decade,
    read_holiday,
    read_iso,
    read_month,
    read_month_day,
    read_period_edge,
    read_quarter,
    read_quarter_ref,
    read_ref,
    read_relative_day,
    read_relative_unit,
    read_season,
    read_short_year,
    read_slash,
    read_spelled_year,
    read_weekday,
    read_weekend,
    read_year,
)

WORD_RE = re.compile(r"[a-z]+")
COMMON_WORDS = frozenset(
    ["the", "of", "at", "in", "for", "as", "a", "an", "this", "these", "right", "s", "st", "jr"]
)
"""Words of phrases too common to gate a pattern on ("at the moment" is gated by "moment")."""


def _words_of(*groups: Iterable[str]) -> frozenset[str]:
    """Lower-case words of words and phrases (less a phrase's common words): the words one of
    which a pattern's match holds."""
    found: set[str] = set()
    for group in groups:
        for item in group:
            words = WORD_RE.findall(item.lower()) or [item]
            found.update([word for word in words if word not in COMMON_WORDS] or words)
    return frozenset(found)


DIGIT = "#"
"""Trigger that stands for any digit in the sentence."""
# Triggers for patterns of digits, each standing for text every match of its pattern holds;
# looked for only in sentences with a digit (most sentences with digits hold no date).
HYPHEN, SLASH, COLON, APOSTROPHE, DECADE_SUFFIX, YEAR_DIGITS = "#-", "#/", "#:", "#'", "#0s", "#year"
DIGIT_SIGNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (HYPHEN, re.compile("-")),  # "2023-09-22"
    (SLASH, re.compile("/")),  # "9/22/2023"
    (COLON, re.compile(":")),  # "3:07:35"
    (APOSTROPHE, re.compile("['’]")),  # "'87"
    (DECADE_SUFFIX, re.compile(r"0'?s", re.I)),  # "1990s", "'90s", "1990's"
    (YEAR_DIGITS, re.compile(r"(?:1[5-9]|20)\d\d")),  # "1998", "fiscal 2019"
)
_MONTH_WORDS = _words_of(MONTHS)
_UNIT_WORDS = _words_of(UNITS, UNIT_PLURALS, [f"{unit}s" for unit in UNITS])
_NUMBER_WORDS = _words_of(NUMBERS, VAGUE_NUMBERS, [DIGIT])
_SEASON_WORDS = _words_of(SEASONS)

# (pattern, reader, priority, triggers): a pattern runs only on sentences holding one of its
# trigger words (a cheap gate: most sentences name no date). On overlap the longer match
# wins, then the higher priority.
PATTERNS: tuple[tuple[re.Pattern[str], Reader, int, frozenset[str]], ...] = (
    (ISO_DATE_RE, read_iso, 9, frozenset([HYPHEN])),
    (SLASH_DATE_RE, read_slash, 9, frozenset([SLASH])),
    (MONTH_DAY_RE, read_month_day, 8, _MONTH_WORDS),
    (DAY_MONTH_RE, read_month_day, 8, _MONTH_WORDS),
    (MONTH_RE_PATTERN, read_month, 7, _MONTH_WORDS),
    (CLOCK_PATTERN, read_clock, 7, frozenset([DIGIT, "noon", "midnight", "midday"])),
    (ELAPSED_RE, read_elapsed, 7, frozenset([COLON])),
    (RELATIVE_DAY_RE, read_relative_day, 7, _words_of(LEXICON["relative_days"], PARTS_OF_DAY)),
    (
        WEEKDAY_PATTERN,
        read_weekday,
        6,
        _words_of(LEXICON["weekdays"], [f"{d}s" for d in LEXICON["weekdays"]]),
    ),
    (
        AGO_RE,
        read_ago,
        8,
        _words_of(["ago", "now", "hence", "earlier", "later", "before", "after", "previously", "prior"]),
    ),
    (
        RELATIVE_UNIT_RE,
        read_relative_unit,
        6,
        _words_of(["last", "next", "this", "coming", "past", "previous", "following", "current", "latest"]),
    ),
    (PERIOD_EDGE_RE, read_period_edge, 5, _words_of(MODIFIERS, ["end"])),
    (
        ANAPHOR_RE,
        read_anaphor,
        5,
        _words_of(["later", "earlier", "next", "following", "previous", "same", "before", "after"]),
    ),
    (WEEKEND_RE, read_weekend, 4, frozenset(["weekend"])),
    (QUARTER_RE, read_quarter, 6, frozenset(["quarter", "half", "period", "q", "h"])),
    (QUARTER_REF_RE, read_quarter_ref, 5, frozenset(["quarter", "period", "half"])),
    (DECADE_RE, read_decade, 6, _words_of(LEXICON["decade_words"]) | {DECADE_SUFFIX}),
    (CENTURY_RE, read_century, 6, frozenset(["century"])),
    (YEAR_PATTERN, read_year, 4, frozenset([YEAR_DIGITS])),
    (SPELLED_YEAR_RE, read_spelled_year, 4, frozenset(["eighteen", "nineteen"])),
    (SHORT_YEAR_RE, read_short_year, 4, frozenset([APOSTROPHE])),
    (SEASON_PATTERN, read_season, 5, _SEASON_WORDS),
    (HOLIDAY_RE, read_holiday, 7, _words_of(HOLIDAYS) - frozenset(["day", "eve", "new"])),
    (DURATION_RE, read_duration, 5, _UNIT_WORDS),
    (DURATION_ONE_RE, read_duration_one, 5, _UNIT_WORDS),
    (LONG_RE, read_long, 5, _words_of(["long", "daylong", "weeklong", "monthlong", "yearlong"])),
    (SET_RE, read_set, 6, _words_of(["every", "each", "once", "twice", "times"], LEXICON["set_adverbs"])),
    (BARE_UNITS_RE, read_bare_units, 2, _UNIT_WORDS),
    (
        REF_RE,
        read_ref,
        3,
        _words_of(LEXICON["present_ref"], LEXICON["past_ref"], LEXICON["future_ref"], ["past future"]),
    ),
)
DIGIT_RE = re.compile(r"\d")


def _patterns_by_trigger() -> dict[str, int]:
    """Each trigger word with the patterns it gates, as bits (bit i: PATTERNS[i])."""
    found: dict[str, int] = {}
    for index, (_pattern, _reader, _priority, triggers) in enumerate(PATTERNS):
        for word in triggers:
            found[word] = found.get(word, 0) | 1 << index
    return found


PATTERNS_BY_TRIGGER = _patterns_by_trigger()
"""A sentence's patterns are found by one look-up a word, not a set test a pattern."""


def tag_sentence(text: str, start: int, end: int) -> list[Mention]:
    """Non-overlapping mentions of text[start:end], in text order."""
    chunk = text[start:end]
    gated = 0  # the patterns whose trigger words the sentence holds
    for word in WORD_RE.findall(chunk.lower()):
        gated |= PATTERNS_BY_TRIGGER.get(word, 0)
    if DIGIT_RE.search(chunk):
        gated |= PATTERNS_BY_TRIGGER.get(DIGIT, 0)
        for sign, sign_re in DIGIT_SIGNS:
            if sign_re.search(chunk):
                gated |= PATTERNS_BY_TRIGGER.get(sign, 0)
    candidates: list[tuple[int, int, Mention]] = []
    for index, (pattern, reader, priority, _triggers) in enumerate(PATTERNS):
        if not gated >> index & 1:
            continue
        for match in pattern.finditer(text, start, end):
            for mention in reader(match, text):
                if mention.end > mention.start:
                    candidates.append((mention.end - mention.start, priority, mention))
    if not candidates:
        return []
    candidates.sort(key=lambda item: (-item[0], -item[1], item[2].start))
    # The characters chosen mentions cover, marked: a candidate is checked against its own
    # span only (against every chosen mention, it is quadratic in a long sentence).
    base = min([start, *(mention.start for _l, _p, mention in candidates)])
    taken = bytearray(max([end, *(mention.end for _l, _p, mention in candidates)]) - base)
    chosen: list[Mention] = []
    for _length, _priority, mention in candidates:
        lo, hi = mention.start - base, mention.end - base
        if taken.find(1, lo, hi) == -1:
            taken[lo:hi] = b"\x01" * (hi - lo)
            chosen.append(mention)
    chosen.sort(key=lambda mention: mention.start)
    return chosen
