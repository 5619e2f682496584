"""Events between two bodies, across the archive: "Bao nhiêu buổi làm việc giữa Ban A với Đảng ủy B được đưa
tin?", "A và B đã có những cuộc họp, hội nghị nào với nhau?", "Bao nhiêu lần A làm việc với B?".

A row per event of the fact table whose kinds hold a kind asked and whose bodies hold both sides
(sides.parties_match: each side's alternatives, "lực lượng công an" any police body), newest first, citing
the sentence the event is read from; two reports of one event (the same sides on one day, in one place) are
one row, the other article cited under it. The articles read are those BM25 ranks first for the sides' words, so the cost
does not grow with the archive.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, NamedTuple

from danvan_qa.ingest.normalize import fold, fold_keep_case
from danvan_qa.qa.questions import unbracketed
from danvan_qa.qa.records import YEAR, Item, Listing, Statement, Strong, counts, dated, more_rows, ranked_articles, \
    rows_shown, sentence_evidence, under_rows
from danvan_qa.qa.sides import alternatives, parties_match, sides

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Event
    from danvan_qa.qa.questions import Question
    from danvan_qa.qa.records import Evidence

# a kind asked (folded) -> the fact table's kinds that are one
_KINDS = {"buoi lam viec": ("làm việc",), "lam viec": ("làm việc",), "cuoc hop": ("họp",), "hop": ("họp",),
          "hoi nghi": ("hội nghị", "tổng kết", "sơ kết"), "su kien": ()}  # (): any kind; not "hoạt động", a session's content
_KIND = r"(?:buoi lam viec|cuoc hop|hoi nghi|su kien)"
# "bao nhiêu / những / các <kind>(, <kind>)*": the events asked for (folded)
_ASKED = re.compile(rf"(?<!\w)(?:bao nhieu|may|nhung|cac) (?P<kinds>{_KIND}(?:(?:,| va| hoac| hay)+ {_KIND})*)(?!\w)")
# "bao nhiêu lần A làm việc (trực tiếp) với B" (folded, cased: offsets as typed)
_TIMES = re.compile(r"(?<!\w)(?i:bao nhieu|may) (?i:lan|buoi) (?P<a>.+?) (?:(?i:da|co) )?(?P<verb>(?i:lam viec|hop))"
                    r"(?: (?i:truc tiep))? (?i:voi) (?P<b>.+?)(?=\s*[?.,;]|\s+(?i:duoc|trong|theo|tai|o)(?!\w)|$)")
# "A và B (đã) có những <kind> nào với nhau"
# (a lead clause or a year said first is neither side; "chung": held together)
_WITH_EACH_OTHER = re.compile(rf"^(?:[^,]+, |(?i:trong )?(?i:nam|thang) [\d/]+ )?(?P<a>.+?) (?i:va|voi) (?P<b>.+?) (?:(?i:da|co|da co) )?"
                              rf"(?i:nhung|cac|bao nhieu|may) (?P<kinds>(?i:{_KIND})(?:(?:,| (?i:va|hoac|hay))+ (?i:{_KIND}))*)"
                              r"(?: (?i:nao))? (?i:voi nhau|chung)(?!\w)")  # not "chung tay"
# a programme's signing between two bodies is the programme lists' ("hội nghị ký kết chương trình … giữa A và B")
_OF_PROGRAMME = re.compile(r"(?<!\w)chuong trinh[^?.;]*? giua(?!\w)")


class Asked(NamedTuple):
    kinds: frozenset[str]  # the fact table's kinds, empty for any
    sides: list[list[str]]  # each side's alternatives


def asks_body_events(q: "Question") -> Asked | None:
    """The kinds and the two sides of events the question asks for between two bodies, or None. Not of a
    programme's signing between them (the programme lists'), nor of a person."""
    if q.person or _OF_PROGRAMME.search(q.folded):
        return None
    # "A (hoặc Đoàn kiểm tra do lãnh đạo A dẫn đầu) …": another body the first side may be, as far as "do"
    other = [q.restored[slice(*m.span("body"))] for m in re.finditer(  # folding keeps offsets
        r"\((?i:hoac|hay)\s+(?P<body>[^)]+?)(?:\s+(?i:do|cua)\s[^)]*)?\)", fold_keep_case(q.restored))]
    text = " ".join(unbracketed(q.restored).split())
    cased = fold_keep_case(text).rstrip(" ?.")  # folding keeps offsets
    if times := _TIMES.search(cased):
        return Asked(frozenset(_KINDS[fold(times["verb"].lower())]),
                     [alternatives(text[slice(*times.span("a"))]) + other, alternatives(text[slice(*times.span("b"))])])
    each = _WITH_EACH_OTHER.search(cased)
    asked = each or _ASKED.search(fold(text.lower()))
    if asked is None:
        return None
    named = [alternatives(text[slice(*each.span(s))]) for s in ("a", "b")] if each else sides(q)
    if len(named) != 2:
        return None
    named[0] += other
    kinds = [k for k in re.findall(rf"(?<!\w){_KIND}(?!\w)", fold(asked["kinds"].lower()))]
    wanted = frozenset(kind for k in kinds for kind in _KINDS[k])
    return Asked(frozenset() if any(not _KINDS[k] for k in kinds) else wanted, named)


def body_events(asked: Asked, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per event between the two sides, newest first; None when none is."""
    words = " ".join(w for side in asked.sides for w in side[0].split())
    years = [y for y in YEAR.findall(q.text) if not any(y in p for p in q.periods)]  # "Trong năm 2022, …": that year's
    grouped: dict[object, list["Event"]] = {}
    for doc_id in ranked_articles(store, fold(words.lower()), keep):
        for event in store.events_by_doc.get(doc_id, []):
            if (not asked.kinds or asked.kinds & set(event.kinds)) and parties_match(asked.sides, event.bodies) and \
                    (not years or (event.date or "")[:4] in years):
                # the same sides on one day, in articles of one place ("Hà Nội (Trung ương)" is Hà Nội): one event
                where = re.sub(r"\s*\(.*?\)", "", store.data.documents[doc_id].place or event.place or "")
                key = (event.date, fold(where.lower()).strip()) if event.date else event.event_id
                grouped.setdefault(key, []).append(event)
    if not grouped:
        return None
    docs = store.data.documents
    rows = sorted(grouped.values(), key=lambda events: events[0].date or "", reverse=True)
    lines = [Statement((f"Các bài viết đưa tin {len(rows)} sự kiện giữa ", Strong(asked.sides[0][0]), " và ",
                        Strong(asked.sides[1][0]), ":"),)]
    items = []
    for first, *others in rows[:rows_shown()]:
        ev = _evidence(store, first)
        lines.append(Statement((dated(first.date), Strong(docs[first.doc_id].title)), ev, item=True))
        lines += under_rows([e for e in others if e.doc_id != first.doc_id], lambda e: Statement(
            ("cũng đưa tin trong bài ", Strong(docs[e.doc_id].title)), _evidence(store, e), item=True, under=True))
        items.append(Item(docs[first.doc_id].title, None, None, (), ev))
    lines += more_rows(len(rows))
    return Listing(tuple(lines), tuple(items), len(rows),
                   str(len(rows)) if counts(q.folded, q.restored) else docs[rows[0][0].doc_id].title)


def _evidence(store: "Store", event: "Event") -> "Evidence":
    """The sentence an event is read from, as published."""
    return sentence_evidence(store.sentences(event.doc_id), store.data.documents[event.doc_id], event.start, event.end)
