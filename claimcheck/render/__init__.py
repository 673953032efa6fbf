"""Renderers, one module per output format (as ruff keeps them).

Each module exposes `render(report, options=None) -> str`. `get_renderer` imports
only the module asked for, so `claimcheck lint --format github` never loads the
Markdown or SARIF code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from claimcheck.errors import UsageError

if TYPE_CHECKING:
    from claimcheck.models import Report

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html", "sarif", "github")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    """ANSI colours in the text format (the CLI turns them on for a terminal)."""
    show_info: bool = True
    """Print info findings (text, Markdown, GitHub); JSON and SARIF always carry every finding."""
    summary: bool = True
    """End the text format with a summary line (off: a clean run prints nothing)."""
    title: str | None = None
    """Markdown and HTML title (default: "claimcheck consistency summary")."""
    detail: str = "summary"
    """Markdown and HTML: "summary" (groups with more than one source or a finding; the other
    findings in one line each) or "full" (every group, every finding with its quotes, the articles)."""
    tool_version: str | None = None
    """Tool version in SARIF (default: the installed claimcheck's)."""
    rules_dir: str | None = None
    """Rules folder whose descriptions SARIF lists (default: the bundled rules)."""


class Renderer(Protocol):
    def render(self, report: Report, options: RenderOptions | None = None) -> str: ...


def get_renderer(name: str) -> Renderer:
    """The module that renders format `name`, imported on first use."""
    if name not in FORMATS:
        raise UsageError(f"unknown output format {name!r} (known: {', '.join(FORMATS)})")
    module: Renderer = importlib.import_module(f"claimcheck.render.{name}")
    return module


def render(report: Report, name: str, options: RenderOptions | None = None) -> str:
    return get_renderer(name).render(report, options)
