"""TempEval-3 Task A (timex) evaluation of claimcheck's temporal tagger.

    python benchmarks/tempeval3.py [FOLDER ...] [--errors]

Scores each TimeML folder (by default `tempeval3_platinum` and `aquaint_timeml` from
`shared/benchmarks` beside the repository) as the TempEval-3 scorer does. Each
document's text is its tag-stripped <TEXT> (the platinum set's official
`input/*.TE3input` when present, checked against the gold text), split with
`claimcheck.ingest.sentences.split_sentences` and resolved by
`claimcheck.resolve.timexes.find_timexes` with the document's DCT as the publication
date. The DCT timex itself is not scored.

- relaxed match: a system and a gold timex overlap (precision over system timexes,
  recall over gold timexes); strict match: identical spans;
- value F1 and type F1 as in the official scorer: attribute accuracy over the
  relaxed matches of gold timexes (each gold timex against the system timex that
  overlaps it most), times the relaxed F1;
- plain value F1: precision and recall counting a timex as found only when an
  overlapping timex of the other side has the same TIMEX3 value.

Then an error breakdown: gold timexes missed, system timexes spurious, and wrong
values by kind (weekday direction, month-day year, quarter/fiscal, offset, duration,
ref, set, holiday, granularity, other). `--errors` lists every error.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.extract.temporal_patterns import Timex
from claimcheck.ingest.sentences import split_sentences
from claimcheck.resolve.timexes import find_timexes
from claimcheck.spans import Sentence


def _shared_benchmarks() -> Path:
    """`shared/benchmarks` in the nearest folder above the repository that holds one."""
    here = Path(__file__).resolve().parent.parent
    for folder in here.parents:
        if (folder / "shared" / "benchmarks").is_dir():
            return folder / "shared" / "benchmarks"
    return here.parent / "shared" / "benchmarks"


CORPORA = ("tempeval3_platinum", "aquaint_timeml")
# Published anchors: HeidelTime in TempEval-3 (platinum) and HeidelTime 1.8 on AQUAINT.
HEIDELTIME = {
    "tempeval3_platinum": {"relaxed_f1": 90.30, "strict_f1": 81.34, "value_f1": 77.61},
    "aquaint_timeml": {"relaxed_f1": 91.78, "strict_f1": 80.99, "value_f1": 72.95, "type_f1": 83.39},
}
TAG_RE = re.compile(r"<[^>]+>")
TIMEX_RE = re.compile(r"<TIMEX3(?P<attrs>[^>]*)>(?P<body>.*?)</TIMEX3>", re.DOTALL)
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
DCT_RE = re.compile(r"<DCT>.*?value=\"(?P<value>\d{4}-\d\d-\d\d)", re.DOTALL)


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Document:
    name: str
    text: str
    dct: date
    gold: list[GoldTimex]


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    strict: int = 0
    value_match: int = 0
    type_match: int = 0
    value_gold: int = 0
    value_system: int = 0
    seconds: float = 0.0
    words: int = 0
    errors: Counter[str] = field(default_factory=Counter)


def _plain(fragment: str) -> str:
    return html.unescape(TAG_RE.sub("", fragment))


def _body(raw: str) -> str:
    return raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]


def text_of(raw: str) -> str:
    return _plain(_body(raw))


def gold_timexes(raw: str) -> list[GoldTimex]:
    """Gold timexes with offsets into the tag-stripped, unescaped TEXT section."""
    body = _body(raw)
    result = []
    length = 0
    position = 0
    for match in TIMEX_RE.finditer(body):
        length += len(_plain(body[position : match.start()]))
        inner = _plain(match.group("body"))
        attrs = dict(ATTR_RE.findall(match.group("attrs")))
        result.append(GoldTimex(length, length + len(inner), attrs["type"], attrs.get("value", ""), inner))
        length += len(inner)
        position = match.end()
    return result


def _input_for(folder: Path, gold: Path) -> Path | None:
    """The official input file of a gold file, if the folder has inputs (the platinum set)."""
    inputs = folder / "input"
    if not inputs.is_dir():
        return None
    candidate = inputs / f"{gold.name}.TE3input"
    if candidate.exists():
        return candidate
    # One input file is spelled differently from its gold file (see the benchmark README).
    docid = re.search(r"<DOCID>(.*?)</DOCID>", gold.read_text(encoding="utf-8"))
    for path in inputs.glob("*.TE3input"):
        if docid and f"<DOCID>{docid.group(1)}</DOCID>" in path.read_text(encoding="utf-8"):
            return path
    return None


def documents(folder: Path) -> list[Document]:
    result = []
    for gold_file in sorted((folder / "gold").glob("*.tml")):
        raw = gold_file.read_text(encoding="utf-8")
        text = text_of(raw)
        input_file = _input_for(folder, gold_file)
        if input_file is not None:
            given = input_file.read_text(encoding="utf-8")
            if text_of(given) != text:
                raise SystemExit(f"{input_file.name}: gold and input texts differ")
            raw_dct = given
        else:
            raw_dct = raw
        dct = date.fromisoformat(DCT_RE.search(raw_dct).group("value"))  # type: ignore[union-attr]
        result.append(Document(gold_file.stem, text, dct, gold_timexes(raw)))
    return result


def overlap(a: GoldTimex | Timex, b: GoldTimex | Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


# --- Error categories ---------------------------------------------------------

WEEKDAY_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
MONTH_DAY_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)
QUARTER_RE = re.compile(r"\b(?:quarter|half|fiscal|period)\b|-[QH]\d|^FY", re.I)
OFFSET_RE = re.compile(r"\b(?:ago|earlier|later|before|after|hence|from now|since)\b", re.I)
HOLIDAY_RE = re.compile(
    r"\b(?:christmas|thanksgiving|easter|new year|labor day|memorial day|independence day|"
    r"election day|eve|valentine|halloween|veterans day|ramadan|passover|hanukkah)\b",
    re.I,
)
GRANULARITY_RE = re.compile(r"\b(?:\d0s|decade|century|early|mid|late|end|beginning|start)\b", re.I)
REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def value_error_kind(gold: GoldTimex, got: str | None, got_type: str | None) -> str:
    """The kind of a wrong value, by the gold expression's words and the two values."""
    text = gold.text
    value = gold.value
    got = got or ""
    if gold.type == "SET" or got_type == "SET":
        return "set"
    if value in REF_VALUES or got in REF_VALUES:
        return "ref"
    if HOLIDAY_RE.search(text):
        return "holiday"
    if QUARTER_RE.search(text) or QUARTER_RE.search(value) or QUARTER_RE.search(got):
        return "quarter/fiscal"
    if value.startswith("P") or got.startswith("P"):
        return "offset" if OFFSET_RE.search(text) else "duration"
    if OFFSET_RE.search(text):
        return "offset"
    if WEEKDAY_RE.search(text):
        return "weekday direction"
    if MONTH_DAY_RE.search(text):
        return "month-day year"
    if (
        GRANULARITY_RE.search(text)
        or "X" in value
        or "X" in got
        or (got and value and (got.startswith(value) or value.startswith(got)))
    ):
        return "granularity"
    return "other"


