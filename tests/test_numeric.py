"""Numeric claims: one table per expression family, with pass and fail cases."""

from __future__ import annotations

import math

import pytest

from claimcheck.extract.numeric import Quantity, concept_of, find_quantities, lemma
from tests.shared import SEEDS


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, [(text[q.start : q.end], q.value) for q in found]
    return found[0]


def values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


# ------------------------------------------------------------ numbers in every form

NUMBER_CASES = [
    ("separators", "The club sold 120,000 tickets.", 120000),
    ("spaced thousands", "The club sold 120 000 tickets.", 120000),
    ("decimal", "The index stood at 1.25 points.", 1.25),
    ("leading dot", "The team reached a .500 record.", 0.5),
    ("negative", "The balance fell to -3.5 points.", -3.5),
    ("minus word", "Temperatures dropped to minus 12 degrees.", -12),
    ("word", "Seven ships sank.", 7),
    ("hyphenated word", "Twenty-four hostages were freed.", 24),
    ("compound words", "They hired two hundred and fifty workers.", 250),
    ("a dozen", "A dozen ambulances arrived.", 12),
    ("two dozen", "Two dozen ambulances arrived.", 24),
    ("a hundred", "A hundred doctors signed the letter.", 100),
    ("scale word", "The town has 1.2 million residents.", 1_200_000),
    ("word and scale", "Three million voters stayed home.", 3_000_000),
    ("chained scales", "There were 4 hundred million viewers.", 400_000_000),
    ("letter scale after currency", "The deal is worth $2.3bn.", 2_300_000_000),
    ("capital M", "The app has 4.3M downloads.", 4_300_000),
    ("k", "The car costs about 25k euros more.", 25_000),
    ("m before plural noun", "Smugglers moved 12.3m tonnes of ore.", 12_300_000),
    ("slash fraction", "Add 1/2 cup of sugar.", 0.5),
    ("fraction word", "A third of the staff left.", 1 / 3),
    ("two-thirds", "Two-thirds of the voters agreed.", 2 / 3),
    ("out of", "One out of four homes flooded.", 0.25),
    ("scientific", "The mass is 2.5×10−3 kilograms.", 0.0025),
    ("mixed number", "The cable runs 10 1/2 miles.", 10.5),
    ("lakh grouping", "The loan was 12,34,567 rupees.", 1_234_567),
    ("lakh word", "The loan was 35 lakh rupees.", 3_500_000),
    ("half a million", "Half a million people marched.", 500_000),
    ("quarter million", "It cost a quarter million dollars.", 250_000),
]


