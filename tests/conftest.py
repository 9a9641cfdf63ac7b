"""Shared fixtures: the real English pipeline, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from denouement import Story, explain
from denouement.nlp import load_pipeline

TESTS = Path(__file__).parent


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="session")
def story_of(nlp) -> Callable[[str], Story]:  # type: ignore[no-untyped-def]
    """Explain a text given as a string (results cached per text)."""
    cache: dict[str, Story] = {}

    def run(text: str) -> Story:
        if text not in cache:
            cache[text] = explain(text, format="text", nlp=nlp)
        return cache[text]

    return run


@pytest.fixture(scope="session")
def live_server(nlp):  # type: ignore[no-untyped-def]
    """A real uvicorn server on a free localhost port, sharing the session's pipeline."""
    import socket
    import threading
    import time

    import uvicorn

    from denouement.server import ServerSettings, create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(ServerSettings(max_body=1_000_000, timeout=60), nlp=nlp)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
