"""Numbers that answer no "how many" question of the story: a rank ("No. 2"), an age, a
limit ("65 and older"), a population, a product's specification, a countdown, a
statistic's precision, a count of sources, a reporting period's label.

    not_a_quantity_reason(claim, sentence, offset, end, words) -> why, or None
"""

from __future__ import annotations

import re

from claimcheck.groups.clauses import tokens_of
from claimcheck.groups.frame_words import FrameWords
from claimcheck.models import Claim

FROM_NAME_RE = re.compile(r"\s+from\s+(?:[Tt]he\s+)?[A-Z]")
"""A distance from a named place ("seven miles from Anderson Springs"); "fell 150 metres
from a ridge" measures the fall."""
SOMEDAY_BEFORE = frozenset(
    ["i'd", "we'd", "he'd", "she'd", "they'd", "will", "would", "could", "might", "may", "'d"]
)
"""Words before "one day" that make it "someday"."""


def not_a_quantity_reason(
    claim: Claim, sentence: str, offset: int, end: int, words: FrameWords
) -> str | None:
    after = " " + " ".join(sentence[end : end + 30].lower().split())
    before = sentence[max(0, offset - 12) : offset].lower().split()
    if claim.kind in ("count", "measure") and any(
        after.startswith(f" {phrase}") for phrase in words.thresholds
    ):
        return "an age or size limit"
    if before and before[-1].rstrip(".") in words.rank_markers:
        return "a rank"
    if claim.kind == "count" and re.match(r"[-‐‑][A-Za-z]+\s+[a-z]", sentence[end:]):
        # "a two-dose vaccine", "a 12-member board": the figure qualifies another noun.
        return "part of a compound modifier"
    if claim.kind == "count" and _counts_sources(sentence, end, words):
        return "a count of sources"
    if claim.kind == "measure" and (claim.base_unit or "") == "year of age":
        return "an age"  # whose, frames cannot tell: "a 61-year-old former employee" and "Banky, 40"
    if claim.kind == "measure" and after.split()[:1] and after.split()[0] in words.location_words:
        return "a location"
    if claim.kind == "measure" and claim.base_unit == "metre" and FROM_NAME_RE.match(sentence, end):
        return "a location"  # "seven miles from Anderson Springs": where, not how far it went
    left = sentence[max(0, offset - 40) : offset].lower()
    left_words = left.split()
    if claim.kind == "count" and any(
        " ".join(left_words[-size:]) in words.age_markers for size in range(1, min(3, len(left_words)) + 1)
    ):
        return "an age"  # "Dies at 77"
    population = len(left_words) >= 2 and left_words[-1] == "of" and left_words[-2] in words.population_nouns
    if claim.kind == "count" and population:
        return "a population"  # "a city of 500,000 people"
    if (
        claim.kind == "measure"
        and ATTRIBUTIVE_RE.search(claim.text)
        and _qualifies_object(sentence, end, words)
    ):
        # "a 17-inch MacBook Pro", "a 250GB hard drive": what the thing is, as its name is;
        # two models of a story have two sizes.
        return "a specification of the noun it qualifies"
    if claim.kind == "duration" and any(after.startswith(f" {word}") for word in words.countdown_words):
        return "a countdown, not a length"  # "with 29 seconds remaining"
    phrases = words.statistic_phrases
    # Most figures have no statistic's name before them: the tail is cut only where one may be.
    named = (
        PRECISION_TAIL_RE.sub("", " ".join(left_words)) if any(p.split()[-1] in left for p in phrases) else ""
    )
    if any(after.startswith(f" {phrase}") or (named and named.endswith(phrase)) for phrase in phrases):
        # "a 3.1 percent margin of error", "a margin of error of plus or minus 3 points"; not
        # the poll's own figure after it ("a margin of error of 3 points, found 52%").
        return "a statistic's precision"
    if (
        claim.kind == "duration"
        and claim.text.lower() == "one day"
        and before
        and before[-1] in SOMEDAY_BEFORE
    ):
        return "a time to come, not a length"  # "I'd one day have the chance"
    if claim.kind in ("date", "time"):
        spaced = " ".join(left_words)
        if any(spaced.endswith(label) for label in words.period_labels):
            return "a reporting period's label"
    return None


PRECISION_TAIL_RE = re.compile(r"\s*(?:of\s*)?(?:plus or minus|plus or|\+/-|±)?\s*$")
"""What may stand between a statistic's name and its figure ("margin of error of plus or minus")."""
ATTRIBUTIVE_RE = re.compile(r"\d(?:[-‐‑]|(?=[A-Za-z]))[A-Za-z]+$")
"""A measure written as one word with its unit ("17-inch", "250GB", "2.66-GHz")."""
NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][\w-]*)")


def _qualifies_object(sentence: str, end: int, words: FrameWords) -> bool:
    """Whether the word after a figure is a noun it qualifies (not a preposition or a verb),
    and no extent of what happened ("a 1-mile radius", "a 4-mile stretch")."""
    match = NEXT_WORD_RE.match(sentence, end)
    if match is None:
        return False
    word = match.group(1).lower()
    return not (
        word in words.extent_nouns
        or word in words.function_words
        or word in words.finite_verbs
        or word in words.location_words
        or word in words.scope_prepositions
        or word in words.predicates
    )


def _counts_sources(sentence: str, end: int, words: FrameWords) -> bool:
    """ "two U.S. officials said", "three people familiar with the talks told": the number of
    sources behind a statement, not a figure of the story. The source noun follows the
    figure at once, and its reporting verb follows the noun within a few words, no comma
    between ("40 people on Wednesday, officials said" counts victims)."""
    following = [t.lower for t in tokens_of(sentence[end : end + 80])]
    nouns = [i for i, lower in enumerate(following[:3]) if lower.rstrip(".") in words.source_nouns]
    if not nouns:
        return False
    for lower in following[nouns[0] + 1 : nouns[0] + 6]:
        if lower in (",", ";", ":"):
            return False
        if lower in words.reporting_verbs:
            return True
    return False
