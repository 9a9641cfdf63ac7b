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

A second pass takes whole sentences: each unreal sentence is also set against the real sentence after
its segment that shares most with it (rare words, the people it mentions, kinds of happening, opposite
words), which finds counterparts that hold no event of their own ("the pews are empty").

Each divergence carries a plain summary composed from the two events' own words, and the ids of the
sentences it rests on. ``denouement_divergence`` is the spaCy component (``doc._.divergences``).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from denouement.characters import CharacterCluster, story_index
from denouement.events import EventSpan, content_lemmas
from denouement.layers import UNREAL, SegmentSpan
from denouement.lexicon import load_lexicon
from denouement.model import Layer

__all__ = [
    "DivergenceSpan",
    "Lexicon",
    "SentenceContent",
    "alignment_score",
    "divergence_lexicon",
    "find_divergences",
]

if not Doc.has_extension("divergences"):
    Doc.set_extension("divergences", default=None)

#: Score at which an unreal event and a real one are taken to be about the same happening.
ALIGN_THRESHOLD = 1.5
#: The score a clause inside another must reach with its real counterpart to count.
INNER_THRESHOLD = 3.0
#: Further real events an unreal one may be set against, when they align almost as well as the best
#: ("she reaches her brother in time" / "he drowned that summer" and "the pontoon was empty").
SECOND_MATCHES = 1
#: Sentences before and after an unreal segment searched for its real counterparts.
WINDOW = 200
#: Weight of a real event that denies what an unreal one tells, about the same people or things.
CONTRADICTION = 0.75
#: Sentences after an unreal segment where the text says what is really the case ("She does not hug
#: him."): there, the same people are enough to make two events one happening told two ways.
AFTERMATH = 4
#: Added to a counterpart that shares words with an unreal event and sits right after its segment.
AFTER_BONUS = 0.5
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
    unreal_mentions: re.Pattern[str] = re.compile(r"(?!)")
    opposites: Mapping[str, frozenset[str]] = field(default_factory=dict)  # word -> its opposites
    framing: frozenset[str] = frozenset()  # verbs that frame an unreal sequence ("she dreams that…")


@cache
def divergence_lexicon() -> Lexicon:
    data = load_lexicon("divergence")
    groups = {str(w).lower(): name for name, words in data.get("related", {}).items() for w in words}
    absence = "|".join(f"(?:{p})" for p in data.get("absence", [])) or r"(?!)"
    fate = frozenset(str(g) for g in data.get("fate", []))
    unreal = "|".join(f"(?:{p})" for p in data.get("unreal_mentions", [])) or r"(?!)"
    opposites: dict[str, set[str]] = {}
    for pair in data.get("opposites", []):
        if isinstance(pair, list) and len(pair) == 2:
            a, b = (str(w).lower() for w in pair)
            opposites.setdefault(a, set()).add(b)
            opposites.setdefault(b, set()).add(a)
    return Lexicon(
        groups,
        fate,
        frozenset(str(w).lower() for w in data.get("ignore", [])),
        re.compile(absence, re.I),
        re.compile(unreal, re.I),
        {w: frozenset(o) for w, o in opposites.items()},
        frozenset(str(w).lower() for w in data.get("framing", [])),
    )


@dataclass(frozen=True)
class DivergenceSpan:
    kind: str  # changed | only_imagined | only_actual
    actual: int | None  # index into the events
    imagined: int | None
    summary: str
    evidence: tuple[int, ...]


def _words(e: EventSpan, lex: Lexicon, names: frozenset[str]) -> frozenset[str]:
    words = {w for w in (*e.lemmas, e.predicate.split()[0]) if w not in lex.ignore and w not in names}
    if " " in e.predicate:
        words.add(e.predicate)  # "turn down", "give up": the phrasal verb as one word too
    return frozenset(words)


def _groups(words: Iterable[str], lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.groups[w] for w in words if w in lex.groups)


def _people(e: EventSpan) -> frozenset[int]:
    return frozenset(p for p in (*e.agents, *e.patients) if isinstance(p, int))


@dataclass(frozen=True)
class _Features:
    """What alignment needs to know about one event, computed once."""

    words: frozenset[str]
    groups: frozenset[str]
    people: frozenset[int]
    names: frozenset[str]  # characters' name words among the event's lemmas
    lemmas: frozenset[str]
    poles: frozenset[str] = frozenset()  # its words that have an opposite in the lexicon ("left", "alive")
    denies: bool = False  # negated, or says someone or something is missing ("does not hug", "nobody")


_WORD = re.compile(r"[a-z]+")


def _features(e: EventSpan, lex: Lexicon, names: frozenset[str], text: str = "") -> _Features:
    words = _words(e, lex, names)
    lemmas = frozenset(e.lemmas)
    # stop words ("last", "empty", "back") are no lemmas of the event, but they can be its point
    written = set(_WORD.findall(text[e.start : e.end].lower())) if text else set()
    poles = frozenset(w for w in lemmas | written if w in lex.opposites)
    denies = e.negated or bool(text and _ABSENCE_WORDS.search(text[e.start : e.end]))
    return _Features(words, _groups(words, lex), _people(e), lemmas & names, lemmas, poles, denies)


