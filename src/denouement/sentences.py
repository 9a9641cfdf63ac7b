"""Sentence units: every block of the source (heading, paragraph, list item) starts a new sentence.

The ``denouement_blocks`` component runs *before* the parser and marks the first token of each block as a
sentence start, so a heading without a full stop is never glued to the paragraph after it. Blocks come
from the :class:`~denouement.document.Document` when the driver put them on ``doc._.blocks``; in a user's
own pipeline they are derived from line breaks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from denouement.document import Block

__all__ = [
    "block_of",
    "block_starts",
    "blocks_from_text",
    "blocks_of",
    "mark_block_starts",
    "story_sentences",
]

if not Doc.has_extension("blocks"):
    Doc.set_extension("blocks", default=None)

_LINE = re.compile(r"[^\n]+")


def blocks_from_text(text: str) -> tuple[Block, ...]:
    """One paragraph block per non-blank line of ``text``."""
    blocks = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = match.start() + lead
        blocks.append(Block(start, start + len(stripped)))
    return tuple(blocks)


def blocks_of(doc: Doc) -> tuple[Block, ...]:
    """The blocks of ``doc``: those the reader found, else one per line."""
    blocks = doc._.blocks
    if blocks is None:
        blocks = blocks_from_text(doc.text)
        doc._.blocks = blocks
    return tuple(blocks)


def block_of(blocks: Sequence[Block], char: int, starts: Sequence[int] | None = None) -> Block | None:
    """The block containing character offset ``char``, if any.

    Pass ``starts`` (the blocks' start offsets, see :func:`block_starts`) when calling in a loop.
    """
    if starts is None:
        starts = block_starts(blocks)
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and blocks[i].start <= char < max(blocks[i].end, blocks[i].start + 1):
        return blocks[i]
    return None


def block_starts(blocks: Sequence[Block]) -> list[int]:
    return [b.start for b in blocks]


def mark_block_starts(doc: Doc, blocks: Sequence[Block]) -> None:
    """Constrain sentence boundaries before the parser runs.

    The first token of every block (and of every line) starts a sentence; a token right after a word,
    with no punctuation between, never does ("Maeve Donnelly" is not split after a heading). The values
    are written in one pass (setting ``Token.is_sent_start`` one by one is quadratic in spaCy).
    """
    starts = {b.start for b in blocks}
    values = numpy.zeros((len(doc), 1), dtype="int64")
    for token in doc:
        if token.i == 0:
            continue
        previous = doc[token.i - 1]
        if token.idx in starts or (not token.is_space and "\n" in previous.text_with_ws):
            values[token.i, 0] = 1
        elif not token.is_space and not previous.is_space and (previous.is_alpha or previous.like_num):
            values[token.i, 0] = -1
    if len(doc):
        values[0, 0] = 1
        doc.from_array([SENT_START], values.view("uint64"))  # type: ignore[arg-type]  # -1 wraps back to -1


_CLOSERS = frozenset("\"”’')]")


def _only_closing_marks(span: Span) -> bool:
    return all(t.text in _CLOSERS or all(ch in _CLOSERS for ch in t.text) for t in span)


def story_sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` with surrounding whitespace trimmed, blank ones dropped.

    A "sentence" that is nothing but closing quotation marks (the parser split a quote's closing mark
    off its words) is joined to the sentence before it when they share a line.
    """
    result: list[Span] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end <= start:
            continue
        span = doc[start:end]
        if result and _only_closing_marks(span) and "\n" not in doc[result[-1].end - 1 : start].text:
            result[-1] = doc[result[-1].start : end]
        else:
            result.append(span)
    return result


@Language.component("denouement_blocks", assigns=["token.is_sent_start", "doc._.blocks"])
def blocks_component(doc: Doc) -> Doc:
    mark_block_starts(doc, blocks_of(doc))
    return doc
