"""The Story model and its JSON contract."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pydantic
import pytest

from denouement.model import SCHEMA_ID, Explanation, Source, Story, json_schema

SCHEMA_FILE = Path(__file__).parents[1] / "schema" / "story-1.json"


def tiny() -> Story:
    return Story(
        title=None,
        text="x",
        source=Source(path=None, format="text", sha256="0", chars=1, words=1),
        characters=(),
        sentences=(),
        segments=(),
        events=(),
        quotes=(),
        divergences=(),
        explanation=Explanation(),
    )


def test_checked_in_schema_matches_the_model() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == json_schema(), "run `make schema` and commit schema/story-1.json"


def test_contract_field_names() -> None:
    data = json.loads(tiny().to_json())
    assert data["schema"] == SCHEMA_ID
    assert list(data) == [
        "schema",
        "title",
        "text",
        "source",
        "characters",
        "sentences",
        "segments",
        "events",
        "quotes",
        "divergences",
        "explanation",
        "scenes",
        "script",
    ]
    assert list(data["explanation"]) == ["ending", "imagined", "differences", "meaning"]


def test_round_trip_and_pickle() -> None:
    story = tiny()
    assert Story.from_json(story.to_json()) == story
    assert pickle.loads(pickle.dumps(story)) == story


def test_frozen() -> None:
    story = tiny()
    with pytest.raises(pydantic.ValidationError):
        story.title = "changed"  # type: ignore[misc]
