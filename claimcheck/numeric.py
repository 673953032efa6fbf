"""Numeric claims: numbers with their hedge, scale, unit and the thing counted.

Interface used by extract.py:

    find_quantities(text, start=0, end=None, lexicon=None) -> list[Quantity]

scans text[start:end] (one sentence) and returns quantities with absolute
offsets into `text`. `concept_of(word)` maps a counted noun or a predicate word
to one concept (killed / dead / deaths -> "killed"), for grouping.

How it works: one compiled pattern finds candidate numbers (digits, number
words, vague amounts, fractions); small anchored patterns then read the words
around each candidate (currency, hedge, change verb before; scale, unit, range
and counted noun after) and reject what is not a claim (years, date and clock
parts, ordinals, identifiers, scores, page furniture). All word lists live in
rules/lexicon/*.yaml; nothing heavy is imported here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.models import Approx, Direction, Kind
from claimcheck.numeric_lexicon import (
    NumericLexicon,
    UnitInfo,
    concept_of,
    lemma,
    load_numeric_lexicon,
    quantulum_unit,
    quantulum_unit_names,
    resolve_lexicon,
)

__all__ = [
    "NumericLexicon",
    "Quantity",
    "concept_of",
    "find_quantities",
    "lemma",
    "load_numeric_lexicon",
    "quantulum_unit_names",
]


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
    scope: str | None = None
    """A year the sentence says the figure is about ("In 2020, ... 6,000 people")."""
    per: str | None = None
    """The unit of a rate ("$3,500 a month" -> "month")."""
    end_value: float | None = None
    """The second number of a range as written ("from 4.8 to 4.7" -> 4.7); low/high are sorted."""


# ---------------------------------------------------------------- fixed patterns

GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}")
# A mixed number's fraction: "10 1/2 miles", "7 3/4 %".
MIXED_FRACTION_RE = re.compile(r" (\d)[/⁄](\d{1,2})(?![\d/⁄])")
# Thousands written with (thin / non-breaking) spaces: "120 000".
SPACED_THOUSANDS_RE = re.compile(r"[ \u00a0\u202f\u2009](\d{3})(?![\d,.]\d|\w)")
# Stretches that are never figures: ISO dates and timestamps, numeric dates,
# clock times, phone numbers, URLs and handles.
ISO_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
NUMERIC_DATE = r"\d{1,4}[/.]\d{1,2}[/.]\d{2,4}"
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
PHONE = (
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"|\+\d{1,3}(?:[\s.-]\d{1,4}){2,5}\b|\b0\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4}\b"
)
URL = r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net)/\S*|@\w+"
DIGIT_RE = re.compile(r"\d")
NOT_FIGURE_RE = re.compile(rf"{URL}|{ISO_DATE}|{PHONE}|{NUMERIC_DATE}|{CLOCK}", re.I)
ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b", re.I)
DECADE_RE = re.compile(r"'?s\b")
# A clock time written with a marker: "11 a.m.", "0401 GMT", "5 pm".
TIME_MARKER_RE = re.compile(
    r"\s?(?:[ap]\.m\.?|[ap]m\b|[AP]M\b|(?:GMT|UTC|EDT|EST|PDT|PST|CET|CEST|BST|ET|PT)\b)"
)
RANGE_SEP_RE = re.compile(r"\s*(?:-to-|–|—|-|\bto\b-?|\band\b|\bthrough\b|\bout\s+of\b|\bin\b)\s*", re.I)
# "The suspect, 34, was arrested": an age in apposition.
AGE_APPOSITION_RE = re.compile(r"([^\W\d_]+),\s*$")
# Scientific notation after a number: "1.99×10−30", "3 x 10^8".
SCIENTIFIC_RE = re.compile(r"\s?[×x]\s?10\s?(?:\^|\*\*)?\s?(?P<exp>[-−]?\d{1,3})")
# A slash fraction: "1/2 pound", "1⁄32 of a quart".
SLASH_FRACTION_RE = re.compile(r"[/⁄](?P<den>\d{1,3})(?![\d/⁄])")
# A bare number alone in parentheses is a reference or a shirt number: "Prescott (4)".
PARENTHESISED_RE = re.compile(r"\(\s*$")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\d[\d,.]*|[^\w\s]")
YEAR_RE = re.compile(r"(?<![\w.,$£€-])(1[89]\d\d|2[01]\d\d)(?![\w-]|[.,]\d)")
# Two bare 4-digit numbers joined as a range are years ("between 1600 and 1900").
YEAR_LIKE_RE = re.compile(r"1\d{3}|20\d{2}")
RESTATEMENT_RE = re.compile(r"\s*(?:\(|,?\s*or\b|/)\s*")
CURRENCY_REPEAT_RE = re.compile(r"(?:US\s?\$|\$US|\$|€|£|¥|RM|AUD|C\$|A\$|S\$|HK\s?\$|PS)\s?")
# A rate after a figure: "$3,500 a month", "$10 per gram", "10 percent a year".
RATE_RE = re.compile(r"\s+(?:(per|a|an)\s+|/)([^\W\d_]+)")
PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|my|your)\b", re.I)
COMPOUND_RE = re.compile(r"[-‐‑]([^\W\d_]{2,})\b")
LETTER_SCALE_RE = re.compile(r"([A-Za-z])(?![A-Za-z])")
POSSESSIVE_RE = re.compile(r"(?:'s|’s|s'|s’)\s*$")
CLAUSE_END = {".", ";", ":", "!", "?", "(", ")", '"', "“", "”"}


# ---------------------------------------------------------------- numbers


def _digits_value(raw: str) -> float | None:
    if "," in raw:
        head, _, _ = raw.partition(".")
        if not GROUPED_RE.fullmatch(head):
            return None
        raw = raw.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return None


def _words_value(raw: str, lex: NumericLexicon) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", raw.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
            continue
        if word in lex.small:
            current += lex.small[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word == "dozen":
            current = max(current, 1.0) * lex.dozen
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word in lex.scales:
            total += max(current, 1.0) * lex.scales[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(slots=True)
class _Figure:
    """A number being read: where it is, what it says, what has been read around it."""

    start: int
    end: int
    value: float
    low: float
    high: float
    source: str  # digits | words | vague | fraction
    scaled: bool = False
    currency: str | None = None
    unit: UnitInfo | None = None
    per: str | None = None
    age: bool = False
    compound: bool = False  # "24-hour operation": the unit is an adjective
    number_end: int = 0
    slash_fraction: bool = False
    raw_value: float = 0.0  # before scale words
    post_hedge: Approx | None = None  # "300-odd", "40-plus"


def _round_step(value: float) -> float:
    """The rounding step a figure is written to: 300 -> 100, 2,000 -> 1,000, 2.5 -> 0.1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    magnitude = abs(value)
    if magnitude != int(magnitude):
        text = f"{magnitude:.6f}".rstrip("0")
        decimals = len(text.split(".")[1]) if "." in text else 0
        return 10.0**-decimals
    step = 1.0
    integer = int(magnitude)
    while integer % 10 == 0 and integer >= 10:
        integer //= 10
        step *= 10
    return step


