"""Errors with stable codes, in one place, so users can search them (as spaCy does)."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """A failure the user can act on; the CLI prints it without a traceback."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(ClaimcheckError):
    """An input file cannot be read as an article."""

    code = "E001"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RuleFileError(ClaimcheckError):
    """A rule or lexicon file is malformed."""

    code = "E002"

    def __init__(self, path: str, key: str | None, reason: str) -> None:
        where = f"{path}: key '{key}'" if key else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.key = key
        self.reason = reason


class ConfigError(ClaimcheckError):
    """A configuration file or command-line option is invalid."""

    code = "E003"


class UsageError(ClaimcheckError):
    """The command line cannot be carried out (no input, bad arguments)."""

    code = "E004"


class StoreError(ClaimcheckError):
    """The claim store cannot be used (locked, newer than this claimcheck, damaged)."""

    code = "E005"
