"""Subtitles: SRT (with the ``srt`` package) and WebVTT (with ``webvtt-py``) as timed lines of dialogue.

Each cue becomes one or more blocks that keep the cue's start and end times in seconds:

- markup is stripped: ``<i>``, ``<b>``, ``<font …>``, ``<c.class>``, ASS overrides like ``{\\an8}``;
- a cue whose lines start with dashes (``- Hi. / - Hello.``) holds two turns, one block each;
- a ``NAME:`` label in capitals (``ORLA: Wait.``) or a WebVTT voice span (``<v Orla>``) names the speaker;
  lines of one cue without dashes are one speaker's turn;
- hearing-impaired notes — a whole line in ``[…]`` or ``(…)``, or a ``[…]`` inside a line — become
  ``sound`` blocks (meta, not speech); a line inside ``♪ … ♪`` becomes ``lyrics``.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable

from denouement.document import BlockKind, Document
from denouement.errors import ParseError
from denouement.readers.screenplay import Element, document_from_script

__all__ = ["parse_srt", "parse_vtt"]

_ASS_TAG = re.compile(r"\{\\[^{}]*\}")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_LABEL = re.compile(
    r"^(?P<name>[A-Z](?:[A-Z0-9 .'’#-]|(?<=M)c|(?<=Ma)c){0,30}[A-Z0-9.])\s*:\s+(?P<text>\S.*)$"
)
_SOUND_LINE = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\))\s*$")
_SOUND_INSIDE = re.compile(r"\[[^\]]*\]")
_MUSIC = re.compile(r"^[♪♫#]+\s*(.*?)\s*[♪♫#]*$")
_DASH = re.compile(r"^[-–—]\s*")
_TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})")


def parse_srt(text: str, path: str | None = None) -> Document:
    """Parse SubRip subtitles; unreadable cues are skipped, a file with none is a :class:`ParseError`."""
    import srt

    logging.getLogger("srt").setLevel(logging.ERROR)  # it warns of every cue it skips
    try:
        cues = [
            (c.start.total_seconds(), c.end.total_seconds(), c.content)
            for c in srt.parse(_without_broken_cues(text), ignore_errors=True)
        ]
    except (srt.SRTParseError, ValueError, OverflowError) as exc:
        raise ParseError(f"{path or 'input'} is not valid SRT: {' '.join(str(exc).split())}") from None
    return _document(cues, format="srt", path=path)


_SRT_TIME = r"\s*\d{1,6}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?\s*"
_SRT_TIMING = re.compile(rf"^{_SRT_TIME}-->{_SRT_TIME}(?:\s.*)?$")
_CUE_GAP = re.compile(r"\n[ \t]*\n")


def _without_broken_cues(text: str) -> str:
    """``text`` without the cues whose timing line is not two well-formed times (``00:0x:04``, a
    millisecond field of twenty digits that overflows ``srt``): left in, ``srt`` would glue them onto
    the cue before. Overlapping and backward times are well-formed and stay."""
    kept = []
    for cue in _CUE_GAP.split(text):
        timing = next((line for line in cue.split("\n") if "-->" in line), None)
        if timing is None or _SRT_TIMING.match(timing):
            kept.append(cue)
    return "\n\n".join(kept)


def parse_vtt(text: str, path: str | None = None) -> Document:
    """Parse WebVTT subtitles (``NOTE``, ``STYLE`` and ``REGION`` blocks are skipped)."""
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.from_buffer(io.StringIO(text)) if hasattr(webvtt, "from_buffer") else None
        if captions is None:  # pragma: no cover - older webvtt-py
            captions = webvtt.read_buffer(io.StringIO(text))
        cues = [(_seconds(c.start), _seconds(c.end), c.raw_text) for c in captions.captions]
    except (MalformedFileError, ValueError) as exc:
        raise ParseError(f"{path or 'input'} is not valid WebVTT: {' '.join(str(exc).split())}") from None
    return _document(cues, format="vtt", path=path)


def _seconds(stamp: str) -> float:
    match = _TIMESTAMP.search(stamp)
    if not match:
        return 0.0
    hours, minutes, seconds, fraction = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000


def _document(cues: Iterable[tuple[float, float, str]], *, format: str, path: str | None) -> Document:
    elements: list[Element] = []
    for start, end, content in cues:
        elements.extend(_cue_elements(start, end, content))
    if not elements:
        raise ParseError(f"{path or 'input'} has no readable subtitle cues")
    return document_from_script(elements, format=format, path=path, title=None)


def _cue_elements(start: float, end: float, content: str) -> list[Element]:
    """The blocks of one cue: turns of speech, sound notes and lyrics, all with the cue's times."""
    voice = _VOICE.search(content)
    speaker = voice.group(1).strip() if voice else None
    lines = [_clean(line) for line in content.replace("\r", "").split("\n")]
    turns: list[tuple[BlockKind, str | None, list[str]]] = []
    for line in lines:
        if not line:
            continue
        if _SOUND_LINE.match(line):
            turns.append(("sound", None, [line]))
            continue
        dashed = _DASH.match(line) is not None
        line = _DASH.sub("", line)
        for note in _SOUND_INSIDE.findall(line):
            turns.append(("sound", None, [note]))
        line = " ".join(_SOUND_INSIDE.sub(" ", line).split())
        if not line:
            continue
        music = _MUSIC.match(line) if line[:1] in "♪♫#" else None
        if music:
            turns.append(("lyrics", speaker, [music.group(1) or line]))
            continue
        label = _LABEL.match(line)
        who = label.group("name").strip() if label else (None if dashed else speaker)
        if label:
            line = label.group("text")
        last = turns[-1] if turns else None
        if last and last[0] == "dialogue" and not dashed and not label and last[1] == who:
            last[2].append(line)
        else:
            turns.append(("dialogue", who, [line]))
    return [
        Element.of(" ".join(parts), kind, speaker=who, start_time=round(start, 3), end_time=round(end, 3))
        for kind, who, parts in turns
    ]


def _clean(line: str) -> str:
    line = _ASS_TAG.sub("", line)
    line = _TAG.sub("", line)
    return " ".join(line.split())
