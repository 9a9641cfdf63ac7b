"""Scoring the engine against hand-annotated stories (format: ``docs/annotation.md``).

:func:`evaluate_dir` runs :func:`denouement.explain` on every story in a folder that has a ``.yaml``
annotation beside it and returns per-story and overall scores: characters (recall, full correctness,
alias merging, spurious ones), quote speakers, sentence layers (exact, coarse, unreal P/R/F1) and
divergence recall, each also broken down by the ``phenomena`` tags of the annotations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from denouement.errors import InputError
from denouement.lexicon import load_lexicon
from denouement.model import REAL_LAYERS, UNREAL_LAYERS, Character, Story

__all__ = ["Annotation", "StoryScore", "evaluate_dir", "load_annotation", "score_story", "summarise"]

STORY_SUFFIXES = (".txt", ".md", ".html", ".htm", ".markdown")
REAL = REAL_LAYERS
UNREAL = UNREAL_LAYERS
_TITLE_WORDS = frozenset(
    {
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "detective",
        "captain",
        "professor",
        "prof.",
        "sir",
        "lady",
        "officer",
        "inspector",
        "sergeant",
        "agent",
    }
)


@dataclass
class Annotation:
    path: Path
    story_path: Path
    data: dict[str, Any]

    @property
    def phenomena(self) -> list[str]:
        return [str(p) for p in self.data.get("phenomena") or []]


@dataclass
class StoryScore:
    name: str
    phenomena: list[str]
    counts: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    problems: list[str] = field(default_factory=list)


def load_annotation(path: Path, story: Path | None = None) -> Annotation:
    """An annotation and its story: ``story`` if given, else the file of the same name beside it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: an annotation must be a YAML mapping")
    if story is not None:
        return Annotation(path, story, data)
    for suffix in STORY_SUFFIXES:
        story = path.with_suffix(suffix)
        if story.exists():
            return Annotation(path, story, data)
    raise InputError(f"{path}: no story file beside it ({', '.join(STORY_SUFFIXES)})")


