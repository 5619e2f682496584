"""The on-disk index: documents, chunks, vectors, FAISS and BM25, under one manifest.

Layout of a store folder:

    CURRENT          name of the live generation folder (replaced atomically)
    gen-<stamp>/     manifest.json, documents.jsonl, chunks.jsonl, vectors.npy,
                     dense.faiss, bm25_exact/, bm25_folded/, vocab.json, facts.json
    .lock            held by an indexer while it writes

A generation is written completely in its own folder and only then published by
renaming a new CURRENT over the old one, so readers (and a crash at any point)
see either the old complete store or the new complete one.
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
from typing import Any

import numpy as np

from .chunking import Chunk, sentence_spans
from .corpus import Document
from .errors import StoreError
from .facts import Event, FactTable, Person, Programme
from .normalize import syllables
from .restore import Restorer, Vocabulary

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 2: facts.json (the extracted event table)
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
BM25_DIRS = ("bm25_exact", "bm25_folded")
REBUILD_HINT = "rebuild it with `danvan-qa index --rebuild`"


@dataclass
class StoreData:
    """Everything a generation holds, in memory."""

    manifest: dict[str, Any]
    documents: dict[str, Document]
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: Any  # faiss.Index
    bm25_exact: Any  # bm25s.BM25
    bm25_folded: Any
    vocab: Vocabulary
    facts: FactTable


INDEX_TYPES = ("auto", "flat", "hnsw", "ivf")


def choose_index_type(n_chunks: int, requested: str, ann_threshold: int) -> str:
    """Exact search while small; an approximate index once exact search would be slow."""
    if requested not in INDEX_TYPES:
        raise ValueError(f"unknown index type {requested!r} (expected one of {', '.join(INDEX_TYPES)})")
    if requested != "auto":
        return requested
    return "hnsw" if n_chunks >= ann_threshold else "flat"


def ivf_lists(n: int) -> int:
    """About 4·√n inverted lists, the usual FAISS rule of thumb."""
    return int(min(65536, max(16, 4 * np.sqrt(max(n, 1)))))


def build_dense(vectors: np.ndarray, index_type: str, nprobe: int = 32) -> Any:
    import faiss

    dim = vectors.shape[1]
    if index_type == "flat":
        index = faiss.IndexFlatIP(dim)
    elif index_type == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 96
    elif index_type == "ivf":
        nlist = ivf_lists(len(vectors))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = vectors[rng.choice(len(vectors), min(len(vectors), 40 * nlist), replace=False)]
        index.train(sample)
        index.nprobe = nprobe
    else:
        raise ValueError(f"unknown index type {index_type!r}")
    if len(vectors):
        index.add(vectors)
    return index


def build_bm25(token_lists: list[list[str]]) -> Any:
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    bm25 = bm25s.BM25()
    bm25.index(token_lists, show_progress=False)
    return bm25


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


def write_generation(root: Path, data: StoreData) -> Path:
    """Write `data` as a new generation and publish it; returns its folder."""
    import faiss

    root.mkdir(parents=True, exist_ok=True)
    gen = root / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    tmp = gen.with_name("." + gen.name + ".tmp")
    tmp.mkdir()
    _write_jsonl(tmp / "documents.jsonl", [dataclasses.asdict(d) for d in data.documents.values()])
    _write_jsonl(
        tmp / "chunks.jsonl",
        [{"chunk_id": c.chunk_id, "doc_id": c.doc_id, "start": c.start, "end": c.end} for c in data.chunks],
    )
    np.save(tmp / "vectors.npy", data.vectors)
    faiss.write_index(data.dense, str(tmp / "dense.faiss"))
    data.bm25_exact.save(str(tmp / "bm25_exact"), show_progress=False)
    data.bm25_folded.save(str(tmp / "bm25_folded"), show_progress=False)
    (tmp / "vocab.json").write_text(json.dumps(data.vocab.to_json(), ensure_ascii=False), encoding="utf-8")
    (tmp / "facts.json").write_text(json.dumps(data.facts.to_json(), ensure_ascii=False), encoding="utf-8")
    files = {
        str(p.relative_to(tmp)): p.stat().st_size for p in sorted(tmp.rglob("*")) if p.is_file()
    }
    manifest = {**data.manifest, "format_version": FORMAT_VERSION, "files": files}
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
    data.manifest = manifest
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
            f"{REBUILD_HINT}, or set DANVAN_QA_MODEL to the model it was built with"
        )


def load_generation(root: Path, model_id: str) -> StoreData:
    """Load and cross-check the live generation; any inconsistency is a StoreError."""
    import bm25s
    import faiss

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
        chunks = []
        with (gen / "chunks.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                text = documents[row["doc_id"]].text[row["start"] : row["end"]]
                chunks.append(Chunk(row["chunk_id"], row["doc_id"], row["start"], row["end"], text))
        vectors = np.load(gen / "vectors.npy", allow_pickle=False)
        dense = faiss.read_index(str(gen / "dense.faiss"))
        bm25 = [bm25s.BM25.load(str(gen / d), show_progress=False) for d in BM25_DIRS]
        vocab = Vocabulary.from_json(json.loads((gen / "vocab.json").read_text(encoding="utf-8")))
        facts = FactTable.from_json(json.loads((gen / "facts.json").read_text(encoding="utf-8")))
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - every parse failure means the same thing to the user
        raise StoreError(f"index in {gen} is corrupted ({type(exc).__name__}: {exc}); {REBUILD_HINT}") from None
    counts = {
        "chunks": len(chunks),
        "vectors": vectors.shape[0],
        "faiss": dense.ntotal,
        "bm25_exact": bm25[0].scores["num_docs"],
        "bm25_folded": bm25[1].scores["num_docs"],
    }
    if len(set(counts.values())) != 1:
        raise StoreError(f"index in {gen} is out of step ({counts}); {REBUILD_HINT}")
    if vectors.ndim != 2 or vectors.shape[1] != manifest["model"]["dim"] or dense.d != vectors.shape[1]:
        raise StoreError(f"index in {gen} has vectors of the wrong dimension; {REBUILD_HINT}")
    return StoreData(manifest, documents, chunks, vectors, dense, bm25[0], bm25[1], vocab, facts)


class Store:
    """A loaded store, ready to search; safe to share between threads (read-only)."""

    def __init__(self, root: Path, data: StoreData) -> None:
        self.root = root
        self.data = data
        self.restorer = Restorer(data.vocab)
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        # Fact lookups by document and by name, so a question never scans the whole table.
        self.people_by_doc: dict[str, list[Person]] = {}
        self.people_by_name: dict[str, list[Person]] = {}
        self.events_by_doc: dict[str, list[Event]] = {}
        self.programmes_by_doc: dict[str, list[Programme]] = {}
        for person in data.facts.people:
            self.people_by_doc.setdefault(person.doc_id, []).append(person)
            self.people_by_name.setdefault(person.name, []).append(person)
        for event in data.facts.events:
            self.events_by_doc.setdefault(event.doc_id, []).append(event)
        for programme in data.facts.programmes:
            self.programmes_by_doc.setdefault(programme.doc_id, []).append(programme)

    def known_phrase(self, text: str) -> bool:
        """Whether the corpus contains these syllables in this order (checked pair by pair)."""
        tokens = syllables(text)
        vocab = self.data.vocab
        if len(tokens) == 1:
            return tokens[0] in vocab.unigrams
        return all(f"{a} {b}" in vocab.bigrams for a, b in zip(tokens, tokens[1:]))

    @property
    def facts(self) -> FactTable:
        return self.data.facts

    def sentences(self, doc_id: str) -> list[tuple[int, int]]:
        """Sentence spans of a document, computed once (a benign race at worst recomputes)."""
        spans = self._sentences.get(doc_id)
        if spans is None:
            spans = self._sentences[doc_id] = sentence_spans(self.data.documents[doc_id].text)
        return spans

    @classmethod
    def open(cls, root: Path | str, model_id: str) -> "Store":
        root = Path(root)
        return cls(root, load_generation(root, model_id))

    @property
    def model_id(self) -> str:
        return str(self.data.manifest["model"]["id"])

    def __len__(self) -> int:
        return len(self.data.chunks)

    def dense_search(self, query_vector: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-n chunk rows by inner product (cosine on normalised vectors)."""
        n = min(n, len(self))
        scores, rows = self.data.dense.search(query_vector.reshape(1, -1).astype(np.float32), n)
        keep = rows[0] >= 0
        return rows[0][keep], scores[0][keep]

    def bm25_scores(self, exact: list[str], folded: list[str]) -> np.ndarray:
        """BM25 over exact syllables plus BM25 over folded syllables and bigrams, per chunk."""
        scores = np.zeros(len(self), dtype=np.float32)
        if exact:
            scores += self.data.bm25_exact.get_scores(exact)
        if folded:
            scores += self.data.bm25_folded.get_scores(folded)
        return scores

    def stale_documents(self, corpus: list[Document]) -> list[str]:
        """Doc ids whose content differs from what was indexed (or that are new/removed)."""
        indexed = {d: m["hash"] for d, m in self.data.manifest.get("documents", {}).items()}
        current = {d.doc_id: d.content_hash for d in corpus}
        return sorted(d for d in set(indexed) | set(current) if indexed.get(d) != current.get(d))
