"""Figures about a screenplay or subtitle file: who talks how much, who shares scenes, INT/EXT and
day/night balance, and how many minutes each layer takes.

Running time follows the rule of thumb of one printed page a minute. Pages are estimated from the
standard layout: 55 lines a page, action and headings 60 characters wide, dialogue 35, parentheticals
25, a blank line before every heading, action paragraph, cue and transition (two before a heading).
For subtitles the running time is the last cue's end, and each layer's minutes come from the cue times.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

from denouement.document import Block
from denouement.model import ScriptCharacter, ScriptPair, ScriptStats, Story

__all__ = ["LINES_PER_PAGE", "script_stats"]

LINES_PER_PAGE = 55
_WIDTH = {"dialogue": 35, "lyrics": 35, "parenthetical": 25, "cue": 38}
_BLANKS_BEFORE = {"scene_heading": 2, "action": 1, "cue": 1, "transition": 1, "heading": 2}


def _block_lines(block: Block) -> int:
    width = _WIDTH.get(block.kind, 60)
    return math.ceil(max(block.end - block.start, 1) / width) + _BLANKS_BEFORE.get(block.kind, 0)


def _sentence_at(starts: Sequence[int], char: int) -> int | None:
    i = bisect.bisect_right(starts, char) - 1
    return i if i >= 0 else None


def script_stats(story: Story, blocks: Sequence[Block]) -> ScriptStats:
    """The :class:`ScriptStats` of a story built from a script or subtitle document."""
    sentence_starts = [s.start for s in story.sentences]
    layer_lines: Counter[str] = Counter()
    layer_seconds: defaultdict[str, float] = defaultdict(float)
    total_lines = 0
    dialogue_words = action_words = 0
    last_time: float = 0.0
    for block in blocks:
        words = len(story.text[block.start : block.end].split())
        if block.kind in ("dialogue", "lyrics"):
            dialogue_words += words
        elif block.kind in ("action", "scene_heading", "transition"):
            action_words += words
        i = _sentence_at(sentence_starts, block.start)
        layer = story.sentences[i].layer if i is not None else "actual"
        lines = _block_lines(block)
        total_lines += lines
        if layer != "meta":
            layer_lines[layer] += lines
        if block.end_time is not None and block.start_time is not None:
            last_time = max(last_time, block.end_time)
            if layer != "meta":
                layer_seconds[layer] += max(block.end_time - block.start_time, 0.0)
    pages = total_lines / LINES_PER_PAGE
    if last_time:
        minutes = last_time / 60
        per_layer = {k: round(v / 60, 1) for k, v in sorted(layer_seconds.items())}
    else:
        minutes = pages
        per_layer = {k: round(v / LINES_PER_PAGE, 1) for k, v in sorted(layer_lines.items())}
    characters, pairs = _cast_figures(story)
    return ScriptStats(
        scenes=len(story.scenes),
        dialogue_blocks=sum(1 for b in blocks if b.kind in ("dialogue", "lyrics")),
        dialogue_words=dialogue_words,
        action_words=action_words,
        pages=round(pages, 1),
        minutes=round(minutes, 1),
        characters=characters,
        pairs=pairs,
        int_ext=dict(Counter(s.int_ext or "unknown" for s in story.scenes).most_common()),
        time_of_day=dict(Counter(s.time_of_day or "unknown" for s in story.scenes).most_common()),
        minutes_per_layer=per_layer,
    )


def _cast_figures(story: Story) -> tuple[tuple[ScriptCharacter, ...], tuple[ScriptPair, ...]]:
    scene_of = _scene_lookup(story)
    lines: Counter[str] = Counter()
    words: Counter[str] = Counter()
    present: defaultdict[str, set[int]] = defaultdict(set)
    for quote in story.quotes:
        if quote.speaker is None:
            continue
        lines[quote.speaker] += 1
        words[quote.speaker] += len(quote.text.split())
        scene = scene_of(quote.sentence)
        if scene is not None:
            present[quote.speaker].add(scene)
    for character in story.characters:
        for sentence in character.evidence:
            scene = scene_of(sentence)
            if scene is not None:
                present[character.id].add(scene)
    order = sorted(
        (c for c in story.characters if lines[c.id] or present[c.id]),
        key=lambda c: (-lines[c.id], -words[c.id], c.first_sentence),
    )
    characters = tuple(
        ScriptCharacter(character=c.id, scenes=len(present[c.id]), lines=lines[c.id], words=words[c.id])
        for c in order
    )
    shared: Counter[tuple[str, str]] = Counter()
    named = [c.id for c in order if not c.extra]
    for a, b in combinations(named, 2):
        together = len(present[a] & present[b])
        if together:
            shared[(a, b)] = together
    pairs = tuple(ScriptPair(a=a, b=b, scenes=n) for (a, b), n in shared.most_common(30))
    return characters, pairs


def _scene_lookup(story: Story) -> Callable[[int], int | None]:
    """Sentence id → index of the scene holding it (None outside every scene)."""
    firsts = [s.first for s in story.scenes]

    def scene_of(sentence: int) -> int | None:
        i = bisect.bisect_right(firsts, sentence) - 1
        if i < 0 or sentence > story.scenes[i].last:
            return None
        return i

    return scene_of
