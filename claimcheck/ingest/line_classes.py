"""Line classes for the boilerplate filter (claimcheck.ingest.boilerplate).

Each line of a page gets a class from its own text: text classes by its shape (a
short label, a headline, a caption, prose), marker classes from the lexicon
(rules/lexicon/boilerplate.yaml: furniture, credits, share buttons, bylines, dates,
section and list headers ...). The filter's passes then read the classes of
neighbouring lines to mark blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.ingest.boilerplate_markers import Markers, marker_key

# Line classes. Text classes describe ordinary lines by their shape; marker classes
# come from the lexicon.
BLANK = "blank"
SHORT = "short"  # a label or link: few words, no closing punctuation
HEADLINE = "headline"  # up to headline_max_words, not ending like prose
CAPTION = "caption"  # ends with a parenthesised credit: "... in Yerevan (AFP)"
PROSE = "prose"
FURNITURE = "furniture"
CREDIT = "credit"
SHARE = "share"
BYLINE = "byline"
SOURCE = "source"
DATE = "date"
TICKER_HEADER = "ticker_header"
INLINE_HEADER = "inline_header"
LIST_HEADER = "list_header"
TEASER_LINE = "teaser_line"
MENU_LINE = "menu_line"
SECTION = "section"  # a box header: "WHAT'S ON", "Weather", an all-capitals heading
EMBED = "embed"  # a Markdown image, a shortcode, an HTML comment
DATA = "data"  # mostly numbers and dates: "S&P 500 5,815.03 +0.61%", "H: 64° L: 41°"
GALLERY = "gallery"  # a gallery counter, alone ("1 / 14") or before its caption
# Line shapes that do not depend on the lexicon.
PROSE_END_RE = re.compile(r"[.,;:][\"'”’)\]]*$")
TOKEN_SPLIT_RE = re.compile(r"[\s/|,;]+")
PIPE_NAV_RE = re.compile(r"^[^|\n]{1,30}(?:\s[|•·]\s[^|\n]{1,30}){2,}$")
LONG_LINE_CHARS = 240  # longer lines are prose whatever their exact word count
HAS_DIGIT_RE = re.compile(r"\d")
DATE_LINE_MAX_WORDS = 14  # "Published: Friday, 22 September 2023, 10:43 GMT | Updated ..."
SHARE_LINE_MAX_WORDS = 8  # "Facebook Twitter WhatsApp Email Print"
CAPTION_MIN_WORDS = 6  # shorter lines ending in "(AFP)" are credits, not captions
CREDIT_TAIL_WINDOW = 120  # a trailing credit is a label and at most 80 characters
CAPTION_CREDIT_RE = re.compile(r"\((?P<credit>[A-Z][^()]{0,80})\)\s*\.?$")
# Markdown and CMS markup around a line's words.
MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_LEAD_RE = re.compile(r"^(?:>\s*|#{1,6}\s+)+")
MD_EMPHASIS_RE = re.compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
EMBED_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|\{\{[<%].*[>%]\}\}|<!--.*-->")
PIPE_ROW_RE = re.compile(r"^\|.*\|$")
# A gallery counter: "1 / 14", "3 of 12".
GALLERY_RE = re.compile(r"^(?P<n>\d{1,3})\s*(?:/|of)\s*(?P<of>\d{1,3})\b(?!\s*[/.:-]\s*\d)")
LIST_OPEN_RE = re.compile(r"list of \d{1,3} items?")
SEGMENT_SPLIT_RE = re.compile(r"\s+[|·•]\s+|\s*[|·•]\s*(?=\S)")
DATA_SEPARATORS = frozenset({"|", "·", "•", "-", "–", "—", "/", "▲", "▼", "+"})
DATA_MAX_TOKENS = 14
LINK_BAR_LABEL_WORDS = 4
HANDLE_RE = re.compile(r"\(@\w+\)")
CLOCK_END_RE = re.compile(r"\b[ap]\.?m\.?$", re.IGNORECASE)  # "Sunset 6:39 p.m." ends like prose
PREFIX_CHARS = 60  # a long line is checked only for furniture prefixes ("We use cookies ...")


@dataclass(slots=True)
class Line:
    start: int  # first character after indentation (a bullet, if any)
    end: int  # after the last non-space character
    body: str  # the text after indentation and bullets
    bulleted: bool
    words: int
    cls: str = BLANK
    kind: str | None = None
    plain: str = ""  # the words without Markdown markup, for the classifier


def _plain(body: str) -> str:
    """A line's text without Markdown links, blockquote and heading marks, or emphasis."""
    if "*" not in body and "_" not in body and "[" not in body and ">" not in body and "#" not in body:
        return body
    text = MD_LINK_RE.sub(r"\1", body)
    text = MD_LEAD_RE.sub("", text)
    return MD_EMPHASIS_RE.sub("", text).strip()