class _Aligner:
    """Scores pairs of events of one text; every event's features are computed once."""

    def __init__(
        self, events: Sequence[EventSpan], lex: Lexicon, names: frozenset[str], text: str = ""
    ) -> None:
        self.events = events
        self.lex = lex
        self.names = names
        self.text = text
        self.features = [_features(e, lex, names, text) for e in events]
        frequency: Counter[str] = Counter(w for e in events for w in set(e.lemmas))
        self.weight = {w: 1.5 / (1 + math.log(n)) for w, n in frequency.items()}
        self.context: dict[int, set[str]] = {}
        for e, f in zip(events, self.features, strict=True):
            self.context.setdefault(e.sentence, set()).update(f.words)

    def _rarity(self, words: Iterable[str]) -> float:
        return sum(self.weight.get(w, 1.5) for w in words)

    def score(self, a: int, b: int) -> float:
        """How surely two events are about the same happening: shared rare words, related words, the
        same predicate and the same people. People alone are not enough: "Tomasz sleeps" and "Tomasz
        marries" are different happenings."""
        fa, fb = self.features[a], self.features[b]
        shared = fa.words & fb.words
        groups = fa.groups & fb.groups
        people = len(fa.people & fb.people) + len(fa.names & fb.lemmas)
        same_predicate = self.events[a].predicate == self.events[b].predicate
        opposed = bool((people or shared) and self._opposed(fa, fb))
        if self.events[a].nominal and not self._about_head(a, b) and not (people and opposed):
            return 0.0  # "a baby daughter asleep in a trumpet case" is about the daughter, not the trumpet
        fate = bool(people and fb.groups & self.lex.fate)
        if not shared and not groups and not (people and same_predicate) and not fate and not opposed:
            return 0.0
        return (
            self._rarity(shared)
            + 1.0 * min(2, len(groups))
            + 0.5 * same_predicate
            + 0.75 * min(2, people)
            + 0.75 * fate
            + 1.0 * opposed
        )

    def _opposed(self, fa: _Features, fb: _Features) -> bool:
        """Whether the two events say opposite things ("dives to her left" / "to her right", "alive" /
        "drowned"): with the same people or things, the mark of one happening told two ways."""
        return any(self.lex.opposites[w] & fb.poles for w in fa.poles - fb.poles)

    def _about_head(self, a: int, b: int) -> bool:
        head = self.events[a].predicate
        fb = self.features[b]
        return head in fb.words or bool(_groups([head], self.lex) & fb.groups)

    def contradiction_score(self, a: int, b: int) -> float:
        """One event denies what the other tells, about the same people or things ("throws her arms
        around him" / "She does not hug him"; "a tin patch" / "finds no tin patch"): the mark of the
        real answer to an imagined happening."""
        fa, fb = self.features[a], self.features[b]
        if fa.denies == fb.denies:
            return 0.0
        people = fa.people & fb.people or fa.names & fb.lemmas
        return CONTRADICTION if people or fa.words & fb.words else 0.0

    def context_score(self, a: int, b: int) -> float:
        """Rare words an unreal event shares with the rest of a real event's sentence ("Maren turns
        down Svalbard" / "Maren accepts the job at the Svalbard seed bank") count for half."""
        fa, fb = self.features[a], self.features[b]
        shared = (fa.words & self.context.get(self.events[b].sentence, set())) - fb.lemmas
        return 0.5 * self._rarity(shared)

    def fate_score(self, a: int, b: int, cast: set[int]) -> float:
        """A happening that decides someone's fate ("a wedding in a courtyard") is set against the same
        kind of happening in the real lives of the sequence's own people ("married to a producer")."""
        fa, fb = self.features[a], self.features[b]
        fates = fa.groups & fb.groups & self.lex.fate
        return 1.0 if fates and fb.people & cast else 0.0


class _SentenceOrder:
    """Event ids ordered by sentence, to find the events of a range of sentences by bisection."""

    def __init__(self, events: Sequence[EventSpan], ids: Iterable[int]) -> None:
        self.keys = sorted((events[n].sentence, n) for n in ids)

    def between(self, first: int, last: int) -> list[int]:
        """Ids, in increasing order, of the events in sentences ``first``..``last``."""
        lo = bisect.bisect_left(self.keys, (first, -1))
        hi = bisect.bisect_right(self.keys, (last, math.inf))
        return sorted(n for _, n in self.keys[lo:hi])


_Key = tuple[str, str | int]  # ("group", name), ("person", character key) or ("lemma", word)


