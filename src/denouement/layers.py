"""Layers: which sentences are real, which are imagined, dreamt, remembered or foreseen, and which talk
about the story instead of telling it.

The work happens in passes over the story's sentences (page furniture is already ``meta``):

1. **Commentary** — :func:`commentary_sentences` weighs what a sentence is about: the work itself ("the
   film", "the ending" with a verb that is not a telling verb), critics' and creators' words, first and
   second person outside quotes, evaluative and interpretive vocabulary, against a character doing
   something. Commentary comes in paragraphs, so a paragraph that is mostly commentary takes its
   undecided sentences with it.
2. **Opened passages** — an opener cue ("she dreams that", "years earlier", "in a flashback") that the
   parse confirms starts a passage, which runs until a closer of the same kind ("wakes", "back in the
   present"), a new opener, a heading, or the end of its paragraph when no closer follows.
3. **Revealed passages** — a reveal ("None of it happened.") or a closer with nothing open exposes the
   passage before it as unreal after the fact. Its start is the last transition or contrast cue before the
   reveal in the same paragraph ("Suddenly…", "Instead…", "is carried back to the night they met"), else
   the start of the paragraph; when the reveal opens a paragraph, the passage is the paragraph before it.
   The reveal itself stays real. A weak reveal — an interruption such as "Then the song ends." — counts
   only when the passage shows signs of unreality (counterfactual or montage cues) or the text's
   commentary names a fantasy or dream. A reveal that says the scene was rehearsed in the head exposes the
   whole dialogue scene back to its set-up.

Between the second and third passes, three structures are found whole: a frame story's dated past (a
flashback until the telling returns to the present), a twist that a character was imagined all along
(every earlier sentence they appear in), and a run of sentences told with "would" (a rehearsed scene, or
a flash-forward after "Years later").

Cue lists live in ``data/layers.yaml``. :func:`find_layers` is the pure function; ``denouement_layers``
is the spaCy component that stores its answer on ``doc._.layers`` and ``doc._.segments``.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from denouement.characters import CharacterCluster, Mention, StoryIndex, mentions_by_token, story_index
from denouement.commentary import SentenceSignals, commentary_model
from denouement.commentary import probabilities as commentary_probabilities
from denouement.cuesearch import cue_list, folded_text, may_search, prepare_search
from denouement.furniture import furniture_patterns, is_furniture
from denouement.lexicon import load_lexicon, word_set
from denouement.model import UNREAL_LAYERS, Layer
from denouement.narrator import a_viewers_i
from denouement.quotes import QuoteSpan
from denouement.sentences import block_of, block_starts, blocks_of

__all__ = [
    "CueSpan",
    "LayerCues",
    "SegmentSpan",
    "SentenceFacts",
    "commentary_sentences",
    "commentary_weights",
    "find_layers",
    "layer_cues",
    "sentence_facts",
]

for _name in ("layers", "segments"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

UNREAL = UNREAL_LAYERS
#: How far ahead (in sentences) a closer may be found for an opened passage.
MAX_PASSAGE = 30
#: Sentences, at most, of a passage that nothing closes (a summary written as one long paragraph).
MAX_UNCLOSED = 8
#: Sentences, at most, in a paragraph of a scene rehearsed in the head that is not mostly dialogue.
SCENE_PARAGRAPH = 3
#: Words, at most, of a sentence of commentary that can still reveal the passage before it.
VERDICT_WORDS = 20
#: Commentary this weak inside an unreal or out-of-order passage is part of the passage.
WEAK_COMMENTARY = 3
_SEGMENT_KIND: dict[str, str] = {
    "dream": "dream",
    "imagined": "fantasy",
    "alternate": "alternate_life",
    "flashback": "flashback",
    "flash_forward": "flash_forward",
    "commentary": "commentary",
    "meta": "furniture",
}


@dataclass(frozen=True)
class LayerCues:
    open: dict[str, tuple[re.Pattern[str], ...]]
    open_until_close: dict[str, tuple[re.Pattern[str], ...]]
    not_opening: tuple[re.Pattern[str], ...]
    asleep_in_passing: re.Pattern[str]
    contrast_open: dict[str, tuple[re.Pattern[str], ...]]
    close: dict[str, tuple[re.Pattern[str], ...]]
    reveal: dict[str, tuple[re.Pattern[str], ...]]
    interrupt: tuple[re.Pattern[str], ...]
    returns: tuple[re.Pattern[str], ...]  # the real scene shown again, right before a reveal
    signs: dict[str, tuple[re.Pattern[str], ...]]
    ambition: tuple[re.Pattern[str], ...]
    commentary_strong: tuple[re.Pattern[str], ...]
    commentary_interview: tuple[re.Pattern[str], ...]
    commentary_making: tuple[re.Pattern[str], ...]
    modal_run_min: int
    rehearsal: tuple[re.Pattern[str], ...]
    twist: tuple[re.Pattern[str], ...]
    spoken_reveal: dict[str, tuple[re.Pattern[str], ...]]  # reveals in a line of dialogue, by kind
    setup: tuple[re.Pattern[str], ...]
    returned_to: tuple[re.Pattern[str], ...]  # a reveal that names the place it returns to (group "place")
    leaving: str  # words before a place that tell of leaving it ("off", "out of")
    frame_present: tuple[re.Pattern[str], ...]
    frame_opener: re.Pattern[str]
    frame_back: tuple[re.Pattern[str], ...]
    habitual: tuple[re.Pattern[str], ...]
    modal_planned: tuple[re.Pattern[str], ...]  # a run of "would" that spells out a plan
    commentary_weak: tuple[re.Pattern[str], ...]
    work_nouns: frozenset[str]
    telling_verbs: frozenset[str]
    reveals: tuple[re.Pattern[str], ...] = ()  # every kind's reveal patterns, in order
    tale_open: tuple[re.Pattern[str], ...] = ()  # a sentence that opens on a told version of events


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@cache
def _structure(name: str) -> re.Pattern[str]:
    """A pattern of the ``structure`` mapping of layers.yaml, case-insensitive."""
    return re.compile(str(load_lexicon("layers")["structure"][name]), re.IGNORECASE)


@cache
def _structure_list(name: str) -> tuple[re.Pattern[str], ...]:
    """A ``structure`` pattern as a cue list of its own (one object, so its quick test is made once)."""
    return (_structure(name),)


@cache
def layer_cues() -> LayerCues:
    """The cue patterns of ``data/layers.yaml`` (extended by the user's lexicon folder)."""
    data = load_lexicon("layers")
    commentary = data.get("commentary", {})
    return LayerCues(
        reveals=_compile([p for group in data.get("reveal", {}).values() for p in group]),
        tale_open=_compile(data.get("tale_open", [])),
        open={k: _compile(v) for k, v in data.get("open", {}).items()},
        open_until_close={k: _compile(v) for k, v in data.get("open_until_close", {}).items()},
        not_opening=_compile(data.get("not_opening", [])),
        asleep_in_passing=re.compile(data.get("asleep_in_passing", r"(?!)"), re.IGNORECASE),
        contrast_open={k: _compile(v) for k, v in data.get("contrast_open", {}).items()},
        close={k: _compile(v) for k, v in data.get("close", {}).items()},
        reveal={k: _compile(v) for k, v in data.get("reveal", {}).items()},
        interrupt=_compile(data.get("interrupt", [])),
        returns=_compile(data.get("return_before_reveal", [])),
        signs={k: _compile(v) for k, v in data.get("unreal_signs", {}).items()},
        ambition=_compile(data.get("ambition", [])),
        commentary_strong=_compile(commentary.get("strong", [])),
        commentary_interview=_compile(commentary.get("interview", [])),
        commentary_making=_compile(commentary.get("making", [])),
        frame_present=_compile(data.get("frame", {}).get("present", [])),
        frame_opener=re.compile(data.get("frame", {}).get("dated_opener", r"(?!)"), re.IGNORECASE),
        frame_back=_compile(data.get("frame", {}).get("back", [])),
        rehearsal=_compile(data.get("rehearsal", [])),
        twist=_compile(data.get("twist", [])),
        spoken_reveal={k: _compile(v) for k, v in data.get("spoken_reveal", {}).items()},
        setup=_compile(data.get("setup", [])),
        returned_to=_compile(data.get("returned_to", {}).get("patterns", [])),
        leaving="|".join(re.escape(str(w)) for w in data.get("returned_to", {}).get("leaving", []))
        or r"(?!)",
        modal_run_min=int(data.get("modal_run", {}).get("min_sentences", 3)),
        habitual=_compile(data.get("modal_run", {}).get("habitual", [])),
        modal_planned=_compile(data.get("modal_run", {}).get("planned", [])),
        commentary_weak=_compile(commentary.get("evaluative", [])),
        work_nouns=frozenset(str(w).lower() for w in commentary.get("work_nouns", [])),
        telling_verbs=frozenset(str(w).lower() for w in commentary.get("telling_verbs", [])),
    )


@dataclass(frozen=True)
class CueSpan:
    """A cue found in a sentence: offsets into the text and the part it plays."""

    sentence: int
    start: int
    end: int
    role: str  # open | close | reveal | contrast
    kind: str  # the layer it points to, or the kind of sign


@dataclass
class SegmentSpan:
    layer: Layer
    kind: str
    first: int
    last: int
    cues: list[CueSpan] = field(default_factory=list)


@dataclass
class SentenceFacts:
    """What the layer passes need to know about one sentence."""

    index: int
    start: int
    end: int
    narration: str  # the sentence with quoted speech blanked out (same length as the sentence)
    paragraph: int
    paragraph_start: bool
    heading: bool
    meta: bool
    quoted: float = 0.0  # share of the sentence inside quotation marks
    spoken: str = ""  # the sentence as written, when it holds speech
    call: bool = False  # the sentence is a short call of speech alone: "Hello?", "Ruth? Ruth!"
    person_speech: bool = False  # holds or continues words of a real person (critic, director)
    character_speech: bool = False  # holds words of a story character
    first_person: bool = False  # I / we / you in the narration, outside a first-person story
    character_subject: bool = False  # a story character is the subject of a verb
    person_subject: bool = False  # a real person or an actor is the subject of a verb
    work_subject: str = ""  # "telling" or "other" when "the film" (or kin) is a subject
    would: bool = False  # the main verb is told with "would" ("She would walk in")
    characters: tuple[int, ...] = ()  # story characters named or referred to in the narration, in order
    names: tuple[tuple[int, int], ...] = ()  # (start, character) of each story character's name in it
    subjects: tuple[
        tuple[int, int, tuple[int, ...]], ...
    ] = ()  # (verb start, end, characters in its subject)
    tokens: tuple[tuple[int, int, str, str], ...] = ()  # (start, end, pos, lemma) of narration words
    tense: str = ""  # "past" or "present": the tense of the narration's main verbs, when they agree

    @cached_property
    def folded(self) -> str | None:
        """The narration lower-cased, for :func:`may_search` (computed once per sentence)."""
        return folded_text(self.narration)


def _search(pattern: re.Pattern[str], f: SentenceFacts) -> re.Match[str] | None:
    """``pattern.search(f.narration)``, without running the pattern on a sentence it cannot match."""
    return pattern.search(f.narration) if may_search(pattern, f.folded) else None


def _matches(patterns: tuple[re.Pattern[str], ...], f: SentenceFacts) -> Iterator[re.Match[str]]:
    """``p.search(f.narration)`` of each of ``patterns`` in order, matches only; a pattern is not run
    on a sentence that lacks all its needles. ``patterns`` is one of the cue lists of
    :class:`LayerCues` (its quick test is prepared once, by identity)."""
    return cue_list(patterns).matches(f.narration, f.folded)


def _blank_quotes(text: str, start: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (which starts at offset ``start``) with the quoted stretches among ``spans`` (sorted,
    non-overlapping) replaced by spaces."""
    end = start + len(text)
    first = max(0, bisect.bisect_right(spans, (start, start)) - 1)
    pieces: list[str] = []
    at = start
    for a, b in spans[first:]:
        if a >= end:
            break
        if b <= at:
            continue
        a = max(a, at)
        pieces += [text[at - start : a - start], " " * (min(b, end) - a)]
        at = min(b, end)
    pieces.append(text[at - start :])
    return "".join(pieces)


def _quote_ranges(index: StoryIndex) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in index.quotes]


def _speech_by_sentence(
    quotes: Sequence[QuoteSpan], kinds: dict[int, str], sentences: Sequence[Span]
) -> tuple[set[int], set[int]]:
    person: set[int] = set()
    character: set[int] = set()
    for q in quotes:
        kind = kinds.get(q.speaker) if q.speaker is not None else None
        if kind is None:
            continue
        for i in range(q.sentence, len(sentences)):
            sent = sentences[i]
            if sent.start_char >= q.end:
                break
            if sent.end_char > q.start:
                (person if kind == "person" else character).add(i)
    return person, character


_PLACING = frozenset({"final", "last", "closing", "opening", "first", "true"})
_SHOT_NOUNS = frozenset({"shot", "scene", "image", "sequence", "frame", "ending"})
_SPECTATOR_VERBS = frozenset(
    {"see", "hear", "learn", "watch", "follow", "be", "get", "find", "meet", "discover", "return", "go"}
    | {"jump", "cut", "flash", "skip", "move", "rejoin", "leave"}
)


def _in_parentheses(token: Token) -> bool:
    """ "Priya Raman (Meera Kallat) is…": the actor in brackets is a credit, not the sentence's subject."""
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - 6), -1):
        if doc[i].text == ")":
            return False
        if doc[i].text == "(":
            return True
    return False


def _main_clause(verb: Token) -> bool:
    """A verb of the main line of the sentence (the root, coordinated with it, or after a colon)."""
    while verb.dep_ in ("conj", "parataxis") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _subject_facts(
    sent: Sequence[Token],
    index: StoryIndex,
    by_token: dict[int, Mention],
    kinds: dict[int, str],
    actor_words: frozenset[str],
    cues: LayerCues,
    first_person_story: bool,
    title_words: frozenset[str] = frozenset(),
    quoted: frozenset[int] = frozenset(),
) -> tuple[bool, bool, bool, str]:
    character_subject = person_subject = first_person = False
    work = ""
    for token in sent:
        if token.i in quoted:
            continue
        lower = token.lower_
        if token.pos_ == "PRON" and not first_person_story:
            spectator = lower in ("we", "us") and token.head.lemma_.lower() in _SPECTATOR_VERBS
            if lower in ("we", "us", "our", "you", "your", "i", "me", "my") and not spectator:
                first_person = True
        mention = by_token.get(token.i)
        kind = kinds.get(mention.cluster) if mention and mention.cluster is not None else None
        # "Spall is magnificent" (the tagger may call a surname a noun)
        actor = token.pos_ in ("PROPN", "NOUN") and token.is_title and lower in actor_words
        actor = actor and not _in_parentheses(token)
        named = mention is not None and mention.kind == "name"
        if token.dep_ == "poss" and ((kind in ("person", "reference") and named) or actor):
            person_subject = True  # "Dolan's debut" (a possessive pronoun resolved to a director is too weak)
        if kind == "reference":
            person_subject = True  # "Like Quint, Amos…": a comparison with another work
        if not token.dep_.startswith("nsubj"):
            continue
        head = token.head
        if token.pos_ == "PROPN" and lower in title_words and kind is None:
            telling = head.lemma_.lower() in cues.telling_verbs
            work = "telling" if telling or work == "telling" else "other"
        elif actor or kind in ("person", "reference"):
            person_subject = person_subject or head.lemma_.lower() != "play"
        elif lower in ("i", "we", "you") and not first_person_story:
            continue  # the critic or the audience, not a character
        elif kind is not None or lower in ("he", "she", "they") or token.ent_type_ == "PERSON":
            acts = head.pos_ == "VERB" and head.lemma_ not in ("be", "seem", "feel", "look")
            character_subject = character_subject or (acts and _main_clause(head))
        elif lower in cues.work_nouns and token.pos_ == "NOUN":
            telling = head.lemma_.lower() in cues.telling_verbs
            if not telling and lower in _SHOT_NOUNS and any(c.lower_ in _PLACING for c in token.children):
                continue  # "the final shot is…" describes the film's own scene: neither way
            work = "telling" if telling or work == "telling" else "other"
    return character_subject, person_subject, first_person, work


def _characters_in(
    sent: Sequence[Token], by_token: dict[int, Mention], kinds: dict[int, str], quoted: frozenset[int]
) -> tuple[int, ...]:
    keys: list[int] = []
    for token in sent:
        m = by_token.get(token.i)
        if m is None or token.i in quoted or m.cluster is None or kinds.get(m.cluster) != "character":
            continue
        if m.cluster not in keys:
            keys.append(m.cluster)
    return tuple(keys)


def _names_in(
    sent: Sequence[Token], by_token: dict[int, Mention], kinds: dict[int, str], quoted: frozenset[int]
) -> tuple[tuple[int, int], ...]:
    """(start, character) of each name of a story character in the narration (not pronouns)."""
    found: list[tuple[int, int]] = []
    for token in sent:
        m = by_token.get(token.i)
        if m is None or m.kind != "name" or token.i != m.start or token.i in quoted or m.cluster is None:
            continue
        if kinds.get(m.cluster) == "character":
            found.append((m.char_start, m.cluster))
    return tuple(found)


def _subjects_of_verbs(
    sent: Sequence[Token], by_token: dict[int, Mention], kinds: dict[int, str]
) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
    """For each verb with a subject, the characters inside that subject ("Every scene with Kit")."""
    result: list[tuple[int, int, tuple[int, ...]]] = []
    for token in sent:
        # "a pupil called Jonno": the one named is who the naming verb is about
        named = token.dep_ == "oprd" and token.head.lemma_ in ("call", "name")
        if not token.dep_.startswith("nsubj") and not named:
            continue
        keys: list[int] = []
        for t in token.subtree:
            m = by_token.get(t.i)
            key = m.cluster if m is not None else None
            if key is not None and kinds.get(key) == "character" and key not in keys:
                keys.append(key)
        if keys:
            verb = token.head
            result.append((verb.idx, verb.idx + len(verb), tuple(keys)))
    return tuple(result)


def _told_with_would(sent: Span, index: StoryIndex) -> bool:
    root = sent.root
    if index.in_quote(root):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in root.children)


_OPINION_VERBS = frozenset(
    {
        "think",
        "believe",
        "suspect",
        "find",
        "love",
        "like",
        "hate",
        "wish",
        "agree",
        "admit",
        "prefer",
        "doubt",
        "guess",
        "suppose",
        "feel",
        "expect",
        "hope",
        "enjoy",
        "want",
        "know",
        "mean",
        "say",
        "argue",
        "reckon",
        "confess",
        "recommend",
        "watch",
        "see",
        "wonder",
        "laugh",
        "cry",
        "be",
        "have",
        "spoke",
        "speak",
        "interview",
        "review",
    }
)


#: Narrated sentences with an I, at least, of a first-person story told in the present tense.
FIRST_PERSON_SENTENCES = 10


def _narrated_in_first_person(doc: Doc, index: StoryIndex) -> bool:
    """A story told by an "I" who acts in it — mostly in the past tense, or doing things rather than
    giving opinions — not a critic's "I think"."""
    if a_viewers_i(doc, index):
        return False  # "I went into the film expecting…", "since the screening": a critic's I
    past = present = acting = opining = 0
    for n, sent in enumerate(index.sentences):
        if n in index.meta:
            continue
        mine = [t for t in sent if t.lower_ in ("i", "me", "my") and not index.in_quote(t)]
        if not mine or index.in_quote(sent.root):
            continue
        verb = next((c for c in sent.root.children if c.dep_ == "aux"), sent.root)
        if verb.tag_ in ("VBD", "VBN") or sent.root.tag_ == "VBD":
            past += 1
        elif verb.tag_ in ("VBP", "VBZ", "MD"):
            present += 1
        for t in mine:
            if t.lower_ == "i" and t.dep_ == "nsubj":
                if t.head.lemma_.lower() in _OPINION_VERBS:
                    opining += 1
                else:
                    acting += 1
    told_in_past = (
        past >= 3 and past > 2 * present and (acting >= 2 or past >= 6 or (past >= 4 and not present))
    )
    # "I bring Spud… I know before the doors open…": an I in sentence after sentence, acting more than
    # opining, tells a story even in the present tense (a critic's I comes now and then)
    told_throughout = past + present >= FIRST_PERSON_SENTENCES and acting >= 4 and acting >= opining
    return told_in_past or told_throughout or (acting >= 4 and acting >= 2 * opining)


