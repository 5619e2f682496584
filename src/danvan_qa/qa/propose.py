"""The propose stage: every answer worth weighing, the no-answer one included.

From the ranked sentences of the retrieved passages: the typed draft (a span, people with
their roles, a list of bodies, a fact from the fact table, the holder of a prize, the day a
programme was reviewed) when a typed proposer finds one,
always the best sentence, and the explicit no-answer candidate. Each answer carries the
features the calibrated answer/abstain model reads; none is refused here for lack of a
typed answer: whether to answer is decided from scores (decide.py). Hard evidence removes a
candidate (its article lacks the code or period asked about) or marks the no-answer one (the
question names a code, period, place or day no retrieved article holds, it is small talk, or a
yes/no question whose rarest words no retrieved article holds).
"""

from __future__ import annotations

import re

from danvan_qa.index.store import Store
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.drafts import Draft, Drafter
from danvan_qa.qa.enumerations import listed_count_draft
from danvan_qa.qa.prizes import prize_draft
from danvan_qa.qa.questions import small_talk
from danvan_qa.qa.reading import Reading
from danvan_qa.qa.review_dates import review_draft
from danvan_qa.qa.records import Candidate, Features
from danvan_qa.qa.support import answer_features, contradicted, names_unknown
from danvan_qa.records import Passage

NO_ANSWER_FEATURES = ("names_unknown", "small_talk", "yes_no_unheld")
_YES_NO = re.compile(r"(?<!\w)co(?: \w+){1,14} (?:khong|chua)\W*$")  # "… có … không?", "… có … chưa?"
_KIND = {"fact": "fact", "people": "people", "typed": "span", "sentence": "sentence"}


def no_answer(reading: Reading, passages: list[Passage], store: Store) -> Candidate:
    """The no-answer candidate, with the hard evidence that makes it win outright: the question
    names what no retrieved article holds, it is small talk, not a question, or it asks yes or
    no of what no retrieved article holds."""
    unknown = names_unknown(reading.question, passages, store)
    chat = small_talk(reading.question.folded)
    unheld = yes_no_unheld(reading, passages, store)
    return Candidate("none", None, None, Features(NO_ANSWER_FEATURES, (float(unknown), float(chat), float(unheld))))


def yes_no_unheld(reading: Reading, passages: list[Passage], store: Store) -> bool:
    """A yes/no question ("X có giúp chữa bệnh Y không?") whose rare words (within 0.8 of its
    rarest) no one retrieved article holds together: no quote can say yes, and an extractive
    answer cannot say no. A question typed with diacritics is held as written ("chữa" is not
    "chưa")."""
    if not _YES_NO.search(reading.question.folded) or not reading.scorer.weights:
        return False
    scorer = reading.scorer
    top = max(scorer.weights.values())
    rare = {w for w, v in scorer.weights.items() if v >= 0.8 * top}
    written = re.findall(r"\w+", reading.text.lower())
    folded = re.findall(r"\w+", reading.question.folded)
    spelled = dict(zip(folded, written)) if len(written) == len(folded) and written != folded else {}
    for doc_id in dict.fromkeys(p.doc_id for p in passages):
        text = store.words(doc_id).text
        held = scorer.held(text.unigrams, text.pairs)
        if spelled:
            words = set(re.findall(r"\w+", store.data.documents[doc_id].text.lower()))
            held = {w for w in held if spelled.get(w, w) in words or w not in spelled}
        if rare <= held:
            return False
    return True


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
    typed = prize_draft(q, ranked, drafter) or review_draft(q, ranked, drafter) or \
        listed_count_draft(q, ranked, drafter) or drafter.typed(q, passages, ranked, reading.scorer)
    drafts = [d for d in (typed, drafter.sentence(q, ranked))
              if d is not None and not contradicted(q, d, store)]
    return [*(as_candidate(reading, d, ranked, store, passages) for d in drafts), no_answer(reading, passages, store)]
