"""The Milvus backend: one collection per store, with dense vectors, BM25 and metadata in Milvus.

Each row is one chunk, keyed by `backend.chunk_key`: the chunk text (analysed,
feeding a BM25 sparse field), a folded copy with bigrams (a second BM25 field,
so "ky ket" finds "ký kết"), the dense vector and the document's metadata
(doc_id, offsets, title, date, url, source, place) for server-side filters.

Rows are shared between generations: an update inserts the new keys, the
catalogue is published, and only then are keys no generation uses deleted, so a
reader never loses a row it can name. A file path runs Milvus Lite in-process;
http(s)://host:19530 talks to a Milvus server or cluster.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np

from danvan_qa.errors import StoreError
from danvan_qa.index.backends.base import NO_HITS, Filters, Hits, Row, active, backend_target, check_scores
from danvan_qa.index.backends.sizing import ivf_lists
from danvan_qa.index.catalogue import REBUILD_HINT
from danvan_qa.ingest.normalize import lexical_tokens

if TYPE_CHECKING:
    from danvan_qa.index.catalogue import Catalogue
    from danvan_qa.settings import Settings

log = logging.getLogger(__name__)

BM25_PARAMS = {"bm25_k1": 1.5, "bm25_b": 0.75}  # bm25s' defaults, so both backends score alike
HNSW_PARAMS = {"M": 32, "efConstruction": 80}  # as the FAISS backend
HNSW_EF = 96
MAX_LIMIT = 16_384  # Milvus' largest top-k
BATCH = 512  # rows per insert, keys per query or delete
_ANALYZER = {"tokenizer": "standard", "filter": ["lowercase"]}
_STRINGS = {"pk": 1024, "doc_id": 512, "chunk_id": 600, "title": 2048, "date": 16, "url": 2048,
            "source": 512, "place": 512, "text": 65_535, "folded": 65_535}  # bytes

_clients: dict[tuple[str, str], Any] = {}
_clients_lock = threading.Lock()


def _is_server(uri: str) -> bool:
    return uri.startswith(("http://", "https://", "tcp://", "unix:"))


def resolve_uri(uri: str, root: Path) -> str:
    """A server URL as given; a Milvus Lite file as an absolute path ("" = milvus.db in the store)."""
    if _is_server(uri):
        return uri
    path = Path(uri).expanduser() if uri else root / "milvus.db"
    if path.suffix != ".db":
        raise StoreError(f"DANVAN_QA_MILVUS_URI={uri!r}: a Milvus Lite file must end in .db "
                         "(or give a server address, http://host:19530)")
    return str(path.resolve())


def _held_elsewhere(path: str) -> bool:
    """Whether another process holds this Milvus Lite database's lock (it allows one process)."""
    import fcntl

    lock = Path(path) / "LOCK"
    if not lock.is_file():
        return False
    with lock.open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
    return False


def client(uri: str, token: str = "") -> Any:
    """One MilvusClient per URI in this process (Milvus Lite lets a single process open a file)."""
    from pymilvus import MilvusClient

    lite = not _is_server(uri)
    key = (uri, "" if lite else token)  # Milvus Lite has no users: one client whatever the token
    with _clients_lock:
        if key in _clients:
            return _clients[key]
        if lite:
            if _held_elsewhere(uri):
                raise StoreError(
                    f"the Milvus Lite database {uri} is open in another process; Milvus Lite serves one "
                    "process at a time: stop the other one (web app or indexer) or use a Milvus server "
                    "(DANVAN_QA_MILVUS_URI=http://host:19530)"
                )
            Path(uri).parent.mkdir(parents=True, exist_ok=True)
            # The embedded server logs, as errors, the optional RPCs pymilvus probes for.
            logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
        try:
            _clients[key] = MilvusClient(uri=uri, token=key[1], timeout=30)
        except Exception as exc:  # noqa: BLE001 - pymilvus and milvus-lite raise many kinds
            raise StoreError(f"cannot open Milvus at {uri} ({type(exc).__name__}: {exc})") from None
        return _clients[key]


