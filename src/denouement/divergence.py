"""Divergences: how an unreal sequence differs from what really happens, event by event.

:func:`find_divergences` aligns every event of an unreal segment (imagined, dream, alternate) with the
real events (actual and flashback) of the whole text. Two events are about the same happening when they
share characters, rare content words, or a group of related words from ``data/divergence.yaml`` ("a
wedding in a courtyard" and "married to a record producer" share *marriage*). Then:

- an unreal event aligned with a real one that it does not simply repeat is ``changed``;
- an unreal event with no real counterpart is ``only_imagined``;
- a real outcome the unreal line lacks is ``only_actual`` — found from commentary that says what the
  sequence leaves out ("in the fantasy he never owns a club"), and from the real ending's events about
  the same people and the same kinds of happening that the sequence never touches.

Each divergence carries a plain summary composed from the two events' own words, and the ids of the
sentences it rests on. ``denouement_divergence`` is the spaCy component (``doc._.divergences``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from denouement.characters import CharacterCluster, story_index
from denouement.events import EventSpan
from denouement.layers import UNREAL, SegmentSpan
from denouement.lexicon import load_lexicon
from denouement.model import Layer

__all__ = ["DivergenceSpan", "Lexicon", "alignment_score", "divergence_lexicon", "find_divergences"]

if not Doc.has_extension("divergences"):
    Doc.set_extension("divergences", default=None)

#: Score at which an unreal event and a real one are taken to be about the same happening.
ALIGN_THRESHOLD = 1.5
#: Further real events an unreal one may be set against, when they align almost as well as the best
#: ("she reaches her brother in time" / "he drowned that summer" and "the pontoon was empty").
SECOND_MATCHES = 1
#: Real-ending outcomes reported as missing from one unreal segment, at most.
MAX_ONLY_ACTUAL = 2
_REAL_FOR_ALIGNMENT: frozenset[str] = frozenset({"actual", "flashback"})
_LAYER_NOUN = {"imagined": "the fantasy", "dream": "the dream", "alternate": "the other life"}


@dataclass(frozen=True)
class Lexicon:
    groups: dict[str, str]  # lemma -> group
    fate: frozenset[str]
    ignore: frozenset[str]
    absence: re.Pattern[str]


@cache
def divergence_lexicon() -> Lexicon:
    data = load_lexicon("divergence")
    groups = {str(w).lower(): name for name, words in data.get("related", {}).items() for w in words}
    absence = "|".join(f"(?:{p})" for p in data.get("absence", [])) or r"(?!)"
    fate = frozenset(str(g) for g in data.get("fate", []))
    return Lexicon(
        groups, fate, frozenset(str(w).lower() for w in data.get("ignore", [])), re.compile(absence, re.I)
    )


@dataclass(frozen=True)
class DivergenceSpan:
    kind: str  # changed | only_imagined | only_actual
    actual: int | None  # index into the events
    imagined: int | None
    summary: str
    evidence: tuple[int, ...]


def _words(e: EventSpan, lex: Lexicon, names: frozenset[str]) -> set[str]:
    words = {w for w in (*e.lemmas, e.predicate.split()[0]) if w not in lex.ignore and w not in names}
    if " " in e.predicate:
        words.add(e.predicate)  # "turn down", "give up": the phrasal verb as one word too
    return words


def _groups(words: set[str], lex: Lexicon) -> set[str]:
    return {lex.groups[w] for w in words if w in lex.groups}


def _people(e: EventSpan) -> set[int]:
    return {p for p in (*e.agents, *e.patients) if isinstance(p, int)}


def alignment_score(
    a: EventSpan, b: EventSpan, lex: Lexicon, names: frozenset[str], frequency: Counter[str]
) -> float:
    """How surely two events are about the same happening: shared rare words, related words, the same
    predicate and the same people. People alone are not enough: "Tomasz sleeps" and "Tomasz marries"
    are different happenings."""
    words_a, words_b = _words(a, lex, names), _words(b, lex, names)
    shared = words_a & words_b
    groups = _groups(words_a, lex) & _groups(words_b, lex)
    people = len(_people(a) & _people(b)) + len({w for w in a.lemmas if w in names} & set(b.lemmas))
    same_predicate = a.predicate == b.predicate
    fate = bool(people and _groups(words_b, lex) & lex.fate)
    if not shared and not groups and not (people and same_predicate) and not fate:
        return 0.0
    score = sum(1.5 / (1 + math.log(frequency[w])) if frequency[w] else 1.5 for w in shared)
    score += 1.0 * min(2, len(groups))
    score += 0.5 * same_predicate
    score += 0.75 * min(2, people)
    score += 0.75 * fate
    return score


def _context_score(
    words: set[str], context: dict[int, set[str]], real: EventSpan, frequency: Counter[str]
) -> float:
    """Rare words an unreal event shares with the rest of a real event's sentence ("Maren turns down
    Svalbard" / "Maren accepts the job at the Svalbard seed bank") count for half."""
    shared = (words & context.get(real.sentence, set())) - set(real.lemmas)
    return 0.5 * sum(1.5 / (1 + math.log(frequency[w])) if frequency[w] else 1.5 for w in shared)


