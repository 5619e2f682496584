"""Index: chunks and their vectors become a store. The catalogue is written in generations
(`catalogue`), the backends (`backends/`) hold vectors and BM25, the indexer updates it all
embedding only what changed, and `store` opens a generation for search.

Public face: `build_index`, `IndexReport`, `Store`.
"""

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.index.indexer import IndexReport, build_index
    from danvan_qa.index.store import Store

_EXPORTS = {
    "IndexReport": "indexer",
    "Store": "store",
    "build_index": "indexer",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
