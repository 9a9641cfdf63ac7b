"""The timeline's lanes: real line in story order, one lane per unreal segment, links for differences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from denouement import Story
from denouement.model import UNREAL_LAYERS
from denouement.renderers.lanes import layout, shorten

GOLDEN = Path(__file__).parents[1] / "golden" / "example.json"


@pytest.fixture(scope="module")
def example() -> Story:
    return Story.from_json(GOLDEN.read_text(encoding="utf-8"))


def test_one_lane_per_unreal_segment(example: Story) -> None:
    timeline = layout(example)
    unreal = [s for s in example.segments if s.layer in UNREAL_LAYERS]
    assert len(timeline.lanes) == 1 + len(unreal)
    assert [lane.segment for lane in timeline.lanes[1:]] == [s.id for s in unreal]
    assert all(n.layer in UNREAL_LAYERS for n in timeline.nodes if n.lane > 0)
    assert all(n.layer not in UNREAL_LAYERS for n in timeline.nodes if n.lane == 0)


def test_real_lane_follows_story_order(example: Story) -> None:
    timeline = layout(example)
    index = {e.id: e.story_index for e in example.events}
    firsts = [min(index[e] for e in n.events if index[e] is not None) for n in timeline.lane_nodes(0)]
    assert firsts == sorted(firsts)


def test_links_join_the_events_a_divergence_pairs(example: Story) -> None:
    timeline = layout(example)
    changed = [d for d in example.divergences if d.kind == "changed"]
    assert {link.id for link in timeline.links} == {d.id for d in changed}
    for link in timeline.links:
        divergence = next(d for d in changed if d.id == link.id)
        source, target = timeline.node(link.source), timeline.node(link.target)
        assert source is not None and target is not None
        assert source.lane == 0 and target.lane > 0
        assert divergence.actual in source.events and divergence.imagined in target.events


def test_paired_events_sit_at_or_after_their_earliest_real_counterpart(example: Story) -> None:
    timeline = layout(example)
    lane = timeline.lane_nodes(1)
    assert [n.slot for n in lane] == sorted({n.slot for n in lane})  # strictly increasing
    earliest: dict[str, int] = {}
    for link in timeline.links:
        source = timeline.node(link.source)
        assert source is not None
        earliest[link.target] = min(earliest.get(link.target, source.slot), source.slot)
    assert earliest
    for target_id, slot in earliest.items():
        target = timeline.node(target_id)
        assert target is not None and target.slot >= slot


def test_one_sided_events_are_badged(example: Story) -> None:
    timeline = layout(example)
    only_imagined = {d.imagined for d in example.divergences if d.kind == "only_imagined"}
    badged = {e for n in timeline.nodes if n.badge and n.lane > 0 for e in n.events}
    assert only_imagined and only_imagined <= badged


def test_long_lanes_are_thinned_but_keep_linked_nodes(example: Story) -> None:
    timeline = layout(example, max_nodes=5)
    real = timeline.lane_nodes(0)
    assert len(real) < len(layout(example).lane_nodes(0))
    assert sum(n.merged for n in real) == len(layout(example).lane_nodes(0))
    linked = {link.source for link in timeline.links}
    assert linked and all(timeline.node(i) is not None for i in linked)


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("the boat turns away from the rocks", 20) == "the boat turns away…"
    assert shorten("  short\n text ") == "short text"


@pytest.mark.model
def test_flashback_sits_at_its_story_time_and_keeps_its_telling_place(
    story_of: Callable[[str], Story],
) -> None:
    story = story_of(
        "Mara Quill keeps the lighthouse on a rocky island off the coast. One stormy night a fishing "
        "boat loses its way near the reef. Years earlier, her brother Ned drowned when the old lamp "
        "failed. She swore then that no ship would ever be lost on her watch. Back in the present, Mara "
        "climbs the tower and lights the lamp by hand. The boat turns away from the rocks at the last moment."
    )
    real = layout(story).lane_nodes(0)
    flashback = [n for n in real if n.out_of_order]
    assert flashback and flashback[0].layer == "flashback"
    told_before = [n for n in real if not n.out_of_order and n.told < flashback[0].told]
    assert told_before and all(flashback[0].slot < n.slot for n in told_before)


@pytest.mark.model
def test_dream_lane_branches_from_where_it_is_told(story_of: Callable[[str], Story]) -> None:
    story = story_of(
        "Tom Briar falls asleep on the night train to the coast. He dreams that he is flying over his "
        "home town, waving at his late father on the church roof. His father waves back and calls his "
        "name. Tom wakes up with a jolt as the train pulls into the station. He steps onto the platform "
        "and phones his sister."
    )
    timeline = layout(story)
    assert [lane.layer for lane in timeline.lanes] == ["actual", "dream"]
    lane = timeline.lanes[1]
    before, after = timeline.node(lane.branch_from), timeline.node(lane.returns_to)
    assert before is not None and after is not None
    assert before.told < (lane.first or 0) and after.told > (lane.last or 0)
