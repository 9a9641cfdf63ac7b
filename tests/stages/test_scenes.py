"""Scripts through the whole pipeline: scenes, layers from script markers, cue speakers, statistics."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from denouement import Story, explain
from denouement.dialogue import cue_name, is_extra
from denouement.scenes import parse_heading

pytestmark = pytest.mark.model

SCRIPTS = Path(__file__).parent.parent / "data" / "scripts"
EXPECTED = yaml.safe_load((SCRIPTS / "expected.yaml").read_text(encoding="utf-8"))
FORMATS = ["lamplighter.fountain", "lamplighter.txt", "lamplighter-flat.txt", "lamplighter.fdx"]


@pytest.fixture(scope="module", params=FORMATS)
def story(request, nlp) -> Story:  # type: ignore[no-untyped-def]
    return explain(SCRIPTS / request.param, nlp=nlp)


def _name(story: Story, ref: str | None) -> str | None:
    found = story.character(ref)
    return found.name if found else None


def test_scenes_match_the_script(story: Story) -> None:
    got = [(s.heading, s.int_ext, s.location, s.time_of_day, s.layer) for s in story.scenes]
    want = [
        (s["heading"], s["int_ext"], s["location"], s["time_of_day"], s["layer"]) for s in EXPECTED["scenes"]
    ]
    assert got == want
    assert [s.first for s in story.scenes] == sorted(s.first for s in story.scenes)
    for scene in story.scenes:
        assert story.sentences[scene.first].text == scene.heading


def test_every_dialogue_block_is_a_quote_with_its_cue_speaker(story: Story) -> None:
    names = {c["name"]: {f.lower() for f in c["forms"]} for c in EXPECTED["characters"]}
    assert len(story.quotes) == EXPECTED["dialogue_blocks"]
    for quote, (cue, extension, words) in zip(story.quotes, EXPECTED["dialogue"], strict=True):
        assert quote.text.startswith(words)
        assert quote.attribution == "cue"
        assert quote.extension == (None if extension == "CONT'D" else extension)
        speaker = _name(story, quote.speaker)
        if cue in EXPECTED["extras"]:
            assert story.character(quote.speaker).extra  # type: ignore[union-attr]
        else:
            assert speaker is not None and cue.lower() in names[speaker], (cue, speaker)


def test_cue_forms_merge_into_one_person(story: Story) -> None:
    people = [c for c in story.characters if not c.extra]
    assert sorted(c.name for c in people) == sorted(c["name"] for c in EXPECTED["characters"])
    teddy = next(c for c in people if c.name == "Theodore Marsh")
    assert "Teddy" in teddy.aliases
    extras = [c.name.upper() for c in story.characters if c.extra]
    assert extras == EXPECTED["extras"]


def test_script_markers_give_segments(story: Story) -> None:
    segments = [(s.layer, s.kind) for s in story.segments]
    assert segments == [
        ("flashback", "flashback"),
        ("actual", "montage"),
        ("dream", "dream"),
        ("actual", "intercut"),
    ]
    dream = next(s for s in story.segments if s.layer == "dream")
    assert [c.text for c in dream.cues] == ["BEGIN DREAM SEQUENCE:", "END DREAM SEQUENCE."]
    woken = next(x for x in story.sentences if "jolts awake" in x.text)
    assert woken.layer == "actual"  # waking after a marked dream is real


def test_script_statistics(story: Story) -> None:
    stats = story.script
    assert stats is not None
    assert stats.scenes == len(EXPECTED["scenes"])
    assert stats.dialogue_blocks == EXPECTED["dialogue_blocks"]
    assert stats.int_ext == {"INT": 4, "EXT": 3, "unknown": 2}
    assert set(stats.minutes_per_layer) == {"actual", "flashback", "dream"}
    assert 3 < stats.pages < 8 and stats.minutes == stats.pages
    top = stats.characters[0]
    assert _name(story, top.character) in ("Orla Vance", "Theodore Marsh")
    orla = next(c for c in story.characters if c.name == "Orla Vance")
    teddy = next(c for c in story.characters if c.name == "Theodore Marsh")
    pair = next(p for p in stats.pairs if {p.a, p.b} == {orla.id, teddy.id})
    assert pair.scenes >= 5


def test_markdown_shows_scenes_and_cast_figures(story: Story) -> None:
    markdown = story.to_markdown()
    assert "## Scenes" in markdown and "INT. CONCERT HALL - NIGHT" in markdown
    assert "| Orla Vance |" in markdown


def test_subtitles_keep_cue_times_on_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(SCRIPTS / "lamplighter.srt", nlp=nlp)
    assert story.source.format == "srt"
    labelled = [q for q in story.quotes if q.speaker is not None]
    assert {(_name(story, q.speaker) or "").upper() for q in labelled} >= {"TEDDY", "ORLA", "ABEL"}
    assert all(q.start_time is not None and q.end_time is not None for q in story.quotes)
    assert [q.start_time for q in story.quotes] == sorted(q.start_time for q in story.quotes)  # type: ignore[type-var]
    assert story.script is not None and story.script.minutes > 0
    assert all(x.layer == "meta" for x in story.sentences if x.block == "sound")
    assert not [s for s in story.segments if s.layer != "actual"]


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("INT. LIGHTHOUSE - NIGHT - FLASHBACK", ("INT", "LIGHTHOUSE", "NIGHT", "flashback")),
        ("EXT. BEACH [DREAM]", ("EXT", "BEACH", None, "dream")),
        ("INT./EXT. CAR - MOVING - DAY", ("INT/EXT", "CAR - MOVING", "DAY", None)),
        ("EXT. FARM - DAY (YEARS EARLIER)", ("EXT", "FARM", "DAY", "flashback")),
        ("INT. KITCHEN - PRESENT DAY", ("INT", "KITCHEN", None, "actual")),
        ("I/E TRUCK - NIGHT - FANTASY", ("INT/EXT", "TRUCK", "NIGHT", "imagined")),
    ],
)
def test_heading_parts(heading: str, parts: tuple[str | None, ...]) -> None:
    got = parse_heading(heading)
    assert (got.int_ext, got.location, got.time_of_day, got.layer) == parts


def test_cue_names_and_extras() -> None:
    assert cue_name("YOUNG EDWARD") == "EDWARD"
    assert cue_name("ORLA'S VOICE") == "ORLA"
    assert cue_name("OLD MAN") == "OLD MAN"
    assert is_extra("MAN #2") and is_extra("SECURITY GUARD") and is_extra("OLD MAN")
    assert not is_extra("EDWARD") and not is_extra("DR. KELLER")
    assert is_extra("JACK AND ROSE") and is_extra("BOSCO & PELL") and is_extra("JACK/ROSE")  # two at once
    assert not is_extra("JAMAL V/O") and not is_extra("JAVED O/S")


SOUNDS_IN_CAPITALS = """Title: Loud House

