"""Learned fusion: the hybrid ranking's top chunks re-scored by a small fitted model.

Reciprocal-rank fusion weighs a dense rank like a BM25 rank; on our articles e5-small's dense
ranking is much weaker than BM25's at the top, so RRF ranked worse than BM25 alone. A logistic
regression over what both retrievers say of a chunk (ranks, scores relative to the best
candidate's), how much of the question's rare words the chunk and its title hold, and how its
article fares as a whole, fitted on gold questions by `danvan-qa train` and held out by article
in the eval, decides instead. The features describe the question-chunk relation only, never
an article's words, so the model carries to any text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from danvan_qa.errors import ModelError
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.ranker import LinearModel
from danvan_qa.qa.records import Features
from danvan_qa.records import Passage
from danvan_qa.settings import Settings

FUSION_FEATURES = (
    "rrf", "dense_rr", "dense_gap", "dense_top", "bm25_rr", "bm25_share", "bm25_share2", "bm25_top",
    "cov", "title_cov", "doc_bm25_rr", "doc_dense_rr",
)
MISSING_DENSE_GAP = -0.2  # a chunk the dense retriever did not return: far below its best


def fusion_for(model: LinearModel | None, settings: Settings) -> LinearModel | None:
    """The fusion model where it applies: it was fitted on e5-small's dense ranks (any of its
    encoders, whose vectors agree to 0.999), so the static table and other models keep RRF."""
    if model is None or settings.model or settings.encoder == "static":
        return None
    if model.names != FUSION_FEATURES:
        raise ModelError("the fusion model was fitted on other features than this version computes; "
                         "refit the answer models with `danvan-qa train`")
    return model


def fusion_features(passages: Sequence[Passage], scorer: Scorer) -> list[Features]:
    """The features of each fused candidate, relative to the other candidates of its question."""
    dense = [p.dense_score for p in passages if p.dense_score is not None]
    bm25 = [p.bm25_score for p in passages if p.bm25_score is not None]
    best_dense = max(dense, default=0.0)
    best_bm25 = max(bm25, default=0.0)
    doc_bm25: dict[str, float] = {}
    doc_dense: dict[str, float] = {}
    for p in passages:
        doc_bm25[p.doc_id] = max(doc_bm25.get(p.doc_id, 0.0), 1.0 / p.bm25_rank if p.bm25_rank else 0.0)
        doc_dense[p.doc_id] = max(doc_dense.get(p.doc_id, 0.0), 1.0 / p.dense_rank if p.dense_rank else 0.0)
    titles: dict[str, float] = {}
    rows = []
    for p in passages:
        share = (p.bm25_score or 0.0) / best_bm25 if best_bm25 > 0 else 0.0
        if p.doc_id not in titles:
            titles[p.doc_id] = scorer(p.title)
        rows.append(Features(FUSION_FEATURES, (
            10.0 * p.score,
            1.0 / p.dense_rank if p.dense_rank else 0.0,
            (p.dense_score - best_dense) if p.dense_score is not None else MISSING_DENSE_GAP,
            float(p.dense_rank == 1),
            1.0 / p.bm25_rank if p.bm25_rank else 0.0,
            share,
            share * share,
            float(p.bm25_rank == 1),
            scorer(p.text),
            titles[p.doc_id],
            doc_bm25[p.doc_id],
            doc_dense[p.doc_id],
        )))
    return rows


def rerank(passages: Sequence[Passage], scorer: Scorer, model: LinearModel) -> list[Passage]:
    """The passages by the model's probability that each holds the answer (kept as `score`);
    ties keep the fused order."""
    probs = [model.prob(f) for f in fusion_features(passages, scorer)]
    order = sorted(range(len(passages)), key=lambda i: (-probs[i], i))
    return [replace(passages[i], score=probs[i]) for i in order]
