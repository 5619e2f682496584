"""Hybrid retrieval: dense and lexical (BM25) rankings from the store's backend, fused by weighted RRF."""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path
from typing import Iterable

import numpy as np

from danvan_qa.embed.embedding import get_embedder, model_id_for
from danvan_qa.errors import QueryError, StoreError
from danvan_qa.index.backends.base import Filters
from danvan_qa.index.catalogue import REBUILD_HINT, current_generation
from danvan_qa.index.store import Store
from danvan_qa.ingest.normalize import normalize_text
from danvan_qa.records import Passage
from danvan_qa.settings import Settings

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "bm25")


def clean_query(query: object, max_chars: int) -> str:
    """Normalise a question, or raise QueryError saying exactly what is wrong with it."""
    if not isinstance(query, str):
        raise QueryError(f"the question must be text, not {type(query).__name__}")
    if len(query) > max_chars:
        raise QueryError(f"the question is too long ({len(query)} characters; the limit is {max_chars})")
    # Lone surrogates cannot be encoded; turn them into U+FFFD like any bad byte.
    query = query.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = " ".join(normalize_text(query).split())
    if not text:
        raise QueryError("the question is empty")
    if not any(ch.isalnum() for ch in text):
        raise QueryError("the question has no words to search for")
    return text


def weighted_rrf(rankings: Iterable[tuple[np.ndarray, float]], k: int) -> dict[int, float]:
    """Weighted reciprocal-rank fusion: sum of weight / (k + rank) over the rankings."""
    fused: dict[int, float] = {}
    for rows, weight in rankings:
        for rank, row in enumerate(rows.tolist(), start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused


def search(
    store: Store,
    query: str,
    k: int,
    *,
    mode: str,
    settings: Settings,
    query_vector: np.ndarray | None = None,
    filters: Filters | None = None,
) -> list[Passage]:
    """Rank chunks of `store` for an already-cleaned query."""
    if mode not in MODES:
        raise ValueError(f"unknown retrieval mode {mode!r} (expected one of {', '.join(MODES)})")
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if mode != "bm25" and store.model_id != model_id_for(settings):
        raise StoreError(
            f"store {store.root} was built with {store.model_id!r}, not the current model "
            f"{model_id_for(settings)!r}; {REBUILD_HINT}"
        )
    n = max(settings.candidates, k)
    query = store.restorer.restore(query)  # diacritic-free input reads far better to the encoder
    dense_rows = dense_sims = bm25_rows = bm25_vals = np.zeros(0)
    if mode in ("hybrid", "dense"):
        if query_vector is None:
            query_vector = get_embedder(settings).encode_queries([query])[0]
        dense_rows, dense_sims = store.dense_search(query_vector, n, filters)
    if mode in ("hybrid", "bm25"):
        bm25_rows, bm25_vals = store.lexical_search(query, n, filters)
    dense_info = {int(r): (i + 1, float(s)) for i, (r, s) in enumerate(zip(dense_rows, dense_sims))}
    bm25_info = {int(r): (i + 1, float(s)) for i, (r, s) in enumerate(zip(bm25_rows, bm25_vals))}
    if mode == "hybrid":
        fused = weighted_rrf(
            [(dense_rows, settings.dense_weight), (bm25_rows, settings.weight_bm25)], settings.rrf_k
        )
    else:
        fused = {r: s for r, (_, s) in (dense_info if mode == "dense" else bm25_info).items()}
    ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
    return [_passage(store, row, score, dense_info.get(row), bm25_info.get(row)) for row, score in ranked]


def _passage(store: Store, row: int, score: float, dense: tuple[int, float] | None,
             bm25: tuple[int, float] | None) -> Passage:
    chunk = store.data.chunks[row]
    doc = store.data.documents[chunk.doc_id]
    return Passage(
        doc_id=doc.doc_id, chunk_id=chunk.chunk_id, title=doc.title, date=doc.date, url=doc.url,
        text=chunk.text, start=chunk.start, end=chunk.end, score=float(score),
        dense_score=dense[1] if dense else None, bm25_score=bm25[1] if bm25 else None,
        dense_rank=dense[0] if dense else None, bm25_rank=bm25[0] if bm25 else None,
    )


_stores: dict[tuple[str, str, str], tuple[str, Store]] = {}
_stores_lock = threading.Lock()


def open_store(root: Path | str | None = None, settings: Settings | None = None) -> Store:
    """The process-wide Store for `root`, reloaded when an indexer publishes a new generation."""
    settings = settings or Settings.from_env()
    root = Path(root) if root is not None else settings.store
    model_id = model_id_for(settings)
    key = (str(root.resolve()), model_id, settings.backend)
    gen = current_generation(root)
    gen_name = gen.name if gen else ""
    with _stores_lock:
        cached = _stores.get(key)
        if cached is None or cached[0] != gen_name:
            if cached is not None:
                gc.unfreeze()  # what roles.warm set aside, the replaced store's facts too, is collectable again
            _stores[key] = (gen_name, Store.open(root, model_id, settings))
        return _stores[key][1]
