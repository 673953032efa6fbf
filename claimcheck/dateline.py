"""Publication date from a dateline or byline (interim version; see issue 4)."""

from __future__ import annotations

from datetime import date, datetime


def find_publication_date(
    text: str, noise: list[tuple[int, int, str]]
) -> tuple[date | datetime, int, int] | None:
    return None
