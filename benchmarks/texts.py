"""Texts for the benchmarks, built from the project's own stories (and ../shared/corpus when present)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

from denouement.readers import read

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
SCRIPTS = ROOT / "tests" / "data" / "scripts"
SHARED = ROOT.parent / "shared" / "corpus" / "synopses"
_TABLES = {
    "tripod-99-films.jsonl": "synopsis_raw",
    "wikipedia-movie-plots-sample.jsonl": "plot",
    "cmu-movie-summaries-sample.jsonl": "summary",
}


def own_stories() -> list[str]:
    return [read(p).text for p in sorted(DEVSET.iterdir()) if p.suffix in (".txt", ".md")]


def long_text(words: int) -> str:
    """The project's annotated stories, one after another, until there are ``words`` words.

    They come in a spread order (every seventh story, round and round) rather than file order, so that
    a short text is a sample of the whole set like a long one: stories differ in their cost per word
    (dialogue, names, unreal passages), and a 10,000-word text made of the first files alone would
    measure those files, not the length."""
    texts = _spread(own_stories())
    parts: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            parts.append(text)
            total += len(text.split())
            if total >= words:
                break
    return "\n\n".join(parts)


_STRIDE = 7


def _spread(items: list[str]) -> list[str]:
    """``items`` visited with a stride coprime to their number: a low-discrepancy order."""
    count = len(items)
    stride = next(s for s in range(_STRIDE, count + _STRIDE) if math.gcd(s, count) == 1) if count > 1 else 1
    return [items[(k * stride) % count] for k in range(count)]


def long_script(name: str, words: int) -> str:
    """The project's own short screenplay repeated until it has ``words`` words (title page once)."""
    text = (SCRIPTS / name).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n") if name.endswith(".fountain") else ("", "", text)
    parts = [head] if head else []
    total = len(head.split())
    while total < words:
        parts.append(body)
        total += len(body.split())
    return "\n\n".join(parts)


def corpus_texts() -> tuple[list[str], str]:
    """Real synopses from ../shared/corpus when it is there, else the project's own stories."""
    texts: list[str] = []
    for name, column in _TABLES.items():
        path = SHARED / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts += [row[column] for row in map(json.loads, handle) if row.get(column, "").strip()]
    if texts:
        return texts, "the ../shared/corpus synopsis tables (TRIPOD, Wikipedia plots, CMU summaries)"
    return own_stories(), "the project's own annotated stories (tests/devset)"


def corpus_rows(stories: int) -> Iterator[dict[str, str]]:
    """``stories`` rows of {"id", "text"}: the corpus repeated as needed, each copy with its own ids."""
    texts, _ = corpus_texts()
    for n in range(stories):
        yield {"id": f"{n // len(texts)}-{n % len(texts)}", "text": texts[n % len(texts)]}
