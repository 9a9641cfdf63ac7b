"""Fuzz the whole engine: ``python fuzz/pipeline.py [libFuzzer flags] [CORPUS_DIR ...]``.

The input's bytes go through :func:`denouement.read_bytes` (the format sniffed, as for stdin) and
:func:`denouement.analyse` with the real English pipeline. Every input must give a Story whose offsets and
references are sound, or an error about the input. A :class:`~denouement.errors.PipelineError` (the engine
failing on its own account) counts as a crash.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["denouement"]):
    from denouement import analyse
    from denouement.errors import DenouementError, PipelineError
    from denouement.nlp import load_pipeline
    from denouement.readers import read_bytes

NLP = load_pipeline()


def check(data: bytes) -> None:
    """Analyse ``data``; assert every offset and reference in the Story is sound."""
    try:
        story = analyse(read_bytes(data), NLP)
    except PipelineError:
        raise  # the engine failed on its own account: that is a bug
    except DenouementError:
        return
    size = len(story.text)
    sentences = {sentence.id for sentence in story.sentences}
    characters = {character.id for character in story.characters}
    events = {event.id for event in story.events}
    for item in (*story.sentences, *story.events, *story.quotes):
        if not 0 <= item.start <= item.end <= size:
            raise AssertionError(f"{item} lies outside a text of {size} characters")
    if not all(character.name.strip() for character in story.characters):
        raise AssertionError("a character without a name")
    for quote in story.quotes:
        if quote.speaker is not None and quote.speaker not in characters:
            raise AssertionError(f"quote {quote.id} names an unknown speaker {quote.speaker}")
    for divergence in story.divergences:
        if not set(divergence.evidence) <= sentences:
            raise AssertionError(f"divergence {divergence.id} cites a sentence that does not exist")
        for ref in (divergence.actual, divergence.imagined):
            if ref is not None and ref not in events:
                raise AssertionError(f"divergence {divergence.id} points at a missing event {ref}")
    for claims in story.explanation.model_dump().values():
        for claim in claims:
            if not set(claim["evidence"]) <= sentences:
                raise AssertionError(f"claim {claim} cites a sentence that does not exist")


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
