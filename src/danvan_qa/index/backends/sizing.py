"""Which dense index a store of a given size gets, and its parameters; shared by both backends."""

from __future__ import annotations

import numpy as np

INDEX_TYPES = ("auto", "flat", "hnsw", "ivf")


def choose_index_type(n_chunks: int, requested: str, ann_threshold: int) -> str:
    """Exact search while small; an approximate index once exact search would be slow."""
    if requested not in INDEX_TYPES:
        raise ValueError(f"unknown index type {requested!r} (expected one of {', '.join(INDEX_TYPES)})")
    if requested != "auto":
        return requested
    return "hnsw" if n_chunks >= ann_threshold else "flat"


def ivf_lists(n: int) -> int:
    """About 4·√n inverted lists, the usual FAISS rule of thumb."""
    return int(min(65536, max(16, 4 * np.sqrt(max(n, 1)))))
