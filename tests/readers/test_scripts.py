"""Script and subtitle readers: every format of the same short screenplay reads to the same elements."""

from __future__ import annotations

import codecs
from collections import Counter
from pathlib import Path

import pytest
import yaml

from denouement.errors import ParseError
from denouement.readers import read, read_bytes, read_text, sniff_format
from denouement.readers.screenplay import is_scene_heading, scene_number_split, split_cue

SCRIPTS = Path(__file__).parent.parent / "data" / "scripts"
EXPECTED = yaml.safe_load((SCRIPTS / "expected.yaml").read_text(encoding="utf-8"))
SCREENPLAYS = ["lamplighter.fountain", "lamplighter.txt", "lamplighter-flat.txt", "lamplighter.fdx"]


def _speech(document):  # type: ignore[no-untyped-def]
    """(speaker, extension, first four words) of every dialogue or lyrics block."""
    blocks = [b for b in document.blocks if b.kind in ("dialogue", "lyrics")]
    return [(b.speaker, b.extension, " ".join(document.block_text(b).split()[:4])) for b in blocks]


@pytest.mark.parametrize("name", SCREENPLAYS)
def test_screenplay_formats_agree_on_scenes_and_speech(name: str) -> None:
    document = read(SCRIPTS / name)
    assert document.title == EXPECTED["title"]
    headings = [document.block_text(b) for b in document.blocks if b.kind == "scene_heading"]
    assert headings == [s["heading"] for s in EXPECTED["scenes"]]
    want = [
        (speaker.upper(), None if extension == "CONT'D" else extension, words)
        for speaker, extension, words in EXPECTED["dialogue"]
    ]
    got = [(speaker.upper(), extension, words) for speaker, extension, words in _speech(document)]
    assert got == want


@pytest.mark.parametrize("name", ["lamplighter.txt", "lamplighter-flat.txt", "lamplighter.fdx"])
def test_scene_numbers_survive(name: str) -> None:
    document = read(SCRIPTS / name)
    numbers = [b.number for b in document.blocks if b.kind == "scene_heading"]
    assert numbers == EXPECTED["numbers_from_txt"]


def test_fountain_numbers_notes_boneyard_and_sections() -> None:
    document = read(SCRIPTS / "lamplighter.fountain")
    numbers = [b.number for b in document.blocks if b.kind == "scene_heading"]
    assert numbers == EXPECTED["numbers_from_fountain"]
    text = document.text
    for hidden in [*EXPECTED["fountain_ignored"]["notes"], *EXPECTED["fountain_ignored"]["boneyard"]]:
        assert hidden not in text
    sections = [document.block_text(b) for b in document.blocks if b.kind == "heading"]
    assert sections == EXPECTED["fountain_ignored"]["sections"]
    lyrics = [document.block_text(b) for b in document.blocks if b.kind == "lyrics"]
    assert lyrics == [" ".join(line for _, line in EXPECTED["lyrics"])]
    dual = [b.speaker for b in document.blocks if b.kind == "cue" and b.dual]
    assert dual == ["TEDDY"]
    assert "*" not in text and "~" not in text


@pytest.mark.parametrize("name", ["lamplighter.txt", "lamplighter-flat.txt"])
def test_plain_script_page_furniture_is_removed(name: str) -> None:
    document = read(SCRIPTS / name)
    furniture = EXPECTED["txt_page_furniture"]
    text = document.text
    assert furniture["running_header"] not in text
    assert "CONTINUED" not in text and "(MORE)" not in text
    assert not any(document.block_text(b).strip() in furniture["page_numbers"] for b in document.blocks)
    transitions = [document.block_text(b) for b in document.blocks if b.kind == "transition"]
    assert [t for t in transitions if t in EXPECTED["transitions"]] == EXPECTED["transitions"]
    assert set(transitions) <= {*EXPECTED["transitions"], *EXPECTED["layer_markers"], *EXPECTED["centered"]}


def test_fdx_joins_text_runs_and_marks_dual_dialogue() -> None:
    document = read(SCRIPTS / "lamplighter.fdx")
    assert document.format == "fdx"
    assert [b.speaker for b in document.blocks if b.kind == "cue" and b.dual] == ["TEDDY"]
    parentheticals = [document.block_text(b) for b in document.blocks if b.kind == "parenthetical"]
    assert parentheticals == [p for _, p in EXPECTED["parentheticals"]]


