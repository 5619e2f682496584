"""Facts held to the text they were read from: one whose words are not where it says is dropped.

Answers quote the fact table as the article's own words, so a name or role that the article
does not hold at the recorded sentence (a damaged or hand-edited facts.json, a store older
than its articles) would be a quote nobody wrote. Each fact field that comes from a sentence
is looked for in that sentence, ignoring case and spacing (roles are written with their commas
tidied: "A , B" is stored as "A, B"); a fact with a field not found there is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from danvan_qa.ingest.facts import Event, FactTable, Person, Programme

if TYPE_CHECKING:
    from danvan_qa.ingest.corpus import Document

Fact = TypeVar("Fact", Event, Person, Programme)


def _squeezed(text: str) -> str:
    return "".join(text.casefold().split())


def _all_at(values: tuple[str | None, ...], text: str, span: tuple[int, int] | None) -> bool:
    """Whether every given value occurs in text[span] (exactly, or up to case and spacing)."""
    if span is None:
        return True
    sentence = text[span[0] : span[1]]
    squeezed: str | None = None
    for value in values:
        if value is None or value in sentence:
            continue
        if squeezed is None:
            squeezed = _squeezed(sentence)
        if _squeezed(value) not in squeezed:
            return False
    return True


def _person(p: Person, text: str) -> bool:
    return p.name in text[p.start : p.end] and _all_at((p.rank, p.role, p.group), text, (p.start, p.end))


def _event(e: Event, text: str) -> bool:
    return _all_at((e.date_text, *e.bodies), text, (e.start, e.end))


def _programme(g: Programme, text: str) -> bool:
    return (_all_at((g.name, g.number, g.period), text, (g.start, g.end))
            and _all_at(g.parties, text, g.parties_span))


def _keep(rows: tuple[Fact, ...], check: Callable[[Fact, str], bool],
          documents: dict[str, "Document"]) -> tuple[Fact, ...]:
    return tuple(r for r in rows if r.doc_id in documents and check(r, documents[r.doc_id].text))


def grounded(facts: FactTable, documents: dict[str, "Document"]) -> tuple[FactTable, int]:
    """`facts` without the facts whose words are not at their recorded place in their article,
    and how many were dropped (the store reports the count once its files are verified)."""
    kept = FactTable(_keep(facts.events, _event, documents), _keep(facts.people, _person, documents),
                     _keep(facts.programmes, _programme, documents))
    dropped = sum(len(getattr(facts, k)) - len(getattr(kept, k)) for k in ("events", "people", "programmes"))
    return (kept, dropped) if dropped else (facts, 0)
