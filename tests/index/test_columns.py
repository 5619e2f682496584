"""The columnar catalogue: a store read lazily gives exactly what was indexed (documents with their
published text and offset map, chunks, passages, facts), stays readable when its generation is
collected, and a store of the JSON-lines format before it gets one line and is rebuilt."""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import pickle
import re
import shutil

import numpy as np
import pytest

from danvan_qa.errors import StoreError
from danvan_qa.index import checksums
from danvan_qa.index import store as st
from danvan_qa.index.catalogue import FORMAT_VERSION, current_generation
from danvan_qa.index.grounding import grounded
from danvan_qa.index.indexer import build_index
from danvan_qa.ingest.chunking import chunk_document, context_text
from danvan_qa.ingest.corpus import Document, load_corpus
from danvan_qa.ingest.facts import extract
from danvan_qa.qa.retrieval import search
from danvan_qa.settings import Settings
from fakes import FakeEmbedder

QUERIES = ("phối hợp công tác dân vận", "ký kết chương trình", "hội nghị tổng kết", "ai chu tri hoi nghi")


@pytest.fixture
def env(tmp_path, corpus_copy):
    emb = FakeEmbedder()
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", cache=tmp_path / "cache",
                        model=emb.model_id, encoder="torch")  # the id as the fake has it
    build_index(settings=settings, embedder=emb)
    return settings, emb


def _open(settings: Settings, emb: FakeEmbedder) -> st.Store:
    return st.Store.open(settings.store, emb.model_id, settings)


def test_documents_chunks_and_facts_are_what_was_indexed(env):
    settings, emb = env
    corpus = load_corpus(settings.corpus).documents
    store = _open(settings, emb)
    assert list(store.data.documents) == [d.doc_id for d in corpus]
    for doc in corpus:
        stored = store.data.documents[doc.doc_id]
        assert dataclasses.asdict(stored) == dataclasses.asdict(doc)  # published text and offset map too
        for a, b in ((0, 1), (5, 40), (len(doc.text) - 7, len(doc.text)), (12, 12)):
            assert stored.published_span(a, b) == doc.published_span(a, b)
    expected = [c for d in corpus for c in chunk_document(d, settings.chunk_size, settings.chunk_overlap)]
    assert list(store.data.chunks) == expected and len(store) == len(expected)
    assert store.data.chunks[-1] == expected[-1] and store.data.chunks[1:3] == expected[1:3]
    with pytest.raises(IndexError):
        store.data.chunks[len(expected)]
    assert store.facts == grounded(extract(corpus), {d.doc_id: d for d in corpus})[0]
    assert "no such article" not in store.data.documents and len(store.data.documents) == len(corpus)


def test_search_ranks_the_chunks_as_embedding_them_afresh_does(env):
    """Dense and lexical hits, and the passages made from them, over the store's columns."""
    settings, emb = env
    store = _open(settings, emb)
    by_id = {d.doc_id: d for d in load_corpus(settings.corpus).documents}
    chunks = list(store.data.chunks)
    vectors = emb.encode_passages([context_text(by_id[c.doc_id], c.text) for c in chunks])
    for q in QUERIES:
        query = emb.encode_queries([q])[0]
        sims = vectors @ query
        hits = store.dense_search(query, 5)
        assert np.allclose(hits.scores, np.sort(sims)[::-1][:5], atol=1e-5)
        assert np.allclose(sims[hits.rows], hits.scores, atol=1e-5)
        for p in search(store, q, 5, mode="hybrid", settings=settings, query_vector=query):
            doc = by_id[p.doc_id]
            assert p.text == doc.text[p.start : p.end] and p.title == doc.title and p.date == doc.date
            assert p.chunk_id in {c.chunk_id for c in chunks if c.doc_id == p.doc_id}


def test_a_filter_keeps_the_chunks_of_its_documents(env):
    from danvan_qa.index.backends.base import Filters

    settings, emb = env
    store = _open(settings, emb)
    wanted = sorted(store.data.documents)[1:3]
    rows = store.data.chunks.rows_of(wanted)
    assert [store.data.chunks[r].doc_id for r in rows] == [c.doc_id for c in store.data.chunks if c.doc_id in wanted]
    hits = store.dense_search(emb.encode_queries([QUERIES[0]])[0], 50, Filters(doc_ids=frozenset(wanted)))
    assert len(hits.rows) and {store.data.chunks[r].doc_id for r in hits.rows} <= set(wanted)


