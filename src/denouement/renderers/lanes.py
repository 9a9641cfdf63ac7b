"""The timeline as lanes: the real line in story order on top, one lane per unreal segment beneath.

:func:`layout` turns a :class:`~denouement.model.Story` into a :class:`Timeline` of plain values (slots,
not pixels) that the SVG and HTML renderers draw. Every node and link keeps the sentence ids it rests on.

- The real lane holds one node per sentence with real events (actual, flashback, flash-forward), ordered
  by the events' ``story_index``. A flashback therefore sits at its story time; it keeps the sentence id
  where it is told (``told``) and is marked ``out_of_order``.
- Each imagined, dream or alternate segment is a lane of its own, one node per event. An event that a
  divergence pairs with a real one sits under (or after) that real node, so the link between them is
  short; the rest follow in telling order. A lane with no pairs starts where it is told. Each lane
  records the real node told just before it (``branch_from``) and just after it (``returns_to``).
- Links join paired events across lanes (``changed`` divergences). Events only one side has carry a badge.
- Long stories are thinned: runs of unlinked nodes merge so that a lane has at most ``max_nodes`` nodes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from denouement.model import REAL_LAYERS, UNREAL_LAYERS, Event, Segment, Story

__all__ = ["Lane", "Link", "Node", "Timeline", "layout", "shorten"]

MAX_NODES = 80
_LABEL_CHARS = 60


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    lane: int
    slot: int
    label: str
    text: str = ""
    layer: str = "actual"
    sentences: tuple[int, ...] = ()
    events: tuple[str, ...] = ()
    told: int = 0
    out_of_order: bool = False
    merged: int = 1
    badge: str | None = None


@dataclass(frozen=True, slots=True)
class Lane:
    index: int
    title: str
    layer: str
    segment: str | None = None
    first: int | None = None
    last: int | None = None
    branch_from: str | None = None
    returns_to: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    id: str
    kind: str
    source: str
    target: str
    label: str
    evidence: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]

    @property
    def slots(self) -> int:
        return max((n.slot for n in self.nodes), default=-1) + 1

    def node(self, node_id: str | None) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def lane_nodes(self, lane: int) -> list[Node]:
        return sorted((n for n in self.nodes if n.lane == lane), key=lambda n: n.slot)


def shorten(text: str, limit: int = _LABEL_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if flat[limit - 1] != " " and " " in cut:  # drop the word the limit cuts through
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _main_event(events: list[Event]) -> Event:
    return next((e for e in events if e.main and not e.negated), events[0])


def _real_groups(story: Story) -> list[tuple[float, int, list[Event]]]:
    """(story position, sentence id, events) for each sentence with real events, in story order."""
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in story.events:
        if event.layer in REAL_LAYERS:
            by_sentence[event.sentence].append(event)
    groups: list[tuple[float, int, list[Event]]] = []
    last_index = -1.0
    for sentence_id in sorted(by_sentence):
        events = by_sentence[sentence_id]
        indices = [e.story_index for e in events if e.story_index is not None]
        position = float(min(indices)) if indices else last_index + 0.5
        if indices:
            last_index = float(max(indices))
        groups.append((position, sentence_id, events))
    groups.sort(key=lambda group: (group[0], group[1]))
    return groups


def _pairings(story: Story) -> tuple[dict[str, set[str]], set[str], set[str]]:
    """Which imagined event pairs with which real events, and the events only one side has."""
    paired: dict[str, set[str]] = defaultdict(set)
    only_imagined: set[str] = set()
    only_actual: set[str] = set()
    for divergence in story.divergences:
        if divergence.kind == "changed" and divergence.actual and divergence.imagined:
            paired[divergence.imagined].add(divergence.actual)
        elif divergence.kind == "only_imagined" and divergence.imagined:
            only_imagined.add(divergence.imagined)
        elif divergence.kind == "only_actual" and divergence.actual:
            only_actual.add(divergence.actual)
    return paired, only_imagined, only_actual


def _real_nodes(story: Story, only_actual: set[str], layer_label: str) -> list[Node]:
    sentence_layer = {s.id: s.layer for s in story.sentences}
    sentence_text = {s.id: s.text for s in story.sentences}
    nodes: list[Node] = []
    for slot, (_, sentence_id, events) in enumerate(_real_groups(story)):
        layer = sentence_layer.get(sentence_id, "actual")
        ids = tuple(e.id for e in events)
        badge = f"not in the {layer_label}" if only_actual.intersection(ids) else None
        nodes.append(
            Node(
                id=f"r{sentence_id}",
                lane=0,
                slot=slot,
                label=shorten(_main_event(events).text),
                text=sentence_text.get(sentence_id, ""),
                layer=layer,
                sentences=(sentence_id,),
                events=ids,
                told=sentence_id,
                out_of_order=layer in ("flashback", "flash_forward"),
                badge=badge,
            )
        )
    return nodes


def _segment_events(story: Story, segment: Segment) -> list[Event]:
    return [
        e for e in story.events if segment.first <= e.sentence <= segment.last and e.layer in UNREAL_LAYERS
    ]


def _lane_nodes(
    story: Story,
    segment: Segment,
    lane: int,
    paired: dict[str, set[str]],
    only_imagined: set[str],
    slot_of_event: dict[str, int],
    start: int,
) -> list[Node]:
    events = _segment_events(story, segment)
    keep = [e for e in events if e.main or e.id in paired or e.id in only_imagined] or events
    sentence_text = {s.id: s.text for s in story.sentences}
    nodes: list[Node] = []
    targets = [
        min((slot_of_event[a] for a in paired.get(e.id, ()) if a in slot_of_event), default=None)
        for e in keep
    ]
    first = next((i for i, target in enumerate(targets) if target is not None), None)
    # Paired events sit under their real counterparts; with none, the lane starts where it is told.
    slot = start - 1 if first is None else max(0, (targets[first] or 0) - first) - 1
    for event, target in zip(keep, targets, strict=True):
        slot = slot + 1 if target is None else max(slot + 1, target)
        nodes.append(
            Node(
                id=f"u{lane}-{event.id}",
                lane=lane,
                slot=slot,
                label=shorten(event.text),
                text=sentence_text.get(event.sentence, ""),
                layer=event.layer,
                sentences=(event.sentence,),
                events=(event.id,),
                told=event.sentence,
                badge=f"only in the {segment.kind}" if event.id in only_imagined else None,
            )
        )
    if not nodes:  # a segment with no events still gets a lane: one node per sentence
        for sentence_id in range(segment.first, segment.last + 1):
            slot += 1
            nodes.append(
                Node(
                    id=f"u{lane}-s{sentence_id}",
                    lane=lane,
                    slot=slot,
                    label=shorten(sentence_text.get(sentence_id, "")),
                    text=sentence_text.get(sentence_id, ""),
                    layer=segment.layer,
                    sentences=(sentence_id,),
                    told=sentence_id,
                )
            )
    return nodes


def _thin(nodes: list[Node], anchored: set[str], limit: int) -> list[Node]:
    """Merge runs of unanchored neighbours so that at most about ``limit`` nodes remain."""
    if len(nodes) <= limit:
        return nodes
    size = math.ceil(len(nodes) / max(limit, 1))
    out: list[Node] = []
    run: list[Node] = []

    def flush() -> None:
        for start in range(0, len(run), size):
            part = run[start : start + size]
            head = part[0]
            out.append(
                replace(
                    head,
                    label=head.label if len(part) == 1 else f"{head.label} (+{len(part) - 1} more)",
                    sentences=tuple(sorted({s for n in part for s in n.sentences})),
                    events=tuple(e for n in part for e in n.events),
                    merged=sum(n.merged for n in part),
                )
            )
        run.clear()

    for node in nodes:
        if node.id in anchored or node.badge:
            flush()
            out.append(node)
        else:
            if run and run[-1].layer != node.layer:  # a flashback merges only with flashbacks
                flush()
            run.append(node)
    flush()
    return [replace(node, slot=slot) for slot, node in enumerate(out)]


def _lane_title(segment: Segment) -> str:
    span = f"s{segment.first}" if segment.first == segment.last else f"s{segment.first}–s{segment.last}"
    return f"{segment.kind.replace('_', ' ').capitalize()} ({segment.layer}, {span})"


def layout(story: Story, *, max_nodes: int = MAX_NODES) -> Timeline:
    """The story's timeline as lanes, nodes and links (see the module documentation)."""
    paired, only_imagined, only_actual = _pairings(story)
    unreal_segments = [s for s in story.segments if s.layer in UNREAL_LAYERS]
    kind = unreal_segments[0].kind if len(unreal_segments) == 1 else "imagined lanes"
    real = _real_nodes(story, only_actual, kind.replace("_", " "))
    anchored = {n.id for n in real if any(a in n.events for targets in paired.values() for a in targets)}
    real = _thin(real, anchored | _branch_points(real, unreal_segments), max_nodes)

    slot_of_event = {event: node.slot for node in real for event in node.events}
    lanes = [Lane(0, "What really happens", "actual")]
    nodes: list[Node] = list(real)
    for index, segment in enumerate(unreal_segments, start=1):
        branch = _told_before(real, segment.first)
        back = _told_after(real, segment.last)
        start = branch.slot + 1 if branch else 0
        lane_nodes = _lane_nodes(story, segment, index, paired, only_imagined, slot_of_event, start)
        lane_nodes = _thin(
            lane_nodes, {n.id for n in lane_nodes if n.events and n.events[0] in paired}, max_nodes
        )
        nodes.extend(lane_nodes)
        lanes.append(
            Lane(
                index,
                _lane_title(segment),
                segment.layer,
                segment=segment.id,
                first=segment.first,
                last=segment.last,
                branch_from=branch.id if branch else None,
                returns_to=back.id if back else None,
            )
        )
    return Timeline(tuple(lanes), tuple(nodes), tuple(_links(story, nodes)))


