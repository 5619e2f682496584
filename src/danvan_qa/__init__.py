"""danvan-qa: extractive, cited question answering over Vietnamese articles on công tác dân vận.

Heavy dependencies (torch, faiss, sentence-transformers) load on first use, so
`import danvan_qa` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .answering import answer
    from .backend import Filters
    from .errors import CorpusError, DanvanError, ModelError, QueryError, StoreError
    from .evaluate import EvalResult, evaluate
    from .indexer import IndexReport, build_index
    from .records import Answer, AnswerItem, Citation, Passage
    from .retrieval import open_store, retrieve
    from .settings import Settings

_EXPORTS = {
    "retrieve": "retrieval", "open_store": "retrieval", "Filters": "backend",
    "evaluate": "evaluate", "EvalResult": "evaluate",
    "build_index": "indexer", "IndexReport": "indexer",
    "answer": "answering", "Answer": "records", "AnswerItem": "records", "Citation": "records",
    "Passage": "records", "Settings": "settings",
    "DanvanError": "errors", "CorpusError": "errors", "ModelError": "errors",
    "QueryError": "errors", "StoreError": "errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
