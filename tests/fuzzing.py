"""Property-based checks of the public API and the CLI (issue 18): random text, front
matter, publication dates and paths must give no exception and no hang, and the same
output twice. tests/test_fuzz.py runs them with a few examples; benchmarks/fuzz.py with
many.

Text is drawn from news-like fragments (figures, dates, relative words, markup) mixed
with arbitrary Unicode, so that the extractors' paths are exercised, not only their
rejection of noise.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import strategies as st

from claimcheck.cli import main
from claimcheck.models import Article
from claimcheck.pipeline import Options, check_articles, check_paths

FRAGMENTS = [
    "The storm destroyed ",
    "5,400 homes",
    " about 3 ",
    "$2.3 billion",
    "14%",
    "more than 60 ships",
    " yesterday",
    " tomorrow",
    " last Monday",
    " next year",
    " on Thursday",
    " March 12",
    " 2024-02-30",
    " in the 1990s",
    " 11 a.m.",
    " Q3 ",
    " three or four years",
    ", officials said.",
    " \u201cquoted 12 times\u201d ",
    "Monday, ",
    "1.",
    "   ",
    "\n",
    "\n\n",
    "# ",
    "> ",
    "- ",
    "---\n",
    "<!-- claimcheck-disable -->",
    "http://example.com/1.2.3",
    "\t",
    "\u00a0",
]

HOSTILE = [*FRAGMENTS, "5000000 days ago", " 9999-12-31", " 0001-01-01", "the day before", "a year later"]
"""Fragments that reach the ends of the calendar (issue 18 item 2: fixed on another branch)."""


def _texts(fragments: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(fragments), st.text(max_size=12)), max_size=40).map("".join)


texts = _texts(FRAGMENTS)
"""Article bodies: news fragments and arbitrary text."""
hostile_texts = _texts(HOSTILE)
"""The same, with dates and offsets at the ends of the calendar."""

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
"""Publication dates over the whole calendar (0001-9999)."""
edge_days = st.one_of(st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]), days)
"""The same, with its first and last day drawn often."""
ordinary_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))

yaml_values = st.one_of(
    st.text(max_size=30),
    days.map(date.isoformat),
    st.sampled_from(
        ["2024-02-30", "0000-01-01", "2024-03-16 25:61:00", "March 16, 2024", "~", "[1, 2", "{a: b}"]
    ),
    st.integers().map(str),
)
front_matter_keys = st.sampled_from(["title", "source", "published", "url", "id", "author", "tags", ""])
front_matters = st.dictionaries(front_matter_keys, yaml_values, max_size=5).map(
    lambda fields: "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n"
)
"""Front matter blocks with random keys and values (not always valid YAML)."""

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=20,
).filter(lambda name: name not in (".", ".."))
suffixes = st.sampled_from([".md", ".markdown", ".txt", ".html", ".jsonl", ""])


def check_twice(articles: list[Article], options: Options | None = None) -> None:
    """check_articles raises nothing and gives the same report twice."""
    first = check_articles(articles, options)
    second = check_articles(articles, options)
    assert first == second


def paths_twice(files: list[tuple[str, str]]) -> None:
    """Files written under random names: check_paths raises nothing, the same report twice."""
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        for name, content in files:
            path = root / name
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
            except (OSError, UnicodeEncodeError):
                continue  # a name this file system refuses: not claimcheck's to read
        first = check_paths([str(root)])
        second = check_paths([str(root)])
        assert first == second


def cli_twice(args: list[str], content: str, name: str = "draft.md") -> None:
    """`claimcheck ARGS FILE`: no internal error, the same output and exit code twice."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / name
        try:
            path.write_text(content, encoding="utf-8")
        except (OSError, UnicodeEncodeError):
            return
        runs = []
        for _ in range(2):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main([*args, str(path)])
            assert "internal error" not in err.getvalue(), err.getvalue()
            runs.append((code, out.getvalue()))
        assert runs[0] == runs[1]
