"""Words as the later stages compare them: tokens, a light stemmer, concepts, and the grouping lexicon.

The lexicon (rules/lexicon/grouping.yaml) lists stopwords, date and number words, synonyms
and the markers grouping reads next to a figure; story clustering and claim grouping share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from claimcheck.extract.numeric_lexicon import concept_of
from claimcheck.rules import load_lexicon

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
STEM_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


# ---------------------------------------------------------------------------
# Lexicon and concepts


@dataclass(frozen=True, eq=False)  # hashed by identity: a key of content_word's cache, per call
class Lexicon:
    stopwords: frozenset[str]
    date_words: frozenset[str]
    number_words: frozenset[str]
    generic_units: frozenset[str]
    rules_dir: str | None
    synonyms: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    phrases: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    phrase_re: re.Pattern[str] | None = field(default=None, hash=False, compare=False)

    level_verbs: frozenset[str] = frozenset()
    repeat_markers: frozenset[str] = frozenset()
    contrast_ignored: frozenset[str] = frozenset()
    part_before: tuple[str, ...] = ()
    part_after: tuple[str, ...] = ()
    offset_after: frozenset[str] = frozenset()
    uncompared_units: frozenset[str] = frozenset()
    length_cues: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    """News agencies and wire services: credited in copy, they tie unrelated stories."""
    titles: frozenset[str] = frozenset()
    """Capitalised titles and offices ("Mayor", "Sen."): words, not names."""

    @property
    def part_before_re(self) -> re.Pattern[str]:
        """A marker ending just before the figure ("including 9")."""
        return _marker_re(self.part_before, "before")

    @property
    def part_after_re(self) -> re.Pattern[str]:
        """A marker shortly after the figure ("12 on Tuesday alone")."""
        return _marker_re(self.part_after, "after")


@cache
def _marker_re(markers: tuple[str, ...], side: str) -> re.Pattern[str]:
    words = "|".join(re.escape(marker).replace(r"\ ", r"\s+") for marker in markers) or "(?!)"
    if side == "before":
        return re.compile(rf"(?i)\b(?:{words})\s+(?:(?:about|some|nearly|at\s+least)\s+)?$")
    return re.compile(rf"(?i)^[^,;.]*?\b(?:{words})\b")


@cache
def lexicon(rules_dir: str | None = None) -> Lexicon:
    data = load_lexicon("grouping", rules_dir)
    synonyms = data.get("synonyms") or {}
    phrases = {
        " ".join(str(word).lower().split()): str(name)
        for name, words in synonyms.items()
        for word in words
        if " " in str(word)
    }
    phrase_re = None
    if phrases:
        alternatives = "|".join(
            re.escape(phrase).replace(r"\ ", r"\s+") for phrase in sorted(phrases, key=len, reverse=True)
        )
        phrase_re = re.compile(rf"(?i)\b(?:{alternatives})\b")
    return Lexicon(
        stopwords=frozenset(data["stopwords"]),
        date_words=frozenset(data["date_words"]),
        number_words=frozenset(data["number_words"]),
        generic_units=frozenset(data["generic_units"]),
        level_verbs=frozenset(data.get("level_verbs") or ()),
        repeat_markers=frozenset(data.get("repeat_markers") or ()),
        contrast_ignored=frozenset(data.get("contrast_ignored") or ()),
        part_before=tuple(data.get("part_before") or ()),
        part_after=tuple(data.get("part_after") or ()),
        offset_after=frozenset(data.get("offset_after") or ()),
        uncompared_units=frozenset(data.get("uncompared_units") or ()),
        length_cues=frozenset(data.get("length_cues") or ()),
        agencies=frozenset(data.get("agencies") or ()),
        titles=frozenset(str(word).lower() for word in data.get("titles") or ()),
        rules_dir=rules_dir,
        synonyms={
            form: str(name)
            for name, words in synonyms.items()
            for word in words
            if " " not in str(word)
            for form in (str(word).lower(), stem(str(word).lower()))
        },
        phrases=phrases,
        phrase_re=phrase_re,
    )


def _lemma(word: str) -> str:
    """A crude singular, lower-cased (the word `content_word` compares a concept with)."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def concept(word: str | None) -> str | None:
    """The concept a word names (the concepts lexicon), else its singular, lower-cased."""
    if not word:
        return None
    found = concept_of(word)
    return found.lower() if found else word.lower()


@cache
def content_word(word: str, lex: Lexicon) -> str | None:
    """A word that can say what a figure is about, lower-cased; None for function words."""
    lowered = word.lower().replace("’", "'")
    if lowered[0].isdigit() or lowered in lex.stopwords or lowered in lex.number_words:
        return None
    if lowered in lex.date_words:
        return None
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    synonym = lex.synonyms.get(lowered) or lex.synonyms.get(stem(lowered))
    if synonym:
        return synonym
    mapped = concept(lowered) or lowered
    if mapped in (lowered, _lemma(lowered)):
        # No synonym for the word itself: its stem may have one ("building" -> "build").
        mapped = concept(stem(lowered)) or mapped
    return stem(mapped)


@cache
def stem(word: str) -> str:
    """A light suffix stripper: "building"/"build", "budgeted"/"budget", "talks"/"talk"."""
    for suffix in STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


SENTENCE_INITIAL_RE = re.compile(r"(?:^|[.!?:;\"“”‘’(]\s*|\n\s*)$")
"""What precedes a word that starts a sentence (or a line, or a quotation)."""


def capitalised_names(text: str, lex: Lexicon) -> list[str]:
    """Capitalised words not at the start of a sentence: people, places, bodies."""
    names = []
    for match in WORD_RE.finditer(text):
        word = match.group()
        if not word[0].isupper() or len(word) < 2:
            continue
        if SENTENCE_INITIAL_RE.search(text, max(0, match.start() - 3), match.start()):
            continue
        lowered = word.lower().replace("’", "'")
        if lowered.endswith("'s"):
            lowered = lowered[:-2]
        if lowered not in lex.stopwords and lowered not in lex.date_words:
            names.append(lowered)
    return names
