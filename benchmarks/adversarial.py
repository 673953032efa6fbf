"""Time on the inputs that once grew with the square of their length (issue 18, item 6).

    python benchmarks/adversarial.py [--scale 1.0] [--size 1000000]

Each pathological pattern is checked at n, 2n and 4n through the product path
(`pipeline.check_paths` on a temporary Markdown file, as `claimcheck check` reads
it), and the growth ratio of each doubling is printed. Then an ordinary news article
of about `--size` characters (1 MB; generated from sentences written for this, see
tests/scaling_text.py) is checked once.

Targets: every doubling costs at most 2.5x, and the 1 MB article checks in 10 s or
less. Both are judged on the process's CPU time, which other work on a shared machine
does not inflate; wall-clock time is printed beside it, with the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.pipeline import check_paths
from tests.scaling_text import PATTERNS, news_of_size

SIZES = {"weekdays": 4000, "dotted": 8000, "blank": 8000, "news": 2000}
"""n of each pattern (repetitions, or lines of news): the issue's sizes or near them."""
GROWTH_TARGET = 2.5
SECONDS_TARGET = 10.0


def check_seconds(text: str, folder: Path) -> tuple[float, float, int]:
    """CPU and wall-clock seconds to check `text` as one article file, and the claims found."""
    path = folder / "article.md"
    path.write_text(f"---\ntitle: Storm report\npublished: 2024-03-16\n---\n{text}", encoding="utf-8")
    cpu, wall = time.process_time(), time.perf_counter()
    report = check_paths([str(path)])
    return time.process_time() - cpu, time.perf_counter() - wall, len(report.claims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n by this")
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of the news article")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        check_seconds("On Monday, 5 people came.", folder)  # lexicons and rules load once, outside the times
        print(f"{'pattern':<10} {'n':>7} {'chars':>9} {'claims':>7} {'cpu s':>8} {'ratio':>6} {'wall s':>8}")
        for name, make in PATTERNS.items():
            n = max(1, int(SIZES[name] * args.scale))
            previous = None
            for factor in (1, 2, 4):
                text = make(n * factor)
                seconds, wall, claims = check_seconds(text, folder)
                ratio = seconds / previous if previous else None
                if ratio is not None and ratio > GROWTH_TARGET:
                    ok = False
                shown = f"{ratio:6.2f}" if ratio is not None else f"{'':>6}"
                print(
                    f"{name:<10} {n * factor:>7} {len(text):>9} {claims:>7} "
                    f"{seconds:8.2f} {shown} {wall:8.2f}"
                )
                previous = seconds
        text = news_of_size(args.size)
        seconds, wall, claims = check_seconds(text, folder)
        ok = ok and seconds <= SECONDS_TARGET
        print(
            f"news article of {len(text):,} characters: {claims:,} claims, "
            f"{seconds:.2f} s CPU ({wall:.2f} s wall)"
        )
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load is not None:
        print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    print(
        f"targets (every doubling <= {GROWTH_TARGET}x, {args.size:,} characters <= {SECONDS_TARGET:g} s): "
        + ("met" if ok else "NOT met")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
