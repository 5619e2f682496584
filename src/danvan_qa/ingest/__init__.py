"""Ingest: an article file becomes a normalised `Document` (with an offset map back to the text
as published), sentence-aligned `Chunk`s, and the facts (people, events, programmes) read from it.

Public face: `load_corpus`, `Document`, `chunk_document`, `Chunk`, `extract` (facts), `FactTable`.
Imports nothing above it but the core records, settings and errors.
"""

from danvan_qa.ingest.chunking import Chunk, chunk_document
from danvan_qa.ingest.corpus import Document, load_corpus
from danvan_qa.ingest.facts import FactTable, extract

__all__ = ["Chunk", "Document", "FactTable", "chunk_document", "extract", "load_corpus"]
