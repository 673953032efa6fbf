"""Claim groups: claims of one story that state the same thing, with their status.

    group_items(articles, claims, stories, rules) -> [(ClaimGroup, [Item])]
    build_groups(articles, claims, stories, rules) -> [ClaimGroup]

Claims are blocked by story, kind and counted unit; inside a block a greedy
average-link pass compares each claim with the groups formed so far (`compatible`
for hard constraints, `similarity` for evidence), so the cost grows near-linearly.
Comparison of figures is by interval, in base units.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimcheck.budget import Meter
from claimcheck.extract.words import concept, stem
from claimcheck.groups.compare import compatible, contrast, frames_alike, group_status, overlap, similarity
from claimcheck.groups.items import Item, claim_window, plural_noun, prepare_items, sentence_tokens
from claimcheck.models import Article, Claim, ClaimGroup, GroupValue, Story
from claimcheck.rules import DateConflictParams, FigureConflictParams, RuleSet

GROUP_THRESHOLD = 0.45
"""Evidence needed to put two figures in one group (see `similarity`)."""
DATE_THRESHOLD = 0.45
"""The bar for dates: with statement dates ("said on Tuesday") left out, the figures' bar."""
SAME_ARTICLE_THRESHOLD = 0.75
"""Two figures of one article must agree more closely: a false internal conflict is costly."""
FRAME_MATCH_BONUS = 1.0
"""Evidence added when the frames agree in full (compare.frames_alike): the wording around
the figures may differ as much as it likes."""
MAX_CANDIDATES = 12
"""Groups a claim is compared with: those sharing the most keys with it."""
POSTING_TAIL = 64
"""Latest groups per key considered when looking for candidates."""
MEMBER_SAMPLE = 4
"""A claim is compared with a group's first and latest MEMBER_SAMPLE members."""


@dataclass
class _Group:
    number: int = 0
    items: list[Item] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


def _group_label(items: list[Item]) -> str:
    """A readable name: "people killed", "duration of the strike", "date of the vote"."""
    first = items[0]
    # Shared context words are keywords, not a phrase: shown as "(reopened, strike)".
    words = _shared_words(items)
    about = ", ".join(words.split())
    if first.kind == "date":
        return f"date ({about})" if about else "date of the event"
    if first.kind == "duration":
        subjects = Counter(item.claim.subject for item in items if item.claim.subject)
        if subjects:
            return f"duration of the {subjects.most_common(1)[0][0]}"
        return f"duration ({about})" if about else "duration"
    predicates = Counter(item.claim.predicate or item.predicate for item in items)
    predicate = next((word for word, _n in predicates.most_common() if word), None)
    if first.kind == "count":
        unit = next((item.claim.unit for item in items if not item.generic_unit), None)
        noun = plural_noun(unit) if unit else "people" if predicate else words or "count"
        return f"{noun} {predicate}" if predicate else noun
    name = {"money": "amount", "percent": "percentage", "measure": "measure"}[first.kind]
    detail = about or predicate or first.claim.unit
    return f"{name} ({detail})" if detail else name


def _shared_words(items: list[Item], limit: int = 3) -> str:
    """Words near the first claim that most of the group's claims have near them too."""
    counts = Counter(word for item in items for word in item.window)
    needed = max(1, (len(items) + 1) // 2)
    common = {word for word, count in counts.items() if count >= needed}
    claim = items[0].claim
    words: list[str] = []
    for _start, _end, token in sentence_tokens(claim_window(claim)):
        if token[0].isupper():
            continue
        lowered = token.lower()
        stemmed = stem(lowered)
        known = lowered in common or stemmed in common or (concept(lowered) or "") in common
        if known and lowered not in words:
            words.append(lowered)
    return " ".join(words[:limit])


def _values(items: list[Item]) -> list[GroupValue]:
    """One GroupValue per distinct reading, with its claims and independent sources."""
    readings: dict[tuple, list[Item]] = {}
    for item in items:
        key = (item.timex,) if item.kind == "date" else (item.value, item.low, item.high)
        readings.setdefault(key, []).append(item)
    values = []
    for members in readings.values():
        first = members[0]
        values.append(
            GroupValue(
                value=first.value,
                low=None if first.kind == "date" else first.low,
                high=None if first.kind == "date" else first.high,
                timex=first.timex,
                unit=first.claim.base_unit if first.kind != "date" else None,
                claim_ids=[item.claim.id for item in members],
                article_ids=list(dict.fromkeys(item.claim.article_id for item in members)),
                independent_sources=len({item.source for item in members}),
            )
        )
    return values


def _block_key(item: Item) -> tuple:
    if item.kind == "count" and item.generic_unit:
        return ("count", "")  # people, persons, bare counts: one block
    return (item.kind, item.unit or "")


def _keys(item: Item) -> set[str]:
    """What a claim can share with a group: context words, predicate, subject."""
    keys = set(item.window)
    if item.predicate:
        keys.add("predicate:" + item.predicate)
    if item.subject:
        keys.add("subject:" + item.subject)
    if item.event is not None:
        keys.add("event:" + item.event.name)
    return keys


class _Block:
    """Greedy average-link grouping of one block's claims, in publication order.

    Each claim is compared only with groups that share a key with it (an inverted
    index, recent groups first, at most MAX_CANDIDATES), and with a sample of each
    group's members, so a block of any size costs near-linear time.
    """

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, item: Item) -> None:
        keys = _keys(item)
        counts: Counter[int] = Counter()
        for key in keys:
            for number in self.index.get(key, ())[-POSTING_TAIL:]:
                counts[number] += 1
        ranked = sorted(counts, key=lambda number: (-counts[number], -number))
        best = _best_group(item, [self.groups[number] for number in ranked[:MAX_CANDIDATES]])
        if best is None:
            best = _Group(number=len(self.groups))
            self.groups.append(best)
        best.items.append(item)
        best.articles.add(item.claim.article_id)
        for key in keys:
            posting = self.index[key]
            if not posting or posting[-1] != best.number:
                if best.number in posting[-POSTING_TAIL:]:
                    posting.remove(best.number)
                posting.append(best.number)


