"""Learned fusion: the hybrid ranking's top chunks re-scored by a small fitted model.

Reciprocal-rank fusion weighs a dense rank like a BM25 rank; on our articles e5-small's dense
ranking is much weaker than BM25's at the top, so RRF ranked worse than BM25 alone. A logistic
regression over what both retrievers say of a chunk (ranks, scores relative to the best
candidate's), how much of the question's rare words the chunk and its title hold, how its
article fares as a whole, and how well its best sentence reads as an answer (the question's
words held in one sentence, in one that holds the kind of span asked for, and the words its
title lacks: an article's lead chunk matches its title's words, the answer is often further
on), fitted on gold questions by `danvan-qa train` and held out by article
in the eval, decides instead. The features describe the question-chunk relation only, never
an article's words, so the model carries to any text.
"""

from __future__ import annotations

from dataclasses import replace
import re
from typing import TYPE_CHECKING, NamedTuple, Sequence

from danvan_qa.errors import ModelError
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.candidates import typed_span_present
from danvan_qa.qa.extractive import Scorer, Sentence, held_share
from danvan_qa.qa.questions import Question
from danvan_qa.qa.ranker import LinearModel
from danvan_qa.qa.records import Features
from danvan_qa.records import Passage
from danvan_qa.settings import Settings

if TYPE_CHECKING:
    from danvan_qa.index.store import Store

FUSION_FEATURES = (
    "rrf", "dense_rr", "dense_gap", "dense_top", "bm25_rr", "bm25_share", "bm25_share2", "bm25_top",
    "cov", "title_cov", "doc_bm25_rr", "doc_dense_rr",
    "sent_cov", "sent_gap", "typed_cov", "typed_gap", "novel_cov", "novel_gap",
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


class ChunkSentences(NamedTuple):
    """A chunk's best sentence, three ways: by coverage of the question's words, among the
    sentences holding the kind of span asked for, and by the words its title lacks."""

    best: float
    typed: float
    novel: float


def chunk_sentences(passages: Sequence[Passage], question: Question, scorer: Scorer,
                    store: "Store") -> list[ChunkSentences]:
    """Each passage's sentences (those overlapping it, whole) read against the question."""
    out, novels = [], {}
    for p in passages:
        words = store.words(p.doc_id)
        text = store.data.documents[p.doc_id].text
        if p.doc_id not in novels:  # the question's words its article's title lacks, once per article
            title = set(re.findall(r"\w+", fold(p.title)))
            novels[p.doc_id] = {t: w for t, w in scorer.weights.items() if t not in title}
        novel = novels[p.doc_id]
        best = typed = new = 0.0
        for (a, b), w in zip(store.sentences(p.doc_id), words.sentences):
            if b <= p.start or a >= p.end:
                continue
            cov = scorer.cover(w.unigrams, w.pairs)
            best = max(best, cov)
            if novel:
                new = max(new, held_share(novel, scorer.held(w.unigrams, w.pairs)))
            if cov > typed and typed_span_present(question, Sentence(p.doc_id, a, b, text[a:b], cov), None, store):
                typed = cov
        out.append(ChunkSentences(best, typed, new))
    return out


def fusion_features(passages: Sequence[Passage], scorer: Scorer,
                    sentences: Sequence[ChunkSentences]) -> list[Features]:
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
    tops = [max((s[i] for s in sentences), default=0.0) for i in range(3)]
    rows = []
    for p, sent in zip(passages, sentences, strict=True):
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
            sent.best, sent.best - tops[0],
            sent.typed, sent.typed - tops[1],
            sent.novel, sent.novel - tops[2],
        )))
    return rows


def rerank(passages: Sequence[Passage], scorer: Scorer, sentences: Sequence[ChunkSentences],
           model: LinearModel) -> list[Passage]:
    """The passages by the model's probability that each holds the answer (kept as `score`);
    ties keep the fused order."""
    probs = [model.prob(f) for f in fusion_features(passages, scorer, sentences)]
    order = sorted(range(len(passages)), key=lambda i: (-probs[i], i))
    return [replace(passages[i], score=probs[i]) for i in order]
