"""Stories: which articles report the same event, and which are copies of one another.

Owns near-duplicate detection (duplicates.py), story clustering (clustering.py) and
the near-linear candidate index they share (linking.py).

May import: claimcheck.resolve and below.
"""
