"""Every Story the engine builds is consistent, even on odd, cue-laden inputs: offsets lie inside the
text, every reference (segment, event, divergence, claim) points at something that exists."""

from __future__ import annotations

import pytest

from denouement import Story

pytestmark = pytest.mark.model

ODD_INPUTS = [
    "A.",
    "None of it happened.",
    "She wakes.",
    "Instead.",
    '"Hello?"',
    "# Title\n\nNone of it happened.",
    "She dreams that: a wedding, a child, a dog.",
    ":\n:\n:",
    "(((((",
    "Years earlier, . Back in the present, .",
    "He would go. He would stay. He would leave. He would sing.",
    "X never existed.",
    "In the other timeline, the ferry leaves. The alternate strand ends.",
    "Then the song ends.\n\nThen the song ends.\n\nNone of it happened.",
    " ".join(["she dreams that", "None of it happened.", "Instead,", "she wakes.", '"Hi?"', "In 1912,"] * 60),
]


def check(story: Story) -> None:
    n = len(story.sentences)
    text = story.text
    for s in story.sentences:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.segment is None or any(seg.id == s.segment for seg in story.segments)
    for seg in story.segments:
        assert 0 <= seg.first <= seg.last < n
        for cue in seg.cues:
            assert 0 <= cue.sentence < n and 0 <= cue.start <= cue.end <= len(text)
    assert all(c.name.strip() for c in story.characters)  # every character has a name
    events = {e.id for e in story.events}
    for e in story.events:
        assert 0 <= e.sentence < n and 0 <= e.start <= e.end <= len(text)
    for d in story.divergences:
        assert d.evidence and all(0 <= i < n for i in d.evidence)
        assert d.actual is None or d.actual in events
        assert d.imagined is None or d.imagined in events
    ex = story.explanation
    for claim in (*ex.ending, *ex.imagined, *ex.differences, *ex.meaning):
        assert claim.evidence and all(0 <= i < n for i in claim.evidence)


@pytest.mark.parametrize("text", ODD_INPUTS)
def test_odd_inputs_give_consistent_stories(story_of, text: str) -> None:  # type: ignore[no-untyped-def]
    story = story_of(text)
    check(story)
    assert story.to_markdown()
    assert Story.from_json(story.to_json()) == story


def test_many_stories_in_one_text_give_one_consistent_story(nlp) -> None:  # type: ignore[no-untyped-def]
    # An anthology: the casts of different stories meet in one text, where names and nicknames collide
    # (two characters both called "Pip" once crashed the characters stage). Every fifth annotated story.
    from pathlib import Path

    from denouement import analyse
    from denouement.readers import read, read_text

    devset = sorted(p for p in (Path(__file__).parent / "devset").iterdir() if p.suffix in (".txt", ".md"))
    text = "\n\n".join(read(p).text for p in devset[::5])
    story = analyse(read_text(text, format="text"), nlp)
    check(story)
    assert len(story.characters) > 40