def test_a_stored_document_copies_and_pickles_as_the_document_it_is(env):
    settings, emb = env
    doc = next(iter(_open(settings, emb).data.documents.values()))
    for twin in (pickle.loads(pickle.dumps(doc)), copy.deepcopy(doc), copy.copy(doc)):
        assert type(twin) is Document and dataclasses.asdict(twin) == dataclasses.asdict(doc)


def test_a_store_still_answers_once_an_indexer_has_removed_its_generation(env):
    """Texts, keys, vocabulary and facts are read after opening, from files mapped when it opened."""
    settings, emb = env
    store = _open(settings, emb)
    store.check()  # it has served a search: its files are verified
    shutil.rmtree(current_generation(settings.store))  # what the next indexer's garbage collection does
    doc = store.data.documents[next(iter(store.data.documents))]
    assert doc.text and doc.published
    assert store.facts.people and store.restorer.restore("hoi nghi") and len(store.data.keys) == len(store)
    assert store.lexical_search(QUERIES[0], 3).rows.size


@pytest.mark.parametrize("name", ["facts.bin", "names.json", "programmes.json"])
def test_facts_that_do_not_parse_are_one_line_when_first_read(env, name):
    settings, emb = env
    gen = current_generation(settings.store)
    path = gen / name
    path.write_bytes(b"{{" + path.read_bytes()[2:])  # same size: `{{` does not parse
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest[checksums.KEY][name] = checksums.file_crc(path)  # only the parse can tell
    (gen / "manifest.json").write_text(json.dumps(manifest))
    store = _open(settings, emb)  # opens: the facts are read when first needed
    for _ in range(2):  # the same line each time it is asked for, the store otherwise sound
        with pytest.raises(StoreError, match=rf"{re.escape(name)} is corrupted.*`danvan-qa index`") as err:
            store.facts, store.stored_facts.folded_names  # noqa: B018 - the whole table, and the names
        assert "\n" not in str(err.value)
    assert store.lexical_search(QUERIES[0], 3).rows.size


def test_a_question_reads_only_the_facts_of_the_articles_it_touches(env):
    settings, emb = env
    store = _open(settings, emb)
    facts = store.facts
    fresh = _open(settings, emb)  # a new store: nothing read yet
    doc_id = facts.people[0].doc_id
    assert fresh.people_by_doc.get(doc_id) == [p for p in facts.people if p.doc_id == doc_id]
    assert len(fresh.stored_facts._articles) == 1  # one article parsed, not the table
    name = facts.people[-1].name
    assert fresh.people_by_name[name] == [p for p in facts.people if p.name == name]
    assert name in fresh.people_by_name and "Không Ai Tên Này" not in fresh.people_by_name
    assert fresh.people_by_name.get("Không Ai Tên Này", []) == []
    assert fresh.stored_facts.folded_names == facts.folded_names
    for p in facts.people[:20]:
        assert p in fresh.people_by_sentence[(p.doc_id, p.start)]
    for e in facts.events:
        assert e in fresh.events_by_doc[e.doc_id]
    assert fresh.stored_facts.programmes == facts.programmes


def _as_json_lines(gen) -> None:
    """Turn a generation into the layout of format 4: documents and chunks as JSON lines."""
    store_docs = st.read_catalogue(gen.parent, FakeEmbedder().model_id)
    with (gen / "documents.jsonl").open("w", encoding="utf-8") as fh:
        for d in store_docs.documents.values():
            fh.write(json.dumps(dataclasses.asdict(d), ensure_ascii=False) + "\n")
    for name in ("documents.json", "texts.bin", "texts.npy", "offsets.npy", "chunks.npy", "keys.json"):
        (gen / name).unlink()
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format_version"] = 4
    (gen / "manifest.json").write_text(json.dumps(manifest))


def test_a_store_of_the_json_lines_format_gets_one_line_and_index_rebuilds_it(env, caplog):
    settings, emb = env
    _as_json_lines(current_generation(settings.store))
    with pytest.raises(StoreError) as err:
        _open(settings, emb)
    message = str(err.value)
    assert "\n" not in message and "format version 4" in message and f"reads {FORMAT_VERSION}" in message
    assert "danvan-qa index --rebuild" in message
    with caplog.at_level(logging.WARNING, logger="danvan_qa.index.indexer"):
        report = build_index(settings=settings, embedder=emb)
    assert report.written and report.embedded_chunks == report.chunks
    assert len(_open(settings, emb)) == report.chunks
