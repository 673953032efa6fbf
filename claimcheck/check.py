"""Check: rules -> Findings.

Each rule file names a check; this registry maps check names to the functions
that implement them (imported only when the rule runs). A rule whose check is not
implemented is listed as such by `claimcheck rules` and never pretends to run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from claimcheck.models import Article, Claim, ClaimGroup, Finding, Story
from claimcheck.rules import Rule, RuleSet

CheckFunction = Callable[["CheckContext", Rule], Iterable[Finding]]

CHECKS: dict[str, str] = {
    "figure-conflict": "claimcheck.checks_figures:check_figure_conflict",
    "internal-conflict": "claimcheck.checks_figures:check_internal_conflict",
    "date-conflict": "claimcheck.checks_figures:check_date_conflict",
    "relative-date-unanchored": "claimcheck.checks_temporal:check_relative_date_unanchored",
    "relative-date-ambiguous": "claimcheck.checks_temporal:check_relative_date_ambiguous",
    "relative-date-mismatch": "claimcheck.checks_temporal:check_relative_date_mismatch",
    "house-style-dates": "claimcheck.checks_style:check_house_style_dates",
}
"""Check name -> "module:function". input-error findings come from ingestion itself."""

PRODUCED_ELSEWHERE = {
    "input-error": "reported while reading inputs",
    "unused-suppression": "reported by `claimcheck lint`",
}


@dataclass
class CheckContext:
    """What checks read: the corpus after extraction and grouping."""

    articles: list[Article]
    claims: list[Claim]
    groups: list[ClaimGroup] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    grouped: list[tuple[ClaimGroup, list[Any]]] | None = None
    """Each group with the prepared items it was built from (group.group_items)."""

    @cached_property
    def articles_by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.articles}

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def claims_by_article(self) -> dict[str, list[Claim]]:
        table: dict[str, list[Claim]] = {}
        for claim in self.claims:
            table.setdefault(claim.article_id, []).append(claim)
        return table

    def article(self, article_id: str) -> Article:
        return self.articles_by_id[article_id]


def resolve_check(name: str) -> CheckFunction | None:
    """The function implementing a check, or None if it does not exist (yet)."""
    target = CHECKS.get(name)
    if target is None:
        return None
    module_name, _, function_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    function = getattr(module, function_name, None)
    return function if callable(function) else None


def check_status(rule: Rule) -> str:
    """'active', 'disabled', or why the rule produces no findings from `claimcheck check`."""
    if rule.check_name in PRODUCED_ELSEWHERE:
        return PRODUCED_ELSEWHERE[rule.check_name]
    if resolve_check(rule.check_name) is None:
        return "not implemented yet: produces no findings"
    return "active" if rule.enabled else "disabled"


def run_checks(context: CheckContext, rules: RuleSet, only: Iterable[str] | None = None) -> list[Finding]:
    selected = set(only) if only is not None else None
    findings: list[Finding] = []
    for rule in rules.enabled():
        if selected is not None and rule.name not in selected:
            continue
        function = resolve_check(rule.check_name)
        if function is not None:
            findings.extend(function(context, rule))
    return findings