def _interval(
    value: float, low: float, high: float, approx: Approx, lex: NumericLexicon
) -> tuple[float, float]:
    tol = lex.tolerance.get(approx, {})
    if approx == "about":
        spread = max(
            tol.get("relative", 0.05) * abs(value),
            tol.get("rounding_share", 0.5) * _round_step(value),
        )
        spread = min(spread, tol.get("max_relative", 0.25) * abs(value)) or spread
        return value - spread, value + spread
    if approx in ("more_than", "at_least"):
        bound = value + abs(value) * tol.get("upper_relative", 1.0)
        return value, bound
    if approx in ("less_than", "at_most"):
        bound = value - abs(value) * tol.get("lower_relative", 0.5)
        return bound, value
    return low, high


class _Sentence:
    """One sentence being scanned, with helpers to look left and right."""

    __slots__ = ("hi", "lex", "lo", "text")

    def __init__(self, text: str, lo: int, hi: int, lex: NumericLexicon) -> None:
        self.text, self.lo, self.hi, self.lex = text, lo, hi, lex

    def left(self, pos: int, width: int = 48) -> str:
        return self.text[max(self.lo, pos - width) : pos]

    def words_after(self, pos: int, limit: int) -> list[re.Match[str]]:
        out = []
        for match in WORD_RE.finditer(self.text, pos, self.hi):
            out.append(match)
            if len(out) >= limit:
                break
        return out

    def words_before(self, pos: int, limit: int) -> list[re.Match[str]]:
        matches = list(WORD_RE.finditer(self.text, max(self.lo, pos - 12 * limit), pos))
        return matches[-limit:]


def _read_number(match: re.Match[str], sent: _Sentence) -> _Figure | None:
    lex, text = sent.lex, sent.text
    start, end = match.span()
    if match.group("vague"):
        words = match.group("vague").lower().split()
        base = lex.vague[words[-2]]
        low, high = base
        if len(words) > 3:  # "tens of thousands of"
            mult = lex.vague_multipliers[words[0]]
            low, high = mult[0] * base[0], mult[1] * base[0]
        return _Figure(start, end, low, low, high, "vague")
    if match.group("fracscale"):  # "half a million", "three quarters billion"
        words = re.split(r"[\s-]+", match.group("fracscale").lower())
        scale = 12.0 if words[-1] == "dozen" else lex.scales[words[-1]]
        words = [w for w in words[:-1] if w not in ("a", "an")] or ["one"]
        denominator = lex.fractions[words[-1]]
        numerator = float(lex.small.get(words[0], 1)) if len(words) > 1 else 1.0
        figure = _Figure(start, end, scale * numerator / denominator, 0, 0, "words")
        figure.low = figure.high = figure.value
        figure.scaled, figure.raw_value = True, numerator / denominator
        return figure
    if match.group("fraction"):
        words = re.split(r"[\s-]+", match.group("fraction").lower())
        denominator = lex.fractions[words[-1]]
        numerator = 1.0
        if len(words) > 1 and words[0] not in ("a", "an"):
            numerator = float(lex.small.get(words[0], 1))
        value = numerator / denominator
        if words[-1] in ("half", "halves") and len(words) == 1:
            before = sent.left(start, 12).lower().split()
            if before and before[-1] in ("the", "a", "an", "second", "first"):
                return None  # "the second half", "a half"
        return _Figure(start, end, value, value, value, "fraction")
    if match.group("words"):
        raw = match.group("words")
        word_value = _words_value(raw, lex)
        if word_value is None:
            return None
        figure = _Figure(start, end, word_value, word_value, word_value, "words")
        trailing = 1.0
        for word in reversed(re.split(r"[\s-]+", raw.lower())):
            if word not in lex.scales or word == "hundred":
                break
            trailing *= lex.scales[word]
        figure.scaled = trailing > 1
        figure.raw_value = word_value / trailing
        return figure
    raw = match.group("digits")
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None  # a leading zero makes a code: "007", "0401 GMT"
    digit_value = _digits_value(raw)
    if digit_value is None:
        return None
    figure = _Figure(start, end, digit_value, digit_value, digit_value, "digits")
    spaced = SPACED_THOUSANDS_RE.match(text, end, sent.hi)
    if spaced and "," not in raw and "." not in raw and len(raw) <= 3 and digit_value > 0:
        figure.value = digit_value * 1000 + float(spaced.group(1))
        figure.end = spaced.end()
    scientific = SCIENTIFIC_RE.match(text, figure.end, sent.hi)
    if scientific:
        figure.value *= 10.0 ** int(scientific.group("exp").replace("−", "-"))
        figure.end = scientific.end()
    mixed = MIXED_FRACTION_RE.match(text, figure.end, sent.hi)
    if mixed and "." not in raw and 0 < int(mixed.group(1)) < int(mixed.group(2)):
        figure.value += int(mixed.group(1)) / int(mixed.group(2))
        figure.end = mixed.end()
    slash = SLASH_FRACTION_RE.match(text, figure.end, sent.hi)
    if slash:
        below = float(slash.group("den"))
        if "." in raw or "," in raw or not 0 < figure.value < below:
            return None  # "24/7", "9/11": not a fraction
        figure.value /= below
        figure.end = slash.end()
        figure.slash_fraction = True
    # A minus sign written as part of the number ("-3.5", "$-50.8bn") or a word ("minus 5").
    if (
        start > sent.lo
        and text[start - 1] in "-−"
        and (start - 1 == sent.lo or not text[start - 2].isalnum())
    ):
        figure.start -= 1
        figure.value = -figure.value
    else:
        sign_word = re.search(r"\b([A-Za-z]+)[\s-]$", sent.left(start, 12))
        if sign_word and sign_word.group(1).lower() in lex.negative_words:
            figure.start = start - (len(sign_word.group()))
            figure.value = -figure.value
    figure.low = figure.high = figure.value
    return figure


