"""Timeline charts for the HTML report: each source's figure against its publication time.

Drawn by matplotlib's SVG backend into inline SVG. matplotlib is imported only when
there is a chart to draw (it takes a second or two to import), so a report with no
conflicting or evolving figure never loads it. A dot is a value as stated; a bar is the
interval its wording allows ("about 15,000", "between 40 and 60"); an arrow is an open
end ("more than 60"). Dates are drawn as the day, month or year they name. Output is
deterministic: a fixed hash salt, no date or creator in the SVG, and ids prefixed per
chart so that several charts in one page never share an id.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from claimcheck.models import Article, Claim
from claimcheck.render._digest import Row, common_unit

if TYPE_CHECKING:
    from matplotlib.axes import Axes

EPOCH = date(1970, 1, 1)
"""Day 0 of the charts' time axes: matplotlib's date epoch, pinned in RC below."""
RC: dict[Any, Any] = {
    "date.epoch": f"{EPOCH.isoformat()}T00:00:00",
    "svg.fonttype": "none",  # text as text: small, selectable, found by the page's search
    "svg.hashsalt": "claimcheck",
    "font.family": "sans-serif",
    "font.size": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
COLOURS = ("#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207", "#4b5563")
SIZE = (6.4, 2.5)
"""Inches; about 610 x 240 CSS pixels."""
SVG_START_RE = re.compile(r"<svg\b")
ID_RE = re.compile(r'\bid="([^"]+)"')
REFERENCE_RE = re.compile(r'(url\(#|href="#)([^)"]+)')
TIMEX_DAY_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Point:
    source: str
    published: float
    """Publication time in days since EPOCH; noon for an article dated by its day only."""
    value: float | None
    low: float
    high: float
    """The interval; for a date, in days since EPOCH too."""
    day_only: bool = False


def days(moment: date | datetime) -> float:
    """Days since EPOCH, as matplotlib numbers dates (a datetime by its own wall-clock time)."""
    if not isinstance(moment, datetime):
        return float((moment - EPOCH).days)
    clock = moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
    return (moment.date() - EPOCH).days + clock / 86400


def _published(article: Article | None) -> float | None:
    if article is None or article.published is None:
        return None
    published = article.published
    if isinstance(published, datetime):
        return days(published)
    return days(published) + 0.5


def _timex_interval(timex: str | None) -> tuple[float, float] | None:
    """A date's day, month or year as an interval of days since EPOCH."""
    match = TIMEX_DAY_RE.match(timex or "")
    if match is None:
        return None
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    if day:
        first = date(year, int(month), int(day))
        last = first
    elif month:
        first = date(year, int(month), 1)
        last = date(year + int(month) // 12, int(month) % 12 + 1, 1) - timedelta(days=1)
    else:
        first, last = date(year, 1, 1), date(year, 12, 31)
    return days(first), days(last) + 1


def points(row: Row, articles: dict[str, Article]) -> list[Point]:
    """One point a claim with a publication date and a value, in the unit most sources used."""
    unit, factor = common_unit(row.claims)
    found = []
    for claim in row.claims:
        article = articles.get(claim.article_id)
        published = _published(article)
        if published is None or article is None:
            continue
        reading: tuple[float | None, float, float] | None
        if row.group.kind == "date":
            interval = _timex_interval(claim.timex)
            reading = (None, *interval) if interval is not None else None
        else:
            reading = _numeric_reading(claim, unit, factor)
        if reading is not None:
            day_only = not isinstance(article.published, datetime)
            found.append(Point(article.source or article.id, published, *reading, day_only=day_only))
    return found


def _numeric_reading(
    claim: Claim, unit: str | None, factor: float | None
) -> tuple[float | None, float, float] | None:
    """(value, low, high) in the unit most sources used (another unit through the base value)."""
    scale = 1.0
    if claim.unit != unit:
        if factor is None or not claim.value or claim.base_value is None:
            return None
        scale = claim.base_value * factor / claim.value
    value = claim.value * scale if claim.value is not None else None
    low = claim.low * scale if claim.low is not None else value
    high = claim.high * scale if claim.high is not None else value
    if low is None or high is None:
        return None
    return value, low, high


def _compact(number: float, _position: object = None) -> str:
    magnitude = abs(number)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if magnitude >= scale:
            return f"{number / scale:g}{suffix}"
    return f"{number:,.0f}" if magnitude >= 100 or number == int(number) else f"{number:g}"


def _plain(text: str) -> str:
    """Text matplotlib shows as is: a `$` would start mathtext."""
    return text.replace("$", r"\$")


def timeline_svg(row: Row, articles: dict[str, Article], prefix: str) -> str | None:
    """The row's figures per source against publication time, as an inline <svg> element;
    None when fewer than two points have a publication date."""
    found = points(row, articles)
    if len(found) < 2:
        return None
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC):
        figure = Figure(figsize=SIZE)
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        _draw(axes, found, dates=row.group.kind == "date")
        unit, _factor = common_unit(row.claims)
        if unit and row.group.kind not in ("date", "count"):
            axes.set_ylabel(_plain(unit))
        axes.set_xlabel("published")
        # Fixed margins (the legend on the right): a layout pass would draw the chart twice.
        figure.subplots_adjust(left=0.1, right=0.72, bottom=0.19, top=0.96)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[SVG_START_RE.search(svg).start() :]  # type: ignore[union-attr]  # drop the XML prolog
    svg = ID_RE.sub(lambda match: f'id="{prefix}-{match.group(1)}"', svg)
    return REFERENCE_RE.sub(lambda match: f"{match.group(1)}{prefix}-{match.group(2)}", svg)


