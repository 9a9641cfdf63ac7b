"""The quick test of cue search never hides a match: results are those of the patterns themselves."""

from __future__ import annotations

import re

import pytest

from denouement.cuesearch import cue_list, folded_text, may_search, prepare_search

PATTERNS = (
    re.compile(r"\bin (?:a|the) (?:dream|nightmare)\b", re.IGNORECASE),
    re.compile(r"\bwakes? (?:up|with a start)\b", re.IGNORECASE),
    re.compile(r"\bday(?:dream|dreams|dreaming)\b", re.IGNORECASE),
    re.compile(r"\bdreams?\b", re.IGNORECASE),
    re.compile(r"\b(?:is|was) (?:only|just) (?:a|her|his) (?:fantasy|vision)\b", re.IGNORECASE),
    re.compile(r"\w+ly", re.IGNORECASE),  # no literal a match must contain: always run
)
TEXTS = [
    "In the dream she is flying over the harbour.",
    "He daydreams through the meeting and wakes with a start.",
    "Her daydreaming costs her the job.",
    "It was only a fantasy, the critic writes.",
    "Nothing here is a cue at all.",
    "IN A NIGHTMARE the house burns.",
    "The ſtreet was only a viſion, and the dream ended.",  # long s folds to "s" under IGNORECASE
    "Slowly the tide comes in.",
    "",
]


def naive(patterns: tuple[re.Pattern[str], ...], text: str) -> list[tuple[int, int]]:
    return [m.span() for p in patterns if (m := p.search(text))]


@pytest.mark.parametrize("text", TEXTS)
def test_a_prepared_list_finds_what_every_pattern_finds(text: str) -> None:
    patterns = tuple(re.compile(p.pattern, p.flags) for p in PATTERNS)
    prepare_search(patterns)
    found = [m.span() for m in cue_list(patterns).matches(text, folded_text(text))]
    assert found == naive(patterns, text)


@pytest.mark.parametrize("text", TEXTS)
def test_a_list_never_prepared_still_finds_every_match(text: str) -> None:
    patterns = tuple(re.compile(p.pattern, p.flags) for p in PATTERNS)
    found = [m.span() for m in cue_list(patterns).matches(text, folded_text(text))]
    assert found == naive(patterns, text)


def test_the_quick_test_turns_down_only_texts_a_pattern_cannot_match() -> None:
    pattern = re.compile(r"\b(?:is|was) (?:only|just) (?:a|her) (?:fantasy|vision)\b", re.IGNORECASE)
    prepare_search((pattern,))
    assert may_search(pattern, folded_text("It was just her vision."))
    assert not may_search(pattern, folded_text("The harbour is calm tonight."))
    # a text with a letter that folds to ASCII cannot be trusted to the lower-cased test
    assert folded_text("ſhe was only a viſion") is None
    assert may_search(pattern, None)


def test_a_pattern_prepared_after_a_text_was_scanned_is_still_found_there() -> None:
    first = (re.compile(r"\bharbour lights\b", re.IGNORECASE),)
    prepare_search(first)
    text = "The harbour lights go out and a zeppelin drifts over the bay."
    folded = folded_text(text)
    assert [m.group() for m in cue_list(first).matches(text, folded)] == ["harbour lights"]
    later = (re.compile(r"\bzeppelins?\b", re.IGNORECASE),)
    prepare_search(later)  # new needles: the scan of the text above is forgotten, not trusted
    assert may_search(later[0], folded)
    assert [m.group() for m in cue_list(later).matches(text, folded)] == ["zeppelin"]