# ---------------------------------------------------------------- filters


def _glued_to_code(fig: _Figure, sent: _Sentence) -> bool:
    """Digits that are part of a code or another number: "S23", "G20", "COVID-19", "9/11"."""
    lex, text = sent.lex, sent.text
    start = fig.start
    if fig.source != "digits" or start <= sent.lo:
        return False
    before = text[start - 1]
    if before.isalpha() or before in "_#/:.⁄":
        return True
    if before in "-‐‑" and start - 2 >= sent.lo:
        if text[start - 2].isdigit():
            return True  # the second half of something already read ("2019-20")
        if text[start - 2].isalpha():
            word = re.search(r"[A-Za-z]+$", text[max(sent.lo, start - 12) : start - 1])
            return not (word and (word.group().lower() + "-") in lex.hedge_approx)
    return False


def _is_age_apposition(fig: _Figure, sent: _Sentence) -> bool:
    """ "Jane Doe, 34, said" / "the suspect, 34, was": an age, by news convention."""
    if not (float(fig.value).is_integer() and 0 < fig.value < 120):
        return False
    if not re.match(r"\s*,", sent.text[fig.end : fig.end + 2]):
        return False
    before = AGE_APPOSITION_RE.search(sent.left(fig.start, 40))
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() or word.lower() in sent.lex.age_nouns


def _is_identifier(fig: _Figure, sent: _Sentence) -> bool:
    """A bare number that names rather than counts: "Route 6", "Game 2", "iPhone 11", "S&P 500"."""
    lex, text = sent.lex, sent.text
    if fig.source != "digits":
        return False
    if PARENTHESISED_RE.search(sent.left(fig.start, 3)) and text[fig.end : fig.end + 1] == ")":
        return True
    words = sent.words_before(fig.start, 1)
    if words:
        prev = words[-1].group()
        prev_lower = prev.lower()
        adjacent = words[-1].end() >= fig.start - 1
        if adjacent and prev_lower in lex.identifier_markers:
            return True
        first_word = not sent.words_before(words[-1].start(), 1)
        if first_word and prev_lower.endswith("ly"):
            return False  # "Exactly 300 ...": capitalised only because it starts the sentence
        if (
            adjacent
            and prev[:1].isalpha()
            and any(c.isupper() for c in prev)
            and prev_lower not in lex.sentence_starters
            and prev_lower not in lex.function_words
            and prev_lower not in lex.hedge_approx
            and prev_lower not in lex.change_direction
            and prev_lower not in lex.months
            and prev_lower not in lex.weekdays
            and prev_lower not in lex.small
            and prev_lower not in lex.negative_words
        ):
            return True
    # A model name: "the 737 MAX was", unless a plural noun follows ("20 EV models").
    after = sent.words_after(fig.end, 2)
    if (
        after
        and float(fig.value).is_integer()
        and len(after[0].group()) > 1
        and after[0].group().isupper()
        and after[0].group().isalpha()
    ):
        following = after[1].group().lower() if len(after) > 1 else ""
        if not (following.endswith("s") and following.isalpha() and following not in lex.function_words):
            return True
    # An address: "49 Zorro Ranch Road", "9 E 71st St".
    for match in sent.words_after(fig.end, 4):
        word = match.group()
        if word.lower() in lex.street_words and word[:1].isupper():
            return True
        if not (word[:1].isupper() or word[:1].isdigit() or word in ("st", "nd", "rd", "th", "-")):
            break
    return False


def _is_year(fig: _Figure, sent: _Sentence) -> bool:
    if fig.source != "digits" or fig.currency or fig.unit or fig.scaled:
        return False
    raw = sent.text[fig.start : fig.end]
    return bool(YEAR_RE.fullmatch(raw))


# ---------------------------------------------------------------- reading around


