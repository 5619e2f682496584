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


@dataclass(frozen=True)
class Citation:
    """A numbered quote from the article as published: `quote == document.published[start:end]`.

    `start`/`end` are offsets into the published text (the file decoded, NFC, front
    matter removed), not into the normalised `document.text` that retrieval and
    matching use; `document.published_span` maps one to the other.
    """

    n: int
    doc_id: str
    title: str
    date: str | None
    url: str | None
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class AnswerItem:
    """One entry of a list answer (a participant), pointing at its citation number."""

    name: str
    role: str | None
    rank: str | None
    acts: tuple[str, ...]
    citation: int


@dataclass(frozen=True)
class Answer:
    question: str
    kind: str  # the question type the answer was built for
    short: str | None  # the key span (a name, a date, a number…; a list's likeliest entry), None for a sentence
    items: tuple[AnswerItem, ...]
    text: str  # Vietnamese Markdown with [n] markers; article text in it is escaped
    citations: tuple[Citation, ...]
    abstained: bool
    confidence: float  # 0..1
    passages: tuple[Passage, ...] = ()  # what retrieval returned, for "show the passages"
    understood: str | None = None  # a follow-up as read with its subject filled in (qa/conversation.py)
