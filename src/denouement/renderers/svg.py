"""The timeline as one SVG picture, for articles and slides (``--format svg``).

The real line runs along the top in story order; each imagined, dream or alternate sequence is a lane
beneath it. Shapes as well as colours tell the layers apart (circle: actual, diamond: told out of order,
rounded square: unreal), and the colours are the Okabe–Ito set, which stays distinct for colour-blind
readers. Lines join an unreal event to the real one it replaces; each carries a difference number that the
key under the lanes explains. Every node and link carries ``data-evidence`` (sentence ids), which the HTML
report uses to highlight the text.
"""

from __future__ import annotations

import textwrap
from html import escape

from denouement.model import Story
from denouement.renderers import register_renderer
from denouement.renderers.lanes import Lane, Node, Timeline, layout

__all__ = ["LAYER_COLOURS", "display_title", "render_svg", "timeline_style", "timeline_svg"]

#: Okabe–Ito colours, safe for the common kinds of colour blindness.
LAYER_COLOURS: dict[str, str] = {
    "actual": "#0072B2",
    "flashback": "#E69F00",
    "flash_forward": "#56B4E9",
    "imagined": "#CC79A7",
    "dream": "#009E73",
    "alternate": "#D55E00",
    "commentary": "#7F7F7F",
    "meta": "#B0B0B0",
}

SLOT = 132
GUTTER = 176
TOP = 34
LANE = 176
KEY_LINE = 20
_MAX_KEY = 30
_LABEL_WIDTH = 19
_LABEL_LINES = 4

_STYLE = """
.tl-root{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px;fill:#1a1a1a}
.tl-band{fill:#f6f6f6}.tl-band-unreal{fill:#fbf4f8}
.tl-lane-title{font-weight:600;font-size:13px}
.tl-lane-sub{font-size:11px;fill:#555}
.tl-axis{font-size:11px;fill:#555}
.tl-line{stroke-width:3}
.tl-line-unreal{stroke-width:3;stroke-dasharray:8 5}
.tl-branch{fill:none;stroke:#555;stroke-width:1.5;stroke-dasharray:3 4}
.tl-branch-label{font-size:10px;fill:#555}
.tl-link path{fill:none;stroke:#333;stroke-width:1.6;stroke-dasharray:5 3}
.tl-link rect{fill:#fff;stroke:#333}
.tl-link text{font-size:10px;font-weight:600;text-anchor:middle}
.tl-node text{text-anchor:middle}
.tl-node-label{font-size:11px}
.tl-told{font-size:10px;fill:#555;font-style:italic}
.tl-badge{font-size:10px;font-weight:600}
.tl-key{font-size:11px}
.tl-node:focus,.tl-link:focus{outline:none}
.tl-node:focus .tl-mark,.tl-node:hover .tl-mark,.tl-node.tl-active .tl-mark{stroke:#000;stroke-width:3}
.tl-link:focus path,.tl-link:hover path,.tl-link.tl-active path{stroke:#000;stroke-width:3}
"""


def display_title(story: Story) -> str:
    """The story's title, else its file name, else "Untitled story"."""
    if story.title:
        return story.title
    if story.source.path:
        return story.source.path.replace("\\", "/").rsplit("/", 1)[-1]
    return "Untitled story"


def _colour(layer: str) -> str:
    return LAYER_COLOURS.get(layer, "#555555")


def _x(slot: int) -> float:
    return GUTTER + slot * SLOT + SLOT / 2


def _y(lane: int) -> float:
    """The line of a lane: low in the real lane (labels above it), high in the others (labels below)."""
    return TOP + LANE - 44 if lane == 0 else TOP + lane * LANE + 40


def _evidence(ids: tuple[int, ...]) -> str:
    return " ".join(str(i) for i in sorted(set(ids)))


def _mark(node: Node, x: float, y: float) -> str:
    colour = _colour(node.layer)
    if node.out_of_order:
        points = f"{x},{y - 10} {x + 10},{y} {x},{y + 10} {x - 10},{y}"
        return f'<polygon class="tl-mark" points="{points}" fill="{colour}" stroke="#fff" stroke-width="2"/>'
    if node.lane:
        return (
            f'<rect class="tl-mark" x="{x - 8}" y="{y - 8}" width="16" height="16" rx="4" '
            f'fill="{colour}" stroke="#fff" stroke-width="2"/>'
        )
    return f'<circle class="tl-mark" cx="{x}" cy="{y}" r="8" fill="{colour}" stroke="#fff" stroke-width="2"/>'


def _label_lines(label: str) -> list[str]:
    lines = textwrap.wrap(label, _LABEL_WIDTH, break_long_words=True) or [""]
    if len(lines) > _LABEL_LINES:
        lines = lines[:_LABEL_LINES]
        lines[-1] = lines[-1][: _LABEL_WIDTH - 1].rstrip() + "…"
    return lines


