"""End to end: the grouping corpus against its gold, and the seed articles.

The corpus (tests/corpus) holds four stories written for these tests, with planted
conflicts, near-misses, syndicated copies, evolving tolls, internal conflicts,
date conflicts and page-furniture teasers; gold.yaml says what a correct run
reports. The seeds are read by path (never copied into the project).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claimcheck.models import Report
from claimcheck.pipeline import check_paths
from tests.shared import SEEDS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def _benchmark():
    # Loaded by path: another installed package is also called `benchmarks`.
    spec = importlib.util.spec_from_file_location("groups_benchmark", ROOT / "benchmarks" / "groups.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_run():
    return _benchmark().run_corpus(CORPUS)


def test_finding_precision_and_recall(corpus_run) -> None:
    _report, score = corpus_run
    assert score.precision >= 0.95, score.false_positives
    assert score.recall >= 0.90, score.missed


@pytest.mark.parametrize("part", ["duplicate_errors", "story_errors"])
def test_corpus_structure(corpus_run, part: str) -> None:
    _report, score = corpus_run
    assert getattr(score, part) == []


# Gold groups not formed whole, and figures that share a group they must not share, as
# measured when claim frames landed (45 gold groups, 68 apart pairs). A ratchet: a change
# that splits more groups or joins more apart pairs fails; lower the numbers as it improves.
GROUP_ERRORS_AT_MOST = 22
APART_ERRORS_AT_MOST = 1


def test_corpus_groups_do_not_regress(corpus_run) -> None:
    _report, score = corpus_run
    assert len(score.group_errors) <= GROUP_ERRORS_AT_MOST, score.group_errors
    assert len(score.apart_errors) <= APART_ERRORS_AT_MOST, score.apart_errors


@pytest.fixture(scope="module")
def seeds() -> Report:
    if not (SEEDS / "manifest.csv").is_file():
        pytest.skip("the seed articles are not available")
    return check_paths([str(SEEDS)], str(SEEDS / "manifest.csv"))


def _groups_with(report: Report, *wanted: tuple[str, str]) -> list:
    """Groups holding a claim of each (file prefix, words) pair."""
    claims = {claim.id: claim for claim in report.claims}
    found = []
    for group in report.groups:
        members = [claims[claim_id] for claim_id in group.claim_ids]
        if all(
            any(c.article_id.startswith(prefix) and words in c.sentence and c.text in words for c in members)
            for prefix, words in wanted
        ):
            found.append(group)
    return found


def test_seed_duplicates(seeds: Report) -> None:
    duplicates = {a.id[:3]: (a.duplicate_of or "")[:3] for a in seeds.articles if a.duplicate_of}
    assert duplicates == {"003": "000"}
    assert len(seeds.stories) == 1


def test_seed_operation_duration_is_one_consistent_group(seeds: Report) -> None:
    groups = _groups_with(
        seeds,
        ("000", "lasted one day"),
        ("003", "lasted one day"),
        ("001", "24-hour military operation"),
        ("002", "24-hour military operation"),
        ("004", "24-hour military operation"),
    )
    assert len(groups) == 1 and groups[0].status == "consistent"
    assert groups[0].independent_sources == 4


def test_seed_aid_deliveries_are_one_consistent_group(seeds: Report) -> None:
    groups = _groups_with(
        seeds,
        ("001", "Three cargos"),
        ("002", "Three shipments"),
        ("004", "Three cargos"),
    )
    assert len(groups) == 1 and groups[0].status == "consistent"


def test_seed_soldiers_killed_has_one_source(seeds: Report) -> None:
    groups = _groups_with(seeds, ("000", "around 300 soldiers"), ("003", "around 300 soldiers"))
    assert len(groups) == 1
    assert groups[0].status == "single_source" and groups[0].independent_sources == 1


def test_seeds_raise_no_conflict(seeds: Report) -> None:
    rules = {"figure-conflict", "internal-conflict", "date-conflict", "relative-date-mismatch"}
    assert [f.message for f in seeds.findings if f.rule in rules] == []
