"""Configuration of `claimcheck lint`: `[tool.claimcheck]` or a `.claimcheck.toml`.

Found from the first draft's folder upwards (a `.claimcheck.toml` wins over a
`pyproject.toml` in the same folder; a pyproject without `[tool.claimcheck]` is
passed over), or given with --config. Unknown keys and bad values are errors
naming the key and the file, as Vale and ruff do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from claimcheck.errors import ConfigError

CONFIG_FILE = ".claimcheck.toml"
PYPROJECT = "pyproject.toml"
SECTION = ("tool", "claimcheck")

LEVELS = ("info", "warning", "error")
FAIL_ON_LEVELS = (*LEVELS, "never")
FIX_STYLES = ("ap", "plain")
"""ap: AP style ("voted Thursday"); plain: the preposition English wants ("voted on Thursday")."""

KNOWN_KEYS = ("enable", "disable", "severity", "min-level", "rules", "fix-style", "fail-on")


@dataclass(frozen=True)
class LintConfig:
    path: str | None = None
    """The file the settings came from (None: built-in defaults)."""
    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    severity: tuple[tuple[str, str], ...] = ()
    min_level: str = "info"
    rules: str | None = None
    """Rules folder, resolved against the config file's folder."""
    fix_style: Literal["ap", "plain"] | None = None
    """None: the style of the house-style-dates rule file (ap by default)."""
    fail_on: str | None = None


def _error(path: Path, key: str, reason: str) -> ConfigError:
    return ConfigError(f"{path}: key '{key}': {reason}")


def _names(path: Path, key: str, value: Any) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _error(path, key, "must be a list of rule names")
    return frozenset(value)


def _choice(path: Path, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _error(path, key, f"{value!r} is not one of {', '.join(choices)}")
    return str(value)


def parse_config(table: dict[str, Any], path: Path) -> LintConfig:
    """Validate one settings table (the keys of `[tool.claimcheck]`)."""
    for key in table:
        if key not in KNOWN_KEYS:
            raise _error(path, key, f"unknown key (known: {', '.join(KNOWN_KEYS)})")
    fields: dict[str, Any] = {"path": str(path)}
    if "enable" in table:
        fields["enable"] = _names(path, "enable", table["enable"])
    if "disable" in table:
        fields["disable"] = _names(path, "disable", table["disable"])
    if "severity" in table:
        severity = table["severity"]
        if not isinstance(severity, dict):
            raise _error(path, "severity", "must be a table of rule name = level")
        for rule, level in severity.items():
            _choice(path, f"severity.{rule}", level, LEVELS)
        fields["severity"] = tuple(sorted(severity.items()))
    if "min-level" in table:
        fields["min_level"] = _choice(path, "min-level", table["min-level"], LEVELS)
    if "rules" in table:
        if not isinstance(table["rules"], str):
            raise _error(path, "rules", "must be a folder path")
        fields["rules"] = str((path.parent / table["rules"]).resolve())
    if "fix-style" in table:
        fields["fix_style"] = _choice(path, "fix-style", table["fix-style"], FIX_STYLES)
    if "fail-on" in table:
        fields["fail_on"] = _choice(path, "fail-on", table["fail-on"], FAIL_ON_LEVELS)
    return LintConfig(**fields)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a config file is there to read

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _section(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """The settings table of a file: `[tool.claimcheck]` of a pyproject, else the whole file."""
    if path.name != PYPROJECT:
        tool = data.get("tool")
        if isinstance(tool, dict) and "claimcheck" in tool and len(data) == 1:
            data = tool["claimcheck"]  # a .claimcheck.toml may also use the pyproject layout
        return data
    table: Any = data
    for part in SECTION:
        if not isinstance(table, dict) or part not in table:
            return None
        table = table[part]
    if not isinstance(table, dict):
        raise _error(path, "tool.claimcheck", "must be a table")
    return table


def load_config_file(path: Path) -> LintConfig:
    table = _section(_read_toml(path), path)
    return parse_config(table or {}, path)


def find_config(start: Path) -> Path | None:
    """The nearest `.claimcheck.toml`, or pyproject.toml with `[tool.claimcheck]`, upwards."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _section(_read_toml(pyproject), pyproject) is not None:
            return pyproject
    return None


def load_config(explicit: str | None, first_input: str | None) -> LintConfig:
    """--config if given, else the nearest config file of the first input, else defaults."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        return load_config_file(path)
    if first_input is None:
        return LintConfig()
    found = find_config(Path(first_input))
    return load_config_file(found) if found else LintConfig()
