"""Nightly: the `claimcheck report` run over a claim store.

Owns the run (runner.py), the SQLite claim store (store.py, with its lock file in
lock.py), the extraction workers (workers.py) and "new since the last report"
(since.py).

May import: claimcheck.pipeline, claimcheck.render and below; not claimcheck.lint.
"""
