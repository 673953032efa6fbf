"""What changed since the previous report: new conflicts, resolved ones, evolving figures.

A group tonight continues a group of the previous report if they share claims
(claim ids are the article id and offsets, stable from night to night), so the
comparison needs no stable group ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimcheck.models import Claim, ClaimGroup, Finding, Report
from claimcheck.nightly.store import RunRecord

NEW_ARTICLES_SHOWN = 20
"""New articles listed by name in the Markdown (the JSON lists them all)."""


@dataclass
class SinceLast:
    previous_date: str | None
    new_articles: list[str]
    new_conflicts: list[ClaimGroup]
    resolved_conflicts: list[tuple[ClaimGroup, ClaimGroup]]
    """(the conflict as last reported, the group now)."""
    evolving: list[tuple[ClaimGroup | None, ClaimGroup]]
    """(the group as last reported or None, the group now) for figures that moved."""
    new_findings: list[Finding]
    gone_findings: list[Finding]


class _FindingIndex:
    """Which findings a report made, to tell whether another report's finding continues one.

    A finding about claims continues an earlier finding of the same rule that shares a
    claim with it (a conflict that gains a source is the same conflict); a finding
    without claims (an unreadable file) continues one with the same rule and article.
    """

    def __init__(self, findings: list[Finding]) -> None:
        self.claims: set[tuple[str, str]] = set()
        self.plain: set[tuple[str, str]] = set()
        for finding in findings:
            if finding.claim_ids:
                self.claims.update((finding.rule, claim_id) for claim_id in finding.claim_ids)
            else:
                self.plain.add((finding.rule, finding.article_id or finding.path or ""))

    def continues(self, finding: Finding) -> bool:
        if finding.claim_ids:
            return any((finding.rule, claim_id) in self.claims for claim_id in finding.claim_ids)
        return (finding.rule, finding.article_id or finding.path or "") in self.plain


def _readings(group: ClaimGroup, claims: dict[str, Claim]) -> frozenset[tuple[Any, ...]]:
    """The distinct figures of a group: its values, or else its claims' values."""
    if group.values:
        return frozenset(
            (value.value, value.low, value.high, value.timex, value.unit) for value in group.values
        )
    found = set()
    for claim_id in group.claim_ids:
        claim = claims.get(claim_id)
        if claim is not None:
            found.add((claim.value, claim.low, claim.high, claim.timex, claim.unit))
    return frozenset(found)


def _best_match(group: ClaimGroup, index: dict[str, int], candidates: list[ClaimGroup]) -> ClaimGroup | None:
    """The candidate group sharing most claims with `group` (earliest on ties)."""
    overlap: dict[int, int] = {}
    for claim_id in group.claim_ids:
        if claim_id in index:
            overlap[index[claim_id]] = overlap.get(index[claim_id], 0) + 1
    if not overlap:
        return None
    best = min(overlap, key=lambda position: (-overlap[position], position))
    return candidates[best]


def _claim_index(groups: list[ClaimGroup]) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, group in enumerate(groups):
        for claim_id in group.claim_ids:
            index.setdefault(claim_id, position)
    return index