@pytest.mark.parametrize(("name", "text", "value"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_number_forms(name: str, text: str, value: float) -> None:
    assert math.isclose(only(text).value, value, rel_tol=1e-9)


# ------------------------------------------------------------ vague amounts and ranges

RANGE_CASES = [
    ("dozens of", "Dozens of people were hurt.", 24, 144),
    ("hundreds of", "Hundreds of homes burned.", 100, 1000),
    ("tens of thousands", "Tens of thousands of people marched.", 10_000, 100_000),
    ("millions of", "Millions of viewers tuned in.", 1_000_000, 10_000_000),
    ("to", "Prices rose by 1 to 1.5 percent.", 1, 1.5),
    ("between and", "Between 10 and 20 boats capsized.", 10, 20),
    ("hyphen", "The route is 252-287 miles long.", 252, 287),
    ("from to", "The range grew from 252 to 287 miles.", 252, 287),
    ("shared scale", "The fine may be $3 to $5 billion.", 3e9, 5e9),
    ("own scales", "Homes cost $800,000 to $1.3 million.", 800_000, 1_300_000),
    ("words with scale", "Four to five thousand fans came.", 4000, 5000),
    ("several dozen", "Several dozen people were wounded in the raid.", 36, 108),
    ("a few hundred", "A few hundred homes lost power.", 200, 500),
    ("a couple of thousand", "A couple of thousand fans stayed on.", 2000, 3000),
    ("several hundred million", "The fund lost several hundred million dollars.", 3e8, 9e8),
]


@pytest.mark.parametrize(("name", "text", "low", "high"), RANGE_CASES, ids=[c[0] for c in RANGE_CASES])
def test_ranges_and_vague_amounts(name: str, text: str, low: float, high: float) -> None:
    quantity = only(text)
    assert quantity.approx == "range"
    assert (quantity.low, quantity.high) == pytest.approx((low, high))


def test_from_to_keeps_the_stated_order() -> None:
    quantity = only("Growth will slow from 4.8 to 4.7 percent.")
    assert (quantity.value, quantity.end_value) == (4.8, 4.7)
    assert quantity.low <= quantity.high


# ------------------------------------------------------------ money and percentages

MONEY_CASES = [
    ("dollar sign", "The ticket costs $149.36.", 149.36, "USD"),
    ("US$", "Oil traded at US$58.24.", 58.24, "USD"),
    ("spaced US $", "Oil traded at US $58.24.", 58.24, "USD"),
    ("euro sign", "The fine was €3 million.", 3_000_000, "EUR"),
    ("pound sign", "Staff get a £1,000 bonus.", 1000, "GBP"),
    ("code prefix", "The flat sold for AUD1.5m.", 1_500_000, "AUD"),
    ("ringgit prefix", "Shares closed at RM23.50.", 23.5, "MYR"),
    ("currency words", "A fine of 10.5 million Australian dollars was set.", 10_500_000, "AUD"),
    ("dollars word", "The repairs cost 300 dollars.", 300, "USD"),
    ("scaled pounds", "The club paid 30 million pounds.", 30_000_000, "GBP"),
]


@pytest.mark.parametrize(("name", "text", "value", "unit"), MONEY_CASES, ids=[c[0] for c in MONEY_CASES])
def test_money(name: str, text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert quantity.kind == "money"
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_cents_have_a_base_in_the_currency() -> None:
    quantity = only("The contract was up 19 cents.")
    assert (quantity.kind, quantity.unit, quantity.base_value, quantity.base_unit) == (
        "money",
        "cent",
        0.19,
        "USD",
    )


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The four-week average fell to 5340,000, the lowest in a year.", "5340,000", 5_340_000),
        ("The initially reported 4730,000 claims were revised on Thursday.", "4730,000", 4_730_000),
    ],
)
def test_thousands_after_a_misplaced_comma_are_one_number(sentence: str, text: str, value: float) -> None:
    # A typo shows a number the reader still reads whole; "5340" alone would be a new figure.
    [quantity] = [q for q in find_quantities(sentence) if q.value == value]
    assert sentence[quantity.start : quantity.end] == text


def test_rate_after_money() -> None:
    quantity = only("They pay a $3,500 a month mortgage.")
    assert (quantity.value, quantity.unit, quantity.per) == (3500, "USD", "month")


@pytest.mark.parametrize(
    ("sentence", "unit", "per"),
    [
        ("The fault slips about 9 mm/yr, the working group estimated.", "millimetre", "year"),
        ("Survey data put the creep at 9 mm / yr along the northern segment.", "millimetre", "year"),
        ("Brent crude rose to $80/barrel on Monday.", "USD", "barrel"),
    ],
)
def test_a_rate_written_with_a_slash(sentence: str, unit: str, per: str) -> None:
    quantity = only(sentence)
    assert (quantity.value in (9, 80), quantity.unit, quantity.per) == (True, unit, per)


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue in the quarter rose to $7.36 billion from $6.78 billion a year earlier.",
        "The index stood at 4.2 percent a month ago, the agency said.",
    ],
)
def test_a_period_followed_by_an_offset_word_is_a_date_not_a_rate(sentence: str) -> None:
    # "a year earlier" is when the figure held, not "per year".
    quantities = [q for q in find_quantities(sentence) if q.unit in ("USD", "percent")]
    assert quantities and all(q.per is None for q in quantities)
    assert "earlier" not in sentence[quantities[-1].start : quantities[-1].end]


