"""The one library call every shell (CLI, web server, batch) goes through: :func:`explain`."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from functools import partial
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from denouement.document import Document
from denouement.errors import DenouementError, LimitError, PipelineError, TooLargeError
from denouement.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_SENTENCES
from denouement.model import Story
from denouement.nlp import BATCH_SIZE, Watch, load_pipeline, prose_doc, prose_docs, script_doc, stage_names
from denouement.readers import read, read_text
from denouement.story import build_story

__all__ = [
    "DEFAULT_MAX_SENTENCES",
    "EXAMPLE",
    "Progress",
    "analyse",
    "analyse_many",
    "example_path",
    "explain",
    "load_source",
]

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` before each pipeline stage and once more at the end."""

EXAMPLE = "ending-explained.md"
_PATH_LIKE = re.compile(
    r"^[^\n\r]{1,4096}\.(txt|text|md|markdown|html?|xhtml|fountain|spmd|fdx|srt|vtt|webvtt|pdf|json)$",
    re.IGNORECASE,
)


def example_path() -> Path:
    """Path of the bundled example article."""
    return Path(str(resources.files("denouement").joinpath("examples", EXAMPLE)))


def load_source(
    source: str | os.PathLike[str] | Document, *, format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """A :class:`Document` from a Document, a path, ``"-"`` (stdin) or the text itself.

    A string is taken as a path when it names an existing file, is ``"-"``, or looks like a file name
    (one line ending in a known extension); anything else is the story's text. A file, stdin or text of
    more than ``max_bytes`` bytes (UTF-8) is a :class:`~denouement.errors.TooLargeError`.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike):
        return read(source, format=format, max_bytes=max_bytes)
    if source == "-" or (
        "\n" not in source and len(source) < 4096 and (os.path.exists(source) or _PATH_LIKE.match(source))
    ):
        return read(source, format=format, max_bytes=max_bytes)
    if len(source) > max_bytes or len(source.encode("utf-8", errors="surrogatepass")) > max_bytes:
        raise TooLargeError(f"the text is more than {max_bytes:,} bytes, over the limit")
    return read_text(source, format=format)


def analyse(
    document: Document,
    nlp: Language | None = None,
    *,
    progress: Progress | None = None,
    time_limit: float | None = None,
    max_sentences: int | None = DEFAULT_MAX_SENTENCES,
) -> Story:
    """Run the pipeline over a document and build its Story.

    ``progress`` hears of each stage. With ``time_limit`` (seconds), a story still running past the limit
    stops with :class:`LimitError` when the model finishes its next piece of text or the next stage ends.
    A story of more than ``max_sentences`` sentences stops with :class:`LimitError` as soon as the model
    has found that many.
    """
    report = _with_deadline(progress or _silent, time_limit)
    if nlp is None:
        report("loading the English model", 0, 1)
        nlp = load_pipeline()
    watch = _watch([document], time_limit, max_sentences)
    try:
        if document.is_script:
            report("parsing the script", 0, 1)
            doc: Doc = script_doc(nlp, document, watch=watch)
        else:
            report("running the English model", 0, 1)
            doc = prose_doc(nlp, document, watch=watch)
        return _finish(doc, document, nlp, report)
    except DenouementError:
        raise
    except Exception as exc:  # a bug or a broken install: one clear error type for the edges
        raise PipelineError(f"analysis failed: {type(exc).__name__}: {exc}") from exc


def analyse_many(
    documents: Sequence[Document],
    nlp: Language | None = None,
    *,
    time_limit: float | None = None,
    max_sentences: int | None = DEFAULT_MAX_SENTENCES,
    batch_size: int = BATCH_SIZE,
) -> list[Story | DenouementError]:
    """Analyse several documents, the model streaming over all their prose at once (like ``nlp.pipe``).

    Returns one entry per document, in order: its Story, or the :class:`DenouementError` it raised — one
    bad story never costs the others. The limits apply to each story on its own.
    """
    nlp = nlp or load_pipeline()
    one = partial(analyse, nlp=nlp, time_limit=time_limit, max_sentences=max_sentences)
    results: list[Story | DenouementError | None] = [None] * len(documents)
    batched = [i for i, document in enumerate(documents) if not document.is_script]
    for i, document in enumerate(documents):
        if document.is_script:
            results[i] = _captured(partial(one, document))
    prose = [documents[i] for i in batched]
    try:
        docs = prose_docs(nlp, prose, batch_size=batch_size, watch=_watch(prose, time_limit, max_sentences))
    except Exception:  # the shared pass failed (or one story hit a limit): go one by one
        for i in batched:
            results[i] = _captured(partial(one, documents[i]))
        return [r for r in results if r is not None]
    for i, doc in zip(batched, docs, strict=True):
        report = _with_deadline(_silent, time_limit)
        results[i] = _captured(partial(_finish, doc, documents[i], nlp, report))
    return [r for r in results if r is not None]


def _captured(run: Callable[[], Story]) -> Story | DenouementError:
    try:
        return run()
    except DenouementError as exc:
        return exc
    except Exception as exc:
        return PipelineError(f"analysis failed: {type(exc).__name__}: {exc}")


def _watch(
    documents: Sequence[Document], time_limit: float | None, max_sentences: int | None
) -> Watch | None:
    """A watch over the model's pieces that stops the pass when a story passes its limits."""
    if time_limit is None and max_sentences is None:
        return None
    deadline = None if time_limit is None else time.monotonic() + time_limit * max(len(documents), 1)
    counts = [0] * len(documents)

    def watch(owner: int, doc: Doc) -> None:
        if max_sentences is not None:
            counts[owner] += sum(1 for _ in doc.sents)
            if counts[owner] > max_sentences:
                raise LimitError(f"the story has more than {max_sentences:,} sentences, over the limit")
        if deadline is not None and time.monotonic() > deadline:
            raise LimitError(f"the story took longer than its time limit of {time_limit:g} seconds")

    return watch


def _finish(doc: Doc, document: Document, nlp: Language, report: Progress) -> Story:
    """The denouement stages over a Doc the model has run on, and the Story they make."""
    doc._.blocks = document.blocks
    doc.user_data["denouement_title"] = document.title
    names = stage_names(nlp)
    total = len(names) + 1
    for done, name in enumerate(names):
        report(name, done, total)
        doc = nlp.get_pipe(name)(doc)
    report("building the story", total - 1, total)
    story = build_story(doc, document)
    report("done", total, total)
    return story


def _with_deadline(progress: Progress, limit: float | None) -> Progress:
    """``progress`` that also raises :class:`LimitError` once ``limit`` seconds have passed."""
    if limit is None:
        return progress
    deadline = time.monotonic() + limit

    def report(stage: str, done: int, total: int) -> None:
        if time.monotonic() > deadline and stage != "done":
            raise LimitError(f"the story took longer than its time limit of {limit:g} seconds")
        progress(stage, done, total)

    return report


def explain(
    source: str | os.PathLike[str] | Document,
    *,
    format: str = "auto",
    nlp: Language | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentences: int | None = DEFAULT_MAX_SENTENCES,
    time_limit: float | None = None,
) -> Story:
    """Explain a story: a path, ``"-"`` for stdin, the text itself, or a :class:`Document`.

    Limits (each a :class:`~denouement.errors.LimitError` when passed): ``max_bytes`` of input,
    ``max_sentences`` in the story, ``time_limit`` seconds of analysis.
    """
    document = load_source(source, format=format, max_bytes=max_bytes)
    return analyse(document, nlp, progress=progress, time_limit=time_limit, max_sentences=max_sentences)


def _silent(stage: str, done: int, total: int) -> None:
    """The default progress callback: says nothing."""
