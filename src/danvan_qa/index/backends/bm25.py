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
_BLOCK = 20_000  # documents per block while scoring: bounds the (document, token) pairs held at once


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

    def _matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSC arrays (data, row indices, column pointers) of the documents × vocabulary scores."""
        ids = np.frombuffer(self._ids, dtype=np.int32) if self._ids else np.zeros(0, np.int32)
        lengths = np.frombuffer(self._lengths, dtype=np.int32).astype(np.int64)
        n_docs, n_vocab = len(lengths), max(len(self._vocab), 1)
        ends = np.cumsum(lengths)
        docs, toks, tfs = [], [], []
        for d0 in range(0, n_docs, _BLOCK):
            d1 = min(d0 + _BLOCK, n_docs)
            t0, t1 = (ends[d0 - 1] if d0 else 0), ends[d1 - 1]
            doc = np.repeat(np.arange(d1 - d0, dtype=np.int64), lengths[d0:d1])
            pairs, tf = np.unique(doc * n_vocab + ids[t0:t1], return_counts=True)
            docs.append((pairs // n_vocab + d0).astype(np.int32))
            toks.append((pairs % n_vocab).astype(np.int32))
            tfs.append(tf.astype(np.float32))
        doc, tok, tf = (np.concatenate(x) if x else np.zeros(0, t)
                        for x, t in ((docs, np.int32), (toks, np.int32), (tfs, np.float32)))
        df = np.bincount(tok, minlength=n_vocab).astype(np.float32)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        avg = np.float32(lengths.mean()) if n_docs else np.float32(1)
        norm = (K1 * (1 - B + B * lengths.astype(np.float32) / avg)).astype(np.float32)
        scores = idf[tok] * (tf / (tf + norm[doc]))
        order = np.argsort(tok, kind="stable")  # by column, documents ascending within each
        indptr = np.zeros(n_vocab + 1, dtype=np.int64)
        np.cumsum(np.bincount(tok, minlength=n_vocab), out=indptr[1:])
        return scores[order].astype(np.float32), doc[order], indptr

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
