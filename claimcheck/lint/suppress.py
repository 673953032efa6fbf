"""Suppression comments in drafts, and the suppressions that matched nothing.

    <!-- claimcheck-disable rule-a, rule-b -->  ...  <!-- claimcheck-enable rule-a -->
    <!-- claimcheck-disable-next-line rule-a -->

Names are rule names, codes or aliases, separated by commas or spaces; no name
means every rule. A disable without its enable runs to the end of the draft.
Each (comment, name) that suppressed no finding becomes an `unused-suppression`
finding at the comment, as ruff's RUF100 does for `noqa`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.models import Finding
from claimcheck.rules import RuleSet

DIRECTIVE_RE = re.compile(
    r"<!--[ \t]*claimcheck-(?P<action>disable-next-line|disable|enable)\b(?P<names>.*?)-->", re.S
)
NAME_SPLIT_RE = re.compile(r"[\s,]+")
ALL = "*"
"""The name standing for every rule (a comment without names)."""


@dataclass
class Suppression:
    action: str
    """disable or disable-next-line (enable comments only close regions)."""
    start: int
    end: int
    """The comment's span in the body text."""
    names: dict[str, str] = field(default_factory=dict)
    """Rule name (or ALL) -> the name as written in the comment."""
    unknown: list[str] = field(default_factory=list)
    regions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Rule name (or ALL) -> the body span it covers."""
    used: set[str] = field(default_factory=set)

    @property
    def directive(self) -> str:
        return f"claimcheck-{self.action}"


def _resolve(written: str, rules: RuleSet) -> str | None:
    try:
        return rules.get(written).name
    except KeyError:
        return None


def parse_suppressions(text: str, rules: RuleSet) -> list[Suppression]:
    """The suppressions of a body text (masked for code: examples in code are no directives)."""
    found: list[Suppression] = []
    enables: list[tuple[int, set[str]]] = []
    for match in DIRECTIVE_RE.finditer(text):
        written = [name for name in NAME_SPLIT_RE.split(match.group("names").strip()) if name]
        names: dict[str, str] = {}
        unknown: list[str] = []
        for name in written:
            resolved = _resolve(name, rules)
            if resolved is None:
                unknown.append(name)
            else:
                names[resolved] = name
        if not written:
            names[ALL] = ""
        if match.group("action") == "enable":
            enables.append((match.start(), set(names)))
            continue
        found.append(Suppression(match.group("action"), match.start(), match.end(), names, unknown))
    for suppression in found:
        if suppression.action == "disable-next-line":
            line_start = text.find("\n", suppression.end)
            line_start = len(text) if line_start == -1 else line_start + 1
            line_end = text.find("\n", line_start)
            span = (line_start, len(text) if line_end == -1 else line_end)
            suppression.regions = dict.fromkeys(suppression.names, span)
            continue
        for name in suppression.names:
            closing = [
                start
                for start, enabled in enables
                if start > suppression.end and (ALL in enabled or name in enabled)
            ]
            suppression.regions[name] = (suppression.end, min(closing, default=len(text)))
    return found


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; marks the suppressions that were used."""
    kept = []
    for finding in findings:
        if finding.start is None:
            kept.append(finding)
            continue
        suppressed = False
        for suppression in suppressions:
            for name in (finding.rule, ALL):
                region = suppression.regions.get(name)
                if region and region[0] <= finding.start < region[1]:
                    suppression.used.add(name)
                    suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept


def unused_findings(
    suppressions: list[Suppression],
    article_id: str,
    rules: RuleSet,
    active: set[str],
) -> list[Finding]:
    """One finding for each name of a comment that suppressed nothing."""
    rule = rules.get("unused-suppression")
    findings = []
    for suppression in suppressions:
        reasons: list[tuple[str, str]] = []
        for name, written in suppression.names.items():
            if name in suppression.used:
                continue
            if name == ALL:
                reasons.append(("all rules", ""))
            else:
                detail = "" if name in active else " (the rule is not enabled)"
                reasons.append((f"'{written}'", detail))
        reasons.extend((f"'{name}'", " (no such rule)") for name in suppression.unknown)
        for target, detail in reasons:
            findings.append(
                Finding(
                    rule=rule.name,
                    code=rule.code,
                    severity=rule.severity,
                    article_id=article_id,
                    message=rule.format_message(
                        directive=suppression.directive, target=target, detail=detail
                    ),
                    start=suppression.start,
                    end=suppression.end,
                )
            )
    return findings
