"""Ingest: an article file becomes a normalised `Document` (with an offset map back to the text
as published), sentence-aligned `Chunk`s, and the facts (people, events, programmes) read from it.

Public face: `load_corpus`, `Document`, `chunk_document`, `Chunk`, `extract` (facts), `FactTable`.
Imports nothing above it but the core records, settings and errors.
"""

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.ingest.chunking import Chunk, chunk_document
    from danvan_qa.ingest.corpus import Document, load_corpus
    from danvan_qa.ingest.facts import FactTable, extract

_EXPORTS = {
    "Chunk": "chunking",
    "Document": "corpus",
    "FactTable": "facts",
    "chunk_document": "chunking",
    "extract": "facts",
    "load_corpus": "corpus",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
