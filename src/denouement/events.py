"""Events: one per clause — what happens, who does it, to whom, and whether it is negated.

:func:`find_events` walks the verbs of every narrated sentence (speech inside quotes is not narration).
Agents are the clause subject — inherited along coordinations ("he quits the band and moves to Rome")
and into infinitive complements ("she decides to leave") — or the ``by`` phrase of a passive; patients are
objects, passive subjects and prepositional objects. Participants that are characters become character
keys, others their noun phrase. A list of actions after a colon yields one event per verb.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, POS, TAG
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from denouement.characters import Mention, StoryIndex, mentions_by_token, story_index
from denouement.lexicon import word_set

__all__ = [
    "EventSpan",
    "Participant",
    "content_lemmas",
    "find_events",
    "is_event_verb",
    "is_main_clause",
]

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

Participant = int | str  # a character key, or the text of a noun phrase
_CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "relcl", "csubj", "acl"})
_SKIP_DEPS = frozenset({"aux", "auxpass", "amod", "compound"})
_MAX_PHRASE_WORDS = 6


@dataclass
class EventSpan:
    sentence: int
    start: int
    end: int
    verb: int  # token index of the main verb
    predicate: str
    agents: list[Participant] = field(default_factory=list)
    patients: list[Participant] = field(default_factory=list)
    negated: bool = False
    main: bool = True
    lemmas: tuple[str, ...] = ()  # content words of the clause (lemmas, lower case), for alignment
    nominal: bool = False  # an item of a list after a colon ("a wedding in a courtyard"), not a clause


_COMPLEMENT_POS = frozenset({"ADP", "DET", "PRON", "ADV", "PART", "PROPN"})


def is_event_verb(token: Token) -> bool:
    """A verb heading a clause — including present-tense verbs the tagger took for plural nouns
    ("Bruno quits the band and *moves* to Rome", "Odile *dreams* of another life")."""
    if token.pos_ == "VERB":
        return token.tag_.startswith("VB") and token.dep_ not in _SKIP_DEPS
    if token.tag_ != "NNS" or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    after_subject = (
        before.pos_ in ("PROPN", "PRON") and before.dep_ in ("compound", "nsubj") and not before.is_punct
    )
    after_and = before.lower_ in ("and", "then", "but") and token.dep_ == "conj"
    return (
        (after_subject or after_and) and after.pos_ in _COMPLEMENT_POS and after.lower_ not in ("of",)
    ) or (after_subject and after.lower_ == "of" and token.dep_ in ("ROOT", "dep"))


def _repaired_agents(verb: Token, by_token: dict[int, Mention]) -> list[Participant]:
    before = verb.doc[verb.i - 1]
    if before.pos_ in ("PROPN", "PRON"):
        return _participants(before, by_token)
    governor = verb.head
    while governor.pos_ != "VERB" and governor.head.i != governor.i:
        governor = governor.head
    return _agents(governor, by_token) if governor.pos_ == "VERB" else []


def _participants(token: Token, by_token: dict[int, Mention]) -> list[Participant]:
    """A noun phrase as character keys (and its coordinated partners), else as its text."""
    result: list[Participant] = []
    for item in [token, *token.conjuncts]:
        m = by_token.get(item.i)
        if m is None:  # "her school sweetheart, Tiago Mendes": the name in apposition
            named = next((by_token.get(c.i) for c in item.children if c.dep_ == "appos"), None)
            m = named if named is not None and named.cluster is not None else None
        if m is not None and (m.cluster is not None or m.group):
            keys = (m.cluster,) if m.cluster is not None else m.group
            result.extend(k for k in keys if k not in result)
            continue
        if item.pos_ == "PRON" and item.lower_ in ("it", "that", "this", "which", "who", "what"):
            continue
        start = item.left_edge.i
        phrase = item.doc[start : item.i + 1]
        words = phrase.text.split()
        text = " ".join(words[-_MAX_PHRASE_WORDS:])
        if text and text not in result:
            result.append(text)
    return result


def _agents(verb: Token, by_token: dict[int, Mention], depth: int = 0) -> list[Participant]:
    if verb.pos_ != "VERB":
        return _repaired_agents(verb, by_token)
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return _participants(child, by_token)
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _participants(pobj, by_token)
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _agents(verb.head, by_token, depth + 1)
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        return _participants(verb.head, by_token)
    return []


def _patients(verb: Token, by_token: dict[int, Mention]) -> list[Participant]:
    result: list[Participant] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
            result.extend(p for p in _participants(child, by_token) if p not in result)
        elif child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    result.extend(p for p in _participants(pobj, by_token) if p not in result)
        elif child.dep_ == "prt":
            continue
    return result


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in ("never", "not", "n't") for child in verb.children)


def _spoken(token: Token, speech: Sequence[tuple[int, int]]) -> bool:
    """Inside a stretch of speech (with its quote marks); ``speech`` is sorted by start."""
    i = bisect.bisect_right(speech, (token.idx + 1, token.idx + 1)) - 1
    return i >= 0 and speech[i][0] - 1 <= token.idx <= speech[i][1]


def _clause_bounds(verb: Token, index: StoryIndex, speech: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """First and last token of the clause headed by ``verb``: the unbroken stretch around the verb of
    tokens that belong to it (nested and coordinated clauses left out, quotes and edge punctuation too)."""
    tokens = {verb.i}
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "cc"]
    while stack:
        t = stack.pop()
        if t.dep_ in _CLAUSE_DEPS and t.pos_ in ("VERB", "AUX"):
            continue
        tokens.add(t.i)
        stack.extend(t.children)
    doc = verb.doc
    lo = hi = verb.i
    while lo - 1 in tokens and not _spoken(doc[lo - 1], speech):
        lo -= 1
    while hi + 1 in tokens and not _spoken(doc[hi + 1], speech):
        hi += 1
    clause_text = index.text[verb.idx : doc[hi].idx + len(doc[hi])]
    # only a clause with a colon in its text can have a colon token (most have neither)
    colon = (
        next((i for i in range(verb.i + 1, hi + 1) if doc[i].text == ":"), None)
        if ":" in clause_text
        else None
    )
    if colon is not None:
        hi = colon - 1  # a list after a colon is its own events
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    return lo, hi


def is_main_clause(verb: Token) -> bool:
    """A clause that tells something on its own: the sentence's main verb or one coordinated with it."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_ in _TELLING)


