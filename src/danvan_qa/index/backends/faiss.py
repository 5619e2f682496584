"""The default backend: a FAISS index and two bm25s indexes, written as files in a generation.

Each generation holds a complete copy (vectors.npy, dense.faiss, bm25_exact/,
bm25_folded/), so publishing one is atomic with the catalogue. Vectors of
unchanged chunks are read back from the previous generation by key.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from danvan_qa.errors import ModelError, StoreError
from danvan_qa.index.backends.base import NO_HITS, Filters, Hits, Row, active, check_scores
from danvan_qa.index.backends.bm25 import Bm25Builder, top_scores
from danvan_qa.index.backends.sizing import ivf_lists
from danvan_qa.index.checksums import REPAIR_HINT, bad_vectors
from danvan_qa.ingest.normalize import lexical_tokens

if TYPE_CHECKING:
    from danvan_qa.index.catalogue import StoredCatalogue
    from danvan_qa.index.columns import ChunkTable
    from danvan_qa.ingest.corpus import Document

log = logging.getLogger(__name__)

BM25_DIRS = ("bm25_exact", "bm25_folded")
_EXACT_DENSE_LIMIT = 20_000  # below this many allowed rows, filtered dense search is exact


def build_dense(vectors: np.ndarray, index_type: str, nprobe: int = 32) -> Any:
    import faiss

    dim = vectors.shape[1]
    if index_type == "flat":
        index = faiss.IndexFlatIP(dim)
    elif index_type == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 96
    elif index_type == "ivf":
        nlist = ivf_lists(len(vectors))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = vectors[rng.choice(len(vectors), min(len(vectors), 40 * nlist), replace=False)]
        index.train(sample)
        index.nprobe = nprobe
    else:
        raise ValueError(f"unknown index type {index_type!r}")
    if len(vectors):
        index.add(vectors)
    return index


def build_bm25(rows: list[Row], gen_dir: Path) -> None:
    """The exact and folded BM25 indexes, tokenising one row at a time."""
    exact, folded = Bm25Builder(), Bm25Builder()
    for row in rows:
        e, f = lexical_tokens(row.text)
        exact.add(e)
        folded.add(f)
    for builder, name in zip((exact, folded), BM25_DIRS):
        builder.save(gen_dir / name)


class FaissBackend:
    """Search over the files of one generation; read-only, safe to share between threads."""

    name = "faiss"

    def __init__(self, vectors: np.ndarray, dense: Any, bm25_exact: Any, bm25_folded: Any,
                 chunks: "ChunkTable", documents: Mapping[str, "Document"], gen: Path) -> None:
        self.gen = gen  # named in errors
        self.vectors = vectors
        self.dense = dense
        self.bm25_exact = bm25_exact
        self.bm25_folded = bm25_folded
        self._chunks = chunks
        self._documents = documents

    @classmethod
    def load(cls, gen: Path, manifest: dict[str, Any], chunks: "ChunkTable",
             documents: Mapping[str, "Document"]) -> "FaissBackend":
        """Read the generation's files and check that they agree with the catalogue."""
        import bm25s
        import faiss

        # Memory-mapped: the vectors serve only filtered exact search (FAISS holds its own copy), and
        # BM25's score matrices are paged in as queries touch them, so an archive's store stays lean.
        vectors = np.load(gen / "vectors.npy", mmap_mode="r", allow_pickle=False)
        dense = faiss.read_index(str(gen / "dense.faiss"))
        exact, folded = (bm25s.BM25.load(str(gen / d), show_progress=False, mmap=True) for d in BM25_DIRS)
        counts = {
            "chunks": len(chunks), "vectors": vectors.shape[0], "faiss": dense.ntotal,
            "bm25_exact": exact.scores["num_docs"], "bm25_folded": folded.scores["num_docs"],
        }
        if len(set(counts.values())) != 1:
            raise ValueError(f"out of step ({counts})")
        if vectors.ndim != 2 or vectors.shape[1] != manifest["model"]["dim"] or dense.d != vectors.shape[1]:
            raise ValueError("vectors of the wrong dimension")
        return cls(vectors, dense, exact, folded, chunks, documents, gen)

    def _allowed(self, filters: Filters | None) -> np.ndarray | None:
        filters = active(filters)
        if filters is None:
            return None
        return self._chunks.rows_of([d for d, doc in self._documents.items() if filters.admits(doc)])

    def dense_search(self, query_vector: np.ndarray, n: int, filters: Filters | None = None) -> Hits:
        allowed = self._allowed(filters)
        if allowed is not None and len(allowed) <= _EXACT_DENSE_LIMIT:
            sims = self.vectors[allowed] @ query_vector
            self._in_range(sims, "vectors.npy")
            order = np.argsort(-sims, kind="stable")[:n]
            return Hits(allowed[order], sims[order])
        wanted = min(n if allowed is None else n * 20, len(self._chunks))
        if wanted == 0:
            return NO_HITS
        scores, rows = self.dense.search(query_vector.reshape(1, -1).astype(np.float32), wanted)
        self._in_range(scores, "dense.faiss")
        keep = rows[0] >= 0
        if allowed is not None:
            keep &= np.isin(rows[0], allowed)
        return Hits(rows[0][keep][:n], scores[0][keep][:n])

    def _in_range(self, scores: np.ndarray, name: str) -> None:
        check_scores(scores, f"index file {self.gen / name}", REPAIR_HINT)

    def lexical_search(self, query: str, exact: list[str], folded: list[str], n: int,
                       filters: Filters | None = None) -> Hits:
        scores = np.zeros(len(self._chunks), dtype=np.float32)
        for field, tokens, name in ((self.bm25_exact, exact, "bm25_exact"), (self.bm25_folded, folded, "bm25_folded")):
            if tokens:
                try:
                    scores += field.get_scores(tokens)
                except (IndexError, ValueError) as exc:  # indices or shapes no longer agree: damaged
                    raise StoreError(f"index folder {self.gen / name} is damaged ({type(exc).__name__}); "
                                     f"{REPAIR_HINT}") from None
        allowed = self._allowed(filters)
        if allowed is not None:
            mask = np.zeros(len(scores), dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        n = min(n, int(np.count_nonzero(scores > 0)))
        if n == 0:
            return NO_HITS
        top = top_scores(scores, n)
        return Hits(top, scores[top])


class FaissWriter:
    """Builds the FAISS and BM25 files of a new generation, reusing the previous vectors by key."""

    def __init__(self, previous: "StoredCatalogue | None", nprobe: int) -> None:
        self._nprobe = nprobe
        self._old: dict[str, int] = {}
        self._old_vectors: np.ndarray | None = None
        self._new: dict[str, np.ndarray] = {}
        if previous is not None and previous.backend_name == "faiss":
            # Only the vectors are read (memory-mapped), not the old indexes.
            self._old_vectors = np.load(previous.gen / "vectors.npy", mmap_mode="r", allow_pickle=False)
            self._old = {key: i for i, key in enumerate(previous.keys)}

    def stored(self, keys: list[str]) -> set[str]:
        return {k for k in keys if k in self._old}

    def add(self, rows: list[Row], vectors: np.ndarray, progress: bool = False) -> None:
        if bad := bad_vectors(vectors):
            raise ModelError(f"the encoder gave {bad} of {len(vectors)} vectors that are not finite unit vectors; "
                             "check the model folder (DANVAN_QA_MODEL) and encoder (DANVAN_QA_ENCODER)")
        for row, vec in zip(rows, vectors):
            self._new[row.key] = vec

    def _vector(self, key: str) -> np.ndarray:
        if key in self._new:
            return self._new[key]
        assert self._old_vectors is not None
        return np.asarray(self._old_vectors[self._old[key]])

    def finish(self, gen_dir: Path, rows: list[Row], index_type: str) -> dict[str, Any]:
        import faiss

        vectors = np.ascontiguousarray(np.stack([self._vector(r.key) for r in rows]), dtype=np.float32)
        np.save(gen_dir / "vectors.npy", vectors)
        faiss.write_index(build_dense(vectors, index_type, self._nprobe), str(gen_dir / "dense.faiss"))
        build_bm25(rows, gen_dir)
        return {"name": "faiss", "index": index_type}

    def prune(self, live: set[str]) -> None:
        """Old generations are removed by the store's garbage collection."""
