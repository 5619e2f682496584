"""The catalogue: documents, chunks, vocabulary and facts, written in generations on disk.

Layout of a store folder:

    CURRENT          name of the live generation folder (replaced atomically)
    gen-<stamp>/     manifest.json; the documents and chunks in columns (columns.py: documents.json,
                     texts.bin, texts.npy, offsets.npy, chunks.npy, keys.json); vocab.json; the
                     facts by article (factcolumns.py: facts.bin, facts.npy, names.json,
                     programmes.json); and the FAISS backend's files (vectors.npy, dense.faiss, bm25_*/)
    milvus.db        the Milvus Lite database, when that backend runs embedded
    .lock            held by an indexer while it writes

A generation is written completely in its own folder and only then published by
renaming a new CURRENT over the old one, so readers (and a crash at any point)
see either the old complete store or the new complete one. A write that fails removes
its folder; folders left by killed writers are cleared by the next one (under the lock).
The manifest records each file's size and CRC-32 (checksums.py), checked before reuse
and when a store is opened. The manifest names
the backend; a Milvus collection keeps rows by key, so a reader maps them back
to its own generation's chunks (backends/base.py). `store.Store` opens a generation with its
backend for search.

Opening reads only what the columns need at hand (metadata, chunk rows): texts are read per
article on first use, an article's facts when a question first touches it, and the keys,
vocabulary, names and programmes (JSON) when first asked for (`Lazy`), each file mapped or read
lazily so a generation collected meanwhile stays readable.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

from danvan_qa.errors import StoreError
from danvan_qa.index import checksums, columns
from danvan_qa.index.checksums import REPAIR_HINT, Verifier
from danvan_qa.index.columns import ChunkTable, Documents, Texts, mapped, write_chunks, write_documents
from danvan_qa.index.factcolumns import FACT_ROWS, StoredFacts, write_facts
from danvan_qa.ingest.chunking import Chunk
from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.facts import FactTable
from danvan_qa.ingest.restore import Vocabulary
from danvan_qa.lazy import Lazy

log = logging.getLogger(__name__)

# 2: facts.json; 3: chunk keys and a named backend; 4: published text and offset map; 5: columns;
# 6: facts by article
FORMAT_VERSION = 6
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
REBUILD_HINT = "rebuild it with `danvan-qa index --rebuild`"
VOCAB = "vocab.json"

T = TypeVar("T")


@dataclass
class Catalogue:
    """What every generation holds whatever the backend: the text side of the store."""

    gen: Path
    manifest: dict[str, Any]
    documents: Mapping[str, Document]
    chunks: Sequence[Chunk]
    lazy_keys: Lazy[list[str]]  # backend key of each chunk (backend.chunk_key)
    lazy_vocab: Lazy[Vocabulary]
    lazy_facts: Lazy[FactTable]
    verifier: Verifier | None = None  # checking the files read, when read from disk

    @property
    def backend_name(self) -> str:
        return str((self.manifest.get("backend") or {}).get("name", ""))

    @property
    def keys(self) -> list[str]:
        return self.lazy_keys.get()

    @property
    def vocab(self) -> Vocabulary:
        return self.lazy_vocab.get()

    @property
    def facts(self) -> FactTable:
        return self.lazy_facts.get()


@dataclass
class StoredCatalogue(Catalogue):
    """A catalogue read from a generation: columns that open without reading a text."""

    documents: Documents
    chunks: ChunkTable
    stored_facts: StoredFacts = field(kw_only=True)  # the fact table by article (lazy_facts: all of it)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_failure(root: Path, exc: OSError) -> StoreError:
    """One line for a store that cannot be written, with what to do about it."""
    fix = {errno.ENOSPC: "free some disk space", errno.EDQUOT: "free some disk space",
           errno.EROFS: "make it writable or choose another with --store",
           errno.EACCES: "make it writable or choose another with --store",
           errno.EPERM: "make it writable or choose another with --store"}.get(exc.errno or 0, "fix it")
    where = f" ({exc.filename})" if exc.filename else ""
    return StoreError(f"cannot write the index in {root}: {exc.strerror or exc}{where}; {fix}, then run "
                      "`danvan-qa index` again (the live index is unchanged)")


def _write_files(tmp: Path, catalogue: Catalogue, backend_files: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
    """Every file of a generation into `tmp`, the manifest last; returns the manifest."""
    documents = list(catalogue.documents.values())
    write_documents(tmp, documents)
    write_chunks(tmp, catalogue.chunks, catalogue.keys, {d.doc_id: i for i, d in enumerate(documents)})
    (tmp / VOCAB).write_text(json.dumps(catalogue.vocab.to_json(), ensure_ascii=False), encoding="utf-8")
    write_facts(tmp, catalogue.facts, [d.doc_id for d in documents])
    backend = backend_files(tmp)
    files = {
        str(p.relative_to(tmp)): p.stat().st_size for p in sorted(tmp.rglob("*")) if p.is_file()
    }
    manifest = {**catalogue.manifest, "format_version": FORMAT_VERSION, "backend": backend, "files": files,
                checksums.KEY: checksums.record(tmp)}
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for p in tmp.rglob("*"):
        if p.is_file():
            with p.open("rb") as fh:
                os.fsync(fh.fileno())
    return manifest


def write_generation(root: Path, catalogue: Catalogue, backend_files: Callable[[Path], dict[str, Any]]) -> Path:
    """Write a new generation and publish it; returns its folder.

    `backend_files(folder)` lets the backend write its files (or make its
    collection ready) before the manifest that lists them; its result is the
    manifest's "backend" entry. `catalogue.gen` is ignored and then set. If anything
    fails before publishing, what this call wrote is removed and the live store is
    untouched; an OSError (full disk, read-only folder) becomes a one-line StoreError.
    """
    gen = root / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = gen.with_name("." + gen.name + ".tmp")
    pointer = root / (CURRENT + ".tmp")
    published = False
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp.mkdir()
        manifest = _write_files(tmp, catalogue, backend_files)
        os.replace(tmp, gen)
        pointer.write_text(gen.name + "\n", encoding="utf-8")
        with pointer.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(pointer, root / CURRENT)
        published = True
        _fsync_dir(root)
    except BaseException as exc:
        if not published:
            for folder in (tmp, gen):
                shutil.rmtree(folder, ignore_errors=True)
            pointer.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_failure(root, exc) from None
        raise
    catalogue.manifest, catalogue.gen = manifest, gen
    collect_garbage(root)
    return gen


def clear_temps(root: Path) -> None:
    """Remove what writers killed mid-write left: `.gen-*.tmp` folders and `CURRENT.tmp`.

    Call it holding the store's lock: then no live writer owns any of them."""
    for p in root.glob(".gen-*.tmp"):
        log.info("removing %s, left by an indexer that did not finish", p)
        shutil.rmtree(p, ignore_errors=True)
    (root / (CURRENT + ".tmp")).unlink(missing_ok=True)


