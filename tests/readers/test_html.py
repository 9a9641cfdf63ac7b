"""HTML reader: main text kept, page furniture and scripts dropped, robust against bad markup."""

from __future__ import annotations

from typing import Any

import pytest
import trafilatura

from denouement.document import Document
from denouement.errors import InputError, ParseError
from denouement.readers import html, read_text
from denouement.readers.html import fragment_parts, parse


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    """(kind, level, text) of every block, read through the offsets."""
    return [(block.kind, block.level, doc.text[block.start : block.end]) for block in doc.blocks]


ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>The Quiet Harbour, Ending Explained | Filmwise Weekly</title>
  <style>.promo { display: block; }</style>
  <script>var analyticsQueue = []; function pingTracker() { return "tracker-ping"; }</script>
</head>
<body>
  <header class="masthead">
    <a href="/" class="logo">Filmwise Weekly</a>
    <nav>
      <ul>
        <li><a href="/reviews">Reviews Menu</a></li>
        <li><a href="/features">Features Menu</a></li>
        <li><a href="/podcast">Podcast Menu</a></li>
      </ul>
    </nav>
  </header>
  <div class="promo ad-container" id="ad-top">Advertisement</div>
  <main>
    <article>
      <h1>The Quiet Harbour, Ending Explained</h1>
      <p>Oskar returns to the fishing village where he grew up, twenty years after the night his younger
      brother vanished from the harbour wall. Nobody in the village will talk about that night, least of
      all their mother, who still sets a third plate at dinner.</p>
      <p>Most of the film follows Oskar as he pieces together the last evening from the memories of
      the ferryman, the priest and the woman who ran the bakery, each of whom remembers the weather
      differently.</p>
      <figure>
        <img src="harbour.jpg" alt="The harbour wall at dusk">
        <figcaption>Oskar on the harbour wall in the final scene. Image credit: the studio.</figcaption>
      </figure>
      <h2>What really happened to Jonas</h2>
      <p>In the final scene Oskar finds the brother&#8217;s bicycle in the ferryman&#8217;s shed, and the
      film cuts back to the storm one last time. The flashback finally shows Jonas leaving on the ferry of
      his own free will, which means the village has been protecting him rather than hiding a crime.</p>
      <p>“He asked us not to tell you,” the ferryman says, and Oskar walks out along the wall as the lights
      of the mainland come on.</p>
    </article>
  </main>
  <aside class="sidebar">
    <h3>Related Articles</h3>
    <ul>
      <li><a href="/x">Seven Coastal Mysteries You Missed</a></li>
      <li><a href="/y">The Best Ferry Scenes Ranked</a></li>
    </ul>
  </aside>
  <footer class="site-footer">
    <p>Copyright Filmwise Weekly Limited. All rights reserved.</p>
    <p><a href="/privacy">Privacy Settings</a> | <a href="/terms">Terms of Service</a></p>
  </footer>
  <script>document.getElementById("ad-top").textContent = "injected-by-script";</script>
</body>
</html>
"""


def test_article_page_keeps_the_article_and_drops_furniture() -> None:
    doc = parse(ARTICLE_PAGE, "harbour.html")
    kept = blocks(doc)
    assert doc.format == "html"
    assert doc.path == "harbour.html"
    assert doc.title == "The Quiet Harbour, Ending Explained"
    assert kept[0] == ("heading", 1, "The Quiet Harbour, Ending Explained")
    assert ("heading", 2, "What really happened to Jonas") in kept
    paragraphs = [text for kind, _, text in kept if kind == "paragraph"]
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Oskar returns to the fishing village where he grew up, twenty years")
    assert paragraphs[1].endswith("each of whom remembers the weather differently.")
    assert "the brother’s bicycle in the ferryman’s shed" in paragraphs[2]  # entities decoded
    assert paragraphs[3].startswith("“He asked us not to tell you,” the ferryman says")
    for furniture in (
        "Reviews Menu",
        "Advertisement",
        "Related Articles",
        "Seven Coastal Mysteries",
        "Copyright",
        "Privacy Settings",
        "tracker-ping",
        "analyticsQueue",
        "injected-by-script",
        "display: block",
        "Image credit",
    ):
        assert furniture not in doc.text


def test_paragraph_text_is_whitespace_normalised() -> None:
    doc = parse(ARTICLE_PAGE)
    assert all("\n" not in doc.block_text(block) for block in doc.blocks)
    assert all("  " not in doc.block_text(block) for block in doc.blocks)


def test_tiny_page_keeps_structure_and_drops_navigation() -> None:
    doc = parse(
        "<html><head><title>Note | Site</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<h1>A Short Note</h1><p>The ferry leaves at six.</p>"
        "<script>var hidden = 1;</script><footer>Footer text</footer></body></html>"
    )
    assert doc.title == "A Short Note"
    assert blocks(doc) == [("heading", 1, "A Short Note"), ("paragraph", 0, "The ferry leaves at six.")]


FALLBACK_PAGE = """<html><head><title>Fallback Title | Site</title><style>p { x: 1 }</style></head>
<body>
<header><nav>Site Menu</nav><div>Site banner</div></header>
<form><label>Search the site</label><input name="q"></form>
<article>
  <header><h1>Headline Inside Article</h1></header>
  <p>First <em>paragraph</em> of<br>the story.</p>
  <!-- a comment -->
  <h3>Minor Heading</h3>
  <ul><li>one <b>item</b></li><li>two<ul><li>nested</li></ul></li></ul>
  <blockquote><p>Quoted words.</p><p>More quoted words.</p></blockquote>
  <div>Loose text in a div.<p>Nested paragraph.</p>Tail text after it.</div>
  <table><tr><th>Name</th><th>Role</th></tr><tr><td>Oskar</td><td>Brother</td></tr></table>
  <figure><img src="x.png" alt="x"><figcaption>A figure caption</figcaption></figure>
  <noscript>Enable JavaScript</noscript>
  <p hidden>Hidden paragraph</p>
  <script>console.log("never kept")</script>
