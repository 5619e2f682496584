"""Metric functions: SQuAD-style answer scores with Vietnamese normalisation, entity P/R/F,
and ranking metrics through trec_eval (pytrec_eval) rather than hand-written formulas."""

from __future__ import annotations

import re
import string
from collections import Counter
from typing import Iterable, Mapping, NamedTuple

from danvan_qa.ingest.normalize import normalize_text

_PUNCT = re.compile("[" + re.escape(string.punctuation + "“”‘’–—…«»") + "]")
RANKING_MEASURES = ("success", "recall", "recip_rank", "ndcg_cut")
CUTOFFS = (1, 5, 10)


def normalize_answer(text: str) -> str:
    """NFC, one tone placement, lower case, no punctuation (dashes included), single spaces."""
    text = normalize_text(text).lower()
    return " ".join(_PUNCT.sub(" ", text).split())


def exact_match(prediction: str | None, golds: Iterable[str]) -> float:
    if prediction is None:
        return 0.0
    pred = normalize_answer(prediction)
    return float(any(pred == normalize_answer(g) for g in golds))


def token_f1(prediction: str | None, golds: Iterable[str]) -> float:
    """Best syllable-overlap F1 against any gold answer (SQuAD definition)."""
    if prediction is None:
        return 0.0
    pred = normalize_answer(prediction).split()
    best = 0.0
    for gold in golds:
        ref = normalize_answer(gold).split()
        common = sum((Counter(pred) & Counter(ref)).values())
        if common:
            p, r = common / len(pred), common / len(ref)
            best = max(best, 2 * p * r / (p + r))
    return best


def contains_answer(text: str, golds: Iterable[str]) -> bool:
    norm = normalize_answer(text)
    return any(normalize_answer(g) and normalize_answer(g) in norm for g in golds)


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float


class EntityCounts(NamedTuple):
    true_pos: int
    false_pos: int
    false_neg: int


def entity_counts(predicted: Iterable[str], gold: Iterable[str]) -> EntityCounts:
    pred = {normalize_answer(p) for p in predicted}
    ref = {normalize_answer(g) for g in gold}
    return EntityCounts(len(pred & ref), len(pred - ref), len(ref - pred))


def prf(counts: Iterable[EntityCounts]) -> PRF:
    """Micro-averaged precision, recall and F1 (precision is 1.0 when nothing was predicted)."""
    tp = fp = fn = 0
    for c in counts:
        tp, fp, fn = tp + c.true_pos, fp + c.false_pos, fn + c.false_neg
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def ranking_metrics(
    qrels: Mapping[str, Mapping[str, int]], run: Mapping[str, Mapping[str, float]]
) -> dict[str, dict[str, float]]:
    """Per-query Success@k, Recall@k, MRR@10 and nDCG@10 from trec_eval.

    Runs must hold at most 10 results per query, so reciprocal rank is MRR@10.
    Queries without relevance judgements are skipped, as trec_eval does.
    """
    import pytrec_eval

    judged = {q: dict(r) for q, r in qrels.items() if any(v > 0 for v in r.values())}
    if not judged:
        return {}
    measures = {f"success.{','.join(map(str, CUTOFFS))}", f"recall.{','.join(map(str, CUTOFFS))}",
                "recip_rank", "ndcg_cut.10"}
    evaluator = pytrec_eval.RelevanceEvaluator(judged, measures)
    raw = evaluator.evaluate({q: dict(run.get(q, {})) or {"__none__": 0.0} for q in judged})
    out = {}
    for qid, values in raw.items():
        row = {f"Success@{k}": values[f"success_{k}"] for k in CUTOFFS}
        row.update({f"Recall@{k}": values[f"recall_{k}"] for k in CUTOFFS})
        row["MRR@10"] = values["recip_rank"]
        row["nDCG@10"] = values["ndcg_cut_10"]
        out[qid] = row
    return out


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")
