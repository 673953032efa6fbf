"""Readers: a pattern's match -> Mentions (what the words say: a month and day, a weekday,
an offset ...), with the checks that reject look-alikes (ages, names). Durations, sets and
their values are read in temporal_durations.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from claimcheck.extract.temporal_patterns import (
    AMBIGUOUS_MONTH_BLOCKERS_AFTER,
    AMBIGUOUS_MONTHS,
    AMOUNT_BEFORE_RE,
    CLOCK_CONTEXT,
    DURATION_MODS,
    FRACTION_AFTER,
    GAME_WORDS,
    HOLIDAY_BLOCKERS_AFTER,
    LEXICON,
    MODIFIERS,
    MONTH_CONTEXT,
    MONTH_NAME_RE,
    MONTHS,
    NAMED_DAY_AFTER,
    NAMED_DAY_BEFORE,
    NAMED_TODAY_AFTER,
    NOON_IDIOMS_BEFORE,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    QUARTER_NOUNS,
    SEASONS,
    SPACES_RE,
    SPAN_PREPOSITIONS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    VERB_BEFORE,
    WEEKDAY_NAME_RE,
    WEEKDAYS,
    YEAR_BLOCKERS_AFTER,
    YEAR_BLOCKERS_BEFORE,
    Mention,
    lexicon_lookup,
)

# --- Readers: match -> Mention ------------------------------------------------


def _clock(text: str | None) -> tuple[int, int, str | None] | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered in ("noon", "midday"):
        return 12, 0, None
    if lowered.endswith(("afternoon", "evening")) and " in the " in lowered:
        lowered = lowered.split(" in the ")[0] + " pm"  # "4 in the afternoon" -> 16:00
    if lowered == "midnight":
        return 0, 0, None
    lowered = lowered.split(" in the ")[0]  # "4 in the morning" -> 04:00
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
    if lowered not in NUMBERS and NUMBER_PARTS_RE.search(lowered):
        # "twenty-four", "twenty four": tens and ones.
        return sum(NUMBERS.get(part, 0) for part in NUMBER_PARTS_RE.split(lowered))
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
NUMBER_PARTS_RE = re.compile(r"[\s-]+")
LEADING_DIGITS_RE = re.compile(r"\d+")
WORD_TOKEN_RE = re.compile(r"[\w'-]+")
CLOCK_PARTS_RE = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*(?:([ap])\.?\s?m\.?)?\s*(\w+)?")
BARE_CLOCK_RE = re.compile(r"\d{1,2}[:.]\d\d")
PREVIOUS_TWO_WORDS_RE = re.compile(r"(?:([\w'-]+)\s+)?([\w'-]+)\s+$")
CAPITALIZED_BEFORE_RE = re.compile(r"\b[A-Z][\w.&-]*\s+$")
CAPITALIZED_AFTER_RE = re.compile(r"\s+[A-Z]")
# A capitalized word right after a month name makes it a first name ("June Carter").
NAME_AFTER_RE = re.compile(rf"\s+(?!{MONTH_NAME_RE}|{WEEKDAY_NAME_RE}|(?-i:The|In|On|At|By)\b)[A-Z][a-z]")
# "now that ...", "now on": a conjunction or "from now on", not the present moment.
NOW_CONJUNCTION_RE = re.compile(r"\s*(?:that|on)\b")
# A lower-case plural noun ("troops", "homes"), not "analysis", "status", "class", "was".
COUNTED_PLURAL_RE = re.compile(r"[a-z]+[^suiy'\W]s")
AMOUNT_WINDOW = 40
"""Characters before an offset's unit searched for its amount."""
GAME_WINDOW = 150
"""Characters either side of a quarter searched for game words."""
GAME_WORD_RE = re.compile(r"[a-z-]+")
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


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


