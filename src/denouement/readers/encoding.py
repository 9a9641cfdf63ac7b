"""Turn raw bytes into clean text: refuse binary data, detect the encoding, repair mojibake.

:func:`decode` is the one entry point for bytes; :func:`normalize_text` applies the same clean-up to text
that arrives as a string. Both give text with ``\\n`` line ends, no control characters other than ``\\n``
and ``\\t``, and Unicode in NFC form, with curly quotes left as they are.
"""

from __future__ import annotations

import codecs
import re

import ftfy

from denouement.errors import InputError, UnsupportedInputError

__all__ = ["SNIFF_BYTES", "decode", "normalize_text", "sniff_binary"]

SNIFF_BYTES = 8192
"""How many leading bytes are inspected for NUL bytes and UTF-16 patterns."""

_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"PK\x07\x08", "zip"),
    (b"\x7fELF", "elf"),
    (b"\x1f\x8b", "gzip"),
)

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# UTF-16 without a byte order mark: in mostly-Latin text one byte of nearly every pair is NUL.
_UTF16_NUL_SHARE = 0.4  # at least this share of the pairs has a NUL on one side...
_UTF16_STRAY_SHARE = 0.05  # ...and at most this share has a NUL on the other side.

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are markup; the HTML and Markdown readers decode them themselves
    uncurl_quotes=False,  # curly quotes carry meaning (who speaks); keep them
    fix_character_width=False,  # leave full-width CJK punctuation alone
    normalization="NFC",
    explain=False,
)


def _translation_table() -> dict[int, str | None]:
    """Control characters to drop, odd line separators to turn into ``\\n``."""
    table: dict[int, str | None] = {code: None for code in range(0x20) if chr(code) not in "\n\t"}
    table.update({code: None for code in range(0x7F, 0xA0)})
    table.update({code: None for code in range(0xD800, 0xE000)})  # lone surrogates
    for char in "\f\v\x85\u2028\u2029":
        table[ord(char)] = "\n"
    for char in "\u00ad\u200b\ufeff":  # soft hyphen, zero-width space, stray byte order mark
        table[ord(char)] = None
    return table


_CLEANUP = _translation_table()


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with (``"png"``, ``"pdf"``...), or ``None``."""
    for magic, name in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return name
    return None


def decode(data: bytes, *, name: str = "input") -> str:
    """Decode raw bytes to normalised text.

    Tries, in order: a UTF-32/UTF-16 byte order mark, UTF-16 recognised from its NUL pattern, UTF-8 (with
    or without BOM), CP-1252, Latin-1. ``name`` is used in error messages (usually the path).

    Raises :class:`InputError` when the data is empty, whitespace only or looks binary.
    """
    if not data.strip():
        raise InputError(f"{name} is empty")
    magic = sniff_binary(data)
    if magic:
        raise UnsupportedInputError(f"{name} looks like binary data ({magic}), not text")
    wide = _decode_wide(data)
    if wide is None and _looks_binary(data[:SNIFF_BYTES]):
        raise UnsupportedInputError(f"{name} looks like binary data (NUL bytes), not text")
    raw_text = wide if wide is not None else _decode_narrow(data.removeprefix(codecs.BOM_UTF8))
    text = normalize_text(raw_text)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SHARE = 0.05


def _looks_binary(sample: bytes) -> bool:
    """Binary data: NUL bytes, with control bytes in more than 5% of ``sample`` once NUL padding at the
    end is set aside. A few NULs in a text are strays (an editor's or a concatenation's accident), and
    :func:`normalize_text` drops them with the other control characters."""
    if b"\x00" not in sample:
        return False
    body = sample.rstrip(b"\x00")
    return not body.strip() or len(_CONTROL_BYTES.findall(body)) > _BINARY_SHARE * len(body)


def _decode_wide(data: bytes) -> str | None:
    """Decode UTF-32/UTF-16 announced by a BOM or evident from NUL bytes; ``None`` if neither."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    guessed = _guess_utf16(data[:SNIFF_BYTES])
    if guessed is None:
        return None
    try:
        return data.decode(guessed)
    except UnicodeDecodeError:
        return None


def _guess_utf16(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs sit at alternate positions, else ``None``."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls >= _UTF16_NUL_SHARE * pairs and even_nuls <= _UTF16_STRAY_SHARE * pairs:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_SHARE * pairs and odd_nuls <= _UTF16_STRAY_SHARE * pairs:
        return "utf-16-be"
    return None


def _decode_narrow(data: bytes) -> str:
    """UTF-8 if valid, else CP-1252, else Latin-1 (which accepts any byte)."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def normalize_text(text: str) -> str:
    """Repair mojibake, make line ends ``\\n`` and drop control characters other than ``\\n``/``\\t``.

    Mixed input (UTF-8 read as CP-1252, ``cafÃ©``) is repaired by ftfy; curly quotes are kept.
    """
    # a vertical tab is a word processor's line break (ftfy would delete it)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    if text.isascii() and "\x1b" not in text:
        return text.translate(_CLEANUP)  # nothing for ftfy to repair, and it costs a pass per line
    fixed: str = ftfy.fix_text(text, _FTFY_CONFIG)
    return fixed.translate(_CLEANUP)
