"""The temporal lexicon (rules/lexicon/temporal.yaml) as word tables, named regex parts
(DAY_RE, MONTH_RE, YEAR_RE ...) and the compiled patterns built from them; the
Mention (what the words say) and Timex (the date they name) records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from claimcheck.extract.alternation import trie_alternation
from claimcheck.rules import load_lexicon

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    type: TimexType
    value: str | None
    relative: bool
    readings: list[str] = field(default_factory=list)
    """Other plausible TIMEX3 values when the words allow more than one."""
    mismatch: str | None = None
    """Why the expression contradicts the date it names or the publication date."""
    evidence: str | None = None
    """The words the resolver relied on (tense cues, anchors, conventions)."""
    mod: str | None = None
    """TIMEX3 mod: START, END, MID, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE."""
    suggestion: str | None = None
    """An explicit rewrite of the date, e.g. "Thursday (Sept. 21)"."""
    conventional: bool = False
    """News convention settles the ambiguity (a same-day weekday means today)."""
    weekday_named: int | None = None
    """The ISO weekday the words name (1 = Monday), if any."""


@dataclass(slots=True)
class Mention:
    """What a matched expression says, before resolution."""

    start: int
    end: int
    kind: str
    data: dict[str, Any]


SPACES_RE = re.compile(r"\s+")
LEXICON: dict[str, Any] = load_lexicon("temporal")


def _alternation(words: Iterable[str], case_sensitive: bool = False) -> str:
    """Longest first, so that "September" wins over "Sep"; spaces match any run of spaces.
    Ties in alphabetical order: a set's order changes from one process to the next, and the
    pattern must not (compiled patterns are cached by their text, claimcheck.cache).

    Written as a trie (faster to scan) where that matches the same: single-spaced words, in
    lower case unless the alternation is `case_sensitive`. Two such words that match at one
    place are one the other's prefix, and the trie, like the list, tries the longer first."""
    unique = set(words)
    if all(_trie_safe(word, case_sensitive) for word in unique):
        return trie_alternation(unique)
    ordered = sorted(unique, key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _trie_safe(word: str, case_sensitive: bool) -> bool:
    if not word or word != " ".join(word.split()):
        return False
    if case_sensitive:
        return True
    # Ignoring case, "May" matches where "mayor" does, and "ı" where "i" does: no prefix.
    return word == word.lower() and all(char.isascii() or char.lower() == char.upper() for char in word)


def _capitalized(words: Iterable[str]) -> str:
    """Case-sensitive forms of names: "May" or "MAY", never "may"."""
    forms = [form for word in words for form in (word.capitalize(), word.upper())]
    return "(?-i:" + _alternation(forms, case_sensitive=True) + ")"


def lexicon_lookup(table: dict[str, Any], word: str) -> Any:
    return table[SPACES_RE.sub(" ", word.lower().rstrip("."))]


MONTHS: dict[str, int] = {**LEXICON["months"], **LEXICON["month_abbreviations"]}
WEEKDAYS: dict[str, int] = {**LEXICON["weekdays"], **LEXICON["weekday_abbreviations"]}
UNITS: dict[str, list[Any]] = LEXICON["units"]
UNIT_PLURALS: dict[str, str] = LEXICON["unit_plurals"]
NUMBERS: dict[str, int | float] = LEXICON["numbers"]
ORDINALS: dict[str, int] = LEXICON["ordinals"]
VAGUE_NUMBERS: set[str] = set(LEXICON["vague_numbers"])
PARTS_OF_DAY: dict[str, str] = LEXICON["parts_of_day"]
SEASONS: dict[str, str] = LEXICON["seasons"]
MODIFIERS: dict[str, str] = LEXICON["modifiers"]
DURATION_MODS: dict[str, str] = LEXICON["duration_mods"]
AMBIGUOUS_MONTHS: set[str] = set(LEXICON["ambiguous_months"])
MONTH_CONTEXT: set[str] = set(LEXICON["month_context"])
AGE_WORDS = LEXICON["age_words"]
CLOCK_CONTEXT: set[str] = set(LEXICON["clock_context"])
NOON_IDIOMS_BEFORE: set[str] = set(LEXICON["noon_idioms_before"])
AMBIGUOUS_MONTH_BLOCKERS_AFTER: set[str] = set(LEXICON["ambiguous_month_blockers_after"])
SPAN_PREPOSITIONS: set[str] = set(LEXICON["span_prepositions"])
TITLE_SMALL_WORDS: set[str] = set(LEXICON["title_small_words"])
NAMED_DAY_BEFORE: set[str] = set(LEXICON["named_day_before"])
NAMED_DAY_AFTER: set[str] = set(LEXICON["named_day_after"])
NAMED_TODAY_AFTER: set[str] = set(LEXICON["named_today_after"])
YEAR_BLOCKERS_BEFORE: set[str] = set(LEXICON["year_blockers_before"])
YEAR_BLOCKERS_AFTER: set[str] = set(LEXICON["year_blockers_after"])
QUARTER_NOUNS: set[str] = set(LEXICON["quarter_nouns"])
GAME_WORDS: set[str] = set(LEXICON["game_words"])
HOLIDAYS: dict[str, dict[str, int]] = LEXICON["holidays"]
HOLIDAY_BLOCKERS_AFTER: set[str] = set(LEXICON["holiday_blockers_after"])
FRACTION_AFTER: set[str] = set(LEXICON["fraction_after"])
SECOND_AFTER = frozenset(["ago", "later", "earlier", "before", "after", "or", "and", "of", "to", "in"])
# "will March to", "plan to March": the verb, even capitalized.
VERB_BEFORE = frozenset(["to", "will", "would", "may", "might", "can", "could", "shall", "should"])
PHRASE_OPENERS: set[str] = set(LEXICON["phrase_openers"])

# --- Named parts --------------------------------------------------------------

MONTH_NAME_RE = _capitalized(LEXICON["months"])
MONTH_ABBR_RE = _capitalized(LEXICON["month_abbreviations"])
# A full name, or an abbreviation with an optional period ("Sept.", "Sep").
MONTH_RE = rf"(?:{MONTH_NAME_RE}|{MONTH_ABBR_RE}\.?)(?![\w'])"
WEEKDAY_NAME_RE = _capitalized(LEXICON["weekdays"])
WEEKDAY_ABBR_RE = _capitalized(LEXICON["weekday_abbreviations"])
WEEKDAY_RE = rf"{WEEKDAY_NAME_RE}(?!\w)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d/]|[:.]\d|,\d{3})"
YEAR_RE = r"(?:1[0-9]|20)\d\d(?![\d%])"
PART_OF_DAY_RE = _alternation(PARTS_OF_DAY)
SEASON_RE = _alternation(SEASONS)
ZONE_RE = rf"(?-i:{_alternation(LEXICON['time_zones'])})\b"
AMPM_RE = r"[ap]\.?\s?m\b\.?"
# "10:43 a.m. EST", "9 p.m.", "15:00 GMT", "4 in the morning", "noon", "midday"
CLOCK_RE = (
    rf"(?:(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*{AMPM_RE}|(?:1[0-2]|0?[1-9])\s*{AMPM_RE})(?:\s*{ZONE_RE})?"
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?!:?\d)(?:\s*{ZONE_RE})?"
    rf"|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s+in\s+the\s+(?:morning|afternoon|evening)\b|noon|midnight|midday)"
)
_unit_words = [*UNITS, *UNIT_PLURALS]
UNIT_RE = rf"(?:{_alternation(_unit_words)})(?:s)?(?![\w])"
UNIT_SINGULAR_RE = rf"(?:{_alternation(UNITS)})(?![\w-])"
NUMBER_WORD_RE = _alternation([word for word in NUMBERS if " " not in word and len(word) > 2])
TENS_RE = _alternation([word for word, value in NUMBERS.items() if value in range(20, 100, 10)])
ONES_RE = _alternation([word for word, value in NUMBERS.items() if value in range(1, 10) and len(word) > 2])
TEENS_RE = _alternation([word for word, value in NUMBERS.items() if value in range(10, 20)])
NUMBER_RE = (
    rf"(?:\d+\s+1/2|\d*½|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{TENS_RE})[\s-]+(?:{ONES_RE})\b"
    rf"|(?:{NUMBER_WORD_RE})(?:-(?:{NUMBER_WORD_RE}))?"
    rf"|{_alternation([word for word in NUMBERS if ' ' in word or len(word) <= 2])}"
    rf"|{_alternation(VAGUE_NUMBERS)})"
)
MOD_RE = rf"(?:{_alternation(MODIFIERS)})"
REL_RE = r"(?:last|next|this|coming|past|previous|following|current|latest)"
ORDINAL_RE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_alternation(ORDINALS)})"
_F = re.IGNORECASE

