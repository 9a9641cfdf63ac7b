"""The quote-mark scanner (pure text, no model)."""

from __future__ import annotations

from denouement.quotemarks import find_quote_marks, inside_quotes


def inner(text: str) -> list[str]:
    return [text[m.inner_start : m.inner_end] for m in find_quote_marks(text)]


def test_curly_and_straight_doubles_pair_up() -> None:
    text = '“I love you,” she says, “but I can\'t stay.” He calls it a "perfect" night.'
    assert inner(text) == ["I love you,", "but I can't stay.", "perfect"]


def test_apostrophes_do_not_open_single_quotes() -> None:
    text = "Robert's car isn't here. She said 'don't go' twice, and the Joneses' dog barked."
    assert inner(text) == ["don't go"]


def test_unclosed_quote_runs_to_the_end_of_its_paragraph_only() -> None:
    text = "“The first paragraph of a long speech\n“And the second.”"
    marks = find_quote_marks(text)
    assert inner(text) == ["The first paragraph of a long speech", "And the second."]
    assert not marks[0].closed and marks[1].closed


def test_inside_quotes_finds_the_enclosing_stretch() -> None:
    text = 'He said "stop here" and left.'
    marks = find_quote_marks(text)
    assert inside_quotes(marks, text.index("stop")) is marks[0]
    assert inside_quotes(marks, text.index("left")) is None
