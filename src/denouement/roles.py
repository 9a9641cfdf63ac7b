"""Speaking roles: people the text knows only by what they do ("the night porter", "the immigration
officer") and who speak. Such a role becomes a character of its own, named as the text names it, so that
"“First time abroad?” he asks" after "the immigration officer flips through her passport" has a speaker
other than the heroine.

A role counts when it is the subject of a speech verb tagging a line ("“Sit,” the night porter says") or
the subject just before a line tagged by a pronoun ("The care assistant signed him in. “She's had a good
morning,” she said."), and no named character holds that role ("her uncle, the porter Emre"). People met
only as "the man" or "the woman" stay strangers (see :mod:`denouement.coref`); family words belong to
the family's named members; film-makers and critics are real people, not roles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from denouement.characters import CharacterCluster, Mention, StoryIndex, story_index
from denouement.lexicon import word_set

__all__ = ["speaking_roles"]

#: Nouns for someone met in passing, whom a pronoun may mean but who is no character of the story.
_STRANGERS = frozenset(
    {
        "man",
        "woman",
        "girl",
        "boy",
        "lady",
        "gentleman",
        "child",
        "kid",
        "baby",
        "teenager",
        "teen",
        "stranger",
    }
)
#: Nouns of a relation to someone: who they are depends on whose they are ("the son", "the friend").
_RELATIONS = frozenset(
    {
        *("son", "daughter", "husband", "wife", "partner", "lover", "boyfriend", "girlfriend", "fiancé"),
        *("fiancée", "friend", "neighbour", "neighbor", "rival", "colleague", "boss", "employee", "patient"),
        *("student", "pupil", "owner", "apprentice"),
    }
)
#: Nouns for a part in the plot or in a family, not a job: whom they mean depends on the story.
_NOT_JOBS = frozenset(
    {
        *("protagonist", "hero", "heroine", "villain", "narrator", "star", "understudy", "orphan", "widow"),
        *("widower", "heir", "heiress", "bride", "groom", "cousin", "nephew", "niece", "uncle", "aunt"),
        *("grandmother", "grandfather", "mother", "father", "brother", "sister", "stepmother", "stepfather"),
        *("lodger", "tenant", "roommate", "flatmate", "housemate", "classmate", "companion", "mentor"),
        *("player", "athlete", "runner", "swimmer", "climber", "fighter", "boxer", "thief", "killer"),
        *("murderer", "assassin", "burglar", "spy", "gangster", "mobster", "smuggler", "hustler", "conman"),
    }
)
_QUOTES = frozenset({'"', "“", "”"})


def _speech_verbs() -> frozenset[str]:
    return word_set("quotes", "speech_verbs")


def _role_nouns() -> frozenset[str]:
    return (
        (word_set("characters", "human_nouns") | word_set("characters", "role_nouns"))
        - word_set("characters", "person_roles")
        - word_set("characters", "kinship_names")
        - _STRANGERS
        - _RELATIONS
        - _NOT_JOBS
    )


def _role_phrase(token: Token) -> str:
    """ "the night porter", "the immigration officer": the noun with the nouns compounded before it."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].dep_ == "compound"
        and token.doc[start - 1].head.i
        in (
            token.i,
            start,
        )
    ):
        if not token.doc[start - 1].is_lower or not token.doc[start - 1].is_alpha:
            break
        start -= 1
    return "the " + " ".join(t.lower_ for t in token.doc[start : token.i + 1])


def _a_role(token: Token, index: StoryIndex, nouns: frozenset[str], taken: set[int]) -> bool:
    """A lower-case role noun after "the", a subject in the narration, that names no one."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.is_lower
        and token.lemma_.lower() in nouns
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.i not in taken
        and index.token_sentence[token.i] >= 0
        and index.token_sentence[token.i] not in index.meta
        and not index.in_quote(token)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in token.children)
    )


def _named_there(token: Token) -> bool:
    """The role names its holder where it stands: "The removals foreman, a Yorkshireman known only as
    Gorse", "The tutor turns out to be Nerys Vaughan", "the sous-chef" (part of a longer role)."""
    if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return True
    if any(t.pos_ == "PROPN" for t in token.subtree if t.i != token.i):
        return True
    verb = token.head
    if verb.lemma_ in ("be", "turn", "prove") or verb.lower_ in ("named", "called"):
        return any(t.pos_ == "PROPN" and t.i > token.i for t in verb.subtree)
    return False


#: Words that give the name of someone just met by their role: "his name was", "called him", "known as".
_NAME_GIVEN = re.compile(
    r"\b(?:(?:his|her) (?:real |full |proper )?name (?:was|is)|(?:called|calls|call) (?:him|her)|"
    r"(?:is|was) (?:known|called) as|(?:is|was) called|went by|goes by)\s+$",
    re.IGNORECASE,
)


