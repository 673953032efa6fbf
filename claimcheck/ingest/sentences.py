"""Sentence segmentation that respects news abbreviations, decimals and quotations.

    split_sentences(text, noise=(), rules_dir=None) -> list[Sentence]

- Every line break ends a sentence: a headline never glues to the next line.
- Noise regions (from claimcheck.ingest.boilerplate) are cut out: a line fully inside noise
  gives no sentence; a line partly covered ("... operation.  Photo: AA Archive")
  keeps its other part.
- A full stop does not end a sentence after a title ("Mr."), an initial ("J. R. R."),
  "No." / "Sept." before a number, inside a decimal ("1.5", "$2.3bn"), or inside a
  quotation. After an abbreviation that may end a sentence ("U.S.", "Inc.", "a.m.",
  an ellipsis) it does only before a word that clearly starts one ("The", "He").
- A quotation stays whole and keeps its attribution ("... challenge." Hajiyev said.),
  so a claim's sentence carries who said it. Quotation spans (straight, curly and
  angle quotes) are recorded in `Sentence.quoted`: the lint fixer never rewrites there.

The word lists are data: rules/lexicon/abbreviations.yaml and sentences.yaml.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.errors import RuleFileError
from claimcheck.rules import load_lexicon
from claimcheck.spans import Sentence

LIST_MARKERS = "•·▪‣◦●○■□►▸➤ \t"
# A run of sentence-final punctuation with the closing quotes and brackets after it,
# followed by whitespace (a full stop followed by a digit or letter is never a boundary).
CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«(["
CANDIDATE_RE = re.compile(r"[.!?…][.!?…\"'”’»)\]]*(?=\s)")  # one class first: fast scan
# The word after a candidate boundary, past whitespace and opening quotes.
NEXT_WORD_RE = re.compile(r"\s+[\"'“‘«(\[]*\s?([\w$£€]*)")  # '“ The' occurs in scraped text
FOLLOWING_WORDS_RE = re.compile(r"[\s,]+(\w+)")
ATTRIBUTION_WINDOW = 4  # words after a closing quote in which "said" marks the attribution

# Quotations. Straight double quotes pair up in order; curly and angle quotes pair by
# shape. A single curly quote closes only where it is not an apostrophe (not before a
# letter). Straight single quotes are too often apostrophes to hold a sentence together:
# their spans are recorded but do not block a break.
CURLY_DOUBLE_RE = re.compile(r"“[^“”\n]*(?:”|$)")
ANGLE_RE = re.compile(r"«[^«»\n]*(?:»|$)")
CURLY_SINGLE_RE = re.compile(r"‘(?<!\w‘)[^‘\n]{0,400}?’(?!\w)")
SINGLE_QUOTE_MAX_CHARS = 200  # a straight single quotation longer than this is a misreading


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: frozenset[str]
    before_number: frozenset[str]
    ambiguous: frozenset[str]
    never_final: frozenset[str]
    times_of_day: frozenset[str]
    starters: frozenset[str]
    attribution: frozenset[str]
    time_followers: frozenset[str]


def _word_set(data: object, name: str, key: str) -> frozenset[str]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleFileError(f"lexicon/{name}.yaml", key, "must be a list of strings")
    return frozenset(item.lower().rstrip(".") for item in value)


@functools.cache
def load_sentence_lexicon(rules_dir: str | None = None) -> Lexicon:
    abbreviations = load_lexicon("abbreviations", rules_dir)
    words = load_lexicon("sentences", rules_dir)
    return Lexicon(
        titles=_word_set(abbreviations, "abbreviations", "titles"),
        before_number=_word_set(abbreviations, "abbreviations", "before_number"),
        ambiguous=_word_set(abbreviations, "abbreviations", "ambiguous"),
        never_final=_word_set(abbreviations, "abbreviations", "never_final"),
        times_of_day=_word_set(abbreviations, "abbreviations", "times_of_day"),
        starters=_word_set(words, "sentences", "sentence_starters"),
        attribution=_word_set(words, "sentences", "attribution_verbs"),
        time_followers=_word_set(words, "sentences", "time_followers"),
    )


def _quotations(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Quotation spans in text[start:end]: (all spans, spans that hold a sentence together).

    An unclosed quotation runs to the end of the segment (news style leaves a quotation
    that continues in the next paragraph open) but does not block breaks.
    """
    spans: list[tuple[int, int]] = []
    blocking: list[tuple[int, int]] = []
    segment = text[start:end]
    if '"' in segment:
        position = segment.find('"')
        while position != -1:
            close = segment.find('"', position + 1)
            if close == -1:
                spans.append((start + position, end))
                break
            spans.append((start + position, start + close + 1))
            blocking.append(spans[-1])
            position = segment.find('"', close + 1)
    for pattern, closer in ((CURLY_DOUBLE_RE, "”"), (ANGLE_RE, "»")):
        if pattern.pattern[0] in segment:
            for found in pattern.finditer(segment):
                span = (start + found.start(), start + found.end())
                spans.append(span)
                if found.group().endswith(closer):
                    blocking.append(span)
    if "‘" in segment:
        for found in CURLY_SINGLE_RE.finditer(segment):
            span = (start + found.start(), start + found.end())
            spans.append(span)
            blocking.append(span)
    if "'" in segment:
        spans.extend(_straight_single_quotes(segment, start))
    if len(spans) > 1:
        spans = _outermost(spans)
    return spans, blocking


