"""The front half of answering, written once: read a question, retrieve its passages.

`Answerer`, training and the latency benchmark all start here, so what the models are
fitted on is exactly what they see at question time.
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan_qa.index.backends.base import Filters
from danvan_qa.index.store import Store
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.questions import Question, parse
from danvan_qa.qa.retrieval import clean_query, search
from danvan_qa.records import Passage
from danvan_qa.settings import Settings


@dataclass(frozen=True)
class Reading:
    """A question as understood: the cleaned text, the text with diacritics restored, what it
    asks (`question`) and the weights of its words (`scorer`)."""

    text: str
    restored: str
    question: Question
    scorer: Scorer


def read(question: str, store: Store, settings: Settings) -> Reading:
    """The read stage: clean (or refuse, with QueryError), restore diacritics, parse."""
    text = clean_query(question, settings.max_question_chars)
    restored = store.restorer.restore(text)
    q = parse(text, restored, store.stored_facts)
    return Reading(text, restored, q, Scorer(q, store.restorer.folded_count, store.restorer.total))


def retrieve_for(reading: Reading, store: Store, settings: Settings, *, k: int, mode: str = "hybrid",
                 filters: Filters | None = None) -> list[Passage]:
    """The retrieve stage: the top `k` passages for the restored question."""
    return search(store, reading.restored, k, mode=mode, settings=settings, filters=filters)