def close_all() -> None:
    """Close every client and stop embedded servers, releasing Milvus Lite files (tests, benchmarks)."""
    with _clients_lock:
        for (uri, _), c in _clients.items():
            c.close()
            if not _is_server(uri):
                from milvus_lite.server_manager import server_manager_instance

                server_manager_instance.release_server(uri)
        _clients.clear()


def _fit(text: str | None, field: str) -> str:
    """Cut a string to the field's byte limit at a character boundary."""
    text = text or ""
    raw = text.encode("utf-8")
    limit = _STRINGS[field]
    return text if len(raw) <= limit else raw[:limit].decode("utf-8", "ignore")


def _literal(value: str) -> str:
    """A Milvus string literal; values are quoted here, never spliced raw into an expression."""
    if any(ord(ch) < 32 for ch in value):
        raise ValueError(f"control characters cannot be used in a Milvus filter: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _in(field: str, values: list[str]) -> str:
    return f"{field} in [{', '.join(_literal(v) for v in values)}]"


def _batches(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _schema(dim: int) -> Any:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False)
    schema.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=_STRINGS["pk"])
    for name in ("doc_id", "chunk_id", "title", "date", "url", "source", "place"):
        schema.add_field(name, DataType.VARCHAR, max_length=_STRINGS[name])
    schema.add_field("start_char", DataType.INT64)
    schema.add_field("end_char", DataType.INT64)
    for name in ("text", "folded"):
        schema.add_field(name, DataType.VARCHAR, max_length=_STRINGS[name], enable_analyzer=True,
                         analyzer_params=_ANALYZER)
        schema.add_field(f"sparse_{name}", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name=f"bm25_{name}", function_type=FunctionType.BM25,
                                     input_field_names=[name], output_field_names=[f"sparse_{name}"]))
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    return schema


def _dense_dim(milvus: Any, name: str) -> int | None:
    """The dimension of the collection's dense vectors (None if it has no such field)."""
    fields = milvus.describe_collection(name)["fields"]
    dim = next((f["params"].get("dim") for f in fields if f["name"] == "dense"), None)
    return None if dim is None else int(dim)


def _dense_index(index_params: Any, index_type: str, n_rows: int) -> None:
    if index_type == "flat":
        index_params.add_index("dense", index_type="FLAT", metric_type="IP")
    elif index_type == "hnsw":
        index_params.add_index("dense", index_type="HNSW", metric_type="IP", params=HNSW_PARAMS)
    elif index_type == "ivf":
        index_params.add_index("dense", index_type="IVF_FLAT", metric_type="IP",
                               params={"nlist": ivf_lists(n_rows)})
    else:
        raise ValueError(f"unknown index type {index_type!r}")


def _entity(row: Row, vector: np.ndarray) -> dict[str, Any]:
    """One collection row: the chunk's key, metadata, both analysed texts and its vector."""
    doc, chunk = row.doc, row.chunk
    strings = {"doc_id": doc.doc_id, "chunk_id": chunk.chunk_id, "title": doc.title, "date": doc.date,
               "url": doc.url, "source": doc.source, "place": doc.place, "text": row.text,
               "folded": " ".join(lexical_tokens(row.text)[1])}
    return {"pk": row.key, **{k: _fit(v, k) for k, v in strings.items()}, "start_char": chunk.start,
            "end_char": chunk.end, "dense": vector.astype(np.float32).tolist()}


