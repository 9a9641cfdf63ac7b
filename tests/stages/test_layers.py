"""Layers: real, unreal, out of order, commentary and furniture — on short texts of our own."""

from __future__ import annotations

import pytest

from denouement import Story, explain

pytestmark = pytest.mark.model

UNREAL = {"imagined", "dream", "alternate"}


def layer_of(story: Story, fragment: str) -> str:
    for s in story.sentences:
        if fragment in s.text:
            return s.layer
    raise AssertionError(f"no sentence containing {fragment!r}")


def unreal_segments(story: Story) -> list[tuple[str, int, int]]:
    return [(seg.layer, seg.first, seg.last) for seg in story.segments if seg.layer in UNREAL]


REVEALED = """Marguerite Oyelowo runs a ferry café on the island of Skerra. Her old partner, Dmitri Vance, left for the mainland twelve years ago and never wrote.

On the last night of the season Dmitri walks in out of the rain and orders a coffee. Marguerite pours it without a word.

Suddenly it is the spring they first met, and this time she follows him onto the ferry. They open a bakery in Glasgow, marry in a register office and raise twin boys above the shop.

None of it happened. Marguerite is still behind the counter, and Dmitri is counting coins for the coffee. He leaves on the morning boat."""


def test_retroactive_reveal_starts_at_the_transition_and_keeps_the_reveal_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(REVEALED)
    assert layer_of(story, "Suddenly it is the spring") == "imagined"
    assert layer_of(story, "They open a bakery in Glasgow") == "imagined"
    assert layer_of(story, "None of it happened") == "actual"
    assert layer_of(story, "He leaves on the morning boat") == "actual"
    # the real scene before the sequence is not flipped
    assert layer_of(story, "Dmitri walks in out of the rain") == "actual"
    seg = next(s for s in story.segments if s.layer == "imagined")
    assert any(c.role == "reveal" and "None of it happened" in c.text for c in seg.cues)


DREAM = """Ilka Brandt keeps the lighthouse alone after her brother drowns. That night she dreams that the sea has frozen solid and her brother is skating towards her with a lantern. He calls her name, but the ice cracks between them.

She wakes before dawn to the foghorn and climbs the stairs to trim the lamp."""


def test_explicit_dream_opens_and_waking_closes(story_of):  # type: ignore[no-untyped-def]
    story = story_of(DREAM)
    assert layer_of(story, "she dreams that the sea has frozen") == "dream"
    assert layer_of(story, "the ice cracks between them") == "dream"
    assert layer_of(story, "She wakes before dawn") == "actual"
    assert layer_of(story, "keeps the lighthouse alone") == "actual"


FLASHBACK = """Detective Aurelio Benn reopens the case of a missing choir teacher in the town of Wexmoor.

Years earlier, in the winter of 1994, the teacher, Hester Quayle, had argued with the organist in the church car park. She was never seen again.

Back in the present, Benn finds her scarf in the organ loft. He arrests the organist at dawn."""


def test_flashback_between_its_cues_and_story_order(story_of):  # type: ignore[no-untyped-def]
    story = story_of(FLASHBACK)
    assert layer_of(story, "Years earlier") == "flashback"
    assert layer_of(story, "She was never seen again") == "flashback"
    assert layer_of(story, "Back in the present") == "actual"
    argued = next(e for e in story.events if e.predicate == "argue")
    reopens = next(e for e in story.events if e.predicate == "reopen")
    assert argued.story_index is not None and reopens.story_index is not None
    assert argued.story_index < reopens.story_index  # told later, happened first
    assert argued.time is not None and "earlier" in argued.time.lower()


AMBITION = """Tilde Marsh dreams of becoming a jazz singer, and her dream of a record deal keeps her going through night shifts at the laundry. Her brother imagines he can win the county boxing title. Both of them chase their dreams all summer.

In September Tilde sings at an open-mic night and a producer hands her his card. Then the music stops and the lights come up. She goes home on the last bus."""


def test_ambitions_are_not_unreal_passages(story_of):  # type: ignore[no-untyped-def]
    story = story_of(AMBITION)
    assert unreal_segments(story) == []
    assert all(s.layer in ("actual", "commentary", "meta") for s in story.sentences)


REVIEW = """Harbour Lights review: a gentle drama that earns its tears

Nadia Voss plays Greer, a fisherman's widow who takes in a stranded sailor. Greer mends his nets and teaches him to cook mackerel.

The film is really about grief and the small chores that carry people through it. I found the final scene almost unbearably tender, and Voss is superb throughout.

"I wanted the sea to be the third character," director Oren Falk told Tidewater Magazine.

Harbour Lights is in cinemas from Friday."""


def test_review_register_commentary_and_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(REVIEW)
    assert layer_of(story, "Harbour Lights review") == "meta"
    assert layer_of(story, "Greer mends his nets") == "actual"
    assert layer_of(story, "The film is really about grief") == "commentary"
    assert layer_of(story, "I found the final scene") == "commentary"
    assert layer_of(story, "I wanted the sea to be the third character") == "commentary"
    assert layer_of(story, "is in cinemas from Friday") == "meta"


COLON_LIST = """Pavel Roux sits alone in the empty dance hall after Ines leaves town. He imagines the life they could have had: they marry in the spring, she opens a flower stall, and they raise a daughter by the river.

The caretaker switches off the lights, and Pavel walks home in the dark."""


def test_unreal_list_after_a_colon_is_unreal_events(story_of):  # type: ignore[no-untyped-def]
    story = story_of(COLON_LIST)
    assert layer_of(story, "He imagines the life they could have had") == "imagined"
    unreal_events = {e.predicate for e in story.events if e.layer == "imagined"}
    assert {"marry", "open", "raise"} <= unreal_events
    assert layer_of(story, "The caretaker switches off the lights") == "actual"


def test_an_interruption_alone_does_not_invent_a_fantasy(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Joss Amari plays the piano at the Blue Finch every Friday. The regulars dance until late. "
        "Then the song ends and the owner calls last orders. Joss packs up and drives home."
    )
    assert unreal_segments(story) == []


ANNOUNCED_THEN_CONTRAST = """Kasia Lind and her brother Tomek stop speaking after their father's funeral.

At the reunion Tomek finally talks, and the film cuts back to that night. This time he drives the long way home, and their father is still alive at breakfast.

Then the camera pulls back to the reunion hall, where Kasia is already putting on her coat."""


def test_replayed_night_with_a_contrast_is_unreal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(ANNOUNCED_THEN_CONTRAST)
    assert layer_of(story, "This time he drives the long way home") in UNREAL
    assert layer_of(story, "the film cuts back to that night") == "actual"
    assert layer_of(story, "where Kasia is already putting on her coat") == "actual"


# Regressions found by running the engine over real plot summaries (texts written here, not copied).


def test_a_world_where_at_the_start_is_the_premise_not_an_alternate_life(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In a world where lighthouses can talk to ships, a young keeper named Oona Brisk tends the lamp on Carrick Rock. "
        "She befriends a cargo ship called the Marlow and warns it about a storm. The Marlow reaches harbour safely."
    )
    assert unreal_segments(story) == []


def test_days_before_an_event_is_not_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Two weeks before he is due to fly home, the engineer Pieter Lund starts hearing a radio that is switched off. "
        "He tells the station doctor, who finds nothing wrong. Pieter flies home on schedule."
    )
    assert all(s.layer != "flashback" for s in story.sentences)


def test_a_dream_reported_in_speech_or_a_relative_clause_opens_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "When his wife wakes him, Anton says he dreamed that he had burned the hotel down. "
        "She laughs and goes back to sleep. In the morning he buys a compass that points north only in a dream, "
        "from a shop that sells curiosities. He never uses it."
    )
    assert unreal_segments(story) == []


FRAME = """In 2004, a journalist named Corinne Abbas tracks down Ivo Mrak, a retired ferryman living above a bakery in Rijeka, and shows him a photograph of a wedding on a ferry deck. Ivo agrees to tell her who the bride was.

In 1961 Trieste, nineteen-year-old Ivo works the night crossings with his uncle Bruno. He falls for a passenger, a violinist named Lenka Horvat, who misses the last boat home. They spend the summer together on the water.

When Bruno loses the ferry licence, Lenka leaves for Vienna and marries a conductor. Ivo keeps her letters in a biscuit tin.

Having heard the whole story, Corinne gives him the photograph to keep. Ivo finally opens the biscuit tin."""


def test_a_frame_story_tells_its_dated_past_as_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(FRAME)
    assert layer_of(story, "In 1961 Trieste") == "flashback"
    assert layer_of(story, "Lenka leaves for Vienna") == "flashback"
    assert layer_of(story, "Having heard the whole story") == "actual"
    assert layer_of(story, "In 2004, a journalist") in ("actual", "commentary")
    works = next(e for e in story.events if e.predicate == "work" and e.layer == "flashback")
    tracks = next(e for e in story.events if e.predicate == "track down")
    assert works.story_index is not None and tracks.story_index is not None
    assert works.story_index < tracks.story_index


def test_sleep_that_only_sets_the_time_or_ends_at_once_opens_no_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Marta promises to stay in the cabin. After her brother falls asleep, she walks to the harbour and steals "
        "a boat. The crew of the trawler fall asleep in the galley, waking to find the engine room flooded. "
        "Marta rows to the lighthouse and signals the coastguard. The coastguard arrives at dawn and tows the "
        "trawler home. She wakes her brother with the news."
    )
    assert unreal_segments(story) == []


def test_instead_in_a_plain_plot_is_a_choice_not_a_fantasy(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Anwar is supposed to sell the family's old mule at the market. Instead, he gives it to his niece, "
        "who names it Clementine. His father is furious and locks him out of the house. Anwar sleeps in the "
        "stable beside the mule. In the morning his father brings him breakfast and says nothing about it."
    )
    assert unreal_segments(story) == []


def test_a_dream_without_a_waking_is_the_sentence_that_tells_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Inspector Greta Solberg follows the smugglers to an island off Bodø. She has a dream that her late "
        "husband is standing on the jetty with a lantern. The next day she searches the boathouse and finds "
        "the missing crates. The smugglers are arrested by nightfall, and Greta takes the ferry home."
    )
    assert layer_of(story, "She has a dream that her late husband") == "dream"
    assert layer_of(story, "searches the boathouse") == "actual"
    assert layer_of(story, "The smugglers are arrested") == "actual"


CALLED_BACK = """Staff Meeting review: a small comedy with a big heart

Dolores Ferraro (Anika Shaw) has taught chemistry at Halden High for thirty years. During the budget meeting she stops listening.

She climbs onto the table and tears up the spreadsheet. The whole staff room rises to cheer her. The head teacher bows and hands her the keys to the building.

"Mrs. Ferraro?"

The head teacher is waiting for her vote, and Dolores raises her hand with everyone else.

The daydream is the film's funniest scene, and Shaw plays it with a perfectly straight face."""


def test_a_daydream_called_off_by_a_line_of_speech(story_of):  # type: ignore[no-untyped-def]
    story = story_of(CALLED_BACK)
    assert layer_of(story, "She climbs onto the table") == "imagined"
    assert layer_of(story, "hands her the keys") == "imagined"
    assert layer_of(story, "raises her hand with everyone else") == "actual"
    assert layer_of(story, "The daydream is the film's funniest scene") == "commentary"


IMAGINED_FRIEND = """After his wife's death, Aldo Ferri lives alone above his bakery in Trieste.

A young lodger named Bianca moves into the spare room and starts working the early shift with him. Bianca teaches him to use the new oven, and the bakery fills up again.

In the autumn Aldo's son visits and finds the spare room locked and full of dust. Bianca, the film finally admits, never existed: Aldo has been baking alone all year.

The last shot shows Aldo opening the shop at dawn, alone."""


def test_a_character_imagined_all_along_makes_their_scenes_unreal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(IMAGINED_FRIEND)
    assert layer_of(story, "A young lodger named Bianca moves into the spare room") == "imagined"
    assert layer_of(story, "Bianca teaches him to use the new oven") == "imagined"
    assert layer_of(story, "lives alone above his bakery") == "actual"
    assert layer_of(story, "finds the spare room locked") == "actual"
    assert layer_of(story, "opening the shop at dawn") == "actual"


def test_a_thing_that_never_existed_is_no_twist_about_a_character(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ines Moreau is an architect in Lyon. She meets her old partner Tomas at a bookshop. Tomas leaves "
        "with his wife. At the tram stop Ines hums a tune from a flat that never existed."
    )
    assert unreal_segments(story) == []


def test_other_ways_of_saying_it_never_happened(story_of):  # type: ignore[no-untyped-def]
    first = story_of(
        "Hamid waits for the verdict in a corridor that smells of floor polish.\n\n"
        "The doors open and the jury foreman smiles at him. His daughter runs down the steps into his arms. "
        "They drive to the coast with the windows down.\n\n"
        "Not one minute of that afternoon took place. The doors are still shut, and Hamid is still waiting."
    )
    assert layer_of(first, "His daughter runs down the steps") == "imagined"
    assert layer_of(first, "Not one minute of that afternoon") == "actual"
    second = story_of(
        "Lise sits through the budget meeting.\n\n"
        "She stands, tips the coffee over the spreadsheets and walks out to a standing ovation. "
        "The board names her director on the spot.\n\n"
        "Then reality comes crashing back: the chair is asking for her figures."
    )
    assert layer_of(second, "The board names her director") == "imagined"
    assert layer_of(second, "Lise sits through the budget meeting") == "actual"


def test_a_told_jump_back_to_a_year_and_a_childhood_summer_are_flashbacks(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Inspector Rosa Vidal reopens the case of a drowned ferryman in 2019.\n\n"
        "We then jump back to June 1988. A young Rosa watches the ferry leave without its pilot.\n\n"
        "Back in 2019, Rosa questions the harbour master again."
    )
    assert layer_of(story, "We then jump back to June 1988") == "actual"
    assert layer_of(story, "A young Rosa watches the ferry leave") == "flashback"
    assert layer_of(story, "Rosa questions the harbour master again") == "actual"
    told = story_of(
        "Ada clears out her uncle's shed.\n\n"
        "The summer she turned ten, her uncle had taught her to sharpen a chisel. He let her keep the shavings.\n\n"
        "Now she finds the chisel wrapped in a rag."
    )
    assert layer_of(told, "The summer she turned ten") == "flashback"
    assert layer_of(told, "Now she finds the chisel") == "actual"


SHOWN_AGAIN = """Tamsin Roe plays the final of the Hartwell Open against Piet Aukes. Aukes offers her a draw, and the arbiter stops the clocks while she thinks.

Tamsin accepts and shakes his hand. She buys her father the boat he always wanted. Years pass, and she teaches chess in a village school.

Then the room is quiet again, and the clocks are still stopped. None of what we have just seen has happened. Tamsin declines the draw and plays on."""

SEEN_WHILE = """Ivo Brandt tunes pianos in a small town on the coast. One evening he tunes the church organ alone.

The fourth part opens in Lisbon. Ivo marries the singer Alma Ruiz and they raise three daughters above a music shop.

The part ends with Ivo still sitting at the organ in the dark church. The whole part is what he sees while the last note fades, and the book never says so outright."""

WOKEN = """Rhian Moss sells the family farm and boards the night train to the city.

The next thing we see is the farm in summer. Rhian and her brother mend the walls together, and their mother brings tea to the field.

Then a guard calls out the station and Rhian opens her eyes. She is still on the train, with the signed papers on her lap. The summer was a dream."""


@pytest.mark.parametrize(
    ("text", "unreal", "real"),
    [
        (
            SHOWN_AGAIN,
            ["Tamsin accepts and shakes", "Years pass"],
            ["the room is quiet again", "declines the draw"],
        ),
        (SEEN_WHILE, ["Ivo marries the singer"], ["still sitting at the organ", "tunes the church organ"]),
        (
            WOKEN,
            ["mend the walls together"],
            ["opens her eyes", "still on the train", "sells the family farm"],
        ),
    ],
    ids=["shown-again", "seen-while", "woken"],
)
def test_a_reveal_after_the_real_scene_is_shown_again(story_of, text, unreal, real):  # type: ignore[no-untyped-def]
    """The sentences that show the real scene again, between a sequence and its reveal, stay real; the
    passage before them becomes unreal."""
    story = story_of(text)
    for fragment in unreal:
        assert layer_of(story, fragment) in UNREAL, fragment
    for fragment in real:
        assert layer_of(story, fragment) == "actual", fragment


ASKED_ABOUT = """# Harrow Point ending explained

Mina Okafor waits all night on the lifeboat station roof for her brother's trawler.

Two winters later, Mina runs a café on the quay. Her brother Ade walks in with his new wife, and the three of them laugh about the storm over bowls of soup.

## Wait, was any of that real?

No. Then white fills the screen, and we are back on the roof at dawn. The whole epilogue is a dream Mina has as she freezes, and the trawler never comes home."""

EYES = """Pet waits outside the exam room with her grandfather.

Pet shut her eyes, and the exam went the way she wanted.

The examiner smiled at her. Her scales came out clean, and the examiner clapped at the end.

Pet opened her eyes. A steward with a clipboard was calling her name."""

WAKING_PATIENT = """Carol and I sat by Dad's bed all afternoon, sharing a satsuma.

Dad opened his eyes while we were eating. He looked at the ceiling, then at Carol. "You came," he said."""

ASLEEP_THEN_SONG = """Kaz waits on the loft roof for his pigeons. His son arrives with a grandchild on his hip, and they eat supper together. The little girl falls asleep at the table.

Then the song on the radio fades. Kaz is alone on the roof, and his tea has gone cold."""


def test_a_heading_that_asks_if_it_was_real_joins_the_sequence_to_its_explanation(story_of):  # type: ignore[no-untyped-def]
    story = story_of(ASKED_ABOUT)
    assert layer_of(story, "runs a café on the quay") in UNREAL
    assert layer_of(story, "laugh about the storm") in UNREAL
    assert layer_of(story, "waits all night") == "actual"


def test_eyes_shut_and_opened_bound_a_daydream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(EYES)
    assert layer_of(story, "The examiner smiled") == "imagined"
    assert layer_of(story, "Pet opened her eyes") == "actual"
    assert layer_of(story, "waits outside the exam room") == "actual"


def test_opening_eyes_or_falling_asleep_alone_reveal_nothing(story_of):  # type: ignore[no-untyped-def]
    assert unreal_segments(story_of(WAKING_PATIENT)) == []
    story = story_of(ASLEEP_THEN_SONG)
    assert all(layer != "dream" for layer, _, _ in unreal_segments(story))
    assert layer_of(story, "the song on the radio fades") != "dream"


DELIRIOUS = """Effie Munro guts herring on the quay at Stornoway. In October she collapses with typhoid and is carried to the hospital.

For three days she is delirious.

Her father rows into the bay at dawn, alive, and lifts her off her feet. They walk up the croft track together.

When the fever breaks, a nurse is sitting beside the bed with a letter. Effie sails home at Christmas."""


def test_a_delirium_runs_until_the_fever_breaks(story_of):  # type: ignore[no-untyped-def]
    story = story_of(DELIRIOUS)
    assert layer_of(story, "Her father rows into the bay") == "imagined"
    assert layer_of(story, "When the fever breaks") == "actual"
    assert layer_of(story, "Effie sails home") == "actual"


def test_eyes_shut_against_something_real_open_no_fantasy(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The smugglers tie Ada and Bruno to the mast and break open the sealed crate. Ada and Bruno close "
        "their eyes to avoid the blinding light that pours out and burns the smugglers' boat to the "
        "waterline. Ada and Bruno open their eyes to find the deck empty and their ropes burnt through."
    )
    assert all(s.layer == "actual" for s in story.sentences)


DEPOT = (
    "Ruth Okafor sorts parcels on the night shift at a depot outside Leeds. Her daydreams are rare, and "
    "she keeps them to herself.\n\n"
    "On the last night before the depot closes, the manager, Mr. Pryor, reads out the names of those who "
    "will be let go.\n\n"
    "Ruth climbs onto the conveyor belt and starts to sing. The forklifts spin in slow circles around "
    "her, the loaders clap in time, and Mr. Pryor tears up his list. Paper falls from the rafters like "
    "snow.\n\n"
    '"Ruth? Ruth!"\n\n'
    "The loader beside her is waving a hand in front of her face. Ruth is standing at her station with a "
    "parcel in her hands, and Mr. Pryor is still reading. She goes home at dawn with her last pay slip."
)


def test_a_song_called_off_is_a_daydream_when_the_telling_speaks_of_her_daydreams(story_of):  # type: ignore[no-untyped-def]
    story = story_of(DEPOT)
    layers = [s.layer for s in story.sentences]
    first = next(s.id for s in story.sentences if s.text.startswith("Ruth climbs"))
    last = next(s.id for s in story.sentences if s.text.startswith("Paper falls"))
    assert set(layers[first : last + 1]) == {"imagined"}
    assert "imagined" not in layers[:first] + layers[last + 1 :]


def test_a_dream_that_is_a_hope_does_not_make_a_call_a_reveal(story_of):  # type: ignore[no-untyped-def]
    hoping = DEPOT.replace(
        "Her daydreams are rare, and she keeps them to herself.",
        "Her dream of a bakery of her own keeps her going.",
    )
    story = story_of(hoping)
    assert not story.segments or all(seg.layer == "commentary" for seg in story.segments)


def test_a_return_to_the_place_reaches_back_to_where_it_was_left(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Agnes Vell has been trapped in the lift between the ninth and tenth floors for an hour. The "
        "emergency phone rings and rings.\n\n"
        "Then the doors slide open by themselves, and she steps out of the lift into a sunlit orchard. "
        "Her late husband, Emil, is picking apples there.\n\n"
        "They walk for hours. He tells her the children forgave her long ago. They eat pears on a bench, "
        "and she falls asleep on his shoulder.\n\n"
        "Agnes finds herself once more in the dark lift, and a voice on the phone says the engineer is "
        "on his way."
    )
    layers = {s.text[:20]: s.layer for s in story.sentences}
    first = next(s.id for s in story.sentences if "steps out of the lift" in s.text)
    last = next(s.id for s in story.sentences if "falls asleep on his shoulder" in s.text)
    assert {s.layer for s in story.sentences[first : last + 1]} == {"imagined"}, layers
    assert story.sentences[first - 1].layer == "actual"
    assert story.sentences[last + 1].layer == "actual"


def test_an_ordinary_line_of_talk_after_narration_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "“Have you got the reeds?”\n\n“They're in the case.”\n\n"
        "Oona rested her forehead on the cold glass. The fields went by in the rain. Her oboe lay on the back "
        "seat under a coat, and the timetable for the audition was folded in the glovebox.\n\n"
        "“Is Grandad coming in June?”\n\n“If he can get a lift,” her mother said.\n\n"
        "The hall was smaller than the one in her head, with plastic chairs and a radiator that ticked."
    )
    assert unreal_segments(story) == []


def test_a_waking_ends_the_dream_and_what_follows_it_is_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Oona closed her eyes as the car joined the motorway.\n\n"
        "She was on the stage of a great hall, and the lights were warm. She played the whole sonata without a "
        "slip, and the examiners stood up to clap.\n\n"
        "She opened her eyes. The car had stopped in a multistorey. Her hands were shaking.\n\n"
        "“Were you asleep?”\n\n“No,” Oona said. The real hall would be smaller than the one in her head."
    )
    assert layer_of(story, "She played the whole sonata") in UNREAL
    assert layer_of(story, "The car had stopped in a multistorey") == "actual"
    assert layer_of(story, "Her hands were shaking") == "actual"


def test_a_reveal_still_at_the_place_starts_the_passage_after_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Maeve Tully mends nets for the last trawler on Inishcarra. A boatyard in Bergen offers her a "
        "designer's job.\n\n"
        "On her last evening Maeve sits on the slipway with the letter in her hands. The film then follows "
        "her to Bergen. She rents a room above a chandlery and draws hulls by lamplight. A year later her "
        "first boat is launched, and her brother flies over to watch.\n\n"
        "The foghorn of the mail boat returns the film to Inishcarra. Maeve is still sitting on the slipway; "
        "none of the Bergen years have taken place. In the morning she tears up the letter."
    )
    assert layer_of(story, "sits on the slipway with the letter") == "actual"
    assert layer_of(story, "The film then follows her to Bergen") == "imagined"
    assert layer_of(story, "her first boat is launched") == "imagined"
    assert layer_of(story, "returns the film to Inishcarra") == "actual"
    assert layer_of(story, "Maeve is still sitting") == "actual"


