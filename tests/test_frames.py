"""Claim frames read from the figure's own clause, and what they do to grouping and checks.

Each case is a sentence written the way wire copy and papers write it; the product path
(`check_articles`) decides the end-to-end cases.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from claimcheck.groups.events import read_event
from claimcheck.groups.frames import Frame, read_frame
from claimcheck.ingest.sentences import split_sentences
from claimcheck.models import Article, Claim
from claimcheck.pipeline import check_articles
from claimcheck.resolve.claims import extract_claims
from claimcheck.stories.duplicates import find_duplicates

DAY = date(2024, 6, 11)


def claims_of(text: str, published: date | None = DAY) -> list[Claim]:
    article = Article(id="a", text=text, published=published)
    return extract_claims(article, split_sentences(text, []), published)


def frame_of(text: str, span: str) -> Frame:
    [claim] = [claim for claim in claims_of(text) if claim.text == span]
    return read_frame(claim)


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        # The predicate comes from the figure's own clause, not from "rescue teams".
        (
            "The toll has risen to at least 312, officials said, as rescue teams searched the rubble.",
            "at least 312",
            {"predicate": "killed"},
        ),
        # Right-headed compounds reduce to their head; the modifier is kept.
        (
            "Some 2,000 metalworkers walked out on Monday.",
            "Some 2,000",
            {"head": "worker", "modifier": "metal"},
        ),
        (
            "Around 15,000 dockworkers joined the walkout.",
            "Around 15,000",
            {"head": "worker", "modifier": "dock"},
        ),
        ("Around 15,000 dock workers joined the walkout.", "Around 15,000", {"head": "worker"}),
        # A year elsewhere in the sentence is no time scope; an attached one is.
        ("The blast killed 12 people, the deadliest since 1999.", "12", {"when": None}),
        ("In 2019, a derailment near the town killed 12 people.", "12", {"when": "2019"}),
        ("It came in 2019, when a derailment killed 12 people.", "12", {"when": "2019"}),
        # A percentage is about what it measures.
        ("The union wants an 8 percent pay rise.", "8 percent", {"head": "rise", "modality": "proposal"}),
        ("Inflation in the country stood at 3.2% in April.", "3.2%", {"head": "inflation"}),
        (
            "The company posted a 28 percent drop in net profit.",
            "28 percent",
            {"head": "profit", "direction": "down"},
        ),
        # A duration belongs to its subject.
        ("Dockers ended a 21-day strike at the port.", "21-day", {"head": "strike"}),
        ("The union signed a one-year contract.", "one-year", {"head": "contract"}),
        # Forecasts, targets and proposals are not outcomes.
        (
            "The strike could cost the economy up to $40 million.",
            "up to $40 million",
            {"modality": "forecast"},
        ),
        ("The carmaker plans to cut 900 jobs.", "900", {"modality": "proposal"}),
        ("Economists had been looking for 845,000 new jobs.", "845,000", {"modality": "forecast"}),
        # A revision: the figure it gives is current, the one it replaces earlier.
        ("The agency revised the toll to 48, up from 36.", "36", {"revision": "earlier"}),
        ("Officials had earlier said the storm destroyed 4,500 homes.", "4,500", {"revision": "earlier"}),
        # A subset or place attached to the figure.
        ("Some 1,500 workers at the supplier walked out.", "Some 1,500", {"scope": "supplier"}),
        (
            "About 3,400 residents of the Quay district were evacuated.",
            "About 3,400",
            {"scope": "quay district"},
        ),
        ("Three cargos of humanitarian aid will be delivered today.", "Three", {"scope": None}),
        # A name right after the figure's noun phrase scopes it; a number belongs to a scope.
        ("Sixty-five per cent of traffic to India was down.", "Sixty-five per cent", {"scope": "india"}),
        (
            "The 2004 tsunami killed about 230,000 people across Asia.",
            "about 230,000",
            {"scope": "asia"},
        ),
        ("The tsunami killed 230,000 people in 14 countries.", "230,000", {"scope": "14 countr"}),
        ("The outage hit 90% of traffic to Monday's close.", "90%", {"scope": None}),
        # What a sum is the price of, when a name says it.
        (
            "The $19 billion purchase of Compaq Computer was completed in 2002.",
            "$19 billion",
            {"named_object": "compaq computer"},
        ),
        # "One of the cables" names no measured thing of its own.
        (
            "One of the cables is 40,000 kilometres (25,000 miles) long and links 33 countries.",
            "40,000 kilometres",
            {"head": None},
        ),
    ],
)
def test_frame_parts(sentence: str, span: str, expected: dict[str, object]) -> None:
    frame = frame_of(sentence, span)
    assert {key: getattr(frame, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "span", "reason"),
    [
        ("The panel backed boosters for people 65 and older.", "65", "an age or size limit"),
        ("Senator Dick Durbin, the No. 2 Democrat, said 52 senators backed it.", "2", "a rank"),
        ("Pfizer's two-dose shot is easier to store.", "two", "part of a compound modifier"),
        ("Two U.S. officials said the camp was being cleared.", "Two", "a count of sources"),
        (
            "Continuing claims fell to 3.2 million in the week ended July 10.",
            "July 10",
            "a reporting period's label",
        ),
        ("Harold Brenner, Union Leader Who Led the Dock Strike, Dies at 81", "81", "an age"),
        ("The former mayor, aged 64, was arrested at his home.", "64", "an age"),
        (
            "Medics flew the injured to Port Alder, a city of 300,000 people on the coast.",
            "300,000",
            "a population",
        ),
        (
            "The new 16-inch laptop weighs less than its predecessor.",
            "16-inch",
            "a specification of the noun it qualifies",
        ),
        (
            "The company also sells a 512GB solid-state drive for the model.",
            "512GB",
            "a specification of the noun it qualifies",
        ),
        ("The visitors scored again with 38 seconds remaining.", "38 seconds", "a countdown, not a length"),
        (
            "The survey of 1,200 voters has a 2.8 percent margin of error.",
            "2.8 percent",
            "a statistic's precision",
        ),
        (
            "The poll has a margin of error of plus or minus 3 percentage points.",
            "minus 3 percentage points",
            "a statistic's precision",
        ),
        # Where something is, measured from a named place or a thing nearby.
        ("The quake was centred seven miles from Anderson Springs.", "seven miles", "a location"),
        ("One bomb landed just 5 feet away from a boy.", "5 feet", "a location"),
    ],
)
def test_numbers_that_are_not_quantities_of_the_story(sentence: str, span: str, reason: str) -> None:
    assert frame_of(sentence, span).not_a_quantity == reason


def test_forty_people_killed_before_officials_said_is_a_toll_not_a_count_of_sources() -> None:
    frame = frame_of("Floods in the valley killed 40 people on Wednesday, officials said.", "40")
    assert frame.not_a_quantity is None and frame.predicate == "killed"


@pytest.mark.parametrize(
    ("sentence", "span", "event"),
    [
        ("A wildfire that broke out on Saturday forced 5,000 residents out.", "Saturday", "started"),
        ("Firefighters are fighting the blaze, which started on Sunday.", "Sunday", "started"),
        ("The union will put the latest offer to a vote on Wednesday.", "Wednesday", "voted"),
        ("Korvath announced the job cuts on Wednesday together with its results.", "Wednesday", "announced"),
        ("Halden Telecom has announced the phone, with pre-orders starting on May 9.", "May 9", "start"),
        ("On May 8, veteran running back Ola Berg went on injured reserve.", "May 8", "went"),
    ],
)
def test_date_event_frames(sentence: str, span: str, event: str) -> None:
    [claim] = [claim for claim in claims_of(sentence) if claim.text == span]
    found = read_event(claim)
    assert found is not None and found[0] == event


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The ministry said on Tuesday that the bridge would reopen.", "Tuesday"),
        ("The committee investigating the Jan. 6 riot issued a subpoena.", "Jan. 6"),
        ("Demonstrators took to the streets on Friday for a third day.", "Friday"),
        ("He is charged with fraud between March 1, 2019, and May 8, 2021.", "March 1, 2019"),
        ("He is charged with fraud between March 1, 2019, and May 8, 2021.", "May 8, 2021"),
    ],
)
def test_dates_of_no_comparable_event(sentence: str, span: str) -> None:
    [claim] = [claim for claim in claims_of(sentence) if claim.text == span]
    assert read_event(claim) is None


def findings(*texts: str, published: tuple[date, ...] | None = None) -> list[str]:
    days = published or (DAY,) * len(texts)
    articles = [
        Article(id=f"a{number}", source=f"Outlet {number}", published=day, text=text)
        for number, (text, day) in enumerate(zip(texts, days, strict=True))
    ]
    return sorted(finding.rule for finding in check_articles(articles).findings)


def test_a_forecast_and_an_outcome_are_not_compared() -> None:
    assert (
        findings(
            "The Harbour strike could cost the port economy up to $40 million, the chamber said.",
            "The Harbour strike has cost the port economy $12 million so far, the chamber said.",
        )
        == []
    )


def test_a_subset_is_not_compared_with_the_whole() -> None:
    assert (
        findings(
            "The carmaker's strike spread: some 15,000 workers walked out across the region on Monday.",
            "At the Ostring plant, the strike saw 1,500 workers at the supplier walk out on Monday.",
        )
        == []
    )


def test_different_predicates_of_one_noun_are_not_compared() -> None:
    assert (
        findings(
            "The earthquake in the mountain town killed 312 people, rescuers said.",
            "The earthquake in the mountain town injured 300 people, rescuers said.",
        )
        == []
    )


def test_a_background_event_is_not_compared_with_todays() -> None:
    assert (
        findings(
            "The derailment in the valley forced 1,500 people from their homes on Sunday.",
            "The valley's worst accident came in 2019, when a derailment forced 3,000 from their homes.",
        )
        == []
    )


def test_same_day_tolls_that_disagree_conflict() -> None:
    assert findings(
        "The earthquake in the mountain town killed 312 people, rescuers said on Tuesday.",
        "Rescuers said the earthquake in the mountain town had killed 250 people by Tuesday.",
    ) == ["figure-conflict"]


def test_tallies_compare_place_by_place() -> None:
    assert findings(
        "The council in Marlow approved the harbour budget by 30 votes to 12 on Tuesday.",
        "Marlow's council backed the harbour budget 30 to 14 on Tuesday.",
    ) == ["figure-conflict"]


def test_dates_of_different_events_of_one_story_are_not_compared() -> None:
    assert (
        findings(
            "The Estrava port reopened on Thursday after the strike ended, the union said.",
            "The Estrava port strike began on Wednesday three weeks ago and ended Thursday.",
        )
        == []
    )


def test_a_past_day_reported_differently_a_day_later_conflicts() -> None:
    assert findings(
        "A freight train derailed late Sunday near Calder Bend, spilling styrene.",
        "The freight train that derailed Saturday night near Calder Bend spilled styrene.",
        published=(date(2024, 6, 10), date(2024, 6, 11)),
    ) == ["date-conflict"]


def test_a_wire_original_with_a_time_is_not_the_copy_of_its_dateless_syndication() -> None:
    body = "Floods in the river valley killed 40 people on Wednesday, officials said. " * 3
    wire = Article(
        id="wire",
        source="Wire",
        published=datetime(2024, 10, 14, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        text=body,
    )
    paper = Article(id="paper", source="Paper", published=date(2024, 10, 14), text="Most read\n" + body)
    assert find_duplicates([paper, wire]) == {"paper": "wire"}


def test_the_extent_of_what_happened_is_still_a_figure() -> None:
    """A measure written as one word before "radius" or "stretch" is the extent of the event."""
    frame = frame_of("Police cleared homes within a 2-mile radius of the plant.", "2-mile")
    assert frame.not_a_quantity is None


@pytest.mark.parametrize(
    ("sentence", "span", "degree"),
    [
        ("Doctors said around 40 people were seriously injured in the blast.", "around 40", "seriously"),
        ("The crash critically injured 3 passengers, police said.", "3", "critically"),
        ("The blast injured 140 people, doctors said.", "140", None),
    ],
)
def test_a_degree_on_what_happened_marks_a_subset(sentence: str, span: str, degree: str | None) -> None:
    assert frame_of(sentence, span).degree == degree


def test_a_subset_by_degree_or_another_set_does_not_contradict_the_total() -> None:
    article = (
        "The explosion at the fertiliser plant injured 140 people, the regional governor said. "
        "Doctors at the city hospital said around 40 people were seriously injured. "
        "Two workers died at the site. Three other people died later in hospital."
    )
    assert findings(article) == []


def test_a_figure_of_a_past_period_is_not_the_story_s_figure() -> None:
    """A count placed in a year or month tells of another event ("In 2004 ... killed
    170,000"), within one article and across outlets."""
    article = (
        "The quake killed 12 people in the coastal district, officials said on Tuesday. "
        "In 2010, a stronger quake in the same region killed 1,100 people."
    )
    assert findings(article) == []
    assert (
        findings(
            "The quake killed 12 people in the coastal district, officials said on Tuesday.",
            "In March 2010, a quake in the coastal district killed 1,100 people.",
        )
        == []
    )


def test_two_models_of_one_launch_do_not_conflict() -> None:
    assert (
        findings(
            "The 14-inch laptop starts at $1,599 and the 16-inch model at $2,499, the company said.",
            "Buyers can choose the 16-inch laptop or a smaller 14-inch laptop with the same chip.",
        )
        == []
    )


def test_figures_of_sentences_that_name_other_moments_are_two_events() -> None:
    """Within one article, sentences dated to different moments tell of different events;
    the day a statement was made is no moment of the event."""
    two_quakes = (
        "The first quake struck at 2:10 a.m. and had a depth of 9 miles, the survey said. "
        "A second quake struck at 4:45 a.m. and had a depth of 3 miles, the survey said."
    )
    assert findings(two_quakes) == []
    restated = (
        "The storm destroyed 5,400 homes across the province on Monday, officials said. "
        "In total, 4,500 homes were destroyed by the storm, the governor said on Tuesday."
    )
    assert findings(restated) == ["internal-conflict"]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Rescuers found the bodies of two more victims in the village on Tuesday.", "two"),
        ("Two of the dead were children, the ministry said.", "Two"),
        ("The company said $200 million of the price will be paid in cash.", "$200 million"),
    ],
)
def test_an_increment_or_a_part_is_another_set(sentence: str, span: str) -> None:
    assert frame_of(sentence, span).other_set


