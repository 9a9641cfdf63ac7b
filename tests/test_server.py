"""The web server over real HTTP: the JSON API, uploads, limits and errors."""

from __future__ import annotations

import inspect
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from denouement import Story, example_path
from denouement.server import ServerSettings, create_app, serve

pytestmark = pytest.mark.model
SCRIPTS = Path(__file__).parent / "data" / "scripts"


@pytest.fixture(scope="module")
def client(live_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        yield http


def test_home_page_offers_paste_and_upload(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'name="text"' in page.text and 'type="file"' in page.text and 'action="/report"' in page.text


def test_explain_json_returns_the_contract(client: httpx.Client) -> None:
    reply = client.post("/api/explain", json={"text": example_path().read_text(encoding="utf-8")})
    assert reply.status_code == 200
    story = Story.from_json(reply.content)
    assert story.schema_id == "denouement.story/1"
    assert any(s.layer == "imagined" for s in story.segments)
    assert story.source.path is None


def test_explain_upload_picks_the_reader_by_extension(client: httpx.Client) -> None:
    data = (SCRIPTS / "lamplighter.fountain").read_bytes()
    reply = client.post("/api/explain", files={"file": ("lamplighter.fountain", data)})
    assert reply.status_code == 200
    story = Story.from_json(reply.content)
    assert story.source.format == "fountain" and story.scenes


def test_a_client_file_name_is_never_opened(client: httpx.Client) -> None:
    reply = client.post("/api/explain", files={"file": ("/etc/passwd", b"Nell waves from the pier.")})
    assert reply.status_code == 200
    story = Story.from_json(reply.content)
    assert story.text == "Nell waves from the pier." and story.source.path == "passwd"
    reply = client.post("/api/explain", json={"text": "/etc/hostname"})
    assert reply.status_code == 200 and Story.from_json(reply.content).text == "/etc/hostname"


def test_report_form_returns_html(client: httpx.Client) -> None:
    reply = client.post("/report", data={"text": "Ada Pike sails home. She dreams of the sea and wakes up."})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/html")
    assert 'class="tl-root"' in reply.text


@pytest.mark.parametrize(
    ("kwargs", "status", "kind"),
    [
        ({"json": {"text": "   "}}, 400, "InputError"),
        ({"json": {"text": "Ann waves.", "format": "docx"}}, 400, "InputError"),
        ({"json": {"words": "Ann waves."}}, 422, "ValidationError"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "ValidationError"),
        ({"content": b"Ann waves.", "headers": {"content-type": "text/plain"}}, 415, "InputError"),
        ({"files": {"file": ("x.png", b"\x89PNG\r\n\x1a\n" + bytes(64))}}, 415, "UnsupportedInputError"),
        ({"files": {"file": ("empty.txt", b"")}}, 400, "InputError"),
        ({"files": {"file": ("bad.fdx", b"<FinalDraft><Content>")}}, 422, "ParseError"),
    ],
)
def test_bad_requests_get_a_json_error_without_a_trace(
    client: httpx.Client,
    kwargs: dict,
    status: int,
    kind: str,  # type: ignore[type-arg]
) -> None:
    reply = client.post("/api/explain", **kwargs)
    assert reply.status_code == status, reply.text
    error = reply.json()["error"]
    assert error["type"] == kind and error["message"]
    assert "Traceback" not in reply.text and 'File "' not in reply.text


def test_oversized_body_is_refused_before_it_is_sent(live_server: str) -> None:
    """The server answers 413 from the headers alone: no body is ever sent on this socket."""
    address = urlsplit(live_server)
    with socket.create_connection((address.hostname, address.port), timeout=10) as raw:
        raw.sendall(
            b"POST /api/explain HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: 50000000\r\n\r\n"
        )
        received = b""
        while chunk := raw.recv(4096):
            received += chunk
    answer = received.decode("latin-1")
    assert answer.startswith("HTTP/1.1 413")
    assert "TooLargeError" in answer


def test_oversized_chunked_body_is_cut_off(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(200):
            yield b"x" * 10_000

    reply = client.post("/api/explain", content=chunks(), headers={"content-type": "application/json"})
    assert reply.status_code == 413


def test_openapi_documents_both_request_kinds(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/explain"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert client.get("/docs").status_code == 200


def test_time_limit_answers_instead_of_waiting(nlp) -> None:  # type: ignore[no-untyped-def]
    import anyio

    app = create_app(ServerSettings(timeout=0.001), nlp=nlp)

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as local:
            return await local.post("/api/explain", json={"text": example_path().read_text(encoding="utf-8")})

    with ThreadPoolExecutor(1) as thread:  # its own thread: a browser test may hold this one's loop
        reply = thread.submit(anyio.run, ask).result()
    assert reply.status_code == 422
    assert reply.json()["error"]["type"] == "LimitError" and "seconds" in reply.json()["error"]["message"]


def test_sentence_limit_is_a_422_without_a_trace(nlp) -> None:  # type: ignore[no-untyped-def]
    import anyio

    app = create_app(ServerSettings(max_sentences=3), nlp=nlp)

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as local:
            return await local.post("/api/explain", json={"text": example_path().read_text(encoding="utf-8")})

    with ThreadPoolExecutor(1) as thread:
        reply = thread.submit(anyio.run, ask).result()
    assert reply.status_code == 422
    assert reply.json() == {
        "error": {"type": "LimitError", "message": "the story has more than 3 sentences, over the limit"}
    }


def test_an_internal_failure_is_a_500_without_a_trace() -> None:
    import anyio

    class BrokenPipeline:  # a broken installation: the model is missing its components
        pipe_names: tuple[str, ...] = ()

        def get_pipe(self, name: str) -> None:
            raise KeyError(name)

    app = create_app(ServerSettings(), nlp=BrokenPipeline())  # type: ignore[arg-type]

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as local:
            return await local.post("/api/explain", json={"text": "Mara waits by the pier."})

    with ThreadPoolExecutor(1) as thread:
        reply = thread.submit(anyio.run, ask).result()
    assert reply.status_code == 500
    assert reply.json()["error"]["type"] == "PipelineError"
    assert "Traceback" not in reply.text and 'File "' not in reply.text


def test_serves_on_localhost_unless_told_otherwise() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_two_hundred_concurrent_requests_are_all_answered_correctly(live_server: str) -> None:
    import asyncio

    async def one(client: httpx.AsyncClient, n: int) -> tuple[int, str, str]:
        text = f"Captain Orla Vance sails ship number {n} home. She dreams of the sea, then wakes at dawn."
        reply = await client.post("/api/explain", json={"text": text})
        return (
            reply.status_code,
            text,
            Story.from_json(reply.content).text if reply.status_code == 200 else "",
        )

    async def all_at_once() -> list[tuple[int, str, str]]:
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        async with httpx.AsyncClient(base_url=live_server, timeout=300, limits=limits) as client:
            return await asyncio.gather(*(one(client, n) for n in range(200)))

    with ThreadPoolExecutor(1) as thread:  # its own loop: a browser test may hold this thread's
        answers = thread.submit(asyncio.run, all_at_once()).result()
    assert len(answers) == 200
    assert all(status == 200 for status, _, _ in answers)
    assert all(sent == got for _, sent, got in answers)  # every reply belongs to its own request