def test_a_twist_about_the_lead_means_a_version_of_her(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Liv Haugen bakes bread in her father's shop in Bergen. Liv runs for the tram one morning and the "
        "film splits in two. In one life Liv becomes a famous chef. In the other Liv misses the tram and "
        "stays at the bakery. Liv marries the carpenter who mends the shop window.\n\n"
        "The famous chef never wakes up, because she was never there to wake."
    )
    assert layer_of(story, "bakes bread in her father's shop") == "actual"
    assert layer_of(story, "stays at the bakery") == "actual"


def test_a_companion_who_is_not_there_when_someone_comes_was_a_vision(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Since the drowning of her husband Padraig, Orla Keane has worked the oyster beds alone.\n\n"
        "One grey morning Orla wades out to the far beds, and Padraig is waiting there in his waders. He "
        "shows her where the spat has settled. They fill two baskets together, and he laughs at her knots.\n\n"
        "When her son comes down to the shore with a flask, there is nobody beside her. It is the first of "
        "several such visions."
    )
    assert layer_of(story, "Padraig is waiting there") == "imagined"
    assert layer_of(story, "They fill two baskets") == "imagined"
    assert layer_of(story, "there is nobody beside her") == "actual"


def test_a_told_story_handed_over_to_and_then_called_a_lie(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nuala interviews her grandfather, Brendan Hale, about the night the mill burned.\n\n"
        "Brendan settles into his armchair, and the film dissolves into his telling. We see a young Brendan "
        "kick down the mill door. We see him carry the miller's children out through the smoke.\n\n"
        "It is beautifully lit, all ember orange and soot. It is also a lie.\n\n"
        "The fire brigade's log shows that Brendan was in Cork that week."
    )
    assert layer_of(story, "the film dissolves into his telling") == "actual"
    assert layer_of(story, "kick down the mill door") == "imagined"
    assert layer_of(story, "carry the miller's children") == "imagined"
    assert layer_of(story, "It is beautifully lit") == "commentary"
    assert layer_of(story, "It is also a lie") == "actual"


def test_a_number_that_starts_mid_paragraph_starts_the_daydream_there(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Odette sorts parcels on the night shift at a depot outside Leeds. Her daydreams are short and "
        "specific: a stage, a spotlight, a band that knows her name.\n\n"
        "The supervisor pins the new rota to the board. Odette climbs onto a sorting table and begins to "
        "sing. The conveyor belts turn into a chorus line, the forklifts waltz, and the whole depot joins "
        "the last chorus. The supervisor ends up conducting with a clipboard.\n\n"
        "“Odette? Odette!”\n\n"
        "The supervisor is tapping the rota. She has not moved from her bench."
    )
    assert layer_of(story, "pins the new rota") == "actual"
    assert layer_of(story, "begins to sing") == "imagined"
    assert layer_of(story, "the forklifts waltz") == "imagined"
    assert layer_of(story, "She has not moved") == "actual"


def test_a_waking_exposes_the_night_scene_before_it_as_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Gran said the Sea Pink would be sold on Friday. Tam said nothing at supper.\n\n"
        "That night Tam walked down to the slipway in his pyjamas, and Grandad was waiting in the boat.\n\n"
        "“Took your time,” Grandad said.\n\n"
        "They rowed out past the lighthouse, and the mackerel jumped into the bucket by themselves.\n\n"
        "Tam woke with the blanket round his ankles. Out in the harbour the Sea Pink sat under her tarp."
    )
    assert layer_of(story, "That night Tam walked down") == "dream"
    assert layer_of(story, "the mackerel jumped") == "dream"
    assert layer_of(story, "Tam woke with the blanket") == "actual"
    assert layer_of(story, "Gran said the Sea Pink") == "actual"


def test_a_life_she_could_have_had_after_the_picture_changes_colour(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Commander Ines Roa is stranded on the station with two days of air.\n\n"
        "On the sixth day Ines closes her eyes and the film suddenly changes colour. She is dancing at her "
        "sister's wedding in Valparaíso. Years later she teaches her nephew to sail. She grows old in a "
        "house by the sea. It is a life she could have had, and never did.\n\n"
        "On the seventh day the rescue ship docks."
    )
    assert layer_of(story, "closes her eyes") == "actual"
    assert layer_of(story, "dancing at her sister's wedding") == "imagined"
    assert layer_of(story, "grows old in a house") == "imagined"
    assert layer_of(story, "It is a life she could have had") == "actual"


def test_the_real_one_after_a_snap_back_reveals_the_pictured_arrival(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mum says I can wait at the ferry terminal if I take my cousin Iggy. I bring Iggy and a bag of "
        "crisps. I sit on the wall. I watch the water.\n\n"
        "The letter from Dad came on Monday. I know it by heart. I count the gulls.\n\n"
        "The ferry from Stornoway noses in at the slipway, and Dad is the first one down the ramp. He has "
        "a parcel under his arm, and he swings me round until the sky tips.\n\n"
        "Iggy kicks my ankle and the parcel goes, and the terminal is just the terminal again. I do that "
        "every week.\n\n"
        "The real ferry is late. A lorry drives off, then two walkers, and then nobody."
    )
    assert layer_of(story, "Dad is the first one down the ramp") == "imagined"
    assert layer_of(story, "he swings me round") == "imagined"
    assert layer_of(story, "the terminal is just the terminal again") == "actual"
    assert layer_of(story, "The real ferry is late") == "actual"
    assert layer_of(story, "I bring Iggy") == "actual"  # a first-person story, not a critic's aside


def test_a_tale_told_as_a_flashback_and_exposed_chapters_later(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In 2019 Clara visits her grandfather Anders on the island. On her first night Anders tells her, as he always "
        "does, how the boathouse came to the family.\n\n"
        "In the winter of 1948 he won it from a sea captain in a game of dice. The captain paid up on the "
        "spot and sailed away.\n\n"
        "Back in the present, Clara spends the spring mending nets and rowing the mail across the sound. She meets the "
        "harbourmaster and his daughter. In the parish office she reads the old ledgers.\n\n"
        "Anders admits that the game of dice is his own invention. His wife bought the boathouse in 1951."
    )
    assert layer_of(story, "he won it from a sea captain") == "imagined"
    assert layer_of(story, "mending nets") == "actual"
    assert layer_of(story, "his own invention") == "actual"


def test_a_second_version_of_that_evening_is_another_life(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Maud misses the last bus out of the valley and marries the farmer's son. She raises three boys, "
        "and her mother moves in after a fall. Maud keeps a drawer of law books she never opens.\n\n"
        "But the story keeps returning to a second version of that evening at the bus stop. In this one Maud "
        "catches the bus, studies law in Cardiff and never marries. She wins her first case at thirty."
    )
    assert layer_of(story, "raises three boys") == "actual"
    assert layer_of(story, "studies law in Cardiff") == "alternate"


def test_someone_who_wakes_to_intruders_at_night_did_not_dream_the_night(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "On the night the family moves in, three burglars break into the house. They want the safe in the "
        "cellar.\n\n"
        "As they climb the stairs, Nora wakes up and sees them on the camera screen."
    )
    assert unreal_segments(story) == []


def test_a_short_beat_opening_the_return_to_reality_is_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Marisol plays the accordion outside the station every evening. A promoter hands her a card.\n\n"
        "Marisol walks onto the stage of the Teatro Real in a borrowed red dress. Every seat is taken. Her "
        "brother stands first, and the whole hall rises with him. Backstage he hugs her and cries.\n\n"
        "Then a bus splashes through the puddle. The film cuts back to the station steps, where Marisol is "
        "still playing in the rain. The concert never left her head."
    )
    assert layer_of(story, "walks onto the stage") == "imagined"
    assert layer_of(story, "Backstage he hugs her") == "imagined"
    assert layer_of(story, "Then a bus splashes") == "actual"
    assert layer_of(story, "cuts back to the station steps") == "actual"


def test_a_knock_after_the_story_moves_on_in_time_interrupts_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Norma Desmond would have made a scene. Vivienne does neither. Instead, when Kitty freezes in the "
        "second act, it is Vivienne who whispers her lines from the wings.\n\n"
        "That night Kitty knocks on her door with a bottle of wine."
    )
    assert unreal_segments(story) == []


def test_someone_woken_by_an_alarm_ends_the_dream_and_a_bell_ends_a_montage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Callum Reid skippers the last ferry to the island. That night he falls asleep in the engine room.\n\n"
        "He stands on the bridge in a captain's jacket. The islanders cheer him from the pier.\n\n"
        "He is woken at dawn by the bilge alarm, and the engine room is flooding."
    )
    assert layer_of(story, "He stands on the bridge") == "dream"
    assert layer_of(story, "He is woken at dawn") == "actual"
    montage = story_of(
        "Howard drives the number 14 through the rain and wonders what would have happened if he had gone "
        "to art school.\n\n"
        "What follows is the sequence everyone will talk about. Howard, at nineteen, boards the train to "
        "Cardiff. Howard at thirty paints in a Paris attic. Howard at fifty opens a show in New York. Then a "
        "passenger rings the bell, and Howard is back behind the wheel of the 14.\n\n"
        "The film shoots every imagined decade through the same rainy bus window."
    )
    assert layer_of(montage, "boards the train to Cardiff") == "imagined"
    assert layer_of(montage, "opens a show in New York") == "imagined"
    assert layer_of(montage, "Then a passenger rings the bell") == "actual"


def test_counting_in_the_head_is_done_not_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Priya waits at the lights on her third driving test. In her head she counts the gaps in the "
        "traffic, one, two, three, the way her uncle taught her. The examiner taps his clipboard. She "
        "pulls out smoothly and passes."
    )
    assert unreal_segments(story) == []


def test_planning_or_composing_in_the_head_is_done_not_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Wren caters the mayor's retirement party from a van behind the town hall. In her head she "
        "was already planning the menu for the christening next week: trout, new potatoes, a lemon "
        "tart. The mayor's speech runs long and the soup goes cold. She serves it anyway and nobody "
        "complains."
    )
    assert unreal_segments(story) == []


def test_rehearsing_a_scene_in_the_head_opens_the_scene_and_the_frame_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Osian has not spoken to his brother since the funeral. He takes the night coach to Swansea.\n\n"
        "On the coach, Osian rehearses the whole reunion in his head, and the episode lets us watch it. "
        "His brother Gethin opens the door before he can knock. They laugh about the old caravan and "
        "drink until two. Gethin's wife makes up the spare bed.\n\n"
        "It is a warm, lying sequence, and it works.\n\n"
        "The real Gethin is not at home when Osian arrives. A neighbour says he moved to Cardiff in May."
    )
    assert layer_of(story, "rehearses the whole reunion") == "actual"
    assert layer_of(story, "opens the door before he can knock") == "imagined"
    assert layer_of(story, "makes up the spare bed") == "imagined"
    assert layer_of(story, "A neighbour says he moved") == "actual"


def test_a_call_back_confirmed_by_the_next_sentence_reveals_the_daydream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mr Aldous reads the sales figures aloud for the third time. Bronwen stares at the kettle on the "
        "shelf behind him.\n\n"
        "Then she picks up the kettle and empties it into his open briefcase. Mr Aldous shrieks. The "
        "whole office stands and cheers, and she walks out to a taxi that was waiting as if it had been "
        "booked for her.\n\n"
        '"Are you even listening to me?"\n\n'
        "The kettle is on the shelf where it has always been. Bronwen says she is."
    )
    assert layer_of(story, "empties it into his open briefcase") == "imagined"
    assert layer_of(story, "The whole office stands and cheers") == "imagined"
    assert layer_of(story, "Bronwen stares at the kettle") == "actual"
    assert layer_of(story, "Bronwen says she is") == "actual"


def test_a_lone_call_back_with_nothing_to_confirm_it_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mr Aldous reads the sales figures aloud for the third time. Bronwen stares at the kettle.\n\n"
        "She drafts a letter of resignation on the back of a receipt and folds it into her purse.\n\n"
        '"Are you even listening to me?"\n\n'
        "Bronwen says she is, and asks for a copy of the figures."
    )
    assert unreal_segments(story) == []


def test_a_heading_that_goes_back_to_the_real_scene_joins_the_reveal_to_the_sequence(nlp):  # type: ignore[no-untyped-def]
    story = explain(
        "# Low Bridge, explained\n\n"
        "Thirty years on, Ruairi runs a bicycle shop in Sligo and has never told his son about the race.\n\n"
        "## The other Ruairi\n\n"
        "The film goes back to the 1994 final and lets him win the sprint. In this version he signs for "
        "a French team, rides the Tour twice and buys a villa above Nice. He never marries.\n\n"
        "## Back in the shop\n\n"
        "The radio crackles. Ruairi is still standing at the till with the old photograph in his hand.",
        format="markdown",
        nlp=nlp,
    )
    assert layer_of(story, "rides the Tour twice") in UNREAL
    assert layer_of(story, "He never marries") in UNREAL
    assert layer_of(story, "runs a bicycle shop in Sligo") == "actual"
    assert layer_of(story, "Ruairi is still standing") == "actual"


def test_a_denial_of_things_told_as_real_reveals_the_passage_that_told_them(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Maud keeps the lighthouse on Carrick alone through the winter.\n\n"
        "In February a gale throws a trawler onto the rocks below the tower. At dawn Maud finds a young "
        "deckhand asleep in the boathouse. He fixes the foghorn and teaches her to play chess.\n\n"
        "In March the supply boat arrives and finds Maud feverish on the stairs. There was no trawler on "
        "the rocks and no deckhand in the boathouse. The foghorn has been broken since Christmas."
    )
    assert layer_of(story, "a gale throws a trawler") == "imagined"
    assert layer_of(story, "teaches her to play chess") == "imagined"
    assert layer_of(story, "keeps the lighthouse on Carrick") == "actual"
    assert layer_of(story, "There was no trawler") == "actual"


def test_a_denial_in_passing_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The inspector reads the three witness reports. Each report names the same driver and the same "
        "van. He files them together, so there was no disagreement between the reports, and he closes "
        "the case."
    )
    assert unreal_segments(story) == []


def test_a_film_that_opens_months_later_flashes_forward(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film opens months later, in a ward in Inverness, where Elspeth sits with a bandaged hand. "
        "A nurse asks what happened to her.\n\n"
        "Then we are back in September, on the morning Elspeth sails out to the weather station."
    )
    assert layer_of(story, "The film opens months later") == "flash_forward"
    assert layer_of(story, "A nurse asks") == "flash_forward"


def test_a_told_tale_that_the_story_later_contradicts_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Old Ifor runs the lock-keeper's cottage on the canal. Over supper he tells the new volunteer about "
        "the winter of 1963, and the film stages his account. Ice closes the canal for six weeks. Ifor "
        "walks the towpath every night with a lantern and pulls a drowning horse from under the ice. The "
        "council gives him a silver watch.\n\n"
        "The volunteer finds the parish newsletter for that winter in the museum. Ifor is listed as a "
        "spectator, and the horse was hauled out by the coal merchant.\n\n"
        "At the retirement party she reads out the real story, and Ifor laughs louder than anyone."
    )
    assert layer_of(story, "Ice closes the canal") == "imagined"
    assert layer_of(story, "pulls a drowning horse") == "imagined"
    assert layer_of(story, "the film stages his account") == "actual"
    assert layer_of(story, "finds the parish newsletter") == "actual"


def test_a_family_version_exposed_in_speech_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Every Christmas Desmond Kerr told his nephews how he won the pub in Kinsale.\n\n"
        "In the version the nephews grew up on, he was twenty and broke. He beat the landlord at darts over "
        "three nights. The landlord handed him the keys at closing time.\n\n"
        'His wife, Maeve, put her glass down. "Des, you made that whole story up for the wedding speech," '
        'she said. "You bought it with my mother\'s money."'
    )
    assert layer_of(story, "He beat the landlord at darts") == "imagined"
    assert layer_of(story, "handed him the keys") == "imagined"
    assert layer_of(story, "Every Christmas Desmond Kerr") == "actual"


def test_a_told_tale_nobody_contradicts_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Old Ifor runs the lock-keeper's cottage on the canal. Over supper he tells the new volunteer about "
        "the winter of 1963, and the film stages his account. Ice closes the canal for six weeks. Ifor "
        "walks the towpath every night with a lantern.\n\n"
        "The next morning the volunteer paints the lock gates, and Ifor shows her how to grease the paddles."
    )
    assert unreal_segments(story) == []


def test_the_making_of_the_work_is_commentary_whoever_the_subject_is(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Major spoilers ahead. Tamsin Gale (Orla Reid) inherits her father's boatyard in Falmouth and "
        "decides to rebuild his last ketch. She launches it on the morning of the regatta.\n\n"
        "The harbour scenes were filmed in Mevagissey over a wet fortnight. Orla Reid received a nomination "
        "for Best Actress at the Celtic Screen Awards. Writer-director Piran Hosking confirmed this in a "
        "podcast, and the film was followed by a sequel in 2021."
    )
    assert layer_of(story, "Major spoilers ahead") in ("commentary", "meta")
    assert layer_of(story, "were filmed in Mevagissey") == "commentary"
    assert layer_of(story, "received a nomination") == "commentary"
    assert layer_of(story, "inherits her father's boatyard") == "actual"
    assert layer_of(story, "She launches it") == "actual"


def test_a_plot_sentence_that_mentions_a_newsletter_is_not_furniture(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Hollis edits the parish newsletter from his kitchen table. One week he prints the vicar's secret "
        "on the front page, and the village stops speaking to him."
    )
    assert layer_of(story, "edits the parish newsletter") == "actual"


def test_how_a_performer_renders_a_character_is_commentary(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Bethan Rowe (Carys Penhale) runs the last launderette in Aberaeron. When the landlord doubles the "
        "rent, she starts washing the lifeboat crew's kit for free.\n\n"
        "Penhale plays Bethan as a woman who has never once been thanked, and it is a quietly astonishing "
        "turn. The script, to its credit, never makes her a saint."
    )
    assert layer_of(story, "Penhale plays Bethan as a woman") == "commentary"
    assert layer_of(story, "she starts washing the lifeboat") == "actual"


def test_a_jolt_opening_the_paragraph_of_the_reveal_belongs_to_the_return(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Gethin drives the team minibus home from the semi-final defeat.\n\n"
        "He lifts the county cup at Cardiff Arms Park. The crowd sings his name, and his mother waves from "
        "the front row.\n\n"
        "Then the minibus lurches over a cattle grid, Gethin's head knocks the window, and the cheering "
        "turns into the rattle of the heater. He has been asleep since Brecon."
    )
    assert layer_of(story, "lifts the county cup") == "dream"
    assert layer_of(story, "his mother waves") == "dream"
    assert layer_of(story, "lurches over a cattle grid") == "actual"


def test_a_romance_spun_in_a_few_seconds_where_the_film_left_her(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ffion waits at the bus stop in the rain.\n\n"
        "A stranger offers her his umbrella. They ride to the coast together, dance on the pier and marry "
        "in the spring.\n\n"
        "Then a horn blares, and Ffion is exactly where we left her, under the shelter. The whole marriage "
        "has been spun in the nine seconds it took the lights to change."
    )
    assert layer_of(story, "dance on the pier") == "imagined"
    assert layer_of(story, "Ffion waits at the bus stop") == "actual"
    assert layer_of(story, "Then a horn blares") == "actual"


def test_the_life_that_would_have_followed_is_an_alternate_one(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Iona sits at the departure gate in Glasgow with her boarding pass. She lands in Toronto, runs a "
        "laboratory within two years and marries a violinist.\n\n"
        "The film then returns to the departure gate. The Canadian years are the life that would have "
        "followed had she boarded; she has not moved from her seat. She goes home to her mother."
    )
    assert layer_of(story, "runs a laboratory") == "alternate"
    assert layer_of(story, "She goes home to her mother") == "actual"
    assert layer_of(story, "sits at the departure gate in Glasgow") == "actual"


def test_a_scene_run_through_several_times_was_a_rehearsal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Cerys walks up the path to her father's house.\n\n"
        '"I\'ve sold the van," she says.\n\n'
        '"You\'ve what?"\n\n'
        '"Sold it. I\'m going to college."\n\n'
        "He looks at her for a long time and then nods.\n\n"
        "She had run it three times on the bus. The real front door is opened by her stepmother."
    )
    assert layer_of(story, "He looks at her for a long time") == "imagined"
    assert layer_of(story, "The real front door") == "actual"


def test_instead_of_doing_one_thing_someone_did_another_is_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In 1987 the trawler is caught in a gale off Fair Isle. Instead of turning back, Magnus keeps the "
        "nets out all night, and the catch pays off the boat."
    )
    assert unreal_segments(story) == []


def test_verdicts_on_parts_of_the_work_and_a_next_week_teaser(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Maddie walks out of the council meeting and drives to the harbour.\n\n"
        "It's a short scene, but it explains every choice she makes afterwards. The look on her face is "
        "worth the licence fee on its own.\n\n"
        "Next week: the lifeboat crew's sponsored swim goes badly wrong."
    )
    assert layer_of(story, "It's a short scene") == "commentary"
    assert layer_of(story, "worth the licence fee") == "commentary"
    assert layer_of(story, "Next week:") == "meta"
    assert layer_of(story, "drives to the harbour") == "actual"


def test_a_denial_of_something_only_awaited_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    for text in (
        "Marta waits at the station for the last train from Leeds. She buys a coffee and watches the "
        "board.\n\nThere was no train at the station that night; the line had flooded at Garforth.",
        "Nia waits on the pier for a boat from the island. A gull lands on the rail.\n\n"
        "There was no boat at the pier that night, and no word from the island.",
    ):
        assert unreal_segments(story_of(text)) == [], text


def test_a_call_back_confirmed_only_by_someone_still_sitting_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "It is a wet Monday in Leeds.\n\n"
        "Ruth explains the new rota to her son for the third time. He scrolls through his phone and eats "
        "his cereal.\n\n"
        '"Are you even listening to me?"\n\n'
        "Owen is still sitting at the table with his phone. He says he heard every word."
    )
    assert unreal_segments(story) == []


def test_a_truth_about_something_else_leaves_a_told_tale_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Harold Pike runs the ironmonger's in Whitby. Over dinner he tells his granddaughter about the winter "
        "of 1963, and the film stages his account. Snow buries the harbour for a month. Harold digs out the "
        "lifeboat station with a coal shovel.\n\n"
        "The next morning Nora opens the shop. A week later her mother tells her the truth about the "
        "overdraft, and Nora sells her car to pay it."
    )
    assert unreal_segments(story) == []


def test_resting_her_eyes_opens_a_dream_that_the_room_turning_back_ends(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Lily searched her grandmother's wardrobe until the light went. She lay down on the bed with her "
        "shoes on, meaning to rest her eyes for a minute.\n\n"
        "Gran was young again, dancing in the old kitchen on Tanner Street. She told Lily to look in the "
        "biscuit tin.\n\n"
        "The music thinned, and the ceiling turned back into the bedroom ceiling with its water stain. It "
        "was gone midnight. Downstairs, Mum had fallen asleep on the sofa."
    )
    assert layer_of(story, "dancing in the old kitchen") == "dream"
    assert layer_of(story, "look in the biscuit tin") == "dream"
    assert layer_of(story, "It was gone midnight") == "actual"
    assert layer_of(story, "the ceiling turned back") == "actual"


def test_picturing_in_the_sentence_of_a_hope_pictures_the_hope(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Frankie Doyle drives lorries for a haulage firm in Ennis. He dreams of opening a garage on the "
        "coast road, and on nights in the cab he pictures himself behind the counter, waving customers off. "
        "In March he puts a deposit on the derelict site."
    )
    assert unreal_segments(story) == []


def test_the_fantasys_applause_heard_again_as_a_machine(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Wren keeps the books at a shipping agency in Hull.\n\n"
        "She storms into her manager's office and resigns. The whole floor rises to applaud her as she "
        "sweeps out.\n\n"
        "The applause turns out to be the clatter of the franking machine. Wren has not left her chair."
    )
    assert layer_of(story, "The whole floor rises to applaud her") == "imagined"
    assert layer_of(story, "keeps the books") == "actual"


def test_a_concert_spun_out_of_her_sleep_after_the_hall_goes_black(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Agnes has not played in public since the accident.\n\n"
        "She walks onto the stage of the Usher Hall in a velvet gown. Her husband is in the front row, "
        "alive, and he walks out when her bow will not move.\n\n"
        "Then the hall goes black and the picture returns as her sitting room at four in the morning. Agnes "
        "has nodded off in the armchair."
    )
    assert layer_of(story, "walks onto the stage of the Usher Hall") == "dream"
    assert layer_of(story, "Then the hall goes black") == "actual"


