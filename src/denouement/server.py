"""``denouement serve``: a local web UI and a JSON API, a thin shell over :func:`denouement.analyse`.

- ``GET /`` — paste a text or upload a file, get the HTML report.
- ``POST /report`` — the form's target (multipart: ``text`` or ``file``, optional ``format``): the report.
- ``POST /api/explain`` — JSON ``{"text": "...", "format": "auto"}`` or a multipart upload (field
  ``file``): the ``denouement.story/1`` JSON contract.
- ``GET /api/health`` — liveness; ``GET /docs`` — the OpenAPI documentation.

Safety: bodies larger than ``max_body`` bytes are answered with 413 before they are read (from
``Content-Length``, or as soon as a chunked body passes the limit); each analysis has a time limit; a
client's file name only picks the reader by its extension, nothing the client sends is opened on the
server; errors are JSON ``{"error": {"type": ..., "message": ...}}`` without stack traces.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import anyio
import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, Field, ValidationError
from spacy.language import Language
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from denouement.api import analyse
from denouement.document import Document
from denouement.errors import DenouementError, InputError, LimitError
from denouement.limits import DEFAULT_MAX_BODY, DEFAULT_MAX_SENTENCES, DEFAULT_SERVER_TIME_LIMIT
from denouement.model import Story
from denouement.readers import READERS, read_bytes, read_text

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_TIMEOUT", "ExplainRequest", "ServerSettings", "create_app"]

DEFAULT_TIMEOUT = DEFAULT_SERVER_TIME_LIMIT
_log = logging.getLogger("denouement.server")


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Limits of one server: request body size in bytes, seconds and sentences per analysis."""

    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    max_sentences: int = DEFAULT_MAX_SENTENCES


class ExplainRequest(BaseModel):
    """The JSON body of ``POST /api/explain``."""

    text: str = Field(description="The story's text (plain text, Markdown, HTML, Fountain, SRT ...).")
    format: str = Field("auto", description="Reader to use; auto sniffs the text.")


class ErrorBody(BaseModel):
    type: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 for bodies over ``limit`` bytes, before the application reads them."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except _TooLarge:
            if not started:
                await _too_large(send, self.limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send, limit: int) -> None:
    body = (
        ErrorResponse(
            error=ErrorBody(
                type="TooLargeError", message=f"request body larger than the limit of {limit:,} bytes"
            )
        )
        .model_dump_json()
        .encode()
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _error(status: int, kind: str, message: str) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(type=kind, message=message))
    return JSONResponse(body.model_dump(), status_code=status)


@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("denouement", "web"), autoescape=True, undefined=jinja2.StrictUndefined
    )


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    from denouement import __version__

    css = resources.files("denouement").joinpath("web", "page.css").read_text(encoding="utf-8")
    html = (
        _templates()
        .get_template(name)
        .render(version=__version__, css=Markup(css), formats=sorted(READERS), **context)
    )
    return HTMLResponse(html, status_code=status)


def _safe_name(filename: str | None) -> str | None:
    """Only the base name of a client's file name, used to pick a reader; never opened."""
    if not filename:
        return None
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base[:255] or None


def _check_format(format: str) -> str:
    if format != "auto" and format not in READERS:
        raise InputError(f"unknown input format '{format}' (choose from auto, {', '.join(sorted(READERS))})")
    return format


