"""Hostile but fair input (issue 18): no file, path or argument crashes a run, hangs it or loses
a draft. Each test goes through the CLI or the documented Python API with a small input."""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

STORY = (
    "The council met yesterday and will vote tomorrow. A second vote is due next year. "
    "The dispute began last Monday, and talks resume next Monday."
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def markdown(folder: Path, name: str, body: str, **front: str) -> Path:
    lines = ["---", *(f"{key}: {value}" for key, value in front.items()), "---", body, ""]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------- 2: dates at the calendar's ends


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_relative_dates_at_the_ends_of_the_calendar_stay_unresolved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], published: str
) -> None:
    edge = markdown(tmp_path, "edge.md", STORY, title="Talks", published=published)
    plain = tmp_path / "plain.md"
    plain.write_text(STORY + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><title>Talks</title><meta property="article:published_time" content="{published}">'
        f"</head><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>",
        encoding="utf-8",
    )
    lines = tmp_path / "wire.jsonl"
    lines.write_text(json.dumps({"id": "w1", "published": published, "text": STORY}) + "\n")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"path,source,published\nplain.md,Wire,{published}\n", encoding="utf-8")
    for argv in (
        ["check", str(edge), str(page), str(lines), "--format", "json"],
        ["check", "--manifest", str(manifest), "--format", "json"],
        ["check", str(plain), "--published", published, "--format", "json"],
        ["extract", str(edge)],
        ["lint", str(edge), "--format", "json"],
    ):
        code, out, err = run(argv, capsys)
        assert code in (0, 1), (argv, err)
        assert "internal error" not in err
        claims = json.loads(out)["claims"]
        tomorrow = [claim for claim in claims if claim["text"] == "tomorrow"]
        assert tomorrow or argv[0] == "lint"
        if published.startswith("9999") and tomorrow:
            assert all(claim["timex"] is None for claim in tomorrow)


def test_a_date_too_far_back_stays_unresolved_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from claimcheck.models import Article
    from claimcheck.pipeline import check_articles

    text = "The dispute began 5000000 days ago, the union said on Friday."
    report = check_articles([Article(id="a", published=date(2024, 3, 16), text=text)])
    ago = [claim for claim in report.claims if "ago" in claim.text]
    assert ago
    assert ago[0].timex is None
    assert "calendar" in (ago[0].evidence or "")


