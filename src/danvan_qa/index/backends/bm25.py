"""BM25 built from a stream of token lists without holding them, written in bm25s' own format.

`bm25s.BM25.index` wants every document's tokens as Python lists at once: at archive size
(80,000 chunks, two fields) those lists alone took GBs. Here each document becomes int32 ids as
it arrives, and the score matrix (bm25s' defaults: Lucene BM25, k1 1.5, b 0.75) is computed with
numpy a block of documents at a time. The files are saved by bm25s itself, so
`bm25s.BM25.load(..., mmap=True)` reads them as before; tests hold the scores to bm25s'.
"""

from __future__ import annotations

import logging
from array import array
from pathlib import Path
from typing import Iterable

import numpy as np

K1, B = 1.5, 0.75
_BLOCK = 5_000  # documents per block while scoring: bounds the (document, token) pairs held at once


class Bm25Builder:
    """Collects documents' tokens as ids; `save` scores them and writes a bm25s index folder."""

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._ids = array("i")
        self._lengths = array("i")

    def __len__(self) -> int:
        return len(self._lengths)

    def add(self, tokens: Iterable[str]) -> None:
        vocab, before = self._vocab, len(self._ids)
        self._ids.extend(vocab.setdefault(t, len(vocab)) for t in tokens)
        self._lengths.append(len(self._ids) - before)

    def _pairs(self, ids: np.ndarray, lengths: np.ndarray, ends: np.ndarray, d0: int, d1: int,
               n_vocab: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Documents d0..d1's (document, token) pairs, document-major, with their term frequencies."""
        t0, t1 = (ends[d0 - 1] if d0 else 0), ends[d1 - 1]
        doc = np.repeat(np.arange(d1 - d0, dtype=np.int64), lengths[d0:d1])
        pairs, tf = np.unique(doc * n_vocab + ids[t0:t1], return_counts=True)
        return (pairs // n_vocab + d0).astype(np.int32), (pairs % n_vocab).astype(np.int32), tf.astype(np.float32)

    def _matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSC arrays (data, row indices, column pointers) of the documents × vocabulary scores.

        In two passes over blocks of documents, so that only the result (8 bytes a pair) and one
        block are held: the first counts each column, the second scores a block and places it in
        its columns (blocks in order keep documents ascending within a column). Holding every
        pair, its score and a sort order at once peaked at 4.6 GB at 100,000 articles."""
        ids = np.frombuffer(self._ids, dtype=np.int32) if self._ids else np.zeros(0, np.int32)
        lengths = np.frombuffer(self._lengths, dtype=np.int32).astype(np.int64)
        n_docs, n_vocab = len(lengths), max(len(self._vocab), 1)
        ends = np.cumsum(lengths)
        blocks = [(d0, min(d0 + _BLOCK, n_docs)) for d0 in range(0, n_docs, _BLOCK)]
        df = np.zeros(n_vocab, dtype=np.int64)
        for d0, d1 in blocks:
            df += np.bincount(self._pairs(ids, lengths, ends, d0, d1, n_vocab)[1], minlength=n_vocab)
        indptr = np.zeros(n_vocab + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        dff = df.astype(np.float32)
        idf = np.log1p((n_docs - dff + 0.5) / (dff + 0.5)).astype(np.float32)
        avg = np.float32(lengths.mean()) if n_docs else np.float32(1)
        norm = (K1 * (1 - B + B * lengths.astype(np.float32) / avg)).astype(np.float32)
        data, indices = np.empty(indptr[-1], dtype=np.float32), np.empty(indptr[-1], dtype=np.int32)
        filled = indptr[:-1].copy()  # where each column's next entry goes
        for d0, d1 in blocks:
            doc, tok, tf = self._pairs(ids, lengths, ends, d0, d1, n_vocab)
            scores = idf[tok] * (tf / (tf + norm[doc]))
            order = np.argsort(tok, kind="stable")  # by column, documents ascending within each
            tok, doc, scores = tok[order], doc[order], scores[order]
            starts = np.flatnonzero(np.r_[True, tok[1:] != tok[:-1]]) if len(tok) else np.zeros(0, np.int64)
            runs = np.diff(np.r_[starts, len(tok)])
            at = filled[tok] + (np.arange(len(tok)) - np.repeat(starts, runs))
            data[at], indices[at] = scores, doc
            filled[tok[starts]] += runs
        return data, indices, indptr

    def save(self, folder: Path) -> None:
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        data, indices, indptr = self._matrix()
        bm25 = bm25s.BM25(k1=K1, b=B)
        bm25.scores = {"data": data, "indices": indices, "indptr": indptr, "num_docs": len(self)}
        bm25.vocab_dict = dict(self._vocab)
        bm25.nonoccurrence_array = None
        bm25.save(str(folder), show_progress=False)


def top_scores(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the `n` highest of these non-negative scores, best first, ties by index: what a
    stable argsort gives, without sorting or partitioning them all.

    At a million chunks `argpartition` over every score took longer than half of scoring the
    query (13 ms of 40). A threshold from a strided sample leaves a few hundred candidates, found
    in one pass; only if too few reach it are all the scores sorted.
    """
    n = min(n, len(scores))
    candidates = None
    step = len(scores) // (64 * max(n, 1))
    if n > 0 and step >= 4:
        sample = scores[::step]
        rank = min(len(sample), 4 * n // step + 2)  # about 4n + 2·step scores reach the threshold
        threshold = np.partition(sample, len(sample) - rank)[len(sample) - rank]
        candidates = np.flatnonzero(scores >= threshold if threshold > 0 else scores > 0)
        if len(candidates) < n:
            candidates = None
    if candidates is None:
        candidates = np.arange(len(scores))
    return candidates[np.argsort(-scores[candidates], kind="stable")[:n]]
