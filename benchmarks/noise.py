"""Page noise on the noise corpus (tests/noise), through the product.

    python benchmarks/noise.py [PAGES_DIR] [--gold GOLD.yaml] [--show]

Reads the pages as `claimcheck check` does (`pipeline.check_paths`: the readers,
trafilatura for HTML, the boilerplate filter, sentences, claims) and scores:

- leaks: claims whose span lies in a gold noise string (page noise that became a
  claim); the target is none;
- body text at sentence level: the gold body paragraphs are split into sentences;
  a sentence is kept when it is in the article text and the filter did not mark
  it as noise. Recall = kept body sentences / body sentences; precision = kept
  body sentences / kept body and noise sentences (gold noise strings are split
  the same way; neutral strings, the headline and standfirst, count neither way).
  The targets are 0.98 and 0.98.

A gold string is found in the article text token by token, across any whitespace
(and across the `|` of table rows that trafilatura writes), as the corpus README
says. A string that is not in the text was removed before the filter (trafilatura
leaves most page furniture out): lost for the body, harmless for noise.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.models import Article, Claim  # noqa: E402
from claimcheck.pipeline import check_paths  # noqa: E402

DEFAULT_PAGES = REPO / "tests" / "noise" / "pages"
SENTENCE_END_RE = re.compile(r"(?P<word>\S*)[.!?][\"”’')\]]*(?P<gap>\s+)(?=[\"“‘'(\[]?[A-Z])")
# A full stop after these ends no sentence: "Oct. 14", "St. Alban's", "U.S. retailers", "1. Silt ...".
ABBREVIATION_RE = re.compile(
    r"(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]|\d{1,2}|Mrs|Sept|Rev|Gov|Gen|Sen|Rep)"
)
GAP = r"(?:\s|\|)+"


@dataclass
class Located:
    text: str
    spans: list[tuple[int, int]]
    """Where the string is in the article text (every occurrence); empty if nowhere."""


@dataclass
class PageScore:
    page: str
    body: int = 0
    body_kept: int = 0
    noise_kept: int = 0
    lost: list[str] = field(default_factory=list)
    kept_noise: list[str] = field(default_factory=list)
    leaks: list[tuple[str, str]] = field(default_factory=list)
    """(claim text, the noise string it came from)."""


def split_sentences(paragraph: str) -> list[str]:
    """A plain splitter of its own: a sentence ends at . ! ? before a capital, not after an
    abbreviation ("Oct.", "St.", "U.S.") or a list number ("1.")."""
    text = " ".join(paragraph.split())
    sentences, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        if ABBREVIATION_RE.fullmatch(match.group("word")):
            continue
        sentences.append(text[start : match.start("gap")])
        start = match.end("gap")
    sentences.append(text[start:])
    return [sentence for sentence in sentences if sentence]


def locate(text: str, needle: str) -> list[tuple[int, int]]:
    tokens = needle.split()
    if not tokens:
        return []
    pattern = GAP.join(re.escape(token) for token in tokens)
    return [match.span() for match in re.finditer(pattern, text)]


def covered(start: int, end: int, noise: list[tuple[int, int, str]]) -> float:
    """The share of text[start:end] inside noise regions."""
    inside = sum(max(0, min(end, n_end) - max(start, n_start)) for n_start, n_end, _kind in noise)
    return inside / max(1, end - start)


def kept(text: str, sentence: str, noise: list[tuple[int, int, str]]) -> bool | None:
    """True if the sentence is in the text outside noise, False if marked, None if not in the text."""
    spans = locate(text, sentence)
    if not spans:
        return None
    return any(covered(start, end, noise) < 0.5 for start, end in spans)


def article_of(report_articles: list[Article], page: Path) -> Article | None:
    for article in report_articles:
        if article.path and Path(article.path).name == page.name:
            return article
    return None


def score_page(page: Path, entry: dict, article: Article | None, claims: list[Claim]) -> PageScore:
    result = PageScore(page.name)
    body = [sentence for paragraph in entry.get("body") or [] for sentence in split_sentences(paragraph)]
    noise_strings = list(entry.get("noise") or [])
    result.body = len(body)
    if article is None:
        result.lost = body
        return result
    text, noise = article.text, article.noise
    for sentence in body:
        if kept(text, sentence, noise):
            result.body_kept += 1
        else:
            result.lost.append(sentence)
    noise_spans: list[tuple[int, int, str]] = []
    for string in noise_strings:
        spans = locate(text, string)
        noise_spans.extend((start, end, string) for start, end in spans)
        for sentence in split_sentences(string):
            if kept(text, sentence, noise):
                result.noise_kept += 1
                result.kept_noise.append(sentence)
    for claim in claims:
        for start, end, string in noise_spans:
            if start <= claim.start and claim.end <= end:
                result.leaks.append((claim.text, string))
                break
    return result


def score_corpus(pages: Path, gold_path: Path) -> list[PageScore]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["pages"]
    report = check_paths([str(pages)])
    claims_by_article: dict[str, list[Claim]] = {}
    for claim in report.claims:
        claims_by_article.setdefault(claim.article_id, []).append(claim)
    scores = []
    for name, entry in sorted(gold.items()):
        page = pages / name
        article = article_of(report.articles, page)
        claims = claims_by_article.get(article.id, []) if article is not None else []
        scores.append(score_page(page, entry, article, claims))
    return scores


def totals(scores: list[PageScore]) -> tuple[float, float, int]:
    """(precision, recall, leaked claims) over the corpus."""
    body = sum(score.body for score in scores)
    body_kept = sum(score.body_kept for score in scores)
    noise_kept = sum(score.noise_kept for score in scores)
    precision = body_kept / (body_kept + noise_kept) if body_kept + noise_kept else 1.0
    recall = body_kept / body if body else 1.0
    return precision, recall, sum(len(score.leaks) for score in scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", default=str(DEFAULT_PAGES))
    parser.add_argument("--gold", default=None, help="gold file (default: gold.yaml beside the pages folder)")
    parser.add_argument("--show", action="store_true", help="list lost body sentences, kept noise and leaks")
    args = parser.parse_args(argv)
    pages = Path(args.pages)
    gold = Path(args.gold) if args.gold else pages.parent / "gold.yaml"
    scores = score_corpus(pages, gold)
    for score in scores:
        print(
            f"{score.page:48} body {score.body_kept:3}/{score.body:<3} noise kept {score.noise_kept:3}"
            f"  leaks {len(score.leaks)}"
        )
        if args.show:
            for sentence in score.lost:
                print(f"    LOST  {sentence[:100]}")
            for sentence in score.kept_noise:
                print(f"    NOISE {sentence[:100]}")
            for claim, string in score.leaks:
                print(f"    LEAK  {claim!r} from {string[:80]!r}")
    precision, recall, leaks = totals(scores)
    print(
        f"body sentences: precision {precision:.3f}, recall {recall:.3f} (targets 0.98);"
        f" leaked claims {leaks}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
