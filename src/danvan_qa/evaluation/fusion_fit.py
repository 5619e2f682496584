"""Fit the learned fusion (qa/fusion.py) on gold questions, and hold it out by article.

A fused chunk is labelled right when it holds the gold evidence (`is_relevant`, as the
retrieval metrics judge it). For held-out figures the fusion is fitted once per fold without
the fold's articles, and that fold's questions are retrieved through it before the answer
models are fitted on them, so neither the fusion nor the answer models saw the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from danvan_qa.evaluation.gold import GoldItem, evidence_spans, is_relevant
from danvan_qa.evaluation.training import Example, folds_by_group, make_examples
from danvan_qa.index.store import Store
from danvan_qa.qa.fusion import FUSION_FEATURES, chunk_sentences, fusion_features
from danvan_qa.qa.ranker import LinearModel, fit_linear
from danvan_qa.qa.reading import read, retrieve_for
from danvan_qa.qa.records import Features
from danvan_qa.settings import Settings

FUSION_C = 1.0  # L2 strength; 12 weights over ~20,000 chunk rows barely need it


@dataclass(frozen=True)
class FusionRows:
    """One question's fused candidates (plain RRF), with their features and labels."""

    group: str  # its article, the fold unit; for a question without one, the top chunk's article
    rows: tuple[Features, ...]
    labels: tuple[int, ...]  # empty for questions without an answer: nothing to learn from them


def fusion_rows(items: Sequence[GoldItem], store: Store, settings: Settings) -> list[FusionRows]:
    """The rows the fusion learns from, one entry per gold question."""
    docs = {d: doc.text for d, doc in store.data.documents.items()}
    out = []
    for item in items:
        reading = read(item.question, store, settings)
        passages = retrieve_for(reading, store, settings, k=settings.fusion_depth)
        group = item.doc_ids[0] if item.doc_ids else (passages[0].doc_id if passages else "-")
        if not (item.answerable and item.doc_ids):
            out.append(FusionRows(group, (), ()))
            continue
        spans = evidence_spans(item, docs)
        labels = tuple(int(is_relevant(p.doc_id, p.start, p.end, p.text, item, spans)) for p in passages)
        sentences = chunk_sentences(passages, reading.question, reading.scorer, store)
        out.append(FusionRows(group, tuple(fusion_features(passages, reading.scorer, sentences)), labels))
    return out


def fit_fusion(rows: Sequence[FusionRows]) -> LinearModel | None:
    """The fusion fitted on these questions; None when none of their chunks is right (keep RRF)."""
    x = [f for r in rows for f in r.rows]
    y = [label for r in rows for label in r.labels]
    if not any(y):
        return None
    return fit_linear(FUSION_FEATURES, x, y, c=FUSION_C)


def examples_by_fold(items: Sequence[GoldItem], store: Store, settings: Settings, k: int,
                     rows: Sequence[FusionRows] | None = None) -> tuple[list[Example], list[int], list[LinearModel | None]]:
    """Examples retrieved through a fusion that never saw their article: (examples, fold of
    each, the fusion of each fold). `rows`: the items' fusion rows, when already read."""
    rows = rows if rows is not None else fusion_rows(items, store, settings)
    fold = folds_by_group([r.group for r in rows], k)
    fusions = [fit_fusion([r for r, g in zip(rows, fold) if g != f]) for f in range(k)]
    examples: list[Example | None] = [None] * len(items)
    for f in range(k):
        held = [i for i, g in enumerate(fold) if g == f]
        for i, ex in zip(held, make_examples([items[i] for i in held], store, settings, fusions[f])):
            examples[i] = ex
    return examples, fold, fusions  # type: ignore[return-value]
