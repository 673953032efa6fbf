"""What claimcheck derives from its data files, kept between runs for a fast cold start.

    load(name, identity, sources, build) -> build()'s value, read back when nothing changed

    compiled_patterns(): re.compile finds the patterns earlier runs compiled
    compiled_functions(): dataclasses find the methods earlier runs compiled

`claimcheck lint` is a new process on every save (a pre-commit or CMS hook); validating
the rule files (pydantic), parsing the lexicons (PyYAML), compiling some 200 regular
expressions (most of them lexicon alternations) and the methods of some 55 dataclasses
would be most of its time. They are done once, and later processes read the result back
(a pickle).

A `load` entry is keyed by a SHA-256 of the `sources` (their names and contents), its
`identity` (what else the value depends on) and this Python's version: an edited rule or
lexicon file, or a new claimcheck, rebuilds it. Compiled code is kept by the text it was
compiled from, in entries keyed by this Python's version. It is written to a temporary file and
renamed over the old one (os.replace), so a reader never sees half a file, and two
processes building it at once both succeed (the last rename wins; both wrote the same).
An entry that cannot be read back (truncated, corrupt, from another claimcheck) is
ignored and rebuilt. Entries are pickles, read only from folders the user (or whoever
installed claimcheck) writes, as the byte code beside them is.

Where (see README, "Caches"): the command line reads it from the environment
(configure(cache_folders(os.environ))): CLAIMCHECK_CACHE_DIR if set, else the `.cache`
folder of the installed package; if that cannot be written (a read-only install), the
user cache folder ($XDG_CACHE_HOME/claimcheck, ~/.cache/claimcheck;
~/Library/Caches/claimcheck on macOS; %LOCALAPPDATA%/claimcheck/Cache on Windows); if
neither can be, no cache (the value is built in every run). CLAIMCHECK_NO_CACHE=1 turns
the cache off. Used as a library, without the command line: the package's folder only.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1
"""Bumped when the layout of an entry changes."""
CACHE_DIR_VARIABLE = "CLAIMCHECK_CACHE_DIR"
NO_CACHE_VARIABLE = "CLAIMCHECK_NO_CACHE"
PACKAGE_CACHE = Path(__file__).resolve().parent / ".cache"
SUFFIX = ".pickle"


_configured: list[Path] | None = None
"""The folders the command line chose (configure); None: the package's own folder."""


def configure(folders: list[Path] | None) -> None:
    """Where entries are kept, in order of preference ([] keeps none; None: the default).
    The command line sets it from the environment (cache_folders)."""
    global _configured
    _configured = None if folders is None else list(folders)


def cache_dirs() -> list[Path]:
    """The folders tried, in order: the first holding a valid entry is read, the first
    that can be written is written."""
    return [PACKAGE_CACHE] if _configured is None else list(_configured)


def cache_folders(environ: Mapping[str, str]) -> list[Path]:
    """The folders an environment asks for: CLAIMCHECK_CACHE_DIR, else the package's own
    folder, then the user cache folder; none with CLAIMCHECK_NO_CACHE."""
    if environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return []
    explicit = environ.get(CACHE_DIR_VARIABLE)
    folders = [Path(explicit) if explicit else PACKAGE_CACHE]
    user = user_cache_dir(environ)
    if user is not None and user not in folders:
        folders.append(user)
    return folders


def user_cache_dir(environ: Mapping[str, str]) -> Path | None:
    """The user's cache folder for claimcheck, as platformdirs names it; None without a home."""
    if sys.platform == "win32":
        local = environ.get("LOCALAPPDATA")
        return Path(local) / "claimcheck" / "Cache" if local else None
    home_text = environ.get("HOME")
    try:
        home = Path(home_text) if home_text else Path.home()
    except RuntimeError:  # no HOME and no password entry
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "claimcheck"
    xdg = environ.get("XDG_CACHE_HOME", "")
    # The XDG spec: a relative path is invalid and must be ignored.
    base = Path(xdg) if os.path.isabs(xdg) else home / ".cache"
    return base / "claimcheck"


