"""`claimcheck lint`: the pre-publish check of Markdown and text drafts.

    run(args, today) -> exit code

A draft is read like any article (front matter gives its metadata), then its
Markdown syntax is blanked out (markup.py) so that only prose yields claims,
while offsets, lines and columns stay the draft's own. The draft's reference
date is its front matter `published`, else --published, else a dateline, else
today (said on stderr). Checks: every enabled rule except the cross-source ones;
with --against, the draft is also compared with a reference corpus and the
figure-conflict / date-conflict findings that concern the draft are kept.
Suppression comments, the config file (config.py), severity overrides and the
minimum level then shape what is shown; --fix / --diff apply the safe fixes
(fixes.py), never inside a quotation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claimcheck.atomic import write_atomically
from claimcheck.budget import NO_BUDGET, OverBudget
from claimcheck.checks.fixes import apply_fixes, in_quotation, mismatch_fix, unified_diff
from claimcheck.errors import ConfigError, InputError, UsageError
from claimcheck.ingest.files import (
    TEXT_SUFFIXES,
    InputFailure,
    InputWarning,
    decode_text,
    read_text_article,
    walk_folder,
)
from claimcheck.lint.config import LintConfig, load_config
from claimcheck.lint.markup import mask_code, mask_comments, mask_markdown
from claimcheck.lint.suppress import Suppression, apply_suppressions, parse_suppressions, unused_findings
from claimcheck.models import SEVERITY_RANK, Article, Claim, Finding, Fix, Report
from claimcheck.pipeline import (
    ArticleResult,
    Options,
    analyse,
    apply_overrides,
    locate_findings,
    over_budget,
    process_article,
)
from claimcheck.rules import HouseStyleDatesParams, Rule, RuleSet, load_rules
from claimcheck.spans import LineIndex

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2

CORPUS_RULES = frozenset({"figure-conflict", "date-conflict"})
"""Rules that compare sources: a draft alone has none, so they run only with --against."""
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


@dataclass
class Draft:
    article: Article
    """The draft as read: `text` is the body after the front matter."""
    masked: str
    """The body with Markdown syntax blanked out (same length)."""
    result: ArticleResult | None = None
    suppressions: list[Suppression] = field(default_factory=list)


# ---------------------------------------------------------------- rules and config


def _rule_name(name: str, rules: RuleSet, config: LintConfig, key: str) -> str:
    try:
        return rules.get(name).name
    except KeyError:
        raise ConfigError(f"{config.path}: key '{key}': no rule named '{name}'") from None


def lint_rules(rules: RuleSet, config: LintConfig, against: bool) -> RuleSet:
    """The rules lint runs: config enable/disable applied; cross-source rules need --against."""
    enable = {_rule_name(name, rules, config, "enable") for name in config.enable}
    disable = {_rule_name(name, rules, config, "disable") for name in config.disable}
    for name, _level in config.severity:
        _rule_name(name, rules, config, f"severity.{name}")
    selected: list[Rule] = []
    for rule in rules.rules:
        enabled = (rule.enabled or rule.name in enable) and rule.name not in disable
        if rule.name in CORPUS_RULES and not against:
            enabled = False
        updates: dict[str, Any] = {"enabled": enabled}
        if config.fix_style and isinstance(rule.settings, HouseStyleDatesParams):
            updates["settings"] = replace(rule.settings, style=config.fix_style)
        selected.append(replace(rule, **updates))
    return RuleSet(directory=rules.directory, rules=tuple(selected))


def fix_style(rules: RuleSet) -> str:
    for rule in rules.rules:
        if isinstance(rule.settings, HouseStyleDatesParams):
            return rule.settings.style
    return "ap"


# ---------------------------------------------------------------- reading drafts


def draft_files(paths: list[str]) -> list[tuple[Path, str, str | None]]:
    """(file, shown path, problem) of every draft; a folder contributes its .md/.markdown/.txt
    files, and its unreadable subfolders with the reason. A path that does not exist is kept:
    reading it reports it, and the other drafts are checked."""
    files: list[tuple[Path, str, str | None]] = []
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            files.append((root, given, None))
            continue
        for file, problem in walk_folder(root):
            if problem is not None or file.suffix.lower() in TEXT_SUFFIXES:
                files.append((file, str(file), problem))
    return files


def read_draft(file: Path, shown: str, warnings: list[InputWarning] | None = None) -> Draft | InputFailure:
    suffix = file.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        return InputFailure(shown, shown, f"lint reads Markdown and text drafts, not '{suffix}'")
    slips: list[InputWarning] = []
    try:
        article = read_text_article(file, shown, shown, {}, slips)
    except InputError as exc:
        return InputFailure(shown, shown, exc.reason)
    if warnings is not None:  # reported on the draft, named by its path like the draft
        warnings.extend(replace(slip, article_id=shown) for slip in slips)
    # Drafts are named by path (a front matter `id` could repeat across drafts).
    article = replace(article, id=shown)
    masker = mask_markdown if suffix in MARKDOWN_SUFFIXES else mask_comments
    return Draft(article, masker(article.text))


def resolve_draft(
    draft: Draft, published: date | None, options: Options, clock: Callable[[], date]
) -> ArticleResult:
    """Extract the masked draft's claims against its reference date (see the module docstring)."""
    article = replace(draft.article, text=draft.masked)
    if article.published is None and published is not None:
        article = replace(article, published=published, published_origin="argument")
    result = process_article(article, options)
    if result.article.published is None:
        today = clock()
        sys.stderr.write(
            f"claimcheck: {draft.article.path}: no publication date: "
            f"resolving against today {today.isoformat()}\n"
        )
        result = process_article(replace(article, published=today), options)
    return result


