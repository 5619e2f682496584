"""The compose stage, the only place that writes Markdown: a decision's statements shown with
their evidence numbered [1], [2]… in order of first use, each citation quoting the article as
published; or the abstention."""

from __future__ import annotations

import re

from danvan_qa.index.store import Store
from danvan_qa.qa.decide import Decision
from danvan_qa.qa.records import Evidence, Statement, Strong
from danvan_qa.records import Answer, AnswerItem, Citation

NO_ANSWER = "Không tìm thấy thông tin này trong các bài viết hiện có."
SMALL_TALK = ("Tôi trả lời câu hỏi về nội dung các bài viết hiện có, mỗi câu trả lời trích nguyên văn bài viết. "
              "Hãy hỏi, ví dụ: “Ai chủ trì hội nghị ký kết?”, “Chương trình phối hợp giai đoạn nào?”.")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Article text shown inside Markdown: markup characters lose their meaning."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _line(statement: Statement, number: int | None) -> str:
    text = "".join(f"**{md_escape(p)}**" if isinstance(p, Strong) else md_escape(p) for p in statement.parts)
    if number is not None:
        text += f" [{number}]"
    if not statement.item:
        return text
    return f"  - {text}" if statement.under else f"- {text}"


def compose(decision: Decision, store: Store) -> Answer:
    """The answer as shown, or the abstention (whose `confidence` keeps P(answerable))."""
    q, passages = decision.reading.question, decision.passages
    chosen = decision.chosen
    if chosen is None:
        chat = any(c.kind == "none" and c.features["small_talk"] for c in decision.candidates)
        return Answer(question=q.text, kind=q.kind, short=None, items=(), text=SMALL_TALK if chat else NO_ANSWER,
                      citations=(), abstained=True, confidence=round(decision.p_answer, 3), passages=passages)
    numbers: dict[Evidence, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
    previous: Statement | None = None
    for statement in chosen.statements:
        ev = statement.evidence
        if ev is not None and ev not in numbers:
            numbers[ev] = len(numbers) + 1
            doc = store.data.documents[ev.doc_id]
            citations.append(Citation(numbers[ev], doc.doc_id, doc.title, doc.date, doc.url, ev.start, ev.end,
                                      doc.published[ev.start:ev.end]))
        if previous is not None and not (previous.item and statement.item):
            lines.append("")  # a blank line between paragraphs; a list's items stay together
        lines.append(_line(statement, numbers[ev] if ev is not None else None))
        previous = statement
    items = tuple(AnswerItem(i.name, i.role, i.rank, i.acts, numbers[i.evidence])
                  for i in chosen.items if i.evidence in numbers)
    said = f"_Hiểu là: {md_escape(decision.loosened)}_\n\n" if decision.loosened else ""  # a qualifier left out
    return Answer(question=q.text, kind=q.kind, short=chosen.value, items=items, text=said + "\n".join(lines),
                  citations=tuple(citations), abstained=False, confidence=round(min(decision.p_answer, 1.0), 3),
                  passages=passages, understood=decision.loosened)
