"""A large corpus for the nightly benchmarks, made from the seed articles and examples/.

    python benchmarks/make_corpus.py OUT [--articles 20000] [--seeds /work/shared/seeds]
                                         [--weeks 4] [--format jsonl|md] [--bad-every 5000]

Each story is one of the two sets of articles about one event (the five seed
articles, read with their manifest, or the five of examples/; `--seeds` may name
another folder of articles), retold: its names
replaced by made-up ones, its figures scaled, its publication and in-text dates
moved by whole weeks (so weekdays stay right), and each outlet's article worded a
little differently (synonyms, a dropped sentence, now and then one figure that
differs, now and then a verbatim syndicated copy). The seed texts are read from
where they lie at run time; nothing of them is copied into the project.

Stories are spread over `--weeks` weeks ending on LAST_DAY: report them with
`--date 2026-03-31 --window 7*WEEKS`. With `--format jsonl` (the default) the
articles go one file a day, with an invalid line every `--bad-every` lines (an
input error the report must name); with `md`, one file an article.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

LAST_DAY = date(2026, 3, 31)
SEEDS = Path("/work/shared/seeds")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                       "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_WORD = "|".join([*MONTHS, *(f"{name}\\.?" for name in MONTH_ABBREVIATIONS)])
MONTH_DAY_RE = re.compile(rf"\b(?P<month>{MONTH_WORD}) (?P<day>\d{{1,2}})\b(?:, (?P<year>\d{{4}}))?")
DAY_MONTH_RE = re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{MONTH_WORD}) (?P<year>\d{{4}})\b")
FIGURE_RE = re.compile(r"(?<![\d.,:/-])(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?![\d:/]|\.\d|-\d)")
NAME_RE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")
KEPT_WORDS = {*MONTHS, *WEEKDAYS, "Reuters", "President", "Prime", "Minister", "Ministry", "The"}
SYNONYMS = {
    "said": ("stated", "added", "noted"),
    "announced": ("declared", "reported"),
    "around": ("about", "roughly"),
    "officials": ("authorities",),
    "began": ("started",),
    "ended": ("finished",),
    "also": ("additionally",),
    "however": ("but",),
}
SYLLABLES = ("mar", "low", "kes", "trel", "dun", "ash", "ford", "bel", "hav", "gren", "wick", "tor",
             "vel", "orr", "ran", "brin", "cas", "ton", "mere", "hol", "rith", "pen", "dal", "zor",
             "quin")  # fmt: skip
OUTLETS = ("Harbour Gazette", "Valley Courier", "North Wire", "Evening Ledger", "Coastal Times",
           "Daily Meridian", "The Observer-Star", "Metro Dispatch", "Lakeside Record", "Plains Herald",
           "Capital Bulletin")  # fmt: skip


@dataclass(frozen=True)
class Base:
    """One article of a set, as claimcheck reads it."""

    title: str
    source: str
    published: date
    text: str


def read_sets(seeds: Path) -> list[list[Base]]:
    from claimcheck.pipeline import load

    sets = []
    manifest = seeds / "manifest.csv"
    for paths, listed in (
        ([str(seeds)], manifest if manifest.exists() else None),
        ([str(REPO / "examples")], None),
    ):
        articles, failures = load(paths, str(listed) if listed else None)
        if failures or not articles:
            raise SystemExit(f"cannot read the articles of {paths[0]}: {failures}")
        sets.append(
            [
                Base(a.title or a.id, a.source or "Wire", _day(a.published), a.text)
                for a in articles
                if a.published is not None
            ]
        )
    return sets


def _day(value: date | datetime | None) -> date:
    assert value is not None
    return value.date() if isinstance(value, datetime) else value


def _made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


@dataclass
class Story:
    names: dict[str, str]
    factor: float
    shift: timedelta


def _story(number: int, base: list[Base], weeks: int) -> Story:
    rng = random.Random(number)
    candidates = sorted({word for item in base for word in NAME_RE.findall(item.text)} - KEPT_WORDS)
    names = {word: _made_up_name(rng) for word in candidates}
    newest = max(item.published for item in base)
    target = LAST_DAY - timedelta(days=rng.randrange(weeks * 7))
    # Whole weeks, so every weekday the texts name stays true.
    shift = timedelta(days=(target - newest).days // 7 * 7)
    return Story(names, rng.choice((0.5, 0.8, 1.5, 2.0, 3.0)), shift)


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    return MONTHS.index(word) + 1 if word in MONTHS else MONTH_ABBREVIATIONS[word]


def _shift_dates(text: str, shift: timedelta, year: int) -> str:
    def month_day(match: re.Match[str]) -> str:
        try:
            day = date(int(match["year"] or year), _month_number(match["month"]), int(match["day"])) + shift
        except ValueError:
            return match.group()
        month = MONTHS[day.month - 1] if match["month"].rstrip(".") in MONTHS else match["month"]
        month = (
            month
            if month in MONTHS
            else MONTHS[day.month - 1][:3] + ("." if match["month"].endswith(".") else "")
        )
        return f"{month} {day.day}" + (f", {day.year}" if match["year"] else "")

    def day_month(match: re.Match[str]) -> str:
        try:
            day = date(int(match["year"]), _month_number(match["month"]), int(match["day"])) + shift
        except ValueError:
            return match.group()
        return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"

    return DAY_MONTH_RE.sub(day_month, MONTH_DAY_RE.sub(month_day, text))


def _scale(number: str, factor: float) -> str:
    value = int(number.replace(",", ""))
    if value < 10 or 1900 <= value <= 2100:  # small counts and years stay
        return number
    scaled = max(10, round(value * factor))
    return f"{scaled:,}" if "," in number or scaled >= 10_000 else str(scaled)


def retell(base: Base, story: Story, rng: random.Random) -> str:
    """One outlet's wording of a base article in a story."""
    text = base.text
    for old, new in story.names.items():
        text = re.sub(rf"\b{old}\b", new, text)
    text = _shift_dates(text, story.shift, base.published.year)
    conflict = rng.random() < 0.1
    figures = list(FIGURE_RE.finditer(text))
    odd = rng.randrange(len(figures)) if figures and conflict else -1
    parts, position = [], 0
    for index, match in enumerate(figures):
        factor = story.factor * (1.3 if index == odd else 1.0)
        parts.extend((text[position : match.start()], _scale(match["number"], factor)))
        position = match.end()
    text = "".join([*parts, text[position:]])
    for word, choices in SYNONYMS.items():
        if rng.random() < 0.5:
            text = re.sub(rf"\b{word}\b", rng.choice(choices), text)
    lines = text.split("\n")
    sentences = [n for n, line in enumerate(lines) if n > 2 and len(line) > 80]
    if sentences and rng.random() < 0.5:
        del lines[rng.choice(sentences)]
    return "\n".join(lines)