class MilvusWriter:
    """Adds new chunks to the collection, switches its dense index by size, prunes after publishing."""

    def __init__(self, settings: "Settings", root: Path, previous: list[str], drop: bool) -> None:
        self.target = target = backend_target(settings)
        self.previous = previous  # keys of the live generation, deleted after publishing unless reused
        self.name = target["collection"]
        self.nprobe = settings.ivf_nprobe
        self.client = client(resolve_uri(target["uri"], root), settings.milvus_token)
        if drop and self.client.has_collection(self.name):
            log.info("dropping Milvus collection %s for a full rebuild", self.name)
            self.client.drop_collection(self.name)

    def stored(self, keys: list[str]) -> set[str]:
        if not self.client.has_collection(self.name):
            return set()
        self.client.load_collection(self.name)
        found: set[str] = set()
        for batch in _batches(keys):
            rows = self.client.query(self.name, filter=_in("pk", batch), output_fields=["pk"])
            found.update(r["pk"] for r in rows)
        return found

    def _ensure_collection(self, dim: int) -> None:
        if self.client.has_collection(self.name):
            have = _dense_dim(self.client, self.name)
            if have == dim:
                return
            log.info("Milvus collection %s holds %s-dimensional vectors, not %d: recreating it", self.name, have, dim)
            self.client.drop_collection(self.name)
        index_params = self.client.prepare_index_params()
        _dense_index(index_params, "flat", 0)
        for name in ("sparse_text", "sparse_folded"):
            index_params.add_index(name, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params=BM25_PARAMS)
        self.client.create_collection(self.name, schema=_schema(dim), index_params=index_params,
                                      consistency_level="Strong")

    def add(self, rows: list[Row], vectors: np.ndarray, progress: bool = False) -> None:
        from tqdm import tqdm

        self._ensure_collection(int(vectors.shape[1]))
        with tqdm(total=len(rows), desc="Milvus insert", unit="chunk", disable=not progress) as bar:
            for batch in _batches(list(zip(rows, vectors))):
                self.client.insert(self.name, [_entity(row, vec) for row, vec in batch])
                bar.update(len(batch))

    def finish(self, gen_dir: Path, rows: list[Row], index_type: str) -> dict[str, Any]:
        current = self.client.describe_index(self.name, "dense") or {}
        wanted = {"flat": "FLAT", "hnsw": "HNSW", "ivf": "IVF_FLAT"}[index_type]
        if current.get("index_type") != wanted:
            log.info("switching the dense index of %s to %s for %d rows", self.name, wanted, len(rows))
            self.client.release_collection(self.name)
            self.client.drop_index(self.name, "dense")
            index_params = self.client.prepare_index_params()
            _dense_index(index_params, index_type, len(rows))
            self.client.create_index(self.name, index_params)
        self.client.flush(self.name)
        self.client.load_collection(self.name)
        return {**self.target, "index": index_type, "nprobe": self.nprobe}

    def prune(self, live: set[str]) -> None:
        stale = [k for k in self.previous if k not in live]
        for batch in _batches(stale):
            self.client.delete(self.name, filter=_in("pk", batch))
        count = self.client.query(self.name, filter="", output_fields=["count(*)"])[0]["count(*)"]
        if count > len(live):  # rows of an interrupted run that no generation ever named
            orphans: list[str] = []
            iterator = self.client.query_iterator(self.name, batch_size=BATCH * 2, filter="",
                                                  output_fields=["pk"])
            while page := iterator.next():
                orphans.extend(r["pk"] for r in page if r["pk"] not in live)
            iterator.close()
            for batch in _batches(orphans):
                self.client.delete(self.name, filter=_in("pk", batch))
            stale += orphans
        if stale:
            log.info("removed %d chunks no longer indexed from %s", len(stale), self.name)


