"""The merge rule of numbers and dates over the same words (docs/architecture.md), through
`pipeline.process_article`: what a user gets, not what one extractor says."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.models import Article, Claim
from claimcheck.pipeline import Options, process_article


def claims(text: str, published: date | None = date(2024, 5, 2)) -> list[Claim]:
    article = Article(id="a", text=text, published=published, published_origin="metadata")
    return process_article(article, Options()).claims


def spans(text: str) -> list[tuple[str, str]]:
    return [(claim.text, claim.kind) for claim in claims(text)]


def test_same_words_are_one_claim_with_number_and_timex() -> None:
    [claim] = claims("Dockworkers ended a 21-day strike at the port.")
    assert (claim.kind, claim.value, claim.unit, claim.timex) == ("duration", 21, "day", "P21D")


def test_a_recurring_period_pairs_with_its_figure() -> None:
    found = claims("The pension rises by 1 percent for every 9 weeks you defer it.")
    assert [(c.text, c.kind, c.value) for c in found] == [
        ("1 percent", "percent", 1),
        ("9 weeks", "duration", 9),
    ]
    assert found[1].timex_type == "SET"


def test_a_rate_belongs_to_its_figure() -> None:
    [claim] = claims("The strike costs the economy 12 million euros a day, the ministry said.")
    assert (claim.kind, claim.value, claim.unit, claim.per) == ("money", 12_000_000, "EUR", "day")


def test_a_rate_in_times_a_minute_keeps_the_count() -> None:
    [claim] = claims("The turbine blades spin nearly 3,000 times a minute at full load.")
    assert (claim.kind, claim.value, claim.approx) == ("count", 3000, "about")


@pytest.mark.parametrize(
    ("text", "span", "kind", "low", "high"),
    [
        ("The firm plans 1000 to 2000 hires this year.", "1000 to 2000", "count", 1000, 2000),
        ("The 1520 sq m clinic opened in the old market hall.", "1520 sq m", "measure", 1520, 1520),
        ("Mileage rose from 20 miles per gallon in 2008 to 29 mpg in 2020.", "29 mpg", "measure", 29, 29),
        ("Adults need about 2000 - 2500 Calories a day.", "about 2000 - 2500 Calories a day", "measure",
         2000, 2500),
    ],
)  # fmt: skip
def test_a_figure_that_looks_like_a_year_stays_a_figure(
    text: str, span: str, kind: str, low: float, high: float
) -> None:
    [claim] = [c for c in claims(text) if c.text == span]
    assert claim.kind == kind
    assert claim.low is not None and claim.high is not None
    assert claim.low <= low and high <= claim.high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire began on Sept. 21 and held.", [("Sept. 21", "date")]),
        ("Police said the fire started two days ago.", [("two days ago", "date")]),
        ("The dam cost $40 million in 1990 dollars.", [("$40 million", "money"), ("1990", "date")]),
        ("The summit runs on October 1 - 2 in the capital.", [("October 1", "date"), ("2", "date")]),
    ],
)
def test_a_number_inside_a_date_is_no_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The club has played in the league for more than a century.",
        "Fans waited years for the new stadium.",
        "The loans would cost borrowers pennies a day.",
        "For a few minutes the crowd fell silent.",
        "The siege of the embassy lasted a week.",
    ],
)
def test_a_duration_without_a_number_is_no_claim(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("The talks lasted half an hour.", 30), ("The meeting ran for an hour and a half.", 90)],
)
def test_a_duration_stated_in_words_is_a_claim(text: str, minutes: float) -> None:
    [claim] = claims(text)
    assert (claim.kind, claim.base_value) == ("duration", minutes * 60)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("The talks went on for an hour and a half.", "minute", 90),
        ("The siege lasted two and a half years.", "month", 30),
    ],
)
def test_a_combined_duration_is_a_claim_in_its_smallest_unit(text: str, unit: str, value: float) -> None:
    [claim] = claims(text)
    assert (claim.kind, claim.unit, claim.value) == ("duration", unit, value)


def test_the_date_of_a_wire_dateline_is_no_claim_of_the_next_sentence() -> None:
    text = "HALDEN, March 13 (Wire One) - The port reopened on Wednesday after a 21-day strike.\n"
    assert spans(text) == [("Wednesday", "date"), ("21-day", "duration")]


def test_a_dateline_under_a_title_is_no_claim() -> None:
    text = "Halden port reopens\n\nHALDEN, March 13 (Wire One) -- The port reopened on Wednesday.\n"
    assert spans(text) == [("Wednesday", "date")]


def test_a_date_later_in_the_opening_sentence_is_still_a_claim() -> None:
    text = "HALDEN, March 13 (Wire One) - The strike began on Feb. 19, the union said.\n"
    assert ("Feb. 19", "date") in spans(text)
    assert ("March 13", "date") not in spans(text)