</article>
<aside>Sidebar links</aside>
<footer>Page footer</footer>
</body></html>"""


def test_fallback_walk_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    doc = parse(FALLBACK_PAGE)
    assert doc.title == "Headline Inside Article"
    assert blocks(doc) == [
        ("heading", 1, "Headline Inside Article"),
        ("paragraph", 0, "First paragraph of the story."),
        ("heading", 3, "Minor Heading"),
        ("list_item", 0, "one item"),
        ("list_item", 0, "two"),
        ("list_item", 0, "nested"),
        ("quote", 0, "Quoted words."),
        ("quote", 0, "More quoted words."),
        ("paragraph", 0, "Loose text in a div."),
        ("paragraph", 0, "Nested paragraph."),
        ("paragraph", 0, "Tail text after it."),
        ("paragraph", 0, "Name | Role"),
        ("paragraph", 0, "Oskar | Brother"),
    ]


def test_fallback_title_comes_from_title_element_without_h1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    doc = parse("<html><head><title> Only  a Title </title></head><body><p>Text.</p></body></html>")
    assert doc.title == "Only a Title"


def test_trafilatura_failure_falls_back_to_plain_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: Any, **kwargs: Any) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "extract", explode)
    doc = parse("<html><body><nav>Menu</nav><p>Still readable.</p></body></html>")
    assert blocks(doc) == [("paragraph", 0, "Still readable.")]


def test_unparsable_markup_raises_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(source: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    monkeypatch.setattr(html, "_parse_html", explode)
    with pytest.raises(ParseError) as caught:
        parse("<html><body><p>x</p></body></html>", "page.html")
    assert caught.value.one_line().startswith("page.html could not be parsed as HTML")


def test_deeply_nested_markup_does_not_crash() -> None:
    depth = 5000
    page = "<html><body><p>Before the nesting.</p>" + "<div>" * depth + "<p>Deep.</p>" + "</div>" * depth
    doc = parse(page + "</body></html>")
    assert "Before the nesting." in doc.text


def test_malformed_markup_is_read() -> None:
    doc = parse("<html><body><p>Unclosed <b>bold <i>words<p>Second paragraph</table></td></span>")
    assert [text for _, _, text in blocks(doc)] == ["Unclosed bold words", "Second paragraph"]


def test_xml_declaration_is_accepted() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>An XHTML page.</p></body></html>'
    )
    assert blocks(parse(page)) == [("paragraph", 0, "An XHTML page.")]


def test_page_without_text_is_refused_by_read_text() -> None:
    with pytest.raises(InputError, match="contains no readable text"):
        read_text("<html><body><script>alert('x')</script><style>p{}</style></body></html>")


def test_fragment_parts_strip_tags() -> None:
    assert fragment_parts("<h2>Part Two</h2><p>Some <i>text</i>.</p><script>x()</script>") == [
        ("Part Two", "heading", 2),
        ("Some text.", "paragraph", 0),
    ]
    assert fragment_parts("   ") == []
