"""TempEval-3 Task A (timex) evaluation of claimcheck's temporal tagger.

    python benchmarks/tempeval3.py [PATH_TO_tempeval3_platinum] [--errors]

Runs the platinum input documents (input/*.TE3input) through
`claimcheck.ingest.sentences.split_sentences` and `claimcheck.resolve.timexes.find_timexes`,
with each document's DCT as the publication date, and scores against the gold
TIMEX3 tags (gold/*.tml) as the TempEval-3 paper does:

- relaxed match: a system and a gold timex overlap (precision over system
  timexes, recall over gold timexes);
- strict match: identical spans;
- value F1: computed directly, counting a gold timex as found only when an
  overlapping system timex has the same TIMEX3 value (and a system timex as
  correct only when an overlapping gold timex has its value). With one-to-one
  matches this equals the paper's relaxed F1 x value accuracy.

The DCT timex itself is not scored (the paper's 138 gold timexes).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.extract.temporal_patterns import Timex
from claimcheck.ingest.sentences import split_sentences
from claimcheck.resolve.timexes import find_timexes
from claimcheck.spans import Sentence

DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "tempeval3_platinum"
TAG_RE = re.compile(r"<[^>]+>")
TIMEX_RE = re.compile(r"<TIMEX3(?P<attrs>[^>]*)>(?P<body>.*?)</TIMEX3>", re.DOTALL)
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
DCT_RE = re.compile(r"<DCT>.*?value=\"(?P<value>\d{4}-\d\d-\d\d)\".*?</DCT>", re.DOTALL)


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


def text_of(raw: str) -> str:
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    return TAG_RE.sub("", body)


def gold_timexes(raw: str) -> list[GoldTimex]:
    """Gold timexes with offsets into the tag-stripped TEXT section."""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    result = []
    plain_length = 0
    position = 0
    for match in TIMEX_RE.finditer(body):
        plain_length += len(TAG_RE.sub("", body[position : match.start()]))
        inner = TAG_RE.sub("", match.group("body"))
        attrs = dict(ATTR_RE.findall(match.group("attrs")))
        result.append(
            GoldTimex(plain_length, plain_length + len(inner), attrs["type"], attrs["value"], inner)
        )
        plain_length += len(inner)
        position = match.end()
    return result


def gold_path(folder: Path, input_path: Path) -> Path:
    name = input_path.name.removesuffix(".TE3input")
    candidate = folder / "gold" / name
    if candidate.exists():
        return candidate
    # One gold file is spelled differently from its input (see the benchmark README).
    docid = re.search(r"<DOCID>(.*?)</DOCID>", input_path.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    return folder / "gold" / f"{docid}.tml"


def overlaps(a: GoldTimex | Timex, b: GoldTimex | Timex) -> bool:
    return a.start < b.end and b.start < a.end


def evaluate(folder: Path, show_errors: bool) -> dict[str, float]:
    totals = {
        "gold": 0,
        "system": 0,
        "relaxed_tp_gold": 0,
        "relaxed_tp_system": 0,
        "strict": 0,
        "value_gold": 0,
        "value_system": 0,
    }
    elapsed = 0.0
    words = 0
    find_timexes("Warm-up on Friday.", [Sentence(0, 18)], date(2013, 3, 22))  # lazy imports
    for input_path in sorted((folder / "input").glob("*.TE3input")):
        raw = input_path.read_text(encoding="utf-8")
        text = text_of(raw)
        dct = date.fromisoformat(DCT_RE.search(raw).group("value"))  # type: ignore[union-attr]
        gold = gold_timexes(gold_path(folder, input_path).read_text(encoding="utf-8"))
        if text != text_of(gold_path(folder, input_path).read_text(encoding="utf-8")):
            raise SystemExit(f"{input_path.name}: gold and input texts differ")
        sentences = split_sentences(text)
        began = time.process_time()
        system = find_timexes(text, sentences, dct)
        elapsed += time.process_time() - began
        words += len(text.split())
        totals["gold"] += len(gold)
        totals["system"] += len(system)
        for item in gold:
            partners = [s for s in system if overlaps(item, s)]
            if partners:
                totals["relaxed_tp_gold"] += 1
                if any(s.value == item.value for s in partners):
                    totals["value_gold"] += 1
                elif show_errors:
                    got = ", ".join(f"{text[s.start : s.end]!r}={s.value}" for s in partners)
                    print(
                        f"VALUE {input_path.name[:16]:16} {item.text!r} gold={item.value} got {got}"
                        f"  | {_context(text, item.start, item.end)}"
                    )
            elif show_errors:
                where = _context(text, item.start, item.end)
                print(f"MISS  {input_path.name[:16]:16} {item.text!r} {item.value}  | {where}")
            if any(s.start == item.start and s.end == item.end for s in system):
                totals["strict"] += 1
        for item in system:
            partners = [g for g in gold if overlaps(g, item)]
            if partners:
                totals["relaxed_tp_system"] += 1
                if any(g.value == item.value for g in partners):
                    totals["value_system"] += 1
            elif show_errors:
                print(
                    f"FP    {input_path.name[:16]:16} {text[item.start : item.end]!r} {item.value}"
                    f"  | {_context(text, item.start, item.end)}"
                )
    return _scores(totals, elapsed, words)


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 60) : start] + "[[" + text[start:end] + "]]" + text[end : end + 40]).replace(
        "\n", " "
    )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _scores(totals: dict[str, int], elapsed: float, words: int) -> dict[str, float]:
    precision = totals["relaxed_tp_system"] / totals["system"] if totals["system"] else 0.0
    recall = totals["relaxed_tp_gold"] / totals["gold"]
    strict_p = totals["strict"] / totals["system"] if totals["system"] else 0.0
    strict_r = totals["strict"] / totals["gold"]
    value_p = totals["value_system"] / totals["system"] if totals["system"] else 0.0
    value_r = totals["value_gold"] / totals["gold"]
    relaxed_f1 = _f1(precision, recall)
    return {
        "gold": totals["gold"],
        "system": totals["system"],
        "relaxed_precision": 100 * precision,
        "relaxed_recall": 100 * recall,
        "relaxed_f1": 100 * relaxed_f1,
        "strict_f1": 100 * _f1(strict_p, strict_r),
        "value_precision": 100 * value_p,
        "value_recall": 100 * value_r,
        "value_f1": 100 * _f1(value_p, value_r),
        "value_accuracy": 100 * totals["value_gold"] / max(1, totals["relaxed_tp_gold"]),
        "seconds": elapsed,
        "words_per_second": words / elapsed if elapsed else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list misses, wrong values and false positives")
    args = parser.parse_args(argv)
    scores = evaluate(args.path, args.errors)
    print(
        f"gold {scores['gold']:.0f}  system {scores['system']:.0f}\n"
        f"relaxed  P {scores['relaxed_precision']:.2f}  R {scores['relaxed_recall']:.2f}  "
        f"F1 {scores['relaxed_f1']:.2f}   (HeidelTime 93.08 / 87.68 / 90.30)\n"
        f"strict   F1 {scores['strict_f1']:.2f}   (HeidelTime 81.34)\n"
        f"value    P {scores['value_precision']:.2f}  R {scores['value_recall']:.2f}  "
        f"F1 {scores['value_f1']:.2f}   accuracy {scores['value_accuracy']:.2f}   (HeidelTime F1 77.61)\n"
        f"         paper's form: relaxed F1 x value accuracy = "
        f"{scores['relaxed_f1'] * scores['value_accuracy'] / 100:.2f}\n"
        f"speed    {scores['seconds'] * 1000:.1f} ms CPU for 20 documents, "
        f"{scores['words_per_second']:.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
