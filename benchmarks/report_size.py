"""How long the reports are: Markdown lines per story, HTML size and render time.

    python benchmarks/report_size.py [PATH...] [--out DIR]

Checks the articles once (default: the AllSides corpus, 441 real articles, read from
../shared/benchmarks/allsides by path), then renders Markdown (summary and full detail)
and HTML from that one report. Target (issue 17): the default Markdown is at most 8
lines per story on average, plus the attention list. Every line counts, blank ones too:
lines per story = (all lines - the attention list's lines) / stories.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimcheck.pipeline import check_paths  # noqa: E402
from claimcheck.render import RenderOptions, get_renderer  # noqa: E402
from tests.shared import SHARED  # noqa: E402

ALLSIDES = SHARED / "benchmarks" / "allsides" / "articles.jsonl"
TARGET_LINES_PER_STORY = 8.0


def attention_lines(markdown: str) -> int:
    """Lines of the '## Needs attention' section, its heading included."""
    lines = markdown.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("## Needs attention")), None)
    if start is None:
        return 0
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return end - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ALLSIDES)])
    parser.add_argument("--out", type=Path, help="write report.md, report-full.md and report.html here")
    args = parser.parse_args()

    began = time.perf_counter()
    report = check_paths(args.paths)
    checked = time.perf_counter() - began
    stories = max(len(report.stories), 1)
    print(f"{len(report.articles)} articles, {len(report.stories)} stories, checked in {checked:.1f} s")

    outputs = {}
    for name, fmt, detail in (
        ("report.md", "markdown", "summary"),
        ("report-full.md", "markdown", "full"),
        ("report.html", "html", "summary"),
    ):
        began = time.perf_counter()
        outputs[name] = get_renderer(fmt).render(report, RenderOptions(detail=detail))
        print(f"{name}: rendered in {time.perf_counter() - began:.2f} s", end="; ")
        if fmt == "markdown":
            total = outputs[name].count("\n")
            attention = attention_lines(outputs[name])
            per_story = (total - attention) / stories
            print(f"{total} lines, attention list {attention}, {per_story:.1f} lines per story")
        else:
            print(f"{len(outputs[name].encode()) / 1024:.0f} KB")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / name).write_text(outputs[name], encoding="utf-8")
    summary = outputs["report.md"]
    per_story = (summary.count("\n") - attention_lines(summary)) / stories
    verdict = "meets" if per_story <= TARGET_LINES_PER_STORY else "MISSES"
    target = TARGET_LINES_PER_STORY
    print(f"default Markdown: {per_story:.1f} lines per story ({verdict} the target of {target})")
    return 0 if per_story <= TARGET_LINES_PER_STORY else 1


if __name__ == "__main__":
    raise SystemExit(main())
