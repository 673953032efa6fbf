"""Front matter of Markdown and text files, read strictly first and leniently after.

    read_front_matter(text) -> FrontMatter(metadata, body, body_line, notes)

YAML between `---` fences (closed by `---` or `...`), or TOML between `+++` fences,
is parsed strictly. Where that fails (an unquoted ": " in a title, a stray quote, a
tab, a line without a colon), the block is read line by line: the first ": " (or
"=" in TOML) splits a key from its value, quotes are optional, an indented line
continues the value above it. A block never closed, front matter after blank
lines, or `key: value` lines at the very top without fences are read too. Keys are
matched to the ones claimcheck reads (rules/lexicon/metadata.yaml: "date" is
`published`, "Title" is `title`, "pubished" is `published`).

Every assumption is a note (file line, what was assumed): the readers turn notes
into input-warning findings, and the article is read. Values stay strings as
written (`id: 0123` is "0123", a date is read by claimcheck.ingest.published).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck.rules import load_lexicon

Note = tuple[int | None, str]
"""(1-based line of the file, or None; what was assumed)."""

KNOWN_KEYS = ("id", "title", "source", "published", "url")
YAML_FENCE = "---"
YAML_CLOSERS = ("---", "...")
TOML_FENCE = "+++"
FENCE_RE = re.compile(r"^(?P<fence>-{3,}|\.{3}|\+{3})[ \t]*$")
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")  # a lone CR ends a line too (old Mac files)
# A key line read leniently: a key of a few words, then ":" (or "=" in TOML).
KEY_LINE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z_][\w .-]{0,40}?)[ \t]*(?P<sep>:|=)(?P<rest>.*)$"
)
COMMENT_RE = re.compile(r"^\s*#")
LIST_ITEM_RE = re.compile(r"^\s*-\s+(?P<item>.*)$")
# A "#" after a value is a YAML comment ("source: Daily  # print"), unless it starts a word:
# "title: Rates hit #1 again" is a hashtag or a number written so.
HASHTAG_CUT_RE = re.compile(r"\s#(?=\S)")
QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’"}
# A line YAML reads as a key and a plain, one-line value and nothing else: no quotes,
# comments, anchors, tags, lists or nesting (the value starts with a letter, a digit or
# "(", and holds no "#", no ": " and no character YAML reads as a line break).
# Front matter of only such lines is read without PyYAML, which is slow to import;
# tests/test_ingest.py checks that PyYAML reads every such block the same.
PLAIN_LINE_RE = re.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_]{0,63}(?:-[A-Za-z0-9_]{1,63}){0,3}):"
    r"(?:[ ]+(?P<value>[A-Za-z0-9(]"
    r"[\x20-\x22\x24-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*?))?"
    r"[ ]*(?:\r\n|\n|\r)?"
)
YAML_NULLS = frozenset({"null", "Null", "NULL"})
MIN_KEY_LIKENESS = 0.8
"""How alike a key must be to a known key (difflib ratio) to be read as a misspelling of it."""


@dataclass
class FrontMatter:
    metadata: dict[str, Any]
    body: str
    body_line: int
    """The 1-based file line where the body starts."""
    notes: list[Note] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """The file line of each known key, for notes about its value."""


def read_front_matter(text: str) -> FrontMatter:
    """The front matter of a file's text (without its byte-order mark) and the body after it."""
    lines = LINE_RE.findall(text)
    if lines and not lines[-1]:
        lines.pop()
    opening = _opening(lines)
    if opening is None:
        return _unfenced(text, lines)
    start, fence = opening
    notes: list[Note] = []
    if start:
        notes.append((start + 1, f"front matter starts after {start} blank line(s); it was read"))
    closing = _closing(lines, start + 1, fence)
    if closing is None:
        return _unclosed(text, lines, start, fence, notes)
    close_index, closer = closing
    block = lines[start + 1 : close_index]
    separator = "=" if fence == TOML_FENCE else ":"
    if block and not any(KEY_LINE_RE.match(line) for line in block):
        # No key line at all: a horizontal rule over text, not front matter. Nothing is lost.
        notes.append((start + 1, f"'{fence}' opens the file but no key: value lines follow; read as text"))
        return FrontMatter({}, text, 1, notes)
    if closer.strip() not in (fence, *(YAML_CLOSERS if fence == YAML_FENCE else ())):
        notes.append(
            (close_index + 1, f"'{closer.strip()}' read as the closing '{fence}' of the front matter")
        )
    metadata, key_lines = _parse_block(block, start + 2, separator, notes)
    body_start = sum(len(line) for line in lines[: close_index + 1])
    return FrontMatter(
        metadata, text[body_start:], close_index + 2, sorted(notes, key=_note_order), key_lines
    )


