"""House-style checks (off by default; enabled in config): how dates are written.

`house-style-dates` (AP): "yesterday" / "today" / "tomorrow" become the day of
the week; a day more than `weekday_window_days` from the publication date is
written as month and day, without the weekday; "last Friday" / "next Friday"
become the day itself. Every finding carries its fix where the day is certain.
Quotations are never flagged: nobody may rewrite what someone said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from claimcheck.checks.context import CheckContext
from claimcheck.checks.fixes import (
    COMBINED_RE,
    DAY_NAMES,
    DAY_RE,
    RELATIVE_DAYS,
    RELATIVE_RE,
    ap_date,
    combined_day,
    combined_fix,
    day_of_relative,
    explicit_day,
    in_quotation,
    line_bounds,
)
from claimcheck.models import Article, Claim, Finding, Fix
from claimcheck.rules import HouseStyleDatesParams, Rule

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
LAST_NEXT_RE = re.compile(rf"(?i)\b(?P<which>last|next)[ \t]+(?P<day>{DAY_RE})\b")
WEEKDAY_DATE_RE = re.compile(
    rf"(?i)\b(?P<day>{DAY_RE}),?[ \t]+(?P<date>(?P<month>{_MONTH_RE})\.?[ \t]+"
    rf"(?P<dom>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?[ \t]+(?P<year>\d{{4}})\b)?)"
)
RELATIVE_WORD_RE = re.compile(rf"(?i)\b(?P<rel>{RELATIVE_RE})\b")
BARE_DAY_RE = re.compile(rf"(?i)^(?:on[ \t]+)?(?P<day>{DAY_RE})$")
ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

REASON_RELATIVE = "AP style names the day, not its distance from publication"
REASON_COMBINED = "the day's name alone says it"
REASON_LAST_NEXT = "'{which} {day}' is redundant or ambiguous; AP writes the day itself"
REASON_FAR = "more than {window} days from publication, AP writes month and day"


def _day(value: str | None) -> date | None:
    if value and ISO_DAY_RE.match(value):
        return date.fromisoformat(value)
    return None


def _month_day(month: str, day: str, year: str | None, reference: date) -> date | None:
    """A month and day in the year given, or else the one nearest the publication date."""
    number = MONTHS[month[:3].lower()]
    try:
        if year:
            return date(int(year), number, int(day))
        candidates = [date(reference.year + shift, number, int(day)) for shift in (-1, 0, 1)]
    except ValueError:
        return None
    return min(candidates, key=lambda candidate: abs((candidate - reference).days))


class _Scan:
    """One article's findings: matches that touch a temporal claim, never overlapping."""

    def __init__(self, article: Article, claims: list[Claim], rule: Rule) -> None:
        self.article = article
        self.text = article.text
        self.rule = rule
        settings = rule.settings
        assert isinstance(settings, HouseStyleDatesParams)
        self.style = settings.style
        self.window = settings.weekday_window_days
        self.rules_dir = str(Path(rule.path).parent) if rule.path else None
        self.claims = [c for c in claims if c.kind in ("date", "time") and not c.quoted]
        self.taken: list[tuple[int, int]] = []

    def claim_at(self, start: int, end: int) -> Claim | None:
        for claim in self.claims:
            if claim.start < end and start < claim.end:
                return claim
        return None

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken) and not in_quotation(
            self.text, start, end
        )

    def finding(self, start: int, end: int, suggestion: str, reason: str, fix: Fix | None) -> Finding:
        self.taken.append((start, end))
        claim = self.claim_at(start, end)
        message = self.rule.format_message(
            text=self.text[start:end], suggestion=f"'{suggestion}'", reason=reason
        )
        return Finding(
            rule=self.rule.name,
            code=self.rule.code,
            severity=self.rule.severity,
            article_id=self.article.id,
            claim_ids=[claim.id] if claim else [],
            message=message,
            start=start,
            end=end,
            fix=fix,
        )

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        lines = sorted({line_bounds(self.text, claim.start) for claim in self.claims})
        for line_start, line_end in lines:
            for match in pattern.finditer(self.text, line_start, line_end):
                if self.claim_at(match.start(), match.end()) and self.free(*match.span()):
                    yield match

    def write(self, start: int, end: int, written: str) -> Fix:
        return explicit_day(self.text, start, end, written, self.style, self.rules_dir)

    def run(self, reference: date) -> Iterator[Finding]:
        for match in self.matches(COMBINED_RE):
            named = combined_day(match)
            if day_of_relative(match, reference) != named:
                self.taken.append(match.span())  # a contradiction: relative-date-mismatch's
                continue
            fix = combined_fix(self.text, match, named, self.style, self.rules_dir)
            yield self.finding(*match.span(), named, REASON_COMBINED, fix)
        for match in self.matches(LAST_NEXT_RE):
            yield self.last_next(match, reference)
        for match in self.matches(WEEKDAY_DATE_RE):
            found = self.weekday_date(match, reference)
            if found is not None:
                yield found
        for match in self.matches(RELATIVE_WORD_RE):
            claim = self.claim_at(*match.span())
            if claim is not None and claim.timex is not None and _day(claim.timex) is None:
                continue  # "today" as "nowadays" (PRESENT_REF), not a day
            target = reference + timedelta(days=RELATIVE_DAYS[match.group("rel").lower()])
            written = ap_date(target, reference, self.window, self.rules_dir)
            fix = self.write(*match.span(), written)
            yield self.finding(*match.span(), fix.replacement, REASON_RELATIVE, fix)
        for claim in self.claims:
            found = self.far_weekday(claim, reference)
            if found is not None:
                yield found

    def last_next(self, match: re.Match[str], reference: date) -> Finding:
        which = match.group("which").lower()
        weekday = DAY_NAMES.index(match.group("day").capitalize())
        reason = REASON_LAST_NEXT.format(which=which, day=match.group("day"))
        if which == "last":
            back = (reference.weekday() - weekday) % 7 or 7
            target: date | None = reference - timedelta(days=back)
        else:
            # "next Friday" is this coming Friday to some readers, the one after to others:
            # only the tagger's single resolved reading makes a fix safe.
            claim = self.claim_at(*match.span())
            resolved = _day(claim.timex) if claim and not claim.readings else None
            covers = claim is not None and claim.start <= match.start()
            target = resolved if covers else None
        if target is None:
            ahead = (weekday - reference.weekday()) % 7 or 7
            first = reference + timedelta(days=ahead)
            options = [
                ap_date(day, reference, 0, self.rules_dir) for day in (first, first + timedelta(days=7))
            ]
            return self.finding(*match.span(), " or ".join(options), reason, None)
        written = ap_date(target, reference, self.window, self.rules_dir)
        fix = self.write(*match.span(), written)
        return self.finding(*match.span(), fix.replacement, reason, fix)

    def weekday_date(self, match: re.Match[str], reference: date) -> Finding | None:
        target = _month_day(match.group("month"), match.group("dom"), match.group("year"), reference)
        if target is None or abs((target - reference).days) <= self.window:
            return None
        if DAY_NAMES[target.weekday()].lower() != match.group("day").lower():
            self.taken.append(match.span())  # a contradiction: relative-date-mismatch's
            return None
        written = match.group("date")
        fix = Fix(start=match.start(), end=match.end(), replacement=written)
        reason = REASON_FAR.format(window=self.window)
        return self.finding(*match.span(), written, reason, fix)

    def far_weekday(self, claim: Claim, reference: date) -> Finding | None:
        """A bare day name the tagger resolved to a day beyond the window."""
        bare = BARE_DAY_RE.match(claim.text)
        target = _day(claim.timex)
        if bare is None or target is None or claim.readings:
            return None
        if abs((target - reference).days) <= self.window or not self.free(claim.start, claim.end):
            return None
        start, end = claim.start + bare.start("day"), claim.end
        written = ap_date(target, reference, self.window, self.rules_dir)
        fix = self.write(start, end, written)
        return self.finding(start, end, fix.replacement, REASON_FAR.format(window=self.window), fix)


def check_house_style_dates(context: CheckContext, rule: Rule) -> Iterator[Finding]:
    for article in context.articles:
        reference = article.reference_date
        if reference is None:
            continue
        claims = context.claims_by_article.get(article.id, [])
        if claims:
            yield from _Scan(article, claims, rule).run(reference)
