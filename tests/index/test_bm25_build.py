"""The streamed BM25 builder against bm25s itself (the reference implementation)."""

from __future__ import annotations

import random

import bm25s
import numpy as np
import pytest

from danvan_qa.index.backends import bm25 as bm25_build
from danvan_qa.index.backends.bm25 import Bm25Builder


def _corpus(seed: int, n: int = 60) -> list[list[str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(80)] + ["ở", "và", "ký_kết"]
    return [[rng.choice(words[: rng.randint(3, len(words))]) for _ in range(rng.randint(0, 50))] for _ in range(n)]


@pytest.mark.parametrize("block", [7, 20_000])  # many scoring blocks, and one
def test_scores_equal_bm25s(tmp_path, monkeypatch, block):
    monkeypatch.setattr(bm25_build, "_BLOCK", block)
    docs = _corpus(block)
    reference = bm25s.BM25()
    reference.index(docs, show_progress=False)
    builder = Bm25Builder()
    for doc in docs:
        builder.add(iter(doc))  # any iterable: the indexer streams tokens
    builder.save(tmp_path)
    ours = bm25s.BM25.load(str(tmp_path), mmap=True)
    for query in (["w1"], ["w3", "w3", "w40"], ["ở", "và"], ["ký_kết", "unseen"], ["unseen"], sorted(set(sum(docs, [])))):
        np.testing.assert_allclose(ours.get_scores(query), reference.get_scores(query), rtol=1e-5, atol=1e-6)


def test_empty_documents_score_zero(tmp_path):
    builder = Bm25Builder()
    for doc in (["a", "b"], [], ["b"]):
        builder.add(doc)
    builder.save(tmp_path)
    scores = bm25s.BM25.load(str(tmp_path)).get_scores(["a", "b"])
    assert len(builder) == 3 and scores[1] == 0 and scores[0] > scores[2] > 0


@pytest.mark.parametrize("n_docs", [0, 3, 500, 40_000, 300_000])
@pytest.mark.parametrize("kind", ["uniform", "mostly_zero", "ties", "all_zero"])
def test_top_scores_is_a_stable_argsort(n_docs, kind):
    """The sampled-threshold top-k returns exactly what a full stable sort would, ties by index."""
    rng = np.random.default_rng(n_docs)
    scores = rng.random(n_docs).astype(np.float32)
    if kind == "mostly_zero":
        scores[rng.random(n_docs) < 0.999] = 0
    elif kind == "ties":
        scores = np.round(scores * 3).astype(np.float32)
    elif kind == "all_zero":
        scores[:] = 0
    for n in (1, 50, 1000):
        assert np.array_equal(bm25_build.top_scores(scores, n), np.argsort(-scores, kind="stable")[:n])