class _Candidates:
    """The real events that could align with a given event at all, found through an index.

    A pair scores above zero only if the two events share a group or a person, if a character's name
    among the first event's words is a lemma of the second, or if the first event's words meet the
    second's sentence (which holds the second's own words): every other real event scores exactly 0 and
    can never reach :data:`ALIGN_THRESHOLD`. Looking those up, instead of scoring every real event near
    a segment, keeps the cost of a segment independent of the length of the text.
    """

    def __init__(self, aligner: _Aligner, real: Sequence[int]) -> None:
        events, features = aligner.events, aligner.features
        self.by_key: dict[_Key, list[tuple[int, int]]] = {}
        self.by_sentence: dict[int, list[int]] = {}
        for r in real:
            f = features[r]
            keys: list[_Key] = [*(("group", g) for g in f.groups), *(("person", p) for p in f.people)]
            keys += [("lemma", lemma) for lemma in f.lemmas]
            for key in keys:
                self.by_key.setdefault(key, []).append((events[r].sentence, r))
            self.by_sentence.setdefault(events[r].sentence, []).append(r)
        for entries in self.by_key.values():
            entries.sort()
        # sentences whose events use a word (any event, real or not: the sentence context of a score)
        self.sentences_with: dict[str, list[int]] = {}
        for sentence, words in aligner.context.items():
            for word in words:
                self.sentences_with.setdefault(word, []).append(sentence)
        for sentences in self.sentences_with.values():
            sentences.sort()
        self.features = features

    def of(self, a: int, first: int, last: int) -> list[int]:
        """Ids, in increasing order, of the real events in sentences ``first``..``last`` that may score
        above zero against event ``a``."""
        fa = self.features[a]
        found: set[int] = set()
        keys: list[_Key] = [*(("group", g) for g in fa.groups), *(("person", p) for p in fa.people)]
        keys += [("lemma", name) for name in fa.names]
        for key in keys:
            entries = self.by_key.get(key, [])
            lo = bisect.bisect_left(entries, (first, -1))
            hi = bisect.bisect_right(entries, (last, math.inf))
            found.update(r for _, r in entries[lo:hi])
        for word in fa.words:
            sentences = self.sentences_with.get(word, [])
            lo = bisect.bisect_left(sentences, first)
            hi = bisect.bisect_right(sentences, last)
            for sentence in sentences[lo:hi]:
                found.update(self.by_sentence.get(sentence, ()))
        return sorted(found)


def alignment_score(a: EventSpan, b: EventSpan, lex: Lexicon, names: frozenset[str]) -> float:
    """How surely two events are about the same happening (0 when nothing but people are shared)."""
    return _Aligner([a, b], lex, names).score(0, 1)


#: Before a negated clause, words that make it the unreal line's answer to what really happened.
_CONTRAST_BEFORE = re.compile(
    r"\b(?:this time|except|in this version|instead|rather than|but)\b", re.IGNORECASE
)
_ABSENCE_WORDS = re.compile(r"\b(?:no|nobody|nothing|none|never|without|not|empty)\b|n[’']t\b", re.IGNORECASE)


#: Right before a name, words that deny the one named: "Tomasz never has Liv", "there is no Ox".
_DENIED_BEFORE = re.compile(r"\b(?:never|no|without|not)\b(?:\s+\w+)?\s+$", re.IGNORECASE)


def _only_a_tag(e: EventSpan, text: str) -> bool:
    """A speech tag and no more ("said Grandad", "she tells him"): what is said is in the quote, and the
    tag alone tells no happening to set against an unreal one."""
    return e.predicate in _speech_verbs() and len(text[e.start : e.end].split()) <= TAG_WORDS


#: Words, at most, of a clause that is only a speech tag.
TAG_WORDS = 3


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_lexicon("quotes").get("speech_verbs") or [])


def _repeats(a: EventSpan, b: EventSpan, text: str) -> bool:
    """An unreal event that tells the same thing as the real one (the replay before it diverges) — not
    when one of them says someone or something is missing ("came round the point with no one at the
    tiller" / "with Tam at the tiller")."""
    if a.predicate != b.predicate or a.negated != b.negated:
        return False
    if bool(_ABSENCE_WORDS.search(text[a.start : a.end])) != bool(
        _ABSENCE_WORDS.search(text[b.start : b.end])
    ):
        return False
    sa, sb = set(a.lemmas), set(b.lemmas)
    return len(sa & sb) / max(1, len(sa | sb)) >= 0.8


def _clause(text: str, e: EventSpan, limit: int = 110) -> str:
    clause = " ".join(text[e.start : e.end].split())
    if clause.count("(") > clause.count(")"):
        clause = clause[: clause.rfind("(")].rstrip(
            " ,"
        )  # "…, Julian Mercer (Bram Osei" → "…, Julian Mercer"
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


def find_divergences(
    events: Sequence[EventSpan],
    layers: Sequence[Layer],
    segments: Sequence[SegmentSpan],
    text: str,
    sentence_texts: Sequence[str],
    names: frozenset[str] = frozenset(),
    cast: Sequence[Mapping[int, int]] = (),
    content: SentenceContent | None = None,
) -> list[DivergenceSpan]:
    """The divergences of every unreal segment, in text order.

    ``cast`` gives, for every sentence, the characters it names (each with the offset of its first name);
    ``content``, what each sentence is about as a whole, sets each unreal sentence against the real
    sentence after its segment that tells the same moment (see :func:`_sentence_counterparts`).
    """
    aligner = _Aligner(events, divergence_lexicon(), names, text)
    real = [
        n
        for n, e in enumerate(events)
        if layers[e.sentence] in _REAL_FOR_ALIGNMENT and not _only_a_tag(e, text)
    ]
    every = _SentenceOrder(events, range(len(events)))
    real_order = _SentenceOrder(events, real)
    candidates = _Candidates(aligner, real)
    real_about: dict[int, list[int]] = {}  # character key -> the real events about them, in text order
    for r in real:
        for key in aligner.features[r].people:
            real_about.setdefault(key, []).append(r)
    real_named = {key for s, names in enumerate(cast) if layers[s] in _REAL_FOR_ALIGNMENT for key in names}
    result: list[DivergenceSpan] = []
    absence: dict[int, bool] = {}
    for seg in segments:
        if seg.layer not in UNREAL:
            continue
        inside = every.between(seg.first, seg.last)
        window = _Window(seg.first - WINDOW, seg.last + WINDOW, candidates)
        near = real_order.between(window.first, window.last)
        after = every.between(seg.last + 1, seg.last + WINDOW)
        since = len(result)  # this segment's own divergences start here
        result.extend(_segment_divergences(seg, inside, window, aligner, text, _aftermath(seg, layers)))
        if content is not None:
            nearby = every.between(seg.first, seg.last + WINDOW)
            result[since:] = _sentence_counterparts(
                seg, nearby, aligner, layers, sentence_texts, content, result[since:]
            )
        result.extend(
            _missing_outcomes(
                seg, inside, near, window, after, aligner, layers, text, sentence_texts, result, absence
            )
        )
        if cast:
            result.extend(
                _absent_characters(
                    seg, inside, real_about, aligner, layers, text, sentence_texts, cast, result
                )
            )
            result.extend(_unreal_only_characters(seg, inside, aligner, cast, real_named, text, result))
    return result


