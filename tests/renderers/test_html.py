"""The HTML report: self-contained, every claim wired to its evidence, all source text escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from denouement import Story
from denouement.model import UNREAL_LAYERS, Quote
from denouement.renderers import render
from denouement.renderers.html import summary_line

GOLDEN = Path(__file__).parents[1] / "golden" / "example.json"


@pytest.fixture(scope="module")
def example() -> Story:
    return Story.from_json(GOLDEN.read_text(encoding="utf-8"))


class _Collect(HTMLParser):
    """Start tags with their attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_report_is_self_contained(example: Story) -> None:
    html = render(example, "html")
    parsed = _parse(html)
    assert parsed.scripts == 1
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed")
        for name in ("src", "href", "action"):
            value = attrs.get(name) or ""
            assert not re.match(r"(?i)\s*(https?:|//|data:text)", value), (tag, name, value)
    assert "default-src 'none'" in html


def test_every_claim_points_at_sentences_in_the_text(example: Story) -> None:
    parsed = _parse(render(example, "html"))
    sentence_ids = {attrs["id"] for _, attrs in parsed.tags if (attrs.get("id") or "").startswith("sent-")}
    assert sentence_ids == {f"sent-{s.id}" for s in example.sentences}
    claims = [
        attrs for tag, attrs in parsed.tags if tag == "button" and "claim" in (attrs.get("class") or "")
    ]
    expected = example.explanation
    assert len(claims) == sum(
        len(group) for group in (expected.ending, expected.imagined, expected.differences, expected.meaning)
    )
    for attrs in claims:
        cited = (attrs.get("data-evidence") or "").split()
        assert cited and all(f"sent-{i}" in sentence_ids for i in cited)
        assert attrs.get("type") == "button" and attrs.get("aria-pressed") == "false"


def test_text_is_coloured_by_layer_with_a_legend(example: Story) -> None:
    html = render(example, "html")
    for sentence in example.sentences:
        assert f'class="s l-{sentence.layer}" id="sent-{sentence.id}"' in html
    for layer in {s.layer for s in example.sentences}:
        assert f'class="swatch sw-{layer}"' in html


def test_summary_names_the_unreal_sequence(example: Story) -> None:
    line = summary_line(example)
    unreal = next(s for s in example.segments if s.layer in UNREAL_LAYERS)
    assert f"s{unreal.first}–s{unreal.last}" in line and "revealed afterwards" in line
    assert f"{example.source.words:,} words" in line


def test_source_text_is_escaped_everywhere(example: Story) -> None:
    attack = '<img src=x onerror="alert(1)">'
    quote = example.quotes[0]
    hostile = example.model_copy(
        update={
            "title": f"</title><script>alert(1)</script>{attack}",
            "characters": tuple(
                c.model_copy(update={"name": f"{c.name}{attack}"}) for c in example.characters
            ),
            "quotes": (Quote(**{**quote.model_dump(), "text": "</script><script>alert(2)</script>"}),),
        }
    )
    html = render(hostile, "html")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "onerror=&#34;alert(1)&#34;" in html
    assert _parse(html).scripts == 1


@pytest.mark.model
def test_markup_in_a_plain_text_story_stays_text(story_of: Callable[[str], Story]) -> None:
    story = story_of('Nora reads the note aloud: "<b onmouseover=alert(3)>Run</b>". Then she burns it.')
    html = render(story, "html")
    assert "<b onmouseover" not in html and "&lt;b onmouseover=alert(3)&gt;" in html
