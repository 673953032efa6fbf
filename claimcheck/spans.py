"""Character spans and their line/column positions (computed only for output)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

LONE_BREAK_RE = re.compile(r"\r\n?|\n")
"""A line break: LF, CRLF, or a lone CR."""


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    quoted: tuple[tuple[int, int], ...] = ()
    """Spans of quotations inside the sentence."""


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        if "\r" in text:  # a lone CR ends a line too (old Mac files); CRLF is one break
            starts = [0, *(match.end() for match in LONE_BREAK_RE.finditer(text))]
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1

    @property
    def line_count(self) -> int:
        return len(self._starts)


def in_any(start: int, end: int, regions: list[tuple[int, int, str]]) -> bool:
    """True if [start, end) overlaps any (start, end, kind) region; regions are sorted."""
    index = bisect.bisect_right(regions, (start, float("inf"), "")) - 1
    for region_start, region_end, _kind in regions[max(index, 0) : index + 2]:
        if region_start < end and start < region_end:
            return True
    return False