PERCENT_CASES = [
    ("sign", "Turnout was 61%.", "percent"),
    ("per cent", "Turnout was 61 per cent.", "percent"),
    ("percent", "Turnout was 61 percent.", "percent"),
    ("pc", "Turnout was 61pc.", "percent"),
    ("percentage points", "Support fell 3 percentage points.", "percentage_point"),
    ("basis points", "Rates rose 25 basis points.", "basis_point"),
]


@pytest.mark.parametrize(("name", "text", "unit"), PERCENT_CASES, ids=[c[0] for c in PERCENT_CASES])
def test_percentages(name: str, text: str, unit: str) -> None:
    quantity = only(text)
    assert (quantity.kind, quantity.unit) == ("percent", unit)


# ------------------------------------------------------------ durations and measures

DURATION_CASES = [
    ("hyphenated hours", "It followed a 24-hour military operation.", 24, "hour", 86400),
    ("one day", "The operation lasted one day.", 1, "day", 86400),
    ("days of", "After two days of fighting, talks began.", 2, "day", 172800),
    ("weeks", "The strike went on for three weeks.", 3, "week", 1_814_400),
    ("minutes", "Rescuers arrived 45 minutes later.", 45, "minute", 2700),
    ("44-day", "It ended the 44-day conflict.", 44, "day", 3_801_600),
]


@pytest.mark.parametrize(
    ("name", "text", "value", "unit", "seconds"), DURATION_CASES, ids=[c[0] for c in DURATION_CASES]
)
def test_durations(name: str, text: str, value: float, unit: str, seconds: float) -> None:
    quantity = only(text)
    assert (quantity.kind, quantity.value, quantity.unit, quantity.base_unit) == (
        "duration",
        value,
        unit,
        "second",
    )
    assert quantity.base_value == pytest.approx(seconds)


def test_duration_subjects_agree_across_wordings() -> None:
    assert only("It followed a 24-hour military operation.").subject == "operation"
    assert only("The operation lasted one day.").subject == "operation"


MEASURE_CASES = [
    ("km", "The convoy drove 40 km.", "kilometre", "metre", 40_000),
    ("miles", "The storm moved 30 miles inland.", "mile", "metre", 48_280.32),
    ("glued GB", "It has 256GB of storage.", "gigabyte", "byte", 256e9),
    ("mph", "Winds reached 155mph.", "mile per hour", "metre per second", 69.2912),
    ("hyphen metre", "They built a 10-metre wall.", "metre", "metre", 10),
    ("degrees Celsius", "It was 38 degrees Celsius.", "celsius", "celsius", 38),
    ("age", "A 50-year-old man was arrested.", "year of age", "year of age", 50),
]


@pytest.mark.parametrize(
    ("name", "text", "unit", "base_unit", "base_value"),
    MEASURE_CASES,
    ids=[c[0] for c in MEASURE_CASES],
)
def test_measures(name: str, text: str, unit: str, base_unit: str, base_value: float) -> None:
    quantity = only(text)
    assert (quantity.kind, quantity.unit, quantity.base_unit) == ("measure", unit, base_unit)
    assert quantity.base_value == pytest.approx(base_value)


@pytest.mark.parametrize(
    "text",
    [
        "The suspect, 34, was arrested on Tuesday.",
        '"We held out and it was worth it," said crane operator Ivo Brak, 34.',
        "Among the injured was the driver, 34; the passengers were unhurt.",
    ],
)
def test_age_in_apposition(text: str) -> None:
    quantity = only(text)
    assert (quantity.kind, quantity.unit, quantity.value) == ("measure", "year of age", 34)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Voters aged 35 were asked.", 35), ("She is 87 years of age.", 87), ("A 50 year-old man left.", 50)],
)
def test_age_wordings(text: str, value: float) -> None:
    quantity = only(text)
    assert (quantity.unit, quantity.value) == ("year of age", value)