def _draw(axes: Axes, found: list[Point], dates: bool) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DateFormatter, DayLocator
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    sources = list(dict.fromkeys(point.source for point in found))
    colour = {source: COLOURS[i % len(COLOURS)] for i, source in enumerate(sources)}
    times = sorted({point.published for point in found})
    span = times[-1] - times[0] if len(times) > 1 else 1.0
    finite = [bound for point in found for bound in (point.low, point.high) if math.isfinite(bound)]
    bottom, top = min(finite), max(finite)
    pad = (top - bottom) * 0.15 or max(abs(top) * 0.15, 1.0)
    bottom, top = bottom - pad, top + pad
    # Several sources published at one time stand side by side; one call a source and mark.
    at_time: dict[float, list[Point]] = {}
    for point in found:
        at_time.setdefault(point.published, []).append(point)
    ranges: dict[str, list[tuple[float, float, float]]] = {source: [] for source in sources}
    marks: dict[tuple[str, str], list[tuple[float, float]]] = {}  # (source, marker): (x, y)
    for moment, same in at_time.items():
        for i, point in enumerate(same):
            x = moment + span * 0.025 * (i - (len(same) - 1) / 2)
            low = point.low if math.isfinite(point.low) else bottom
            high = point.high if math.isfinite(point.high) else top
            if high > low:
                ranges[point.source].append((x, low, high))
            if not math.isfinite(point.high):
                marks.setdefault((point.source, "^"), []).append((x, top))
            if not math.isfinite(point.low):
                marks.setdefault((point.source, "v"), []).append((x, bottom))
            middle = point.value if point.value is not None else (low + high) / 2
            marks.setdefault((point.source, "o"), []).append((x, middle))
    for source, spans in ranges.items():
        if spans:
            xs, lows, highs = zip(*spans, strict=True)
            axes.vlines(xs, lows, highs, linewidth=4, alpha=0.45, color=colour[source])
    for (source, marker), placed in sorted(marks.items(), key=lambda item: item[0][1] == "o"):
        xs, ys = zip(*placed, strict=True)
        label = _plain(source) if marker == "o" else "_nolegend_"
        axes.plot(xs, ys, marker=marker, markersize=6, linestyle="none", color=colour[source], label=label)
    axes.set_ylim(bottom, top)
    margin = max(span * 0.1, 0.5)
    axes.set_xlim(times[0] - margin, times[-1] + margin)
    if all(point.day_only for point in found) and span <= 12:
        # Articles dated by the day: tick the days, never the hours of a day.
        axes.xaxis.set_major_locator(DayLocator())
        axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    else:
        locator = AutoDateLocator(minticks=2, maxticks=6)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if dates:
        y_locator = AutoDateLocator(minticks=2, maxticks=5)
        axes.yaxis.set_major_locator(y_locator)
        axes.yaxis.set_major_formatter(ConciseDateFormatter(y_locator))
    else:
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
        axes.yaxis.set_major_formatter(FuncFormatter(_compact))
    axes.grid(axis="y", color="#d4d4d8", linewidth=0.6)
    axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=8)
