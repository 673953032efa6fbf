"""Publication date from a dateline or byline in the text.

    find_publication_date(text, noise) -> (date | datetime, start, end) | None

Used when an article's metadata gives no date. Three kinds of line near the top
of the text name the publication date:

- a marked line: "Published: 22 September 2023", "Updated Sept. 22, 2023 10:43 GMT";
- a byline line that is little more than a date: "22 Sep 2023 10:43",
  "By Jane Doe | September 22, 2023";
- a wire dateline: "WASHINGTON, Sept. 21 (Reuters) -" (its year from a
  year-bearing date or a copyright line near the top, when exactly one year is
  named there).

The earliest such line wins, and only lines before the body count: the byline
comes before the body, while embedded posts ("— Name (@handle) September 19,
2023") and lists of other stories (with their own dates) come inside or after
it. The body starts at the second paragraph of BODY_WORDS words or more that
ends a sentence (headlines and ticker items do not). Lines inside noise regions
of kind "teaser" or "ticker" are never read. A time with a zone ("10:43 GMT")
gives an aware datetime; otherwise the calendar date is returned.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from claimcheck.extract.temporal import tag_sentence
from claimcheck.extract.temporal_patterns import LEXICON, MONTH_RE, YEAR_RE, Mention
from claimcheck.spans import in_any

EXCLUDED_KINDS = frozenset({"teaser", "ticker"})
HEAD_CHARS = 3000
"""The top of a text is its first HEAD_CHARS characters, or its first half if longer."""
BODY_WORDS = 25
MAX_REMAINDER_WORDS = 5
"""A byline line holds the date and at most this many other words (an author, a site)."""

ZONE_OFFSETS: dict[str, float] = LEXICON.get("zone_offsets", {})
LINE_RE = re.compile(r"[^\n]+")
MARKER_RE = re.compile(
    r"^\W*(?:(?:first\s+)?published|updated|posted|last\s+(?:updated|modified)|date|dated"
    r"|modified|released)\b\s*(?:on|at)?\s*:?",
    re.IGNORECASE,
)
FILLER_RE = re.compile(
    r"\b(?:by|on|at|and|published|updated|posted|gmt|utc|edt|est|bst|cet|et)\b|[^\w\s]", re.I
)
DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z .'-]{{2,40}}(?:,\s*[A-Z][\w .'-]{{1,30}})?)[,\s]+"
    rf"(?P<date>{MONTH_RE}\s+\d{{1,2}}(?:,?\s+{YEAR_RE})?)\s*(?:\([^)]{{2,40}}\)|/[^/]{{2,40}}/)?\s*[-–—]",
)
# Body paragraphs end a sentence; headlines and ticker items do not.
SENTENCE_END_RE = re.compile(r"[.!?][\"”'’)]*\s*$")
EMBED_RE = re.compile(r"^\s*[—–-]{1,2}\s|\(@\w+\)|pic\.twitter")
ISO_OFFSET_RE = re.compile(r"(?P<sign>[+-])(?P<hours>\d\d):?(?P<minutes>\d\d)")
YEAR_ONLY_RE = re.compile(rf"(?:©|\(c\)|copyright)\s*(?P<year>{YEAR_RE})", re.IGNORECASE)


def _as_value(mention: Mention) -> date | datetime | None:
    data = mention.data
    try:
        day = date(data["year"], data["month"], data["day"])
    except (TypeError, ValueError):
        return None
    clock = data.get("clock")
    offset = _zone_hours(clock[2]) if clock and clock[2] else None
    if clock and offset is not None:
        zone = timezone(timedelta(hours=offset))
        return datetime(day.year, day.month, day.day, clock[0], clock[1], tzinfo=zone)
    return day


def _zone_hours(zone: str) -> float | None:
    """Hours from UTC of "GMT", "Z", "+02:00", "-0500"; None for a zone we cannot place."""
    if zone in ZONE_OFFSETS:
        return ZONE_OFFSETS[zone]
    if zone == "Z":
        return 0.0
    match = ISO_OFFSET_RE.fullmatch(zone)
    if match is None:
        return None
    hours = int(match.group("hours")) + int(match.group("minutes")) / 60
    return -hours if match.group("sign") == "-" else hours


def _dated_mentions(text: str, start: int, end: int) -> list[Mention]:
    return [mention for mention in tag_sentence(text, start, end) if mention.kind == "date"]


def _is_byline(text: str, start: int, end: int, mention: Mention) -> bool:
    line = text[start:end]
    if MARKER_RE.match(line):
        return True
    rest = text[start : mention.start] + " " + text[mention.end : end]
    words = FILLER_RE.sub(" ", rest).split()
    return len(words) <= MAX_REMAINDER_WORDS and not any(word.islower() and len(word) > 3 for word in words)


def _head_year(text: str, head_end: int, regions: list[tuple[int, int, str]]) -> int | None:
    """The one year named near the top (a dated line or a copyright), if there is exactly one."""
    years: set[int] = set()
    for line in LINE_RE.finditer(text, 0, head_end):
        if in_any(line.start(), line.end(), regions):
            continue
        years.update(
            m.data["year"] for m in _dated_mentions(text, line.start(), line.end()) if m.data.get("year")
        )
        years.update(int(m.group("year")) for m in YEAR_ONLY_RE.finditer(line.group()))
    return years.pop() if len(years) == 1 else None


def find_publication_date(
    text: str, noise: list[tuple[int, int, str]]
) -> tuple[date | datetime, int, int] | None:
    regions = sorted(region for region in noise if region[2] in EXCLUDED_KINDS)
    head_end = min(len(text), max(HEAD_CHARS, len(text) // 2))
    paragraphs = 0
    for line in LINE_RE.finditer(text, 0, head_end):
        start, end = line.start(), line.end()
        if in_any(start, end, regions) or EMBED_RE.search(line.group()):
            continue
        if len(line.group().split()) >= BODY_WORDS and SENTENCE_END_RE.search(line.group()):
            paragraphs += 1
            if paragraphs >= 2:
                return None
        dateline = DATELINE_RE.match(line.group())
        if dateline is not None:
            found = _from_dateline(
                text, start + dateline.start("date"), start + dateline.end("date"), head_end, regions
            )
            if found is not None:
                return found
        for mention in _dated_mentions(text, start, end):
            if mention.data.get("year") is None or not _is_byline(text, start, end, mention):
                continue
            value = _as_value(mention)
            if value is not None:
                return value, mention.start, mention.end
    return None


def _from_dateline(
    text: str, start: int, end: int, head_end: int, regions: list[tuple[int, int, str]]
) -> tuple[date | datetime, int, int] | None:
    mentions = _dated_mentions(text, start, end)
    if not mentions:
        return None
    mention = mentions[0]
    if mention.data.get("year") is None:
        year = _head_year(text, head_end, regions)
        if year is None:
            return None
        mention.data["year"] = year
    value = _as_value(mention)
    return (value, mention.start, mention.end) if value is not None else None
