"""What happened in a month or a year: "Có những hội nghị, hoạt động nào diễn ra vào tháng 11 (bất kể
năm nào)?", "Những sự kiện nào được tổ chức trong năm 2022?", "Có bao nhiêu hội nghị diễn ra vào
tháng 5/2023?".

Every article whose own event (the fact table's main event: the dated one closest to the
article's date, not a past one it recalls) falls in the month or year asked gives a row, newest
first, citing the sentence that reports it; an article whose event is of a kind the table does
not read (a contest) counts by its own date, where a sentence gives that day. A place the question names keeps the articles of
that place. With fewer than two such articles the question is answered as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, NamedTuple

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import place_in
from danvan_qa.qa.records import (EVENT_NOUNS, ROWS_SHOWN, WHO, Evidence, Item, Listing, Statement, Strong, counts,
                                  dated, more_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

_KIND = rf"(?:{EVENT_NOUNS}|su kien|hoat dong)"
# Events asked for, in the plural or counted: "những hội nghị, hoạt động nào", "bao nhiêu sự kiện" (folded, no marks)
_EVENTS = re.compile(rf"(?<!\w)(?:nhung|cac|bao nhieu) {_KIND}(?: (?:va|hoac|hay)? ?{_KIND})*(?!\w)")
# … when: "vào tháng 11", "trong tháng 5 năm 2023", "tháng 5/2023" (as "thang 5 2023"), "trong năm 2022"
_WHEN = re.compile(r"(?<!\w)(?:vao|trong) (?:thang (?P<month>1[0-2]|0?[1-9])(?: (?:nam )?(?P<in_year>(?:19|20)\d\d))?"
                   r"|nam (?P<year>(?:19|20)\d\d))(?!\w)")


class When(NamedTuple):
    """A month (of any year when `year` is None) or a whole year."""

    month: int | None
    year: int | None

    def holds(self, iso: str | None) -> bool:
        if not iso or len(iso) < 7:
            return False
        return (self.year is None or int(iso[:4]) == self.year) and (self.month is None or int(iso[5:7]) == self.month)

    def said(self) -> str:
        if self.month is None:
            return f"năm {self.year}"
        return f"tháng {self.month}" + (f" năm {self.year}" if self.year else " (mọi năm)")


def asked_when(q: "Question") -> When | None:
    """The month or year a question asks the events of, or None when it asks no such thing."""
    plain = " ".join(re.sub(r"[^\w ]", " ", q.folded).split())
    if not _EVENTS.search(plain) or WHO.search(plain) or q.person:
        return None
    found = _WHEN.search(plain)
    if found is None:
        return None
    if found["month"]:
        return When(int(found["month"]), int(found["in_year"]) if found["in_year"] else None)
    return When(None, int(found["year"]))


class _Held(NamedTuple):
    doc_id: str
    date: str  # ISO
    start: int  # the sentence reporting it
    end: int


def time_events(q: "Question", when: When, store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per article whose own event falls in `when`, newest first; None below two articles."""
    docs = store.data.documents
    found = {e.doc_id: _Held(e.doc_id, e.date, e.start, e.end) for e in store.facts.events
             if e.main and e.date and keep(e.doc_id) and when.holds(e.date)}
    for doc in docs.values():  # an event of a kind the table does not read ("hội thi"): the article's own date
        if doc.doc_id not in found and when.holds(doc.date) and keep(doc.doc_id) and \
                not any(e.main for e in store.stored_facts.events_of(doc.doc_id)):
            if (own := _dated_sentence(store, doc.doc_id)) is not None:
                found[doc.doc_id] = own
    rows = [h for h in found.values()
            if all(place_in(fold(p), fold(f"{docs[h.doc_id].place or ''} {docs[h.doc_id].title}")) for p in q.places)]
    if len(rows) < 2:
        return None
    rows.sort(key=lambda h: h.date, reverse=True)
    lines = [Statement((f"{len(rows)} bài viết đưa tin sự kiện diễn ra vào ", Strong(when.said()), ":"))]
    items = []
    for held in rows[:ROWS_SHOWN]:
        doc = docs[held.doc_id]
        ev = Evidence.of(doc, held.start, held.end)
        lines.append(Statement((dated(held.date), Strong(doc.title)), ev, item=True))
        items.append(Item(doc.title, None, None, (), ev))
    lines += more_rows(len(rows))
    return Listing(tuple(lines), tuple(items), len(rows),
                   str(len(rows)) if counts(q.folded, q.restored) else docs[rows[0].doc_id].title)


def _dated_sentence(store: "Store", doc_id: str) -> _Held | None:
    """The article's first sentence dated its own day ("Ngày 24-11, … tổ chức hội thi …"), if any."""
    doc = store.data.documents[doc_id]
    assert doc.date is not None
    for a, b in store.sentences(doc_id):
        for mention in dates.find_dates(doc.text[a:b], cued_only=True):
            if (mention.day, mention.month) == (int(doc.date[8:10]), int(doc.date[5:7])):
                return _Held(doc_id, doc.date, a, b)
    return None
