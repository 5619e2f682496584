"""Split documents into overlapping, sentence-aligned chunks that know their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.splitting import MAX_SENTENCE, bounded

# Paragraph, line, then Vietnamese sentence and clause boundaries, then words.
SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ": ", ", ", " ", ""]
SPLITTER_ID = "langchain.RecursiveCharacterTextSplitter/v2"
MIN_CHUNK = 80  # a shorter piece (a title, a caption, "Tại hội nghị") joins its neighbour


@dataclass(frozen=True)
class Chunk:
    chunk_id: str  # "<doc_id>#<n>"
    doc_id: str
    start: int  # [start, end) in the document's normalised text
    end: int
    text: str


def chunk_document(doc: Document, size: int, overlap: int) -> list[Chunk]:
    """Chunks of `doc.text`; each satisfies `doc.text[start:end] == text`.

    Chunks are at most `size` characters, except that a piece shorter than
    MIN_CHUNK is merged with its neighbour (at most size + MIN_CHUNK).
    """
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    if overlap >= size:
        raise ValueError(f"chunk overlap ({overlap}) must be smaller than chunk size ({size})")
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    search_from = 0
    for piece in splitter.split_text(doc.text):
        # Pieces come in document order, each starting after the previous one.
        start = doc.text.find(piece, search_from)
        if start < 0:  # the splitter only ever returns substrings of its input
            raise AssertionError(f"chunk {len(chunks)} of {doc.doc_id} not found in its document")
        end = start + len(piece)
        search_from = start + 1
        if chunks and (len(piece) < MIN_CHUNK or len(chunks[-1].text) < MIN_CHUNK):
            prev = chunks.pop()
            start, end = prev.start, max(end, prev.end)
        chunks.append(Chunk(f"{doc.doc_id}#{len(chunks)}", doc.doc_id, start, end, doc.text[start:end]))
    return chunks


def context_text(doc: Document, chunk_text: str) -> str:
    """What the encoder and BM25 see: title and place travel with every chunk."""
    head = doc.title if not chunk_text.startswith(doc.title) else ""
    if doc.place and doc.place not in head:
        head = f"{head} ({doc.place})" if head else f"({doc.place})"
    return f"{head}\n{chunk_text}" if head else chunk_text


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[A-ZĐÀ-Ỹ0-9])|\n+")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences in text[start:end], trimmed of spaces.

    A sentence longer than splitting.MAX_SENTENCE (a text without sentence punctuation) is
    cut into pieces, so whatever reads sentences one by one costs time linear in the text.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans += bounded(text, pos, m.start(), MAX_SENTENCE)
        pos = m.end()
    spans += bounded(text, pos, end, MAX_SENTENCE)
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