def test_age_range() -> None:
    quantity = only("Men aged 18 to 34 were polled.")
    assert (quantity.unit, quantity.low, quantity.high) == ("year of age", 18, 34)


def test_proportion_one_in_five() -> None:
    quantity = only("About one in five children live in poverty.")
    assert (quantity.unit, quantity.approx) == ("fraction", "about")
    assert quantity.value == pytest.approx(0.2)
    assert quantity.low < 0.2 < quantity.high


def test_currency_code_after_the_figure() -> None:
    quantity = only("The rate is 110 JPY today.")
    assert (quantity.kind, quantity.unit) == ("money", "JPY")


def test_prefix_unit() -> None:
    quantity = only("A magnitude 6.8 earthquake struck the coast.")
    assert (quantity.kind, quantity.unit, quantity.value) == ("measure", "magnitude", 6.8)


def test_units_unknown_to_the_lexicon_come_from_quantulum_data() -> None:
    quantity = only("The ship carried 9 furlongs of rope.")
    assert (quantity.kind, quantity.unit) == ("measure", "furlong")


# ------------------------------------------------------------ hedges

HEDGE_CASES = [
    ("about", "About 300 soldiers died.", "about"),
    ("around", "Around 300 soldiers died.", "about"),
    ("nearly", "Nearly 300 soldiers died.", "about"),
    ("some", "Some 300 soldiers died.", "about"),
    ("an estimated", "An estimated 300 soldiers died.", "about"),
    ("more than", "More than 300 soldiers died.", "more_than"),
    ("over", "Over 300 soldiers died.", "more_than"),
    ("at least", "At least 300 soldiers died.", "at_least"),
    ("fewer than", "Fewer than 300 soldiers died.", "less_than"),
    ("under", "It costs under $10.", "less_than"),
    ("up to", "Up to 300 soldiers died.", "at_most"),
    ("no more than", "No more than 300 soldiers died.", "at_most"),
    ("plain", "Exactly 300 soldiers died.", "exact"),
    ("odd after", "The 300-odd delegates voted.", "about"),
    ("plus after", "He has 40-plus years of experience.", "more_than"),
    ("plus sign after", "We expect 500+ visitors.", "more_than"),
    ("or so", "Some 300 people or so attended.", "about"),
    ("or more", "It will take 40 years or more.", "at_least"),
    ("or fewer", "It carried 150 passengers or fewer.", "at_most"),
    ("higher than", "Turnout was higher than 60 percent in the capital.", "more_than"),
    ("lower than", "The beams tested lower than 8.9 ksi under load.", "less_than"),
    # Over an article to an attributive figure; "over a ... period" says when, not how many.
    ("up to a", "The maker says the cell has up to a five-year lifespan.", "at_most"),
    ("nearly a", "Shares posted nearly a 50 percent rise.", "about"),
    ("over a", "The plant grew over a 10-year period.", "exact"),
]


@pytest.mark.parametrize(("name", "text", "approx"), HEDGE_CASES, ids=[c[0] for c in HEDGE_CASES])
def test_hedges(name: str, text: str, approx: str) -> None:
    quantity = only(text)
    assert quantity.approx == approx
    assert quantity.low <= quantity.value <= quantity.high


def test_about_widens_with_roundness() -> None:
    round_figure = only("About 300 soldiers died.")
    precise_figure = only("About 312 soldiers died.")
    assert round_figure.high - round_figure.low > precise_figure.high - precise_figure.low
    assert round_figure.low <= 260 and round_figure.high >= 340


def test_more_than_is_open_above() -> None:
    quantity = only("More than 6,000 people were killed.")
    assert quantity.low == 6000 and quantity.high > 6000


def test_span_includes_the_hedge() -> None:
    text = "Officials said around 2,000 peacekeepers were deployed."
    quantity = only(text)
    assert text[quantity.start : quantity.end] == "around 2,000"


# ------------------------------------------------------------ changes

