"""Ingestion of every input format, ids, offsets, and bad input."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import UsageError
from claimcheck.ingest import front_matter
from claimcheck.ingest.files import InputFailure, InputWarning, read_inputs, split_front_matter
from claimcheck.ingest.published import parse_published, read_published
from claimcheck.models import Article


def read_all(*paths: Path | str, manifest: str | None = None) -> list[Article | InputFailure]:
    return list(read_inputs([str(path) for path in paths], manifest))


def articles_of(items: list[Article | InputFailure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures_of(items: list[Article | InputFailure]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-22", date(2023, 9, 22)),
        ("2023-09-22T10:43", datetime(2023, 9, 22, 10, 43)),  # noqa: DTZ001 - naive as written
        ("2023-09-22T10:43:00Z", datetime(2023, 9, 22, 10, 43, tzinfo=UTC)),
        ("2023-09-22 10:43:00+02:00", datetime(2023, 9, 22, 10, 43, tzinfo=timezone(timedelta(hours=2)))),
        (date(2023, 9, 22), date(2023, 9, 22)),
    ],
)
def test_parse_published_accepts_iso(value: object, expected: object) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["22/09/2023", "yesterday", "2023-13-01", "2023-02-30", "", 20230922])
def test_parse_published_rejects_non_iso(value: object) -> None:
    with pytest.raises(ValueError, match="published"):
        parse_published(value)


@pytest.mark.parametrize(
    ("value", "expected", "note"),
    [
        ("2023-09-22", date(2023, 9, 22), None),
        ("Sept. 22, 2023", date(2023, 9, 22), "read as 2023-09-22"),
        ("22 September 2023 10:43 GMT", datetime(2023, 9, 22, 10, 43, tzinfo=UTC), "read as"),
        ("22/09/2023", date(2023, 9, 22), "read as 2023-09-22"),
        ("09/22/2023", date(2023, 9, 22), "read as 2023-09-22"),
        ("05/09/2023", date(2023, 9, 5), "a guess"),
        ("2023/09/22", date(2023, 9, 22), "read as"),
        ("2023-09-31", None, "September 2023 has 30 days"),
        ("last Friday", None, "not a date"),
        ("", None, None),
    ],
)
def test_read_published_is_lenient_and_says_what_it_assumed(
    value: str, expected: object, note: str | None
) -> None:
    found = read_published(value)
    assert found.value == expected
    if note is None:
        assert found.note is None
    else:
        assert found.note is not None and note in found.note


def test_markdown_front_matter_metadata_and_offsets(tmp_path: Path) -> None:
    body = "Officials said on Friday that 300 people were evacuated.\n"
    (tmp_path / "a.md").write_text(
        "---\ntitle: Flood\nsource: Daily\npublished: 2024-05-03\nurl: https://x.example/a\n---\n" + body,
        encoding="utf-8",
    )
    [article] = articles_of(read_all(tmp_path))
    assert article.id == "a.md"
    assert (article.title, article.source, article.url) == ("Flood", "Daily", "https://x.example/a")
    assert article.published == date(2024, 5, 3)
    assert article.published_origin == "metadata"
    assert article.text == body
    assert article.body_line == 7


def test_front_matter_id_overrides_file_name(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nid: story-17\n---\nText with 3 numbers.\n", encoding="utf-8")
    [article] = articles_of(read_all(tmp_path))
    assert article.id == "story-17"


def test_txt_without_front_matter_takes_first_line_as_title(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_text("\n\nHeadline here\nBody sentence.\n", encoding="utf-8")
    [article] = articles_of(read_all(tmp_path / "n.txt"))
    assert article.title == "Headline here"
    assert article.published is None
    assert article.text.startswith("\n\nHeadline")


def test_ids_are_relative_to_folder_argument_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "day1").mkdir()
    (tmp_path / "day1" / "x.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "y.md").write_text("Two.\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "z.txt").write_text("Three.\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    ids = [article.id for article in articles_of(read_all(tmp_path))]
    assert ids == ["day1/x.txt", "y.md"]


def test_file_argument_id_is_the_path_as_given(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Body.\n", encoding="utf-8")
    [article] = articles_of(read_all(path))
    assert article.id == str(path)


def test_jsonl_articles_ids_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "w1", "title": "T", "source": "Wire", "published": "2024-01-02", "text": "First 5."}
        ),
        "",
        json.dumps({"text": "No id here, 7 items."}),
        "{not json",
        json.dumps({"id": "w4", "title": "no text"}),
        json.dumps({"id": "w5", "published": "January 2", "text": "Bad date."}),
        json.dumps([1, 2]),
        json.dumps({"id": 8, "headline": "Storm", "date": "2024-01-03", "text": "Other names."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    warnings: list[InputWarning] = []
    items = list(read_inputs([str(tmp_path)], warnings=warnings))
    assert [a.id for a in articles_of(items)] == ["w1", "feed.jsonl:3", "w5", "8"]
    assert articles_of(items)[0].text == "First 5."
    assert articles_of(items)[2].published is None  # "January 2" has no year: left out, article kept
    assert (articles_of(items)[3].title, articles_of(items)[3].published) == ("Storm", date(2024, 1, 3))
    reasons = {f.article_id: f.reason for f in failures_of(items)}
    assert set(reasons) == {"feed.jsonl:4", "w4", "feed.jsonl:7"}
    assert "invalid JSON" in reasons["feed.jsonl:4"]
    assert "text" in reasons["w4"]
    assert [(w.article_id, w.line) for w in warnings] == [("w5", 6), ("8", 8), ("8", 8)]
    assert "January 2" in warnings[0].reason
    assert "'headline' read as 'title'" in warnings[1].reason


def test_manifest_gives_metadata_and_restricts_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Alpha headline\nBody.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nsource: Own\n---\nBody b.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("Not an article.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,source,published,url\na.txt,Wire A,2023-09-22,\nb.md,Wire B,2023-09-21T08:00,\n",
        encoding="utf-8",
    )
    items = read_all(tmp_path, manifest=str(manifest))
    articles = {a.id: a for a in articles_of(items)}
    assert set(articles) == {"a.txt", "b.md"}
    assert articles["a.txt"].source == "Wire A"
    assert articles["a.txt"].published == date(2023, 9, 22)
    assert articles["b.md"].source == "Own"  # the file's own metadata wins
    assert articles["b.md"].published == datetime(2023, 9, 21, 8, 0)  # noqa: DTZ001


def test_manifest_alone_names_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Alpha\nBody.\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,source,published\na.txt,S,2023-01-01\n", encoding="utf-8")
    assert [a.id for a in articles_of(list(read_inputs([], str(manifest))))] == [str(tmp_path / "a.txt")]


def test_manifest_without_a_path_column_is_a_usage_error(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,source\na.txt,S\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no 'path' column"):
        read_all(tmp_path, manifest=str(manifest))


def test_bad_manifest_rows_are_reported_and_the_others_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text(f"Headline {name}\nBody with 3 boats.\n", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "path,note,source,date\n"  # line 1: "date" read as "published"
        "a.txt,,Wire A,March 16 2024\n"  # line 2: a date in words, read
        ",,Wire X,2024-03-16\n"  # line 3: no path
        "b.txt,,Wire B,03/04/2024\n"  # line 4: day and month guessed
        "c.txt,ok,Wire C,2024-03-16,extra\n"  # line 5: a field too many
        "missing.txt,,Wire M,2024-03-16\n"  # line 6: no such file
        "d.txt,,Wire D,2024-02-30\n",  # line 7: no such day
        encoding="utf-8",
    )
    warnings: list[InputWarning] = []
    items = list(read_inputs([], str(manifest), warnings=warnings))
    articles = articles_of(items)
    # A listed file that does not exist loses an article: an input-error naming the row.
    [missing] = failures_of(items)
    assert missing.path.endswith("missing.txt") and "line 6" in missing.reason
    assert sorted(a.id.rsplit("/", 1)[-1] for a in articles) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    by_id = {Path(a.id).name: a for a in articles}
    assert by_id["b.txt"].published == date(2024, 4, 3)
    assert by_id["c.txt"].source == "Wire C" and by_id["c.txt"].published == date(2024, 3, 16)
    assert by_id["d.txt"].published is None and by_id["d.txt"].source == "Wire D"
    lines = sorted((w.line, w.reason.split(":")[0]) for w in warnings)
    assert [line for line, _ in lines] == [1, 2, 3, 4, 5, 7], lines
    assert all(w.path == str(manifest) for w in warnings)


BAD_FILES = [
    ("binary.txt", b"\x00\x01\x02GIF89a\x00", "binary"),
    ("latin1.txt", "Caf\xe9 prices rose 5%.\n".encode("latin-1"), "UTF-8"),
    ("empty.md", b"   \n\n", "empty"),
    ("nobody.md", b"---\ntitle: only metadata\n---\n\n", "no text"),
]
# Slips in metadata lose nothing: the article is read and the slip is a warning.
SLIPPED_FILES = [
    ("frontmatter.md", b"---\ntitle: [unclosed\n---\nBody.\n", "title"),
    ("notmapping.md", b"---\n- a\n- b\n---\nBody.\n", "no key: value lines"),
    ("unclosed.md", b"---\ntitle: x\nBody without a closing fence.\n", "never closed"),
    ("baddate.md", b"---\npublished: last Tuesday\n---\nBody.\n", "not a date"),
    ("badtitle.md", b"---\ntitle: {a: 1}\n---\nBody.\n", "title"),
]


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    for name, data, _problem in BAD_FILES + SLIPPED_FILES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(
        "---\npublished: 2024-02-02\n---\nFine text, 12 boats.\n", encoding="utf-8"
    )
    warnings: list[InputWarning] = []
    items = list(read_inputs([str(tmp_path)], warnings=warnings))
    assert sorted(a.id for a in articles_of(items)) == sorted(
        ["good.md"] + [name for name, *_ in SLIPPED_FILES]
    )
    failures = {f.article_id: f for f in failures_of(items)}
    assert set(failures) == {name for name, *_ in BAD_FILES}
    for name, _data, problem in BAD_FILES:
        assert problem in failures[name].reason, (name, failures[name].reason)
        assert failures[name].path.endswith(name)
    slips = {w.article_id: w for w in warnings}
    assert set(slips) == {name for name, *_ in SLIPPED_FILES}
    for name, _data, problem in SLIPPED_FILES:
        assert problem in slips[name].reason, (name, slips[name].reason)
        assert slips[name].line is not None


def test_missing_path_is_an_input_failure(tmp_path: Path) -> None:
    [failure] = failures_of(read_all(tmp_path / "missing"))
    assert failure.reason == "no such file or folder"


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"{folder} body\n", encoding="utf-8")
    ids = [a.id for a in articles_of(read_all(tmp_path / "one", tmp_path / "two"))]
    assert len(set(ids)) == 2


def test_split_front_matter_keeps_body_offsets() -> None:
    text = "---\ntitle: A\n---\nLine one.\nLine two.\n"
    metadata, body, body_line = split_front_matter(text)
    assert metadata == {"title": "A"}
    assert body == "Line one.\nLine two.\n"
    assert body_line == 4
    assert text.endswith(body)


def test_utf8_bom_is_not_part_of_the_body(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffHeadline\nBody 4.\n".encode())
    [article] = articles_of(read_all(tmp_path))
    assert article.text == "Headline\nBody 4.\n"


def test_huge_file_is_refused_with_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.ingest.files as ingest

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    (tmp_path / "huge.txt").write_text("Figures: 12 boats. " * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Headline\nTwo boats.\n", encoding="utf-8")
    items = read_all(tmp_path)
    [failure] = failures_of(items)
    assert failure.article_id == "huge.txt"
    assert "too large" in failure.reason
    assert [a.id for a in articles_of(items)] == ["small.txt"]


# ---------------------------------------------------------------- front matter without PyYAML

PLAIN_BLOCK = ["title: Storm closes 40 schools (update)\n", "published: 2026-11-20\n", "draft:\n"]


def test_plain_front_matter_is_read_as_yaml_reads_it_without_pyyaml() -> None:
    assert front_matter._plain_mapping(PLAIN_BLOCK) == {
        "title": "Storm closes 40 schools (update)",
        "published": "2026-11-20",
        "draft": None,
    }
    assert front_matter._plain_mapping(PLAIN_BLOCK) == yaml.load(
        "".join(PLAIN_BLOCK), front_matter._string_loader()
    )


@pytest.mark.parametrize(
    "line",
    [
        'title: "Quoted"\n',  # quotes are YAML's to read
        "title: Rates hit #1 again\n",  # a comment or a hashtag: the lenient reader decides
        "source: Daily: print\n",  # ": " in a value is an error in YAML
        "tags: [a, b]\n",
        "title: &anchor x\n",
        "  title: indented\n",
        "title:Tight\n",
        "~: x\n",
        "title: Hurricane 🌀 nears\n",  # outside the characters checked here
    ],
)
def test_front_matter_with_any_other_line_is_left_to_pyyaml(line: str) -> None:
    assert front_matter._plain_mapping([*PLAIN_BLOCK, line]) is None


KEYS = st.sampled_from(["title", "Published", "a-b", "null", "x", "~", "12", "é", "-x"])
SEPARATORS = st.sampled_from([":", ": ", ":  ", " :", ":\t"])
VALUE_PIECES = st.sampled_from(
    [
        "Storm",
        "null",
        "Null",
        "NULL",
        "yes",
        "12",
        "10:30",
        ":",
        ": ",
        " ",
        "#",
        " #",
        "'",
        '"',
        "-",
        "[",
        "]",
        "{",
        "&",
        "*",
        "!",
        "|",
        ">",
        "%",
        "@",
        "`",
        ",",
        "?",
        "~",
        "\t",
        "(",
        "é",
        "\xa0",
        "\x85",
        "\u2028",
        "\ufeff",
        "—",
        "\\",
        "\r",
    ]
)
LINES = st.tuples(KEYS, SEPARATORS, st.lists(VALUE_PIECES, max_size=6).map("".join)).map("".join)


@given(st.lists(st.tuples(LINES, st.sampled_from(["\n", "\r\n", ""])).map("".join), min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_every_block_read_without_pyyaml_is_what_pyyaml_reads(lines: list[str]) -> None:
    block = [line if line.endswith(("\n", "\r")) else line + "\n" for line in lines]
    plain = front_matter._plain_mapping(block)
    if plain is not None:
        assert plain == yaml.load("".join(block), front_matter._string_loader())
