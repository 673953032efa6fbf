"""Rules are data: one YAML file a rule in `rules/`, validated strictly.

A rule file names its check (`check:`, by default the rule's own name), a code,
a severity, a message template with `{}` slots, a description, and the check's
own parameters. Unknown keys and bad values are errors that name the file and
the key, as in Vale.

Validated rules and parsed lexicons are kept between runs (claimcheck.cache), keyed by
the files' contents: a run whose files are unchanged imports neither pydantic nor PyYAML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

if TYPE_CHECKING:
    from annotated_types import Ge, Le, Lt

from claimcheck import cache
from claimcheck.errors import RuleFileError
from claimcheck.models import STRICT, Severity

RULE_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_CODE_RE = re.compile(r"^CC[0-9]{3}$")


# Plain frozen dataclasses: the lint hook reads rules without importing pydantic.
# The loader validates a rule file with pydantic (bounds are annotated_types constraints,
# imported with pydantic: see _validate).


@dataclass(frozen=True, kw_only=True)
class _Params:
    __pydantic_config__ = STRICT


@dataclass(frozen=True, kw_only=True)
class NoParams(_Params):
    pass


@dataclass(frozen=True, kw_only=True)
class FigureConflictParams(_Params):
    """Tolerances that decide when two figures can no longer both hold."""

    relative_tolerance: Annotated[float, Ge(0), Lt(1)] = 0.0
    """Extra slack, as a fraction of the larger value, granted to every comparison."""
    min_independent_sources: Annotated[int, Ge(1)] = 1
    """A conflict is reported only if each side has at least this many independent sources."""
    evolving_predicates: tuple[str, ...] = ()
    """Concepts whose counts accumulate over time (a rise is `evolving`, not a conflict)."""
    changing_predicates: tuple[str, ...] = ()
    """Concepts whose counts move either way as a situation resolves (the missing are found,
    power comes back): any change between earlier and later reports is `evolving`."""


@dataclass(frozen=True, kw_only=True)
class InternalConflictParams(_Params):
    relative_tolerance: Annotated[float, Ge(0), Lt(1)] = 0.0
    compared_per_claim: Annotated[int, Ge(1)] = 8
    """Each claim is compared with at most this many earlier claims of its article that
    state the same figure (the nearest before it): the work grows linearly with the
    claims, and a figure restated many times is still checked against its latest wording."""
    max_findings_per_article: Annotated[int, Ge(1)] = 20
    """Findings listed per article; one more finding says how many were left out."""


@dataclass(frozen=True, kw_only=True)
class AmbiguousDateParams(_Params):
    conventional_severity: Severity = "info"
    """Severity when news convention usually settles the reading (same-weekday 'on Friday')."""
    year_boundary_days: Annotated[int, Ge(0), Le(183)] = 45
    """A month named without a year is ambiguous this close to a year boundary."""


@dataclass(frozen=True, kw_only=True)
class DateConflictParams(_Params):
    same_day_only: bool = True
    """Compare only sources published on the same day (later reports may correct dates)."""


@dataclass(frozen=True, kw_only=True)
class HedgeToleranceParams(_Params):
    """How wide an interval hedged and rounded wording allows (see rules/lexicon/hedges.yaml)."""


@dataclass(frozen=True, kw_only=True)
class HouseStyleDatesParams(_Params):
    style: Literal["ap", "plain"] = "ap"
    """How fixes write a day: AP ("voted Thursday") or plain English ("voted on Thursday")."""
    weekday_window_days: Annotated[int, Ge(1), Le(31)] = 7


@dataclass(frozen=True, kw_only=True)
class UnusedSuppressionParams(_Params):
    pass


PARAMS_BY_CHECK: dict[str, type[_Params]] = {
    "input-error": NoParams,
    "figure-conflict": FigureConflictParams,
    "internal-conflict": InternalConflictParams,
    "relative-date-unanchored": NoParams,
    "relative-date-ambiguous": AmbiguousDateParams,
    "relative-date-mismatch": NoParams,
    "date-conflict": DateConflictParams,
    "house-style-dates": HouseStyleDatesParams,
    "unused-suppression": UnusedSuppressionParams,
}


@dataclass(frozen=True, kw_only=True)
class CaseArticle:
    __pydantic_config__ = STRICT

    text: str
    id: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True, kw_only=True)
class RuleCase:
    """A named example run by tests/test_rule_cases.py: `fail` cases must produce a
    finding of the rule, `pass` cases must not (sqlfluff's YAML rule cases)."""

    __pydantic_config__ = STRICT

    name: str
    expect: Literal["pass", "fail"]
    text: str | None = None
    published: str | None = None
    articles: tuple[CaseArticle, ...] = ()
    file: str | None = None
    """The content of one input file (Markdown with front matter), read as `claimcheck check` reads it."""
    message_contains: str | None = None
    fix: str | None = None
    """For lint fixes: the text after applying the finding's fix."""


@dataclass(frozen=True, kw_only=True)
class Rule:
    __pydantic_config__ = STRICT

    name: str
    code: str
    severity: Severity
    summary: str
    message: str
    description: str
    check: str | None = None
    enabled: bool = True
    aliases: tuple[str, ...] = ()
    link: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    cases: tuple[RuleCase, ...] = field(default=(), repr=False)
    """Named pass/fail examples; tests/test_rule_cases.py runs them (sqlfluff-style)."""
    # Filled by the loader, never read from the file.
    path: str = ""
    settings: _Params = field(default_factory=NoParams)

    @property
    def check_name(self) -> str:
        return self.check or self.name

    def format_message(self, **slots: Any) -> str:
        try:
            return self.message.format(**slots)
        except (KeyError, IndexError) as exc:
            raise RuleFileError(self.path, "message", f"unknown slot {exc}") from None


LOADER_FIELDS = frozenset({"path", "settings"})
"""Rule fields the loader fills; a rule file naming one is wrong."""


@dataclass(frozen=True)
class RuleSet:
    directory: str
    rules: tuple[Rule, ...]

    def get(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name or name in rule.aliases or rule.code == name:
                return rule
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return any(rule.name == name for rule in self.rules)

    def enabled(self) -> Iterable[Rule]:
        return (rule for rule in self.rules if rule.enabled)


def default_rules_dir() -> Path:
    """The bundled rules: inside the installed wheel, or the repository's `rules/`."""
    package = Path(__file__).resolve().parent
    bundled = package / "_rules"
    if bundled.is_dir():
        return bundled
    return package.parent / "rules"


CODE = (Path(__file__), Path(__file__).with_name("serialize.py"))
"""The code that reads and validates the files: a cached rule set depends on it too."""


@functools.cache
def _yaml_loader() -> Any:
    """The YAML loader, built when a file is parsed (a cached run imports no YAML)."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """YAML 1.2 booleans: only true and false. YAML 1.1 reads on, off, yes, no, y and n
        as booleans, and word lists hold them as words ("on", "no")."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return Loader


def _load_yaml(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), None, f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        raise RuleFileError(str(path), None, f"invalid YAML: {exc}") from None


def _validate(cls: type[Any], data: Any) -> tuple[Any, tuple[str, str] | None]:
    """(the validated object, None) or (None, (key, message)) of the first error."""
    import annotated_types
    from pydantic import ValidationError

    # pydantic reads the (postponed) annotations by name in this module's namespace; the
    # bounds are bound there only now, so that a run reading cached rules never imports them.
    globals().update(Ge=annotated_types.Ge, Le=annotated_types.Le, Lt=annotated_types.Lt)

    from claimcheck.serialize import from_data

    try:
        return from_data(cls, data), None
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        message = error["msg"]
        if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            message = "unknown key"
        return None, (key, message)


def load_rule(path: Path) -> Rule:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(str(path), None, "a rule file must be a mapping of keys to values")
    for key in LOADER_FIELDS & data.keys():
        raise RuleFileError(str(path), key, "unknown key")
    rule, error = _validate(Rule, data)
    if error is not None:
        raise RuleFileError(str(path), *error)
    if not RULE_NAME_RE.match(rule.name):
        raise RuleFileError(str(path), "name", "must be lower-case words joined by hyphens")
    if not RULE_CODE_RE.match(rule.code):
        raise RuleFileError(str(path), "code", "must look like CC123")
    if rule.name != path.stem:
        raise RuleFileError(str(path), "name", f"{rule.name!r} differs from the file name")
    params_model = PARAMS_BY_CHECK.get(rule.check_name)
    if params_model is None:
        known = ", ".join(sorted(PARAMS_BY_CHECK))
        key = "check" if rule.check else "name"
        raise RuleFileError(str(path), key, f"no check {rule.check_name!r} (known: {known})")
    settings, error = _validate(params_model, rule.params)
    if error is not None:
        raise RuleFileError(str(path), f"params.{error[0]}", error[1])
    return replace(rule, path=str(path), settings=settings)


@functools.cache
def load_rules(directory: str | None = None) -> RuleSet:
    """All rule files of a folder, sorted by code; codes and names must be unique."""
    folder = Path(directory) if directory else default_rules_dir()
    if not folder.is_dir():
        raise RuleFileError(str(folder), None, "rules folder not found")
    paths = sorted(folder.glob("*.yaml"))
    # The rule set names its folder and files as given: they are part of the entry's identity.
    return cache.load(
        _entry_name("rules", directory), [str(folder)], [*paths, *CODE], lambda: _read_rules(folder, paths)
    )


def _entry_name(kind: str, directory: str | None) -> str:
    """One cache entry for the bundled files, one for the last custom folder used: a custom
    folder rarely changes, and test runs with many temporary folders leave one file."""
    return kind if _custom_folder(directory) is None else f"{kind}-custom"


def _read_rules(folder: Path, paths: list[Path]) -> RuleSet:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in paths:
        rule = load_rule(path)
        for key in (rule.name, rule.code):
            if key in seen:
                raise RuleFileError(str(path), "code", f"{key} is also used by {seen[key]}")
            seen[key] = str(path)
        rules.append(rule)
    rules.sort(key=lambda rule: rule.code)
    return RuleSet(directory=str(folder), rules=tuple(rules))


def load_lexicon(name: str, directory: str | None = None) -> Any:
    """A lexicon file (`rules/lexicon/NAME.yaml`); a custom rules folder may override it."""
    return _load_lexicon(name, _custom_folder(directory))


@functools.cache
def _custom_folder(directory: str | None) -> str | None:
    """None for the bundled rules however named: callers pass None or RuleSet.directory,
    and the two must share one cache entry (a lexicon is read once)."""
    if directory and Path(directory).resolve() == default_rules_dir().resolve():
        return None
    return directory


@functools.cache
def _load_lexicon(name: str, directory: str | None) -> Any:
    parsed = _lexicons(directory)
    if name in parsed:
        return parsed[name]
    # Not there, or not parsed: read it here, to raise its error as an uncached run does.
    folders = []
    if directory:
        folders.append(Path(directory) / "lexicon")
    folders.append(default_rules_dir() / "lexicon")
    for folder in folders:
        path = folder / f"{name}.yaml"
        if path.is_file():
            return _load_yaml(path)
    raise RuleFileError(str(folders[-1] / f"{name}.yaml"), None, "lexicon not found")


@functools.cache
def _lexicons(directory: str | None) -> dict[str, Any]:
    """Every lexicon of a rules folder parsed (a custom folder's own files override the
    bundled ones), through the cache. A file that does not parse is left out: loading it
    raises its error where it is used, as it did before any cache."""
    folders = [default_rules_dir() / "lexicon"]
    if directory:
        folders.append(Path(directory) / "lexicon")
    paths = {
        path.stem: path for folder in folders for path in sorted(folder.glob("*.yaml")) if path.is_file()
    }
    return cache.load(
        _entry_name("lexicons", directory),
        [directory or ""],
        [*paths.values(), *CODE],
        lambda: _parse_lexicons(paths),
    )


def _parse_lexicons(paths: dict[str, Path]) -> dict[str, Any]:
    parsed = {}
    for name, path in paths.items():
        try:
            parsed[name] = _load_yaml(path)
        except RuleFileError:
            continue
    return parsed
