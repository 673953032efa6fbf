"""Story clustering benchmark on real news: B-cubed against AllSides and ECB+ gold, and scaling.

    python benchmarks/stories.py [--corpus allsides|ecbplus|both] [--errors] [--json]
    python benchmarks/stories.py --scale [--scale-n 1000] [--json]

Scores the product path: `claimcheck.pipeline.check_paths` on ALL articles of a
corpus in one run, with default options.

- AllSides (`allsides/articles.jsonl`, 441 articles): gold is `allsides/stories.tsv`
  (147 stories of a left, a centre and a right outlet).
- ECB+ (`ecbplus/ECBplus_982docs_xml.tar.gz`, 982 docs): the text of each doc is rebuilt
  by `benchmarks/realtext.py` (imported by path) and written to a temporary folder as
  `.txt` files (first line = title, as `claimcheck check` reads a `.txt`). Gold story =
  topic + half: the `N_Kecb.xml` docs of topic N are one story, `N_Kecbplus.xml` another.

Singletons: an article that is in no predicted story, or only in a one-article story,
is its own singleton story. B-cubed is the standard definition (Bagga & Baldwin 1998):
for each article, precision = |predicted cluster & gold cluster| / |predicted cluster|,
recall = |predicted cluster & gold cluster| / |gold cluster|, both averaged over all
articles; F1 is the harmonic mean of the two averages.

`--scale` times the story clustering stage alone on N and 10N articles (variants of the
real AllSides + ECB+ stories, made in memory: story-specific names replaced by invented
names per variant, numbers perturbed, dates shifted, published dates spread over 30
days), prints the ratio (target: 10x articles <= 15x time), and the whole `check`
time at N for context.

The benchmark texts are read from `../shared/benchmarks` at run time; nothing of them
enters the project.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimcheck.models import Article, Report  # noqa: E402
from claimcheck.pipeline import Options, check_paths, process_article  # noqa: E402


def shared_benchmarks() -> Path:
    """`shared/benchmarks` beside the repository (tests/shared.py finds it; CLAIMCHECK_SHARED)."""
    from tests.shared import SHARED

    return SHARED / "benchmarks"


SHARED = shared_benchmarks()
ALLSIDES = SHARED / "allsides"
ECBPLUS_ARCHIVE = SHARED / "ecbplus" / "ECBplus_982docs_xml.tar.gz"


def story_clusterer() -> Callable[[list[Article]], Any]:
    """The story clustering stage that `--scale` times: repoint here when it moves.

    It takes the pipeline's articles (after boilerplate, dates and duplicates) and
    returns the stories (anything with `article_ids`).
    """
    from claimcheck.stories.clustering import cluster_stories

    return cluster_stories


# ---------------------------------------------------------------------------
# Scoring


@dataclass
class StoryScore:
    corpus: str
    articles: int
    precision: float
    recall: float
    f1: float
    predicted_stories: int
    """Predicted stories, each unclustered article counted as its own singleton."""
    predicted_multi: int
    """Predicted stories of two or more articles."""
    gold_stories: int
    largest_predicted: int
    largest_gold: int
    split_gold: int
    """Gold stories whose articles fall into more than one predicted story."""
    impure_predicted: int
    """Predicted stories that mix articles of more than one gold story."""
    seconds: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `predicted` (item -> cluster) against `gold`.

    Scored over the items of `gold`; an item missing from `predicted` is a singleton.
    Precision and recall are averaged over items; F1 is their harmonic mean.
    """
    if not gold:
        raise ValueError("no gold items")
    predicted_of = singletons(predicted, gold)
    members_predicted: dict[str, set[str]] = defaultdict(set)
    members_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        members_predicted[predicted_of[item]].add(item)
        members_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        cluster = members_predicted[predicted_of[item]]
        truth = members_gold[gold[item]]
        both = len(cluster & truth)
        precision += both / len(cluster)
        recall += both / len(truth)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def singletons(predicted: Mapping[str, str], gold: Iterable[str]) -> dict[str, str]:
    """`predicted` restricted to the gold items, each unclustered item its own cluster."""
    out = {}
    for item in gold:
        cluster = predicted.get(item)
        out[item] = f"cluster:{cluster}" if cluster is not None else f"singleton:{item}"
    return out


