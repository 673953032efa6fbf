"""HTML: the consistency summary as one self-contained page, to open from disk or a CI artifact.

The same parts as the Markdown (claimcheck.render._digest): the counts, what needs
attention with its quotes, per story a table of claim groups with the values as the
sources wrote them, and for each conflicting or evolving figure a timeline of what each
source said when (claimcheck.render._charts, matplotlib's SVG backend, inline).

Built with Jinja2 with autoescaping on, so every piece of article text is escaped; the
charts are the only markup inserted as is, and matplotlib escapes the text in them.
CSS and the few lines of JavaScript (filters by severity and source, a search box) are
inline; without JavaScript the page is the same report, unfiltered. Nothing is fetched
from the network. Jinja2 is imported only when this format is asked for, matplotlib only
when there is a chart to draw.
"""

from __future__ import annotations

from typing import Any

from claimcheck.models import Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import (
    CONFLICT_RULES,
    DEFAULT_TITLE,
    articles_by_id,
    plural,
    severity_breakdown,
)
from claimcheck.render._digest import QUOTES_SHOWN, STATUS_NAMES, digest

CHARTED = ("conflict", "evolving")
"""Statuses whose groups get a timeline chart."""
MAX_CHARTS = 100
"""Timelines drawn in one page, in report order (most severe stories first): a chart takes
matplotlib about a tenth of a second and 10-20 KB, and a night of tens of thousands of
articles has thousands of conflicting or evolving figures; their tables are all shown."""
SEVERITY_LABELS = {"error": "errors", "warning": "warnings", "info": "info", "none": "no finding"}


def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(report: Report, options: RenderOptions | None = None) -> str:
    from claimcheck.render._charts import timeline_svg

    options = options or RenderOptions()
    summary = digest(report, options)
    articles = articles_by_id(report)
    charts = {}
    charted = [row for story in summary.stories for row in story.rows if row.status in CHARTED]
    for row in charted[:MAX_CHARTS]:
        svg = timeline_svg(row, articles, prefix=f"chart-{row.group.id}")
        if svg is not None:
            charts[row.group.id] = svg
    counts = [
        (len(report.articles), "article", "articles"),
        (len(report.stories), "story", "stories"),
        (summary.count(*CONFLICT_RULES), "conflict", "conflicts"),
        (summary.count("relative-date-mismatch"), "date mismatch", "date mismatches"),
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=options.title or DEFAULT_TITLE,
        digest=summary,
        charts=charts,
        max_charts=MAX_CHARTS,
        uncharted=max(0, len(charted) - MAX_CHARTS),
        counts=counts,
        findings=severity_breakdown(summary.findings) or "no findings",
        reference_date=report.reference_date,
        status_names=STATUS_NAMES,
        severities=SEVERITY_LABELS,
        plural=plural,
        full=options.detail == "full",
        quotes_shown=None if options.detail == "full" else QUOTES_SHOWN,
    )
