"""SARIF 2.1.0: one run, the rules from the rule files, one result a finding.

Columns count Unicode code points (Python `str` indices), which SARIF calls
`unicodeCodePoints`; end columns point just past the last character, as SARIF's
`endColumn` does. A finding's fix becomes a SARIF `fix` when the article text it
indexes is at hand (it always is in a run; a report read back from JSON has none).
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.models import Article, Finding, Fix, Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import articles_by_id, finding_path, visible_findings
from claimcheck.rules import Rule, load_rules
from claimcheck.spans import LineIndex

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (`/` separators, percent-encoded); absolute as file:."""
    if "\\" in path and not path.startswith("/"):
        path = PureWindowsPath(path).as_posix()
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return posix.as_uri()
    return quote(path, safe="/")


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description.strip() or rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def finding_descriptor(finding: Finding) -> dict[str, Any]:
    """A rule the rule files do not list (a custom check): described by its finding."""
    return {
        "id": finding.code,
        "name": finding.rule,
        "shortDescription": {"text": finding.rule},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
    }


def region(line: int, column: int | None, end_line: int | None, end_column: int | None) -> dict[str, int]:
    result = {"startLine": line}
    if column is not None:
        result["startColumn"] = column
    if end_line is not None:
        result["endLine"] = end_line
        if end_column is not None:
            result["endColumn"] = end_column
    return result


class _Positions:
    """Line/column of body offsets, one line index per article, built when first needed."""

    def __init__(self) -> None:
        self._indexes: dict[str, LineIndex] = {}

    def region(self, article: Article, start: int, end: int) -> dict[str, int] | None:
        if not article.text or end > len(article.text):
            return None
        index = self._indexes.get(article.id)
        if index is None:
            index = self._indexes[article.id] = LineIndex(article.text)
        shift = article.body_line - 1
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        return region(line + shift, column, end_line + shift, end_column)


def sarif_fix(fix: Fix, uri: str, deleted: dict[str, int]) -> dict[str, Any]:
    return {
        "description": {"text": f"Replace with {fix.replacement!r}"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}],
            }
        ],
    }


def result(
    finding: Finding,
    rule_index: int,
    path: str | None,
    article: Article | None,
    positions: _Positions,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    uri = artifact_uri(path) if path else None
    if uri is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
        if finding.line is not None and finding.line >= 1:
            physical["region"] = region(finding.line, finding.column, finding.end_line, finding.end_column)
        entry["locations"] = [{"physicalLocation": physical}]
        if finding.fix is not None and article is not None:
            deleted = positions.region(article, finding.fix.start, finding.fix.end)
            if deleted is not None:
                entry["fixes"] = [sarif_fix(finding.fix, uri, deleted)]
    properties: dict[str, Any] = {"rule": finding.rule}
    if finding.article_id is not None:
        properties["article_id"] = finding.article_id
    if finding.claim_ids:
        properties["claim_ids"] = finding.claim_ids
    if finding.group_id is not None:
        properties["group_id"] = finding.group_id
    entry["properties"] = properties
    return entry


def build_log(report: Report, options: RenderOptions | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (the JSON the renderer prints)."""
    options = options or RenderOptions()
    rules = list(load_rules(options.rules_dir).rules)
    descriptors = [rule_descriptor(rule) for rule in rules]
    index_of = {rule.code: position for position, rule in enumerate(rules)}
    articles = articles_by_id(report)
    positions = _Positions()
    results = []
    for finding in visible_findings(report, show_info=True):
        if finding.code not in index_of:
            index_of[finding.code] = len(descriptors)
            descriptors.append(finding_descriptor(finding))
        article = articles.get(finding.article_id or "")
        path = finding_path(finding, articles)
        results.append(result(finding, index_of[finding.code], path, article, positions))
    version = options.tool_version or __version__
    driver = {
        "name": "claimcheck",
        "version": version,
        "rules": descriptors,
    }
    return {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(build_log(report, options), indent=2, ensure_ascii=False) + "\n"
