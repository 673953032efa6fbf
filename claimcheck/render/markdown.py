"""Markdown: the consistency summary a fact-checker reads (on GitHub or in a pager).

First the counts and what needs attention (conflicts, mismatches, date conflicts), each
with its quotes and a link to its story; then per story one line of sources, a table of
the claim groups worth a look with the values as the sources wrote them, and the other
findings in one line each (claimcheck.render._digest chooses what is shown). Stories
with nothing to compare share one list at the end. `detail="full"` lists every group,
every finding with its quotes, and the articles.

Every piece of article text (and every id, path, source and message, which may
carry article text) is escaped, so an article cannot inject HTML, links, images,
emphasis, math or table breaks into the summary. One item is one line (a pager or
GitHub wraps it), so the report's length in lines is the number of things it says.
The output depends only on the report: no clock.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence

from claimcheck.models import Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import DEFAULT_TITLE, one_line, plural, severity_breakdown
from claimcheck.render._digest import (
    QUOTES_SHOWN,
    STATUS_NAMES,
    Attention,
    Digest,
    Note,
    Quote,
    Row,
    StoryView,
    digest,
)

WIDTH = 100
"""Where `wrap` breaks lines (the nightly report's own sections use it)."""
WORDING_LIMIT = 6
"""Wordings quoted in one cell of the claim-group table; the rest are counted."""
SOURCE_LIMIT = 4
"""Sources named for one wording, and in a story's first line; the rest are counted."""

# Characters with a meaning in CommonMark or GitHub's extensions (emphasis, code,
# links and images, raw HTML, entities, tables, headings, strikethrough, math).
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>|#!~$&])")
# GitHub turns bare "http://..." and "www...." into links; an escaped ":" or "." stops it,
# so a URL in an article shows as text and is never a link.
AUTOLINK_RE = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<=\b[wW]{3})\.(?=\w)")
# What would open a block (list item, setext underline) at the start of a wrapped line.
BLOCK_BULLET_RE = re.compile(r"^[-+=](?=\s|$)")
BLOCK_ORDERED_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")

STATUS_MARKS = {"conflict": "✗", "differs": "≠", "evolving": "↗", "consistent": "✓", "single_source": "·"}
SEVERITY_MARKS = {"error": "✗", "warning": "⚠", "info": "ℹ"}


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


def item(text: str, first: str = "") -> str:
    """Escaped inline `text` as one line after `first`, never starting a new block by accident."""
    return first + _guard_block_start(text)


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


# --- the parts -----------------------------------------------------------------------


def quote(said: Quote) -> str:
    """“before **claim** after”, escaped; bold only where CommonMark sees `**` as emphasis."""
    bold = "**" if not (said.before[-1:].isalnum() or said.after[:1].isalnum()) else ""
    return f"“{escape(said.before)}{bold}{escape(said.text)}{bold}{escape(said.after)}”"


def quote_lines(quotes: Iterable[Quote], indent: str) -> list[str]:
    return [
        item(f"{escape(said.sources)}, {escape(said.where)}: {quote(said)}", indent + "- ") for said in quotes
    ]


def story_link(story: StoryView | None) -> str:
    return f"[story {story.number}](#{story.anchor})" if story is not None else ""


def overview(summary: Digest) -> list[str]:
    report = summary.report
    articles = report.articles
    sources = {article.source for article in articles if article.source}
    copies = sum(1 for article in articles if article.duplicate_of)
    article_line = f"**Articles:** {len(articles)}"
    if sources:
        article_line += f" from {plural(len(sources), 'source')}"
    if copies:
        article_line += f" ({plural(copies, 'syndicated copy', 'syndicated copies')})"
    shown = Counter(row.status for story in summary.stories for row in story.rows + story.single_source)
    statuses = [f"{shown[status]} {name}" for status, name in STATUS_NAMES.items() if shown[status]]
    groups = (
        f"**Stories:** {len(report.stories)}; **claims:** {len(report.claims)} in {len(report.groups)} groups"
    )
    if statuses:
        groups += f" ({', '.join(statuses)})"
    findings = severity_breakdown(summary.findings) or "none"
    hidden = len(report.findings) - len(summary.findings)
    if hidden:
        findings += f" ({hidden} info not shown)"
    items = [article_line, groups, f"**Findings:** {findings}"]
    if report.reference_date is not None:
        items.append(f"**Reference date:** {report.reference_date.isoformat()}")
    return [item(text, "- ") for text in items]


