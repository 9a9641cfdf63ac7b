"""Page furniture: headings, ads, bylines, captions and availability lines become layer ``meta``.

The patterns live in ``data/furniture.yaml``; :func:`furniture_sentences` is the pure function and
``denouement_furniture`` the spaCy component that stores its answer on ``doc._.meta_sentences``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from denouement.document import Block
from denouement.lexicon import load_lexicon
from denouement.sentences import block_of, block_starts, blocks_of, story_sentences

__all__ = [
    "FurniturePatterns",
    "furniture_patterns",
    "furniture_sentences",
    "is_author_line",
    "is_cast_line",
    "is_furniture",
    "is_heading_like",
    "is_shot_line",
]

if not Doc.has_extension("meta_sentences"):
    Doc.set_extension("meta_sentences", default=None)


#: Blocks longer than this are prose, whatever words they start with.
MAX_FURNITURE_WORDS = 40


@dataclass(frozen=True)
class FurniturePatterns:
    block: tuple[re.Pattern[str], ...]
    sentence: tuple[re.Pattern[str], ...]


@cache
def furniture_patterns() -> FurniturePatterns:
    data = load_lexicon("furniture")
    block = [re.compile(p, re.IGNORECASE) for p in data.get("block", [])]
    block += [re.compile(p) for p in data.get("block_cased", [])]
    return FurniturePatterns(
        block=tuple(block),
        sentence=tuple(re.compile(p, re.IGNORECASE) for p in data.get("sentence", [])),
    )


def is_furniture(text: str, patterns: Iterable[re.Pattern[str]]) -> bool:
    stripped = text.strip()
    return any(p.match(stripped) for p in patterns)


#: A line this short with no closing punctuation is a heading, a headline or a label.
MAX_HEADING_WORDS = 12
#: Lines at the top of a text (title, standfirst) may be this long.
MAX_HEADLINE_WORDS = 30
_CLOSING = tuple(".!?:;\"”’')…—–-")
_TWO_SENTENCES = re.compile(r"[.!?]\s+\S")
_SPEAKER_LINE = re.compile(r"^[A-Z][\w'’-]*:\s+\S")  # "Kati: are you drinking enough" (a chat line)
_OPENING = tuple("\"“‘'")


#: A name with its actor in brackets, in a caption: "his granddaughter Nell (Tilly Fenwick)".
_CAPTION_NAME = (
    r"(?:(?:his|her|their)\s+[a-z-]+\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+\([A-Z][^()]{2,40}\)"
)
#: A person's name as a cast list writes it, lower-case particles included ("Joaquim de Almeida").
_LISTED_NAME = (
    r"[A-Z][\w.'’-]+(?:\s+(?:(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|le|la|bin|ibn|al|el)\s+)?"
    r"[A-Z][\w.'’-]+){0,3}"
)
_CAST_LINE = re.compile(
    rf"^{_LISTED_NAME}\s+as\s+(?:young |the |older |a young )?[A-Z][\w.'’\"“”-]+"
    r"(?:\s+[\w.'’\"“”-]+){0,4}(?:,[^.]{0,40})?$"
    # the other way round: "Wren, played by newcomer Callum Reese", "Gwen (in photographs), played by …"
    r"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s+\([^()]{1,40}\))?,?\s+(?:is\s+)?(?:played|portrayed|voiced)"
    rf"\s+by\s+(?:[a-z-]+\s+){{0,2}}{_LISTED_NAME}\.?$"
    # a caption of names with their actors: "Ike (Clive Marden) and his granddaughter Nell (Tilly Fenwick)
    # in the final episode."
    # (two names, or a name and where: not a title with its series, "Flour Run (The Crosswind Girls)")
    rf"|^{_CAPTION_NAME}(?:,\s*|\s+and\s+|\s+with\s+){_CAPTION_NAME}(?:(?:,\s*|\s+and\s+|\s+with\s+){_CAPTION_NAME})*"
    r"(?:\s+(?:in|at|on|during)\s+[^.]{0,60})?\.?$"
    rf"|^{_CAPTION_NAME}\s+(?:in|at|on|during)\s+[^.]{{0,60}}\.?$"
)


_AUTHOR_LINE = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3},\s+(?:Senior |Chief |Staff |Contributing |Deputy |Associate )?"
    r"(?:Film|TV|Television|Culture|Entertainment|Arts|Movies?)\s+(?:Writer|Critic|Editor|Reporter|Correspondent)\b"
)


def is_author_line(text: str) -> bool:
    """A byline without "By": "Hollis Grant, Senior Film Writer" — furniture, naming a real person."""
    return bool(_AUTHOR_LINE.match(text.strip()))


def is_cast_line(text: str) -> bool:
    """A cast-list line, "Maren Holt as Dr. Ilse Brandt": furniture, but it says who plays whom."""
    return bool(_CAST_LINE.match(text.strip()))


def is_heading_like(block_text: str, position: int) -> bool:
    """A block that reads as a heading rather than prose: no sentence-closing punctuation and short, or
    longer but among the first lines of the text (a headline and standfirst), or a short line in capitals."""
    stripped = block_text.strip()
    if not stripped or "\n" in stripped:
        return False
    words = len(stripped.split())
    if stripped.isupper() and words <= MAX_HEADING_WORDS:
        return True
    if position == 0 and words <= MAX_HEADLINE_WORDS and stripped.endswith(("?", "!")):
        return True  # a headline asking its question
    if stripped.endswith(_CLOSING) or stripped.startswith(_OPENING) or _TWO_SENTENCES.search(stripped):
        return False
    if _SPEAKER_LINE.match(stripped):
        return False
    return words <= MAX_HEADING_WORDS or (position < 3 and words <= MAX_HEADLINE_WORDS)


_MAX_SHOT_WORDS = 12


def is_shot_line(text: str) -> bool:
    """A short action line all in capitals — ``CLOSE ON ORLA'S HAND``, ``BEGIN DREAM SEQUENCE:``,
    ``MONTAGE`` — directs the camera or marks a sequence; it does not narrate."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text.split()) <= _MAX_SHOT_WORDS


