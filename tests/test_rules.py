"""The rule loader: rules are data, and malformed rule files fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import RuleFileError
from claimcheck.rules import default_rules_dir, load_lexicon, load_rule, load_rules

CONTRACT_RULES = {
    "figure-conflict",
    "internal-conflict",
    "relative-date-unanchored",
    "relative-date-ambiguous",
    "relative-date-mismatch",
    "date-conflict",
}

VALID = """\
name: {name}
code: CC555
severity: warning
summary: A summary.
message: "Something about {{text}}"
description: A description.
"""


def write_rule(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_rules_include_the_contract_names() -> None:
    ruleset = load_rules(None)
    names = {rule.name for rule in ruleset.rules}
    assert names >= CONTRACT_RULES
    codes = [rule.code for rule in ruleset.rules]
    assert len(codes) == len(set(codes))
    for rule in ruleset.rules:
        assert rule.summary and rule.description and rule.message
        assert Path(rule.path).parent == default_rules_dir()


def test_valid_rule_loads_with_default_params(tmp_path: Path) -> None:
    path = write_rule(tmp_path, "relative-date-mismatch", VALID.format(name="relative-date-mismatch"))
    rule = load_rule(path)
    assert rule.code == "CC555"
    assert rule.check_name == "relative-date-mismatch"
    assert rule.format_message(text="x") == "Something about x"


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        (VALID.format(name="figure-conflict") + "colour: red\n", "colour", "unknown key"),
        (VALID.format(name="figure-conflict").replace("warning", "fatal"), "severity", ""),
        (VALID.format(name="figure-conflict").replace("CC555", "X1"), "code", "CC123"),
        (
            VALID.format(name="figure-conflict") + "params:\n  tolerance_typo: 1\n",
            "params.tolerance_typo",
            "unknown key",
        ),
        (
            VALID.format(name="figure-conflict") + "params:\n  relative_tolerance: 5\n",
            "params.relative_tolerance",
            "",
        ),
        (VALID.format(name="other-name"), "name", "differs from the file name"),
        (VALID.format(name="figure-conflict").replace("summary: A summary.\n", ""), "summary", "required"),
    ],
)
def test_bad_rule_files_name_file_and_key(tmp_path: Path, text: str, key: str, reason: str) -> None:
    path = write_rule(tmp_path, "figure-conflict", text)
    with pytest.raises(RuleFileError) as caught:
        load_rule(path)
    assert caught.value.key == key
    assert str(path) in str(caught.value)
    assert reason in caught.value.reason


def test_rule_without_a_known_check_is_rejected(tmp_path: Path) -> None:
    path = write_rule(tmp_path, "made-up", VALID.format(name="made-up"))
    with pytest.raises(RuleFileError, match="no check 'made-up'"):
        load_rule(path)


def test_invalid_yaml_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="invalid YAML"):
        load_rule(write_rule(tmp_path, "figure-conflict", "name: [unclosed\n"))
    with pytest.raises(RuleFileError, match="mapping"):
        load_rule(write_rule(tmp_path, "figure-conflict", "- a list\n"))


def test_duplicate_codes_in_a_folder_are_rejected(tmp_path: Path) -> None:
    write_rule(tmp_path, "figure-conflict", VALID.format(name="figure-conflict"))
    write_rule(tmp_path, "date-conflict", VALID.format(name="date-conflict"))
    with pytest.raises(RuleFileError, match="CC555 is also used"):
        load_rules(str(tmp_path))


def test_unknown_message_slot_is_reported(tmp_path: Path) -> None:
    rule = load_rule(write_rule(tmp_path, "date-conflict", VALID.format(name="date-conflict")))
    with pytest.raises(RuleFileError, match="unknown slot"):
        rule.format_message(other="x")


def test_missing_lexicon_is_an_error() -> None:
    with pytest.raises(RuleFileError, match="lexicon not found"):
        load_lexicon("no-such-lexicon")