def attention_lines(entry: Attention, full: bool) -> list[str]:
    finding = entry.finding
    head = f"**{escape(entry.title)}: {escape(entry.subject)}**"
    where = ", ".join(
        part for part in (f"{finding.code} {finding.severity}", story_link(entry.story)) if part
    )
    first = item(f"{head} ({where}): {escape(finding.message)}", f"{entry.number}. ")
    shown = entry.quotes if full else entry.quotes[:QUOTES_SHOWN]
    lines = [first, *quote_lines(shown, "   ")]
    if len(entry.quotes) > len(shown):
        lines.append(f"   - and {plural(len(entry.quotes) - len(shown), 'more quote')} (`--detail full`)")
    return lines


def cell_wordings(row: Row) -> str:
    parts = []
    for wording in row.wordings[:WORDING_LIMIT]:
        normalized = f" (= {escape(wording.normalized)})" if wording.normalized else ""
        parts.append(f"“{escape(wording.text)}”{normalized}: {named(wording.sources)}")
    hidden = len(row.wordings) - WORDING_LIMIT
    if hidden > 0:
        parts.append(f"and {hidden} more")
    return "; ".join(parts)


def group_table(rows: list[Row]) -> list[str]:
    cells = []
    for row in rows:
        status = f"{STATUS_MARKS[row.status]} {STATUS_NAMES[row.status]}"
        if row.attention:
            status += ", see " + ", ".join(str(number) for number in row.attention)
        cells.append(
            [
                f"{escape(row.label)} ({escape(row.group.id)})",
                status,
                cell_wordings(row),
                str(row.independent_sources),
            ]
        )
    return table(["Figure", "Status", "As the sources wrote it", "Independent sources"], cells, right=(3,))


def note_lines(note: Note, full: bool) -> list[str]:
    head = f"{SEVERITY_MARKS[note.severity]} {note.code} {escape(note.rule)}"
    lines = [item(f"{head}: {escape(note.text)}", "- ")]
    return lines + quote_lines(note.quotes, "  ") if full else lines


def named(sources: Sequence[str]) -> str:
    """'A, B, C, D, 6 more'; escaped."""
    names = [escape(name) for name in sources[:SOURCE_LIMIT]]
    if len(sources) > SOURCE_LIMIT:
        names.append(f"{len(sources) - SOURCE_LIMIT} more")
    return ", ".join(names)


def story_head(story: StoryView) -> str:
    """'5 articles from 4 sources: A, B, C, D (1 syndicated copy)'; escaped."""
    text = plural(len(story.article_ids), "article")
    if story.sources:
        text += f" from {plural(len(story.sources), 'source')}: {named(story.sources)}"
    if story.copies:
        text += f" ({plural(story.copies, 'syndicated copy', 'syndicated copies')})"
    return text


def story_lines(story: StoryView, full: bool) -> list[str]:
    head = story_head(story)
    if story.single_source and not full:
        head += f"; {plural(len(story.single_source), 'single-source figure')} (listed in the JSON)"
    lines = ["", f'### <a id="{story.anchor}"></a>{story.number}. {escape(story.label)}', item(head + ".")]
    if story.rows:
        lines.extend(group_table(story.rows))
    for note in story.notes:
        lines.extend(note_lines(note, full))
    return lines


def articles_table(report: Report) -> list[str]:
    rows = [
        [
            escape(article.id),
            escape(article.source or ""),
            escape(article.published.isoformat() if article.published else "unknown"),
            escape(article.published_origin or ""),
            escape(article.duplicate_of or ""),
        ]
        for article in report.articles
    ]
    header = ["Article", "Source", "Published", "Date from", "Duplicate of"]
    return ["", "## Articles", "", *table(header, rows)]


def render(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    full = options.detail == "full"
    summary = digest(report, options)
    title = one_line(options.title or DEFAULT_TITLE)
    lines = [f"# {escape(title)}", "", *overview(summary)]
    if summary.attention:
        lines += ["", f"## Needs attention ({len(summary.attention)})", ""]
        for entry in summary.attention:
            lines.extend(attention_lines(entry, full))
    shown = [story for story in summary.stories if full or not story.quiet]
    quiet = [story for story in summary.stories if not full and story.quiet]
    if shown:
        lines += ["", "## Stories"]
        for story in shown:
            lines.extend(story_lines(story, full))
    if quiet:
        lines += ["", f"## Nothing to compare ({plural(len(quiet), 'story', 'stories')})", ""]
        for story in quiet:
            head = f"**{escape(story.label)}** ({story.number}): {story_head(story)}"
            if story.single_source:
                head += f"; {plural(len(story.single_source), 'single-source figure')}"
            lines.append(item(head, "- "))
    if full and report.articles:
        lines.extend(articles_table(report))
    # Parts join with blank lines; never two in a row.
    lines = [line for i, line in enumerate(lines) if line or (i > 0 and lines[i - 1])]
    return "\n".join(lines) + "\n"
