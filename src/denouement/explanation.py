"""The ending explained: short claims, each citing the sentences it rests on.

:func:`explain_story` reads a :class:`~denouement.model.Story` whose layers, segments, events and
divergences are filled and writes four lists of claims:

- ``ending`` — what really happens at the end: the main clauses of the last real sentences of the
  story (after the last unreal passage, when there is one);
- ``imagined`` — what each unreal passage shows (its first and last happenings) and how the text marks
  it: announced by an opener, or revealed only afterwards by a reveal;
- ``differences`` — the divergences' summaries;
- ``meaning`` — from the text's commentary when there is some (its creators' and critics' words are
  attributed to them: "Priya Ransome says …"), otherwise a cautious count of what the unreal passage
  changes, adds and leaves out.

Claims are composed only of words taken from the text and of counts; nothing is invented. The function
is pure; the pipeline calls it last, on the Story it has built.
"""

from __future__ import annotations

import bisect
import re

from denouement.model import UNREAL_LAYERS, Claim, Event, Explanation, Quote, Segment, Story

__all__ = ["explain_story"]

UNREAL = UNREAL_LAYERS
#: Real sentences, at most, that tell the ending.
ENDING_SENTENCES = 4
#: Commentary claims, at most.
MEANING_CLAIMS = 4
#: Differences listed, at most.
DIFFERENCE_CLAIMS = 8
_NOT_TELLING = frozenset({"cue", "scene_heading", "transition", "parenthetical", "sound", "furniture"})
_END_MARK = re.compile(
    r"(?:the )?end(?: of (?:the )?(?:film|movie|picture|story|book|script|episode|part \w+))?|fin|fade out"
    r"|fade to black|roll credits|(?:end )?credits(?: roll)?|curtain|the end credits",
    re.IGNORECASE,
)
_KIND_WORDS = {"imagined": "a fantasy", "dream": "a dream", "alternate": "an alternate life"}
_ABOUT_ENDING = re.compile(
    r"\b(?:ending|end|finale|final|last|fantasy|dream|imagined|montage|sequence|real|reality|means?|"
    r"about|point|why|twist|choice|life|lives)\b",
    re.IGNORECASE,
)
_MAX_CLAUSE = 200


