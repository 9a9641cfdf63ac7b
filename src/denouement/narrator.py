"""The first-person narrator: who "I" is, so that "“It's Danny,” I said" has a speaker.

A text has a narrator when "I", "me" or "my" stand in its narration (outside quotes) in several
sentences. The narrator is the character the text names as "I": "my name is Nell", "I'm Nell" in the
narration, or a quote of the narrator's own saying "It's Danny" / "I'm Danny". When the text never names
them, the narrator is a character of their own, called "the narrator". Every narrator mention is a
pronoun mention, with its sentence as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from spacy.language import Language
from spacy.tokens import Doc

from denouement.characters import (
    FAMILY_TITLES,
    CharacterCluster,
    Mention,
    StoryIndex,
    called_out,
    mentions_by_token,
    story_index,
    tagged_speaker_before,
)
from denouement.lexicon import word_set

__all__ = ["FIRST_PERSON", "NARRATOR_NAME", "a_viewers_i", "find_narrator"]

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
NARRATOR_NAME = "the narrator"
#: Narrated sentences with a first-person pronoun needed before the text counts as first-person.
MIN_SENTENCES = 3
_SELF_NAMING = re.compile(
    r"\b(?:[Mm]y name(?:'s| is)|I am|I'm|It's|It is|[Cc]alls? me)\s+[\"“‘']?"
    r"(?P<name>[A-Z][\w'’\-]+)"
)


def _first_person_tokens(doc: Doc, index: StoryIndex) -> list[int]:
    return [
        t.i
        for t in doc
        if t.lower_ in FIRST_PERSON
        and t.pos_ == "PRON"
        and index.token_sentence[t.i] >= 0
        and index.token_sentence[t.i] not in index.meta
        and not index.in_quote(t)
    ]


def _self_namings(
    doc: Doc, index: StoryIndex, named: Sequence[Mention]
) -> list[tuple[re.Match[str], Mention]]:
    """Each "my name is …", "I'm …", "call me …" in the text, with the name mention it gives."""
    by_token = mentions_by_token(named)
    starts = {t.idx: t.i for t in doc}
    found = []
    for match in _SELF_NAMING.finditer(index.text):
        token = starts.get(match.start("name"))
        m = by_token.get(token) if token is not None else None
        if m is not None:
            found.append((match, m))
    return found


def _named_narrator(
    doc: Doc, index: StoryIndex, named: Sequence[Mention], said_by_i: Sequence[range]
) -> int | None:
    """The cluster the text names as "I", if it does. (Not a character of another work or a real person:
    "Kieran used to call me Bartleby" gives the narrator a nickname out of a book, not a name.)"""
    kinds = {c.key: c.kind for c in doc._.characters or []}
    for match, m in _self_namings(doc, index, named):
        if kinds.get(m.cluster, "character") != "character":
            continue
        at = match.start("name")
        inside = index.in_quote(doc[m.start])
        # In narration ("My name is Nell") or inside a quote the narrator says ("It's Danny," I said).
        narrated = match.group().split()[0] in ("My", "my", "I", "Call", "call")
        if (not inside and narrated) or (inside and any(at in span for span in said_by_i)):
            return m.cluster
    for match in _CALLED_ME.finditer(index.text):
        # "It was addressed to Mr Thomas Kerr, which nobody had ever called me": the name is the narrator's
        own = next((n for n in named if n.char_start <= match.start("name") < n.char_end), None)
        if own is not None and not own.in_quote and own.cluster is not None:
            return own.cluster
    return None


#: A name in the narration that the narrator says is theirs, however rarely used.
_CALLED_ME = re.compile(
    r"(?P<name>[A-Z][\w'’\-]+)[,;]? (?:which|what|as|a name|the name) "
    r"(?:nobody|no one|no-one|everyone|everybody|people|they|only [\w'’]+|\w+ alone)"
    r"(?: \w+){0,2}? call(?:s|ed)? me\b"
)


def _named_by_others(
    doc: Doc, index: StoryIndex, named: Sequence[Mention], said_by_i: Sequence[range]
) -> set[int]:
    """Characters who name themselves in a line someone other than "I" says (“Call me Farid,” my father
    said): that name is the speaker's, whoever else calls it out."""
    return {
        m.cluster
        for match, m in _self_namings(doc, index, named)
        if m.cluster is not None
        and index.in_quote(doc[m.start])
        and not any(match.start("name") in span for span in said_by_i)
    }


#: The reply to a call, tagged to "he" or "she", before or after its words.
_REPLY_VERB = (
    r"\b(?:he|she)\b(?: \w+){0,2}? "
    r"(?:said|says|replied|replies|answered|answers|asked|asks|snapped|muttered)\b"
)
_THIRD_PERSON_REPLY = re.compile(
    rf"[^“\"\n]{{0,80}}?(?:(?P<before>{_REPLY_VERB})[^“\"\n]{{0,20}}[“\"]"
    rf"|[“\"][^”\"\n]{{1,300}}[”\"]\s*,?\s*(?:\w+\s+)?{_REPLY_VERB})",
    re.IGNORECASE,
)


