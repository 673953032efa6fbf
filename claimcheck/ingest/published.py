"""Publication dates as metadata gives them.

    parse_published(value) -> date | datetime          ISO only (--published, page markup)
    read_published(value) -> Published                   metadata written by hand or a CMS

The contract is an ISO date or datetime, with or without offset. Metadata written by
people and CMS exports also say "March 16, 2024", "16/03/2024", "2024/03/16",
"20240316" or a Unix time: `read_published` reads those too and says what it assumed
(which order of day and month it guessed), and turns what is no date ("yesterday",
"2024-02-30", "March 2024") into a note, never an error: the article is read anyway.
Month names are the temporal lexicon's (rules/lexicon/temporal.yaml).
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, timedelta, timezone
from typing import Any

from claimcheck.rules import load_lexicon

_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_ISO_TIME = r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
_ISO_OFFSET = r"(?:Z|[+-]\d{2}:?\d{2})?"
ISO_PUBLISHED_RE = re.compile(rf"^{_ISO_DATE}(?:{_ISO_TIME}{_ISO_OFFSET})?$")

# A clock time and a zone after a date: "9:30", "9.30am", "at 9:30 p.m. GMT", "09:30:00+01:00".
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?P<zone>Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
NUMERIC_DATE_RE = re.compile(
    rf"^(?P<first>\d{{1,2}})[/.-](?P<other>\d{{1,2}})[/.-](?P<year>\d{{4}}|\d{{2}}){_TIME}$"
)
YEAR_FIRST_RE = re.compile(rf"^{_YEAR}[/.](?P<month>\d{{1,2}})[/.]{_DAY}{_TIME}$")
COMPACT_RE = re.compile(r"^(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})$")
UNIX_TIME_RE = re.compile(r"^\d{9,10}$")
ISO_ZONE_NAME_RE = re.compile(rf"^(?P<iso>{_ISO_DATE}{_ISO_TIME})\s*(?P<zone>[A-Z]{{2,5}})$")
ZONES_AT_UTC = frozenset({"Z", "UTC", "GMT"})
ISO_PARTS_RE = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date read from metadata: the value (None if there is none), and what was
    assumed to read it, for a warning (None when the value is ISO as the contract says)."""

    value: date | datetime | None
    note: str | None = None


