"""Extract: the mentions in an article's sentences, with exact spans.

Owns numeric quantities (figures.py reads a number with its scale and unit,
numeric.py makes a Quantity with hedge, counted noun and predicate; numeric_lexicon.py
loads their word lists), the temporal tagger (temporal.py, with temporal_patterns.py
and temporal_readers.py: text -> Mentions, unresolved), and words.py (stemming,
concepts and the grouping lexicon, which story clustering and claim grouping share).

May import: claimcheck.ingest and below (models, rules, errors, spans).
"""