# --- Scoring ------------------------------------------------------------------


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 60) : start] + "[[" + text[start:end] + "]]" + text[end : end + 40]).replace(
        "\n", " "
    )


def score(document: Document, tally: Tally, show_errors: bool) -> None:
    text, gold = document.text, document.gold
    began = time.process_time()
    system = find_timexes(text, split_sentences(text), document.dct)
    tally.seconds += time.process_time() - began
    tally.words += len(text.split())
    tally.gold += len(gold)
    tally.system += len(system)
    name = document.name[:18]
    for item in gold:
        partners = [s for s in system if overlap(item, s) > 0]
        if any(s.start == item.start and s.end == item.end for s in system):
            tally.strict += 1
        if not partners:
            tally.errors["missed"] += 1
            if show_errors:
                print(f"MISS  {name:18} {item.text!r} {item.value}  | {_context(text, item.start, item.end)}")
            continue
        tally.relaxed_gold += 1
        partner = max(partners, key=lambda s: overlap(item, s))
        tally.type_match += partner.type == item.type
        if partner.value == item.value:
            tally.value_match += 1
        if any(s.value == item.value for s in partners):
            tally.value_gold += 1
        else:
            kind = value_error_kind(item, partner.value, partner.type)
            tally.errors[f"value: {kind}"] += 1
            if show_errors:
                got = ", ".join(f"{text[s.start : s.end]!r}={s.value}" for s in partners)
                print(
                    f"VALUE {name:18} [{kind}] {item.text!r} gold={item.value} got {got}"
                    f"  | {_context(text, item.start, item.end)}"
                )
    for found in system:
        partners = [g for g in gold if overlap(g, found) > 0]
        if not partners:
            tally.errors["spurious"] += 1
            if show_errors:
                print(
                    f"FP    {name:18} {text[found.start : found.end]!r} {found.value}"
                    f"  | {_context(text, found.start, found.end)}"
                )
            continue
        tally.relaxed_system += 1
        if any(g.value == found.value for g in partners):
            tally.value_system += 1


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores(tally: Tally) -> dict[str, float]:
    system, gold = max(1, tally.system), max(1, tally.gold)
    relaxed_p, relaxed_r = tally.relaxed_system / system, tally.relaxed_gold / gold
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    matched = max(1, tally.relaxed_gold)
    value_accuracy, type_accuracy = tally.value_match / matched, tally.type_match / matched
    value_p, value_r = tally.value_system / system, tally.value_gold / gold
    return {
        "gold": tally.gold,
        "system": tally.system,
        "relaxed_precision": 100 * relaxed_p,
        "relaxed_recall": 100 * relaxed_r,
        "relaxed_f1": 100 * relaxed_f1,
        "strict_precision": 100 * tally.strict / system,
        "strict_recall": 100 * tally.strict / gold,
        "strict_f1": 100 * _f1(tally.strict / system, tally.strict / gold),
        "value_accuracy": 100 * value_accuracy,
        "type_accuracy": 100 * type_accuracy,
        "value_f1": 100 * relaxed_f1 * value_accuracy,
        "type_f1": 100 * relaxed_f1 * type_accuracy,
        "plain_value_precision": 100 * value_p,
        "plain_value_recall": 100 * value_r,
        "plain_value_f1": 100 * _f1(value_p, value_r),
        "seconds": tally.seconds,
        "words_per_second": tally.words / tally.seconds if tally.seconds else 0.0,
    }