def _absent_characters(
    seg: SegmentSpan,
    inside_events: Sequence[int],
    real_about: Mapping[int, Sequence[int]],
    aligner: _Aligner,
    layers: Sequence[Layer],
    text: str,
    sentence_texts: Sequence[str],
    cast: Sequence[Mapping[int, int]],
    already: Sequence[DivergenceSpan],
) -> list[DivergenceSpan]:
    """Characters that commentary after the sequence, before the next one, says it leaves out ("Ox is
    nowhere in the fantasy kitchen"), and who indeed take no part in it: each is set against their
    nearest real event. The absence must follow the name in its own clause."""
    lex, events = aligner.lex, aligner.events
    inside: set[int] = {key for names in cast[seg.first : seg.last + 1] for key in names}
    inside |= {p for n in inside_events for p in _people(events[n])}
    used = {d.actual for d in already if d.actual is not None}
    missing: set[int] = set()  # characters already reported without a real event of their own
    found: list[DivergenceSpan] = []
    end = min(len(sentence_texts), seg.last + 1 + WINDOW)
    end = next((s for s in range(seg.last + 1, end) if layers[s] in UNREAL), end)
    for s in range(seg.last + 1, end):
        if layers[s] != "commentary" or not set(cast[s]) - inside:
            continue
        if not lex.unreal_mentions.search(sentence_texts[s]):
            continue
        for key in sorted(set(cast[s]) - inside):
            at = cast[s][key]
            clause = re.split(r"[;:.]", text[at : at + 90], maxsplit=1)[0]
            if not lex.absence.search(clause) and not _DENIED_BEFORE.search(text[max(0, at - 40) : at]):
                continue  # "It is not clear whether Ox knows about her dream": not about Ox's absence
            counterpart = _nearest_real_event(seg, real_about.get(key, ()), events)
            if counterpart is None:
                # nobody's event is about them ("a teenage daughter, Liv"): the sentence that names them
                named = next(
                    (n for n, names in enumerate(cast) if key in names and layers[n] in _REAL_FOR_ALIGNMENT),
                    None,
                )
                if named is not None and key not in missing:
                    missing.add(key)
                    found.append(_left_out(seg, text, at, (s, named)))
                continue
            if counterpart in used:
                continue
            used.add(counterpart)
            evidence = tuple(sorted({s, events[counterpart].sentence}))
            found.append(_one_sided("only_actual", seg, text, events, counterpart, evidence))
    return found


_NAME_AT = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")


def _left_out(seg: SegmentSpan, text: str, at: int, sentences: tuple[int, int]) -> DivergenceSpan:
    """A character the unreal line leaves out who takes part in no real event: the commentary that says
    so and the sentence that names them are the evidence."""
    match = _NAME_AT.match(text, at)
    name = match.group(0) if match else text[at : at + 20].split()[0]
    where = _LAYER_NOUN.get(seg.layer, "the unreal sequence")
    summary = f"Only in reality: {name}; {where} leaves them out."
    return DivergenceSpan("only_actual", None, None, summary, tuple(sorted(set(sentences))))


def _unreal_only_characters(
    seg: SegmentSpan,
    inside: Sequence[int],
    aligner: _Aligner,
    cast: Sequence[Mapping[int, int]],
    real_named: set[int],
    text: str,
    already: Sequence[DivergenceSpan],
) -> list[DivergenceSpan]:
    """Characters the unreal line names and the real line never does ("their daughter Elin", "a
    husband called Kenji"): the first event of the sequence that involves each exists only there."""
    events, features = aligner.events, aligner.features
    first_named: dict[int, int] = {}
    for s in range(seg.first, min(seg.last + 1, len(cast))):
        for key in cast[s]:
            first_named.setdefault(key, s)
    claimed = {d.imagined for d in already if d.kind == "only_imagined"}
    found: list[DivergenceSpan] = []
    for key in sorted(set(first_named) - real_named, key=first_named.__getitem__):
        about = [n for n in inside if key in features[n].people]
        named_there = [n for n in inside if events[n].sentence == first_named[key] and events[n].main]
        event = min(about[:1] + named_there[:1], default=None)  # where they first come in
        if event is None or event in claimed:
            continue
        claimed.add(event)
        found.append(_one_sided("only_imagined", seg, text, events, event, (events[event].sentence,)))
    return found


