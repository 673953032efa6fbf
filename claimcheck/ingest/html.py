"""Main text and metadata of an HTML page.

    extract_html(data, path, latest=None) -> HtmlDocument

The page is decoded with its declared encoding (byte-order mark, then
`<meta charset>` / `http-equiv` / XML declaration, else UTF-8); trafilatura takes
the main text (paragraphs one a line, menus and comments left out), and htmldate
the publication date from the markup only (no search of the whole text, the
original date rather than the last update, and no clock: the upper bound is the
`latest` argument or a fixed far date). An exact publication time with its UTC
offset is kept where the page's JSON-LD or meta tags give one.

trafilatura and htmldate are slow to import, so they are imported when a page is read.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from claimcheck.errors import InputError
from claimcheck.ingest.published import ISO_PUBLISHED_RE, parse_published, read_published

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

# Bounds for htmldate: pages before the web's news era are misreadings; the upper bound
# is fixed (not "now") so that a run does not depend on the clock.
EARLIEST_DATE = "1995-01-01"
LATEST_DATE = "2099-12-31"

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DECLARATION_WINDOW = 4096  # the HTML spec looks for a declared charset in the first 1024 bytes
CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*(?P<charset>[A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["'](?P<xml>[A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
BINARY_SAMPLE = 8192

# Where pages state their publication time (read before htmldate, which keeps only the day).
META_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished' or @property='og:published_time'"
    " or @name='pubdate' or @name='publishdate' or @name='publish-date'"
    " or @name='parsely-pub-date' or @name='sailthru.date' or @name='dc.date.issued'"
    " or @name='DC.date.issued']/@content"
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)
# Any date the head states (htmldate reads these too): an impossible one is reported, and then
# no date is guessed from the page (htmldate reads "2024-02-30" as 2024-02-01).
_LOWER = (
    "translate(concat(@name, ' ', @property, ' ', @itemprop),"
    " 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
)
STATED_DATES_XPATH = (
    f"//meta[contains({_LOWER}, 'date') or contains({_LOWER}, 'published')]/@content | //time/@datetime"
)
JSON_LD_XPATH = "//script[@type='application/ld+json']/text()"
JSON_LD_MAX_DEPTH = 8
# schema.org types of the page's own story (other objects may be related stories).
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "WebPage",
    }
)


# schema.org types of a page that lists other stories: a section front, a tag or search page.
COLLECTION_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage"})
# Story cards of a list page: <article> elements whose heading is a link to the story.
CARD_XPATH = "//article[.//*[self::h1 or self::h2 or self::h3 or self::h4]//a[@href]]"
MIN_CARDS = 2
STORY_WORDS = 60  # a card has a headline and a line or two; a story has paragraphs


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    text: str
    title: str | None = None
    site_name: str | None = None
    published: date | datetime | None = None
    url: str | None = None
    published_origin: Literal["metadata"] | None = None
    """"metadata" when the page's markup gives the publication date, else None."""
    published_from: str | None = None
    """Where the date was read: "json-ld", "meta" (tags or <time>), or "htmldate"."""
    notes: tuple[str, ...] = ()
    """What was left out of the page's metadata, and why (warnings)."""


def extract_html(data: bytes, path: str, latest: date | None = None) -> HtmlDocument:
    """The article of an HTML page: main text, title, site name, publication date, URL.

    `latest` bounds the publication date (a page cannot be published after the run's
    reference date); without it any date up to 2099 is accepted.
    Raises InputError for an empty, binary or undecodable page, or one with no main text.
    """
    html = decode_html(data, path)
    import trafilatura  # lazy: slow to import, and only HTML input needs it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise InputError(path, "not an HTML page (the markup cannot be parsed)")
    published, published_from = _published_from_markup(tree)
    impossible = _impossible_date(tree) if published is None else None
    cards = _story_cards(tree)
    if cards:
        raise InputError(path, f"a list of {cards} stories (a section or index page), not an article")
    params = {
        "extensive_search": False,
        "original_date": True,
        "outputformat": "%Y-%m-%d",
        "min_date": EARLIEST_DATE,
        "max_date": latest.isoformat() if latest else LATEST_DATE,
    }
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=params,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(path, "no article text found in the page")
    found_date = _parse_date(getattr(document, "date", None))
    if published is not None and latest is not None and _day(published) > latest:
        published, published_from = None, None
    if published is None and found_date is not None and impossible is None:
        published, published_from = found_date, "htmldate"
    return HtmlDocument(
        text=text,
        title=_clean(getattr(document, "title", None)),
        site_name=_clean(getattr(document, "sitename", None)),
        published=published,
        url=_clean(getattr(document, "url", None)),
        published_origin="metadata" if published is not None else None,
        published_from=published_from,
        notes=(f"the page's markup: {impossible}",) if impossible else (),
    )