def _clause(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    return text if len(text) <= _MAX_CLAUSE else text[: _MAX_CLAUSE - 1].rsplit(" ", 1)[0] + "…"


def _stop(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…", "”")) else text + "."


class _Reading:
    """A Story with the lookups the claims need, made once, so that explaining a long text stays
    linear in its length."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.main_events: dict[int, list[Event]] = {}
        for e in story.events:
            if e.main:
                self.main_events.setdefault(e.sentence, []).append(e)
        self.characters = {c.id: c for c in story.characters}
        self.quotes = sorted(story.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quote that runs over ``offset``, if one does."""
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return self.quotes[i] if i >= 0 and offset < self.quotes[i].end else None


def _sentence_claim(reading: _Reading, sentence: int) -> str:
    story = reading.story
    speech = _script_speech(reading, sentence)
    if speech is not None:
        return speech
    events = reading.main_events.get(sentence, [])
    if events:
        return "; ".join(_clause(e.text) for e in events[:3])
    return _clause(story.sentences[sentence].text)


def _script_speech(reading: _Reading, sentence: int) -> str | None:
    """A script's line of dialogue as "NAME says: “…”" (None for anything else)."""
    where = reading.story.sentences[sentence]
    if where.block != "dialogue":
        return None
    quote = reading.quote_at(where.start)
    speaker = reading.characters.get(quote.speaker) if quote is not None and quote.speaker else None
    if speaker is None:
        return None
    return f"{speaker.name} says: “{_clause(where.text)}”"


def _tells(story: Story, sentence: int) -> bool:
    """Whether a real sentence can tell the ending: not a script's cue, heading, transition or aside."""
    where = story.sentences[sentence]
    return where.block not in _NOT_TELLING and not _END_MARK.fullmatch(where.text.strip().rstrip(".!: "))


def _ending(reading: _Reading) -> tuple[Claim, ...]:
    story = reading.story
    unreal_last = max((seg.last for seg in story.segments if seg.layer in UNREAL), default=-1)
    after = [
        s.id for s in story.sentences if s.layer == "actual" and s.id > unreal_last and _tells(story, s.id)
    ]
    real = after or [s.id for s in story.sentences if s.layer == "actual" and _tells(story, s.id)]
    # after an unreal passage, the real line that resumes is the ending; otherwise the last sentences
    chosen = real[:ENDING_SENTENCES] if after and unreal_last >= 0 else real[-ENDING_SENTENCES:]
    return tuple(
        Claim(text=_stop(f"{'Then' if k else 'In the end'}: {_sentence_claim(reading, n)}"), evidence=(n,))
        for k, n in enumerate(chosen)
    )


def _cue_claim(story: Story, seg: Segment) -> Claim | None:
    reveal = next((c for c in seg.cues if c.role == "reveal"), None)
    if reveal is not None:
        return Claim(
            text="It is told as if real and revealed only afterwards: "
            f"“{_clause(story.sentences[reveal.sentence].text)}”",
            evidence=(reveal.sentence,),
        )
    opener = next((c for c in seg.cues if c.role == "open"), None)
    closer = next((c for c in seg.cues if c.role == "close"), None)
    if opener is not None:
        text = f"The text announces it: “{_clause(opener.text)}”"
        evidence = [opener.sentence]
        if closer is not None:
            text += f", and ends it: “{_clause(closer.text)}”"
            evidence.append(closer.sentence)
        return Claim(text=text + ".", evidence=tuple(sorted(set(evidence))))
    return None


def _imagined(reading: _Reading) -> tuple[Claim, ...]:
    story = reading.story
    claims: list[Claim] = []
    for seg in story.segments:
        if seg.layer not in UNREAL:
            continue
        ids = [s.id for s in story.sentences[seg.first : seg.last + 1] if s.layer == seg.layer]
        if not ids:
            continue
        first, last = _sentence_claim(reading, ids[0]), _sentence_claim(reading, ids[-1])
        shows = first if len(ids) == 1 else f"{first} … {last}"
        claims.append(
            Claim(
                text=f"Sentences s{ids[0]}–s{ids[-1]} are {_KIND_WORDS[seg.layer]}: {shows}.",
                evidence=tuple(ids),
            )
        )
        cue = _cue_claim(story, seg)
        if cue is not None:
            claims.append(cue)
    return tuple(claims)


def _differences(story: Story) -> tuple[Claim, ...]:
    ordered = sorted(
        story.divergences, key=lambda d: ("changed", "only_imagined", "only_actual").index(d.kind)
    )
    return tuple(Claim(text=d.summary, evidence=d.evidence) for d in ordered[:DIFFERENCE_CLAIMS])


def _speaker_claims(reading: _Reading, commentary: set[int]) -> list[Claim]:
    claims = []
    for q in reading.story.quotes:
        speaker = reading.characters.get(q.speaker) if q.speaker else None
        if speaker is None or speaker.kind != "person" or q.sentence not in commentary:
            continue
        claims.append(Claim(text=f"{speaker.name} says: “{_clause(q.text)}”", evidence=(q.sentence,)))
    return claims


def _meaning(reading: _Reading) -> tuple[Claim, ...]:
    story = reading.story
    commentary = {s.id for s in story.sentences if s.layer == "commentary"}
    if commentary:
        claims = _speaker_claims(reading, commentary)
        quoted = {c.evidence[0] for c in claims}
        unreal_first = min((seg.first for seg in story.segments if seg.layer in UNREAL), default=None)
        for s in story.sentences:
            if s.id not in commentary or s.id in quoted or not _ABOUT_ENDING.search(s.text):
                continue
            if unreal_first is not None and s.id < unreal_first:
                continue
            claims.append(Claim(text=f"The text says: “{_clause(s.text)}”", evidence=(s.id,)))
        return tuple(claims[:MEANING_CLAIMS])
    return _pattern_meaning(story)


def _pattern_meaning(story: Story) -> tuple[Claim, ...]:
    """No commentary: say only what the divergences count."""
    if not story.divergences:
        return ()
    kinds = {
        k: [d for d in story.divergences if d.kind == k] for k in ("changed", "only_imagined", "only_actual")
    }
    parts = []
    if kinds["changed"]:
        parts.append(f"rewrites {len(kinds['changed'])} thing(s) that really happen")
    if kinds["only_imagined"]:
        parts.append(f"adds {len(kinds['only_imagined'])} that never happen")
    if kinds["only_actual"]:
        parts.append(f"leaves out {len(kinds['only_actual'])} real outcome(s)")
    evidence = sorted({n for d in story.divergences for n in d.evidence})
    return (
        Claim(
            text="The text offers no interpretation of its own; going by the differences alone, the unreal "
            f"passage {', '.join(parts)}.",
            evidence=tuple(evidence),
        ),
    )


def explain_story(story: Story) -> Explanation:
    """The ending explained, from the Story's own layers, events, divergences and commentary."""
    reading = _Reading(story)
    return Explanation(
        ending=_ending(reading),
        imagined=_imagined(reading),
        differences=_differences(story),
        meaning=_meaning(reading),
    )
