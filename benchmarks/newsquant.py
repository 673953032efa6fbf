"""Score claimcheck's numeric claims on NewsQuant (the CQE quantity test set), through the product.

    python benchmarks/newsquant.py [PATH_TO_NewsQuant.json] [--errors] [--internal-errors] [--strict]

The product path is what users get: the sentences are written to a jsonl file (one
article a sentence) and read back from `claimcheck extract FILE --format jsonl`,
the CLI itself; the numeric claims (every kind but date and time) are scored. The
numeric extractor alone (`extract.numeric.find_quantities`, no boilerplate, no
sentence splitting, no merge with temporal expressions) is scored beside it as
"internal". A range's second number is the claim's `end_value` ("about 2,000-2,500":
value 2,000, end_value 2,500).

Scoring follows the CQE authors' evaluation (see the benchmark's README): per
sentence, a predicted figure matches a gold one when the values are equal
within np.isclose's default tolerance (ranges compared as (low, high) pairs);
"value+unit" also needs the normalized unit, "value+change" the change class
(`=` `~` `>` `<` `up` `down`). Their matcher lets one prediction count for the
value of several gold figures until its unit matches; `--strict` also reports a
one-to-one matching. Precision = correct / predicted, recall = correct / gold.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.cli import main as claimcheck_main  # noqa: E402
from claimcheck.extract.numeric import find_quantities, load_numeric_lexicon  # noqa: E402

SHARED = next((folder / "shared" for folder in REPO.parents if (folder / "shared").is_dir()), REPO.parent)
DEFAULT_PATH = SHARED / "benchmarks" / "newsquant" / "NewsQuant.json"
NOT_QUANTITIES = frozenset({"date", "time"})

# claimcheck unit names -> the normalized names the gold file uses (quantulum3's).
CURRENCY_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "SGD": "singapore dollar",
    "NZD": "new zealand dollar",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "DKK": "danish krone",
    "SEK": "swedish krona",
    "INR": "indian rupee",
    "CHF": "swiss franc",
    "RUB": "russian ruble",
    "cent": "cent",
    "pence": "penny",
}
OTHER_NAMES = {
    "percent": "percentage",
    "percentage_point": "percentage point",
    "basis_point": "basis point",
    "person": "people",
    "fraction": "-",
    "tonne": "metric ton",
}
CHANGE_OF_APPROX = {
    "exact": "=",
    "range": "=",
    "about": "~",
    "more_than": ">",
    "at_least": ">",
    "less_than": "<",
    "at_most": "<",
}


def normalized_unit(kind: str, unit: str | None, per: str | None) -> str:
    if unit is None:
        name = "-"
    elif kind == "money":
        name = CURRENCY_NAMES.get(unit, unit.lower())
    else:
        name = OTHER_NAMES.get(unit, unit).lower()
    if per:
        name = f"{name} per {per}"
    return name


def to_cqe(
    kind: str,
    value: float,
    end_value: float | None,
    unit: str | None,
    per: str | None,
    approx: str,
    direction,
) -> dict[str, Any]:
    figure: float | tuple[float, float] = value
    if end_value is not None:
        figure = (value, end_value)
    change = direction or CHANGE_OF_APPROX[approx]
    return {"value": figure, "unit": normalized_unit(kind, unit, per), "change": change}


def claim_to_cqe(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim as `claimcheck extract --format jsonl` prints it; a range's second end is its
    `end_value` ("from 4.8 to 4.7": value 4.8, end_value 4.7; "about 2,000-2,500": 2,500)."""
    value = claim["value"] if claim["value"] is not None else math.nan
    return to_cqe(
        claim["kind"],
        value,
        claim.get("end_value"),
        claim["unit"],
        claim.get("per"),
        claim["approx"],
        claim["direction"],
    )


def product_predictions(texts: list[str]) -> tuple[list[list[tuple[str, dict[str, Any]]]], float]:
    """(span text, CQE record) of every numeric claim the CLI prints, per sentence; CPU seconds."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "newsquant.jsonl"
        lines = (json.dumps({"id": f"s{index}", "text": text}) for index, text in enumerate(texts))
        source.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        output = io.StringIO()
        started = time.process_time()
        with contextlib.redirect_stdout(output):
            code = claimcheck_main(["extract", str(source), "--format", "jsonl"])
        elapsed = time.process_time() - started
    if code != 0:
        raise SystemExit(f"claimcheck extract exited with {code}")
    found: list[list[tuple[str, dict[str, Any]]]] = [[] for _ in texts]
    for line in output.getvalue().splitlines():
        claim = json.loads(line)
        if claim["kind"] not in NOT_QUANTITIES:
            found[int(claim["article_id"][1:])].append((claim["text"], claim_to_cqe(claim)))
    return found, elapsed


def internal_predictions(texts: list[str]) -> tuple[list[list[tuple[str, dict[str, Any]]]], float]:
    """The numeric extractor alone on each sentence; CPU seconds."""
    lexicon = load_numeric_lexicon()
    find_quantities("warm up 1", lexicon=lexicon)
    started = time.process_time()
    quantities = [find_quantities(text, lexicon=lexicon) for text in texts]
    elapsed = time.process_time() - started
    found = [
        [
            (
                text[q.start : q.end],
                to_cqe(q.kind, q.value, q.end_value, q.unit, q.per, q.approx, q.direction),
            )
            for q in sentence
        ]
        for text, sentence in zip(texts, quantities, strict=True)
    ]
    return found, elapsed


def gold_value(raw: str) -> float | tuple[float, float]:
    text = raw.strip()
    if "E" not in text and not text.startswith("-") and "-" in text:
        low, _, high = text.partition("-")
        return (float(low), float(high))
    return float(text)


def close(a: float, b: float) -> bool:
    # np.isclose defaults: |a - b| <= atol + rtol * |b|
    return abs(a - b) <= 1e-08 + 1e-05 * abs(b)


def values_match(gold: float | tuple[float, float], pred: float | tuple[float, float]) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return close(pred[0], gold[0]) and close(pred[1], gold[1])
    assert isinstance(gold, float) and isinstance(pred, float)
    return math.isfinite(pred) and close(pred, gold)


def score_authors(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Correct value, value+unit and value+change counts, the CQE authors' way."""
    value_ok = unit_ok = change_ok = 0
    remaining = sorted(pred, key=lambda q: q["unit"])
    budget = len(gold)
    for g in sorted(gold, key=lambda q: q["unit"]):
        for p in list(remaining):
            if not values_match(g["value"], p["value"]):
                continue
            if budget > 0:
                value_ok += 1
                budget -= 1
            if p["change"] == g["change"]:
                change_ok += 1
            if p["unit"] == g["unit"]:
                unit_ok += 1
                remaining.remove(p)
                break
    return value_ok, unit_ok, change_ok