def _one_sided(
    kind: str, seg: SegmentSpan, text: str, events: Sequence[EventSpan], n: int, evidence: tuple[int, ...]
) -> DivergenceSpan:
    """An ``only_imagined`` or ``only_actual`` divergence of event ``n``."""
    e = events[n]
    if kind == "only_imagined":
        return DivergenceSpan(kind, None, n, _summary(kind, seg.layer, text, e, None), evidence)
    return DivergenceSpan(kind, n, None, _summary(kind, seg.layer, text, None, e), evidence)


def _nearest_real_event(seg: SegmentSpan, about: Sequence[int], events: Sequence[EventSpan]) -> int | None:
    """Of the real events ``about`` a character (in text order), the first after the segment, else the
    last one before it."""
    after = [r for r in about if events[r].sentence > seg.last]
    before = [r for r in about if events[r].sentence < seg.first]
    return after[0] if after else before[-1] if before else None


@dataclass(frozen=True)
class _Window:
    """The real events near a segment (sentences ``first``..``last``) an event may align with."""

    first: int
    last: int
    candidates: _Candidates

    def of(self, a: int) -> list[int]:
        """The real events in the window that may score above zero against event ``a``."""
        return self.candidates.of(a, self.first, self.last)


@dataclass(frozen=True)
class _Aftermath:
    """The real sentences right after an unreal segment (``first``..``last``), where the text says what
    is really the case ("She does not hug him.", "The garden is as overgrown as ever."): an event there
    about the same people as an unreal one is its counterpart even in other words, though elsewhere
    people alone are not enough (see :meth:`_Aligner.score`)."""

    first: int
    last: int

    def score(self, aligner: _Aligner, a: int, b: int, base: float) -> float:
        """The weight of real event ``b`` as the counterpart of unreal event ``a``, whose alignment score
        (:meth:`_Aligner.score`) is ``base``: only people-alone pairs here, which score 0 elsewhere."""
        if not self.first <= aligner.events[b].sentence <= self.last:
            return 0.0
        if base:
            return AFTER_BONUS  # the text's own answer, right after the sequence, to what it showed
        fa, fb = aligner.features[a], aligner.features[b]
        people = len(fa.people & fb.people) + len(fa.names & fb.lemmas)
        return 0.75 * (1 + min(2, people)) if people else 0.0


def _aftermath(seg: SegmentSpan, layers: Sequence[Layer]) -> _Aftermath:
    last = seg.last
    while last + 1 < len(layers) and last - seg.last < AFTERMATH and layers[last + 1] not in UNREAL:
        last += 1
    return _Aftermath(seg.last + 1, last)


#: Score at which a real sentence, taken whole, tells the same moment as an unreal one.
SENTENCE_THRESHOLD = 2.0
#: Added when the real sentence says that a rare thing both tell of is not so ("He did not laugh").
DENIAL_BONUS = 2.5
#: Weight of each character two sentences both mention, by name or pronoun (two at most count).
SENTENCE_PEOPLE = 1.0


@dataclass(frozen=True)
class SentenceContent:
    """What each sentence is about as a whole: its content lemmas (computed on demand, for the
    sentences near an unreal segment only) and the characters it mentions by name, pronoun or role."""

    lemmas: Callable[[int], frozenset[str]]
    people: Sequence[frozenset[int]]


def _sentence_counterparts(
    seg: SegmentSpan,
    nearby: Sequence[int],
    aligner: _Aligner,
    layers: Sequence[Layer],
    sentence_texts: Sequence[str],
    content: SentenceContent,
    found: list[DivergenceSpan],
) -> list[DivergenceSpan]:
    """Unreal sentences set against the real sentence after the sequence that, taken whole, tells the
    same moment: the same rare words, people and kinds of happening anywhere in it, even where it holds no
    event of its own ("the valley fills the pews of the cold chapel" / "the chapel is cold and the pews
    are empty"). Only sentences after the sequence are looked at: that is where a text answers what it
    showed, while a sentence before it that shares its words is mostly the set-up that introduced the
    same people. A sentence whose clauses were found only in the unreal line keeps that verdict.

    ``nearby`` are the ids of the events from the start of the segment to :data:`WINDOW` sentences
    after it; ``found`` are the divergences the segment's clauses gave."""
    lex, events, text = aligner.lex, aligner.events, aligner.text
    first, last = seg.last + 1, min(len(layers) - 1, seg.last + WINDOW)
    # a real sentence that speaks of the unreal line ("all of it was the life she pictured") repeats
    # its words without being its counterpart
    real = [
        r
        for r in range(first, last + 1)
        if layers[r] in _REAL_FOR_ALIGNMENT and not lex.unreal_mentions.search(sentence_texts[r])
    ]
    unreal = [s for s in range(seg.first, seg.last + 1) if layers[s] == seg.layer]
    if not real or not unreal:
        return found
    names = aligner.names
    words = {s: content.lemmas(s) - lex.ignore - names for s in (*real, *unreal)}
    frequency: Counter[str] = Counter(w for ws in words.values() for w in ws)
    weight = {w: math.log(1 + len(words) / n) for w, n in frequency.items()}
    paired = {tuple(d.evidence) for d in found if d.kind == "changed"}
    # what the clauses found only in the unreal line stays so: the sentence's other words are no
    # counterpart of a happening that has none
    told = [(d.kind, events[d.imagined].sentence) for d in found if d.imagined is not None]
    alone = {s for kind, s in told if kind == "only_imagined"} - {s for kind, s in told if kind == "changed"}
    by_sentence: dict[int, list[int]] = {}
    for n in nearby:
        by_sentence.setdefault(events[n].sentence, []).append(n)
    aftermath = _aftermath(seg, layers)
    added: list[DivergenceSpan] = []
    answered: set[int] = set()  # sentences found only in the unreal line that the real one denies after all
    for s in unreal:
        if not words[s] or not any(events[n].main for n in by_sentence.get(s, ())):
            continue
        best, best_score = -1, 0.0
        scores: dict[int, float] = {}
        for r in real:
            score = _sentence_score(s, r, words, weight, content.people, lex)
            if score and _denies(sentence_texts[s], sentence_texts[r], words[s] & words[r], frequency):
                score += DENIAL_BONUS
            if score and aftermath.first <= r <= aftermath.last:
                score += AFTER_BONUS
            scores[r] = score
            if score > best_score:
                best, best_score = r, score
        if best_score < SENTENCE_THRESHOLD or _same_words(words[s], words[best]):
            continue
        if s in alone:
            # its clauses had no counterpart, but a real sentence denies what it tells about the same
            # thing ("The whole parish fills the pews" / "the pews are empty"): that is its answer
            if not _denies(sentence_texts[s], sentence_texts[best], words[s] & words[best], frequency):
                continue
            answered.add(s)
        for answer in _answers_in_one_exchange(best, scores):
            if tuple(sorted({s, answer})) in paired:
                continue
            imagined = _main_event(by_sentence.get(s, ()), events, lex)
            actual, shares = _closest_event(by_sentence.get(answer, ()), aligner, words[s], content.people[s])
            saying = actual if shares else None  # the clause that says it, or else the whole sentence
            summary = _sentence_summary(
                seg.layer, text, sentence_texts, events, (imagined, s), (saying, answer)
            )
            added.append(DivergenceSpan("changed", actual, imagined, summary, tuple(sorted({s, answer}))))
    kept = [
        d
        for d in found
        if not (
            d.kind == "only_imagined" and d.imagined is not None and events[d.imagined].sentence in answered
        )
    ]
    return kept + added


