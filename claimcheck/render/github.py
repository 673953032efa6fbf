"""GitHub Actions workflow commands: one annotation a finding.

    ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE rule-name::message

`error`, `warning` and `notice` (for info findings). Escaping follows the Actions
toolkit (`escapeData` / `escapeProperty` in @actions/core): in the message `%`,
CR and LF become %25, %0D and %0A; in property values `:` and `,` too (%3A, %2C),
since they delimit properties.
"""

from __future__ import annotations

from claimcheck.models import Finding, Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import HIDDEN_CONTROL_RE, articles_by_id, finding_path, visible_findings

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}

DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
PROPERTY_ESCAPES = (*DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    # Escape sequences would act on the log viewer: they show as U+FFFD instead.
    text = HIDDEN_CONTROL_RE.sub("\ufffd", text)
    # `%` first, so the escapes added after it are not escaped again.
    for raw, escaped in DATA_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def escape_property(text: str) -> str:
    text = HIDDEN_CONTROL_RE.sub("\ufffd", text)
    for raw, escaped in PROPERTY_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def annotation(finding: Finding, path: str | None) -> str:
    properties: list[tuple[str, object]] = []
    if path:
        properties.append(("file", path))
    if finding.line is not None:
        properties.append(("line", finding.line))
        if finding.column is not None:
            properties.append(("col", finding.column))
        if finding.end_line is not None:
            properties.append(("endLine", finding.end_line))
            if finding.end_column is not None:
                properties.append(("endColumn", finding.end_column))
    properties.append(("title", f"{finding.code} {finding.rule}"))
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {fields}::{escape_data(finding.message)}"


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    articles = articles_by_id(report)
    lines = [
        annotation(finding, finding_path(finding, articles))
        for finding in visible_findings(report, options.show_info)
    ]
    return "".join(line + "\n" for line in lines)
