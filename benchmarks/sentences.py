"""Speed of claimcheck's sentence splitter against pysbd on generated news text.

    python benchmarks/sentences.py [--articles 200] [--words 600] [--seed 7] [FOLDER]
                                   [--ecb ECBplus_982docs_xml.tar.gz]

Generates articles of about --words words from sentence templates full of the cases
news text carries (abbreviations, initials, decimals, money, quotations with
attribution, headlines on their own lines), then times both splitters on the same
articles and prints microseconds per article. With FOLDER, the .txt files in it are
timed too (the text of each file, as it is). With --ecb, both splitters are scored against the sentence
boundaries of the 982 tokenized ECB+ news articles (sentences rejoined into
paragraphs; a sentence without final punctuation, such as a title or a date line,
keeps its own line): precision, recall and F1 of the boundaries inside paragraphs.
Run by hand; never as a timed test.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tarfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimcheck.ingest.sentences import split_sentences

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


NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
NO_SPACE_AFTER = re.compile(r"([(\[{$“]) ")
FINAL_RE = re.compile(r"[.!?][\"')\]]*$")


def ecb_documents(archive: Path) -> list[tuple[str, set[int]]]:
    """(text, gold sentence starts) of each ECB+ article."""
    documents = []
    with tarfile.open(archive) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.name.endswith(".xml") else None
            if handle is None:
                continue
            sentences: dict[int, list[str]] = {}
            for token in ElementTree.parse(handle).getroot().iter("token"):
                sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
            text = ""
            starts: set[int] = set()
            for key in sorted(sentences):
                sentence = " ".join(sentences[key]).replace("``", '"').replace("''", '"')
                sentence = NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", sentence)).strip()
                if not sentence:
                    continue
                if text and not text.endswith("\n"):
                    text += " "
                starts.add(len(text))
                text += sentence
                if not FINAL_RE.search(sentence):
                    text += "\n"
            documents.append((text, starts))
    return documents


def score_ecb(archive: Path, splitters: dict[str, object]) -> None:
    documents = ecb_documents(archive)
    print(f"ECB+: {len(documents)} articles")
    for name, split in splitters.items():
        true_positive = found_total = gold_total = 0
        for text, gold in documents:
            # Only boundaries inside a line count: a line break is a boundary for both tools.
            line_starts = {0} | {m.end() for m in re.finditer("\n", text)}
            inside_gold = gold - line_starts
            found = set(split(text)) - line_starts  # type: ignore[operator]
            true_positive += len(found & inside_gold)
            found_total += len(found)
            gold_total += len(inside_gold)
        precision = true_positive / max(found_total, 1)
        recall = true_positive / max(gold_total, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"  {name:22} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


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
    parser.add_argument("--ecb", type=Path, help="score boundaries on the ECB+ archive")
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
    print(f"generated: {args.articles} articles, {words:.0f} words each")
    print(f"claimcheck.sentences: {ours:9.1f} us/article")
    print(f"pysbd (per line):     {theirs:9.1f} us/article  ({theirs / ours:.0f}x slower)")
    if args.ecb:

        def ours_starts(text: str) -> list[int]:
            return [sentence.start for sentence in split_sentences(text)]

        def pysbd_starts(text: str) -> list[int]:
            starts = []
            position = 0
            for line in text.split("\n"):
                for span in char_segmenter.segment(line):
                    offset = position + span.start
                    while offset < len(text) and text[offset].isspace():
                        offset += 1
                    starts.append(offset)
                position += len(line) + 1
            return starts

        char_segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
        score_ecb(args.ecb, {"claimcheck.sentences": ours_starts, "pysbd": pysbd_starts})
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
