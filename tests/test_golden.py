"""Golden files: the bundled example rendered as JSON, Markdown, SVG and HTML.

Regenerate after an intended change with ``DENOUEMENT_UPDATE_GOLDEN=1 make test`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from denouement import Story, example_path, explain
from denouement.renderers import render

GOLDEN = Path(__file__).parent / "golden"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def example(nlp) -> Story:  # type: ignore[no-untyped-def]
    story = explain(example_path(), nlp=nlp)
    # The path differs between machines; the golden files hold the file name only.
    return story.model_copy(update={"source": story.source.model_copy(update={"path": example_path().name})})


@pytest.mark.parametrize(("fmt", "name"), [("json", "example.json"), ("md", "example.md")])
def test_example_matches_golden_file(example: Story, fmt: str, name: str) -> None:
    rendered = render(example, fmt)
    path = GOLDEN / name
    if os.environ.get("DENOUEMENT_UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_golden_json_is_valid_story() -> None:
    story = Story.from_json((GOLDEN / "example.json").read_text(encoding="utf-8"))
    assert story.title and story.characters and story.quotes
    assert json.loads((GOLDEN / "example.json").read_text(encoding="utf-8"))["schema"] == "denouement.story/1"


@pytest.mark.parametrize(("fmt", "name"), [("svg", "example.svg"), ("html", "example.html")])
def test_pictures_of_the_golden_story_match_their_golden_files(fmt: str, name: str) -> None:
    """SVG and HTML are drawn from the golden JSON, so they change only when the drawing does."""
    story = Story.from_json((GOLDEN / "example.json").read_text(encoding="utf-8"))
    rendered = render(story, fmt)
    path = GOLDEN / name
    if os.environ.get("DENOUEMENT_UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")