# ---------------------------------------------------------------- findings


def _anchor(finding: Finding, draft_claims: dict[str, Claim]) -> Finding | None:
    """A finding about a draft, anchored at the draft's words; None if it concerns no draft."""
    claims = [draft_claims[claim_id] for claim_id in finding.claim_ids if claim_id in draft_claims]
    if not claims:
        return None
    claim = claims[0]
    if finding.article_id == claim.article_id and finding.start is not None:
        return finding
    return replace(
        finding,
        article_id=claim.article_id,
        path=None,
        start=claim.start,
        end=claim.end,
        line=None,
        column=None,
        end_line=None,
        end_column=None,
    )


def draft_findings(report: Report, drafts: dict[str, Draft]) -> list[Finding]:
    draft_claims = {
        claim.id: claim
        for draft in drafts.values()
        if draft.result is not None
        for claim in draft.result.claims
    }
    kept = []
    for finding in report.findings:
        if finding.rule == "input-error" or (finding.article_id in drafts and not finding.claim_ids):
            kept.append(finding)
            continue
        anchored = _anchor(finding, draft_claims)
        if anchored is not None:
            kept.append(anchored)
        elif finding.article_id in drafts:
            kept.append(finding)
    return kept


def add_fixes(finding: Finding, draft: Draft, claims: dict[str, Claim], style: str) -> Finding:
    """Attach the mismatch fix where it is certain; drop any fix that would touch a quotation."""
    fix = finding.fix
    message = finding.message
    reference = draft.result.article.reference_date if draft.result else None
    if fix is None and finding.rule == "relative-date-mismatch" and finding.start is not None:
        end = finding.end if finding.end is not None else finding.start
        fix = mismatch_fix(draft.masked, finding.start, end, reference, style)
        if fix is not None:
            # The check may suggest either half; say which one the fix keeps, and why.
            message += f" (fix: '{fix.replacement}': a relative word goes stale, a day's name does not)"
    if fix is not None and not safe_fix(fix, finding, draft, claims):
        fix, message = None, finding.message
    if fix is finding.fix:
        return finding
    return replace(finding, fix=fix, message=message)


def safe_fix(fix: Fix, finding: Finding, draft: Draft, claims: dict[str, Claim]) -> bool:
    text = draft.article.text
    if any(claims[claim_id].quoted for claim_id in finding.claim_ids if claim_id in claims):
        return False
    if in_quotation(text, fix.start, fix.end):
        return False
    # The rewritten words must be prose: never a fix that reaches into masked Markdown syntax.
    return text[fix.start : fix.end] == draft.masked[fix.start : fix.end]


# ---------------------------------------------------------------- fixing


def read_raw(path: str) -> tuple[str, bytes, str]:
    """(text, byte-order mark, codec) of the draft, to write the fixes back in its own encoding."""
    try:
        return decode_text(Path(path).read_bytes(), path)
    except (OSError, InputError):
        raise UsageError(f"{path} changed while it was being checked; run lint again") from None


