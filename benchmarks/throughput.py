"""Nightly throughput and memory: claimcheck against the naive stack, on a generated corpus.

    python benchmarks/throughput.py [--articles 1000] [--naive-sample 30]
                                    [--memory 1000,10000] [--work DIR] [--profile]
    python benchmarks/throughput.py --engine dask [--articles 20000] [--jobs 2] [--store URL]

With `--engine dask`: the corpus of benchmarks/make_corpus.py (the seeds and
examples retold, jsonl, all in one report window), reported in one run by the
local engine and by `--engine dask` on a LocalCluster of `--jobs` workers, each on
a fresh store; prints both throughputs (articles a second, whole command), their
ratio (target >= 0.8), whether the reports are byte-identical, and the sizing
figures of docs/scale-out.md: extraction articles/s per worker core, bytes per
article a shuffle moves, store rows and bytes per article.

Measures, in one run:
- claimcheck extraction on one core: `pipeline.process_article` in-process;
- the report command's parallel path: `claimcheck report --jobs 2` (and `--jobs 1`
  for reference) on a fresh store: its extraction rate (reading, hashing,
  extracting, committing), and the whole command's, which adds the analysis and
  report of the last day (`--per-day` articles a day, 250 by default);
- the naive pipeline on a sample of the same corpus: pysbd sentences, then
  quantulum3 `parser.parse` and dateparser `search_dates` on each sentence;
- peak memory (maxrss of a fresh `claimcheck report --jobs 1` process) at 1,000
  and 10,000 articles: a nightly store where each day brings the same number of
  articles and the report covers one day; with `--whole-window`, also a report
  whose window takes in every article of the smaller corpus.

Targets (issue 7): >= 100 articles/s on one core, >= 10x the naive pipeline, and
peak memory at 10,000 articles <= 1.5x that at 1,000.

The corpus is generated from templates (about 600 words an article; stories of
one to a dozen outlets sharing their key figures; counts of things, money,
percentages, durations, measures, hedges, number words, weekdays, month-day
dates and relative dates) so no article text is copied from anywhere.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

LAST_DAY = date(2026, 3, 31)
WORDS_PER_ARTICLE = 600

OUTLETS = (
    "Harbour Gazette", "Valley Courier", "North Wire", "Evening Ledger", "Coastal Times",
    "Daily Meridian", "The Observer-Star", "Metro Dispatch",
)  # fmt: skip
PEOPLE = ("the mayor", "a spokeswoman", "the health minister", "police", "the company", "an aid worker",
          "the governor's office", "union leaders", "the regional council", "a senior official")  # fmt: skip
COUNTED = (
    ("people", "killed"), ("soldiers", "killed"), ("residents", "evacuated"), ("homes", "destroyed"),
    ("workers", "laid off"), ("students", "enrolled"), ("patients", "treated"), ("flights", "cancelled"),
    ("schools", "closed"), ("protesters", "arrested"), ("children", "vaccinated"), ("vehicles", "damaged"),
    ("peacekeepers", "deployed"), ("jobs", "created"), ("cases", "confirmed"), ("migrants", "rescued"),
)  # fmt: skip
HEDGES = ("about", "around", "nearly", "more than", "at least", "up to", "some", "roughly", "almost",
          "fewer than", "an estimated", "over", "", "", "", "")  # fmt: skip
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen",
                "dozens of", "hundreds of", "thousands of", "twenty")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
MONTH_ABBR = ("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
RELATIVE = ("yesterday", "today", "last week", "earlier this month", "two days ago", "last month",
            "on Tuesday", "last Friday", "next week", "this weekend", "three weeks ago",
            "tomorrow")  # fmt: skip
UNITS = (("kilometres", 1, 400), ("miles", 1, 300), ("tonnes", 10, 90_000), ("hectares", 5, 40_000),
         ("litres", 100, 2_000_000), ("mph", 20, 160), ("metres", 2, 900))  # fmt: skip
SUBJECTS = ("Residents", "Shop owners", "Local officials", "Emergency crews", "Aid groups", "Volunteers",
            "Opposition politicians", "Teachers", "Farmers", "Doctors at the main hospital", "Engineers",
            "Church leaders", "Insurers", "Transport officials", "Police officers", "Neighbours")  # fmt: skip
VERBS = ("described", "warned of", "complained about", "called for", "pointed to", "criticised",
         "welcomed", "played down", "questioned", "asked about", "spoke of", "blamed")  # fmt: skip
OBJECTS = ("the slow response", "a lack of clear information", "an independent inquiry",
           "damaged roads and bridges", "the cost of repairs", "long queues for water", "the early warnings",
           "gaps in insurance cover", "the handling of the crisis", "plans to rebuild", "shortages of fuel",
           "the state of local schools", "scenes of confusion", "the mood in the streets")  # fmt: skip
TAILS = ("in {place}", "as the clean-up began", "on local radio", "at a crowded meeting", "in a statement",
         "outside the town hall", "during a visit by {person}", "late into the night", "", "")  # fmt: skip


def _filler(rng: random.Random) -> str:
    """A sentence without figures, from parts (so stories share few sentences, as real ones do)."""
    tail = rng.choice(TAILS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{' ' + tail if tail else ''}."


def _count(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return f"{rng.randint(2, 999):,}"
    if roll < 0.7:
        return f"{rng.randint(1_000, 250_000):,}"
    if roll < 0.85:
        return rng.choice(NUMBER_WORDS)
    return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"


def _hedged(rng: random.Random, text: str) -> str:
    hedge = rng.choice(HEDGES)
    return f"{hedge} {text}" if hedge else text


def _month_day(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{rng.choice(MONTH_ABBR)} {rng.randint(1, 28)}"
    return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"


def _when(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(RELATIVE)
    if roll < 0.7:
        return f"on {rng.choice(WEEKDAYS)}"
    if roll < 0.85:
        return f"on {_month_day(rng)}"
    if roll < 0.93:
        return f"on {rng.choice(WEEKDAYS)}, {_month_day(rng)}"
    return f"in {rng.randint(1995, 2025)}"


def _money(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return f"${rng.randint(1, 99)}.{rng.randint(1, 9)} billion"
    if roll < 0.6:
        return f"£{rng.randint(2, 900)}m"
    if roll < 0.8:
        return f"€{rng.randint(10, 990) * 1000:,}"
    return f"{rng.randint(2, 95)} cents"


def _sentence(rng: random.Random, place: str, numeric_only: bool = False) -> str:
    person = rng.choice(PEOPLE)
    noun, verb = rng.choice(COUNTED)
    kind = rng.random() * (0.55 if numeric_only else 1.0)
    if kind < 0.17:
        counted = f"{_hedged(rng, _count(rng)).capitalize()} {noun}"
        return f"{counted} were {verb} in {place} {_when(rng)}, {person} said."
    if kind < 0.25:
        direction = rng.choice(("rose", "fell", "jumped", "dropped", "climbed"))
        return (
            f"The number of {noun} {direction} {rng.randint(1, 60)}.{rng.randint(0, 9)}% "
            f"to {_count(rng)} {_when(rng)}, according to figures published by {person}."
        )
    if kind < 0.33:
        return (
            f"The project, expected to cost {_hedged(rng, _money(rng))}, was approved {_when(rng)} "
            f"after {rng.choice(('a 44-day', 'a 24-hour', 'a two-week', 'an 18-month'))} review."
        )
    if kind < 0.39:
        unit, low, high = rng.choice(UNITS)
        return (
            f"Crews worked along {_hedged(rng, f'{rng.randint(low, high):,}')} {unit} of coastline "
            f"for {rng.choice(('three', 'five', 'six', '12', '48'))} "
            f"{rng.choice(('hours', 'days', 'weeks'))}."
        )
    if kind < 0.45:
        return (
            f"{person.capitalize()} said {_when(rng)} that between {rng.randint(10, 40)} and "
            f"{rng.randint(41, 90)} percent of {noun} in {place} had been affected."
        )
    if kind < 0.51:
        return (
            f"In {rng.randint(1998, 2024)}, a similar event left {_hedged(rng, _count(rng))} {noun} "
            f"{verb}, and recovery took {rng.choice(('three years', 'six months', 'a decade', '18 months'))}."
        )
    if kind < 0.55:
        return (
            f"The meeting, first planned for {_month_day(rng)}, was moved to {rng.choice(WEEKDAYS)} "
            f"at {rng.randint(1, 11)}:{rng.choice(('00', '15', '30', '45'))} a.m."
        )
    return _filler(rng).format(place=place, person=person)


SYLLABLES = (
    "mar", "low", "kes", "trel", "dun", "more", "ash", "ford", "bel", "hav", "gren", "wick", "tor",
    "by", "ell", "orr", "vale", "stead", "brin", "cas", "ton", "mere", "hol", "rith", "pen", "dale",
)  # fmt: skip
PLACE_SUFFIXES = ("", "", "", " Bay", " Falls", " Cross", " Heights", " Harbour")
EVENTS = (
    ("Floods", "floods", "killed"), ("Storm", "the storm", "killed"), ("Fire", "the fire", "killed"),
    ("Outbreak", "the outbreak", "infected"), ("Strike", "the strike", "walked out"),
    ("Protests", "the protests", "arrested"), ("Landslide", "the landslide", "killed"),
)  # fmt: skip
LEAD_HEDGES = ("", "", "", "about ", "at least ", "more than ", "nearly ")


def _place(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return name.capitalize() + rng.choice(PLACE_SUFFIXES)


@dataclass(frozen=True)
class Story:
    """One event several outlets report: its place, its key figures, the day it happened."""

    event: tuple[str, str, str]
    place: str
    toll: int
    evacuated: int
    cost: str
    weekday: str
    facts: tuple[str, ...]
    """Sentences with the story's other figures, which its articles repeat."""


