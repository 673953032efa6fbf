"""Groups: claims of one story that state the same thing, and the status of each group.

Owns claim frames (frames.py: which question a figure answers, read from its clause;
events.py: the event a date belongs to; clauses.py: tokens, clause bounds, verbs and
subjects; frame_words.py: their word lists), claim keys (items.py: each claim prepared
with its frame, interval and the words near it), comparison (compare.py: compatibility,
similarity, agreement of values, group status) and grouping (build.py: blocks and the
greedy grouping pass).

May import: claimcheck.stories and below.
"""
