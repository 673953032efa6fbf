"""Renderers: a golden file per format, SARIF schema validity, and escaping.

Regenerate the golden files deliberately with
    CLAIMCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_render.py
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from claimcheck.models import Article, Claim, ClaimGroup, Finding, Fix, GroupValue, Report, Story
from claimcheck.render import FORMATS, RenderOptions, get_renderer
from claimcheck.render._digest import digest, with_unit
from claimcheck.render.github import escape_data, escape_property
from claimcheck.render.markdown import escape
from claimcheck.serialize import from_data
from claimcheck.spans import LineIndex

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SARIF_SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
# Fixed rule files, so that editing a bundled rule's description does not change the goldens.
GOLDEN_RULES = HERE / "data" / "render-rules"
GOLDEN_OPTIONS = RenderOptions(tool_version="0.0.0-test", rules_dir=str(GOLDEN_RULES))
UPDATE = os.environ.get("CLAIMCHECK_UPDATE_GOLDEN") == "1"

GOLDEN_FILES = {
    "text": "report.txt",
    "json": "report.json",
    "markdown": "report.md",
    "html": "report.html",
    "sarif": "report.sarif",
    "github": "report.github.txt",
}

# Sentences written for these tests; one carries HTML, a Markdown link, a pipe and backticks.
WIRE_TEXT = (
    "Floods in the Marrow valley killed 40 people <script>alert(1)</script> on Wednesday, "
    "see [the map](http://evil.example/x) | `towns`.\n"
    "Repairs will cost $2.3 billion, the ministry said yesterday.\n"
)
DAILY_TEXT = (
    "Floods in the Marrow valley killed 25 people on Wednesday.\n"
    "The ministry put repairs at $2,300 million and said more than 6,000 homes were flooded.\n"
    "Rescuers worked through the night, 100% of them volunteers.\n"
)


def make_claim(
    claim_id: str, article: Article, wording: str, kind: str, body_line: int = 1, **fields: object
) -> Claim:
    """A claim at the first occurrence of `wording`, with its sentence and position."""
    start = article.text.index(wording)
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", start)
    line, column = LineIndex(article.text).position(start)
    return Claim(
        id=claim_id,
        article_id=article.id,
        kind=kind,  # type: ignore[arg-type]
        text=wording,
        start=start,
        end=start + len(wording),
        line=line + body_line - 1,
        column=column,
        sentence=article.text[line_start:line_end],
        sentence_start=line_start,
        **fields,  # type: ignore[arg-type]
    )


def located(article: Article, wording: str, **fields: object) -> Finding:
    """A finding spanning the first occurrence of `wording` in the article."""
    index = LineIndex(article.text)
    start = article.text.index(wording)
    line, column = index.position(start)
    end_line, end_column = index.position(start + len(wording))
    shift = article.body_line - 1
    return Finding(
        article_id=article.id,
        path=article.path,
        line=line + shift,
        column=column,
        end_line=end_line + shift,
        end_column=end_column,
        start=start,
        end=start + len(wording),
        **fields,  # type: ignore[arg-type]
    )


def sample_report() -> Report:
    wire = Article(
        id="wire-one.md",
        path="news/wire-one.md",
        source="Wire One",
        title="Floods <b>hit</b> the Marrow valley",
        published=date(2024, 5, 2),
        published_origin="metadata",
        story="s1",
        text=WIRE_TEXT,
        body_line=6,
    )
    copy = Article(
        id="coast-herald.md",
        path="news/coast-herald.md",
        source="Coast Herald",
        published=date(2024, 5, 2),
        published_origin="metadata",
        duplicate_of="wire-one.md",
        story="s1",
        text=WIRE_TEXT,
        body_line=6,
    )
    daily = Article(
        id="daily two.txt",
        path="news/daily two.txt",
        source="Daily Two",
        published=date(2024, 5, 2),
        published_origin="dateline",
        story="s1",
        text=DAILY_TEXT,
    )
    killed_wire = make_claim(
        "c1",
        wire,
        "40 people",
        "count",
        6,
        value=40,
        low=40,
        high=40,
        unit="person",
        base_value=40,
        base_unit="person",
        subject="people",
        predicate="killed",
    )
    cost_wire = make_claim(
        "c2",
        wire,
        "$2.3 billion",
        "money",
        6,
        value=2.3e9,
        low=2.25e9,
        high=2.35e9,
        unit="USD",
        base_value=2.3e9,
        base_unit="USD",
    )
    yesterday = make_claim(
        "c3", wire, "yesterday", "date", 6, timex="2024-05-01", relative=True, timex_type="DATE"
    )
    killed_copy = make_claim(
        "c4",
        copy,
        "40 people",
        "count",
        6,
        value=40,
        low=40,
        high=40,
        unit="person",
        base_value=40,
        base_unit="person",
        subject="people",
        predicate="killed",
    )
    killed_daily = make_claim(
        "c5",
        daily,
        "25 people",
        "count",
        value=25,
        low=25,
        high=25,
        unit="person",
        base_value=25,
        base_unit="person",
        subject="people",
        predicate="killed",
    )
    cost_daily = make_claim(
        "c6",
        daily,
        "$2,300 million",
        "money",
        value=2.3e9,
        low=2.3e9,
        high=2.3e9,
        unit="USD",
        base_value=2.3e9,
        base_unit="USD",
    )
    homes = make_claim(
        "c7",
        daily,
        "more than 6,000 homes",
        "count",
        value=6000,
        low=6000,
        high=float("inf"),
        unit="home",
        base_value=6000,
        base_unit="home",
        approx="more_than",
        predicate="flooded",
    )
    groups = [
        ClaimGroup(
            id="g1",
            label="people killed",
            claim_ids=["c1", "c4", "c5"],
            article_ids=[wire.id, copy.id, daily.id],
            status="conflict",
            story="s1",
            kind="count",
            independent_sources=2,
            values=[
                GroupValue(
                    value=40,
                    low=40,
                    high=40,
                    unit="person",
                    claim_ids=["c1", "c4"],
                    article_ids=[wire.id, copy.id],
                    independent_sources=1,
                ),
                GroupValue(
                    value=25,
                    low=25,
                    high=25,
                    unit="person",
                    claim_ids=["c5"],
                    article_ids=[daily.id],
                    independent_sources=1,
                ),
            ],
        ),
        ClaimGroup(
            id="g2",
            label="repair cost",
            claim_ids=["c2", "c6"],
            article_ids=[wire.id, daily.id],
            status="consistent",
            story="s1",
            kind="money",
            independent_sources=2,
            values=[
                GroupValue(
                    value=2.3e9,
                    low=2.25e9,
                    high=2.35e9,
                    unit="USD",
                    claim_ids=["c2"],
                    article_ids=[wire.id],
                    independent_sources=1,
                ),
                GroupValue(
                    value=2.3e9,
                    low=2.3e9,
                    high=2.3e9,
                    unit="USD",
                    claim_ids=["c6"],
                    article_ids=[daily.id],
                    independent_sources=1,
                ),
            ],
        ),
        # No `values`: the Markdown renderer derives them from the claims.
        ClaimGroup(
            id="g3",
            label="homes flooded",
            claim_ids=["c7"],
            article_ids=[daily.id],
            status="single_source",
            story="s1",
            kind="count",
            independent_sources=1,
        ),
    ]
    findings = [
        located(
            daily,
            "25 people",
            rule="figure-conflict",
            code="CC101",
            severity="error",
            claim_ids=["c1", "c5"],
            group_id="g1",
            message="people killed: 40 (Wire One), 25 (Daily Two) cannot all hold "
            "(40 and 25 are exact and differ)",
        ),
        located(
            wire,
            "yesterday",
            rule="relative-date-mismatch",
            code="CC203",
            severity="error",
            claim_ids=["c3"],
            message="'yesterday' is 2024-05-01, a Wednesday; did you mean on Wednesday?",
            fix=Fix(
                start=WIRE_TEXT.index("yesterday"),
                end=WIRE_TEXT.index("yesterday") + len("yesterday"),
                replacement="on Wednesday",
            ),
        ),
        located(
            daily,
            "through the night",
            rule="relative-date-ambiguous",
            code="CC202",
            severity="warning",
            message="'the night' can mean 2024-05-01 or 2024-05-02, 100%: check,\nthen write it",
        ),
        located(
            daily,
            "more than 6,000 homes",
            rule="relative-date-ambiguous",
            code="CC202",
            severity="info",
            claim_ids=["c7"],
            message="an info finding, with <html> and *stars* in it",
        ),
        Finding(
            rule="input-error",
            code="CC001",
            severity="error",
            article_id=None,
            path="news/broken.md",
            message="cannot read news/broken.md: front matter is not valid YAML",
        ),
    ]
    return Report(
        reference_date=date(2024, 5, 2),
        articles=[wire, copy, daily],
        stories=[
            Story(id="s1", label="Floods in the Marrow valley", article_ids=[wire.id, copy.id, daily.id])
        ],
        claims=[killed_wire, cost_wire, yesterday, killed_copy, killed_daily, cost_daily, homes],
        groups=groups,
        findings=findings,
    )


# --- golden files -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    rendered = get_renderer(fmt).render(sample_report(), GOLDEN_OPTIONS)
    path = GOLDEN / GOLDEN_FILES[fmt]
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8", newline="\n")
    assert path.is_file(), f"no golden file {path}; run with CLAIMCHECK_UPDATE_GOLDEN=1"
    assert rendered == path.read_text(encoding="utf-8"), f"{fmt} output differs from {path}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic_and_empty_report(fmt: str) -> None:
    renderer = get_renderer(fmt)
    assert renderer.render(sample_report()) == renderer.render(sample_report())
    empty = renderer.render(Report())
    assert isinstance(empty, str)
    assert empty.endswith("\n") or empty == ""


def test_unknown_format_is_a_usage_error() -> None:
    from claimcheck.errors import UsageError

    with pytest.raises(UsageError, match="unknown output format"):
        get_renderer("xml")


# --- text ---------------------------------------------------------------------------------


def test_text_lines_and_summary() -> None:
    lines = get_renderer("text").render(sample_report()).splitlines()
    assert lines[0] == (
        "news/broken.md: CC001 [input-error] cannot read news/broken.md: front matter is not valid YAML"
    )
    assert re.match(r"^news/daily two\.txt:1:36: CC101 \[figure-conflict\] ", lines[1])
    assert lines[-1] == ("5 findings (3 errors, 1 warning, 1 info) in 3 articles; 7 claims, 3 groups")
    assert all("\x1b" not in line for line in lines)


def test_text_hides_info_and_colours_on_request() -> None:
    options = RenderOptions(show_info=False, color=True)
    out = get_renderer("text").render(sample_report(), options)
    assert "an info finding" not in out
    assert "(1 info not shown)" in out
    assert "\x1b[1;31mCC101\x1b[0m" in out


def test_text_without_summary_is_silent_when_clean() -> None:
    options = RenderOptions(summary=False)
    assert get_renderer("text").render(Report(), options) == ""
    lines = get_renderer("text").render(sample_report(), options).splitlines()
    assert len(lines) == 5
    assert "findings" not in lines[-1]


def test_text_neutralizes_terminal_escapes() -> None:
    report = Report(
        findings=[
            Finding(
                rule="input-error",
                code="CC001",
                severity="error",
                article_id=None,
                path="a.txt",
                message="bad \x1b[2J text\nsecond line",
            )
        ]
    )
    out = get_renderer("text").render(report)
    assert "\x1b" not in out
    assert out.splitlines()[0] == "a.txt: CC001 [input-error] bad \ufffd[2J text second line"


# --- json ---------------------------------------------------------------------------------


def test_json_is_strict_and_versioned() -> None:
    out = get_renderer("json").render(sample_report())
    assert out.startswith('{\n  "version": 1,')
    data = json.loads(out, parse_constant=lambda name: pytest.fail(f"non-JSON constant {name}"))
    homes = next(claim for claim in data["claims"] if claim["id"] == "c7")
    assert homes["low"] == 6000
    assert homes["high"] is None  # "more than 6,000": no upper bound
    assert "text" not in data["articles"][0]  # working state stays out
    assert from_data(Report, data).claims[6].high is None


# --- github -------------------------------------------------------------------------------

# The workflow-command grammar as GitHub documents it:
# ::{command} {key}={value},{key}={value}::{message}
ANNOTATION_RE = re.compile(
    r"^::(?P<command>error|warning|notice)"
    r"(?: (?P<props>[A-Za-z]+=[^,:]*(?:,[A-Za-z]+=[^,:]*)*))?"
    r"::(?P<message>[^\r\n]*)$"
)
ANNOTATION_KEYS = {"file", "line", "col", "endLine", "endColumn", "title"}


def test_github_annotations_follow_the_command_syntax() -> None:
    lines = get_renderer("github").render(sample_report()).splitlines()
    assert len(lines) == 5
    commands = []
    for line in lines:
        match = ANNOTATION_RE.match(line)
        assert match, line
        props = dict(item.split("=", 1) for item in match["props"].split(","))
        assert set(props) <= ANNOTATION_KEYS
        commands.append((match["command"], props))
    assert [command for command, _ in commands] == ["error", "error", "notice", "warning", "error"]
    _, conflict = commands[1]
    assert conflict == {
        "file": "news/daily two.txt",
        "line": "1",
        "col": "36",
        "endLine": "1",
        "endColumn": "45",
        "title": "CC101 figure-conflict",
    }
    warning = lines[3]  # daily two.txt line 3 comes after its info finding on line 2
    assert warning.endswith("::'the night' can mean 2024-05-01 or 2024-05-02, 100%25: check,%0Athen write it")


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        pytest.param("plain", "plain", "plain", id="plain"),
        pytest.param("100%", "100%25", "100%25", id="percent"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="newlines"),
        pytest.param("x: y, z", "x: y, z", "x%3A y%2C z", id="colon-comma"),
        pytest.param("%0A", "%250A", "%250A", id="already-escaped-looking"),
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


# --- sarif --------------------------------------------------------------------------------


def sarif_validator():  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


@pytest.mark.parametrize(
    "report",
    [pytest.param(sample_report(), id="sample"), pytest.param(Report(), id="empty")],
)
def test_sarif_validates_against_the_official_schema(report: Report) -> None:
    log = json.loads(get_renderer("sarif").render(report))
    errors = sorted(sarif_validator().iter_errors(log), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_sarif_schema_check_catches_a_broken_log() -> None:
    log = json.loads(get_renderer("sarif").render(sample_report()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(sarif_validator().iter_errors(log))) == 2


def test_sarif_results_rules_and_fixes() -> None:
    from claimcheck.rules import load_rules

    log = json.loads(get_renderer("sarif").render(sample_report()))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in load_rules().rules]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = [result["level"] for result in run["results"]]
    assert levels == ["error", "error", "note", "warning", "error"]
    conflict = run["results"][1]["locations"][0]["physicalLocation"]
    assert conflict["artifactLocation"]["uri"] == "news/daily%20two.txt"
    assert conflict["region"] == {"startLine": 1, "startColumn": 36, "endLine": 1, "endColumn": 45}
    mismatch = next(result for result in run["results"] if result["ruleId"] == "CC203")
    (fix,) = mismatch["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    # Line 2 of the body, which starts on line 6 of the file (after front matter).
    assert replacement["deletedRegion"] == {"startLine": 7, "startColumn": 51, "endLine": 7, "endColumn": 60}
    assert replacement["insertedContent"] == {"text": "on Wednesday"}
    assert mismatch["locations"][0]["physicalLocation"]["region"] == replacement["deletedRegion"]


@pytest.mark.parametrize("extra", [[], ["--rules", str(HERE.parent / "rules")]])
def test_cli_sarif_of_the_examples_validates(
    extra: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from claimcheck.cli import main

    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01 not text")
    main(["check", str(HERE.parent / "examples"), str(broken), "--format", "sarif", *extra])
    log = json.loads(capsys.readouterr().out)
    assert not list(sarif_validator().iter_errors(log))
    assert any(result["ruleId"] == "CC001" for result in log["runs"][0]["results"])


def test_sarif_describes_rules_missing_from_the_rule_files() -> None:
    report = sample_report()
    extra = Finding(
        rule="house-style",
        code="CC901",
        severity="info",
        article_id=None,
        path="x.md",
        line=2,
        column=1,
        message="custom",
    )
    report = replace(report, findings=[*report.findings, extra])
    log = json.loads(get_renderer("sarif").render(report, GOLDEN_OPTIONS))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["CC001", "CC101", "CC202", "CC203", "CC901"]
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "CC901"]
    assert result["ruleIndex"] == 4
    assert not list(sarif_validator().iter_errors(log))


# --- markdown -----------------------------------------------------------------------------


def test_markdown_has_the_summary_parts() -> None:
    out = get_renderer("markdown").render(sample_report())
    assert out.startswith("# claimcheck consistency summary\n")
    for part in (
        "## Needs attention (3)",
        "1. **Input error: news/broken.md** (CC001 error): cannot read news/broken.md",
        "2. **Figure conflict: people killed** (CC101 error, [story 1](#story-1))",
        "   - Wire One, wire-one.md:6: “Floods in the Marrow valley killed **40 people** \\<script\\>",
        "**Date mismatch: “yesterday”** (CC203 error, [story 1](#story-1))",
        "**Input error: news/broken.md** (CC001 error)",
        '### <a id="story-1"></a>1. Floods in the Marrow valley',
        "3 articles from 2 sources: Wire One, Daily Two (1 syndicated copy); "
        "1 single-source figure (listed in the JSON).",
        "| people killed (g1) | ✗ conflict, see 2 | “40 people”: Wire One, Coast Herald (copy); "
        "“25 people”: Daily Two |",
        "| ✓ consistent      | “\\$2.3 billion”: Wire One; “\\$2,300 million”: Daily Two ",
        "- ⚠ CC202 relative-date-ambiguous: daily two.txt:3: 'the night' can mean",
        "- ℹ CC202 relative-date-ambiguous: daily two.txt:2: an info finding, with \\<html\\>",
    ):
        assert part in out, part
    # The attention list comes first; single-source groups without a finding are only counted.
    assert out.index("## Needs attention") < out.index("## Stories")
    assert "homes flooded" not in out
    assert "## Articles" not in out


def test_markdown_full_detail_lists_everything() -> None:
    out = get_renderer("markdown").render(sample_report(), RenderOptions(detail="full"))
    for part in (
        "| homes flooded (g3)",
        "· single source",
        "## Articles",
        "| coast-herald.md | Coast Herald | 2024-05-02 | metadata  | wire-one.md  |",
        "  - Daily Two, daily two.txt:2: “The ministry put repairs at \\$2,300 million and said "
        "**more than 6,000 homes** were flooded.”",
    ):
        assert part in out, part
    assert "single-source figure" not in out


def test_attention_items_show_a_few_quotes_unless_full() -> None:
    text = "Officials counted {} boats on Friday."
    articles = [
        Article(id=f"a{n}", source=f"Outlet {n}", story="s", text=text.format(n + 10)) for n in range(7)
    ]
    claims = [
        make_claim(f"c{n}", article, f"{n + 10} boats", "count", value=n + 10)
        for n, article in enumerate(articles)
    ]
    finding = Finding(
        rule="figure-conflict",
        code="CC101",
        severity="error",
        article_id="a0",
        claim_ids=[claim.id for claim in claims],
        message="boats: the counts differ",
    )
    story = Story(id="s", label="Boats", article_ids=[article.id for article in articles])
    report = Report(articles=articles, stories=[story], claims=claims, findings=[finding])
    summary = get_renderer("markdown").render(report)
    assert summary.count("   - Outlet ") == 4
    assert "   - and 3 more quotes (`--detail full`)" in summary
    full = get_renderer("markdown").render(report, RenderOptions(detail="full"))
    assert full.count("   - Outlet ") == 7 and "more quotes" not in full
    page = get_renderer("html").render(report)
    assert page.count("<blockquote>") == 7 and "<summary>3 more quotes</summary>" in page


def test_status_shown_agrees_with_the_findings() -> None:
    report = sample_report()
    # A conflict status that no finding explains shows as "differs"; a conflict finding makes "conflict".
    unexplained = replace(report, findings=[f for f in report.findings if f.rule != "figure-conflict"])
    statuses = {
        row.group.id: row.status
        for story in digest(unexplained, RenderOptions()).stories
        for row in story.rows
    }
    assert statuses == {"g1": "differs", "g2": "consistent"}
    explained = replace(report, groups=[replace(g, status="consistent") for g in report.groups])
    statuses = {
        row.group.id: row.status for story in digest(explained, RenderOptions()).stories for row in story.rows
    }
    assert statuses["g1"] == "conflict"


def test_one_unanchored_line_per_undated_article() -> None:
    text = "Talks resume on Monday and end next month. A vote follows on Friday."
    article = Article(id="a.md", path="a.md", source="Src", story="s", text=text)
    claims = [
        make_claim(f"c{n}", article, words, "date", relative=True)
        for n, words in enumerate(("Monday", "next month", "Friday"))
    ]
    findings = [
        Finding(
            rule="relative-date-unanchored",
            code="CC201",
            severity="warning",
            article_id="a.md",
            claim_ids=[claim.id],
            line=1,
            column=claim.column,
            message=f"{claim.text!r} is relative",
        )
        for claim in claims
    ]
    report = Report(
        articles=[article],
        stories=[Story(id="s", label="Talks", article_ids=["a.md"])],
        claims=claims,
        findings=findings,
    )
    out = get_renderer("markdown").render(report)
    lines = [line for line in out.splitlines() if "relative-date-unanchored" in line]
    assert lines == [
        "- ⚠ CC201 relative-date-unanchored: a.md has no publication date: “Monday”, “next month”, “Friday”"
    ]
    full = get_renderer("markdown").render(report, RenderOptions(detail="full"))
    assert full.count("  - Src, a.md:1: ") == 3


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        pytest.param(
            [
                ("55 miles", 55, "mile", 88513.92),
                ("89 km", 89, "kilometre", 89000.0),
                ("55 Miles", 55, "mile", 88513.92),
            ],
            ["55 miles", "89 km (= 55.3 miles)"],
            id="another-unit-also-in-the-common-one",
        ),
        pytest.param(
            [("$2.3bn", 2.3e9, "USD", 2.3e9), ("$2,300 million", 2.3e9, "USD", 2.3e9)],
            ["$2.3bn", "$2,300 million"],
            id="one-unit-as-written-only",
        ),
    ],
)
def test_values_are_shown_as_written(said: list[tuple[str, float, str, float]], expected: list[str]) -> None:
    articles = [
        Article(id=f"a{n}", source=f"S{n}", story="s", text=text) for n, (text, *_) in enumerate(said)
    ]
    claims = [
        Claim(
            id=f"c{n}",
            article_id=f"a{n}",
            kind="measure",
            text=text,
            start=0,
            end=len(text),
            value=value,
            unit=unit,
            base_value=base,
        )
        for n, (text, value, unit, base) in enumerate(said)
    ]
    group = ClaimGroup(
        id="g",
        label="distance",
        claim_ids=[claim.id for claim in claims],
        article_ids=[article.id for article in articles],
        status="consistent",
        story="s",
    )
    story = Story(id="s", label="x", article_ids=[article.id for article in articles])
    report = Report(articles=articles, stories=[story], claims=claims, groups=[group])
    (row,) = digest(report, RenderOptions()).stories[0].rows
    shown = [w.text + (f" (= {w.normalized})" if w.normalized else "") for w in row.wordings]
    assert shown == expected


def test_same_words_naming_different_dates_are_told_apart() -> None:
    said = [
        ("Thursday", "2021-06-10", True),
        ("Thursday", "2021-06-17", True),
        ("June 10", "2021-06-10", False),
    ]
    articles = [
        Article(id=f"a{n}", source=f"S{n}", story="s", text=text) for n, (text, *_) in enumerate(said)
    ]
    claims = [
        Claim(
            id=f"c{n}",
            article_id=f"a{n}",
            kind="date",
            text=text,
            start=0,
            end=len(text),
            timex=timex,
            relative=relative,
        )
        for n, (text, timex, relative) in enumerate(said)
    ]
    group = ClaimGroup(
        id="g",
        label="vote",
        claim_ids=[c.id for c in claims],
        article_ids=[a.id for a in articles],
        status="conflict",
        story="s",
        kind="date",
    )
    story = Story(id="s", label="x", article_ids=[a.id for a in articles])
    report = Report(articles=articles, stories=[story], claims=claims, groups=[group])
    (row,) = digest(report, RenderOptions()).stories[0].rows
    assert row.status == "differs"  # no date-conflict finding names the group
    shown = [(w.text, w.normalized, w.sources) for w in row.wordings]
    assert shown == [
        ("Thursday", "2021-06-10", ["S0"]),
        ("Thursday", "2021-06-17", ["S1"]),
        ("June 10", None, ["S2"]),
    ]


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (2.3e9, "USD", "$2,300,000,000"),
        (4.5, "percent", "4.5%"),
        (21, "day", "21 days"),
        (1, "week", "1 week"),
        (55.3, "mile", "55.3 miles"),
        (12, None, "12"),
    ],
)
def test_with_unit(value: float, unit: str | None, expected: str) -> None:
    assert with_unit(value, unit) == expected


def to_html(markdown: str) -> str:
    """GitHub's own renderer (cmark-gfm), with raw HTML allowed: only escaping can stop it."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


