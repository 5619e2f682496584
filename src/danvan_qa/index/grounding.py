"""Facts held to the text they were read from: one whose words are not where it says is dropped.

Answers quote the fact table as the article's own words, so a name or role that the article
does not hold at the recorded sentence (an extraction slip, a damaged or hand-edited facts.bin)
would be a quote nobody wrote. Each fact field that comes from a sentence is looked for in that
sentence, ignoring case and spacing (roles are written with their commas tidied: "A , B" is
stored as "A, B"); a fact with a field not found there is dropped. The indexer grounds the
facts it writes, and the manifest's checksum proves at load that the fact files are what it wrote;
a store written before checksums is grounded when it is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from danvan_qa.ingest.facts import Event, FactTable, Person, Programme

if TYPE_CHECKING:
    from danvan_qa.ingest.corpus import Document

Fact = TypeVar("Fact", Event, Person, Programme)


def _squeezed(text: str) -> str:
    return "".join(text.casefold().split())


def _at(value: str | None, text: str, start: int, end: int) -> bool:
    """Whether `value` occurs in text[start:end], exactly or up to case and spacing.

    `str.find` within the span, not a slice: an archive's facts are checked at every start-up."""
    return (value is None or text.find(value, start, end) >= 0
            or _squeezed(value) in _squeezed(text[start:end]))


def _person(p: Person, text: str) -> bool:
    s, e = p.start, p.end
    return (text.find(p.name, s, e) >= 0 and _at(p.role, text, s, e) and _at(p.rank, text, s, e)
            and _at(p.group, text, s, e))


def _event(e: Event, text: str) -> bool:
    return _at(e.date_text, text, e.start, e.end) and all(_at(b, text, e.start, e.end) for b in e.bodies)


def _programme(g: Programme, text: str) -> bool:
    s, e = g.start, g.end
    if not (_at(g.name, text, s, e) and _at(g.number, text, s, e) and _at(g.period, text, s, e)):
        return False
    if g.date_span is not None and not _at(g.date_text, text, *g.date_span):
        return False
    return g.parties_span is None or all(_at(x, text, *g.parties_span) for x in g.parties)


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