def split_lines(text: str, markers: Markers) -> list[Line]:
    """The lines of `text` with their offsets, bullets taken off (classes not yet set)."""
    lines = []
    position = 0
    bullet_match = markers.bullet_re.match
    for raw in text.split("\n"):
        start = position
        position += len(raw) + 1
        body = raw.rstrip()
        if not body:
            lines.append(Line(start, start, "", False, 0))
            continue
        end = start + len(body)
        bulleted = False
        if not body[0].isalnum():
            found = bullet_match(body)
            if found:
                offset = found.end()
                indent = len(body) - len(body.lstrip())
                bulleted = offset > indent
                body = body[offset:]
                start += indent  # a region covers the bullet, the body starts after it
        # Exact word counts matter only for short lines.
        words = len(body.split()) if len(body) < LONG_LINE_CHARS else body.count(" ") + 1
        lines.append(Line(start, end, body, bulleted, words, plain=_plain(body)))
    return lines


def _names_only(tokens: list[str], connectors: frozenset[str], max_words: int) -> bool:
    """True if the tokens are a short run of capitalised names ("Jane Doe and John Roe")."""
    if not tokens or len(tokens) > max_words:
        return False
    for token in tokens:
        word = token.strip("()[]\"'“”‘’.-")
        if not word:
            continue
        if not (word[0].isupper() or word[0] == "@" or word.lower() in connectors):
            return False
    return True


def _is_credit(body: str, markers: Markers) -> bool:
    """A credit-only line: "Reuters", "AA Archive", "AP Photo/Jane Doe", "Getty Images"."""
    stripped = body.strip("()[] ")
    tokens = [token for token in TOKEN_SPLIT_RE.split(stripped) if token]
    if not tokens or len(tokens) > markers.credit_max_words:
        return False
    has_name = False
    for token in tokens:
        word = token.strip(".-").lower()
        if word in markers.credit_names or word in markers.credit_words:
            has_name = True
        elif not (token[0].isupper() or word in markers.connectors):
            return False
    return has_name or markers.credit_phrase_re.search(stripped) is not None


def classify(line: Line, markers: Markers) -> str:
    """The class of one line from its own text; cheap tests guard the costly ones."""
    body = line.plain
    if not body:
        return EMBED if line.body else BLANK
    if line.body[0] in "!{<" and EMBED_RE.fullmatch(line.body):
        return EMBED
    gallery = GALLERY_RE.match(body)
    if gallery and 0 < int(gallery.group("n")) <= int(gallery.group("of")):
        return GALLERY
    words = line.words
    if markers.teaser_line_re.match(body) or markers.glued_ticker_re.match(body):
        return TEASER_LINE
    prose_end = PROSE_END_RE.search(body) is not None
    # Markers are short: a long line is keyed (an expense on every line of every page) only
    # when its first word can start a furniture or list prefix ("We use cookies ...").
    if words <= markers.marker_max_words:
        key = marker_key(body)
    elif markers.prefix_first_re.match(body):
        key = marker_key(body[:PREFIX_CHARS])
    else:
        key = ""
    if key and markers.furniture_prefix_re.match(key):
        return FURNITURE
    if len(body) <= markers.short_line_max_chars:
        if not line.bulleted and key in markers.ticker_headers:
            return TICKER_HEADER
        if key in markers.list_headers:
            return LIST_HEADER
        if key in markers.inline_headers:
            return INLINE_HEADER
        if not line.bulleted and key in markers.box_headers:
            return SECTION  # a bulleted "Weather" is a menu entry
        if LIST_OPEN_RE.fullmatch(key):
            return LIST_HEADER  # "list of 4 items": a list of stories, to "end of list"
        if key in markers.furniture_phrases or markers.furniture_re.fullmatch(body):
            return FURNITURE
        has_digit = HAS_DIGIT_RE.search(body) is not None
        if (
            words <= 2 * DATE_LINE_MAX_WORDS
            and (has_digit or words <= 4)
            and _stamp_line(body, words, markers)
        ):
            return DATE
        if words <= SHARE_LINE_MAX_WORDS:
            tokens = [token for token in TOKEN_SPLIT_RE.split(key) if token]
            if tokens and all(token in markers.share_names for token in tokens):
                return SHARE
        first_upper = body[0].isupper()
        if first_upper and words <= markers.byline_max_words + 3 and _byline(body, markers):
            return BYLINE
        if ":" in body:
            found = markers.source_re.fullmatch(body)
            if found and len(found.group("names").split()) <= markers.credit_max_words:
                return SOURCE
            if markers.tag_line_re.fullmatch(body):
                return MENU_LINE
        if ":" in body or " by " in body:
            found = markers.credit_tail_re.match(body)
            if found and _credit_who_ok(found.group("who"), markers):
                return CREDIT
        if ("|" in body or "•" in body) and PIPE_NAV_RE.match(body):
            return MENU_LINE
        if "](" in line.body and _link_bar(line.body):
            return MENU_LINE
        if markers.list_prefix_re.match(key):
            # "More from Business" heads a list; "More from X: <headline>" is one teaser.
            section = body.split(":", 1)[0]
            if ":" in body and len(section.split()) <= markers.label_max_words + 3:
                return TEASER_LINE
            if not prose_end and words <= markers.label_max_words + 3:
                return LIST_HEADER
        if (
            (first_upper or body[0] == "(")
            and words <= markers.credit_max_words
            and _is_credit(body, markers)
        ):
            return CREDIT
        if has_digit and (not prose_end or CLOCK_END_RE.search(body)) and _data_line(body, markers):
            return DATA
        if not line.bulleted and _all_capitals_heading(body, words, prose_end):
            return SECTION
    if words <= markers.label_max_words and not prose_end:
        return SHORT
    if words >= CAPTION_MIN_WORDS and body[-1] in ").":
        caption = CAPTION_CREDIT_RE.search(body)
        if caption and len(caption.group("credit").split()) <= markers.caption_credit_max_words:
            return CAPTION
    if words <= markers.headline_max_words and not prose_end:
        return HEADLINE
    return PROSE


