"""Plain-text screenplays as found in the wild, and what every script reader shares.

Scripts scraped from script sites or extracted from PDF keep the layout of the printed page: scene headings
at the margin, character cues far indented, dialogue in a narrower column, transitions on the right. This
reader recognises the elements from capitalisation first and indentation second, so it still works when the
indentation was lost or blank lines were dropped:

- **page furniture is removed**: page numbers (``12.``), ``(CONTINUED)``, ``CONTINUED:``, ``(MORE)``, lines
  of dashes or equals signs, HTML comments and tags, running headers (a line with digits or "draft" /
  "revision" that repeats on several pages), and scene numbers on either side of a heading
  (``12   INT. PIER - NIGHT   12``, ``12INT. PIER - NIGHT12``);
- a **scene heading** starts with ``INT.``, ``EXT.``, ``INT./EXT.``, ``I/E``, ``EST.`` (or ``INTERIOR`` /
  ``EXTERIOR``);
- a **transition** is a capitalised line ending in ``TO:`` or one of the usual words (``FADE IN:``,
  ``FADE OUT.``, ``BACK TO PRESENT``, ``END FLASHBACK`` …), or a capitalised line pushed to the right;
- a **character cue** is a short capitalised line (a name, perhaps with ``(V.O.)`` or ``(CONT'D)``) that is
  followed by speech: a parenthetical or dialogue, indented less than the cue when indentation survives;
- **dialogue** runs from the cue to the next blank line, heading, cue or transition; when blank lines were
  dropped, a line much wider than the dialogue column, or a return to the action margin, ends it;
- a **parenthetical** is a ``( … )`` line inside dialogue;
- everything else is **action**; consecutive action lines form one paragraph.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from denouement.document import Block, BlockKind, Document

__all__ = [
    "Element",
    "document_from_script",
    "looks_like_script",
    "parse",
    "scene_number_split",
    "split_cue",
]


@dataclass(frozen=True, slots=True)
class Element:
    """One script element before offsets are known: its text and the block it will become."""

    text: str
    block: Block

    @classmethod
    def of(cls, text: str, kind: BlockKind, **fields: object) -> Element:
        return cls(text, Block(0, 0, kind, **fields))  # type: ignore[arg-type]


def document_from_script(
    elements: Iterable[Element], *, format: str, path: str | None, title: str | None
) -> Document:
    """The :class:`Document` of a list of script elements."""
    return Document.from_elements(
        [(e.text, e.block) for e in elements], format=format, path=path, title=title
    )


# --- cues and scene numbers --------------------------------------------------------------------------

_EXTENSION = re.compile(r"\(([^()]*)\)")
_CONTINUED_CUE = re.compile(r"\(\s*CONT(?:'|’)?D|\(\s*CONTINUED", re.IGNORECASE)
_CONTINUED_EXTENSION = re.compile(r"^(?:CONT'?D|CONT[’']D|CONTINUED|CONT)\.?$", re.IGNORECASE)


def split_cue(cue: str) -> tuple[str, str | None]:
    """``"TEDDY (O.S.) (CONT'D)"`` → ``("TEDDY", "O.S.")``: the name and its extension.

    ``CONT'D`` only says the same speaker goes on, so it is dropped; any other extension (``V.O.``,
    ``O.S.``, ``O.C.``, ``ON PHONE``, ``INTO RADIO``) is kept, the first one when there are several.
    """
    extensions = [e.strip() for e in _EXTENSION.findall(cue)]
    name = _EXTENSION.sub(" ", cue)
    name = " ".join(name.replace("^", " ").split()).strip(" :")
    kept = [e for e in extensions if e and not _CONTINUED_EXTENSION.match(e)]
    return name, (kept[0].upper() if kept else None)


_NUMBER = r"[A-Z]?\d{1,4}[A-Z]{0,2}(?:\.\d+)?"
_NUMBERED = re.compile(rf"^(?P<a>{_NUMBER})?\s*(?P<body>.*?)\s*(?P<b>{_NUMBER})?$")
_NUMBERED_HEADING = re.compile(
    r"^(?P<a>[A-Z]?\d{1,4}[A-Z]?(?:\.\d+)?)\s*"
    r"(?P<body>(?:INT|EXT|EST|I/E|E/I|INTERIOR|EXTERIOR)\b.*?)\s*(?P<b>\d{1,4}[A-Z]?)?$"
)
_FORCED = re.compile(r"^\.\s*(?=\S)(?!\.)")


def scene_number_split(line: str) -> tuple[str, str | None]:
    """``"12   INT. PIER - NIGHT   12"`` → ``("INT. PIER - NIGHT", "12")``.

    A number on both sides must agree; a number on one side only counts before the heading. A number
    glued to the heading (``12INT. PIER - NIGHT12``) is split off; a Fountain-style forcing dot goes.
    """
    line = _FORCED.sub("", line.strip())
    match = _NUMBERED_HEADING.match(line) or _NUMBERED_BOTH_SIDES.match(line) or _NUMBERED.match(line)
    if not match:
        return line, None
    a, body, b = match.group("a"), match.group("body"), match.group("b")
    if a and b and a == b:
        return body, a
    if a and not b and body[:1].isalpha():
        return body, a
    if a and b:  # "12 INT. ROOM 21" — not a pair: keep the trailing number as part of the heading
        return f"{body} {b}", a
    return line.strip(), None


# --- recognising lines ---------------------------------------------------------------------------------

_HEADING = re.compile(
    r"^(?:INT|EXT|EST|I/E|E/I|INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT)(?:\.|\s|/|\b-)|^(?:INTERIOR|EXTERIOR)\b"
)
_TRANSITION_WORDS = re.compile(
    r"^(?:FADE (?:IN|OUT|TO BLACK|UP)|CUT TO BLACK|SMASH CUT|MATCH CUT|JUMP CUT|DISSOLVE|WIPE"
    r"|IRIS (?:IN|OUT)|BACK TO (?:PRESENT|THE PRESENT|PRESENT DAY|SCENE|REALITY)"
    r"|END (?:OF )?(?:FLASHBACK|DREAM|FANTASY|MONTAGE|SEQUENCE|DREAM SEQUENCE|FANTASY SEQUENCE|MEMORY"
    r"|INTERCUT|SERIES OF SHOTS)"
    r"|(?:BEGIN|START) (?:FLASHBACK|DREAM|FANTASY|MONTAGE|DREAM SEQUENCE|FANTASY SEQUENCE)"
    r"|FLASHBACK TO|INTERCUT|THE END)\b.*$"
)
_PAGE_NUMBER = re.compile(
    r"^\(?\s*(?:page\s+)?\d{1,3}\s*[.)]?\s*(?:of\s+\d+)?\)?$|^\d{1,3}\.\s+\d{1,4}[A-Z]?$", re.IGNORECASE
)
_CONTINUED = re.compile(
    r"^(?:\d{1,4}[A-Z]?\s+|\d{1,4})?\(?\s*(?:CONTINUED|CONT'D|CONT[’']D)\s*\)?\s*:?\s*(?:\(\s*\d+\s*\))?"
    r"(?:\s*\d{1,4}[A-Z]?)?$",
    re.IGNORECASE,
)
_MORE = re.compile(r"^\(\s*MORE\s*\)$", re.IGNORECASE)
_RULE = re.compile(r"^[\s\-=_*~.·•]{3,}$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
_CUE = re.compile(r"^(?:[A-Z0-9#@][A-Z0-9 .,'’#&\-/]*?)(?:\s*\([^()]{0,30}\))*\s*\^?$")
_SPEECH_PARENTHETICAL = re.compile(r"^\(.*\)?$")
_SENTENCE_END = re.compile(r"[.!?]$")
_CODE_START = tuple(
    [
        "var ",
        "function",
        "document.",
        "window.",
        "try {",
        "try{",
        "} catch",
        "}",
        "(function",
        "google_",
        "if (",
    ]
)
_RUNNING_HEADER_WORDS = re.compile(r"\b(?:draft|revision|revised|rev\.|page|script)\b", re.IGNORECASE)

_MAX_CUE_WORDS = 5
_MAX_CUE_CHARS = 40
_WIDE_DIALOGUE = 48  # a dialogue column is ~35 characters; wider lines are action
_RIGHT_ALIGNED = 40


@functools.lru_cache(maxsize=8192)
def _is_upper(text: str) -> bool:
    """All capitals, allowing the small letters of a "Mc" or "Mac" name (``McTAVISH``); letters without
    case (CJK) do not count as capitals."""
    text = _MC.sub("", text)
    if not text.isupper():  # no cased letter, or a small one
        return False
    if text.isascii():
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_MC = re.compile(r"\bMa?c(?=[A-Z]{2})")


_NUMBERED_BOTH_SIDES = re.compile(r"^(?P<a>\d{1,4}[A-Z]?)\s*(?P<body>\S.*?\S)\s*(?P<b>(?P=a))$")
_TIME_SUFFIX = re.compile(
    r"\s[-–—]+\s*(?:DAY|NIGHT|LATER|MORNING|EVENING|AFTERNOON|DAWN|DUSK|CONTINUOUS|SAME|MOMENTS LATER"
    r"|SUNSET|SUNRISE|NOON|MIDNIGHT)\.?$"
)


def is_scene_heading(line: str) -> bool:
    """INT./EXT. headings; also any capitalised line numbered on both sides (``4  THE PIER - LATER  4``)
    or ending in a time of day after a dash (``THE PIER - LATER``)."""
    body, _ = scene_number_split(line)
    if not _is_upper(body[:4]):
        return False
    if _HEADING.match(body.upper() if body.isupper() else body):
        return True
    if not _is_upper(body) or len(body.split()) > 12:
        return False
    return bool(_NUMBERED_BOTH_SIDES.match(line.strip()) or _TIME_SUFFIX.search(body))


def is_transition(line: str, indent: int = 0) -> bool:
    text = line.strip()
    if not _is_upper(text):
        return False
    if text.endswith("TO:") or _TRANSITION_WORDS.match(text):
        return True
    return indent >= _RIGHT_ALIGNED and len(text) < 30 and text.endswith((":", "."))


@functools.lru_cache(maxsize=8192)
def _could_be_cue(line: str) -> bool:
    text = line.strip()
    if not text or not _is_upper(text) or not _CUE.match(_MC.sub("M", text)):
        return False
    name, _ = split_cue(text)
    if not name or len(name) > _MAX_CUE_CHARS or len(name.split()) > _MAX_CUE_WORDS:
        return False
    if _SENTENCE_END.search(name) and not re.search(r"\b(?:MR|MRS|MS|DR|ST|JR|SR)\.$", name):
        return False
    return not is_scene_heading(text) and not is_transition(text)


# --- cleaning ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # stripped
    indent: int


def _clean_lines(text: str) -> list[_Line | None]:
    """The script's lines without page furniture; ``None`` marks a blank line."""
    text = _HTML_COMMENT.sub("\n", text)
    text = text.replace("\f", "\n\n")
    raw = text.split("\n")
    stripped = [part for line in raw for part in _unfold(line.expandtabs(8).rstrip())]
    headers = _running_headers(stripped)
    lines: list[_Line | None] = []
    for line in stripped:
        body = _HTML_TAG.sub("", line).rstrip()
        s = body.strip()
        if not s or s in headers or _furniture(s) or _is_code(s):
            lines.append(None)
            continue
        lines.append(_Line(s, len(body) - len(body.lstrip())))
    return lines


