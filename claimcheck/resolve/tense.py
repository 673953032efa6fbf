"""Tense: which way an underspecified date points, read from the clause it stands in.

The sentence is cut into clauses (at ; : dashes, quotes and brackets, at relative
pronouns, and at conjunctions followed by a finite verb). In the expression's clause
the verb group nearest it decides: its auxiliaries and modals ("will", "would"), its
prospective phrases ("is due to", "set to", "scheduled", "plans to") and its tense
(a past verb, "had"; a present perfect only weakly: "has agreed to pay on Friday"
is no past Friday). A preposition before the expression ("until",
"by", "beginning") points ahead unless the clause is past. When the clause has no
cue, the sentence's other clauses are read, then the tense of the date before.
rules/lexicon/temporal.yaml lists the words.
"""

from __future__ import annotations

import bisect
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
PROSPECTIVE_WORDS = set(LEXICON["prospective_cues"])
PAST_VERBS = set(LEXICON["past_verbs"])
PAST_WORDS = {cue for cue in LEXICON["past_cues"] if " " not in cue}
PAST_PHRASES = _phrases(LEXICON["past_cues"])
NOT_PAST_ED = set(LEXICON["not_past_ed"])
PRESENT_WORDS = set(LEXICON["present_cues"])
PRESENT_WINDOW: int = LEXICON["present_window"]
DEADLINE_PREPOSITIONS = set(LEXICON["deadline_prepositions"])
DEADLINE_VERBS = set(LEXICON["deadline_verbs"])
FUTURE_AUXILIARIES = set(LEXICON["future_auxiliaries"])
PERFECT_AUXILIARIES = set(LEXICON["perfect_auxiliaries"])
PAST_AUXILIARIES = set(LEXICON["past_auxiliaries"])
PRESENT_AUXILIARIES = set(LEXICON["present_auxiliaries"])
FINITE_WORDS = set(LEXICON["finite_words"]) | FUTURE_AUXILIARIES | PERFECT_AUXILIARIES
FINITE_WORDS |= PAST_AUXILIARIES | PRESENT_AUXILIARIES | PAST_VERBS
DETERMINERS = set(LEXICON["determiners"])
CLAUSE_OPENERS = set(LEXICON["clause_openers"])
CONJUNCTIONS = set(LEXICON["clause_conjunctions"])
AUXILIARY_FILLERS = set(LEXICON["auxiliary_fillers"])
INFINITIVE_VERBS = {
    form
    for verb in LEXICON["infinitive_verbs"]
    for form in (verb, verb + "s", verb + "ed", verb + "d", verb.removesuffix("e") + "ing", verb + "ing")
}
"""Forms of the verbs whose infinitive names a later event ("agreed to", "ordered him to")."""
PERFECT = "present perfect"
"""A present perfect points behind, weakly: "has agreed to pay on Friday" is no past Friday."""
FINITE_AHEAD = 6
"""A conjunction opens a clause when a finite verb follows within this many tokens."""
RIGHT_NEAR = 2
"""A verb after a mid-clause expression governs it only this close ("on Friday announced")."""
INFINITIVE_OBJECT = 4
"""Words of an object between a verb and its infinitive ("ordered the agency to")."""
FRONTED_TOKENS = 4
REACH = 200
"""Tokens a search for a tense cue looks at on either side of the expression. A news
sentence is shorter; a run-on "sentence" of thousands of words (a list without full
stops, hostile input) would otherwise be searched in full for each of its dates."""
"""An expression within the first tokens of its clause ("On Friday, ...") reads the verb after it."""

# Words, clause punctuation (AP's " _ " and " - " are dashes, `` '' quotes), and sentence
# ends (a period before a capital, not after an initial, "a.m." or an abbreviation): a
# "sentence" handed in may be a whole paragraph.
_NOT_AFTER = "".join(
    rf"(?<!\b{re.escape(word)})(?<!\b{re.escape(word.capitalize())})" for word in LEXICON["abbreviations"]
)
TOKEN_RE = re.compile(
    r"[A-Za-z]+(?:'[a-z]+)?|'(?:ll|d)\b|``|''|[;:,!?\"“”()\[\]—–]|-{2,}|(?<!\S)[-_](?!\S)"
    rf"|(?<!\b[A-Za-z]){_NOT_AFTER}[.](?=\s+[\"“`']*[A-Z])|\d+(?:[,.:]\d+)*"
)
HARD_STOPS = frozenset(';:!?."“”()[]—–') | {"``", "''"}
"""Tokens that end a clause whatever follows."""
SENTENCE_ENDS = frozenset(".!?")


def _is_stop(word: str) -> bool:
    return word in HARD_STOPS or word.startswith("--") or word in ("-", "_")


@dataclass(slots=True)
class Tense:
    direction: str | None
    """"future", "past" or None (no cue, or a cue that leaves the direction open)."""
    cue: str | None = None
    reason: str | None = None
    """How the cue decides, when not by its own tense ("scheduled present", "deadline")."""
    weak: bool = False
    """Read outside the expression's clause: the nearest occurrence of a date outweighs it."""

    def describe(self) -> str:
        if self.cue is None:
            return "no tense cue"
        if self.direction is None:
            return f"{self.reason} ('{self.cue}'), no direction"
        return f"{self.reason or self.direction + ' tense'} ('{self.cue}')"


