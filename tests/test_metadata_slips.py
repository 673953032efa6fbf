"""No article is lost to a slip in its metadata: a folder of files with every kind of
front-matter slip, read through `pipeline.check_paths` as `claimcheck check` reads it.
Every article is checked, and each slip is warned once (an input-warning naming the
file and the line) with what was assumed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from claimcheck.models import Report
from claimcheck.pipeline import check_paths

BODY = "The council approved a $4.2 million budget on Tuesday, officials said.\n"

# (file name, file text, [(line, words of the warning)] one a slip, {field: value read})
SLIPS: list[tuple[str, str, list[tuple[int, str]], dict[str, object]]] = [
    (
        "01-colon-in-title.md",
        f"---\ntitle: Quake toll rises: 312 dead\nsource: Harbor Daily\n---\n{BODY}",
        [(2, "read as title = 'Quake toll rises: 312 dead' (an unquoted ': ' in the value)")],
        {"title": "Quake toll rises: 312 dead", "source": "Harbor Daily"},
    ),
    (
        "02-unclosed-quote.md",
        f'---\ntitle: "Council backs budget\nsource: Harbor Daily\n---\n{BODY}',
        [(2, "an unclosed quote was dropped")],
        {"title": "Council backs budget", "source": "Harbor Daily"},
    ),
    (
        "03-quote-inside-quotes.md",
        f"---\ntitle: 'Mayor's budget passes'\n---\n{BODY}",
        [(2, "a quote inside the quoted value")],
        {"title": "Mayor's budget passes"},
    ),
    (
        "04-no-space-after-colon.md",
        f"---\ntitle: Budget passes\nsource:Harbor Daily\n---\n{BODY}",
        [(3, "no space after ':'")],
        {"source": "Harbor Daily"},
    ),
    (
        "05-tab-before-key.md",
        f"---\ntitle: Budget passes\n\tsource: Harbor Daily\n---\n{BODY}",
        [(3, "the indentation before the key was ignored")],
        {"source": "Harbor Daily"},
    ),
    (
        "06-stray-line.md",
        f"---\ntitle: Budget passes\nHarbor Daily\n---\n{BODY}",
        [(3, "'Harbor Daily' is no key: value line")],
        {"title": "Budget passes"},
    ),
    (
        "07-capital-key.md",
        f"---\nTitle: Budget passes\n---\n{BODY}",
        [(2, "'Title' read as 'title'")],
        {"title": "Budget passes"},
    ),
    (
        "08-misspelled-key.md",
        f"---\ntitle: Budget passes\npubished: 2024-03-16\n---\n{BODY}",
        [(3, "'pubished' read as 'published' (a misspelling?)")],
        {"published": date(2024, 3, 16)},
    ),
    (
        "09-date-key.md",
        f"---\ntitle: Budget passes\ndate: 2024-03-16\n---\n{BODY}",
        [(3, "'date' read as 'published'")],
        {"published": date(2024, 3, 16)},
    ),
    (
        "10-key-twice.md",
        f"---\ntitle: Budget delayed\ntitle: Budget passes\n---\n{BODY}",
        [(3, "'title' is given again (line 2); the later value was read")],
        {"title": "Budget passes"},
    ),
    (
        "11-alias-beside-key.md",
        f"---\npublished: 2024-03-16\ndate: 2024-03-17\n---\n{BODY}",
        [(3, "'date' was left out: 'published' is given")],
        {"published": date(2024, 3, 16)},
    ),
    (
        "12-never-closed.md",
        f"---\ntitle: Budget passes\nsource: Harbor Daily\n\n{BODY}",
        [(1, "never closed; lines 2-3 were read as it")],
        {"title": "Budget passes", "source": "Harbor Daily"},
    ),
    (
        "13-four-dashes.md",
        f"---\ntitle: Budget passes\n----\n{BODY}",
        [(3, "'----' read as the closing '---'")],
        {"title": "Budget passes"},
    ),
    (
        "14-no-fences.md",
        f"title: Budget passes\nsource: Harbor Daily\n\n{BODY}",
        [(1, "front matter without '---' fences")],
        {"title": "Budget passes", "source": "Harbor Daily"},
    ),
    (
        "15-blank-lines-first.md",
        f"\n\n---\ntitle: Budget passes\n---\n{BODY}",
        [(3, "front matter starts after 2 blank line(s)")],
        {"title": "Budget passes"},
    ),
    (
        "16-list-not-mapping.md",
        f"---\n- title: Budget passes\n- Harbor Daily\n---\n{BODY}",
        [(1, "no key: value lines follow; read as text")],
        {"title": None},
    ),
    (
        "17-rule-over-text.md",
        f"---\nBudget story for Tuesday\n---\n{BODY}",
        [(1, "no key: value lines follow; read as text")],
        {"body_line": 1},
    ),
    (
        "18-title-list.md",
        f"---\ntitle: [Budget passes, Council votes]\n---\n{BODY}",
        [(2, "title is a list; it was read as 'Budget passes, Council votes'")],
        {"title": "Budget passes, Council votes"},
    ),
    (
        "19-title-mapping.md",
        f"---\ntitle: {{main: Budget passes}}\n---\n{BODY}",
        [(2, "title is a dict, not text; it was left out")],
        {"title": None},
    ),
    (
        "20-hashtag-in-title.md",
        f"---\ntitle: Budget is #1 issue\nsource: Harbor Daily  # the print edition\n---\n{BODY}",
        [(2, "'#1 issue' after title is text, not a YAML comment")],
        {"title": "Budget is #1 issue", "source": "Harbor Daily"},
    ),
    (
        "21-date-in-words.md",
        f"---\npublished: March 16, 2024\n---\n{BODY}",
        [(2, "published 'March 16, 2024' read as 2024-03-16")],
        {"published": date(2024, 3, 16)},
    ),
    (
        "22-day-first-date.md",
        f"---\npublished: 16/03/2024\n---\n{BODY}",
        [(2, "published '16/03/2024' read as 2024-03-16")],
        {"published": date(2024, 3, 16)},
    ),
    (
        "23-ambiguous-date.md",
        f"---\npublished: 03/04/2024\n---\n{BODY}",
        [(2, "the order of day and month is a guess; read as 2024-04-03 (day first), not 2024-03-04")],
        {"published": date(2024, 4, 3)},
    ),
    (
        "24-no-such-day.md",
        f"---\npublished: 2024-02-30\n---\n{BODY}",
        [(2, "published '2024-02-30' is no date (February 2024 has 29 days); it was left out")],
        {"published": None},
    ),
    (
        "25-relative-date.md",
        f"---\npublished: yesterday\n---\n{BODY}",
        [(2, "published 'yesterday' is not a date; it was left out")],
        {"published": None},
    ),
    (
        "26-month-without-day.md",
        f"---\npublished: March 2024\n---\n{BODY}",
        [(2, "published 'March 2024' names no day")],
        {"published": None},
    ),
    (
        "27-zone-name.md",
        f"---\npublished: 2024-03-16 09:30 EST\n---\n{BODY}",
        [(2, "the time zone 'EST' was not read")],
        {"published": datetime(2024, 3, 16, 9, 30)},  # noqa: DTZ001 - naive as read
    ),
    (
        "28-unix-time.md",
        f"---\npublished: 1710577800\n---\n{BODY}",
        [(2, "read as a Unix time")],
        {"published": datetime(2024, 3, 16, 8, 30, tzinfo=UTC)},
    ),
    (
        "29-crlf-and-colon.md",
        f"---\r\ntitle: Budget: what passed\r\nid: 0123\r\npublished: 2024-03-16 09:30\r\n---\r\n{BODY}",
        [(2, "an unquoted ': ' in the value")],
        {"title": "Budget: what passed", "id": "0123"},
    ),
    (
        "30-two-slips.md",
        f"---\ntitle: Budget passes: 5-2 vote\nPublished: 2024/03/16\n---\n{BODY}",
        [
            (2, "an unquoted ': ' in the value"),
            (3, "'Published' read as 'published'"),
            (3, "published '2024/03/16' read as 2024-03-16"),
        ],
        {"title": "Budget passes: 5-2 vote", "published": date(2024, 3, 16)},
    ),
]


TOWNS = ("Brenford", "Halden", "Marlow", "Orvana", "Tessbury", "Quillan")
WHO = ("Police", "Firefighters", "Teachers", "Nurses", "Drivers")
WHAT = ("boats", "homes", "trees", "cars", "shops", "farms", "bridges")


def body_of(index: int) -> str:
    """A body of its own for each file: the same text twice would be one article's copies."""
    return (
        f"{WHO[index % 5]} in {TOWNS[index % 6]} counted {10 + 7 * index} {WHAT[index % 7]} damaged"
        f" by the storm, and {index + 2} roads stayed closed for {index + 3} days.\n"
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    folder = tmp_path_factory.mktemp("slips")
    for index, (name, text, _warnings, _fields) in enumerate(SLIPS):
        (folder / name).write_bytes(text.replace(BODY, body_of(index)).encode("utf-8"))
    return folder, check_paths([str(folder)])


def test_every_article_is_checked(report: tuple[Path, Report]) -> None:
    _folder, checked = report
    ids = {article.id for article in checked.articles}
    assert {name for name, *_ in SLIPS} - ids <= {"29-crlf-and-colon.md"}  # its front matter id is "0123"
    assert len(checked.articles) == len(SLIPS)
    assert not [f.message for f in checked.findings if f.rule == "input-error"]
    # The body is read and checked: every article gives its claims.
    assert {claim.article_id for claim in checked.claims} == ids


@pytest.mark.parametrize(("name", "text", "expected", "fields"), SLIPS, ids=[slip[0] for slip in SLIPS])
def test_each_slip_is_warned_once(
    report: tuple[Path, Report],
    name: str,
    text: str,
    expected: list[tuple[int, str]],
    fields: dict[str, object],
) -> None:
    folder, checked = report
    path = str(folder / name)
    warnings = sorted(
        (f.line, f.message) for f in checked.findings if f.rule == "input-warning" and f.path == path
    )
    assert len(warnings) == len(expected), warnings
    for (line, message), (expected_line, words) in zip(warnings, sorted(expected), strict=True):
        assert line == expected_line, (line, message)
        assert message.startswith(f"{path}, line {line}: "), message
        assert words in message, (words, message)
    [article] = [a for a in checked.articles if a.path == path]
    for field, value in fields.items():
        assert getattr(article, field if field != "id" else "id") == value, (field, getattr(article, field))
