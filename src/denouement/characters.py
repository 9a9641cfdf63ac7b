"""Characters: who is who. Person mentions, alias clustering, actors, and the kind of each person.

The pure function :func:`find_characters` reads a parsed ``Doc`` and returns :class:`CharacterCluster` s with
their :class:`Mention` s; the ``denouement_characters`` component stores them on ``doc._.characters`` and
``doc._.mentions``. Pronouns are resolved afterwards by :mod:`denouement.coref`.

How it works, in short:

1. *Candidates* are runs of proper-noun tokens or PERSON entities, with honorifics ("Dr.") split off.
   Runs inside other entity types (places, companies, works) are kept only with person evidence.
2. *Text patterns* attach actors (``Name (Actor Name)``, ``Name, played by Actor``, ``Actor as Name``) and
   nicknames (``First "Nick" Last``, ``Name, known as Nick``). An actor is never a character.
3. *Clustering* merges name forms whose words are a subset of a fuller form ("Seb" ⊂ "Sebastian 'Seb'
   Wilder"); a short form shared by two clusters (a surname in a family) goes to the most recent one.
4. *Kind*: ``person`` when a role noun ("director X", "X, the critic") or a making verb ("X directed")
   marks a real person; ``reference`` when every mention compares to another work ("like Rick in
   Casablanca"); either, too, for a name on the bundled lists of notable people and of other works'
   characters, unless the text casts it or makes it act; otherwise ``character``.
5. *Family words*: "Dad" joins the one character the text calls "her father"; nobody being so called,
   "my father" means Dad.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from spacy.attrs import IDX, LEMMA, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from denouement.document import SCRIPT_KINDS
from denouement.furniture import furniture_sentences, is_author_line, is_cast_line
from denouement.lexicon import (
    census_gender,
    census_name,
    dictionary_words,
    load_lexicon,
    name_key,
    name_list,
    word_set,
)
from denouement.quotemarks import QuoteMarks, find_quote_marks, inside_quotes
from denouement.sentences import block_of, block_starts, blocks_of, story_sentences

__all__ = [
    "FAMILY_TITLES",
    "CharacterCluster",
    "Mention",
    "StoryIndex",
    "called_out",
    "find_characters",
    "shortens",
    "story_index",
    "tagged_speaker_before",
]

Gender = Literal["female", "male", "unknown"]
Kind = Literal["character", "person", "reference"]

for _name in ("characters", "mentions", "story_index"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

NON_PERSON_LABELS = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
)
#: Lower-case words inside a name: "Joaquim de Almeida", "Rogério dos Santos", "Rutger van Dijk".
PARTICLES = frozenset({"de", "do", "dos", "das", "da", "di", "del", "della", "du", "le", "la"}) | frozenset(
    {"van", "von", "der", "den", "bin", "al", "st."}
)
# "H." as an initial (no other word ends in a full stop); capitals with accents too ("Željko", "Órla")
_NAME_WORD = r"(?:[A-Z]\.|[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*)"
_NAME = (
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:de|do|dos|das|van|von|der|da|di|del|le|la|du)[ \t]+)?{_NAME_WORD}){{0,3}}"
)
_ACTOR_IN_PARENS = re.compile(
    r"^\s*\(\s*(?:(?:who is |as )?(?:played|portrayed|voiced|performed) by\s+)?"
    # "Great-Uncle Eddie (a wonderfully dry Lou Ferrante)": a review's epithet before the actor
    # (not "Richard Ney (the actor who portrayed Vincent)": there the name inside is the part)
    r"(?:(?:a|an|the)\s+(?:(?!(?:who|that|played|portrayed|plays|portrays)\b)[a-z-]+\s+){1,3})?"
    # "Ha-eun (newcomer Lee Ye-rin)": a bare word for a first or a seasoned actor before the name
    r"(?:(?:newcomer|veteran|debutant|debutante|first-timer|non-actor|non-professional)\s+)?"
    rf"(?P<actor>{_NAME})\s*(?:[),;]|$)"
)
_PLAYED_BY = re.compile(
    rf"^\s*(?:\([a-z][^()]{{0,40}}\)\s*)?"  # "Gwen (in photographs), played by …": a note in lower case
    rf",?\s*(?:(?:the|a|an|his|her|their)\s[^,;.()]{{1,60}}?(?:,\s*|\s+(?=played|portrayed|voiced)))?"
    rf"(?:as [^,;.()]{{1,40}},\s*)?"  # "Roz, as everyone calls her, is played by …"
    rf"(?:(?:known|nicknamed|called)[^,;.()]{{0,50}}?\s+(?:and|,)\s+)?(?:who is |who's |as |is |was )?"
    rf"(?:played|portrayed|voiced)(?:\s+(?:with|in)\s+[^,;.()]{{1,40}}?)?\s+by\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){{0,2}}"
    rf"(?P<actor>{_NAME})"  # "played by newcomer Anouk Freer", "by the veteran Sean Ryan"
)
_PRONOUN_PLAYED_BY = re.compile(
    rf"\b(?:[Hh]e|[Ss]he|who)\s+(?:is|was)\s+(?:played|portrayed|voiced)(?:\s+(?:with|in)\s+[^,;.()]{{1,40}}?)?\s+by\s+"
    rf"(?:(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}})?(?P<actor>{_NAME})"
)
#: "…; Ravi Menon plays him with the weary tenderness of …": an actor who plays whoever "him" is.
_PLAYS_PRONOUN = re.compile(
    rf"(?<![\w.’'])(?P<actor>{_NAME})\s+(?:plays|played|portrays|portrayed|voices|voiced)\s+(?:him|her)\b"
)
#: "Lottie Brennan's Jodie is a glorious mess": a review's actor, possessive, before the part they play.
_ACTOR_POSSESSIVE = re.compile(
    rf"(?<![\w.’'])(?P<actor>{_NAME_WORD}[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)['’]s[ \t]+$"
)
#: "Harlan Moss was born to play him. In Solis's comedy he is Walter Duncan, a retired…": a review that
#: names the actor first, then says who "he" is in the film.
#: Words of a text that speaks of actors at work ("superb in a role built without big moments").
_ACTING = re.compile(r"\b(?:role|roles|performance|performances|plays the|played the|cast as|casting)\b")
_PRONOUN_IS_ROLE = re.compile(rf"\b(?:[Hh]e|[Ss]he) (?:is|plays) (?P<role>{_NAME}),? (?:a|an|the)\b")
_TO_PLAY = re.compile(r"\b(?:born|cast|chosen|hired|made|meant) to play\b|\bplays?\b|\bthe role\b")
_KIN_NOUN = (
    r"(?:father|mother|brother|sister|husband|wife|son|daughter|grandfather|grandmother|uncle|aunt"
    r"|grandson|granddaughter|nephew|niece|cousin|stepfather|stepmother|fiancé|fiancée)"
)
_KIN_OWNER = (
    r"(?:her|his|their|[A-Z][\w'’\-]*(?:'s|’s|s'|s’))\s+(?:(?:late|dead|estranged|elder|older|younger)\s+)?"
)
#: "her father (Brendan Gleeson)": an actor after a family word, in place of the name.
_RELATION_PLAYED = re.compile(rf"\b{_KIN_OWNER}(?P<relation>{_KIN_NOUN})\s*\(\s*(?P<actor>{_NAME})\s*\)")
#: "her father, the trawlerman Con Keane", "his sister Maud": the name a family word stands for.
_RELATION_NAMED = re.compile(
    rf"\b{_KIN_OWNER}(?P<relation>{_KIN_NOUN}),?\s+(?:(?:the|a|an)\s+(?:[a-z-]+\s+){{1,3}})?(?P<name>{_NAME})"
)
_PAIR_WITH_ACTORS = re.compile(
    rf"\b(?P<first>{_NAME_WORD}) and (?P<second>{_NAME_WORD}) (?P<surname>{_NAME_WORD})\s*"
    rf"\(\s*(?P<a>{_NAME})\s+and\s+(?P<b>{_NAME})\s*\)"
)
#: A list of actors: "Starring Lina Haddad, Philip Oduya", "Cast: …", "voiced by Ada Lind and Tom Roe". A
#: "Cast" heading on a line of its own heads a list of characters with their actors, which is no such list;
#: nor is a name followed by its actor ("Cast: Arthur Penhallow, played by Huw Garland").
_STARRING = re.compile(
    rf"\b(?:(?:[Ss]tarring|[Cc]o-starring)\s*:?\s+|[Cc]ast(?:[ \t]*:\s*|[ \t]+)"
    rf"|(?:played|voiced|portrayed)(?:\s+respectively)?\s+by\s+)"
    rf"(?P<list>(?>{_NAME}(?:[ \t]*,[ \t]*{_NAME})*(?:,?[ \t]+and[ \t]+{_NAME})?))"  # (taken whole)
    rf"(?![ \t]*,?[ \t]*(?:(?:is |was )?(?:played|portrayed|voiced)\b|as\b|\()|[ \t]+[A-Z])"
)
_ACTOR_AS = re.compile(
    rf"(?<![\w.’'])(?P<actor>{_NAME}),?\s+"
    r"(?:(?:stars|co-stars|guest[- ]stars|guest-starred|guest starred|cameos|appears|returns|shines|is cast|"
    r"was cast|(?:is|was)(?:\s+[a-z-]+){1,2}|"
    r"(?:has|had|plays|played|takes|took) (?:a|an|the) (?:[a-z-]+\s+){0,4}(?:role|part|turn|cameo))\s+)?as\s+"
    # "Peter Vasko, as her exhausted dresser …", "Marc-André Pellerin as her father, Gérard" (a comma only
    # right before the name: not "returns to Top Gun as an instructor, to which Stinger…")
    r"(?:(?:the|a|an|his|her|their)\s+)?(?:(?:[a-z-]+\s+){0,3}|(?:[a-z-]+\s+){0,2}[a-z-]+,\s+)"
    # not a place after a preposition: "stars Greta Lee as a line cook in Leeds"
    r"(?<!\bin )(?<!\bat )(?<!\bfrom )(?<!\bof )(?<!\bon )(?<!\bto )(?<!\bnear )$"
)
#: "Seweryn is Stefan Wrona, seventy-four, who …": an actor, opening a sentence, "is" the part named next.
_ACTOR_IS = re.compile(rf"(?:^|[.!?]\s+|\n)(?P<actor>{_NAME})\s+is\s+$")
#: What follows the part in that casting: a comma and an age or a description, or "," "who".
_AFTER_A_PART = re.compile(r",\s+(?:\d+|[a-z]+-[a-z]+|[a-z]+ty|an?\s|the\s|who\b|whose\b)")
#: A lower-case noun right after a name: the name only qualifies it ("a Lisbon ferry mechanic").
_A_NAME_AS_MODIFIER = re.compile(r"[ \t]+[a-z][a-z-]+")
#: The character at another age, before their name ("the young Walt", "a teenage Ruth").
_AN_AGE_OF = re.compile(
    r"\b(?:the|a|an)\s+(?:young|younger|teenage|teenaged|child|adult|older|elderly|old)\s+$"
)
_KNOWN_AT = re.compile(r"\b(?:known|called|nicknamed)\b[^,;.()]{0,40}$")
_ACTOR_PLAYS = re.compile(
    rf"(?<![\w.’'])(?P<actor>{_NAME})\s+(?:plays|played|playing|portrays|portrayed|portraying|voices|voiced)\s+"
    # "Zendaya plays her daughter Jessamyn", not "Tamsin plays the final of the Hartwell Open"
    r"(?:(?:the|a|an|his|her|their)\s+(?:(?!(?:of|the|a|an|in|at|on|for|with|to|from|and|against)\s)[a-z-]+,?\s+){1,3})?$"
)

_FULL_NAME_PLAYS = re.compile(rf"\b{_NAME_WORD}[ \t]+{_NAME_WORD}\s+(?:plays|played|portrays|portrayed)\s")


def _mention_gender(doc: Doc, m: Mention) -> str:
    """ "Nora", "her brother Cal": the gender a given name or a family word next to the name tells ("")."""
    given = _gendered("given_names").get(m.form[0].lower()) if m.form else None
    if given:
        return given
    relations = _gendered("relation_gender")
    head = doc[m.end - 1]
    near = [doc[m.start - 1]] if m.start > 0 else []
    if head.dep_ == "appos":
        near.append(head.head)
    return next((relations[t.lemma_.lower()] for t in near if t.lemma_.lower() in relations), "")


def _given_by_a_call(token: Token) -> bool:
    """ "She calls him Pudding": the name a calling verb gives, a name wherever else the text writes it
    ("“She wants to what?” Pudding says", where the tagger sees a common noun)."""
    if token.head.lemma_ not in ("call", "nickname", "dub"):
        return False
    # (or read as a possessive's noun: "tells him to call her Pet", with "her Pet" as one object)
    return token.dep_ == "oprd" or (
        token.dep_ == "dobj"
        and token.is_title
        and any(c.dep_ == "poss" and c.lower_ == "her" for c in token.children)
    )


def _callers(doc: Doc, i: int) -> set[int]:
    """Tokens of whoever does the calling in "… calls her Gigi": the verb's subject, or for "the one
    person who calls her Gigi", the noun "who" stands for and the subject that noun describes."""
    if i >= len(doc):
        return set()
    verb = doc[i]
    found: set[int] = set()
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            noun = verb.head
            found.add(noun.i)
            if noun.dep_ == "attr":
                found |= {c.i for c in noun.head.children if c.dep_ == "nsubj"}
        else:
            found.add(subject.i)
    return found


#: The writer putting a question to someone: "when we asked her about the final scene", "I spoke to him".
_ASKED_BY_US = re.compile(r"\b(?:we|I) (?:asked|put it to|spoke to|talked to|caught up with)\b")


def _asked_to_be_called(doc: Doc, i: int) -> set[int]:
    """Tokens of the one who asks to be called a name in "Perpetua Vane, a girl who tells him to call her
    Pet": the naming verb sits under a relative clause opened by "who", so "her" is the noun "who" stands
    for, and the name that noun is in apposition to."""
    if i >= len(doc):
        return set()
    token = doc[i]
    for step in range(3):  # call (xcomp) -> tells (relcl)
        if token.dep_ == "relcl":
            if step == 0:
                return set()  # "Gary, who calls her Walsh": the one who calls, not the one called
            if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in token.children):
                return set()
            noun = token.head
            found = {noun.i}
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
                noun = noun.head.head  # "a girl of about thirteen who …": the girl
                found.add(noun.i)
            if noun.dep_ == "appos":
                found.add(noun.head.i)
            return found
        if token.dep_ not in ("xcomp", "ccomp") or token.head.i == token.i:
            return set()
        token = token.head
    return set()


def _subject_or_its_apposition(head: Token) -> bool:
    """ "Kev waits", or "Her instructor, Kev Dromgoole, waits": the name is the subject either way."""
    if head.dep_ == "appos":
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _nick(group: str) -> str:
    """A nickname: one name word ("Lou", "the Owl", "Auntie Bid"), or up to three in quote marks ("Mr
    Tomorrow", "il Signor Diapason"). The match is in ``group`` or, when quoted, in ``group`` + ``_q``."""
    return (
        rf"(?:[\"“‘'](?P<{group}_q>(?:(?:the|il|la|le|el|der|die|das|lo) )?"
        rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[\"”’']"
        rf"|(?P<{group}>(?:the |{_FAMILY_TITLE} )?{_NAME_WORD}))"
    )


#: Family titles before a first name ("Auntie Bid", "Uncle Pete"): the narration that uses them speaks from
#: inside the family, and a nickname may carry one ("whom both siblings call Auntie Bid").
FAMILY_TITLES = frozenset(
    {
        *("auntie", "aunty", "aunt", "uncle", "cousin", "great-aunt", "great-uncle"),
        *("granny", "grandma", "grandad", "grandpa", "nana", "nan", "gran"),
        *("tio", "tío", "tia", "tía", "zio", "zia", "tante", "oncle", "onkel"),
        *("abuela", "abuelo", "abuelita", "abuelito", "nonna", "nonno", "oma", "opa", "babcia", "dziadek"),
        *("yiayia", "pappou", "bubbe", "zayde", "mamie", "mémé", "pépé", "nanna", "granddad"),
    }
)
_FAMILY_TITLE = "(?:" + "|".join(sorted((t.capitalize() for t in FAMILY_TITLES), key=len, reverse=True)) + ")"


def _nick_of(match: re.Match[str], group: str = "nick") -> str | None:
    """The nickname a :func:`_nick` pattern found, quoted or bare (``None`` if that part did not match)."""
    return match.group(f"{group}_q") or match.group(group)


#: "His name was Roberto Salazar", "Her real name is Isabel Quispe": the full name of the one just named.
_NAME_WAS = re.compile(
    rf"\b(?:His|Her) (?:real |full |proper |given |Christian |actual )?name (?:was|is) (?P<name>{_NAME})"
)
_KNOWN_AS = re.compile(
    rf"^\s*(?:\([^()]{{1,60}}\))?\s*,?\s*"
    # the actor between them: ", played with wiry stubbornness by Sheila Munyiva, is known … as"
    rf"(?:(?:played|portrayed)\s[^,;.()\"“]{{0,50}}?\bby\s[^,;.()\"“]{{1,40}},\s+(?:is|was)\s+(?=known|nicknamed|called))?"
    # an appositive between the name and the nickname: ", a gentle, bearded planner known as …"
    rf"(?:(?:a|an|the)\s[^,;.()\"“]{{1,60}}?(?:,\s*[^,;.()\"“]{{1,40}}?)?,?\s+(?=known|nicknamed|called))?"
    # a relative clause before it: ", who has run the booth for years and is known to the town as …"
    rf"(?:who\s[^,;.()\"“]{{1,80}}?\sand\s(?:is |was |has been |had been )?(?=known|nicknamed|called))?"
    # ("named Barry Kowalski but known to the whole town as Bazza")
    rf"(?:(?:but|and|yet)\s+)?"
    rf"\(?(?:who is |who's |better |simply |mostly |widely |universally )?"
    rf"(?:known(?: (?:to|in|across|among|around|throughout|on|by|up|down|all|far|from)"
    rf" [\w'’ ]{{1,40}}?)? as|nicknamed|"
    rf"called(?: by [\w ]{{1,30}}?)?|aka|a\.k\.a\.|who goes by|"
    rf"whom everyone calls|whom [\w ]{{1,20}} calls?|"
    # an apposition and a call without "whom": ", a retired ferryman the whole harbour calls Skip"
    rf"(?:a|an)\s[^,;.()\"“]{{1,50}}?\s(?:the|his|her|their|everyone|everybody)\b[\w ]{{0,25}}?\scalls?)"
    rf"\s+{_nick('nick')}"
)
#: "Spud, whose real name is Samuel", "the Magpie (real name Lorcan Vickery)".
_REAL_NAME = re.compile(
    rf"(?P<nick>{_NAME_WORD}(?:[ \t]{_NAME_WORD})?)[\"”’']?\s*(?:,\s*whose|\((?:whose)?)\s*"
    rf"(?:real|actual|proper|full|given|birth|christian) name(?: is| was|:)?\s+(?P<name>{_NAME})"
)
#: "Dodge, as his sisters called him, had been christened Roger Kinsella".
_CHRISTENED = re.compile(
    rf"(?P<nick>{_NAME_WORD})(?:,[^,;.]{{1,60}},)?\s+(?:had been|was|is) (?:christened|baptised|baptized|"
    rf"born|registered as)\s+(?P<name>{_NAME})"
)
#: "Bex, as her brothers have called her since she was in nappies, is Rebecca Thorn".
_NICK_THEN_NAME = re.compile(
    rf"(?P<nick>{_NAME_WORD}),\s+as\s+[^,;.]{{1,90}}?\bcall(?:s|ed)\s+(?:him|her)\b[^,;.]{{0,60}},\s+"
    rf"(?:is|was)\s+(?P<name>{_NAME})"
)
#: "… has earned her the nickname "Minutes"": the nickname of the sentence's subject.
_THE_NICKNAME = re.compile(
    r"\b(?:the\s+)?(?:nickname|codename|code name|alias|pseudonym|stage name|pen name|nom de guerre)\s+"
    rf"[\"“‘']?(?P<nick>(?:the )?{_NAME_WORD})[\"”’']?"
)
_CREDIT_LEAD = re.compile(
    r"(?:^|[.|·•\n]\s*)(?:Words |Written |Reviewed |Review |Story |Text |Interview |Report |Analysis |"
    r"Recap |Posted |Essay |Column |Feature |Article |Recapped |"
    r"Directed |Screenplay )?(?P<role>By|BY|by|Director|Writer|"
    r"Writer-director|Dir\.|Photo|Photograph|Image|Still|Credit|Courtesy)\s*(?::|by)?\s*$"
)
#: A title of two words or more and "by" before a name in a headline: "The Salt Orchard by …" (not
#: "Published by …").
#: Words of a line, not the bars and bullets between its fields.
_WORDS = re.compile(r"\w[\w.'’-]*")
_TITLE_BY = re.compile(r"\S\s+[A-Z][\w'’]*\s+by\s+$")
_NAME_THEN_ROLE = re.compile(rf"^{_NAME}\s*[·|•]\s*")
_BARE_NAME = re.compile(rf"^{_NAME}$")
#: Titles of respect before a given name that a whole place uses as the person's name ("Don Teo to the
#: passengers", "Mang Erning to the street", "Mzee Otieno to the estate").
_RESPECT_TITLE = (
    "(?:Mang|Aling|Manong|Manang|Don|Doña|Dona|Dom|Mzee|Bibi|Nonna|Nonno|Babcia|Dziadek|Abuela|Abuelo)"
)
_NICK_TO_EVERYONE = re.compile(
    rf"^\s*(?:\([^()]{{1,60}}\))?\s*,\s*(?:who (?:was|is|had been|has been) )?"
    rf"[\"“‘']?(?P<nick>(?:(?:{_FAMILY_TITLE}|{_RESPECT_TITLE}) )?{_NAME_WORD})[\"”’']?\s+to\s+"
    r"(?:everyone|everybody|all|friends|family|(?:his|her|their) (?:friends|mates|pals|family|"
    r"colleagues|crew|team|squad|fans|regulars|workmates|[a-z]+mates|[a-z]+s)|"
    # "Kolya to the whole valley", "Mang Erning to the street", "“Ti-Denis” to the men at the tavern"
    r"the (?:whole |entire )?(?:town|family|village|valley|crew|team|squad|regulars|band|harbour|street|"
    r"estate|school|neighbourhood|neighborhood|barangay|compound|market|quarter|island|parish|club|"
    r"office|ward|building|block|station|city|district|camp|yard|mill|factory|kitchen|men|women|boys|"
    r"girls|kids|children|locals|neighbours|neighbors|customers|staff|players|workers|fishermen"
    # people named by what they do: "the passengers", "the tenants", "the parishioners", "the students"
    r"|[a-z]+(?:ers|ors|ants|ents|ians|ees|ists|men|women)))\b"
)
_CALLED_PRONOUN = re.compile(
    # ("nobody called him anything but the Captain", "she only ever calls him Sonny")
    rf"\b(?:call(?:s|ed|ing)?|nickname[sd]?|dub(?:s|bed)?)\s+(?:him|her)\s+"
    rf"(?:(?:anything|nothing) (?:but|except|other than) |only |simply |just )?{_nick('nick')}"
    rf"|\bkn(?:ows?|ew|own)\s+(?:him|her)\s+as\s+{_nick('known')}"
    rf"|\b(?i:everyone|everybody|all|people|friends|whom)(?:[\s,]+[\w]+){{0,8}}?[\s,]+"
    rf"(?:still\s+|always\s+|just\s+|start\s+|started\s+|begin\s+|began\s+)?"
    rf"(?:call(?:s|ed|ing)?|nickname[sd]?|dub(?:s|bed)?)\s+(?:him\s+|her\s+)?"
    rf"[\"“‘']?(?P<nick2>(?:the |{_FAMILY_TITLE} )?{_NAME_WORD})[\"”’']?"
    # "Jojo, as everyone but her teachers called her, released it": the nickname comes first
    rf"|(?<![\w'’])(?P<nick3>{_NAME_WORD}),\s+as\s+(?:\w+\s+){{1,5}}?call(?:s|ed)\s+(?:him|her)\b"
)
#: "The nurses call Oduya “Dr. Biscuit”": a name, then the nickname in quote marks.
_CALLS_THE_NAME = re.compile(
    r"\b(?:call(?:s|ed|ing)?|nickname[sd]?|nicknaming|dub(?:s|bed|bing)?)\s+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)\s+"
    rf"[\"“‘'](?P<nick>(?:(?:the|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Lady|Lord|Sir)[ \t]+)?{_NAME_WORD}"
    rf"(?:[ \t]+{_NAME_WORD})?)[,.!]?[\"”’']"
)
#: "Everyone at the club calls the coach Wally": the nickname of whoever has that role or title.
_CALLS_THE_ROLE = re.compile(
    rf"\bcall(?:s|ed|ing)?\s+the\s+(?P<role>[a-z-]+)\s+[\"“‘']?(?P<nick>{_NAME_WORD})[\"”’']?"
)


@dataclass
class Mention:
    """A stretch of text that refers to a character: a name, a pronoun or a role noun."""

    start: int  # token index
    end: int  # token index (exclusive)
    char_start: int
    char_end: int
    text: str
    sentence: int
    kind: Literal["name", "pronoun", "role"] = "name"
    cluster: int | None = None
    in_quote: bool = False
    form: tuple[str, ...] = ()
    label: str = ""  # the NER label on the run ("" when none)
    titles: tuple[str, ...] = ()
    group: tuple[int, ...] = ()  # for a plural pronoun: the clusters it stands for
    roles: tuple[str, ...] = ()  # role nouns written before the name ("director", "critic")

    @classmethod
    def of_token(
        cls, token: Token, sentence: int, kind: Literal["name", "pronoun", "role"], cluster: int | None
    ) -> Mention:
        """A one-token mention ("she", "I") of ``cluster`` in narration."""
        return cls(
            token.i, token.i + 1, token.idx, token.idx + len(token), token.text, sentence, kind, cluster
        )


@dataclass
class CharacterCluster:
    """Everything known about one person: name forms, actor, kind, gender, mentions."""

    key: int
    forms: list[tuple[str, ...]] = field(default_factory=list)
    nicknames: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    actor: str | None = None
    actor_sentence: int | None = None
    kind: Kind = "character"
    gender: Gender = "unknown"
    mentions: list[Mention] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    human_verbs: int = 0
    speaks: int = 0  # mentions that are the subject of a speech verb ("Shona said")
    strong: bool = False
    real_person: bool = False  # known from the text's form alone (an actor quoted in an interview)
    narrator: bool = False  # the first-person "I" of the text
    extra: bool = False  # a script's bit part ("MAN #2"), known from its cue

    @property
    def words(self) -> set[str]:
        words = {w.lower() for form in self.forms for w in form}
        return words | {n.lower() for n in self.nicknames}

    @property
    def name(self) -> str:
        """The fullest form: most words, then one the text uses more than once (not a one-off slip like
        "Latikas" beside "Latika"), then one not in capitals ("Deon" over a badge's "DEON"), then the
        first seen. A form that only adds youth ("Young Ray Docker" beside "Raymond Docker") is not the
        name while another is (but "Little Bill Daggett" is a nickname and a name)."""
        seen = Counter(tuple(w.lower() for w in m.form) for m in self.mentions if m.kind == "name")
        aged = {f for f in self.forms if len(f) > 2 and f[0].lower() == "young"}
        longest: tuple[str, ...] = max(
            self.forms,
            key=lambda f: (
                f not in aged,
                len(f),
                seen[tuple(w.lower() for w in f)] >= 2,
                not all(w.isupper() and len(w) > 1 for w in f),
            ),
            default=(),
        )
        return " ".join(longest)

    @property
    def aliases(self) -> list[str]:
        full = self.name
        seen = {full}
        result: list[str] = []
        candidates = [" ".join(f) for f in self.forms] + sorted(self.nicknames)
        # "Mr Tulloch" from "Mr" and "Agnes Tulloch", "Uncle Freddie" from "Uncle" and "Freddie"; not
        # "Uncle Harland" from "Uncle Pete Harland": a family title goes with a first name alone
        after = _titles_after_name()
        candidates += [
            f"{t} {self.forms[0][-1]}"
            for t in sorted(self.titles)
            if self.forms
            and (t.lower() not in FAMILY_TITLES or len(self.forms[0]) == 1)
            and t.lower() not in after
        ]
        # "Padma Mami": a title written after the given name goes after it
        candidates += [
            f"{self.forms[0][0]} {t}" for t in sorted(self.titles) if self.forms and t.lower() in after
        ]
        for alias in candidates:
            if alias not in seen:
                seen.add(alias)
                result.append(alias)
        return result

    @property
    def named_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]


