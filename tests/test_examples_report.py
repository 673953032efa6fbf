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
