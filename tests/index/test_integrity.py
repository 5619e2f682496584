"""A store damaged in place (same size) is refused with one line or repaired, never answers
differently: checksums in the manifest, vectors and dense scores in range, facts held to their
text, and what `index` does about each."""

from __future__ import annotations

import dataclasses
import errno
import json
import logging
import os
from pathlib import Path
from typing import Callable

import numpy as np
import pytest

from danvan_qa.errors import StoreError
from danvan_qa.index import checksums
from danvan_qa.index import store as st
from danvan_qa.index.catalogue import current_generation
from danvan_qa.index.grounding import grounded
from danvan_qa.index.indexer import build_index
from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.facts import FactTable, Person, Programme
from danvan_qa.settings import Settings
from fakes import FakeEmbedder

QUERIES = ("phối hợp công tác dân vận", "ký kết chương trình", "hội nghị tổng kết")


@pytest.fixture
def env(tmp_path, corpus_copy):
    settings = Settings(corpus=corpus_copy, store=tmp_path / "store", cache=tmp_path / "cache")
    return settings, FakeEmbedder()


def _open(settings: Settings, emb: FakeEmbedder) -> st.Store:
    return st.Store.open(settings.store, emb.model_id)


def _answers(store: st.Store, emb: FakeEmbedder) -> tuple:
    """What a reader gets from a store: dense and lexical rankings with scores, the facts."""
    got = []
    for q in QUERIES:
        dense = store.dense_search(emb.encode_queries([q])[0], 5)
        lexical = store.lexical_search(q, 5)
        got.append((dense.rows.tolist(), np.round(dense.scores, 5).tolist(),
                    lexical.rows.tolist(), np.round(lexical.scores, 5).tolist(),
                    [store.data.chunks[r].text for r in lexical.rows]))
    return tuple(got), json.dumps(store.facts.to_json(), sort_keys=True)


# Damage in place, keeping the size: what a bad sector, a stray write or a hand edit leaves.

def _overwrite(path: Path, data: bytes) -> None:
    """Write over the file's bytes without truncating it first: a store opened before may still
    be reading it through a memory map on its prefetch thread, and a file shrunk under a map
    is a bus error, not damage."""
    with path.open("r+b") as f:
        f.write(data)


def _letter_after(marker: bytes, skip: int = 0, within: bytes = b"") -> Callable[[Path], None]:
    """Change the first ASCII lowercase letter after `marker` (+ skip; the first marker after
    `within`) into another letter."""
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        at = data.index(marker, data.index(within)) + len(marker) + skip
        while not 97 <= data[at] <= 122:
            at += 1
        data[at] = data[at] + 1 if data[at] < 122 else 97
        _overwrite(path, bytes(data))
    return damage


def _bytes_at_middle(value: bytes) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        middle = len(data) // 2
        data[middle : middle + len(value)] = value
        _overwrite(path, bytes(data))
    return damage


def _array_body(path: Path) -> None:
    """Every value of an .npy array after its 128-byte header turned into 0x7f7f7f7f."""
    data = path.read_bytes()
    _overwrite(path, data[:128] + b"\x7f" * (len(data) - 128))


def _lowest_bit_near_the_end(path: Path) -> None:
    """One number's lowest bit: a vector is still a unit vector, a text bound or a chunk's start
    is off by one; only the checksum sees it."""
    data = bytearray(path.read_bytes())
    data[len(data) - 40] ^= 1
    _overwrite(path, bytes(data))


_person_name_letter = _letter_after(b'"name":"', within=b'"people"')  # a letter of a person's name


DAMAGE = {
    "documents.json": _letter_after(b'"title": ["', skip=10),
    "texts.bin": _letter_after(b" ", skip=1000),
    "texts.npy": _lowest_bit_near_the_end,
    "offsets.npy": _lowest_bit_near_the_end,
    "chunks.npy": _lowest_bit_near_the_end,
    "keys.json": _letter_after(b'@'),
    "vocab.json": _letter_after(b'"unigrams": {"', skip=500),
    "facts.bin": _person_name_letter,
    "facts.npy": _lowest_bit_near_the_end,
    "names.json": _letter_after(b'"name": ["'),
    "programmes.json": _letter_after(b'"name": "'),
    "vectors.npy": _lowest_bit_near_the_end,
    "dense.faiss": _bytes_at_middle(b"\x7f" * 512),  # two vectors of ~3.4e38
    "bm25_exact/indices.csc.index.npy": _array_body,
    "bm25_folded/data.csc.index.npy": _bytes_at_middle(b"\x00\x00\x80\x7f" * 4),
}
CARRIED = {"documents.json", "chunks.npy", "keys.json", "vectors.npy"}  # reused by an incremental index