def _fate_score(
    words: set[str], real: EventSpan, cast: set[int], lex: Lexicon, names: frozenset[str]
) -> float:
    """A happening that decides someone's fate ("a wedding in a courtyard") is set against the same kind
    of happening in the real lives of the sequence's own people ("married to a record producer")."""
    fates = _groups(words, lex) & _groups(_words(real, lex, names), lex) & lex.fate
    return 1.0 if fates and _people(real) & cast else 0.0


def _repeats(a: EventSpan, b: EventSpan) -> bool:
    """An unreal event that tells the same thing as the real one (the replay before it diverges)."""
    if a.predicate != b.predicate or a.negated != b.negated:
        return False
    sa, sb = set(a.lemmas), set(b.lemmas)
    return len(sa & sb) / max(1, len(sa | sb)) >= 0.8


def _clause(text: str, e: EventSpan, limit: int = 110) -> str:
    clause = " ".join(text[e.start : e.end].split())
    return clause if len(clause) <= limit else clause[: limit - 1].rsplit(" ", 1)[0] + "…"


def _summary(kind: str, layer: str, text: str, imagined: EventSpan | None, actual: EventSpan | None) -> str:
    where = _LAYER_NOUN.get(layer, "the unreal sequence")
    if kind == "changed" and imagined and actual:
        return f"In {where}: {_clause(text, imagined)}. In reality: {_clause(text, actual)}."
    if kind == "only_imagined" and imagined:
        return f"Only in {where}: {_clause(text, imagined)}."
    if actual:
        return f"Only in reality: {_clause(text, actual)}; {where} has nothing like it."
    return ""


def _meaningful(e: EventSpan, lex: Lexicon, names: frozenset[str]) -> bool:
    return bool(_words(e, lex, names))


def find_divergences(
    events: Sequence[EventSpan],
    layers: Sequence[Layer],
    segments: Sequence[SegmentSpan],
    text: str,
    sentence_texts: Sequence[str],
    names: frozenset[str] = frozenset(),
) -> list[DivergenceSpan]:
    """The divergences of every unreal segment, in text order."""
    lex = divergence_lexicon()
    frequency: Counter[str] = Counter(w for e in events for w in set(e.lemmas))
    context: dict[int, set[str]] = {}
    for e in events:
        context.setdefault(e.sentence, set()).update(_words(e, lex, names))
    real = [n for n, e in enumerate(events) if layers[e.sentence] in _REAL_FOR_ALIGNMENT]
    result: list[DivergenceSpan] = []
    for seg in segments:
        if seg.layer not in UNREAL:
            continue
        inside = [n for n, e in enumerate(events) if seg.first <= e.sentence <= seg.last]
        result.extend(_segment_divergences(seg, inside, real, events, text, lex, names, frequency, context))
        result.extend(
            _missing_outcomes(
                seg, inside, real, events, layers, text, sentence_texts, lex, names, frequency, result
            )
        )
    return result


