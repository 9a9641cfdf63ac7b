"""The one error hierarchy of denouement.

Library code raises these; only the edges (CLI, server, batch) turn them into messages.

- :class:`DenouementError` — base of everything the engine raises on purpose.
- :class:`InputError` — the input cannot be used: missing, a directory, empty, binary, undecodable,
  unsupported format. The CLI exits 2.
- :class:`ParseError` — the input looked like a supported format but could not be parsed.
- :class:`LimitError` — the input exceeds a configured limit (size, sentences, time).
- :class:`PipelineError` — the analysis itself failed; a bug or a broken installation. The CLI exits 1.

Two refinements say more to a web client: :class:`UnsupportedInputError` (an :class:`InputError`: binary
data or a format no reader takes) and :class:`TooLargeError` (a :class:`LimitError`: too many bytes).
Each class carries the HTTP status the server answers with (``http_status``).
"""

from __future__ import annotations

__all__ = [
    "DenouementError",
    "InputError",
    "LimitError",
    "ParseError",
    "PipelineError",
    "TooLargeError",
    "UnsupportedInputError",
]


class DenouementError(Exception):
    """Base class for every error denouement raises on purpose."""

    exit_code = 1
    http_status = 500

    def one_line(self) -> str:
        """The message on a single line, as the CLI prints it."""
        return " ".join(str(self).split()) or type(self).__name__


class InputError(DenouementError):
    """The input cannot be used (missing, empty, binary, undecodable, unsupported)."""

    exit_code = 2
    http_status = 400


class UnsupportedInputError(InputError):
    """The input is binary data or in a format no reader takes."""

    http_status = 415


class ParseError(InputError):
    """The input claims a supported format but its content cannot be parsed."""

    http_status = 422


class LimitError(InputError):
    """The input exceeds a configured limit (sentences, time ...)."""

    http_status = 422


class TooLargeError(LimitError):
    """The input has more bytes or characters than allowed."""

    http_status = 413


class PipelineError(DenouementError):
    """The analysis failed for a reason that is not the input's fault."""