INJECTIONS = [
    pytest.param("<script>alert(1)</script>", "<script", id="script-tag"),
    pytest.param('<img src="x" onerror="alert(1)">', "<img", id="raw-html"),
    pytest.param("[click](http://evil.example)", "<a ", id="markdown-link"),
    pytest.param("![pic](http://evil.example/p.png)", "<img", id="markdown-image"),
    pytest.param("<http://evil.example>", "<a ", id="angle-autolink"),
    pytest.param("visit http://evil.example now", "<a ", id="bare-url"),
    pytest.param("visit www.evil.example now", "<a ", id="www-url"),
    pytest.param("cost `rm -rf` here", "<code>", id="backticks"),
    pytest.param("a *very* _big_ deal", "<em>", id="emphasis"),
    pytest.param("a **very** __big__ deal", "<strong>very", id="strong"),
    pytest.param("~~struck~~ out", "<del>", id="strikethrough"),
    pytest.param("&lt;b&gt; entity", "&lt;b&gt; entity", id="entity"),
    pytest.param("x\n# Heading\n\n| a | b |", "<h1>Heading", id="newline-heading"),
    pytest.param("x\n\n<div>block</div>", "<div>", id="html-block"),
    pytest.param("a | b | c", "<td> b", id="table-pipe"),
]