def _read_scale(fig: _Figure, sent: _Sentence) -> None:
    lex, text = sent.lex, sent.text
    if fig.source in ("vague", "fraction"):
        return
    last = 1.0
    while True:
        scale = lex.scale_re.match(text, fig.end, sent.hi)
        if not scale:
            break
        factor = lex.scales[scale.group("scale").lower()]
        if factor <= last or (fig.source == "words" and factor == 100 and last == 1.0):
            break  # "1.2 million" then "hundred" belongs to something else
        fig.value *= factor
        fig.low = fig.high = fig.value
        fig.end, fig.scaled, last = scale.end(), True, factor
    if fig.scaled or fig.source != "digits":
        return
    # Letter scales glued to digits: "$5m", "£2.3b", "4.3M", "25k", "12.3m tonnes".
    glued = LETTER_SCALE_RE.match(text, fig.end, sent.hi)
    if not glued:
        return
    letter = glued.group(1)
    if letter.lower() not in lex.letter_scales:
        return
    if not (fig.currency or letter.isupper() or letter == "k" or _million_follows(glued.end(), sent)):
        return
    fig.value *= lex.letter_scales[letter.lower()]
    fig.low = fig.high = fig.value
    fig.end = glued.end()
    fig.scaled = True


def _million_follows(pos: int, sent: _Sentence) -> bool:
    """After "12.3m": a unit or a plural noun means million ("12.3m tonnes", "2.7m sales")."""
    words = sent.words_after(pos, 5)
    if not words or words[0].start() != pos + 1:
        return False
    first = words[0].group().lower()
    if first == "of" and len(words) > 1:
        return words[1].group().lower() in (
            "its",
            "their",
            "his",
            "her",
            "our",
            "the",
            "these",
            "those",
        )
    if first in sent.lex.units and sent.lex.units[first].kind != "duration":
        return True
    for match in words:  # "2.7m combined digital sales": a plural noun before any function word
        word = match.group().lower()
        if word in ("and", "or"):
            continue
        if word in sent.lex.function_words or not word.isalpha():
            return False
        if word in sent.lex.irregular_plurals or (word.endswith("s") and not word.endswith("ss")):
            return True
    return False


def _read_currency_before(fig: _Figure, sent: _Sentence) -> int:
    """Reads "$", "US$", "RM", "€" right before the number; returns where the left context ends."""
    left = sent.left(fig.start, 8)
    match = sent.lex.currency_before_re.search(left)
    if not match:
        return fig.start
    surface = re.sub(r"\s", "", match.group("cur"))
    code = sent.lex.currency_prefixes.get(surface)
    if code is None:
        return fig.start
    fig.currency = code
    return fig.start - (len(left) - match.start())


def _unit_at(pos: int, sent: _Sentence, *, attached: bool) -> tuple[UnitInfo, int, str, bool] | None:
    lex, text = sent.lex, sent.text
    match = lex.unit_re.match(text, pos, sent.hi)
    if not match:
        return None
    surface = match.group("unit")
    key = " ".join(surface.lower().split())
    sep = match.group("sep")
    glued = sep == ""
    hyphen = "-" in sep or "‐" in sep or "‑" in sep
    if key in lex.attached_only and not (glued and attached):
        return None
    if key in lex.case_sensitive and not surface.isupper():
        return None
    if key in lex.lowercase_only and surface != surface.lower():
        return None
    if key in lex.pence_words and not glued:
        return None
    info = lex.units.get(key)
    if info is None:
        return None
    return info, match.end(), key, hyphen


def _read_unit(fig: _Figure, sent: _Sentence) -> None:
    lex, text = sent.lex, sent.text
    age = lex.age_re.match(text, fig.end, sent.hi)
    if age:
        fig.age = True
        fig.unit = UnitInfo("measure", "year of age", "year of age", 1.0)
        word = (age.group("age") or "year").lower().rstrip("s")
        word = "year" if word == "yr" else word
        if word != "year":
            fig.unit = UnitInfo("measure", f"{word} of age", f"{word} of age", 1.0)
        fig.end = age.end()
        return
    if fig.source in ("vague", "fraction"):
        # "tens of thousands of dollars", "millions of euros"
        found = _unit_at(fig.end, sent, attached=False)
        if found and found[0].kind == "money":
            fig.unit = found[0]
            fig.end = found[1]
        return
    found = _unit_at(fig.end, sent, attached=fig.source == "digits")
    if found:
        info, end, key, hyphen = found
        if key in lex.pound_words and (fig.scaled or fig.currency == "GBP"):
            info = UnitInfo("money", "GBP", "GBP", 1.0)
        if fig.currency and info.kind == "money" and info.unit == "cent":
            info = UnitInfo("money", "cent", fig.currency, 0.01)
        if fig.currency and info.kind not in ("money",):
            # "$5 million" has no unit after it; "$10 hours" does not happen.
            info = None  # type: ignore[assignment]
        if info is not None:
            fig.unit = info
            fig.end = end
            fig.compound = hyphen and info.kind in ("duration", "measure")
    if fig.unit is None and fig.currency is None:
        return
    # A rate: "$3,500 a month", "$10 per gram", "10 percent a year", "mph" is read above.
    rate = RATE_RE.match(text, fig.end, sent.hi)
    if rate:
        marker, noun = rate.group(1), rate.group(2).lower()
        known = _unit_at(rate.start(2), sent, attached=False)
        if known is not None and known[0].kind != "money":  # "per square foot", "a barrel"
            fig.per, fig.end = known[0].unit, known[1]
        elif marker == "per" or lemma(noun, lex) in lex.rate_nouns:
            fig.per = lemma(noun, lex).lower()
            fig.end = rate.end()


