"""Records that cross module borders: retrieved passages, citations and answers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk; `text == document.text[start:end]`."""

    doc_id: str
    chunk_id: str
    title: str
    date: str | None
    url: str | None
    text: str
    start: int
    end: int
    score: float  # the fused score in hybrid mode, else the single retriever's score
    dense_score: float | None = None  # cosine similarity, when the dense retriever ranked it
    bm25_score: float | None = None  # BM25 (exact + folded fields), when BM25 ranked it
    dense_rank: int | None = None  # 1-based rank among dense candidates
    bm25_rank: int | None = None