#: Verbs whose clause is what is told: said, or dreamt and imagined ("she dreams that the boat comes
#: home empty": the boat's coming is the dream's event).
_TELLING = frozenset(
    {
        "say",
        "tell",
        "dream",
        "imagine",
        "picture",
        "envision",
        "fantasize",
        "fantasise",
        "daydream",
    }
)


def _maybe_event_verbs(doc: Doc) -> Iterator[Token]:
    """The tokens tagged VERB or NNS, the only ones :func:`is_event_verb` can accept, found from the
    doc's arrays so the other tokens are never made into Token objects."""
    tags = doc.to_array([POS, TAG])
    wanted = (tags[:, 0] == VERB) | (tags[:, 1] == doc.vocab.strings["NNS"])
    for i in numpy.flatnonzero(wanted).tolist():
        yield doc[i]


def _predicate(verb: Token) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def find_events(doc: Doc, mentions: Sequence[Mention]) -> list[EventSpan]:
    """One event per narrated clause, in text order."""
    index = story_index(doc)
    by_token = mentions_by_token(mentions)
    speech = sorted((q.start, q.end) for q in doc._.quotes or [])
    events: list[EventSpan] = []
    for token in _maybe_event_verbs(doc):
        if not is_event_verb(token):
            continue
        if token.i in by_token or (token.dep_ == "acl" and not any(True for _ in token.children)):
            continue
        sentence = index.token_sentence[token.i]
        if sentence < 0 or sentence in index.meta or index.in_quote(token):
            continue
        lo, hi = _clause_bounds(token, index, speech)
        events.append(
            EventSpan(
                sentence=sentence,
                start=doc[lo].idx,
                end=doc[hi].idx + len(doc[hi].text),
                verb=token.i,
                predicate=_predicate(token),
                agents=_agents(token, by_token),
                patients=_patients(token, by_token),
                negated=_negated(token),
                main=is_main_clause(token),
                lemmas=content_lemmas(doc[lo : hi + 1]),
            )
        )
    events.extend(_states(doc, index, by_token, speech))
    events.extend(_list_items(doc, index, by_token, speech))
    events.sort(key=lambda e: (e.start, e.end))
    return events