#: Script blocks the prose stages skip: labels, headings and speech (whose speakers come from cues).
_SCRIPT_META = frozenset(
    {"scene_heading", "transition", "cue", "parenthetical", "dialogue", "lyrics", "sound"}
)


def furniture_sentences(doc: Doc, sentences: Sequence[Span] | None = None) -> set[int]:
    """Indices of the sentences of ``doc`` that are page furniture."""
    patterns = furniture_patterns()
    sents = list(sentences if sentences is not None else story_sentences(doc))
    blocks = blocks_of(doc)
    starts = block_starts(blocks)
    text = doc.text
    meta: set[int] = set()
    position = {b.start: n for n, b in enumerate(blocks)}
    # whether a whole block is furniture: the same for each of its sentences, so decided once per block
    verdicts: dict[Block, bool] = {}
    for index, sent in enumerate(sents):
        block = block_of(blocks, sent.start_char, starts)
        if block is not None:
            if block not in verdicts:
                block_text = text[block.start : block.end]
                verdicts[block] = _furniture_block(block, block_text, position[block.start], patterns)
            if verdicts[block]:
                meta.add(index)
                continue
        if is_furniture(text[sent.start_char : sent.end_char], patterns.sentence):
            meta.add(index)
    return meta


def _furniture_block(block: Block, block_text: str, position: int, patterns: FurniturePatterns) -> bool:
    """Is the whole block furniture: a script label or speech, a byline, a cast line, a heading, or a
    short block that a furniture pattern matches?"""
    kind = block.kind
    if kind in _SCRIPT_META or (kind == "action" and is_shot_line(block_text)):
        return True
    if kind in ("paragraph", "list_item") and (
        is_author_line(block_text) or is_cast_line(block_text) or is_heading_like(block_text, position)
    ):
        return True
    short = len(block_text.split()) <= MAX_FURNITURE_WORDS
    return kind in ("heading", "furniture", "caption") or (short and is_furniture(block_text, patterns.block))


@Language.factory("denouement_furniture", requires=["token.is_sent_start"], assigns=["doc._.meta_sentences"])
def make_furniture(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The ``denouement_furniture`` stage. Its patterns are compiled here, when the pipeline is built,
    rather than on the first text."""
    furniture_patterns()
    return furniture_component


def furniture_component(doc: Doc) -> Doc:
    doc._.meta_sentences = furniture_sentences(doc)
    return doc