NO_TENSE = Tense(None)


class SentenceTokens:
    """Tokens and clauses of one sentence, read lazily for tense."""

    __slots__ = ("_clauses", "_cues", "_tokens", "_words", "last_tense", "sentence", "text")

    def __init__(self, text: str, sentence: Sentence) -> None:
        self.text = text
        self.sentence = sentence
        self._tokens: list[tuple[int, int, str]] | None = None
        self._words: list[str] | None = None
        self._clauses: list[int] | None = None
        self._cues: dict[tuple[int, bool], Tense | None] = {}
        """Each token's cue, read once: the dates of one sentence scan the same tokens."""
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

    @property
    def clause_starts(self) -> list[int]:
        """Index of the clause each token belongs to, as the index of the clause's first token."""
        if self._clauses is None:
            words = self.words
            starts = []
            start = 0
            for index, word in enumerate(words):
                if _is_stop(word):
                    start = index + 1
                elif index > start and (
                    word in CLAUSE_OPENERS or (word in CONJUNCTIONS and self._finite_ahead(index))
                ):
                    start = index
                starts.append(start)
            self._clauses = starts
        return self._clauses

    def _finite_ahead(self, index: int) -> bool:
        words = self.words
        for ahead in range(index + 1, min(len(words), index + 1 + FINITE_AHEAD)):
            word = words[ahead]
            # "as soon as Tuesday, Castro said": a comma ends the look (but "and, on Friday, ...").
            if (
                _is_stop(word)
                or word in CLAUSE_OPENERS
                or word in CONJUNCTIONS
                or (word == "," and ahead > index + 1)
            ):
                return False
            if word in FINITE_WORDS or self._past_ed(ahead):
                return True
        return False

    def _past_ed(self, index: int) -> bool:
        """A regular past form ("killed"), not an adjective after a determiner ("the affected area")."""
        word = self.words[index]
        if not (word.endswith("ed") and len(word) > 4 and word not in NOT_PAST_ED):
            return False
        return index == 0 or self.words[index - 1] not in DETERMINERS

    def tense(self, start: int, end: int) -> Tense:
        tokens = self.tokens
        # Tokens are in order and do not overlap: ends and starts are sorted.
        first = bisect.bisect_right(tokens, start, key=lambda token: token[1])
        last = bisect.bisect_left(tokens, end, key=lambda token: token[0])
        starts = self.clause_starts
        clause_start = starts[first] if first < len(starts) else (starts[-1] if starts else 0)
        # Clause starts never decrease: the clause ends where a later one begins.
        clause_end = bisect.bisect_right(starts, clause_start, lo=min(last, len(starts)))
        if last < len(tokens) and _is_stop(self.words[last]):
            clause_end = last
        fronted = first - clause_start < FRONTED_TOKENS
        left = self._scan(range(first - 1, max(clause_start, first - REACH) - 1, -1))
        right = self._scan(range(last, min(clause_end, last + REACH)), stop_at_comma=not fronted)
        verb: tuple[int, Tense] | None = None
        if right is not None and left is not None and (right[1].cue or "").startswith("to "):
            right = None  # "rose 3% Tuesday to close at $41": an infinitive after it governs nothing
        # An adverbial modifies the verb before it ("said Friday", "will double by August")
        # unless it is fronted or the verb follows at once ("the FAA on Friday announced").
        if right is not None and (fronted or left is None or right[0] - last < RIGHT_NEAR):
            verb = (right[0] - last + 1, right[1])
            if (
                fronted
                and right[1].reason == "prospective"
                and (right[1].cue or "").endswith("ed")  # "could attack" stays open
                and self.words[right[0] - 1] not in PRESENT_AUXILIARIES
            ):
                # "On Friday, the ministry proposed a budget" / "planned to pay": the fronted day
                # is when the proposing or planning happened, not what was planned.
                verb = (verb[0], Tense("past", right[1].cue, "a fronted day's past verb"))
        if left is not None and (verb is None or first - left[0] <= verb[0]):
            verb = (first - left[0], left[1])
        found = verb[1] if verb is not None else None
        # A scheduled present just before the expression ("votes Thursday", "is on Monday").
        # ("will meet in June" keeps 'will' as its evidence.)
        if found is None or found.direction != "future":
            present = self._scheduled_present(first, clause_start)
            if present is not None and (verb is None or present[0] < verb[0]):
                found = present[1]
        preposition = self.words[first - 1] if first > 0 else ""
        if preposition in DEADLINE_PREPOSITIONS and (
            found is None
            or found.direction != "past"
            or found.cue in DEADLINE_VERBS
            or found.reason == PERFECT
        ):
            found = Tense("future", preposition, "deadline")
        if found is None:
            found = self._elsewhere(first, clause_start, clause_end)
        if found is not None:
            self.last_tense = found
            return found
        if self.last_tense is not None and self.last_tense.direction is not None:
            # "would leave on Monday from March 30, ... from August 6": one clause, one tense.
            return Tense(
                self.last_tense.direction, self.last_tense.cue, "the tense of the date before", weak=True
            )
        return NO_TENSE

    def _scheduled_present(self, first: int, clause_start: int) -> tuple[int, Tense] | None:
        words = self.words
        for index in range(first - 1, max(clause_start, first - PRESENT_WINDOW) - 1, -1):
            # "stayed open until Tuesday": after a verb, "open" is its complement; "the end of": a noun.
            if words[index] in PRESENT_WORDS and not (
                index > 0 and (self._cue(index - 1) is not None or words[index - 1] in DETERMINERS)
            ):
                return first - index, Tense("future", words[index], "scheduled present")
        return None

    def _elsewhere(self, first: int, clause_start: int, clause_end: int) -> Tense | None:
        """The nearest directed cue of the sentence's other clauses (a date in a verbless clause)."""
        before = self._scan(range(clause_start - 1, max(0, first - REACH) - 1, -1), within_clause=False)
        after = self._scan(range(clause_end, min(len(self.tokens), first + REACH)), within_clause=False)
        candidates = [(abs(first - index), cue) for index, cue in filter(None, (before, after))]
        if not candidates:
            return None
        nearest = min(candidates, key=lambda item: item[0])[1]
        return Tense(nearest.direction, nearest.cue, nearest.reason, weak=True)

    def _scan(
        self, indexes: range, stop_at_comma: bool = False, within_clause: bool = True
    ) -> tuple[int, Tense] | None:
        """The first cue along `indexes`: within the clause any cue; across clauses, one with a direction."""
        words = self.words
        for index in indexes:
            word = words[index]
            if word in SENTENCE_ENDS or (
                within_clause and (_is_stop(word) or (stop_at_comma and word == ","))
            ):
                break
            key = (index, indexes.step < 0)
            cue = self._cues[key] if key in self._cues else self._cues.setdefault(key, self._cue(*key))
            if cue is not None and (within_clause or cue.direction is not None):
                return index, cue
        return None

    def _cue(self, index: int, leftward: bool = True) -> Tense | None:
        words = self.words
        word = words[index]
        for phrase in FUTURE_PHRASES.get(word, ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return Tense("future", " ".join(phrase))
        if (
            word in FUTURE_WORDS
            and (index == 0 or words[index - 1] not in DETERMINERS)
            and self._modal(index)
        ):
            return Tense("future", word)
        if word in PROSPECTIVE_WORDS:
            return Tense(None, word, "prospective")
        if word == "to" and leftward and self._infinitive(index):
            return Tense(None, f"to {words[index + 1]}", "infinitive")
        for phrase in PAST_PHRASES.get(word, ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return Tense("past", " ".join(phrase))
        if word in PAST_WORDS:
            return Tense("past", word)
        if word in PERFECT_AUXILIARIES and index + 1 < len(words):
            return self._perfect(index)
        if not (word in PAST_VERBS or self._past_ed(index)):
            return None
        return self._verb_group(index)

    def _modal(self, index: int) -> bool:
        """ "may" the modal, not "May" the month ("the bloc in May had suggested")."""
        return self.words[index] != "may" or index == 0 or not self.text[self.tokens[index][0]].isupper()

    def _infinitive(self, index: int) -> bool:
        """ "agreed to pay on Friday", "invited him to testify on Feb. 10": what the infinitive
        names lies after its verb, either way ("returned to work on Thursday" is no infinitive)."""
        words = self.words
        if index + 1 >= len(words):
            return False
        return any(word in INFINITIVE_VERBS for word in words[max(0, index - INFINITIVE_OBJECT - 1) : index])

    def _perfect(self, index: int) -> Tense | None:
        """ "has agreed", "have been closed": a present perfect, pointing behind (weakly)."""
        words = self.words
        following = words[index + 1]
        if following in PAST_VERBS or following == "been" or self._past_ed(index + 1):
            return Tense("past", f"{words[index]} {following}", PERFECT)
        return None

    def _verb_group(self, index: int) -> Tense:
        """A past form with its auxiliaries: "would be delivered" is future, "is expected" present."""
        words = self.words
        word = words[index]
        before = index - 1
        while before >= 0 and words[before] in AUXILIARY_FILLERS:
            before -= 1
        group = " ".join(words[max(before, 0) : index + 1])
        auxiliary = words[before] if before >= 0 else ""
        if (auxiliary in FUTURE_AUXILIARIES and self._modal(before)) or (
            auxiliary == "to" and words[before + 1 : before + 2] == ["be"]
        ):
            return Tense("future", group)
        if auxiliary == "to":
            return Tense(None, group, "infinitive")
        if auxiliary in PERFECT_AUXILIARIES:
            return Tense("past", group, PERFECT)
        if auxiliary in PRESENT_AUXILIARIES:
            return Tense("future", group, "scheduled present")
        return Tense("past", word)
