"""Stories: articles about one event.

    cluster_stories(articles) -> [Story]

Each article is represented by its title (weighted up) and lead: content words,
capitalised name sequences as single tokens, and figures with the word they count
(`312_killed`), after the article's page noise, dateline and the names of the
corpus's outlets are removed (they are shared by unrelated stories). TF-IDF with
sublinear tf and idf from the corpus in hand (scikit-learn), cosine by dot product.

Candidates come from an inverted index of each article's highest-weighted terms and,
when both are dated, a publication window of a few days, so the work stays
near-linear. Merging is average linkage over every pair of the two clusters (the dot
product of their summed unit vectors), never one bridging pair: single link is what
chains a night's crawl into one story. Undated articles join by content alone and
never widen a story's window. Copies (`duplicate_of`) are always in one story.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimcheck.extract.words import Lexicon, lexicon, stem
from claimcheck.models import Article, Story
from claimcheck.stories.duplicates import canonical_order, clean_text

LEAD_WORDS = 120
"""Words of the body, after the title, that say what a story is about."""
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


def _tokens(text: str, lex: Lexicon) -> list[str]:
    """Stemmed content words, names marked (and name sequences as one more token), figures
    with what they count."""
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
        lowered = word.lower().replace("’", "'").removesuffix("'s")
        if lowered in lex.stopwords or lowered in lex.date_words or len(lowered) < 2:
            close_name()
            continue
        capital = (word[0].isupper() and len(word) > 1 and not word.isupper()) or (
            word.isupper() and len(word) > 2
        )
        if capital and lowered.rstrip(".") not in lex.titles:
            name.append(lowered)
            tokens.append(NAME_MARK + lowered)
        else:
            close_name()
            tokens.append(stem(lowered))
    close_name()
    return tokens


def story_text(article: Article, outlets: re.Pattern[str] | None) -> tuple[str, str]:
    """(title, lead) with the dateline and outlet names removed."""
    body = DATELINE_RE.sub("", clean_text(article).lstrip(), count=1)
    title = article.title or ""
    if outlets is not None:
        body = outlets.sub(" ", body)
        title = outlets.sub(" ", title)
    return title, _lead(body)


def _vectors(articles: list[Article], lex: Lexicon) -> tuple[Any, list[frozenset[str]]] | None:
    """Unit TF-IDF vectors of the titles and leads (a sparse matrix, a row an article), and
    the names each one uses; None when no article has a word to compare."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    outlets = _outlet_pattern(articles, lex)
    documents = []
    names = []
    for article in articles:
        title, lead = story_text(article, outlets)
        tokens = _tokens(title, lex) * TITLE_WEIGHT + _tokens(lead, lex)
        documents.append([token.removeprefix(NAME_MARK) for token in tokens])
        names.append(frozenset(token[1:] for token in tokens if token.startswith(NAME_MARK)))
    if not any(documents):
        return None  # the vectorizer refuses an empty vocabulary ("Monday, Monday, ...")
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, norm="l2")
    return vectorizer.fit_transform(documents).tocsr(), names


def _within_window(first: date | None, second: date | None) -> bool:
    return first is None or second is None or abs((first - second).days) <= WINDOW_DAYS