def read_month_day(match: re.Match[str], text: str) -> list[Mention]:
    weekday = match.group("weekday")
    month = lexicon_lookup(MONTHS, match.group("month"))
    day = _leading_int(match.group("day"))
    year = match.group("year")
    mod = match.groupdict().get("mod")
    first = _mention(
        match,
        "date",
        year=int(year) if year else None,
        month=month,
        day=day,
        weekday=lexicon_lookup(WEEKDAYS, weekday) if weekday else None,
        clock=_clock(match.group("clock")),
        mod=lexicon_lookup(MODIFIERS, mod) if mod else None,
        rel=(match.groupdict().get("rel") or "").lower() or None,
        week=bool(match.groupdict().get("weekof")),
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


def _month_before_a_noun(text: str, end: int, previous: str) -> bool:
    """ "the March accession", "a May deadline": a capitalized month after an article, before a
    lower-case noun, is the month (the verb and the modal are neither capitalized nor there)."""
    following = WORD_TOKEN_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    return (
        previous in ("the", "a")
        and following is not None
        and following.group().islower()
        and following.group() not in AMBIGUOUS_MONTH_BLOCKERS_AFTER
    )


def read_month(match: re.Match[str], text: str) -> list[Mention]:
    name = match.group("month").rstrip(".").lower()
    has_context = bool(match.group("rel") or match.group("mod") or match.group("year"))
    has_context = has_context or bool(match.group("relyear"))
    previous = _previous_word(text, match.start())
    if (
        name in AMBIGUOUS_MONTHS
        and not has_context
        and (previous not in MONTH_CONTEXT or (name == "march" and previous in VERB_BEFORE))
        and not _month_before_a_noun(text, match.end(), previous)
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
            month=lexicon_lookup(MONTHS, name),
            rel=(match.group("rel") or "").lower() or None,
            year=int(match.group("year")) if match.group("year") else None,
            relyear=relyear.lower() if relyear else None,
            mod=lexicon_lookup(MODIFIERS, mod) if mod else None,
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
    weekday = lexicon_lookup(WEEKDAYS, match.group("weekday"))
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
            mod=lexicon_lookup(MODIFIERS, mod) if mod else None,
            possessive=bool(match.group("possessive")),
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
            weekday=lexicon_lookup(WEEKDAYS, weekday) if weekday else None,
            word=word or f"{match.group('this').lower()} {pod.lower()}",
            mod=lexicon_lookup(MODIFIERS, match.group("mod")) if match.group("mod") else None,
        )
    ]


def read_relative_unit(match: re.Match[str], text: str) -> list[Mention]:
    unit = SPACES_RE.sub(" ", match.group("unit").lower())
    rel = match.group("rel").lower()
    whole = match.group(0).lower()
    # "the past year", "the next decade", "over the following decade": durations
    # (DURATION_ONE_RE); "resigned the following year": the year after the one named.
    span = rel != "following" or _previous_word(text, match.start()) in SPAN_PREPOSITIONS
    if (
        rel in ("past", "following", "coming", "next")
        and whole.split()[0] == "the"
        and unit in UNITS
        and span
    ):
        return []
    mod = match.group("mod")
    side = (match.group("side") or "").lower() or None
    return [
        _mention(
            match,
            "relunit",
            rel=rel,
            unit=unit,
            mod=lexicon_lookup(MODIFIERS, mod) if mod else None,
            side=side,
        )
    ]


def read_period_edge(match: re.Match[str], text: str) -> list[Mention]:
    end_unit = match.group("end_unit")
    return [
        _mention(
            match,
            "relunit",
            rel="this",
            unit=(end_unit or match.group("unit")).lower(),
            mod="END" if end_unit else lexicon_lookup(MODIFIERS, match.group("mod")),
            side=None,
            edge=True,
        )
    ]


def read_weekend(match: re.Match[str], text: str) -> list[Mention]:
    return [Mention(match.start("span"), match.end("span"), "weekend", {})]


