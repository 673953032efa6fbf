"""Time the numeric extractor on whole articles.

    python benchmarks/numeric_speed.py [FILE_OR_FOLDER ...] [--repeat N]

Reads .txt/.md articles (default: ../shared/seeds), runs find_quantities line
by line as extract.py does, and reports CPU milliseconds per article and per
600 words (the nightly target is 100+ articles/s per core for the whole
pipeline, so this stage should stay well under 5 ms per article).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.extract.numeric import find_quantities, load_numeric_lexicon  # noqa: E402
from tests.shared import SHARED  # noqa: E402

DEFAULT_PATH = SHARED / "seeds"


def read_articles(paths: list[str]) -> list[str]:
    texts = []
    for name in paths:
        path = Path(name)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        articles = [f for f in files if f.suffix in (".txt", ".md") and not f.name.startswith("README")]
        texts.extend(f.read_text(encoding="utf-8") for f in articles)
    return texts


def scan(text: str) -> int:
    found = 0
    pos = 0
    for line in text.split("\n"):
        found += len(find_quantities(text, pos, pos + len(line)))
        pos += len(line) + 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_PATH)])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    texts = read_articles(args.paths)
    if not texts:
        print("no articles found", file=sys.stderr)
        return 2
    load_numeric_lexicon()
    figures = sum(scan(text) for text in texts)  # warm up, and count what is found
    started = time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            scan(text)
    elapsed = (time.process_time() - started) / args.repeat
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} articles, {words / len(texts):.0f} words on average, {figures} figures")
    per_article = 1000 * elapsed / len(texts)
    print(f"  {per_article:.2f} ms CPU per article, {600_000 * elapsed / words:.2f} ms per 600 words")
    print(f"  {len(texts) / elapsed:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