@dataclass
class StoryIndex:
    """Sentence and quote scaffolding shared by the stages, computed once per doc."""

    sentences: list[Span]
    token_sentence: list[int]
    meta: set[int]
    quotes: list[QuoteMarks]
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    _quote_starts: list[int] = field(default_factory=list)
    _sentence_texts: list[str] = field(default_factory=list)

    def sentence_of(self, token: Token) -> int:
        return self.token_sentence[token.i]

    def in_quote(self, token: Token) -> bool:
        return inside_quotes(self.quotes, token.idx, self.quote_starts) is not None

    @property
    def quote_starts(self) -> list[int]:
        if len(self._quote_starts) != len(self.quotes):
            self._quote_starts = [m.start for m in self.quotes]
        return self._quote_starts

    @property
    def sentence_texts(self) -> list[str]:
        """The text of every sentence, sliced from :attr:`text` once (``Span.text`` rebuilds it from the
        tokens on every access)."""
        if len(self._sentence_texts) != len(self.sentences):
            self._sentence_texts = [self.text[s.start_char : s.end_char] for s in self.sentences]
        return self._sentence_texts


def story_index(doc: Doc) -> StoryIndex:
    """The :class:`StoryIndex` of ``doc`` (computed on first use, then kept on ``doc._.story_index``)."""
    index: StoryIndex | None = doc._.story_index
    if index is None:
        sentences = story_sentences(doc)
        token_sentence = [-1] * len(doc)
        for i, sent in enumerate(sentences):
            for t in range(sent.start, sent.end):
                token_sentence[t] = i
        meta = doc._.meta_sentences
        if meta is None:
            meta = furniture_sentences(doc, sentences)
            doc._.meta_sentences = meta
        text = doc.text
        index = StoryIndex(sentences, token_sentence, set(meta), find_quote_marks(text), text)
        doc._.story_index = index
    return index


@cache
def _titles_after_name() -> dict[str, Gender]:
    """Titles written after a given name ("Padma Mami", "Selim Amca"), with the gender they give."""
    return _titles_of("titles_after_name")


@cache
def _titles() -> dict[str, Gender]:
    return _titles_of("titles")


def _titles_of(section: str) -> dict[str, Gender]:
    """A section of titles in characters.yaml, each with the gender it gives (neutral ones none)."""
    data = load_lexicon("characters").get(section, {})
    result: dict[str, Gender] = {}
    for gender, key in (("unknown", "neutral"), ("female", "female"), ("male", "male")):
        for word in data.get(key, []):
            result.setdefault(str(word).lower(), gender)  # type: ignore[arg-type]
    return result


@cache
def _gendered(section: str) -> dict[str, Gender]:
    data = load_lexicon("characters")[section]
    result: dict[str, Gender] = {}
    genders: tuple[Gender, Gender] = ("female", "male")
    for gender in genders:
        for word in data.get(gender, []):
            result[str(word).lower()] = gender
    return result


_FUNCTION_POS = frozenset(
    {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "ADV", "NUM", "PUNCT", "INTJ", "SPACE"}
)


def spoken_sentences(doc: Doc, index: StoryIndex) -> frozenset[int]:
    """The sentences of a script made of speech alone — subtitles, a dialogue-only script — that are
    lines of dialogue. Such a file names its people only in what they say, so names are looked for there;
    in a script with action lines, speech is left to the cues."""
    blocks = blocks_of(doc)
    if not blocks or any(b.kind == "action" for b in blocks) or not any(b.kind == "dialogue" for b in blocks):
        return frozenset()
    starts = block_starts(blocks)
    spoken = set()
    for n, sent in enumerate(index.sentences):
        block = block_of(blocks, sent.start_char, starts)
        if block is not None and block.kind == "dialogue":
            spoken.add(n)
    return frozenset(spoken)


def _name_evidence(token: Token) -> tuple[bool, bool]:
    """Whether ``token`` is a name on its own evidence, and whether it is one when the text already uses
    the word as a name elsewhere. Kept apart so the per-token work is done once for both passes of
    :meth:`_Builder.candidates`."""
    text = token.text
    if not text[:1].isupper() or token.is_punct or token.like_num:
        return False, False
    if text.isupper() and token.lower_ in word_set("scripts", "camera_words"):
        return False, False  # "CLOSE ON a bottle", "CAMERA PANS": a script's directions
    if text.isupper() and len(text) > 1 and token.is_stop:
        return False, False  # "JACK AND FABRIZIO", "THE ROOM ON D DECK": function words in capitals
    if token.ent_type_ == "PERSON" or token.pos_ == "PROPN" or token.tag_ in ("NNP", "NNPS"):
        return True, True
    if _unknown_first_name(token) or _name_read_as_adverb(token):
        return True, True
    if token.lower_ in word_set("characters", "kinship_names") and (
        not token.is_sent_start or (token.is_title and token.dep_ in ("nsubj", "nsubjpass"))
    ):
        return True, True  # "“Lived to be fourteen,” Grandpa said.", "Grandma was waiting on the porch"
    if (
        token.is_title
        and token.pos_ not in _FUNCTION_POS
        and token.lower_ in _gendered("given_names")
        and token.lower_ not in word_set("characters", "word_like_names")
    ):
        return True, True  # "Callum had decided…": a given name the tagger did not see as one
    if token.is_title and not token.is_sent_start and _before_a_cast_name(token):
        return True, True  # "their aunt Philomena (Brenda Fricker)": a name, whatever its tag
    # A word the text already uses as a name ("Wren", "Per", "Rosalind"), whatever the tagger made of it.
    return False, token.pos_ not in _FUNCTION_POS or not token.is_sent_start


_DATING_WORDS = frozenset(
    {"every", "on", "by", "last", "next", "this", "that", "each", "until", "till", "since", "from", "one"}
    | {"before", "after"}
)


def _a_day_as_a_name(doc: Doc, start: int, end: int) -> bool:
    """ "introduces himself as Sunday Eze", "Kunle Remi as Sunday Eze", the same "Sunday Eze" again
    later: a day's name that is someone's given name (not "Every Friday Bram…")."""
    if start > 0 and doc[start - 1].lower_ == "as":
        return True
    seen, dated = _days_before_names(doc)
    pair = (doc[start].lower_, doc[start + 1].text)
    return seen[pair] >= 2 and pair not in dated


def _days_before_names(doc: Doc) -> tuple[Counter[tuple[str, str]], set[tuple[str, str]]]:
    """Every day or month word and the word after it, counted, and those of the pairs ever written after
    a word that dates them ("on Friday Bram"); read once per text."""
    cached = doc.user_data.get("denouement_days_before_names")
    if isinstance(cached, tuple):
        return cached
    seen: Counter[tuple[str, str]] = Counter()
    dated: set[tuple[str, str]] = set()
    for token in doc[:-1]:
        if token.lower_ in _CALENDAR_WORDS:
            pair = (token.lower_, doc[token.i + 1].text)
            seen[pair] += 1
            if token.i > 0 and doc[token.i - 1].lower_ in _DATING_WORDS:
                dated.add(pair)
    doc.user_data["denouement_days_before_names"] = (seen, dated)
    return seen, dated


def _before_a_cast_name(token: Token) -> bool:
    """The word stands right before an actor's name in parentheses: "Philomena (Brenda Fricker)"."""
    doc, i = token.doc, token.i
    return (
        i + 3 < len(doc)
        and doc[i + 1].text == "("
        and doc[i + 2].ent_type_ == "PERSON"
        and doc[i + 3].ent_type_ == "PERSON"
        and token.pos_ in ("NOUN", "ADJ")
    )


#: One word for someone from somewhere: "Yorkshireman", "Dutchwoman", "Frenchmen".
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:man|woman|men|women)$")


#: Days and months that open a run of capitals before a name ("Every Friday Bram…"); not the months that
#: are given names too (April, May, June, August).
_CALENDAR_WORDS = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "july", "september", "october", "november", "december"),
        *("christmas", "easter"),
    }
)
_AGE = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)*-(?:year|month|week)s?-old$")
_FRANCHISE_NOUNS = frozenset(
    {"films", "movies", "pictures", "books", "novels", "series", "franchise", "sequels", "trilogy", "saga"}
)


