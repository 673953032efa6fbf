"""JSON: the report model's dump (interim)."""

from __future__ import annotations

import json

from claimcheck.models import Report


def render(report: Report, options: object = None) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
