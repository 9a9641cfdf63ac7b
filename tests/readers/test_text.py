"""Plain text reader: paragraphs, titles, headings, list items, offsets."""

from __future__ import annotations

from denouement.document import Document
from denouement.readers.text import parse


def blocks(doc: Document) -> list[tuple[str, int, str]]:
    """(kind, level, text) of every block, read through the offsets."""
    return [(block.kind, block.level, doc.text[block.start : block.end]) for block in doc.blocks]


SYNOPSIS = """The Salt Road

Two sisters inherit a failing salt farm on the coast
and agree to run it for one last summer.

The older sister, Ines, keeps the accounts;
the younger, Pia, does the work.

WHAT HAPPENS AT THE END

When the storm floods the pans, Pia stays behind.
"""


def test_title_paragraphs_and_caps_heading() -> None:
    doc = parse(SYNOPSIS, "salt.txt")
    assert doc.format == "text"
    assert doc.path == "salt.txt"
    assert doc.title == "The Salt Road"
    assert blocks(doc) == [
        ("heading", 1, "The Salt Road"),
        (
            "paragraph",
            0,
            "Two sisters inherit a failing salt farm on the coast and agree to run it for one last summer.",
        ),
        ("paragraph", 0, "The older sister, Ines, keeps the accounts; the younger, Pia, does the work."),
        ("heading", 2, "WHAT HAPPENS AT THE END"),
        ("paragraph", 0, "When the storm floods the pans, Pia stays behind."),
    ]


def test_blocks_are_separated_by_one_blank_line_and_offsets_match() -> None:
    doc = parse(SYNOPSIS)
    assert doc.text.split("\n\n") == [doc.block_text(block) for block in doc.blocks]
    assert doc.blocks[1].start == len("The Salt Road") + 2
    assert all(doc.text[b.start : b.end] == doc.block_text(b) for b in doc.blocks)


def test_title_case_line_alone_is_a_level_two_heading() -> None:
    doc = parse("A Night Crossing\n\nThe boat leaves late.\n\nThe Ending of the Film\n\nIt sinks.\n")
    assert blocks(doc)[2] == ("heading", 2, "The Ending of the Film")


def test_short_lines_that_read_like_prose_stay_paragraphs() -> None:
    doc = parse("Opening Notes\n\nShe goes home\n\nHe Never Calls Back.\n\n“Stay Here”\n\nThe end.")
    assert blocks(doc)[1:] == [
        ("paragraph", 0, "She goes home"),  # lower case words: not Title Case
        ("paragraph", 0, "He Never Calls Back."),  # final full stop
        ("paragraph", 0, "“Stay Here”"),  # dialogue, not a heading
        ("paragraph", 0, "The end."),
    ]


def test_a_short_sentence_case_line_opened_like_a_heading_is_one() -> None:
    doc = parse("Opening Notes\n\nShe walks out of the gala.\n\nThe morning after\n\nShe wakes on a sofa.")
    assert blocks(doc)[1:] == [
        ("paragraph", 0, "She walks out of the gala."),
        ("heading", 2, "The morning after"),
        ("paragraph", 0, "She wakes on a sofa."),
    ]


def test_a_short_question_about_the_work_standing_alone_is_a_heading() -> None:
    doc = parse(
        "Harbour Lights: the ending explained\n\nThe last episode aired on Sunday.\n\n"
        "Is the final scene a dream?\n\nNo, and the show says so.\n\n"
        "Where was she supposed to go now?\n\nShe sat on the step."
    )
    assert blocks(doc)[2] == ("heading", 2, "Is the final scene a dream?")
    assert blocks(doc)[4] == ("paragraph", 0, "Where was she supposed to go now?")  # a thought, not a heading


def test_first_line_with_sentence_punctuation_is_not_a_title() -> None:
    doc = parse("It was raining again.\n\nNobody came.")
    assert doc.title is None
    assert [kind for kind, _, _ in blocks(doc)] == ["paragraph", "paragraph"]


def test_first_line_followed_by_text_without_blank_line_is_not_a_title() -> None:
    doc = parse("The Salt Road Farm, Portugal\nwas where the sisters grew up.\n\nMore.")
    assert doc.title is None
    assert blocks(doc)[0] == ("paragraph", 0, "The Salt Road Farm, Portugal was where the sisters grew up.")


def test_lines_with_room_left_are_kept_apart() -> None:
    cast = "Lena Moss as Ines\nKen Ito as Mateo\nAda Ruiz as Pia the younger sister\nOla Berg as the priest"
    doc = parse(f"Cast\n\n{cast}")
    assert blocks(doc)[1:] == [
        ("paragraph", 0, "Lena Moss as Ines"),
        ("paragraph", 0, "Ken Ito as Mateo"),
        ("paragraph", 0, "Ada Ruiz as Pia the younger sister"),
        ("paragraph", 0, "Ola Berg as the priest"),
    ]


def test_verse_lines_are_kept_apart_but_wrapped_prose_is_joined() -> None:
    verse = "The tide goes out and the pans stay dry,\nand nobody\nasks why,\nnot even the gulls."
    assert [text for _, _, text in blocks(parse(verse))] == verse.split("\n")
    prose = (
        "When the storm finally reaches the coast in the last\n"
        "act, Pia refuses to leave the farm and spends the\n"
        "night alone in the flooded pans."
    )
    assert blocks(parse(prose)) == [("paragraph", 0, " ".join(prose.split("\n")))]


