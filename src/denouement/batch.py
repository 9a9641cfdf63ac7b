"""``denouement batch``: many stories on Dask, nothing lost, resumable, with a queryable index.

The driver streams the inputs (:mod:`denouement.sources`) in partitions to Dask workers — a
``LocalCluster`` sized to the machine, or an existing cluster — keeping only a few partitions in flight,
so it never holds the whole corpus. Each worker process loads the model once and runs
:func:`denouement.api.analyse_many` over a partition. The driver writes each finished partition as one
shard (:mod:`denouement.index`), atomically; a re-run skips every id that already has a row, so a batch
killed at any moment resumes where it stopped. Every input ends as exactly one row: its summary, or its
error (class and one-line message). A story over its time limit is an error row; a worker that dies takes
only its own story with it (the partition is retried one story at a time).
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from denouement.errors import DenouementError, InputError
from denouement.index import build_index, character_rows, done_ids, error_row, story_row, write_shard
from denouement.limits import DEFAULT_BATCH_TIME_LIMIT, DEFAULT_MAX_BYTES, DEFAULT_MAX_SENTENCES
from denouement.sources import Item, check_inputs, iter_items

__all__ = ["BatchOptions", "BatchReport", "explain_partition", "run_batch"]

Record = dict[str, Any]
Progress = Callable[[int, int], None]  # (finished so far, total)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What to explain, where to write it and how to run it."""

    inputs: tuple[str, ...]
    outdir: Path
    scheduler: str | None = None
    workers: int | None = None
    time_limit: float = DEFAULT_BATCH_TIME_LIMIT
    text_column: str | None = None
    id_column: str | None = None
    partition_size: int = 16
    retry_errors: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_sentences: int = DEFAULT_MAX_SENTENCES


@dataclass(slots=True)
class BatchReport:
    """What a run did."""

    total: int = 0
    skipped: int = 0
    succeeded: int = 0
    failed: int = 0
    rows: int = 0
    errors_in_index: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    workers: int = 0
    failures: list[str] = field(default_factory=list)


def _error_record(item: Item, error_class: str, message: str, seconds: float = 0.0) -> Record:
    return {
        "row": error_row(item.id, item.path, error_class, message, seconds),
        "characters": [],
        "story": None,
    }


def _split_error(text: str) -> tuple[str, str]:
    kind, _, message = text.partition(": ")
    return (kind, message) if message else ("InputError", text)


def explain_partition(
    items: list[Item], time_limit: float | None, max_sentences: int | None = DEFAULT_MAX_SENTENCES
) -> list[Record]:
    """Run on a worker: one record per item, in order (a story, or an error row)."""
    from denouement.api import analyse_many
    from denouement.nlp import load_pipeline
    from denouement.readers import read_bytes, read_text

    nlp = load_pipeline()
    records: list[Record | None] = [None] * len(items)
    documents = []
    positions = []
    for i, item in enumerate(items):
        if item.error:
            records[i] = _error_record(item, *_split_error(item.error))
            continue
        try:
            if item.data is not None:
                document = read_bytes(item.data, format=item.format, path=item.path)
            else:
                document = read_text(item.text or "", format=item.format, path=item.path)
        except DenouementError as exc:
            records[i] = _error_record(item, type(exc).__name__, exc.one_line())
            continue
        except Exception as exc:  # a reader bug must not cost the partition
            records[i] = _error_record(item, "PipelineError", f"{type(exc).__name__}: {exc}")
            continue
        documents.append(document)
        positions.append(i)
    start = time.perf_counter()
    results = analyse_many(documents, nlp, time_limit=time_limit, max_sentences=max_sentences)
    elapsed = time.perf_counter() - start
    words = sum(max(len(d.text.split()), 1) for d in documents) or 1
    for position, document, result in zip(positions, documents, results, strict=True):
        item = items[position]
        seconds = elapsed * max(len(document.text.split()), 1) / words  # its share of the partition
        if isinstance(result, DenouementError):
            records[position] = _error_record(item, type(result).__name__, result.one_line(), seconds)
        else:
            records[position] = {
                "row": story_row(item.id, item.path, result, seconds),
                "characters": character_rows(item.id, result),
                "story": result.to_json(indent=None),  # serialised here, on the worker, not by the driver
            }
    return [r for r in records if r is not None]


def _partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _connect(options: BatchOptions) -> tuple[Any, Any, int]:
    """A Dask client: to ``options.scheduler``, or to a new LocalCluster of worker processes."""
    from distributed import Client, LocalCluster

    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from None
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        return client, None, workers
    workers = options.workers or max(os.cpu_count() or 1, 1)
    # Worker processes ignore Ctrl-C (it reaches the whole terminal group): the driver alone stops the
    # batch cleanly and closes the cluster.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # a worker that loses its scheduler while a stopped batch closes logs an error with a
            # traceback; what goes wrong with a story is recorded in the index instead
            silence_logs=logging.CRITICAL,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    return Client(cluster), cluster, workers


def _warm(client: Any) -> None:
    """Load the model in every worker before the clock for stories starts."""
    from denouement.nlp import load_pipeline

    def load() -> bool:
        load_pipeline()
        return True

    client.run(load)


