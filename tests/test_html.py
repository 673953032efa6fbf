"""The HTML report: a valid, self-contained page that escapes every piece of article text.

The page is parsed with html5lib's strict parser (any parse error raises) and inspected
as a tree; tests/test_browser.py opens it in a real browser.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from xml.etree.ElementTree import Element

import html5lib
import pytest

from claimcheck.models import Article, Claim, ClaimGroup, Finding, Report, Story
from claimcheck.render import RenderOptions, get_renderer
from claimcheck.render._charts import points
from claimcheck.render._digest import digest
from tests.test_render import sample_report

HOSTILE = [
    "<script>alert(1)</script>",
    "\"quoted\" & 'single' &amp; &lt;b&gt;",
    "</td></tr></table><img src=x onerror=alert(1)>",
    "[link](http://evil.example) **bold** <http://evil.example>",
    "$x^2$ and $5",
    "]]> <!-- comment --> <![CDATA[x]]>",
]


def parse(page: str) -> Element:
    """The page as an element tree; html5lib's strict parser raises on any parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)


def hostile_report(payload: str) -> Report:
    report = sample_report()
    articles = [replace(article, source=f"{article.source} {payload}") for article in report.articles]
    groups = [replace(group, label=f"{group.label} {payload}") for group in report.groups]
    findings = [replace(finding, message=f"{finding.message} {payload}") for finding in report.findings]
    stories = [replace(story, label=payload) for story in report.stories]
    return replace(report, articles=articles, groups=groups, findings=findings, stories=stories)


