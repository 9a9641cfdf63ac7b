"""Who speaks in a script: character cues joined to the cast, and every dialogue block as a quote.

A cue names its speaker in capitals, often shorter or younger than the name in the action lines. The
``denouement_dialogue`` component (after ``denouement_characters``) joins each cue to a character:

- ``MCCLANE`` joins "John McClane"; ``TEDDY`` joins "Theodore 'Teddy' Marsh" (a known nickname) and
  ``SEB`` "Sebastian" (a short form of the first name);
- ``YOUNG ORLA`` and ``OLD ROSE`` are Orla and Rose at another age; ``ORLA'S VOICE`` is Orla;
- ``MAN #2``, ``SECURITY GUARD`` or ``WAITRESS`` — cues made only of role words and numbers — are extras;
- any other cue becomes a character of its own, named as the action lines write it ("McClane").

Each dialogue or lyrics block becomes a quote whose speaker is the cue's character (``attribution`` "cue",
the cue's extension kept); subtitle lines keep their times and have a speaker only when labelled.
The word lists (extras, age prefixes) are in ``data/scripts.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from denouement.characters import CharacterCluster, Mention, shortens, story_index
from denouement.document import SPOKEN_KINDS, Block
from denouement.lexicon import word_set
from denouement.quotes import QuoteSpan
from denouement.sentences import blocks_of

__all__ = ["cue_name", "is_extra", "join_cues", "script_quotes"]

if not Doc.has_extension("script_quotes"):
    Doc.set_extension("script_quotes", default=None)

_VOICE_SUFFIX = re.compile(r"(?:'S|’S)?\s+(?:VOICE|V\.O\.)$", re.IGNORECASE)
_NUMBERED = re.compile(r"#?\s*\d+$")
_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "doctor",
        "sir",
        "lady",
        "lord",
        "captain",
        "capt",
        "detective",
        "det",
        "officer",
        "agent",
        "sergeant",
        "sgt",
        "lt",
        "lieutenant",
        "father",
        "mother",
        "sister",
        "brother",
        "uncle",
        "aunt",
        "aunty",
        "grandma",
        "grandpa",
        "professor",
        "prof",
        "judge",
        "nurse",
        "coach",
        "chief",
        "colonel",
        "general",
        "major",
        "mister",
    }
)
_SPOKEN_QUOTES = frozenset({"dialogue", "lyrics"})


@cache
def _extra_words() -> frozenset[str]:
    return word_set("scripts", "extra_words")


@cache
def _age_prefixes() -> frozenset[str]:
    return word_set("scripts", "age_prefixes")


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", name.lower()) if w]


def is_extra(name: str) -> bool:
    """A cue made only of role words and numbers: ``MAN #2``, ``SECURITY GUARD``, ``WAITRESS`` — or two
    speakers at once (``JACK AND ROSE``, ``BOSCO & PELL``, ``JACK/ROSE``), who are no one person."""
    if _JOINT_CUE.search(name):
        return True
    words = [w.strip("#'’,") for w in _words(name)]
    words = [w for w in words if w and not w.isdigit()]
    return not words or all(w in _extra_words() or w.rstrip("s") in _extra_words() for w in words)


_JOINT_CUE = re.compile(r"\S\s+(?:AND|and|&)\s+\S|[A-Za-z]{2,}/[A-Za-z]{2,}")


def cue_name(cue: str) -> str:
    """The person a cue names, without age prefixes and voice suffixes: ``YOUNG ORLA`` → ``ORLA``."""
    name = _VOICE_SUFFIX.sub("", cue.strip()).strip() or cue.strip()
    words = name.split()
    while len(words) > 1 and words[0].lower() in _age_prefixes() and not is_extra(" ".join(words[1:])):
        words = words[1:]
    return " ".join(words)


def _match(
    name: str,
    clusters: Sequence[CharacterCluster],
    family: frozenset[str] = frozenset(),
    cued: frozenset[str] = frozenset(),
) -> CharacterCluster | None:
    """The character a cue name belongs to: all its words in their names, else a short first name.

    A cue that is only a ``family`` name ("MCCLANE" where John, Holly and Lucy McClane all appear) is
    not given to a relative whose first name is itself a cue (``cued``): it goes to the one the surname
    names alone, else to a relative no other cue claims."""
    words = [w for w in _words(name) if w not in _TITLES] or _words(name)
    found = [c for c in clusters if not c.extra and words and set(words) <= c.words]
    if len(words) == 1 and words[0] in family and found:
        unclaimed = [c for c in found if not any(f[0].lower() in cued - {words[0]} for f in c.forms if f)]
        alone = [c for c in unclaimed if all(len(f) == 1 for f in c.forms)]
        found = alone or unclaimed
        if not found:
            return None
    if not found and len(words) == 1:
        found = [
            c
            for c in clusters
            if not c.extra and any(shortens(words[0], form[0]) for form in c.forms if form)
        ]
    if not found:
        return None
    return max(found, key=lambda c: (len(c.mentions), -c.key))


def _display_name(name: str, text: str) -> str:
    """How the action lines write a capitalised cue name ("McClane"), else its title case."""
    written = _written_forms(text)
    words = name.split()
    if all(w.lower() in written for w in words):
        return " ".join(written[w.lower()] for w in words)
    return " ".join(_title_word(w) for w in words)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@cache
def _written_forms(text: str) -> dict[str, str]:
    """Lower-cased word → its first spelling in the text that starts with a capital and is not all
    capitals ("mcclane" → "McClane")."""
    forms: dict[str, str] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        if word[:1].isupper() and not _capitalised(word):
            forms.setdefault(word.lower(), word)
    return forms


def _title_word(word: str) -> str:
    """ "MCTAVISH" → "McTavish", "O'BRIEN" → "O'Brien", "#2" stays."""
    if word.startswith("#") or not word[:1].isalpha():
        return word
    lowered = word.lower()
    for prefix in ("mc", "o'", "o’"):
        if lowered.startswith(prefix) and len(word) > len(prefix) + 1:
            return prefix.capitalize() + lowered[len(prefix) :].capitalize()
    return lowered.capitalize()


def join_cues(
    doc: Doc, clusters: list[CharacterCluster], mentions: list[Mention]
) -> tuple[list[CharacterCluster], list[Mention], dict[str, int]]:
    """Join every cue of ``doc`` to a character (new ones appended); the cue → character key table."""
    index = story_index(doc)
    text = index.text
    blocks = [b for b in blocks_of(doc) if b.kind == "cue" or (b.speaker and b.kind in SPOKEN_KINDS)]
    cue_words = frozenset(w for b in blocks if b.speaker for w in _words(cue_name(b.speaker)))
    cue_words |= {w.lower_ for e in doc.ents if e.label_ == "PERSON" for w in e}
    clusters, mentions = _merge_same_people(_uncapitalised(clusters, text, cue_words), mentions)
    by_cue: dict[str, int] = {}
    family = _family_names(clusters)
    cued = frozenset(w for b in blocks if b.speaker for w in _words(cue_name(b.speaker)))
    next_key = max((c.key for c in clusters), default=-1) + 1
    by_key = {c.key: c for c in clusters}
    for block in blocks:
        raw = block.speaker or ""
        if not raw or raw in by_cue:
            continue
        name = cue_name(raw)
        if not _words(name):
            continue  # a cue of punctuation only: no one to name
        extra = is_extra(name)
        cluster = None if extra else _match(name, clusters, family, cued)
        if cluster is None:
            cluster = next((by_key[k] for cue, k in by_cue.items() if cue_name(cue) == name), None)
        if cluster is None and not extra:
            cluster = next(
                (
                    by_key[k]
                    for cue, k in by_cue.items()
                    if not by_key[k].extra
                    and len(_words(name)) == 1
                    and (shortens(name, cue_name(cue).split()[0]) or shortens(cue_name(cue).split()[0], name))
                ),
                None,
            )
        if cluster is None:
            shown = _display_name(name, text)
            cluster = CharacterCluster(key=next_key, forms=[tuple(shown.split())], extra=extra)
            next_key += 1
            clusters.append(cluster)
            by_key[cluster.key] = cluster
        elif not extra and len(_words(name)) == 1 and _words(name)[0] not in cluster.words:
            cluster.nicknames.add(_display_name(name, text))
        by_cue[raw] = cluster.key
    mentions = mentions + _cue_mentions(doc, blocks, by_cue, by_key)
    clusters.sort(key=lambda c: min((m.char_start for m in c.mentions), default=len(text)))
    return clusters, mentions, by_cue


def _trimmed(form: tuple[str, ...], cue_words: frozenset[str]) -> tuple[str, ...]:
    """ "Quaid CRASHES", "Beyond SCOTTIE": a name run cut where capitals stop being a name — a word in
    capitals that no cue or named person uses, or a word in lower case."""
    kept: list[str] = []
    last_cued = max((i for i, w in enumerate(form) if w.lower() in cue_words), default=-1)
    for i, word in enumerate(form):
        if (
            word.lower() in cue_words
            or (word[:1].isupper() and not _capitalised(word))
            or (kept and i < last_cued)
        ):
            kept.append(word)  # "ILSE MARTA VEGA": a middle name between cued names stays
        elif kept:
            break
        else:
            return form if not any(w.lower() in cue_words for w in form) else _trimmed(form[1:], cue_words)
    return tuple(kept) or form


def _uncapitalised(
    clusters: list[CharacterCluster], text: str, cue_words: frozenset[str] = frozenset()
) -> list[CharacterCluster]:
    """Names a script introduces in capitals ("ORLA VANCE") written as the text otherwise writes them."""
    for cluster in clusters:
        if cue_words:
            trimmed = [_trimmed(form, cue_words) for form in cluster.forms]
            # "FIRES", "PUNCHES": capitals no cue uses, taken for a short form of "McClane FIRES"
            named = [f for f in trimmed if not all(_capitalised(w) and w.lower() not in cue_words for w in f)]
            cluster.forms = named or trimmed
        cluster.forms = [
            tuple(_display_name(w, text) if _capitalised(w) else w for w in form) for form in cluster.forms
        ]
        cluster.forms = list(dict.fromkeys(cluster.forms))
    return clusters


def _capitalised(word: str) -> bool:
    """ "ORLA", "McTAVISH": a word a script writes in capitals to introduce or cue a character."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and sum(c.islower() for c in letters) <= 1 and letters[-1].isupper()