def _straight_single_quotes(segment: str, offset: int) -> list[tuple[int, int]]:
    """'scare quotes' and 'quoted words': an opening quote follows a non-letter and precedes
    a letter; a closing one follows a letter or punctuation and precedes a non-letter, so
    the apostrophes of "mayor's" and "can't" are neither."""
    spans = []
    position = segment.find("'")
    opening = -1
    last = len(segment) - 1
    while position != -1:
        before = segment[position - 1] if position else " "
        after = segment[position + 1] if position < last else " "
        if opening == -1:
            if not before.isalnum() and before != "'" and after.isalnum():
                opening = position
        elif (before.isalnum() or before in ".!?,") and not after.isalnum():
            if position - opening <= SINGLE_QUOTE_MAX_CHARS:
                spans.append((offset + opening, offset + position + 1))
            opening = -1
        position = segment.find("'", position + 1)
    return spans


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with nested and overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        if merged and span_start < merged[-1][1]:
            if span_end > merged[-1][1]:
                merged[-1] = (merged[-1][0], span_end)
        else:
            merged.append((span_start, span_end))
    return merged


def _is_boundary(
    text: str,
    segment_start: int,
    found: re.Match[str],
    closes_quote: bool,
    lexicon: Lexicon,
) -> bool:
    following = NEXT_WORD_RE.match(text, found.end())
    word = following.group(1) if following else ""
    if following is None or not word or word[0].islower():
        return False  # '"Why?" he asked', 'approx. five', '... pic.twitter.com'
    if closes_quote and _attribution_follows(text, following, lexicon):
        return False
    marks = found.group().rstrip(CLOSERS)
    if marks[-1] in "?!":
        return True
    lowered = word.lower()
    if marks.endswith(("…", "..")) and not marks.endswith("...."):  # "...." ends a sentence
        return lowered in lexicon.starters  # an ellipsis inside a sentence is common
    dot = found.start() + len(marks) - 1
    space = text.rfind(" ", segment_start, dot)
    token = text[max(space + 1, segment_start) : dot].lstrip(OPENERS).rstrip(".").lower()
    if not token:
        return True
    if token in lexicon.titles:
        return False
    if len(token) == 1 and token.isalpha():
        return lowered in lexicon.starters  # an initial: "J. R. R. Tolkien", "George W. Bush"
    if token in lexicon.before_number and word[0].isdigit():
        return False
    if token in lexicon.never_final:
        return False
    if token in lexicon.times_of_day:
        return lowered not in lexicon.time_followers
    if token in lexicon.ambiguous or ("." in token and token.replace(".", "").isalpha()):
        return lowered in lexicon.starters  # "in the U.S. The president" / "the U.S. Army"
    return True