def make_corpus(out: Path, articles: int, seeds: Path, weeks: int, fmt: str, bad_every: int) -> int:
    """Write the corpus; returns the number of articles written."""
    sets = read_sets(seeds)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    days: dict[date, list[dict[str, object]]] = {}
    written = 0
    number = 0
    while written < articles:
        base = sets[number % len(sets)]
        story = _story(number, base, weeks)
        rng = random.Random(10_000 + number)
        outlets = rng.sample(OUTLETS, len(OUTLETS))
        tellings = [*base, *rng.sample(base, rng.randint(0, 2))]
        for index, item in enumerate(tellings):
            if written >= articles:
                break
            published = item.published + story.shift
            hour = rng.randint(6, 22)
            text = retell(item, story, rng)
            copies = 2 if rng.random() < 0.15 else 1  # a syndicated copy, word for word
            for copy in range(copies):
                if written >= articles:
                    break
                record = {
                    "id": f"s{number:05d}-{index}{'c' if copy else ''}",
                    "title": retell(Base(item.title, "", item.published, item.title), story, rng),
                    "source": outlets[(index + copy) % len(outlets)] if index or copy else item.source,
                    "published": f"{published.isoformat()}T{hour:02d}:{rng.randint(0, 59):02d}:00",
                    "url": f"https://news.example/{number}/{index}/{copy}",
                    "text": text,
                }
                days.setdefault(published, []).append(record)
                written += 1
        number += 1
    lines = 0
    for day, records in sorted(days.items()):
        if fmt == "md":
            for record in records:
                head = "".join(
                    f"{key}: {json.dumps(record[key])}\n" for key in ("title", "source", "published")
                )
                (out / f"{record['id']}.md").write_text(
                    f"---\n{head}---\n{record['text']}\n", encoding="utf-8"
                )
            continue
        with (out / f"day-{day.isoformat()}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                lines += 1
                if bad_every and lines % bad_every == 0:
                    handle.write('{"id": "broken", "text": \n')  # an invalid line: reported, the rest read
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--weeks", type=int, default=4)
    parser.add_argument("--format", choices=("jsonl", "md"), default="jsonl")
    parser.add_argument("--bad-every", type=int, default=5000)
    args = parser.parse_args()
    written = make_corpus(args.out, args.articles, args.seeds, args.weeks, args.format, args.bad_every)
    print(f"{written} articles in {args.out} (report with --date {LAST_DAY} --window {args.weeks * 7})")


if __name__ == "__main__":
    main()
