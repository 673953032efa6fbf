"""Speed of claimcheck's sentence splitter against pysbd on generated news text.

    python benchmarks/sentences.py [--articles 200] [--words 600] [--seed 7] [FOLDER]

Generates articles of about --words words from sentence templates full of the cases
news text carries (abbreviations, initials, decimals, money, quotations with
attribution, headlines on their own lines), then times both splitters on the same
articles and prints microseconds per article and how often the two agree on the
sentence count. With FOLDER, the .txt files in it are timed too (the text of each
file, as it is). Run by hand; never as a timed test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimcheck.sentences import split_sentences

NAMES = ["Ellen Park", "J. R. Ortiz", "Gen. Amir Haddad", "Dr. Lena Vos", "Mr. Tomas Grell"]
PLACES = ["the U.S.", "Geneva", "the U.K.", "Lagos", "St. Louis", "the E.U."]
TEMPLATES = [
    "Officials said {n} people were evacuated on Sept. {d} after the river rose {f} metres.",
    "{name} told reporters in {place} that the fund had reached ${f}bn by 5 p.m. Friday.",
    '"We counted {n} homes. We need more time," {name} said.',
    "“It is not over,” {name} said. “The water is still rising.”",
    "The agency, known as No. {d} on the list, spent {f}% more than in {year}.",
    "Prices rose {f} percent in {place}. The central bank did not comment.",
    "Acme Corp. and its partners paid ${n} million, according to the State Dept. filing.",
    "At 6 a.m. local time, about {n} troops crossed the border... Then the shelling stopped.",
    "Is the truce holding? Nobody in {place} could say!",
    "The report (page {d}) lists {n} cases, e.g. in {place} and elsewhere.",
]
HEADLINES = [
    "Flood waters reach {f} metres in {place}",
    "{n} evacuated as storm hits coast",
    "Talks resume on Sept. {d}",
]


def generate(rng: random.Random, words: int) -> str:
    parts = [rng.choice(HEADLINES).format(**_slots(rng)), ""]
    count = 0
    paragraph: list[str] = []
    while count < words:
        sentence = rng.choice(TEMPLATES).format(**_slots(rng))
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) >= rng.randint(2, 4):
            parts.extend([" ".join(paragraph), ""])
            paragraph = []
    if paragraph:
        parts.append(" ".join(paragraph))
    return "\n".join(parts)


def _slots(rng: random.Random) -> dict[str, object]:
    return {
        "n": rng.choice([12, 40, 300, 2000, 120000]),
        "d": rng.randint(1, 28),
        "f": rng.choice([1.5, 2.3, 0.75, 12.4]),
        "year": rng.randint(1990, 2023),
        "name": rng.choice(NAMES),
        "place": rng.choice(PLACES),
    }


def time_per_article(function: object, articles: list[str], rounds: int) -> float:
    """Best of `rounds` passes over all articles, in microseconds per article."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in articles:
            function(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best / len(articles) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="also time the .txt files of this folder")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import pysbd

    rng = random.Random(args.seed)
    articles = [generate(rng, args.words) for _ in range(args.articles)]
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)

    def pysbd_lines(text: str) -> list[str]:
        # pysbd on each line, so both tools see the same line breaks.
        return [s for line in text.split("\n") if line.strip() for s in segmenter.segment(line)]

    split_sentences(articles[0])  # load the lexicon before timing
    ours = time_per_article(split_sentences, articles, args.rounds)
    theirs = time_per_article(pysbd_lines, articles, 1)
    words = statistics.mean(len(text.split()) for text in articles)
    agree = sum(
        len(split_sentences(text)) == len([s for s in pysbd_lines(text) if s.strip()]) for text in articles
    )
    print(f"generated: {args.articles} articles, {words:.0f} words each")
    print(f"claimcheck.sentences: {ours:9.1f} us/article")
    print(f"pysbd (per line):     {theirs:9.1f} us/article  ({theirs / ours:.0f}x slower)")
    print(f"same sentence count:  {agree}/{args.articles} articles")
    if args.folder:
        files = sorted(Path(args.folder).glob("*.txt"))
        texts = [path.read_text(encoding="utf-8") for path in files]
        if texts:
            ours = time_per_article(split_sentences, texts, args.rounds)
            theirs = time_per_article(pysbd_lines, texts, 1)
            print(f"{args.folder}: {len(texts)} files")
            print(f"claimcheck.sentences: {ours:9.1f} us/article; pysbd: {theirs:9.1f} us/article")


if __name__ == "__main__":
    main()