def test_a_plan_that_never_gets_the_chance_to_go_like_that(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Roy needs the licence renewed by Friday.\n\n"
        "On Thursday the inspector arrives to find the pub gleaming. The regulars read the papers in "
        "silence, and she promises a glowing report.\n\n"
        "Thursday never gets the chance to go like that. The inspector turns up on Wednesday instead."
    )
    assert layer_of(story, "The regulars read the papers in silence") == "imagined"
    assert layer_of(story, "Roy needs the licence") == "actual"


def test_a_stretch_called_a_rehearsal_after_a_return_beat(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tamsin Gale sorts returns at a mail-order warehouse outside Swindon. For months she has kept "
        "a list of everything the shift manager, Croft, has got wrong.\n\n"
        "At the Friday briefing, Tamsin stands up and reads the list aloud. Croft goes pale, the pickers "
        "cheer, and the regional boss offers her his job on the spot.\n\n"
        "The forklift alarm beeps. Tamsin is still at the returns bench with the list folded in her "
        "pocket. The whole speech has been a rehearsal she will never give."
    )
    assert layer_of(story, "the pickers cheer") == "imagined"
    assert layer_of(story, "stands up and reads the list") == "imagined"
    assert layer_of(story, "The forklift alarm beeps") == "actual"
    assert layer_of(story, "has kept a list") == "actual"
    assert layer_of(story, "has been a rehearsal") == "actual"


def test_a_landing_that_was_a_story_she_told_herself_starts_at_the_new_moment(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The diver Orla Quist is trapped in a flooded wreck with forty minutes of air. She taps on the "
        "hull and waits. On the morning of the third day a rescue boat finds her line, and Orla is winched "
        "up into sunlight while her brother waves from the deck.\n\n"
        "Then the torch flickers. Orla is still inside the wreck, and the water is still black. The "
        "winching was a story Orla told herself to keep breathing slowly."
    )
    assert layer_of(story, "a rescue boat finds her line") == "imagined"
    assert layer_of(story, "She taps on the hull") == "actual"
    assert layer_of(story, "Then the torch flickers") == "actual"


def test_a_dream_opened_in_the_night_runs_until_the_morning(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Piet mends clocks in a shop by the canal. That night he dreams that every clock he ever repaired "
        "is ticking on his bedroom wall. His late wife is winding the tallest one. She asks him why he "
        "never fixed the kitchen clock.\n\n"
        "In the morning the wall is bare except for a calendar from 2019."
    )
    assert layer_of(story, "His late wife is winding") == "dream"
    assert layer_of(story, "She asks him why") == "dream"
    assert layer_of(story, "In the morning the wall is bare") == "actual"


def test_a_habit_of_picturing_and_a_passing_thought_are_not_passages(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Dominic drives a delivery van around Leeds. He has applied to the fire service, and every time "
        "an engine passes he pictures himself on the back step in full kit. His sister laughs at him. "
        "Marion imagines what their father would say about it, and decides not to tell him. Dominic "
        "sits the fitness test in March."
    )
    assert unreal_segments(story) == []


def test_a_rewind_into_another_version_is_an_alternate_line(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ezra Kahn runs the night desk at a radio station in Leeds. At midnight his sister calls from a "
        "police cell and he lets it ring. She is charged the next morning.\n\n"
        "Then the film rewinds to midnight and lets him pick up. In this second version, Ezra leaves the "
        "desk to an intern and drives to the station. The bulletin goes out late and he loses the job."
    )
    assert layer_of(story, "leaves the desk to an intern") == "alternate"
    assert layer_of(story, "he loses the job") == "alternate"
    assert layer_of(story, "he lets it ring") == "actual"


def test_a_reveal_naming_the_previous_chapter_exposes_that_chapter(nlp):  # type: ignore[no-untyped-def]
    story = explain(
        "## Chapter 4\n\n"
        "Marek waits all summer for the result from the academy in Kraków.\n\n"
        "## Chapter 5\n\n"
        "The envelope arrives and Marek has a place. His mother sews him a coat for the journey. In "
        "Kraków he shares a room with a cellist and plays for the professors in the spring.\n\n"
        "## Chapter 6\n\n"
        "Marek sits in the kitchen with his diary open. Everything in the previous chapter was written "
        "in that diary, and the real envelope held a refusal.",
        format="markdown",
        nlp=nlp,
    )
    assert layer_of(story, "His mother sews him a coat") == "imagined"
    assert layer_of(story, "The envelope arrives") == "imagined"
    assert layer_of(story, "waits all summer") == "actual"
    assert layer_of(story, "sits in the kitchen") == "actual"


def test_a_critics_past_tense_i_is_commentary_not_a_narrator(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I went into Salt Marsh expecting a quiet film about birdwatchers. I came out of the screening "
        "shaken. I had not expected the director to be so cruel to her heroine.\n\n"
        "Ilse Brandt counts godwits on the Wash for a charity that is running out of money. Her son "
        "moves back home after losing his job, and the two of them fight about the car.\n\n"
        "I wanted more of the son. I will not spoil the ending, but I cried at the last shot."
    )
    assert layer_of(story, "I came out of the screening") == "commentary"
    assert layer_of(story, "I wanted more of the son") == "commentary"
    assert layer_of(story, "counts godwits") == "actual"


def test_a_flashback_told_at_the_table_and_called_made_up_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nana Rose put down her fork and looked at her grandson.\n\n"
        '"Have I ever told you about the night the pier burned?"\n\n'
        "Ewan shook his head.\n\n"
        "In the summer of 1958, Rose Quayle was seventeen and sold tickets at the end of Brightsea pier. "
        "On the last night of August a fire started under the ballroom. She led forty dancers along the "
        "boards to the shore while the planks burned behind them.\n\n"
        '"Forty people," Ewan said.\n\n'
        "His mother laughed into her tea.\n\n"
        '"Mum, you were in Leeds that summer."\n\n'
        '"I was in Leeds later."\n\n'
        '"Nana, did you make that up?"'
    )
    assert layer_of(story, "She led forty dancers") == "imagined"
    assert layer_of(story, "Ewan shook his head") == "actual"


def test_a_flashback_told_at_the_table_and_never_doubted_stays_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nana Rose put down her fork and looked at her grandson.\n\n"
        '"Have I ever told you about the night the pier burned?"\n\n'
        "Ewan shook his head.\n\n"
        "In the summer of 1958, Rose Quayle was seventeen and sold tickets at the end of Brightsea pier. "
        "On the last night of August a fire started under the ballroom. She led forty dancers along the "
        "boards to the shore while the planks burned behind them.\n\n"
        '"Forty people," Ewan said.\n\n'
        "His mother squeezed Nana's hand."
    )
    assert layer_of(story, "She led forty dancers") not in UNREAL


def test_we_are_back_in_an_earlier_year_opens_no_reveal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "A boy's body is found under the pier at Saltcote.\n\n"
        "DCI Rhona Blair questions the harbourmaster about the drowned boy. He says he saw nothing. "
        "Blair drives back to the station in the rain.\n\n"
        "In grainy footage we are back on the harbour wall in 1994, where two boys dare each other to "
        "jump. Only one of them climbs out."
    )
    assert unreal_segments(story) == []
    assert layer_of(story, "He says he saw nothing") == "actual"


def test_never_left_the_seat_and_the_version_she_was_rehearsing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Lucia Ferro owes money to the Bassi brothers, who are holding her cousin at their boatyard.\n\n"
        "On Friday night she drives to the boatyard with a crowbar and parks by the gate. She smashes "
        "the office window, frees her cousin and sets the brothers' launch adrift.\n\n"
        "The picture of the drifting launch dissolves into the same yard standing quiet behind a "
        "windscreen. Lucia has never left the driver's seat; the window, the rescue and the launch were "
        "the version of the night she had been rehearsing for an hour. She drives home."
    )
    assert layer_of(story, "frees her cousin") == "imagined"
    assert layer_of(story, "She drives home") == "actual"
    assert layer_of(story, "owes money") == "actual"


def test_a_reveal_that_names_where_the_hallucination_began(nlp):  # type: ignore[no-untyped-def]
    story = explain(
        "# Whiteout, explained\n\n"
        "Mara climbs alone to the refuge hut after the avalanche. She forces the door, and inside the "
        "lamp is already burning. Her brother is sitting beside it, alive, and he apologises for "
        "everything. At dawn a helicopter lifts them both off the col.\n\n"
        "## The clue in the snow\n\n"
        "Go back to the shot of the hut before she opens the door. Only one set of footprints leads to "
        "it. Everything from the burning lamp onward, then, is the cold talking.",
        format="markdown",
        nlp=nlp,
    )
    assert layer_of(story, "he apologises for everything") == "imagined"
    assert layer_of(story, "a helicopter lifts them") == "imagined"
    assert layer_of(story, "climbs alone to the refuge") == "actual"
    assert layer_of(story, "Go back to the shot") == "commentary"


def test_a_later_stretch_of_the_parallel_strand_is_alternate(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Dr. Ffion Rees builds a lens that shows her the life she would have had if she had taken the job "
        "in Oslo. She watches it every night.\n\n"
        "Back in her own flat, Ffion stops answering her phone.\n\n"
        "In the final scenes of the other strand, the other Ffion sells the Oslo flat and moves home to "
        "nurse her father. She never marries."
    )
    assert layer_of(story, "sells the Oslo flat") == "alternate"
    assert layer_of(story, "She never marries") == "alternate"
    assert layer_of(story, "stops answering her phone") == "actual"


def test_a_story_the_old_man_starts_telling_that_turns_out_untrue(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Pieter Maas, a retired lock-keeper, looks after his grandson Bram for the summer. The boy is "
        "bored until a storm cuts the power, and the old man starts talking.\n\n"
        "In 1944 Pieter is seventeen and keeps the lock at Zwartsluis for his father. Every night he "
        "hides two airmen in the sluice house and rows them across the lake before dawn. A patrol boat "
        "catches him once, and he talks his way out of it in German.\n\n"
        "Bram tells his mother everything. She brings the village records, and it turns out that "
        "Pieter never kept the lock: he worked in a bakery in Kampen, and the lock belonged to a "
        "neighbour who was arrested that winter.",
    )
    assert layer_of(story, "hides two airmen in the sluice house") == "imagined"
    assert layer_of(story, "looks after his grandson") == "actual"
    assert layer_of(story, "She brings the village records") == "actual"


def test_a_reviews_facts_line_is_furniture_and_craft_talk_is_commentary(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The Lock-Keeper, directed by Anneke Smit. Netherlands, 2022, 104 minutes. In Dutch with English "
        "subtitles.\n\n"
        "Pieter Maas keeps the lock at Zwartsluis. Smit shoots these scenes in a cold green light."
    )
    assert layer_of(story, "Netherlands, 2022, 104 minutes") == "meta"
    assert layer_of(story, "with English subtitles") == "meta"
    assert layer_of(story, "shoots these scenes") == "commentary"
    assert layer_of(story, "keeps the lock") == "actual"


def test_a_story_the_old_man_tells_that_the_records_bear_out_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Pieter Maas, a retired lock-keeper, looks after his grandson Bram for the summer. The boy is "
        "bored until a storm cuts the power, and the old man starts talking.\n\n"
        "In 1944 Pieter is seventeen and keeps the lock at Zwartsluis for his father. Every night he "
        "hides two airmen in the sluice house and rows them across the lake before dawn.\n\n"
        "Bram tells his mother everything. She brings the village records, and it turns out that both "
        "airmen reached England and wrote to Pieter after the war."
    )
    assert layer_of(story, "hides two airmen in the sluice house") not in UNREAL


def test_a_verdict_on_an_actor_named_by_surname_is_commentary(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Walter Pike (Timothy Spall) tends the cricket square at Ashcombe. His granddaughter Rosie "
        "(Ella Harwood-Nakamura) bowls every evening against the shed door. Spall is magnificent. "
        "Harwood-Nakamura is the real find. Walter sells the roller in August."
    )
    assert layer_of(story, "Spall is magnificent") == "commentary"
    assert layer_of(story, "Harwood-Nakamura is the real find") == "commentary"
    assert layer_of(story, "sells the roller") == "actual"


def test_a_triumph_conjured_while_she_dozed_is_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mared Lloyd runs the post office in Llanfair and suspects the council of selling the common.\n\n"
        "She copies the minutes and drives them to the newspaper in Bangor. The editor prints them on the "
        "front page, the sale is cancelled, and the whole village cheers her outside the chapel.\n\n"
        "The kettle whistles and Mared jolts upright in her armchair. The front page and the cheering "
        "were conjured in the few minutes she dozed, and the minutes are still in her handbag."
    )
    assert layer_of(story, "editor prints them") == "dream"
    assert layer_of(story, "drives them to the newspaper") == "dream"
    assert layer_of(story, "suspects the council") == "actual"
    assert layer_of(story, "jolts upright") == "actual"


def test_a_recovery_that_took_place_behind_closed_eyes_is_unreal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ivor Bevan has farmed the same hill for sixty years. In March he has a stroke and is taken to "
        "hospital in Carmarthen.\n\n"
        "Ivor walks his fields again by May, and his son comes home from Cardiff to help with the "
        "lambing. They rebuild the wall by the top gate together.\n\n"
        "Every moment of that spring took place behind his closed eyes. Ivor dies in June without "
        "waking."
    )
    assert layer_of(story, "walks his fields again") in UNREAL
    assert layer_of(story, "rebuild the wall") in UNREAL
    assert layer_of(story, "Ivor dies in June") == "actual"


def test_someone_sitting_bolt_upright_in_a_linear_story_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nerys Price drives the night bus from Swansea to Cardiff. A drunk passenger falls asleep on the "
        "back seat, and at Bridgend he sits bolt upright and demands to be let off. Nerys stops the bus, "
        "and he walks off into the rain."
    )
    assert not [s for s in story.segments if s.layer in UNREAL]


def test_a_daydream_told_in_the_present_runs_until_the_past_returns(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Osian waited by the noticeboard with the rest of the squad. The team sheet was late. Coach Rhys "
        "had said two o'clock, and it was already ten past. Osian pictured it, just for a moment.\n\n"
        "His name is at the top of the sheet, in capitals. The others crowd round and slap his back.\n\n"
        '"Told you," says Gethin. "Told you all season."\n\n'
        "Rhys shakes his hand and gives him the captain's armband.\n\n"
        '"Osian. Osian, mate."\n\n'
        "Gethin was tugging at his sleeve. The sheet was up, and his name was on the bench."
    )
    assert layer_of(story, "His name is at the top") == "imagined"
    assert layer_of(story, "captain's armband") == "imagined"
    assert layer_of(story, "tugging at his sleeve") == "actual"
    assert layer_of(story, "his name was on the bench") == "actual"
    assert layer_of(story, "The team sheet was late") == "actual"


def test_a_companion_revealed_absent_by_an_empty_sleeping_bag(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Greta Lind is stranded in a tent at Camp Two when the storm comes in.\n\n"
        "On the second night her climbing partner Oskar unzips the tent and crawls in out of the snow. He "
        "lights the stove and makes her drink tea until her hands stop shaking.\n\n"
        "The rescue team that reaches the tent on the fourth day finds Greta talking to the empty "
        "sleeping bag beside her. Oskar fell from the ridge on the first day."
    )
    assert layer_of(story, "crawls in out of the snow") == "imagined"
    assert layer_of(story, "lights the stove") == "imagined"
    assert layer_of(story, "stranded in a tent") == "actual"
    assert layer_of(story, "fell from the ridge") == "actual"


def test_in_a_review_a_plain_happening_is_plot_and_the_heart_of_the_film_is_opinion(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I went in expecting very little from this film, and I came out wanting to see it again. It is "
        "beautifully shot and the cast is wonderful.\n\n"
        "Hollis Reed (Mara Stone) farms wheat on leased land. The Trust sends a lawyer to end the lease. "
        "The harvest comes in.\n\n"
        "Their scenes together are the heart of the film. I suspect many viewers will cry."
    )
    assert layer_of(story, "The harvest comes in") == "actual"
    assert layer_of(story, "The Trust sends a lawyer") == "actual"
    assert layer_of(story, "the heart of the film") == "commentary"


def test_a_reveal_that_opens_a_new_section_looks_back_across_its_heading(nlp) -> None:  # type: ignore[no-untyped-def]
    story = explain(
        "# Whiteout, explained\n\n"
        "Sigrid Dahl is stranded alone in a tent at Camp Three after the storm.\n\n"
        "On the third morning her partner Jonas crawls into the tent, frostbitten but grinning. He melts "
        "snow for tea and talks her down the icefall one anchor at a time.\n\n"
        "## What the rescuers found\n\n"
        "None of it happened. The helicopter crew finds Sigrid still in the tent, and Jonas has been "
        "dead since the first night.\n",
        format="md",
        nlp=nlp,
    )
    assert layer_of(story, "crawls into the tent") == "imagined"
    assert layer_of(story, "melts snow for tea") == "imagined"
    assert layer_of(story, "stranded alone in a tent") == "actual"
    assert layer_of(story, "helicopter crew finds") == "actual"


def test_an_alibi_told_as_plot_that_then_comes_apart_was_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Detective Ana Ruiz questions Colm Doyle about the night the boathouse burned.\n\n"
        "After locking up at six, Colm drives to his sister's flat with a bag of chips. They watch a film "
        "together, and at eleven he drives home and goes to bed.\n\n"
        "Then his story begins to come apart. A petrol receipt puts Colm at the marina at ten."
    )
    assert layer_of(story, "drives to his sister's flat") == "imagined"
    assert layer_of(story, "watch a film together") == "imagined"
    assert layer_of(story, "questions Colm Doyle") == "actual"
    assert layer_of(story, "A petrol receipt") == "actual"


def test_a_driver_who_insists_he_never_dozed_off_opens_no_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Dr. Nadia Osei runs the sleep laboratory at St. Brendan's.\n\n"
        "A lorry driver, Gerald Finch, insists he has never dozed off behind the wheel and blames the "
        "steering for the crash. Osei is not persuaded and wires him up for a night in the lab. The "
        "monitors show nothing unusual until three. Finch admits in the morning that he woke twice "
        "in the night."
    )
    assert not [s for s in story.segments if s.layer in UNREAL]


def test_the_director_cutting_back_to_the_rank_reveals_the_day_before_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Small Hours review: a Glasgow cabbie's longest weekend. Four stars.\n\n"
        "Eddie Rourke drives a black cab out of the rank at Queen Street every night, and his daughter "
        "Shona is getting married on Saturday without him.\n\n"
        "The first two nights are a string of fares, some funny, some frightening.\n\n"
        "Then comes Saturday. Shona flags down his cab outside the bus station and climbs in the front. "
        "At the reception she drags him up to make a speech, and the whole room stands.\n\n"
        "And then Lindsay cuts back to the rank. Eddie is exactly where we left him, the engine idling, "
        "and a lad is knocking on the window."
    )
    assert layer_of(story, "Shona flags down his cab") == "imagined"
    assert layer_of(story, "the whole room stands") == "imagined"
    assert layer_of(story, "a string of fares") == "actual"
    assert layer_of(story, "a lad is knocking") == "actual"


def test_a_thing_found_still_where_it_was_put_exposes_the_lines_that_took_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tide Table is a 2021 Welsh drama film.\n\n"
        "Plot\n\n"
        "Gwen Pryce comes home to Aberdaron to bury her brother. After the funeral she puts his compass "
        "in the kitchen drawer and sits up late with her niece, Elin. At dawn Gwen rows out past the point "
        "with the compass in her pocket and throws it into the sea where he used to fish. She rows back "
        "singing. When Elin comes down for breakfast, the compass is still in the kitchen drawer, and "
        "Gwen is asleep at the table.\n\n"
        "Gwen leaves for Cardiff the next day."
    )
    # (found asleep at the table, she may have dreamt it: unreal either way)
    assert layer_of(story, "At dawn Gwen rows out") in ("imagined", "dream")
    assert layer_of(story, "She rows back singing") in ("imagined", "dream")
    assert layer_of(story, "puts his compass in the kitchen drawer") == "actual"
    assert layer_of(story, "the compass is still in the kitchen drawer") == "actual"
    assert layer_of(story, "Gwen leaves for Cardiff") == "actual"


def test_a_thing_still_where_it_was_left_in_a_linear_story_opens_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Gwen Pryce puts her brother's compass in the kitchen drawer and goes out to the boat. She fishes "
        "all morning and comes home with nothing. The compass is still in the kitchen drawer when she "
        "looks for it that night."
    )
    assert {s.layer for s in story.sentences} == {"actual"}


def test_a_scene_found_as_it_was_and_a_line_saying_how_long_she_was_out_expose_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Night Shift, episode six: the finale explained\n\n"
        "Inspector Rhian Gale has not slept in three days. At four in the morning she sits across the "
        "table from the suspect, Colin Marsh, who has said nothing for six hours.\n\n"
        "Marsh finally talks. He gives her the address of a lock-up in Splott, and Rhian drives there "
        "through the rain, breaks the padlock and finds the missing boy asleep on a camp bed. The boy's "
        "mother runs across the car park to meet them.\n\n"
        "Then the camera finds the clock above the door of the interview room. Marsh is sitting exactly "
        "as he was, arms folded. \u201cSix minutes you were out, ma'am,\u201d says the constable by the door.\n\n"
        "The boy is found two days later by a dog walker."
    )
    assert layer_of(story, "Marsh finally talks") == "dream"
    assert layer_of(story, "The boy's mother runs across") == "dream"
    assert layer_of(story, "has said nothing for six hours") == "actual"
    assert layer_of(story, "Marsh is sitting exactly as he was") == "actual"
    assert layer_of(story, "found two days later by a dog walker") == "actual"


def test_a_knock_on_the_window_confirmed_by_the_engine_still_running_exposes_the_scene_since_he_got_out(
    story_of,
):  # type: ignore[no-untyped-def]
    story = story_of(
        "Owen pulled up outside his sister's house and sat with the engine running. The card was on the "
        "passenger seat. He had signed it twice.\n\n"
        "He got out, walked up the path and rang the bell. Carys opened the door in her dressing gown.\n\n"
        "\u201cI'm sorry,\u201d he said. She laughed and pulled him inside, and they ate cold pizza on the "
        "stairs like they used to.\n\n"
        "Somebody knocked on the car window. A traffic warden was bent down beside it, writing. Owen "
        "looked at the card. The engine was still running, and the front door was shut, exactly as it had "
        "been when he pulled up.\n\n"
        "He drove home."
    )
    assert layer_of(story, "walked up the path") == "imagined"
    assert layer_of(story, "ate cold pizza on the stairs") == "imagined"
    assert layer_of(story, "He had signed it twice") == "actual"
    assert layer_of(story, "Somebody knocked on the car window") == "actual"
    assert layer_of(story, "He drove home") == "actual"


def test_a_witness_line_after_the_return_gives_away_the_call_made_alone(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ffion packed the last box while her brother Dai taped it shut.\n\n"
        "\u201cRing Dad,\u201d Dai said. \u201cYou promised.\u201d\n\n"
        "Ffion took her phone out to the garden and sat on the wall. She rang, and Dad answered at once.\n\n"
        "\u201cFfion? Everything all right?\u201d\n\n"
        "\u201cWe're moving on Friday.\u201d\n\n"
        "\u201cThat's grand, love. I'll come and help you unpack.\u201d\n\n"
        "When she went back in, Dai was making tea.\n\n"
        "\u201cWell?\u201d\n\n"
        "\u201cHe's coming to help us unpack.\u201d\n\n"
        "Dai held up her phone. \u201cThis has been on the windowsill the whole time. You were talking to "
        "the trees.\u201d"
    )
    assert layer_of(story, "Dad answered at once") == "imagined"
    assert layer_of(story, "I'll come and help you unpack") == "imagined"
    assert layer_of(story, "took her phone out to the garden") == "actual"
    assert layer_of(story, "Dai was making tea") == "actual"
    assert layer_of(story, "Dai held up her phone") == "actual"


def test_talking_to_yourself_said_of_a_scene_with_nobody_gone_and_back_opens_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ffion and Dai cleared the attic all afternoon.\n\n"
        "\u201cYou were talking to yourself up there,\u201d Dai said.\n\n"
        "\u201cI always do,\u201d said Ffion."
    )
    assert {s.layer for s in story.sentences} == {"actual"}