def _story(rng: random.Random) -> Story:
    place = _place(rng)
    return Story(
        event=rng.choice(EVENTS),
        place=place,
        toll=rng.randint(3, 400),
        evacuated=rng.randint(2, 90) * 100,
        cost=f"${rng.randint(2, 90)}{rng.choice(('0 million', ' million', '.5 billion'))}",
        weekday=rng.choice(WEEKDAYS),
        facts=tuple(_sentence(rng, place, numeric_only=True) for _ in range(rng.randint(12, 24))),
    )


def _lead(rng: random.Random, story: Story) -> str:
    """The story's key figures in one outlet's words; now and then a figure that differs."""
    _title, noun, verb = story.event
    toll = story.toll if rng.random() > 0.08 else story.toll + rng.randint(1, 30)
    hedge = rng.choice(LEAD_HEDGES)
    people = rng.choice(("people", "residents", "workers"))
    if rng.random() < 0.5:
        return (
            f"{noun.capitalize()} in {story.place} {verb} {hedge}{toll} {people} on {story.weekday}, "
            f"{rng.choice(PEOPLE)} said, and {story.evacuated:,} residents were moved to safety."
        )
    return (
        f"{hedge.capitalize() or ''}{toll} {people} were {verb} when {noun} hit {story.place} on "
        f"{story.weekday}, and damage was put at {story.cost} by {rng.choice(PEOPLE)}."
    )