def _same_person(a: CharacterCluster, b: CharacterCluster, family: frozenset[str] = frozenset()) -> bool:
    """Two full names of one person: equal but for case, or one surname with a short first name — never
    two full names with one first name and different surnames ("Joel Barish", "Joel Townsley Rogers"),
    whatever short forms they share, and never by a ``family`` name alone (a surname several people of the
    story share: "McClane" is John, Holly and Lucy)."""
    if _other_surname(a, b):
        return False
    relative = _has_first_name(a) or _has_first_name(b)
    for x in a.forms:
        for y in b.forms:
            if [w.lower() for w in x] == [w.lower() for w in y]:
                if len(x) == 1 and x[0].lower() in family and relative:
                    continue  # "McClane" alone does not make Holly McClane the McClane of the cue
                return True
            if (
                len(x) >= 2
                and len(y) >= 2
                and x[-1].lower() == y[-1].lower()
                and (shortens(x[0], y[0]) or shortens(y[0], x[0]))
            ):
                return True
    return False


def _has_first_name(cluster: CharacterCluster) -> bool:
    return any(len(f) >= 2 for f in cluster.forms)


def _family_names(clusters: Sequence[CharacterCluster]) -> frozenset[str]:
    """Surnames that end the full names of two or more people with different first names."""
    firsts: dict[str, set[str]] = {}
    for cluster in clusters:
        for form in cluster.forms:
            if len(form) >= 2 and form[0][:1].isalpha():
                firsts.setdefault(form[-1].lower(), set()).add(form[0].lower().rstrip("."))
    return frozenset(
        surname
        for surname, names in firsts.items()
        if any(not _compatible(x, y) for x in names for y in names if x < y)
    )


