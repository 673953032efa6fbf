"""`claimcheck lint`: masking, positions, suppressions, config, fixes, formats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimcheck.checks.fixes import apply_fixes, explicit_day, in_quotation, mismatch_fix, unified_diff
from claimcheck.checks.registry import resolve_check
from claimcheck.cli import build_parser
from claimcheck.errors import ConfigError
from claimcheck.lint import linter as lint
from claimcheck.lint.config import load_config
from claimcheck.lint.markup import mask_code, mask_markdown
from claimcheck.lint.suppress import apply_suppressions, parse_suppressions
from claimcheck.models import Fix
from claimcheck.rules import load_rules

SATURDAY = "2026-11-21"
FRIDAY = "2026-11-20"
TODAY = date(2026, 11, 23)  # a Monday, the clock the tests hand to lint

HOUSE_STYLE = 'enable = ["house-style-dates"]\n'


def needs_check(name: str, where: str) -> pytest.MarkDecorator:
    """Skip until the branch that implements the check has landed in main."""
    return pytest.mark.skipif(
        resolve_check(name) is None, reason=f"{where} is not implemented yet (check {name!r})"
    )


needs_mismatch = needs_check(
    "relative-date-mismatch", "claimcheck.checks.temporal.check_relative_date_mismatch"
)
needs_figures = needs_check("figure-conflict", "claimcheck.checks.figures.check_figure_conflict")


def draft(published: str | None, *body: str) -> str:
    front = f"---\ntitle: Council vote\npublished: {published}\n---\n" if published else ""
    return front + "\n".join(body) + "\n"


def finding_lines(out: str) -> list[str]:
    """The finding lines of text output (a renderer may add a summary line after them)."""
    return [line for line in out.splitlines() if ": CC" in line]


def run_lint(
    tmp_path: Path,
    text: str,
    *args: str,
    config: str | None = None,
    name: str = "draft.md",
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if config is not None:
        (tmp_path / ".claimcheck.toml").write_text(config, encoding="utf-8")
    parsed = build_parser().parse_args(["lint", str(path), *args])
    code = lint.run(parsed, today=lambda: TODAY)
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ masking

MASK_CASES = {
    "code span": ("Budget of `42 units` passed.", "42 units", "Budget of"),
    "double-backtick span": ("Run ``a `7` b`` now.", "a `7` b", "Run"),
    "fenced code": ("Text.\n\n```\nx = 15\n```\nAfter 16.", "x = 15", "After 16."),
    "tilde fence": ("Text.\n\n~~~py\ny = 3\n~~~\n", "y = 3", "Text."),
    "indented code": ("Para.\n\n    total = 13\n\nNext.", "total = 13", "Next."),
    "link target": (
        "Some [300 homes](https://x.org/2023/09/22) burned.",
        "2023/09/22",
        "300 homes",
    ),
    "link title": ('A [site](http://a.b "Page 4") here.', "Page 4", "site"),
    "image url": ("![chart of 4 towns](img/5.png)", "img/5.png", "chart of 4 towns"),
    "reference definition": ("Text [a][r].\n\n[r]: http://e.com/11 'T 12'\n", "e.com/11", "Text"),
    "reference link label": ("See [the report][r2020] now.", "r2020", "the report"),
    "autolink": ("Mail <https://e.com/7> now.", "e.com/7", "Mail"),
    "bare url": ("See www.example.com/2024/31 now.", "2024/31", "See"),
    "html comment": ("A <!-- 99 drafts --> B.", "99 drafts", "A "),
    "html tag": ('<span class="n9">10 cats</span>', "n9", "10 cats"),
    "footnote": ("Claim[^12] here.", "[^12]", "Claim"),
    "longer fence holds a shorter one": ("````\n```\nz = 8\n```\n````\nProse 9.", "z = 8", "Prose 9."),
    "unclosed fence runs to the end": ("Prose 1.\n```\nw = 5\nv = 6\n", "v = 6", "Prose 1."),
    "comment over lines": ("A 1.\n<!--\n2 drafts\n-->\nB 3.", "2 drafts", "B 3."),
    "url with parentheses": ("See [3 cases](https://w.org/a_(2019)) now.", "2019", "3 cases"),
}


@pytest.mark.parametrize("case", list(MASK_CASES), ids=list(MASK_CASES))
def test_masking_hides_markup_and_keeps_prose(case: str) -> None:
    text, hidden, kept = MASK_CASES[case]
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]
    assert hidden not in masked
    start = text.index(kept)
    assert masked[start : start + len(kept)] == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("- item one\n\n    continued 14 words\n", "continued 14 words"),
        ("Para line\n    still para 3\n", "still para 3"),
    ],
    ids=["list continuation", "indent inside a paragraph"],
)
def test_indented_text_that_is_not_code_stays(text: str, kept: str) -> None:
    assert kept in mask_markdown(text)


def test_mask_code_keeps_comments() -> None:
    text = "Real <!-- claimcheck-disable --> and `<!-- claimcheck-disable -->`."
    masked = mask_code(text)
    assert masked.count("claimcheck-disable") == 1


def test_markup_never_produces_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(
        SATURDAY,
        "Lead paragraph without figures.",
        "",
        "```",
        "moved = 4500",
        "```",
        "",
        "See [the filing](https://example.org/filings/2024/0312) and `run 77 jobs`.",
        "<!-- 88 comments -->",
    )
    code, out, _ = run_lint(tmp_path, text, "--format", "json", capsys=capsys)
    assert code == 0
    claims = json.loads(out)["claims"]
    assert claims == []


# ------------------------------------------------------------------ positions


def test_positions_count_front_matter_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(SATURDAY, "# Vote", "", "The mayor spoke today about it.")
    code, out, _ = run_lint(tmp_path, text, config=HOUSE_STYLE, capsys=capsys)
    assert code == 0  # house style is info: below the default --fail-on error
    # 4 front matter lines, then "# Vote", "", and the sentence on line 7.
    assert f"{tmp_path / 'draft.md'}:7:17: CC301 [house-style-dates]" in out
    assert "'Saturday'" in out


def test_claim_positions_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(SATURDAY, "Intro `code` [link](http://x.y/1)", "", "They met yesterday.")
    _, out, _ = run_lint(tmp_path, text, "--format", "json", capsys=capsys)
    claims = [c for c in json.loads(out)["claims"] if c["text"] == "yesterday"]
    assert [(c["line"], c["column"]) for c in claims] == [(7, 10)]


def test_undated_draft_uses_the_clock_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_lint(tmp_path, draft(None, "They met yesterday."), capsys=capsys)
    assert code == 0
    assert "no publication date: resolving against today 2026-11-23" in err


def test_published_argument_is_used_without_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = draft(None, "They met yesterday.")
    _, out, err = run_lint(tmp_path, text, "--published", SATURDAY, config=HOUSE_STYLE, capsys=capsys)
    assert "no publication date" not in err
    assert "'Friday'" in out


# ------------------------------------------------------------------ mismatch, fix, suppression

MISMATCH = draft(SATURDAY, "# Vote", "", "The council voted yesterday, Thursday, to approve it.")


@needs_mismatch
def test_mismatch_fails_with_position_and_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_lint(tmp_path, MISMATCH, capsys=capsys)
    assert code == 1
    assert f"{tmp_path / 'draft.md'}:7:19: CC203 [relative-date-mismatch]" in out
    _, out, _ = run_lint(tmp_path, MISMATCH, "--format", "json", capsys=capsys)
    (finding,) = [f for f in json.loads(out)["findings"] if f["rule"] == "relative-date-mismatch"]
    assert finding["fix"]["replacement"] == "Thursday"
    assert (finding["end_line"], finding["end_column"]) == (7, 38)


@needs_mismatch
def test_mismatch_diff_and_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_lint(tmp_path, MISMATCH, "--diff", capsys=capsys)
    assert code == 1
    assert "+The council voted Thursday to approve it." in out
    assert (tmp_path / "draft.md").read_text() == MISMATCH  # --diff never writes
    code, _, err = run_lint(tmp_path, MISMATCH, "--fix", capsys=capsys)
    assert code == 0
    assert "fixed 1" in err
    assert "The council voted Thursday to approve it." in (tmp_path / "draft.md").read_text()
    assert (tmp_path / "draft.md").read_text().startswith("---\ntitle: Council vote\n")


@needs_mismatch
@pytest.mark.parametrize(
    "comment",
    [
        "<!-- claimcheck-disable-next-line relative-date-mismatch -->",
        "<!-- claimcheck-disable-next-line CC203 -->",
        "<!-- claimcheck-disable-next-line -->",
        "<!-- claimcheck-disable relative-date-mismatch -->",
    ],
    ids=["next-line by name", "next-line by code", "next-line all", "region to end"],
)
def test_disable_comment_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str], comment: str) -> None:
    text = draft(SATURDAY, "# Vote", "", comment, "The council voted yesterday, Thursday, to act.")
    code, out, _ = run_lint(tmp_path, text, capsys=capsys)
    assert (code, out) == (0, "")


@needs_mismatch
def test_enable_closes_the_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(
        SATURDAY,
        "<!-- claimcheck-disable relative-date-mismatch -->",
        "The council voted yesterday, Thursday, to act.",
        "<!-- claimcheck-enable relative-date-mismatch -->",
        "The board met yesterday, Thursday, as well.",
    )
    code, out, _ = run_lint(tmp_path, text, capsys=capsys)
    assert code == 1
    assert out.count("[relative-date-mismatch]") == 1
    assert ":8:" in out


@needs_mismatch
def test_no_fix_inside_a_quotation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(SATURDAY, 'The mayor said: "We voted yesterday, Thursday, to act."')
    code, out, _ = run_lint(tmp_path, text, "--diff", capsys=capsys)
    assert out == ""
    assert code == 0


def test_unused_suppression_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(
        SATURDAY,
        "# Vote",
        "",
        "Nothing dated here.",
        "  <!-- claimcheck-disable-next-line relative-date-mismatch, no-such-rule -->",
        "Still nothing.",
    )
    code, out, _ = run_lint(tmp_path, text, capsys=capsys)
    assert code == 0  # a warning: below the default --fail-on error
    lines = finding_lines(out)
    assert len(lines) == 2
    assert all(":8:3: CC900 [unused-suppression]" in line for line in lines)
    assert "'relative-date-mismatch'" in lines[0] or "'relative-date-mismatch'" in lines[1]
    assert any("(no such rule)" in line for line in lines)
    code, _, _ = run_lint(tmp_path, text, "--fail-on", "warning", capsys=capsys)
    assert code == 1


HOUSE_CASES = {
    "next-line suppression used": (
        ["<!-- claimcheck-disable-next-line house-style-dates -->", "They met yesterday."],
        [],
    ),
    "region suppression used": (
        ["<!-- claimcheck-disable -->", "They met yesterday.", "<!-- claimcheck-enable -->"],
        [],
    ),
    "region closed by enable": (
        [
            "<!-- claimcheck-disable house-style-dates -->",
            "They met yesterday.",
            "<!-- claimcheck-enable house-style-dates -->",
            "They met again today.",
        ],
        ["8:16: CC301"],
    ),
    "suppression in a code block is an example": (
        ["```", "<!-- claimcheck-disable -->", "```", "They met yesterday."],
        ["8:10: CC301"],
    ),
    "unused-suppression itself suppressed": (
        [
            "<!-- claimcheck-disable-next-line unused-suppression -->",
            "<!-- claimcheck-disable-next-line internal-conflict -->",
            "Met today.",
        ],
        ["7:5: CC301"],
    ),
    "half-used suppression": (
        ["<!-- claimcheck-disable-next-line house-style-dates internal-conflict -->", "Met today."],
        ["5:1: CC900"],
    ),
}


@pytest.mark.parametrize("case", list(HOUSE_CASES), ids=list(HOUSE_CASES))
def test_suppressions_with_house_style(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    body, expected = HOUSE_CASES[case]
    _, out, _ = run_lint(tmp_path, draft(SATURDAY, *body), config=HOUSE_STYLE, capsys=capsys)
    found = [
        line.split(": ")[0].split(":", 1)[1] + ": " + line.split(": ")[1].split()[0]
        for line in finding_lines(out)
    ]
    assert found == expected


def test_finding_located_by_line_only_is_suppressed() -> None:
    from claimcheck.models import Article, Finding

    body = "<!-- claimcheck-disable-next-line internal-conflict -->\nFive and 6 homes.\n"
    draft_ = lint.Draft(Article(id="d", path="d.md", text=body, body_line=4), body)
    finding = Finding(rule="internal-conflict", code="CC102", severity="warning", article_id="d",
                      line=5, column=6, message="m")  # fmt: skip
    located = lint.with_offset(finding, draft_)
    assert located.start == body.index("and")
    suppressions = parse_suppressions(body, load_rules())
    assert apply_suppressions([located], suppressions) == []


def test_suppression_regions_unit() -> None:
    rules = load_rules()
    text = "a\n<!-- claimcheck-disable-next-line CC203 -->\nb yesterday\nc yesterday\n"
    (suppression,) = parse_suppressions(text, rules)
    assert suppression.regions == {"relative-date-mismatch": (text.index("b y"), text.index("\nc"))}
    assert suppression.unknown == []
    assert apply_suppressions([], [suppression]) == []


# ------------------------------------------------------------------ house style and fixes

EXPLICIT_DAY_CASES = {
    "adverb, ap": ("The council voted yesterday.", "ap", "The council voted Thursday."),
    "adverb, plain": ("The council voted yesterday.", "plain", "The council voted on Thursday."),
    "opening, ap": ("Yesterday, the council voted.", "ap", "Thursday, the council voted."),
    "opening, plain": ("Yesterday, the council voted.", "plain", "On Thursday, the council voted."),
    "subject": ("Yesterday was the deadline.", "plain", "Thursday was the deadline."),
    "after a preposition": ("Talks ran until yesterday.", "plain", "Talks ran until Thursday."),
    "possessive": ("After yesterday's vote.", "plain", "After Thursday's vote."),
    "predicate": ("The deadline is yesterday.", "plain", "The deadline is Thursday."),
    "proper name, ap": ("Smith met Jones yesterday.", "ap", "Smith met Jones on Thursday."),
    "first word, ap": ("Talks yesterday ended.", "ap", "Talks Thursday ended."),
}


@pytest.mark.parametrize("case", list(EXPLICIT_DAY_CASES), ids=list(EXPLICIT_DAY_CASES))
def test_explicit_day_grammar(case: str) -> None:
    text, style, expected = EXPLICIT_DAY_CASES[case]
    start = text.lower().index("yesterday")
    fix = explicit_day(text, start, start + len("yesterday"), "Thursday", style)
    assert apply_fixes(text, [fix])[0] == expected


MISMATCH_FIX_CASES = {
    "appositive mid-sentence": (
        "The council voted yesterday, Thursday, to act.",
        "The council voted Thursday to act.",
    ),
    "opening": ("Yesterday, Thursday, the council voted.", "Thursday, the council voted."),
    "end of sentence": ("The council voted yesterday, Thursday.", "The council voted Thursday."),
    "day first": ("They voted on Thursday, yesterday.", "They voted on Thursday."),
    "consistent: no fix": ("The council voted yesterday, Friday.", None),
    "no relative word: no fix": ("The vote was on Tuesday, March 12.", None),
}


@pytest.mark.parametrize("case", list(MISMATCH_FIX_CASES), ids=list(MISMATCH_FIX_CASES))
def test_mismatch_fix(case: str) -> None:
    text, expected = MISMATCH_FIX_CASES[case]
    start = next(text.lower().index(word) for word in ("yesterday", "tuesday") if word in text.lower())
    fix = mismatch_fix(text, start, start + 9, date.fromisoformat(SATURDAY))
    if expected is None:
        assert fix is None
    else:
        assert fix is not None
        assert apply_fixes(text, [fix])[0] == expected


QUOTE_CASES = {
    "straight quotes": ('He said "we met yesterday" then.', "yesterday", True),
    "after the quotation": ('He said "hi" and met yesterday.', "yesterday", False),
    "curly quotes": ("He said “we met yesterday” then.", "yesterday", True),
    "quotation opened on a previous line": ('"We met\nyesterday," he said.', "yesterday", True),
    "blockquote": ("> We met yesterday.", "yesterday", True),
    "plain prose": ("We met yesterday.", "yesterday", False),
    "new paragraph": ('He said "hi.\n\nWe met yesterday.', "yesterday", False),
}


@pytest.mark.parametrize("case", list(QUOTE_CASES), ids=list(QUOTE_CASES))
def test_in_quotation(case: str) -> None:
    text, word, expected = QUOTE_CASES[case]
    start = text.index(word)
    assert in_quotation(text, start, start + len(word)) is expected


def test_apply_fixes_backwards_and_skips_overlaps() -> None:
    text = "one two three four"
    fixes = [
        Fix(start=0, end=3, replacement="1"),
        Fix(start=4, end=13, replacement="2+3"),
        Fix(start=8, end=13, replacement="3"),  # overlaps the fix before it
        Fix(start=14, end=18, replacement="4"),
        Fix(start=14, end=18, replacement="4"),  # the same fix twice is applied once
    ]
    new, applied = apply_fixes(text, fixes)
    assert new == "1 two 3 4"
    assert len(applied) == 3


def test_unified_diff() -> None:
    diff = unified_diff("d.md", "a\nb\n", "a\nc\n")
    assert diff.splitlines()[:2] == ["--- d.md", "+++ d.md"]
    assert "-b" in diff and "+c" in diff


def test_house_style_fix_and_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(
        SATURDAY,
        "The council voted yesterday and meets again tomorrow.",
        'The mayor said: "It was signed yesterday."',
        "Talks last Friday ended.",
    )
    code, out, _ = run_lint(tmp_path, text, "--diff", config=HOUSE_STYLE, capsys=capsys)
    assert code == 1
    assert "+The council voted Friday and meets again Sunday." in out
    assert "+Talks Friday ended." in out
    assert "It was signed yesterday" in out and "+The mayor" not in out
    assert (tmp_path / "draft.md").read_text() == text
    code, out, _ = run_lint(tmp_path, text, "--fix", config=HOUSE_STYLE, capsys=capsys)
    fixed = (tmp_path / "draft.md").read_text()
    assert "The council voted Friday and meets again Sunday." in fixed
    assert '"It was signed yesterday."' in fixed
    assert finding_lines(out) == []  # everything was fixed


def test_house_style_is_off_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_lint(tmp_path, draft(SATURDAY, "They voted yesterday."), capsys=capsys)
    assert (code, out) == (0, "")


def test_house_style_plain_fix_style(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = HOUSE_STYLE + 'fix-style = "plain"\n'
    text = draft(SATURDAY, "They voted yesterday.")
    _, out, _ = run_lint(tmp_path, text, "--diff", config=config, capsys=capsys)
    assert "+They voted on Friday." in out


# ------------------------------------------------------------------ config

CONFIG_ERRORS = {
    "unknown key": ('enabel = ["x"]\n', "key 'enabel'"),
    "unknown rule": ('disable = ["no-such-rule"]\n', "no rule named 'no-such-rule'"),
    "bad level": ('min-level = "loud"\n', "key 'min-level'"),
    "bad severity": ('[severity]\nunused-suppression = "fatal"\n', "severity.unused-suppression"),
    "bad toml": ("enable = [\n", "invalid TOML"),
}


@pytest.mark.parametrize("case", list(CONFIG_ERRORS), ids=list(CONFIG_ERRORS))
def test_config_errors_exit_2_naming_key_and_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    config, expected = CONFIG_ERRORS[case]
    path = tmp_path / "draft.md"
    path.write_text(draft(SATURDAY, "Plain text."), encoding="utf-8")
    (tmp_path / ".claimcheck.toml").write_text(config, encoding="utf-8")
    from claimcheck.cli import main

    assert main(["lint", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert ".claimcheck.toml" in err


def test_pyproject_section_is_found_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\nmin-level = "warning"\nfix-style = "plain"\n', encoding="utf-8"
    )
    nested = tmp_path / "drafts" / "2026"
    nested.mkdir(parents=True)
    (nested / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    config = load_config(None, str(nested / "a.md"))
    assert config.path == str(tmp_path / "pyproject.toml")
    assert (config.min_level, config.fix_style) == ("warning", "plain")


def test_pyproject_unknown_key_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\nlevel = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml: key 'level'"):
        load_config(None, str(tmp_path / "a.md"))


def test_config_min_level_and_severity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(SATURDAY, "<!-- claimcheck-disable-next-line -->", "Nothing.")
    code, out, _ = run_lint(tmp_path, text, config='min-level = "error"\n', capsys=capsys)
    assert (code, out) == (0, "")
    config = '[severity]\nunused-suppression = "error"\n'
    code, out, _ = run_lint(tmp_path, text, config=config, capsys=capsys)
    assert code == 1
    assert "CC900" in out


def test_config_disable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = draft(SATURDAY, "<!-- claimcheck-disable-next-line -->", "Nothing.")
    code, out, _ = run_lint(tmp_path, text, config='disable = ["unused-suppression"]\n', capsys=capsys)
    assert (code, out) == (0, "")


# ------------------------------------------------------------------ inputs, formats, exit codes


def test_unreadable_draft_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(b"\x00\x01binary")
    parsed = build_parser().parse_args(["lint", str(path)])
    assert lint.run(parsed, today=lambda: TODAY) == 2
    assert "no readable draft" in capsys.readouterr().err


def test_unreadable_draft_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.md").write_bytes(b"\xc3\x28 bad")  # not UTF-8 (b"\xff\xfe" is now read as UTF-16's mark)
    (tmp_path / "good.md").write_text(draft(SATURDAY, "Fine."), encoding="utf-8")
    parsed = build_parser().parse_args(["lint", str(tmp_path)])
    assert lint.run(parsed, today=lambda: TODAY) == 1
    assert "CC001 [input-error]" in capsys.readouterr().out


def test_draft_with_a_metadata_slip_is_linted_and_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "draft.md"
    path.write_text(f"---\ntitle: Council vote: 5-2\npublished: {SATURDAY}\n---\nFine.\n", encoding="utf-8")
    parsed = build_parser().parse_args(["lint", str(path)])
    assert lint.run(parsed, today=lambda: TODAY) == 0  # a warning, below the default fail-on
    out = capsys.readouterr().out
    assert f"{path}:2:1: CC002 [input-warning]" in out
    assert "read as title = 'Council vote: 5-2'" in out


def test_text_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_lint(
        tmp_path,
        "Council vote\n\nThey voted yesterday.\n",
        "--published",
        SATURDAY,
        name="draft.txt",
        config=HOUSE_STYLE,
        capsys=capsys,
    )
    assert code == 0
    assert "draft.txt:3:12: CC301" in out


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    try:
        from claimcheck.render import get_renderer

        get_renderer(fmt)
    except ModuleNotFoundError:
        pytest.skip(f"claimcheck.render.{fmt} is not in main yet (render branch)")
    text = draft(SATURDAY, "<!-- claimcheck-disable-next-line -->", "Nothing.")
    code, out, _ = run_lint(tmp_path, text, "--format", fmt, "--fail-on", "warning", capsys=capsys)
    assert code == 1
    if fmt == "json":
        (finding,) = json.loads(out)["findings"]
        assert (finding["rule"], finding["line"], finding["column"]) == ("unused-suppression", 5, 1)
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"][0]["ruleId"] in ("CC900", "unused-suppression")
    else:
        assert out.startswith("::warning ")
        assert "line=5" in out


# ------------------------------------------------------------------ --against

REFERENCE = "---\ntitle: Valencia floods kill dozens\nsource: Wire\npublished: 2026-11-21\n---\n{}\n"
FLOODS = "Emergency officials in Valencia said {} people were killed in the floods, {}."


@needs_figures
@pytest.mark.parametrize(
    ("draft_sentence", "flagged"),
    [
        (FLOODS.format("45", "according to Carlos Mazón"), True),
        (FLOODS.format("about 30", "according to Carlos Mazón"), False),
        (FLOODS.format("32", "according to Carlos Mazón"), False),
    ],
    ids=["contradiction", "rounded figure", "same figure"],
)
def test_against_reference_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], draft_sentence: str, flagged: bool
) -> None:
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "wire.md").write_text(
        REFERENCE.format(FLOODS.format("32", "the government of Carlos Mazón confirmed")),
        encoding="utf-8",
    )
    code, out, _ = run_lint(
        tmp_path,
        draft(SATURDAY, "# Floods", "", draft_sentence),
        "--against",
        str(wire),
        capsys=capsys,
    )
    if flagged:
        assert code == 1
        assert f"{tmp_path / 'draft.md'}:7:38: CC101 [figure-conflict]" in out
        assert '"32 people were killed' in out  # the message quotes the reference
    else:
        assert "figure-conflict" not in out


def test_sarif_validates_and_carries_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("tests/data/sarif-schema-2.1.0.json is not in main yet (render branch)")
    text = draft(SATURDAY, "They voted yesterday.")
    _, out, _ = run_lint(tmp_path, text, "--format", "sarif", config=HOUSE_STYLE, capsys=capsys)
    log = json.loads(out)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 12)
    (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "Friday"
    assert replacement["deletedRegion"]["startLine"] == 5
