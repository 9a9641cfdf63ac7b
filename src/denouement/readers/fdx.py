"""Final Draft ``.fdx`` screenplays, read with lxml and never expanding entities.

The parser resolves no entities, loads no DTD and touches no network, so entity-expansion bombs and
external entities are inert. Paragraph types map onto script elements: ``Scene Heading`` (with its
``Number``), ``Action``, ``General`` and ``Shot`` (action), ``Character`` (cue), ``Parenthetical``,
``Dialogue``, ``Transition``, ``Lyrics``; ``New Act`` / ``End of Act`` become headings; anything else is
action. Text runs of one paragraph (``<Text Style="Bold">``) are joined. ``DualDialogue`` blocks keep their
order, the second speaker marked as dual.
"""

from __future__ import annotations

import re

from denouement.document import BlockKind, Document
from denouement.errors import ParseError
from denouement.readers.screenplay import Element, document_from_script, split_cue

__all__ = ["parse"]

_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_KINDS: dict[str, BlockKind] = {
    "scene heading": "scene_heading",
    "action": "action",
    "general": "action",
    "shot": "action",
    "character": "cue",
    "parenthetical": "parenthetical",
    "dialogue": "dialogue",
    "transition": "transition",
    "lyrics": "lyrics",
    "new act": "heading",
    "end of act": "heading",
    "cast list": "furniture",
}


def parse(text: str, path: str | None = None) -> Document:
    """Parse Final Draft XML into a script :class:`Document`."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(_DECLARATION.sub("", text).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{path or 'input'} is not valid Final Draft XML: {exc.msg}") from None
    content = root.find("Content")
    if root.tag != "FinalDraft" or content is None:
        raise ParseError(f"{path or 'input'} is not a Final Draft script (no FinalDraft/Content element)")
    elements: list[Element] = []
    speaker: tuple[str, str | None] | None = None
    for paragraph in content.iter("Paragraph"):
        if paragraph.find(".//Paragraph") is not None:
            continue  # a wrapper (around <DualDialogue>): its inner paragraphs come next
        kind = _KINDS.get((paragraph.get("Type") or "action").strip().lower(), "action")
        words = "".join(t.text or "" for t in paragraph.findall("Text"))
        if not words.strip():
            continue
        dual = any(a.tag == "DualDialogue" for a in paragraph.iterancestors()) and _second_in_dual(paragraph)
        if kind == "cue":
            speaker = split_cue(words)
            name, extension = speaker
            text_ = f"{name} ({extension})" if extension else name
            elements.append(Element.of(text_, "cue", speaker=name, extension=extension, dual=dual))
        elif kind in ("parenthetical", "dialogue", "lyrics") and speaker is not None:
            elements.append(Element.of(words, kind, speaker=speaker[0], extension=speaker[1], dual=dual))
        else:
            if kind not in ("parenthetical", "dialogue", "lyrics"):
                speaker = None
            number = paragraph.get("Number") if kind == "scene_heading" else None
            elements.append(Element.of(words, kind, number=number or None))
    if not elements:
        raise ParseError(f"{path or 'input'} holds no script paragraphs")
    return document_from_script(elements, format="fdx", path=path, title=_title(root))


def _second_in_dual(paragraph: object) -> bool:
    """Whether a paragraph inside ``<DualDialogue>`` belongs to the second speaker."""
    from lxml import etree

    assert isinstance(paragraph, etree._Element)
    dual = next(a for a in paragraph.iterancestors() if a.tag == "DualDialogue")
    cues = [p for p in dual.iter("Paragraph") if (p.get("Type") or "").lower() == "character"]
    if len(cues) < 2:
        return False
    ordered = list(dual.iter("Paragraph"))
    return ordered.index(paragraph) >= ordered.index(cues[1])


def _title(root: object) -> str | None:
    from lxml import etree

    assert isinstance(root, etree._Element)
    page = root.find("TitlePage")
    if page is None:
        return None
    for paragraph in page.iter("Paragraph"):
        words = " ".join("".join(t.text or "" for t in paragraph.iter("Text")).split())
        if words:
            return words.title() if words.isupper() else words
    return None
