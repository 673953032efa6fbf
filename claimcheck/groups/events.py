"""Event frames of dates: what happened on the day a date names, and to whom.

    read_event(claim) -> (event, participants) | None

Two dates are of one event when the same thing happened to participants both wordings
share ("Korvath Motors announced on Thursday", "Korvath ... announced the cuts on
Wednesday"). A date that only says when something was said ("said on Tuesday"), that
labels another event ("the Jan. 6 riot") or that is one day of a recurring event ("for
a third day") has no event frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.extract.words import lexicon, stem
from claimcheck.groups.clauses import (
    AUXILIARIES,
    BE_AND_HAVE,
    Token,
    clause_bounds,
    figure_window,
    is_verb_like,
    noun_of,
    tokens_of,
)
from claimcheck.groups.frame_words import FrameWords, frame_words
from claimcheck.groups.quantities import not_a_quantity_reason
from claimcheck.models import Claim

REPEATED_RE = re.compile(
    r"\b(?:for|on)\s+(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)|consecutive|straight)"
    r"(?:\s+(?:straight|consecutive|successive))?\s+(?:day|night|week|weekend|month)\b",
    re.IGNORECASE,
)
"""One occurrence of a recurring event ("took to the streets on Friday for a third day")."""
PERIOD_END_RE = re.compile(
    r"\b(?:between|from)\s+(?:the\s+)?$|\bbetween\b.{1,40}\band\s+$|\bfrom\b.{1,40}\b(?:to|until|through)\s+$",
    re.IGNORECASE,
)
"""Right after "between" or "from", or after "between ... and" or "from ... to": the date
is one end of a period."""


def read_event(claim: Claim, rules_dir: str | None = None) -> tuple[str, frozenset[str]] | None:
    """(what happened, who or what it happened to) in a date's clause: "the blaze, which
    started on Sunday" -> ("start", {"fire"}). None when the wording names no event and its
    participants, or the date only says when something was said ("said on Tuesday")."""
    words = frame_words(rules_dir)
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    if not 0 <= offset <= len(sentence):
        return None
    end = offset + (claim.end - claim.start)
    sentence, base = figure_window(sentence, offset, end)
    offset, end = offset - base, end - base
    if not_a_quantity_reason(claim, sentence, offset, end, words):
        return None
    clause_start, clause_end = clause_bounds(sentence, offset, end, words)
    every = tokens_of(sentence)
    tokens = [t for t in every if clause_start <= t.start and t.end <= clause_end]
    lowers = [t.lower for t in tokens]
    before = [i for i, t in enumerate(tokens) if t.end <= offset and t.text[:1].isalpha()]
    if before and lowers[before[-1]] in ("on", "at", "by", "from") and len(before) > 1:
        before = before[:-1]
    if before and lowers[before[-1]] in words.reporting_verbs and lowers[before[-1]] not in words.event_verbs:
        return None  # "said on Tuesday": the date of a statement
    following = [i for i, t in enumerate(tokens) if t.start >= end]
    preceding = [i for i, t in enumerate(tokens) if t.end <= offset]
    if (
        following
        and preceding
        and lowers[preceding[-1]] in words.determiners
        and tokens[following[0]].text[:1].isalpha()
        and lowers[following[0]] not in words.function_words
    ):
        return None  # "the Jan. 6 riot": the date names another event, not this clause's
    if PERIOD_END_RE.search(sentence[max(clause_start, offset - 40) : offset]):
        return None  # "between Nov. 1, 2004, and Oct. 8, 2008": the ends of a period, not an event's day
    if REPEATED_RE.search(sentence, clause_start, clause_end):
        return None  # "for a third day": one day of a recurring event, not the event's date
    event, at = _event_word(tokens, lowers, offset, end, words)
    if event is None:
        return None
    participants = _participants(every, tokens, lowers, at, clause_start, words)
    participants |= _clause_nouns(tokens, lowers, at, offset, end, words)
    return (event, participants) if participants else None


def _event_word(
    tokens: list[Token], lowers: list[str], offset: int, end: int, words: FrameWords
) -> tuple[str | None, int]:
    """The event a clause names: an event noun ("a vote on Wednesday", "hold a referendum"),
    else the verb nearest the date, before it first ("broke out on Saturday")."""
    nouns = [i for i, lower in enumerate(lowers) if lower in words.date_event_nouns]
    if nouns:
        index = min(nouns, key=lambda i: abs(tokens[i].start - offset))
        return words.date_event_nouns[lowers[index]], index
    verbs = []
    for index, token in enumerate(tokens):
        lower = lowers[index]
        if not token.text[:1].isalpha() or offset <= token.start < end or lower in AUXILIARIES:
            continue
        if lower in BE_AND_HAVE or (lower in words.reporting_verbs and lower not in words.event_verbs):
            continue
        after_auxiliary = index and lowers[index - 1] in AUXILIARIES and lower not in words.function_words
        gerund = (
            lower.endswith("ing")
            and len(lower) > 5
            and index
            and (is_verb_like(tokens[index - 1], words) or _right_before(tokens, lowers, index, offset))
        )
        if (
            lower in words.finite_verbs
            or lower in words.past_verbs
            or (lower.endswith("ed") and len(lower) > 4)
            or after_auxiliary
            or gerund  # "recommended pausing the vaccine on April 13": the pause
            or words.predicates.get(lower)
        ):
            verbs.append(index)
    if not verbs:
        return None, -1

    def rank(index: int) -> tuple[bool, bool, int]:
        # A verb before a predicate noun ("announced the job cuts"), before the date first.
        lower = lowers[index]
        noun_like = (
            lower not in words.finite_verbs
            and lower not in words.past_verbs
            and not (lower.endswith(("ed", "ing")) or (index and lowers[index - 1] in AUXILIARIES))
        )
        return noun_like, tokens[index].start > offset, abs(tokens[index].start - offset)

    verb = min(verbs, key=rank)
    for parts, name in words.predicate_phrases.get(lowers[verb], ()):
        if tuple(lowers[verb : verb + len(parts)]) == parts:
            return name, verb
    found = words.predicates.get(lowers[verb]) or words.predicate_stems.get(stem(lowers[verb]))
    return found or noun_of(lowers[verb]), verb


def _right_before(tokens: list[Token], lowers: list[str], index: int, offset: int) -> bool:
    """The word stands right before the date, or before its preposition ("with
    pre-registration starting on April 29th"): the date is that happening's."""
    if tokens[index].end > offset:
        return False
    following = [i for i in range(index + 1, len(tokens)) if tokens[i].start < offset]
    return not following or (len(following) == 1 and lowers[following[0]] in ("on", "at", "from"))


def _clause_nouns(
    tokens: list[Token], lowers: list[str], at: int, offset: int, end: int, words: FrameWords
) -> frozenset[str]:
    """The clause's other content words: what the event is about ("the final vote on the
    budget"), beside who does it."""
    date_words = lexicon().date_words
    found = set()
    for index, token in enumerate(tokens):
        lower = lowers[index]
        if index == at or offset <= token.start < end or not token.text[:1].isalpha():
            continue
        if lower in words.function_words or lower in words.determiners or lower in date_words:
            continue
        if lower in words.reporting_subjects or lower in words.reporting_verbs or is_verb_like(token, words):
            continue
        if lower in words.date_event_nouns or lower in AUXILIARIES or lower in words.generic_scopes:
            continue
        found.add(noun_of(lower))
    return frozenset(found)


def _participants(
    every: Sequence[Token],
    tokens: list[Token],
    lowers: list[str],
    at: int,
    clause_start: int,
    words: FrameWords,
) -> frozenset[str]:
    """The content words of the event's subject: the noun phrase before its verb, or for a
    relative clause ("the blaze, which started ...") the noun phrase it hangs from."""
    span = [i for i in range(at) if tokens[i].text[:1].isalpha()]
    if lowers and lowers[0] in words.relative_pronouns | {"that"}:
        previous = [t for t in every if t.end <= clause_start]
        return _phrase_words(previous[-8:], words, from_end=True)
    verbs = [i for i in span if is_verb_like(tokens[i], words) or lowers[i] in words.finite_verbs]
    span = [i for i in span if not verbs or i > verbs[-1] or i < verbs[0]]
    if verbs:
        span = [i for i in span if i < verbs[0]] or [i for i in span if i > verbs[-1]]
    return _phrase_words([tokens[i] for i in span], words, from_end=False, whole=True)


def _phrase_words(
    tokens: list[Token], words: FrameWords, from_end: bool, whole: bool = False
) -> frozenset[str]:
    """Content words of a noun phrase, up to its first preposition or participle (or, read
    from the end, back to the start of the phrase); `whole` keeps prepositional objects too
    ("Voters in Lunaria" -> voter, lunaria)."""
    found: list[str] = []
    sequence = list(reversed(tokens)) if from_end else tokens
    for token in sequence:
        lower = token.lower.removesuffix("'s")
        if not token.text[:1].isalpha():
            if found:
                break
            continue
        if lower in words.determiners:
            if from_end and found:
                break
            continue
        if lower in words.function_words or (lower.endswith("ing") and found) or is_verb_like(token, words):
            if found and not (whole and lower in words.function_words):
                break
            continue
        if lower in words.reporting_subjects:
            continue
        found.append(noun_of(lower))
    return frozenset(found)
