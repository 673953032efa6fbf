"""Check: rules -> Findings.

Each rule file names a check; this registry maps check names to the functions
that implement them (imported only when the rule runs). A rule whose check is not
implemented is listed as such by `claimcheck rules` and never pretends to run.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from claimcheck.checks.context import CheckContext, CheckFunction
from claimcheck.models import Finding
from claimcheck.rules import Rule, RuleSet

CHECKS: dict[str, str] = {
    "figure-conflict": "claimcheck.checks.figures:check_figure_conflict",
    "internal-conflict": "claimcheck.checks.figures:check_internal_conflict",
    "date-conflict": "claimcheck.checks.figures:check_date_conflict",
    "relative-date-unanchored": "claimcheck.checks.temporal:check_relative_date_unanchored",
    "relative-date-ambiguous": "claimcheck.checks.temporal:check_relative_date_ambiguous",
    "relative-date-mismatch": "claimcheck.checks.temporal:check_relative_date_mismatch",
    "house-style-dates": "claimcheck.checks.style:check_house_style_dates",
}
"""Check name -> "module:function". input-error findings come from ingestion itself."""

PRODUCED_ELSEWHERE = {
    "input-error": "reported while reading inputs",
    "unused-suppression": "reported by `claimcheck lint`",
}


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