def fix_drafts(
    drafts: dict[str, Draft], findings: list[Finding], write: bool
) -> tuple[list[Finding], list[str]]:
    """Apply the fixes (write=True) or diff them; returns (findings left, diffs)."""
    by_draft: dict[str, list[Fix]] = {}
    for finding in findings:
        if finding.fix is not None and finding.article_id in drafts:
            by_draft.setdefault(finding.article_id, []).append(finding.fix)
    applied_keys: set[tuple[str, int, int, str]] = set()
    diffs = []
    for article_id, fixes in by_draft.items():
        draft = drafts[article_id]
        path = draft.article.path or article_id
        raw, bom, codec = read_raw(path)
        body = draft.article.text
        if not raw.endswith(body):
            raise UsageError(f"{path} changed while it was being checked; run lint again")
        prefix = raw[: len(raw) - len(body)]
        fixed, applied = apply_fixes(body, fixes)
        for fix in applied:
            applied_keys.add((article_id, fix.start, fix.end, fix.replacement))
        new_raw = prefix + fixed
        if write:
            try:  # a temporary file renamed over the draft: a full disk never leaves half a draft
                write_atomically(Path(path), bom + new_raw.encode(codec))
            except OSError as exc:
                raise UsageError(
                    f"{path}: cannot write the fixes ({exc.strerror or exc}); unchanged"
                ) from None
            sys.stderr.write(f"claimcheck: {path}: fixed {len(applied)} finding(s)\n")
        else:
            diffs.append(unified_diff(path, raw, new_raw))
    left = [
        finding
        for finding in findings
        if finding.fix is None
        or (finding.article_id or "", finding.fix.start, finding.fix.end, finding.fix.replacement)
        not in applied_keys
    ]
    return left, diffs


