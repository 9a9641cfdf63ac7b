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


@pytest.mark.model
def test_eval_scores_a_folder(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(
        "Ilsa Brandvold (Mette Lind) runs the last ferry. “We sail at six,” Ilsa says.", encoding="utf-8"
    )
    (tmp_path / "ferry.yaml").write_text(
        "characters:\n  - name: Ilsa Brandvold\n    aliases: [Ilsa]\n    actor: Mette Lind\n"
        "    kind: character\nquotes:\n  - text: We sail at six\n    speaker: Ilsa Brandvold\n",
        encoding="utf-8",
    )
    result = run("eval", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    assert overall["character_accuracy"] == 1.0
    assert overall["speaker_accuracy"] == 1.0


def test_eval_of_a_folder_without_annotations_is_an_input_error(tmp_path: Path) -> None:
    result = run("eval", str(tmp_path))
    assert result.returncode == 2
    assert "no .yaml annotations" in result.stderr.decode()


@pytest.mark.model
def test_html_report_and_svg_timeline_from_the_output_name(tmp_path: Path) -> None:
    report, picture = tmp_path / "report.html", tmp_path / "timeline.svg"
    assert run("explain", "--example", "-o", str(report)).returncode == 0
    assert run("explain", "--example", "-o", str(picture), "--progress").returncode == 0
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert 'class="tl-lane' in report.read_text(encoding="utf-8")
    assert picture.read_text(encoding="utf-8").startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_unknown_output_format_is_refused_before_any_work() -> None:
    result = run("explain", "--example", "-f", "docx")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "denouement: error: unknown output format 'docx' (choose from html, json, md, svg)"
    )


def test_serve_refuses_a_bad_port() -> None:
    result = run("serve", "--port", "70000")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
