"""Readers: turn a file, stdin, bytes or a string into one :class:`~denouement.document.Document`.

>>> doc = read_text("# The Ending\\n\\nShe leaves on the last train.")
>>> doc.format, doc.title, doc.block_text(doc.blocks[1])
('markdown', 'The Ending', 'She leaves on the last train.')

Formats live in a registry (:data:`READERS`); :func:`register_reader` plugs in new ones. With
``format="auto"`` a path's extension picks the reader (an unknown extension means plain text); a string,
bytes without a path or stdin are sniffed (HTML, Markdown, else text).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from denouement.document import Document
from denouement.errors import InputError, TooLargeError, UnsupportedInputError
from denouement.limits import DEFAULT_MAX_BYTES
from denouement.readers import fdx, fountain, html, markdown, pdf, screenplay, scriptjson, subtitles, text
from denouement.readers.encoding import decode, normalize_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "STDIN",
    "Reader",
    "read",
    "read_bytes",
    "read_text",
    "reader_for",
    "register_reader",
    "sniff_format",
]


STDIN = "-"
"""The source name that means standard input."""

_STDIN_NAME = "<stdin>"
_CHUNK = 1 << 16

Parse = Callable[[str, str | None], Document]
ParseBytes = Callable[[bytes, str | None], Document]


@dataclass(frozen=True, slots=True)
class Reader:
    """A named input format: the extensions that select it and the function that parses decoded text.

    A binary format (PDF) has ``parse_bytes`` instead: it gets the raw bytes, not decoded text.
    """

    name: str
    extensions: tuple[str, ...]
    parse: Parse
    parse_bytes: ParseBytes | None = None


READERS: dict[str, Reader] = {}
"""Registered readers by format name."""

_EXTENSIONS: dict[str, str] = {}  # ".md" -> "markdown"


def register_reader(
    name: str, extensions: Iterable[str], func: Parse, *, parse_bytes: ParseBytes | None = None
) -> Reader:
    """Register (or replace) the reader ``name`` for ``extensions`` (``".srt"`` or ``"srt"``).

    ``parse_bytes`` makes it a binary reader that receives the undecoded bytes.
    """
    normalised = tuple(_normalise_extension(extension) for extension in extensions)
    reader = Reader(name=name, extensions=normalised, parse=func, parse_bytes=parse_bytes)
    READERS[name] = reader
    for extension in normalised:
        _EXTENSIONS[extension] = name
    return reader


def _normalise_extension(extension: str) -> str:
    return "." + extension.lower().lstrip(".")


register_reader("text", (".txt", ".text"), text.parse)
register_reader("markdown", (".md", ".markdown"), markdown.parse)
register_reader("html", (".html", ".htm", ".xhtml"), html.parse)
register_reader("script", (), screenplay.parse)
register_reader("fountain", (".fountain", ".spmd"), fountain.parse)
register_reader("fdx", (".fdx",), fdx.parse)
register_reader("srt", (".srt",), subtitles.parse_srt)
register_reader("vtt", (".vtt", ".webvtt"), subtitles.parse_vtt)
register_reader("script-json", (".json",), scriptjson.parse)


def _pdf_from_text(text: str, path: str | None) -> Document:
    raise InputError(f"{path or 'input'}: a PDF must be read from its bytes, not from text")


register_reader("pdf", (".pdf",), _pdf_from_text, parse_bytes=pdf.parse)


# --- public entry points ---------------------------------------------------------------------------------


def read(
    source: str | os.PathLike[str], *, format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read a file, or standard input when ``source`` is ``"-"``.

    Raises :class:`InputError` when the file is missing, a directory, unreadable, empty or binary, or the
    format is unknown, and :class:`LimitError` when it is larger than ``max_bytes``.
    """
    _check_format(format)
    if os.fspath(source) == STDIN:
        data = _read_stdin(max_bytes)
        return _parse_bytes(data, format=format, path=None, name=_STDIN_NAME)
    path = os.fspath(source)
    data = _read_file(Path(path), path, max_bytes)
    return _parse_bytes(data, format=format, path=path, name=path)


