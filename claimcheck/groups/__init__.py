"""Groups: claims of one story that state the same thing, and the status of each group.

Owns claim keys (items.py: each claim prepared with its kind, counted noun, predicate,
scope and interval), comparison (compare.py: compatibility, similarity, agreement of
values, group status) and grouping (build.py: blocks and the greedy grouping pass).

May import: claimcheck.stories and below.
"""
