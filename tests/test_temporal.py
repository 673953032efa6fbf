"""The temporal tagger and resolver: named cases of what is tagged and what it resolves to."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.temporal_patterns import Timex
from claimcheck.ingest.sentences import split_sentences
from claimcheck.resolve.timexes import find_timexes
from claimcheck.spans import Sentence
from tests.shared import SEEDS

FRIDAY = date(2023, 9, 22)


def tag(text: str, reference: date | None = FRIDAY) -> list[Timex]:
    return find_timexes(text, [Sentence(0, len(text))], reference)


def values(text: str, reference: date | None = FRIDAY) -> dict[str, str | None]:
    return {text[timex.start : timex.end]: timex.value for timex in tag(text, reference)}


# (name, text, reference, {surface: value}) -- every listed surface must be tagged with that value.
RESOLVED = [
    (
        "past-weekday",
        "The ministry said on Tuesday that talks had failed.",
        FRIDAY,
        {"Tuesday": "2023-09-19"},
    ),
    (
        "scheduled-present",
        "Parliament votes Thursday on the bill.",
        date(2024, 5, 8),
        {"Thursday": "2024-05-09"},
    ),
    ("set-for", "Talks are set for Monday.", date(2024, 5, 8), {"Monday": "2024-05-13"}),
    ("deadline", "Officials hope to finish by Friday.", date(2024, 5, 8), {"Friday": "2024-05-10"}),
    (
        "verb-before-adverbial-wins-over-later-participle",
        "The carrier will expand its routes by August in a push into markets untouched by the slump.",
        date(2024, 2, 13),
        {"August": "2024-08"},
    ),
    (
        "date-in-same-clause-shares-tense",
        "New flights would leave on Mondays from March 30, with a third flight each Thursday from August 6.",
        date(2024, 9, 13),
        {"March 30": "2025-03-30", "August 6": "2025-08-06"},
    ),
    (
        "past-participle-nearer-than-present",
        "The suspect, who was arrested Monday, appears in court Thursday.",
        date(2024, 5, 8),
        {"Monday": "2024-05-06", "Thursday": "2024-05-09"},
    ),
    (
        "weekday-equal-to-publication-day",
        "Officials reported on Friday that the road was open.",
        FRIDAY,
        {"Friday": "2023-09-22"},
    ),
    (
        "future-weekday",
        "The cabinet will meet on Monday to discuss the budget.",
        FRIDAY,
        {"Monday": "2023-09-25"},
    ),
    (
        "future-passive-weekday",
        "Aid would be delivered to the town on Sunday, he said.",
        FRIDAY,
        {"Sunday": "2023-09-24"},
    ),
    (
        "two-weekdays",
        "On Wednesday and Thursday, hundreds of people were detained.",
        FRIDAY,
        {"Wednesday": "2023-09-20", "Thursday": "2023-09-21"},
    ),
    (
        "weekday-with-part-of-day",
        "He spoke on Thursday evening in the capital.",
        FRIDAY,
        {"Thursday evening": "2023-09-21TEV"},
    ),
    (
        "part-of-day-today",
        "Crowds gathered on Friday morning outside the court.",
        FRIDAY,
        {"Friday morning": "2023-09-22TMO"},
    ),
    ("yesterday", "The mayor resigned yesterday.", FRIDAY, {"yesterday": "2023-09-21"}),
    ("today", "The bridge reopens today.", FRIDAY, {"today": "2023-09-22"}),
    ("tonight", "The match kicks off tonight.", FRIDAY, {"tonight": "2023-09-22TNI"}),
    ("tomorrow", "Voting ends tomorrow.", FRIDAY, {"tomorrow": "2023-09-23"}),
    ("last-night", "Fires broke out last night.", FRIDAY, {"last night": "2023-09-21TNI"}),
    (
        "yesterday-with-matching-weekday",
        "The group said yesterday, Thursday, it would disarm.",
        FRIDAY,
        {"yesterday, Thursday": "2023-09-21"},
    ),
    ("last-week", "Prices rose last week.", FRIDAY, {"last week": "2023-W37"}),
    ("this-week", "The envoy arrived this week.", FRIDAY, {"this week": "2023-W38"}),
    ("next-month", "The law takes effect next month.", FRIDAY, {"next month": "2023-10"}),
    ("last-year-in-january", "Sales fell last year.", date(2024, 1, 2), {"last year": "2023"}),
    ("this-weekend", "Storms are expected this weekend.", FRIDAY, {"this weekend": "2023-W38-WE"}),
    ("days-ago", "The strike began three days ago.", FRIDAY, {"three days ago": "2023-09-19"}),
    ("years-ago", "The plant closed two years ago.", FRIDAY, {"two years ago": "2021"}),
    (
        "earlier-this-month",
        "The firm cut jobs earlier this month.",
        FRIDAY,
        {"earlier this month": "2023-09"},
    ),
    (
        "later-in-the-day",
        "Protests began on Friday morning; a vote is scheduled later in the day.",
        FRIDAY,
        {"later in the day": "2023-09-22"},
    ),
    (
        "month-abbreviation-day",
        "Police were deployed on Sept. 21 near the square.",
        FRIDAY,
        {"Sept. 21": "2023-09-21"},
    ),
    (
        "full-date",
        "The ceasefire was signed on September 19, 2023, in Geneva.",
        FRIDAY,
        {"September 19, 2023": "2023-09-19"},
    ),
    ("byline-date-time", "22 Sep 2023 10:43", FRIDAY, {"22 Sep 2023 10:43": "2023-09-22T10:43"}),
    ("ordinal-day", "The vote was held on March 12th.", date(2024, 5, 2), {"March 12th": "2024-03-12"}),
    (
        "month-alone-past",
        "The company was founded in August, she said.",
        date(2013, 3, 22),
        {"August": "2012-08"},
    ),
    ("month-alone-future", "The book is due to be published in May.", date(2013, 3, 22), {"May": "2013-05"}),
    (
        "month-of-last-year",
        "Fighting broke out in September of last year.",
        FRIDAY,
        {"September of last year": "2022-09"},
    ),
    ("last-month-name", "He lost the election last May.", date(2013, 3, 21), {"last May": "2012-05"}),
    ("month-and-year", "The raid took place in May 2010.", FRIDAY, {"May 2010": "2010-05"}),
    (
        "early-month",
        "Flu season started in early December.",
        date(2013, 3, 22),
        {"early December": "2012-12"},
    ),
    ("year", "The republic declared independence in 1991.", FRIDAY, {"1991": "1991"}),
    ("since-year", "Since 1994, the region has been contested.", FRIDAY, {"1994": "1994"}),
    ("year-range", "The pandemic of 2009-2010 killed hundreds.", FRIDAY, {"2009": "2009", "2010": "2010"}),
    (
        "short-year-range",
        "The expedition of 1957-58 crossed the ice.",
        FRIDAY,
        {"1957": "1957", "58": "1958"},
    ),
    ("decade", "The region broke away in the 1990s.", FRIDAY, {"the 1990s": "199X"}),
    ("century", "It was the worst war of the 20th century.", FRIDAY, {"the 20th century": "19"}),
    (
        "quarter",
        "Profits rose in the third quarter of 2023.",
        FRIDAY,
        {"the third quarter of 2023": "2023-Q3"},
    ),
    (
        "season-with-year",
        "The dam was finished in the summer of 2021.",
        FRIDAY,
        {"summer of 2021": "2021-SU"},
    ),
    ("last-season", "He vanished last summer.", date(2013, 3, 22), {"last summer": "2012-SU"}),
    ("now", "The region is now calm.", FRIDAY, {"now": "PRESENT_REF"}),
    ("currently", "Currently, 20 senators are women.", FRIDAY, {"Currently": "PRESENT_REF"}),
    ("hyphenated-duration", "Baku won the 44-day war.", FRIDAY, {"44-day": "P44D"}),
    ("hour-duration", "After a 24-hour operation the army withdrew.", FRIDAY, {"24-hour": "PT24H"}),
    ("word-duration", "The talks lasted three weeks.", FRIDAY, {"three weeks": "P3W"}),
    ("the-past-year", "Prices doubled over the past year.", FRIDAY, {"the past year": "P1Y"}),
    (
        "the-past-two-years",
        "He has visited twice in the past two years.",
        FRIDAY,
        {"the past two years": "P2Y"},
    ),
    (
        "vague-duration",
        "Several days into the search, police found the car.",
        FRIDAY,
        {"Several days": "PXD"},
    ),
    ("bare-plural-duration", "The oil firms blocked the rules for years.", FRIDAY, {"years": "PXY"}),
    ("half-hour", "Police arrived half an hour later.", FRIDAY, {"half an hour": "PT30M"}),
    ("fraction-of-hours", "He spoke for 2 1/2 hours.", FRIDAY, {"2 1/2 hours": "PT2H30M"}),
    ("thousands-separator", "The dynasty ruled for 1,000 years.", FRIDAY, {"1,000 years": "P1000Y"}),
    ("duration-hedge-outside-span", "It lasted just over a week.", FRIDAY, {"a week": "P1W"}),
    ("decade-duration", "It was the worst season in a decade.", FRIDAY, {"a decade": "P10Y"}),
    (
        "range-duration",
        "The buyback could take between 12 and 18 months.",
        FRIDAY,
        {"12": "P12M", "18 months": "P18M"},
    ),
    ("set-every", "She checks the air every morning.", FRIDAY, {"every morning": "XXXX-XX-XXTMO"}),
    ("set-annually", "The fund pays out billions annually.", FRIDAY, {"annually": "P1Y"}),
    ("set-each-year", "The festival is held each year.", FRIDAY, {"each year": "P1Y"}),
    ("weekday-plural-set", "The market opens on Saturdays.", FRIDAY, {"Saturdays": "XXXX-WXX-6"}),
    (
        "clock-time-with-weekday",
        "The match was postponed until 15:00 GMT Saturday.",
        date(2013, 3, 22),
        {"15:00 GMT Saturday": "2013-03-23T15:00"},
    ),
    ("iso-date", "The filing is dated 2023-09-18.", FRIDAY, {"2023-09-18": "2023-09-18"}),
    (
        "end-of-year-past",
        "Cases peaked by the end of the year.",
        date(2013, 3, 22),
        {"the end of the year": "2012"},
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "reference", "expected"), RESOLVED, ids=[case[0] for case in RESOLVED]
)
def test_resolves(name: str, text: str, reference: date, expected: dict[str, str]) -> None:
    found = values(text, reference)
    for surface, value in expected.items():
        assert surface in found, f"{surface!r} not tagged in {found}"
        assert found[surface] == value, f"{surface!r}: {found[surface]} != {value}"


# (name, text, words that must not be tagged as (part of) a temporal expression)
NOT_TAGGED = [
    ("we-is-not-wednesday", "We will decide after the vote, we said.", ["We", "we"]),
    ("may-the-verb", "Officials may extend the curfew, and it may rain.", ["may"]),
    ("may-the-name", "Theresa May met the king.", ["May"]),
    ("march-the-verb", "Thousands will March to the parliament and march again.", ["March", "march"]),
    ("march-the-event", "He joined the March on Washington.", ["March"]),
    ("sun-the-newspaper", "The Sun reported the story first.", ["Sun"]),
    ("ordinal-day-is-not-a-duration", "Protesters marched on Friday for a third day.", ["third day", "day"]),
    (
        "age-is-not-a-duration",
        "His 22-year-old son and children 6 months and older.",
        ["22-year", "6 months"],
    ),
    ("count-is-not-a-year", "The town sheltered 2000 refugees.", ["2000"]),
    ("money-is-not-a-year", "The fine was $1999 in total.", ["1999"]),
    ("decimal-is-not-a-time", "The index rose 10.43 points.", ["10.43"]),
    ("now-that", "Now that the war is over, people return.", ["Now"]),
]


@pytest.mark.parametrize(("name", "text", "words"), NOT_TAGGED, ids=[case[0] for case in NOT_TAGGED])
def test_not_tagged(name: str, text: str, words: list[str]) -> None:
    for timex in tag(text):
        surface = text[timex.start : timex.end]
        for word in words:
            assert word not in surface.split() and surface != word, f"{surface!r} tagged in {text!r}"


def test_without_reference_relative_expressions_are_unresolved() -> None:
    text = "The rebels said on Friday that fighting ended last year; the 1990s war and May 2010 raid."
    found = {text[t.start : t.end]: t for t in tag(text, None)}
    assert found["Friday"].value is None and found["Friday"].relative
    assert found["last year"].value is None and found["last year"].relative
    assert found["the 1990s"].value == "199X" and not found["the 1990s"].relative
    assert found["May 2010"].value == "2010-05" and not found["May 2010"].relative


def test_same_weekday_in_a_future_clause_is_today_with_a_conventional_second_reading() -> None:
    (timex,) = tag("Three trucks of aid will be delivered to the region on Friday.")
    assert timex.value == "2023-09-22"
    assert timex.readings == ["2023-09-29"]
    assert timex.conventional
    assert "will" in (timex.evidence or "")


@pytest.mark.parametrize(
    ("name", "text", "reference", "expect_mismatch"),
    [
        (
            "yesterday-thursday-on-saturday",
            "They said yesterday, Thursday, they would go.",
            date(2023, 9, 23),
            True,
        ),
        ("yesterday-thursday-on-friday", "They said yesterday, Thursday, they would go.", FRIDAY, False),
        ("weekday-date-disagree", "The trial opens Tuesday, March 12, 2025.", FRIDAY, True),
        ("weekday-date-agree", "The trial opens Wednesday, March 12, 2025.", FRIDAY, False),
        ("friday-sept-23-is-saturday", "Talks resume on Friday, Sept. 23.", FRIDAY, True),
    ],
)
def test_mismatch(name: str, text: str, reference: date, expect_mismatch: bool) -> None:
    timexes = tag(text, reference)
    assert timexes
    mismatches = [timex.mismatch for timex in timexes if timex.mismatch]
    assert bool(mismatches) == expect_mismatch, mismatches
    if expect_mismatch:
        assert timexes[0].suggestion


def test_yesterday_mismatch_names_the_day() -> None:
    (timex,) = tag("They said yesterday, Thursday, they would go.", date(2023, 9, 23))
    assert timex.value == "2023-09-22"
    assert timex.mismatch == "names Thursday, but yesterday was Friday 2023-09-22"
    assert timex.suggestion == "Friday (Sept. 22)"


def test_next_weekday_has_two_readings() -> None:
    (timex,) = tag("The committee votes next Friday.", date(2024, 5, 6))
    assert timex.value == "2024-05-10"
    assert timex.readings == ["2024-05-17"]


# Seed articles (read by path): the temporal rows of ../shared/seeds/README.md.
SEED_ROWS = [
    ("000", "reported on Friday", "Friday", "2023-09-22"),
    ("000", "On Tuesday", "Tuesday", "2023-09-19"),
    ("000", "September of last year", "September of last year", "2022-09"),
    ("000", "September 19, 2023", "September 19, 2023", "2023-09-19"),
    ("000", "in 1991", "1991", "1991"),
    ("001", "declared on Wednesday", "Wednesday", "2023-09-20"),
    ("001", "said on Thursday", "Thursday", "2023-09-21"),
    ("001", "region on Friday", "Friday", "2023-09-22"),
    ("001", "Since 1994", "1994", "1994"),
    ("001", "In 2020", "2020", "2020"),
    ("001", "On Wednesday and Thursday", "Wednesday", "2023-09-20"),
    ("001", "On Wednesday and Thursday", "Thursday", "2023-09-21"),
    ("002", "yesterday, Thursday", "yesterday, Thursday", "2023-09-21"),
    ("002", "enclave today", "today", "2023-09-22"),
    ("004", "Sept. 21", "Sept. 21", "2023-09-21"),
    ("004", "in the 1990s", "the 1990s", "199X"),
]


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
@pytest.mark.parametrize(
    ("seed", "context", "surface", "value"), SEED_ROWS, ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in SEED_ROWS]
)
def test_seed_rows(seed: str, context: str, surface: str, value: str) -> None:
    text = _seed(seed)
    timexes = find_timexes(text, split_sentences(text), FRIDAY)
    at = text.index(context)
    window = [t for t in timexes if at <= t.start and t.end <= at + len(context)]
    assert any(text[t.start : t.end] == surface and t.value == value for t in window), [
        (text[t.start : t.end], t.value) for t in window
    ]
    for timex in window:
        assert timex.mismatch is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_no_ordinal_day_duration_and_no_reference_leaves_relative_dates_unresolved() -> None:
    text = _seed("001")
    timexes = find_timexes(text, split_sentences(text), None)
    assert not any("third day" in text[t.start : t.end] for t in timexes)
    relative = [t for t in timexes if t.relative]
    assert relative and all(t.value is None for t in relative)


# Behaviour checked on other news text: games' quarters, eras, "this <month>", paragraphs.
MORE_RESOLVED = [
    (
        "fiscal-quarter-adjective",
        "The firm posted fourth-quarter profit of $2bn.",
        date(2024, 2, 1),
        {"fourth-quarter": "2023-Q4"},
    ),
    (
        "quarter-to-come",
        "The firm expects third-quarter sales to rise.",
        date(2024, 2, 1),
        {"third-quarter": "2024-Q3"},
    ),
    (
        "this-month-name-future",
        "The carrier will offer the phone this February.",
        date(2012, 6, 15),
        {"this February": "2013-02"},
    ),
    (
        "tense-stays-in-its-sentence",
        "Voting on Monday. Officials will say more.",
        FRIDAY,
        {"Monday": "2023-09-18"},
    ),
    (
        "fronted-weekday-in-second-sentence",
        "Talks failed. On Monday, the envoys will return.",
        FRIDAY,
        {"Monday": "2023-09-25"},
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "reference", "expected"), MORE_RESOLVED, ids=[case[0] for case in MORE_RESOLVED]
)
def test_resolves_more(name: str, text: str, reference: date, expected: dict[str, str]) -> None:
    test_resolves(name, text, reference, expected)


@pytest.mark.parametrize(
    ("name", "text", "word"),
    [
        ("game-quarter", "They trailed by ten points entering the fourth quarter.", "quarter"),
        ("era-not-duration", "It was like the days of the old empire.", "days"),
        ("early-hours-of", "In the early hours of Friday, shelling resumed.", "hours"),
        ("spaced-age", "The 27 - year - old was convicted.", "year"),
    ],
)
def test_not_tagged_more(name: str, text: str, word: str) -> None:
    assert not any(word in text[t.start : t.end] for t in tag(text))


NAMES_AND_LABELS = [
    ("bloody-sunday", "The march marked Bloody Sunday in Derry.", "Sunday"),
    ("good-friday-agreement", "The Good Friday Agreement ended the conflict.", "Friday"),
    ("sunday-times", "The Sunday Times reported the deal.", "Sunday"),
    ("usa-today", "A poll by USA Today found little change.", "Today"),
    ("flight-number", "Flight 1549 landed on the river.", "1549"),
    ("un-resolution", "Resolution 1701 ended the war.", "1701"),
    ("military-time", "The blast happened at 1930 GMT.", "1930"),
    ("first-name", "Reporter April Ryan asked a question.", "April"),
    ("second-term", "He won a second term in office.", "second"),
    ("fraction", "Turnout fell by a quarter of the voters.", "quarter"),
    ("rate", "Patients need three meals a day.", "day"),
]


@pytest.mark.parametrize(
    ("name", "text", "word"), NAMES_AND_LABELS, ids=[case[0] for case in NAMES_AND_LABELS]
)
def test_names_and_labels_are_not_dates(name: str, text: str, word: str) -> None:
    assert not any(word in text[t.start : t.end] for t in tag(text)), [
        text[t.start : t.end] for t in tag(text)
    ]


@pytest.mark.parametrize(
    ("name", "text", "surface"),
    [
        ("told-agency-weekday", "He told Reuters Friday that the talks failed.", "Friday"),
        ("sentence-initial-today", "Officials left. Today the square is empty.", "Today"),
        ("month-after-preposition", "In April Smith resigned.", "April"),
        ("second-duration", "The engine stalled for a second or two.", "a second"),
    ],
)
def test_still_dates(name: str, text: str, surface: str) -> None:
    assert surface in {text[t.start : t.end] for t in tag(text)}


@pytest.mark.parametrize(
    ("name", "text", "reference", "expected"),
    [
        (
            "day-range",
            "The summit runs Sept. 21-23 in Rome.",
            date(2023, 9, 10),
            {"Sept. 21": "2023-09-21", "23": "2023-09-23"},
        ),
        (
            "day-before-yesterday",
            "He left the day before yesterday.",
            FRIDAY,
            {"the day before yesterday": "2023-09-20"},
        ),
        (
            "past-weekend",
            "Fighting eased over the weekend.",
            date(2023, 9, 18),
            {"the weekend": "2023-W37-WE"},
        ),
        (
            "coming-weekend",
            "Storms will hit during the weekend.",
            date(2023, 9, 18),
            {"the weekend": "2023-W38-WE"},
        ),
    ],
)
def test_resolves_ranges_and_weekends(
    name: str, text: str, reference: date, expected: dict[str, str]
) -> None:
    test_resolves(name, text, reference, expected)


def test_numeric_date_keeps_both_orders() -> None:
    (timex,) = tag("The form is dated 05/06/2023.")
    assert timex.value == "2023-05-06"
    assert timex.readings == ["2023-06-05"]
    assert "order" in (timex.evidence or "")


@pytest.mark.parametrize(
    ("name", "text", "surface", "mismatch"),
    [
        ("suggested-form-agrees", "Talks resume Friday (Sept. 22) in Geneva.", "Friday (Sept. 22)", False),
        ("suggested-form-disagrees", "Talks resume Friday (Sept. 23) in Geneva.", "Friday (Sept. 23)", True),
        ("weekday-day-month", "Talks resumed on Thursday 21 September.", "Thursday 21 September", False),
    ],
)
def test_weekday_with_date_is_one_expression(name: str, text: str, surface: str, mismatch: bool) -> None:
    found = {text[t.start : t.end]: t for t in tag(text)}
    assert surface in found, list(found)
    assert bool(found[surface].mismatch) == mismatch


def test_impossible_day_is_unresolved_not_an_error() -> None:
    (timex,) = tag("The deal was signed on Feb. 31.")
    assert timex.value is None
    assert "no such day" in (timex.evidence or "")


def test_leap_day_in_a_past_clause_takes_the_last_leap_year() -> None:
    (timex,) = tag("The deal was signed on Feb. 29.")
    assert timex.value == "2020-02-29"


WORDS = [
    "Monday",
    "Friday",
    "yesterday",
    "today",
    "tonight",
    "last",
    "next",
    "this",
    "the",
    "a",
    "every",
    "week",
    "weekend",
    "month",
    "year",
    "decade",
    "quarter",
    "Q3",
    "summer",
    "Jan.",
    "Feb.",
    "29",
    "31",
    "1st",
    "22nd",
    "0",
    "12",
    "1999",
    "2023",
    "'90s",
    "20th",
    "of",
    "in",
    "on",
    "by",
    "since",
    "ago",
    "now",
    "later",
    "early",
    "mid-",
    "end",
    "day",
    "days",
    "hours",
    "10:43",
    "8",
    "p.m.",
    "GMT",
    ",",
    ".",
    "(",
    ")",
    "-",
    "/",
    "1/2",
    "half",
    "several",
    "will",
    "said",
    "was",
    "is",
    "due",
    "to",
    "morning",
    "March",
    "May",
    "Sept",
    "2023-09-22",
    "05/06/2023",
    "fiscal",
    "fourth-quarter",
    "profit",
]


@pytest.mark.parametrize("seed", range(4))
def test_random_word_salad_never_raises(seed: int) -> None:
    import random

    generator = random.Random(seed)
    for _ in range(250):
        text = " ".join(generator.choice(WORDS) for _ in range(generator.randint(1, 10)))
        for reference in (None, date(2024, 2, 29), date(2023, 12, 31)):
            for timex in tag(text, reference):
                assert 0 <= timex.start < timex.end <= len(text)


def test_anaphors_follow_an_explicit_date_without_publication_date() -> None:
    text = "The raid began on March 3, 2023, and ended the next day at 8 p.m."
    found = {text[t.start : t.end]: t for t in tag(text, None)}
    assert found["the next day"].value == "2023-03-04" and not found["the next day"].relative
    assert found["8 p.m."].value == "2023-03-04T20:00"