CHANGE_CASES = [
    ("rose cents", "The contract rose 19 cents.", "up"),
    ("fell percent", "Exports fell 3%.", "down"),
    ("up points", "The index was up 58.06 points.", "up"),
    ("down degrees", "The reading was down 1.5 degrees.", "down"),
    ("increased by", "The deficit increased by $43.6 billion.", "up"),
    ("signed", "DAX -1.6% in early trade.", "down"),
    ("or restatement", "The Dow lost 190 points, or 0.6%.", "down"),
    ("rose to is a level", "Inflation rose to 1.9%.", None),
    ("up from is a level", "It is 78 per cent, up from 50.", None),
    ("phrasal verb", "The defense gave up 517 yards.", None),
    ("weak verb with a count", "The team lost 3 players.", None),
    ("phrasal shot down", "Troops shot down 29 drones.", None),
    ("money raised", "The startup raised $5 million.", None),
    ("raised by", "The firm raised prices by 5%.", "up"),
    ("advancing", "The Halden index closed the week advancing 1.7 percent.", "up"),
]


@pytest.mark.parametrize(("name", "text", "direction"), CHANGE_CASES, ids=[c[0] for c in CHANGE_CASES])
def test_changes(name: str, text: str, direction: str | None) -> None:
    assert find_quantities(text)[0].direction == direction


# ------------------------------------------------------------ not claims

NOT_CLAIM_CASES = [
    ("year", "In 2020, a war broke out."),
    ("date day", "Police guarded the building on Sept. 21."),
    ("day month", "The byline read 22 Sep."),
    ("clock", "It was posted at 10:43."),
    ("a.m.", "The shift began at 11 a.m. sharp."),
    ("time zone", "Trading resumed after 0401 GMT."),
    ("ordinal word", "Protesters rallied for a third day."),
    ("ordinal digits", "The 22nd amendment was debated."),
    ("route", "Traffic was diverted to Route 6."),
    ("section", "They sat in Section 427."),
    ("disease code", "Cases of COVID-19 rose."),
    ("G20", "South Africa chairs the G20."),
    ("model", "A Boeing 737 landed."),
    ("model in capitals", "The 737 MAX was grounded."),
    ("legal count", "The jury acquitted him on count 3."),
    ("chapter", "The firm filed for Chapter 11 protection."),
    ("console", "Sony's PlayStation 5 launched."),
    ("UK phone", "Call 020 7946 0018 for details."),
    ("international phone", "Call +44 20 7946 0018 now."),
    ("leading zero code", "The flight landed at gate 007."),
    ("index name", "The S&P 500 was flat."),
    ("phone", "Call 555-123-4567 for details."),
    ("reading time", "2 Min Read"),
    ("score", "Bristol beat Charlton 2-1 at home."),
    ("decade", "It collapsed in the 1990s."),
    ("year before a period noun", "Its 1988 sales rose."),
    ("lower-case month", "the deal closed on sept. 30 after talks."),
    ("title number word", "Watch the show In Five."),
    ("pronoun one", "She wanted the red one."),
    ("address", "He lives at 49 Zorro Ranch Road."),
    ("year range", "Between 1600 and 1900 it was cold."),
    ("fraction after the", "The final third of the pitch was empty."),
]


@pytest.mark.parametrize(("name", "text"), NOT_CLAIM_CASES, ids=[c[0] for c in NOT_CLAIM_CASES])
def test_not_claims(name: str, text: str) -> None:
    assert find_quantities(text) == []


TALLY_CASES = [
    ("hyphen after voted", "Councillors voted 9-4 to approve the plan.", [9, 4]),
    ("votes to", "The motion passed by 30 votes to 12.", [30, 12]),
    ("by a vote of", "The board backed the offer by a vote of 5-2 on Tuesday.", [5, 2]),
    ("vote after", "In a 7-2 vote, the council rejected the budget.", [7, 2]),
    ("to", "Lawmakers voted 312 to 110 in favour of the bill.", [312, 110]),
    ("court", "The court ruled 6-3 in favour.", [6, 3]),
]