def make_article(rng: random.Random, story: Story, number: int, published: date) -> str:
    """One outlet's article of about 600 words on `story`, as Markdown with front matter."""
    paragraphs = [_lead(rng, story)]
    words = len(paragraphs[0].split())
    facts = list(story.facts)
    rng.shuffle(facts)
    while words < WORDS_PER_ARTICLE:
        # An outlet repeats some of the story's figures, in its own order, between general lines.
        sentences = [
            facts.pop() if facts and rng.random() < 0.55 else _filler(rng) for _ in range(rng.randint(2, 4))
        ]
        paragraph = " ".join(sentences).format(place=story.place, person=rng.choice(PEOPLE))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    verb = rng.choice(("hits", "batters", "sweeps through", "strikes"))
    title = f"{story.event[0]} {verb} {story.place} ({number})"
    head = f"---\ntitle: {title}\nsource: {rng.choice(OUTLETS)}\npublished: {published.isoformat()}\n---\n"
    return head + "\n\n".join(paragraphs) + "\n"


def make_corpus(folder: Path, count: int, per_day: int, seed: int = 7) -> Path:
    """`count` articles, `per_day` of them on each day back from LAST_DAY, one file each.

    Each day's articles cover that day's stories, one to a dozen outlets each (about
    four on average), as a day's crawl does.
    """
    if folder.is_dir() and len(list(folder.glob("*.md"))) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    story, left, day = _story(rng), 0, -1
    for number in range(count):
        if number // per_day != day:  # a new day: new stories
            day, left = number // per_day, 0
        if left == 0:
            story, left = _story(rng), min(int(rng.expovariate(1 / 4)) + 1, 12)
        left -= 1
        published = LAST_DAY - timedelta(days=day)
        text = make_article(rng, story, number, published)
        (folder / f"article-{number:05d}.md").write_text(text, encoding="utf-8")
    return folder