# ---------------------------------------------------------------- claims


def _approx_before(pos: int, sent: _Sentence) -> tuple[Approx, int]:
    match = sent.lex.hedge_before_re.search(sent.left(pos, 32))
    if not match:
        return "exact", pos
    left_len = len(sent.left(pos, 32))
    return sent.lex.hedge_approx[" ".join(match.group("hedge").lower().split())], pos - (
        left_len - match.start()
    )


def _approx_after(fig: _Figure, end: int, sent: _Sentence) -> tuple[Approx, int]:
    """Hedges after the figure: "300-odd", "40-plus", "300 people or so", "40 years or more".

    Returns the hedge and the claim's end (extended over a glued hedge only).
    """
    lex = sent.lex
    if fig.post_hedge is not None:
        return fig.post_hedge, end
    after = lex.post_after_re.match(sent.text, end, sent.hi)
    if after and not any(ch in ",;:." for ch in sent.text[end : after.start("hedge")]):
        return lex.post_hedges_after[" ".join(after.group("hedge").lower().split())], end
    return "exact", end


def _direction_before(pos: int, fig: _Figure, sent: _Sentence) -> Direction | None:
    lex = sent.lex
    words = sent.words_before(pos, 6)
    if not words:
        return None
    word = words[-1].group().lower()
    strong_kind = fig.unit is not None and (fig.unit.kind in ("percent", "money") or fig.unit.unit == "point")
    strong_kind = strong_kind or fig.currency is not None
    if word == "by":
        for candidate in reversed(words[:-1]):
            direction = lex.change_direction.get(candidate.group().lower())
            if direction:
                return direction
        return None
    direction = lex.change_direction.get(word)
    if direction is None:
        return None
    if word in lex.weak_changes and not strong_kind:
        return None
    if word in lex.by_only_changes:
        return None  # "raised $5m" is money raised; "raised prices by 5%" is a change
    if word in ("up", "down") and len(words) >= 2:
        verb = words[-2].group().lower()
        if verb in ("to", "from") or verb in lex.phrasal_verbs:
            return None  # "gave up 517 yards", "from up to 252 miles"
    return direction


def _counted_noun(pos: int, sent: _Sentence, value: float) -> tuple[str | None, int]:
    """The head of the noun phrase after a count: "300 soldiers were" -> soldier."""
    lex = sent.lex
    partitive = PARTITIVE_RE.match(sent.text, pos, sent.hi)
    if partitive:  # "two of the victims": what is counted follows "of the"
        pos = partitive.end()
    compound = COMPOUND_RE.match(sent.text, pos, sent.hi)
    if compound:  # "a four-cylinder engine": the compound word is what is counted
        return lemma(compound.group(1), lex), compound.end()
    words = sent.words_after(pos, 5)
    head: re.Match[str] | None = None
    count = 0  # words taken so far
    for index, match in enumerate(words):
        word = match.group()
        lower = word.lower().rstrip(".")
        if not word[0].isalpha() or lower in lex.function_words:
            break
        if index and lower.endswith("ed") and head is not None and lower not in lex.subject_concepts:
            break
        if lower in lex.change_direction or lower in lex.months or lower in lex.weekdays:
            break
        if lower in lex.predicate_concepts and (head is not None or lower.endswith("ed")):
            break  # "more than 100 injured": no noun, the predicate follows
        head = match
        count = index + 1
        plural = lower in lex.irregular_plurals or (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
        )
        if value != 1 and plural:
            break
        if count >= 3:
            break
    if head is None:
        return None, pos
    return lemma(head.group().rstrip("."), lex), head.end()


def _predicate(fig_start: int, after: int, sent: _Sentence) -> str | None:
    """What happened to the counted thing: the verb right before the figure ("killed 40"),
    else the first predicate word later in the clause ("40 were killed"), else one before."""
    lex = sent.lex
    right_before = sent.words_before(fig_start, 1)
    if right_before:
        found = _match_predicate([right_before[-1].group().lower()], lex)
        if found:
            return found
    after_words = []
    for match in sent.words_after(after, 14):
        if match.group() in CLAUSE_END or sent.lex.candidate_re.fullmatch(match.group()):
            break  # the clause ends, or the next figure takes over
        after_words.append(match.group().lower().rstrip("."))
    found = _match_predicate(after_words, lex)
    if found:
        return found
    before_words: list[str] = []
    for match in reversed(sent.words_before(fig_start, 6)):
        if match.group() in CLAUSE_END or match.group() == ",":
            break
        before_words.insert(0, match.group().lower().rstrip("."))
    return _match_predicate(before_words, lex)


def _match_predicate(words: list[str], lex: NumericLexicon) -> str | None:
    for index, word in enumerate(words):
        for phrase, concept in lex.predicate_by_first.get(word, ()):
            if words[index : index + len(phrase)] == phrase:
                return concept
    return None


def _scope(sent: _Sentence) -> str | None:
    for match in YEAR_RE.finditer(sent.text, sent.lo, sent.hi):
        words = sent.words_before(match.start(), 1)
        if words and words[-1].group().lower() in sent.lex.scope_prepositions:
            return match.group(1)
    return None


def _excluded_spans(sent: _Sentence) -> list[tuple[int, int]]:
    if not DIGIT_RE.search(sent.text, sent.lo, sent.hi):
        return []  # every excluded stretch has a digit in it
    return [m.span() for m in NOT_FIGURE_RE.finditer(sent.text, sent.lo, sent.hi)]