def _compatible(x: str, y: str) -> bool:
    """First names that may be one person's: equal, an initial of the other, or a short form of it."""
    return (
        x == y
        or (len(x) == 1 and y.startswith(x))
        or (len(y) == 1 and x.startswith(y))
        or (shortens(x, y) or shortens(y, x))
    )


def _other_surname(a: CharacterCluster, b: CharacterCluster) -> bool:
    """Full names with one first name and different surnames ("Jack Dawson", "Operator Jack Phillips")."""
    xs = [_personal(f) for f in a.forms]
    ys = [_personal(f) for f in b.forms]
    return any(
        len(x) >= 2 and len(y) >= 2 and x[0].lower() == y[0].lower() and x[-1].lower() != y[-1].lower()
        for x in xs
        for y in ys
    )


def _personal(form: tuple[str, ...]) -> tuple[str, ...]:
    """A name without the titles and role words before it ("Operator Jack Phillips" → "Jack Phillips")."""
    start = 0
    while start < len(form) - 1 and (
        form[start].lower().rstrip(".") in _TITLES or form[start].lower() in _extra_words()
    ):
        start += 1
    return form[start:]


def _fuller(form: tuple[str, ...], others: Sequence[tuple[str, ...]]) -> bool:
    """ "Theodore Marsh" against "Teddy Marsh": the first name the other one shortens."""
    return any(len(o) == len(form) and shortens(o[0], form[0]) for o in others if o and form)