#: How near the best a second answer must score, and how close to it it must stand.
SECOND_ANSWER = 0.9
SECOND_ANSWER_REACH = 3


def _answers_in_one_exchange(best: int, scores: Mapping[int, float]) -> list[int]:
    """The best real answer to an unreal sentence, and a second that scores as well within a few sentences
    of it: one exchange answering the same thing twice ("“The medal, then.” / “The medal came to me.”",
    "“There was no bell. It was the Sabbath, and the minister would not have it.”")."""
    floor = SECOND_ANSWER * scores[best]
    near = [
        r
        for r, score in scores.items()
        if r != best and abs(r - best) <= SECOND_ANSWER_REACH and score >= max(floor, SENTENCE_THRESHOLD)
    ]
    return [best, *sorted(near, key=lambda r: (-scores[r], r))[:1]]


def _denies(unreal: str, real: str, shared: frozenset[str], frequency: Mapping[str, int]) -> bool:
    """The real sentence says that something the unreal one tells of is not so, missing or empty ("no
    survivor in the bothy", "the pews are empty", "his trousers were perfectly dry"), about a rare thing
    both name."""
    if _ABSENCE_WORDS.search(unreal):
        return False
    lowered = real.lower()
    denials = [m.start() for p in (_ABSENCE_WORDS, _DRY_WORDS) for m in p.finditer(real)]
    for word in (
        w for w in shared if frequency.get(w, 0) <= DENIED_SENTENCES and len(w) >= 4 and w.isalpha()
    ):
        # the denial is said of that thing: "the pews are empty", not "the 14 went past without slowing"
        spots = [
            m.start() for m in re.finditer(rf"\b{re.escape(word[:-1] if len(word) > 4 else word)}", lowered)
        ]
        if any(abs(a - b) <= DENIAL_REACH for a in spots for b in denials):
            return True
    return False


#: Sentences, at most, that may name the thing a denial is about (the two it joins, and one more).
DENIED_SENTENCES = 3
#: Characters, at most, between that word and the denial of it ("the pews are empty", "no survivor").
DENIAL_REACH = 30
#: Words that say a thing is untouched, unchanged or deserted ("perfectly dry", "still folded", "bare").
_DRY_WORDS = re.compile(
    r"\b(?:dry|untouched|unopened|unsigned|intact|still folded|still there|unchanged"
    r"|bare|deserted|abandoned)\b",
    re.I,
)


def _sentence_score(
    a: int,
    b: int,
    words: Mapping[int, frozenset[str]],
    weight: Mapping[str, float],
    people: Sequence[frozenset[int]],
    lex: Lexicon,
) -> float:
    """How surely real sentence ``b`` tells the moment unreal sentence ``a`` tells: shared rare words,
    shared kinds of happening and opposite words, with the same people counting only beside them."""
    wa, wb = words[a], words[b]
    shared = wa & wb
    # the same word in another form ("plays to packed halls" — "his playing career")
    stems_b = {_stem(w): w for w in wb - shared}
    shared |= {w for w in wa - shared if len(w) >= 4 and stems_b.get(_stem(w)) is not None}
    groups = _groups(wa, lex) & _groups(wb, lex)
    opposed = any(lex.opposites.get(w, frozenset()) & wb for w in wa - wb)
    if not shared and not groups and not opposed:
        return 0.0
    together = len(people[a] & people[b]) if a < len(people) and b < len(people) else 0
    return (
        sum(weight.get(w, 1.0) for w in shared)
        + 1.0 * min(2, len(groups))
        + 1.0 * opposed
        + SENTENCE_PEOPLE * min(2, together)
    )


