"""The command line: a thin shell over :func:`denouement.explain`.

Exit codes: 0 success; 2 bad input or bad arguments (one line on stderr); 1 internal error (one line;
the traceback only with ``--debug``).
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from denouement.errors import DenouementError, InputError
from denouement.limits import (
    DEFAULT_BATCH_TIME_LIMIT,
    DEFAULT_MAX_BODY,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_SENTENCES,
    DEFAULT_SERVER_TIME_LIMIT,
)

if TYPE_CHECKING:
    from denouement.api import Progress

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


_LONG_INPUT = 20_000  # characters; shorter texts finish before a progress bar would help


@contextmanager
def _progress_bar() -> Iterator[Progress]:
    """A rich progress bar on stderr, fed by the pipeline's progress callback."""
    from rich.console import Console
    from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=1)

        def report(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage.removeprefix("denouement_"), completed=done, total=total)

        yield report


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from exc


#: The sentence limit, an option of every command that analyses stories.
MaxSentences = Annotated[int, typer.Option("--max-sentences", min=1, help="Most sentences a story may have.")]


@app.command()
def explain(
    source: Annotated[
        str | None,
        typer.Argument(
            help="A story file (.txt, .md, .html, .fountain, .fdx, .pdf, .srt, .vtt, .json) or - for stdin."
        ),
    ] = None,
    example: Annotated[bool, typer.Option("--example", help="Explain the bundled example article.")] = False,
    format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="Output format: json, md, html or svg (default: from -o, else json)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    input_format: Annotated[
        str,
        typer.Option(
            "--input-format",
            help="Reader to use: auto, text, markdown, html, script, fountain, fdx, pdf, srt, vtt,"
            " script-json.",
        ),
    ] = "auto",
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar on stderr (default: for long inputs when stderr is a terminal).",
        ),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest input in bytes; larger is refused unread.")
    ] = DEFAULT_MAX_BYTES,
    max_sentences: MaxSentences = DEFAULT_MAX_SENTENCES,
    time_limit: Annotated[
        float | None,
        typer.Option("--time-limit", min=0.1, help="Seconds the analysis may take (default: none)."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Explain one story and print the result (JSON contract, Markdown or HTML report, SVG timeline)."""
    try:
        from denouement.api import example_path, load_source
        from denouement.api import explain as run
        from denouement.renderers import RENDERERS, format_for_path, render

        if example == (source is not None):
            raise InputError("give either a story file (or - for stdin) or --example")
        chosen = format or (format_for_path(str(output)) if output else "json")
        if chosen not in RENDERERS:
            raise InputError(f"unknown output format '{chosen}' (choose from {', '.join(sorted(RENDERERS))})")
        path = str(example_path()) if example else source
        assert path is not None
        document = load_source(path, format=input_format, max_bytes=max_bytes)
        show = (
            progress if progress is not None else (sys.stderr.isatty() and len(document.text) > _LONG_INPUT)
        )
        if show:
            with _progress_bar() as report:
                story = run(document, progress=report, max_sentences=max_sentences, time_limit=time_limit)
        else:
            story = run(document, max_sentences=max_sentences, time_limit=time_limit)
        _write(render(story, chosen), output)
    except typer.Exit:
        raise
    except Exception as exc:
        raise _fail(exc, debug) from None


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but localhost exposes the server.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest request body in bytes (answered 413 above).")
    ] = DEFAULT_MAX_BODY,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds one analysis may take before it is refused.")
    ] = DEFAULT_SERVER_TIME_LIMIT,
    max_sentences: MaxSentences = DEFAULT_MAX_SENTENCES,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Run the local web UI and JSON API (paste a text or upload a file, see the report)."""
    try:
        from denouement.server import ServerSettings
        from denouement.server import serve as run

        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(
                f"denouement: warning: listening on {host}; other machines can reach this server", err=True
            )
        run(host, port, ServerSettings(max_body=max_body, timeout=timeout, max_sentences=max_sentences))
    except typer.Exit:
        raise
    except Exception as exc:
        raise _fail(exc, debug) from None


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders (walked recursively), globs, or JSONL / CSV / Parquet tables."),
    ],
    outdir: Annotated[
        Path, typer.Option("--output", "-o", help="Output folder (created; reused to resume).")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Address of an existing Dask scheduler, tcp://host:8786."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Worker processes of the local cluster (default: cores)."),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout-per-story", min=0.1, help="Seconds a story may take before it is an error row."
        ),
    ] = DEFAULT_BATCH_TIME_LIMIT,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest input in bytes; larger is an error row.")
    ] = DEFAULT_MAX_BYTES,
    max_sentences: MaxSentences = DEFAULT_MAX_SENTENCES,
    text_column: Annotated[
        str | None, typer.Option("--text-column", help="Tables: the column with the story's text.")
    ] = None,
    id_column: Annotated[
        str | None, typer.Option("--id-column", help="Tables: the column with each row's id.")
    ] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Stories sent to a worker at a time.")
    ] = 16,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Explain again the inputs that failed.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Explain many stories on Dask into OUTDIR: JSONL shards, stories.parquet and index.duckdb.

    Exit 0 when every input has a story, 3 when some became error rows, 2 on bad arguments. Running the
    same command again resumes: inputs already done are skipped.
    """
    try:
        from denouement.batch import BatchOptions, run_batch

        options = BatchOptions(
            inputs=tuple(inputs),
            outdir=outdir,
            scheduler=scheduler,
            workers=workers,
            time_limit=timeout,
            text_column=text_column,
            id_column=id_column,
            partition_size=partition_size,
            retry_errors=retry_errors,
            max_bytes=max_bytes,
            max_sentences=max_sentences,
        )
        with _batch_progress() as tick:
            report = run_batch(options, progress=tick)
    except typer.Exit:
        raise
    except Exception as exc:
        raise _fail(exc, debug) from None
    command = "denouement batch " + " ".join(sys.argv[2:]) if len(sys.argv) > 2 else "the same command"
    if report.interrupted:
        typer.echo(
            f"denouement: interrupted after {report.rows:,} of {report.total:,} inputs; "
            f"run {command} again to resume",
            err=True,
        )
        raise typer.Exit(130)
    typer.echo(
        f"{report.rows:,} of {report.total:,} inputs in {outdir} ({report.succeeded:,} explained now, "
        f"{report.skipped:,} already done, {report.errors_in_index:,} error rows) "
        f"in {report.seconds:.1f} s on {report.workers} worker{'s' if report.workers != 1 else ''}",
        err=True,
    )
    raise typer.Exit(3 if report.errors_in_index else 0)


@contextmanager
def _batch_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar with rate and ETA on stderr (silent when stderr is not a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda finished, total: None
        return
    with Bar(
        TextColumn("stories"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
    ) as bar:
        task = bar.add_task("stories", total=None, rate="")
        started = time.monotonic()
        already: dict[str, int] = {}  # stories done before this run, left out of the rate

        def tick(finished: int, total: int) -> None:
            base = already.setdefault("count", finished)
            elapsed = max(time.monotonic() - started, 1e-6)
            rate = (finished - base) / elapsed
            bar.update(task, completed=finished, total=total, rate=f"{rate:.1f}/s")

        yield tick


@app.command()
def query(
    outdir: Annotated[Path, typer.Argument(help="The output folder of a batch.")],
    sql: Annotated[str | None, typer.Argument(help="SQL over the tables stories and characters.")] = None,
    imagined_endings: Annotated[
        bool, typer.Option("--imagined-endings", help="Stories with an unreal sequence near the end.")
    ] = False,
    top_characters: Annotated[
        bool, typer.Option("--top-characters", help="Character names found in the most stories.")
    ] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Inputs that became error rows.")] = False,
    output: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Ask a batch's index a question in SQL, or a named one."""
    try:
        from denouement.index import NAMED_QUERIES
        from denouement.index import query as run_query

        named = [
            name
            for name, on in (
                ("imagined-endings", imagined_endings),
                ("top-characters", top_characters),
                ("errors", errors),
            )
            if on
        ]
        if len(named) + (sql is not None) != 1:
            raise InputError("give one SQL query or one of --imagined-endings, --top-characters, --errors")
        if output not in ("table", "csv", "json"):
            raise InputError(f"unknown format '{output}' (choose table, csv or json)")
        if not outdir.is_dir():
            raise InputError(f"no such folder: {outdir}")
        columns, rows = run_query(outdir, NAMED_QUERIES[named[0]] if named else sql or "")
        _print_rows(columns, rows, output)
    except typer.Exit:
        raise
    except Exception as exc:
        raise _fail(exc, debug) from None


def _print_rows(columns: list[str], rows: list[tuple[object, ...]], output: str) -> None:
    if output == "json":
        import json

        typer.echo(json.dumps([dict(zip(columns, row, strict=True)) for row in rows], indent=2, default=str))
        return
    if output == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    Console().print(table)
    typer.echo(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", err=True)


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