def story_map(stories: Iterable[Any]) -> dict[str, str]:
    """article id -> story id, from report stories (anything with `id` and `article_ids`)."""
    out: dict[str, str] = {}
    for number, story in enumerate(stories):
        story_id = getattr(story, "id", None) or f"story-{number}"
        for article_id in story.article_ids:
            out[article_id] = story_id
    return out


def score_stories(
    corpus: str, predicted: Mapping[str, str], gold: Mapping[str, str], seconds: float
) -> StoryScore:
    precision, recall, f1 = bcubed(predicted, gold)
    predicted_of = singletons(predicted, gold)
    predicted_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        predicted_members[predicted_of[item]].add(item)
        gold_members[gold[item]].add(item)
    return StoryScore(
        corpus=corpus,
        articles=len(gold),
        precision=precision,
        recall=recall,
        f1=f1,
        predicted_stories=len(predicted_members),
        predicted_multi=sum(len(members) > 1 for members in predicted_members.values()),
        gold_stories=len(gold_members),
        largest_predicted=max(len(members) for members in predicted_members.values()),
        largest_gold=max(len(members) for members in gold_members.values()),
        split_gold=sum(
            len({predicted_of[item] for item in members}) > 1 for members in gold_members.values()
        ),
        impure_predicted=sum(
            len({gold[item] for item in members}) > 1 for members in predicted_members.values()
        ),
        seconds=seconds,
    )


# ---------------------------------------------------------------------------
# Corpora


def load_realtext() -> ModuleType:
    """`benchmarks/realtext.py`, imported by path (it rebuilds ECB+ text from the XML)."""
    spec = importlib.util.spec_from_file_location("realtext_benchmark", REPO / "benchmarks" / "realtext.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def allsides_gold(folder: Path = ALLSIDES) -> dict[str, str]:
    gold = {}
    for line in (folder / "stories.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            article_id, story = line.split("\t")
            gold[article_id] = story
    return gold


def allsides_articles(folder: Path = ALLSIDES) -> list[Article]:
    """The articles as the product reads them (ids, dates parsed by claimcheck's ingestion)."""
    from claimcheck.pipeline import load

    articles, failures = load([str(folder / "articles.jsonl")])
    if failures:
        raise SystemExit(f"cannot read {folder}: {failures[0].reason}")
    return articles


def ecbplus_events(archive: Path = ECBPLUS_ARCHIVE) -> dict[tuple[str, str], list[Article]]:
    """ECB+ articles by gold story (topic, "ecb" | "ecbplus"), as realtext.py rebuilds them."""
    return load_realtext().read_archive(archive)


def run_allsides(folder: Path = ALLSIDES) -> tuple[StoryScore, Report]:
    started = time.perf_counter()
    report = check_paths([str(folder / "articles.jsonl")])
    seconds = time.perf_counter() - started
    return score_stories("allsides", story_map(report.stories), allsides_gold(folder), seconds), report


def ecbplus_report(archive: Path = ECBPLUS_ARCHIVE) -> tuple[Report, dict[str, str], float]:
    """The product path on all ECB+ docs in one `check_paths` run: the report, the gold story
    of each article id ("topic-half") and the seconds `check_paths` took.

    Each doc is written as `<article id>.txt` to a temporary folder (the file name is the
    article id in the report)."""
    events = ecbplus_events(archive)
    gold: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="ecbplus-stories-") as folder:
        for (topic, half), articles in events.items():
            for article in articles:
                name = f"{article.id}.txt"  # the file name is the article id in the report
                (Path(folder) / name).write_text(article.text, encoding="utf-8")
                gold[name] = f"{topic}-{half}"
        started = time.perf_counter()
        report = check_paths([folder])
        seconds = time.perf_counter() - started
    missing = set(gold) - {article.id for article in report.articles}
    if missing:
        raise RuntimeError(f"{len(missing)} ECB+ docs missing from the report, e.g. {sorted(missing)[:3]}")
    return report, gold, seconds


def run_ecbplus(archive: Path = ECBPLUS_ARCHIVE) -> tuple[StoryScore, Report]:
    report, gold, seconds = ecbplus_report(archive)
    return score_stories("ecbplus", story_map(report.stories), gold, seconds), report


# ---------------------------------------------------------------------------
# Scaling corpus: variants of the real stories

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBREVIATIONS = {month[:3]: number for number, month in enumerate(MONTHS, 1)}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DATE_WORDS = {word.lower() for word in MONTHS + WEEKDAYS} | {m.lower() for m in MONTH_ABBREVIATIONS}
TEXT_DATE_RE = re.compile(
    r"\b(?P<month>" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
    r" (?P<day>[0-3]?\d)\b(?:, (?P<year>(?:19|20)\d\d)\b)?"
)
CAPITALIZED_RE = re.compile(r"\b[A-Z][A-Za-z'’]*[A-Za-z]\b")
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,]|\.\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|,\d)")
YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'’]*[a-z]\b")
SCALE_WINDOW_DAYS = 30
SCALE_START = date(2021, 5, 1)
COMMON_NAME_STORIES = 3
"""A name in this many gold stories or more is a public figure (Biden, Congress) and kept as
is, so that it recurs across variants as it recurs across real stories; other names are
replaced per variant story."""


