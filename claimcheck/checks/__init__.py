"""Checks: rules -> Findings, one module per rule family.

Owns the registry that maps a rule's check name to its function (registry.py), what
checks read (context.py), figure and date conflicts (figures.py), relative-date rules
(temporal.py), house style (style.py) and the safe rewrites fixes offer (fixes.py).

May import: claimcheck.groups and below.
"""