def _states(
    doc: Doc, index: StoryIndex, by_token: dict[int, Mention], speech: Sequence[tuple[int, int]]
) -> Iterator[EventSpan]:
    """Copular clauses that put a character in a state that is itself a happening ("By breakfast
    Raymond is dead", "they are married by spring"): an event whose predicate is the state's word."""
    words = word_set("events", "states")
    lemmas = doc.to_array([LEMMA])
    for i in numpy.flatnonzero(lemmas == doc.vocab.strings["be"]).tolist():
        token = doc[i]
        if token.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "parataxis", "relcl"):
            continue
        complement = next(
            (c for c in token.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words), None
        )
        if complement is None or not any(c.dep_ == "nsubj" for c in token.children):
            continue
        sentence = index.token_sentence[token.i]
        if sentence < 0 or sentence in index.meta or index.in_quote(token):
            continue
        lo, hi = _clause_bounds(token, index, speech)
        yield EventSpan(
            sentence=sentence,
            start=doc[lo].idx,
            end=doc[hi].idx + len(doc[hi].text),
            verb=token.i,
            predicate=complement.lemma_.lower(),
            agents=_agents_of_copula(token, by_token),
            patients=[],
            negated=_negated(token),
            main=is_main_clause(token),
            lemmas=content_lemmas(doc[lo : hi + 1]),
        )


def _agents_of_copula(token: Token, by_token: dict[int, Mention]) -> list[Participant]:
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and token.dep_ == "relcl" and subject.lower_ in ("who", "that", "which"):
        subject = token.head  # "Tiago, who is married to a nurse": Tiago is married
        while subject.dep_ == "appos" and subject.head.i != subject.i:
            subject = subject.head  # "Tiago, now a paramedic, who is married…"
    return _participants(subject, by_token) if subject is not None else []


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})


def content_lemmas(span: Span) -> tuple[str, ...]:
    """The content words of a stretch of text as lower-case lemmas, in order, without repeats.

    A name counts as written ("Ines", not the lemmatiser's "ine"); what stands in parentheses (an actor's
    name after a character's) is no content of the event.
    """
    seen: list[str] = []
    depth = 0
    for t in span:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha:
            lemma = t.lower_ if t.pos_ == "PROPN" or t.ent_type_ == "PERSON" else t.lemma_.lower()
            if lemma not in seen:
                seen.append(lemma)
    return tuple(seen)


_ITEM_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and |or |then )?|\s+and\s+(?=an?\b|the\b|his\b|her\b|their\b))")


def _list_items(
    doc: Doc, index: StoryIndex, by_token: dict[int, Mention], speech: Sequence[tuple[int, int]]
) -> list[EventSpan]:
    """Noun-phrase items of a list after a colon ("The years pass: a walk-up in Brooklyn, a wedding in a
    courtyard, a baby daughter") are events too: each names something that happens."""
    items: list[EventSpan] = []
    text = index.text
    for n, sent in enumerate(index.sentences):
        if n in index.meta or ":" not in index.sentence_texts[n]:
            continue  # furniture, or no colon to start a list
        colon = next((t for t in sent if t.text == ":" and not index.in_quote(t)), None)
        if colon is None:
            continue
        tail_start = colon.idx + 1
        tail_end = sent.end_char
        pieces = []
        offset = tail_start
        for part in _ITEM_SPLIT.split(text[tail_start:tail_end]):
            at = text.find(part, offset, tail_end) if part else -1
            if at >= 0:
                pieces.append((at, at + len(part)))
                offset = at + len(part)
        if len(pieces) < 2:
            continue
        for start, end in pieces:
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None or not len(span) or is_event_verb(span.root):
                continue
            nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
            head = span.root if span.root.pos_ in ("NOUN", "PROPN") else (nouns[-1] if nouns else None)
            if head is None or _spoken(head, speech):
                continue
            while span and (span[-1].is_punct or span[-1].is_space):
                span = span[:-1]
            items.append(
                EventSpan(
                    sentence=n,
                    start=span.start_char,
                    end=span.end_char,
                    verb=head.i,
                    predicate=head.lemma_.lower(),
                    patients=_participants(head, by_token),
                    main=True,
                    lemmas=content_lemmas(span),
                    nominal=True,
                )
            )
    return items


@Language.component("denouement_events", requires=["doc._.mentions"], assigns=["doc._.events"])
def events_component(doc: Doc) -> Doc:
    doc._.events = find_events(doc, doc._.mentions or [])
    return doc
