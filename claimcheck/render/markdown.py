"""Markdown: the consistency summary a fact-checker reads (on GitHub or in a pager).

An overview; per story a table of claim groups (each value, who says it and in
which words, how many independent sources) and the story's findings by severity
with the wording quoted; then the articles.

Every piece of article text (and every id, path, source and message, which may
carry article text) is escaped, so an article cannot inject HTML, links, images,
emphasis, math or table breaks into the summary. Lines outside tables are
wrapped at `WIDTH` characters. The output depends only on the report: no clock.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimcheck.models import Claim, ClaimGroup, Finding, GroupValue, Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import (
    articles_by_id,
    by_severity,
    finding_path,
    one_line,
    plural,
    severity_breakdown,
    visible_findings,
)

DEFAULT_TITLE = "claimcheck consistency summary"
WIDTH = 100
QUOTE_LIMIT = 240
"""Longest quoted sentence, in characters; longer ones are cut around the claim."""
LABEL_LIMIT = 80
WORDING_LIMIT = 6
"""Sources quoted in one cell of the claim-group table; the rest are counted."""

# Characters with a meaning in CommonMark or GitHub's extensions (emphasis, code,
# links and images, raw HTML, entities, tables, headings, strikethrough, math).
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|#!~$&])")
# GitHub turns bare "http://..." and "www...." into links; an escaped ":" or "." stops it,
# so a URL in an article shows as text and is never a link.
AUTOLINK_RE = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<=\b[wW]{3})\.(?=\w)")
# What would open a block (list item, setext underline) at the start of a wrapped line.
BLOCK_BULLET_RE = re.compile(r"^[-+=](?=\s|$)")
BLOCK_ORDERED_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")

STATUS_ORDER = ("conflict", "evolving", "consistent", "single_source")
STATUS_MARKS = {
    "conflict": "✗ conflict",
    "evolving": "↗ evolving",
    "consistent": "✓ consistent",
    "single_source": "· single source",
}
SEVERITY_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Info"}
UNIT_PREFIXES = {"USD": "$", "EUR": "€", "GBP": "£"}
UNIT_SUFFIXES = {"percent": "%"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


# --- escaping and layout -------------------------------------------------------------


def escape(text: str) -> str:
    """Inline Markdown text that renders as `text` itself: one line, specials escaped."""
    escaped = MARKDOWN_SPECIAL_RE.sub(r"\\\1", one_line(text))
    return AUTOLINK_RE.sub(r"\\\g<0>", escaped)


def _guard_block_start(content: str) -> str:
    if BLOCK_BULLET_RE.match(content):
        return "\\" + content
    match = BLOCK_ORDERED_RE.match(content)
    if match:
        return f"{match.group(1)}\\{content[match.end(1) :]}"
    return content


def wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    """Escaped inline `text` wrapped at WIDTH, no line starting a new block by accident."""
    rest = " " * len(first) if rest is None else rest
    lines = textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    guarded = []
    for number, line in enumerate(lines):
        prefix = first if number == 0 else rest
        guarded.append(prefix + _guard_block_start(line[len(prefix) :]))
    return guarded


def table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    """A GFM table with cells padded to their column's width (cells are already escaped)."""
    rows = [list(row) for row in rows]
    widths = [max(3, len(title), *(len(row[i]) for row in rows)) for i, title in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(cells)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (widths[i] - 1) + ":" if i in right else "-" * widths[i] for i in range(len(header))]
    return [line(header), line(rule), *(line(row) for row in rows)]


