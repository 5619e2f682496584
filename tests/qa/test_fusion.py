"""The learned fusion: features relative to a question's candidates, re-scoring, where it
applies, fitting; and the shipped model in retrieve() and answer() over the real store."""

from dataclasses import replace

import pytest

from danvan_qa.errors import ModelError
from danvan_qa.evaluation.fusion_fit import FusionRows, fit_fusion
from danvan_qa.qa.fusion import (FUSION_FEATURES, MISSING_DENSE_GAP, ChunkSentences, chunk_sentences, fusion_features,
                                 fusion_for, rerank)
from danvan_qa.qa.ranker import LinearModel, load_models
from danvan_qa.records import Passage
from danvan_qa.settings import Settings


def _p(chunk: str, doc: str, *, dense=None, bm25=None, title="t", text="", score=0.1) -> Passage:
    return Passage(doc_id=doc, chunk_id=chunk, title=title, date=None, url=None, text=text, start=0,
                   end=len(text), score=score, dense_score=dense[1] if dense else None,
                   bm25_score=bm25[1] if bm25 else None, dense_rank=dense[0] if dense else None,
                   bm25_rank=bm25[0] if bm25 else None)


def _cover(text: str) -> float:
    """A stand-in for the question's word coverage: the share of "x" words."""
    words = text.split()
    return sum(w == "x" for w in words) / len(words) if words else 0.0


def _plain(n: int) -> list[ChunkSentences]:
    return [ChunkSentences(0.0, 0.0, 0.0)] * n


def _only(name: str, weight: float = 5.0) -> LinearModel:
    n = len(FUSION_FEATURES)
    return LinearModel(FUSION_FEATURES, tuple(weight if f == name else 0.0 for f in FUSION_FEATURES), 0.0,
                       (0.0,) * n, (1.0,) * n)


def test_features_are_relative_to_the_question_candidates():
    ps = [_p("a#0", "a", dense=(1, 0.9), bm25=(2, 6.0), text="x y", title="x"),
          _p("a#1", "a", bm25=(1, 12.0), text="y y"),
          _p("b#0", "b", dense=(2, 0.8), text="x x", title="y")]
    sentences = [ChunkSentences(0.5, 0.0, 0.25), ChunkSentences(0.75, 0.5, 0.25), ChunkSentences(0.25, 0.25, 0.0)]
    rows = [dict(zip(f.names, f.values)) for f in fusion_features(ps, _cover, sentences)]
    assert rows[0]["dense_gap"] == 0.0 and rows[0]["dense_top"] == 1.0 and rows[0]["bm25_share"] == 0.5
    assert rows[1]["bm25_share"] == 1.0 and rows[1]["bm25_top"] == 1.0 and rows[1]["dense_gap"] == MISSING_DENSE_GAP
    assert rows[2]["dense_gap"] == pytest.approx(-0.1) and rows[2]["bm25_rr"] == 0.0 and rows[2]["bm25_share"] == 0.0
    # an article is judged by its best chunk: a#1 shares a#0's dense rank 1
    assert rows[1]["doc_dense_rr"] == 1.0 and rows[0]["doc_bm25_rr"] == 1.0 and rows[2]["doc_bm25_rr"] == 0.0
    assert (rows[0]["cov"], rows[1]["cov"], rows[2]["cov"]) == (0.5, 0.0, 1.0)
    assert rows[0]["title_cov"] == rows[1]["title_cov"] == 1.0 and rows[2]["title_cov"] == 0.0
    # each best sentence as it is and against the question's best of that kind
    assert [(r["sent_cov"], r["sent_gap"]) for r in rows] == [(0.5, -0.25), (0.75, 0.0), (0.25, -0.5)]
    assert [r["typed_gap"] for r in rows] == [-0.5, 0.0, -0.25] and [r["novel_gap"] for r in rows] == [0.0, 0.0, -0.25]


def test_rerank_orders_by_the_model_and_keeps_its_probability():
    ps = [_p("a#0", "a", dense=(1, 0.9), bm25=(3, 2.0)), _p("b#0", "b", bm25=(1, 8.0)),
          _p("c#0", "c", dense=(2, 0.8), bm25=(2, 4.0))]
    out = rerank(ps, _cover, _plain(3), _only("bm25_share"))
    assert [p.chunk_id for p in out] == ["b#0", "c#0", "a#0"]
    assert out[0].score > out[1].score > out[2].score and all(0 < p.score < 1 for p in out)
    assert replace(out[0], score=ps[1].score) == ps[1]  # nothing but the score changes
    tied = rerank(ps, _cover, _plain(3), _only("cov"))  # every coverage 0: the fused order stays
    assert [p.chunk_id for p in tied] == ["a#0", "b#0", "c#0"]