def collect_garbage(root: Path) -> None:
    """Remove generations and temp folders that CURRENT no longer names."""
    live = current_generation(root)
    for p in root.iterdir():
        if p.is_dir() and (p.name.startswith("gen-") or p.name.startswith(".gen-")) and p != live:
            shutil.rmtree(p, ignore_errors=True)


def current_generation(root: Path) -> Path | None:
    """The live generation's folder as CURRENT names it; None before the first index."""
    pointer = root / CURRENT
    if not pointer.is_file():
        return None
    raw = pointer.read_bytes()
    try:
        name = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        name = ""
    if not name.startswith("gen-") or "/" in name or not name.isprintable():
        raise StoreError(f"{pointer} is corrupted ({raw[:40]!r}); {REPAIR_HINT}")
    return root / name


def read_manifest(root: Path) -> dict[str, Any]:
    gen = current_generation(root)
    if gen is None:
        raise StoreError(f"no index in {root}: build it with `danvan-qa index`")
    try:
        manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{gen} has no {MANIFEST}; {REPAIR_HINT}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(f"{gen / MANIFEST} is corrupted ({exc}); {REPAIR_HINT}") from None
    if not isinstance(manifest, dict):
        raise StoreError(f"{gen / MANIFEST} is not a JSON object; {REPAIR_HINT}")
    return manifest


