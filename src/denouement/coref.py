"""Rule-based coreference: third-person pronouns and role nouns resolved to characters.

No statistical coreference model is available offline, so this stage uses the parse: a pronoun goes to
the most salient compatible character among the last few sentences — recent, in subject position, of the
same grammatical gender — with the binding rule that an object pronoun ("she tells *her*") is not the
subject of its own clause while a possessive usually is ("Mia grabs *her* coat"). Genders come from the
characters stage (titles, relation nouns, given names) refined by the pronouns that follow a character
named alone in a sentence. "They" goes to a group of characters just named together ("Mia and Seb").
A definite role noun ("the director", "her husband") goes to the one character the text gave that role.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from denouement.characters import (
    CharacterCluster,
    Gender,
    Mention,
    StoryIndex,
    family_words,
    kin_relations,
    kin_word_gender,
    mentions_by_token,
    story_index,
)
from denouement.lexicon import load_lexicon, word_set

__all__ = ["PRONOUN_GENDER", "resolve_pronouns"]

PRONOUN_GENDER: dict[str, Gender] = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
REFLEXIVE = frozenset({"himself", "herself", "themselves"})
WINDOW = 3  # sentences back a pronoun may look for its antecedent


@dataclass
class _Seen:
    token: int
    cluster: int
    sentence: int
    subject: bool
    main: bool = False  # subject of the sentence's main verb
    called: bool = False  # named in a line said to them: there from the next narrated sentence on


#: The cluster key that stands for a person the text never names ("a woman", "the boy").
UNNAMED = -1
#: Gendered nouns for people met without a name.
_STRANGERS = frozenset(
    {
        "woman",
        "man",
        "girl",
        "boy",
        "lady",
        "gentleman",
        "waitress",
        "waiter",
        "landlady",
        "landlord",
        "actress",
    }
)


@cache
def _relation_genders() -> dict[str, Gender]:
    data = load_lexicon("characters")["relation_gender"]
    genders: dict[str, Gender] = {}
    for word in data.get("female", []):
        genders[str(word).lower()] = "female"
    for word in data.get("male", []):
        genders[str(word).lower()] = "male"
    return genders


def _unnamed_person(token: Token, by_token: Mapping[int, Mention]) -> bool:
    """A subject (or the attribute of "X was a woman") headed by a gendered noun and naming nobody: "a
    woman with silver bracelets", "the boy" (not "a woman named Celia", whose name is the mention)."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in _STRANGERS:
        return False
    if not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the", "another", "this", "that") for c in token.children
    ):
        return False  # "her mother", "my dad": kin, usually a named character
    if any(t.i in by_token for t in token.subtree):
        return False  # "a young woman named Celia Voss", "the man, Dov,": named after all
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    # "The examiner was a woman…": the subject of the copula is this unnamed person too (not "Ines was a
    # woman who…", where the woman has a name)
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return False
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return not any(t.i in by_token for s in subjects for t in s.subtree)


_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})


def _called_by_name(doc: Doc, m: Mention) -> bool:
    """A name in a quote said to its bearer: “Rosa!”, “Sit down, Rosa.”, “Rosa, you're late.” (not “Alfred,
    obviously.”, an answer that names someone)."""
    before = doc[m.start - 1].text if m.start > 0 else ""
    after = doc[m.end].text if m.end < len(doc) else ""
    if before == ",":
        return after in (".", "!", "?") or after in _QUOTE_MARKS
    if before not in _QUOTE_MARKS:
        return False
    if after in ("!", "?", "—"):
        return True
    rest = doc[m.end : min(len(doc), m.end + 12)]
    return after == "," and any(t.lower_ in ("you", "your", "you're", "yours") for t in rest)


