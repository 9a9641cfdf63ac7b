"""Plain text reader: paragraphs split on blank lines, with headings and list items recognised by shape.

Rules, applied to normalised text (``\\n`` line ends):

- paragraphs are separated by blank lines; hard-wrapped lines inside a paragraph are joined;
- lines whose breaks are not wrapping (most lines longer than :data:`UNWRAPPED_LINE` characters, or most
  breaks leaving room for the next word: a cast list, verse) are paragraphs of their own;
- a short first line standing alone (at most 12 words, no final ``. ! ? , : ;``) is a level-1 heading and
  becomes the title;
- other short lines standing alone, without final punctuation and mostly in Title Case or ALL CAPS, or of at
  most :data:`_SENTENCE_CASE_HEADING_WORDS` words in sentence case opened by an article, a question word
  or a preposition ("The morning after", "What the ending means", "Behind the camera"), are level-2
  headings ("She goes home" stays a paragraph);
- a line underlined with ``===`` (level 1) or ``---`` (level 2) is a heading;
- lines starting with ``- ``, ``* ``, ``• `` or ``1. `` are list items, one block each (the marker is
  dropped; following lines without a marker continue the item);
- lines made only of decoration (``* * *``, ``---``, ``#``) are scene breaks and are dropped;
- reference marks copied from encyclopedias (``[1]``, ``[12][13]``, ``[citation needed]``) are dropped.
"""

from __future__ import annotations

import itertools
import re
import statistics

from denouement.document import BlockKind, Document

__all__ = ["UNWRAPPED_LINE", "parse"]

UNWRAPPED_LINE = 100
"""Lines longer than this are taken as whole paragraphs rather than hard-wrapped pieces."""

_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 100
_TITLE_CASE_SHARE = 0.75
_SENTENCE_CASE_HEADING_WORDS = 6

_LIST_ITEM = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+(?P<body>\S.*)$")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})$")
_DECORATION = re.compile(r"^[\s*#~=_•·–—-]+$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_REFERENCE_MARK = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|who\?|when\?)\]")
_FINAL_PUNCTUATION = ".!?,:;"
_CLOSERS = "\"'”’»)]"
_OPENING_QUOTES = "\"'“‘«„"


def _words(names: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``names``."""
    return frozenset(names.split())


#: First words of sentence-case headings: articles, question words, prepositions, "our", "final".
_HEADING_OPENERS = _words(
    """the a an what why how who where when which after before behind beyond inside outside back into
    from between under over on in at our final last first"""
)

_MINOR_WORDS = _words(
    "a an and as at but by for from in into nor of off on or per so the to up via vs with yet"
)

_Part = tuple[str, BlockKind, int]


def parse(text: str, path: str | None = None) -> Document:
    """Split normalised plain text into a :class:`Document`."""
    parts: list[_Part] = []
    standalone: list[bool] = []
    for number, chunk in enumerate(_chunks(text)):
        chunk_parts = _parse_chunk(chunk)
        if number == 0 and len(chunk) > 1 and all(_is_short_unpunctuated(line) for line in chunk):
            # A headline with a subtitle under it: both are headings.
            chunk_parts = [(line, "heading", 2) for line in chunk]
        parts.extend(chunk_parts)
        standalone.extend([len(chunk) == 1 or (number == 0 and len(chunk_parts) > 1)] * len(chunk_parts))
    parts = _settle_first_line(parts, standalone)
    title = parts[0][0] if parts and parts[0][1] == "heading" else None
    return Document.from_blocks(parts, format="text", path=path, title=title)


def _chunks(text: str) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped."""
    chunks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = _REFERENCE_MARK.sub("", raw).strip()
        if line:
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


def _parse_chunk(lines: list[str]) -> list[_Part]:
    """Parts of one run of non-blank lines: paragraphs, list items and underlined headings."""
    parts: list[_Part] = []
    buffer: list[str] = []
    kind: BlockKind = "paragraph"

    def flush() -> None:
        if kind == "paragraph" and _breaks_are_meaningful(buffer):
            parts.extend((line, "paragraph", 0) for line in buffer)
        elif buffer:
            parts.append((" ".join(buffer), kind, 0))
        buffer.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        item = _LIST_ITEM.match(line)
        if _UNDERLINE.match(following) and not item and _is_short_unpunctuated(line):
            flush()
            parts.append((line, "heading", 1 if following.startswith("=") else 2))
            index += 2
            continue
        if _DECORATION.match(line):
            flush()
        elif item:
            flush()
            buffer.append(item["body"])
            kind = "list_item"
        else:
            if not buffer:
                kind = "paragraph"
            buffer.append(line)
        index += 1
    flush()
    if len(lines) == 1 and parts and parts[0][1] == "paragraph" and _BYLINE.match(lines[0]):
        return [(lines[0], "furniture", 0)]  # "By Wren Halloway": a byline
    if len(lines) == 1 and parts and parts[0][1] == "paragraph" and _looks_like_heading(lines[0]):
        return [(lines[0], "heading", 2)]
    return parts


def _breaks_are_meaningful(lines: list[str]) -> bool:
    """True when the line breaks in ``lines`` separate items (a cast list, verse, unwrapped paragraphs).

    Hard-wrapped prose fills each line until the next word no longer fits, so no line leaves room for the
    first word of the next within the longest line. When half the breaks or more leave that room, or the
    lines are mostly longer than :data:`UNWRAPPED_LINE`, each line stands on its own.
    """
    if len(lines) < 2:
        return False
    if all(_is_short_unpunctuated(line) for line in lines):
        return True  # a headline over a subtitle, a byline over a date
    if statistics.median(len(line) for line in lines[:-1]) > UNWRAPPED_LINE:
        return True
    width = max(len(line) for line in lines)
    roomy = sum(
        1
        for line, following in itertools.pairwise(lines)
        if len(line) + 1 + len(following.split()[0]) <= width
    )
    return roomy * 2 >= len(lines) - 1


def _settle_first_line(parts: list[_Part], standalone: list[bool]) -> list[_Part]:
    """Make a short standalone first line the level-1 title; a lone heading-like line stays a paragraph."""
    if not parts or not standalone[0]:
        return parts
    first, kind, _level = parts[0]
    if len(parts) == 1:
        return [(first, "paragraph", 0)] if kind == "heading" else parts
    titled = _is_short_unpunctuated(first) or _headline_with_question(first)
    if kind in ("paragraph", "heading") and titled and not _BYLINE.match(first):
        return [(first, "heading", 1), *parts[1:]]
    return parts


def _headline_with_question(line: str) -> bool:
    """An article's headline that asks its question after a colon: "Whiteout ending explained: what
    happened in the crevasse?"."""
    head, colon, question = line.partition(": ")
    return (
        bool(colon)
        and line.rstrip().endswith("?")
        and len(line.split()) <= _MAX_HEADING_WORDS + 2
        and _is_short_unpunctuated(head)
        and not any(w.strip("'’").lower() in _PERSONAL_WORDS for w in head.split())  # "Then she asked: …"
        and question.split()[:1] != []
        and question.split()[0].strip("'’").lower() in _QUESTION_OPENERS
    )


#: "By Wren Halloway", "By Wren Halloway, Film Critic | 3 March": a short line of a name, not a sentence of
#: the story that opens with a time ("By Thursday, the bakery has sold out.").
_BYLINE = re.compile(
    r"^(?=.{0,100}$)(?:By|BY|by|Words by|Written by|Reviewed by|Review by|Story by)\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    r"|July|August|September|October|November|December|Christmas|Easter|Midnight|Noon|Nightfall|Dawn"
    r"|Morning|Evening|Night|Spring|Summer|Autumn|Winter|Then|Now)\b)"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*[,|•·–—-][^.!?]*)?$"
)