def shorten(text: str, limit: int) -> str:
    text = one_line(text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- numbers -------------------------------------------------------------------------


def format_number(value: float) -> str:
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    for scale, word in SCALES:
        scaled = value / scale
        if abs(scaled) >= 1 and round(scaled, 3) == scaled:
            return f"{scaled:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def format_range(low: float, high: float) -> str:
    """'270–330'; '2.25–2.35 billion' (a shared scale word said once)."""
    first, last = format_number(low), format_number(high)
    first_words, last_words = first.split(" "), last.split(" ")
    if len(first_words) == 2 and first_words[1:] == last_words[1:]:
        first = first_words[0]
    return f"{first}–{last}"


def with_unit(number: str, unit: str | None) -> str:
    if not unit:
        return number
    if unit in UNIT_PREFIXES:
        return UNIT_PREFIXES[unit] + number
    if unit in UNIT_SUFFIXES:
        return number + UNIT_SUFFIXES[unit]
    return f"{number} {unit}"


DURATION_SCALES = (
    (31_557_600.0, "year"),
    (2_629_800.0, "month"),
    (604_800.0, "week"),
    (86_400.0, "day"),
    (3_600.0, "hour"),
    (60.0, "minute"),
)
"""Seconds in a calendar unit (a year of 365.25 days), to show durations kept in seconds."""


def readable_duration(
    value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None, float | None, str]:
    """Durations are compared in seconds; readers want '3 weeks', not '1,814,400 second'."""
    anchor = value if value is not None else low
    if anchor is None or not math.isfinite(anchor):
        return value, low, high, "second"
    for scale, name in DURATION_SCALES:
        amount = anchor / scale
        if amount >= 1 and abs(round(amount, 2) - amount) < 1e-9:
            unit = name if amount == 1 else name + "s"

            def scaled(number: float | None, scale: float = scale) -> float | None:
                return None if number is None or not math.isfinite(number) else number / scale

            return scaled(value), scaled(low), scaled(high), unit
    return value, low, high, "seconds"


def _negligible_spread(value: float | None, low: float | None, high: float | None) -> bool:
    """No visible range: the value is exact, or its interval is within half a percent of it
    (the few days' play of calendar months and years: "2 years", not "2 years (1.9986–2.0041)")."""
    if low == value and high == value:
        return True
    if not value or low is None or high is None:
        return False
    return max(abs(high - value), abs(value - low)) <= 0.005 * abs(value)


def format_value(
    value: float | None, low: float | None, high: float | None, unit: str | None, timex: str | None
) -> str:
    """'6,000 soldier (≥ 6,000)', '$2.3 billion', '2023-09-22'; plain text, not escaped."""
    if value is None and low is None and high is None:
        return timex or "?"
    if unit == "second":
        value, low, high, unit = readable_duration(value, low, high)
    shown = with_unit(format_number(value if value is not None else (low or high or 0.0)), unit)
    unbounded_high = high is None or math.isinf(high)
    unbounded_low = low is None or math.isinf(low)
    if not unbounded_low and unbounded_high and high is not None:
        shown += f" (≥ {format_number(low or 0.0)})"
    elif unbounded_low and not unbounded_high and low is not None:
        shown += f" (≤ {format_number(high or 0.0)})"
    elif not unbounded_low and not unbounded_high and not _negligible_spread(value, low, high):
        shown += f" ({format_range(low or 0.0, high or 0.0)})"
    if timex:
        shown += f" [{timex}]"
    return shown


# --- the report's parts, gathered once ------------------------------------------------


@dataclass
class Section:
    heading: str
    article_ids: list[str] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class Summary:
    def __init__(self, report: Report, options: RenderOptions) -> None:
        self.report = report
        self.options = options
        self.articles = articles_by_id(report)
        self.claims: dict[str, Claim] = {claim.id: claim for claim in report.claims}
        self.group_story = {group.id: group.story for group in report.groups}
        self.findings = visible_findings(report, options.show_info)

    # names and places

    def article_name(self, article_id: str) -> str:
        """'Wire One (a1.md)', with ', copy of ...' for a syndicated copy; escaped."""
        article = self.articles.get(article_id)
        if article is None:
            return escape(article_id)
        details = [article.id] if article.source and article.source != article.id else []
        if article.duplicate_of:
            details.append(f"copy of {article.duplicate_of}")
        name = article.source or article.id
        return escape(name + (f" ({', '.join(details)})" if details else ""))

    def where(self, finding: Finding) -> str:
        path = finding_path(finding, self.articles)
        if path is None:
            return ""
        if finding.line is not None:
            path += f":{finding.line}:{finding.column or 1}"
        return path

    def claim_where(self, claim: Claim) -> str:
        article = self.articles.get(claim.article_id)
        path = (article.path or article.id) if article else claim.article_id
        return f"{path}:{claim.line}" if claim.line else path

    # sections

    def finding_story(self, finding: Finding) -> str | None:
        if finding.group_id is not None and finding.group_id in self.group_story:
            return self.group_story[finding.group_id]
        article = self.articles.get(finding.article_id or "")
        return article.story if article is not None else None

    def sections(self) -> list[Section]:
        stories = self.report.stories
        sections = {
            story.id: Section(f"Story: {shorten(story.label, LABEL_LIMIT)}", list(story.article_ids))
            for story in stories
        }
        other = Section("All articles" if not stories else "Outside any story")
        if not stories:
            other.article_ids = list(self.articles)
        for group in self.report.groups:
            sections.get(group.story or "", other).groups.append(group)
        for finding in self.findings:
            sections.get(self.finding_story(finding) or "", other).findings.append(finding)
        ordered = list(sections.values())
        if other.groups or other.findings or not stories:
            ordered.append(other)
        return ordered

    # claim groups

    def group_values(self, group: ClaimGroup) -> list[GroupValue]:
        """The group's distinct readings; derived from its claims if grouping gave none."""
        if group.values:
            return group.values
        readings: dict[tuple[object, ...], list[Claim]] = {}
        for claim_id in group.claim_ids:
            claim = self.claims.get(claim_id)
            if claim is not None:
                key = (claim.value, claim.low, claim.high, claim.unit, claim.timex)
                readings.setdefault(key, []).append(claim)
        values = []
        for claims in readings.values():
            first = claims[0]
            article_ids = list(dict.fromkeys(claim.article_id for claim in claims))
            values.append(
                GroupValue(
                    value=first.value,
                    low=first.low,
                    high=first.high,
                    unit=first.unit,
                    timex=first.timex,
                    claim_ids=[claim.id for claim in claims],
                    article_ids=article_ids,
                    independent_sources=self.independent(article_ids),
                )
            )
        return values

    def group_kind(self, group: ClaimGroup) -> str | None:
        if group.kind is not None:
            return group.kind
        claim = self.claims.get(group.claim_ids[0]) if group.claim_ids else None
        return claim.kind if claim is not None else None

    def independent(self, article_ids: Iterable[str]) -> int:
        """Articles that are not copies of one another (a copy counts with its original)."""
        roots = set()
        for article_id in article_ids:
            article = self.articles.get(article_id)
            roots.add(article.duplicate_of or article.id if article else article_id)
        return len(roots)

    def wording(self, value: GroupValue) -> str:
        """'Wire One (a1.md): “40 people”; ...' for every claim of one reading; escaped."""
        parts: list[str] = []
        for claim_id in value.claim_ids:
            claim = self.claims.get(claim_id)
            if claim is None:
                continue
            part = f"{self.article_name(claim.article_id)}: “{escape(claim.text)}”"
            if part not in parts:  # one article saying the same words twice is one line
                parts.append(part)
        if len(parts) > WORDING_LIMIT:
            # A wire story carried by dozens of outlets would fill a screen with one cell.
            hidden = len(parts) - WORDING_LIMIT
            parts = [*parts[:WORDING_LIMIT], f"and {hidden} more"]
        return "; ".join(parts) or "; ".join(self.article_name(a) for a in value.article_ids)

    def group_table(self, groups: list[ClaimGroup]) -> list[str]:
        ordered = sorted(groups, key=lambda group: STATUS_ORDER.index(group.status))
        rows = []
        for group in ordered:
            values = self.group_values(group)
            for number, value in enumerate(values):
                # A count's unit is the counted noun, which the label already names.
                unit = None if self.group_kind(group) == "count" else value.unit
                first = number == 0
                rows.append(
                    [
                        escape(group.id) if first else "",
                        escape(shorten(group.label, LABEL_LIMIT)) if first else "",
                        STATUS_MARKS[group.status] if first else "",
                        escape(format_value(value.value, value.low, value.high, unit, value.timex)),
                        self.wording(value),
                        str(value.independent_sources),
                    ]
                )
        header = ["Group", "Figure", "Status", "Value", "Wording by source", "Independent sources"]
        return table(header, rows, right=(5,))

    # findings

    def quote(self, claim: Claim) -> str:
        """The claim's sentence (cut around the claim if long), the claim in bold; escaped."""
        sentence = claim.sentence or claim.text
        offset = claim.start - claim.sentence_start
        if sentence[offset : offset + len(claim.text)] != claim.text:
            offset = sentence.find(claim.text)
        if offset < 0:
            return f"“{escape(shorten(sentence, QUOTE_LIMIT))}”"
        end = offset + len(claim.text)
        before, after = sentence[:offset], sentence[end:]
        room = max(QUOTE_LIMIT - len(claim.text), 0)
        if len(before) + len(after) > room:
            keep_before = min(len(before), room // 2)
            keep_after = min(len(after), room - keep_before)
            keep_before = min(len(before), room - keep_after)
            before = ("…" if keep_before < len(before) else "") + before[len(before) - keep_before :]
            after = after[:keep_after] + ("…" if keep_after < len(after) else "")
        # Bold only where CommonMark would see `**` as emphasis (not glued to a word).
        bold = "**" if not (before[-1:].isalnum() or after[:1].isalnum()) else ""
        return f"“{escape(before)}{bold}{escape(claim.text)}{bold}{escape(after)}”"

    def finding_lines(self, finding: Finding) -> list[str]:
        where = self.where(finding)
        head = f"**{finding.code} {escape(finding.rule)}**"
        if where:
            head += f" ({escape(where)})"
        lines = wrap(f"{head}: {escape(finding.message)}", "- ", "  ")
        for claim_id in finding.claim_ids:
            claim = self.claims.get(claim_id)
            if claim is None:
                continue
            source = f"{self.article_name(claim.article_id)}, {escape(self.claim_where(claim))}"
            lines.extend(wrap(f"{source}: {self.quote(claim)}", "  - ", "    "))
        return lines

    def findings_by_severity(self, findings: list[Finding]) -> list[str]:
        lines: list[str] = []
        ordered = by_severity(findings)
        for level, heading in SEVERITY_HEADINGS.items():
            chosen = [finding for finding in ordered if finding.severity == level]
            if chosen:
                lines += ["", f"#### {heading} ({len(chosen)})", ""]
                for finding in chosen:
                    lines.extend(self.finding_lines(finding))
        return lines

    # the whole

    def overview(self) -> list[str]:
        report = self.report
        articles = report.articles
        sources = {article.source for article in articles if article.source}
        copies = sum(1 for article in articles if article.duplicate_of)
        article_line = f"**Articles:** {len(articles)}"
        if sources:
            article_line += f" from {plural(len(sources), 'source')}"
        if copies:
            article_line += f" ({plural(copies, 'syndicated copy', 'syndicated copies')})"
        statuses = [
            f"{sum(1 for group in report.groups if group.status == status)} {STATUS_MARKS[status][2:]}"
            for status in STATUS_ORDER
            if any(group.status == status for group in report.groups)
        ]
        group_line = f"**Claim groups:** {len(report.groups)}"
        if statuses:
            group_line += f" ({', '.join(statuses)})"
        findings = severity_breakdown(self.findings) or "none"
        hidden = len(report.findings) - len(self.findings)
        if hidden:
            findings += f" ({hidden} info not shown)"
        items = [
            article_line,
            f"**Stories:** {len(report.stories)}",
            f"**Claims:** {len(report.claims)}",
            group_line,
            f"**Findings:** {findings}",
        ]
        if report.reference_date is not None:
            items.append(f"**Reference date:** {report.reference_date.isoformat()}")
        return [line for item in items for line in wrap(item, "- ", "  ")]

    def section_lines(self, section: Section) -> list[str]:
        lines = ["", f"## {escape(section.heading)}", ""]
        names = [self.article_name(article_id) for article_id in section.article_ids]
        if names:
            lines.extend(wrap(f"{plural(len(names), 'article')}: {', '.join(names)}."))
        if section.groups:
            lines += ["", "### Claim groups", ""]
            lines.extend(self.group_table(section.groups))
        if section.findings:
            lines += ["", "### Findings"]
            lines.extend(self.findings_by_severity(section.findings))
        elif section.groups:
            lines += ["", "No findings."]
        else:
            lines += ["", "No claim groups and no findings."]
        return lines

    def articles_table(self) -> list[str]:
        rows = [
            [
                escape(article.id),
                escape(article.source or ""),
                escape(article.published.isoformat() if article.published else "unknown"),
                escape(article.published_origin or ""),
                escape(article.duplicate_of or ""),
            ]
            for article in self.report.articles
        ]
        header = ["Article", "Source", "Published", "Date from", "Duplicate of"]
        return ["", "## Articles", "", *table(header, rows)]

    def render(self) -> str:
        title = one_line(self.options.title or DEFAULT_TITLE)
        lines = [f"# {escape(title)}", "", *self.overview()]
        for section in self.sections():
            lines.extend(self.section_lines(section))
        if self.report.articles:
            lines.extend(self.articles_table())
        # Sections join with blank lines; never two in a row.
        lines = [line for i, line in enumerate(lines) if line or (i > 0 and lines[i - 1])]
        return "\n".join(lines) + "\n"


def render(report: Report, options: RenderOptions | None = None) -> str:
    return Summary(report, options or RenderOptions()).render()
