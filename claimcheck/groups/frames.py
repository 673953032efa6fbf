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
from functools import cache

from claimcheck.errors import RuleFileError
from claimcheck.extract.words import concept, content_word, lexicon, stem
from claimcheck.models import Claim
from claimcheck.rules import load_lexicon

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d|[;:,—–()\"“”]|(?<=\s)-(?=\s)")
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


@dataclass(frozen=True)
class FrameWords:
    clause_breaks: frozenset[str]
    subordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    finite_verbs: frozenset[str]
    scope_prepositions: frozenset[str]
    time_prepositions: frozenset[str]
    generic_scopes: frozenset[str]
    determiners: frozenset[str]
    function_words: frozenset[str]
    compound_heads: tuple[str, ...]
    event_nouns: dict[str, str]
    modality: dict[str, str]
    modality_phrases: dict[str, str]
    cumulative_phrases: tuple[str, ...]
    revision_current: tuple[str, ...]
    revision_earlier: tuple[str, ...]
    earlier_markers: frozenset[str]
    negations: frozenset[str]
    thresholds: tuple[str, ...]
    period_labels: tuple[str, ...]
    rank_markers: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_subjects: frozenset[str]
    source_nouns: frozenset[str]
    event_verbs: frozenset[str]
    aspect_verbs: frozenset[str]
    agent_predicates: frozenset[str]
    past_verbs: frozenset[str]
    date_event_nouns: dict[str, str]
    generic_heads: frozenset[str]
    change_nouns: dict[str, str]
    location_words: frozenset[str]
    count_adjectives: frozenset[str]
    predicates: dict[str, str]
    predicate_stems: dict[str, str]
    """Stems of the predicate words, for inflections the lists leave out ("injuring")."""
    predicate_phrases: dict[str, list[tuple[tuple[str, ...], str]]]


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in data.get(key) or ())  # type: ignore[attr-defined]


def _phrases(data: dict[str, object], key: str) -> tuple[str, ...]:
    return tuple(" ".join(str(p).lower().split()) for p in data.get(key) or ())  # type: ignore[attr-defined]


@cache
def frame_words(rules_dir: str | None = None) -> FrameWords:
    data = load_lexicon("frames", rules_dir)
    try:
        concepts = load_lexicon("concepts", rules_dir)
    except RuleFileError:
        concepts = {}
    predicates: dict[str, str] = {}
    stems: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, words in ((concepts or {}).get("predicates") or {}).items():
        for word in [name, *(words or ())]:
            parts = tuple(str(word).lower().split())
            if len(parts) > 1:
                phrases.setdefault(parts[0], []).append((parts, str(name)))
            else:
                predicates.setdefault(parts[0], str(name))
                if len(stem(parts[0])) >= 4:
                    stems.setdefault(stem(parts[0]), str(name))
    for name, extra in (data.get("predicates") or {}).items():
        for word in extra or ():
            parts = tuple(str(word).lower().split())
            if len(parts) > 1:
                phrases.setdefault(parts[0], []).append((parts, str(name)))
            else:
                predicates.setdefault(parts[0], str(name))
    event_nouns: dict[str, str] = {}
    for noun, name in (data.get("event_nouns") or {}).items():
        parts = tuple(str(noun).lower().split())
        if len(parts) > 1:
            phrases.setdefault(parts[0], []).append((parts, str(name)))
        else:
            event_nouns[parts[0]] = str(name)
    modality = {str(word).lower(): str(kind) for kind, words in data["modality"].items() for word in words}
    return FrameWords(
        clause_breaks=_words(data, "clause_breaks"),
        subordinators=_words(data, "subordinators"),
        relative_pronouns=_words(data, "relative_pronouns"),
        finite_verbs=_words(data, "finite_verbs"),
        scope_prepositions=_words(data, "scope_prepositions"),
        time_prepositions=_words(data, "time_prepositions"),
        generic_scopes=_words(data, "generic_scopes"),
        determiners=_words(data, "determiners"),
        function_words=_words(data, "function_words"),
        compound_heads=tuple(sorted(_words(data, "compound_heads"), key=len, reverse=True)),
        event_nouns=event_nouns,
        modality={word: kind for word, kind in modality.items() if " " not in word},
        modality_phrases={word: kind for word, kind in modality.items() if " " in word},
        cumulative_phrases=_phrases(data, "cumulative"),
        revision_current=_phrases(data, "revision_current"),
        revision_earlier=_phrases(data, "revision_earlier"),
        earlier_markers=_words(data, "earlier_markers"),
        negations=_words(data, "negations"),
        thresholds=_phrases(data, "thresholds"),
        period_labels=_phrases(data, "period_labels"),
        rank_markers=_words(data, "rank_markers"),
        reporting_verbs=_words(data, "reporting_verbs"),
        reporting_subjects=_words(data, "reporting_subjects"),
        source_nouns=_words(data, "source_nouns"),
        event_verbs=_words(data, "event_verbs"),
        aspect_verbs=_words(data, "aspect_verbs"),
        agent_predicates=_words(data, "agent_predicates"),
        past_verbs=_words(data, "past_verbs"),
        date_event_nouns={str(k).lower(): str(v) for k, v in (data.get("date_event_nouns") or {}).items()},
        generic_heads=_words(data, "generic_heads"),
        change_nouns={str(k).lower(): str(v) for k, v in (data.get("change_nouns") or {}).items()},
        location_words=_words(data, "location_words"),
        count_adjectives=_words(data, "count_adjectives"),
        predicates=predicates,
        predicate_stems=stems,
        predicate_phrases=phrases,
    )


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


