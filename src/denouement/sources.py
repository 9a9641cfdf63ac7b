"""The inputs of a batch: files, folders, globs and tables, streamed one story at a time.

:func:`iter_items` turns the command line's inputs into :class:`Item` values without reading the whole
corpus into memory: folders are walked lazily (symbolic links to folders are not followed, so a link loop
cannot trap the walk), globs expand as they go, and tables (JSONL, CSV, Parquet) are read row by row or
batch by batch. Every item has a stable ``id`` so a batch can tell what it has already done.

A file that cannot be read still becomes an item (with ``error`` set), so it gets its error row: a batch
never loses an input.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from denouement.errors import InputError
from denouement.limits import DEFAULT_MAX_BYTES
from denouement.readers import READERS

__all__ = [
    "STORY_EXTENSIONS",
    "TABLE_EXTENSIONS",
    "Item",
    "check_inputs",
    "count_items",
    "iter_items",
    "read_item_bytes",
]

TABLE_EXTENSIONS = (".jsonl", ".ndjson", ".csv", ".parquet")
#: Extensions a folder walk picks up as stories (those of the registered readers).
STORY_EXTENSIONS = tuple(sorted({ext for reader in READERS.values() for ext in reader.extensions}))
#: Column names tried, in order, when no ``--text-column`` is given.
TEXT_COLUMNS = ("text", "plot", "synopsis", "synopsis_raw", "summary", "story", "content", "body")
_ID_COLUMNS = ("id", "movie_name", "title", "name", "wikipedia_movie_id")


@dataclass(frozen=True, slots=True)
class Item:
    """One story of a batch: a file to read, or a table row's text."""

    id: str
    path: str
    text: str | None = None
    data: bytes | None = None
    format: str = "auto"
    error: str | None = None  # "ErrorClass: message" when the input could not even be read

    @property
    def words(self) -> int:
        if self.text is not None:
            return len(self.text.split())
        return len(self.data.split()) if self.data is not None else 0


def _is_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def _walk(folder: Path) -> Iterator[Path]:
    """Story and table files under ``folder``, sorted, without following links to folders."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted(files):
            lower = name.lower()
            if name.startswith("."):
                continue
            if lower.endswith(STORY_EXTENSIONS) or lower.endswith(TABLE_EXTENSIONS):
                yield Path(root) / name


def _paths(inputs: Sequence[str]) -> Iterator[Path]:
    for raw in inputs:
        if _is_glob(raw):
            matches = sorted(glob.iglob(raw, recursive=True))
            if not matches:
                raise InputError(f"no files match {raw}")
            for match in matches:
                path = Path(match)
                yield from (_walk(path) if path.is_dir() and not path.is_symlink() else [path])
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError(f"no such file or folder: {raw}")


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise :class:`InputError` for an input that names nothing (before any work starts)."""
    if not inputs:
        raise InputError("give at least one input: files, folders, globs or tables")
    for raw in inputs:
        if _is_glob(raw):
            if next(glob.iglob(raw, recursive=True), None) is None:
                raise InputError(f"no files match {raw}")
        elif not (Path(raw).exists() or Path(raw).is_symlink()):
            raise InputError(f"no such file or folder: {raw}")


def read_item_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | None, str | None]:
    """The bytes of a story file, or an error text for its error row."""
    try:
        if path.is_dir():
            return None, f"InputError: {path} is a directory"
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # opening a pipe with no writer would wait for ever
            return None, f"InputError: {path} is not a regular file (a pipe, socket or device)"
        size = info.st_size
        if size > max_bytes:
            return None, f"TooLargeError: {path} is {size:,} bytes, over the limit of {max_bytes:,} bytes"
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1), None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, f"InputError: cannot read {path}: {reason}"


def _column(
    names: Sequence[str], wanted: str | None, guesses: Sequence[str], path: Path, what: str
) -> str | None:
    if wanted:
        if wanted not in names:
            raise InputError(f"{path} has no column '{wanted}' (it has {', '.join(names) or 'none'})")
        return wanted
    found = next((g for g in guesses if g in names), None)
    if found is None and what == "text":
        raise InputError(f"{path}: say which column holds the text with --text-column ({', '.join(names)})")
    return found


def _rows(path: Path) -> Iterator[dict[str, object]]:
    lower = path.name.lower()
    if lower.endswith(".parquet"):
        import pyarrow.parquet as pq

        try:
            table = pq.ParquetFile(path)
        except Exception as exc:
            raise InputError(f"{path} is not a readable Parquet file: {exc}") from None
        for batch in table.iter_batches(batch_size=256):
            yield from batch.to_pylist()
    elif lower.endswith(".csv"):
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
            yield from csv.DictReader(handle)
    else:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield {"__error__": f"ParseError: {path} line {number} is not JSON: {exc.msg}"}
                    continue
                yield row if isinstance(row, dict) else {"__error__": f"ParseError: {path} line {number}"}


def _table_items(path: Path, text_column: str | None, id_column: str | None) -> Iterator[Item]:
    text_key: str | None = None
    id_key: str | None = None
    seen: set[str] = set()
    for number, row in enumerate(_rows(path)):
        fallback = f"{path}#{number}"
        if "__error__" in row:
            yield Item(id=fallback, path=str(path), error=str(row["__error__"]))
            continue
        if text_key is None:
            names = list(row)
            text_key = _column(names, text_column, TEXT_COLUMNS, path, "text")
            id_key = _column(names, id_column, _ID_COLUMNS, path, "id")
        value = row.get(text_key or "")
        raw_id = row.get(id_key) if id_key else None
        item_id = f"{path}#{raw_id}" if raw_id not in (None, "") else fallback
        if item_id in seen:  # ids must be unique for resuming: a repeated id falls back to the row
            item_id = fallback
        seen.add(item_id)
        if not isinstance(value, str) or not value.strip():
            yield Item(id=item_id, path=str(path), error=f"InputError: row {number} has no text")
        else:
            yield Item(id=item_id, path=str(path), text=value)


def iter_items(
    inputs: Sequence[str],
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    read: bool = True,
) -> Iterator[Item]:
    """Every story of ``inputs``, one at a time; ``read=False`` skips reading files (for counting)."""
    for path in _paths(inputs):
        if path.name.lower().endswith(TABLE_EXTENSIONS) and not path.is_dir():
            if path.exists() and not path.is_file():
                special = f"InputError: {path} is not a regular file (a pipe, socket or device)"
                yield Item(id=str(path), path=str(path), error=special)
                continue
            try:
                yield from _table_items(path, text_column, id_column)
            except InputError:
                raise
            except (OSError, ValueError) as exc:
                yield Item(id=str(path), path=str(path), error=f"InputError: cannot read table {path}: {exc}")
            continue
        if not read:
            yield Item(id=str(path), path=str(path))
            continue
        data, error = read_item_bytes(path, max_bytes)
        yield Item(id=str(path), path=str(path), data=data, error=error)


def count_items(
    inputs: Sequence[str], *, text_column: str | None = None, id_column: str | None = None
) -> int:
    """How many stories ``inputs`` hold (tables are read once, files are not opened)."""
    return sum(1 for _ in iter_items(inputs, text_column=text_column, id_column=id_column, read=False))
