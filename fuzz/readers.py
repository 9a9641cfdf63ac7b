"""Fuzz one reader: ``python fuzz/readers.py FORMAT [libFuzzer flags] [CORPUS_DIR ...]``.

Every input must give a :class:`~denouement.document.Document` whose blocks lie inside its text, or a
:class:`~denouement.errors.DenouementError`. Anything else — another exception, a hang (``-timeout``), a
runaway allocation (``-rss_limit_mb``) — is a crash that libFuzzer reports and saves as ``crash-*``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["denouement", "screenplain", "srt", "webvtt", "pypdf"]):
    from denouement.errors import DenouementError
    from denouement.readers import READERS, read_bytes

# Each reader is fuzzed through the same door a user's file comes in by: its bytes and its format.
FORMATS = sorted(READERS)


def check(data: bytes, format: str) -> None:
    """Parse ``data`` as ``format``; assert the document's offsets are sound."""
    try:
        document = read_bytes(data, format=format)
    except DenouementError:
        return
    size = len(document.text)
    for block in document.blocks:
        if not 0 <= block.start <= block.end <= size:
            raise AssertionError(f"block {block.start}-{block.end} outside a text of {size} characters")


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in FORMATS:
        sys.exit(f"usage: readers.py FORMAT [libFuzzer flags]; FORMAT is one of {', '.join(FORMATS)}")
    format = sys.argv.pop(1)
    atheris.Setup(sys.argv, lambda data: check(data, format))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
