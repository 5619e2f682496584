"""What only the Milvus backend has to get right: switching to it, a collection changed behind
its back, a Lite file held by another process, an update interrupted between insert and
publish, the dense index switched by size, and filter values that need quoting."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from danvan_qa.index.backends import milvus as mb
from danvan_qa.index import store as st
from danvan_qa.index import catalogue
from danvan_qa.index.catalogue import current_generation
from danvan_qa.index.backends.base import Filters
from danvan_qa.errors import StoreError
from danvan_qa.index.indexer import build_index
from danvan_qa.settings import Settings
from fakes import FakeEmbedder


@pytest.fixture
def env(tmp_path, corpus_copy):
    emb = FakeEmbedder()
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", backend="milvus", model=emb.model_id)
    yield settings, emb
    mb.close_all()


def _open(settings: Settings, emb: FakeEmbedder) -> st.Store:
    return st.Store.open(settings.store, emb.model_id, settings)


def _rows_in_collection(settings: Settings) -> int:
    milvus = mb.client(mb.resolve_uri(settings.milvus_uri, settings.store))
    return milvus.query(settings.milvus_collection, filter="", output_fields=["count(*)"])[0]["count(*)"]


def test_switching_from_faiss_to_milvus(env):
    settings, emb = env
    build_index(settings=settings.replace(backend="faiss"), embedder=emb)
    with pytest.raises(StoreError, match="built for the 'faiss' backend.*DANVAN_QA_BACKEND is 'milvus'"):
        _open(settings, emb)
    report = build_index(settings=settings, embedder=emb)
    assert report.written and report.embedded_chunks == report.chunks
    store = _open(settings, emb)
    assert store.backend.name == "milvus" and _rows_in_collection(settings) == len(store)
    assert (settings.store / "milvus.db").is_dir()
    assert not list(current_generation(settings.store).glob("*.faiss"))


def test_another_milvus_target_is_refused_with_the_fix(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    with pytest.raises(StoreError, match="built into Milvus collection 'danvan_qa'.*MILVUS_COLLECTION is 'other'"):
        _open(settings.replace(milvus_collection="other"), emb)
    secret = settings.replace(milvus_token="user:s3cret")
    assert "s3cret" not in repr(secret) and "s3cret" not in json.dumps(_open(secret, emb).data.manifest)


def test_collection_changed_behind_its_back_is_detected_and_rebuild_recovers(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    milvus = mb.client(mb.resolve_uri("", settings.store))
    opened = _open(settings, emb)
    milvus.delete(settings.milvus_collection, filter='doc_id == "000_e8f6aa7cccc62a1d"')
    with pytest.raises(StoreError, match="lacks .* chunks .*--rebuild"):
        _open(settings, emb)
    milvus.drop_collection(settings.milvus_collection)
    with pytest.raises(StoreError, match="does not exist.*--rebuild"):
        _open(settings, emb)
    with pytest.raises(StoreError, match="searching the Milvus collection 'danvan_qa' failed.*check the server"):
        opened.lexical_search("dân vận", 5)  # a store opened before the collection was dropped
    report = build_index(settings=settings, embedder=emb, rebuild=True)
    assert report.embedded_chunks == report.chunks == len(_open(settings, emb))


def test_vectors_changed_behind_its_back_are_an_error_not_a_ranking(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    milvus = mb.client(mb.resolve_uri("", settings.store))
    rows = milvus.query(settings.milvus_collection, filter="", limit=len(store), output_fields=["*"])
    damaged = [{**{k: v for k, v in row.items() if not k.startswith("sparse_")}, "dense": [1e6 * x for x in row["dense"]]}
               for row in rows]  # BM25 fields are made by the collection; no unit vector scores 1e6
    milvus.upsert(settings.milvus_collection, damaged)
    with pytest.raises(StoreError, match=r"Milvus collection 'danvan_qa' gives dense scores out of range.*--rebuild"):
        store.dense_search(emb.encode_queries(["dân vận"])[0], 5)
    assert store.lexical_search("dân vận", 5).rows.size  # BM25 is sound


def test_a_lite_file_held_by_another_process_is_a_clear_error(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    mb.close_all()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pymilvus import MilvusClient
        MilvusClient({str(settings.store / "milvus.db")!r})
        print("open", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open in another process.*Milvus server"):
            _open(settings, emb)
    finally:
        holder.kill()
        holder.wait()
    assert len(_open(settings, emb)) > 0


def test_an_update_interrupted_before_publishing_keeps_the_old_store_and_resumes(env, monkeypatch):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    before = len(_open(settings, emb))
    (settings.corpus / "new.txt").write_text("Bài mới\n" + "Ban Dân vận ký kết ở Huế. " * 200, encoding="utf-8")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed after inserting, before publishing")

    monkeypatch.setattr(catalogue, "write_generation", crash)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings=settings, embedder=emb)
    monkeypatch.undo()
    assert _rows_in_collection(settings) > before  # the new rows are in the collection...
    store = _open(settings, emb)  # ...but the published store neither sees nor returns them
    vec = emb.encode_queries(["ký kết ở Huế"])[0]
    assert sorted(store.dense_search(vec, before + 50).rows.tolist()) == list(range(before))
    assert "new" not in {store.data.chunks[r].doc_id for r in store.lexical_search("Huế", 50).rows}
    emb.passages_encoded = 0
    report = build_index(settings=settings, embedder=emb)
    assert report.added == ("new",) and report.embedded_chunks == 0 == emb.passages_encoded  # reused by key
    assert _rows_in_collection(settings) == report.chunks == len(_open(settings, emb))


def test_dense_index_follows_collection_size(env):
    settings, emb = env
    small = build_index(settings=settings, embedder=emb)
    milvus = mb.client(mb.resolve_uri("", settings.store))
    assert milvus.describe_index(settings.milvus_collection, "dense")["index_type"] == "FLAT"
    grown = settings.replace(hnsw_threshold=10)
    report = build_index(settings=grown, embedder=emb)
    assert report.written and report.embedded_chunks == 0
    assert milvus.describe_index(settings.milvus_collection, "dense")["index_type"] == "HNSW"
    store = _open(grown, emb)
    assert store.data.manifest["backend"]["index"] == "hnsw"
    vec = emb.encode_queries(["công tác dân vận"])[0]
    assert len(store.dense_search(vec, small.chunks).rows) == small.chunks


def test_filter_values_are_quoted(env):
    settings, emb = env
    (settings.corpus / 'bai "trich dan" \\ x.txt').write_text("Bài trích dẫn\nHội nghị ở Cần Thơ.", encoding="utf-8")
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    odd = 'bai "trich dan" \\ x'
    assert odd in store.data.documents
    hits = store.lexical_search("Hội nghị", 10, Filters(doc_ids=frozenset({odd})))
    assert {store.data.chunks[r].doc_id for r in hits.rows} == {odd}
    assert len(store.lexical_search("Hội nghị", 10, Filters(doc_ids=frozenset({'x" or doc_id != "'}))).rows) == 0


def test_bad_uris_are_named(env, tmp_path):
    settings, emb = env
    with pytest.raises(StoreError, match="must end in .db"):
        build_index(settings=settings.replace(milvus_uri=str(tmp_path / "milvus.sqlite")), embedder=emb)
    with pytest.raises(StoreError, match="cannot open Milvus at http://127.0.0.1:9"):
        build_index(settings=settings.replace(milvus_uri="http://127.0.0.1:9"), embedder=emb)
    with pytest.raises(ValueError, match="MILVUS_COLLECTION"):
        settings.replace(milvus_collection="bad-name")
