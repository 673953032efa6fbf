"""Group: syndicated duplicates, stories, and groups of claims that state the same thing.

    find_duplicates(articles) -> {article id: id of its canonical copy}
    cluster_stories(articles) -> [Story]
    build_groups(articles, claims, stories, rules) -> [ClaimGroup]

Every step blocks before it compares (shingles, names, claim keys), so its cost
grows near-linearly with the corpus. Comparison of figures is by interval, in
base units: each claim's `low`/`high` already hold what its wording allows.

Two claims may share a group only if hard constraints hold (`compatible`: kind,
unit or counted noun, what happened to a count, direction, time scope, not one
sentence); then `similarity` weighs the evidence that they state the same thing
(predicate and subject, content words next to each figure, the whole sentence
with its numbers removed). Word lists are data in rules/lexicon/grouping.yaml;
synonyms of counted nouns and predicates come from rules/lexicon/concepts.yaml.
"""

from __future__ import annotations

import bisect
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache, lru_cache

from claimcheck.errors import RuleFileError
from claimcheck.models import Article, Claim, ClaimGroup, GroupValue, Story
from claimcheck.numeric_lexicon import concept_of
from claimcheck.rules import FigureConflictParams, RuleSet, load_lexicon

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A partitive ("one of them", "two of the jurors", "five of his rebounds") counts a
# part of a set, not the set: it states no figure to compare with the set's size.
PARTITIVE_DETERMINER = r"(?:the|them|these|those|their|its|his|her|our|my|your|\w+['’]s)"
PARTITIVE_RE = re.compile(rf"\s+of\s+{PARTITIVE_DETERMINER}\b", re.IGNORECASE)
DAY_TIMEX_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
MONTH_TIMEX_RE = re.compile(r"^\d{4}-\d{2}$")

SHINGLE_SIZE = 5
"""Words per shingle: long enough that two independent reports rarely share one."""
SHINGLE_SAMPLE = 4
"""Keep one shingle in SHINGLE_SAMPLE (by hash) on long texts: a stable sample, as in winnowing."""
SHINGLE_SAMPLE_MIN = 120
"""Texts with fewer shingles keep them all, so short wire items still compare."""
DUPLICATE_CONTAINMENT = 0.7
"""Share of the shorter text's shingles found in the longer one that makes a near-duplicate."""
MIN_DUPLICATE_SHINGLES = 8
MAX_POSTINGS = 100
"""A name held by more articles than this is not compared pairwise (see HUBS)."""
SHINGLE_POSTINGS = 20
"""Likewise for a shingle: stock phrases ("the ministry said on Monday") are common."""
HUBS = 5

LEAD_WORDS = 120
"""Words of an article's beginning that name what its story is about."""
STORY_NAME_JACCARD = 0.25
STORY_TITLE_RATIO = 60.0
STORY_LEAD_JACCARD = 0.5
"""Share of title-and-lead content words two reports of one event have in common."""
STORY_TITLE_NAME_JACCARD = 0.12

WINDOW_TOKENS = 5
"""Tokens either side of a figure that say what it counts ("killed in the quake")."""
DATE_WINDOW_TOKENS = 8
"""A date often stands at the end of the clause that names its event ("the vote ... is set for")."""
GROUP_THRESHOLD = 0.45
"""Evidence needed to put two figures in one group (see `similarity`)."""
DATE_THRESHOLD = 0.45
"""The bar for dates: with statement dates ("said on Tuesday") left out, the figures' bar."""
SAME_ARTICLE_THRESHOLD = 0.75
"""Two figures of one article must agree more closely: a false internal conflict is costly."""
MAX_CANDIDATES = 12
"""Groups a claim is compared with: those sharing the most keys with it."""
POSTING_TAIL = 64
"""Latest groups per key considered when looking for candidates."""
MAX_CONFLICT_PAIRS = 100
"""Conflicting pairs of readings examined in one group: plenty for a status and a message."""
MEMBER_SAMPLE = 4
"""A claim is compared with a group's first and latest MEMBER_SAMPLE members."""

CONTRAST_MIN_RATIO = 0.6
"""How closely two sentences must match for a differing word to mark a contrast."""
CONTRAST_REACH = 3
"""Content words from the figure within which a differing word tells two figures apart."""
SCOPE_GAP = 30
"""Characters between a figure and a date that scopes it ("killed on Monday")."""
PARTIAL_BEFORE = 30
PARTIAL_AFTER = 40
"""Characters searched for the markers of a part of a count."""
REVISION_BEFORE = 60
REVISION_AFTER = 30
"""Characters around a figure searched for update markers ("had earlier put the toll at")."""
STEM_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")
NUMERIC_KINDS = frozenset({"count", "money", "percent", "duration", "measure"})


# ---------------------------------------------------------------------------
# Lexicon and concepts


