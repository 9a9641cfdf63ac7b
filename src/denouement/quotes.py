"""Quotes: who says what.

:func:`find_quotes` decides which quoted stretches are speech (not a nickname, a song title or an ironic
"perfect") and attributes each to a speaker, trying in order:

1. *verb*: a speech verb next to the quote, before or after it, and its subject
   (“…,” she says / says Mia / He tells her: “…” / “…,” Chazelle told a magazine);
2. *colon*: ``Mia: “…”``;
3. *split*: the second half of a quote broken by an attribution takes the same speaker;
4. *context*: an action sentence of one character right before or after the quote in its paragraph;
5. *turn*: an untagged line in an exchange goes to the other party of the two previous lines.

Speakers are character keys (pronouns resolved by :mod:`denouement.coref`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from denouement.characters import (
    FAMILY_TITLES,
    CharacterCluster,
    Gender,
    Mention,
    StoryIndex,
    absorb,
    family_words,
    family_words_called,
    kin_relations,
    kin_word_gender,
    mentions_by_token,
    nicknames_given,
    second_subject,
    story_index,
    token_starts,
)
from denouement.coref import PRONOUN_GENDER
from denouement.document import Block
from denouement.lexicon import load_lexicon, word_set
from denouement.quotemarks import QuoteMarks
from denouement.sentences import block_of, block_starts, blocks_of

__all__ = ["QuoteSpan", "find_quotes"]

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)

_TERMINAL = tuple(".,!?…—–-;:")
_AFTER_WINDOW = 7
_BEFORE_WINDOW = 14


@dataclass
class QuoteSpan:
    """A quoted stretch that is speech. Offsets are of the words inside the marks."""

    start: int
    end: int
    sentence: int
    paragraph: int
    speaker: int | None = None
    addressee: int | None = None
    attribution: str | None = None
    unclosed: bool = False  # the paragraph ended inside the quote: the speech goes on in the next one
    vocative: int | None = None  # the character the line calls by name (never its speaker)
    extension: str | None = None  # scripts: the cue's extension (V.O., O.S.)
    start_time: float | None = None  # subtitles: the cue's times in seconds
    end_time: float | None = None
    tagged_as: Gender = "unknown"  # the gender of an unresolved "she said" tag: no guess may contradict it


class _Context:
    def __init__(self, doc: Doc, index: StoryIndex, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.index = index
        self.by_token = mentions_by_token(mentions)
        self.speech = word_set("quotes", "speech_verbs")
        self.humans = word_set("characters", "human_nouns")
        titles = load_lexicon("characters")["titles"]
        self.title_words = frozenset(str(w).lower() for words in titles.values() for w in words)
        relations = load_lexicon("characters")["relation_gender"]
        self.noun_gender = {str(w).lower(): g for g in ("female", "male") for w in relations.get(g, [])}
        self.gender: dict[int, str] = {}
        self.not_speech = word_set("quotes", "not_speech_before")
        self.voices = word_set("quotes", "voice_nouns")
        self.starts = token_starts(doc)
        # characters of another work (a novel someone writes, a film they watch): named in the narration,
        # but never a party to the story's own talk
        self.unvoiced: frozenset[int] = frozenset()
        self.cast: frozenset[int] = frozenset()  # the story's own characters (no real people)
        self.title_holders: dict[str, int] = {}  # a title only one character bears -> that character
        # the one character each family relation names in the narration ("Grandad" → grandfather)
        self.kin: dict[str, int] = {}

    def token_at_or_after(self, char: int) -> int:
        """Index of the first token starting at or after ``char`` (``len(doc)`` if none)."""
        return bisect.bisect_left(self.starts, char)

    def cluster(self, token: Token) -> int | None:
        m = self.by_token.get(token.i)
        return m.cluster if m else None

    def actor(self, token: Token) -> int | None:
        """The character a subject is, or whose voice it is ("Bea's voice was thin")."""
        direct = self.cluster(token)
        if direct is not None or token.lemma_.lower() not in self.voices:
            return direct
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        return self.cluster(owner) if owner is not None else None

    def cluster_in(self, token: Token) -> int | None:
        """The character a noun phrase refers to: its head, or a name inside it ("director X")."""
        direct = self.cluster(token)
        if direct is not None:
            return direct
        for t in token.subtree:
            if t.i != token.i and not self.index.in_quote(t):
                key = self.cluster(t)
                if (
                    key is not None
                    and t.dep_ in ("appos", "compound", "nsubj", "poss")
                    and t.head.i == token.i
                    # "my father", "Mia's mother": the owner is someone else than the person
                    and not (t.dep_ == "poss" and token.lemma_.lower() in self.humans)
                ):
                    return key
                if key is not None and _named_by_participle(t, token):
                    return key  # "a retired postman called Reg Tilley"
        return None

    def role_holder(self, noun: Token) -> int | None:
        """The one character the text gave the role a noun names ("said my father" → the father)."""
        role = noun.lemma_.lower()
        holders = [c.key for c in self.doc._.characters or [] if c.forms and role in c.roles]
        if not holders:
            # "Captain Hamish MacLeod" … "said the Captain": the one character who bears the title
            holders = [
                c.key
                for c in self.doc._.characters or []
                if c.forms
                and c.kind == "character"
                and (
                    role in {t.lower().rstrip(".") for t in c.titles}
                    # "Hamish MacLeod, known to all as the Captain"
                    or any([w.lower() for w in f if w.lower() != "the"] == [role] for f in c.forms)
                    or any(n.lower().removeprefix("the ") == role for n in c.nicknames)
                )
            ]
        if not holders and role in set(kin_relations().values()):
            # "Abuela Chayo" … "“He always comes,” her grandmother said": the one character a family
            # word of that relation names, as a title, a name or a nickname
            holders = [
                c.key
                for c in self.doc._.characters or []
                if c.forms
                and c.kind == "character"
                and any(kin_relations().get(w.lower().rstrip(".")) == role for w in family_words(c))
            ]
        return holders[0] if len(holders) == 1 else None

    def is_speech_verb(self, token: Token) -> bool:
        if token.lemma_.lower() not in self.speech or self.index.in_quote(token):
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
        if token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
            return True  # "Kofi, after a long silence, answers, “…”": tagged a noun, parsed as the verb
        # "Edda answers, “…”": a present-tense verb the tagger read as a plural noun, right after its subject.
        doc = token.doc
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return (
            token.tag_ == "NNS"
            and before is not None
            and (before.pos_ in ("PROPN", "PRON") or before.i in self.by_token)
            and (after is None or after.is_punct or after.pos_ in ("PRON", "DET", "ADV", "ADP"))
        )

    def subject_of(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not self.index.in_quote(child):
                return child
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            return self.subject_of(verb.head)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            return self.subject_of(verb.head)  # "Joaquim shows them the wind, telling them that “…”"
        return None

    def addressee_of(self, verb: Token) -> int | None:
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and not self.index.in_quote(child):
                key = self.cluster_in(child)
                if key is not None:
                    return key
            if child.dep_ == "prep" and child.lower_ == "to":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        key = self.cluster_in(pobj)
                        if key is not None:
                            return key
        return self._the_one_with(verb)

    def _the_one_with(self, verb: Token) -> int | None:
        """ "“She wants to what?” Pudding says, when Hetty puts the phone down": the one other character a
        clause of the tag names is the one the line is said to."""
        speaker = self.subject_of(verb)
        clauses = [c for c in verb.children if c.dep_ == "advcl"]
        keys = {
            self.cluster(t)
            for c in clauses
            for t in c.subtree
            if not self.index.in_quote(t) and self.cluster(t) is not None and t.dep_ in ("nsubj", "nsubjpass")
        }
        keys.discard(self.cluster(speaker) if speaker is not None else None)
        return keys.pop() if len(keys) == 1 else None


def _named_by_participle(name: Token, noun: Token) -> bool:
    """ "a postman called Reg Tilley", "the last customer, an old ferryman named Casimir Vell": the name
    a participle gives the noun or a noun in apposition to it."""
    verb = name.head
    if name.dep_ not in ("oprd", "attr", "dobj") or verb.dep_ != "acl" or verb.lemma_ not in ("call", "name"):
        return False
    described = verb.head
    return described.i == noun.i or (described.dep_ == "appos" and described.head.i == noun.i)


#: Verbs that say words, so that one capitalised word right after them is said, not a title ("said “Brava”";
#: not "sings “Paper Moon Avenue”").
_SAYING_VERBS = frozenset(
    {
        "say",
        "whisper",
        "shout",
        "murmur",
        "mutter",
        "yell",
        "cry",
        "answer",
        "reply",
        "add",
        "breathe",
        "mouth",
        "gasp",
        "snap",
        "hiss",
        "bellow",
        "scream",
        "exclaim",
    }
)


def _is_speech(ctx: _Context, mark: QuoteMarks, has_verb: bool) -> bool:
    doc, text = ctx.doc, ctx.index.text
    inner = text[mark.inner_start : mark.inner_end]
    words = inner.split()
    before = text[max(0, mark.start - 40) : mark.start]
    after = text[mark.end : mark.end + 3]
    prev_tok = ctx.token_at_or_after(mark.start) - 1
    next_tok = ctx.token_at_or_after(mark.end)
    # A nickname between two names: Robert "Bobby" Kane.
    if (
        len(words) <= 2
        and 0 <= prev_tok < len(doc)
        and next_tok < len(doc)
        and doc[prev_tok].text[:1].isupper()
        and doc[next_tok].text[:1].isupper()
        and doc[next_tok].pos_ == "PROPN"
    ):
        return False
    titled = all(
        w[:1].isupper() or w.lower() in {"of", "the", "a", "an", "and", "in", "on", "to", "for"}
        for w in words
    )
    # "Mrs Haque said “Brava” under her breath": a word said, right after the verb that says it
    said_right_before = 0 <= prev_tok < len(doc) and doc[prev_tok].lemma_.lower() in _SAYING_VERBS
    if (
        titled
        and not said_right_before
        and len(words) <= 7
        and not inner.endswith(_TERMINAL)
        and not before.rstrip().endswith((":", ","))
    ):
        return False  # a title: “Paper Moon Avenue”
    # "the word “X”", "the song “Y”": only words of the same line count (not the end of the last paragraph)
    lemmas_before = {
        doc[i].lemma_.lower()
        for i in range(max(0, prev_tok - 3), prev_tok + 1)
        if "\n" not in text[doc[i].idx : mark.start]
        and not re.search(r"[.!?]", text[doc[i].idx + 1 : mark.start])
    }
    if lemmas_before & ctx.not_speech and (not has_verb or len(words) <= 3):
        return False
    if has_verb:
        return True
    if before.rstrip().endswith(":"):
        return True
    if inner.endswith(_TERMINAL) or after.startswith(","):
        return len(words) >= 2 or inner[:1].isupper()
    return len(words) >= 5 and inner[:1].isupper()


def _verb_after(ctx: _Context, mark: QuoteMarks, limit: int) -> Token | None:
    doc, text = ctx.doc, ctx.index.text  # (the index's text: doc.text is rebuilt on every call)
    i = ctx.token_at_or_after(mark.end)
    seen = 0
    # "…telling them that salt “only comes to those who wait.” Ines begins…": words closed with a full
    # stop end the sentence; the next one tells something else
    closed = text[max(mark.start, mark.end - 3) : mark.end].rstrip("\"”’' ").endswith((".", "!", "?"))
    embedded = bool(
        re.search(r"[A-Za-z,:;]\s*$", text[max(0, mark.start - 40) : mark.start].rsplit("\n", 1)[-1])
    )
    window = _AFTER_WINDOW
    while i < len(doc) and seen < window and doc[i].idx < limit:
        token = doc[i]
        if token.is_space or (token.is_punct and token.text not in (".", "!", "?")):
            i += 1
            continue
        if token.text in (".", "!", "?") or "\n" in token.text:
            break
        if closed and seen == 0 and token.is_sent_start and token.is_title:
            if embedded:
                break
            window = 2  # “Go home.” Mia says it quietly. — not “…?” Kofi, after a long silence, answers
        if ctx.is_speech_verb(token):
            if closed and window == 2 and _says_something_else(token):
                return None  # “Tie it badly.” Tegan asks whether he ever lied.: her own question
            return token
        seen += 1
        i += 1
    return None


def _says_something_else(verb: Token) -> bool:
    """A speech verb with words of its own to report ("asks whether he ever lied", "tells the story of
    the wreck", "asks about the boat"): the sentence tells that, not who said the line before it."""
    return any(
        c.dep_ in ("ccomp", "xcomp")
        or (c.dep_ == "dobj" and c.pos_ not in ("PRON", "PROPN"))
        or (c.dep_ == "prep" and c.lower_ in ("about", "for"))
        for c in verb.children
    )


def _verb_before(ctx: _Context, mark: QuoteMarks, floor: int) -> Token | None:
    doc = ctx.doc
    i = ctx.token_at_or_after(mark.start) - 1
    seen = 0
    while i >= 0 and seen < _BEFORE_WINDOW and doc[i].idx >= floor:
        token = doc[i]
        if token.text in (".", "!", "?") or "\n" in token.text:
            break
        if ctx.is_speech_verb(token) and not _said_of_others(ctx, token):
            return token
        seen += 1
        i -= 1
    return None


def _said_of_others(ctx: _Context, verb: Token) -> bool:
    """A speech verb inside a clause about other people ("puts the question every cast member has to
    answer: “…”"): no subject of its own, it tells no speaker; the verb it hangs from may."""
    return verb.dep_ in ("xcomp", "relcl", "acl") and ctx.subject_of(verb) is None


def _speaker_from_verb(ctx: _Context, verb: Token, mark: QuoteMarks) -> int | None:
    subject = ctx.subject_of(verb)
    if subject is not None:
        key = ctx.cluster_in(subject)
        if subject.pos_ == "PRON" and (_told_me(verb) or _INTERVIEW_SETTING.search(verb.sent.text)):
            # "“I wanted a film…,” he told me"; "At a Q&A after the screening, he said he had wanted…"
            interviewed = _interviewed(ctx, verb, subject)
            key = interviewed if interviewed is not None else key
        if key is not None and subject.pos_ == "PRON" and _out_of_the_story(ctx, verb, key):
            # "Ferrer, to her credit, never cuts away… “A widow gets a discount,” she explains to her
            # friend Luz": someone who talks to the story's people is one of them, not its director or a
            # character of another work
            key = _cast_named_before(ctx, verb, PRONOUN_GENDER.get(subject.lower_, "unknown"))
        if key is not None and subject.pos_ == "PRON" and _told_by_name(ctx, verb) == key:
            # "“Take it,” she tells Ada": "she" is not Ada, whoever the pronoun was taken for
            other = _named_before_other_than(ctx, verb, key, PRONOUN_GENDER.get(subject.lower_, "unknown"))
            key = other if other is not None else key
        if key is not None:
            return key
        if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            noun = verb.head  # "Stanmore, an old rival who greets her with …"
            key = ctx.cluster_in(noun)
            if key is None and noun.dep_ == "appos":
                key = ctx.cluster_in(noun.head)
            return key
        if subject.pos_ == "PRON" or subject.lower_ in ("i", "we", "you", "it", "they"):
            return None
        if (
            subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and subject.lower_ in ctx.title_words)
        ) and any(c.lower_ == "the" for c in subject.children):
            # "Fergus, the barman, …" — "“She'll be back,” the barman says": the one given that role; else
            # "“It's catching,” the sous-chef said": the one just named
            holder = ctx.role_holder(subject)
            return holder if holder is not None else _described(ctx, subject)
        if subject.pos_ == "NOUN" and any(c.dep_ == "poss" for c in subject.children):
            return ctx.role_holder(subject)  # "“Last lesson, possibly,” said my father"
        if subject.pos_ == "NOUN" and subject.lemma_.lower() not in ctx.humans:
            return None  # "a sign said Carnforth": a thing says it; the name after the verb is no speaker
    # Inverted ("…," says Mia) or a parse that missed the subject: the name right next to the verb.
    doc = ctx.doc
    for j in (verb.i + 1, verb.i + 2, verb.i - 1):
        if 0 <= j < len(doc) and not ctx.index.in_quote(doc[j]):
            m = ctx.by_token.get(j)
            if m is not None and m.kind == "name":
                return m.cluster
    return None


