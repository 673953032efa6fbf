"""Event frames of dates: what happened on the day a date names, and to whom.

    read_event(claim) -> Event(name, participants, places, names) | None

Two dates are of one event when the same thing happened to participants both wordings
share ("Korvath Motors announced on Thursday", "Korvath ... announced the cuts on
Wednesday"), and neither names another place or another person for it (two arrests of
one story, "Jamal Williams was arrested" and "Vincent Jackson was arrested"; two
bombings, "in Unity state" and "in Upper Nile state"). A date that only says when
something was said ("said on Tuesday", "told reporters Wednesday"), that labels another
event ("the Jan. 6 riot", "Friday's semifinal") or that is one day of a recurring or
longer event ("for a third day", "the trial resumes Monday") has no event frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

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
from claimcheck.groups.frames import named_place
from claimcheck.groups.quantities import not_a_quantity_reason
from claimcheck.models import Claim


class Event(NamedTuple):
    name: str
    """What happened ("arrested", "met")."""
    participants: frozenset[str]
    """Content words of who or what it happened to, and of the clause."""
    places: frozenset[str] = frozenset()
    """The words of a named place of the clause ("in Upper Nile state" -> upper, nile)."""
    names: frozenset[str] = frozenset()
    """The words of the full names its subject is ("Chargers lineman Jamal Williams")."""

    def same_as(self, other: Event) -> bool:
        """The same thing happened to participants both share, at no two named places and
        with no two sets of names."""
        if self.name != other.name or not self.participants & other.participants:
            return False
        if self.places and other.places and not self.places & other.places:
            return False
        return not (self.names and other.names and not self.names & other.names)


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
POSSESSIVE_AFTER_RE = re.compile(r"['’]s\b")
STATEMENT_REACH = 3
"""Words between a reporting verb and the date of the statement ("told news outlets Wednesday")."""


def read_event(claim: Claim, rules_dir: str | None = None) -> Event | None:
    """What happened and who or what it happened to, in a date's clause: "the blaze, which
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
    if any(
        lowers[index] in words.reporting_verbs and lowers[index] not in words.event_verbs
        for index in before[-STATEMENT_REACH:]
    ):
        return None  # "said on Tuesday", "told news outlets Wednesday": the date of a statement
    if POSSESSIVE_AFTER_RE.match(sentence, end) or claim.text.endswith(("'s", "’s")):
        return None  # "the winner of Friday's semifinal": the date names another event
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
    if any(lower in words.resumption_words for lower in lowers):
        return None  # "the trial is scheduled to resume Monday": one day of a longer event
    event, at = _event_word(tokens, lowers, offset, end, words)
    if event is None:
        return None
    opening = [lower for lower in lowers[max(0, at - 3) : at] if lower not in words.determiners]
    if lowers[at] in words.date_event_nouns and opening[-1:] in (["during"], ["throughout"]):
        return None  # "shown to the jury on Thursday during the trial": a day within it
    subject, relative = _subject(every, tokens, lowers, at, clause_start, words)
    participants = _phrase_words(subject, words, from_end=relative, whole=not relative)
    participants |= _clause_nouns(tokens, lowers, at, offset, end, words)
    participants -= words.generic_heads  # "people attended" on two days: two gatherings
    if not participants:
        return None
    place = named_place(tokens, lowers, words)
    return Event(
        event,
        participants,
        places=frozenset(stem(word) for word in place[0]) if place else frozenset(),
        names=_full_names(subject, words),
    )


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


def _subject(
    every: Sequence[Token],
    tokens: list[Token],
    lowers: list[str],
    at: int,
    clause_start: int,
    words: FrameWords,
) -> tuple[list[Token], bool]:
    """The tokens of the event's subject, the noun phrase before its verb; for a relative
    clause ("the blaze, which started ...") the words before it, which end with the noun
    phrase it hangs from (True)."""
    span = [i for i in range(at) if tokens[i].text[:1].isalpha()]
    if lowers and lowers[0] in words.relative_pronouns | {"that"}:
        return [t for t in every if t.end <= clause_start][-8:], True
    if at > 1 and lowers[at - 1] == "," and lowers[at].endswith("ed"):
        return tokens[: at - 1][-8:], True  # "receiver Vincent Jackson, arrested Jan. 6 in ..."
    verbs = [i for i in span if is_verb_like(tokens[i], words) or lowers[i] in words.finite_verbs]
    span = [i for i in span if not verbs or i > verbs[-1] or i < verbs[0]]
    if verbs:
        span = [i for i in span if i < verbs[0]] or [i for i in span if i > verbs[-1]]
    return [tokens[i] for i in span], False


def _full_names(subject: list[Token], words: FrameWords) -> frozenset[str]:
    """The words of names of two or more capitalised words that a subject is ("Chargers
    defensive lineman Jamal Williams" -> jamal, williams); not one after a preposition
    ("the No. 2 carmaker behind Brandt Auto"). A single capitalised word may be a team, a
    nationality or a sentence's first word."""
    found: set[str] = set()
    run: list[str] = []
    after_preposition = False
    for token in [*subject, None]:
        if (
            token is not None
            and token.text[:1].isupper()
            and token.start > 0  # a sentence's first word is capitalised whatever it is
            and token.lower not in words.time_names
            and token.lower not in words.function_words
            and token.lower not in words.determiners
        ):
            run.append(token.lower.removesuffix("'s").removesuffix("’s"))
            continue
        if len(run) >= 2 and not after_preposition:
            found.update(run)
        run = []
        after_preposition = token is not None and token.lower in words.function_words
    return frozenset(found)


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