EXT. FARMHOUSE - NIGHT

Rain. BRAM HOLT (30s), soaked, runs for the porch. The screen door SLAMS behind him.

BRAM
Anyone home?

INT. KITCHEN - CONTINUOUS

A kettle SHRIEKS. Bram STUMBLES over a crate and Ivy LAUGHS from the stairs.

IVY
You never did learn to knock.

BRAM
(dripping)
You never did learn to lock up.
"""


def test_capitals_for_sounds_do_not_become_names(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(SOUNDS_IN_CAPITALS, format="fountain", nlp=nlp)
    names = sorted(c.name for c in story.characters)
    assert names == ["Bram Holt", "Ivy"]
    assert [_name(story, q.speaker) for q in story.quotes] == ["Bram Holt", "Ivy", "Bram Holt"]


def test_camera_directions_in_capitals_are_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    script = (
        "INT. HARBOUR OFFICE - NIGHT\n\n"
        "CLOSE ON A bottle of rum as the cork flies across the room. CLOSE ON Ruth's hands as they shake. "
        "CAMERA COMES around the table to find RUTH VALE, 40s, asleep in her chair.\n\n"
        "                    RUTH\n"
        "          Who's there?\n\n"
        "                    TOMAS\n"
        "          Only me. The boat's in.\n"
    )
    story = explain(script, format="script", nlp=nlp)
    names = {c.name for c in story.characters}
    assert {"Ruth Vale", "Tomas"} <= names or {"Ruth", "Tomas"} <= names, names
    assert not {"Close On", "Camera Comes", "Close", "Camera"} & names, names


def test_the_ending_is_told_by_action_and_speech_not_by_cues_or_headings(story: Story) -> None:
    assert story.explanation.ending
    for claim in story.explanation.ending:
        (sentence,) = claim.evidence
        assert story.sentences[sentence].block in ("action", "dialogue", "lyrics")
        assert story.sentences[sentence].text.strip(".") != "THE END"


def test_a_dialogue_only_script_keeps_its_speakers_and_ends_in_their_words(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(SCRIPTS / "lamplighter-lines.json", nlp=nlp)
    assert len(story.quotes) == EXPECTED["dialogue_blocks"]
    assert all(q.attribution == "cue" and q.speaker for q in story.quotes)
    last = story.quotes[-1]
    speaker = story.character(last.speaker)
    assert speaker is not None
    claim = story.explanation.ending[-1]
    assert claim.evidence == (last.sentence,) or story.sentences[claim.evidence[0]].start >= last.start
    assert claim.text.startswith(f"Then: {speaker.name} says: “")


def test_subtitles_without_labels_name_the_people_said_by_name(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(SCRIPTS / "night-ferry.srt", nlp=nlp)
    names = sorted(c.name for c in story.characters)
    # called out twice ("Nell, wait!"), said inside sentences, or after a command ("Find Teodor")
    assert names == ["Marguerite", "Nell", "Oskar", "Teodor"]  # not the oaths, nor one-word lines
    for character in story.characters:
        assert character.mentions >= 2
        assert character.name in story.sentences[character.first_sentence].text


NAMESAKES = """Title: Two Readers

