"""Claim frames: which question a figure answers, read from the clause it sits in.

Two figures are the same claim when they answer the same question: how many of
what, did what, where, when, as fact or as forecast. A frame holds the parts:

- `head`: the counted thing ("312 people", "a toll of 312" -> people; "dockworkers"
  -> worker, with "dock" kept as `modifier`), or what a money, percent or duration
  figure measures ("a budget of $2.3bn", "an 8% pay rise", "shares rose 8%");
- `predicate`: what happened to it, a concept of rules/lexicon/concepts.yaml, read
  only from the figure's own clause (a sentence is split at ; : dashes, relative
  pronouns, subordinators, and "and"/"but" before a finite verb);
- `scope`: a place, body or subset attached to the figure ("at the supplier", "in
  the county", "among children"); `when`: a year or month attached to it ("in 2019");
- `modality`: actual, forecast (could, is expected to), target (aims to), proposal
  (wants, offered, proposed), cumulative (so far, has risen to); `revision`: "current"
  for the figure a revision gives ("revised up to 48"), "earlier" for the one it
  replaces ("up from 36"); `negated` for "not 300";
- `attribution`: who says it ("police said", "according to the ministry"), evidence only.

`explicit_parts` counts what the wording states rather than what a default filled
in: comparisons and their confidence rest on it. Word lists are rules/lexicon/frames.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.figures import POSSESSIVE_RE
from claimcheck.extract.words import concept, lexicon, stem
from claimcheck.groups.clauses import (
    AUXILIARIES,
    Token,
    clause_bounds,
    figure_window,
    is_verb_like,
    names_concept,
    noun_of,
    predicate_at,
    subject_head,
    tokens_of,
)
from claimcheck.groups.frame_words import FrameWords, frame_words
from claimcheck.groups.quantities import not_a_quantity_reason
from claimcheck.models import Claim

YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Frame:
    head: str | None = None
    modifier: str | None = None
    predicate: str | None = None
    scope: str | None = None
    when: str | None = None
    modality: str = "actual"
    revision: str | None = None
    negated: bool = False
    attribution: str | None = None
    head_explicit: bool = False
    """A specific counted or measured thing ("workers", "the budget"); "people" is not."""
    head_stated: bool = False
    """The wording names what is counted, specific or not ("32 people"; not "a toll of 32")."""
    predicate_explicit: bool = False
    agent: str | None = None
    """Who or what did it, when the figure is the verb's object ("the quake killed 312",
    "the plant employs 9,300"): two agents, two claims."""
    direction: str | None = None
    """Up or down, when a change noun says it ("a 28 percent drop")."""
    side: int | None = None
    """The place in a tally the extractor read ("30 votes to 12": for is 0, against 1)."""
    proposer: str | None = None
    """For a forecast, target or proposal: who makes it (the union's demand is not the
    company's offer)."""
    not_a_quantity: str | None = None
    """Why the figure answers no "how many" question ("65 and older" is an age limit)."""
    clause: tuple[int, int] = (0, 0)
    """The clause's span in the article body."""
    degree: str | None = None
    """An adverb of degree on what happened ("30 people seriously injured"): a count of
    that subset, which agrees with a larger total and cannot contradict it."""
    other_set: bool = False
    """The wording counts another set than the story's ("four other people died")."""
    named_object: str | None = None
    """What a sum is the price of, when a name says it ("the $19 billion purchase of
    Compaq"): two names, two sums."""

    @property
    def explicit_parts(self) -> int:
        return int(self.head_explicit or self.head_stated) + int(self.predicate_explicit)

    @property
    def modality_class(self) -> str:
        """Actual figures, estimates and running totals compare; a forecast compares only
        with forecasts (of the same proposer)."""
        if self.modality in ("actual", "cumulative"):
            return "actual"
        if self.modality == "forecast":
            return "forecast"
        return f"{self.modality}:{self.proposer or ''}"


def lemma_of(noun: str) -> str:
    """A plural counted noun in its singular ("cases" -> case), as the extractor gives it."""
    from claimcheck.extract.numeric_lexicon import lemma

    return lemma(noun)


def _split_compound(noun: str, words: FrameWords) -> tuple[str, str | None]:
    """ "dockworkers" -> ("worker", "dock"); "dock worker" -> ("worker", "dock")."""
    parts = noun.lower().split()
    if len(parts) > 1:
        return parts[-1], " ".join(parts[:-1])
    for head in words.compound_heads:
        if noun.endswith(head) and len(noun) - len(head) >= 3:
            return head, noun[: -len(head)].rstrip("-")
    return noun, None


def read_frame(claim: Claim, rules_dir: str | None = None) -> Frame:
    """The frame of a numeric claim, from the words of its own clause."""
    words = frame_words(rules_dir)
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    if not 0 <= offset <= len(sentence):
        offset = 0
    end = offset + (claim.end - claim.start)
    sentence, base = figure_window(sentence, offset, end)
    offset, end = offset - base, end - base
    clause_start, clause_end = clause_bounds(sentence, offset, end, words)
    tokens = [t for t in tokens_of(sentence) if clause_start <= t.start and t.end <= clause_end]
    lowers = [t.lower for t in tokens]
    before = [i for i, t in enumerate(tokens) if t.end <= offset]
    after = [i for i, t in enumerate(tokens) if t.start >= end]
    tail = sentence[end:clause_end].lower()
    head_text = sentence[max(0, offset - 40) : offset].lower()

    not_a_quantity = not_a_quantity_reason(claim, sentence, offset, end, words)
    head, head_explicit, modifier, head_end = _head(
        claim, tokens, lowers, before, after, sentence, end, words
    )
    predicate, predicate_explicit = _predicate(tokens, lowers, before, after, head_end, words)
    side = TALLY_SIDES.get(claim.predicate or "")
    if side is not None:
        # "by 30 votes to 12": the extractor names each side of the tally.
        predicate, predicate_explicit = "voted", True
    stated = concept(claim.predicate) if claim.predicate and side is None else None
    if (
        stated
        and stated != predicate
        and any(names_concept(lowers, index, stated, words) for index in range(len(lowers)))
    ):
        # The extractor's reading, when a word of this clause says it ("Rescuers brought 24 out").
        predicate, predicate_explicit = stated, True
    acted_on = bool(before) and predicate is not None and predicate_at(lowers, before[-1], words) == predicate
    if claim.kind == "count" and claim.unit and claim.unit.lower() in words.event_nouns and not acted_on:
        # "278 survivors", "12 evacuees": the counted noun says what happened to people.
        head, head_explicit, predicate, predicate_explicit = (
            "person",
            False,
            words.event_nouns[claim.unit.lower()],
            True,
        )
    if claim.kind == "count" and head is None and predicate is not None:
        head = "person"  # "312 were killed", "a toll of 312": people by default
    modality, proposer = _modality(lowers, before, after, tokens, words)
    revision = None
    if any(head_text.rstrip().endswith(phrase) for phrase in words.revision_current):
        revision = "current"
    elif any(head_text.rstrip().endswith(phrase) for phrase in words.revision_earlier) or any(
        lowers[index] in words.earlier_markers for index in before
    ):
        revision = "earlier"
    if modality == "actual" and any(
        phrase in f" {head_text} {tail[:30]} " for phrase in _spaced(words.cumulative_phrases)
    ):
        modality = "cumulative"
    negated = any(lowers[i] in words.negations for i in before[-3:])
    scope = _scope(tokens, lowers, before, after, head_end, words, count=claim.kind == "count")
    named_object = None
    if claim.kind == "money" and head_explicit and head_end < len(tokens) and lowers[head_end] == "of":
        name, _end = _name_at(tokens, lowers, head_end + 1, words)
        if name and name[0] not in words.time_names:
            named_object = " ".join(stem(word) for word in name)
    degree = _degree(lowers, before, after, predicate, words) if claim.kind == "count" and predicate else None
    when = _when(lowers, after, words, sentence, clause_start)
    attribution = _attribution(sentence, words)
    agent = None
    if claim.kind == "count" and predicate in words.agent_predicates and acted_on:
        agent = _agent(tokens, lowers, before, words)  # "the quake killed 312": its subject
    return Frame(
        head=concept(head) if head else None,
        modifier=modifier,
        predicate=predicate,
        scope=scope,
        when=when,
        modality=modality,
        revision=revision,
        negated=negated,
        attribution=attribution,
        head_explicit=head_explicit,
        head_stated=head_explicit or (claim.kind == "count" and bool(claim.unit)),
        predicate_explicit=predicate_explicit,
        agent=agent,
        side=side,
        direction=_change_direction(tokens, lowers, after, sentence, end, words),
        proposer=proposer,
        not_a_quantity=not_a_quantity,
        degree=degree,
        other_set=claim.kind in ("count", "money") and _other_set(lowers, before, after, words),
        named_object=named_object,
        clause=(claim.sentence_start + base + clause_start, claim.sentence_start + base + clause_end),
    )


TALLY_SIDES = {"for": 0, "against": 1}
"""The extractor's predicates for the two sides of a vote tally."""


def _spaced(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {phrase} " for phrase in phrases)


def _head(
    claim: Claim,
    tokens: list[Token],
    lowers: list[str],
    before: list[int],
    after: list[int],
    sentence: str,
    end: int,
    words: FrameWords,
) -> tuple[str | None, bool, str | None, int]:
    """(head, explicit, modifier, index after the head noun phrase)."""
    next_index = after[0] if after else len(tokens)
    if claim.kind == "count":
        unit = claim.unit
        if unit and unit.lower() in words.count_adjectives:
            # "19,455 new cases": the noun after the adjective is what is counted.
            nouns = [
                lowers[i]
                for i in after[:4]
                if tokens[i].text[:1].isalpha()
                and lowers[i] not in words.count_adjectives
                and lowers[i] not in words.function_words
            ]
            unit = nouns[0] if nouns else None
        if unit:
            head, modifier = _split_compound(lemma_of(unit.lower()), words)
            generic = head in words.generic_heads
            # Skip past the counted noun phrase.
            index = next_index
            while index < len(tokens) and index - next_index < 3 and tokens[index].text[:1].isalpha():
                if lowers[index] in words.function_words or is_verb_like(tokens[index], words):
                    break
                if index > next_index and predicate_at(lowers, index, words):
                    break  # "38 cars left the tracks": the predicate starts
                index += 1
            return ("person" if generic else head), not generic, modifier, index
        return None, False, None, next_index
    if claim.kind in ("date", "time"):
        return None, False, None, next_index
    # Money, percent, measure, duration: what the figure measures.
    # "an 8% pay rise", "a $4.5 billion deal", "a 21-day strike": a noun right after it.
    noun: list[str] = []
    index = next_index
    if index < len(tokens) and sentence[end : tokens[index].start].strip() in ("", "-"):
        while index < len(tokens) and len(noun) < 2 and tokens[index].text[:1].isalpha():
            lower = lowers[index]
            if (
                lower in words.function_words
                or lower in words.determiners
                or is_verb_like(tokens[index], words)
            ):
                break
            noun.append(lower)
            index += 1
    if noun:
        if noun[-1] in words.change_nouns and index < len(tokens) and lowers[index] == "in":
            # "a 28 percent drop in net profit": what changed follows "in".
            changed = subject_head(tokens, lowers, list(range(index + 1, min(len(tokens), index + 5))), words)
            if changed:
                return noun_of(changed), True, None, index
        return noun_of(noun[-1]), True, " ".join(noun[:-1]) or None, index
    # "12 percent of Brightwell", "54% of men": what it is a share of.
    if claim.kind == "percent" and next_index < len(tokens) and lowers[next_index] == "of":
        rest: list[str] = []
        index = next_index + 1
        while index < min(len(tokens), next_index + 4) and tokens[index].text[:1].isalpha():
            if lowers[index] in words.function_words:
                break  # "of traffic to India": the phrase after it may scope the share
            if lowers[index] not in words.determiners:
                rest.append(lowers[index])
            index += 1
        if rest:
            return noun_of(rest[0]), True, None, index
    # "a budget of $2.3bn", "a pay rise of 8%", "a stake of 12%".
    if before and lowers[before[-1]] == "of" and len(before) > 1:
        candidate = tokens[before[-2]]
        if candidate.text[:1].isalpha() and candidate.lower not in words.function_words:
            return noun_of(candidate.lower), True, None, next_index
    # "shares rose 8%", "the strike has cost the economy $2.3bn", "the operation lasted one
    # day": the head of the clause's subject, between the verb and the verb before it.
    verbs = [i for i in before if is_verb_like(tokens[i], words) or lowers[i] in words.finite_verbs]
    if verbs:
        verb = verbs[-1]
        while verb - 1 in verbs:
            verb -= 1  # the first word of the verb group ("will cost" -> will)
        earlier = [i for i in verbs if i < verb]
        span = [i for i in before if (earlier[-1] if earlier else -1) < i < verb]
        subject = subject_head(tokens, lowers, span, words)
        if subject and subject not in words.generic_heads:  # "One of the cables is 40,000 km long"
            return noun_of(subject), True, None, next_index
    return None, False, None, next_index


def _predicate(
    tokens: list[Token],
    lowers: list[str],
    before: list[int],
    after: list[int],
    head_end: int,
    words: FrameWords,
) -> tuple[str | None, bool]:
    """What happened, from the figure's own clause: right before it ("killed 40"), then
    after its noun phrase ("40 were killed"), then before it ("the death toll rose to 312")."""
    if before:
        found = predicate_at(lowers, before[-1], words)
        if found:
            return found, True
    for index in range(head_end, len(tokens)):
        if lowers[index] in words.event_nouns:
            continue  # "ships waiting during the strike": an event noun after it is a setting
        found = predicate_at(lowers, index, words)
        if found:
            return found, True
    # Before it, a verb says what happened more surely than an event noun ("the number of
    # people treated since the derailment has risen to 64": treated, not derailed).
    nouns = [index for index in reversed(before) if lowers[index] in words.event_nouns]
    for index in [*[i for i in reversed(before) if i not in nouns], *nouns]:
        found = predicate_at(lowers, index, words)
        if found:
            return found, True
    return None, False


def _degree(
    lowers: list[str], before: list[int], after: list[int], predicate: str, words: FrameWords
) -> str | None:
    """An adverb of degree on what happened to the count, next to the figure ("30 people
    seriously injured", "critically wounded 5"): the count is of that subset."""
    for index in [*before[-2:], *after[:4]]:
        if (
            lowers[index] in words.degree_adverbs
            and index + 1 < len(lowers)
            and predicate_at(lowers, index + 1, words) == predicate
        ):
            return lowers[index]
    return None


def _other_set(lowers: list[str], before: list[int], after: list[int], words: FrameWords) -> bool:
    """ "four other people died", "three people also died", "two more victims", "two of the
    dead": a further set, or a part of one."""
    # After the figure only: "another 22 are still missing" (besides the dead) is the whole
    # count of the missing.
    if after and lowers[after[0]] in words.increment_words:
        return True  # "the bodies of two more victims were found": an increment, not the toll
    if after[1:] and lowers[after[0]] == "of" and lowers[after[1]] in words.determiners:
        return True  # "two of the dead were children", "$281 million of the price": a part
    return any(lowers[index] in words.other_set_words for index in after[:2]) or any(
        lowers[index] in words.other_set_after for index in after[:3]
    )


def _change_direction(
    tokens: list[Token], lowers: list[str], after: list[int], sentence: str, end: int, words: FrameWords
) -> str | None:
    """ "a 28 percent drop", "a 6% rise": the change noun right after the figure."""
    if after and sentence[end : tokens[after[0]].start].strip() in ("", "-"):
        return words.change_nouns.get(lowers[after[0]])
    return None


def _agent(tokens: list[Token], lowers: list[str], before: list[int], words: FrameWords) -> str | None:
    """The subject of the verb right before the figure ("the quake killed 312" -> quake)."""
    if not before:
        return None
    verb = before[-1]
    while verb - 1 in before and (lowers[verb - 1] in AUXILIARIES or lowers[verb - 1] in words.finite_verbs):
        verb -= 1
    span = [index for index in before if index < verb]
    earlier = [index for index in span if is_verb_like(tokens[index], words)]
    if lowers[before[-1]].endswith("ing") and earlier:
        # A participle's doer is its clause's subject ("640 companies supply Korvath,
        # employing 25,000 people"): the phrase before the clause's first verb.
        span = [index for index in span if index < earlier[0]]
    else:
        span = [index for index in span if not earlier or index > earlier[-1]]
    head = subject_head(tokens, lowers, span, words)
    if head is None or head in words.reporting_subjects or head in lexicon().date_words:
        return None
    return noun_of(head)


def _modality(
    lowers: list[str], before: list[int], after: list[int], tokens: list[Token], words: FrameWords
) -> tuple[str, str | None]:
    """(modality, proposer): the nearest cue before the figure in its clause."""
    near = " " + " ".join(lowers[index] for index in before) + " "
    for phrase, kind in words.modality_phrases.items():
        if f" {phrase} " in near:
            return kind, _proposer(tokens, lowers, before, words)
    for index in reversed(before):
        cue = words.modality.get(lowers[index])
        if cue:
            return cue, _proposer(tokens, lowers, before[: before.index(index)], words)
    return "actual", None


def _proposer(tokens: list[Token], lowers: list[str], before: list[int], words: FrameWords) -> str | None:
    for index in reversed(before):
        token = tokens[index]
        if (
            token.text[:1].isalpha()
            and lowers[index] not in words.function_words
            and lowers[index] not in words.determiners
            and lowers[index] not in lexicon().date_words
            and not is_verb_like(token, words)
        ):
            return stem(lowers[index])
    return None


def _scope(
    tokens: list[Token],
    lowers: list[str],
    before: list[int],
    after: list[int],
    head_end: int,
    words: FrameWords,
    count: bool = False,
) -> str | None:
    """A place, body or subset attached to the figure: a prepositional phrase after its noun
    phrase ("1,500 workers at the supplier", for a count also "3,400 residents of the Quay
    district"), or fronted ("In the county, ...")."""
    # Right after the counted noun phrase, or after the verb group that follows it
    # ("300 homes were destroyed in the county"); or fronted at the clause's start.
    start = head_end
    while (
        start < len(tokens)
        and start - head_end < 4
        and (
            is_verb_like(tokens[start], words)
            or lowers[start] in AUXILIARIES
            or lowers[start] in ("been", "be")
        )
    ):
        start += 1
    candidates = [start] if start < len(tokens) else []
    if before and before[0] == 0 and lowers[0] in words.scope_prepositions:
        candidates.insert(0, 0)
    if before and lowers[before[0]] == "among":
        # "Among the derailed cars were 11 tank cars": a part of a set, however the story
        # words it; the mark keeps the setting from dropping it.
        candidates.insert(0, before[0])
    for index in candidates:
        definite_of = (
            count
            and index == start
            and lowers[index] == "of"
            and index + 1 < len(tokens)
            and (lowers[index + 1] == "the" or tokens[index + 1].text[:1].isupper())
        )  # "residents of the Quay district"; not "cargos of humanitarian aid"
        if lowers[index] not in words.scope_prepositions and not definite_of:
            continue
        phrase: list[str] = []
        for position in range(index + 1, min(len(tokens), index + 5)):
            lower = lowers[position]
            if lower in words.determiners and not phrase:
                continue
            if not tokens[position].text[:1].isalnum() or lower in words.function_words:
                break  # a number belongs to it: "in 14 countries" is not "in the province"
            if YEAR_RE.match(lower) or lower in words.time_prepositions:
                break
            if phrase and is_verb_like(tokens[position], words):
                break  # "the supplier walked out": the phrase ends at its verb
            phrase.append(lower)
        if phrase and not any(word in words.generic_scopes for word in phrase):
            mark = "among:" if lowers[index] == "among" else ""
            return mark + " ".join(stem(word) for word in phrase)
    if head_end < len(tokens) and lowers[head_end] in words.name_scope_prepositions:
        name, _end = _name_at(tokens, lowers, head_end + 1, words)
        if name and name[0] not in words.time_names:
            return " ".join(stem(word) for word in name)  # "65% of traffic to India"
    return _named_place(tokens, lowers, words)


def _name_at(
    tokens: list[Token], lowers: list[str], position: int, words: FrameWords
) -> tuple[list[str], int]:
    """The words of the capitalised name at `position`, after a determiner ("the Middle
    East", "Valdoria's"), and the position after it."""
    if position < len(tokens) and lowers[position] in words.determiners:
        position += 1
    name: list[str] = []
    while position < len(tokens) and tokens[position].text[:1].isupper() and len(name) < 4:
        name.append(POSSESSIVE_RE.sub("", lowers[position]))  # "Valdoria's Sarnet province"
        position += 1
    return name, position


PLACE_MODIFIERS = 1
"""Lower-case words allowed between a place's name and its noun ("Bureij refugee camp")."""


def _named_place(tokens: list[Token], lowers: list[str], words: FrameWords) -> str | None:
    """A named place anywhere in the clause, as a scope ("bener meriah district")."""
    found = named_place(tokens, lowers, words)
    return " ".join(stem(word) for word in [*found[0], found[1]]) if found else None


def named_place(tokens: list[Token], lowers: list[str], words: FrameWords) -> tuple[list[str], str] | None:
    """The first named place of a clause ("70 others were injured by a landslide in Bener
    Meriah district"): a scope preposition, a name in capitals, a place noun; as (the
    name's words, the noun)."""
    for index, lower in enumerate(lowers):
        if lower not in words.scope_prepositions or lower == "among":
            continue
        name, position = _name_at(tokens, lowers, index + 1, words)
        modifiers = 0
        while (
            name
            and position < len(tokens)
            and lowers[position] not in words.place_nouns
            and tokens[position].text[:1].isalpha()
            and modifiers < PLACE_MODIFIERS
        ):
            modifiers += 1
            position += 1
        if name and position < len(tokens) and lowers[position] in words.place_nouns:
            return name, lowers[position]
    return None


LEAD_YEAR_RE = re.compile(r"\b((?:1[89]|20)\d\d),?\s*$")
"""A year right before a "when" clause: "came in 2019, when a derailment killed 12"."""


def _when(
    lowers: list[str], after: list[int], words: FrameWords, sentence: str, clause_start: int
) -> str | None:
    """A year attached to the figure by a preposition in its clause, before it ("In 2019,
    ...") or after it with no comma between ("killed in 2019"; not "..., its highest level
    since records began in 1911"), or the year a "when" clause hangs from ("in 1998, when
    213 people were killed")."""
    first_after = after[0] if after else len(lowers)
    for index, lower in enumerate(lowers):
        if not (YEAR_RE.match(lower) and index and lowers[index - 1] in words.time_prepositions):
            continue
        if index < first_after or "," not in lowers[first_after:index]:
            return lower
    if lowers and lowers[0] == "when":
        lead = LEAD_YEAR_RE.search(sentence, 0, clause_start)
        if lead:
            return lead.group(1)
    if lowers and lowers[0] in ("and", "but") and clause_start > 0:
        # "in 2019, when a derailment killed 12 people and forced 3,000 from their homes":
        # a coordinated clause shares the year of the clause it continues.
        start, _end = clause_bounds(sentence, clause_start - 1, clause_start - 1, words)
        previous = [t.lower for t in tokens_of(sentence) if start <= t.start and t.end <= clause_start]
        return _when(previous, [], words, sentence, start)
    return None


def _attribution(sentence: str, words: FrameWords) -> str | None:
    match = re.search(r"\baccording to (?:the |a )?([A-Za-z][\w'’-]*(?: [A-Z][\w'’-]*)*)", sentence)
    if match:
        return match.group(1).lower()
    match = re.search(r"([A-Za-z][\w'’-]*)\s+(?:said|says|told|reported|estimated|announced)\b", sentence)
    if match and match.group(1).lower() not in words.function_words:
        return match.group(1).lower()
    return None
