"""Ingest: files on disk -> Articles (or a reason why a file cannot be read).

Formats (INTERFACE.md): .md/.markdown/.txt with optional YAML front matter,
.html/.htm, .jsonl (one article a line), a --manifest CSV giving metadata for
files that carry none, and folders read recursively. Offsets of claims index
`Article.text`: the file's text after any front matter, or the jsonl `text`.

Only a file with no usable body is lost (an InputFailure, reported as input-error).
Slips in metadata (malformed front matter, a date that is no ISO date, a bad
manifest row) are read as well as they can be and reported as InputWarnings
(input-warning findings) naming the file, the line and what was assumed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from claimcheck.errors import InputError, UsageError
from claimcheck.ingest.front_matter import Note, canonical_key, read_front_matter, resolve_keys
from claimcheck.ingest.published import read_published
from claimcheck.models import Article

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MIB = 1024 * 1024
MAX_FILE_BYTES = 20 * MIB
"""Larger files are refused with a clear error instead of stalling a batch."""

TEXT_FIELDS = ("title", "source", "url")


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A file (or jsonl line) that could not be read; reported as an input-error finding."""

    article_id: str
    path: str
    reason: str
    line: int | None = None
    rule: ClassVar[str] = "input-error"


@dataclass(frozen=True, slots=True)
class InputWarning:
    """A slip in an input that was read anyway (a metadata value assumed or left out, a bad
    manifest row skipped); reported as an input-warning finding. The article is kept."""

    article_id: str | None
    path: str
    reason: str
    line: int | None = None
    rule: ClassVar[str] = "input-warning"


Warnings = list[InputWarning] | None
"""Where readers put their warnings; None drops them (a caller that reports no findings)."""


def _warn(warnings: Warnings, article_id: str | None, path: str, notes: list[Note]) -> None:
    if warnings is not None:
        warnings.extend(InputWarning(article_id, path, reason, line) for line, reason in notes)


def _text_field(value: Any, key: str, line: int | None, notes: list[Note]) -> str | None:
    """A text field as a string: numbers as written, a list joined; anything else left out."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        joined = ", ".join(str(item) for item in value)
        notes.append((line, f"{key} is a list; it was read as '{joined}'"))
        return joined
    notes.append((line, f"{key} is a {type(value).__name__}, not text; it was left out"))
    return None


EMPTY_FILE = "the file is empty"
BINARY_HEAD = 8192
"""Bytes at the start of a file searched for NUL bytes (a binary file)."""
BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xef\xbb\xbf", "utf-8"),
)


def decode_text(data: bytes, path: str) -> tuple[str, bytes, str]:
    """(text, byte-order mark, codec) of a text file: UTF-8, or UTF-16/32 that a byte-order mark
    announces (Windows editors save "Unicode" so); `bom + text.encode(codec)` writes it back."""
    bom, codec = next(((mark, name) for mark, name in BOMS if data.startswith(mark)), (b"", "utf-8"))
    body = data[len(bom) :]
    if not (body.strip(b"\x00 \t\r\n") if codec != "utf-8" else body.strip()):
        raise InputError(path, EMPTY_FILE)
    if codec == "utf-8" and b"\x00" in data[:BINARY_HEAD]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return body.decode(codec), bom, codec
    except UnicodeDecodeError as exc:
        offset = len(bom) + exc.start
        raise _not_valid(path, codec, data[offset], offset) from None


def _not_valid(path: str, codec: str, byte: int, offset: int) -> InputError:
    name = codec.split("-")[0].upper() + "-" + codec.split("-")[1]
    return InputError(path, f"not valid {name} (byte 0x{byte:02x} at offset {offset}); save it as UTF-8")


def _decode(data: bytes, path: str) -> str:
    return decode_text(data, path)[0]


def wide_encoding(data: bytes) -> bool:
    """Whether the file's first bytes announce UTF-16 or UTF-32 (a byte-order mark): such a
    file cannot be cut at byte offsets, only read whole."""
    return any(data.startswith(mark) for mark, codec in BOMS if codec != "utf-8")


def decode_part(data: bytes, path: str, start: int) -> str:
    """The bytes of a UTF-8 file from offset `start` as text, checked as a whole file is (NUL bytes
    and a byte-order mark only at the file's start; offsets in messages are the file's).
    An all-blank part is not an error: a file is empty only if all its parts are. A file in
    UTF-16 or UTF-32 cannot be cut at byte offsets: it is refused here (read it whole)."""
    if start == 0 and wide_encoding(data):
        raise InputError(path, "UTF-16 or UTF-32 jsonl is read only as a whole file; save it as UTF-8")
    if start < BINARY_HEAD and b"\x00" in data[: BINARY_HEAD - start]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig" if start == 0 else "utf-8")
    except UnicodeDecodeError as exc:
        raise _not_valid(path, "utf-8", data[exc.start], start + exc.start) from None


NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def open_regular(path: Path, shown: str) -> BinaryIO:
    """The file opened for reading, if it is a regular file; else an InputError saying what it is.

    Opened without blocking and checked on the open descriptor: a FIFO or a device named as
    input would otherwise wait forever for a writer (and a check before opening can race)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(shown, "no such file or folder") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = next((name for test, name in NOT_REGULAR if test(mode)), "not a file")
        raise InputError(shown, f"not a regular file ({kind})")
    return os.fdopen(descriptor, "rb")


