"""Commentary: which sentences of an article or a review talk *about* the story rather than tell it.

The layer stage reads cues in each sentence (:func:`denouement.layers.commentary_weights`: a critic's
verdict, a director's interview, "the film" as a subject, a story character as one) and sums them into a
weight. Whether a sentence is commentary is then decided by a logistic model over that weight, the cues
behind it, the sentence's words and the weights of the sentences and paragraph around it. The model is data,
``data/commentary_model.json``: feature name → coefficient, trained by ``tools/train_commentary.py``
on the annotated stories of ``tests/devset`` (see ``docs/commentary.md``). A user can retrain it on their
own annotated stories and point ``DENOUEMENT_LEXICON_DIR`` at a folder holding the new file.

This module knows nothing of spaCy or of the layer stage: it turns :class:`SentenceSignals` into features
and features into probabilities.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from denouement.errors import PipelineError

__all__ = [
    "MODEL_FILE",
    "CommentaryModel",
    "SentenceSignals",
    "commentary_model",
    "features",
    "probabilities",
]

MODEL_FILE = "commentary_model.json"

#: A weight at or above this counts as a sign of commentary in the paragraph and document shares.
SIGN_WEIGHT = 2


@dataclass(frozen=True)
class SentenceSignals:
    """What the commentary model reads of one sentence (furniture excluded)."""

    index: int  # the sentence's position in the story
    paragraph: int
    weight: int  # the summed cue weight of the layer stage
    words: tuple[tuple[str, str], ...]  # (part of speech, lemma) of the narration's words
    flags: frozenset[str]  # cues present: "person_speech", "first_person", "interview" …
    work_subject: str  # "telling", "other" or ""
    tense: str  # "past", "present" or ""
    quoted: float  # share of the sentence in quotation marks
    strong: int  # strong commentary cues matched
    weak: int  # evaluative words matched
    characters: int  # story characters named or referred to


def _clip(value: int) -> int:
    return max(-4, min(8, value))


@dataclass(frozen=True)
class _Surroundings:
    """What every sentence's features read of the whole story, computed once."""

    by_index: dict[int, SentenceSignals]
    paragraph_share: dict[int, float]
    document_share: float
    total: int

    @classmethod
    def of(cls, signals: Sequence[SentenceSignals], total: int) -> _Surroundings:
        signs: Counter[int] = Counter()
        sizes: Counter[int] = Counter()
        for x in signals:
            sizes[x.paragraph] += 1
            signs[x.paragraph] += x.weight >= SIGN_WEIGHT
        return cls(
            {x.index: x for x in signals},
            {p: signs[p] / n for p, n in sizes.items()},
            sum(signs.values()) / max(1, len(signals)),
            total,
        )


def features(signals: Sequence[SentenceSignals], k: int, total: int) -> dict[str, float]:
    """The features of sentence ``signals[k]`` of a story of ``total`` sentences."""
    return _features(signals[k], _Surroundings.of(signals, total))


def _features(s: SentenceSignals, around: _Surroundings) -> dict[str, float]:
    f: defaultdict[str, float] = defaultdict(float)
    f["bias"] = 1
    f[f"w={_clip(s.weight)}"] = 1
    f["wnum"] = _clip(s.weight) / 4
    for flag in s.flags:
        f[flag] = 1
    f[f"ws={s.work_subject}"] = 1
    f[f"tense={s.tense}"] = 1
    f[f"q={round(s.quoted * 4)}"] = 1
    f[f"strong={min(s.strong, 2)}"] = 1
    f[f"weak={min(s.weak, 2)}"] = 1
    words = [(pos, lemma.lower()) for pos, lemma in s.words if pos not in ("PUNCT", "SPACE")]
    f[f"len={min(len(words) // 5, 8)}"] = 1
    f[f"nchar={min(s.characters, 3)}"] = 1
    for pos, lemma in words:
        f["L:" + lemma] = 1
        f["P:" + pos] += 1 / len(words)
    if words:
        f["F:" + words[0][1]] = 1
        if len(words) > 1:
            f["F2:" + words[0][1] + "_" + words[1][1]] = 1
    f[f"pos={int(10 * s.index / max(1, around.total))}"] = 1
    for step, name in ((-1, "prev"), (1, "next")):
        other = around.by_index.get(s.index + step)
        if other is not None:
            f[f"{name}w={_clip(other.weight)}"] = 1
    f[f"parashare={round(around.paragraph_share[s.paragraph] * 4)}"] = 1
    f[f"docshare={round(around.document_share * 5)}"] = 1
    return dict(f)


@dataclass(frozen=True)
class CommentaryModel:
    """A logistic model: coefficients by feature name, and the probability from which a sentence is
    commentary."""

    coefficients: dict[str, float]
    threshold: float = 0.5

    def probability(self, feats: Mapping[str, float]) -> float:
        z = sum(self.coefficients.get(name, 0.0) * value for name, value in feats.items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def commentary_model() -> CommentaryModel:
    """The bundled model, or the user's ``commentary_model.json`` in ``DENOUEMENT_LEXICON_DIR``."""
    user_dir = os.environ.get("DENOUEMENT_LEXICON_DIR")
    if user_dir and (Path(user_dir) / MODEL_FILE).is_file():
        text = (Path(user_dir) / MODEL_FILE).read_text(encoding="utf-8")
    else:
        text = resources.files("denouement").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
        return CommentaryModel(
            {str(k): float(v) for k, v in data["coefficients"].items()}, float(data.get("threshold", 0.5))
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PipelineError(f"the commentary model {MODEL_FILE} is not valid: {exc}") from exc


def probabilities(signals: Sequence[SentenceSignals], total: int) -> dict[int, float]:
    """Sentence index → how likely the sentence is commentary."""
    model = commentary_model()
    around = _Surroundings.of(signals, total)
    return {s.index: model.probability(_features(s, around)) for s in signals}
