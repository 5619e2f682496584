"""The propose stage: every answer worth weighing, the no-answer one included.

From the ranked sentences of the retrieved passages: the typed draft (a span, people with
their roles, a list of bodies, a fact from the fact table) when a typed proposer finds one,
always the best sentence, and the explicit no-answer candidate. Each answer carries the
features the calibrated answer/abstain model reads; none is refused here for lack of a
typed answer: whether to answer is decided from scores (decide.py). Hard evidence removes a
candidate (its article lacks the code or period asked about) or marks the no-answer one (the
question names a code, period, place or day no retrieved article holds, or it is small talk).
"""

from __future__ import annotations

from danvan_qa.index.store import Store
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.drafts import Draft, Drafter
from danvan_qa.qa.questions import small_talk
from danvan_qa.qa.reading import Reading
from danvan_qa.qa.records import Candidate, Features
from danvan_qa.qa.support import answer_features, contradicted, names_unknown
from danvan_qa.records import Passage

NO_ANSWER_FEATURES = ("names_unknown", "small_talk")
_KIND = {"fact": "fact", "people": "people", "typed": "span", "sentence": "sentence"}


def no_answer(reading: Reading, passages: list[Passage], store: Store) -> Candidate:
    """The no-answer candidate, with the hard evidence that makes it win outright: the question
    names what no retrieved article holds, or it is small talk, not a question."""
    unknown = names_unknown(reading.question, passages, store)
    chat = small_talk(reading.question.folded)
    return Candidate("none", None, None, Features(NO_ANSWER_FEATURES, (float(unknown), float(chat))))


def as_candidate(reading: Reading, draft: Draft, ranked: list[tuple[SentenceCandidate, float]],
                 store: Store, passages: list[Passage]) -> Candidate:
    kind = _KIND[draft.strategy]
    if kind == "span" and len(draft.items) > 1:
        kind = "list"  # several bodies
    features = answer_features(reading.question, reading.scorer, ranked, draft, store, passages)
    return Candidate(kind, draft.short, draft.evidence, features, draft.statements, draft.items)


def propose(reading: Reading, passages: list[Passage], ranked: list[tuple[SentenceCandidate, float]],
            store: Store, drafter: Drafter) -> list[Candidate]:
    """The answers to weigh, the typed one first, then the best sentence; the no-answer one last."""
    q = reading.question
    drafts = [d for d in (drafter.typed(q, passages, ranked, reading.scorer), drafter.sentence(ranked))
              if d is not None and not contradicted(q, d, store)]
    return [*(as_candidate(reading, d, ranked, store, passages) for d in drafts), no_answer(reading, passages, store)]