def decode_html(data: bytes, path: str) -> str:
    """The page's text in its declared encoding (BOM, then meta / XML declaration, else UTF-8)."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, path, "its byte-order mark")
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise InputError(path, "binary file, not an HTML page")
    declared = CHARSET_RE.search(data[:DECLARATION_WINDOW])
    if declared:
        name = (declared.group("charset") or declared.group("xml") or b"").decode("ascii")
        named: str | None
        try:
            named = codecs.lookup(name).name
        except LookupError:
            named = None
        if named is not None:
            try:
                return data.decode(named)
            except UnicodeDecodeError:
                pass  # a wrong declaration: UTF-8 is the web's default
    return _decode(data, "utf-8", path, "no declared encoding" if not declared else "UTF-8")


def _decode(data: bytes, encoding: str, path: str, why: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"cannot decode as {encoding} ({why}): invalid byte at offset {exc.start}"
        ) from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def _story_cards(tree: HtmlElement) -> int:
    """How many stories a list page shows (0 for an article page): the page's JSON-LD says it
    is a collection and it holds story cards, or it is no article ("og:type" other than
    "article") and holds MIN_CARDS cards or more. Its text would be the first card's."""
    cards = tree.xpath(CARD_XPATH)
    if len(cards) < MIN_CARDS or any(_has_story(card) for card in tree.xpath("//article")):
        return 0
    kinds: set[str] = set()
    for script in tree.xpath(JSON_LD_XPATH):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes if isinstance(nodes, list) else []:
            kind = node.get("@type") if isinstance(node, dict) else None
            kinds.update(kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else [])
    if kinds & ARTICLE_TYPES - {"WebPage"}:
        return 0
    og_type = tree.xpath("string(//meta[@property='og:type']/@content)").strip().lower()
    return len(cards) if kinds & COLLECTION_TYPES or og_type not in ("", "article") else 0


def _has_story(article: HtmlElement) -> bool:
    """An <article> that holds a story, not a card: STORY_WORDS words of paragraphs or more."""
    return sum(len(p.text_content().split()) for p in article.xpath(".//p")) >= STORY_WORDS


def _published_from_markup(tree: HtmlElement) -> tuple[date | datetime | None, str | None]:
    """The publication time from JSON-LD `datePublished` (of the page's article object
    first: a page may also list other stories with their own dates), then meta tags and
    <time>."""
    fallback: date | datetime | None = None
    for script in tree.xpath(JSON_LD_XPATH):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for is_article, stated in _dates_published(data):
            parsed = _parse_date(stated)
            if parsed is None:
                continue
            if is_article:
                return parsed, "json-ld"
            fallback = fallback or parsed
    if fallback is not None:
        return fallback, "json-ld"
    for content in tree.xpath(META_PUBLISHED_XPATH):
        value = _parse_date(str(content))
        if value is not None:
            return value, "meta"
    return None, None


def _impossible_date(tree: HtmlElement) -> str | None:
    """Why a date the page's head states in ISO form is no date ("2024-02-30"), or None."""
    for content in tree.xpath(STATED_DATES_XPATH):
        text = " ".join(str(content).split())
        if ISO_PUBLISHED_RE.match(text) and _parse_date(text) is None:
            return read_published(text).note
    for script in tree.xpath(JSON_LD_XPATH):
        with contextlib.suppress(ValueError):
            for _is_article, stated in _dates_published(json.loads(script)):
                if ISO_PUBLISHED_RE.match(stated.strip()) and _parse_date(stated.strip()) is None:
                    return read_published(stated).note
    return None


def _dates_published(data: Any, depth: int = 0) -> Iterator[tuple[bool, str]]:
    """(is the object an article, datePublished) of every object in nested JSON-LD."""
    if depth > JSON_LD_MAX_DEPTH:
        return
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            kinds = data.get("@type")
            names = kinds if isinstance(kinds, list) else [kinds]
            yield any(isinstance(n, str) and n in ARTICLE_TYPES for n in names), value
        children: Any = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return
    for child in children:
        yield from _dates_published(child, depth + 1)


def _parse_date(value: str | None) -> date | datetime | None:
    """An ISO date or datetime (with or without a UTC offset); anything else is None."""
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
