"""The grouping corpus's gold is well formed: every quote is real text of its article.

A gold quote is [article file name, words of the claim's sentence that contain the
claim's text] (see benchmarks/groups.py). These checks use no claimcheck code, so
a quote that fails here is a mistake in the gold, not in the tool.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLD = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))
FRONT_MATTER_RE = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)

# A full stop that ends one of these does not end a sentence.
ABBREVIATIONS = ("No.", "a.m.", "p.m.", "Dr.", "St.", "Mr.", "Mrs.", "Ms.", "U.S.")
SENTENCE_END_RE = re.compile(r"(?P<word>\S*[.!?])[\"')\]]*\s+[\"'(]*[A-Z0-9]")
FIGURE_RE = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|"
    r"million|billion|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b",
    re.IGNORECASE,
)


def _article(name: str) -> tuple[dict, str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    match = FRONT_MATTER_RE.match(text)
    assert match is not None, f"{name}: no front matter"
    return yaml.safe_load(match.group("yaml")), text[match.end() :]


def _quotes() -> list[tuple[str, str, str]]:
    found = []
    for section in ("findings", "groups"):
        for index, entry in enumerate(GOLD.get(section, [])):
            found += [(f"{section}[{index}]", name, words) for name, words in entry["quotes"]]
    for index, pair in enumerate(GOLD.get("apart", [])):
        found += [(f"apart[{index}]", name, words) for name, words in pair]
    return found


QUOTES = _quotes()


@pytest.mark.parametrize(("where", "name", "words"), QUOTES, ids=[f"{w}:{n}:{q}" for w, n, q in QUOTES])
def test_quote_is_in_one_sentence_of_its_article(where: str, name: str, words: str) -> None:
    assert (CORPUS / name).is_file(), f"{where}: no article {name}"
    _meta, body = _article(name)
    assert words in body, f"{where}: {words!r} is not in {name}"
    assert "\n" not in words, f"{where}: {words!r} spans paragraphs"
    for match in SENTENCE_END_RE.finditer(words):
        assert match.group("word").endswith(ABBREVIATIONS), f"{where}: {words!r} spans sentences"
    assert FIGURE_RE.search(words), f"{where}: {words!r} holds no figure or date"


def test_findings_and_groups_are_well_formed() -> None:
    rules = {"figure-conflict", "internal-conflict", "date-conflict"}
    for entry in GOLD["findings"]:
        assert entry["rule"] in rules
        assert len(entry["quotes"]) == 2
        names = {name for name, _ in entry["quotes"]}
        # An internal conflict is within one article; the others are across articles.
        assert (len(names) == 1) == (entry["rule"] == "internal-conflict"), entry
    for entry in GOLD["groups"]:
        assert entry["status"] in {"consistent", "evolving", "conflict", "single_source"}
        assert len(entry["quotes"]) >= 2
    for pair in GOLD["apart"]:
        assert len(pair) == 2 and pair[0] != pair[1]


def test_every_article_is_in_exactly_one_story() -> None:
    articles = sorted(p.name for p in CORPUS.glob("*.md"))
    in_stories = sorted(name for story in GOLD["stories"] for name in story)
    assert in_stories == articles


def test_duplicates_are_articles_of_the_same_story() -> None:
    story_of = {name: index for index, story in enumerate(GOLD["stories"]) for name in story}
    for copy, canonical in GOLD["duplicates"]:
        assert story_of[copy] == story_of[canonical]


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.md")))
def test_article_front_matter(name: str) -> None:
    meta, body = _article(name)
    assert {"title", "source", "published"} <= set(meta), name
    assert "id" not in meta, f"{name}: an id would replace the file name the gold uses"
    assert body.strip()
