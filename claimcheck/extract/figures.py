"""Reading a figure: a number (digits, number words, fractions) with its scale, currency
and unit, and the filters that reject what is not a figure (years, identifiers,
clock and date parts, ages in apposition). numeric.py turns figures into Quantities.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimcheck.extract.numeric_lexicon import (
    NumericLexicon,
    UnitInfo,
    lemma,
)
from claimcheck.models import Approx

# ---------------------------------------------------------------- fixed patterns

GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{4,}(?:,\d{3})+")
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
# A host name is at most 253 characters: bounded, a long dotted run is not rescanned from
# every word boundary in it ("1.1.1.1...", quadratic).
URL = r"(?:https?://|www\.)\S+|\b[\w.-]{1,253}\.(?:com|org|net)/\S*|@\w+"
DIGIT_RE = re.compile(r"\d")
NOT_FIGURE_RE = re.compile(rf"{URL}|{ISO_DATE}|{PHONE}|{NUMERIC_DATE}|{CLOCK}", re.I)
URL_HINTS = ("http", "www.", ".com/", ".org/", ".net/", "@")
"""Text every match of URL holds (lower case): without any, NOT_FIGURE_RE finds only the others."""
NOT_FIGURE_OFFLINE_RE = re.compile(rf"{ISO_DATE}|{PHONE}|{NUMERIC_DATE}|{CLOCK}", re.I)
NOT_FIGURE_OFFLINE_START_RE = re.compile(r"[\d+(]")
"""Where a match of NOT_FIGURE_OFFLINE_RE can begin: a digit, a plus sign or a parenthesis."""
ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b", re.I)
DECADE_RE = re.compile(r"'?s\b")
# A clock time written with a marker: "11 a.m.", "0401 GMT", "5 pm".
TIME_MARKER_RE = re.compile(
    r"\s?(?:[ap]\.m\.?|[ap]m\b|[AP]M\b|(?:GMT|UTC|EDT|EST|PDT|PST|CET|CEST|BST|ET|PT)\b)"
)
RANGE_SEP_RE = re.compile(r"\s*(?:-to-|–|—|-|\bto\b-?|\band\b|\bthrough\b|\bout\s+of\b|\bin\b)\s*", re.I)
# "The suspect, 34, was arrested": an age in apposition.
AGE_APPOSITION_RE = re.compile(r"([^\W\d_]+),\s*$")
APPOSITION_END_RE = re.compile(r"\s*,|[.!?;][\"”'’)]*(?:\s|$)")
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
RATE_RE = re.compile(r"(?:\s+(per|a|an)\s+|\s*/\s*)([^\W\d_]+)")
"""A rate's denominator: "$3,500 a month", "$10 per gram", "$80/barrel", "9 mm / yr"."""
NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")
PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|my|your)\b", re.I)
COMPOUND_RE = re.compile(r"[-‐‑]([^\W\d_]{2,})\b")
LETTER_SCALE_RE = re.compile(r"([A-Za-z])(?![A-Za-z])")
POSSESSIVE_RE = re.compile(r"(?:'s|’s|s'|s’)\s*$")
CLAUSE_END = {".", ";", ":", "!", "?", "(", ")", '"', "“", "”"}


# ---------------------------------------------------------------- numbers


def _next_word(text: str, position: int, end: int) -> str:
    """The word right after `position` (lower case), or ""."""
    found = NEXT_WORD_RE.match(text, position, end)
    return found.group(1).lower() if found else ""


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
class Figure:
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


