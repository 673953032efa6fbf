"""Temporal expressions: the tagger. Resolution lives in resolve.py.

    find_timexes(text, sentences, reference) -> list[Timex]

tags every temporal expression in the given sentences and resolves it against
`reference` (the publication date, or None when unknown) into a TIMEX3 value.

Each pattern below is a compiled constant built from named parts (DAY_RE,
MONTH_RE, YEAR_RE ...) and the word lists of rules/lexicon/temporal.yaml. A
pattern's reader turns a match into a `Mention` (what the words say); the
resolver turns a mention into a `Timex` (what date they name). Overlapping
matches are settled longest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from claimcheck.rules import load_lexicon
from claimcheck.spans import Sentence

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


LEXICON: dict[str, Any] = load_lexicon("temporal")


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that "September" wins over "Sep"; spaces match any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _capitalized(words: Iterable[str]) -> str:
    """Case-sensitive forms of names: "May" or "MAY", never "may"."""
    forms = [form for word in words for form in (word.capitalize(), word.upper())]
    return "(?-i:" + _alternation(forms) + ")"


def _lookup(table: dict[str, Any], word: str) -> Any:
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
NAMED_DAY_BEFORE: set[str] = set(LEXICON["named_day_before"])
NAMED_DAY_AFTER: set[str] = set(LEXICON["named_day_after"])
NAMED_TODAY_AFTER: set[str] = set(LEXICON["named_today_after"])
YEAR_BLOCKERS_BEFORE: set[str] = set(LEXICON["year_blockers_before"])
YEAR_BLOCKERS_AFTER: set[str] = set(LEXICON["year_blockers_after"])
QUARTER_NOUNS: set[str] = set(LEXICON["quarter_nouns"])
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
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:/]|\.\d|,\d{3})"
YEAR_RE = r"(?:1[0-9]|20)\d\d(?![\d%])"
PART_OF_DAY_RE = _alternation(PARTS_OF_DAY)
SEASON_RE = _alternation(SEASONS)
ZONE_RE = rf"(?-i:{_alternation(LEXICON['time_zones'])})\b"
AMPM_RE = r"[ap]\.?\s?m\b\.?"
CLOCK_RE = (
    rf"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*{AMPM_RE}|(?:1[0-2]|0?[1-9])\s*{AMPM_RE}"
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?!:?\d)(?:\s*{ZONE_RE})?|noon|midnight)"
)
_unit_words = [*UNITS, *UNIT_PLURALS]
UNIT_RE = rf"(?:{_alternation(_unit_words)})(?:s)?(?![\w])"
UNIT_SINGULAR_RE = rf"(?:{_alternation(UNITS)})(?![\w-])"
NUMBER_WORD_RE = _alternation([word for word in NUMBERS if " " not in word and len(word) > 2])
NUMBER_RE = (
    rf"(?:\d+\s+1/2|\d*½|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{NUMBER_WORD_RE})(?:-(?:{NUMBER_WORD_RE}))?"
    rf"|{_alternation([word for word in NUMBERS if ' ' in word or len(word) <= 2])}"
    rf"|{_alternation(VAGUE_NUMBERS)})"
)
MOD_RE = rf"(?:{_alternation(MODIFIERS)})"
REL_RE = r"(?:last|next|this|coming|past|previous|following)"
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
# "Friday, Sept. 23, 2023 at 10:43 a.m.", "March 12th", "Thu, Sep 21 2023", "Sept. 21-23"
MONTH_DAY_RE = re.compile(
    rf"{WEEKDAY_PREFIX_RE}(?:(?P<mod>{MOD_RE})[\s-]+)?"
    rf"(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})(?:\s*[-–]\s*(?P<day2>{DAY_RE}))?(?:,?\s+(?P<year>{YEAR_RE}))?"
    rf"(?:,?\s+(?:at\s+)?(?P<clock>{CLOCK_RE}))?(?![\w-]){PAREN_CLOSE_RE}",
    _F,
)
# "22 Sep 2023 10:43", "Tuesday 19 September", "the 21st of September"
DAY_MONTH_RE = re.compile(
    rf"{WEEKDAY_PREFIX_RE}(?:the\s+)?"
    rf"(?<![\d.,])(?P<day>{DAY_RE})(?:\s+of)?\s+(?P<month>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?"
    rf"(?:,?\s+(?:at\s+)?(?P<clock>{CLOCK_RE}))?(?![\w-]){PAREN_CLOSE_RE}",
    _F,
)
# "May 2010", "late last July", "September of last year", "this May", "in August"
MONTH_RE_PATTERN = re.compile(
    rf"(?:(?P<mod>{MOD_RE})[\s-]+)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
    rf"(?P<month>{MONTH_NAME_RE}|{MONTH_ABBR_RE}\.?(?=,?\s+(?:of\s+)?{YEAR_RE}))(?![\w'])"
    rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR_RE})|(?P<relyear>last|next|this)\s+year))?",
    _F,
)
# "Friday", "Friday afternoon", "late Thursday", "next Friday", "Sunday night"
WEEKDAY_PATTERN = re.compile(
    rf"(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
    rf"(?P<weekday>{WEEKDAY_NAME_RE})(?P<plural>s)?(?!\w)(?:'s)?(?:\s+(?P<pod>{PART_OF_DAY_RE})\b)?",
    _F,
)
# "yesterday", "tonight", "yesterday morning", "yesterday, Thursday", "this morning"
RELATIVE_DAY_RE = re.compile(
    rf"\b(?:the\s+day\s+(?P<twice>before\s+yesterday|after\s+tomorrow)"
    rf"|(?P<word>{_alternation(LEXICON['relative_days'])})(?:'s)?"
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
# "the end of the year", "the end of year", "the start of the month"
PERIOD_EDGE_RE = re.compile(
    rf"\b(?P<mod>{MOD_RE})\s+(?:the\s+)?(?P<unit>week|month|year)\b(?!\s+(?:of|in)\b)",
    _F,
)
# "later in the day", "earlier in the week", "the next day", "the day before"
ANAPHOR_RE = re.compile(
    r"\b(?:(?P<side>later|earlier)\s+(?:in\s+)?(?:the|that)\s+(?P<unit>day|week)"
    r"|(?:the\s+)?(?P<step>next|following|previous|same)\s+day"
    r"|(?P<that>that|the)\s+day\s+(?P<dir>before|after)"
    r"|a\s+day\s+(?P<dir2>earlier|later|before|after))\b",
    _F,
)
# "three days ago", "two years from now"
AGO_RE = re.compile(
    rf"\b(?P<number>{NUMBER_RE})[\s-]+(?P<unit>{UNIT_RE})\s+(?P<dir>ago|from\s+now|hence)\b",
    _F,
)
# "three weeks", "44-day", "the past two years", "a mere 24 hours", "12 and 18 months"
DURATION_RE = re.compile(
    rf"(?<![\w.,$£€/-])(?:(?P<lead>the\s+(?:past|last|next|first|following|coming|previous|final|"
    rf"initial)|a\s+mere|(?:almost|nearly))\s+)?"
    rf"(?:(?P<number2>\d+|{NUMBER_WORD_RE})\s+(?:and|to|or)\s+)?"
    rf"(?P<number>{NUMBER_RE})(?:\s+and\s+a\s+half)?(?P<sep>[\s-]+)(?P<unit>{UNIT_RE})"
    rf"(?P<half>\s+and\s+a\s+half)?(?![\w-]|'s?\s+(?!\w))",
    _F,
)
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
CENTURY_RE = re.compile(rf"\b(?:the\s+)?(?P<ordinal>{ORDINAL_RE})[\s-]+century\b", _F)
# "in 1991", "2009-2010", "1957-58", "fiscal 2013"
YEAR_PATTERN = re.compile(
    rf"(?<![\w$£€.,/#+-])(?:(?P<mod>{MOD_RE})[\s-]+)?(?:(?P<fiscal>fiscal\s+(?:year\s+)?|FY\s?))?"
    rf"(?P<year>(?:1[5-9]|20)\d\d)(?:(?P<dash>[-–/]|\s+to\s+)(?P<second>(?:1[5-9]|20)\d\d|\d\d))?"
    rf"(?![\w%]|[.,]\d|-\w)",
    _F,
)
# "the third quarter of 2023", "Q3 2023", "the first half of the year"
QUARTER_RE = re.compile(
    rf"\b(?:(?:the\s+)?(?P<ordinal>first|second|third|fourth|last|final|1st|2nd|3rd|4th)[\s-]+"
    rf"(?P<part>quarter|half)|(?-i:(?P<letter>[QH])(?P<number>[1-4])))"
    rf"(?:(?:\s+of|,)?\s+(?:(?P<year>{YEAR_RE})|(?:the\s+|this\s+)?(?P<relyear>year|last\s+year|"
    rf"next\s+year))|(?P<cyear>\s+{YEAR_RE}))?(?!\w)",
    _F,
)
# "summer 2022", "the summer of 2022", "in the spring", "last summer" (with a year or context)
SEASON_PATTERN = re.compile(
    rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<prep>in|during|by|until|over|since|through)\s+"
    rf"(?:the\s+)?)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>{YEAR_RE}))?(?!\w)",
    _F,
)
REF_RE = re.compile(
    rf"\b(?:(?P<present>{_alternation(LEXICON['present_ref'])})"
    rf"|(?<=in\s)(?P<past>the\s+past)(?!\s+(?:\d|{NUMBER_WORD_RE}|few|several))"
    rf"|(?P<past2>{_alternation(LEXICON['past_ref'])})"
    rf"|(?<=in\s)(?P<future>the\s+future)|(?P<future2>{_alternation(LEXICON['future_ref'])}))"
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
# "at 8 p.m.", "10:43", "15:00 GMT Saturday", "noon on Friday"
CLOCK_PATTERN = re.compile(
    rf"(?<![\w:.])(?P<clock>{CLOCK_RE})(?:,?\s+(?:on\s+)?(?P<weekday>{WEEKDAY_RE})"
    rf"|\s+(?P<word>today|tomorrow|yesterday|tonight))?",
    _F,
)


# --- Readers: match -> Mention ------------------------------------------------


def _clock(text: str | None) -> tuple[int, int, str | None] | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered == "noon":
        return 12, 0, None
    if lowered == "midnight":
        return 0, 0, None
    match = CLOCK_PARTS_RE.match(lowered)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) == "p" and hour < 12:
        hour += 12
    elif match.group(3) == "a" and hour == 12:
        hour = 0
    zone = match.group(4).upper() if match.group(4) else None
    return hour, minute, zone


def _number(word: str) -> int | float | None:
    """A cardinal as a number; None for vague amounts ("several")."""
    lowered = SPACES_RE.sub(" ", word.lower())
    if lowered in VAGUE_NUMBERS:
        return None
    half = lowered.endswith(("1/2", "½"))
    if half:
        whole = lowered.removesuffix("1/2").removesuffix("½").strip()
        return (int(whole) if whole else 0) + 0.5
    if lowered[0].isdigit():
        lowered = lowered.replace(",", "")
        return float(lowered) if "." in lowered else int(lowered)
    if "-" in lowered:
        tens, _, ones = lowered.partition("-")
        return NUMBERS.get(tens, 0) + NUMBERS.get(ones, 0)
    return NUMBERS.get(lowered)


def _unit(word: str) -> str:
    lowered = word.lower()
    if lowered in UNIT_PLURALS:
        return UNIT_PLURALS[lowered]
    if lowered not in UNITS and lowered.endswith("s"):
        lowered = lowered[:-1]
    return lowered


def _previous_word(text: str, start: int) -> str:
    match = PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
    return match.group(1).lower() if match else ""


def _next_words(text: str, end: int, count: int = 2) -> str:
    return " ".join(WORD_TOKEN_RE.findall(text, end, end + 40)[:count]).lower()


PREVIOUS_WORD_RE = re.compile(r"([\w'-]+)\W*$")
LEADING_DIGITS_RE = re.compile(r"\d+")
WORD_TOKEN_RE = re.compile(r"[\w'-]+")
SPACES_RE = re.compile(r"\s+")
CLOCK_PARTS_RE = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*(?:([ap])\.?\s?m\.?)?\s*(\w+)?")
BARE_CLOCK_RE = re.compile(r"\d{1,2}[:.]\d\d")
# "$5 a year", "100 people a day": a number shortly before "a UNIT" makes it a rate.
NUMBER_BEFORE_RE = re.compile(rf"(?:\d[\d,.]*|\b(?:{NUMBER_WORD_RE}))\s*(?:%|\w+)?\s*$", re.I)
PREVIOUS_TWO_WORDS_RE = re.compile(r"(?:([\w'-]+)\s+)?([\w'-]+)\s+$")
CAPITALIZED_BEFORE_RE = re.compile(r"\b[A-Z][\w.&-]*\s+$")
# A capitalized word right after a month name makes it a first name ("June Carter").
NAME_AFTER_RE = re.compile(rf"\s+(?!{MONTH_NAME_RE}|{WEEKDAY_NAME_RE}|(?-i:The|In|On|At|By)\b)[A-Z][a-z]")
DESCRIPTIVE_LEAD_RE = re.compile(r"(?:recent|past|coming|the|many|several|few)")
# "now that ...", "now on": a conjunction or "from now on", not the present moment.
NOW_CONJUNCTION_RE = re.compile(r"\s*(?:that|on)\b")
# A lower-case plural noun ("troops", "homes"), not "analysis", "status", "class", "was".
COUNTED_PLURAL_RE = re.compile(r"[a-z]+[^suiy'\W]s")


def _leading_int(word: str) -> int:
    """ "21st" -> 21, "24TH" -> 24."""
    return int(LEADING_DIGITS_RE.match(word).group())  # type: ignore[union-attr]


def _mention(match: re.Match[str], kind: str, **data: Any) -> Mention:
    return Mention(match.start(), match.end(), kind, data)


def read_iso(match: re.Match[str], text: str) -> list[Mention]:
    clock = None
    if match.group("hour"):
        clock = (int(match.group("hour")), int(match.group("minute")), match.group("zone"))
    return [
        _mention(
            match,
            "date",
            year=int(match.group("year")),
            month=int(match.group("month")),
            day=int(match.group("day")),
            clock=clock,
        )
    ]


def read_slash(match: re.Match[str], text: str) -> list[Mention]:
    first, second = int(match.group("first")), int(match.group("second"))
    # US order (month/day) unless the first number cannot be a month.
    month, day = (second, first) if first > 12 else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return []
    # "05/06/2023": May 6 in US order, June 5 elsewhere; both readings are kept.
    swapped = first <= 12 and second <= 12 and first != second
    return [_mention(match, "date", year=int(match.group("year")), month=month, day=day, swapped=swapped)]


def _month_day(match: re.Match[str], text: str) -> list[Mention]:
    weekday = match.group("weekday")
    month = _lookup(MONTHS, match.group("month"))
    day = _leading_int(match.group("day"))
    year = match.group("year")
    mod = match.groupdict().get("mod")
    first = _mention(
        match,
        "date",
        year=int(year) if year else None,
        month=month,
        day=day,
        weekday=_lookup(WEEKDAYS, weekday) if weekday else None,
        clock=_clock(match.group("clock")),
        mod=_lookup(MODIFIERS, mod) if mod else None,
    )
    second_day = match.groupdict().get("day2")
    if not second_day:
        return [first]
    # "Sept. 21-23": two dates, the second taking the first's month and year.
    day2 = _leading_int(second_day)
    if day2 <= day:
        return []
    first.end = match.end("day")
    second = Mention(
        match.start("day2"), match.end("day2"), "date", {**first.data, "day": day2, "weekday": None}
    )
    return [first, second]


def read_month(match: re.Match[str], text: str) -> list[Mention]:
    name = match.group("month").rstrip(".").lower()
    has_context = bool(match.group("rel") or match.group("mod") or match.group("year"))
    has_context = has_context or bool(match.group("relyear"))
    previous = _previous_word(text, match.start())
    if (
        name in AMBIGUOUS_MONTHS
        and not has_context
        and (previous not in MONTH_CONTEXT or (name == "march" and previous in VERB_BEFORE))
    ):
        return []
    # "April Ryan said": a first name, unless a preposition makes it a month.
    if not has_context and previous not in MONTH_CONTEXT and NAME_AFTER_RE.match(text, match.end()):
        return []
    relyear = match.group("relyear")
    mod = match.group("mod")
    return [
        _mention(
            match,
            "month",
            month=_lookup(MONTHS, name),
            rel=(match.group("rel") or "").lower() or None,
            year=int(match.group("year")) if match.group("year") else None,
            relyear=relyear.lower() if relyear else None,
            mod=_lookup(MODIFIERS, mod) if mod else None,
        )
    ]


def _named_day(text: str, start: int, end: int) -> bool:
    """ "Bloody Sunday", "the Good Friday Agreement", "The Sunday Times": a name, not a date."""
    before = PREVIOUS_TWO_WORDS_RE.search(text, max(0, start - 30), start)
    if before is not None:
        last = before.group(2).lower()
        if last in NAMED_DAY_BEFORE or f"{(before.group(1) or '').lower()} {last}" in NAMED_DAY_BEFORE:
            return True
    return _next_words(text, end, 1) in NAMED_DAY_AFTER


def read_weekday(match: re.Match[str], text: str) -> list[Mention]:
    if _named_day(text, match.start("weekday"), match.end("weekday")):
        return []
    weekday = _lookup(WEEKDAYS, match.group("weekday"))
    if match.group("plural"):
        return [_mention(match, "set", value=f"XXXX-WXX-{weekday}")]
    pod = match.group("pod")
    mod = match.group("mod")
    return [
        _mention(
            match,
            "weekday",
            weekday=weekday,
            rel=(match.group("rel") or "").lower() or None,
            pod=PARTS_OF_DAY[pod.lower()] if pod else None,
            mod=_lookup(MODIFIERS, mod) if mod else None,
        )
    ]


def read_relative_day(match: re.Match[str], text: str) -> list[Mention]:
    word = (match.group("word") or "").lower()
    surface = match.group("word") or ""
    # "USA Today", "the Today programme": a title, not the day.
    if surface[:1].isupper() and (
        CAPITALIZED_BEFORE_RE.search(text, max(0, match.start() - 30), match.start())
        or _next_words(text, match.end("word"), 1) in NAMED_TODAY_AFTER
    ):
        return []
    pod = match.group("pod") or match.group("thispod")
    if match.group("twice"):
        offset = -2 if match.group("twice").lower().startswith("before") else 2
        word = SPACES_RE.sub(" ", match.group(0).lower())
    elif match.group("this"):
        offset = -1 if match.group("this").lower() == "last" else 0
    else:
        offset = LEXICON["relative_days"][word]
    code = PARTS_OF_DAY[pod.lower()] if pod else ("NI" if word == "tonight" else None)
    weekday = match.group("weekday")
    return [
        _mention(
            match,
            "relday",
            offset=offset,
            pod=code,
            weekday=_lookup(WEEKDAYS, weekday) if weekday else None,
            word=word or f"{match.group('this').lower()} {pod.lower()}",
        )
    ]


def read_relative_unit(match: re.Match[str], text: str) -> list[Mention]:
    unit = SPACES_RE.sub(" ", match.group("unit").lower())
    rel = match.group("rel").lower()
    whole = match.group(0).lower()
    if rel in ("past", "following", "coming", "next") and whole.split()[0] == "the" and unit in UNITS:
        return []  # "the past year", "the next decade": durations (DURATION_ONE_RE)
    mod = match.group("mod")
    side = (match.group("side") or "").lower() or None
    return [
        _mention(
            match,
            "relunit",
            rel=rel,
            unit=unit,
            mod=_lookup(MODIFIERS, mod) if mod else None,
            side=side,
        )
    ]


def read_period_edge(match: re.Match[str], text: str) -> list[Mention]:
    return [
        _mention(
            match,
            "relunit",
            rel="this",
            unit=match.group("unit").lower(),
            mod=_lookup(MODIFIERS, match.group("mod")),
            side=None,
            edge=True,
        )
    ]


def read_weekend(match: re.Match[str], text: str) -> list[Mention]:
    return [Mention(match.start("span"), match.end("span"), "weekend", {})]


def read_anaphor(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("side"):
        return [_mention(match, "anaphor", offset=0, unit=match.group("unit").lower())]
    step = (match.group("step") or "").lower()
    direction = (match.group("dir") or match.group("dir2") or "").lower()
    offset = {"next": 1, "following": 1, "previous": -1, "same": 0}.get(step)
    if offset is None:
        offset = -1 if direction in ("before", "earlier") else 1
    return [_mention(match, "anaphor", offset=offset, unit="day")]


def read_ago(match: re.Match[str], text: str) -> list[Mention]:
    number = _number(match.group("number"))
    unit = _unit(match.group("unit"))
    if unit not in UNITS:
        return []
    sign = -1 if match.group("dir").lower() == "ago" else 1
    return [_mention(match, "ago", number=number, unit=unit, sign=sign)]


def _is_age(text: str, end: int) -> bool:
    """ "22-year-old", "6 months and older": an age, not a duration."""
    following = " ".join(_next_words(text, end, 3).replace("-", " ").split())
    return any(following == word or following.startswith(word + " ") for word in AGE_WORDS)


def _is_rate(text: str, start: int, number_word: str) -> bool:
    """ "$5 a year", "100 people a day": "a" means "per", not one."""
    if number_word.lower() not in ("a", "an"):
        return False
    previous = _previous_word(text, start)
    if previous in ("once", "twice", "times", "per") or previous.isdigit() or previous in NUMBERS:
        return True
    before = text[max(0, start - 30) : start]
    return bool(NUMBER_BEFORE_RE.search(before)) and previous not in (
        "for",
        "in",
        "within",
        "about",
        "than",
        "over",
        "after",
    )


def read_duration(match: re.Match[str], text: str) -> list[Mention]:
    number_word = match.group("number")
    unit = _unit(match.group("unit"))
    if unit not in UNITS:
        return []
    if _is_age(text, match.end()):
        return []
    if _is_rate(text, match.start("number"), number_word):
        return []
    following = _next_words(text, match.end(), 1)
    if unit == "quarter" and following in FRACTION_AFTER:
        return []  # "a quarter of the vote": a fraction
    ordinal = number_word.lower() in ("a", "an", "one") and following.isalpha()
    if unit == "second" and ordinal and following not in SECOND_AFTER:
        return []  # "a second term": an ordinal
    number = _number(number_word)
    if number is None and number_word.lower() not in VAGUE_NUMBERS:
        return []
    if match.group("half") or (number is not None and "and a half" in match.group(0).lower()):
        number = (number or 0) + 0.5
    lead = (match.group("lead") or "").lower()
    mod = DURATION_MODS.get(lead) if lead in ("almost", "nearly") else None
    start = match.start()
    mentions = []
    if match.group("number2"):
        # "12 and 18 months": the first number is a duration in the same unit.
        first = _number(match.group("number2"))
        mentions.append(
            Mention(
                match.start("number2"),
                match.end("number2"),
                "duration",
                {"number": first, "unit": unit, "mod": None},
            )
        )
        start = match.start("number")
    if mod is None:
        before = PREVIOUS_TWO_WORDS_RE.search(text, max(0, start - 30), start)
        if before is not None:
            two = f"{(before.group(1) or '').lower()} {before.group(2).lower()}"
            mod = DURATION_MODS.get(two) or DURATION_MODS.get(before.group(2).lower())
    mentions.append(Mention(start, match.end(), "duration", {"number": number, "unit": unit, "mod": mod}))
    return mentions


def read_duration_one(match: re.Match[str], text: str) -> list[Mention]:
    unit = _unit(match.group("unit"))
    return [_mention(match, "duration", number=1, unit=unit, mod=None)]


def _opens_phrase(text: str, start: int) -> bool:
    """ "Years of war", "after months of talks": the unit starts its noun phrase."""
    before = text[max(0, start - 30) : start].rstrip()
    if not before or before[-1] in '.!?"“(:;,':
        return True
    return _previous_word(text, start) in PHRASE_OPENERS


def read_bare_units(match: re.Match[str], text: str) -> list[Mention]:
    if not (match.group("lead") or match.group("tail")):
        return []
    if _is_age(text, match.end("unit")):
        return []
    start = match.start("lead") if match.group("lead") else match.start("unit")
    lead = (match.group("lead") or "").strip().lower()
    tail = (match.group("tail") or "").strip().lower()
    if not lead and tail == "of" and not _opens_phrase(text, match.start("unit")):
        return []  # "the days of the empire", "the early hours of Friday": not a duration
    # Only descriptive leads belong in the span ("recent weeks"); prepositions and verbs do not.
    if lead and not DESCRIPTIVE_LEAD_RE.match(lead):
        start = match.start("unit")
    elif lead.startswith("in "):
        start = match.start("lead") + 3
    return [
        Mention(
            start,
            match.end("unit"),
            "duration",
            {"number": None, "unit": _unit(match.group("unit")), "mod": None},
        )
    ]


def read_decade(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("decade"):
        stem = match.group("decade")[:3]
    elif match.group("short"):
        stem = "19" + match.group("short")[0]
    else:
        if not match.group(0).lower().startswith("the"):
            return []
        stem = "19" + str(_lookup(LEXICON["decade_words"], match.group("word")))
    mod = match.group("mod")
    return [_mention(match, "decade", stem=stem, mod=_lookup(MODIFIERS, mod) if mod else None)]


def read_century(match: re.Match[str], text: str) -> list[Mention]:
    ordinal = match.group("ordinal").lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else ORDINALS.get(ordinal)
    if not number:
        return []
    return [_mention(match, "century", value=f"{number - 1:02d}")]


def read_year(match: re.Match[str], text: str) -> list[Mention]:
    year = int(match.group("year"))
    following = WORD_TOKEN_RE.findall(text, match.end(), match.end() + 30)[:1]
    if not match.group("fiscal") and (
        _previous_word(text, match.start()).rstrip(".") in YEAR_BLOCKERS_BEFORE
        or (following and following[0].lower() in YEAR_BLOCKERS_AFTER)
    ):
        return []
    # "2000 troops", "1500 metres": a count, not a year (a year is not followed by a plural noun).
    if (
        not match.group("fiscal")
        and following
        and COUNTED_PLURAL_RE.fullmatch(following[0])
        and _previous_word(text, match.start()) not in MONTH_CONTEXT
    ):
        return []
    mod = match.group("mod")
    start = match.start("fiscal") if match.group("fiscal") else match.start("year")
    if mod:
        start = match.start()
    mentions = [
        Mention(
            start, match.end("year"), "year", {"year": year, "mod": _lookup(MODIFIERS, mod) if mod else None}
        )
    ]
    second = match.group("second")
    if second:
        if len(second) == 2:
            candidate = year // 100 * 100 + int(second)
            if candidate <= year:
                candidate += 100
            second_year = candidate
        else:
            second_year = int(second)
        if year < second_year <= year + 100:
            mentions.append(
                Mention(
                    match.start("second"), match.end("second"), "year", {"year": second_year, "mod": None}
                )
            )
        else:
            return [] if match.group("dash") == "/" else mentions
    return mentions


def read_quarter(match: re.Match[str], text: str) -> list[Mention]:
    part = (match.group("part") or "").lower()
    if match.group("letter"):
        kind = "H" if match.group("letter") == "H" else "Q"
        number = int(match.group("number"))
    else:
        kind = "H" if part == "half" else "Q"
        ordinal = match.group("ordinal").lower()
        number = {
            "first": 1,
            "1st": 1,
            "second": 2,
            "2nd": 2,
            "third": 3,
            "3rd": 3,
            "fourth": 4,
            "4th": 4,
        }.get(ordinal, 4 if kind == "Q" else 2)
        if kind == "H" and number > 2:
            return []
        dated = match.group("year") or match.group("relyear") or match.group("cyear")
        # "the fourth quarter" alone is as often a game's as a year's; "fourth-quarter
        # profit" and "the fourth quarter of 2023" are the year's.
        if not dated and (
            kind == "H" or "-" not in match.group(0) or _next_words(text, match.end(), 1) not in QUARTER_NOUNS
        ):
            return []
    year = match.group("year") or match.group("cyear")
    relyear = (match.group("relyear") or "").lower()
    shift = {"last year": -1, "next year": 1}.get(SPACES_RE.sub(" ", relyear), 0)
    return [
        _mention(
            match,
            "quarter",
            part=kind,
            number=number,
            year=int(year) if year else None,
            shift=shift,
            explicit=bool(year or relyear),
        )
    ]


def read_season(match: re.Match[str], text: str) -> list[Mention]:
    if not (match.group("prep") or match.group("year") or match.group("mod")):
        return []
    start = match.start("season")
    if match.group("mod"):
        start = match.start()
    mod = match.group("mod")
    return [
        Mention(
            start,
            match.end(),
            "season",
            {
                "season": SEASONS[match.group("season").lower()],
                "year": int(match.group("year")) if match.group("year") else None,
                "mod": _lookup(MODIFIERS, mod) if mod else None,
            },
        )
    ]


def read_ref(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("present"):
        value = "PRESENT_REF"
        word = match.group("present").lower()
        following = text[match.end() : match.end() + 12].lower()
        # "now-defunct", "now that": not the present moment.
        if word == "now" and NOW_CONJUNCTION_RE.match(following):
            return []
    elif match.group("past") or match.group("past2"):
        value = "PAST_REF"
        following = _next_words(text, match.end(), 1)
        # "at the time of the fire", "at the time the fire broke out": the event's time, not a date.
        if (
            match.group("past2")
            and following
            and following != "that"
            and text[match.end() : match.end() + 1] not in ",.;:)"
        ):
            return []
    else:
        value = "FUTURE_REF"
    return [_mention(match, "ref", value=value)]


def read_set(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("adverb"):
        return [_mention(match, "set", value=LEXICON["set_adverbs"][match.group("adverb").lower()])]
    if match.group("rateunit"):
        code, count = UNITS[_unit(match.group("rateunit"))]
        return [_mention(match, "set", value=_period(count, code))]
    if match.group("weekday"):
        return [_mention(match, "set", value=f"XXXX-WXX-{_lookup(WEEKDAYS, match.group('weekday'))}")]
    if match.group("pod"):
        return [_mention(match, "set", value=f"XXXX-XX-XXT{PARTS_OF_DAY[match.group('pod').lower()]}")]
    if match.group("season"):
        return [_mention(match, "set", value=f"XXXX-{SEASONS[match.group('season').lower()]}")]
    if match.group("month"):
        return [_mention(match, "set", value=f"XXXX-{_lookup(MONTHS, match.group('month')):02d}")]
    if match.group("sport"):
        return [_mention(match, "set", value="P1Y")]  # "each season": once a year
    unit = _unit(match.group("unit"))
    if unit not in UNITS:
        return []
    code, count = UNITS[unit]
    number = _number(match.group("number")) if match.group("number") else 1
    if match.group("other"):
        number = 2
    return [_mention(match, "set", value=_period(count * (number or 1), code))]


def read_clock(match: re.Match[str], text: str) -> list[Mention]:
    clock = _clock(match.group("clock"))
    if clock is None:
        return []
    raw = match.group("clock")
    # A bare "10:43" is a time only with a zone or after "at"/"by"/"from"/"until".
    if (
        BARE_CLOCK_RE.fullmatch(raw)
        and not (match.group("weekday") or match.group("word"))
        and _previous_word(text, match.start()) not in CLOCK_CONTEXT
    ):
        return []
    weekday = match.group("weekday")
    word = (match.group("word") or "").lower()
    return [
        _mention(
            match,
            "clock",
            clock=clock,
            weekday=_lookup(WEEKDAYS, weekday) if weekday else None,
            offset=LEXICON["relative_days"].get(word) if word else None,
        )
    ]


# A fraction of a unit in the next smaller one: half an hour is PT30M, 1.5 years P18M.
SMALLER_UNIT = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def _period(count: int | float | None, code: str) -> str:
    """TIMEX3 duration: (3, "W") -> "P3W", (24, "TH") -> "PT24H", (None, "D") -> "PXD"."""
    if isinstance(count, float) and not count.is_integer() and code in SMALLER_UNIT:
        smaller, factor = SMALLER_UNIT[code]
        if (count * factor).is_integer():
            count, code = int(count * factor), smaller
    amount = "X" if count is None else (f"{count:g}" if isinstance(count, float) else str(count))
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"


Reader = Callable[[re.Match[str], str], list[Mention]]


def _words_of(*groups: Iterable[str]) -> frozenset[str]:
    """Lower-case single words of word lists: the words that can start a pattern's match."""
    return frozenset(part for group in groups for item in group for part in item.lower().split())