_SUFFIX = re.compile(r"(?:ings?|ed|er|ers|s)$")


def _stem(word: str) -> str:
    """A word without its commonest ending, for matching forms the lemmatiser left apart ("playing")."""
    stem = _SUFFIX.sub("", word)
    return stem if len(stem) >= 3 else word


def _same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """The unreal sentence only replays the real one (the part of the sequence before it diverges)."""
    return len(a & b) / max(1, len(a | b)) >= 0.8


def _main_event(ids: Iterable[int], events: Sequence[EventSpan], lex: Lexicon) -> int | None:
    """The event that stands for a sentence: its first main clause that is not a frame ("she dreams")."""
    ids = [n for n in ids if events[n].predicate not in lex.framing]
    return next((n for n in ids if events[n].main), ids[0] if ids else None)


def _closest_event(
    ids: Sequence[int], aligner: _Aligner, words: frozenset[str], people: frozenset[int]
) -> tuple[int | None, bool]:
    """Of a real sentence's events, the one that shares most with the unreal sentence, and whether it
    shares anything. When none does, the sentence's first main event stands for it, but the sentence's
    point is no event of it ("…the last note fades, …and Gus is alone on his own small stage") and the
    summary quotes the sentence itself."""
    lex, events, features = aligner.lex, aligner.events, aligner.features
    candidates = [n for n in ids if events[n].predicate not in lex.framing]
    if not candidates:
        return None, False

    def shared(n: int) -> tuple[int, bool]:
        f = features[n]
        return len(f.words & words) + len(f.people & people), events[n].main

    best = max(candidates, key=shared)
    if shared(best)[0]:
        return best, True
    return _main_event(candidates, events, lex), False


def _sentence_summary(
    layer: str,
    text: str,
    sentence_texts: Sequence[str],
    events: Sequence[EventSpan],
    imagined: tuple[int | None, int],
    actual: tuple[int | None, int],
) -> str:
    """``imagined`` and ``actual`` are each the event that says it (or None) and its sentence: a
    sentence with no event of its own to quote ("she dreamed she was back at the house", whose only
    event is the frame) is quoted whole."""
    where = _LAYER_NOUN.get(layer, "the unreal sequence")
    told, really = (_event_or_sentence(text, sentence_texts, events, *side) for side in (imagined, actual))
    told_end = "" if told.endswith("…") else "."
    end = "" if really.endswith("…") else "."
    return f"In {where}: {told}{told_end} In reality: {really}{end}"


def _event_or_sentence(
    text: str, sentence_texts: Sequence[str], events: Sequence[EventSpan], event: int | None, sentence: int
) -> str:
    if event is not None:
        return _clause(text, events[event])
    whole = " ".join(sentence_texts[sentence].split()).rstrip(".")
    return whole if len(whole) <= 110 else whole[:109].rsplit(" ", 1)[0] + "…"


def _segment_divergences(
    seg: SegmentSpan,
    inside: Sequence[int],
    window: _Window,
    aligner: _Aligner,
    text: str,
    aftermath: _Aftermath,
) -> list[DivergenceSpan]:
    events = aligner.events
    found: list[DivergenceSpan] = []
    pairs: set[tuple[int, int]] = set()
    cast: set[int] = set().union(*(aligner.features[i].people for i in inside))
    for i in inside:
        e = events[i]
        contrast = e.negated and bool(_CONTRAST_BEFORE.search(text[max(0, e.start - 80) : e.start]))
        # a clause inside another, with its own subject, is a happening too when the real line answers it
        # clearly ("… plays while the kitchen claps along and Kirsty laughs" — "Kirsty does not laugh")
        inner = not (e.main or contrast)
        if (inner and not e.agents) or not aligner.features[i].words:  # "…except she does not chase him out"
            continue
        if e.predicate in aligner.lex.framing or _only_a_tag(e, text):
            continue  # "That night she dreams", "I said": a frame or a tag, not a happening of the dream
        # Real events left out of the ranking score 0, below the threshold: leaving them out changes
        # neither the best match nor the runner-up.
        scored = ((aligner.score(i, r), r) for r in window.of(i))
        ranked = sorted(
            (
                (
                    base
                    + aligner.context_score(i, r)
                    + aligner.fate_score(i, r, cast)
                    + aftermath.score(aligner, i, r, base)
                    + aligner.contradiction_score(i, r),
                    r,
                )
                for base, r in scored
            ),
            reverse=True,
        )
        best_score = ranked[0][0] if ranked else 0.0
        if inner and best_score < INNER_THRESHOLD:
            continue  # (and no inner clause is a happening found only in the unreal line)
        if best_score < ALIGN_THRESHOLD:
            found.append(
                DivergenceSpan(
                    "only_imagined",
                    None,
                    i,
                    _summary("only_imagined", seg.layer, text, e, None),
                    (e.sentence,),
                )
            )
            continue
        if _repeats(e, events[ranked[0][1]], text):
            continue
        floor = max(ALIGN_THRESHOLD, 0.8 * best_score)
        for _score, best in (pair for pair in ranked[: SECOND_MATCHES + 1] if pair[0] >= floor):
            key = (e.sentence, events[best].sentence)
            if key in pairs:
                continue
            pairs.add(key)
            found.append(
                DivergenceSpan(
                    "changed",
                    best,
                    i,
                    _summary("changed", seg.layer, text, e, events[best]),
                    tuple(sorted({e.sentence, events[best].sentence})),
                )
            )
    return found


