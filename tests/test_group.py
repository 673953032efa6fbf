"""Grouping and conflict checks on hand-made claims (the extractors are not involved)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from claimcheck.checks.context import CheckContext
from claimcheck.checks.registry import run_checks
from claimcheck.extract.words import lexicon
from claimcheck.groups.build import build_groups
from claimcheck.models import Article, Claim, Story
from claimcheck.rules import load_rules
from claimcheck.stories.clustering import cluster_stories, lower_case_words, story_tokens
from claimcheck.stories.duplicates import find_duplicates
from tests.groupkit import article, claim

INF = math.inf
DAY = 86400.0
RULES = load_rules()
CHECKED = ("figure-conflict", "internal-conflict", "date-conflict")

Case = Callable[[], tuple[list[Article], list[Claim]]]


def one_story(articles: list[Article]) -> list[Story]:
    return [Story(id="s1", label="story", article_ids=[a.id for a in articles])]


def analyse(articles: list[Article], claims: list[Claim]):
    groups = build_groups(articles, claims, one_story(articles), RULES)
    context = CheckContext(articles=articles, claims=claims, groups=groups, stories=[])
    findings = run_checks(context, RULES, only=CHECKED)
    return groups, findings


def pair(
    first: tuple[str, str, dict],
    second: tuple[str, str, dict],
    published: tuple[date | datetime, date | datetime] = (date(2024, 3, 5), date(2024, 3, 5)),
) -> tuple[list[Article], list[Claim]]:
    """Two outlets, one sentence each, one claim each: (text, span, claim fields)."""
    a = article("a", first[0], published[0])
    b = article("b", second[0], published[1])
    return [a, b], [claim(a, first[1], **first[2]), claim(b, second[1], **second[2])]


def killed(value: float, low: float | None = None, high: float | None = None, **extra) -> dict:
    return {"value": value, "low": low, "high": high, "unit": "people", "predicate": "killed", **extra}


def quake_toll(value: int) -> tuple[str, str, dict]:
    """One outlet's sentence on the quake's death toll: (text, span, claim fields)."""
    return (f"The quake killed {value} people, the ministry said.", str(value), killed(value))


def seconds(value: float, unit: str, factor: float, subject: str | None = None) -> dict:
    return {
        "kind": "duration",
        "value": value,
        "unit": unit,
        "factor": factor,
        "base_unit": "second",
        "subject": subject,
    }


def money(value: float, low: float, high: float) -> dict:
    return {"kind": "money", "value": value, "low": low, "high": high, "unit": "USD"}


CONSISTENT: dict[str, Case] = {
    "more-than-vs-exact": lambda: pair(
        ("More than 2,000 people were killed in the floods.", "More than 2,000", killed(2000, 2000, INF)),
        ("The floods killed 2,012 people, officials said.", "2,012", killed(2012)),
    ),
    "around-vs-close": lambda: pair(
        (
            "Around 300 soldiers were killed in the clashes.",
            "Around 300",
            {"value": 300, "low": 270, "high": 330, "unit": "soldier", "predicate": "killed"},
        ),
        (
            "The clashes left 310 soldiers killed on both sides.",
            "310",
            {"value": 310, "unit": "soldier", "predicate": "killed"},
        ),
    ),
    "billion-vs-million": lambda: pair(
        ("The dam will cost $2.3 billion to build.", "$2.3 billion", money(2.3e9, 2.25e9, 2.35e9)),
        ("Building the dam is budgeted at $2,300 million.", "$2,300 million", money(2.3e9, 2.3e9, 2.3e9)),
    ),
    "bn-dollars": lambda: pair(
        ("The dam will cost 2.3bn dollars to build.", "2.3bn dollars", money(2.3e9, 2.25e9, 2.35e9)),
        ("The dam will cost $2.3 billion to build.", "$2.3 billion", money(2.3e9, 2.25e9, 2.35e9)),
    ),
    "percent-sign-vs-word": lambda: pair(
        ("Inflation rose to 3.2% in March.", "3.2%", {"kind": "percent", "value": 3.2, "unit": "percent"}),
        (
            "Inflation reached 3.2 percent in March.",
            "3.2 percent",
            {"kind": "percent", "value": 3.2, "unit": "percent"},
        ),
    ),
    "weeks-vs-days": lambda: pair(
        (
            "Dockers ended a three-week strike at the port.",
            "three-week",
            seconds(3, "week", 7 * DAY, "strike"),
        ),
        ("The 21-day strike at the port is over.", "21-day", seconds(21, "day", DAY, "strike")),
    ),
    "hour-vs-day": lambda: pair(
        (
            "Police ended the siege after a 24-hour operation.",
            "24-hour",
            seconds(24, "hour", 3600, "operation"),
        ),
        ("The operation lasted one day, police said.", "one day", seconds(1, "day", DAY, "operation")),
    ),
    "hour-vs-day-no-subject": lambda: pair(
        ("Police ended the siege after a 24-hour operation.", "24-hour", seconds(24, "hour", 3600)),
        ("The operation lasted one day, police said.", "one day", seconds(1, "day", DAY)),
    ),
    "dozen": lambda: pair(
        (
            "Two dozen miners were rescued from the pit.",
            "Two dozen",
            {"value": 24, "unit": "miner", "predicate": "rescued"},
        ),
        (
            "Rescuers brought 24 miners out of the pit.",
            "24",
            {"value": 24, "unit": "miner", "predicate": "rescued"},
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(CONSISTENT))
def test_same_claim_worded_differently_is_one_consistent_group(name: str) -> None:
    articles, claims = CONSISTENT[name]()
    groups, findings = analyse(articles, claims)
    assert [g.status for g in groups] == ["consistent"], [g.claim_ids for g in groups]
    assert groups[0].independent_sources == 2
    assert findings == []


CONFLICTS: dict[str, tuple[Case, str]] = {
    "same-day-toll": (
        lambda: pair(
            ("At least 40 people were killed in the quake.", "At least 40", killed(40, 40, INF)),
            quake_toll(32),
        ),
        "conflict",
    ),
    "toll-falls": (
        lambda: pair(
            quake_toll(45),
            quake_toll(32),
            (date(2024, 3, 5), date(2024, 3, 6)),
        ),
        "conflict",
    ),
    "toll-rises": (
        lambda: pair(
            quake_toll(32),
            quake_toll(45),
            (date(2024, 3, 5), date(2024, 3, 6)),
        ),
        "evolving",
    ),
    "toll-rises-within-a-day": (
        lambda: pair(
            quake_toll(32),
            quake_toll(45),
            (
                datetime(2024, 3, 5, 8, tzinfo=UTC),
                datetime(2024, 3, 5, 17, tzinfo=UTC),
            ),
        ),
        "evolving",
    ),
    "budget-differs": (
        lambda: pair(
            ("The dam will cost $2.3 billion to build.", "$2.3 billion", money(2.3e9, 2.25e9, 2.35e9)),
            ("The dam will cost $3.1 billion to build.", "$3.1 billion", money(3.1e9, 3.05e9, 3.15e9)),
        ),
        "conflict",
    ),
    "strike-length-differs": (
        lambda: pair(
            (
                "Dockers ended a three-week strike at the port.",
                "three-week",
                seconds(3, "week", 7 * DAY, "strike"),
            ),
            ("The 12-day strike at the port is over.", "12-day", seconds(12, "day", DAY, "strike")),
        ),
        "conflict",
    ),
}


@pytest.mark.parametrize("name", sorted(CONFLICTS))
def test_irreconcilable_figures(name: str) -> None:
    case, status = CONFLICTS[name]
    articles, claims = case()
    groups, findings = analyse(articles, claims)
    assert [g.status for g in groups] == [status]
    rules = [f.rule for f in findings]
    assert rules == (["figure-conflict"] if status == "conflict" else [])
    if findings:
        message = findings[0].message
        assert "Outlet a" in message and "Outlet b" in message
        assert findings[0].start == claims[0].start and findings[0].article_id == "a"


APART: dict[str, Case] = {
    "injured-vs-killed": lambda: pair(
        (
            "The blast injured 300 people, the police said.",
            "300",
            {"value": 300, "unit": "people", "predicate": "injured"},
        ),
        ("The blast killed 312 people, the police said.", "312", killed(312)),
    ),
    "workers-vs-factories": lambda: pair(
        (
            "The strike involves 15,000 workers across the region.",
            "15,000",
            {"value": 15000, "unit": "worker"},
        ),
        ("The strike has shut 40 factories across the region.", "40", {"value": 40, "unit": "factory"}),
    ),
    "war-vs-clashes": lambda: pair(
        (
            "In 2020, more than 6,000 people were killed in the war.",
            "more than 6,000",
            killed(6000, 6000, INF),
        ),
        (
            "Around 300 soldiers were killed in clashes in 2022.",
            "Around 300",
            {"value": 300, "low": 270, "high": 330, "unit": "soldier", "predicate": "killed"},
        ),
    ),
    "scope-from-field": lambda: pair(
        (
            "More than 6,000 people were killed in the war.",
            "More than 6,000",
            killed(6000, 6000, INF, scope="2020"),
        ),
        (
            "Around 300 people were killed in the clashes.",
            "Around 300",
            killed(300, 270, 330, scope="2022-09"),
        ),
    ),
    "duration-of-different-things": lambda: pair(
        ("Police ended the siege after a 24-hour operation.", "24-hour", seconds(24, "hour", 3600)),
        ("It followed two days of fighting near the border.", "two days", seconds(2, "day", DAY)),
    ),
    "men-and-women": lambda: pair(
        (
            "The survey found 54% of men back the plan.",
            "54%",
            {"kind": "percent", "value": 54, "unit": "percent"},
        ),
        (
            "The survey found 41% of women back the plan.",
            "41%",
            {"kind": "percent", "value": 41, "unit": "percent"},
        ),
    ),
    "north-and-south": lambda: pair(
        (
            "The quake destroyed 300 homes in the north.",
            "300",
            {"value": 300, "unit": "home", "predicate": "destroyed"},
        ),
        (
            "The quake destroyed 120 homes in the south.",
            "120",
            {"value": 120, "unit": "home", "predicate": "destroyed"},
        ),
    ),
    "money-different-currencies": lambda: pair(
        ("The dam will cost $2.3 billion to build.", "$2.3 billion", money(2.3e9, 2.25e9, 2.35e9)),
        (
            "The dam will cost 2.9 billion euros to build.",
            "2.9 billion euros",
            {"kind": "money", "value": 2.9e9, "unit": "EUR"},
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(APART))
def test_different_figures_stay_apart(name: str) -> None:
    articles, claims = APART[name]()
    groups, findings = analyse(articles, claims)
    assert len(groups) == 2 and all(g.status == "single_source" for g in groups)
    assert findings == []


def test_syndicated_copies_count_once() -> None:
    body = (
        "At least 40 people were killed when the quake struck the valley town "
        "on Monday morning, rescuers said."
    )
    furniture = "Most read\nTrain fares rise by 5 percent\n"
    copy_text = furniture + body
    a = article("wire.md", body, source="Wire")
    b = article("paper.md", copy_text, source="Paper", noise=[(0, len(furniture), "teaser")])
    c = article(
        "other.md", "The quake killed 32 people in the valley town, officials said on Monday.", source="Other"
    )
    duplicates = find_duplicates([a, b, c])
    assert duplicates == {"paper.md": "wire.md"}
    b = replace(b, duplicate_of="wire.md")
    claims = [
        claim(a, "At least 40", **killed(40, 40, INF)),
        claim(b, "At least 40", **killed(40, 40, INF)),
        claim(c, "32", **killed(32)),
    ]
    groups, findings = analyse([a, b, c], claims)
    assert len(groups) == 1 and groups[0].independent_sources == 2
    values = {v.value: v.independent_sources for v in groups[0].values}
    assert values == {40: 1, 32: 1}
    assert [f.rule for f in findings] == ["figure-conflict"]
    assert "also carried by 1 other outlet" in findings[0].message


def test_internal_conflict_in_one_article() -> None:
    text = (
        "The storm destroyed 5,400 homes along the coast. Schools stayed shut on Monday. "
        "Officials said the storm destroyed 4,500 homes along the coast."
    )
    a = article("a", text)
    spec = {"unit": "home", "predicate": "destroyed"}
    claims = [claim(a, "5,400", value=5400, **spec), claim(a, "4,500", value=4500, **spec)]
    groups, findings = analyse([a], claims)
    # One source, but its two figures conflict: the group's status says so.
    assert [g.status for g in groups] == ["conflict"]
    assert [f.rule for f in findings] == ["internal-conflict"]
    assert "5,400" in findings[0].message and "4,500" in findings[0].message


def test_update_in_one_article_is_not_an_internal_conflict() -> None:
    text = (
        "The storm destroyed 5,400 homes along the coast. "
        "Officials had earlier said the storm destroyed 4,500 homes along the coast."
    )
    a = article("a", text)
    spec = {"unit": "home", "predicate": "destroyed"}
    claims = [claim(a, "5,400", value=5400, **spec), claim(a, "4,500", value=4500, **spec)]
    _groups, findings = analyse([a], claims)
    assert findings == []


def _vote(day_a: str, day_b: str, published_b: date) -> tuple[list[Article], list[Claim]]:
    a = article("a", "Lawmakers will hold the final vote on the budget on Tuesday.")
    b = article("b", "The final vote on the budget is set for Wednesday.", published_b)
    claims = [
        claim(a, "Tuesday", kind="date", timex=day_a),
        claim(b, "Wednesday", kind="date", timex=day_b),
    ]
    return [a, b], claims


@pytest.mark.parametrize(
    ("name", "day_b", "published_b", "expected"),
    [
        ("same-day-different-dates", "2024-03-06", date(2024, 3, 5), ["date-conflict"]),
        ("later-report-corrects", "2024-03-06", date(2024, 3, 7), []),
        ("same-date", "2024-03-05", date(2024, 3, 5), []),
    ],
)
def test_date_conflict(name: str, day_b: str, published_b: date, expected: list[str]) -> None:
    articles, claims = _vote("2024-03-05", day_b, published_b)
    groups, findings = analyse(articles, claims)
    assert len(groups) == 1 and groups[0].kind == "date"
    assert [f.rule for f in findings] == expected
    # The group's status says what the check found: a conflict only where it reports one;
    # a vote reported on another day for another day moved ("evolving").
    status = {"same-day-different-dates": "conflict", "later-report-corrects": "evolving"}
    assert groups[0].status == status.get(name, "consistent")


def test_figures_that_say_too_little_to_compare_group_only_where_they_agree() -> None:
    """Neither figure says what happened to its count: they can never conflict, and a group
    must not show them side by side as "consistent"."""
    spec = {"unit": None, "predicate": None}
    average = (
        "The four-week average was 534,000, a decrease of 28,250 from the previous week's revised figure."
    )
    continuing = (
        "Continuing claims, which lag by a week, were 3,655,000, a decrease of 45,000 from the previous "
        "week's revised figure."
    )
    articles, claims = pair(
        (average, "534,000", {"value": 534000, **spec}), (continuing, "3,655,000", {"value": 3655000, **spec})
    )
    groups, findings = analyse(articles, claims)
    assert findings == [] and [group.status for group in groups] == ["single_source", "single_source"]
    same = average.replace("four-week average", "average over four weeks")
    articles, claims = pair(
        (average, "534,000", {"value": 534000, **spec}), (same, "534,000", {"value": 534000, **spec})
    )
    groups, _findings = analyse(articles, claims)
    assert [group.status for group in groups] == ["consistent"]


def test_unrelated_dates_are_not_grouped() -> None:
    a = article("a", "Lawmakers will hold the final vote on the budget on Tuesday.")
    b = article("b", "The minister flew to Brussels on Wednesday for talks.")
    claims = [
        claim(a, "Tuesday", kind="date", timex="2024-03-05"),
        claim(b, "Wednesday", kind="date", timex="2024-03-06"),
    ]
    groups, findings = analyse([a, b], claims)
    assert len(groups) == 2 and findings == []


STORY_ARTICLES = [
    (
        "q1",
        "Quake kills dozens in Valdoria's northern hills",
        "A strong earthquake hit Valdoria's northern province of Sarnet on Monday, "
        "killing dozens, the Valdorian health ministry said.",
    ),
    (
        "q2",
        "Rescuers search rubble after Sarnet earthquake",
        "Rescue teams in Sarnet, Valdoria, dug through rubble on Tuesday as the "
        "Valdorian government declared mourning.",
    ),
    (
        "s1",
        "Port workers strike over pay in Ostrava Bay",
        "Dock workers at Ostrava Bay walked out on Monday, the Harbour Workers Union "
        "said, demanding higher pay from Meridian Shipping.",
    ),
    (
        "s2",
        "Ostrava Bay strike halts Meridian Shipping",
        "Meridian Shipping said the Ostrava Bay strike called by the Harbour Workers "
        "Union had halted its container traffic.",
    ),
]


def test_stories_cluster_by_names_and_titles() -> None:
    articles = [article(i, text, title=title) for i, title, text in STORY_ARTICLES]
    stories = cluster_stories(articles)
    assert sorted(sorted(s.article_ids) for s in stories) == [["q1", "q2"], ["s1", "s2"]]
    assert [s.id for s in stories] == ["story-1", "story-2"]


def test_a_lone_article_is_one_story_named_by_its_title_or_id() -> None:
    # The lint hook's case: answered without building TF-IDF vectors.
    lone = article("q1", STORY_ARTICLES[0][2], title=STORY_ARTICLES[0][1])
    assert cluster_stories([lone]) == [Story(id="story-1", label=STORY_ARTICLES[0][1], article_ids=["q1"])]
    untitled = article("q1", STORY_ARTICLES[0][2])
    assert cluster_stories([untitled]) == [Story(id="story-1", label="q1", article_ids=["q1"])]


def test_grouping_is_deterministic() -> None:
    first = CONFLICTS["same-day-toll"][0]()
    articles, claims = first
    one = build_groups(articles, claims, one_story(articles), RULES)
    two = build_groups(list(reversed(articles)), list(reversed(claims)), one_story(articles), RULES)
    assert one == two


def test_wire_copy_carried_by_many_outlets_is_one_source() -> None:
    body = (
        "The central bank raised its main interest rate by half a point on Thursday, "
        "its third increase this year, saying inflation had not yet peaked in the region."
    )
    articles = [article(f"outlet-{n:03}.md", f"Outlet {n} staff\n{body}") for n in range(150)]
    articles.append(article("other.md", "A ferry ran aground off the northern coast on Thursday night."))
    duplicates = find_duplicates(articles)
    assert len(duplicates) == 149 and set(duplicates.values()) == {"outlet-000.md"}


@pytest.mark.parametrize(
    ("name", "low", "high", "factor", "expected"),
    [
        ("exact", 40, 40, 1.0, (40, 40)),
        ("open-above", 2000, INF, 1.0, (2000, INF)),
        ("scaled", 24, 24, 3600.0, (86400.0, 86400.0)),
        ("range", 1, 1.5, 1e9, (1e9, 1.5e9)),
    ],
)
def test_base_interval(name: str, low: float, high: float, factor: float, expected: tuple) -> None:
    from claimcheck.groups.items import base_interval

    one = Claim(
        id="c",
        article_id="a",
        kind="count",
        text="x",
        start=0,
        end=1,
        value=low,
        low=low,
        high=high,
        base_value=low * factor,
    )
    assert base_interval(one) == expected


def test_weekday_read_in_the_other_tense_is_not_a_date_conflict() -> None:
    # Published on a Friday: "on Tuesday" may be read as the coming Tuesday by mistake.
    a = article("a", "Parliament approved the budget in a final vote on Tuesday.", date(2024, 5, 3))
    b = article("b", "Parliament approved the budget in a final vote on April 30.", date(2024, 5, 3))
    claims = [
        replace(claim(a, "Tuesday", kind="date", timex="2024-05-07"), relative=True),
        claim(b, "April 30", kind="date", timex="2024-04-30"),
    ]
    groups, findings = analyse([a, b], claims)
    assert len(groups) == 1 and findings == []


def test_weekday_a_week_off_is_a_date_conflict() -> None:
    a = article("a", "Lunaria will vote on the new constitution on Sunday.", date(2024, 9, 17))
    b = article("b", "Lunaria will vote on the new constitution on September 29.", date(2024, 9, 17))
    claims = [
        replace(claim(a, "Sunday", kind="date", timex="2024-09-22"), relative=True),
        claim(b, "September 29", kind="date", timex="2024-09-29"),
    ]
    _groups, findings = analyse([a, b], claims)
    assert [f.rule for f in findings] == ["date-conflict"]


@pytest.mark.parametrize(
    ("name", "first", "second", "one_story"),
    [
        (
            "unnamed-leads-alike",
            "Floods in the river valley killed 40 people on Wednesday, officials said.",
            "Floods in the river valley killed 25 people on Wednesday, officials said.",
            True,
        ),
        (
            "alike-leads-different-places",
            "A storm hit the coast of Varnok on Monday, cutting power to homes, said Mayor Lena Odo.",
            "A storm hit the coast of Tesmir on Monday, cutting power to homes, said Mayor Ivo Brak.",
            False,
        ),
        (
            # One name ("U.S.") is too little to say the reports are about different people.
            "one-name-is-no-contrast",
            "U.S. senators said on Thursday they had agreed on a framework for a $40 billion water "
            "bill that would repair old pipes, dams and treatment plants over five years.",
            "Senators Ada Morrow and Cole Fenwick said on Thursday that their group had agreed on a "
            "framework for the $40 billion water bill, which would repair pipes, dams and treatment plants.",
            True,
        ),
    ],
)
def test_stories_from_leads(name: str, first: str, second: str, one_story: bool) -> None:
    stories = cluster_stories([article("a", first), article("b", second)])
    assert (len(stories) == 1) is one_story


FEATURE_COMMUTER = (
    "Mara Velt had made the same drive home for eleven years. She knew every pothole on "
    "the road out of the industrial park, the radio station that faded near the quarry, "
    "and the exact minute the evening traffic would thin out past the garden centre. On "
    "most nights she was home before the news began, in time to start dinner and call her "
    "sister, who lives three hours north and likes to hear about the day. She kept a "
    "thermos of coffee in the cup holder and a spare coat on the back seat, because the "
    "heater in her old hatchback had never worked properly, and she had stopped expecting "
    "it to. Her neighbours said she was the most punctual person on the street, the kind "
    "of driver who signals in an empty car park.\n\n"
)
FEATURE_SHOPKEEPER = (
    "For Tomas Greer, the sound came first: a long groan of metal, then a crack like a "
    "rifle shot that rattled the jars on the shelves of the hardware shop his father opened "
    "in 1979. He ran outside with a customer still holding a box of nails. Across the road, "
    "people were standing on the pavement with their phones raised, not filming yet, just "
    "staring. The shop sells paint, rope, garden tools and, at this time of year, a great "
    "many snow shovels, and Greer knows most of his customers by name. He has swept the "
    "front step every morning for thirty years, and he had just finished counting the till "
    "when the noise began. On Wednesday the shop stayed closed for the first time since a "
    "flood in the spring of 2008.\n\n"
)
FEATURE_FACTS_A = (
    "The Harlow Street bridge over the river Denn in Castmoor collapsed at about 6.40pm on "
    "Tuesday, sending three cars and a delivery van into the water. Four people were killed "
    "and nine were injured, the Castmoor fire service said. Engineers had closed one lane "
    "of the 62-year-old bridge in October after inspectors found corrosion in its steel "
    "supports, and the county council had approved a repair budget of 3.2 million pounds."
)
FEATURE_FACTS_B = (
    "Four people died and nine were hurt when the Harlow Street bridge in Castmoor fell "
    "into the river Denn on Tuesday evening, taking three cars and a van with it, fire "
    "officials said. Inspectors had found corrosion in the steel supports of the 62-year-old "
    "bridge in October, and one lane had been closed since; the county council had set "
    "aside 3.2 million pounds for repairs."
)


def test_feature_openings_do_not_hide_the_event_that_follows() -> None:
    # Two outlets open with a scene of their own (a commuter, a shopkeeper: about 130 words
    # each, naming no one in common) before the facts: the lead that is compared reaches
    # the facts, so the two reports are one story.
    first = article("a", FEATURE_COMMUTER + FEATURE_FACTS_A, title="A drive home that ended at the river")
    second = article(
        "b", FEATURE_SHOPKEEPER + FEATURE_FACTS_B, title="On a quiet high street, a crack like a rifle shot"
    )
    assert [sorted(story.article_ids) for story in cluster_stories([first, second])] == [["a", "b"]]


def test_a_headline_capital_is_the_word_the_leads_write_in_lower_case() -> None:
    # Outlets that capitalise every word of a headline ("Jobless Claims Fall") must meet the
    # outlets that write "jobless claims fell" in their leads; a name stays a name.
    leads = [
        "Weekly jobless claims fell to 412,000 last week, the Labor Department said on Thursday.",
        "New applications for jobless benefits fell again as employers held on to staff, "
        "Labor Secretary Marty Walsh said.",
    ]
    lower_case = lower_case_words(leads)
    title = story_tokens("Jobless Claims Fall Again, Walsh Says", lexicon(), lower_case, headline=True)
    assert {"jobles", "claim"} <= set(title)
    assert "@walsh" in title


def _cluster_of(*vectors: list[float]) -> Any:
    from claimcheck.stories.clustering import _Cluster

    units = [[value / math.hypot(*vector) for value in vector] for vector in vectors]
    total = {term: sum(column) for term, column in enumerate(zip(*units, strict=True))}
    square = sum(weight**2 for weight in total.values())
    return _Cluster(rows=list(range(len(units))), reports=len(units), total=total, span=None, square=square)


def test_two_tight_clusters_loosely_tied_are_two_events() -> None:
    # Each pair agrees closely (one quake's toll and town); the pairs share only the topic.
    first = _cluster_of([1.0, 0.0, 0.5], [0.9, 0.1, 0.5])
    second = _cluster_of([0.0, 1.0, 0.5], [0.1, 0.9, 0.5])
    assert 0.16 < first.average(second) < 0.75 * min(first.cohesion(), second.cohesion())
    assert first.separate(second, first.average(second))
    # A loose cluster (one event told in different words) joins at the same tie.
    loose = _cluster_of([1.0, 0.0, 0.5, 0.0], [0.0, 0.0, 0.5, 1.0])
    other = _cluster_of([0.0, 1.0, 0.5, 0.0], [0.0, 0.2, 0.5, 1.0])
    assert not loose.separate(other, loose.average(other))
    # A lone report is never kept apart by this rule: it has no cohesion of its own.
    lone = _cluster_of([0.0, 1.0, 0.5])
    assert not first.separate(lone, first.average(lone))


def test_two_tight_clusters_of_the_same_days_need_a_looser_tie_to_stay_apart() -> None:
    # Two groups of outlets, each agreeing closely, tied at about 2/3 of their own cohesion:
    # a week apart that is two events of one topic (this week's jobless claims, then the
    # next week's); on the same days it is one event told two ways.
    first = _cluster_of([1.0, 0.0, 1.2], [0.9, 0.1, 1.2])
    second = _cluster_of([0.0, 1.0, 1.2], [0.1, 0.9, 1.2])
    average = first.average(second)
    assert 0.6 < average / min(first.cohesion(), second.cohesion()) < 0.75
    first.span = (date(2024, 3, 4), date(2024, 3, 5))
    second.span = (date(2024, 3, 11), date(2024, 3, 12))
    assert first.separate(second, average)
    second.span = (date(2024, 3, 5), date(2024, 3, 6))
    assert not first.separate(second, average)
    # Undated clusters have no days in common to vouch for them: the stricter share holds.
    first.span = second.span = None
    assert first.separate(second, average)


PARTS: dict[str, Case] = {
    "including": lambda: pair(
        ("The fire in the market killed 25 people, officials said.", "25", killed(25)),
        ("The fire in the market killed 31 people, including 9 children.", "9", killed(9)),
    ),
    "alone": lambda: pair(
        ("The storm has killed 40 people since it hit the coast.", "40", killed(40)),
        ("The storm killed 12 people on the coast on Tuesday alone.", "12", killed(12)),
    ),
    "of-them": lambda: pair(
        ("The blast killed 40 people in the market, officials said.", "40", killed(40)),
        ("The blast in the market killed 12 of them soldiers, officials said.", "12", killed(12)),
    ),
}


@pytest.mark.parametrize("name", sorted(PARTS))
def test_part_of_a_count_does_not_conflict_with_the_total(name: str) -> None:
    articles, claims = PARTS[name]()
    _groups, findings = analyse(articles, claims)
    assert findings == []


def test_breakdown_in_one_sentence_does_not_conflict() -> None:
    a = article("a", "Police arrested 40 protesters across the country on Saturday.")
    b = article("b", "Police arrested 12 protesters in the capital and 28 in the provinces on Saturday.")
    spec = {"unit": "protester", "predicate": "arrested"}
    claims = [
        claim(a, "40", value=40, **spec),
        claim(b, "12", value=12, **spec),
        claim(b, "28", value=28, **spec),
    ]
    _groups, findings = analyse([a, b], claims)
    assert findings == []


@pytest.mark.parametrize(
    ("first", "second", "first_predicate", "second_predicate", "expected"),
    [
        pytest.param("54 games", "four games", None, None, [], id="bare-noun-counts-are-different-sets"),
        pytest.param("12 rebounds", "9 rebounds", None, "destroyed", [], id="one-side-without-event"),
        pytest.param("300 homes", "120 homes", "destroyed", "damaged", [], id="different-events"),
        pytest.param(
            "5,400 homes", "4,500 homes", "destroyed", "destroyed", ["internal-conflict"], id="same-event"
        ),
    ],
)
def test_internal_conflict_needs_one_event(
    first: str, second: str, first_predicate: str | None, second_predicate: str | None, expected: list[str]
) -> None:
    # The wording states the event where the claim has one ("the storm destroyed ...").
    first_verb, second_verb = (
        predicate or "report lists" for predicate in (first_predicate, second_predicate)
    )
    text = (
        f"The storm {first_verb} {first} along the coast. Schools stayed shut on Monday. "
        f"Officials said the storm {second_verb} {second} along the coast."
    )
    a = article("a", text)
    unit = first.split()[-1].rstrip("s")
    claims = [
        claim(
            a,
            first.split()[0],
            value=float(first.split()[0].replace(",", "")),
            unit=unit,
            predicate=first_predicate,
        ),
        claim(a, second.split()[0], value=_number(second.split()[0]), unit=unit, predicate=second_predicate),
    ]
    _groups, findings = analyse([a], claims)
    assert [f.rule for f in findings] == expected


def _number(word: str) -> float:
    return {"four": 4.0}.get(word) or float(word.replace(",", ""))


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        pytest.param((3, "month"), (90, "day"), [], id="three-months-is-ninety-days"),
        pytest.param((2, "year"), (731, "day"), [], id="two-years-with-a-leap-day"),
        pytest.param((1, "month"), (4, "week"), [], id="a-february-month"),
        pytest.param((3, "month"), (60, "day"), ["figure-conflict"], id="sixty-days-is-no-quarter"),
        pytest.param((1, "year"), (7, "month"), ["figure-conflict"], id="seven-months-is-no-year"),
    ],
)
def test_calendar_units_have_a_range_of_lengths(
    first: tuple[int, str], second: tuple[int, str], expected: list[str]
) -> None:
    factors = {"day": DAY, "week": 7 * DAY, "month": 2629800.0, "year": 31557600.0}
    articles, claims = pair(
        (
            f"The patient began a {first[0]}-{first[1]} stay at the clinic.",
            f"{first[0]}-{first[1]}",
            seconds(first[0], first[1], factors[first[1]], subject="stay"),
        ),
        (
            f"The patient began a {second[0]}-{second[1]} stay at the clinic.",
            f"{second[0]}-{second[1]}",
            seconds(second[0], second[1], factors[second[1]], subject="stay"),
        ),
    )
    _groups, findings = analyse(articles, claims)
    assert [f.rule for f in findings] == expected


@pytest.mark.parametrize(
    ("first_text", "first_span", "expected"),
    [
        pytest.param("Floods killed three people, one of them a child.", "one", [], id="one-of-them"),
        pytest.param(
            "Floods killed one of the ferry's crew on Wednesday.", "one", [], id="one-of-possessive"
        ),
        pytest.param("Floods killed two of the villagers on Wednesday.", "two", [], id="two-of-the"),
        pytest.param(
            "Floods killed one person on Wednesday.",
            "one",
            ["figure-conflict"],
            id="a-whole-count-still-conflicts",
        ),
    ],
)
def test_partitive_counts_are_parts_not_totals(first_text: str, first_span: str, expected: list[str]) -> None:
    value = {"one": 1.0, "two": 2.0}[first_span]
    articles, claims = pair(
        (first_text, first_span, killed(value)),
        ("Floods killed three people on Wednesday.", "three", killed(3)),
    )
    _groups, findings = analyse(articles, claims)
    assert [f.rule for f in findings] == expected


def test_a_lone_report_and_its_copy_join_a_story_together() -> None:
    """A side report and its syndicated copy are one cluster of one report; both rows name
    the story as their best tie, and the copy must not be merged a second time."""
    quake = (
        "A strong earthquake struck the northern province of Sarnet in Valdoria on Monday, killing "
        "40 people and destroying hundreds of homes, officials in Valdoria said."
    )
    aid = (
        "Aid agencies flew tents and blankets to Sarnet, Valdoria, on Tuesday after the earthquake "
        "left thousands homeless in the cold."
    )
    tuesday = date(2024, 3, 5)
    articles = [
        article("s1", quake, date(2024, 3, 4), title="Earthquake kills 40 in Valdoria's Sarnet province"),
        article(
            "s2",
            quake.replace("strong", "powerful").replace("officials in Valdoria", "the Valdorian ministry"),
            date(2024, 3, 4),
            title="Sarnet earthquake in Valdoria kills dozens",
        ),
        article("c1", aid, tuesday, title="Aid agencies fly tents to Sarnet"),
        replace(article("c2", aid, tuesday, title="Aid agencies fly tents to Sarnet"), duplicate_of="c1"),
    ]
    assert [sorted(story.article_ids) for story in cluster_stories(articles)] == [["c1", "c2", "s1", "s2"]]


def test_a_rise_given_as_the_lower_figure_again_is_named_as_such() -> None:
    # Monday: 32 killed; Tuesday's update says 45 and keeps Monday's "32" further down.
    first = article("a", "The quake killed 32 people, the ministry said.", date(2024, 3, 4))
    text = "The quake killed 45 people, the ministry said. The quake killed 32 people, officials said."
    second = article("b", text, date(2024, 3, 5))
    claims = [
        claim(first, "32", **killed(32)),
        claim(second, "45", **killed(45)),
        claim(second, "32", **killed(32)),
    ]
    _groups, findings = analyse([first, second], claims)
    messages = [finding.message for finding in findings if finding.rule == "figure-conflict"]
    assert messages and all("cannot fall" not in message for message in messages)
    assert "rose to 45 (2024-03-05) is given as 32 again by b (2024-03-05)" in messages[0]