def parse_published(value: Any) -> date | datetime:
    """An ISO date or datetime (with or without offset); anything else is an error."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not ISO_PUBLISHED_RE.match(value.strip()):
        raise ValueError(f"published {value!r} is not an ISO date or datetime (YYYY-MM-DD[THH:MM])")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published {value!r} is not a valid date") from None


def read_published(value: Any) -> Published:
    """A publication date from metadata, read leniently; never raises."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Published(None)
    if isinstance(value, (date, datetime)):
        return Published(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return Published(None, f"published is a {type(value).__name__}, not a date; it was left out")
    text = " ".join(str(value).split())
    if ISO_PUBLISHED_RE.match(text):
        try:
            return Published(parse_published(text))
        except ValueError:
            return _impossible(text)
    for reader in (_with_month_name, _numeric, _year_first, _compact, _unix_time, _iso_zone_name):
        found = reader(text)
        if found is not None:
            return found
    return Published(None, f"published '{text}' is not a date; it was left out (write YYYY-MM-DD)")


# ------------------------------------------------------------------ readers


@functools.cache
def _month_names() -> dict[str, int]:
    lexicon = load_lexicon("temporal")
    return {
        str(name).lower(): int(number)
        for name, number in {**lexicon["months"], **lexicon["month_abbreviations"]}.items()
    }


@functools.cache
def _month_name_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(_month_names(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(name) for name in names) + r")\.?"
    weekday = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
    month_first = re.compile(rf"^{weekday}{month}\s+{_DAY},?\s+{_YEAR}{_TIME}$", re.IGNORECASE)
    day_first = re.compile(rf"^{weekday}{_DAY}\s+{month},?\s+{_YEAR}{_TIME}$", re.IGNORECASE)
    return month_first, day_first


def _with_month_name(text: str) -> Published | None:
    """ "March 16, 2024", "Sat, 16 Mar 2024 09:30 GMT"."""
    for pattern in _month_name_res():
        match = pattern.match(text)
        if match:
            month = _month_names()[match.group("month").lower().rstrip(".")]
            return _build(text, int(match.group("year")), month, int(match.group("day")), match)
    if any(name in text.lower().split() for name in _month_names()) and re.search(r"\b\d{4}\b", text):
        return Published(None, f"published '{text}' names no day; it was left out (write YYYY-MM-DD)")
    return None


def _numeric(text: str) -> Published | None:
    """ "16/03/2024" (day first: 16 is no month), "03/16/2024" (month first), "03/04/2024"
    (either: day first is assumed and said)."""
    match = NUMERIC_DATE_RE.match(text)
    if match is None:
        return None
    first, second = int(match.group("first")), int(match.group("other"))
    year = int(match.group("year"))
    guess = None
    if len(match.group("year")) == 2:
        year += 2000
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        day, month = first, second
        if first != second:
            guess = "day first"
    found = _build(text, year, month, day, match)
    if guess and found.value is not None:
        other = f"{year:04d}-{day:02d}-{month:02d}"
        found = Published(
            found.value,
            f"published '{text}': the order of day and month is a guess; read as "
            f"{found.value.isoformat()} ({guess}), not {other}: write YYYY-MM-DD",
        )
    return found


def _year_first(text: str) -> Published | None:
    match = YEAR_FIRST_RE.match(text)
    if match is None:
        return None
    return _build(text, int(match.group("year")), int(match.group("month")), int(match.group("day")), match)


def _compact(text: str) -> Published | None:
    match = COMPACT_RE.match(text)
    if match is None:
        return None
    return _build(text, int(match.group("year")), int(match.group("month")), int(match.group("day")), None)


def _unix_time(text: str) -> Published | None:
    if not UNIX_TIME_RE.match(text):
        return None
    value = datetime.fromtimestamp(int(text), tz=UTC)
    return Published(value, f"published '{text}' read as a Unix time: {value.isoformat()}")


def _iso_zone_name(text: str) -> Published | None:
    """ "2024-03-16T09:30 EST": the time is kept, a zone name other than UTC/GMT is not read."""
    match = ISO_ZONE_NAME_RE.match(text)
    if match is None:
        return None
    try:
        value = datetime.fromisoformat(match.group("iso"))
    except ValueError:
        return _impossible(text)
    if match.group("zone") in ZONES_AT_UTC:
        value = value.replace(tzinfo=UTC)
        return Published(value, f"published '{text}' read as {value.isoformat()}")
    return Published(
        value,
        f"published '{text}' read as {value.isoformat()}: the time zone '{match.group('zone')}' was not read",
    )


# ------------------------------------------------------------------ helpers


def _build(text: str, year: int, month: int, day: int, match: re.Match[str] | None) -> Published:
    """The date (and time, if the match has one) as read, with a note saying how it was read."""
    try:
        day_value = date(year, month, day)
    except ValueError:
        return _impossible(text, year, month)
    if match is None or match.group("hour") is None:
        return Published(day_value, f"published '{text}' read as {day_value.isoformat()}")
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone_name = match.group("zone")
    zone = _zone(zone_name)
    try:
        value = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return Published(
            day_value, f"published '{text}' read as {day_value.isoformat()}: the time is no time"
        )
    note = f"published '{text}' read as {value.isoformat()}"
    if zone_name and zone is None:
        note += f": the time zone '{zone_name}' was not read"
    return Published(value, note)


def _zone(name: str | None) -> timezone | None:
    if not name:
        return None
    if name in ZONES_AT_UTC:
        return UTC
    offset = re.fullmatch(r"(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})", name)
    if offset is None:
        return None
    delta = timedelta(hours=int(offset.group("hours")), minutes=int(offset.group("minutes")))
    return timezone(-delta if offset.group("sign") == "-" else delta)


def _impossible(text: str, year: int | None = None, month: int | None = None) -> Published:
    """What is wrong with a date that does not exist; an ISO day that exists with a time that
    does not ("2024-03-16 25:61") keeps the day, as the lenient readers do."""
    if year is None and (parts := ISO_PARTS_RE.match(text)):
        year, month = int(parts.group(1)), int(parts.group(2))
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(text[:10])
            return Published(day, f"published '{text}' read as {day.isoformat()}: the time is no time of day")
    why = ""
    if year is not None and not MINYEAR <= year <= MAXYEAR:
        why = f" (there is no year {year})"
    elif year is not None and month is not None and 1 <= month <= 12:
        import calendar  # only to explain a bad date

        days = calendar.monthrange(year, month)[1]
        why = f" ({calendar.month_name[month]} {year} has {days} days)"
    elif month is not None:
        why = f" (there is no month {month})"
    return Published(None, f"published '{text}' is no date{why}; it was left out")