# Measurements --------------------------------------------------------------------------


def one_core(folder: Path, profile: bool) -> tuple[int, float, int]:
    """(articles, seconds, claims) of process_article over the corpus, in this process."""
    from claimcheck.pipeline import Options, load, process_article

    articles, _failures = load([str(folder)])
    options = Options()
    process_article(articles[0], options)  # warm the caches (rules, lexicons)
    profiler = cProfile.Profile() if profile else None
    claims = 0
    began = time.perf_counter()
    if profiler:
        profiler.enable()
    for article in articles:
        claims += len(process_article(article, options).claims)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - began
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(15)
    return len(articles), seconds, claims


def report_command(folder: Path, jobs: int, window: int = 1) -> tuple[float, int, float]:
    """(seconds, maxrss KiB, extraction articles/s) of `claimcheck report` on a fresh store.

    The extraction rate is the command's own (its closing line on stderr): reading,
    hashing, extracting in the workers and committing to the store.
    """
    out = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        command = [
            sys.executable, "-m", "claimcheck", "report", str(folder), "--out", str(out),
            "--date", LAST_DAY.isoformat(), "--window", str(window), "--jobs", str(jobs),
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        began = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        error = process.stderr.read().decode() if process.stderr else ""
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"claimcheck report failed ({code}): {error}")
        match = EXTRACTED_RE.search(error)
        return seconds, usage.ru_maxrss, float(match.group(1)) if match else float("nan")
    finally:
        shutil.rmtree(out, ignore_errors=True)


EXTRACTED_RE = re.compile(r"\d+ extracted \((\d+)/s")


def naive(folder: Path, sample: int) -> tuple[int, float, int]:
    """(articles, seconds, mentions) of pysbd + quantulum3 + dateparser on a sample."""
    import pysbd
    from dateparser.search import search_dates
    from quantulum3 import classifier, parser

    # quantulum3's pickled disambiguation model does not load with scikit-learn 1.9 (it
    # raises on the first ambiguous unit): its rule-based path, as without scikit-learn.
    classifier.USE_CLF = False

    from claimcheck.ingest.files import split_front_matter

    files = sorted(folder.glob("*.md"))[:sample]
    texts = [split_front_matter(file.read_text(encoding="utf-8"))[1] for file in files]
    segmenter = pysbd.Segmenter(language="en", clean=False)
    parser.parse("About 40 soldiers were killed on Tuesday.")  # warm-up: model and unit tables
    search_dates("About 40 soldiers were killed on Tuesday.")
    mentions = 0
    began = time.perf_counter()
    for text in texts:
        for sentence in segmenter.segment(text):
            mentions += len(parser.parse(sentence))
            mentions += len(search_dates(sentence) or [])
    return len(texts), time.perf_counter() - began, mentions


