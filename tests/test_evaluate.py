"""The evaluator, and the dev set as a regression floor for the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from denouement import example_path, explain
from denouement.evaluate import evaluate_dir, load_annotation, score_story, summarise

TESTS = Path(__file__).parent


@pytest.mark.model
def test_bundled_example_scores_perfectly_on_cast_and_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    ann = load_annotation(TESTS / "data" / "example.yaml", story=example_path())
    score = score_story(explain(ann.story_path, nlp=nlp), ann)
    figures = summarise([score])
    assert figures["character_accuracy"] == 1.0, score.problems
    assert figures["speaker_accuracy"] == 1.0, score.problems


@pytest.mark.model
def test_dev_set_floor() -> None:
    """Scores on the annotated dev set may only go up (figures measured when this floor was set)."""
    figures = summarise(evaluate_dir(TESTS / "devset"))
    assert figures["stories"] >= 484
    assert figures["character_recall"] >= 0.967
    assert figures["character_accuracy"] >= 0.883
    assert figures["character_names_actors"] >= 0.910
    assert figures["speaker_accuracy"] >= 0.859
    assert figures["quote_recall"] >= 0.983
    assert figures["character_precision"] >= 0.939
    assert figures["layer_coarse"] >= 0.956
    assert figures["unreal_f1"] >= 0.904
    assert figures["divergence_recall"] >= 0.345
    assert figures["linear_false_segments"] == 0  # no unreal passage invented in a story without one


def test_annotation_needs_a_story_beside_it(tmp_path: Path) -> None:
    (tmp_path / "lonely.yaml").write_text("characters: []\n", encoding="utf-8")
    with pytest.raises(Exception, match="no story file"):
        load_annotation(tmp_path / "lonely.yaml")


def test_a_part_of_the_gold_name_counts_as_an_alias_the_engine_knows() -> None:
    from denouement.evaluate import _alias_found
    from denouement.model import Character

    gold = {"name": "Dorothea Marchbanks", "aliases": ["Dorothea", "Dot"]}
    full = Character(
        id="c1",
        name="Dorothea Marchbanks",
        aliases=(),
        actor=None,
        kind="character",
        mentions=3,
        first_sentence=0,
    )
    nicknamed = full.model_copy(update={"aliases": ("Dot",)})
    assert _alias_found("Dorothea", gold, full)
    assert not _alias_found("Dot", gold, full)  # a nickname must be found in the text
    assert _alias_found("Dot", gold, nicknamed)
    surname_only = full.model_copy(update={"name": "Marchbanks"})
    assert not _alias_found("Dorothea", gold, surname_only)


def test_a_name_that_is_only_a_family_title_is_compared_as_written() -> None:
    from denouement.evaluate import _alias_found, _matches
    from denouement.model import Character

    grandpa = Character(
        id="c1", name="Grandpa", aliases=(), actor=None, kind="character", mentions=9, first_sentence=0
    )
    nan = grandpa.model_copy(update={"id": "c2", "name": "Nan"})
    assert _matches({"name": "Grandpa", "aliases": []}, grandpa)
    assert not _matches({"name": "Grandpa", "aliases": []}, nan)
    named = grandpa.model_copy(update={"name": "Frank Marsh", "aliases": ()})
    assert not _alias_found("Grandpa", {"name": "Frank Marsh"}, named)  # an alias that must be merged
    assert _alias_found(
        "Grandpa", {"name": "Frank Marsh"}, named.model_copy(update={"aliases": ("Grandpa",)})
    )


def test_an_annotation_anchor_is_found_as_a_whole_word_first() -> None:
    from types import SimpleNamespace

    from denouement.evaluate import _locate

    text = "With gales forecast, Peg waits.\n\nCast\n\nMaureen Tallis as Peg"
    story = SimpleNamespace(text=text)
    assert _locate(story, "Cast") == text.index("Cast\n")  # type: ignore[arg-type]
    assert _locate(story, "gales fore") == text.index("gales")  # type: ignore[arg-type]
    assert _locate(story, "nowhere") is None  # type: ignore[arg-type]