def _speaks(token: Token) -> bool:
    """ "she said" tagging a quote, or "she told me": a pronoun that speaks — in an article, as often a
    director or a critic as a character."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in word_set("quotes", "speech_verbs"):
        return False
    to_writer = any(c.lower_ in ("me", "us") for c in verb.children if c.dep_ in ("dobj", "dative", "iobj"))
    quoted = any(t.text in _QUOTE_MARKS for t in verb.children if t.dep_ == "punct") or any(
        c.dep_ == "ccomp" and any(t.text in _QUOTE_MARKS for t in c.subtree) for c in verb.children
    )
    return to_writer or quoted


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass")


def _seen(token: Token, cluster: int, rank: int) -> _Seen:
    # "Only Arne's son, Jonas, agrees": a name in apposition to the subject is the subject.
    role = token.head if token.dep_ == "appos" else token
    subject = _is_subject(role)
    return _Seen(token.i, cluster, rank, subject, subject and role.head.dep_ == "ROOT")


def _clause_subject(token: Token, by_token: dict[int, Mention], resolved: dict[int, int]) -> int | None:
    """Cluster of the subject of the clause ``token`` belongs to (a name or an already resolved pronoun)."""
    verb = token.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.i in by_token:
                return by_token[child.i].cluster
            if child.i in resolved:
                return resolved[child.i]
    return None


def learn_genders(
    doc: Doc, index: StoryIndex, clusters: Sequence[CharacterCluster], named: Sequence[Mention]
) -> None:
    """Refine each cluster's gender from pronouns in sentences that name that character alone."""
    votes: dict[int, Counter[str]] = {c.key: Counter() for c in clusters}
    by_sentence: dict[int, set[int]] = {}
    first_end: dict[tuple[int, int], int] = {}  # (sentence, cluster) -> end of its first named mention
    first_named_at: dict[int, int] = {}  # sentence -> start of its first named mention outside speech
    for m in named:
        if not m.in_quote and m.cluster is not None:
            by_sentence.setdefault(m.sentence, set()).add(m.cluster)
        if not m.in_quote:
            first_named_at[m.sentence] = min(m.start, first_named_at.get(m.sentence, m.start))
        if m.cluster is not None:
            where = (m.sentence, m.cluster)
            first_end[where] = min(m.end, first_end.get(where, m.end))
    subjects: dict[int, set[int]] = {}
    for m in named:
        if not m.in_quote and m.cluster is not None and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass"):
            subjects.setdefault(m.sentence, set()).add(m.cluster)
    for m in named:  # "Abena falls asleep against her brother's arm, and Kwame takes out his phone"
        if len(by_sentence.get(m.sentence, ())) > 1 and m.cluster is not None and not m.in_quote:
            pronoun = _own_clause_possessive(doc[m.end - 1], index)
            if pronoun is not None:
                votes[m.cluster][PRONOUN_GENDER[pronoun.lower_]] += 1
    for sent_id, sent in enumerate(index.sentences):
        here = by_sentence.get(sent_id, set())
        if len(here) != 1 or not subjects.get(sent_id):
            continue
        (key,) = here
        first_named = first_end[(sent_id, key)]
        pronouns = [
            t
            for t in sent
            if t.i >= first_named
            and t.lower_ in PRONOUN_GENDER
            and t.dep_ in ("nsubj", "poss", "nsubjpass")
            and not index.in_quote(t)
        ]
        if pronouns:
            votes[key][PRONOUN_GENDER[pronouns[0].lower_]] += 1
        elif sent_id + 1 < len(index.sentences):
            # the next sentence goes on about them before it names anyone else ("Henrique books a berth on
            # the Santa Luzia. On board he befriends the cook, Abílio")
            named_next = first_named_at.get(sent_id + 1)
            nxt = [
                t
                for t in index.sentences[sent_id + 1]
                if _is_subject(t)
                and t.lower_ in PRONOUN_GENDER
                and not index.in_quote(t)
                and (named_next is None or t.i < named_next)
            ]
            if nxt:
                votes[key][PRONOUN_GENDER[nxt[0].lower_]] += 1
    names = _given_names()
    for cluster in clusters:
        tally = votes[cluster.key]
        if not tally:
            continue
        gender, count = tally.most_common(1)[0]
        total = sum(tally.values())
        named_as = next((names[f[0].lower()] for f in cluster.forms if f[0].lower() in names), None) or next(
            (g for f in cluster.forms if len(f) == 1 and (g := kin_word_gender(f[0])) != "unknown"), None
        )
        if cluster.gender == "unknown" and named_as is None and count * 3 >= total * 2:
            cluster.gender = gender  # type: ignore[assignment]


