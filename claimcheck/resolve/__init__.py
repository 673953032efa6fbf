"""Resolve: temporal mentions anchored to the publication date, and Claims assembled.

Owns the anchor (dateline.py: a publication date read from a dateline or byline),
the direction of underspecified dates (tense.py), calendar helpers (calendar.py), the
resolver (resolver.py: Mention -> Timex with a TIMEX3 value), timexes.py (tag and
resolve an article's sentences) and claims.py (quantities and timexes merged into
Claims with spans: what `process_article` returns).

May import: claimcheck.extract and below.
"""
