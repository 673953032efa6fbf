"""Command line: `claimcheck check|extract|lint|report|rules|schema`.

The CLI is the only place that reads the clock or the environment; everything
below it gets the reference date passed in. Heavy modules are imported inside
the command that needs them, so `claimcheck lint` starts fast.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from claimcheck import __version__
from claimcheck.budget import DEFAULT_CLAIMS, DEFAULT_SECONDS, Budget
from claimcheck.errors import ClaimcheckError, UsageError

if TYPE_CHECKING:
    from claimcheck.models import Report

T = TypeVar("T")

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_CANNOT_RUN = 2

FAIL_ON_CHOICES = ("error", "warning", "info", "never")


def _published(value: str) -> date | datetime:
    from claimcheck.ingest.published import parse_published

    try:
        return parse_published(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _seconds(value: str) -> float:
    """--budget: a positive, finite number of seconds."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not (math.isfinite(seconds) and seconds > 0):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value}")
    return seconds


def _claims(value: str) -> int:
    """--budget-claims: a whole number, at least 1."""
    try:
        claims = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if claims < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return claims


def _add_common(parser: argparse.ArgumentParser, *, manifest: bool = True) -> None:
    if manifest:
        parser.add_argument(
            "--manifest", metavar="FILE.csv", help="CSV with path,source,published[,url,title]"
        )
    parser.add_argument(
        "--published",
        type=_published,
        metavar="DATE",
        help="publication date (ISO) for articles whose metadata and text give none",
    )
    parser.add_argument("--rules", metavar="DIR", help="folder of rule files (default: the bundled rules)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout")
    parser.add_argument(
        "--budget",
        type=_seconds,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help="time per document (reading, extraction and analysis); a slower one is reported "
        f"as an input error and the run goes on (default: {DEFAULT_SECONDS:g})",
    )
    parser.add_argument(
        "--budget-claims",
        type=_claims,
        default=DEFAULT_CLAIMS,
        metavar="N",
        help=f"claims per document; a document with more is reported as an input error "
        f"(default: {DEFAULT_CLAIMS})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Claim-and-figure consistency checker for news.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser("check", help="extract, group and check articles; print a report")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (read recursively)")
    _add_common(check)
    check.add_argument(
        "--format", choices=("text", "json", "markdown", "html", "sarif", "github"), default="text"
    )
    check.add_argument(
        "--detail",
        choices=("summary", "full"),
        default="summary",
        help="markdown and html: groups with more than one source or a finding (summary), or everything",
    )
    check.add_argument(
        "--fail-on", choices=FAIL_ON_CHOICES, default="error", help="exit 1 at or above this level"
    )
    check.add_argument("--quiet", action="store_true", help="no progress bar and no summary line on stderr")

    extract = commands.add_parser("extract", help="print the claims only (no grouping)")
    extract.add_argument("paths", nargs="*", metavar="PATH")
    _add_common(extract)
    extract.add_argument("--format", choices=("json", "jsonl"), default="json")

    lint = commands.add_parser("lint", help="pre-publish check of Markdown or text drafts")
    lint.add_argument(
        "paths", nargs="+", metavar="FILE", help="Markdown or text drafts (a folder: its .md/.markdown/.txt)"
    )
    _add_common(lint, manifest=False)
    lint.add_argument(
        "--against",
        nargs="+",
        metavar="PATH",
        default=[],
        help="reference corpus to compare figures with",
    )
    lint.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    lint.add_argument(
        "--fail-on", choices=FAIL_ON_CHOICES, default=None, help="exit 1 at or above this level"
    )
    lint.add_argument("--fix", action="store_true", help="rewrite what has one safe rewrite")
    lint.add_argument("--diff", action="store_true", help="show the fixes as a diff without writing")
    lint.add_argument("--config", metavar="FILE", help="pyproject.toml or .claimcheck.toml to use")

    report = commands.add_parser("report", help="nightly report: Markdown, JSON and HTML in dated files")
    report.add_argument("paths", nargs="*", metavar="PATH")
    _add_common(report)
    report.add_argument("--out", metavar="DIR", default="reports", help="folder of the dated reports")
    report.add_argument(
        "--store",
        metavar="FILE|URL",
        help="claim store: an SQLite file, or postgresql://USER@HOST/DB (default: OUT/claimcheck.sqlite)",
    )
    report.add_argument(
        "--date", type=_published, metavar="YYYY-MM-DD", help="the report's date (default: today)"
    )
    report.add_argument(
        "--window", type=int, default=1, metavar="DAYS", help="days of articles in the report"
    )
    report.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: cores)"
    )
    report.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: worker processes here (default); dask: a Dask cluster (needs claimcheck[dask])",
    )
    report.add_argument(
        "--scheduler",
        metavar="tcp://HOST:8786",
        help="with --engine dask: the cluster's scheduler (default: a local cluster of --jobs processes)",
    )
    report.add_argument("--quiet", action="store_true", help="no progress output")
    report.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long for another run holding the store (default: fail at once)",
    )
    report.add_argument(
        "--fail-on", choices=FAIL_ON_CHOICES, default="error", help="exit 1 at or above this level"
    )

    rules = commands.add_parser("rules", help="list every rule with code, name, severity and summary")
    rules.add_argument("--rules", metavar="DIR")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    commands.add_parser("schema", help="print the JSON Schema of the report")
    return parser