_FOLD = re.compile(r" {4,}")
_FOLDED_LINE = 300  # characters: a line this long with many wide gaps is a whole page run together
_FOLDED_GAPS = 8


def _unfold(line: str) -> list[str]:
    """A page whose line breaks were lost (each break and the next line's indentation turned into one
    run of spaces) as its lines again, each indented by its run less the lost break. A run of four spaces
    or more marks a break: sentences inside a line are set apart by two."""
    if len(line) < _FOLDED_LINE or len(_FOLD.findall(line)) < _FOLDED_GAPS:
        return [line]
    lines = []
    position = 0
    indent = len(line) - len(line.lstrip(" "))
    for gap in _FOLD.finditer(line, indent):
        if gap.start() > position:
            lines.append(" " * indent + line[max(position, indent) : gap.start()].strip())
        indent = len(gap.group()) - 1
        position = gap.end()
    lines.append(" " * indent + line[position:].strip())
    return _paragraphs(_numbered_again([part for part in lines if part.strip()]))


_SCENE_NUMBER = re.compile(r"\d{1,4}[A-Z]?")


def _numbered_again(lines: list[str]) -> list[str]:
    """ "12", "INT. ROOM - DAY", "12" (a numbered heading the unfolding cut in three) as one line again."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        number = lines[i].strip()
        if i + 2 < len(lines) and _SCENE_NUMBER.fullmatch(number) and lines[i + 2].strip() == number:
            out.append(f"{lines[i]}    {lines[i + 1].strip()}    {number}")
            i += 3
            continue
        out.append(lines[i])
        i += 1
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines put back where an unfolded page steps out to a wider column (speech ending in action,
    action before a cue), so the page reads the same whether or not the rest of the script is indented."""
    out: list[str] = []
    previous = None
    aside = False  # the line before was a parenthetical: speech goes on after it
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip()
        steps_out = (
            previous is not None
            and abs(indent - previous) >= 4
            and not text.startswith("(")
            and not aside
            and (indent < previous or _is_upper(text))
        )
        if steps_out or is_scene_heading(text) or _PAGE_NUMBER.match(text):
            out.append("")
        out.append(line)
        previous = indent
        aside = text.startswith("(") and text.endswith(")")
    return out