@dataclass(frozen=True)
class Lexicon:
    stopwords: frozenset[str]
    date_words: frozenset[str]
    number_words: frozenset[str]
    generic_units: frozenset[str]
    update_markers: tuple[str, ...]
    reporting_verbs: frozenset[str]
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

    @property
    def update_re(self) -> re.Pattern[str]:
        return _update_re(self.update_markers)

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
def _update_re(markers: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(marker).replace(r"\ ", r"\s+") for marker in markers)
    return re.compile(rf"(?i)\b(?:{words})\b")


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
        update_markers=tuple(data["update_markers"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        level_verbs=frozenset(data.get("level_verbs") or ()),
        repeat_markers=frozenset(data.get("repeat_markers") or ()),
        contrast_ignored=frozenset(data.get("contrast_ignored") or ()),
        part_before=tuple(data.get("part_before") or ()),
        part_after=tuple(data.get("part_after") or ()),
        offset_after=frozenset(data.get("offset_after") or ()),
        uncompared_units=frozenset(data.get("uncompared_units") or ()),
        length_cues=frozenset(data.get("length_cues") or ()),
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
    """A crude singular, lower-cased (the word `_content` compares a concept with)."""
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


# ---------------------------------------------------------------------------
# Duplicates


def clean_text(article: Article) -> str:
    """The body without the regions the boilerplate filter marked as noise."""
    if not article.noise:
        return article.text
    parts = []
    position = 0
    for start, end, _kind in sorted(article.noise):
        if start > position:
            parts.append(article.text[position:start])
        position = max(position, end)
    parts.append(article.text[position:])
    return "\n".join(parts)


def shingles(text: str) -> set[int]:
    """Stable hashes of word 5-grams (lower case, punctuation dropped), sampled on long texts."""
    words = [word.lower() for word in WORD_RE.findall(text)]
    hashes = {
        zlib.crc32(" ".join(words[i : i + SHINGLE_SIZE]).encode())
        for i in range(max(len(words) - SHINGLE_SIZE + 1, 0))
    }
    if len(hashes) >= SHINGLE_SAMPLE_MIN:
        hashes = {value for value in hashes if value % SHINGLE_SAMPLE == 0}
    return hashes


def _published_key(article: Article) -> tuple[int, str]:
    """Sort key: articles with a publication time first, earliest first."""
    published = article.published
    if published is None:
        return (1, "")
    if isinstance(published, datetime):
        # The local wall-clock time: the offset is dropped, not converted to UTC.
        published = published.replace(tzinfo=None)
    return (0, published.isoformat())


def _canonical_order(article: Article) -> tuple[tuple[int, str], int, int, str]:
    # Earliest first; then the shortest copy (copies gain furniture and credit lines); then id.
    return (_published_key(article), len(clean_text(article)), len(article.text), article.id)


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def components(self) -> list[list[str]]:
        table: dict[str, list[str]] = defaultdict(list)
        for item in self.parent:
            table[self.find(item)].append(item)
        return list(table.values())


def _candidate_pairs(features: dict[str, set], max_postings: int) -> Counter[tuple[str, str]]:
    """Pairs of items sharing features, with the number they share.

    A feature held by more than `max_postings` items (a wire story carried by every
    outlet, a name in every article) pairs each item only with the first HUBS
    holders, so the cost stays linear; union-find joins the rest through them.
    """
    postings: dict[object, list[str]] = defaultdict(list)
    for item in sorted(features):
        for value in features[item]:
            postings[value].append(item)
    shared: Counter[tuple[str, str]] = Counter()
    for items in postings.values():
        if len(items) < 2:
            continue
        for i, a in enumerate(items):
            partners = items[i + 1 :] if len(items) <= max_postings else items[: min(i, HUBS)]
            for b in partners:
                shared[(a, b) if a < b else (b, a)] += 1
    return shared


def find_duplicates(articles: list[Article]) -> dict[str, str]:
    """Near-duplicate bodies (wire copy carried twice, a page scraped twice): id -> canonical id.

    Two articles are copies when most shingles of the shorter one occur in the longer
    one (containment, so extra page furniture around a copy does not hide it).
    """
    texts = {article.id: clean_text(article) for article in articles}
    features = {article_id: shingles(text) for article_id, text in texts.items()}
    by_id = {article.id: article for article in articles}
    union = _UnionFind(by_id)
    exact: dict[str, str] = {}
    for article in articles:
        key = " ".join(texts[article.id].split()).lower()
        if key and key in exact:
            union.union(exact[key], article.id)
        elif key:
            exact[key] = article.id
    for (a, b), count in sorted(_candidate_pairs(features, SHINGLE_POSTINGS).items()):
        smaller = min(len(features[a]), len(features[b]))
        if smaller >= MIN_DUPLICATE_SHINGLES and count / smaller >= DUPLICATE_CONTAINMENT:
            union.union(a, b)
    duplicates: dict[str, str] = {}
    for component in union.components():
        if len(component) < 2:
            continue
        canonical = min((by_id[item] for item in component), key=_canonical_order).id
        for item in component:
            if item != canonical:
                duplicates[item] = canonical
    return duplicates


# ---------------------------------------------------------------------------
# Stories


SENTENCE_INITIAL_RE = re.compile(r"(?:^|[.!?:;\"“”‘’(]\s*|\n\s*)$")
"""What precedes a word that starts a sentence (or a line, or a quotation)."""


def _names(text: str, lex: Lexicon) -> list[str]:
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


def _story_features(article: Article, lex: Lexicon) -> set[str]:
    """Salient names: those in the lead, or repeated in the body."""
    body = clean_text(article)
    words = body.split(maxsplit=LEAD_WORDS)
    lead = body[: len(body) - len(words[-1])] if len(words) > LEAD_WORDS else body
    counts = Counter(_names(body, lex))
    salient = {name for name, count in counts.items() if count >= 2}
    salient.update(_names(lead, lex))
    return salient


def _lead_words(article: Article, lex: Lexicon) -> set[str]:
    """Content words of the title and lead, stemmed, without numbers or dates."""
    text = f"{article.title or ''}\n{clean_text(article)}"
    words = WORD_RE.findall(text)[:LEAD_WORDS]
    return {word for word in (_content(word, lex) for word in words) if word}


def _title_names(title: str, names: set[str]) -> set[str]:
    return {word for word in title.split() if word in names}


def _title_tokens(article: Article, lex: Lexicon) -> str:
    words = WORD_RE.findall(article.title or "")
    return " ".join(word.lower() for word in words if word.lower() not in lex.stopwords)


def cluster_stories(articles: list[Article], rules_dir: str | None = None) -> list[Story]:
    """Articles about one event, joined by shared names and similar titles.

    Candidate pairs come from an index of salient names (names found in too many
    articles are skipped as blocks), so the cost is near-linear; copies found by
    `duplicate_of` are always in one story.
    """
    from rapidfuzz import fuzz

    if not articles:
        return []
    lex = lexicon(rules_dir)
    by_id = {article.id: article for article in articles}
    features = {article.id: _story_features(article, lex) for article in articles}
    titles = {article.id: _title_tokens(article, lex) for article in articles}
    union = _UnionFind(by_id)
    for article in articles:
        if article.duplicate_of in by_id:
            union.union(article.id, article.duplicate_of)
    for (a, b), shared in sorted(_candidate_pairs(features, MAX_POSTINGS).items()):
        jaccard = shared / len(features[a] | features[b])
        # Similar titles count only when they name the same thing ("Storm hits X" and
        # "Storm hits Y" are two stories).
        similar_titles = (
            jaccard >= STORY_TITLE_NAME_JACCARD
            and titles[a]
            and titles[b]
            and _title_names(titles[a], features[a]) & _title_names(titles[b], features[b])
            and fuzz.token_set_ratio(titles[a], titles[b]) >= STORY_TITLE_RATIO
        )
        if jaccard >= STORY_NAME_JACCARD or similar_titles:
            union.union(a, b)
    # Reports that name no one (short wire items, lint cases) join when their title and
    # lead are worded alike; named reports are joined by their names only, since one
    # template ("Storm hits X") serves many stories.
    unnamed = {article.id for article in articles if not features[article.id]}
    leads = {article.id: _lead_words(article, lex) for article in articles if article.id in unnamed}
    for (a, b), shared in sorted(_candidate_pairs(leads, MAX_POSTINGS).items()):
        if shared / len(leads[a] | leads[b]) >= STORY_LEAD_JACCARD:
            union.union(a, b)
    components = [
        sorted(component, key=lambda item: _canonical_order(by_id[item])) for component in union.components()
    ]
    components.sort(key=lambda component: _canonical_order(by_id[component[0]]))
    stories = []
    for number, component in enumerate(components, 1):
        first = by_id[component[0]]
        stories.append(Story(id=f"story-{number}", label=first.title or first.id, article_ids=component))
    return stories


# ---------------------------------------------------------------------------
# Claim groups


@dataclass(slots=True)
class Item:
    """A claim prepared for grouping: its keys, interval in base units and context words."""

    claim: Claim
    article: Article
    source: str
    """The canonical copy's id: claims of syndicated copies share one source."""
    kind: str
    unit: str | None
    generic_unit: bool
    predicate: str | None
    subject: str | None
    direction: str | None
    scopes: frozenset[str]
    window: frozenset[str]
    context: str
    low: float
    high: float
    value: float | None
    timex: str | None
    order: tuple
    sequence: tuple[str, ...] = ()
    """The sentence's content words in order, the figure as FIGURE and other numbers as NUMBER."""
    per: str | None = None
    """The rate's denominator ("$4,000 per person"): a rate is not a total."""
    repeat: bool = False
    """A date of another occurrence ("pledged a further 20 million on Tuesday")."""
    revised: bool = False
    """The sentence marks the figure as an earlier or revised state ("had earlier put it at")."""
    relation: bool = False
    """A time between events or a number of repetitions (see Window.relation)."""
    partial: bool = False
    """The figure is a part of a count ("including 9 children", "12 on Tuesday alone", one
    of two figures of one sentence): it agrees with a larger total, it cannot contradict it."""

    @property
    def aside(self) -> bool:
        """Not a statement of the current total: kept in its group, left out of conflicts."""
        return self.revised or self.partial or self.relation


@dataclass
class _Group:
    number: int = 0
    items: list[Item] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


# Calendar units have no fixed length: a month is 28 to 31 days, a year 365 or 366,
# so "a three-month stay" and "a 90-day stay" can both be right. In seconds per unit.
DAY_SECONDS = 86400.0
CALENDAR_SPANS: dict[str, tuple[float, float]] = {
    "month": (28 * DAY_SECONDS, 31 * DAY_SECONDS),
    "year": (365 * DAY_SECONDS, 366 * DAY_SECONDS),
    "decade": (3652 * DAY_SECONDS, 3653 * DAY_SECONDS),
}


def _calendar_span(claim: Claim, low: float, high: float) -> tuple[float, float]:
    """Widen a duration in months, years or decades to every length it may have."""
    span = CALENDAR_SPANS.get(claim.unit or "")
    if claim.kind != "duration" or span is None or claim.base_unit != "second" or not claim.value:
        return low, high
    factor = (claim.base_value or 0.0) / claim.value
    if factor <= 0:
        return low, high
    return low / factor * span[0], high / factor * span[1]


def base_interval(claim: Claim) -> tuple[float, float] | None:
    """The claim's interval in its base unit (the factor of value -> base_value applied)."""
    base = claim.base_value if claim.base_value is not None else claim.value
    if base is None:
        return None
    value = claim.value
    factor = base / value if value not in (None, 0) else 1.0
    low = claim.low if claim.low is not None else value
    high = claim.high if claim.high is not None else value
    low = base if low is None else low * factor
    high = base if high is None else high * factor
    if math.isnan(low) or math.isnan(high):
        return None
    return _calendar_span(claim, min(low, high), max(low, high))


@lru_cache(maxsize=8192)
def _tokens(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Word tokens with offsets; cached, since every figure of a sentence asks again."""
    return tuple((m.start(), m.end(), m.group()) for m in WORD_RE.finditer(sentence))


@cache
def _content(word: str, lex: Lexicon) -> str | None:
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


@dataclass(frozen=True, slots=True)
class Window:
    words: frozenset[str]
    """Stemmed content words near the figure (names and function words left out)."""
    head: str | None
    """The first content word after the figure: the counted noun when no unit was read."""
    predicate: str | None
    """The nearest word naming what happened to the counted things (a predicate concept)."""
    reporting: bool
    """The figure is a date introduced by a reporting verb ("said on Tuesday")."""
    revised: bool
    """Words next to the figure mark it as an earlier state ("had earlier put it at")."""
    partial: bool
    """Words next to the figure mark it as a part of a count ("including", "alone")."""
    repeat: bool
    """Words next to the figure mark another occurrence ("a further", "another", "again")."""
    relation: bool = False
    """Not a figure of the event itself: a time between events ("a month later", "11 days
    after the strike"), a number of repetitions ("three times"), a game statistic."""


def _window(claim: Claim, lex: Lexicon, names: frozenset[str] = frozenset()) -> Window:
    """What surrounds the claim in its sentence, within WINDOW_TOKENS tokens either side."""
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    length = claim.end - claim.start
    if not (0 <= offset <= len(sentence)):
        offset, length = 0, 0
    tokens = _tokens(sentence)
    size = DATE_WINDOW_TOKENS if claim.kind in ("date", "time") else WINDOW_TOKENS
    before = [t for t in tokens if t[1] <= offset][-size:]
    after = [t for t in tokens if t[0] >= offset + length][:size]
    predicates = predicate_words(lex)
    words = set()
    head = predicate = None
    nearest = len(tokens) + 1
    for position, (start, _end, word) in enumerate(before + after):
        distance = len(before) - position if position < len(before) else position - len(before) + 1
        lowered = word.lower()
        found = predicates.get(lowered) or predicates.get(stem(lowered))
        if found and distance < nearest:
            predicate, nearest = found, distance
        # Names tell the story, not the figure: capitalised words mid-sentence, and
        # sentence-initial words the article capitalises elsewhere too.
        if word[0].isupper() and (start > 0 or lowered in names):
            continue
        content = _content(word, lex)
        if content is None:
            continue
        words.add(content)
        if head is None and position >= len(before):
            head = content
    if lex.phrase_re is not None and (before or after):
        # Multi-word synonyms ("broke out" = started) within the window.
        span = sentence[(before or after)[0][0] : (after or before)[-1][1]].lower()
        words.update(lex.phrases[match.group().lower()] for match in lex.phrase_re.finditer(span))
    lead = [word.lower() for _s, _e, word in before[-2:]]
    reporting = any(word in lex.reporting_verbs for word in lead)
    # A marker of an earlier figure close before it, or just after ("32, up from 20").
    near = sentence[max(0, offset - REVISION_BEFORE) : offset + length + REVISION_AFTER]
    revised = bool(lex.update_re.search(near))
    before_text = sentence[max(0, offset - PARTIAL_BEFORE) : offset]
    after_text = sentence[offset + length : offset + length + PARTIAL_AFTER]
    partial = bool(lex.part_before_re.search(before_text) or lex.part_after_re.search(after_text))
    repeat = any(word.lower() in lex.repeat_markers for _s, _e, word in before + after)
    next_word = after[0][2].lower() if after else ""
    # "lasted 21 days before the talks" is a length even though "before" follows it.
    says_length = any(word.lower() in lex.length_cues for _s, _e, word in before[-3:])
    relation = (claim.kind == "duration" and next_word in lex.offset_after and not says_length) or (
        claim.kind in ("count", "measure")
        and claim.direction is None
        and (claim.unit or "") in lex.uncompared_units
    )
    return Window(frozenset(words), head, predicate, reporting, revised, partial, repeat, relation)


@cache
def _predicate_table(rules_dir: str | None) -> dict[str, str]:
    """Word -> predicate concept, from the concepts lexicon (empty if there is none)."""
    try:
        data = load_lexicon("concepts", rules_dir)
    except RuleFileError:
        return {}
    table: dict[str, str] = {}
    for name, words in (data or {}).get("predicates", {}).items():
        table[str(name).lower()] = str(name).lower()
        for word in words or ():
            word = str(word).lower()
            if " " not in word:
                table[word] = str(name).lower()
                # Stems catch the inflections a list leaves out ("injuring" from "injured").
                if len(stem(word)) >= 4:
                    table.setdefault(stem(word), str(name).lower())
    return table


def predicate_words(lex: Lexicon) -> dict[str, str]:
    return _predicate_table(lex.rules_dir)


FIGURE = "\x00figure"
NUMBER = "\x00number"
NAME_MARK = "@"


def _sequence(claim: Claim, lex: Lexicon) -> tuple[str, ...]:
    """Content words of the sentence in order (names kept, level verbs left out)."""
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start if claim.sentence else 0
    end = offset + (claim.end - claim.start)
    words: list[str] = []
    for start, stop, word in _tokens(sentence):
        if start < end and offset < stop:
            if not words or words[-1] != FIGURE:
                words.append(FIGURE)
            continue
        lowered = word.lower()
        if lowered[0].isdigit() and sentence[stop : stop + 1] == "-":
            # "10-year bond", "2-year yield": a number that names a kind of thing.
            words.append("#" + sentence[start:stop] + "-")
        elif lowered[0].isdigit() or lowered in lex.number_words:
            words.append(NUMBER)
        elif lowered in lex.contrast_ignored:
            continue  # "the powerful quake", "police said": they do not change what is counted
        elif lowered in lex.level_verbs:
            continue  # "rose to", "stood at", "reached": the same statement of a level
        else:
            content = _content(word, lex)
            if content:
                # Names are marked: a name and a common word are no parallel pair.
                words.append(NAME_MARK + content if word[0].isupper() and start > 0 else content)
    return tuple(words)


def contrast(a: Item, b: Item) -> bool:
    """Parallel sentences that differ in a word next to the figure state two figures.

    "54% of men" and "41% of women", "petrol prices rose 12%" and "diesel prices rose
    7%", "300 homes in the north" and "120 in the south": when two sentences match
    closely except for a word within a few words of the figure, that word is what
    tells the figures apart. Paraphrases of one claim differ too broadly to match.
    """
    from difflib import SequenceMatcher

    if not a.sequence or not b.sequence or FIGURE not in a.sequence or FIGURE not in b.sequence:
        return False
    matcher = SequenceMatcher(None, a.sequence, b.sequence, autojunk=False)
    if matcher.ratio() < CONTRAST_MIN_RATIO:
        return False
    where_a, where_b = a.sequence.index(FIGURE), b.sequence.index(FIGURE)
    opcodes = matcher.get_opcodes()
    # Parallel sentences put their figures at the same point of the shared wording.
    if not any(
        tag == "equal" and a_start <= where_a < a_end and where_a - a_start == where_b - b_start
        for tag, a_start, a_end, b_start, b_end in opcodes
    ):
        return False
    for tag, a_start, a_end, b_start, b_end in opcodes:
        if tag == "equal":
            continue
        near_a = a_end > a_start and min(abs(i - where_a) for i in range(a_start, a_end)) <= CONTRAST_REACH
        near_b = b_end > b_start and min(abs(i - where_b) for i in range(b_start, b_end)) <= CONTRAST_REACH
        removed = [w for w in a.sequence[a_start:a_end] if w[0] != "\x00"]
        added = [w for w in b.sequence[b_start:b_end] if w[0] != "\x00"]
        # A swapped word ("men"/"women") or one added qualifier ("youth unemployment");
        # longer additions are the extra clauses paraphrases carry.
        if set(removed) & set(b.sequence) or set(added) & set(a.sequence):
            continue  # a word moved elsewhere in the sentence: word order, not meaning
        # Before the figure a swap may be a two-word subject ("the ruling party" won 120
        # seats, "the opposition" won 95); after it, a one-word one ("of men"/"of women").
        before = a_end <= where_a and b_end <= where_b
        limit = 2 if before else 1
        same_type = {word.startswith(NAME_MARK) for word in removed + added}
        swapped = (
            tag == "replace" and 0 < len(removed) <= limit and 0 < len(added) <= limit and len(same_type) == 1
        )
        # Dates: the words around an event's day vary ("is set for", "will be held on").
        qualified = (
            a.kind != "date"
            and tag in ("insert", "delete")
            and len(removed) + len(added) == 1
            and not (removed + added)[0].startswith(NAME_MARK)  # "police in Talberg": the story's place
        )
        if (swapped or qualified) and (near_a or near_b):
            return True
    return False


def _context(sentence: str, lex: Lexicon) -> str:
    """The sentence's content words with numbers, dates and function words removed."""
    words = (_content(word, lex) for _s, _e, word in _tokens(sentence))
    return " ".join(sorted({word for word in words if word}))


Dated = dict[tuple[str, int], list[tuple[int, int, str]]]


def _scopes(claim: Claim, dated: Dated) -> frozenset[str]:
    """The time a figure is about: its `scope`; else a date next to it (to the month:
    "on Monday" and "said on Tuesday" are one period) or a year anywhere in its
    sentence ("In 2020, ..."). Dates further away belong to other clauses ("..., which
    owns 12 percent, expects the deal to close in March")."""
    if claim.scope:
        return frozenset({claim.scope})
    offset = claim.start - claim.sentence_start
    length = claim.end - claim.start
    candidates = []
    for start, end, timex in dated.get((claim.article_id, claim.sentence_start), ()):
        gap = max(start - claim.end, claim.start - end, 0)
        if gap <= SCOPE_GAP or len(timex) == 4:
            candidates.append((gap, timex[:7]))
    for match in YEAR_RE.finditer(claim.sentence):
        if not offset <= match.start() < offset + length:
            gap = max(match.start() - offset - length, offset - match.end(), 0)
            candidates.append((gap, match.group()))
    if candidates:
        return frozenset({min(candidates)[1]})
    return frozenset()


def _scope_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Compatible when either is unscoped or some scope of one contains a scope of the other."""
    if not a or not b:
        return True
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _published_point(article: Article) -> tuple[date | None, datetime | None]:
    published = article.published
    if isinstance(published, datetime):
        return published.date(), published
    return published, None


def _predicate(claim: Claim, window: Window, lex: Lexicon) -> str | None:
    """What happened to the counted things: the extractor's reading, else the nearest
    predicate word. A counted noun is not its own predicate ("5,000 residents" is no
    population figure): such a reading is replaced by the window's."""
    if claim.kind != "count":
        return None
    own: tuple[str | None, ...] = ()
    if claim.unit:
        table = predicate_words(lex)
        unit = claim.unit.lower()
        own = (table.get(unit), table.get(stem(unit)), table.get(_plural(unit)))
    predicate = concept(claim.predicate)
    if predicate and predicate in own:
        predicate = None
    if predicate is None and window.predicate and window.predicate in own:
        return None
    return predicate or window.predicate


def _item(
    claim: Claim, article: Article, source: str, dated: Dated, lex: Lexicon, names: frozenset[str]
) -> Item | None:
    window = _window(claim, lex, names)
    scopes: frozenset[str] = frozenset()
    if claim.kind != "date":
        scopes = _scopes(claim, dated)
        published = article.reference_date
        if not scopes and published is not None:
            scopes = frozenset({str(published.year)})
    if claim.kind in NUMERIC_KINDS:
        interval = base_interval(claim)
        if interval is None or (claim.kind == "count" and PARTITIVE_RE.match(article.text, claim.end)):
            return None
        low, high = interval
        unit = claim.base_unit if claim.kind != "count" else claim.unit
        unit_concept = concept(unit) if claim.kind == "count" else unit
        if unit_concept:
            # The counted noun is compared as the unit; as a context word it would count twice.
            window = replace(window, words=window.words - {stem(unit_concept), unit_concept})
        generic = claim.kind == "count" and (unit is None or unit.lower() in lex.generic_units)
        value = claim.base_value if claim.base_value is not None else claim.value
        timex = None
    elif (
        claim.kind == "date"
        and claim.timex
        and not window.reporting
        and (DAY_TIMEX_RE.match(claim.timex) or MONTH_TIMEX_RE.match(claim.timex))
    ):
        low = high = 0.0
        unit_concept, generic, value, timex = None, False, None, claim.timex
    else:
        return None
    return Item(
        claim=claim,
        article=article,
        source=source,
        kind=claim.kind,
        unit=unit_concept,
        generic_unit=generic,
        predicate=_predicate(claim, window, lex),
        subject=concept(claim.subject),
        direction=claim.direction,
        scopes=scopes,
        window=window.words,
        context=_context(claim.sentence or claim.text, lex),
        sequence=_sequence(claim, lex),
        low=low,
        high=high,
        value=value,
        timex=timex,
        order=(_published_key(article), article.duplicate_of is not None, article.id, claim.start),
        revised=window.revised,
        partial=window.partial,
        relation=window.relation,
        per=concept(getattr(claim, "per", None)),
        repeat=window.repeat and claim.kind in ("date", "time"),
    )


def compatible(a: Item, b: Item) -> bool:
    """Hard constraints: kind, unit, what happened to a count, direction, time scope."""
    if a.kind != b.kind or a.direction != b.direction or a.per != b.per:
        return False
    if a.claim.article_id == b.claim.article_id and a.claim.sentence_start == b.claim.sentence_start:
        return False  # one sentence giving two figures ("rose from 30 to 45") gives two claims
    if not _scope_compatible(a.scopes, b.scopes):
        return False
    if a.repeat or b.repeat:
        return False  # "a further pledge on Tuesday" is another event than Monday's
    if a.kind == "count":
        # "people" matches "people" or a bare count ("45 dead"), never "helicopters".
        if a.unit != b.unit and not (a.generic_unit and b.generic_unit):
            return False
        # "300 injured" is not "312 killed"; and a bare "9,000 people" is not a toll.
        if a.predicate != b.predicate and ((a.predicate and b.predicate) or a.generic_unit or b.generic_unit):
            return False
    elif a.kind != "date" and a.unit != b.unit:
        return False
    return True


def similarity(a: Item, b: Item) -> float:
    """Evidence (about 0..2) that two compatible claims state the same thing.

    Agreement of what is counted and what happened to it, of the words next to each
    figure, and of the whole sentence with its numbers removed.
    """
    from rapidfuzz import fuzz

    score = 0.0
    if a.kind == "count":
        if a.predicate and a.predicate == b.predicate:
            score += 0.3
        if a.unit == b.unit and not a.generic_unit:
            score += 0.3
    if a.subject and b.subject and a.subject == b.subject:
        # The extracted subject helps but is not reliable enough to keep claims apart.
        score += 0.3
    shared = len(a.window & b.window)
    if shared:
        score += 0.2 + 0.1 * min(shared - 1, 2)
        score += 0.3 * shared / len(a.window | b.window)
        if (a.low, a.high) == (b.low, b.high) and a.kind != "date":
            # The very same figure next to a shared word: agreeing readings cannot
            # raise a false alarm, so a lower bar is safe.
            score += 0.15
    else:
        # Nothing near the figures in common: only a very similar sentence can tie them.
        score -= 0.2
    score += 0.3 * fuzz.token_set_ratio(a.context, b.context) / 100.0
    return score


def _group_label(items: list[Item]) -> str:
    """A readable name: "people killed", "duration of the strike", "date of the vote"."""
    first = items[0]
    # Shared context words are keywords, not a phrase: shown as "(reopened, strike)".
    words = _shared_words(items)
    about = ", ".join(words.split())
    if first.kind == "date":
        return f"date ({about})" if about else "date of the event"
    if first.kind == "duration":
        subjects = Counter(item.claim.subject for item in items if item.claim.subject)
        if subjects:
            return f"duration of the {subjects.most_common(1)[0][0]}"
        return f"duration ({about})" if about else "duration"
    predicates = Counter(item.claim.predicate or item.predicate for item in items)
    predicate = next((word for word, _n in predicates.most_common() if word), None)
    if first.kind == "count":
        unit = next((item.claim.unit for item in items if not item.generic_unit), None)
        noun = _plural(unit) if unit else "people" if predicate else words or "count"
        return f"{noun} {predicate}" if predicate else noun
    name = {"money": "amount", "percent": "percentage", "measure": "measure"}[first.kind]
    detail = about or predicate or first.claim.unit
    return f"{name} ({detail})" if detail else name


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es" if not noun.endswith("s") else noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _shared_words(items: list[Item], limit: int = 3) -> str:
    """Words near the first claim that most of the group's claims have near them too."""
    counts = Counter(word for item in items for word in item.window)
    needed = max(1, (len(items) + 1) // 2)
    common = {word for word, count in counts.items() if count >= needed}
    claim = items[0].claim
    words: list[str] = []
    for _start, _end, token in _tokens(claim.sentence):
        if token[0].isupper():
            continue
        lowered = token.lower()
        stemmed = stem(lowered)
        known = lowered in common or stemmed in common or (concept(lowered) or "") in common
        if known and lowered not in words:
            words.append(lowered)
    return " ".join(words[:limit])


def overlap(a: Item, b: Item, tolerance: float) -> bool:
    """True if the two intervals (widened by the relative tolerance) share a value."""
    if a.kind == "date":
        return (
            a.timex is not None
            and b.timex is not None
            and (a.timex.startswith(b.timex) or b.timex.startswith(a.timex))
        )
    finite = [abs(v) for v in (a.low, a.high, b.low, b.high) if math.isfinite(v)]
    slack = tolerance * max(finite, default=0.0)
    return a.low - slack <= b.high and b.low - slack <= a.high


def time_relation(a: Item, b: Item) -> int:
    """-1 if a was published before b, 1 if after, 0 if at the same time or unknown."""
    day_a, moment_a = _published_point(a.article)
    day_b, moment_b = _published_point(b.article)
    if day_a is None or day_b is None:
        return 0
    if day_a != day_b:
        return -1 if day_a < day_b else 1
    if moment_a is None or moment_b is None:
        return 0
    try:
        if moment_a == moment_b:
            return 0
        return -1 if moment_a < moment_b else 1
    except TypeError:  # one aware, one naive: the order cannot be told
        return 0


@dataclass
class Reading:
    """Claims of a group that give one value (the same interval, or the same date)."""

    items: list[Item]
    sources: set[str]

    @property
    def first(self) -> Item:
        return self.items[0]


def readings(items: list[Item], include_revised: bool = True) -> list[Reading]:
    table: dict[tuple, Reading] = {}
    for item in items:
        if item.aside and not include_revised:
            continue
        key = (item.timex,) if item.kind == "date" else (item.value, item.low, item.high)
        reading = table.get(key)
        if reading is None:
            table[key] = Reading([item], {item.source})
        else:
            reading.items.append(item)
            reading.sources.add(item.source)
    return list(table.values())


def conflicting_readings(items: list[Item], tolerance: float) -> list[tuple[Reading, Reading]]:
    """Pairs of readings that cannot both hold, stated by different sources.

    A figure marked as an earlier or revised state is history, and a part of a count
    is not its total: neither competes with the current statement of the count.
    Readings are few, so this stays cheap however many copies repeat them.
    """
    found = readings(items, include_revised=False)
    pairs: list[tuple[Reading, Reading]] = []
    if found and found[0].first.kind == "date":
        for i, first in enumerate(found):
            for second in found[i + 1 :]:
                if len(first.sources | second.sources) >= 2 and not overlap(first.first, second.first, 0):
                    pairs.append((first, second))
        return pairs[:MAX_CONFLICT_PAIRS]
    # Sorted by lower bound, a reading can only be disjoint from those starting above its
    # upper bound: a sweep finds the disjoint pairs without comparing every pair.
    found.sort(key=lambda reading: (reading.first.low, reading.first.high))
    lows = [reading.first.low for reading in found]
    for i, first in enumerate(found):
        start = max(bisect.bisect_right(lows, first.first.high), i + 1)
        for second in found[start:]:
            if len(first.sources | second.sources) >= 2 and not overlap(first.first, second.first, tolerance):
                pairs.append((first, second))
                if len(pairs) >= MAX_CONFLICT_PAIRS:
                    return pairs
    return pairs


def _rising(lower: Reading, higher: Reading) -> bool:
    """Every source of the lower value published before every source of the higher one."""
    earliest = min(higher.items, key=lambda item: item.order)
    latest = max(lower.items, key=lambda item: item.order)
    return all(time_relation(item, earliest) < 0 for item in lower.items) and all(
        time_relation(latest, item) < 0 for item in higher.items
    )


def group_status(items: list[Item], params: FigureConflictParams) -> str:
    """single_source, consistent, evolving or conflict (see rules/figure-conflict.yaml)."""
    sources = {item.source for item in items}
    if len(sources) < 2:
        return "single_source"
    disjoint = conflicting_readings(items, params.relative_tolerance)
    if not disjoint:
        return "consistent"
    evolving = {concept(word) for word in params.evolving_predicates}
    cumulative = items[0].kind == "count" and any(item.predicate in evolving for item in items)
    if cumulative and all(rising_pair(first, second) for first, second in disjoint):
        return "evolving"
    return "conflict"


def rising_pair(first: Reading, second: Reading) -> bool:
    """The lower of two readings was stated before the higher one (a count growing)."""
    if first.first.low <= second.first.low:
        return _rising(first, second)
    return _rising(second, first)


def _values(items: list[Item]) -> list[GroupValue]:
    """One GroupValue per distinct reading, with its claims and independent sources."""
    readings: dict[tuple, list[Item]] = {}
    for item in items:
        key = (item.timex,) if item.kind == "date" else (item.value, item.low, item.high)
        readings.setdefault(key, []).append(item)
    values = []
    for members in readings.values():
        first = members[0]
        values.append(
            GroupValue(
                value=first.value,
                low=None if first.kind == "date" else first.low,
                high=None if first.kind == "date" else first.high,
                timex=first.timex,
                unit=first.claim.base_unit if first.kind != "date" else None,
                claim_ids=[item.claim.id for item in members],
                article_ids=list(dict.fromkeys(item.claim.article_id for item in members)),
                independent_sources=len({item.source for item in members}),
            )
        )
    return values


def _block_key(item: Item) -> tuple:
    if item.kind == "count" and item.generic_unit:
        return ("count", "")  # people, persons, bare counts: one block
    return (item.kind, item.unit or "")


def _keys(item: Item) -> set[str]:
    """What a claim can share with a group: context words, predicate, subject."""
    keys = set(item.window)
    if item.predicate:
        keys.add("predicate:" + item.predicate)
    if item.subject:
        keys.add("subject:" + item.subject)
    return keys


class _Block:
    """Greedy average-link grouping of one block's claims, in publication order.

    Each claim is compared only with groups that share a key with it (an inverted
    index, recent groups first, at most MAX_CANDIDATES), and with a sample of each
    group's members, so a block of any size costs near-linear time.
    """

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, item: Item) -> None:
        keys = _keys(item)
        counts: Counter[int] = Counter()
        for key in keys:
            for number in self.index.get(key, ())[-POSTING_TAIL:]:
                counts[number] += 1
        ranked = sorted(counts, key=lambda number: (-counts[number], -number))
        best = _best_group(item, [self.groups[number] for number in ranked[:MAX_CANDIDATES]])
        if best is None:
            best = _Group(number=len(self.groups))
            self.groups.append(best)
        best.items.append(item)
        best.articles.add(item.claim.article_id)
        for key in keys:
            posting = self.index[key]
            if not posting or posting[-1] != best.number:
                if best.number in posting[-POSTING_TAIL:]:
                    posting.remove(best.number)
                posting.append(best.number)


def _assign(items: list[Item]) -> list[_Group]:
    block = _Block()
    for item in items:
        block.add(item)
    return block.groups


def prepare_items(
    articles: Sequence[Article], claims: Sequence[Claim], rules_dir: str | None = None
) -> list[Item]:
    """Claims that can be grouped, with their keys (claims of unknown articles are skipped)."""
    lex = lexicon(rules_dir)
    by_id = {article.id: article for article in articles}
    dated: Dated = defaultdict(list)
    for claim in claims:
        if claim.kind == "date" and claim.timex and claim.timex[:1].isdigit():
            dated[(claim.article_id, claim.sentence_start)].append((claim.start, claim.end, claim.timex))
    items = []
    names_by_article: dict[str, frozenset[str]] = {}
    for claim in claims:
        article = by_id.get(claim.article_id)
        if article is None:
            continue
        source = article.duplicate_of or article.id
        names = names_by_article.get(article.id)
        if names is None:
            names = names_by_article[article.id] = frozenset(_names(article.text, lex))
        item = _item(claim, article, source, dated, lex, names)
        if item is not None:
            items.append(item)
    _mark_breakdowns(items)
    items.sort(key=lambda item: item.order)
    return items


def _mark_breakdowns(items: list[Item]) -> None:
    """Two figures of one sentence counting the same thing ("12 in the capital and 28 in
    the provinces", "rose from 30 to 45") are parts or stages, not the total."""
    seen: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind in ("count", "money", "percent"):
            key = (item.claim.article_id, item.claim.sentence_start, item.kind, item.unit, item.predicate)
            seen[key].append(item)
    for members in seen.values():
        if len(members) > 1:
            for item in members:
                item.partial = True


def build_groups(
    articles: list[Article], claims: list[Claim], stories: list[Story], rules: RuleSet
) -> list[ClaimGroup]:
    """Claims of one story that state the same thing, with their status.

    Claims are blocked by story, kind and counted unit; inside a block a greedy
    average-link pass compares each claim with the groups formed so far.
    """
    return [group for group, _items in group_items(articles, claims, stories, rules)]


def figure_params(rules: RuleSet) -> FigureConflictParams:
    if "figure-conflict" in rules:
        settings = rules.get("figure-conflict").settings
        if isinstance(settings, FigureConflictParams):
            return settings
    return FigureConflictParams()


def group_items(
    articles: list[Article], claims: list[Claim], stories: list[Story], rules: RuleSet
) -> list[tuple[ClaimGroup, list[Item]]]:
    """The groups with the prepared items behind them (what the checks read)."""
    params = figure_params(rules)
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    items = prepare_items(articles, claims, rules.directory)
    blocks: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        story = story_of.get(item.claim.article_id, item.article.story or "")
        blocks[(story, *_block_key(item))].append(item)
    formed: list[tuple[str, _Group]] = []
    for key in sorted(blocks, key=_sort_key):
        formed.extend((key[0], group) for group in _assign(blocks[key]))
    result: list[tuple[ClaimGroup, list[Item]]] = []
    ordered = sorted(formed, key=lambda pair: (pair[0], min(i.order for i in pair[1].items)))
    for number, (story, group) in enumerate(ordered, 1):
        members = sorted(group.items, key=lambda item: item.order)
        result.append((_claim_group(f"g{number}", story, members, params), members))
    return result


def _sample(group: _Group) -> list[Item]:
    """The members a new claim is compared with: the first and the latest ones."""
    items = group.items
    if len(items) <= 2 * MEMBER_SAMPLE:
        return items
    return items[:MEMBER_SAMPLE] + items[-MEMBER_SAMPLE:]


def _best_group(item: Item, groups: list[_Group]) -> _Group | None:
    """The fitting group with the most evidence, or None."""
    fitting: list[tuple[float, int, _Group]] = []
    for group in groups:
        members = _sample(group)
        if not all(compatible(item, member) for member in members):
            continue
        threshold = DATE_THRESHOLD if item.kind == "date" else GROUP_THRESHOLD
        if item.claim.article_id in group.articles:
            threshold = SAME_ARTICLE_THRESHOLD
        score = sum(similarity(item, member) for member in members) / len(members)
        if score >= threshold:
            fitting.append((score, -group.number, group))
    # The contrast test (slower) runs on the best candidates only. Only disagreeing
    # figures need it: agreeing ones cannot raise a false alarm.
    for _score, _number, group in sorted(fitting, key=lambda entry: entry[:2], reverse=True):
        if not any(not overlap(item, member, 0.0) and contrast(item, member) for member in _sample(group)):
            return group
    return None


def _sort_key(key: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in key)


def _claim_group(group_id: str, story: str, items: list[Item], params: FigureConflictParams) -> ClaimGroup:
    return ClaimGroup(
        id=group_id,
        label=_group_label(items),
        claim_ids=[item.claim.id for item in items],
        article_ids=list(dict.fromkeys(item.claim.article_id for item in items)),
        status=group_status(items, params),
        story=story or None,
        kind=items[0].kind,
        independent_sources=len({item.source for item in items}),
        values=_values(items),
    )