def _franchise(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "the trainer of the Rocky films", "the Bond movies": a name always written before a word for a
    run of works names the run, not a person in this story."""
    return bool(cluster.named_mentions) and all(
        m.end < len(doc) and doc[m.end].lower_ in _FRANCHISE_NOUNS for m in cluster.named_mentions
    )


def _a_firm(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "Whitaker Bell, the Manchester loss adjusters", "Ellen Mowat, the Peterhead fish merchants": a name
    described as a plural of people is a firm."""
    if cluster.actor or cluster.speaks or cluster.titles:
        return False
    for m in cluster.named_mentions:
        head = doc[m.end - 1]
        if any(
            c.dep_ == "appos" and c.tag_ == "NNS" and c.i > head.i and doc[c.left_edge.i].lower_ == "the"
            for c in head.children
        ):
            return True
    return False


def _titled_place(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "the bar of the Lady Sarah", "a pint at the Duke of York": a titled name always after "the" that
    never acts is a pub's, a ship's or a house's."""
    return (
        bool(cluster.titles)
        and not cluster.human_verbs
        and not cluster.speaks
        and bool(cluster.named_mentions)
        and all(m.start > 0 and doc[m.start - 1].lower_ == "the" for m in cluster.named_mentions)
    )


def _demonym(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "a taciturn Yorkshireman", "the Dutchman", "a gruff Glaswegian named Hector Baird": one word for
    where someone is from (or any word that a name follows), always with an article or an adjective just
    before it — a description, not a name."""
    return bool(cluster.named_mentions) and all(
        len(m.form) == 1
        and (_DEMONYM.match(m.form[0]) is not None or _names_follow(doc, m.end))
        and any(t.pos_ in ("DET", "ADJ") for t in doc[max(0, m.start - 2) : m.start])
        for m in cluster.named_mentions
    )


def _names_follow(doc: Doc, i: int) -> bool:
    """ "… named Hector Baird", "… called Ray": the word before is what the named one is."""
    return i + 1 < len(doc) and doc[i].lower_ in ("named", "called") and doc[i + 1].is_title


_FROM_NOUNS = frozenset({"man", "woman", "men", "women", "boy", "girl", "lad", "lass", "native", "fisherman"})


def _place_of_origin(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "a Lewis man called Macleod", "two Glasgow girls": a name written before a word for a person, to
    say where they come from, and otherwise only as a place ("a guesthouse on Lewis")."""
    origin = False
    for m in cluster.named_mentions:
        head = doc[m.end - 1]
        if head.dep_ == "compound" and head.head.lower_ in _FROM_NOUNS:
            origin = True
        elif not (head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE | _DIRECTIONAL | {"on", "off"}):
            return False
    return origin


def _unknown_first_name(token: Token) -> bool:
    """ "to Lorcan Vickery": a capitalised word in mid-sentence the tagger took for an adjective, which
    one entity joins to the proper noun after it."""
    if token.tag_ != "JJ" or not token.is_title or token.is_sent_start or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    return (
        token.ent_type_ in ("PERSON", "ORG")
        and after.ent_iob_ == "I"
        and after.ent_type_ == token.ent_type_
        and after.pos_ == "PROPN"
    )


def _followed_by_parenthesis_name(doc: Doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].text[:1].isupper()


def _given_name_of_place(doc: Doc, name: int, place: int) -> bool:
    """ "Jesus of Nazareth", "Joan of Arc": a single given name (or one the NER takes for a person) and
    the place it is known by, whatever the NER makes of the place."""
    first = doc[name]
    if doc[place].ent_type_ not in ("ORG", "GPE", "LOC", "") or doc[place + 1 : place + 2].text == "'s":
        return False
    if doc[place].text in _person_words(doc):
        return False  # "the elder brother Kasimir of Ilse", where Ilse is someone
    if first.ent_type_ == "PERSON" or first.lower_ in _gendered("given_names"):
        return True
    common = (
        word_set("characters", "organisation_words")
        | word_set("characters", "thing_nouns")
        | word_set("characters", "human_nouns")
    )
    return first.ent_type_ == "" and first.lower_ not in common and first.lower_ not in _titles()


def _person_words(doc: Doc) -> frozenset[str]:
    """Capitalised words ``doc`` uses as someone somewhere: tagged a person, or a subject that acts."""
    return _once_per_doc(
        doc,
        "denouement_person_words",
        lambda: frozenset(
            t.text
            for t in doc
            if t.is_title and (t.ent_type_ == "PERSON" or (t.dep_ == "nsubj" and t.head.pos_ == "VERB"))
        ),
    )


def _once_per_doc(doc: Doc, key: str, compute: Callable[[], frozenset[str]]) -> frozenset[str]:
    """A word set about ``doc``, computed the first time it is asked for and kept in its user data."""
    words: frozenset[str] | None = doc.user_data.get(key)
    if words is None:
        words = doc.user_data[key] = compute()
    return words


#: Words that end a hyphenated adjective made from a name ("Kojo-like", "Bond-esque"), not a name's part
#: (participles, "Paris-themed", are left out by their ending, and words over six letters by their length).
_NAME_SUFFIX_WORDS = frozenset(
    {
        "like",
        "style",
        "esque",
        "type",
        "era",
        "born",
        "made",
        "ish",
        "free",
        "less",
        "run",
        "level",
        "class",
        "grade",
        "proof",
        "ready",
        "worthy",
        "heavy",
        "lite",
    }
)


#: Ranks and titles written short with a stop, which is theirs and not the sentence's.
_ABBREVIATED_TITLES = frozenset(
    {
        "adm",
        "capt",
        "cmdr",
        "comdr",
        "insp",
        "supt",
        "sgt",
        "serg",
        "corp",
        "pvt",
        "prof",
        "gov",
        "pres",
        "rev",
        "revd",
        "hon",
        "messrs",
        "mlle",
        "mme",
        "esq",
        "bros",
        "univ",
        "dept",
    }
)


def _without_end_stop(word: str) -> str:
    """A name the tokenizer kept with the sentence's full stop as an abbreviation ("said Miss Del." — Del.
    for Delaware): the name without it (not an initial, "D.", nor "St." or "Jr.", which are short)."""
    if (
        word.endswith(".")
        and len(word) >= 4
        and word[:-1].isalpha()
        and word[:1].isupper()
        and word[:-1].lower() not in _ABBREVIATED_TITLES  # "Adm.", "Capt.", "Supt." stay as written
    ):
        return word[:-1]
    return word


def _glued_name_part(doc: Doc, j: int) -> bool:
    """Token ``j`` is a hyphen glued between a name and a short lower-case word that ends the word
    ("Min-ji", "Soon-ja", "Obaa-chan", "Arakawa-sensei"), not a suffix that makes an adjective."""
    if j + 1 >= len(doc) or doc[j].text != "-" or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return False
    part = doc[j + 1]
    ends = part.whitespace_ or j + 2 >= len(doc) or not doc[j + 2].is_alpha
    return (
        part.is_alpha
        and part.is_lower
        and len(part.text) <= 6
        and ends
        and part.lower_ not in _NAME_SUFFIX_WORDS
        and not part.lower_.endswith(("ed", "ing"))  # "Paris-themed", "Fawkes-masked"
        and doc[j - 1].is_title
        and len(doc[j - 1].text) >= 2  # (not "U-boat", "T-bones")
    )


def _name_runs(doc: Doc, index: StoryIndex, names: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal runs of name tokens (with inner particles and hyphens), honorifics included.

    ``names`` says, for every token, whether it is a name token (see :meth:`_Builder._name_tokens`).
    """
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        if not names[i] or index.token_sentence[i] < 0:
            i += 1
            continue
        j = i + 1
        while j < n and index.token_sentence[j] == index.token_sentence[i]:
            nxt = doc[j]
            joined = j + 1 < n and names[j + 1]
            if names[j]:
                j += 1
            elif joined and (
                (nxt.text == "-" and not doc[j - 1].whitespace_ and not nxt.whitespace_)
                or nxt.lower_ in PARTICLES
            ):
                j += 2
            elif _glued_name_part(doc, j):
                j += 2  # "Min-ji", "Obaa-chan", "Hana-sensei": a name's lower-case second half or honorific
            elif (
                nxt.lower_ == "of"
                and doc[j - 1].ent_type_ != "PERSON"  # "Anand Okonjo of the Riverside Review" stays apart
                and j + 2 < n
                and doc[j + 1].lower_ == "the"
                and doc[j + 2].is_title
                and doc[j + 2].pos_ == "PROPN"
                and not _names_an_outlet(doc[j + 2].head if doc[j + 2].dep_ == "compound" else doc[j + 2])
            ):
                j += 3  # "Wicked Witch of the West" (not "Priya Valcourt of The Meridian Review")
            elif (
                nxt.lower_ == "of"
                and j + 1 < n
                and (joined or (doc[j + 1].is_title and doc[j + 1].pos_ == "PROPN"))
                and (
                    doc[j + 1].ent_type_ in ("GPE", "LOC")
                    or (doc[j + 1].ent_type_ == "PERSON" and doc[j + 1].ent_iob_ == "I")  # "Mary of Bethany"
                    or (j - i == 1 and _given_name_of_place(doc, i, j + 1))
                )
            ):
                j += 2  # "Jesus of Nazareth", "Joan of Arc"
            else:
                break
        start = i
        # "Two-Clocks": capitalised words joined by hyphens belong to the name.
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and doc[start - 2].is_title
            and not doc[start - 2].whitespace_
        ):
            start -= 2
        # "Leena Mäkelä's": a capitalised first word the tagger took for a noun, opening the sentence.
        if (
            start > 0
            and doc[start - 1].is_sent_start
            and doc[start - 1].is_title
            and (doc[start - 1].ent_type_ == "PERSON" or doc[start - 1].lower_ in _gendered("given_names"))
            and index.token_sentence[start - 1] == index.token_sentence[start]
            and doc[start - 1].lower_ not in _titles()
            and doc[start - 1].lower_ not in word_set("characters", "person_roles")
        ):
            start -= 1
        # "Wren Tully (Actor)": a capitalised word the tagger took for a noun, right before a cast name.
        if (
            start > 0
            and _followed_by_parenthesis_name(doc, j)
            and doc[start - 1].is_title
            and (doc[start - 1].pos_ not in _FUNCTION_POS or not doc[start - 1].is_sent_start)
            and index.token_sentence[start - 1] == index.token_sentence[start]
            and doc[start - 1].lower_ not in _titles()
        ):
            start -= 1
        start = _past_sentence_opener(doc, start, j)
        if start >= j or _family_trait(doc, start, j):
            i = j
            continue
        start, j = _within_one_sentence(doc, start, j)
        if j - start > 1 or not _paired_letter(doc, start):  # "M & J" on a tag names nobody
            runs.append((start, j))
        i = j
    return runs


_ABBREVIATIONS = frozenset(
    {
        "jr.",
        "sr.",
        "st.",
        "mt.",
        "ft.",
        "no.",
        "vs.",
        "co.",
        "insp.",
        "supt.",
        "gov.",
        "hon.",
        "sen.",
        "rep.",
        "cmdr.",
        "adm.",
        "maj.",
        "fr.",
        "cpl.",
        "messrs.",
        "sgt.",
        "capt.",
        "prof.",
        "det.",
        "gen.",
        "col.",
    }
)


def _paired_letter(doc: Doc, i: int) -> bool:
    """A lone letter beside "&", "/" or "and" and another lone letter ("M & J", "A/B")."""
    if len(doc[i].text.rstrip(".")) != 1:
        return False
    return any(
        min(link, other) >= 0
        and max(link, other) < len(doc)
        and doc[link].text in ("&", "/", "and")
        and len(doc[other].text.rstrip(".")) == 1
        for link, other in ((i + 1, i + 2), (i - 1, i - 2))
    )


_INITIALS = re.compile(r"^(?:\w\.)+$")  # "J.K."


def _initial_of(initial: str, name: str) -> bool:
    """ "P." is the initial of "Peter" (not of another initial)."""
    return (
        bool(_INITIALS.match(initial))
        and len(initial) == 2
        and not _INITIALS.match(name)
        and (name[:1].upper() == initial[0].upper())
    )


def _a_title_played(doc: Doc, start: int, end: int) -> bool:
    """ "known throughout the film only as the Colonel (Park Hae-il)": a capitalised title after "the",
    with its actor in brackets, is the name of the part."""
    return (
        end - start == 1
        and doc[start].is_title
        and _after_the(doc, start)
        and _followed_by_parenthesis_name(doc, end)
    )


def _title_that_is_a_first_name(doc: Doc, start: int, end: int) -> bool:
    """ "My cousin Dean and I", "Dean said": a title that is also a first name, standing alone as a name
    (not "the dean", not "Dean Hollis", where it is a title)."""
    token = doc[start]
    return (
        end - start == 1
        and token.lower_ in _gendered("given_names")
        and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON")
        and not _after_the(doc, start)
    )


def _opens_sentence(doc: Doc, i: int) -> bool:
    return bool(doc[i].is_sent_start or (i > 0 and doc[i - 1].is_sent_start and doc[i - 1].is_quote))


def _family_trait(doc: Doc, start: int, end: int) -> bool:
    """A word opening the sentence that is no first name or title, and a surname that qualifies the
    common noun after it ("Pure Keane pride.", "Typical Marsh stubbornness"): a family's trait, no one's
    name."""
    last = doc[end - 1]
    return (
        end - start >= 2
        and _opens_sentence(doc, start)
        and doc[start].lower_ not in _gendered("given_names")
        and not census_name(doc[start].text)
        and doc[start].lower_ not in _titles()
        and last.dep_ in ("compound", "amod", "nmod")
        and last.head.i >= end
        and last.head.pos_ == "NOUN"
        # the noun right after, past words only (not over the bar of a listing line: "Ada Holm | 98 min")
        and all(t.is_alpha or t.text == "-" for t in doc[end : last.head.i + 1])
    )


def _a_common_word_opening(doc: Doc, start: int) -> bool:
    """A dictionary word that opens its sentence, that the entity tagger does not take for a person and
    that no census lists as a first name, and that the text never writes with a capital elsewhere: a noun
    put first ("Trouble arrives…"), not a name."""
    token = doc[start]
    word = token.lower_
    if token.ent_type_ == "PERSON" or word not in dictionary_words() or census_name(token.text):
        return False
    if word in word_set("characters", "kinship_names") or word in _titles():
        return False  # "Mam asked when I got in": a family word is the name it is used as
    return token.text not in _capitalised_inside(doc)


def _capitalised_inside(doc: Doc) -> frozenset[str]:
    """Words the text writes with a capital inside a sentence, found once per text."""
    return _once_per_doc(
        doc,
        "denouement_capitalised_inside",
        lambda: frozenset(t.text for t in doc if t.is_title and not t.is_sent_start),
    )


def _past_sentence_opener(doc: Doc, start: int, end: int) -> int:
    """The run without a word that opens its sentence but is no part of the name ("Alongside Marion",
    "Remembering Vincent", "Suspicious of Sollozzo"), nor the particles after it."""
    word = doc[start].lower_
    if end - start >= 2 and word in _QUESTION_AUX and _opens_sentence(doc, start) and _asks(doc, start):
        return start + 1  # "Will Anand marry Sheela?": a synopsis's teaser question, not "Will Anand"
    if (
        end - start == 1
        and _opens_sentence(doc, start)
        and end < len(doc)
        and word not in _gendered("given_names")
        and (
            doc[start].tag_ in ("VB", "DT")
            or (doc[end].lower_ in _OBJECT_OPENERS and doc[start].ent_type_ != "PERSON")
            or word in _lowercase_nouns(doc)  # "Glass remembers every breath": the glass of the story
            or word in word_set("characters", "sentence_openers")  # "Imagine being told…"
            or _a_common_word_opening(doc, start)  # "Trouble arrives in the form of his granddaughter"
        )
    ):
        return end  # "Rewatch the sequence…", "Eat, the pair of you", "Neither's": no name
    if end - start < 2 or not _opens_sentence(doc, start) or word in _gendered("given_names"):
        return start
    after = doc[end].text if end < len(doc) else ""
    # "Remembering Vincent, Crowe…", "Following Marion's advice…" (not "Sterling Archer walks in")
    participle = doc[start].tag_ == "VBG" or (
        word.endswith("ing") and len(word) >= 6 and after in (",", "'s", "’s")
    )
    # "Find Saito!", "Approaches Salim." (a script's action line without its subject): a verb, or a word
    # the text uses as a verb in lower case elsewhere ("grabs", "sees"), is no part of the name after it
    imperative = doc[start].is_title and (
        doc[start].tag_ in ("VB", "VBZ", "VBD", "VBP") or word in _lowercase_verbs(doc)
    )
    if not participle and not imperative and word not in word_set("characters", "sentence_openers"):
        return start
    new = start + 1
    while new < end - 1 and doc[new].lower_ in ("of", "the"):
        new += 1
    return new


#: Words that open the object of a verb: a capitalised word alone before one, opening its sentence,
#: bids someone do something ("Rewatch the sequence", "Eat your tea") — names rarely stand so.
_OBJECT_OPENERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "your",
        "my",
        "our",
        "their",
        "it",
        "them",
        "me",
        "us",
        "him",
        "some",
        "every",
        "each",
    }
)

_QUESTION_AUX = frozenset({"will", "can", "could", "would", "should", "shall", "does", "did", "is", "was"})


def _asks(doc: Doc, i: int) -> bool:
    """Whether the sentence of token ``i`` is a question."""
    return doc[i].sent.text.rstrip().rstrip("\"'”’)").endswith("?")


def _lowercase_nouns(doc: Doc) -> frozenset[str]:
    """Every common noun ``doc`` writes in lower case (more than once)."""

    def nouns() -> frozenset[str]:
        counts = Counter(t.text for t in doc if t.pos_ == "NOUN" and t.is_lower)
        return frozenset(w for w, n in counts.items() if n >= 2)

    return _once_per_doc(doc, "denouement_lowercase_nouns", nouns)


def _lowercase_verbs(doc: Doc) -> frozenset[str]:
    """Every verb ``doc`` writes in lower case."""
    return _once_per_doc(
        doc,
        "denouement_lowercase_verbs",
        lambda: frozenset(t.text for t in doc if t.pos_ == "VERB" and t.is_lower),
    )


def _within_one_sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A run cut at a word with a full stop that is no initial or honorific ("…the Ark. Jones and…": a
    sentence end the splitter missed): the name after it if the stop ends the first word, else the name
    up to it."""
    titles = _titles()
    for k in range(start, end - 1):
        text = doc[k].text.lower()
        if (
            text.endswith(".")
            and len(text) > 3
            and text not in titles
            and text not in _ABBREVIATIONS
            and not _INITIALS.match(text)
        ):
            if k == start:
                return k + 1, end
            return start, k + 1
    return start, end


@cache
def _role_words() -> frozenset[str]:
    """Role and human nouns that may stand before a name ("Reporter", "Detective")."""
    return word_set("characters", "person_roles") | word_set("characters", "human_nouns")


def _written_length(text: str, at: int, actor: str) -> int:
    """How long the actor's name is where the text writes it: in full, or by the surname alone ("(Foster)",
    "Seweryn is Stefan Wrona"), which the full name stands for."""
    if text.startswith(actor, at):
        return len(actor)
    surname = actor.split()[-1]
    return len(surname) if text.startswith(surname, at) else len(actor)


def _acts_on_pronoun(doc: Doc, m: Mention, pronoun: str, upto: int) -> bool:
    """The mention is the subject of a verb whose object is ``pronoun`` ("him", "her"), said between the
    mention and token ``upto``: "Fathima spots him" — so it is not who the pronoun means."""
    head = doc[m.end - 1]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verbs = [head.head, *head.head.conjuncts]
    return any(
        t.lower_ == pronoun
        and t.dep_ in ("dobj", "pobj", "dative")
        and m.end <= t.i < upto
        and (t.head in verbs or t.head.head in verbs)
        for t in doc[m.end : upto]
    )


def _strip_titles(doc: Doc, start: int, end: int) -> tuple[int, list[str], list[str]]:
    """Split honorifics ("Dr.") and capitalised role nouns ("Critic", "Director") off the front of a run."""
    titles = _titles()
    roles = word_set("characters", "person_roles")
    humans = word_set("characters", "human_nouns")
    skipped = word_set("characters", "name_descriptors") | {"by", "and", "with", "starring"}
    found: list[str] = []
    role_words: list[str] = []
    # "Battalion Captain John H. Miller": everything up to the last title before the name goes
    inner = [i for i in range(start, end - 1) if doc[i].lower_ in titles and doc[i + 1].is_title]
    # ("FBI Special Agent Frank Pedrosa": an agency's capitals may lead the titles)
    if (
        inner
        and inner[-1] > start
        and all(doc[i].is_title or doc[i].is_upper for i in range(start, inner[-1]))
    ):
        role_words.extend(doc[i].lower_ for i in range(start, inner[-1]) if doc[i].lower_ in humans | roles)
        start = inner[-1]
    while end - start > 1:
        word = doc[start].lower_
        if word in titles:
            found.append(doc[start].text)
        elif word in roles or word in humans or word in skipped:
            if word in roles or word in humans:
                role_words.append(word)
        else:
            break
        start += 1
    return start, found, role_words


def _credit_of_unnamed_role(doc: Doc, start: int, end: int) -> bool:
    if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text not in (")", ","):
        return False
    before = doc[start - 2]
    if before.is_quote and start >= 3:  # '"The Old Man" (Lew Garrick)': a role written as a title
        before = doc[start - 3]
        return before.pos_ in ("NOUN", "PROPN") and before.is_title and end - start >= 2
    if (
        before.pos_ == "ADJ"
        and start >= 3
        and doc[start - 3].pos_ == "NOUN"
        and before.head == doc[start - 3]
    ):
        before = doc[start - 3]  # "The mother superior (Charlotte Rampling, all granite)"
    return before.pos_ == "NOUN" and end - start >= 2


def _run_label(doc: Doc, start: int, end: int) -> str:
    labels = Counter(doc[i].ent_type_ for i in range(start, end) if doc[i].ent_type_)
    return labels.most_common(1)[0][0] if labels else ""


def _is_place_possessive(doc: Doc, start: int, end: int) -> bool:
    """``Welcome to Jo's.`` — a possessive name that owns nothing after it is a place (a bar, a shop)."""
    if end >= len(doc) or (doc[end].tag_ != "POS" and doc[end].text not in ("'s", "’s")):
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is None or after.is_punct or after.is_space:
        return not _owner_said_alone(doc, start)
    owned = doc[end - 1].head
    if (
        doc[end - 1].dep_ == "poss"
        and owned.pos_ == "NOUN"
        and not owned.is_stop
        and end < owned.i <= end + 6
    ):
        return False  # "Clara Vesey's slow-burning railway thriller": the parse says what is owned
    if after.pos_ == "ADJ":
        # "out of Rosco's alone": an adjective that qualifies no noun after it
        # ("Hanne Sollberg's small, salt-stung romance" does qualify one)
        for nxt in doc[end + 2 : end + 8]:
            if nxt.pos_ in ("NOUN", "PROPN", "NUM"):
                return False
            if not (
                nxt.pos_ in ("ADJ", "ADV", "PUNCT", "VERB") and nxt.text not in (".", ";", ":", "!", "?")
            ):
                break
        return True
    keeps = ("NOUN", "PROPN", "ADJ", "NUM", "X", "DET")  # "Leena Mäkelä's The Second"
    if after.tag_ in ("VBG", "VBN") and any(t.pos_ == "NOUN" for t in doc[end + 2 : end + 4]):
        return False  # "Kasia Brzezinska's mountaineering thriller": a participle before the thing owned
    return after.pos_ not in keeps and after.lower_ not in ("own", "very", "first", "last")


def _owner_said_alone(doc: Doc, start: int) -> bool:
    """ "None of them was Grandad's", "a friend of Marta's": a possessive standing for what the person
    owns, not a place named after them; and a family word is a person even at their house ("at Gran's")."""
    if doc[start].lower_ in word_set("characters", "kinship_names"):
        return True
    before = doc[start - 1] if start > 0 else None
    if before is None:
        return False
    if before.lemma_ == "be" or before.pos_ == "AUX":
        return True
    return before.lower_ == "of" and start > 1 and doc[start - 2].pos_ in ("NOUN", "PRON")


def _human_verb(token: Token) -> bool:
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.i != token.i:
        return True
    return _name_read_as_adverb(token)


def _first_conjunct(token: Token) -> Token:
    """The first of the names a conjunction joins: "Mam" of "Mam and Dad left me"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _name_read_as_adverb(token: Token) -> bool:
    """ "Dilly says", "Dilly is sitting on the amp": a name the tagger took for an adverb in -ly, right
    before a finite verb that has no subject of its own (not "Slowly, she turns", nor "Gently lift it")."""
    head = token.head
    if not (
        token.dep_ == "advmod"
        and token.tag_ == "RB"
        and token.is_title
        and token.lower_.endswith("ly")
        and head.pos_ in ("VERB", "AUX")
        and head.i > token.i
    ):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or after.is_punct:
        return False
    finite = head.tag_ in ("VBZ", "VBD", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") for c in head.children
    )
    return finite and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children)


_PET_ENDINGS = ("ie", "y", "o", "mo", "sy", "s", "bug", "kins", "ster", "ey", "e")


@cache
def _diminutive_table() -> dict[str, list[str]]:
    return {
        str(k).lower(): [str(v).lower() for v in vs]
        for k, vs in (load_lexicon("characters").get("diminutives") or {}).items()
    }


def shortens(short: str, first: str) -> bool:
    """Is ``short`` a short or pet form of the given name ``first`` (both any case)?"""
    return _shortens(short.lower(), first.lower(), _diminutive_table())


def _short_for(nick: str, form: Sequence[str]) -> bool:
    """A given name in parentheses after a name is a short form of it ("Amelia (Mia)", "Elizabeth
    (Bess)"), its letters in order in one of the name's words; any other given name there is the actor
    who plays the part ("Amit Narayan (Rajesh)", a film's star known by one name)."""
    if any(shortens(nick, word) for word in form):
        return True
    given = nick.lower() in _gendered("given_names")
    return given and any(_letters_in_order(nick.lower(), word.lower()) for word in form)


def _letters_in_order(short: str, word: str) -> bool:
    rest = iter(word)
    return len(short) < len(word) and all(ch in rest for ch in short)


def _clipped_end(short: str, first: str, genders: Mapping[str, str]) -> bool:
    """``short`` is the end of ``first`` clipped off: "Bert" of "Cuthbert", "Dili" of "Okwudili" — not
    "Ian" of "Brian" (a short name of its own) nor "Ray" of "Manray" (a word)."""
    least = 4 if short in genders else 3
    return (
        len(short) >= least
        and len(first) - len(short) >= 3
        and first.endswith(short)
        and short not in dictionary_words()
    )


@cache
def _pet_stem(short: str) -> str:
    """The name without a pet ending ("Tommo": Tomm, "Bertie": Bert), or "" when it has none."""
    return next(
        (short[: -len(end)] for end in _PET_ENDINGS if short.endswith(end) and len(short) > len(end) + 1), ""
    )


def _shortens(short: str, first: str, diminutives: dict[str, list[str]]) -> bool:
    """Is ``short`` a short or pet form of the given name ``first``?

    "Jo"/"Joanne", "Bernie"/"Bernadette", "Ruthie"/"Ruth", "Junebug"/"June", "Tommo"/"Tom".
    """
    if short in diminutives.get(first, ()):
        return True
    if not short.isalpha() or short == first:
        return False
    if first == short + "s":
        return False  # "Latikas" is a slip or a plural of "Latika", not a longer name it shortens
    genders = _gendered("given_names")
    if len(short) < len(first) and first.startswith(short) and len(short) >= 2:
        # "Sam" of "Samantha", "Jo" of "Joanne" (but "Oh" is no pet form of "Ohio": two letters shorten
        # only a given name)
        return len(short) >= 3 or first.lower() in genders
    if short in genders and first in genders and genders[short] != genders[first]:
        return False  # "Mary" is no pet form of "Mark", nor "Carla" of "Carl"
    stem = _pet_stem(short)
    if len(stem) >= 3 and (first.startswith(stem) or stem.startswith(first)):
        return True
    if _clipped_end(short, first, genders):
        return True  # "Bert" of "Cuthbert", "Dili" of "Okwudili", "Bella" of "Isabella"
    # "Tommo" from "Tom", "Jonno" from "Jonathan": a doubled last letter before the ending (but "Maddie"
    # is no pet form of "Mads", a shorter name that is itself one)
    return (
        len(stem) >= 2
        and stem[-1] == stem[-2]
        and first.startswith(stem[:-1])
        and (first == stem[:-1] or len(first) >= len(short))
    )


class _StartIndex:
    """Mentions ordered by their first character, to find those inside a stretch of text by bisection
    rather than by scanning every mention."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i].char_start)
        self.starts = [mentions[i].char_start for i in self.order]

    def within(self, start: int, end: int) -> list[int]:
        """Positions (in list order) of the mentions that lie entirely inside ``start``..``end``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        return sorted(i for i in self.order[lo:hi] if self.mentions[i].char_end <= end)


def _holding_all(holding: dict[str, set[int]], words: set[str], count: int) -> list[int]:
    """Keys, in order, of the clusters whose words include all of ``words`` (``holding`` maps each
    word to the clusters that have it; ``count`` is the number of clusters)."""
    if not words:
        return list(range(count))
    keys: set[int] | None = None
    for word in words:
        found = holding.get(word)
        if not found:
            return []
        keys = set(found) if keys is None else keys & found
        if not keys:
            return []
    return sorted(keys or ())


class _SupersetIndex:
    """Word sets indexed by their words, to find the first set that includes a given set of words
    without testing every set."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        self.sets = sets
        self.with_word: dict[str, list[int]] = {}
        for n, words in enumerate(sets):
            for word in words:
                self.with_word.setdefault(word, []).append(n)

    def first_superset(self, words: set[str]) -> int | None:
        """Position of the first set that includes all of ``words`` (None when there is none)."""
        if not words:
            return 0 if self.sets else None
        candidates = self.with_word.get(next(iter(words)), [])
        return next((n for n in candidates if words <= self.sets[n]), None)


class _SentenceMentions:
    """Mentions grouped by sentence, so a pattern found in one sentence looks only at the mentions of
    that sentence and the few before it, in their original order."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.by_sentence: dict[int, list[tuple[int, Mention]]] = {}
        for position, m in enumerate(mentions):
            self.by_sentence.setdefault(m.sentence, []).append((position, m))

    def between(self, first: int, last: int) -> list[Mention]:
        """The mentions of sentences ``first``..``last``, in the order of the original list."""
        found = [pm for n in range(first, last + 1) for pm in self.by_sentence.get(n, ())]
        if last > first:
            found.sort(key=lambda pm: pm[0])
        return [m for _, m in found]


class _Spans:
    """Character spans (start, end) — possibly overlapping — that answer "does any span cover this
    offset?" by bisection: sorted by start, with the furthest end reached so far."""

    def __init__(self, spans: Sequence[tuple[int, int, str]]) -> None:
        ordered = sorted((a, b) for a, b, _ in spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def covers(self, offset: int) -> bool:
        """Whether some span has ``start <= offset < end``."""
        at = bisect.bisect_right(self.starts, offset) - 1
        return at >= 0 and self.reach[at] > offset


class _Builder:
    """Collects mentions and clusters for one doc."""

    def __init__(self, doc: Doc, index: StoryIndex) -> None:
        self.doc = doc
        self.index = index
        self.text = index.text
        self._full_names: dict[tuple[str, tuple[str, ...]], str | None] = {}
        self._starts: list[int] = []
        self.clusters: list[CharacterCluster] = []
        self.mentions: list[Mention] = []
        self.actor_spans: list[tuple[int, int, str]] = []  # char spans of actor names, and the name
        self.lex = load_lexicon("characters")
        self.speaking_actors: set[tuple[str, ...]] = set()
        self.actor_short_forms: dict[tuple[str, ...], set[str]] = {}
        self._evidence: list[tuple[bool, bool]] = []
        self._texts: list[str] = []
        self.spoken = spoken_sentences(doc, index)

    # -- candidates -------------------------------------------------------------------------
    def _name_tokens(self, vocabulary: frozenset[str]) -> list[bool]:
        """Whether each token is a name token, given the words the text already uses as names.

        The per-token evidence is read once per doc and shared by both passes of :meth:`candidates`.
        """
        if not self._evidence:
            for token in self.doc:
                self._evidence.append(_name_evidence(token))
                self._texts.append(token.text)
        names = [
            named or (could_be and text in vocabulary)
            for (named, could_be), text in zip(self._evidence, self._texts, strict=True)
        ]
        firsts = {w.lower() for w in vocabulary}
        for i, ((_named, could_be), text) in enumerate(zip(self._evidence, self._texts, strict=True)):
            if (
                could_be
                and not names[i]
                and firsts
                and text.isalpha()
                and _calls_out(self.doc, i)
                and any(shortens(text, first) for first in firsts)
            ):
                names[i] = True  # "You were going to ring her, Mads.": a short form of Maddie, called out
        return names

    def candidates(self) -> list[Mention]:
        """Name mentions: a first pass on tags and entities, then again with the names that pass found."""
        first = self._candidates(frozenset())
        vocabulary = frozenset(
            w
            for m in first
            if m.label == "PERSON" or self._has_cast_pattern(m) or _given_by_a_call(self.doc[m.end - 1])
            for w in m.form
            if w[:1].isupper()
        )
        return self._candidates(vocabulary) if vocabulary else first

    def _has_cast_pattern(self, m: Mention) -> bool:
        return _followed_by_parenthesis_name(self.doc, m.end) or bool(
            _PLAYED_BY.match(self.text[m.char_end : m.char_end + 60])
        )

    def _candidates(self, vocabulary: frozenset[str]) -> list[Mention]:
        doc, index = self.doc, self.index
        found: list[Mention] = []
        places: set[tuple[str, ...]] = set()
        for start, end in _name_runs(doc, index, self._name_tokens(vocabulary)):
            sentence = index.token_sentence[start]
            spoken = sentence in self.spoken
            meta = sentence in index.meta and not spoken
            credit_role = self._credit_role(start) if meta else None
            cast_line = meta and is_cast_line(index.sentence_texts[sentence])
            if meta and credit_role is None and not cast_line:
                continue
            while end - start > 1 and (
                _AGE.match(doc[start].text)
                or (doc[start].lower_ in _CALENDAR_WORDS and not _a_day_as_a_name(doc, start, end))
            ):
                # "Sixteen-year-old Abena Mensah", "Every Friday Bram…": an age or a day is no name
                start += 1
            core, titles, roles = _strip_titles(doc, start, end)
            if (
                core >= end
                and end - start == 1
                and doc[start].lower_ in word_set("characters", "kinship_names")
            ):
                core, titles = start, []  # "Grandma was waiting": a family word alone is the name
            if core > start and doc[core].lower_ == "of" and titles:
                core, titles = core - 1, titles[:-1]  # "the Duke of Buckingham": the title is the name
            if credit_role is not None:
                roles = [*roles, credit_role]
            # "JAMAL-" (cut off), "Hans'" (a possessive), "-Girl" (the end of "Hit-Girl"): no marks
            form = tuple(_without_end_stop(w.strip("-–—'’") or w) for w in doc[core:end].text.split())
            if len(form) == 2 and form[1].lower() in _titles_after_name():
                # "Padma Mami": the given name, with a title of respect after it
                titles, form = [*titles, form[1]], form[:1]
            if len(form) >= 3 and form[0].lower() == "young" and doc[core].is_sent_start:
                form = form[1:]  # "Young Ray Docker clamps a rope…": Ray Docker, at another age
            roles_words = word_set("characters", "person_roles")
            if not form or (
                all(w.lower() in _titles() or w.lower() in roles_words for w in form)
                and not (len(form) == 1 and form[0].lower() in word_set("characters", "kinship_names"))
                and not _title_that_is_a_first_name(doc, start, end)
                and not _a_title_played(doc, start, end)
            ):
                continue
            if doc[start].text[0] in "-–—" and form[0].lower() in word_set("characters", "human_nouns"):
                continue  # "-Girl", the end of a hyphenated name cut off from its start
            if _is_place_possessive(doc, start, end):
                places.add(form)
                continue
            if _credit_of_unnamed_role(doc, start, end):
                continue  # "Luca's mother (Sian Devlin)": the actor of a role the text does not name
            found.append(
                Mention(
                    start=start,
                    end=end,
                    char_start=doc[start].idx,
                    char_end=doc[end - 1].idx + len(doc[end - 1].text),
                    text=doc[start:end].text,
                    sentence=sentence,
                    in_quote=spoken or index.in_quote(doc[start]),
                    form=form,
                    label=_run_label(doc, core, end),
                    titles=tuple(titles),
                    roles=tuple(roles),
                )
            )
        found = self._makers_and_their_works(found)
        # A name used once as a place ("at Rosco's.") is that place in its other possessives too.
        return [m for m in found if not (m.form in places and m.end < len(doc) and doc[m.end].tag_ == "POS")]

    def _makers_and_their_works(self, found: list[Mention]) -> list[Mention]:
        """ "comparisons with Peter Howitt's Sliding Doors", "the poster of Tengiz Abuladze's Repentance": a
        full name in the possessive before a name the text never uses again is a maker and their work — the
        work is nobody, the maker a real person (not "Patricia Neame's Maureen Halloran", whose part comes
        back; nor "Ada's Tunde", "A Midsummer Night's Dream", "Jacques Tati's Monsieur Hulot")."""
        doc = self.doc
        given = _gendered("given_names")
        works: set[int] = set()  # first tokens of the works
        used: Counter[str] | None = None  # how often each word is written, counted once when needed
        for i, maker in enumerate(found):
            at = maker.end + 1
            named = maker.label == "PERSON" or maker.form[0].lower() in given or census_name(maker.form[0])
            if (
                len(maker.form) < 2
                or not named
                or any(w.lower() in _CALENDAR_WORDS for w in maker.form)  # ("New Year's Day")
                or maker.in_quote
                or at >= len(doc)
                or doc[maker.end].lower_ not in ("'s", "’s")  # (not "the Northern Film Critics' Circle")
                or (maker.start > 0 and doc[maker.start - 1].lower_ in ("a", "an", "the"))
            ):
                continue
            end = at
            while end < len(doc) and doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
                end += 1
            words = [t.text for t in doc[at:end]]
            if not words or words[0].lower() in given or words[0].lower() in _titles():
                continue
            used = used if used is not None else Counter(t.text for t in doc)
            if any(used[w] != 1 for w in words):
                continue
            works.add(at)
            found[i] = dataclasses.replace(maker, roles=(*maker.roles, "filmmaker"))
        return [m for m in found if m.start not in works]

    def _credit_role(self, start: int) -> str | None:
        """In page furniture, a name after "By", "Photo:" or "Director:" is a real person; in which role."""
        sentence = self.index.sentences[self.index.token_sentence[start]]
        at = self.doc[start].idx
        # from the start of the line: a credit's own full stop may have ended a sentence ("Dir. Ada Holm")
        lead = self.text[max(sentence.start_char - 40, self.text.rfind("\n", 0, at) + 1) : at]
        match = _CREDIT_LEAD.search(lead)
        if match is None and not lead.strip() and _NAME_THEN_ROLE.match(sentence.text):
            return "author"  # "Declan Moriarty · TV Editor · 9 min read"
        if match is None and not lead.strip() and is_author_line(sentence.text):
            return "author"  # "Hollis Grant, Senior Film Writer" or a bare name under the headline
        if (
            match is None
            and 0 < self.index.token_sentence[start] < 4
            and self.doc[start].ent_type_ == "PERSON"
            and len(sentence.text.split()) >= 2
            and _BARE_NAME.match(sentence.text.strip())
        ):
            return "author"  # a bare name under the headline
        if match is None and self.index.token_sentence[start] < 4 and _TITLE_BY.search(lead):
            return "author"  # "The Salt Orchard by Imogen Reyes review: …", a book review's headline
        if match is None or len(_WORDS.findall(sentence.text)) > 12:
            return None
        word = match.group("role").lower()
        if word.startswith("dir"):
            return "director"
        return (
            "photographer"
            if word in ("photo", "photograph", "image", "still", "credit", "courtesy")
            else "author"
        )

    # -- text patterns ----------------------------------------------------------------------
    def actor_after(self, mention: Mention) -> tuple[str, int] | None:
        rest = self.text[mention.char_end : mention.char_end + 120]
        for pattern in (_ACTOR_IN_PARENS, _PLAYED_BY):
            match = pattern.match(rest)
            if not match:
                continue
            actor = match.group("actor").strip()
            if len(actor.split()) == 1 and pattern is _ACTOR_IN_PARENS:
                if _short_for(actor, mention.form) or actor in mention.form or actor.isupper():
                    continue  # "Amelia (Mia)": a nickname; "(GED)": an abbreviation
                actor = (
                    self._full_name_ending_with(actor, exclude=mention.form) or actor
                )  # "(Foster)": a surname
            return actor, mention.char_end + match.start("actor")
        return None

    def _full_name_ending_with(self, surname: str, exclude: tuple[str, ...]) -> str | None:
        """``(Ortega)`` after a name: the actor is the "… Ortega" named in full elsewhere in the text."""
        key = (surname, exclude)
        if key not in self._full_names:
            self._full_names[key] = self._find_full_name(surname, exclude)
        return self._full_names[key]

    def _find_full_name(self, surname: str, exclude: tuple[str, ...]) -> str | None:
        pattern = re.compile(rf"\b({_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+{re.escape(surname)}\b")
        for match in pattern.finditer(self.text):
            words = match.group(1).split()
            if words and words[0].lower() not in {
                "the",
                "a",
                "and",
                "with",
                "as",
                "by",
                "star",
                "actor",
                "actress",
            }:
                full = f"{match.group(1)} {surname}"
                if surname not in exclude:
                    return full
        return None

    def nickname_after(self, mention: Mention) -> str | None:
        rest = self.text[mention.char_end : mention.char_end + 60]
        match = re.match(rf"^\s*\(\s*(?P<q>[\"“‘'])?(?P<nick>{_NAME_WORD})[\"”’']?\s*\)", rest)
        if match and match.group("nick") not in mention.form:
            nick = match.group("nick")
            if match.group("q") or _short_for(nick, mention.form):
                return nick
        longer = self.text[mention.char_end : mention.char_end + 160]
        known = _KNOWN_AS.match(longer)
        if known and self._calls_someone(mention, longer):
            known = None  # "critic Chidi Umeh called Kemi “the best character …”": a verdict on Kemi
        if known:
            nick = _nick_of(known)
            second = re.match(rf"[ \t]({_NAME_WORD})\b", longer[known.end() :])
            if nick and second and known.group("nick") and re.search(r"\bknown\b", known.group()):
                return f"{nick} {second.group(1)}"  # "known to the entire town as Ernie Reels"
            return nick
        match = _NICK_TO_EVERYONE.match(rest)
        if match:
            return match.group("nick")
        return None

    def _calls_someone(self, mention: Mention, after: str) -> bool:
        """The name is the subject of "called" right after it, a verb of its own ("Umeh called Kemi …"),
        not a participle that names it ("a boy called Reg")."""
        if not re.match(r"\s+called\b", after):
            return False
        verb = self.doc[mention.end] if mention.end < len(self.doc) else None
        head = self.doc[mention.end - 1]
        return verb is not None and verb.lower_ == "called" and head.dep_ == "nsubj" and head.head.i == verb.i

    def actor_before(self, mention: Mention) -> tuple[str, int] | None:
        before = self.text[max(0, mention.char_start - 80) : mention.char_start]
        for pattern in (_ACTOR_AS, _ACTOR_PLAYS):
            match = pattern.search(before)
            if match and _KNOWN_AT.search(before[: match.start("actor")]):
                continue  # "known to everyone at Coldhithe Farm as Hettie": a place, not an actor
            if (
                match
                and _A_NAME_AS_MODIFIER.match(self.text, mention.char_end)
                and re.search(r"\b(?:a|an)\s+$", before)
            ):
                continue  # "stars Lucia Brandao as a Lisbon ferry mechanic": a place describing the role
            if match:
                actor = match.group("actor").strip()
                if (
                    len(actor.split()) >= 2
                    or (pattern is _ACTOR_PLAYS and self._in_a_cast_list(mention))
                    or (pattern is _ACTOR_AS and self._cast_list_line(mention, actor))
                ):
                    return actor, mention.char_start - len(before) + match.start("actor")
        return self._actor_is_part(mention)

    def _actor_is_part(self, mention: Mention) -> tuple[str, int] | None:
        """ "Andrzej Seweryn plays the hesitation so precisely … Seweryn is Stefan Wrona, seventy-four, who
        …": a review's way of casting — an actor the text has shown playing, "is" a full name."""
        if len(mention.form) < 2:
            return None
        before = self.text[max(0, mention.char_start - 60) : mention.char_start]
        match = _ACTOR_IS.search(before)
        if match is None or not _AFTER_A_PART.match(self.text, mention.char_end):
            return None
        actor = match.group("actor")
        full = actor if " " in actor else self._full_name_ending_with(actor, exclude=mention.form) or actor
        if not re.search(rf"\b{re.escape(full)}\s+(?:plays|played|portrays|portrayed)\b", self.text):
            return None
        return full, mention.char_start - len(before) + match.start("actor")

    def _cast_list_line(self, mention: Mention, actor: str) -> bool:
        """ "Nassar as K. Raghavan" as a line of a cast list: an actor known by one name, alone on the line
        with the part, among other lines of the list."""
        start = self.text.rfind("\n", 0, mention.char_start) + 1
        end = self.text.find("\n", mention.char_end)
        line = self.text[start : end if end >= 0 else len(self.text)]
        if not line.startswith(f"{actor} as ") or not is_cast_line(line):
            return False
        around = self.text[max(0, start - 200) : start].splitlines()[-2:]
        after = self.text[start + len(line) : start + len(line) + 200].splitlines()[1:3]
        return any(is_cast_line(other) for other in (*around, *after) if other.strip())

    def _in_a_cast_list(self, mention: Mention) -> bool:
        """ "Viola Davis plays Loretta. Zendaya plays her daughter…": a one-word actor among full names."""
        near = self.text[max(0, mention.char_start - 300) : mention.char_end + 300]
        return _FULL_NAME_PLAYS.search(near) is not None

    def _token_starts(self) -> list[int]:
        """Character offset of every token, computed once per doc (for bisecting offsets to tokens)."""
        if not self._starts:
            self._starts = token_starts(self.doc)
        return self._starts

    def _token_at(self, char: int) -> int:
        """Index of the token at (or right after) character offset ``char``."""
        return min(bisect.bisect_left(self._token_starts(), char), len(self.doc) - 1)

    def _sentence_at(self, char: int) -> int:
        """Sentence id of the token at (or right after) character offset ``char``."""
        at = min(bisect.bisect_left(self._token_starts(), char), len(self.doc) - 1)
        return self.index.token_sentence[at]

    def pronoun_played_by(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str, int]]:
        """``…; he is played by Lew Garrick``: the actor of the person named last in that sentence (or, when
        the sentence opens so, in the sentence before)."""
        found = []
        by_sentence = _SentenceMentions(cands)
        for match in _PRONOUN_PLAYED_BY.finditer(self.text):
            sentence = self._sentence_at(match.start())
            before = [
                m
                for m in by_sentence.between(sentence, sentence)
                if m.char_end <= match.start() and not m.in_quote
            ]
            opens = self.index.sentences[sentence].start_char == match.start() if sentence >= 0 else False
            if not before and sentence > 0 and opens:
                # "…Dee talks her way into Benny's gym. He is played by Idris Elba": the one named last before
                before = [m for m in by_sentence.between(sentence - 1, sentence - 1) if not m.in_quote]
            if before:
                found.append((before[-1].form, match.group("actor"), match.start("actor")))
        return found

    def pronoun_plays(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str, int]]:
        """``Her flatmate Sydney keeps the rent paid; Ravi Menon plays him with …``: the actor of the one
        named last before it in that sentence, when that one is not another actor."""
        found = []
        by_sentence = _SentenceMentions(cands)
        for match in _PLAYS_PRONOUN.finditer(self.text):
            if len(match.group("actor").split()) < 2:
                continue
            sentence = self._sentence_at(match.start())
            before = [
                m
                for m in by_sentence.between(sentence, sentence)
                if m.char_end <= match.start() and not m.in_quote and " ".join(m.form) != match.group("actor")
            ]
            if before:
                found.append((before[-1].form, match.group("actor"), match.start("actor")))
                continue
            # "Kojo Boateng, nicknamed 'Sixpence', is the best inside forward on the Gold Coast. Isaac
            # Tetteh plays him…": opening its sentence, the one the sentence before is about, its first
            # person named
            earlier = [
                m
                for m in by_sentence.between(sentence - 1, sentence - 1)
                if not m.in_quote and m.label not in NON_PERSON_LABELS
            ]
            if match.start() == self.index.sentences[sentence].start_char and earlier:
                found.append((earlier[0].form, match.group("actor"), match.start("actor")))
        return found

    def possessive_actors(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str, int]]:
        """``Patricia Neame's Maureen Halloran is the boss every office deserves``: in a text that casts
        actors, a full name said once, in the possessive, before a character the text names again, is
        the actor who plays them (not "Nolan's Oppenheimer", a film: its maker is named again)."""
        casts = bool(self.actor_spans or _STARRING.search(self.text) or "(" in self.text)
        if not casts and not _ACTING.search(self.text):
            return []
        counts = Counter(m.form for m in cands)
        words = Counter(w for m in cands for w in m.form)
        # (a work's title is in the headline or a heading: "Ciarán Doyle's Quarterly" is his film)
        headings = " ".join(self.index.sentences[i].text for i in self.index.meta)
        found = []
        # (the tagger errs: "Bujold's Marguerite" LOC, "Oyelowo's Marcus Okoye" ORG): a name the tagger
        # calls a person elsewhere, or that starts with a given name, is still someone's
        people = {w for m in cands if m.label == "PERSON" for w in m.form}
        given = _gendered("given_names")
        for m in cands:
            match = _ACTOR_POSSESSIVE.search(self.text, max(0, m.char_start - 60), m.char_start)
            named = set(m.form) <= people or m.form[0].lower() in given
            if match is None or m.in_quote or (m.label in NON_PERSON_LABELS and not named):
                continue
            if re.search(rf"\b{re.escape(' '.join(m.form))}\b", headings):
                continue
            fuller = {" ".join(f) for f in counts if set(m.form) <= set(f)}
            if any(name_key(f) in name_list("notable_characters") for f in fuller):
                continue  # "Anne Baxter's Eve" (Harrington): another film's part, recalled
            actor = match.group("actor")
            named_again = counts[m.form] > 1 or any(words[w] > 1 for w in m.form)
            # an actor praised again later is still the actor ("David Oyelowo's Marcus Okoye is a public
            # defender … Oyelowo is superb"), when the part is a full name with a given name; a maker
            # named again before a title is not ("Nolan's Oppenheimer", "Doyle's Flour Run")
            full_name = len(m.form) >= 2 and m.form[0].lower() in given
            if not casts and not full_name:
                continue  # a text that only speaks of roles: "Night Ward's Lights Out" is a show's episode
            if named_again and (self.text.count(actor) == 1 or full_name):
                found.append((m.form, actor, match.start("actor")))
        return found

    def pronoun_is_role(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str, int]]:
        """``Harlan Moss was born to play him. In Solis's comedy he is Walter Duncan, a retired …``: the
        one named last in the sentence before, when that sentence speaks of playing, is the actor."""
        found = []
        by_sentence = _SentenceMentions(cands)
        for match in _PRONOUN_IS_ROLE.finditer(self.text):
            sentence = self._sentence_at(match.start())
            if sentence <= 0:
                continue
            previous = self.index.sentences[sentence - 1]
            if not _TO_PLAY.search(previous.text):
                continue
            before = [m for m in by_sentence.between(sentence - 1, sentence - 1) if not m.in_quote]
            role = tuple(match.group("role").split())
            if len(before) == 1 and len(before[0].form) >= 2 and before[0].form != role:
                actor = " ".join(before[0].form)
                found.append((role, actor, before[0].char_start))
        return found

    def relation_played_by(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str, int]]:
        """``her father (Brendan Gleeson)``, the father named elsewhere ("her father, the trawlerman Con
        Keane"): the actor of the one character the text gives that family word."""
        forms = {m.form for m in cands}
        named: dict[str, set[tuple[str, ...]]] = {}
        for match in _RELATION_NAMED.finditer(self.text):
            form = tuple(match.group("name").split())
            if form in forms:
                named.setdefault(match.group("relation"), set()).add(form)
        found = []
        for match in _RELATION_PLAYED.finditer(self.text):
            holders = named.get(match.group("relation"), set())
            if len(holders) == 1:
                found.append((next(iter(holders)), match.group("actor"), match.start("actor")))
        return found

    def paired_actors(self) -> list[tuple[tuple[str, ...], str, int]]:
        """``the brothers Anders and Emil Skovgaard (Mikkel Aaby and Jonas Wedel-Berg)``: each of the
        two, under the shared surname, gets the actor in the same place of the pair."""
        found: list[tuple[tuple[str, ...], str, int]] = []
        for match in _PAIR_WITH_ACTORS.finditer(self.text):
            surname = match.group("surname")
            found.append(((match.group("first"), surname), match.group("a"), match.start("a")))
            found.append(((match.group("second"), surname), match.group("b"), match.start("b")))
        return found

    def starring_lists(self) -> list[tuple[int, int, str]]:
        """``Starring Lina Haddad, Philip Oduya, Marcus Abney.``, ``(voiced by Ada Lind, Tom Roe and Ben
        Hale)``: every name in the list is an actor, attached to a character or not."""
        spans = []
        for match in _STARRING.finditer(self.text):
            for name in re.finditer(_NAME, match.group("list")):
                if name.group() != "and":
                    start = match.start("list") + name.start()
                    spans.append((start, start + len(name.group()), name.group()))
        return spans

    def real_names(self) -> list[tuple[tuple[str, ...], str]]:
        """``Spud, whose real name is Samuel``, ``Dodge, as his sisters called him, had been christened
        Roger Kinsella``: the name and the nickname it stands behind."""
        return [
            (tuple(m.group("name").split()), m.group("nick"))
            for pattern in (_REAL_NAME, _CHRISTENED, _NICK_THEN_NAME)
            for m in pattern.finditer(self.text)
            if m.group("nick").lower() not in _titles()
        ]

    def the_nickname(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str]]:
        """``… has earned her the nickname "Minutes"``: the nickname of the sentence's subject."""
        found = []
        by_sentence = _SentenceMentions(cands)
        for match in _THE_NICKNAME.finditer(self.text):
            if re.search(r"\bwhom?\b[^,;.]*$", self.text[max(0, match.start() - 60) : match.start()]):
                continue  # "a drifter whom the others nickname “the Swede”": the one before "whom"
            sentence = self._sentence_at(match.start())
            here = by_sentence.between(sentence, sentence)
            subjects = [
                m
                for m in here
                if m.char_end <= match.start() and self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            ]
            before = [m for m in here if m.char_end <= match.start()]
            if subjects or before:
                found.append(((subjects or before)[0].form, match.group("nick")))
        return found

    def called_by_name(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str]]:
        """``The nurses call Oduya “Dr. Biscuit”``: the nickname of the name right before it."""
        by_start = {m.char_start: m for m in cands}
        found = []
        for match in _CALLS_THE_NAME.finditer(self.text):
            m = by_start.get(match.start("name"))
            if m is not None and not m.in_quote:
                found.append((m.form, match.group("nick")))
        return found

    def role_nicknames(self) -> list[tuple[str, str]]:
        """``calls the coach Wally``: (role, nickname) pairs, resolved once the clusters are known."""
        return [(m.group("role"), m.group("nick")) for m in _CALLS_THE_ROLE.finditer(self.text)]

    def called_pronoun(self, cands: Sequence[Mention]) -> list[tuple[tuple[str, ...], str]]:
        """``… everyone calls him Lou``: the nickname of the person named last before it, nearby."""
        found = []
        by_sentence = _SentenceMentions(cands)
        actor_spans = _Spans(self.actor_spans)
        for match in _CALLED_PRONOUN.finditer(self.text):
            nick = _nick_of(match) or _nick_of(match, "known") or match.group("nick2") or match.group("nick3")
            sentence = self._sentence_at(match.start())
            # a nickname told before the frame ("Jojo, as everyone called her") may follow an exchange of
            # lines: its bearer is looked for further back
            reach = 6 if match.group("nick3") else 2
            before = [
                m
                for m in by_sentence.between(sentence - reach, sentence)
                if m.char_end <= match.start()
                and not m.in_quote
                and nick not in m.form
                and not _after_the(self.doc, m.start)
                and not actor_spans.covers(m.char_start)
                and not self._locative(m)
            ]
            if match.group("nick2") is not None and self._names_a_new_one(match.start()):
                continue  # "a lanky defender everyone calls Kilbride": the name of someone new
            if match.group("nick2") is not None and any(
                nick in m.form and m.char_end <= match.start() and not m.in_quote
                for m in by_sentence.between(sentence, sentence)
            ):
                # "Padma Srinivasan, … whom Meenakshi has called Padma Mami since childhood": the name
                # called is the one just named, not a nickname to give anyone else
                continue
            if match.group("nick3") is not None and nick.lower() in word_set("characters", "kinship_names"):
                continue  # "Grandad, as Billie calls him": a family word joins whoever holds the relation
            if match.group("nick3") is not None and _NICK_THEN_NAME.match(self.text, match.start()):
                continue  # "Bex, as her brothers call her, is Rebecca Thorn": the name follows
            if match.group("nick2") is None:
                # "… calls her Gigi", "Grandad, as Billie calls him": not whoever does the calling
                verb = re.search(r"\b(?:call|nickname|dub|know|knew)", match.group())
                callers = _callers(self.doc, self._token_at(match.start() + (verb.start() if verb else 0)))
                owners = {
                    c.i
                    for i in callers
                    for c in self.doc[i].children
                    if c.dep_ == "poss" and c.i not in callers
                }
                theirs = [m for m in before if m.end - 1 in owners and m.sentence == sentence]
                if theirs:
                    # "Tomas's mother, who had always called him Tam": the son of the one calling
                    found.append((theirs[-1].form, nick))
                    continue
                before = [m for m in before if not ({m.end - 1, self.doc[m.end - 1].head.i} & callers)]
            pronoun = re.search(r"\b(him|her)\b", match.group())
            want = {"him": "male", "her": "female"}.get(pronoun.group(1) if pronoun else "", "")
            if match.group("nick") is not None:
                asker = _asked_to_be_called(self.doc, self._token_at(match.start()))
                theirs = [m for m in before if m.sentence == sentence and m.end - 1 in asker]
                if theirs:
                    # "Perpetua Vane, a girl who tells him to call her Pet": the girl, not him
                    found.append((theirs[-1].form, nick))
                    continue
            near = [
                m
                for m in before
                if sentence - m.sentence <= reach
                and (not want or _mention_gender(self.doc, m) in (want, ""))
                and m.label not in ("GPE", "LOC", "NORP", "FAC")
            ]
            caller = re.search(r"\b(he|she)\s+$", self.text[max(0, match.start() - 5) : match.start()], re.I)
            if caller is not None and match.group("nick2") is None:
                # "Ines … Ray keeps the clock running. He calls her Nessie": "He" is the last man named
                by = {"he": "male", "she": "female"}[caller.group(1).lower()]
                # (the caller is the last one named of that sex, whether or not "him"/"her" could be them)
                callers_name = [m for m in before if _mention_gender(self.doc, m) == by][-1:] or [
                    m for m in near if _mention_gender(self.doc, m) == ""
                ][-1:]
                near = [m for m in near if m not in callers_name]
                # "…her sous-chef, Marcus Obi. She calls him Pudding": between the two of them, the one
                # "him" is known to fit (not the film's title, named in between)
                near = [m for m in near if want and _mention_gender(self.doc, m) == want] or near
            sure = [
                m
                for m in near
                if want
                and _mention_gender(self.doc, m) == want
                and _subject_or_its_apposition(self.doc[m.end - 1])
            ]
            near = sure or near  # "The neighbours call her Bernie": the woman acting, not the land agent
            # "X, whom everyone calls Y": the name just before; "… calls him Y": the one "him" stands for,
            # looked for in this sentence first (its subject, else its last name), then in the ones before.
            here = [
                m
                for m in near
                if m.sentence == sentence and (m.label == "PERSON" or self._has_cast_pattern(m))
            ]
            pool = here or near
            if pronoun:
                # "Fathima spots him … where the neighbours know him as Selvam": who does something to
                # "him" is not "him"
                upto = self._token_at(match.start())
                pool = [m for m in pool if not _acts_on_pronoun(self.doc, m, pronoun.group(1), upto)]
                pool = [m for m in pool if _subject_or_its_apposition(self.doc[m.end - 1])] or pool
            surname = re.match(r"[ \t]+([A-Z][\w'’-]+)", self.text[match.end() : match.end() + 40])
            if surname is not None:
                # "Tomas … the men called him Lucky Reid": the nickname keeps the surname of Tomas Reid, the
                # one character of that surname
                bearers = {
                    m.form
                    for m in cands
                    if len(m.form) > 1 and m.form[-1] == surname.group(1) and m.form[0] != nick
                }
                if len(bearers) == 1:
                    found.append((bearers.pop(), f"{nick} {surname.group(1)}"))
                    continue
            if pool:
                found.append((pool[-1].form, nick))
        return found

    def _names_a_new_one(self, at: int) -> bool:
        """ "… a lanky defender everyone calls Kilbride": a common noun right before the callers, with
        no name between them, describes the one called — someone the text has not named before."""
        i = self._token_at(at)
        if i > 1 and self.doc[i].lower_ == "whom" and self.doc[i - 1].text == ",":
            i -= 1  # "Her grandmother, whom everyone including the pupils calls Obaa-chan"
        if i == 0 or self.doc[i - 1].pos_ != "NOUN":
            return False
        head = self.doc[i - 1]
        while True:
            # "Teodor Varga, a chaotic eighteen-year-old everyone calls Toad"; "her father, Frank
            # Achterberg (Liam Cassidy), a retired harbour pilot everybody calls Pop"
            if head.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
                return False
            # ("a shepherd from the slopes whom everyone calls Bear": up through "from the slopes")
            if (
                head.dep_ not in ("appos", "conj", "compound", "amod", "pobj", "prep")
                or head.head.i == head.i
            ):
                return True
            head = head.head

    def _locative(self, m: Mention) -> bool:
        """A place the phrase goes to or is at ("in Belfast"), not a person it falls to ("falls to
        Detective Inspector Rosalind Amankwah")."""
        head = self.doc[m.end - 1]
        return (
            m.label != "PERSON"
            and head.dep_ == "pobj"
            and head.head.lower_ in _LOCATIVE | _DIRECTIONAL | {"on"}
        )

    def nickname_triples(self) -> list[tuple[int, int, str, str, str]]:
        """``First "Nick" Last`` → (start, end, first, nick, last)."""
        pattern = re.compile(
            # on one line: in a cast list, the next line's name is no surname
            rf"(?P<first>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]+"
            rf"[\"“‘'](?P<nick>{_NAME_WORD}(?:[ \t]{_NAME_WORD})?)[\"”’']"
            rf"[ \t]+(?P<last>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)"
        )
        triples = []
        for m in pattern.finditer(self.text):
            start, first = m.start(), m.group("first")
            head, _, rest = first.partition(" ")
            if rest and _AGE.match(head):
                start, first = start + len(head) + 1, rest.lstrip()  # "Sixteen-year-old Abena 'Bee' Mensah"
            triples.append((start, m.end(), first, m.group("nick"), m.group("last")))
        return triples

    # -- clustering -------------------------------------------------------------------------
    def run(self) -> tuple[list[CharacterCluster], list[Mention]]:
        cands = self.candidates()
        triples = self.nickname_triples()
        # Merge "First "Nick" Last" into one mention of the full name, the nickname an alias.
        nick_of_form: dict[tuple[str, ...], str] = {}
        more_nicks: list[tuple[tuple[str, ...], str]] = []  # a second nickname given the same form
        merged: list[Mention] = []
        skip: set[int] = set()
        starts = self._token_starts()
        by_start = _StartIndex(cands)
        for start, end, first, nick, last in triples:
            parts = by_start.within(start, end)
            if not parts:
                continue
            full = tuple(first.split()) + tuple(last.split())
            while len(full) > 2 and (full[0].lower() in _titles() or full[0].lower() in _role_words()):
                full = full[1:]  # "Reporter Steve “Rollo” Porter" is Steve Porter
            first_token = bisect.bisect_left(starts, start)
            last_token = bisect.bisect_left(starts, end)
            head = cands[parts[0]]
            combined = Mention(
                start=first_token,
                end=last_token,
                char_start=start,
                char_end=end,
                text=self.text[start:end],
                sentence=head.sentence,
                in_quote=head.in_quote,
                form=full,
                label=head.label or cands[parts[-1]].label,
            )
            nick_of_form[full] = nick
            skip.update(parts)
            merged.append(combined)
        cands = sorted([m for i, m in enumerate(cands) if i not in skip] + merged, key=lambda m: m.char_start)
        # Actors first: their names are never characters.
        actor_of_form: dict[tuple[str, ...], tuple[str, int]] = {}
        younger: dict[tuple[str, ...], tuple[str, int]] = {}  # the actor of a character at another age
        for m in cands:
            found = self.actor_after(m) or self.actor_before(m)
            if found:
                actor, at = found
                if _AN_AGE_OF.search(self.text, max(0, m.char_start - 24), m.char_start):
                    # "with Jesse Cortland playing the young Walt": an actor, and Walt's only when no other
                    # is named for him
                    younger.setdefault(m.form, (actor, m.sentence))
                    self.actor_spans.append((at, at + len(actor), actor))
                elif actor.split() != list(m.form):
                    actor_of_form.setdefault(m.form, (actor, m.sentence))
                    self.actor_spans.append((at, at + _written_length(self.text, at, actor), actor))
            nickname = self.nickname_after(m)
            if nickname and nickname.lower() not in _titles():
                nick_of_form.setdefault(m.form, nickname)
        for target, nick in (
            self.called_pronoun(cands)
            + self.called_by_name(cands)
            + self.the_nickname(cands)
            + self.real_names()
        ):
            if nick_of_form.get(target, nick) != nick:
                more_nicks.append((target, nick))  # "his mother called him Tam", "the men called him Lucky"
            nick_of_form.setdefault(target, nick)
        for target_form, actor, at in (
            self.pronoun_played_by(cands)
            + self.pronoun_plays(cands)
            + self.possessive_actors(cands)
            + self.pronoun_is_role(cands)
            + self.paired_actors()
            + self.relation_played_by(cands)
        ):
            actor_of_form.setdefault(target_form, (actor, -1))
            self.actor_spans.append((at, at + len(actor), actor))
        for form, (actor, sentence) in younger.items():
            # (not when the grown character has an actor under a longer name: "Walt" of "Walter Duncan")
            grown = any(
                w.lower().startswith(f.lower()) or f.lower().startswith(w.lower())
                for other in actor_of_form
                for w in other
                for f in form
            )
            if actor.split() != list(form) and not grown:
                actor_of_form.setdefault(form, (actor, sentence))
        self.actor_spans.extend(self.starring_lists())
        cands = self._without_actors(cands)
        # Group forms, longest first, into clusters.
        first_seen: dict[tuple[str, ...], int] = {}
        for m in cands:
            first_seen[m.form] = min(m.char_start, first_seen.get(m.form, m.char_start))
        forms = sorted({m.form for m in cands}, key=lambda f: (-len(f), first_seen[f]))
        owners: dict[tuple[str, ...], list[int]] = {}
        holding: dict[str, set[int]] = {}  # a name word -> the clusters whose words include it
        for form in forms:
            words = {w.lower() for w in form}
            matches = _holding_all(holding, words, len(self.clusters))
            if not matches:
                cluster = CharacterCluster(key=len(self.clusters), forms=[form])
                if form in nick_of_form:
                    cluster.nicknames.add(nick_of_form[form])
                self.clusters.append(cluster)
                for word in cluster.words:  # fixed from here on: later forms add no new words
                    holding.setdefault(word, set()).add(cluster.key)
                matches = [cluster.key]
            else:
                for key in matches:
                    if form not in self.clusters[key].forms:
                        self.clusters[key].forms.append(form)
            owners[form] = matches
        for form, nick in [*nick_of_form.items(), *more_nicks]:
            for key in owners.get(form, []):
                self.clusters[key].nicknames.add(nick)
                for nick_form in _nick_forms(nick):
                    if nick_form in owners:
                        for other in _hand_over(owners, nick_form, key):
                            if other != nick_form and other not in self.clusters[key].forms:
                                self.clusters[key].forms.append(other)  # "Ernie" is a name of his too
        self._cast_forms = set(actor_of_form)
        self._join_by_nickname(owners)
        self._merge_short_forms(owners)
        for form, (actor, sentence) in actor_of_form.items():
            keys = owners.get(form, [])
            if len(keys) == 1 and self.clusters[keys[0]].actor is None:
                self.clusters[keys[0]].actor = actor
                self.clusters[keys[0]].actor_sentence = sentence if sentence >= 0 else None
                self.clusters[keys[0]].strong = True
        # Assign each mention; ambiguous short forms go to the cluster seen most recently.
        last_seen: dict[int, int] = {}
        apart: dict[tuple[tuple[str, ...], str], int] = {}
        for m in cands:
            keys = owners.get(m.form, [])
            if not keys:
                continue
            key = keys[0] if len(keys) == 1 else max(keys, key=lambda k: (last_seen.get(k, -1), -k))
            key = self._titled_apart(m, key, sorted(keys, key=lambda k: -last_seen.get(k, -1)), apart)
            m.cluster = key
            last_seen[key] = m.char_start
            cluster = self.clusters[key]
            cluster.mentions.append(m)
            cluster.labels[m.label or "-"] += 1
            cluster.titles.update(m.titles)
            cluster.roles.update(m.roles)
            verb_subject = self.doc[m.end - 1]
            if (
                _human_verb(verb_subject)
                and not _place_answers(m, verb_subject.head)
                and not second_subject(verb_subject)
            ):
                # "Sheffield had said yes": a place that answers is the body behind it, no person
                cluster.human_verbs += 1
                verb = verb_subject.head
                if verb.lemma_.lower() in word_set("quotes", "speech_verbs") and not m.in_quote:
                    # "for Twelve Yards to tell us that …": a work talks to its audience, a person speaks
                    cluster.speaks += not _to_the_audience(verb)
        self.mentions = [m for m in cands if m.cluster is not None]
        for cluster in self.clusters:
            if cluster.nicknames or cluster.titles:
                cluster.strong = True
            if any(form in self.speaking_actors for form in cluster.forms):
                cluster.strong = True
                cluster.real_person = True
                cluster.roles.add("actor")
                for form in cluster.forms:
                    cluster.nicknames.update(self.actor_short_forms.get(form, ()))
        self._roles()
        self._role_nicknames()
        self._kin_identified()
        self._named_outright()
        self._surname_halves()
        self._title_alone()
        self._honoured_or_aged()
        self._kin_names()
        self._kin_named_in_reply()
        return self.clusters, self.mentions

    def _kin_named_in_reply(self) -> None:
        """ "“Dad, leave her alone,” Mum said." — "“I'm only saying, Fiona.”": a given name called out in
        reply to a line the narration gives a character known only by a family word is that character's
        name, when the name is heard only in speech."""
        relation_of = kin_relations()
        named = [m for m in self.mentions if m.kind == "name" and m.cluster is not None]
        by_key = {c.key: c for c in self.clusters}
        for m in named:
            called = by_key.get(m.cluster) if m.cluster is not None else None
            if (
                called is None
                or not m.in_quote
                or len(called.forms) != 1
                or len(called.forms[0]) != 1
                or called.forms[0][0].lower() in relation_of
                or not all(n.in_quote for n in called.mentions)
                or not called_out(self.doc, m)
            ):
                continue
            speaker = by_key.get(tagged_speaker_before(self.doc, m, named) or -1)
            if (
                speaker is None
                or speaker is called
                or len(speaker.forms) != 1
                or len(speaker.forms[0]) != 1
                or speaker.forms[0][0].lower() not in relation_of
            ):
                continue
            called.nicknames.add(speaker.forms[0][0])
            absorb(called, speaker)

    def _surname_halves(self) -> None:
        """ "Bożena Kurek-Nowak" … "Mrs Kurek" … "Mrs Nowak": a surname alone that is one half of exactly
        one character's double surname, and no one else's surname, is that character."""
        halves: dict[str, list[CharacterCluster]] = {}
        surnames: Counter[str] = Counter()
        for c in self.clusters:
            last = {f[-1] for f in c.forms if len(f) > 1}
            surnames.update(last)
            for name in last:
                parts = name.split("-")
                if len(parts) == 2 and all(p[:1].isupper() for p in parts):
                    for part in parts:
                        halves.setdefault(part, []).append(c)
        for c in list(self.clusters):
            if len(c.forms) != 1 or len(c.forms[0]) != 1 or c.actor is not None:
                continue
            word = c.forms[0][0]
            holders = halves.get(word, [])
            if len(holders) != 1 or holders[0] is c or surnames[word] or not c.titles:
                continue  # (only with a title: "Mrs Kurek", not a given name that happens to match)
            holder = holders[0]
            holder.nicknames.update(f"{t} {word}" for t in c.titles)
            absorb(holder, c)

    def _named_outright(self) -> None:
        """ "…ours was Tío Beto. His name was Roberto Salazar": the narration gives the full name of
        someone it has so far called by a short name or a family title, in the next breath."""
        by_start = {m.char_start: m for m in self.mentions if m.kind == "name" and m.cluster is not None}
        by_key = {c.key: c for c in self.clusters}
        for match in _NAME_WAS.finditer(self.text):
            named = by_start.get(match.start("name"))
            full = by_key.get(named.cluster) if named is not None and named.cluster is not None else None
            if named is None or full is None or len(named.form) < 2:
                continue
            before = [
                m
                for m in self.mentions
                if m.kind == "name"
                and not m.in_quote
                and m.cluster is not None
                and m.cluster != full.key
                and named.sentence - 1 <= m.sentence <= named.sentence
                and m.char_end <= match.start()
            ]
            holder = by_key.get(before[-1].cluster) if before and before[-1].cluster is not None else None
            if holder is None or not holder.forms or any(len(f) > 1 for f in holder.forms):
                continue  # only a short name or a title and a name is named outright so
            full.nicknames.update(" ".join(f) for f in holder.forms)
            full.nicknames.update(f"{t} {' '.join(f)}" for t in holder.titles for f in holder.forms)
            absorb(full, holder)

    def _kin_identified(self) -> None:
        """ "Gran, who was Nora Doherty to the market", "Grandad was Mr. Pius Adebayo to the rest of the
        street", "Nan's real name was Iris Mulcahy": the narration says outright whom a family word
        names, so the two are one character."""
        relation_of = kin_relations()
        by_end = {m.end - 1: m for m in self.mentions if m.kind == "name" and m.cluster is not None}
        by_key = {c.key: c for c in self.clusters}
        for kin in list(self.clusters):
            if len(kin.forms) != 1 or len(kin.forms[0]) != 1:
                continue
            word = kin.forms[0][0]
            if word.lower() not in relation_of:
                continue
            for m in kin.mentions:
                if m.in_quote:
                    continue
                holders = [
                    by_key[n.cluster]
                    for n in _identified_as(self.doc[m.end - 1], by_end)
                    if n.cluster is not None and n.cluster in by_key
                ]
                holders = [h for h in holders if h is not kin and h.forms and _may_be(h, word)]
                if not holders:
                    continue
                holder = holders[0]
                holder.nicknames.add(word)
                absorb(holder, kin)
                for other in holders[1:]:  # "who was Nora Doherty to the market and Mrs. Doherty to …"
                    if other is not holder and other.forms:
                        holder.forms.extend(f for f in other.forms if f not in holder.forms)
                        absorb(holder, other)
                break

    def _titled_apart(
        self, m: Mention, key: int, keys: Sequence[int], apart: dict[tuple[tuple[str, ...], str], int]
    ) -> int:
        """ "Mrs Flett" where the only Flett named is Magnus: a surname under a title of the other sex
        than the given name it would join is someone else of that family (his wife, his mother) — or the
        one of that sex among several of the name ("Mrs Haig" of Bill and Doreen Haig)."""
        titles = _titles()
        said = {titles.get(t.lower(), "unknown") for t in m.titles} - {"unknown"}
        if len(said) != 1 or len(m.form) != 1:
            return key
        (gender,) = said
        holder = self.clusters[key]
        named = _named_sex(holder)
        if named in ("unknown", gender) or not any(len(f) > 1 for f in holder.forms):
            return key
        # (``keys`` come most recently seen first)
        # everyone of that surname, not only those the short form was grouped with ("Mr Park" of Park
        # Dong-hoon when "Park" went to his daughter Park Min-ji)
        word = m.form[0]
        keys = [*keys, *(c.key for c in self.clusters if c.key not in keys and _bears_surname(c, word))]
        fitting = [k for k in keys if _named_sex(self.clusters[k]) == gender]
        fitting = fitting or [
            k
            for k in keys
            if _named_sex(self.clusters[k]) == "unknown"
            and any(len(f) > 1 and len(f[0].rstrip(".")) > 1 for f in self.clusters[k].forms)
        ]  # (a full given name of no known sex: "Dong-hoon Park"; not "M. Tregear")
        if fitting:
            return fitting[0]
        if (m.form, gender) not in apart:
            cluster = CharacterCluster(key=len(self.clusters), forms=[m.form])
            self.clusters.append(cluster)
            apart[(m.form, gender)] = cluster.key
        return apart[(m.form, gender)]

    def _title_alone(self) -> None:
        """ "Dolly Bua" … "Bua, please."; "Nana Bell" … "Nana says": a family title said alone is the one
        character who carries it before or after a name."""
        family = word_set("characters", "kinship_names") | set(_titles_after_name()) | FAMILY_TITLES
        for alone in list(self.clusters):
            if len(alone.forms) != 1 or len(alone.forms[0]) != 1 or alone.nicknames or alone.actor:
                continue
            word = alone.forms[0][0].lower()
            if word not in family:
                continue
            holders = [c for c in self.clusters if c is not alone and c.forms and word in _lowered(c.titles)]
            if len(holders) != 1:
                continue
            holders[0].nicknames.add(alone.forms[0][0])
            absorb(holders[0], alone)

    def _honoured_or_aged(self) -> None:
        """ "Mori-san", "Arakawa-sensei", "Young Ray Docker", "Old Tomás": a name with an honorific glued
        after it, or with an age before it, is the one character of that name."""
        for marked in list(self.clusters):
            if len(marked.forms) != 1 or marked.actor:
                continue
            base = _without_honorific_or_age(marked.forms[0])
            if base is None:
                continue
            holders = [
                c
                for c in self.clusters
                if c is not marked
                and c.forms
                and any(_form_names(f, base) for f in [*c.forms, *((n,) for n in c.nicknames)])
            ]
            if len(holders) != 1:
                continue
            holders[0].nicknames.add(" ".join(marked.forms[0]))
            absorb(holders[0], marked)

    def _kin_names(self) -> None:
        """ "her father, Amos Vale" … "Dad came in": a family word joins the one character of that role."""
        relation_of = kin_relations()
        for kin in self.clusters:
            if len(kin.forms) != 1 or len(kin.forms[0]) != 1 or kin.nicknames:
                continue
            relation = relation_of.get(kin.forms[0][0].lower())
            if relation is None:
                continue
            # "her father, Amos Vale" (role father) or "His Da, Francis Kinsella" (role da)
            holders = [
                c for c in self.clusters if c is not kin and c.forms and c.roles & _relation_words(relation)
            ]
            if not holders:
                kin.roles.add(relation)  # "My father … Dad": the family word is who "my father" means
            if len(holders) != 1 or (
                all(m.in_quote for m in kin.mentions) and any(_kin_called(self.doc, m) for m in kin.mentions)
            ):
                # ("“You're starting, Dad,” says his daughter" — a family word called out in speech is
                # whoever the speaker talks to: the lines it is said in decide, see family_words_called;
                # one only talked about, "Mam's waiting on results", is the one of that relation)
                continue
            holders[0].nicknames.add(kin.forms[0][0])
            absorb(holders[0], kin)

    def _self_named_relations(self, relations: AbstractSet[str]) -> None:
        """ "“Call me Farid,” my father said": Farid is the father."""
        for at, relation in _self_naming_tagged(self.text):
            if relation not in relations:
                continue
            m = next((n for n in self.mentions if n.char_start == at and n.cluster is not None), None)
            cluster = next((c for c in self.clusters if m is not None and c.key == m.cluster), None)
            if cluster is not None:
                cluster.roles.add(relation)

    def _role_nicknames(self) -> None:
        """ "Everyone calls the coach Wally": Wally joins the one character with that title or role."""
        pairs = self.role_nicknames()
        if not pairs:
            return
        # Titles and roles stay as they are here, and forms are only ever emptied: clusters looked up
        # by role, or by a lone one-word form, are re-checked below against their current forms.
        with_role: dict[str, list[CharacterCluster]] = {}
        with_lone_form: dict[str, list[CharacterCluster]] = {}
        for c in self.clusters:
            for role in {t.lower() for t in c.titles} | c.roles:
                with_role.setdefault(role, []).append(c)
            if len(c.forms) == 1 and len(c.forms[0]) == 1:
                with_lone_form.setdefault(c.forms[0][0], []).append(c)
        for role, nick in pairs:
            holders = [c for c in with_role.get(role, []) if c.forms and c.forms != [(nick,)]]
            if len(holders) != 1:
                continue
            holder = holders[0]
            holder.nicknames.add(nick)
            for other in with_lone_form.get(nick, []):
                if other is not holder and other.forms == [(nick,)]:
                    absorb(holder, other)

    def _join_by_nickname(self, owners: dict[tuple[str, ...], list[int]]) -> None:
        """A one-word name whose other name is the first name of someone's full name is that someone:
        "Dee (nobody but her grandmother calls her Dolores)" and "Dolores Kowalski"."""
        for short in self.clusters:
            if not short.forms or any(len(f) > 1 for f in short.forms):
                continue
            for nick in sorted(n for n in short.nicknames if " " not in n):
                targets = {
                    key for form, keys in owners.items() if len(form) > 1 and form[0] == nick for key in keys
                } - {short.key}
                if len(targets) != 1:
                    continue
                full = self.clusters[targets.pop()]
                for form in short.forms:
                    owners[form] = [full.key]
                    if form not in full.forms:
                        full.forms.append(form)
                full.nicknames |= {n for n in short.nicknames if n != nick} | {short.forms[0][0]}
                short.forms, short.nicknames = [], set()
                break

    def _merge_short_forms(self, owners: dict[tuple[str, ...], list[int]]) -> None:
        """A lone short form ("Abby", "Lou") joins the one character whose first name it shortens, and a
        lone full name ("Kevin") the one whose first name is its short form ("Kev Dromgoole")."""
        diminutives: dict[str, list[str]] = {
            str(k).lower(): [str(v).lower() for v in vs]
            for k, vs in (self.lex.get("diminutives") or {}).items()
        }
        reverse: dict[str, set[str]] = {}
        for full, shorts in diminutives.items():
            for short_form in shorts:
                reverse.setdefault(short_form, set()).add(full)
        firsts: dict[int, set[str]] = {}
        by_first: dict[str, set[int]] = {}
        for cluster in self.clusters:
            names = {f[0].lower() for f in cluster.forms} | {
                n.lower() for n in cluster.nicknames if " " not in n
            }
            firsts[cluster.key] = names
            for name in names:
                by_first.setdefault(name, set()).add(cluster.key)
        # given names that some character also has with a surname ("Kev Dromgoole")
        full_firsts = {f[0].lower() for c in self.clusters for f in c.forms if len(f) > 1}
        # full names written as one word ("Pee-Wee" for "Pee Wee")
        run_together = {
            sep.join(f).lower() for c in self.clusters for f in c.forms if len(f) > 1 for sep in ("", "-")
        }
        by_initial: dict[str, set[str]] = {}
        ends: dict[str, set[str]] = {}  # "bert" -> {"cuthbert"}: names by the ends they could be clipped to
        for name in by_first:
            by_initial.setdefault(name[:1], set()).add(name)
            for cut in range(3, len(name) - 2):
                ends.setdefault(name[cut:], set()).add(name)
        genders = _gendered("given_names")
        for form, keys in list(owners.items()):
            if len(form) != 1 or len(keys) != 1:
                continue
            own = self.clusters[keys[0]]
            if form not in own.forms or any(len(f) > 1 for f in own.forms):
                continue  # a nickname of its owner ("Pip" of "Pipkin") is not the owner's name to give away
            short = form[0].lower()
            if short in word_set("characters", "kinship_names"):
                continue  # "Da" is a father, not the start of "Darcy"
            # Only names sharing the first letter, or listed as the full form of this short one, can match.
            clipped = {name for name in ends.get(short, ()) if _clipped_end(short, name, genders)}
            pool = (by_initial.get(short[:1], set()) | reverse.get(short, set()) | clipped) - word_set(
                "characters", "kinship_names"
            )
            targets = sorted(
                {
                    key
                    for name in pool
                    # "Abby" joins "Abigail Stone"; "Kevin" joins "Kev Dromgoole" (a full name, so that
                    # lone "Toby" and lone "Tobias" never swallow each other)
                    if _shortens(short, name, diminutives)
                    or (
                        len(name) >= 3
                        and _shortens(name, short, diminutives)
                        and name in full_firsts
                        # (a given name, not "Newfoundland" of "New York")
                        and (short in genders or census_name(short) or short in run_together)
                    )
                    for key in by_first.get(name, ())
                    # not "Emerald City"; not a character already merged into another ("Petty" into "Pet")
                    if key != own.key
                    and self.clusters[key].forms
                    and not _named_like_a_thing(self.clusters[key])
                }
            )
            if len(targets) > 1:
                # "Kit" shortens both a lone "Kitkat" and "Katherine Adebayo": the one with a full name
                targets = [k for k in targets if any(len(f) > 1 for f in self.clusters[k].forms)]
            if len(targets) == 1 and not (
                form in self._cast_forms
                and any(f in self._cast_forms for f in self.clusters[targets[0]].forms)
            ):  # "Harry (Todd Karns)" is not "Henry F. Potter (Lionel Barrymore)": both are cast
                target = self.clusters[targets[0]]
                target.nicknames.add(form[0])
                target.nicknames.update(own.nicknames)
                owners[form] = [target.key]
                for nick in own.nicknames:
                    if (nick,) in owners:
                        owners[(nick,)] = [target.key]
                own.forms.remove(form)
        self._merge_short_full_names(owners, diminutives)

    def _merge_short_full_names(
        self, owners: dict[tuple[str, ...], list[int]], diminutives: dict[str, list[str]]
    ) -> None:
        """ "Bea Lindgren" and "Beatrix Lindgren" (or "B. Lindgren"): the same surname after a short form
        or the initial of the first name."""
        # surname -> clusters that have (or had) a full name ending with it: only those can match
        by_surname: dict[str, set[int]] = {}
        for cluster in self.clusters:
            for f in cluster.forms:
                if len(f) >= 2:
                    by_surname.setdefault(f[-1], set()).add(cluster.key)
        for form, keys in list(owners.items()):
            if len(form) < 2 or len(keys) != 1:
                continue
            own = self.clusters[keys[0]]
            targets = {
                key
                for key in by_surname.get(form[-1], ())
                if key != own.key
                and any(
                    len(f) >= 2
                    and f[-1] == form[-1]
                    and (
                        _shortens(form[0].lower(), f[0].lower(), diminutives)
                        or _initial_of(form[0], f[0])  # "P. Harland" is "Peter Harland"
                    )
                    for f in self.clusters[key].forms
                )
            }
            if len(targets) != 1:
                continue
            target = self.clusters[targets.pop()]
            if any(f in self._cast_forms for f in own.forms) and any(
                f in self._cast_forms for f in target.forms
            ):
                continue
            if not _INITIALS.match(form[0]):
                target.nicknames.add(form[0])
            for moved in list(own.forms):
                target.forms.append(moved)
                owners[moved] = [target.key]
                if len(moved) >= 2:
                    by_surname.setdefault(moved[-1], set()).add(target.key)
            own.forms.clear()

    def _without_actors(self, cands: list[Mention]) -> list[Mention]:
        """Drop actor names: inside an actor span, or a short form of an actor name ("Gosling").

        An actor the text quotes or interviews ("Ellis told me") is a real person talked about: those
        mentions stay, under the actor's full name, and the cluster becomes a ``person``.
        """
        actor_names = {a for _, _, a in self.actor_spans}
        spans = _Spans(self.actor_spans)
        in_span = [spans.covers(m.char_start) for m in cands]
        actors = {a: frozenset(w.lower() for w in a.split()) for a in actor_names}
        actor_sets = set(actors.values())
        character_words = {
            frozenset(w.lower() for w in m.form)
            for m, inside in zip(cands, in_span, strict=True)
            if not inside and " ".join(m.form) not in actor_names and len(m.form) > 1
        } - actor_sets
        actor_index = _SupersetIndex(list(actors.values()))
        character_index = _SupersetIndex(list(character_words))
        actor_list = list(actors)
        kept = []
        for m, inside in zip(cands, in_span, strict=True):
            if inside:
                continue
            words = {w.lower() for w in m.form}
            first_actor = actor_index.first_superset(words)
            owner = actor_list[first_actor] if first_actor is not None else None
            also_character = character_index.first_superset(words) is not None
            if (owner is None or also_character) and " ".join(m.form) not in actor_names:
                kept.append(m)
                continue
            if owner is not None and self._speaks(m):
                if m.form != tuple(owner.split()):
                    self.actor_short_forms.setdefault(tuple(owner.split()), set()).add(" ".join(m.form))
                m.form = tuple(owner.split())
                self.speaking_actors.add(m.form)
                kept.append(m)
        return kept

    def _speaks(self, m: Mention) -> bool:
        """Is this mention the subject of a speech verb, or in a sentence about an interview?"""
        head = self.doc[m.end - 1]
        speech = word_set("quotes", "speech_verbs")
        sentence = self.index.sentences[m.sentence]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in speech:
            # saying something to us, not saying lines in the film ("Thapa says perhaps forty words in the
            # whole film"): a clause said, or words quoted
            verb = head.head
            if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or any(
                t.is_quote for t in sentence
            ):
                return True
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "to"
            and head.head.head.lemma_.lower() in ("speak", "talk")
        ):
            return True
        if _ASKED_BY_US.search(sentence.text):
            return True  # "Whitlock was equally blunt when we asked her about the final scene: …"
        return any(t.lower_ in word_set("characters", "interview_cues") for t in sentence)

    # -- roles (appositions and compounds) ----------------------------------------------------
    def _roles(self) -> None:
        """Role nouns the text puts next to a name: "the engineer, Tobias Reyne", "drummer Otis Bell"."""
        doc = self.doc
        relations = set(_gendered("relation_gender"))
        self._self_named_relations(relations)
        for cluster in self.clusters:
            for m in cluster.named_mentions:
                if m.in_quote and called_out(doc, m):
                    continue  # "Because she's your nan, Meg.": Meg is the one spoken to, not the nan
                head = doc[m.end - 1]
                # (not the actor in brackets: "Otto (Karl Markovics), the barman")
                appositions = [c for c in head.children if c.dep_ == "appos" and not c.is_title]
                for child in head.children:
                    # (a lower-case word the tagger took for a name is a noun: "Fergus, the barman")
                    noun = child.pos_ == "NOUN" or (child.pos_ == "PROPN" and child.is_lower)
                    if child.dep_ in ("appos", "compound") and noun and child.i < m.start:
                        if child.dep_ == "compound" and any(
                            c.dep_ == "det" and c.lower_ in ("a", "an")
                            for c in (*child.children, *head.children)
                        ):
                            continue  # "a road Kojo looks down": the parser's compound, no role
                        cluster.roles.add(_role_of(child))
                    elif child.dep_ == "appos" and noun and len(appositions) == 1:
                        cluster.roles.add(_role_of(child))  # one apposition, not a list of things
                kin = _kin_word_before(doc, m.start, relations)
                if kin:
                    cluster.roles.add(kin)  # "his aunt Agnis", whatever the parser made of the pair
                if head.dep_ == "appos" and (
                    head.head.pos_ == "NOUN" or head.head.lower_ in word_set("characters", "kinship_names")
                ):
                    cluster.roles.add(
                        head.head.lower_ if head.head.pos_ == "PROPN" else head.head.lemma_.lower()
                    )
                    # ("His Da, Francis Kinsella": the family word, tagged as a name, is the role)
                if head.dep_ == "attr" and head.head.lemma_ == "be":
                    # "Her grandmother was Edith Lennie": the subject of the copula is the role
                    subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in relations:
                        cluster.roles.add(subject.lemma_.lower())
                called = head.head
                if (
                    head.dep_ in ("oprd", "xcomp", "attr", "dobj")
                    and called.lemma_.lower() in ("call", "name")
                    and called.dep_ == "acl"
                    # (or a people's name the tagger calls a name: "a dry old Scot named Gorran")
                    and (called.head.pos_ == "NOUN" or called.head.ent_type_ in ("NORP", "PERSON"))
                    and called.head.lemma_.lower() not in word_set("characters", "person_roles")
                ):
                    # "a thin, tidy man called Pettigrew" (but "a journalist named Corinne Abbas" is how a
                    # story brings someone in, not how it talks about a real journalist)
                    cluster.roles.add(called.head.lemma_.lower())
                    # "the developer, a soft-spoken man named Gareth Pryce": the noun right before the
                    # apposition (the parse may hang the apposition on another noun)
                    edge = called.head.left_edge.i
                    described = doc[edge - 2] if edge >= 2 else doc[edge]
                    if (
                        called.head.dep_ == "appos"
                        and doc[edge - 1].text == ","
                        and described.pos_ == "NOUN"
                        and described.lemma_.lower() not in word_set("characters", "person_roles")
                    ):
                        cluster.roles.add(described.lemma_.lower())
                if (
                    m.start >= 3
                    and doc[m.start - 1].lower_ == "the"
                    and doc[m.start - 2].text == ","
                    and doc[m.start - 3].pos_ == "NOUN"
                    and head.dep_ not in ("compound", "amod")  # not "partner, the Welsh guide Huw Daniels"
                ):
                    # "the brother's trawler, the Morwenna, went down": an apposition the parse missed
                    cluster.roles.add(doc[m.start - 3].lemma_.lower())
                before = doc[m.start - 1] if m.start > 0 else None
                if before is not None and before.pos_ == "NOUN" and before.head.i in range(m.start, m.end):
                    cluster.roles.add(before.lemma_.lower())
                elif before is not None and before.lower_ in word_set("characters", "person_roles"):
                    cluster.roles.add(
                        before.lower_
                    )  # "credited to director Victor Fleming", whatever its tag
                # "Director: Owain Pritchard."
                if (
                    m.start >= 2
                    and doc[m.start - 1].text == ":"
                    and doc[m.start - 2].lower_ in word_set("characters", "person_roles")
                ):
                    cluster.roles.add(doc[m.start - 2].lower_)


