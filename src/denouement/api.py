"""The one library call every shell (CLI, web server, batch) goes through: :func:`explain`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from denouement.document import Document
from denouement.errors import DenouementError, PipelineError, TooLargeError
from denouement.model import Story
from denouement.nlp import load_pipeline, prose_doc, script_doc, stage_names
from denouement.readers import read, read_text
from denouement.story import build_story

__all__ = ["EXAMPLE", "Progress", "analyse", "example_path", "explain", "load_source"]

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` before each pipeline stage and once more at the end."""

EXAMPLE = "ending-explained.md"
_PATH_LIKE = re.compile(
    r"^[^\n\r]{1,4096}\.(txt|text|md|markdown|html?|xhtml|fountain|spmd|fdx|srt|vtt|webvtt|pdf)$",
    re.IGNORECASE,
)


def example_path() -> Path:
    """Path of the bundled example article."""
    return Path(str(resources.files("denouement").joinpath("examples", EXAMPLE)))


def load_source(source: str | os.PathLike[str] | Document, *, format: str = "auto") -> Document:
    """A :class:`Document` from a Document, a path, ``"-"`` (stdin) or the text itself.

    A string is taken as a path when it names an existing file, is ``"-"``, or looks like a file name
    (one line ending in a known extension); anything else is the story's text.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike):
        return read(source, format=format)
    if source == "-" or (
        "\n" not in source and len(source) < 4096 and (os.path.exists(source) or _PATH_LIKE.match(source))
    ):
        return read(source, format=format)
    return read_text(source, format=format)


def analyse(document: Document, nlp: Language | None = None, *, progress: Progress | None = None) -> Story:
    """Run the pipeline over a document and build its Story; ``progress`` hears of each stage."""
    report = progress or _silent
    if nlp is None:
        report("loading the English model", 0, 1)
        nlp = load_pipeline()
    if len(document.text) > nlp.max_length:
        raise TooLargeError(
            f"text too long: {len(document.text):,} characters (the limit is {nlp.max_length:,})"
        )
    try:
        if document.is_script:
            report("parsing the script", 0, 1)
            doc: Doc = script_doc(nlp, document)
            names = stage_names(nlp)
        else:
            report("running the English model", 0, 1)
            doc = prose_doc(nlp, document)
            names = stage_names(nlp)
        doc._.blocks = document.blocks
        doc.user_data["denouement_title"] = document.title
        total = len(names) + 1
        for done, name in enumerate(names):
            report(name, done, total)
            doc = nlp.get_pipe(name)(doc)
        report("building the story", total - 1, total)
        story = build_story(doc, document)
        report("done", total, total)
        return story
    except DenouementError:
        raise
    except Exception as exc:  # a bug or a broken install: one clear error type for the edges
        raise PipelineError(f"analysis failed: {type(exc).__name__}: {exc}") from exc


def explain(
    source: str | os.PathLike[str] | Document,
    *,
    format: str = "auto",
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> Story:
    """Explain a story: a path, ``"-"`` for stdin, the text itself, or a :class:`Document`."""
    return analyse(load_source(source, format=format), nlp, progress=progress)


def _silent(stage: str, done: int, total: int) -> None:
    """The default progress callback: says nothing."""
