"""What a fact-checker reads first, gathered once from a report for the Markdown and HTML formats.

- **Attention**: every finding worth a phone call (figure and date conflicts, a figure
  stated two ways in one article, a date that contradicts itself, and anything at error
  level such as an unreadable file), most severe first, each with its quotes.
- **Per story**: the claim groups worth a look (more than one source, or a finding about
  them), the single-source figures only counted, and the other findings in one line
  each; an undated article's unanchored relative dates make one line, not one a date.
- **Status as shown** agrees with the findings: a group is a "conflict" only where a
  figure-conflict or date-conflict finding names it. Values that differ where no check
  found a conflict (two dates the date check does not take for one event) show as
  "differs".
- **Values as the sources wrote them**; where the sources used different units, each
  wording also gets the value in the unit most of them used.

Everything here is plain text: each format escapes it its own way.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimcheck.models import SEVERITY_RANK, Article, Claim, ClaimGroup, Finding, Report
from claimcheck.render import RenderOptions
from claimcheck.render._common import articles_by_id, by_severity, finding_path, one_line, visible_findings

ATTENTION_TITLES = {
    "figure-conflict": "Figure conflict",
    "date-conflict": "Date conflict",
    "internal-conflict": "Stated two ways",
    "relative-date-mismatch": "Date mismatch",
}
"""Rules whose every finding goes in the attention list (and any finding at error level)."""
GROUP_CONFLICT_RULES = frozenset({"figure-conflict", "date-conflict"})
"""Findings that make a group's shown status "conflict" (sources disagree)."""
UNANCHORED = "relative-date-unanchored"

STATUS_NAMES = {  # in the order tables show them
    "conflict": "conflict",
    "differs": "differs",
    "evolving": "evolving",
    "consistent": "consistent",
    "single_source": "single source",
}
QUOTE_LIMIT = 240
"""Longest quoted sentence, in characters; longer ones are cut around the claim."""
QUOTES_SHOWN = 4
"""Quotes shown at once for one attention item (the summary counts the rest; full shows all)."""
LABEL_LIMIT = 80


def needs_attention(finding: Finding) -> bool:
    return finding.rule in ATTENTION_TITLES or finding.severity == "error"


