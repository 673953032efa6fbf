"""The flow from articles to a report: one article at a time, then the corpus.

`process_article` is a pure function of one article (boilerplate, sentences,
publication date, claims), so it can run in worker processes or as the map step
of a distributed job; `analyse` is the corpus step (duplicates, stories, groups,
checks) and works on the results in any order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, cast

from claimcheck.budget import NO_BUDGET, Budget, Meter, OverBudget
from claimcheck.checks.context import CheckContext
from claimcheck.checks.registry import run_checks
from claimcheck.ingest.boilerplate import find_noise
from claimcheck.ingest.files import InputFailure, InputWarning, read_inputs
from claimcheck.ingest.sentences import split_sentences
from claimcheck.models import Article, Claim, Finding, Report, Severity, Story
from claimcheck.resolve.claims import extract_claims
from claimcheck.rules import RuleSet, load_rules
from claimcheck.spans import LineIndex


@dataclass(frozen=True)
class Options:
    rules_dir: str | None = None
    published: date | datetime | None = None
    """--published: the publication date of articles that carry none (nor a dateline)."""
    disabled_rules: frozenset[str] = frozenset()
    severity_overrides: tuple[tuple[str, str], ...] = ()
    boilerplate: bool = True
    """Filter page furniture; `claimcheck lint` turns it off: a draft is authored text, not a scraped page."""
    budget: Budget = NO_BUDGET
    """What one document may take (time and claims); the CLI gives one with its clock."""


@dataclass
class ArticleResult:
    article: Article
    claims: list[Claim] = field(default_factory=list)
    meter: Meter | None = field(default=None, compare=False, repr=False)
    """The document's spending so far: analysis goes on counting against its budget."""


def resolve_publication(article: Article, noise: list[tuple[int, int, str]], options: Options) -> Article:
    """Metadata first, then a dateline or byline in the text, then --published."""
    if article.published is not None:
        return article
    from claimcheck.resolve.dateline import find_publication_date

    found = find_publication_date(article.text, noise)
    if found is not None:
        return replace(article, published=found[0], published_origin="dateline")
    if options.published is not None:
        return replace(article, published=options.published, published_origin="argument")
    return article


def process_article(article: Article, options: Options) -> ArticleResult:
    """Boilerplate, sentences, publication date and claims of one article.

    Raises OverBudget when the article takes longer or yields more claims than
    `options.budget` allows (callers report it as an input error and go on)."""
    meter = options.budget.meter()
    with meter.running():
        noise = find_noise(article.text, options.rules_dir) if options.boilerplate else []
        meter.check()
        article = resolve_publication(article, noise, options)
        article = replace(article, noise=noise)
        sentences = split_sentences(article.text, noise, options.rules_dir)
        meter.check()
        claims = extract_claims(article, sentences, article.reference_date, options.rules_dir, meter.check)
        meter.check_claims(len(claims))
    return ArticleResult(article, claims, meter)


def over_budget(article: Article, reason: str) -> InputFailure:
    """The input error of an article over its budget: named by its file, with the reason."""
    return InputFailure(article.id, article.path or article.id, reason)


def process_within_budget(
    articles: Iterable[Article], options: Options, failures: list[InputProblem]
) -> list[ArticleResult]:
    """`process_article` of each article; one over its budget becomes an input error in
    `failures`, and the others are processed."""
    results = []
    for article in articles:
        try:
            results.append(process_article(article, options))
        except OverBudget as exc:
            failures.append(over_budget(article, exc.reason))
    return results


InputProblem = InputFailure | InputWarning
"""What reading the inputs reports: a file lost (input-error) or a slip read anyway (input-warning)."""


def failure_finding(failure: InputProblem, rules: RuleSet) -> Finding:
    """The input-error (or input-warning) finding of an input problem."""
    rule = rules.get(failure.rule)
    where = f"{failure.path}, line {failure.line}" if failure.line else failure.path
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=rule.severity,
        article_id=failure.article_id,
        path=failure.path,
        line=failure.line,
        column=1 if failure.line else None,
        message=rule.format_message(path=failure.path, where=where, reason=failure.reason),
    )


def locate_findings(findings: list[Finding], articles: dict[str, Article]) -> list[Finding]:
    """Fill path, line and column of findings from their body offsets."""
    indexes: dict[str, LineIndex] = {}
    located = []
    for finding in findings:
        article = articles.get(finding.article_id or "")
        if article is not None:
            updates: dict[str, Any] = {}
            if finding.path is None:
                updates["path"] = article.path or article.id
            if finding.start is not None and finding.line is None:
                index = indexes.get(article.id)
                if index is None:
                    index = indexes[article.id] = LineIndex(article.text)
                line, column = index.position(finding.start)
                updates.update(line=line + article.body_line - 1, column=column)
                if finding.end is not None:
                    end_line, end_column = index.position(finding.end)
                    updates.update(end_line=end_line + article.body_line - 1, end_column=end_column)
            if updates:
                finding = replace(finding, **updates)
        located.append(finding)
    return located


def finding_order(finding: Finding) -> tuple[str, int, int, str]:
    return (
        finding.path or finding.article_id or "",
        finding.line or 0,
        finding.column or 0,
        finding.code,
    )


