"""What checks read: the corpus after extraction and grouping."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from claimcheck.models import Article, Claim, ClaimGroup, Finding, Story
from claimcheck.rules import Rule

CheckFunction = Callable[["CheckContext", Rule], Iterable[Finding]]


@dataclass
class CheckContext:
    """What checks read: the corpus after extraction and grouping."""

    articles: list[Article]
    claims: list[Claim]
    groups: list[ClaimGroup] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    grouped: list[tuple[ClaimGroup, list[Any]]] | None = None
    """Each group with the prepared items it was built from (groups.build.group_items)."""

    @cached_property
    def articles_by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.articles}

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def claims_by_article(self) -> dict[str, list[Claim]]:
        table: dict[str, list[Claim]] = {}
        for claim in self.claims:
            table.setdefault(claim.article_id, []).append(claim)
        return table

    def article(self, article_id: str) -> Article:
        return self.articles_by_id[article_id]
