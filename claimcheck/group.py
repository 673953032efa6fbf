"""Group: duplicates, stories and claim groups (interim version; see issue 5)."""

from __future__ import annotations

from claimcheck.models import Article, Claim, ClaimGroup, Story
from claimcheck.rules import RuleSet


def find_duplicates(articles: list[Article]) -> dict[str, str]:
    seen: dict[str, str] = {}
    duplicates = {}
    for article in articles:
        key = " ".join(article.text.split())
        if key in seen:
            duplicates[article.id] = seen[key]
        else:
            seen[key] = article.id
    return duplicates


def cluster_stories(articles: list[Article]) -> list[Story]:
    if not articles:
        return []
    return [Story(id="s1", label=articles[0].title or articles[0].id, article_ids=[a.id for a in articles])]


def build_groups(
    articles: list[Article], claims: list[Claim], stories: list[Story], rules: RuleSet
) -> list[ClaimGroup]:
    return []
