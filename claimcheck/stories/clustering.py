"""Stories: articles about one event.

    cluster_stories(articles) -> [Story]

Each article is represented by its title (weighted up) and lead: content words,
capitalised name sequences as single tokens (a capital in a headline is a name only if
the corpus writes the word so), and figures with the word they count
(`312_killed`), after the article's page noise, dateline and the names of the
corpus's outlets are removed (they are shared by unrelated stories). TF-IDF with
sublinear tf and idf from the corpus in hand (scikit-learn), cosine by dot product.

Candidates come from an inverted index of each article's highest-weighted terms and,
when both are dated, a publication window of a few days, so the work stays
near-linear. Merging is average linkage over every pair of the two clusters (the dot
product of their summed unit vectors), never one bridging pair: single link is what
chains a night's crawl into one story. Two clusters that are each much tighter than their
tie to the other stay apart (two events of one topic), by a wider margin when their reports
share publication days (one event told two ways is likelier then). Undated articles join by
content alone and
never widen a story's window. Copies (`duplicate_of`) are always in one story, and count
once in its averages.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimcheck.extract.words import SENTENCE_INITIAL_RE, Lexicon, lexicon, stem
from claimcheck.models import Article, Story
from claimcheck.stories.duplicates import canonical_order, clean_text

LEAD_WORDS = 250
"""Words of the body, after the title, that say what a story is about: about the first eight
paragraphs of a wire story, where the names, places and figures that tell one event from
another of its kind are (a feature's first 120 words are often an anecdote)."""
TITLE_WEIGHT = 2
"""The title's tokens count this many times: it names the event."""
TOP_TERMS = 20
"""An article is indexed under its highest-weighted terms only (blocking)."""
MAX_POSTINGS = 400
"""A term held by more articles than this is no block (it names no one event)."""
HOLDERS_PER_TERM = 50
"""Of a term's holders, the ones that weigh it most are an article's candidates."""
WINDOW_DAYS = 7
"""Dated reports of one story lie within this many days of each other."""
LINK_THRESHOLD = 0.16
"""Average cosine between two clusters' articles needed to merge them."""
SEPARATION = 0.75
"""Two clusters of two reports or more merge only if their average tie is at least this
share of the looser one's own average cosine: two groups each much tighter than their tie
to the other are two events of one topic (two quakes in a region, two weeks of jobless
claims), which one global threshold cannot tell from one event told in different words."""
OVERLAP_SEPARATION = 0.6
"""The share for two clusters whose reports were published on the same days: two groups of
outlets covering the same days in different words ("the dam gave way", "floodwater swept
the valley") are more often one event than two events of one topic, which news covers on
different days (a week's jobless claims, then the next week's). They stay apart only when
their tie is under this smaller share. (In a one-day nightly window every dated cluster
overlaps: two events of one topic on one night are then told apart by their names and
this share.)"""
ATTACH_TIE = 0.14
"""A lone report's strongest tie to a story that lets it join it (see _attach_singletons)..."""
ATTACH_AVERAGE = 0.10
"""...with at least this average similarity to the story's reports."""

PROSE_WORDS = 8
SENTENCE_CLOSERS = "\"'”’)"


def is_prose_line(line: str) -> bool:
    """A line of prose: eight words or more, ending a sentence (a full stop, question or
    exclamation mark, then closing quotes). Read by splitting, not by a regex that tries
    every start in the line: a long line with no sentence end took quadratic time."""
    words = line.split(None, PROSE_WORDS - 1)
    if len(words) < PROSE_WORDS:
        return False
    return words[-1].rstrip().rstrip(SENTENCE_CLOSERS).endswith((".", "!", "?"))


PAIR_BATCH = 20_000
"""Candidate pairs whose cosines are computed in one sparse operation."""
NAME_MARK = "@"
"""Marks a capitalised word: a name (two reports naming no one in common are two events)."""
TOKEN_RE = re.compile(
    r"(?P<number>[$€£]?\d[\d,.]*\d|[$€£]?\d)(?:[-\s](?P<counted>[A-Za-z][a-z]+))?"
    r"|(?P<word>[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z])"
)
DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Za-z.' ]{2,30})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s*"
)
"""A wire dateline opening the body: "LISBON (Reuters) -", "ESTRAVA, March 13 (Coastal Wire) -"."""


