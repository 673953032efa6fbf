"""The pre-commit hook blocks a draft with a date mismatch and lets a clean one through.

The hook is installed from the repository's own `.pre-commit-hooks.yaml` (id,
name, file types) as a `repo: local` hook with `language: system`, whose entry
runs this checkout's claimcheck: a `language: python` hook would build a
virtualenv and pip-install the project from the network.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from claimcheck.checks.registry import resolve_check

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

MISMATCH = """---
title: Council vote
published: 2026-11-21
---
The council voted yesterday, Thursday, to approve the budget.
"""
CLEAN = """---
title: Council vote
published: 2026-11-21
---
The council voted on Thursday to approve the budget.
"""
STALE_SUPPRESSION = """---
title: Council vote
published: 2026-11-21
---
<!-- claimcheck-disable-next-line relative-date-mismatch -->
The council voted on Thursday to approve the budget.
"""


def hook_definition() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for hook in hooks if hook["id"] == "claimcheck-lint"]
    return hook


def test_hook_definition() -> None:
    hook = hook_definition()
    assert hook["entry"] == "claimcheck lint"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text"}


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    hook = dict(hook_definition())
    entry = hook["entry"]
    assert isinstance(entry, str) and entry.startswith("claimcheck ")
    hook["entry"] = f"{shlex.quote(sys.executable)} -m claimcheck {entry.split(' ', 1)[1]}"
    hook["language"] = "system"
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    work = tmp_path / "newsroom"
    work.mkdir()
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    env.pop("CLAIMCHECK_DEBUG", None)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=work, env=env, check=True)
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(["git", "add", ".pre-commit-config.yaml"], cwd=work, env=env, check=True)
    return work, env


def commit(work: Path, env: dict[str, str], name: str, text: str) -> subprocess.CompletedProcess[str]:
    (work / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", name], cwd=work, env=env, check=True)
    return subprocess.run(
        ["git", "commit", "-q", "-m", f"add {name}"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_clean_draft_is_committed(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    result = commit(work, env, "clean.md", CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "claimcheck lint" in result.stdout + result.stderr  # the hook ran
    log = subprocess.run(["git", "log", "--oneline"], cwd=work, env=env, capture_output=True, text=True)
    assert "add clean.md" in log.stdout


@pytest.mark.skipif(
    resolve_check("relative-date-mismatch") is None,
    reason="claimcheck.checks.temporal.check_relative_date_mismatch is not in main yet",
)
def test_mismatch_blocks_the_commit(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    result = commit(work, env, "draft.md", MISMATCH)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "draft.md:5:19: CC203 [relative-date-mismatch]" in output
    log = subprocess.run(["git", "log"], cwd=work, env=env, capture_output=True, text=True)
    assert "add draft.md" not in log.stdout


def test_config_fail_on_blocks_a_stale_suppression(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    (work / ".claimcheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    result = commit(work, env, "draft.md", STALE_SUPPRESSION)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "draft.md:5:1: CC900 [unused-suppression]" in output