@dataclass
class BaseStory:
    key: str
    articles: list[Article]


def base_stories() -> list[BaseStory]:
    """The 147 AllSides and 86 ECB+ gold stories, with their articles."""
    gold = allsides_gold()
    by_story: dict[str, list[Article]] = defaultdict(list)
    for article in allsides_articles():
        by_story[f"allsides:{gold[article.id]}"].append(article)
    stories = [BaseStory(key, articles) for key, articles in sorted(by_story.items())]
    for (topic, half), articles in sorted(ecbplus_events().items()):
        # ECB+ docs carry no title line apart: the first line (usually the headline) is one.
        titled = [replace(article, title=article.text.strip().splitlines()[0]) for article in articles]
        stories.append(BaseStory(f"ecbplus:{topic}-{half}", sorted(titled, key=lambda a: a.id)))
    return stories


def name_vocabulary(stories: list[BaseStory]) -> tuple[set[str], set[str]]:
    """(names to replace per variant, names kept as public figures).

    A name is a capitalised word whose lower-case form never occurs in the corpus
    (so "Police" at a sentence start is not one), and not a month or weekday.
    """
    lower: set[str] = set()
    names_in: dict[str, set[str]] = defaultdict(set)
    for story in stories:
        for article in story.articles:
            text = f"{article.title or ''}\n{article.text}"
            lower.update(LOWER_WORD_RE.findall(text))
            for word in CAPITALIZED_RE.findall(text):
                names_in[word].add(story.key)
    names = {
        word
        for word in names_in
        if word.lower() not in lower
        and word.lower() not in DATE_WORDS
        and word.rstrip(".") not in MONTH_ABBREVIATIONS
    }
    common = {word for word in names if len(names_in[word]) >= COMMON_NAME_STORIES}
    return names - common, common


def invented_name(rng: random.Random, like: str) -> str:
    """A made-up word shaped like `like`: all capitals for acronyms, else capitalised."""
    if like.isupper():
        return "".join(rng.choice("BCDFGHJKLMNPRSTVWXZ") for _ in range(max(len(like), 2)))
    syllables = max(2, min(4, len(like) // 2))
    return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(syllables)).capitalize()


def perturb_number(text: str, rng: random.Random) -> str:
    """The figure moved by 5-40% either way, written the same way (commas, decimals)."""
    if YEAR_RE.match(text):
        return text
    plain = text.replace(",", "")
    factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.05, 0.4)
    if "." in plain:
        decimals = len(plain.split(".")[1])
        return f"{max(float(plain) * factor, 0.1):.{decimals}f}"
    value = max(round(int(plain) * factor), 1)
    if value == int(plain):
        value += 1
    return f"{value:,}" if "," in text else str(value)


