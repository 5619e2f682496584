"""Parity of the backends with the real model: eval/gold.jsonl over the bundled corpus, once on
FAISS and once on Milvus Lite. Recall@5 must agree within 0.02 per retrieval mode, and answer()
must give the same answers on at least 95% of the questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_qa import evaluate

pytestmark = pytest.mark.slow
GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold.jsonl"


def test_milvus_matches_faiss_on_the_gold_set(real_settings, real_store, tmp_path):
    from danvan_qa import milvus_backend

    faiss = evaluate(GOLD, settings=real_settings, baseline=False)
    try:
        milvus = evaluate(GOLD, settings=real_settings.replace(store=tmp_path / "milvus", backend="milvus"),
                          baseline=False)
    finally:
        milvus_backend.close_all()
    for mode in ("hybrid", "bm25", "dense"):
        recall = [r.metrics["retrieval"][mode]["overall"]["Recall@5"] for r in (faiss, milvus)]
        assert abs(recall[0] - recall[1]) <= 0.02, (mode, recall)
    pairs = list(zip(faiss.questions, milvus.questions, strict=True))
    same = sum(a.id == b.id and (a.got, a.abstained) == (b.got, b.abstained) for a, b in pairs)
    assert same / len(pairs) >= 0.95, [a.id for a, b in pairs if (a.got, a.abstained) != (b.got, b.abstained)]
    assert milvus.metrics["answers"]["overall"]["citations_exact"] == 1.0