#: A speech tag that ends right before a line opens ("Mum had said, “…”").
_TAG_BEFORE = re.compile(r"\b(?:said|says|asked|asks|replied|replies|called|calls|shouted|shouts)\s*,?\s*$")


def _answered_by_a_third_person(text: str, call: Mention) -> bool:
    """The line that calls ``call`` out is answered at once by a line the narration gives to "he" or "she"
    (“Frank, you'll kill each other,” and he had said, “Margaret, …”)."""
    close = min(
        (i for i in (text.find("”", call.char_end), text.find('"', call.char_end)) if i >= 0), default=-1
    )
    opening = max(text.rfind("“", 0, call.char_start), text.rfind('"', 0, call.char_start))
    if close < 0 or opening < 0:
        return False
    # the call's own line was tagged before it ("Mum had said, “Frank, …”"), so a "he said" after it
    # tags the next line, not this one
    tagged_before = _TAG_BEFORE.search(text, max(0, opening - 40), opening) is not None
    reply = _THIRD_PERSON_REPLY.match(text, close + 1)
    return reply is not None and (
        tagged_before or reply.group().lstrip(" ,").lower().startswith(("and ", "but "))
    )


def _only_spoken_to(
    doc: Doc, clusters: Sequence[CharacterCluster], named: Sequence[Mention], others: AbstractSet[int]
) -> int | None:
    """The one name heard only in other people's speech ("Danny, hold your end"): in a first-person
    story, the narrator is called by name but never named in their own narration. The name must be
    called out at least once ("You're late, Horty."), not only talked about ("Nobby Stiles. With the
    trophy.")."""
    in_speech = {m.cluster for m in named if m.in_quote}
    in_narration = {m.cluster for m in named if not m.in_quote}
    calls = [m for m in named if m.in_quote and called_out(doc, m)]
    # a name called out in reply to a line the narration gives someone else ("“Leave her alone,” Mum said."
    # — "“I'm only saying, Fiona.”") is that someone's name, not the narrator's
    answering = {m.cluster for m in calls if tagged_speaker_before(doc, m, named) is not None}
    # a name called out and answered by a "he" or "she" (“Frank, you'll kill each other,” and he had said,
    # “Margaret, …”) is a third person's
    text = story_index(doc).text
    answering |= {m.cluster for m in calls if _answered_by_a_third_person(text, m)}
    candidates = [
        c.key
        for c in clusters
        if c.key in in_speech
        and c.key in {m.cluster for m in calls}
        and c.key not in in_narration
        and c.key not in answering
        and c.key not in others
        and c.kind == "character"
        and not c.narrator
    ]
    heard = sorted(((sum(1 for m in named if m.cluster == key), key) for key in candidates), reverse=True)
    if not heard or (len(heard) > 1 and heard[1][0] == heard[0][0]):
        return None
    count, key = heard[0]
    # a name heard once is the narrator's only when no other name is in the running and nobody else is
    # before the speaker's eyes (“Then she looked at Dad. “I've known since Tuesday, Graham.””)
    # ("my niece Paloma … said, “Tio Chuy, tell me…”": a family title in the call says whose relative
    # is speaking, and in a first-person story that is the narrator's)
    kin_called = any(_called_as_kin(doc, m) for m in calls if m.cluster == key)
    if (
        count < 2
        and not kin_called
        and (
            len(heard) > 1 or not all(_said_to_nobody_else(doc, m, named) for m in calls if m.cluster == key)
        )
    ):
        return None
    return key


def _called_as_kin(doc: Doc, call: Mention) -> bool:
    """The name is called with a family title ("Tio Chuy", "Auntie Bid")."""
    first = doc[call.start]
    before = doc[call.start - 1] if call.start > 0 else None
    words = {first.lower_, before.lower_ if before is not None else ""}
    return bool(words & FAMILY_TITLES)


def _said_to_nobody_else(doc: Doc, call: Mention, named: Sequence[Mention]) -> bool:
    """The paragraph of a call names nobody in its narration but whoever speaks it ("…,” Mum said)."""
    index = story_index(doc)
    text = index.text
    start = text.rfind("\n\n", 0, call.char_start) + 1
    end = text.find("\n\n", call.char_end)
    end = len(text) if end < 0 else end
    speech = word_set("quotes", "speech_verbs")
    kin = word_set("characters", "kinship_names")
    # the people the narration names there: by name, or by a family word ("she turned to Dad")
    people = [doc[n.end - 1] for n in named if start <= n.char_start < end and not n.in_quote]
    people += [
        t
        for t in doc.char_span(start, end, alignment_mode="expand") or ()
        if t.is_title and t.lower_ in kin and not index.in_quote(t)
    ]
    return all(t.dep_ == "nsubj" and t.head.lemma_.lower() in speech for t in people)


def _quotes_said_by_i(doc: Doc, index: StoryIndex) -> list[range]:
    """Character ranges of quotes tagged "I said" / "said I" right after them."""
    spans = []
    text = index.text
    for mark in index.quotes:
        after = text[mark.end : mark.end + 24]
        before = text[max(0, mark.start - 24) : mark.start]
        if re.match(r"^[,.!?]?\s*(?:I\s+\w+|said I)\b", after) or re.search(
            r"\bI\s+\w+(?:ed)?[,:]\s*$", before
        ):
            spans.append(range(mark.inner_start, mark.inner_end))
    return spans


