"""The front half of answering, written once: read a question, retrieve its passages; and
`retrieve()`, the public search that reads them the same way.

`Answerer`, training and the latency benchmark all start here, so what the models are
fitted on is exactly what they see at question time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from danvan_qa.index.backends.base import Filters
from danvan_qa.index.store import Store
from danvan_qa.ingest.abbreviations import capitals_written_out, shorthand_written_out
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.fusion import chunk_sentences, fusion_for, rerank
from danvan_qa.qa.asides import without_asides
from danvan_qa.qa.questions import Question, parse
from danvan_qa.qa.short_names import with_full_names
from danvan_qa.qa.ranker import LinearModel, load_models
from danvan_qa.qa.retrieval import clean_query, open_store, search
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


def read(question: str, store: Store, settings: Settings, *, each: bool = False) -> Reading:
    """The read stage: clean (or refuse, with QueryError), drop the words that only frame the
    question (`each`: as one article of several reads it), restore diacritics, parse."""
    text = without_asides(shorthand_written_out(clean_query(question, settings.max_question_chars)), lead=each)
    restored = store.restorer.restore(text)
    # "CAT", "BDV TU": written out once restored (their words would stop the restoring of the others)
    text, restored = capitals_written_out(text), capitals_written_out(restored)
    text, restored = with_full_names(text, restored, store)  # "Thứ trưởng Hùng": the one the archive knows
    q = parse(text, restored, store.stored_facts)
    return Reading(text, restored, q, Scorer(q, store.restorer.folded_count, store.restorer.total))


def retrieve_for(reading: Reading, store: Store, settings: Settings, *, k: int, mode: str = "hybrid",
                 filters: Filters | None = None, fusion: LinearModel | None = None) -> list[Passage]:
    """The retrieve stage: the top `k` passages for the restored question; in hybrid mode with a
    `fusion` model, the fused list's top `settings.fusion_depth` re-scored by it (qa/fusion.py)."""
    if mode != "hybrid" or fusion is None:
        return search(store, reading.restored, k, mode=mode, settings=settings, filters=filters)
    fused = search(store, reading.restored, max(k, settings.fusion_depth), mode=mode, settings=settings,
                   filters=filters)
    sentences = chunk_sentences(fused, reading.question, reading.scorer, store)
    return rerank(fused, reading.scorer, sentences, fusion)[:k]


def retrieve(
    query: str,
    k: int = 5,
    *,
    mode: str = "hybrid",
    store: Store | Path | str | None = None,
    settings: Settings | None = None,
    filters: Filters | None = None,
) -> list[Passage]:
    """The k passages most relevant to `query` (Vietnamese, with or without diacritics); in hybrid
    mode re-scored by the shipped learned fusion, as `answer()` reads them."""
    settings = settings or Settings.from_env()
    clean_query(query, settings.max_question_chars)  # a bad query is refused before a store is opened
    if not isinstance(store, Store):
        store = open_store(store, settings)
    fusion = fusion_for(load_models().fusion, settings) if mode == "hybrid" else None
    return retrieve_for(read(query, store, settings), store, settings, k=k, mode=mode, filters=filters,
                        fusion=fusion)
