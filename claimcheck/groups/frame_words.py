"""The word lists claim frames read (rules/lexicon/frames.yaml, and the predicates of
rules/lexicon/concepts.yaml), loaded once per rules folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from claimcheck.errors import RuleFileError
from claimcheck.extract.words import stem
from claimcheck.rules import load_lexicon


@dataclass(frozen=True, eq=False)  # hashed by identity: clause breaks are cached per word set
class FrameWords:
    clause_breaks: frozenset[str]
    subordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    finite_verbs: frozenset[str]
    scope_prepositions: frozenset[str]
    name_scope_prepositions: frozenset[str]
    time_names: frozenset[str]
    resumption_words: frozenset[str]
    place_nouns: frozenset[str]
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
    countdown_words: tuple[str, ...]
    statistic_phrases: tuple[str, ...]
    degree_adverbs: frozenset[str]
    extent_nouns: frozenset[str]
    other_set_words: frozenset[str]
    other_set_after: frozenset[str]
    increment_words: frozenset[str]
    age_markers: frozenset[str]
    population_nouns: frozenset[str]
    predicates: dict[str, str]
    predicate_stems: dict[str, str]
    """Stems of the predicate words, for inflections the lists leave out ("injuring")."""
    predicate_phrases: dict[str, list[tuple[tuple[str, ...], str]]]


def word_set(data: dict[str, object], key: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in data.get(key) or ())  # type: ignore[attr-defined]


def phrase_set(data: dict[str, object], key: str) -> tuple[str, ...]:
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
        clause_breaks=word_set(data, "clause_breaks"),
        subordinators=word_set(data, "subordinators"),
        relative_pronouns=word_set(data, "relative_pronouns"),
        finite_verbs=word_set(data, "finite_verbs"),
        scope_prepositions=word_set(data, "scope_prepositions"),
        name_scope_prepositions=word_set(data, "name_scope_prepositions"),
        time_names=word_set(data, "time_names"),
        resumption_words=word_set(data, "resumption_words"),
        place_nouns=word_set(data, "place_nouns"),
        time_prepositions=word_set(data, "time_prepositions"),
        generic_scopes=word_set(data, "generic_scopes"),
        determiners=word_set(data, "determiners"),
        function_words=word_set(data, "function_words"),
        compound_heads=tuple(sorted(word_set(data, "compound_heads"), key=len, reverse=True)),
        event_nouns=event_nouns,
        modality={word: kind for word, kind in modality.items() if " " not in word},
        modality_phrases={word: kind for word, kind in modality.items() if " " in word},
        cumulative_phrases=phrase_set(data, "cumulative"),
        revision_current=phrase_set(data, "revision_current"),
        revision_earlier=phrase_set(data, "revision_earlier"),
        earlier_markers=word_set(data, "earlier_markers"),
        negations=word_set(data, "negations"),
        thresholds=phrase_set(data, "thresholds"),
        period_labels=phrase_set(data, "period_labels"),
        rank_markers=word_set(data, "rank_markers"),
        reporting_verbs=word_set(data, "reporting_verbs"),
        reporting_subjects=word_set(data, "reporting_subjects"),
        source_nouns=word_set(data, "source_nouns"),
        event_verbs=word_set(data, "event_verbs"),
        aspect_verbs=word_set(data, "aspect_verbs"),
        agent_predicates=word_set(data, "agent_predicates"),
        past_verbs=word_set(data, "past_verbs"),
        date_event_nouns={str(k).lower(): str(v) for k, v in (data.get("date_event_nouns") or {}).items()},
        generic_heads=word_set(data, "generic_heads"),
        change_nouns={str(k).lower(): str(v) for k, v in (data.get("change_nouns") or {}).items()},
        location_words=word_set(data, "location_words"),
        count_adjectives=word_set(data, "count_adjectives"),
        countdown_words=phrase_set(data, "countdown_words"),
        statistic_phrases=phrase_set(data, "statistic_phrases"),
        degree_adverbs=word_set(data, "degree_adverbs"),
        extent_nouns=word_set(data, "extent_nouns"),
        other_set_words=word_set(data, "other_set_words"),
        other_set_after=word_set(data, "other_set_after"),
        increment_words=word_set(data, "increment_words"),
        age_markers=frozenset(phrase_set(data, "age_markers")),
        population_nouns=word_set(data, "population_nouns"),
        predicates=predicates,
        predicate_stems=stems,
        predicate_phrases=phrases,
    )