def _self_naming_tagged(text: str) -> list[tuple[int, str]]:
    """(Offset of the name, relation) for lines that give their speaker's name and are tagged to a
    relation: "“Call me Farid,” my father said", "“It's Odile,” said his mother"."""
    return [(m.start("name"), m.group("rel") or m.group("rel2")) for m in _SELF_NAMED_TAGGED.finditer(text)]


_SELF_NAMED_TAGGED = re.compile(
    r"[\"“](?:[^\"”\n]*?[.!?]\s+)?(?:[Mm]y name(?:'s|’s| is)|I am|I'm|I’m|[Cc]all me)\s+"
    r"(?P<name>[A-Z][\w'’\-]+)[^\"”\n]{0,80}[,.!?]?[\"”]\s*,?\s*"
    r"(?:(?:my|his|her|their|our) (?P<rel>[a-z]+) (?:said|says|told|tells|replied|replies|added)"
    r"|(?:said|says|replied|added) (?:my|his|her|their|our) (?P<rel2>[a-z]+))\b"
)


def _kin_word_before(doc: Doc, start: int, relations: set[str]) -> str:
    """The family word written right before a name, lower-case and owned ("his aunt Agnis", "her
    brother Tomasz"), or "". The parser does not always join the two (it may make both subjects of the
    verb), but nothing else stands between a possessive and a name."""
    if start < 2:
        return ""
    word, owner = doc[start - 1], doc[start - 2]
    if not word.is_lower or word.lemma_.lower() not in relations:
        return ""
    return word.lemma_.lower() if owner.tag_ == "PRP$" or owner.dep_ == "poss" else ""


