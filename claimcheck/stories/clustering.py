"""Stories: articles about one event.

cluster_stories(articles) -> [Story]
"""

from __future__ import annotations

import re
from collections import Counter

from claimcheck.extract.words import WORD_RE, Lexicon, content_word, lexicon
from claimcheck.models import Article, Story
from claimcheck.stories.duplicates import canonical_order, clean_text
from claimcheck.stories.linking import MAX_POSTINGS, UnionFind, candidate_pairs

LEAD_WORDS = 120
"""Words of an article's beginning that name what its story is about."""
STORY_NAME_JACCARD = 0.25
STORY_TITLE_RATIO = 60.0
STORY_LEAD_JACCARD = 0.5
"""Share of title-and-lead content words two reports of one event have in common."""
STORY_TITLE_NAME_JACCARD = 0.12


# ---------------------------------------------------------------------------
# Stories


SENTENCE_INITIAL_RE = re.compile(r"(?:^|[.!?:;\"“”‘’(]\s*|\n\s*)$")
"""What precedes a word that starts a sentence (or a line, or a quotation)."""


def capitalised_names(text: str, lex: Lexicon) -> list[str]:
    """Capitalised words not at the start of a sentence: people, places, bodies."""
    names = []
    for match in WORD_RE.finditer(text):
        word = match.group()
        if not word[0].isupper() or len(word) < 2:
            continue
        if SENTENCE_INITIAL_RE.search(text, max(0, match.start() - 3), match.start()):
            continue
        lowered = word.lower().replace("’", "'")
        if lowered.endswith("'s"):
            lowered = lowered[:-2]
        if lowered not in lex.stopwords and lowered not in lex.date_words:
            names.append(lowered)
    return names


def _story_features(article: Article, lex: Lexicon) -> set[str]:
    """Salient names: those in the lead, or repeated in the body."""
    body = clean_text(article)
    words = body.split(maxsplit=LEAD_WORDS)
    lead = body[: len(body) - len(words[-1])] if len(words) > LEAD_WORDS else body
    counts = Counter(capitalised_names(body, lex))
    salient = {name for name, count in counts.items() if count >= 2}
    salient.update(capitalised_names(lead, lex))
    return salient


def _lead_words(article: Article, lex: Lexicon) -> set[str]:
    """Content words of the title and lead, stemmed, without numbers or dates."""
    text = f"{article.title or ''}\n{clean_text(article)}"
    words = WORD_RE.findall(text)[:LEAD_WORDS]
    return {word for word in (content_word(word, lex) for word in words) if word}


def _title_names(title: str, names: set[str]) -> set[str]:
    return {word for word in title.split() if word in names}


def _title_tokens(article: Article, lex: Lexicon) -> str:
    words = WORD_RE.findall(article.title or "")
    return " ".join(word.lower() for word in words if word.lower() not in lex.stopwords)


def cluster_stories(articles: list[Article], rules_dir: str | None = None) -> list[Story]:
    """Articles about one event, joined by shared names and similar titles.

    Candidate pairs come from an index of salient names (names found in too many
    articles are skipped as blocks), so the cost is near-linear; copies found by
    `duplicate_of` are always in one story.
    """
    from rapidfuzz import fuzz

    if not articles:
        return []
    lex = lexicon(rules_dir)
    by_id = {article.id: article for article in articles}
    features = {article.id: _story_features(article, lex) for article in articles}
    titles = {article.id: _title_tokens(article, lex) for article in articles}
    union = UnionFind(by_id)
    for article in articles:
        if article.duplicate_of in by_id:
            union.union(article.id, article.duplicate_of)
    for (a, b), shared in sorted(candidate_pairs(features, MAX_POSTINGS).items()):
        jaccard = shared / len(features[a] | features[b])
        # Similar titles count only when they name the same thing ("Storm hits X" and
        # "Storm hits Y" are two stories).
        similar_titles = (
            jaccard >= STORY_TITLE_NAME_JACCARD
            and titles[a]
            and titles[b]
            and _title_names(titles[a], features[a]) & _title_names(titles[b], features[b])
            and fuzz.token_set_ratio(titles[a], titles[b]) >= STORY_TITLE_RATIO
        )
        if jaccard >= STORY_NAME_JACCARD or similar_titles:
            union.union(a, b)
    # Reports that name no one (short wire items, lint cases) join when their title and
    # lead are worded alike; named reports are joined by their names only, since one
    # template ("Storm hits X") serves many stories.
    unnamed = {article.id for article in articles if not features[article.id]}
    leads = {article.id: _lead_words(article, lex) for article in articles if article.id in unnamed}
    for (a, b), shared in sorted(candidate_pairs(leads, MAX_POSTINGS).items()):
        if shared / len(leads[a] | leads[b]) >= STORY_LEAD_JACCARD:
            union.union(a, b)
    components = [
        sorted(component, key=lambda item: canonical_order(by_id[item])) for component in union.components()
    ]
    components.sort(key=lambda component: canonical_order(by_id[component[0]]))
    stories = []
    for number, component in enumerate(components, 1):
        first = by_id[component[0]]
        stories.append(Story(id=f"story-{number}", label=first.title or first.id, article_ids=component))
    return stories