def _is_code(s: str) -> bool:
    """Script code left in a page scraped from the web (``var x = …;``, ``} catch(err) {}``)."""
    if s.startswith(_CODE_START):
        return True
    return s.endswith((";", "{", "}")) and sum(s.count(c) for c in "=(){};") >= 3


def _furniture(s: str) -> bool:
    return bool(_PAGE_NUMBER.match(s) or _CONTINUED.match(s) or _MORE.match(s) or _RULE.match(s))


def _running_headers(lines: Sequence[str]) -> set[str]:
    """Lines repeated on several pages that are not part of the story: a title with a draft date."""
    counts = Counter(line.strip() for line in lines if line.strip())
    return {
        s
        for s, n in counts.items()
        if (
            n >= 3
            and len(s) >= 8
            and (any(c.isdigit() for c in s) or _RUNNING_HEADER_WORDS.search(s))
            and not _is_upper(s.split("(")[0])
        )  # a cue repeats too
        or (n >= 3 and re.match(r"^\S.*\s{3,}\d+\.?$", s) is not None)
    }


# --- parsing -----------------------------------------------------------------------------------------


class _Layout:
    """Column positions of a script whose indentation survived (``indented`` False when it did not)."""

    def __init__(self, lines: Sequence[_Line | None]) -> None:
        cue_indents = []
        for i, line in enumerate(lines):
            if line is None or not _could_be_cue(line.text):
                continue
            nxt = _next_text_line(lines, i)
            if nxt is not None and not _is_upper(nxt.text):
                cue_indents.append(line.indent)
        indents = [line.indent for line in lines if line is not None]
        self.margin = min(indents, default=0)
        self.cue = statistics.median(cue_indents) if len(cue_indents) >= 3 else None
        self.indented = self.cue is not None and self.cue - self.margin >= 8
        speech = [
            nxt.indent
            for i, line in enumerate(lines)
            if line is not None
            and self.cue is not None
            and abs(line.indent - self.cue) <= 8
            and _could_be_cue(line.text)
            and (nxt := _next_text_line(lines, i)) is not None
            and not _is_upper(nxt.text)
        ]
        #: Dialogue printed at the action margin (only the cue is indented): a cue's speech is the
        #: paragraph after it.
        self.speech_at_margin = (
            self.indented and len(speech) >= 3 and statistics.median(speech) <= self.margin + 4
        )

    def is_cue_column(self, line: _Line) -> bool:
        return not self.indented or self.cue is None or abs(line.indent - self.cue) <= 8

    def is_action_column(self, line: _Line) -> bool:
        return self.indented and line.indent <= self.margin + 4


