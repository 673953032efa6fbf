"""Linking items that share features, near-linearly: an inverted index of features and union-find."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

MAX_POSTINGS = 100
"""A name held by more articles than this is not compared pairwise (see HUBS)."""
SHINGLE_POSTINGS = 20
"""Likewise for a shingle: stock phrases ("the ministry said on Monday") are common."""
HUBS = 5


class UnionFind:
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


def candidate_pairs(features: dict[str, set], max_postings: int) -> Counter[tuple[str, str]]:
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
