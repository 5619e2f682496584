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
see either the old complete store or the new complete one. The manifest names
the backend; a Milvus collection keeps rows by key, so a reader maps them back
to its own generation's chunks (backends/base.py). `store.Store` opens a generation with its
backend for search.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from danvan_qa.errors import StoreError
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


def write_generation(root: Path, catalogue: Catalogue, backend_files: Callable[[Path], dict[str, Any]]) -> Path:
    """Write a new generation and publish it; returns its folder.

    `backend_files(folder)` lets the backend write its files (or make its
    collection ready) before the manifest that lists them; its result is the
    manifest's "backend" entry. `catalogue.gen` is ignored and then set.
    """
    root.mkdir(parents=True, exist_ok=True)
    gen = root / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = gen.with_name("." + gen.name + ".tmp")
    tmp.mkdir()
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
    manifest = {**catalogue.manifest, "format_version": FORMAT_VERSION, "backend": backend, "files": files}
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for p in tmp.rglob("*"):
        if p.is_file():
            with p.open("rb") as fh:
                os.fsync(fh.fileno())
    os.replace(tmp, gen)
    pointer = root / (CURRENT + ".tmp")
    pointer.write_text(gen.name + "\n", encoding="utf-8")
    with pointer.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(pointer, root / CURRENT)
    _fsync_dir(root)
    catalogue.manifest, catalogue.gen = manifest, gen
    collect_garbage(root)
    return gen


def collect_garbage(root: Path) -> None:
    """Remove generations and temp folders that CURRENT no longer names."""
    live = current_generation(root)
    for p in root.iterdir():
        if p.is_dir() and (p.name.startswith("gen-") or p.name.startswith(".gen-")) and p != live:
            shutil.rmtree(p, ignore_errors=True)


def current_generation(root: Path) -> Path | None:
    pointer = root / CURRENT
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    if not name.startswith("gen-") or "/" in name:
        raise StoreError(f"{pointer} is corrupted ({name[:40]!r}); {REBUILD_HINT}")
    return root / name


def read_manifest(root: Path) -> dict[str, Any]:
    gen = current_generation(root)
    if gen is None:
        raise StoreError(f"no index in {root}: build it with `danvan-qa index`")
    try:
        manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{gen} has no {MANIFEST}; {REBUILD_HINT}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(f"{gen / MANIFEST} is corrupted ({exc}); {REBUILD_HINT}") from None
    if not isinstance(manifest, dict):
        raise StoreError(f"{gen / MANIFEST} is not a JSON object; {REBUILD_HINT}")
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
    """Load and cross-check the live generation's catalogue; any inconsistency is a StoreError."""
    manifest = read_manifest(root)
    check_compatible(manifest, model_id, root)
    gen = current_generation(root)
    assert gen is not None
    for name, size in manifest.get("files", {}).items():
        path = gen / name
        if not path.is_file():
            raise StoreError(f"index file {path} is missing; {REBUILD_HINT}")
        if path.stat().st_size != size:
            raise StoreError(f"index file {path} has {path.stat().st_size} bytes, expected {size}; {REBUILD_HINT}")
    try:
        documents = {}
        with (gen / "documents.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                doc = Document(**json.loads(line))
                documents[doc.doc_id] = doc
        chunks, keys = [], []
        with (gen / "chunks.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                text = documents[row["doc_id"]].text[row["start"] : row["end"]]
                chunks.append(Chunk(row["chunk_id"], row["doc_id"], row["start"], row["end"], text))
                keys.append(str(row["key"]))
        vocab = Vocabulary.from_json(json.loads((gen / "vocab.json").read_text(encoding="utf-8")))
        facts = FactTable.from_json(json.loads((gen / "facts.json").read_text(encoding="utf-8")))
    except Exception as exc:  # noqa: BLE001 - every parse failure means the same thing to the user
        raise StoreError(f"index in {gen} is corrupted ({type(exc).__name__}: {exc}); {REBUILD_HINT}") from None
    return Catalogue(gen, manifest, documents, chunks, keys, vocab, facts)
