"""The commentary model: features, the bundled coefficients, a user's own model, and its training script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from denouement.commentary import SentenceSignals, commentary_model, features, probabilities
from denouement.errors import PipelineError


def _signal(
    index: int, weight: int, words: tuple[tuple[str, str], ...], paragraph: int = 0
) -> SentenceSignals:
    return SentenceSignals(
        index=index,
        paragraph=paragraph,
        weight=weight,
        words=words,
        flags=frozenset({"paragraph_start"}) if index == 0 else frozenset(),
        work_subject="",
        tense="present",
        quoted=0.0,
        strong=0,
        weak=0,
        characters=0,
    )


def test_features_read_the_sentence_and_its_surroundings() -> None:
    signals = [
        _signal(0, 3, (("DET", "the"), ("NOUN", "film"), ("AUX", "be"), ("ADJ", "wonderful"))),
        _signal(1, -2, (("PROPN", "Ruth"), ("VERB", "sail"), ("ADV", "home"))),
    ]
    first = features(signals, 0, 2)
    assert first["L:wonderful"] == 1 and first["F:the"] == 1 and first["w=3"] == 1
    assert first["nextw=-2"] == 1 and "prevw=-2" not in first
    assert first["parashare=2"] == 1  # one of the paragraph's two sentences has a weight of 2 or more
    assert first["paragraph_start"] == 1


def test_the_bundled_model_calls_a_verdict_commentary_and_a_happening_plot() -> None:
    verdict = _signal(
        0, 3, (("PRON", "it"), ("AUX", "be"), ("DET", "a"), ("ADJ", "beautiful"), ("NOUN", "film"))
    )
    happening = _signal(
        1, -2, (("PROPN", "Ruth"), ("VERB", "row"), ("ADP", "across"), ("DET", "the"), ("NOUN", "bay")), 1
    )
    chances = probabilities([verdict, happening], 2)
    assert chances[0] > commentary_model().threshold > chances[1]


def test_a_users_model_in_the_lexicon_folder_replaces_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "commentary_model.json").write_text(
        json.dumps({"threshold": 0.5, "coefficients": {"bias": 5}})
    )
    os.environ["DENOUEMENT_LEXICON_DIR"] = str(tmp_path)
    commentary_model.cache_clear()
    try:
        plot = _signal(0, -3, (("PROPN", "Ruth"), ("VERB", "row")))
        assert probabilities([plot], 1)[0] > 0.99
    finally:
        del os.environ["DENOUEMENT_LEXICON_DIR"]
        commentary_model.cache_clear()


def test_a_broken_model_file_is_a_pipeline_error(tmp_path: Path) -> None:
    (tmp_path / "commentary_model.json").write_text("{not json")
    os.environ["DENOUEMENT_LEXICON_DIR"] = str(tmp_path)
    commentary_model.cache_clear()
    try:
        with pytest.raises(PipelineError):
            commentary_model()
    finally:
        del os.environ["DENOUEMENT_LEXICON_DIR"]
        commentary_model.cache_clear()


@pytest.mark.model
def test_the_training_script_fits_a_model_on_annotated_stories(tmp_path: Path) -> None:
    devset = Path(__file__).parent / "devset"
    for stem in ("b16-redress", "w08-pinsents-fortnight-review", "x09-proving"):
        for path in devset.glob(stem + ".*"):
            shutil.copy(path, tmp_path / path.name)
    out = tmp_path / "model.json"
    root = Path(__file__).parent.parent
    subprocess.run(
        [sys.executable, str(root / "tools" / "train_commentary.py"), str(tmp_path), "--out", str(out)],
        check=True,
        cwd=root,
        capture_output=True,
    )
    model = json.loads(out.read_text())
    assert model["threshold"] == 0.5 and model["examples"] > 50
    assert len(model["coefficients"]) > 20
