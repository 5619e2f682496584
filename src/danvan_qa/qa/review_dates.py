"""The day a programme was reviewed: "Hội nghị tổng kết Chương trình số 17 diễn ra ngày nào?".

A review (sơ kết, tổng kết) is an event of the fact table, and its sentence names the programme it
reviews by number, a few words after the review. The sentences ranked first for such a question
name the programme too, and most often they report its signing: their date is the signing's. The
review's own sentence and day answer instead: of the retrieved articles, the one that ranks first.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.document_asks import programme_numbers
from danvan_qa.qa.drafts import Draft, Drafter, reading
from danvan_qa.qa.questions import Question
from danvan_qa.qa.records import Statement, Strong

_REVIEW = re.compile(r"(?<!\w)(so ket|tong ket)(?!\w)")
_KIND = {"so ket": "sơ kết", "tong ket": "tổng kết"}


def _numbers(q: Question) -> set[str]:
    """The programmes the question names by number: "Chương trình số 17", "17-CTr/BDV-CA"."""
    coded = {str(int(m.group(1))) for code in q.codes if (m := re.match(r"0*(\d+)", code))}
    return programme_numbers(q) | coded


def review_draft(q: Question, ranked: list[tuple[SentenceCandidate, float]], drafter: Drafter) -> Draft | None:
    """The day of the review the question asks of a programme named by number, with the review's sentence."""
    asked = _REVIEW.search(q.folded)
    numbers = _numbers(q) if q.kind == "date" and asked else set()
    if not numbers:
        return None
    kind = _KIND[asked.group(1)]
    # the review governs the programme: "tổng kết 5 năm thực hiện Chương trình số 17", not a signing
    # that plans reviews ("… định kỳ sơ kết, tổng kết chương trình")
    names = re.compile(rf"(?<!\w){asked.group(1)}(?: [\w()-]+){{0,6}} (?:chuong trinh|ctr)(?: phoi hop)?(?: so)?\s+0*(?:"
                       + "|".join(sorted(numbers)) + r")(?!\d)")
    store = drafter.store
    order = {cand.doc_id: i for i, (cand, _) in reversed(list(enumerate(ranked)))}  # an article's best rank
    reviews = [e for doc_id in order for e in store.events_by_doc.get(doc_id, []) if kind in e.kinds and e.date
               and names.search(fold(store.data.documents[e.doc_id].text[e.start:e.end]))]  # the retrieved ones
    if not reviews:
        return None
    best = min(reviews, key=lambda e: (order[e.doc_id], not e.main, e.start))
    text = store.data.documents[best.doc_id].text[best.start:best.end]
    evidence = drafter.evidence(best.doc_id, best.start, best.end)
    line = Statement((f"{kind.capitalize()}: ngày ", Strong(best.date_text), f'{reading(best.date, best.date_text)}: "',
                      text, '"'), evidence)
    return Draft(best.date_text, (line,), evidence, "fact", span_p=1.0)
