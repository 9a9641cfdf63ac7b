"""Run the fuzz harnesses and write FUZZING.md: ``python fuzz/run.py [TARGET ...]``.

Targets are the reader formats and ``pipeline``. Each runs in its own libFuzzer process, seeded from the
test data, until ``FUZZ_RUNS`` executions (default 1,000,000) — the pipeline instead for ``FUZZ_SECONDS``
(default 3,600); ``FUZZ_MAX_SECONDS`` caps a reader's wall time as well. Corpora and crash files go to
``build/fuzz/``; the counts of every run so far are kept in ``build/fuzz/results.json`` and FUZZING.md is
rewritten from them.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "fuzz"
DATA = ROOT / "tests" / "data"
SCRIPTS = DATA / "scripts"
EXAMPLE = ROOT / "src" / "denouement" / "examples" / "ending-explained.md"
READER_TARGETS = ("text", "markdown", "html", "script", "fountain", "fdx", "srt", "vtt", "pdf", "script-json")
SEEDS: dict[str, tuple[Path, ...]] = {
    "text": (EXAMPLE,),
    "markdown": (EXAMPLE,),
    "html": (DATA / "harbour-lights.html",),
    "script": (SCRIPTS / "lamplighter.txt", SCRIPTS / "lamplighter-flat.txt"),
    "fountain": (SCRIPTS / "lamplighter.fountain",),
    "fdx": (SCRIPTS / "lamplighter.fdx",),
    "srt": (SCRIPTS / "lamplighter.srt", SCRIPTS / "lamplighter.latin1.srt"),
    "vtt": (SCRIPTS / "lamplighter.vtt",),
    "script-json": (SCRIPTS / "lamplighter-lines.json", SCRIPTS / "lamplighter-scenes.js"),
    "pipeline": (
        ROOT / "src" / "denouement" / "examples" / "ending-explained.md",
        SCRIPTS / "lamplighter.srt",
    ),
}
LIBFUZZER_FLAGS = ("-rss_limit_mb=3072", "-print_final_stats=1")
_DONE = re.compile(r"Done (\d+) runs in (\d+) second")
_EXECS = re.compile(r"stat::number_of_executed_units:\s+(\d+)")


def seed_corpus(target: str) -> Path:
    """``build/fuzz/corpus/TARGET``, seeded from the test data the first time."""
    corpus = BUILD / "corpus" / target
    if corpus.is_dir() and any(corpus.iterdir()):
        return corpus
    corpus.mkdir(parents=True, exist_ok=True)
    if target == "pdf":
        (corpus / "seed.pdf").write_bytes(_seed_pdf())
    for path in SEEDS.get(target, ()):
        shutil.copy(path, corpus / path.name)
    return corpus


def _seed_pdf() -> bytes:
    """A one-page uncompressed PDF of the start of the test script, so mutations reach its structure."""
    import fpdf

    pdf = fpdf.FPDF(format="letter")
    pdf.set_compression(False)
    pdf.set_font("Courier", size=12)
    pdf.add_page()
    lines = (SCRIPTS / "lamplighter.txt").read_text(encoding="utf-8").split("\n")[:40]
    for row, line in enumerate(lines):
        pdf.text(15, 15 + 4.6 * row, line.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def command(target: str, corpus: Path) -> list[str]:
    """The libFuzzer command line for ``target``."""
    if target == "pipeline":
        budget = [
            f"-max_total_time={os.environ.get('FUZZ_SECONDS', '3600')}",
            "-timeout=120",
            "-max_len=2048",
        ]
        script = "pipeline.py"
        return [sys.executable, str(ROOT / "fuzz" / script), *budget, *LIBFUZZER_FLAGS, str(corpus)]
    budget = [f"-runs={os.environ.get('FUZZ_RUNS', '1000000')}", "-timeout=30", "-max_len=4096"]
    if "FUZZ_MAX_SECONDS" in os.environ:  # a cap on wall time for a reader that runs slower
        budget.append(f"-max_total_time={os.environ['FUZZ_MAX_SECONDS']}")
    return [sys.executable, str(ROOT / "fuzz" / "readers.py"), target, *budget, *LIBFUZZER_FLAGS, str(corpus)]


def run(target: str) -> dict[str, object]:
    """Fuzz ``target`` once; its log goes to ``build/fuzz/TARGET.log``."""
    corpus = seed_corpus(target)
    artifacts = BUILD / "crashes" / target
    artifacts.mkdir(parents=True, exist_ok=True)
    log = BUILD / f"{target}.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call(
            [*command(target, corpus), f"-artifact_prefix={artifacts}/"],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    text = log.read_text(encoding="utf-8", errors="replace")
    executions = _EXECS.findall(text) or [m[0] for m in _DONE.findall(text)]
    return {
        "target": target,
        "executions": int(executions[-1]) if executions else 0,
        "seconds": round(time.monotonic() - started),
        "crashes": sorted(p.name for p in artifacts.iterdir()),
        "exit": code,
        "date": time.strftime("%Y-%m-%d"),
        "corpus": sum(1 for _ in corpus.iterdir()),
    }


def record(result: dict[str, object]) -> dict[str, dict[str, object]]:
    """Add ``result`` to ``build/fuzz/results.json`` (read afresh: other targets may run alongside)."""
    store = BUILD / "results.json"
    results = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    results[str(result["target"])] = result
    temporary = store.with_suffix(".tmp")
    temporary.write_text(json.dumps(results, indent=2), encoding="utf-8")
    temporary.replace(store)
    return results


def write_report(results: dict[str, dict[str, object]]) -> None:
    """Rewrite FUZZING.md from every result recorded so far."""
    from importlib.metadata import version

    import atheris  # noqa: F401  (its presence is part of the record)

    lines = [
        "# Fuzzing",
        "",
        "`make fuzz` runs an [atheris](https://github.com/google/atheris) (libFuzzer) harness for every",
        "reader and one for the whole engine, seeded from `tests/data`, and rewrites this file.",
        "`fuzz/readers.py FORMAT` feeds bytes to `read_bytes(data, format=FORMAT)`; `fuzz/pipeline.py`",
        "feeds bytes to `read_bytes` and `analyse` with the real English model. An input passes when it",
        "gives a Document (or Story) whose offsets and references are sound, or an error about the input;",
        "any other exception, a run over the per-input timeout, or memory over 3 GB is a crash, saved",
        "under `build/fuzz/crashes/` and turned into a regression test (`tests/test_hostile.py`).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" atheris {version('atheris')}. Each harness ran on one core.",
        "",
        "| target | executions | seconds | exec/s | corpus | crashes | date |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for target in (*READER_TARGETS, "pipeline"):
        r = results.get(target)
        if r is None:
            continue
        execs, seconds = int(str(r["executions"])), max(int(str(r["seconds"])), 1)
        crashes = ", ".join(str(c) for c in r["crashes"]) or "none"  # type: ignore[attr-defined]
        rate = execs // seconds
        lines.append(
            f"| {target} | {execs:,} | {seconds:,} | {rate:,} | {r['corpus']} | {crashes} | {r['date']} |"
        )
    short = [t for t in READER_TARGETS if t in results and int(str(results[t]["executions"])) < 1_000_000]
    if short:
        lines += [
            "",
            f"Stopped by a time cap (`FUZZ_MAX_SECONDS`) before 1,000,000 executions: {', '.join(short)}.",
        ]
    found = ", ".join(f"`{p.name}`" for p in sorted((ROOT / "tests" / "data" / "hostile").iterdir()))
    lines += [
        "",
        "Crashes found by earlier runs, each fixed and kept as a regression input in `tests/data/hostile/`",
        f"(replayed by `tests/test_hostile.py`): {found or 'none'}.",
        "",
        "Reproduce one target: `make fuzz FUZZ_TARGETS=srt` (or `FUZZ_RUNS=…`, `FUZZ_SECONDS=…` for",
        "the pipeline). Replay a crash file:",
        "`.venv/bin/python fuzz/readers.py srt build/fuzz/crashes/srt/crash-…`.",
        "",
    ]
    (ROOT / "FUZZING.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    targets = sys.argv[1:] or [*READER_TARGETS, "pipeline"]
    unknown = [t for t in targets if t not in (*READER_TARGETS, "pipeline")]
    if unknown:
        print(f"unknown fuzz target(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    BUILD.mkdir(parents=True, exist_ok=True)
    failed = False
    for target in targets:
        print(f"fuzzing {target} …", file=sys.stderr, flush=True)
        result = run(target)
        write_report(record(result))
        print(
            f"  {result['executions']:,} executions in {result['seconds']} s, crashes: {result['crashes']}",
            file=sys.stderr,
            flush=True,
        )
        failed = failed or bool(result["crashes"]) or result["exit"] != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