def _named_next(token: Token, index: StoryIndex, mentions: Sequence[Mention]) -> int | None:
    """The character a role is named as in its own sentence or the next, by words that give a name
    ("the ferryman said. He was a small man…, and the island called him Baba Ferry, though his name was
    Kehinde Ajala"): the last one so named."""
    here = index.token_sentence[token.i]
    text = index.text
    found = None
    for m in mentions:
        if m.kind != "name" or m.cluster is None or m.in_quote or not here <= m.sentence <= here + 1:
            continue
        if m.start <= token.i:
            continue
        if _NAME_GIVEN.search(text[max(0, m.char_start - 40) : m.char_start]):
            found = m.cluster
    return found


def _speaks(token: Token, sentences: Sequence[Span], index: StoryIndex) -> bool:
    """The role tags a line itself ("the porter says"); or it acts just before a line no one tags ("The
    tea seller came down the aisle. “Two?”"); or it is the last one acting before a line a pronoun tags,
    with only pronouns acting between ("That night the ferryman knocks. He is holding the thermos. “…,”
    he says.")."""
    speech = _speech_verbs()
    here = index.token_sentence[token.i]
    if token.head.lemma_.lower() in speech and _has_quote(sentences[here]):
        return True
    for n in range(here, min(here + REACH, len(sentences))):
        subjects = [
            t
            for t in sentences[n]
            if t.dep_ in ("nsubj", "nsubjpass") and not index.in_quote(t) and (n > here or t.i > token.i)
        ]
        if _has_quote(sentences[n]) and not subjects and n <= here + 1:
            return True  # an untagged line right after the role acts
        for t in subjects:
            if t.lower_ in ("which", "that", "who", "whom", "what"):
                continue  # a relative clause's subject stands for something named in it
            if t.lower_ not in ("he", "she"):
                return False  # someone else acts first
            if t.head.lemma_.lower() in speech and _has_quote(sentences[n]):
                return True
    return False


#: Sentences from the role's own to the line it speaks, at most.
REACH = 3


def _has_quote(sentence: Span) -> bool:
    return any(t.text in _QUOTES for t in sentence)


def _done_by_someone_named(doc: Doc, taken: set[int]) -> set[str]:
    """Roles the text gives a named character through a verb made of the role ("the boat is skippered by
    Ray Bennell", "the match is refereed by Ana Kuti"): the verb itself and its agent nouns."""
    held: set[str] = set()
    for token in doc:
        if token.dep_ != "agent" or token.head.pos_ != "VERB":
            continue
        if any(c.dep_ == "pobj" and c.i in taken for c in token.children):
            lemma = token.head.lemma_.lower()
            held |= {lemma, f"{lemma}er", f"{lemma}r"}
    return held


def speaking_roles(doc: Doc, clusters: list[CharacterCluster], mentions: Sequence[Mention]) -> list[int]:
    """Add a cluster for each role that speaks and that no named character holds; their keys."""
    index = story_index(doc)
    sentences = index.sentences
    held = {role for c in clusters for role in c.roles}
    # a title is a role its bearer holds: "Judge Alicia Ferrando" is "the judge"
    held |= {title.lower().rstrip(".") for c in clusters for title in c.titles}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    held |= _done_by_someone_named(doc, taken)
    nouns = _role_nouns()
    phrases: dict[str, Counter[str]] = {}
    speaking: set[str] = set()
    for token in doc:
        if not _a_role(token, index, nouns, taken):
            continue
        lemma = token.lemma_.lower()
        if lemma in held:
            continue  # "the skipper" is Captain Morgan, whom the text called so
        if _named_there(token):
            held.add(lemma)
            continue
        named_next = _named_next(token, index, mentions)
        if named_next is not None:
            # "“No crossing,” the ferryman said. He was a small man…, though his name was Kehinde Ajala"
            holder = next((c for c in clusters if c.key == named_next), None)
            if holder is not None:
                holder.roles.add(lemma)
                held.add(lemma)
                continue
        phrases.setdefault(lemma, Counter())[_role_phrase(token)] += 1
        if _speaks(token, sentences, index):
            speaking.add(lemma)
    added = []
    for lemma in sorted(speaking - held):
        phrase = max(phrases[lemma].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        cluster = CharacterCluster(key=len(clusters), forms=[(phrase,)], roles={lemma})
        clusters.append(cluster)
        added.append(cluster.key)
    return added


@Language.component(
    "denouement_roles",
    requires=["doc._.characters", "doc._.mentions"],
    assigns=["doc._.characters"],
)
def roles_component(doc: Doc) -> Doc:
    clusters: list[CharacterCluster] = doc._.characters or []
    speaking_roles(doc, clusters, doc._.mentions or [])
    doc._.characters = clusters
    return doc