def test_long_first_line_is_not_a_title() -> None:
    line = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert parse(f"{line}\n\nMore.").title is None


def test_single_short_line_is_a_paragraph() -> None:
    doc = parse("The End")
    assert doc.title is None
    assert blocks(doc) == [("paragraph", 0, "The End")]


def test_list_items_one_block_each_with_markers_dropped() -> None:
    doc = parse(
        "Cast List\n\n"
        "- Ines, the older sister\n"
        "* Pia, the younger one who\n"
        "  stays behind\n"
        "• Mateo, a neighbour\n"
        "1. The storm\n"
        "2) The flood\n\n"
        "After the list."
    )
    assert blocks(doc)[1:] == [
        ("list_item", 0, "Ines, the older sister"),
        ("list_item", 0, "Pia, the younger one who stays behind"),
        ("list_item", 0, "Mateo, a neighbour"),
        ("list_item", 0, "The storm"),
        ("list_item", 0, "The flood"),
        ("paragraph", 0, "After the list."),
    ]


def test_paragraph_then_list_in_one_chunk() -> None:
    doc = parse("The sisters disagree about:\n- the farm\n- the house")
    assert blocks(doc) == [
        ("paragraph", 0, "The sisters disagree about:"),
        ("list_item", 0, "the farm"),
        ("list_item", 0, "the house"),
    ]


def test_underlined_headings() -> None:
    doc = parse("Salt and Water\n==============\n\nFirst part.\n\nLater on\n--------\nSecond part.\n")
    assert doc.title == "Salt and Water"
    assert blocks(doc) == [
        ("heading", 1, "Salt and Water"),
        ("paragraph", 0, "First part."),
        ("heading", 2, "Later on"),
        ("paragraph", 0, "Second part."),
    ]


def test_scene_breaks_are_dropped() -> None:
    doc = parse("They argue all night.\n\n* * *\n\nMorning comes.\n\n---\n\n#\n\nThe end.")
    assert [text for _, _, text in blocks(doc)] == ["They argue all night.", "Morning comes.", "The end."]


def test_unwrapped_lines_are_paragraphs_of_their_own() -> None:
    first = "Ines sells the farm to a developer from the city, " * 3
    second = "Pia refuses to leave and spends the winter alone in the house by the salt pans, " * 2
    doc = parse(f"{first.strip()}\n{second.strip()}\nShe survives.")
    assert [text for _, _, text in blocks(doc)] == [first.strip(), second.strip(), "She survives."]


def test_hard_wrapped_paragraph_is_joined_with_single_spaces() -> None:
    doc = parse("  The flood comes at\n   night,\tand the pans\nare   lost.  ")
    assert doc.text == "The flood comes at night, and the pans are lost."


def test_no_title_when_document_starts_with_a_list() -> None:
    doc = parse("- first\n\nSecond paragraph.")
    assert doc.title is None
    assert blocks(doc)[0] == ("list_item", 0, "first")


def test_short_unpunctuated_lines_stay_apart() -> None:
    doc = parse(
        "Night Ferry, Explained\nWhat the last scene means\n\nBy Ana Ruiz\nMarch 3, 2024\n\nThe ferry sails."
    )
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds == [
        ("heading", "Night Ferry, Explained"),
        ("heading", "What the last scene means"),
        ("paragraph", "By Ana Ruiz"),
        ("paragraph", "March 3, 2024"),
        ("paragraph", "The ferry sails."),
    ]
    assert doc.title == "Night Ferry, Explained"


def test_encyclopedia_reference_marks_are_dropped() -> None:
    doc = parse(
        "Halvard rows her across the fjord.[1] She pays him in salt.[12][13] He is later "
        "pardoned[citation needed] and the ferry closes in 1921.[a]"
    )
    assert "[" not in doc.text and "]" not in doc.text
    assert "across the fjord. She pays him in salt." in doc.text
    assert "pardoned and the ferry closes in 1921." in doc.text


def test_question_headings_may_open_with_a_contraction_or_a_lead_in() -> None:
    doc = parse(
        "The Long Table, explained\n\nThe film opens on a Christmas Eve.\n\n"
        "Who's who in the family?\n\nNan has three children.\n\n"
        "So who actually comes?\n\nOnly Stephen."
    )
    assert blocks(doc)[2] == ("heading", 2, "Who's who in the family?")
    assert blocks(doc)[4] == ("heading", 2, "So who actually comes?")


def test_a_headline_that_asks_its_question_after_a_colon_is_the_title() -> None:
    doc = parse(
        "Tidewater ending explained: who is on the boat?\n\nThe last scene is set at dawn.\n", "t.txt"
    )
    assert doc.title == "Tidewater ending explained: who is on the boat?"
    doc = parse("Then she asked: where is the boat?\n\nThe last scene is set at dawn.\n", "t.txt")
    assert doc.title is None  # the question opens with no headline before it


def test_a_byline_alone_is_furniture_but_a_story_opening_with_by_and_a_time_is_not() -> None:
    assert blocks(parse("By Ottilie Brandauer, Film Critic | 4 May", "b.txt")) == [
        ("furniture", 0, "By Ottilie Brandauer, Film Critic | 4 May")
    ]
    story = "By Friday, Ottilie has sold the last of the plums. She closes the stall and walks home."
    assert blocks(parse(story, "s.txt")) == [("paragraph", 0, story)]