#: Tokens, at most, looked back over for the one a pronoun speaker stands for.
PRONOUN_REACH = 80


def _named_before_other_than(ctx: _Context, verb: Token, hearer: int, gender: str) -> int | None:
    """The character last named before the verb, outside speech and within :data:`PRONOUN_REACH`
    tokens, not of the other sex — unless the hearer was named after them."""
    for i in range(verb.i - 1, max(-1, verb.i - PRONOUN_REACH), -1):
        token = ctx.doc[i]
        m = ctx.by_token.get(i)
        if m is None or m.kind != "name" or m.cluster is None or ctx.index.in_quote(token):
            continue
        if m.cluster == hearer:
            return None  # named last, the hearer may well be who the pronoun was rightly taken for
        if ctx.gender.get(m.cluster, "unknown") in ("unknown", gender):
            return m.cluster
    return None


def _goes_on_after_its_tag(prev: QuoteSpan, span: QuoteSpan, text: str) -> bool:
    """The line follows, in its paragraph, a line and the tag that gave it a speaker, and nothing else
    (“…,” she tells Ada. “Take it.”; not “…,” Rosie says. Walter keeps drying the plate. “And…”)."""
    between = text[prev.end : span.start].strip(" \"”’'“‘\n")
    return (
        prev.paragraph == span.paragraph
        and re.search(r"[.!?]\s", between) is None
        and prev.speaker is not None
        and prev.attribution == "verb"
        and text[prev.start : prev.end].rstrip().endswith(",")
        and between.endswith(".")
        and len(between.split()) <= SPLIT_TAG_WORDS
    )


def _relative_of(ctx: _Context, subject: Token) -> int | None:
    """Whose relative a speaker known only by a relation is ("“With what money?” her mother asks" after
    Min-ji's line): the one the line is most likely said to, and never its speaker."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in ctx.noun_gender:
        return None
    for child in subject.children:
        m = ctx.by_token.get(child.i) if child.dep_ == "poss" else None
        if m is not None and m.cluster is not None:
            return m.cluster
    return None


def _out_of_the_story(ctx: _Context, verb: Token, key: int) -> bool:
    """A pronoun taken for a character of another work, or for a real person while the line is said to
    one of the story's own people ("she explains to her friend Luz", "he warns Théo")."""
    if key in ctx.unvoiced:
        return True
    if not ctx.cast or key in ctx.cast or _told_me(verb):
        return False
    hearer = _hearer(ctx, verb)
    return hearer is not None and hearer in ctx.cast


def _hearer(ctx: _Context, verb: Token) -> int | None:
    """The character a speech verb speaks to by name: "tells Ada", "warns Théo", "explains to her friend
    Luz"."""
    for child in verb.children:
        heads = [child] if child.dep_ in ("dobj", "dative") else []
        if child.dep_ == "prep" and child.lower_ == "to":
            heads = [g for g in child.children if g.dep_ == "pobj"]
        for head in heads:
            for token in (head, *(a for a in head.children if a.dep_ == "appos")):
                m = ctx.by_token.get(token.i)
                if m is not None and m.kind == "name" and m.cluster is not None:
                    return m.cluster
    return None


def _cast_named_before(ctx: _Context, verb: Token, gender: str) -> int | None:
    """The story's own character last named before the verb, outside speech, not of the other sex and
    not the one spoken to."""
    hearer = _hearer(ctx, verb)
    for i in range(verb.i - 1, max(-1, verb.i - PRONOUN_REACH), -1):
        m = ctx.by_token.get(i)
        if m is None or m.kind != "name" or m.cluster is None or ctx.index.in_quote(ctx.doc[i]):
            continue
        if m.cluster in ctx.cast and m.cluster != hearer and ctx.gender.get(m.cluster) in ("unknown", gender):
            return m.cluster
    return None


def _told_by_name(ctx: _Context, verb: Token) -> int | None:
    """The character a speech verb's hearer names ("tells Ada"), not by a pronoun or "herself"."""
    for child in verb.children:
        m = ctx.by_token.get(child.i) if child.dep_ in ("dobj", "dative") else None
        if m is not None and m.kind == "name" and not ctx.index.in_quote(child):
            return m.cluster
    return None


def _told_me(verb: Token) -> bool:
    """ "he told me", "she said to us": words said to the writer, in an interview."""
    for child in verb.children:
        if child.dep_ in ("dative", "dobj") and child.lower_ in ("me", "us"):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(g.lower_ in ("me", "us") for g in child.children)
        ):
            return True
    return False


#: Where a film-maker or a writer speaks about the work: words said there are an interview's.
_INTERVIEW_SETTING = re.compile(
    r"\b(?:Q&A|Q and A|interview|press conference|masterclass|panel|podcast|press notes|festival screening"
    r"|after the (?:premiere|screening)|in conversation with)\b",
    re.IGNORECASE,
)
#: Sentences back, at most, an interview's pronoun looks for the real person it stands for.
INTERVIEW_REACH = 3


def _interviewed(ctx: _Context, verb: Token, pronoun: Token) -> int | None:
    """The real person (a director, a writer) named last in the sentences up to an interview's "he told
    me", of the pronoun's gender or of none known: whom the writer spoke to, not a character."""
    clusters = {c.key: c for c in ctx.doc._.characters or []}
    want = {"he": "male", "she": "female"}.get(pronoun.lower_)
    index = ctx.index
    here = index.token_sentence[verb.i]
    for sid in range(here, max(-1, here - INTERVIEW_REACH), -1):
        for t in reversed(index.sentences[sid]):
            if t.i >= verb.i or index.in_quote(t):
                continue
            key = ctx.cluster(t)
            cluster = clusters.get(key) if key is not None else None
            if cluster is None or cluster.kind != "person":
                continue
            m = ctx.by_token.get(t.i)
            if m is None or m.kind != "name":
                continue
            if want is None or cluster.gender in ("unknown", want):
                return key
    return None


def _described(ctx: _Context, noun: Token) -> int | None:
    """A speaker named by a role ("the nurse said"): the one character last named in the narration
    of the sentences just before, when the text has given nobody that role explicitly."""
    lemma = noun.lemma_.lower()
    if lemma not in ctx.humans:
        return None
    want = ctx.noun_gender.get(lemma)  # "the boy" is not the woman just named
    index = ctx.index
    sid = index.token_sentence[noun.i]
    for back in range(sid - 1, max(-1, sid - 4), -1):
        sent = index.sentences[back]
        narrated = [t for t in sent if not index.in_quote(t) and ctx.cluster(t) is not None]
        subjects = [ctx.cluster(t) for t in narrated if t.dep_ in ("nsubj", "nsubjpass")]
        keys = subjects or [ctx.cluster(t) for t in narrated]
        if keys:
            key = keys[-1] if len(set(keys)) == 1 else None
            if key is not None and want and ctx.gender.get(key) not in (want, "unknown"):
                return None
            return key
    return None