def _outlet_pattern(articles: Iterable[Article], lex: Lexicon) -> re.Pattern[str] | None:
    """Names of the corpus's outlets and of news agencies: they tie unrelated stories."""
    names = {article.source.strip() for article in articles if article.source and article.source.strip()}
    names.update(lex.agencies)
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:\b|(?<=\W))(?:{alternatives})(?:['’]s)?\b", re.IGNORECASE)


def _lead(text: str) -> str:
    """The first LEAD_WORDS words of prose: lines written as sentences, so that a scraped
    page's headline ticker or teaser list before the article is not taken for its lead."""
    prose = [line for line in text.splitlines() if is_prose_line(line)]
    kept = "\n".join(prose) if prose else text
    words = kept.split(maxsplit=LEAD_WORDS)
    return kept[: len(kept) - len(words[-1])] if len(words) > LEAD_WORDS else kept


def _lowered(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s")


def _is_capitalised(word: str) -> bool:
    return (word[0].isupper() and len(word) > 1 and not word.isupper()) or (word.isupper() and len(word) > 2)


def _starts_sentence(text: str, start: int) -> bool:
    return SENTENCE_INITIAL_RE.search(text, max(0, start - 3), start) is not None


def lower_case_words(leads: Iterable[str]) -> frozenset[str]:
    """Words the corpus writes in lower case more often than capitalised where case tells
    (inside a sentence of a lead). In a headline, where many outlets capitalise every
    word, such a word is a word: "Claims" in "Jobless Claims Fall" is the "claims" of
    another outlet's lead, while "Biden" and "Senate" stay names."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in leads:
        for match in TOKEN_RE.finditer(text):
            word = match.group("word")
            if not word:
                continue
            if word[0].islower():
                lower[_lowered(word)] += 1
            elif _is_capitalised(word) and not _starts_sentence(text, match.start()):
                capital[_lowered(word)] += 1
    return frozenset(word for word, count in lower.items() if count > capital[word])


def story_tokens(text: str, lex: Lexicon, lower_case: frozenset[str], headline: bool = False) -> list[str]:
    """Stemmed content words, names marked (and name sequences as one more token), figures
    with what they count. A capitalised word in a headline is a name only if the corpus
    does not write it in lower case (`lower_case_words`). A sentence's first capital stays
    a name: read as a word it scored the same on the story benchmarks, and it joins stories
    whose figures the claim keys cannot yet tell apart (docs/architecture.md)."""
    tokens: list[str] = []
    name: list[str] = []

    def close_name() -> None:
        if len(name) > 1:
            tokens.append(NAME_MARK + "_".join(name))
        name.clear()

    for match in TOKEN_RE.finditer(text):
        if match.group("number"):
            close_name()
            counted = match.group("counted")
            number = match.group("number").replace(",", "")
            if counted and counted.lower() not in lex.stopwords:
                tokens.append(f"{number}_{stem(counted.lower())}")
            elif len(number) > 1 or (number[0].isdigit() and int(number[0]) > 1):
                tokens.append(number)
            continue
        word = match.group("word")
        lowered = _lowered(word)
        if lowered in lex.stopwords or lowered in lex.date_words or len(lowered) < 2:
            close_name()
            continue
        capital = _is_capitalised(word) and lowered.rstrip(".") not in lex.titles
        if capital and lowered in lower_case and headline:
            capital = False
        if capital:
            name.append(lowered)
            tokens.append(NAME_MARK + lowered)
        else:
            close_name()
            tokens.append(stem(lowered))
    close_name()
    return tokens


def story_text(article: Article, outlets: re.Pattern[str] | None) -> tuple[str, str]:
    """(title, lead) with the dateline and outlet names removed."""
    lead = _lead(DATELINE_RE.sub("", clean_text(article).lstrip(), count=1))
    title = article.title or ""
    if outlets is not None:  # in the lead only: a long article's whole body took most of the time
        lead = outlets.sub(" ", lead)
        title = outlets.sub(" ", title)
    return title, lead


def _vectors(articles: list[Article], lex: Lexicon) -> tuple[Any, list[frozenset[str]]] | None:
    """Unit TF-IDF vectors of the titles and leads (a sparse matrix, a row an article), and
    the names each one uses; None when no article has a word to compare."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    outlets = _outlet_pattern(articles, lex)
    texts = [story_text(article, outlets) for article in articles]
    lower_case = lower_case_words(lead for _title, lead in texts)
    documents = []
    names = []
    for title, lead in texts:
        tokens = story_tokens(title, lex, lower_case, headline=True) * TITLE_WEIGHT + story_tokens(
            lead, lex, lower_case
        )
        documents.append([token.removeprefix(NAME_MARK) for token in tokens])
        names.append(frozenset(token[1:] for token in tokens if token.startswith(NAME_MARK)))
    if not any(documents):
        return None  # the vectorizer refuses an empty vocabulary ("Monday, Monday, ...")
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, norm="l2")
    return vectorizer.fit_transform(documents).tocsr(), names


def _candidates(
    matrix: Any, days: list[date | None], names: list[frozenset[str]]
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) of articles where one holds a top term of the other, within the window
    when both are dated. A term held by more than MAX_POSTINGS articles blocks nothing, and
    of a term's holders only the HOLDERS_PER_TERM that weigh it most are candidates, so the
    pairs grow with the corpus, not with its square. The pairs are found by one sparse
    product (articles x their top terms, times terms x their strongest holders) and filtered
    as arrays: a loop over every pair in Python was most of the time on 10,000 articles."""
    import numpy as np
    from scipy.sparse import csr_matrix, triu

    size = matrix.shape[0]
    columns = matrix.tocsc()
    top_rows: list[int] = []
    top_terms: list[int] = []
    for row in range(size):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        best = matrix.indices[start:end][matrix.data[start:end].argsort()[::-1][:TOP_TERMS]]
        top_rows.extend([row] * len(best))
        top_terms.extend(best.tolist())
    holder_terms: list[int] = []
    holder_rows: list[int] = []
    for term in sorted(set(top_terms)):
        first, last = columns.indptr[term], columns.indptr[term + 1]
        if last - first > MAX_POSTINGS:
            continue
        strongest = columns.indices[first + columns.data[first:last].argsort()[::-1][:HOLDERS_PER_TERM]]
        holder_terms.extend([term] * len(strongest))
        holder_rows.extend(strongest.tolist())
    terms = matrix.shape[1]
    tops = csr_matrix((np.ones(len(top_rows)), (top_rows, top_terms)), shape=(size, terms))
    holders = csr_matrix((np.ones(len(holder_rows)), (holder_terms, holder_rows)), shape=(terms, size))
    reached = tops @ holders
    # Each pair once, the lower row first, in row order (a CSR matrix keeps its rows sorted).
    pairs = triu(reached + reached.T, k=1, format="csr")
    pairs.sort_indices()
    firsts = np.repeat(np.arange(size), np.diff(pairs.indptr))
    seconds = pairs.indices.astype(np.int64)
    ordinals = np.array([day.toordinal() if day is not None else -1 for day in days], dtype=np.int64)
    near = (ordinals[firsts] < 0) | (ordinals[seconds] < 0)
    near |= np.abs(ordinals[firsts] - ordinals[seconds]) <= WINDOW_DAYS
    # "Storm hits Varnok" and "Storm hits Tesmir": two reports that both name people or places
    # but share none are two events. So are "Petrol prices rose" and "Diesel prices rose", one
    # name each; but one name against several ("U.S." against the senators a lead names) is
    # often only the setting the other report leaves unsaid, and tells nothing.
    vocabulary: dict[str, int] = {}
    name_rows = [row for row, held in enumerate(names) for _name in held]
    name_columns = [vocabulary.setdefault(name, len(vocabulary)) for held in names for name in held]
    named = csr_matrix(
        (np.ones(len(name_rows)), (name_rows, name_columns)), shape=(size, max(len(vocabulary), 1))
    )
    counts = np.diff(named.indptr)
    several, one = counts >= 2, counts == 1
    telling = (several[firsts] & several[seconds]) | (one[firsts] & one[seconds])
    near &= ~telling | (_pair_products(named, firsts, seconds) > 0)
    firsts, seconds = firsts[near], seconds[near]
    similarities = _pair_products(matrix, firsts, seconds)
    keep = similarities >= min(LINK_THRESHOLD, ATTACH_TIE)
    return list(zip(similarities[keep].tolist(), firsts[keep].tolist(), seconds[keep].tolist(), strict=True))


def _pair_products(matrix: Any, firsts: Any, seconds: Any) -> Any:
    """The dot products of the rows `firsts[k]` and `seconds[k]`, in batches of PAIR_BATCH."""
    import numpy as np

    out = np.zeros(len(firsts))
    for batch in range(0, len(firsts), PAIR_BATCH):
        part = slice(batch, batch + PAIR_BATCH)
        out[part] = matrix[firsts[part]].multiply(matrix[seconds[part]]).sum(axis=1).A1
    return out


@dataclass
class _Cluster:
    rows: list[int]
    reports: int
    """Its articles, a copy and its original counted once (see `_copies`)."""
    total: dict[int, float]
    """The sum of the reports' unit vectors (term -> weight): the dot product of two totals
    over the product of their report counts is the average cosine over every pair of
    reports. A dict, not a SciPy row: a sparse product costs half a millisecond of overhead,
    and the merge loop takes one per candidate edge."""
    span: tuple[date, date] | None
    square: float = 1.0
    """The total's dot product with itself, kept up as clusters merge (see `joined`)."""

    def dot(self, other: _Cluster) -> float:
        small, large = sorted((self.total, other.total), key=len)
        return sum(weight * large.get(term, 0.0) for term, weight in small.items())

    def average(self, other: _Cluster, dot: float | None = None) -> float:
        return (self.dot(other) if dot is None else dot) / (self.reports * other.reports)

    def cohesion(self) -> float:
        """The average cosine between two of its reports: the square of the total counts
        every ordered pair and each report once with itself."""
        size = self.reports
        return (self.square - size) / (size * (size - 1))

    def separate(self, other: _Cluster, average: float) -> bool:
        """Two clusters each tighter than their tie to the other (see SEPARATION)."""
        if self.reports < 2 or other.reports < 2:
            return False
        share = OVERLAP_SEPARATION if self.overlaps(other) else SEPARATION
        return average < share * min(self.cohesion(), other.cohesion())

    def overlaps(self, other: _Cluster) -> bool:
        """Both dated, and some reports of each were published on the same days."""
        if self.span is None or other.span is None:
            return False
        return self.span[0] <= other.span[1] and other.span[0] <= self.span[1]

    def joined(self, other: _Cluster, dot: float) -> _Cluster:
        total = dict(self.total)
        for term, weight in other.total.items():
            total[term] = total.get(term, 0.0) + weight
        return _Cluster(
            self.rows + other.rows,
            self.reports + other.reports,
            total,
            self.joined_span(other),
            self.square + other.square + 2 * dot,
        )

    def joined_span(self, other: _Cluster) -> tuple[date, date] | None:
        if self.span is None or other.span is None:
            return self.span or other.span
        return min(self.span[0], other.span[0]), max(self.span[1], other.span[1])


class _Clusters:
    """Clusters of article rows, merged by average link."""

    def __init__(self, matrix: Any, days: list[date | None], groups: list[list[int]]) -> None:
        self.matrix = matrix
        self.of: dict[int, int] = {}
        self.clusters: dict[int, _Cluster] = {}
        for rows in groups:
            key = min(rows)
            dated = [day for day in (days[row] for row in rows) if day is not None]
            # A copy (`duplicate_of`) says nothing its original does not: one report, one vector.
            span = (min(dated), max(dated)) if dated else None
            start, end = matrix.indptr[rows[0]], matrix.indptr[rows[0] + 1]
            weights = matrix.data[start:end]
            total = dict(zip(matrix.indices[start:end].tolist(), weights.tolist(), strict=True))
            self.clusters[key] = _Cluster(rows, 1, total, span, float((weights**2).sum()))
            self.of.update((row, key) for row in rows)

    def merge(self, first: int, second: int, dot: float) -> None:
        """Merge the clusters of two rows, whose totals' dot product is `dot`."""
        keep, drop = sorted((self.of[first], self.of[second]))
        dropped = self.clusters.pop(drop)
        self.clusters[keep] = self.clusters[keep].joined(dropped, dot)
        self.of.update((row, keep) for row in dropped.rows)

    def cluster(self, row: int) -> _Cluster:
        return self.clusters[self.of[row]]

    def average_link(self, edges: list[tuple[float, int, int]]) -> None:
        """Merge along the strongest edges while the clusters' average pairwise cosine holds
        and their dated articles stay within the window (undated ones never widen it)."""
        heap = [(-similarity, first, second) for similarity, first, second in edges]
        heapq.heapify(heap)
        refused: set[tuple[int, int, int, int]] = set()
        while heap:
            _negative, first, second = heapq.heappop(heap)
            keys = sorted((self.of[first], self.of[second]))
            if keys[0] == keys[1]:
                continue
            a, b = self.clusters[keys[0]], self.clusters[keys[1]]
            # Another edge between the same two clusters, unchanged since: the same answer.
            state = (keys[0], a.reports, keys[1], b.reports)
            if state in refused:
                continue
            span = a.joined_span(b)
            if span is None or (span[1] - span[0]).days <= WINDOW_DAYS:
                dot = a.dot(b)
                average = a.average(b, dot)
                if average >= LINK_THRESHOLD and not a.separate(b, average):
                    self.merge(first, second, dot)
                    continue
            refused.add(state)

    def attach_singletons(self, edges: list[tuple[float, int, int]], days: list[date | None]) -> None:
        """A report left alone (a short statement, a side angle) joins the story it resembles
        most, when its strongest tie is nearly a merge and it resembles the story as a whole."""
        best: dict[int, tuple[float, int]] = {}
        for similarity, first, second in edges:
            for lone, other in ((first, second), (second, first)):
                alone = self.cluster(lone).reports == 1 and self.cluster(other).reports > 1
                if alone and similarity > best.get(lone, (0.0, -1))[0]:
                    best[lone] = (similarity, other)
        for lone, (similarity, other) in sorted(best.items()):
            if self.of[lone] == self.of[other]:
                continue  # a copy of a report that has just joined this story with it
            story = self.cluster(other)
            day = days[lone]
            if day is not None and story.span is not None and not _within_span(story.span, day):
                continue
            if similarity < ATTACH_TIE:
                continue
            dot = story.dot(self.cluster(lone))
            if story.average(self.cluster(lone), dot) >= ATTACH_AVERAGE:
                self.merge(lone, other, dot)


def _within_span(span: tuple[date, date], day: date) -> bool:
    return (max(span[1], day) - min(span[0], day)).days <= WINDOW_DAYS


def _copies(articles: list[Article]) -> list[list[int]]:
    """Rows grouped with their copies (`duplicate_of`), which are always one story."""
    index_of = {article.id: index for index, article in enumerate(articles)}
    groups: dict[int, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        canonical = index_of.get(article.duplicate_of or "", index)
        groups[canonical].append(index)
    return list(groups.values())


def cluster_stories(articles: list[Article], rules_dir: str | None = None) -> list[Story]:
    """Stories of a corpus: copies together, then average-link TF-IDF clustering."""
    if not articles:
        return []
    if len(articles) == 1:
        # One article is one story, whatever its vector: the lint hook's usual case, which
        # need not pay for importing scikit-learn, SciPy and NumPy (about 2 s cold).
        return [_story(1, articles)]
    lex = lexicon(rules_dir)
    vectors = _vectors(articles, lex)
    if vectors is None:  # nothing to compare: each article with its copies is a story
        rows = _copies(articles)
    else:
        matrix, names = vectors
        days = [article.reference_date for article in articles]
        edges = _candidates(matrix, days, names)
        clusters = _Clusters(matrix, days, _copies(articles))
        clusters.average_link([edge for edge in edges if edge[0] >= LINK_THRESHOLD])
        clusters.attach_singletons(edges, days)
        rows = [cluster.rows for cluster in clusters.clusters.values()]
    components = [sorted((articles[row] for row in members), key=canonical_order) for members in rows]
    components.sort(key=lambda component: canonical_order(component[0]))
    return [_story(number, component) for number, component in enumerate(components, 1)]


def _story(number: int, component: list[Article]) -> Story:
    """Story `number` of articles in canonical order: named by the first one's title."""
    return Story(
        id=f"story-{number}",
        label=component[0].title or component[0].id,
        article_ids=[a.id for a in component],
    )
