"""Publication dates as metadata gives them: ISO dates and datetimes, with or without offset."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_ISO_TIME = r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
_ISO_OFFSET = r"(?:Z|[+-]\d{2}:?\d{2})?"
ISO_PUBLISHED_RE = re.compile(rf"^{_ISO_DATE}(?:{_ISO_TIME}{_ISO_OFFSET})?$")


def parse_published(value: Any) -> date | datetime:
    """An ISO date or datetime (with or without offset); anything else is an error."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not ISO_PUBLISHED_RE.match(value.strip()):
        raise ValueError(f"published {value!r} is not an ISO date or datetime (YYYY-MM-DD[THH:MM])")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published {value!r} is not a valid date") from None
