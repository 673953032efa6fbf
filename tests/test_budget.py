"""One per-document budget (time and claims) in every command (issue 18, item 7).

An article over its budget becomes an input-error (CC001) naming its file and the
reason, and the others are still checked. Time is tested with a clock passed in (each
reading one second later than the last), never with the real one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimcheck.budget import Budget, OverBudget
from claimcheck.cli import main
from claimcheck.models import Article
from claimcheck.pipeline import Options, check_articles, process_article

LONG = "".join(f"Officials said {10 + i} homes were destroyed on day {i + 1}.\n\n" for i in range(40))
SHORT = "The council voted yesterday, Thursday, to close the pier after 12 complaints.\n"


class Ticking:
    """A clock one second later at every reading: time spent is the number of checks."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def articles() -> list[Article]:
    published = date(2026, 3, 14)
    return [
        Article(id="long", path="long.md", title="Storm", text=LONG, published=published),
        Article(id="short", path="short.md", title="Pier", text=SHORT, published=published),
    ]


def test_an_article_over_its_time_is_an_input_error_and_the_others_are_checked() -> None:
    options = Options(budget=Budget(seconds=30, clock=Ticking()))
    report = check_articles(articles(), options)
    errors = [f for f in report.findings if f.rule == "input-error"]
    assert [(f.code, f.path) for f in errors] == [("CC001", "long.md")]
    assert "took longer than the time budget of 30 s per document" in errors[0].message
    assert [a.id for a in report.articles] == ["short"]
    assert any(f.rule == "relative-date-mismatch" for f in report.findings)  # short is checked


def test_the_time_of_the_analysis_counts_too() -> None:
    """Extraction within budget, then reading the claims for grouping goes over it."""
    clock = Ticking()
    budget = Budget(seconds=1000, clock=clock)
    spent = process_article(articles()[0], Options(budget=budget)).meter
    assert spent is not None and spent.spent < 1000
    tight = Budget(seconds=spent.spent + 5, clock=Ticking())
    report = check_articles(articles()[:1], Options(budget=tight))
    assert [f.rule for f in report.findings] == ["input-error"]
    assert "(extraction and analysis)" in report.findings[0].message


def test_an_article_with_more_claims_than_the_budget_is_an_input_error() -> None:
    # 40 counts and 40 durations ("day 1" ...)
    with pytest.raises(OverBudget, match="has 80 claims, more than the budget of 10 per document"):
        process_article(articles()[0], Options(budget=Budget(claims=10)))


def test_no_budget_reads_no_clock() -> None:
    def clock() -> float:
        raise AssertionError("read the clock")

    report = check_articles(articles(), Options(budget=Budget(claims=1000, clock=clock)))
    assert {a.id for a in report.articles} == {"long", "short"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.md").write_text("---\npublished: 2026-03-14\n---\n" + LONG, encoding="utf-8")
    (folder / "short.md").write_text("---\npublished: 2026-03-14\n---\n" + SHORT, encoding="utf-8")
    return folder


def test_check_reports_the_article_over_budget_and_goes_on(corpus: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["check", str(corpus), "--budget-claims", "10", "--format", "json", "--quiet"])
    report = json.loads(capsys.readouterr().out)
    errors = [f for f in report["findings"] if f["code"] == "CC001"]
    assert len(errors) == 1 and errors[0]["path"].endswith("long.md")
    assert "more than the budget of 10 per document" in errors[0]["message"]
    assert [a["id"] for a in report["articles"]] == ["short.md"]
    assert code == 1


def test_extract_leaves_out_the_article_over_budget(corpus: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["extract", str(corpus), "--budget-claims", "10"])
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert {claim["article_id"] for claim in payload["claims"]} == {"short.md"}
    assert "long.md: CC001 [input-error]" in captured.err
    assert code == 0


def test_lint_reports_the_draft_over_budget(corpus: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(
        [
            "lint",
            str(corpus / "long.md"),
            str(corpus / "short.md"),
            "--budget-claims",
            "10",
            "--format",
            "json",
        ]
    )
    out = capsys.readouterr().out
    assert "more than the budget of 10 per document" in out
    assert "relative-date-mismatch" in out  # the short draft is still checked
    assert code == 1


def test_report_reports_the_article_over_budget(corpus: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "reports"
    args = ["report", str(corpus), "--out", str(out), "--date", "2026-03-14", "--jobs", "1", "--quiet"]
    main([*args, "--budget-claims", "10"])
    report = json.loads((out / "2026-03-14.json").read_text(encoding="utf-8"))
    text = json.dumps(report)
    assert "more than the budget of 10 per document" in text
    assert "relative-date-mismatch" in text


@pytest.mark.parametrize("command", ["check", "extract", "lint", "report"])
@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "-inf", "soon"])
def test_a_budget_that_is_no_positive_number_is_a_usage_error(
    command: str,
    value: str,
    corpus: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, str(corpus / "short.md"), f"--budget={value}"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--budget" in err and value in err


@pytest.mark.parametrize("value", ["0", "-3", "2.5", "many"])
def test_a_claims_budget_that_is_no_positive_whole_number_is_a_usage_error(value: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "x.md", f"--budget-claims={value}"])
    assert exit_info.value.code == 2
    assert "--budget-claims" in capsys.readouterr().err
