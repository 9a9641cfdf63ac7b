"""The HTML report of the bundled example, opened from disk in a real browser with the network cut off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from denouement import Story, example_path, explain
from denouement.model import UNREAL_LAYERS
from denouement.renderers import render

pytestmark = [pytest.mark.browser, pytest.mark.model]


@pytest.fixture(scope="module")
def example(nlp) -> Story:  # type: ignore[no-untyped-def]
    return explain(example_path(), nlp=nlp)


@pytest.fixture(scope="module")
def report_file(example: Story, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "example.html"
    path.write_text(render(example, "html"), encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, report_file: Path) -> Iterator[tuple[Any, list[str]]]:
    """The report in a fresh page; every request that would leave the file is refused and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def refuse(route: Any) -> None:
        outside.append(route.request.url)
        route.abort()

    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else refuse(route)
    )
    view = context.new_page()
    errors: list[str] = []
    view.on("pageerror", lambda exc: errors.append(str(exc)))
    view.goto(report_file.as_uri())
    yield view, outside
    assert not errors, errors
    context.close()


def test_report_opens_offline_with_its_lanes_and_differences(
    page: tuple[Any, list[str]], example: Story
) -> None:
    view, outside = page
    unreal = [s for s in example.segments if s.layer in UNREAL_LAYERS]
    assert view.locator("h1").inner_text() == example.title
    assert view.locator("svg .tl-lane").count() == 1 + len(unreal) == 2
    assert view.locator("svg .tl-lane[data-segment]").count() == len(unreal)
    assert view.locator(".story-text .s.l-imagined").count() == sum(s.last - s.first + 1 for s in unreal)
    links = view.locator("svg .tl-link")
    assert links.count() == sum(1 for d in example.divergences if d.kind == "changed") > 0
    assert view.locator("#differences .diff-item").count() == len(example.divergences)
    assert outside == []


def test_clicking_a_claim_highlights_its_evidence(page: tuple[Any, list[str]], example: Story) -> None:
    view, _ = page
    claim = example.explanation.differences[0]
    button = view.locator("button.claim").filter(has_text=claim.text[:40]).first
    button.click()
    highlighted = view.locator(".s.evidence")
    assert sorted(
        int(i.removeprefix("sent-")) for i in highlighted.evaluate_all("els => els.map(e => e.id)")
    ) == sorted(claim.evidence)
    assert button.get_attribute("aria-pressed") == "true"
    assert "s" + str(claim.evidence[0]) in view.locator("#status").inner_text()
    view.keyboard.press("Escape")
    assert highlighted.count() == 0


def test_timeline_works_from_the_keyboard(page: tuple[Any, list[str]], example: Story) -> None:
    view, _ = page
    link = view.locator("svg .tl-link").first
    link.focus()
    view.keyboard.press("Enter")
    cited = link.get_attribute("data-evidence") or ""
    ids = view.locator(".s.evidence").evaluate_all("els => els.map(e => e.id)")
    assert sorted(ids) == sorted(f"sent-{i}" for i in cited.split())


def test_screenshots_at_desktop_and_phone_width(browser: Any, report_file: Path, screenshots: Path) -> None:
    for name, width, height in (("report-1280", 1280, 900), ("report-phone", 390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
        view = context.new_page()
        view.goto(report_file.as_uri())
        # Nothing but the timeline (which scrolls in its own box) may be wider than the screen.
        overflow = view.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{name}: the page is {overflow}px wider than the screen"
        view.screenshot(path=str(screenshots / f"{name}.png"), full_page=False)
        view.screenshot(path=str(screenshots / f"{name}-full.png"), full_page=True)
        context.close()
        assert (screenshots / f"{name}.png").stat().st_size > 10_000


def test_report_prints(browser: Any, report_file: Path, screenshots: Path) -> None:
    context = browser.new_context()
    view = context.new_page()
    view.goto(report_file.as_uri())
    view.emulate_media(media="print")
    assert view.locator("nav.sections").is_hidden()
    pdf = view.pdf(path=str(screenshots / "report.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()