def since_last(previous: RunRecord | None, report: Report, new_articles: list[str]) -> SinceLast:
    """Compare tonight's groups and findings with the previous report's.

    A group continues an earlier one if they share claims (claim ids are stable:
    article id and offsets). New conflicts: conflict groups that were not a
    conflict before; resolved: earlier conflicts whose group is no longer one;
    evolving figures: evolving groups whose set of figures changed.
    """
    if previous is None:
        return SinceLast(None, new_articles, [], [], [], [], [])
    claims = {claim.id: claim for claim in report.claims}
    old_index = _claim_index(previous.groups)
    new_index = _claim_index(report.groups)
    new_conflicts: list[ClaimGroup] = []
    evolving: list[tuple[ClaimGroup | None, ClaimGroup]] = []
    for group in report.groups:
        before = _best_match(group, old_index, previous.groups)
        if group.status == "conflict" and (before is None or before.status != "conflict"):
            new_conflicts.append(group)
        elif group.status == "evolving" and (
            before is None or _readings(before, claims) != _readings(group, claims)
        ):
            evolving.append((before, group))
    resolved = []
    for group in previous.groups:
        if group.status != "conflict":
            continue
        now = _best_match(group, new_index, report.groups)
        if now is not None and now.status != "conflict":
            resolved.append((group, now))
    reported, reporting = _FindingIndex(previous.findings), _FindingIndex(report.findings)
    window_ids = {article.id for article in report.articles}
    new_findings = [finding for finding in report.findings if not reported.continues(finding)]
    gone = [
        finding
        for finding in previous.findings
        if not reporting.continues(finding) and finding.article_id in window_ids
    ]
    return SinceLast(previous.date, new_articles, new_conflicts, resolved, evolving, new_findings, gone)


def _figures(group: ClaimGroup, claims: dict[str, Claim]) -> str:
    """The group's distinct wordings, smallest figure first, quoted and escaped."""
    from claimcheck.render.markdown import escape

    texts: dict[str, tuple[float, str]] = {}
    for claim_id in group.claim_ids:
        claim = claims.get(claim_id)
        if claim is not None:
            size = claim.base_value if claim.base_value is not None else 0.0
            texts.setdefault(claim.text, (size, claim.text))
    return ", ".join(f"“{escape(text)}”" for _size, text in sorted(texts.values()))


def _where(finding: Finding) -> str:
    place = finding.path or finding.article_id or "?"
    if finding.line:
        place += f":{finding.line}:{finding.column or 1}"
    return place


def markdown_lines(since: SinceLast, report: Report) -> list[str]:
    from claimcheck.render._common import plural
    from claimcheck.render.markdown import escape, wrap

    claims = {claim.id: claim for claim in report.claims}
    titles = {article.id: article.title or article.id for article in report.articles}
    if since.previous_date is None:
        count = plural(len(since.new_articles), "article")
        return [
            "## New since the last report",
            "",
            f"This is the first report in this store: all {count} in the window are new.",
        ]
    lines = [f"## New since the last report ({since.previous_date})"]

    def section(title: str, items: list[str]) -> None:
        lines.extend(["", f"### {title}", ""])
        for item in items or ["None."]:
            lines.extend(wrap(item, "- " if items else "", "  "))

    def label(group: ClaimGroup) -> str:
        return f"**{escape(group.label)}** ({escape(group.id)})"

    def finding_item(finding: Finding) -> str:
        where = escape(_where(finding))
        return (
            f"{where}: {finding.code} {escape(finding.rule)} ({finding.severity}): {escape(finding.message)}"
        )

    section(
        "New conflicts",
        [f"{label(group)}: {_figures(group, claims)}" for group in since.new_conflicts],
    )
    section(
        "Conflicts resolved by later reporting",
        [
            f"{label(now)}: now {now.status.replace('_', ' ')}: {_figures(now, claims)}"
            for _before, now in since.resolved_conflicts
        ],
    )
    section("Evolving figures", [f"{label(now)}: {_figures(now, claims)}" for _before, now in since.evolving])
    section("New findings", [finding_item(finding) for finding in since.new_findings])
    section("Findings no longer reported", [finding_item(finding) for finding in since.gone_findings])
    shown = [
        f"{escape(article_id)}: {escape(titles.get(article_id, article_id))}"
        for article_id in since.new_articles[:NEW_ARTICLES_SHOWN]
    ]
    if len(since.new_articles) > NEW_ARTICLES_SHOWN:
        shown.append(f"… and {len(since.new_articles) - NEW_ARTICLES_SHOWN} more (the JSON report lists all)")
    section(f"New articles ({len(since.new_articles)})", shown)
    return lines
