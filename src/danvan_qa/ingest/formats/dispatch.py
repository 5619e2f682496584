"""Which reader a file's extension calls, each imported only when a file of its kind is met."""

from __future__ import annotations

import unicodedata

from danvan_qa.ingest import dates
from danvan_qa.ingest.formats.common import Extracted
from danvan_qa.ingest.normalize import normalize_text

SUFFIXES = (".html", ".htm", ".docx", ".pdf")
# Pages, Word files and PDFs carry markup, images and fonts besides their text: the file may be
# this many times the text limit, and the text extracted from it is held to the limit itself.
FILE_BYTES_FACTOR = 20
READER_VERSION = 1  # part of an extracted document's content hash: a new reader re-indexes


def read(suffix: str, raw: bytes, max_bytes: int | None) -> tuple[str, dict[str, str]]:
    """The extracted text (at most `max_bytes` in UTF-8) and the metadata the file carried,
    normalised as an article's front matter is."""
    extracted = extract(suffix, raw)
    size = len(extracted.text.encode())
    if max_bytes is not None and size > max_bytes:
        raise ValueError(f"the extracted text is too large ({size} bytes > limit {max_bytes}; "
                         "raise DANVAN_QA_MAX_DOC_BYTES)")
    meta = {key: normalize_text(value).strip() for key, value in
            (("title", extracted.title), ("source", extracted.source)) if value and value.strip()}
    if extracted.url:
        meta["url"] = unicodedata.normalize("NFC", extracted.url.strip())
    if extracted.date and dates.parse_iso(extracted.date):
        meta["date"] = extracted.date
    return extracted.text, meta


def extract(suffix: str, raw: bytes) -> Extracted:
    """The text and metadata of a file of one of SUFFIXES; ValueError with the reason it cannot be read."""
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        from danvan_qa.ingest.formats import html

        return html.extract(raw)
    if suffix == ".docx":
        from danvan_qa.ingest.formats import docx

        return docx.extract(raw)
    if suffix == ".pdf":
        from danvan_qa.ingest.formats import pdf

        return pdf.extract(raw)
    raise ValueError(f"no reader for {suffix!r} files")
