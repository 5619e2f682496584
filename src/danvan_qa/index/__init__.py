"""Index: chunks and their vectors become a store. The catalogue is written in generations
(`catalogue`), the backends (`backends/`) hold vectors and BM25, the indexer updates it all
embedding only what changed, and `store` opens a generation for search.

Public face: `build_index`, `IndexReport`, `Store`.
"""

from danvan_qa.index.indexer import IndexReport, build_index
from danvan_qa.index.store import Store

__all__ = ["IndexReport", "Store", "build_index"]