def _role_of(noun: Token) -> str:
    """The role a noun next to a name gives: "the clinical director, Ngozi Achebe" is a hospital's
    director, not a film-maker; "the Danish director" and "the casting director" stay directors."""
    lemma = noun.lemma_.lower()
    roles = word_set("characters", "person_roles")
    modifier = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i), None)
    if lemma not in roles:
        # a role of two words: "stunt performer", where a performer alone is the story's
        together = f"{modifier.lower_} {lemma}" if modifier is not None else lemma
        return together if together in roles else lemma
    domain = word_set("characters", "making_domain")
    if modifier is None or modifier.lower_ in domain or modifier.ent_type_ in ("NORP", "GPE"):
        return lemma
    return f"{modifier.lower_} {lemma}"


#: Nouns for a made work: "X's film", "Lucien Ferrat's kitchen drama", "her debut" make X its maker.
_WORK_NOUNS = frozenset(
    {
        "film",
        "movie",
        "feature",
        "picture",
        "script",
        "screenplay",
        "direction",
        "camera",
        "debut",
        "adaptation",
        "follow-up",
        "oeuvre",
        "filmography",
        "cinematography",
        "staging",
        "drama",
        "thriller",
        "comedy",
        "documentary",
        "musical",
        "western",
        "melodrama",
        "satire",
        "epic",
        "noir",
        "sequel",
        "remake",
        "horror",
        "biopic",
        "miniseries",
        "short",
        "chiller",
        "caper",
        "romcom",
        "weepie",
        "two-hander",
        "procedural",
        "farce",
        "potboiler",
    }
)


#: Nouns that name a work only when their owner is a minor name ("Hanne Sollberg's small romance"):
#: a story's own characters have romances and novels too.
_GENRE_NOUNS = frozenset(
    {
        "romance",
        "novel",
        "book",
        "story",
        "series",
        "show",
        "mystery",
        "fantasy",
        "tale",
        "play",
        "fable",
        "saga",
        "tragedy",
        "memoir",
        "score",
        "soundtrack",
        "screenplay",
    }
)


_WRITING_FOR = re.compile(
    r"\b(?:[Ww]riting|wrote|writes)(?: in (?:his|her|their|a) (?:review|column|piece|notice))? (?:in|for|at) "
    r"(?:the |The )?[A-Z]"
)
_CREDIT = re.compile(r"\b(?:Photo|Photograph|Image|Still|Credit|Courtesy)s?\s*(?::|by)\s*$")
#: The end of a credit's field: the line ends, a bar or bullet follows, or the next credit ("Four stars. By
#: Ada Holm" ends its line; "By Sunday, Paul has gone" does not).
_FIELD_END = re.compile(r"^\s*(?:$|\n|[|•·]|\.\s*(?:Starring|With|Cast)\b|\.?\s*\d+\s*min)")
#: A craft of a film credited to a name: "The score, by …", "cinematography is by …".
_CRAFT_BY = re.compile(
    r"\b(?:score|soundtrack|music|screenplay|cinematography|photography|editing|costumes"
    r"|production design|choreography|sound design)\s*,?\s*(?:(?:is|was|are|were)\s+)?"
    r"(?:(?:composed|written|shot|cut|done)\s+)?by\s+$",
    re.IGNORECASE,
)


