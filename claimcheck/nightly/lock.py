"""The store's lock file: one run at a time, a second one waits or fails clearly."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from claimcheck.errors import StoreError

try:  # POSIX only; elsewhere SQLite's own locking (BEGIN IMMEDIATE) is the guard
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(store_path: Path) -> Path:
    """The lock file of a store: STORE.lock beside it."""
    return store_path.with_name(store_path.name + ".lock")


def acquire_lock(store_path: Path, wait: float) -> int | None:
    """An exclusive advisory lock on STORE.lock, held for the run; None where fcntl is missing."""
    if fcntl is None:  # pragma: no cover - Windows
        return None
    lock_file = lock_path(store_path)
    try:
        descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"claim store {store_path}: cannot create {lock_file}: {exc.strerror or exc}"
        ) from None
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = lock_holder(descriptor)
                os.close(descriptor)
                waited = f" after waiting {wait:g} s" if wait > 0 else ""
                raise StoreError(
                    f"claim store {store_path} is in use by another claimcheck run{holder}{waited}; "
                    "try again when it has finished (or pass --wait SECONDS)"
                ) from None
            time.sleep(0.05)
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
    return descriptor


def lock_holder(descriptor: int) -> str:
    try:
        pid = os.pread(descriptor, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def release_lock(descriptor: int | None) -> None:
    if descriptor is None or fcntl is None:
        return
    with contextlib.suppress(OSError):
        fcntl.flock(descriptor, fcntl.LOCK_UN)
    with contextlib.suppress(OSError):
        os.close(descriptor)
