"""The shortcuts that let extraction skip text find what the full scans find: word lists as
tries, trigger signs of the digit date patterns, the excluded stretches scanned from where
they can begin, the first-letter test of number words, remembered candidate words.

(benchmarks/throughput.py measures what they save; here only that they change nothing.)"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from claimcheck.extract import numeric, temporal
from claimcheck.extract.alternation import trie_alternation
from claimcheck.extract.figures import DIGIT_RE, NOT_FIGURE_RE, WORD_RE, SentenceText
from claimcheck.extract.numeric_lexicon import load_numeric_lexicon
from claimcheck.extract.temporal_patterns import _alternation

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    "Call +44 20 7946 0958 or (555) 123-4567 before 9:30 a.m. on 2024-03-16T09:30:00Z.",
    "See https://example.com/a1 or www.news.org/2024 and email desk@paper.com by 5/6/2024.",
    "The site example.net/page-2 lists 3,000 cases; 0207 946 0958 is the line, 12.5.2024.",
    "In the 1990s, the '90s and the 1990's, 9/22/2023 and 3:07:35 were dates; fiscal 2019.",
    "The 1998-99 season, mid-2010s, the nineties, in '87, at 14:05, 1 1/2 hours, ’05 too.",
    "HTTP://EXAMPLE.COM/X cost $5m; WWW.SITE.ORG/9 said 40% of 1,200 people, up 3.5%.",
    "Scores 2-1 and 110-104; Route 66; the 737 MAX; 20 EV models; 5G; (4) and [7].",
    "Plain prose with a few digits: 7 ships, 12 ports, and 2,000 tonnes of grain.",
]


def _corpus_texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "corpus").glob("*.md")) + sorted((ROOT / "examples").glob("*.*"))
    return [path.read_text(encoding="utf-8") for path in paths]


TEXTS = TRICKY + _corpus_texts()


def _lines(texts: list[str]) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line.strip()]


def test_excluded_spans_are_those_of_the_full_pattern() -> None:
    lex = load_numeric_lexicon()
    for line in _lines(TEXTS):
        full = [m.span() for m in NOT_FIGURE_RE.finditer(line)] if DIGIT_RE.search(line) else []
        assert numeric._excluded_spans(SentenceText(line, 0, len(line), lex)) == full, line


def test_every_match_of_a_digit_date_pattern_holds_its_sign() -> None:
    signs = dict(temporal.DIGIT_SIGNS)
    checked = 0
    for pattern, _reader, _priority, triggers in temporal.PATTERNS:
        gate = [signs[trigger] for trigger in triggers if trigger in signs]
        if not gate:
            continue
        for line in _lines(TEXTS):
            for match in pattern.finditer(line):
                words = set(temporal.WORD_RE.findall(match.group().lower()))
                assert any(sign.search(match.group()) for sign in gate) or not triggers.isdisjoint(words), (
                    pattern.pattern[:40],
                    match.group(),
                )
                checked += 1
    assert checked > 20  # the tricky lines hold dates of every gated pattern


def _flat(words: set[str]) -> str:
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


@pytest.mark.parametrize("seed", range(40))
def test_a_trie_matches_as_the_longest_first_list(seed: int) -> None:
    rng = random.Random(seed)
    letters = "abc"
    words = {
        " ".join(
            "".join(rng.choice(letters) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 2))
        )
        for _ in range(rng.randint(1, 12))
    }
    text = " ".join(
        "".join(rng.choice(letters + letters.upper() + " -") for _ in range(rng.randint(1, 6)))
        for _ in range(60)
    )
    for template in ("(?:{})", r"\b(?:{})\b", "(?:{})s?c", "x|(?:{})|a"):
        trie = re.compile(template.format(trie_alternation(words)), re.I)
        flat = re.compile(template.format(_flat(words)), re.I)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert _alternation(words) == trie_alternation(words)


def test_words_a_trie_cannot_stand_for_stay_a_list() -> None:
    # Ignoring case "May" matches where "mayor" does without being its prefix.
    assert _alternation(["May", "mayor"]) == _flat({"May", "mayor"})
    assert _alternation(["May", "MAY"], case_sensitive=True) == trie_alternation(["May", "MAY"])
    assert _alternation(["two  words"]) == _flat({"two  words"})


def test_number_words_are_found_where_the_plain_pattern_finds_them() -> None:
    lex = load_numeric_lexicon()
    body = lex.first_word_re.pattern.split(")", 1)[1].rsplit(r"\b|\d|\.\d", 1)[0]
    plain = re.compile(rf"\d|\.\d|\b{body}\b", re.I)
    for line in [*_lines(TEXTS), "Half A Dozen, TWENTY-ONE, .5, Three quarters, tens of thousands"]:
        assert [m.span() for m in lex.first_word_re.finditer(line)] == [
            m.span() for m in plain.finditer(line)
        ]


def test_remembered_candidate_words_are_the_pattern_s_answers() -> None:
    lex = load_numeric_lexicon()
    for line in _lines(TEXTS):
        for word in WORD_RE.findall(line):
            assert lex.is_candidate(word) == (lex.candidate_re.fullmatch(word) is not None)
