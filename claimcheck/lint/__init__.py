"""Lint: the pre-publish hook for drafts (`claimcheck lint`).

Owns the linter (linter.py), its configuration (config.py), suppression comments
(suppress.py) and Markdown masking that keeps a draft's own line:col (markup.py).

May import: claimcheck.pipeline, claimcheck.render and below; not claimcheck.nightly.
"""