def _segment_divergences(
    seg: SegmentSpan,
    inside: Sequence[int],
    real: Sequence[int],
    events: Sequence[EventSpan],
    text: str,
    lex: Lexicon,
    names: frozenset[str],
    frequency: Counter[str],
    context: dict[int, set[str]],
) -> list[DivergenceSpan]:
    found: list[DivergenceSpan] = []
    pairs: set[tuple[int, int]] = set()
    cast = set().union(*(_people(events[i]) for i in inside)) if inside else set()
    for i in inside:
        e = events[i]
        if not e.main or not _meaningful(e, lex, names):
            continue
        own = _words(e, lex, names)
        scored = [
            (
                alignment_score(e, events[r], lex, names, frequency)
                + _context_score(own, context, events[r], frequency)
                + _fate_score(own, events[r], cast, lex, names),
                r,
            )
            for r in real
        ]
        ranked = sorted(scored, reverse=True)
        best_score = ranked[0][0] if ranked else 0.0
        if best_score >= ALIGN_THRESHOLD:
            if _repeats(e, events[ranked[0][1]]):
                continue
            chosen = [
                r
                for score, r in ranked[: SECOND_MATCHES + 1]
                if score >= max(ALIGN_THRESHOLD, 0.8 * best_score)
            ]
            for best in chosen:
                pair = (e.sentence, events[best].sentence)
                if pair in pairs:
                    continue
                pairs.add(pair)
                found.append(
                    DivergenceSpan(
                        "changed",
                        best,
                        i,
                        _summary("changed", seg.layer, text, e, events[best]),
                        tuple(sorted({e.sentence, events[best].sentence})),
                    )
                )
        elif e.main:
            found.append(
                DivergenceSpan(
                    "only_imagined",
                    None,
                    i,
                    _summary("only_imagined", seg.layer, text, e, None),
                    (e.sentence,),
                )
            )
    return found


def _missing_outcomes(
    seg: SegmentSpan,
    inside: Sequence[int],
    real: Sequence[int],
    events: Sequence[EventSpan],
    layers: Sequence[Layer],
    text: str,
    sentence_texts: Sequence[str],
    lex: Lexicon,
    names: frozenset[str],
    frequency: Counter[str],
    already: Sequence[DivergenceSpan],
) -> list[DivergenceSpan]:
    """Real outcomes the unreal line lacks: named by commentary, or salient in the real ending."""
    used = {d.actual for d in already if d.actual is not None}
    unreal_groups = (
        set().union(*(_groups(_words(events[i], lex, names), lex) for i in inside)) if inside else set()
    )
    unreal_words = set().union(*(_words(events[i], lex, names) for i in inside)) if inside else set()
    found: list[DivergenceSpan] = []
    # commentary that says what the sequence leaves out
    for e in events:
        if layers[e.sentence] != "commentary" or e.sentence <= seg.last:
            continue
        sentence = sentence_texts[e.sentence]
        if not lex.absence.search(text[e.start : e.end]) and not lex.absence.search(sentence[:60]):
            continue
        scored = [(alignment_score(e, events[r], lex, names, frequency), r) for r in real if r not in used]
        best_score, best = max(scored, default=(0.0, -1))
        if best_score >= ALIGN_THRESHOLD and not (
            _groups(_words(events[best], lex, names), lex) <= unreal_groups
            and _words(events[best], lex, names) <= unreal_words
        ):
            used.add(best)
            found.append(
                DivergenceSpan(
                    "only_actual",
                    best,
                    None,
                    _summary("only_actual", seg.layer, text, None, events[best]),
                    tuple(sorted({e.sentence, events[best].sentence})),
                )
            )
    # salient real outcomes about the same people that the sequence never touches
    people = set().union(*(_people(events[i]) for i in inside)) if inside else set()
    ending = [r for r in real if events[r].sentence > seg.last and r not in used]
    added = 0
    for r in ending:
        e = events[r]
        groups = _groups(_words(e, lex, names), lex)
        if not groups or groups & unreal_groups or not (_people(e) & people) or not e.main:
            continue
        found.append(
            DivergenceSpan(
                "only_actual", r, None, _summary("only_actual", seg.layer, text, None, e), (e.sentence,)
            )
        )
        added += 1
        if added >= MAX_ONLY_ACTUAL:
            break
    return found


def _name_words(clusters: Sequence[CharacterCluster]) -> frozenset[str]:
    return frozenset(w for c in clusters for w in c.words)


@Language.component(
    "denouement_divergence",
    requires=["doc._.events", "doc._.layers", "doc._.segments", "doc._.characters"],
    assigns=["doc._.divergences"],
)
def divergence_component(doc: Doc) -> Doc:
    index = story_index(doc)
    doc._.divergences = find_divergences(
        doc._.events or [],
        doc._.layers or ["actual"] * len(index.sentences),
        doc._.segments or [],
        index.text,
        [s.text for s in index.sentences],
        _name_words(doc._.characters or []),
    )
    return doc
