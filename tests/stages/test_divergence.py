"""Divergences and the ending explained, on texts of our own and on the bundled example."""

from __future__ import annotations

import pytest

from denouement import Story, example_path, explain
from denouement.divergence import ALIGN_THRESHOLD, alignment_score, divergence_lexicon
from denouement.events import EventSpan

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def example(nlp) -> Story:  # type: ignore[no-untyped-def]
    return explain(example_path(), nlp=nlp)


def sentence_with(story: Story, fragment: str) -> int:
    return next(s.id for s in story.sentences if fragment in s.text)


def test_example_fantasy_kiss_is_changed_against_the_real_walk_past(example: Story) -> None:
    kiss = sentence_with(example, "kisses her in the rain")
    walk = sentence_with(example, "walks straight past her")
    changed = [d for d in example.divergences if d.kind == "changed" and {kiss, walk} <= set(d.evidence)]
    assert changed, [d.summary for d in example.divergences]
    d = changed[0]
    assert "kisses her in the rain" in d.summary and "walks straight past her" in d.summary
    imagined = next(e for e in example.events if e.id == d.imagined)
    actual = next(e for e in example.events if e.id == d.actual)
    assert imagined.layer == "imagined" and actual.layer == "actual"


def test_example_train_together_versus_alone(example: Story) -> None:
    together = sentence_with(example, "overnight train to New York together")
    alone = sentence_with(example, "boards the train to New York alone")
    assert any(d.kind == "changed" and {together, alone} <= set(d.evidence) for d in example.divergences)


def test_example_commentary_names_what_only_reality_has(example: Story) -> None:
    owns = sentence_with(example, "it belongs to Gus now")
    assert any(d.kind == "only_actual" and owns in d.evidence for d in example.divergences)


def test_example_child_exists_only_in_the_fantasy(example: Story) -> None:
    baby = sentence_with(example, "a baby daughter asleep")
    unreal = [d for d in example.divergences if baby in d.evidence]
    assert unreal
    # the fantasy's daughter is never paired with a real child: there is none
    assert all(
        "daughter" not in (next(e for e in example.events if e.id == d.actual).text)
        for d in unreal
        if d.actual
    )


def test_every_divergence_cites_existing_sentences_and_events(example: Story) -> None:
    ids = {e.id for e in example.events}
    for d in example.divergences:
        assert d.evidence and all(0 <= n < len(example.sentences) for n in d.evidence)
        assert d.actual is None or d.actual in ids
        assert d.imagined is None or d.imagined in ids
        assert d.summary


def test_explanation_of_the_example(example: Story) -> None:
    ex = example.explanation
    last_real = max(s.id for s in example.sentences if s.layer == "actual")
    assert ex.ending and any(last_real in c.evidence for c in ex.ending)
    fantasy = sentence_with(example, "Roz steps off the stage")
    assert any(fantasy in c.evidence for c in ex.imagined)
    reveal = sentence_with(example, "the last note fades")
    assert any("revealed only afterwards" in c.text and reveal in c.evidence for c in ex.imagined)
    assert ex.differences
    assert any(c.text.startswith("Priya Ransome says") for c in ex.meaning)
    for claim in (*ex.ending, *ex.imagined, *ex.differences, *ex.meaning):
        assert claim.evidence and all(0 <= n < len(example.sentences) for n in claim.evidence)


def test_explanation_words_come_from_the_text(example: Story) -> None:
    """Quoted parts of claims are the text's own words."""
    for claim in (*example.explanation.imagined, *example.explanation.meaning):
        if "“" in claim.text:
            quoted = claim.text.split("“", 1)[1].rsplit("”", 1)[0].rstrip("…")
            assert " ".join(quoted.split())[:60] in " ".join(example.text.split())


def test_linear_story_has_no_divergences_and_a_cautious_explanation(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Odette Fray inherits her grandmother's orchard in Normandy. She restores the cider press with her "
        "neighbour, Lucien Marr, and they sell the first barrels at the autumn fair. In the last scene "
        "Odette plants a new row of apple trees."
    )
    assert story.divergences == ()
    assert story.explanation.ending
    assert story.explanation.imagined == ()
    assert story.explanation.meaning == ()