def month_number(word: str) -> int:
    return MONTHS.index(word) + 1 if word in MONTHS else MONTH_ABBREVIATIONS[word[:3]]


def shift_text_dates(text: str, days: int) -> str:
    """'April 20' / 'Apr. 20, 2021' moved by `days` (no year given: 2021, the corpus year)."""

    def shift(match: re.Match[str]) -> str:
        year = int(match["year"]) if match["year"] else 2021
        try:
            moved = date(year, month_number(match["month"]), int(match["day"])) + timedelta(days=days)
        except ValueError:
            return match.group()
        out = f"{MONTHS[moved.month - 1]} {moved.day}"
        return f"{out}, {moved.year}" if match["year"] else out

    return TEXT_DATE_RE.sub(shift, text)


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def text_anchor(articles: list[Article]) -> date | None:
    """The earliest full date ("July 3, 2013") written in the articles, for undated stories."""
    found = []
    for article in articles:
        for match in TEXT_DATE_RE.finditer(article.text):
            if match["year"]:
                month_word = match["month"]
                month = (
                    MONTHS.index(month_word) + 1
                    if month_word in MONTHS
                    else MONTH_ABBREVIATIONS[month_word[:3]]
                )
                try:
                    found.append(date(int(match["year"]), month, int(match["day"])))
                except ValueError:
                    continue
    return min(found) if found else None


def make_variant(story: BaseStory, number: int, replace: set[str], rng: random.Random) -> list[Article]:
    """One variant story: its own invented names, perturbed figures, shifted dates.

    Names and figures are mapped consistently across the story's articles (every outlet's
    "Floyd" becomes the same invented name, every "312" the same new figure), so the
    outlets still agree where they agreed.
    """
    names: dict[str, str] = {}
    figures: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        word = match.group()
        if word not in replace:
            return word
        if word not in names:
            names[word] = invented_name(rng, word)
        return names[word]

    def refigure(match: re.Match[str]) -> str:
        figure = match.group()
        if figure not in figures:
            figures[figure] = perturb_number(figure, rng)
        return figures[figure]

    def rewrite(text: str, shift: int) -> str:
        text = shift_text_dates(text, shift)
        text = CAPITALIZED_RE.sub(rename, text)
        return NUMBER_RE.sub(refigure, text)

    dated = [_as_date(article.published) for article in story.articles if article.published is not None]
    anchor = min(day for day in dated if day is not None) if dated else text_anchor(story.articles)
    start = SCALE_START + timedelta(days=rng.randrange(SCALE_WINDOW_DAYS))
    shift = (start - anchor).days if anchor else 0
    variants = []
    for index, article in enumerate(story.articles):
        published = _as_date(article.published)
        if published is not None:
            published += timedelta(days=shift)
        elif story.key.startswith("ecbplus:"):
            # ECB+ has no dates; a feed does: the story's coverage spreads over three days.
            published = start + timedelta(days=rng.randrange(3))
        # An undated AllSides article stays undated, as in the real feed.
        variants.append(
            Article(
                id=f"v{number}-{index}-{article.id}",
                source=article.source,
                title=rewrite(article.title, shift) if article.title else None,
                published=published,
                text=rewrite(article.text, shift),
            )
        )
    return variants


def scale_corpus(total: int, seed: int = 11) -> tuple[list[Article], dict[str, str]]:
    """`total` articles of variant stories (and their gold story), in a shuffled story order."""
    rng = random.Random(seed)
    stories = base_stories()
    replace, _common = name_vocabulary(stories)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    number = 0
    while len(articles) < total:
        order = list(stories)
        rng.shuffle(order)
        for story in order:
            if len(articles) >= total:
                break
            for article in make_variant(story, number, replace, rng)[: total - len(articles)]:
                articles.append(article)
                gold[article.id] = f"v{number}"
            number += 1
    return articles, gold


