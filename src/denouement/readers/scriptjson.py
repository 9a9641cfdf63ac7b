"""Dialogue-only scripts stored as JSON: who says which line, with no action lines.

Two shapes are read, both common in script datasets:

- **Lines by character**: ``{"Title": …, "Characters": [{"Character": "NAME", "Replies": [{"Reply": …,
  "Didascalie": "(to Sam)", "Start": 1021, "End": 1099}, …]}, …]}``. ``Start``/``End`` are offsets into the
  script the lines were taken from, so the replies of every character, sorted by ``Start``, give the order of
  speech. ``Didascalie`` (a parenthetical) is kept as one. Key names are matched without regard to case.
- **Scenes**: ``{"name": …, "scenes": [{"name": "INT. HOUSE - NIGHT", "script": [{"character": ["NAME"],
  "dialog": …}, …]}, …]}`` — each scene becomes a scene heading followed by its lines.

The second shape also occurs as a JavaScript assignment (``window.x = {…};`` with bare keys and trailing
commas); that wrapper is undone before parsing. Anything else is a :class:`ParseError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from denouement.document import Document
from denouement.errors import ParseError
from denouement.readers.screenplay import Element, document_from_script, split_cue

__all__ = ["looks_like_script_json", "parse"]

_ASSIGNMENT = re.compile(r"\A\s*(?:(?:var|let|const)\s+)?[\w$.\[\]'\"]+\s*=\s*(?=[{\[])")
_TRAILING = re.compile(r";?\s*\Z")
# A JSON string, or a bare key before a colon, or a comma before a closing bracket (JavaScript only).
_JS_TOKEN = re.compile(r'("(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)(\s*:)|,(\s*[}\]])', re.DOTALL)


def parse(text: str, path: str | None = None) -> Document:
    """Parse a dialogue-only JSON (or JavaScript object) script into a script :class:`Document`."""
    name = path or "input"
    data = _load(text, name)
    if not isinstance(data, Mapping):
        raise ParseError(f"{name} is JSON but not a script: expected an object at the top")
    fields = {str(k).lower(): v for k, v in data.items()}
    if isinstance(fields.get("characters"), list):
        elements = list(_by_character(fields["characters"]))
    elif isinstance(fields.get("scenes"), list):
        elements = list(_by_scene(fields["scenes"]))
    else:
        raise ParseError(
            f"{name} is JSON but not a dialogue script: expected a 'Characters' or a 'scenes' list"
        )
    if not elements:
        raise ParseError(f"{name} holds no lines of dialogue")
    title = fields.get("title", fields.get("name"))
    return document_from_script(
        elements,
        format="script-json",
        path=path,
        title=title.strip() or None if isinstance(title, str) else None,
    )


_DIRECTION = re.compile(
    r"(?:(?:roll|end|opening|closing|main) )?(?:credits|titles)|the end|fade (?:in|out|to black)"
    r"|cut to(?: black)?|dissolve to|smash cut|black ?out|intercut|montage|series of shots"
    r"|super(?:imposed)?|title card",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r'\A\s*(?:(?:var|let|const)\s+)?(?:[\w$.\[\]\'"]+\s*=\s*)?\{[^{}]*?["\']?(?:characters|scenes)["\']?\s*:\s*\[',
    re.IGNORECASE,
)


def looks_like_script_json(head: str) -> bool:
    """Whether the start of a text opens a dialogue script object (a ``Characters`` or ``scenes`` list)."""
    return _OPENING.match(head) is not None


def _load(text: str, name: str) -> Any:
    """The parsed JSON, trying a JavaScript object literal when strict JSON fails."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        pass
    body = _TRAILING.sub("", _ASSIGNMENT.sub("", text, count=1))
    try:
        return json.loads(_JS_TOKEN.sub(_quote_key, body))
    except (json.JSONDecodeError, RecursionError) as exc:
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise ParseError(f"{name} is not valid JSON: {message}") from None


def _quote_key(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    if match.group(2) is not None:
        return f'"{match.group(2)}"{match.group(3)}'
    return match.group(4)


def _field(item: Any, key: str) -> Any:
    """``item[key]`` matched without regard to case; None when ``item`` is no object or lacks it."""
    if not isinstance(item, Mapping):
        return None
    for k, v in item.items():
        if str(k).lower() == key:
            return v
    return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    """A string field as one line of text ("" for anything that is not a string)."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _lines(speaker_field: Any, words: str, parenthetical: str = "") -> Iterator[Element]:
    """The cue, parenthetical and dialogue elements of one line of speech.

    A "speaker" that is a direction the source took for a name ("ROLL CREDITS", "FADE OUT") gives a
    transition and an action line instead.
    """
    names = speaker_field if isinstance(speaker_field, list) else [speaker_field]
    cue = " / ".join(n for n in (_text(x) for x in names) if n)
    if not cue or not words:
        return
    if _DIRECTION.fullmatch(cue.rstrip(".:! ")):
        yield Element.of(cue, "transition")
        yield Element.of(words, "action")
        return
    speaker, extension = split_cue(cue)
    if not speaker:
        return
    yield Element.of(
        f"{speaker} ({extension})" if extension else speaker, "cue", speaker=speaker, extension=extension
    )
    if parenthetical:
        if not parenthetical.startswith("("):
            parenthetical = f"({parenthetical})"
        yield Element.of(parenthetical, "parenthetical", speaker=speaker, extension=extension)
    yield Element.of(words, "dialogue", speaker=speaker, extension=extension)


def _by_character(characters: list[Any]) -> Iterator[Element]:
    """Every reply of every character, in the order of their ``Start`` offsets (file order when missing)."""
    replies: list[tuple[float, int, Any, Any]] = []
    for character in characters:
        speaker = _field(character, "character")
        for reply in _list(_field(character, "replies")):
            start = _field(reply, "start")
            position = (
                float(start)
                if isinstance(start, int | float) and not isinstance(start, bool)
                else float("inf")
            )
            replies.append((position, len(replies), speaker, reply))
    replies.sort(key=lambda r: (r[0], r[1]))
    for _, _, speaker, reply in replies:
        yield from _lines(speaker, _text(_field(reply, "reply")), _text(_field(reply, "didascalie")))


def _by_scene(scenes: list[Any]) -> Iterator[Element]:
    """Each scene's heading, then its lines in order."""
    for scene in scenes:
        heading = _text(_field(scene, "name")) or _text(_field(scene, "heading"))
        if heading:
            yield Element.of(heading.upper() if heading.isupper() else heading, "scene_heading")
        for line in _list(_field(scene, "script")):
            speaker = _field(line, "character")
            yield from _lines(speaker, _text(_field(line, "dialog")) or _text(_field(line, "dialogue")))
