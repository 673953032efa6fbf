"""Numeric claims: numbers with their hedge, scale, unit and the thing counted.

Interface used by resolve/claims.py:

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

from claimcheck.extract.figures import (
    CLAUSE_END,
    COMPOUND_RE,
    CURRENCY_REPEAT_RE,
    DECADE_RE,
    DIGIT_RE,
    NOT_FIGURE_OFFLINE_RE,
    NOT_FIGURE_OFFLINE_START_RE,
    NOT_FIGURE_RE,
    ORDINAL_SUFFIX_RE,
    PARTITIVE_RE,
    POSSESSIVE_RE,
    RANGE_SEP_RE,
    RESTATEMENT_RE,
    TIME_MARKER_RE,
    URL_HINTS,
    YEAR_LIKE_RE,
    YEAR_RE,
    Figure,
    SentenceText,
    glued_to_code,
    hedge_interval,
    is_age_apposition,
    is_identifier,
    is_year,
    read_currency_before,
    read_number,
    read_scale,
    read_unit,
)
from claimcheck.extract.numeric_lexicon import (
    NumericLexicon,
    UnitInfo,
    concept_of,
    lemma,
    load_numeric_lexicon,
    quantulum_unit,
    quantulum_unit_names,
    resolve_lexicon,
)
from claimcheck.models import Approx, Direction, Kind

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


# ---------------------------------------------------------------- claims


def _approx_before(pos: int, sent: SentenceText) -> tuple[Approx, int]:
    match = sent.lex.hedge_before_re.search(sent.left(pos, 32))
    if not match:
        match = sent.lex.article_hedge_re.search(sent.left(pos, 32))  # "up to a five-year lifespan"
    if not match:
        return "exact", pos
    left_len = len(sent.left(pos, 32))
    return sent.lex.hedge_approx[" ".join(match.group("hedge").lower().split())], pos - (
        left_len - match.start()
    )


def _approx_after(fig: Figure, end: int, sent: SentenceText) -> tuple[Approx, int]:
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


def _direction_before(pos: int, fig: Figure, sent: SentenceText) -> Direction | None:
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


def _counted_noun(pos: int, sent: SentenceText, value: float) -> tuple[str | None, int]:
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


def _predicate(fig_start: int, after: int, sent: SentenceText) -> str | None:
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
        if match.group() in CLAUSE_END or sent.lex.is_candidate(match.group()):
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


def _scope(sent: SentenceText) -> str | None:
    for match in YEAR_RE.finditer(sent.text, sent.lo, sent.hi):
        words = sent.words_before(match.start(), 1)
        if words and words[-1].group().lower() in sent.lex.scope_prepositions:
            return match.group(1)
    return None


def _excluded_spans(sent: SentenceText) -> list[tuple[int, int]]:
    text, lo, hi = sent.text, sent.lo, sent.hi
    if not DIGIT_RE.search(text, lo, hi):
        return []  # every excluded stretch has a digit in it
    lower = text[lo:hi].lower()
    if any(hint in lower for hint in URL_HINTS):
        return [m.span() for m in NOT_FIGURE_RE.finditer(text, lo, hi)]
    # No web address: the other stretches, scanned from where the first could begin (the
    # same matches; the scan of every character before it is what this saves).
    first = NOT_FIGURE_OFFLINE_START_RE.search(text, lo, hi)
    if first is None:
        return []
    return [m.span() for m in NOT_FIGURE_OFFLINE_RE.finditer(text, first.start(), hi)]


def _read_figure(match: re.Match[str], sent: SentenceText) -> tuple[Figure, int] | None:
    """A number with its scale, currency and unit, or None when it is no figure.

    Returns the figure and where its left context (currency sign) begins.
    """
    fig = read_number(match, sent)
    if fig is None:
        return None
    fig.number_end = fig.end
    fig.raw_value = fig.raw_value or fig.value
    left_start = read_currency_before(fig, sent)
    if fig.source == "digits":
        after = sent.text[fig.end : fig.end + 4]
        if ORDINAL_SUFFIX_RE.match(after) or (DECADE_RE.match(after) and not fig.currency):
            return None
    read_scale(fig, sent)
    glued = sent.lex.post_glued_re.match(sent.text, fig.end, sent.hi)
    if glued:  # "300-odd delegates", "40-plus years", "500+ people"
        fig.post_hedge = sent.lex.post_hedges_glued[glued.group("hedge").lower()]
        fig.end = glued.end()
    read_unit(fig, sent)
    if fig.source == "digits" and fig.unit is None and text_at(sent, fig.end).isalpha():
        return None  # digits glued to letters that are no unit: "5G", "3D", "9AB"
    return fig, left_start


def text_at(sent: SentenceText, pos: int) -> str:
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
    sent = SentenceText(text, start, hi, lex)
    excluded = _excluded_spans(sent)
    found: list[Quantity] = []
    pos = start
    scope: str | None = None
    scope_done = False
    skip = 0  # excluded spans are disjoint and in order, as are candidates: one pointer
    for first in lex.first_word_re.finditer(text, start, hi):
        if first.start() < pos:
            continue
        match = lex.candidate_re.match(text, first.start(), hi)
        if match is None:
            continue
        pos = match.end()
        while skip < len(excluded) and excluded[skip][1] <= match.start():
            skip += 1
        if skip < len(excluded) and excluded[skip][0] <= match.start():
            pos = max(pos, excluded[skip][1])
            continue
        read = _read_figure(match, sent)
        if read is None:
            continue
        fig, left_start = read
        if not math.isfinite(fig.value):
            # A run of hundreds of digits is no figure anyone reported (and overflows floats).
            pos = max(pos, fig.end)
            continue
        tally = _tally(fig, left_start, sent)
        if tally is not None:
            found.extend(tally)
            pos = max(pos, tally[-1].end)
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


def _inherit(previous: Quantity, quantity: Quantity, sent: SentenceText) -> None:
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
        quantity.low, quantity.high = hedge_interval(
            quantity.value, quantity.low, quantity.high, quantity.approx, sent.lex
        )


TALLY_RE = re.compile(
    r"(?P<noun>\s+votes?)?\s*(?:[-–—]|\bto\b)\s*(?P<second>\d{1,4})(?![\d%]|[.,]\d)(?P<noun2>\s+votes\b)?",
    re.I,
)


def _tally(fig: Figure, left_start: int, sent: SentenceText) -> list[Quantity] | None:
    """A vote tally ("voted 9-4", "passed by 30 votes to 12", "a 5-2 vote"): two counts
    of votes, for and against, where a bare pair would be read as a score or a range."""
    if fig.source != "digits" or fig.unit or fig.currency or fig.scaled or not float(fig.value).is_integer():
        return None
    if is_year(fig, sent):
        return None  # "the 2019-20 vote": a season
    match = TALLY_RE.match(sent.text, fig.number_end, sent.hi)
    if match is None:
        return None
    following = [word.group().lower() for word in sent.words_after(match.end(), 1)]
    if following and following[0] in sent.lex.units:
        return None  # "52-48 percent": a range of a measure
    nearby = [word.group().lower() for word in sent.words_before(left_start, 4)] + following
    if not (match.group("noun") or match.group("noun2") or any(w in sent.lex.tally_words for w in nearby)):
        return None
    first_end = match.end("noun") if match.group("noun") else fig.number_end
    second_end = match.end("noun2") if match.group("noun2") else match.end("second")
    sides = (
        (left_start, first_end, fig.value, "for"),
        (match.start("second"), second_end, float(match.group("second")), "against"),
    )
    return [
        Quantity(
            start, end, "count", votes, votes, votes, "vote", votes, "vote", subject="vote", predicate=side
        )
        for start, end, votes, side in sides
    ]


def _range_partner(fig: Figure, sent: SentenceText) -> tuple[Figure, str] | None:
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
    if not match or match.group("vague") or match.group("vaguecount") or match.group("fraction"):
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


def _claim(fig: Figure, left_start: int, sent: SentenceText) -> Quantity | None:
    lex, text = sent.lex, sent.text
    if fig.source == "digits" and TIME_MARKER_RE.match(text, fig.end, sent.hi) and fig.unit is None:
        return None
    prefix = sent.words_before(fig.start, 1)
    if fig.unit is None and prefix and prefix[-1].group().lower() in lex.prefix_units:
        name = lex.prefix_units[prefix[-1].group().lower()]
        fig.unit = UnitInfo("measure", name, name, 1.0)  # "a magnitude 6.8 earthquake"
    if fig.source == "digits" and not fig.currency:
        if glued_to_code(fig, sent) or lex.month_before_re.search(sent.left(fig.start, 16)):
            return None
        if fig.unit is None and not fig.slash_fraction and is_identifier(fig, sent):
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
    if bare_digits and not aged and is_age_apposition(fig, sent):
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
        if bare and is_year(fig, sent):
            pass  # "2018 to 3.9 million": a year, then a figure
        elif connector in ("out of", "in"):
            if 0 < fig.value < second.value <= 1000 and second.unit is None and not is_year(second, sent):
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
    if approx != "range" and is_year(fig, sent) and not _counts_despite_year_form(fig, sent):
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
            low = hedge_interval(low, low, low, hedge, lex)[0]
            high = hedge_interval(high, high, high, hedge, lex)[1]
        elif approx != "range":
            low, high = hedge_interval(fig.value, low, high, hedge, lex)
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


def _number_word_counts(fig: Figure, sent: SentenceText) -> bool:
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


def _near_score_word(first: Figure, second: Figure, sent: SentenceText) -> bool:
    words = [m.group().lower() for m in sent.words_before(first.start, 3)]
    words += [m.group().lower() for m in sent.words_after(second.end, 3)]
    return any(word in sent.lex.score_words for word in words)


def _counts_despite_year_form(fig: Figure, sent: SentenceText) -> bool:
    """ "2000 people" is a count; "in 2000", "1988 sales" are years."""
    previous = sent.words_before(fig.start, 1)
    if previous and previous[-1].group().lower() in sent.lex.scope_prepositions:
        return False
    following = sent.words_after(fig.end, 1)
    if following and following[0].group().lower() in sent.lex.year_nouns:
        return False
    return _plural_noun_follows(fig, sent)


def _plural_noun_follows(fig: Figure, sent: SentenceText) -> bool:
    following = sent.words_after(fig.end, 2)
    if not following:
        return False
    word = following[0].group()
    lower = word.lower()
    if not word[0].isalpha() or word[0].isupper() or lower in sent.lex.function_words:
        return False
    return lower in sent.lex.irregular_plurals or (lower.endswith("s") and not lower.endswith("ss"))
