"""The command line: a thin shell over :func:`denouement.explain`.

Exit codes: 0 success; 2 bad input or bad arguments (one line on stderr); 1 internal error (one line;
the traceback only with ``--debug``).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from denouement.errors import DenouementError, InputError

__all__ = ["app", "main"]

app = typer.Typer(
    name="denouement",
    help="Explain how a story ends: who is who, who says what, what is real and what is imagined.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from denouement import __version__

        typer.echo(f"denouement {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Explain how a story ends, grounded in the text."""


def _fail(exc: BaseException, debug: bool) -> typer.Exit:
    if debug:
        traceback.print_exc()
    if isinstance(exc, DenouementError):
        typer.echo(f"denouement: error: {exc.one_line()}", err=True)
        return typer.Exit(exc.exit_code)
    message = " ".join(str(exc).split()) or type(exc).__name__
    typer.echo(
        f"denouement: internal error: {type(exc).__name__}: {message} (run with --debug for details)",
        err=True,
    )
    return typer.Exit(1)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from exc


@app.command()
def explain(
    source: Annotated[
        str | None,
        typer.Argument(
            help="A story file (.txt, .md, .html, .fountain, .fdx, .pdf, .srt, .vtt) or - for stdin."
        ),
    ] = None,
    example: Annotated[bool, typer.Option("--example", help="Explain the bundled example article.")] = False,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Output format: json or md (default: from -o, else json)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    input_format: Annotated[
        str,
        typer.Option(
            "--input-format",
            help="Reader to use: auto, text, markdown, html, script, fountain, fdx, pdf, srt, vtt.",
        ),
    ] = "auto",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Explain one story and print the result (JSON contract or Markdown report)."""
    try:
        from denouement.api import example_path
        from denouement.api import explain as run
        from denouement.renderers import format_for_path, render

        if example == (source is not None):
            raise InputError("give either a story file (or - for stdin) or --example")
        chosen = format or (format_for_path(str(output)) if output else "json")
        path = str(example_path()) if example else source
        assert path is not None
        story = run(path if path != "-" else "-", format=input_format)
        _write(render(story, chosen), output)
    except typer.Exit:
        raise
    except Exception as exc:
        raise _fail(exc, debug) from None


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the denouement.story/1 contract."""
    import json

    from denouement.model import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, sort_keys=True))


@app.command("eval")
def evaluate(
    folder: Annotated[Path, typer.Argument(help="A folder of stories with .yaml annotations beside them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List every mismatch per story.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Score the engine against annotated stories (see docs/annotation.md)."""
    try:
        import json

        from denouement.evaluate import by_phenomenon, evaluate_dir, summarise

        scores = evaluate_dir(folder)
        overall = summarise(scores)
        if as_json:
            payload = {
                "overall": overall,
                "phenomena": by_phenomenon(scores),
                "stories": {s.name: {"scores": summarise([s]), "problems": s.problems} for s in scores},
            }
            typer.echo(json.dumps(payload, indent=2))
            return
        _print_scores(scores, overall, by_phenomenon(scores), details)
    except typer.Exit:
        raise
    except Exception as exc:
        raise _fail(exc, debug) from None


def _print_scores(scores: list, overall: dict, phenomena: dict, details: bool) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    console = Console()
    columns = [
        "character_accuracy",
        "character_names_actors",
        "alias_merging",
        "character_precision",
        "speaker_accuracy",
        "layer_coarse",
        "unreal_f1",
        "divergence_recall",
    ]
    table = Table(title="denouement eval")
    table.add_column("stories")
    for col in columns:
        table.add_column(col.replace("_", " "), justify="right")

    def row(name: str, figures: dict) -> list[str]:  # type: ignore[type-arg]
        return [name] + ["—" if figures.get(c) is None else f"{figures[c]:.3f}" for c in columns]

    table.add_row(*row(f"all ({overall['stories']})", overall))
    for tag, figures in phenomena.items():
        table.add_row(*row(f"{tag} ({figures['stories']})", figures))
    console.print(table)
    console.print(
        f"layer exact {overall['layer_exact']}, unreal precision {overall['unreal_precision']}, "
        f"unreal recall {overall['unreal_recall']}; linear controls {overall['linear_controls']}, "
        f"unreal segments invented in them {overall['linear_false_segments']}",
        markup=False,
    )
    if details:
        for s in scores:
            if s.problems:
                console.print(f"[bold]{s.name}[/bold]")
                for problem in s.problems:
                    console.print(f"  - {problem}", markup=False)


def main() -> None:
    """Console entry point."""
    app()


if __name__ == "__main__":
    main()