EXT. BUS SHELTER - DAY

Ines Barrow waits at the shelter. Mary Quayle joins her.

INES
Late again.

MARY
Always.

Ines opens a paperback, a mystery by Ines Calloway Webb. Ines turns a page.

INES
Same first name as me.

MARY
Is it any good?

Ines shrugs. Mark Tolley runs up, out of breath. Mark drops his bag.

MARK
Room for one more?

MARY
Sit down, Mark.

INES
Bus is here.
"""


def test_namesakes_and_names_alike_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(NAMESAKES, format="fountain", nlp=nlp)
    by_name = {c.name: c for c in story.characters}
    assert "Ines Barrow" in by_name and "Mary Quayle" in by_name and "Mark Tolley" in by_name
    # the author who shares Ines's first name is not her, and Mary is no pet form of Mark
    assert "Ines Calloway Webb" not in by_name["Ines Barrow"].aliases
    assert not {"Mark", "Mark Tolley"} & set(by_name["Mary Quayle"].aliases)
    assert not {"Mary", "Mary Quayle"} & set(by_name["Mark Tolley"].aliases)


def test_a_given_name_of_the_other_gender_is_no_pet_form() -> None:
    from denouement.characters import shortens

    assert shortens("Johnny", "John") and shortens("Tommo", "Tom")
    assert not shortens("Mary", "Mark") and not shortens("Carla", "Carl")
    assert shortens("Sam", "Samantha") and not shortens("Latika", "Latikas")  # a stray plural is no full name


FAMILY = """Title: The Quarry House

INT. QUARRY HOUSE - KITCHEN - NIGHT

ILSE MARTA VEGA (40s) reads the paper. Her daughter MIRA VEGA (9) draws at the table.

VEGA (O.S.)
Bed, Mira.

MIRA
One more drawing.

ILSE
You heard your father.

Vega WALKS IN from the yard, wiping his hands. Approaches Mira. She hands him the drawing.

VEGA
Is that me?

MIRA
That's you and Mum.

ILSE
Vega, let her finish.

ON BOSCO AND PELL RUNNING ACROSS THE YARD, SOAKED.

BOSCO
The pump's gone again.

PELL
Both pumps. We need Vega-

Vega GRABS his coat.

VEGA
I'm coming.

BOSCO
Pell and me tried everything.

PELL
Everything twice.

ILSE
Go on, then.
"""


def test_a_family_name_cue_goes_to_the_one_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(FAMILY, format="fountain", nlp=nlp)
    people = {c.name: c for c in story.characters if not c.extra}
    speakers = {q.text.strip(): story.character(q.speaker).name for q in story.quotes}  # type: ignore[union-attr]
    # the cue VEGA is the father, not his wife Ilse nor his daughter Mira, who have cues of their own
    assert speakers["Bed, Mira."] == speakers["I'm coming."] == "Vega"
    assert speakers["You heard your father."] == "Ilse Marta Vega"  # a middle name between cued names
    assert speakers["One more drawing."] == "Mira Vega"
    # "BOSCO AND PELL" are two people; "SLAMS", "Approaches" and "Vega-" are no names
    assert "Bosco" in people and "Pell" in people
    names = " ".join(n for c in story.characters for n in (c.name, *c.aliases))
    assert "And" not in names.split() and "Slams" not in names and "Approaches" not in names
    assert not any(n.endswith("-") for c in story.characters for n in (c.name, *c.aliases))
