"""The JSON contract ``denouement.story/1``."""

from __future__ import annotations

from denouement.model import Story
from denouement.renderers import register_renderer

__all__ = ["render_json"]


@register_renderer("json", extensions=(".json",))
def render_json(story: Story) -> str:
    return story.to_json(indent=2) + "\n"