def test_a_hedged_total_is_no_increment() -> None:
    assert not frame_of("The flood killed 300 or more people in the valley.", "300").other_set


def test_a_night_and_the_small_hours_after_it_are_one_moment() -> None:
    assert (
        findings(
            "The singer checked into the clinic in Rancho Verde on Monday night, her spokesman said.",
            "The singer checked into the clinic in Rancho Verde at 1:30 a.m. Tuesday, her spokesman said.",
        )
        == []
    )


def test_a_poll_s_finding_after_its_margin_of_error_is_a_figure() -> None:
    frame = frame_of("The poll, with a margin of error of 3 points, found 52% support the plan.", "52%")
    assert frame.not_a_quantity is None


def test_the_reported_period_is_the_story_s_own() -> None:
    """A count of the month just ended is what the story reports ("cut 3,000 jobs in May"
    in a June report); only an earlier period tells of another event."""
    assert findings(
        "The carmaker Korvath cut 3,000 jobs in May, the union said.",
        "The carmaker Korvath cut 2,000 jobs, the union said.",
    ) == ["figure-conflict"]
    assert (
        findings(
            "The carmaker Korvath cut 3,000 jobs in May 2019, the union said.",
            "The carmaker Korvath cut 2,000 jobs, the union said.",
        )
        == []
    )


