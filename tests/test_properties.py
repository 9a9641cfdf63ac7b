"""Property tests: whatever text comes in, the engine answers with a valid Story or an InputError.

Every offset lies inside the text, every reference points at something that exists, the JSON validates
against the checked-in schema, and the HTML report escapes all source text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from denouement import InputError, Story, explain
from denouement.renderers import render

pytestmark = pytest.mark.model
SCHEMA = json.loads((Path(__file__).parents[1] / "schema" / "story-1.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Words that switch the engine's rules on: names, cue words, quote marks, markup, script shapes.
PIECES = [
    "Mara",
    "Quill",
    "Ned",
    "she",
    "he",
    "dreams",
    "that",
    "wakes up",
    "Years earlier,",
    "Back in the present,",
    "None of it is real.",
    "Instead,",
    "imagines",
    "the life they could have had",
    "In 1912,",
    '"',
    "“",
    "”",
    "'",
    ":",
    ";",
    ",",
    ".",
    "!",
    "?",
    "\n",
    "\n\n",
    "# ",
    "* ",
    "<b>",
    "</b>",
    "<script>alert(1)</script>",
    "&amp;",
    "INT. HOUSE - NIGHT",
    "MARA",
    "(V.O.)",
    "CUT TO:",
    "FLASHBACK",
    "-->",
    "00:00:01,000",
    "…",
    "—",
    "(",
    ")",
    "[",
    "]",
    "played by",
    "(Rafe Donnelly)",
    "\t",
    "é",
    "日本",
    "🙂",
    "\u200b",
    "\r\n",
]
TEXTS = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=0, max_size=40).map(" ".join),
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=30).map("".join),
)


def _assert_consistent(story: Story) -> None:
    text, n = story.text, len(story.sentences)
    characters = {c.id for c in story.characters}
    events = {e.id for e in story.events}
    segments = {s.id for s in story.segments}
    for s in story.sentences:
        assert 0 <= s.start <= s.end <= len(text) and s.text == text[s.start : s.end]
        assert s.segment is None or s.segment in segments
    for c in story.characters:
        assert 0 <= c.first_sentence < max(n, 1)
    for seg in story.segments:
        assert 0 <= seg.first <= seg.last < n
        assert all(0 <= cue.start <= cue.end <= len(text) and 0 <= cue.sentence < n for cue in seg.cues)
    for e in story.events:
        assert 0 <= e.start <= e.end <= len(text) and 0 <= e.sentence < n
    for q in story.quotes:
        assert 0 <= q.start <= q.end <= len(text) and 0 <= q.sentence < n
        assert q.speaker is None or q.speaker in characters
        assert q.addressee is None or q.addressee in characters
    for d in story.divergences:
        assert all(0 <= i < n for i in d.evidence)
        assert d.actual is None or d.actual in events
        assert d.imagined is None or d.imagined in events
    ex = story.explanation
    for claim in (*ex.ending, *ex.imagined, *ex.differences, *ex.meaning):
        assert claim.evidence and all(0 <= i < n for i in claim.evidence)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_valid_story_or_an_input_error(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        story = explain(text, format="auto", nlp=nlp)
    except InputError:
        return
    _assert_consistent(story)
    VALIDATOR.validate(json.loads(story.to_json()))
    assert Story.from_json(story.to_json()) == story


_TAG = re.compile(r"<(script|b|img|iframe)\b", re.IGNORECASE)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from([*PIECES, '<img src=x onerror="alert(2)">', "<iframe>"]), min_size=1, max_size=30
    )
)
def test_html_report_escapes_all_source_text(nlp, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    try:
        story = explain(" ".join(pieces), format="text", nlp=nlp)
    except InputError:
        return
    html = render(story, "html")
    body = html.split("<body>", 1)[1].rsplit("<script>", 1)[0]
    assert not _TAG.search(body), "source markup reached the report unescaped"
    assert html.count("<script>") == 1