def create_app(settings: ServerSettings | None = None, *, nlp: Language | None = None) -> FastAPI:
    """The web application; ``nlp`` defaults to the bundled English pipeline, loaded at start-up."""
    settings = settings or ServerSettings()
    from denouement import __version__

    state: dict[str, Language] = {}

    def pipeline() -> Language:
        if "nlp" not in state:
            from denouement.nlp import load_pipeline

            state["nlp"] = nlp or load_pipeline()
        return state["nlp"]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(pipeline)  # load the model once, before the first request
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="denouement",
        version=__version__,
        summary="Explains how a story ends, grounded in the text.",
        description="Paste a synopsis, an article, a screenplay or subtitles; get the `denouement.story/1` "
        "contract or an HTML report.",
    )
    app.add_middleware(BodyLimit, limit=settings.max_body)

    async def run(load: Any) -> Story:
        def work() -> Story:
            document: Document = load()
            return analyse(
                document, pipeline(), time_limit=settings.timeout, max_sentences=settings.max_sentences
            )  # an abandoned thread stops too

        try:
            with anyio.fail_after(settings.timeout):
                return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except TimeoutError:
            raise LimitError(f"analysis took longer than the limit of {settings.timeout:g} seconds") from None

    async def document_from_form(request: Request) -> tuple[Any, str]:
        try:
            form = await request.form(max_files=1, max_fields=8)
        except _TooLarge:
            raise
        except Exception as exc:
            raise InputError(f"cannot read the form: {exc}") from exc
        format = _check_format(str(form.get("format") or "auto"))
        upload = form.get("file")
        if isinstance(upload, UploadFile) and (upload.filename or upload.size):
            data = await upload.read()
            name = _safe_name(upload.filename)
            if not data:
                raise InputError(f"the uploaded file {name or ''} is empty".replace("  ", " "))
            return (lambda: read_bytes(data, format=format, path=name, max_bytes=settings.max_body)), "file"
        text = form.get("text")
        if isinstance(text, str) and text.strip():
            return (lambda: read_text(text, format=format)), "text"
        raise InputError("paste a text or choose a file")

    @app.exception_handler(DenouementError)
    async def on_error(request: Request, exc: DenouementError) -> Response:
        status = exc.http_status
        if request.url.path == "/report":
            return _page("error.html.j2", status, message=exc.one_line(), code=status)
        return _error(status, type(exc).__name__, exc.one_line())

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _error(422, "ValidationError", f"{where}: {first['msg']}" if where else str(first["msg"]))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        _log.error("internal error: %s: %s", type(exc).__name__, exc)
        return _error(500, "InternalError", "the analysis failed; the server log has the details")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home() -> HTMLResponse:
        return _page("index.html.j2", max_body=settings.max_body)

    @app.get("/api/health", summary="Liveness check")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/api/explain",
        summary="Explain a story",
        response_description="The denouement.story/1 contract.",
        responses={
            400: {"model": ErrorResponse},
            413: {"model": ErrorResponse},
            415: {"model": ErrorResponse},
            422: {"model": ErrorResponse},
            500: {"model": ErrorResponse},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": ExplainRequest.model_json_schema()},
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "format": {"type": "string", "default": "auto"},
                            },
                        }
                    },
                },
            }
        },
    )
    async def explain_api(request: Request) -> Response:
        """Send the text as JSON, or upload a file (any format the readers accept) as ``file``."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            try:
                payload = ExplainRequest.model_validate_json(await request.body())
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                return _error(422, "ValidationError", f"{where}: {first['msg']}" if where else first["msg"])
            format = _check_format(payload.format)
            if not payload.text.strip():
                raise InputError("the text is empty")
            story = await run(lambda: read_text(payload.text, format=format))
        elif kind == "multipart/form-data":
            load, _ = await document_from_form(request)
            story = await run(load)
        else:
            return _error(
                415, "InputError", 'send application/json {"text": ...} or multipart/form-data with a file'
            )
        return Response(story.to_json(indent=None), media_type="application/json")

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def report(request: Request) -> HTMLResponse:
        from denouement.renderers import render

        load, _ = await document_from_form(request)
        story = await run(load)
        return HTMLResponse(render(story, "html"))

    return app


def serve(host: str = "127.0.0.1", port: int = 8000, settings: ServerSettings | None = None) -> None:
    """Run the server with uvicorn until interrupted."""
    import uvicorn

    app = create_app(settings)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("DENOUEMENT_LOG_LEVEL", "info"))
