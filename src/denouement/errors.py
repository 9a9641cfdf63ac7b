"""The one error hierarchy of denouement.

Library code raises these; only the edges (CLI, server, batch) turn them into messages.

- :class:`DenouementError` — base of everything the engine raises on purpose.
- :class:`InputError` — the input cannot be used: missing, a directory, empty, binary, undecodable,
  unsupported format. The CLI exits 2.
- :class:`ParseError` — the input looked like a supported format but could not be parsed.
- :class:`LimitError` — the input exceeds a configured limit (size, sentences, time).
- :class:`PipelineError` — the analysis itself failed; a bug or a broken installation. The CLI exits 1.
"""

from __future__ import annotations

__all__ = ["DenouementError", "InputError", "LimitError", "ParseError", "PipelineError"]


class DenouementError(Exception):
    """Base class for every error denouement raises on purpose."""

    exit_code = 1

    def one_line(self) -> str:
        """The message on a single line, as the CLI prints it."""
        return " ".join(str(self).split()) or type(self).__name__


class InputError(DenouementError):
    """The input cannot be used (missing, empty, binary, undecodable, unsupported)."""

    exit_code = 2


class ParseError(InputError):
    """The input claims a supported format but its content cannot be parsed."""


class LimitError(InputError):
    """The input exceeds a configured limit."""


class PipelineError(DenouementError):
    """The analysis failed for a reason that is not the input's fault."""