def _merge_same_people(
    clusters: list[CharacterCluster], mentions: list[Mention]
) -> tuple[list[CharacterCluster], list[Mention]]:
    """Join clusters :func:`_same_person` says are one; the earlier cluster keeps its key."""
    kept: list[CharacterCluster] = []
    moved: dict[int, int] = {}
    family = _family_names(clusters)
    for cluster in clusters:
        target = next(
            (k for k in kept if not k.extra and not cluster.extra and _same_person(k, cluster, family)), None
        )
        if target is None:
            kept.append(cluster)
            continue
        moved[cluster.key] = target.key
        fuller = [f for f in cluster.forms if f not in target.forms and _fuller(f, target.forms)]
        target.forms[:0] = fuller
        target.forms.extend(f for f in cluster.forms if f not in target.forms)
        target.nicknames |= cluster.nicknames
        target.mentions.extend(cluster.mentions)
        target.mentions.sort(key=lambda m: m.char_start)
    if moved:
        for m in mentions:
            if m.cluster in moved:
                m.cluster = moved[m.cluster]
            if m.group:
                m.group = tuple(dict.fromkeys(moved.get(g, g) for g in m.group))
    return kept, mentions


def _cue_mentions(
    doc: Doc, blocks: Sequence[Block], by_cue: dict[str, int], by_key: dict[int, CharacterCluster]
) -> list[Mention]:
    """A name mention for every cue line, so each speaker is evidenced where the script names them."""
    index = story_index(doc)
    result = []
    for block in blocks:
        if block.kind != "cue" or not block.speaker:
            continue
        span = doc.char_span(block.start, block.start + len(block.speaker), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        key = by_cue[block.speaker]
        mention = Mention(
            span.start,
            span.end,
            span.start_char,
            span.end_char,
            span.text,
            index.token_sentence[span.start],
            "name",
            key,
        )
        by_key[key].mentions.append(mention)
        result.append(mention)
    return result


def script_quotes(doc: Doc, by_cue: dict[str, int]) -> list[QuoteSpan]:
    """Every dialogue and lyrics block of a script or subtitle doc as a quote."""
    index = story_index(doc)
    quotes = []
    for n, block in enumerate(blocks_of(doc)):
        if block.kind not in _SPOKEN_QUOTES:
            continue
        span = doc.char_span(block.start, block.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        speaker = by_cue.get(block.speaker) if block.speaker else None
        quotes.append(
            QuoteSpan(
                start=block.start,
                end=block.end,
                sentence=index.token_sentence[span.start],
                paragraph=n,
                speaker=speaker,
                attribution="cue" if speaker is not None else None,
                extension=block.extension,
                start_time=block.start_time,
                end_time=block.end_time,
            )
        )
    return quotes


@Language.component(
    "denouement_dialogue",
    requires=["doc._.characters", "doc._.mentions"],
    assigns=["doc._.characters", "doc._.mentions", "doc._.script_quotes"],
)
def dialogue_component(doc: Doc) -> Doc:
    if not any(b.kind in SPOKEN_KINDS for b in blocks_of(doc)):
        return doc
    clusters, mentions, by_cue = join_cues(doc, list(doc._.characters or []), list(doc._.mentions or []))
    doc._.characters = clusters
    doc._.mentions = mentions
    doc._.script_quotes = script_quotes(doc, by_cue)
    return doc
