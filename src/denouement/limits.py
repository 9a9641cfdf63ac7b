"""The limits that keep hostile or oversized input from exhausting a machine, with their defaults.

Passing a limit raises :class:`~denouement.errors.LimitError` (for bytes, its refinement
:class:`~denouement.errors.TooLargeError`); it is never an out-of-memory kill or a hang. Every limit can
be set where the work starts:

=================  =====================  ======================================================
limit              default                set with
=================  =====================  ======================================================
input bytes        20 MB (CLI, library)   ``explain --max-bytes``, ``read(max_bytes=)``, ``batch --max-bytes``
request body       5 MB (web server)      ``serve --max-body`` (answered 413 before it is read)
sentences          100,000 per story      ``--max-sentences``, ``analyse(max_sentences=)``
time per story     none (CLI, library);   ``explain --time-limit``, ``analyse(time_limit=)``,
                   120 s (server);        ``serve --timeout``, ``batch --timeout-per-story``
                   300 s (batch)
=================  =====================  ======================================================

The byte limit is checked before a file is read (from its size) and while stdin or a request body
streams in. The sentence and time limits are checked as the model finishes each piece of text (about
2,000 characters) and between the stages, so a story stops soon after it passes them.
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_BATCH_TIME_LIMIT",
    "DEFAULT_MAX_BODY",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_SENTENCES",
    "DEFAULT_SERVER_TIME_LIMIT",
]

DEFAULT_MAX_BYTES = 20_000_000
"""Largest input, in bytes, that the CLI, the library and the batch read."""

DEFAULT_MAX_BODY = 5_000_000
"""Largest request body, in bytes, that the web server accepts."""

DEFAULT_MAX_SENTENCES = 100_000
"""Most sentences one story may have (about 1.5 million words)."""

DEFAULT_SERVER_TIME_LIMIT = 120.0
"""Seconds the web server gives one analysis."""

DEFAULT_BATCH_TIME_LIMIT = 300.0
"""Seconds the batch gives one story before it becomes an error row."""