def hedge_interval(
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


class SentenceText:
    """One sentence being scanned, with helpers to look left and right."""

    __slots__ = ("_before", "hi", "lex", "lo", "text")

    def __init__(self, text: str, lo: int, hi: int, lex: NumericLexicon) -> None:
        self.text, self.lo, self.hi, self.lex = text, lo, hi, lex
        self._before: dict[tuple[int, int], list[re.Match[str]]] = {}
        """words_before's answers: the readers of one figure ask for the same words again."""

    def left(self, pos: int, width: int = 48) -> str:
        return self.text[max(self.lo, pos - width) : pos]

    def words_after(self, pos: int, limit: int) -> list[re.Match[str]]:
        out = []
        # As words_before, a window of the text: one token of a long run ("1.1.1...") would
        # otherwise reach the sentence's end from every figure in it (quadratic).
        for match in WORD_RE.finditer(self.text, pos, min(self.hi, pos + 32 * limit)):
            out.append(match)
            if len(out) >= limit:
                break
        return out

    def words_before(self, pos: int, limit: int) -> list[re.Match[str]]:
        """The last `limit` words before `pos` (a list callers only read)."""
        key = (pos, limit)
        found = self._before.get(key)
        if found is None:
            found = self._before[key] = list(
                WORD_RE.finditer(self.text, max(self.lo, pos - 12 * limit), pos)
            )[-limit:]
        return found


def _scale(word: str, lex: NumericLexicon) -> float:
    """What a scale word multiplies by ("dozen" is the lexicon's own count, not a scale)."""
    return float(lex.dozen) if word == "dozen" else lex.scales[word]


def read_number(match: re.Match[str], sent: SentenceText) -> Figure | None:
    lex, text = sent.lex, sent.text
    start, end = match.span()
    if match.group("vague"):
        words = match.group("vague").lower().split()
        base = lex.vague[words[-2]]
        low, high = base
        if len(words) > 3:  # "tens of thousands of"
            mult = lex.vague_multipliers[words[0]]
            low, high = mult[0] * base[0], mult[1] * base[0]
        return Figure(start, end, low, low, high, "vague")
    if match.group("vaguecount"):  # "several hundred", "a few dozen"
        words = match.group("vaguecount").lower().split()
        scaled = [word for word in words if word == "dozen" or word in lex.scales]
        scale = math.prod(_scale(word, lex) for word in scaled)
        count_low, count_high = lex.vague_counts[" ".join(words[: len(words) - len(scaled)])]
        return Figure(start, end, count_low * scale, count_low * scale, count_high * scale, "vague")
    if match.group("fracscale"):  # "half a million", "three quarters billion"
        words = re.split(r"[\s-]+", match.group("fracscale").lower())
        scale = _scale(words[-1], lex)
        words = [w for w in words[:-1] if w not in ("a", "an")] or ["one"]
        denominator = lex.fractions[words[-1]]
        numerator = float(lex.small.get(words[0], 1)) if len(words) > 1 else 1.0
        figure = Figure(start, end, scale * numerator / denominator, 0, 0, "words")
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
        return Figure(start, end, value, value, value, "fraction")
    if match.group("words"):
        raw = match.group("words")
        word_value = _words_value(raw, lex)
        if word_value is None:
            return None
        figure = Figure(start, end, word_value, word_value, word_value, "words")
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
    figure = Figure(start, end, digit_value, digit_value, digit_value, "digits")
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


def glued_to_code(fig: Figure, sent: SentenceText) -> bool:
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


def is_age_apposition(fig: Figure, sent: SentenceText) -> bool:
    """ "Jane Doe, 34, said" / "the suspect, 34, was" / "said Jane Doe, 34.": an age, by news
    convention; the apposition closes with a comma or ends the sentence."""
    if not (float(fig.value).is_integer() and 0 < fig.value < 120):
        return False
    if not APPOSITION_END_RE.match(sent.text, fig.end, sent.hi):
        return False
    before = AGE_APPOSITION_RE.search(sent.left(fig.start, 40))
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() or word.lower() in sent.lex.age_nouns


def is_identifier(fig: Figure, sent: SentenceText) -> bool:
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


def is_year(fig: Figure, sent: SentenceText) -> bool:
    if fig.source != "digits" or fig.currency or fig.unit or fig.scaled:
        return False
    raw = sent.text[fig.start : fig.end]
    return bool(YEAR_RE.fullmatch(raw))


# ---------------------------------------------------------------- reading around


def read_scale(fig: Figure, sent: SentenceText) -> None:
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


def _million_follows(pos: int, sent: SentenceText) -> bool:
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


def read_currency_before(fig: Figure, sent: SentenceText) -> int:
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


def _unit_at(pos: int, sent: SentenceText, *, attached: bool) -> tuple[UnitInfo, int, str, bool] | None:
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


def read_unit(fig: Figure, sent: SentenceText) -> None:
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
    if (
        rate
        and rate.group(1) in ("a", "an")
        and _next_word(text, rate.end(), sent.hi) in lex.rate_offset_words
    ):
        rate = None  # "$6.78 billion a year earlier": a date offset follows the figure, not a rate
    if rate:
        marker, noun = rate.group(1), rate.group(2).lower()
        known = _unit_at(rate.start(2), sent, attached=False)
        if known is not None and known[0].kind != "money":  # "per square foot", "a barrel"
            fig.per, fig.end = known[0].unit, known[1]
        elif marker == "per" or lemma(noun, lex) in lex.rate_nouns:
            fig.per = lemma(noun, lex).lower()
            fig.end = rate.end()
