"""What every format reader returns, and what a file really is by its first bytes.

A file whose content is not what its extension says (an HTML error page saved as .pdf, a .docx
that is not a zip) is refused by name before any library parses it, so the reason says what
the file is instead of a parser's stack trace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(rb"<(?:p|div|article|h1|section|span)\b[^>]*>", re.IGNORECASE)

KINDS = {
    "pdf": "a PDF",
    "zip": "a zip archive",
    "ole": "an old or password-protected Office file (.doc, .xls, or an encrypted .docx)",
    "image": "an image",
    "html": "an HTML page",
    "binary": "binary data",
    "text": "plain text",
}


@dataclass(frozen=True)
class Extracted:
    """A document's plain text (paragraphs separated by blank lines) and the metadata it carried."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    url: str | None = None
    source: str | None = None


def kind_of(raw: bytes) -> str:
    """What the bytes are, by their signature: one of KINDS."""
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its mark, as some editors save a page
        head = head[: len(head) // 2 * 2].decode("utf-16", errors="replace").encode()
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and (_HTML_START.match(head.lstrip(b"\xef\xbb\xbf"))
                                                                   or _HTML_TAG.search(head)):
        return "html"
    if b"%PDF-" in raw[:1024]:  # readers accept junk before the header
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    if b"\x00" in head:
        return "binary"
    return "text"


def expect(raw: bytes, wanted: tuple[str, ...], what: str) -> str:
    """The kind of `raw`; ValueError naming what it really is unless it is one of `wanted`."""
    if not raw.strip():
        raise ValueError("empty file")
    kind = kind_of(raw)
    if kind not in wanted:
        raise ValueError(f"not {what}: the content is {KINDS[kind]}")
    return kind


def paragraphs(parts: list[str]) -> str:
    """Paragraphs as the corpus' articles have them: stripped, non-empty, a blank line between."""
    return "\n\n".join(p for p in (part.strip() for part in parts) if p)