def test_fdx_entities_are_never_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE FinalDraft [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<FinalDraft><Content><Paragraph Type="Action"><Text>She reads &c; and &x; aloud.</Text>'
        "</Paragraph></Content></FinalDraft>"
    )
    document = read_text(bomb, format="fdx")
    assert "aaaaaaaaaa" not in document.text and "root:" not in document.text
    assert document.text.startswith("She reads")


def test_fdx_that_is_not_final_draft_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        read_text("<html><body>hello</body></html>", format="fdx")
    with pytest.raises(ParseError):
        read_text("<FinalDraft><Content><Paragraph", format="fdx")


@pytest.mark.parametrize("name", ["lamplighter.srt", "lamplighter.vtt"])
def test_subtitles_keep_times_speakers_and_sound_notes(name: str) -> None:
    document = read(SCRIPTS / name)
    subs = EXPECTED["subtitles"]
    sounds = [document.block_text(b) for b in document.blocks if b.kind == "sound"]
    assert sounds == subs["hearing_impaired"]
    lyrics = [document.block_text(b) for b in document.blocks if b.kind == "lyrics"]
    assert lyrics == [line.strip("♪ ") for line in subs["lyrics"]]
    labelled = [
        (b.speaker.upper(), document.block_text(b))
        for b in document.blocks
        if b.kind == "dialogue" and b.speaker
    ]
    for speaker, words in subs["labelled"]:
        assert any(s == speaker.upper() and text.startswith(words) for s, text in labelled), (speaker, words)
    starts = {b.start_time for b in document.blocks}
    assert len(starts) == subs["cues"] and all(b.end_time is not None for b in document.blocks)
    assert "<" not in document.text and "{" not in document.text
    dashed = Counter(b.start_time for b in document.blocks if b.kind == "dialogue")
    assert sum(1 for n in dashed.values() if n == 2) == len(subs["two_speaker_cues"])


def test_latin1_subtitles_decode() -> None:
    document = read(SCRIPTS / "lamplighter.latin1.srt")
    for word in EXPECTED["subtitles"]["latin1"]["words"]:
        assert word in document.text


def test_utf8_bom_srt_is_sniffed_without_an_extension() -> None:
    data = (SCRIPTS / "lamplighter.srt").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    document = read_bytes(data)
    assert document.format == "srt"


def test_sniffing_recognises_scripts_and_subtitles() -> None:
    assert sniff_format((SCRIPTS / "lamplighter.vtt").read_text(encoding="utf-8")) == "vtt"
    assert sniff_format((SCRIPTS / "lamplighter.txt").read_text(encoding="utf-8")) == "script"
    assert sniff_format("She walks home. INT. is not a heading here.") == "text"


def test_broken_srt_cues_are_skipped_and_an_empty_one_is_an_error() -> None:
    broken = "1\n00:00:01,000 --> 00:00:02,000\nFirst line.\n\n2\n00:00:xx --> nonsense\nLost.\n\n"
    document = read_text(broken, format="srt")
    assert "First line." in document.text
    with pytest.raises(ParseError):
        read_text("just some words\n", format="srt")