# ---------------------------------------------------------------- the command


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:  # the CLI checked -o before the work; a disk can still fill
            raise UsageError(f"-o {output}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)


def lint(
    args: argparse.Namespace, clock: Callable[[], date]
) -> tuple[Report, dict[str, Draft], LintConfig, RuleSet]:
    """Read, extract and check the drafts; the report holds the findings to show."""
    paths: list[str] = args.paths
    config = load_config(args.config, paths[0] if paths else None)
    rules_dir = args.rules or config.rules
    all_rules = load_rules(rules_dir)
    against: list[str] = list(args.against or [])
    rules = lint_rules(all_rules, config, bool(against))
    options = Options(
        rules_dir=rules_dir,
        severity_overrides=config.severity,
        boilerplate=False,
        budget=getattr(args, "document_budget", NO_BUDGET),
    )
    published = args.published
    clock = _once(clock)

    drafts: dict[str, Draft] = {}
    failures: list[InputFailure | InputWarning] = []
    warnings: list[InputWarning] = []
    for file, shown_path, problem in draft_files(paths):
        item = (
            InputFailure(shown_path, shown_path, problem)
            if problem
            else read_draft(file, shown_path, warnings)
        )
        if isinstance(item, InputFailure):
            failures.append(item)
            continue
        try:
            item.result = resolve_draft(item, published, options, clock)
        except OverBudget as exc:
            failures.append(over_budget(item.article, exc.reason))
            continue
        item.suppressions = parse_suppressions(
            mask_code(item.article.text) if file.suffix.lower() in MARKDOWN_SUFFIXES else item.article.text,
            all_rules,
        )
        drafts[item.article.id] = item
    failures.extend(warnings)

    results = [draft.result for draft in drafts.values() if draft.result is not None]
    if against:
        results.extend(reference_results(against, set(drafts), options))
    report = analyse(results, failures, options, rules)
    findings = draft_findings(report, drafts)

    claims = {claim.id: claim for result in results for claim in result.claims}
    style = fix_style(rules)
    shown: list[Finding] = []
    active = {rule.name for rule in rules.enabled()}
    for article_id, draft in drafts.items():
        own = [with_offset(f, draft) for f in findings if f.article_id == article_id]
        own = apply_suppressions(own, draft.suppressions)
        if "unused-suppression" in active:
            # `claimcheck-disable unused-suppression` keeps deliberate spare comments quiet; the
            # second pass drops the report of such a comment, which the first pass marked used.
            for _pass in range(2):
                unused = unused_findings(draft.suppressions, article_id, all_rules, active)
                unused = apply_suppressions(unused, draft.suppressions)
            own.extend(apply_overrides(unused, options))
        shown.extend(add_fixes(finding, draft, claims, style) for finding in own)
    shown.extend(finding for finding in findings if finding.article_id not in drafts)

    articles = {draft.article.id: draft.article for draft in drafts.values()}
    shown = [with_end(finding, drafts) for finding in locate_findings(shown, articles)]
    threshold = SEVERITY_RANK[config.min_level]
    shown = [finding for finding in shown if SEVERITY_RANK[finding.severity] >= threshold]
    shown.sort(key=lambda f: (f.path or "", f.line or 0, f.column or 0, f.code))

    draft_claim_ids = {claim.id for d in drafts.values() if d.result for claim in d.result.claims}
    final = Report(
        reference_date=published.date() if isinstance(published, datetime) else published,
        articles=[
            replace(draft.result.article, text=draft.article.text)
            for draft in drafts.values()
            if draft.result is not None
        ],
        claims=[
            unmask_claim(claim, drafts[claim.article_id])
            for claim in report.claims
            if claim.id in draft_claim_ids
        ],
        groups=[
            group
            for group in report.groups
            if any(claim_id in draft_claim_ids for claim_id in group.claim_ids)
        ],
        findings=shown,
    )
    return final, drafts, config, rules


def with_offset(finding: Finding, draft: Draft) -> Finding:
    """A finding located by line only gets the body offset suppressions are matched on."""
    if finding.start is not None or finding.line is None:
        return finding
    index = LineIndex(draft.article.text)
    line = finding.line - draft.article.body_line + 1
    if not 1 <= line <= index.line_count:
        return finding
    return replace(finding, start=index.offset(line, finding.column or 1))


def with_end(finding: Finding, drafts: dict[str, Draft]) -> Finding:
    """End line and column from the end offset, for editors and annotations that underline."""
    draft = drafts.get(finding.article_id or "")
    if draft is None or finding.end is None or finding.end_line is not None:
        return finding
    end_line, end_column = LineIndex(draft.article.text).position(finding.end)
    return replace(finding, end_line=end_line + draft.article.body_line - 1, end_column=end_column)


def unmask_claim(claim: Claim, draft: Draft) -> Claim:
    """The claim quoting the draft's own words (extraction read the masked text)."""
    text = draft.article.text
    sentence_end = claim.sentence_start + len(claim.sentence)
    return replace(
        claim, text=text[claim.start : claim.end], sentence=text[claim.sentence_start : sentence_end]
    )


def reference_results(paths: list[str], taken: set[str], options: Options) -> list[ArticleResult]:
    """The --against corpus, read as `claimcheck check` reads it (own dates, no --published)."""
    from claimcheck.pipeline import load

    articles, failures = load(paths)
    for failure in failures:
        sys.stderr.write(f"claimcheck: reference {failure.path} skipped: {failure.reason}\n")
    if not articles:
        raise UsageError(f"--against: no readable reference article in {' '.join(paths)}")
    results = []
    reference_options = Options(rules_dir=options.rules_dir, budget=options.budget)
    for article in articles:
        if article.id in taken:  # the same file name as a draft: keep the ids apart
            article = replace(article, id=f"against:{article.id}")
        try:
            results.append(process_article(article, reference_options))
        except OverBudget as exc:
            sys.stderr.write(f"claimcheck: reference {article.path or article.id} skipped: {exc.reason}\n")
    return results


def _once(clock: Callable[[], date]) -> Callable[[], date]:
    """The clock read at most once per run, whatever the number of undated drafts."""
    memo: list[date] = []

    def read() -> date:
        if not memo:
            memo.append(clock())
        return memo[0]

    return read


def run(args: argparse.Namespace, today: Callable[[], date]) -> int:
    report, drafts, config, _rules = lint(args, today)
    if not drafts:
        for finding in report.findings:
            sys.stderr.write(f"claimcheck: {finding.message}\n")
        sys.stderr.write("claimcheck: no readable draft\n")
        return EXIT_CANNOT_RUN
    findings = report.findings
    if args.diff:
        findings, diffs = fix_drafts(drafts, findings, write=False)
        _write("".join(diffs), args.output)
        return EXIT_FINDINGS if any(diffs) else EXIT_CLEAN
    if args.fix:
        findings, _ = fix_drafts(drafts, findings, write=True)
        report = replace(report, findings=findings)

    from claimcheck.render import RenderOptions, get_renderer

    # No summary line: a hook prints the findings only, and nothing for a clean draft.
    options = RenderOptions(
        color=getattr(args, "color", False), summary=False, rules_dir=args.rules or config.rules
    )
    _write(get_renderer(args.format).render(report, options), args.output)
    fail_on = args.fail_on or config.fail_on or "error"
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[finding.severity] >= threshold for finding in findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN
