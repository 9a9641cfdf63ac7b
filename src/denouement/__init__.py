"""denouement — explains how a story ends, grounded in the text.

>>> import denouement
>>> story = denouement.explain("story.md")          # a path, "-" for stdin, or the text itself
>>> print(story.to_markdown())
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from denouement.api import analyse, example_path, explain
from denouement.document import Block, Document
from denouement.errors import DenouementError, InputError, LimitError, ParseError, PipelineError
from denouement.model import SCHEMA_ID, Character, Event, Quote, Sentence, Story

try:
    __version__ = version("denouement")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA_ID",
    "Block",
    "Character",
    "DenouementError",
    "Document",
    "Event",
    "InputError",
    "LimitError",
    "ParseError",
    "PipelineError",
    "Quote",
    "Sentence",
    "Story",
    "__version__",
    "analyse",
    "example_path",
    "explain",
]
