"""A cold `claimcheck lint` stays cheap: what it imports, and the cache it reads (issue 15).

Each run is a new process, as a pre-commit or CMS save hook starts one. The timings
themselves are measured by benchmarks/lint_latency.py, not here: a test guards what
makes lint slow (a heavy import, a cache that is never read back), not a clock.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimcheck import cache

ROOT = Path(__file__).resolve().parent.parent

DENIED = (
    "pydantic",
    "pydantic_core",
    "annotated_types",
    "typing_extensions",
    "yaml",
    "quantulum3",
    "dateparser",
    "trafilatura",
    "htmldate",
    "lxml",
    "sklearn",
    "scipy",
    "numpy",
    "jinja2",
    "matplotlib",
)
"""Packages a lint of a plain draft must not import: validation (pydantic, PyYAML: the rules
and lexicons come from the cache; plain front matter is read without PyYAML), the naive
stack, HTML reading, clustering, rendering."""

DRAFT = (
    "---\ntitle: Storm damage and the council budget\nauthor: City desk\n---\n\n"
    "The council voted on Thursday to approve a budget of $4.5 million.\n\n"
    "About 120 homes were damaged by the storm, officials said yesterday. By the evening the "
    "council said 95 homes were damaged.\n"
)

ENTRIES = {"functions.pickle", "lexicons.pickle", "patterns.pickle", "rules.pickle"}
"""Written by every lint (a draft with a count may add quantulum3's unit names)."""

# Runs lint in this process, then says which denied packages it imported.
PROBE = """
import json, sys
from claimcheck.cli import main
code = main(sys.argv[2:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[1])))
sys.stderr.write("PROBE " + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""

# Root ignores permission bits; without the capability that lets it, a folder chmod'ed
# read-only is read-only for root too.
WITHOUT_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def lint_env(tmp_path: Path, cache_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in (cache.CACHE_DIR_VARIABLE, cache.NO_CACHE_VARIABLE)
    }
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")  # never the real user cache
    env["HOME"] = str(tmp_path / "home")
    if cache_dir is not None:
        env[cache.CACHE_DIR_VARIABLE] = str(cache_dir)
    env.update(extra)
    return env


def lint_command(draft: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        PROBE,
        json.dumps(DENIED),
        "lint",
        "--published",
        "2026-11-20",
        "--format",
        "json",
        str(draft),
    ]


def finish(process: subprocess.Popen[str]) -> tuple[str, list[str]]:
    """(stdout, denied packages imported) of a finished probe."""
    stdout, stderr = process.communicate(timeout=300)
    probes = [line for line in stderr.splitlines() if line.startswith("PROBE ")]
    assert probes, stderr
    result = json.loads(probes[-1].removeprefix("PROBE "))
    assert result["code"] in (0, 1), stderr
    return stdout, result["heavy"]


def run_lint(draft: Path, env: dict[str, str], prefix: list[str] | None = None) -> tuple[str, list[str]]:
    command = [*(prefix or []), *lint_command(draft)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    return finish(process)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.fixture
def uncached(tmp_path: Path, draft: Path) -> str:
    """The findings of a run without any cache: what every cached run must print."""
    stdout, _heavy = run_lint(draft, lint_env(tmp_path, **{cache.NO_CACHE_VARIABLE: "1"}))
    assert json.loads(stdout)["findings"], "the draft should have findings to compare"
    return stdout


def entries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def assert_cache(folder: Path) -> None:
    """The folder holds lint's entries, and no temporary file is left behind."""
    names = entries(folder)
    assert set(names) >= ENTRIES and all(name.endswith(".pickle") for name in names), names


@pytest.mark.slow
def test_a_cached_lint_imports_no_heavy_package(tmp_path: Path, draft: Path, uncached: str) -> None:
    env = lint_env(tmp_path, tmp_path / "cache")
    first, building = run_lint(draft, env)
    assert {"pydantic", "yaml"} <= set(building)  # the first run validates the rule files
    second, heavy = run_lint(draft, env)
    assert heavy == []
    assert first == second == uncached


@pytest.mark.slow
def test_two_first_runs_at_once_share_one_cache(tmp_path: Path, draft: Path, uncached: str) -> None:
    folder = tmp_path / "cache"
    env = lint_env(tmp_path, folder)
    processes = [
        subprocess.Popen(
            lint_command(draft), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [finish(process)[0] for process in processes]
    assert outputs == [uncached, uncached]
    assert_cache(folder)
    later, heavy = run_lint(draft, env)
    assert later == uncached and heavy == []


@pytest.mark.slow
def test_a_read_only_cache_folder_falls_back_to_the_user_cache_then_to_none(
    tmp_path: Path, draft: Path, uncached: str
) -> None:
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root ignores permission bits, and setpriv is not there to drop that")
        prefix = WITHOUT_OVERRIDE
    install = tmp_path / "install"
    install.mkdir()
    user = tmp_path / "xdg" / "claimcheck"
    install.chmod(0o555)
    try:
        stdout, _heavy = run_lint(draft, lint_env(tmp_path, install), prefix)
        assert stdout == uncached
        assert entries(install) == []
        assert_cache(user)
        stdout, heavy = run_lint(draft, lint_env(tmp_path, install), prefix)
        assert stdout == uncached and heavy == []  # read back from the user cache

        shutil.rmtree(user)
        user.mkdir()
        user.chmod(0o555)
        for _run in range(2):
            stdout, _heavy = run_lint(draft, lint_env(tmp_path, install), prefix)
            assert stdout == uncached
        assert entries(install) == entries(user) == []
    finally:
        install.chmod(0o755)
        if user.exists():
            user.chmod(0o755)


@pytest.mark.slow
def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, draft: Path, uncached: str) -> None:
    folder = tmp_path / "cache"
    env = lint_env(tmp_path, folder)
    run_lint(draft, env)
    (folder / "rules.pickle").write_bytes(b"\x80\x05 not a pickle")
    for name in ("lexicons.pickle", "patterns.pickle", "functions.pickle"):
        valid = (folder / name).read_bytes()
        (folder / name).write_bytes(valid[: len(valid) // 2])  # cut short
    stdout, _heavy = run_lint(draft, env)
    assert stdout == uncached
    stored = {name: (folder / name).read_bytes() for name in entries(folder)}
    stdout, heavy = run_lint(draft, env)
    assert stdout == uncached and heavy == []  # every entry was rebuilt and is read back
    assert {name: (folder / name).read_bytes() for name in entries(folder)} == stored


@pytest.mark.slow
def test_the_compiled_patterns_are_the_same_in_every_process(tmp_path: Path, draft: Path) -> None:
    """The pattern cache is keyed by a pattern's text: a pattern built from a set's order
    (which changes with the hash seed) would be compiled and stored again by every run."""
    folder = tmp_path / "cache"
    run_lint(draft, lint_env(tmp_path, folder, PYTHONHASHSEED="1"))
    stored = (folder / "patterns.pickle").read_bytes()
    run_lint(draft, lint_env(tmp_path, folder, PYTHONHASHSEED="2"))
    assert (folder / "patterns.pickle").read_bytes() == stored
    _key, records = pickle.loads(stored)
    assert len(records) > 100
    for (pattern, flags), record in records.items():
        assert record is not None, pattern
        assert cache._rebuild(pattern, record) == re.compile(pattern, flags), pattern


# ---------------------------------------------------------------- the cache itself, in process


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    environ = {cache.CACHE_DIR_VARIABLE: str(folder), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    monkeypatch.setattr(cache, "_configured", cache.cache_folders(environ))
    return folder


def test_an_entry_is_built_once_and_rebuilt_when_a_source_changes(tmp_path: Path, cache_dir: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    builds: list[str] = []

    def build() -> dict[str, str]:
        builds.append(source.read_text(encoding="utf-8"))
        return {"text": builds[-1]}

    assert cache.load("words", ["x"], [source], build) == {"text": "a: 1\n"}
    assert cache.load("words", ["x"], [source], build) == {"text": "a: 1\n"}
    assert len(builds) == 1
    source.write_text("a: 2\n", encoding="utf-8")
    assert cache.load("words", ["x"], [source], build) == {"text": "a: 2\n"}
    assert cache.load("words", ["y"], [source], build) == {"text": "a: 2\n"}  # another identity
    assert len(builds) == 3


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", pickle.dumps("a string, not (key, value)"), pickle.dumps(("other key", 1))],
    ids=["empty", "garbage", "wrong shape", "stale key"],
)
def test_a_damaged_entry_is_rebuilt(tmp_path: Path, cache_dir: Path, damage: bytes) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    cache_dir.mkdir()
    (cache_dir / "words.pickle").write_bytes(damage)
    assert cache.load("words", [], [source], lambda: 42) == 42
    assert cache.load("words", [], [source], lambda: 0) == 42  # the rebuilt entry is read back


def test_a_build_error_is_raised_and_nothing_stored(tmp_path: Path, cache_dir: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")

    def broken() -> int:
        raise ValueError("bad rule file")

    with pytest.raises(ValueError, match="bad rule file"):
        cache.load("words", [], [source], broken)
    assert entries(cache_dir) == []


def test_an_unreadable_source_is_left_to_build_to_report(tmp_path: Path, cache_dir: Path) -> None:
    missing = tmp_path / "gone.yaml"

    def build() -> str:
        return missing.read_text(encoding="utf-8")  # raises as a loader without a cache would

    with pytest.raises(FileNotFoundError):
        cache.load("words", [], [missing], build)
    assert entries(cache_dir) == []


def test_concurrent_builders_leave_one_whole_entry(tmp_path: Path, cache_dir: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    both_building = threading.Barrier(2)
    results: list[list[int]] = []

    def build() -> list[int]:
        both_building.wait(timeout=30)  # neither finds an entry: both build and write
        return list(range(100_000))

    def first_run() -> None:
        results.append(cache.load("big", [], [source], build))

    threads = [threading.Thread(target=first_run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == [list(range(100_000))] * 2
    assert entries(cache_dir) == ["big.pickle"]
    assert cache.load("big", [], [source], list) == list(range(100_000))


def test_no_cache_when_turned_off(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    environ = {cache.NO_CACHE_VARIABLE: "1", cache.CACHE_DIR_VARIABLE: str(cache_dir)}
    monkeypatch.setattr(cache, "_configured", cache.cache_folders(environ))
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert cache.load("words", [], [source], lambda: 1) == 1
    assert cache.load("words", [], [source], lambda: 2) == 2
    assert entries(cache_dir) == [] and not (tmp_path / "xdg").exists()


def test_the_user_cache_folder_follows_xdg(tmp_path: Path) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG_CACHE_HOME is the Linux and BSD convention")
    home = str(tmp_path / "home")
    assert cache.user_cache_dir({"XDG_CACHE_HOME": str(tmp_path / "xdg"), "HOME": home}) == (
        tmp_path / "xdg" / "claimcheck"
    )
    # A relative XDG_CACHE_HOME is invalid by the spec: ignored.
    assert cache.user_cache_dir({"XDG_CACHE_HOME": "relative/path", "HOME": home}) == (
        tmp_path / "home" / ".cache" / "claimcheck"
    )
    user = tmp_path / "home" / ".cache" / "claimcheck"
    assert cache.cache_folders({"HOME": home}) == [cache.PACKAGE_CACHE, user]
    assert cache.cache_folders({cache.NO_CACHE_VARIABLE: "1"}) == []


def test_compiled_patterns_are_rebuilt_equal_and_new_ones_stored(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern = r"(?P<day>\d{1,2})\s+(?i:march|april)\b"
    table: dict[object, re.Pattern[str]] = {}
    monkeypatch.setattr(re, "_cache", table)  # a fresh cache of re's, as in a new process
    with cache.compiled_patterns():
        compiled = re.compile(pattern, re.I)
    _key, records = pickle.loads((cache_dir / "patterns.pickle").read_bytes())
    assert set(records) == {(pattern, int(re.I))}
    table.clear()
    with cache.compiled_patterns():
        primed = table[(str, pattern, int(re.I))]
        assert re.compile(pattern, re.I) is primed
    assert primed == compiled and primed.groupindex == compiled.groupindex
    assert primed.match("12 April").group("day") == "12"


def test_the_pattern_entry_stays_bounded(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "PATTERNS_KEPT", 3)
    for words in (["alpha", "beta"], ["gamma", "delta"]):
        monkeypatch.setattr(re, "_cache", {})  # a new process
        with cache.compiled_patterns():
            for word in words:
                re.compile(rf"\b{word}\b")
    _key, records = pickle.loads((cache_dir / "patterns.pickle").read_bytes())
    assert sorted(pattern for pattern, _flags in records) == [r"\bdelta\b", r"\bgamma\b"]


DATACLASS = """
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Casualties:
    killed: int
    injured: int = 0
    places: tuple[str, ...] = field(default=())
"""


def define_dataclass() -> type:
    namespace: dict[str, object] = {"__name__": "drafted"}
    exec(DATACLASS, namespace)  # a module of its own, without this module's __future__ flags
    made = namespace["Casualties"]
    assert isinstance(made, type)
    return made


def test_dataclass_methods_are_compiled_once_and_read_back(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    monkeypatch.setitem(sys.modules, "drafted", type(sys)("drafted"))
    plain = define_dataclass()
    with cache.compiled_functions():
        first = define_dataclass()
    assert "exec" not in vars(dataclasses)  # put back after the block
    _key, records = pickle.loads((cache_dir / "functions.pickle").read_bytes())
    assert len(records) >= 5  # __init__, __repr__, __eq__, __setattr__, __delattr__, __hash__
    stored = (cache_dir / "functions.pickle").read_bytes()
    with cache.compiled_functions():
        second = define_dataclass()
    assert (cache_dir / "functions.pickle").read_bytes() == stored  # all read back, nothing new
    for made in (first, second):
        value = made(312, 1500, ("north",))
        assert value == made(312, 1500, ("north",)) and hash(value) == hash(made(312, 1500, ("north",)))
        assert repr(value) == repr(plain(312, 1500, ("north",)))
        assert made(5).injured == 0 and made(5).places == ()
        # Annotations are types, as dataclasses makes them, not the text a __future__ flag makes.
        assert made.__init__.__annotations__ == plain.__init__.__annotations__
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.killed = 1  # type: ignore[misc]


def test_a_damaged_function_record_is_compiled_again(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "drafted", type(sys)("drafted"))
    with cache.compiled_functions():
        define_dataclass()
    key, records = pickle.loads((cache_dir / "functions.pickle").read_bytes())
    damaged = {source: record[: len(record) // 2] for source, record in records.items()}
    (cache_dir / "functions.pickle").write_bytes(pickle.dumps((key, damaged)))
    with cache.compiled_functions():
        made = define_dataclass()
    assert made(312).killed == 312