def test_a_year_past_9999_is_no_date(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from claimcheck.models import Article
    from claimcheck.pipeline import check_articles

    text = "A second vote is due next year. The treaty was signed 20000 years ago, the envoy said."
    report = check_articles([Article(id="a", published=date(9999, 6, 1), text=text)])
    found = {claim.text: claim for claim in report.claims if claim.kind == "date"}
    for words in ("next year", "20000 years ago"):
        assert found[words].timex is None
        assert "calendar" in (found[words].evidence or "")


def test_report_window_longer_than_the_calendar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = markdown(
        tmp_path, "a.md", "The council approved 40 new buses on Friday.", published="2024-03-16"
    )
    out = tmp_path / "out"
    argv = ["report", str(article), "--out", str(out), "--date", "2024-03-16", "--quiet"]
    code, _out, err = run([*argv, "--window", "100000000", "--jobs", "1"], capsys)
    assert code in (0, 1), err
    assert "internal error" not in err
    assert "0001-01-01 to 2024-03-16" in (out / "2024-03-16.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- 1 and 3: impossible metadata, deep JSON

BUSES = "The council approved 40 new buses on Tuesday, the mayor said."


@pytest.mark.parametrize(
    ("fence", "published", "reason"),
    [
        ("yaml", "2024-02-30", "February 2024 has 29 days"),
        ("yaml", "0000-01-01", "there is no year 0"),
        ("yaml", "2024-13-01", "there is no month 13"),
        ("toml", "2024-02-30", "February 2024 has 29 days"),
        ("toml", "0000-01-01", "there is no year 0"),
    ],
)
def test_impossible_publication_dates_are_named_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fence: str, published: str, reason: str
) -> None:
    if fence == "yaml":
        text = f"---\ntitle: Council vote\npublished: {published}\n---\n{BUSES}\n"
    else:
        text = f'+++\ntitle = "Council vote"\npublished = {published}\n+++\n{BUSES}\n'
    (tmp_path / "bad.md").write_text(text, encoding="utf-8")
    markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    _code, out, err = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert "internal error" not in err
    report = json.loads(out)
    assert sorted(article["id"] for article in report["articles"]) == ["bad.md", "good.md"]
    notes = [f["message"] for f in report["findings"] if f["rule"] == "input-warning"]
    assert any("bad.md" in note and published in note and reason in note for note in notes), notes


def test_a_valid_day_with_an_impossible_time_keeps_the_day(tmp_path: Path) -> None:
    from claimcheck.pipeline import check_paths

    (tmp_path / "a.md").write_text(
        f"---\ntitle: Vote\npublished: 2024-03-16 25:61:00\n---\n{BUSES}\n", encoding="utf-8"
    )
    report = check_paths([str(tmp_path)])
    assert str(report.articles[0].published) == "2024-03-16"
    notes = [f.message for f in report.findings if f.rule == "input-warning"]
    assert any("25:61:00" in note and "no time" in note for note in notes), notes


@pytest.mark.parametrize("fence", ["yaml", "toml", "jsonl"])
def test_a_5000_digit_id_is_read_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fence: str
) -> None:
    digits = "9" * 5000
    if fence == "yaml":
        (tmp_path / "a.md").write_text(f"---\ntitle: Vote\nid: {digits}\n---\n{BUSES}\n", encoding="utf-8")
    elif fence == "toml":
        (tmp_path / "a.md").write_text(
            f'+++\ntitle = "Vote"\nid = {digits}\n+++\n{BUSES}\n', encoding="utf-8"
        )
    else:
        line = '{"id": ' + digits + ', "text": "' + BUSES + '"}'
        (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    _code, out, err = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert "internal error" not in err
    assert len(json.loads(out)["articles"]) == 2


def test_a_jsonl_line_nested_100000_deep_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "first", "text": BUSES}),
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        json.dumps({"id": "last", "text": BUSES}),
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _code, out, err = run(["check", str(tmp_path), "--format", "json"], capsys)
    assert "internal error" not in err
    report = json.loads(out)
    assert sorted(article["id"] for article in report["articles"]) == ["first", "last"]
    errors = [f for f in report["findings"] if f["rule"] == "input-error"]
    assert [f["line"] for f in errors] == [2, 3]
    assert all("nested too deeply" in f["message"] for f in errors)


# ---------------------------------------------------------------- 4: -o to a place that cannot be written


def without_root_override(argv: list[str]) -> list[str]:
    """The command as an ordinary user runs it: root ignores file modes, so drop that power."""
    if os.geteuid() != 0:
        return argv
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *argv]


