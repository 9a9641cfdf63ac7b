"""The library call every shell goes through."""

from __future__ import annotations

from pathlib import Path

import pytest

from denouement import InputError, Story, example_path, explain
from denouement.api import load_source

pytestmark = pytest.mark.model


def test_text_path_and_document_give_the_same_story(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ilona Varga buys a violin. “It was my mother's,” she says."
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    from_text = explain(text, nlp=nlp)
    from_path = explain(path, nlp=nlp)
    from_str_path = explain(str(path), nlp=nlp)
    assert from_text.characters == from_path.characters == from_str_path.characters
    assert from_path.source.path == str(path)
    assert from_text.source.path is None


def test_every_offset_points_into_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(example_path(), nlp=nlp)
    for sentence in story.sentences:
        assert story.text[sentence.start : sentence.end] == sentence.text
    for quote in story.quotes:
        assert story.text[quote.start : quote.end] == quote.text
        assert quote.speaker is None or story.character(quote.speaker) is not None
    ids = {c.id for c in story.characters}
    for event in story.events:
        assert story.text[event.start : event.end] == event.text
        assert 0 <= event.sentence < len(story.sentences)
    for c in story.characters:
        assert all(0 <= s < len(story.sentences) for s in c.evidence)
    assert len(ids) == len(story.characters)


def test_markdown_shortcut(nlp) -> None:  # type: ignore[no-untyped-def]
    story: Story = explain("Tove Lund sails home.", nlp=nlp)
    assert story.to_markdown().startswith("# Untitled story")


def test_path_like_string_that_does_not_exist_is_an_input_error() -> None:
    with pytest.raises(InputError):
        load_source("no/such/story.txt")


def test_progress_hears_every_stage_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    heard: list[tuple[str, int, int]] = []
    explain(
        "Ada Pike sails home. She dreams of the sea.",
        format="text",
        nlp=nlp,
        progress=lambda *a: heard.append(a),
    )
    from denouement.nlp import stage_names

    names = [stage for stage, _, _ in heard]
    assert names == ["running the English model", *stage_names(nlp), "building the story", "done"]
    stages = heard[1:]
    assert [done for _, done, _ in stages] == list(range(len(stages)))
    assert {total for _, _, total in stages} == {len(stage_names(nlp)) + 1}


def test_time_limit_stops_a_story_between_stages(nlp) -> None:  # type: ignore[no-untyped-def]
    from denouement import LimitError
    from denouement.api import analyse_many
    from denouement.readers import read_text

    document = read_text("Ada Pike sails home. She dreams of the sea and wakes up.", format="text")
    from denouement.api import analyse

    with pytest.raises(LimitError, match="time limit"):
        analyse(document, nlp, time_limit=1e-9)
    results = analyse_many([document, document], nlp, time_limit=1e-9)
    assert [type(r).__name__ for r in results] == ["LimitError", "LimitError"]
    assert [type(r).__name__ for r in analyse_many([document, document], nlp)] == ["Story", "Story"]


def test_analyse_many_gives_the_same_stories_as_one_by_one(nlp) -> None:  # type: ignore[no-untyped-def]
    from denouement.api import analyse, analyse_many
    from denouement.readers import read, read_text

    documents = [
        read(example_path()),
        read_text(
            "Tom Briar falls asleep. He dreams that he flies. He wakes up on the train.", format="text"
        ),
        read_text("Nell waves.", format="text"),
    ]
    together = analyse_many(documents, nlp)
    assert [s.to_json() for s in together] == [analyse(d, nlp).to_json() for d in documents]  # type: ignore[union-attr]