def test_pdf_script_reads_like_the_plain_text(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_font("Courier", size=12)
    lines = (SCRIPTS / "lamplighter.txt").read_text(encoding="utf-8").split("\n")
    for start in range(0, len(lines), 54):
        pdf.add_page()
        for row, line in enumerate(lines[start : start + 54]):
            pdf.text(
                15, 15 + 4.6 * row, line.replace("’", "'").encode("latin-1", "replace").decode("latin-1")
            )
    path = tmp_path / "lamplighter.pdf"
    pdf.output(str(path))
    document = read(path)
    assert document.format == "pdf"
    headings = [document.block_text(b) for b in document.blocks if b.kind == "scene_heading"]
    assert headings == [s["heading"] for s in EXPECTED["scenes"]]
    assert len(_speech(document)) == EXPECTED["dialogue_blocks"]


def test_broken_pdf_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        read_bytes(b"%PDF-1.4\n1 0 obj <<>> trailing garbage", path="broken.pdf")


@pytest.mark.parametrize(
    ("line", "heading", "number"),
    [
        ("12   INT. PIER CAFE - NIGHT   12", "INT. PIER CAFE - NIGHT", "12"),
        ("2EXT. LIGHTHOUSE - NIGHT2", "EXT. LIGHTHOUSE - NIGHT", "2"),
        ("12AINT. ATTIC - DAY12A", "INT. ATTIC - DAY", "12A"),
        (".THE PIER - LATER", "THE PIER - LATER", None),
    ],
)
def test_scene_numbers_split_off(line: str, heading: str, number: str | None) -> None:
    assert scene_number_split(line) == (heading, number)


def test_scene_heading_recognition() -> None:
    assert is_scene_heading("INT./EXT. CAR - MOVING - DAY")
    assert is_scene_heading("4   THE PIER - LATER   4")
    assert not is_scene_heading("Interior design is her passion.")
    assert not is_scene_heading("INTO THE NIGHT")


def test_cue_extensions() -> None:
    assert split_cue("TEDDY (O.S.) (CONT'D)") == ("TEDDY", "O.S.")
    assert split_cue("ORLA (CONT'D)") == ("ORLA", None)
    assert split_cue("MAN #2") == ("MAN #2", None)


def _script(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


SCRAPED = _script(
    [
        "The Tide Clock (2019) movie script - Screenplays for You",
        "var tracker = getTracker('x-123'); tracker.send();",
        "} catch(err) {}",
        "",
        "FADE IN:",
        "",
        "1   EXT. SEA STEPS - DAWN   1",
        "",
        "Gulls wheel above the steps. NELL CARVER (40s) counts the tide.",
        "",
        "                         NELL",
        "",
        "Eleven minutes late again.",
        "",
        "                         RAFE (O.S.)",
        "",
        "The moon keeps its own hours.",
        "",
        "2   INT. CLOCK ROOM - DAY   2",
        "",
        "Brass teeth turn. Rafe oils a spindle.",
        "",
        "                         NELL",
        "",
        "Then we set it by the moon.",
        "",
        "3   EXT. HARBOUR - NIGHT   3",
        "",
        "The clock strikes thirteen.",
    ]
)


def test_scraped_script_drops_page_code_and_reads_speech_at_the_margin() -> None:
    """Scripts copied from web pages keep their tracking code; some print speech at the action margin
    with only the cue indented."""
    document = read_text(SCRAPED, format="script")
    assert document.title == "The Tide Clock (2019)"
    assert "tracker" not in document.text and "catch" not in document.text
    assert _speech(document) == [
        ("NELL", None, "Eleven minutes late again."),
        ("RAFE", "O.S.", "The moon keeps its"),
        ("NELL", None, "Then we set it"),
    ]
    numbers = [b.number for b in document.blocks if b.kind == "scene_heading"]
    assert numbers == ["1", "2", "3"]


def test_collapsed_script_without_blank_lines_ends_speech_at_a_wide_line() -> None:
    """Indentation and blank lines lost: a line much wider than the dialogue column is action again."""
    text = _script(
        [
            "EXT. SEA STEPS - DAWN",
            "NELL",
            "Eleven minutes late",
            "again, and nobody cares.",
            "She climbs the steps two at a time, past the shuttered kiosks and the nets.",
            "INT. CLOCK ROOM - DAY",
            "RAFE",
            "Mind the pendulum.",
            "INT. STAIRWELL - NIGHT",
            "Dark.",
        ]
    )
    document = read_text(text, format="script")
    kinds = [b.kind for b in document.blocks]
    scene = ["scene_heading", "cue", "dialogue"]
    assert kinds == [*scene, "action", *scene, "scene_heading", "action"]


@pytest.mark.parametrize("name", ["lamplighter-lines.json", "lamplighter-scenes.js"])
def test_dialogue_only_json_scripts_give_the_same_speech(name: str) -> None:
    document = read(SCRIPTS / name)
    assert document.format == "script-json"
    assert document.title == EXPECTED["title"]
    want = [
        (speaker.upper(), None if extension == "CONT'D" else extension, words)
        for speaker, extension, words in EXPECTED["dialogue"]
    ]
    got = [(speaker.upper(), extension, words) for speaker, extension, words in _speech(document)]
    assert got == want
    headings = [document.block_text(b) for b in document.blocks if b.kind == "scene_heading"]
    assert headings == ([s["heading"] for s in EXPECTED["scenes"]] if name.endswith(".js") else [])


def test_dialogue_json_keeps_asides_orders_by_offset_and_demotes_directions() -> None:
    source = """{"title": "Night Ferry", "characters": [
        {"character": "NELL", "replies": [
            {"reply": "Last one across.", "didascalie": "", "start": 10, "end": 26},
            {"reply": "Then we swim.", "didascalie": "to the dog", "start": 90, "end": 103}]},
        {"character": "ROLL CREDITS", "replies": [{"reply": "END.", "start": 400, "end": 404}]},
        {"character": "OSKAR", "replies": [
            {"reply": "We missed it, didn't we?", "start": 40, "end": 63}]}]}"""
    document = read_text(source)
    assert document.format == "script-json"
    kinds = [(b.kind, document.block_text(b)) for b in document.blocks]
    assert kinds == [
        ("cue", "NELL"),
        ("dialogue", "Last one across."),
        ("cue", "OSKAR"),
        ("dialogue", "We missed it, didn't we?"),
        ("cue", "NELL"),
        ("parenthetical", "(to the dog)"),
        ("dialogue", "Then we swim."),
        ("transition", "ROLL CREDITS"),
        ("action", "END."),
    ]


@pytest.mark.parametrize(
    "source",
    ['{"Title": "x", "Rows": [1, 2]}', "[1, 2, 3]", '{"Characters": [{"Character": "A", "Replies": []}]}'],
)
def test_json_that_is_no_dialogue_script_is_a_parse_error(source: str) -> None:
    with pytest.raises(ParseError):
        read_bytes(source.encode(), path="table.json")


def test_broken_json_script_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not valid JSON"):
        read_bytes(b'{"Characters": [{"Character": "A", "Replies": [', path="cut.json")


def _fold(text: str, lines_per_page: int = 50) -> str:
    """``text`` printed with a left margin, then each page's line breaks lost: every break and the next
    line's indentation become one run of spaces, and blank lines vanish (as in scripts scraped page by
    page)."""
    lines = ["      " + line for line in text.split("\n") if line.strip()]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return "\n".join(" ".join(page) for page in pages)


def test_pages_run_together_on_one_line_are_unfolded() -> None:
    plain = read(SCRIPTS / "lamplighter.txt")
    folded = read_text(_fold((SCRIPTS / "lamplighter.txt").read_text(encoding="utf-8")), format="script")
    assert _speech(folded) == _speech(plain)
    headings = [folded.block_text(b) for b in folded.blocks if b.kind == "scene_heading"]
    assert headings == [s["heading"] for s in EXPECTED["scenes"]]

    def action(document):  # type: ignore[no-untyped-def]
        return " ".join(
            " ".join(document.block_text(b) for b in document.blocks if b.kind == "action").split()
        )

    assert action(folded) == action(plain)  # paragraph breaks inside the action are lost with the page's


def test_speech_run_into_an_action_paragraph_is_split_at_known_cues() -> None:
    cue = "                    {}\n          {}\n\n"
    said = [
        ("WREN", "Ready?"),
        ("ABEL", "No."),
        ("WREN", "Go."),
        ("ABEL", "Fine."),
        ("WREN", "Now."),
        ("ABEL", "Yes."),
    ]
    opening = "".join(cue.format(name, line) for name, line in said)  # each cue three times: a known cue
    run_together = (
        "Wren locks the shed. ABEL ANSWERS FROM THE ROOF.\n\n"
        "She climbs down and checks the gate twice. ABEL (O.S.) Leave it, the latch is broken. (beat) "
        "Wren? WREN I heard you. ABEL'S VOICE Then come up."
    )
    document = read_text(opening + run_together, format="script")
    tail = [(b.kind, b.speaker, document.block_text(b)) for b in document.blocks][-10:]
    assert tail == [
        ("action", None, "Wren locks the shed. ABEL ANSWERS FROM THE ROOF."),  # capitals: action, not speech
        ("action", None, "She climbs down and checks the gate twice."),
        ("cue", "ABEL", "ABEL (O.S.)"),
        ("dialogue", "ABEL", "Leave it, the latch is broken."),
        ("parenthetical", "ABEL", "(beat)"),
        ("dialogue", "ABEL", "Wren?"),
        ("cue", "WREN", "WREN"),
        ("dialogue", "WREN", "I heard you."),
        ("cue", "ABEL'S VOICE", "ABEL'S VOICE"),
        ("dialogue", "ABEL'S VOICE", "Then come up."),
    ]