def _read_figure(match: re.Match[str], sent: _Sentence) -> tuple[_Figure, int] | None:
    """A number with its scale, currency and unit, or None when it is no figure.

    Returns the figure and where its left context (currency sign) begins.
    """
    fig = _read_number(match, sent)
    if fig is None:
        return None
    fig.number_end = fig.end
    fig.raw_value = fig.raw_value or fig.value
    left_start = _read_currency_before(fig, sent)
    if fig.source == "digits":
        after = sent.text[fig.end : fig.end + 4]
        if ORDINAL_SUFFIX_RE.match(after) or (DECADE_RE.match(after) and not fig.currency):
            return None
    _read_scale(fig, sent)
    glued = sent.lex.post_glued_re.match(sent.text, fig.end, sent.hi)
    if glued:  # "300-odd delegates", "40-plus years", "500+ people"
        fig.post_hedge = sent.lex.post_hedges_glued[glued.group("hedge").lower()]
        fig.end = glued.end()
    _read_unit(fig, sent)
    if fig.source == "digits" and fig.unit is None and text_at(sent, fig.end).isalpha():
        return None  # digits glued to letters that are no unit: "5G", "3D", "9AB"
    return fig, left_start


def text_at(sent: _Sentence, pos: int) -> str:
    return sent.text[pos : pos + 1] if pos < sent.hi else ""


def find_quantities(
    text: str,
    start: int = 0,
    end: int | None = None,
    lexicon: NumericLexicon | str | Path | None = None,
) -> list[Quantity]:
    """Every figure in text[start:end], with absolute offsets into `text`."""
    lex = resolve_lexicon(lexicon)
    hi = len(text) if end is None else end
    sent = _Sentence(text, start, hi, lex)
    excluded = _excluded_spans(sent)
    found: list[Quantity] = []
    pos = start
    scope: str | None = None
    scope_done = False
    for first in lex.first_word_re.finditer(text, start, hi):
        if first.start() < pos:
            continue
        match = lex.candidate_re.match(text, first.start(), hi)
        if match is None:
            continue
        pos = match.end()
        if any(s <= match.start() < e for s, e in excluded):
            pos = max(pos, next(e for s, e in excluded if s <= match.start() < e))
            continue
        read = _read_figure(match, sent)
        if read is None:
            continue
        fig, left_start = read
        if not math.isfinite(fig.value):
            # A run of hundreds of digits is no figure anyone reported (and overflows floats).
            pos = max(pos, fig.end)
            continue
        quantity = _claim(fig, left_start, sent)
        if quantity is None:
            pos = max(pos, fig.end)
            continue
        pos = max(pos, quantity.end)
        if found:
            _inherit(found[-1], quantity, sent)
            if quantity.kind == "count" and quantity.subject is None and quantity.predicate:
                # "42 people were killed and more than 100 injured": the same people
                earlier = next((q for q in reversed(found) if q.kind == "count" and q.subject), None)
                if earlier is not None:
                    quantity.subject = quantity.unit = quantity.base_unit = earlier.subject
        if quantity.kind == "count" and not scope_done:
            scope, scope_done = _scope(sent), True
        if quantity.kind == "count":
            quantity.scope = scope
        found.append(quantity)
    return found


def _inherit(previous: Quantity, quantity: Quantity, sent: _Sentence) -> None:
    """A conversion in parentheses or an "or" restatement shares the first figure's wording.

    "more than 100 km (60 miles)": both more_than; "lost 190 points, or 0.6%": both down.
    """
    between = sent.text[previous.end : quantity.start]
    if not RESTATEMENT_RE.fullmatch(between):
        return
    if quantity.direction is None:
        quantity.direction = previous.direction
    if quantity.approx == "exact" and previous.approx not in ("exact", "range") and "(" in between:
        quantity.approx = previous.approx
        quantity.low, quantity.high = _interval(
            quantity.value, quantity.low, quantity.high, quantity.approx, sent.lex
        )


def _range_partner(fig: _Figure, sent: _Sentence) -> tuple[_Figure, str] | None:
    """The second number of "1 to 1.5", "252-287", "between 10 and 20", "one out of three"."""
    lex, text = sent.lex, sent.text
    sep = RANGE_SEP_RE.match(text, fig.end, sent.hi)
    if not sep:
        return None
    connector = " ".join(sep.group().strip().lower().split())
    if connector == "and":
        before = sent.words_before(fig.start, 3)
        if not any(w.group().lower() == "between" for w in before):
            return None
    previous = [w.group().lower() for w in sent.words_before(fig.start, 3) if w.group()[0].isalpha()]
    if connector == "to" and previous[-1:] == ["by"] and (fig.unit is not None or fig.currency):
        return None  # "increased by $43.6bn to $419.2bn": a change, then a level
    if connector == "in" and not (fig.unit is None and not fig.currency and 0 < fig.value <= 10):
        return None  # only proportions: "one in five", "1 in 4"
    after = sep.end()
    # The second number may repeat the currency: "$89 to $93 billion", "RM120,000 to RM300,000".
    skip = CURRENCY_REPEAT_RE.match(text, after, sent.hi)
    second_start = skip.end() if skip else after
    match = lex.candidate_re.match(text, second_start, sent.hi)
    if not match or match.group("vague") or match.group("fraction"):
        return None
    read = _read_figure(match, sent)
    if read is None:
        return None
    second = read[0]
    from_to = connector == "to" and any(w.group().lower() == "from" for w in sent.words_before(fig.start, 2))
    if fig.unit is not None and second.unit is None and from_to and not second.currency:
        second.unit = fig.unit  # "from 208 pounds to 193"
    if fig.unit is not None and (second.unit is None or second.unit.unit != fig.unit.unit):
        return None  # "fell 7% to $2.3bn": a change and a level, not a range
    if fig.currency and second.currency and fig.currency != second.currency:
        return None
    return second, connector