def tokens_of(sentence: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(sentence)]


def _is_verb_like(token: Token, words: FrameWords) -> bool:
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
    breaks: list[tuple[int, int, str]] = []  # (break start, clause start after it, kind)
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
            and not _is_verb_like(previous, words)
        ):
            breaks.append((token.start, token.start, "rel"))  # "a train that derailed"
        elif (
            lower in ("and", "but", "while", "whereas", "yet")
            and following is not None
            and (lower != "and" or _is_verb_like(following, words))
        ):
            breaks.append((token.start, token.start, "conj"))
    clause_start, clause_end = 0, len(sentence)
    for break_start, after, _kind in breaks:
        if break_start < start:
            clause_start = after
    for break_start, _after, kind in breaks:
        if break_start >= end:
            # A relative clause right after the figure's noun phrase describes the figure
            # ("15,000 workers who joined the strike"): it stays in the figure's clause.
            gap = [t for t in tokens if end <= t.start < break_start]
            if kind == "rel" and len(gap) <= 3 and not any(_is_verb_like(t, words) for t in gap):
                continue
            clause_end = break_start
            break
    return clause_start, clause_end


PREPOSITION_OPENERS = frozenset(["after", "before", "since", "until"])
AS_PHRASES = frozenset(["soon", "well", "many", "much", "far", "long", "early", "late", "as", "such"])
"""Words of "as soon as", "as well as", "as many as", "such as": no subordinate clause."""
BE_AND_HAVE = frozenset(["is", "are", "was", "were", "has", "have", "had", "be", "been"])


def _clause_follows(tokens: list[Token], index: int, words: FrameWords) -> bool:
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


def _match_phrase(lowers: list[str], index: int, phrases: tuple[str, ...]) -> str | None:
    for phrase in phrases:
        parts = phrase.split()
        if lowers[index : index + len(parts)] == parts:
            return phrase
    return None


def _predicate_at(lowers: list[str], index: int, words: FrameWords) -> str | None:
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


def _names_concept(lowers: list[str], index: int, name: str, words: FrameWords) -> bool:
    """Whether a word (or the verb of an agent noun: "rescuers") names a predicate concept."""
    if _predicate_at(lowers, index, words) == name:
        return True
    agent_noun = lowers[index].removesuffix("s")
    return (
        agent_noun.endswith("er") and words.predicate_stems.get(stem(agent_noun.removesuffix("er"))) == name
    )


def _noun(word: str, rules_dir: str | None = None) -> str:
    """A noun as grouping compares it: synonyms joined ("stoppage" -> strike), stemmed."""
    return content_word(word, lexicon(rules_dir)) or stem(word)


