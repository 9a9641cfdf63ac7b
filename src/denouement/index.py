"""A batch's output folder: JSONL shards of results, a Parquet summary and a DuckDB index.

Layout of ``OUTDIR``::

    shards/part-000012-<run>.jsonl   one line per story: {"row": {...}, "characters": [...], "story": {...}}
    stories.parquet                  the summary table, one row per input
    index.duckdb                     tables ``stories`` and ``characters`` for ``denouement query``

Shards are the truth: each is written to a temporary name and renamed, so a shard is either whole or
absent, whatever kills the batch. Where two shards hold the same id (a retried error), the later one wins.
The Parquet file and the index are rebuilt from the shards.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from denouement.errors import InputError
from denouement.model import UNREAL_LAYERS, Story

__all__ = [
    "NAMED_QUERIES",
    "ROW_COLUMNS",
    "build_index",
    "character_rows",
    "done_ids",
    "error_row",
    "query",
    "read_shards",
    "story_row",
    "write_shard",
]

SHARDS = "shards"
PARQUET = "stories.parquet"
DATABASE = "index.duckdb"

#: The columns of the ``stories`` table, in order.
ROW_COLUMNS = (
    "id",
    "path",
    "title",
    "words",
    "layers",
    "unreal_segments",
    "characters",
    "differences",
    "seconds",
    "error",
    "error_class",
    "imagined_ending",
    "ending_layer",
)
_TYPES = {
    "id": "VARCHAR",
    "path": "VARCHAR",
    "title": "VARCHAR",
    "words": "BIGINT",
    "layers": "VARCHAR",
    "unreal_segments": "INTEGER",
    "characters": "INTEGER",
    "differences": "INTEGER",
    "seconds": "DOUBLE",
    "error": "VARCHAR",
    "error_class": "VARCHAR",
    "imagined_ending": "BOOLEAN",
    "ending_layer": "VARCHAR",
}
_ENDING_SHARE = 0.25  # an unreal segment in the last quarter of the plot makes an imagined ending

#: Questions ``denouement query`` answers by name.
NAMED_QUERIES: dict[str, str] = {
    "imagined-endings": (
        "SELECT id, title, ending_layer, unreal_segments, differences FROM stories "
        "WHERE imagined_ending ORDER BY id"
    ),
    "top-characters": (
        "SELECT name, count(DISTINCT story) AS stories, sum(mentions) AS mentions FROM characters "
        "WHERE kind = 'character' GROUP BY name ORDER BY stories DESC, mentions DESC, name LIMIT 25"
    ),
    "errors": "SELECT id, path, error_class, error FROM stories WHERE error IS NOT NULL ORDER BY id",
}


def _plot_layers(story: Story) -> list[str]:
    return [s.layer for s in story.sentences if s.layer not in ("commentary", "meta")]


def story_row(item_id: str, path: str, story: Story, seconds: float) -> dict[str, Any]:
    """The ``stories`` row of a story that was explained."""
    layers: dict[str, int] = {}
    for sentence in story.sentences:
        layers[sentence.layer] = layers.get(sentence.layer, 0) + 1
    plot = _plot_layers(story)
    unreal = [s for s in story.segments if s.layer in UNREAL_LAYERS]
    plot_ids = [s.id for s in story.sentences if s.layer not in ("commentary", "meta")]
    tail_start = plot_ids[int(len(plot_ids) * (1 - _ENDING_SHARE))] if plot_ids else 0
    return {
        "id": item_id,
        "path": path,
        "title": story.title,
        "words": story.source.words,
        "layers": json.dumps(dict(sorted(layers.items()))),
        "unreal_segments": len(unreal),
        "characters": sum(1 for c in story.characters if c.kind == "character" and not c.extra),
        "differences": len(story.divergences),
        "seconds": round(seconds, 4),
        "error": None,
        "error_class": None,
        "imagined_ending": any(s.last >= tail_start for s in unreal),
        "ending_layer": plot[-1] if plot else None,
    }


def error_row(item_id: str, path: str, error_class: str, message: str, seconds: float) -> dict[str, Any]:
    """The ``stories`` row of an input that could not be explained."""
    return {
        "id": item_id,
        "path": path,
        "title": None,
        "words": None,
        "layers": None,
        "unreal_segments": None,
        "characters": None,
        "differences": None,
        "seconds": round(seconds, 4),
        "error": " ".join(message.split())[:2000] or error_class,
        "error_class": error_class,
        "imagined_ending": None,
        "ending_layer": None,
    }


def character_rows(item_id: str, story: Story) -> list[dict[str, Any]]:
    return [
        {"story": item_id, "name": c.name, "kind": c.kind, "mentions": c.mentions, "actor": c.actor}
        for c in story.characters
        if not c.extra
    ]


def _line(record: dict[str, Any]) -> str:
    """One shard line; a story already serialised (a JSON string) is embedded as it is."""
    story = record.get("story")
    head = {k: v for k, v in record.items() if k != "story"}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    if isinstance(story, str):
        return f'{text[:-1]},"story":{story}}}'
    return f'{text[:-1]},"story":{json.dumps(story, ensure_ascii=False, separators=(",", ":"))}}}'


def write_shard(outdir: Path, number: int, run: str, records: Iterable[dict[str, Any]]) -> Path:
    """Write one shard atomically (temporary file, fsync, rename)."""
    folder = outdir / SHARDS
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"part-{number:06d}-{run}.jsonl"
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            for record in records:
                out.write(_line(record))
                out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _shard_files(outdir: Path) -> list[Path]:
    folder = outdir / SHARDS
    if not folder.is_dir():
        return []
    return sorted(folder.glob("part-*.jsonl"), key=lambda p: (p.stat().st_mtime_ns, p.name))


def read_shards(outdir: Path, *, stories: bool = False) -> Iterator[dict[str, Any]]:
    """Every record of every shard, oldest shard first (``story`` dropped unless asked for)."""
    for shard in _shard_files(outdir):
        with shard.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                if not stories:
                    record.pop("story", None)
                yield record


def done_ids(outdir: Path, *, retry_errors: bool = False) -> set[str]:
    """Ids with a row already (error rows too, unless ``retry_errors``)."""
    latest: dict[str, bool] = {}
    for record in read_shards(outdir):
        latest[record["row"]["id"]] = record["row"]["error"] is None
    return {key for key, ok in latest.items() if ok or not retry_errors}


def _latest(outdir: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows: dict[str, dict[str, Any]] = {}
    characters: dict[str, list[dict[str, Any]]] = {}
    for record in read_shards(outdir):
        row = record["row"]
        rows.pop(row["id"], None)  # keep the latest, in the order it was finished
        rows[row["id"]] = row
        characters[row["id"]] = record.get("characters") or []
    return list(rows.values()), [c for key in rows for c in characters.get(key, [])]


def build_index(outdir: Path) -> int:
    """Rebuild ``stories.parquet`` and ``index.duckdb`` from the shards; returns the number of rows."""
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows, characters = _latest(outdir)
    schema = pa.schema([(name, _arrow_type(pa, _TYPES[name])) for name in ROW_COLUMNS])
    table = pa.Table.from_pylist([{k: row.get(k) for k in ROW_COLUMNS} for row in rows], schema=schema)
    char_schema = pa.schema(
        [
            ("story", pa.string()),
            ("name", pa.string()),
            ("kind", pa.string()),
            ("mentions", pa.int64()),
            ("actor", pa.string()),
        ]
    )
    char_table = pa.Table.from_pylist(characters, schema=char_schema)
    _atomic(outdir / PARQUET, lambda path: pq.write_table(table, path))

    def write_database(path: Path) -> None:
        with duckdb.connect(str(path)) as db:
            db.register("stories_arrow", table)
            db.register("characters_arrow", char_table)
            db.execute("CREATE TABLE stories AS SELECT * FROM stories_arrow")
            db.execute("CREATE TABLE characters AS SELECT * FROM characters_arrow")

    _atomic(outdir / DATABASE, write_database)
    return len(rows)


def _arrow_type(pa: Any, sql: str) -> Any:
    return {
        "VARCHAR": pa.string(),
        "BIGINT": pa.int64(),
        "INTEGER": pa.int32(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
    }[sql]


def _atomic(target: Path, write: Any) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def query(outdir: Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run read-only SQL against the index (rebuilt first when shards are newer)."""
    import duckdb

    database = outdir / DATABASE
    shards = _shard_files(outdir)
    if not shards and not database.exists():
        raise InputError(f"{outdir} holds no batch output (no shards, no {DATABASE})")
    if not database.exists() or (shards and shards[-1].stat().st_mtime_ns > database.stat().st_mtime_ns):
        build_index(outdir)
    try:
        with duckdb.connect(str(database), read_only=True) as db:
            cursor = db.execute(sql)
            columns = [d[0] for d in cursor.description or ()]
            return columns, cursor.fetchall()
    except duckdb.Error as exc:
        raise InputError(f"query failed: {' '.join(str(exc).split())}") from None
