"""Inputs that once took time growing with the square of their length (issue 18), and
ordinary news text of any length, for tests/test_scaling.py and benchmarks/adversarial.py.

The news text is generated from sentences written for this purpose, with figures,
weekdays, dates and places drawn from a seeded random generator: long, varied, and the
same on every run.
"""

from __future__ import annotations

import random
from collections.abc import Callable


def weekdays(n: int) -> str:
    """'Monday, Monday, ... March 12.': one sentence of n weekdays."""
    return "Monday, " * n + "March 12."


def dotted(n: int) -> str:
    """'1.1.1.1. ...': one run of n dotted numbers with no space."""
    return "1." * n


def blank(n: int) -> str:
    """A figure, n spaces, then a word: whitespace between a number and its unit."""
    return "About 3" + " " * n + "x"


PLACES = ["Northport", "Vell County", "the capital", "Lower Brenn", "the coastal district", "Ostrava Bay"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
OFFICIALS = ["the governor", "the mayor", "a ministry spokeswoman", "police", "the fire service"]
SENTENCES = [
    "The storm destroyed {n1:,} homes in {place} on {weekday}, {official} said.",
    "About {n2:,} people were evacuated and {n3} were injured, {official} said.",
    "Rebuilding will cost at least ${m1} million and take {n4} years, according to {official}.",
    "Prices in {place} rose {p1}% in {month}, the fastest rise since {year}.",
    "The council voted {n3} to {n4} on {weekday} to close the pier for {n4} weeks.",
    "More than {n2:,} workers joined the strike, which began on {month} {day}.",
    "Turnout was {p1}%, down from {p2}% four years ago.",
    "The company said revenue rose {p2}% to ${m2} billion in the year to {month}.",
    "Rescuers pulled {n3} survivors from the rubble in {place} late on {weekday}.",
    "Officials expect the bridge to reopen by {month} {day}, {year}.",
    "The river rose {n4} feet overnight, {official} said, and {n1:,} homes lost power.",
    "Inflation in {place} stood at {p1}% last month, the statistics office said.",
]

PROSE = [
    "Residents said the water came up faster than anyone had expected.",
    "{official} told reporters that the response had been slow in places.",
    "The opposition called for an independent inquiry into the handling of the crisis.",
    "Schools in {place} remained closed while engineers inspected the buildings.",
    "Volunteers handed out blankets and hot meals at the sports hall.",
    "The minister defended the plan, saying it had been agreed with local leaders.",
    "Shopkeepers along the harbour front swept mud from their doorways.",
    "Critics say the rules were written too quickly and leave too much to chance.",
    "Talks between the unions and the employers are expected to resume next week.",
    "Analysts said the figures pointed to a slowdown rather than a recession.",
]
"""Sentences with no figure: most of a news article's sentences state none."""


def news(lines: int, seed: int = 18) -> str:
    """`lines` ordinary news sentences, one a line, about a third of them with figures (as
    in real reports: 7 to 11 claims a kilobyte in the test corpus and the AllSides set)."""
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        template = rng.choice(SENTENCES) if rng.random() < 0.35 else rng.choice(PROSE)
        out.append(
            template.format(
                n1=rng.randint(1_000, 9_999),
                n2=rng.randint(200, 50_000),
                n3=rng.randint(2, 90),
                n4=rng.randint(2, 12),
                m1=rng.randint(2, 900),
                m2=round(rng.uniform(1, 40), 1),
                p1=round(rng.uniform(0.5, 12), 1),
                p2=rng.randint(20, 80),
                place=rng.choice(PLACES),
                weekday=rng.choice(WEEKDAYS),
                month=rng.choice(MONTHS),
                day=rng.randint(1, 28),
                year=rng.randint(1990, 2025),
                official=rng.choice(OFFICIALS),
            )
        )
    return "\n".join(out) + "\n"


def news_of_size(size: int, seed: int = 18) -> str:
    """Ordinary news text of about `size` characters (at least that many)."""
    per_line = len(news(200, seed)) / 200
    text = news(int(size / per_line) + 1, seed)
    while len(text) < size:
        text = news(int(text.count("\n") * 1.1) + 1, seed)
    return text


PATTERNS: dict[str, Callable[[int], str]] = {
    "weekdays": weekdays,
    "dotted": dotted,
    "blank": blank,
    "news": news,
}
"""Each pathological pattern of issue 18, item 6, by name: n -> text."""
