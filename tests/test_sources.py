"""Batch inputs: folders, globs and tables become items with stable ids; unreadable inputs still count."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from denouement.errors import InputError
from denouement.sources import check_inputs, count_items, iter_items

STORY = "Ada Pike sails home across the bay. She dreams of her brother and wakes at dawn."


def test_folder_walk_picks_story_files_and_skips_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(f"# B\n\n{STORY}")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text(STORY)
    items = list(iter_items([str(tmp_path)]))
    assert [Path(i.path).name for i in items] == ["a.txt", "b.md"]
    assert all(i.data and not i.error for i in items)


def test_symlink_loops_and_broken_links_do_not_trap_or_vanish(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    items = {Path(i.path).name: i for i in iter_items([str(tmp_path)])}
    assert set(items) == {"a.txt", "broken.txt"}
    assert items["broken.txt"].error and items["broken.txt"].error.startswith("InputError")


def test_tables_give_one_item_per_row_with_ids(tmp_path: Path) -> None:
    rows = [{"title": "One", "plot": STORY}, {"title": "Two", "plot": ""}, {"title": "One", "plot": STORY}]
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    (tmp_path / "t.csv").write_text('key,text\nk1,"' + STORY + '"\nk2,"Second, with a comma."\n')
    pq.write_table(pa.Table.from_pylist([{"id": 7, "synopsis": STORY}]), tmp_path / "t.parquet")
    jsonl = list(iter_items([str(tmp_path / "t.jsonl")]))
    assert [i.id.rsplit("#", 1)[1] for i in jsonl] == ["One", "Two", "2", "3"]  # a repeated id falls back
    assert jsonl[1].error == "InputError: row 1 has no text"
    assert jsonl[3].error and jsonl[3].error.startswith("ParseError")
    csv_items = list(iter_items([str(tmp_path / "t.csv")], id_column="key"))
    assert [i.id.rsplit("#", 1)[1] for i in csv_items] == ["k1", "k2"]
    assert csv_items[1].text == "Second, with a comma."
    parquet = list(iter_items([str(tmp_path / "t.parquet")]))
    assert parquet[0].id.endswith("#7") and parquet[0].text == STORY
    assert count_items([str(tmp_path)]) == 7


def test_a_table_without_a_known_text_column_needs_one(tmp_path: Path) -> None:
    (tmp_path / "t.jsonl").write_text(json.dumps({"words": STORY}) + "\n")
    with pytest.raises(InputError, match="--text-column"):
        list(iter_items([str(tmp_path / "t.jsonl")]))
    assert next(iter_items([str(tmp_path / "t.jsonl")], text_column="words")).text == STORY


def test_inputs_that_name_nothing_are_refused_up_front(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        check_inputs([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no files match"):
        check_inputs([str(tmp_path / "*.srt")])
    with pytest.raises(InputError):
        check_inputs([])
