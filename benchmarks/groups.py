"""Grouping benchmark: finding precision/recall on the evaluation corpus, and scaling.

    python benchmarks/groups.py [--corpus tests/corpus] [--claims 2000] [--skip-timing]

Scores `claimcheck check` on a corpus folder against its gold.yaml (findings of
figure-conflict, internal-conflict and date-conflict; duplicates; groups of
interest; figures that must stay apart), then times duplicates + stories +
grouping on generated articles at N and 10N claims (target: 10x claims <= 15x time).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimcheck.models import Article, Claim, Report  # noqa: E402

RULES_SCORED = ("figure-conflict", "internal-conflict", "date-conflict")
Quote = tuple[str, str]


@dataclass
class Score:
    true_positives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    duplicate_errors: list[str] = field(default_factory=list)
    group_errors: list[str] = field(default_factory=list)
    apart_errors: list[str] = field(default_factory=list)
    story_errors: list[str] = field(default_factory=list)
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return len(self.true_positives) / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return (self.gold - len(self.missed)) / self.gold if self.gold else 1.0


def load_gold(corpus: Path) -> dict[str, Any]:
    return yaml.safe_load((corpus / "gold.yaml").read_text(encoding="utf-8"))


def covers(claim: Claim, quote: Quote) -> bool:
    """The claim is the figure the quote shows: same article, its words inside the quote."""
    article_id, words = quote
    if claim.article_id != article_id or words not in claim.sentence:
        return False
    # A whole figure inside the quote: "20" is not part of "1,200".
    figure = re.escape(claim.text.strip())
    return re.search(rf"(?<![\w,.]){figure}(?![\w]|,\d)", words, re.IGNORECASE) is not None


def _claims_for(report: Report, quote: Quote) -> list[Claim]:
    return [claim for claim in report.claims if covers(claim, quote)]


def score(report: Report, gold: dict[str, Any]) -> Score:
    result = Score()
    claims = {claim.id: claim for claim in report.claims}
    predicted = [f for f in report.findings if f.rule in RULES_SCORED]
    expected = gold.get("findings", [])
    result.predicted, result.gold = len(predicted), len(expected)

    def matches(finding, entry) -> bool:
        if finding.rule != entry["rule"]:
            return False
        own = [claims[c] for c in finding.claim_ids if c in claims]
        return all(any(covers(c, tuple(q)) for c in own) for q in entry["quotes"])

    for finding in predicted:
        label = f"{finding.rule} {finding.article_id}: {finding.message}"
        if any(matches(finding, entry) for entry in expected):
            result.true_positives.append(label)
        else:
            result.false_positives.append(label)
    for entry in expected:
        if not any(matches(finding, entry) for finding in predicted):
            result.missed.append(f"{entry['rule']} {entry['quotes']}")

    duplicates = {a.id: a.duplicate_of for a in report.articles if a.duplicate_of}
    wanted = dict(gold.get("duplicates", []))
    if duplicates != wanted:
        result.duplicate_errors.append(f"found {duplicates}, expected {wanted}")

    stories = sorted(sorted(s.article_ids) for s in report.stories)
    if "stories" in gold and stories != sorted(sorted(s) for s in gold["stories"]):
        result.story_errors.append(f"found {stories}")

    group_of = {cid: group for group in report.groups for cid in group.claim_ids}
    for entry in gold.get("groups", []):
        found = [_claims_for(report, tuple(q)) for q in entry["quotes"]]
        ids = {group_of[c.id].id for cs in found for c in cs if c.id in group_of}
        statuses = {group_of[c.id].status for cs in found for c in cs if c.id in group_of}
        if any(not cs for cs in found) or len(ids) != 1 or statuses != {entry["status"]}:
            result.group_errors.append(f"{entry['status']} {entry['quotes']}: groups {ids} {statuses}")
    for first, second in gold.get("apart", []):
        one = {group_of[c.id].id for c in _claims_for(report, tuple(first)) if c.id in group_of}
        two = {group_of[c.id].id for c in _claims_for(report, tuple(second)) if c.id in group_of}
        if one & two:
            result.apart_errors.append(f"{first} and {second} share a group")
    return result


def run_corpus(corpus: Path) -> tuple[Report, Score]:
    from claimcheck.pipeline import check_paths

    report = check_paths([str(corpus)])
    return report, score(report, load_gold(corpus))


# ---------------------------------------------------------------------------
# Scaling on generated articles

COUNTS = [("people", "killed"), ("people", "injured"), ("homes", "destroyed"), ("workers", "evacuated")]
TEMPLATES = [
    "In {place}, {number} {noun} were {verb} after the storm, {person} said. ",
    "{person} told reporters that {number} {noun} had been {verb} across {place}. ",
    "Officials in {place} confirmed that {number} {noun} were {verb} by the storm. ",
]
FIRST_NAMES = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina"]
FILLER = [
    "river",
    "bridge",
    "road",
    "school",
    "market",
    "police",
    "army",
    "hospital",
    "power",
    "water",
    "council",
    "mayor",
    "farmers",
    "traders",
    "rain",
    "wind",
    "flood",
    "coast",
    "valley",
    "village",
    "town",
    "district",
    "border",
    "bus",
    "train",
    "families",
    "children",
    "doctors",
    "engineers",
    "volunteers",
    "shelter",
    "blankets",
    "food",
    "fuel",
    "convoy",
]


def _name(rng: random.Random) -> str:
    """A made-up proper name ("Varnoki"): stories need names of their own."""
    syllables = [rng.choice("bdgklmnprstvz") + rng.choice("aeiou") for _ in range(4)]
    return "".join(syllables).capitalize()


def _filler(rng: random.Random) -> str:
    words = rng.sample(FILLER, 9)
    return f"The {words[0]} near the {words[1]} was {words[2]} and {words[3]} {words[4]} {words[5]}. "


def generate(stories: int, seed: int = 7) -> tuple[list[Article], list[Claim]]:
    """Stories of 8 articles, each with 4 count sentences among filler (4 claims/article)."""
    rng = random.Random(seed)
    articles: list[Article] = []
    claims: list[Claim] = []
    for s in range(stories):
        place = _name(rng)
        person = f"{rng.choice(FIRST_NAMES)} {_name(rng)}"
        base = {key: rng.randint(10, 5000) for key in COUNTS}
        for a in range(8):
            article_id = f"s{s}-a{a}.md"
            published = date(2024, 1, 1) + timedelta(days=s % 300 + a % 2)
            text = f"Officials in {place} said {person} visited the area. "
            spans: list[tuple[int, int, str, float, str, int, str]] = []
            for noun, verb in COUNTS:
                text += _filler(rng)
                value = base[(noun, verb)] + rng.choice([0, 0, 0, 1, 5])
                number = f"{value:,}"
                sentence = rng.choice(TEMPLATES).format(
                    place=place, number=number, noun=noun, verb=verb, person=person
                )
                start = len(text) + sentence.index(number)
                spans.append((start, start + len(number), noun, value, verb, len(text), sentence))
                text += sentence
            article = Article(
                id=article_id,
                title=f"Storm hits {place}",
                source=f"Outlet {a}",
                published=published,
                text=text,
            )
            articles.append(article)
            for start, end, noun, value, verb, sentence_start, sentence in spans:
                claims.append(
                    Claim(
                        id=f"{article_id}@{start}-{end}",
                        article_id=article_id,
                        kind="count",
                        text=text[start:end],
                        start=start,
                        end=end,
                        sentence=sentence.strip(),
                        sentence_start=sentence_start,
                        value=value,
                        low=value,
                        high=value,
                        unit=noun,
                        base_value=value,
                        base_unit=noun,
                        predicate=verb,
                    )
                )
    return articles, claims


def time_grouping(stories: int, one_story: bool = False) -> tuple[int, float]:
    from claimcheck.groups.build import build_groups
    from claimcheck.rules import load_rules
    from claimcheck.stories.clustering import cluster_stories
    from claimcheck.stories.duplicates import find_duplicates

    rules = load_rules()
    articles, claims = generate(stories)
    started = time.perf_counter()
    duplicates = find_duplicates(articles)
    articles = [replace(a, duplicate_of=duplicates.get(a.id)) for a in articles]
    found = cluster_stories(articles)
    if one_story:
        # The worst case for blocking: a folder about one event, every claim in one story.
        found = [replace(found[0], article_ids=[a.id for a in articles])]
    groups = build_groups(articles, claims, found, rules)
    elapsed = time.perf_counter() - started
    print(
        f"  {len(articles)} articles, {len(duplicates)} duplicates, {len(found)} stories, "
        f"{len(groups)} groups, {sum(g.status == 'conflict' for g in groups)} conflicts"
    )
    return len(claims), elapsed


# ---------------------------------------------------------------------------
# Stories on ECB+ (two similar events per topic, many outlets each)

DETACHED_RE = re.compile(r" ([.,;:!?%)'’]|n't|'s)")


def ecbplus_articles(archive: Path) -> tuple[list[Article], dict[str, str]]:
    """Articles of the ECB+ archive (.tar.gz of XML) and each one's gold event."""
    import tarfile
    import xml.etree.ElementTree as ET

    articles: list[Article] = []
    gold: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.name.endswith(".xml"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            root = ET.parse(handle).getroot()
            name = Path(member.name).name
            topic, rest = name.split("_", 1)
            plus = rest.endswith("ecbplus.xml")
            sentences: dict[int, list[str]] = {}
            for token in root.iter("token"):
                sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
            lines = [
                DETACHED_RE.sub(r"\1", " ".join(words))
                for number, words in sorted(sentences.items())
                if not (plus and number == 0)  # the source URL
            ]
            if not lines:
                continue
            articles.append(Article(id=name, title=lines[0], text="\n".join(lines[1:])))
            gold[name] = f"{topic}-{'plus' if plus else 'ecb'}"
    return articles, gold


def bcubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against gold clusters."""
    by_found: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item in gold:
        by_found.setdefault(found[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        cluster, truth = by_found[found[item]], by_gold[gold[item]]
        both = len(cluster & truth)
        precision += both / len(cluster)
        recall += both / len(truth)
    return precision / len(gold), recall / len(gold)


def run_ecbplus(archive: Path) -> None:
    from claimcheck.stories.clustering import cluster_stories
    from claimcheck.stories.duplicates import find_duplicates

    articles, gold = ecbplus_articles(archive)
    started = time.perf_counter()
    duplicates = find_duplicates(articles)
    articles = [replace(a, duplicate_of=duplicates.get(a.id)) for a in articles]
    stories = cluster_stories(articles)
    elapsed = time.perf_counter() - started
    found = {article_id: story.id for story in stories for article_id in story.article_ids}
    precision, recall = bcubed(found, gold)
    print(
        f"ECB+ stories: {len(articles)} articles, {len(set(gold.values()))} gold events, "
        f"{len(stories)} stories found, {len(duplicates)} duplicates, {elapsed:.2f}s"
    )
    print(f"ECB+ story B-cubed precision {precision:.3f} recall {recall:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO / "tests" / "corpus"))
    parser.add_argument("--stories", type=int, default=100, help="stories at N (32 claims each)")
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument(
        "--ecbplus", metavar="TAR_GZ", help="score story clustering on ECB+ (ECBplus_982docs_xml.tar.gz)"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    report, result = run_corpus(Path(args.corpus))
    print(f"findings: predicted {result.predicted}, gold {result.gold}")
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}")
    for title, rows in (
        ("false positives", result.false_positives),
        ("missed", result.missed),
        ("duplicates", result.duplicate_errors),
        ("stories", result.story_errors),
        ("groups", result.group_errors),
        ("apart", result.apart_errors),
    ):
        print(f"{title}: {len(rows)}")
        for row in rows:
            print(f"  - {row}")
    if args.verbose:
        for group in report.groups:
            if len(group.claim_ids) > 1:
                print(f"  {group.id} {group.status} [{group.label}] {group.claim_ids}")
    if args.ecbplus:
        run_ecbplus(Path(args.ecbplus))
    if not args.skip_timing:
        time_grouping(2)  # warm imports and caches
        small_n, small_t = time_grouping(args.stories)
        large_n, large_t = time_grouping(args.stories * 10)
        ratio = large_t / small_t if small_t else float("inf")
        print(f"grouping: {small_n} claims {small_t:.3f}s; {large_n} claims {large_t:.3f}s")
        print(f"10x claims -> {ratio:.1f}x time (target <= 15x)")
        small_n, small_t = time_grouping(args.stories, one_story=True)
        large_n, large_t = time_grouping(args.stories * 10, one_story=True)
        ratio = large_t / small_t if small_t else float("inf")
        print(f"one story: {small_n} claims {small_t:.3f}s; {large_n} claims {large_t:.3f}s")
        print(f"one story: 10x claims -> {ratio:.1f}x time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
