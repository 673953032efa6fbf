"""What claimcheck derives from its data files, kept between runs for a fast cold start.

    load(name, identity, sources, build) -> build()'s value, read back when nothing changed

`claimcheck lint` is a new process on every save (a pre-commit or CMS hook); validating
the rule files (pydantic) and parsing the lexicons (PyYAML) would be most of its time.
They are done once, and later processes read the result back (a pickle).

An entry is keyed by a SHA-256 of the `sources` (their names and contents), its
`identity` (what else the value depends on) and this Python's version: an edited rule or
lexicon file, or a new claimcheck, rebuilds it. It is written to a temporary file and
renamed over the old one (os.replace), so a reader never sees half a file, and two
processes building it at once both succeed (the last rename wins; both wrote the same).
An entry that cannot be read back (truncated, corrupt, from another claimcheck) is
ignored and rebuilt.

Where (see README, "Caches"): CLAIMCHECK_CACHE_DIR if set, else the `.cache` folder of
the installed package; if that cannot be written (a read-only install), the user cache
folder ($XDG_CACHE_HOME/claimcheck, ~/.cache/claimcheck; ~/Library/Caches/claimcheck on
macOS; %LOCALAPPDATA%/claimcheck/Cache on Windows); if neither can be, no cache (the
value is built in every run). CLAIMCHECK_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1
"""Bumped when the layout of an entry changes."""
CACHE_DIR_VARIABLE = "CLAIMCHECK_CACHE_DIR"
NO_CACHE_VARIABLE = "CLAIMCHECK_NO_CACHE"
PACKAGE_CACHE = Path(__file__).resolve().parent / ".cache"
SUFFIX = ".pickle"


def user_cache_dir() -> Path | None:
    """The user's cache folder for claimcheck, as platformdirs names it; None without a home."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "claimcheck" / "Cache" if local else None
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no password entry
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "claimcheck"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG spec: a relative path is invalid and must be ignored.
    base = Path(xdg) if os.path.isabs(xdg) else home / ".cache"
    return base / "claimcheck"


def cache_dirs() -> list[Path]:
    """The folders tried, in order: the first holding a valid entry is read, the first
    that can be written is written."""
    if os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return []
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    folders = [Path(explicit) if explicit else PACKAGE_CACHE]
    user = user_cache_dir()
    if user is not None and user not in folders:
        folders.append(user)
    return folders


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
    key = entry_key(identity, sources)
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
