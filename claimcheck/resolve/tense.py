"""Tense: which way an underspecified date points, read from the words nearest it.

A future cue ("will", "is due to", "scheduled") puts a weekday or a month without a
year ahead of the publication date; a past verb puts it behind (rules/lexicon/temporal.yaml
lists the cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.temporal_patterns import LEXICON
from claimcheck.spans import Sentence


def _phrases(cues: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Multi-word cues by their first word ("set" -> [("set", "to"), ("set", "for")])."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        if " " in cue:
            table.setdefault(cue.split()[0], []).append(tuple(cue.split()))
    return table


FUTURE_WORDS = {cue for cue in LEXICON["future_cues"] if " " not in cue}
FUTURE_PHRASES = _phrases(LEXICON["future_cues"])
PAST_WORDS = {cue for cue in LEXICON["past_cues"] if " " not in cue}
PAST_PHRASES = _phrases(LEXICON["past_cues"])
NOT_PAST_ED = set(LEXICON["not_past_ed"])
PRESENT_WORDS = set(LEXICON["present_cues"])
PRESENT_WINDOW: int = LEXICON["present_window"]
DEADLINE_PREPOSITIONS = set(LEXICON["deadline_prepositions"])
FUTURE_AUXILIARIES = set(LEXICON["future_auxiliaries"])
LEFT_WINDOW = 14
RIGHT_WINDOW = 8
RIGHT_NEAR = 2
"""A verb after a mid-sentence expression governs it only this close ("on Friday announced")."""
FRONTED_TOKENS = 4
"""An expression within the first tokens of a sentence ("On Friday, ...") reads the clause after it."""

# Words, clause punctuation, and sentence ends (a period before a capital): a
# "sentence" handed in may be a whole paragraph, and tense never crosses a sentence.
TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'(?:ll|d)\b|[;:,!?\"“”]|[.](?=\s+[\"“]?[A-Z])|\d[\d,.:]*")


@dataclass(slots=True)
class Tense:
    direction: str | None
    """"future", "past" or None (no cue)."""
    cue: str | None = None
    reason: str | None = None
    """How the cue decides, when not by its own tense ("scheduled present", "deadline")."""

    def describe(self) -> str:
        if self.direction is None:
            return "no tense cue"
        return f"{self.reason or self.direction + ' tense'} ('{self.cue}')"


NO_TENSE = Tense(None)


class SentenceTokens:
    """Tokens of one sentence, read lazily for tense."""

    __slots__ = ("_tokens", "_words", "last_tense", "sentence", "text")

    def __init__(self, text: str, sentence: Sentence) -> None:
        self.text = text
        self.sentence = sentence
        self._tokens: list[tuple[int, int, str]] | None = None
        self._words: list[str] | None = None
        self.last_tense: Tense | None = None

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = [token[2] for token in self.tokens]
        return self._words

    @property
    def tokens(self) -> list[tuple[int, int, str]]:
        if self._tokens is None:
            self._tokens = [
                (match.start(), match.end(), match.group().lower())
                for match in TOKEN_RE.finditer(self.text, self.sentence.start, self.sentence.end)
            ]
        return self._tokens

    def tense(self, start: int, end: int) -> Tense:
        tokens = self.tokens
        first = next((i for i, token in enumerate(tokens) if token[1] > start), len(tokens))
        last = next((i for i, token in enumerate(tokens) if token[0] >= end), len(tokens))
        left = self._scan(range(first - 1, max(-1, first - 1 - LEFT_WINDOW), -1), stop=";:.!?")
        sentence_start = next((i + 1 for i in range(first - 1, -1, -1) if tokens[i][2] in (".", "!", "?")), 0)
        fronted = first - sentence_start < FRONTED_TOKENS
        right = self._scan(
            range(last, min(len(tokens), last + RIGHT_WINDOW)), stop=";:.!?" if fronted else ";:.!?,"
        )
        candidates = []
        if left is not None:
            candidates.append((first - left[0], 0, left[1]))
        # An adverbial modifies the verb before it ("said Friday", "will double by August")
        # unless it is fronted or the verb follows at once ("the FAA on Friday announced").
        if right is not None and (fronted or left is None or right[0] - last < RIGHT_NEAR):
            candidates.append((right[0] - last + 1, 1, right[1]))
        # A scheduled present just before the expression ("votes Thursday", "is on Monday").
        # ("will meet in June" keeps 'will' as its evidence.)
        if left is None or left[1].direction != "future":
            for index in range(first - 1, max(sentence_start, first - PRESENT_WINDOW) - 1, -1):
                if tokens[index][2] in PRESENT_WORDS:
                    cue = Tense("future", tokens[index][2], "scheduled present")
                    candidates.append((first - index, 2, cue))
                    break
        if candidates:
            self.last_tense = min(candidates, key=lambda item: (item[0], item[1]))[2]
            return self.last_tense
        if first > 0 and tokens[first - 1][2] in DEADLINE_PREPOSITIONS:
            return Tense("future", tokens[first - 1][2], "deadline")
        if self.last_tense is not None:
            # "would leave on Monday from March 30, ... from August 6": one clause, one tense.
            return Tense(self.last_tense.direction, self.last_tense.cue, "the tense of the date before")
        return NO_TENSE

    def _scan(self, indexes: range, stop: str) -> tuple[int, Tense] | None:
        tokens = self.tokens
        for index in indexes:
            word = tokens[index][2]
            if word in stop or word in '"“”':
                return None
            cue = self._cue(index)
            if cue is not None:
                return index, cue
        return None

    def _cue(self, index: int) -> Tense | None:
        words = self.words
        word = words[index]
        for phrase in FUTURE_PHRASES.get(word, ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return Tense("future", " ".join(phrase))
        if word in FUTURE_WORDS:
            return Tense("future", word)
        for phrase in PAST_PHRASES.get(word, ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return Tense("past", " ".join(phrase))
        past = word in PAST_WORDS or (word.endswith("ed") and len(word) > 4 and word not in NOT_PAST_ED)
        if not past:
            return None
        before = words[max(0, index - 3) : index]
        # "would be delivered", "is to be published": a participle in a future verb group.
        auxiliary = next((aux for aux in before if aux in FUTURE_AUXILIARIES), None)
        if auxiliary is not None:
            return Tense("future", " ".join(words[before.index(auxiliary) + index - len(before) : index + 1]))
        if before[-2:] == ["to", "be"]:
            return Tense("future", f"to be {word}")
        return Tense("past", word)
