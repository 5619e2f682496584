"""The catalogue's documents and chunks in a columnar form that opens in milliseconds at archive size.

Read as JSON lines, an archive's catalogue was most of its start-up (5.3 s of 9 at 20,000 articles):
every article's text, published text and offset map parsed, and 80,000 chunk records made, before
the first question. Here a generation holds

    documents.json   each metadata field of Document as one list (doc_id, title, date, …)
    texts.bin        every article's text then its published text, UTF-8, back to back
    texts.npy        int64 (articles + 1, 3): where each article's text, published text and
                     offset runs start (the next row's values end them)
    offsets.npy      int32 (runs, 2): the offset maps, article after article
    chunks.npy       int32 (chunks, 4): article position, chunk number, start, end
    keys.json        the backend key of each chunk (read only by the indexer and Milvus)

and a store reads only the metadata and the small arrays when it opens. An article's text and
offset map are read from the memory-mapped files when a question first touches it
(`StoredDocument`), a chunk is made from its row when asked for (`ChunkTable`). The files are mapped
at open, so a generation removed later by an indexer stays readable to a store still serving it.
"""

from __future__ import annotations

import dataclasses
import json
import mmap
import threading
from pathlib import Path
from typing import Any, Collection, Iterable, Iterator, Mapping, Sequence, overload

import numpy as np

from danvan_qa.ingest.chunking import Chunk
from danvan_qa.ingest.corpus import Document

DOCUMENTS, TEXTS, TEXT_BOUNDS, OFFSETS, CHUNKS, KEYS = (
    "documents.json", "texts.bin", "texts.npy", "offsets.npy", "chunks.npy", "keys.json")
_TEXT_FIELDS = ("text", "published", "offsets")  # read on first use; every other field is metadata
META_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name not in _TEXT_FIELDS)


def write_documents(folder: Path, documents: Sequence[Document]) -> None:
    """The documents' metadata, texts and offset maps as the files above, in this order."""
    columns = {name: [getattr(d, name) for d in documents] for name in META_FIELDS}
    (folder / DOCUMENTS).write_text(json.dumps(columns, ensure_ascii=False), encoding="utf-8")
    bounds = np.zeros((len(documents) + 1, 3), dtype=np.int64)
    runs: list[tuple[int, int]] = []
    at = 0
    with (folder / TEXTS).open("wb") as fh:
        for i, d in enumerate(documents):
            text, published = d.text.encode("utf-8"), (d.published or "").encode("utf-8")
            fh.write(text)
            fh.write(published)
            bounds[i] = (at, at + len(text), len(runs))
            at += len(text) + len(published)
            runs.extend(d.offsets)
    bounds[-1] = (at, at, len(runs))
    np.save(folder / TEXT_BOUNDS, bounds)
    np.save(folder / OFFSETS, np.array(runs, dtype=np.int32).reshape(-1, 2))


def write_chunks(folder: Path, chunks: Iterable[Chunk], keys: Iterable[str], position: Mapping[str, int]) -> None:
    """Each chunk as (article position, chunk number, start, end), and the keys beside them."""
    rows = []
    for c in chunks:
        doc_id, _, number = c.chunk_id.rpartition("#")
        if doc_id != c.doc_id or not number.isdigit():
            raise ValueError(f"chunk id {c.chunk_id!r} is not '<doc_id>#<n>' of its article {c.doc_id!r}")
        rows.append((position[c.doc_id], int(number), c.start, c.end))
    np.save(folder / CHUNKS, np.array(rows, dtype=np.int32).reshape(-1, 4))
    (folder / KEYS).write_text(json.dumps(list(keys)), encoding="utf-8")