def test_example_fantasy_wedding_is_set_against_her_real_marriage(example: Story) -> None:
    wedding = sentence_with(example, "a wedding in a courtyard")
    married = sentence_with(example, "married to a record producer")
    assert any(d.kind == "changed" and {wedding, married} <= set(d.evidence) for d in example.divergences)


def test_a_dream_that_leaves_someone_out_is_changed_not_a_replay(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ewan Muir takes the family trawler out alone on the morning of the storm, and his sister Isla "
        "waits at the harbour all day. That night Isla dreams that the trawler comes into the harbour "
        "with nobody at the wheel. She wakes before dawn and runs down to the quay. At first light the "
        "trawler comes into the harbour with Ewan at the wheel, soaked and laughing."
    )
    dreamed = sentence_with(story, "nobody at the wheel")
    real = sentence_with(story, "with Ewan at the wheel")
    assert any(d.kind == "changed" and {dreamed, real} <= set(d.evidence) for d in story.divergences), [
        d.summary for d in story.divergences
    ]


def test_commentary_naming_someone_missing_from_the_fantasy_gives_only_actual(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Rosa Lind runs a flower stall in a covered market. Her apprentice, Teodor Blum, opens the stall "
        "every morning before she arrives.\n\n"
        "On her last day, Rosa imagines the life she could have had in Paris: she sells roses on the Left "
        "Bank, she marries a painter, and she never comes back. Then the market bell rings and she is "
        "back at her stall.\n\n"
        "Teodor is sweeping up petals by the door, and Rosa hands him the keys.\n\n"
        "It is striking that Teodor is nowhere in the Paris fantasy; the life she imagines has no room "
        "for the boy who kept her stall open."
    )
    missing = sentence_with(story, "Teodor is nowhere")
    sweeping = sentence_with(story, "sweeping up petals")
    assert any(
        d.kind == "only_actual" and {missing, sweeping} <= set(d.evidence) for d in story.divergences
    ), [(d.kind, d.evidence, d.summary) for d in story.divergences]


def test_opposite_words_about_the_same_person_align_two_events() -> None:
    lex = divergence_lexicon()
    pictured = EventSpan(3, 0, 0, 0, "arrive", agents=[7], lemmas=("arrive", "early"))
    real = EventSpan(9, 0, 0, 0, "slip", agents=[7], lemmas=("slip", "late"))
    stranger = EventSpan(9, 0, 0, 0, "slip", agents=[8], lemmas=("slip", "late"))
    same_way = EventSpan(9, 0, 0, 0, "slip", agents=[7], lemmas=("slip", "early"))
    assert alignment_score(pictured, real, lex, frozenset()) >= ALIGN_THRESHOLD
    assert alignment_score(pictured, stranger, lex, frozenset()) == 0.0  # nothing but the opposition shared
    assert alignment_score(pictured, same_way, lex, frozenset()) < ALIGN_THRESHOLD


CAFE = (
    "Maud Ferrier runs the lighthouse café alone after her husband leaves for the mainland. Every "
    "morning she bakes the scones herself.\n\n"
    "One stormy evening she lets herself imagine the life they could have had: they keep the café "
    "together, their daughter Posy bakes the scones, and the three of them watch the ferries come in. "
    "Then the kettle whistles, and Maud is back behind the counter, alone.\n\n"
    "Maud locks up and walks home along the harbour wall."
)


def test_a_character_only_the_fantasy_names_is_only_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(CAFE)
    fantasy = sentence_with(story, "their daughter Posy")
    assert story.sentences[fantasy].layer == "imagined"
    assert story.sentences[sentence_with(story, "back behind the counter")].layer == "actual"
    assert any(
        d.kind == "only_imagined" and d.evidence == (fantasy,) and "Posy" in d.summary
        for d in story.divergences
    ), [(d.kind, d.evidence, d.summary) for d in story.divergences]