def _colon_speaker(ctx: _Context, mark: QuoteMarks) -> int | None:
    """``Mia: “…”``, ``Otis is blunt about it: “…”``, ``Her answer is a whisper: “…”``."""
    doc = ctx.doc
    i = ctx.token_at_or_after(mark.start) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":":
        return None
    key = ctx.cluster(doc[i - 1])
    if key is not None:
        return key
    clause = doc[i - 1]
    while clause.head.i != clause.i and clause.dep_ not in ("ROOT",) and clause.idx >= doc[i].idx - 200:
        clause = clause.head
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not ctx.index.in_quote(child):
            key = ctx.cluster(child)
            if key is not None:
                return key
            # "Her coach, Breeda Coyne, is the kind who shouts: “…”": the one named beside the subject
            named = [k for g in child.children if g.dep_ == "appos" and (k := ctx.cluster_in(g)) is not None]
            if named:
                return named[0]
            for grand in child.children:
                if grand.dep_ == "poss":
                    owner = ctx.cluster(grand)
                    if owner is not None:
                        return owner
    return None


def _paragraph_actor(ctx: _Context, par_start: int, par_end: int) -> int | None:
    """The one character who acts in the narration of a paragraph: the speaker of its untagged lines."""
    doc, index = ctx.doc, ctx.index
    first = ctx.token_at_or_after(par_start)
    last = ctx.token_at_or_after(par_end)
    actors = {
        key
        for t in doc[first:last]
        if t.dep_ in ("nsubj", "nsubjpass")
        and not second_subject(t)
        and not index.in_quote(t)
        and (key := ctx.cluster(t)) is not None
    }
    return actors.pop() if len(actors) == 1 else None


def _last_actor(ctx: _Context, char: int, exclude: frozenset[int] = frozenset()) -> int | None:
    """The character who last acted in the narration before offset ``char`` (three sentences back at
    most), other than those in ``exclude``."""
    index, doc = ctx.index, ctx.doc
    first = ctx.token_at_or_after(char)
    sid = index.token_sentence[first] if first < len(doc) else len(index.sentences)
    for back in range(sid - 1, max(-1, sid - 4), -1):
        if back in index.meta:
            continue
        if _newcomer(ctx, index.sentences[back]):
            return None
        subjects = [
            key
            for t in index.sentences[back]
            if t.dep_ in ("nsubj", "nsubjpass")
            and not second_subject(t)
            and not index.in_quote(t)
            and (key := ctx.cluster(t)) is not None
            and key not in ctx.unvoiced
        ]
        if subjects:
            return next((k for k in reversed(subjects) if k not in exclude), None)
    return None


def _scene_before(ctx: _Context, char: int, back: int = 2, acting: bool = False) -> set[int]:
    """Characters named in the ``back`` narrated sentences before offset ``char`` (with ``acting``, only
    the subjects of their main verbs: "Ines refuses.", not "the photos Mum kept")."""
    index = ctx.index
    first = ctx.token_at_or_after(char)
    sid = index.token_sentence[first] if first < len(ctx.doc) else len(index.sentences)
    present: set[int] = set()
    for before in range(sid - 1, max(-1, sid - 1 - back), -1):
        if before in index.meta:
            continue
        present |= {
            key
            for t in index.sentences[before]
            if not index.in_quote(t)
            and (not acting or (t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"))
            and (key := ctx.cluster(t)) is not None
            and key not in ctx.unvoiced
        }
    return present


#: Verbs by which one character starts a talk with another ("Dee rings her sister, Precious").
_CONTACT_VERBS = frozenset(
    {"ring", "call", "phone", "ask", "confront", "corner", "visit", "approach", "question", "text", "meet"}
)


#: A nickname in quotation marks between the parts of a name (Thorvaldur "Valdi" Jonsson): no speech.
_NICKNAME_IN_NAME = re.compile(r"(?<=\w) [\"“][A-Z][\w'’ -]{0,20}[\"”](?= [A-Z])")


def _has_speech(text: str) -> bool:
    """Quotation marks in ``text`` other than round a nickname inside a name."""
    return any(mark in _NICKNAME_IN_NAME.sub(" ", text) for mark in '"“”')


def _caller_before(ctx: _Context, char: int, facing: bool = False) -> tuple[int, int] | None:
    """The one who starts the talk at offset ``char`` and the one they start it with, from the narrated
    sentence just before it: "At lunch Dee rings her sister, Precious, from the stairwell." (Dee, Precious);
    "Tom asks Ana about the letter." (Tom, Ana). With ``facing``, for a talk that has no tag at all, also
    two characters the sentence merely puts face to face (:func:`_facing_pair`)."""
    index = ctx.index
    first = ctx.token_at_or_after(char)
    sid = index.token_sentence[first] if first < len(ctx.doc) else len(index.sentences)
    back = sid - 1
    while back >= 0 and back in index.meta:
        back -= 1
    if back < 0:
        return None
    sentence = index.sentences[back]
    paragraph = index.text[index.text.rfind("\n\n", 0, sentence.start_char) + 1 : sentence.end_char]
    if _has_speech(paragraph):
        # a tagged line ("“How long?” Dwight asks") is a turn of the talk, not its opening; but a talk with
        # no tag at all may follow a paragraph that quoted someone earlier ("… “He said, '…'” Bazza laughs.
        # The next morning they are at it again.")
        return None if not facing or _has_speech(sentence.text) else _facing_pair(ctx, sentence)
    asked = _question_put(ctx, sentence)
    if asked is not None:
        return asked
    for verb in index.sentences[back]:
        # the tagger sometimes reads "Dee rings her sister" as a noun phrase: "rings" the root, "Dee" its
        # compound
        a_verb = verb.pos_ == "VERB" or (verb.dep_ == "ROOT" and verb.tag_ == "NNS")
        if not a_verb or verb.lemma_.lower() not in _CONTACT_VERBS or index.in_quote(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "compound")), None)
        if subject is None and verb.dep_ == "conj":  # "Bernie takes her break … and rings Mum"
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        caller = ctx.cluster(subject) if subject is not None else None
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod")]
        objects += [a for o in objects for a in o.children if a.dep_ == "appos"]  # "her sister, Precious"
        called = next((k for o in reversed(objects) if (k := ctx.cluster(o)) is not None), None)
        if called is None or caller is None:
            # a parse gone astray ("… and rings Mum" as a compound): the first one named after the verb,
            # and the last subject named before it
            sent = verb.sent
            after = [
                t
                for t in sent[verb.i - sent.start + 1 : verb.i - sent.start + 6]
                if not t.is_punct or t.text == ","
            ]
            called = (
                called
                if called is not None
                else next((k for t in after if (k := ctx.cluster(t)) is not None), None)
            )
            before = [t for t in sent[: verb.i - sent.start] if t.dep_ in ("nsubj", "compound")]
            caller = (
                caller
                if caller is not None
                else next((k for t in reversed(before) if (k := ctx.cluster(t)) is not None), None)
            )
        if caller is not None and called is not None and caller != called:
            return caller, called
    return _facing_pair(ctx, sentence) if facing else None


#: Words that open a question reported after "asks": "asks, near Beja, why…", "asks him whether…".
_QUESTION_WORDS = frozenset({"why", "whether", "if", "what", "how", "where", "who", "when", "which"})


def _question_put(ctx: _Context, sentence: Span) -> tuple[int, int] | None:
    """A question the narration reports just before a talk, and who was asked it, who answers first:
    "…the driver, Graça, who lends him a blanket and asks, near Beja, why an old man would ride so far"
    (him, Graça). None unless both are characters of the story."""
    for verb in sentence:
        if verb.lemma_.lower() != "ask" or verb.pos_ != "VERB" or ctx.index.in_quote(verb):
            continue
        after = sentence[verb.i - sentence.start + 1 : verb.i - sentence.start + 8]
        if not any(t.lower_ in _QUESTION_WORDS for t in after):
            continue
        clause = verb.head if verb.dep_ == "conj" else verb
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("who", "that") and clause.dep_ == "relcl":
            subject = clause.head  # "the driver, Graça, who … asks": the one the clause is about
        asker = ctx.cluster_in(subject) if subject is not None else None
        if asker is None or asker not in ctx.cast:
            continue
        objects = [c for v in (verb, clause) for c in v.children if c.dep_ in ("dobj", "dative")]
        asked = next((k for o in objects if (k := ctx.cluster(o)) is not None and k != asker), None)
        if asked is None:  # "asks, near Beja, why…": the other one the sentence brought in
            asked = next(
                (
                    k
                    for t in sentence
                    if not ctx.index.in_quote(t)
                    and (k := ctx.cluster(t)) is not None
                    and k != asker
                    and t.dep_ != "poss"
                ),
                None,
            )
        if asked is not None and asked in ctx.cast:
            return asked, asker
    return None


#: Clauses whose characters are not in the scene the sentence sets: "who swore he saw Einar's jeep".
_ASIDE_CLAUSES = frozenset({"relcl", "acl", "ccomp", "parataxis"})


def _facing_pair(ctx: _Context, sentence: Span) -> tuple[int, int] | None:
    """The two characters a narrated sentence puts face to face before a talk with no tag at all: its main
    subject and the first other character its main verb reaches, directly or through a verb it governs
    ("Gunna goes back to the slipway to lean on the harbourmaster, Valdi"; "Mo finds Ade in the yard").
    Characters in a clause about something else ("who swore he saw Einar's jeep") or owning a thing
    ("Ade's van") are not in the scene."""
    root = _opening_clause(sentence)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ == "they":
        return _the_two_lately(ctx, sentence)
    named = ctx.by_token.get(subject.i) if subject is not None else None
    # (named: a pronoun at the head of a paragraph is too often someone else's; not one whose character
    # the paragraph named before it, "Henrique books a berth on the Santa Luzia. On board he befriends…")
    first = (
        named.cluster if named is not None and (named.kind == "name" or _named_earlier(ctx, named)) else None
    )
    if first is None or first not in ctx.cast:
        return None
    for token in root.subtree:
        if token.i <= root.i or ctx.index.in_quote(token):
            continue
        if any(_aside(a) for a in _path_to(token, root)):
            continue
        other = ctx.cluster(token)
        if other is not None and other != first and other in ctx.cast:
            return first, other
    if root.dep_ != "ROOT" and subject is not None:
        # a parse that hung the opening clause under a later one may have left its object outside it: the
        # next character the sentence names, not as an owner
        for token in sentence[subject.i - sentence.start + 1 :]:
            other = ctx.cluster(token) if token.dep_ != "poss" and not ctx.index.in_quote(token) else None
            if other is not None and other != first and other in ctx.cast and token.i in ctx.by_token:
                return first, other
    return None


