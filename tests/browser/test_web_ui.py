"""``denouement serve`` in a real browser: paste or upload, see that work is under way, get the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from denouement import example_path

pytestmark = [pytest.mark.browser, pytest.mark.model]
SCRIPTS = Path(__file__).parents[1] / "data" / "scripts"


def test_upload_a_file_and_see_the_report(browser: Any, live_server: str, screenshots: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    view = context.new_page()
    view.goto(live_server + "/")
    view.set_input_files("#file", str(example_path()))
    with view.expect_navigation():
        view.click("#submit")
    assert view.url.endswith("/report")
    assert "Velvet Interval" in view.locator("h1").inner_text()
    assert view.locator("svg .tl-lane").count() == 2
    assert view.locator("svg .tl-link").count() > 0
    view.screenshot(path=str(screenshots / "serve-report.png"))
    context.close()


def test_paste_a_screenplay(browser: Any, live_server: str) -> None:
    context = browser.new_context()
    view = context.new_page()
    view.goto(live_server + "/")
    view.fill("#text", (SCRIPTS / "lamplighter.fountain").read_text(encoding="utf-8"))
    view.select_option("#format", "fountain")
    with view.expect_navigation():
        view.click("#submit")
    assert view.locator("#scenes tbody tr").count() > 0
    context.close()


def test_the_form_shows_that_work_is_under_way(browser: Any, live_server: str, screenshots: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    view = context.new_page()
    view.goto(live_server + "/")
    busy = view.locator("#busy")
    assert busy.is_hidden()
    # Hold the submission in the page so the indicator can be seen before the report replaces it.
    view.evaluate(
        "document.getElementById('explain-form').addEventListener('submit', e => e.preventDefault())"
    )
    view.fill("#text", "Ada Pike sails home.")
    view.click("#submit")
    assert busy.is_visible() and "Working" in busy.inner_text()
    assert view.locator("#explain-form").get_attribute("aria-busy") == "true"
    view.screenshot(path=str(screenshots / "serve-busy-phone.png"))
    context.close()


def test_a_bad_upload_gets_a_readable_error_page(browser: Any, live_server: str) -> None:
    context = browser.new_context()
    view = context.new_page()
    view.goto(live_server + "/")
    view.set_input_files(
        "#file",
        files=[{"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}],
    )
    with view.expect_navigation():
        view.click("#submit")
    assert "binary data" in view.locator(".error").inner_text()
    context.close()
