"""The product: a typed, frozen ``Story`` that serialises to the versioned JSON contract.

The contract is ``denouement.story/1``. Its field names are fixed: fields may be added, never renamed or
dropped. All offsets are character offsets into :attr:`Story.text`; all evidence is sentence ids.
Run ``denouement schema`` to print the JSON Schema (checked in at ``schema/story-1.json``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "REAL_LAYERS",
    "SCHEMA_ID",
    "UNREAL_LAYERS",
    "Character",
    "CharacterKind",
    "Claim",
    "Cue",
    "Divergence",
    "Event",
    "Explanation",
    "Layer",
    "Quote",
    "Scene",
    "ScriptCharacter",
    "ScriptPair",
    "ScriptStats",
    "Segment",
    "Sentence",
    "Source",
    "Story",
    "json_schema",
]

SCHEMA_ID = "denouement.story/1"

Layer = Literal[
    "actual", "flashback", "flash_forward", "imagined", "dream", "alternate", "commentary", "meta"
]
#: Layers of what really happens in the story world, and of what does not.
REAL_LAYERS: frozenset[str] = frozenset({"actual", "flashback", "flash_forward"})
UNREAL_LAYERS: frozenset[str] = frozenset({"imagined", "dream", "alternate"})
CharacterKind = Literal["character", "person", "reference"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Source(_Frozen):
    """Where the text came from."""

    path: str | None = Field(description="Path of the input file; null for stdin or a string.")
    format: str = Field(description="Reader that produced the text: text, markdown, html ...")
    sha256: str = Field(description="SHA-256 of the raw input bytes.")
    chars: int = Field(description="Characters in the normalised text.")
    words: int = Field(description="Whitespace-separated words in the normalised text.")


class Character(_Frozen):
    """A person of the story, or a real person or other work's character the text talks about."""

    id: str
    name: str = Field(description="The fullest name the text gives.")
    aliases: tuple[str, ...] = Field(description="Other names the text uses for the same person.")
    actor: str | None = Field(description="Who plays the character, when the text says so.")
    kind: CharacterKind = Field(
        description="character: in the story; person: a real person talked about; "
        "reference: a character of another work."
    )
    mentions: int = Field(description="Named and pronoun mentions resolved to this character.")
    first_sentence: int
    gender: Literal["female", "male", "unknown"] = Field(
        "unknown", description="Grammatical gender the text uses for them (from pronouns, titles)."
    )
    evidence: tuple[int, ...] = Field((), description="Sentence ids where the character is named.")
    extra: bool = Field(
        False, description="A script's unnamed bit part ('MAN #2', 'WAITRESS'), not a named character."
    )


class Sentence(_Frozen):
    id: int
    start: int
    end: int
    text: str
    layer: Layer
    segment: str | None = Field(description="Id of the segment the sentence belongs to, if any.")
    block: str = Field("paragraph", description="Kind of source block: paragraph, heading, list_item ...")


class Cue(_Frozen):
    """Words in the text that open, close, reveal or contrast a segment."""

    sentence: int
    start: int
    end: int
    text: str
    role: Literal["open", "close", "reveal", "contrast"]


class Segment(_Frozen):
    """A run of sentences sharing a non-actual layer (or an actual stretch a cue marks)."""

    id: str
    layer: Layer
    kind: str = Field(description="What the segment is: fantasy, dream, flashback, commentary, furniture ...")
    first: int = Field(description="Id of the first sentence.")
    last: int = Field(description="Id of the last sentence (inclusive).")
    cues: tuple[Cue, ...]


class Event(_Frozen):
    """A clause: something that happens (or is said not to happen)."""

    id: str
    sentence: int
    start: int
    end: int
    text: str
    predicate: str = Field(description="Lemma of the clause's main verb.")
    agents: tuple[str, ...] = Field(description="Character ids (or phrase text) doing the action.")
    patients: tuple[str, ...] = Field(description="Character ids (or phrase text) the action is done to.")
    negated: bool
    layer: Layer
    time: str | None = Field(description="Time expression anchoring the event, as written.")
    story_index: int | None = Field(description="Position in the story world's chronological order.")
    main: bool = Field(True, description="A main clause of its sentence, not a subordinate one.")


