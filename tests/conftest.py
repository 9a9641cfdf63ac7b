"""Shared fixtures: the real English pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from denouement import Story, explain
from denouement.nlp import load_pipeline

TESTS = Path(__file__).parent


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="session")
def story_of(nlp) -> Callable[[str], Story]:  # type: ignore[no-untyped-def]
    """Explain a text given as a string (results cached per text)."""
    cache: dict[str, Story] = {}

    def run(text: str) -> Story:
        if text not in cache:
            cache[text] = explain(text, format="text", nlp=nlp)
        return cache[text]

    return run
