"""Page furniture becomes layer meta; prose that merely mentions ads or streaming does not."""

from __future__ import annotations

import pytest

from denouement import explain

pytestmark = pytest.mark.model

ARTICLE = """# The Long Field, explained

By Maren Holt

Advertisement

Wilma Stroud (Jo Fenn) buys back her father's farm in the final scene.

Article continues below

Read more: Ten endings that fooled everyone

Wilma Stroud in the barn. Photo: Northway Films

Her brother sees an advertisement for the auction in a newspaper and says nothing.

The Long Field is now streaming on Netflix.
"""


def test_furniture_lines_are_meta_and_prose_is_not(nlp):  # type: ignore[no-untyped-def]
    story = explain(ARTICLE, format="markdown", nlp=nlp)
    layer = {s.text: s.layer for s in story.sentences}
    for furniture in (
        "The Long Field, explained",
        "By Maren Holt",
        "Advertisement",
        "Article continues below",
        "Read more: Ten endings that fooled everyone",
        "The Long Field is now streaming on Netflix.",
    ):
        assert layer[furniture] == "meta", furniture
    assert any(s.layer == "meta" and s.text.startswith("Wilma Stroud in the barn.") for s in story.sentences)
    assert layer["Wilma Stroud (Jo Fenn) buys back her father's farm in the final scene."] == "actual"
    assert (
        layer["Her brother sees an advertisement for the auction in a newspaper and says nothing."]
        == "actual"
    )
    assert story.title == "The Long Field, explained"


def test_more_page_furniture_lines(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tidewater review: a quiet drama about a ferry and its keeper\n\n"
        "Spoilers from here on. Ines Aalto runs the last ferry across the sound.\n\n"
        "All eight episodes of Tidewater are now on Brightwave.\n\n"
        "Kati: are you home yet\n\n"
        "Sign up below."
    )
    layers = {s.text: s.layer for s in story.sentences}
    assert layers["Tidewater review: a quiet drama about a ferry and its keeper"] == "meta"
    assert layers["Spoilers from here on."] == "meta"
    assert layers["Ines Aalto runs the last ferry across the sound."] != "meta"
    assert layers["All eight episodes of Tidewater are now on Brightwave."] == "meta"
    assert layers["Sign up below."] == "meta"
    assert any(s.layer != "meta" and "are you home yet" in s.text for s in story.sentences)


def test_a_fair_warning_and_a_cinema_run_are_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Fair warning: this piece spoils the whole film. Mara Quist drives the last bus out of Hull. "
        "The Last Bus is showing at selected cinemas from 12 January."
    )
    layers = {s.text: s.layer for s in story.sentences}
    assert layers["Fair warning: this piece spoils the whole film."] == "meta"
    assert layers["The Last Bus is showing at selected cinemas from 12 January."] == "meta"
    assert layers["Mara Quist drives the last bus out of Hull."] == "actual"


def test_a_spelled_out_rating_a_broadcast_slot_and_a_heads_up_are_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Heads up: this recap covers the whole episode. Constable Ewa Marsh finds the missing boat in "
        "the reeds. The trawler returns to port on Sunday at dawn.\n\n"
        "Three stars.\n\n"
        "Tidewater continues on Sunday at 9pm on Channel Four."
    )
    layers = {s.text: s.layer for s in story.sentences}
    assert layers["Heads up: this recap covers the whole episode."] == "meta"
    assert layers["Three stars."] == "meta"
    assert layers["Tidewater continues on Sunday at 9pm on Channel Four."] == "meta"
    assert layers["Constable Ewa Marsh finds the missing boat in the reeds."] == "actual"
    assert layers["The trawler returns to port on Sunday at dawn."] == "actual"


def test_a_verdict_in_words_is_the_critics_opinion_and_a_verdict_in_stars_is_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Review: The Ferry at Dusk\n\n"
        "★★★½ (three and a half stars out of five)\n\n"
        "Ruth Penhale runs the last ferry across the Fal and refuses to sell it to the council.\n\n"
        "Verdict: patient, flinty and far too short.\n\n"
        "Take a coat to the screening.\n\n"
        "Verdict: 4/5"
    )
    layers = {s.text: s.layer for s in story.sentences}
    assert layers["★★★½ (three and a half stars out of five)"] == "meta"
    assert layers["Verdict: patient, flinty and far too short."] == "commentary"
    assert layers["Take a coat to the screening."] == "commentary"
    assert layers["Verdict: 4/5"] == "meta"
    assert (
        layers["Ruth Penhale runs the last ferry across the Fal and refuses to sell it to the council."]
        == "actual"
    )
    assert all(c.name != "Verdict" for c in story.characters)


def test_a_sign_off_heavy_spoilers_and_a_release_date_are_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Tidewater, explained\n\n"
        "Major spoilers from here on.\n\n"
        "Nell Garvey (Ruth Negga) sells the family boat in the last scene.\n\n"
        "Tidewater opens nationwide on 3 March.\n\n"
        "Enjoyed this explainer?\n\n"
        "Follow Priya Shah on Screen Notes for more."
    )
    layers = {s.text: s.layer for s in story.sentences}
    assert layers["Major spoilers from here on."] == "meta"
    assert layers["Tidewater opens nationwide on 3 March."] == "meta"
    assert layers["Enjoyed this explainer?"] == "meta"
    assert layers["Follow Priya Shah on Screen Notes for more."] == "meta"
    assert any(s.layer == "actual" and "sells the family boat" in s.text for s in story.sentences)


def test_a_cinema_run_and_a_certificate_line_are_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Low Sun, reviewed\n\n"
        "Low Sun is in UK and Irish cinemas from Friday 3 May.\n\n"
        "Cert 12A, 1h 52m.\n\n"
        "Agnes Moyo (Cynthia Erivo) drives a night bus through Leeds and saves for a flat of her own."
    )
    layers = {s.text: s.layer for s in story.sentences}
    assert layers["Low Sun is in UK and Irish cinemas from Friday 3 May."] == "meta"
    assert layers["Cert 12A, 1h 52m."] == "meta"


def test_spoilers_from_this_point_on_is_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of("# Tidewater, explained\n\nFull spoilers from this point on.\n\nNell sells the boat.")
    assert {s.text: s.layer for s in story.sentences}["Full spoilers from this point on."] == "meta"


def test_a_byline_of_facts_split_at_an_abbreviation_is_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of("Four stars | Dir. Ama Mensah | 97 min\n\nNell sells the boat and moves to Leeds.")
    assert story.sentences[0].layer == "meta"
