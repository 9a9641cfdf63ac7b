"""An article page end to end: only the article survives, furniture inside it is meta."""

from __future__ import annotations

from pathlib import Path

import pytest

from denouement import explain

pytestmark = pytest.mark.model

PAGE = """<!doctype html>
<html><head><title>Harbour Lights ending explained | Reelside</title>
<script>window.track = function () { document.title = "tracked"; };</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/reviews">Reviews</a></li></ul></nav>
<header><div class="logo">Reelside</div><a href="/subscribe">Subscribe to our newsletter</a></header>
<div class="ad">Advertisement</div>
<main><article>
<h1>Harbour Lights ending explained: who really rings the bell?</h1>
<p class="byline">By Tamsin Greer</p>
<p>Harbour Lights follows Edda Rask (Liv Moberg), a lighthouse keeper who has not spoken to her sister
Karin Rask (Ylva Dahl) in twenty years. When a storm cuts the island off, Karin arrives on the last ferry.</p>
<figure><img src="still.jpg" alt=""><figcaption>Liv Moberg as Edda in Harbour Lights. Photo: Nordvik Film</figcaption></figure>
<p>“You kept the light burning for nobody,” Karin says. Edda answers, “It was never for nobody.”</p>
<div class="ad">Article continues below</div>
<h2>What happens at the end?</h2>
<p>In the final scene the sisters ring the fog bell together, and the ferry turns back towards the harbour.</p>
<p>Harbour Lights is now streaming on Netflix.</p>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Ten lighthouse films ranked</a></li><li><a href="/b">Storm scenes we love</a></li></ul></aside>
<footer>© 2024 Reelside Media. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>
"""


def test_article_page_keeps_only_the_article(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    story = explain(path, nlp=nlp)
    for chrome in ("Home", "Ten lighthouse films ranked", "All rights reserved", "window.track", "Privacy"):
        assert chrome not in story.text
    assert "Karin arrives on the last ferry" in story.text
    layer = {s.text: s.layer for s in story.sentences}
    assert (
        layer[
            "In the final scene the sisters ring the fog bell together, and the ferry turns back towards the harbour."
        ]
        == "actual"
    )
    assert layer["Harbour Lights is now streaming on Netflix."] == "meta"
    assert all(s.layer == "meta" for s in story.sentences if s.block == "heading")
    names = {c.name: c for c in story.characters}
    assert names["Edda Rask"].actor == "Liv Moberg"
    assert names["Karin Rask"].actor == "Ylva Dahl"
    assert "Liv Moberg" not in names and "Netflix" not in names
    speakers = {q.text: story.display_name(q.speaker) for q in story.quotes}
    assert speakers["You kept the light burning for nobody,"] == "Karin Rask"
    assert speakers["It was never for nobody."] == "Edda Rask"
