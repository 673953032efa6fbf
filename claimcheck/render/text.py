"""Text: one line a finding, as ruff and Vale print them, then a summary line.

    path:line:col: CODE [rule-name] message

A finding without a position prints `path: CODE [rule-name] message`.
"""

from __future__ import annotations

from claimcheck.models import Finding, Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import (
    articles_by_id,
    finding_path,
    one_line,
    plural,
    severity_breakdown,
    visible_findings,
)

NO_PATH = "<corpus>"
"""Where a finding that belongs to no file (none so far) is said to be."""

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
SEVERITY_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{RESET}" if color else text


def format_finding(finding: Finding, path: str | None, color: bool = False) -> str:
    where = one_line(path or NO_PATH)
    if finding.line is not None:
        where += f":{finding.line}:{finding.column or 1}"
    code = _paint(finding.code, SEVERITY_COLORS[finding.severity], color)
    rule = _paint(f"[{finding.rule}]", DIM, color)
    return f"{_paint(where + ':', BOLD, color)} {code} {rule} {one_line(finding.message)}"


def summary_line(report: Report, shown: list[Finding]) -> str:
    hidden = len(report.findings) - len(shown)
    if shown:
        breakdown = severity_breakdown(shown)
        head = f"{plural(len(shown), 'finding')} ({breakdown})"
    else:
        head = "No findings"
    if hidden:
        head += f" ({hidden} info not shown)"
    return (
        f"{head} in {plural(len(report.articles), 'article')}; "
        f"{plural(len(report.claims), 'claim')}, {plural(len(report.groups), 'group')}"
    )


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    articles = articles_by_id(report)
    shown = visible_findings(report, options.show_info)
    lines = [format_finding(f, finding_path(f, articles), options.color) for f in shown]
    if options.summary:
        lines.append(summary_line(report, shown))
    return "".join(line + "\n" for line in lines)