def score_strict(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[int, int, int, list, list]:
    """One-to-one matching: each prediction matches at most one gold figure."""
    value_ok = unit_ok = change_ok = 0
    unmatched = list(pred)
    missed = []
    for g in gold:
        candidates = [p for p in unmatched if values_match(g["value"], p["value"])]
        if not candidates:
            missed.append(g)
            continue
        best = max(candidates, key=lambda p: (p["unit"] == g["unit"], p["change"] == g["change"]))
        unmatched.remove(best)
        value_ok += 1
        unit_ok += best["unit"] == g["unit"]
        change_ok += best["change"] == g["change"]
    return value_ok, unit_ok, change_ok, missed, unmatched


def prf(correct: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 2), round(100 * r, 2), round(100 * f, 2)


def gold_of(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "value": gold_value(q["value"]),
            "unit": q["normalized_unit"].lower().strip(),
            "change": q.get("change", "="),
        }
        for q in item["quantities"]
    ]


def error_lines(
    gold: list[dict[str, Any]], found: list[tuple[str, dict[str, Any]]], missed: list, extra: list
) -> list[str]:
    lines = [f"    MISS {g['change']} {g['value']} [{g['unit']}]" for g in missed]
    for p in extra:
        span = next(span for span, record in found if record is p)
        lines.append(f"    FP   {p['change']} {p['value']} [{p['unit']}] {span!r}")
    for g in gold:
        for _span, p in found:
            if values_match(g["value"], p["value"]) and p["change"] != g["change"]:
                lines.append(f"    CHANGE gold {g['change']} pred {p['change']} {g['value']}")
            elif values_match(g["value"], p["value"]) and p["unit"] != g["unit"]:
                lines.append(f"    UNIT gold {g['unit']!r} pred {p['unit']!r} {g['value']}")
    return lines


def score(
    label: str,
    data: list[dict[str, Any]],
    predictions: list[list[tuple[str, dict[str, Any]]]],
    elapsed: float,
    *,
    errors: bool,
    strict: bool,
) -> dict[str, tuple[float, float, float]]:
    totals: Counter[str] = Counter()
    one_to_one: Counter[str] = Counter()
    for item, found in zip(data, predictions, strict=True):
        gold = gold_of(item)
        pred = [record for _span, record in found]
        v, u, c = score_authors(gold, pred)
        totals.update(gold=len(gold), pred=len(pred), value=v, unit=u, change=c)
        sv, su, sc, missed, extra = score_strict(gold, pred)
        one_to_one.update(value=sv, unit=su, change=sc, miss=len(missed), false_positive=len(extra))
        lines = error_lines(gold, found, missed, extra) if errors else []
        if lines:
            print(item["text"])
            print("\n".join(lines))
    n_gold, n_pred = totals["gold"], totals["pred"]
    print(f"{label}: {len(data)} sentences, {n_gold} gold figures, {n_pred} predicted")
    scores = {}
    for name, key in (("value", "value"), ("value+unit", "unit"), ("value+change", "change")):
        scores[name] = prf(totals[key], n_gold, n_pred)
        p, r, f = scores[name]
        print(f"  {name:<13} P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}")
    if strict:
        print("  one-to-one matching:")
        for name, key in (("value", "value"), ("value+unit", "unit"), ("value+change", "change")):
            p, r, f = prf(one_to_one[key], n_gold, n_pred)
            print(f"  {name:<13} P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}")
        print(f"  misses {one_to_one['miss']}, false positives {one_to_one['false_positive']}")
    per_sentence = 1000 * elapsed / len(data)
    print(f"  speed: {len(data) / elapsed:,.0f} sentences/s ({per_sentence:.3f} ms/sentence, CPU time)")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--errors", action="store_true", help="list the product's misses and false positives")
    parser.add_argument("--internal-errors", action="store_true", help="the same for the extractor alone")
    parser.add_argument("--strict", action="store_true", help="also report one-to-one matching")
    args = parser.parse_args(argv)
    data = json.loads(Path(args.path).read_text(encoding="utf-8"))
    texts = [item["text"] for item in data]
    # CPU time, so that other processes on a shared machine do not count against us.
    product, product_seconds = product_predictions(texts)
    score("product (claimcheck extract --format jsonl)", data, product, product_seconds,
          errors=args.errors, strict=args.strict)  # fmt: skip
    internal, internal_seconds = internal_predictions(texts)
    score("internal (extract.numeric.find_quantities)", data, internal, internal_seconds,
          errors=args.internal_errors, strict=args.strict)  # fmt: skip
    print("  anchors (published): CQE value F1 92.0, value+change F1 88.1")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