def _next_text_line(lines: Sequence[_Line | None], i: int) -> _Line | None:
    for line in lines[i + 1 : i + 3]:
        if line is not None:
            return line
    return None


def parse(text: str, path: str | None = None) -> Document:
    """Split a plain-text screenplay into script elements."""
    lines = _clean_lines(text)
    layout = _Layout(lines)
    elements: list[Element] = []
    action: list[str] = []
    speaker: tuple[str, str | None] | None = None
    continued = False
    speech: list[str] = []
    title_lines: list[str] = []
    started = False

    def flush_action() -> None:
        if action:
            elements.append(Element.of(" ".join(action), "action"))
            action.clear()

    def flush_speech() -> None:
        nonlocal speaker
        if speaker is not None:
            _append_speech(elements, speaker, speech, continued)
        speaker = None
        speech.clear()

    for i, line in enumerate(lines):
        if line is None:
            flush_action()
            if speaker is not None and speech:
                flush_speech()
            continue
        s = line.text
        if is_scene_heading(s):
            flush_action()
            flush_speech()
            started = True
            heading, number = scene_number_split(s)
            elements.append(Element.of(heading, "scene_heading", number=number))
            continue
        if is_transition(s, line.indent - layout.margin):
            flush_action()
            flush_speech()
            started = True
            elements.append(Element.of(s, "transition"))
            continue
        if speaker is not None and _continues_speech(line, speech, layout):
            speech.append(s)
            continue
        flush_speech()
        nxt = _next_text_line(lines, i)
        if (
            _could_be_cue(s)
            and layout.is_cue_column(line)
            and nxt is not None
            and _speech_follows(line, nxt, layout)
            and (lines[i + 1] is not None or layout.indented or _SPEECH_PARENTHETICAL.match(nxt.text))
        ):
            continued = not action and bool(_CONTINUED_CUE.search(s))
            flush_action()
            started = True
            speaker = split_cue(s)
            continue
        if not started:
            title_lines.append(s)
            continue
        action.append(s)
    flush_action()
    flush_speech()
    title = _title(title_lines)
    front = [Element.of(t, "furniture") for t in title_lines]
    return document_from_script([*front, *_inline_speech(elements)], format="script", path=path, title=title)