def prepare(articles: list[Article]) -> list[Article]:
    """The articles as the clustering stage sees them: after the per-article pipeline step."""
    options = Options()
    return [process_article(article, options).article for article in articles]


def time_clustering(articles: list[Article], repeat: int) -> tuple[float, int]:
    """Best wall time of `repeat` runs of the clustering stage, and the stories it found."""
    cluster = story_clusterer()
    best = float("inf")
    found = 0
    for _ in range(repeat):
        started = time.perf_counter()
        stories = cluster(articles)
        best = min(best, time.perf_counter() - started)
        found = len(stories)
    return best, found


def run_scale(small: int, repeat: int) -> dict[str, Any]:
    large = small * 10
    built = time.perf_counter()
    corpus, gold = scale_corpus(large)
    prepared = prepare(corpus)
    build_seconds = time.perf_counter() - built
    time_clustering(prepared[:50], 1)  # warm lexicon caches and imports
    small_seconds, small_stories = time_clustering(prepared[:small], repeat)
    large_seconds, large_stories = time_clustering(prepared, max(1, (repeat + 1) // 2))
    small_found = story_map(story_clusterer()(prepared[:small]))
    small_gold = {key: gold[key] for key in list(gold)[:small]}
    precision, recall, f1 = bcubed(small_found, small_gold)
    with tempfile.TemporaryDirectory(prefix="story-scale-") as folder:
        path = Path(folder) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for article in corpus[:small]:
                row = {
                    "id": article.id,
                    "title": article.title,
                    "source": article.source,
                    "text": article.text,
                }
                if article.published is not None:
                    row["published"] = article.published.isoformat()
                handle.write(json.dumps(row) + "\n")
        started = time.perf_counter()
        check_paths([str(path)])
        check_seconds = time.perf_counter() - started
    ratio = large_seconds / small_seconds if small_seconds else float("inf")
    return {
        "small_articles": small,
        "large_articles": large,
        "small_seconds": small_seconds,
        "large_seconds": large_seconds,
        "ratio": ratio,
        "target_ratio": 15.0,
        "small_stories_found": small_stories,
        "large_stories_found": large_stories,
        "gold_stories_small": len(set(small_gold.values())),
        "gold_stories_large": len(set(gold.values())),
        "small_bcubed": {"precision": precision, "recall": recall, "f1": f1},
        "check_seconds_small": check_seconds,
        "build_seconds": build_seconds,
    }


# ---------------------------------------------------------------------------
# Output

SINGLETON_NOTE = (
    "singletons: an article in no predicted multi-article story counts as its own singleton story "
    "(in 'predicted', 'largest' and B-cubed)"
)


def error_lines(corpus: str, articles: Iterable[Any], stories: Iterable[Any], gold: Mapping[str, str]) -> str:
    """The predicted stories that mix gold stories, then the gold stories split over predicted
    ones: each article with its date ("undated"), gold story and title, to read why."""
    predicted = singletons(story_map(stories), gold)
    by_id = {article.id: article for article in articles}
    members_predicted: dict[str, list[str]] = defaultdict(list)
    members_gold: dict[str, list[str]] = defaultdict(list)
    for item in sorted(gold):
        members_predicted[predicted[item]].append(item)
        members_gold[gold[item]].append(item)

    def line(item: str) -> str:
        article = by_id.get(item)
        published = getattr(article, "published", None)
        day = str(published)[:10] if published is not None else "undated"
        title = (getattr(article, "title", None) or "").replace("\n", " ")[:70]
        return f"    {item:<32} {day:<10} {gold[item][:44]:<44} | {title}"

    lines = [f"{corpus}: predicted stories mixing gold stories"]
    for members in members_predicted.values():
        if len({gold[item] for item in members}) > 1:
            lines.append("  --")
            lines.extend(line(item) for item in sorted(members, key=lambda item: (gold[item], item)))
    lines.append(f"{corpus}: gold stories split over predicted stories (the predicted story after the title)")
    for story, members in members_gold.items():
        if len({predicted[item] for item in members}) > 1:
            lines.append(f"  -- {story}")
            lines.extend(
                f"{line(item)}  [{predicted[item]}]"
                for item in sorted(members, key=lambda item: (predicted[item], item))
            )
    return "\n".join(lines)


def table(scores: list[StoryScore]) -> str:
    header = (
        f"{'corpus':<9} {'articles':>8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'multi':>6} "
        f"{'gold':>5} {'lgst-pred':>9} {'lgst-gold':>9} {'split':>6} {'impure':>6} {'time':>7}"
    )
    lines = [header]
    for s in scores:
        lines.append(
            f"{s.corpus:<9} {s.articles:>8} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
            f"{s.predicted_stories:>6} {s.predicted_multi:>6} {s.gold_stories:>5} {s.largest_predicted:>9} "
            f"{s.largest_gold:>9} {s.split_gold:>6} {s.impure_predicted:>6} {s.seconds:>6.1f}s"
        )
    lines.append(
        "pred = predicted stories incl. singletons; multi = predicted stories of 2+ articles; "
        "split = gold stories spread over >1 predicted story; impure = predicted stories mixing "
        ">1 gold story; time = whole `check` run"
    )
    lines.append(SINGLETON_NOTE)
    return "\n".join(lines)


def scale_lines(result: dict[str, Any]) -> str:
    bc = result["small_bcubed"]
    return "\n".join(
        [
            f"clustering {result['small_articles']} articles: {result['small_seconds']:.3f}s "
            f"({result['small_stories_found']} stories found, {result['gold_stories_small']} gold; "
            f"B-cubed P {bc['precision']:.3f} R {bc['recall']:.3f} F1 {bc['f1']:.3f})",
            f"clustering {result['large_articles']} articles: {result['large_seconds']:.3f}s "
            f"({result['large_stories_found']} stories found, {result['gold_stories_large']} gold)",
            f"10x articles -> {result['ratio']:.1f}x time (target <= {result['target_ratio']:.0f}x)",
            f"whole check at {result['small_articles']} articles: {result['check_seconds_small']:.1f}s "
            f"(building {result['large_articles']} variants and their per-article step: "
            f"{result['build_seconds']:.1f}s)",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("allsides", "ecbplus", "both"), default="both")
    parser.add_argument("--scale", action="store_true", help="time story clustering at N and 10N articles")
    parser.add_argument("--scale-n", type=int, default=1000, metavar="N")
    parser.add_argument(
        "--repeat", type=int, default=3, help="--scale: best of this many runs at N (half as many at 10N)"
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list the predicted stories that mix gold stories and the gold stories split apart",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)

    output: dict[str, Any] = {}
    if args.scale:
        output["scale"] = run_scale(args.scale_n, args.repeat)
    else:
        scores = []
        errors = []
        if args.corpus in ("allsides", "both"):
            score, report = run_allsides()
            scores.append(score)
            errors.append(error_lines("allsides", report.articles, report.stories, allsides_gold()))
        if args.corpus in ("ecbplus", "both"):
            report, gold, seconds = ecbplus_report()
            scores.append(score_stories("ecbplus", story_map(report.stories), gold, seconds))
            errors.append(error_lines("ecbplus", report.articles, report.stories, gold))
        output["corpora"] = [asdict(score) for score in scores]
        output["note"] = SINGLETON_NOTE
    if args.json:
        print(json.dumps(output, indent=2))
    elif args.scale:
        print(scale_lines(output["scale"]))
    else:
        print(table([StoryScore(**row) for row in output["corpora"]]))
        if args.errors:
            print("\n\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