def run_batch(options: BatchOptions, progress: Progress | None = None) -> BatchReport:
    """Explain every input of ``options`` into ``options.outdir``; see the module documentation."""
    check_inputs(options.inputs)
    options.outdir.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    started = time.perf_counter()
    done = done_ids(options.outdir, retry_errors=options.retry_errors)
    for item in iter_items(
        options.inputs, text_column=options.text_column, id_column=options.id_column, read=False
    ):
        report.total += 1  # one counting pass (files are not opened) gives both figures
        report.skipped += item.id in done
    everything = iter_items(
        options.inputs,
        text_column=options.text_column,
        id_column=options.id_column,
        max_bytes=options.max_bytes,
    )
    todo: Iterator[Item] = (item for item in everything if item.id not in done)
    tick = progress or (lambda finished, total: None)
    tick(report.skipped, report.total)
    _remove_stale_temporaries(options.outdir)
    first = next(todo, None)
    if first is None:  # everything is done already: no cluster needed
        report.rows = build_index(options.outdir)
        report.errors_in_index = _count_errors(options.outdir)
        report.seconds = time.perf_counter() - started
        return report
    todo = itertools.chain([first], todo)
    client, cluster, report.workers = _connect(options)
    try:
        _warm(client)
        _drive(client, options, todo, report, tick)
    except KeyboardInterrupt:
        report.interrupted = True
        logging.getLogger("distributed").setLevel(logging.CRITICAL)  # the closing cluster's complaints
    finally:
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        finally:
            report.rows = build_index(options.outdir)
            report.errors_in_index = _count_errors(options.outdir)
            report.seconds = time.perf_counter() - started
    return report


def _remove_stale_temporaries(outdir: Path) -> None:
    """Half-written shards of a killed run (never renamed into place, so never read)."""
    for stale in (outdir / "shards").glob(".part-*.tmp") if (outdir / "shards").is_dir() else ():
        stale.unlink(missing_ok=True)


def _count_errors(outdir: Path) -> int:
    from denouement.index import query

    _, rows = query(outdir, "SELECT count(*) FROM stories WHERE error IS NOT NULL")
    return int(rows[0][0]) if rows else 0


def _drive(
    client: Any, options: BatchOptions, todo: Iterator[Item], report: BatchReport, tick: Progress
) -> None:
    """Keep a few partitions in flight; write each as a shard when it comes back."""
    from distributed import wait

    run = uuid.uuid4().hex[:8]
    window = max(2 * report.workers, 2)
    parts = _partitions(todo, max(options.partition_size, 1))
    retry: list[list[Item]] = []
    pending: dict[Any, tuple[list[Item], float]] = {}
    finished = report.skipped
    shards = itertools.count(_next_shard(options.outdir))  # listed once, then counted

    def submit(items: list[Item]) -> None:
        future = client.submit(
            explain_partition, items, options.time_limit, options.max_sentences, pure=False
        )
        pending[future] = (items, time.monotonic())

    def refill() -> None:
        while len(pending) < window:
            items = retry.pop() if retry else next(parts, None)
            if items is None:
                return
            submit(items)

    refill()
    while pending:
        try:
            done, _ = wait(list(pending), timeout=2.0, return_when="FIRST_COMPLETED")
        except TimeoutError:  # nothing finished in the last two seconds
            done = set()
        for future in done:
            items, _ = pending.pop(future)
            try:
                records = future.result()
            except Exception as exc:  # the worker died or the task failed as a whole
                if len(items) > 1:
                    retry.extend([item] for item in items)  # find the one story that did it
                    continue
                records = [
                    _error_record(
                        items[0], "PipelineError", f"the worker failed: {type(exc).__name__}: {exc}"
                    )
                ]
            write_shard(options.outdir, next(shards), run, records)
            for record in records:
                if record["row"]["error"] is None:
                    report.succeeded += 1
                else:
                    report.failed += 1
                    report.failures.append(f"{record['row']['id']}: {record['row']['error_class']}")
            finished += len(records)
            tick(finished, report.total)
        _expire(pending, options, report, run, retry, shards)
        refill()


def _next_shard(outdir: Path) -> int:
    folder = outdir / "shards"
    return len(list(folder.glob("part-*.jsonl"))) if folder.is_dir() else 0


def _expire(
    pending: dict[Any, tuple[list[Item], float]],
    options: BatchOptions,
    report: BatchReport,
    run: str,
    retry: list[list[Item]],
    shards: Iterator[int],
) -> None:
    """A partition far past its budget (a story stuck inside one stage) is given up, one row each."""
    now = time.monotonic()
    for future, (items, submitted) in list(pending.items()):
        budget = options.time_limit * len(items) + 60
        if now - submitted <= budget:
            continue
        del pending[future]
        future.cancel()
        if len(items) > 1:
            retry.extend([item] for item in items)
            continue
        records = [_error_record(items[0], "LimitError", f"no answer within {budget:g} seconds")]
        write_shard(options.outdir, next(shards), run, records)
        report.failed += 1
        report.failures.append(f"{items[0].id}: LimitError")
