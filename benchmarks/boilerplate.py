"""Speed and false positives of the boilerplate filter.

    python benchmarks/boilerplate.py [--seeds DIR] [--ecb ECBplus_982docs_xml.tar.gz] [--show N]

--seeds: times find_noise on each scraped page of DIR (*.txt) and lists its regions
    (kind and first words), to read by eye against the page.
--ecb: rebuilds the 982 ECB+ news articles (one sentence a line) from the tokenized
    XML and counts the lines the filter marks as noise, by kind, with --show examples.
    The articles are mostly clean text, so a marked line is a false positive unless it
    is a real byline, date line or credit (the corpus keeps some of those).
Run by hand; never as a timed test.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tarfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimcheck.ingest.boilerplate import find_noise

NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def best_time(text: str, rounds: int = 7, number: int = 50) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(number):
            find_noise(text)
        best = min(best, (time.perf_counter() - started) / number)
    return best * 1e6


def seeds(folder: Path) -> None:
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        regions = find_noise(text)
        covered = sum(end - start for start, end, _ in regions)
        print(
            f"{path.name}: {len(text.split())} words, {len(regions)} regions, "
            f"{covered / max(len(text), 1):.0%} of characters, {best_time(text):.0f} us"
        )
        for start, end, kind in regions:
            words = " ".join(text[start:end].split()[:8])
            print(f"    {kind:9} {words}")


def ecb_articles(archive: Path) -> list[tuple[str, str]]:
    articles = []
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.name.endswith(".xml"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            root = ElementTree.parse(handle).getroot()
            sentences: dict[str, list[str]] = collections.defaultdict(list)
            for token in root.iter("token"):
                sentences[token.get("sentence", "0")].append(token.text or "")
            lines = []
            for key in sorted(sentences, key=int):
                line = " ".join(sentences[key])
                line = NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", line))
                lines.append(line)
            articles.append((member.name, "\n".join(lines)))
    return articles


def ecb(archive: Path, show: int) -> None:
    articles = ecb_articles(archive)
    kinds: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    total_lines = 0
    started = time.perf_counter()
    for _name, text in articles:
        regions = find_noise(text)
        total_lines += text.count("\n") + 1
        for start, end, kind in regions:
            for line in text[start:end].splitlines():
                if line.strip():
                    kinds[kind] += 1
                    if len(examples[kind]) < show:
                        examples[kind].append(line[:100])
    elapsed = time.perf_counter() - started
    words = sum(len(text.split()) for _, text in articles)
    print(f"ECB+: {len(articles)} articles, {words / len(articles):.0f} words each, {total_lines} lines")
    print(f"time: {elapsed / len(articles) * 1e6:.0f} us/article")
    marked = sum(kinds.values())
    print(f"lines marked as noise: {marked} ({marked / total_lines:.2%})")
    for kind, count in kinds.most_common():
        print(f"  {kind}: {count}")
        for example in examples[kind]:
            print(f"      {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path)
    parser.add_argument("--ecb", type=Path)
    parser.add_argument("--show", type=int, default=12)
    args = parser.parse_args()
    if not args.seeds and not args.ecb:
        parser.error("give --seeds DIR and/or --ecb ARCHIVE")
    if args.seeds:
        seeds(args.seeds)
    if args.ecb:
        ecb(args.ecb, args.show)


if __name__ == "__main__":
    main()
