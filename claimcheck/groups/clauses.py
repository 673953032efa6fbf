"""A sentence read as clauses: tokens, where a figure's clause begins and ends, which words
are verbs, what a word says happened, and the head of a subject noun phrase.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.extract.words import content_word, lexicon, stem
from claimcheck.groups.frame_words import FrameWords

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d|[;:,—–()\"“”]|(?<=\s)-(?=\s)")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    """The text in lower case with a typographic apostrophe made plain (read by every
    lexicon lookup, so worked out once)."""


def _token(match: re.Match[str]) -> Token:
    text = match.group()
    return Token(match.start(), match.end(), text, text.lower().replace("’", "'"))


@functools.lru_cache(maxsize=256)
def tokens_of(sentence: str) -> tuple[Token, ...]:
    """The tokens of a sentence (or a window of one), read once: the figures of one
    sentence each read it again."""
    return tuple(map(_token, WORD_RE.finditer(sentence)))


WHOLE_SENTENCE = 600
"""Characters of a sentence read whole for each figure in it. News prose stays well under
this; a longer run (a list or table that lost its full stops, or hostile input) is read in
a window around each figure, so the work per figure is bounded and a document's work
grows linearly with its length rather than with the square of its longest line."""
WINDOW_STEP = 200
"""Windows start and end on a grid of this many characters, so the figures of one stretch
share a window (and its tokens and clause breaks, read once)."""


def figure_window(sentence: str, start: int, end: int) -> tuple[str, int]:
    """The text a figure at sentence[start:end] is read in and where it begins in the
    sentence: the sentence itself, or for a very long one at least WINDOW_STEP characters
    either side of the figure, cut at whitespace where there is some."""
    if len(sentence) <= WHOLE_SENTENCE:
        return sentence, 0
    block = start // WINDOW_STEP
    lo = max(0, (block - 1) * WINDOW_STEP)
    hi = max(end, (block + 2) * WINDOW_STEP)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return sentence[lo:hi], lo


def is_verb_like(token: Token, words: FrameWords) -> bool:
    lower = token.lower
    return (
        lower in words.finite_verbs
        or lower in words.past_verbs
        or lower in words.reporting_verbs
        or (lower.endswith("ed") and len(lower) > 4)
        or (words.predicates.get(lower) is not None and not lower.endswith("s"))
    )


def clause_bounds(sentence: str, start: int, end: int, words: FrameWords) -> tuple[int, int]:
    """The span of the clause holding sentence[start:end] (sentence offsets)."""
    tokens = tokens_of(sentence)
    breaks = clause_breaks(sentence, words)
    clause_start, clause_end = 0, len(sentence)
    # Breaks are in order: the last one before the figure opens its clause.
    before = bisect.bisect_left(breaks, start, key=lambda item: item[0])
    if before:
        clause_start = breaks[before - 1][1]
    for break_start, _after, kind in breaks[bisect.bisect_left(breaks, end, key=lambda item: item[0]) :]:
        # A relative clause right after the figure's noun phrase describes the figure
        # ("15,000 workers who joined the strike"): it stays in the figure's clause.
        if kind == "rel":
            first = bisect.bisect_left(tokens, end, key=lambda token: token.start)
            gap = [t for t in tokens[first : first + 4] if t.start < break_start]
            if len(gap) <= 3 and not any(is_verb_like(t, words) for t in gap):
                continue
        clause_end = break_start
        break
    return clause_start, clause_end


@functools.lru_cache(maxsize=256)
def clause_breaks(sentence: str, words: FrameWords) -> tuple[tuple[int, int, str], ...]:
    """Where clauses of a sentence break, in order: (break start, clause start after it, kind)."""
    tokens = tokens_of(sentence)
    breaks: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        lower = token.lower
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        previous = tokens[index - 1] if index else None
        if lower in words.clause_breaks:
            breaks.append((token.start, token.end, "punct"))
        elif (
            lower in words.subordinators
            and previous is not None
            and not (lower == "as" and {previous.lower, following.lower if following else ""} & AS_PHRASES)
        ) or (
            lower in PREPOSITION_OPENERS and previous is not None and _clause_follows(tokens, index, words)
        ):
            breaks.append((token.start, token.start, "sub"))
        elif lower in words.relative_pronouns and previous is not None and previous.text[:1] in ",":
            breaks.append((token.start, token.start, "rel"))  # "the blaze, which started ..."
        elif (
            lower in words.relative_pronouns | {"that"}
            and previous is not None
            and previous.text[:1].isalpha()
            and previous.lower not in words.function_words
            and previous.lower not in words.reporting_verbs
            and not is_verb_like(previous, words)
        ):
            breaks.append((token.start, token.start, "rel"))  # "a train that derailed"
        elif (
            lower in ("and", "but", "while", "whereas", "yet")
            and following is not None
            and (lower != "and" or is_verb_like(following, words))
        ):
            breaks.append((token.start, token.start, "conj"))
    return tuple(breaks)


PREPOSITION_OPENERS = frozenset(["after", "before", "since", "until"])
AS_PHRASES = frozenset(["soon", "well", "many", "much", "far", "long", "early", "late", "as", "such"])
"""Words of "as soon as", "as well as", "as many as", "such as": no subordinate clause."""
BE_AND_HAVE = frozenset(["is", "are", "was", "were", "has", "have", "had", "be", "been"])


def _clause_follows(tokens: Sequence[Token], index: int, words: FrameWords) -> bool:
    """ "before the coast guard arrived" opens a clause (a past verb follows); "since the
    derailment has risen to 64" does not (its verb belongs to the sentence's subject)."""
    for token in tokens[index + 1 : index + 6]:
        lower = token.lower
        if not token.text[:1].isalpha():
            return False
        if lower in BE_AND_HAVE or lower in AUXILIARIES:
            return False
        if (lower.endswith("ed") and len(lower) > 4) or (
            lower in words.finite_verbs and lower not in words.reporting_verbs
        ):
            return True
    return False