def _node(node: Node) -> str:
    x, y = _x(node.slot), _y(node.lane)
    where = ", ".join(f"s{i}" for i in node.sentences)
    described = f"{node.layer.replace('_', ' ')}, {where}: {node.label}"
    if node.badge:
        described += f" ({node.badge})"
    parts = [
        f'<g class="tl-node tl-layer-{node.layer}" id="tl-node-{escape(node.id)}" tabindex="0" role="button" '
        f'data-evidence="{_evidence(node.sentences)}" data-lane="{node.lane}" '
        f'aria-label="{escape(described)}">',
        f"<title>{escape(node.text or node.label)}</title>",
        _mark(node, x, y),
    ]
    tspans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else 13}">{escape(line)}</tspan>'
        for i, line in enumerate(_label_lines(node.label))
    )
    lines = _label_lines(node.label)
    # Real nodes carry their labels above the line and unreal ones below, so links cross no text.
    label_y = y - 18 - 13 * (len(lines) - 1) if node.lane == 0 else y + 26
    parts.append(f'<text class="tl-node-label" x="{x}" y="{label_y}">{tspans}</text>')
    if node.out_of_order:
        told = "flashback" if node.layer == "flashback" else "flash-forward"
        parts.append(f'<text class="tl-told" x="{x}" y="{label_y - 15}">{told}, told at s{node.told}</text>')
    if node.badge:
        badge_y = y + 24 if node.lane == 0 else y + 26 + 13 * len(lines) + 4
        colour = _colour(node.layer)
        parts.append(
            f'<text class="tl-badge" x="{x}" y="{badge_y}" fill="{colour}">{escape(node.badge)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def _lane(lane: Lane, width: float, span: tuple[int, int] | None = None) -> str:
    top = TOP + lane.index * LANE
    y = _y(lane.index)
    band = "tl-band" if lane.index == 0 else "tl-band tl-band-unreal"
    colour = _colour(lane.layer)
    line_class = "tl-line" if lane.index == 0 else "tl-line tl-line-unreal"
    sub = (
        "story order"
        if lane.index == 0
        else f"s{lane.first}–s{lane.last}"
        if lane.first != lane.last
        else f"s{lane.first}"
    )
    # The real line runs the whole width; an unreal lane's line runs under its own nodes only.
    x1, x2 = (GUTTER, width - 10) if span is None else (_x(span[0]) - SLOT / 3, _x(span[1]) + SLOT / 3)
    title_lines = textwrap.wrap(lane.title.split(" (")[0], 20)[:2]
    title = "".join(
        f'<tspan x="12" dy="{0 if i == 0 else 15}">{escape(t)}</tspan>' for i, t in enumerate(title_lines)
    )
    return (
        f'<g class="tl-lane tl-layer-{lane.layer}" data-lane="{lane.index}"'
        f"{f' data-segment={chr(34)}{escape(lane.segment)}{chr(34)}' if lane.segment else ''}>"
        f'<rect class="{band}" x="0" y="{top + 4}" width="{width}" height="{LANE - 8}" rx="6"/>'
        f'<rect x="0" y="{top + 4}" width="6" height="{LANE - 8}" fill="{colour}"/>'
        f'<text class="tl-lane-title" x="12" y="{top + 30}">{title}</text>'
        f'<text class="tl-lane-sub" x="12" y="{top + 46 + 15 * (len(title_lines) - 1)}">'
        f"{escape(lane.layer.replace('_', ' '))} · {sub}</text>"
        f'<line class="{line_class}" x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}"/>'
        "</g>"
    )


def _branches(timeline: Timeline) -> str:
    """Dashed ticks from the real line to each lane: where the sequence is told, and where reality resumes."""
    parts: list[str] = []
    for lane in timeline.lanes[1:]:
        for node_id, words in ((lane.branch_from, "told after this"), (lane.returns_to, "then reality")):
            node = timeline.node(node_id)
            if node is None:
                continue
            after = words.startswith("then")
            x = _x(node.slot) + (16 if after else -16)
            y1, y2 = _y(0) + 36, _y(lane.index) - 4
            anchor = "start" if after else "end"
            parts.append(
                f'<g class="tl-branch-mark" data-lane="{lane.index}">'
                f'<path class="tl-branch" d="M{x},{y1} L{x},{y2}"/>'
                f'<text class="tl-branch-label" x="{x + (3 if after else -3)}" y="{y2 - 6}" '
                f'text-anchor="{anchor}">{words}</text></g>'
            )
    return "".join(parts)


def _links(timeline: Timeline) -> str:
    parts: list[str] = []
    for number, link in enumerate(timeline.links, start=1):
        source, target = timeline.node(link.source), timeline.node(link.target)
        if source is None or target is None:
            continue
        x1, y1 = _x(source.slot), _y(source.lane) + 12
        x2, y2 = _x(target.slot), _y(target.lane) - 12
        middle = (y1 + y2) / 2
        tag = link.id
        parts.append(
            f'<g class="tl-link" id="tl-link-{escape(link.id)}" tabindex="0" role="button" '
            f'data-divergence="{escape(link.id)}" data-evidence="{_evidence(link.evidence)}" '
            f'aria-label="Difference {number}: {escape(link.label)}">'
            f"<title>{escape(link.label)}</title>"
            f'<path d="M{x1},{y1} C{x1},{middle} {x2},{middle} {x2},{y2}"/>'
            f'<rect x="{(x1 + x2) / 2 - 14}" y="{middle - 9}" width="28" height="16" rx="8"/>'
            f'<text x="{(x1 + x2) / 2}" y="{middle + 3}">{escape(tag)}</text></g>'
        )
    return "".join(parts)


def _key(story: Story, top: float) -> tuple[str, int]:
    """Numbered differences under the lanes, so the picture explains itself on a slide."""
    if not story.divergences:
        return "", 0
    lines = [f'<text class="tl-lane-title" x="12" y="{top + 14}">Differences</text>']
    shown = story.divergences[:_MAX_KEY]
    for i, divergence in enumerate(shown, start=1):
        cites = ", ".join(f"s{e}" for e in divergence.evidence)
        lines.append(
            f'<text class="tl-key" x="12" y="{top + 14 + i * KEY_LINE}">'
            f'<tspan font-weight="600">{escape(divergence.id)}</tspan> {escape(divergence.summary)} '
            f'<tspan fill="#555">({escape(cites)})</tspan></text>'
        )
    if len(story.divergences) > _MAX_KEY:
        more = len(story.divergences) - _MAX_KEY
        lines.append(
            f'<text class="tl-key" x="12" y="{top + 14 + (len(shown) + 1) * KEY_LINE}">'
            f"… and {more} more (see the report)</text>"
        )
        return "".join(lines), (len(shown) + 2) * KEY_LINE + 10
    return "".join(lines), (len(shown) + 1) * KEY_LINE + 10


def timeline_svg(story: Story, *, standalone: bool = True, key: bool = True) -> str:
    """The timeline as SVG markup; ``standalone`` adds the XML namespace and the style sheet."""
    timeline = layout(story)
    width = GUTTER + max(timeline.slots, 3) * SLOT + 20
    lanes_height = TOP + len(timeline.lanes) * LANE
    key_markup, key_height = _key(story, lanes_height) if key else ("", 0)
    height = lanes_height + key_height + 10
    title = f"Timeline of {display_title(story)}"
    unreal = len(timeline.lanes) - 1
    description = (
        f"The real line in story order ({sum(1 for n in timeline.nodes if n.lane == 0)} moments) and "
        f"{unreal} unreal sequence{'s' if unreal != 1 else ''} beneath it, with "
        f"{len(timeline.links)} linked differences."
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tl-root" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-labelledby="tl-title tl-desc">'
        if standalone
        else f'<svg class="tl-root" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="group" aria-labelledby="tl-title tl-desc">'
    )
    parts = [
        head,
        f'<title id="tl-title">{escape(title)}</title><desc id="tl-desc">{escape(description)}</desc>',
    ]
    if standalone:
        parts.append(f"<style>{_STYLE}</style>")
    parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>')
    parts.append(
        f'<text class="tl-lane-title" x="12" y="{TOP - 12}">{escape(title)}</text>'
        f'<text class="tl-axis" x="{width - 12}" y="{TOP - 12}" text-anchor="end">story time →</text>'
    )
    for lane in timeline.lanes:
        slots = [n.slot for n in timeline.nodes if n.lane == lane.index]
        span = (min(slots), max(slots)) if lane.index and slots else None
        parts.append(_lane(lane, width, span))
    if not timeline.nodes:
        parts.append(f'<text class="tl-axis" x="{GUTTER}" y="{_y(0) + 30}">No events found.</text>')
    parts.append(f'<g class="tl-branches">{_branches(timeline)}</g>')
    parts.append(f'<g class="tl-links">{_links(timeline)}</g>')
    parts.append('<g class="tl-nodes">' + "".join(_node(n) for n in timeline.nodes) + "</g>")
    parts.append(key_markup)
    parts.append("</svg>")
    return "".join(parts) + ("\n" if standalone else "")


def timeline_style() -> str:
    """The SVG's style sheet, for pages that embed the timeline without ``standalone``."""
    return _STYLE


@register_renderer("svg", extensions=(".svg",))
def render_svg(story: Story) -> str:
    """The timeline alone, as a standalone SVG file."""
    return timeline_svg(story)
