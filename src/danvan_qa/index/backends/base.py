"""The interface both search backends implement (FAISS files, Milvus), and its records; no implementation.

A store has two halves. The *catalogue* (documents, chunks, vocabulary, facts,
manifest) always lives in the store folder's generations. The *backend* holds
what is searched: dense vectors, the two BM25 fields and the metadata needed to
filter them. Retrieval talks to a `Backend`; the indexer to a `BackendWriter`.
Rows are positions in the catalogue's chunk list; a backend keyed otherwise
(Milvus) maps its keys back to rows and ignores keys the catalogue lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy as np

from danvan_qa.errors import StoreError
from danvan_qa.ingest.chunking import context_text

if TYPE_CHECKING:
    from danvan_qa.ingest.chunking import Chunk
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.settings import Settings

BACKENDS = ("faiss", "milvus")


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to some documents; None means no restriction."""

    doc_ids: frozenset[str] | None = None
    sources: frozenset[str] | None = None
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None

    def admits(self, doc: "Document") -> bool:
        """Whether `doc` passes every restriction (an undated document fails a date bound)."""
        if self.doc_ids is not None and doc.doc_id not in self.doc_ids:
            return False
        if self.sources is not None and (doc.source or "") not in self.sources:
            return False
        if self.date_from and (doc.date is None or doc.date < self.date_from):
            return False
        return not (self.date_to and (doc.date is None or doc.date > self.date_to))


def active(filters: Filters | None) -> Filters | None:
    """None when `filters` restricts nothing, so backends can take their fast path."""
    return None if filters is None or filters == Filters() else filters


class Hits(NamedTuple):
    """Catalogue rows, best first, with their scores (inner product or BM25)."""

    rows: np.ndarray
    scores: np.ndarray


NO_HITS = Hits(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
SCORE_LIMIT = 1.05  # |cosine| of two unit vectors, with the norm tolerance of bfloat16 encoders


def check_scores(scores: np.ndarray, where: str, fix: str) -> None:
    """A wrong ranking is worse than none: dense scores no cosine can take mean damaged vectors
    (`where` names them, `fix` says what to do); StoreError in one line."""
    if scores.size and not np.all(np.abs(scores) <= SCORE_LIMIT):  # NaN fails too
        worst = float(np.nanmax(np.abs(scores))) if np.isfinite(scores).any() else float("nan")
        raise StoreError(f"{where} gives dense scores out of range (|score| up to {worst:.3g}, at most 1 for "
                         f"unit vectors); {fix}")


class Row(NamedTuple):
    """One chunk as the indexer hands it to a backend."""

    key: str  # stable identity of (document content, chunking, model, chunk number)
    chunk: "Chunk"
    doc: "Document"

    @property
    def text(self) -> str:
        """The chunk with its title and place, as embedded and as BM25 sees it: made when asked
        (and tokenised by the writer one row at a time), so an archive's rows hold no second copy
        of every chunk's text."""
        return context_text(self.doc, self.chunk.text)


class Backend(Protocol):
    """Searching: what retrieval needs, whatever holds the vectors."""

    name: str

    def dense_search(self, query_vector: np.ndarray, n: int, filters: Filters | None = None) -> Hits:
        """Top-n rows by inner product (cosine on normalised vectors)."""
        ...

    def lexical_search(self, query: str, exact: list[str], folded: list[str], n: int,
                       filters: Filters | None = None) -> Hits:
        """Top-n rows by BM25 on exact syllables plus BM25 on folded syllables and bigrams."""
        ...


class BackendWriter(Protocol):
    """Adding, updating and removing chunks: what the indexer needs."""

    def stored(self, keys: list[str]) -> set[str]:
        """The keys whose vectors the backend already holds (their chunks need no embedding)."""
        ...

    def add(self, rows: list[Row], vectors: np.ndarray, progress: bool = False) -> None:
        """Take new chunks with their vectors (not named by any published generation before `finish`)."""
        ...

    def finish(self, gen_dir: Path, rows: list[Row], index_type: str) -> dict[str, Any]:
        """Make exactly `rows` searchable for the generation in `gen_dir`; returns its manifest entry."""
        ...

    def prune(self, live: set[str]) -> None:
        """Drop what the published generation no longer uses."""
        ...


def backend_target(settings: "Settings") -> dict[str, str]:
    """Where the configured backend keeps its data, as recorded in the manifest."""
    if settings.backend == "milvus":
        return {"name": "milvus", "uri": settings.milvus_uri, "collection": settings.milvus_collection}
    return {"name": "faiss"}
