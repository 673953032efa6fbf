"""Sentence segmentation: edge cases of news text, noise clipping, quotation spans."""

from __future__ import annotations

import pytest

from claimcheck.ingest.sentences import split_sentences


def texts(text: str, noise: list[tuple[int, int, str]] | None = None) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, noise or [])]


CASES = [
    # (name, text, expected sentences)
    (
        "two plain sentences",
        "Rain fell all day. The river rose.",
        ["Rain fell all day.", "The river rose."],
    ),
    (
        "month abbreviation before a day",
        "Talks began on Sept. 21 in Geneva. They ended a day later.",
        ["Talks began on Sept. 21 in Geneva.", "They ended a day later."],
    ),
    (
        "country initials inside a sentence",
        "The U.S. Army sent 40 trucks. Aid arrived on Monday.",
        ["The U.S. Army sent 40 trucks.", "Aid arrived on Monday."],
    ),
    (
        "country initials ending a sentence",
        "The envoy flew back to the U.S. The president met him there.",
        ["The envoy flew back to the U.S.", "The president met him there."],
    ),
    (
        "department abbreviation",
        "A State Dept. spokesman declined to comment on the 12 visas.",
        ["A State Dept. spokesman declined to comment on the 12 visas."],
    ),
    (
        "ambiguous abbreviation then a starter",
        "The fund is run by Acme Corp. The firm manages $2.3bn.",
        ["The fund is run by Acme Corp.", "The firm manages $2.3bn."],
    ),
    (
        "a.m. before a weekday",
        "The polls open at 7 a.m. Friday and close at 8 p.m. local time.",
        ["The polls open at 7 a.m. Friday and close at 8 p.m. local time."],
    ),
    (
        "a.m. ending a sentence",
        "The blast happened at 6 a.m. Police closed the road.",
        ["The blast happened at 6 a.m.", "Police closed the road."],
    ),
    (
        "initials ending a sentence before a starter",
        "He was born in Washington, D.C. He moved to Ohio in 1990.",
        ["He was born in Washington, D.C.", "He moved to Ohio in 1990."],
    ),
    (
        "month abbreviation with a year and a time zone",
        "It began in Jan. 2020 at 3 p.m. ET on a Friday.",
        ["It began in Jan. 2020 at 3 p.m. ET on a Friday."],
    ),
    (
        "date at the end of a sentence",
        "The vote is set for Oct. 3. Officials expect 40,000 voters.",
        ["The vote is set for Oct. 3.", "Officials expect 40,000 voters."],
    ),
    (
        "quotation then a new sentence with a capital",
        '"Not me!" The crowd laughed.',
        ['"Not me!"', "The crowd laughed."],
    ),
    (
        "space after an opening quotation",
        'He left, she said. " We will miss him.',
        ["He left, she said.", '" We will miss him.'],
    ),
    (
        "four dots end a sentence",
        "Nobody answered.... People went home.",
        ["Nobody answered....", "People went home."],
    ),
    (
        "constable is a title",
        "Police Const. Tim Moore said 12 cars were hit.",
        ["Police Const. Tim Moore said 12 cars were hit."],
    ),
    (
        "titles",
        "Mr. Aliyev met Dr. Ruiz and Gen. Park.",
        ["Mr. Aliyev met Dr. Ruiz and Gen. Park."],
    ),
    (
        "initials",
        "J. R. R. Tolkien outsold George W. Bush. Nobody was surprised.",
        ["J. R. R. Tolkien outsold George W. Bush.", "Nobody was surprised."],
    ),
    (
        "number abbreviation",
        "The bill, No. 5 on the list, passed.",
        ["The bill, No. 5 on the list, passed."],
    ),
    (
        "decimals and money",
        "Growth was 1.5 percent, or $2.3bn. Inflation hit 3.25%.",
        ["Growth was 1.5 percent, or $2.3bn.", "Inflation hit 3.25%."],
    ),
    (
        "e.g. never ends a sentence",
        "Some towns, e.g. Lyon, voted early.",
        ["Some towns, e.g. Lyon, voted early."],
    ),
    (
        "ellipsis inside a sentence",
        "He said the deal was... complicated, and left.",
        ["He said the deal was... complicated, and left."],
    ),
    (
        "ellipsis then a new sentence",
        "The line went quiet... Then the shelling resumed.",
        ["The line went quiet...", "Then the shelling resumed."],
    ),
    ("unicode ellipsis", "Wait… The results are in.", ["Wait…", "The results are in."]),
    (
        "question and exclamation",
        "Is the truce holding? Nobody knows! Talks resume today.",
        ["Is the truce holding?", "Nobody knows!", "Talks resume today."],
    ),
    (
        "question inside a quotation with attribution",
        '"Why now?" she asked. The minister did not answer.',
        ['"Why now?" she asked.', "The minister did not answer."],
    ),
    (
        "multi-sentence quotation keeps its attribution",
        '"We have 200 buses. We need 300," the mayor said. The council agreed.',
        ['"We have 200 buses. We need 300," the mayor said.', "The council agreed."],
    ),
    (
        "attribution by name after a closing quotation",
        '"The bridge is safe." Park said on Monday. Traffic resumed.',
        ['"The bridge is safe." Park said on Monday.', "Traffic resumed."],
    ),
    (
        "attribution with a title",
        '"The bridge is safe." Mr. Park told reporters.',
        ['"The bridge is safe." Mr. Park told reporters.'],
    ),
    (
        "curly quotation with two sentences",
        "“It will take time. It will cost money,” she said. Work starts in May.",
        ["“It will take time. It will cost money,” she said.", "Work starts in May."],
    ),
    (
        "quotation followed by a new sentence",
        'He called the plan "a disaster." The mayor disagreed.',
        ['He called the plan "a disaster."', "The mayor disagreed."],
    ),
    (
        "quotation without attribution stays whole",
        '"We lost 40 homes. We lost everything."',
        ['"We lost 40 homes. We lost everything."'],
    ),
    (
        "unclosed quotation does not swallow the paragraph",
        '"We will rebuild. The town will return. It has before.',
        ['"We will rebuild.', "The town will return.", "It has before."],
    ),
    (
        "line break ends a headline",
        "Flood waters reach 5 metres\nOfficials ordered 2,000 people out on Monday.",
        ["Flood waters reach 5 metres", "Officials ordered 2,000 people out on Monday."],
    ),
    (
        "blank lines and indentation",
        "  First line.  \n\n\t Second line.\n",
        ["First line.", "Second line."],
    ),
    (
        "bullet marker is not part of the sentence",
        "• Officials counted 12 votes.",
        ["Officials counted 12 votes."],
    ),
    ("windows line ends", "One line.\r\nAnother line.\r\n", ["One line.", "Another line."]),
    (
        "lower-case word after a full stop",
        "It costs approx. five dollars and rose in the U.S. market.",
        ["It costs approx. five dollars and rose in the U.S. market."],
    ),
    (
        "sentence starting with a digit",
        "The vote was held in 2023. 300 people attended.",
        ["The vote was held in 2023.", "300 people attended."],
    ),
    (
        "closing bracket after a full stop",
        "The count rose (officials confirmed it.) Aid kept coming.",
        ["The count rose (officials confirmed it.)", "Aid kept coming."],
    ),
    (
        "url is not split",
        "See example.com/report.html for the 40 pages.",
        ["See example.com/report.html for the 40 pages."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []


def test_noise_line_dropped() -> None:
    text = "Real sentence here.\n2 Min Read\nAnother real one."
    start = text.index("2 Min")
    assert texts(text, [(start, start + len("2 Min Read"), "furniture")]) == [
        "Real sentence here.",
        "Another real one.",
    ]


def test_noise_covering_part_of_a_line_clips_the_sentence() -> None:
    text = "Crews cleared the road on Monday.\u00a0 Photo: City Archive\nNext line."
    start = text.index("Photo")
    noise = [(start, text.index("\n"), "furniture")]
    assert texts(text, noise) == ["Crews cleared the road on Monday.", "Next line."]


def test_noise_across_several_lines() -> None:
    text = "Keep this.\nMost Read\nOther story 1\nOther story 2\nKeep this too."
    start, end = text.index("Most"), text.index("\nKeep this too")
    assert texts(text, [(start, end, "teaser")]) == ["Keep this.", "Keep this too."]


def test_noise_in_the_middle_of_a_line_leaves_two_parts() -> None:
    text = "Before the box. ADVERT After the box."
    start = text.index("ADVERT")
    assert texts(text, [(start, start + 6, "furniture")]) == ["Before the box.", "After the box."]


def test_offsets_index_the_original_text() -> None:
    text = "  Alpha rose 5%.   Beta fell 2%.\n\n  Gamma held."
    for sentence in split_sentences(text):
        chunk = text[sentence.start : sentence.end]
        assert chunk == chunk.strip()
        assert chunk


QUOTE_CASES = [
    ("straight double", 'He said "no deal" twice.', ['"no deal"']),
    ("curly double", "He said “no deal” twice.", ["“no deal”"]),
    ("curly single", "He said ‘no deal’ twice.", ["‘no deal’"]),
    ("straight single", "He called it 'a joke' twice.", ["'a joke'"]),
    ("apostrophes are not quotations", "The mayor's plan and the workers' union can't agree.", []),
    ("curly apostrophe inside a quotation", "“We don’t know,” she said.", ["“We don’t know,”"]),
    (
        "nested quotation is one span",
        "“He told me ‘wait’ and left,” she said.",
        ["“He told me ‘wait’ and left,”"],
    ),
    ("angle quotes", "Il a dit «non» hier.", ["«non»"]),
    (
        "unclosed runs to the end of the line",
        '"We will rebuild, she said\nNext.',
        ['"We will rebuild, she said'],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in QUOTE_CASES], ids=[c[0] for c in QUOTE_CASES])
def test_quoted_spans(text: str, expected: list[str]) -> None:
    spans = [text[a:b] for s in split_sentences(text) for a, b in s.quoted]
    assert spans == expected


def test_quoted_spans_are_inside_their_sentence() -> None:
    text = '"We won. It was hard," he said. "Next year," she added, "we go again."'
    for sentence in split_sentences(text):
        for start, end in sentence.quoted:
            assert sentence.start <= start < end <= sentence.end