def _candidates(
    matrix: Any, days: list[date | None], names: list[frozenset[str]]
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) of articles where one holds a top term of the other, within the window
    when both are dated. A term held by more than MAX_POSTINGS articles blocks nothing, and
    of a term's holders only the HOLDERS_PER_TERM that weigh it most are candidates, so the
    pairs grow with the corpus, not with its square."""
    columns = matrix.tocsc()
    holders_of: dict[int, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        weights, terms = matrix.data[start:end], matrix.indices[start:end]
        for position in weights.argsort()[::-1][:TOP_TERMS]:
            term = int(terms[position])
            holders = holders_of.get(term)
            if holders is None:
                first, last = columns.indptr[term], columns.indptr[term + 1]
                if last - first > MAX_POSTINGS:
                    holders = []
                else:
                    strongest = columns.data[first:last].argsort()[::-1][:HOLDERS_PER_TERM]
                    holders = [int(columns.indices[first + index]) for index in strongest]
                holders_of[term] = holders
            for other in holders:
                other = int(other)
                if other == row or not _within_window(days[row], days[other]):
                    continue
                if names[row] and names[other] and not names[row] & names[other]:
                    continue  # "Storm hits Varnok" and "Storm hits Tesmir": two events
                pairs.add((min(row, other), max(row, other)))
    edges: list[tuple[float, int, int]] = []
    ordered = sorted(pairs)
    floor = min(LINK_THRESHOLD, ATTACH_TIE)
    for batch in range(0, len(ordered), PAIR_BATCH):
        chunk = ordered[batch : batch + PAIR_BATCH]
        firsts = [first for first, _second in chunk]
        seconds = [second for _first, second in chunk]
        similarities = matrix[firsts].multiply(matrix[seconds]).sum(axis=1).A1
        edges.extend(
            (float(similarity), first, second)
            for similarity, first, second in zip(similarities, firsts, seconds, strict=True)
            if similarity >= floor
        )
    return edges


@dataclass
class _Cluster:
    rows: list[int]
    total: Any
    """The sum of the members' unit vectors: the dot product of two totals over the product
    of the sizes is the average cosine over every pair of members."""
    span: tuple[date, date] | None

    def average(self, other: _Cluster) -> float:
        return float(self.total.multiply(other.total).sum()) / (len(self.rows) * len(other.rows))

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
            total = matrix[rows].sum(axis=0)
            self.clusters[key] = _Cluster(rows, _sparse(total), (min(dated), max(dated)) if dated else None)
            self.of.update((row, key) for row in rows)

    def merge(self, first: int, second: int) -> None:
        keep, drop = sorted((self.of[first], self.of[second]))
        kept, dropped = self.clusters[keep], self.clusters.pop(drop)
        self.clusters[keep] = _Cluster(
            kept.rows + dropped.rows, kept.total + dropped.total, kept.joined_span(dropped)
        )
        self.of.update((row, keep) for row in dropped.rows)

    def cluster(self, row: int) -> _Cluster:
        return self.clusters[self.of[row]]

    def average_link(self, edges: list[tuple[float, int, int]]) -> None:
        """Merge along the strongest edges while the clusters' average pairwise cosine holds
        and their dated articles stay within the window (undated ones never widen it)."""
        heap = [(-similarity, first, second) for similarity, first, second in edges]
        heapq.heapify(heap)
        while heap:
            _negative, first, second = heapq.heappop(heap)
            if self.of[first] == self.of[second]:
                continue
            a, b = self.cluster(first), self.cluster(second)
            span = a.joined_span(b)
            if span is not None and (span[1] - span[0]).days > WINDOW_DAYS:
                continue
            if a.average(b) >= LINK_THRESHOLD:
                self.merge(first, second)

    def attach_singletons(self, edges: list[tuple[float, int, int]], days: list[date | None]) -> None:
        """A report left alone (a short statement, a side angle) joins the story it resembles
        most, when its strongest tie is nearly a merge and it resembles the story as a whole."""
        best: dict[int, tuple[float, int]] = {}
        for similarity, first, second in edges:
            for lone, other in ((first, second), (second, first)):
                alone = len(self.cluster(lone).rows) == 1 and len(self.cluster(other).rows) > 1
                if alone and similarity > best.get(lone, (0.0, -1))[0]:
                    best[lone] = (similarity, other)
        for lone, (similarity, other) in sorted(best.items()):
            story = self.cluster(other)
            day = days[lone]
            if day is not None and story.span is not None and not _within_span(story.span, day):
                continue
            if similarity >= ATTACH_TIE and story.average(self.cluster(lone)) >= ATTACH_AVERAGE:
                self.merge(lone, other)


def _within_span(span: tuple[date, date], day: date) -> bool:
    return (max(span[1], day) - min(span[0], day)).days <= WINDOW_DAYS


def _sparse(total: Any) -> Any:
    from scipy.sparse import csr_matrix

    return csr_matrix(total)


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
