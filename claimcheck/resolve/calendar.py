"""Calendar helpers: weekday and month names, ISO weeks, month arithmetic, safe dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimcheck.extract.temporal_patterns import LEXICON

WEEKDAY_NAMES = [name.capitalize() for name in LEXICON["weekdays"]]
WEEKDAY_WORD_RE = re.compile(r"\b(?:" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
"""A full weekday name in running text."""
MONTH_NAMES = [name.capitalize() for name in sorted(LEXICON["months"], key=LEXICON["months"].get)]
AP_MONTHS: list[str] = LEXICON["ap_months"]
SEASON_MONTHS: dict[str, list[int]] = LEXICON["season_months"]
NEAREST_DAYS: int = LEXICON["nearest_days"]
"""A month or month-day without a year this near the publication date is that occurrence,
whatever the tense; farther away, the tense of its clause picks the side."""


def weekday_name(day: date) -> str:
    return WEEKDAY_NAMES[day.isoweekday() - 1]


def explicit_date(day: date, reference: date | None = None) -> str:
    """AP style "Thursday (Sept. 21)", with the year when it differs from the reference's."""
    label = f"{AP_MONTHS[day.month - 1]} {day.day}"
    if reference is None or day.year != reference.year:
        label += f", {day.year}"
    return f"{weekday_name(day)} ({label})"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def period_span(year: int, month: int, day: int | None = None) -> tuple[date, date] | None:
    """First and last day of a month, or the day itself; None if there is no such day."""
    if day is not None:
        found = safe_date(year, month, day)
        return (found, found) if found else None
    next_year, next_month = add_months(year, month, 1)
    return date(year, month, 1), date(next_year, next_month, 1) - timedelta(days=1)


def quarter_span(year: int, kind: str, number: int) -> tuple[date, date]:
    """First and last day of a quarter ("Q", 3) or a half ("H", 1) of a year."""
    months = 3 if kind == "Q" else 6
    first_month = (number - 1) * months + 1
    next_year, next_month = add_months(year, first_month, months)
    return date(year, first_month, 1), date(next_year, next_month, 1) - timedelta(days=1)


POINT_RE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


def point_of(value: str | None) -> date | None:
    """The first day of a year, month or day value ("1985", "1985-06", "1985-06-03")."""
    match = POINT_RE.match(value or "")
    if match is None:
        return None
    return safe_date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def holiday_date(rule: dict[str, int], year: int) -> date:
    """The day of a holiday rule (rules/lexicon/temporal.yaml `holidays`) in a year."""
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    month, weekday, nth = rule["month"], rule["weekday"], rule["nth"]
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        next_year, next_month = add_months(year, month, 1)
        last = date(next_year, next_month, 1) - timedelta(days=1)
        day = last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
    return day + timedelta(days=rule.get("after", 0))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
