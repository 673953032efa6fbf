"""HTML pages written here: main text, metadata, publication date, encodings, errors."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from claimcheck.errors import InputError
from claimcheck.ingest.html import decode_html, extract_html

BODY = """
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li>
<li><a href="/sport">Sportsdesk</a></li></ul></nav>
<article>
<h1>Storm closes 40 schools</h1>
<p>A storm closed 40 schools across the valley on Tuesday, the education office said,
and about 2,000 homes lost power in the night.</p>
<p>“We expect to reopen most of them by Thursday,” said the office’s director, Ana Müller,
adding that crews had already cleared 12 roads near the river.</p>
<p>The weather service said winds reached 110 km/h overnight, the strongest since 1999,
and warned that more rain would fall on the hills before the weekend.</p>
</article>
<aside><h2>Most Read</h2><ul><li><a href="/a">Other story about 7 cats</a></li></ul></aside>
<footer>© 2024 The Valley Courier. All rights reserved.</footer>
"""


def page(head: str = "", body: str = BODY, charset: str = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head>{meta}"
        f"<title>Storm closes 40 schools | The Valley Courier</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
    '[{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Storm closes 40 schools",'
    ' "datePublished": "2024-03-12T10:43:00+02:00", "dateModified": "2024-03-13T08:00:00Z"}]}'
    "</script>"
)
SITE = (
    '<meta property="og:site_name" content="The Valley Courier">'
    '<meta property="og:title" content="Storm closes 40 schools">'
    '<meta property="og:url" content="https://courier.example/news/storm-schools">'
)


@pytest.fixture(scope="module")
def full_page() -> object:
    return extract_html(page(SITE + JSON_LD).encode("utf-8"), "storm.html")


def test_main_text_keeps_paragraphs_and_drops_menus(full_page: object) -> None:
    text = full_page.text  # type: ignore[attr-defined]
    assert "A storm closed 40 schools across the valley on Tuesday" in text
    assert "110 km/h" in text
    assert "Ana Müller" in text and "“We expect" in text
    for furniture in ("Newsroom", "Sportsdesk", "All rights reserved"):
        assert furniture not in text
    # One paragraph a line: the sentence splitter ends a sentence at each line break.
    lines = [line for line in text.splitlines() if line.strip()]
    assert any(line.startswith("The weather service") for line in lines)


def test_metadata(full_page: object) -> None:
    assert full_page.title == "Storm closes 40 schools"  # type: ignore[attr-defined]
    assert full_page.site_name == "The Valley Courier"  # type: ignore[attr-defined]
    assert full_page.url == "https://courier.example/news/storm-schools"  # type: ignore[attr-defined]


def test_json_ld_date_published_keeps_time_and_offset(full_page: object) -> None:
    published = full_page.published  # type: ignore[attr-defined]
    assert published == datetime(2024, 3, 12, 10, 43, tzinfo=timezone(timedelta(hours=2)))
    assert full_page.published_origin == "metadata"  # type: ignore[attr-defined]
    assert full_page.published_from == "json-ld"  # type: ignore[attr-defined]


SECTION_FRONT = """
<main><h1>Business</h1>
<article><h2><a href="/b/1">Mill to cut 120 jobs as orders fall 30%</a></h2>
<p>The Brenford mill will close one of its 3 lines, the company said on Monday.</p></article>
<article><h2><a href="/b/2">Port traffic up 8% in September</a></h2><p>Oct. 2, 2024</p></article>
<article><h2><a href="/b/3">Bakery chain opens 4 shops</a></h2><p>Oct. 1, 2024</p></article>
</main>
"""


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:type" content="website">',
        '<script type="application/ld+json">{"@type": "CollectionPage", "name": "Business"}</script>',
    ],
)
def test_a_section_front_is_no_article(head: str) -> None:
    with pytest.raises(InputError, match="a list of 3 stories"):
        extract_html(page(head, SECTION_FRONT).encode(), "business.html")


def test_an_article_with_story_cards_beside_it_is_an_article() -> None:
    cards = '<article><h2><a href="/x">Other story with 7 cats</a></h2></article>' * 2
    head = '<meta property="og:type" content="website">'
    document = extract_html(page(head, BODY + cards).encode(), "storm.html")
    assert "40 schools" in document.text


def test_json_ld_prefers_the_article_over_listed_stories() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "ItemList", "itemListElement": '
        '[{"@type": "ListItem", "item": {"@type": "Thing", "datePublished": "2020-01-01"}}]},'
        ' {"@type": "NewsArticle", "datePublished": "2024-03-12"}]}</script>'
    )
    document = extract_html(page(head).encode(), "list.html")
    assert document.published == date(2024, 3, 12)


def test_meta_published_time() -> None:
    head = '<meta property="article:published_time" content="2023-09-22T07:43:00Z">'
    document = extract_html(page(head).encode(), "meta.html")
    assert document.published == datetime(2023, 9, 22, 7, 43, tzinfo=UTC)
    assert document.published_from == "meta"


def test_date_only_markup_is_read_by_htmldate() -> None:
    head = '<meta name="date" content="2023-09-22">'
    document = extract_html(page(head).encode(), "dated.html")
    assert document.published == date(2023, 9, 22)
    assert document.published_origin == "metadata"


def test_no_date() -> None:
    document = extract_html(page().encode(), "undated.html")
    assert document.published is None
    assert document.published_origin is None


def test_date_after_latest_is_not_a_publication_date() -> None:
    head = '<meta property="article:published_time" content="2031-01-05T07:43:00Z">'
    document = extract_html(page(head).encode(), "future.html", latest=date(2024, 1, 1))
    assert document.published is None


ENCODING_CASES = [
    # (name, bytes, expected fragment of the decoded text)
    ("declared windows-1252", page(charset="windows-1252").encode("cp1252"), "Ana Müller"),
    (
        "http-equiv latin-1",
        page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', charset="")
        .replace("’", "'")
        .replace("“", '"')
        .replace("”", '"')
        .encode("latin-1"),
        "Müller",
    ),
    ("utf-8 byte-order mark", b"\xef\xbb\xbf" + page(charset="").encode("utf-8"), "“We expect"),
    ("utf-16 byte-order mark", page(charset="").encode("utf-16"), "Ana Müller"),
    ("no declaration means utf-8", page(charset="").encode("utf-8"), "office’s director"),
    ("wrong declaration falls back to utf-8", page(charset="ascii").encode("utf-8"), "Müller"),
    ("unknown charset name falls back to utf-8", page(charset="x-no-such").encode(), "Müller"),
]


@pytest.mark.parametrize(
    ("data", "fragment"), [c[1:] for c in ENCODING_CASES], ids=[c[0] for c in ENCODING_CASES]
)
def test_decoding(data: bytes, fragment: str) -> None:
    assert fragment in decode_html(data, "page.html")


def test_decoded_page_is_extracted() -> None:
    data = page(charset="windows-1252").encode("cp1252")
    assert "Ana Müller" in extract_html(data, "cp1252.html").text


ERROR_CASES = [
    ("empty", b"", "empty"),
    ("whitespace only", b"  \n\t ", "empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("undecodable without declaration", page(charset="").encode("latin-1", "replace"), "utf-8"),
    (
        "no article text",
        b"<html><head><title>x</title></head><body><div><img src='a.png'></div></body></html>",
        "no article text",
    ),
]


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_errors_name_the_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(data, "bad/page.html")
    assert caught.value.path == "bad/page.html"
    assert reason in caught.value.reason.lower()


def test_import_is_lazy() -> None:
    code = "import sys, claimcheck.ingest.html;print('trafilatura' in sys.modules, 'htmldate' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-02-30T07:43:00Z">',
        '<meta name="date" content="2024-02-30">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-02-30"}</script>',
    ],
)
def test_an_impossible_stated_date_is_reported_and_no_date_guessed(head: str) -> None:
    document = extract_html(page(head).encode(), "leap.html")
    assert document.published is None  # htmldate alone would read 2024-02-01
    [note] = document.notes
    assert note.startswith("the page's markup: published '2024-02-30")
    assert note.endswith("is no date (February 2024 has 29 days); it was left out")


def test_an_impossible_date_beside_a_readable_one_is_not_reported() -> None:
    head = (
        '<meta name="date" content="2024-02-30">'
        '<meta property="article:published_time" content="2024-02-28T07:43:00Z">'
    )
    document = extract_html(page(head).encode(), "leap.html")
    assert document.published == datetime(2024, 2, 28, 7, 43, tzinfo=UTC) and document.notes == ()
