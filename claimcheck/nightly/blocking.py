"""Blocks of a report window that can be linked into stories apart from one another.

Near-duplicates and stories only ever join articles that share a feature:
`stories.duplicates.find_duplicates` compares articles sharing a body shingle (or
the whole normalised body), `stories.clustering.cluster_stories` articles sharing
a salient name (or, for articles that name no one, a title-and-lead word). Each
feature is compared across all the articles that hold it (a feature held by many
is compared against its first holders only), so a block must hold every holder
of each of its features: the blocks are the connected components of "shares a
feature". Linking each block on its own then gives exactly the duplicates and
stories of linking the whole window, and so does any union of blocks.
"""

from __future__ import annotations

import hashlib

from claimcheck.extract.words import lexicon
from claimcheck.models import Article

# The features the linking compares (private to it, read here so the blocks follow them).
from claimcheck.stories.clustering import _lead_words, _story_features
from claimcheck.stories.duplicates import clean_text, shingles


def _key(kind: str, value: object) -> int:
    """A feature as 8 bytes (a collision only merges two blocks: still exact, a little larger)."""
    return int.from_bytes(hashlib.blake2b(f"{kind}:{value}".encode(), digest_size=8).digest(), "big")


def story_keys(article: Article, rules_dir: str | None = None) -> list[int]:
    """Every feature by which the linking may join this article to another, as integers."""
    lex = lexicon(rules_dir)
    text = clean_text(article)
    keys = {_key("shingle", value) for value in shingles(text)}
    body = " ".join(text.split()).lower()
    if body:
        keys.add(_key("body", body))
    names = _story_features(article, lex)
    keys.update(_key("name", name) for name in names)
    if not names:
        keys.update(_key("lead", word) for word in _lead_words(article, lex))
    return sorted(keys)


def blocks(keys: list[list[int]]) -> list[list[int]]:
    """The connected components of articles (by position) that share a key, each in position
    order, ordered by their first position."""
    parent = list(range(len(keys)))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    holder: dict[int, int] = {}
    for position, article_keys in enumerate(keys):
        for key in article_keys:
            other = holder.setdefault(key, position)
            if other != position:
                a, b = root(position), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    components: dict[int, list[int]] = {}
    for position in range(len(keys)):
        components.setdefault(root(position), []).append(position)
    return sorted(components.values(), key=lambda component: component[0])
