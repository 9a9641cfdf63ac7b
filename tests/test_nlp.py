"""The model pass: long prose is cut at block boundaries, run in batches and joined back exactly."""

from __future__ import annotations

import pytest

from denouement.nlp import _chunks, prose_doc
from denouement.readers import read_text

pytestmark = pytest.mark.model

PARAGRAPH = (
    "Wren Ashby rows across the harbour at dawn. She meets Captain Odell on the quay, and he hands "
    "her a sealed letter from her sister."
)


def _document(paragraphs: int):  # type: ignore[no-untyped-def]
    return read_text("\n\n".join(f"{PARAGRAPH} Day {n}." for n in range(paragraphs)), format="text")


def test_chunks_cover_the_text_at_block_boundaries() -> None:
    document = _document(40)
    pieces = _chunks(document.text, document.blocks, 600)
    assert len(pieces) > 5
    assert "".join(text for text, _ in pieces) == document.text
    for text, blocks in pieces:
        assert blocks and all(0 <= b.start < b.end <= len(text) for b in blocks)


def test_long_prose_is_joined_back_with_consistent_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    document = _document(40)
    joined = prose_doc(nlp, document, chunk_chars=600)
    whole = prose_doc(nlp, document, chunk_chars=10**9)
    assert joined.text == document.text == whole.text
    assert [t.idx for t in joined] == [t.idx for t in whole]
    assert [s.start_char for s in joined.sents] == [s.start_char for s in whole.sents]
    assert {b.start for b in document.blocks} <= {s.start_char for s in joined.sents}
    names = [e.text for e in joined.ents if e.label_ == "PERSON"]
    assert names.count("Wren Ashby") == 40
