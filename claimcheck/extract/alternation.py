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
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body
