"""Temporal expressions of an article, tagged and resolved.

    find_timexes(text, sentences, reference) -> list[Timex]

tags every temporal expression in the given sentences and resolves it against
`reference` (the publication date, or None when unknown) into a TIMEX3 value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from claimcheck.extract.temporal import tag_sentence
from claimcheck.extract.temporal_patterns import Timex
from claimcheck.spans import Sentence


def find_timexes(
    text: str, sentences: list[Sentence], reference: date | None, tick: Callable[[], None] | None = None
) -> list[Timex]:
    """`tick` is called after each sentence (the document's budget check)."""
    from claimcheck.resolve.resolver import Resolver

    resolver = Resolver(text, reference)
    found: list[Timex] = []
    for sentence in sentences:
        if tick is not None:
            tick()
        mentions = tag_sentence(text, sentence.start, sentence.end)
        if not mentions:
            continue
        found.extend(resolver.resolve_sentence(sentence, mentions))
    return found