def _claim(fig: _Figure, left_start: int, sent: _Sentence) -> Quantity | None:
    lex, text = sent.lex, sent.text
    if fig.source == "digits" and TIME_MARKER_RE.match(text, fig.end, sent.hi) and fig.unit is None:
        return None
    prefix = sent.words_before(fig.start, 1)
    if fig.unit is None and prefix and prefix[-1].group().lower() in lex.prefix_units:
        name = lex.prefix_units[prefix[-1].group().lower()]
        fig.unit = UnitInfo("measure", name, name, 1.0)  # "a magnitude 6.8 earthquake"
    if fig.source == "digits" and not fig.currency:
        if _glued_to_code(fig, sent) or lex.month_before_re.search(sent.left(fig.start, 16)):
            return None
        if fig.unit is None and not fig.slash_fraction and _is_identifier(fig, sent):
            return None
    if fig.unit is None and not fig.currency and fig.source == "digits" and fig.value <= 31:
        gap = 1 if text[fig.end : fig.end + 1] == " " else 0
        if lex.month_after_re.match(text, fig.end + gap, sent.hi):
            return None
    if lex.furniture_re.match(text, fig.number_end, sent.hi):
        return None
    before_figure = sent.words_before(fig.start, 1)
    aged = bool(before_figure) and before_figure[-1].group().lower() in lex.age_markers
    bare_digits = fig.source == "digits" and fig.unit is None and not fig.currency
    if bare_digits and not aged and _is_age_apposition(fig, sent):
        fig.unit = UnitInfo("measure", "year of age", "year of age", 1.0)
        fig.age = True
    # Ranges.
    approx: Approx = "range" if fig.source == "vague" else "exact"
    low, high = fig.low, fig.high
    end = fig.end
    end_value: float | None = fig.high if fig.source == "vague" else None
    partner = _range_partner(fig, sent)
    if partner is not None:
        second, connector = partner
        words_before = [w.group().lower() for w in sent.words_before(left_start, 2)]
        from_to = bool(words_before) and words_before[-1] == "from" and connector == "to"
        integers = float(fig.value).is_integer() and float(second.value).is_integer()
        bare = fig.unit is None and second.unit is None and not fig.currency and not second.currency
        hyphen = connector in ("-", "–", "—")
        if (bare and integers and hyphen and fig.value < 100) and (
            second.value <= fig.value or _near_score_word(fig, second, sent)
        ):
            return None  # a score: "beat them 2-1"
        raw_first = text[fig.start : fig.number_end]
        if (
            bare
            and YEAR_LIKE_RE.fullmatch(raw_first)
            and YEAR_LIKE_RE.fullmatch(text[second.start : second.number_end])
            and not _plural_noun_follows(second, sent)
        ):
            return None  # "between 1600 and 1900": years
        if bare and _is_year(fig, sent):
            pass  # "2018 to 3.9 million": a year, then a figure
        elif connector in ("out of", "in"):
            if 0 < fig.value < second.value <= 1000 and second.unit is None and not _is_year(second, sent):
                fig.value = fig.low = fig.high = low = high = fig.value / second.value
                fig.source = "fraction"
                end = second.end
        elif second.value > fig.value or from_to:
            if fig.unit is None:
                fig.unit, fig.per, fig.compound, fig.age = (
                    second.unit,
                    second.per,
                    second.compound,
                    second.age,
                )
            if second.scaled and not fig.scaled:
                scale = second.value / second.raw_value if second.raw_value else 1.0
                if fig.value * scale <= second.value * (10 if from_to else 1):
                    fig.value *= scale  # "$89 to $93 billion", "four to five thousand"
            fig.currency = fig.currency or second.currency
            fig.per = fig.per or second.per
            low, high = sorted((fig.value, second.value))
            approx = "range"
            end = second.end
            end_value = second.value
    if bare_digits and aged and fig.unit is None:  # "aged 35", "aged 18 to 34"
        fig.unit = UnitInfo("measure", "year of age", "year of age", 1.0)
        fig.age = True
    if approx != "range" and _is_year(fig, sent) and not _counts_despite_year_form(fig, sent):
        return None
    bare_word = fig.source == "words" and fig.unit is None and not fig.currency
    if bare_word and approx != "range" and not _number_word_counts(fig, sent):
        return None
    # Left context: hedge, change.
    hedge, hedge_start = _approx_before(left_start, sent)
    if hedge == "exact" and approx != "range":
        hedge, end = _approx_after(fig, end, sent)
        hedge_start = left_start
    if hedge != "exact":
        if approx == "range" and hedge == "about":  # "about 2,000-2,500"
            low = _interval(low, low, low, hedge, lex)[0]
            high = _interval(high, high, high, hedge, lex)[1]
        elif approx != "range":
            low, high = _interval(fig.value, low, high, hedge, lex)
        approx = hedge
    claim_start = hedge_start if hedge != "exact" else left_start
    direction = _direction_before(hedge_start if hedge != "exact" else left_start, fig, sent)
    signed = text[fig.start : fig.start + 1] in "+-−" and fig.unit is not None and fig.unit.kind == "percent"
    if direction is None and signed:
        direction = "down" if fig.value < 0 else "up"  # market tables: "DAX -1.6%"
    if direction is None and fig.unit is not None and fig.unit.kind == "percent":
        post = re.match(r"\s+(higher|lower)\b", text[end : sent.hi])
        if post:
            direction = lex.change_direction.get(post.group(1).lower())
    # Kind and unit.
    subject: str | None = None
    predicate: str | None = None
    unit: str | None
    base_unit: str | None
    if fig.currency or (fig.unit and fig.unit.kind == "money"):
        kind: Kind = "money"
        if fig.unit and fig.unit.kind == "money":
            unit = fig.unit.unit
            base_unit = fig.unit.base_unit
            factor = fig.unit.factor
        else:
            unit = base_unit = fig.currency
            factor = 1.0
        if fig.currency and unit == "cent":
            base_unit = fig.currency
    elif fig.unit is not None:
        kind = fig.unit.kind
        unit, base_unit, factor = fig.unit.unit, fig.unit.base_unit, fig.unit.factor
    elif fig.source == "fraction" or fig.slash_fraction:
        kind, unit, base_unit, factor = "measure", "fraction", "percent", 100.0
    else:
        kind, unit, base_unit, factor = "count", None, None, 1.0
        noun, noun_end = _counted_noun(end, sent, fig.value)
        if noun is not None and noun.lower() in lex.units:
            noun = None
        subject = noun
        unit = base_unit = noun
        known_unit = quantulum_unit(sent.text[end:noun_end], lex) if noun else None
        if known_unit:  # a unit our lexicon lacks ("5 kilovolts"): a measure, not a count
            kind, unit, base_unit, subject = "measure", known_unit, known_unit, None
        predicate = _predicate(claim_start, noun_end, sent)
        people = noun is not None and (noun[:1].isupper() or noun.lower() in lex.population_nouns)
        if predicate is None and people and POSSESSIVE_RE.search(sent.left(claim_start, 4)):
            predicate = "population"  # "the enclave's 120,000 Armenians"
    if kind == "duration":
        if fig.compound:
            noun, _ = _counted_noun(end, sent, 1)
            subject = noun
        else:
            of = re.match(r"\s+of\s+([^\W\d_]+)", text[end : sent.hi])
            if of:
                subject = lemma(of.group(1), lex)
            else:
                before = [m.group().lower() for m in sent.words_before(claim_start, 4)]
                if before and concept_of(before[-1], lex) == "lasted":
                    heads = [w for w in before[:-1] if w.isalpha() and w not in lex.function_words]
                    subject = lemma(heads[-1], lex) if heads else None
        predicate = _predicate(claim_start, end, sent)
    if kind == "money" and fig.unit and fig.unit.kind == "money" and fig.unit.unit in ("cent", "pence"):
        factor = fig.unit.factor
    base_value = fig.value * factor
    return Quantity(
        start=claim_start,
        end=end,
        kind=kind,
        value=fig.value,
        low=low,
        high=high,
        unit=unit,
        base_value=base_value,
        base_unit=base_unit,
        approx=approx,
        direction=direction,
        subject=subject,
        predicate=predicate,
        per=fig.per,
        end_value=end_value,
    )