#: A script's cue must recur this often before it is looked for inside run-together action text.
_KNOWN_CUE = 3
_VOICE_OF = r"(?:'S VOICE| ON (?:THE )?(?:MACHINE|PHONE|TELEPHONE|TV|RADIO|SPEAKER|TAPE|SCREEN))?"
_EXTENSION_AFTER = r"(?:\s*\((?:V\.?O\.?|O\.?S\.?|O\.?C\.?|CONT'?D|CONT[’']D)\))*"


def _inline_speech(elements: list[Element]) -> list[Element]:
    """Speech run into an action paragraph where the page lost its line breaks ("…dials the phone. JOEL
    Hi, it's me. (beat) Are you there? CLEMENTINE No."): a cue the script uses elsewhere, in capitals,
    after the end of a sentence and before a word in sentence case or an aside, starts a speech that lasts
    to the next such cue or the paragraph's end. An action line in capitals ("ANNA SCREAMS.") is not one."""
    counts: dict[str, int] = {}
    for element in elements:
        if element.block.kind == "cue" and element.block.speaker:
            counts[element.block.speaker] = counts.get(element.block.speaker, 0) + 1
    names = sorted((n for n, k in counts.items() if k >= _KNOWN_CUE and _is_upper(n)), key=len, reverse=True)
    if not names:
        return elements
    name = "(?:" + "|".join(re.escape(n) for n in names) + ")" + _VOICE_OF + _EXTENSION_AFTER
    pattern = re.compile(
        rf"(?:(?<=[.!?)\-—]\s)|(?<=[.!?)]\s\s)|^)(?:{name}\s+)*(?P<cue>{name})\s+"
        r"(?=[A-Z][a-z]|[A-Z]['’][a-z]|I\s|[(\"“'.\-])"  # speech in sentence case, not capitals
    )
    out: list[Element] = []
    for element in elements:
        if element.block.kind != "action" or not pattern.search(element.text):
            out.append(element)
            continue
        out.extend(_split_action(element.text, pattern))
    return out


def _split_action(text: str, pattern: re.Pattern[str]) -> list[Element]:
    """An action paragraph cut at each inline cue into action, cues and their speech."""
    parts: list[Element] = []
    matches = list(pattern.finditer(text))
    head = text[: matches[0].start()].strip()
    if head:
        parts.append(Element.of(head, "action"))
    for k, match in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        speech = text[match.end() : end].strip()
        speaker = split_cue(match.group("cue"))
        if not speech:
            continue  # a cue run straight into the next one: nothing said
        lines = _ASIDE.sub(lambda m: "\n" + m.group() + "\n", speech).split("\n")
        _append_speech(parts, speaker, [line.strip() for line in lines if line.strip()])
    return parts