def _stamp_line(body: str, words: int, markers: Markers) -> bool:
    """A date line, or segments ("LIVE · Last updated 11:58 p.m. MST · 14 updates") each of
    which is a date, a byline, a counter, a reading time or a furniture word."""
    if words <= DATE_LINE_MAX_WORDS and markers.date_line_re.fullmatch(body):
        return True
    if "|" not in body and "·" not in body and "•" not in body:
        return False
    segments = [segment for segment in SEGMENT_SPLIT_RE.split(body) if segment]
    if len(segments) < 2 or any(len(segment.split()) > DATE_LINE_MAX_WORDS for segment in segments):
        return False
    stamps = 0
    for segment in segments:
        if markers.date_line_re.fullmatch(segment):
            stamps += 1
        elif not (
            marker_key(segment) in markers.furniture_phrases
            or markers.furniture_re.fullmatch(segment)
            or _byline(segment, markers)
        ):
            return False
    return stamps > 0


def _byline(body: str, markers: Markers) -> bool:
    found = markers.byline_re.fullmatch(body)
    if not found:
        return False
    names = found.group("names").replace("|", " ").split()
    return _names_only(names, markers.connectors, markers.byline_max_words)


def _link_bar(body: str) -> bool:
    """A bar of Markdown links with at most a label: "**Results:** [Senate](/s) · [House](/h)"."""
    links = MD_LINK_RE.findall(body)
    rest = MD_LINK_RE.sub(" ", body)
    return len(links) >= 2 and len(re.findall(r"[^\W_]+", rest)) <= LINK_BAR_LABEL_WORDS


def _data_line(body: str, markers: Markers) -> bool:
    """Mostly numbers, dates and times: "S&P 500 5,815.03 +0.61%", "Wed 62°/44° Showers",
    "1 Drummond Athletic 11 +14 26". Table rows in pipes ("| Police | $41.2m |") are not
    (a table is the article's), nor the attribution of an embedded post ("— Jo (@jo) May 2")."""
    if PIPE_ROW_RE.match(body) or HANDLE_RE.search(body):
        return False
    tokens = [token for token in body.split() if token not in DATA_SEPARATORS]
    if not tokens or len(tokens) > DATA_MAX_TOKENS:
        return False
    data = 0
    for token in tokens:
        if (
            HAS_DIGIT_RE.search(token)
            or token.lower().strip(",.;:()[]").replace(".", "") in markers.calendar_words
        ):
            data += 1
    return 2 * data >= len(tokens)


def numbers_line(body: str) -> bool:
    """A data line made of numbers, not of a date: two numbers or more, half the words."""
    tokens = [token for token in body.split() if token not in DATA_SEPARATORS]
    numbers = sum(1 for token in tokens if HAS_DIGIT_RE.search(token))
    return numbers >= 2 and 2 * numbers >= len(tokens)


def _all_capitals_heading(body: str, words: int, prose_end: bool) -> bool:
    """ "MORE LOCAL NEWS", "TODAY'S WEATHER", "LOTTERY": a section of the page, not a subhead
    of the article (those are written in sentence or title case)."""
    if prose_end or words > 6 or any(mark in body for mark in '!?"“”'):
        return False
    letters = [char for char in body if char.isalpha()]
    return len(letters) >= 4 and not any(char.islower() for char in letters)


def credit_tail(body: str, markers: Markers) -> int | None:
    """Where a trailing photo credit ("...operation.  Photo: AA Archive") starts in a line."""
    window = max(0, len(body) - CREDIT_TAIL_WINDOW)
    if body.find(":", window) == -1 and body.find(" by ", window) == -1:
        return None  # every credit label is followed by ":" or "by"
    found = markers.credit_tail_re.search(body, window)
    if found and _credit_who_ok(found.group("who"), markers):
        return found.start()
    return None


def _credit_who_ok(who: str, markers: Markers) -> bool:
    who = who.strip()
    return bool(who) and not who.endswith(".") and len(who.split()) <= markers.credit_max_words