def read_anaphor(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("side"):
        det = match.group("det").lower()
        return [_mention(match, "anaphor", offset=0, unit=match.group("unit").lower(), that=det == "that")]
    step = (match.group("step") or "").lower()
    direction = (match.group("dir") or match.group("dir2") or "").lower()
    offset = {"next": 1, "following": 1, "previous": -1, "same": 0}.get(step)
    if offset is None:
        offset = -1 if direction in ("before", "earlier") else 1
    pod = match.group("pod")
    return [
        _mention(match, "anaphor", offset=offset, unit="day", pod=PARTS_OF_DAY[pod.lower()] if pod else None)
    ]


def _amount_before(text: str, start: int) -> re.Match[str] | None:
    """The amount before a unit ("almost four" in "almost four years ago"), read backwards."""
    return AMOUNT_BEFORE_RE.search(text, max(0, start - AMOUNT_WINDOW), start)


def read_ago(match: re.Match[str], text: str) -> list[Mention]:
    amount = _amount_before(text, match.start())
    unit = _unit(match.group("unit"))
    if amount is None or unit not in UNITS:
        return []
    number = _number(amount.group("number"))
    word = (match.group("dir") or match.group("rel") or match.group("rel2")).lower()
    # "a year earlier" counts from the time the sentence is at; "ago" from the publication date.
    anchored = not match.group("dir")
    code = UNITS[unit][0]
    if anchored and (code.startswith("T") or (code == "D" and number == 1)):
        return []  # "two hours later", "a day earlier": a duration; the day anaphor
    sign = -1 if word in ("ago", "earlier", "before", "previously", "prior") else 1
    hedge = amount.group("hedge")
    mod = DURATION_MODS.get(SPACES_RE.sub(" ", hedge.lower())) if hedge else None
    data = {"number": number, "unit": unit, "sign": sign, "anchored": anchored, "mod": mod}
    return [Mention(amount.start(), match.end(), "ago", data)]


def read_decade(match: re.Match[str], text: str) -> list[Mention]:
    if match.group("decade"):
        stem = match.group("decade")[:3]
    elif match.group("short"):
        stem = "19" + match.group("short")[0]
    else:
        if not match.group(0).lower().startswith("the"):
            return []
        stem = "19" + str(lexicon_lookup(LEXICON["decade_words"], match.group("word")))
    mod = match.group("mod")
    return [_mention(match, "decade", stem=stem, mod=lexicon_lookup(MODIFIERS, mod) if mod else None)]


def read_spelled_year(match: re.Match[str], text: str) -> list[Mention]:
    """ "nineteen eighty-nine" -> 1989, "nineteen oh five" -> 1905, "eighteen hundred" -> 1800."""
    century = NUMBERS[match.group("century").lower()]
    rest = match.group("rest").lower()
    tail = 0 if rest == "hundred" else _number(NUMBER_PARTS_RE.sub(" ", rest).removeprefix("oh "))
    return [_mention(match, "year", year=century * 100 + int(tail or 0), mod=None, fiscal=False)]


def read_holiday(match: re.Match[str], text: str) -> list[Mention]:
    name = SPACES_RE.sub(" ", match.group("name").lower())
    if (
        not match.group("tail")
        and not match.group("year")
        and _next_words(text, match.end(), 1) in HOLIDAY_BLOCKERS_AFTER
    ):
        return []  # "Christmas trees", "the Easter Rising"
    if name == "independence day" and text[max(0, match.start() - 3) : match.start()].rstrip().endswith("'s"):
        return []  # another country's Independence Day
    year = match.group("year") or _year_of_event_phrase(text, match.end())
    return [
        _mention(
            match,
            "holiday",
            name=name,
            rel=(match.group("rel") or "").lower() or None,
            year=int(year) if year else None,
            tail=(match.group("tail") or "").lower() or None,
        )
    ]


EVENT_YEAR_RE = re.compile(r"(?:\s+[a-z][a-z-]*){1,4}\s+(?:in|of)\s+((?:1[6-9]|20)\d\d)\b")
"""A year given to the event a holiday names: "the Boxing Day tsunami in 2004", "the
Christmas Day bombing of 2009"."""


def _year_of_event_phrase(text: str, end: int) -> str | None:
    """The year of the event phrase a holiday begins, or None."""
    found = EVENT_YEAR_RE.match(text, end)
    return found.group(1) if found else None


def read_century(match: re.Match[str], text: str) -> list[Mention]:
    ordinal = match.group("ordinal").lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else ORDINALS.get(ordinal)
    if not number:
        return []
    return [_mention(match, "century", value=f"{number - 1:02d}")]


def read_short_year(match: re.Match[str], text: str) -> list[Mention]:
    """ "since '87" -> 87, its century left to the resolver; only after a word that takes a
    year, so a quotation that opens with a figure is no year."""
    if _previous_word(text, match.start()) not in MONTH_CONTEXT:
        return []
    return [_mention(match, "short_year", short=int(match.group("short")))]


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
        and not match.group("prepost")
        and following
        and COUNTED_PLURAL_RE.fullmatch(following[0])
        and _previous_word(text, match.start()) not in MONTH_CONTEXT
    ):
        return []
    mod, prepost = match.group("mod"), (match.group("prepost") or "").lower()
    start = match.start("fiscal") if match.group("fiscal") else match.start("year")
    if mod or prepost:
        start = match.start()
    mod_value = {"pre": "BEFORE", "post": "AFTER"}.get(prepost) or (
        lexicon_lookup(MODIFIERS, mod) if mod else None
    )
    data = {"year": year, "mod": mod_value, "fiscal": bool(match.group("fiscal"))}
    mentions = [Mention(start, match.end("year"), "year", data)]
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


def _game_context(text: str, start: int, end: int) -> bool:
    """Sports words near a quarter, half or period: a game's, not a year's."""
    window = text[max(0, start - GAME_WINDOW) : end + GAME_WINDOW].lower()
    return not GAME_WORDS.isdisjoint(GAME_WORD_RE.findall(window))


