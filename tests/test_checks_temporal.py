"""The three relative-date checks, on claims built by hand."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.checks.context import CheckContext as Context
from claimcheck.checks.temporal import (
    check_relative_date_ambiguous,
    check_relative_date_mismatch,
    check_relative_date_unanchored,
    describe_value,
)
from claimcheck.models import Article, Claim
from claimcheck.rules import load_rules

RULES = load_rules(None)


def claim(text: str, timex: str | None, **fields: object) -> Claim:
    return Claim(
        id=f"a@{text}",
        article_id="a",
        kind="date",
        text=text,
        start=0,
        end=len(text),
        line=1,
        column=1,
        timex=timex,
        relative=True,
        **fields,  # type: ignore[arg-type]
    )


def context(published: date | None, *claims: Claim) -> Context:
    return Context([Article(id="a", path="a.md", published=published)], list(claims))


def test_unanchored_fires_without_publication_date() -> None:
    rule = RULES.get("relative-date-unanchored")
    findings = list(check_relative_date_unanchored(context(None, claim("on Friday", None)), rule))
    assert len(findings) == 1
    assert findings[0].rule == "relative-date-unanchored" and findings[0].code == rule.code
    assert "'on Friday' is relative" in findings[0].message
    assert not list(
        check_relative_date_unanchored(context(date(2023, 9, 22), claim("on Friday", "2023-09-22")), rule)
    )


def test_ambiguous_conventional_reading_is_low_severity() -> None:
    rule = RULES.get("relative-date-ambiguous")
    item = claim("Friday", "2023-09-22", readings=["2023-09-29"], conventional=True)
    (finding,) = check_relative_date_ambiguous(context(date(2023, 9, 22), item), rule)
    assert finding.severity == "info"
    assert "today, Friday (Sept. 22), or Friday (Sept. 29)" in finding.message
    assert "e.g. Friday (Sept. 22)" in finding.message


def test_ambiguous_without_convention_keeps_rule_severity() -> None:
    rule = RULES.get("relative-date-ambiguous")
    item = claim("next Friday", "2024-05-10", readings=["2024-05-17"])
    (finding,) = check_relative_date_ambiguous(context(date(2024, 5, 6), item), rule)
    assert finding.severity == rule.severity


@pytest.mark.parametrize(
    ("name", "published", "expect"),
    [("near-new-year", date(2023, 12, 20), 1), ("mid-year", date(2023, 6, 20), 0)],
)
def test_month_readings_across_years_only_near_the_turn_of_the_year(
    name: str, published: date, expect: int
) -> None:
    rule = RULES.get("relative-date-ambiguous")
    item = claim("January", "2024-01", readings=["2023-01"])
    assert len(list(check_relative_date_ambiguous(context(published, item), rule))) == expect


def test_mismatch_message_names_reason_and_suggestion() -> None:
    rule = RULES.get("relative-date-mismatch")
    item = claim(
        "yesterday, Thursday", "2023-09-22", mismatch="names Thursday, but yesterday was Friday 2023-09-22"
    )
    (finding,) = check_relative_date_mismatch(context(date(2023, 9, 23), item), rule)
    assert finding.severity == "error"
    assert finding.message == (
        "'yesterday, Thursday' names Thursday, but yesterday was Friday 2023-09-22; "
        "did you mean Friday (Sept. 22)?"
    )


@pytest.mark.parametrize(
    ("value", "reference", "words"),
    [
        ("2023-09-21", date(2023, 9, 22), "yesterday, Thursday (Sept. 21)"),
        ("2023-09-22TMO", date(2023, 9, 22), "today, Friday (Sept. 22) morning"),
        ("2022-09-21", date(2023, 9, 22), "Wednesday (Sept. 21, 2022)"),
        ("2022-09", date(2023, 9, 22), "September 2022"),
        ("2023-05", None, "May 2023"),
        ("2023-W38", None, "2023-W38"),
    ],
)
def test_describe_value(value: str, reference: date | None, words: str) -> None:
    assert describe_value(value, reference) == words