def mapped(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, memory-mapped: readable after the file is removed, paged in as touched."""
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""


class StoredDocument(Document):
    """A Document of an opened store: metadata at hand, text, published text and offset map read
    from the store's files on first use (a benign race at worst reads them twice).

    Not made by the dataclass's __init__: its text fields are properties over a full `Document`,
    built (and so checked, offset map and all) when first needed.
    """

    def __init__(self, texts: "Texts", index: int, meta: dict[str, Any]) -> None:
        self.__dict__.update(meta, _texts=texts, _index=index, _full=None)

    def _document(self) -> Document:
        full = self.__dict__["_full"]
        if full is None:
            text, published, offsets = self.__dict__["_texts"].read(self.__dict__["_index"])
            meta = {name: self.__dict__[name] for name in META_FIELDS}
            full = self.__dict__["_full"] = Document(**meta, text=text, published=published, offsets=offsets)
        return full

    @property  # type: ignore[override]
    def text(self) -> str:
        return self._document().text

    @property  # type: ignore[override]
    def published(self) -> str | None:
        return self._document().published

    @property  # type: ignore[override]
    def offsets(self) -> tuple[tuple[int, int], ...]:
        return self._document().offsets

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled or copied as the plain Document it stands for (the mapped files stay here)."""
        return (Document, tuple(getattr(self, f.name) for f in dataclasses.fields(Document)))


class Texts:
    """The mapped texts.bin with its bounds and the offset runs."""

    def __init__(self, gen: Path) -> None:
        self._blob = mapped(gen / TEXTS)
        self._bounds = np.load(gen / TEXT_BOUNDS, mmap_mode="r", allow_pickle=False)
        self._runs = np.load(gen / OFFSETS, mmap_mode="r", allow_pickle=False)
        if self._bounds.ndim != 2 or self._bounds.shape[1] != 3 or self._runs.ndim != 2 or self._runs.shape[1] != 2:
            raise ValueError("text bounds or offset runs of the wrong shape")
        if len(self._bounds) and (self._bounds[-1, 1] != len(self._blob) or self._bounds[-1, 2] != len(self._runs)):
            raise ValueError("text bounds do not end where texts.bin and offsets.npy do")

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def read(self, i: int) -> tuple[str, str, tuple[tuple[int, int], ...]]:
        (t0, p0, r0), (p1, _, r1) = self._bounds[i].tolist(), self._bounds[i + 1].tolist()
        blob = self._blob
        runs = self._runs[r0:r1].tolist()
        return blob[t0:p0].decode("utf-8"), blob[p0:p1].decode("utf-8"), tuple(map(tuple, runs))


class Documents(Mapping[str, Document]):
    """doc_id -> Document over the columnar files; each StoredDocument made once, when asked for."""

    def __init__(self, gen: Path, texts: Texts) -> None:
        columns = json.loads((gen / DOCUMENTS).read_text(encoding="utf-8"))
        self._ids: list[str] = columns["doc_id"]
        self._meta = [columns[name] for name in META_FIELDS]
        self._texts = texts
        if any(len(column) != len(self._ids) for column in self._meta) or len(self._texts) != len(self._ids):
            raise ValueError(f"{len(self._ids)} documents but columns or texts of other lengths")
        self._position = {d: i for i, d in enumerate(self._ids)}
        self._made: list[StoredDocument | None] = [None] * len(self._ids)
        self._lock = threading.Lock()

    def at(self, i: int) -> Document:
        """The document at position `i` (the order they were written in)."""
        doc = self._made[i]
        if doc is None:
            with self._lock:
                doc = self._made[i]
                if doc is None:
                    meta = dict(zip(META_FIELDS, (column[i] for column in self._meta)))
                    doc = self._made[i] = StoredDocument(self._texts, i, meta)
        return doc

    def position(self, doc_id: str) -> int:
        return self._position[doc_id]

    @property
    def ids(self) -> list[str]:
        """The doc_ids in column order (position i is ids[i]); not to be changed."""
        return self._ids

    def __getitem__(self, doc_id: str) -> Document:
        return self.at(self._position[doc_id])

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class ChunkTable(Sequence[Chunk]):
    """The chunks as rows of small integers; a Chunk (its text a slice of its article's) is made
    when a row is asked for, so opening a store makes none."""

    def __init__(self, gen: Path, documents: Documents) -> None:
        self._rows = np.load(gen / CHUNKS, allow_pickle=False)
        if self._rows.ndim != 2 or self._rows.shape[1] != 4:
            raise ValueError("chunk rows of the wrong shape")
        if len(self._rows) and not (0 <= self._rows[:, 0].min() and self._rows[:, 0].max() < len(documents)):
            raise ValueError("chunk rows name articles the catalogue does not hold")
        self._documents = documents

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...

    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...

    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        position, number, start, end = self._rows[i].tolist()  # IndexError past the end, as a list
        doc = self._documents.at(position)
        return Chunk(f"{doc.doc_id}#{number}", doc.doc_id, start, end, doc.text[start:end])

    def rows_of(self, doc_ids: Collection[str]) -> np.ndarray:
        """The rows (ascending) of every chunk of these documents, without making the chunks."""
        wanted = [self._documents.position(d) for d in doc_ids if d in self._documents]
        return np.flatnonzero(np.isin(self._rows[:, 0], np.array(wanted, dtype=np.int32))).astype(np.int64)

    def bounds(self) -> Iterator[tuple[str, int, int, int]]:
        """(doc_id, chunk number, start, end) of every chunk in row order, without reading a text."""
        ids = list(self._documents)
        for position, number, start, end in self._rows.tolist():
            yield ids[position], number, start, end
