"""Readers of amounts of time: durations ("three weeks", "5 1/2 hours", "decades-long"), sets
("every Tuesday", "twice a year", "daily") and race times, with the checks that reject
look-alikes (ages, rates, names); and `period_value`, their TIMEX3 value.
"""

from __future__ import annotations

import re

from claimcheck.extract.temporal_patterns import (
    AGE_WORDS,
    CLOCK_CONTEXT,
    DURATION_MODS,
    FRACTION_AFTER,
    LEXICON,
    MONTHS,
    NUMBER_WORD_RE,
    NUMBERS,
    PARTS_OF_DAY,
    PHRASE_OPENERS,
    SEASONS,
    SECOND_AFTER,
    TITLE_SMALL_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    Mention,
    lexicon_lookup,
)
from claimcheck.extract.temporal_readers import (
    CAPITALIZED_AFTER_RE,
    CAPITALIZED_BEFORE_RE,
    PREVIOUS_TWO_WORDS_RE,
    _amount_before,
    _mention,
    _next_words,
    _number,
    _previous_word,
    _unit,
)

# "$5 a year", "100 people a day": a number shortly before "a UNIT" makes it a rate.
NUMBER_BEFORE_RE = re.compile(rf"(?:\d[\d,.]*|\b(?:{NUMBER_WORD_RE}))\s*(?:%|\w+)?\s*$", re.I)
DESCRIPTIVE_LEAD_RE = re.compile(r"(?:recent|past|coming|the|many|several|few)")
# "in each of the last three years": once in every year of them, a set.
EACH_OF_BEFORE_RE = re.compile(r"\beach\s+of\s+$", re.I)
LOWER_CASE_WORD_RE = re.compile(r"\b[a-z]{3,}\b")
LINE_WINDOW = 100
"""Characters either side of a capitalized unit searched for running (lower-case) text."""


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


def _in_a_name(text: str, unit_start: int) -> bool:
    """ "CBS's 60 Minutes", "the Six-Day War": a capitalized unit in running text is part of a
    name. A headline capitalizes every word ("Strike Ends After 12 Days"): no name there."""
    if not text[unit_start].isupper():
        return False
    line_start = text.rfind("\n", max(0, unit_start - LINE_WINDOW), unit_start) + 1
    line_end = text.find("\n", unit_start, unit_start + LINE_WINDOW)
    line = text[
        max(line_start, unit_start - LINE_WINDOW) : line_end if line_end != -1 else unit_start + LINE_WINDOW
    ]
    return any(word not in TITLE_SMALL_WORDS for word in LOWER_CASE_WORD_RE.findall(line))


def read_duration(match: re.Match[str], text: str) -> list[Mention]:
    number_word = match.group("number")
    unit = _unit(match.group("unit"))
    if unit not in UNITS or _in_a_name(text, match.start("unit")):
        return []
    if _is_age(text, match.end()):
        return []
    if _is_rate(text, match.start("number"), number_word):
        return []
    if match.group("lead") and EACH_OF_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()):
        code, count = UNITS[unit]
        return [_mention(match, "set", value=period_value(count, code))]
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


def read_long(match: re.Match[str], text: str) -> list[Mention]:
    """ "decades-long" -> PXY, "day-long" -> P1D, "two-year-long" -> P2Y, "weeklong" -> P1W."""
    word = match.group("unit") or match.group("joined")
    unit = _unit(word)
    if unit not in UNITS:
        return []
    amount = _amount_before(text, match.start()) if match.group("unit") else None
    number: int | float | None = None if word.lower() != unit and word.lower().endswith("s") else 1
    start = match.start()
    if amount is not None and amount.group("number").lower() not in ("a", "an"):  # not "a decades-long feud"
        start, number = amount.start("number"), _number(amount.group("number"))
    return [Mention(start, match.end(), "duration", {"number": number, "unit": unit, "mod": None})]


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


def read_set(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("adverb"):
        adverb = match.group("adverb")
        # "the Daily Telegraph", "Harbor Daily": a title.
        if adverb[0].isupper() and (
            CAPITALIZED_BEFORE_RE.search(text, max(0, match.start() - 30), match.start())
            or CAPITALIZED_AFTER_RE.match(text, match.end())
        ):
            return []
        return [_mention(match, "set", value=LEXICON["set_adverbs"][adverb.lower()])]
    if match.group("rateunit"):
        code, count = UNITS[_unit(match.group("rateunit"))]
        return [_mention(match, "set", value=period_value(count, code))]
    if match.group("weekday"):
        return [_mention(match, "set", value=f"XXXX-WXX-{lexicon_lookup(WEEKDAYS, match.group('weekday'))}")]
    if match.group("pod"):
        return [_mention(match, "set", value=f"XXXX-XX-XXT{PARTS_OF_DAY[match.group('pod').lower()]}")]
    if match.group("season"):
        return [_mention(match, "set", value=f"XXXX-{SEASONS[match.group('season').lower()]}")]
    if match.group("month"):
        return [_mention(match, "set", value=f"XXXX-{lexicon_lookup(MONTHS, match.group('month')):02d}")]
    if match.group("sport"):
        return [_mention(match, "set", value="P1Y")]  # "each season": once a year
    unit = _unit(match.group("unit"))
    if unit not in UNITS:
        return []
    code, count = UNITS[unit]
    number = _number(match.group("number")) if match.group("number") else 1
    if match.group("other"):
        number = 2
    return [_mention(match, "set", value=period_value(count * (number or 1), code))]


def read_elapsed(match: re.Match[str], text: str) -> list[Mention]:
    """ "3:07:35" -> PT3H7M35S; "at 10:30:15" is a clock time."""
    if _previous_word(text, match.start()) in CLOCK_CONTEXT:
        return []
    amounts = [(float(match.group(name)), unit) for name, unit in (("hours", "H"), ("minutes", "M"))]
    amounts.append((float(match.group("seconds")), "S"))
    value = "".join(f"{amount:g}{unit}" for amount, unit in amounts if amount)
    return [_mention(match, "elapsed", value=f"PT{value}")] if value else []


# A fraction of a unit goes to the next smaller one, after the whole units: 5 1/2 hours is
# PT5H30M (ISO 8601's combined form, as TimeML annotators write it), half an hour PT30M.
SMALLER_UNIT = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def period_value(count: int | float | None, code: str) -> str:
    """TIMEX3 duration: (3, "W") -> "P3W", (24, "TH") -> "PT24H", (5.5, "TH") -> "PT5H30M",
    (None, "D") -> "PXD"."""
    parts: list[tuple[int | float | None, str]] = [(count, code)]
    if isinstance(count, float) and not count.is_integer() and code in SMALLER_UNIT:
        smaller, factor = SMALLER_UNIT[code]
        whole = int(count)
        rest = (count - whole) * factor
        if rest.is_integer():
            parts = [(whole, code)] if whole else []
            parts.append((int(rest), smaller))
    dates = "".join(_amount(amount) + unit for amount, unit in parts if not unit.startswith("T"))
    times = "".join(_amount(amount) + unit[1:] for amount, unit in parts if unit.startswith("T"))
    return "P" + dates + (f"T{times}" if times else "")


def _amount(count: int | float | None) -> str:
    return "X" if count is None else (f"{count:g}" if isinstance(count, float) else str(count))
