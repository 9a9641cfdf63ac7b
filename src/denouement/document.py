"""The one type every reader produces: normalised text split into blocks, with offsets."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["SCRIPT_KINDS", "SPOKEN_KINDS", "Block", "BlockKind", "Document"]

BlockKind = Literal[
    "paragraph",
    "heading",
    "list_item",
    "caption",
    "quote",
    "furniture",
    # screenplay and subtitle elements
    "scene_heading",
    "action",
    "cue",
    "parenthetical",
    "dialogue",
    "transition",
    "lyrics",
    "sound",
]

#: Block kinds that only scripts and subtitles produce.
SCRIPT_KINDS: frozenset[str] = frozenset(
    {"scene_heading", "action", "cue", "parenthetical", "dialogue", "transition", "lyrics", "sound"}
)
#: Script blocks that are spoken (or sung), not narrated.
SPOKEN_KINDS: frozenset[str] = frozenset({"cue", "parenthetical", "dialogue", "lyrics", "sound"})


@dataclass(frozen=True, slots=True)
class Block:
    """A run of the normalised text that forms one unit: a paragraph, a heading, a list item...

    ``start``/``end`` are character offsets into :attr:`Document.text`; ``text[start:end]`` is the block.
    ``kind`` says what the source markup made of it; ``furniture`` marks page furniture a reader could
    recognise from markup alone (navigation, figure captions, bylines).
    """

    start: int
    end: int
    kind: BlockKind = "paragraph"
    level: int = 0  # heading level (1 = top) for headings, 0 otherwise
    # Scripts and subtitles only:
    speaker: str | None = None  # cue, parenthetical, dialogue: the character's name as the cue gives it
    extension: str | None = None  # "V.O.", "O.S.", "CONT'D" ... from the cue
    number: str | None = None  # scene number of a scene heading
    start_time: float | None = None  # subtitle cue times, in seconds
    end_time: float | None = None
    dual: bool = False  # dialogue printed side by side with the previous speaker's


@dataclass(frozen=True, slots=True)
class Document:
    """A source turned into analysable text.

    ``text`` is normalised: Unicode repaired (mojibake), line ends ``\\n``, blocks separated by a blank line,
    no markup. Every offset the engine reports points into this text.
    """

    text: str
    blocks: tuple[Block, ...]
    format: str  # reader name: "text", "markdown", "html", ...
    path: str | None = None
    title: str | None = None
    raw_sha256: str = ""  # sha256 of the raw source bytes
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def is_script(self) -> bool:
        """A screenplay or subtitle file: its blocks carry script element kinds."""
        return any(block.kind in SCRIPT_KINDS for block in self.blocks)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @classmethod
    def from_blocks(
        cls,
        parts: list[tuple[str, BlockKind, int]],
        *,
        format: str,
        path: str | None = None,
        title: str | None = None,
        raw_sha256: str = "",
        metadata: dict[str, str] | None = None,
    ) -> Document:
        """Join ``(text, kind, level)`` parts with blank lines, computing each block's offsets.

        Parts whose text is blank are dropped; inner whitespace runs inside a part are kept as they are,
        except that line breaks inside a paragraph become spaces (hard-wrapped prose is one paragraph).
        """
        document = cls.from_elements(
            [(raw, Block(0, 0, kind, level)) for raw, kind, level in parts],
            format=format,
            path=path,
            title=title,
            metadata=metadata,
        )
        return dataclasses.replace(document, raw_sha256=raw_sha256)

    @classmethod
    def from_elements(
        cls,
        elements: list[tuple[str, Block]],
        *,
        format: str,
        path: str | None = None,
        title: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> Document:
        """Join ``(text, template)`` pairs with blank lines; each block is its template with offsets set.

        This is how script readers build documents: the template carries the element kind, speaker,
        extension, scene number or subtitle times. Whitespace runs inside an element become one space.
        """
        chunks: list[str] = []
        blocks: list[Block] = []
        offset = 0
        for raw, template in elements:
            text = " ".join(raw.split())
            if not text:
                continue
            if chunks:
                chunks.append("\n\n")
                offset += 2
            blocks.append(dataclasses.replace(template, start=offset, end=offset + len(text)))
            chunks.append(text)
            offset += len(text)
        return cls(
            text="".join(chunks),
            blocks=tuple(blocks),
            format=format,
            path=path,
            title=title,
            metadata=dict(metadata or {}),
        )