def engine_run(corpus: Path, out: Path, engine: str, jobs: int, store: str | None) -> tuple[float, str]:
    """(seconds, stderr) of one `claimcheck report` over the whole make_corpus window."""
    from make_corpus import LAST_DAY as CORPUS_DAY

    command = [
        sys.executable, "-m", "claimcheck", "report", str(corpus), "--out", str(out), "--jobs", str(jobs),
        "--date", CORPUS_DAY.isoformat(), "--window", "35", "--engine", engine,
    ]  # fmt: skip
    if store:
        command += ["--store", store]
    began = time.perf_counter()
    result = subprocess.run(
        command, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True
    )
    seconds = time.perf_counter() - began
    if result.returncode not in (0, 1):
        raise SystemExit(f"claimcheck report --engine {engine} failed ({result.returncode}): {result.stderr}")
    return seconds, result.stderr


def sizing(store_location: str, articles: int) -> None:
    """Store rows and bytes per article, and the bytes the shuffle moves per article."""
    import pickle

    from claimcheck.nightly.dask_engine import Linked, report_share, shares
    from claimcheck.nightly.runner import load_selected
    from claimcheck.nightly.store import Store, is_database_url
    from claimcheck.pipeline import Options, link_stories
    from claimcheck.rules import load_rules

    with Store.open(store_location, lock=False) as store:
        counts = store.counts()
        entries = store.window_entries(date(2000, 1, 1), date(2100, 1, 1))
        if is_database_url(store_location):
            tables = "pg_total_relation_size('articles') + pg_total_relation_size('claims')"
            size = store._execute(f"SELECT {tables} + pg_total_relation_size('sources')").fetchone()[0]
        else:
            size = sum(Path(store_location + suffix).stat().st_size for suffix in ("", "-wal"))
        # A sample of whole stories: the first 1,000 articles of the window, linked and reported.
        results = load_selected(store, [(entry.hash, entry.article_id) for entry in entries[:1000]])
    linked = Linked(*link_stories(results, Options(), load_rules(None)))
    moved = sum(len(pickle.dumps(result)) for result in linked.results) / len(linked.results)
    reports = [report_share(part, Options()) for part in shares(linked)]
    back = sum(len(pickle.dumps(report)) for report in reports) / len(linked.results)
    rows = (counts["articles"] + counts["claims"]) / counts["articles"]
    per_article = size / counts["articles"] / 1024
    print(f"store: {rows:.1f} rows an article ({counts['claims'] / counts['articles']:.1f} claims), "
          f"{per_article:.1f} KiB an article ({size / 2**20:.0f} MiB for {counts['articles']})")  # fmt: skip
    print(f"shuffle: {moved / 1024:.1f} KiB an article (text and claims, to the linking worker, then to "
          f"the one checking its story); {back / 1024:.1f} KiB of report to the client")  # fmt: skip