def local_name(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


@pytest.mark.parametrize("payload", HOSTILE)
def test_article_text_is_escaped_everywhere(payload: str) -> None:
    page = get_renderer("html").render(hostile_report(payload))
    tree = parse(page)
    elements = list(tree.iter())
    # One script, the page's own; no images, no event handlers, no links out of the page.
    scripts = [element for element in elements if local_name(element) == "script"]
    assert len(scripts) == 1 and "alert" not in (scripts[0].text or "")
    assert not [element for element in elements if local_name(element) in ("img", "iframe", "object")]
    for element in elements:
        for name, value in element.attrib.items():
            name = name.rsplit("}", 1)[-1]
            assert not name.startswith("on"), (element.tag, name)
            if name in ("href", "src"):
                assert value.startswith("#"), (element.tag, name, value)
    # The payload shows as the very text it is: in the story, the group table, the findings,
    # the quotes' sources and the chart's legend.
    text = "".join(tree.itertext())
    assert text.count(payload) >= 5
    chart_text = "".join("".join(svg.itertext()) for svg in elements if local_name(svg) == "svg")
    assert payload in chart_text


def test_the_page_is_valid_and_self_contained() -> None:
    page = get_renderer("html").render(sample_report())
    tree = parse(page)
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids (the charts' ids are prefixed per chart)"
    # Nothing loaded from elsewhere: no external stylesheet, script, image or font.
    assert not [element for element in tree.iter() if local_name(element) == "link"]
    assert not re.search(r"@import|url\((?!#)", page)
    assert not [element for element in tree.iter() if element.get("src")]
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#") and value[1:] in ids, value


def test_attention_first_then_stories_with_a_chart_for_the_conflict() -> None:
    page = get_renderer("html").render(sample_report())
    tree = parse(page)
    main = next(element for element in tree.iter() if local_name(element) == "main")
    sections = [element.get("id") for element in main if local_name(element) == "section"]
    assert sections[:2] == ["attention", "stories"]
    attention = [element for element in tree.iter() if (element.get("id") or "").startswith("attention-")]
    heads = [
        " ".join(" ".join(div.itertext()).split())
        for item in attention
        for div in item
        if div.get("class") == "item-head"
    ]
    assert heads == [
        "1 Input error news/broken.md",
        "2 Figure conflict people killed story 1 · timeline",
        "3 Date mismatch “yesterday” story 1",
    ]
    charts = [element.get("id") for element in tree.iter() if local_name(element) == "figure"]
    assert charts == ["timeline-g1"]  # the conflicting group; not the consistent one
    timeline = next(element for element in tree.iter() if element.get("id") == "timeline-g1")
    legend = "".join("".join(svg.itertext()) for svg in timeline.iter() if local_name(svg) == "svg")
    assert "Wire One" in legend and "Daily Two" in legend


def test_summary_folds_single_source_figures_and_full_shows_them() -> None:
    summary = get_renderer("html").render(sample_report())
    full = get_renderer("html").render(sample_report(), RenderOptions(detail="full"))
    assert "<summary>1 single-source figure</summary>" in summary
    assert "single-source figure</summary>" not in full
    assert 'id="group-g3"' in summary and 'id="group-g3"' in full


def test_rendering_other_formats_never_imports_jinja2_or_matplotlib() -> None:
    code = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        "main(['check', 'examples', '--format', 'markdown', '--quiet', '-o', '/dev/null'])\n"
        "main(['lint', 'examples/harbor-daily.md'])\n"
        "print(sorted(m for m in ('jinja2', 'matplotlib') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_date_conflict_gets_a_timeline_of_the_days_named() -> None:
    published = [date(2024, 5, 2), datetime(2024, 5, 3, 9, 30, tzinfo=UTC)]
    said = [("May 1", "2024-05-01"), ("in May", "2024-05")]
    articles = [
        Article(id=f"a{n}", source=f"Paper {n}", story="s", published=when, text=text)
        for n, (when, (text, _timex)) in enumerate(zip(published, said, strict=True))
    ]
    claims = [
        Claim(id=f"c{n}", article_id=f"a{n}", kind="date", text=text, start=0, end=len(text), timex=timex)
        for n, (text, timex) in enumerate(said)
    ]
    group = ClaimGroup(
        id="g1",
        label="vote held",
        claim_ids=["c0", "c1"],
        article_ids=["a0", "a1"],
        status="conflict",
        story="s",
        kind="date",
    )
    finding = Finding(
        rule="date-conflict",
        code="CC204",
        severity="warning",
        article_id="a0",
        claim_ids=["c0", "c1"],
        message="vote held: the dates differ",
        group_id="g1",
    )
    report = Report(
        articles=articles,
        stories=[Story(id="s", label="Vote", article_ids=["a0", "a1"])],
        claims=claims,
        groups=[group],
        findings=[finding],
    )
    (row,) = digest(report, RenderOptions()).stories[0].rows
    day, month = points(row, {article.id: article for article in articles})
    assert (day.high - day.low, month.high - month.low) == (1.0, 31.0)  # a day; the month of May
    assert (
        day.day_only
        and not month.day_only
        and month.published - day.published == pytest.approx(0.895833, 1e-5)
    )
    page = get_renderer("html").render(report)
    parse(page)
    assert 'id="timeline-g1"' in page


def test_a_large_night_draws_the_first_timelines_and_says_how_many_are_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A night of tens of thousands of articles has thousands of conflicting figures: a
    # chart for each would take minutes. The cap is lowered here to the sample's one chart.
    from claimcheck.render import html

    monkeypatch.setattr(html, "MAX_CHARTS", 0)
    tree = parse(get_renderer("html").render(sample_report()))
    assert not [element for element in tree.iter() if local_name(element) == "figure"]
    stories = next(element for element in tree.iter() if element.get("id") == "stories")
    text = " ".join(" ".join(stories.itertext()).split())
    assert "Timelines are drawn for the first 0 conflicting or evolving figures" in text
    assert "1 more figure has a table row only" in text
    # Under the cap, no such note.
    monkeypatch.setattr(html, "MAX_CHARTS", 1)
    page = get_renderer("html").render(sample_report())
    assert "table row only" not in page and 'id="timeline-g1"' in page
