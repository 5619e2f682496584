"""Search backends: the `Backend` protocol and its records (`base`, which imports no
implementation), index sizing (`sizing`), the FAISS + bm25s files (`faiss`, `bm25`), Milvus
(`milvus`), and the factory that picks one from the settings or a manifest (`factory`).
"""

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.index.backends.base import BACKENDS, Backend, BackendWriter, Filters, Hits, Row

_EXPORTS = {
    "BACKENDS": "base",
    "Backend": "base",
    "BackendWriter": "base",
    "Filters": "base",
    "Hits": "base",
    "Row": "base",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