def _attribution_follows(text: str, following: re.Match[str], lexicon: Lexicon) -> bool:
    """'"...challenge." Hajiyev said' or '"..." Mr. Aliyev told reporters'."""
    position = following.end(1)
    if following.group(1).lower() in lexicon.attribution:
        return True
    for _ in range(ATTRIBUTION_WINDOW):
        found = FOLLOWING_WORDS_RE.match(text, position)
        if found is None:
            # Skip a title's full stop ("Mr.") and go on.
            if text.startswith(".", position):
                position += 1
                continue
            return False
        if found.group(1).lower() in lexicon.attribution:
            return True
        position = found.end()
    return False


def _segments(
    text: str, line_start: int, line_end: int, regions: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """Parts of a line outside every noise region."""
    if not regions:
        return [(line_start, line_end)]
    index = bisect.bisect_right(regions, (line_start, float("inf"), "")) - 1
    index = max(index, 0)
    parts = []
    position = line_start
    while index < len(regions) and regions[index][0] < line_end:
        region_start, region_end, _kind = regions[index]
        if region_end > position:
            if region_start > position:
                parts.append((position, min(region_start, line_end)))
            position = max(position, region_end)
        index += 1
    if position < line_end:
        parts.append((position, line_end))
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_segment(text: str, start: int, end: int, lexicon: Lexicon, result: list[Sentence]) -> None:
    start, end = _trim(text, start, end)
    while start < end and text[start] in LIST_MARKERS:
        start += 1  # "• Officials said ..." is the sentence after the bullet
    if start >= end:
        return
    quoted, blocking = _quotations(text, start, end)
    if len(blocking) > 1:
        blocking = _outermost(blocking)
    # Candidates, sentences and spans all run left to right: one pointer each keeps this linear.
    block = 0
    first_quote = 0
    sentence_start = start
    for found in CANDIDATE_RE.finditer(text, start, end):
        mark = found.start()
        closes_quote = False
        while block < len(blocking) and blocking[block][1] <= mark:
            block += 1
        if block < len(blocking) and blocking[block][0] < mark:
            if found.end() < blocking[block][1]:
                continue  # inside a quotation
            closes_quote = True
        if not _is_boundary(text, start, found, closes_quote, lexicon):
            continue
        first_quote = _emit(text, sentence_start, found.end(), quoted, first_quote, result)
        sentence_start = found.end()
    _emit(text, sentence_start, end, quoted, first_quote, result)


def _emit(
    text: str,
    start: int,
    end: int,
    quoted: list[tuple[int, int]],
    first_quote: int,
    result: list[Sentence],
) -> int:
    """Append the sentence text[start:end] (trimmed) with its quotation spans; return the
    index of the first quotation that may reach into a later sentence."""
    start, end = _trim(text, start, end)
    if start >= end:
        return first_quote
    while first_quote < len(quoted) and quoted[first_quote][1] <= start:
        first_quote += 1
    inside = []
    index = first_quote
    while index < len(quoted) and quoted[index][0] < end:
        inside.append((max(quoted[index][0], start), min(quoted[index][1], end)))
        index += 1
    result.append(Sentence(start, end, tuple(inside)))
    return first_quote


def split_sentences(
    text: str,
    noise: Sequence[tuple[int, int, str]] = (),
    rules_dir: str | None = None,
) -> list[Sentence]:
    """Sentences of `text` outside the noise regions, in order, with their quotations."""
    lexicon = load_sentence_lexicon(rules_dir)
    regions = sorted(noise)
    count = len(regions)
    # Regions from find_noise are disjoint: a pointer finds the next one. Overlapping
    # regions from elsewhere take the general path (_segments).
    disjoint = all(regions[i][1] <= regions[i + 1][0] for i in range(count - 1))
    result: list[Sentence] = []
    region = 0
    position = 0
    length = len(text)
    find = text.find
    while position <= length:
        newline = find("\n", position)
        if newline == -1:
            newline = length
        if newline > position:
            if disjoint:
                while region < count and regions[region][1] <= position:
                    region += 1
                if region == count or regions[region][0] >= newline:
                    _split_segment(text, position, newline, lexicon, result)
                    position = newline + 1
                    continue
            for part_start, part_end in _segments(text, position, newline, regions):
                _split_segment(text, part_start, part_end, lexicon, result)
        position = newline + 1
    return result
