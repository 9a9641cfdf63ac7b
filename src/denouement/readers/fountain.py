"""Fountain screenplays, parsed with ``screenplain`` and turned into script elements.

``screenplain`` handles the title page, scene headings (``INT``/``EXT``/``EST``/``I/E``, forced ``.``,
``#12#`` numbers), action, character cues (forced ``@``, extensions), parentheticals, dual dialogue ``^``,
transitions (``… TO:``, forced ``>``), centred text ``> … <``, notes ``[[…]]``, sections ``#`` and
synopses ``=``, and page breaks ``===``. This module adds what it leaves to the caller: the boneyard
``/* … */`` is removed before parsing, lyrics (``~`` lines) become ``lyrics`` blocks, forced action ``!``
loses its mark, and emphasis markers are dropped (``*italic*`` → ``italic``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from denouement.document import BlockKind, Document
from denouement.errors import InputError, ParseError
from denouement.readers.screenplay import Element, document_from_script, split_cue

__all__ = ["parse"]

_BONEYARD = re.compile(r"/\*.*?\*/", re.DOTALL)
_UNCLOSED_BONEYARD = re.compile(r"/\*.*\Z", re.DOTALL)
_FRONT_KEYS = (
    "Title",
    "Credit",
    "Author",
    "Authors",
    "Source",
    "Draft date",
    "Contact",
    "Notes",
    "Copyright",
)


def parse(text: str, path: str | None = None) -> Document:
    """Parse Fountain text into a script :class:`Document`."""
    from screenplain.parsers import fountain as screenplain_fountain

    text = _UNCLOSED_BONEYARD.sub("", _BONEYARD.sub("", text))
    try:
        screenplay = screenplain_fountain.parse_lines(text.split("\n"))
    except Exception as exc:  # screenplain raises plain exceptions on odd input
        raise ParseError(f"{path or 'input'} is not readable Fountain: {type(exc).__name__}") from None
    title_page: dict[str, list[str]] = dict(screenplay.title_page)
    body = _body(screenplay.paragraphs)
    if title_page and not any(element.text.strip() for element in body):
        raise InputError(f"{path or 'input'} has a title page but no script after it")
    elements = [*_front_matter(title_page), *body]
    title = " ".join(_plain(v) for v in title_page.get("Title", [])) or None
    return document_from_script(elements, format="fountain", path=path, title=title)


def _plain(value: object) -> str:
    """The text of a screenplain rich string without emphasis markers."""
    from screenplain.richstring import parse_emphasis

    if isinstance(value, str):
        value = parse_emphasis(value)
    return " ".join(str(value).split())


def _front_matter(title_page: dict[str, list[str]]) -> list[Element]:
    keys = [k for k in _FRONT_KEYS if k in title_page] + [k for k in title_page if k not in _FRONT_KEYS]
    return [
        Element.of(f"{key}: " + " ".join(_plain(v) for v in title_page[key]), "furniture") for key in keys
    ]


def _body(paragraphs: Iterable[object]) -> list[Element]:
    from screenplain.types import Action, Dialog, DualDialog, PageBreak, Section, Slug, Transition

    elements: list[Element] = []
    for paragraph in paragraphs:
        if isinstance(paragraph, Slug):
            number = str(paragraph.scene_number) if paragraph.scene_number else None
            elements.append(Element.of(_plain(paragraph.line), "scene_heading", number=number))
            if paragraph.synopsis:
                elements.append(Element.of(str(paragraph.synopsis), "furniture"))
        elif isinstance(paragraph, Section):
            elements.append(Element.of(_plain(paragraph.text), "heading", level=min(paragraph.level, 6)))
            if paragraph.synopsis:
                elements.append(Element.of(str(paragraph.synopsis), "furniture"))
        elif isinstance(paragraph, DualDialog):
            elements.extend(_dialogue(paragraph.left, dual=False))
            elements.extend(_dialogue(paragraph.right, dual=True))
        elif isinstance(paragraph, Dialog):
            elements.extend(_dialogue(paragraph, dual=False))
        elif isinstance(paragraph, Transition):
            elements.append(Element.of(_plain(paragraph.line), "transition"))
        elif isinstance(paragraph, Action):
            elements.extend(_action([_plain(line) for line in paragraph.lines]))
        elif isinstance(paragraph, PageBreak):
            continue
    return elements


def _action(lines: Sequence[str]) -> list[Element]:
    """Action lines; ``~`` lines are lyrics, each run of other lines one action paragraph."""
    elements: list[Element] = []
    run: list[str] = []
    for line in lines:
        if line.startswith("~"):
            if run:
                elements.append(Element.of(" ".join(run), "action"))
                run = []
            elements.append(Element.of(line.lstrip("~ "), "lyrics"))
        else:
            run.append(line)
    if run:
        elements.append(Element.of(" ".join(run), "action"))
    return elements


def _dialogue(dialog: object, *, dual: bool) -> list[Element]:
    from screenplain.types import Dialog

    assert isinstance(dialog, Dialog)
    name, extension = split_cue(_plain(dialog.character))
    cue_text = f"{name} ({extension})" if extension else name
    elements = [Element.of(cue_text, "cue", speaker=name, extension=extension, dual=dual)]
    for is_parenthetical, line in dialog.blocks:
        text = _plain(line)
        kind: BlockKind = "parenthetical" if is_parenthetical else "dialogue"
        if not is_parenthetical and text.startswith("~"):
            kind, text = "lyrics", text.lstrip("~ ")
        previous = elements[-1]
        if previous.block.kind == kind and kind != "cue":
            elements[-1] = Element(f"{previous.text} {text}", previous.block)
        else:
            elements.append(Element.of(text, kind, speaker=name, extension=extension, dual=dual))
    return elements
