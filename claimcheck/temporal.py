"""Temporal expressions: a tagger and a resolver against the publication date.

Interface used by extract.py (the temporal issue deepens the implementation):

    find_timexes(text, sentences, reference) -> list[Timex]

tags every temporal expression in the given sentences and resolves it against
`reference` (the publication date, or None when unknown) into a TIMEX3 value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from claimcheck.spans import Sentence

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    type: TimexType
    value: str | None
    relative: bool
    readings: list[str] = field(default_factory=list)
    mismatch: str | None = None
    evidence: str | None = None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SIMPLE_RE = re.compile(r"\b(?P<word>yesterday|today|tomorrow|" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def find_timexes(text: str, sentences: list[Sentence], reference: date | None) -> list[Timex]:
    found: list[Timex] = []
    for sentence in sentences:
        for match in SIMPLE_RE.finditer(text, sentence.start, sentence.end):
            word = match.group("word").lower()
            value = None
            if reference is not None:
                if word in WEEKDAYS:
                    back = (reference.weekday() - WEEKDAYS.index(word)) % 7
                    value = (reference - timedelta(days=back)).isoformat()
                else:
                    delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
                    value = (reference + timedelta(days=delta)).isoformat()
            found.append(Timex(match.start(), match.end(), "DATE", value, True))
    return found
