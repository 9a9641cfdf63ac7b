"""Markdown reader: markup stripped from the token stream, block kinds, titles, front matter."""

from __future__ import annotations

from denouement.document import Document
from denouement.readers.markdown import parse


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    """(kind, level, text) of every block, read through the offsets."""
    return [(block.kind, block.level, doc.text[block.start : block.end]) for block in doc.blocks]


def test_headings_paragraphs_and_inline_markup() -> None:
    doc = parse(
        "# The Glass Orchard, Explained\n\n"
        "Nadia **finally** opens the _locked_ greenhouse, reads `note.txt`\n"
        'and follows [the map](https://example.org/map "map") to the river.\n\n'
        "## The Last Scene\n\n"
        "Setext Heading\n"
        "==============\n\n"
        "Smaller Setext\n"
        "--------------\n"
    )
    assert doc.format == "markdown"
    assert doc.title == "The Glass Orchard, Explained"
    assert blocks(doc) == [
        ("heading", 1, "The Glass Orchard, Explained"),
        (
            "paragraph",
            0,
            "Nadia finally opens the locked greenhouse, reads note.txt and follows the map to the river.",
        ),
        ("heading", 2, "The Last Scene"),
        ("heading", 1, "Setext Heading"),
        ("heading", 2, "Smaller Setext"),
    ]


def test_offsets_point_at_block_text() -> None:
    doc = parse("# Title\n\nFirst *one*.\n\n- item\n\n> said")
    assert doc.text == "Title\n\nFirst one.\n\nitem\n\nsaid"
    assert [(b.start, b.end) for b in doc.blocks] == [(0, 5), (7, 17), (19, 23), (25, 29)]


def test_title_is_first_level_one_heading_else_first_heading() -> None:
    assert parse("## Intro\n\ntext\n\n# Main Title\n\n# Second").title == "Main Title"
    assert parse("### Only Small\n\ntext\n\n## Bigger").title == "Only Small"
    assert parse("No headings here.").title is None


def test_lists_and_quotes() -> None:
    doc = parse(
        "Who survives:\n\n"
        "- Nadia\n"
        "- Her brother Taro,\n"
        "  barely\n"
        "  1. nested detail\n\n"
        "> “It was never about the orchard,” the narrator says.\n"
        ">\n"
        "> - a listed line inside the quote\n"
    )
    assert blocks(doc) == [
        ("paragraph", 0, "Who survives:"),
        ("list_item", 0, "Nadia"),
        ("list_item", 0, "Her brother Taro, barely"),
        ("list_item", 0, "nested detail"),
        ("quote", 0, "“It was never about the orchard,” the narrator says."),
        ("list_item", 0, "a listed line inside the quote"),
    ]


def test_images_become_captions_from_alt_text_only() -> None:
    doc = parse(
        "![Nadia at the greenhouse door](still.jpg)\n\n"
        "![](decorative.png)\n\n"
        "The river scene ![the *river*](river.png) follows.\n"
    )
    assert blocks(doc) == [
        ("caption", 0, "Nadia at the greenhouse door"),
        ("paragraph", 0, "The river scene follows."),
        ("caption", 0, "the river"),
    ]


def test_html_is_stripped_and_scripts_dropped() -> None:
    doc = parse(
        "Before the block.\n\n"
        '<div class="note">\n<p>An <b>aside</b> in HTML.</p>\n<script>track("x")</script>\n</div>\n\n'
        'Inline <span class="x">markup</span> and <script>steal()</script> code.\n\n'
        "<!-- a hidden comment -->\n"
    )
    assert [text for _, _, text in blocks(doc)] == [
        "Before the block.",
        "An aside in HTML.",
        "Inline markup and code.",
    ]
    assert "track" not in doc.text
    assert "steal" not in doc.text
    assert "hidden comment" not in doc.text


def test_front_matter_is_skipped_and_gives_title_and_metadata() -> None:
    doc = parse(
        "---\n"
        "title: The Glass Orchard\n"
        "author: R. Okafor\n"
        "tags: [drama, ending]\n"
        "---\n"
        "# Ending Explained\n\n"
        "Body text.\n"
    )
    assert doc.title == "The Glass Orchard"
    assert doc.metadata == {"author": "R. Okafor"}
    assert blocks(doc) == [("heading", 1, "Ending Explained"), ("paragraph", 0, "Body text.")]


def test_leading_rule_that_is_not_yaml_mapping_is_kept_as_markdown() -> None:
    doc = parse("---\nJust a sentence between rules.\n---\n\nMore text.")
    assert "Just a sentence between rules." in doc.text
    assert doc.metadata == {}


def test_table_rows_become_paragraphs_with_cells_joined() -> None:
    doc = parse("| Character | Actor |\n|---|---|\n| Nadia | Lena Moss |\n| Taro | **Ken Ito** |\n")
    assert blocks(doc) == [
        ("paragraph", 0, "Character | Actor"),
        ("paragraph", 0, "Nadia | Lena Moss"),
        ("paragraph", 0, "Taro | Ken Ito"),
    ]


def test_code_blocks_and_entities_keep_their_text() -> None:
    doc = parse(
        "    an indented paragraph\n    of prose\n\n```\nfenced words\n```\n\nFish &amp; chips &copy;"
    )
    assert [text for _, _, text in blocks(doc)] == [
        "an indented paragraph of prose",
        "fenced words",
        "Fish & chips ©",
    ]


def test_hard_and_soft_breaks_become_spaces() -> None:
    doc = parse("line one  \nline two\\\nline three\nline four<br>line five<BR/>six")
    assert doc.text == "line one line two line three line four line five six"
