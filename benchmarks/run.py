"""``make bench``: every benchmark, each in a process of its own; prints BENCHMARKS.md to stdout.

Machines are noisy: the ratios that matter (full pipeline / bare spaCy, 2 workers / 1 worker, cost per
word across sizes) are measured within one run. Single-process measures are pinned to one core with
``taskset`` when it is there, and BLAS threads are held to one.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from texts import corpus_rows, corpus_texts  # noqa: E402

PYTHON = sys.executable
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
CORPUS_STORIES = int(os.environ.get("DENOUEMENT_BENCH_STORIES", "2000"))
SIZES = (10_000, 100_000, 400_000)
#: Runs of each size in the scaling curve, the fastest kept: a short run is easily disturbed, and one
#: disturbed run would bend the curve.
SCALING_RUNS = {10_000: 3, 100_000: 2, 400_000: 1}


def _pinned(args: list[str]) -> list[str]:
    return (["taskset", "-c", "0"] if shutil.which("taskset") else []) + args


def measure(*args: str) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, **ONE_THREAD}
    out = subprocess.run(
        _pinned([PYTHON, str(HERE / "measure.py"), *args]), capture_output=True, env=env, check=True
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def _fastest(*args: str, runs: int) -> dict:  # type: ignore[type-arg]
    return min((measure(*args) for _ in range(runs)), key=lambda m: m["seconds"])


def cold_cli() -> float:
    cli = str(Path(PYTHON).with_name("denouement"))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([cli, "explain", "--example"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch(rows_file: Path, workers: int) -> tuple[float, int]:
    """Wall time of ``denouement batch`` with ``workers`` workers (cluster start-up included)."""
    cli = str(Path(PYTHON).with_name("denouement"))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        done = subprocess.run(
            [cli, "batch", str(rows_file), "-o", out, "--workers", str(workers)], capture_output=True
        )
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 3):
            raise SystemExit(f"batch failed: {done.stderr.decode()[-2000:]}")
        rows = subprocess.run(
            [cli, "query", out, "SELECT count(*) FROM stories", "-f", "csv"], capture_output=True
        )
        count = int(rows.stdout.decode().splitlines()[1])
    return seconds, count


def main() -> None:
    results: dict[str, object] = {}
    results["cold"] = cold_cli()
    results["latency"] = measure("latency")
    results["long"] = measure("full", "100000")
    results["ratio"] = measure("ratio", "100000")
    results["scaling"] = {size: _fastest("full", str(size), runs=SCALING_RUNS[size]) for size in SIZES}
    results["scripts"] = measure("scripts", "34000")
    texts, corpus_name = corpus_texts()
    with tempfile.TemporaryDirectory() as folder:
        rows_file = Path(folder) / "corpus.jsonl"
        words = 0
        with rows_file.open("w", encoding="utf-8") as out:
            for row in corpus_rows(CORPUS_STORIES):
                words += len(row["text"].split())
                out.write(json.dumps(row) + "\n")
        results["corpus"] = {
            "stories": CORPUS_STORIES,
            "words": words,
            "source": corpus_name,
            "distinct": len(texts),
        }
        results["batch"] = {n: batch(rows_file, n) for n in (1, 2)}
    print(report(results))
    (HERE / "last-run.json").write_text(json.dumps(results, indent=2, default=str))


def report(r: dict) -> str:  # type: ignore[type-arg]
    long, ratio, scaling, corpus, runs = r["long"], r["ratio"], r["scaling"], r["corpus"], r["batch"]
    per_k = {size: m["seconds"] / m["words"] * 1000 for size, m in scaling.items()}
    spread = max(per_k.values()) / min(per_k.values())
    (t1, n1), (t2, n2) = runs[1], runs[2]
    speedup = (n2 / t2) / (n1 / t1)
    full_ratio = ratio["full"] / ratio["bare"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {date.today()} on {platform.machine()} {platform.system()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, spaCy `en_core_web_sm` 3.8.0. Reproduce with `make bench` "
        "(about 15 minutes; `benchmarks/run.py`). Single-process figures are pinned to one core "
        "(`taskset -c 0`, one BLAS thread). Machines here are noisy: the ratios are measured within one run.",
        "",
        "| measure | figure | target |",
        "|---|---|---|",
        f"| (a) cold CLI, `denouement explain --example` ({r['latency']['words']} words), median of 3 | "
        f"{r['cold']:.2f} s | |",
        f"| (a) warm API latency, same story, median of 9 | {r['latency']['median'] * 1000:.0f} ms | |",
        f"| (b) {long['words']:,}-word text, full pipeline, one core | {long['seconds']:.1f} s "
        f"({long['words'] / long['seconds']:,.0f} words/s) | ≤ 25 s |",
        f"| (b) peak RSS of that process | {long['rss_mb']:,.0f} MB | ≤ 1,500 MB |",
        f"| (c) same text: bare `nlp.pipe` over the same pieces / full pipeline, best of 2 | "
        f"{ratio['bare']:.1f} s / {ratio['full']:.1f} s | |",
        f"| (c) ratio full / bare | {full_ratio:.2f} | ≤ 1.3 |",
        f"| (d) {corpus['stories']:,} stories ({corpus['words']:,} words), 1 worker | {t1:.0f} s "
        f"({n1 / t1:.1f} stories/s) | |",
        f"| (d) same corpus, 2 workers | {t2:.0f} s ({n2 / t2:.1f} stories/s) | |",
        f"| (d) throughput 2 workers / 1 worker | {speedup:.2f}× | ≥ 1.7× |",
    ]
    for size, m in scaling.items():
        lines.append(
            f"| (e) {m['words']:,} words, full pipeline, fastest of {SCALING_RUNS[size]} | "
            f"{m['seconds']:.1f} s "
            f"({per_k[size]:.3f} s per 1,000 words; peak RSS {m['rss_mb']:,.0f} MB) | |"
        )
    lines.append(f"| (e) cost per word, largest / smallest across sizes | {spread:.2f} | ≤ 1.15 |")
    for format, m in r["scripts"].items():
        lines.append(
            f"| {format} screenplay ({m['words']:,} words), full pipeline | {m['full']:.2f} s "
            f"({m['words'] / m['full']:,.0f} words/s; bare spaCy on the whole text {m['bare']:.2f} s) | |"
        )
    lines += [
        "",
        "Notes:",
        "",
        "- The long texts are the project's own annotated stories (tests/devset) one after another; the "
        "screenplays are its own short script (tests/data/scripts) repeated.",
        f"- The corpus is {corpus['distinct']:,} distinct stories from {corpus['source']}, repeated to "
        f"{corpus['stories']:,} with their own ids, as one JSONL table. Batch times are wall-clock times of "
        "the whole command, Dask cluster start-up and model loading included.",
        "- Prose goes through the model in paragraph-aligned pieces of about 2,000 characters, in batches "
        "of 32, and is joined back into one Doc; (c) gives bare spaCy the same pieces in the same batches.",
        "- The full pipeline applies the model's attribute ruler and lemmatizer in bulk "
        "(`denouement/morphology.py`: each distinct token signature worked out once, results written as "
        "arrays), with output identical to spaCy's token for token; bare spaCy runs the model's own "
        "components. That saves about 3 s per 100,000 words, which is why (c) is the denouement stages' "
        "cost less that saving rather than the stages' cost alone.",
        "- Screenplays run the model on action lines only and mark names from the cues instead of NER, so "
        "they are faster than bare spaCy over the whole text.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
