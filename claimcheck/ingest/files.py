"""Ingest: files on disk -> Articles (or a reason why a file cannot be read).

Formats (INTERFACE.md): .md/.markdown/.txt with optional YAML front matter,
.html/.htm, .jsonl (one article a line), a --manifest CSV giving metadata for
files that carry none, and folders read recursively. Offsets of claims index
`Article.text`: the file's text after any front matter, or the jsonl `text`.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from claimcheck.errors import InputError, UsageError
from claimcheck.ingest.published import parse_published
from claimcheck.models import Article

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused with a clear error instead of stalling a batch."""

METADATA_KEYS = ("id", "title", "source", "published", "url")

_FENCE = r"(?:---|\.\.\.)"
FRONT_MATTER_RE = re.compile(
    rf"\A(?:\ufeff)?---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^{_FENCE}[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
"""YAML front matter: a first line `---`, the YAML, a closing `---` (or `...`) line."""


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A file (or jsonl line) that could not be read; reported as an input-error finding."""

    article_id: str
    path: str
    reason: str
    line: int | None = None


def _text_field(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"{key} must be a string, not {type(value).__name__}")


EMPTY_FILE = "the file is empty"
BINARY_HEAD = 8192
"""Bytes at the start of a file searched for NUL bytes (a binary file)."""


def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError(path, EMPTY_FILE)
    return decode_part(data, path, 0)


def decode_part(data: bytes, path: str, start: int) -> str:
    """The bytes of a file from offset `start` as text, checked as a whole file is (NUL bytes
    and a byte-order mark only at the file's start; offsets in messages are the file's).
    An all-blank part is not an error: a file is empty only if all its parts are."""
    if start < BINARY_HEAD and b"\x00" in data[: BINARY_HEAD - start]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig" if start == 0 else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {start + exc.start}); save it as UTF-8",
        ) from None


def _read_bytes(path: Path, shown: str) -> bytes:
    return read_part(path, shown, 0, None)


def read_part(path: Path, shown: str, start: int, end: int | None) -> bytes:
    """The whole file (`end` None), or the lines of it that begin at a byte offset in [start, end):
    a byte range of a jsonl file, read without reading the rest. The size limit is the file's."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                shown,
                f"too large ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)",
            )
        if end is None:
            return path.read_bytes()
        with path.open("rb") as handle:
            if start > 0:  # the line running through `start` belongs to the range before
                handle.seek(start - 1)
                handle.readline()
            first = handle.tell()
            if first >= end:
                return b""
            data = handle.read(end - first)
            if not data.endswith(b"\n"):
                data += handle.readline()  # the last line that begins in the range, to its end
            return data
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, body_line): body_line is the 1-based file line where the body starts."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        if text.lstrip("\ufeff").startswith("---\n") or text.startswith("---\r\n"):
            raise InputError(path, "front matter opened with '---' is never closed")
        return {}, text.lstrip("\ufeff"), 1
    try:
        metadata = yaml.load(match.group("yaml"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(path, f"malformed front matter{where}: {problem}") from None
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        raise InputError(path, "front matter must be a mapping of keys to values")
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    return metadata, body, body_line


def _first_line_title(body: str) -> str | None:
    for line in body.splitlines():
        if line.strip():
            return line.strip()
    return None


def build_article(
    article_id: str,
    path: str,
    body: str,
    metadata: dict[str, Any],
    defaults: dict[str, Any] | None = None,
    body_line: int = 1,
) -> Article:
    """An Article from body text and metadata; metadata beats manifest `defaults`."""
    merged: dict[str, Any] = dict(defaults or {})
    merged.update({key: value for key, value in metadata.items() if value not in (None, "")})
    fields: dict[str, Any] = {}
    for key in ("title", "source", "url"):
        fields[key] = _text_field(merged.get(key), key)
    published = merged.get("published")
    if published not in (None, ""):
        fields["published"] = parse_published(published)
        fields["published_origin"] = "metadata"
    if not body.strip():
        raise ValueError("the article has no text")
    return Article(id=article_id, path=path, text=body, body_line=body_line, **fields)


class Manifest:
    """`--manifest FILE.csv`: path,source,published[,url,title]; paths relative to the CSV."""

    REQUIRED = ("path", "source", "published")

    def __init__(self, csv_path: str) -> None:
        self.path = csv_path
        self.folder = Path(csv_path).resolve().parent
        self.rows: dict[Path, dict[str, Any]] = {}
        try:
            with open(csv_path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = [name for name in self.REQUIRED if name not in (reader.fieldnames or [])]
                if missing:
                    raise UsageError(f"manifest {csv_path}: missing column(s) {', '.join(missing)}")
                for number, row in enumerate(reader, start=2):
                    if not (row.get("path") or "").strip():
                        raise UsageError(f"manifest {csv_path}, line {number}: empty path")
                    entry = {
                        k: (row.get(k) or "").strip() or None for k in ("source", "published", "url", "title")
                    }
                    if entry["published"]:
                        try:
                            parse_published(entry["published"])
                        except ValueError as exc:
                            raise UsageError(f"manifest {csv_path}, line {number}: {exc}") from None
                    self.rows[(self.folder / row["path"].strip()).resolve()] = entry
        except OSError as exc:
            raise UsageError(f"cannot read manifest {csv_path}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, csv.Error) as exc:
            raise UsageError(f"manifest {csv_path} is not a readable UTF-8 CSV: {exc}") from None

    def metadata_for(self, path: Path) -> dict[str, Any]:
        return dict(self.rows.get(path.resolve(), {}))

    def paths(self) -> list[Path]:
        return list(self.rows)


def _expand(
    paths: Iterable[str], listed: set[Path] | None = None, skipped: list[str] | None = None
) -> Iterator[tuple[Path, str]]:
    """(file, id) pairs: ids are file names relative to the folder argument.

    With a manifest (`listed`), a folder contributes only the files the manifest
    lists; the others are named in `skipped` so that nothing disappears silently.
    """
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for file in sorted(root.rglob("*")):
                if not file.is_file() or _hidden(file, root) or file.suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                if listed is not None and file.resolve() not in listed:
                    if skipped is not None:
                        skipped.append(str(file))
                    continue
                yield file, file.relative_to(root).as_posix()
        elif root.exists():
            yield root, given
        else:
            raise UsageError(f"no such file or folder: {given}")


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


def read_text_article(file: Path, article_id: str, shown: str, defaults: dict[str, Any]) -> Article:
    text = _decode(_read_bytes(file, shown), shown)
    metadata, body, body_line = split_front_matter(text, shown)
    if "id" in metadata and metadata["id"] not in (None, ""):
        article_id = str(metadata["id"])
    if not metadata.get("title") and not defaults.get("title") and file.suffix.lower() == ".txt":
        metadata["title"] = _first_line_title(body)
    try:
        return build_article(article_id, shown, body, metadata, defaults, body_line)
    except ValueError as exc:
        raise InputError(shown, str(exc)) from None


def read_html_article(file: Path, article_id: str, shown: str, defaults: dict[str, Any]) -> Article:
    from claimcheck.ingest.html import extract_html  # lazy: trafilatura is slow to import

    page = extract_html(_read_bytes(file, shown), shown)
    metadata = {
        "title": page.title,
        "source": page.site_name,
        "published": page.published,
        "url": page.url,
    }
    try:
        return build_article(article_id, shown, page.text, metadata, defaults)
    except ValueError as exc:
        raise InputError(shown, str(exc)) from None


def read_jsonl(
    file: Path, file_id: str, shown: str, defaults: dict[str, Any]
) -> Iterator[Article | InputFailure]:
    try:
        text = _decode(_read_bytes(file, shown), shown)
    except InputError as exc:
        yield InputFailure(file_id, shown, exc.reason)
        return
    yield from jsonl_records(text.splitlines(), file_id, shown, defaults)


def jsonl_records(
    lines: Iterable[str], file_id: str, shown: str, defaults: dict[str, Any], first_line: int = 1
) -> Iterator[Article | InputFailure]:
    """The articles of jsonl lines, numbered from `first_line` (a byte range of a file starts later)."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        line_id = f"{file_id}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(line_id, shown, f"line {number}: invalid JSON ({exc.msg})", number)
            continue
        if not isinstance(record, dict):
            yield InputFailure(line_id, shown, f"line {number}: expected a JSON object", number)
            continue
        article_id = str(record["id"]) if record.get("id") not in (None, "") else line_id
        body = record.get("text")
        if not isinstance(body, str):
            yield InputFailure(article_id, shown, f"line {number}: missing string field 'text'", number)
            continue
        metadata = {key: record.get(key) for key in METADATA_KEYS if key != "id"}
        try:
            yield build_article(article_id, shown, body, metadata, defaults)
        except ValueError as exc:
            yield InputFailure(article_id, shown, f"line {number}: {exc}", number)


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: its id (name relative to the folder argument), how it is shown, manifest metadata."""

    file: Path
    article_id: str
    shown: str
    defaults: dict[str, Any]

    @property
    def suffix(self) -> str:
        return self.file.suffix.lower()


def input_files(
    paths: list[str],
    manifest: str | None = None,
    skipped: list[str] | None = None,
) -> Iterator[InputFile]:
    """The input files of the given paths (or of the manifest alone), in a stable order."""
    table = Manifest(manifest) if manifest else None
    if not paths:
        if table is None:
            raise UsageError("no input: give files or folders (or --manifest)")
        paths = [str(path) for path in table.paths()]
    listed = set(table.paths()) if table else None
    for file, article_id in _expand(paths, listed, skipped):
        yield InputFile(file, article_id, str(file), table.metadata_for(file) if table else {})


def read_file(item: InputFile) -> Iterator[Article | InputFailure]:
    """The article(s) of one input file; a file that cannot be read yields an InputFailure."""
    suffix = item.suffix
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputFailure(item.article_id, item.shown, f"unsupported file type '{suffix or '(none)'}'")
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(item.file, item.article_id, item.shown, item.defaults)
        return
    reader = read_html_article if suffix in HTML_SUFFIXES else read_text_article
    try:
        yield reader(item.file, item.article_id, item.shown, item.defaults)
    except InputError as exc:
        yield InputFailure(item.article_id, item.shown, exc.reason)


def read_inputs(
    paths: list[str],
    manifest: str | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Article | InputFailure]:
    """Every article of the given files and folders, in a stable order.

    A file that cannot be read yields an InputFailure and reading goes on.
    --published is applied by the pipeline, not here, so that a dateline in the
    text can still be preferred to it.
    """
    seen: set[str] = set()
    for item in input_files(paths, manifest, skipped):
        for read in read_file(item):
            yield _unique(read, seen)


def unique_id(article_id: str, path: str | None, seen: set[str]) -> str:
    """Two inputs with the same id (same file name in two folders): the later one gets its path as id."""
    if article_id in seen and path:
        article_id = path
    seen.add(article_id)
    return article_id


def _unique(item: Article | InputFailure, seen: set[str]) -> Article | InputFailure:
    if isinstance(item, Article):
        article_id = unique_id(item.id, item.path, seen)
        if article_id != item.id:
            item = replace(item, id=article_id)
    return item


def skipped_note(skipped: list[str]) -> str:
    """Files a manifest left out are not an error, but they are named: nothing vanishes."""
    names = ", ".join(skipped[:5]) + (" ..." if len(skipped) > 5 else "")
    return f"{len(skipped)} file(s) not in the manifest were skipped: {names}"
