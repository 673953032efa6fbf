"""Temporal resolution: tagged mentions -> TIMEX3 values against the publication date.

Direction comes from the tense of the expression's clause (tense.py). A weekday
follows it: a future cue ("will", "is due to", "scheduled") puts it ahead, a past
verb behind; a weekday equal to the publication weekday is that day; with no cue,
news convention takes the past one. A month, a month-day, a quarter or a holiday
named without a year is its nearest occurrence, as newswire editors mean it; the
tense decides only where the nearest is ambiguous (more than NEAREST_DAYS away).
Offsets ("a year earlier") count from the last point named in the sentence or the
publication date. The Timex says what decided in `evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from functools import partial
from typing import Any

from claimcheck.extract.temporal_durations import period_value
from claimcheck.extract.temporal_patterns import HOLIDAYS, SEASONS, UNITS, Mention, Timex
from claimcheck.resolve.calendar import (
    AP_MONTHS,
    NEAREST_DAYS,
    SEASON_MONTHS,
    WEEKDAY_NAMES,
    add_months,
    explicit_date,
    holiday_date,
    iso_week,
    period_span,
    point_of,
    quarter_span,
    safe_date,
    weekday_name,
)
from claimcheck.resolve.tense import NO_TENSE, PERFECT, SentenceTokens, Tense
from claimcheck.spans import Sentence

SHORT_YEAR_AHEAD = 10
"""A two-digit year ("'05") lies at most this many years after the publication year."""
OUTSIDE_CALENDAR = "outside the calendar (years 1 to 9999)"
BEYOND_CALENDAR_RE = re.compile(r"-|\d{5}")
"""A TIMEX value whose year is negative or has five digits."""


def _rel_tense(rel: str) -> Tense:
    """The side a "last" / "next" / "this" before a name puts it on ("this" leaves it to the nearest)."""
    direction = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(rel)
    return Tense(direction, rel, f"'{rel}'")


class Resolver:
    """Resolves the mentions of one text, in order (anaphors read the last day named)."""

    def __init__(self, text: str, reference: date | None) -> None:
        self.text = text
        # A datetime is a date too; only its calendar day counts.
        self.reference = reference.date() if isinstance(reference, datetime) else reference
        self.last_day: date | None = None
        self.last_relative = True
        """Whether the last day named needed the publication date (anaphors inherit it)."""
        self.sentence_point: tuple[date, bool] | None = None
        """The last point (a year, a month, a day) named in the sentence being resolved, and
        whether it needed the publication date."""
        self.last_point: tuple[date, bool] | None = None
        """The same, anywhere in the text before."""
        self.last_quarter: tuple[int, str, int] | None = None
        """(year, "Q" or "H", number) of the last quarter or half named ("the year-earlier quarter")."""

    def resolve_sentence(self, sentence: Sentence, mentions: list[Mention]) -> list[Timex]:
        """Timexes of the sentence's mentions; a mention whose words name nothing here is dropped."""
        tokens: SentenceTokens | None = None
        result = []
        for mention in mentions:
            if tokens is None:
                tokens = SentenceTokens(self.text, sentence)
            handler = getattr(self, f"_{mention.kind}")
            try:
                timex = handler(mention, mention.data, tokens)
            except (OverflowError, ValueError):
                # Counting from a date near year 1 or 9999 ("tomorrow" on 9999-12-31, "5000000
                # days ago") leaves Python's calendar: such a date names no day, and stays unresolved.
                timex = self._timex(mention, "DATE", None, True, evidence=OUTSIDE_CALENDAR)
            if timex is not None and timex.relative and BEYOND_CALENDAR_RE.match(timex.value or ""):
                # Counted in years alone ("next year" in 9999, "10,000 years ago"): no error to
                # catch, but a year no calendar has is no date either.
                timex = self._timex(mention, "DATE", None, True, evidence=OUTSIDE_CALENDAR)
            if timex is not None:
                result.append(timex)
                point = point_of(timex.value) if timex.type == "DATE" else None
                if point is not None:
                    self.sentence_point = self.last_point = (point, timex.relative)
        self.sentence_point = None
        return result

    # --- helpers ---

    def _timex(self, mention: Mention, type_: str, value: str | None, relative: bool, **extra: Any) -> Timex:
        if relative and self.reference is None and "evidence" not in extra:
            extra["evidence"] = "relative to the publication date, which is unknown"
        return Timex(mention.start, mention.end, type_, value, relative, **extra)  # type: ignore[arg-type]

    def _day_value(
        self, day: date, pod: str | None, clock: tuple[int, int, str | None] | None, relative: bool = True
    ) -> tuple[str, str]:
        self.last_day, self.last_relative = day, relative
        if clock is not None:
            return "TIME", f"{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}"
        if pod:
            return "TIME", f"{day.isoformat()}T{pod}"
        return "DATE", day.isoformat()

    def _weekday_day(
        self, weekday: int, rel: str | None, tense: Tense, possessive: bool = False
    ) -> tuple[date, list[date], bool, str]:
        """(date, other readings, conventional, evidence) of a weekday name."""
        reference = self.reference
        assert reference is not None
        today = reference.isoweekday()
        ahead = (weekday - today) % 7
        behind = (today - weekday) % 7
        if rel in ("last", "past"):
            return reference - timedelta(days=behind or 7), [], False, f"'{rel}': the one before"
        if rel == "next":
            day = reference + timedelta(days=ahead or 7)
            same_week = day.isocalendar()[1] == reference.isocalendar()[1]
            others = [day + timedelta(days=7)] if same_week else []
            return day, others, False, "'next': the coming one"
        if rel in ("this", "coming"):
            this_week = reference + timedelta(days=weekday - today)
            upcoming = reference + timedelta(days=ahead)
            if this_week == upcoming:
                return upcoming, [], False, f"'{rel}': this week's"
            if tense.direction == "past":
                return this_week, [upcoming], False, f"'{rel}' with {tense.describe()}"
            return upcoming, [this_week], False, f"'{rel}': the coming one"
        if ahead == 0:
            if tense.direction == "future":
                evidence = (
                    f"{tense.describe()}; the publication weekday, so today by news convention "
                    "(or a week later)"
                )
                return reference, [reference + timedelta(days=7)], True, evidence
            return reference, [], False, "the publication weekday: that day"
        # "Wednesday's ruling", "planned to leave on Thursday", "has called a strike for
        # Friday": the words say only that the day is near; the nearer one.
        nearer = possessive or tense.reason == PERFECT or (tense.cue is not None and tense.direction is None)
        if tense.direction == "future" and not nearer:
            return reference + timedelta(days=ahead), [], False, tense.describe()
        if tense.direction == "past" and not nearer:
            return reference - timedelta(days=behind), [], False, tense.describe()
        if nearer:
            why = "a possessive" if possessive else tense.describe()
            if ahead < behind:
                return reference + timedelta(days=ahead), [], False, f"{why}: the nearer one"
            return reference - timedelta(days=behind), [], False, f"{why}: the nearer one"
        return (
            reference - timedelta(days=behind),
            [],
            False,
            "no tense cue; the past one by news convention",
        )

    def _year_for(
        self, month: int, day: int | None, tense: Tense, strict: bool = False
    ) -> tuple[int, list[int], str]:
        """The year of a month (and day) named without one: (year, other years, evidence)."""
        return self._nearest_year(lambda year: period_span(year, month, day), tense, strict)

    def _nearest_year(
        self,
        span_of: Callable[[int], tuple[date, date] | None],
        tense: Tense,
        strict: bool = False,
        readings: bool = True,
    ) -> tuple[int, list[int], str]:
        """The year of a period named without one (a month, a day, a quarter).

        The nearest occurrence, as newswire editors mean it; the tense of the clause decides
        only where the nearest is ambiguous, more than NEAREST_DAYS away ("was founded in
        August" in March is last August, "payable Dec. 15" in November this year's), or
        always when `strict` ("last Oct. 23").
        """
        reference = self.reference
        assert reference is not None
        options = []
        # Four years either side: February 29 is in one of them.
        for year in range(reference.year - 4, reference.year + 5):
            span = span_of(year)
            if span is not None:
                first, last = span
                side = "future" if first > reference else "past" if last < reference else None
                distance = max((first - reference).days, (reference - last).days, 0)
                options.append((distance, year, side))
        if not options:
            return reference.year, [], "no such day in any year"
        options.sort()
        nearest, best, side = options[0]
        if tense.direction is not None:
            if side in (None, tense.direction):
                return best, [], tense.describe()
            if (nearest <= NEAREST_DAYS or tense.weak) and not strict:
                return best, [], f"the nearest by news convention ({tense.describe()} is not enough)"
            sides = (None, tense.direction)
            found = next((year for _distance, year, other in options if other in sides), None)
            if found is None:
                # "last Feb. 29" early in 1903: 1900 was no leap year, the last leap day is 1896.
                step = -1 if tense.direction == "past" else 1
                farther = range(reference.year + 5 * step, reference.year + 9 * step, step)
                found = next((y for y in farther if MINYEAR <= y <= MAXYEAR and span_of(y) is not None), None)
                if found is None:
                    return best, [], f"the nearest: none within eight years is {tense.direction}"
            return found, [], tense.describe()
        # Across the turn of the year ("in January" in a December paper) the publication
        # year stays a plausible reading; rules decide how near the turn that matters.
        others = [reference.year] if best != reference.year and readings else []
        return best, others, "no tense cue; the nearest by news convention"

    # --- mention kinds ---

    def _date(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        year, month, day = data.get("year"), data["month"], data["day"]
        weekday = data.get("weekday")
        clock = data.get("clock")
        relative = year is None
        readings: list[str] = []
        evidence = None
        if year is None:
            if self.reference is None:
                return self._timex(mention, "DATE", None, True, weekday_named=weekday, mod=data.get("mod"))
            rel = data.get("rel")
            tense = _rel_tense(rel) if rel else tokens.tense(mention.start, mention.end)
            # "last Oct. 23": the one before, whatever is nearer.
            year, others, evidence = self._year_for(month, day, tense, strict=bool(rel))
            if weekday is not None:
                # A weekday settles the year if exactly one nearby year fits it.
                fitting = [
                    y
                    for y in (year, *others, year - 1, year + 1)
                    if (d := safe_date(y, month, day))
                    and d.isoweekday() == weekday
                    and abs((d - self.reference).days) <= 200
                ]
                if fitting and fitting[0] != year:
                    year, others = fitting[0], []
                    evidence = f"the weekday fits {year}"
            for other in others:
                other_day = safe_date(other, month, day)
                if other_day is not None:
                    readings.append(other_day.isoformat())
        named = safe_date(year, month, day)
        if named is None:
            return self._timex(mention, "DATE", None, relative, evidence=f"no such day: {month}/{day}")
        if data.get("swapped"):
            other_day = safe_date(year, day, month)
            if other_day is not None:
                readings.append(other_day.isoformat())
                evidence = "month/day order assumed (US); day/month is the other reading"
        type_, value = self._day_value(named, None, clock, relative)
        if data.get("week"):
            type_, value = "DATE", iso_week(named)  # "the week of March 6"
        mismatch = suggestion = None
        if weekday is not None and named.isoweekday() != weekday:
            mismatch = (
                f"names {WEEKDAY_NAMES[weekday - 1]}, but {AP_MONTHS[month - 1]} {day}, {year} "
                f"is a {weekday_name(named)}"
            )
            suggestion = explicit_date(named, self.reference)
        return self._timex(
            mention,
            type_,
            value,
            relative,
            readings=readings,
            evidence=evidence,
            mismatch=mismatch,
            suggestion=suggestion,
            weekday_named=weekday,
            mod=data.get("mod"),
        )

    def _weekday(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        weekday = data["weekday"]
        if self.reference is None:
            return self._timex(mention, "TIME" if data["pod"] else "DATE", None, True, weekday_named=weekday)
        tense = tokens.tense(mention.start, mention.end)
        day, others, conventional, evidence = self._weekday_day(
            weekday, data["rel"], tense, data.get("possessive", False)
        )
        type_, value = self._day_value(day, data["pod"], None)
        readings = [
            f"{other.isoformat()}T{data['pod']}" if data["pod"] else other.isoformat() for other in others
        ]
        self.last_day = day
        return self._timex(
            mention,
            type_,
            value,
            True,
            readings=readings,
            conventional=conventional,
            evidence=evidence,
            suggestion=explicit_date(day, self.reference),
            weekday_named=weekday,
            mod=data.get("mod"),
        )

    def _relday(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        weekday = data["weekday"]
        pod = data["pod"]
        if self.reference is None:
            return self._timex(mention, "TIME" if pod else "DATE", None, True, weekday_named=weekday)
        day = self.reference + timedelta(days=data["offset"])
        type_, value = self._day_value(day, pod, None)
        mismatch = suggestion = None
        if weekday is not None and day.isoweekday() != weekday:
            verb = "was" if data["offset"] < 0 else "is"
            mismatch = (
                f"names {WEEKDAY_NAMES[weekday - 1]}, but {data['word']} {verb} "
                f"{weekday_name(day)} {day.isoformat()}"
            )
            suggestion = explicit_date(day, self.reference)
        return self._timex(
            mention,
            type_,
            value,
            True,
            mismatch=mismatch,
            suggestion=suggestion,
            weekday_named=weekday,
            evidence=f"'{data['word']}' against the publication date",
            mod=data.get("mod"),
        )

    def _month(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        month = data["month"]
        mod = data.get("mod")
        if data["year"] is not None:
            return self._timex(mention, "DATE", f"{data['year']}-{month:02d}", False, mod=mod)
        if self.reference is None:
            return self._timex(mention, "DATE", None, True, mod=mod)
        reference = self.reference
        readings: list[str] = []
        relyear, rel = data["relyear"], data["rel"]
        if relyear:
            year = reference.year + {"last": -1, "this": 0, "next": 1}[relyear]
            evidence = f"'{relyear} year'"
        elif rel in ("last", "past"):
            year = reference.year if month < reference.month else reference.year - 1
            evidence = f"'{rel}': the most recent {AP_MONTHS[month - 1].rstrip('.')}"
            if year == reference.year:
                readings.append(f"{year - 1}-{month:02d}")
        elif rel in ("next", "coming"):
            year = reference.year if month > reference.month else reference.year + 1
            evidence = f"'{rel}': the coming one"
            if year == reference.year:
                readings.append(f"{year + 1}-{month:02d}")
        elif rel == "this":
            # "will ... this February" in June is next February; "this May" in a past clause, the last.
            tense = tokens.tense(mention.start, mention.end)
            year, evidence = reference.year, "'this': the publication year"
            if tense.direction == "future" and month < reference.month:
                year, evidence = reference.year + 1, f"'this' with {tense.describe()}: the coming one"
            elif tense.direction == "past" and month > reference.month:
                year, evidence = reference.year - 1, f"'this' with {tense.describe()}: the last one"
        else:
            tense = tokens.tense(mention.start, mention.end)
            year, others, evidence = self._year_for(month, None, tense)
            readings = [f"{other}-{month:02d}" for other in others]
        return self._timex(
            mention, "DATE", f"{year}-{month:02d}", True, readings=readings, evidence=evidence, mod=mod
        )

    def _relunit(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        unit, rel, mod = data["unit"], data["rel"], data.get("mod")
        if self.reference is None:
            return self._timex(mention, "DATE", None, True, mod=mod)
        reference = self.reference
        step = {
            "last": -1,
            "past": -1,
            "previous": -1,
            "latest": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
        }.get(rel, 0)
        evidence = f"'{rel} {unit}' against the publication date"
        anchor = self.sentence_point or self.last_point
        if rel == "following" and anchor is not None:
            # "joined in 1985 and resigned the following year": after the time named before.
            reference, evidence = anchor[0], f"'{rel} {unit}' after {anchor[0]}"
        if data.get("edge"):
            # "peaked by the end of the year" (past): the end of this year is still ahead, so last year's.
            tense = tokens.tense(mention.start, mention.end)
            evidence = f"the {unit} of the publication date, {tense.describe()}"
            if mod == "END" and tense.direction == "past":
                step = -1
            elif mod == "START" and tense.direction == "future":
                step = 1
        value: str | None
        if unit in ("week", "weekend"):
            day = reference + timedelta(days=7 * step)
            value = iso_week(day) + ("-WE" if unit == "weekend" else "")
        elif unit == "month":
            year, month = add_months(reference.year, reference.month, step)
            value = f"{year}-{month:02d}"
        elif unit in ("year", "fiscal year"):
            value = str(reference.year + step)
        elif unit == "quarter":
            year, month = add_months(reference.year, reference.month, 3 * step)
            self.last_quarter = (year, "Q", (month - 1) // 3 + 1)
            value = f"{year}-Q{(month - 1) // 3 + 1}"
        elif unit == "decade":
            value = f"{(reference.year // 10 + step) * 10 // 10}X"
        elif unit == "century":
            value = f"{reference.year // 100 + step:02d}"
        else:
            code = SEASONS[unit]
            value = f"{self._season_year(code, step, NO_TENSE)}-{code}"
        return self._timex(mention, "DATE", value, True, evidence=evidence, mod=mod)

    def _weekend(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        if self.reference is None:
            return self._timex(mention, "DATE", None, True)
        reference = self.reference
        if reference.isoweekday() >= 6:
            return self._timex(
                mention, "DATE", iso_week(reference) + "-WE", True, evidence="published at the weekend"
            )
        tense = tokens.tense(mention.start, mention.end)
        if tense.direction == "future":
            day, evidence = reference, f"{tense.describe()}: the coming weekend"
        else:
            day = reference - timedelta(days=7)
            evidence = f"{tense.describe()}: the past weekend" + (
                "" if tense.direction else " by news convention"
            )
        return self._timex(mention, "DATE", iso_week(day) + "-WE", True, evidence=evidence)

    def _season_year(self, code: str, step: int, tense: Tense) -> int:
        reference = self.reference
        assert reference is not None
        months = SEASON_MONTHS[code]
        current = reference.month in months
        # Winter belongs to the year it starts in (December).
        season_year = reference.year - (1 if code == "WI" and reference.month <= 2 else 0)
        if step < 0 or (step == 0 and tense.direction == "past"):
            started = current or (reference.month > months[-1] and code != "WI")
            if code == "WI":
                started = current or reference.month > 2
            if step < 0:
                return season_year - 1 if current or not started else season_year
            return season_year if started else season_year - 1
        if step > 0:
            upcoming = not current and (reference.month < months[0] or code == "WI")
            return season_year if upcoming else season_year + 1
        return season_year

    def _season(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        code, mod = data["season"], data.get("mod")
        if data["year"] is not None:
            return self._timex(mention, "DATE", f"{data['year']}-{code}", False, mod=mod)
        if self.reference is None:
            return self._timex(mention, "DATE", None, True, mod=mod)
        if data.get("short") is not None:
            year = self._century_year(data["short"])
            return self._timex(mention, "DATE", f"{year}-{code}", True, evidence="a two-digit year", mod=mod)
        tense = tokens.tense(mention.start, mention.end)
        step = 1 if tense.direction == "future" and self.reference.month not in SEASON_MONTHS[code] else 0
        year = self._season_year(code, step, tense)
        return self._timex(mention, "DATE", f"{year}-{code}", True, evidence=tense.describe(), mod=mod)

    def _quarter(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        kind, number = data["part"], data["number"]
        mod = data.get("mod")
        if data["year"] is not None:
            self.last_quarter = (data["year"], kind, number)
            return self._timex(mention, "DATE", f"{data['year']}-{kind}{number}", False, mod=mod)
        if self.reference is None:
            return self._timex(mention, "DATE", None, True, mod=mod)
        if data["explicit"]:
            year, evidence = self.reference.year + data["shift"], "the publication year"
        else:
            tense = tokens.tense(mention.start, mention.end)
            span_of = partial(quarter_span, kind=kind, number=number)
            year, _others, evidence = self._nearest_year(span_of, tense, readings=False)
        self.last_quarter = (year, kind, number)
        return self._timex(mention, "DATE", f"{year}-{kind}{number}", True, evidence=evidence, mod=mod)

    def _quarter_ref(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex | None:
        """ "the quarter", "the year-earlier quarter": the quarter named before, or a year before it."""
        shift = data["shift"]
        if data.get("end_month") and self.reference is not None:
            # "the quarter ended Sept. 30": the quarter of that month, the last one that ended.
            month = data["end_month"]
            tense = Tense("past", "ended", "the quarter's end")
            year, _others, _why = self._year_for(month, None, tense)
            kind, number, evidence = (
                "Q",
                (month - 1) // 3 + 1,
                f"the quarter ending in {AP_MONTHS[month - 1]}",
            )
            self.last_quarter = (year, kind, number)
        elif self.last_quarter is not None:
            (year, kind, number), evidence = self.last_quarter, "the quarter named before"
        elif (shift or data.get("latest")) and self.reference is not None:
            # "the year-ago quarter" with none named: the last whole quarter's year-ago one.
            year, month = add_months(self.reference.year, self.reference.month, -3)
            kind, number, evidence = "Q", (month - 1) // 3 + 1, "the last whole quarter"
        else:
            return None  # "the quarter" of what?
        value = f"{year + shift}-{kind}{number}"
        return self._timex(
            mention, "DATE", value, True, evidence=f"{evidence}, a year before" if shift else evidence
        )

    def _holiday(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        """ "Thanksgiving", "last Christmas", "Easter 1998", "Labor Day weekend": the day in its year."""
        rule = HOLIDAYS[data["name"]]
        relative = data["year"] is None
        if data["year"] is not None:
            year, evidence = data["year"], None
        elif self.reference is None:
            return self._timex(mention, "DATE", None, True)
        else:
            rel = data["rel"]
            tense = _rel_tense(rel) if rel else tokens.tense(mention.start, mention.end)

            def span_of(year: int) -> tuple[date, date]:
                day = holiday_date(rule, year)
                return day, day

            year, _others, evidence = self._nearest_year(span_of, tense, strict=bool(rel), readings=False)
        day = holiday_date(rule, year)
        if data["tail"]:
            value = iso_week(day) + ("-WE" if data["tail"] == "weekend" else "")
        else:
            _type, value = self._day_value(day, None, None, relative)
        return self._timex(mention, "DATE", value, relative, evidence=evidence)

    def _anaphor(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        if data["unit"] in ("month", "year"):
            # "later that year": the year named before; "earlier in the year": the publication year.
            anchor, relative = (self.last_point if data.get("that") else None) or (self.reference, True)
            if anchor is None:
                return self._timex(mention, "DATE", None, True)
            value = str(anchor.year) if data["unit"] == "year" else f"{anchor.year}-{anchor.month:02d}"
            return self._timex(mention, "DATE", value, relative, evidence=f"the {data['unit']} of {anchor}")
        anchor, relative = self.last_day, self.last_relative
        evidence = "the day named before"
        if anchor is None and data["offset"] == 0 and self.reference is not None:
            anchor, relative = self.reference, True
            evidence = "no day named before: the publication date"
        if anchor is None:
            return self._timex(mention, "DATE", None, True, evidence="no day named before")
        day = anchor + timedelta(days=data["offset"])
        type_, value = "DATE", iso_week(day)
        if data["unit"] == "day":
            type_, value = self._day_value(day, data.get("pod"), None, relative)
        return self._timex(mention, type_, value, relative, evidence=f"{evidence} ({anchor.isoformat()})")

    def _ago(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        number, unit, sign, mod = data["number"], data["unit"], data["sign"], data.get("mod")
        anchor, relative = self.reference, True
        if data.get("anchored") and self.sentence_point is not None:
            # "founded in 1985 and listed three years later": from the time the sentence is at.
            anchor, relative = self.sentence_point
        if anchor is None or number is None:
            evidence = "a vague amount" if number is None else None
            return self._timex(
                mention, "DATE", None, True, mod=mod, **({"evidence": evidence} if evidence else {})
            )
        code, count = UNITS[unit]
        amount = int(number * count) * sign
        value: str
        if code == "D":
            value = (anchor + timedelta(days=amount)).isoformat()
        elif code == "W":
            value = iso_week(anchor + timedelta(days=7 * amount))
        elif code == "M":
            year, month = add_months(anchor.year, anchor.month, amount)
            value = f"{year}-{month:02d}" if unit != "quarter" else f"{year}-Q{(month - 1) // 3 + 1}"
        elif code == "Y":
            year = anchor.year + amount
            value = (
                str(year)
                if unit == "year"
                else (f"{year // 10}X" if unit == "decade" else f"{year // 100:02d}")
            )
        else:
            value = anchor.isoformat()
        evidence = f"counted from {anchor.isoformat()}"
        return self._timex(mention, "DATE", value, relative, evidence=evidence, mod=mod)

    def _duration(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        code, count = UNITS[data["unit"]]
        number = data["number"]
        amount = None if number is None else number * count
        if isinstance(amount, float) and amount.is_integer():
            amount = int(amount)
        return self._timex(mention, "DURATION", period_value(amount, code), False, mod=data.get("mod"))

    def _elapsed(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        return self._timex(mention, "DURATION", data["value"], False)

    def _year(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        previous = self.text[max(0, mention.start - 7) : mention.start].lower().split()
        evidence = "'since': the start of a period" if previous and previous[-1] == "since" else None
        value = f"FY{data['year']}" if data.get("fiscal") else str(data["year"])  # "fiscal 1990"
        return self._timex(mention, "DATE", value, False, mod=data.get("mod"), evidence=evidence)

    def _century_year(self, short: int) -> int:
        """ "'87" in a 1998 paper is 1987, "'05" 2005: the century that puts it at most
        SHORT_YEAR_AHEAD years after the publication year, and less than a century before."""
        assert self.reference is not None
        year = self.reference.year // 100 * 100 + short
        if year > self.reference.year + SHORT_YEAR_AHEAD:
            return year - 100
        if year <= self.reference.year + SHORT_YEAR_AHEAD - 100:
            return year + 100
        return year

    def _short_year(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        if self.reference is None:
            return self._timex(mention, "DATE", None, True)
        year = self._century_year(data["short"])
        evidence = f"a two-digit year, in the century nearest {self.reference.year}"
        return self._timex(mention, "DATE", str(year), True, evidence=evidence)

    def _decade(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        return self._timex(mention, "DATE", f"{data['stem']}X", False, mod=data.get("mod"))

    def _century(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        return self._timex(mention, "DATE", data["value"], False)

    def _ref(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        return self._timex(mention, "DATE", data["value"], False)

    def _set(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        return self._timex(mention, "SET", data["value"], False)

    def _clock(self, mention: Mention, data: dict[str, Any], tokens: SentenceTokens) -> Timex:
        clock = data["clock"]
        relative = True
        if data["weekday"] is None and data["offset"] is None and self.last_day is not None:
            day, evidence, relative = self.last_day, "the day named before", self.last_relative
        elif self.reference is None:
            return self._timex(mention, "TIME", None, True)
        elif data["weekday"] is not None:
            tense = tokens.tense(mention.start, mention.end)
            day, _others, _conventional, evidence = self._weekday_day(data["weekday"], None, tense)
        elif data["offset"] is not None:
            day, evidence = self.reference + timedelta(days=data["offset"]), "the day word"
        else:
            day, evidence = self.reference, "no day named: the publication date"
        _type, value = self._day_value(day, None, clock, relative)
        return self._timex(mention, "TIME", value, relative, evidence=evidence)
