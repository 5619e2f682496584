"""A deterministic, dependency-free embedder for unit tests (hashed bag of folded syllables)."""

from __future__ import annotations

import hashlib
from typing import Sequence

import numpy as np

from danvan_qa.ingest.normalize import fold, syllables


class FakeEmbedder:
    def __init__(self, dim: int = 64, model_id: str = "fake-hash-embedder") -> None:
        self.dim = dim
        self.model_id = model_id
        self.passages_encoded = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for tok in syllables(text):
            h = int(hashlib.md5(fold(tok).encode()).hexdigest(), 16)
            v[h % self.dim] += 1.0 if (h >> 8) % 2 else -1.0
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def encode_passages(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        self.passages_encoded += len(texts)
        return self.encode_queries(texts)


def article_file(doc_id: str, date: str, title: str, text: str, place: str | None = None) -> str:
    """An invented article as a corpus file: front matter (with its place, if any), title, text."""
    where = f'place: "{place}"\n' if place else ""
    return f'---\nid: {doc_id}\ntitle: "{title}"\ndate: {date}\n{where}---\n{title}\n\n{text}\n'


def fake_store(root, files: dict[str, str]):
    """A store of invented articles (file name -> text) built with the fake embedder under `root`;
    returns (store, settings). Real chunking, BM25 and fact table: only the vectors are fake."""
    from danvan_qa.index.indexer import build_index
    from danvan_qa.index.store import Store
    from danvan_qa.settings import Settings

    (root / "corpus").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    emb = FakeEmbedder()
    settings = Settings(corpus=root / "corpus", store=root / "store", model=emb.model_id, encoder="torch")
    build_index(settings=settings, embedder=emb)
    return Store.open(settings.store, emb.model_id), settings


def invented_answerer(root, articles: dict[str, tuple[str, ...]], place: str | None = None):
    """An Answerer over invented articles {id: (date, title, text[, place])} with the fake embedder; an
    article without a place of its own gets `place`."""
    from danvan_qa.qa.answering import Answerer

    files = {f"{doc_id}.txt": article_file(doc_id, *row) if len(row) > 3 else article_file(doc_id, *row, place)
             for doc_id, row in articles.items()}
    return Answerer(*fake_store(root, files))
