"""Cold start of `claimcheck lint` versus the naive stack, on generated drafts (issue 15).

    python benchmarks/lint_latency.py [--runs 10] [--words 100 1000]

Each run is a new process, as a pre-commit hook or a CMS save hook starts one, and
the commands take turns, so that a change in the machine's load falls on all of them:
- floor: `python -c pass`, the interpreter's own start;
- claimcheck: `python -m claimcheck lint DRAFT.md`, for each draft size;
- naive: a process importing quantulum3 and dateparser that parses the same draft
  (quantulum3 `parser.parse` and dateparser `search.search_dates` on every sentence,
  with dateparser's defaults).
Byte code is compiled once into a temporary folder (PYTHONPYCACHEPREFIX), as pip
compiles it at install, and the first, unmeasured run of each command builds
claimcheck's cache of validated rules and parsed lexicons, as the first lint after an
install does. Prints the medians, the ratios, the load average, and the ten imports
of the lint path that take longest (`python -X importtime`, self time).
Target, on the 1,000-word draft: median <= 0.25 s and <= 0.10x the naive stack's.
"""

from __future__ import annotations

import argparse
import os
import random
import re
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
for sentence in re.split(r"(?<=[.!?])\\s+", text):
    if sentence.strip():
        parser.parse(sentence)
        search_dates(sentence)
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


TARGET_SECONDS = 0.25
TARGET_RATIO = 0.10
TARGET_WORDS = 1000
IMPORTTIME_RE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return elapsed


def cold_env(folder: Path) -> dict[str, str]:
    """The environment of every run: the worktree's claimcheck, byte code compiled once."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def slowest_imports(command: list[str], env: dict[str, str], count: int = 10) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the imports with the most self time."""
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], env=env, cwd=ROOT, capture_output=True, text=True
    )
    rows = []
    for line in result.stderr.splitlines():
        match = IMPORTTIME_RE.match(line)
        if match:
            rows.append((int(match.group(1)), int(match.group(2)), match.group(4)))
    return sorted(rows, reverse=True)[:count]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--words", type=int, nargs="+", default=[100, TARGET_WORDS])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = cold_env(folder)
        commands: dict[str, list[str]] = {"floor (python -c pass)": [sys.executable, "-c", "pass"]}
        sizes: dict[int, int] = {}
        for words in args.words:
            draft = folder / f"draft-{words}.md"
            draft.write_text(make_draft(words), encoding="utf-8")
            sizes[words] = len(draft.read_text(encoding="utf-8").split())
            commands[f"lint {words}"] = [sys.executable, "-m", "claimcheck", "lint", str(draft)]
            commands[f"naive {words}"] = [sys.executable, "-c", NAIVE, str(draft)]
        for command in commands.values():
            timed(command, env)  # byte code, the OS file cache, claimcheck's rule cache
        load_before = load_average()
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                times[label].append(timed(command, env))
        load_after = load_average()
        largest = max(args.words)
        imports = slowest_imports(commands[f"lint {largest}"], env)
    medians = {label: statistics.median(values) for label, values in times.items()}
    floor = medians["floor (python -c pass)"]
    print(f"{args.runs} cold starts each, median (min)")
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after")
    print(f"{'floor (python -c pass):':<28} {floor:.3f} s  (min {min(times['floor (python -c pass)']):.3f})")
    for words in args.words:
        lint, naive = medians[f"lint {words}"], medians[f"naive {words}"]
        print(f"draft of {sizes[words]} words:")
        print(f"  {'claimcheck lint:':<26} {lint:.3f} s  (min {min(times[f'lint {words}']):.3f})")
        print(f"  {'naive stack:':<26} {naive:.3f} s  (min {min(times[f'naive {words}']):.3f})")
        print(f"  ratio to the naive stack: {lint / naive:.3f}x; above the floor: {lint - floor:.3f} s")
    print(f"slowest imports of `claimcheck lint` on the {largest}-word draft (self / cumulative ms):")
    for own, cumulative, module in imports:
        print(f"  {own / 1000:7.1f} {cumulative / 1000:8.1f}  {module}")
    if TARGET_WORDS in args.words:
        lint, naive = medians[f"lint {TARGET_WORDS}"], medians[f"naive {TARGET_WORDS}"]
        met = lint <= TARGET_SECONDS and lint / naive <= TARGET_RATIO
        print(
            f"target on the {TARGET_WORDS}-word draft (<= {TARGET_SECONDS} s and <= {TARGET_RATIO}x the "
            f"naive stack): {'met' if met else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
