"""The noise corpus (tests/noise): the gold is consistent with the pages it describes.

Checks data only, not claimcheck: every page has a gold entry and every entry a page;
every gold string occurs in the page's visible text; body paragraphs occur in order;
body, noise and neutral strings never overlap one another.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

NOISE = Path(__file__).resolve().parent / "noise"
PAGES = NOISE / "pages"
GOLD = NOISE / "gold.yaml"

SUFFIXES = {".txt", ".md", ".html"}
ENTRY_KEYS = {"layout", "body", "noise", "neutral"}
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)
DIGIT_OR_DATE_RE = re.compile(
    r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday|tomorrow)\b"
    r"|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|\bago\b|\bnoon\b|\bmidnight\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b",
    re.IGNORECASE,
)

# Elements a browser does not render as page text.
INVISIBLE = {"script", "style", "head", "title", "template", "noscript", "svg"}
# Elements whose boundaries separate words (a browser starts a new box or line there).
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "label", "li", "main", "nav", "ol", "option", "p", "pre", "section",
    "select", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "amp-img", "amp-carousel", "amp-ad", "amp-live-list", "img", "input",
}  # fmt: skip


def normalize(text: str) -> str:
    return " ".join(text.split())


class VisibleText(HTMLParser):
    """Text a browser shows: no script/style/head; block boundaries become spaces.

    `blocks` holds the text of each run between two block boundaries (a paragraph,
    a list item, a table cell, a caption).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.hidden = 0

    def _boundary(self) -> None:
        if self.blocks[-1]:
            self.blocks.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in INVISIBLE:
            self.hidden += 1
        elif tag in BLOCK:
            self._boundary()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self._boundary()

    def handle_endtag(self, tag: str) -> None:
        if tag in INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK:
            self._boundary()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.blocks[-1].append(data)


def blocks(path: Path) -> list[str]:
    """The page's visible text as blocks (HTML) or lines (text), whitespace-normalised."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = VisibleText()
        parser.feed(raw)
        parser.close()
        found = ["".join(block) for block in parser.blocks]
    else:
        found = FRONT_MATTER_RE.sub("", raw, count=1).split("\n")
    return [text for text in map(normalize, found) if text]


def visible_text(path: Path) -> str:
    """The page's visible text, whitespace-normalised (single spaces)."""
    return " ".join(blocks(path))


def load_gold() -> dict:
    with GOLD.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict) and isinstance(data.get("pages"), dict)
    return data["pages"]


GOLD_PAGES = load_gold()
PAGE_FILES = sorted(p.name for p in PAGES.iterdir() if p.is_file())


def occurrences(haystack: str, needle: str) -> list[int]:
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def test_every_page_has_gold_and_every_gold_a_page() -> None:
    assert sorted(GOLD_PAGES) == PAGE_FILES


def test_corpus_size_and_mix() -> None:
    suffixes = [Path(name).suffix for name in PAGE_FILES]
    assert set(suffixes) <= SUFFIXES
    assert len(PAGE_FILES) >= 24
    assert suffixes.count(".txt") >= 8 and suffixes.count(".md") >= 5 and suffixes.count(".html") >= 7


@pytest.mark.parametrize("name", PAGE_FILES)
def test_gold_strings_are_in_the_page_and_do_not_overlap(name: str) -> None:
    entry = GOLD_PAGES[name]
    assert set(entry) <= ENTRY_KEYS, set(entry) - ENTRY_KEYS
    assert isinstance(entry.get("layout"), str) and entry["layout"].strip()
    body = entry.get("body") or []
    noise = entry.get("noise") or []
    neutral = entry.get("neutral") or []
    for group in (body, noise, neutral):
        assert isinstance(group, list) and all(isinstance(s, str) and s.strip() for s in group)
        assert all(s == normalize(s) for s in group), "gold strings are whitespace-normalised"
    assert noise, "every page has noise with figures or dates"
    assert all(DIGIT_OR_DATE_RE.search(s) for s in noise), [
        s for s in noise if not DIGIT_OR_DATE_RE.search(s)
    ]
    assert len(set(noise)) == len(noise) and len(set(neutral)) == len(neutral)

    text = visible_text(PAGES / name)
    taken: list[tuple[int, int, str]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < t_end and t_start < end for t_start, t_end, _ in taken)

    # Body paragraphs: in order, each after the one before.
    cursor = 0
    for paragraph in body:
        start = text.find(paragraph, cursor)
        assert start != -1, f"body paragraph not found (in order): {paragraph!r}"
        end = start + len(paragraph)
        assert not overlaps(start, end)
        taken.append((start, end, "body"))
        cursor = end
    # Noise and neutral strings: somewhere outside the body and outside each other
    # (longest first, so that a short string does not take the place of a longer one).
    others = [("neutral", s) for s in neutral] + [("noise", s) for s in noise]
    for kind, string in sorted(others, key=lambda item: -len(item[1])):
        starts = occurrences(text, string)
        assert starts, f"{kind} string not found: {string!r}"
        free = [s for s in starts if not overlaps(s, s + len(string))]
        assert free, f"{kind} string only occurs inside other gold text: {string!r}"
        taken.append((free[0], free[0] + len(string), kind))
    # No gold string contains another of a different kind (a scorer matches by containment).
    labelled = [(s, "body") for s in body] + [(s, "noise") for s in noise]
    for string, kind in labelled:
        for other, other_kind in labelled:
            if kind != other_kind:
                assert other not in string, f"{other_kind} {other!r} inside {kind} {string!r}"


@pytest.mark.parametrize("name", PAGE_FILES)
def test_every_line_with_a_figure_or_date_is_in_the_gold(name: str) -> None:
    """The gold is complete: a line (text) or block (HTML) with a digit or a date word
    is body, noise or neutral, in whole or in part."""
    entry = GOLD_PAGES[name]
    gold = [*(entry.get("body") or []), *(entry.get("noise") or []), *(entry.get("neutral") or [])]
    missing = [
        block
        for block in blocks(PAGES / name)
        if DIGIT_OR_DATE_RE.search(block) and not any(block in s or s in block for s in gold)
    ]
    assert not missing
