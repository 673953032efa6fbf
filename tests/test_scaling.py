"""Work grows linearly with the input on the inputs that once took quadratic time (issue 18).

Work is counted, not timed: the lines of claimcheck's own code that run (a trace
function), so a test is deterministic and the same on any machine. A regex's
backtracking is invisible to a line count: the patterns that backtracked are checked
directly, by the bound on what one match attempt may scan.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import claimcheck
from claimcheck.extract.figures import NOT_FIGURE_RE
from claimcheck.extract.numeric import find_quantities
from claimcheck.extract.numeric_lexicon import load_numeric_lexicon
from claimcheck.extract.temporal import tag_sentence
from claimcheck.groups.build import group_items
from claimcheck.groups.compare import internal_conflicts
from claimcheck.ingest.sentences import split_sentences
from claimcheck.models import Article
from claimcheck.pipeline import Options, check_articles
from claimcheck.resolve.claims import merge_mentions
from claimcheck.resolve.timexes import find_timexes
from claimcheck.rules import load_rules
from tests.scaling_text import PATTERNS, news, weekdays

PACKAGE = str(Path(claimcheck.__file__).resolve().parent)
GROWTH = 2.3
"""Work at 2n over work at n: 2 for linear work, plus slack for what a longer text
changes in passing (more distinct words, one more group); quadratic work gives ~4."""


def lines_run(run: Any) -> int:
    """How many lines of claimcheck's code `run()` executes."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(calls)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def check_work(text: str) -> int:
    article = Article(id="a", title="Storm report", text=text, published=date(2024, 3, 16))
    return lines_run(lambda: check_articles([article], Options()))


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Lexicons and rules load once, outside the counts."""
    check_work("On Monday, 5 people came. About 3 people left.")


@pytest.mark.parametrize(
    ("pattern", "n"),
    [("weekdays", 200), ("dotted", 300), ("blank", 2000), ("news", 150)],
)
def test_work_grows_linearly(pattern: str, n: int) -> None:
    make = PATTERNS[pattern]
    small, large = check_work(make(n)), check_work(make(2 * n))
    assert large / small <= GROWTH, (pattern, small, large)


SAYS = ["officials said", "the governor said", "police said", "a spokeswoman said", "the agency said"]


def restated(count: int) -> Article:
    """An article stating one figure `count` different ways."""
    text = "".join(
        f"The storm destroyed {1000 + 7 * i:,} homes across the province, {SAYS[i % len(SAYS)]}.\n\n"
        "Rebuilding will take years.\n\n"
        for i in range(count)
    )
    return Article(id="a", title="Storm", text=text, published=date(2024, 3, 16))


def test_internal_conflict_is_capped_with_a_summary() -> None:
    """An article restating one figure many ways: at most the cap of findings, then one
    finding counting the rest."""
    findings = [f for f in check_articles([restated(12)]).findings if f.rule == "internal-conflict"]
    assert len(findings) == 21
    summary = [f for f in findings if "not listed" in f.message]
    # 12 figures, each compared with the 8 before it: 36 + 3 * 8 = 60 pairs, 20 listed.
    assert [f.message for f in summary] == [
        "40 more internal conflicts are not listed for this article "
        "(at most 20 per article: max_findings_per_article)"
    ]


def test_internal_conflict_comparisons_grow_linearly() -> None:
    """Each claim is compared with a few before it, not with every earlier one."""

    def work(count: int) -> int:
        report = check_articles([restated(count)])
        grouped = group_items(report.articles, report.claims, report.stories, load_rules())
        items = max((members for _group, members in grouped), key=len)
        assert len(items) == count
        return lines_run(lambda: internal_conflicts(items, 0.0, 8))

    small, large = work(60), work(120)
    assert large / small <= GROWTH


def test_few_restatements_are_all_compared() -> None:
    """Up to compared_per_claim + 1 statements of a figure, every pair is compared."""
    findings = [f for f in check_articles([restated(5)]).findings if f.rule == "internal-conflict"]
    assert len(findings) == 10  # 5 figures, all different: every one of the 10 pairs


def test_news_lines_are_read_in_linear_work() -> None:
    """A long file of ordinary sentences (issue 18: 32k lines took 243 s)."""
    assert check_work(news(400)) / check_work(news(200)) <= GROWTH


LONG_BLANK = " " * 5000


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("age_re", "3" + LONG_BLANK + "years old"),
        ("unit_re", "3" + LONG_BLANK + "km"),
        ("scale_re", "3" + LONG_BLANK + "million"),
    ],
)
def test_whitespace_between_figure_and_unit_is_bounded(pattern: str, text: str) -> None:
    """A match attempt scans at most a few spaces after a number: two unbounded runs side
    by side backtracked over every split of a long blank run ('About 3' + spaces)."""
    regex = getattr(load_numeric_lexicon(), pattern)
    assert regex.match(text, 1) is None
    assert regex.match("3  " + text.lstrip("3 "), 1) is not None  # two spaces still join them


def test_host_names_are_bounded() -> None:
    """A dotted run is not rescanned to its end from every boundary in it ('1.1.1...')."""
    assert NOT_FIGURE_RE.search("a" * 300 + ".com/x") is None
    assert NOT_FIGURE_RE.search("see example.com/page") is not None


def test_figures_and_dates_are_merged_in_linear_work() -> None:
    """Each date is matched against the figures it overlaps, not against every figure of
    the document (the span merge took 39 of 72 s on an 8k-line file)."""

    def work(lines: int) -> int:
        text = news(lines)
        sentences = split_sentences(text)
        lexicon = load_numeric_lexicon()
        quantities = [q for s in sentences for q in find_quantities(text, s.start, s.end, lexicon)]
        timexes = find_timexes(text, sentences, date(2024, 3, 16))
        return lines_run(lambda: merge_mentions(text, quantities, timexes, lexicon))

    assert work(1600) / work(800) <= GROWTH


def test_one_sentence_of_many_dates_is_tagged_in_linear_work() -> None:
    """Overlap between date mentions of one sentence is checked on their own span."""
    small, large = (lines_run(lambda n=n: tag_sentence(weekdays(n), 0, len(weekdays(n)))) for n in (400, 800))
    assert large / small <= GROWTH