def test_the_fusion_applies_to_e5_only_and_refuses_other_features():
    model = _only("cov")
    assert fusion_for(model, Settings(encoder="openvino")) is model
    assert fusion_for(model, Settings(encoder="torch")) is model
    assert fusion_for(model, Settings(encoder="static")) is None  # another dense ranking: plain RRF
    assert fusion_for(model, Settings(encoder="torch", model="some/other-model")) is None
    assert fusion_for(None, Settings(encoder="torch")) is None
    other = LinearModel(("a",), (1.0,), 0.0, (0.0,), (1.0,))
    with pytest.raises(ModelError, match="danvan-qa train"):
        fusion_for(other, Settings(encoder="torch"))


def test_fit_fusion_learns_which_signal_marks_the_right_chunk():
    rows = []
    for q in range(40):  # the right chunk always has BM25's top score; dense ranks are noise
        ps = [_p(f"{q}#{i}", f"d{q}", dense=(1 + (i + q) % 3, 0.8), bm25=(i + 1, 9.0 - 3 * i)) for i in range(3)]
        rows.append(FusionRows(f"d{q}", tuple(fusion_features(ps, _cover, _plain(3))), (1, 0, 0)))
    model = fit_fusion(rows)
    assert model is not None and model.names == FUSION_FEATURES
    w = dict(zip(model.names, model.weights))
    assert w["bm25_share"] > 0 and abs(w["dense_rr"]) < w["bm25_share"]
    assert fit_fusion([FusionRows("d", rows[0].rows, (0, 0, 0)), FusionRows("e", (), ())]) is None


def test_a_chunk_is_read_by_its_best_sentence(real_store, real_settings):
    """A question written from one sentence: the chunk holding that sentence reads it best;
    a sentence of the kind asked for counts as typed, and words of the title are not novel."""
    from danvan_qa.qa.reading import read, retrieve_for

    doc_id, doc = next((d, doc) for d, doc in real_store.data.documents.items()
                       if any(real_store.people_by_sentence.get((d, a)) for a, _ in real_store.sentences(d)[3:]))
    a, b = next((a, b) for a, b in real_store.sentences(doc_id)[3:] if real_store.people_by_sentence.get((doc_id, a)))
    reading = read(f"Ai {doc.text[a:b].rstrip('.')}?", real_store, real_settings)
    passages = retrieve_for(reading, real_store, real_settings, k=real_settings.fusion_depth)
    found = chunk_sentences(passages, reading.question, reading.scorer, real_store)
    holding = [i for i, p in enumerate(passages) if p.doc_id == doc_id and p.start <= a and b <= p.end]
    assert holding, "the sentence's own chunk is retrieved"
    mine = found[holding[0]]
    assert mine.best == max(s.best for s in found) and mine.best > 0.9
    assert mine.typed == mine.best  # the sentence names a person: a "who" answer
    assert all(s.typed <= s.best for s in found)
    title_only = read(doc.title, real_store, real_settings)
    novel = chunk_sentences(passages, title_only.question, title_only.scorer, real_store)
    assert all(s.novel == 0.0 for s, p in zip(novel, passages) if p.doc_id == doc_id)
    assert mine.novel > 0.0  # against its own title, the sentence's words are news


def test_shipped_fusion_matches_the_features():
    models = load_models()
    assert models.fusion is not None and models.fusion.names == FUSION_FEATURES


def test_retrieve_and_answer_read_the_same_fused_passages(real_store, real_settings):
    """retrieve() in hybrid mode re-scores with the shipped fusion, as answer() does; the other
    modes and the scores they report are the retrievers' own."""
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.qa.reading import retrieve

    question = "Ai chủ trì lễ ký kết chương trình phối hợp giai đoạn 2022-2026?"
    hybrid = retrieve(question, 8, store=real_store, settings=real_settings)
    assert [p.score for p in hybrid] == sorted((p.score for p in hybrid), reverse=True)
    assert all(0 < p.score < 1 for p in hybrid)
    read = Answerer(real_store, real_settings).decision(question).passages
    assert [p.chunk_id for p in read] == [p.chunk_id for p in hybrid]
    bm25 = retrieve(question, 8, mode="bm25", store=real_store, settings=real_settings)
    assert all(p.score == p.bm25_score for p in bm25)