def _is_short_unpunctuated(line: str) -> bool:
    """At most 12 words, some letters, no final sentence punctuation, not opened by a quotation mark."""
    if len(line) > _MAX_HEADING_CHARS or len(line.split()) > _MAX_HEADING_WORDS:
        return False
    if line.startswith(tuple(_OPENING_QUOTES)) or not _WORD.search(line):
        return False
    return not line.rstrip(_CLOSERS).endswith(tuple(_FINAL_PUNCTUATION))


#: First words of the questions articles use as subheadings ("What happens at the end?", "Is Vic real?").
_QUESTION_OPENERS = _words("what why how who where when which is are was does did do can")

#: Words that may open a question heading before its question word ("So who actually comes?").
_LEAD_INS = _words("so and but then wait")

#: Words that make a lone question a thought of the story's people rather than a subheading about the work.
_PERSONAL_WORDS = _words("i me my we us our you your she her he him his they them their")


def _question_heading(line: str) -> bool:
    """A short question standing alone, about the work rather than anyone in it: "What happens at the
    end?", "Is the ending a dream?" (not "Where was she supposed to go now?")."""
    words = line.split()
    if not line.rstrip().endswith("?") or len(words) > _SENTENCE_CASE_HEADING_WORDS + 4 or len(words) < 2:
        return False
    if line.startswith(tuple(_OPENING_QUOTES)) or not line[:1].isupper():
        return False
    lowered = [w.strip("?,.!'’").lower() for w in words]
    if lowered[0] in _LEAD_INS and len(lowered) > 2:
        lowered = lowered[1:]  # "So who actually comes?"
    first = re.split(r"['’]", lowered[0])[0]  # "Who's who in the family?"
    return first in _QUESTION_OPENERS and not any(w in _PERSONAL_WORDS for w in lowered)


def _looks_like_heading(line: str) -> bool:
    """A short unpunctuated line mostly in Title Case or ALL CAPS, or a very short one in sentence case
    ("The morning after", "Where it ends"), or a short question about the work ("What happens at the
    end?")."""
    if _question_heading(line):
        return True
    if not _is_short_unpunctuated(line):
        return False
    words = line.split()
    opened = line[:1].isupper() and words[0].lower() in _HEADING_OPENERS
    if opened and len(words) <= _SENTENCE_CASE_HEADING_WORDS:
        return True
    return _title_case_share(line) >= _TITLE_CASE_SHARE


def _title_case_share(line: str) -> float:
    """Share of the significant words (minor words after the first are skipped) that start upper case."""
    words = _WORD.findall(line)
    significant = [word for index, word in enumerate(words) if index == 0 or word.lower() not in _MINOR_WORDS]
    if not significant:
        return 0.0
    capitalised = sum(1 for word in significant if word[0].isupper())
    return capitalised / len(significant)
