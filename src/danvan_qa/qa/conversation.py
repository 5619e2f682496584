"""Conversations: questions in turn, each read against the last (followups.py).

`answer()` stays stateless. A `Conversation` keeps the `Context` of the last exchange and
reads a follow-up with its subject before answering; the answer says how the question was
understood ("Hiểu là: …"). The web chat keeps the same context per browser session.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from danvan_qa.index.backends.base import Filters
from danvan_qa.qa.compose import md_escape
from danvan_qa.ingest.normalize import fold, has_diacritics
from danvan_qa.qa.followups import Context, next_context, unanchored, understand
from danvan_qa.qa.questions import THEN, THEN_FOLDED

if TYPE_CHECKING:
    from danvan_qa.qa.answering import Answerer
    from danvan_qa.records import Answer
    from danvan_qa.settings import Settings


class Conversation:
    """Questions in turn, each read against the last: `ask` answers, `reset` forgets."""

    def __init__(self, answerer: "Answerer | None" = None, *, settings: "Settings | None" = None) -> None:
        if answerer is None:
            from danvan_qa.qa.answering import Answerer
            from danvan_qa.qa.retrieval import open_store
            from danvan_qa.settings import Settings

            settings = settings or Settings.from_env()
            answerer = Answerer(open_store(settings=settings), settings)
        self.answerer = answerer
        self.context: Context | None = None

    def ask(self, question: str, **options) -> "Answer":
        """Answer `question`, read as a follow-up of the last one when it leans on it."""
        answer, self.context = ask_in_context(self.answerer, question, self.context, **options)
        return answer

    def reset(self) -> None:
        self.context = None


def ask_in_context(answerer: "Answerer", question: str, context: Context | None,
                   **options) -> tuple["Answer", Context | None]:
    """One turn: the answer (saying how a follow-up was understood) and the context after it. The
    web chat keeps the context in the page's session; `Conversation` keeps it in the object."""
    store = answerer.store
    understood = understand(question, context, store)
    answer, said = answerer.answer(understood, **options), understood
    if understood == question and context is not None and context.docs and unanchored(question, store):
        there = _within(answerer, question, context.docs, options)
        if _of(there, context.docs) and set(_cited(there)) != set(_cited(answer)) and (
                len(set(_cited(answer))) <= 1 or THEN.search(fold(question.lower()))):  # "… lúc đó?": of that event
            # the event just discussed answers it: that, not another article's event of the same kind (an
            # answer drawing on several articles asked across the archive, and is left so)
            answer, said = there, f"{question.rstrip(' ?')} (trong bài vừa dẫn)?"
    elif context is not None and context.docs and (answer.abstained or THEN.search(fold(question.lower())) and not
                                                    set(_cited(answer)) & set(context.docs)):
        # "Kế hoạch đó cho khoảng thời gian nào?" that the archive at large does not answer: the article just
        # cited may, where the thing referred to is written out; "giam doc ca tinh luc do la ai": of that event, not
        # another article's; failing that, as asked ("hội nghị đó tổ chức ngày nào?": its subject is that article's)
        for asked in dict.fromkeys((understood, question)):
            there = _within(answerer, _without_then(asked), context.docs, options)
            if _of(there, context.docs):
                answer, said = there, f"{asked.rstrip(' ?')} (trong bài vừa dẫn)?"
                break
    if said != question and answer.understood is None:  # (an answer read looser or listed says so already)
        answer = replace(answer, text=f"_Hiểu là: {md_escape(said)}_\n\n{answer.text}", understood=said)
    if answer.abstained:
        return answer, context
    return answer, next_context(understood, answer, context, store)


def _within(answerer: "Answerer", question: str, docs: tuple[str, ...], options: dict[str, Any]) -> "Answer | None":
    """The question asked of these articles only (and of what the caller's filters admit)."""
    asked = options.get("filters") or Filters()
    within = frozenset(docs) & asked.doc_ids if asked.doc_ids is not None else frozenset(docs)
    return answerer.answer(question, **{**options, "filters": replace(asked, doc_ids=within)}) if within else None


def _of(answer: "Answer | None", docs: tuple[str, ...]) -> bool:
    """Whether an answer asked of these articles answers, from one of them (a fact the table holds may cite
    another article: then it is no answer "in the article just cited")."""
    return answer is not None and not answer.abstained and bool(set(_cited(answer)) & set(docs))


def _without_then(question: str) -> str:
    """The question less its "lúc đó": asked of the articles just cited, it says nothing more (typed bare, restoring
    it may misread it: "lực đó")."""
    # as typed with marks ("hội đó" is no "hồi đó"); typed bare, only "lúc / khi / thời điểm đó" ("hoi do", "luc do")
    then = THEN.search(question) if has_diacritics(question) else THEN_FOLDED.search(fold(question.lower()))
    return " ".join(f"{question[:then.start()]} {question[then.end():]}".split()) if then else question


def _cited(answer: "Answer") -> list[str]:
    return [c.doc_id for c in answer.citations]
