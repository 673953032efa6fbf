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
  dateline finder may read a publication date there (never from teasers or tickers);
- `box`: other boxes of the page under their header (weather, listings, obituaries,
  scores, traffic, an all-capitals section header), and lines of mostly numbers and
  dates (market tickers, temperatures, table rows of a league) where the article is not;
- `caption`: photo captions (after an image, before a labelled credit, a Reuters-style
  caption ending in its date and credit), gallery counters ("1 / 14") and their captions.

The filter works on lines: each line gets a class from its own text
(claimcheck.ingest.line_classes: markers in rules/lexicon/boilerplate.yaml, matched
case- and punctuation-insensitively), then
passes over the classes mark blocks: a header opens a ticker, a list of stories or a
box that runs until the article resumes (the next paragraph of prose); captions go
with the images and credits around them; a pull quote repeats a paragraph. Last, the
article is the run from its first to its last full paragraph: around it, lines of
numbers and dates, mottos ("since 1888") and contact lines are page furniture. The
filter never edits the text.
"""

from __future__ import annotations

import re

from claimcheck.ingest.boilerplate_markers import Markers, load_markers, marker_key
from claimcheck.ingest.line_classes import (
    BLANK,
    BYLINE,
    CAPTION,
    CREDIT,
    CREDIT_TAIL_WINDOW,
    DATA,
    DATE,
    EMBED,
    FURNITURE,
    GALLERY,
    HANDLE_RE,
    HAS_DIGIT_RE,
    HEADLINE,
    INLINE_HEADER,
    LIST_HEADER,
    MENU_LINE,
    PIPE_ROW_RE,
    PROSE,
    SECTION,
    SHARE,
    SHORT,
    SOURCE,
    TEASER_LINE,
    TICKER_HEADER,
    Line,
    classify,
    credit_tail,
    numbers_line,
    split_lines,
)

Region = tuple[int, int, str]
TEXT_CLASSES = frozenset({SHORT, HEADLINE, CAPTION, PROSE})
HEADER_CLASSES = frozenset({INLINE_HEADER, LIST_HEADER, SECTION})
BLOCK_KINDS = {LIST_HEADER: "teaser", SECTION: "box"}
# Lines that belong to a teaser card without being its headline.
CARD_NOISE_CLASSES = frozenset({FURNITURE, CREDIT, SHARE, DATE, SOURCE, MENU_LINE, TEASER_LINE})
# Lines that end a teaser list without belonging to it (the page footer).
TRAILING_CLASSES = frozenset({BLANK, FURNITURE, CREDIT, SHARE, SOURCE, MENU_LINE, EMBED})
STANDALONE_NUMBER_RE = re.compile(r"(?<![\w.,-])\d[\d,.]*(?![\w])")
CACHED_LINE_MAX_WORDS = 12  # longer lines rarely repeat across pages
CLASS_CACHE_SIZE = 50_000
SHORTCODE_TEXT_RE = re.compile(r"=\s*\"([^\"]{8,})\"")
# "Label: value" lines of a fact box ("Crews working: 212"): a few words, then a colon.
LABEL_RE = re.compile(r"^[^\W\d][^:]{0,40}:\s")
RULE_RE = re.compile(r"[-*_]{3,}")  # a Markdown horizontal rule: the end of a block
# A credit after a caption in the Reuters style: "... October 14, 2024. Meridian Wire/Jo Doe".
SLASH_CREDIT_RE = re.compile(
    r"(?<=[.!?]\s)\s*(?P<who>[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,3}\s?/\s?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})$"
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(
    r"(?<![\d-])(?:\(\d{3}\)\s?\d{3}-\d{4}|(?:\d{3}-)?\d{3}-\d{4}|(?:\+\d{1,3}\s)?0?\d{2,4}\s\d{3,4}\s\d{3,4})(?![\d-])"
)
CONTACT_MAX_WORDS = 20  # a longer line with a phone number is a paragraph (a police appeal)
QUOTE_OPEN = "\"“‘'"
QUOTE_CLOSE = "\"”’'"
PULL_QUOTE_OVERLAP = 0.7  # share of a pull quote's words that one longer paragraph repeats
PULL_QUOTE_MIN_WORDS = 5
PULL_QUOTE_DISTANCE = 3  # content lines either side where the quoted paragraph is
CAPTION_MAX_WORDS = 60
STRONG_PARAGRAPH_WORDS = 10  # a paragraph this long is the article's (its span runs between them)
MASTHEAD_MAX_WORDS = 10


def _mark_tickers(lines: list[Line], markers: Markers) -> None:
    """A ticker header and its headlines."""
    for index, line in enumerate(lines):
        if line.cls != TICKER_HEADER or line.kind is not None:
            continue
        line.kind = "ticker"
        for follower in lines[index + 1 : index + 1 + markers.ticker_max_lines]:
            if follower.cls in (BLANK, PROSE):
                break  # the ticker's headlines end at a blank line or where the article begins
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
    under the header or a caption, or two paragraphs in a row) or at a horizontal rule.
    A box (weather, traffic, listings) also runs over its "Label: text" items."""
    last = header
    previous = LIST_HEADER
    box = lines[header].cls == SECTION
    for index in range(header + 1, len(lines)):
        line = lines[index]
        cls = line.cls
        if line.kind is not None or cls in (TICKER_HEADER, BYLINE) or RULE_RE.fullmatch(line.plain):
            break
        if cls == BLANK:
            continue
        if cls == PROSE and not (box and LABEL_RE.match(line.plain)):
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
            if line.cls in BLOCK_KINDS:
                last = _list_teaser_end(lines, index)
                # Page furniture after the last card (the footer) keeps its own kind; a box's
                # items may look like it ("Sat., Nov. 2 | Harvest Fair | 10 a.m.").
                while line.cls == LIST_HEADER and last > index and lines[last].cls in TRAILING_CLASSES:
                    last -= 1
            else:
                last = _inline_teaser_end(lines, index)
            kind = BLOCK_KINDS.get(line.cls, "teaser")
            for member in lines[index : last + 1]:
                if member.cls != BLANK:
                    member.kind = kind
            index = last + 1
        else:
            index += 1


