"""Numeric claims: numbers with their hedge, scale, unit and the thing counted.

Interface used by extract.py (the numeric issue deepens the implementation):

    find_quantities(text, start=0, end=None, lexicon=None) -> list[Quantity]

scans text[start:end] (one sentence) and returns quantities with absolute
offsets into `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.models import Approx, Direction, Kind


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    kind: Kind
    value: float
    low: float
    high: float
    unit: str | None
    base_value: float
    base_unit: str | None
    approx: Approx = "exact"
    direction: Direction | None = None
    subject: str | None = None
    predicate: str | None = None


_HEDGE = r"(?P<hedge>(?:about|around|roughly|nearly|almost|some|approximately|more than|over|at least|less than|fewer than|up to)\s+)?"
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_HEDGE_APPROX: dict[str, Approx] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "approximately": "about",
    "more than": "more_than",
    "over": "more_than",
    "at least": "at_least",
    "less than": "less_than",
    "fewer than": "less_than",
    "up to": "at_most",
}
QUANTITY_RE = re.compile(rf"(?i)\b{_HEDGE}{_NUMBER}\b(?!-\d)")
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")


def find_quantities(
    text: str, start: int = 0, end: int | None = None, lexicon: object = None
) -> list[Quantity]:
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(text, start, len(text) if end is None else end):
        digits = match.group("number")
        if _YEAR_RE.match(digits):
            continue
        value = float(digits.replace(",", ""))
        hedge = (match.group("hedge") or "").strip().lower()
        approx = _HEDGE_APPROX.get(hedge, "exact")
        found.append(
            Quantity(match.start(), match.end(), "count", value, value, value, None, value, None, approx)
        )
    return found
