"""Precision of the conflict findings on real news (AllSides, ECB+), against judgments kept in a file.

    python benchmarks/findings.py [--corpus allsides|ecbplus] [--judgments FILE] [--strict]
                                  [--show-true] [--show-stale] [--json]

Runs `claimcheck.pipeline.check_paths` on all articles of a corpus in one run and
collects every `figure-conflict`, `internal-conflict` and `date-conflict` finding:

- allsides (default): the 441 AllSides articles (`allsides/articles.jsonl`);
  judgments in `benchmarks/judgments/allsides.yaml`.
- ecbplus: the 982 ECB+ docs, rebuilt and run exactly as `benchmarks/stories.py` does
  (`ecbplus_report`: one `check_paths` run, file name = article id);
  judgments in `benchmarks/judgments/ecbplus.yaml`.

Each finding has a stable key, independent of run order and ids: its rule and the
sorted, de-duplicated list of (article_id, claim text, claim start offset) of its claims.

Judgments live in `benchmarks/judgments/<corpus>.yaml`:

    judgments:
      - rule: figure-conflict
        claims: [[article_id, start, "claim text"], ...]
        verdict: true | false | debatable
        why: one line
    missed:            # true conflicts the tool did not report (no verdict)
      - rule: figure-conflict
        claims: [...]
        why: one line

Prints, per rule family (figure-conflict + internal-conflict, and date-conflict): the
findings reported, how many are judged true / false / debatable, precision =
true / (true + false + debatable) and precision with debatable excluded =
true / (true + false); then every unjudged finding with what it takes to judge it
(titles, sources, dates, sentences, values and intervals, the message) and a YAML stub.
`--strict` exits 1 when any finding is unjudged.

The article texts are read from `../shared/benchmarks` at run time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimcheck.models import Claim, Finding, Report  # noqa: E402
from claimcheck.pipeline import check_paths  # noqa: E402


def shared_benchmarks() -> Path:
    """`shared/benchmarks` beside the repository (tests/shared.py finds it; CLAIMCHECK_SHARED)."""
    from tests.shared import SHARED

    return SHARED / "benchmarks"


ALLSIDES = shared_benchmarks() / "allsides" / "articles.jsonl"
ECBPLUS = shared_benchmarks() / "ecbplus" / "ECBplus_982docs_xml.tar.gz"
CORPORA = {"allsides": ALLSIDES, "ecbplus": ECBPLUS}


def judgments_file(corpus: str) -> Path:
    """The default judgments file of a corpus: `benchmarks/judgments/<corpus>.yaml`."""
    return REPO / "benchmarks" / "judgments" / f"{corpus}.yaml"


FAMILIES = {
    "figure-conflict": "figure+internal",
    "internal-conflict": "figure+internal",
    "date-conflict": "date",
}
FAMILY_ORDER = ("figure+internal", "date")
VERDICTS = ("true", "false", "debatable")

ClaimRef = tuple[str, str, int]
"""(article_id, claim text, start offset)."""
Key = tuple[str, tuple[ClaimRef, ...]]


# ---------------------------------------------------------------------------
# Keys


def finding_key(rule: str, claims: Iterable[ClaimRef]) -> Key:
    """The stable key of a finding: its rule and its claims, sorted and without repeats."""
    return rule, tuple(sorted({(str(a), str(text), int(start)) for a, text, start in claims}))


def key_of_finding(finding: Finding, claims: Mapping[str, Claim]) -> Key:
    refs = []
    for claim_id in finding.claim_ids:
        claim = claims[claim_id]
        refs.append((claim.article_id, claim.text, claim.start))
    return finding_key(finding.rule, refs)


def key_of_entry(entry: Mapping[str, Any]) -> Key:
    """The key of a judgment entry; its claims are written [article_id, start, "claim text"]."""
    refs = []
    for item in entry["claims"]:
        article_id, start, text = item
        refs.append((article_id, text, start))
    return finding_key(entry["rule"], refs)


def entry_claims(key: Key) -> list[list[Any]]:
    """The `claims` of a judgment entry for a key (the file's order: article, start, text)."""
    return [[article_id, start, text] for article_id, text, start in key[1]]


# ---------------------------------------------------------------------------
# Judgments


@dataclass
class Judgments:
    verdicts: dict[Key, dict[str, Any]] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)


