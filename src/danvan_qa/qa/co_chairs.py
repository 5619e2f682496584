"""Events two people (or more) chaired together: "Những hội nghị nào do hai người cùng chủ trì?", "nhung buoi lam viec
nao do 2 lanh dao dong chu tri", "Có mấy sự kiện được đồng chủ trì?".

The fact table knows who chaired each article's event; an event with two chairs or more is a row, its chairs
named, citing the sentence that names them (and the other's, when another sentence names them). Articles reporting
the same event (its day as the fact table has it, the articles' place, and its chairs) are one row, the others
cited under it. How many is the number of rows. The fact table gives an article one event: two events of one
article with chairs of their own are one row.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import FOLDED_PROVINCE
from danvan_qa.qa.records import (EVENT_NOUNS, Evidence, Item, Listing, Statement, Strong, counts, dated, more_rows,
                                  rows_shown, under_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person
    from danvan_qa.qa.questions import Question

# "do hai người (cùng) chủ trì", "có 2 lãnh đạo đồng chủ trì", "được đồng chủ trì", "mà hai vị cùng chủ trì" (folded)
_TOGETHER = re.compile(r"(?<!\w)(?:do|co|duoc|ma|voi) (?:(?:hai|2|nhieu|tu hai|hon mot|it nhat hai) "
                       r"(?:nguoi|lanh dao|dong chi|vi|ben|co quan) (?:(?:cung|dong) )?|(?:cung|dong) )chu tri(?!\w)")
_EVENT = rf"(?:{EVENT_NOUNS}|buoi le|dip|lan)"
# the events asked, many of them: "những / các / bao nhiêu hội nghị", "hội nghị, buổi làm việc nào" (not "hội nghị X …
# bởi mấy người": one event's chairs)
_EVENTS = re.compile(rf"(?<!\w)(?:(?:nhung|cac|bao nhieu|may) (?:\w+ )?{_EVENT}|{_EVENT}(?:,? \w+){{0,4}}? nao)(?!\w)")


def asks_co_chairs(q: "Question") -> bool:
    """Whether the question asks for the events chaired by two or more, naming no one, no day, no place and no
    parties (each of those asks its own events: another shape's, or each article's)."""
    folded = q.folded
    return bool(_TOGETHER.search(folded) and _EVENTS.search(folded)) and not (
        q.person or q.dates or q.places or FOLDED_PROVINCE.search(folded) or re.search(r"(?<!\w)giua(?!\w)", folded))


def co_chaired(chaired: list["Person"], q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The events of the articles `keep` admits that two people or more of those who `chaired` chaired (everyone
    whose acts hold "chủ trì", read once per store: archive._with_act), newest first, a row each."""
    docs = store.data.documents
    chairs: dict[tuple[str, str | None], dict[str, "Person"]] = {}  # (article, event) -> folded name -> the mention
    for p in chaired:
        if keep(p.doc_id):
            chairs.setdefault((p.doc_id, p.event_id), {}).setdefault(fold(p.name), p)
    events: dict[tuple, list[list["Person"]]] = {}  # the event's day, place and chairs -> each article's chairs
    for (doc_id, event_id), people in sorted(chairs.items(), key=lambda kv: docs[kv[0][0]].date or "", reverse=True):
        if len(people) >= 2:
            event = next((e for e in store.events_by_doc.get(doc_id, []) if e.event_id == event_id), None)
            held = (event and event.date or docs[doc_id].date, docs[doc_id].place)  # the event's day, the article's place
            events.setdefault((*held, frozenset(people)), []).append(list(people.values()))
    if not events:
        return None
    lines = [Statement((f"Các bài viết nêu {len(events)} sự kiện do hai người trở lên cùng chủ trì:",))]
    items = []
    for first, *others in list(events.values())[:rows_shown()]:
        doc = docs[first[0].doc_id]
        names = [part for n, p in enumerate(first)  # "Đại tá **A**, **B**"
                 for part in (", " if n else "", f"{p.rank} " if p.rank else "", Strong(p.name)) if part]
        cited = [_evidence(store, first[0])]
        lines.append(Statement((f"{dated(doc.date)}{doc.title}: ", *names), cited[0], item=True))
        for p in first[1:]:  # a chair another sentence names: that sentence too, once
            if (ev := _evidence(store, p)) not in cited:
                cited.append(ev)
                lines.append(Statement(("chủ trì: ", Strong(p.name)), ev, item=True, under=True))
        items += [Item(p.name, p.role, p.rank, p.acts, _evidence(store, p)) for p in first]
        lines += under_rows(others, lambda chaired: Statement(
            ("cũng đưa tin trong bài ", Strong(docs[chaired[0].doc_id].title)), _evidence(store, chaired[0]), item=True,
            under=True))
    lines += more_rows(len(events))
    value = str(len(events)) if counts(q.folded, q.restored) else docs[next(iter(events.values()))[0][0].doc_id].title
    return Listing(tuple(lines), tuple(items), len(events), value)


def _evidence(store: "Store", p: "Person") -> Evidence:
    return Evidence.of(store.data.documents[p.doc_id], p.start, p.end)