@pytest.mark.parametrize(("name", "text", "votes"), TALLY_CASES, ids=[c[0] for c in TALLY_CASES])
def test_vote_tallies_are_two_counts_of_votes(name: str, text: str, votes: list[int]) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit, q.predicate) for q in found] == [
        (votes[0], "vote", "for"),
        (votes[1], "vote", "against"),
    ]


@pytest.mark.parametrize(
    "text", ["Halden beat the Rivermen 3-1 on Saturday.", "The measure won 52-48 percent of the vote."]
)
def test_scores_and_percent_ranges_are_no_tallies(text: str) -> None:
    assert all(q.unit != "vote" for q in find_quantities(text))


def test_year_with_plural_noun_is_a_count() -> None:
    assert values("Police arrested 2000 people.") == [2000]


def test_small_numbers_are_kept_with_context() -> None:
    assert values("Three ships and 2 planes were lost.") == [3, 2]


# ------------------------------------------------------------ what is counted and what happened

COUNT_CASES = [
    ("passive", "Around 300 soldiers were killed on both sides.", "soldier", "killed"),
    ("verb before", "Russia has deployed around 2,000 peacekeepers.", "peacekeeper", "deployed"),
    ("N of X", "Three cargos of humanitarian help would be delivered.", "cargo", "delivered"),
    (
        "comma aside",
        "More than 6,000 people, including civilians, were killed.",
        "person",
        "killed",
    ),
    ("died", "At least 12 miners died in the blast.", "miner", "killed"),
    ("injured", "Four passengers were injured.", "passenger", "injured"),
    ("population", "Many of the city's 40,000 residents left.", "resident", "population"),
    ("demonym", "The enclave's 120,000 Armenians fear the worst.", "Armenian", "population"),
    ("fled", "Some 5,000 villagers fled the fighting.", "villager", "displaced"),
    ("partitive", "Two of the victims were injured.", "victim", "injured"),
    ("only one", "Only one person was hurt.", "person", "injured"),
    ("joined", "Roughly 15,000 people had joined the walkout by Friday.", "person", "joined"),
    ("took part", "Some 4,200 nurses took part in the strike.", "nurse", "joined"),
]


@pytest.mark.parametrize(
    ("name", "text", "subject", "predicate"), COUNT_CASES, ids=[c[0] for c in COUNT_CASES]
)
def test_counted_noun_and_predicate(name: str, text: str, subject: str, predicate: str) -> None:
    quantity = only(text)
    assert (quantity.kind, quantity.subject, quantity.predicate) == ("count", subject, predicate)
    assert quantity.unit == subject


def test_verb_right_before_the_figure_wins() -> None:
    found = find_quantities("The quake killed at least 2,000 and injured 5,000.")
    assert [q.predicate for q in found] == ["killed", "injured"]


def test_elliptical_count_shares_the_subject() -> None:
    found = find_quantities("At least 42 people were killed and more than 100 injured.")
    assert [(q.subject, q.predicate) for q in found] == [("person", "killed"), ("person", "injured")]


def test_scope_year() -> None:
    assert only("In 2020, more than 6,000 people were killed.").scope == "2020"


CONCEPT_CASES = [
    (["killed", "dead", "deaths", "died", "fatalities", "death toll"], "killed"),
    (["cargos", "shipments", "convoys", "trucks"], "aid_shipment"),
    (["troops", "soldiers", "servicemen", "soldier"], "soldier"),
    (["people", "persons", "individuals"], "person"),
]


@pytest.mark.parametrize(("words", "concept"), CONCEPT_CASES, ids=[c[1] for c in CONCEPT_CASES])
def test_concepts(words: list[str], concept: str) -> None:
    assert {concept_of(word) for word in words} == {concept}