def _number_word_counts(fig: _Figure, sent: _Sentence) -> bool:
    """Whether a number word is a figure, not a pronoun, a title or part of a name."""
    lex, text = sent.lex, sent.text
    following = sent.words_after(fig.end, 1)
    nxt = following[0].group().lower() if following else ""
    if following and following[0].group().isupper() and len(nxt) > 1:
        nxt = "acronym"  # "one US ounce": "US" is no pronoun
    hyphenated = text[fig.end : fig.end + 1] in "-‐‑"
    prev = sent.words_before(fig.start, 1)
    prev_word = prev[-1].group().lower() if prev else ""
    # News writes number words in lower case mid-sentence: "Kick Six", "In Five" are names.
    if text[fig.start].isupper() and prev and prev_word.isalpha() and not text[fig.start : fig.end].isupper():
        return False
    if fig.start > sent.lo and text[fig.start - 1] in "-‐‑":
        return False  # inside a compound: "production-four-door"
    if fig.value == 1:
        if prev_word in lex.pronoun_one_after:
            return False  # "the one", "this one", "any one"
        if hyphenated or not nxt[:1].isalpha():
            return False  # "one-time", "the same one."
        return nxt == "of" or nxt not in lex.function_words
    if hyphenated or fig.scaled:
        return True  # "four-cylinder", "three-course", "eight million 250ml bottles"
    if not nxt[:1].isalpha():
        return prev_word in lex.hedge_approx
    if nxt in lex.function_words and nxt != "of" and nxt not in lex.count_modifiers:
        return prev_word in lex.hedge_approx
    return True


def _near_score_word(first: _Figure, second: _Figure, sent: _Sentence) -> bool:
    words = [m.group().lower() for m in sent.words_before(first.start, 3)]
    words += [m.group().lower() for m in sent.words_after(second.end, 3)]
    return any(word in sent.lex.score_words for word in words)


def _counts_despite_year_form(fig: _Figure, sent: _Sentence) -> bool:
    """ "2000 people" is a count; "in 2000", "1988 sales" are years."""
    previous = sent.words_before(fig.start, 1)
    if previous and previous[-1].group().lower() in sent.lex.scope_prepositions:
        return False
    following = sent.words_after(fig.end, 1)
    if following and following[0].group().lower() in sent.lex.year_nouns:
        return False
    return _plural_noun_follows(fig, sent)


def _plural_noun_follows(fig: _Figure, sent: _Sentence) -> bool:
    following = sent.words_after(fig.end, 2)
    if not following:
        return False
    word = following[0].group()
    lower = word.lower()
    if not word[0].isalpha() or word[0].isupper() or lower in sent.lex.function_words:
        return False
    return lower in sent.lex.irregular_plurals or (lower.endswith("s") and not lower.endswith("ss"))
