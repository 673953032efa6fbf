"""The numeric extractor's word knowledge: lexicons loaded from rules/lexicon/, compiled once.

`load_numeric_lexicon(rules_dir)` reads numbers.yaml, hedges.yaml, units.yaml,
concepts.yaml and context.yaml (a custom rules folder may override any of them)
and compiles the patterns built from them. `concept_of` and `lemma` map words to
the concepts grouping compares. quantulum3's unit data is read lazily, without
importing quantulum3, for unit words the lexicon lacks.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck import cache
from claimcheck.extract.alternation import trie_alternation as _alternation
from claimcheck.models import Approx, Direction, Kind
from claimcheck.rules import load_lexicon

CANDIDATE_WORDS_KEPT = 50_000
# Thousands groups, South Asian lakh groups ("12,34,567"), thousands groups after a
# misplaced comma ("5340,000", a typo the number still shows), plain digits, a leading dot.
DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{4,}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
)


# ---------------------------------------------------------------- lexicon


@dataclass(slots=True)
class UnitInfo:
    kind: Kind
    unit: str
    base_unit: str
    factor: float


@dataclass
class NumericLexicon:
    """Every word list the extractor needs, loaded once from rules/lexicon/."""

    small: dict[str, int]
    tens: dict[str, int]
    dozen: int
    scales: dict[str, float]
    letter_scales: dict[str, float]
    vague: dict[str, tuple[float, float]]
    vague_multipliers: dict[str, tuple[float, float]]
    vague_counts: dict[str, tuple[float, float]]
    fractions: dict[str, int]
    bare_fractions: set[str]
    negative_words: set[str]
    pronoun_one_after: set[str]
    hedge_approx: dict[str, Approx]
    article_hedges: list[str]
    post_hedges_glued: dict[str, Approx]
    post_hedges_after: dict[str, Approx]
    tolerance: dict[str, dict[str, float]]
    change_direction: dict[str, Direction]
    weak_changes: set[str]
    phrasal_verbs: set[str]
    by_only_changes: set[str]
    currency_prefixes: dict[str, str]
    currency_words: dict[str, str]
    cent_words: set[str]
    pence_words: set[str]
    pound_words: set[str]
    units: dict[str, UnitInfo]
    attached_only: set[str]
    case_sensitive: set[str]
    lowercase_only: set[str]
    not_units: set[str]
    prefix_units: dict[str, str]
    rate_nouns: set[str]
    rate_offset_words: frozenset[str]
    months: set[str]
    weekdays: set[str]
    identifier_markers: set[str]
    furniture_after: list[str]
    function_words: set[str]
    scope_prepositions: set[str]
    year_prepositions: set[str]
    sentence_starters: set[str]
    score_words: set[str]
    tally_words: set[str]
    count_modifiers: set[str]
    street_words: set[str]
    age_nouns: set[str]
    age_markers: set[str]
    year_nouns: set[str]
    subject_concepts: dict[str, str]
    predicate_concepts: dict[str, str]
    population_nouns: set[str]
    irregular_plurals: dict[str, str]
    # Compiled from the lists above.
    candidate_re: re.Pattern[str] = field(init=False)
    first_word_re: re.Pattern[str] = field(init=False)
    unit_re: re.Pattern[str] = field(init=False)
    hedge_before_re: re.Pattern[str] = field(init=False)
    article_hedge_re: re.Pattern[str] = field(init=False)
    currency_before_re: re.Pattern[str] = field(init=False)
    scale_re: re.Pattern[str] = field(init=False)
    furniture_re: re.Pattern[str] = field(init=False)
    post_glued_re: re.Pattern[str] = field(init=False)
    post_after_re: re.Pattern[str] = field(init=False)
    month_before_re: re.Pattern[str] = field(init=False)
    month_after_re: re.Pattern[str] = field(init=False)
    number_word_re: re.Pattern[str] = field(init=False)
    age_re: re.Pattern[str] = field(init=False)
    predicate_by_first: dict[str, list[tuple[list[str], str]]] = field(init=False)
    candidate_words: dict[str, bool] = field(init=False, repr=False, compare=False)
    """is_candidate's answers so far (at most CANDIDATE_WORDS_KEPT words)."""

    def __post_init__(self) -> None:
        self.candidate_words = {}
        number_word = _alternation([*self.small, *self.tens, "dozen", "hundred"])
        scale_word = _alternation([w for w in self.scales if len(w) > 2])
        large_scale = "thousand|million|billion|trillion"
        round_scale = f"dozen|hundred|{large_scale}"  # the words that follow "a", "half", "several"
        word_number = (
            rf"(?:{number_word})(?:(?:\s+and\s+|[\s-]+)(?:{number_word}|{scale_word}))*"
            rf"|\ban?\s+(?:{round_scale})\b"
        )
        fraction = _alternation(list(self.fractions))
        bare = _alternation(list(self.bare_fractions))
        numerator = _alternation(["a", "one", *[w for w in self.small if w != "zero"]])
        vague = _alternation(list(self.vague))
        multiplier = _alternation(list(self.vague_multipliers))
        counts = [r"\s+".join(map(re.escape, count.split())) for count in self.vague_counts]
        vague_count = "|".join(counts) or "(?!)"
        # Where a candidate can start: a digit or a word that can begin a number. Scanning for
        # these first and matching the full pattern only there is several times faster.
        firsts = {*self.small, *self.tens, "dozen", "hundred", "a", "an", *self.vague}
        firsts |= {*self.vague_multipliers, *self.fractions, *self.bare_fractions}
        firsts |= {count.split()[0] for count in self.vague_counts}
        # A word's first letter is tested before its list (one test where most words fail);
        # the three alternatives start with different characters, so their order is free.
        initials = "".join(sorted({re.escape(word[0]) for word in firsts if word}))
        self.first_word_re = re.compile(
            rf"\b(?=[{initials}])(?:{_alternation(sorted(firsts))})\b|\d|\.\d", re.I
        )
        # The lookahead lets the scan skip positions inside words quickly; digits glued
        # to capitals stay candidates ("RM120,000", and codes like "S23" rejected later).
        self.candidate_re = re.compile(
            r"(?=\b|\.\d|(?<=[A-Z])\d)"
            rf"(?:(?P<vague>(?:\b(?:{multiplier})\s+of\s+)?\b(?:{vague})\s+of\b)"
            rf"|(?P<vaguecount>\b(?:{vague_count})\s+(?:{round_scale})(?:\s+(?:{large_scale}))?\b)"
            rf"|(?P<fracscale>\b(?:(?:{numerator})[\s-]+)?(?:{fraction})\s+(?:an?\s+)?(?:{round_scale})\b)"
            rf"|(?P<fraction>\b(?:(?:{numerator})[\s-]+(?:{fraction})|(?:{bare}))\b(?=\s+(?:of|the)\b))"
            rf"|(?P<digits>{DIGITS})"
            rf"|(?P<words>\b(?:{word_number})\b))",
            re.I,
        )
        # Whether words hold a number at all: "half an hour" does, "a week" and "decades" do not.
        self.number_word_re = re.compile(rf"\d|\b(?:{number_word}|{bare})\b", re.I)
        # Whitespace between a number and its scale, unit or age is bounded ({0,3}): two
        # unbounded runs side by side backtrack over every split of a long blank run, and
        # nothing separated by more than a few spaces is read as one figure anyway.
        self.scale_re = re.compile(rf"\s{{0,3}}(?P<scale>{_alternation(list(self.scales))})(?![\w])", re.I)
        self.unit_re = re.compile(
            rf"(?P<sep>\s{{0,3}}[-‐‑]\s{{0,3}}|\s{{0,3}})(?P<unit>{_alternation(list(self.units))})(?![\w°%])",
            re.I,
        )
        self.hedge_before_re = re.compile(
            rf"(?:^|(?<=[\s(\"“]))(?P<hedge>{_alternation(list(self.hedge_approx))})\s*$", re.I
        )
        self.article_hedge_re = re.compile(
            rf"(?:^|(?<=[\s(\"“]))(?P<hedge>{_alternation(self.article_hedges)})\s+an?\s+$", re.I
        )
        prefixes = sorted(self.currency_prefixes, key=len, reverse=True)
        cur = "|".join(
            r"\s?".join(re.escape(part) for part in re.findall(r"[A-Za-z.]+|[^A-Za-z.]", p)) for p in prefixes
        )
        self.currency_before_re = re.compile(rf"(?:^|(?<![A-Za-z]))(?P<cur>{cur})\s?$")
        self.post_glued_re = re.compile(
            rf"(?P<hedge>{_alternation(list(self.post_hedges_glued))})(?![\w+])", re.I
        )
        self.post_after_re = re.compile(
            rf"(?:\s+[^\W\d_]+){{0,3}}?\s+(?P<hedge>{_alternation(list(self.post_hedges_after))})\b", re.I
        )
        self.furniture_re = re.compile(rf"\s+(?:{_alternation(self.furniture_after)})\b", re.I)
        # Lower-case month names count too, except those that are also common words.
        month = _alternation(
            [m.capitalize() for m in self.months]
            + [m.upper() for m in self.months]
            + [m for m in self.months if m not in ("may", "march", "jan", "mar", "sun", "sat", "wed")]
        )
        self.month_before_re = re.compile(rf"\b(?:{month})\.?\s*$")
        self.month_after_re = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{month})\b")
        self.age_re = re.compile(
            r"\s{0,3}[-‐‑ ]?\s{0,3}(?P<age>years?|months?|weeks?|days?|yrs?)"
            r"(?:[-‐‑ ]old|\s{1,3}of\s{1,3}age)\b"
            r"|\s{0,3}(?P<yo>y/?o)\b",
            re.I,
        )
        self.predicate_by_first = {}
        for phrase, concept in self.predicate_concepts.items():
            words = phrase.split()
            self.predicate_by_first.setdefault(words[0], []).append((words, concept))
        for options in self.predicate_by_first.values():
            options.sort(key=lambda item: -len(item[0]))  # "death toll" before "death"

    def is_candidate(self, word: str) -> bool:
        """Whether `word` alone is a number (candidate_re), remembered: the words after
        every figure are tested, and the same few words come again and again."""
        known = self.candidate_words.get(word)
        if known is None:
            if len(self.candidate_words) >= CANDIDATE_WORDS_KEPT:
                self.candidate_words.clear()  # bounded memory over a long run
            known = self.candidate_words[word] = self.candidate_re.fullmatch(word) is not None
        return known


