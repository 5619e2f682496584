"""QA: a question becomes a cited answer or an abstention. Retrieval (`retrieval`), question
understanding (`questions`), candidate sentences and people (`candidates`, `who`, `extractive`),
learned rankers (`ranker`) and fusion (`fusion`), drafts of each kind (`drafts`), the answer/abstain model's evidence
(`support`), and the cited answer (`compose`); `answering` runs them top to bottom.

Public face: `answer`, `Answerer`, `retrieve`, `open_store`.
"""

from typing import TYPE_CHECKING

from danvan_qa.lazy import lazy_exports

if TYPE_CHECKING:
    from danvan_qa.qa.answering import Answerer, answer
    from danvan_qa.qa.reading import retrieve
    from danvan_qa.qa.retrieval import open_store

_EXPORTS = {
    "Answerer": "answering",
    "answer": "answering",
    "open_store": "retrieval",
    "retrieve": "reading",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
