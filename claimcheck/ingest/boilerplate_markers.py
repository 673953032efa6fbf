"""The boilerplate lexicon (rules/lexicon/boilerplate.yaml) compiled: marker words, limits
and the patterns the line classifier uses.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass, field
from typing import Any

from claimcheck.errors import RuleFileError
from claimcheck.rules import load_lexicon

# Date and time parts of a date line, built like htmldate's DAY_RE / MONTH_RE.
DAY_PATTERN = r"[0-3]?\d(?:st|nd|rd|th)?"
YEAR_PATTERN = r"(?:19|20)\d{2}"
TIME_PATTERN = r"(?:\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
ISO_DATE_PATTERN = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
NUMERIC_DATE_PATTERN = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
OFFSET_PATTERN = r"(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"  # after a zone name: "GMT+3"
NUMERIC_OFFSET_PATTERN = r"[+-]\d{2}:?\d{2}"  # alone: "+0300"


# Marker keys: lower-case words; apostrophes vanish ("what's" = "whats"), other punctuation
# and Markdown emphasis separate words ("**More from City Hall**" = "more from city hall").
# A translation table rather than a regex: every line of every page is keyed.
_KEY_TABLE = str.maketrans(
    {
        **{char: " " for char in string.punctuation if char not in "&+'`"},
        **dict.fromkeys("'`’‘", ""),
        **dict.fromkeys("“”„«»‹›–—‐‑·•…°|¦©®™", " "),
    }
)


def marker_key(text: str) -> str:
    """A line or a lexicon phrase as case- and punctuation-insensitive words."""
    return " ".join(text.lower().translate(_KEY_TABLE).split())


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first (so "live updates" beats "live")."""
    escaped = sorted({re.escape(str(word)) for word in words}, key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


@dataclass(frozen=True, slots=True)
class Markers:
    """The compiled lexicon of one rules folder."""

    menu_item_max_words: int
    menu_link_max_words: int
    menu_min_items: int
    menu_min_links: int
    label_max_words: int
    headline_max_words: int
    byline_max_words: int
    credit_max_words: int
    caption_credit_max_words: int
    tail_max_words: int
    duplicate_min_words: int
    ticker_max_lines: int
    short_line_max_chars: int
    bullet_re: re.Pattern[str]
    ticker_headers: frozenset[str]
    inline_headers: frozenset[str]
    list_headers: frozenset[str]
    box_headers: frozenset[str]
    list_prefix_re: re.Pattern[str]
    marker_max_words: int
    """The longest header or furniture phrase, in words: longer lines are no such marker."""
    prefix_first_re: re.Pattern[str]
    """First words of the list and furniture prefixes: only long lines starting so are keyed."""
    teaser_line_re: re.Pattern[str]
    calendar_words: frozenset[str]
    """Month and weekday names and abbreviations, time zones, am/pm: as keys without spaces."""
    glued_ticker_re: re.Pattern[str]
    furniture_phrases: frozenset[str]
    furniture_prefix_re: re.Pattern[str]
    masthead_re: re.Pattern[str]
    caption_label_re: re.Pattern[str]
    furniture_re: re.Pattern[str]
    share_names: frozenset[str]
    credit_tail_re: re.Pattern[str]
    credit_names: frozenset[str]
    credit_phrase_re: re.Pattern[str]
    credit_words: frozenset[str]
    connectors: frozenset[str]
    byline_re: re.Pattern[str]
    source_re: re.Pattern[str]
    date_line_re: re.Pattern[str]
    tag_line_re: re.Pattern[str]
    # Classes of short lines seen before: a site repeats its menus and furniture on
    # every page of a batch. Bounded by CLASS_CACHE_SIZE.
    class_cache: dict[tuple[str, bool], str] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )


def _limit(limits: dict[str, Any], key: str) -> int:
    value = limits.get(key)
    if not isinstance(value, int) or value < 0:
        raise RuleFileError("lexicon/boilerplate.yaml", f"limits.{key}", "must be an integer >= 0")
    return value


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleFileError("lexicon/boilerplate.yaml", key, "must be a list of strings")
    return [item.lower() for item in value]


