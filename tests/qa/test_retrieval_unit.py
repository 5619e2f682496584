"""Fusion, query validation and filtering, on a store built with the fake embedder."""

import numpy as np
import pytest

from danvan_qa.index.backends.base import Filters
from danvan_qa.errors import QueryError
from danvan_qa.index.indexer import build_index
from danvan_qa.qa.retrieval import clean_query, search, weighted_rrf
from danvan_qa.settings import Settings
from danvan_qa.index.store import Store
from fakes import FakeEmbedder


@pytest.fixture
def fake_store(tmp_path, corpus_copy):
    emb = FakeEmbedder()
    settings = Settings(corpus=corpus_copy, store=tmp_path / "s", model=emb.model_id, encoder="torch")  # no encoder suffix
    build_index(settings=settings, embedder=emb)
    return Store.open(settings.store, emb.model_id), settings, emb


def test_weighted_rrf_by_hand():
    fused = weighted_rrf([(np.array([7, 3, 5]), 1.0), (np.array([3, 9]), 0.5)], k=60)
    assert fused[7] == pytest.approx(1 / 61)
    assert fused[3] == pytest.approx(1 / 62 + 0.5 / 61)
    assert fused[5] == pytest.approx(1 / 63)
    assert fused[9] == pytest.approx(0.5 / 62)
    assert max(fused, key=fused.get) == 3


@pytest.mark.parametrize(
    "query, message",
    [("", "empty"), ("   \n\t ", "empty"), ("?!... —", "no words"), ("\x00\x01", "empty"),
     ("a" * 5000, "too long"), (None, "must be text")],
)
def test_bad_questions(query, message):
    with pytest.raises(QueryError, match=message):
        clean_query(query, 2000)


def test_question_cleaning_keeps_words():
    assert clean_query("  ai\x00 ký\tkết \ud800 hoà? ", 100) == "ai ký kết \ufffd hòa?"


def test_diacritic_free_query_finds_the_same_chunks(fake_store):
    store, settings, _ = fake_store
    with_marks = search(store, "Đoàn Duy Khương giám đốc công an", 3, mode="bm25", settings=settings)
    without = search(store, "doan duy khuong giam doc cong an", 3, mode="bm25", settings=settings)
    assert with_marks[0].chunk_id == without[0].chunk_id
    assert "Đoàn Duy Khương" in without[0].text


def test_hybrid_fuses_both_rankings(fake_store):
    store, settings, emb = fake_store
    q = "Ký kết chương trình phối hợp giai đoạn 2022-2026"
    qv = emb.encode_queries([q])[0]
    hybrid = search(store, q, 5, mode="hybrid", settings=settings, query_vector=qv)
    assert [p.score for p in hybrid] == sorted((p.score for p in hybrid), reverse=True)
    for p in hybrid:
        expected = sum(w / (settings.rrf_k + r) for r, w in ((p.dense_rank, 1.0), (p.bm25_rank, 1.0)) if r)
        assert p.score == pytest.approx(expected)
    dense = search(store, q, 5, mode="dense", settings=settings, query_vector=qv)
    assert all(p.bm25_score is None and p.dense_score is not None for p in dense)


def test_passages_point_into_their_documents(fake_store):
    store, settings, _ = fake_store
    for p in search(store, "dân vận khéo", 10, mode="bm25", settings=settings):
        assert store.data.documents[p.doc_id].text[p.start : p.end] == p.text


def test_filters(fake_store):
    store, settings, emb = fake_store
    q = "công tác dân vận"
    qv = emb.encode_queries([q])[0]
    only = Filters(doc_ids=frozenset({"003_ac025bd2f7923628"}))
    for mode in ("hybrid", "dense", "bm25"):
        got = search(store, q, 5, mode=mode, settings=settings, query_vector=qv, filters=only)
        assert got and {p.doc_id for p in got} == {"003_ac025bd2f7923628"}
    recent = search(store, q, 20, mode="bm25", settings=settings, filters=Filters(date_from="2022-01-01"))
    assert recent and all(p.date >= "2022-01-01" for p in recent)


def test_bad_mode_and_k(fake_store):
    store, settings, _ = fake_store
    with pytest.raises(ValueError, match="unknown retrieval mode"):
        search(store, "x", 3, mode="sparse", settings=settings)
    with pytest.raises(ValueError, match="k must be"):
        search(store, "x", 0, mode="bm25", settings=settings)