def verdict_name(value: Any) -> str:
    """YAML reads `true` / `false` as booleans and `debatable` as a string."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value == "debatable":
        return "debatable"
    raise ValueError(f"verdict must be true, false or debatable, not {value!r}")


def parse_judgments(data: Any) -> Judgments:
    if data is None:
        return Judgments()
    if not isinstance(data, dict):
        raise ValueError("the judgments file is a mapping with `judgments:` and `missed:`")
    result = Judgments(missed=list(data.get("missed") or []))
    for entry in data.get("judgments") or []:
        if entry.get("rule") not in FAMILIES:
            raise ValueError(f"unknown rule {entry.get('rule')!r} in {entry}")
        if not str(entry.get("why") or "").strip():
            raise ValueError(f"judgment without a why: {entry}")
        key = key_of_entry(entry)
        if key in result.verdicts:
            raise ValueError(f"judged twice: {key}")
        result.verdicts[key] = {**entry, "verdict": verdict_name(entry.get("verdict"))}
    return result


def load_judgments(path: Path) -> Judgments:
    if not path.exists():
        return Judgments()
    return parse_judgments(yaml.safe_load(path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------
# Scoring


@dataclass
class FamilyScore:
    family: str
    reported: int = 0
    true: int = 0
    false: int = 0
    debatable: int = 0
    unjudged: int = 0

    @property
    def judged(self) -> int:
        return self.true + self.false + self.debatable

    @property
    def precision(self) -> float:
        """true / (true + false + debatable); NaN when nothing is judged."""
        return self.true / self.judged if self.judged else math.nan

    @property
    def precision_without_debatable(self) -> float:
        """true / (true + false); NaN when nothing is judged true or false."""
        decided = self.true + self.false
        return self.true / decided if decided else math.nan

    def as_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "reported": self.reported,
            "true": self.true,
            "false": self.false,
            "debatable": self.debatable,
            "unjudged": self.unjudged,
            "precision": None if math.isnan(self.precision) else self.precision,
            "precision_without_debatable": (
                None if math.isnan(self.precision_without_debatable) else self.precision_without_debatable
            ),
        }


@dataclass
class Scored:
    families: dict[str, FamilyScore]
    verdict_of: list[tuple[Finding, Key, str | None]]
    """Every conflict finding, its key and its verdict (None when unjudged)."""
    stale: list[Key]
    """Judged keys no longer reported."""


def score(findings: Iterable[tuple[Finding, Key]], judgments: Judgments) -> Scored:
    families = {name: FamilyScore(name) for name in FAMILY_ORDER}
    verdict_of = []
    seen: set[Key] = set()
    for finding, key in findings:
        family = families[FAMILIES[finding.rule]]
        family.reported += 1
        seen.add(key)
        entry = judgments.verdicts.get(key)
        verdict = entry["verdict"] if entry else None
        if verdict is None:
            family.unjudged += 1
        else:
            setattr(family, verdict, getattr(family, verdict) + 1)
        verdict_of.append((finding, key, verdict))
    stale = [key for key in judgments.verdicts if key not in seen]
    return Scored(families, verdict_of, stale)


def conflict_findings(report: Report) -> list[tuple[Finding, Key]]:
    claims = {claim.id: claim for claim in report.claims}
    found = [
        (finding, key_of_finding(finding, claims)) for finding in report.findings if finding.rule in FAMILIES
    ]
    return sorted(found, key=lambda pair: pair[1])


# ---------------------------------------------------------------------------
# Corpora


def load_stories() -> ModuleType:
    """`benchmarks/stories.py`, imported by path (it runs the product path on ECB+)."""
    spec = importlib.util.spec_from_file_location("stories_for_findings", REPO / "benchmarks" / "stories.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def run_corpus(corpus: str, path: Path) -> tuple[Report, dict[str, str]]:
    """The report of one `check_paths` run on all articles of a corpus, and the gold story
    of each article id when the corpus has one (ECB+: "topic-half"; AllSides: none here)."""
    if corpus == "allsides":
        return check_paths([str(path)]), {}
    if corpus == "ecbplus":
        report, gold, _seconds = load_stories().ecbplus_report(path)
        return report, gold
    raise ValueError(f"unknown corpus {corpus!r}")


# ---------------------------------------------------------------------------
# Output


def _percent(value: float) -> str:
    return "   n/a" if math.isnan(value) else f"{value:6.3f}"


def table(scored: Scored) -> str:
    lines = [
        f"{'family':<16} {'reported':>8} {'true':>5} {'false':>6} {'debat':>6} {'unjudged':>8} "
        f"{'P':>6} {'P-no-deb':>8}"
    ]
    for family in scored.families.values():
        lines.append(
            f"{family.family:<16} {family.reported:>8} {family.true:>5} {family.false:>6} "
            f"{family.debatable:>6} {family.unjudged:>8} {_percent(family.precision)} "
            f"{_percent(family.precision_without_debatable):>8}"
        )
    lines.append(
        "P = true / (true + false + debatable); P-no-deb = true / (true + false); unjudged not counted"
    )
    return "\n".join(lines)


def _interval(claim: Claim) -> str:
    if claim.kind in ("date", "time") or claim.timex:
        return f"timex {claim.timex}" + (f" (readings {claim.readings})" if claim.readings else "")
    low = "-inf" if claim.low is None else f"{claim.low:,.6g}"
    high = "inf" if claim.high is None or math.isinf(claim.high) else f"{claim.high:,.6g}"
    value = "?" if claim.value is None else f"{claim.value:,.6g}"
    parts = [f"{value} [{low} .. {high}] {claim.unit or ''}".rstrip(), claim.approx]
    if claim.scope:
        parts.append(f"scope {claim.scope}")
    if claim.predicate:
        parts.append(f"predicate {claim.predicate}")
    return ", ".join(parts)


def describe(finding: Finding, key: Key, report: Report, gold: Mapping[str, str] | None = None) -> str:
    """A finding with what it takes to judge it, and a YAML stub for the judgments file
    (with the gold story of each article when the corpus has one)."""
    claims = {claim.id: claim for claim in report.claims}
    lines = [f"{finding.rule} ({finding.severity}): {finding.message}"]
    shown: set[str] = set()
    for claim_id in finding.claim_ids:
        if claim_id in shown:
            continue
        shown.add(claim_id)
        claim = claims[claim_id]
        article = report.article(claim.article_id)
        title = article.title if article else "?"
        source = article.source if article else "?"
        published = article.published if article else None
        story = f" | gold story {gold[claim.article_id]}" if gold and claim.article_id in gold else ""
        lines.append(f"  [{claim.article_id}] {source} | {published or 'undated'} | {title}{story}")
        lines.append(f"    claim {claim.text!r} @{claim.start}: {_interval(claim)}")
        lines.append(f"    sentence: {' '.join(claim.sentence.split())}")
    stub = yaml.safe_dump(
        [{"rule": key[0], "claims": entry_claims(key), "verdict": None, "why": ""}],
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=200,
    )
    lines.append("  stub:")
    lines.extend(f"    {line}" for line in stub.rstrip().splitlines())
    return "\n".join(lines)


def short(finding: Finding, key: Key, judgments: Judgments) -> str:
    claims = "; ".join(f"{article_id} {text!r}" for article_id, text, _start in key[1])
    entry = judgments.verdicts.get(key, {})
    return f"{finding.rule}: {claims} -- {entry.get('why', '')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=tuple(CORPORA), default="allsides")
    parser.add_argument(
        "--articles", type=Path, default=None, help="the corpus file (default: the shared copy of --corpus)"
    )
    parser.add_argument(
        "--judgments", type=Path, default=None, help="default: benchmarks/judgments/<corpus>.yaml"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when any finding is unjudged")
    parser.add_argument("--show-true", action="store_true", help="list the findings judged true")
    parser.add_argument("--show-stale", action="store_true", help="list judgments no longer reported")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)

    judgments = load_judgments(args.judgments or judgments_file(args.corpus))
    report, gold = run_corpus(args.corpus, args.articles or CORPORA[args.corpus])
    found = conflict_findings(report)
    scored = score(found, judgments)
    unjudged = [(finding, key) for finding, key, verdict in scored.verdict_of if verdict is None]
    true = [(finding, key) for finding, key, verdict in scored.verdict_of if verdict == "true"]

    if args.json:
        print(
            json.dumps(
                {
                    "corpus": args.corpus,
                    "families": [family.as_dict() for family in scored.families.values()],
                    "findings": [
                        {
                            "rule": key[0],
                            "claims": entry_claims(key),
                            "verdict": verdict,
                            "message": f.message,
                        }
                        for f, key, verdict in scored.verdict_of
                    ],
                    "stale": [{"rule": key[0], "claims": entry_claims(key)} for key in scored.stale],
                    "missed": len(judgments.missed),
                },
                indent=2,
            )
        )
    else:
        print(table(scored))
        print(
            f"judged but no longer reported: {len(scored.stale)}; "
            f"known missed conflicts (judgments file): {len(judgments.missed)}"
        )
        if args.show_stale:
            for key in scored.stale:
                entry = judgments.verdicts[key]
                print(f"  stale {entry['verdict']}: {key[0]} {entry_claims(key)} -- {entry['why']}")
        if args.show_true:
            print(f"\njudged true ({len(true)}):")
            for finding, key in true:
                print(f"  {short(finding, key, judgments)}")
        if unjudged:
            print(f"\nunjudged ({len(unjudged)}):")
            for finding, key in unjudged:
                print()
                print(describe(finding, key, report, gold))
    return 1 if args.strict and unjudged else 0


if __name__ == "__main__":
    sys.exit(main())