def evaluate(folder: Path, show_errors: bool = False) -> tuple[dict[str, float], Counter[str], int]:
    """(scores, error counts, documents) of one TimeML folder."""
    find_timexes("Warm-up on Friday.", [Sentence(0, 18)], date(2013, 3, 22))  # lazy imports
    tally = Tally()
    docs = documents(folder)
    for document in docs:
        score(document, tally, show_errors)
    return scores(tally), tally.errors, len(docs)


def _anchor(corpus: str, key: str) -> str:
    value = HEIDELTIME.get(corpus, {}).get(key)
    return f"   (HeidelTime {value:.2f})" if value is not None else ""


def report(folder: Path, result: dict[str, float], errors: Counter[str], count: int) -> str:
    corpus = folder.name
    lines = [
        f"== {corpus}: {count} documents, gold {result['gold']:.0f}, system {result['system']:.0f}",
        f"relaxed  P {result['relaxed_precision']:.2f}  R {result['relaxed_recall']:.2f}  "
        f"F1 {result['relaxed_f1']:.2f}{_anchor(corpus, 'relaxed_f1')}",
        f"strict   P {result['strict_precision']:.2f}  R {result['strict_recall']:.2f}  "
        f"F1 {result['strict_f1']:.2f}{_anchor(corpus, 'strict_f1')}",
        f"value F1 {result['value_f1']:.2f}  (relaxed F1 x value accuracy {result['value_accuracy']:.2f})"
        f"{_anchor(corpus, 'value_f1')}",
        f"type F1  {result['type_f1']:.2f}  (relaxed F1 x type accuracy {result['type_accuracy']:.2f})"
        f"{_anchor(corpus, 'type_f1')}",
        f"plain value  P {result['plain_value_precision']:.2f}  R {result['plain_value_recall']:.2f}  "
        f"F1 {result['plain_value_f1']:.2f}",
        f"speed    {result['seconds'] * 1000:.1f} ms CPU, {result['words_per_second']:.0f} words/s",
        "errors   " + ", ".join(f"{kind} {n}" for kind, n in sorted(errors.items(), key=lambda kv: -kv[1])),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="TimeML folders (gold/*.tml, optional input/)")
    parser.add_argument("--errors", action="store_true", help="list misses, wrong values and false positives")
    args = parser.parse_args(argv)
    folders = args.paths or [_shared_benchmarks() / corpus for corpus in CORPORA]
    for folder in folders:
        result, errors, count = evaluate(folder, args.errors)
        print(report(folder, result, errors, count))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