def check_compatible(manifest: dict[str, Any], model_id: str, root: Path) -> None:
    """Refuse a store from another format version or another embedding model."""
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise StoreError(
            f"index in {root} has format version {version}, this danvan-qa reads {FORMAT_VERSION}; {REBUILD_HINT}"
        )
    built_with = manifest.get("model", {}).get("id")
    if built_with != model_id:
        raise StoreError(
            f"index in {root} was built with model {built_with!r} but the current model is {model_id!r}; "
            f"{REBUILD_HINT}, or set DANVAN_QA_MODEL and DANVAN_QA_ENCODER to what it was built with"
        )


def _parsed(path: Path, parse: Callable[[Any], T]) -> Lazy[T]:
    """A JSON file of the generation, mapped now and parsed on first use."""
    data = mapped(path)

    def make() -> T:
        try:
            return parse(json.loads(data[:]))
        except Exception as exc:  # noqa: BLE001 - as in read_catalogue
            raise StoreError(f"index file {path} is corrupted ({type(exc).__name__}: {exc}); {REPAIR_HINT}") from None
    return Lazy(make)


def read_catalogue(root: Path, model_id: str) -> StoredCatalogue:
    """Open the live generation's catalogue and cross-check its columns; any inconsistency is a
    StoreError (one in the keys, vocabulary or facts when they are first read).

    The files' checksums are verified by `Catalogue.verifier` (on a thread once started): the
    caller asks for its verdict before trusting what was read.
    """
    manifest = read_manifest(root)
    check_compatible(manifest, model_id, root)
    gen = current_generation(root)
    assert gen is not None
    files = manifest.get("files", {})
    if not isinstance(files, dict) or not isinstance(manifest.get(checksums.KEY, {}), dict):
        raise StoreError(f"{gen / MANIFEST} is corrupted (no file list); {REPAIR_HINT}")
    for name, size in files.items():
        path = gen / name
        if not path.is_file():
            raise StoreError(f"index file {path} is missing; {REPAIR_HINT}")
        if path.stat().st_size != size:
            raise StoreError(f"index file {path} has {path.stat().st_size} bytes, expected {size}; {REPAIR_HINT}")
    verifier = Verifier(gen, manifest)
    reading = gen / columns.TEXT_BOUNDS
    try:
        texts = Texts(gen)
        reading = gen / columns.DOCUMENTS
        documents = Documents(gen, texts)
        reading = gen / columns.CHUNKS
        chunks = ChunkTable(gen, documents)
        reading = gen / columns.KEYS
        keys = _parsed(reading, lambda rows: [str(k) for k in rows])
        reading = gen / VOCAB
        vocab = _parsed(reading, Vocabulary.from_json)
        reading = gen / FACT_ROWS
        # Without checksums nothing proves the facts are the ones the indexer held to the text
        # (indexer.py), so they are held to it as they are read.
        stored = StoredFacts(gen, documents, ground=FACT_ROWS not in (manifest.get(checksums.KEY) or {}))
    except Exception as exc:  # noqa: BLE001 - every parse failure means the same thing to the user
        raise StoreError(f"index file {reading} is corrupted ({type(exc).__name__}: {exc}); {REPAIR_HINT}") from None
    return StoredCatalogue(gen, manifest, documents, chunks, keys, vocab, Lazy(stored.table), verifier,
                           stored_facts=stored)
