"""Ingest: files -> Articles, and the text preparation every later stage reads.

Owns the input formats (files.py: .txt/.md, .jsonl, manifests, folders;
front_matter.py: YAML/TOML front matter read strictly, then leniently; html.py: pages
through trafilatura, imported lazily), publication dates as metadata states them
(published.py), page-noise detection (boilerplate.py: block passes over
line classes from line_classes.py, with the lexicon in boilerplate_markers.py) and
sentence splitting (sentences.py).

May import: claimcheck.models, claimcheck.rules, claimcheck.errors, claimcheck.spans.
"""