def _concept_table(section: dict[str, list[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for concept, words in section.items():
        table[concept.lower()] = concept
        for word in words:
            table.setdefault(str(word).lower(), concept)
    return table


@functools.cache
def load_numeric_lexicon(rules_dir: str | None = None) -> NumericLexicon:
    numbers = load_lexicon("numbers", rules_dir)
    hedges = load_lexicon("hedges", rules_dir)
    units = load_lexicon("units", rules_dir)
    concepts = load_lexicon("concepts", rules_dir)
    context = load_lexicon("context", rules_dir)
    hedge_approx: dict[str, Approx] = {}
    for approx, words in hedges["hedges"].items():
        for word in words:
            hedge_approx[str(word).lower()] = approx
    change_direction: dict[str, Direction] = {}
    for direction, words in hedges["changes"].items():
        for word in words:
            change_direction[str(word).lower()] = direction
    unit_table: dict[str, UnitInfo] = {}
    for name, spec in units["durations"].items():
        for surface in spec["surfaces"]:
            unit_table[surface.lower()] = UnitInfo("duration", name, "second", float(spec["factor"]))
    for name, spec in units["measures"].items():
        for surface in spec["surfaces"]:
            unit_table.setdefault(
                surface.lower(), UnitInfo("measure", name, spec["base"], float(spec["factor"]))
            )
    for name, surfaces in units["percent"].items():
        base, factor = ("percentage_point", 0.01) if name == "basis_point" else (name, 1.0)
        for surface in surfaces:
            unit_table[surface.lower()] = UnitInfo("percent", name, base, factor)
    for surface, code in units["currency_words"].items():
        unit_table[surface.lower()] = UnitInfo("money", code, code, 1.0)
    for surface in units["cent_words"]:
        unit_table[surface.lower()] = UnitInfo("money", "cent", "USD", 0.01)
    for surface in units["pence_words"]:
        unit_table[surface.lower()] = UnitInfo("money", "pence", "GBP", 0.01)
    for surface in units["pound_words"]:
        unit_table[surface.lower()] = UnitInfo("measure", "pound-mass", "kilogram", 0.45359237)
    return NumericLexicon(
        small={k.lower(): int(v) for k, v in numbers["units"].items()},
        tens={k.lower(): int(v) for k, v in numbers["tens"].items()},
        dozen=int(numbers["dozen"]),
        scales={k.lower(): float(v) for k, v in numbers["scales"].items()},
        letter_scales={k: float(v) for k, v in numbers["letter_scales"].items()},
        vague={k: (float(v[0]), float(v[1])) for k, v in numbers["vague"].items()},
        vague_multipliers={k: (float(v[0]), float(v[1])) for k, v in numbers["vague_multipliers"].items()},
        vague_counts={
            " ".join(str(k).lower().split()): (float(v[0]), float(v[1]))
            for k, v in (numbers.get("vague_counts") or {}).items()
        },
        fractions={k: int(v) for k, v in numbers["fractions"].items()},
        bare_fractions=set(numbers["bare_fractions"]),
        negative_words=set(numbers["negative_words"]),
        pronoun_one_after={str(w).lower() for w in numbers["pronoun_one_after"]},
        hedge_approx=hedge_approx,
        article_hedges=[" ".join(str(word).lower().split()) for word in hedges["article_hedges"]],
        post_hedges_glued=dict(hedges["post_hedges"]["glued"]),
        post_hedges_after={" ".join(k.split()): v for k, v in hedges["post_hedges"]["after"].items()},
        tolerance={k: {p: float(x) for p, x in v.items()} for k, v in hedges["tolerance"].items()},
        change_direction=change_direction,
        weak_changes={w.lower() for w in hedges["weak_changes"]},
        phrasal_verbs={w.lower() for w in hedges["phrasal_verbs"]},
        by_only_changes={w.lower() for w in hedges["by_only_changes"]},
        currency_prefixes={str(k): str(v) for k, v in units["currency_prefixes"].items()},
        currency_words={k.lower(): v for k, v in units["currency_words"].items()},
        cent_words=set(units["cent_words"]),
        pence_words=set(units["pence_words"]),
        pound_words=set(units["pound_words"]),
        units=unit_table,
        attached_only={w.lower() for w in units["attached_only"]},
        case_sensitive={w.lower() for w in units["case_sensitive"]},
        lowercase_only={w.lower() for w in units["lowercase_only"]},
        not_units={w.lower() for w in units["not_units"]},
        prefix_units={k.lower(): v for k, v in units["prefix_units"].items()},
        rate_nouns={w.lower() for w in units["rate_nouns"]},
        rate_offset_words=frozenset(w.lower() for w in units["rate_offset_words"]),
        months={w.lower() for w in context["months"]},
        weekdays={w.lower() for w in context["weekdays"]},
        identifier_markers={w.lower() for w in context["identifier_markers"]},
        furniture_after=list(context["furniture_after"]),
        function_words={w.lower() for w in context["function_words"]},
        scope_prepositions={w.lower() for w in context["scope_prepositions"]},
        year_prepositions={w.lower() for w in context["year_prepositions"]},
        sentence_starters={w.lower() for w in context["sentence_starters"]},
        score_words={w.lower() for w in context["score_words"]},
        tally_words={w.lower() for w in context["tally_words"]},
        count_modifiers={w.lower() for w in context["count_modifiers"]},
        street_words={w.lower() for w in context["street_words"]},
        age_nouns={w.lower() for w in context["age_nouns"]},
        age_markers={w.lower() for w in context["age_markers"]},
        year_nouns={w.lower() for w in context["year_nouns"]},
        subject_concepts=_concept_table(concepts["subjects"]),
        predicate_concepts=_concept_table(concepts["predicates"]),
        population_nouns={w.lower() for w in concepts["population_nouns"]},
        irregular_plurals={k.lower(): v for k, v in concepts["irregular_plurals"].items()},
    )


def resolve_lexicon(lexicon: NumericLexicon | str | Path | None) -> NumericLexicon:
    if isinstance(lexicon, NumericLexicon):
        return lexicon
    return load_numeric_lexicon(str(lexicon) if lexicon else None)


# ---------------------------------------------------------------- words


def lemma(word: str, lexicon: NumericLexicon | None = None) -> str:
    """Singular form of a noun; capitalised words (demonyms, names) keep their case."""
    lex = resolve_lexicon(lexicon)
    lower = word.lower()
    keep_case = word[:1].isupper() and not word.isupper() and lower not in lex.irregular_plurals
    if lower in lex.irregular_plurals:
        out = lex.irregular_plurals[lower]
    elif len(lower) > 4 and lower.endswith("ies"):
        out = lower[:-3] + "y"
    elif lower.endswith(("sses", "shes", "ches", "xes", "zzes")):
        out = lower[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s")) and len(lower) > 2:
        out = lower[:-1]
    else:
        out = lower
    if keep_case:
        return out[:1].upper() + out[1:]
    return out


def concept_of(word: str, lexicon: NumericLexicon | None = None) -> str:
    """The concept a counted noun or predicate word belongs to (its lemma if none)."""
    lex = resolve_lexicon(lexicon)
    lower = " ".join(word.lower().split())
    for table in (lex.predicate_concepts, lex.subject_concepts):
        if lower in table:
            return table[lower]
    single = lemma(lower, lex).lower()
    for table in (lex.subject_concepts, lex.predicate_concepts):
        if single in table:
            return table[single]
    return single


@functools.cache
def quantulum_unit_names() -> dict[str, str]:
    """Surface -> unit name from quantulum3's unit data, for unit words our lexicon lacks.

    Reads the package's JSON files without importing quantulum3 (whose import is
    slow); built once per quantulum3 install (claimcheck.cache), loaded on the first
    count whose noun might be a unit.
    """
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or spec.origin is None:
        return {}
    folder = Path(spec.origin).parent
    units_file = folder / "units.json"
    common_file = folder / "_lang" / "en_US" / "common-words.json"
    try:
        return cache.load(
            "quantulum-units", [], [units_file, common_file], lambda: _unit_names(units_file, common_file)
        )
    except (OSError, ValueError):
        return {}


def _unit_names(units_file: Path, common_file: Path) -> dict[str, str]:
    import json  # once per quantulum3 install (cached)

    units: Any = json.loads(units_file.read_text(encoding="utf-8"))
    common: Any = json.loads(common_file.read_text(encoding="utf-8"))
    everyday = {
        w.lower() for words in (common.values() if isinstance(common, dict) else [common]) for w in words
    }
    table: dict[str, str] = {}
    for name, spec_ in units.items():
        if not isinstance(spec_, dict) or spec_.get("entity") in (
            None,
            "dimensionless",
            "currency",
        ):
            continue
        for surface in spec_.get("surfaces", []):
            key = surface.lower()
            if len(key) >= 4 and key not in everyday:
                table.setdefault(key, name)
    return table


def quantulum_unit(words: str, lex: NumericLexicon) -> str | None:
    key = " ".join(words.lower().split()).strip("-")
    if not key or not key[0].isalpha() or key in lex.not_units or key.rstrip("s") in lex.not_units:
        return None
    table = quantulum_unit_names()
    return table.get(key) or table.get(key.rstrip("s"))