def _norm(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(text.split()).lower()


_ARTICLES = frozenset({"the", "il", "la", "le", "el", "lo", "der", "die", "das"})


def _words(name: str) -> frozenset[str]:
    """The words of a name that identify it: without titles or a leading article ("the Owl" = "Owl"). A
    name that is only a title word ("Grandpa", "Auntie") is that word."""
    titles = _TITLE_WORDS | _lexicon_titles() | _ARTICLES
    words = _norm(name).replace('"', " ").split()
    return frozenset(w for w in words if w not in titles) or frozenset(w for w in words if w not in _ARTICLES)


@cache
def _lexicon_titles() -> frozenset[str]:
    data = load_lexicon("characters")["titles"]
    return frozenset(str(w).lower() for words in data.values() for w in words)


def _forms(names: Iterable[str]) -> set[frozenset[str]]:
    return {_words(n) for n in names if _words(n)}


def _engine_forms(c: Character) -> set[frozenset[str]]:
    return _forms([c.name, *c.aliases])


def _alias_found(alias: str, gold: dict[str, Any], engine: Character) -> bool:
    """The engine knows ``alias``: one of its names is that alias, or the alias is part of the engine's
    full name ("Dorothea" of "Dorothea Marchbanks"; "Solomon" of "Solomon Abramsky" for the one annotated
    as "Sol Abramsky")."""
    words = _words(alias)
    if not words or words in _engine_forms(engine):
        return True
    return words < _words(engine.name)


def _matches(gold: dict[str, Any], engine: Character) -> bool:
    gold_forms = _forms([str(gold["name"]), *[str(a) for a in gold.get("aliases") or []]])
    return bool(gold_forms & _engine_forms(engine))


def _locate(story: Story, needle: str) -> int | None:
    """Offset of ``needle`` in the story's text, ignoring quote styles, case and spacing. A match that
    starts and ends at word boundaries comes first ("Cast", the heading, not the end of "forecast")."""
    norm_text, mapping = _normalised_with_map(story.text)
    wanted = _norm(needle)
    if not wanted:
        return None
    whole = re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", norm_text)
    pos = whole.start() if whole else norm_text.find(wanted)
    return mapping[pos] if pos >= 0 else None


@lru_cache(maxsize=4)  # one story's lookups share its text; keep no more than a few texts alive
def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased with quote styles unified and spaces collapsed, and a map back to offsets."""
    chars: list[str] = []
    mapping: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space:
                chars.append(" ")
                mapping.append(i)
            prev_space = True
            continue
        prev_space = False
        chars.append(_norm(ch) if ch in "“”‘’" else ch.lower())
        mapping.append(i)
    return "".join(chars), mapping


def _sentence_at(story: Story, offset: int) -> int | None:
    for s in story.sentences:
        if s.start <= offset < max(s.end, s.start + 1):
            return s.id
    return None


def _score_characters(story: Story, ann: Annotation, score: StoryScore) -> None:
    golds = [g for g in ann.data.get("characters") or [] if isinstance(g, dict) and g.get("name")]
    not_chars = {_norm(str(n)) for n in ann.data.get("not_characters") or []}
    counts = score.counts
    for gold in golds:
        # Match on the engine's own name first: an alias shared by a family ("Mrs. Pryce") is no split.
        gold_forms = _forms([str(gold["name"]), *[str(a) for a in gold.get("aliases") or []]])
        matched = [c for c in story.characters if _words(c.name) in gold_forms] or [
            c for c in story.characters if _matches(gold, c)
        ]
        counts["characters"] += 1
        if not matched:
            score.problems.append(f"character missing: {gold['name']}")
            continue
        counts["characters_found"] += 1
        engine = matched[0]
        aliases = [str(a) for a in gold.get("aliases") or []]
        merged = len(matched) == 1 and all(_alias_found(a, gold, engine) for a in aliases)
        if aliases:
            counts["alias_sets"] += 1
            counts["alias_sets_merged"] += merged
        actor_ok = _norm(str(gold.get("actor") or "")) == _norm(engine.actor or "")
        kind_ok = str(gold.get("kind", "character")) == engine.kind
        if merged and actor_ok:
            counts["characters_named_right"] += 1
        if merged and actor_ok and kind_ok:
            counts["characters_right"] += 1
        else:
            missing = [a for a in aliases if not _alias_found(a, gold, engine)]
            why = [] if merged else [f"split {[c.name for c in matched]} / missing aliases {missing}"]
            why += [] if actor_ok else [f"actor {engine.actor!r} != {gold.get('actor')!r}"]
            why += [] if kind_ok else [f"kind {engine.kind} != {gold.get('kind', 'character')}"]
            score.problems.append(f"character {gold['name']}: " + "; ".join(why))
    for c in story.characters:
        counts["engine_characters"] += 1
        if not any(_matches(g, c) for g in golds):
            counts["spurious_characters"] += 1
            flag = " (listed as not a character)" if _norm(c.name) in not_chars else ""
            score.problems.append(f"spurious character: {c.name}{flag}")


def _score_quotes(story: Story, ann: Annotation, score: StoryScore) -> None:
    golds = [g for g in ann.data.get("quotes") or [] if isinstance(g, dict) and g.get("text")]
    by_id = {c.id: c for c in story.characters}
    characters = [g for g in ann.data.get("characters") or [] if isinstance(g, dict)]
    for gold in golds:
        score.counts["quotes"] += 1
        needle = _norm(str(gold["text"]))
        # the innermost quote holding it: a saying quoted inside a line is a quote of its own
        found = min(
            (q for q in story.quotes if needle in _norm(q.text)), key=lambda q: len(q.text), default=None
        )
        if found is None:
            score.problems.append(f"quote missing: {gold['text']!r}")
            continue
        score.counts["quotes_found"] += 1
        want = gold.get("speaker")
        engine = by_id.get(found.speaker) if found.speaker else None
        if want is None:
            ok = engine is None
        else:
            gold_char = next((g for g in characters if g.get("name") == want), {"name": want})
            ok = engine is not None and _matches(gold_char, engine)
        score.counts["speakers_right"] += ok
        if not ok:
            score.problems.append(
                f"speaker of {gold['text'][:40]!r}: {engine.name if engine else None} != {want}"
            )


def gold_layers(story: Story, ann: Annotation, score: StoryScore | None = None) -> list[str]:
    """The annotated layer of every sentence of ``story``."""
    layers = ["actual"] * len(story.sentences)
    for item in ann.data.get("layers") or []:
        if not isinstance(item, dict) or "from" not in item:
            continue
        first_at = _locate(story, str(item["from"]))
        last_at = _locate(story, str(item.get("to") or item["from"]))
        first = _sentence_at(story, first_at) if first_at is not None else None
        last = _sentence_at(story, last_at) if last_at is not None else None
        if first is None or last is None:
            if score is not None:
                score.problems.append(f"layer range not found: {item.get('from')!r}..{item.get('to')!r}")
            continue
        for i in range(first, last + 1):
            layers[i] = str(item.get("layer", "actual"))
    return layers


def _coarse(layer: str) -> str:
    return "real" if layer in REAL else "unreal" if layer in UNREAL else "outside"


def _score_layers(story: Story, ann: Annotation, score: StoryScore) -> None:
    gold = gold_layers(story, ann, score)
    c = score.counts
    for sentence, want in zip(story.sentences, gold, strict=True):
        got = sentence.layer
        c["sentences"] += 1
        c["layer_exact"] += got == want
        c["layer_coarse"] += _coarse(got) == _coarse(want)
        c["unreal_gold"] += want in UNREAL
        c["unreal_engine"] += got in UNREAL
        c["unreal_both"] += want in UNREAL and got in UNREAL
    c["unreal_segments_engine"] += sum(1 for s in story.segments if s.layer in UNREAL)
    if not any(layer in UNREAL for layer in gold):
        c["linear_controls"] += 1
        c["linear_false_segments"] += sum(1 for s in story.segments if s.layer in UNREAL)
        if any(s.layer in UNREAL for s in story.segments):
            score.problems.append("unreal segment invented in a story with none")


def _score_divergences(story: Story, ann: Annotation, score: StoryScore) -> None:
    for gold in ann.data.get("divergences") or []:
        if not isinstance(gold, dict):
            continue
        score.counts["divergences"] += 1
        wanted: set[int] = set()
        for side in ("imagined", "actual"):
            if gold.get(side):
                at = _locate(story, str(gold[side]))
                sid = _sentence_at(story, at) if at is not None else None
                if sid is not None:
                    wanted.add(sid)
        hit = any(
            d.kind == gold.get("kind") and wanted and wanted <= set(d.evidence) for d in story.divergences
        )
        score.counts["divergences_found"] += hit
        if not hit:
            score.problems.append(f"divergence missing: {gold.get('note') or gold}")


def score_story(story: Story, ann: Annotation) -> StoryScore:
    score = StoryScore(ann.story_path.name, ann.phenomena)
    _score_characters(story, ann, score)
    _score_quotes(story, ann, score)
    _score_layers(story, ann, score)
    _score_divergences(story, ann, score)
    return score


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def summarise(scores: Sequence[StoryScore]) -> dict[str, float | None]:
    """Overall figures from summed counts."""
    t: dict[str, float] = defaultdict(float)
    for s in scores:
        for k, v in s.counts.items():
            t[k] += v
    precision = _ratio(t["unreal_both"], t["unreal_engine"])
    recall = _ratio(t["unreal_both"], t["unreal_gold"])
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
    return {
        "stories": len(scores),
        "character_recall": _ratio(t["characters_found"], t["characters"]),
        "character_accuracy": _ratio(t["characters_right"], t["characters"]),
        "character_names_actors": _ratio(t["characters_named_right"], t["characters"]),
        "alias_merging": _ratio(t["alias_sets_merged"], t["alias_sets"]),
        "character_precision": _ratio(
            t["engine_characters"] - t["spurious_characters"], t["engine_characters"]
        ),
        "quote_recall": _ratio(t["quotes_found"], t["quotes"]),
        "speaker_accuracy": _ratio(t["speakers_right"], t["quotes"]),
        "layer_exact": _ratio(t["layer_exact"], t["sentences"]),
        "layer_coarse": _ratio(t["layer_coarse"], t["sentences"]),
        "unreal_precision": precision,
        "unreal_recall": recall,
        "unreal_f1": f1,
        "divergence_recall": _ratio(t["divergences_found"], t["divergences"]),
        "linear_controls": int(t["linear_controls"]),
        "linear_false_segments": int(t["linear_false_segments"]),
    }


def evaluate_dir(folder: Path) -> list[StoryScore]:
    """Score every annotated story in ``folder``."""
    from denouement.api import explain

    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder")
    annotations = sorted(folder.glob("*.yaml"))
    if not annotations:
        raise InputError(f"{folder} holds no .yaml annotations")
    scores = []
    for path in annotations:
        ann = load_annotation(path)
        scores.append(score_story(explain(ann.story_path), ann))
    return scores


def by_phenomenon(scores: Sequence[StoryScore]) -> dict[str, dict[str, float | None]]:
    groups: dict[str, list[StoryScore]] = defaultdict(list)
    for s in scores:
        for tag in s.phenomena:
            groups[tag].append(s)
    return {tag: summarise(group) for tag, group in sorted(groups.items())}