@pytest.mark.parametrize(("payload", "forbidden"), INJECTIONS)
def test_markdown_escapes_article_text(payload: str, forbidden: str) -> None:
    import html as html_module

    text = f"Officials said 12 bridges fell. {payload} The end."
    article = Article(id="a.md", path="a.md", source="Src | One", story="s", text=text)
    claim = make_claim("c1", article, "12 bridges", "count", value=12, unit="bridge")
    claim = replace(claim, sentence=text, sentence_start=0)
    payload_claim = Claim(
        id="c2", article_id="a.md", kind="count", text=payload, start=0, end=1, sentence=payload
    )
    report = Report(
        articles=[article],
        stories=[Story(id="s", label=payload, article_ids=["a.md"])],
        claims=[claim, payload_claim],
        groups=[
            ClaimGroup(
                id="g",
                label=payload,
                claim_ids=["c1", "c2"],
                article_ids=["a.md"],
                status="single_source",
                story="s",
            )
        ],
        findings=[
            Finding(
                rule="internal-conflict",
                code="CC102",
                severity="warning",
                article_id="a.md",
                claim_ids=["c1", "c2"],
                line=1,
                column=16,
                message=f"states {payload}",
            )
        ],
    )
    html = to_html(get_renderer("markdown").render(report, RenderOptions(detail="full")))
    # The report's own links to its story sections are the only links.
    html = re.sub(r'<a (?:href="#story-\d+"|id="story-\d+")>', "", html)
    assert forbidden not in html.replace(html_module.escape(payload.replace("\n", " ")), "")
    # The payload shows as the very text it is (line breaks as spaces): in the story
    # heading, the group table, the finding's message and its quotes.
    literal = html_module.escape(re.sub(r"\n+", " ", payload), quote=False).replace('"', "&quot;")
    assert html.count(literal) >= 5, html
    # Every table keeps its shape: a pipe in article text does not add a cell.
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        head, body = table.split("</thead>")
        for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S):
            assert len(re.findall(r"<td[ >]", row)) == len(re.findall(r"<th[ >]", head))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("plain words", "plain words", id="plain"),
        pytest.param("a|b", "a\\|b", id="pipe"),
        pytest.param("<b>", "\\<b\\>", id="angle"),
        pytest.param("$5 and $6", "\\$5 and \\$6", id="dollars-math"),
        pytest.param("line\nbreak", "line break", id="newline"),
        pytest.param("back\\slash", "back\\\\slash", id="backslash"),
        pytest.param("https://x.org", "https\\://x.org", id="url"),
        pytest.param("3.2% at 10:30", "3.2% at 10:30", id="numbers-untouched"),
    ],
)
def test_markdown_escape(raw: str, expected: str) -> None:
    assert escape(raw) == expected