SINGLE_LINE_KINDS = {
    FURNITURE: "furniture",
    EMBED: "furniture",
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
        if line.cls in (SHORT, DATA) and line.words <= markers.tail_max_words and not line.bulleted:
            orphans.append(line)
            continue
        for orphan in orphans:
            orphan.kind = "furniture"
        return


def _content_after(lines: list[Line], index: int) -> int | None:
    """The index of the next non-blank line after `index`, if any."""
    for later in range(index + 1, len(lines)):
        if lines[later].cls != BLANK:
            return later
    return None


def _caption_like(line: Line) -> bool:
    return line.kind is None and line.cls not in (BLANK, EMBED) and line.words <= CAPTION_MAX_WORDS


def _labelled_credit(line: Line, markers: Markers) -> bool:
    """A credit line that says it is one: "Photo: Jane Prewitt / Oct. 10, 2024", "Photo by ..."."""
    if line.cls != CREDIT:
        return False
    found = markers.credit_tail_re.match(line.plain)
    return found is not None and found.start() == 0


def _shares_date(line: Line, credit: Line, markers: Markers) -> bool:
    """The credit dates the photo ("Photo: Jane Prewitt / Oct. 10, 2024") and the line above
    names that date: it is the photo's caption, not a paragraph above a credited photo."""
    dated = markers.date_line_re.search(credit.plain.rsplit("/", 1)[-1].strip())
    return dated is not None and " ".join(dated.group().split()) in " ".join(line.plain.split())


def _dated_caption(line: Line, markers: Markers) -> bool:
    """ "Smoke rises from the plant in Kelvara, Ohio, U.S., October 14, 2024. Meridian Wire/Jo
    Doe": a caption in the wire style, its date last, then the photographer's credit."""
    body = line.plain
    window = max(0, len(body) - CREDIT_TAIL_WINDOW)
    tail = SLASH_CREDIT_RE.search(body, window) if "/" in body[window:] else None
    start = tail.start() if tail else credit_tail(body, markers)
    if start is None:
        return False
    before = body[:start].rstrip()
    return bool(markers.date_line_re.search(before[-40:])) and before.endswith(tuple("0123456789."))


def _mark_captions(lines: list[Line], markers: Markers) -> None:
    """Photo captions: the line under an image, the line over a labelled credit, a line that
    says it is a caption, a wire-style caption with its date and credit, and gallery
    counters with the caption (and credit) they number."""
    for index, line in enumerate(lines):
        if line.cls == BLANK or (line.kind is not None and line.cls != EMBED):
            continue
        if line.cls not in (EMBED, GALLERY, PROSE, CAPTION, HEADLINE) or line.words > CAPTION_MAX_WORDS:
            continue
        following = _content_after(lines, index)
        after = lines[following] if following is not None else None
        if line.cls == EMBED and line.body.startswith("!["):
            if (
                after is not None
                and _caption_like(after)
                and (
                    after.cls == CAPTION
                    or after.body[:1] in "*_"
                    or credit_tail(after.plain, markers) is not None
                )
            ):
                after.kind = "caption"
            continue
        if line.cls == GALLERY:
            line.kind = "caption"
            if line.words <= 3 and after is not None and _caption_like(after):
                after.kind = "caption"  # "1 / 14" alone: the caption is the next line
                credit = _content_after(lines, following)  # type: ignore[arg-type]
                if credit is not None and lines[credit].kind is None and _credit_line(lines[credit], markers):
                    lines[credit].kind = "caption"
            continue
        if line.cls in (PROSE, CAPTION, HEADLINE) and (
            (":" in line.plain and markers.caption_label_re.search(line.plain))
            or _dated_caption(line, markers)
            or (after is not None and _labelled_credit(after, markers) and _shares_date(line, after, markers))
        ):
            line.kind = "caption"


def _credit_line(line: Line, markers: Markers) -> bool:
    """A credit alone on its line: "AP Photo/Jane Doe", "Colm Dufresne/Harbor Gazette"."""
    return line.cls == CREDIT or SLASH_CREDIT_RE.search(". " + line.plain) is not None


def _words_of(text: str) -> set[str]:
    return {word for word in marker_key(text).split() if len(word) > 3}


def _mark_pull_quotes(lines: list[Line]) -> None:
    """A line that is only a quotation, with no speaker, whose words a longer paragraph close
    by repeats: a pull quote, set in large type beside the paragraph it comes from."""
    if not any(line.plain[:1] in QUOTE_OPEN for line in lines if line.plain):
        return
    content = [index for index, line in enumerate(lines) if line.cls != BLANK]
    for position, index in enumerate(content):
        line = lines[index]
        text = line.plain.strip()
        if line.kind is not None or not (PULL_QUOTE_MIN_WORDS <= line.words <= CAPTION_MAX_WORDS):
            continue
        if text[0] not in QUOTE_OPEN or text.rstrip(".")[-1] not in QUOTE_CLOSE:
            continue
        words = _words_of(text)
        if len(words) < PULL_QUOTE_MIN_WORDS:
            continue
        nearby = content[max(0, position - PULL_QUOTE_DISTANCE) : position + PULL_QUOTE_DISTANCE + 1]
        for other_index in nearby:
            other = lines[other_index]
            if other is line or other.words <= line.words or other.kind is not None:
                continue
            if len(words & _words_of(other.plain)) >= PULL_QUOTE_OVERLAP * len(words):
                line.kind = "furniture"
                break


def _mark_embed_text(lines: list[Line]) -> None:
    """An embed's text printed again under it ({{< related title="..." >}}, then the title):
    the rendering of page furniture."""
    texts: set[str] = set()
    for line in lines:
        if line.cls == EMBED:
            texts.update(marker_key(text) for text in SHORTCODE_TEXT_RE.findall(line.body))
        elif texts and line.kind is None and line.cls != BLANK and marker_key(line.plain) in texts:
            line.kind = "furniture"


def _contact(line: Line) -> bool:
    """An address for readers: an e-mail address, or a phone number in a short line."""
    body = line.body
    if "@" in body and EMAIL_RE.search(body):
        return True
    return (
        line.words <= CONTACT_MAX_WORDS
        and HAS_DIGIT_RE.search(body) is not None
        and bool(PHONE_RE.search(body))
    )


def _masthead(line: Line, markers: Markers) -> bool:
    """The paper's motto: "Serving the valley since 1888", "Est. 1902"."""
    return line.words <= MASTHEAD_MAX_WORDS and markers.masthead_re.search(marker_key(line.plain)) is not None


def _mark_outside_article(lines: list[Line], markers: Markers) -> None:
    """The article runs from its first to its last full paragraph. Around it, lines of numbers
    and dates, mottos ("Serving the valley since 1888") and contact lines are furniture;
    after it, so are headlines with figures (other stories, promotions: "Our 7am email").
    Inside it, a line of numbers without a label ("$88.20 +7.60 (+9.43%)", a league table
    row) is a box, while a fact box line ("Crews working: 212") or a date alone ("March
    2024") is the article's."""
    strong = [
        index
        for index, line in enumerate(lines)
        if line.kind is None and line.cls == PROSE and line.words >= STRONG_PARAGRAPH_WORDS
    ]
    while strong and _contact(lines[strong[-1]]):
        strong.pop()  # the reporter's address after the article ("Reach her at 555-0150.")
    if not strong:
        return
    first, last = strong[0], strong[-1]
    for index, line in enumerate(lines):
        if line.kind is not None or line.cls == BLANK:
            continue
        inside = first <= index <= last
        if line.cls == DATA and (not inside or (numbers_line(line.plain) and not LABEL_RE.match(line.plain))):
            line.kind = "box"
        elif inside:
            continue
        elif _masthead(line, markers) or _contact(line):
            line.kind = "furniture"
        elif (
            index > last
            and line.cls in (SHORT, HEADLINE)
            and not line.bulleted  # the article's closing list of facts
            and HAS_DIGIT_RE.search(line.plain)
            and not LABEL_RE.match(line.plain)
            and not PIPE_ROW_RE.match(line.plain)
            and not HANDLE_RE.search(line.plain)  # an embedded post's attribution
            and line.plain.rstrip()[-1] not in "?!\"”'’"  # a question or a quotation of the article
        ):
            line.kind = "teaser"  # a headline after the article: another story, or a promotion


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
    lines = split_lines(text, markers)
    cache = markers.class_cache
    for line in lines:
        if line.words > CACHED_LINE_MAX_WORDS:
            line.cls = classify(line, markers)
            continue
        key = (line.body, line.bulleted)
        cls = cache.get(key)
        if cls is None:
            if len(cache) >= CLASS_CACHE_SIZE:
                cache.clear()
            cls = cache[key] = classify(line, markers)
        line.cls = cls
    _mark_tickers(lines, markers)
    _mark_teasers(lines)
    _mark_single_lines(lines)
    _mark_embed_text(lines)
    _mark_captions(lines, markers)
    _mark_pull_quotes(lines)
    _mark_menus(lines, markers)
    _mark_link_runs(lines, markers)
    _mark_tail(lines, markers)
    _mark_outside_article(lines, markers)
    _mark_duplicates(lines, markers)
    regions: list[Region] = []
    open_kind: str | None = None  # kind of the region a following line may extend
    for line in lines:
        if line.cls == BLANK:
            continue
        if line.kind is None:
            open_kind = None
            if line.cls in TEXT_CLASSES and line.words > 1:
                credit = credit_tail(line.body, markers)
                if credit is not None:
                    regions.append((line.end - len(line.body) + credit, line.end, "furniture"))
            continue
        if open_kind == line.kind:
            regions[-1] = (regions[-1][0], line.end, line.kind)
        else:
            regions.append((line.start, line.end, line.kind))
            open_kind = line.kind
    return regions
