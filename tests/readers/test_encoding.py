"""Bytes to clean text: encodings, mojibake, line ends, control characters, binary and empty input."""

from __future__ import annotations

import codecs

import pytest

from denouement.errors import InputError
from denouement.readers.encoding import decode, normalize_text, sniff_binary

SENTENCE = "The twins swap places at the “last” ferry — ‘again’."


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(SENTENCE.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(("\ufeff" + SENTENCE).encode("utf-8"), id="utf-8-bom-from-str"),
        pytest.param(SENTENCE.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(SENTENCE.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(SENTENCE.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(SENTENCE.encode("utf-32"), id="utf-32-bom"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data) == SENTENCE


def test_cp1252_bytes_decode_with_curly_quotes() -> None:
    assert decode(b"caf\xe9 \x93quoted\x94 \x91single\x92") == "café “quoted” ‘single’"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    # 0x81 has no CP-1252 meaning, so the whole input is read as Latin-1; the stray control is dropped.
    assert decode(b"\x81na\xefve caf\xe9") == "naïve café"


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("cafÃ©", "café"),
        ("She whispered â€œstayâ€\x9d and left.", "She whispered “stay” and left."),
        ("Itâ€™s over.", "It’s over."),
    ],
)
def test_mojibake_is_repaired(broken: str, repaired: str) -> None:
    assert decode(broken.encode("utf-8")) == repaired
    assert normalize_text(broken) == repaired


def test_mixed_utf8_and_cp1252_bytes_are_repaired() -> None:
    # UTF-8 "é" next to a CP-1252 "ï": not valid UTF-8, so read as CP-1252, then the UTF-8 part is repaired.
    assert decode(b"caf\xc3\xa9 and na\xefve") == "café and naïve"


def test_curly_quotes_and_dashes_survive() -> None:
    text = "“Who’s there?” she asked — ‘nobody’, he lied… «fin»"
    assert decode(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    "data",
    [b"one\r\ntwo\r\n\r\nthree", b"one\rtwo\r\rthree", b"one\ntwo\n\nthree", b"one\r\ntwo\r\rthree"],
    ids=["crlf", "cr", "lf", "mixed"],
)
def test_line_ends_become_lf(data: bytes) -> None:
    assert decode(data) == "one\ntwo\n\nthree"


def test_control_characters_are_dropped_but_tab_and_newline_kept() -> None:
    assert decode(b"a\x01b\x07c\td\x1be\x7ff\n") == "abc\tdef\n"


def test_page_breaks_and_unicode_separators_become_newlines() -> None:
    assert normalize_text("one\ftwo\u2028three\u2029four") == "one\ntwo\nthree\nfour"


def test_soft_hyphens_and_zero_width_spaces_are_dropped() -> None:
    assert normalize_text("sud\u00adden\u200bly") == "suddenly"


def test_text_is_nfc_normalised() -> None:
    assert normalize_text("cafe\u0301") == "café"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "story.txt is empty"),
        (b"  \n\t\r\n ", "story.txt is empty"),
        ("  \n ".encode("utf-16"), "story.txt is empty"),
        (b"\x01\x02\x03", "story.txt is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "story.txt looks like binary data (png), not text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "story.txt looks like binary data (jpeg), not text"),
        (b"GIF89a\x01\x00", "story.txt looks like binary data (gif), not text"),
        (b"%PDF-1.7\n%\xe2\xe3", "story.txt looks like binary data (pdf), not text"),
        (b"PK\x03\x04\x14\x00", "story.txt looks like binary data (zip), not text"),
        (b"\x7fELF\x02\x01\x01", "story.txt looks like binary data (elf), not text"),
        (b"\x1f\x8b\x08\x00", "story.txt looks like binary data (gzip), not text"),
        (b"\x00" * 64, "story.txt looks like binary data (NUL bytes), not text"),
        (b"words\x01\x02\x00\x03\x04\x05\x00more", "story.txt looks like binary data (NUL bytes), not text"),
    ],
)
def test_unusable_bytes_raise_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, name="story.txt")
    assert str(caught.value) == message
    assert caught.value.one_line() == message


def test_nul_after_the_sniffed_prefix_is_not_taken_for_binary() -> None:
    data = b"a" * 9000 + b"\x00tail"
    assert decode(data) == "a" * 9000 + "tail"


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"\x89PNG\r\n\x1a\n", "png"), (b"%PDF-1.4", "pdf"), (b"PK\x05\x06", "zip"), (b"hello", None)],
)
def test_sniff_binary_names_magic_numbers(data: bytes, kind: str | None) -> None:
    assert sniff_binary(data) == kind
