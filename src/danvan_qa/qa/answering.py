"""answer(): a short, cited, extractive answer to a Vietnamese question, or an abstention.

The pipeline, top to bottom in `Answerer.answer`: read the question, retrieve passages,
rank every sentence of them with the learned sentence ranker (candidates.py), draft an
answer of the asked kind (drafts.py), let hard evidence and a calibrated answer/abstain
model (support.py) decide whether the articles support it, and compose the cited answer
(compose.py): each statement quotes its sentence verbatim from the article as published.
"""

from __future__ import annotations

from pathlib import Path

from danvan_qa.errors import ModelError
from danvan_qa.index.backends.base import Filters
from danvan_qa.index.store import Store
from danvan_qa.qa.candidates import SENTENCE_FEATURES, Candidate, sentence_candidates
from danvan_qa.qa.compose import Draft, abstention, compose
from danvan_qa.qa.drafts import Drafter
from danvan_qa.qa.extractive import Scorer
from danvan_qa.qa.questions import Question, parse
from danvan_qa.qa.ranker import AnswerModels, load_models
from danvan_qa.qa.retrieval import clean_query, open_store, search
from danvan_qa.qa.support import ANSWERABLE_FEATURES, answer_features, names_unknown, unsupported
from danvan_qa.qa.who import PERSON_FEATURES
from danvan_qa.records import Answer, Passage
from danvan_qa.settings import Settings


class Answerer:
    """Answers questions over one store; stateless apart from the store, so thread-safe."""

    def __init__(self, store: Store, settings: Settings, models: AnswerModels | None = None) -> None:
        self.store = store
        self.settings = settings
        self.models = models or load_models()
        expected = (SENTENCE_FEATURES, PERSON_FEATURES, ANSWERABLE_FEATURES)
        if (self.models.sentence.names, self.models.person.names, self.models.answerable.names) != expected:
            raise ModelError("the answer models were fitted on other features than this version computes; "
                             "refit them with `danvan-qa train`")
        self._abstain_below = settings.abstain_threshold or self.models.abstain_below
        self.drafter = Drafter(store, self.models)

    def answer(self, question: str, *, k: int = 8, mode: str = "hybrid", filters: Filters | None = None) -> Answer:
        text = clean_query(question, self.settings.max_question_chars)
        restored = self.store.restorer.restore(text)  # once: search() leaves restored text as it is
        passages = search(self.store, restored, k, mode=mode, settings=self.settings, filters=filters)
        q = parse(text, restored, self.store.facts)
        scorer = Scorer(q, self.store.restorer.folded_count, self.store.restorer.total)
        ranked = self.rank(q, passages, scorer)
        draft = self.draft(q, passages, ranked, scorer)
        if draft is None or names_unknown(q, passages, self.store) or unsupported(q, draft, self.store):
            return abstention(q, passages)
        p_answer = self.models.answerable.prob(answer_features(q, scorer, ranked, draft, self.store))
        if p_answer < self._abstain_below:
            return abstention(q, passages, p_answer)
        return compose(q, draft, passages, p_answer, self.store)

    def rank(self, q: Question, passages: list[Passage], scorer: Scorer) -> list[tuple[Candidate, float]]:
        """Candidate sentences, best first by the learned sentence ranker."""
        model = self.models.sentence
        scored = [(c, model.prob(c.features)) for c in sentence_candidates(q, passages, self.store, scorer)]
        return sorted(scored, key=lambda cp: -cp[1])

    def draft(self, q: Question, passages: list[Passage], ranked: list[tuple[Candidate, float]],
              scorer: Scorer) -> Draft | None:
        """The best answer of the kind asked for, before deciding whether to give it (drafts.py)."""
        return self.drafter.draft(q, passages, ranked, scorer)


def answer(
    question: str,
    *,
    store: Store | Path | str | None = None,
    settings: Settings | None = None,
    mode: str = "hybrid",
    filters: Filters | None = None,
) -> Answer:
    """Answer a Vietnamese question from the indexed articles, with numbered citations, or abstain."""
    settings = settings or Settings.from_env()
    if not isinstance(store, Store):
        store = open_store(store, settings)
    return Answerer(store, settings).answer(question, k=settings.answer_passages, mode=mode, filters=filters)
