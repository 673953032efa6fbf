"""Random text, front matter, dates and paths through the API and the CLI (issue 18):
no exception, no hang, the same output twice. A few examples each here (the module
stays under half a minute); `python benchmarks/fuzz.py --examples 20000` runs many.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.models import Article
from tests.fuzzing import (
    check_twice,
    cli_twice,
    edge_days,
    front_matters,
    hostile_texts,
    names,
    ordinary_days,
    paths_twice,
    suffixes,
    texts,
)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Modules a first check imports (clustering, date parsing) load outside the deadline."""
    check_twice(
        [Article(id="w", title="Warm", text="About 3 people left on Monday.", published=date(2024, 3, 16))]
    )
    cli_twice(["check", "--format", "json", "--quiet"], "About 3 people left on Monday.\n")


SUITE = settings(
    max_examples=20,
    deadline=timedelta(seconds=30),  # a hang, not a slow machine
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the suite is reproducible; benchmarks/fuzz.py explores
    report_multiple_bugs=False,
)


@SUITE
@given(text=texts, title=st.none() | st.text(max_size=20), published=st.none() | ordinary_days)
@example(text="Monday, Monday, March 12.", title=None, published=None)  # no word to cluster on
def test_api_random_text(text: str, title: str | None, published: date | None) -> None:
    check_twice([Article(id="a", title=title, text=text, published=published)])


@SUITE
@given(text=hostile_texts, published=edge_days)
def test_api_dates_across_the_calendar(text: str, published: date) -> None:
    check_twice(
        [Article(id="a", text=text + " yesterday, tomorrow, next year, last Monday.", published=published)]
    )


@SUITE
@given(files=st.lists(st.tuples(names, suffixes, ordinary_days.map(date.isoformat), texts), max_size=3))
def test_paths_random_names(files: list[tuple[str, str, str, str]]) -> None:
    paths_twice(
        [(f"{name}{suffix}", f"---\npublished: {day}\n---\n{text}") for name, suffix, day, text in files]
    )


@SUITE
@given(front=front_matters, text=hostile_texts)
def test_paths_random_front_matter(front: str, text: str) -> None:
    paths_twice([("article.md", front + text)])


@SUITE
@given(text=texts, command=st.sampled_from(["check", "lint", "extract"]), published=ordinary_days)
def test_cli_random_text(text: str, command: str, published: date) -> None:
    args = [command, "--published", published.isoformat()]
    if command == "check":
        args += ["--format", "json", "--quiet"]
    cli_twice(args, text)


def test_a_value_of_control_characters_only_is_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Found by benchmarks/fuzz.py: `title: \\x1f` fails strict YAML, and the lenient reader's
    explanation of the fault read the first character of the (stripped, empty) value."""
    from claimcheck.pipeline import check_paths

    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: \x1f\npublished: 2024-03-16\n---\nAbout 3 people left on Monday.\n", encoding="utf-8"
    )
    report = check_paths([str(path)])
    assert len(report.articles) == 1
    assert any(f.rule == "input-warning" for f in report.findings)


@pytest.mark.parametrize(
    ("published", "text", "day"),
    [
        (date(1903, 1, 10), "The law passed last Feb. 29, officials said.", "1896-02-29"),
        (date(2101, 1, 10), "It was signed Feb. 29, officials said.", "2096-02-29"),
        (date(2097, 3, 10), "It will be held on Feb. 29, officials said.", "2104-02-29"),
    ],
)
def test_a_leap_day_past_a_century_year_is_found(published: date, text: str, day: str) -> None:
    """Found by benchmarks/fuzz.py (a StopIteration): the four years either side of 1903
    hold no past Feb. 29 (1900 was no leap year); the one the tense asks for is farther."""
    from claimcheck.pipeline import check_articles

    claims = check_articles([Article(id="a", title="Law", text=text, published=published)]).claims
    assert [claim.timex for claim in claims if claim.kind == "date"] == [day]