DIGIT = "#"
"""Trigger that stands for any digit in the sentence."""
_MONTH_WORDS = _words_of(MONTHS)
_UNIT_WORDS = _words_of(UNITS, UNIT_PLURALS, [f"{unit}s" for unit in UNITS])
_NUMBER_WORDS = _words_of(NUMBERS, VAGUE_NUMBERS, [DIGIT])
_SEASON_WORDS = _words_of(SEASONS)

# (pattern, reader, priority, triggers): a pattern runs only on sentences holding one of its
# trigger words (a cheap gate: most sentences name no date). On overlap the longer match
# wins, then the higher priority.
PATTERNS: tuple[tuple[re.Pattern[str], Reader, int, frozenset[str]], ...] = (
    (ISO_DATE_RE, read_iso, 9, frozenset([DIGIT])),
    (SLASH_DATE_RE, read_slash, 9, frozenset([DIGIT])),
    (MONTH_DAY_RE, _month_day, 8, _MONTH_WORDS),
    (DAY_MONTH_RE, _month_day, 8, _MONTH_WORDS),
    (MONTH_RE_PATTERN, read_month, 7, _MONTH_WORDS),
    (CLOCK_PATTERN, read_clock, 7, frozenset([DIGIT, "noon", "midnight"])),
    (RELATIVE_DAY_RE, read_relative_day, 7, _words_of(LEXICON["relative_days"], PARTS_OF_DAY)),
    (
        WEEKDAY_PATTERN,
        read_weekday,
        6,
        _words_of(LEXICON["weekdays"], [f"{d}s" for d in LEXICON["weekdays"]]),
    ),
    (AGO_RE, read_ago, 8, frozenset(["ago", "now", "hence"])),
    (RELATIVE_UNIT_RE, read_relative_unit, 6, _words_of(["last next this coming past previous following"])),
    (PERIOD_EDGE_RE, read_period_edge, 5, _words_of(MODIFIERS)),
    (ANAPHOR_RE, read_anaphor, 5, frozenset(["day", "week"])),
    (WEEKEND_RE, read_weekend, 4, frozenset(["weekend"])),
    (QUARTER_RE, read_quarter, 6, frozenset(["quarter", "half", "q", "h"])),
    (DECADE_RE, read_decade, 6, _words_of(LEXICON["decade_words"], [DIGIT])),
    (CENTURY_RE, read_century, 6, frozenset(["century"])),
    (YEAR_PATTERN, read_year, 4, frozenset([DIGIT])),
    (SEASON_PATTERN, read_season, 5, _SEASON_WORDS),
    (DURATION_RE, read_duration, 5, _UNIT_WORDS),
    (DURATION_ONE_RE, read_duration_one, 5, _UNIT_WORDS),
    (SET_RE, read_set, 6, _words_of(["every each once twice times"], LEXICON["set_adverbs"])),
    (BARE_UNITS_RE, read_bare_units, 2, _UNIT_WORDS),
    (
        REF_RE,
        read_ref,
        3,
        _words_of(LEXICON["present_ref"], LEXICON["past_ref"], LEXICON["future_ref"], ["past future"]),
    ),
)
WORD_RE = re.compile(r"[a-z]+")
DIGIT_RE = re.compile(r"\d")


