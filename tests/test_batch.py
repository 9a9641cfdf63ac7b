"""The batch on a real Dask LocalCluster: error rows, a kill -9 part-way, a resume, one row per input."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from denouement.index import build_index, done_ids, error_row, query, read_shards, write_shard

DEVSET = Path(__file__).parent / "devset"


def _record(item_id: str, error: bool) -> dict:  # type: ignore[type-arg]
    row = error_row(item_id, item_id, "InputError", "bad", 0.1)
    if not error:
        row = {**row, "error": None, "error_class": None, "words": 10, "title": item_id}
    return {"row": row, "characters": [], "story": None}


def test_shards_are_whole_and_the_latest_row_wins(tmp_path: Path) -> None:
    write_shard(tmp_path, 0, "r1", [_record("a", error=False), _record("b", error=True)])
    assert done_ids(tmp_path) == {"a", "b"}
    assert done_ids(tmp_path, retry_errors=True) == {"a"}
    time.sleep(0.01)
    write_shard(tmp_path, 1, "r2", [_record("b", error=False)])
    assert build_index(tmp_path) == 2
    _, rows = query(tmp_path, "SELECT id, error FROM stories ORDER BY id")
    assert rows == [("a", None), ("b", None)]
    assert not list((tmp_path / "shards").glob(".part-*"))
    assert (tmp_path / "stories.parquet").exists()


def _corpus(folder: Path, stories: int) -> list[str]:
    """Real stories of our own and some broken inputs; returns every input id expected."""
    folder.mkdir()
    sources = sorted(p for p in DEVSET.iterdir() if p.suffix == ".txt")[:stories]
    for path in sources:
        shutil.copy(path, folder / path.name)
    (folder / "zz-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(200))
    (folder / "zz-empty.md").write_text("   \n")
    os.symlink(folder / "gone.txt", folder / "zz-dangling.txt")
    table = folder / "zz-table.jsonl"
    table.write_text(
        json.dumps({"id": "row-1", "text": "Nell Marsh rows out to the lighthouse and lights the lamp."})
        + "\n{not json\n"
    )
    ids = [str(folder / p.name) for p in sources]
    ids += [str(folder / n) for n in ("zz-binary.txt", "zz-empty.md", "zz-dangling.txt")]
    return [*ids, f"{table}#row-1", f"{table}#1"]


def _batch(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "denouement.cli",
            "batch",
            str(folder),
            "-o",
            str(out),
            "--workers",
            "2",
            "--partition-size",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # the driver and its worker processes share a group to kill at once
        # as from a terminal: Ctrl-C at its default, whatever an earlier test in this process left it at
        # (a Python started with SIGINT ignored keeps it ignored and never sees the interrupt)
        preexec_fn=_default_interrupt,
    )


def _default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.model
def test_killed_batch_resumes_with_exactly_one_row_per_input(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    expected = _corpus(folder, stories=30)
    first = _batch(folder, out)
    deadline = time.monotonic() + 240
    while len(list((out / "shards").glob("part-*.jsonl"))) < 3:
        assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
        assert time.monotonic() < deadline, "no shard appeared"
        time.sleep(0.1)
    os.killpg(first.pid, signal.SIGKILL)  # a real kill: no clean-up runs
    first.wait(timeout=30)
    partial = {r["row"]["id"] for r in read_shards(out)}
    assert 0 < len(partial) < len(expected)

    second = _batch(folder, out)
    _, err = second.communicate(timeout=600)
    assert second.returncode == 3, err.decode()  # some inputs are error rows
    assert "already done" in err.decode()

    ids = [r["row"]["id"] for r in read_shards(out)]
    assert Counter(ids).most_common(1)[0][1] == 1, "an input was explained twice"
    assert sorted(ids) == sorted(expected)
    _, rows = query(out, "SELECT count(*), count(DISTINCT id) FROM stories")
    assert rows == [(len(expected), len(expected))]
    _, errors = query(out, "SELECT id, error_class FROM stories WHERE error IS NOT NULL ORDER BY id")
    classes = dict(errors)
    assert classes[str(folder / "zz-binary.txt")] == "UnsupportedInputError"
    assert classes[str(folder / "zz-empty.md")] == "InputError"
    assert classes[str(folder / "zz-dangling.txt")] == "InputError"
    assert classes[f"{folder / 'zz-table.jsonl'}#1"] == "ParseError"
    assert len(classes) == 4
    _, stories = query(
        out, "SELECT count(*) FROM stories WHERE error IS NULL AND words > 0 AND characters >= 0"
    )
    assert stories == [(len(expected) - 4,)]
    story = next(r for r in read_shards(out, stories=True) if r["row"]["error"] is None)["story"]
    assert story["schema"] == "denouement.story/1"


@pytest.mark.model
def test_query_named_questions(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _corpus(folder, stories=6)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "denouement.cli",
            "batch",
            str(folder / "zz-table.jsonl"),
            "-o",
            str(out),
            "--workers",
            "1",
        ],
        capture_output=True,
        timeout=300,
    )
    assert run.returncode == 3, run.stderr.decode()
    found = subprocess.run(
        [sys.executable, "-m", "denouement.cli", "query", str(out), "--errors", "-f", "json"],
        capture_output=True,
        timeout=60,
    )
    assert found.returncode == 0
    assert [row["error_class"] for row in json.loads(found.stdout)] == ["ParseError"]
    bad = subprocess.run(
        [sys.executable, "-m", "denouement.cli", "query", str(out), "SELECT nope FROM stories"],
        capture_output=True,
        timeout=60,
    )
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1


@pytest.mark.model
def test_ctrl_c_stops_cleanly_and_says_how_to_resume(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _corpus(folder, stories=30)
    run = _batch(folder, out)
    deadline = time.monotonic() + 240
    while not list((out / "shards").glob("part-*.jsonl")):
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    os.killpg(run.pid, signal.SIGINT)  # what a terminal sends to the whole group on Ctrl-C
    _, err = run.communicate(timeout=120)
    message = err.decode()
    assert run.returncode == 130, message
    assert "again to resume" in message and "Traceback" not in message
    _, rows = query(out, "SELECT count(*) FROM stories")
    assert rows[0][0] == len(list(read_shards(out)))