# --- Patterns -----------------------------------------------------------------

ISO_DATE_RE = re.compile(
    r"(?<![\w/-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?P<zone>Z|[+-]\d\d:?\d\d)?)?"
    r"(?![\w/-])"
)
SLASH_DATE_RE = re.compile(r"(?<![\w/.])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?![\w/])")
# A weekday before a date, as "Friday, Sept. 22", "Fri Sep 22" or "Friday (Sept. 22)".
WEEKDAY_PREFIX_RE = rf"(?:(?P<weekday>{WEEKDAY_NAME_RE}|{WEEKDAY_ABBR_RE}\.?)(?:\s*(?P<paren>\()\s*|,?\s+))?"
PAREN_CLOSE_RE = r"(?(paren)\))"
# A second day after "and"/"or" ("April 24 and 25"), unless a noun follows it ("and 25 people").
SECOND_DAY_RE = (
    rf"(?:\s*[-–]\s*|\s+(?:and|or)\s+)(?P<day2>{DAY_RE})(?!\s+(?!(?:in|at|on|of|and|to|for)\b)[a-z])"
)
# Where a date with a name can start: a capital, or a modifier. A cheap first test at each
# position (most words are neither).
NAME_RELATIONS = ("last", "next", "this", "coming", "past")
"""Words before a name that say which one: "last May", "next Friday", "this Christmas"."""
_NAMED_DATE_STARTERS = {modifier.split()[0] for modifier in MODIFIERS} | set(NAME_RELATIONS)
NAMED_DATE_START_RE = rf"(?=(?-i:[A-Z])|(?:{_alternation(_NAMED_DATE_STARTERS)})\b)"
# "Friday, Sept. 23, 2023 at 10:43 a.m.", "March 12th", "Thu, Sep 21 2023", "Sept. 21-23",
# "last Oct. 23", "the week of March 6"
MONTH_DAY_RE = re.compile(
    rf"{NAMED_DATE_START_RE}(?:(?P<weekof>the\s+week\s+of)\s+)?{WEEKDAY_PREFIX_RE}"
    rf"(?:(?P<mod>{MOD_RE})[\s-]+)?"
    rf"(?:(?P<rel>last|next|this|coming|past)\s+)?"
    rf"(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})(?:{SECOND_DAY_RE})?(?:,?\s+(?P<year>{YEAR_RE}))?"
    rf"(?:,?\s+(?:at\s+)?(?P<clock>{CLOCK_RE}))?(?![\w-]){PAREN_CLOSE_RE}",
    _F,
)
# "22 Sep 2023 10:43", "Tuesday 19 September", "the 21st of September"
DAY_MONTH_RE = re.compile(
    rf"(?=(?-i:[A-Z])|the\b|\d){WEEKDAY_PREFIX_RE}(?:the\s+)?"
    rf"(?<![\d.,])(?P<day>{DAY_RE})(?:\s+of)?\s+(?P<month>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?"
    rf"(?:,?\s+(?:at\s+)?(?P<clock>{CLOCK_RE}))?(?![\w-]){PAREN_CLOSE_RE}",
    _F,
)
# "May 2010", "late last July", "September of last year", "this May", "in August"
MONTH_RE_PATTERN = re.compile(
    rf"{NAMED_DATE_START_RE}(?:(?P<mod>{MOD_RE})[\s-]+)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
    rf"(?P<month>{MONTH_NAME_RE}|{MONTH_ABBR_RE}\.?(?=,?\s+(?:of\s+)?{YEAR_RE}))(?![\w'])"
    rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR_RE})|(?P<relyear>last|next|this)\s+year))?",
    _F,
)
# "Friday", "Friday afternoon", "late Thursday", "next Friday", "Sunday night"
WEEKDAY_PATTERN = re.compile(
    rf"{NAMED_DATE_START_RE}(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
    rf"(?P<weekday>{WEEKDAY_NAME_RE})(?P<plural>s)?(?!\w)(?P<possessive>'s)?(?:\s+(?P<pod>{PART_OF_DAY_RE})\b)?",
    _F,
)
# "yesterday", "tonight", "yesterday morning", "yesterday, Thursday", "this morning", "late yesterday"
RELATIVE_DAY_RE = re.compile(
    rf"\b(?:the\s+day\s+(?P<twice>before\s+yesterday|after\s+tomorrow)"
    rf"|(?:(?P<mod>early|late)\s+)?(?P<word>{_alternation(LEXICON['relative_days'])})(?:'s)?"
    rf"(?:\s+(?P<pod>{PART_OF_DAY_RE}))?|(?P<this>this|last)\s+(?P<thispod>{PART_OF_DAY_RE}))\b"
    rf"(?:(?:,?\s+|\s*(?P<paren>\()\s*)(?P<weekday>{WEEKDAY_RE}){PAREN_CLOSE_RE})?",
    _F,
)
# "last week", "this year's", "early this year", "earlier this month", "next weekend"
RELATIVE_UNIT_RE = re.compile(
    rf"\b(?:(?P<side>earlier|later)\s+|(?P<mod>{MOD_RE})[\s-]+)?(?:the\s+)?(?P<rel>{REL_RE})\s+"
    rf"(?P<unit>week(?:end)?|month|year|quarter|decade|century|fiscal\s+year|{SEASON_RE})(?!\w)"
    rf"(?:'s)?",
    _F,
)
# "over the weekend", "during the weekend": the weekend nearest in the clause's tense
WEEKEND_RE = re.compile(r"\b(?:over|during|at|on|through|for)\s+(?P<span>the\s+weekend)\b(?!\s+of)", _F)
# "the end of the year", "the end of year", "the start of the month", "year-end"
PERIOD_EDGE_RE = re.compile(
    rf"\b(?:(?P<mod>{MOD_RE})\s+(?:the\s+)?(?P<unit>week|month|year)\b(?!\s+(?:of|in)\b)"
    rf"|(?P<end_unit>year|month|quarter)[\s-]end\b)",
    _F,
)
# "later in the day", "earlier in the week", "later that year", "the next day", "the next
# morning", "the day before"
ANAPHOR_RE = re.compile(
    r"\b(?:(?P<side>later|earlier)\s+(?:in\s+)?(?P<det>the|that)\s+(?P<unit>day|week|month|year)"
    r"|(?:the\s+)?(?P<step>next|following|previous|same)\s+(?:day|(?P<pod>morning|afternoon|evening|night))"
    r"|(?P<that>that|the)\s+day\s+(?P<dir>before|after)"
    r"|a\s+day\s+(?P<dir2>earlier|later|before|after))\b",
    _F,
)
# "three days ago", "two years from now", "almost four years ago", "a year earlier",
# "three months later", "two weeks before." (not "two weeks before the vote": a duration)
AGO_RE = re.compile(
    rf"\b(?P<unit>{UNIT_RE})\s+(?:(?P<dir>ago|from\s+now|hence)\b|(?P<rel>earlier|later)\b(?!\s+than\b)"
    rf"|(?P<rel2>before|after|previously|prior)(?=\s*(?:[.,;:!?)'\"”]|$)))",
    _F,
)
# The amount before the unit of an offset or a "-long" ("almost four", "three", "a"), read
# backwards from the unit: patterns match from their rarer end.
AMOUNT_BEFORE_RE = re.compile(
    rf"(?<![\w.,$£€/-])(?:(?P<hedge>{_alternation(DURATION_MODS)})\s+)?(?P<number>{NUMBER_RE})[\s-]+$", _F
)
# "three weeks", "44-day", "the past two years", "a mere 24 hours", "12 and 18 months",
# "two more weeks"
DURATION_RE = re.compile(
    rf"(?<![\w.,$£€/-])(?:(?P<lead>the\s+(?:past|last|next|first|following|coming|previous|final|"
    rf"initial)|a\s+mere|(?:almost|nearly))\s+)?"
    rf"(?:(?P<number2>\d+|{NUMBER_WORD_RE})\s+(?:and|to|or)\s+)?"
    rf"(?P<number>{NUMBER_RE})(?:\s+and\s+a\s+half)?(?P<sep>[\s-]+)"
    rf"(?:(?:more|additional|further|extra|straight|consecutive)\s+)?(?P<unit>{UNIT_RE})"
    rf"(?P<half>\s+and\s+a\s+half)?(?![\w-]|'s?\s+(?!\w))",
    _F,
)
# "decades-long", "a day-long meeting", "a two-year-long war", "weeklong"
LONG_RE = re.compile(rf"\b(?P<unit>{UNIT_RE})-long\b|\b(?P<joined>day|week|month|year)long\b", _F)
# "the past year", "the next decade", "the following decade" (one unit, a duration)
DURATION_ONE_RE = re.compile(
    rf"\bthe\s+(?P<lead>past|next|following|coming|previous)\s+(?P<unit>{UNIT_SINGULAR_RE})",
    _F,
)
# "for years", "in recent weeks", "days before", "take weeks"
BARE_UNITS_RE = re.compile(
    rf"\b(?P<lead>(?:{_alternation(LEXICON['bare_unit_before'])})\s+)?"
    rf"(?P<unit>(?:second|minute|hour|day|week|month|year|decade)s|centuries)\b"
    rf"(?P<tail>\s+(?:{_alternation(LEXICON['bare_unit_after'])})\b)?",
    _F,
)
# "the 1990s", "the early '90s", "the nineties"
DECADE_RE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
    rf"(?:(?P<decade>1[0-9]\d0|20\d0)'?s|'(?P<short>\d0)s"
    rf"|(?P<word>{_alternation(LEXICON['decade_words'])}))(?!\w)",
    _F,
)
# "nineteen eighty-nine", "nineteen ninety", "eighteen hundred"
SPELLED_YEAR_RE = re.compile(
    rf"\b(?P<century>eighteen|nineteen)[\s-]+(?P<rest>(?:{TENS_RE})(?:[\s-]+(?:{ONES_RE}))?|{TEENS_RE}"
    rf"|oh[\s-]+(?:{ONES_RE})|hundred)\b(?![\s-]+(?:{ONES_RE}|{TENS_RE}|hundred)\b)",
    _F,
)