def tag_sentence(text: str, start: int, end: int) -> list[Mention]:
    """Non-overlapping mentions of text[start:end], in text order."""
    chunk = text[start:end]
    words = set(WORD_RE.findall(chunk.lower()))
    if DIGIT_RE.search(chunk):
        words.add(DIGIT)
    candidates: list[tuple[int, int, Mention]] = []
    for pattern, reader, priority, triggers in PATTERNS:
        if triggers.isdisjoint(words):
            continue
        for match in pattern.finditer(text, start, end):
            for mention in reader(match, text):
                if mention.end > mention.start:
                    candidates.append((mention.end - mention.start, priority, mention))
    candidates.sort(key=lambda item: (-item[0], -item[1], item[2].start))
    chosen: list[Mention] = []
    for _length, _priority, mention in candidates:
        if all(mention.end <= other.start or other.end <= mention.start for other in chosen):
            chosen.append(mention)
    chosen.sort(key=lambda mention: mention.start)
    return chosen


def find_timexes(text: str, sentences: list[Sentence], reference: date | None) -> list[Timex]:
    from claimcheck.resolve import Resolver

    resolver = Resolver(text, reference)
    found: list[Timex] = []
    for sentence in sentences:
        mentions = tag_sentence(text, sentence.start, sentence.end)
        if not mentions:
            continue
        found.extend(resolver.resolve_sentence(sentence, mentions))
    return found