def read_bytes(
    data: bytes, *, format: str = "auto", path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Decode and parse raw bytes; ``path`` (if any) picks the format and names the source in errors."""
    _check_format(format)
    name = path or "input"
    _check_size(len(data), name, max_bytes)
    return _parse_bytes(data, format=format, path=path, name=name)


def read_text(text: str, *, format: str = "auto", path: str | None = None) -> Document:
    """Parse a string; ``Document.raw_sha256`` is the SHA-256 of its UTF-8 encoding."""
    _check_format(format)
    name = path or "input"
    normalised = normalize_text(text)
    if not normalised.strip():
        raise InputError(f"{name} is empty")
    raw = text.encode("utf-8", errors="surrogatepass")
    return _parse(normalised, raw, format=format, path=path, name=name)


def reader_for(format: str = "auto", *, path: str | None = None, text: str | None = None) -> Reader:
    """The reader for an explicit ``format``; for ``"auto"`` the one ``path``'s extension or ``text`` picks.

    With ``"auto"``: a path with a registered extension selects that reader, any other path plain text —
    unless the text turns out to be a screenplay or subtitles; without a path the text is sniffed
    (:func:`sniff_format`).
    """
    _check_format(format)
    if format != "auto":
        name = format if format in READERS else _EXTENSIONS[_normalise_extension(format)]
        return READERS[name]
    if path is not None:
        name = _EXTENSIONS.get(Path(path).suffix.lower(), "text")
        if name == "text" and text is not None:
            sniffed = sniff_format(text)
            name = sniffed if sniffed in _SCRIPT_FORMATS else name
        return READERS[name]
    return READERS[sniff_format(text or "")]


_HTML_START = re.compile(r"\A\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_BODY_TAG = re.compile(r"<body[\s>]", re.IGNORECASE)
_P_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)
_MARKDOWN_SIGNS = re.compile(
    r"^\#{1,6}[ \t]+\S"  # ATX heading at line start
    r"|\*\*[^*\n]+\*\*"  # **strong**
    r"|(?<![\w_])_[^_\n]+_(?![\w_])"  # _emphasis_
    r"|\[[^\]\n]+\]\([^)\s]+\)",  # [text](target)
    re.MULTILINE,
)


_SCRIPT_FORMATS = frozenset(
    {"script", "srt", "vtt", "fdx", "script-json"}
)  # formats a .txt file may turn out to be
_SRT_START = re.compile(r"\A\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_VTT_START = re.compile(r"\A\s*WEBVTT(?:[ \t].*)?$", re.MULTILINE)
_FDX_START = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?<FinalDraft[\s>]")


def sniff_format(text: str) -> str:
    """The reader for ``text`` judged from the content alone.

    Subtitles: ``WEBVTT`` on the first line (vtt), a cue number then a ``00:00:01,000 -->`` line (srt).
    ``<FinalDraft`` at the start: fdx. A JSON object (or a JavaScript assignment of one) whose first keys
    include a ``Characters`` or ``scenes`` list: script-json. Several scene headings and many cues: a
    plain-text script.
    HTML: starts with ``<!doctype html`` or ``<html``, has a ``<body>``, or has ``<p>`` tags (unless the text
    also shows Markdown signs and does not start with a tag). Markdown: ``#`` headings at line start,
    ``**strong**``, ``_emphasis_`` or ``[text](link)``. Anything else is plain text.
    """
    head = text[:2000]
    if _VTT_START.match(head):
        return "vtt"
    if _SRT_START.match(head):
        return "srt"
    if _FDX_START.match(head):
        return "fdx"
    if scriptjson.looks_like_script_json(head):
        return "script-json"
    if screenplay.looks_like_script(text):
        return "script"
    if _HTML_START.search(text) or _BODY_TAG.search(text):
        return "html"
    markdown_signs = _MARKDOWN_SIGNS.search(text) is not None
    if _P_TAG.search(text) and (text.lstrip().startswith("<") or not markdown_signs):
        return "html"  # a Markdown file with a stray <p> stays Markdown
    return "markdown" if markdown_signs else "text"


# --- internals -------------------------------------------------------------------------------------------


def _check_format(format: str) -> None:
    """Raise :class:`InputError` unless ``format`` is ``"auto"``, a reader name or a registered extension."""
    if format == "auto" or format in READERS or _normalise_extension(format) in _EXTENSIONS:
        return
    choices = ", ".join(["auto", *sorted(READERS)])
    raise UnsupportedInputError(f"unsupported format {format!r}; choose one of: {choices}")


def _parse_bytes(data: bytes, *, format: str, path: str | None, name: str) -> Document:
    """Hand ``data`` to a binary reader, or decode it and hand it to the right text reader."""
    binary = _binary_reader(data, format=format, path=path)
    if binary is not None and binary.parse_bytes is not None:
        document = binary.parse_bytes(data, path)
        if not document.blocks:
            raise InputError(f"{name} contains no readable text")
        return dataclasses.replace(document, raw_sha256=hashlib.sha256(data).hexdigest())
    return _parse(decode(data, name=name), data, format=format, path=path, name=name)


def _binary_reader(data: bytes, *, format: str, path: str | None) -> Reader | None:
    """The binary reader the format, the path's extension or the bytes' magic number asks for."""
    if format != "auto":
        reader = reader_for(format)
        return reader if reader.parse_bytes is not None else None
    if path is not None:
        name = _EXTENSIONS.get(Path(path).suffix.lower())
        if name is not None and READERS[name].parse_bytes is not None:
            return READERS[name]
    return READERS["pdf"] if pdf.is_pdf(data) else None


def _parse(decoded: str, raw: bytes, *, format: str, path: str | None, name: str) -> Document:
    """Run the reader on decoded text; stamp the raw hash; refuse a result without any text."""
    reader = reader_for(format, path=path, text=decoded)
    document = reader.parse(decoded, path)
    if not document.blocks:
        raise InputError(f"{name} contains no readable text")
    return dataclasses.replace(document, raw_sha256=hashlib.sha256(raw).hexdigest())


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    """Bytes of a regular file (or a pipe), with readable errors and the size limit checked first."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name} is a directory, not a file")
    if stat.S_ISREG(info.st_mode):
        _check_size(info.st_size, name, max_bytes)
    try:
        with path.open("rb") as handle:
            return _read_limited(handle, name, max_bytes)
    except PermissionError:
        raise InputError(f"cannot read {name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None


def _read_stdin(max_bytes: int) -> bytes:
    """Bytes of standard input, read up to the size limit."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(f"{_STDIN_NAME} is not available")
    try:
        return _read_limited(stream, _STDIN_NAME, max_bytes)
    except OSError as exc:
        raise InputError(f"cannot read {_STDIN_NAME}: {exc.strerror or exc}") from None


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read ``stream`` to the end, raising :class:`LimitError` as soon as it passes ``max_bytes``."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        chunks.append(chunk)
        total += len(chunk)
        _check_size(total, name, max_bytes, at_least=True)
    return b"".join(chunks)


def _check_size(size: int, name: str, max_bytes: int, *, at_least: bool = False) -> None:
    """Raise :class:`LimitError` when ``size`` exceeds ``max_bytes``."""
    if size > max_bytes:
        amount = f"more than {max_bytes:,}" if at_least else f"{size:,}"
        raise TooLargeError(f"{name} is {amount} bytes, over the limit of {max_bytes:,} bytes")
