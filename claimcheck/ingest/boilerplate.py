"""Line-level boilerplate filter for scraped article text.

    find_noise(text, rules_dir=None) -> list[(start, end, kind)]

returns sorted, non-overlapping regions of `text` that are page furniture. No
claim is taken from them; offsets keep indexing the original text. Kinds:

- `menu`: navigation runs (bulleted short entries and the link lines among them),
  tag lists, pipe-separated navigation;
- `ticker`: a "BREAKING" / "LIVE" header and the headlines under it, to a blank line;
- `teaser`: promotions of other stories ("Read more: ...", "Most Read" lists) with
  the headlines, labels, dates, captions and summaries that belong to them;
- `furniture`: reading times, "Loading...", counters, share buttons, photo credits,
  copyright lines, app-store links, image file names, orphan labels at the end, and
  the second copy of a content line printed twice (a repeated caption);
- `byline`: "By Jane Doe", "Source: Agencies", a date/time line. Not claims, but the
  dateline finder may read a publication date there (never from teasers or tickers).

The filter works on lines: each line gets a class from its own text (markers in
rules/lexicon/boilerplate.yaml), then passes over the classes decide how far tickers,
teasers and menus run. It never edits the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.ingest.boilerplate_markers import Markers, load_markers

Region = tuple[int, int, str]

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

TEXT_CLASSES = frozenset({SHORT, HEADLINE, CAPTION, PROSE})
HEADER_CLASSES = frozenset({INLINE_HEADER, LIST_HEADER})
# Lines that belong to a teaser card without being its headline.
CARD_NOISE_CLASSES = frozenset({FURNITURE, CREDIT, SHARE, DATE, SOURCE, MENU_LINE, TEASER_LINE})

# Lines that end a teaser list without belonging to it (the page footer).
TRAILING_CLASSES = frozenset({BLANK, FURNITURE, CREDIT, SHARE, SOURCE, MENU_LINE})

# Line shapes that do not depend on the lexicon.
PROSE_END_RE = re.compile(r"[.,;:][\"'”’)\]]*$")
STANDALONE_NUMBER_RE = re.compile(r"(?<![\w.,-])\d[\d,.]*(?![\w])")
TOKEN_SPLIT_RE = re.compile(r"[\s/|,;]+")
PIPE_NAV_RE = re.compile(r"^[^|\n]{1,30}(?:\s[|•·]\s[^|\n]{1,30}){2,}$")
CACHED_LINE_MAX_WORDS = 12  # longer lines rarely repeat across pages
CLASS_CACHE_SIZE = 50_000
LONG_LINE_CHARS = 240  # longer lines are prose whatever their exact word count
HAS_DIGIT_RE = re.compile(r"\d")
DATE_LINE_MAX_WORDS = 14  # "Published: Friday, 22 September 2023, 10:43 GMT | Updated ..."
SHARE_LINE_MAX_WORDS = 8  # "Facebook Twitter WhatsApp Email Print"
CAPTION_MIN_WORDS = 6  # shorter lines ending in "(AFP)" are credits, not captions
CREDIT_TAIL_WINDOW = 120  # a trailing credit is a label and at most 80 characters
CAPTION_CREDIT_RE = re.compile(r"\((?P<credit>[A-Z][^()]{0,80})\)\s*\.?$")


@dataclass(slots=True)
class Line:
    start: int  # first character after indentation (a bullet, if any)
    end: int  # after the last non-space character
    body: str  # the text after indentation and bullets
    bulleted: bool
    words: int
    cls: str = BLANK
    kind: str | None = None


def _lines(text: str, markers: Markers) -> list[Line]:
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
        lines.append(Line(start, end, body, bulleted, words))
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


def _classify(line: Line, markers: Markers) -> str:
    """The class of one line from its own text; cheap tests guard the costly ones."""
    body = line.body
    if not body:
        return BLANK
    words = line.words
    if markers.teaser_line_re.match(body):
        return TEASER_LINE
    prose_end = PROSE_END_RE.search(body) is not None
    if len(body) <= markers.short_line_max_chars:
        key = body.lower().rstrip(" :»>›…!").strip()
        if not line.bulleted and key in markers.ticker_headers:
            return TICKER_HEADER
        if key in markers.list_headers:
            return LIST_HEADER
        if key in markers.inline_headers:
            return INLINE_HEADER
        if key in markers.furniture_phrases or markers.furniture_re.fullmatch(body):
            return FURNITURE
        has_digit = HAS_DIGIT_RE.search(body) is not None
        if (
            words <= DATE_LINE_MAX_WORDS
            and (has_digit or words <= 4)  # "yesterday", "Updated a year ago"
            and markers.date_line_re.fullmatch(body)
        ):
            return DATE
        if words <= SHARE_LINE_MAX_WORDS:
            tokens = [token for token in TOKEN_SPLIT_RE.split(key) if token]
            if tokens and all(token in markers.share_names for token in tokens):
                return SHARE
        first_upper = body[0].isupper()
        if first_upper and words <= markers.byline_max_words + 3:
            found = markers.byline_re.fullmatch(body)
            if found:
                names = found.group("names").replace("|", " ").split()
                if _names_only(names, markers.connectors, markers.byline_max_words):
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
    if words <= markers.label_max_words and not prose_end:
        return SHORT
    if words >= CAPTION_MIN_WORDS and body[-1] in ").":
        caption = CAPTION_CREDIT_RE.search(body)
        if caption and len(caption.group("credit").split()) <= markers.caption_credit_max_words:
            return CAPTION
    if words <= markers.headline_max_words and not prose_end:
        return HEADLINE
    return PROSE


def _credit_tail(body: str, markers: Markers) -> int | None:
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


def _mark_tickers(lines: list[Line], markers: Markers) -> None:
    for index, line in enumerate(lines):
        if line.cls != TICKER_HEADER or line.kind is not None:
            continue
        line.kind = "ticker"
        for follower in lines[index + 1 : index + 1 + markers.ticker_max_lines]:
            if follower.cls == BLANK:
                break
            follower.kind = "ticker"


def _next_content(lines: list[Line], index: int) -> Line | None:
    for line in lines[index + 1 :]:
        if line.cls != BLANK:
            return line
    return None


def _inline_teaser_end(lines: list[Line], header: int) -> int:
    """Last line of a one-story box: header(s), one headline, its date / "Loading..." lines."""
    last = header
    headline_seen = False
    bulleted_list = False
    for index in range(header + 1, len(lines)):
        line = lines[index]
        cls = line.cls
        if line.kind is not None:
            break
        if cls == BLANK:
            continue
        if cls in HEADER_CLASSES and not headline_seen:
            last = index
        elif cls in (SHORT, HEADLINE) and (not headline_seen or (bulleted_list and line.bulleted)):
            # A bulleted run of headlines under "Related" is a list of stories.
            bulleted_list = bulleted_list or (not headline_seen and line.bulleted)
            headline_seen = True
            last = index
        elif cls in CARD_NOISE_CLASSES:
            last = index
        else:
            break
    return last


def _list_teaser_end(lines: list[Line], header: int) -> int:
    """Last line of a list of other stories: cards of headlines, labels, dates, captions and
    at most one summary paragraph each; it ends where prose resumes (a paragraph right
    under the header or a caption, or two paragraphs in a row)."""
    last = header
    previous = LIST_HEADER
    for index in range(header + 1, len(lines)):
        line = lines[index]
        cls = line.cls
        if line.kind is not None or cls in (TICKER_HEADER, BYLINE):
            break
        if cls == BLANK:
            continue
        if cls == PROSE:
            # A summary follows its card's headline (or label / date) and is followed by
            # the next card, the end of the page, or other furniture.
            following = _next_content(lines, index)
            if previous in (PROSE, CAPTION, LIST_HEADER) or (
                following is not None and following.cls == PROSE
            ):
                break
        last = index
        previous = cls
    return last


def _mark_teasers(lines: list[Line]) -> None:
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind is None and line.cls in HEADER_CLASSES:
            if line.cls == LIST_HEADER:
                last = _list_teaser_end(lines, index)
                # Page furniture after the last card (the footer) keeps its own kind.
                while last > index and lines[last].cls in TRAILING_CLASSES:
                    last -= 1
            else:
                last = _inline_teaser_end(lines, index)
            for member in lines[index : last + 1]:
                if member.cls != BLANK:
                    member.kind = "teaser"
            index = last + 1
        else:
            index += 1


SINGLE_LINE_KINDS = {
    FURNITURE: "furniture",
    CREDIT: "furniture",
    SHARE: "furniture",
    TEASER_LINE: "teaser",
    BYLINE: "byline",
    DATE: "byline",
    MENU_LINE: "menu",
}


def _mark_single_lines(lines: list[Line]) -> None:
    for index, line in enumerate(lines):
        if line.kind is not None:
            continue
        kind = SINGLE_LINE_KINDS.get(line.cls)
        if kind is not None:
            line.kind = kind
        elif line.cls == SOURCE:
            # "Source: Agencies" beside a byline or date line is part of the byline.
            neighbours = lines[max(index - 1, 0) : index + 2]
            in_byline = any(other.cls in (BYLINE, DATE) for other in neighbours)
            line.kind = "byline" if in_byline else "furniture"


def _menu_candidate(line: Line, markers: Markers) -> bool:
    return (
        line.kind is None
        and line.bulleted
        and line.cls in (SHORT, HEADLINE)
        and line.words <= markers.menu_item_max_words
        and not STANDALONE_NUMBER_RE.search(line.body)
        and _title_like(line.body, markers)
    )


def _link_like(line: Line, markers: Markers) -> bool:
    return (
        line.kind is None
        and not line.bulleted
        and line.cls == SHORT
        and line.words <= markers.menu_link_max_words
        and _title_like(line.body, markers)
    )


def _title_like(body: str, markers: Markers) -> bool:
    """A link or tag ("US & Canada", "Cost of living", "x"), not a phrase of prose: at most
    one lower-case word besides connectors ("Schools closed for two weeks" has three)."""
    lower = 0
    for word in body.split():
        if word[0].islower() and word not in markers.connectors:
            lower += 1
            if lower > 1:
                return False
    return True


def _mark_menus(lines: list[Line], markers: Markers) -> None:
    """Runs of bulleted short entries, with the link lines between and beside them."""
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if not (_menu_candidate(line, markers) or (line.bulleted and line.kind == "furniture")):
            index += 1
            continue
        # The run goes on over entries, link lines, furniture and blank lines.
        members: list[int] = []
        bulleted_furniture = 0  # "• Video", "• x": entries of the menu that are furniture too
        scan = index
        while scan < count:
            line = lines[scan]
            if line.cls == BLANK or line.kind in ("furniture", "menu"):
                bulleted_furniture += line.bulleted
                scan += 1
            elif _menu_candidate(line, markers) or _link_like(line, markers):
                members.append(scan)
                scan += 1
            else:
                break
        entries = [member for member in members if lines[member].bulleted]
        if entries and len(entries) + bulleted_furniture >= markers.menu_min_items:
            last_entry = entries[-1]
            chosen = [member for member in members if member <= last_entry]
            # Link lines after the last entry belong to the run only while they touch it.
            for member in members:
                if member > last_entry and member == chosen[-1] + 1:
                    chosen.append(member)
            # A link line directly above the run ("News" over "• Politics") heads it.
            above = index - 1
            while above >= 0 and _link_like(lines[above], markers):
                chosen.append(above)
                above -= 1
            for member in chosen:
                lines[member].kind = "menu"
        # Lines up to `scan` were members or furniture: no run can start among them.
        index = max(scan, index + 1)


def _mark_link_runs(lines: list[Line], markers: Markers) -> None:
    """Navigation without bullets: menu_min_links or more link lines in a row ("Home",
    "World", "Business", "Sport" one a line, no blank line between)."""
    run: list[Line] = []
    for line in [*lines, Line(0, 0, "", False, 0)]:
        if line.cls != BLANK and _link_like(line, markers):
            run.append(line)
            continue
        if len(run) >= markers.menu_min_links:
            for member in run:
                member.kind = "menu"
        run = []


def _mark_tail(lines: list[Line], markers: Markers) -> None:
    """Orphan labels after the last paragraph ("Route 6") are page furniture; a bulleted
    line there is the end of a list in the article."""
    orphans = []
    for line in reversed(lines):
        if line.cls == BLANK or line.kind is not None:
            continue
        if line.cls == SHORT and line.words <= markers.tail_max_words and not line.bulleted:
            orphans.append(line)
            continue
        for orphan in orphans:
            orphan.kind = "furniture"
        return


def _mark_duplicates(lines: list[Line], markers: Markers) -> None:
    """A content line that repeats an earlier content line word for word (a caption printed
    twice, a pull quote) adds nothing: the copy is furniture, so its figures count once."""
    seen: set[str] = set()
    for line in lines:
        if line.kind is not None or line.words < markers.duplicate_min_words:
            continue
        key = " ".join(line.body.split())
        if key in seen:
            line.kind = "furniture"
        else:
            seen.add(key)


def find_noise(text: str, rules_dir: str | None = None) -> list[Region]:
    """Sorted, non-overlapping (start, end, kind) regions of page furniture in `text`."""
    markers = load_markers(rules_dir)
    lines = _lines(text, markers)
    cache = markers.class_cache
    for line in lines:
        if line.words > CACHED_LINE_MAX_WORDS:
            line.cls = _classify(line, markers)
            continue
        key = (line.body, line.bulleted)
        cls = cache.get(key)
        if cls is None:
            if len(cache) >= CLASS_CACHE_SIZE:
                cache.clear()
            cls = cache[key] = _classify(line, markers)
        line.cls = cls
    _mark_tickers(lines, markers)
    _mark_teasers(lines)
    _mark_single_lines(lines)
    _mark_menus(lines, markers)
    _mark_link_runs(lines, markers)
    _mark_tail(lines, markers)
    _mark_duplicates(lines, markers)
    regions: list[Region] = []
    open_kind: str | None = None  # kind of the region a following line may extend
    for line in lines:
        if line.cls == BLANK:
            continue
        if line.kind is None:
            open_kind = None
            if line.cls in TEXT_CLASSES and line.words > 1:
                credit = _credit_tail(line.body, markers)
                if credit is not None:
                    regions.append((line.end - len(line.body) + credit, line.end, "furniture"))
            continue
        if open_kind == line.kind:
            regions[-1] = (regions[-1][0], line.end, line.kind)
        else:
            regions.append((line.start, line.end, line.kind))
            open_kind = line.kind
    return regions