def shorten(text: str, limit: int) -> str:
    text = one_line(text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def worst(severities: Iterable[str]) -> str | None:
    return max(severities, key=SEVERITY_RANK.__getitem__, default=None)


@dataclass(frozen=True)
class Quote:
    """A claim in its sentence: `before`, the claim's own words `text`, `after`."""

    sources: str
    where: str
    before: str
    text: str
    after: str


@dataclass
class Wording:
    """One way the sources wrote a figure, and who wrote it so."""

    text: str
    sources: list[str]
    normalized: str | None = None
    """What the words come to, where the words alone do not tell: the value in the unit most
    sources used (for a wording in another unit), or the date a relative date names (where
    the group's dates differ: "Thursday" in two papers of different days)."""


@dataclass
class Row:
    """One claim group as the tables show it."""

    group: ClaimGroup
    label: str
    status: str
    wordings: list[Wording]
    independent_sources: int
    claims: list[Claim]
    sources: list[str]
    attention: list[int] = field(default_factory=list)
    """Numbers of the attention items about this group."""
    severity: str | None = None


@dataclass
class Note:
    """A finding outside the attention list, in one line (unanchored dates: one line an article)."""

    severity: str
    code: str
    rule: str
    text: str
    sources: list[str]
    quotes: list[Quote]


@dataclass
class Attention:
    number: int
    title: str
    subject: str
    finding: Finding
    quotes: list[Quote]
    sources: list[str]
    story: StoryView | None = None


@dataclass
class StoryView:
    id: str | None
    number: int
    label: str
    article_ids: list[str]
    sources: list[str]
    copies: int
    rows: list[Row] = field(default_factory=list)
    """Groups with more than one source or a finding (every group with detail "full")."""
    single_source: list[Row] = field(default_factory=list)
    """Single-source groups without a finding (counted in the summary, listed in full)."""
    notes: list[Note] = field(default_factory=list)
    attention: list[Attention] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"story-{self.number}"

    @property
    def quiet(self) -> bool:
        """Nothing to compare and nothing found."""
        return not (self.rows or self.notes or self.attention)


@dataclass
class Digest:
    report: Report
    attention: list[Attention]
    stories: list[StoryView]
    sources: list[str]
    findings: list[Finding]
    """The findings shown (info findings only when asked for)."""

    def count(self, *rules: str) -> int:
        return sum(1 for finding in self.report.findings if finding.rule in rules)


class _Builder:
    def __init__(self, report: Report, options: RenderOptions) -> None:
        self.report = report
        self.options = options
        self.articles = articles_by_id(report)
        self.claims = {claim.id: claim for claim in report.claims}
        self.findings = visible_findings(report, options.show_info)
        self.groups = {group.id: group for group in report.groups}

    # names

    def source(self, article_id: str) -> str:
        """'Harbor Daily'; 'The Morning Post (copy)' for a syndicated copy."""
        article = self.articles.get(article_id)
        if article is None:
            return article_id
        name = article.source or article.id
        return name + " (copy)" if article.duplicate_of else name

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.source or article.id) if article else article_id

    @staticmethod
    def where(claim: Claim) -> str:
        """'coastal-wire.md:10': the article id (a file's name, a jsonl line's id) and the line."""
        return f"{claim.article_id}:{claim.line}" if claim.line else claim.article_id

    def independent(self, article_ids: Iterable[str]) -> int:
        """Articles that are not copies of one another (a copy counts with its original)."""
        roots = set()
        for article_id in article_ids:
            article = self.articles.get(article_id)
            roots.add(article.duplicate_of or article.id if article else article_id)
        return len(roots)

    # quotes

    def quote(self, claim: Claim) -> tuple[str, str, str]:
        """The claim's sentence as (before, claim, after), cut around the claim if long."""
        sentence = one_line(claim.sentence or claim.text)
        text = one_line(claim.text)
        offset = claim.start - claim.sentence_start
        if sentence[offset : offset + len(text)] != text:
            offset = sentence.find(text)
        if offset < 0:
            return "", shorten(sentence, QUOTE_LIMIT), ""
        before, after = sentence[:offset], sentence[offset + len(text) :]
        room = max(QUOTE_LIMIT - len(text), 0)
        if len(before) + len(after) > room:
            keep_before = min(len(before), room // 2)
            keep_after = min(len(after), room - keep_before)
            keep_before = min(len(before), room - keep_after)
            before = ("…" if keep_before < len(before) else "") + before[len(before) - keep_before :]
            after = after[:keep_after] + ("…" if keep_after < len(after) else "")
        return before, text, after

    def quotes(self, claims: list[Claim]) -> list[Quote]:
        """One quote a distinct sentence; a syndicated copy's identical sentence joins its original's."""
        merged: dict[tuple[str, str, str], list[Claim]] = {}
        for claim in claims:
            merged.setdefault(self.quote(claim), []).append(claim)
        return [
            Quote(
                ", ".join(dict.fromkeys(self.source(claim.article_id) for claim in same)),
                self.where(same[0]),
                *key,
            )
            for key, same in merged.items()
        ]

    # groups

    def wordings(self, claims: list[Claim]) -> list[Wording]:
        """Distinct wordings (case aside), most sources first, normalized where the words alone
        do not tell (see Wording.normalized)."""
        units = {claim.unit for claim in claims if claim.unit}
        common, factor = common_unit(claims)
        dates_differ = len({claim.timex for claim in claims if claim.timex}) > 1
        by_text: dict[tuple[str, str | None], Wording] = {}
        for claim in claims:
            text = one_line(claim.text).strip()
            key = (text.casefold(), claim.timex if dates_differ else None)
            wording = by_text.setdefault(key, Wording(text, []))
            name = self.source(claim.article_id)
            if name not in wording.sources:
                wording.sources.append(name)
            if wording.normalized is not None:
                continue
            if dates_differ and claim.timex and claim.relative:
                wording.normalized = claim.timex
            elif (
                len(units) > 1
                and claim.unit != common
                and factor is not None
                and claim.base_value is not None
            ):
                wording.normalized = with_unit(claim.base_value * factor, common)
        return sorted(by_text.values(), key=lambda wording: -len(wording.sources))

    def row(self, group: ClaimGroup, findings: list[Finding]) -> Row:
        claims = [self.claims[claim_id] for claim_id in group.claim_ids if claim_id in self.claims]
        rules = {finding.rule for finding in findings}
        if rules & GROUP_CONFLICT_RULES:
            status = "conflict"
        elif group.status == "conflict":
            status = "differs"
        else:
            status = group.status
        return Row(
            group=group,
            label=shorten(group.label, LABEL_LIMIT),
            status=status,
            wordings=self.wordings(claims),
            independent_sources=group.independent_sources or self.independent(group.article_ids),
            claims=claims,
            sources=sorted({self.outlet(claim.article_id) for claim in claims}),
            severity=worst(finding.severity for finding in findings),
        )

    # findings outside the attention list

    def notes(self, findings: list[Finding]) -> list[Note]:
        notes: list[Note] = []
        unanchored: dict[str, Note] = {}
        for finding in by_severity(findings):
            claims = [self.claims[claim_id] for claim_id in finding.claim_ids if claim_id in self.claims]
            sources = self.sources(finding, claims)
            if finding.rule == UNANCHORED and finding.article_id:
                said = f"“{one_line(claims[0].text)}”" if claims else one_line(finding.message)
                note = unanchored.get(finding.article_id)
                if note is None:
                    note = unanchored[finding.article_id] = Note(
                        finding.severity,
                        finding.code,
                        finding.rule,
                        f"{finding.article_id} has no publication date: {said}",
                        sources,
                        [],
                    )
                    notes.append(note)
                else:
                    note.text += f", {said}"
                note.quotes.extend(self.quotes(claims))
                continue
            text = one_line(finding.message)
            if finding.rule == "relative-date-ambiguous" and claims and claims[0].readings:
                readings = [claims[0].timex, *claims[0].readings]
                text += f" (readings: {', '.join(str(reading) for reading in readings)})"
            where = finding.article_id or finding_path(finding, self.articles)
            if where and finding.line:
                where += f":{finding.line}"
            notes.append(
                Note(
                    finding.severity,
                    finding.code,
                    finding.rule,
                    f"{where}: {text}" if where else text,
                    sources,
                    self.quotes(claims),
                )
            )
        return notes

    # the whole

    def finding_story(self, finding: Finding) -> str | None:
        group = self.groups.get(finding.group_id or "")
        if group is not None:
            return group.story
        article = self.articles.get(finding.article_id or "")
        return article.story if article is not None else None

    def build(self) -> Digest:
        report, full = self.report, self.options.detail == "full"
        views: dict[str | None, StoryView] = {
            story.id: self.story_view(story.id, number, story.label, story.article_ids)
            for number, story in enumerate(report.stories, 1)
        }
        # Articles in no story (all of them when there are no stories): one more section.
        loose = [article.id for article in report.articles if article.story not in views]

        def view_of(story_id: str | None) -> StoryView:
            key = story_id if story_id in views else None
            if key not in views:
                label = "Outside any story" if report.stories else "All articles"
                views[None] = self.story_view(None, len(report.stories) + 1, label, loose)
            return views[key]

        if loose:
            view_of(None)
        attention = [
            self.attention(number, finding)
            for number, finding in enumerate(
                by_severity(finding for finding in self.findings if needs_attention(finding)), 1
            )
        ]
        numbers = {id(item.finding): item.number for item in attention}
        group_findings: dict[str, list[Finding]] = {}
        other: dict[str | None, list[Finding]] = {}
        for finding in self.findings:
            if finding.group_id is not None:
                group_findings.setdefault(finding.group_id, []).append(finding)
            if not needs_attention(finding):
                other.setdefault(self.finding_story(finding), []).append(finding)
        for group in report.groups:
            findings = group_findings.get(group.id, [])
            row = self.row(group, findings)
            row.attention = [numbers[id(finding)] for finding in findings if id(finding) in numbers]
            view = view_of(group.story)
            if full or row.status != "single_source" or findings:
                view.rows.append(row)
            else:
                view.single_source.append(row)
        for story_id, findings in other.items():
            view_of(story_id).notes.extend(self.notes(findings))
        for item in attention:  # an unreadable file belongs to no story
            if item.finding.article_id is not None:
                item.story = view_of(self.finding_story(item.finding))
                item.story.attention.append(item)
        for view in views.values():
            view.rows.sort(key=lambda row: list(STATUS_NAMES).index(row.status))
        sources = sorted({self.outlet(article.id) for article in report.articles})
        return Digest(report, attention, list(views.values()), sources, self.findings)

    def attention(self, number: int, finding: Finding) -> Attention:
        claims = [self.claims[claim_id] for claim_id in finding.claim_ids if claim_id in self.claims]
        return Attention(
            number=number,
            title=ATTENTION_TITLES.get(finding.rule, finding.rule.replace("-", " ").capitalize()),
            subject=self.subject(finding, claims),
            finding=finding,
            quotes=self.quotes(claims),
            sources=self.sources(finding, claims),
        )

    def sources(self, finding: Finding, claims: list[Claim]) -> list[str]:
        """The outlets a finding is about: its claims', else its article's."""
        if claims:
            return sorted({self.outlet(claim.article_id) for claim in claims})
        return [self.outlet(finding.article_id)] if finding.article_id else []

    def story_view(self, story_id: str | None, number: int, label: str, article_ids: list[str]) -> StoryView:
        articles = [self.articles[article_id] for article_id in article_ids if article_id in self.articles]
        return StoryView(
            id=story_id,
            number=number,
            label=shorten(label, LABEL_LIMIT),
            article_ids=list(article_ids),
            sources=list(dict.fromkeys(_outlet(article) for article in articles if not article.duplicate_of)),
            copies=sum(1 for article in articles if article.duplicate_of),
        )

    def subject(self, finding: Finding, claims: list[Claim]) -> str:
        """What the finding is about: the group's label, else the words of its first claim."""
        group = self.groups.get(finding.group_id or "")
        if group is not None:
            return shorten(group.label, LABEL_LIMIT)
        if claims:
            return f"“{one_line(claims[0].text)}”"
        return finding_path(finding, self.articles) or ""


def _outlet(article: Article) -> str:
    return article.source or article.id


UNIT_PREFIXES = {"USD": "$", "EUR": "€", "GBP": "£"}


def with_unit(value: float, unit: str | None) -> str:
    """'$2,300', '4.5%', '21 days', '55 miles' (a unit name is a singular lemma)."""
    number = _number(value)
    if not unit:
        return number
    if unit in UNIT_PREFIXES:
        return UNIT_PREFIXES[unit] + number
    if unit == "percent":
        return number + "%"
    plural = value != 1 and unit[-1:].isalpha() and not unit.endswith("s")
    return f"{number} {unit}{'s' if plural else ''}"


def _number(value: float) -> str:
    if not math.isfinite(value):
        return "?"
    if abs(value - round(value)) < 1e-9 * max(1.0, abs(value)):
        return f"{round(value):,}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def common_unit(claims: Iterable[Claim]) -> tuple[str | None, float | None]:
    """The unit most claims use, and the factor from base values into it (None if unknown)."""
    claims = list(claims)
    units = Counter(claim.unit for claim in claims if claim.unit)
    common = units.most_common(1)[0][0] if units else None
    factor = next(
        (
            claim.value / claim.base_value
            for claim in claims
            if claim.unit == common and claim.value and claim.base_value
        ),
        None,
    )
    return common, factor


def digest(report: Report, options: RenderOptions) -> Digest:
    return _Builder(report, options).build()