def _branch_points(real: list[Node], segments: list[Segment]) -> set[str]:
    points: set[str] = set()
    for segment in segments:
        for found in (_told_before(real, segment.first), _told_after(real, segment.last)):
            if found:
                points.add(found.id)
    return points


def _told_before(real: list[Node], sentence: int) -> Node | None:
    before = [n for n in real if n.told < sentence and not n.out_of_order]
    return max(before, key=lambda n: n.told) if before else None


def _told_after(real: list[Node], sentence: int) -> Node | None:
    after = [n for n in real if n.told > sentence and not n.out_of_order]
    return min(after, key=lambda n: n.told) if after else None


def _links(story: Story, nodes: list[Node]) -> list[Link]:
    node_of_event: dict[str, Node] = {}
    for node in nodes:
        for event in node.events:
            node_of_event.setdefault(event, node)
    links: list[Link] = []
    for divergence in story.divergences:
        if divergence.kind != "changed" or not divergence.actual or not divergence.imagined:
            continue
        source, target = node_of_event.get(divergence.actual), node_of_event.get(divergence.imagined)
        if source is None or target is None:
            continue
        links.append(
            Link(
                id=divergence.id,
                kind=divergence.kind,
                source=source.id,
                target=target.id,
                label=divergence.summary,
                evidence=divergence.evidence,
            )
        )
    return links