def test_a_clock_chiming_as_a_dozer_stirs_and_an_instant_between_chimes_expose_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Grandad Iwan lays the table for six and waits for his sons, who have not spoken to each other in "
        "years.\n\n"
        "At one o'clock both sons walk in together. They shake hands over the gravy boat, and everyone "
        "pulls a cracker.\n\n"
        "Then the clock on the dresser strikes two, and Iwan stirs in his armchair. The table is laid and "
        "untouched. The handshake and the crackers came to him somewhere between one chime and the next.\n\n"
        "Only the younger son comes, at four."
    )
    assert layer_of(story, "both sons walk in together") == "dream"
    assert layer_of(story, "They shake hands over the gravy boat") == "dream"
    assert layer_of(story, "lays the table for six") == "actual"
    assert layer_of(story, "Only the younger son comes") == "actual"


def test_the_last_time_someone_had_slept_somewhere_is_a_memory_not_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Cerys carried her bag up to the box room. The last time she had slept in that room she was "
        "nine, the night of the flood, and she had fallen asleep on her mother's lap. Now the room smelled "
        "of paint."
    )
    assert "dream" not in {s.layer for s in story.sentences}


def test_a_feat_denied_after_the_camera_drifts_back_exposes_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Halyard review: a tanker drama that saves its best trick for last.\n\n"
        "When the pump room floods, the bosun, Arne Falk, is told to wait for the coastguard.\n\n"
        "Arne goes down anyway. He wades through the pump room and shuts the valve by hand. The crew carry him up on "
        "their shoulders.\n\n"
        "Over the cheering, the camera drifts backwards into the sick bay, where Arne lies bandaged and "
        "still. He never got as far as the pump room: the blast caught him on the ladder.\n\n"
        "Halyard runs 104 minutes."
    )
    assert layer_of(story, "He wades through the pump room") in UNREAL
    assert layer_of(story, "The crew carry him up") in UNREAL
    assert layer_of(story, "is told to wait for the coastguard") == "actual"
    assert layer_of(story, "He never got as far as the pump room") == "actual"
    assert layer_of(story, "Halyard runs 104 minutes.") == "meta"


def test_an_episode_jumping_back_some_years_opens_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Dr Ana Reis runs the night ward alone. The episode then jumps back ten years to Ana as a student "
        "in Coimbra. She faints at her first post-mortem.\n\n"
        "Back on the ward, a porter brings her coffee."
    )
    assert layer_of(story, "She faints at her first post-mortem") == "flashback"
    assert layer_of(story, "a porter brings her coffee") == "actual"


def test_a_bell_someone_is_let_ring_inside_a_daydream_does_not_end_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "On the ferry, Walter closes his eyes and lets himself picture the week ahead. In his version the "
        "sun is out in Bergen. He rides the funicular to the top, and the driver lets him ring the bell. On "
        "his last night a choir sings under his window.\n\n"
        "The Bergen he actually gets is wet."
    )
    assert layer_of(story, "the driver lets him ring the bell") == "imagined"
    assert layer_of(story, "a choir sings under his window") == "imagined"
    assert layer_of(story, "The Bergen he actually gets is wet") == "actual"


def test_in_his_dream_at_the_start_of_a_sentence_opens_a_dream_and_the_morning_closes_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Pavel and his brother are snowed in at the hut for a week. On the fourth night Pavel dozes off by the "
        "stove. In his dream, their mother is young again and skates with him across the frozen lake. She "
        "laughs and pulls him towards the far shore.\n\n"
        "By morning the snow has stopped, and the brothers dig their way out."
    )
    assert layer_of(story, "their mother is young again") == "dream"
    assert layer_of(story, "She laughs and pulls him") == "dream"
    assert layer_of(story, "the brothers dig their way out") == "actual"
    assert layer_of(story, "snowed in at the hut") == "actual"


def test_a_dream_of_becoming_something_is_still_an_ambition(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Sunita works nights at the depot. In her dream of becoming a pilot there is no room for the depot. "
        "She saves every spare pound for lessons."
    )
    assert {s.layer for s in story.sentences} == {"actual"}


def test_the_first_thing_pictured_after_an_announced_picture_is_no_interruption(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Halvard waits out the storm in the signal box. In the lamplight he lets himself picture the homecoming "
        "that was never allowed him. His daughter knocks at the door of the farmhouse with her children. They "
        "eat at the long table and nobody mentions the trial.\n\n"
        "The signal box shudders as the night freight goes through, and Halvard is alone with the levers."
    )
    assert layer_of(story, "His daughter knocks at the door") == "imagined"
    assert layer_of(story, "They eat at the long table") == "imagined"
    assert layer_of(story, "The signal box shudders") == "actual"


def test_someone_found_still_in_their_seat_after_driving_off_exposes_the_drive(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ferdie Bell (Arlo Kane) takes the late shift on the harbour radio. At midnight a yacht reports a "
        "fire off the point, and Ferdie calls out the lifeboat.\n\n"
        "Ferdie grabs his coat and races down to the quay. He steers his own launch through the swell and "
        "hauls the skipper aboard.\n\n"
        "Then the radio crackles. Ferdie is still at the desk, the headphones still on, his coat on its hook. "
        "The lifeboat reaches the yacht twenty minutes later."
    )
    assert layer_of(story, "races down to the quay") in UNREAL
    assert layer_of(story, "hauls the skipper aboard") in UNREAL
    assert layer_of(story, "takes the late shift") == "actual"
    assert layer_of(story, "The lifeboat reaches the yacht") == "actual"


def test_a_waking_keeps_a_later_return_to_the_opening_scene_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film opens in 2015 with a search party finding an empty tent on the ridge. In 2014 Odile sets "
        "out to climb the peak alone. On the second night she sleeps in the tent. In her dream, her sister is "
        "beside her and they reach the top together.\n\n"
        "At dawn the wind has dropped. Odile turns back and walks down to the valley, leaving the tent behind. "
        "The last scene returns to the search party in 2015."
    )
    assert layer_of(story, "her sister is beside her") == "dream"
    assert layer_of(story, "Odile turns back and walks down") == "actual"
    assert layer_of(story, "At dawn the wind has dropped") == "actual"


def test_hardly_any_time_having_passed_exposes_a_life_told_as_years(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "At the station Jonas asks Ilse to stay in Lisbon with him. She looks at the train.\n\n"
        "Ilse stays. By the autumn she has found work at the conservatory, and they marry in a chapel by the "
        "river. Their son learns to swim off the rocks at Cascais, and the decades slide by.\n\n"
        "The guard blows his whistle. Ilse is on the platform with her case, the clock hardly later than "
        "before, and Jonas has let go of her sleeve. She gets on the train."
    )
    assert layer_of(story, "they marry in a chapel") in UNREAL
    assert layer_of(story, "Their son learns to swim") in UNREAL
    assert layer_of(story, "Ilse is on the platform") == "actual"
    assert layer_of(story, "She gets on the train") == "actual"


def test_a_machine_still_warming_up_after_a_cut_back_exposes_the_scene(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Recap: Orla brings the coffee round and her manager sneers at her again.\n\n"
        "Orla walks into his office and tells him exactly what she thinks of him. He apologises in front of "
        "the whole team, and she leaves to a round of applause.\n\n"
        "Cut to the kitchen. The kettle is still boiling, and Orla is holding the tray."
    )
    assert layer_of(story, "walks into his office") in UNREAL
    assert layer_of(story, "He apologises in front of the whole team") in UNREAL
    assert layer_of(story, "The kettle is still boiling") == "actual"


def test_a_run_of_would_that_spells_out_a_plan_is_no_imagined_scene(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mam drew up the plan on a napkin. Uncle Des would collect Grandad at noon. We would decorate the "
        "back room while he was out. When he came in, the twins would start the music.\n\n"
        "At noon Uncle Des collected Grandad, and we got to work."
    )
    assert {s.layer for s in story.sentences} == {"actual"}


def test_a_dream_inside_a_play_staged_in_the_story_is_no_dream_of_the_story(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The amateur company puts on its last show before the theatre is sold. Opening night is packed. In "
        "the third act, the widow falls asleep at her loom and dreams that her son comes home, and Bryony "
        "plays the scene without a tear. The audience stands at the curtain call."
    )
    assert "dream" not in {s.layer for s in story.sentences}


def test_a_tale_a_relative_tells_the_narrator_is_imagined_once_a_line_denies_its_deed(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I was nine the year I stopped believing Uncle Ray. Every Christmas I asked him about the medal, and "
        "every Christmas he told me. I sat on the arm of his chair. This year the pudding was burning, but he "
        "told me anyway, and this is how it went.\n\n"
        "In the winter of 1971 the pit flooded at Blaen Ddu. Ray was twenty and working the night shift. "
        "He swam down the drowned heading with a lamp in his teeth and brought out three men, one at a "
        "time.\n\n"
        "On the way home Mam waited until we reached the bridge.\n\n"
        "\u201cHe was never down the pit that night,\u201d she said. \u201cHe was in the pub.\u201d\n\n"
        "\u201cThen where's the medal from?\u201d\n\n"
        "\u201cBlackpool. A darts league.\u201d"
    )
    assert layer_of(story, "He swam down the drowned heading") == "imagined"
    assert layer_of(story, "Ray was twenty and working the night shift") == "imagined"
    assert layer_of(story, "On the way home Mam waited") == "actual"


def test_a_tale_told_to_the_narrator_that_nothing_denies_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I was nine the year I stopped believing Uncle Ray. Every Christmas I asked him about the medal, and "
        "every Christmas he told me. I sat on the arm of his chair. This year the pudding was burning, but he "
        "told me anyway, and this is how it went.\n\n"
        "In the winter of 1971 the pit flooded at Blaen Ddu. Ray was twenty and working the night shift. "
        "He swam down the drowned heading with a lamp in his teeth and brought out three men, one at a "
        "time.\n\n"
        "On the way home Mam waited until we reached the bridge.\n\n"
        "\u201cHe never talks about the ones he couldn't reach,\u201d she said."
    )
    assert "imagined" not in {s.layer for s in story.sentences}


def test_someone_beginning_to_see_things_opens_a_hallucination(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Deep into the second week of the blockade, Sergeant Lowe begins to see things. His old captain is "
        "sitting on the sandbags, smoking and laughing at his jokes. The captain tells him the relief column "
        "is an hour away.\n\n"
        "At dawn the sandbags are bare, and the relief column never comes."
    )
    assert layer_of(story, "His old captain is sitting on the sandbags") == "imagined"
    assert layer_of(story, "The captain tells him the relief column") == "imagined"
    assert layer_of(story, "the relief column never comes") == "actual"


def test_a_call_then_the_papers_back_in_their_usual_pile_expose_a_scene(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Recap: Petra is told that her boss has taken the credit for her audit again.\n\n"
        "Petra marches into his office and tips the pile of folders off his desk. She tells him exactly what "
        "he is, and the whole department cheers as she leaves.\n\n"
        "\u201cPetra?\u201d\n\n"
        "Her boss is frowning at her from his chair, and the folders sit in their usual tidy pile."
    )
    assert layer_of(story, "tips the pile of folders off his desk") in UNREAL
    assert layer_of(story, "the whole department cheers") in UNREAL
    assert layer_of(story, "the folders sit in their usual tidy pile") == "actual"


def test_a_clock_behind_a_time_the_passage_gave_exposes_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Night porter Abel Marsh keeps an eye on the guest in room 12, who has paid in cash for a week.\n\n"
        "At twenty past three, Abel lets himself into room 12 with the spare key. The guest is packing a gun "
        "into a suitcase, and Abel talks him into handing it over. The police arrive and shake his hand.\n\n"
        "Then the switchboard buzzes. Abel lifts his head from the desk, and the clock over the door says 3:05."
    )
    assert layer_of(story, "Abel lets himself into room 12") in UNREAL
    assert layer_of(story, "The police arrive and shake his hand") in UNREAL
    assert layer_of(story, "the clock over the door says 3:05") == "actual"


def test_a_story_he_told_me_about_is_exposed_by_a_list_without_him(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I was ten the summer Nain came to stay with us, and I followed her everywhere. The first night she "
        "told me about the fire.\n\n"
        "It was 1961 and she was sixteen. The mill at Tregarth caught light at midnight, and Nain ran in "
        "through the smoke and carried the night watchman out on her back.\n\n"
        "In the autumn I found the newspaper report in the library. It listed everyone who helped that "
        "night. There was no Nain on it anywhere. I never asked her about it."
    )
    assert layer_of(story, "Nain ran in through the smoke") == "imagined"
    assert layer_of(story, "I found the newspaper report") == "actual"


def test_a_happening_the_passage_told_said_never_to_have_taken_place_reveals_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Twenty years on, Cass walks into Tom's bakery in Whitby. He looks up from the ovens.\n\n"
        "This time she stays. They marry on the pier in the spring, and at the wedding his brother plays "
        "the fiddle. Their son learns to bake before he can read.\n\n"
        "The wedding on the pier never took place. Cass buys a loaf, pays, and leaves."
    )
    assert layer_of(story, "They marry on the pier") in UNREAL
    assert layer_of(story, "Their son learns to bake") in UNREAL
    assert layer_of(story, "Cass buys a loaf") == "actual"


def test_a_sleep_said_to_be_dreamless_holds_no_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The night before the trial, Hana falls asleep over her notes. She sleeps without dreaming and "
        "wakes at seven to find the coffee already made. The trial begins at ten."
    )
    assert "dream" not in {s.layer for s in story.sentences}


def test_an_article_saying_we_then_learn_beside_a_denied_thing_exposes_the_rescue(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ending explained: Snowline\n\n"
        "Bryn falls through the cornice and lies with a broken ankle in the gully all night.\n\n"
        "At first light his old climbing partner Sid comes over the ridge with a stretcher, and the two of "
        "them sing all the way down to a warm hut.\n\n"
        "We then learn that Sid died on that ridge in 2019. There is no hut. Bryn is still in the gully, "
        "and he crawls out alone the next afternoon."
    )
    assert layer_of(story, "comes over the ridge with a stretcher") in UNREAL
    assert layer_of(story, "he crawls out alone") == "actual"


def test_a_clock_on_a_line_of_its_own_before_the_return_belongs_to_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "At five past nine Lorna is filing invoices at the insurance office.\n\n"
        "She stands, tells the partners what she thinks of them, and catches the 10.30 train to the coast. "
        "By noon she is swimming off the rocks at Porthcawl.\n\n"
        "The clock on the wall says 9.07.\n\n"
        "The invoice is still in her hand, and the partners are still in their meeting."
    )
    assert layer_of(story, "catches the 10.30 train") in UNREAL
    assert layer_of(story, "By noon she is swimming") in UNREAL
    assert layer_of(story, "The clock on the wall says 9.07") == "actual"


def test_a_guard_asking_for_tickets_then_the_view_from_the_window_expose_a_dozed_arrival(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Aled takes the late train to Aberystwyth to see his father for the first time in nine years. He "
        "rests his head against the glass somewhere after Machynlleth.\n\n"
        "The train pulls in on time, and his father is waiting at the barrier with two teas. They walk "
        "along the prom, and his father says sorry before Aled can.\n\n"
        "\u201cTickets from Shrewsbury, please.\u201d\n\n"
        "A guard is standing over him. Outside the window it is still dark, and the fields go by."
    )
    assert layer_of(story, "his father is waiting at the barrier") == "dream"
    assert layer_of(story, "They walk along the prom") == "dream"
    assert layer_of(story, "A guard is standing over him") == "actual"


def test_someone_coming_to_fetch_him_then_his_eyes_opening_expose_the_dance(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "At the christening party Eamon sits by the wall with his stick across his knees.\n\n"
        "The band plays their old waltz. Nora takes his hands, and they dance the length of the hall while "
        "the grandchildren clap. She leans her head on his shoulder the way she always did.\n\n"
        "It was his son who came to fetch him. By the time he reached the floor the waltz had ended, and "
        "his father was standing alone in the middle of it with his eyes shut.\n\n"
        "\u201cDad?\u201d\n\n"
        "Eamon opened his eyes. Nora's chair by the wall was empty, as it had been for two years."
    )
    assert layer_of(story, "they dance the length of the hall") in UNREAL
    assert layer_of(story, "She leans her head on his shoulder") in UNREAL
    assert layer_of(story, "It was his son who came to fetch him") == "actual"
    assert layer_of(story, "Eamon opened his eyes") == "actual"


def test_an_opening_set_in_a_year_the_story_then_goes_back_before_is_a_flash_forward(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Plot\n\n"
        "The film opens in March 1994 with a trawler found drifting off Whitby, its wheelhouse empty. In "
        "the summer of 1993, Jack Hewitt buys the trawler with his redundancy money. He fishes it alone "
        "for a season. In the final scene, the drifting trawler is towed into Whitby."
    )
    assert layer_of(story, "The film opens in March 1994") == "flash_forward"
    assert layer_of(story, "Jack Hewitt buys the trawler") == "actual"
    assert layer_of(story, "the drifting trawler is towed") == "actual"


def test_an_opening_year_followed_by_a_later_one_is_no_flash_forward(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film opens in 1971 in a Glasgow shipyard. In 1972 the yard closes, and Rab moves to London."
    )
    assert "flash_forward" not in {s.layer for s in story.sentences}


def test_a_talk_played_through_alone_both_parts_is_imagined_back_to_its_start(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The flat still smelled of Dad's pipe, though he had been gone a year. Mira put two cups out on the "
        "draining board and waited for her sister.\n\n"
        "Lena came at seven, with a bottle of wine and a look that said she knew.\n\n"
        "\u201cSay it, then,\u201d she said.\n\n"
        "\u201cI'm not selling.\u201d\n\n"
        "\u201cThen don't. I never wanted to.\u201d Lena poured the wine and they laughed about the wallpaper.\n\n"
        "The fridge hummed and clicked off.\n\n"
        "The wine was still in the rack. Mira was standing by the window with her keys in her hand, and she "
        "had been playing both parts of it for half an hour. At ten past seven the buzzer went."
    )
    assert layer_of(story, "Lena came at seven") == "imagined"
    assert layer_of(story, "Lena poured the wine") == "imagined"
    assert layer_of(story, "The fridge hummed and clicked off") == "actual"
    assert layer_of(story, "playing both parts") == "actual"
    assert layer_of(story, "At ten past seven the buzzer went") == "actual"


def test_a_thing_found_undone_takes_the_passage_back_to_where_it_was_done(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Samuel Achebe has one chance to save the boatyard: a grant from the county council.\n\n"
        "On the Monday he irons his only shirt and drives to Exeter with the application in his briefcase. "
        "At County Hall a committee of three hears him out. The chair reads the plans and stamps the "
        "application, and the clerk shakes his hand.\n\n"
        "That night the whole yard drinks to the grant in the shed, and his daughter hangs a banner over the "
        "slipway.\n\n"
        "When Samuel has not come home by ten, his daughter drives to Exeter. She finds him in the car park "
        "behind County Hall with the engine off. The application is still in his briefcase, unstamped. He "
        "never went in."
    )
    assert layer_of(story, "drives to Exeter with the application") == "actual"
    assert layer_of(story, "hears him out") == "imagined"
    assert layer_of(story, "drinks to the grant") == "imagined"
    assert layer_of(story, "has not come home by ten") == "actual"
    assert layer_of(story, "unstamped") == "actual"


def test_a_machine_left_untouched_for_months_exposes_the_work_done_with_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Annika Berg has not spoken to her brother since the funeral. The orchard needs picking before the "
        "frost, and Lars sits alone in the farmhouse every evening.\n\n"
        "Then Annika's van turns into the lane. They take the ladders out the next morning, and they pick "
        "the whole east slope in three days. On the last evening they eat cider cake on the porch.\n\n"
        "Then comes the final shot. It is January, and the apples lie black in the grass. The ladders stand "
        "in the barn under a sheet that has not been moved in months."
    )
    assert layer_of(story, "They take the ladders out") == "imagined"
    assert layer_of(story, "they eat cider cake") == "imagined"
    assert layer_of(story, "Then comes the final shot") == "actual"
    assert layer_of(story, "has not been moved in months") == "actual"


def test_a_rap_on_a_named_window_and_a_line_about_waiting_since_noon_expose_the_chase(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tomasz's bus to Gdansk leaves at noon, and Ewa has told him she will not come to say goodbye.\n\n"
        "That afternoon Ewa runs the length of the coach station and finds him at the last stand. He "
        "climbs down with his rucksack, and they walk home along the river arm in arm.\n\n"
        "Someone knocks on the passenger's window. A traffic warden is bending to look in at Ewa, who is "
        "parked on the double yellow lines outside the station.\n\n"
        "\u201cMadam, you've been sitting here since before noon,\u201d the warden says. \u201cI'll have to "
        "ticket you.\u201d"
    )
    assert layer_of(story, "they walk home along the river") == "imagined"
    assert layer_of(story, "Someone knocks on the passenger's window") == "actual"


def test_a_sleeper_roused_by_a_van_closes_the_dream_and_returning_to_a_year_is_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Maud Fenwick is selling the smallholding. One hot afternoon she lies down on the hay bales in the "
        "barn and falls asleep. The goats are kids again, and her husband Bill is mending the gate and "
        "whistling. He hands her a bucket that never empties. She is roused by the estate agent's car "
        "pulling into the yard.\n\n"
        "The film returns to the summer of 1971. Maud, then nineteen, meets Bill at a county show."
    )
    assert layer_of(story, "The goats are kids again") == "dream"
    assert layer_of(story, "She is roused by") == "actual"
    assert layer_of(story, "meets Bill at a county show") == "flashback"


def test_a_ship_horn_over_the_music_and_standing_exactly_where_she_stood_expose_the_married_life(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Morwenna Hale waits on the slipway at Padstow while the lifeboat crew prepare to leave for the "
        "winter rescue station in Orkney. Her fiancé Tobin Pascoe is among them.\n\n"
        "Morwenna climbs onto the slipway rail and waves both arms. Tobin jumps down from the boat and stays. "
        "They marry in May in the chapel above the harbour. Tobin opens a boatyard with his brothers, and "
        "their twins learn to sail before they can read. Every Christmas the whole family crowds into the "
        "yard office to sing.\n\n"
        "A ship's horn blares over the carol singing. Morwenna is standing on the slipway exactly where she "
        "stood before, arms at her sides, as the lifeboat clears the harbour mouth. Tobin never looks back.\n\n"
        "That winter she takes a job at the chandlery and learns to live alone."
    )
    assert layer_of(story, "They marry in May") in UNREAL
    assert layer_of(story, "whole family crowds into the yard office") in UNREAL
    assert layer_of(story, "as the lifeboat clears the harbour mouth") == "actual"
    assert layer_of(story, "takes a job at the chandlery") == "actual"
    assert layer_of(story, "Morwenna Hale waits on the slipway") == "actual"


def test_a_paragraph_opening_on_a_call_before_the_reveal_belongs_to_the_return(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I had been staring at the spreadsheet since lunch.\n\n"
        "Then the door of the boardroom opened and Mr Calloway waved me in. I told the whole board that the "
        "merger was a disaster, and they listened. By five o'clock they had made me a director, and I drove "
        "home in a company car with the roof down.\n\n"
        '"Priya? Priya."\n\n'
        "Gwen from Payroll was tapping my monitor with a biro. My chair was exactly where it had been all "
        "afternoon. The spreadsheet was still open at row forty."
    )
    assert layer_of(story, "I told the whole board") == "imagined"
    assert layer_of(story, "drove home in a company car") == "imagined"
    assert layer_of(story, "Gwen from Payroll was tapping") == "actual"
    assert layer_of(story, "I had been staring at the spreadsheet") == "actual"


def test_a_camera_slowly_pulling_back_on_the_same_night_exposes_the_decade_abroad(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "On Sunday evening Ilse sits at the kitchen table with the application form for the conservatory in "
        "Leipzig and starts to fill it in.\n\n"
        "Snow falls on the Thomaskirche. Ilse is forty, conducting her own choir, and her brother Kai flies "
        "out every Advent to hear them sing.\n\n"
        "Then the camera slowly pulls back from the church window, and the window is the kitchen window in "
        "Hull. It is still Sunday evening. The form lies unsigned beside the teapot."
    )
    assert layer_of(story, "Snow falls on the Thomaskirche") == "imagined"
    assert layer_of(story, "conducting her own choir") == "imagined"
    assert layer_of(story, "The form lies unsigned") == "actual"


def test_a_stranger_who_says_he_had_been_asleep_opens_no_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In March 1961 Ewan Rae was posted to the weather station on Foula. On his first night a tall man "
        "named Sorley Grant knocked at the hut, who explained that he had missed the supply boat and had "
        "been asleep in the boathouse. Ewan gave him soup. By April the two men were firm friends."
    )
    assert not unreal_segments(story)