def _assign(items: list[Item]) -> list[_Group]:
    block = _Block()
    for item in items:
        block.add(item)
    return block.groups


def build_groups(
    articles: list[Article], claims: list[Claim], stories: list[Story], rules: RuleSet
) -> list[ClaimGroup]:
    """Claims of one story that state the same thing, with their status.

    Claims are blocked by story, kind and counted unit; inside a block a greedy
    average-link pass compares each claim with the groups formed so far.
    """
    return [group for group, _items in group_items(articles, claims, stories, rules)]


def figure_params(rules: RuleSet) -> FigureConflictParams:
    if "figure-conflict" in rules:
        settings = rules.get("figure-conflict").settings
        if isinstance(settings, FigureConflictParams):
            return settings
    return FigureConflictParams()


def same_day_only(rules: RuleSet) -> bool:
    """date-conflict's setting, which the status of a date group follows."""
    settings = rules.get("date-conflict").settings if "date-conflict" in rules else None
    return (
        settings.same_day_only
        if isinstance(settings, DateConflictParams)
        else DateConflictParams().same_day_only
    )


def group_items(
    articles: list[Article],
    claims: list[Claim],
    stories: list[Story],
    rules: RuleSet,
    meters: dict[str, Meter] | None = None,
    over_budget: dict[str, str] | None = None,
) -> list[tuple[ClaimGroup, list[Item]]]:
    """The groups with the prepared items behind them (what the checks read).

    With `meters`, reading an article's claims counts against its budget; an article
    over it is left out of the groups and named in `over_budget` with the reason."""
    params = figure_params(rules)
    same_day = same_day_only(rules)
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    items = prepare_items(articles, claims, rules.directory, story_of, meters, over_budget)
    blocks: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        story = story_of.get(item.claim.article_id, item.article.story or "")
        blocks[(story, *_block_key(item))].append(item)
    formed: list[tuple[str, _Group]] = []
    for key in sorted(blocks, key=_sort_key):
        formed.extend((key[0], group) for group in _assign(blocks[key]))
    result: list[tuple[ClaimGroup, list[Item]]] = []
    ordered = sorted(formed, key=lambda pair: (pair[0], min(i.order for i in pair[1].items)))
    for number, (story, group) in enumerate(ordered, 1):
        members = sorted(group.items, key=lambda item: item.order)
        result.append((_claim_group(f"g{number}", story, members, params, same_day), members))
    return result


def _sample(group: _Group) -> list[Item]:
    """The members a new claim is compared with: the first and the latest ones."""
    items = group.items
    if len(items) <= 2 * MEMBER_SAMPLE:
        return items
    return items[:MEMBER_SAMPLE] + items[-MEMBER_SAMPLE:]


def _best_group(item: Item, groups: list[_Group]) -> _Group | None:
    """The fitting group with the most evidence, or None."""
    fitting: list[tuple[float, int, _Group, bool]] = []
    for group in groups:
        members = _sample(group)
        if not all(compatible(item, member) for member in members):
            continue
        threshold = DATE_THRESHOLD if item.kind == "date" else GROUP_THRESHOLD
        if item.claim.article_id in group.articles:
            threshold = SAME_ARTICLE_THRESHOLD
        score = sum(similarity(item, member) for member in members) / len(members)
        matched = all(frames_alike(item, member) for member in members)
        if matched:
            score += FRAME_MATCH_BONUS
        if score >= threshold:
            fitting.append((score, -group.number, group, matched))
    # The contrast test (slower) runs on the best candidates only. Only disagreeing
    # figures need it: agreeing ones cannot raise a false alarm.
    for _score, _number, group, matched in sorted(fitting, key=lambda entry: entry[:2], reverse=True):
        members = _sample(group)
        if matched:
            return group  # the frames say what differs; a reworded sentence does not
        if not any(not overlap(item, member, 0.0) and contrast(item, member) for member in members):
            return group
    return None


def _sort_key(key: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in key)


def _claim_group(
    group_id: str, story: str, items: list[Item], params: FigureConflictParams, same_day: bool
) -> ClaimGroup:
    return ClaimGroup(
        id=group_id,
        label=_group_label(items),
        claim_ids=[item.claim.id for item in items],
        article_ids=list(dict.fromkeys(item.claim.article_id for item in items)),
        status=group_status(items, params, same_day),
        story=story or None,
        kind=items[0].kind,
        independent_sources=len({item.source for item in items}),
        values=_values(items),
    )
