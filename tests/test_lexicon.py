"""Cue words and name lists: the bundled data and a user's additions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from denouement.lexicon import load_lexicon, name_key, name_list, word_set


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    for cached in (load_lexicon, word_set, name_list):
        cached.cache_clear()
    yield
    for cached in (load_lexicon, word_set, name_list):
        cached.cache_clear()


def test_names_compare_without_case_accents_or_full_stops() -> None:
    assert name_key("Agnès  Varda") == "agnes varda"
    assert name_key("F. W. Murnau") == "f w murnau"
    assert name_key("Miss Havisham") == name_key("miss havisham")


def test_bundled_name_lists_hold_people_and_other_works_characters() -> None:
    people, characters = name_list("notable_people"), name_list("notable_characters")
    assert "ken loach" in people and "alfred hitchcock" in people
    assert "miss havisham" in characters and "atticus finch" in characters
    assert not people & characters
    assert not any(name.startswith("#") for name in people)  # comments are not names


def test_a_users_folder_extends_lists_and_name_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    (tmp_path / "characters.yaml").write_text("kinship_names: [nain]\n", encoding="utf-8")
    (tmp_path / "notable_people.txt").write_text("# my critics\nOlwen Prys-Tudor\n", encoding="utf-8")
    monkeypatch.setenv("DENOUEMENT_LEXICON_DIR", str(tmp_path))
    assert {"nain", "mum"} <= word_set("characters", "kinship_names")
    assert "olwen prys-tudor" in name_list("notable_people")
    assert "ken loach" in name_list("notable_people")


def test_census_names_give_a_gender_only_to_names_one_sex_clearly_bears() -> None:
    from denouement.lexicon import census_gender

    assert census_gender("Hester") == "female"
    assert census_gender("Amos") == "male"
    assert census_gender("Biscuit") is None
