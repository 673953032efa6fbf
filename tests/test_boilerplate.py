"""The boilerplate filter: line kinds on pages written here, and the seed pages by path."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from claimcheck.errors import RuleFileError
from claimcheck.ingest.boilerplate import find_noise
from tests.shared import SEEDS

P1 = "The council approved a budget of $4.2 million on Tuesday, officials said."
P2 = "Mayor Ellen Park said the plan would add 120 bus routes by 2026."
P3 = "Opponents argued that a 3% tax increase would hurt small shops in the old town."


def kind_of(text: str, needle: str) -> str | None:
    """The kind of the noise region covering `needle` (its first occurrence), or None."""
    start = text.index(needle)
    end = start + len(needle)
    for region_start, region_end, kind in find_noise(text):
        if region_start < end and start < region_end:
            assert region_start <= start and end <= region_end, "region cuts through the needle"
            return kind
    return None


CASES = [
    # (name, text, needle, expected kind or None)
    ("menu bullets", f"  • Home\n  • World\n  • Business\n  • Sport\n\n{P1}", "World", "menu"),
    ("menu leaves body", f"  • Home\n  • World\n  • Business\n\n{P1}", P1, None),
    (
        "menu link line between entries",
        "News\n  • Politics\n  • Economy\nVideos\n  • Explainers\n  • Features\n\n" + P1,
        "Videos",
        "menu",
    ),
    ("menu link line above entries", "News\n  • Politics\n  • Economy\n\n" + P1, "News", "menu"),
    (
        "unbulleted navigation run",
        f"Home\nWorld\nBusiness\nSport\nWeather\n\n{P1}",
        "Business",
        "menu",
    ),
    (
        "three short lines are not a menu",
        f"{P1}\n\nKey dates\nBudget vote\nFinal reading\n\n{P2}",
        "Budget vote",
        None,
    ),
    ("cookie notice", f"{P1}\nWe use cookies to improve your experience.\n", "cookies", "furniture"),
    ("tag line", f"{P1}\n\nTags: Budget, City Council, Transport\n", "Tags:", "menu"),
    ("pipe navigation", f"Home | World | Business | Sport\n\n{P1}", "Home | World", "menu"),
    (
        "bulleted facts are content",
        f"{P1}\n\n• 300 people were moved from the valley.\n• 12 homes destroyed\n",
        "12 homes destroyed",
        None,
    ),
    (
        "bulleted facts in words are content",
        f"{P1}\n\n• Schools closed for two weeks\n• Roads cut off in the north\n\n{P2}",
        "two weeks",
        None,
    ),
    (
        "sentence-case menu entries",
        f"  • Cost of living\n  • Climate change\n  • World news\n\n{P1}",
        "Climate change",
        "menu",
    ),
    ("single bullet is content", f"{P1}\n\n• Vote postponed\n\n{P2}", "Vote postponed", None),
    (
        "ticker header and lines",
        f"BREAKING\nTwo ministers resign over fuel prices\nStorm closes 40 schools\n\n{P1}",
        "Storm closes 40 schools",
        "ticker",
    ),
    ("ticker stops at blank line", f"BREAKING\nStorm closes 40 schools\n\n{P1}", P1, None),
    (
        "bulleted LIVE is a badge, not a ticker",
        f"  • Video\n  • • LIVE\nNews\n\n{P1}",
        "LIVE",
        "furniture",
    ),
    (
        "inline teaser box",
        f"{P1}\n\nRead More\n\nCouncil delays vote on stadium plan\n\nLoading...\n\n{P2}\n\n{P3}",
        "Council delays vote",
        "teaser",
    ),
    (
        "inline teaser ends at the article",
        f"{P1}\n\nRead More\n\nCouncil delays vote on stadium plan\n\nLoading...\n\n{P2}\n\n{P3}",
        P2,
        None,
    ),
    (
        "subheading after an inline teaser is content",
        f"{P1}\n\nRead more\n\nCouncil delays vote on stadium plan\n\nBudget details\n\n{P2}\n\n{P3}",
        "Budget details",
        None,
    ),
    (
        "read more line",
        f"{P1}\n\nRead more: Council delays vote on stadium plan\n\n{P2}",
        "Read more:",
        "teaser",
    ),
    (
        "read more upper case",
        f"{P1}\nREAD MORE: Five things to know about the budget\n",
        "READ MORE",
        "teaser",
    ),
    ("also read with dash", f"{P1}\nAlso read - Rail strike called off\n", "Rail strike", "teaser"),
    (
        "most read list with dates",
        f"{P1}\n\n{P2}\n\nMost Read\n\nFive arrested after protest at city hall\n\n  • Politics\n"
        "  • 12 Mar 2024\nFlooding forces 2,000 from homes\n",
        "12 Mar 2024",
        "teaser",
    ),
    (
        "list summary paragraph belongs to its card",
        f"{P1}\n\n{P2}\n\nYou may also like\n\nFlooding forces 2,000 from homes\n\n"
        "Rising water pushed 2,000 people out of riverside streets on Monday night.\n\n"
        "Rail strike called off\n",
        "Rising water",
        "teaser",
    ),
    (
        "list caption with credit belongs to its card",
        f"{P1}\n\nRead Next\n\nA crowd gathers near the old bridge on Monday, March 11, 2024 (AP)\n"
        "Politics\n\nBridge to close for 18 months\n",
        "A crowd gathers",
        "teaser",
    ),
    (
        "article resumes after a list",
        f"Most popular\n\nFlooding forces 2,000 from homes\nRail strike called off\n\n{P1}\n\n{P2}",
        P2,
        None,
    ),
    (
        "numbered list of stories inside the article",
        f"{P1}\n\nKeep reading\nlist of 3 items\nlist 1 of 3\nRail strike called off\n"
        f"list 2 of 3\nBridge to close for 18 months\nend of list\n\n{P2}\n\n{P3}",
        "Bridge to close",
        "teaser",
    ),
    (
        "article resumes after a numbered list",
        f"{P1}\n\nKeep reading\nlist of 3 items\nlist 1 of 3\nRail strike called off\n"
        f"list 2 of 3\nBridge to close for 18 months\nend of list\n\n{P2}\n\n{P3}",
        P2,
        None,
    ),
    ("separator rule", f"{P1}\n___\n{P2}", "___", "furniture"),
    ("link copied", f"{P1}\nLink Copied!\n{P2}", "Link Copied", "furniture"),
    ("more from section", f"{P1}\n\n{P2}\n\nMore from Business News\n", "More from", "teaser"),
    ("reading time", f"By Jane Doe\n2 Min Read\n\n{P1}", "2 Min Read", "furniture"),
    ("reading time minutes", f"{P1}\n5-minute read\n", "5-minute read", "furniture"),
    ("loading", f"{P1}\n\nLoading...\n\n{P2}", "Loading", "furniture"),
    ("share count", f"{P1}\n1.2K Shares\n", "1.2K Shares", "furniture"),
    ("comment count", f"{P1}\nComments (14)\n", "Comments (14)", "furniture"),
    ("advertisement", f"{P1}\nADVERTISEMENT\n{P2}", "ADVERTISEMENT", "furniture"),
    (
        "copyright",
        f"{P1}\n© 2024 Example Media Ltd. All rights reserved.\n",
        "Example Media",
        "furniture",
    ),
    ("all rights reserved", f"{P1}\n\nAll Rights Reserved\n", "All Rights", "furniture"),
    ("app store", f"{P1}\n\nDownload on the App Store\n", "App Store", "furniture"),
    ("image file name", f"IMG_2041.jpg\n\n{P1}", "IMG_2041.jpg", "furniture"),
    ("untitled design", f"Untitled design (3)\n\n{P1}", "Untitled design", "furniture"),
    ("share buttons", f"{P1}\nFacebook Twitter Email\n{P2}", "Facebook Twitter", "furniture"),
    ("share icon letter", f"  • x\n\n{P1}", "x", "furniture"),
    ("agency credit", f"{P1}\n\nReuters\n\n{P2}", "Reuters", "furniture"),
    ("archive credit", f"{P1}\nCity Archive\n{P2}", "City Archive", "furniture"),
    ("photo agency credit", f"{P1}\nAP Photo/Jane Doe\n{P2}", "AP Photo", "furniture"),
    ("photo label credit", f"{P1}\nPhoto: Jane Doe\n{P2}", "Photo: Jane Doe", "furniture"),
    (
        "caption keeps its text, loses its credit",
        f"Workers repair the bridge on the river on Monday.\u00a0 Photo: City Archive\n\n{P1}",
        "Workers repair the bridge",
        None,
    ),
    (
        "trailing photo credit",
        f"Workers repair the bridge on the river on Monday.\u00a0 Photo: City Archive\n\n{P1}",
        "Photo: City Archive",
        "furniture",
    ),
    ("image source credit", f"Image source, Getty Images\n{P1}", "Getty", "furniture"),
    ("advertisement with a call", f"{P1}\nAdvertisement - scroll to continue\n", "scroll", "furniture"),
    ("newsletter call", f"{P1}\nSign up for our daily newsletter\n{P2}", "Sign up", "furniture"),
    (
        "wire trailer",
        f"{P1}\n\n(Reporting by Jane Doe in Geneva; Editing by John Roe and Ann Kay)\n",
        "Editing",
        "furniture",
    ),
    (
        "more from outlet with a headline is one teaser line",
        f"{P1}\n\nMore from Example Post: Floods reach the capital\n\n{P2}\n\n{P3}",
        "Floods reach",
        "teaser",
    ),
    (
        "paragraph after a one-line teaser is content",
        f"{P1}\n\nMore from Example Post: Floods reach the capital\n\n{P2}\n\n{P3}",
        P2,
        None,
    ),
    (
        "prose right under a list header ends the list",
        f"{P1}\n\nMost Read\n\n{P2}\n\nRail strike called off\n",
        P2,
        None,
    ),
    (
        "advert word in prose is content",
        f"Advertisement spending rose 5% last year, the survey found.\n{P1}",
        "spending",
        None,
    ),
    ("byline", f"By Jane Doe and John Roe\n\n{P1}", "Jane Doe", "byline"),
    (
        "date line with time and zone",
        f"Updated: Sept. 22, 2023 at 10:43 a.m. EDT\n\n{P1}",
        "10:43",
        "byline",
    ),
    (
        "glued date, time, zone and update",
        f"By Jane Doe\nMarch 12, 20245:51 PM GMT+3Updated a year ago\n\n{P1}",
        "PM GMT",
        "byline",
    ),
    ("last modified on", f"{P1}\nLast modified on Tue 12 Mar 2024 11.02 GMT\n{P2}", "Last", "byline"),
    ("numeric offset", f"Posted: Tue, 12 Mar 2024 10:43:00 +0300\n\n{P1}", "+0300", "byline"),
    ("middle dot separator", f"12 March 2024 · 10:43\n\n{P1}", "10:43", "byline"),
    ("month and year alone are not a byline", f"{P1}\n\nMarch 2024\n\n{P2}", "March 2024", None),
    ("save button", f"{P1}\nSave\n{P2}", "Save", "furniture"),
    ("numeric date line", f"22/09/2023 10:43\n\n{P1}", "22/09", "byline"),
    ("weekday date line", f"Friday, 22 September 2023\n\n{P1}", "Friday", "byline"),
    ("byline with agency", f"By Jane Doe | Reuters\n\n{P1}", "Jane Doe", "byline"),
    ("published date line", f"Published: 12 March 2024, 10:43 GMT\n\n{P1}", "12 March", "byline"),
    ("updated ago", f"Updated 3 hours ago\n\n{P1}", "3 hours", "byline"),
    ("date with time", f"  • By Staff\n  • 22 Sep 2023 10:43\n\n{P1}", "22 Sep", "byline"),
    ("source beside byline", f"By Jane Doe\nSource: Agencies\n\n{P1}", "Agencies", "byline"),
    ("source alone after article", f"{P1}\n\nSource: City Hall\n\n{P2}", "City Hall", "furniture"),
    (
        "sentence starting with By is content",
        f"By the end of 2024, 300 buses will run.\n{P1}",
        "By the end",
        None,
    ),
    ("orphan label at the end", f"{P1}\n\n{P2}\n\nRoute 6", "Route 6", "furniture"),
    (
        "second copy of a caption",
        f"Crews cleared the road near the old mill on Monday.\n\n{P1}\n\n"
        "Crews cleared the road near the old mill  on Monday.\n\n{P2}",
        "mill  on",
        "furniture",
    ),
    (
        "first copy of a caption stays",
        f"Crews cleared the road near the old mill on Monday.\n\n{P1}\n\n"
        "Crews cleared the road near the old mill  on Monday.\n\n{P2}",
        "mill on",
        None,
    ),
    ("short repeated lines are not copies", f"Budget details\n{P1}\nBudget details\n{P2}", P2, None),
    ("lone headline is content", "Council approves budget", "Council approves budget", None),
    ("subheading between paragraphs", f"{P1}\n\nBudget details\n\n{P2}", "Budget details", None),
    (
        "caption with a date is content",
        f"Residents queue for water in Springfield on Sept. 21, after the storm (AFP)\n\n{P1}",
        "Sept. 21",
        None,
    ),
    (
        "embedded post attribution is content",
        f"{P1}\n\n— Jane Doe (@janedoe) March 12, 2024\n\n{P2}",
        "March 12, 2024",
        None,
    ),
    (
        "paragraph with a colon is content",
        f"Officials: the plan costs $2bn and starts in May.\n{P1}",
        "Officials",
        None,
    ),
]


# Blocks of page noise: written here in the layouts of scraped pages (never copied).
BLOCK_CASES = [
    (
        "box header in capitals runs to the article",
        f"{P1}\n\nWHAT’S ON\nSat., Nov. 2 | Harvest Fair | 10 a.m. | $5 | Mill Park, 2.1 mi\n"
        f"Sun., Nov. 3 | Choir concert | 4 p.m. | Free\n{P2}\n{P3}",
        "Harvest Fair",
        "box",
    ),
    (
        "article resumes after a box",
        f"{P1}\n\nWHAT’S ON\nSat., Nov. 2 | Harvest Fair | 10 a.m. | $5\n{P2}\n{P3}",
        P2,
        None,
    ),
    (
        "markers ignore case and punctuation",
        f"{P1}\n**Most popular:**\n1. Ferry fares rise 40 cents\n2. Mill closes after 80 years\n",
        "Mill closes",
        "teaser",
    ),
    (
        "obituaries in a sidebar",
        f"{P1}\nOBITUARIES\nMarta Lindqvist, 84, of Brenford, died Oct. 2, 2024\nView all obituaries\n"
        f"{P2}\n{P3}",
        "Marta Lindqvist",
        "box",
    ),
    (
        "traffic box items with labels",
        f"{P1}\nTRAFFIC\nRoute 9 northbound: one lane closed until 3 p.m.\n{P2}\n{P3}",
        "one lane closed",
        "box",
    ),
    ("weather line above the article", f"Brenford\nH: 61° L: 44°\n{P1}\n{P2}", "61°", "box"),
    ("market ticker line", f"FTSE 100 8,292.66 +0.4%\nBrent $79.04 -1.3%\n{P1}\n{P2}", "8,292", "box"),
    (
        "league table row inside the article",
        f"{P1}\n{P2}\n1 Brenford Town 12 +15 27\n2 Mill Rovers 12 +9 24\n{P3}",
        "Mill Rovers",
        "box",
    ),
    (
        "fact box line inside the article is content",
        f"{P1}\n{P2}\n- Homes without power: 38,200\n- Estimated restoration: Friday, Oct. 18\n{P3}",
        "Friday, Oct. 18",
        None,
    ),
    (
        "table rows in pipes are content",
        f"{P1}\n{P2}\n| Police | $41.2m | $44.0m | +6.8% |\n{P3}",
        "$41.2m",
        None,
    ),
    (
        "masthead motto",
        f"The Brenford Mercury\nServing the valley since 1871\n{P1}\n{P2}",
        "since",
        "furniture",
    ),
    (
        "a date in a paragraph is no motto",
        f"{P1}\n{P2}\nPrices are the highest since 1990.\n{P3}",
        "since 1990",
        None,
    ),
    (
        "reporter contact after the article",
        f"{P1}\n{P2}\nJo Brandt covers the courts for the Mercury. Reach her at 555-0188.\n",
        "555-0188",
        "furniture",
    ),
    (
        "phone number inside the article is content",
        f"{P1}\nResidents can call 555-0100 for sandbags.\n{P2}\n{P3}",
        "555-0100",
        None,
    ),
    (
        "headline with a figure after the article",
        f"{P1}\n{P2}\n{P3}\nOur 6am briefing with the 5 stories you need\n",
        "6am briefing",
        "teaser",
    ),
    (
        "caption above a credit that dates the photo",
        f"{P1}\nSandbags line Mill Street in Brenford on Oct. 3, 2024. The river rose 2 metres.\n"
        f"Photo: Ana Brook / Oct. 3, 2024\n{P2}\n{P3}",
        "The river rose 2 metres",
        "caption",
    ),
    (
        "wire caption ending in its date and credit",
        f"{P1}\nA tug pulls the ferry into port in Brenford, Norland, October 3, 2024."
        f" Norland Wire/Ana Brook\n{P2}\n{P3}",
        "A tug pulls",
        "caption",
    ),
    (
        "line under a Markdown image",
        f"{P1}\n\n![Mill Street](/img/mill.jpg)\n*Sandbags line Mill Street on Tuesday, Oct. 3.*\n\n"
        f"{P2}\n{P3}",
        "Sandbags line",
        "caption",
    ),
    (
        "gallery counter and its caption",
        f"{P1}\n1 / 12\nRowers pass the old mill at 9 a.m. on Saturday.\nAna Brook/Mercury\n{P2}\n{P3}",
        "Rowers pass",
        "caption",
    ),
    ("a date with slashes is no gallery counter", f"{P1}\n12 / 16 / 08 1:30 PM\n{P2}", "12 / 16", "box"),
    (
        "pull quote repeating a paragraph",
        f"{P1}\n“Twelve officers will not fix a 40% rise in break-ins.”\n"
        "“Twelve more officers will not on their own fix a 40 percent rise in break-ins,” she said.\n"
        f"{P2}",
        "Twelve officers",
        "furniture",
    ),
    (
        "a quotation of its own is content",
        f"{P1}\n“We have never seen the water this high in 40 years.”\n{P2}\n{P3}",
        "never seen",
        None,
    ),
    (
        "date line in segments",
        f"**LIVE** · Last updated 11:58 p.m. MST · 14 updates\n\n{P1}\n{P2}",
        "14 updates",
        "byline",
    ),
    (
        "link bar",
        f"{P1}\n{P2}\n**Results 2024:** [Senate](/s) · [House](/h) · [Measures 1-12](/m)\n",
        "Measures 1-12",
        "menu",
    ),
    (
        "list of stories between list markers",
        f"{P1}\nlist of 2 items\nlist 1 of 2\nFloods kill 11 in the valley\nlist 2 of 2\n"
        f"Dam at 48-year low\nend of list\n{P2}\n{P3}",
        "48-year low",
        "teaser",
    ),
    (
        "cookie banner of any length",
        f"We use cookies to give you the best experience. By clicking Accept you agree to 14 partners"
        f" storing cookies on your device for up to 13 months, as set out in our policy.\n{P1}",
        "14 partners",
        "furniture",
    ),
    ("glued breaking label", f"BreakingTwo climbers rescued after 14-hour search\n{P1}", "14-hour", "teaser"),
]

CASES += BLOCK_CASES


@pytest.mark.parametrize(("text", "needle", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_line_kinds(text: str, needle: str, expected: str | None) -> None:
    assert kind_of(text, needle) == expected


def test_an_embeds_text_printed_under_it_is_furniture() -> None:
    shortcode = '{{< related title="Rail line could take 8 years to reopen" >}}'
    text = f"{P1}\n{shortcode}\nRail line could take 8 years to reopen\n{P2}\n{P3}"
    printed = text.index("\nRail line") + 1
    kinds = {kind for start, end, kind in find_noise(text) if start <= printed < end}
    assert kinds == {"furniture"}


def test_regions_sorted_disjoint_and_index_the_text() -> None:
    text = f"  • Home\n  • World\n\nBREAKING\nStorm closes 40 schools\n\nBy Jane Doe\n2 Min Read\n\n{P1}\n"
    regions = find_noise(text)
    assert regions == sorted(regions)
    for (_, end, _), (start, _, _) in itertools.pairwise(regions):
        assert end <= start
    for start, end, _ in regions:
        assert text[start:end] == text[start:end].strip()
        assert start < end


def test_empty_and_blank_text() -> None:
    assert find_noise("") == []
    assert find_noise("\n\n  \n") == []


def test_custom_rules_dir_overrides_lexicon(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parents[1] / "rules" / "lexicon" / "boilerplate.yaml"
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    data = bundled.read_text(encoding="utf-8").replace(
        "furniture_phrases:\n", "furniture_phrases:\n  - weather widget\n"
    )
    (lexicon / "boilerplate.yaml").write_text(data, encoding="utf-8")
    text = f"{P1}\nWeather widget\n{P2}"
    assert kind_of(text, "Weather widget") is None
    regions = find_noise(text, str(tmp_path))
    assert [text[s:e] for s, e, _ in regions] == ["Weather widget"]


# --- seed pages, read by path -------------------------------------------------

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _readme_surfaces() -> list[tuple[str, str]]:
    """(file prefix, surface) rows of the seed README's claim and time tables."""
    rows = []
    for line in (SEEDS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not re.fullmatch(r"\d{3}(?:, \d{3})*", cells[0]):
            continue
        surface = re.sub(r"\s*\(.*\)$", "", cells[1])
        for prefix in cells[0].split(", "):
            rows.append((prefix, surface))
    return rows


def _covered(regions: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for region_start, region_end, kind in regions:
        if region_start < end and start < region_end:
            return kind
    return None


@needs_seeds
def test_seed_surfaces_survive() -> None:
    """Every claim and time expression of the README tables has an occurrence outside noise,
    except the byline date of 003, which must be in a byline region."""
    rows = _readme_surfaces()
    assert len(rows) > 30
    for prefix, surface in rows:
        text = _seed(prefix)
        regions = find_noise(text)
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
        assert starts, (prefix, surface)
        kinds = {_covered(regions, start, start + len(surface)) for start in starts}
        if re.fullmatch(r"\d{1,2} \w{3} \d{4} \d{2}:\d{2}", surface):
            assert kinds == {"byline"}, (prefix, surface)
        else:
            assert None in kinds, (prefix, surface, kinds)


@needs_seeds
def test_seed_listed_noise_is_covered() -> None:
    """The phrases the README lists as noise ("2 Min Read", "In Five", ...) are covered
    wherever they occur (lower-case ones, like an ordinal, are claims questions, not noise)."""
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("Not claims") :].split("\n\n")[0]
    phrases = [p for p in re.findall(r'"([^"]+)"', paragraph) if p[0].isupper() or p[0].isdigit()]
    assert len(phrases) >= 5
    seen = 0
    for path in sorted(SEEDS.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        regions = find_noise(text)
        for phrase in phrases:
            for found in re.finditer(re.escape(phrase), text):
                seen += 1
                assert _covered(regions, found.start(), found.end()), (path.name, phrase)
    assert seen >= len(phrases)


@needs_seeds
def test_seed_003_page_structure() -> None:
    text = _seed("003")
    regions = find_noise(text)
    kinds = {kind for _, _, kind in regions}
    assert {"menu", "ticker", "teaser", "furniture", "byline"} <= kinds
    # Dates of other stories (their own months and years) never leave teaser/ticker regions.
    for found in re.finditer(r"\b\d{1,2} \w{3} (?:2024|2025)\b|\b\w{3}\. \d{1,2}, 2025\b", text):
        assert _covered(regions, found.start(), found.end()) in ("teaser", "ticker"), found.group()
    # Everything from the first list header to the end of the page is noise.
    start = text.index("\nMost Read\n") + 1
    for line in re.finditer(r"[^\n]+", text[start:]):
        if line.group().strip():
            assert _covered(regions, start + line.start(), start + line.end()), line.group()


@needs_seeds
def test_seed_003_keeps_the_article_of_000() -> None:
    """Every line of the clean copy (000) that appears in the full page (003) is outside
    noise there, except the "Read more:" teaser lines."""
    clean, page = _seed("000"), _seed("003")
    regions = find_noise(page)
    checked = 0
    for line in clean.splitlines():
        line = line.strip()
        position = page.find(line) if line else -1
        if position == -1:
            continue
        checked += 1
        kind = _covered(regions, position, position + len(line))
        if line.lower().startswith("read more:"):
            assert kind == "teaser", line
        else:
            assert kind is None, (kind, line)
    assert checked >= 15
    assert [kind for s, e, kind in find_noise(clean)] == ["teaser", "teaser"]


@needs_seeds
@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_seed_article_paragraphs_survive(prefix: str) -> None:
    """Long lines ending in a full stop or quote (article paragraphs) before the first
    list of other stories are never noise."""
    text = _seed(prefix)
    regions = find_noise(text)
    list_header = re.search(r"\n(?:You may also like|More from [^\n]+|Most popular)\n?", text)
    limit = list_header.start() if list_header else len(text)
    for line in re.finditer(r"[^\n]+", text[:limit]):
        body = line.group().strip()
        if len(body.split()) >= 12 and body[-1] in '.”"':
            assert _covered(regions, line.start(), line.end()) in (None, "furniture"), body[:60]
            if _covered(regions, line.start(), line.end()) == "furniture":
                # Only a trailing credit may be cut from a paragraph line.
                start = next(s for s, e, k in regions if s < line.end() and line.start() < e)
                assert start > line.start() + len(body) // 2


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("  menu_min_items: 2 ", "  menu_min_items: two ", "limits.menu_min_items"),
        ("ticker_headers:\n", "ticker_headers: breaking\nunused_headers:\n", "ticker_headers"),
    ],
    ids=["limit not a number", "list not a list"],
)
def test_bad_lexicon_names_the_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    bundled = Path(__file__).resolve().parents[1] / "rules" / "lexicon" / "boilerplate.yaml"
    text = bundled.read_text(encoding="utf-8")
    assert old in text
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "boilerplate.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        find_noise(P1, str(tmp_path))
    assert caught.value.key == key