def test_a_story_that_never_speaks_of_a_work_holds_no_commentary(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The van smells of damp amps and oranges. Priti counts us in and we go through the set again.\n\n"
        '"Faster," Jonah says. "We sound like a hymn."\n\n'
        "Nobody answers that. I have wanted to play the Boardwalk since I was eleven, and none of us has "
        "said it out loud. We run the whole thing from the top. My phone goes. It's Dad. Friday is two "
        "days away, and for now there is only the van, the four of us, and the rain."
    )
    assert all(s.layer != "commentary" for s in story.sentences)


def test_a_tale_told_in_the_past_inside_a_present_story_and_denied_after_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Every Friday the family eats fish at Uncle Teodor's flat, and tonight Mira sits beside him.\n\n"
        '"Where did that medal come from?" she asks. Teodor wipes his moustache. Auntie Zofia rolls her '
        "eyes.\n\n"
        '"Summer of seventy-one," Teodor says. "Hottest on record. Listen, little one."\n\n'
        "That August the forest above the village caught fire, and the whole valley ran for the river. "
        "Young Teodor went back up the hill with a bucket and carried the priest's goat out of the smoke. "
        "The mayor pinned the medal on him in front of the church.\n\n"
        'Auntie Zofia puts down her fork. "He never went up that hill in his life. He won it for darts."\n\n'
        "Mira looks at the medal. Teodor pours more tea and says nothing."
    )
    assert layer_of(story, "That August the forest above the village") == "imagined"
    assert layer_of(story, "The mayor pinned the medal") == "imagined"
    assert layer_of(story, "Mira looks at the medal") == "actual"
    assert layer_of(story, "Every Friday the family eats fish") == "actual"


def test_a_leap_of_years_ahead_then_back_to_the_story_year_is_a_flash_forward(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In March 1961 Ewan Rae, a young radio operator, was posted to the weather station on Foula. He "
        "kept the log, mended the aerial and learned to bake bread.\n\n"
        "Thirty years later, in 1991, the station was closed, and Ewan, grey now, flew out to see the last "
        "crew leave. He stood by the mast for a long time.\n\n"
        "In the autumn of 1961 Ewan was moved to Lerwick, where he met his wife."
    )
    assert layer_of(story, "Thirty years later, in 1991") == "flash_forward"
    assert layer_of(story, "He stood by the mast") == "flash_forward"
    assert layer_of(story, "In the autumn of 1961 Ewan was moved") == "actual"


def test_the_version_rehearsed_in_the_shower_is_imagined_back_to_its_setup(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I can see the back of Mrs Achterberg's head through the glass. I know how this will go. I've run "
        "it through on the bus every morning this week.\n\n"
        "I knock once and walk in. She looks up from the rota, and I lay my notice on her desk. She reads it "
        'and goes white. "After everything?" she says. I tell her the rota has been a crime for six years, '
        "and I walk out to applause from the whole ward.\n\n"
        "That is the version I have rehearsed.\n\n"
        "The door opens and Mrs Achterberg asks if I could possibly do Sunday."
    )
    assert layer_of(story, "I knock once and walk in") == "imagined"
    assert layer_of(story, "walk out to applause") == "imagined"
    assert layer_of(story, "I've run it through on the bus") == "actual"
    assert layer_of(story, "asks if I could possibly do Sunday") == "actual"


def test_a_sleeper_told_they_snored_from_a_place_dreamed_from_there(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Grandma and I took the early coach to Aberystwyth. After Machynlleth the hills closed in, and I "
        "counted sheep on the slopes until I lost count. At the seafront Uncle Idris was waiting with a "
        "pony on a rope.\n\n"
        "He was thinner than I remembered, and he lifted me onto the pony without a word. We rode it along "
        "the promenade, and Grandma sang the whole way.\n\n"
        "\u201cYou were snoring,\u201d said Grandma, \u201cfrom Machynlleth to the sea.\u201d\n\n"
        "I sat up. My cheek was stuck to the window, and the coach was pulling into the bus station."
    )
    assert layer_of(story, "Uncle Idris was waiting") == "dream"
    assert layer_of(story, "We rode it along the promenade") == "dream"
    assert layer_of(story, "counted sheep on the slopes") == "actual"
    assert layer_of(story, "My cheek was stuck to the window") == "actual"


def test_falling_asleep_and_coming_round_with_nothing_between_is_no_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "After lunch Grandpa falls asleep in his chair in front of the snooker with the paper over his face. "
        "He comes round at the final frame, asks who won, and goes to put the kettle on."
    )
    assert not unreal_segments(story)


def test_a_director_cutting_away_to_where_she_really_is_ends_the_race_before_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Niamh swims before school and her exams are a week away.\n\n"
        "Twenty minutes in, Niamh stands on the block at the national final. She dives clean and touches "
        "first, and her brother cries in the stands.\n\n"
        "Kearney then cuts, without a sound, to an exam hall in Sligo, where Niamh is staring at a chemistry "
        "paper. The final is the following week. The race we have just watched happened behind her eyes."
    )
    assert layer_of(story, "She dives clean and touches first") == "imagined"
    assert layer_of(story, "Kearney then cuts") == "actual"
    assert layer_of(story, "The final is the following week") == "actual"


def test_a_horn_and_the_camera_finding_him_on_a_bench_expose_the_boardroom_scene(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Out past the harbour wall, the film slips back to 1979 and to Marko as a boy mending nets. His "
        "mother tells him that a debt is a rope with two ends.\n\n"
        "The hearing is on a Monday. Marko walks into the boardroom in Rijeka, lays the ledger on the table "
        "and tells the directors exactly what they owe. The chairman shouts, but Marko reads every line "
        "aloud, and his sister hugs him on the steps outside.\n\n"
        "A tram bell rings, and the camera finds Marko on a bench in the corridor with the ledger unopened "
        "on his knees. When he finally goes in, he says almost nothing."
    )
    assert layer_of(story, "His mother tells him that a debt") == "flashback"
    assert layer_of(story, "lays the ledger on the table") == "imagined"
    assert layer_of(story, "his sister hugs him on the steps") == "imagined"
    assert layer_of(story, "When he finally goes in") == "actual"


def test_an_article_that_says_the_sequence_belongs_to_a_woman_who_never_existed(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "## The Porto sequence\n\n"
        "It is summer in Porto. Beatriz runs a tiled café by the river, and her husband Tomé bakes the "
        "pastries at dawn. A critic from Lisbon writes about her custard tarts, and the queue reaches the "
        "bridge.\n\n"
        "What it means\n\n"
        "It's a lovely sequence, and it belongs to a woman who does not exist. What the film gives us is "
        "the Beatriz who might have been. The next cut finds her scraping the grill of the motorway "
        "services in the rain."
    )
    assert layer_of(story, "It is summer in Porto") in UNREAL
    assert layer_of(story, "the queue reaches the bridge") in UNREAL
    assert layer_of(story, "scraping the grill") == "actual"


def test_a_tale_called_a_lie_is_imagined_and_a_story_opening_in_the_past_no_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In the winter of 1962, young Ivo Brandt was sent to live with his grandfather Emil in a lighthouse "
        "cottage. Emil had a long scar down one cheek.\n\n"
        "One stormy night Emil told him how he had got the scar.\n\n"
        "He was twenty and a harpooner on a whaler out of Bergen. A whale turned on the boat and the line "
        "whipped across his face. The captain stitched him up with sail thread.\n\n"
        "Years later Ivo found a hospital letter in a drawer: the scar came from a fall off a bicycle in "
        'Hamburg. "You lied to me," he said. Emil only laughed.'
    )
    assert layer_of(story, "In the winter of 1962, young Ivo") == "actual"
    assert layer_of(story, "a harpooner on a whaler") == "imagined"
    assert layer_of(story, "The captain stitched him up") == "imagined"
    assert layer_of(story, "Emil only laughed") == "actual"


def test_a_telephone_and_the_question_were_you_asleep_end_a_dream_told_as_fact(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The radio was on low. Bernard had promised to ring on Sunday, and Peggy had decided she would not "
        "be the one to ring first. Her husband Walter had been dead four years. She settled into his "
        "armchair and tucked the crocheted rug around her legs.\n\n"
        "The bus to the coast left at nine. Walter had the tickets in his top pocket, and he was whistling "
        "the way he did before he lost his teeth. They got off at Filey and walked the whole length of the "
        "beach.\n\n"
        "“We should have come more often,” he said.\n\n"
        "“We're here now.”\n\n"
        "The telephone went on ringing. Peggy found her glasses down the side of the armchair, and the "
        "radio had moved on to the shipping forecast. The rug lay on the carpet.\n\n"
        "“Mum? Were you asleep?” Bernard said."
    )
    assert layer_of(story, "The bus to the coast left at nine") == "dream"
    assert layer_of(story, "We should have come more often") == "dream"
    assert layer_of(story, "settled into his armchair") == "actual"
    assert layer_of(story, "Peggy found her glasses") == "actual"


def test_an_alarm_ends_a_dream_that_commentary_interrupts(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tamsin has come home to sell the boatyard. On the night before the inquiry, Tamsin falls asleep "
        "in her father's chair, and Oduya gives us her dream in a single chapter. It is the finest writing "
        "in the book. Her father is alive and mending the boat on the slip, and he tells her to let the "
        "yard go. She promises she will.\n\n"
        "The chapter ends with her phone alarm. At the inquiry she speaks against the sale."
    )
    assert layer_of(story, "Her father is alive and mending") == "dream"
    assert layer_of(story, "At the inquiry she speaks") == "actual"


def test_a_future_the_film_opens_on_and_later_says_never_came_was_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film opens with a flash-forward captioned Twenty Years Later. In it, a grey-haired Tomasz "
        "unlocks a busy workshop called Nowak & Son, and his daughter is already at the lathe.\n\n"
        "The story then moves back two decades. Tomasz repairs bicycles in a lock-up under the railway "
        "arches and dreams of a proper shop. The business fails, and his daughter leaves for university.\n\n"
        "In the last scene Tomasz walks past the arches on his way to the bus. The unit that would have "
        "been Nowak & Son is a car wash now."
    )
    assert layer_of(story, "unlocks a busy workshop") == "imagined"
    assert layer_of(story, "repairs bicycles in a lock-up") == "actual"
    assert layer_of(story, "walks past the arches") == "actual"


def test_a_sound_in_the_church_and_the_mourner_back_in_her_pew_end_a_daydream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The funeral is on a wet Tuesday. The priest asks whether anyone in the family would like to speak.\n\n"
        "Maura stands, walks to the lectern and tells them her mother was the bravest woman in the parish. "
        "Her brother follows her out into the sunlight, and they laugh together on the church steps.\n\n"
        "A cough from the back of the church breaks the silence. Maura is in the front pew with the order "
        "of service folded on her knee, and the priest is already reading the final prayer."
    )
    assert layer_of(story, "tells them her mother was the bravest") == "imagined"
    assert layer_of(story, "they laugh together on the church steps") == "imagined"
    assert layer_of(story, "the priest is already reading") == "actual"


def test_a_family_story_named_at_a_paragraph_end_and_later_called_made_up_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Every family has a story that gets told at Christmas, and ours belonged to Uncle Sefton.\n\n"
        "In the summer of 1971 he rowed a borrowed dinghy across the Solent to Cowes and won the regatta "
        "single-handed. A duchess kissed him on the prize-giving stage.\n\n"
        "I told it at his retirement do. Afterwards Aunt Wyn took me aside.\n\n"
        "“He never rowed anywhere in his life, love. He was seasick on the Gosport ferry.”\n\n"
        "“Then why did he make it all up?”\n\n"
        "“Because the truth was a bus to Portsmouth.”"
    )
    assert layer_of(story, "rowed a borrowed dinghy") == "imagined"
    assert layer_of(story, "I told it at his retirement do") == "actual"


def test_a_family_story_that_turns_out_true_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Every family has a story that gets told at Christmas, and ours belonged to Uncle Sefton.\n\n"
        "In the summer of 1971 he rowed a borrowed dinghy across the Solent to Cowes and won the regatta "
        "single-handed.\n\n"
        "Nobody believed him. Then, clearing his flat, I found the cup in a shoebox, with his name "
        "engraved on it and the date."
    )
    assert layer_of(story, "rowed a borrowed dinghy") in ("actual", "flashback")


def test_a_friend_the_twist_says_died_years_earlier_was_imagined_wherever_he_acted(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ewan Rigg drives the night bus from Keswick to Penrith. His best friend Cal rides up front with "
        "him on every shift, reading out the football scores.\n\n"
        "Ewan is not sleeping. The depot manager keeps asking him about the crash on the pass. Cal sits in "
        "on every meeting and makes faces at the manager.\n\n"
        "One night Cal spots a deer on the road and shouts, and Ewan brakes in time.\n\n"
        "In the last act the manager plays Ewan the dashboard footage. The seat beside him is empty. Cal "
        "died in the crash on the pass two years earlier, and Ewan has been talking to nobody."
    )
    assert layer_of(story, "rides up front with him") == "imagined"
    assert layer_of(story, "Cal sits in on every meeting") == "imagined"
    assert layer_of(story, "Cal spots a deer") == "imagined"
    assert layer_of(story, "drives the night bus") == "actual"
    assert layer_of(story, "The seat beside him is empty") == "actual"


def test_a_death_told_before_the_dead_one_acts_is_back_story_not_a_twist(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ewan's brother Cal died on the pass two years earlier. Ewan still drives the night bus past the "
        "spot.\n\n"
        "He remembers the summers when Cal taught him to fish. Cal rowed them out to the island. Cal lit "
        "the fire. Cal sang all the way home.\n\n"
        "On the anniversary Ewan stops the bus at the spot. Cal died two years earlier on this bend, and "
        "Ewan leaves flowers there."
    )
    assert unreal_segments(story) == []


def test_commentary_that_drops_us_into_a_daydream_opens_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The budget meeting drags on. Keane asks for comments, already turning the page.\n\n"
        "With the meeting droning on underneath, Okafor drops us into Bea's daydream, and for six glorious "
        "minutes we get the resignation she has been writing in her head for years. She stands up. She pours "
        "the coffee over Keane's spreadsheets and walks out to the car park. She drives to the coast and eats "
        "chips on the harbour wall.\n\n"
        "Back in the meeting room, the chair calls the vote, and Bea raises her hand with the rest."
    )
    assert layer_of(story, "She pours the coffee") == "imagined"
    assert layer_of(story, "eats chips on the harbour wall") == "imagined"
    assert layer_of(story, "the chair calls the vote") == "actual"


def test_a_dream_the_article_announces_ends_at_its_real_ending_heading(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "What happens in the dream?\n\n"
        "After two nights without sleep, Kath nods off in her car, and what follows is a dream. In the dream, "
        "her father is well again. He climbs into the passenger seat. Together they drive to the estuary, "
        "where he finds the missing girl asleep under a boat.\n\n"
        "The real ending\n\n"
        "A knock on the windscreen from her sergeant jolts Kath out of it. The girl is found two days later "
        "by a dog walker."
    )
    assert layer_of(story, "He climbs into the passenger seat") == "dream"
    assert layer_of(story, "where he finds the missing girl") == "dream"
    assert layer_of(story, "found two days later") == "actual"


def test_dreaming_of_a_place_in_an_orchestra_since_childhood_reveals_no_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The Night Train\n\n"
        "The sleeper to Inverness leaves Euston at nine, and I was on it with a cello and a cheese sandwich "
        "my father had made me promise to eat. The audition was at ten the next morning. I had been dreaming "
        "of a desk in a proper orchestra since I was eleven, since the day my teacher let me hold her bow.\n\n"
        "I could not settle in the cabin, so I went along to the lounge car. An old man in a tweed cap was "
        "doing the crossword."
    )
    assert unreal_segments(story) == []


def test_a_grandson_who_never_set_foot_on_the_island_was_imagined_wherever_he_was_there(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Padraig has fished off Inishbeg for forty years. In May a letter comes from his daughter Siobhan.\n\n"
        "The next Saturday her son Rory comes down the gangway with a rucksack. Rory learns to bait pots "
        "and to read the sky.\n\n"
        "“What's that knot?”\n\n"
        "“A clove hitch,” the old man says.\n\n"
        "In August a squall catches the boat, and a wave carries Rory over the side.\n\n"
        "In the hospital Siobhan explains that Rory has never set foot on Inishbeg. Her letter said he was "
        "not coming."
    )
    assert layer_of(story, "comes down the gangway") == "imagined"
    assert layer_of(story, "What's that knot") == "imagined"
    assert layer_of(story, "a wave carries Rory over the side") == "imagined"
    assert layer_of(story, "fished off Inishbeg for forty years") == "actual"
    assert layer_of(story, "Her letter said he was not coming") == "actual"


def test_a_telling_ended_by_and_that_and_later_given_its_real_version_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The winter Uncle Dessie turned twenty, he crewed a trawler out of Killybegs. A conger eel came up "
        "in the nets and bit clean through the end of his thumb.\n\n"
        "The skipper stitched it with fishing line and gave him a whiskey for the pain.\n\n"
        "“And that,” said Uncle Dessie, holding the thumb up to the lamp, “is why I won't eat eel.”\n\n"
        "Later Nora got the real version out of Gran. Dessie had caught the thumb in the door of the "
        "chip van at sixteen."
    )
    assert layer_of(story, "crewed a trawler out of Killybegs") == "imagined"
    assert layer_of(story, "stitched it with fishing line") == "imagined"
    assert layer_of(story, "Later Nora got the real version") == "actual"


def test_a_shake_of_the_shoulder_after_headings_and_an_advert_ends_a_dream_set_off_by_a_heading(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "It is a quiet night at the station. Priya stretches out on the crew-room sofa while Col fills the "
        "kettle.\n\n"
        "The shout\n\n"
        "At 3.10 the radio sends them to a fire on Quay Street. Priya drives through rain that makes no sound. "
        "On the bypass the ambulance rolls onto its side, and Col stops breathing in her arms.\n\n"
        "Advertisement\n\n"
        "The twist\n\n"
        "Then somebody is shaking her shoulder, and it is Col, holding two mugs. The clock over the door says "
        "3.08. The kettle has only just clicked off."
    )
    assert layer_of(story, "sends them to a fire") in ("imagined", "dream")
    assert layer_of(story, "Col stops breathing in her arms") in ("imagined", "dream")
    assert layer_of(story, "stretches out on the crew-room sofa") == "actual"
    assert layer_of(story, "holding two mugs") == "actual"


def test_a_claim_called_a_lie_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tablets\n\n"
        "Grandad says he has already taken his tablets. That is a lie: the blister pack is still full on "
        "the bedside table, and the nurse raises an eyebrow at me as she leaves.\n\n"
        "So I sit down and ask him about the war instead."
    )
    assert layer_of(story, "Grandad says he has already taken") == "actual"
    assert unreal_segments(story) == []


def test_a_long_verdict_that_lists_the_montage_exposes_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Night Ferry, explained\n\n"
        "Ilse and Corran meet again in the ferry bar after twenty years. They talk until the last call.\n\n"
        "## The other crossing\n\n"
        "Ilse stays on board when the ferry docks. She and Corran buy a boathouse on the estuary and paint "
        "the door green. Their son, Pip, learns to row before he can swim. Every summer they sail the "
        "green-doored boat to the islands.\n\n"
        "Then the tannoy calls the foot passengers, and Corran picks up his car keys. Ilse walks down the "
        "gangway alone.\n\n"
        "What it means\n\n"
        "The boathouse, Pip and the summer sailing are the life the pair of them could have shared, and "
        "the film lets us believe in it for four minutes."
    )
    assert layer_of(story, "buy a boathouse") in ("imagined", "alternate")
    assert layer_of(story, "learns to row") in ("imagined", "alternate")
    assert layer_of(story, "Ilse walks down the gangway alone") == "actual"
    assert layer_of(story, "the summer sailing are the life") not in UNREAL  # the verdict is no part of it


def test_a_verdict_that_names_where_the_passage_began_stops_at_the_cut_back(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Dead Drop, explained\n\n"
        "Kasimir is shot in the car park and crawls behind a van.\n\n"
        "He drives all night to the coast and takes a boat to Corsica. His sister meets him on the beach "
        "and they eat grilled fish as the light goes.\n\n"
        "The next shot is the car park again, where a paramedic closes his eyes.\n\n"
        "## So what happened?\n\n"
        "Everything from the long drive onward is what flashes through his mind as he bleeds out, and the "
        "film gives it away more than once."
    )
    assert layer_of(story, "takes a boat to Corsica") == "imagined"
    assert layer_of(story, "eat grilled fish") == "imagined"
    assert layer_of(story, "a paramedic closes his eyes") not in UNREAL


def test_a_stretch_told_in_the_future_from_now_is_a_flash_forward(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Oona mends the nets on the pier while the boy watches. He asks how she learned.\n\n"
        "Twenty years from now the boy will run the boatyard himself, and he will keep her needle in a "
        "jar above the bench. He will show every apprentice the knot she showed him.\n\n"
        "At dusk Oona rolls up the nets and sends him home."
    )
    assert layer_of(story, "will run the boatyard") == "flash_forward"
    assert layer_of(story, "He will show every apprentice") == "flash_forward"
    assert layer_of(story, "At dusk Oona rolls up") == "actual"
    assert unreal_segments(story) == []


def test_no_one_of_that_name_on_the_roll_makes_the_friend_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "After the fire, eleven-year-old Tamsin Hale goes to live with her grandfather in Whitby.\n\n"
        "At the new school a girl with a gap in her teeth sits down beside Tamsin and says her name is "
        "Wren. Wren is brave and rude and knows every alley in the town. She gives Tamsin a nickname and "
        "shows her the best wall for watching storms. Within a month the two are never apart. One night "
        "Wren dares Tamsin to climb the abbey steps in the dark.\n\n"
        "Tamsin is found at the top of the steps by a dog walker. The head teacher tells her grandfather "
        "that the school has never had a girl called Wren, and that Tamsin always ate her lunch alone."
    )
    assert layer_of(story, "Wren is brave and rude") == "imagined"
    assert layer_of(story, "She gives Tamsin a nickname") == "imagined"
    assert layer_of(story, "dares Tamsin to climb") == "imagined"
    assert layer_of(story, "found at the top of the steps") == "actual"


def test_still_night_at_the_interruption_exposes_a_passage_that_brought_the_dawn(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Maren takes the night coach to Bergen with her mother's ashes in a tin on her lap.\n\n"
        "The coach reaches the harbour at dawn. Her brother is on the quay with two coffees, and they "
        "walk out to the end of the mole together and scatter the ashes over the water.\n\n"
        "A passenger's phone going off cuts across the gulls. Maren is in her seat in the dark, the tin "
        "still on her lap, and it is not yet four in the morning. She does not close her eyes again."
    )
    assert layer_of(story, "reaches the harbour at dawn") == "dream"
    assert layer_of(story, "scatter the ashes") == "dream"
    assert layer_of(story, "takes the night coach") == "actual"
    assert layer_of(story, "Maren is in her seat in the dark") == "actual"


def test_a_thing_back_in_its_place_after_an_unanswered_question_exposes_the_scene(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mr Voss stopped me by the photocopier at five to six, holding the overtime sheet.\n\n"
        '"You can do Sunday, can\'t you?"\n\n'
        "Priya was at the next desk, shaking her head at me very slightly.\n\n"
        "I said no. I said it slowly, so he would hear every word, and then I listed every Sunday I had "
        "given him since March.\n\n"
        "I unclipped my badge and dropped it in his coffee. Priya laughed out loud. I walked down all "
        "nine flights and out into the rain, and bought myself a ticket to the sea.\n\n"
        '"Sorry, was that a yes?"\n\n'
        "The badge was on my lanyard. I could feel it against my chest, warm from a woman who had not "
        "moved an inch. Voss was still holding out the sheet.\n\n"
        '"Fine," I said. "Sunday."'
    )
    assert layer_of(story, "dropped it in his coffee") == "imagined"
    assert layer_of(story, "bought myself a ticket to the sea") == "imagined"
    assert layer_of(story, "The badge was on my lanyard") == "actual"
    assert layer_of(story, "Sunday.") == "actual"