def test_a_fall_from_a_ridge_is_a_measure_not_a_location() -> None:
    frame = frame_of("The climber fell 150 metres from a ridge near the summit.", "150 metres")
    assert frame.not_a_quantity is None


def test_figures_scoped_to_different_names_are_not_compared() -> None:
    """A share of the traffic to one country, a toll across a continent, the price of
    another deal: each answers another question than the story's own figure."""
    assert (
        findings(
            "The cut cables carry more than 75 percent of traffic between the Middle East and Europe.",
            "Sixty-five per cent of traffic to India was down after the cables were cut.",
        )
        == []
    )
    assert (
        findings(
            "In 2004 a tsunami killed 170,000 people in the province.",
            "The 2004 tsunami killed about 230,000 people across Asia.",
        )
        == []
    )
    assert (
        findings(
            "Analysts recalled the $19 billion purchase of Compaq Computer by Hewlett-Packard.",
            "Analysts said the $13 billion acquisition of Electronic Data Systems will pay off.",
        )
        == []
    )


def test_distances_from_different_places_are_not_compared() -> None:
    assert (
        findings(
            "The quake was centred seven miles from Anderson Springs, the survey said.",
            "The quake was centred about two miles from The Geysers, the survey said.",
        )
        == []
    )


def test_thousands_is_a_floor_not_a_ceiling() -> None:
    """Writers say "thousands" of 15,000 as readily as of 3,000: it rules out only fewer."""
    article = (
        "Thousands of villagers have been ordered to leave their homes or forced to flee the "
        "fighting. The army told residents of many areas to leave, forcing at least 15,000 "
        "villagers to flee to safety elsewhere."
    )
    assert findings(article) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Two arrests of one story: other people.
        (
            "Chargers lineman Jamal Williams was arrested early Sunday on suspicion of drunken driving.",
            "Chargers receiver Vincent Jackson was arrested on Saturday on suspicion of drunken driving.",
        ),
        # Two bombings: other places.
        (
            "A refugee camp in Unity state was bombed on Thursday, witnesses said.",
            "Aircraft bombed a market in Upper Nile state on Tuesday, witnesses said.",
        ),
        # People, in general, on two days: two gatherings.
        (
            "On Wednesday night, about 200 people attended the vigil.",
            "On Monday, about 130 people attended the march to the precinct.",
        ),
        # A date that names another event ("Friday's semifinal").
        (
            "Creighton advances to play Saturday in a semifinal against Indiana State.",
            "Creighton will play the winner of Friday's second semifinal, Evansville against Indiana State.",
        ),
        # One day of a longer event: a trial resumes, a video is shown during it.
        (
            "The trial of the two men is scheduled to resume Monday, with testimony from a witness.",
            "The trial of the two men began on Thursday at the county court.",
        ),
        (
            "A video was shown at the court on Thursday during the trial of the two men.",
            "The trial of the two men began on Monday at the county court.",
        ),
        # The day of a statement, with whom it was made to between.
        (
            "A cousin told news outlets Wednesday that the teen was carrying a gun for a friend.",
            "The teen was carrying a gun on Saturday, a cousin said.",
        ),
    ],
)
def test_dates_of_other_events_or_statements_are_not_compared(first: str, second: str) -> None:
    assert findings(first, second) == []


def test_one_event_named_alike_still_conflicts() -> None:
    assert findings(
        "Hewlett-Packard announced on Tuesday that it will acquire EYP Mission Critical Facilities.",
        "Hewlett-Packard Co. announced on Monday that it will acquire EYP Mission Critical Facilities Inc.",
    ) == ["date-conflict"]
