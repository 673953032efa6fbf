"""Lexicons are word lists: YAML 1.1's booleans (on, off, yes, no) must stay words."""

from __future__ import annotations

from pathlib import Path

from claimcheck.rules import _load_yaml, default_rules_dir


def test_yes_no_on_off_are_words(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text("words: [on, off, yes, no, y, n]\nflag: true\nother: False\n", encoding="utf-8")
    data = _load_yaml(path)
    assert data == {"words": ["on", "off", "yes", "no", "y", "n"], "flag": True, "other": False}


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_no_bundled_word_list_holds_a_boolean() -> None:
    for path in sorted((default_rules_dir() / "lexicon").glob("*.yaml")):
        lists = [value for value in _leaves(_load_yaml(path)) if isinstance(value, bool)]
        assert lists == [], path.name