# A whole scraped page written for this test: each line is tagged with what it is.
# "=" marks article content (never noise); other tags name the expected kind.
PAGE = """\
menu|  • Home
menu|  • World
menu|    • Europe
menu|    • Africa
menu|Sport
menu|  • Football
menu|  • Tennis
furniture|  • Search
|
ticker|BREAKING
ticker|Port strike enters its 9th day as talks stall
ticker|Two injured in tram collision downtown
|
=|River towns brace for record flood crest
|
byline|By Maria Lind
byline|Published: 14 April 2024, 08:15 BST
furniture|4 min read
|
=|Crews began evacuating 3,400 residents on Sunday, as the river rose 2.1 metres above its usual level.
|
furniture|Photo: Lower Valley Archive
=|Volunteers stack sandbags near the old mill in Brenford on April 13 (AFP)
|
=|"We have never seen the water this high. Please leave," the governor, Tomas Weil, said on Saturday.
|
teaser|Read more: Why spring floods are getting worse
|
=|Rescue teams
|
=|About 40 boats and two helicopters were on standby, and 12 schools had become shelters.
|
=|Forecasters expect the crest to pass Brenford by Tuesday morning.
|
menu|  • Floods
menu|  • Brenford
menu|  • Weather
|
teaser|Related stories
|
teaser|Dam operators release water ahead of storm
teaser|  • Europe
teaser|  • 2 Apr 2024
teaser|Farmers count the cost of a wet winter
teaser|
teaser|Losses could reach 14 million euros, the farmers' union said on Friday.
|
furniture|© 2024 Valley Times. All rights reserved.
furniture|  • Privacy Policy
furniture|  • Cookie Policy
"""


def test_whole_page() -> None:
    tagged = [line.split("|", 1) for line in PAGE.splitlines()]
    text = "\n".join(body for _, body in tagged)
    regions = find_noise(text)
    position = 0
    for tag, body in tagged:
        start, end = position, position + len(body)
        position = end + 1
        if not body.strip():
            continue
        kind = _covered(regions, start, end)
        if tag == "=":
            assert kind is None, body
        else:
            assert kind == tag, (tag, kind, body)