def predicate_at(lowers: list[str], index: int, words: FrameWords) -> str | None:
    for parts, name in words.predicate_phrases.get(lowers[index], ()):
        if tuple(lowers[index : index + len(parts)]) == parts:
            return name
    word = lowers[index]
    following = lowers[index + 1] if index + 1 < len(lowers) else ""
    if word.endswith("ing") and following[:1].isalpha() and following not in words.function_words:
        return None  # "continuing claims", "rising prices": an adjective, not what happened
    if word in words.aspect_verbs:
        return None  # "continued to fall": how it went on, not what happened
    found = words.predicates.get(word)
    if found is None and stem(word) != word:
        found = words.predicate_stems.get(stem(word))  # an inflection ("injuring"), not a base ("last")
    return found or words.event_nouns.get(word)


def names_concept(lowers: list[str], index: int, name: str, words: FrameWords) -> bool:
    """Whether a word (or the verb of an agent noun: "rescuers") names a predicate concept."""
    if predicate_at(lowers, index, words) == name:
        return True
    agent_noun = lowers[index].removesuffix("s")
    return (
        agent_noun.endswith("er") and words.predicate_stems.get(stem(agent_noun.removesuffix("er"))) == name
    )


def noun_of(word: str, rules_dir: str | None = None) -> str:
    """A noun as grouping compares it: synonyms joined ("stoppage" -> strike), stemmed."""
    return content_word(word, lexicon(rules_dir)) or stem(word)


def subject_head(tokens: list[Token], lowers: list[str], span: list[int], words: FrameWords) -> str | None:
    """The head of a subject noun phrase: the last noun before its first preposition
    ("Inflation in Meridia" -> inflation, "the police operation at the bank" -> operation)."""
    head = None
    for index in span:
        token = tokens[index]
        lower = lowers[index]
        if not token.text[:1].isalpha():
            if head is not None:
                break
            continue
        if lower in words.determiners:
            continue
        if lower in words.function_words or is_verb_like(token, words):
            if head is not None:
                break
            continue
        head = lower.removesuffix("'s")
    return head


AUXILIARIES = frozenset(
    ["to", "will", "would", "could", "can", "may", "might", "shall", "should", "must", "did", "does", "do"]
)