def _read_bytes(path: Path, shown: str) -> bytes:
    return read_part(path, shown, 0, None)


def read_part(path: Path, shown: str, start: int, end: int | None) -> bytes:
    """The whole file (`end` None), or the lines of it that begin at a byte offset in [start, end):
    a byte range of a jsonl file, read without reading the rest. The size limit is the file's."""
    with open_regular(path, shown) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise InputError(
                    shown,
                    f"too large ({size / MIB:.1f} MiB; the limit is {MAX_FILE_BYTES // MIB} MiB)",
                )
            if end is None:
                return handle.read()
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


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, body_line) of a file's text, read leniently (`read_front_matter`);
    body_line is the 1-based file line where the body starts. The notes are not kept."""
    front = read_front_matter(text.lstrip("\ufeff"))
    return front.metadata, front.body, front.body_line


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
    notes: list[Note] | None = None,
    lines: dict[str, int] | None = None,
) -> Article:
    """An Article from body text and metadata; metadata beats manifest `defaults`.

    A metadata value that cannot be read as it is written is read as well as it can be or
    left out, and `notes` says so (with the value's file line from `lines`); only a body
    with no text is an error (ValueError)."""
    if not body.strip():
        raise ValueError("the article has no text")
    notes = notes if notes is not None else []
    lines = lines or {}
    merged: dict[str, Any] = dict(defaults or {})
    merged.update({key: value for key, value in metadata.items() if value not in (None, "")})
    fields: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        fields[key] = _text_field(merged.get(key), key, lines.get(key), notes)
    published = read_published(merged.get("published"))
    if published.note:
        notes.append((lines.get("published"), published.note))
    if published.value is not None:
        fields["published"] = published.value
        fields["published_origin"] = "metadata"
    return Article(id=article_id, path=path, text=body, body_line=body_line, **fields)


class Manifest:
    """`--manifest FILE.csv`: path,source,published[,url,title]; paths relative to the CSV.

    A row that cannot be read whole is reported (an input-warning naming the manifest and
    the line) and read as well as it can be: a date that is no date is left out, a row
    without a path is skipped, a file listed twice takes its later row, a listed file that
    does not exist is named. Only a manifest that is no readable CSV, or has no path
    column, stops the run (a usage error). Columns are matched like front matter keys.
    """

    FIELDS = ("source", "published", "url", "title")

    def __init__(self, csv_path: str, warnings: Warnings = None) -> None:
        self.path = csv_path
        self.folder = Path(csv_path).resolve().parent
        self.rows: dict[Path, dict[str, Any]] = {}
        self.lines: dict[Path, int] = {}
        self.warnings = warnings
        notes: list[Note] = []
        import csv  # only for a manifest

        try:
            with open(csv_path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                columns = self._columns(next(reader, []), notes)
                for row in reader:
                    self._read_row(row, reader.line_num, columns, notes)
        except OSError as exc:
            raise UsageError(f"cannot read manifest {csv_path}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, csv.Error) as exc:
            raise UsageError(f"manifest {csv_path} is not a readable UTF-8 CSV: {exc}") from None
        _warn(warnings, None, csv_path, notes)

    def _columns(self, header: list[str], notes: list[Note]) -> list[str | None]:
        """The known field of each column (None for others, such as a "note" column)."""
        columns: list[str | None] = []
        for name in header:
            cleaned = name.strip()
            key, how = ("path", None) if cleaned.lower() == "path" else canonical_key(cleaned)
            if how is not None:
                notes.append((1, f"column {how}"))
            columns.append(key)
        if "path" not in columns:
            raise UsageError(
                f"manifest {self.path}: no 'path' column (columns: path,source,published[,url,title])"
            )
        for needed in ("source", "published"):
            if needed not in columns:
                notes.append(
                    (1, f"no '{needed}' column; the listed files have no {needed} from the manifest")
                )
        return columns

    def _read_row(self, row: list[str], number: int, columns: list[str | None], notes: list[Note]) -> None:
        if not any(cell.strip() for cell in row):
            return
        if len(row) > len(columns) and columns[-1] is not None:
            # Extra fields after a column claimcheck does not read (a free-text note with an
            # unquoted comma) take nothing from the columns it reads: no warning then.
            notes.append(
                (number, f"{len(row)} fields, the header has {len(columns)}: the extra ones were left out")
            )
        cells = {key: cell.strip() for key, cell in zip(columns, row, strict=False) if key is not None}
        if not cells.get("path"):
            notes.append((number, "no path: the row was skipped"))
            return
        entry: dict[str, Any] = {key: cells.get(key) or None for key in self.FIELDS}
        published = read_published(entry["published"])
        if published.note:
            notes.append((number, published.note))
        entry["published"] = published.value
        listed = (self.folder / cells["path"]).resolve()
        if listed in self.rows:
            notes.append(
                (number, f"{cells['path']} is listed again (line {self.lines[listed]}); this row was read")
            )
        self.rows[listed] = entry
        self.lines[listed] = number

    def metadata_for(self, path: Path) -> dict[str, Any]:
        return dict(self.rows.get(path.resolve(), {}))

    def paths(self) -> list[Path]:
        """The listed files, in the manifest's order (one that does not exist is an input-error)."""
        return list(self.lines)

    def missing(self, path: Path) -> str | None:
        """Why a listed file cannot be read: it does not exist (None for files not listed)."""
        number = self.lines.get(path.resolve())
        if number is None or path.exists():
            return None
        return f"no such file (listed in manifest {self.path}, line {number})"


def _expand(
    paths: Iterable[str], listed: set[Path] | None = None, skipped: list[str] | None = None
) -> Iterator[tuple[Path, str, str | None]]:
    """(file, id, problem) triples: ids are file names relative to the folder argument; a
    problem is why a path cannot be read as a whole (an unreadable folder).

    With a manifest (`listed`), a folder contributes only the files the manifest
    lists; the others are named in `skipped` so that nothing disappears silently.
    A path that does not exist is yielded too: reading it reports it, and the rest goes on.
    """
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root, given, None
            continue
        for file, problem in walk_folder(root):
            if problem is None and listed is not None and file.resolve() not in listed:
                if skipped is not None:
                    skipped.append(str(file))
                continue
            yield file, given if file == root else file.relative_to(root).as_posix(), problem


def walk_folder(root: Path) -> list[tuple[Path, str | None]]:
    """The folder's input files (any kind of file with a supported suffix: a FIFO among them is
    reported, not skipped) and its unreadable subfolders with the reason, in path order.
    Hidden files and folders are left out; links to folders are not followed."""
    found: list[tuple[Path, str | None]] = []

    def unreadable(error: OSError) -> None:
        found.append((Path(error.filename), f"cannot read the folder: {error.strerror or error}"))

    for folder, folders, files in os.walk(root, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append((Path(folder) / name, None))
    return sorted(found)


def read_text_article(
    file: Path, article_id: str, shown: str, defaults: dict[str, Any], warnings: Warnings = None
) -> Article:
    text = _decode(_read_bytes(file, shown), shown)
    front = read_front_matter(text)
    metadata = front.metadata
    notes = list(front.notes)
    given_id = _text_field(metadata.get("id"), "id", front.lines.get("id"), notes)
    if given_id:
        article_id = given_id
    if not metadata.get("title") and not defaults.get("title") and file.suffix.lower() == ".txt":
        metadata["title"] = _first_line_title(front.body)
    try:
        article = build_article(
            article_id, shown, front.body, metadata, defaults, front.body_line, notes, front.lines
        )
    except ValueError as exc:
        raise InputError(shown, str(exc)) from None
    _warn(warnings, article.id, shown, notes)
    return article


def read_html_article(
    file: Path, article_id: str, shown: str, defaults: dict[str, Any], warnings: Warnings = None
) -> Article:
    from claimcheck.ingest.html import extract_html  # lazy: trafilatura is slow to import

    page = extract_html(_read_bytes(file, shown), shown)
    metadata = {
        "title": page.title,
        "source": page.site_name,
        "published": page.published,
        "url": page.url,
    }
    notes: list[Note] = [(None, note) for note in page.notes]
    try:
        article = build_article(article_id, shown, page.text, metadata, defaults, notes=notes)
    except ValueError as exc:
        raise InputError(shown, str(exc)) from None
    _warn(warnings, article.id, shown, notes)
    return article


def read_jsonl(
    file: Path, file_id: str, shown: str, defaults: dict[str, Any], warnings: Warnings = None
) -> Iterator[Article | InputFailure]:
    try:
        text = _decode(_read_bytes(file, shown), shown)
    except InputError as exc:
        yield InputFailure(file_id, shown, exc.reason)
        return
    yield from jsonl_records(text.splitlines(), file_id, shown, defaults, warnings=warnings)


def jsonl_records(
    lines: Iterable[str],
    file_id: str,
    shown: str,
    defaults: dict[str, Any],
    first_line: int = 1,
    warnings: Warnings = None,
) -> Iterator[Article | InputFailure]:
    """The articles of jsonl lines, numbered from `first_line` (a byte range of a file starts later)."""
    import json  # only for jsonl input

    first_seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        line_id = f"{file_id}:{number}"
        try:
            # Integers stay as written (an id of 5,000 digits is text; Python would refuse to convert it).
            record = json.loads(line, parse_int=str)
        except json.JSONDecodeError as exc:
            yield InputFailure(line_id, shown, f"line {number}: invalid JSON ({exc.msg})", number)
            continue
        except RecursionError:
            yield InputFailure(line_id, shown, f"line {number}: JSON nested too deeply to read", number)
            continue

        if not isinstance(record, dict):
            yield InputFailure(line_id, shown, f"line {number}: expected a JSON object", number)
            continue
        notes: list[Note] = []
        fields = [(str(name), value, number) for name, value in record.items() if name != "text"]
        metadata, key_lines = resolve_keys(fields, notes)
        article_id = _text_field(metadata.pop("id", None), "id", number, notes) or line_id
        if article_id in first_seen:  # ids name articles in findings: two lines cannot share one
            notes.append(
                (
                    number,
                    f"id '{article_id}' is used on line {first_seen[article_id]} too; read as '{line_id}'",
                )
            )
            article_id = line_id
        first_seen.setdefault(article_id, number)
        body = record.get("text")
        if not isinstance(body, str):
            yield InputFailure(article_id, shown, f"line {number}: missing string field 'text'", number)
            continue
        try:
            article = build_article(article_id, shown, body, metadata, defaults, notes=notes, lines=key_lines)
        except ValueError as exc:
            yield InputFailure(article_id, shown, f"line {number}: {exc}", number)
            continue
        _warn(warnings, article.id, shown, notes)
        yield article


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: its id (name relative to the folder argument), how it is shown, manifest metadata."""

    file: Path
    article_id: str
    shown: str
    defaults: dict[str, Any]
    problem: str | None = None
    """Why the path cannot be read at all (an unreadable folder, a listed file that is missing)."""

    @property
    def suffix(self) -> str:
        return self.file.suffix.lower()


def input_files(
    paths: list[str],
    manifest: str | None = None,
    skipped: list[str] | None = None,
    warnings: Warnings = None,
) -> Iterator[InputFile]:
    """The input files of the given paths (or of the manifest alone), in a stable order."""
    table = Manifest(manifest, warnings) if manifest else None
    if not paths:
        if table is None:
            raise UsageError("no input: give files or folders (or --manifest)")
        paths = [str(path) for path in table.paths()]
        if not paths:
            raise UsageError(f"no input: manifest {manifest} lists no file")
    listed = set(table.rows) if table else None
    for file, article_id, problem in _expand(paths, listed, skipped):
        defaults = table.metadata_for(file) if table else {}
        if problem is None and table is not None:
            problem = table.missing(file)
        yield InputFile(file, article_id, str(file), defaults, problem)


def read_file(item: InputFile, warnings: Warnings = None) -> Iterator[Article | InputFailure]:
    """The article(s) of one input file; a file that cannot be read yields an InputFailure.
    Slips the readers worked around go to `warnings`."""
    suffix = item.suffix
    if item.problem is not None:
        yield InputFailure(item.article_id, item.shown, item.problem)
        return
    if not item.file.exists():
        yield InputFailure(item.article_id, item.shown, "no such file or folder")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputFailure(item.article_id, item.shown, f"unsupported file type '{suffix or '(none)'}'")
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(item.file, item.article_id, item.shown, item.defaults, warnings)
        return
    reader = read_html_article if suffix in HTML_SUFFIXES else read_text_article
    try:
        yield reader(item.file, item.article_id, item.shown, item.defaults, warnings)
    except InputError as exc:
        yield InputFailure(item.article_id, item.shown, exc.reason)


def read_inputs(
    paths: list[str],
    manifest: str | None = None,
    skipped: list[str] | None = None,
    warnings: Warnings = None,
) -> Iterator[Article | InputFailure]:
    """Every article of the given files and folders, in a stable order.

    A file that cannot be read yields an InputFailure and reading goes on; slips that were
    read anyway go to `warnings`. --published is applied by the pipeline, not here, so that
    a dateline in the text can still be preferred to it.
    """
    seen: set[str] = set()
    for item in input_files(paths, manifest, skipped, warnings):
        for read in read_file(item, warnings):
            yield _unique(read, seen, warnings)


def unique_id(article_id: str, path: str | None, seen: set[str]) -> str:
    """Two inputs with the same id (same file name in two folders, an id given twice): the later
    one gets its path as id, or, where that is taken too, the id with a number ("dup~2")."""
    if article_id in seen:
        base = article_id
        article_id = path if path and path not in seen else f"{base}~2"
        number = 2
        while article_id in seen:
            number += 1
            article_id = f"{base}~{number}"
    seen.add(article_id)
    return article_id


def _unique(item: Article | InputFailure, seen: set[str], warnings: Warnings) -> Article | InputFailure:
    if isinstance(item, Article):
        article_id = unique_id(item.id, item.path, seen)
        if article_id != item.id:
            note = f"id '{item.id}' is taken by another article; this one was read as '{article_id}'"
            _warn(warnings, article_id, item.path or article_id, [(None, note)])
            item = replace(item, id=article_id)
    return item


def skipped_note(skipped: list[str]) -> str:
    """Files a manifest left out are not an error, but they are named: nothing vanishes."""
    names = ", ".join(skipped[:5]) + (" ..." if len(skipped) > 5 else "")
    return f"{len(skipped)} file(s) not in the manifest were skipped: {names}"