def test_markdown_wrapped_lines_never_open_a_block() -> None:
    from claimcheck.render.markdown import wrap

    for filler in range(15, 25):
        text = "word " * filler + "- not a list item and 2023. not a number list + nor = this"
        html = to_html("\n".join(wrap(escape(text), "- ", "  ")))
        assert html.count("<li>") == 1
        assert "<ol" not in html
        assert "<h2>" not in html
    lines = wrap(escape("x " * 49 + "- y"), "- ", "  ")
    assert lines[-1].startswith("  \\- y")


def test_markdown_caps_the_sources_named_in_one_cell() -> None:
    articles = [Article(id=f"a{n}.md", source=f"Outlet {n}", text="x") for n in range(10)]
    claims = [
        Claim(id=f"a{n}.md@0-2", article_id=f"a{n}.md", kind="count", text="40", start=0, end=2, value=40)
        for n in range(10)
    ]
    repeated = Claim(id="a0.md@5-7", article_id="a0.md", kind="count", text="40", start=5, end=7, value=40)
    ids = [claim.id for claim in claims] + [repeated.id]
    group = ClaimGroup(
        id="g1",
        label="boats sunk",
        claim_ids=ids,
        article_ids=[a.id for a in articles],
        status="consistent",
        kind="count",
        values=[
            GroupValue(
                value=40,
                low=40,
                high=40,
                claim_ids=ids,
                article_ids=[a.id for a in articles],
                independent_sources=10,
            )
        ],
    )
    report = Report(articles=articles, claims=[*claims, repeated], groups=[group])
    rendered = get_renderer("markdown").render(report)
    row = next(line for line in rendered.splitlines() if line.startswith("| boats sunk (g1)"))
    assert row.count("“40”") == 1  # the repeated wording is shown once, with its first sources
    assert "“40”: Outlet 0, Outlet 1, Outlet 2, Outlet 3, 6 more |" in row
