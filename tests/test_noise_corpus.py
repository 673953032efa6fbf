"""The noise corpus (tests/noise) through the product: `pipeline.check_paths` reads the pages
(readers, trafilatura, the boilerplate filter, sentences, claims), and benchmarks/noise.py
scores it against the gold: no claim from page noise, and the article's sentences kept."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOISE = ROOT / "tests" / "noise"

pytestmark = pytest.mark.slow


def _benchmark():
    # Loaded by path: another installed package is also called `benchmarks`.
    spec = importlib.util.spec_from_file_location("noise_benchmark", ROOT / "benchmarks" / "noise.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored():
    benchmark = _benchmark()
    scores = benchmark.score_corpus(NOISE / "pages", NOISE / "gold.yaml")
    return scores, benchmark.totals(scores)


def test_no_claim_comes_from_page_noise(scored) -> None:
    scores, _totals = scored
    assert [(score.page, score.leaks) for score in scores if score.leaks] == []


def test_body_sentences_are_kept_and_noise_left_out(scored) -> None:
    scores, (precision, recall, _leaks) = scored
    assert recall >= 0.98, [(score.page, score.lost) for score in scores if score.lost]
    assert precision >= 0.98, [(score.page, score.kept_noise) for score in scores if score.kept_noise]


def test_every_page_is_scored(scored) -> None:
    scores, _totals = scored
    assert len(scores) == len(list((NOISE / "pages").iterdir()))