def _keys(data: dict[str, Any], key: str) -> frozenset[str]:
    """A list of phrases as marker keys (see `marker_key`)."""
    return frozenset(marker_key(phrase) for phrase in _words(data, key))


def _bullet_re(bullets: str) -> re.Pattern[str]:
    """Bullets before a list entry: symbols ("•Home"), or ASCII marks followed by a space
    ("- item", "* item"; "**Bold**" and "-5%" are no list entries)."""
    ascii_marks = "".join(mark for mark in bullets if mark in "*-–")
    symbols = "".join(mark for mark in bullets if mark not in ascii_marks)
    return re.compile(rf"(?:\s|[{re.escape(symbols)}]|[{re.escape(ascii_marks)}](?=\s))+(?=\S)")


@functools.cache
def load_markers(rules_dir: str | None = None) -> Markers:
    """Compile the boilerplate lexicon once per rules folder."""
    data = load_lexicon("boilerplate", rules_dir)
    if not isinstance(data, dict):
        raise RuleFileError("lexicon/boilerplate.yaml", None, "must be a mapping")
    limits = data.get("limits") or {}
    separator = r"\s*(?::|\||»|>|–|—|\s-)\s*"
    # Month and weekday names are the temporal lexicon's, with their abbreviations.
    calendar = load_lexicon("temporal", rules_dir)
    months = _alternation([*calendar["months"], *calendar["month_abbreviations"]])
    weekdays = _alternation([*calendar["weekdays"], *calendar["weekday_abbreviations"]])
    zones = _alternation(_words(data, "time_zones"))
    units = _alternation(_words(data, "relative_time_units"))
    date = (
        rf"(?:{weekdays}\.?,?\s+)?"
        rf"(?:{DAY_PATTERN}\s+{months}\.?,?\s+{YEAR_PATTERN}"
        rf"|{months}\.?\s+{DAY_PATTERN},?\s+{YEAR_PATTERN}"
        rf"|{months}\.?\s+{DAY_PATTERN}"
        rf"|{DAY_PATTERN}\s+{months}\.?"
        rf"|{ISO_DATE_PATTERN}|{NUMERIC_DATE_PATTERN})"
    )
    time = rf"{TIME_PATTERN}(?:\s*(?:\(?{zones}{OFFSET_PATTERN}\)?|{NUMERIC_OFFSET_PATTERN}))?"
    stamp = (
        rf"(?:{date}(?:\s*(?:,|at|-|–|\||/|·)?\s*{time})?"
        rf"|{time}(?:\s*(?:,|on|-|–|\||·)?\s*{date})?"
        rf"|(?:\d{{1,3}}|an?|one)\s*{units}\s+ago|yesterday|today|just now)"
    )
    prefix = rf"(?:{_alternation(_words(data, 'dateline_prefixes'))}\s*[:\-–]?\s*)?"
    # Scraped pages glue the parts: "September 22, 20235:51 PM GMT+3Updated a year ago".
    date_line = rf"{prefix}{stamp}(?:\s*[|,;–·-]?\s*{prefix}{stamp})?\.?"
    credit_labels = _words(data, "credit_labels")
    labels = sorted(
        {label.capitalize() for label in credit_labels} | {label.upper() for label in credit_labels},
        key=len,
        reverse=True,
    )
    credit_tail = (
        r"(?:(?<=\s)|^)\(?(?:" + "|".join(re.escape(label) for label in labels) + r")"
        r"(?:\s*:\s*|\s+(?:by|courtesy of|courtesy)\s+)(?P<who>[^\n()!?:;]{1,80}?)\)?\s*$"
    )
    bullets = data.get("bullets")
    if not isinstance(bullets, str) or not bullets:
        raise RuleFileError("lexicon/boilerplate.yaml", "bullets", "must be a string of characters")
    phrases = [
        *_keys(data, "ticker_headers"),
        *_keys(data, "teaser_inline_headers"),
        *_keys(data, "teaser_list_headers"),
        *_keys(data, "box_headers"),
        *_keys(data, "furniture_phrases"),
        *_keys(data, "share_names"),
    ]
    return Markers(
        marker_max_words=max(len(phrase.split()) for phrase in phrases),
        menu_item_max_words=_limit(limits, "menu_item_max_words"),
        menu_link_max_words=_limit(limits, "menu_link_max_words"),
        menu_min_items=_limit(limits, "menu_min_items"),
        menu_min_links=_limit(limits, "menu_min_links"),
        label_max_words=_limit(limits, "label_max_words"),
        headline_max_words=_limit(limits, "headline_max_words"),
        byline_max_words=_limit(limits, "byline_max_words"),
        credit_max_words=_limit(limits, "credit_max_words"),
        caption_credit_max_words=_limit(limits, "caption_credit_max_words"),
        tail_max_words=_limit(limits, "tail_max_words"),
        duplicate_min_words=_limit(limits, "duplicate_min_words"),
        ticker_max_lines=_limit(limits, "ticker_max_lines"),
        short_line_max_chars=_limit(limits, "short_line_max_chars"),
        bullet_re=_bullet_re(bullets),
        ticker_headers=_keys(data, "ticker_headers"),
        glued_ticker_re=re.compile(
            rf"(?:{_alternation([w.capitalize() for w in _words(data, 'ticker_headers')])})(?=[A-Z][a-z])"
        ),
        inline_headers=_keys(data, "teaser_inline_headers"),
        list_headers=_keys(data, "teaser_list_headers"),
        box_headers=_keys(data, "box_headers"),
        list_prefix_re=re.compile(rf"{_alternation(sorted(_keys(data, 'teaser_list_prefixes')))} \S"),
        prefix_first_re=re.compile(
            _alternation(
                sorted(
                    {
                        p.split()[0]
                        for p in _keys(data, "teaser_list_prefixes") | _keys(data, "furniture_prefixes")
                    }
                )
            )
            + r"\b",
            re.IGNORECASE,
        ),
        teaser_line_re=re.compile(
            rf"{_alternation(_words(data, 'teaser_line_prefixes'))}{separator}\S", re.IGNORECASE
        ),
        calendar_words=frozenset(
            marker_key(str(word)).replace(" ", "")
            for word in [
                *calendar["months"],
                *calendar["month_abbreviations"],
                *calendar["weekdays"],
                *calendar["weekday_abbreviations"],
                *_words(data, "time_zones"),
                "am",
                "pm",
            ]
        ),
        furniture_phrases=_keys(data, "furniture_phrases"),
        furniture_prefix_re=re.compile(rf"{_alternation(sorted(_keys(data, 'furniture_prefixes')))}\b"),
        masthead_re=re.compile(
            rf"\b{_alternation(sorted(_keys(data, 'masthead_markers')))} (?:1[5-9]|20)\d\d$"
        ),
        caption_label_re=re.compile(rf"\b{_alternation(_words(data, 'caption_labels'))}\s*:", re.IGNORECASE),
        furniture_re=re.compile(
            "(?:" + "|".join(f"(?:{p})" for p in _words(data, "furniture_patterns")) + ")",
            re.IGNORECASE,
        ),
        share_names=frozenset(_words(data, "share_names")),
        credit_tail_re=re.compile(credit_tail),
        credit_names=frozenset(_words(data, "credit_names")),
        credit_phrase_re=re.compile(
            rf"\b{_alternation([n for n in _words(data, 'credit_names') if ' ' in n])}\b",
            re.IGNORECASE,
        ),
        credit_words=frozenset(_words(data, "credit_words")),
        connectors=frozenset(_words(data, "name_connectors")),
        byline_re=re.compile(
            rf"{_alternation(_words(data, 'byline_prefixes'))}\s*:?\s+(?P<names>\S.*)",
            re.IGNORECASE,
        ),
        source_re=re.compile(
            rf"{_alternation(_words(data, 'byline_source_prefixes'))}\s*:\s*(?P<names>\S.*)",
            re.IGNORECASE,
        ),
        date_line_re=re.compile(date_line, re.IGNORECASE),
        tag_line_re=re.compile(rf"{_alternation(_words(data, 'tag_prefixes'))}\s*:\s*\S.*", re.IGNORECASE),
    )