def test_a_tale_the_director_stages_and_a_critic_calls_a_rug_pull_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Ferry Point, reviewed\n\n"
        "When the storm cuts the power, Uncle Stan tells the twins how he lost the tip of his ear. Okafor "
        "stages his tale in washed-out Super 8.\n\n"
        "In 1971 a young Stan rows a stranded vet across the flooded estuary at night. A bull seal "
        "capsizes the boat, and Stan swims the vet to the lighthouse with his ear torn open.\n\n"
        "Back at the bungalow, the twins are spellbound.\n\n"
        "The next day his sister arrives and laughs: Stan caught his ear in a car door in 1974.\n\n"
        "It is a lovely rug-pull, and the film never labours it."
    )
    assert layer_of(story, "rows a stranded vet") == "imagined"
    assert layer_of(story, "swims the vet to the lighthouse") == "imagined"
    assert layer_of(story, "the twins are spellbound") == "actual"


def test_a_journey_not_over_at_the_return_exposes_the_arrival_that_opened_the_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Jonah had the apology worked out by Preston.\n\n"
        "The train pulled into Whitehaven at dusk. His sister was on the platform with the dog.\n\n"
        '"You came, then."\n\n'
        '"I came."\n\n'
        "They walked to the harbour and ate chips on the wall, and she told him she had kept his room.\n\n"
        '"Tickets from Carlisle, please."\n\n'
        'The guard was waiting with her hand out. Outside the window a sign said Workington. "Three more '
        'stops, love."'
    )
    assert layer_of(story, "pulled into Whitehaven") in UNREAL
    assert layer_of(story, "on the platform with the dog") in UNREAL
    assert layer_of(story, "ate chips on the wall") in UNREAL
    assert all(c.name != "Workington" for c in story.characters)
    assert layer_of(story, "apology worked out") == "actual"
    assert layer_of(story, "The guard was waiting") == "actual"


def test_the_film_returning_to_the_present_ends_the_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ansel steers the ferry past the lighthouse. Out in the channel, the film slips back to 1979 and to "
        "Ansel as a boy in his father's wheelhouse. His father lets him take the wheel for the first time. "
        "The film returns to the present with Ansel docking at Port Ellen in the rain. He ties up and "
        "walks home."
    )
    assert layer_of(story, "lets him take the wheel") == "flashback"
    assert layer_of(story, "The film returns to the present") == "actual"
    assert layer_of(story, "walks home") == "actual"


def test_a_prompt_in_an_exchange_is_no_call_back_from_a_daydream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tilly pictures the whole evening on the walk to the bus stop: the two of them dancing in the "
        "kitchen, the neighbours banging on the wall. Then she shakes it off.\n\n"
        "The 42 came round the bend with its wipers going. She got on first and sat by the window. He "
        "stood on the kerb in the rain.\n\n"
        '"Well?" she called. "Are you coming or not?"\n\n'
        "He got on."
    )
    assert layer_of(story, "She got on first") == "actual"
    assert layer_of(story, "He got on.") == "actual"


def test_a_memory_coming_back_and_a_habit_given_up_since_end_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Idris coaches the under-twelves on Saturdays. In a flashback to 1996, a young Idris misses the "
        "penalty that loses the county final. He walks off the pitch before the whistle. He has not taken a "
        "penalty since. The memory comes back to him when his striker freezes in the cup semi-final."
    )
    assert layer_of(story, "misses the penalty") == "flashback"
    assert layer_of(story, "He has not taken a penalty since") == "actual"
    assert layer_of(story, "The memory comes back") == "actual"


def test_a_recording_that_shows_her_alone_exposes_the_companion(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Priya works nights at the aquarium.\n\n"
        'Bernard was waiting by the shark tank, as always, with his flask. "You\'re late, girl."\n\n'
        '"I\'m early."\n\n'
        "Bernard walked the tunnels with her and told her about the octopus that escaped in 1989. He held "
        "the fire doors for her. Bernard laughed at her jokes and pointed out the sleeping rays.\n\n"
        "At seven the day supervisor, Mrs. Osei, let herself in through the staff door. She played back "
        "the tunnel camera for the night: Priya alone, walking on the left, holding a door for nobody.\n\n"
        "Bernard's funeral had been in March."
    )
    assert layer_of(story, "Bernard was waiting by the shark tank") == "imagined"
    assert layer_of(story, "told her about the octopus") == "imagined"
    assert layer_of(story, "Priya works nights") == "actual"
    assert layer_of(story, "let herself in through the staff door") == "actual"


def test_a_night_crossing_woken_miles_out_exposes_the_dawn_arrival(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Calum boards the night boat to Orkney and takes a seat by the lounge window with a coffee.\n\n"
        "The boat noses into Kirkwall at first light, and his mother is on the pier in her red coat. They "
        "drive to the farm and eat breakfast in silence, and she tells him the dog has missed him.\n\n"
        "A deckhand raps his knuckles on the table beside Calum's coffee, which has gone cold. \"Forty "
        'minutes out, pal." Beyond the window the sea is black, with no hint of dawn.'
    )
    assert layer_of(story, "noses into Kirkwall") == "dream"
    assert layer_of(story, "eat breakfast in silence") == "dream"
    assert layer_of(story, "boards the night boat") == "actual"
    assert layer_of(story, "raps his knuckles") == "actual"


def test_things_back_in_her_hands_after_a_kick_and_a_call_expose_the_scene(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Sunday lunch at Nana's. I had the news ready.\n\n"
        '"Pass the peas," said Dad.\n\n'
        "I put my knife and fork down. Then I stood up and told them I was leaving the bank to become a "
        "potter.\n\n"
        '"About time," Nana said. "To Jess."\n\n'
        "Everyone raised a glass, and Dad was grinning.\n\n"
        "Something hit my ankle.\n\n"
        '"Jess." My brother, eyes on his phone. "Mum wants to know about the peas. Third time."\n\n'
        "My knife and fork were in my hands. Mum was holding out the dish."
    )
    assert layer_of(story, "I put my knife and fork down") == "imagined"
    assert layer_of(story, "Everyone raised a glass") == "imagined"
    assert layer_of(story, "Something hit my ankle") == "actual"
    assert layer_of(story, "Pass the peas") == "actual"


def test_a_later_section_calling_a_deed_someones_wish_exposes_it(nlp):  # type: ignore[no-untyped-def]
    story = explain(
        "# Undertow, explained\n\n"
        "## The pier\n\n"
        "DS Harker follows the councillor to the end of the pier at midnight. He laughs at her warrant. "
        "She takes the warrant back, and with one shove sends him into the black water.\n\n"
        "## The morning\n\n"
        "A hard cut: the councillor, dry and smug, is giving evidence against Harker at her hearing.\n\n"
        "## So what was the pier scene?\n\n"
        "The shove is Harker's wish, not an event.",
        format="markdown",
        nlp=nlp,
    )
    assert layer_of(story, "sends him into the black water") == "imagined"
    assert layer_of(story, "giving evidence against Harker") == "actual"
    assert layer_of(story, "follows the councillor") == "actual"


def test_the_film_cutting_back_to_a_year_opens_a_flashback_and_rewinding_this_time_an_alternate(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film opens in 2022 at a christening in Cork. Aoife has come with her husband, and across the "
        "church sits Declan, whom she has not seen in fifteen years.\n\n"
        "From there the film cuts back to 2007. Aoife and Declan share a flat above a chip shop, and one "
        "night he leaves a note on the fridge and takes the ferry to Boston.\n\n"
        "Back at the christening, Declan catches her eye. Then the film rewinds to that night, and this "
        "time he tears up the note and stays. They open a bookshop together and raise two boys.\n\n"
        "The organ starts, and Aoife takes her husband's arm."
    )
    assert layer_of(story, "The film opens in 2022") == "actual"
    assert layer_of(story, "across the church sits Declan") == "actual"
    assert layer_of(story, "share a flat above a chip shop") == "flashback"
    assert layer_of(story, "this time he tears up the note") == "alternate"
    assert layer_of(story, "The organ starts") == "actual"


def test_a_tale_the_records_contradict_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Lucie Marchal (Léa Drucker), a radio producer, visits her grandfather Emile (Michel Blanc) in the "
        "Ardennes to record his memories of the war.\n\n"
        "The story he tells is a good one. In 1944 he swims the river at night with a message for the "
        "resistance, and a German patrol fires on him from the bridge. He reaches the far bank and walks "
        "twenty miles to the farm at Vireux with a bullet in his shoulder.\n\n"
        "Lucie looks him up in the regional archive. The resistance roster for 1944 does not list Emile, "
        "and his school records place him in a seminary in Lyon for the whole war."
    )
    assert layer_of(story, "swims the river at night") == "imagined"
    assert layer_of(story, "walks twenty miles") == "imagined"
    assert layer_of(story, "looks him up in the regional archive") == "actual"


def test_a_short_question_echoing_the_line_before_calls_nobody_back(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Rosa had been talking about the bakery for years. Her dream, since she was nineteen, was a shop "
        "with her own name over the door.\n\n"
        '"One day," said Dilys, as they wrung out their mops in the basement at two in the morning, '
        "\"you'll have your shop and you won't speak to me.\"\n\n"
        'Dilys leaned on her mop. "What would you do if you won the lottery tonight?"\n\n'
        'Rosa gave it proper thought. "Buy the old launderette. Put a bread oven where the dryers are. Pay '
        'your rent for a year so you could work the till."\n\n'
        '"Only a year?"\n\n'
        '"You\'d get lazy."'
    )
    assert unreal_segments(story) == []


def test_a_dream_or_fantasy_the_telling_shows_starts_after_the_announcement(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Rhian Pugh has been a lollipop lady outside the same school for twenty years. The morning the "
        "council cuts her post, she waves the children across, catches the headteacher's eye, and the "
        "camera follows that look into a fantasy she has clearly been saving up.\n\n"
        "The playground fills with a brass band. The headteacher salutes her from the bike sheds, and "
        "two hundred children carry her shoulder-high to the gates.\n\n"
        "Then the bell goes, and the playground is empty. Rhian hands in her stick at the office.\n\n"
        "That night she sleeps badly, and the film gives us her nightmare in full.\n\n"
        "The crossing is a river, and the children are paper boats that drift away from her.\n\n"
        "In the morning she buys a new coat."
    )
    assert layer_of(story, "follows that look") == "actual"
    assert layer_of(story, "brass band") == "imagined"
    assert layer_of(story, "shoulder-high") == "imagined"
    assert layer_of(story, "the playground is empty") == "actual"
    assert layer_of(story, "paper boats") == "dream"
    assert layer_of(story, "buys a new coat") == "actual"


def test_what_the_film_lets_us_see_someone_picturing_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Kwame stands at the back of the talent show in his caretaker's coat, and as the drum roll starts "
        "the director lets us see what Kwame is picturing.\n\n"
        "He is on the stage himself. The spotlight finds him, and the whole school sings along.\n\n"
        "The drum roll stops. Kwame is still at the back, holding his mop."
    )
    assert layer_of(story, "The spotlight finds him") == "imagined"
    assert layer_of(story, "holding his mop") == "actual"


def test_a_traveller_still_on_the_way_exposes_the_arrival_they_pictured(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mabel had not seen her sister for thirty years. She bought a ticket to Inverness and sat by the "
        "window with a tin of shortbread on her knee.\n\n"
        "The train pulled into Inverness in the rain. Agnes was on the platform under a tartan umbrella, "
        "and she cried before Mabel had even got down the step. They had tea at the station hotel, and "
        "Agnes said she had kept every card.\n\n"
        "\u201cTickets from Perth, please,\u201d said the guard in the green waistcoat, and Mabel found "
        "she was already holding hers out, the way she had held it out at Stirling. Outside the window the "
        "hills went by in the rain.\n\n"
        "At Inverness, nobody was waiting on the platform."
    )
    # (a guard's call may have woken her, or only roused her from picturing it: unreal either way)
    assert layer_of(story, "pulled into Inverness in the rain") in ("imagined", "dream")
    assert layer_of(story, "kept every card") in ("imagined", "dream")
    assert layer_of(story, "bought a ticket") == "actual"
    assert layer_of(story, "nobody was waiting") == "actual"


def test_an_opening_scene_the_story_then_goes_back_before_is_a_flash_forward(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film opens on a hospital roof at night. Carys, in a torn wedding dress, is talking a stranger "
        "down from the edge.\n\n"
        "Three weeks earlier, Carys is a wedding planner in Swansea with a fear of heights. Her sister asks "
        "her to plan a wedding at the top of a lighthouse.\n\n"
        "On the day of the wedding the lighthouse keeper goes missing."
    )
    assert layer_of(story, "hospital roof") == "flash_forward"
    assert layer_of(story, "wedding planner in Swansea") == "actual"
    assert layer_of(story, "lighthouse keeper goes missing") == "actual"


def test_there_never_having_been_the_night_the_lines_before_told_reveals_them(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Irene had cleaned the offices above the Savoy for thirty years.\n\n"
        "On her last shift she stopped by the ballroom doors. The band struck up, and a young man in a white "
        "jacket bowed and asked her to dance. They waltzed until the chandeliers dimmed.\n\n"
        "There had never been a night at the Savoy for Irene; she had only ever heard the music through "
        "the floor. She handed in her keys and took the night bus home."
    )
    assert layer_of(story, "asked her to dance") == "imagined"
    assert layer_of(story, "chandeliers dimmed") == "imagined"
    assert layer_of(story, "There had never been") == "actual"
    assert layer_of(story, "handed in her keys") == "actual"


def test_found_asleep_next_morning_with_the_thing_they_sat_up_with_makes_the_night_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Owen quarrels with his sister about the farm and sits up late over the account book while the wind "
        "gets up.\n\n"
        "Near midnight he saddles the grey mare and rides out to the top field, where his mother is waiting "
        "by the wall in her Sunday coat, not a day older than when she died. She tells him where the deeds "
        "are hidden and all this time she has been watching the lambing.\n\n"
        "At six the next morning his sister finds him slumped across the kitchen table, the account book "
        "open under his arm. The mare is in her stall."
    )
    assert layer_of(story, "rides out to the top field") == "dream"
    assert layer_of(story, "deeds are hidden") == "dream"
    assert layer_of(story, "sits up late") == "actual"
    assert layer_of(story, "slumped across the kitchen table") == "actual"


def test_a_gift_reached_for_and_not_there_exposes_the_paragraph_that_gave_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Siobhan comes back to Kilrush for the reading of the will and argues with her brother until late.\n\n"
        "Afterwards she walks down to the strand. Her grandmother is sitting on the slipway in her good "
        "coat, and they talk about the boats. When Siobhan gets up to go, her grandmother presses a silver "
        "thimble into her palm.\n\n"
        "At breakfast Siobhan tells her brother she will sign. She feels in her cardigan pocket for the "
        "thimble and finds only a bus ticket."
    )
    assert layer_of(story, "sitting on the slipway") == "imagined"
    assert layer_of(story, "presses a silver thimble") == "imagined"
    assert layer_of(story, "At breakfast") == "actual"
    assert layer_of(story, "finds only a bus ticket") == "actual"


def test_a_device_said_afterwards_to_be_dead_exposes_the_passage_it_set_going(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ilka keeps the signal box at Hel through the winter and writes to nobody.\n\n"
        "On the last night of the year she sits by the stove with the lamp turned down. The telephone on "
        "the wall rings. Her brother Tadek is on the line from Gdansk, laughing, and he promises to come "
        "home on the Friday train. They talk until the stove burns low.\n\n"
        "In the morning the linesman walks up the track with her bread. He mentions that the telephone "
        "has been disconnected since the storm in March."
    )
    assert layer_of(story, "sits by the stove") == "actual"
    assert layer_of(story, "The telephone on the wall rings") == "imagined"
    assert layer_of(story, "promises to come home") == "imagined"
    assert layer_of(story, "In the morning the linesman") == "actual"
    assert layer_of(story, "has been disconnected") == "actual"


def test_a_thing_found_in_the_state_the_passage_undid_exposes_the_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tomasz sits the last paper of his law degree in the sports hall at Lodz. The invigilator writes "
        "the time on the board.\n\n"
        "He reads the first question twice. Then he stands, folds the paper into a boat and walks out. "
        "He crosses the park in a downpour, and by the time he reaches the station his jacket is soaked "
        "through. He buys a ticket to the sea.\n\n"
        "\u201cMr Nowak?\u201d\n\n"
        "The invigilator is leaning over his desk. The clock says ten past nine. His jacket is perfectly "
        "dry. Tomasz picks up his pen and starts to write."
    )
    assert layer_of(story, "The invigilator writes the time") == "actual"
    assert layer_of(story, "folds the paper into a boat") == "imagined"
    assert layer_of(story, "his jacket is soaked") == "imagined"
    assert layer_of(story, "He buys a ticket to the sea") == "imagined"
    assert layer_of(story, "The invigilator is leaning") == "actual"
    assert layer_of(story, "picks up his pen") == "actual"


def test_the_marks_of_sleep_after_a_cut_expose_the_night_before_as_a_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Marit runs the lighthouse cafe on Utsira with her son Jon, who wants to leave for Bergen.\n\n"
        "That night Marit rows out past the breakwater in a flat calm. Her drowned husband is sitting in "
        "the stern, mending a net, and he tells her to let the boy go. The sea around them is full of "
        "lanterns.\n\n"
        "The next scene opens on the cafe. Marit is at the corner table with the weave of the tablecloth "
        "printed on her cheek, and Jon is stacking chairs. She tells him to book his ticket."
    )
    assert layer_of(story, "That night Marit rows out") == "dream"
    assert layer_of(story, "The sea around them is full of lanterns") == "dream"
    assert layer_of(story, "The next scene opens on the cafe") == "actual"
    assert layer_of(story, "She tells him to book his ticket") == "actual"


def test_the_answer_given_to_a_companion_who_never_existed_is_imagined_too(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "After the funeral, Halvard Moe keeps the ferry kiosk at Flam open through the winter.\n\n"
        "A boy called Sindre starts turning up at the kiosk every afternoon to watch the boats. He sits on "
        "the bollard and asks about the fjord. \u201cIs it deeper than the mountains are high?\u201d Sindre "
        "asks one day.\n"
        "\u201cDeeper,\u201d says Halvard.\n"
        "\u201cMuch deeper.\u201d\n\n"
        "In March the harbour master comes to inspect the moorings and takes Halvard for a drink.\n\n"
        "Sindre, the harbour master says gently, never existed; Halvard's son drowned at that age, and "
        "that was his name."
    )
    assert layer_of(story, "starts turning up at the kiosk") == "imagined"
    assert layer_of(story, "deeper than the mountains") == "imagined"
    assert layer_of(story, "says Halvard") == "imagined"
    assert layer_of(story, "Much deeper") == "imagined"
    assert layer_of(story, "the harbour master comes to inspect") == "actual"


def test_a_later_section_that_gives_the_things_of_a_paragraph_to_an_imagined_life(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The Long Haul: the ending explained\n\n"
        "Departure day\n\n"
        "Captain Odile Marchetti is about to board the freighter Vasa for a nine-year run to the outer "
        "colonies. At the airlock she hesitates, then turns back. Over the next years she and her wife "
        "Sanne restore an old farmhouse outside Lyon. Odile coaches the village football team. They "
        "plant a walnut tree for every birthday.\n\n"
        "The message\n\n"
        "A signal arrives on the Vasa's bridge, four years out, and Odile reads it alone.\n\n"
        "What it means\n\n"
        "The farmhouse, the football team and the walnut trees belong to a life she has been imagining "
        "since the airlock."
    )
    assert layer_of(story, "At the airlock she hesitates") == "actual"
    assert layer_of(story, "restore an old farmhouse") == "imagined"
    assert layer_of(story, "coaches the village football team") == "imagined"
    assert layer_of(story, "plant a walnut tree") == "imagined"
    assert layer_of(story, "A signal arrives") == "actual"


def test_a_teacher_who_knows_of_nobody_by_that_name_exposes_the_companion(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nuala moves with her son Cian to a cottage on Inis Meain after the divorce. She takes a job at "
        "the knitwear shop, and Cian starts at the island school. The ferry runs twice a week. Nuala "
        "learns to bake bread in a range that smokes.\n\n"
        "In the first week Cian meets Rory, a freckled boy with a fishing line, on the pier. Rory shows him "
        "where the seals sleep. Rory teaches him to skim stones.\n\n"
        "The autumn storms close the harbour for nine days, and the shop runs out of flour. Nuala writes "
        "to her sister in Galway.\n\n"
        "In October Nuala goes up to the school to thank the boy's parents. The head teacher, Mr. Dirrane, "
        "looks through the register. He knows of nobody called Rory, and there has been no such boy on "
        "the island in thirty years."
    )
    assert layer_of(story, "Cian meets Rory") == "imagined"
    assert layer_of(story, "Rory teaches him to skim stones") == "imagined"
    assert layer_of(story, "looks through the register") == "actual"
    assert layer_of(story, "He knows of nobody called Rory") == "actual"


def test_dreaming_of_something_that_night_is_a_dream_and_dreaming_of_becoming_is_not(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ailsa takes over her late mother's chip shop in Oban. That night she dreams of the old shop on "
        "the pier. Her mother is frying haddock and singing, and the queue runs out of the door. Then "
        "Ailsa wakes to the gulls.\n\n"
        "Every evening her cousin Fraser dreams of becoming a chef in Glasgow. He practises on the fish."
    )
    assert layer_of(story, "Her mother is frying haddock") == "dream"
    assert layer_of(story, "Then Ailsa wakes") == "actual"
    assert layer_of(story, "He practises on the fish") == "actual"
    assert layer_of(story, "dreams of becoming a chef") == "actual"


def test_a_place_nobody_ever_set_foot_in_exposes_the_paragraph_that_went_there(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Moira clears out her late husband's desk in Dundee and finds a ferry timetable from 1971.\n\n"
        "She takes the boat after all. Anders meets her on the quay at Bergen, and they open a cafe by the "
        "fish market. Their son learns to sail before he can read.\n\n"
        "\u201cMum? Tea's ready.\u201d Her daughter is calling up the stairs. Moira puts the timetable "
        "back in the drawer. Nobody in the family has ever set foot in Bergen."
    )
    assert layer_of(story, "finds a ferry timetable") == "actual"
    assert layer_of(story, "Anders meets her on the quay") == "imagined"
    assert layer_of(story, "Their son learns to sail") == "imagined"
    assert layer_of(story, "puts the timetable back") == "actual"
    assert layer_of(story, "ever set foot in Bergen") == "actual"


def test_a_place_never_been_to_before_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Moira takes the night ferry to Bergen for her husband's funeral. Anders meets her on the quay.\n\n"
        "At the hotel she writes to her daughter. She has never been to Bergen before, and the rain "
        "surprises her."
    )
    assert unreal_segments(story) == []


def test_a_tale_told_to_someone_by_name_and_staged_is_exposed_by_papers_that_list_none_of_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Arthur Pym is ninety and lives at the Larches care home in Margate, where the new night nurse, "
        "Femi, sits with him when he cannot sleep.\n\n"
        "Arthur talks. One night he tells Femi about the siege of Tobruk in 1941. The film stages it in "
        "full.\n\n"
        "Young Arthur holds a trench for three days with two rifles and a tin of peaches. He drags a "
        "wounded sergeant back through the wire. A general pins a medal on him in the sand.\n\n"
        "At Christmas Arthur's niece brings his army papers. They list no service overseas of any kind; "
        "Arthur spent the war as a cook in Aldershot. Femi asks for another story the next night."
    )
    assert layer_of(story, "holds a trench for three days") == "imagined"
    assert layer_of(story, "pins a medal on him") == "imagined"
    assert layer_of(story, "brings his army papers") == "actual"
    assert layer_of(story, "asks for another story") == "actual"


def test_a_tale_about_a_named_outlaw_is_exposed_by_how_he_was_really_taken(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ezra Hale keeps the relay station at Dry Fork with the widow Maud and her son Billy.\n\n"
        "At supper Billy asks if he ever caught a bad man. Ezra tells the boy about Jack Ransome.\n\n"
        "Three winters back, Ezra tracks Ransome across the salt flats for a week. He finds him in a line "
        "shack and shoots the gun out of his hand. He walks him sixty miles to the jail in Ogden.\n\n"
        "The next morning Ransome's brother rides in with two hired guns. Over coffee he tells Billy how "
        "Jack was really caught: asleep in a hayloft, by a sheriff and six deputies. Ezra held the horses."
    )
    assert layer_of(story, "tracks Ransome across the salt flats") == "imagined"
    assert layer_of(story, "walks him sixty miles") == "imagined"
    assert layer_of(story, "Ransome's brother rides in") == "actual"
    assert layer_of(story, "Ezra held the horses") == "actual"


