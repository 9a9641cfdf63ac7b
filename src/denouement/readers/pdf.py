"""PDF screenplays: text extracted with pypdf in layout mode, then read as a plain-text script.

Layout mode keeps each line's indentation, which the plain-text script reader uses to tell cues,
dialogue and action apart. A PDF that is not a script goes to the plain-text prose reader. Encrypted,
truncated or image-only PDFs are a :class:`~denouement.errors.ParseError` with a one-line reason.
"""

from __future__ import annotations

import io
import logging

from denouement.document import Document
from denouement.errors import LimitError, ParseError
from denouement.readers import screenplay, text
from denouement.readers.encoding import normalize_text

__all__ = ["extract_text", "is_pdf", "parse"]


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def extract_text(data: bytes, name: str = "input") -> str:
    """The text of every page, pages separated by form feeds."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = bool(reader.decrypt(""))
            except Exception:  # pypdf raises several types for unsupported encryption
                unlocked = False
            if not unlocked:
                raise ParseError(f"{name} is an encrypted PDF; decrypt it first")
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except ParseError:
        raise
    except MemoryError:
        raise LimitError(f"{name}: the PDF needs more memory than is available to unpack") from None
    except Exception as exc:  # pypdf meets hostile bytes with many exception types, its own and Python's
        raise ParseError(
            f"{name} is not a readable PDF: {' '.join(str(exc).split()) or type(exc).__name__}"
        ) from None
    joined = "\f".join(pages)
    if not joined.strip():
        raise ParseError(f"{name} has no text layer (a scanned PDF needs OCR first)")
    return joined


def parse(data: bytes, path: str | None = None) -> Document:
    """Read a PDF: a script when it looks like one, else prose."""
    extracted = normalize_text(extract_text(data, path or "input"))
    if screenplay.looks_like_script(extracted):
        document = screenplay.parse(extracted, path)
    else:
        document = text.parse(extracted.replace("\f", "\n\n"), path)
    return _as_pdf(document)


def _as_pdf(document: Document) -> Document:
    import dataclasses

    return dataclasses.replace(document, format="pdf")