def test_concepts_keep_unrelated_words_apart() -> None:
    assert concept_of("injured") != concept_of("killed")
    assert concept_of("peacekeepers") != concept_of("soldiers")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("soldiers", "soldier"),
        ("people", "person"),
        ("countries", "country"),
        ("Armenians", "Armenian"),
        ("buses", "bus"),
        ("virus", "virus"),
        ("boxes", "box"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_offsets_are_absolute() -> None:
    text = "Headline.\nAround 300 soldiers were killed."
    start = text.index("Around")
    quantity = find_quantities(text, start, len(text))[0]
    assert text[quantity.start : quantity.end] == "Around 300"


# ------------------------------------------------------------ the seed articles

SEED_CLAIMS = [
    # file prefix, claim span, kind, value, approx, base value, subject, predicate
    ("000", "around 300", "count", 300, "about", 300, "soldier", "killed"),
    ("000", "two days", "duration", 2, "exact", 172800, None, None),
    ("000", "one day", "duration", 1, "exact", 86400, "operation", None),
    ("003", "around 300", "count", 300, "about", 300, "soldier", "killed"),
    ("003", "one day", "duration", 1, "exact", 86400, "operation", None),
    ("001", "24-hour", "duration", 24, "exact", 86400, None, None),
    ("002", "24-hour", "duration", 24, "exact", 86400, "operation", None),
    ("004", "24-hour", "duration", 24, "exact", 86400, "operation", None),
    ("001", "More than 6,000", "count", 6000, "more_than", 6000, "person", "killed"),
    ("001", "44-day", "duration", 44, "exact", 3_801_600, "conflict", None),
    ("001", "around 2,000", "count", 2000, "about", 2000, "peacekeeper", "deployed"),
    ("001", "Three", "count", 3, "exact", 3, "cargo", "delivered"),
    ("004", "Three", "count", 3, "exact", 3, "cargo", "delivered"),
    ("002", "Three", "count", 3, "exact", 3, "shipment", "delivered"),
    ("002", "120,000", "count", 120000, "exact", 120000, "Armenian", "population"),
]
SEED_NOISE = ["Route 6", "third day", "Min Read", "10:43", "G20", "In Five", "2023", "2025", "1991"]


def _seed_quantities(prefix: str) -> tuple[str, list[Quantity]]:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip("seed articles not available")
    text = matches[0].read_text(encoding="utf-8")
    found: list[Quantity] = []
    pos = 0
    for line in text.split("\n"):
        found.extend(find_quantities(text, pos, pos + len(line)))
        pos += len(line) + 1
    return text, found


@pytest.mark.parametrize("row", SEED_CLAIMS, ids=[f"{r[0]}-{r[1]}" for r in SEED_CLAIMS])
def test_seed_claims(row: tuple) -> None:
    prefix, surface, kind, value, approx, base_value, subject, predicate = row
    text, found = _seed_quantities(prefix)
    matching = [q for q in found if text[q.start : q.end] == surface]
    assert matching, f"{surface!r} not found in {prefix}"
    quantity = matching[-1]
    assert (quantity.kind, quantity.value, quantity.approx) == (kind, value, approx)
    assert quantity.base_value == pytest.approx(base_value)
    if subject is not None:
        assert concept_of(quantity.subject or "") == concept_of(subject)
    if predicate is not None:
        assert quantity.predicate == predicate


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_noise_makes_no_claim(prefix: str) -> None:
    text, found = _seed_quantities(prefix)
    for quantity in found:
        line_start = text.rfind("\n", 0, quantity.start) + 1
        line_end = text.find("\n", quantity.end)
        span = text[quantity.start : quantity.end]
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        for noise in SEED_NOISE:
            assert noise not in span, (noise, line)
        assert not ("third day" in line and "third" in span), line


def test_seed_cargos_and_shipments_are_one_concept() -> None:
    assert concept_of("cargo") == concept_of("shipment")


def test_overflowing_digit_runs_are_not_figures() -> None:
    text = "The file held " + "9" * 400 + " records and 12 errors."
    found = find_quantities(text)
    assert [q.value for q in found] == [12.0]
