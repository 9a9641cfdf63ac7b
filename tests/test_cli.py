"""The command line: output, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from denouement import SCHEMA_ID, __version__


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "denouement.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"denouement {__version__}"


@pytest.mark.model
def test_example_as_markdown() -> None:
    result = run("explain", "--example", "--format", "md")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# The Velvet Interval Ending Explained")
    assert "| Augustin Harrow | Gus, Harrow | Rafe Donnelly |" in out
    assert "**Rosalind Delacroix**" in out


@pytest.mark.model
def test_stdin_to_json_file(tmp_path: Path) -> None:
    out = tmp_path / "story.json"
    result = run("explain", "-", "-o", str(out), stdin="“Stay,” Mirela Dascalu says.".encode())
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_ID
    assert data["quotes"][0]["speaker"] == "mirela-dascalu"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\t\n"),
        ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
        ("zeros.txt", b"\x00" * 4096),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("explain", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("denouement: error:")
    assert "Traceback" not in err


def test_missing_file_and_directory(tmp_path: Path) -> None:
    for target in (tmp_path / "nope.txt", tmp_path):
        result = run("explain", str(target))
        assert result.returncode == 2
        assert len(result.stderr.decode().strip().splitlines()) == 1


def test_example_and_path_together_is_a_usage_error(tmp_path: Path) -> None:
    result = run("explain", "--example", str(tmp_path / "x.txt"))
    assert result.returncode == 2
    assert "either a story file" in result.stderr.decode()


def test_unknown_output_format() -> None:
    result = run("explain", "-", "--format", "docx", stdin=b"Some words.")
    assert result.returncode == 2
    assert "unknown output format" in result.stderr.decode()
