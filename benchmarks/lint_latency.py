"""Cold start of `claimcheck lint` versus the naive stack, on a generated 1,000-word draft.

    python benchmarks/lint_latency.py [--runs 7] [--words 1000]

Each run is a new process, as a pre-commit hook or a CMS save hook starts one:
- claimcheck: `python -m claimcheck lint DRAFT.md`;
- naive: a process importing quantulum3 and dateparser that parses the same
  draft (quantulum3 `parser.parse` and dateparser `search.search_dates` on
  every sentence, with dateparser's defaults);
- naive, tuned: the same with `search_dates(..., languages=["en"])`, which
  skips dateparser's language detection (shown for scale: a careful user's
  version of the naive stack).
Prints the median wall time of each, and the ratios. Target: claimcheck's
median <= 0.5 s and <= 0.15x the naive stack's.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Sentence templates for a synthetic council/floods story (written for this benchmark).
TEMPLATES = (
    "The council voted {n} to {m} on {day} to approve a budget of ${money} million.",
    "About {n} homes were damaged by the storm, officials said {rel}.",
    "The river rose {m} metres in {n} hours, the highest level since {year}.",
    "More than {big} people were evacuated from {n} villages along the coast.",
    "Rescue teams worked for {n} days to reach the last {m} families.",
    "The mayor said the repairs would cost at least ${money} million and take {m} months.",
    "Prices rose {pct}% in {month}, after a fall of {m}% the month before.",
    "At least {n} people were killed and {big} injured, the ministry said on {day}.",
    "Schools will reopen {rel2}, {n} weeks after the first closures.",
    "The agency delivered {n} tonnes of food and {m} water tanks by {day}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "March", "July", "September", "November")
NAIVE = """
import re, sys
from quantulum3 import parser
from dateparser.search import search_dates
text = open(sys.argv[1], encoding="utf-8").read()
languages = sys.argv[2:] or None
for sentence in re.split(r"(?<=[.!?])\\s+", text):
    if sentence.strip():
        parser.parse(sentence)
        search_dates(sentence, languages=languages)
"""


def make_draft(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["---", "title: Floods and budget", "published: 2026-11-20", "---", "# Floods", ""]
    count = 0
    paragraph: list[str] = []
    while count < words:
        sentence = rng.choice(TEMPLATES).format(
            n=rng.randint(2, 90),
            m=rng.randint(2, 12),
            big=f"{rng.randint(1, 40)},{rng.randint(100, 999)}",
            money=round(rng.uniform(1, 90), 1),
            pct=round(rng.uniform(0.5, 9), 1),
            day=rng.choice(DAYS),
            month=rng.choice(MONTHS),
            year=rng.randint(1950, 2020),
            rel=rng.choice(("yesterday", "today", "on Thursday")),
            rel2=rng.choice(("tomorrow", "next week", "on Monday")),
        )
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) == 4:
            lines.extend([" ".join(paragraph), ""])
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n".join(lines) + "\n"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.md"
        draft.write_text(make_draft(args.words), encoding="utf-8")
        words = len(draft.read_text(encoding="utf-8").split())
        lint = [sys.executable, "-m", "claimcheck", "lint", str(draft)]
        commands = {
            "claimcheck lint": lint,
            "naive stack": [sys.executable, "-c", NAIVE, str(draft)],
            "naive, tuned": [sys.executable, "-c", NAIVE, str(draft), "en"],
        }
        for command in commands.values():
            timed(command, env)  # warm the OS file cache and .pyc files
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"draft: {words} words, {args.runs} runs each (new process per run)")
    for name, values in times.items():
        print(f"{name + ' median:':<25} {medians[name]:.3f} s  (min {min(values):.3f})")
    lint_median = medians["claimcheck lint"]
    ratio = lint_median / medians["naive stack"]
    tuned_ratio = lint_median / medians["naive, tuned"]
    print(f"ratio to the naive stack: {ratio:.3f}x  (to the tuned one: {tuned_ratio:.3f}x)")
    verdict = "met" if lint_median <= 0.5 and ratio <= 0.15 else "NOT met"
    print(f"target (<= 0.5 s and <= 0.15x the naive stack): {verdict}")


if __name__ == "__main__":
    main()
