"""Text: one line a finding (interim)."""

from __future__ import annotations

from claimcheck.models import Report


def render(report: Report, options: object = None) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}" for f in report.findings]
    return "".join(line + "\n" for line in lines)
