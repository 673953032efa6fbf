"""Real-text benchmark: false alarms of the cross-source checks on multi-outlet news.

    python benchmarks/realtext.py [PATH_TO_ECBPLUS_TAR_GZ] [--show N] [--limit-topics N]

Reads the ECB+ XML archive by path at run time (nothing of it enters the
project), rebuilds each article's text from its tokens (one sentence a line),
groups articles by topic and seminal event (`N_Kecb.xml` vs `N_Kecbplus.xml`),
runs `process_article` on each with default options (ECB+ has no publication
dates) and `analyse` per event folder, then prints throughput, claims per
article, findings by rule and the wording of every figure-conflict,
internal-conflict and date-conflict finding, for reading them one by one.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claimcheck.models import Article, Report  # noqa: E402
from claimcheck.pipeline import ArticleResult, Options, analyse, process_article  # noqa: E402
from tests.shared import SHARED  # noqa: E402

DEFAULT_ARCHIVE = SHARED / "benchmarks" / "ecbplus" / "ECBplus_982docs_xml.tar.gz"
SHOWN_RULES = ("figure-conflict", "internal-conflict", "date-conflict")
DOC_NAME_RE = re.compile(r"(?P<topic>\d+)_(?P<doc>\d+)(?P<sub>ecbplus|ecb)\.xml$")

# Tokens glued to the token before them, and to the one after them.
NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "''",
    "...",
}
HYPHEN_RE = re.compile(r"(?<=\w) - (?=\w)")
DIGIT_JOIN_RE = re.compile(r"(\d) ?([:/]) (\d)")
THOUSANDS_RE = re.compile(r"(\d), (\d{3})\b")
ABBREV_RE = re.compile(r"\b([a-zA-Z]\.) ([a-zA-Z]\.)")
DECIMAL_RE = re.compile(r"(\d)\. (?=\d)")
"""A decimal point the tokenizer split off ("6. 1-magnitude", "$2. 6m"); ECB+ splits
sentences itself, so inside one sentence a digit, a point and a digit are one number."""
CLITIC_RE = re.compile(r"(?<=\w) ’ (?=(?:s|t|re|ve|ll|d|m)\b)")
"""A clitic after a curly apostrophe, which ECB+ splits into three tokens ("Teixeira ’ s",
"he ’ s"); the straight "'s" is one token (NO_SPACE_BEFORE)."""
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def join_tokens(tokens: list[str]) -> str:
    """Undo tokenization spaces: punctuation, clitics, brackets and quotes."""
    out: list[str] = []
    glue_next = False
    double_quote_open = False
    for token in tokens:
        if token == '"':
            # Straight quotes alternate: opening ones glue forward, closing ones back.
            if double_quote_open:
                out.append(token)
            else:
                out.append(("" if glue_next or not out else " ") + token)
            double_quote_open = not double_quote_open
            glue_next = double_quote_open
            continue
        space = not (glue_next or not out or token in NO_SPACE_BEFORE or token.lower() in NO_SPACE_BEFORE)
        out.append((" " if space else "") + token)
        glue_next = token in NO_SPACE_AFTER
    text = "".join(out)
    # Hyphenated words ("26-year-old"), clock times ("9:56"), numeric dates ("05/03/2013"),
    # decimals ("6.1") and clitics ("Friday’s") were split into tokens; join them back.
    text = HYPHEN_RE.sub("-", text)
    text = DIGIT_JOIN_RE.sub(r"\1\2\3", text)
    text = THOUSANDS_RE.sub(r"\1,\2", text)
    text = DECIMAL_RE.sub(r"\1.", text)
    text = ABBREV_RE.sub(r"\1\2", text)
    text = CLITIC_RE.sub("’", text)
    return text.replace("``", "\u201c").replace("''", "\u201d")


def read_archive(path: Path) -> dict[tuple[str, str], list[Article]]:
    """Articles by (topic, seminal event), rebuilt from the token XML."""
    events: dict[tuple[str, str], list[Article]] = defaultdict(list)
    with tarfile.open(path, "r:gz") as archive:
        for member in archive:
            match = DOC_NAME_RE.search(member.name)
            if not member.isfile() or match is None:
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            root = ET.parse(handle).getroot()
            sentences: dict[int, list[str]] = defaultdict(list)
            for token in root.iter("token"):
                sentences[int(token.get("sentence", "0"))].append(token.text or "")
            url = None
            if match["sub"] == "ecbplus" and 0 in sentences:
                url = "".join(sentences.pop(0))
            text = "\n".join(join_tokens(sentences[number]) for number in sorted(sentences)) + "\n"
            name = Path(member.name).name
            events[(match["topic"], match["sub"])].append(
                Article(id=name.removesuffix(".xml"), path=name, url=url, text=text)
            )
    return events


def quote(report: Report, claim_id: str) -> str:
    for claim in report.claims:
        if claim.id == claim_id:
            return f"{claim.article_id}: [{claim.text}] {claim.sentence.strip()}"
    return claim_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument(
        "--show", type=int, default=1000, help="list at most N findings of the conflict rules"
    )
    parser.add_argument("--limit-topics", type=int, default=0)
    args = parser.parse_args(argv)

    events = read_archive(args.archive)
    keys = sorted(events, key=lambda key: (int(key[0]), key[1]))
    if args.limit_topics:
        topics = sorted({int(key[0]) for key in keys})[: args.limit_topics]
        keys = [key for key in keys if int(key[0]) in topics]
    options = Options()
    documents = claims = 0
    crashes: list[str] = []
    by_rule: Counter[str] = Counter()
    shown: list[str] = []
    extract_time = analyse_time = 0.0
    for key in keys:
        results: list[ArticleResult] = []
        started = time.perf_counter()
        for article in events[key]:
            try:
                results.append(process_article(article, options))
            except Exception as error:
                crashes.append(f"{article.id}: {type(error).__name__}: {error}")
        middle = time.perf_counter()
        try:
            report = analyse(results, options=options)
        except Exception as error:
            crashes.append(f"analyse {key}: {type(error).__name__}: {error}")
            continue
        finally:
            analyse_time += time.perf_counter() - middle
        extract_time += middle - started
        documents += len(results)
        claims += sum(len(result.claims) for result in results)
        for finding in report.findings:
            by_rule[finding.rule] += 1
            if finding.rule in SHOWN_RULES and len(shown) < args.show:
                lines = [f"[{key[0]}{key[1]}] {finding.rule}: {finding.message}"]
                lines += [f"    {quote(report, claim_id)}" for claim_id in finding.claim_ids]
                shown.append("\n".join(lines))

    total = extract_time + analyse_time
    print(
        f"documents: {documents} in {len(keys)} events; {documents / total:.1f} documents/s "
        f"(extract {extract_time:.2f} s, analyse {analyse_time:.2f} s)"
    )
    print(f"claims: {claims} ({claims / max(documents, 1):.1f} per document)")
    print("findings by rule:")
    for rule, count in sorted(by_rule.items()):
        print(f"  {rule}: {count}")
    print(f"crashes: {len(crashes)}")
    for crash in crashes:
        print(f"  {crash}")
    for block in shown:
        print()
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
