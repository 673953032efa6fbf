"""Markdown syntax that must never produce claims, masked out of a draft's text.

    mask_markdown(text) -> str
    mask_comments(text) -> str

Masked characters become spaces (newlines are kept), so the masked text has the
draft's own length, offsets, lines and columns: claims found in it point at the
draft. Masked: fenced and indented code blocks, code spans, link and image
targets (the link text stays), reference definitions, footnote markers,
autolinks and bare URLs, HTML comments and tags. Front matter is already cut
off by ingestion (Article.text is the body).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FENCE_OPEN_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*$")
LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
INDENTED_RE = re.compile(r"^(?: {4}|\t)")

_LABEL = r"\[(?:[^\[\]\n\\]|\\.)+\]"
REFERENCE_DEF_RE = re.compile(
    rf"(?m)^ {{0,3}}{_LABEL}:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$"
)
"""`[label]: url "title"`: a whole line that defines a link target."""

HTML_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)
"""A run of backticks up to the next run of the same length, inside one paragraph."""

_TARGET = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"
_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"
INLINE_LINK_RE = re.compile(
    rf"(?P<open>!?\[)(?P<text>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)(?P<target>\]\(\s*<?{_TARGET}>?{_TITLE}\s*\))"
)
"""`[text](url "title")` and `![alt](url)`: the brackets and the target are masked."""
REFERENCE_LINK_RE = re.compile(
    r"(?P<open>!?\[)(?P<text>(?:[^\[\]\\]|\\.)*)(?P<target>\]\[(?:[^\[\]\\]|\\.)*\])"
)
FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]+\]:?")
AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
BARE_URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+(?:\([^\s<>()]*\)[^\s<>()\[\]]*)*")
HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")


def blank(text: str, regions: Iterable[tuple[int, int]]) -> str:
    """`text` with every character of the regions replaced by a space (newlines kept)."""
    chars = list(text)
    for start, end in regions:
        for index in range(start, end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars)


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its newline) of every line."""
    result = []
    offset = 0
    for line in text.splitlines(keepends=True):
        result.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return result


def code_block_regions(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (fence lines included) and indented code blocks."""
    regions: list[tuple[int, int]] = []
    fence: str | None = None
    fence_start = 0
    previous_blank = True
    in_list = False
    in_code = False
    for offset, line in _lines(text):
        end = offset + len(line)
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                regions.append((fence_start, end))
                fence = None
            continue
        opened = FENCE_OPEN_RE.match(line)
        if opened and not (opened.group("fence")[0] == "`" and "`" in line[opened.end("fence") :]):
            fence, fence_start = opened.group("fence"), offset
            previous_blank = in_code = False
            continue
        if not line.strip():
            previous_blank = True
            continue
        indented = INDENTED_RE.match(line) is not None
        if indented and (in_code or (previous_blank and not in_list)):
            # Indented code cannot interrupt a paragraph, and inside a list it is a continuation.
            regions.append((offset, end))
            in_code = True
        else:
            in_code = False
            if LIST_ITEM_RE.match(line):
                in_list = True
            elif not indented and previous_blank:
                in_list = False
        previous_blank = False
    if fence is not None:  # an unclosed fence runs to the end of the document
        regions.append((fence_start, len(text)))
    return regions


def _link_regions(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    regions = []
    for match in pattern.finditer(text):
        regions.append(match.span("open"))
        regions.append(match.span("target"))
    return regions


def mask_comments(text: str) -> str:
    """Plain-text drafts: only HTML comments (suppression comments) are markup."""
    return blank(text, (match.span() for match in HTML_COMMENT_RE.finditer(text)))


def mask_markdown(text: str) -> str:
    """The draft's text with all Markdown syntax that is not prose blanked out.

    Each pass reads the text masked by the passes before it, so a link inside a
    code span or a comment is never seen as a link.
    """
    masked = blank(text, code_block_regions(text))
    masked = mask_comments(masked)
    masked = blank(masked, (match.span() for match in CODE_SPAN_RE.finditer(masked)))
    masked = blank(masked, (match.span() for match in REFERENCE_DEF_RE.finditer(masked)))
    masked = blank(masked, _link_regions(masked, INLINE_LINK_RE))
    masked = blank(masked, _link_regions(masked, REFERENCE_LINK_RE))
    for pattern in (FOOTNOTE_RE, AUTOLINK_RE, BARE_URL_RE, HTML_TAG_RE):
        masked = blank(masked, (match.span() for match in pattern.finditer(masked)))
    return masked


def mask_code(text: str) -> str:
    """Only code blocks and code spans blanked: where a comment is an example, not a directive."""
    masked = blank(text, code_block_regions(text))
    return blank(masked, (match.span() for match in CODE_SPAN_RE.finditer(masked)))
