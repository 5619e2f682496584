"""The cited answer: a draft's Markdown with its {cite:doc:start:end} slots numbered [1], [2]…,
each citation quoting the article as published; or the abstention."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from danvan_qa.index.store import Store
from danvan_qa.qa.questions import Question
from danvan_qa.qa.who import PersonCandidate
from danvan_qa.records import Answer, AnswerItem, Citation, Passage

NO_ANSWER = "Không tìm thấy thông tin này trong các bài viết hiện có."
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
Item = tuple[str, "str | None", "str | None", tuple[str, ...], tuple[str, int, int]]


def md_escape(text: str) -> str:
    """Article text shown inside Markdown: markup characters lose their meaning."""
    return _MD_SPECIAL.sub(r"\\\1", text)


@dataclass
class Draft:
    """An answer being built: Markdown lines with {cite:doc:start:end} slots, and what it stands on."""

    short: str | None
    lines: list[str]
    evidence: tuple[str, int, int]  # the sentence the answer rests on (doc_id, start, end)
    strategy: str  # "fact", "people", "typed" or "sentence": how it was found
    items: list[Item] = field(default_factory=list)
    person: PersonCandidate | None = None  # the most likely person, for "who" answers
    person_p: float = 0.0


def cite(doc_id: str, start: int, end: int) -> str:
    return f"{{cite:{doc_id}:{start}:{end}}}"



def vn_date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"



def abstention(q: Question, passages: list[Passage], p_answer: float = 0.0) -> Answer:
    """No answer; `confidence` keeps the model's probability that the articles answer it."""
    return Answer(question=q.text, kind=q.kind, short=None, items=(), text=NO_ANSWER, citations=(),
                  abstained=True, confidence=round(p_answer, 3), passages=tuple(passages))


def compose(q: Question, draft: Draft, passages: list[Passage], p_answer: float, store: Store) -> Answer:
    """The answer as shown: {cite:…} slots numbered [1], [2]… in order, each citation quoting the
    article as published."""
    numbers: dict[tuple[str, int, int], int] = {}
    citations: list[Citation] = []

    def number(match: re.Match[str]) -> str:
        key = (match.group(1), int(match.group(2)), int(match.group(3)))
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            doc = store.data.documents[key[0]]
            start, end = doc.published_span(key[1], key[2])  # quote the article as published
            citations.append(Citation(numbers[key], doc.doc_id, doc.title, doc.date, doc.url,
                                      start, end, doc.published[start:end]))
        return f"[{numbers[key]}]"

    body = re.sub(r"\{cite:(.+?):(\d+):(\d+)\}", number, "\n".join(draft.lines))
    items = tuple(
        AnswerItem(name, role, rank, acts, numbers[cite]) for name, role, rank, acts, cite in draft.items
        if cite in numbers
    )
    return Answer(question=q.text, kind=q.kind, short=draft.short, items=items, text=body,
                  citations=tuple(citations), abstained=False, confidence=round(min(p_answer, 1.0), 3),
                  passages=tuple(passages))
