"""The command line: commands, output files, exit codes, and bad input."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import Bar, main
from tests.shared import SEEDS
from tests.test_rules import CONTRACT_RULES

REPO = Path(__file__).resolve().parent.parent
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@needs_seeds
def test_check_seeds_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        ["check", str(SEEDS), "--manifest", str(SEEDS / "manifest.csv"), "--format", "json"], capsys
    )
    report = json.loads(out)
    assert report["version"] == 1
    ids = sorted(article["id"] for article in report["articles"])
    assert ids == sorted(path.name for path in SEEDS.glob("00*.txt"))
    assert "003_c49317ddb2646f04.txt" in ids
    for article in report["articles"]:
        assert article["published"] == "2023-09-22"
        assert article["published_origin"] == "metadata"
    texts = {path.name: path.read_text(encoding="utf-8") for path in SEEDS.glob("00*.txt")}
    assert report["claims"]
    for claim in report["claims"]:
        assert texts[claim["article_id"]][claim["start"] : claim["end"]] == claim["text"]
    assert code in (0, 1)


def test_rules_lists_the_contract_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    listed = {line.split()[1] for line in out.splitlines() if line.strip()}
    assert listed >= CONTRACT_RULES
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rows = json.loads(out)
    assert {"code", "name", "severity", "status", "summary"} <= set(rows[0])


def test_schema_is_the_report_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    schema = json.loads(out)
    assert code == 0
    assert {"version", "articles", "claims", "groups", "findings"} <= set(schema["properties"])
    claim = schema["$defs"]["Claim"]["properties"]
    for field in ("start", "end", "value", "low", "high", "base_value", "approx", "timex", "relative"):
        assert field in claim


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_2_when_no_input_is_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00binary")
    code, out, err = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert code == 2
    report = json.loads(out)
    [finding] = report["findings"]
    assert finding["rule"] == "input-error"
    assert "bin.txt" in finding["message"]
    assert "no readable input" in err


def test_exit_2_on_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", str(tmp_path), "--published", "not-a-date"])
    assert caught.value.code == 2
    code, out, err = run(["check", str(tmp_path / "missing")], capsys)
    assert code == 2
    assert "no such file" in out and "no readable input" in err
    assert "Traceback" not in err


def test_bad_file_is_an_error_finding_and_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.md", "---\npublished: 2024-03-01\n---\nAbout 40 boats sank on Thursday.\n")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9 prices rose\n")  # not UTF-8
    code, out, _ = run(["check", str(tmp_path), "--format", "json", "--fail-on", "never"], capsys)
    report = json.loads(out)
    assert [a["id"] for a in report["articles"]] == ["good.md"]
    assert any(c["article_id"] == "good.md" for c in report["claims"])
    errors = [f for f in report["findings"] if f["rule"] == "input-error"]
    assert len(errors) == 1 and errors[0]["article_id"] == "bad.md"
    assert code == 0
    code, out, _ = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert code == 1  # the input error is an error-level finding


def test_metadata_slip_is_a_warning_and_the_article_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "quake.md",
        "---\ntitle: Quake toll rises: 312 dead\npublished: 2024-03-16\n---\nThe quake killed 312 people.\n",
    )
    code, out, _ = run(["check", str(tmp_path), "--format", "json"], capsys)
    report = json.loads(out)
    assert [a["title"] for a in report["articles"]] == ["Quake toll rises: 312 dead"]
    [warning] = report["findings"]
    assert (warning["rule"], warning["severity"], warning["line"]) == ("input-warning", "warning", 2)
    assert warning["message"].startswith(f"{tmp_path / 'quake.md'}, line 2: read as title = ")
    assert code == 0  # a warning, below --fail-on error
    code, _out, err = run(["extract", str(tmp_path), "--format", "jsonl"], capsys)
    assert code == 0 and "CC002 [input-warning]" in err


def test_published_argument_applies_to_undated_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "a.txt", "Headline\nThe council met on Tuesday.\n")
    write(tmp_path, "b.md", "---\npublished: 2024-01-05\n---\nThe council met on Tuesday.\n")
    _code, out, _ = run(["check", str(tmp_path), "--published", "2024-03-08", "--format", "json"], capsys)
    articles = {a["id"]: a for a in json.loads(out)["articles"]}
    assert articles["a.txt"]["published"] == "2024-03-08"
    assert articles["a.txt"]["published_origin"] == "argument"
    assert articles["b.md"]["published"] == "2024-01-05"
    assert articles["b.md"]["published_origin"] == "metadata"


def test_output_file_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.md", "---\npublished: 2024-01-05\n---\nIt cost $5 million.\n")
    target = tmp_path / "out.json"
    _code, out, _ = run(["check", str(tmp_path / "a.md"), "--format", "json", "-o", str(target)], capsys)
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def test_extract_jsonl_one_claim_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        json.dumps({"id": f"s{i}", "text": f"Officials counted {i + 2} boats on Friday."}) for i in range(600)
    ]
    write(tmp_path, "many.jsonl", "\n".join(rows) + "\n")
    code, out, _ = run(["extract", str(tmp_path / "many.jsonl"), "--format", "jsonl"], capsys)
    assert code == 0
    claims = [json.loads(line) for line in out.splitlines()]
    assert {claim["article_id"] for claim in claims} == {f"s{i}" for i in range(600)}
    code, out, _ = run(["extract", str(tmp_path / "many.jsonl")], capsys)
    payload = json.loads(out)
    assert set(payload) >= {"articles", "claims"} and len(payload["articles"]) == 600


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("claimcheck ")


def test_undated_copy_takes_the_date_of_its_dated_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "Flood waters forced 2,400 residents from their homes in the river valley on Tuesday, "
        "officials said, as rescue teams worked through the night to reach villages cut off by the storm.\n\n"
        "The regional governor said on Wednesday that 14 bridges had been damaged and that repairs "
        "would take at least three weeks once the water level falls.\n"
    )
    write(tmp_path, "dated.md", "---\npublished: 2024-05-03\nsource: Valley News\n---\n" + body)
    write(tmp_path, "copy.txt", "Valley flood update\n" + body)
    write(tmp_path, "other.txt", "Council news\nThe council will meet on Friday to discuss the budget.\n")
    _code, out, _ = run(["check", str(tmp_path), "--format", "json"], capsys)
    report = json.loads(out)
    articles = {a["id"]: a for a in report["articles"]}
    assert articles["copy.txt"]["published"] == "2024-05-03"
    assert articles["copy.txt"]["published_via"] == "dated.md"
    assert articles["other.txt"]["published"] is None
    tuesday = [c for c in report["claims"] if c["article_id"] == "copy.txt" and c["text"] == "Tuesday"]
    assert tuesday and tuesday[0]["timex"] == "2024-04-30"
    unanchored = {f["article_id"] for f in report["findings"] if f["rule"] == "relative-date-unanchored"}
    assert unanchored == {"other.txt"}


def test_check_html_and_detail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    page = tmp_path / "report.html"
    code, out, _err = run(["check", "examples", "--format", "html", "-o", str(page), "--quiet"], capsys)
    assert code == 1 and out == ""
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    _code, summary, _err = run(["check", "examples", "--format", "markdown", "--quiet"], capsys)
    _code, full, _err = run(
        ["check", "examples", "--format", "markdown", "--detail", "full", "--quiet"], capsys
    )
    assert "## Articles" in full and "## Articles" not in summary
    assert "single source" in full and "single-source figures (listed in the JSON)" in summary


def test_check_ends_with_a_summary_line_on_stderr(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    _code, _out, err = run(["check", "examples", "--format", "json"], capsys)
    assert re.fullmatch(r"claimcheck: 5 articles, 1 story, 1 conflict, 1 date mismatch, \d+\.\d s\n", err), (
        err
    )
    _code, _out, err = run(["check", "examples", "--format", "json", "--quiet"], capsys)
    assert err == ""


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "quiet", "drawn"),
    [
        pytest.param(FakeTerminal(), False, True, id="terminal-gets-a-bar"),
        pytest.param(io.StringIO(), False, False, id="pipe-gets-nothing"),
        pytest.param(FakeTerminal(), True, False, id="quiet-gets-nothing"),
    ],
)
def test_check_progress_bar(
    stream: io.StringIO, quiet: bool, drawn: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Bar, "DELAY", 0.0)
    bar = Bar(stream, 4, quiet)
    assert list(bar.over(iter("abcd"), "articles")) == list("abcd")
    bar.clear()
    if drawn:
        assert "\r\x1b[Kclaimcheck: [########################] 100% 4/4 articles" in stream.getvalue()
        assert stream.getvalue().endswith("\r\x1b[K")
    else:
        assert stream.getvalue() == ""


def test_a_quick_check_draws_no_bar() -> None:
    stream = FakeTerminal()
    bar = Bar(stream, 3)
    list(bar.over(range(3), "articles"))  # well under Bar.DELAY
    bar.clear()
    assert stream.getvalue() == ""
