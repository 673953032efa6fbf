"""Temporal normalization by category of news wording (issue 13): fiscal and year-relative
periods, offsets, reference words, number words, sets, holidays, granularity, parts of day.
Each case is a sentence written for this test, resolved against its publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from claimcheck.extract.temporal_patterns import Timex
from claimcheck.resolve.timexes import find_timexes
from claimcheck.spans import Sentence

OCT_1989 = date(1989, 10, 25)
FEB_1990 = date(1990, 2, 5)


def tag(text: str, reference: date | None) -> list[Timex]:
    return find_timexes(text, [Sentence(0, len(text))], reference)


def found(text: str, reference: date | None) -> dict[str, tuple[str, str | None]]:
    return {text[t.start : t.end]: (t.type, t.value) for t in tag(text, reference)}


def check(text: str, reference: date | None, expected: dict[str, str], type_: str | None = None) -> None:
    got = found(text, reference)
    for surface, value in expected.items():
        assert surface in got, f"{surface!r} not tagged: {got}"
        assert got[surface][1] == value, f"{surface!r}: {got[surface][1]} != {value}"
        if type_:
            assert got[surface][0] == type_, got[surface]


# --- Fiscal and year-relative periods -----------------------------------------------

PERIODS = [
    (
        "the-third-quarter",
        "The chemicals maker reported a loss for the third quarter.",
        OCT_1989,
        {"the third quarter": "1989-Q3"},
    ),
    (
        "year-earlier-quarter",
        "Profit fell in the third quarter from the year-earlier quarter.",
        OCT_1989,
        {"the third quarter": "1989-Q3", "the year-earlier quarter": "1988-Q3"},
    ),
    (
        "year-ago-period-without-a-quarter-named",
        "Sales were flat compared with the year-ago period.",
        OCT_1989,
        {"the year-ago period": "1988-Q3"},
    ),
    (
        "the-quarter-after-a-quarter",
        "In the fourth quarter, margins narrowed; revenue in the quarter rose 4%.",
        FEB_1990,
        {"the fourth quarter": "1989-Q4", "the quarter": "1989-Q4"},
    ),
    (
        "the-fourth-period",
        "Earnings for the fourth period were weaker.",
        FEB_1990,
        {"the fourth period": "1989-Q4"},
    ),
    (
        "first-half-ahead",
        "The retailer expects sales to recover in the first half.",
        OCT_1989,
        {"the first half": "1990-H1"},
    ),
    ("first-half-behind", "Output slumped in the first half.", OCT_1989, {"the first half": "1989-H1"}),
    ("first-half-adjective", "The bank's first-half profit doubled.", OCT_1989, {"first-half": "1989-H1"}),
    ("fiscal-year", "The carrier expects a loss in fiscal 1990.", OCT_1989, {"fiscal 1990": "FY1990"}),
    (
        "fiscal-quarter",
        "It lost money in the fiscal second quarter.",
        OCT_1989,
        {"the fiscal second quarter": "1989-Q2"},
    ),
    (
        "current-quarter",
        "Shipments will slow in the current quarter.",
        OCT_1989,
        {"the current quarter": "1989-Q4"},
    ),
    ("latest-quarter", "Margins widened in the latest quarter.", OCT_1989, {"the latest quarter": "1989-Q3"}),
    (
        "end-of-quarter",
        "By the end of the third quarter, debt had doubled.",
        OCT_1989,
        {"the end of the third quarter": "1989-Q3"},
    ),
    (
        "latest-period",
        "Results for the latest period include a charge.",
        OCT_1989,
        {"the latest period": "1989-Q3"},
    ),
    ("year-end", "The bank expects higher year-end reserves.", OCT_1989, {"year-end": "1989"}),
    ("quarter-adjective", "The insurer took a third-quarter charge.", OCT_1989, {"third-quarter": "1989-Q3"}),
    (
        "quarter-ended",
        "For the quarter ended Sept. 30, the bank earned $5 million.",
        OCT_1989,
        {"the quarter": "1989-Q3"},
    ),
    ("possessive-quarter", "The insurer's second quarter was weak.", OCT_1989, {"second quarter": "1989-Q2"}),
    (
        "year-possessive-quarter",
        "Profit in 1988's third quarter rose.",
        OCT_1989,
        {"1988's third quarter": "1988-Q3"},
    ),
    (
        "last-years-quarter",
        "Revenue beat last year's third quarter.",
        OCT_1989,
        {"last year's third quarter": "1988-Q3"},
    ),
]


@pytest.mark.parametrize(("name", "text", "reference", "expected"), PERIODS, ids=[c[0] for c in PERIODS])
def test_periods(name: str, text: str, reference: date, expected: dict[str, str]) -> None:
    check(text, reference, expected, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "The visitors trailed by six points at the start of the fourth quarter.",
        "The champions staged a fourth-quarter comeback to win the game.",
        "Her side scored twice in the first half.",
        "The team tied the game in the third period.",
        "Revenue in the quarter rose 4%.",  # no quarter named before: which quarter?
        "He spent the last period of his life in Lisbon.",
    ],
)
def test_periods_not_tagged(text: str) -> None:
    assert not any(t.value and ("-Q" in t.value or "-H" in t.value) for t in tag(text, OCT_1989)), found(
        text, OCT_1989
    )


# --- Offsets from the reference time: dates, not durations -----------------------------

OFFSETS = [
    (
        "a-year-earlier",
        "Net income rose to $5 million from $4 million a year earlier.",
        {"a year earlier": "1988"},
    ),
    ("years-ago", "The refinery closed two years ago.", {"two years ago": "1987"}),
    ("hedged-ago", "Almost four years ago, the treaty was signed.", {"Almost four years ago": "1985"}),
    ("months-later", "Shipments should resume three months later.", {"three months later": "1990-01"}),
    ("weeks-before", "The shares had peaked two weeks before.", {"two weeks before": "1989-W41"}),
    (
        "from-a-year-named-in-the-sentence",
        "The firm was founded in 1985 and went public three years later.",
        {"three years later": "1988"},
    ),
    (
        "later-that-year",
        "She left the party in June 1988 and rejoined it later that year.",
        {"later that year": "1988"},
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), OFFSETS, ids=[c[0] for c in OFFSETS])
def test_offsets_are_dates(name: str, text: str, expected: dict[str, str]) -> None:
    check(text, OCT_1989, expected, "DATE")


def test_the_following_year_is_the_year_after_the_one_named() -> None:
    text = "She joined the utility in 1983 and became its treasurer the following year."
    check(text, OCT_1989, {"the following year": "1984"}, "DATE")
    check(
        "Over the following decade, the field paid out $19 billion.",
        OCT_1989,
        {"the following decade": "P10Y"},
    )


def test_offset_with_a_complement_stays_a_duration() -> None:
    check("Polls closed two weeks before the vote.", OCT_1989, {"two weeks": "P2W"}, "DURATION")


# --- Number words and spelled-out years ---------------------------------------------

NUMBER_WORDS = [
    ("tens-and-ones-spaced", "Rescuers worked for twenty four hours.", {"twenty four hours": "PT24H"}),
    ("tens-and-ones-hyphen", "The strike lasted thirty-one days.", {"thirty-one days": "P31D"}),
    ("spelled-year", "The wall came down in nineteen eighty-nine.", {"nineteen eighty-nine": "1989"}),
    ("spelled-year-oh", "The bridge opened in nineteen oh five.", {"nineteen oh five": "1905"}),
    # A two-digit year after a word that takes a year: the century nearest the publication date.
    ("short-year", "The plant has not hired since '87.", {"'87": "1987"}),
    ("short-year-next-century", "The lease runs until '95.", {"'95": "1995"}),
    ("season-of-a-short-year", "The mill closed in the summer of '86.", {"summer of '86": "1986-SU"}),
    # A fraction goes to the next smaller unit after the whole ones (ISO 8601's combined form).
    ("fraction-of-hours", "The minister spent 5 1/2 hours in the capital.", {"5 1/2 hours": "PT5H30M"}),
    ("and-a-half-years", "The siege lasted two and a half years.", {"two and a half years": "P2Y6M"}),
    ("fraction-of-days", "The ferry was stuck for 1 1/2 days.", {"1 1/2 days": "P1DT12H"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), NUMBER_WORDS, ids=[c[0] for c in NUMBER_WORDS])
def test_number_words(name: str, text: str, expected: dict[str, str]) -> None:
    check(text, OCT_1989, expected)


def test_a_count_in_words_is_no_year() -> None:
    assert not tag("Nineteen people were hurt.", OCT_1989)
    assert not tag("He told them: '89 was the worst.", OCT_1989)


def test_a_short_year_past_the_turn_of_the_century() -> None:
    check("The bonds mature in '05.", date(1998, 10, 14), {"'05": "2005"})


# --- Sets and frequencies -------------------------------------------------------------

SETS = [
    ("daily", "Protesters have gathered almost daily outside the court.", {"daily": "P1D"}),
    ("weekly", "The governor gives a weekly radio address.", {"weekly": "P1W"}),
    ("quarterly", "The utility pays a quarterly dividend.", {"quarterly": "P3M"}),
    ("every-weekday", "The ferry sails every Tuesday.", {"every Tuesday": "XXXX-WXX-2"}),
    ("twice-a-year", "The board meets twice a year.", {"twice a year": "P1Y"}),
    ("annually", "The fund pays out $2 billion annually.", {"annually": "P1Y"}),
    (
        "each-of-the-last-years",
        "The same group has marched in each of the last three years.",
        {"the last three years": "P1Y"},
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), SETS, ids=[c[0] for c in SETS])
def test_sets(name: str, text: str, expected: dict[str, str]) -> None:
    check(text, OCT_1989, expected, "SET")


@pytest.mark.parametrize("text", ["The Daily Telegraph ran the story.", "She writes for Harbor Daily."])
def test_titles_are_not_sets(text: str) -> None:
    assert not tag(text, OCT_1989)


# --- Holidays, computed for the year in question --------------------------------------

JAN_2000 = date(2000, 1, 7)
HOLIDAYS = [
    (
        "thanksgiving",
        "The boy was found at sea on Thanksgiving Day.",
        JAN_2000,
        {"Thanksgiving Day": "1999-11-25"},
    ),
    ("last-thanksgiving", "He arrived last Thanksgiving.", JAN_2000, {"last Thanksgiving": "1999-11-25"}),
    ("christmas-eve", "The ferry sank on Christmas Eve.", JAN_2000, {"Christmas Eve": "1999-12-24"}),
    ("new-years-day", "The law took effect on New Year's Day.", JAN_2000, {"New Year's Day": "2000-01-01"}),
    ("labor-day", "Talks will resume after Labor Day.", date(1999, 8, 20), {"Labor Day": "1999-09-06"}),
    (
        "election-day",
        "The race tightened before Election Day.",
        date(1998, 10, 26),
        {"Election Day": "1998-11-03"},
    ),
    (
        "memorial-day",
        "Parades are planned for Memorial Day.",
        date(2024, 5, 1),
        {"Memorial Day": "2024-05-27"},
    ),
    (
        "independence-day",
        "Fireworks lit the sky on Independence Day.",
        date(2024, 7, 9),
        {"Independence Day": "2024-07-04"},
    ),
    (
        "christmas",
        "Retailers expect a rush before Christmas.",
        date(1989, 11, 20),
        {"Christmas": "1989-12-25"},
    ),
    ("easter-with-year", "The accord was signed at Easter 1998.", JAN_2000, {"Easter 1998": "1998-04-12"}),
    (
        "year-of-the-event",
        "The port never recovered from the Boxing Day storm surge in 1998.",
        JAN_2000 + timedelta(days=400),
        {"Boxing Day": "1998-12-26", "1998": "1998"},
    ),
    (
        "easter-computed",
        "Churches filled on Easter Sunday.",
        date(2000, 4, 25),
        {"Easter Sunday": "2000-04-23"},
    ),
    (
        "holiday-week",
        "Pilgrims arrived as Easter week began.",
        date(2000, 4, 17),
        {"Easter week": "2000-W16"},
    ),
    (
        "holiday-weekend",
        "Traffic was heavy over the Labor Day weekend.",
        date(1999, 9, 8),
        {"Labor Day weekend": "1999-W36-WE"},
    ),
]


@pytest.mark.parametrize(("name", "text", "reference", "expected"), HOLIDAYS, ids=[c[0] for c in HOLIDAYS])
def test_holidays(name: str, text: str, reference: date, expected: dict[str, str]) -> None:
    check(text, reference, expected, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "Christmas trees were sold out.",
        "Ireland marked the Easter Rising.",
        "Kenya's Independence Day passed.",
    ],
)
def test_holiday_names_of_things_are_not_days(text: str) -> None:
    assert not tag(text, JAN_2000), found(text, JAN_2000)


# --- Reference words --------------------------------------------------------------------

REFS = [
    ("now", "The plant is now closed.", {"now": "PRESENT_REF"}),
    ("currently", "Currently, nine women lead committees.", {"Currently": "PRESENT_REF"}),
    ("in-the-past", "In the past, such raids were rare.", {"the past": "PAST_REF"}),
    ("the-future", "Nobody knows what the future holds for the mill.", {"the future": "FUTURE_REF"}),
    ("near-future", "Prices may fall in the near future.", {"the near future": "FUTURE_REF"}),
    ("future-adjective", "The fund will pay for future repairs.", {"future": "FUTURE_REF"}),
    ("possessive-future", "The court will decide the boy's future.", {"future": "FUTURE_REF"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), REFS, ids=[c[0] for c in REFS])
def test_reference_words(name: str, text: str, expected: dict[str, str]) -> None:
    check(text, OCT_1989, expected, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "The former chairman resigned.",  # a past role, not a time
        "Oil futures rose sharply.",
        "The now-defunct airline owed millions.",
        "Now that the strike is over, trains run.",
        "Prices rose over the past two years.",  # a duration, not PAST_REF
    ],
)
def test_reference_words_not_over_tagged(text: str) -> None:
    assert not any(t.value and t.value.endswith("_REF") for t in tag(text, OCT_1989)), found(text, OCT_1989)


# --- Granularity and TimeML mod -------------------------------------------------------

GRANULARITY = [
    ("decade", "Steel output peaked in the 1970s.", {"the 1970s": ("197X", None)}),
    ("mid-decade", "The firm grew fast in the mid-1980s.", {"the mid-1980s": ("198X", "MID")}),
    ("late-last-year", "Orders slumped late last year.", {"late last year": ("1988", "END")}),
    ("early-next-month", "The new line opens early next month.", {"early next month": ("1989-11", "START")}),
    ("late-year", "The merger closed in late 1988.", {"late 1988": ("1988", "END")}),
    ("late-yesterday", "Shares slid late yesterday.", {"late yesterday": ("1989-10-24", "END")}),
]


@pytest.mark.parametrize(("name", "text", "expected"), GRANULARITY, ids=[c[0] for c in GRANULARITY])
def test_granularity(name: str, text: str, expected: dict[str, tuple[str, str | None]]) -> None:
    got = {text[t.start : t.end]: (t.value, t.mod) for t in tag(text, OCT_1989)}
    for surface, value in expected.items():
        assert got.get(surface) == value, got


# --- Part of day ----------------------------------------------------------------------


def test_part_of_day_keeps_the_timeml_value_and_the_bare_date() -> None:
    text = "The minister spoke on Monday evening. The vote was held on Monday."
    evening, monday = tag(text, OCT_1989)
    assert (evening.type, evening.value) == ("TIME", "1989-10-23TEV")
    # The calendar day is the value's first ten characters, as date comparisons read it.
    assert evening.value[:10] == monday.value == "1989-10-23"


# --- Months that are also words ------------------------------------------------------

AMBIGUOUS_MONTHS = [
    ("march-before-a-noun", "The March accession lets the two states vote.", {"March": "1990-03"}),
    ("may-before-a-noun", "Negotiators are working toward a May deadline.", {"May": "1990-05"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), AMBIGUOUS_MONTHS, ids=[c[0] for c in AMBIGUOUS_MONTHS])
def test_ambiguous_months_before_a_noun(name: str, text: str, expected: dict[str, str]) -> None:
    check(text, FEB_1990, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Veterans joined the March on Washington.",
        "The March of Dimes raised the money.",
        "The march was calm.",
    ],
)
def test_names_and_nouns_are_no_months(text: str) -> None:
    assert not tag(text, FEB_1990)


# --- Other wordings: clock words, anaphoric parts of day, "-long", "more" -----------------

OTHER = [
    (
        "in-the-morning",
        "The father will leave at 4 in the morning.",
        {"4 in the morning": "1989-10-25T04:00"},
    ),
    (
        "zone-then-weekday",
        "The deadline was extended until 9 a.m. EST Friday.",
        {"9 a.m. EST Friday": "1989-10-27T09:00"},
    ),
    ("midday", "He will appear before a judge at midday.", {"midday": "1989-10-25T12:00"}),
    ("clock-then-date", "The offer expires at midnight Nov. 15.", {"midnight Nov. 15": "1989-11-15T00:00"}),
    (
        "next-morning",
        "He was arrested on Oct. 22 and appeared in court the next morning.",
        {"the next morning": "1989-10-23TMO"},
    ),
    ("decades-long", "It was a decades-long feud.", {"decades-long": "PXY"}),
    ("day-long", "The talks were a day-long affair.", {"day-long": "P1D"}),
    ("more-weeks", "The boy will stay for at least two more weeks.", {"two more weeks": "P2W"}),
    ("post-year", "The post-1959 exodus split families.", {"post-1959": "1959"}),
    (
        "race-time",
        "The champion finished the course in 2:11:09, a minute off her best.",
        {"2:11:09": "PT2H11M9S"},
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "The senator repeated the charge on CBS's 60 Minutes that evening.",
        "The Six-Day War redrew the map of the region.",
        "For the striking miners, high noon is approaching.",
        "The mayor quoted a line from the film High Noon.",
    ],
)
def test_names_and_idioms_are_no_durations_or_times(text: str) -> None:
    assert not tag(text, OCT_1989)


def test_a_headline_keeps_its_capitalized_duration() -> None:
    check("Dock Strike Ends After 12 Days", OCT_1989, {"12 Days": "P12D"}, "DURATION")


def test_a_clock_time_with_seconds_is_no_race_time() -> None:
    assert not tag("The first blast came at 10:41:07 local time.", OCT_1989)


@pytest.mark.parametrize(("name", "text", "expected"), OTHER, ids=[c[0] for c in OTHER])
def test_other_wordings(name: str, text: str, expected: dict[str, str]) -> None:
    check(text, OCT_1989, expected)