@pytest.mark.parametrize("command", ["check", "extract", "lint"])
@pytest.mark.parametrize("where", ["folder", "missing", "unwritable"])
def test_output_that_cannot_be_written_is_named_before_the_work(
    tmp_path: Path, command: str, where: str
) -> None:
    article = markdown(tmp_path, "a.md", BUSES, published="2024-03-16")
    target = {
        "folder": tmp_path / "reports",
        "missing": tmp_path / "no-such-folder" / "out.txt",
        "unwritable": tmp_path / "locked" / "out.txt",
    }[where]
    (tmp_path / "reports").mkdir()
    (tmp_path / "locked").mkdir(mode=0o555)
    argv = [sys.executable, "-m", "claimcheck", command, str(article), "-o", str(target)]
    result = subprocess.run(without_root_override(argv), capture_output=True, text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert "internal error" not in result.stderr
    assert "[E004]" in result.stderr and str(target) in result.stderr
    assert "article" not in result.stderr  # refused before the work: no summary line
    assert not target.is_file()


# ---------------------------------------------------------------- 5: a damaged store


def test_a_store_with_random_bytes_over_its_pages_is_a_clear_store_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = markdown(tmp_path, "a.md", BUSES, title="Buses", published="2024-03-16")
    out = tmp_path / "out"
    argv = ["report", "--out", str(out), "--date", "2024-03-16", "--quiet", "--jobs", "1"]
    assert run([*argv, str(first)], capsys)[0] in (0, 1)
    store = out / "claimcheck.sqlite"
    pages = store.stat().st_size // 4096
    noise = random.Random(18)
    with store.open("r+b") as handle:  # a few pages, never the first (the header and the schema)
        for page in noise.sample(range(1, pages), 3):
            handle.seek(page * 4096)
            handle.write(noise.randbytes(4096))
    second = markdown(tmp_path, "b.md", BUSES.replace("40", "41"), title="Buses", published="2024-03-16")
    code, _out, err = run([*argv, str(first), str(second)], capsys)
    assert code == 2
    assert "internal error" not in err
    assert "[E005]" in err and str(store) in err and "damaged" in err


# ---------------------------------------------------------------- 8 and 12: odd paths


def input_errors(report: dict) -> dict[str, str]:
    return {f["path"]: f["message"] for f in report["findings"] if f["rule"] == "input-error"}


@pytest.mark.parametrize("command", ["check", "extract", "lint"])
def test_a_fifo_is_not_a_regular_file_and_nothing_blocks(tmp_path: Path, command: str) -> None:
    good = markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    folder = tmp_path / "feed"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")
    os.mkfifo(tmp_path / "named.md")
    argv = [sys.executable, "-m", "claimcheck", command, str(good), str(tmp_path / "named.md"), str(folder)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    shown = result.stdout + result.stderr
    assert "internal error" not in shown
    for name in ("named.md", "pipe.md"):
        assert re.search(rf"{name}\S*:? .*not a regular file \(a FIFO\)", shown), shown
    assert result.returncode in (0, 1)


def test_a_fifo_in_a_nightly_run_does_not_block(tmp_path: Path) -> None:
    good = markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    os.mkfifo(tmp_path / "named.html")
    os.mkfifo(tmp_path / "named.jsonl")
    argv = [sys.executable, "-m", "claimcheck", "report", str(good), str(tmp_path / "named.html")]
    argv += [str(tmp_path / "named.jsonl"), "--out", str(tmp_path / "out"), "--date", "2024-03-16"]
    result = subprocess.run([*argv, "--jobs", "1"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads((tmp_path / "out" / "2024-03-16.json").read_text(encoding="utf-8"))
    errors = input_errors(report)
    assert {Path(path).name for path in errors} == {"named.html", "named.jsonl"}
    assert all("not a regular file" in message for message in errors.values())


def test_a_missing_path_is_an_input_error_and_the_rest_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    missing = tmp_path / "gone.md"
    code, out, err = run(["check", str(good), str(missing), "--format", "json"], capsys)
    assert code == 1, err  # the input-error is an error finding
    report = json.loads(out)
    assert [article["id"] for article in report["articles"]] == [str(good)]
    assert "no such file" in input_errors(report)[str(missing)]
    code, out, err = run(["lint", str(good), str(missing)], capsys)
    assert "gone.md" in out and "no such file" in out
    code, out, err = run(["check", str(missing)], capsys)
    assert code == 2 and "no readable input" in err


def test_a_manifest_row_naming_a_missing_file_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,source,published\ngood.md,Wire,2024-03-16\ngone.md,Wire,2024-03-16\ngood.md,Post,2024-03-16\n",
        encoding="utf-8",
    )
    code, out, err = run(["check", "--manifest", str(manifest), "--format", "json"], capsys)
    assert code == 1, err
    report = json.loads(out)
    assert [Path(article["id"]).name for article in report["articles"]] == ["good.md"]
    errors = input_errors(report)
    assert [Path(path).name for path in errors] == ["gone.md"]
    assert "no such file" in next(iter(errors.values())) and "line 3" in next(iter(errors.values()))
    warnings = [f["message"] for f in report["findings"] if f["rule"] == "input-warning"]
    assert any("listed again (line 2)" in message for message in warnings), warnings


def test_an_unreadable_subfolder_is_named(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    (feed / "locked").mkdir(parents=True)
    markdown(feed, "good.md", BUSES, published="2024-03-16")
    markdown(feed / "locked", "hidden-from-us.md", BUSES, published="2024-03-16")
    (feed / "locked").chmod(0)
    argv = [sys.executable, "-m", "claimcheck", "check", str(feed), "--format", "json"]
    try:
        result = subprocess.run(without_root_override(argv), capture_output=True, text=True, check=False)
    finally:
        (feed / "locked").chmod(0o755)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [article["id"] for article in report["articles"]] == ["good.md"]
    errors = input_errors(report)
    assert list(errors) == [str(feed / "locked")]
    assert "cannot read the folder" in errors[str(feed / "locked")]


# ---------------------------------------------------------------- 9 and 10: lint --fix


SATURDAY_DRAFT = """---
title: Council
published: 2024-03-16
---
The council met yesterday, Thursday, to vote on the budget.

> Members said the session was long.
> They met yesterday, Thursday, and again at night.

> The mayor said the talks that began
yesterday, Thursday, would go on.
"""


def test_lint_fix_never_changes_a_blockquote_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(SATURDAY_DRAFT, encoding="utf-8")
    run(["lint", str(draft), "--fix"], capsys)
    fixed = draft.read_text(encoding="utf-8")
    assert "The council met Thursday, to vote" in fixed or "The council met Thursday to vote" in fixed
    assert "> They met yesterday, Thursday, and again at night." in fixed
    assert "yesterday, Thursday, would go on." in fixed


def limited_file_size(ignore_signal: bool) -> None:
    """In the child: files may grow to 1 KiB (a full disk); with ignore_signal, writes past it fail
    with EFBIG instead of the process being killed by SIGXFSZ."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
    if ignore_signal:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.parametrize("ignore_signal", [True, False])
def test_lint_fix_on_a_full_disk_keeps_the_draft_intact(tmp_path: Path, ignore_signal: bool) -> None:
    filler = "\n".join(f"Paragraph {n} of the budget story, with no dates and no figures." for n in range(60))
    draft = tmp_path / "draft.md"
    draft.write_text(SATURDAY_DRAFT + "\n" + filler + "\n", encoding="utf-8")
    draft.chmod(0o640)
    original = draft.read_bytes()
    assert len(original) > 4000
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", str(draft), "--fix"],
        capture_output=True,
        text=True,
        preexec_fn=lambda: limited_file_size(ignore_signal),
        check=False,
    )
    assert draft.read_bytes() == original
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    # CPython ignores SIGXFSZ at start-up, so the failed write is reported either way.
    assert result.returncode == 2, result.stderr
    assert str(draft) in result.stderr and "internal error" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.md"]  # no temporary left


def test_lint_fix_keeps_the_file_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(SATURDAY_DRAFT, encoding="utf-8")
    draft.chmod(0o640)
    run(["lint", str(draft), "--fix"], capsys)
    assert "met Thursday" in draft.read_text(encoding="utf-8")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640


# ---------------------------------------------------------------- 11: duplicate ids

FERRY = [
    (
        "Harbor Daily",
        "A ferry caught fire in Marlow harbour on Friday evening. Officials said 40 passengers "
        "were injured, and the crew put out the blaze within an hour.",
    ),
    (
        "Valley News",
        "Fire swept through a ferry moored in Marlow harbour on Friday. According to the coastguard, "
        "65 passengers were injured. The cause is not yet known.",
    ),
    (
        "Coast Post",
        "Dozens were hurt on Friday when a ferry burned in Marlow harbour; the harbour master put the "
        "number of injured passengers at 90. Investigators arrived on Saturday.",
    ),
]


def test_duplicate_jsonl_ids_are_made_unique_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wire = tmp_path / "wire.jsonl"
    rows = [
        {"id": "dup", "source": source, "published": "2024-03-16", "text": text} for source, text in FERRY
    ]
    wire.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    again = tmp_path / "again.md"  # a file whose front matter claims the same id
    again.write_text(f"---\nid: dup\npublished: 2024-03-16\n---\n{BUSES}\n", encoding="utf-8")
    _code, out, _err = run(["check", str(wire), str(again), "--format", "json"], capsys)
    report = json.loads(out)
    ids = [article["id"] for article in report["articles"]]
    assert len(ids) == 4 and len(set(ids)) == 4, ids
    warnings = [f for f in report["findings"] if f["rule"] == "input-warning"]
    assert sorted((Path(f["path"]).name, f["line"]) for f in warnings) == [
        ("again.md", None),
        ("wire.jsonl", 2),
        ("wire.jsonl", 3),
    ]
    assert all("'dup'" in f["message"] for f in warnings)
    owner = {claim["id"]: claim["article_id"] for claim in report["claims"]}
    conflicts = [f for f in report["findings"] if f["rule"] == "figure-conflict"]
    assert conflicts
    assert len({owner[claim_id] for claim_id in conflicts[0]["claim_ids"]}) >= 2


# ---------------------------------------------------------------- 13 and 14: encodings and line ends

DATED = "---\ntitle: Council vote\npublished: 2024-03-16\n---\nThe council approved 40 new buses yesterday.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    data = b"\xfe\xff" + DATED.encode("utf-16-be") if encoding == "utf-16-be-bom" else DATED.encode(encoding)
    (tmp_path / "wide.md").write_bytes(data)
    code, out, err = run(["check", str(tmp_path / "wide.md"), "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["articles"][0]["published"] == "2024-03-16"
    yesterday = next(claim for claim in report["claims"] if claim["text"] == "yesterday")
    assert yesterday["timex"] == "2024-03-15" and yesterday["line"] == 5


def test_lint_fix_writes_a_utf16_draft_back_as_utf16(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xfe\xff" + SATURDAY_DRAFT.encode("utf-16-be"))
    _code, _out, err = run(["lint", str(draft), "--fix"], capsys)
    assert "internal error" not in err
    data = draft.read_bytes()
    assert data.startswith(b"\xfe\xff")
    assert "The council met Thursday" in data[2:].decode("utf-16-be")


def test_cr_only_line_endings_keep_the_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old-mac.md").write_bytes(DATED.replace("\n", "\r").encode("utf-8"))
    code, out, err = run(["check", str(tmp_path / "old-mac.md"), "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["articles"][0]["published"] == "2024-03-16"
    assert report["articles"][0]["title"] == "Council vote"
    yesterday = next(claim for claim in report["claims"] if claim["text"] == "yesterday")
    assert yesterday["timex"] == "2024-03-15" and (yesterday["line"], yesterday["column"]) == (5, 35)


# ---------------------------------------------------------------- 15: --store DIR, the size limit


def test_a_folder_as_store_is_refused_without_a_stray_lock_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = markdown(tmp_path, "a.md", BUSES, published="2024-03-16")
    folder = tmp_path / "claims"
    folder.mkdir()
    argv = ["report", str(article), "--out", str(tmp_path / "out"), "--store", str(folder), "--quiet"]
    code, _out, err = run([*argv, "--date", "2024-03-16", "--jobs", "1"], capsys)
    assert code == 2
    assert "[E005]" in err and str(folder) in err and "folder" in err
    assert not (tmp_path / "claims.lock").exists()
    garbage = tmp_path / "notes.sqlite"  # not a database: refused, and no lock file left beside it
    garbage.write_text("These are my notes, not a claim store.\n" * 200, encoding="utf-8")
    argv = ["report", str(article), "--out", str(tmp_path / "out"), "--store", str(garbage), "--quiet"]
    code, _out, err = run([*argv, "--date", "2024-03-16", "--jobs", "1"], capsys)
    assert code == 2 and "[E005]" in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.md", "claims", "notes.sqlite", "out"]


def test_the_size_limit_is_said_in_mib(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    markdown(tmp_path, "good.md", BUSES, published="2024-03-16")
    with (tmp_path / "huge.md").open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: the size is refused before a byte is read
    _code, out, _err = run(["check", str(tmp_path)], capsys)
    assert "huge.md" in out and "too large (21.0 MiB; the limit is 20 MiB)" in out
