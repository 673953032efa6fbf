"""Renderers, one module per output format (interim registry; see the render branch)."""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS = ("text", "json")


def get_renderer(name: str) -> ModuleType:
    return importlib.import_module(f"claimcheck.render.{name}")
