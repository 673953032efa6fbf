"""The direction of underspecified dates: the tense and aspect of the clause they stand in,
and the nearest occurrence of a month-day (claimcheck/resolve/tense.py, resolver.py)."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.resolve.tense import SentenceTokens
from claimcheck.resolve.timexes import find_timexes
from claimcheck.spans import Sentence

SUNDAY = date(1998, 8, 9)
WEDNESDAY = date(2024, 5, 8)


def values(text: str, reference: date) -> dict[str, str | None]:
    return {text[t.start : t.end]: t.value for t in find_timexes(text, [Sentence(0, len(text))], reference)}


# (name, text, reference, {surface: value})
DIRECTION = [
    # Prospective phrases and modals: the day ahead, whatever "-ed" word is nearer.
    (
        "due-to-reopen",
        "The affected stretch of the motorway is due to reopen on Tuesday.",
        SUNDAY,
        {"Tuesday": "1998-08-11"},
    ),
    ("expected-to", "The board is expected to vote on Friday.", WEDNESDAY, {"Friday": "2024-05-10"}),
    ("will", "Talks will resume on Monday, officials said.", WEDNESDAY, {"Monday": "2024-05-13"}),
    ("plans-to", "The union plans to strike on Friday.", WEDNESDAY, {"Friday": "2024-05-10"}),
    (
        "advances-to-play",
        "The top seed beat Drake 74-60 and advances to play Saturday in the semifinals.",
        date(2024, 3, 8),
        {"Saturday": "2024-03-09"},
    ),
    ("until", "The road is closed until Tuesday.", SUNDAY, {"Tuesday": "1998-08-11"}),
    # A fronted day with a past planning verb: the day of the planning, not of the plan.
    (
        "fronted-day-planned",
        "On Friday, the government planned to pay each family $1,000.",
        WEDNESDAY,
        {"Friday": "2024-05-03"},
    ),
    ("fronted-day-proposed", "On Friday, the ministry proposed a tax.", WEDNESDAY, {"Friday": "2024-05-03"}),
    ("fronted-day-are-expected", "On Friday, talks are expected to end", WEDNESDAY, {"Friday": "2024-05-10"}),
    ("fronted-day-could", "On Friday, the rebels could attack.", WEDNESDAY, {"Friday": "2024-05-10"}),
    (
        "until-in-a-past-clause",
        "The shop stayed open until Tuesday.",
        date(1998, 8, 13),
        {"Tuesday": "1998-08-11"},
    ),
    ("beginning", "Fares rise beginning Monday.", WEDNESDAY, {"Monday": "2024-05-13"}),
    (
        "deadline-set-in-the-past",
        "The agency extended its deadline until 9 a.m. Friday.",
        WEDNESDAY,
        {"9 a.m. Friday": "2024-05-10T09:00"},
    ),
    # Short regular pasts ("died", "sued") are past verbs too; a holiday follows the tense.
    (
        "short-past-verb",
        "The former dictator died on Christmas Day.",
        date(1998, 10, 14),
        {"Christmas Day": "1997-12-25"},
    ),
    ("sued", "The shareholders sued Tuesday.", WEDNESDAY, {"Tuesday": "2024-05-07"}),
    # A present of travel or a sitting, just before the day, is scheduled: the day ahead.
    ("leaves", "The prime minister leaves Friday for a tour of Asia.", WEDNESDAY, {"Friday": "2024-05-10"}),
    ("convenes", "Parliament reconvenes Monday after the recess.", WEDNESDAY, {"Monday": "2024-05-13"}),
    # An infinitive of purpose after the day governs nothing: the verb before it decides.
    (
        "to-close-at",
        "Shares of the insurer rose 4% Tuesday to close at $52.",
        WEDNESDAY,
        {"Tuesday": "2024-05-07"},
    ),
    ("voted-to-end", "Dock workers voted Sunday to end their strike.", WEDNESDAY, {"Sunday": "2024-05-05"}),
    # A present perfect or an infinitive says the day is near, not on which side: the nearer one.
    (
        "present-perfect-is-not-past",
        "The carrier has agreed to resume deliveries on Friday.",
        WEDNESDAY,
        {"Friday": "2024-05-10"},
    ),
    (
        "planned-event",
        "Farmers planned a protest march in the capital on Thursday.",
        WEDNESDAY,
        {"Thursday": "2024-05-09"},
    ),
    (
        "could-is-not-future",
        "The minister could not be reached Tuesday.",
        WEDNESDAY,
        {"Tuesday": "2024-05-07"},
    ),
    (
        "possessive-weekday-ahead",
        "Delegates prepared for Friday's vote.",
        WEDNESDAY,
        {"Friday's": "2024-05-10"},
    ),
    (
        "possessive-weekday-behind",
        "Delegates discussed Monday's vote.",
        WEDNESDAY,
        {"Monday's": "2024-05-06"},
    ),
    (
        "perfect-weekday-is-the-nearer",
        "The union has called a strike for Friday.",
        WEDNESDAY,
        {"Friday": "2024-05-10"},
    ),
    (
        "perfect-far-date-is-behind",
        "A new chief has been appointed after the Jan. 6 riot.",
        date(2021, 7, 19),
        {"Jan. 6": "2021-01-06"},
    ),
    (
        "month-may-is-no-modal",
        "The bloc in May had urged members to act.",
        date(2021, 8, 30),
        {"May": "2021-05"},
    ),
    (
        "another-clause-does-not-outweigh-the-nearest",
        "The fund expects growth of 5.9% this year — less than its July estimate.",
        date(2021, 10, 12),
        {"July": "2021-07"},
    ),
    # Clauses: a relative clause and a coordinated clause keep their own tense.
    (
        "relative-clause",
        "The mayor, who resigned on Monday, will leave office on Friday.",
        WEDNESDAY,
        {"Monday": "2024-05-06", "Friday": "2024-05-10"},
    ),
    (
        "that-clause",
        "The ministry said on Monday that the bridge will reopen on Friday.",
        WEDNESDAY,
        {"Monday": "2024-05-06", "Friday": "2024-05-10"},
    ),
    (
        "conjunction-with-a-finite-verb",
        "Rescuers found two survivors on Monday and will resume the search on Friday.",
        WEDNESDAY,
        {"Monday": "2024-05-06", "Friday": "2024-05-10"},
    ),
    (
        "adjective-after-a-preposition-is-no-verb",
        "The envoy may arrive as soon as Tuesday, according to unconfirmed reports.",
        date(2000, 4, 3),
        {"Tuesday": "2000-04-04"},
    ),
    (
        "abbreviation-period-does-not-end-the-sentence",
        "In January, a week after the Roe v. Wade anniversary, a clinic was bombed.",
        date(1998, 10, 25),
        {"January": "1998-01"},
    ),
    # Month-days without a year: the nearest occurrence; tense only where that is far.
    (
        "payable",
        "The dividend is payable Dec. 15 to holders of record.",
        date(1989, 11, 6),
        {"Dec. 15": "1989-12-15"},
    ),
    (
        "coming-date-with-a-past-verb-nearby",
        "The council, which approved the plan, meets on Oct. 20.",
        date(1989, 10, 14),
        {"Oct. 20": "1989-10-20"},
    ),
    ("next-month-day", "Workers returned home after April 2.", date(1991, 3, 12), {"April 2": "1991-04-02"}),
    (
        "deadline-just-passed",
        "The agency ordered the family to hand over the boy by Jan. 14.",
        date(2000, 1, 15),
        {"Jan. 14": "2000-01-14"},
    ),
    (
        "far-date-past-clause",
        "He was last seen Nov. 3, police said.",
        date(1999, 5, 7),
        {"Nov. 3": "1998-11-03"},
    ),
    (
        "far-date-future-clause",
        "The airline will start flights to the island on Aug. 6.",
        date(2024, 9, 13),
        {"Aug. 6": "2025-08-06"},
    ),
]


# Month-day forms.
DIRECTION += [
    (
        "weekday-date-before-a-colon",
        "The paper wrote in an editorial on Monday, Oct. 26: the killing must be solved.",
        date(1998, 10, 25),
        {"Monday, Oct. 26": "1998-10-26"},
    ),
    (
        "last-month-day",
        "The doctor was shot last Oct. 23 at home.",
        date(1999, 4, 19),
        {"last Oct. 23": "1998-10-23"},
    ),
    (
        "two-days-of-a-month",
        "The summit will be held on April 24 and 25.",
        date(1999, 2, 10),
        {"April 24": "1999-04-24", "25": "1999-04-25"},
    ),
    (
        "week-of",
        "The case may be heard the week of March 6, he said.",
        date(2000, 2, 24),
        {"the week of March 6": "2000-W10"},
    ),
]


@pytest.mark.parametrize(("name", "text", "reference", "expected"), DIRECTION, ids=[c[0] for c in DIRECTION])
def test_direction(name: str, text: str, reference: date, expected: dict[str, str]) -> None:
    found = values(text, reference)
    for surface, value in expected.items():
        assert found.get(surface) == value, found


def test_a_count_after_a_date_is_no_second_day() -> None:
    assert set(values("On April 24 and 25 people were hurt.", date(1999, 5, 1))) == {"April 24"}


def test_clauses_split_at_relative_pronouns_and_finite_conjunctions_only() -> None:
    text = "Police said on Friday that the suspect fled after the raid and was caught on Sunday."
    tokens = SentenceTokens(text, Sentence(0, len(text)))
    # "after the raid" opens no clause: no finite verb follows before the next conjunction.
    assert {tokens.words[start] for start in tokens.clause_starts} == {"police", "that", "and"}


def test_evidence_names_the_cue() -> None:
    text = "The affected stretch of the motorway is due to reopen on Tuesday."
    (timex,) = find_timexes(text, [Sentence(0, len(text))], SUNDAY)
    assert timex.value == "1998-08-11"
    assert "future" in (timex.evidence or "") and "reopen" in (timex.evidence or "")
