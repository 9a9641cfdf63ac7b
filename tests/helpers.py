"""Helpers for assertions on a Story."""

from __future__ import annotations

from denouement import Character, Story


def by_name(story: Story, name: str) -> Character:
    """The character whose name or alias is ``name`` (fails the test when there is none)."""
    for c in story.characters:
        if c.name == name or name in c.aliases:
            return c
    raise AssertionError(f"no character {name!r} in {[c.name for c in story.characters]}")


def speaker_of(story: Story, fragment: str) -> str | None:
    """Name of the speaker of the innermost quote containing ``fragment``."""
    holding = sorted((q for q in story.quotes if fragment in q.text), key=lambda q: len(q.text))
    for q in holding:
        c = story.character(q.speaker)
        return c.name if c else None
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q in story.quotes]}")