def _subject_head(tokens: list[Token], lowers: list[str], span: list[int], words: FrameWords) -> str | None:
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
        if lower in words.function_words or _is_verb_like(token, words):
            if head is not None:
                break
            continue
        head = lower.removesuffix("'s")
    return head


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
    clause_start, clause_end = clause_bounds(sentence, offset, end, words)
    tokens = [t for t in tokens_of(sentence) if clause_start <= t.start and t.end <= clause_end]
    lowers = [t.lower for t in tokens]
    before = [i for i, t in enumerate(tokens) if t.end <= offset]
    after = [i for i, t in enumerate(tokens) if t.start >= end]
    tail = sentence[end:clause_end].lower()
    head_text = sentence[max(0, offset - 40) : offset].lower()

    not_a_quantity = _not_a_quantity(claim, sentence, offset, end, words)
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
        and any(_names_concept(lowers, index, stated, words) for index in range(len(lowers)))
    ):
        # The extractor's reading, when a word of this clause says it ("Rescuers brought 24 out").
        predicate, predicate_explicit = stated, True
    acted_on = (
        bool(before) and predicate is not None and _predicate_at(lowers, before[-1], words) == predicate
    )
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
        clause=(claim.sentence_start + clause_start, claim.sentence_start + clause_end),
    )


REPEATED_RE = re.compile(
    r"\b(?:for|on)\s+(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)|consecutive|straight)"
    r"(?:\s+(?:straight|consecutive|successive))?\s+(?:day|night|week|weekend|month)\b",
    re.IGNORECASE,
)
"""One occurrence of a recurring event ("took to the streets on Friday for a third day")."""

SOMEDAY_BEFORE = frozenset(
    ["i'd", "we'd", "he'd", "she'd", "they'd", "will", "would", "could", "might", "may", "'d"]
)
"""Words before "one day" that make it "someday"."""

TALLY_SIDES = {"for": 0, "against": 1}
"""The extractor's predicates for the two sides of a vote tally."""

AUXILIARIES = frozenset(
    ["to", "will", "would", "could", "can", "may", "might", "shall", "should", "must", "did", "does", "do"]
)


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
    if _not_a_quantity(claim, sentence, offset, end, words):
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
            lower.endswith("ing") and len(lower) > 5 and index and _is_verb_like(tokens[index - 1], words)
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
    return found or _noun(lowers[verb]), verb


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
        if lower in words.reporting_subjects or lower in words.reporting_verbs or _is_verb_like(token, words):
            continue
        if lower in words.date_event_nouns or lower in AUXILIARIES or lower in words.generic_scopes:
            continue
        found.add(_noun(lower))
    return frozenset(found)


def _participants(
    every: list[Token], tokens: list[Token], lowers: list[str], at: int, clause_start: int, words: FrameWords
) -> frozenset[str]:
    """The content words of the event's subject: the noun phrase before its verb, or for a
    relative clause ("the blaze, which started ...") the noun phrase it hangs from."""
    span = [i for i in range(at) if tokens[i].text[:1].isalpha()]
    if lowers and lowers[0] in words.relative_pronouns | {"that"}:
        previous = [t for t in every if t.end <= clause_start]
        return _phrase_words(previous[-8:], words, from_end=True)
    verbs = [i for i in span if _is_verb_like(tokens[i], words) or lowers[i] in words.finite_verbs]
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
        if lower in words.function_words or (lower.endswith("ing") and found) or _is_verb_like(token, words):
            if found and not (whole and lower in words.function_words):
                break
            continue
        if lower in words.reporting_subjects:
            continue
        found.append(_noun(lower))
    return frozenset(found)


