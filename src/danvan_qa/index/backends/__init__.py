"""Search backends: the `Backend` protocol and its records (`base`, which imports no
implementation), index sizing (`sizing`), the FAISS + bm25s files (`faiss`, `bm25`), Milvus
(`milvus`), and the factory that picks one from the settings or a manifest (`factory`).
"""

from danvan_qa.index.backends.base import BACKENDS, Backend, BackendWriter, Filters, Hits, Row

__all__ = ["BACKENDS", "Backend", "BackendWriter", "Filters", "Hits", "Row"]