def date_undated_copies(
    results: list[ArticleResult], duplicates: dict[str, str], options: Options
) -> list[ArticleResult]:
    """An undated near-duplicate of a dated article takes that date, and its relative
    dates are resolved again: the same text was published then (a page scraped twice,
    one copy without its byline). `published_via` names the copy the date came from."""
    by_id = {result.article.id: result.article for result in results}
    partners: dict[str, set[str]] = {}
    for copy, original in duplicates.items():
        partners.setdefault(copy, set()).add(original)
        partners.setdefault(original, set()).add(copy)
    dated_results = []
    for result in results:
        article = result.article
        dated = sorted(
            (by_id[other] for other in partners.get(article.id, ()) if other in by_id),
            key=lambda other: other.id,
        )
        donor = next((other for other in dated if other.published is not None), None)
        if article.published is None and donor is not None:
            dated_copy = replace(
                article,
                published=donor.published,
                published_origin=donor.published_origin,
                published_via=donor.id,
            )
            # A copy too slow to read again keeps its undated reading (it was in budget once).
            with contextlib.suppress(OverBudget):
                result = process_article(dated_copy, options)
        dated_results.append(result)
    return dated_results


def analyse(
    results: Iterable[ArticleResult],
    failures: Iterable[InputProblem] = (),
    options: Options | None = None,
    rules: RuleSet | None = None,
) -> Report:
    """Duplicates, stories, claim groups and findings of a corpus."""
    options = options or Options()
    rules = rules or load_rules(options.rules_dir)
    linked, stories = link_stories(results, options, rules)
    return report_stories(linked, stories, failures, options, rules)


def link_stories(
    results: Iterable[ArticleResult], options: Options, rules: RuleSet
) -> tuple[list[ArticleResult], list[Story]]:
    """The first half of `analyse`: near-duplicates (an undated copy takes its original's
    date) and stories, set on each article. Articles that share no story feature can be
    linked apart (a distributed run links each block of them on its own)."""
    from claimcheck.stories.clustering import cluster_stories
    from claimcheck.stories.duplicates import find_duplicates

    results = list(results)
    duplicates = find_duplicates([result.article for result in results])
    if any(result.article.published is None for result in results):
        results = date_undated_copies(results, duplicates, options)
    articles = [
        replace(result.article, duplicate_of=duplicates[result.article.id])
        if result.article.id in duplicates
        else result.article
        for result in results
    ]
    stories = cluster_stories(articles, rules.directory)
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    return [
        ArticleResult(replace(article, story=story_of.get(article.id)), result.claims, result.meter)
        for article, result in zip(articles, results, strict=True)
    ], stories


def report_stories(
    results: list[ArticleResult],
    stories: list[Story],
    failures: Iterable[InputProblem],
    options: Options,
    rules: RuleSet,
) -> Report:
    """The second half of `analyse`: claim groups and findings of linked stories (any set of
    whole stories: a distributed run reports each share of the stories on its own)."""
    from claimcheck.groups.build import group_items

    failures = list(failures)
    articles = [result.article for result in results]
    claims = [claim for result in results for claim in result.claims]
    meters = {result.article.id: result.meter or options.budget.meter() for result in results}
    over: dict[str, str] = {}
    grouped = group_items(articles, claims, stories, rules, meters, over)
    if over:
        # Articles over budget in analysis are left out as if never read, with the reason.
        failures.extend(over_budget(article, over[article.id]) for article in articles if article.id in over)
        articles = [article for article in articles if article.id not in over]
        claims = [claim for claim in claims if claim.article_id not in over]
        stories = [
            replace(story, article_ids=[a for a in story.article_ids if a not in over])
            for story in stories
            if any(a not in over for a in story.article_ids)
        ]
    groups = [group for group, _items in grouped]

    context = CheckContext(
        articles=articles,
        claims=claims,
        groups=groups,
        stories=stories,
        grouped=grouped,
    )
    findings = apply_overrides([failure_finding(failure, rules) for failure in failures], options)
    findings.extend(apply_overrides(run_checks(context, rules), options))
    findings = locate_findings(findings, context.articles_by_id)
    findings.sort(key=finding_order)
    return Report(
        reference_date=_as_date(options.published),
        articles=articles,
        stories=stories,
        claims=claims,
        groups=groups,
        findings=findings,
    )


def apply_overrides(findings: Iterable[Finding], options: Options) -> list[Finding]:
    overrides = dict(options.severity_overrides)
    kept = []
    for finding in findings:
        if finding.rule in options.disabled_rules:
            continue
        if finding.rule in overrides:
            finding = replace(finding, severity=cast(Severity, overrides[finding.rule]))
        kept.append(finding)
    return kept


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def load(
    paths: list[str],
    manifest: str | None = None,
    skipped: list[str] | None = None,
    warnings: list[InputWarning] | None = None,
) -> tuple[list[Article], list[InputFailure]]:
    """Articles and unreadable files; folder files a manifest does not list go to `skipped`,
    slips in metadata that were read anyway to `warnings`."""
    articles: list[Article] = []
    failures: list[InputFailure] = []
    for item in read_inputs(paths, manifest, skipped, warnings):
        (articles if isinstance(item, Article) else failures).append(item)  # type: ignore[arg-type]
    return articles, failures


def check_paths(
    paths: list[str],
    manifest: str | None = None,
    options: Options | None = None,
    skipped: list[str] | None = None,
) -> Report:
    """`claimcheck check`: read, extract, group and check."""
    warnings: list[InputWarning] = []
    articles, failures = load(paths, manifest, skipped, warnings)
    return check_articles(articles, options, [*failures, *warnings])


def check_articles(
    articles: Iterable[Article], options: Options | None = None, failures: Iterable[InputProblem] = ()
) -> Report:
    """Extract, group and check articles already in memory (a script's own crawl)."""
    options = options or Options()
    rules = load_rules(options.rules_dir)
    problems = list(failures)
    results = process_within_budget(articles, options, problems)
    return analyse(results, problems, options, rules)