def document_budget(args: argparse.Namespace) -> Budget:
    """The per-document budget of a command, timed by the CLI's clock."""
    return Budget(args.budget, args.budget_claims, time.monotonic)


def today() -> date:
    """The local calendar date: the CLI's one clock read, for commands that need a default."""
    return datetime.now().astimezone().date()


def check_output(output: str) -> None:
    """Refuse an -o that cannot be written before the work, naming it (UsageError)."""
    path = Path(output)
    folder = path.parent
    if path.is_dir():
        raise UsageError(f"-o {output}: is a folder; give a file name")
    if not folder.is_dir():
        raise UsageError(f"-o {output}: folder {folder} does not exist")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise UsageError(f"-o {output}: permission denied")


def write_output(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:  # checked before the work, but a disk can fill or a folder go
            raise UsageError(f"-o {output}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)


def note_skipped(skipped: list[str]) -> None:
    if skipped:
        from claimcheck.ingest.files import skipped_note

        sys.stderr.write(f"claimcheck: {skipped_note(skipped)}\n")


def exit_code(report: Report, fail_on: str, articles_read: int) -> int:
    from claimcheck.models import SEVERITY_RANK

    if articles_read == 0:
        return EXIT_CANNOT_RUN
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[finding.severity] >= threshold for finding in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def terminal_color(fmt: str, args: argparse.Namespace | None) -> bool:
    """Colour only for a terminal, and never against the NO_COLOR convention."""
    return (
        fmt == "text"
        and getattr(args, "output", None) is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )


def render(report: Report, fmt: str, args: argparse.Namespace | None = None) -> str:
    from claimcheck.render import RenderOptions, get_renderer

    options = RenderOptions(
        color=terminal_color(fmt, args),
        rules_dir=getattr(args, "rules", None),
        detail=getattr(args, "detail", "summary"),
    )
    return get_renderer(fmt).render(report, options)


class Bar:
    """A progress bar on a terminal's stderr for runs long enough to wait for; silent otherwise."""

    DELAY = 1.0
    """Seconds before the bar shows: a quick run prints nothing."""
    WIDTH = 24

    def __init__(self, stream: TextIO, total: int, quiet: bool = False) -> None:
        self.stream = stream
        self.total = total
        self.on = not quiet and total > 0 and stream.isatty()
        self.began = self.shown = time.monotonic()
        self.drawn = False

    def over(self, items: Iterable[T], what: str) -> Iterator[T]:
        """`items`, drawing the bar as they are consumed."""
        for done, item in enumerate(items):
            self.draw(done, what)
            yield item
        self.draw(self.total, what)

    def draw(self, done: int, what: str) -> None:
        now = time.monotonic()
        if not self.on or now - self.began < self.DELAY or (now - self.shown < 0.1 and done < self.total):
            return
        self.shown, self.drawn = now, True
        share = min(done / self.total, 1.0)
        filled = int(share * self.WIDTH)
        self.stream.write(
            f"\r\x1b[Kclaimcheck: [{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} "
            f"{done}/{self.total} {what}"
        )
        self.stream.flush()

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def summary_line(report: Report, seconds: float) -> str:
    """'300 articles, 100 stories, 4 conflicts, 2 date mismatches, 12.3 s'."""
    from claimcheck.render._common import CONFLICT_RULES, plural

    rules = [finding.rule for finding in report.findings]
    conflicts = sum(rules.count(rule) for rule in CONFLICT_RULES)
    return ", ".join(
        [
            plural(len(report.articles), "article"),
            plural(len(report.stories), "story", "stories"),
            plural(conflicts, "conflict"),
            plural(rules.count("relative-date-mismatch"), "date mismatch", "date mismatches"),
            f"{seconds:.1f} s",
        ]
    )


def run_check(args: argparse.Namespace) -> int:
    from claimcheck.ingest.files import InputWarning
    from claimcheck.pipeline import Options, check_articles, load

    began = time.monotonic()
    options = Options(rules_dir=args.rules, published=args.published, budget=document_budget(args))
    skipped: list[str] = []
    warnings: list[InputWarning] = []
    articles, failures = load(args.paths, args.manifest, skipped, warnings)
    note_skipped(skipped)
    bar = Bar(sys.stderr, len(articles), args.quiet)
    report = check_articles(bar.over(articles, "articles"), options, [*failures, *warnings])
    bar.clear()
    write_output(render(report, args.format, args), args.output)
    if not report.articles:
        sys.stderr.write("claimcheck: no readable input\n")
    elif not args.quiet:
        sys.stderr.write(f"claimcheck: {summary_line(report, time.monotonic() - began)}\n")
    return exit_code(report, args.fail_on, len(report.articles))


def run_extract(args: argparse.Namespace) -> int:
    import json

    from claimcheck.ingest.files import InputFailure, InputWarning
    from claimcheck.pipeline import Options, failure_finding, load, process_within_budget
    from claimcheck.rules import load_rules
    from claimcheck.serialize import dumps, to_data

    options = Options(rules_dir=args.rules, published=args.published, budget=document_budget(args))
    skipped: list[str] = []
    warnings: list[InputWarning] = []
    articles, failures = load(args.paths, args.manifest, skipped, warnings)
    note_skipped(skipped)
    problems: list[InputFailure | InputWarning] = [*failures, *warnings]
    results = process_within_budget(articles, options, problems)
    claims = [claim for result in results for claim in result.claims]
    rules = load_rules(args.rules)
    errors = [failure_finding(problem, rules) for problem in problems]
    if args.format == "jsonl":
        lines = [dumps(claim) for claim in claims]
        text = "".join(line + "\n" for line in lines)
    else:
        payload = {
            "version": 1,
            "articles": [to_data(result.article) for result in results],
            "claims": to_data(claims),
        }
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    write_output(text, args.output)
    for error in errors:  # `extract` prints claims only; input problems are named on stderr
        sys.stderr.write(f"claimcheck: {error.path}: {error.code} [{error.rule}] {error.message}\n")
    return EXIT_CLEAN if articles else EXIT_CANNOT_RUN


def run_rules(args: argparse.Namespace) -> int:
    import json

    from claimcheck.checks.registry import check_status
    from claimcheck.rules import load_rules

    ruleset = load_rules(args.rules)
    rows = [
        {
            "code": rule.code,
            "name": rule.name,
            "severity": rule.severity,
            "status": check_status(rule),
            "summary": rule.summary,
        }
        for rule in ruleset.rules
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        status = "" if row["status"] == "active" else f" [{row['status']}]"
        sys.stdout.write(
            f"{row['code']}  {row['name']:<{width}}  {row['severity']:<7}  {row['summary']}{status}\n"
        )
    return EXIT_CLEAN


def run_schema(args: argparse.Namespace) -> int:
    import json

    from claimcheck.serialize import json_schema

    schema = json_schema()
    sys.stdout.write(json.dumps(schema, indent=2) + "\n")
    return EXIT_CLEAN


def run_lint(args: argparse.Namespace) -> int:
    from claimcheck.cache import compiled_functions, compiled_patterns

    # A hook starts lint cold each time: the regular expressions and the dataclasses' methods
    # compiled at import come from the cache.
    with compiled_patterns(), compiled_functions():
        from claimcheck.lint.linter import run

        args.color = terminal_color(args.format, args)
        args.document_budget = document_budget(args)
        return run(args, today=today)


def run_report(args: argparse.Namespace) -> int:
    from claimcheck.nightly.runner import run

    args.document_budget = document_budget(args)
    return run(args, today=today)


COMMANDS = {
    "check": run_check,
    "extract": run_extract,
    "lint": run_lint,
    "report": run_report,
    "rules": run_rules,
    "schema": run_schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    from claimcheck import cache

    parser = build_parser()
    args = parser.parse_args(argv)
    cache.configure(cache.cache_folders(os.environ))
    try:
        if getattr(args, "output", None):
            check_output(args.output)
        return COMMANDS[args.command](args)
    except ClaimcheckError as exc:
        sys.stderr.write(f"claimcheck: {exc}\n")
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        sys.stderr.write("claimcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # the user gets a message, not a traceback
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        sys.stderr.write(
            f"claimcheck: internal error: {type(exc).__name__}: {exc}\n"
            "(set CLAIMCHECK_DEBUG=1 for the traceback, and please report it)\n"
        )
        return EXIT_CANNOT_RUN


__all__ = ["UsageError", "main"]
