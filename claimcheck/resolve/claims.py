"""Extract: one article's text -> Claims with exact spans.

Numeric quantities (numeric.py) and temporal expressions (temporal.py) are found
per sentence; where both read the same words, one merge rule (`merge_mentions`,
written out in docs/architecture.md) decides which claim the words give: a duration
such as "44-day" is one claim carrying the number and the TIMEX3 value, a rate ("a
day") stays with its figure, a number inside a date is a date part, and a duration
without a number ("a century") is no claim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from claimcheck.extract.numeric import NumericLexicon, Quantity, find_quantities, load_numeric_lexicon
from claimcheck.extract.temporal_patterns import Timex
from claimcheck.models import Article, Claim
from claimcheck.resolve.dateline import DATELINE_RE
from claimcheck.resolve.timexes import find_timexes
from claimcheck.spans import LineIndex, Sentence

_DURATION_UNITS: dict[str, tuple[str, float]] = {
    "Y": ("year", 365 * 86400.0),
    "M": ("month", 30 * 86400.0),
    "W": ("week", 7 * 86400.0),
    "D": ("day", 86400.0),
    "TH": ("hour", 3600.0),
    "TM": ("minute", 60.0),
    "TS": ("second", 1.0),
}
YEAR_TIMEX_RE = re.compile(r"(?:1[5-9]|20)\d\d")
PREVIOUS_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")
TIMEX_DURATION_RE = re.compile(r"^P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?$")
DURATION_PART_RE = re.compile(r"(?P<time>T)?(?P<number>\d+(?:\.\d+)?)(?P<unit>[YMWDHS])")


def duration_of(timex_value: str | None) -> tuple[float, str, float] | None:
    """(value, unit, seconds) of a TIMEX3 duration such as P3W, PT24H or PT1H30M; a combined
    one is counted in its smallest unit (PT1H30M: 90 minutes)."""
    if not timex_value or len(timex_value) < 3 or not TIMEX_DURATION_RE.match(timex_value):
        return None
    parts: list[tuple[float, str, float]] = []
    in_time = False
    for part in DURATION_PART_RE.finditer(timex_value):
        in_time = in_time or bool(part.group("time"))
        unit, seconds = _DURATION_UNITS[("T" if in_time else "") + part.group("unit")]
        parts.append((float(part.group("number")), unit, seconds))
    if not parts:
        return None
    _number, unit, seconds = parts[-1]
    # A year is twelve months here, as P2Y6M was written for "two and a half years" (30 months).
    value = sum(
        number * (12 if (part_unit, unit) == ("year", "month") else part_seconds / seconds)
        for number, part_unit, part_seconds in parts
    )
    return value, unit, value * seconds


def _sentence_of(sentences: Sequence[Sentence], starts: list[int], start: int, end: int) -> Sentence | None:
    index = bisect.bisect_right(starts, start) - 1
    if index >= 0 and end <= sentences[index].end:
        return sentences[index]
    return None


def _quoted(sentence: Sentence | None, start: int, end: int) -> bool:
    if sentence is None:
        return False
    return any(q_start <= start and end <= q_end for q_start, q_end in sentence.quoted)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


DATELINE_TAIL = 60
"""Characters after a dateline's date that its agency and dash may take."""


def _in_dateline(text: str, timex: Timex) -> bool:
    """The date of a wire dateline ("ESTRAVA, March 13 (Coastal Wire) -") dates the
    report, not the event of the sentence it opens: it is no claim."""
    line_start = text.rfind("\n", 0, timex.start) + 1
    # The line as a string of its own: the pattern's "^" matches only where a string starts
    # (a dateline under a title line was read as a claim).
    match = DATELINE_RE.match(text[line_start : timex.end + DATELINE_TAIL])
    return (
        match is not None
        and line_start + match.start("date") <= timex.start
        and timex.end <= line_start + match.end("date")
    )


def _date_part(text: str, quantity: Quantity, timex: Timex, lexicon: NumericLexicon) -> bool:
    """The figure is a part of the date's words, which reach beyond it: "21" of "Sept. 21",
    "two days" of "two days ago" (the date words hold the figure, or go on after it), "2"
    of "October 1 - 2". A date reading inside a figure's words ("2000" of "1,000 to 2,000
    hires", "29" of "29 mpg") is not, unless a year opens the figure after "in", "since"...:
    "in 2006 dollars"."""
    if timex.end > quantity.end or (timex.start < quantity.start and timex.end == quantity.end):
        return True
    year = YEAR_TIMEX_RE.fullmatch(text[timex.start : timex.end]) is not None
    if (timex.start, timex.end) == (quantity.start, quantity.end):
        # The same bare number: the numeric extractor has judged a year form ("an average of
        # 1500"); another date reading comes from context it does not see ("October 1 - 2").
        return not year
    if timex.start != quantity.start or not year:
        return False
    before = PREVIOUS_WORD_RE.search(text, max(0, quantity.start - 24), quantity.start)
    return before is not None and before.group(1).lower() in lexicon.year_prepositions


def _numbered(words: str, lexicon: NumericLexicon) -> bool:
    """Whether a duration's own words state it: a number and a unit ("half an hour", "an hour
    and a half"), not a unit alone ("a century") nor a number whose unit is elsewhere
    ("three" of "three or four years")."""
    pattern = lexicon.number_word_re
    return pattern.search(words) is not None and any(c.isalpha() for c in pattern.sub(" ", words))


def merge_mentions(
    text: str, quantities: list[Quantity], timexes: list[Timex], lexicon: NumericLexicon
) -> list[tuple[Quantity | None, Timex | None]]:
    """The merge rule (docs/architecture.md): one claim per stretch of words.

    1. A duration figure and a duration (or set) timex over the same number are one
       claim: the figure, with the timex's TIMEX3 value. A duration range ("between 12
       and 18 months") is one figure but may be two timexes: the first pairs with it.
    2. Any other timex overlapping a figure is the figure's rate ("12 million euros a
       day", "78,000 times a minute") or a misreading of its number ("29 mpg" as the
       year 2029, "1,000 to 2,000 hires" as the year 2000): the figure stays, the
       timex adds no claim.
    3. A number inside a date is not a count: where the date or time words reach beyond
       the figure ("Sept. 21", "two days ago"), the figure is a part of the date, and
       the date stays.
    4. A duration that no figure reads is a claim only when its own words state a number
       and a unit ("half an hour"); without a number ("a century", "years", "a few
       minutes", "pennies a day") it is no numeric claim, and no date either.
    """
    pairs: list[tuple[Quantity | None, Timex | None]] = []
    date_parts: set[int] = set()
    paired: set[int] = set()
    overlapping_of = _overlap_finder(quantities)
    for timex in timexes:
        overlapping = overlapping_of(timex.start, timex.end)
        if timex.type in ("DURATION", "SET"):
            durations = [index for index in overlapping if quantities[index].kind == "duration"]
            if durations:
                if not paired.intersection(durations):
                    paired.add(durations[0])
                    pairs.append((quantities[durations[0]], timex))
            elif not overlapping and (
                timex.type == "SET" or _numbered(text[timex.start : timex.end], lexicon)
            ):
                pairs.append((None, timex))
        elif all(_date_part(text, quantities[index], timex, lexicon) for index in overlapping):
            date_parts.update(overlapping)
            pairs.append((None, timex))
    pairs.extend(
        (quantity, None)
        for index, quantity in enumerate(quantities)
        if index not in paired and index not in date_parts
    )
    pairs.sort(key=lambda pair: (pair[0] or pair[1]).start)  # type: ignore[union-attr]
    return pairs


def _overlap_finder(quantities: list[Quantity]) -> Callable[[int, int], list[int]]:
    """start, end -> indexes (ascending) of the quantities overlapping text[start:end].

    Quantities sorted by start, with the running maximum of their ends: the ones that
    can overlap a span are found by bisection and a walk back over them alone (testing
    every quantity for every timex is quadratic in a long document)."""
    order = sorted(range(len(quantities)), key=lambda index: quantities[index].start)
    starts = [quantities[index].start for index in order]
    reach: list[int] = []
    for index in order:
        reach.append(max(reach[-1], quantities[index].end) if reach else quantities[index].end)

    def overlapping(start: int, end: int) -> list[int]:
        found = []
        position = bisect.bisect_left(starts, end) - 1
        while position >= 0 and reach[position] > start:
            index = order[position]
            if _overlaps(quantities[index].start, quantities[index].end, start, end):
                found.append(index)
            position -= 1
        return sorted(found)

    return overlapping


def _sentence_text(text: str, sentence: Sentence, cache: dict[int, str] | None) -> str:
    """The sentence's text, sliced once per sentence: claims of one sentence share the string
    (a slice per claim is quadratic on a pathological one-line document)."""
    if cache is None:
        return text[sentence.start : sentence.end]
    found = cache.get(sentence.start)
    if found is None:
        found = cache[sentence.start] = text[sentence.start : sentence.end]
    return found


def _claim(
    article: Article,
    quantity: Quantity | None,
    timex: Timex | None,
    sentence: Sentence | None,
    lines: LineIndex,
    sentence_texts: dict[int, str] | None = None,
) -> Claim:
    text = article.text
    start = quantity.start if quantity else timex.start  # type: ignore[union-attr]
    end = quantity.end if quantity else timex.end  # type: ignore[union-attr]
    line, column = lines.position(start)
    fields: dict[str, Any] = {
        "id": f"{article.id}@{start}-{end}",
        "article_id": article.id,
        "text": text[start:end],
        "start": start,
        "end": end,
        "line": line + article.body_line - 1,
        "column": column,
        "sentence": _sentence_text(text, sentence, sentence_texts) if sentence else text[start:end],
        "sentence_start": sentence.start if sentence else start,
        "quoted": _quoted(sentence, start, end),
    }
    if quantity is not None:
        fields.update(
            kind=quantity.kind,
            value=quantity.value,
            low=quantity.low,
            high=quantity.high,
            unit=quantity.unit,
            base_value=quantity.base_value,
            base_unit=quantity.base_unit,
            approx=quantity.approx,
            direction=quantity.direction,
            subject=quantity.subject,
            predicate=quantity.predicate,
            scope=quantity.scope,
            per=quantity.per,
            end_value=quantity.end_value,
        )
    if timex is not None:
        fields.update(
            timex=timex.value,
            timex_type=timex.type,
            relative=timex.relative,
            readings=list(timex.readings),
            mismatch=timex.mismatch,
            evidence=timex.evidence,
            conventional=timex.conventional,
        )
        if quantity is None:
            if timex.type == "DURATION":
                fields["kind"] = "duration"
                parsed = duration_of(timex.value)
                if parsed is not None:
                    number, unit, seconds = parsed
                    fields.update(
                        value=number,
                        low=number,
                        high=number,
                        unit=unit,
                        base_value=seconds,
                        base_unit="second",
                    )
            else:
                fields["kind"] = "time" if timex.type == "TIME" else "date"
    return Claim(**fields)


def extract_claims(
    article: Article,
    sentences: Sequence[Sentence],
    reference: date | None,
    rules_dir: str | None = None,
    tick: Callable[[], None] | None = None,
) -> list[Claim]:
    """Every numeric and temporal claim of the article's (non-noise) sentences; `tick` is
    called after each sentence (the document's budget check)."""
    text = article.text
    lexicon = load_numeric_lexicon(rules_dir)
    quantities: list[Quantity] = []
    for sentence in sentences:
        if tick is not None:
            tick()
        quantities.extend(find_quantities(text, sentence.start, sentence.end, lexicon))
    timexes = [
        timex
        for timex in find_timexes(text, list(sentences), reference, tick)
        if not _in_dateline(text, timex)
    ]
    lines = LineIndex(text)
    claims = []
    starts = [sentence.start for sentence in sentences]
    sentence_texts: dict[int, str] = {}
    for quantity, timex in merge_mentions(text, quantities, timexes, lexicon):
        anchor = quantity or timex
        assert anchor is not None
        containing = _sentence_of(sentences, starts, anchor.start, anchor.end)
        claims.append(_claim(article, quantity, timex, containing, lines, sentence_texts))
    return claims
