"""Every rule's named pass/fail cases from its YAML file (as sqlfluff's rule cases).

A fail case must produce at least one finding of its rule; a pass case none. A
rule with an active check and no cases of both kinds fails the suite: a rule
nobody has shown firing (and staying quiet) is not done.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

import pytest

from claimcheck.checks.registry import check_status
from claimcheck.ingest.published import parse_published
from claimcheck.models import Article
from claimcheck.pipeline import Options, analyse, check_paths, process_article
from claimcheck.rules import Rule, RuleCase, RuleSet, load_rules

RULES = load_rules(None)
CASES = [(rule, case) for rule in RULES.rules for case in rule.cases]


def case_articles(case: RuleCase) -> list[Article]:
    if case.text is not None:
        specs = [{"text": case.text, "published": case.published}]
    else:
        specs = [asdict(article) for article in case.articles]
    articles = []
    for number, spec in enumerate(specs, start=1):
        published = spec.get("published")
        articles.append(
            Article(
                id=spec.get("id") or f"case-{number}",
                path=f"{case.name}-{number}.md",
                source=spec.get("source") or f"Source {number}",
                title=spec.get("title"),
                text=spec["text"],
                published=parse_published(published) if published else None,
                published_origin="metadata" if published else None,
            )
        )
    return articles


def with_enabled(rule: Rule) -> RuleSet:
    """The bundled rules with `rule` on: a rule that is off by default still shows its cases."""
    rules = tuple(replace(r, enabled=True) if r is rule else r for r in RULES.rules)
    return RuleSet(directory=RULES.directory, rules=rules)


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{rule.name}:{case.name}" for rule, case in CASES])
def test_rule_case(rule: Rule, case: RuleCase, tmp_path: Path) -> None:
    from claimcheck.checks.fixes import apply_fixes

    options = Options()
    ruleset = RULES if rule.enabled else with_enabled(rule)
    if case.file is not None:  # a case about reading files: the file goes through check_paths
        (tmp_path / f"{case.name}.md").write_text(case.file, encoding="utf-8")
        report = check_paths([str(tmp_path)], options=options)
        results = []
    else:
        results = [process_article(article, options) for article in case_articles(case)]
        report = analyse(results, [], options, ruleset)
    findings = [finding for finding in report.findings if finding.rule == rule.name]
    if case.fix is not None:
        fixes = [finding.fix for finding in findings if finding.fix is not None]
        assert apply_fixes(results[0].article.text, fixes)[0] == case.fix
    if case.expect == "fail":
        assert findings, f"{rule.name} should fire on case {case.name!r}"
        if case.message_contains:
            assert any(case.message_contains in finding.message for finding in findings), [
                finding.message for finding in findings
            ]
    else:
        assert not findings, [finding.message for finding in findings]


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES.rules if check_status(rule) == "active"], ids=lambda rule: rule.name
)
def test_active_rules_have_pass_and_fail_cases(rule: Rule) -> None:
    kinds = {case.expect for case in rule.cases}
    assert kinds == {"pass", "fail"}, f"{rule.path} needs named pass and fail cases"
