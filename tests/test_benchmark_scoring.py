"""Scoring functions of benchmarks/stories.py (B-cubed) and benchmarks/findings.py (finding keys)."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from claimcheck.models import Article, Claim, Finding, Story

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


stories = _load("stories_benchmark", ROOT / "benchmarks" / "stories.py")
findings = _load("findings_benchmark", ROOT / "benchmarks" / "findings.py")

GOLD = {"a": "g1", "b": "g1", "c": "g2", "d": "g2"}


# ---------------------------------------------------------------------------
# B-cubed


def test_perfect_clustering_scores_one():
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert stories.bcubed(predicted, GOLD) == (1.0, 1.0, 1.0)


def test_one_cluster_has_full_recall_and_diluted_precision():
    predicted = dict.fromkeys(GOLD, "all")
    precision, recall, f1 = stories.bcubed(predicted, GOLD)
    assert precision == pytest.approx(0.5)
    assert recall == pytest.approx(1.0)
    assert f1 == pytest.approx(2 / 3)


def test_all_singletons_have_full_precision_and_partial_recall():
    # Nothing predicted at all: every article is its own story.
    precision, recall, f1 = stories.bcubed({}, GOLD)
    assert precision == pytest.approx(1.0)
    assert recall == pytest.approx(0.5)
    assert f1 == pytest.approx(2 / 3)
    # The same when every article has a story of its own.
    assert stories.bcubed({item: item for item in GOLD}, GOLD) == (precision, recall, f1)


def test_hand_computed_mixed_clustering():
    gold = {"a": "g1", "b": "g1", "c": "g1", "d": "g2"}
    predicted = {"a": "p1", "b": "p1", "c": "p2", "d": "p2"}
    precision, recall, f1 = stories.bcubed(predicted, gold)
    # precision: a 2/2, b 2/2, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1/1
    assert precision == pytest.approx(0.75)
    assert recall == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_unclustered_items_are_singletons_and_extra_items_are_ignored():
    predicted = {"a": "x", "b": "x", "zz": "x"}  # c, d unclustered; zz not in the gold
    precision, recall, _f1 = stories.bcubed(predicted, GOLD)
    assert precision == pytest.approx(1.0)
    assert recall == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)


def test_bcubed_needs_gold():
    with pytest.raises(ValueError):
        stories.bcubed({"a": "x"}, {})


def test_story_counts():
    gold = {"a": "g1", "b": "g1", "c": "g2", "d": "g2", "e": "g3"}
    found = [Story(id="s1", label="", article_ids=["a", "c", "d"])]
    score = stories.score_stories("t", stories.story_map(found), gold, 0.0)
    assert score.predicted_stories == 3  # s1 and the singletons b and e
    assert score.predicted_multi == 1
    assert score.gold_stories == 3
    assert score.largest_predicted == 3
    assert score.largest_gold == 2
    assert score.split_gold == 1  # g1: a in s1, b alone
    assert score.impure_predicted == 1  # s1 mixes g1 and g2


# ---------------------------------------------------------------------------
# Scale corpus helpers


def test_text_dates_shift_across_months_and_years():
    assert stories.shift_text_dates("on April 30, 2021 and Dec. 31", 1) == "on May 1, 2021 and January 1"
    assert stories.shift_text_dates("since 2008", 5) == "since 2008"


def test_numbers_are_perturbed_but_years_kept():
    rng = random.Random(1)
    assert stories.perturb_number("2021", rng) == "2021"
    moved = stories.perturb_number("1,500", rng)
    assert moved != "1,500" and "," in moved


def test_variant_renames_story_names_consistently():
    story = stories.BaseStory(
        "allsides:x",
        [
            Article(id="a1", title="Varnok wins", text="Varnok said 312 people came.", published=None),
            Article(id="a2", title="Varnok again", text="Officials told Varnok that 312 came."),
        ],
    )
    first, second = stories.make_variant(story, 0, {"Varnok"}, random.Random(3))
    new_name = first.title.split()[0]
    assert new_name != "Varnok"
    assert new_name in first.text and new_name in second.text and new_name in second.title
    figure = next(word for word in first.text.split() if word[0].isdigit())
    assert figure != "312" and figure in second.text


# ---------------------------------------------------------------------------
# Finding keys and judgments


def _claim(article_id: str, start: int, text: str) -> Claim:
    return Claim(
        id=f"{article_id}@{start}", article_id=article_id, kind="count", text=text, start=start, end=start + 3
    )


def test_finding_key_ignores_order_and_repeats():
    one = findings.finding_key("figure-conflict", [("b", "two", 4), ("a", "3", 10), ("b", "two", 4)])
    two = findings.finding_key("figure-conflict", [("a", "3", 10), ("b", "two", 4)])
    assert one == two == ("figure-conflict", (("a", "3", 10), ("b", "two", 4)))


def test_finding_key_depends_on_rule_offsets_and_text():
    base = findings.finding_key("figure-conflict", [("a", "3", 10)])
    assert base != findings.finding_key("internal-conflict", [("a", "3", 10)])
    assert base != findings.finding_key("figure-conflict", [("a", "3", 11)])
    assert base != findings.finding_key("figure-conflict", [("a", "three", 10)])


def test_key_of_finding_matches_key_of_entry():
    claims = {c.id: c for c in (_claim("b", 4, "two"), _claim("a", 10, "3"))}
    finding = Finding(
        rule="figure-conflict",
        code="CC100",
        severity="error",
        article_id="b",
        claim_ids=["b@4", "a@10", "b@4"],
        message="m",
    )
    entry = {"rule": "figure-conflict", "claims": [["a", 10, "3"], ["b", 4, "two"]]}
    assert findings.key_of_finding(finding, claims) == findings.key_of_entry(entry)
    assert findings.entry_claims(findings.key_of_entry(entry)) == entry["claims"]


def test_parse_judgments_reads_yaml_verdicts_and_rejects_bad_ones():
    data = {
        "judgments": [
            {"rule": "figure-conflict", "claims": [["a", 1, "x"]], "verdict": True, "why": "same"},
            {"rule": "date-conflict", "claims": [["a", 2, "y"]], "verdict": False, "why": "differ"},
            {"rule": "figure-conflict", "claims": [["a", 3, "z"]], "verdict": "debatable", "why": "maybe"},
        ],
        "missed": [{"rule": "figure-conflict", "claims": [["c", 1, "q"]], "why": "not found"}],
    }
    parsed = findings.parse_judgments(data)
    assert sorted(entry["verdict"] for entry in parsed.verdicts.values()) == ["debatable", "false", "true"]
    assert len(parsed.missed) == 1
    bad = {
        "judgments": [{"rule": "figure-conflict", "claims": [["a", 1, "x"]], "verdict": "yes", "why": "w"}]
    }
    with pytest.raises(ValueError):
        findings.parse_judgments(bad)
    twice = {"judgments": [data["judgments"][0], data["judgments"][0]]}
    with pytest.raises(ValueError):
        findings.parse_judgments(twice)


def test_score_counts_families_and_precision():
    def finding(rule: str) -> Finding:
        return Finding(rule=rule, code="C", severity="error", article_id="a", message="m")

    keys = [findings.finding_key("figure-conflict", [("a", str(i), i)]) for i in range(4)]
    date_key = findings.finding_key("date-conflict", [("a", "May 1", 9)])
    judged = findings.Judgments(
        verdicts={
            keys[0]: {"verdict": "true", "why": ""},
            keys[1]: {"verdict": "false", "why": ""},
            keys[2]: {"verdict": "debatable", "why": ""},
            findings.finding_key("figure-conflict", [("z", "9", 9)]): {"verdict": "false", "why": ""},
        }
    )
    reported = [(finding("figure-conflict"), key) for key in keys]
    reported.append(
        (finding("internal-conflict"), findings.finding_key("internal-conflict", [("a", "1", 1)]))
    )
    reported.append((finding("date-conflict"), date_key))
    scored = findings.score(reported, judged)
    figures = scored.families["figure+internal"]
    assert (figures.reported, figures.true, figures.false, figures.debatable, figures.unjudged) == (
        5,
        1,
        1,
        1,
        2,
    )
    assert figures.precision == pytest.approx(1 / 3)
    assert figures.precision_without_debatable == pytest.approx(1 / 2)
    assert scored.families["date"].unjudged == 1
    assert len(scored.stale) == 1


def test_error_lines_list_mixed_and_split_stories():
    from datetime import date

    articles = [
        Article(id=item, text="x", title=f"Title {item}", published=None if item == "c" else date(2024, 3, 5))
        for item in GOLD
    ]
    predicted = [
        Story(id="s1", label="", article_ids=["a", "c"]),
        Story(id="s2", label="", article_ids=["b"]),
    ]
    text = stories.error_lines("toy", articles, predicted, GOLD)
    mixed, split = text.split("gold stories split")
    assert "Title a" in mixed and "Title c" in mixed and "Title d" not in mixed
    assert "undated" in mixed and "2024-03-05" in mixed
    assert "-- g1" in split and "-- g2" in split  # g1 over s1 and s2; g2 over s1 and d alone
