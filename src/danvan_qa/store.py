"""The on-disk store: a catalogue of documents, chunks and facts in generations, plus a backend.

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
to its own generation's chunks (backend.py).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

import numpy as np

from .backend import Backend, Filters, Hits, open_backend, target_mismatch
from .chunking import Chunk, sentence_spans
from .corpus import Document
from .errors import StoreError
from .facts import Event, FactTable, Person, Programme
from .normalize import fold, lexical_tokens, syllables
from .restore import Restorer, Vocabulary

if TYPE_CHECKING:
    from .settings import Settings

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


def _check_backend(catalogue: Catalogue, root: Path, settings: "Settings") -> None:
    """Refuse to read a store built for another backend (or Milvus target) than the settings name."""
    mismatch = target_mismatch(catalogue.manifest, settings)
    if mismatch is None:
        return
    key, built, wanted = mismatch
    if key == "name":
        raise StoreError(
            f"index in {root} was built for the {built!r} backend but DANVAN_QA_BACKEND is "
            f"{wanted!r}; run `danvan-qa index` to build it for {wanted!r}, or set DANVAN_QA_BACKEND={built}"
        )
    raise StoreError(
        f"index in {root} was built into Milvus {key} {built!r}, but DANVAN_QA_MILVUS_"
        f"{key.upper()} is {wanted!r}; run `danvan-qa index` to build it there, or set it back"
    )


class Words(NamedTuple):
    """The folded words of a text and its adjacent word pairs ("a b")."""

    unigrams: frozenset[str]
    pairs: frozenset[str]


def word_set(folded: str) -> Words:
    words = re.findall(r"\w+", folded)
    return Words(frozenset(words), frozenset(f"{a} {b}" for a, b in zip(words, words[1:])))


class ArticleWords(NamedTuple):
    folded: str  # the folded text
    support: str  # folded title, place, source and text: where a question's constraints may hold
    text: Words
    sentences: tuple[Words, ...]  # one per sentence span


class Store:
    """A loaded store, ready to search; safe to share between threads (read-only)."""

    def __init__(self, root: Path, data: Catalogue, backend: Backend) -> None:
        self.root = root
        self.data = data
        self.backend = backend
        self.restorer = Restorer(data.vocab)
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._words: dict[str, ArticleWords] = {}
        # Fact lookups by document and by name, so a question never scans the whole table.
        self.people_by_doc: dict[str, list[Person]] = {}
        self.people_by_name: dict[str, list[Person]] = {}
        self.people_by_sentence: dict[tuple[str, int], list[Person]] = {}  # (doc_id, sentence start)
        self.events_by_doc: dict[str, list[Event]] = {}
        self.programmes_by_doc: dict[str, list[Programme]] = {}
        for person in data.facts.people:
            self.people_by_doc.setdefault(person.doc_id, []).append(person)
            self.people_by_name.setdefault(person.name, []).append(person)
            self.people_by_sentence.setdefault((person.doc_id, person.start), []).append(person)
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

    def words(self, doc_id: str) -> "ArticleWords":
        """A document's folded text and the folded words and word pairs of each sentence, read once:
        every question scores sentences against them (a benign race at worst recomputes)."""
        found = self._words.get(doc_id)
        if found is None:
            doc = self.data.documents[doc_id]
            folded = fold(doc.text)  # one character for one: offsets into `text` hold
            head = fold(" ".join(filter(None, (doc.title, doc.place, doc.source))))
            sentences = tuple(word_set(folded[a:b]) for a, b in self.sentences(doc_id))
            found = self._words[doc_id] = ArticleWords(folded, f"{head} {folded}", word_set(folded), sentences)
        return found

    @classmethod
    def open(cls, root: Path | str, model_id: str, settings: "Settings | None" = None) -> "Store":
        """Open the live generation with the backend it was built for (checked against `settings`)."""
        root = Path(root)
        catalogue = read_catalogue(root, model_id)
        if settings is not None:
            _check_backend(catalogue, root, settings)
        try:
            backend = open_backend(catalogue, root, settings)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - as in read_catalogue
            raise StoreError(
                f"index in {catalogue.gen} is corrupted ({type(exc).__name__}: {exc}); {REBUILD_HINT}"
            ) from None
        return cls(root, catalogue, backend)

    @property
    def model_id(self) -> str:
        return str(self.data.manifest["model"]["id"])

    def __len__(self) -> int:
        return len(self.data.chunks)

    def dense_search(self, query_vector: np.ndarray, n: int, filters: Filters | None = None) -> Hits:
        """Top-n chunk rows by inner product (cosine on normalised vectors)."""
        return self.backend.dense_search(query_vector, min(n, len(self)), filters)

    def lexical_search(self, query: str, n: int, filters: Filters | None = None) -> Hits:
        """Top-n chunk rows by BM25 over exact syllables plus folded syllables and bigrams."""
        exact, folded = lexical_tokens(query)
        return self.backend.lexical_search(query, exact, folded, min(n, len(self)), filters)