_TITLE_STOP = frozenset({"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "review", "ending"})


def _title_words(doc: Doc, clusters: Sequence[CharacterCluster]) -> frozenset[str]:
    """Capitalised words of the work's title (not characters' names): "Tenpin is not going to change
    anyone's life" talks about the film."""
    title = doc.user_data.get("denouement_title") or ""
    names = {w for c in clusters for w in c.words}
    words = {w.strip(":,.!?'\"’").lower() for w in title.split()}
    return frozenset(w for w in words if w and w not in _TITLE_STOP and w not in names)


def sentence_facts(doc: Doc) -> list[SentenceFacts]:
    """The :class:`SentenceFacts` of every story sentence of a doc that ran through the quote stage."""
    index = story_index(doc)
    cues = layer_cues()
    blocks = blocks_of(doc)
    starts = block_starts(blocks)
    clusters: list[CharacterCluster] = doc._.characters or []
    kinds: dict[int, str] = {c.key: c.kind for c in clusters}
    name_words = {w for c in clusters if c.kind == "character" for w in c.words}
    actor_words = (
        frozenset(
            w.lower() for c in clusters if c.actor for w in re.split(r"[\s-]+", c.actor) if w[:1].isupper()
        )
        - name_words
    )  # an actor's surname that is also a character's name is the character's
    first_person_story = _narrated_in_first_person(doc, index)
    title_words = _title_words(doc, clusters)
    by_token = mentions_by_token(doc._.mentions or [])
    person, character = _speech_by_sentence(doc._.quotes or [], kinds, index.sentences)
    ranges = _quote_ranges(index)
    facts: list[SentenceFacts] = []
    previous_block = None
    for i, (sent, text) in enumerate(zip(index.sentences, index.sentence_texts, strict=True)):
        block = block_of(blocks, sent.start_char, starts)
        block_key = block.start if block is not None else -1
        narration = _blank_quotes(text, sent.start_char, ranges)
        quoted = 1 - len(narration.split()) / max(1, len(text.split()))
        tokens = list(sent)  # the sentence's Token objects, made once for the passes below
        quoted_tokens = frozenset(t.i for t in tokens if index.in_quote(t))
        subj = _subject_facts(
            tokens, index, by_token, kinds, actor_words, cues, first_person_story, title_words, quoted_tokens
        )
        facts.append(
            SentenceFacts(
                index=i,
                start=sent.start_char,
                end=sent.end_char,
                narration=narration,
                paragraph=block_key,
                paragraph_start=block_key != previous_block,
                heading=block is not None and block.kind == "heading",
                meta=i in index.meta,
                quoted=quoted,
                spoken=text if quoted else "",
                call=_a_call(text, quoted) and not _echoes(text, index.sentence_texts[i - 1] if i else ""),
                person_speech=i in person,
                character_speech=i in character,
                character_subject=subj[0],
                person_subject=subj[1],
                first_person=subj[2],
                work_subject=subj[3],
                would=_told_with_would(sent, index),
                characters=_characters_in(tokens, by_token, kinds, quoted_tokens),
                names=_names_in(tokens, by_token, kinds, quoted_tokens),
                subjects=_subjects_of_verbs(tokens, by_token, kinds),
                tokens=tuple(
                    (t.idx, t.idx + len(t), t.pos_, t.lemma_.lower())
                    for t in tokens
                    if t.i not in quoted_tokens
                ),
                tense=_tense(tokens, quoted_tokens),
            )
        )
        previous_block = block_key
    return facts


_PAST_TAGS = frozenset({"VBD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _tense(tokens: Sequence[Token], quoted: frozenset[int]) -> str:
    """ "past" or "present" when the main verbs of the narration (the root and the verbs joined to it)
    agree in tense, told by their own form or their auxiliaries'; "" otherwise."""
    found: set[str] = set()
    for t in tokens:
        if t.i in quoted or not (t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")):
            continue
        tags = [t.tag_, *(c.tag_ for c in t.children if c.dep_ in ("aux", "auxpass"))]
        if any(tag in _PAST_TAGS for tag in tags):
            found.add("past")
        elif any(tag in _PRESENT_TAGS for tag in tags):
            found.add("present")
    return found.pop() if len(found) == 1 else ""


# --- commentary ---------------------------------------------------------------------------------


_STORY_TIME = re.compile(
    r"(?:\w+ ){0,2}(?:later|earlier|afterwards|the next (?:day|morning|afternoon|evening|night|week)|"
    r"that (?:night|evening|morning|afternoon)|one (?:night|morning|day|evening)|when |as soon as |after )",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CommentaryCues:
    """The commentary cues found in one sentence: read once, for its weight and for the model."""

    strong: int  # strong cues matched
    weak: int  # evaluative words matched
    interview: bool  # an interview or making-of cue


def commentary_cues(f: SentenceFacts, cues: LayerCues) -> CommentaryCues:
    # in a story told in the first person (where "me" is no article's voice), a character telling the narrator
    told_by_character = f.character_subject and not f.person_subject and not f.first_person
    interview = any(
        # "So he told me again, and this is how it went": that telling is the story
        not (told_by_character and _TOLD_NARRATOR.match(m.group(0)))
        for m in _matches(cues.commentary_interview, f)
    )
    return CommentaryCues(
        strong=sum(1 for _ in _matches(cues.commentary_strong, f)),
        weak=sum(1 for _ in _matches(cues.commentary_weak, f)),
        interview=interview or any(_matches(cues.commentary_making, f)),
    )


_TOLD_NARRATOR = re.compile(r"told (?:me|us)$", re.IGNORECASE)


def _commentary_weight(f: SentenceFacts, cues: LayerCues, found: CommentaryCues | None = None) -> int:
    found = found if found is not None else commentary_cues(f, cues)
    text = f.narration
    words = [(pos, lemma) for _s, _e, pos, lemma in f.tokens if pos not in ("PUNCT", "SPACE")]
    weight = 0
    if f.person_speech:
        weight += 3
    if found.strong:
        weight += 2
    interview = found.interview
    if interview:
        weight += 4
    if f.first_person:
        weight += 2
    if f.person_subject:
        weight += 2
    if f.work_subject == "other":
        weight += 2
    elif f.work_subject == "telling":
        weight -= 1
    elif not f.character_subject and any(
        p == "NOUN" and lemma in cues.work_nouns and not _a_share(words, n)
        for n, (p, lemma) in enumerate(words)
    ):
        weight += 1  # a noun: "he is shot" or "she pictures it" says nothing about a film
    weight += min(2, found.weak)
    if text.rstrip().endswith("?") and f.quoted < 0.5:
        weight += 1 if f.character_subject else 2  # the article asking its reader
    happening = any(p == "VERB" for p, _ in words) and any(p == "NOUN" for p, _ in words)
    if words and len(words) <= 5 and not f.character_subject and f.quoted < 0.5 and not happening:
        weight += 1  # "Not quite.", "It works.": verdicts, not plot ("The harvest comes in.")
    if words[:2] == [("PRON", "there"), ("VERB", "be")] or words[:2] == [("PRON", "there"), ("AUX", "be")]:
        weight += 1
    if f.character_subject and not interview:
        weight -= 2
    if f.character_speech and not f.person_speech and not interview:
        weight -= 2
    if _ends_sequence(f, cues):
        weight -= 3
    if _STORY_TIME.match(text.lstrip()):
        weight -= 1  # "Days later…", "The next afternoon…": the story's own time
    return weight


def _a_share(words: Sequence[tuple[str, str]], n: int) -> bool:
    """ "A third of it", "half of the crop": a share of something, not a part of the work."""
    return words[n][1] in ("third", "half") and n + 1 < len(words) and words[n + 1][1] == "of"


def commentary_weights(
    facts: Sequence[SentenceFacts], found: dict[int, CommentaryCues] | None = None
) -> dict[int, int]:
    """How strongly each non-furniture sentence reads as commentary (see :func:`commentary_sentences`);
    ``found`` are the sentences' cues when :func:`commentary_cues` has read them already."""
    cues = layer_cues()
    found = found if found is not None else {}
    return {f.index: _commentary_weight(f, cues, found.get(f.index)) for f in facts if not f.meta}


def commentary_signals(
    facts: Sequence[SentenceFacts], weights: dict[int, int], found: dict[int, CommentaryCues] | None = None
) -> list[SentenceSignals]:
    """What the commentary model (:mod:`denouement.commentary`) reads of each non-furniture sentence."""
    cues = layer_cues()
    signals = []
    for f in facts:
        if f.meta or f.index not in weights:
            continue
        here = found[f.index] if found is not None and f.index in found else commentary_cues(f, cues)
        flags = {
            name
            for name, on in (
                ("person_speech", f.person_speech),
                ("character_speech", f.character_speech),
                ("first_person", f.first_person),
                ("character_subject", f.character_subject),
                ("person_subject", f.person_subject),
                ("would", f.would),
                ("call", f.call),
                ("paragraph_start", f.paragraph_start),
            )
            if on
        }
        if here.interview:
            flags.add("interview")
        signals.append(
            SentenceSignals(
                index=f.index,
                paragraph=f.paragraph,
                weight=weights[f.index],
                words=tuple((pos, lemma) for _s, _e, pos, lemma in f.tokens),
                flags=frozenset(flags),
                work_subject=f.work_subject,
                tense=f.tense,
                quoted=f.quoted,
                strong=here.strong,
                weak=here.weak,
                characters=len(f.characters),
            )
        )
    return signals


def commentary_sentences(
    facts: Sequence[SentenceFacts],
    weights: dict[int, int] | None = None,
    found: dict[int, CommentaryCues] | None = None,
) -> set[int]:
    """Sentences that talk about the story rather than tell it: those the commentary model (over the cue
    weights, the words and the sentences around) finds likelier commentary than not."""
    if not _about_a_work(facts):
        return set()
    if weights is None:
        weights = commentary_weights(facts, found)
    model = commentary_model()
    chances = commentary_probabilities(commentary_signals(facts, weights, found), len(facts))
    return {i for i, p in chances.items() if p >= model.threshold}


def _about_a_work(facts: Sequence[SentenceFacts]) -> bool:
    """Whether the text speaks of a work at all: a film, a book, its parts, its makers or its audience (see
    ``work_words`` in layers.yaml), or a real person such as an actor. A story that never does holds no
    commentary."""
    words = word_set("layers", "work_words")
    if any(f.person_subject or f.person_speech for f in facts):
        return True  # "Walter Pike (Timothy Spall) … Spall is magnificent": a real person, an actor
    return any(
        pos in ("NOUN", "PROPN") and lemma.lower() in words for f in facts for _s, _e, pos, lemma in f.tokens
    )  # ("we book his cousin's studio" is no book)


# --- cues ---------------------------------------------------------------------------------------


def _first_match(
    patterns: tuple[re.Pattern[str], ...], f: SentenceFacts, role: str, kind: str
) -> CueSpan | None:
    return _first_match_in((patterns,), f, role, kind)


def _first_match_in(
    lists: Sequence[tuple[re.Pattern[str], ...]], f: SentenceFacts, role: str, kind: str
) -> CueSpan | None:
    """The first match of the patterns of ``lists`` taken in order, as if joined into one list (the
    cue lists are passed as they are, not joined into new tuples, so their prepared tests are reused)."""
    for patterns in lists:
        m = next(_matches(patterns, f), None)
        if m:
            return CueSpan(f.index, f.start + m.start(), f.start + m.end(), role, kind)
    return None


def _opener(f: SentenceFacts, cues: LayerCues) -> CueSpan | None:
    candidates = [(k, p, "open") for k, p in cues.open.items()]
    candidates += [(k, p, "open!") for k, p in cues.contrast_open.items()]
    candidates += [(k, p, "open?") for k, p in cues.open_until_close.items()]
    found = []
    for kind, patterns, role in candidates:
        cue = _first_match(patterns, f, role, kind)
        if cue is None:
            continue
        if _overlaps_ambition(f, cue, cues) or _told_about(f, cue, cues) or _after_ambition(f, cue, cues):
            continue
        found.append(cue)
    if len(found) > 1 and found[0].kind in ("flashback", "flash_forward"):
        # "The film goes back to the 1994 final and lets him win the sprint": a return to the past that
        # changes it is no flashback (a past night's sleep in one still is: "The last time she had slept…")
        unreal = next((c for c in found if c.kind in ("imagined", "alternate")), None)
        if unreal is not None:
            return unreal
    return found[0] if found else None


def _after_ambition(f: SentenceFacts, cue: CueSpan, cues: LayerCues) -> bool:
    """ "Frankie dreams of opening a garage, and on nights in the cab he pictures himself behind the
    counter": picturing, in the sentence of a hope, pictures the hope."""
    if cue.kind != "imagined":
        return False
    before = cue.start - f.start
    return any(m.start() < before for m in _matches(cues.ambition, f))


def _overlaps_ambition(f: SentenceFacts, cue: CueSpan, cues: LayerCues) -> bool:
    """ "Her dream of a record deal", "dreams of becoming a singer": hopes, not dreams."""
    a, b = cue.start - f.start, cue.end - f.start
    return any(
        m.start() < b and a < m.end()
        for p in cues.ambition
        if may_search(p, f.folded)
        for m in p.finditer(f.narration)
    )


def _strong_closer(f: SentenceFacts, cues: LayerCues) -> CueSpan | None:
    """A reveal or a return to reality ("None of it is real.", "we are back in the doorway"): what
    ends a passage that began with a mere "Instead" or "This time"."""
    return _first_match_in((cues.reveals, cues.close.get("any", ())), f, "close", "imagined")


def _told_about(f: SentenceFacts, cue: CueSpan, cues: LayerCues) -> bool:
    """The cue sits in reported speech or a relative clause: it mentions a dream, it does not open one."""
    before = f.narration[: cue.start - f.start]
    return bool(before.strip()) and any(p.search(before) for p in cues.not_opening)


def _closer(f: SentenceFacts, kind: str, cues: LayerCues) -> CueSpan | None:
    lists = [cues.close.get(kind, ())]
    if kind in UNREAL:
        lists += [cues.close.get("dream", ())] if kind != "dream" else []
        lists += [cues.reveals, cues.interrupt]
    return _first_match_in([*lists, cues.close.get("any", ())], f, "close", kind)


def _reveal(f: SentenceFacts, cues: LayerCues) -> tuple[CueSpan | None, bool]:
    """A reveal cue in the sentence, and whether it is weak (needs signs of unreality to count)."""
    for kind, patterns in cues.reveal.items():
        cue = _first_match(patterns, f, "reveal", kind)
        if cue is not None and not (
            kind == "dream" and _structure("their_account").search(f.narration[: cue.start - f.start])
        ):
            return cue, False
    cue = _first_match(cues.close.get("any", ()), f, "reveal", "imagined")
    if cue is not None:
        return cue, False
    cue = _first_match(cues.close.get("dream", ()), f, "reveal", "dream")
    if cue is not None:
        return cue, True
    asleep = _structure("found_asleep").search(f.narration)
    if asleep is not None:
        return CueSpan(f.index, f.start + asleep.start(), f.start + asleep.end(), "reveal", "dream"), True
    said = _said_reveal(f, cues)
    if said is not None:
        return said, said.kind != "overheard"  # a witness's line is enough; a sleeper told needs backing
    if _called_out(f):
        return CueSpan(f.index, f.start, f.end, "reveal", "called"), True
    return _first_match(cues.interrupt, f, "reveal", "imagined"), True


def _said_reveal(f: SentenceFacts, cues: LayerCues) -> CueSpan | None:
    """A line of dialogue that gives a scene away ("You were talking to the trees.", "Four minutes you were
    out, ma'am."): the ``spoken_reveal`` patterns, on the words as said; the kind is the pattern group's."""
    if not f.spoken or f.quoted < 0.3:
        return None
    for kind, patterns in cues.spoken_reveal.items():
        for pattern in patterns:
            m = pattern.search(f.spoken)
            if m is not None:
                return CueSpan(f.index, f.start + m.start(), f.start + m.end(), "reveal", kind)
    return None


def _the_real_one(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "The real bus is late.": a thing set against the one the lines just before told of — the bus she
    pictured — reveals that they were imagined."""
    f = facts[r]
    match = _structure("the_real").match(f.narration.lstrip())
    if match is None or match["noun"].lower() in word_set("layers", "not_a_counterpart"):
        return None
    noun = match["noun"].lower()
    earlier = range(max(0, r - 8), r)
    if not any(lemma == noun for j in earlier for _s, _e, pos, lemma in facts[j].tokens if pos == "NOUN"):
        return None
    offset = f.start + len(f.narration) - len(f.narration.lstrip())
    return CueSpan(r, offset + match.start(), offset + match.end(), "reveal", "imagined")


#: Sentences before a thing found still in its place in which it must have been put there.
PLACED_REACH = 16


#: Sentences before a calendar found behind in which the passage must have reached a later year.
CALENDAR_REACH = 10


def _calendar_behind(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "…the calendar on the wall still says February 1957" after lines that reached 1966: no time has
    passed, so the years just told were not lived."""
    f = facts[r]
    match = _structure("calendar_still").search(f.narration)
    if match is None:
        return None
    year = int(match["year"])
    later = any(
        int(y) > year for j in range(max(0, r - CALENDAR_REACH), r) for y in _YEAR.findall(facts[j].narration)
    )
    if not later:
        return None
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined")


def _still_travelling(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "“Tickets from Preston, please,” said the woman in the purple waistcoat, and Len found …" some
    sentences after "The train pulled into Carlisle": the traveller is still on the way (in a sentence
    mostly of narration, which a line alone does not give away), so the arrival, and all that followed
    it, was pictured. A weak reveal: it holds where the passage began with that arrival."""
    f = facts[r]
    match = _structure("journey_not_over").search(f.spoken or f.narration)
    if match is None or not any(
        _structure("arrived").search(facts[j].narration) for j in range(max(0, r - MAX_PASSAGE), r)
    ):
        return None
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined")


def _back_as_always(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "…she lays the printouts on the table one by one." … "The printouts are in Dee's desk drawer, in
    the same green folder as always.": a thing said to be where it always is, after a sentence just before
    put it somewhere else, reveals the lines that did."""
    f = facts[r]
    match = _structure("as_always").match(f.narration.lstrip())
    if match is None:
        return None
    lead = len(f.narration) - len(f.narration.lstrip())
    lemmas = {start - f.start - lead: lemma for start, _e, _pos, lemma in f.tokens}  # "printouts" → printout
    thing = lemmas.get(match.start("thing"), match["thing"])
    place = lemmas.get(match.start("place"), match["place"])
    moving = word_set("layers", "moving_verbs") | word_set("layers", "placing_verbs")
    moved = any(
        _names_noun(facts[j], thing)
        and not _names_noun(facts[j], place)
        and any(pos == "VERB" and lemma in moving for _s, _e, pos, lemma in facts[j].tokens)
        for j in range(max(0, r - STRETCH_REACH), r)
    )
    return CueSpan(r, f.start + lead, f.start + lead + match.end(), "reveal", "imagined") if moved else None


def _still_in_place(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "She sets the urn on the dresser." … "Nuala walks down to the slipway carrying the urn" … "the urn is
    still on the dresser" ("the invoices sit in their usual neat stack"): a thing found still where a
    sentence before put it, after a sentence took it away or used it (a verb of ``moving_verbs`` beside
    it), reveals the lines that took it."""
    f = facts[r]
    match = _structure("still_in_place").search(f.narration)
    if match is None:
        return _back_as_always(facts, r)
    lemmas = {start - f.start: lemma for start, _e, pos, lemma in f.tokens if pos == "NOUN"}
    thing, place = lemmas.get(match.start("thing")), lemmas.get(match.start("place"))  # "invoices" → invoice
    if thing is None or place is None:
        return None
    moving = word_set("layers", "moving_verbs")

    def names(j: int, noun: str) -> bool:
        return _names_noun(facts[j], noun)

    put = next(
        (j for j in range(r - 1, max(-1, r - 1 - PLACED_REACH), -1) if names(j, thing) and names(j, place)),
        None,
    )
    if put is None:
        return None
    took = any(  # later, or in the sentence that names it there ("sweeps the stack of invoices off his desk")
        names(j, thing) and any(pos == "VERB" and lemma in moving for _s, _e, pos, lemma in facts[j].tokens)
        for j in range(put, r)
    )
    if not took:
        return None
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined")


def _state_undone(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "…stood at the end of the pier until my shoes were soaked through" … "My shoes were perfectly
    dry.": a thing found in a state that a sentence just before had undone (``undone_states`` in
    layers.yaml) reveals the lines that undid it."""
    found = _state_found(facts[r])
    if found is None or _undoing_sentence(facts, r, found[1], found[2]) is None:
        return None
    match, f = found[0], facts[r]
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined")


def _state_found(f: SentenceFacts) -> tuple[re.Match[str], str, frozenset[str]] | None:
    """A thing said to be in a state the lines before may have undone ("My shoes were perfectly dry"):
    the match, the thing's lemma, and the words that would undo the state."""
    match = _search(_structure("state_found"), f)
    undoing = _undone_states().get(match["state"].lower()) if match is not None else None
    if match is None or not undoing:
        return None
    at = match.start("thing")
    thing = next(
        (lemma for start, _e, pos, lemma in f.tokens if pos == "NOUN" and start - f.start == at), None
    )
    return (match, thing, undoing) if thing is not None else None


def _undoing_sentence(
    facts: Sequence[SentenceFacts], r: int, thing: str, undoing: frozenset[str]
) -> int | None:
    """The last sentence before ``r`` (within :data:`STRETCH_REACH`) that names the thing with a word that
    undoes its state."""
    return next(
        (
            j
            for j in range(r - 1, max(-1, r - 1 - STRETCH_REACH), -1)
            if _names_noun(facts[j], thing) and undoing & set(_WORD.findall(facts[j].narration.lower()))
        ),
        None,
    )


def _never_been(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "…and nobody in her family had ever set foot in Coimbra": a place the story's people were never at,
    that a paragraph before the reveal's own took them to, reveals that paragraph."""
    f = facts[r]
    match = _search(_structure("never_been"), f)
    if match is None or _naming_paragraph(facts, r, match["place"]) is None:
        return None
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined")


def _naming_paragraph(facts: Sequence[SentenceFacts], r: int, place: str) -> tuple[int, int] | None:
    """The paragraph, before the one of sentence ``r`` and within :data:`STRETCH_REACH` sentences, whose
    narration last names ``place``: its first and last sentence."""
    named = re.compile(rf"\b{re.escape(place)}\b")
    own_first, _ = _paragraph_bounds(facts, r)
    for j in range(own_first - 1, max(-1, r - 1 - STRETCH_REACH), -1):
        if named.search(facts[j].narration):
            return _paragraph_bounds(facts, j)
    return None


def _passage_never_been(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """The passage a place never been to exposes: the paragraph that took the story there."""
    f = facts[r]
    match = _search(_structure("never_been"), f)
    if match is None or f.start + match.start() != reveal.start:
        return None
    bounds = _naming_paragraph(facts, r, match["place"])
    if bounds is None:
        return None
    first, last = bounds
    body = [j for j in range(first, last + 1) if j in narration]
    if not body or any(j in taken for j in range(first, last + 1)):
        return None
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], body[0], body[-1], [reveal])


def _passage_that_undid(
    facts: Sequence[SentenceFacts],
    r: int,
    reveal: CueSpan,
    narration: set[int],
    taken: set[int],
    cues: LayerCues,
) -> SegmentSpan | None:
    """The passage a thing found in its old state exposes: the one that ends with the paragraph where a
    sentence undid that state, when the lines between it and the finding are the return ("“Dot?” Auntie Val
    was holding out the tin. … My shoes were perfectly dry.")."""
    found = _state_found(facts[r])
    if found is None or facts[r].start + found[0].start() != reveal.start:
        return None
    j = _undoing_sentence(facts, r, found[1], found[2])
    if j is None:
        return None
    _, last = _paragraph_bounds(facts, j)
    if last >= _paragraph_bounds(facts, r)[0] or any(k in taken for k in range(j, r)):
        return None  # undone in the finding's own paragraph: no return between them
    seg = _revealed_passage(facts, last + 1, reveal, narration, taken, cues)
    if seg is None or seg.last > last or seg.first > j:
        return None
    # the return may find more undone ("I put my mug down" … "My mug was in my hand"): from there
    moved = _thing_back_in_place(facts, r, seg, narration, taken)
    return dataclasses.replace(seg, first=moved) if moved is not None and moved < seg.first else seg


@cache
def _undone_states() -> dict[str, frozenset[str]]:
    """``undone_states`` of layers.yaml: each state, and the words that undo it."""
    states = load_lexicon("layers").get("undone_states", {})
    return {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in states.items()}


_WORD = re.compile(r"[a-z]+")


def _untouched(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "They take the combine out before the rain" … "The combine sits in the yard under a tarpaulin that
    has not been moved in months": a thing left untouched, after a sentence that used it (a verb of
    ``moving_verbs`` beside it), reveals the lines that used it."""
    f = facts[r]
    match = _structure("untouched").search(f.narration)
    if match is None:
        return None
    thing = next(
        (
            lemma
            for start, _e, pos, lemma in f.tokens
            if pos == "NOUN" and start - f.start == match.start("thing")
        ),
        None,
    )
    if thing is None:
        return None
    moving = word_set("layers", "moving_verbs")
    used = any(
        _names_noun(facts[j], thing)
        and any(pos == "VERB" and lemma in moving for _s, _e, pos, lemma in facts[j].tokens)
        for j in range(max(0, r - PLACED_REACH), r)
    )
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined") if used else None


#: Sentences before a reveal that calls a stretch unreal in which the stretch's noun must have been told.
STRETCH_REACH = 12


_NEVER_HAPPENED = re.compile(
    r"\b(?:the|that|this|her|his|their) (?:[\w'’-]+ ){0,3}?(?P<noun>[a-z]+)"
    r"(?: (?:in|at|on) (?P<place>[A-Z][\w'’-]+))? "
    r"(?:never|did not|didn[’']t) (?:really |actually )?(?:take place|took place|happen|happened)\b",
    re.IGNORECASE,
)


def _not_there(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "He presses his pocketknife into her hand" … "Nell reaches into her jacket for the knife and finds
    only her hospital lanyard": a thing the sentences just before gave, reached for and not there — or
    said to be dead ("the jukebox needs a new motor, and he has left it unplugged") — reveals them."""
    f = facts[r]
    reached = _reached_for(f)
    if reached is None or _gave_the_thing(facts, r, reached[1]) is None:
        return None
    match = reached[0]
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined")


def _reached_for(f: SentenceFacts) -> tuple[re.Match[str], str, bool] | None:
    """A thing reached for and not there in the sentence ("reaches into her jacket for the knife and finds
    only…"), or said to be out of order: the match, the thing's lemma, and whether it is out of order."""
    match = _structure("not_there").search(f.narration)
    broken = match is None
    if broken:
        match = _structure("out_of_order").search(f.narration)
    if match is None:
        return None
    group = "thing" if match["thing"] else "left"
    if not match[group]:
        return None
    thing = next(
        (lemma for start, _e, _pos, lemma in f.tokens if start - f.start == match.start(group)),
        match[group].lower(),
    )
    return match, thing, broken


def _gave_the_thing(facts: Sequence[SentenceFacts], r: int, thing: str) -> int | None:
    """The last sentence before ``r`` (within :data:`STRETCH_REACH`) that names the thing, or a thing
    of that kind ("pocketknife" for "knife")."""
    for j in range(r - 1, max(-1, r - 1 - STRETCH_REACH), -1):
        if _names_the_thing(facts[j], thing):
            return j
    return None


def _names_the_thing(f: SentenceFacts, thing: str) -> bool:
    # (whatever the tagger made of it: "a silver thimble" came out an adjective)
    return any(pos in ("NOUN", "PROPN", "ADJ") and lemma.endswith(thing) for _s, _e, pos, lemma in f.tokens)


def _paragraph_of_the_thing(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """The passage a thing reached for and not there exposes: the paragraph that gave it, when that lies
    before the reveal's own ("He presses his pocketknife into her hand…" — "At breakfast … Nell reaches
    into her jacket for the knife and finds only her hospital lanyard"). A thing out of order is what set
    the passage going ("Gus sits alone in the hall. The old jukebox flickers into light"): when it comes
    right after the sentence that opens the paragraph, the passage starts there."""
    f = facts[r]
    reached = _reached_for(f)
    if reached is None or not (reached[0].start() <= reveal.start - f.start < reached[0].end()):
        return None
    gave = _gave_the_thing(facts, r, reached[1])
    if gave is None or gave in taken:
        return None
    first, last = _paragraph_bounds(facts, gave)
    if last >= _paragraph_bounds(facts, r)[0]:
        return None  # the thing was given in the reveal's own paragraph
    thing, broken = reached[1], reached[2]
    if (
        broken
        and first + 1 < last
        and _names_the_thing(facts[first + 1], thing)
        and not _names_the_thing(facts[first], thing)
    ):
        first += 1  # one sentence sets the scene, the next has the thing come to life
    while first < gave and (first in taken or first not in narration):
        first += 1
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], first, last, [reveal])


#: "There had never been a night at the Apollo", "There was never any wedding in Leith".
_NEVER_WAS = re.compile(
    r"\bthere (?:had |has |was |were |is )?never (?:been |was |were )?(?:a|an|any) (?:[\w'’-]+ ){0,2}?"
    r"(?P<noun>[a-z]+)(?: (?:in|at|on) (?:the )?(?P<place>[A-Z][\w'’-]+))?",
    re.IGNORECASE,
)


def _singular(word: str) -> str:
    """A plural noun as its lemma, roughly ("cards": card), for a word read off a pattern, not the parse."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _names_noun(f: SentenceFacts, lemma: str) -> bool:
    """Whether the sentence has a noun with that lemma."""
    return any(pos == "NOUN" and word == lemma for _s, _e, pos, word in f.tokens)


#: "Denis has vaulted nothing.", "Denis never vaulted the boards": a named character said not to have
#: done a deed.
_DEED_UNDONE = re.compile(
    r"\b(?P<who>(?-i:[A-Z])[\w’'-]+) (?:(?:has|had) (?P<verb>[a-z]+) (?:nothing|no one|nobody)\b"
    r"|(?:has |had )?(?:never|not|did not|didn[’']t|has not|hasn[’']t|had not|hadn[’']t) (?P<verb2>[a-z]+))"
)


_NEGATED_BEFORE = re.compile(r"\b(?:not|never|n[’']t)\s+$")


def _deed_undone(facts: Sequence[SentenceFacts], k: int) -> int | None:
    """The sentence before ``k``, within :data:`STRETCH_REACH`, whose deed ``k`` says was never done: the
    same character the subject of the same verb ("Denis vaults the boards" … "Denis has vaulted nothing")."""
    f = facts[k]
    for match in _DEED_UNDONE.finditer(f.narration):
        verb_at = f.start + match.start("verb" if match["verb"] else "verb2")
        lemma = next((lm for st, _e, pos, lm in f.tokens if st == verb_at and pos == "VERB"), None)
        if lemma is None:
            continue
        who = match["who"]
        for j in range(k - 1, max(-1, k - STRETCH_REACH), -1):
            g = facts[j]
            if re.search(rf"\b{re.escape(who)}\b", g.narration) and any(
                pos == "VERB" and lm == lemma and not _NEGATED_BEFORE.search(g.narration[: st - g.start])
                for st, _e, pos, lm in g.tokens
            ):
                return j
    return None


def _before_the_undoing(
    facts: Sequence[SentenceFacts],
    r: int,
    seg: SegmentSpan,
    reveal: CueSpan,
    narration: set[int],
    taken: set[int],
    cues: LayerCues,
) -> SegmentSpan:
    """A passage found for a reveal that holds a sentence saying a deed told before it was never done
    ("Denis has vaulted nothing.") is the return, not the passage: the passage is the one that ends
    before that sentence's paragraph and holds the deed."""
    for k in range(seg.first, r + 1):
        if k not in narration:
            continue
        deed = _deed_undone(facts, k)
        if deed is None or deed >= seg.first:
            continue
        para_first, _ = _paragraph_bounds(facts, k)
        if para_first <= deed or any(j in taken for j in range(deed, para_first)):
            return seg
        earlier = _revealed_passage(facts, para_first, reveal, narration, taken, cues)
        if earlier is not None and earlier.first <= deed <= earlier.last:
            return earlier
        return seg
    return seg


def _never_happened(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "The wedding in Leith never took place.", "There had never been a night at the Apollo": a
    happening the sentences just before told of (or at a place they named), said never to have happened,
    reveals them (a wedding no sentence before told of is only called off)."""
    f = facts[r]
    match = _NEVER_HAPPENED.search(f.narration) or _NEVER_WAS.search(f.narration)
    if match is None:
        return None
    noun, place = match["noun"].lower(), match["place"]
    before = range(max(0, r - STRETCH_REACH), r)
    told = any(
        _names_noun(facts[j], noun)
        or (place is not None and re.search(rf"\b{re.escape(place)}\b", facts[j].narration))
        for j in before
    )
    return CueSpan(r, f.start + match.start(), f.start + match.end(), "reveal", "imagined") if told else None


#: Words that deny what a sentence tells ("do not use banks").
_NEGATED = re.compile(r"\b(?:not|never|no|nobody|no one|nothing)\b|n[’']t\b", re.IGNORECASE)
#: A sentence whose doer is nobody: "Nobody comes through the crowd.", "No one answers the door."
_NOBODY = re.compile(r"^(?:(?:but|and|then|yet|this time),? )?(?:nobody|no one|no-one)\b", re.IGNORECASE)


def _nobody_did(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "Through the crowd comes Nii Mensah, grey now" … "Nobody comes through the crowd.": a happening a
    sentence before told, the same verb with the same thing, done by nobody, reveals the passage of that
    sentence (see :func:`_paragraph_denied_by_nobody`)."""
    found = _denied_by_nobody(facts, r)
    if found is None:
        return None
    f, (start, end) = facts[r], found[0]
    return CueSpan(r, f.start + start, f.start + end, "reveal", "imagined")


def _denied_by_nobody(facts: Sequence[SentenceFacts], r: int) -> tuple[tuple[int, int], int] | None:
    """Where in sentence ``r`` nobody does it, and the sentence before that told someone doing it."""
    f = facts[r]
    skip = len(f.narration) - len(f.narration.lstrip())
    match = _NOBODY.match(f.narration[skip:])
    if match is None:
        return None
    verbs = {lemma for _s, _e, pos, lemma in f.tokens if pos == "VERB"}
    # (a thing of the story, not of the telling: "Nobody in the scene uses the word liar")
    nouns = _noun_lemmas(f) - word_set("layers", "work_words") - word_set("layers", "viewing_words")
    if not verbs or not nouns:
        return None
    for j in range(r - 1, max(-1, r - 1 - 2 * STRETCH_REACH), -1):
        g = facts[j]
        if _NOBODY.match(g.narration.lstrip()) or _NEGATED.search(g.narration):
            continue
        if verbs & {lemma for _s, _e, pos, lemma in g.tokens if pos == "VERB"} and nouns & _noun_lemmas(g):
            return (skip + match.start(), skip + match.end()), j
    return None


def _paragraph_denied_by_nobody(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """The passage a "Nobody comes through the crowd" exposes: the paragraph of retelling that told
    someone coming, up to the end of that paragraph."""
    found = _denied_by_nobody(facts, r)
    if found is None or reveal.sentence != r:
        return None
    first, last = _paragraph_bounds(facts, found[1])
    body = [k for k in range(first, min(last, r - 1) + 1) if k in narration]
    if len(body) < 2 or any(k in taken for k in body):
        return None
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], body[0], body[-1], [reveal])


def _predicated_unreal(facts: Sequence[SentenceFacts], r: int) -> CueSpan | None:
    """ "The whole confrontation has been a rehearsal she could not bring herself to perform.", "the
    splashdown was a story Ines told herself": a stretch of the story, named by "everything", "the whole…"
    or a noun the lines before it told, called a rehearsal, a fantasy or an invention, or said to have been
    written or imagined, reveals the passage that told it."""
    f = facts[r]
    match = _structure("predicated_unreal").search(f.narration)
    if match is None:
        return None
    noun = (match["noun"] or "").lower()
    if noun:
        if noun in word_set("layers", "not_a_stretch") or match.group("noun")[:1].isupper():
            return None
        # "the flare, the fire and the escape were…": any noun of a listed subject
        nouns = {noun} | {n.lower() for n in _LISTED.findall(match["list"] or "")}
        told = any(
            lemma in nouns or any(len(n) > 5 and lemma[:5] == n[:5] for n in nouns)
            for j in range(max(0, r - STRETCH_REACH), r)
            for _s, _e, pos, lemma in facts[j].tokens
            if pos in ("NOUN", "VERB")
        )
        if not told and not (match["whole"] or match["every"]):
            return None  # (but "every moment of the welcome has been written out" names the whole of it)
    elif match["made"] is None and not match["subject"].lower().startswith(("everything", "all", "it all")):
        return None
    return CueSpan(r, f.start + match.start("subject"), f.start + match.end(), "reveal", "imagined")


#: Sentences before a denial ("There was no wreck and no survivor") searched for the things it denies.
DENIAL_REACH = 15


#: Words a denial can deny: things, and people named ("no Tomás").
_DENIABLE = frozenset({"NOUN", "PROPN"})


#: "no" (or "never any") right before a noun, or one word before it: "no zip", "never any man".
_DENIED_BEFORE = re.compile(r"\b(?:no|never (?:any|a|an)) (?:[\w-]+ )?$", re.IGNORECASE)


#: A clause joined to a denial that denies nothing itself.
_AFFIRMED_AFTER = re.compile(r",\s+and\s+(?!no\b|never\b|nobody\b|nothing\b|not\b)")
#: Where a clause that denies begins inside a sentence: ", and there was no …", "; there had never been …".
_LATER_DENIAL = re.compile(
    r"(?:,|;)\s+(?:and\s+|but\s+)?(?=there (?:was|were|had been|is|are) (?:never|no)\b)"
)


def _denied_nouns(f: SentenceFacts) -> tuple[CueSpan | None, set[str], set[str]]:
    """A denial that whole things of the story never were ("There was no wreck on the skerries and no
    survivor in the bothy"): its cue, the denied nouns, and every noun of the denying clause."""
    at = len(f.narration) - len(f.narration.lstrip())
    match = _structure("denial").match(f.narration, at)
    if match is None:
        # a denial in a clause of its own further on: "The form lay on the seat, blank, and there was no
        # rug, and no Sunday had come" (matched on the rest of the sentence: the pattern is anchored)
        later = _LATER_DENIAL.search(f.narration)
        at = later.end() if later else 0
        match = _structure("denial").match(f.narration[at:]) if later else None
    else:
        at = 0
    if match is None:
        return None, set(), set()
    start, end = at + match.start(), at + match.end()
    clause_end = len(f.narration)
    for stop in (";", ":", " but "):
        found = f.narration.find(stop, end)
        if found >= 0:
            clause_end = min(clause_end, found)
    # (a clause joined after it that denies nothing: "…, and no Saturday had come, and the lights went out")
    affirmed = _AFFIRMED_AFTER.search(f.narration, end)
    if affirmed is not None:
        clause_end = min(clause_end, affirmed.start())
    lo, hi = f.start + start, f.start + clause_end
    # (people denied by name too: "There was no Tomás, no Inês, no balcony")
    nouns = [(start, lemma) for start, _e, pos, lemma in f.tokens if pos in _DENIABLE and lo <= start < hi]
    denied = {lemma for start, lemma in nouns if _DENIED_BEFORE.search(f.narration[: start - f.start])}
    cue = CueSpan(f.index, lo, f.start + end, "reveal", "denied")
    return cue, denied, {lemma for _s, lemma in nouns}


#: Before a noun, an indefinite article that brings the thing in as there ("a gale throws a trawler onto
#: the rocks"), not as awaited ("waits for a letter").
_ARRIVES = re.compile(
    r"(?<!\bfor )(?<!\bexpects )(?<!\bwants )(?<!\bawaits )\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)


#: Paragraphs, at most, that a passage runs on past the last one naming what a denial denies.
TOLD_ON_PARAGRAPHS = 2


def _scene_told_on(
    facts: Sequence[SentenceFacts], last: int, own_first: int, narration: set[int], taken: set[int]
) -> int:
    """The passage ran on after its last named thing ("She came around the table and held him"), up to
    the paragraph that interrupted it, the one just before the denial's own ("“Aunty, how much for this
    one?”"): whole paragraphs of narration, :data:`TOLD_ON_PARAGRAPHS` at most."""
    paragraphs: list[tuple[int, int]] = []
    k = last + 1
    while k < own_first:
        bounds = _paragraph_bounds(facts, k)
        paragraphs.append((k, min(bounds[1], own_first - 1)))
        k = bounds[1] + 1
    for first, end in paragraphs[:-1][:TOLD_ON_PARAGRAPHS]:
        if any(j in taken or j not in narration or facts[j].heading for j in range(first, end + 1)):
            break
        last = end
    return last


def _denied_passage(
    facts: Sequence[SentenceFacts], r: int, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """The passage a denial at sentence ``r`` exposes, its cue the segment's only one: from the first
    sentence within :data:`DENIAL_REACH` before it that names a thing it denies (or a place it names with
    them) to the end of the paragraph of the last such sentence, outside the denial's own paragraph. Two
    or more of its nouns, one of them denied, must have been told of there; otherwise ``None``."""
    cue, denied, nouns = _denied_nouns(facts[r])
    if cue is None or not denied:
        return None
    own_first, _ = _paragraph_bounds(facts, r)
    told: dict[int, set[str]] = {}
    arrived: set[str] = set()  # denied things the text brought in as there: "finds a survivor"
    for j in range(own_first - 1, max(-1, own_first - 1 - DENIAL_REACH), -1):
        if j in taken:
            break
        if j not in narration:
            continue
        f = facts[j]
        named = {lemma for _s, _e, pos, lemma in f.tokens if pos in _DENIABLE} & nouns
        if named:
            told[j] = named
            arrived |= {
                lemma
                for start, _e, pos, lemma in f.tokens
                if pos in _DENIABLE and lemma in denied and _ARRIVES.search(f.narration[: start - f.start])
            }
    found = set().union(*told.values()) if told else set()
    if len(found) < 2 or not arrived:
        return None  # "waits for the last train … There was no train": only expected, never told as there
    first = min(told)
    last = min(_paragraph_bounds(facts, max(told))[1], own_first - 1)
    last = _scene_told_on(facts, last, own_first, narration, taken)
    while last > first and last not in narration:
        last -= 1
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], first, last, [cue])


def _called_out(f: SentenceFacts) -> bool:
    """A short call on its own that opens a paragraph — "Hello?", "Cut!" — calls someone back from a
    daydream (a weak reveal: it counts only if the passage before it shows signs of unreality). A line of
    an ordinary exchange ("Is Grandad coming to the concert?") is no call."""
    return f.call and f.paragraph_start


def _echoes(line: str, before: str) -> bool:
    """ "“…Pay your rent for a year.”" — "“Only a year?”": a short question that takes up a word (not a
    name) of the line of speech before it is a reply in the exchange, calling nobody back."""
    if not re.search(r"[\"“”]", before):
        return False
    said = set(re.findall(r"\b[a-z]{3,}\b", line))  # lower-case words: "Nell? Nell." calls her
    return bool(said & set(re.findall(r"\b[a-z]{3,}\b", before)))


#: A one-word prompt that asks for the next line of an exchange, calling nobody back ("Well?").
_PROMPT = re.compile(
    r"(?:well|so|and|yes|okay|ok|right|sorry|pardon|really|why|how|meaning)\?$", re.IGNORECASE
)


#: A short line that doubts what was just said, answering it ("You are sure?", "Are you serious?").
_DOUBTED = re.compile(r"\b(?:sure|certain|serious|seriously|kidding|joking|mean it)\W*$", re.IGNORECASE)


def _a_call(text: str, quoted: float) -> bool:
    """Speech alone, three words at most, asked or cried out ("Hello?", "Ruth? Ruth!", "Cut!"), or a line
    of any length that calls a daydreamer back ("Are you even listening?", "You were miles away")."""
    if quoted < 0.99:
        return False
    words = text.rstrip(" \"”’'")
    # "Hello?", "Cut!", "Nell? Nell." (not a prompt in an exchange: "Well?", "So?", "And?")
    short = (
        len(text.split()) <= 3
        and (words.endswith(("?", "!")) or bool(re.search(r"\w[?!]\s", words)))
        and not _PROMPT.match(text.strip(" \"“”‘’'"))
        and not _DOUBTED.search(text.strip(" \"“”‘’'"))
    )
    return short or bool(_structure("call_back").search(text))


_CLAUSE_FOLLOWS = re.compile(r"\b(?:that|she|he|they|i|we)$", re.IGNORECASE)
_PERSONAL = frozenset({"she", "he", "they", "i", "we", "you", "it"})
_RELATIVE = frozenset({"that", "which", "who", "whom"})


#: An opener that ends on the passage it shows ("…into a fantasy", "gives us her nightmare").
_PASSAGE_NOUN_END = re.compile(r"\b(?:fantasy|fantasies|daydream|reverie|vision|dream|nightmare)s?$")


#: Nouns of time that a clause may follow directly: "this time he tears up the note", "that night she…".
_TIME_NOUNS = frozenset({"time", "night", "day", "morning", "evening", "afternoon", "year", "week", "moment"})


def _framing(f: SentenceFacts, cue: CueSpan, cues: LayerCues) -> bool:
    """Whether the opener sentence itself is inside the passage (it tells some of it: "In a flashback,
    she…", "She dreams that the lake has drained") rather than only announcing it ("The film cuts back
    to that night.", "He escapes into the same recurring dream.")."""
    handover = _first_match(cues.signs.get("announce", ()), f, "open", "imagined")
    if handover is not None and handover.start >= cue.end:
        return False  # "Ros closes her eyes and the film abruptly changes colour.": it only announces
    if cue.start - f.start <= 3 and cue.end < f.end - 20:
        return True  # a framing adverbial: "Years earlier, …", "In a dream sequence, …"
    said = f.narration[cue.start - f.start : cue.end - f.start].lower()
    if not said.startswith("in ") and _PASSAGE_NOUN_END.search(said):
        return False  # "the camera follows that glance into a fantasy he has been polishing": a passage shown
    if _CLAUSE_FOLLOWS.search(f.narration[: cue.end - f.start]) and cue.end < f.end - 10:
        return True  # "she dreamed she was back at the beach house"
    rest = [
        (pos, lemma, f.narration[start - f.start : end - f.start].lower())
        for start, end, pos, lemma in f.tokens
        if start >= cue.end
    ]
    for n, (pos, lemma, word) in enumerate(rest):
        contact = (
            pos == "PRON" and word in _PERSONAL and rest[n - 1][1] not in _TIME_NOUNS
        )  # not "this time he"
        if (word in _RELATIVE or contact) and n and rest[n - 1][0] == "NOUN":
            # "lets herself picture the visit that never came", "the speech he would give": the verb
            # tells of the thing
            return False
        if pos == "VERB" and lemma not in cues.telling_verbs and lemma not in ("fill", "have"):
            return True
        # a subject as written: "she dreamed she was…", not the object of "the film lets us watch"
        person = pos == "PROPN" or (pos == "PRON" and word in _PERSONAL)
        if person and any(p in ("AUX", "VERB") for p, _l, _w in rest[n + 1 : n + 3]):
            return True  # "she dreamed she was back at the beach house"
    return False


# --- passages -----------------------------------------------------------------------------------


def _paragraph_bounds(facts: Sequence[SentenceFacts], i: int) -> tuple[int, int]:
    first = i
    while first > 0 and facts[first - 1].paragraph == facts[i].paragraph:
        first -= 1
    last = i
    while last + 1 < len(facts) and facts[last + 1].paragraph == facts[i].paragraph:
        last += 1
    return first, last


def _opened_passage(
    facts: Sequence[SentenceFacts],
    i: int,
    cue: CueSpan,
    narration: set[int],
    cues: LayerCues,
    framing: bool | None = None,
) -> SegmentSpan | None:
    kind = cue.kind
    after_cue = facts[i].narration[cue.end - facts[i].start :]
    if cue.role == "open?" and any(p.search(after_cue) for p in cues.close.get(kind, ())):
        return None  # "they fall asleep, awakening to find themselves locked in": over in one sentence
    if cue.role == "open?" and cues.asleep_in_passing.search(
        facts[i].narration[: cue.start - facts[i].start]
    ):
        return None
    if framing is None:
        framing = _framing(facts[i], cue, cues)
    if not framing and facts[i].narration[cue.start - facts[i].start :].lower().startswith("in "):
        return None  # "…the song from the night, as in his fantasy": a phrase in passing opens nothing
    first = i if framing else i + 1
    cue_list = [cue]
    last = None
    own_closers = cues.close.get(kind, ())
    para_last = _paragraph_bounds(facts, i)[1]
    replay = cue.role == "open!" and _replays(facts, i, narration, cues)
    setting = _setting(facts[i], cue) if kind in ("imagined", "dream") and cue.role == "open" else None
    # whether a sentence of the passage so far names that place (the opener names it, when it is in it)
    setting_named = setting is not None and first == i and i in narration
    reach = MAX_UNCLOSED if cue.role == "open!" and not replay else MAX_PASSAGE
    for j in range(i + 1, min(len(facts), i + 1 + reach)):
        f = facts[j]
        if f.heading and (kind != "dream" or _structure("back_heading").match(f.narration.strip())):
            if kind == "dream" and cue.role == "open":
                last = j - 1  # "## The real ending": the dream the article told ends above it
            break
        if j not in narration:
            continue
        beyond = j > para_last + 1  # a reveal often opens the next paragraph
        if beyond:
            closer = _first_match(own_closers, f, "close", kind)
        elif j == first and first > i and kind in UNREAL:
            # the first thing pictured after "she lets herself picture the visit" is no interruption of it
            # ("Henrique knocks at her door…")
            closer = _first_match_in([own_closers, cues.reveals, cues.close.get("any", ())], f, "close", kind)
        elif cue.role == "open!" and not replay:
            closer = _strong_closer(f, cues)
        else:
            closer = _closer(f, kind, cues)
        names_setting = setting is not None and j >= first and bool(setting.search(f.narration))
        if closer is None and names_setting and j > first and not setting_named:
            # the place the picturing began comes back after the passage kept away from it
            closer = CueSpan(j, f.start, f.end, "close", kind)  # "The tram brakes hard at the depot"
        setting_named = setting_named or names_setting
        if closer is None and kind == "dream" and cue.role == "open" and j <= para_last + 1:
            # "Anton dreams that…" … "In the morning…"; not "passes out" … "The next morning" (a real night)
            closer = _first_match(_structure_list("morning"), f, "close", kind)
        if closer is not None:
            cue_list.append(closer)
            last = j - 1
            break
        opener = _opener(f, cues)
        if opener is not None and opener.kind == kind and j <= para_last:
            continue  # "She was young in the dream": the same dream, told on
        if opener is not None and opener.role in ("open", "open!"):
            last = j - 1 if j <= para_last + 1 else para_last
            if (
                first > para_last and cue.role == "open"
            ):  # an announcement closing its paragraph: the next one
                last = min(j - 1, _paragraph_bounds(facts, first)[1])
            break
    if last is None and cue.role == "open!" and _replays(facts, i, narration, cues):
        last = _paragraph_bounds(facts, i)[1]  # "The film cuts back to that night. This time he…"
    if last is None and cue.role in ("open?", "open!"):
        return None
    if kind == "dream" and any(
        _structure("no_dream").search(facts[k].narration) for k in range(i, min(len(facts), (last or i) + 2))
    ):
        return None  # "She sleeps soundly and without dreaming, and wakes at six"
    if (
        kind == "dream"
        and cue.role == "open?"
        and last is not None
        and last + 1 < len(facts)
        and _structure("slept_for").search(facts[last + 1].narration)
    ):
        return None  # "Bobby passes out in the rain." … "He wakes up a few hours later": out, not dreaming
    one_sentence = first == i and last == i
    if cue.role == "open?" and kind == "dream" and one_sentence and not _GOES_ON.search(after_cue):
        # "Pops falls asleep in the armchair." — "He comes round at the whistle": no dream told (unlike "falls
        # asleep at the table, and the image bleeds into amber")
        return None
    if last is not None and last < first and kind == "dream":
        # "She falls asleep." — "She wakes up in a farmhouse…": the dream world runs to the next waking;
        # any other closer right after falling asleep ("Then the song fades.") leaves nothing between
        if _first_match(cues.close.get("dream", ()), facts[last + 1], "close", "dream") is None:
            return None
        return _opened_passage(facts, last + 1, cue_list[-1], narration, cues, framing=True)
    cue_list[0] = CueSpan(cue.sentence, cue.start, cue.end, "open", cue.kind)
    opening_phrase = facts[i].narration[cue.start - facts[i].start : cue.end - facts[i].start].lower()
    if last is None and kind == "dream" and first == i and not opening_phrase.startswith("in "):
        # "she has a dream that…" and nothing wakes her: the dream is told in that sentence (but "In the
        # dream Albert is out of bed." goes on to the end of its paragraph)
        last = i
    if last is None:
        last = min(_paragraph_bounds(facts, i)[1], max(first, i) + MAX_UNCLOSED - 1)
        if first > last:  # an announcement closing its paragraph: the passage is the next paragraph
            last = _paragraph_bounds(facts, first)[1] if first < len(facts) else last
        if kind in ("imagined", "dream"):
            last = _present_run(facts, i, first, last, narration)
    while first <= last and first not in narration:
        first += 1
    if first > last:
        return None
    return SegmentSpan(kind, _SEGMENT_KIND[kind], first, last, cue_list)  # type: ignore[arg-type]


#: The sentence goes on past its cue with a clause of its own: ", and the image bleeds into amber".
_GOES_ON = re.compile(r"(?:,|;) ?(?:and|then|as|while|where|until)\b|; ")


#: Where the one who pictures or dreams is: "On the night tram home she closes her eyes and…" (tram).
_SETTING = re.compile(
    r"\b(?i:on|in|at|aboard|inside|by) (?:the|her|his|their|its|a|an) (?:[\w-]+ ){0,2}?([a-z]+)"
    r"(?= (?:home|alone|again)\b|[ ,;](?:she|he|they|[A-Z])| ?,)"
)


def _setting(f: SentenceFacts, cue: CueSpan) -> re.Pattern[str] | None:
    """The place the opener sentence puts the one who pictures or dreams, before the cue, as a pattern
    that finds it named again ("tram", "trams")."""
    m = _SETTING.search(f.narration[: cue.start - f.start])
    return re.compile(rf"\b{re.escape(m.group(1))}s?\b", re.IGNORECASE) if m else None


#: A line of speech that calls someone by name alone ("Jess.", "Jess, love.", "Tomasz!").
_NAME_CALL = re.compile(r"^[\"“‘']?[A-Z][\w’'-]+(?:, \w+)?[.!?]+[\"”’']?$")


def _present_run(facts: Sequence[SentenceFacts], i: int, first: int, last: int, narration: set[int]) -> int:
    """The last sentence of an unclosed passage opened at ``i`` (its paragraph ends at ``last``).

    A story told in the past that tells what someone imagines in the present ("She let herself imagine
    it. The phone buzzes and the screen says Congratulations…") goes on imagining, across paragraphs
    and lines of speech, until the narration is in the past again ("Dad had his hand on her shoulder")
    or someone calls the dreamer by name ("Jess. Jess, love.")."""
    before = [facts[j].tense for j in range(max(0, i - 12), i) if j in narration and facts[j].tense]
    inside = [facts[j].tense for j in range(first, last + 1) if j in narration and facts[j].tense]
    if before.count("past") < 3 or before.count("present") > 1:
        return last
    if inside.count("present") < 2 or "past" in inside:
        return last
    j = last + 1
    while j < len(facts) and j - first < MAX_PASSAGE:
        f = facts[j]
        if f.heading or f.meta or f.tense == "past":
            break
        if f.quoted >= 0.99 and _NAME_CALL.match(f.spoken.strip()):
            break
        j += 1
    return j - 1


def _replays(facts: Sequence[SentenceFacts], i: int, narration: set[int], cues: LayerCues) -> bool:
    """Whether the sentence before ``i`` takes the story back to an earlier moment, which the contrast
    opener at ``i`` then changes."""
    before = next((j for j in range(i - 1, -1, -1) if j in narration), None)
    if before is None:
        return False
    return _first_match(cues.open.get("flashback", ()), facts[before], "open", "flashback") is not None


def _start_cue(f: SentenceFacts, cues: LayerCues) -> CueSpan | None:
    for kind in ("transition", "counterfactual"):
        cue = _first_match(cues.signs.get(kind, ()), f, "contrast", kind)
        if cue is not None:
            return cue
    return None


#: Words, at most, of the beat that opens a paragraph returning to reality ("Then the rain hits the lens.").
BEAT_WORDS = 8


def _opens_on_a_jolt(facts: Sequence[SentenceFacts], k: int) -> int | None:
    """The first sentence of the paragraph of sentence ``k``, when it is a short beat that jolts ("Something
    is tapping Sol's knee.") and the paragraph is short talk and narration after it; else None."""
    for _step in range(JOLT_PARAGRAPHS):
        first, last = _paragraph_bounds(facts, k)
        f = facts[first]
        if first == 0 or last - first > 2:
            return None
        if len(f.narration.split()) <= BEAT_WORDS and _structure("jolt").search(f.narration):
            return first
        if any(facts[j].quoted < 0.3 for j in range(first, last + 1)):
            return None  # (only a paragraph of talk lies between the jolt and the reveal)
        k = first - 1
    return None


#: Paragraphs, at most, from the jolt that opens a return to the reveal after it.
JOLT_PARAGRAPHS = 2


def _jolt_line(facts: Sequence[SentenceFacts], k: int) -> bool:
    """Sentence ``k`` is a short paragraph of its own that jolts ("The clock above the kiosk says 10.14.")."""
    f = facts[k]
    alone = f.paragraph_start and (k + 1 >= len(facts) or facts[k + 1].paragraph_start)
    return alone and len(f.narration.split()) <= BEAT_WORDS and bool(_structure("jolt").search(f.narration))


#: Sentences, at most, between a reveal and the passage it exposes that may tell the return from it ("A
#: bell did ring, but it was… Funmi looked up. The basin was still beside her… Her phone lay face down…").
RETURN_REACH = 4


def _revealed_passage(
    facts: Sequence[SentenceFacts],
    r: int,
    reveal: CueSpan,
    narration: set[int],
    taken: set[int],
    cues: LayerCues,
) -> SegmentSpan | None:
    """The passage a reveal at sentence ``r`` exposes, bounded by its paragraph and by start cues."""
    if r - 1 in taken:
        return None
    end = r - 1
    returned = None
    for k in range(r - 1, max(-1, r - 1 - RETURN_REACH), -1):
        if k in taken:
            return None
        cut = facts[k].paragraph_start and _structure("scene_cut").search(facts[k].narration.lstrip())
        if k == end and (facts[k].call or _jolt_line(facts, k) or cut):
            # "“Dee?”" / "The clock above the kiosk says 10.14." — "Graham is peering up at her…": a call
            # or a jolt on a line of its own just before the reveal is part of the return
            end = k - 1
            continue
        if facts[k].paragraph != facts[r].paragraph:
            break
        if _ends_sequence(facts[k], cues) or any(p.search(facts[k].narration) for p in cues.returns):
            end = k - 1  # "Then a hand shakes her shoulder. It is the Admiral. The reunion was a dream."
            if _structure("posture").search(facts[k].narration) or _structure("snapped_back").search(
                facts[k].narration
            ):
                returned = k  # "Nora is still at her own desk", "We are inside the capsule again"
    reveal_first, _ = _paragraph_bounds(facts, r)
    if reveal_first < r and _structure("name_call").match(facts[reveal_first].spoken or ""):
        # "“Han.” Owen, not looking up from his phone. “Mum's asking if you want gravy. Third time.”": the
        # paragraph that gives the scene away opens on the call that brought her back, after any jolt
        end = min(end, reveal_first - 1)
        if (
            end >= 0
            and facts[end].paragraph_start
            and facts[end].quoted < 0.3
            and (len(facts[end].narration.split()) <= BEAT_WORDS)
        ):
            end -= 1  # "Something hard hit my shin."
    if returned is None and reveal_first < r and _structure("unmoved").search(facts[r].narration):
        # "The lanyard was round my neck. I could feel the card …, warm from a woman who had not moved an
        # inch.": the reveal finds someone unmoved, and the beats before it in its paragraph are the return
        returned = r
        if reveal_first > 0 and _a_question_put(facts, reveal_first - 1):
            # "“So is that a yes?”" on its own just before: the question the daydreamer never answered
            reveal_first = _paragraph_bounds(facts, reveal_first - 1)[0]
            end = min(end, reveal_first - 1)
    if returned is not None and all(
        (
            len(facts[k].narration.split()) <= BEAT_WORDS
            or _structure("beat").match(facts[k].narration.lstrip())
        )
        and _start_cue(facts[k], cues) is None
        for k in range(reveal_first, returned)
    ):
        # "The kettle clicks off. Nora is still at her own desk… The whole confrontation has been a
        # rehearsal": the beats before the return in the reveal's paragraph belong to the return
        end = min(end, reveal_first - 1)
    if (
        reveal_first <= end
        and _structure("beat").match(facts[reveal_first].narration.lstrip())
        and all(
            # (however long the beat, when the reveal is a line said to the one who was away: "Then
            # Havildar Gurung is crouching by Pell's blanket with a mess tin of tea." — "“All night you
            # are counting.”")
            (len(facts[k].narration.split()) <= BEAT_WORDS or facts[r].quoted >= 0.5)
            and _start_cue(facts[k], cues) is None
            for k in range(reveal_first, end + 1)
        )
    ):
        # "Then the rain hits the lens. Kovač cuts back to the street corner…": a short beat opening the
        # paragraph that returns to reality belongs to that return
        end = reveal_first - 1
    elif (
        reveal_first <= end
        and reveal_first > 0
        and (
            _structure("beat").match(facts[reveal_first].narration.lstrip())
            or len(facts[reveal_first].narration.split()) <= BEAT_WORDS  # "The ferry's horn sounds twice."
            or _structure("heard").search(facts[reveal_first].narration)  # "…, and behind it we hear a cough"
        )
        and _structure("jolt").search(facts[reveal_first].narration)
    ):
        # "Then the coach brakes hard, his forehead bumps against the window…  He has been asleep since
        # Leicester.": a jolt opening the paragraph of the reveal is the return, however long
        end = reveal_first - 1
    if reveal_first <= end < r and _structure("arrival").search(facts[reveal_first].narration.lstrip()):
        # "It was Carol who came to fetch him, … By the time she reached the floor the song had finished":
        # someone arriving from outside opens the return
        end = reveal_first - 1
    if reveal_first <= end and reveal_first > 0 and _jolt_line(facts, reveal_first - 1):
        # "The kettle clicked off." on a line of its own, then the reveal's paragraph: the jolt and all of
        # that paragraph are the return
        end = reveal_first - 2
    elif (
        reveal_first == r == end + 1
        and r > 0
        and reveal.kind != "called"  # (a call is itself the jolt: "Kit rang him." — "“Well, Kitkat?”")
        and (woken := _opens_on_a_jolt(facts, r - 1))
    ):
        # "Something is tapping Sol's knee. It is Precious, … “You were commentating,” …" — then the reveal's
        # paragraph: the paragraph before it that opens on a jolt is the return
        end = woken - 1
    if reveal_first <= end < reveal_first + 2 and reveal_first > 0:
        # "“Nell? Nell. Your screen's gone to sleep.” / Biscuit was leaning over the partition. My chair
        # was exactly where it had been": a paragraph of speech opening on a call, right before the
        # reveal's paragraph, starts the return
        called_first, _ = _paragraph_bounds(facts, reveal_first - 1)
        if _structure("name_call").match(facts[called_first].spoken or "") and all(
            facts[k].quoted >= 0.5 for k in range(called_first, reveal_first)
        ):
            end = called_first - 1
    if reveal_first <= end and _after_back_heading(facts, reveal_first):
        end = reveal_first - 1  # "## Back in the kitchen / The kettle clicks off. Dec is still sitting…"
    if end >= 0 and facts[end].paragraph != facts[r].paragraph:
        # "Spud jabs me and the bus station is just the bus station again. I do that sometimes." — "The
        # real bus is late.": a paragraph that opens by snapping back is reality; the passage is before it
        para_first, _ = _paragraph_bounds(facts, end)
        opening = facts[para_first]
        if (
            para_first > 0
            and _structure("snapped_back").search(opening.narration)
            and _start_cue(opening, cues) is None
        ):
            end = para_first - 1
    bridged = False
    while end >= 0 and end not in narration:
        if end in taken:
            return None
        if facts[end].heading and not _an_advert(facts[end]):  # ("Advertisement" is no section)
            # "## So none of it happened?": an article's heading that asks whether the sequence above it
            # was real joins the sequence to the explanation below; any other heading ends the search
            # "## What the rescue team found / …finds her talking to the empty sleeping bag": a strong reveal
            # that opens its section looks back across the heading, as a question about reality does
            opens_section = end == r - 1 and any(
                _first_match(patterns, facts[r], "reveal", kind) is not None
                for kind, patterns in cues.reveal.items()
            )
            if bridged or not (_asks_about_reality(facts[end], cues) or opens_section):
                return None
            bridged = True
        end -= 1
    if end < 0 or end in taken:
        return None
    para_first, _ = _paragraph_bounds(facts, end)
    first = para_first
    cue_list = [reveal]
    opened = False  # a start cue or a hand-over says where the passage begins
    for j in range(end, para_first - 1, -1):
        if j in taken or (j < end and _closes(facts[j], cues) and not _strong_reveal(facts[j], cues)):
            first = j + 1  # "She opened her eyes. The car had stopped…": what follows a waking is real
            break
        start = _start_cue(facts[j], cues)
        if start is not None:
            first, opened = j, start.kind != "moment"  # "That night…" opens a moment, not surely the passage
            cue_list.insert(0, start)
            break
        handover = _first_match(cues.signs.get("announce", ()), facts[j], "open", "imagined")
        if handover is not None and j < end:
            first, opened = j + 1, True  # "…, and the film dissolves into his telling.": it starts after it
            cue_list.insert(0, handover)
            break
    night = (
        _night_start(facts, first, taken, cues)
        if reveal.kind == "dream"
        and len(cue_list) == 1
        and (_structure("woke").match(facts[r].narration.lstrip()) or _a_waking(facts[r], reveal, cues))
        else None
    )
    moment = _moment_start(facts, first, end, cues) if len(cue_list) == 1 and night is None else None
    if night is not None:
        first = night.sentence  # "That night Ollie went down to the harbour…" … "Ollie woke"
        cue_list.insert(0, night)
    elif moment is not None:
        first = moment.sentence  # "On the morning of the audit, Nora walks into Harrow's office…"
        cue_list.insert(0, moment)
    elif len(cue_list) == 1 and _rehearsed(facts, r, cues):
        first = _scene_start(facts, first, narration, taken, cues)
    elif len(cue_list) == 1:
        first = _where_it_left(facts, r, first, taken, cues)
        if not _starts_on_narration(facts, first):
            first = min(first, _back_among_things(facts, r, first, taken))
        if first < end and _structure("fixed_gaze").search(facts[first].narration):
            first += (
                1  # "…, Declan stares at the number pinned to Lund's back": the look is real, then it goes
            )
    undone = None if opened else _undone_earlier(facts, r, first, taken)
    if undone is not None:
        first = undone  # "signs the forms" … "The forms are still in her handbag, unsigned": from there on
    if any(_strong_reveal(facts[j], cues) for j in range(first, end + 1) if j in narration):
        return None  # the words between two reveals are the first reveal's aftermath
    while first <= end and first not in narration:
        first += 1
    if first > end or first == 0:
        return None
    if (
        _a_claim_called_a_lie(facts, r, reveal, first, end)
        or _a_claim_just_told(facts, r, reveal)
        or _a_belief_corrected(facts, r, reveal, first, end)
        or (reveal.kind == "dream" and _a_night_passed(facts, r, first, end))
    ):
        return None
    layer: Layer = reveal.kind if reveal.kind in ("dream", "alternate") else "imagined"  # type: ignore[assignment]
    return SegmentSpan(layer, _SEGMENT_KIND[layer], first, end, cue_list)


def _a_claim_called_a_lie(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, first: int, end: int
) -> bool:
    """ "Nan says she has already had her lunch. This is a lie": what is called a lie is what someone
    said, and their saying it really happened; only narration told as fact can be exposed."""
    said = facts[r].narration[reveal.start - facts[r].start : reveal.end - facts[r].start]
    if not re.search(r"\bl(?:ie|ies|ied|ying)\b", said, re.I):
        return False
    return all(_structure("reported_claim").match(facts[j].narration.lstrip()) for j in range(first, end + 1))


def _a_return(f: SentenceFacts, cues: LayerCues) -> bool:
    """The sentence opens on a beat ("And then the little girl starts crying") or tells of a jolt or of
    someone still where they were: the way back from a passage, not more of it."""
    text = f.narration.lstrip()
    return bool(
        _structure("beat").match(text)
        or _structure("jolt").search(text)
        or _structure("still_there").search(text)
        or any(p.search(text) for p in cues.returns)
    )


#: Sentences, at most, between an opened passage and a reveal that confirms it.
CONFIRM_REACH = 4


def _opened_just_before(passages: Sequence[SegmentSpan], r: int) -> SegmentSpan | None:
    """An unreal passage opened by a cue, closed by none, that ends at most :data:`CONFIRM_REACH`
    sentences before ``r`` (any reveal of it so far between the two: "So the boatyard life was only ever
    Hanna's. What really happened … is that…")."""
    for seg in passages:
        if (
            seg.layer in UNREAL
            and 0 < r - seg.last <= CONFIRM_REACH
            and seg.cues
            and seg.cues[0].role == "open"
            and not any(c.role == "close" for c in seg.cues)
            and all(seg.last < c.sentence < r for c in seg.cues if c.role == "reveal")
        ):
            return seg
    return None


#: A claim reported in the sentence: "…and tells her that she has already been promoted".
_CLAIM_THAT = re.compile(
    r"\b(?:tells?|told|says?|said|claims?|claimed|insists?|insisted|swears?|swore|assures?|assured|"
    r"writes?|wrote|boasts?|boasted|promises?|promised)(?: [^;:!?]{1,50}?,?)? that\b",
    re.IGNORECASE,
)


def _a_claim_just_told(facts: Sequence[SentenceFacts], r: int, reveal: CueSpan) -> bool:
    """ "…and tells her that she has already been promoted. None of that is true", "he tells Mr. Vartak,
    the groom's uncle, that he has shot three weddings… Every word is false": a verdict on truth right
    after a reported claim is about the claim, which was only said."""
    said = facts[r].narration[reveal.start - facts[r].start : reveal.end - facts[r].start]
    if not re.search(r"\b(?:true|untrue|false|l(?:ie|ies|ied|ying))\b", said, re.IGNORECASE):
        return False
    before = facts[r - 1] if r > 0 else None
    return (
        before is not None
        and before.paragraph == facts[r].paragraph
        and _CLAIM_THAT.search(before.narration) is not None
    )


def _a_night_passed(facts: Sequence[SentenceFacts], r: int, first: int, end: int) -> bool:
    """A waking that ends a stretch of real days, not a dream: the waking only times what comes next
    after a stretch that moved on to another day ("That night they meet at a tavern… The next evening
    she finds a flower taped to her mailbox… When she wakes up, she has second thoughts"), or it comes
    hours after someone passed out ("He wakes up a few hours later and finds his brother there")."""
    waking = facts[r].narration.lstrip()
    if _structure("slept_for").search(waking):
        return True
    # the waking only sets the time of what comes next ("When she wakes up, she calls him"), and nothing
    # about it says the passage was unreal ("Peg wakes in the armchair with the record still hissing")
    if not _WAKING_CLAUSE.match(waking) or re.search(r"\bstill\b", waking, re.IGNORECASE):
        return False
    days_pass = _structure("days_pass")
    return any(days_pass.search(facts[j].narration.lstrip()) for j in range(first + 1, end + 1))


_WAKING_CLAUSE = re.compile(
    r"^(?:when|after|once|as soon as) [^,;.]{0,40}?\b(?:wakes|woke|awakes|awoke)\b", re.IGNORECASE
)


#: What someone said, learnt or took to be so, told as such: "a woman informs them that Mary Ann is
#: dead", "the tests prove negative", "he believes that the house is empty".
_BELIEF = re.compile(
    r"\b(?:informs?|informed|tells?|told|says?|said|claims?|claimed|insists?|insisted|assures?|assured"
    r"|believes?|believed|thinks?|thought|assumes?|assumed|is convinced|was convinced|suspects?|suspected"
    r"|proves?|proved|appears?|appeared|seems?|seemed|pretends?|pretended|is told|are told|was told"
    r"|were told|is led to believe|learns?|learned|learnt)\b",
    re.IGNORECASE,
)
_CORRECTION = re.compile(r"^(?:but |and )?(?:in reality|in fact|in truth|actually)\b", re.IGNORECASE)


def _a_belief_corrected(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, first: int, end: int
) -> bool:
    """ "At the colony a woman informs them that Mary Ann is dead. In reality, she is their mother": a
    synopsis setting right what a character said or took to be so. The one sentence before it, which
    tells of the saying or the belief, really happened; only its content was false."""
    if first != end or end != r - 1 or not _CORRECTION.match(facts[r].narration.lstrip()):
        return False
    return _BELIEF.search(facts[end].narration) is not None


def _a_question_put(facts: Sequence[SentenceFacts], k: int) -> bool:
    """Sentence ``k`` ends a paragraph of speech alone that puts a question ("“So is that a yes? Only I
    need it by four.”")."""
    first, last = _paragraph_bounds(facts, k)
    return (
        last == k
        and all(facts[j].quoted >= 0.9 for j in range(first, last + 1))
        and any("?" in facts[j].spoken for j in range(first, last + 1))
    )


def _an_advert(f: SentenceFacts) -> bool:
    """Page furniture set like a heading ("Advertisement", "Read more: …"), not a section of the text."""
    return is_furniture(f.narration, furniture_patterns().block)


_REALITY_QUESTION = re.compile(
    r"\b(?:real|really|happen\w*|dream\w*|imagin\w*|fantas\w*|true|actual\w*)\b", re.I
)


def _after_back_heading(facts: Sequence[SentenceFacts], i: int) -> bool:
    """Whether sentence ``i`` comes right after a heading that takes the text back to the real scene
    (furniture between them aside)."""
    j = i - 1
    while j >= 0 and facts[j].meta and not facts[j].heading:
        j -= 1
    return j >= 0 and facts[j].heading and bool(_structure("back_heading").match(facts[j].narration.strip()))


def _asks_about_reality(f: SentenceFacts, cues: LayerCues) -> bool:
    """A heading that asks whether what came before was real ("Wait, was any of that real?") or that
    brings the text back to it ("Back in the kitchen", "Back to reality")."""
    text = f.narration.strip().rstrip("*_ ")
    if _structure("back_heading").match(text):
        return True
    return (text.endswith("?") and bool(_REALITY_QUESTION.search(text))) or _strong_reveal(f, cues)


def _a_waking(f: SentenceFacts, reveal: CueSpan, cues: LayerCues) -> bool:
    """The reveal is a sign of waking of the dream closers ("with the cushion's pattern pressed into her
    cheek", "Nan stirs in her armchair"): like "she woke", it ends a night's dream."""
    said = f.narration[reveal.start - f.start : reveal.end - f.start]
    if _structure("no_dream").search(f.narration):
        return False  # "She sleeps soundly and without dreaming, and wakes at six"
    return any(p.search(said) for p in cues.close.get("dream", ()))


def _strong_reveal(f: SentenceFacts, cues: LayerCues) -> bool:
    cue, weak = _reveal(f, cues)
    return cue is not None and not weak


def _moment_start(facts: Sequence[SentenceFacts], first: int, end: int, cues: LayerCues) -> CueSpan | None:
    """The last sentence from ``first`` to ``end`` that opens on a new moment."""
    for j in range(end, first - 1, -1):
        cue = _first_match(cues.signs.get("scene_time", ()), facts[j], "contrast", "moment")
        if cue is not None:
            return cue
    return None


#: Sentences, at most, before a passage's start that a reveal may show undone.
UNDONE_REACH = 8
_UNDONE = re.compile(r"\bun(?P<verb>[a-z]{3,})(?:ed|en)\b")


def _undone_earlier(facts: Sequence[SentenceFacts], r: int, first: int, taken: set[int]) -> int | None:
    """Where a passage began when the reveal shows undone a thing a sentence before ``first`` did
    ("Kerrow … signs the forms" … "The forms are still in her handbag, unsigned"): the start of that
    sentence's paragraph, which the passage must hold. None when no such sentence lies within reach."""
    f = facts[r]
    nouns = {lemma for _s, _e, pos, lemma in f.tokens if pos == "NOUN"}
    undone = {m["verb"] for m in _UNDONE.finditer(f.narration.lower())}
    if not undone or not nouns:
        return None
    for j in range(first - 1, max(-1, first - 1 - UNDONE_REACH), -1):
        if j in taken or facts[j].heading or facts[j].meta:
            return None
        # (a verb, or a verb the tagger took for a noun: "reads the plans and stamps the application")
        verbs = {lemma for _s, _e, pos, lemma in facts[j].tokens if pos in ("VERB", "NOUN")}
        shared = nouns & {lemma for _s, _e, pos, lemma in facts[j].tokens if pos == "NOUN"}
        done = any(
            lemma.startswith(stem) or (len(lemma) >= 3 and stem.startswith(lemma))
            for lemma in verbs
            for stem in undone
        )
        if not done and len(shared) >= 2:
            return None  # "Ines sits on the harbour wall with the contract": where the real line left off
        if done and shared:
            k = j
            while k > 0 and not facts[k].paragraph_start and k - 1 not in taken:
                k -= 1
            going = word_set("layers", "going_verbs")
            for m in range(k, j):  # "drives to Truro with the forms. At the building society…": she went
                if any(pos == "VERB" and lemma in going for _s, _e, pos, lemma in facts[m].tokens):
                    k = m + 1
            return k
    return None


def _rehearsed(facts: Sequence[SentenceFacts], r: int, cues: LayerCues) -> bool:
    """The reveal's paragraph says the scene was rehearsed or run through in the head."""
    first, last = _paragraph_bounds(facts, r)
    near = range(max(first, r - 2), min(last, r + 2) + 1)
    return any(any(_matches(cues.rehearsal, facts[j])) for j in near)


#: "Ollie woke with the duvet knotted round his legs": a sentence that opens on someone waking (not "As
#: they begin the robbery, Meg wakes up and sees them", an event of the night itself).

#: Sentences, at most, a waking reaches back for the night scene it ends.
NIGHT_REACH = 20


def _night_start(
    facts: Sequence[SentenceFacts], first: int, taken: set[int], cues: LayerCues
) -> CueSpan | None:
    """The paragraph start, from ``first`` back, that opens a night scene ("That night…", "went up to
    bed"): where a dream a waking exposes began. None when no such start lies within reach."""
    night = cues.signs.get("night", ())
    for j in range(first, max(-1, first - NIGHT_REACH), -1):
        f = facts[j]
        if j in taken or f.heading or f.meta:
            return None
        if f.paragraph_start and f.quoted < 0.5:
            cue = _first_match(night, f, "open", "night")
            if cue is not None:
                return cue
    return None


def _scene_start(
    facts: Sequence[SentenceFacts], first: int, narration: set[int], taken: set[int], cues: LayerCues
) -> int:
    """Walk back over the scene's paragraphs to the sentence that sets it up, a heading, a passage
    already found, or the start of the text. A scene played out in the head is dialogue: short paragraphs;
    a long paragraph of plot summary is not part of it."""
    j = first - 1
    while j >= 0:
        f = facts[j]
        para_first, para_last = _paragraph_bounds(facts, j)
        size = para_last - para_first + 1
        spoken = sum(facts[k].quoted for k in range(para_first, para_last + 1)) / size
        if para_last == j and size > SCENE_PARAGRAPH and spoken < 0.4:
            return j + 1
        if j in taken or f.heading or f.meta:
            return j + 1
        if any(_matches(cues.setup, f)):
            return j + 1
        if f.paragraph_start and j in narration and _first_match(cues.signs.get("transition", ()), f, "", ""):
            return j
        j -= 1
    return min(narration) + 1 if narration else first  # the text's first line sets the scene


#: Sentences, at most, a reveal that returns to a place reaches back for the sentence that left it.
RETURN_REACH = 15


def _where_it_left(
    facts: Sequence[SentenceFacts], r: int, first: int, taken: set[int], cues: LayerCues
) -> int:
    """For a reveal that returns to a place ("finds himself once more on the cross"), the start of the
    passage: after the last sentence from ``first`` on that names the place, else the nearest earlier
    sentence that tells of leaving it ("brings him down off the cross"), else the sentence after the last
    one that names it. Otherwise, or if no sentence within
    :data:`RETURN_REACH` names the place, ``first`` as it was."""
    # the reveal, or the sentences just before it that show the real scene again ("The film then returns
    # to the departure gate, … she has not moved from her seat.")
    # (or, after an interruption, the sentences right after it that confirm it: "Someone rapped on the car
    # window. … the engine was still running")
    near = list(range(r, max(first - 1, r - 3), -1))
    if _reveal(facts[r], cues)[1]:
        near += range(r + 1, min(len(facts), r + 1 + UNCHANGED_REACH))
    place = next(
        (
            m["place"].lower()
            for k in near
            for p in cues.returned_to
            if (m := p.search(facts[k].narration)) and m.groupdict().get("place")
        ),
        None,
    )
    if place is None:
        return first
    opening = facts[first].narration.lstrip()
    short = len(opening.split()) <= BEAT_WORDS
    if facts[first].paragraph_start and short and first + 1 < r and _structure("beat").match(opening):
        # "Then comes Saturday. Kirsty flags down his cab…": a paragraph that opens on a short beat
        # starts the passage after it, whatever the place was called before
        return first + 1
    named = re.compile(rf"\b{re.escape(place)}\b", re.IGNORECASE)
    inside = [j for j in range(first, r - 1) if named.search(facts[j].narration)]
    if inside:
        return inside[-1] + 1  # "Ines sits on the harbour wall. The film then follows her to Rotterdam…"
    leaving = re.compile(rf"\b(?:{cues.leaving})\b[^.;]{{0,24}}\b{re.escape(place)}\b", re.IGNORECASE)
    last_there: int | None = None
    for j in range(first - 1, max(-1, first - 1 - RETURN_REACH), -1):
        f = facts[j]
        if j in taken or f.heading or f.meta:
            break
        if leaving.search(f.narration):
            return j
        if last_there is None and named.search(f.narration):
            last_there = j + 1
    if last_there is None:
        return first
    # "…with the engine running. The letter was in his pocket. … He got out, crossed the yard": the
    # passage starts where someone leaves, after the last sentence there
    stepping = _structure("steps_out")
    return next((j for j in range(last_there, first) if stepping.search(facts[j].narration)), last_there)


def _starts_on_narration(facts: Sequence[SentenceFacts], first: int) -> bool:
    """Whether the passage so far starts with narration of its own (not lines of speech alone): a
    paragraph of talk is the middle of a scene, whose start lies further back."""
    return first < len(facts) and facts[first].quoted < 0.3


#: Nouns too common to mark the real scene a reveal returns to ("her hand", "that night").
_EVERYWHERE = frozenset(
    {
        *("time", "way", "thing", "moment", "minute", "hour", "day", "night", "year", "week", "morning"),
        *("hand", "hands", "eye", "eyes", "face", "head", "arm", "arms", "voice", "side", "end", "word"),
        *("man", "woman", "people", "thing", "something", "one", "bit", "lot", "kind", "back", "front"),
    }
)
#: Sentences, at most, a reveal's return looks back for the things of the real scene it comes back to.
THINGS_REACH = 25
#: Sentences, at least, the passage must have kept away from a thing of the real scene.
THINGS_GAP = 3


def _back_among_things(facts: Sequence[SentenceFacts], r: int, first: int, taken: set[int]) -> int:
    """For a reveal whose return names the things of the real scene ("Ruth found her glasses on the
    carpet beside the chair … The blanket had slid to the floor."), the start of the passage: after the
    last sentence before it that names one of them ("She sat down in his chair … pulled the tartan
    blanket over her knees."), when the passage kept away from them for at least :data:`THINGS_GAP`
    sentences. Otherwise ``first`` as it was."""
    window = range(r, min(len(facts), r + 1 + UNCHANGED_REACH))
    things = {
        lemma
        for k in window
        for _s, e, pos, lemma in facts[k].tokens
        if pos == "NOUN"
        and lemma.lower() not in _EVERYWHERE
        and len(lemma) > 2
        # not the first part of a compound ("crew" of "crew-room"): the whole names the thing
        and facts[k].narration[e - facts[k].start : e - facts[k].start + 1] != "-"
    }
    if not things:
        return first
    seen: set[str] = set()
    for j in range(r - 1, max(-1, r - 1 - THINGS_REACH), -1):
        if j in taken:
            return first
        if facts[j].heading or facts[j].meta:
            continue  # ("The call", "Advertisement", "The twist": the passage may be set off by headings)
        named = _noun_lemmas(facts[j]) & things
        if named - seen and r - j > THINGS_GAP and j + 1 < first:
            return j + 1  # the last sentence of the real scene before the passage
        seen |= named  # a thing the passage itself names ("the rain has stopped") marks nothing
    return first


def _closes(f: SentenceFacts, cues: LayerCues) -> bool:
    """A closer of any unreal passage in the sentence: "She opened her eyes", "the vision fades"."""
    return any(_first_match(patterns, f, "close", kind) is not None for kind, patterns in cues.close.items())


def _ends_sequence(f: SentenceFacts, cues: LayerCues) -> bool:
    """A reveal, a closer or an interruption: the sentence ends an unreal or out-of-order stretch. (The
    lists one by one, each pattern behind its own quick test: one pattern joining them all would have to
    be run in full on every sentence.)"""
    lists = (*cues.reveal.values(), *cues.close.values(), cues.interrupt)
    return _first_match_in(lists, f, "close", "any") is not None


def _shows_unreality(facts: Sequence[SentenceFacts], seg: SegmentSpan, cues: LayerCues) -> bool:
    for j in range(seg.first, seg.last + 1):
        for kind in ("transition", "counterfactual", "montage"):
            if _first_match(cues.signs.get(kind, ()), facts[j], "contrast", kind) is not None:
                return True
    return False


def _names_unreality(facts: Sequence[SentenceFacts], commentary: set[int], cues: LayerCues) -> bool:
    """Whether the text speaks of a fantasy, a dream or an imagined life: in its commentary or headings,
    or in its telling ("Her daydreams are few and specific") — not of a hope ("her dream of a record
    deal")."""
    named = cues.signs.get("named", ())
    for f in facts:
        if f.meta and not f.heading:
            continue
        cue = _first_match(named, f, "contrast", "named")
        if cue is None:
            continue
        if f.index in commentary or f.heading or not _overlaps_ambition(f, cue, cues):
            return True
    return False


def _weak_reveal_holds(
    facts: Sequence[SentenceFacts],
    seg: SegmentSpan,
    r: int,
    named: bool,
    cues: LayerCues,
    narration: set[int],
) -> bool:
    whole = _whole_paragraph(facts, seg, r, narration)
    if seg.cues[-1].kind == "called":  # a bare "Hello?" needs the commentary to speak of a daydream
        # the passage is its paragraph, or starts at a cue inside it ("Nadia stands and begins to sing")
        started = seg.cues[0].role == "contrast" and facts[r].paragraph != facts[seg.last].paragraph
        return named and (whole or started) and seg.last - seg.first >= 2
    """An interruption reveals the passage before it when the passage shows signs of unreality, or when
    the commentary speaks of a fantasy and the passage is a paragraph of its own that the interruption
    ends."""
    if _shows_unreality(facts, seg, cues) or seg.cues[0].kind == "night":
        return True  # a night scene ended by a waking is the dream
    return named and whole and seg.last - seg.first >= 2


#: Sentences after a weak reveal in which another reveal confirms it.
CORROBORATION = 2
#: Sentences after a weak reveal in which the scene found unchanged ("exactly as it had been") confirms it.
UNCHANGED_REACH = 4
#: Sentences after a weak reveal (the lines of speech after it aside) in which a thing found only just
#: begun ("the printer is still warming up") confirms it.
TIME_REACH = 8


def _woken_before(passages: Sequence[SegmentSpan], seg: SegmentSpan) -> bool:
    """The passage starts where an earlier one was closed ("…father and son climb together." — "At first
    light the storm has passed."): the text itself has just brought the story back to reality, which a
    mere interruption later on cannot take back."""
    return any(
        (c.role == "close" and seg.first - 1 <= c.sentence <= seg.first and p.layer in UNREAL)
        # or right after the line that exposed an earlier one ("“Tickets from Lancaster, please.”")
        or (c.role == "reveal" and c.sentence == seg.first - 1 and p.layer in UNREAL)
        # or it would take in the return an earlier reveal already told ("… the song had finished" — "Dad?")
        or (c.role == "reveal" and seg.first <= c.sentence <= seg.last)
        for p in passages
        for c in p.cues
    )


#: "You were snoring from Alnmouth to the border": where the sleeper dropped off, named in the reveal.
_ASLEEP_FROM = re.compile(r"\bfrom (?P<place>[A-Z][a-z]+)\b")
#: Sentences, at most, a reveal that names where the sleep began reaches back for it.
ASLEEP_REACH = 15


def _asleep_since(
    facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan, narration: set[int], taken: set[int]
) -> SegmentSpan:
    """The dream a line exposes began after the last sentence that names the place it says the sleeper
    dropped off at ("You were snoring from Alnmouth to the border" — "After Alnmouth the sea came up on
    the right, and I counted fishing boats until I lost count.")."""
    said = facts[r].spoken or facts[r].narration
    m = _ASLEEP_FROM.search(said)
    if m is None:
        return seg
    named = re.compile(rf"\b{re.escape(m['place'])}\b")
    for k in range(seg.first - 1, max(-1, seg.first - 1 - ASLEEP_REACH), -1):
        if k in taken or facts[k].heading or facts[k].meta:
            break
        if k in narration and named.search(facts[k].narration):
            return dataclasses.replace(seg, first=k + 1)
    return seg


def _someone_else_slept(facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan) -> bool:
    """The sleeper a dream reveal names as its subject takes no part in the passage before it."""
    sleepers = {key for _s, _e, keys in facts[r].subjects for key in keys}
    there = {key for j in range(seg.first, seg.last + 1) for key in facts[j].characters}
    return bool(sleepers) and bool(there) and not sleepers & there


def _corroborated(facts: Sequence[SentenceFacts], r: int, narration: set[int], cues: LayerCues) -> bool:
    """A weak reveal that the next sentences confirm with a reveal of their own (not one more call, nor
    someone merely still sitting where they were) is as good as a strong one: a call ("Are you hearing a
    word of this?"), then the pot back where it had always been; "the image freezes", then "the camera
    pulls back"."""
    if r > 0 and _first_match(cues.close.get("any", ()), facts[r - 1], "close", "imagined") is not None:
        return True  # "And then Baird cuts back to the rank. Rab is exactly where we left him"
    if _structure("camera_back").search(facts[r].narration):
        return True  # "Then the camera finds Liesl again, and she has not moved from the driver's seat"
    after = [k for k in range(r + 1, min(len(facts), r + 1 + UNCHANGED_REACH)) if k in narration]
    soon = [
        k
        for k in range(r + 1, min(len(facts), r + 1 + TIME_REACH))
        if k in narration and facts[k].quoted < 0.99
    ]
    if any(_structure("still_running").search(facts[k].narration) for k in soon[:CORROBORATION]):
        return True  # "Cut to Noor's desk. The printer is still warming up.", "The candle had burned down…"
    # (the lines of speech that go on after a spoken reveal do not count: "“…And talking.” / I sat up.")
    told = [k for k in after if facts[k].quoted < 0.99]
    if any(
        _first_match_in(
            (cues.close.get("imagined", ()), cues.close.get("dream", ())), facts[k], "close", "imagined"
        )
        for k in told[:CORROBORATION]
    ):
        return (
            True  # "…his father was standing there on his own, eyes closed." — "Dad?" — "He opened his eyes."
        )
    if any(
        _structure("waited_out").search(facts[k].spoken) for k in after[:CORROBORATION] if facts[k].spoken
    ):
        return True  # "Someone raps on the driver's window." … "“Sir, you've been sitting here since…”"
    if facts[r].spoken and any(_structure("still_travelling").search(facts[k].narration) for k in after):
        return True  # "“Tickets from Malton, please.” … Outside the window it is raining hard"
    for n, k in enumerate(after):
        cue, weak = _reveal(facts[k], cues)
        if cue is None or cue.kind == "called":
            continue
        said = facts[k].narration[cue.start - facts[k].start : cue.end - facts[k].start]
        asked = cue.kind == "dream" and _said_reveal(facts[k], cues) is not None  # "Were you asleep?"
        if n >= CORROBORATION and not _structure("unchanged").search(said) and not asked:
            continue  # further on, only the scene found unchanged ("exactly as it had been") or the sleeper
            # asked if they slept still confirms
        if not weak or not _structure("posture").search(said) or _structure("unchanged").search(said):
            return True  # ("Owen is still sitting at the table" is too common to confirm anything)
    return False


_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
        start=1,
    )
}
_MINUTE_WORDS = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "twenty-five": 25, "half": 30}
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b"
    r"|\b(?P<mw>five|ten|quarter|twenty|twenty-five|half) (?P<dir>past|to) "
    r"(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"|\b(?P<ho>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o[’']clock\b",
    re.IGNORECASE,
)


def _clock_times(text: str) -> list[int]:
    """The times of day a sentence gives ("1:58", "02:15", "ten past two", "four o'clock"), as minutes
    past midnight or past noon: on a twelve-hour dial, since prose rarely says which."""
    times = []
    for m in _CLOCK.finditer(text):
        if m["h"] is not None:
            times.append((int(m["h"]) % 12) * 60 + int(m["m"]))
        elif m["hw"] is not None:
            hour, minutes = _NUMBER_WORDS[m["hw"].lower()] % 12, _MINUTE_WORDS[m["mw"].lower()]
            times.append(hour * 60 + minutes if m["dir"].lower() == "past" else (hour * 60 - minutes) % 720)
        else:
            times.append((_NUMBER_WORDS[m["ho"].lower()] % 12) * 60)
    return times


#: Minutes, at most, a clock may stand behind a time the passage gave for the passage still to be exposed
#: by it (a clock two hours behind is another hour of the night, not the same moment).
CLOCK_BEHIND = 90


def _dawn_not_come(
    facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan, narration: set[int], taken: set[int]
) -> int | None:
    """A weak reveal, or the sentence after it, that finds it still night ("it is not yet three in the
    morning", "in the dark of the small hours") after a passage that opened on the day breaking ("The
    bus reaches Aveiro at dawn."): the night is not over, so that morning has not come. Returns the
    sentence of the passage that brought the dawn, where it began, or None."""
    night = _structure("still_night")
    if not any(night.search(facts[k].narration) for k in range(r, min(len(facts), r + 1 + UNCHANGED_REACH))):
        return None
    return _earliest_telling(facts, seg, _structure("day_breaks"), narration, taken)


#: Sentences, at most, before a revealed passage where the arrival that opened it may stand.
ARRIVAL_REACH = 8


def _arrived_too_soon(
    facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan, narration: set[int], taken: set[int]
) -> int | None:
    """The return finds the traveller still on the way ("Outside the window a sign said Carnforth",
    "it's two more stops", "Ines is in a window seat in the dark") after the passage, or the lines
    before it, had the journey end ("The train pulled into Morecambe just after four."): the passage
    began with that arrival. Returns that sentence, or None."""
    travelling = _structure("journey_not_over")
    if not any(
        travelling.search(facts[k].spoken or facts[k].narration)
        for k in range(r, min(len(facts), r + 1 + UNCHANGED_REACH))
    ):
        return None
    return _earliest_telling(facts, seg, _structure("arrived"), narration, taken)


def _earliest_telling(
    facts: Sequence[SentenceFacts],
    seg: SegmentSpan,
    pattern: re.Pattern[str],
    narration: set[int],
    taken: set[int],
) -> int | None:
    """The first sentence of the passage, or of the retelling up to :data:`ARRIVAL_REACH` sentences
    before it, whose narration matches ``pattern`` (the arrival or the dawn the passage opened on)."""
    found = None
    for j in range(seg.last, max(-1, seg.first - 1 - ARRIVAL_REACH), -1):
        if j < seg.first and (j in taken or j not in narration or facts[j].heading):
            break
        if j in narration and pattern.search(facts[j].narration):
            found = j
    return found


def _thing_back_in_place(
    facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan, narration: set[int], taken: set[int]
) -> int | None:
    """The return finds in its place a thing the passage moved ("I took my lanyard off … and dropped it
    in the water feature" — "The lanyard was round my neck."; "I put my knife and fork down" — "My knife
    and fork were in my fists"): it never moved, so the passage did not happen. Returns the first
    sentence that moved such a thing, where the passage began (within :data:`THINGS_REACH` sentences
    before the reveal), or None."""
    placed = _structure("in_its_place")
    moving = word_set("layers", "moving_verbs") | word_set("layers", "placing_verbs")
    first, _ = _paragraph_bounds(facts, r)
    things: dict[str, set[str]] = {}  # each thing found in place -> the nouns of where it is
    # the return up to the reveal, or the few sentences after it
    for k in range(first, min(len(facts), r + 1 + UNCHANGED_REACH)):
        if (m := placed.match(facts[k].narration.lstrip())) is not None:
            where = set(_WORD.findall(m.group()[m.end("thing") - m.start() :].lower()))
            things.setdefault(m["thing"].lower(), set()).update(where)
    if not things:
        return None
    lo = seg.first
    while lo > 0 and r - lo < THINGS_REACH and lo - 1 not in taken and not facts[lo - 1].heading:
        lo -= 1
    return next(
        (
            j
            for j in range(lo, seg.last + 1)
            if j in narration
            # moved somewhere else: "puts the compass in the drawer" — "still in the drawer" is no undoing
            and any(
                (_names_noun(facts[j], thing) or _names_noun(facts[j], _singular(thing)))
                and not (where & _noun_lemmas(facts[j]))
                for thing, where in things.items()
            )
            and any(pos == "VERB" and lemma in moving for _s, _e, pos, lemma in facts[j].tokens)
        ),
        None,
    )


def _denial_follows(facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan) -> bool:
    """A weak reveal, or a sentence right after it, denies a thing the passage brought in ("…the two
    brothers haul themselves out into a blazing sunrise." — "There is no sunrise.")."""
    told = {
        lemma
        for j in range(seg.first, seg.last + 1)
        for _s, _e, pos, lemma in facts[j].tokens
        if pos == "NOUN"
    }
    destroyed = _structure("destroyed_before")
    for k in range(r, min(len(facts), r + 1 + CORROBORATION)):
        _cue, denied, _nouns = _denied_nouns(facts[k])
        if denied & told:
            return True
        # or says it was gone before the passage could use it: "the Japanese blew the bridge two days ago"
        if (m := destroyed.search(facts[k].narration)) is not None and any(
            m.start() <= s - facts[k].start < m.end() and lemma in told
            for s, _e, pos, lemma in facts[k].tokens
            if pos == "NOUN"
        ):
            return True
    return False


def _asleep_over_the_same(facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan) -> bool:
    """Someone found asleep with the very thing the lines before the passage left them at ("comes home
    after dark to sit up with the ledger" … "finds her brother slumped across the kitchen table, the
    ledger open under his cheek"): they never went anywhere; the passage was their dream."""
    if seg.first == 0 or not _structure("found_asleep").search(facts[r].narration):
        return False

    def nouns(j: int) -> set[str]:
        return {lemma for _s, _e, pos, lemma in facts[j].tokens if pos == "NOUN"}

    before = nouns(seg.first - 1)
    return any(nouns(k) & before for k in range(r, min(len(facts), r + 2)))


def _clock_ran_back(facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan) -> bool:
    """A clock read at the return that shows an earlier time than one the passage gave ("At ten past two,
    Midge takes the master key…" — "the lobby clock says 1:58"): the passage has not happened yet."""
    after = [
        t for k in range(max(0, r - 1), min(len(facts), r + 2)) for t in _clock_times(facts[k].narration)
    ]
    told = [t for k in range(seg.first, seg.last + 1) for t in _clock_times(facts[k].narration)]
    return any(0 < (t - a) % 720 <= CLOCK_BEHIND for a in after for t in told)


#: Sentences before a revealed passage where the one found still in place may have gone off.
GOING_REACH = 4
#: Characters after "is still" in which the verb it helps may stand ("is still holding it").
STILL_VERB_REACH = 12


def _left_yet_still_there(
    facts: Sequence[SentenceFacts], r: int, seg: SegmentSpan, narration: set[int], taken: set[int]
) -> int | None:
    """A weak reveal, or the sentence after it, that finds someone still where they were ("Marnie is still in
    her chair at console four") after the passage sent that same person off somewhere ("She drives across the
    city"): they cannot have done both, so the passage did not happen. Returns where it began: the first
    of the sentences that send them off, back to one where they are still busy in place ("Marnie tells
    her to stay in the cupboard…"), or None."""
    still = _structure("still_there")
    in_place = _structure("in_place")  # "Orla is in the second pew", right after she walked away
    going = word_set("layers", "going_verbs")
    found: set[int] = set()
    for k in range(r, min(len(facts), r + 2)):
        f = facts[k]
        m = (still.search(f.narration) or in_place.match(f.narration.lstrip())) if k in narration else None
        if m is not None:  # the one the verb of "is still in her chair" is said of ("is still holding it")
            lo, hi = f.start + m.start(), f.start + m.end() + STILL_VERB_REACH
            found.update(c for begin, _e, chars in f.subjects if lo <= begin <= hi for c in chars)
    if not found:
        return None
    start = None
    for j in range(seg.last, max(-1, seg.first - 1 - GOING_REACH), -1):
        f = facts[j]
        if f.meta and not f.heading:
            continue
        if f.heading or j in taken or j not in narration:
            break
        theirs = any(found & set(chars) for _b, _e, chars in f.subjects)
        # their verbs and the ones joined to them: "pulls off her headset … and runs for the car park"
        # (a joined verb the tagger took for a noun too: "grabs his coat and races down to the quay")
        words = f.tokens
        if theirs and any(
            lemma in going
            and (
                pos == "VERB"
                or (pos == "NOUN" and n and f.narration[words[n - 1][0] - f.start :].startswith("and "))
            )
            and not f.narration[b - f.start : e - f.start].endswith("ing")  # not "with the engine running"
            for n, (b, e, pos, lemma) in enumerate(words)
        ):
            start = j
        elif theirs and start is not None:
            break  # busy where they are: the passage began after this
    return start


#: Sentences, at most, between a line that gives away a scene and the return that closed that scene.
RETURN_SCENE_REACH = 20


def _scene_before_return(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, taken: set[int]
) -> SegmentSpan | None:
    """For a line that gives away what someone did while alone ("You were out there chatting to the
    wheelie bins."), said after they came back to the others: the scene before that return ("When she
    went back in, …"), back to where they went out ("took the scissors out to the back step")."""
    back_in, went_out = _structure("went_back_in"), _structure("went_out")
    k = next(
        (
            j
            for j in range(r - 1, max(-1, r - 1 - RETURN_SCENE_REACH), -1)
            if facts[j].paragraph_start and back_in.search(facts[j].narration)
        ),
        None,
    )
    if k is None or any(j in taken for j in range(k, r)):
        return None
    end, first = k - 1, k - 1
    while (
        first - 1 >= 0
        and first - 1 not in taken
        and not facts[first - 1].heading
        and not facts[first - 1].meta
    ):
        if went_out.search(facts[first - 1].narration):
            break
        first -= 1
    if first > end or end - first + 1 > MAX_PASSAGE:
        return None
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], first, end, [reveal])


def _dream_told_beside(facts: Sequence[SentenceFacts], r: int, narration: set[int], cues: LayerCues) -> bool:
    """One of the sentences that confirm a weak reveal at ``r`` says the passage was slept through."""
    after = [k for k in range(r + 1, min(len(facts), r + 1 + CORROBORATION)) if k in narration]
    return any((cue := _reveal(facts[k], cues)[0]) is not None and cue.kind == "dream" for k in after)


def _whole_paragraph(facts: Sequence[SentenceFacts], seg: SegmentSpan, r: int, narration: set[int]) -> bool:
    """The passage is all the story its paragraph tells (a commentary lead-in or a held look aside), and
    the reveal stands outside it — in the next paragraph, or as the paragraph's closing beat ("Then a
    passenger rings the bell, and Howard is back behind the wheel")."""
    para_first, _ = _paragraph_bounds(facts, seg.first)
    # (or a look held on something: "…, Declan stares at the number pinned to Lund's back.")
    lead_in = all(
        k not in narration or (k == seg.first - 1 and _structure("fixed_gaze").search(facts[k].narration))
        for k in range(para_first, seg.first)
    )
    apart = facts[r].paragraph != facts[seg.last].paragraph or bool(
        _structure("beat").match(facts[r].narration.lstrip())
    )
    return lead_in and apart


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


_OPENS_IN_YEAR = re.compile(
    r"\bopens\b(?: [\w,'’-]+){0,6}? (?:in|on) (?:the (?:spring|summer|autumn|fall|winter) of )?"
    r"(?:[A-Z][a-z]+ )?(?:\d{1,2} )?(?P<year>1[5-9]\d\d|20\d\d)\b"
)
_SET_IN = re.compile(
    r"\b(?:title card|caption|subtitle|intertitle|on-screen text)\b[^.]{0,40}?\b(?:1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
#: Narrated sentences after an opening set in one year within which the story must go back to an earlier
#: year for that opening to be a flash-forward.
OPENING_REACH = 6


_OPENS = re.compile(
    r"\b(?:film|movie|episode|story|series|novel|book|play|it) (?:opens|begins)\b", re.IGNORECASE
)
_EARLIER = re.compile(
    r"^(?:\w+ ){0,2}?(?:(?:\w+|a|an|one) (?:hours?|days?|weeks?|months?|years?)|hours|days|weeks|months"
    r"|years) (?:earlier|before)\b",
    re.IGNORECASE,
)
#: Sentences, at most, of an opening scene that the story then goes back before.
TEASER_SENTENCES = 5


def _opened_ahead(
    facts: Sequence[SentenceFacts], narration: set[int], cues: LayerCues
) -> tuple[SegmentSpan, int] | None:
    """ "The film opens in a police interview room. …" — "Eight days earlier, …": an opening scene of a
    paragraph, that the next paragraph goes back before, is shown ahead of time; the story proper starts
    with the going back. Returns the flash-forward and the sentence that goes back (no flashback: the main
    line). Not a frame ("In present-day Leeds, an old woman …"), whose present the story keeps."""
    ordered = sorted(narration)
    first = next((j for j in ordered[:3] if _OPENS.search(facts[j].narration)), None)
    if first is None:
        return None
    _, para_last = _paragraph_bounds(facts, first)
    back = next((j for j in ordered if j > para_last), None)
    if (
        back is None
        or para_last - first + 1 > TEASER_SENTENCES
        or not facts[back].paragraph_start
        or _EARLIER.search(facts[back].narration) is None
        or any(p.search(facts[k].narration) for k in range(first, para_last + 1) for p in cues.frame_present)
    ):
        return None
    return _flash_forward_opening(facts, first, _OPENS.search(facts[first].narration), para_last), back


def _opening_flash_forward(
    facts: Sequence[SentenceFacts], narration: set[int], taken: set[int], cues: LayerCues
) -> list[SegmentSpan]:
    """ "The film opens in April 2009 with a rescue helicopter…" — "In the autumn of 2008, Konstantin…": an
    opening set in a year that the story then goes back before is shown ahead of time, up to the sentence
    that goes back."""
    ordered = sorted(narration - taken)
    if not ordered:
        return []
    first = ordered[0]
    opening = _OPENS_IN_YEAR.search(facts[first].narration)
    if opening is None:
        return []
    year = int(opening["year"])
    for j in ordered[1 : 1 + OPENING_REACH]:
        # a sentence set in the earlier year ("In the autumn of 2008, …", "a title card reads: Kent, 2023"),
        # not any earlier year named ("a tree planted by E.P., 2023")
        dated = _search(cues.frame_opener, facts[j]) or _SET_IN.search(facts[j].narration)
        if dated is not None and int(_YEAR.findall(dated.group(0))[-1]) < year:
            return [_flash_forward_opening(facts, first, opening, j - 1)]
    return []


def _flash_forward_opening(
    facts: Sequence[SentenceFacts], first: int, opening: re.Match[str] | None, last: int
) -> SegmentSpan:
    """The flash-forward an opening is, from its first sentence to ``last``, its cue the words that say
    it opens ("The film opens in April 2009")."""
    f = facts[first]
    start, end = (f.start + opening.start(), f.start + opening.end()) if opening else (f.start, f.start)
    cue = CueSpan(first, start, end, "open", "flash_forward")
    return SegmentSpan("flash_forward", _SEGMENT_KIND["flash_forward"], first, last, [cue])


def _framed_flashbacks(
    facts: Sequence[SentenceFacts], narration: set[int], taken: set[int], cues: LayerCues
) -> list[SegmentSpan]:
    """The earlier story a frame story tells: from a date before the frame's present ("In 1912, …") until
    the text comes back to the present."""
    ordered = sorted(narration)
    if not ordered:
        return []
    first = facts[ordered[0]]
    opening = " ".join(facts[j].narration for j in ordered[:2])
    years = [int(y) for y in _YEAR.findall(opening)]
    present_year = years[0] if years else None
    framed = present_year is not None or any(p.search(opening) for p in cues.frame_present)
    if not framed:
        return []
    found: list[SegmentSpan] = []
    i = 1
    while i < len(ordered):
        j = ordered[i]
        m = _search(cues.frame_opener, facts[j])
        earlier = m is not None and (present_year is None or int(m.group(1)) < present_year - 1)
        if j in taken or not earlier or j == first.index:
            i += 1
            continue
        end = i  # position in ``ordered`` of the flashback's last sentence
        recalled = _PAST_PERFECT.search(facts[j].narration) is not None
        for position in range(i + 1, len(ordered)):
            k = ordered[position]
            if k in taken or _back_to_present(facts[k], present_year, cues):
                break
            if recalled and _plain_past_paragraph(facts, k):
                break  # "She had believed him for almost a year." — "The afternoon passed the way…"
            end = position
        last = ordered[end]
        cue = CueSpan(j, facts[j].start + m.start(1), facts[j].start + m.end(1), "open", "flashback")  # type: ignore[union-attr]
        found.append(SegmentSpan("flashback", _SEGMENT_KIND["flashback"], j, last, [cue]))
        i = end + 1
    return found


def _plain_past_paragraph(facts: Sequence[SentenceFacts], k: int) -> bool:
    """The sentence opens a paragraph told in the plain past, not the past perfect a memory in a
    past-tense story is told in: the story's own time again."""
    f = facts[k]
    plain = _PAST_PERFECT.search(f.narration) is None
    return f.paragraph_start and f.tense == "past" and f.quoted < 0.3 and plain


def _back_to_present(f: SentenceFacts, present_year: int | None, cues: LayerCues) -> bool:
    if any(_matches(cues.frame_back, f)):
        return True
    years = [int(y) for y in _YEAR.findall(f.narration[:40])]
    return present_year is not None and any(y >= present_year for y in years)


#: A twist that someone was imagined all along is not believed of a character in more than this share of
#: the narrated sentences before it: that is the story's lead, and the twist means a version of them.
LEAD_SHARE = 0.6


def _imagined_presences(
    facts: Sequence[SentenceFacts], narration: set[int], taken: set[int], cues: LayerCues, recorded: bool
) -> list[SegmentSpan]:
    """The sentences a character imagined all along appears in, before the twist that says so ("Celia
    … never existed"), or (``recorded``) before a record that shows the one they kept company alone ("the
    footage: Nell alone, waiting on the landing")."""
    found: list[SegmentSpan] = []
    appearances: dict[int, list[int]] | None = None  # character -> the sentences they appear in
    # a story that says in so many words who was imagined needs no record to show it
    twisted = recorded and any(_first_match(cues.twist, f, "reveal", "imagined") is not None for f in facts)
    record = _structure("alone_on_record")
    found_alone = _structure("found_alone")
    for f in facts:
        twist = None if recorded else _first_match(cues.twist, f, "reveal", "imagined")
        who: int | None = None
        if twist is not None:
            # the character the twist is about is the one it names ("knows of nobody called Wren"), or the
            # subject of its verb ("Celia … never existed")
            owners = [keys for start, end, keys in f.subjects if twist.start <= start < twist.end]
            who = _named_right_after(f, twist)
            who = who if who is not None else owners[0][0] if owners else None
        elif (
            recorded
            and not twisted
            and f.index in narration
            and (match := record.search(f.narration) or found_alone.search(f.narration))
        ):
            appearances = appearances if appearances is not None else _appearances(facts)
            twist, who = _alone_on_record(facts, f, match, narration, appearances)
        if twist is None or who is None:
            continue
        if appearances is None:
            appearances = _appearances(facts)
        # (a record's companion keeps company only until someone new comes in: "At seven the day manager,
        # Mr. Adebayo, let himself in")
        until = f.index if twist.kind != "alone" else _newcomer_after(facts, who, f.index)
        told = [j for j in narration if j < f.index]
        seen = [j for j in appearances.get(who, []) if j in narration and j < f.index]
        if len(seen) > LEAD_SHARE * len(told):
            continue  # the one the story follows throughout is not a figment ("she was never there to wake")
        present = [j for j in appearances.get(who, []) if _present_in(facts[j], who)]
        runs = _presence_runs(facts, narration, taken, present, until, twist)
        if twist.kind == "alone":  # only stretches of company, not a name in passing
            runs = [run for run in runs if run.last > run.first]
        found.extend(
            dataclasses.replace(run, cues=[dataclasses.replace(twist, kind="imagined")]) for run in runs
        )
    return found


#: Right before a name, a clause that only reports or asks about its bearer ("whispers that Wren did it",
#: "to ask where Wren's family lives"); right after it, a possessive.
_REPORTED_BEFORE = re.compile(r"\b(?:that|where|whether|if|how|why|what)\b[^,;:.]*$", re.IGNORECASE)
_OWNED_AFTER = re.compile(r"[\w’'-]+(?: [\w’'-]+)?['’]s\b")


def _present_in(f: SentenceFacts, who: int) -> bool:
    """Whether the sentence shows the character there, not only asked or told about ("The girl whispers
    that Wren did it", "Ros asks where Wren's family lives"): some name of theirs outside a reported clause
    and not a possessive (a sentence that names them only by a pronoun counts)."""
    names = [start - f.start for start, key in f.names if key == who]
    if not names:
        return True
    return any(
        not _REPORTED_BEFORE.search(f.narration[:at]) and not _OWNED_AFTER.match(f.narration, at)
        for at in names
    )


def _named_right_after(f: SentenceFacts, cue: CueSpan) -> int | None:
    """The character whose name follows a cue that ends on "called" or "named" ("nobody called Wren")."""
    said = f.narration[cue.start - f.start : cue.end - f.start]
    if not re.search(r"\b(?:called|named)$", said, re.IGNORECASE):
        return None
    return next((key for start, key in f.names if cue.end <= start <= cue.end + 2), None)


def _newcomer_after(facts: Sequence[SentenceFacts], who: int, before: int) -> int:
    """The first sentence before ``before`` that opens a paragraph on someone new coming in, given a role
    ("At seven the day manager, Mr. Adebayo, let himself in"), after ``who`` has appeared (``before``
    when there is none): the company kept until then ends there."""
    arrival = _structure("comes_in")
    seen = False
    for f in facts[:before]:
        seen = seen or who in f.characters
        if seen and f.paragraph_start and who not in f.characters[:1] and arrival.search(f.narration):
            return f.index
    return before


def _alone_on_record(
    facts: Sequence[SentenceFacts],
    f: SentenceFacts,
    m: re.Match[str],
    narration: set[int],
    appearances: dict[int, list[int]],
) -> tuple[CueSpan | None, int | None]:
    """A recording that shows one character alone ("watched herself come in on the screen: one woman in a
    grey uniform", "the footage: Nell alone") where the story had given her a companion, or the lead found
    alone ("picked the boy up on his own", "the signature on it is her own"): the cue, and the companion
    (the character who shared most of their sentences before it, and none of the record's).
    """
    shown: set[int]
    if _structure("alone_on_record").search(f.narration):
        # the one the record shows: named in it, or else in the sentence after it ("… back to 3:10. Hall of
        # Mammals, 11:04: Nell alone")
        after = set(facts[f.index + 1].characters) if f.index + 1 < len(facts) else set()
        shown = set(f.characters) or after
    else:
        # found alone, not on a record ("the crew picked the boy up on his own"): the one found is the
        # story's lead, whom such a sentence seldom names (and "the boy" may be read as the companion)
        told: Counter[int] = Counter(
            {key: sum(1 for j in js if j < f.index and j in narration) for key, js in appearances.items()}
        )
        shown = {told.most_common(1)[0][0]} if told else set()
    shared: Counter[int] = Counter()
    for key, sentences in appearances.items():
        if key in shown:
            continue
        together = (j for j in sentences if j < f.index and j in narration)
        shared[key] = sum(1 for j in together if not shown.isdisjoint(facts[j].characters))
    if not shown or not shared:
        return None, None
    companion, count = shared.most_common(1)[0]
    if count < DEAD_ACTS:
        return None, None
    return CueSpan(f.index, f.start + m.start(), f.start + m.end(), "reveal", "alone"), companion


def _presence_runs(
    facts: Sequence[SentenceFacts],
    narration: set[int],
    taken: set[int],
    sentences: Sequence[int],
    before: int,
    twist: CueSpan,
) -> list[SegmentSpan]:
    """Runs of consecutive narrated sentences before ``before`` that the character (whose sentences are
    ``sentences``) appears in, with a short stretch between two of theirs in one paragraph."""
    found: list[SegmentSpan] = []
    run: list[int] = []
    for j in sentences:
        if j >= before:
            break
        if j not in narration or j in taken:
            continue
        if run and _bridgeable(facts, run[-1], j, narration, taken):
            run.extend(range(run[-1] + 1, j))  # "He nicknames Kofi…": between two of theirs
        if run and j != run[-1] + 1:
            last = _answer_lines(facts, run[-1], j, narration, taken)
            found.append(SegmentSpan("imagined", _SEGMENT_KIND["imagined"], run[0], last, [twist]))
            run = []
        run.append(j)
    if run:
        last = _answer_lines(facts, run[-1], before, narration, taken)
        found.append(SegmentSpan("imagined", _SEGMENT_KIND["imagined"], run[0], last, [twist]))
    return found


def _answer_lines(
    facts: Sequence[SentenceFacts], last: int, before: int, narration: set[int], taken: set[int]
) -> int:
    """The end of a run of an imagined character's sentences, taking in the lines of talk that close its
    paragraph right after it, or that answer a question it ends on (""Does it get easier?" Wren asks." —
    ""No," says Arthur. "You get better.""): the answer to someone who is not there was said to nobody."""
    asked = any("?" in facts[k].spoken for k in (last - 1, last) if k >= 0)
    k = last
    while (
        k + 1 < before
        and k + 1 - last <= PRESENCE_GAP
        and k + 1 in narration
        and k + 1 not in taken
        and (facts[k + 1].spoken or facts[k + 1].quoted >= 0.5)
        and (asked or facts[k + 1].paragraph == facts[last].paragraph)
    ):
        k += 1
    ends_paragraph = k + 1 >= len(facts) or facts[k + 1].paragraph != facts[k].paragraph
    return k if ends_paragraph else last


#: Sentences, at most, between two appearances of an imagined character that join them into one run.
PRESENCE_GAP = 2


def _bridgeable(facts: Sequence[SentenceFacts], a: int, b: int, narration: set[int], taken: set[int]) -> bool:
    """Whether the retelling between sentences ``a`` and ``b`` is short, unbroken and in one paragraph,
    or lines of talk alone (the talk of the two of them: "“You're late, kid.” / “I'm ten minutes early.”")."""
    between = range(a + 1, b)
    if not between or any(k not in narration or k in taken for k in between):
        return False
    talk = [k for k in between if facts[k].quoted >= 0.5]
    if len(talk) == len(between):
        return len(between) <= 2 * PRESENCE_GAP + 2
    return len(between) <= PRESENCE_GAP and (bool(talk) or facts[a].paragraph == facts[b].paragraph)


def _appearances(facts: Sequence[SentenceFacts]) -> dict[int, list[int]]:
    """Each character's sentences, in order (so a twist looks at those, not at every sentence)."""
    result: dict[int, list[int]] = {}
    for f in facts:
        for key in f.characters:
            result.setdefault(key, []).append(f.index)
    return result


#: "Years later, she would remember…": the future of the story told ahead of time.
_LATER = re.compile(
    r"\b(?:years|decades|months|long|much|a year|a decade) later\b|\bone day\b", re.IGNORECASE
)


def _modal_runs(
    facts: Sequence[SentenceFacts], narration: set[int], taken: set[int], cues: LayerCues
) -> list[SegmentSpan]:
    """Runs of sentences told with "would" that are not the habitual past: a rehearsed or imagined scene."""
    runs: list[SegmentSpan] = []
    run: list[int] = []

    def plain_would() -> bool:
        """Neither the habitual past nor a plan spelt out (in the run's first sentence or the one before)."""
        if any(any(_matches(cues.habitual, facts[j])) for j in run):
            return False
        before = next((j for j in range(run[0] - 1, -1, -1) if j in narration), None)
        told = [run[0]] if before is None else [run[0], before]
        return not any(any(_matches(cues.modal_planned, facts[j])) for j in told)

    def close() -> None:
        if len(run) >= cues.modal_run_min and plain_would():
            first = facts[run[0]]
            at = first.narration.find("would")
            cue = CueSpan(run[0], first.start + max(at, 0), first.start + max(at, 0) + 5, "open", "imagined")
            layer: Layer = "flash_forward" if _LATER.search(first.narration) else "imagined"
            runs.append(SegmentSpan(layer, _SEGMENT_KIND[layer], run[0], run[-1], [cue]))
        run.clear()

    for f in facts:
        if f.index in taken or f.meta:
            close()
            continue
        if f.index not in narration:
            continue  # speech and commentary inside the run do not break it
        if f.would:
            run.append(f.index)
        elif f.quoted < 0.5:
            close()
    close()
    return runs


#: Sentences back a reveal of an invention looks for the tale it exposes.
TALE_REACH = 25


def _expose_tale(
    passages: Sequence[SegmentSpan], facts: Sequence[SentenceFacts], r: int, reveal: CueSpan
) -> bool:
    """A tale told as a flashback and exposed later ("Toby admits that the card game is his own
    invention"): the nearest earlier flashback that shares a noun with the reveal was imagined. Whether
    one was found."""
    named = _noun_lemmas(facts[r])

    def shares(told: Sequence[SentenceFacts]) -> bool:
        return bool(named & set().union(*map(_noun_lemmas, told)))

    return _expose_earlier(passages, facts, r, reveal, "flashback", TALE_REACH, shares)


#: A reveal that says what would have been, or never was: it may answer a future shown ahead of time.
_NEVER_CAME = re.compile(r"\b(?:would|might|could) have been\b|\bnever\b", re.IGNORECASE)


def _expose_future(
    passages: Sequence[SegmentSpan], facts: Sequence[SentenceFacts], r: int, reveal: CueSpan
) -> bool:
    """A flash-forward the story later says never came ("The film opens ten years later on a busy bakery
    called Wolska's" … "The shop that would have been Wolska's is a phone-repair place now"): the nearest
    earlier flash-forward that shares a name, or two nouns, with the reveal was imagined. Whether one was
    found."""
    names, nouns = _proper_names(facts[r]), _noun_lemmas(facts[r])

    def shares(told: Sequence[SentenceFacts]) -> bool:
        told_names = set().union(*map(_proper_names, told))
        return bool(names & told_names) or len(nouns & set().union(*map(_noun_lemmas, told))) >= 2

    return _expose_earlier(passages, facts, r, reveal, "flash_forward", r, shares)


def _expose_earlier(
    passages: Sequence[SegmentSpan],
    facts: Sequence[SentenceFacts],
    r: int,
    reveal: CueSpan,
    layer: str,
    reach: int,
    shares: Callable[[Sequence[SentenceFacts]], bool],
) -> bool:
    """The nearest passage of ``layer`` ending within ``reach`` sentences before the reveal at ``r`` becomes
    imagined, with the reveal as its cue, when ``shares`` says the reveal speaks of what it told. Whether
    it did."""
    for seg in sorted(passages, key=lambda p: -p.last):
        if seg.layer != layer or not 0 < r - seg.last <= reach:
            continue
        if not shares([facts[k] for k in range(seg.first, seg.last + 1)]):
            return False
        seg.layer, seg.kind = "imagined", _SEGMENT_KIND["imagined"]
        seg.cues.append(reveal)
        return True
    return False


def _noun_lemmas(f: SentenceFacts) -> set[str]:
    """The lemmas of the nouns of a sentence's narration."""
    return {lemma for _s, _e, pos, lemma in f.tokens if pos == "NOUN"}


def _proper_names(f: SentenceFacts) -> set[str]:
    """The proper names of a sentence's narration, as written ("Wolska")."""
    return {f.narration[s - f.start : e - f.start] for s, e, pos, _lemma in f.tokens if pos == "PROPN"}


#: Sentences, at least, in which a character must have acted before the text says they were dead all
#: along.
DEAD_ACTS = 3


def _dead_all_along(
    facts: Sequence[SentenceFacts], narration: set[int], taken: set[int]
) -> list[SegmentSpan]:
    """A twist that a character the story showed acting was dead all along ("Benny Adair died in the
    collision two years earlier"), or was never there ("Kit has never set foot on Inishcorr"): every
    earlier sentence in which they act is imagined (with the sentences
    between two of them in one paragraph), when they acted in :data:`DEAD_ACTS` sentences or more and
    nothing before their first act said they were dead. A death told before the dead one acts is a story's
    back-story, and their acts are memories, not a twist."""
    dead_before = _structure("dead_before")
    never_there = _structure("never_there")  # "Kit has never set foot on Inishcorr"
    found: list[SegmentSpan] = []
    claimed = set(taken)
    for r in sorted(narration - taken):
        f = facts[r]
        m = dead_before.search(f.narration) or never_there.search(f.narration)
        if m is None:
            continue
        lo, hi = f.start + m.start(), f.start + m.end()
        # the subjects of the verbs the match holds; only without one, those of a verb just before it
        # ("When he flies home, Maa Adjoa has been dead for a year" is about her, not him)
        dead = {c for begin, _e, chars in f.subjects if lo <= begin <= hi for c in chars} or {
            c for begin, _e, chars in f.subjects if begin < lo and lo - begin <= 40 for c in chars
        }
        if not dead and "all hands" in m.group():
            # "Einar, it emerges, was a deckhand on the trawler Saebjorg, which sank with all hands": the
            # crew went down with the vessel
            dead = {c for begin, _e, chars in f.subjects if begin < lo for c in chars}
        who = _WHO_BEFORE.search(f.narration[: m.start()])
        if who is not None:
            # "Benny, who died two years earlier": the one named right before "who" (not "a barber who,
            # he soon learns, had died the month before": nobody the story names)
            at = f.start + who.start()
            dead = {c for begin, c in f.names if 0 <= at - begin <= WHO_REACH}
        for key in dead:
            acts = [
                j
                for j in range(r)
                if j in narration
                and j not in claimed
                and any(key in chars for _b, _e, chars in facts[j].subjects)
            ]
            # from their first act on, the sentences that name them ("A wave carries Kit over the side")
            named = [
                j
                for j in range(acts[0] if acts else r, r)
                if j in narration and j not in claimed and key in facts[j].characters
            ]
            acts = sorted(set(acts) | set(named))
            if len(acts) < DEAD_ACTS or len(named) < 2:
                continue
            told_dead = any(
                dead_before.search(facts[j].narration) or _structure("died").search(facts[j].narration)
                for j in range(acts[0])
                if j in narration and key in facts[j].characters
            )
            if told_dead or _mostly_past_perfect(facts, acts):
                continue  # ("Her grandmother had baked melon bread that winter": memories of the dead)
            cue = CueSpan(r, lo, hi, "reveal", "imagined")
            for run in _runs_in_paragraphs(facts, acts):
                found.append(SegmentSpan("imagined", _SEGMENT_KIND["imagined"], run[0], run[-1], [cue]))
                claimed.update(range(run[0], run[-1] + 1))
    return found


#: A relative pronoun shortly before a death ("who, he soon learns, had died"): the death is its antecedent's.
_WHO_BEFORE = re.compile(r"\b(?:who|whom|whose)\b[^.;]{0,40}$", re.IGNORECASE)
#: Characters, at most, from the start of a name to the "who" after it ("Benny Adair, who").
WHO_REACH = 30

#: A verb in the past perfect ("had baked", "had never said"), not "had to" nor a possession ("had a car").
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:not|never|always|already|once|often|just|long|n[’']t)\s+)?"
    r"(?!to\b|a\b|an\b|the\b|no\b|his\b|her\b|their\b|its\b|my\b|our\b|your\b|some\b|any\b"
    r"|nothing\b|one\b|two\b|enough\b|more\b|\d)[a-z]+\b",
    re.IGNORECASE,
)


def _mostly_past_perfect(facts: Sequence[SentenceFacts], sentences: Sequence[int]) -> bool:
    """At least half the sentences are told in the past perfect: memories of what happened before the
    story's present, where the dead may act."""
    told = sum(1 for j in sentences if _PAST_PERFECT.search(facts[j].narration))
    return 2 * told >= len(sentences)


def _runs_in_paragraphs(facts: Sequence[SentenceFacts], sentences: Sequence[int]) -> list[list[int]]:
    """Sentences grouped into runs: two in one paragraph join, with the sentences between them, and so do
    two with only lines of talk between them."""
    runs: list[list[int]] = []
    for j in sentences:
        last = runs[-1][-1] if runs else -1
        talk = last >= 0 and all(facts[k].quoted >= 0.3 for k in range(last + 1, j))
        if runs and (facts[last].paragraph == facts[j].paragraph or talk):
            runs[-1].extend(range(last + 1, j + 1))
        else:
            runs.append([j])
    return runs


def _contradicted_tales(
    facts: Sequence[SentenceFacts],
    narration: set[int],
    taken: set[int],
    cues: LayerCues,
    passages: Sequence[SegmentSpan] = (),
) -> list[SegmentSpan]:
    """A tale a character tells that the story later contradicts ("Over tea he tells her about the
    flood, and the episode stages his account." … "Priya reads out the real story"; "In the version we
    grew up on, he was nineteen…" … "your grandfather made that story up"): the telling is imagined.

    The tale starts after a sentence that hands the telling over to the film, or at a sentence that
    opens on the version told, and runs to the end of its paragraph; the contradiction must come within
    :data:`TALE_REACH` sentences after it."""
    tales: list[SegmentSpan] = []
    claimed = set(taken)
    handover = cues.signs.get("announce", ())
    for i in sorted(narration - taken):
        f = facts[i]
        ends_at: int | None = None  # where the tale ends, when a line after it says so
        opened = _first_match(cues.tale_open, f, "open", "imagined")
        told_about = _structure("told_about").search(f.narration) if opened is None else None
        if opened is not None:
            first = i
        elif told_about is not None and i + 1 < len(facts):
            # "The winter Grandad came to live with us, he told me about the storm." — "It was January 1953…"
            opened = CueSpan(i, f.start + told_about.start(), f.start + told_about.end(), "open", "imagined")
            first = i + 1
            _, para_last = _paragraph_bounds(facts, i)
            rest = range(first, para_last + 1)
            if rest and all(
                k not in narration or _first_match(handover, facts[k], "open", "imagined") for k in rest
            ):
                first = para_last + 1  # "… Ashcombe stages it in full.": the telling is the next paragraph
        elif (
            (named := _structure("names_a_tale").search(f.narration)) is not None
            and i + 1 < len(facts)
            and (
                facts[i + 1].paragraph != f.paragraph
                or (f.paragraph_start and _structure("the_tale_is").match(f.narration.lstrip()))
            )
        ):
            # "Every family has one story that gets told at every wedding, and ours belonged to Grandad." —
            # "In the hard winter of 1963 the Wear froze solid…": the paragraph after it is the story
            opened = CueSpan(i, f.start + named.start(), f.start + named.end(), "open", "imagined")
            first = i + 1
        elif (
            f.spoken
            and f.paragraph_start
            and i > 0
            and (ended := _structure("tale_ended").match(f.spoken.lstrip(" “\"'‘"))) is not None
        ):
            # "The summer Ray turned nineteen, he signed on aboard a tuna boat…" — "“And that,” said Uncle
            # Ray, holding up the finger, “is why I won't eat tuna.”": the paragraph before was his telling
            opened = CueSpan(i, f.start, f.start + ended.end(), "open", "imagined")
            first, ends_at = _told_before(facts, i), i - 1
        elif (
            f.paragraph_start
            and i > 0
            and i in narration
            and (ended := _structure("told_so").match(f.narration.lstrip())) is not None
        ):
            # "In the big storm of 1987, my grandfather took the Marguerite out…" — "That is how Pop told
            # it at every wedding": the paragraphs before were his telling
            opened = CueSpan(i, f.start, f.start + ended.end(), "open", "imagined")
            first, ends_at = _told_before(facts, i), i - 1
        elif _told_in_the_past(facts, i, narration):
            # "“Winter of sixty-three,” Grandad says. “Now listen, Pip.”" — "That winter the canal froze…":
            # a story told in the present that hands over to a paragraph in the past
            opened = CueSpan(i, f.start, f.end, "open", "imagined")
            first = i + 1
        else:
            opened = _first_match(handover, f, "open", "imagined")
            if opened is None or not _structure("told").search(f.narration):
                # "…, and the old man starts talking.": a telling that ends its paragraph hands over to it
                opened = _first_match(_structure_list("starts_telling"), f, "open", "imagined")
                if opened is None or i + 1 >= len(facts) or facts[i + 1].paragraph == f.paragraph:
                    continue
            first = i + 1
        last = _paragraph_bounds(facts, first)[1] if first < len(facts) else first
        last = ends_at if ends_at is not None else last
        span = [k for k in range(first, last + 1) if k in narration]
        # the tale may have been read as a flashback ("In the summer of 1971 he rowed…"): it is the tale
        told_back = next(
            (p for p in passages if p.layer == "flashback" and p.first == first and p.last <= last), None
        )
        if told_back is not None:
            span = [k for k in range(first, told_back.last + 1) if k in narration]
        if len(span) < 2 or (told_back is None and any(k in claimed for k in range(first, last + 1))):
            continue
        tale_nouns = set().union(*(_noun_lemmas(facts[k]) for k in span))
        tale_words = {  # as written, to meet them in a line of speech: "rowed", "boat"
            facts[k].narration[b - facts[k].start : e - facts[k].start].lower()
            for k in span
            for b, e, pos, _lemma in facts[k].tokens
            if pos in ("NOUN", "VERB", "PROPN")
        }
        tale_people = {c for k in span for c in facts[k].characters}
        contradiction = next(
            (
                cue
                for k in range(last + 1, min(len(facts), last + 1 + TALE_REACH))
                if (
                    cue := (
                        _tale_contradiction(facts[k], tale_nouns, tale_words, tale_people)
                        if k in narration or facts[k].quoted
                        else _called_a_trick(facts[k])
                    )
                )
                is not None
            ),
            None,
        )
        if contradiction is None:
            continue
        cue_list = [opened, contradiction]
        if told_back is not None:
            told_back.layer, told_back.kind = "imagined", _SEGMENT_KIND["imagined"]
            told_back.cues[:] = cue_list
            continue
        tales.append(SegmentSpan("imagined", _SEGMENT_KIND["imagined"], span[0], span[-1], cue_list))
        claimed.update(range(span[0], span[-1] + 1))
    return tales


#: Narrated sentences with a tense looked at before a telling, to know the story is told in the present.
TELLING_CONTEXT = 8


def _told_before(facts: Sequence[SentenceFacts], i: int) -> int:
    """The first sentence of the telling that the line at ``i`` ends: the narrated paragraphs right before
    it, back to a line of speech, a heading or :data:`TALE_REACH` sentences."""
    first = _paragraph_bounds(facts, i - 1)[0]
    while first > 0 and i - first < TALE_REACH:
        k = first - 1
        if facts[k].heading or facts[k].meta or facts[k].quoted >= 0.3:
            break
        para_first = _paragraph_bounds(facts, k)[0]
        if any(_structure("told").search(facts[j].narration) for j in range(para_first, k + 1)):
            break  # "…, and tonight he tells it again. Chanturia stages the tale as a full sequence."
        first = para_first
    return first


def _told_in_the_past(facts: Sequence[SentenceFacts], i: int, narration: set[int]) -> bool:
    """Sentence ``i`` is a line of speech that ends its paragraph, in a story told in the present, and the
    next paragraph is told in the past and the one after it in the present again: someone's telling."""
    f = facts[i]
    if f.quoted < 0.5 or i + 1 >= len(facts) or facts[i + 1].paragraph == f.paragraph:
        return False
    told_before = (facts[j].tense for j in range(i, -1, -1) if j in narration and facts[j].tense)
    before = list(itertools.islice(told_before, TELLING_CONTEXT))
    if before.count("present") < 3 or before.count("past") > 1:
        return False
    first, last = _paragraph_bounds(facts, i + 1)
    told = [facts[j].tense for j in range(first, last + 1) if facts[j].quoted < 0.5 and facts[j].tense]
    if len(told) < 2 or "present" in told:
        return False
    later = (facts[j].tense for j in range(last + 1, len(facts)) if j in narration and facts[j].tense)
    return next(later, "") == "present"


def _called_a_trick(f: SentenceFacts) -> CueSpan | None:
    """A verdict outside the retelling that the tale just told was a trick ("It is a lovely rug-pull")."""
    m = _structure("rug_pull").search(f.narration)
    if m is None:
        return None
    return CueSpan(f.index, f.start + m.start(), f.start + m.end(), "reveal", "imagined")


def _tale_contradiction(
    f: SentenceFacts,
    tale_nouns: set[str],
    tale_words: Collection[str] = (),
    tale_people: Collection[int] = (),
) -> CueSpan | None:
    """Words, narrated or spoken, that say a told story was not what happened ("the real story", "made
    that story up", "where you actually met me") — about that story: naming a telling, or a thing the
    tale told of ("tells her the truth about the overdraft" contradicts no tale of snow); or a denial of
    what the tale did, in its own words ("He's never rowed anything in his life.", "He wasn't in the
    boat.")."""
    text = f.spoken or f.narration
    m = _structure("tale_contradicted").search(text)
    if m is None:
        denied_cue, denied, _nouns = _denied_nouns(f)
        if denied_cue is not None and denied & tale_nouns:
            # "There was never any man in a white suit."
            return dataclasses.replace(denied_cue, kind="imagined")
        denial = _structure("denied_deed")
        m = next((d for d in denial.finditer(text) if d["word"].lower() in tale_words), None)
        if m is None:
            return None
        return CueSpan(f.index, f.start + m.start(), f.start + m.end(), "reveal", "imagined")
    nouns = {lemma for _s, _e, pos, lemma in f.tokens if pos == "NOUN"}
    lied = re.search(r"\bl(?:ied|ying)\b", m.group())  # "You lied to me": the telling itself, called a lie
    # (or about its hero: "Aircraftman H. Pennock … was never posted overseas" of the airman the tale told)
    about_them = bool(set(f.characters) & set(tale_people))
    if not _structure("told").search(text) and not nouns & tale_nouns and not lied and not about_them:
        return None
    return CueSpan(f.index, f.start + m.start(), f.start + m.end(), "reveal", "imagined")


def _from_named_start(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """ "Everything from the lit stove onward, then, is the cold talking": the passage starts at the last
    sentence before the reveal that tells of the thing it names, and runs to the end of its paragraph."""
    match = _structure("from_onward").search(facts[r].narration)
    if match is None:
        return _after_the_last_true(facts, r, reveal, narration, taken)
    # any word of the phrase may be what the passage began with: "the lit stove", "the drive south"
    start = _last_telling_of(facts, r, {w.lower() for w in match["phrase"].split()}, narration)
    if start is None or start in taken:
        return None
    return _to_paragraph_end(facts, start, r, reveal, narration, taken)


def _last_telling_of(
    facts: Sequence[SentenceFacts], r: int, words: Collection[str], narration: set[int]
) -> int | None:
    """The last narrated sentence before ``r`` (within reach) with a noun or verb among ``words``."""
    return next(
        (
            j
            for j in range(r - 1, max(-1, r - 2 * STRETCH_REACH), -1)
            if j in narration
            and any(
                lemma.lower() in words for _s, _e, pos, lemma in facts[j].tokens if pos in ("NOUN", "VERB")
            )
        ),
        None,
    )


def _after_the_last_true(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """ "The fumbled bottle was the last true thing we saw on the road": the passage starts right after
    the last sentence before the reveal that tells of that thing, and ends before the sentences that
    bring the real scene back ("Then the chanting thins out into a siren.")."""
    match = _structure("last_true").search(facts[r].narration.lstrip())
    if match is None:
        return None
    told = _last_telling_of(
        facts, r, {w.lower() for w in match["phrase"].split()} - _TELLING_NOUNS, narration
    )
    if told is None or told + 1 >= r:
        return None
    start = told + 1
    end = start - 1
    cues = layer_cues()
    while end + 1 < r and end + 1 in narration and end + 1 not in taken:
        if any(p.search(facts[end + 1].narration) for p in cues.returns):
            break  # the real scene comes back before the reveal
        end += 1
    if end < start:
        return None
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], start, end, [reveal])


def _to_paragraph_end(
    facts: Sequence[SentenceFacts], start: int, r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan:
    """The imagined passage from ``start`` to the end of its paragraph (the next paragraph may be the
    cut back: "The next shot is…"), before the reveal at ``r``."""
    end = start
    while (
        end + 1 < r
        and end + 1 in narration
        and facts[end + 1].paragraph == facts[start].paragraph
        and end + 1 not in taken
    ):
        end += 1
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], start, end, [reveal])


#: Words that name the telling, not a thing in it ("the sequence", "the final scene").
_TELLING_NOUNS = frozenset(
    {
        "film",
        "movie",
        "story",
        "scene",
        "sequence",
        "montage",
        "ending",
        "end",
        "finale",
        "episode",
        "shot",
        "shots",
        "moment",
        "minute",
        "minutes",
        "part",
        "section",
        "chapter",
        "act",
        "reveal",
        "twist",
        "fantasy",
        "dream",
        "vision",
        "daydream",
        "life",
        "lives",
        "version",
        "thing",
        "things",
        "way",
        "time",
        "audience",
        "viewer",
        "viewers",
    }
)


#: Someone passing the verdict on, before it: "That is Vasseur telling us (that) …", "The film tells us …".
_VERDICT_FRAME = re.compile(
    r"^\W*(?:(?:that|this|it)(?: is|'s|’s|\s+was) (?:[\w’'-]+ ){1,3}(?:telling|showing|reminding) us"
    r"|(?:the film|the show|the series|the episode|the ending|(?-i:[A-Z])[\w’'-]+)"
    r" (?:tells|shows|reminds) us)"
    r"(?: that)?\s+",
    re.IGNORECASE,
)


def _subject_nouns(f: SentenceFacts, before: int) -> set[str]:
    """The nouns and names of a subject that is all the sentence says before offset ``before``, where the
    verdict starts (none when a verb comes before it: "…, and you can watch the sums happen behind…")."""
    frame = _VERDICT_FRAME.match(f.narration)
    after = f.start + frame.end() if frame else f.start
    ahead = [(pos, lemma) for s, _e, pos, lemma in f.tokens if after <= s < before]
    if any(pos in ("VERB", "AUX") for pos, _lemma in ahead):
        return set()
    return {
        lemma.lower()
        for pos, lemma in ahead
        if pos in ("NOUN", "PROPN") and lemma.lower() not in _TELLING_NOUNS
    }


def _names_its_subject(facts: Sequence[SentenceFacts], i: int, cues: LayerCues) -> bool:
    """A long verdict whose subject names what it judges ("The yellow kitchen, Ada and the birthday dance
    are the life the two of them could have built together"), or the section that told it ("the Osaka life
    was the road not taken", under an earlier heading "Life in Osaka"), or says where it began."""
    f = facts[i]
    cue, weak = _reveal(f, cues)
    if cue is None or weak:
        return False
    nouns = _subject_nouns(f, cue.start)
    if len(nouns) >= 2 or _structure("from_onward").search(f.narration):
        return True
    return bool(_headings_naming(facts, i, nouns))


def _headings_naming(facts: Sequence[SentenceFacts], r: int, nouns: set[str]) -> list[int]:
    """The headings before sentence ``r`` with a word among ``nouns`` ("Life in Osaka" for "osaka")."""
    return [
        j
        for j in range(r)
        if facts[j].heading and nouns & {w.lower() for w in re.findall(r"[\w’'-]+", facts[j].narration)}
    ]


def _recap_verdict(f: SentenceFacts) -> CueSpan | None:
    """ "The goal over the keeper, the shoulders, his grandmother on her seat: he had played every moment
    of it while warming up": a recap of a passage, item by item, with a verdict that it was imagined."""
    match = _search(_structure("recap"), f)
    if match is None:
        return None
    return CueSpan(
        f.index, f.start + match.start("verdict"), f.start + match.end("verdict"), "reveal", "imagined"
    )


_ENDING = re.compile(r"(?:ing|ed|es|e|s)$")


def _derived(noun: str, word: str, words: Collection[str]) -> bool:
    """A noun made from a word the sentence used: "acquittal" of "acquit", "handshake" of "shake" and
    "hand" together (not "rucksack" of "sack" alone)."""
    if len(noun) <= len(word):
        return False
    if len(word) >= 5 and noun.startswith(word):
        return True
    return len(word) >= 4 and noun.endswith(word) and noun[: -len(word)] in words


def _same_stem(a: str, b: str) -> bool:
    """Two forms of one word ("dancing", "dance"; "steps", "step")."""
    stem = _ENDING.sub("", a)
    return len(stem) >= 3 and stem == _ENDING.sub("", b)


#: A thing named as what the story cuts away from ("cuts from the tram to Elena", "cuts on the applause to
#: a train") is left behind.
_CUT_AWAY = re.compile(
    r"\b(?:cuts?|cutting|pans?|panning|switch(?:es)?|jumps?|dissolves?|moves?|turns?) (?:away |back )?"
    r"(?:from|on) (?:the |his |her |their |a |an )?(?:[\w-]+ )?$",
    re.IGNORECASE,
)

#: Sentences of retelling, at most, between two that tell of a recap's items.
RECAP_GAP = 3


def _passage_recapped(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """The passage a recap lists ("the embrace, the toast and the dancing were a wedding he had
    rehearsed"): the one unbroken run of retelling before it that tells of two of its items at least, from
    the first sentence that tells of one to the last."""
    f = facts[r]
    match = _search(_structure("recap"), f)
    if match is None or not f.start + match.start("verdict") <= reveal.start < f.start + match.end("verdict"):
        return None
    lo, hi = f.start + match.start("list"), f.start + match.end("list")
    items = {
        lemma.lower()
        for start, _e, pos, lemma in f.tokens
        if lo <= start < hi and pos in ("NOUN", "PROPN") and lemma.lower() not in _TELLING_NOUNS
    }
    if len(items) < 2:
        return None

    def told(j: int) -> set[str]:
        g = facts[j]
        words = {
            lemma.lower()
            for at, _e, pos, lemma in g.tokens
            if pos in ("NOUN", "PROPN", "VERB")
            and not _CUT_AWAY.search(g.narration[max(0, at - g.start - 24) : at - g.start])
        }
        return {
            item
            for item in items
            if item in words
            or any(w.endswith(item) or _same_stem(w, item) or _derived(item, w, words) for w in words)
        }

    last: int | None = None
    first: int | None = None
    found: set[str] = set()
    gap = 0  # sentences of retelling since the last that told of an item
    for j in range(r - 1, max(-1, r - 2 * STRETCH_REACH), -1):
        if j in taken or facts[j].heading or facts[j].meta:
            break
        if j not in narration:
            continue  # a critic's aside inside the passage ("It is a gorgeous five minutes")
        here = told(j)
        if here:
            last = j if last is None else last
            first, gap = j, 0
            found |= here
        elif last is not None:
            gap += 1
            if gap > RECAP_GAP:
                break
    ends = _recap_ends(facts, r, match, told, taken)
    if ends is not None and (first is None or last is None or (ends[0] < first and ends[1] >= last)):
        first, last, found = ends[0], ends[1], items  # "the turning, the candles and my father's hand"
    if first is None or last is None or len(found) < 2 or first == 0:
        return None
    # the passage runs on to the end of the paragraph of its last item ("Children run beside them
    # shouting."), short of the reveal's own paragraph
    own_first = _paragraph_bounds(facts, r)[0]
    para_last = _paragraph_bounds(facts, last)[1]
    rest = range(last + 1, para_last + 1)
    if para_last < own_first and all(k in narration and k not in taken for k in rest):
        last = para_last
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], first, last, [reveal])


#: Between the items of a recap's list.
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+")


def _recap_ends(
    facts: Sequence[SentenceFacts],
    r: int,
    match: re.Match[str],
    told: Callable[[int], set[str]],
    taken: set[int],
) -> tuple[int, int] | None:
    """A recap lists a passage in its order ("the turning, the candles and my father's hand at my
    elbow"): the passage runs from the last sentence to tell of the first item before the last one to
    tell of the last item, however far apart, within ``2 * STRETCH_REACH`` sentences and no heading."""
    f = facts[r]
    text, base = match.group("list"), f.start + match.start("list")
    bounds = [0, *(m.end() for m in _LIST_SEPARATOR.finditer(text)), len(text) + 1]
    groups = [
        {
            lemma.lower()
            for start, _e, pos, lemma in f.tokens
            if base + lo <= start < base + hi - 1
            and pos in ("NOUN", "PROPN")
            and lemma.lower() not in _TELLING_NOUNS
        }
        for lo, hi in itertools.pairwise(bounds)
    ]
    groups = [g for g in groups if g]
    if len(groups) < 3:
        return None
    last = first = None
    for j in range(r - 1, max(-1, r - 2 * STRETCH_REACH), -1):
        if j in taken or facts[j].heading or facts[j].meta:
            break
        here = told(j)
        if last is None and here & groups[-1]:
            last = j
        elif last is not None and here & groups[0]:
            first = j
            break
    if first is None or last is None or first == 0:
        return None
    middle = set().union(*groups[1:-1])
    if not any(told(j) & middle for j in range(first, last + 1)):
        return None
    return first, last


def _a_list_judged(f: SentenceFacts, reveal: CueSpan) -> bool:
    """The sentence is only a subject and the verdict on it: it opens on the things, with no adverb
    or clause before them, and the verdict opens on its verb "to be" ("…the birthday dance are the life…")."""
    said = f.narration[reveal.start - f.start : reveal.end - f.start].lower()
    ahead = f.narration[: reveal.start - f.start]
    return (
        re.match(r"(?:is|are|was|were)\b", said) is not None
        and not any(pos in ("ADV", "SCONJ") for s, _e, pos, _l in f.tokens if s < reveal.start)
        and ", and " not in ahead
    )


def _in_a_compound(f: SentenceFacts, start: int, end: int) -> bool:
    """The word is part of a hyphenated one ("a fifty-year-old architect" tells of no years)."""
    at, to = start - f.start, end - f.start
    return f.narration[to : to + 1] == "-" or (at > 0 and f.narration[at - 1 : at] == "-")


def _passage_of_named_things(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """A verdict outside the retelling that lists the things the unreal stretch showed ("The yellow
    kitchen, Ada and the birthday dance are the life…"): the passage is the run of retelling, before it,
    that tells of them, from the start of the paragraph where they first appear to the last of them."""
    nouns = _subject_nouns(facts[r], reveal.start)
    if len(nouns) < 2:
        return None
    if r in narration and not _a_list_judged(facts[r], reveal):
        return None  # "Then a bell clangs, and Bex is exactly where we left her": a scene, not a verdict
    things = {lemma.lower() for _s, _e, pos, lemma in facts[r].tokens if pos == "NOUN"} & nouns
    told = {
        j: {
            lemma.lower()
            for start, end, pos, lemma in facts[j].tokens
            if pos in ("NOUN", "PROPN") and not _in_a_compound(facts[j], start, end)
        }
        & nouns
        for j in range(max(0, r - 2 * STRETCH_REACH), r)
        if j in narration and j not in taken
    }
    telling = sorted(j for j, found in told.items() if found)
    # two of the things at least, one of them a thing and not only a name ("the boathouse", not "Ilse")
    if not telling or len(set().union(*(told[j] for j in telling))) < 2:
        return None
    if not things & set().union(*(told[j] for j in telling)):
        return None
    last = telling[-1]
    # the things must be told together: one unbroken run of retelling holds them all
    first = next(j for j in telling if all(k in narration and k not in taken for k in range(j, last + 1)))
    if len(set().union(*(told[j] for j in telling if j >= first))) < 2:
        return None
    para_first, _ = _paragraph_bounds(facts, first)
    while first > para_first and first - 1 in narration and first - 1 not in taken:
        first -= 1
    if first == 0:
        return None
    return SegmentSpan(
        reveal.kind if reveal.kind in ("dream", "alternate") else "imagined",  # type: ignore[arg-type]
        _SEGMENT_KIND[reveal.kind if reveal.kind in ("dream", "alternate") else "imagined"],
        first,
        last,
        [reveal],
    )


#: The last word of each item of a listed subject ("the house, the football team and …").
_LISTED = re.compile(r"\b(?:the|her|his|their) (?:[\w-]+ )?([\w-]+)(?=,| and\b)", re.IGNORECASE)


def _named_thing_in_a_section_before(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """ "## So what was the rooftop scene? / The shove is Vell's wish, not an event": an article's later
    section that calls a thing the retelling told unreal ("the shove" — "with one shove, sends him over")
    exposes the sentence that told it, to the end of its paragraph, when the retelling lies in an earlier
    section."""
    match = _structure("predicated_unreal").search(facts[r].narration)
    noun = (match["noun"] or "").lower() if match is not None else ""
    if match is None or not noun or noun in word_set("layers", "not_a_stretch"):
        return None
    # "The house, the recitals and the cake on the roof belong to a life she has been furnishing": each
    nouns = {noun} | {n.lower() for n in _LISTED.findall(match["list"] or "")}

    def names(j: int) -> bool:
        return any(
            lemma.lower() in nouns or lemma.lower() + "s" in nouns  # "the recitals": recital
            for _s, _e, pos, lemma in facts[j].tokens
            if pos in ("NOUN", "VERB")
        )

    crossed = False  # a heading lies between
    for j in range(r - 1, max(-1, r - 2 * STRETCH_REACH), -1):
        if j in taken:
            return None
        crossed = crossed or facts[j].heading
        if crossed and j in narration and names(j):
            # from the first of the things its paragraph tells
            first, _ = _paragraph_bounds(facts, j)
            j = next(k for k in range(first, j + 1) if k in narration and names(k))
            return _to_paragraph_end(facts, j, r, reveal, narration, taken)
    return None


def _previous_section(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """ "Everything in the previous chapter was written in that notebook": a reveal that names the
    section before its own exposes that section, from heading to heading."""
    said = facts[r].narration[reveal.start - facts[r].start : reveal.end - facts[r].start]
    if not _structure("previous_section").search(said):
        return None
    headings = [j for j in range(r - 1, -1, -1) if facts[j].heading]
    if len(headings) < 2:
        return None
    first, last = headings[1] + 1, headings[0] - 1
    body = [j for j in range(first, last + 1) if j in narration]
    if not body or any(j in taken for j in body):
        return None
    return SegmentSpan("imagined", _SEGMENT_KIND["imagined"], body[0], body[-1], [reveal])


def _named_section(
    facts: Sequence[SentenceFacts], r: int, reveal: CueSpan, narration: set[int], taken: set[int]
) -> SegmentSpan | None:
    """ "That is Vasseur telling us the Osaka life was the road not taken", after a section headed "Life in
    Osaka": a verdict whose subject names an earlier section's heading exposes that section, from its
    heading to the next."""
    named = _headings_naming(facts, r, _subject_nouns(facts[r], reveal.start))
    if len(named) != 1:
        return None
    after = next((j for j in range(named[0] + 1, r) if facts[j].heading), None)
    last = after - 1 if after is not None else r - 1
    body = [j for j in range(named[0] + 1, last + 1) if j in narration]
    if not body or any(j in taken for j in body):
        return None
    layer = reveal.kind if reveal.kind in ("dream", "alternate") else "imagined"
    return SegmentSpan(layer, _SEGMENT_KIND[layer], body[0], body[-1], [reveal])  # type: ignore[arg-type]


#: Sentences after a flashback someone told in which the talk may call it made up (a scene of dialogue).
TOLD_REACH = 25


def _exposed_told_flashbacks(passages: Sequence[SegmentSpan], facts: Sequence[SentenceFacts]) -> None:
    """ "Did I ever tell you about the Saint Brendan?" — "In the winter of 1962, Walter…" — "Grandad, did
    you make that up?": a flashback told by someone in the room, which the talk after it calls made up,
    was imagined."""
    for seg in passages:
        if seg.layer != "flashback":
            continue
        offered = any(
            _structure("tell_offer").search(facts[j].spoken) for j in range(max(0, seg.first - 3), seg.first)
        )
        if not offered:
            continue
        for k in range(seg.last + 1, min(len(facts), seg.last + 1 + TOLD_REACH)):
            text = facts[k].spoken or facts[k].narration
            m = _structure("tale_contradicted").search(text)
            if m is not None:
                seg.layer = "imagined"
                seg.kind = _SEGMENT_KIND["imagined"]
                seg.cues.append(
                    CueSpan(k, facts[k].start + m.start(), facts[k].start + m.end(), "reveal", "imagined")
                )
                break


#: "Almost forty years later, in 1997, …": a jump of years ahead, to a year it names.
_LEAP = re.compile(
    r"\b(?:\w+ ){0,2}(?:years|decades) later\b[^.;]{0,40}?\b(?P<year>1[5-9]\d\d|20\d\d)\b", re.IGNORECASE
)
#: Sentences, at most, between a leap ahead and the flashback that returns from it.
LEAP_REACH = 12


def _leaps_ahead(
    passages: list[SegmentSpan], facts: Sequence[SentenceFacts], narration: set[int]
) -> list[SegmentSpan]:
    """ "In October 1958 Tomas…" … "Almost forty years later, in 1997, …" … "In the spring of 1959 Tomas
    was signed off sick": a "flashback" to a year no earlier than the story's own that follows a leap of
    years ahead is the story going on; the leap was shown ahead of time, a flash-forward."""
    result = list(passages)
    taken = {j for seg in passages for j in range(seg.first, seg.last + 1)}
    for seg in passages:
        if seg.layer != "flashback" or not seg.cues:
            continue
        back = [int(y) for y in _YEAR.findall(facts[seg.first].narration)]
        if not back:
            continue
        leap = next(
            (
                (k, int(m["year"]))
                for k in range(seg.first - 1, max(-1, seg.first - 1 - LEAP_REACH), -1)
                if k in narration and (m := _LEAP.search(facts[k].narration)) is not None
            ),
            None,
        )
        if leap is None or leap[1] <= back[0] or any(j in taken for j in range(leap[0], seg.first)):
            continue
        story = [int(y) for j in range(leap[0]) if j in narration for y in _YEAR.findall(facts[j].narration)]
        if not story or min(story) > back[0]:
            continue  # the story itself is set after the year gone back to: a real flashback
        k = leap[0]
        cue = CueSpan(k, facts[k].start, facts[k].end, "open", "flash_forward")
        result.remove(seg)
        result.append(SegmentSpan("flash_forward", _SEGMENT_KIND["flash_forward"], k, seg.first - 1, [cue]))
    return sorted(result, key=lambda p: p.first)


def _other_versions(passages: Sequence[SegmentSpan], facts: Sequence[SentenceFacts]) -> None:
    """ "Then the film rewinds to 11:52 p.m. … In this second version, Hanne runs out into the rain": a
    rewind that opens another version of the same events is an alternate line, not a flashback."""
    for seg in passages:
        if seg.layer != "flashback":
            continue
        opening = range(max(0, seg.first - 1), min(seg.last, seg.first + 1) + 1)
        if any(_structure("other_version").search(facts[j].narration) for j in opening):
            seg.layer = "alternate"
            seg.kind = _SEGMENT_KIND["alternate"]


def _strand_marks(facts: Sequence[SentenceFacts]) -> tuple[frozenset[str], frozenset[str]]:
    """The words a film's two lives are told apart by ("shoots the life Gigi actually lives in warm,
    grainy 16mm, and intercuts it with a second life, the one in which she made the train, in cold digital
    blue"): those of the real life and those of the other, each going with the nearer of the two."""
    real_said, other_said = _structure("real_life_said"), _structure("other_life_said")
    marks = _structure("strand_marks")
    for f in facts:
        text = f.narration
        real = [m.start() for m in real_said.finditer(text)]
        other = [m.start() for m in other_said.finditer(text)]
        if not real or not other:
            continue
        sides: dict[str, set[str]] = {"real": set(), "other": set()}
        for m in marks.finditer(text):
            to_real = min(abs(m.start() - at) for at in real)
            to_other = min(abs(m.start() - at) for at in other)
            sides["real" if to_real < to_other else "other"].add(m.group().lower())
        real_marks, other_marks = sides["real"] - sides["other"], sides["other"] - sides["real"]
        if real_marks and other_marks:
            return frozenset(real_marks), frozenset(other_marks)
    return frozenset(), frozenset()


#: "In the blue life, …", "In the warm version, …": a sentence that says which life it tells.
_MARKED_LIFE = re.compile(
    r"^(?:\w+ ){0,3}?(?:in|into) the (?P<mark>[\w-]+) (?:life|version|strand|timeline|world|line|one)\b"
    r"|^the (?P<subject>[\w-]+) (?:life|version|strand|timeline|world|line)\b",
    re.IGNORECASE,
)


def _marked_strands(
    passages: list[SegmentSpan], facts: Sequence[SentenceFacts], narration: set[int]
) -> list[SegmentSpan]:
    """A story told as two lives the film marks by their look ("In the blue life, Gigi catches the 22:10
    …" / "The warm life is small and stubborn."): a paragraph that opens in the other life is an
    alternate passage, to the end of its paragraph or to a sentence back in the real one; a passage
    found elsewhere that opens in the real life is the story's own line after all."""
    real_marks, other_marks = _strand_marks(facts)
    if not other_marks:
        return passages

    def life(j: int) -> str | None:
        match = _MARKED_LIFE.match(facts[j].narration.lstrip())
        said = (match["mark"] or match["subject"] or "").lower() if match else ""
        return "real" if said in real_marks else "other" if said in other_marks else None

    kept = [seg for seg in passages if not (seg.layer in UNREAL and life(seg.first) == "real")]
    taken = {j for seg in kept for j in range(seg.first, seg.last + 1)}
    j = 0
    while j < len(facts):
        if j not in narration or j in taken or life(j) != "other":
            j += 1
            continue
        _, para_last = _paragraph_bounds(facts, j)
        last = j
        while last + 1 <= para_last and last + 1 not in taken and life(last + 1) != "real":
            last += 1
        cue = CueSpan(j, facts[j].start, facts[j].end, "open", "alternate")
        kept.append(SegmentSpan("alternate", _SEGMENT_KIND["alternate"], j, last, [cue]))
        taken.update(range(j, last + 1))
        j = last + 1
    return sorted(kept, key=lambda seg: seg.first)


_STRAND = re.compile(
    r"\b(?:in )?the (?P<nth>first|second|third|other) "
    r"(?:strand|branch|timeline|thread|version|path)\b",
    re.IGNORECASE,
)


def _without_the_line_followed(
    passages: list[SegmentSpan], facts: Sequence[SentenceFacts], narration: set[int]
) -> list[SegmentSpan]:
    """Of two strands a story splits into ("In the first strand, Ada misses the bus … In the second
    strand…"), the one the telling comes back to after both, by name ("Meanwhile, the first strand's
    stall slowly recovers"), is the story's own line, not an alternate one."""
    alternate = [seg for seg in passages if seg.layer == "alternate"]
    if len(alternate) < 2:
        return passages
    named: dict[str, SegmentSpan] = {}
    for seg in alternate:
        match = _STRAND.search(facts[seg.first].narration)
        if match is not None:
            named.setdefault(match["nth"].lower(), seg)
    if len(named) < 2:
        return passages
    after = max(seg.last for seg in named.values())
    for j in sorted(narration):
        if j <= after or any(seg.first <= j <= seg.last for seg in passages):
            continue
        match = _STRAND.search(facts[j].narration)
        followed = named.get(match["nth"].lower()) if match is not None else None
        if followed is not None:
            return [seg for seg in passages if seg is not followed]
    return passages


#: A hand-over that names the layer it hands over to ("into Bea's daydream", "in a flashback").
_NAMES_A_LAYER = re.compile(r"flashback|dream|fantasy|imagination|nightmare|reverie|\blife\b")


def _handed_over_to(said: str) -> str:
    """The layer of the passage a hand-over names: "in a flashback", "into her dream", "her daydream"."""
    if "flashback" in said:
        return "flashback"
    return "dream" if re.search(r"(?<!day)dream|nightmare", said) else "imagined"


def _cue_text(f: SentenceFacts, cue: CueSpan) -> str:
    """The words of the sentence a cue covers, lower case."""
    return f.narration[cue.start - f.start : cue.end - f.start].lower()


def _retype_before(passages: Sequence[SegmentSpan], r: int, layer: Layer) -> None:
    """A dream reveal right after an interruption ("A knock on the window. … It had all been a dream.")
    says what the passage before the interruption was."""
    for seg in passages:
        if seg.layer == "imagined" and 0 < r - seg.last <= 4:
            seg.layer = layer
            seg.kind = _SEGMENT_KIND[layer]


def find_layers(facts: Sequence[SentenceFacts]) -> tuple[list[Layer], list[SegmentSpan]]:
    """The layer of every sentence and the segments (runs of one non-actual layer) they form."""
    cues = layer_cues()
    layers: list[Layer] = ["meta" if f.meta else "actual" for f in facts]
    cues_read = {f.index: commentary_cues(f, cues) for f in facts if not f.meta}
    weights = commentary_weights(facts, cues_read)
    commentary = commentary_sentences(facts, weights, cues_read)
    for i in commentary:
        layers[i] = "commentary"
    narration = {f.index for f in facts if not f.meta and f.index not in commentary}
    passages: list[SegmentSpan] = []
    taken: set[int] = set()
    named = _names_unreality(facts, commentary, cues)
    main_line: set[int] = set()  # where the story proper starts after an opening shown ahead of time
    ahead = _opened_ahead(facts, narration, cues)
    if ahead is not None:
        passages.append(ahead[0])
        taken.update(range(ahead[0].first, ahead[0].last + 1))
        main_line.add(ahead[1])
    i = 0
    while i < len(facts):
        # "the story keeps returning to …", or commentary that hands over to a passage ("…, and for nine
        # glorious minutes Doyle drops us into Marnie's daydream")
        handover = _first_match(cues.signs.get("announce", ()), facts[i], "open", "imagined")
        announces = i in commentary and (weights[i] <= WEAK_COMMENTARY or handover is not None)
        framing: bool | None = None
        if (i in narration or announces) and i not in taken and i not in main_line:
            cue = _opener(facts[i], cues)
            if cue is not None and i not in narration and _framing(facts[i], cue, cues):
                cue = None  # an opinion that names a dream or a fantasy opens no passage of its own
            if cue is not None and _recap_verdict(facts[i]) is not None:
                # a recap with its verdict looks back: "The bookshop, the rooftop and the tram are the
                # reunion she plays out in her head"
                cue = None
            if (
                cue is None
                and handover is not None
                and (
                    i in commentary
                    or facts[i].person_subject  # "Tandy films it in full": a maker, whatever the model says
                    or _NAMES_A_LAYER.search(_cue_text(facts[i], handover))
                )
            ):
                # the commentary hands over to the passage after it: "Doyle drops us into Marnie's daydream"
                kind = _handed_over_to(_cue_text(facts[i], handover))
                cue, framing = dataclasses.replace(handover, kind=kind), False
            first_told = not any(j in narration for j in range(i))
            said = facts[i].narration[cue.start - facts[i].start : cue.end - facts[i].start] if cue else ""
            implicit = not re.search(r"flash|back|earlier|before", said, re.IGNORECASE)
            premise = cue is not None and (cue.kind == "alternate" or (cue.kind == "flashback" and implicit))
            if premise and first_told:
                # "In a world where toys come to life…" at the start is the premise; "In the summer of
                # 1958, Nell was sent to Cornwall" at the start is where the story begins, not a flashback
                cue = None
            if cue is not None:
                seg = _opened_passage(facts, i, cue, narration, cues, framing=framing)
                if seg is not None:
                    passages.append(seg)
                    taken.update(range(seg.first, seg.last + 1))
                    i = seg.last + 1
                    continue
        i += 1
    for seg in [
        *_framed_flashbacks(facts, narration, taken, cues),
        *_opening_flash_forward(facts, narration, taken, cues),
    ]:
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
    for seg in _imagined_presences(facts, narration, taken, cues, recorded=False):
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
    for seg in _modal_runs(facts, narration, taken, cues):
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
    for seg in _contradicted_tales(facts, narration, taken, cues, passages):
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
    for seg in _dead_all_along(facts, narration, taken):
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
    # a short verdict on what came before ("It is also a lie.", "None of it is real.") reveals it, opinion
    # or not (not a long appraisal that says "you can watch the sums happen behind her eyes")
    revealing = {
        i
        for i in commentary
        if (len(facts[i].narration.split()) <= VERDICT_WORDS or _names_its_subject(facts, i, cues))
        and (_strong_reveal(facts[i], cues) or _predicated_unreal(facts, i))
    }
    # a critic's recap of a passage with its verdict ("we understand that the square, the rain and the
    # flag have been playing behind his eyelids")
    revealing |= {i for i in commentary if _recap_verdict(facts[i]) is not None}
    # and a commentary's denial of the people and things a passage told: "There was no Tomás, no Inês,
    # no balcony; the hour we have just spent with them is the life sealed inside that envelope."
    denying = {i for i in commentary if _denied_nouns(facts[i])[1]}
    revealing |= denying
    for r in sorted((narration | revealing) - taken):
        f = facts[r]
        reveal, weak = _reveal(f, cues)
        if reveal is None:
            reveal, weak = (
                _the_real_one(facts, r)
                or _predicated_unreal(facts, r)
                or _still_in_place(facts, r)
                or _untouched(facts, r)
                or _state_undone(facts, r)
                or _never_happened(facts, r)
                or _nobody_did(facts, r)
                or _never_been(facts, r)
                or _not_there(facts, r)
                or _calendar_behind(facts, r)
                or _recap_verdict(facts[r]),
                False,
            )
        if reveal is None:
            reveal, weak = _still_travelling(facts, r), True
        if r not in narration and (reveal is None or weak) and r not in denying:
            continue
        denied = _denied_passage(facts, r, narration, taken) if reveal is None else None
        if denied is not None:
            reveal = denied.cues[0]  # "There was no wreck on the skerries and no survivor in the bothy."
        if reveal is None or (
            weak
            and _structure("time_shift").match(f.narration.lstrip())
            and not _structure("found_asleep").search(f.narration)
        ):
            # "That night Kitty knocks on her door.": the story moved on; nothing was interrupted (but
            # "At seven the next morning Morag finds her brother slumped across the kitchen table")
            continue
        if any(c.sentence == r and c.role == "reveal" for seg in passages for c in seg.cues):
            continue  # "The tale is false": it exposed a told tale already, not the lines before it too
        said = f.narration[reveal.start - f.start : reveal.end - f.start]
        if not weak and _structure("tale_exposed").search(said) and _expose_tale(passages, facts, r, reveal):
            continue  # "the card game is his own invention": the tale told earlier, not the lines before
        if not weak and _NEVER_CAME.search(said) and _expose_future(passages, facts, r, reveal):
            continue  # "The shop that would have been Wolska's…": the future the film opened on never came
        witnessed = reveal.role == "reveal" and reveal.kind == "overheard"
        if witnessed:
            reveal = dataclasses.replace(reveal, kind="imagined")
        seg = (
            denied
            or (_scene_before_return(facts, r, reveal, taken) if witnessed else None)
            or _paragraph_denied_by_nobody(facts, r, reveal, narration, taken)
            or _previous_section(facts, r, reveal, narration, taken)
            or _named_section(facts, r, reveal, narration, taken)
            or _from_named_start(facts, r, reveal, narration, taken)
            or _named_thing_in_a_section_before(facts, r, reveal, narration, taken)
            or _paragraph_of_the_thing(facts, r, reveal, narration, taken)
            or _passage_that_undid(facts, r, reveal, narration, taken, cues)
            or _passage_never_been(facts, r, reveal, narration, taken)
            or _passage_recapped(facts, r, reveal, narration, taken)
            or _passage_of_named_things(facts, r, reveal, narration, taken)
            or _revealed_passage(facts, r, reveal, narration, taken, cues)
        )
        if seg is not None and denied is None:
            seg = _before_the_undoing(facts, r, seg, reveal, narration, taken, cues)
        opened = _opened_just_before(passages, r)
        if opened is not None and not weak and (seg is None or seg.first == opened.last + 1):
            if seg is not None and not _a_return(facts[seg.first], cues):
                # "She dreams that she is at Lord's." — "The stands are full. …": the passage went on
                opened.last = seg.last
                taken.update(range(seg.first, seg.last + 1))
            # "Then the film gives us the life. …" — "And then the little girl starts crying. … So the
            # orchard life was only ever Calla's.": the reveal confirms the passage opened just before
            opened.cues.append(reveal)
            continue
        found_asleep = (
            _structure("found_asleep").search(said) is not None
        )  # (by someone else: "Morag finds…")
        if (
            seg is not None
            and reveal.kind == "dream"
            and not found_asleep
            and _someone_else_slept(facts, r, seg)
        ):
            continue  # "Downstairs, Mum had fallen asleep on the sofa": not the one the passage follows
        if weak and seg is not None and _woken_before(passages, seg):
            continue  # "At first light the storm has passed.": after a waking the story is real again
        went = _left_yet_still_there(facts, r, seg, narration, taken) if weak and seg is not None else None
        if seg is not None and went is not None:
            seg = dataclasses.replace(seg, first=min(seg.first, went))
        dawn = (
            _dawn_not_come(facts, r, seg, narration, taken)
            if weak and seg is not None and went is None
            else None
        )
        if seg is not None and dawn is not None:
            # the passage opened on a dawn that has not come: a night's dream
            seg = dataclasses.replace(seg, first=dawn, layer="dream", kind=_SEGMENT_KIND["dream"])
            went = dawn
        arrival = _arrived_too_soon(facts, r, seg, narration, taken) if seg is not None else None
        if seg is not None and arrival is not None:
            seg, went = dataclasses.replace(seg, first=arrival), arrival  # from the arrival that never was
        moved = (
            _thing_back_in_place(facts, r, seg, narration, taken)
            if weak and seg is not None and went is None
            else None
        )
        if seg is not None and moved is not None:
            went = min(moved, _back_among_things(facts, r, seg.first, taken))
            seg = dataclasses.replace(seg, first=went)
        if (
            weak
            and seg is not None
            and (
                went is not None
                or _corroborated(facts, r, narration, cues)
                or _clock_ran_back(facts, r, seg)
                or _denial_follows(facts, r, seg)
                or _asleep_over_the_same(facts, r, seg)
            )
        ):
            weak = False
            if reveal.kind != "dream" and _dream_told_beside(facts, r, narration, cues):
                # "Voss is sitting exactly as he was. “Four minutes you were out, ma'am.”": a dream
                slept = dataclasses.replace(reveal, kind="dream")
                cues_now = [slept if c == reveal else c for c in seg.cues]
                seg = dataclasses.replace(seg, layer="dream", kind=_SEGMENT_KIND["dream"], cues=cues_now)
                reveal = slept
        if seg is not None and not weak and reveal.kind == "dream":
            seg = _asleep_since(facts, r, seg, narration, taken)
        if seg is None or (weak and not _weak_reveal_holds(facts, seg, r, named, cues, narration)):
            if reveal.kind == "dream" and not weak:
                _retype_before(passages, r, "dream")
            continue
        if reveal.kind == "flashback":
            continue
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
        if r in revealing and len(f.narration.split()) <= VERDICT_WORDS:
            layers[r] = "actual"  # the reveal itself stays in the story's reality (not a long appraisal)
    # what a reveal in so many words did not expose, a recording that shows someone alone may
    for seg in _imagined_presences(facts, narration, taken, cues, recorded=True):
        passages.append(seg)
        taken.update(range(seg.first, seg.last + 1))
    _other_versions(passages, facts)
    passages = _marked_strands(passages, facts, narration)
    passages = _without_the_line_followed(passages, facts, narration)
    _exposed_told_flashbacks(passages, facts)
    passages = _leaps_ahead(passages, facts, narration)
    for seg in passages:
        for j in range(seg.first, seg.last + 1):
            if j in narration or (j in commentary and weights[j] <= WEAK_COMMENTARY):
                layers[j] = seg.layer
    _commentary_about_passages(facts, layers, passages, cues)
    for f in facts[1:]:
        if not any(ch.isalnum() for ch in f.narration) and f.quoted < 1 and not f.meta:
            layers[f.index] = layers[f.index - 1]
    return layers, _segments(layers, passages)


def _commentary_about_passages(
    facts: Sequence[SentenceFacts], layers: list[Layer], passages: Sequence[SegmentSpan], cues: LayerCues
) -> None:
    """After an unreal passage, a sentence that speaks of "the fantasy" or "in reality" is about it."""
    unreal = [seg for seg in passages if seg.layer in UNREAL]
    if not unreal:
        return
    after = min(seg.last for seg in unreal)
    about = cues.signs.get("about", ())
    for f in facts[after + 1 :]:
        if layers[f.index] == "actual" and any(_matches(about, f)):
            layers[f.index] = "commentary"


def _segments(layers: Sequence[Layer], passages: Sequence[SegmentSpan]) -> list[SegmentSpan]:
    """Passages, plus runs of commentary and furniture, in text order."""
    result = list(passages)
    covered = {j for seg in passages for j in range(seg.first, seg.last + 1)}
    i = 0
    while i < len(layers):
        layer = layers[i]
        if layer in ("commentary", "meta") and i not in covered:
            j = i
            while j + 1 < len(layers) and layers[j + 1] == layer and j + 1 not in covered:
                j += 1
            result.append(SegmentSpan(layer, _SEGMENT_KIND[layer], i, j))
            i = j + 1
        else:
            i += 1
    return sorted(result, key=lambda s: s.first)


@Language.factory(
    "denouement_layers",
    requires=["doc._.meta_sentences", "doc._.characters", "doc._.quotes"],
    assigns=["doc._.layers", "doc._.segments"],
)
def make_layers(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The ``denouement_layers`` stage. Its cue patterns are compiled, and read for the quick test of
    :func:`may_search`, here — when the pipeline is built — rather than on the first text."""
    cues = layer_cues()
    lists = [v for v in vars(cues).values() if isinstance(v, tuple)]
    lists += [patterns for v in vars(cues).values() if isinstance(v, dict) for patterns in v.values()]
    lists += [_structure_list(name) for name in load_lexicon("layers")["structure"]]
    prepare_search(v for v in vars(cues).values() if isinstance(v, re.Pattern))
    prepare_search(p for patterns in lists for p in patterns)
    for patterns in lists:
        cue_list(patterns)
    return layers_component


def layers_component(doc: Doc) -> Doc:
    layers, segments = find_layers(sentence_facts(doc))
    doc._.layers = layers
    doc._.segments = segments
    return doc
