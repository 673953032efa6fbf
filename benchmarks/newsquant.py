"""Score claimcheck's numeric extractor on NewsQuant (the CQE quantity test set).

    python benchmarks/newsquant.py [PATH_TO_NewsQuant.json] [--errors] [--strict]

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
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.extract.numeric import Quantity, find_quantities, load_numeric_lexicon  # noqa: E402

DEFAULT_PATH = REPO.parent / "shared" / "benchmarks" / "newsquant" / "NewsQuant.json"

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


def normalized_unit(quantity: Quantity) -> str:
    unit = quantity.unit
    if unit is None:
        name = "-"
    elif quantity.kind == "money":
        name = CURRENCY_NAMES.get(unit, unit.lower())
    else:
        name = OTHER_NAMES.get(unit, unit).lower()
    if quantity.per:
        name = f"{name} per {quantity.per}"
    return name


def to_cqe(quantity: Quantity) -> dict[str, Any]:
    value: float | tuple[float, float] = quantity.value
    if quantity.end_value is not None:
        value = (quantity.value, quantity.end_value)
    change = quantity.direction or CHANGE_OF_APPROX[quantity.approx]
    return {"value": value, "unit": normalized_unit(quantity), "change": change}


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
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--strict", action="store_true", help="also report one-to-one matching")
    args = parser.parse_args(argv)
    data = json.loads(Path(args.path).read_text(encoding="utf-8"))
    lexicon = load_numeric_lexicon()
    find_quantities("warm up 1", lexicon=lexicon)

    # CPU time, so that other processes on a shared machine do not count against us.
    started = time.process_time()
    predictions = [find_quantities(item["text"], lexicon=lexicon) for item in data]
    elapsed = time.process_time() - started

    totals = Counter()
    strict = Counter()
    error_kinds = Counter()
    for item, quantities in zip(data, predictions, strict=True):
        gold = [
            {
                "value": gold_value(q["value"]),
                "unit": q["normalized_unit"].lower().strip(),
                "change": q.get("change", "="),
            }
            for q in item["quantities"]
        ]
        pred = [to_cqe(q) for q in quantities]
        v, u, c = score_authors(gold, pred)
        totals.update(gold=len(gold), pred=len(pred), value=v, unit=u, change=c)
        sv, su, sc, missed, extra = score_strict(gold, pred)
        strict.update(value=sv, unit=su, change=sc)
        error_kinds.update(miss=len(missed), false_positive=len(extra))
        if args.errors:
            lines = [f"    MISS {g['change']} {g['value']} [{g['unit']}]" for g in missed]
            for p in extra:
                q = next(q for q in quantities if to_cqe(q) == p)
                span = item["text"][q.start : q.end]
                lines.append(f"    FP   {p['change']} {p['value']} [{p['unit']}] {span!r}")
            for g in gold:
                for p in pred:
                    if values_match(g["value"], p["value"]) and p["change"] != g["change"]:
                        lines.append(f"    CHANGE gold {g['change']} pred {p['change']} {g['value']}")
                    elif values_match(g["value"], p["value"]) and p["unit"] != g["unit"]:
                        lines.append(f"    UNIT gold {g['unit']!r} pred {p['unit']!r} {g['value']}")
            if lines:
                print(item["text"])
                print("\n".join(lines))
    n_gold, n_pred = totals["gold"], totals["pred"]
    print(f"{Path(args.path).stem}: {len(data)} sentences, {n_gold} gold figures, {n_pred} predicted")
    for label, key in (("value", "value"), ("value+unit", "unit"), ("value+change", "change")):
        p, r, f = prf(totals[key], n_gold, n_pred)
        print(f"  {label:<13} P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}")
    if args.strict:
        print("  one-to-one matching:")
        for label, key in (("value", "value"), ("value+unit", "unit"), ("value+change", "change")):
            p, r, f = prf(strict[key], n_gold, n_pred)
            print(f"  {label:<13} P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}")
        print(f"  misses {error_kinds['miss']}, false positives {error_kinds['false_positive']}")
    per_sentence = 1000 * elapsed / len(data)
    print(f"  speed: {len(data) / elapsed:,.0f} sentences/s ({per_sentence:.3f} ms/sentence, CPU time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
