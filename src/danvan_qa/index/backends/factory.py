"""The backend the settings or a store's manifest name: a writer for the indexer, a searcher
for the store. The only module that imports the implementations (lazily: Milvus is heavy)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_qa.index.backends.base import Backend, BackendWriter, backend_target

if TYPE_CHECKING:
    from danvan_qa.index.catalogue import StoredCatalogue
    from danvan_qa.settings import Settings


def target_mismatch(manifest: dict[str, Any], settings: "Settings") -> tuple[str, Any, str] | None:
    """The first of (backend name, Milvus uri, collection) where a store and the settings differ."""
    built = manifest.get("backend") or {}
    for key, wanted in backend_target(settings).items():
        if built.get(key) != wanted:
            return key, built.get(key), wanted
    return None


def writer_for(settings: "Settings", root: Path, previous: "StoredCatalogue | None", rebuild: bool) -> BackendWriter:
    """The writer for the configured backend; `previous` is the live catalogue if reusable."""
    if settings.backend == "milvus":
        from danvan_qa.index.backends.milvus import MilvusWriter

        return MilvusWriter(settings, root, previous.keys if previous else [], drop=rebuild)
    from danvan_qa.index.backends.faiss import FaissWriter

    return FaissWriter(previous, settings.ivf_nprobe)


def open_backend(catalogue: "StoredCatalogue", root: Path, settings: "Settings | None") -> Backend:
    """Open the backend a generation was built with (its manifest says which and where)."""
    name = catalogue.backend_name
    if name == "faiss":
        from danvan_qa.index.backends.faiss import FaissBackend

        return FaissBackend.load(catalogue.gen, catalogue.manifest, catalogue.chunks, catalogue.documents)
    if name == "milvus":
        from danvan_qa.index.backends.milvus import MilvusBackend

        return MilvusBackend.connect(catalogue, root, settings)
    raise ValueError(f"unknown backend {name!r} in the manifest")
