"""Scenes of a screenplay, and the layers its own conventions mark.

A script says what is real in its own words: heading suffixes (``INT. LIGHTHOUSE - NIGHT - FLASHBACK``,
``[DREAM]``), transitions and sequence lines (``FLASHBACK TO:``, ``BEGIN DREAM SEQUENCE``, ``END
FLASHBACK``, ``BACK TO PRESENT``), date cards (``SUPER: 1912``). ``MONTAGE … END MONTAGE`` and ``INTERCUT``
mark real stretches, kept as actual segments. Where the writer left no marker, the prose layer engine's
findings on the action lines stand. The patterns are data: ``data/scripts.yaml``.

The ``denouement_scenes`` component runs after ``denouement_layers`` and, for script documents only,
replaces ``doc._.layers`` and ``doc._.segments`` and sets ``doc._.scenes``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from denouement.characters import story_index
from denouement.document import SPOKEN_KINDS, Block
from denouement.layers import CueSpan, SegmentSpan
from denouement.lexicon import load_lexicon
from denouement.model import REAL_LAYERS, Layer
from denouement.sentences import block_of, block_starts, blocks_of

__all__ = [
    "HeadingParts",
    "SceneSpan",
    "ScriptCues",
    "parse_heading",
    "scene_layers",
    "script_cues",
]

if not Doc.has_extension("scenes"):
    Doc.set_extension("scenes", default=None)

_INT_EXT = re.compile(
    r"^(?P<ie>INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|I\s*/\s*E|E\s*/\s*I|INT|EXT|EST|INTERIOR|EXTERIOR)\b\.?\s*",
    re.IGNORECASE,
)
_INT_EXT_NAMES = {
    "INTERIOR": "INT",
    "EXTERIOR": "EXT",
    "I/E": "INT/EXT",
    "E/I": "INT/EXT",
    "EXT/INT": "INT/EXT",
}
_SEPARATOR = re.compile(r"\s+[-–—]+\s+|\s*--\s*|\s*[\[(]([^\])]*)[\])]\s*")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_META_KINDS = frozenset({"furniture", "heading", "caption", "sound"})
AFTERMATH = 15  # sentences after a marked segment where prose cues only echo it
MAX_EXPLICIT_SCENES = 12  # a "BEGIN DREAM SEQUENCE" without its end stops after this many scenes


@dataclass(frozen=True)
class ScriptCues:
    """The compiled patterns of ``data/scripts.yaml``."""

    heading_layers: dict[str, tuple[re.Pattern[str], ...]]
    open: dict[str, tuple[re.Pattern[str], ...]]
    open_explicit: tuple[str, ...]
    close: tuple[re.Pattern[str], ...]
    marked_actual: dict[str, tuple[re.Pattern[str], ...]]
    marked_actual_close: tuple[re.Pattern[str], ...]
    super: tuple[re.Pattern[str], ...]
    time_of_day: frozenset[str]


def _full(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?:{p})", re.IGNORECASE) for p in patterns)


@cache
def script_cues() -> ScriptCues:
    """The script conventions of ``data/scripts.yaml`` (extended by the user's lexicon folder)."""
    data = load_lexicon("scripts")
    return ScriptCues(
        heading_layers={k: _full(v) for k, v in data["heading_layers"].items()},
        open={k: _full(v) for k, v in data["open"].items()},
        open_explicit=tuple(str(w).lower() for w in data.get("open_explicit", [])),
        close=_full(data["close"]),
        marked_actual={k: _full(v) for k, v in data["marked_actual"].items()},
        marked_actual_close=_full(data["marked_actual_close"]),
        super=tuple(re.compile(rf"^\s*(?:{p})\s*", re.IGNORECASE) for p in data["super"]),
        time_of_day=frozenset(str(w).lower() for w in data["time_of_day"]),
    )


def _matches(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    return any(p.fullmatch(text.strip(" .:!-")) for p in patterns)


# --- headings ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingParts:
    int_ext: str | None
    location: str | None
    time_of_day: str | None
    layer: Layer | None  # what a suffix says ("FLASHBACK" → flashback), None when nothing
    marker: str | None  # the suffix that said it


def parse_heading(heading: str) -> HeadingParts:
    """``"INT. LIGHTHOUSE - NIGHT - FLASHBACK"`` → INT, LIGHTHOUSE, NIGHT, flashback."""
    cues = script_cues()
    text = heading.strip()
    match = _INT_EXT.match(text)
    int_ext = None
    if match:
        raw = re.sub(r"[\s.]", "", match.group("ie").upper())
        int_ext = {
            "INTERIOR": "INT",
            "EXTERIOR": "EXT",
            "I/E": "INT/EXT",
            "E/I": "INT/EXT",
            "EXT/INT": "INT/EXT",
        }.get(raw, raw)
        text = text[match.end() :]
    parts = [p.strip(" .,") for p in _split_parts(text) if p and p.strip(" .,")]
    layer: Layer | None = None
    marker = None
    time = None
    location_parts: list[str] = []
    for part in parts:
        if any(_matches(ps, part) for ps in cues.marked_actual.values()) and not location_parts:
            continue  # "INTERCUT - ORLA'S ROOM / PIER CAFE": the marker is not the place
        found = _heading_layer(part, cues)
        if found is not None and (location_parts or int_ext is None or len(parts) > 1):
            layer, marker = found, part
            continue
        if part.lower() in cues.time_of_day or (location_parts and _is_time(part, cues)):
            time = part.upper() if time is None else f"{time} - {part.upper()}"
            continue
        location_parts.append(part)
    location = " - ".join(location_parts) or None
    return HeadingParts(int_ext, location, time, layer, marker)


def _split_parts(text: str) -> list[str]:
    pieces: list[str] = []
    last = 0
    for m in _SEPARATOR.finditer(text):
        pieces.append(text[last : m.start()])
        if m.group(1):
            pieces.append(m.group(1))
        last = m.end()
    pieces.append(text[last:])
    return pieces


def _is_time(part: str, cues: ScriptCues) -> bool:
    words = part.lower().split()
    return bool(words) and (words[-1] in cues.time_of_day or " ".join(words[-2:]) in cues.time_of_day)


def _heading_layer(part: str, cues: ScriptCues) -> Layer | None:
    for layer, patterns in cues.heading_layers.items():
        if _matches(patterns, part):
            return layer  # type: ignore[return-value]
    return None


# --- layers -------------------------------------------------------------------------------------------


@dataclass
class SceneSpan:
    number: str | None
    heading: str
    parts: HeadingParts
    first: int
    last: int
    layer: Layer = "actual"


@dataclass
class _Sequence:
    layer: Layer
    kind: str
    explicit: bool
    first: int
    cues: list[CueSpan] = field(default_factory=list)
    scenes: int = 0  # headings passed since it opened


@dataclass
class _State:
    layers: list[Layer]
    segments: list[SegmentSpan] = field(default_factory=list)
    sequence: _Sequence | None = None
    marked: _Sequence | None = None  # an open montage / intercut
    present_year: int | None = None


def _block_line(text: str, block: Block) -> str:
    return text[block.start : block.end]


def scene_layers(
    doc: Doc, prose_layers: Sequence[Layer], prose_segments: Sequence[SegmentSpan]
) -> tuple[list[Layer], list[SegmentSpan], list[SceneSpan]]:
    """Layers, segments and scenes of a script doc from its own markers, the prose engine's elsewhere."""
    index = story_index(doc)
    blocks = blocks_of(doc)
    starts = block_starts(blocks)
    text = index.text
    cues = script_cues()
    n = len(index.sentences)
    sentence_blocks = [block_of(blocks, s.start_char, starts) for s in index.sentences]
    state = _State(layers=["actual"] * n)
    scenes: list[SceneSpan] = []
    scene_layer: Layer | None = None
    scene_cue: CueSpan | None = None
    for i, block in enumerate(sentence_blocks):
        kind = block.kind if block is not None else "paragraph"
        sent = index.sentences[i]
        if kind in _META_KINDS:
            state.layers[i] = "meta"
            continue
        line = _block_line(text, block) if block is not None else sent.text
        if kind == "scene_heading" and (block is None or sent.start_char == block.start):
            _close_scene(state, i, scene_layer, scene_cue)
            if scenes:
                scenes[-1].last = i - 1
            parts = parse_heading(line)
            scenes.append(SceneSpan(block.number if block else None, line, parts, i, i))
            scene_layer, scene_cue = _heading_marker(parts, line, block, i)
            _on_heading(state, parts, i, scene_cue)
            _marked_heading(state, line, i, block.start if block else sent.start_char, cues)
        elif kind not in SPOKEN_KINDS and (block is None or sent.start_char == block.start):
            _on_line(state, line, i, sent.start_char, cues)
        current = state.sequence.layer if state.sequence is not None else scene_layer or "actual"
        state.layers[i] = current
    _close_scene(state, n, scene_layer, scene_cue)
    if state.sequence is not None:
        _end_sequence(state, n - 1, None)
    if state.marked is not None:
        _end_marked(state, n - 1)
    if scenes:
        scenes[-1].last = _last_story_sentence(state.layers, n - 1, scenes[-1].first)
    _apply_prose(state, prose_layers, prose_segments, sentence_blocks)
    for scene in scenes:
        counts = Counter(
            state.layers[j] for j in range(scene.first, scene.last + 1) if state.layers[j] != "meta"
        )
        scene.layer = counts.most_common(1)[0][0] if counts else "actual"
    segments = sorted(state.segments, key=lambda s: s.first)
    return state.layers, segments, scenes


def _last_story_sentence(layers: Sequence[Layer], last: int, first: int) -> int:
    while last > first and layers[last] == "meta":
        last -= 1
    return last


def _heading_marker(
    parts: HeadingParts, line: str, block: Block | None, i: int
) -> tuple[Layer | None, CueSpan | None]:
    if parts.layer is None or parts.marker is None or block is None:
        return None, None
    at = line.upper().rfind(parts.marker.upper())
    cue = CueSpan(
        i, block.start + max(at, 0), block.start + max(at, 0) + len(parts.marker), "open", parts.layer
    )
    return (parts.layer if parts.layer != "actual" else None), cue


def _close_scene(state: _State, i: int, layer: Layer | None, cue: CueSpan | None) -> None:
    """A scene whose heading said FLASHBACK (etc.) ends here: its segment, unless a sequence covers it."""
    if layer is None or cue is None or state.sequence is not None:
        return
    first = cue.sentence
    _add_segment(state, layer, _kind_of(layer), first, i - 1, [cue])


def _on_heading(state: _State, parts: HeadingParts, i: int, cue: CueSpan | None) -> None:
    sequence = state.sequence
    if parts.layer == "actual" and sequence is not None:
        _end_sequence(state, i - 1, cue)
        return
    if sequence is not None:
        sequence.scenes += 1
        limit = MAX_EXPLICIT_SCENES if sequence.explicit else 1
        if sequence.scenes > limit or (parts.layer is not None and parts.layer != sequence.layer):
            _end_sequence(state, i - 1, None)
    if state.marked is not None:
        _end_marked(state, i - 1)


def _marked_heading(state: _State, line: str, i: int, start: int, cues: ScriptCues) -> None:
    """A heading that starts with INTERCUT or MONTAGE opens a marked real stretch for its scene."""
    first = _split_parts(line)[0].strip(" .:")
    for kind, patterns in cues.marked_actual.items():
        if _matches(patterns, first):
            cue = CueSpan(i, start, start + len(first), "open", kind)
            state.marked = _Sequence("actual", kind, False, i, [cue])
            return


def _on_line(state: _State, line: str, i: int, start: int, cues: ScriptCues) -> None:
    """A transition or action line: sequence openers and closers, montages, date cards."""
    stripped = line.strip()
    short = len(stripped) <= 60 and stripped.upper() == stripped
    if short and _matches(cues.close, stripped):
        cue = CueSpan(i, start, start + len(stripped), "close", "actual")
        if state.sequence is not None:
            _end_sequence(state, i - 1, cue)
        elif state.marked is not None and state.marked.layer == "actual":
            _end_marked(state, i - 1)
        return
    if short and state.marked is not None and _matches(cues.marked_actual_close, stripped):
        _end_marked(state, i)
        return
    if short:
        for layer, patterns in cues.open.items():
            if _matches(patterns, stripped):
                if state.sequence is not None:
                    _end_sequence(state, i - 1, None)
                explicit = any(w in f" {stripped.lower()} " for w in cues.open_explicit)
                cue = CueSpan(i, start, start + len(stripped), "open", layer)
                state.sequence = _Sequence(layer, _kind_from_text(stripped, layer), explicit, i, [cue])  # type: ignore[arg-type]
                return
        for kind, patterns in cues.marked_actual.items():
            if _matches(patterns, stripped):
                if state.marked is not None:
                    _end_marked(state, i - 1)
                cue = CueSpan(i, start, start + len(stripped), "open", kind)
                state.marked = _Sequence("actual", kind, False, i, [cue])
                return
    _date_card(state, stripped, i, start, cues)


def _date_card(state: _State, line: str, i: int, start: int, cues: ScriptCues) -> None:
    """``SUPER: 1912`` after ``SUPER: 1996``: a flashback until the present year comes back."""
    if not any(p.match(line) for p in cues.super):
        return
    body = line.split(":", 1)[1] if ":" in line else line
    year = _YEAR.search(body)
    lowered = body.lower()
    if year is None:
        if re.search(r"\bpresent\b|\btoday\b", lowered) and state.sequence is not None:
            _end_sequence(state, i - 1, CueSpan(i, start, start + len(line), "close", "actual"))
        elif re.search(r"\b(?:earlier|before|ago)\b", lowered) and state.sequence is None:
            cue = CueSpan(i, start, start + len(line), "open", "flashback")
            state.sequence = _Sequence("flashback", "flashback", True, i, [cue])
        return
    value = int(year.group(1))
    if state.present_year is None:
        state.present_year = value
        return
    if value < state.present_year and state.sequence is None:
        cue = CueSpan(i, start, start + len(line), "open", "flashback")
        state.sequence = _Sequence("flashback", "flashback", True, i, [cue])
    elif value >= state.present_year and state.sequence is not None and state.sequence.layer == "flashback":
        _end_sequence(state, i - 1, CueSpan(i, start, start + len(line), "close", "actual"))


def _end_sequence(state: _State, last: int, cue: CueSpan | None) -> None:
    sequence = state.sequence
    state.sequence = None
    if sequence is None:
        return
    cues = sequence.cues + ([cue] if cue is not None else [])
    _add_segment(state, sequence.layer, sequence.kind, sequence.first, last, cues)


def _end_marked(state: _State, last: int) -> None:
    marked = state.marked
    state.marked = None
    if marked is not None and last >= marked.first:
        state.segments.append(SegmentSpan("actual", marked.kind, marked.first, last, marked.cues))


def _add_segment(state: _State, layer: Layer, kind: str, first: int, last: int, cues: list[CueSpan]) -> None:
    last = _last_story_sentence(state.layers, last, first)
    if last < first:
        return
    for j in range(first, last + 1):
        if state.layers[j] != "meta":
            state.layers[j] = layer
    state.segments.append(SegmentSpan(layer, kind, first, last, cues))


def _kind_of(layer: Layer) -> str:
    return {"imagined": "fantasy"}.get(layer, layer)


def _kind_from_text(text: str, layer: Layer) -> str:
    lowered = text.lower()
    for word in ("nightmare", "vision", "hallucination", "daydream", "memory", "fantasy", "dream"):
        if word in lowered:
            return word
    return _kind_of(layer)


def _apply_prose(
    state: _State,
    prose_layers: Sequence[Layer],
    prose_segments: Sequence[SegmentSpan],
    sentence_blocks: Sequence[Block | None],
) -> None:
    """Where the script marks nothing, the prose engine's unreal passages in action lines stand."""
    marked = {j for s in state.segments if s.layer != "actual" for j in range(s.first, s.last + 1)}
    marked_ends = [s.last for s in state.segments if s.layer != "actual"]
    for seg in prose_segments:
        if any(0 <= seg.first - end <= AFTERMATH for end in marked_ends):
            continue  # waking after a marked dream: the script already said where the dream was
        if seg.layer in REAL_LAYERS and seg.layer != "flashback":
            continue
        if seg.layer in ("commentary", "meta"):
            continue
        span = range(seg.first, seg.last + 1)
        if any(j in marked for j in span) or seg.last >= len(state.layers):
            continue
        narrated = [j for j in span if sentence_blocks[j] is not None and sentence_blocks[j].kind == "action"]  # type: ignore[union-attr]
        if not narrated or any(prose_layers[j] != seg.layer for j in narrated):
            continue
        for j in span:
            if state.layers[j] != "meta":
                state.layers[j] = seg.layer
        state.segments.append(SegmentSpan(seg.layer, seg.kind, seg.first, seg.last, list(seg.cues)))


@Language.component(
    "denouement_scenes",
    requires=["doc._.layers", "doc._.segments"],
    assigns=["doc._.layers", "doc._.segments", "doc._.scenes"],
)
def scenes_component(doc: Doc) -> Doc:
    blocks = blocks_of(doc)
    if not any(b.kind == "scene_heading" or b.kind in SPOKEN_KINDS for b in blocks):
        return doc
    layers, segments, scenes = scene_layers(doc, doc._.layers or [], doc._.segments or [])
    doc._.layers = layers
    doc._.segments = segments
    doc._.scenes = scenes
    return doc
