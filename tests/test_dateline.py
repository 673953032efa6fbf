"""Publication dates from datelines and bylines, never from lists of other stories."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from claimcheck.resolve.dateline import find_publication_date
from tests.shared import SEEDS

BODY = (
    "The council approved the new budget after a long debate that ran late into the night, "
    "with members of every party speaking for and against the plan.\n\n"
    "Opponents said the cuts would hurt schools and clinics in the poorest districts of the "
    "city, and promised to fight the measure again when it returns next year.\n"
)

CASES = [
    (
        "byline-date-line",
        f"City budget passes\n\nBy Jane Doe\n22 Sep 2023 10:43\n\n{BODY}",
        date(2023, 9, 22),
    ),
    ("published-marker", f"Published: September 21, 2023\n{BODY}", date(2023, 9, 21)),
    ("byline-with-author", f"By Jane Doe | Sept. 20, 2023\n{BODY}", date(2023, 9, 20)),
    (
        "marker-with-zone",
        f"Updated 5 March 2024 14:02 GMT\n{BODY}",
        datetime(2024, 3, 5, 14, 2, tzinfo=UTC),
    ),
    ("press-release-dateline", f"NEW YORK, March 5, 2024 /PRNewswire/ -- {BODY}", date(2024, 3, 5)),
    ("iso-byline", f"2024-01-30\n{BODY}", date(2024, 1, 30)),
    (
        "iso-timestamp-with-offset",
        f"2024-01-30T10:43:00+02:00\n{BODY}",
        datetime(2024, 1, 30, 10, 43, tzinfo=timezone(timedelta(hours=2))),
    ),
    (
        "wire-dateline-year-from-copyright",
        f"WASHINGTON, Sept. 21 (Reuters) - {BODY}\n© 2023 Reuters",
        date(2023, 9, 21),
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_finds_publication_date(name: str, text: str, expected: date) -> None:
    found = find_publication_date(text, [])
    assert found is not None
    value, start, end = found
    assert value == expected
    assert text[start:end].strip() and start < end


NOT_FOUND = [
    ("date-inside-a-sentence", f"The treaty was signed on September 19, 2023, in Geneva.\n{BODY}"),
    ("embedded-post-after-the-body", f"{BODY}\n— Some Account (@account) September 19, 2023\n"),
    ("dates-after-the-body", f"{BODY}\nMore stories\n\nFloods hit the coast\n19 Nov 2025\n"),
    ("wire-dateline-without-year", f"LONDON, May 3 (Reuters) - {BODY}"),
    ("no-date", BODY),
]


@pytest.mark.parametrize(("name", "text"), NOT_FOUND, ids=[case[0] for case in NOT_FOUND])
def test_no_publication_date(name: str, text: str) -> None:
    assert find_publication_date(text, []) is None


def test_teaser_regions_are_never_read() -> None:
    text = f"Other stories\nFloods hit the coast\n19 Nov 2025\n\nCity budget passes\n20 Sep 2023\n{BODY}"
    teaser_end = text.index("City budget")
    found = find_publication_date(text, [(0, teaser_end, "teaser")])
    assert found is not None and found[0] == date(2023, 9, 20)
    assert find_publication_date(text, [])[0] == date(2025, 11, 19)  # type: ignore[index]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_003_byline_not_its_most_read_list() -> None:
    (path,) = SEEDS.glob("003_*.txt")
    text = path.read_text(encoding="utf-8")
    # Mark the page's story lists as the boilerplate filter does (teasers and ticker).
    noise = []
    for heading in ("BREAKING", "Most Read", "Read Next"):
        start = text.index(heading)
        blank = re.compile(r"\n\s*\n").search(text, start + len(heading) + 1)
        noise.append((start, blank.start() if blank else len(text), "teaser"))
    found = find_publication_date(text, sorted(noise))
    assert found is not None
    value, start, end = found
    assert value == date(2023, 9, 22)
    assert text[start:end] == "22 Sep 2023 10:43"
    # Even unmarked, the byline comes first.
    assert find_publication_date(text, [])[0] == date(2023, 9, 22)  # type: ignore[index]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_other_seeds_have_no_dateline(prefix: str) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    assert find_publication_date(path.read_text(encoding="utf-8"), []) is None
