"""Indexing and the store with a fake embedder: incremental updates, refusal, corruption."""

import json
import shutil

import numpy as np
import pytest

from danvan_qa import store as st
from danvan_qa.errors import CorpusError, StoreError
from danvan_qa.indexer import build_index
from danvan_qa.settings import Settings
from fakes import FakeEmbedder


@pytest.fixture
def env(tmp_path, corpus_copy):
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", cache=tmp_path / "cache")
    return settings, FakeEmbedder()


def _open(settings, embedder):
    return st.Store.open(settings.store, embedder.model_id)


def test_full_build_then_noop(env):
    settings, emb = env
    first = build_index(settings=settings, embedder=emb)
    assert len(first.added) == 5 and first.written and first.embedded_chunks == first.chunks > 0
    store = _open(settings, emb)
    assert len(store) == first.chunks == store.data.vectors.shape[0]
    for c in store.data.chunks:
        assert store.data.documents[c.doc_id].text[c.start : c.end] == c.text
    again = build_index(settings=settings, embedder=emb)
    assert not again.written and again.embedded_chunks == 0 and len(again.unchanged) == 5


def test_incremental_reindex_embeds_only_the_changed_document(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    before = _open(settings, emb)
    target = settings.corpus / "003_ac025bd2f7923628.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nĐoạn mới về ký kết.\n", encoding="utf-8")
    (settings.corpus / "004_a8f1c7873cc8ab1a.txt").unlink()
    (settings.corpus / "new.txt").write_text("Bài mới\nBan Dân vận ký kết ở Huế.", encoding="utf-8")
    emb.passages_encoded = 0
    report = build_index(settings=settings, embedder=emb)
    assert report.updated == ("003_ac025bd2f7923628",)
    assert report.removed == ("004_a8f1c7873cc8ab1a",)
    assert report.added == ("new",)
    after = _open(settings, emb)
    changed = [c for c in after.data.chunks if c.doc_id in ("003_ac025bd2f7923628", "new")]
    assert emb.passages_encoded == report.embedded_chunks == len(changed)
    assert not any(c.doc_id == "004_a8f1c7873cc8ab1a" for c in after.data.chunks)
    # vectors of an unchanged document are carried over unchanged
    old_rows = [i for i, c in enumerate(before.data.chunks) if c.doc_id == "000_e8f6aa7cccc62a1d"]
    new_rows = [i for i, c in enumerate(after.data.chunks) if c.doc_id == "000_e8f6aa7cccc62a1d"]
    assert np.array_equal(before.data.vectors[old_rows], after.data.vectors[new_rows])
    # exactly one generation survives
    assert len([p for p in settings.store.iterdir() if p.name.startswith(("gen-", ".gen-"))]) == 1


def test_changed_chunking_reembeds_everything(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    report = build_index(settings=settings.replace(chunk_size=400, chunk_overlap=80), embedder=emb)
    assert report.embedded_chunks == report.chunks


def test_store_from_another_model_is_refused(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    with pytest.raises(StoreError, match="built with model 'fake-hash-embedder'.*--rebuild"):
        st.Store.open(settings.store, "another-model")


def test_other_format_version_is_refused(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = st.current_generation(settings.store)
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format_version"] = 999
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="format version 999"):
        _open(settings, emb)


def test_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no index .*danvan-qa index"):
        st.Store.open(tmp_path / "none", "m")


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda g: (g / "dense.faiss").unlink(), "missing"),
        (lambda g: (g / "vectors.npy").write_bytes((g / "vectors.npy").read_bytes()[:100]), "bytes, expected"),
        (lambda g: (g / "manifest.json").write_text("{not json"), "corrupted"),
        (lambda g: (g / "dense.faiss").write_bytes(b"\0" * (g / "dense.faiss").stat().st_size), "corrupted"),
        (lambda g: shutil.rmtree(g / "bm25_exact"), "missing"),
    ],
)
def test_damaged_store_is_detected_and_rebuild_recovers(env, damage, message):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    damage(st.current_generation(settings.store))
    with pytest.raises(StoreError, match=message) as err:
        _open(settings, emb)
    assert "--rebuild" in str(err.value)
    report = build_index(settings=settings, embedder=emb, rebuild=True)
    assert report.embedded_chunks == report.chunks
    assert len(_open(settings, emb)) == report.chunks


def test_chunks_and_vectors_out_of_step(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = st.current_generation(settings.store)
    lines = (gen / "chunks.jsonl").read_text().splitlines()
    (gen / "chunks.jsonl").write_text("\n".join(lines[:-1]) + "\n")
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["files"]["chunks.jsonl"] = (gen / "chunks.jsonl").stat().st_size
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="out of step"):
        _open(settings, emb)


def test_unfinished_generation_is_ignored_and_cleaned(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    live = st.current_generation(settings.store)
    leftover = settings.store / ".gen-crashed.tmp"
    leftover.mkdir()
    (leftover / "vectors.npy").write_bytes(b"partial")
    assert len(_open(settings, emb)) > 0
    (settings.corpus / "new.txt").write_text("Bài mới\nNội dung.", encoding="utf-8")
    build_index(settings=settings, embedder=emb)
    assert not leftover.exists() and not live.exists()


def test_empty_corpus_is_an_error(tmp_path):
    (tmp_path / "c").mkdir()
    with pytest.raises(CorpusError, match="no readable"):
        build_index(settings=Settings(corpus=tmp_path / "c", store=tmp_path / "s"), embedder=FakeEmbedder())


def test_index_type_choice():
    assert st.choose_index_type(10, "auto", 1000) == "flat"
    assert st.choose_index_type(5000, "auto", 1000) == "hnsw"
    assert st.choose_index_type(5000, "flat", 1000) == "flat"
    with pytest.raises(ValueError):
        st.choose_index_type(1, "ivf-magic", 1000)


def test_hnsw_matches_flat_on_small_data():
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(2000, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    flat, hnsw = st.build_dense(vecs, "flat"), st.build_dense(vecs, "hnsw")
    _, exact = flat.search(vecs[:50], 10)
    _, approx = hnsw.search(vecs[:50], 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx)])
    assert recall >= 0.95


def test_known_phrase_and_fact_lookups(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    assert store.known_phrase("38-Ctr/BDVTW-BCA") and store.known_phrase("giai đoạn 2022-2026")
    assert not store.known_phrase("45-Ctr/BDVTW-BCA") and not store.known_phrase("2027-2031")
    assert {p.name for p in store.people_by_doc["004_a8f1c7873cc8ab1a"]} >= {"Tô Lâm", "Trương Thị Mai"}
    assert all(p.name == "Tô Lâm" for p in store.people_by_name["Tô Lâm"])
    assert [e.date for e in store.events_by_doc["000_e8f6aa7cccc62a1d"] if e.main] == ["2016-11-04"]


def test_new_extractor_version_refreshes_facts_without_reembedding(env, monkeypatch):
    from danvan_qa import indexer

    settings, emb = env
    build_index(settings=settings, embedder=emb)
    monkeypatch.setattr(indexer, "FACTS_VERSION", 999)
    report = build_index(settings=settings, embedder=emb)
    assert report.written and report.embedded_chunks == 0 and len(report.unchanged) == 5
    assert _open(settings, emb).data.manifest["facts_version"] == 999
    assert not build_index(settings=settings, embedder=emb).written
