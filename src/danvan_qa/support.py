"""How well a drafted answer is supported: the features of the answer/abstain model.

A near-miss question usually names one thing the answer's article lacks (another
province, year, period, date, a role nobody there holds) or asks for something the
article does not give (no date in the evidence for "khi nào", no chairing act for
"ai chủ trì"). So the features read the drafted answer, not only the best sentence:
which strategy produced it and how sure its ranker was, whether the constraints the
question names hold in the answer's article, the rarest question word missing near
the evidence, and, for people, whether the person did the act and holds the title
asked about. None of them names an article's words, so the model carries over.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Sequence

from . import dates
from .extractive import Scorer
from .facts import act_family
from .normalize import fold
from .questions import Question, place_in
from .who import WHO_KINDS, focus_match, wanted_acts

if TYPE_CHECKING:
    from .answering import Draft
    from .candidates import Candidate
    from .store import Store

ANSWERABLE_FEATURES = (
    "p_top", "p_gap", "p_evidence", "person_p", "who", "typed", "fact", "sentence_only", "span_missing",
    "focus_head", "focus_cov", "act_match", "cov_near", "cov_article", "missing_near", "missing_article", "place_article",
    "period_article", "code_article", "date_article", "year_article", "noun_article", "unknown_share",
    "n_tokens", "number_near",
)
SPAN_KINDS = frozenset({"number", "date", "place", "program_period", "duration"})  # questions answered by a typed span
_WORDS = re.compile(r"\w+")
# Where a place name stands as a place: after an administrative unit or "tại / ở".
_PLACE_BEFORE = r"(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran|tai|o|uy|dia ban)\s+"


def neighbourhood(store: "Store", doc_id: str, start: int) -> str:
    """The sentence at `start` with the sentences before and after it: the event it reports."""
    spans = store.sentences(doc_id)
    at = next((i for i, (a, _) in enumerate(spans) if a == start), 0)
    lo, hi = spans[max(0, at - 1)][0], spans[min(len(spans) - 1, at + 1)][1]
    return store.data.documents[doc_id].text[lo:hi]


def _share(found: Sequence[bool]) -> float:
    return sum(found) / len(found) if found else 1.0


def _whole(phrase: str, folded_text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded_text))


def answer_features(q: Question, scorer: Scorer, ranked: Sequence[tuple["Candidate", float]], draft: "Draft",
                    store: "Store") -> tuple[float, ...]:
    """The answer/abstain model's view of a drafted answer (ANSWERABLE_FEATURES order)."""
    doc_id, start, end = draft.evidence
    doc = store.data.documents[doc_id]
    head = fold(f"{doc.title} {doc.place or ''}")
    article = fold(" ".join(filter(None, (doc.title, doc.place, doc.source, doc.text))))
    near_text = f"{doc.title}\n{neighbourhood(store, doc_id, start)}"
    near = set(_WORDS.findall(fold(near_text)))
    words = set(_WORDS.findall(article))
    top_weight = max(scorer.weights.values(), default=1.0)
    missing_near = max((w for t, w in scorer.weights.items() if t not in near), default=0.0) / top_weight
    missing_article = max((w for t, w in scorer.weights.items() if t not in words), default=0.0) / top_weight
    p_top = ranked[0][1] if ranked else 0.0
    p_second = ranked[1][1] if len(ranked) > 1 else 0.0
    p_evidence = next((p for c, p in ranked if c.doc_id == doc_id and c.start == start), 0.0)
    person = draft.person
    who = q.kind in WHO_KINDS and person is not None
    asked = act_family(wanted_acts(q))
    in_article = {(d.day, d.month) for d in dates.find_dates(doc.text, cued_only=False)}
    years = [y for y in re.findall(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])", q.text) if not any(y in p for p in q.periods)]
    numbers = [t for t in _WORDS.findall(q.folded) if t.isdigit() and t not in years]
    tokens = max(len(scorer.weights), 1)
    return (
        p_top, p_top - p_second, p_evidence, draft.person_p if who else 0.0, float(who),
        float(draft.strategy == "typed"), float(draft.strategy == "fact"), float(draft.strategy == "sentence"),
        float(q.kind in SPAN_KINDS and draft.strategy != "typed"),
        *(focus_match(q, scorer, person.rank, person.role) if who else (1.0, 1.0)),
        float(bool(set(person.acts) & asked)) if who and q.kind != "role" else 1.0,
        scorer(near_text), scorer(f"{doc.title}\n{doc.text}"), missing_near, missing_article,
        _share([place_in(p, head) or place_in(p, article, _PLACE_BEFORE) for p in q.places]),
        _share([p in dates.periods_in(doc.text) for p in q.periods]),
        _share([fold(c) in article for c in q.codes]),
        _share([(d, m) in in_article for d, m, _ in q.dates]),
        _share([y in doc.text or bool(doc.date and doc.date.startswith(y)) for y in years]),
        _share([_whole(fold(n), article) for n in q.proper_nouns if len(n) > 1]),
        len(scorer.unknown) / tokens, math.log(1 + tokens) / 3,
        _share([t in near for t in numbers]),
    )
