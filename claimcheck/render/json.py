"""JSON: the report model's dump, `"version": 1` first, keys in the model's field order.

JSON has no infinity or NaN: the open end of an interval ("more than 6,000" has no
upper bound) is written as `null` (`BOUND` fields in claimcheck/models.py), and
`allow_nan=False` makes any other non-finite number an error rather than invalid
JSON. Indented by 2, UTF-8 text kept as is, one trailing newline.
"""

from __future__ import annotations

from claimcheck.models import Report
from claimcheck.render import RenderOptions
from claimcheck.serialize import dumps


def render(report: Report, options: RenderOptions | None = None) -> str:
    return dumps(report, indent=2) + "\n"