_AT_OUTLET = re.compile(
    r"^\s*,?\s*(?:at|of|for|from)\s+(?:the\s+|The\s+)?(?P<outlet>(?:[A-Z][\w'’&-]*\s*){1,4})"
)


def _critic_context(doc: Doc, m: Mention, index: StoryIndex) -> bool:
    """ "Writing in the Gazette, Femi Adeyinka called…", "the Chicago Ledger's Hal Imrie": critics."""
    sent = index.sentences[m.sentence]
    head = doc[m.end - 1]
    if _WRITING_FOR.search(index.sentence_texts[m.sentence]) and head.dep_ in ("nsubj", "nsubjpass", "appos"):
        return True
    before = doc[max(sent.start, m.start - 5) : m.start]
    if len(before) >= 2 and before[-1].tag_ == "POS" and _names_an_outlet(before[-2]):
        return True
    outlet = _AT_OUTLET.match(index.text[m.char_end : m.char_end + 60])
    outlets = word_set("characters", "organisation_words")
    if outlet and any(w.lower().strip("'’") in outlets for w in outlet.group("outlet").split()):
        return True  # "Amara Singh at Screen Weekly", "Jonah Pike of The Ledger"
    if outlet and head.dep_ == "nsubj" and head.head.lemma_.lower() in _VERDICT_VERBS:
        return True  # "Saoirse Hendley of The Flicker called the fantasy …"
    if _CRAFT_BY.search(index.text[max(0, m.char_start - 60) : m.char_start]):
        return True  # "The score, by Marisol Quintero, …", "cinematography by Ada Holm"
    if _CREDIT.search(index.text[max(0, m.char_start - 20) : m.char_start]):
        return True
    return _credited(index.text, m)


def _credited(text: str, m: Mention) -> bool:
    """ "Dir. Sabine Coulibaly | 112 min", "Four stars. By Tamsin Vale": a name in a credit or a byline,
    a field of its own in a listing line."""
    before = text[max(0, m.char_start - 30) : m.char_start]
    credit = _CREDIT_LEAD.search(before)
    if credit is None:
        return False
    # "By" also opens plain sentences ("By Sunday, Paul has gone"): as a byline the name is all there is
    return credit.group("role").lower() != "by" or bool(_FIELD_END.match(text[m.char_end : m.char_end + 20]))


_VERDICT_OBJECTS = frozenset(
    {
        "film",
        "movie",
        "ending",
        "finale",
        "reel",
        "scene",
        "sequence",
        "performance",
        "picture",
        "it",
        "twist",
        "climax",
        "script",
        "story",
        "show",
        "series",
        "episode",
        "book",
        "novel",
    }
)


_CRITIC_WORDS = frozenset({"critic", "reviewer", "review", "critique", "colleague"})


def _quoted_verdict(head: Token) -> bool:
    """ "Ruben Castaigne called the last reel “a magic trick…”": a critic's verdict on the work; "Marcus
    Oyelaran wrote that the film “loses its nerve”": a review's claim about it, in the reviewer's words."""
    if head.dep_ == "appos" and head.head.dep_ == "nsubj":
        head = head.head  # "My colleague Harold Ng called the film …"
    verb = head.head
    if head.dep_ != "nsubj":
        return False
    if verb.lemma_ in ("write", "argue", "complain", "observe", "suggest", "conclude"):
        claims = [c for c in verb.children if c.dep_ == "ccomp"]
        quoted = [c for c in claims if any(t.is_quote for t in c.subtree)]
        about_work = any(
            t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in _VERDICT_OBJECTS
            for c in quoted
            for t in c.children
        )
        # "Some critics think so. Helena Straithe wrote that the final hand-over “plays like
        # wish-fulfilment”"; "Other critics were less kind; Owen Prideaux wrote that Daniel was …"
        doc = head.doc
        near = doc[max(0, head.sent.start - 40) : head.sent.end]
        among_critics = any(t.lemma_.lower() in _CRITIC_WORDS for t in near)
        return (bool(quoted) and (about_work or among_critics)) or (bool(claims) and among_critics)
    if verb.lemma_ not in ("call", "describe", "dub", "label", "praise", "pan"):
        return False
    return any(c.dep_ in ("dobj", "oprd") and c.lemma_.lower() in _VERDICT_OBJECTS for c in verb.children)


def _names_an_outlet(token: Token) -> bool:
    outlets = word_set("characters", "organisation_words")
    return any(t.lower_ in outlets for t in token.subtree if t.is_title)


#: Making verbs that are everyday actions too ("he shoots the shark"): a real person only with a work.
_AMBIGUOUS_MAKING = frozenset(
    {"shoot", "film", "cast", "edit", "produce", "score", "adapt", "create", "review"}
)


def _makes_a_work(verb: Token, person_verbs: frozenset[str]) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ("write", "make"):  # "who also wrote the script", "has made a film about grief";
        # characters write letters and books, and make boats
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _WORK_NOUNS for c in verb.children)
    if lemma not in person_verbs:
        return False
    if lemma not in _AMBIGUOUS_MAKING:
        return True
    works = _WORK_NOUNS | _VERDICT_OBJECTS
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in works or c.ent_type_ == "WORK_OF_ART")
        for c in verb.children
    )


#: Real people talked about are named a few times; the story's people many.
_BRIEF = 4


#: Books a film is made from: "the novel by Clive Rendle" names a real author.
_BOOKS = frozenset({"novel", "novella", "memoir"})


def _the_work(noun: Token) -> Token:
    """The noun a maker is named after: "the novel of the same name" stands for "the novel"."""
    if noun.lemma_.lower() == "name" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def _person_evidence(cluster: CharacterCluster, doc: Doc, index: StoryIndex) -> bool:
    """Does the text mark this name as a real person (a director, a critic, a writer)?"""
    if cluster.actor is not None:
        return False
    if cluster.real_person:
        return True
    # Roles and making verbs are also the occupations of characters ("a film director", "he shoots"):
    # they mark a real person only when the text talks about the name briefly.
    brief = len(cluster.named_mentions) <= _BRIEF
    if brief and cluster.roles & word_set("characters", "person_roles"):
        return True
    person_verbs = word_set("characters", "person_verbs")
    interview = word_set("characters", "interview_cues")
    for m in cluster.named_mentions:
        head = doc[m.end - 1]
        verb = head.head
        first = head
        while first.dep_ in ("conj", "appos") and first.head.i != first.i:
            # "written by Terry Gilliam, Tom Stoppard and Charles McKeown", "by the saxophonist Leke Arinze"
            first = first.head
        by = first.head
        made = (
            (brief and head.dep_ == "nsubj" and _makes_a_work(verb, person_verbs))
            or (first.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in person_verbs)
            # "written by Joaquín Ashby-Vidal": writing is a character's act too, so only when brief
            or (
                brief
                and first.dep_ == "pobj"
                and by.lower_ == "by"
                and by.head.lemma_.lower() == "write"
                and _about_a_work(by.head, person_verbs)
            )
            # "the second feature from Petronella Adjei", "a screenplay by Pieter Assad", "the novel of the
            # same name by Clive Rendle"
            or (
                first.dep_ == "pobj"
                and by.lower_ in ("from", "by")
                and _the_work(by.head).lemma_.lower() in _WORK_NOUNS | _BOOKS
            )
            or (brief and first.dep_ == "pobj" and by.lower_ == "by" and by.head.ent_type_ == "WORK_OF_ART")
            # "who wrote the screenplay with Tom Stoppard and Charles McKeown"
            or (
                first.dep_ == "pobj"
                and by.lower_ == "with"
                and (
                    (by.head.pos_ == "VERB" and _makes_a_work(by.head, person_verbs))
                    or (by.head.lemma_.lower() in _WORK_NOUNS and _makes_a_work(by.head.head, person_verbs))
                )
            )
            # "owes a debt to Jacques Demy", "a nod to Hitchcock": an influence is a real maker
            or (
                brief
                and first.dep_ == "pobj"
                and by.lower_ == "to"
                and _an_influence(by.head)
                and cluster.labels.get("PERSON", 0) > 0
            )
            # "she has clearly read her Kazuo Ishiguro": a name a person reads is an author
            or (brief and head.dep_ == "dobj" and _read_by_someone(verb) and not head.text.isupper())
        )
        if _critic_context(doc, m, index) or _quoted_verdict(head):
            return True
        for clause in head.children:
            if clause.dep_ == "relcl" and any(
                _makes_a_work(v, person_verbs) for v in [clause, *clause.conjuncts] if v.pos_ == "VERB"
            ):
                return True  # "Miriam Tolland, who created the series and directed the finale"
        owned = head.head
        while owned.dep_ in ("compound", "amod") and owned.head.i != owned.i:
            owned = owned.head  # "Lucien Ferrat's kitchen drama"
        works = _WORK_NOUNS | (_GENRE_NOUNS if len(cluster.named_mentions) <= 3 else frozenset())
        owns_work = head.dep_ == "poss" and (
            owned.lemma_.lower() in works or owned.ent_type_ == "WORK_OF_ART"
        )
        if not owns_work and m.end < len(doc) and doc[m.end].tag_ == "POS":
            for nxt in doc[m.end + 1 : m.end + 9]:  # "X's twisty, tender time-travel drama"
                if nxt.pos_ in ("AUX", "ADP") or (nxt.pos_ == "VERB" and nxt.tag_ not in ("VBN", "VBG")):
                    break
                owns_work = owns_work or nxt.lemma_.lower() in works
        # "Leena Mäkelä's The Second": a name owning a title
        owns_title = (
            m.end + 2 < len(doc)
            and doc[m.end].tag_ == "POS"
            and _a_title_follows(doc, m.end + 1)
            and not _after_the(doc, m.start)  # "The Surveyor's Winter" is a title, not its maker
        )
        if made or owns_work or owns_title:
            # The maker of the work: "the director" / "the filmmaker" later refers to them.
            cluster.roles.update(("director", "filmmaker"))
            return True
        sent = index.sentences[m.sentence]
        if (
            head.dep_ == "nsubj"
            and verb.lemma_ in ("say", "tell", "explain", "add", "note", "admit", "write")
            and any(t.lower_ in interview or t.lemma_.lower() in interview for t in sent)
        ):
            return True
        if (
            head.dep_ == "nsubj"
            and verb.lemma_ == "tell"
            and any(
                c.dep_ in ("dobj", "dative")
                and (c.ent_type_ in ("ORG", "WORK_OF_ART") or _names_an_outlet(c))
                for c in verb.children
            )
        ):
            return True  # "Mäkelä told the Nordic Film Journal"
    return False


_NICK_ARTICLES = frozenset({"the", "il", "la", "le", "el", "lo", "der", "die", "das"})


def absorb(holder: CharacterCluster, other: CharacterCluster) -> None:
    """``other`` was ``holder`` all along: its mentions move over, and it is left without forms."""
    for m in other.mentions:
        m.cluster = holder.key
    holder.mentions.extend(other.mentions)
    holder.mentions.sort(key=lambda m: m.start)
    holder.labels.update(other.labels)
    holder.human_verbs += other.human_verbs  # what "Pops" did, Clem did
    holder.speaks += other.speaks
    holder.roles |= other.roles
    other.mentions, other.forms = [], []


def family_words(cluster: CharacterCluster) -> list[str]:
    """The words that may call a character by a family relation: titles ("Abuela Chayo"), one-word names
    ("Gran") and nicknames."""
    return [*cluster.titles, *(f[0] for f in cluster.forms if len(f) == 1), *cluster.nicknames]


@cache
def kin_relations() -> Mapping[str, str]:
    """Every family word of ``kinship_relations`` in characters.yaml, lower case, and the relation it
    names ("mum" → "mother", "da" → "father")."""
    return {
        str(word).lower(): str(relation).lower()
        for relation, words in (load_lexicon("characters").get("kinship_relations") or {}).items()
        for word in words
    }


@cache
def _relation_words(relation: str) -> frozenset[str]:
    """A relation's family words and its own name: "father" → dad, da, papa, father …"""
    return frozenset({w for w, r in kin_relations().items() if r == relation} | {relation})


#: Relations whose family word names a woman or a man, for the gender of whoever a line calls by it.
_KIN_GENDER = {
    "mother": "female",
    "grandmother": "female",
    "aunt": "female",
    "father": "male",
    "grandfather": "male",
    "uncle": "male",
}


def kin_word_gender(word: str) -> Gender:
    """The gender a family word used as a name gives ("Dad" → male, "Nan" → female), else unknown."""
    return _KIN_GENDER.get(kin_relations().get(word.lower(), ""), "unknown")  # type: ignore[return-value]


def _identified_as(token: Token, by_end: Mapping[int, Mention]) -> list[Mention]:
    """The name the narration says a word stands for: "Grandad was Mr. Pius Adebayo", "Gran, who was
    Nora Doherty to the market", "Nan's real name was Iris Mulcahy", "Mum, whose name was Carol"."""
    verbs: list[Token] = []
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":
        verbs.append(token.head)
    if token.dep_ == "poss" and token.head.lemma_ == "name" and token.head.dep_ == "nsubj":
        verbs.append(token.head.head)
    for clause in token.children:
        if clause.dep_ != "relcl" or clause.lemma_ != "be":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        whose_name = (
            subject is not None
            and subject.lemma_ == "name"
            and any(c.lower_ == "whose" for c in subject.children)
        )
        if subject is not None and (subject.lower_ == "who" or whose_name):
            verbs.append(clause)
    for verb in verbs:
        if verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
            continue
        attrs = [c for c in verb.children if c.dep_ == "attr"]
        if not attrs:
            continue
        # "who was Nora Doherty to the market and Mrs. Doherty to the baker": every name it was
        names = [*attrs, *(c for a in attrs for c in a.children if c.dep_ == "conj")]
        # "Tita was really my great-aunt, Isabel Quispe": the name in apposition to a relation
        names += [c for a in attrs if a.pos_ == "NOUN" for c in a.children if c.dep_ == "appos"]
        names += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        found = [by_end[n.i] for n in sorted(names) if n.pos_ == "PROPN" and n.i in by_end]
        if found:
            return found
    return []


def _may_be(holder: CharacterCluster, word: str) -> bool:
    """Whether a family word ("Nan") may name the character: not one whose name says the other sex."""
    want = kin_word_gender(word)
    have = _name_gender(holder)
    return "unknown" in (want, have) or want == have


def family_words_called(
    clusters: Sequence[CharacterCluster],
    calls: Sequence[tuple[str, int | None, int | None]],
) -> dict[int, int]:
    """ "“I'm not ready, Mum,” he says. She tells him…": a family word a line calls someone by names the
    one the line speaks to. ``calls`` holds, for every line that calls someone by a family word, the
    word, the line's speaker and whom it speaks to. A word every such line gives to the same character
    (of the word's gender, if known) becomes that character's alias, else the word goes to the one
    character the narration gives its relation, if there is one; a character that was only that word
    joins them. Returns where each character that joined another went (old key → new key)."""
    relation_of = kin_relations()
    by_key = {c.key: c for c in clusters}
    joined: dict[int, int] = {}
    votes: dict[str, set[int | None]] = {}
    for word, speaker, addressee in calls:
        relation = relation_of.get(word.lower())
        holder = by_key.get(addressee) if addressee is not None else None
        fits = (
            holder is not None
            and addressee != speaker
            and holder.kind == "character"
            and holder.gender in ("unknown", _KIN_GENDER.get(relation or "", holder.gender))
        )
        votes.setdefault(word, set()).add(addressee if fits else None)
    for word, keys in votes.items():
        relation = relation_of.get(word.lower(), "")
        kin_words = _relation_words(relation)
        known = keys - {None}
        if len(known) == 1:
            holder = by_key[next(iter(known))]  # type: ignore[index]
        else:
            # the lines do not agree: the one character the narration gives that relation ("her mother,
            # Siobhan Brannagh"), if there is one
            # (not one already known by another relation's word: Nan, her mother, is nobody's "Mum" here)
            holders = [
                c
                for c in clusters
                if c.forms
                and c.roles & kin_words
                and c.kind == "character"
                and not any(relation_of.get(w, relation) != relation for w in c.words)
            ]
            if len(holders) != 1:
                continue
            holder = holders[0]
        holder.nicknames.add(word)
        for other in clusters:
            if other is not holder and other.forms and all(len(f) == 1 and f[0] == word for f in other.forms):
                absorb(holder, other)
                joined[other.key] = holder.key
    return joined


def _hand_over(
    owners: dict[tuple[str, ...], list[int]], nick_form: tuple[str, ...], key: int
) -> list[tuple[str, ...]]:
    """A nickname's form goes to its holder, with the shorter forms only the nickname's cluster had
    ("Ernie" with "Ernie Reels", the nickname of Ernest Pobjoy). Returns the forms handed over."""
    old = set(owners[nick_form]) - {key}
    owners[nick_form] = [key]
    words = {w.lower() for w in nick_form}
    moved = [nick_form]
    for other, keys in owners.items():
        if keys and set(keys) <= old and {w.lower() for w in other} <= words:
            owners[other] = [key]
            moved.append(other)
    return moved


def _nick_forms(nick: str) -> list[tuple[str, ...]]:
    """The mention forms a nickname can take: as written, and without its title or article
    ("Mr Tomorrow" is also "Tomorrow", "il Signor Diapason" also "Signor Diapason" and "Diapason")."""
    words = nick.split()
    bare = [w for w in words if w.lower() not in _NICK_ARTICLES]
    plain = [w for w in bare if w.lower() not in _titles()]
    return list(dict.fromkeys(tuple(f) for f in (words, bare, plain) if f))


def _about_a_work(verb: Token, person_verbs: frozenset[str]) -> bool:
    """A participle that tells how a work was made: "a thriller directed by B and written by J", "the
    script was written by J" — not "a letter written by Tom"."""
    if verb.dep_ == "conj" and (
        verb.head.lemma_.lower() in person_verbs
        or any(
            c.dep_ in ("attr", "nsubj", "nsubjpass") and c.lemma_.lower() in _WORK_NOUNS
            for c in verb.head.children
        )  # "… is a thriller directed by B and written by J"
    ):
        return True
    if verb.dep_ == "acl" and (
        verb.head.lemma_.lower() in _WORK_NOUNS or verb.head.ent_type_ == "WORK_OF_ART"
    ):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    # "the score was written by …", "much of the score was written by …"
    heads = subjects + [o for s in subjects for p in s.children if p.lower_ == "of" for o in p.children]
    return any(h.lemma_.lower() in _MADE_THINGS for h in heads)


#: What a work's makers write besides the work itself: "the score was written by Leke Arinze".
_MADE_THINGS = _WORK_NOUNS | frozenset({"score", "music", "soundtrack", "song", "lyric", "novel", "libretto"})


#: Verbs of a critic's judgement: "X of The Flicker called the fantasy …".
_VERDICT_VERBS = frozenset(
    {
        "call",
        "praise",
        "describe",
        "dismiss",
        "hail",
        "pan",
        "label",
        "deem",
        "slam",
        "laud",
        "rate",
        "review",
        "find",
        "admire",
        "love",
        "adore",
    }
)


def _title_word(word: str) -> str:
    """A word of a title as a name word: lower case, without punctuation or a possessive ("Tidewrack's")."""
    word = word.lower().strip(':;,.!?*_"“”‘()[]')
    return re.sub(r"['’]s?$", "", word)


def _a_title_follows(doc: Doc, i: int) -> bool:
    """ "Leena Mäkelä's The Second", "Ottoline Brisk-Mensah's Quickstep": a work's title after a name's
    possessive — "The", a work of art, or a word of the text's own title."""
    token = doc[i]
    if token.text == "The" or token.ent_type_ == "WORK_OF_ART":
        return True
    title = doc.user_data.get("denouement_title")
    words = {_title_word(w) for w in title.split()} if isinstance(title, str) else set()
    if token.is_title and not token.is_stop and token.lower_ not in words:
        words = _headline_words(doc)  # "Glass Jaw review: a boxing film that …", the text's headline
    return token.is_title and not token.is_stop and token.lower_ in words


def _headline_words(doc: Doc) -> set[str]:
    """The capitalised words of the text's first heading or furniture line, lower case."""
    index = story_index(doc)
    first = min(index.meta, default=None)
    if first is None or first > 2:
        return set()
    return {t.lower_ for t in index.sentences[first] if t.is_title and not t.is_stop}


