"""Renderers turn a :class:`~denouement.model.Story` into output, through a registry keyed by format.

Register a new format with :func:`register_renderer`::

    @register_renderer("csv", extensions=(".csv",))
    def render_csv(story: Story) -> str: ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from denouement.errors import InputError
from denouement.model import Story

__all__ = ["RENDERERS", "Renderer", "format_for_path", "register_renderer", "render"]

RenderFunc = Callable[[Story], str]


@dataclass(frozen=True)
class Renderer:
    name: str
    extensions: tuple[str, ...]
    render: RenderFunc


RENDERERS: dict[str, Renderer] = {}


def register_renderer(name: str, *, extensions: tuple[str, ...] = ()) -> Callable[[RenderFunc], RenderFunc]:
    def decorate(func: RenderFunc) -> RenderFunc:
        RENDERERS[name] = Renderer(name, extensions, func)
        return func

    return decorate


def render(story: Story, format: str) -> str:
    """The story in ``format`` (``json``, ``md`` ...)."""
    renderer = RENDERERS.get(format)
    if renderer is None:
        raise InputError(f"unknown output format '{format}' (choose from {', '.join(sorted(RENDERERS))})")
    return renderer.render(story)


def format_for_path(path: str, default: str = "json") -> str:
    """The output format a file name asks for by its extension."""
    lower = path.lower()
    for renderer in RENDERERS.values():
        if any(lower.endswith(ext) for ext in renderer.extensions):
            return renderer.name
    return default


from denouement.renderers import html as _html  # noqa: E402,F401  (registers)
from denouement.renderers import json as _json  # noqa: E402,F401  (registers)
from denouement.renderers import markdown as _markdown  # noqa: E402,F401  (registers)
from denouement.renderers import svg as _svg  # noqa: E402,F401  (registers)
