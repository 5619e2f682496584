"""danvan-qa: extractive, cited question answering over Vietnamese articles on công tác dân vận.

The public API: `build_index`, `retrieve`, `answer`, `evaluate`, their records and errors.
The subpackages follow the data path (ARCHITECTURE.md): ingest -> embed -> index -> qa ->
evaluation -> interfaces.

Heavy dependencies (torch, faiss, sentence-transformers) load on first use, so
`import danvan_qa` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.errors import CorpusError, DanvanError, ModelError, QueryError, StoreError
    from danvan_qa.evaluation.run import EvalResult, evaluate
    from danvan_qa.index.backends.base import Filters
    from danvan_qa.index.indexer import IndexReport, build_index
    from danvan_qa.qa.answering import answer
    from danvan_qa.qa.conversation import Conversation
    from danvan_qa.qa.reading import retrieve
    from danvan_qa.qa.retrieval import open_store
    from danvan_qa.records import Answer, AnswerItem, Citation, Passage
    from danvan_qa.settings import Settings

_EXPORTS = {
    "retrieve": "qa.reading", "open_store": "qa.retrieval", "Filters": "index.backends.base",
    "evaluate": "evaluation.run", "EvalResult": "evaluation.run",
    "build_index": "index.indexer", "IndexReport": "index.indexer",
    "answer": "qa.answering", "Conversation": "qa.conversation", "Answer": "records", "AnswerItem": "records", "Citation": "records",
    "Passage": "records", "Settings": "settings",
    "DanvanError": "errors", "CorpusError": "errors", "ModelError": "errors",
    "QueryError": "errors", "StoreError": "errors",
}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
