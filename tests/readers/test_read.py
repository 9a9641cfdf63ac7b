"""The public API: read(), read_text(), read_bytes(), the registry, format choice and input errors."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import denouement.readers as readers
from denouement.document import Document
from denouement.errors import InputError, LimitError
from denouement.readers import (
    READERS,
    Reader,
    read,
    read_bytes,
    read_text,
    reader_for,
    register_reader,
    sniff_format,
)

MARKDOWN = "# The Long Way Home\n\nMira **drives** north with her father's ashes.\n"
HTML = "<html><body><h1>Night Shift</h1><p>Omar keeps the diner open until dawn.</p></body></html>"
TEXT = "The Long Way Home\n\nMira drives north with her father's ashes.\n"


def kinds(doc: Document) -> list[str]:
    return [block.kind for block in doc.blocks]


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


# --- files -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("story.txt", TEXT, "text"),
        ("story.text", TEXT, "text"),
        ("story.md", MARKDOWN, "markdown"),
        ("story.MARKDOWN", MARKDOWN, "markdown"),
        ("story.html", HTML, "html"),
        ("story.htm", HTML, "html"),
        ("story.xhtml", HTML, "html"),
    ],
)
def test_extension_picks_the_reader(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc = read(path)
    assert doc.format == fmt
    assert doc.path == str(path)
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_accepts_str_paths(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read(str(path))
    assert doc.title == "The Long Way Home"
    assert doc.text == "The Long Way Home\n\nMira drives north with her father's ashes."


def test_unknown_extension_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.story"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read(path)
    assert doc.format == "text"
    assert "**drives**" in doc.text


def test_explicit_format_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(HTML, encoding="utf-8")
    assert read(path, format="html").format == "html"
    assert read(path, format="htm").format == "html"  # an extension names its format too


def test_hash_is_of_the_raw_bytes_not_the_decoded_text(tmp_path: Path) -> None:
    raw = "Café “noir”\r\n\r\nThe end.".encode("utf-16")
    path = tmp_path / "wide.txt"
    path.write_bytes(raw)
    doc = read(path)
    assert doc.text == "Café “noir”\n\nThe end."
    assert doc.raw_sha256 == hashlib.sha256(raw).hexdigest()


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"The caf\xe9 was \x93quoted\x94 in the\r\npaper, line two.")
    assert read(path).text == "The café was “quoted” in the paper, line two."


# --- errors ------------------------------------------------------------------------------------------


def assert_input_error(error: InputError, message: str) -> None:
    assert str(error) == message
    assert error.one_line() == message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with pytest.raises(InputError) as caught:
        read(path)
    assert_input_error(caught.value, f"no such file: {path}")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read(tmp_path)
    assert_input_error(caught.value, f"{tmp_path} is a directory, not a file")


@pytest.mark.parametrize("content", [b"", b" \n\t \r\n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read(path)
    assert_input_error(caught.value, f"{path} is empty")


def test_png_file(tmp_path: Path) -> None:
    path = tmp_path / "poster.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputError) as caught:
        read(path)
    assert_input_error(caught.value, f"{path} looks like binary data (png), not text")


def test_file_full_of_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "zeros.md"
    path.write_bytes(b"\x00" * 4096)
    with pytest.raises(InputError) as caught:
        read(path)
    assert_input_error(caught.value, f"{path} looks like binary data (NUL bytes), not text")


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")

    def no_open(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(Path, "open", no_open)
    with pytest.raises(LimitError) as caught:
        read(path, max_bytes=100)
    assert_input_error(caught.value, f"{path} is 500 bytes, over the limit of 100 bytes")


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 100)
    assert read(path, max_bytes=100).text == "x" * 100


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")

    def denied(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError) as caught:
        read(path)
    assert_input_error(caught.value, f"cannot read {path}: permission denied")


def test_unsupported_format_lists_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path, format="docx")
    choices = "auto, fdx, fountain, html, markdown, pdf, script, script-json, srt, text, vtt"
    assert_input_error(caught.value, f"unsupported format 'docx'; choose one of: {choices}")
    with pytest.raises(InputError, match="unsupported format"):
        read_text("x", format="odt")
    with pytest.raises(InputError, match="from its bytes"):
        read_text("x", format="pdf")


# --- stdin -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(MARKDOWN.encode(), "markdown"), (HTML.encode(), "html"), (TEXT.encode("utf-16"), "text")],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str) -> None:
    feed_stdin(monkeypatch, data)
    doc = read("-")
    assert doc.format == fmt
    assert doc.path is None
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()


def test_stdin_with_explicit_format(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, MARKDOWN.encode())
    doc = read("-", format="text")
    assert doc.format == "text"
    assert "**drives**" in doc.text


def test_stdin_errors_name_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, b"   \n")
    with pytest.raises(InputError) as caught:
        read("-")
    assert_input_error(caught.value, "<stdin> is empty")


def test_missing_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError) as caught:
        read("-")
    assert_input_error(caught.value, "<stdin> is not available")


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, b"y" * 200_000)
    with pytest.raises(LimitError) as caught:
        read("-", max_bytes=1000)
    assert_input_error(caught.value, "<stdin> is more than 1,000 bytes, over the limit of 1,000 bytes")


# --- strings and bytes ---------------------------------------------------------------------------------


def test_read_text_sniffs_and_hashes_utf8() -> None:
    doc = read_text(MARKDOWN)
    assert doc.format == "markdown"
    assert doc.path is None
    assert doc.raw_sha256 == hashlib.sha256(MARKDOWN.encode("utf-8")).hexdigest()


def test_read_text_normalises_like_decode() -> None:
    doc = read_text("\ufeffThe cafÃ© said “ok” and the\r\nnext\x07 line ended.")
    assert doc.text == "The café said “ok” and the next line ended."


def test_read_text_with_path_uses_the_extension() -> None:
    doc = read_text(MARKDOWN, path="story.txt")
    assert doc.format == "text"
    assert doc.path == "story.txt"


def test_read_text_empty() -> None:
    with pytest.raises(InputError) as caught:
        read_text(" \n\t ")
    assert_input_error(caught.value, "input is empty")


def test_read_bytes() -> None:
    data = HTML.encode("utf-8")
    doc = read_bytes(data)
    assert doc.format == "html"
    assert doc.title == "Night Shift"
    assert kinds(doc) == ["heading", "paragraph"]
    assert doc.raw_sha256 == hashlib.sha256(data).hexdigest()
    assert read_bytes(MARKDOWN.encode(), path="a.md").path == "a.md"
    with pytest.raises(InputError, match=r"^clip\.bin looks like binary data \(gzip\), not text$"):
        read_bytes(b"\x1f\x8b\x08\x00abc", path="clip.bin")
    with pytest.raises(LimitError):
        read_bytes(b"z" * 11, max_bytes=10)


def test_offsets_hold_for_every_reader() -> None:
    for source in (MARKDOWN, HTML, TEXT):
        doc = read_text(source)
        assert doc.blocks
        for block in doc.blocks:
            assert doc.text[block.start : block.end] == doc.block_text(block)
            assert doc.block_text(block) == doc.block_text(block).strip()


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><title>x</title>", "html"),
        ("  <html lang='en'>", "html"),
        ("Some text <body class='x'> more", "html"),
        ("<p>One</p><p>Two</p>", "html"),
        ("## Heading\n\ntext", "markdown"),
        ("A **strong** claim.", "markdown"),
        ("An _emphasised_ word.", "markdown"),
        ("See [the trailer](https://example.org).", "markdown"),
        ("# Title\n\nA stray <p> tag in Markdown.", "markdown"),
        ("#hashtag and snake_case_name and 2 * 3 * 4", "text"),
        ("Just a plain story.", "text"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


# --- registry ------------------------------------------------------------------------------------------


@pytest.fixture
def clean_registry() -> Iterator[None]:
    saved_readers = dict(READERS)
    saved_extensions = dict(readers._EXTENSIONS)
    yield
    READERS.clear()
    READERS.update(saved_readers)
    readers._EXTENSIONS.clear()
    readers._EXTENSIONS.update(saved_extensions)


def test_builtin_registry() -> None:
    assert set(READERS) >= {"text", "markdown", "html"}
    assert READERS["markdown"].extensions == (".md", ".markdown")
    assert READERS["html"].extensions == (".html", ".htm", ".xhtml")
    with pytest.raises(dataclasses.FrozenInstanceError):
        READERS["text"].name = "other"  # type: ignore[misc]


def test_register_reader_plugs_in_a_format(tmp_path: Path, clean_registry: None) -> None:
    def parse_subtitles(text: str, path: str | None) -> Document:
        lines = [line for line in text.splitlines() if line and not line[0].isdigit()]
        return Document.from_blocks([(line, "paragraph", 0) for line in lines], format="srt", path=path)

    reader = register_reader("srt", ["SRT"], parse_subtitles)
    assert reader == Reader("srt", (".srt",), parse_subtitles)
    assert READERS["srt"] is reader
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nGoodbye, harbour.\n", encoding="utf-8")
    doc = read(path)
    assert doc.format == "srt"
    assert doc.text == "Goodbye, harbour."
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert read_text("Hello there.", format="srt").format == "srt"
    assert reader_for("auto", path="x.srt") is reader
