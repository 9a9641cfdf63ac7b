"""A Markdown report: cast, who says what, what is real and what is imagined, timeline, differences,
and the explanation. Every line cites its evidence as sentence ids (``s12``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from denouement.model import UNREAL_LAYERS, Claim, Segment, Story
from denouement.renderers import register_renderer

__all__ = ["render_markdown"]

UNREAL = UNREAL_LAYERS
_KIND_LABEL = {"person": "real person", "reference": "character of another work", "character": "character"}
_MAX_TIMELINE = 60
_MAX_SCENES = 300
_MAX_CAST_FIGURES = 25
_MAX_SCRIPT_QUOTES = 40


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _cite(ids: Iterable[int]) -> str:
    ids = sorted(set(ids))
    return ", ".join(f"s{i}" for i in ids) if ids else "—"


def _header(story: Story) -> list[str]:
    unreal = sum(1 for s in story.sentences if s.layer in UNREAL)
    bits = [
        f"{story.source.words:,} words",
        f"{len(story.sentences)} sentences",
        f"{sum(1 for c in story.characters if c.kind == 'character')} characters",
        f"{len(story.quotes)} quotes",
        f"{len(story.events)} events",
        f"{unreal} unreal sentences",
    ]
    return [f"# {story.title or 'Untitled story'}", "", f"*{' · '.join(bits)}*", ""]


def _cast(story: Story) -> list[str]:
    lines = ["## Cast", ""]
    people = [c for c in story.characters if c.kind == "character"]
    if not people:
        return [*lines, "No characters found.", ""]
    lines += ["| Character | Also called | Played by | Mentions | First named |", "|---|---|---|---|---|"]
    for c in people:
        lines.append(
            f"| {_cell(c.name)} | {_cell(', '.join(c.aliases)) or '—'} | {_cell(c.actor or '—')} "
            f"| {c.mentions} | s{c.first_sentence} |"
        )
    others = [c for c in story.characters if c.kind != "character"]
    if others:
        lines += [
            "",
            "Also mentioned: "
            + "; ".join(f"{c.name} ({_KIND_LABEL[c.kind]}, s{c.first_sentence})" for c in others)
            + ".",
        ]
    return [*lines, ""]


def _scenes(story: Story) -> list[str]:
    if not story.scenes:
        return []
    lines = ["## Scenes", "", "| # | Heading | Layer | Sentences |", "|---|---|---|---|"]
    for n, scene in enumerate(story.scenes[:_MAX_SCENES], start=1):
        number = scene.number or str(n)
        lines.append(
            f"| {_cell(number)} | {_cell(scene.heading)} | {scene.layer.replace('_', ' ')} "
            f"| s{scene.first}–s{scene.last} |"
        )
    if len(story.scenes) > _MAX_SCENES:
        lines.append(
            f"\n… and {len(story.scenes) - _MAX_SCENES} more scenes (the JSON output lists them all)."
        )
    return [*lines, ""]


def _script_figures(story: Story) -> list[str]:
    stats = story.script
    if stats is None:
        return []
    lines = [
        "## Script figures",
        "",
        f"{stats.scenes} scenes · {stats.dialogue_blocks} speeches "
        f"· {stats.dialogue_words:,} words of dialogue · {stats.action_words:,} words of action "
        f"· about {stats.pages:g} pages, {stats.minutes:g} minutes",
        "",
    ]
    if stats.characters:
        lines += ["| Character | Scenes | Speeches | Words |", "|---|---|---|---|"]
        for figure in stats.characters[:_MAX_CAST_FIGURES]:
            lines.append(
                f"| {_cell(story.display_name(figure.character))} | {figure.scenes} | {figure.lines} "
                f"| {figure.words} |"
            )
        lines.append("")
    if stats.pairs:
        shared = ", ".join(
            f"{story.display_name(p.a)} & {story.display_name(p.b)} ({p.scenes})" for p in stats.pairs[:10]
        )
        lines += [f"Most shared scenes: {shared}.", ""]
    balance: list[tuple[str, dict[str, int] | dict[str, float]]] = [
        ("Interior/exterior", stats.int_ext),
        ("Time of day", stats.time_of_day),
        ("Minutes per layer", stats.minutes_per_layer),
    ]
    for label, counts in balance:
        if counts:
            lines.append(
                f"- {label}: " + ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in counts.items())
            )
    return [*lines, ""]


def _quotes(story: Story) -> list[str]:
    lines = ["## Who says what", ""]
    if not story.quotes:
        return [*lines, "No quotes found.", ""]
    shown = story.quotes if story.script is None else story.quotes[:_MAX_SCRIPT_QUOTES]
    for q in shown:
        speaker = story.display_name(q.speaker) if q.speaker else "Unattributed"
        to = f" (to {story.display_name(q.addressee)})" if q.addressee else ""
        lines.append(f"- **{_cell(speaker)}**{to}: “{_cell(q.text)}” — s{q.sentence}")
    if len(shown) < len(story.quotes):
        lines.append(f"- … and {len(story.quotes) - len(shown)} more (the JSON output lists every line).")
    counts = Counter(q.speaker for q in story.quotes if q.speaker)
    if counts:
        lines += [
            "",
            "Lines per speaker: "
            + ", ".join(f"{story.display_name(k)} {n}" for k, n in counts.most_common())
            + ".",
        ]
    return [*lines, ""]


def _layers(story: Story) -> list[str]:
    lines = ["## What is real and what is imagined", ""]
    counts = Counter(s.layer for s in story.sentences)
    lines.append(
        "Sentences by layer: " + ", ".join(f"{layer} {n}" for layer, n in counts.most_common()) + "."
    )
    lines.append("")
    unreal = [seg for seg in story.segments if seg.layer in UNREAL]
    if not unreal:
        lines += [
            "No imagined, dreamed or alternate passage found: the story is told as real throughout.",
            "",
        ]
        return lines
    for seg in unreal:
        lines += _lanes(story, seg)
    return lines


def _lanes(story: Story, seg: Segment) -> list[str]:
    """The unreal passage beside what really happens: each unreal sentence with the real sentences its
    divergences align it with, then the real line that resumes after it."""
    kind = seg.layer.replace("_", " ")
    lines = [f"### s{seg.first}–s{seg.last}: {seg.kind.replace('_', ' ')} ({kind})", ""]
    counterpart: dict[int, list[int]] = {}
    for d in story.divergences:
        unreal_ids = [n for n in d.evidence if seg.first <= n <= seg.last]
        real_ids = [n for n in d.evidence if story.sentences[n].layer in ("actual", "flashback")]
        for n in unreal_ids:
            counterpart.setdefault(n, [])
            counterpart[n] += [r for r in real_ids if r not in counterpart[n]]
    lines += ["| Really happens | Imagined instead |", "|---|---|"]
    for s in story.sentences[seg.first : seg.last + 1]:
        if s.layer != seg.layer:
            continue
        real = "<br>".join(
            f"s{r}: {_cell(story.sentences[r].text)}" for r in sorted(counterpart.get(s.id, []))
        )
        lines.append(f"| {real or '—'} | s{s.id}: {_cell(s.text)} |")
    resumes = [s for s in story.sentences[seg.last + 1 :] if s.layer == "actual"][:3]
    if resumes:
        lines += ["", "The real line resumes: " + " ".join(f"s{s.id}: {_cell(s.text)}" for s in resumes)]
    return [*lines, ""]


def _timeline(story: Story) -> list[str]:
    lines = ["## Timeline (story order)", ""]
    real = sorted(
        (e for e in story.events if e.story_index is not None and e.main), key=lambda e: e.story_index or 0
    )
    if not real:
        return [*lines, "No events found.", ""]
    for n, e in enumerate(real[:_MAX_TIMELINE], start=1):
        when = f" *({e.time})*" if e.time else ""
        lines.append(f"{n}. {_cell(e.text)}{when} — s{e.sentence}")
    if len(real) > _MAX_TIMELINE:
        lines.append(f"\n… and {len(real) - _MAX_TIMELINE} more (the JSON output lists every clause).")
    return [*lines, ""]


def _differences(story: Story) -> list[str]:
    lines = ["## Differences between the imagined and the real", ""]
    if not story.divergences:
        return [*lines, "None found.", ""]
    lines += ["| Kind | Difference | Evidence |", "|---|---|---|"]
    for d in story.divergences:
        lines.append(f"| {d.kind.replace('_', ' ')} | {_cell(d.summary)} | {_cite(d.evidence)} |")
    return [*lines, ""]


def _claims(title: str, claims: Iterable[Claim]) -> list[str]:
    items = [f"- {_cell(c.text)} [{_cite(c.evidence)}]" for c in claims]
    return [f"### {title}", "", *(items or ["Nothing the text supports."]), ""]


def _explanation(story: Story) -> list[str]:
    ex = story.explanation
    return [
        "## The ending explained",
        "",
        *_claims("What really happens at the end", ex.ending),
        *_claims("What is imagined", ex.imagined),
        *_claims("How the two differ", ex.differences),
        *_claims("What it means", ex.meaning),
    ]


@register_renderer("md", extensions=(".md", ".markdown"))
def render_markdown(story: Story) -> str:
    sections = (
        _header,
        _cast,
        _scenes,
        _script_figures,
        _quotes,
        _layers,
        _timeline,
        _differences,
        _explanation,
    )
    lines: list[str] = []
    for section in sections:
        lines += section(story)
    return "\n".join(lines).rstrip() + "\n"