def test_right_after_the_sequence_the_same_people_are_enough_to_pair_two_events(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Lowri drives through the night to her sister's wedding in Galway. She imagines that she arrives "
        "in time: Siân runs across the churchyard in her dress and throws her arms around her. None of it "
        "is real. Lowri reaches the church after the guests have gone. Siân does not hug her."
    )
    pictured = sentence_with(story, "throws her arms around her")
    real = sentence_with(story, "does not hug her")
    assert any(d.kind == "changed" and {pictured, real} <= set(d.evidence) for d in story.divergences), [
        (d.kind, d.evidence, d.summary) for d in story.divergences
    ]


def test_a_real_event_that_denies_the_imagined_one_is_its_counterpart(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Every evening Ffion walks her dog along the sea wall at Aberdaron. Her brother Huw lives in Chester "
        "and has not visited in years.\n\n"
        "On the anniversary she pictures it all: Huw steps off the bus with a bunch of daffodils, and the "
        "two of them walk the sea wall arm in arm.\n\n"
        "None of that is real. The bus comes and goes, and Huw is not on it. Ffion walks the sea wall alone."
    )
    pictured = sentence_with(story, "steps off the bus")
    real = sentence_with(story, "Huw is not on it")
    assert any(d.kind == "changed" and {pictured, real} <= set(d.evidence) for d in story.divergences), [
        (d.kind, d.evidence, d.summary) for d in story.divergences
    ]


def test_commentary_that_a_named_person_never_appears_in_the_fantasy_cites_where_they_are_named(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Bryn Tudor keeps the lighthouse at Strumble Head, with a wife, Non, and a small son, Gwion.\n\n"
        "On his last night Bryn imagines the life he could have had: he sails to Buenos Aires, opens a "
        "tango bar and never comes home. Then the foghorn sounds and he is back in the lamp room.\n\n"
        "Notice that in the imagined life Bryn never has Gwion; the fantasy has no room for the boy."
    )
    named = sentence_with(story, "a small son, Gwion")
    remark = sentence_with(story, "never has Gwion")
    left_out = [
        d for d in story.divergences if d.kind == "only_actual" and {named, remark} <= set(d.evidence)
    ]
    assert left_out and "Gwion" in left_out[0].summary, [
        (d.kind, d.evidence, d.summary) for d in story.divergences
    ]


def test_the_answer_right_after_the_sequence_beats_the_set_up_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(
        "Hal Brody drives a grain truck out of Wichita. His son Noah is getting married in Denver on "
        "Sunday, and Hal has promised to be there.\n\n"
        "A storm closes the interstate. Hal pulls into Denver on Sunday morning with time to spare. He "
        "walks Noah to the altar and dances with the bride.\n\n"
        "None of it happened. Hal is still parked behind a snowplough in Kansas. By the time he reaches "
        "Denver the wedding is over.",
        format="text",
        nlp=nlp,
    )
    pulls = sentence_with(story, "pulls into Denver")
    reaches = sentence_with(story, "reaches Denver")
    assert any(d.kind == "changed" and {pulls, reaches} <= set(d.evidence) for d in story.divergences), [
        (d.kind, d.evidence, d.summary) for d in story.divergences
    ]


def test_a_real_sentence_with_no_happening_of_its_own_still_answers_the_dream(story_of):  # type: ignore[no-untyped-def]
    # "the pews are empty" is a state, no event: the sentence as a whole is the counterpart
    story = story_of(
        "Agnes Pryce has kept the chapel at Cwm Bach for forty years, and on Sunday it closes for good. "
        "At the last service Agnes sings alone, and the minister locks the door behind her.\n\n"
        "That night she dreams that the whole valley fills the pews of the cold chapel and sings the old "
        "hymns until the windows shake.\n\n"
        "Then the alarm goes. In the morning the chapel is cold and the pews are empty."
    )
    crowds = sentence_with(story, "fills the pews")
    empty = sentence_with(story, "the pews are empty")
    assert story.sentences[crowds].layer == "dream"
    assert not any(e.sentence == empty for e in story.events)
    # the dreaming frames the dream; it is no happening of it
    assert not any("she dreams" in d.summary for d in story.divergences)
    pairs = [d for d in story.divergences if d.kind == "changed" and {crowds, empty} <= set(d.evidence)]
    assert pairs and "pews are empty" in pairs[0].summary, [
        (d.kind, d.evidence, d.summary) for d in story.divergences
    ]