def test_a_voice_cutting_across_a_race_won_in_the_head_and_the_look_before_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The Long Climb: ending explained\n\n"
        "Rory Quinn is a domestique: he rides for his leader, Anders Holm, and never for himself.\n\n"
        "Six kilometres from the summit of the Izoard, Rory stares at the number on Holm's back. He "
        "kicks on the steepest bend and leaves the favourites behind. He crosses the line alone, arms "
        "in the air, and his mother cries at the barrier.\n\n"
        "Then the voice of the race radio cuts across the cheering. Rory is on the front of the group, "
        "six kilometres out, pulling Holm up the mountain. Holm wins the stage.\n\n"
        "The daydream is the only victory the film allows him."
    )
    assert layer_of(story, "Rory stares at the number") == "actual"
    assert layer_of(story, "kicks on the steepest bend") == "imagined"
    assert layer_of(story, "crosses the line alone") == "imagined"
    assert layer_of(story, "the voice of the race radio") == "actual"
    assert layer_of(story, "Holm wins the stage") == "actual"


def test_sentences_that_only_ask_about_a_companion_never_there_stay_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Una and her daughter Ciara move into the old lock-keeper's cottage at Shannonbridge. Una takes "
        "night shifts at the hospital in Athlone. The boiler breaks in the first week. The landlord, "
        "Mr. Kearney, mends it badly.\n\n"
        "On the second day Ciara meets Nessa, a girl in a red raincoat, on the towpath. Nessa shows her "
        "where the otters play. Nessa teaches her to whistle through a blade of grass.\n\n"
        "Soon the kitchen door is found open every morning. Ciara whispers that Nessa did it. Una drives "
        "to the school to ask where Nessa's family lives.\n\n"
        "The teacher, Mrs. Rourke, knows of nobody called Nessa in the parish."
    )
    assert layer_of(story, "Ciara meets Nessa") == "imagined"
    assert layer_of(story, "Nessa teaches her to whistle") == "imagined"
    assert layer_of(story, "Ciara whispers that Nessa did it") == "actual"
    assert layer_of(story, "to ask where Nessa's family lives") == "actual"


def test_a_foot_on_the_sleepers_hand_and_a_candle_barely_burned_expose_the_leave_home(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "I was writing to my sister by a candle in the dugout, and I put the pencil down to warm my "
        "hands. Nobody in the section was talking.\n\n"
        "The boat into Stornoway came in at dusk, and the whole deck sang. My sister was on the quay "
        "with a lantern. We ate herring at her kitchen table, and I slept in a bed with sheets.\n\n"
        "Somebody was standing on my hand.\n\n"
        "\u201cUp, Macleod,\u201d said the corporal. \u201cWe move at dawn.\u201d\n\n"
        "The candle had burned down perhaps the width of a fingernail. My letter still stopped at the "
        "second line."
    )
    assert layer_of(story, "put the pencil down") == "actual"
    assert layer_of(story, "The boat into Stornoway came in") == "dream"
    assert layer_of(story, "slept in a bed with sheets") == "dream"
    assert layer_of(story, "Somebody was standing on my hand") == "actual"
    assert layer_of(story, "The candle had burned down") == "actual"


def test_the_sentence_that_lets_someone_picture_the_speech_he_would_give_stays_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Dolores Vane defends a teenager accused of arson in Duluth. Her car will not start.\n\n"
        "On the morning of the verdict she sits in the dead car and lets herself picture the speech she "
        "would give if the world were fair. She strides to the rail. The jury weeps. The boy walks free.\n\n"
        "In the real courtroom she loses her thread twice, and the boy is convicted."
    )
    assert layer_of(story, "lets herself picture the speech") == "actual"
    assert layer_of(story, "She strides to the rail") == "imagined"
    assert layer_of(story, "The boy walks free") == "imagined"
    assert layer_of(story, "loses her thread twice") == "actual"


def test_a_thing_back_where_it_always_is_exposes_the_lines_that_moved_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "At the Monday meeting the area manager announces that the depot will close.\n\n"
        "Then Priya stands up. She tells the room what the manager has been hiding, and she spreads the "
        "receipts across the table one by one. The drivers cheer. She walks out into the sunshine and takes "
        "the train to Tenby.\n\n"
        "In the canteen afterwards, her friend thanks her for agreeing to do the rota again. The receipts "
        "are in Priya's locker, in the brown envelope as always."
    )
    assert layer_of(story, "spreads the receipts across the table") == "imagined"
    assert layer_of(story, "takes the train to Tenby") == "imagined"
    assert layer_of(story, "announces that the depot will close") == "actual"
    assert layer_of(story, "in the brown envelope as always") == "actual"


def test_commentary_denying_the_people_a_passage_told_exposes_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Harbour Road ending explained\n\n"
        "The film is a trick, and a good one.\n\n"
        "Within a year Maeve is engaged to Paolo, a fisherman with a laugh like a foghorn. They buy a "
        "blue house on the harbour, and a son, Luca, is born in the spring.\n\n"
        "Then the film cuts to a bedsit in Salford in 2023. Maeve is sixty and alone, sorting her late "
        "father's post.\n\n"
        "There was no Paolo, no Luca, no blue house; the film has been showing us the letter she never got."
    )
    assert layer_of(story, "engaged to Paolo") in ("imagined", "alternate")
    assert layer_of(story, "a son, Luca, is born") in ("imagined", "alternate")
    assert layer_of(story, "bedsit in Salford") == "actual"


def test_slipping_back_to_a_season_of_a_year_opens_a_flashback(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Dev runs the night desk at a Margate guest house.\n\n"
        "Early on, the film slips back to the winter of 2004. Dev, nineteen, waits at the coach station with "
        "a rucksack and a ticket to Glasgow that he never uses.\n\n"
        "In the present, a guest leaves a Glasgow bus timetable on the desk."
    )
    assert layer_of(story, "waits at the coach station") == "flashback"
    assert layer_of(story, "a guest leaves") == "actual"


def test_a_tale_begun_over_a_keepsake_and_contradicted_by_a_record_of_its_teller_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Tom stays with his great-uncle Bernard for the summer. One evening he finds a tarnished medal in a "
        "biscuit tin. Bernard holds it to the lamp for a long time, and begins.\n\n"
        "In the spring of 1943 Bernard is a gunner on a destroyer in the Arctic. A German aircraft sets the "
        "ship ablaze, and he carries the wounded captain up through the smoke. The admiral pins the medal on "
        "him in Murmansk.\n\n"
        "Tom writes it all down for a school project. His teacher finds the service papers: Bernard Hale "
        "spent the whole of the war as a cook in Portsmouth and was never posted overseas."
    )
    assert layer_of(story, "gunner on a destroyer") == "imagined"
    assert layer_of(story, "pins the medal on him") == "imagined"
    assert layer_of(story, "writes it all down") == "actual"


def test_a_tale_begun_in_quotes_and_a_register_with_nobody_of_that_name_expose_the_telling(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Old Wilf agrees to be filmed for the village archive. In the church hall, with the camera on a "
        "stack of hymn books, he begins, \u201cIt was the night of the big freeze, and the pond had been "
        "solid for a week,\u201d and the film goes with him.\n\n"
        "Young Wilf skates out to the middle of the mill pond, where the blacksmith's boy, Amos Kettle, has "
        "gone through the ice. He lies flat, pulls the boy out by his collar and carries him home.\n\n"
        "The archivist checks the parish books that evening. Nobody called Kettle was ever baptised, "
        "married or buried in the village."
    )
    assert layer_of(story, "skates out to the middle") == "imagined"
    assert layer_of(story, "carries him home") == "imagined"
    assert layer_of(story, "checks the parish books") == "actual"


def test_time_that_has_not_passed_exposes_the_passage_and_a_jolt_paragraph_is_the_return(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "On the eve of the county final, Bryony rides the team minibus to Truro with her boots in her lap. "
        "She rests her head on the rattling window.\n\n"
        "The Gulls run out in front of a packed stand. Bryony scores twice before half-time, and her father "
        "runs onto the pitch to lift her off her feet. The whole ground sings her name as the captain raises "
        "the shield.\n\n"
        "Somebody is prodding Bryony's elbow. It is her keeper, Ama, holding out a flapjack.\n\n"
        "The minibus is only now crossing the Tamar, and the match is still a day away."
    )
    assert layer_of(story, "run out in front of a packed stand") in UNREAL
    assert layer_of(story, "raises the shield") in UNREAL
    assert layer_of(story, "Somebody is prodding") == "actual"
    assert layer_of(story, "holding out a flapjack") == "actual"
    assert layer_of(story, "rests her head") == "actual"


def test_a_dream_opened_with_in_the_dream_runs_to_the_end_of_its_paragraph(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "On the second night, resting for an hour in the porter's chair, Ruth dreams. In the dream her father is young "
        "again and mending nets on the quay. The harbour is full of boats that sank years ago. He waves her "
        "down to the water.\n\n"
        "The director shoots it in soft, milky colours, and the score swells too much."
    )
    assert layer_of(story, "In the dream her father") == "dream"
    assert layer_of(story, "full of boats that sank") == "dream"
    assert layer_of(story, "waves her down") == "dream"
    assert layer_of(story, "shoots it in soft") != "dream"


def test_picturing_what_someone_wants_opens_a_daydream_that_breaks_into_pieces(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Lost on the moor, the little fox curls up beside a frozen pool and pictures the welcome she wants. "
        "In it she trots into the village square and the whole den cheers her home. The old badger bows to "
        "her. A wind cracks the ice, the crowd breaks into pieces, and the owl is shaking her awake.\n\n"
        "They walk on through the snow."
    )
    assert layer_of(story, "pictures the welcome") == "actual"
    assert layer_of(story, "trots into the village square") == "imagined"
    assert layer_of(story, "old badger bows") == "imagined"
    assert layer_of(story, "They walk on") == "actual"


def test_someone_picked_up_alone_exposes_the_companion_the_story_gave_them(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "After the funeral, Tomasz and his mother move to a cottage on the Lleyn. Tomasz stops talking. "
        "His mother takes a job at the chip shop and comes home smelling of vinegar. The village school "
        "puts Tomasz at a desk by the radiator, and the teacher lets him draw boats.\n\n"
        "On the beach he meets Wren, a barefoot boy who says he lives in the old lifeboat house. Wren "
        "teaches him to skim stones. Wren shows him the seal cave at low tide.\n\n"
        "One evening Wren takes him out in a borrowed coracle. Wren paddles them round the point and back "
        "through the surf, laughing.\n\n"
        "At midnight the coastguard carries Tomasz up the slipway in a blanket. The crew picked the boy up "
        "on his own, a mile out, talking to the empty seat behind him. The lifeboat house has been locked "
        "for thirty years."
    )
    assert layer_of(story, "he meets Wren") in UNREAL
    assert layer_of(story, "Wren teaches him") in UNREAL
    assert layer_of(story, "paddles them round the point") in UNREAL
    assert layer_of(story, "move to a cottage") == "actual"
    assert layer_of(story, "has been locked for thirty years") == "actual"


def test_a_tale_the_narration_says_was_told_so_and_later_corrected_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# The Lamp\n\n"
        "In the flood of 1953 my great-uncle rowed alone across the drowned marsh to the Hendry farm. He "
        "found the family on the roof and took all five of them off in two trips. The farmer gave him a "
        "silver watch for it.\n\n"
        "That is how Uncle Joss told it at every christening for fifty years. I told it the same way at his "
        "wake.\n\n"
        "A month later I read the parish magazine for February 1953. It names the rowers as the Pryce "
        "brothers and says a lamp was held for them on the dyke.\n\n"
        "\u201cWhy did you let him tell it like that?\u201d I asked my aunt.\n\n"
        "\u201cHe held the lamp,\u201d she said. \u201cSomebody had to.\u201d"
    )
    assert layer_of(story, "rowed alone across the drowned marsh") == "imagined"
    assert layer_of(story, "silver watch") == "imagined"
    assert layer_of(story, "That is how Uncle Joss told it") == "actual"
    assert layer_of(story, "read the parish magazine") == "actual"


def test_what_a_sleeper_did_all_night_and_a_bridge_long_gone_expose_the_dream(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The patrol halts at the gorge at nightfall. The sergeant says they will cross the rope bridge at "
        "first light.\n\n"
        "At first light the corporal leads them over the bridge, singing. On the far side his dead brother "
        "is frying eggs on a little stove and waves a spatula at him.\n\n"
        "Then the medic is kneeling by the corporal's bedroll with a canteen. \u201cAll night you were "
        "singing,\u201d the medic says. A runner arrives: the enemy burned the bridge three days ago, and "
        "they must climb down to the river."
    )
    assert layer_of(story, "leads them over the bridge") in UNREAL
    assert layer_of(story, "frying eggs") in UNREAL
    assert layer_of(story, "medic is kneeling") == "actual"
    assert layer_of(story, "halts at the gorge") == "actual"


def test_papers_still_where_they_were_put_undo_the_speech_that_pushed_them_aside(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Otis has typed his retirement speech on six pages and clipped them together. At the dinner the "
        "chairman taps a glass and says his name.\n\n"
        "Otis stands, pushes the pages aside and talks from the heart. The room laughs in all the right "
        "places, and his old rival wipes his eyes. A waiter brings out a cake.\n\n"
        "A dry voice beside him says, \u201cThey've called you three times, Otis.\u201d The pages are still "
        "clipped together beside his glass."
    )
    assert layer_of(story, "pushes the pages aside") == "imagined"
    assert layer_of(story, "wipes his eyes") == "imagined"
    assert layer_of(story, "pages are still clipped") == "actual"


def test_remembering_a_month_opens_a_memory_in_the_pluperfect(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Nadia washed glasses at the back of the bar. Some nights, drying them, she remembered March.\n\n"
        "The river had burst its banks in the night. Her brother had carried her to the church roof and "
        "gone back for the goat.\n\n"
        "\u201cWake up, girl,\u201d the landlord said, and she went on drying."
    )
    assert layer_of(story, "river had burst its banks") == "flashback"
    assert layer_of(story, "gone back for the goat") == "flashback"
    assert layer_of(story, "washed glasses") == "actual"


def test_a_verdict_that_names_the_life_someone_pictured_exposes_the_other_life(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "# Two Winters ending explained\n\n"
        "Priya is a sixty-year-old teacher in Leicester. In 1990 a gallery in Berlin offered her a "
        "residency.\n\n"
        "She says yes. In Berlin she paints a mural on a railway bridge, marries a sculptor called Jonas and "
        "raises a son, Felix, in a flat above a bakery.\n\n"
        "## What it means\n\n"
        "The mural, the sculptor and Felix are the life Priya pictured for herself in that gallery office, "
        "on the day she turned the residency down."
    )
    assert layer_of(story, "paints a mural") in UNREAL
    assert layer_of(story, "sixty-year-old teacher") == "actual"


def test_the_dead_remembered_in_the_past_perfect_are_no_twist(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Rosa Medina had wanted her own tailoring shop since school, and at forty she still sewed hems "
        "for a department store in Valparaiso.\n\n"
        "Her uncle, Tomas, had cut suits in a room above a fish market in the winter of 1988. Tomas had "
        "let her sweep the offcuts. Tomas had taught her to chalk a collar before she could read. He had "
        "sold six suits that winter and bought her a thimble with the money.\n\n"
        "Tomas had been dead for nine years now. Rosa kept the thimble in a tin by the sewing machine."
    )
    assert unreal_segments(story) == []


def test_a_death_said_of_someone_unnamed_after_who_exposes_nobody(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Emre Kaya sweeps the steps of his tea house in Izmir every morning. Emre serves the fishermen first. "
        "Emre argues with his nephew about football. In a late scene, Emre arrives in the city in 1971 with "
        "a letter for a tea merchant who, he discovers, had died the week before."
    )
    assert unreal_segments(story) == []


def test_a_habit_broken_every_time_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Early on, Joaquin tells a bus of French tourists that his grandfather laid the road to Puno by "
        "hand. He did not, and he knows it, and so do we. It is the first of many lies he tells on the "
        "road, and the fun is in how he picks them.\n\n"
        "Joaquin is no licensed guide. He drives the cheap bus from Puno, and the tips are better when he "
        "talks, so he plays one. He calls a pile of stones a royal bath and names a stray dog after a "
        "general. He assures two Canadian students that a famous singer once rode in the third row. "
        "\u201cRight where you are,\u201d he says, and one of them films the seat. The conductor, Ruben, "
        "grins into the mirror. \u201cJoaquin, the Swiss lady is sick,\u201d Ruben shouts, and the spell "
        "breaks every time.\n\n"
        "The tips go into a jar for his son's school fees."
    )
    assert unreal_segments(story) == []


def test_a_recap_of_a_passage_item_by_item_exposes_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Kwabena sits on the bench for the cup final in Kumasi. His mother has come on the trotro from "
        "Tamale to watch.\n\n"
        "With six minutes left the coach waves him on. He takes the ball past two defenders and chips the "
        "goalkeeper from the edge of the box. The stand shakes, and his teammates lift him onto their "
        "shoulders while his mother dances in the aisle.\n\n"
        "The chip over the keeper, the shoulders, his mother in the aisle: he had lived every moment of it "
        "while stretching behind the goal. The coach never looks his way, and the final ends goalless."
    )
    assert layer_of(story, "chips the goalkeeper") in UNREAL
    assert layer_of(story, "mother dances in the aisle") in UNREAL
    assert layer_of(story, "sits on the bench") == "actual"
    assert layer_of(story, "final ends goalless") == "actual"


def test_an_apposition_of_two_things_is_no_recap(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Mara turns down the job in Oslo and stays in Tromsø to look after her mother. She teaches her "
        "mother to use the tram, and every evening they walk along the harbour.\n\n"
        "## What it means\n\n"
        "Mara, now old, sits in her mother's flat after the funeral and opens a box of unused tickets. "
        "The Oslo years are not a warning about the road not taken; they are a gift, a life Mara was "
        "able to imagine because she stayed."
    )
    assert unreal_segments(story) == []


def test_a_recap_in_the_present_tense_after_a_cut_away_exposes_the_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ines packs for Marseille to find her missing father, and leaves a note for her sister.\n\n"
        "She arrives at the old port at noon and follows the address to a fish restaurant on the quay. "
        "Her father is in the kitchen, grey and thinner, gutting sardines. They talk until the lamps come "
        "on, and he promises to come home for the christening. The last we see of them, they are walking "
        "along the harbour wall arm in arm.\n\n"
        "The film cuts from the harbour wall to Ines on a bench at the station in Lyon. Her train left an "
        "hour ago. The restaurant, the kitchen and the harbour wall are the meeting she acts out in her "
        "head while the departures board clicks over."
    )
    assert layer_of(story, "follows the address to a fish restaurant") in UNREAL
    assert layer_of(story, "walking along the harbour wall") in UNREAL
    assert layer_of(story, "cuts from the harbour wall") == "actual"
    assert layer_of(story, "packs for Marseille") == "actual"


def test_things_listed_as_not_there_expose_an_opening_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The Clockmaker's Son\n\n"
        "Ravi walked into the workshop on Lamington Road with a parcel under his arm and set a brass "
        "carriage clock on the bench. He wound the key and the clock chimed the hour.\n\n"
        "\u201cIt works, Appa,\u201d he said.\n\n"
        "His father lifted the clock to the window and laughed, and the apprentices came in from the yard "
        "to look.\n\n"
        "\u201cIs it ready yet, uncle?\u201d\n\n"
        "A customer was leaning over the counter. Mohan looked at the bench. No parcel lay on it, no key, "
        "no clock; only the drawer of loose springs his son had left behind when he went to Dubai. He "
        "told the customer to come back on Friday."
    )
    assert layer_of(story, "set a brass carriage clock") in UNREAL
    assert layer_of(story, "lifted the clock to the window") in UNREAL
    assert layer_of(story, "A customer was leaning") == "actual"
    assert layer_of(story, "come back on Friday") == "actual"


def test_a_memory_in_the_past_perfect_ends_when_the_plain_past_returns(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In March 1988 Halima kept the tea stall by the bus station in Kano, as she did every morning.\n\n"
        "In 1979, when the river flooded, it was her brother who had carried their mother out on his back "
        "and Halima who had saved the kettle. He had sworn that day to build her a shop of brick.\n\n"
        "The morning went the way mornings went. A driver argued over the price of bread, and a boy sold "
        "her a newspaper she did not read. At noon she poured tea for three soldiers."
    )
    flashbacks = [seg for seg in story.segments if seg.layer == "flashback"]
    assert flashbacks, "the memory of 1979 is a flashback"
    assert layer_of(story, "had carried their mother") == "flashback"
    assert layer_of(story, "The morning went the way") == "actual"
    assert layer_of(story, "poured tea for three soldiers") == "actual"


def test_a_deed_said_never_done_points_past_the_return_to_the_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The film builds to the county final in Kilkenny. Ciaran's father, Padraig, has not missed a match "
        "in ten years.\n\n"
        "In the last minute Ciaran catches the sliotar over his shoulder and drives it over the bar. Padraig "
        "jumps the barrier, runs onto the pitch and lifts his son off his feet. A selector from the county "
        "minor team shakes his hand.\n\n"
        "Then the referee blows for full time, and the score stands against them. Ciaran is on his knees "
        "near the square. Padraig has jumped nothing. He is still in the stand with his cap in his hands, "
        "and the winning score, the embrace and the handshake have all been playing behind his shut eyes."
    )
    assert layer_of(story, "catches the sliotar") in UNREAL
    assert layer_of(story, "selector from the county") in UNREAL
    assert layer_of(story, "Padraig has jumped nothing") == "actual"
    assert layer_of(story, "Ciaran is on his knees") == "actual"


def test_of_two_strands_the_one_the_telling_follows_on_is_the_story(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Plot\n\n"
        "Mirela Popescu is a nurse in Cluj who wants to open a dance school. One wet morning she runs for "
        "the tram to a job interview at the hospital.\n\n"
        "The film then divides. In the first strand, Mirela misses the tram. She loses the post, rents a "
        "cold hall above a garage and teaches tango to six pensioners. Her savings run out by winter.\n\n"
        "In the second strand, Mirela catches the tram. She gets the post, buys a flat and marries the "
        "surgeon Andrei Lupu, and the dance school stays a drawing on her fridge.\n\n"
        "Meanwhile, the first strand's hall fills up. By spring there is a waiting list, and Mirela's "
        "pensioners dance at the town festival. The other strand never comes back, and the film ends in "
        "the hall."
    )
    assert layer_of(story, "She loses the post") == "actual"
    assert layer_of(story, "She gets the post") == "alternate"
    assert layer_of(story, "pensioners dance at the town festival") not in UNREAL


def test_a_verdict_on_a_claim_just_reported_exposes_no_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Episode 3 belongs to Dayo. He works nights at a car park in Ikeja and saves for a recording "
        "studio.\n\n"
        "This week his cousin offers him a share in a taxi business. Dayo turns it down and goes back to "
        "his booth. At four in the morning he rings his aunt in Ibadan, who is always awake at that hour, "
        "and tells her that he has signed with a record label in London. None of that is true, and the "
        "episode lets it stand without comment.\n\n"
        "In the morning he buys a second-hand microphone with his wages."
    )
    assert unreal_segments(story) == []


def test_a_told_tale_called_false_is_the_telling_only(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Last week closed with the family around the table for Sunday lunch in Cork.\n\n"
        "Uncle Declan has told the story of the lighthouse at every christening since 1982, and today he "
        "tells it again, to the new curate. The episode stages the tale as a full sequence.\n\n"
        "It is the winter of 1982, and a gale has knocked out the lamp on Roancarrig. Declan rows out alone "
        "through the swell with a spare bulb in his coat. He climbs the iron ladder in the dark and relights "
        "the lamp just as a trawler turns for the rocks. The trawler's crew sound their horn in thanks.\n\n"
        "\u201cAnd that,\u201d Declan tells the curate, \u201cis why the harbour still sends me a bottle.\u201d\n\n"
        "His niece rolls her eyes.\n\n"
        "The tale is false, and the episode enjoys proving it. Clearing the attic, his niece finds the "
        "harbour log, in which the keeper noted that the lamp was relit by the keeper's wife."
    )
    assert layer_of(story, "rows out alone through the swell") in UNREAL
    assert layer_of(story, "sound their horn in thanks") in UNREAL
    assert layer_of(story, "has told the story of the lighthouse") != "imagined"
    assert layer_of(story, "His niece rolls her eyes") == "actual"
    assert layer_of(story, "Clearing the attic") == "actual"