def read_quarter(match: re.Match[str], text: str) -> list[Mention]:
    part = (match.group("part") or "").lower()
    possyear = (match.group("possyear") or "").lower()
    if match.group("letter"):
        kind = "H" if match.group("letter") == "H" else "Q"
        number = int(match.group("number"))
    else:
        kind = "H" if part == "half" else "Q"
        number = QUARTER_ORDINALS.get(match.group("ordinal").lower(), 4 if kind == "Q" else 2)
        if kind == "H" and number > 2:
            return []
        dated = (
            match.group("year") or match.group("relyear") or match.group("cyear") or match.group("yearposs")
        )
        dated = dated or possyear
        if part == "period" and match.group("ordinal").lower() not in QUARTER_ORDINALS:
            return []  # "the last period" of a life
        # "fourth-quarter profit", "the fiscal fourth quarter", "the first half", "the company's
        # second quarter": the year's, unless the words around are a game's ("entering the fourth
        # quarter", "a fourth-quarter comeback").
        following = _next_words(text, match.end(), 1)
        adjective = "-" in match.group(0) and following.isalpha()
        framed = bool(match.group("the") or match.group("fiscal")) or match.group("poss") is not None
        if not (dated or (adjective and following in QUARTER_NOUNS)) and (
            not (framed or adjective) or _game_context(text, match.start(), match.end())
        ):
            return []
    year = match.group("year") or match.group("cyear") or match.group("yearposs")
    relyear = SPACES_RE.sub(" ", (match.group("relyear") or "").lower())
    shift = {"last year": -1, "next year": 1}.get(relyear, 0) or {"last": -1, "next": 1}.get(possyear, 0)
    return [
        _mention(
            match,
            "quarter",
            part=kind,
            number=number,
            year=int(year) if year else None,
            shift=shift,
            explicit=bool(year or relyear or possyear),
            mod=lexicon_lookup(MODIFIERS, match.group("mod")) if match.group("mod") else None,
        )
    ]


def read_quarter_ref(match: re.Match[str], text: str) -> list[Mention]:
    if _next_words(text, match.end(), 1) in FRACTION_AFTER:
        return []  # "the quarter of the vote"
    ago, same, tail = match.group("ago"), (match.group("same") or "").lower(), match.group("tail")
    if match.group("part").lower() != "quarter" and not (ago or same or tail):
        return []  # "the period", "the half": too many other senses
    shift = -1 if ago or tail or same in ("comparable", "corresponding", "year-before") else 0
    end = match.group("endmonth")
    end_month = lexicon_lookup(MONTHS, end) if end and match.group("part").lower() == "quarter" else None
    # "the latest period": the quarter named before, or the last whole one.
    return [_mention(match, "quarter_ref", shift=shift, latest=same == "latest", end_month=end_month)]


def read_season(match: re.Match[str], text: str) -> list[Mention]:
    if not (match.group("prep") or match.group("year") or match.group("short") or match.group("mod")):
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
                "short": int(match.group("short")) if match.group("short") else None,  # "summer of '96"
                "mod": lexicon_lookup(MODIFIERS, mod) if mod else None,
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


def read_clock(match: re.Match[str], text: str) -> list[Mention]:
    clock = _clock(match.group("clock"))
    if clock is None:
        return []
    raw = match.group("clock")
    if raw.lower() == "noon" and _previous_word(text, match.start()) in NOON_IDIOMS_BEFORE:
        return []
    # A bare "10:43" is a time only with a zone or after "at"/"by"/"from"/"until".
    if (
        BARE_CLOCK_RE.fullmatch(raw)
        and not (match.group("weekday") or match.group("word"))
        and _previous_word(text, match.start()) not in CLOCK_CONTEXT
    ):
        return []
    weekday = match.group("weekday")
    word = (match.group("word") or "").lower()
    if match.group("month"):
        # "midnight Nov. 15": a date with its time.
        year = match.group("year")
        data = {"year": int(year) if year else None, "month": lexicon_lookup(MONTHS, match.group("month"))}
        data.update(day=_leading_int(match.group("day")), weekday=None, clock=clock, mod=None, rel=None)
        return [_mention(match, "date", **data)]
    return [
        _mention(
            match,
            "clock",
            clock=clock,
            weekday=lexicon_lookup(WEEKDAYS, weekday) if weekday else None,
            offset=LEXICON["relative_days"].get(word) if word else None,
        )
    ]


Reader = Callable[[re.Match[str], str], list[Mention]]