def entry_key(identity: Iterable[str], sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for part in identity:
        digest.update(part.encode() + b"\0")
    for source in sources:
        content = source.read_bytes()
        digest.update(f"{source}\0{len(content)}\0".encode() + content)
    return digest.hexdigest()


def load(name: str, identity: Iterable[str], sources: Iterable[Path], build: Callable[[], T]) -> T:
    """build()'s value, from the cache entry `name` when its key matches; else built and stored.

    An error of build() is raised as it is (nothing is stored): a bad rule file is reported
    in every run, as without a cache.
    """
    folders = cache_dirs()
    if not folders:
        return build()
    try:
        key = entry_key(identity, sources)
    except OSError:  # a file cannot be read: build() reports it as it does without a cache
        return build()
    for folder in folders:
        found = _read(folder / (name + SUFFIX), key)
        if found is not None:
            return found[0]
    value = build()
    payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    for folder in folders:
        if _write(folder, name, payload):
            break
    return value


def _read(path: Path, key: str) -> tuple[Any] | None:
    """(the stored value,) if the file holds an entry with this key, else None."""
    try:
        with path.open("rb") as handle:
            stored_key, value = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged pickle can fail in almost any way; it is rebuilt
        return None
    return (value,) if stored_key == key else None


def _write(folder: Path, name: str, payload: bytes) -> bool:
    """Store an entry atomically; False if the folder cannot be written."""
    import tempfile  # only when an entry is (re)built

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide a shared install's entry from its users
        os.replace(temporary, folder / (name + SUFFIX))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


# ---------------------------------------------------------------- compiled code

# What follows keeps compiled code by the text it was compiled from, so the entries are
# keyed by this Python's version alone: an edited lexicon makes new pattern texts (a miss,
# compiled and added), not a stale hit.


def _read_table(name: str, folders: list[Path]) -> tuple[str, dict[Any, Any]]:
    """(the entry's key, its table of records by source); an empty table if none is valid."""
    key = entry_key([name], [])
    for folder in folders:
        found = _read(folder / (name + SUFFIX), key)
        if found is not None and isinstance(found[0], dict):
            return key, found[0]
    return key, {}


def _store_table(
    name: str, key: str, known: dict[Any, Any], new: dict[Any, Any], kept: int, folders: list[Path]
) -> None:
    """Add a run's new records to the entry, atomically; bounded to `kept` records."""
    if not new:
        return
    merged = {**known, **new}
    if len(merged) > kept:
        # Code made from a run's own input (a corpus's outlet names) would pile up: start
        # again from this run's new records; the next runs add back the ones they need.
        merged = new
    payload = pickle.dumps((key, merged), protocol=pickle.HIGHEST_PROTOCOL)
    for folder in folders:
        if _write(folder, name, payload):
            break


PATTERNS = "patterns"
PATTERNS_KEPT = 500
"""At most this many patterns in the entry: re's own cache holds 512."""
PatternKey = tuple[str, int]
"""(pattern, flags) as `re` keys its own cache of compiled patterns."""


@contextlib.contextmanager
def compiled_patterns() -> Iterator[None]:
    """Within the block, `re.compile` returns at once the patterns an earlier run compiled;
    the patterns compiled for the first time in the block are stored when it ends.

    `re` compiles a pattern in Python (its parser and code generator): about a third of a
    cold lint. The compiled code is what `re` itself would produce, rebuilt with `_sre`
    and put in `re`'s own cache, so every `re.compile` in the code stays as it is. These
    are CPython internals: each stored pattern is checked, when stored, to rebuild into a
    pattern equal to the one `re` compiled (same flags and code); where the internals
    differ nothing is stored and `re` compiles as usual.
    """
    table = _re_cache()
    folders = cache_dirs()
    if table is None or not folders:
        yield
        return
    key, known = _read_table(PATTERNS, folders)
    for (pattern, flags), record in known.items():
        if record is None:  # not rebuildable here: compiled as usual
            continue
        with contextlib.suppress(Exception):
            table.setdefault((str, pattern, flags), _rebuild(pattern, record))
    try:
        yield
    finally:
        compiled = {
            (item[1], item[2]): pattern
            for item, pattern in list(table.items())
            if isinstance(item, tuple) and len(item) == 3 and item[0] is str and isinstance(item[2], int)
        }
        # A pattern that cannot be recorded is stored as None, so that no run tries again.
        new = {
            pattern_key: _record(*pattern_key, compiled[pattern_key])
            for pattern_key in compiled.keys() - known.keys()
        }
        _store_table(PATTERNS, key, known, new, PATTERNS_KEPT, folders)


def _re_cache() -> dict[Any, re.Pattern[str]] | None:
    table = getattr(re, "_cache", None)
    return table if isinstance(table, dict) else None


FUNCTIONS = "functions"
FUNCTIONS_KEPT = 2000
"""At most this many generated functions in the entry (the lint path makes about 300)."""


@contextlib.contextmanager
def compiled_functions() -> Iterator[None]:
    """Within the block, the methods `dataclasses` writes for a class (its __init__,
    __repr__, __eq__, __hash__, ...) are compiled from the generated source only the first
    time; later runs read the compiled code back (marshal, as Python's own byte code).

    `dataclasses` compiles each method from source text with `exec`, about a millisecond a
    class: some 70 ms of a cold lint, whose path defines 55 dataclasses. The code is
    keyed by that text, and `exec` runs it with the same globals and namespace, so the
    classes are the ones `dataclasses` would make. Where `dataclasses` no longer calls
    `exec` by that name (another Python), nothing changes.
    """
    import dataclasses
    import marshal

    folders = cache_dirs()
    if not folders or "exec" in vars(dataclasses):
        yield
        return
    key, known = _read_table(FUNCTIONS, folders)
    new: dict[str, bytes] = {}

    def compiled_exec(source: Any, globals_: Any = None, locals_: Any = None, /) -> None:
        if isinstance(source, str):
            record = known.get(source)
            code = None
            if isinstance(record, bytes):
                with contextlib.suppress(Exception):
                    code = marshal.loads(record)
            if code is None:
                # dont_inherit: compiled as `exec` in dataclasses compiles it, without this
                # module's `from __future__` flags (they would turn annotations into text).
                code = compile(source, "<string>", "exec", dont_inherit=True)
                new[source] = marshal.dumps(code)
            source = code
        exec(source, globals_, locals_)

    dataclasses.exec = compiled_exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        _store_table(FUNCTIONS, key, known, new, FUNCTIONS_KEPT, folders)


def _rebuild(pattern: str, record: tuple[Any, ...]) -> re.Pattern[str]:
    sre: Any = importlib.import_module("_sre")
    flags, code, groups, groupindex, indexgroup = record
    compiled: re.Pattern[str] = sre.compile(
        pattern, flags, list(code), groups, dict(groupindex), tuple(indexgroup)
    )
    return compiled


def _record(pattern: str, flags: int, compiled: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What `_sre.compile` takes to rebuild `compiled` (as re._compiler.compile calls it),
    or None where it would not rebuild an equal pattern."""
    try:
        parser: Any = importlib.import_module("re._parser")
        compiler: Any = importlib.import_module("re._compiler")
        parsed = parser.parse(pattern, flags)
        code = [int(word) for word in compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        record = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _rebuild(pattern, record) != compiled:
            return None
    except Exception:  # not CPython 3.11+'s internals: this pattern is compiled in each run
        return None
    return record
