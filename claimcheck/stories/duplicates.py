"""Near-duplicate articles: wire copy carried twice, a page scraped twice.

    find_duplicates(articles) -> {article id: id of its canonical copy}

Shingles of the body (page noise removed) are indexed, so only articles sharing
shingles are compared; containment, not similarity, decides.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

from claimcheck.extract.words import WORD_RE
from claimcheck.models import Article
from claimcheck.stories.linking import SHINGLE_POSTINGS, UnionFind, candidate_pairs

SHINGLE_SIZE = 5
"""Words per shingle: long enough that two independent reports rarely share one."""
SHINGLE_SAMPLE = 4
"""Keep one shingle in SHINGLE_SAMPLE (by hash) on long texts: a stable sample, as in winnowing."""
SHINGLE_SAMPLE_MIN = 120
"""Texts with fewer shingles keep them all, so short wire items still compare."""
DUPLICATE_CONTAINMENT = 0.7
"""Share of the shorter text's shingles found in the longer one that makes a near-duplicate."""
MIN_DUPLICATE_SHINGLES = 8


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


def published_key(article: Article) -> tuple[int, str, str]:
    """Sort key: dated articles first, earliest first. A date without a time is read as
    late that day, after the timed reports of the day: a copy syndicated without its time
    must not come before the wire original it copies. Times with an offset compare in UTC."""
    published = article.published
    if published is None:
        return (1, "", "")
    if not isinstance(published, datetime):
        return (0, published.isoformat(), "~")
    if published.tzinfo is not None and published.utcoffset() is not None:
        published = published.astimezone(UTC).replace(tzinfo=None)
    return (0, published.date().isoformat(), published.time().isoformat())


def canonical_order(article: Article) -> tuple[tuple[int, str, str], int, int, str]:
    # Earliest first; then the shortest copy (copies gain furniture and credit lines); then id.
    return (published_key(article), len(clean_text(article)), len(article.text), article.id)


def find_duplicates(articles: list[Article]) -> dict[str, str]:
    """Near-duplicate bodies (wire copy carried twice, a page scraped twice): id -> canonical id.

    Two articles are copies when most shingles of the shorter one occur in the longer
    one (containment, so extra page furniture around a copy does not hide it).
    """
    texts = {article.id: clean_text(article) for article in articles}
    features = {article_id: shingles(text) for article_id, text in texts.items()}
    by_id = {article.id: article for article in articles}
    union = UnionFind(by_id)
    exact: dict[str, str] = {}
    for article in articles:
        key = " ".join(texts[article.id].split()).lower()
        if key and key in exact:
            union.union(exact[key], article.id)
        elif key:
            exact[key] = article.id
    for (a, b), count in sorted(candidate_pairs(features, SHINGLE_POSTINGS).items()):
        smaller = min(len(features[a]), len(features[b]))
        if smaller >= MIN_DUPLICATE_SHINGLES and count / smaller >= DUPLICATE_CONTAINMENT:
            union.union(a, b)
    duplicates: dict[str, str] = {}
    for component in union.components():
        if len(component) < 2:
            continue
        canonical = min((by_id[item] for item in component), key=canonical_order).id
        for item in component:
            if item != canonical:
                duplicates[item] = canonical
    return duplicates
