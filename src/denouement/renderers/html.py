"""A self-contained HTML report (``--format html``): one file, inline CSS, JS and SVG, no network.

It shows the title and a one-line summary, the two-lane timeline (:mod:`denouement.renderers.svg`), the
explanation (selecting a claim highlights its evidence in the text), the differences, the full text coloured
by layer with a legend, the cast and who says what. All source text goes through Jinja's autoescaping; a
Content-Security-Policy forbids every load from outside the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from denouement.model import UNREAL_LAYERS, Claim, Story
from denouement.renderers import register_renderer
from denouement.renderers.svg import display_title, timeline_style, timeline_svg

__all__ = ["LAYER_MEANINGS", "render_html", "summary_line"]

#: What each layer means, as the legend says it.
LAYER_MEANINGS: dict[str, str] = {
    "actual": "really happens, in story order",
    "flashback": "really happened earlier, told out of order",
    "flash_forward": "really happens later, shown ahead of time",
    "imagined": "does not really happen: fantasy, daydream, what-if",
    "dream": "does not really happen: a dream",
    "alternate": "a parallel life or timeline, not the real one",
    "commentary": "about the story, not in it",
    "meta": "page furniture",
}
_CLAIM_HEADINGS = (
    ("ending", "How it ends"),
    ("imagined", "What is not real"),
    ("differences", "How it differs from what really happens"),
    ("meaning", "What it means"),
)
_KIND_LABEL = {"person": "real person", "reference": "character of another work", "character": "character"}
_DIVERGENCE_LABEL = {
    "changed": "changed",
    "only_imagined": "only imagined",
    "only_actual": "only in reality",
}
_MAX_QUOTES = 300
_MAX_SCENES = 300


def _cites(ids: Iterable[int]) -> str:
    ids = sorted(set(ids))
    return ", ".join(f"s{i}" for i in ids) if ids else "no evidence"


def _evidence(ids: Iterable[int]) -> str:
    return " ".join(str(i) for i in sorted(set(ids)))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(story: Story) -> str:
    """One sentence on what the report found, every figure taken from the story."""
    unreal = [s for s in story.segments if s.layer in UNREAL_LAYERS]
    people = sum(1 for c in story.characters if c.kind == "character" and not c.extra)
    bits = [
        f"{story.source.words:,} words",
        _plural(people, "character"),
        _plural(len(story.quotes), "quote"),
    ]
    if not unreal:
        return " · ".join([*bits, "nothing imagined or dreamt found: everything told is taken as real"])
    spans = ", ".join(
        f"{s.kind.replace('_', ' ')} s{s.first}" + (f"–s{s.last}" if s.last != s.first else "")
        for s in unreal
    )
    revealed = any(c.role == "reveal" for s in unreal for c in s.cues)
    found = f"{_plural(len(unreal), 'unreal sequence')} ({spans})"
    if revealed:
        found += ", told as real and revealed afterwards"
    differences = sum(1 for d in story.divergences if d.kind == "changed")
    extra = sum(1 for d in story.divergences if d.kind != "changed")
    if story.divergences:
        found += f"; {_plural(differences, 'changed event')} and {extra} found on one side only"
    else:
        found += "; no event of it pairs with a real one"
    return " · ".join([*bits, found])


@dataclass
class _Paragraph:
    heading: bool = False
    pieces: list[dict[str, Any]] = field(default_factory=list)


def _paragraphs(story: Story) -> list[_Paragraph]:
    """The text cut into paragraphs of sentence spans and the gaps between them, offsets kept."""
    paragraphs: list[_Paragraph] = [_Paragraph()]
    position = 0
    for sentence in story.sentences:
        gap = story.text[position : sentence.start]
        if "\n" in gap or (sentence.block != "paragraph" and paragraphs[-1].pieces):
            paragraphs.append(_Paragraph())
        elif gap:
            paragraphs[-1].pieces.append({"id": None, "text": gap})
        paragraph = paragraphs[-1]
        paragraph.heading = paragraph.heading or sentence.block in ("heading", "scene_heading")
        paragraph.pieces.append(
            {
                "id": sentence.id,
                "text": story.text[sentence.start : sentence.end],
                "layer": sentence.layer,
                "layer_label": sentence.layer.replace("_", " "),
            }
        )
        position = sentence.end
    return [p for p in paragraphs if p.pieces]


def _claims(story: Story) -> list[dict[str, Any]]:
    def item(claim: Claim) -> dict[str, str]:
        return {"text": claim.text, "evidence": _evidence(claim.evidence), "cites": _cites(claim.evidence)}

    groups = []
    for name, heading in _CLAIM_HEADINGS:
        claims: tuple[Claim, ...] = getattr(story.explanation, name)
        if claims:
            groups.append({"heading": heading, "claims": [item(c) for c in claims]})
    return groups


def _cast(story: Story) -> dict[str, Any]:
    people = [c for c in story.characters if c.kind == "character"]
    return {
        "cast": [
            {
                "name": c.name,
                "aliases": ", ".join(c.aliases),
                "actor": c.actor,
                "mentions": c.mentions,
                "first_sentence": c.first_sentence,
            }
            for c in people
            if not c.extra
        ],
        "extras": [c.name for c in people if c.extra],
        "others": [
            {"name": c.name, "kind_label": _KIND_LABEL[c.kind], "first_sentence": c.first_sentence}
            for c in story.characters
            if c.kind != "character"
        ],
    }


def _quotes(story: Story) -> dict[str, Any]:
    shown = story.quotes[:_MAX_QUOTES]
    return {
        "quotes": [
            {
                "speaker": story.display_name(q.speaker) if q.speaker else "unknown",
                "extension": q.extension,
                "text": q.text,
                "sentence": q.sentence,
            }
            for q in shown
        ],
        "quotes_hidden": len(story.quotes) - len(shown),
    }


def _scenes(story: Story) -> dict[str, Any]:
    shown = story.scenes[:_MAX_SCENES]
    return {
        "scenes": [
            {
                "number": scene.number or str(n),
                "heading": scene.heading,
                "layer": scene.layer.replace("_", " "),
                "first": scene.first,
                "last": scene.last,
            }
            for n, scene in enumerate(shown, start=1)
        ],
        "scenes_hidden": len(story.scenes) - len(shown),
    }


def _legend(story: Story) -> list[dict[str, str]]:
    present = {s.layer for s in story.sentences} | {"actual"}
    return [
        {"name": layer, "label": layer.replace("_", " "), "meaning": meaning}
        for layer, meaning in LAYER_MEANINGS.items()
        if layer in present
    ]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("denouement.renderers", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )


@cache
def _asset(name: str) -> str:
    return resources.files("denouement.renderers").joinpath("templates", name).read_text(encoding="utf-8")


@register_renderer("html", extensions=(".html", ".htm"))
def render_html(story: Story) -> str:
    """The whole report as one self-contained HTML page."""
    from denouement import __version__

    context: dict[str, Any] = {
        "title": display_title(story),
        "summary": summary_line(story),
        "svg": Markup(timeline_svg(story, standalone=False, key=False)),
        "legend": _legend(story),
        "claims": _claims(story),
        "divergences": [
            {
                "id": d.id,
                "kind": d.kind,
                "kind_label": _DIVERGENCE_LABEL[d.kind],
                "summary": d.summary,
                "evidence": _evidence(d.evidence),
                "cites": _cites(d.evidence),
            }
            for d in story.divergences
        ],
        "paragraphs": _paragraphs(story),
        "css": Markup(_asset("report.css")),
        "svg_css": Markup(timeline_style()),
        "js": Markup(_asset("report.js")),
        "version": __version__,
        "source": story.source.path.rsplit("/", 1)[-1] if story.source.path else "text",
        "schema": story.schema_id,
        **_cast(story),
        **_quotes(story),
        **_scenes(story),
    }
    return _environment().get_template("report.html.j2").render(context)