def test_a_real_sentence_that_denies_a_thing_the_dream_told_answers_it(story_of):  # type: ignore[no-untyped-def]
    # clause by clause the dream has no counterpart ("the whole town turns out for one last swim"); the
    # real sentence says the very thing it crowded is bare, which makes it the dream's answer
    story = story_of(
        "For thirty years Wilf has run the lido at Penrhos, and on Sunday the council closes it. The last "
        "evening he falls asleep in the ticket booth.\n\n"
        "He dreams that the whole town turns out for one last swim and crowds the diving boards, and a "
        "brass band plays on the terrace until dark.\n\n"
        "He wakes at dawn. The diving boards are bare and roped off, and a padlock hangs on the gate."
    )
    crowd = sentence_with(story, "crowds the diving boards")
    bare = sentence_with(story, "The diving boards are bare")
    assert story.sentences[crowd].layer == "dream"
    pairs = [d for d in story.divergences if d.kind == "changed" and {crowd, bare} <= set(d.evidence)]
    assert pairs, [(d.kind, d.evidence, d.summary) for d in story.divergences]
    # a sentence the real line answers is no longer told as found only in the dream
    assert not any(d.kind == "only_imagined" and d.evidence == (crowd,) for d in story.divergences)


def test_a_bare_speech_tag_is_no_happening_to_set_against_the_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Marek falls asleep on the night train to Gdańsk. He dreams that Zofia runs down the platform "
        'and throws her arms around him. Then the guard shakes his shoulder. "You missed your stop," '
        "said Zofia. She is waiting for him at the barrier with her arms folded."
    )
    tag = sentence_with(story, "said Zofia")
    summaries = [(d.evidence, d.summary) for d in story.divergences]
    assert not any(tag in d.evidence for d in story.divergences), summaries
    assert any(d.kind == "changed" for d in story.divergences), summaries


def test_a_clause_inside_another_is_set_against_the_real_line_that_answers_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Euan comes home to Barra for his father's funeral after six years away.\n\n"
        "That night he dreams of the wake. He takes the old fiddle down from its nail and plays a reel "
        "while the neighbours stamp their feet and Kirsty sings along with her eyes shut. Then he wakes "
        "in the cold caravan.\n\n"
        "At the real wake the fiddle stays on its nail. Kirsty does not sing, and she leaves before the "
        "tea is poured."
    )
    sings = sentence_with(story, "Kirsty sings along")
    silent = sentence_with(story, "Kirsty does not sing")
    changed = [d for d in story.divergences if d.kind == "changed" and {sings, silent} <= set(d.evidence)]
    assert changed, [d.summary for d in story.divergences]
    assert "does not sing" in changed[0].summary


def test_one_exchange_answering_the_same_thing_twice_gives_both_answers(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nan tells it every Christmas, and the film shows it as she tells it.\n\n"
        "In the winter of 1947 the Kittiwake lost her mast off Fair Isle. "
        "Grandad sailed out alone and towed her home. "
        "In the spring a silver cup arrived from the Admiralty, and Grandad kept the silver cup on the "
        "dresser.\n\n"
        "At the harbour office Tessa finds the log for that winter, and Grandad is not named anywhere. "
        "Old Magnus Ritch was on the tow rope that night.\n\n"
        '"The silver cup, then," Tessa says.\n\n'
        '"The silver cup came to me," Magnus says. "I sold it in Lerwick."'
    )
    cup = sentence_with(story, "a silver cup arrived")
    asked = sentence_with(story, "The silver cup, then")
    answer = sentence_with(story, "The silver cup came to me")
    pairs = [set(d.evidence) for d in story.divergences if d.kind == "changed"]
    assert story.sentences[cup].layer == "imagined"
    assert any({cup, answer} <= p for p in pairs), [d.summary for d in story.divergences]
    assert any({cup, asked} <= p for p in pairs), [d.summary for d in story.divergences]
