"""The sample reports of examples/ kept in reports/ must match what the code prints.

Regenerate deliberately with CLAIMCHECK_UPDATE_GOLDEN=1 after a reviewed change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLES = {
    "markdown": REPO / "reports" / "examples.md",
    "json": REPO / "reports" / "examples.json",
    "html": REPO / "reports" / "examples.html",
}
HTML_LIMIT = 300 * 1024
"""Bytes: the examples' page, charts included, stays small enough to mail or attach."""


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_sample_report_is_current(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code = main(["check", "examples", "--format", fmt, "--quiet"])
    rendered = capsys.readouterr().out
    assert code == 1, "the examples plant a conflict and a date mismatch: check must fail on them"
    sample = SAMPLES[fmt]
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        sample.write_text(rendered, encoding="utf-8")
    assert sample.is_file(), f"missing {sample}; run with CLAIMCHECK_UPDATE_GOLDEN=1"
    assert rendered == sample.read_text(encoding="utf-8"), (
        f"{sample.relative_to(REPO)} is stale: regenerate with "
        f"`claimcheck check examples --format {fmt} -o {sample.relative_to(REPO)}`"
    )


def test_sample_html_is_small_and_strictly_valid() -> None:
    import html5lib

    page = SAMPLES["html"].read_text(encoding="utf-8")
    assert len(page.encode("utf-8")) < HTML_LIMIT
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error


def test_what_the_summary_leaves_out_is_in_the_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary Markdown counts single-source figures and folds findings into lines;
    the JSON beside it keeps every group, claim, finding and article."""
    import json
    import re

    data = json.loads(SAMPLES["json"].read_text(encoding="utf-8"))
    markdown = SAMPLES["markdown"].read_text(encoding="utf-8")
    single = [group for group in data["groups"] if group["status"] == "single_source"]
    counted = sum(
        int(n) for n in re.findall(r"(\d+) single-source figures? \(listed in the JSON\)", markdown)
    )
    assert counted == len(single) > 0
    claims = {claim["id"]: claim for claim in data["claims"]}
    for group in single:
        assert group["claim_ids"] and all(claim_id in claims for claim_id in group["claim_ids"])
    for finding in data["findings"]:
        assert finding["message"] and finding["claim_ids"] and finding["line"]
    assert {article["id"] for article in data["articles"]} == {
        "coastal-wire.md",
        "estrava-evening.md",
        "harbor-daily.md",
        "port-authority-statement.txt",
        "the-morning-post.md",
    }
    # The full detail lists what the summary folds away, all of it from the same report.
    full = main(
        ["check", "examples", "--format", "markdown", "--detail", "full", "--quiet", "-o", "/dev/null"]
    )
    assert full == 1
