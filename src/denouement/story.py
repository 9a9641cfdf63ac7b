"""Turning the annotated spaCy ``Doc`` (scaffolding) into the frozen :class:`~denouement.model.Story`.

Everything spaCy-specific stops here: the Story holds offsets, sentence ids and character ids only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from denouement.characters import CharacterCluster, Mention, story_index
from denouement.divergence import DivergenceSpan
from denouement.document import Document
from denouement.events import EventSpan, Participant
from denouement.explanation import explain_story
from denouement.layers import SegmentSpan
from denouement.model import (
    Character,
    Cue,
    Divergence,
    Event,
    Explanation,
    Layer,
    Quote,
    Scene,
    Segment,
    Sentence,
    Source,
    Story,
)
from denouement.quotes import QuoteSpan
from denouement.scenes import SceneSpan
from denouement.scriptstats import script_stats
from denouement.sentences import block_of, block_starts, blocks_of

__all__ = ["build_story", "slug"]


def slug(name: str) -> str:
    """``"Sebastian 'Seb' Wilder"`` → ``"sebastian-seb-wilder"``; ASCII, lower case, hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "character"


def _character_ids(clusters: Sequence[CharacterCluster]) -> dict[int, str]:
    ids: dict[int, str] = {}
    used: Counter[str] = Counter()
    for cluster in clusters:
        base = slug(cluster.name)
        used[base] += 1
        ids[cluster.key] = base if used[base] == 1 else f"{base}-{used[base]}"
    return ids


def _mention_counts(mentions: Sequence[Mention]) -> Counter[int]:
    counts: Counter[int] = Counter()
    for m in mentions:
        for key in (m.cluster,) if m.cluster is not None else m.group:
            counts[key] += 1
    return counts


def _characters(
    clusters: Sequence[CharacterCluster], mentions: Sequence[Mention], ids: dict[int, str]
) -> tuple[Character, ...]:
    counts = _mention_counts(mentions)
    result = []
    for cluster in clusters:
        if not cluster.name:
            continue  # a family word that joined the one it names, left without a name of its own
        named = sorted({m.sentence for m in cluster.named_mentions or cluster.mentions})
        result.append(
            Character(
                id=ids[cluster.key],
                name=cluster.name,
                aliases=tuple(cluster.aliases),
                actor=cluster.actor,
                kind=cluster.kind,
                mentions=counts.get(cluster.key, 0),
                first_sentence=named[0] if named else 0,
                gender=cluster.gender,
                evidence=tuple(named),
                extra=cluster.extra,
            )
        )
    return tuple(result)


def _participant(p: Participant, ids: dict[int, str]) -> str:
    return ids.get(p, str(p)) if isinstance(p, int) else p


def _events(
    text: str,
    spans: Sequence[EventSpan],
    layers: Sequence[Layer],
    ids: dict[int, str],
    times: Sequence[str | None],
    order: Sequence[int | None],
) -> tuple[Event, ...]:
    events = []
    for n, span in enumerate(spans, start=1):
        layer = layers[span.sentence]
        events.append(
            Event(
                id=f"e{n}",
                sentence=span.sentence,
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                predicate=span.predicate,
                agents=tuple(_participant(p, ids) for p in span.agents),
                patients=tuple(_participant(p, ids) for p in span.patients),
                negated=span.negated,
                layer=layer,
                time=times[n - 1] if n - 1 < len(times) else None,
                story_index=order[n - 1] if n - 1 < len(order) else None,
                main=span.main,
            )
        )
    return tuple(events)


def _quotes(text: str, spans: Sequence[QuoteSpan], ids: dict[int, str]) -> tuple[Quote, ...]:
    return tuple(
        Quote(
            id=f"q{n}",
            sentence=span.sentence,
            start=span.start,
            end=span.end,
            text=text[span.start : span.end],
            speaker=ids.get(span.speaker) if span.speaker is not None else None,
            addressee=ids.get(span.addressee) if span.addressee is not None else None,
            attribution=span.attribution,
            extension=span.extension,
            start_time=span.start_time,
            end_time=span.end_time,
        )
        for n, span in enumerate(spans, start=1)
    )


def _segments(text: str, spans: Sequence[SegmentSpan]) -> tuple[Segment, ...]:
    return tuple(
        Segment(
            id=f"s{n}",
            layer=span.layer,
            kind=span.kind,
            first=span.first,
            last=span.last,
            cues=tuple(
                Cue(
                    sentence=c.sentence,
                    start=c.start,
                    end=c.end,
                    text=text[c.start : c.end],
                    role=c.role,
                )
                for c in span.cues
            ),
        )
        for n, span in enumerate(spans, start=1)
    )


def _divergences(spans: Sequence[DivergenceSpan]) -> tuple[Divergence, ...]:
    return tuple(
        Divergence(
            id=f"d{n}",
            kind=span.kind,
            actual=f"e{span.actual + 1}" if span.actual is not None else None,
            imagined=f"e{span.imagined + 1}" if span.imagined is not None else None,
            summary=span.summary,
            evidence=span.evidence,
        )
        for n, span in enumerate(spans, start=1)
    )


def _scenes(spans: Sequence[SceneSpan]) -> tuple[Scene, ...]:
    return tuple(
        Scene(
            id=f"sc{n}",
            number=span.number,
            heading=span.heading,
            int_ext=span.parts.int_ext,
            location=span.parts.location,
            time_of_day=span.parts.time_of_day,
            first=span.first,
            last=span.last,
            layer=span.layer,
        )
        for n, span in enumerate(spans, start=1)
    )


def build_story(doc: Doc, document: Document) -> Story:
    """The Story of a doc that ran through the whole denouement pipeline."""
    index = story_index(doc)
    blocks = blocks_of(doc)
    starts = block_starts(blocks)
    clusters: list[CharacterCluster] = doc._.characters or []
    mentions: list[Mention] = doc._.mentions or []
    ids = _character_ids(clusters)
    layers: list[Layer] = doc._.layers or [
        "meta" if i in index.meta else "actual" for i in range(len(index.sentences))
    ]
    segments = _segments(index.text, doc._.segments or [])
    segment_of = {j: seg.id for seg in segments for j in range(seg.first, seg.last + 1)}
    sentences = []
    for i, sent in enumerate(index.sentences):
        block = block_of(blocks, sent.start_char, starts)
        sentences.append(
            Sentence(
                id=i,
                start=sent.start_char,
                end=sent.end_char,
                text=sent.text,
                layer=layers[i],
                segment=segment_of.get(i),
                block=block.kind if block else "paragraph",
            )
        )
    story = Story(
        title=document.title,
        text=index.text,
        source=Source(
            path=document.path,
            format=document.format,
            sha256=document.raw_sha256,
            chars=len(index.text),
            words=document.words,
        ),
        characters=_characters(clusters, mentions, ids),
        sentences=tuple(sentences),
        segments=segments,
        events=_events(
            index.text, doc._.events or [], layers, ids, doc._.event_times or [], doc._.story_order or []
        ),
        quotes=_quotes(index.text, doc._.quotes or [], ids),
        divergences=_divergences(doc._.divergences or []),
        explanation=Explanation(),
        scenes=_scenes(doc._.scenes or []),
    )
    update: dict[str, object] = {"explanation": explain_story(story)}
    if document.is_script:
        update["script"] = script_stats(story, document.blocks)
    return story.model_copy(update=update)
