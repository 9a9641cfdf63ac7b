"""HTML reader: the main text of a web page, without navigation, ads, footers or comment sections.

trafilatura finds the article; its XML output (``<head>``, ``<p>``, ``<list><item>``, ``<quote>``) is
walked into blocks. When trafilatura finds nothing or little (tiny pages, where it drops headings or dumps
the whole body into one paragraph) or fails, a plain lxml walk of ``<body>`` keeps headings, paragraphs,
list items and quotes and drops scripts, styles, navigation, page headers, footers, asides, forms and
figures. Script content is never kept, nothing is ever executed.

Both walks are iterative (``lxml.etree.iterwalk``), so deeply nested markup cannot exhaust the stack.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import lxml.etree as etree
import lxml.html
import trafilatura

from denouement.document import BlockKind, Document
from denouement.errors import ParseError

__all__ = ["fragment_parts", "parse"]

_log = logging.getLogger(__name__)

_Part = tuple[str, BlockKind, int]

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HEADING_TAG = re.compile(r"^h([1-6])$")
_METADATA_KEYS = ("author", "sitename", "description")
_SHORT_EXTRACTION = 250  # below trafilatura's MIN_EXTRACTED_SIZE its output is a last-resort rescue


@dataclass(frozen=True, slots=True)
class _Role:
    """What the walk does with an element.

    ``action`` is ``"drop"`` (skip it and its content), ``"block"`` (its content is one block or a container
    of blocks), ``"break"`` (a line break), ``"cell"`` (a table cell: `` | `` between cells) or ``"inline"``.
    ``kind``/``level`` are set for blocks that fix their kind (headings, list items, quotes); ``None`` means
    the block inherits the kind of the enclosing block (a paragraph inside a list item is a list item).
    """

    action: str
    kind: BlockKind | None = None
    level: int = 0


_INLINE: Final = _Role("inline")
_DROP: Final = _Role("drop")
_BREAK: Final = _Role("break")
_CELL: Final = _Role("cell")
_BLOCK: Final = _Role("block")

_RoleOf = Callable[[Any], _Role]

# --- trafilatura XML ---------------------------------------------------------------------------------

_XML_ROLES: Final[dict[str, _Role]] = {
    "p": _BLOCK,
    "list": _BLOCK,
    "item": _Role("block", "list_item"),
    "quote": _Role("block", "quote"),
    "code": _BLOCK,
    "table": _BLOCK,
    "row": _BLOCK,
    "cell": _CELL,
    "lb": _BREAK,
    "graphic": _DROP,
}


def _xml_role(element: Any) -> _Role:
    """Role of an element of trafilatura's XML output."""
    if element.tag == "head":
        return _Role("block", "heading", _heading_level(element.get("rend", ""), default=2))
    return _XML_ROLES.get(element.tag, _INLINE)


# --- plain HTML ------------------------------------------------------------------------------------------


def _words(names: str) -> frozenset[str]:
    """The set of whitespace-separated names in ``names``."""
    return frozenset(names.split())


_HTML_DROP: Final = _words(
    "script style nav footer aside form noscript figure template iframe svg math object embed canvas "
    "button select textarea head title"
)
_HTML_BLOCKS: Final = _words(
    "p div section article main pre address dd dt dl details summary center ul ol menu table thead "
    "tbody tfoot tr hr caption fieldset"
)
_HTML_ROLES: Final[dict[str, _Role]] = {
    **{tag: _BLOCK for tag in _HTML_BLOCKS},
    "li": _Role("block", "list_item"),
    "blockquote": _Role("block", "quote"),
    "td": _CELL,
    "th": _CELL,
    "br": _BREAK,
}


def _html_role(element: Any) -> _Role:
    """Role of an element of a plain HTML tree (the fallback walk)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _HTML_DROP or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return _DROP
    if tag == "header":
        # A page header is furniture; an article's own header holds its headline.
        inside_article = next(element.iterancestors("article", "main"), None) is not None
        return _BLOCK if inside_article else _DROP
    heading = _HEADING_TAG.match(tag)
    if heading:
        return _Role("block", "heading", int(heading[1]))
    return _HTML_ROLES.get(tag, _INLINE)


# --- public API ------------------------------------------------------------------------------------------


def parse(text: str, path: str | None = None) -> Document:
    """Extract the main text of an HTML page into a :class:`Document`.

    Raises :class:`ParseError` when the markup cannot be parsed at all.
    """
    source = _XML_DECLARATION.sub("", text, count=1)
    extracted = _run_trafilatura(source)
    parts, metadata = extracted if extracted else ([], {})
    if sum(len(part[0]) for part in parts) < _SHORT_EXTRACTION:
        parts = _fallback_parts(source, path, parts)
    title = metadata.pop("title", None) or _page_title(source)
    return Document.from_blocks(
        _with_byline(parts, metadata), format="html", path=path, title=title, metadata=metadata
    )


def _with_byline(parts: list[_Part], metadata: dict[str, str]) -> list[_Part]:
    """Put the page's byline back as furniture after the headline when the extraction left it out."""
    author = metadata.get("author", "").strip()
    if not author or any(author in text for text, _, _ in parts):
        return parts
    at = 1 if parts and parts[0][1] == "heading" else 0
    return [*parts[:at], (f"By {author}", "furniture", 0), *parts[at:]]


