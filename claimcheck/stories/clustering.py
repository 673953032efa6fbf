"""Stories: articles about one event.

    cluster_stories(articles) -> [Story]

Each article is represented by its title (weighted up) and lead: content words,
capitalised name sequences as single tokens, and figures with the word they count
(`312_killed`), after the article's page noise, dateline and the names of the
corpus's outlets are removed (they are shared by unrelated stories). TF-IDF with
sublinear tf and idf from the corpus in hand (scikit-learn), cosine by dot product.

Candidates come from an inverted index of each article's highest-weighted terms,
and, when both are dated, a publication window of a few days, so the work stays
near-linear. Merging is average linkage over every pair of the two clusters (the
dot product of their summed unit vectors), never one bridging pair: single link is
what chains a night's crawl into one story. Undated articles join by content alone.
Copies (`duplicate_of`) are always in one story.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from claimcheck.extract.words import Lexicon, lexicon, stem
from claimcheck.models import Article, Story
from claimcheck.stories.duplicates import canonical_order, clean_text
from claimcheck.stories.linking import UnionFind

NAME_MARK = "@"
"""Marks a capitalised word inside a sentence: a name."""
LEAD_WORDS = 120
"""Words of the body, after the title, that say what a story is about."""
TITLE_WEIGHT = 2
"""The title's tokens count this many times: it names the event."""
TOP_TERMS = 20
"""An article is indexed under its highest-weighted terms only (blocking)."""
MAX_POSTINGS = 400
"""A term held by more articles than this is no block (it names no one event)."""
WINDOW_DAYS = 7
"""Dated articles further apart than this are not candidates of each other."""
LINK_THRESHOLD = 0.16
ATTACH_TIE = 0.14
"""A lone report's strongest tie to a story that lets it join (see _attach_singletons)."""
ATTACH_AVERAGE = 0.10
"""...and its average similarity to the story's reports."""
"""Average cosine between two clusters' articles needed to merge them."""

TOKEN_RE = re.compile(
    r"(?P<number>[$€£]?\d[\d,.]*\d|[$€£]?\d)(?:[-\s](?P<counted>[A-Za-z][a-z]+))?"
    r"|(?P<word>[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z])"
)
SENTENCE_BREAK_RE = re.compile(r"[.!?:;\"“”‘’(\n]\s*$")
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
    words = text.split(maxsplit=LEAD_WORDS)
    return text[: len(text) - len(words[-1])] if len(words) > LEAD_WORDS else text


def _tokens(text: str, lex: Lexicon) -> list[str]:
    """Stemmed content words, name sequences as one token, figures with what they count."""
    tokens: list[str] = []
    name: list[str] = []

    def close_name() -> None:
        if len(name) > 1:
            tokens.append("_".join(name))
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
        initial = (
            SENTENCE_BREAK_RE.search(text, max(0, match.start() - 3), match.start()) or match.start() == 0
        )
        capital = (
            (word[0].isupper() and len(word) > 1 and not word.isupper()) or (word.isupper() and len(word) > 2)
        ) and lowered.rstrip(".") not in lex.titles
        if lowered in lex.stopwords or lowered in lex.date_words or len(lowered) < 2:
            close_name()
            continue
        if capital and not (initial and not name):
            name.append(lowered)
        else:
            close_name()
            if capital:
                name.append(lowered)
        tokens.append(
            NAME_MARK + lowered
            if capital and not (initial and not name)
            else lowered
            if capital
            else stem(lowered)
        )
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


def _vectors(articles: list[Article], lex: Lexicon) -> tuple[Any, list[frozenset[str]]]:
    """Unit TF-IDF vectors of the articles' titles and leads (a sparse matrix, one row each),
    and the names each one uses."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    outlets = _outlet_pattern(articles, lex)
    documents = []
    names = []
    for article in articles:
        title, lead = story_text(article, outlets)
        tokens = _tokens(title, lex) * TITLE_WEIGHT + _tokens(lead, lex)
        documents.append(tokens)
        names.append(
            frozenset(token.removeprefix(NAME_MARK) for token in tokens if token.startswith(NAME_MARK))
        )
    vectorizer = TfidfVectorizer(
        analyzer=lambda tokens: [token.removeprefix(NAME_MARK) for token in tokens],
        sublinear_tf=True,
        norm="l2",
    )
    return vectorizer.fit_transform(documents).tocsr(), names


def _day(article: Article) -> date | None:
    return article.reference_date


def _candidates(
    matrix: Any, days: list[date | None], names: list[frozenset[str]]
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) for articles sharing a top term, within the window when both are dated."""
    postings: dict[int, list[int]] = defaultdict(list)
    for row in range(matrix.shape[0]):  # type: ignore[attr-defined]
        start, end = matrix.indptr[row], matrix.indptr[row + 1]  # type: ignore[attr-defined]
        weights = matrix.data[start:end]  # type: ignore[attr-defined]
        columns = matrix.indices[start:end]  # type: ignore[attr-defined]
        for position in weights.argsort()[::-1][:TOP_TERMS]:
            postings[int(columns[position])].append(row)
    pairs: set[tuple[int, int]] = set()
    for rows in postings.values():
        if len(rows) < 2 or len(rows) > MAX_POSTINGS:
            continue
        for index, first in enumerate(rows):
            for second in rows[index + 1 :]:
                day_a, day_b = days[first], days[second]
                if day_a is not None and day_b is not None and abs((day_a - day_b).days) > WINDOW_DAYS:
                    continue
                if names[first] and names[second] and not names[first] & names[second]:
                    continue  # "Storm hits Varnok" and "Storm hits Tesmir": two events
                pairs.add((first, second))
    edges = []
    for first, second in pairs:
        similarity = float(matrix[first].multiply(matrix[second]).sum())
        if similarity >= min(LINK_THRESHOLD, ATTACH_TIE):
            edges.append((similarity, first, second))
    return edges