def _opening_clause(sentence: Span) -> Token:
    """The verb of the sentence's main clause: its root, or a clause before the root that the parser hung
    under it ("On board he befriends the cook, …, who asks why a man would cross an ocean": "cross")."""
    root = sentence.root
    for token in sentence:
        if token.i >= root.i:
            break
        if (
            token.dep_ == "ccomp"
            and token.head.i == root.i
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            return token
    return root


def _named_earlier(ctx: _Context, pronoun: Mention) -> bool:
    """The paragraph of a pronoun mention names its character before it, outside speech."""
    text = ctx.index.text
    paragraph = text.rfind("\n\n", 0, pronoun.char_start) + 1
    return any(
        m.kind == "name" and m.cluster == pronoun.cluster and paragraph <= m.char_start < pronoun.char_start
        for m in ctx.by_token.values()
        if not m.in_quote
    )


#: Sentences before a "they" searched for the two it means.
THEY_REACH = 3


def _the_two_lately(ctx: _Context, sentence: Span) -> tuple[int, int] | None:
    """The two characters a "they" opening a talk means ("Bazza laughs for the first time. The next
    morning they are at it again."): the last two named or referred to in the narration before it, the
    later one first."""
    index = ctx.index
    sid = index.token_sentence[sentence.start]
    seen: list[int] = []
    for before in range(sid - 1, max(-1, sid - 1 - THEY_REACH), -1):
        if before in index.meta:
            continue
        for token in reversed(index.sentences[before]):
            key = ctx.cluster(token)
            if key is not None and key in ctx.cast and key not in seen and not index.in_quote(token):
                seen.append(key)
            if len(seen) == 2:
                return seen[0], seen[1]
    return None


def _aside(token: Token) -> bool:
    """A step on the way up to the main verb that leaves the scene the main clause sets: a clause about
    something else, an owner ("Ade's van"), or another clause with a subject of its own ("…, and Dad
    does the dance")."""
    if token.dep_ in _ASIDE_CLAUSES or token.dep_ == "poss":
        return True
    return token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _path_to(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token`` up to ``top``, ``top`` left out."""
    path: list[Token] = []
    node = token
    while node.i != top.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    return path


def _scene_after(ctx: _Context, char: int) -> set[int]:
    """Characters named in the first narrated sentence after the one that ends at offset ``char``, unless
    it moves to another scene."""
    index = ctx.index
    last = ctx.token_at_or_after(char) - 1
    if last < 0 or index.token_sentence[last] < 0:
        return set()
    start = index.token_sentence[last] + 1
    for sid in range(start, min(len(index.sentences), start + 3)):
        sent = index.sentences[sid]
        if sid in index.meta or not any(t.is_alpha and not index.in_quote(t) for t in sent):
            continue
        if _SCENE_SHIFT.search(sent.text):
            return set()  # "Brandt, meanwhile, is patient.": someone elsewhere, not the other speaker
        return {
            key
            for t in sent
            if not index.in_quote(t) and (key := ctx.cluster(t)) is not None and key not in ctx.unvoiced
        }
    return set()


def _beat_before(ctx: _Context, mark: QuoteMarks, par_start: int) -> int | None:
    """The one character acting in the narrated sentence that ends right before the quote, same paragraph."""
    doc, index = ctx.doc, ctx.index
    i = ctx.token_at_or_after(mark.start) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].idx < par_start or doc[i].text not in (".", "!", "?") or index.in_quote(doc[i]):
        return None
    sid = index.token_sentence[i]
    if sid < 0:
        return None
    subjects = {
        ctx.cluster(t)
        for t in index.sentences[sid]
        if t.dep_ in ("nsubj", "nsubjpass")
        and not second_subject(t)
        and not index.in_quote(t)
        and ctx.cluster(t) is not None
    }
    return subjects.pop() if len(subjects) == 1 else None


_SELF_NAMED = re.compile(
    r"(?:^|[.,!?]\s+)(?:[Ii]t's|[Ii]t is|[Tt]his is|[Hh]ere's|[Mm]y name's|[Mm]y name is|[Nn]ame's|"
    r"[Tt]he name's|[Ii] am|[Ii]'m)\s+(?P<name>[A-Z][\w'’\-]+)\b"
)  # "It's Hal.", "Name's Hallam.", "I'm Priya Raman, from the council."


def _paragraph_before(
    ctx: _Context, mark: QuoteMarks, blocks: Sequence[Block], starts: Sequence[int]
) -> int | None:
    """ "Dad came in from the hall. He was holding a flat black case. / “Whose are these?”": a line that
    opens its paragraph right after a paragraph of narration alone is spoken by the one character acting
    in that paragraph's last sentence that has a character for its subject."""
    doc, index, text = ctx.doc, ctx.index, ctx.index.text
    i = bisect.bisect_right(starts, mark.start) - 1
    if i < 1 or text[blocks[i].start : mark.start].strip() or blocks[i - 1].kind != "paragraph":
        return None
    prev = blocks[i - 1]
    first, last = ctx.token_at_or_after(prev.start), ctx.token_at_or_after(prev.end)
    if first >= last or any(index.in_quote(t) for t in doc[first:last]):
        return None
    for sid in range(index.token_sentence[last - 1], index.token_sentence[first] - 1, -1):
        if sid < 0 or sid in index.meta:
            return None
        sent = index.sentences[sid]
        if _newcomer(ctx, sent):
            return None
        subjects = {
            key
            for t in sent
            if t.dep_ in ("nsubj", "nsubjpass")
            and _main_clause(t)
            and not second_subject(t)
            and (key := ctx.actor(t)) is not None
        }
        if len(subjects) > 1:
            # "She dialled, and Mum picked up on the second ring.": the one who answers speaks first
            subjects = {
                key
                for t in sent
                if t.dep_ == "nsubj" and _answers(t.head) and (key := ctx.actor(t)) is not None
            } or subjects
        if subjects:
            return subjects.pop() if len(subjects) == 1 else None
    return None


def _answers(verb: Token) -> bool:
    """The verb answers a call or a door: "answered", "picked up", "came to the door"."""
    if verb.lemma_ == "answer":
        return True
    return verb.lemma_ == "pick" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _newcomer(ctx: _Context, sentence: Span) -> bool:
    """ "… when a man in a wet cagoule came in": someone unnamed arrives, who is likelier to speak next."""
    return any(
        t.dep_ == "nsubj"
        and t.lemma_.lower() in ctx.humans
        and ctx.cluster(t) is None
        and not ctx.index.in_quote(t)
        for t in sentence
    )


def _main_clause(subject: Token) -> bool:
    """A subject of the sentence's main verb or of a verb joined to it ("Dad came in and sat down"), not
    of a clause inside ("the tape that Biscuit kept losing", "When she went back in, …")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _self_named(ctx: _Context, mark: QuoteMarks) -> int | None:
    """A speaker who names themself, as on a phone or a radio: “It's Hal. Are you seeing this?”"""
    inner = ctx.index.text[mark.inner_start : mark.inner_end]
    match = _SELF_NAMED.search(inner)
    if match is None:
        return None
    token = ctx.token_at_or_after(mark.inner_start + match.start("name"))
    m = ctx.by_token.get(token)
    return m.cluster if m is not None and m.kind == "name" else None


def _vocative(ctx: _Context, mark: QuoteMarks) -> tuple[int | None, bool]:
    """The character a quote calls by name (“Mags. You were shouting.”), and whether the name stands at
    the quote's start or end rather than mid-line."""
    doc = ctx.doc
    first = ctx.token_at_or_after(mark.inner_start)
    last = ctx.token_at_or_after(mark.inner_end) - 1
    if first >= len(doc) or last < first:
        return None, False
    m = ctx.by_token.get(first)
    if (
        m is not None
        and m.kind == "name"
        and m.end <= last
        and doc[m.end].text in (",", ".", "!", "?", "—", "–")
    ):
        return m.cluster, True
    end = last
    while end > first and doc[end].is_punct:
        end -= 1
    m = ctx.by_token.get(end)
    if m is not None and m.kind == "name" and m.start > first and doc[m.start - 1].text == ",":
        return m.cluster, True
    for i in range(first + 1, end):  # "I said the blue ones, Pip. Those…"
        m = ctx.by_token.get(i)
        if (
            m is not None
            and m.kind == "name"
            and m.start == i
            and doc[i - 1].text == ","
            and m.end + 1 < len(doc)
            and (
                doc[m.end].text in (".", "!", "?")
                # "…a son, Edie, he would have…" (not a list: "Tom, Edie and Ann")
                or (
                    doc[m.end].text == ","
                    and (
                        doc[m.end + 1].lower_ not in ("and", "or", "nor")
                        # "Keep still, Maddie-moo, or you'll end up…": a clause follows, not a name
                        or (m.end + 2 < len(doc) and doc[m.end + 2].pos_ == "PRON")
                    )
                    and ctx.by_token.get(i - 2) is None
                )
            )
        ):
            return m.cluster, False
    called = [
        ctx.title_holders[w]
        for w in _edge_calls(ctx.index.text[mark.inner_start : mark.inner_end])
        if w in ctx.title_holders
    ]
    return (called[0], True) if called else (None, False)


def _title_holders(clusters: Sequence[CharacterCluster]) -> dict[str, int]:
    """Titles only one character bears ("Auntie" of Auntie Efua, "Coach" of Coach Pryor), lower case: a
    line that calls out the title alone calls that character (“It weighs a hundred kilos, Auntie.”)."""
    holders: dict[str, set[int]] = {}
    kin_words = word_set("characters", "kinship_names")
    for c in clusters:
        if c.kind == "character":
            for title in c.titles:
                holders.setdefault(title.lower().rstrip("."), set()).add(c.key)
            for form in (*c.forms, *(tuple(n.split()) for n in c.nicknames)):
                if len(form) > 1 and form[0].lower() in kin_words:
                    # "Baba Ferry", "Mama Ronke": a family word that opens a name is called out alone too
                    holders.setdefault(form[0].lower(), set()).add(c.key)
    return {title: next(iter(keys)) for title, keys in holders.items() if len(keys) == 1}


def _kin_holders(clusters: Sequence[CharacterCluster]) -> dict[str, int]:
    """The relation each family word the characters go by names, for relations only one character has."""
    relation_of = kin_relations()
    holders: dict[str, set[int]] = {}
    for c in clusters:
        for word in {w.lower() for form in c.forms for w in form if len(form) == 1} | {
            n.lower() for n in c.nicknames
        }:
            if word in relation_of:
                holders.setdefault(relation_of[word], set()).add(c.key)
    return {relation: next(iter(keys)) for relation, keys in holders.items() if len(keys) == 1}


_LEAD_CALL = re.compile(r"^\W*([A-Z][a-z]+)\s*[,!?]")
_END_CALL = re.compile(r"[,;]\s*([A-Z][a-z]+)(?:\W*$|[.!?]+\s+(?=[A-Z]))")


def _edge_calls(line: str) -> tuple[str, ...]:
    """The capitalised words a line opens on ("Dad, for heaven's sake"), ends on ("…, Grandad.") or ends
    its first sentence on ("Fine, Mum. Everyone keeps asking.") as a call, lower case: a word followed
    by a comma may be a call or just the first word ("Fine, Mum."), so both are returned."""
    lead, end = _LEAD_CALL.search(line), _END_CALL.search(line)
    return tuple(m.group(1).lower() for m in (lead, end) if m)


def _kin_called(ctx: _Context, mark: QuoteMarks, speaker: int) -> int | None:
    """Whom a family word called at the edge of a line means, said by a relative of the story's "I": the
    mother's "Dad" is the grandfather (“Dad, for heaven's sake,” Mum said — to the one called Grandad).
    Only when the speaker's own relation is known and one character holds the relation it leads to."""
    relation_of = kin_relations()
    calls = _edge_calls(ctx.index.text[mark.inner_start : mark.inner_end])
    called = next((relation_of[w] for w in calls if w in relation_of), None)
    if called is None:
        return None
    own = next((relation for relation, key in ctx.kin.items() if key == speaker), None)
    composed = (load_lexicon("characters").get("kinship_composition") or {}).get(own or "", {})
    target = composed.get(called)
    if target is None or called in ctx.kin:
        return None  # a "Dad" of the narrator's own would make the call ambiguous
    return ctx.kin.get(str(target))


def _context_speaker(
    ctx: _Context, mark: QuoteMarks, par_start: int, par_end: int, exclude: int | None = None
) -> int | None:
    """The one character acting in the sentence right before (or else after) the quote, same paragraph.

    A quote that calls someone by name (``exclude``) is spoken by the other character in view.
    """
    index, doc = ctx.index, ctx.doc
    first = ctx.token_at_or_after(mark.start)
    sent_id = index.token_sentence[first] if first < len(doc) else -1
    candidates = []
    if sent_id > 0:
        candidates.append(sent_id - 1)
    candidates.append(sent_id)
    last_tok = ctx.token_at_or_after(mark.end)
    if last_tok < len(doc) and index.token_sentence[last_tok] >= 0:
        candidates.append(index.token_sentence[last_tok])
    for sid in candidates:
        if sid < 0 or sid >= len(index.sentences):
            continue
        sent = index.sentences[sid]
        if sent.start_char < par_start or sent.end_char > par_end:
            continue
        subjects = {
            ctx.actor(t)
            for t in sent
            if t.dep_ in ("nsubj", "nsubjpass") and not index.in_quote(t) and ctx.actor(t) is not None
        } - {exclude}
        if len(subjects) == 1:
            return subjects.pop()
    if exclude is not None:
        # Spoken to someone by name: the speaker is the one other character in the previous sentence.
        first = ctx.token_at_or_after(mark.start)
        sid = index.token_sentence[first] - 1 if first < len(doc) else -1
        spoken = 0 <= sid < len(index.sentences) and any(index.in_quote(t) for t in index.sentences[sid])
        if 0 <= sid < len(index.sentences) and not spoken:
            # (not a line of speech: who says it is the one this line answers, not its speaker)
            present = {ctx.cluster(t) for t in index.sentences[sid] if not index.in_quote(t)} - {
                None,
                exclude,
            }
            if len(present) == 1:
                return present.pop()
    return None


#: Words, at most, of the tag between the two parts of one split line ("Mum said from the sink").
SPLIT_TAG_WORDS = 8
#: Attributions read from the lines around a quote rather than from a tag of its own.
_GUESSED = frozenset({"context", "beat", "turn", "paragraph", "nearest"})


def find_quotes(
    doc: Doc, clusters: Sequence[CharacterCluster], mentions: Sequence[Mention]
) -> list[QuoteSpan]:
    """The speech quotes of ``doc`` with speakers and addressees, in text order."""
    index = story_index(doc)
    text = index.text
    ctx = _Context(doc, index, mentions)
    ctx.unvoiced = frozenset(c.key for c in clusters if c.kind == "reference")
    ctx.cast = frozenset(c.key for c in clusters if c.kind == "character")
    ctx.title_holders = _title_holders(clusters)
    ctx.gender = {c.key: c.gender for c in clusters}
    ctx.kin = _kin_holders(clusters)
    blocks = blocks_of(doc)
    starts = block_starts(blocks)
    found: list[QuoteSpan] = []
    marks = index.quotes
    for n, mark in enumerate(marks):
        first_tok = ctx.token_at_or_after(mark.inner_start)
        if first_tok >= len(doc):
            continue
        sentence = index.token_sentence[first_tok]
        if sentence < 0 or sentence in index.meta:
            continue
        block = block_of(blocks, mark.start, starts)
        par_start, par_end = (block.start, block.end) if block else (0, len(text))
        next_start = marks[n + 1].start if n + 1 < len(marks) else len(text)
        prev_end = marks[n - 1].end if n > 0 else 0
        after = _verb_after(ctx, mark, min(next_start, par_end))
        stripped_before = text[max(par_start, prev_end) : mark.start].rstrip()
        before = _verb_before(ctx, mark, max(par_start, prev_end))
        introduced = stripped_before.endswith((",", ":")) or (
            before is not None and before.i == ctx.token_at_or_after(mark.start) - 1
        )
        if before is not None and not introduced and len(text[mark.inner_start : mark.inner_end].split()) < 4:
            before = None  # "calls the night “perfect”": a verb before a short phrase is not a speech tag
        if not _is_speech(ctx, mark, after is not None or before is not None):
            continue
        span = QuoteSpan(mark.inner_start, mark.inner_end, sentence, block.start if block else 0)
        span.unclosed = not mark.closed
        if found and found[-1].unclosed and found[-1].speaker is not None and mark.start == par_start:
            # Speech running over paragraphs: no closing mark before the break, a new opening after it.
            span.speaker, span.addressee, span.attribution = (
                found[-1].speaker,
                found[-1].addressee,
                "paragraph",
            )
        if after is not None and _closed_with_a_full_stop(text, mark) and _tagged_before(found, span, text):
            after = None  # "“…,” she says. “I want whoever is paying him.” Dara tells her nothing.": hers
        for verb in (before, after) if introduced else (after, before):
            if verb is None:
                continue
            key = _speaker_from_verb(ctx, verb, mark)
            if key is not None:
                span.speaker, span.attribution = key, "verb"
                span.addressee = ctx.addressee_of(verb)
                break
            span.addressee = ctx.addressee_of(verb)  # "her grandfather tells her": whom, if not who
            subject = ctx.subject_of(verb)
            if span.addressee is None and subject is not None:
                span.addressee = _relative_of(ctx, subject)
            if subject is not None and subject.lower_ in ("he", "she"):
                span.tagged_as = PRONOUN_GENDER[subject.lower_]
        if span.speaker is None:
            key = _colon_speaker(ctx, mark)
            if key is not None:
                span.speaker, span.attribution = key, "colon"
        if span.speaker is None and found and after is None:
            prev = found[-1]
            between = text[prev.end : mark.start]
            if (
                prev.paragraph == span.paragraph
                and prev.speaker is not None
                and len(between.split()) <= 8
                and between.rstrip().endswith((",", ":"))
            ):
                span.speaker, span.addressee, span.attribution = prev.speaker, prev.addressee, "split"
        if span.speaker is None and found and after is None and _goes_on_after_its_tag(found[-1], span, text):
            # "“Money in a tin does nothing,” she tells Ada. “Take it.”": the same voice goes on
            prev = found[-1]
            span.speaker, span.addressee, span.attribution = prev.speaker, prev.addressee, "split"
        if span.speaker is None and after is None and before is None:
            # An action beat right before the quote names its speaker ("Ruiz looks up. “Then tell it.”").
            key = _beat_before(ctx, mark, par_start)
            if key is not None:
                span.speaker, span.attribution = key, "context"
        if span.speaker is None and after is None and before is None:
            key = _paragraph_actor(ctx, par_start, par_end)
            if key is not None:
                span.speaker, span.attribution = key, "context"  # one paragraph, one speaker
        if span.speaker is None and found and after is None and before is None:
            prev = found[-1]
            between = text[prev.end : mark.start]
            if prev.paragraph == span.paragraph and prev.speaker is not None and len(between.split()) <= 15:
                # Speech continued in the same paragraph belongs to the same speaker.
                span.speaker, span.addressee, span.attribution = prev.speaker, prev.addressee, "paragraph"
        if span.speaker is None:
            key = _self_named(ctx, mark)
            if key is not None:
                span.speaker, span.attribution = key, "context"  # "Calloway, it's Hal. Are you there?"
        vocative, edge = _vocative(ctx, mark)
        if vocative is None and span.speaker is not None:
            vocative = _kin_called(ctx, mark, span.speaker)
            edge = vocative is not None
        span.vocative = vocative
        # a name called mid-line ("I said the blue ones, Pip. Those are…") tells who is not speaking;
        # only one at the edge of the line says whom the whole line is to
        if vocative is not None and span.speaker == vocative:
            # "“A town has to drink, Mr. Vance,” he says.": nobody calls themself by name — whether the
            # speaker came from a speech verb, the context or the speech before in the paragraph
            span.speaker = span.attribution = None
        if span.addressee is None and edge and vocative != span.speaker:
            span.addressee = vocative
        if span.addressee is None and vocative is None and found and span.speaker is not None:
            prev = found[-1]
            if (
                prev.paragraph == span.paragraph
                and prev.speaker == span.speaker
                and len(text[prev.end : span.start].split()) <= SPLIT_TAG_WORDS
            ):
                span.addressee = prev.addressee  # “Dad,” Mum said, “leave her alone.”: the same hearer
        if span.speaker is None and (after or before) is None:
            key = _context_speaker(ctx, mark, par_start, par_end, exclude=vocative)
            if key is not None:
                span.speaker, span.attribution = key, "context"
        if span.speaker is None and (after or before) is None:
            key = _paragraph_before(ctx, mark, blocks, starts)
            if key is not None and key != vocative:
                span.speaker, span.attribution = key, "beat"
        found.append(span)
    found.extend(_colon_lines(ctx, blocks, found))
    found.sort(key=lambda q: q.start)
    for span in found:
        if span.speaker in ctx.unvoiced and span.attribution in _GUESSED:
            span.speaker = span.attribution = None  # a character of another work takes no turn here
    narrator = next((c.key for c in clusters if c.narrator), None)
    _family_perspective(ctx, found, clusters, mentions, narrator)
    _turns(
        found,
        text,
        narrator,
        lambda char, back=2, acting=False: _scene_before(ctx, char, back, acting),
        lambda char, exclude=frozenset(): _last_actor(ctx, char, exclude),
        lambda char: _scene_after(ctx, char),
        lambda char, facing=False: _caller_before(ctx, char, facing),
        _focal_character(clusters, mentions, narrator),
    )
    for span in found:
        if span.attribution in _GUESSED and span.speaker is not None:
            have = ctx.gender.get(span.speaker, "unknown")
            if "unknown" not in (have, span.tagged_as) and have != span.tagged_as:
                span.speaker = span.attribution = None  # "…,” she says": never the man a guess found
            elif span.tagged_as != "unknown" and span.speaker == narrator:
                span.speaker = span.attribution = None  # nor the "I" of the story
    _first_halves(found, text, ctx.gender)
    found.extend(_embedded_quotes(ctx, found, clusters))
    found.sort(key=lambda q: q.start)
    return found


#: Words quoted inside a line of speech after a comma or a colon ("Papa used to say, 'The glass…'"):
#: the quoted words, with apostrophes inside words ("don't") kept.
_EMBEDDED = re.compile(r"[,:]\s*['‘](?P<words>(?:[^'‘’]|(?<=\w)['’](?=\w))+?)['’](?=[\s,.!?;:…—\"”]|$)")
#: Words of the outer line before the embedded quote searched for the verb that introduces it.
EMBED_REACH = 8


def _embedded_quotes(
    ctx: _Context, found: Sequence[QuoteSpan], clusters: Sequence[CharacterCluster]
) -> list[QuoteSpan]:
    """Quotations inside lines of speech, each a quote of its own, spoken by the one the line says said
    it ("My father used to say, 'That board earned more than the rickshaw'", "He writes, 'The station is
    yours'"): the subject of the speech verb right before it, a name, a pronoun the text resolves, or a
    family word only one character holds."""
    text = ctx.index.text
    result: list[QuoteSpan] = []
    for outer in found:
        if outer.attribution in ("cue", "embedded"):
            continue
        for match in _EMBEDDED.finditer(text, outer.start, outer.end):
            if len(match["words"].split()) < 2:
                continue  # 'Hammer': a word held up, not a saying
            start = match.start("words")
            verb = _introducing_verb(ctx, start)
            if verb is None:
                continue
            first = ctx.token_at_or_after(start)
            result.append(
                QuoteSpan(
                    start,
                    match.end("words"),
                    ctx.index.token_sentence[first] if first < len(ctx.doc) else outer.sentence,
                    outer.paragraph,
                    speaker=_sayer(ctx, verb, outer.speaker, clusters),
                    attribution="embedded",
                )
            )
    return result


def _named_lately(ctx: _Context, pronoun: Token, gender: str, outer: int | None) -> int | None:
    """The character named last before a "he" or "she" inside a line of speech, in the line or the
    narration before it, of the pronoun's sex and other than the one speaking ("Your grandmother Ingrid was
    the same. She used to say, '…'")."""
    for i in range(pronoun.i - 1, max(-1, pronoun.i - PRONOUN_REACH), -1):
        m = ctx.by_token.get(i)
        if m is None or m.kind != "name" or m.cluster is None or m.cluster == outer:
            continue
        if m.cluster in ctx.cast and ctx.gender.get(m.cluster, "unknown") in ("unknown", gender):
            return m.cluster
    return None


def _introducing_verb(ctx: _Context, start: int) -> Token | None:
    """The speech verb within :data:`EMBED_REACH` words before offset ``start`` ("used to say,")."""
    at = ctx.token_at_or_after(start)
    for token in reversed(ctx.doc[max(0, at - EMBED_REACH) : at]):
        if token.lemma_.lower() in ctx.speech and token.pos_ in ("VERB", "AUX"):
            return token
        if token.text in ("'", "‘") and token.i < at - 1:
            return None
    return None


def _sayer(ctx: _Context, verb: Token, outer: int | None, clusters: Sequence[CharacterCluster]) -> int | None:
    """Who the speech verb says said it: its subject or the subject of the verb it hangs from ("Papa used
    to say"), as a character; "my father" in the outer speaker's mouth is the one character holding that
    relation."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    key = ctx.cluster_in(subject)
    if key is not None:
        return key if key != outer else None
    gender = PRONOUN_GENDER.get(subject.lower_)
    if gender is not None:
        return _named_lately(ctx, subject, gender, outer)
    relation = kin_relations().get(subject.lower_) or kin_relations().get(subject.lemma_.lower())
    if relation is None:
        return None
    if relation in ctx.kin:
        return ctx.kin[relation]
    holders = [c.key for c in clusters if c.kind == "character" and relation in c.roles and c.key != outer]
    return holders[0] if len(holders) == 1 else None


def _focal_character(
    clusters: Sequence[CharacterCluster], mentions: Sequence[Mention], narrator: int | None
) -> int | None:
    """Whose family the narration's family words are: the narrator, else the character the narration
    names most often (by a clear margin) among those with a name of their own."""
    if narrator is not None:
        return narrator
    kin = word_set("characters", "kinship_names")
    # "Aunt Bisi", "Uncle Tunde": the narration names them as somebody's relatives, so not as the one
    # whose family it is
    titles = kin | FAMILY_TITLES
    relatives = {
        m.cluster
        for m in mentions
        if m.kind == "name" and not m.in_quote and m.text.split()[0].lower() in titles
    }
    own_name = {
        c.key
        for c in clusters
        if c.kind == "character" and c.words and not c.words <= kin and c.key not in relatives
    }
    counts = Counter(
        m.cluster
        for m in mentions
        if m.kind == "name" and not m.in_quote and m.cluster in own_name and m.text.lower() not in kin
    )  # "Nan", once known to be Margaret, is still a family word of someone else's
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < FOCAL_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] * FOCAL_MARGIN > ranked[0][1]:
        return None
    return ranked[0][0]


#: Times, at least, the narration must name a character for the family words to be theirs.
FOCAL_MENTIONS = 3
#: How many times more often than anyone else, at least, the narration names that character.
FOCAL_MARGIN = 1.5


def _family_perspective(
    ctx: _Context,
    found: Sequence[QuoteSpan],
    clusters: Sequence[CharacterCluster],
    mentions: Sequence[Mention],
    narrator: int | None,
) -> None:
    """In a story whose narration calls people "Nan" and "Grandad", those are one character's family
    (the narrator's, or the one the narration follows): a line about "my nan", or one that calls "Grandad",
    is that character's, and a line about "your nan" is said to them, by somebody else."""
    if not ctx.kin:
        return
    focal = _focal_character(clusters, mentions, narrator)
    if focal is None or focal in ctx.kin.values():
        return
    relation_of = kin_relations()
    words = "|".join(sorted(w for w, r in relation_of.items() if r in ctx.kin))
    mine = re.compile(rf"\bmy (?:{words})\b", re.IGNORECASE)
    yours = re.compile(rf"\byour (?:{words})\b", re.IGNORECASE)
    # the family words themselves, as the narration uses them ("Grandad", not the mother's "Dad")
    used = {
        w.lower()
        for c in clusters
        if c.key in ctx.kin.values()
        for w in [*(f[0] for f in c.forms if len(f) == 1), *c.nicknames]
        if w.lower() in relation_of
    }
    for q in found:
        line = ctx.index.text[q.start : q.end]
        is_mine, is_yours = bool(mine.search(line)), bool(yours.search(line))
        calls_family = bool(used.intersection(_edge_calls(line)))
        guessed = q.speaker is None or q.attribution in _GUESSED
        if (is_mine or calls_family) and not is_yours and guessed and q.vocative != focal:
            q.speaker, q.attribution = focal, "context"
        elif is_yours and not is_mine:
            if q.speaker == focal and guessed:
                q.speaker = q.attribution = None
            q.addressee = focal if q.addressee is None else q.addressee
            if q.vocative is None:
                q.vocative = focal  # said to them as surely as if it called them by name


def _closed_with_a_full_stop(text: str, mark: QuoteMarks) -> bool:
    """The quoted words end a sentence with a full stop ("“I want whoever is paying him.”"): a name and a
    verb after the closing mark start the next sentence, not a tag (a tag follows a comma, "?" or "!")."""
    return text[mark.inner_start : mark.inner_end].rstrip().endswith(".")


def _tagged_before(found: Sequence[QuoteSpan], span: QuoteSpan, text: str) -> bool:
    """The line before, in the same paragraph, was tagged and the tag alone stands between the two."""
    if not found:
        return False
    prev = found[-1]
    between = text[prev.end : span.start].strip(" \"“”'‘’")
    return (
        prev.paragraph == span.paragraph
        and prev.speaker is not None
        and prev.attribution == "verb"
        and 0 < len(between.split()) <= 6
        and between.endswith((".", ","))
    )


_COLON_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2})\s*:\s+(?P<speech>[^\s\"“‘'].*)$"
)


def _colon_lines(ctx: _Context, blocks: Sequence[Block], found: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """Script- and chat-style lines without quote marks: ``Edith: Water station. Don't fuss.``"""
    doc, index, text = ctx.doc, ctx.index, ctx.index.text
    taken = [(q.start, q.end) for q in found]
    lines = []
    for block in blocks:
        match = _COLON_LINE.match(text[block.start : block.end])
        if not match:
            continue
        first = ctx.token_at_or_after(block.start)
        m = ctx.by_token.get(first)
        if m is None or m.cluster is None or m.kind != "name" or doc[m.end : m.end + 1].text != ":":
            continue
        start = block.start + match.start("speech")
        if any(a < block.end and start < b for a, b in taken):
            continue
        sentence = index.token_sentence[min(ctx.token_at_or_after(start), len(doc) - 1)]
        if sentence < 0 or sentence in index.meta:
            continue
        lines.append(QuoteSpan(start, block.end, sentence, block.start, m.cluster, None, "colon"))
    return lines


def _turns(
    found: list[QuoteSpan],
    text: str,
    narrator: int | None = None,
    scene: Callable[..., set[int]] | None = None,
    nearest: Callable[..., int | None] | None = None,
    after: Callable[[int], set[int]] | None = None,
    caller: Callable[..., tuple[int, int] | None] | None = None,
    lead: int | None = None,
) -> None:
    """Untagged lines of a two-person exchange alternate speakers.

    In a first-person story the narrator is the other party of any exchange they are present in.
    """
    for i, span in enumerate(found):
        if span.speaker is not None or i == 0:
            continue
        prev = found[i - 1]
        gap = len(text[prev.end : span.start].split())
        # A line spoken to someone by name is answered, even after a few sentences of narration.
        if prev.paragraph == span.paragraph or gap > (60 if prev.addressee is not None else 25):
            continue
        called = span.vocative  # nobody calls themself by name
        answer = _answer_by_name(found, i, text, scene)
        before = _turn_before(found, i - 1, text, scene)
        if answer is not None and answer != called:
            span.speaker, span.attribution = answer, "turn"
        elif (
            narrator is not None
            and prev.speaker not in (None, narrator, called)
            and i >= 2
            and _rang_the_narrator().search(text[found[i - 2].end : prev.start])
        ):
            # "My sister rang while I was on the bus home. “Well?” Jess said. / “I told him…”": a call to
            # the one telling the story is a talk between the two of them, whoever spoke before it
            span.speaker, span.attribution = narrator, "turn"
        elif prev.addressee is not None and prev.addressee not in (prev.speaker, called):
            span.speaker, span.attribution = prev.addressee, "turn"
        elif before is not None and prev.speaker not in (None, before) and before != called:
            # "“Well?” Garrity said. / “Take it out of my tips,” Dolly said. “You can count them.” /
            # “That's not the point.”": the speaker of the turn before the last one answers
            span.speaker, span.attribution = before, "turn"
        elif prev.speaker is not None:
            others = _recent_speakers(found, i, text) - {prev.speaker, called}
            if len(others) == 1:
                span.speaker, span.attribution = others.pop(), "turn"
            elif not others and narrator not in (None, called) and prev.speaker not in (narrator, called):
                span.speaker, span.attribution = narrator, "turn"  # ("Eat your tea, Kit." is not Kit's)
        if span.speaker is not None and prev.speaker is not None and span.speaker != prev.speaker:
            span.addressee = span.addressee if span.addressee is not None else prev.speaker
    _continuations(found, text)
    _alternate(found, text, narrator, scene, after, caller, lead)
    if nearest is not None:
        for span in found:
            if span.speaker is None:
                # (not whom the line calls or is told to: "“…,” her grandfather tells her")
                key = nearest(span.start, frozenset({span.vocative, span.addressee} - {None}))
                if key is not None:
                    span.speaker, span.attribution = key, "nearest"  # a last guess, labelled as such
        _continuations(found, text)  # (the speech a guessed line goes on: "… tells him. “Learn them.”")


@cache
def _rang_the_narrator() -> re.Pattern[str]:
    """Narration of a telephone call to the story's "I" (``rang_the_narrator`` in quotes.yaml)."""
    return re.compile(str(load_lexicon("quotes").get("rang_the_narrator") or r"(?!)"), re.IGNORECASE)


def _turn_before(
    found: list[QuoteSpan], j: int, text: str, scene: Callable[..., set[int]] | None = None
) -> int | None:
    """The speaker of the last line before the paragraph of line ``j`` (the turn before its turn).

    After a stretch of narration that line still counts when the speaker of line ``j`` took part in
    the talk before it, or the narration brings its speaker in; otherwise a newcomer starts a new
    conversation (a dream, the next day)."""
    k = j - 1
    while k >= 0 and found[k].paragraph == found[j].paragraph:
        k -= 1
    if k < 0:
        return None
    before = found[k].speaker
    if _SCENE_SHIFT.search(text[found[k].end : found[j].start]):
        return None  # "That night Orla … confronts her brother.": the talk before is another scene's
    if len(text[found[k].end : found[k + 1].start].split()) <= _CONVERSATION_GAP:
        return before
    earlier = _recent_speakers(found, k, text) | {before, found[k].addressee}
    if found[j].speaker in earlier or (scene is not None and before in scene(found[k + 1].start)):
        return before
    return None


def _answer_by_name(
    found: list[QuoteSpan], i: int, text: str, scene: Callable[..., set[int]] | None
) -> int | None:
    """ "“Mirror, signal —” / “I know, Kevin.”": a line that calls the last speaker by name answers them,
    and comes from the one other person in view (narrated just before, else speaking lately)."""
    span, prev = found[i], found[i - 1]
    if span.vocative is None or prev.speaker != span.vocative:
        return None
    for pool in (scene(span.start) if scene else set(), _recent_speakers(found, i, text)):
        others = pool - {span.vocative}
        if len(others) == 1:
            return others.pop()
    return None


#: Narration longer than this between two lines ends a conversation.
_CONVERSATION_GAP = 25


#: Narration between two lines that moves to another scene ("Pryce, meanwhile, is courteous…"): the
#: next line starts another conversation, however short the narration.
_SCENE_SHIFT = re.compile(
    r"\b(?:meanwhile|elsewhere|later that|the next (?:day|morning|evening|night)|the following "
    r"(?:day|morning|week)|weeks later|days later|months later|years later"
    r"|that (?:night|evening|afternoon|morning))\b",
    re.IGNORECASE,
)


def _conversations(found: list[QuoteSpan], text: str) -> list[list[list[int]]]:
    """Quotes grouped into turns (one paragraph each) and turns into conversations; narration that moves
    to another scene ends a conversation."""
    turns: list[list[int]] = []
    for i, quote in enumerate(found):
        last = found[turns[-1][-1]] if turns else None
        # (lines of talk set one under another, with no blank line between, are turns of their own)
        if (
            last is not None
            and last.paragraph == quote.paragraph
            and "\n" not in text[last.end : quote.start]
        ):
            turns[-1].append(i)
        else:
            turns.append([i])
    conversations: list[list[list[int]]] = []
    for n, turn in enumerate(turns):
        gap = (
            len(text[found[turns[n - 1][-1]].end : found[turn[0]].start].split())
            if n
            else _CONVERSATION_GAP + 1
        )
        shift = n and _SCENE_SHIFT.search(text[found[turns[n - 1][-1]].end : found[turn[0]].start])
        if gap <= _CONVERSATION_GAP and not shift:
            conversations[-1].append(turn)
        else:
            conversations.append([turn])
    return conversations


def _alternate(
    found: list[QuoteSpan],
    text: str,
    narrator: int | None,
    scene: Callable[..., set[int]] | None = None,
    after: Callable[[int], set[int]] | None = None,
    caller: Callable[..., tuple[int, int] | None] | None = None,
    lead: int | None = None,
) -> None:
    """In a two-person conversation, untagged turns alternate from the nearest tagged turn, either way.
    A talk with no tagged turn at all that the narration just opened ("Dee rings her sister, Precious")
    starts with the one who opened it."""
    for conversation in _split_at_openings(_conversations(found, text), found, caller):
        speakers = [
            next((found[i].speaker for i in turn if found[i].speaker is not None), None)
            for turn in conversation
        ]
        # no turn tagged: speakers at most guessed from the lines and paragraphs around them
        untagged = all(
            found[i].speaker is None or found[i].attribution in _GUESSED for t in conversation for i in t
        )
        opened = caller(found[conversation[0][0]].start, True) if caller is not None and untagged else None
        if opened is not None and len(conversation) > 1:
            speakers = _anchor_opened_talk(found, conversation, opened)
        _answered_by_name(found, conversation, speakers)
        parties = {s for s in speakers if s is not None}
        if opened is not None and len(conversation) > 1:
            parties = set(opened)  # the two the narration put on the line
        if narrator is not None and len(parties) == 1:
            parties.add(narrator)
        if len(parties) == 1 and scene is not None:
            present = scene(found[conversation[0][0]].start) - parties
            if len(present) > 1:  # "…sells to the developer, Hugo Brandt. Ines refuses.": the last one
                present = scene(found[conversation[0][0]].start, 1, True) - parties
            if len(present) == 1:
                parties |= present  # the other one in the scene narrated just before the talk
        if len(parties) == 1 and after is not None:
            present = after(found[conversation[-1][-1]].end) - parties
            if len(present) == 1:
                parties |= present  # a story that opens on talk: the other one narrated right after it
        if len(parties) == 1 and lead is not None and lead not in parties and len(conversation) > 1:
            # "“You came, then,” Michael said. / “I said I would.”", "Auntie Efua leans through the ropes. /
            # … / “It weighs a hundred kilos, Auntie.”": someone answers, and with nobody else in the scene
            # it is the one the story follows
            parties.add(lead)
        if len(parties) == 2:
            _overrule_beats(found, conversation, speakers, parties)
        anchors = [k for k, who in enumerate(speakers) if who is not None]
        if len(parties) != 2 or not anchors or len(anchors) == len(speakers):
            continue
        for k, turn in enumerate(conversation):
            if speakers[k] is not None:
                continue
            who = _alternating(k, anchors, speakers, parties)
            if who is None:
                continue
            for i in turn:
                if found[i].speaker is None and found[i].vocative != who:  # nobody calls themself
                    found[i].speaker, found[i].attribution = who, "turn"


def _anchor_opened_talk(
    found: list[QuoteSpan], conversation: list[list[int]], opened: tuple[int, int]
) -> list[int | None]:
    """The speakers of a talk the narration opened between two characters, from what can be known: a turn
    that calls one of the two by name is the other's ("That's not helping, Mum."); with none, the one who
    opened the talk speaks first. Earlier guesses are dropped; the other turns are left to alternate."""
    speakers: list[int | None] = [None for _ in conversation]
    for turn in conversation:
        for i in turn:
            found[i].speaker = found[i].addressee = found[i].attribution = None
    called = [k for k, turn in enumerate(conversation) if any(found[i].vocative in opened for i in turn)]
    for k in called or [0]:
        vocative = next((found[i].vocative for i in conversation[k] if found[i].vocative in opened), None)
        by = opened[0] if vocative is None else next(p for p in opened if p != vocative)
        speakers[k] = by
        for i in conversation[k]:
            found[i].speaker, found[i].attribution = by, "turn"
            found[i].addressee = next(p for p in opened if p != by)
    return speakers


def _split_at_openings(
    conversations: list[list[list[int]]],
    found: Sequence[QuoteSpan],
    caller: Callable[..., tuple[int, int] | None] | None,
) -> list[list[list[int]]]:
    """A turn right after a sentence that opens a talk ("At lunch Dee rings her sister") starts a new
    conversation, however short the narration before it."""
    if caller is None:
        return conversations
    result: list[list[list[int]]] = []
    for conversation in conversations:
        start = 0
        for k in range(1, len(conversation)):
            if caller(found[conversation[k][0]].start) is not None:
                result.append(conversation[start:k])
                start = k
        result.append(conversation[start:])
    return result


def _alternating(
    k: int, anchors: Sequence[int], speakers: Sequence[int | None], parties: set[int]
) -> int | None:
    """Who speaks turn ``k`` of a two-person exchange, counting turns from the nearest anchored one (the
    earlier of two as near): its speaker on an even distance, the other party on an odd one."""
    j = min(anchors, key=lambda a: (abs(a - k), a))
    anchor = speakers[j]
    if (k - j) % 2 == 0:
        return anchor
    return next((p for p in parties if p != anchor), None)


def _overrule_beats(
    found: list[QuoteSpan], conversation: list[list[int]], speakers: list[int | None], parties: set[int]
) -> None:
    """A turn given to the one acting in the narration before it, against the alternation that firmer
    turns of a two-person exchange set, follows the alternation ("Ffion sat at the table. / “Tea?” /
    “Not now.” / “You'll want it later.” / “Then I'll have it later, Gran.”: the tea is Gran's)."""
    beats = {k for k, turn in enumerate(conversation) if all(found[i].attribution == "beat" for i in turn)}
    firm = [k for k, who in enumerate(speakers) if who is not None and k not in beats]
    if not firm:
        return
    for k in beats:
        expected = _alternating(k, firm, speakers, parties)
        if expected is None or expected == speakers[k]:
            continue
        speakers[k] = expected
        for i in conversation[k]:
            if found[i].vocative != expected:
                found[i].speaker, found[i].attribution = expected, "turn"


def _answered_by_name(
    found: list[QuoteSpan], conversation: list[list[int]], speakers: list[int | None]
) -> None:
    """ "“You'll be hungry at nine.” / “Then I'll have toast at nine, Mum.”": an untagged turn answered by
    a line that calls someone by name was that person's (nobody calls themself by name). The turn becomes
    an anchor of the alternation (``speakers`` is updated in place, and so are its lines)."""
    for k in range(len(conversation) - 1, 0, -1):
        called = next((found[i].vocative for i in conversation[k] if found[i].vocative is not None), None)
        if called is None or speakers[k] == called:
            continue
        # a line answered by name outweighs the narration before it ("Ffion sat at the table. / “Tea?”")
        guessed = all(found[i].attribution in ("beat", None) for i in conversation[k - 1])
        if speakers[k - 1] is not None and not guessed:
            continue
        speakers[k - 1] = called
        for i in conversation[k - 1]:
            if found[i].attribution in ("beat", None) and found[i].vocative != called:
                found[i].speaker, found[i].attribution = called, "turn"


def _recent_speakers(found: list[QuoteSpan], i: int, text: str, lines: int = 6) -> set[int]:
    """Speakers of the lines of the exchange before line ``i`` (an exchange breaks at a long narration,
    or one that moves to another scene)."""
    speakers: set[int] = set()
    for j in range(i - 1, max(-1, i - 1 - lines), -1):
        between = text[found[j].end : found[j + 1].start] if j + 1 < len(found) else ""
        if len(between.split()) > 60 or _SCENE_SHIFT.search(between):
            break  # (or at narration that moves to another scene: "That night Orla finds the papers…")
        speakers.update(k for k in (found[j].speaker, found[j].addressee) if k is not None)
    return speakers


def _continuations(found: list[QuoteSpan], text: str) -> None:
    """An untagged quote right after another in the same paragraph continues the same speech."""
    for prev, span in itertools.pairwise(found):
        if span.speaker is not None or prev.speaker is None or prev.paragraph != span.paragraph:
            continue
        if len(text[prev.end : span.start].split()) <= 15:
            span.speaker, span.addressee, span.attribution = prev.speaker, prev.addressee, "paragraph"


def _first_halves(found: Sequence[QuoteSpan], text: str, gender: dict[int, str]) -> None:
    """The first half of a line split by a tag whose "she" is nobody yet is said by whoever the second
    half shows speaking, of that sex (“You're Leonard,” she said. “I'm Priti Ashby.”)."""
    for prev, span in itertools.pairwise(found):
        if (
            prev.paragraph == span.paragraph
            and prev.speaker is None
            and span.speaker is not None
            and prev.tagged_as != "unknown"
            and gender.get(span.speaker, "unknown") in ("unknown", prev.tagged_as)
            and span.speaker not in (prev.vocative, prev.addressee)  # (“Take it,” she tells Ada. …)
            and len(text[prev.end : span.start].split()) <= SPLIT_TAG_WORDS
        ):
            prev.speaker, prev.attribution = span.speaker, "split"


_FAMILY_CALL = re.compile(r"(?:^|[,;]\s*)(?P<word>[A-Z][a-z]+)\s*[,.!?…]|^(?P<lead>[A-Z][a-z]+)\s*,")


def _name_family_words(
    doc: Doc, clusters: Sequence[CharacterCluster], mentions: Sequence[Mention], found: list[QuoteSpan]
) -> None:
    """Lines that call someone by a family word ("I'm not ready, Mum") name whom they speak to: the
    line's addressee, else the first other character the narration names or refers to right after it
    (see :func:`~denouement.characters.family_words_called`). Quotes keep pointing at whoever a merged
    family-word character joined."""
    kin = kin_relations()
    text = story_index(doc).text
    kin_only = {
        c.key for c in clusters if c.forms and all(len(f) == 1 and f[0].lower() in kin for f in c.forms)
    }
    # (the addressee found from the family word itself ("Dad" as a character), a name only ever called
    # out in speech ("Pip") or a real person says nothing yet)
    characters = {c.key for c in clusters if c.kind == "character"} - kin_only - _called_only(clusters)
    narrated = sorted(
        (m for m in mentions if not m.in_quote and m.cluster is not None), key=lambda m: m.char_start
    )
    starts = [m.char_start for m in narrated]
    calls: list[tuple[str, int | None, int | None]] = []
    for at, q in enumerate(found):
        words = {
            w
            for m in _FAMILY_CALL.finditer(text[q.start : q.end])
            if (w := m.group("word") or m.group("lead"))
        }
        for word in (w for w in words if w.lower() in kin):
            hearers = _hearers(found, at, doc, text, narrated, starts)
            hearers.append(_same_family(clusters, q.speaker, word))
            calls.append((word, q.speaker, next((h for h in hearers if h in characters), None)))
    if not calls:
        return
    # pronouns the coreference gave the family-word character follow it too
    _follow_moves(family_words_called(clusters, calls), mentions, found)


def _follow_moves(moved: dict[int, int], mentions: Sequence[Mention], found: Sequence[QuoteSpan]) -> None:
    """Mentions and lines of characters that joined others (old key → new key) point at the new ones."""
    if not moved:
        return
    for m in mentions:
        if m.cluster is not None and m.cluster in moved:
            m.cluster = moved[m.cluster]
    for q in found:
        q.speaker = moved.get(q.speaker, q.speaker) if q.speaker is not None else None
        q.addressee = moved.get(q.addressee, q.addressee) if q.addressee is not None else None
        q.vocative = moved.get(q.vocative, q.vocative) if q.vocative is not None else None


def _called_only(clusters: Sequence[CharacterCluster]) -> set[int]:
    """Characters known only by a name said in speech ("Pip", "Martin Kerr"), never in the narration."""
    return {
        c.key
        for c in clusters
        if c.forms
        and c.kind == "character"
        and c.actor is None
        and not c.roles  # "“Call me Farid,” my father said": the narration knows them as the father
        and c.mentions
        and all(m.in_quote for m in c.mentions)
    }


#: Lines, at least, that must call a name only ever said in speech at the same person to make it theirs.
NICKNAME_CALLS = 2


def _name_called_nicknames(
    doc: Doc, clusters: Sequence[CharacterCluster], mentions: Sequence[Mention], found: list[QuoteSpan]
) -> None:
    """ "“I said the blue ones, Pip.”" … "“Keep an eye out, Pip,” she called": a name only ever said in
    speech, to call someone, that two lines or more call out, all those whose hearer is known at the
    same character (and none of them that character's own), is that character's name too ("You watered
    it down, Martin Kerr." said to the one the narration calls Dad)."""
    by_key = {c.key: c for c in clusters}
    called_only = _called_only(clusters)
    text = story_index(doc).text
    narrated = sorted(
        (m for m in mentions if not m.in_quote and m.cluster is not None), key=lambda m: m.char_start
    )
    starts = [m.char_start for m in narrated]
    votes: dict[int, list[int | None]] = {}
    callers: dict[int, set[int | None]] = {}
    for n, q in enumerate(found):
        if q.vocative in called_only:
            callers.setdefault(q.vocative, set()).add(q.speaker)
            to = next(
                (
                    h
                    for h in _hearers(found, n, doc, text, narrated, starts)
                    if h not in (None, q.speaker, q.vocative)
                ),
                None,
            )
            votes.setdefault(q.vocative, []).append(to if to not in (q.speaker, q.vocative) else None)
    moved: dict[int, int] = {}
    for key, holders in votes.items():
        known = {h for h in holders if h is not None}  # a line whose hearer is not named says nothing
        if len(known) != 1:
            continue
        (holder_key,) = known
        if holder_key in callers[key]:
            continue  # nobody calls themself by name: the lines disagree with their speakers
        holder = by_key.get(holder_key)
        if holder is None or holder.kind != "character" or holder_key in called_only:
            continue
        # one call is enough for someone the narration names only by a family word ("I'm eighty-one,
        # Gareth." to the one called Dad): that is the name they lack
        kin_only = bool(holder.words) and holder.words <= word_set("characters", "kinship_names")
        if len(holders) < (1 if kin_only else NICKNAME_CALLS):
            continue
        other = by_key[key]
        holder.nicknames.update(" ".join(form) for form in other.forms)
        absorb(holder, other)
        moved[key] = holder_key
    _follow_moves(moved, mentions, found)


def _hearers(
    found: Sequence[QuoteSpan],
    n: int,
    doc: Doc,
    text: str,
    narrated: Sequence[Mention],
    starts: Sequence[int],
) -> list[int | None]:
    """Whom line ``n`` may be said to, best guess first: its addressee; the speaker the text names for
    the line it answers ("“Sit down,” Dad said. / “I'm eighty-three, Huw.”") or for the line that answers
    it ("Mum said, “Frank, …” and he said, “Margaret, …”"); whom the narration has its speaker face;
    the speaker of the line before, however found."""
    q = found[n]
    return [
        q.addressee,
        _answered(found, n, text, told=True),
        _answerer(found, n, text),
        _spoken_to(q, doc, text, narrated, starts),
        _answered(found, n, text),
    ]


def _answered(found: Sequence[QuoteSpan], n: int, text: str, told: bool = False) -> int | None:
    """The speaker of the line right before line ``n``, in the paragraph before it, when someone else
    speaks line ``n``: the one it answers."""
    if n == 0:
        return None
    q, prev = found[n], found[n - 1]
    if not _close_lines(prev, q, text):
        return None
    speaker = _told(prev) if told else prev.speaker
    return speaker if speaker not in (None, q.speaker) else None


def _close_lines(first: QuoteSpan, second: QuoteSpan, text: str) -> bool:
    """Whether two lines are in one exchange: in the same paragraph or the next, a few words apart."""
    between = text[first.end : second.start]
    return between.count("\n\n") <= 1 and len(between.split()) <= _CONVERSATION_GAP


def _told(line: QuoteSpan) -> int | None:
    """A line's speaker when the text says who speaks it, not when a turn or the context guessed."""
    return line.speaker if line.attribution not in _GUESSED else None


def _answerer(found: Sequence[QuoteSpan], n: int, text: str) -> int | None:
    """The speaker of the line right after line ``n``, close by, when someone else speaks it: the one
    line ``n`` called, answering."""
    if n + 1 >= len(found):
        return None
    q, after = found[n], found[n + 1]
    if not _close_lines(q, after, text):
        return None
    speaker = _told(after)
    return speaker if speaker not in (None, q.speaker) else None


def _surname(cluster: CharacterCluster) -> str | None:
    """The last word of a character's fullest name, when that name has two words or more."""
    name = max(cluster.forms, key=len, default=())
    return name[-1] if len(name) > 1 else None


def _same_family(clusters: Sequence[CharacterCluster], speaker: int | None, word: str) -> int | None:
    """The relative a family word in Josephine Marsh's mouth means when nothing else says whom she
    speaks to: the one other Marsh of the word's sex ("Grandad" is Arthur Marsh)."""
    by_key = {c.key: c for c in clusters}
    own = by_key.get(speaker) if speaker is not None else None
    surname = _surname(own) if own is not None else None
    if surname is None:
        return None
    sex = kin_word_gender(word)
    kin = [
        c
        for c in clusters
        if c.key != speaker
        and c.kind == "character"
        and _surname(c) == surname
        and (sex == "unknown" or c.gender in ("unknown", sex))
    ]
    return kin[0].key if len(kin) == 1 else None


def _faced_by(token: Token, speaker: int | None, narrated: Sequence[Mention], starts: Sequence[int]) -> bool:
    """Whether a name is the one the speaker's own verb turns to: its object, or the object of its "to",
    "at" or "towards" ("Dot turned to Gran", "she asked Ravi", "he looked at Nan")."""
    if speaker is None:
        return False
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ in _FACING and verb.head.pos_ == "VERB":
        verb = verb.head
    elif token.dep_ != "dobj" or verb.pos_ != "VERB":
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        at = bisect.bisect_left(starts, subject.idx)
        if at < len(narrated) and narrated[at].char_start == subject.idx:
            return narrated[at].cluster == speaker
    return False


#: Prepositions that point a speaker's verb at someone ("turned to", "looked at", "leaned towards").
_FACING = frozenset({"to", "at", "towards", "toward"})


def _spoken_to(
    q: QuoteSpan, doc: Doc, text: str, narrated: Sequence[Mention], starts: Sequence[int]
) -> int | None:
    """Whom an untagged line seems said to: the one its speaker turns to or asks in the narration that
    leads into it ("Dot turned to Gran … “Have you decided, Edith?”"), else the first other character
    the narration names or refers to after it in its paragraph, else the last one before it there ("His
    daughter, Aoife, breaks the news. “You're starting, Dad,” she says."), else the first one after it in
    the next few sentences."""
    para_start = text.rfind("\n\n", 0, q.start) + 1
    para_end = text.find("\n\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    i = bisect.bisect_left(starts, q.end)
    faced = {
        m.cluster
        for m in narrated[max(0, i - 6) : i]
        if m.char_start >= para_start
        and m.sentence >= q.sentence - 1
        and m.cluster != q.speaker
        and _faced_by(doc[m.end - 1], q.speaker, narrated, starts)
    }
    if len(faced) == 1:
        return faced.pop()
    after = [m for m in narrated[i : i + 4] if m.sentence <= q.sentence + 4 and m.cluster != q.speaker]
    before = [m for m in narrated[max(0, i - 6) : i] if m.char_end <= q.start and m.cluster != q.speaker]
    here_after = [m for m in after if m.char_start < para_end]
    here_before = [m for m in before if m.char_start >= para_start]
    for pool in (here_after, here_before[::-1], after):
        if pool:
            return pool[0].cluster
    return None


@Language.component(
    "denouement_quotes",
    requires=["doc._.characters", "doc._.mentions"],
    assigns=["doc._.quotes", "doc._.characters"],
)
def quotes_component(doc: Doc) -> Doc:
    _follow_moves(
        nicknames_given(doc, doc._.characters or [], doc._.mentions or []), doc._.mentions or [], []
    )
    found = find_quotes(doc, doc._.characters or [], doc._.mentions or [])
    _name_family_words(doc, doc._.characters or [], doc._.mentions or [], found)
    _name_called_nicknames(doc, doc._.characters or [], doc._.mentions or [], found)
    spoken = doc._.script_quotes or []
    doc._.quotes = sorted([*found, *spoken], key=lambda q: q.start) if spoken else found
    return doc