def fragment_parts(fragment: str) -> list[_Part]:
    """Blocks of an HTML fragment (a Markdown HTML block); markup that cannot be parsed gives none."""
    if not fragment.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        return _walk(root, _html_role)
    except (etree.LxmlError, ValueError, RecursionError):
        return []


# --- extraction ------------------------------------------------------------------------------------------


def _run_trafilatura(source: str) -> tuple[list[_Part], dict[str, str]] | None:
    """trafilatura's main text as blocks, plus its metadata; ``None`` when it finds nothing or fails."""
    try:
        xml = trafilatura.extract(
            source,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            favor_precision=False,
        )
        if not xml:
            return None
        doc = etree.fromstring(xml.encode("utf-8"), parser=_safe_xml_parser())
    except Exception as exc:  # trafilatura is heuristic; any failure falls back to the plain walk
        _log.debug("trafilatura failed (%s: %s); using the plain HTML walk", type(exc).__name__, exc)
        return None
    main = doc.find("main")
    if main is None:
        return None
    metadata: dict[str, str] = {}
    for key in ("title", *_METADATA_KEYS):
        value = _clean(doc.get(key))
        if value:
            metadata[key] = value
    return _walk(main, _xml_role), metadata


def _fallback_parts(source: str, path: str | None, extracted: list[_Part]) -> list[_Part]:
    """Blocks of ``<body>`` by the plain walk, for pages where trafilatura found little or nothing.

    On short pages trafilatura drops headings or dumps the whole body (navigation included) into one
    paragraph, so the plain walk is better whenever it finds text; otherwise ``extracted`` is kept. Raises
    :class:`ParseError` when lxml cannot parse the page and trafilatura found nothing either.
    """
    try:
        root = _parse_html(source)
        body = root.find("body")
        walked = _walk(body if body is not None else root, _html_role)
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        if extracted:
            return extracted
        name = path or "input"
        raise ParseError(f"{name} could not be parsed as HTML ({type(exc).__name__}: {exc})") from exc
    return walked or extracted


def _page_title(source: str) -> str | None:
    """Text of the first ``<h1>``, else of ``<title>``; ``None`` when neither has text."""
    try:
        root = _parse_html(source)
        candidates = [root.find(".//body//h1"), root.find(".//title")]
        texts = [_clean(element.text_content()) for element in candidates if element is not None]
    except (etree.LxmlError, ValueError, RecursionError):
        return None
    return next((text for text in texts if text), None)


def _parse_html(source: str) -> Any:
    """Parse a page with lxml's forgiving HTML parser; raises ``lxml.etree.ParserError`` on empty input."""
    return lxml.html.document_fromstring(source)


def _safe_xml_parser() -> Any:
    """An XML parser that resolves no entities and touches no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)


# --- the walk --------------------------------------------------------------------------------------------


def _walk(root: Any, role_of: _RoleOf) -> list[_Part]:
    """Flatten the tree under ``root`` into blocks, iteratively, in document order.

    Text collects in a buffer; every block element boundary flushes it as a block of the kind of the
    innermost enclosing block. Tails (text after an element) belong to the parent and are added when the
    element ends; comments contribute only their tail.
    """
    parts: list[_Part] = []
    buffer: list[str] = []
    stack: list[tuple[BlockKind, int]] = [("paragraph", 0)]

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if text.strip():
            kind, level = stack[-1]
            parts.append((text, kind, level))

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            buffer.append(element.tail or "")
            continue
        role = role_of(element)
        if event == "start":
            _enter(element, role, buffer, stack, flush)
            if role.action == "drop":
                walker.skip_subtree()
            continue
        if role.action == "block":
            flush()
            stack.pop()
        if element is not root:
            buffer.append(element.tail or "")
    flush()
    return parts


def _enter(
    element: Any,
    role: _Role,
    buffer: list[str],
    stack: list[tuple[BlockKind, int]],
    flush: Callable[[], None],
) -> None:
    """Handle the start of ``element``: open a block, add a break or cell separator, take its text."""
    if role.action == "drop":
        return
    if role.action == "block":
        flush()
        stack.append((role.kind, role.level) if role.kind else stack[-1])
    elif role.action == "break":
        buffer.append("\n")
    elif role.action == "cell" and "".join(buffer).strip():
        buffer.append(" | ")
    buffer.append(element.text or "")


def _heading_level(rend: str, *, default: int) -> int:
    """Level from a ``rend="h2"`` attribute."""
    match = _HEADING_TAG.match(rend.strip().lower())
    return int(match[1]) if match else default


def _clean(value: object) -> str:
    """Whitespace-normalised string, ``""`` for ``None``."""
    return " ".join(str(value).split()) if value is not None else ""
