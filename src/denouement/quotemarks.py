"""Finding quotation marks in text: which stretches are enclosed in double or single quotes.

A pure scanner over the text, independent of spaCy, shared by the characters stage (which must know what
is said rather than narrated) and the quotes stage (which decides which quoted stretches are speech).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["QuoteMarks", "find_quote_marks", "inside_quotes"]

_DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", "»": "«"}
_SINGLE_OPEN = {"‘": "’"}
_OPENERS_BEFORE = set(" \t\n([{—–-/")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One quoted stretch. ``start``/``end`` enclose the marks; ``inner_start``/``inner_end`` the words.

    ``closed`` is False when the paragraph ended before a closing mark (fiction's multi-paragraph speech).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    double: bool
    closed: bool = True


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            bounds.append((pos, pos + len(part)))
        pos += len(part) + 1
    return bounds


def _make(text: str, open_at: int, close_at: int | None, end_of_par: int, double: bool) -> QuoteMarks | None:
    inner_start = open_at + 1
    inner_end = close_at if close_at is not None else end_of_par
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end <= inner_start:
        return None
    end = close_at + 1 if close_at is not None else inner_end
    return QuoteMarks(open_at, end, inner_start, inner_end, double, close_at is not None)


def _scan_doubles(text: str, lo: int, hi: int) -> list[QuoteMarks]:
    found: list[QuoteMarks] = []
    open_at: int | None = None
    closer = ""
    for i in range(lo, hi):
        ch = text[i]
        if open_at is None:
            if ch == '"' or ch in _DOUBLE_OPEN:
                open_at, closer = i, ('"' if ch == '"' else _DOUBLE_OPEN[ch])
        elif ch == closer or (closer == "”" and ch == '"'):
            mark = _make(text, open_at, i, hi, True)
            if mark:
                found.append(mark)
            open_at = None
        elif ch in _DOUBLE_OPEN and ch != closer:
            # A new opening mark before the old one closed: the old one ran unclosed up to here.
            mark = _make(text, open_at, None, i, True)
            if mark:
                found.append(mark)
            open_at, closer = i, _DOUBLE_OPEN[ch]
    if open_at is not None:
        mark = _make(text, open_at, None, hi, True)
        if mark:
            found.append(mark)
    return found


def _is_single_open(text: str, i: int, lo: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPENERS_BEFORE or before in '“"') and (after.isalnum() or after in "…")


def _is_single_close(text: str, i: int, hi: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and not after.isalnum()


def _scan_singles(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[QuoteMarks]:
    found: list[QuoteMarks] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in "'‘’" or any(a <= i < b for a, b in taken):
            continue
        if open_at is None:
            if ch in "'‘" and _is_single_open(text, i, lo):
                open_at = i
        elif ch in "'’" and _is_single_close(text, i, hi):
            mark = _make(text, open_at, i, hi, False)
            if mark:
                found.append(mark)
            open_at = None
    return found


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Every quoted stretch of ``text``, in order. Quotes never cross a line break.

    Double quotes (straight or curly) are paired first; single quotes only outside them, and only when a
    closing mark is found in the same paragraph (so apostrophes do not open quotes).
    """
    marks: list[QuoteMarks] = []
    for lo, hi in _paragraph_bounds(text):
        doubles = _scan_doubles(text, lo, hi)
        singles = _scan_singles(text, lo, hi, [(m.start, m.end) for m in doubles])
        marks.extend(sorted(doubles + singles, key=lambda m: m.start))
    return marks


def inside_quotes(
    marks: Sequence[QuoteMarks], char: int, starts: Sequence[int] | None = None
) -> QuoteMarks | None:
    """The quoted stretch whose marks enclose ``char``, if any (``starts``: precomputed mark starts)."""
    if starts is None:
        starts = [m.start for m in marks]
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and marks[i].start <= char < marks[i].end:
        return marks[i]
    return None