class MilvusBackend:
    """Searches one collection; maps its keys to the catalogue rows of the generation it was opened for."""

    name = "milvus"

    def __init__(self, milvus: Any, entry: dict[str, Any], keys: list[str]) -> None:
        self.client = milvus
        self.collection = entry["collection"]
        self.entry = entry
        self._rows = {k: i for i, k in enumerate(keys)}

    @classmethod
    def connect(cls, catalogue: "Catalogue", root: Path, settings: "Settings | None") -> "MilvusBackend":
        """Open the collection and check that it holds this generation's chunks."""
        entry, keys, dim = catalogue.manifest["backend"], catalogue.keys, int(catalogue.manifest["model"]["dim"])
        uri = resolve_uri(str(entry.get("uri", "")), root)
        milvus = client(uri, settings.milvus_token if settings else "")
        name = entry["collection"]
        if not milvus.has_collection(name):
            raise StoreError(f"the Milvus collection {name!r} at {uri} does not exist; {REBUILD_HINT}")
        have = _dense_dim(milvus, name)
        if have != dim:
            raise StoreError(f"the Milvus collection {name!r} at {uri} holds vectors of dimension {have}, "
                             f"not {dim}; {REBUILD_HINT}")
        milvus.load_collection(name)
        step = max(1, len(keys) // BATCH)
        sample = keys[::step][:BATCH]  # every key of a small store, an even sample of a big one
        rows = milvus.query(name, filter=_in("pk", sample), output_fields=["pk"])
        missing = len(sample) - len(rows)
        if missing:
            raise StoreError(f"the Milvus collection {name!r} at {uri} lacks {missing} of {len(sample)} "
                             f"sampled chunks of this index; {REBUILD_HINT}")
        return cls(milvus, entry, keys)

    @staticmethod
    def _filter(filters: Filters | None) -> str:
        """The filters as a Milvus boolean expression over the scalar fields."""
        filters = active(filters)
        if filters is None:
            return ""
        parts = []
        if filters.doc_ids is not None:
            parts.append(_in("doc_id", sorted(filters.doc_ids)))
        if filters.sources is not None:
            parts.append(_in("source", sorted(filters.sources)))
        if filters.date_from:
            parts.append(f'date != "" and date >= {_literal(filters.date_from)}')
        if filters.date_to:
            parts.append(f'date != "" and date <= {_literal(filters.date_to)}')
        return " and ".join(f"({p})" for p in parts)

    def _search(self, data: list[Any], field: str, n: int, filters: Filters | None,
                params: dict[str, Any]) -> list[tuple[int, float]]:
        expr = self._filter(filters)
        # Twice the rows asked: keys of a generation being written (not yet ours) are skipped.
        limit = min(MAX_LIMIT, 2 * n)
        from pymilvus import MilvusException

        try:
            result = self.client.search(self.collection, data=data, anns_field=field, limit=limit, filter=expr,
                                        search_params={"params": params}, output_fields=["pk"])
        except MilvusException as exc:  # a server gone, a collection dropped since the store was opened
            raise StoreError(f"searching the Milvus collection {self.collection!r} failed ({exc.message}); "
                             f"check the server, or {REBUILD_HINT}") from None
        hits = []
        for hit in result[0]:
            row = self._rows.get(hit["entity"]["pk"])
            if row is not None:
                hits.append((row, float(hit["distance"])))
        return hits

    def dense_search(self, query_vector: np.ndarray, n: int, filters: Filters | None = None) -> Hits:
        if n <= 0:
            return NO_HITS
        params: dict[str, Any] = {}
        if self.entry.get("index") == "hnsw":
            params = {"ef": max(HNSW_EF, 2 * n)}
        elif self.entry.get("index") == "ivf":
            params = {"nprobe": self.entry.get("nprobe", 32)}
        hits = self._search([query_vector.astype(np.float32).tolist()], "dense", n, filters, params)[:n]
        scores = np.array([s for _, s in hits], dtype=np.float32)
        check_scores(scores, f"the Milvus collection {self.collection!r}", REBUILD_HINT)  # vectors changed behind it
        return Hits(np.array([r for r, _ in hits], dtype=np.int64), scores)

    def lexical_search(self, query: str, exact: list[str], folded: list[str], n: int,
                       filters: Filters | None = None) -> Hits:
        if n <= 0:
            return NO_HITS
        scores: dict[int, float] = {}
        for field, text in (("sparse_text", query if exact else ""), ("sparse_folded", " ".join(folded))):
            if text:
                # BM25 scores are never negative; Milvus Lite reports them negated, a server does not.
                for row, distance in self._search([text], field, n, filters, {}):
                    scores[row] = scores.get(row, 0.0) + abs(distance)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:n]
        return Hits(np.array([r for r, _ in ranked], dtype=np.int64),
                    np.array([s for _, s in ranked], dtype=np.float32))
