"""The documented Python API (README, "Python API"): what a newsroom script calls."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimcheck.models import Article
from claimcheck.pipeline import Options, check_articles, check_paths, load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_check_articles_in_memory_equals_check_paths() -> None:
    articles, failures = load([str(EXAMPLES)])
    assert not failures
    from_files = check_paths([str(EXAMPLES)])
    from_memory = check_articles(articles)
    assert from_memory == from_files


def test_check_articles_reads_relative_dates_against_the_given_date() -> None:
    article = Article(
        id="draft",
        title="Council vote",
        text="The council voted yesterday, Thursday, to close the pier.",
        published=date(2026, 3, 14),  # a Saturday: yesterday was Friday
    )
    report = check_articles([article], Options())
    assert [finding.rule for finding in report.findings] == ["relative-date-mismatch"]
