"""The FAISS backend's files with a fake embedder: damage detection, out-of-step files, cleanup.

The behaviour every backend shares is in test_backend_contract.py."""

import json
import shutil

import numpy as np
import pytest

from danvan_qa.index import store as st
from danvan_qa.index.catalogue import current_generation
from danvan_qa.index.backends.sizing import choose_index_type
from danvan_qa.errors import CorpusError, StoreError
from danvan_qa.index.backends.faiss import build_dense
from danvan_qa.index.indexer import build_index
from danvan_qa.settings import Settings
from fakes import FakeEmbedder


@pytest.fixture
def env(tmp_path, corpus_copy):
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", cache=tmp_path / "cache")
    return settings, FakeEmbedder()


def _open(settings, embedder):
    return st.Store.open(settings.store, embedder.model_id)


def test_other_format_version_is_refused(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
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
    damage(current_generation(settings.store))
    with pytest.raises(StoreError, match=message) as err:
        _open(settings, emb)
    assert "--rebuild" in str(err.value)
    report = build_index(settings=settings, embedder=emb, rebuild=True)
    assert report.embedded_chunks == report.chunks
    assert len(_open(settings, emb)) == report.chunks


def test_chunks_and_vectors_out_of_step(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
    np.save(gen / "chunks.npy", np.load(gen / "chunks.npy")[:-1])  # the last chunk's row gone
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["files"]["chunks.npy"] = (gen / "chunks.npy").stat().st_size
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="out of step"):
        _open(settings, emb)


def test_unfinished_generation_is_ignored_and_cleaned(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    live = current_generation(settings.store)
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
    assert choose_index_type(10, "auto", 1000) == "flat"
    assert choose_index_type(5000, "auto", 1000) == "hnsw"
    assert choose_index_type(5000, "flat", 1000) == "flat"
    with pytest.raises(ValueError):
        choose_index_type(1, "ivf-magic", 1000)


def test_hnsw_matches_flat_on_small_data():
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(2000, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    flat, hnsw = build_dense(vecs, "flat"), build_dense(vecs, "hnsw")
    _, exact = flat.search(vecs[:50], 10)
    _, approx = hnsw.search(vecs[:50], 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx)])
    assert recall >= 0.95


def test_an_index_run_can_let_go_of_the_shared_encoder_once_it_has_embedded(tmp_path, corpus_copy, monkeypatch):
    from danvan_qa.embed import embedding

    emb = FakeEmbedder()
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", model=emb.model_id, encoder="torch")
    key = (settings.model, str(settings.cache), settings.encoder)
    monkeypatch.setitem(embedding._cache, key, emb)  # the process's encoder, as get_embedder keeps it
    build_index(settings=settings)
    assert embedding._cache[key] is emb and emb.passages_encoded  # kept by default (the web app answers next)
    (corpus_copy / "them.txt").write_text("Bài viết mới về công tác dân vận ở xã Đồng Mây.", encoding="utf-8")
    report = build_index(settings=settings, release_encoder=True)
    assert report.embedded_chunks and key not in embedding._cache
    assert len(st.Store.open(settings.store, emb.model_id, settings)) == report.chunks


def test_words_are_those_of_each_sentence_and_pairs_in_order():
    """The folded words of each sentence, made when asked for, are those of its span; the pairs
    are the adjacent words, in order, across the text (not across a sentence's set)."""
    folded = "ban dan van ky ket. cong an tinh du hoi nghi. ban dan van tong ket"
    spans = [(0, 19), (20, 44), (45, len(folded))]
    words = st.ArticleWords(folded, folded, spans)
    assert len(words.sentences) == 3
    assert [w.unigrams for w in words.sentences] == [frozenset(folded[a:b].replace(".", "").split()) for a, b in spans]
    assert words.sentences[-1].pairs == {"ban dan", "dan van", "van tong", "tong ket"}
    assert [w.unigrams for w in words.sentences[1:]] == [words.sentences[1].unigrams, words.sentences[2].unigrams]
    assert "ket cong" in words.text.pairs and "ky ket" in words.text.pairs and "dan ban" not in words.text.pairs
    with pytest.raises(IndexError):
        words.sentences[3]


def test_a_store_keeps_a_bounded_number_of_articles_words(env, monkeypatch):
    """Across a large archive a server reads every article in time: the words kept are bounded,
    and an article let go is read again to the same words."""
    settings, emb = env
    monkeypatch.setattr(st, "ARTICLES_KEPT", 2)
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    ids = list(store.data.documents)
    assert len(ids) > 2
    first = store.words(ids[0])
    for doc_id in ids:
        store.words(doc_id)
    assert len(store._words) == 2 and len(store._sentences) == 2
    again = store.words(ids[0])
    assert again is not first and again.folded == first.folded
    assert [w.unigrams for w in again.sentences] == [w.unigrams for w in first.sentences]
    assert again.text.pairs == first.text.pairs