_ASIDE = re.compile(r"\([^()\n]{1,60}\)")


def _speech_follows(cue: _Line, nxt: _Line, layout: _Layout) -> bool:
    """The line after a cue is speech: a parenthetical, or text that is not a heading or another cue."""
    if is_scene_heading(nxt.text) or is_transition(nxt.text):
        return False
    if _SPEECH_PARENTHETICAL.match(nxt.text):
        return True
    if _is_upper(nxt.text) and len(nxt.text.split()) <= 3:
        return False
    if layout.indented and not layout.speech_at_margin:
        return nxt.indent < cue.indent and not layout.is_action_column(nxt)
    return True


def _continues_speech(line: _Line, speech: Sequence[str], layout: _Layout) -> bool:
    """Whether ``line`` (right after a cue or a speech line, no blank line between) is still speech."""
    if layout.speech_at_margin:
        return not (layout.cue and line.indent >= layout.cue - 2)
    if layout.indented:
        return not layout.is_action_column(line) and not (layout.cue and line.indent >= layout.cue - 2)
    if speech and len(line.text) > _WIDE_DIALOGUE and all(len(s) <= _WIDE_DIALOGUE for s in speech):
        return False
    return not (_could_be_cue(line.text) and speech)


def _append_speech(
    elements: list[Element], speaker: tuple[str, str | None], lines: Sequence[str], continued: bool = False
) -> None:
    """The cue and the speech after it: parentheticals and dialogue as separate elements.

    ``continued``: the cue said CONT'D right after the same speaker's words (a speech broken by a page
    end, ``(MORE)``): the speech joins the block it continues.
    """
    name, extension = speaker
    parts = _speech_parts(lines)
    previous = elements[-1] if elements else None
    if (
        continued
        and previous is not None
        and previous.block.kind == "dialogue"
        and previous.block.speaker == name
        and parts
        and parts[0][0] == "dialogue"
    ):
        elements[-1] = Element(f"{previous.text} {parts[0][1]}", previous.block)
        parts = parts[1:]
        for kind, text in parts:
            elements.append(Element.of(text, kind, speaker=name, extension=previous.block.extension))
        return
    elements.append(
        Element.of(
            name if not extension else f"{name} ({extension})", "cue", speaker=name, extension=extension
        )
    )
    for kind, text in parts:
        elements.append(Element.of(text, kind, speaker=name, extension=extension))


def _speech_parts(lines: Sequence[str]) -> list[tuple[BlockKind, str]]:
    """Group speech lines into parentheticals and dialogue runs."""
    parts: list[tuple[BlockKind, str]] = []
    inside = False
    for line in lines:
        kind: BlockKind = "parenthetical" if inside or line.startswith("(") else "dialogue"
        inside = kind == "parenthetical" and not line.rstrip().endswith(")")
        if parts and parts[-1][0] == kind:
            parts[-1] = (kind, f"{parts[-1][1]} {line}")
        else:
            parts.append((kind, line))
    return parts


_SCRAPED_TITLE = re.compile(
    r"\s*(?:movie\s+)?script\b.*$|\s+-\s+screenplays? for you.*$|\"?\s+--\s.*$", re.IGNORECASE
)


def _title(lines: Sequence[str]) -> str | None:
    for raw in lines:
        line = _SCRAPED_TITLE.sub("", raw).strip(' "')
        words = line.split()
        if 1 <= len(words) <= 10 and not line.endswith((":", ".", ",")) and not _is_code(line):
            return line.title() if line.isupper() else line
    return None


# --- sniffing ----------------------------------------------------------------------------------------


def looks_like_script(text: str) -> bool:
    """Several scene headings and many cue-like lines: a screenplay, whatever the file is called."""
    headings = cues = 0
    for raw in text.split("\n")[:20000]:
        s = raw.strip()
        if not s:
            continue
        if is_scene_heading(s):
            headings += 1
        elif _could_be_cue(s):
            cues += 1
    return headings >= 3 and cues >= 10
