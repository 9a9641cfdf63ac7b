"""The SVG timeline: well-formed, one group per lane and link, escaped labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from denouement import Story
from denouement.renderers import render
from denouement.renderers.lanes import layout
from denouement.renderers.svg import timeline_svg

GOLDEN = Path(__file__).parents[1] / "golden" / "example.json"
NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def example() -> Story:
    return Story.from_json(GOLDEN.read_text(encoding="utf-8"))


def _groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [g for g in root.iter("{http://www.w3.org/2000/svg}g") if css_class in g.get("class", "").split()]


def test_svg_is_well_formed_with_lanes_nodes_and_links(example: Story) -> None:
    root = ET.fromstring(render(example, "svg"))
    timeline = layout(example)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(_groups(root, "tl-lane")) == len(timeline.lanes) == 2
    assert len(_groups(root, "tl-node")) == len(timeline.nodes)
    links = _groups(root, "tl-link")
    assert len(links) == len(timeline.links) > 0
    for link in links:
        assert link.get("data-evidence") and link.find("svg:title", NS) is not None


def test_every_node_cites_sentences_that_exist(example: Story) -> None:
    root = ET.fromstring(render(example, "svg"))
    ids = {s.id for s in example.sentences}
    for node in _groups(root, "tl-node"):
        cited = {int(i) for i in node.get("data-evidence", "").split()}
        assert cited and cited <= ids
        assert node.get("tabindex") == "0" and node.get("aria-label")


def test_differences_key_lists_every_divergence(example: Story) -> None:
    svg = render(example, "svg")
    for divergence in example.divergences:
        assert f">{divergence.id}</tspan>" in svg


def test_source_text_is_escaped(example: Story) -> None:
    hostile = example.model_copy(update={"title": 'Night & Day <script>alert("x")</script>'})
    svg = timeline_svg(hostile)
    ET.fromstring(svg)
    assert "<script>" not in svg and "Night &amp; Day &lt;script&gt;" in svg


def test_embedded_svg_has_no_style_sheet_or_namespace(example: Story) -> None:
    inline = timeline_svg(example, standalone=False)
    assert "<style>" not in inline and "xmlns" not in inline.split(">", 1)[0]
