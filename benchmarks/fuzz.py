"""The property-based checks of tests/test_fuzz.py with many examples, run by hand.

    python benchmarks/fuzz.py [--examples 20000] [--seed N] [--only NAME]

Random text, front matter, publication dates (0001-9999) and paths through the API and
the CLI: no exception, no hang (a 20 s deadline an example), the same output twice.
Prints, for each property, the examples run, the time, and the first failure found
(shrunk to a minimal example by hypothesis), then the totals. Exit 1 if any failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.models import Article
from tests.fuzzing import (
    check_twice,
    cli_twice,
    days,
    front_matters,
    names,
    paths_twice,
    suffixes,
)
from tests.fuzzing import (
    hostile_texts as texts,
)


def api_text(text: str, title: str | None, published: date | None) -> None:
    check_twice([Article(id="a", title=title, text=text, published=published)])


def api_dates(text: str, published: date) -> None:
    check_twice(
        [Article(id="a", text=text + " yesterday, tomorrow, next year, last Monday.", published=published)]
    )


def paths(files: list[tuple[str, str, str, str]]) -> None:
    paths_twice(
        [(f"{name}{suffix}", f"---\npublished: {day}\n---\n{text}") for name, suffix, day, text in files]
    )


def front_matter(front: str, text: str) -> None:
    paths_twice([("article.md", front + text)])


def cli(text: str, command: str, published: date) -> None:
    args = [command, "--published", published.isoformat()]
    if command == "check":
        args += ["--format", "json", "--quiet"]
    cli_twice(args, text)


PROPERTIES = {
    "api-text": (
        api_text,
        {"text": texts, "title": st.none() | st.text(max_size=20), "published": st.none() | days},
    ),
    "api-dates": (api_dates, {"text": texts, "published": days}),
    "paths": (
        paths,
        {"files": st.lists(st.tuples(names, suffixes, days.map(date.isoformat), texts), max_size=3)},
    ),
    "front-matter": (front_matter, {"front": front_matters, "text": texts}),
    "cli": (
        cli,
        {"text": texts, "command": st.sampled_from(["check", "lint", "extract"]), "published": days},
    ),
}


def _counting(name: str, function: Any, began: float) -> Any:
    """`function`, counting its calls and printing progress every 500."""

    def counted(**kwargs: Any) -> None:
        counted.count += 1  # type: ignore[attr-defined]
        if counted.count % 500 == 0:  # type: ignore[attr-defined]
            seconds = time.perf_counter() - began
            print(f"  {name}: {counted.count} examples, {seconds:.0f} s", flush=True)  # type: ignore[attr-defined]
        function(**kwargs)

    counted.count = 0  # type: ignore[attr-defined]
    return counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--examples", type=int, default=20000, help="examples in all, shared by the properties"
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--only", choices=sorted(PROPERTIES), action="append")
    args = parser.parse_args(argv)
    chosen = args.only or list(PROPERTIES)
    each = max(1, args.examples // len(chosen))
    total_examples, total_seconds, failed = 0, 0.0, []
    for name in chosen:
        function, strategies = PROPERTIES[name]

        began = time.perf_counter()
        counted = _counting(name, function, began)

        test = settings(
            max_examples=each,
            deadline=timedelta(seconds=20),
            suppress_health_check=list(HealthCheck),
            database=None,
        )(given(**strategies)(counted))
        if args.seed is not None:
            from hypothesis import seed

            test = seed(args.seed)(test)
        try:
            test()
            outcome = "ok"
        except Exception as exc:  # the property's failure, shrunk by hypothesis
            outcome = f"FAILED: {type(exc).__name__}: {str(exc)[:300]}"
            failed.append((name, "".join(traceback.format_exception(exc))[-3000:]))
        seconds = time.perf_counter() - began
        total_examples += counted.count  # type: ignore[attr-defined]
        total_seconds += seconds
        print(f"{name:<13} {counted.count:>6} examples {seconds:8.1f} s  {outcome}", flush=True)
    print(
        f"total         {total_examples:>6} examples {total_seconds:8.1f} s, {len(failed)} properties failed"
    )
    for name, detail in failed:
        print(f"\n--- {name}\n{detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