@pytest.mark.parametrize("background", [True, False], ids=["on a thread", "by the first search"])
@pytest.mark.parametrize("name", list(DAMAGE))
def test_same_size_damage_is_one_line_and_index_repairs_it(env, name, background, caplog, monkeypatch):
    settings, emb = env
    monkeypatch.setattr(checksums, "BACKGROUND_FROM", 0 if background else 1 << 62)
    build_index(settings=settings, embedder=emb)
    before = _answers(_open(settings, emb), emb)
    path = current_generation(settings.store) / name
    size = path.stat().st_size
    DAMAGE[name](path)
    assert path.stat().st_size == size

    with pytest.raises(StoreError) as err:
        _answers(_open(settings, emb), emb)  # opening may succeed: the first search waits for the verdict
    message = str(err.value)
    assert "\n" not in message and path.name in message and "`danvan-qa index`" in message

    with caplog.at_level(logging.WARNING, logger="danvan_qa.index.indexer"):
        report = build_index(settings=settings, embedder=emb)
    assert report.written and report.repaired == (name,)  # not "unchanged": repaired
    assert f"repaired {name}" in report.summary()
    assert [r.message for r in caplog.records if path.name in r.message and "damaged" in r.message]
    # what the damaged file carried forward is re-derived from the corpus; the rest is only rewritten
    assert report.embedded_chunks == (report.chunks if name in CARRIED else 0)
    assert _answers(_open(settings, emb), emb) == before