def _missing_outcomes(
    seg: SegmentSpan,
    inside: Sequence[int],
    real: Sequence[int],
    window: _Window,
    after: Sequence[int],
    aligner: _Aligner,
    layers: Sequence[Layer],
    text: str,
    sentence_texts: Sequence[str],
    already: Sequence[DivergenceSpan],
    absence: dict[int, bool],
) -> list[DivergenceSpan]:
    """Real outcomes the unreal line lacks: named by commentary, or salient in the real ending.

    ``real`` are the real events in ``window``; ``after`` the events in the sentences that follow the
    segment, up to :data:`WINDOW` of them; ``absence`` remembers which commentary events say what a
    sequence leaves out ("in the fantasy he never owns a club").
    """
    events, features, lex = aligner.events, aligner.features, aligner.lex
    used = {d.actual for d in already if d.actual is not None}
    unreal_groups: set[str] = set().union(*(features[i].groups for i in inside))
    unreal_words: set[str] = set().union(*(features[i].words for i in inside))
    found: list[DivergenceSpan] = []
    # commentary after the sequence that says what it leaves out ("in the fantasy he never owns a club")
    for n in after:
        e = events[n]
        if layers[e.sentence] != "commentary":
            continue
        if n not in absence:  # decided once per event, though the windows of segments overlap
            sentence = sentence_texts[e.sentence]
            absence[n] = bool(lex.absence.search(text[e.start : e.end]) or lex.absence.search(sentence[:60]))
        if not absence[n]:
            continue
        # only real events that can score above zero can reach the threshold (see _Candidates)
        scored = [(aligner.score(n, r), r) for r in window.of(n) if r not in used]
        best_score, best = max(scored, default=(0.0, -1))
        if best_score >= ALIGN_THRESHOLD and not (
            features[best].groups <= unreal_groups and features[best].words <= unreal_words
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
    people: set[int] = set().union(*(features[i].people for i in inside))
    added = 0
    for r in real:
        e = events[r]
        if e.sentence <= seg.last or r in used or not e.main:
            continue
        groups = features[r].groups
        if not groups or groups & unreal_groups or not (features[r].people & people):
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


def _cast_by_sentence(clusters: Sequence[CharacterCluster], sentences: int) -> list[dict[int, int]]:
    """For every sentence, the story characters it names, each with the offset of its first name there."""
    cast: list[dict[int, int]] = [{} for _ in range(sentences)]
    for cluster in clusters:
        if cluster.kind != "character":
            continue
        for m in cluster.mentions:
            if m.kind == "name" and 0 <= m.sentence < sentences:
                here = cast[m.sentence]
                here[cluster.key] = min(here.get(cluster.key, m.char_start), m.char_start)
    return cast


def _name_words(clusters: Sequence[CharacterCluster], doc: Doc) -> frozenset[str]:
    """Characters' name words, with the lemmas this text's lemmatiser gave them ("Ines" → "ine")."""
    words = {w for c in clusters for w in c.words}
    strings = doc.vocab.strings
    pairs = doc.to_array([LOWER, LEMMA])
    named = numpy.isin(pairs[:, 0], numpy.array([strings[w] for w in words], dtype=numpy.uint64))
    lemmas = {strings[int(lemma)].lower() for lemma in numpy.unique(pairs[named, 1])}
    return frozenset(words | lemmas)


@Language.factory(
    "denouement_divergence",
    requires=["doc._.events", "doc._.layers", "doc._.segments", "doc._.characters"],
    assigns=["doc._.divergences"],
)
def make_divergence(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The ``denouement_divergence`` stage. Its word groups are read here, when the pipeline is built,
    rather than on the first text."""
    divergence_lexicon()
    return divergence_component


def _sentence_content(doc: Doc, clusters: Sequence[CharacterCluster]) -> SentenceContent:
    """Each sentence's content lemmas (on demand) and the characters it mentions outside speech."""
    index = story_index(doc)
    people: list[set[int]] = [set() for _ in index.sentences]
    for cluster in clusters:
        if cluster.kind != "character":
            continue
        for m in cluster.mentions:
            if 0 <= m.sentence < len(people) and not m.in_quote:
                people[m.sentence].add(cluster.key)
    cached: dict[int, frozenset[str]] = {}

    def lemmas(s: int) -> frozenset[str]:
        if s not in cached:
            cached[s] = frozenset(content_lemmas(index.sentences[s]))
        return cached[s]

    return SentenceContent(lemmas, [frozenset(p) for p in people])


def divergence_component(doc: Doc) -> Doc:
    index = story_index(doc)
    doc._.divergences = find_divergences(
        doc._.events or [],
        doc._.layers or ["actual"] * len(index.sentences),
        doc._.segments or [],
        index.text,
        index.sentence_texts,
        _name_words(doc._.characters or [], doc),
        _cast_by_sentence(doc._.characters or [], len(index.sentences)),
        _sentence_content(doc, doc._.characters or []) if doc._.segments else None,
    )
    return doc