class Quote(_Frozen):
    """Words someone says, with who says them."""

    id: str
    sentence: int
    start: int = Field(description="Offset of the first quoted character (inside the quote marks).")
    end: int
    text: str
    speaker: str | None = Field(description="Character id of the speaker; null when the text does not say.")
    addressee: str | None = Field(description="Character id of the one spoken to, when the text says.")
    attribution: str | None = Field(
        None,
        description="How the speaker was found: verb, colon, split, paragraph, context, turn, or nearest "
        "(a last guess: the character who acted last before the line), or cue (a script's character cue, "
        "a subtitle's speaker label).",
    )
    extension: str | None = Field(
        None, description="A script cue's extension: V.O., O.S., O.C., ON PHONE ... (CONT'D is dropped)."
    )
    start_time: float | None = Field(None, description="Subtitles: when the line appears, in seconds.")
    end_time: float | None = Field(None, description="Subtitles: when the line disappears, in seconds.")


class Divergence(_Frozen):
    id: str
    kind: Literal["changed", "only_imagined", "only_actual"]
    actual: str | None = Field(description="Id of the actual event.")
    imagined: str | None = Field(description="Id of the imagined (unreal) event.")
    summary: str
    evidence: tuple[int, ...]


class Claim(_Frozen):
    text: str
    evidence: tuple[int, ...] = Field(description="Sentence ids the claim rests on.")


class Explanation(_Frozen):
    ending: tuple[Claim, ...] = ()
    imagined: tuple[Claim, ...] = ()
    differences: tuple[Claim, ...] = ()
    meaning: tuple[Claim, ...] = ()


class Scene(_Frozen):
    """A scene of a screenplay, from its heading to the next one."""

    id: str
    number: str | None = Field(description="The scene number the script prints, if any.")
    heading: str = Field(description="The scene heading as written, without scene numbers.")
    int_ext: str | None = Field(description="INT, EXT, INT/EXT or EST; null when the heading has none.")
    location: str | None
    time_of_day: str | None = Field(description="DAY, NIGHT, LATER, CONTINUOUS ... as the heading says.")
    first: int = Field(description="Id of the heading sentence.")
    last: int = Field(description="Id of the scene's last sentence (inclusive).")
    layer: Layer = Field(description="The layer of most of the scene's sentences.")


class ScriptCharacter(_Frozen):
    """How much one character is in a script."""

    character: str = Field(description="Character id.")
    scenes: int = Field(description="Scenes the character speaks in or is named in.")
    lines: int = Field(description="Dialogue blocks (speeches) the character has.")
    words: int = Field(description="Words of dialogue the character speaks.")


class ScriptPair(_Frozen):
    """Two characters who share scenes (both speak or are named in them)."""

    a: str
    b: str
    scenes: int


class ScriptStats(_Frozen):
    """Figures about a screenplay or subtitle file."""

    scenes: int
    dialogue_blocks: int
    dialogue_words: int
    action_words: int
    pages: float = Field(description="Estimated printed pages (55 lines a page, standard column widths).")
    minutes: float = Field(
        description="Estimated running time: about one page a minute; subtitles: last cue."
    )
    characters: tuple[ScriptCharacter, ...]
    pairs: tuple[ScriptPair, ...] = Field(description="Who shares scenes with whom, most shared first.")
    int_ext: dict[str, int] = Field(description="Scenes per INT / EXT / INT/EXT / unknown.")
    time_of_day: dict[str, int] = Field(description="Scenes per time of day.")
    minutes_per_layer: dict[str, float] = Field(description="Estimated minutes of each layer.")


class Story(_Frozen):
    """Everything denouement says about one text."""

    schema_id: Literal["denouement.story/1"] = Field("denouement.story/1", alias="schema")
    title: str | None
    text: str
    source: Source
    characters: tuple[Character, ...]
    sentences: tuple[Sentence, ...]
    segments: tuple[Segment, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    divergences: tuple[Divergence, ...]
    explanation: Explanation
    scenes: tuple[Scene, ...] = Field((), description="Screenplays only: the scenes in order.")
    script: ScriptStats | None = Field(None, description="Screenplays and subtitles only: script figures.")

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Story:
        return cls.model_validate_json(data)

    def to_markdown(self) -> str:
        from denouement.renderers import render

        return render(self, "md")

    def character(self, character_id: str | None) -> Character | None:
        """The character with this id, or None."""
        return next((c for c in self.characters if c.id == character_id), None)

    def display_name(self, ref: str | None) -> str:
        """A character id turned into its name; any other participant text returned as is."""
        if ref is None:
            return "—"
        found = self.character(ref)
        return found.name if found else ref


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the contract, generated from the model."""
    schema = Story.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "https://denouement.invalid/schema/story-1.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