def test_every_file_has_its_checksum_in_the_manifest(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
    manifest = json.loads((gen / "manifest.json").read_text())
    on_disk = {str(p.relative_to(gen)) for p in gen.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(manifest[checksums.KEY]) == set(manifest["files"]) == on_disk
    assert all(checksums.file_crc(gen / n) == crc for n, crc in manifest[checksums.KEY].items())
    assert checksums.verify(gen, manifest) == []


def _without_checksums(gen: Path) -> None:
    """The manifest of a store written before checksums were."""
    manifest = json.loads((gen / "manifest.json").read_text())
    del manifest[checksums.KEY]
    (gen / "manifest.json").write_text(json.dumps(manifest))


def _rewrite_checksum(gen: Path, name: str) -> None:
    """Make the manifest agree with a file changed on purpose: only the content checks remain."""
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest[checksums.KEY][name] = checksums.file_crc(gen / name)
    manifest["files"][name] = (gen / name).stat().st_size
    (gen / "manifest.json").write_text(json.dumps(manifest))


def test_dense_scores_out_of_range_are_an_error_not_a_ranking(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
    _without_checksums(gen)
    DAMAGE["dense.faiss"](gen / "dense.faiss")
    store = _open(settings, emb)
    assert len(store.lexical_search(QUERIES[0], 3).rows)  # BM25 is sound
    with pytest.raises(StoreError, match=r"dense\.faiss gives dense scores out of range.*`danvan-qa index`") as err:
        for q in QUERIES:
            store.dense_search(emb.encode_queries([q])[0], len(store))
    assert "\n" not in str(err.value)
    report = build_index(settings=settings, embedder=emb)  # no checksums yet: a generation with them
    assert report.written and report.embedded_chunks == 0
    assert checksums.KEY in _open(settings, emb).data.manifest


def test_damaged_bm25_arrays_without_checksums_are_one_line(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
    _without_checksums(gen)
    _array_body(gen / "bm25_exact/indices.csc.index.npy")
    with pytest.raises(StoreError, match=r"bm25_exact is damaged.*`danvan-qa index`") as err:
        store = _open(settings, emb)
        for q in QUERIES:
            store.lexical_search(q, 5)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("value", [np.nan, np.inf, 3.0, 0.0])
def test_vectors_that_are_not_unit_vectors_are_refused_and_reembedded(env, value):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
    vectors = np.load(gen / "vectors.npy")
    vectors[3] = value
    np.save(gen / "vectors.npy", vectors)
    _rewrite_checksum(gen, "vectors.npy")
    with pytest.raises(StoreError, match=r"vectors\.npy is damaged \(1 of \d+ vectors are not finite unit"):
        _open(settings, emb).lexical_search(QUERIES[0], 3)
    report = build_index(settings=settings, embedder=emb)
    assert report.embedded_chunks == report.chunks  # never copied into the next generation
    assert np.allclose(np.linalg.norm(_open(settings, emb).backend.vectors, axis=1), 1.0, atol=1e-5)


def test_an_encoder_that_gives_non_unit_vectors_is_refused_before_writing(env):
    settings, emb = env

    class Broken(FakeEmbedder):
        def encode_passages(self, texts, *, progress=False):
            return super().encode_passages(texts) * 2.0

    from danvan_qa.errors import ModelError

    with pytest.raises(ModelError, match="not finite unit vectors"):
        build_index(settings=settings, embedder=Broken())
    assert current_generation(settings.store) is None
    assert not list(settings.store.glob(".gen-*"))


def test_facts_of_a_store_without_checksums_are_held_to_the_text_at_open(env, caplog):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    gen = current_generation(settings.store)
    original = _open(settings, emb).facts
    _person_name_letter(gen / "facts.bin")
    _rewrite_checksum(gen, "facts.bin")
    _without_checksums(gen)  # written before checksums: nothing proves facts.bin is what was written
    with caplog.at_level(logging.WARNING, logger="danvan_qa.index.store"):
        store = _open(settings, emb)
        facts = store.facts
        store.lexical_search(QUERIES[0], 3)
    assert len(facts.people) == len(original.people) - 1
    assert facts.events == original.events and facts.programmes == original.programmes
    assert set(facts.people) < set(original.people)  # the changed name is gone, nothing else
    told = [r.message for r in caplog.records if "do not match their article" in r.message]
    assert len(told) == 1 and told[0].startswith("1 facts")


def test_the_indexer_writes_only_facts_found_at_their_span(env, monkeypatch, caplog):
    settings, emb = env
    from danvan_qa.index import indexer

    def extract_with_a_slip(documents):
        facts = real_extract(documents)
        slip = dataclasses.replace(facts.people[0], name="Nguyễn Văn Không Có")
        return dataclasses.replace(facts, people=(*facts.people, slip))

    real_extract = indexer.extract
    monkeypatch.setattr(indexer, "extract", extract_with_a_slip)
    with caplog.at_level(logging.WARNING, logger="danvan_qa.index.indexer"):
        build_index(settings=settings, embedder=emb)
    assert [r.message for r in caplog.records if "do not match" in r.message] == [
        "1 extracted facts do not match their article's text where they were read; dropped"]
    names = {p.name for p in _open(settings, emb).facts.people}
    assert "Nguyễn Văn Không Có" not in names and names == {p.name for p in real_extract(
        tuple(_open(settings, emb).data.documents.values())).people}


def _person(name: str, role: str | None, start: int, end: int, rank: str | None = None) -> Person:
    return Person("d1", None, name, rank, role, (), "khác", start, end)


def test_grounding_checks_each_field_in_its_own_sentence():
    text = "Mở đầu bài viết. Đồng chí Nguyễn Văn An, Chủ tịch UBND xã , Trưởng ban, phát biểu. Kết thúc."
    doc = Document("d1", "d1.txt", "Tiêu đề", None, None, None, None, text, "h")
    second = (text.index("Đồng chí"), text.index("Kết thúc"))
    kept = [
        _person("Nguyễn Văn An", "Chủ tịch UBND xã, Trưởng ban", *second),  # spacing tidied
        _person("Nguyễn Văn An", "chủ tịch UBND xã", *second, rank="Đồng chí"),  # case
        _person("Nguyễn Văn An", None, *second),
    ]
    dropped = [
        _person("Nguyễn Văn Ân", "Chủ tịch UBND xã", *second),  # a letter changed
        _person("Nguyễn Văn An", "Phó Chủ tịch UBND xã", *second),  # a role the sentence does not give
        _person("Nguyễn Văn An", "Chủ tịch UBND xã", 0, second[0]),  # another sentence
        Person("d2", None, "Nguyễn Văn An", None, None, (), "khác", *second),  # an article not in the store
    ]
    facts, n = grounded(FactTable(people=tuple(kept + dropped)), {"d1": doc})
    assert facts.people == tuple(kept) and n == len(dropped)
    same, none = grounded(FactTable(people=tuple(kept)), {"d1": doc})
    assert same.people == tuple(kept) and none == 0


def test_bad_bytes_in_current_are_one_line_and_index_repairs(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    before = _answers(_open(settings, emb), emb)
    (settings.store / "CURRENT").write_bytes(b"\xff\xfegen-\x00\x9c garbage\n")
    with pytest.raises(StoreError, match=r"CURRENT is corrupted .*`danvan-qa index`") as err:
        _open(settings, emb)
    assert "\n" not in str(err.value)
    report = build_index(settings=settings, embedder=emb)
    assert report.written
    assert _answers(_open(settings, emb), emb) == before
    assert len([p for p in settings.store.iterdir() if p.name.startswith("gen-")]) == 1


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """np.save writes part of the file and finds the disk full, as a real full disk would."""
    def save(file, arr, *args, **kwargs):
        Path(file).write_bytes(b"\x93NUMPY" + b"\0" * 100)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(np, "save", save)


def test_full_disk_is_one_line_removes_its_temp_folder_and_keeps_the_store(env, monkeypatch):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    live = current_generation(settings.store)
    before = _answers(_open(settings, emb), emb)
    stale = settings.store / ".gen-20000101-000000-1-1.tmp"  # left by a killed indexer
    stale.mkdir()
    (stale / "vectors.npy").write_bytes(b"\0" * 4096)
    (settings.corpus / "moi.txt").write_text("Bài mới\nMột hội nghị về công tác dân vận.", encoding="utf-8")
    with monkeypatch.context() as m:
        _full_disk(m)
        with pytest.raises(StoreError, match="No space left on device.*free some disk space") as err:
            build_index(settings=settings, embedder=emb)
    assert "\n" not in str(err.value)
    assert sorted(p.name for p in settings.store.iterdir()) == sorted([".lock", "CURRENT", live.name])
    assert current_generation(settings.store) == live and _answers(_open(settings, emb), emb) == before
    report = build_index(settings=settings, embedder=emb)  # space again: the retry just works
    assert report.written and report.added == ("moi",)


def test_stale_temp_folders_are_cleared_even_when_nothing_changed(env):
    settings, emb = env
    build_index(settings=settings, embedder=emb)
    for name in (".gen-20000101-000000-1-1.tmp", ".gen-20000101-000000-2-2.tmp"):
        (settings.store / name).mkdir()
        (settings.store / name / "dense.faiss").write_bytes(b"\0" * 1024)
    (settings.store / "CURRENT.tmp").write_text("gen-nothing\n")
    report = build_index(settings=settings, embedder=emb)
    assert not report.written
    assert not list(settings.store.glob(".gen-*")) and not (settings.store / "CURRENT.tmp").exists()


def test_a_programmes_signing_date_is_held_to_the_sentence_it_was_read_from():
    text = "Ký kết chương trình phối hợp giai đoạn 2021-2026. Sáng 8-11, hai bên tổ chức ký kết. Kết thúc."
    doc = Document("d1", "d1.txt", "Tiêu đề", None, None, None, None, text, "h")
    title, lead = (0, text.index("Sáng")), (text.index("Sáng"), text.index("Kết thúc"))
    named = Programme("d1", "chương trình phối hợp giai đoạn 2021-2026", None, "2021-2026", (), "2016-11-08", "8-11",
                      *title, date_span=lead)
    moved = dataclasses.replace(named, date_span=title)  # the day is not in the title
    facts, n = grounded(FactTable(programmes=(named, moved)), {"d1": doc})
    assert facts.programmes == (named,) and n == 1