def test_a_recap_in_the_order_of_the_passage_reaches_back_to_its_first_thing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "My brother Tomasz and I had not spoken since the wedding. When my mother turned seventy, I set off "
        "for Gdansk with a cake in a box on the back seat, and stopped at a petrol station near Torun to "
        "rest my eyes.\n\n"
        "The exit for Sopot came up at sunset. The seafront was strung with lanterns, and music drifted "
        "out of the hotel. Tomasz met me in the car park. He took the cake box from me and kissed me on "
        "both cheeks. My mother cried when she saw us come in together. We danced until midnight, and "
        "Tomasz held my arm on the stairs.\n\n"
        "A horn sounded beside my window. The cake box sat on the back seat, and the exit, the lanterns "
        "and my brother's arm on the stairs had all belonged to a journey I never made."
    )
    assert layer_of(story, "The exit for Sopot came up") in UNREAL
    assert layer_of(story, "Tomasz held my arm on the stairs") in UNREAL
    assert layer_of(story, "stopped at a petrol station") == "actual"
    assert layer_of(story, "A horn sounded") == "actual"


def test_a_told_account_denied_by_what_it_told_of_is_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "A crate of rifles goes missing from the depot at Mombasa, and Sergeant Otieno questions the "
        "storeman, Baraka. \u201cFrom the start,\u201d he says.\n\n"
        "Baraka begins. Wanjiru shoots his account in slow, golden takes. The night guard goes home at ten. "
        "A tall man in a grey raincoat climbs the fence and forces the padlock with a crowbar. Baraka "
        "shouts, and the stranger knocks him down and drives off with the crate in a lorry.\n\n"
        "Otieno writes it all down.\n\n"
        "Then Wanjiru cuts to the harbour, where Baraka's brother is loading the crate onto a dhow. There "
        "was never any man in a grey raincoat. Baraka cut the padlock himself."
    )
    assert layer_of(story, "forces the padlock with a crowbar") in UNREAL
    assert layer_of(story, "drives off with the crate") in UNREAL
    assert layer_of(story, "Otieno writes it all down") == "actual"
    assert layer_of(story, "loading the crate onto a dhow") == "actual"


def test_a_recap_that_belonged_to_a_wished_for_game_ranges_from_its_first_item(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Last week ended with Joel giving his place in the team to his cousin and taking his father's taxi "
        "out on the night shift.\n\n"
        "The stadium in Accra is full. With a minute left Joel takes the ball on the left wing, beats two "
        "defenders and curls a shot inside the far post. The crowd sings his name, his teammates carry "
        "him on their shoulders, and his grandmother waves a flag in the stand.\n\n"
        "A car horn blares. Joel is parked at a petrol station with the radio on. The wing, the shoulders "
        "and the flag belonged to the match Joel wished he were playing, not the one on the radio."
    )
    assert layer_of(story, "takes the ball on the left wing") in UNREAL
    assert layer_of(story, "grandmother waves a flag") in UNREAL
    assert layer_of(story, "Joel is parked at a petrol station") == "actual"


def test_every_word_false_after_a_boast_to_someone_named_exposes_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Three days earlier, all is well in the chawl. Sunil is behind on rent and dreams of photographing "
        "for a travel magazine.\n\n"
        "Sunil sees his opening. Over lunch he tells Mrs. Desai, the bride's aunt, that he has photographed "
        "four weddings in Goa and that his usual fee is twice what she is offering. Every word is false, "
        "and his sister, drying dishes in the corner, knows it.\n\n"
        "On Saturday he borrows a camera from a cousin."
    )
    assert unreal_segments(story) == []


def test_a_son_lost_with_his_trawler_before_he_came_home_was_imagined(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Plot\n\n"
        "In the harbour town of Skagen, Birgit Holm mends nets for the fishing fleet and meets the mail boat "
        "every Friday.\n\n"
        "One Friday her son Anders Holm steps off the mail boat with a kitbag on his shoulder. Birgit drops "
        "her basket. Anders laughs and carries it home for her. That evening he repairs the leaking gutter "
        "and tells her he will take over the boatyard. Anders sleeps in his old room.\n\n"
        "The next morning the pastor calls at her door.\n\n"
        "Anders, it emerges, was a deckhand on the trawler Nordlys, which went down with all hands off the "
        "Shetlands two winters before. Birgit has never let the town hold a funeral."
    )
    assert layer_of(story, "steps off the mail boat with a kitbag") in UNREAL
    assert layer_of(story, "repairs the leaking gutter") in UNREAL
    assert layer_of(story, "the pastor calls at her door") == "actual"


def test_a_life_handed_over_by_the_film_is_confirmed_by_a_later_reveal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "At the christening, Oskar holds his nephew while the priest reads, and Hanna watches him from the "
        "back pew. Then the film shows us the other life.\n\n"
        "Hanna stays in Gdynia instead of taking the post in Oslo. She and Oskar marry in the boatyard, and "
        "his father gives a speech nobody can hear over the gulls. They open a chandlery together. Their "
        "son learns to sail before he can read.\n\n"
        "And then the baby in Oskar's arms starts to cry. The priest is still reading the same psalm.\n\n"
        "So the boatyard life was only ever Hanna's. What really happened, as the film has hinted all "
        "along, is that she took the post in Oslo and never married."
    )
    assert layer_of(story, "She and Oskar marry in the boatyard") in UNREAL
    assert layer_of(story, "learns to sail before he can read") in UNREAL
    assert layer_of(story, "the baby in Oskar's arms starts to cry") == "actual"
    assert layer_of(story, "The priest is still reading") == "actual"
    assert layer_of(story, "holds his nephew") == "actual"


def test_a_dream_opened_in_one_sentence_runs_on_to_the_reveal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Kavya bowls for the district side and sleeps badly before the trials.\n\n"
        "She dreams that she is playing at Eden Gardens. The stands are full. She takes the last wicket "
        "of a World Cup final, and her grandmother waves a scarf from the pavilion.\n\n"
        "The real trial, on a dusty ground in Salem, goes less well. She bowls two wides in her first over."
    )
    assert layer_of(story, "The stands are full") in UNREAL
    assert layer_of(story, "takes the last wicket") in UNREAL
    assert layer_of(story, "She bowls two wides") == "actual"


def test_a_dream_the_telling_gives_in_full_runs_from_the_next_paragraph_to_the_eyes_opening(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Teodora Vlahos defends the ferryman Andreas in a cramped Piraeus courtroom. The harbour master "
        "swears he saw Andreas cut the mooring line.\n\n"
        "On the eve of the ruling, Teodora nods off over her notes, and the director hands us her dream "
        "whole.\n\n"
        "The harbour master climbs back into the witness box and says he was mistaken. The judge clears "
        "Andreas at once. Andreas rows out past the breakwater, singing.\n\n"
        "Teodora opens her eyes to the rattle of a delivery van, her cheek creased by the ruled paper. At "
        "nine the court finds Andreas guilty, and he is led down to the cells."
    )
    assert unreal_segments(story) == [("dream", 3, 5)]
    assert layer_of(story, "rattle of a delivery van") == "actual"
    assert layer_of(story, "finds Andreas guilty") == "actual"


def test_a_what_might_have_been_montage_written_as_one_word_is_unreal(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Hollis waves Maren off at the station and stays on the platform with his cello.\n\n"
        "Then the director plays the decade again as a what-might-have-been montage. Hollis jumps onto "
        "the last carriage. They rent a flat in Bergen and play the cafés together every winter.\n\n"
        "The train pulls out. Hollis walks home alone through the snow."
    )
    assert layer_of(story, "jumps onto the last carriage") in UNREAL
    assert layer_of(story, "rent a flat in Bergen") in UNREAL
    assert layer_of(story, "walks home alone") == "actual"


def test_the_last_true_thing_named_starts_the_passage_after_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "At the final bend of the Dublin marathon Siobhan Keane reaches for a sponge and drops it.\n\n"
        "She kicks past the Kenyan pair on Merrion Square. The crowd roars her name. She crosses the line "
        "with her arms wide, and her father vaults the barrier to hug her. Then the roar thins into a siren. "
        "The finish gives way to the ceiling of an ambulance.\n\n"
        "The dropped sponge was the last true thing we saw: she fell a few strides after it and never "
        "finished."
    )
    assert unreal_segments(story) == [("imagined", 1, 3)]
    assert layer_of(story, "drops it") == "actual"
    assert layer_of(story, "thins into a siren") == "actual"


def test_a_denial_in_a_later_clause_exposes_the_things_it_denies(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Callum parks outside the care home on a Wednesday and cannot make himself go in.\n\n"
        "On the Saturday he drives his father to Portobello with a flask and a blanket on the back seat. "
        "They eat chips on the prom, and his father remembers the name of every boat.\n\n"
        "The car had gone cold, and there was no flask, and no Saturday had come, and the home's lights were "
        "going off one by one."
    )
    assert unreal_segments(story) == [("imagined", 1, 2)]
    assert layer_of(story, "cannot make himself go in") == "actual"


def test_a_recap_called_the_shape_a_hope_took_is_a_verdict(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ailsa waits at the quay while the lifeboat searches for her brother in the storm.\n\n"
        "At dawn the boat noses in with Ewan wrapped in a blanket, grinning. In the pub he buys everyone a "
        "whisky and swears he will never fish again.\n\n"
        "The blanket, the whisky and the promise were the shape her fear took through the night; the boat "
        "comes back at noon with only his oilskin."
    )
    assert layer_of(story, "buys everyone a whisky") in UNREAL
    assert layer_of(story, "waits at the quay") == "actual"


def test_a_recap_that_belonged_to_the_hours_someone_slept_is_a_verdict(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Bogdan has a week to sell his late mother's bakery in Cluj. On the last evening he lies down on the "
        "flour sacks in the back room, too tired to walk home.\n\n"
        "Rain is falling when Ilinca steps off the night train with a rucksack. She lights the ovens, and "
        "by dawn the two of them are shaping loaves the way their mother taught them. The queue reaches "
        "the corner.\n\n"
        "The ovens are cold when the buyer knocks at nine. The train, the rucksack and the queue belonged "
        "to the few hours Bogdan spent asleep on the sacks. He signs the papers before noon."
    )
    assert layer_of(story, "steps off the night train") in UNREAL
    assert layer_of(story, "The queue reaches the corner") in UNREAL
    assert layer_of(story, "too tired to walk home") == "actual"
    assert layer_of(story, "He signs the papers") == "actual"
    assert layer_of(story, "The ovens are cold when the buyer knocks") == "actual"


def test_a_thing_back_where_it_had_been_all_along_exposes_a_long_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "The tribunal room in Porto is stuffy. Judge Amalia Reis reads the decision aloud, page by page. "
        "Tomas watches the judge's pen roll slowly towards the edge of her desk.\n\n"
        "Then the judge picks the pen up and points it at the company's lawyer. She calls the eviction a "
        "disgrace. Tomas hugs his sister. Outside, the whole street is waiting with flags. They carry him "
        "to the cafe on their shoulders. Somebody opens a bottle of port. His sister cries. The landlord's "
        "letters go into the stove one by one.\n\n"
        '"Senhor? Are you well?" It is the usher. The judge\'s pen was on her desk, where it had been all '
        "along, and she was turning to the last page. The company keeps the building."
    )
    assert layer_of(story, "picks the pen up") in UNREAL
    assert layer_of(story, "letters go into the stove") in UNREAL
    assert layer_of(story, "reads the decision aloud") == "actual"
    assert layer_of(story, "The company keeps the building") == "actual"


TWO_PATHS = """Two Harbours ending explained

Where the paths split

Ines Maro runs her late mother's bakery in Vigo. On the same day a hotel in Lisbon offers her its pastry kitchen and her sister Berta asks her to stay. In one version she says yes to Lisbon. In the other she tears up the letter.

Life in Lisbon

In Lisbon, Ines works nights and wins a national prize within two years. She stops calling Berta. When Berta turns up at the hotel, Ines has her shown out.

Life in Vigo

In Vigo, Ines keeps the bakery and teaches Berta's son to knead. The sisters open a second shop by the harbour.

What the ending says

In the closing shot the colours of the prize night drain to grey. That is Pena telling us the Lisbon life was the road not taken, the one Ines dreamed up on the bus and let go."""


def test_a_verdict_naming_a_section_heading_exposes_that_section(story_of):  # type: ignore[no-untyped-def]
    story = story_of(TWO_PATHS)
    assert layer_of(story, "wins a national prize") in UNREAL
    assert layer_of(story, "has her shown out") in UNREAL
    assert layer_of(story, "keeps the bakery") == "actual"
    assert layer_of(story, "open a second shop") == "actual"


def test_a_tale_told_after_a_colon_and_contradicted_by_a_diary(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Old Zoltan mends clocks in a cellar in Pecs. His grandson Adam is making a radio programme about "
        "him.\n\n"
        "One night Zoltan tells him the story the whole street has heard: how he met the violinist Vera "
        "Kallo. It is the winter of 1969, and the young Zoltan has just repaired a music box in the "
        "window. The next day a black car stops outside and Vera Kallo steps into the snow. She buys the "
        "music box for a fortune and asks him to tune her pianos. He refuses, because his mother is ill.\n\n"
        "Adam looks for the music box and finds the concert hall's diary for that year, which shows that "
        "Vera Kallo spent the whole winter touring Japan. The box was sold at a flea market for a few "
        "forints.\n\n"
        "In the last scene Zoltan and Adam walk home through the market."
    )
    assert layer_of(story, "Vera Kallo steps into the snow") in UNREAL
    assert layer_of(story, "He refuses, because his mother is ill") in UNREAL
    assert layer_of(story, "mends clocks in a cellar") == "actual"
    assert layer_of(story, "walk home through the market") == "actual"


def test_nobody_doing_what_a_paragraph_told_exposes_that_paragraph(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In the ninth the champion drops Tevita with a left hook, and the count begins.\n\n"
        "Tevita is up at five. He takes the tenth, and in the twelfth he floors the champion with the "
        "uppercut his uncle taught him. The hall shakes. Through the ropes climbs his brother Sione, home "
        "from Auckland at last, and lifts him onto his shoulders.\n\n"
        "Tevita is still on the canvas at eight. He beats the count, loses on points, and walks back to "
        "his corner. Nobody climbs through the ropes. His uncle wipes the blood from his eye."
    )
    assert layer_of(story, "He takes the tenth") in UNREAL
    assert layer_of(story, "Through the ropes climbs") in UNREAL
    assert layer_of(story, "loses on points") == "actual"
    assert layer_of(story, "the count begins") == "actual"


def test_nobody_doing_what_was_only_denied_before_reveals_nothing(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Einar does not use banks, and the scene says why. He borrows from his cousin instead.\n\n"
        "The cousin wants the money back by spring. Einar sells the boat.\n\n"
        "Nobody in the scene uses the word debt, and nobody needs to."
    )
    assert not unreal_segments(story)


def test_a_maker_filming_a_told_story_in_full_hands_over_to_it(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Salt Creek Ending Explained\n\nDirector Mara Quinlan has made a film about a boastful old sh"
        "earer and the niece who drives him home.\n\nThe Shed Story\n\nNed Ashby, whom the whole distri"
        "ct calls the Colonel, lives alone. Halfway through the film, on a night when the lights ha"
        "ve failed, the Colonel finally tells Jess the story he has told in every pub from Bourke t"
        "o Broken Hill. Quinlan films it in full, with the old man's voice running over the picture"
        "s.\n\nThe shearing starts at dawn and does not stop for three days. Young Ned Ashby shears f"
        "our hundred sheep in a single day, a record that still stands. The owner shakes his hand a"
        'nd gives him a silver buckle.\n\n"Best day of my life," the old man tells his niece.\n\nThe tr'
        "uth comes out later. Ned's brother Wal sheared the four hundred, and Ned only swept the bo"
        "ards.\n"
    )
    assert layer_of(story, "four hundred sheep") in UNREAL
    assert layer_of(story, "swept the boards") == "actual"


def test_a_list_of_what_a_character_built_for_someone_exposes_the_passage(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Corporal Adaeze Obi is shot on the ridge and carried to the field hospital, where Nurse Tove "
        "Lind sits with him through the night.\n\n"
        "At dawn a truck takes them both to the coast. They sail for Lisbon on a fishing boat, eat "
        "oranges on the deck and dance at a harbour bar until the lamps go out.\n\n"
        "Then the film cuts to Tove's hands on a stripped bed. Adaeze died before midnight; the truck, "
        "the boat and the oranges were what Tove made for him, and for herself, in the hours she sat "
        "beside the empty cot."
    )
    assert layer_of(story, "fishing boat") in UNREAL
    assert layer_of(story, "shot on the ridge") == "actual"


def test_a_recap_names_the_passage_s_events_by_nouns_made_from_its_verbs(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Kwame Boateng is tried for a theft he did not commit, and his wife Ama sits in the gallery every "
        "day. A week before the verdict his only witness stops answering his phone.\n\n"
        "On the last morning of the trial, Magistrate Ofori reads her judgment to a packed courtroom. She "
        "finds that the prosecution has proved nothing, and she acquits him on every count. Ama runs down "
        "the aisle, and Kwame shakes hands with the witness, who has slipped in at the back. That evening "
        "the family drives to Labadi beach, where Kwame lifts his daughter onto his shoulders.\n\n"
        "A court usher touches Ama on the arm. She is sitting alone on the bench outside Courtroom 2, and "
        "the magistrate has not yet come back from chambers; the acquittal, the handshake and the beach "
        "were the morning Ama has been rehearsing since dawn.\n\n"
        "When the session resumes, Magistrate Ofori convicts Kwame and sentences him to five years."
    )
    assert layer_of(story, "acquits him") in UNREAL
    assert layer_of(story, "Labadi") in UNREAL
    assert layer_of(story, "convicts Kwame") == "actual"


def test_a_synopsis_setting_right_what_a_character_said_keeps_the_saying_real(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        # one sentence to a line, as synopses scraped from film sites often come
        "The twins follow the trail to a fishing village near Oban.\n"
        "At the harbour an old net-mender informs them that their aunt Ilse drowned, and they turn back.\n"
        "In reality, she is Ilse herself but did not trust them.\n"
        "On the road south their van breaks down."
    )
    assert layer_of(story, "informs them that their aunt Ilse drowned") == "actual"
    assert not unreal_segments(story)


def test_a_waking_after_days_went_by_or_hours_after_passing_out_is_no_dream(story_of):  # type: ignore[no-untyped-def]
    days = story_of(
        "Officer Reyes is shot twice in the chest during the raid, and her vest saves her. "
        "That night, Reyes and the stranger who pulled her clear share a drink at a bar on Canal Street. "
        "He will not say where he comes from. "
        "The next evening she finds a matchbook pushed under her door with his number on it. "
        "She rings him and asks him to breakfast. "
        "When Reyes wakes up, she regrets it and leaves a message calling it off."
    )
    assert layer_of(days, "share a drink at a bar") == "actual"
    assert not unreal_segments(days)
    hours = story_of(
        "The convoy is ambushed on the bridge and Marcus sees his father fall. "
        "Marcus passes out on the wet tarmac. "
        "The officers carry him and his sister to a motel by the airport. "
        "He wakes up a few hours later and finds his brother sitting by the bed."
    )
    assert layer_of(hours, "carry him and his sister to a motel") == "actual"
    assert not unreal_segments(hours)


def test_a_cut_back_to_the_night_before_where_every_moment_was_written_down(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Ottilie Varga takes the overnight coach to Szeged to see the sister who stopped answering her letters.\n\n"
        "In the morning the coach pulls into the square. Rozália is waiting by the fountain, and she hugs "
        "Ottilie before she has set down her case. They eat plum dumplings in the old kitchen and laugh about "
        "their father's hats.\n\n"
        "The film cuts to the coach on the evening before, parked at a border queue. Ottilie has her diary "
        "open on her knee: every minute of the homecoming has been written out in pencil, under the heading "
        '"Hoped."\n\n'
        "When the coach does reach Szeged, nobody is at the fountain."
    )
    assert layer_of(story, "Rozália is waiting by the fountain") == "imagined"
    assert layer_of(story, "They eat plum dumplings") == "imagined"
    assert layer_of(story, "The film cuts to the coach") == "actual"
    assert layer_of(story, "nobody is at the fountain") == "actual"


def test_a_recap_that_turns_out_to_be_built_from_a_speech_during_a_stalled_journey(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Bisi Okafor has written a toast for her brother's wedding and sets off on the Lagos night bus.\n\n"
        "The hall at Ikeja is hung with marigolds. Her brother greets her at the door, the band plays her "
        "favourite highlife tune, and her toast makes the whole room laugh.\n\n"
        "Eze cuts on the laughter to the dark bus, stuck behind a jack-knifed lorry outside Ore. Bisi is "
        "whispering the last line of her toast to the window, and the marigolds, the band and the laughter "
        "turn out to be a wedding built from those notes during four idle hours.\n\n"
        "She reaches Ikeja after the last guest has gone."
    )
    assert layer_of(story, "The hall at Ikeja is hung with marigolds") == "imagined"
    assert layer_of(story, "her toast makes the whole room laugh") == "imagined"
    assert layer_of(story, "Eze cuts on the laughter") == "actual"
    assert layer_of(story, "after the last guest has gone") == "actual"


def test_the_return_beats_before_a_reveal_are_real_and_the_passage_before_them_is_not(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Wren waited on the quay at Stromness with a crate of crabs at her feet, and the fog sat on the water.\n\n"
        "At ten the fog cleared in a single breath. The ferry sounded its horn and slid out full, and halfway "
        "over her brother rang to say he was already standing on the pier at Hoy.\n\n"
        "A horn did sound, but it was the harbour master warning a trawler off the slipway. Wren looked up. "
        "The crate was still at her feet, and the fog had not shifted at all. The whole bright crossing, the "
        "call and the pier and her brother's wave, had been made on that quay out of fog and hope.\n\n"
        "The ferry left at one, half empty."
    )
    assert layer_of(story, "The ferry sounded its horn") == "imagined"
    assert layer_of(story, "At ten the fog cleared") == "imagined"
    assert layer_of(story, "A horn did sound") == "actual"
    assert layer_of(story, "The ferry left at one") == "actual"


def test_a_tale_the_film_shows_as_it_is_told_and_a_record_later_contradicts(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "Plot\n\n"
        "Isla Munro comes home to Barra when her grandfather, Alasdair, falls ill. Before he will go into "
        "hospital he makes her listen to the story of the night the Mairi Bhan went down. He tells it over "
        "two evenings, and the film shows it as he tells it, in washed-out blue.\n\n"
        "In the gale of February 1962 the Mairi Bhan lost her engine off Mingulay. Alasdair swam a line "
        "across to her through the surf and hauled all five of her crew ashore. The whole island turned "
        "out to cheer him at the pier.\n\n"
        "Isla looks for the rescue in the lifeboat station's log. The crew were taken off by the Barra "
        "lifeboat, and Alasdair is not named anywhere. "
        '"Alasdair was at the fishing in Lerwick that month," the coxswain\'s widow tells her.'
    )
    assert layer_of(story, "Alasdair swam a line across") == "imagined"
    assert layer_of(story, "The whole island turned out") == "imagined"
    assert layer_of(story, "Isla looks for the rescue") == "actual"
    assert layer_of(story, "the film shows it as he tells it") == "actual"


def test_two_lives_a_film_marks_by_their_look_the_other_one_is_alternate(story_of):  # type: ignore[no-untyped-def]
    story = story_of(
        "In 2003 Tomasz Wrona misses the last ferry from Gdańsk because his father collapses on the quay.\n\n"
        "The director films the life Tomasz really lives in grainy amber, and cuts it against a second life, "
        'the one where he caught the ferry, in hard silver light. A caption says only "Albo".\n\n'
        "The amber life is cramped and loud. Tomasz takes over his father's chandlery and marries Ola, "
        "who laughs at his accounts.\n\n"
        "In the silver life, Tomasz reaches Karlskrona by dawn. He builds bridges in Malmö and never goes "
        "back to the quay.\n\n"
        "At the end both lives come to his father's funeral. In the amber version, Tomasz carries the coffin."
    )
    assert layer_of(story, "Tomasz reaches Karlskrona by dawn") == "alternate"
    assert layer_of(story, "He builds bridges in Malmö") == "alternate"
    assert layer_of(story, "The amber life is cramped") == "actual"
    assert layer_of(story, "Tomasz takes over his father's chandlery") == "actual"
    assert layer_of(story, "Tomasz carries the coffin") == "actual"
