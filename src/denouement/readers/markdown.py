"""Markdown reader: markdown-it-py's token stream turned into blocks, with all markup removed.

- ATX and setext headings become heading blocks with their level; the title is the ``title:`` of YAML
  front matter, else the first level-1 heading, else the first heading;
- paragraphs become paragraph blocks, list items list_item blocks, blockquotes quote blocks (the innermost
  list item or blockquote decides);
- links keep their text, emphasis and code markers go, images are dropped but a non-empty alt text
  becomes a caption block;
- HTML blocks are stripped of their tags (scripts and styles dropped), inline ``<script>`` content too;
- code blocks are kept as text (indented prose is a code block in Markdown);
- each table row is a paragraph with its cells joined by `` | ``;
- YAML front matter (``---`` at the very top) is skipped; its scalar fields go to ``Document.metadata``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from denouement.document import BlockKind, Document
from denouement.readers.html import fragment_parts

__all__ = ["parse"]

_Part = tuple[str, BlockKind, int]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_RAW_TEXT_OPEN = re.compile(r"^<(script|style)\b(?![^>]*/>)", re.IGNORECASE)
_RAW_TEXT_CLOSE = re.compile(r"^</(script|style)\s*>", re.IGNORECASE)
_LINE_BREAK_TAG = re.compile(r"^<br\b", re.IGNORECASE)

_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def parse(text: str, path: str | None = None) -> Document:
    """Strip Markdown markup from normalised text into a :class:`Document`."""
    body, front = _split_front_matter(text)
    parts = _parts(_MARKDOWN.parse(body))
    title = front.pop("title", None) or _first_heading(parts)
    return Document.from_blocks(parts, format="markdown", path=path, title=title, metadata=front)


def _split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Text after YAML front matter and the front matter's scalar fields (as strings).

    A leading ``---`` block that is not a YAML mapping is not front matter (it may be a rule).
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    try:
        data: Any = yaml.safe_load(match["yaml"] or "")
    except yaml.YAMLError:
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    fields = {
        str(key): " ".join(str(value).split())
        for key, value in data.items()
        if value is not None and not isinstance(value, dict | list)
    }
    return text[match.end() :], {key: value for key, value in fields.items() if value}


def _first_heading(parts: list[_Part]) -> str | None:
    """Text of the first level-1 heading, else of the first heading."""
    headings = [(level, text) for text, kind, level in parts if kind == "heading"]
    for level, text in headings:
        if level == 1:
            return " ".join(text.split())
    return " ".join(headings[0][1].split()) if headings else None


def _parts(tokens: Sequence[Token]) -> list[_Part]:
    """Blocks of a token stream, in document order."""
    parts: list[_Part] = []
    containers: list[BlockKind] = []  # enclosing list items and blockquotes, innermost last
    heading_level = 0
    row: list[str] | None = None
    for token in tokens:
        kind: BlockKind = containers[-1] if containers else "paragraph"
        match token.type:
            case "heading_open":
                heading_level = int(token.tag[1:])
            case "heading_close":
                heading_level = 0
            case "list_item_open":
                containers.append("list_item")
            case "blockquote_open":
                containers.append("quote")
            case "list_item_close" | "blockquote_close":
                containers.pop()
            case "tr_open":
                row = []
            case "tr_close":
                parts.append((" | ".join(cell for cell in row or [] if cell.strip()), "paragraph", 0))
                row = None
            case "inline":
                text, captions = _inline_text(token.children or [])
                if row is not None:
                    row.append(text.strip())
                else:
                    parts.append((text, "heading" if heading_level else kind, heading_level))
                parts.extend((caption, "caption", 0) for caption in captions)
            case "fence" | "code_block":
                parts.append((token.content, kind, 0))
            case "html_block":
                parts.extend(fragment_parts(token.content))
    return parts


def _inline_text(children: Sequence[Token]) -> tuple[str, list[str]]:
    """Plain text of an inline token's children and the alt texts of its images."""
    pieces: list[str] = []
    captions: list[str] = []
    in_raw_text = False
    for child in children:
        if in_raw_text:
            in_raw_text = not (child.type == "html_inline" and _RAW_TEXT_CLOSE.match(child.content))
            continue
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif child.type == "image":
            alt, _ = _inline_text(child.children or [])
            if alt.strip():
                captions.append(alt)
        elif child.type == "html_inline" and _RAW_TEXT_OPEN.match(child.content):
            in_raw_text = True
        elif child.type == "html_inline" and _LINE_BREAK_TAG.match(child.content):
            pieces.append("\n")
    return "".join(pieces), captions