#: Verbs of opinion: "I think", "I suspect" make a commentator, not a narrator.
_OPINION = frozenset(
    {
        "think",
        "feel",
        "find",
        "suspect",
        "believe",
        "love",
        "like",
        "admit",
        "wonder",
        "guess",
        "doubt",
        "hope",
        "wish",
        "prefer",
        "enjoy",
        "hate",
        "imagine",
        "expect",
        "mean",
        "argue",
        "agree",
        "side",
        "bet",
    }
)


def _tells_a_story(doc: Doc, tokens: Sequence[int]) -> bool:
    """Does "I" do things, in the past tense ("I turned round", "I carried her case") or, more often,
    in the present of a story told as it happens ("I sort the post", "I keep my head down")?"""
    acts: dict[str, set[int]] = {"VBD": set(), "VBP": set()}
    for i in tokens:
        verb = doc[i].head
        lemma = verb.lemma_.lower()
        opinion = lemma in _OPINION or (verb.tag_ == "VBP" and lemma in _NOT_ACTS)
        if doc[i].dep_ in ("nsubj", "nsubjpass") and verb.tag_ in acts and not opinion:
            acts[verb.tag_].add(verb.i)
    return len(acts["VBD"]) >= 2 or len(acts["VBP"]) >= _PRESENT_ACTS


#: Present-tense acts of "I" that make a story told as it happens (a critic's "I say" is one or two).
_PRESENT_ACTS = 3
#: Present-tense verbs of a critic's "I" as much as a narrator's: not acts ("I know the director can do
#: more", "I want to like it", "I recommend it").
_NOT_ACTS = frozenset(
    {"be", "have", "know", "want", "say", "see", "recommend", "do", "can", "need", "hope", "guess"}
)


def a_viewers_i(doc: Doc, index: StoryIndex) -> bool:
    """An "I" that keeps to seeing and judging the work ("I went into the film expecting…", "since the
    screening"): a critic's, not a narrator's. Worked out once per doc."""
    known: bool | None = doc.user_data.get("denouement_viewers_i")
    if known is not None:
        return known
    words = word_set("layers", "viewing_words")
    title = str(doc.user_data.get("denouement_title") or "").lower()
    if re.search(r"\breview\b", title):
        doc.user_data["denouement_viewers_i"] = True  # "Small Hours review: …": the I is the critic's
        return True
    sentences = viewing = 0
    for n, sent in enumerate(index.sentences):
        if n in index.meta or index.in_quote(sent.root):
            continue
        if not any(t.lower_ in ("i", "me", "my") and not index.in_quote(t) for t in sent):
            continue
        sentences += 1
        viewing += any(t.lemma_.lower() in words and not index.in_quote(t) for t in sent)
    found = doc.user_data["denouement_viewers_i"] = viewing >= 2 and viewing * 3 >= sentences
    return found


def find_narrator(
    doc: Doc, clusters: list[CharacterCluster], named: Sequence[Mention]
) -> tuple[int | None, list[Mention]]:
    """The narrator's cluster key (added to ``clusters`` when the text never names them) and the
    first-person mentions in the narration. ``(None, [])`` for a text told in the third person."""
    index = story_index(doc)
    tokens = _first_person_tokens(doc, index)
    if len({index.token_sentence[i] for i in tokens}) < MIN_SENTENCES:
        return None, []
    author = next((c.key for c in clusters if "author" in c.roles), None)
    if author is not None:
        key: int | None = author  # an article's "I" is its byline's author
    elif not _tells_a_story(doc, tokens) or a_viewers_i(doc, index):
        return None, []  # a critic's "I think", "I came out of the screening": not narration
    else:
        said_by_i = _quotes_said_by_i(doc, index)
        key = _named_narrator(doc, index, named, said_by_i)
        if key is None:
            key = _only_spoken_to(doc, clusters, named, _named_by_others(doc, index, named, said_by_i))
    if key is None:
        narrator = CharacterCluster(key=len(clusters), forms=[(NARRATOR_NAME,)])
        narrator.nicknames.clear()
        clusters.append(narrator)
        key = narrator.key
    mentions = [Mention.of_token(doc[i], index.token_sentence[i], "pronoun", key) for i in tokens]
    cluster = clusters[key]
    cluster.narrator = True
    cluster.mentions.extend(mentions)
    return key, mentions


@Language.component(
    "denouement_narrator",
    requires=["doc._.characters", "doc._.mentions"],
    assigns=["doc._.characters", "doc._.mentions"],
)
def narrator_component(doc: Doc) -> Doc:
    clusters: list[CharacterCluster] = doc._.characters or []
    mentions: list[Mention] = doc._.mentions or []
    named = [m for m in mentions if m.kind == "name"]
    _, extra = find_narrator(doc, clusters, named)
    doc._.characters = clusters
    doc._.mentions = sorted(mentions + extra, key=lambda m: m.start)
    return doc
