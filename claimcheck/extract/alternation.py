"""Literal phrases as one regex alternation written as a trie.

    trie_alternation(phrases) -> str

"seven|seventeen|seventy" becomes "seven(?:t(?:een|y))?": the regex engine tests each
first character once instead of trying every phrase in turn at every position, which is
most of the cost of scanning text for long word lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases, as a trie (fast: no backtracking over siblings).

    Spaces inside a phrase match any run of whitespace; longer phrases win.
    """
    trie: dict[str, Any] = {}
    for phrase in {p for p in phrases if p}:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    # A run of single letters ("eighteen" after "eigh") is written in one go, not one call a
    # letter: the same text, built faster (every cold start builds these patterns).
    chain = []
    while len(node) == 1 and "" not in node:
        ((char, node),) = node.items()
        chain.append(_escaped(char))
    branches = [_escaped(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return "".join(chain)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return "".join(chain) + body


def _escaped(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)
