"""Events: one per clause, with participants and negation."""

from __future__ import annotations

import pytest

from helpers import by_name

pytestmark = pytest.mark.model


def test_list_after_a_colon_gives_one_event_per_verb(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Odile Serrat dreams of another life: she becomes a singer, Bruno quits the band and moves to Rome, "
        "and they marry in the spring."
    )
    predicates = [e.predicate for e in story.events]
    for verb in ("become", "quit", "move", "marry"):
        assert verb in predicates
    odile = by_name(story, "Odile Serrat")
    become = next(e for e in story.events if e.predicate == "become")
    assert become.agents == (odile.id,)
    move = next(e for e in story.events if e.predicate == "move")
    quit_ = next(e for e in story.events if e.predicate == "quit")
    assert move.agents == quit_.agents  # "moves" inherits the subject of "quits"
    assert "Rome" in move.patients


def test_negation_and_patients(story_of):  # type: ignore[no-untyped-def]
    story = story_of("Farid Nasser never forgives his father. Farid does not call Leila Haddad.")
    forgive = next(e for e in story.events if e.predicate == "forgive")
    assert forgive.negated
    call = next(e for e in story.events if e.predicate == "call")
    assert call.negated
    assert call.patients == (by_name(story, "Leila Haddad").id,)


def test_offsets_point_at_the_clause(story_of):  # type: ignore[no-untyped-def]
    story = story_of("Greta Holm opens the letter and burns it.")
    for event in story.events:
        assert story.text[event.start : event.end] == event.text
        sentence = story.sentences[event.sentence]
        assert sentence.start <= event.start < event.end <= sentence.end
    assert [e.predicate for e in story.events] == ["open", "burn"]


def test_a_copular_state_that_decides_a_fate_is_an_event(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Corin Vale runs the night desk at the Alder Hotel. By morning Corin is dead on the landing. "
        "His sister is not married. The carpet is very old."
    )
    states = {(e.predicate, e.negated) for e in story.events}
    assert ("dead", False) in states
    assert ("married", True) in states
    assert not any(e.predicate == "old" for e in story.events)  # a description, not a happening
    dead = next(e for e in story.events if e.predicate == "dead")
    assert story.character(dead.agents[0]).name == "Corin Vale"
