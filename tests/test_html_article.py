"""An article page end to end: only the article survives, furniture inside it is meta."""

from __future__ import annotations

from pathlib import Path

import pytest

from denouement import explain

pytestmark = pytest.mark.model

PAGE = Path(__file__).parent / "data" / "harbour-lights.html"


def test_article_page_keeps_only_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(PAGE, nlp=nlp)
    for chrome in ("Home", "Ten lighthouse films ranked", "All rights reserved", "window.track", "Privacy"):
        assert chrome not in story.text
    assert "Karin arrives on the last ferry" in story.text
    layer = {s.text: s.layer for s in story.sentences}
    ending = next(
        text for text in layer if text.startswith("In the final scene the sisters ring the fog bell")
    )
    assert layer[ending] == "actual"
    assert layer["Harbour Lights is now streaming on Netflix."] == "meta"
    assert all(s.layer == "meta" for s in story.sentences if s.block == "heading")
    names = {c.name: c for c in story.characters}
    assert names["Edda Rask"].actor == "Liv Moberg"
    assert names["Karin Rask"].actor == "Ylva Dahl"
    assert "Liv Moberg" not in names and "Netflix" not in names
    speakers = {q.text: story.display_name(q.speaker) for q in story.quotes}
    assert speakers["You kept the light burning for nobody,"] == "Karin Rask"
    assert speakers["It was never for nobody."] == "Edda Rask"
