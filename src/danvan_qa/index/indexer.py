"""Build or update a store from a corpus folder, embedding only new or changed documents."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NamedTuple

from danvan_qa.embed.embedding import Embedder, get_embedder, model_id_for, release_embedder
from danvan_qa.errors import CorpusError, StoreError
from danvan_qa.index import catalogue as st
from danvan_qa.index import checksums, columns
from danvan_qa.index.backends.base import Row
from danvan_qa.index.backends.factory import target_mismatch, writer_for
from danvan_qa.index.backends.sizing import choose_index_type
from danvan_qa.index.grounding import grounded
from danvan_qa.ingest.chunking import SPLITTER_ID, Chunk, chunk_document
from danvan_qa.ingest.corpus import SUFFIXES, Document, Skipped, load_corpus
from danvan_qa.ingest.facts import FACTS_VERSION, extract
from danvan_qa.ingest.normalize import NORMALIZER_VERSION, syllables
from danvan_qa.ingest.restore import Vocabulary
from danvan_qa.settings import Settings

log = logging.getLogger(__name__)

LOCK_TIMEOUT_S = 600.0  # a second indexer waits this long for the first, then gives up


def chunk_key(chunk_id: str, content_hash: str, chunking: dict[str, Any], model_id: str) -> str:
    """A key that changes whenever the stored vector or text of this chunk would."""
    basis = json.dumps([content_hash, chunking, model_id], sort_keys=True)
    return f"{chunk_id}@{hashlib.sha256(basis.encode()).hexdigest()[:16]}"


@dataclass(frozen=True)
class IndexReport:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    chunks: int
    embedded_chunks: int
    seconds: float
    store: str
    written: bool  # False when nothing changed and the live store was kept
    repaired: tuple[str, ...] = ()  # files of the previous generation found damaged, written anew

    def summary(self) -> str:
        repaired = f"; repaired {', '.join(self.repaired)}" if self.repaired else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped; {self.chunks} chunks "
            f"({self.embedded_chunks} embedded){repaired} in {self.seconds:.1f}s -> {self.store}"
        )


def package_version() -> str:
    try:
        return version("danvan-qa")
    except PackageNotFoundError:
        return "0+unknown"


def _chunking_params(settings: Settings) -> dict[str, object]:
    return {
        "splitter": SPLITTER_ID, "size": settings.chunk_size, "overlap": settings.chunk_overlap,
        "normalizer": NORMALIZER_VERSION,
    }


# Files whose content an incremental build carries forward (which articles are unchanged, their
# chunks, which vectors are theirs, the vectors); the rest are written anew each time.
_CARRIED = frozenset({columns.DOCUMENTS, columns.CHUNKS, columns.KEYS, "vectors.npy"})


class _Previous(NamedTuple):
    catalogue: st.StoredCatalogue | None  # None: build everything from the corpus
    damaged: tuple[str, ...] = ()  # its files that failed verification
    rewrite: bool = True  # write a generation even if no article changed


def _previous(root: Path, settings: Settings, model_id: str, rebuild: bool) -> _Previous:
    """The live catalogue if its chunks and backend can be reused, its damaged files, and whether
    a new generation is due whatever the articles (a file to repair, checksums to record)."""
    if rebuild:
        return _Previous(None)
    try:
        if st.current_generation(root) is None:
            return _Previous(None)
        old = st.read_catalogue(root, model_id)
    except StoreError as exc:
        log.warning("existing index not reusable, rebuilding from scratch: %s", exc)
        return _Previous(None)
    damage = old.verifier.damage() if old.verifier else []
    damaged = tuple(str(d.path.relative_to(old.gen)) if d.path != old.gen else d.name for d in damage)
    if damage:
        carried = any(d.name in _CARRIED or d.path == old.gen for d in damage)
        log.warning("index files damaged (%s); %s", "; ".join(f"{n}: {d.reason}" for n, d in zip(damaged, damage)),
                    "rebuilding from the corpus" if carried else "writing them again from the corpus")
        if carried:
            return _Previous(None, damaged)
    elif checksums.KEY not in old.manifest:
        log.info("the index has no checksums yet; writing a generation that records them")
    if old.manifest.get("chunking") != _chunking_params(settings):
        log.info("chunking settings changed; re-embedding every document")
        return _Previous(None, damaged)
    if mismatch := target_mismatch(old.manifest, settings):
        log.info("backend %s changed from %r to %r; indexing into the new one", *mismatch)
        return _Previous(None, damaged)
    return _Previous(old, damaged, bool(damage) or checksums.KEY not in old.manifest)


def build_index(
    corpus: Path | str | None = None,
    store: Path | str | None = None,
    *,
    settings: Settings | None = None,
    rebuild: bool = False,
    progress: bool = False,
    embedder: Embedder | None = None,
    release_encoder: bool = False,
) -> IndexReport:
    """Index `corpus` into `store`; unchanged documents keep their vectors (content hash).
    `release_encoder`: let go of the process's encoder once the chunks are embedded, before the
    lexical and dense indexes are built (a run that only indexes; it lowers the peak by ~1.4 GB)."""
    from filelock import FileLock, Timeout

    settings = settings or Settings.from_env()
    corpus_dir = Path(corpus) if corpus is not None else settings.corpus
    root = Path(store) if store is not None else settings.store
    started = time.perf_counter()
    loaded = load_corpus(corpus_dir, max_bytes=settings.max_doc_bytes)
    if not loaded.documents:
        raise CorpusError(f"no readable article ({', '.join(SUFFIXES)}) in {corpus_dir}")
    lock = FileLock(str(root / ".lock"), timeout=LOCK_TIMEOUT_S)
    try:
        root.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout:
        raise StoreError(f"another indexer is writing {root}; try again when it has finished") from None
    except OSError as exc:  # a read-only or full store folder
        raise st.write_failure(root, exc) from None
    try:
        try:
            st.clear_temps(root)  # no writer holds them: the lock is ours
        except OSError as exc:
            raise st.write_failure(root, exc) from None
        return _build_locked(loaded.documents, loaded.skipped, root, settings, rebuild, progress, embedder, started,
                             release_encoder)
    finally:
        lock.release()


def _build_locked(
    documents: tuple[Document, ...],
    skipped: tuple[Skipped, ...],
    root: Path,
    settings: Settings,
    rebuild: bool,
    progress: bool,
    embedder: Embedder | None,
    started: float,
    release_encoder: bool = False,
) -> IndexReport:
    model_id = embedder.model_id if embedder else model_id_for(settings)
    old, damaged, rewrite = _previous(root, settings, model_id, rebuild)
    old_hashes = {d: doc.content_hash for d, doc in old.documents.items()} if old else {}
    new_ids = {d.doc_id for d in documents}
    added = tuple(d.doc_id for d in documents if d.doc_id not in old_hashes)
    updated = tuple(d.doc_id for d in documents if d.doc_id in old_hashes and old_hashes[d.doc_id] != d.content_hash)
    unchanged = tuple(d.doc_id for d in documents if old_hashes.get(d.doc_id) == d.content_hash)
    removed = tuple(sorted(set(old_hashes) - new_ids))

    def report(n_chunks: int, embedded: int, written: bool) -> IndexReport:
        return IndexReport(added, updated, removed, unchanged, skipped, n_chunks, embedded,
                           time.perf_counter() - started, str(root), written, damaged)

    if old is not None and not (added or updated or removed or rewrite):
        paths_same = all(old.documents[d.doc_id].path == d.path for d in documents)
        same_index = choose_index_type(len(old.chunks), settings.index_type, settings.hnsw_threshold) \
            == old.manifest["backend"].get("index")
        if paths_same and same_index and old.manifest.get("facts_version") == FACTS_VERSION:
            return report(len(old.chunks), 0, False)

    params = _chunking_params(settings)
    old_chunks: dict[str, list[tuple[int, int, int]]] = {}
    for doc_id, number, start, end in old.chunks.bounds() if old else ():
        old_chunks.setdefault(doc_id, []).append((number, start, end))
    rows: list[Row] = []
    kept = set(unchanged)
    for d in documents:  # corpus order, so chunk numbering is stable
        # An unchanged article keeps its chunks' bounds; their text is the corpus's, the same.
        doc_chunks = [Chunk(f"{d.doc_id}#{n}", d.doc_id, a, b, d.text[a:b]) for n, a, b in old_chunks[d.doc_id]] \
            if d.doc_id in kept else chunk_document(d, settings.chunk_size, settings.chunk_overlap)
        for c in doc_chunks:
            rows.append(Row(chunk_key(c.chunk_id, d.content_hash, params, model_id), c, d))
    if not rows:
        raise CorpusError("the corpus produced no text chunks")

    writer = writer_for(settings, root, old, rebuild)
    stored = writer.stored([r.key for r in rows])
    todo = [r for r in rows if r.key not in stored]
    log.info("embedding %d chunks from %d new or changed documents", len(todo), len(added) + len(updated))
    # The fact table and the restoring vocabulary are built on a thread of their own while the
    # encoder, which lets go of the GIL, fills the cores: time the encoder leaves idle is used.
    with ThreadPoolExecutor(1, thread_name_prefix="facts") as pool:
        facts = pool.submit(extract, documents)
        vocab = pool.submit(lambda: Vocabulary.from_token_lists(syllables(f"{d.place or ''}\n{d.text}")
                                                                for d in documents))
        if todo or old is None:  # the model is loaded only when something needs embedding
            shared = embedder is None
            embedder = embedder or get_embedder(settings)
            dim = embedder.dim
            if todo:
                writer.add(todo, embedder.encode_passages([r.text for r in todo], progress=progress), progress)
            if shared and release_encoder:
                embedder = None
                release_embedder(settings)
        else:
            dim = int(old.manifest["model"]["dim"])
        facts_table, vocabulary = facts.result(), vocab.result()
    facts_table, dropped = grounded(facts_table, {d.doc_id: d for d in documents})
    if dropped:
        log.warning("%d extracted facts do not match their article's text where they were read; dropped", dropped)

    index_type = choose_index_type(len(rows), settings.index_type, settings.hnsw_threshold)
    catalogue = st.Catalogue(
        gen=root,
        manifest={
            "package_version": package_version(),
            "model": {"id": model_id, "dim": dim},
            "chunking": params,
            "facts_version": FACTS_VERSION,
            "documents": {d.doc_id: {"hash": d.content_hash, "path": d.path} for d in documents},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        },
        documents={d.doc_id: d for d in documents},
        chunks=[r.chunk for r in rows],
        lazy_keys=st.Lazy.of([r.key for r in rows]),
        lazy_vocab=st.Lazy.of(vocabulary),
        lazy_facts=st.Lazy.of(facts_table),
    )
    st.write_generation(root, catalogue, lambda gen: writer.finish(gen, rows, index_type))
    writer.prune(set(catalogue.keys))
    return report(len(rows), len(todo), True)
