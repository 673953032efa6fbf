"""What several renderers share: where a finding is, their order, and safe one-line text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from claimcheck.models import SEVERITY_RANK, Article, Finding, Report

# Line breaks and tabs become spaces; other C0/C1 controls (terminal escape
# sequences) and bidirectional overrides (which reorder what a reader sees) are
# replaced by U+FFFD so they show instead of acting.
WHITESPACE_CONTROL_RE = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
HIDDEN_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
DEFAULT_TITLE = "claimcheck consistency summary"
CONFLICT_RULES: tuple[str, ...] = ("figure-conflict", "date-conflict", "internal-conflict")
"""The findings counted as conflicts (in the HTML report's counts and `check`'s summary line)."""


def one_line(text: str) -> str:
    """`text` on one line, without characters that act on a terminal or reorder text."""
    return HIDDEN_CONTROL_RE.sub("\ufffd", WHITESPACE_CONTROL_RE.sub(" ", text))


def articles_by_id(report: Report) -> dict[str, Article]:
    return {article.id: article for article in report.articles}


def finding_path(finding: Finding, articles: dict[str, Article]) -> str | None:
    """The file a finding is about: its own path, else its article's path or id."""
    if finding.path:
        return finding.path
    article = articles.get(finding.article_id or "")
    if article is not None:
        return article.path or article.id
    return finding.article_id


def finding_key(finding: Finding, articles: dict[str, Article]) -> tuple[str, int, int, str, str]:
    return (
        finding_path(finding, articles) or "",
        finding.line or 0,
        finding.column or 0,
        finding.code,
        finding.message,
    )


def visible_findings(report: Report, show_info: bool) -> list[Finding]:
    """Findings in path/line/column order, without info findings unless asked for."""
    articles = articles_by_id(report)
    findings = [f for f in report.findings if show_info or f.severity != "info"]
    return sorted(findings, key=lambda finding: finding_key(finding, articles))


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; stable, so an ordered input keeps its order within a level."""
    return sorted(findings, key=lambda finding: -SEVERITY_RANK[finding.severity])


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


def severity_breakdown(findings: Iterable[Finding]) -> str:
    """ "1 error, 2 warnings" (levels with no finding left out); "" for none."""
    counts: Counter[str] = Counter(finding.severity for finding in findings)
    parts = [
        plural(counts[level], level, "info" if level == "info" else None)
        for level in SEVERITIES
        if counts[level]
    ]
    return ", ".join(parts)