def _spaced(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {phrase} " for phrase in phrases)


def _not_a_quantity(claim: Claim, sentence: str, offset: int, end: int, words: FrameWords) -> str | None:
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
    if (
        claim.kind == "duration"
        and claim.text.lower() == "one day"
        and before
        and before[-1] in SOMEDAY_BEFORE
    ):
        return "a time to come, not a length"  # "I'd one day have the chance"
    if claim.kind in ("date", "time"):
        left = " ".join(sentence[max(0, offset - 30) : offset].lower().split())
        if any(left.endswith(label) for label in words.period_labels):
            return "a reporting period's label"
    return None


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
                if lowers[index] in words.function_words or _is_verb_like(tokens[index], words):
                    break
                if index > next_index and _predicate_at(lowers, index, words):
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
                or _is_verb_like(tokens[index], words)
            ):
                break
            noun.append(lower)
            index += 1
    if noun:
        if noun[-1] in words.change_nouns and index < len(tokens) and lowers[index] == "in":
            # "a 28 percent drop in net profit": what changed follows "in".
            changed = _subject_head(
                tokens, lowers, list(range(index + 1, min(len(tokens), index + 5))), words
            )
            if changed:
                return _noun(changed), True, None, index
        return _noun(noun[-1]), True, " ".join(noun[:-1]) or None, index
    # "12 percent of Brightwell", "54% of men": what it is a share of.
    if claim.kind == "percent" and next_index < len(tokens) and lowers[next_index] == "of":
        rest = [
            lowers[i]
            for i in range(next_index + 1, min(len(tokens), next_index + 4))
            if tokens[i].text[:1].isalpha() and lowers[i] not in words.determiners
        ]
        if rest:
            return _noun(rest[0]), True, None, next_index + 1 + len(rest)
    # "a budget of $2.3bn", "a pay rise of 8%", "a stake of 12%".
    if before and lowers[before[-1]] == "of" and len(before) > 1:
        candidate = tokens[before[-2]]
        if candidate.text[:1].isalpha() and candidate.lower not in words.function_words:
            return _noun(candidate.lower), True, None, next_index
    # "shares rose 8%", "the strike has cost the economy $2.3bn", "the operation lasted one
    # day": the head of the clause's subject, between the verb and the verb before it.
    verbs = [i for i in before if _is_verb_like(tokens[i], words) or lowers[i] in words.finite_verbs]
    if verbs:
        verb = verbs[-1]
        while verb - 1 in verbs:
            verb -= 1  # the first word of the verb group ("will cost" -> will)
        earlier = [i for i in verbs if i < verb]
        span = [i for i in before if (earlier[-1] if earlier else -1) < i < verb]
        subject = _subject_head(tokens, lowers, span, words)
        if subject:
            return _noun(subject), True, None, next_index
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
        found = _predicate_at(lowers, before[-1], words)
        if found:
            return found, True
    for index in range(head_end, len(tokens)):
        if lowers[index] in words.event_nouns:
            continue  # "ships waiting during the strike": an event noun after it is a setting
        found = _predicate_at(lowers, index, words)
        if found:
            return found, True
    # Before it, a verb says what happened more surely than an event noun ("the number of
    # people treated since the derailment has risen to 64": treated, not derailed).
    nouns = [index for index in reversed(before) if lowers[index] in words.event_nouns]
    for index in [*[i for i in reversed(before) if i not in nouns], *nouns]:
        found = _predicate_at(lowers, index, words)
        if found:
            return found, True
    return None, False


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
    earlier = [index for index in span if _is_verb_like(tokens[index], words)]
    if lowers[before[-1]].endswith("ing") and earlier:
        # A participle's doer is its clause's subject ("640 companies supply Korvath,
        # employing 25,000 people"): the phrase before the clause's first verb.
        span = [index for index in span if index < earlier[0]]
    else:
        span = [index for index in span if not earlier or index > earlier[-1]]
    head = _subject_head(tokens, lowers, span, words)
    if head is None or head in words.reporting_subjects or head in lexicon().date_words:
        return None
    return _noun(head)


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
            and not _is_verb_like(token, words)
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
            _is_verb_like(tokens[start], words)
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
            if not tokens[position].text[:1].isalpha() or lower in words.function_words:
                break
            if YEAR_RE.match(lower) or lower in words.time_prepositions:
                break
            if phrase and _is_verb_like(tokens[position], words):
                break  # "the supplier walked out": the phrase ends at its verb
            phrase.append(lower)
        if phrase and not any(word in words.generic_scopes for word in phrase):
            mark = "among:" if lowers[index] == "among" else ""
            return mark + " ".join(stem(word) for word in phrase)
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
