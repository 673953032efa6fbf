"""Safe rewrites of dates in a draft, and applying them.

    explicit_day(text, start, end, day, style, rules_dir) -> Fix
    mismatch_fix(text, start, end, reference, style, rules_dir) -> Fix | None
    in_quotation(text, start, end) -> bool
    apply_fixes(text, fixes) -> (new_text, applied)
    unified_diff(path, old, new) -> str

Styles: `ap` writes the day bare ("voted Thursday"), with "on" only to avoid
juxtaposing it with a proper name ("met Smith on Thursday"), as AP does;
`plain` keeps the preposition ordinary English wants ("voted on Thursday").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from claimcheck.models import Fix
from claimcheck.rules import load_lexicon

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
"""Relative day words and their distance in days from the publication day."""

DAY_RE = r"(?:" + "|".join(DAY_NAMES) + r")"
RELATIVE_RE = r"(?:" + "|".join(RELATIVE_DAYS) + r")"
COMBINED_RE = re.compile(
    rf"(?i)\b(?:(?P<rel>{RELATIVE_RE}),?[ \t]+(?:on[ \t]+)?(?P<day>{DAY_RE})"
    rf"|(?P<day2>{DAY_RE}),?[ \t]+(?P<rel2>{RELATIVE_RE}))\b"
)
"""A relative day word beside a day name: "yesterday, Thursday", "Thursday, yesterday"."""

PREVIOUS_WORD_RE = re.compile(r"(?P<word>[\w'’]+)[ \t]*$")
SENTENCE_OPENING_RE = re.compile(r"(?:^|[.!?:;\"“(\[]|^[ \t]*(?:[-*+>]|\d+[.)]|#+)[ \t]*)[ \t]*$")
"""What precedes a sentence-initial word: nothing, end punctuation, a list/quote/heading mark."""

PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
BLOCKQUOTE_RE = re.compile(r"^ {0,3}>", re.MULTILINE)  # matched at any line's start, not only the text's
OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"


def _lexicon(rules_dir: str | None) -> dict[str, Any]:
    data = load_lexicon("house-style", rules_dir)
    return data if isinstance(data, dict) else {}


def ap_date(target: date, reference: date, window: int, rules_dir: str | None = None) -> str:
    """A day as AP writes it: the weekday within `window` days, else month and day."""
    distance = abs((target - reference).days)
    if distance <= window and (distance == 0 or target.weekday() != reference.weekday()):
        return DAY_NAMES[target.weekday()]
    months = _lexicon(rules_dir).get("ap", {}).get("months") or [
        date(2000, month, 1).strftime("%B") for month in range(1, 13)
    ]
    written = f"{months[target.month - 1]} {target.day}"
    return written if target.year == reference.year else f"{written}, {target.year}"


def line_bounds(text: str, start: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return line_start, len(text) if line_end == -1 else line_end


def sentence_initial(text: str, start: int) -> bool:
    line_start, _ = line_bounds(text, start)
    return SENTENCE_OPENING_RE.search(text[line_start:start]) is not None


def explicit_day(
    text: str, start: int, end: int, day: str, style: str = "ap", rules_dir: str | None = None
) -> Fix:
    """Replace text[start:end] (a relative day word) by the day, as grammar allows.

    "yesterday's vote" -> "Thursday's vote"; "since yesterday" -> "since Thursday";
    "voted yesterday" -> "voted Thursday" (ap) or "voted on Thursday" (plain);
    "Yesterday, the council" -> "Thursday, the council" (ap) or "On Thursday, ...".
    """
    lexicon = _lexicon(rules_dir)
    prepositions = {word.lower() for word in lexicon.get("prepositions", [])}
    copulas = {word.lower() for word in lexicon.get("copulas", [])}
    line_start, _ = line_bounds(text, start)
    before = text[line_start:start]
    after = text[end : end + 2]
    previous = PREVIOUS_WORD_RE.search(before)
    previous_word = previous.group("word").lower() if previous else ""
    initial = sentence_initial(text, start)
    possessive = after in ("'s", "’s")
    needs_on = False
    if possessive or previous_word in prepositions or previous_word in copulas:
        needs_on = False
    elif initial:
        # Only an adverbial opening takes "On" ("Yesterday, the council ..."); a subject does not.
        needs_on = style == "plain" and text[end : end + 1] == ","
    elif style == "plain":
        needs_on = True
    elif (
        previous is not None
        and previous.group("word")[:1].isupper()
        and not sentence_initial(text, line_start + previous.start())
    ):
        needs_on = True  # AP: "on" avoids juxtaposing the day with a proper name
    replacement = day
    if needs_on:
        replacement = ("On " if initial else "on ") + day
    return Fix(start=start, end=end, replacement=replacement)


def mismatch_fix(
    text: str,
    start: int,
    end: int,
    reference: date | None,
    style: str = "ap",
    rules_dir: str | None = None,
) -> Fix | None:
    """The one safe rewrite of "yesterday, Thursday" when the two halves disagree.

    The day name is the certain half: it was written for the event, while the
    relative word depends on when the copy runs, and drafts go stale. So the
    relative word goes and the day name stays. Other mismatches ("Tuesday,
    March 12" when March 12 is a Wednesday) have no certain reading: no fix.
    """
    if reference is None:
        return None
    line_start, line_end = line_bounds(text, start)
    for match in COMBINED_RE.finditer(text, line_start, line_end):
        if not (match.start() < max(end, start + 1) and start < match.end()):
            continue
        named = combined_day(match)
        if day_of_relative(match, reference) == named:
            return None
        return combined_fix(text, match, named, style, rules_dir)
    return None


def combined_day(match: re.Match[str]) -> str:
    """The day name of a COMBINED_RE match, capitalized."""
    return (match.group("day") or match.group("day2")).capitalize()


def day_of_relative(match: re.Match[str], reference: date) -> str:
    """The day name the relative word of a COMBINED_RE match means against `reference`."""
    word = (match.group("rel") or match.group("rel2")).lower()
    return DAY_NAMES[(reference + timedelta(days=RELATIVE_DAYS[word])).weekday()]


def combined_fix(text: str, match: re.Match[str], written: str, style: str, rules_dir: str | None) -> Fix:
    """Replace "yesterday, Thursday" by the day alone, as grammar allows."""
    line_start, _ = line_bounds(text, match.start())
    fix_end = match.end()
    before = text[line_start : match.start()].rstrip()
    if text[fix_end : fix_end + 1] == "," and before[-1:].isalnum():
        fix_end += 1  # the appositive's closing comma goes with it: "voted Thursday to ..."
    return explicit_day(text, match.start(), fix_end, written, style, rules_dir)


def in_quotation(text: str, start: int, end: int) -> bool:
    """True if text[start:end] stands inside quotation marks or a blockquote of its paragraph."""
    breaks = [match.end() for match in PARAGRAPH_BREAK_RE.finditer(text, 0, start)]
    paragraph_start = breaks[-1] if breaks else 0
    # A blockquote line anywhere in the paragraph up to the fix's end: the fix is on a quoted
    # line, or on a line that continues a quote without its own '>' (a lazy continuation).
    if BLOCKQUOTE_RE.search(text, paragraph_start, line_bounds(text, end)[1]):
        return True
    paragraph = text[paragraph_start:start]
    if paragraph.count('"') % 2 == 1:
        return True
    opened = sum(paragraph.count(mark) for mark in OPEN_QUOTES)
    closed = sum(paragraph.count(mark) for mark in CLOSE_QUOTES)
    return opened > closed


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes from the end of the text backwards; a fix overlapping one applied is skipped.

    Identical fixes (two findings about the same words) are applied once.
    """
    applied: list[Fix] = []
    boundary = len(text)
    for fix in sorted(set_of(fixes), key=lambda item: (item.start, item.end), reverse=True):
        if fix.end > boundary or fix.start > fix.end:
            continue
        text = text[: fix.start] + fix.replacement + text[fix.end :]
        applied.append(fix)
        boundary = fix.start
    applied.reverse()
    return text, applied


def set_of(fixes: list[Fix]) -> list[Fix]:
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for fix in fixes:
        key = (fix.start, fix.end, fix.replacement)
        if key not in seen:
            seen.add(key)
            unique.append(fix)
    return unique


def unified_diff(path: str, old: str, new: str) -> str:
    import difflib  # only for --diff

    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=path,
        tofile=path,
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