_REFLEXIVE = frozenset({"herself", "himself"})
#: Clauses below a subject's verb whose possessives need not be the subject's.
_OTHER_CLAUSE = frozenset({"relcl", "ccomp", "parataxis", "acl"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _own_clause_possessive(subject: Token, index: StoryIndex) -> Token | None:
    """The first gendered possessive or reflexive after a named subject in the subject's own clause
    ("Abena falls asleep against *her* brother's arm"), not in a clause with a subject of its own ("…,
    and Kwame takes out *his* phone") nor in reported speech."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    found: list[Token] = []
    stack = [c for c in subject.head.children if c.i != subject.i]
    while stack:
        t = stack.pop()
        if t.dep_ in _OTHER_CLAUSE or index.in_quote(t):
            continue
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            continue
        lower = t.lower_
        if t.i > subject.i and lower in PRONOUN_GENDER and (t.dep_ == "poss" or lower in _REFLEXIVE):
            found.append(t)
        stack.extend(t.children)
    first = min(found, key=lambda t: t.i, default=None)
    if first is None:
        return None
    between = subject.doc[subject.i + 1 : first.i]
    if any(t.pos_ == "PROPN" or (t.pos_ == "PRON" and t.dep_ in _OBJECT_DEPS) for t in between):
        return None  # "Vera tells Stefan on his first night": after someone else, it may be theirs
    return first


@cache
def _given_names() -> dict[str, str]:
    data = load_lexicon("characters")["given_names"]
    return {str(n).lower(): g for g in ("female", "male") for n in data.get(g, [])}


def _groups(doc: Doc, index: StoryIndex, by_token: dict[int, Mention]) -> dict[int, tuple[int, ...]]:
    """Sentence id → the characters named together in a coordination ("Mia and Seb") in that sentence."""
    groups: dict[int, tuple[int, ...]] = {}
    for i, m in by_token.items():
        token = doc[i]
        if i != m.end - 1 or m.in_quote or m.cluster is None:
            continue
        members = [m.cluster]
        for conj in token.conjuncts:
            other = by_token.get(conj.i)
            if other and other.cluster is not None and other.cluster not in members:
                members.append(other.cluster)
        if len(members) >= 2 and m.sentence not in groups:
            groups[m.sentence] = tuple(sorted(members))
    return groups


def _role_mentions(
    doc: Doc, index: StoryIndex, clusters: Sequence[CharacterCluster], taken: set[int]
) -> list[Mention]:
    role_owner: dict[str, list[int]] = {}
    relation_of = kin_relations()
    for c in clusters:
        # "her grandmother" is who the narration calls "Abuela Chayo" or "Gran", unless it gives the
        # relation outright ("his grandmother, Rosario")
        called = {relation_of.get(w.lower().rstrip(".")) for w in family_words(c)} - {None}
        for role in c.roles | ({r for r in called if r not in c.roles} if c.kind == "character" else set()):
            role_owner.setdefault(str(role), []).append(c.key)
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "NOUN" or index.token_sentence[token.i] < 0:
            continue
        owners = role_owner.get(token.lemma_.lower(), [])
        if len(owners) != 1 or token.tag_ not in ("NN",):
            continue
        det = [c for c in token.children if c.dep_ in ("det", "poss")]
        if not det or det[0].lower_ in ("a", "an", "another", "every", "each", "no", "some", "any"):
            continue
        # The apposition that gave the role is not a second mention.
        if (
            any(child.i in taken for child in token.children if child.dep_ == "appos")
            or token.head.i in taken
        ):
            continue
        start = min(det[0].i, token.i)
        found.append(
            Mention(
                start,
                token.i + 1,
                doc[start].idx,
                token.idx + len(token),
                doc[start : token.i + 1].text,
                index.token_sentence[token.i],
                "role",
                owners[0],
                index.in_quote(token),
            )
        )
    return found


def _partners(named: Sequence[Mention]) -> dict[int, Counter[int]]:
    """How often each two characters are named in the same sentence."""
    by_sentence: dict[int, set[int]] = {}
    for m in named:
        if m.cluster is not None:
            by_sentence.setdefault(m.sentence, set()).add(m.cluster)
    result: dict[int, Counter[int]] = {}
    for keys in by_sentence.values():
        for a in keys:
            for b in keys:
                if a != b:
                    result.setdefault(a, Counter())[b] += 1
    return result


def _narrative_rank(index: StoryIndex) -> list[int]:
    """Sentence id → how many narrated sentences come up to it (lines of pure dialogue do not count)."""
    ranks = []
    count = 0
    for sent in index.sentences:
        if any(t.is_alpha and not index.in_quote(t) for t in sent):
            count += 1
        ranks.append(count)
    return ranks


def resolve_pronouns(
    doc: Doc, clusters: Sequence[CharacterCluster], named: Sequence[Mention]
) -> list[Mention]:
    """Pronoun and role-noun mentions resolved to clusters, in text order (named mentions not included)."""
    index = story_index(doc)
    learn_genders(doc, index, clusters, named)
    gender = {c.key: c.gender for c in clusters}
    kinds = {c.key: c.kind for c in clusters}
    # the story's "I" is never "he" or "she" in their own narration
    narrators = frozenset(c.key for c in clusters if c.narrator)
    by_token = mentions_by_token(named)
    roles = _role_mentions(doc, index, clusters, set(by_token))
    role_at = {m.end - 1: m for m in roles}
    groups = _groups(doc, index, by_token)
    rank = _narrative_rank(index)
    partners = _partners(named)
    history: list[_Seen] = []
    unnamed_gender: dict[int, Gender] = {}
    resolved: list[Mention] = []
    salience: Counter[int] = Counter()
    top = 1  # max(salience.values(), default=1), kept up to date rather than recomputed per pronoun
    resolved_at: dict[int, int] = {}
    not_them: dict[tuple[int, str], set[int]] = {}  # per sentence and pronoun, who it cannot be
    unnamed_chain: list[int] = []  # pronouns that went to the unnamed one last brought in
    for token in doc:
        sentence = index.token_sentence[token.i]
        if sentence < 0 or sentence in index.meta:
            continue
        named_here = by_token.get(token.i)
        if named_here is not None:
            if token.i != named_here.end - 1 or named_here.cluster is None:
                continue
            if not named_here.in_quote and unnamed_chain and _named_at_last(index.sentences[sentence]):
                # "An elderly woman … She looked at my case. “Trumpet,” she said. … Her name was Graça
                # Ferreira": the unnamed one had this name all along
                for t in unnamed_chain:
                    resolved.append(
                        Mention.of_token(doc[t], index.token_sentence[t], "pronoun", named_here.cluster)
                    )
                unnamed_chain.clear()
                history[:] = [  # and "she" from here on can be no one else's
                    dataclasses.replace(e, cluster=named_here.cluster) if e.cluster == UNNAMED else e
                    for e in history
                ]
            if not named_here.in_quote:
                history.append(_seen(token, named_here.cluster, rank[sentence]))
                salience[named_here.cluster] += 1
                top = max(top, salience[named_here.cluster])
            elif _called_by_name(doc, named_here):
                # "“Rosa!” He didn't look up.": whoever a line calls by name is there to hear it
                history.append(_Seen(token.i, named_here.cluster, rank[sentence], False, called=True))
            continue
        if token.i in role_at:
            m = role_at[token.i]
            resolved.append(m)
            if not m.in_quote and m.cluster is not None:
                history.append(_seen(token, m.cluster, rank[sentence]))
            continue
        if _unnamed_person(token, by_token) and not index.in_quote(token):
            # "The examiner was a woman…; she smiled": someone the text never names, whom a pronoun
            # may mean; a pronoun that goes to them goes to no character
            unnamed_chain.clear()  # (a new unnamed one: the pronouns before were someone else's)
            history.append(_Seen(token.i, UNNAMED, rank[sentence], True, token.head.dep_ == "ROOT"))
            gender.setdefault(UNNAMED, "unknown")
            unnamed_gender[token.i] = _relation_genders()[token.lemma_.lower()]
            continue
        lower = token.lower_
        if token.pos_ != "PRON" and lower not in ("her", "his"):
            continue
        if index.in_quote(token):
            continue
        if lower in PLURAL:
            group = groups.get(sentence) or groups.get(sentence - 1)
            if group:
                m = Mention.of_token(token, sentence, "pronoun", None)
                m.group = group
                resolved.append(m)
            continue
        if lower not in PRONOUN_GENDER:
            continue
        # "Leela spots him … trails him … where the fishermen know him as Tommy": the same pronoun again
        # in one sentence means the same one, whom the subjects acting on it earlier were not
        same_pronoun = (sentence, lower)
        if token.dep_ in ("dobj", "dative", "pobj") and lower not in REFLEXIVE:
            subject = _clause_subject(token, by_token, resolved_at)
            if subject is not None:
                not_them.setdefault(same_pronoun, set()).add(subject)
        key = _antecedent(
            token,
            PRONOUN_GENDER[lower],
            history,
            gender,
            rank[sentence],
            by_token,
            salience,
            top,
            resolved_at,
            partners,
            kinds,
            unnamed_gender,
            narrators | not_them.get(same_pronoun, set()),
        )
        if key == UNNAMED:  # "A woman came in. She sat. She left.": the chain stays with her
            unnamed_chain.append(token.i)
            history.append(_Seen(token.i, UNNAMED, rank[sentence], _is_subject(token)))
            unnamed_gender[token.i] = PRONOUN_GENDER[lower]
            continue
        if key is None:
            continue
        resolved.append(Mention.of_token(token, sentence, "pronoun", key))
        history.append(_seen(token, key, rank[sentence]))
        salience[key] += 1
        top = max(top, salience[key])
        resolved_at[token.i] = key
    return resolved


#: A sentence that names the one its possessive stands for: "Her name was Graça Ferreira, she told me".
_NAMED_AT_LAST = re.compile(
    r"^\W*(?:her|his) (?:real |full |first |own )?name (?:was|is|turned out to be)\b", re.I
)


def _named_at_last(sentence: Span) -> bool:
    return bool(_NAMED_AT_LAST.match(sentence.text))


def _antecedent(
    token: Token,
    want: Gender,
    history: Sequence[_Seen],
    gender: dict[int, Gender],
    sentence: int,
    by_token: dict[int, Mention],
    salience: Counter[int],
    top: int,
    resolved: dict[int, int],
    partners: dict[int, Counter[int]],
    kinds: Mapping[int, str],
    unnamed_gender: Mapping[int, Gender] | None = None,
    narrators: frozenset[int] = frozenset(),
) -> int | None:
    lower = token.lower_
    subject_here = _clause_subject(token, by_token, resolved)
    if lower in REFLEXIVE and subject_here is not None and gender.get(subject_here) in (want, "unknown"):
        return subject_here
    excluded: set[int] = set(narrators)
    if token.dep_ in ("dobj", "dative", "pobj") and lower not in REFLEXIVE and subject_here is not None:
        excluded.add(subject_here)
    best: tuple[float, int] | None = None
    speaks = _speaks(token)
    pair = partners.get(subject_here, Counter()) if subject_here is not None else Counter()
    pair_top = max(pair.values(), default=1)
    for entry in reversed(history):
        if sentence - entry.sentence > WINDOW:
            break
        if entry.cluster in excluded or (entry.called and entry.sentence == sentence):
            continue  # "“Wren, love,” he said": not the one the line is said to
        if entry.cluster == UNNAMED:
            g = (unnamed_gender or {}).get(entry.token, "unknown")
            if g != want or not entry.subject:
                continue  # only "a woman" as a subject competes for "she"
        else:
            g = gender.get(entry.cluster, "unknown")
        if g not in (want, "unknown"):
            continue
        distance = sentence - entry.sentence
        # Subjects are likelier antecedents, above all of subject pronouns (grammatical parallelism).
        subject_bonus = 1.5 if token.dep_ in ("nsubj", "nsubjpass", "poss") else 0.5
        score = -2.0 * distance + (subject_bonus if entry.subject else 0.0) + (0.75 if g == want else 0.0)
        score += subject_bonus / 2 if entry.main else 0.0
        if token.dep_ == "poss" and entry.cluster == subject_here:
            score += 2.0
        if token.dep_ in ("dobj", "dative", "pobj") and subject_here is not None:
            # "he tells her": the one he is usually with is the likelier "her"
            score += 1.0 * pair.get(entry.cluster, 0) / pair_top
        score += 1.2 * salience.get(entry.cluster, 0) / top  # main characters are the likelier antecedents
        if kinds.get(entry.cluster) == "person" and speaks:
            score += 1.0  # "“I shot two endings,” she told me": the one interviewed, not the heroine
        elif kinds.get(entry.cluster) == "person" or entry.cluster == UNNAMED:
            score -= 1.0  # real people and passers-by are talked about in passing; the story's people act
        score += entry.token * 1e-6  # later wins a tie
        if best is None or score > best[0]:
            best = (score, entry.cluster)
    if best is not None:
        return best[1]
    # Nobody compatible nearby: the most prominent character of that gender seen so far (a story's lead).
    same = [k for k in salience if gender.get(k) == want and k not in excluded and k != UNNAMED]
    return max(same, key=lambda k: salience[k]) if same else None


@Language.component(
    "denouement_coref",
    requires=["doc._.characters", "doc._.mentions"],
    assigns=["doc._.mentions"],
)
def coref_component(doc: Doc) -> Doc:
    clusters = doc._.characters or []
    mentions = doc._.mentions or []
    named = [m for m in mentions if m.kind == "name"]
    extra = resolve_pronouns(doc, clusters, named)
    doc._.mentions = sorted(mentions + extra, key=lambda m: m.start)
    return doc