def _read_by_someone(verb: Token) -> bool:
    """ "she has read …", "Rook read …" — not "a caption reads …"."""
    return verb.lemma_.lower() == "read" and any(
        c.dep_ == "nsubj" and (c.pos_ == "PRON" or c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
        for c in verb.children
    )


def _after_the(doc: Doc, start: int) -> bool:
    """ "the Danube", "the entire Danube", "the two Sams": a determiner before a name makes it a thing
    or a group."""
    i = start - 1
    while i >= 0 and doc[i].pos_ in ("ADJ", "NUM") and start - i <= 3:
        i -= 1
    return i >= 0 and doc[i].lower_ == "the"


def _only_after_a_capital_the(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "where The Cherry Orchard laughs at…": a name that only ever follows "The" with its capital inside
    a sentence is a title (a book, a film, a band), not someone."""
    named = cluster.named_mentions
    return bool(named) and all(
        m.start > 0
        and doc[m.start - 1].text == "The"
        and not _opens_sentence(doc, m.start - 1)
        and not (m.start > 1 and doc[m.start - 2].text in (":", "—", "–", "-"))
        for m in named
    )


#: Dependencies that make a name a party to what happens: who acts, whose something is, who is described.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dative", "attr"})


def _never_a_party(cluster: CharacterCluster, doc: Doc) -> bool:
    """A name that is not a known given name and, in every mention, only an object or a place ("turns
    down Svalbard", "shoots Porto at dawn", "on Svalbard") — never a subject, an owner ("Svalbard's"),
    an apposition or described by one, nor joined to such — is a place or thing, whatever the entity
    tagger said."""
    named = cluster.named_mentions
    if not named or any(len(f) > 1 for f in cluster.forms) or cluster.human_verbs or cluster.speaks:
        return False
    if any(f[0].lower() in _gendered("given_names") for f in cluster.forms):
        return False
    human = word_set("characters", "human_nouns") | set(_gendered("relation_gender"))
    for m in named:
        head = doc[m.end - 1]
        while head.dep_ in ("conj", "compound", "flat") and head.head.i != head.i:
            head = head.head
        if head.dep_ in _PARTY_DEPS or m.in_quote or head.dep_ in ("ROOT", "nmod"):
            return False
        if head.dep_ == "appos" and (head.head.pos_ == "PROPN" or _kin_or_human(head.head.lemma_, human)):
            return False  # "her son Caspar", "the engineer, Tobias Reyne"
        if any(child.dep_ == "appos" for child in doc[m.end - 1].children):
            return False  # "asks Colm, the barman": described as a person
        called = head.head
        if called.lemma_.lower() in ("call", "name") and (
            _kin_or_human(called.head.lemma_, human) or called.head.ent_type_ in ("NORP", "PERSON")
        ):
            return False  # "a thin, tidy man called Pettigrew", "a dry old Scot named Gorran"
    return True


_KIN_PREFIXES = ("great-", "great", "grand", "step", "god", "half-", "ex-")


def _kin_or_human(lemma: str, human: AbstractSet[str]) -> bool:
    """A human noun, also behind a kinship prefix ("granddaughter", "stepson", "great-aunt"), or one with
    the ending of a person's role ("deckhand", "flatmate", "lighthouse-keeper")."""
    word = lemma.lower()
    if word.endswith(tuple(word_set("characters", "human_suffixes"))) and word.isalpha():
        return True
    while word not in human:
        prefix = next((p for p in _KIN_PREFIXES if word.startswith(p) and len(word) > len(p) + 2), None)
        if prefix is None:
            return False
        word = word[len(prefix) :]
    return True


def _a_word_heading_a_line(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "“Language, Ronnie.”", "“Love, your grandfather…”", "“Gale eight is weather.”": a common word
    capitalised only because it opens a line of speech, never a given name, names nobody."""
    named = cluster.named_mentions
    if len(cluster.forms) != 1 or len(cluster.forms[0]) != 1 or cluster.nicknames or cluster.actor:
        return False
    if cluster.titles:
        return False  # "“Tío Nacho, tell me…”": a title makes it a name
    word = cluster.forms[0][0]
    if (
        word.lower() not in dictionary_words()
        or word.lower() in _gendered("given_names")
        or word.lower() in word_set("characters", "kinship_names")
        or (census_name(word) and word.lower() not in word_set("characters", "endearments"))
    ):
        return False
    return bool(named) and all(
        m.in_quote and m.start > 0 and doc[m.start - 1].text in _OPENING_QUOTES for m in named
    )


def _only_said(cluster: CharacterCluster, spoken: frozenset[int]) -> bool:
    return bool(spoken) and all(m.sentence in spoken for m in cluster.named_mentions)


def _proper_name_only(cluster: CharacterCluster, doc: Doc) -> bool:
    """Never tagged a place or thing, and a proper noun in most of its mentions."""
    named = cluster.named_mentions
    propn = sum(1 for m in named if doc[m.end - 1].pos_ == "PROPN")
    return (
        not set(cluster.labels) & NON_PERSON_LABELS
        and propn * 2 >= len(named) > 0
        and not _is_work_or_place(cluster, doc)
        and _placed(cluster, doc) * 2 < len(named)
    )


def _placed(cluster: CharacterCluster, doc: Doc) -> int:
    """Mentions after a word that places or determines them ("in Portland", "from Seattle", "the Board",
    "our Board") — read from the words alone, for speech that was not parsed."""
    before = _LOCATIVE | {"from", "into", "via", "of", "near"}
    return sum(
        1
        for m in cluster.named_mentions
        if m.start > 0 and (doc[m.start - 1].lower_ in before or doc[m.start - 1].tag_ in ("DT", "PRP$"))
    )


def _said_by_name(cluster: CharacterCluster, doc: Doc, spoken: frozenset[int]) -> bool:
    """In a script of speech alone, is a name only ever said a person's? Speech capitalises oaths,
    commands and one-word lines ("Jesus!", "Calm down.", "Thirsty?"), so a name said there must be said
    twice, be a person's name to the entity tagger (or a proper noun to the tagger, when the entity tagger
    says nothing) more often than a place's or thing's, not be an oath, and — if it is one word — be said
    once inside a sentence or be called out twice ("Cobb, wait." … "Cobb!")."""
    named = cluster.named_mentions
    if not named or any(m.sentence not in spoken for m in named):
        return True  # named in narration too: the usual tests apply
    if len(named) < 2:
        return False
    person = cluster.labels.get("PERSON", 0)
    if sum(n for label, n in cluster.labels.items() if label in NON_PERSON_LABELS) >= max(person, 1):
        return False
    if not person and sum(1 for m in named if doc[m.end - 1].pos_ == "PROPN") * 2 < len(named):
        return False
    if _placed(cluster, doc) * 2 >= len(named):
        return False
    oaths = word_set("characters", "exclamations") | word_set("characters", "interjections")
    if all(all(w.lower().strip(".") in oaths or _INITIALS.match(w) for w in form) for form in cluster.forms):
        return False
    if any(len(form) > 1 for form in cluster.forms):
        return True
    inside = any(
        m.start > 0 and doc[m.start - 1].is_alpha and not _opens_sentence(doc, m.start) for m in named
    )
    return inside or sum(1 for m in named if called_out(doc, m)) >= 2


#: Verbs by which a sign, a screen or a caption says a name.
_WHAT_THINGS_SAY = frozenset({"say", "read", "show", "display", "announce", "flash", "spell"})


def second_subject(token: Token) -> bool:
    """ "a sign said Carnforth": the verb has a thing for its subject before the name already; the name
    is what was said (not "a driver she knew only as Big Col was waiting": the driver is Big Col)."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.lemma_.lower() not in _WHAT_THINGS_SAY:
        return False
    human = word_set("characters", "human_nouns")
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.i < token.i
        and c.pos_ == "NOUN"
        and c.lemma_.lower() not in human
        for c in token.head.children
    )


def _only_gone_to(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "drove to Saltburn with the windows down" (and "Saltburn's nice." in speech): a name the
    narration only ever travels to is a place."""
    going = word_set("layers", "going_verbs")
    named = [doc[m.end - 1] for m in cluster.named_mentions if not m.in_quote]

    def gone_to(t: Token) -> bool:
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "towards", "into"):
            return t.head.head.lemma_.lower() in going
        # (a name the tagger read as a verb after "to": "drove to Saltburn" parsed as "to saltburn")
        return (
            t.dep_ == "xcomp"
            and t.head.lemma_.lower() in going
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        )

    return bool(named) and all(gone_to(t) for t in named)


def _only_what_a_thing_says(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "Outside the window a sign said Carnforth": a name met only as what a thing says or shows."""
    named = [m for m in cluster.named_mentions if not m.in_quote]
    return bool(named) and all(second_subject(doc[m.end - 1]) for m in named)


def _a_verb_said(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "“Screamed, probably.”" — "“I did scream.”": a one-word answer at the head of a line, taken for a
    name to call someone by, that is a verb the text uses elsewhere ("scream"), with its ending."""
    if len(cluster.forms) != 1 or len(cluster.forms[0]) != 1:
        return False
    word = cluster.forms[0][0].lower()
    stems = {word[: -len(end)] for end in ("ed", "d", "ing") if word.endswith(end)}
    # "stopped", "panicked"
    stems |= {stem[:-1] for stem in stems if len(stem) > 2 and (stem[-1] == stem[-2] or stem.endswith("ck"))}
    if not stems or not all(m.in_quote for m in cluster.named_mentions):
        return False
    return bool(stems & _verb_lemmas(doc))


def _verb_lemmas(doc: Doc) -> frozenset[str]:
    """The lemmas of the verbs of the doc, lower case."""

    def lemmas() -> frozenset[str]:
        verb, strings = doc.vocab.strings["VERB"], doc.vocab.strings
        return frozenset(
            strings[int(lemma)].lower() for pos, lemma in doc.to_array([POS, LEMMA]) if pos == verb
        )

    return _once_per_doc(doc, "denouement_verb_lemmas", lemmas)


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, in one pass over the doc's arrays."""
    return [int(i) for i in doc.to_array([IDX]).ravel()]


def _not_a_person(cluster: CharacterCluster, doc: Doc, title_words: set[str], person: bool) -> bool:
    """Named like a company, a place, a ship or a work, or a word of the work's own title."""
    not_chars = word_set("characters", "not_characters")
    titled = cluster.titles or cluster.actor  # "Professor Marvel" is a person, whatever Marvel also names
    if not titled and (cluster.name.lower() in not_chars or all(w in not_chars for w in cluster.words)):
        return True
    person_labels = cluster.labels.get("PERSON", 0)
    things = word_set("characters", "thing_nouns")
    human = word_set("characters", "human_nouns")
    if (
        cluster.roles & things
        and not cluster.roles & human
        and cluster.actor is None
        # (not one who acts and whom a line calls by name: "on the Ikorodu road Dayo shouted", misread as
        # the road's name, and "The fog, Dayo.")
        and not (
            cluster.human_verbs
            and any(
                m.in_quote and called_out(doc, m) and set(m.form) <= set(cluster.name.split())
                for m in cluster.named_mentions
            )
        )
        and (
            person_labels * 2 <= len(cluster.named_mentions)
            # "the brother's trawler, the Morwenna" … "after the Morwenna was lost": always "the"
            or all(_after_the(doc, m.start) for m in cluster.named_mentions)
        )
    ):
        return True
    # "Carnegie Hall" is a place, but "Mina Park (Greta Lee)" is cast, and "Mina Park" who cooks and
    # talks has a first name
    thing = _named_like_a_thing(cluster) and not (
        (cluster.actor or cluster.human_verbs >= 2) and _given_first_name(cluster)
    )
    if thing or _headline(cluster) or _plural(cluster, doc) or _label(cluster, doc):
        return True
    if _notable_persons_work(cluster, doc) or _demonym(cluster, doc) or _place_of_origin(cluster, doc):
        return True
    if _a_verb_said(cluster, doc) or _only_what_a_thing_says(cluster, doc) or _only_gone_to(cluster, doc):
        return True
    if _franchise(cluster, doc) or _titled_place(cluster, doc) or _a_firm(cluster, doc):
        return True
    if not cluster.actor and _only_after_a_capital_the(cluster, doc):
        return True
    cast = cluster.actor or cluster.speaks or cluster.nicknames or cluster.titles
    # a word of the work's own title ("Kingfisher"), unless it is cast or speaks
    return cluster.words <= title_words and not (cast or person)


_CALL_END = frozenset({",", ".", "!", "?", "—", "–", "”", '"', "…"})


_OPENING_QUOTES = frozenset({'"', "“", "'", "‘"})


def called_out(doc: Doc, m: Mention) -> bool:
    """A name said to its bearer: after a comma and before the end of the clause ("…, Horty."), or
    opening the speech and followed by more of it ("Danny, hold your end") — not a name that is the
    whole answer ("“Stiles,” Dad said")."""
    before = doc[m.start - 1].text if m.start > 0 else ""
    after = doc[m.end].text if m.end < len(doc) else ""
    if before == ",":
        return after in _CALL_END
    following = doc[m.end + 1].text if m.end + 1 < len(doc) else ""
    opens = before in _OPENING_QUOTES or (m.in_quote and _opens_sentence(doc, m.start))
    return opens and after == "," and following not in _CALL_END


_HONORIFIC_END = re.compile(
    r"^(?P<name>[A-Z][\w\'’]+)-(?:san|sama|chan|kun|sensei|senpai|sempai|dono|ji|jee|ssi|nim|ssaem|hyung|oppa|unni)$"
)
_AGES = frozenset({"young", "old", "little", "big", "wee"})


def _without_honorific_or_age(form: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name inside "Mori-san" or "Young Ray Docker"; None for a name with neither."""
    if len(form) == 1:
        match = _HONORIFIC_END.match(form[0])
        return (match.group("name"),) if match else None
    if len(form) >= 2 and form[0].lower() in _AGES:
        return form[1:]
    return None


def _form_names(form: tuple[str, ...], base: tuple[str, ...]) -> bool:
    """``form`` is the name ``base`` or has it as its given name or surname ("Shigeru Mori" for "Mori",
    "Raymond Docker" for "Ray Docker" needs the pet form and is left to the short-form rules)."""
    if not form:
        return False
    if form == base:
        return True
    if len(base) == 1:
        return base[0] in (form[0], form[-1])
    return False


def _lowered(words: Iterable[str]) -> set[str]:
    return {w.lower() for w in words}


def _kin_called(doc: Doc, m: Mention) -> bool:
    """A family word said to its bearer: called out ("I'm not ready, Mum."), or the whole of a line
    broken by its tag ("“Dad,” she asks, “who were you waiting for?”")."""
    if called_out(doc, m):
        return True
    before = doc[m.start - 1].text if m.start > 0 else ""
    after = doc[m.end : m.end + 2]
    return (
        before in _OPENING_QUOTES and len(after) == 2 and after[0].text == "," and after[1].text in _CALL_END
    )


def tagged_speaker_before(doc: Doc, m: Mention, named: Sequence[Mention]) -> int | None:
    """The cluster the narration gives the speech of the paragraph before the line that calls ``m`` out,
    when that line opens its own paragraph (“…,” Mum said from the sink. — “I'm only saying, Fiona.”): a
    name called in reply is the name of whoever spoke last. ``named`` are name mentions in text order."""
    text = story_index(doc).text
    here = text.rfind("\n\n", 0, m.char_start)
    if here < 0 or text[here : m.char_start].strip()[:1] not in _OPENING_QUOTES:
        return None
    before = text.rfind("\n\n", 0, here)
    before = 0 if before < 0 else before
    if not any(ch in '“"‘' for ch in text[before:here]):
        return None  # (an apostrophe, "where Mum had said", opens no line of speech)
    speech = word_set("quotes", "speech_verbs")
    # ``named`` is in text order: only the mentions of the paragraph before are looked at
    lo = bisect.bisect_left(named, before, key=lambda n: n.char_start)
    hi = bisect.bisect_left(named, here, key=lambda n: n.char_start)
    for n in named[lo:hi]:
        if (
            before <= n.char_start < here
            and not n.in_quote
            and n.cluster not in (None, m.cluster)
            and doc[n.end - 1].dep_ == "nsubj"
            and doc[n.end - 1].head.lemma_.lower() in speech  # the speaker: "Mum said", "said Mum"
        ):
            return n.cluster
    return None


def _calls_out(doc: Doc, i: int) -> bool:
    """A word said to someone, as a name is: after a comma and before the end of the clause ("…, Mads."),
    or alone before a question or a comma opening a line (“Mads? Is everything all right?”)."""
    before = doc[i - 1].text if i > 0 else ""
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    if before == ",":
        return after in _CALL_END
    return before in _OPENING_QUOTES and after in (",", "?", "!")


def _place_answers(m: Mention, verb: Token) -> bool:
    """A place or an organisation that "said yes" or "said no": an institution's answer, not speech."""
    return m.label in ("GPE", "LOC", "FAC", "ORG") and any(c.lower_ in ("yes", "no") for c in verb.children)


def _keep(cluster: CharacterCluster, doc: Doc, title_words: set[str], person: bool) -> bool:
    """Is this cluster a person? Names of places, companies, ships and works are not."""
    if _not_a_person(cluster, doc, title_words, person):
        return False
    if not cluster.strong and _capital_only_by_place(cluster, doc):
        return False
    person_labels = cluster.labels.get("PERSON", 0)
    if cluster.strong or person or cluster.speaks:
        return True  # "'They've not cancelled it,' Shona said."
    if cluster.words <= word_set("characters", "kinship_names"):
        # "Grandma was waiting", or "Nana's good plates": someone who acts, or owns things, in the narration
        return any(
            not m.in_quote and (_human_verb(_first_conjunct(doc[m.end - 1])) or doc[m.end - 1].dep_ == "poss")
            for m in cluster.named_mentions
        )
    if (_given_name_only(cluster) or cluster.labels.get("PERSON")) and _compared_once(cluster, doc):
        return True  # "Comparisons with Celine and Jesse are inevitable": talked about, but someone
    if _never_a_party(cluster, doc):
        return False
    human = word_set("characters", "human_nouns") | set(_gendered("relation_gender"))
    if any(_kin_or_human(r, human) for r in cluster.roles) and not cluster.words <= title_words:
        return True  # "the engineer, Tobias Reyne", "her son Caspar", "his deckhand, Benoît": a human role
    if _is_work_or_place(cluster, doc) or _a_known_place(cluster, doc):
        return False
    if (
        not set(cluster.labels) & {"ORG", "GPE", "LOC", "NORP", "FAC"}
        or _given_name_only(cluster)
        or _only_ever_called(cluster, doc)
    ) and any(
        m.in_quote and called_out(doc, m) and doc[m.end - 1].pos_ == "PROPN" for m in cluster.named_mentions
    ):
        return True  # "Priya, I'll need you to stay": a name someone is called by (even one tagged a place)
    placelike = set(cluster.labels) & {"ORG", "LOC", "NORP", "FAC"} or (
        "GPE" in cluster.labels and not _full_given_name(cluster)  # "sends the letters to Porto"
    )
    if not placelike and any(
        _told_or_given_to(doc[m.end - 1]) and not _after_the(doc, m.start) for m in cluster.named_mentions
    ):
        return True  # "sells his boat to Marta Quill": someone things are given or said to
    other = sum(n for label, n in cluster.labels.items() if label in NON_PERSON_LABELS)
    plain = sum(
        n for label, n in cluster.labels.items() if label not in NON_PERSON_LABELS and label != "PERSON"
    )
    named = cluster.named_mentions
    determined = sum(1 for m in named if _after_the(doc, m.start))
    if determined * 2 >= len(named):
        return False
    if person_labels and person_labels >= other:
        return True
    if cluster.human_verbs >= 2 and (person_labels + plain >= 1 or any(len(f) > 1 for f in cluster.forms)):
        return True
    given = _gendered("given_names")
    if any(len(f) > 1 and f[0].lower() in given for f in cluster.forms):
        return True
    word_like = word_set("characters", "word_like_names")
    if cluster.human_verbs >= 1 and any(
        f[0].lower() in given and f[0].lower() not in word_like for f in cluster.forms
    ):
        return True  # "Callum had decided…", whatever the entity tagger said
    if any(len(f) > 1 for f in cluster.forms) and cluster.human_verbs >= 1:
        return True  # "until Tomas Reyes appears": a full name acting, whatever the entity tagger said
    if other > person_labels + plain:
        return False
    return cluster.human_verbs >= 1 and other == 0


def _capital_only_by_place(cluster: CharacterCluster, doc: Doc) -> bool:
    """A single word that is capitalised only where any word would be — at the start of a sentence or a
    line of speech, or in a shout in capitals ("“Manoeuvre?”", "Drought and blight have cut the harvest",
    "the box marked ACCEPT") — and that no list knows as a given name: a common word, not a name."""
    named = cluster.named_mentions
    if not named or any(len(f) != 1 for f in cluster.forms) or cluster.nicknames:
        return False
    word = cluster.forms[0][0].lower()
    if (
        word in _gendered("given_names")
        or census_name(word)
        or word in word_set("characters", "kinship_names")
    ):
        return False
    titles = _titles()
    if any(doc[i].lower_.rstrip(".") in titles for m in named for i in range(max(0, m.start - 2), m.start)):
        return False  # "Mr. Pink": a title makes any word a name
    if not all(_opens_a_sentence(doc, m.start) or doc[m.start].text.isupper() for m in named):
        return False  # "…, but Death declares his intention": capitalised mid-sentence, a name
    if word in _lower_case_words(doc):
        return True  # "It's meant to be handbrake. Handbrake, Kit.": the text writes it as a word
    if word not in dictionary_words():
        return False
    for m in named:
        head = doc[m.end - 1]
        said = not m.in_quote and head.dep_ == "nsubj" and head.head.lemma_.lower() in _SAYING
        if said or (m.in_quote and called_out(doc, m)):
            return False  # "Paolo, tell them ten minutes", "Pip says Hana has a new fringe"
    return True


def _lower_case_words(doc: Doc) -> frozenset[str]:
    """The words the text writes in lower case somewhere (worked out once per text)."""
    words = doc.user_data.get("denouement_lower_case_words")
    if words is None:
        words = frozenset(t.lower_ for t in doc if t.text[:1].islower())
        doc.user_data["denouement_lower_case_words"] = words
    return words


#: Verbs of saying aloud, whose subject is someone talking (not "Plenty of readers have written in").
_SAYING = frozenset(
    {
        "say",
        "ask",
        "tell",
        "reply",
        "answer",
        "shout",
        "whisper",
        "mutter",
        "yell",
        "snap",
        "declare",
        "announce",
        "explain",
        "insist",
        "admit",
        "promise",
    }
)


def _opens_a_sentence(doc: Doc, i: int) -> bool:
    """:func:`_opens_sentence`, or any place a capital is owed to the position: after an opening quote or
    the end of a sentence the parser did not split ("“It's meant to be handbrake. Handbrake, Kit.”")."""
    before = doc[i - 1].text if i > 0 else ""
    return (
        i == 0
        or _opens_sentence(doc, i)
        or before in _OPENING_QUOTES
        or before in (".", "!", "?", ":", "\n\n")
    )


def _only_ever_called(cluster: CharacterCluster, doc: Doc) -> bool:
    """One word the model took for an organisation, and only ever said to someone at the end of a clause
    ("Sit down here, Kirsty."): a first name the name lists do not know, not a company anyone talks to."""
    return (
        set(cluster.labels) <= {"ORG", "PERSON"}
        and all(len(f) == 1 for f in cluster.forms)
        and all(
            m.in_quote and doc[m.start - 1].text == "," and called_out(doc, m) and _said_with_a_verb(doc, m)
            for m in cluster.named_mentions
        )
    )


def _said_with_a_verb(doc: Doc, m: Mention) -> bool:
    """The call ends a clause with a verb in it ("Sit down here, Kirsty."), not a slogan ("Good Luck,
    Bokke")."""
    start = doc[m.start].sent.start
    for t in reversed(doc[start : m.start]):
        if t.is_quote:
            return False
        if t.pos_ in ("VERB", "AUX"):
            return True
    return False


def _given_name_only(cluster: CharacterCluster) -> bool:
    """Every form is one given name that is not also a common word ("Sophie", not "Hope")."""
    given, word_like = _gendered("given_names"), word_set("characters", "word_like_names")
    return bool(cluster.forms) and all(
        len(f) == 1 and (f[0].lower() in given or census_name(f[0])) and f[0].lower() not in word_like
        for f in cluster.forms
    )


#: Prepositions whose object is a place wherever they stand ("an audition in Hammersmith").
_LOCATIVE = frozenset(
    {"in", "at", "near", "across", "outside", "inside", "through", "around", "throughout", "beyond"}
)
#: Prepositions whose object is a place after a verb or noun of motion ("the night train to Porto").
_DIRECTIONAL = frozenset({"to", "from", "into", "toward", "towards", "via", "onto"})


def _a_known_place(cluster: CharacterCluster, doc: Doc) -> bool:
    """Every name the cluster goes by is a well-known place of ``data/places.txt`` ("Los Angeles becomes a
    new home for them", "Rome sends a general"): a place, even acting, unless the text made it someone's
    name ("a southpaw everyone called Davao")."""
    places = name_list("places")
    if not cluster.forms or any(name_key(" ".join(form)) not in places for form in cluster.forms):
        return False
    return not any(
        doc[m.end - 1].head.lemma_.lower() in ("call", "name", "nickname") and doc[m.end - 1].dep_ != "pobj"
        for m in cluster.named_mentions
    )


def _is_work_or_place(cluster: CharacterCluster, doc: Doc) -> bool:
    """Named as a work ("X is a 2016 road drama") or mostly as a place ("to Porto", "in Powys")."""
    named = cluster.named_mentions
    motion = word_set("characters", "motion_words")
    places = 0
    for m in named:
        head = doc[m.end - 1]
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            attrs = [c for c in head.head.children if c.dep_ == "attr"]
            if any(a.lemma_.lower() in _WORK_NOUNS for a in attrs):
                return True
        prep = head.head
        if head.dep_ != "pobj" or (
            prep.lower_ in ("to", "at")
            and prep.head.lemma_.lower() in word_set("characters", "to_people_verbs")
        ):
            continue
        directional = prep.lower_ in _DIRECTIONAL and (
            prep.head.lemma_.lower() in motion or cluster.human_verbs == 0
        )
        if prep.lower_ in _LOCATIVE or directional:
            places += 1
        elif prep.lower_ == "of" and prep.head.lemma_.lower() in word_set("characters", "thing_nouns"):
            places += 1  # "the island of Skarvik", "the town of Oban"
    return places * 2 >= len(named) and places > 0


_AUDIENCE = frozenset({"us", "you", "viewers", "audience", "audiences", "reader", "readers", "viewer"})


def _to_the_audience(verb: Token) -> bool:
    """A speech verb whose hearer is the audience ("tells us", "asks you", "shows viewers")."""
    return any(c.dep_ in ("dative", "dobj") and c.lower_ in _AUDIENCE for c in verb.children)


def _given_first_name(cluster: CharacterCluster) -> bool:
    """A full name of the cluster opens on a first name the name lists know ("Mina Park")."""
    given = _gendered("given_names")
    return any(len(f) > 1 and (f[0].lower() in given or census_name(f[0])) for f in cluster.forms)


def _named_like_a_thing(cluster: CharacterCluster) -> bool:
    """ "Wexcombe Films", "Carnegie Hall", "Bedford Falls": a last word that names a thing or a place;
    "RMS Titanic", "HMS Surprise": a ship's prefix; "Ooh", "Wow": an interjection, not a name."""
    things = word_set("characters", "thing_nouns") | word_set("characters", "organisation_words")
    vessels = word_set("characters", "vessel_prefixes")
    interjections = word_set("characters", "interjections")
    if (
        cluster.forms
        and not cluster.titles  # ("Madam Oh" is someone)
        and all(len(form) == 1 and form[0].lower() in interjections for form in cluster.forms)
    ):
        return True
    places = word_set("characters", "place_prefixes")
    given = _gendered("given_names")  # ("Isla Grant" is someone, whatever "isla" means in Spanish)
    for form in cluster.forms:
        if len(form) > 1:
            if form[0].isupper() and form[0].lower() in vessels:
                return True
            if form[0].lower() in places and not cluster.titles and form[0].lower() not in given:
                return True  # "Calle Medrano", "Arena Coliseo"
            last = form[-1].lower().rstrip(".")
            if last in things:
                return True
            if last.rstrip("s") in things and not _surname_like(cluster, form):
                return True  # "Harrow Ferries", not "Loretta Banks" or "Dana Woods"
    return False


def _surname_like(cluster: CharacterCluster, form: tuple[str, ...]) -> bool:
    """A plural that is a surname: the cluster has an actor, or is also called by the first name alone
    ("Loretta Banks" … "Loretta")."""
    return cluster.actor is not None or (form[0],) in cluster.forms


def _plural(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "the Tattaglias", "the Nazis": a name in the plural is a family or a group."""
    named = cluster.named_mentions
    return all(doc[m.end - 1].tag_ == "NNPS" for m in named) and any(_after_the(doc, m.start) for m in named)


def _notable_persons_work(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "Peter Howitt's Sliding Doors", "Tornatore's Cinema Paradiso": a title owned by a real film-maker the
    bundled list knows is a work, wherever it is named so."""
    named = cluster.named_mentions
    if not named or cluster.actor or cluster.titles:
        return False
    people = name_list("notable_people")
    surnames = _notable_surnames()
    for m in named:
        if m.start < 2 or doc[m.start - 1].lower_ not in ("'s", "’s"):
            return False
        owner = [doc[m.start - k].text for k in (3, 2) if m.start - k >= 0]
        full = name_key(" ".join(owner))
        if full not in people and name_key(owner[-1]) not in surnames:
            return False
    return True


@cache
def _notable_surnames() -> frozenset[str]:
    """Last words of the bundled real people's names ("hitchcock", "tornatore")."""
    return frozenset(name.split()[-1] for name in name_list("notable_people") if " " in name)


def _label(cluster: CharacterCluster, doc: Doc) -> bool:
    """ "FUSES. NAILS, BENT, FOR STRAIGHTENING.": one word in capitals that never acts is a label or a sign
    read out, not a name (a script's speaker cues are read apart from this)."""
    named = cluster.named_mentions
    return (
        bool(named)
        and not (cluster.actor or cluster.titles or cluster.nicknames or cluster.human_verbs)
        and all(len(m.form) == 1 and m.form[0].isupper() and len(m.form[0]) > 1 for m in named)
        and not any(_human_verb(doc[m.end - 1]) for m in named)
        and not any(block.kind in SCRIPT_KINDS for block in blocks_of(doc))  # last: it reads every block
    )


def _headline(cluster: CharacterCluster) -> bool:
    return all(len(w) > 1 and w.isupper() for form in cluster.forms for w in form) and any(
        len(form) > 2 for form in cluster.forms
    )


#: Named mentions in the story's own events past which someone the text calls an actor, a singer or a
#: writer is a character of the story (the film star of a romance), not a real person talked about.
_PLOT_LIFE = 5


def _lives_in_the_plot(cluster: CharacterCluster, acting: int) -> bool:
    """Many mentions (``acting``, see :func:`_acting`) as the subject of narrated actions."""
    return acting >= _PLOT_LIFE and not cluster.actor


#: Narrated actions, at most, of a name on the list of notable people that is still that real person.
NOTABLE_ACTS = 2


#: Narrated actions past which a name on the list of other works' characters is the lead of the very work
#: the text tells (John McClane in a synopsis of Die Hard).
LISTED_LEAD_ACTS = 3


#: Names of one text on the list of other works' characters from which the text tells that work.
LISTED_CAST = 4


def _a_listed_work_told(clusters: Sequence[CharacterCluster], acting: Mapping[int, int]) -> bool:
    """The text tells a work the character list knows: one of its listed names acts through the story, or
    many of its people are listed (Truman, Meryl, Marlon, Sylvia and Christof in The Truman Show)."""
    listed_names = name_list("notable_characters")
    listed = [
        c
        for c in clusters
        if c.forms and c.actor is None and any(name_key(" ".join(f)) in listed_names for f in c.forms)
    ]
    return len(listed) >= LISTED_CAST or any(acting.get(c.key, 0) >= LISTED_LEAD_ACTS for c in listed)


def _notable_kind(cluster: CharacterCluster, doc: Doc, text: str, acting: int) -> Kind | None:
    """ "person" or "reference" for a name the bundled lists know ("Ken Loach", "Miss Havisham"), unless
    the text gives it an actor or makes it act through the story (a biopic's hero). A one-word name
    ("Gatsby") counts only when the text barely mentions it."""
    if (
        cluster.actor is not None
        or not cluster.forms
        or any(_cast_after(doc, text, m) for m in cluster.named_mentions)
    ):
        return None
    longest = max(cluster.forms, key=len)
    keys = {name_key(" ".join(longest))} | {name_key(f"{t} {' '.join(longest)}") for t in cluster.titles}
    if len(longest) == 1 and (acting > 1 or len(cluster.named_mentions) > 3):
        return None
    # Real people and other works' characters are talked about, not narrated: a listed name that acts
    # in the story more than that is a character who shares it (a "Tom Jones" of the story's own, the Tin
    # Man of a synopsis of The Wizard of Oz).
    if acting <= NOTABLE_ACTS and keys & name_list("notable_people"):
        return "person"
    if acting < 2 and keys & name_list("notable_characters"):
        return "reference"
    return None


_CAST_AFTER = re.compile(r"^[^.;()]{0,40}?\b(?:played|portrayed|voiced) by\b")


def _cast_after(doc: Doc, text: str, m: Mention) -> bool:
    """ "a Tin Man who wants a heart, played by Haley", "Tin Man (Jack Haley)": someone cast in this story."""
    return _followed_by_parenthesis_name(doc, m.end) or bool(
        _CAST_AFTER.match(text[m.char_end : m.char_end + 60])
    )


def _acting(cluster: CharacterCluster, doc: Doc) -> int:
    """Mentions as the subject of a narrated action (not of saying or making)."""
    acting = 0
    for m in cluster.mentions:
        if m.in_quote or m.kind not in ("name", "pronoun"):
            continue
        head = doc[m.end - 1]
        verb = head.head
        making = verb.lemma_.lower() in word_set("characters", "person_verbs")
        if head.dep_ == "nsubj" and verb.pos_ == "VERB" and not _interview_verb(verb) and not making:
            acting += 1
    return acting


def _interview_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in ("say", "tell", "explain", "write", "call", "direct", "describe", "add")


def _kind(cluster: CharacterCluster, person: bool, reference: bool) -> Kind:
    if person:
        return "person"
    if reference:
        return "reference"
    return "character"


def _entity_bounds(doc: Doc, i: int) -> tuple[int, int] | None:
    """Start and end of the named entity token ``i`` is part of, from the tokens' IOB marks (reading
    ``Span.ents`` would walk every entity of the doc)."""
    if doc[i].ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _is_reference(
    cluster: CharacterCluster, doc: Doc, index: StoryIndex, title_words: set[str], cast_words: set[str]
) -> bool:
    """A character of another work: every mention compares to a named work ("like Ripley in Alien").
    A name the tagger took for an organisation is no work ("Alongside Tobias, Mina sails…")."""
    mentions = cluster.named_mentions
    if not mentions or cluster.actor is not None or len(mentions) > 3:
        return False
    if len(mentions) >= 2 and all(_compared_to(doc[m.end - 1]) for m in mentions):
        return True  # "Like Jay Gatsby reaching for the light, Noor…; unlike Gatsby, she…"
    if _compared_once(cluster, doc):
        return True  # "Comparisons with Celine and Jesse are inevitable": named only to be compared
    cues = word_set("characters", "reference_cues")
    flags = []
    for m in mentions:
        sent = index.sentences[m.sentence]
        cue = any(t.lower_ in cues for t in sent)
        # the entity the name is part of is no other work ("Freud's The Interpretation of Dreams"); a name
        # inside a title opened by an article is a word of that title, no one in it
        own = _entity_bounds(doc, m.start) or (m.start, m.end)
        if (
            own[1] - own[0] > m.end - m.start
            and doc[own[0]].lower_ in ("the", "a", "an")
            and own[0] < m.start
        ):
            return False
        work = any(
            t.ent_type_ in ("WORK_OF_ART", "ORG")
            and not (min(m.start, own[0]) <= t.i < max(m.end, own[1]))
            and t.lower_ not in title_words
            and t.lower_ not in cast_words
            for t in sent
        ) or bool(re.search(r"\b(in|from)\s+(the\s+)?[A-Z][\w'’]+", doc[m.end : sent.end].text[:60]))
        flags.append((cue, work))
    # A name its first mention sets in another work, under a comparison ("comparisons with Stevens in
    # The Remains of the Day… where Stevens never admits…"): talked about, whatever follows.
    first_cue, first_work = flags[0]
    if first_cue and first_work and _cued(doc[mentions[0].end - 1], cues):
        return True
    if not all(cue or work for cue, work in flags):
        return False
    # Every mention compares or names another work, and the text does both somewhere ("Quint from Jaws …
    # Like Quint, he …").
    return any(c for c, _ in flags) and any(w for _, w in flags) and (len(flags) > 1 or all(flags[0]))


_COMPARING = frozenset(
    {
        "comparison",
        "comparisons",
        "compare",
        "compares",
        "compared",
        "comparing",
        "like",
        "unlike",
        "echo",
        "echoes",
        "echoing",
        "reminiscent",
        "evokes",
        "evoking",
        "channels",
        "channeling",
        "channelling",
        "homage",
        "parody",
        "riff",
    }
)


def _compared_once(cluster: CharacterCluster, doc: Doc) -> bool:
    """Named once, and then only as what something is compared with ("comparisons with Celine and
    Jesse", "echoes Ripley"), never doing anything in the story."""
    mentions = cluster.named_mentions
    if len(mentions) != 1 or cluster.human_verbs or cluster.speaks or cluster.actor:
        return False
    if cluster.roles & set(_gendered("relation_gender")):
        return False  # "more like her older sister Julia": someone of the story's own
    if set(cluster.labels) - {"PERSON", "-", ""}:
        return False  # "shaped like Italy", "shot like a Super Bowl": a place, an event
    token = doc[mentions[0].end - 1]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "with Celine and Jesse": Jesse is compared as Celine is
    return _cued(token, word_set("characters", "reference_cues"))


_TYPE_DETERMINERS = frozenset({"a", "an", "no", "another"})


def _only_as_a_type(cluster: CharacterCluster, doc: Doc) -> bool:
    """Named only as a kind of person another work made famous, never acting or speaking: "Margo is no
    Sally Albright", "a Miranda Priestly with a burn scar", "a sunnier Mr Pooter", "the film's Mickey"."""
    mentions = cluster.named_mentions
    if not mentions or len(mentions) > 2 or cluster.human_verbs or cluster.speaks or cluster.actor:
        return False
    if cluster.roles & set(_gendered("relation_gender")):
        return False
    return all(_a_type(doc[m.start : m.end]) for m in mentions)


def _a_type(name: Span) -> bool:
    """A name with an article of its own or owned by a work ("a Gatsby", "no Vera Stanhope", "the show's
    Mickey"), said of something rather than doing anything ("A Mr Ferris rang" names someone)."""
    head = name.root
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ != "be":
        return False
    for child in head.children:
        if child.i >= name.start:
            continue
        if child.dep_ == "det" and child.lower_ in _TYPE_DETERMINERS:
            return True
        if child.dep_ == "poss" and child.lemma_.lower() in _WORK_NOUNS:
            return True
    return False


def _cued(head: Token, cues: frozenset[str]) -> bool:
    """A comparing word governs the name itself: "comparisons with Stevens", "echoes Ripley" (not "owes
    rent to Marta", although "owes" is a reference cue elsewhere)."""
    cues = cues & _COMPARING
    governor = head.head
    if head.dep_ == "pobj":
        return governor.lower_ in cues or governor.head.lower_ in cues or governor.head.lemma_.lower() in cues
    return head.dep_ == "dobj" and (governor.lower_ in cues or governor.lemma_.lower() in cues)


def _full_given_name(cluster: CharacterCluster) -> bool:
    """A given name and a surname ("Marta Quill"), whatever the tagger made of it."""
    given = _gendered("given_names")
    return any(len(f) > 1 and f[0].lower() in given for f in cluster.forms)


def _an_influence(word: Token) -> bool:
    """ "a nod (to)", "owes a debt (to)", "pays homage (to)"."""
    influence = word_set("characters", "influence_nouns")
    if word.pos_ == "VERB":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in influence for c in word.children)
    return word.lemma_.lower() in influence


def _told_or_given_to(head: Token) -> bool:
    to = head.head
    return (
        head.dep_ == "pobj"
        and to.lower_ == "to"
        and to.dep_ in ("dative", "prep")
        and to.head.pos_ == "VERB"
        and to.head.lemma_.lower() in word_set("characters", "dative_verbs")
        and not _an_influence(to.head)  # "owes a debt to Casablanca"
    )


def _compared_to(head: Token) -> bool:
    """ "Like Gatsby, Noor…", "Like Gatsby reaching for the light, Noor…", "unlike Gatsby, she…": a
    comparison made about a whole clause (not "players like Bobby Fischer", which gives an example)."""
    if head.dep_ == "nsubj" and head.head.dep_ == "pcomp":
        head = head.head
    elif head.dep_ != "pobj":
        return False
    marker = head.head
    return (
        marker.lower_ in ("like", "unlike")
        and marker.head.pos_ in ("VERB", "AUX")
        and marker.head.lemma_ not in ("look", "sound", "seem", "feel")  # a likeness, often a real person
    )


def _gender(cluster: CharacterCluster, doc: Doc) -> Gender:
    titles = {**_titles_after_name(), **_titles()}
    said = {titles.get(title.lower(), "unknown") for title in cluster.titles} - {"unknown"}
    if len(said) == 1:  # "Mr." and "Mrs." on one name (a couple's surname) settle nothing
        return said.pop()
    relations = _gendered("relation_gender")
    votes: Counter[str] = Counter()
    for m in cluster.named_mentions:
        head = doc[m.end - 1]
        # ("Their grandmother, Han Bok-soon": the parser may hang the apposition on an inner word)
        head = next((t for t in doc[m.start : m.end] if t.dep_ == "appos" and t.head.i < m.start), head)
        if head.dep_ == "appos" and head.head.lemma_.lower() in relations:
            votes[relations[head.head.lemma_.lower()]] += 1
        subject = head.head if head.dep_ == "appos" else head  # "The director, Ossie Thorne, is a …"
        verb = subject.head
        denied = any(c.dep_ == "neg" for c in verb.children)
        if subject.dep_ == "nsubj" and verb.lemma_ == "be" and not denied:
            # "Ossie Thorne is a former insurance man"
            for attr in (c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in relations):
                votes[relations[attr.lemma_.lower()]] += 1
        for child in head.children:
            if (
                child.dep_ in ("appos", "compound")
                and child.lemma_.lower() in relations
                and _next_to(head, child)
            ):
                votes[relations[child.lemma_.lower()]] += 1
        if head.dep_ == "pobj" and head.head.lower_ == "as":
            # "a white-bearded man who introduces himself as Tam Gilloway"
            verb = head.head.head
            own = next((c.lower_ for c in verb.children if c.lower_ in ("himself", "herself")), None)
            if own is not None:
                votes["male" if own == "himself" else "female"] += 2
    if votes:
        return votes.most_common(1)[0][0]  # type: ignore[return-value]
    return "unknown"


def _next_to(name: Token, noun: Token) -> bool:
    """ "Tam, a fisherman", "his sister Nora": a noun set beside the name, not one a misparse hangs on it
    from past a verb ("Skye watched him from the window: a small man in a yellow oilskin")."""
    low, high = sorted((name.i, noun.i))
    between = [t for t in name.doc[low + 1 : high]]
    depth, outside = 0, 0
    for t in between:  # (an actor in parentheses between them is no distance: "Pet Vane (Ann Lally), a girl")
        depth += t.text == "("
        outside += depth == 0
        depth -= t.text == ")" and depth > 0
    return outside <= 6 and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in between)


def _bears_surname(cluster: CharacterCluster, word: str) -> bool:
    """A full name of the character ends with ``word``, or opens with it as a family name written first."""
    for form in cluster.forms:
        if len(form) > 1 and (form[-1] == word or (form[0] == word and _given_word(form) != word)):
            return True
    return False


def _given_word(form: tuple[str, ...]) -> str:
    """The given name of a full name: its first word, or the second after a family name written first
    ("Min-ji" of "Park Min-ji")."""
    if len(form) > 1 and form[0].lower() in word_set("characters", "family_name_first"):
        return form[1]
    return form[0]


def _given_name_gender(cluster: CharacterCluster) -> Gender:
    names = _gendered("given_names")
    full = [f for f in cluster.forms if len(f) > 1]  # (beside a full name, one word is the surname)
    for form in sorted(full or cluster.forms, key=len, reverse=True):
        gender = names.get(_given_word(form).lower())
        if gender:
            return gender
    for nick in cluster.nicknames:
        gender = names.get(nick.lower())
        if gender:
            return gender
    kin = {kin_word_gender(form[0]) for form in cluster.forms if len(form) == 1} - {"unknown"}
    return kin.pop() if len(kin) == 1 else "unknown"  # "Dad", "Nan": whatever pronouns follow them


def _name_gender(cluster: CharacterCluster) -> Gender:
    """The sex a character's names alone give: the lexicon's given names (or a family word), else the
    census lists, else ("Dr. Okafor (Grace Nyambura)": named only by a surname) the actor's first name."""
    gender = _given_name_gender(cluster)
    gender = gender if gender != "unknown" else census_name_gender(cluster)
    return gender if gender != "unknown" else _actor_gender(cluster)


def _named_sex(cluster: CharacterCluster) -> Gender:
    """The sex a character's given name says in the lexicon, else the first name of the actor playing
    them ("Hollis Varga (Imogen Stroud)"), else the census lists."""
    gender = _given_name_gender(cluster)
    gender = gender if gender != "unknown" else _actor_gender(cluster)
    return gender if gender != "unknown" else census_name_gender(cluster)


def _actor_gender(cluster: CharacterCluster) -> Gender:
    """The sex of the actor's given name, from the lexicon or else the census lists."""
    if not cluster.actor:
        return "unknown"
    first = _given_word(tuple(cluster.actor.split()))
    given = _gendered("given_names").get(first.lower())
    census = census_gender(first)
    return given or ("female" if census == "female" else "male" if census == "male" else "unknown")


def census_name_gender(cluster: CharacterCluster) -> Gender:
    """The sex the census lists give a character's first name ("Hester") when the lexicon lacks it and
    nothing in the text says (first names of full names first)."""
    full = [f for f in cluster.forms if len(f) > 1]
    # (a one-word form beside a full name is the surname: "Tandy" of "Warwick Tandy" is no given name)
    for form in sorted(full or cluster.forms, key=len, reverse=True):
        given = _given_word(form)
        if given.lower().rstrip(".") not in _titles() and (census := census_gender(given)) is not None:
            return census  # type: ignore[return-value]
    return "unknown"


def _work_title_words(doc: Doc, index: StoryIndex) -> set[str]:
    """Words of the work's own title, from an opening like "The Wizard of Oz is a 1939 musical film"."""
    words: set[str] = set()
    for sent in index.sentences[:3]:
        for token in sent:
            if token.dep_ != "nsubj" or token.head.lemma_ != "be":
                continue
            if any(c.dep_ == "attr" and c.lemma_.lower() in _WORK_NOUNS for c in token.head.children):
                words |= {t.lower_ for t in token.subtree if t.is_title}
    return words


def find_characters(doc: Doc, title: str | None = None) -> tuple[list[CharacterCluster], list[Mention]]:
    """Characters of ``doc`` and their named mentions, in order of first mention.

    ``title`` (the document's title) helps tell a film named in the text from a person.
    """
    index = story_index(doc)
    builder = _Builder(doc, index)
    clusters, mentions = builder.run()
    _join_renamed(clusters, mentions, index)
    for cluster in clusters:
        if not cluster.forms:  # left only a nickname another character took: named as its mentions write it
            cluster.forms = list(dict.fromkeys(m.form for m in cluster.named_mentions if m.form))
    clusters = [c for c in clusters if c.forms or not c.mentions]
    title_words = {_title_word(w) for w in (title or "").split()} | _work_title_words(doc, index)
    evidence = {c.key: _person_evidence(c, doc, index) for c in clusters if c.mentions}
    cast_words = {
        w for c in clusters if c.mentions and _keep(c, doc, title_words, evidence[c.key]) for w in c.words
    }
    reference = {c.key: _is_reference(c, doc, index, title_words, cast_words) for c in clusters if c.mentions}
    spoken = builder.spoken
    acting = {c.key: _acting(c, doc) for c in clusters if c.mentions}
    notable = {c.key: _notable_kind(c, doc, index.text, acting[c.key]) for c in clusters if c.mentions}
    if _a_listed_work_told(clusters, acting):
        # a synopsis of a work whose people the list knows (Die Hard, Rocky): its minor people are its
        # characters, not references to it — unless the text itself compares to them
        notable = {
            k: None if kind == "reference" and not reference[k] else kind for k, kind in notable.items()
        }
    kept = [
        c
        for c in clusters
        if c.mentions
        and not _a_word_heading_a_line(c, doc)
        and (not spoken or _said_by_name(c, doc, spoken))
        and (
            _keep(c, doc, title_words, evidence[c.key])
            or (
                _only_said(c, spoken)
                and _proper_name_only(c, doc)
                and not _not_a_person(c, doc, title_words, False)
            )
            or notable[c.key] == "person"  # a real person the bundled list knows, wherever the text puts them
            or (
                (reference[c.key] or notable[c.key] is not None)
                and not _not_a_person(c, doc, title_words, False)
                and not _is_work_or_place(c, doc)
            )
        )
    ]
    for cluster in kept:
        person = evidence[cluster.key] and not _lives_in_the_plot(cluster, acting[cluster.key])
        # "Margo is no Sally Albright", "a Miranda Priestly with a burn scar": someone kept as a person's
        # name, used only as a type, is another work's character
        typed = not person and _only_as_a_type(cluster, doc)
        cluster.kind = notable[cluster.key] or _kind(cluster, person, reference[cluster.key] or typed)
        gender = _gender(cluster, doc)
        cluster.gender = gender if gender != "unknown" else _name_gender(cluster)
    kept.sort(key=lambda c: c.mentions[0].char_start)
    remap = {c.key: new for new, c in enumerate(kept)}
    for new, cluster in enumerate(kept):
        cluster.key = new
    mentions = [m for m in mentions if m.cluster in remap]
    for m in mentions:
        m.cluster = remap[m.cluster] if m.cluster is not None else None
    mentions = sorted(
        [*mentions, *article_nickname_mentions(doc, index, kept, mentions)], key=lambda m: m.start
    )
    return kept, mentions


def article_nickname_mentions(
    doc: Doc, index: StoryIndex, clusters: Sequence[CharacterCluster], mentions: Sequence[Mention]
) -> list[Mention]:
    """ "Emeka Okoro, whom every docker calls the Chairman" … "the Chairman stops Femi on the steps": every
    later "the Chairman" is a mention of the one character with that nickname. Returns the new mentions
    (also added to their clusters)."""
    for holder, nick in _nicknames_named(doc, clusters, mentions):
        if nick.split()[0].lower() == "the":
            holder.nicknames.add(nick)  # (names given through a pronoun wait for the pronoun's resolution)
    holders: dict[str, list[CharacterCluster]] = {}
    for c in clusters:
        for nick in c.nicknames:
            words = nick.split()
            if len(words) >= 2 and words[0].lower() == "the" and all(w[:1].isupper() for w in words[1:]):
                holders.setdefault(" ".join(words[1:]), []).append(c)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    for rest, owners in holders.items():
        if len(owners) != 1:
            continue  # two characters called "the Kid": the words settle nothing
        for match in re.finditer(rf"\b[Tt]he {re.escape(rest)}\b", index.text):
            span = doc.char_span(match.start() + 4, match.end(), alignment_mode="expand")
            if span is None or any(i in covered for i in range(span.start, span.end)):
                continue
            sentence = index.token_sentence[span.start]
            if sentence < 0:
                continue
            m = Mention(
                span.start,
                span.end,
                span.start_char,
                span.end_char,
                span.text,
                sentence,
                "name",
                owners[0].key,
                in_quote=index.in_quote(doc[span.start]),
                form=tuple(rest.split()),
            )
            owners[0].mentions.append(m)
            found.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return found


#: Words right before a full name that give someone another name of theirs: a maiden or married name
#: ("Nuala Keane, born Nuala Fahy", "Calla is now Calla Ashworth", "she becomes Daisy Brandt").
_RENAMED = re.compile(
    r"\b(?:born|n[ée]e|becomes|became|is now|was now|had been|was once|goes by|went by|"
    r"(?:married|maiden) name(?: is| was)?)\s+$",
    re.IGNORECASE,
)


def _join_renamed(clusters: list[CharacterCluster], mentions: Sequence[Mention], index: StoryIndex) -> None:
    """A full name given as someone's other name (after "born", "née", "is now", "becomes" …) whose first
    name is the first name or nickname of exactly one other character named outside headings is that
    character's name too."""
    by_key = {c.key: c for c in clusters}
    text = index.text
    for m in mentions:
        if m.kind != "name" or len(m.form) < 2 or m.cluster is None or m.in_quote:
            continue
        if not _RENAMED.search(text[max(0, m.char_start - 30) : m.char_start]):
            continue
        if text[m.char_end : m.char_end + 2] in ("'s", "’s"):
            continue  # "is now Tom Baker's assistant"
        own = by_key.get(m.cluster)
        first = m.form[0].lower()
        holders = [
            c
            for c in clusters
            if c.key != m.cluster
            and c.forms
            and (first in {f[0].lower() for f in c.forms} or first in {n.lower() for n in c.nicknames})
            and any(x.sentence not in index.meta for x in c.mentions)
        ]
        if len(holders) > 1:
            holders = [c for c in holders if c.actor]  # the credited one of several with that first name
        if own is None or len(holders) != 1 or own.actor or own is holders[0]:
            continue
        holder = holders[0]
        holder.forms.extend(f for f in own.forms if f not in holder.forms)
        holder.nicknames |= own.nicknames
        absorb(holder, own)


def mentions_by_token(mentions: Sequence[Mention]) -> dict[int, Mention]:
    """Token index → the mention covering it."""
    result: dict[int, Mention] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            result[i] = m
    return result


@Language.factory(
    "denouement_characters",
    requires=["token.pos", "token.dep", "token.ent_type", "doc._.meta_sentences"],
    assigns=["doc._.characters", "doc._.mentions"],
)
def make_characters(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The ``denouement_characters`` stage. Its word lists are read here, when the pipeline is built,
    rather than on the first text."""
    load_lexicon("quotes")
    _titles()
    _gendered("given_names")
    _gendered("relation_gender")
    _diminutive_table()
    return characters_component


def characters_component(doc: Doc) -> Doc:
    title = doc.user_data.get("denouement_title")
    clusters, mentions = find_characters(doc, title if isinstance(title, str) else None)
    doc._.characters = clusters
    doc._.mentions = mentions
    return doc


#: Verbs that give someone a name: "Vivienne calls him Bunny", "she nicknamed her the Dictionary".
_NAMING_VERBS = frozenset({"call", "nickname", "dub", "christen", "rename"})
_RELATIVE_PRONOUNS = frozenset({"whom", "who", "that"})


def nicknames_given(
    doc: Doc, clusters: Sequence[CharacterCluster], mentions: Sequence[Mention]
) -> dict[int, int]:
    """Names the narration says someone is called, once pronouns are resolved: "Vivienne calls him
    Bunny", "a gentle giant whom everybody calls Big Steve", "Everyone calls Halloran the Colonel",
    "known to everyone as Saint", "is known to the regulars as “the Admiral”". The name becomes the
    character's nickname, and a character that was only that name joins them. Returns where each
    character that joined another went (old key → new key)."""
    joined: dict[int, int] = {}
    for holder, nick in _nicknames_named(doc, clusters, mentions):
        words = tuple(w for w in nick.split() if w.lower() not in _NICK_ARTICLES)
        holder.nicknames.add(nick)
        for other in clusters:
            if other is not holder and other.forms and all(set(f) <= set(words) for f in other.forms):
                holder.actor = holder.actor or other.actor  # "Mr. Green (Martin Balsam)" is Harold Longman
                absorb(holder, other)
                joined[other.key] = holder.key
    return joined


def _nicknames_named(
    doc: Doc, clusters: Sequence[CharacterCluster], mentions: Sequence[Mention]
) -> list[tuple[CharacterCluster, str]]:
    """Each character the narration says is called by a new name, with that name (see
    :func:`nicknames_given`); a pronoun is someone only once resolved."""
    index = story_index(doc)
    by_token = mentions_by_token(mentions)
    by_key = {c.key: c for c in clusters}
    found: list[tuple[CharacterCluster, str]] = []
    for verb in doc:
        if verb.pos_ != "VERB" or index.in_quote(verb):
            continue
        named = _named_by(verb)
        if named is None:
            continue
        person, name = named
        if _someone_new(person):
            continue
        key = _cluster_at(person, by_token)
        holder = by_key.get(key) if key is not None else None
        nick = _nickname_text(name)
        if holder is None or nick is None or holder.kind != "character" or not holder.forms:
            continue
        words = tuple(w for w in nick.split() if w.lower() not in _NICK_ARTICLES)
        if {w.lower() for w in words} <= holder.words:
            continue  # "called Oskar" of Oskar: no new name
        found.append((holder, nick))
    return found


def _named_by(verb: Token) -> tuple[Token, Token] | None:
    """The person a naming verb names and the name's head: (him, Bunny) in "calls him Bunny", (giant,
    Steve) in "a giant whom everybody calls Big Steve", (Adebayo, Saint) in "Adebayo, known to everyone
    as Saint"."""
    lemma = verb.lemma_.lower()
    if lemma in _NAMING_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        names = [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.pos_ == "PROPN"]
        if len(objects) == 2 and objects[1].pos_ == "PROPN":
            names = [objects[1]]  # "nicknamed her the Dictionary": two objects
        elif objects and not names:
            # "calls Halloran the Colonel" (not "calls Robert Hawkins (Kelsey Grammer)", an actor in
            # brackets after someone telephoned)
            names = [
                c
                for c in objects[0].children
                if c.dep_ == "appos" and c.pos_ == "PROPN" and _right_after(c, objects[0])
            ]
        if not objects or len(names) != 1:
            return None
        return _named_one(verb, objects[0]), names[0]
    if lemma == "know":
        # "known as Saint", or with the "as" hung on the word before it: "known to everyone as Saint"
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [
            a for p in preps for o in p.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "prep"
        ]
        names = [o for p in preps if p.lower_ == "as" for o in p.children if o.dep_ in ("pobj", "pcomp")]
        if len(names) != 1 or not (names[0].pos_ == "PROPN" or names[0].is_title):
            return None  # ("known as Sully", whatever the tagger made of "Sully")
        subject = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        if subject:
            return _named_one(verb, subject[0]), names[0]
        if verb.dep_ == "acl":
            return verb.head, names[0]  # "Sunniva Adebayo, known to everyone as Saint"
    return None


def _right_after(name: Token, word: Token) -> bool:
    """Whether a name follows a word with nothing but "the" between them."""
    between = name.doc[word.i + 1 : name.left_edge.i]
    return name.left_edge.i > word.i and all(t.lower_ == "the" for t in between)


def _named_one(verb: Token, person: Token) -> Token:
    """The word for whoever a naming verb's object is: a relative pronoun stands for the noun its clause
    hangs on ("a giant whom everybody calls …")."""
    if person.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return person


def _someone_new(token: Token) -> bool:
    """ "a masked man known as Machine": a noun with "a" before it, and no name beside it (a verb between
    the two is no apposition: "Velvet, whose films star a masked man"), brings in someone the text has
    not named."""
    return (
        token.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        and not (
            token.dep_ == "appos" and not any(t.pos_ == "VERB" for t in token.doc[token.head.i : token.i])
        )
        and not any(c.dep_ == "appos" for c in token.children)
    )


def _cluster_at(token: Token, by_token: Mapping[int, Mention]) -> int | None:
    """The character a word refers to: its own mention, else the name it stands in apposition to ("Stephen
    Ambler, a gentle giant") or that stands in apposition to it ("the forger Sunniva Adebayo")."""
    candidates = [token]
    if token.dep_ == "appos":
        candidates.append(token.head)
    candidates.extend(c for c in token.children if c.dep_ == "appos")
    for t in candidates:
        m = by_token.get(t.i)
        if m is not None and m.cluster is not None:
            return m.cluster
    return None


def _nickname_text(head: Token) -> str | None:
    """A name as written, its compounds and "the" included ("Big Steve", "the Colonel"); None unless
    every word is capitalised and it is not a family word or a word of address."""
    words = [t for t in head.subtree if t.dep_ in ("compound", "det", "amod") or t == head]
    words = [t for t in words if t.i <= head.i and t.i >= head.i - 3]
    text_words = [t.text for t in words if t.pos_ != "PUNCT"]
    bare = [w for w in text_words if w.lower() not in _NICK_ARTICLES]
    if not bare or not all(w[:1].isupper() for w in bare):
        return None
    if len(bare) == 1 and bare[0].lower() in kin_relations():
        return None
    return " ".join(text_words)
