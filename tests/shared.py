"""Where the shared test data lives (seed articles, benchmarks), read by path, never copied.

The project sits beside `shared/` in a checkout (`work/main`, `work/shared`), but a git
worktree is one folder deeper (`work/wt/NAME`): the nearest ancestor holding `shared/` wins.
`CLAIMCHECK_SHARED` names another place.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    given = os.environ.get("CLAIMCHECK_SHARED")
    if given:
        return Path(given)
    for folder in REPO.parents:
        if (folder / "shared").is_dir():
            return folder / "shared"
    return REPO.parent / "shared"


SHARED = _shared()
SEEDS = SHARED / "seeds"