def compare_engines(args: argparse.Namespace, work: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from make_corpus import make_corpus as make_seed_corpus

    corpus = work / f"seeds-{args.articles}"
    if not corpus.is_dir():
        make_seed_corpus(corpus, args.articles, Path(args.seeds), weeks=4, fmt="jsonl", bad_every=5000)
    print(f"corpus: {args.articles} articles from the seeds and examples ({corpus}); load: {os.getloadavg()}")
    outs = {}
    rates = {}
    for engine in ("local", "dask"):
        out = Path(tempfile.mkdtemp(prefix=f"claimcheck-{engine}-"))
        store = None
        if engine == "dask" and args.store:
            store = args.store
        seconds, err = engine_run(corpus, out, engine, args.jobs, store)
        closing = EXTRACTED_RE.findall(err)  # the last is the closing line's
        extraction = float(closing[-1]) if closing else float("nan")
        rates[engine] = args.articles / seconds
        outs[engine] = out
        print(f"{engine:>5} engine, {args.jobs} workers: {rates[engine]:6.1f} articles/s whole command "
              f"({seconds:.0f} s; extraction {extraction:.0f} articles/s, "
              f"{extraction / args.jobs:.0f} a worker core)")  # fmt: skip
    same = all(
        (outs["local"] / f"2026-03-31.{kind}").read_bytes()
        == (outs["dask"] / f"2026-03-31.{kind}").read_bytes()
        for kind in ("md", "json", "html")
    )
    print(f"ratio dask / local: {rates['dask'] / rates['local']:.2f} (target >= 0.8); "
          f"reports byte-identical: {same}; load after: {os.getloadavg()}")  # fmt: skip
    sizing(args.store or str(outs["dask"] / "claimcheck.sqlite"), args.articles)
    print(f"load after sizing: {os.getloadavg()}")
    for out in outs.values():
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="dask: compare the engines"
    )
    parser.add_argument("--jobs", type=int, default=2, help="workers of each engine (with --engine dask)")
    parser.add_argument("--store", default=None, help="the dask run's store (default: a fresh SQLite file)")
    parser.add_argument(
        "--seeds", default="/work/shared/seeds", help="the seed articles (with --engine dask)"
    )
    parser.add_argument("--articles", type=int, default=1000, help="corpus size for the speed runs")
    parser.add_argument("--naive-sample", type=int, default=30, help="articles for the naive pipeline")
    parser.add_argument("--memory", default="1000,10000", help="corpus sizes for peak memory ('' skips)")
    parser.add_argument("--per-day", type=int, default=250, help="articles a day in the memory corpora")
    parser.add_argument(
        "--whole-window", action="store_true", help="also a report whose window holds every article"
    )
    parser.add_argument("--work", default=None, help="folder for the generated corpora (kept for reruns)")
    parser.add_argument("--profile", action="store_true", help="top functions of extraction")
    args = parser.parse_args()
    work = Path(args.work or Path(tempfile.gettempdir()) / "claimcheck-throughput")
    work.mkdir(parents=True, exist_ok=True)
    if args.engine == "dask":
        compare_engines(args, work)
        return

    folder = make_corpus(work / f"daily-{args.articles}", args.articles, per_day=args.per_day)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in sorted(folder.glob("*.md"))[:50]) / 50
    print(f"corpus: {args.articles} articles, ~{words:.0f} words each ({folder})")

    count, seconds, claims = one_core(folder, args.profile)
    single = count / seconds
    print(
        f"claimcheck, 1 core (process_article): {single:8.1f} articles/s ({claims / count:.1f} claims each)"
    )
    for jobs in (1, 2):
        seconds, _rss, extraction = report_command(folder, jobs)
        print(
            f"claimcheck report --jobs {jobs}: extraction {extraction:8.1f} articles/s; "
            f"whole command {count / seconds:6.1f} articles/s "
            f"({seconds:.1f} s, with analysis and report of a {min(count, args.per_day)}-article day)"
        )

    count, seconds, mentions = naive(folder, args.naive_sample)
    naive_rate = count / seconds
    print(
        f"naive pysbd+quantulum3+dateparser:    {naive_rate:8.2f} articles/s "
        f"({mentions / count:.1f} mentions each)"
    )
    print(
        f"ratio (claimcheck 1 core / naive):    {single / naive_rate:8.1f}x "
        "(targets: >= 10x, >= 100 articles/s)"
    )

    sizes = [int(size) for size in args.memory.split(",") if size.strip()]
    if sizes:
        peaks = {}
        for size in sizes:
            corpus = make_corpus(work / f"daily-{size}", size, per_day=args.per_day)
            seconds, rss, _rate = report_command(corpus, jobs=1, window=1)
            peaks[size] = rss
            print(
                f"peak memory, report --jobs 1 over {size:>6} articles: {rss / 1024:7.1f} MiB "
                f"(window 1 day = {min(size, args.per_day)} articles; {seconds:.0f} s)"
            )
        if args.whole_window:
            # For comparison: a window holding every article (memory grows with the window, not the store).
            smallest = min(sizes)
            seconds, rss_all, _rate = report_command(work / f"daily-{smallest}", jobs=1, window=100_000)
            print(
                f"peak memory with all {smallest} articles in the window: {rss_all / 1024:7.1f} MiB "
                f"({seconds:.0f} s)"
            )
        if len(sizes) >= 2:
            low, high = min(sizes), max(sizes)
            print(f"memory ratio {high}/{low}: {peaks[high] / peaks[low]:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