def _average_link(
    matrix: Any, edges: list[tuple[float, int, int]], union: UnionFind, days: list[date | None]
) -> None:
    """Merge along the strongest edges while the clusters' average pairwise cosine holds
    and their dated articles stay within the window (undated ones never widen it)."""
    members: dict[int, list[int]] = {}
    sums: dict[int, object] = {}
    spans: dict[int, tuple[date, date] | None] = {}
    for row in range(matrix.shape[0]):  # type: ignore[attr-defined]
        root = union.find(str(row))
        members.setdefault(int(root), []).append(row)
    for root, rows in members.items():
        sums[root] = matrix[rows].sum(axis=0) if len(rows) > 1 else matrix[rows[0]]  # type: ignore[index]
        if len(rows) > 1:
            from scipy.sparse import csr_matrix

            sums[root] = csr_matrix(sums[root])
        dated = [days[row] for row in rows if days[row] is not None]
        spans[root] = (min(dated), max(dated)) if dated else None  # type: ignore[type-var]
    heap = [(-similarity, first, second) for similarity, first, second in edges]
    heapq.heapify(heap)
    while heap:
        _negative, first, second = heapq.heappop(heap)
        root_a, root_b = int(union.find(str(first))), int(union.find(str(second)))
        if root_a == root_b:
            continue
        span = _joined_span(spans[root_a], spans[root_b])
        if span is not None and (span[1] - span[0]).days > WINDOW_DAYS:
            continue
        size = len(members[root_a]) * len(members[root_b])
        average = float(sums[root_a].multiply(sums[root_b]).sum()) / size
        if average < LINK_THRESHOLD:
            continue
        union.union(str(root_a), str(root_b))
        merged = int(union.find(str(root_a)))
        other = root_b if merged == root_a else root_a
        members[merged] = members[root_a] + members[root_b]
        sums[merged] = sums[root_a] + sums[root_b]  # type: ignore[operator]
        spans[merged] = span
        del members[other], sums[other], spans[other]


def _attach_singletons(
    matrix: Any, edges: list[tuple[float, int, int]], union: UnionFind, days: list[date | None]
) -> None:
    """A report left alone (a short statement, a side angle) joins the story it resembles
    most, when its strongest tie is nearly a merge and it resembles the story as a whole."""
    members: dict[str, list[int]] = {}
    for row in range(matrix.shape[0]):
        members.setdefault(union.find(str(row)), []).append(row)
    best: dict[int, tuple[float, int]] = {}
    for similarity, first, second in edges:
        for lone, other in ((first, second), (second, first)):
            if len(members[union.find(str(lone))]) == 1 and len(members[union.find(str(other))]) > 1:
                if similarity > best.get(lone, (0.0, -1))[0]:
                    best[lone] = (similarity, other)
    for lone, (similarity, other) in sorted(best.items()):
        if similarity < ATTACH_TIE:
            continue
        story = members[union.find(str(other))]
        average = float(matrix[story].dot(matrix[lone].T).sum()) / len(story)
        dated = [days[row] for row in story if days[row] is not None]
        if days[lone] is not None and dated:
            span = max([*dated, days[lone]]) - min([*dated, days[lone]])
            if span.days > WINDOW_DAYS:
                continue
        if average >= ATTACH_AVERAGE:
            union.union(str(lone), str(other))


def _joined_span(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def cluster_stories(articles: list[Article], rules_dir: str | None = None) -> list[Story]:
    """Stories of a corpus: copies together, then average-link TF-IDF clustering."""
    if not articles:
        return []
    lex = lexicon(rules_dir)
    index_of = {article.id: index for index, article in enumerate(articles)}
    union = UnionFind(str(index) for index in range(len(articles)))
    for article in articles:
        if article.duplicate_of in index_of:
            union.union(str(index_of[article.id]), str(index_of[article.duplicate_of]))
    matrix, names = _vectors(articles, lex)
    days = [_day(article) for article in articles]
    edges = _candidates(matrix, days, names)
    _average_link(matrix, [edge for edge in edges if edge[0] >= LINK_THRESHOLD], union, days)
    _attach_singletons(matrix, edges, union, days)
    components = [
        sorted((articles[int(row)] for row in component), key=canonical_order)
        for component in union.components()
    ]
    components.sort(key=lambda component: canonical_order(component[0]))
    stories = []
    for number, component in enumerate(components, 1):
        first = component[0]
        stories.append(
            Story(id=f"story-{number}", label=first.title or first.id, article_ids=[a.id for a in component])
        )
    return stories
