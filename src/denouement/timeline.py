"""Timeline: when each event happens, and the order of real events in the story world.

Two pure functions do the work:

- :func:`sentence_times` finds the time expression that anchors each sentence ("Five years later",
  "The next morning", "In 1998", "Back in the present") from the cue list in ``data/timeline.yaml`` and
  spaCy's DATE and TIME entities; an event takes the expression of its sentence when the expression
  frames the sentence or lies inside the event's clause.
- :func:`story_order` puts real events (``actual``, ``flashback``, ``flash_forward``) in chronological
  order: actual events in telling order; a flashback's events just before the scene they interrupt, or at
  the very start when the flashback reaches far back ("years earlier", "as a child", an earlier year than
  any the main line names); a flash-forward's events after everything else. Unreal events (imagined,
  dream, alternate) have no place on the real timeline.

``denouement_timeline`` is the spaCy component; it stores ``doc._.event_times`` and
``doc._.story_order``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from denouement.characters import story_index
from denouement.cuesearch import folded_text, may_search, prepare_search
from denouement.events import EventSpan
from denouement.layers import SegmentSpan
from denouement.lexicon import load_lexicon
from denouement.model import REAL_LAYERS, Layer

__all__ = ["TimeExpression", "event_times", "sentence_times", "story_order"]

for _name in ("event_times", "story_order"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

REAL = REAL_LAYERS
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
#: An expression this close to the start of its sentence frames the whole sentence.
_FRAMING_CHARS = 40


@dataclass(frozen=True)
class TimeExpression:
    sentence: int
    start: int
    end: int
    text: str


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = load_lexicon("timeline")
    return _compile(data.get("expressions", [])), _compile(data.get("distant_past", []))


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def sentence_times(doc: Doc) -> list[TimeExpression | None]:
    """The first time expression of every story sentence, outside quoted speech."""
    index = story_index(doc)
    expressions, _ = _patterns()
    quotes = sorted((q.start, q.end) for q in index.quotes)
    entities = sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME"))
    result: list[TimeExpression | None] = []
    for n, sent in enumerate(index.sentences):
        found: list[tuple[int, int]] = []
        if n not in index.meta:
            text = index.sentence_texts[n]
            folded = folded_text(text)
            for p in expressions:
                if not may_search(p, folded):
                    continue  # the sentence lacks every word the expression needs
                for m in p.finditer(text):
                    found.append((sent.start_char + m.start(), sent.start_char + m.end()))
            at = bisect.bisect_left(entities, (sent.start_char, sent.start_char))
            while at < len(entities) and entities[at][1] <= sent.end_char:
                found.append(entities[at])
                at += 1
        found = [f for f in found if not _quoted(f[0], quotes)]
        if not found:
            result.append(None)
            continue
        start, end = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
        result.append(TimeExpression(n, start, end, index.text[start:end]))
    return result


def _quoted(offset: int, quotes: Sequence[tuple[int, float]]) -> bool:
    at = bisect.bisect_right(quotes, (offset, math.inf)) - 1
    return at >= 0 and quotes[at][0] <= offset < quotes[at][1]


def event_times(
    events: Sequence[EventSpan], times: Sequence[TimeExpression | None], sentence_starts: Sequence[int]
) -> list[str | None]:
    """The time expression anchoring each event: its sentence's, when that frames the sentence or lies
    inside the event's clause."""
    result: list[str | None] = []
    for e in events:
        t = times[e.sentence] if e.sentence < len(times) else None
        framing = t is not None and t.start - sentence_starts[e.sentence] <= _FRAMING_CHARS
        inside = t is not None and e.start <= t.start < e.end
        result.append(t.text if t is not None and (framing or inside) else None)
    return result


def _distant(text: str) -> bool:
    return any(p.search(text) for p in _patterns()[1])


def _earliest_year(texts: Sequence[str]) -> int | None:
    years = [int(y) for t in texts for y in _YEAR.findall(t)]
    return min(years) if years else None


def story_order(
    events: Sequence[EventSpan],
    layers: Sequence[Layer],
    segments: Sequence[SegmentSpan],
    sentence_texts: Sequence[str],
) -> list[int | None]:
    """Each event's position in the story world's chronological order (None for unreal events)."""
    segment_of = {j: seg for seg in segments for j in range(seg.first, seg.last + 1)}
    main_line = [sentence_texts[i] for i, layer in enumerate(layers) if layer == "actual"]
    main_year = _earliest_year(main_line)
    keys: dict[int, tuple[float, int]] = {}
    reaches_far: dict[tuple[int, int], bool] = {}  # per flashback (its sentences), not per event
    last_actual = -1.0
    scene_start = 0.0
    previous_sentence = -1
    for n, e in enumerate(events):
        layer = layers[e.sentence]
        if layer not in REAL:
            continue
        if layer == "actual":
            if e.sentence != previous_sentence and _starts_scene(sentence_texts[e.sentence]):
                scene_start = float(n)
            last_actual = float(n)
            keys[n] = (float(n), n)
        elif layer == "flashback":
            seg = segment_of.get(e.sentence)
            key = (seg.first, seg.last) if seg else (e.sentence, -1)  # a flashback, or a lone sentence
            if key not in reaches_far:
                reaches_far[key] = _reaches_far(seg, e.sentence, sentence_texts, main_year)
            anchor = -1.0 if reaches_far[key] or last_actual < 0 else scene_start
            keys[n] = (anchor - 0.5, n)
        else:  # flash_forward: after the main line
            keys[n] = (float(len(events)) + 1, n)
        previous_sentence = e.sentence
    ranked = sorted(keys, key=lambda k: keys[k])
    position = {event: rank for rank, event in enumerate(ranked)}
    return [position.get(n) for n in range(len(events))]


def _reaches_far(
    seg: SegmentSpan | None, sentence: int, sentence_texts: Sequence[str], main_year: int | None
) -> bool:
    """Whether a flashback (``seg``, or the lone ``sentence`` outside any segment) reaches far back:
    its opening says so ("years earlier", "as a child"), or it names an earlier year than the main line."""
    text = " ".join(sentence_texts[seg.first : seg.last + 1]) if seg else sentence_texts[sentence]
    opener = " ".join(sentence_texts[max(0, seg.first - 1) : seg.first + 1]) if seg else text
    year = _earliest_year([text])
    return _distant(opener) or (year is not None and main_year is not None and year < main_year)


def _starts_scene(text: str) -> bool:
    expressions, _ = _patterns()
    head = text[:_FRAMING_CHARS]
    folded = folded_text(head)
    return any(p.search(head) for p in expressions if may_search(p, folded))


@Language.factory(
    "denouement_timeline",
    requires=["doc._.events", "doc._.layers", "doc._.segments"],
    assigns=["doc._.event_times", "doc._.story_order"],
)
def make_timeline(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The ``denouement_timeline`` stage. Its time expressions are compiled here, when the pipeline is
    built, rather than on the first text."""
    prepare_search(_patterns()[0])
    return timeline_component


def timeline_component(doc: Doc) -> Doc:
    index = story_index(doc)
    events: list[EventSpan] = doc._.events or []
    layers: list[Layer] = doc._.layers or ["actual"] * len(index.sentences)
    times = sentence_times(doc)
    doc._.event_times = event_times(events, times, [s.start_char for s in index.sentences])
    doc._.story_order = story_order(events, layers, doc._.segments or [], index.sentence_texts)
    return doc