def _title(name: str) -> str:
    """ "fourth of july" -> "Fourth of July", "new year's day" -> "New Year's Day"."""
    return " ".join(word if word == "of" else word[0].upper() + word[1:] for word in name.split())


HOLIDAY_NAME_RE = (
    "(?-i:"
    + _alternation((form for name in HOLIDAYS for form in (_title(name), name.upper())), case_sensitive=True)
    + ")"
)
# "Thanksgiving", "last Christmas", "Labor Day weekend", "Easter week", "Christmas 1998"
HOLIDAY_RE = re.compile(
    rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<name>{HOLIDAY_NAME_RE})(?![\w'])"
    rf"(?:\s+(?P<tail>week|weekend)\b)?(?:,?\s+(?P<year>{YEAR_RE}))?",
    _F,
)
CENTURY_RE = re.compile(rf"\b(?:the\s+)?(?P<ordinal>{ORDINAL_RE})[\s-]+century\b", _F)
# "in 1991", "2009-2010", "1957-58", "fiscal 2013", "post-1959"
YEAR_PATTERN = re.compile(
    rf"(?<![\w$£€.,/#+-])(?:(?P<mod>{MOD_RE})[\s-]+)?(?:(?P<fiscal>fiscal\s+(?:year\s+)?|FY\s?))?"
    rf"(?:(?P<prepost>pre|post)-)?"
    rf"(?P<year>(?:1[5-9]|20)\d\d)(?:(?P<dash>[-–/]|\s+to\s+)(?P<second>(?:1[5-9]|20)\d\d|\d\d))?"
    rf"(?![\w%]|[.,]\d|-\w)",
    _F,
)
# "the third quarter of 2023", "Q3 2023", "the first half of the year", "the fiscal fourth
# quarter", "last year's third quarter", "1989's third quarter", "the company's fourth quarter",
# "the fourth period"
QUARTER_RE = re.compile(
    rf"\b(?:(?:(?P<mod>{MOD_RE})\s+)?(?:(?P<possyear>last|this|next)\s+year's\s+|(?P<yearposs>{YEAR_RE})'s\s+"
    rf"|(?P<the>the)\s+|(?P<poss>(?<='s\s)))?"
    rf"(?:(?P<fiscal>fiscal)\s+)?"
    rf"(?P<ordinal>first|second|third|fourth|last|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?"
    rf"(?P<part>quarter|half|period)|(?-i:(?P<letter>[QH])(?P<number>[1-4])))"
    rf"(?:(?:\s+of|,)?\s+(?:(?P<year>{YEAR_RE})|(?:the\s+|this\s+)?(?P<relyear>year|last\s+year|"
    rf"next\s+year))|(?P<cyear>\s+{YEAR_RE}))?(?!\w)",
    _F,
)
# "the quarter", "the year-earlier quarter", "the year-ago period", "the same quarter last year":
# a quarter named before (or a year before it); "the quarter ended Sept. 30": that month's.
QUARTER_REF_RE = re.compile(
    r"\bthe\s+(?:(?P<ago>year[\s-]+(?:earlier|ago)|prior[\s-]+year|previous[\s-]+year)\s+"
    r"|(?P<same>same|comparable|corresponding|year-before|latest)\s+)?(?:fiscal\s+)?(?P<part>quarter|period|half)\b"
    r"(?P<tail>\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?(?:the\s+)?(?:previous|prior)\s+year"
    rf"|last\s+year|of\s+last\s+year))?(?:(?=\s+(?:ended|ending)\s+(?P<endmonth>{MONTH_RE})))?",
    _F,
)
# "summer 2022", "the summer of 2022", "in the spring", "last summer" (with a year or context)
SEASON_PATTERN = re.compile(
    rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<prep>in|during|by|until|over|since|through)\s+"
    rf"(?:the\s+)?)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?:(?P<year>{YEAR_RE})|['’](?P<short>\d\d)))?(?!\w)",
    _F,
)
# "now", "currently", "in the past", "the future", "future generations", "at the time,"
REF_RE = re.compile(
    rf"\b(?:(?P<present>{_alternation(LEXICON['present_ref'])})"
    rf"|(?<=in\s)(?P<past>the\s+past)(?!\s+(?:\d|{NUMBER_WORD_RE}|few|several))"
    rf"|(?P<past2>{_alternation(LEXICON['past_ref'])})"
    rf"|(?P<future>(?:the\s+(?:(?:near|distant|foreseeable|immediate)\s+)?)?(?-i:future))(?!s\b)"
    rf"|(?P<future2>{_alternation(LEXICON['future_ref'])}))"
    rf"\b(?![-'])",
    _F,
)
# "every morning", "each year", "every other week", "on Fridays" (weekday plural), "annually"
SET_RE = re.compile(
    rf"\b(?:(?P<quant>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<number>{NUMBER_RE})\s+)?"
    rf"(?:(?P<unit>{UNIT_RE})|(?P<weekday>{WEEKDAY_RE})|(?P<pod>{PART_OF_DAY_RE})\b"
    rf"|(?P<season>{SEASON_RE})\b|(?P<month>{MONTH_NAME_RE})\b|(?P<sport>season)\b)"
    rf"|(?P<adverb>{_alternation(LEXICON['set_adverbs'])})"
    rf"|(?P<rate>once|twice|(?:\w+\s+)?times)\s+(?:a|an|per|each)\s+(?P<rateunit>{UNIT_SINGULAR_RE}))\b",
    _F,
)
# "in '87", "the class of '68": a year of two digits (the decade "'90s" is DECADE_RE's)
SHORT_YEAR_RE = re.compile(r"(?<![\w'’])['’](?P<short>\d\d)(?![\w'’%]|[.,:]\d)")
# "finished in 3:07:35", "a time of 2:08:12.5": hours, minutes and seconds elapsed (a race time;
# a clock time of day names no seconds in news)
ELAPSED_RE = re.compile(
    r"(?<![\w:.])(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d):(?P<seconds>[0-5]\d(?:\.\d+)?)"
    rf"(?![\w:]|\.\d|\s*{AMPM_RE})",
    _F,
)
# "at 8 p.m.", "10:43", "15:00 GMT Saturday", "noon on Friday", "midnight Nov. 15"
CLOCK_PATTERN = re.compile(
    rf"(?<![\w:.])(?P<clock>{CLOCK_RE})(?:,?\s+(?:on\s+)?(?P<weekday>{WEEKDAY_RE})"
    rf"|\s+(?P<word>today|tomorrow|yesterday|tonight)"
    rf"|\s+(?:on\s+)?(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})(?:,?\s+(?P<year>{YEAR_RE}))?(?![\w-]))?",
    _F,
)
