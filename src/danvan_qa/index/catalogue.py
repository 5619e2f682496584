"""The catalogue: documents, chunks, vocabulary and facts, written in generations on disk.

Layout of a store folder:

    CURRENT          name of the live generation folder (replaced atomically)
    gen-<stamp>/     manifest.json, documents.jsonl (with each article's published text and
                     offset map), chunks.jsonl, vocab.json, facts.json,
                     and the FAISS backend's files (vectors.npy, dense.faiss, bm25_*/)
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
"""

from __future__ import annotations

import dataclasses
import errno
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from danvan_qa.errors import StoreError
from danvan_qa.index import checksums
from danvan_qa.index.checksums import REPAIR_HINT, Verifier
from danvan_qa.ingest.chunking import Chunk
from danvan_qa.ingest.corpus import Document
from danvan_qa.ingest.facts import FactTable
from danvan_qa.ingest.restore import Vocabulary

log = logging.getLogger(__name__)

FORMAT_VERSION = 4  # 2: facts.json; 3: chunk keys and a named backend; 4: published text and offset map
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
REBUILD_HINT = "rebuild it with `danvan-qa index --rebuild`"


@dataclass
class Catalogue:
    """What every generation holds whatever the backend: the text side of the store."""

    gen: Path
    manifest: dict[str, Any]
    documents: dict[str, Document]
    chunks: list[Chunk]
    keys: list[str]  # backend key of each chunk (backend.chunk_key)
    vocab: Vocabulary
    facts: FactTable
    verifier: Verifier | None = None  # checking the files read, when read from disk

    @property
    def backend_name(self) -> str:
        return str((self.manifest.get("backend") or {}).get("name", ""))


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


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
    _write_jsonl(tmp / "documents.jsonl", [dataclasses.asdict(d) for d in catalogue.documents.values()])
    _write_jsonl(
        tmp / "chunks.jsonl",
        [{"chunk_id": c.chunk_id, "doc_id": c.doc_id, "start": c.start, "end": c.end, "key": k}
         for c, k in zip(catalogue.chunks, catalogue.keys)],
    )
    (tmp / "vocab.json").write_text(json.dumps(catalogue.vocab.to_json(), ensure_ascii=False), encoding="utf-8")
    (tmp / "facts.json").write_text(json.dumps(catalogue.facts.to_json(), ensure_ascii=False), encoding="utf-8")
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


def read_catalogue(root: Path, model_id: str) -> Catalogue:
    """Load and cross-check the live generation's catalogue; any inconsistency is a StoreError.

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
    reading = gen / "documents.jsonl"
    try:
        documents = {}
        with reading.open(encoding="utf-8") as fh:
            for line in fh:
                doc = Document(**json.loads(line))
                documents[doc.doc_id] = doc
        chunks, keys = [], []
        reading = gen / "chunks.jsonl"
        with reading.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                text = documents[row["doc_id"]].text[row["start"] : row["end"]]
                chunks.append(Chunk(row["chunk_id"], row["doc_id"], row["start"], row["end"], text))
                keys.append(str(row["key"]))
        reading = gen / "vocab.json"
        vocab = Vocabulary.from_json(json.loads(reading.read_text(encoding="utf-8")))
        reading = gen / "facts.json"
        facts = FactTable.from_json(json.loads(reading.read_text(encoding="utf-8")))
    except Exception as exc:  # noqa: BLE001 - every parse failure means the same thing to the user
        raise StoreError(f"index file {reading} is corrupted ({type(exc).__name__}: {exc}); {REPAIR_HINT}") from None
    return Catalogue(gen, manifest, documents, chunks, keys, vocab, facts, verifier)