# ------------------------------------------------------------------ the block's limits


def _opening(lines: list[str]) -> tuple[int, str] | None:
    """(index, fence) of the line opening front matter: the first line, or the first after blank lines."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = FENCE_RE.match(line.rstrip("\r\n"))
        if match and match.group("fence") in (YAML_FENCE, TOML_FENCE):
            following = lines[index + 1 : index + 2]
            if following and _key_line(
                following[0].rstrip("\r\n"), "=" if match.group("fence") == TOML_FENCE else ":"
            ):
                return index, match.group("fence")
            if index == 0:
                return index, match.group("fence")
        return None
    return None


def _closing(lines: list[str], first: int, fence: str) -> tuple[int, str] | None:
    for index in range(first, len(lines)):
        stripped = lines[index].rstrip("\r\n")
        match = FENCE_RE.match(stripped)
        if match is None:
            continue
        mark = match.group("fence")
        if fence == YAML_FENCE and (mark.startswith("-") or mark == "..."):
            return index, stripped
        if fence == TOML_FENCE and mark == TOML_FENCE:
            return index, stripped
    return None


def _unclosed(text: str, lines: list[str], start: int, fence: str, notes: list[Note]) -> FrontMatter:
    """Front matter never closed: its key lines up to the first other line, the rest is the body."""
    separator = "=" if fence == TOML_FENCE else ":"
    end = start + 1
    while end < len(lines) and lines[end].strip() and _key_line(lines[end].rstrip("\r\n"), separator):
        end += 1
    if end == start + 1:
        notes.append(
            (start + 1, f"'{fence}' opens the file but no front matter follows; it was read as text")
        )
        return FrontMatter({}, text, 1, notes)
    notes.append(
        (start + 1, f"the front matter opened here is never closed; lines {start + 2}-{end} were read as it")
    )
    metadata, key_lines = resolve_keys(
        _line_wise(lines[start + 1 : end], start + 2, separator, notes, strict_failed=False), notes
    )
    body_start = sum(len(line) for line in lines[:end])
    return FrontMatter(metadata, text[body_start:], end + 1, sorted(notes, key=_note_order), key_lines)


def _unfenced(text: str, lines: list[str]) -> FrontMatter:
    """`title: ...` / `published: ...` lines at the very top, with no fences, before a blank line."""
    end = 0
    known = 0
    while end < len(lines) and lines[end].strip() and (match := _key_line(lines[end].rstrip("\r\n"), ":")):
        known += canonical_key(match.group("key"))[0] is not None
        end += 1
    if known < 2 or end >= len(lines) or lines[end].strip():
        return FrontMatter({}, text, 1)
    notes: list[Note] = [(1, f"lines 1-{end} are front matter without '---' fences; they were read as it")]
    metadata, key_lines = resolve_keys(_line_wise(lines[:end], 1, ":", notes, strict_failed=False), notes)
    body_start = sum(len(line) for line in lines[:end])
    return FrontMatter(metadata, text[body_start:], end + 1, sorted(notes, key=_note_order), key_lines)


def _key_line(line: str, separator: str) -> re.Match[str] | None:
    match = KEY_LINE_RE.match(line)
    if match is None or match.group("sep") != separator or match.group("indent"):
        return None
    return match


# ------------------------------------------------------------------ parsing the block

Entry = tuple[str, Any, int]
"""(key as written, value, file line)."""


@functools.cache
def _string_loader() -> Any:
    """The YAML loader, built when a draft has YAML front matter (PyYAML is slow to import)."""
    import yaml

    class StringLoader(yaml.SafeLoader):
        """YAML with every scalar a string (or None): values are kept as written."""

    StringLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return StringLoader


def _parse_block(block: list[str], first_line: int, separator: str, notes: list[Note]) -> Resolved:
    data, problem = _strict(block, first_line, separator)
    if problem is None and data is not None and not isinstance(data, dict):
        problem = (first_line, "not key: value lines")
    if problem is not None:
        before = len(notes)
        entries = _line_wise(block, first_line, separator, notes, strict_failed=True)
        if len(notes) == before:  # no line alone is at fault: say where the parser stopped
            line, reason = problem
            notes.append((line or first_line, f"not valid front matter ({reason}); it was read line by line"))
        return resolve_keys(entries, notes)
    if not data:
        return {}, {}
    # Valid: the values are the parser's; the lines (for keys given twice, for notes) are the text's.
    entries = []
    written = _line_wise(block, first_line, separator, [], strict_failed=False)
    seen = set()
    for name, raw, line in written:
        if name in data:
            entries.append((name, _kept_hashtag(name, data[name], raw, line, notes), line))
            seen.add(name)
    entries.extend((str(name), value, first_line) for name, value in data.items() if name not in seen)
    return resolve_keys(entries, notes)


def _strict(block: list[str], first_line: int, separator: str) -> tuple[Any, tuple[int | None, str] | None]:
    """(data, None), or (None, (file line or None, problem)) when the block is not valid."""
    text = "".join(block)
    if separator == "=":
        import tomllib  # front matter in TOML only

        try:
            return tomllib.loads(text), None
        except (ValueError, RecursionError) as exc:  # a decode error, or an integer too long to convert
            found = re.search(r"line (\d+)", str(exc))
            return None, (first_line + int(found.group(1)) - 1 if found else None, str(exc).split(" (at")[0])
    plain = _plain_mapping(block)
    if plain is not None:
        return plain, None
    import yaml

    try:
        return yaml.load(text, Loader=_string_loader()), None
    except RecursionError:
        return None, (None, "nested too deeply")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return None, (first_line + mark.line if mark is not None else None, problem)


def _plain_mapping(block: list[str]) -> dict[str, str | None] | None:
    """The block's mapping if every line is a plain `key: value` line (as YAML reads it: a
    later key wins, an empty or null value is None); None if any line needs PyYAML."""
    data: dict[str, str | None] = {}
    for line in block:
        match = PLAIN_LINE_RE.fullmatch(line)
        if match is None or match.group("key") in YAML_NULLS:
            return None
        value = match.group("value")
        if value is not None and (": " in value or value.endswith(":")):
            return None  # a second key, or a nested mapping
        data[match.group("key")] = None if value is None or value in YAML_NULLS else value
    return data or None


def _kept_hashtag(name: str, value: Any, raw: Any, line: int, notes: list[Note]) -> Any:
    """ "title: Rates hit #1 again": YAML cuts a comment at " #"; a "#" that starts a word is text."""
    if not (isinstance(value, str) and isinstance(raw, str)) or raw == value:
        return value
    cut = HASHTAG_CUT_RE.search(raw)
    if cut is None or not raw.startswith(value.rstrip()) or len(value.rstrip()) != cut.start():
        return value
    notes.append((line, f"'{raw[cut.start() + 1 :]}' after {name} is text, not a YAML comment; it was kept"))
    return raw


def _line_wise(
    block: list[str], first_line: int, separator: str, notes: list[Note], *, strict_failed: bool
) -> list[Entry]:
    """The lenient reader: `key: value` lines, the first separator splits, quotes optional.
    With `strict_failed`, each line the strict parser could not read alone is noted."""
    entries: list[Entry] = []
    for offset, raw_line in enumerate(block):
        number = first_line + offset
        line = raw_line.rstrip("\r\n")
        if not line.strip() or COMMENT_RE.match(line):
            continue
        match = KEY_LINE_RE.match(line)
        known = match is not None and canonical_key(match.group("key").strip())[0] is not None
        if match and match.group("sep") == separator and (not match.group("indent") or known):
            key, value, assumed = _split(match, separator)
            if match.group("indent") and strict_failed:
                assumed.append("the indentation before the key was ignored")
            if strict_failed and (assumed or not _strict_line(line, separator)):
                shown = f"{key} = '{value}'" if value else f"{key} (empty)"
                why = "; ".join(assumed) if assumed else _fault(match.group("rest").strip(), separator)
                notes.append((number, f"read as {shown} ({why})"))
            entries.append((key, value, number))
        elif entries and (line[:1] in " \t" or LIST_ITEM_RE.match(line)):
            key, previous, start = entries[-1]
            item = LIST_ITEM_RE.match(line)
            addition = (item.group("item") if item else line).strip()
            joined = (
                f"{previous}, {addition}" if item and previous else f"{previous or ''} {addition}".strip()
            )
            entries[-1] = (key, joined, start)
        elif strict_failed:
            notes.append((number, f"'{line.strip()}' is no key: value line; it was left out"))
    return entries


def _split(match: re.Match[str], separator: str) -> tuple[str, str, list[str]]:
    """(key, value, what was assumed) of a key line: the first ": " splits, quotes are optional."""
    key = match.group("key").strip()
    rest = match.group("rest")
    assumed: list[str] = []
    if separator == ":" and rest and not rest[0].isspace():
        assumed.append("no space after ':'")
    value = rest.strip()
    if value[:1] in QUOTES:
        closing = QUOTES[value[0]]
        if len(value) > 1 and value.endswith(closing):
            value = value[1:-1]
        else:
            value = value[1:]
            assumed.append("an unclosed quote was dropped")
    return key, value, assumed


def _fault(value: str, separator: str) -> str:
    """Why a line is not valid alone, in words: the common slips first."""
    if separator == ":" and ": " in value:
        return "an unquoted ': ' in the value"
    if value[:1] in QUOTES and QUOTES[value[0]] in value[1:-1]:
        return "a quote inside the quoted value"
    if value and value[0] in "[{&*!|>%@`":  # ("" is in every string: an empty value is none of these)
        return f"a value starting with '{value[0]}'"
    return "not valid on its own"


def _strict_line(line: str, separator: str) -> bool:
    """Whether the line alone is a valid one-key mapping in the strict syntax."""
    import tomllib

    import yaml

    try:
        if separator == "=":
            return isinstance(tomllib.loads(line), dict)
        return isinstance(yaml.load(line, Loader=_string_loader()), dict)
    except (yaml.YAMLError, ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return False


# ------------------------------------------------------------------ keys


@functools.cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, names in (load_lexicon("metadata").get("keys") or {}).items():
        for name in names or ():
            table[str(name).lower()] = str(key)
    return table


def _note_order(note: Note) -> tuple[int, str]:
    return note[0] or 0, note[1]


def canonical_key(name: str) -> tuple[str | None, str | None]:
    """(the known key a name stands for, how it was read: None when it is the key itself)."""
    if name in KNOWN_KEYS:
        return name, None
    lower = name.lower().replace("-", "_").replace(" ", "_")
    if lower in KNOWN_KEYS:
        return lower, f"'{name}' read as '{lower}'"
    alias = _aliases().get(lower)
    if alias is not None:
        return alias, f"'{name}' read as '{alias}'"
    import difflib  # only for a key that is not known

    close = difflib.get_close_matches(lower, KNOWN_KEYS, n=1, cutoff=MIN_KEY_LIKENESS)
    if close and len(lower) >= 4:
        return close[0], f"'{name}' read as '{close[0]}' (a misspelling?)"
    return None, None


Resolved = tuple[dict[str, Any], dict[str, int]]
"""(metadata, the file line of each known key)."""


def resolve_keys(entries: list[Entry], notes: list[Note]) -> Resolved:
    """Metadata under the known keys, from front matter or a jsonl record (other keys kept as
    written); a key given twice keeps the later value; another name for a key that is also
    given under its own name is left out."""
    metadata: dict[str, Any] = {}
    exact = {name for name, _value, _line in entries if name in KNOWN_KEYS}
    seen: dict[str, int] = {}
    for name, value, line in entries:
        key, how = canonical_key(name)
        if key is None:
            metadata[name] = value
            continue
        if how is not None and key in exact:
            notes.append((line, f"'{name}' was left out: '{key}' is given"))
            continue
        if key in seen:
            notes.append((line, f"'{key}' is given again (line {seen[key]}); the later value was read"))
        elif how is not None:
            notes.append((line, how))
        seen[key] = line
        metadata[key] = value
    return metadata, seen
