"""The store contract, run against every backend: FAISS files and Milvus (Lite, embedded).

Build, add/update/remove documents, dense and lexical search, metadata filters,
reopen (in this process and in a fresh one), refusal of another model, and the
fact tables. A fake embedder keeps it fast; tests/test_parity.py uses the real model.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from danvan_qa.index.backends import milvus as milvus_backend
from danvan_qa.index import store as st
from danvan_qa.index.backends.base import BACKENDS, Filters
from danvan_qa.ingest.chunking import context_text
from danvan_qa.errors import StoreError
from danvan_qa.index.indexer import build_index
from danvan_qa.qa.retrieval import search
from danvan_qa.settings import Settings
from fakes import FakeEmbedder

CHANGED, REMOVED, KEPT = "003_ac025bd2f7923628", "004_a8f1c7873cc8ab1a", "000_e8f6aa7cccc62a1d"


release = milvus_backend.close_all  # lets another process open the Milvus Lite files


@pytest.fixture(params=BACKENDS)
def env(request, tmp_path, corpus_copy):
    emb = FakeEmbedder()
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", cache=tmp_path / "cache",
                        backend=request.param, model=emb.model_id, encoder="torch")  # the id as the fake has it
    yield settings, emb
    release()


def _open(settings: Settings, emb: FakeEmbedder) -> st.Store:
    return st.Store.open(settings.store, emb.model_id, settings)


def _lexical_docs(store: st.Store, query: str, filters: Filters | None = None) -> set[str]:
    hits = store.lexical_search(query, 50, filters)
    return {store.data.chunks[r].doc_id for r in hits.rows}


def test_build_search_and_noop(env):
    settings, emb = env
    first = build_index(settings=settings, embedder=emb)
    assert len(first.added) == 5 and first.written and first.embedded_chunks == first.chunks > 0
    store = _open(settings, emb)
    assert store.backend.name == settings.backend and len(store) == first.chunks
    for c in store.data.chunks:
        assert store.data.documents[c.doc_id].text[c.start : c.end] == c.text
    # a chunk's own vector finds that chunk first, with cosine 1
    target = 7
    vec = emb.encode_passages([_context(store, target)])[0]
    hits = store.dense_search(vec, 5)
    assert hits.rows[0] == target and hits.scores[0] == pytest.approx(1.0, abs=1e-5)
    assert list(hits.scores) == sorted(hits.scores, reverse=True) and len(hits.rows) == 5
    again = build_index(settings=settings, embedder=emb)
    assert not again.written and again.embedded_chunks == 0 and len(again.unchanged) == 5


def _context(store: st.Store, row: int) -> str:
    chunk = store.data.chunks[row]
    return context_text(store.data.documents[chunk.doc_id], chunk.text)


def test_lexical_search_with_and_without_diacritics(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    with_marks = store.lexical_search("Đại tá Nguyễn Thanh Tuấn", 5)
    without = store.lexical_search("dai ta nguyen thanh tuan", 5)
    assert len(with_marks.rows) and len(without.rows)
    assert "Nguyễn Thanh Tuấn" in store.data.chunks[with_marks.rows[0]].text
    assert "Nguyễn Thanh Tuấn" in store.data.chunks[without.rows[0]].text
    assert list(with_marks.scores) == sorted(with_marks.scores, reverse=True)
    assert len(store.lexical_search("zzzqqq xyzzy", 5).rows) == 0


def test_add_update_remove(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    target = settings.corpus / f"{CHANGED}.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nĐoạn mới về hợp tác quýt xoài.\n", encoding="utf-8")
    (settings.corpus / f"{REMOVED}.txt").unlink()
    (settings.corpus / "new.txt").write_text("Bài mới\nBan Dân vận ký kết ở Huế với ổi chanh.", encoding="utf-8")
    emb.passages_encoded = 0
    report = build_index(settings=settings, embedder=emb)
    assert (report.updated, report.removed, report.added) == ((CHANGED,), (REMOVED,), ("new",))
    store = _open(settings, emb)
    changed = [c for c in store.data.chunks if c.doc_id in (CHANGED, "new")]
    assert emb.passages_encoded == report.embedded_chunks == len(changed) < len(store)
    assert _lexical_docs(store, "quýt xoài") == {CHANGED}
    assert _lexical_docs(store, "oi chanh") == {"new"}
    # the removed article is gone from both searches
    assert REMOVED not in _lexical_docs(store, "Tô Lâm Trương Thị Mai")
    vec = emb.encode_queries(["Tô Lâm Trương Thị Mai"])[0]
    assert all(store.data.chunks[r].doc_id != REMOVED for r in store.dense_search(vec, len(store)).rows)
    # every chunk is searchable exactly once: no leftovers of the old versions
    everything = store.dense_search(vec, len(store) + 10)
    assert sorted(everything.rows.tolist()) == list(range(len(store)))
    assert len([p for p in settings.store.iterdir() if p.name.startswith(("gen-", ".gen-"))]) == 1


def test_filters(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    docs = store.data.documents
    q = "công tác dân vận ký kết chương trình phối hợp"
    qv = emb.encode_queries([q])[0]
    source = next(d.source for d in docs.values() if d.source)
    cases = [
        Filters(doc_ids=frozenset({CHANGED})),
        Filters(doc_ids=frozenset({CHANGED, KEPT})),
        Filters(sources=frozenset({source})),
        Filters(date_from="2022-01-01"),
        Filters(date_to="2019-12-31"),
        Filters(date_from="2016-01-01", date_to="2018-12-31", doc_ids=frozenset(docs)),
    ]
    for f in cases:
        admitted = {d for d, doc in docs.items() if f.admits(doc)}
        assert admitted, f
        for mode in ("dense", "bm25", "hybrid"):
            got = search(store, q, 50, mode=mode, settings=settings, query_vector=qv, filters=f)
            assert got and {p.doc_id for p in got} <= admitted, (f, mode)
    nothing = Filters(doc_ids=frozenset({'no "such" doc\\'}))
    assert len(store.dense_search(qv, 5, nothing).rows) == 0 and len(store.lexical_search(q, 5, nothing).rows) == 0


def test_reopen_in_this_process_and_in_a_fresh_one(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    q = "Đại tướng Tô Lâm phát biểu"
    qv = emb.encode_queries([q])[0]
    first = _open(settings, emb)
    expected = {"dense": first.dense_search(qv, 5).rows.tolist(), "lexical": first.lexical_search(q, 5).rows.tolist()}
    assert _open(settings, emb).dense_search(qv, 5).rows.tolist() == expected["dense"]
    release()
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(Path(__file__).parents[1])!r})
        from fakes import FakeEmbedder
        from danvan_qa.settings import Settings
        from danvan_qa.index.store import Store
        s = Settings(store={str(settings.store)!r}, backend={settings.backend!r})
        emb = FakeEmbedder()
        store = Store.open(s.store, emb.model_id, s)
        qv = emb.encode_queries([{q!r}])[0]
        print(json.dumps({{"dense": store.dense_search(qv, 5).rows.tolist(),
                          "lexical": store.lexical_search({q!r}, 5).rows.tolist()}}))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == expected


def test_changed_chunking_reembeds_everything(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    report = build_index(settings=settings.replace(chunk_size=400, chunk_overlap=80), embedder=emb)
    assert report.embedded_chunks == report.chunks
    store = _open(settings, emb)
    vec = emb.encode_queries(["dân vận"])[0]
    assert sorted(store.dense_search(vec, len(store) + 10).rows.tolist()) == list(range(len(store)))


def test_another_model_is_refused_and_rebuild_recovers(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    with pytest.raises(StoreError, match="built with model 'fake-hash-embedder'.*--rebuild"):
        st.Store.open(settings.store, "another-model", settings)
    other = FakeEmbedder(dim=32, model_id="other-fake")
    report = build_index(settings=settings, embedder=other, rebuild=True)
    assert report.embedded_chunks == report.chunks
    store = st.Store.open(settings.store, "other-fake", settings)
    hits = store.dense_search(other.encode_queries(["Tô Lâm"])[0], 3)
    assert len(hits.rows) == 3


def test_new_extractor_version_refreshes_facts_without_reembedding(env, monkeypatch):
    from danvan_qa.index import indexer

    settings, emb = env
    build_index(settings=settings, embedder=emb)
    monkeypatch.setattr(indexer, "FACTS_VERSION", 999)
    report = build_index(settings=settings, embedder=emb)
    assert report.written and report.embedded_chunks == 0 and len(report.unchanged) == 5
    store = _open(settings, emb)
    assert store.data.manifest["facts_version"] == 999 and len(store.lexical_search("dân vận", 5).rows) == 5
    assert not build_index(settings=settings, embedder=emb).written


def test_known_phrase_and_fact_lookups(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    store = _open(settings, emb)
    assert store.known_phrase("38-Ctr/BDVTW-BCA") and store.known_phrase("giai đoạn 2022-2026")
    assert not store.known_phrase("45-Ctr/BDVTW-BCA") and not store.known_phrase("2027-2031")
    assert {p.name for p in store.people_by_doc[REMOVED]} >= {"Tô Lâm", "Trương Thị Mai"}
    assert all(p.name == "Tô Lâm" for p in store.people_by_name["Tô Lâm"])
    assert [e.date for e in store.events_by_doc[KEPT] if e.main] == ["2016-11-04"]


def test_backends_rank_alike(tmp_path, corpus_copy):
    """Same chunks, same vectors: the exact dense ranking is identical and BM25 ranks agree."""
    emb = FakeEmbedder()
    stores = {}
    for name in BACKENDS:
        s = Settings(corpus=corpus_copy, store=tmp_path / name, backend=name)
        build_index(settings=s, embedder=emb)
        stores[name] = _open(s, emb)
    try:
        for q in ("ký kết chương trình phối hợp", "dan van kheo", "Giám đốc Công an tỉnh", "giai đoạn 2022-2026"):
            qv = emb.encode_queries([q])[0]
            dense = [stores[n].dense_search(qv, 10) for n in BACKENDS]
            assert dense[0].rows.tolist() == dense[1].rows.tolist()
            np.testing.assert_allclose(dense[0].scores, dense[1].scores, rtol=1e-4)
            lexical = [stores[n].lexical_search(q, 5).rows.tolist() for n in BACKENDS]
            assert lexical[0][:3] == lexical[1][:3], q
    finally:
        release()
