"""What happened in a month or a year: "Những hoạt động nào diễn ra vào tháng 9 (không kể năm)?",
"Những sự kiện nào được tổ chức trong năm 2021?", "Có bao nhiêu hội nghị diễn ra vào tháng 5/2023?".

Every article whose own event (the fact table's main event: the dated one closest to the
article's date, not a past one it recalls) falls in the month or year asked gives a row, newest
first, citing the sentence that reports it; an article whose event is of a kind the table does
not read (a contest) counts by its own date, where a sentence gives that day. A kind of event
asked ("các hội thi") keeps that kind; a topic ("hội nghị về an toàn giao thông") is asked the
usual way, but a review ("hội nghị tổng kết 5 năm chương trình phối hợp") and the parties ("giữa
Ban Dân vận và Công an") narrow the events to those whose sentence says them; one event however many
articles report it (`records.same_event`). A place the
question names keeps the articles of that place. With fewer than two such articles the question is
answered as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, NamedTuple

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.sides import sides
from danvan_qa.qa.questions import place_in, plain_words
from danvan_qa.qa.records import (EVENT_NOUNS, EVENT_WRITTEN, rows_shown, WHO, Evidence, Item, Listing, Statement, Strong, counts,
                                  dated, more_rows, same_event, under_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# Events asked for, in the plural or counted: "những hội nghị, hoạt động nào", "bao nhiêu sự kiện" (folded, no marks)
_EVENTS = re.compile(rf"(?<!\w)(?:nhung|cac|bao nhieu|may) {EVENT_NOUNS}(?: (?:va|hoac|hay)? ?{EVENT_NOUNS})*(?!\w)"
                     rf"|^{EVENT_NOUNS}(?: (?:va|hoac|hay)? ?{EVENT_NOUNS})*(?= nao(?!\w))")  # "hội nghị, lễ ký kết nào …"
_ANY_KIND = frozenset({"hoat dong", "su kien"})  # asked with one of these, every kind of event answers
# What else a question of a time's events may say; any other word is a topic, asked the usual way ("Theo ngày diễn ra
# được ghi trong (thân) bài, …", "được bài báo nêu là …", "… trong kho (bài / lưu trữ) …", "sự kiện về dân vận")
_FRAME = frozenset("co da nao dien ra duoc to chuc bat ke nam khong ke moi cac nhung bai viet bao tin dua trong theo ngay ghi"
                   " neu la dan van cong tac rieng kho luu tru ve than bo loat vay nhe nha a".split())  # "trong bộ / loạt bài", "vậy"
# … and what asks each row's place or the events themselves: "…, ở đâu?", "… gồm những gì?"
_ROWS_ASKED = re.compile(r"(?<!\w)(?:o dau|gom nhung gi)(?!\w)")
# ("hoạt động (công tác) dân vận": the archive's own, any of its events)
# "lễ hoặc hội nghị ký kết", "(buổi) lễ/hội nghị ký kết", "hội nghị hay lễ ký kết", "hội nghị ký kết": signings,
# however held (a bare "lễ" shares the other's "ký kết")
_SHARED_SIGNING = re.compile(r"(?<!\w)(?:(?:buoi )?le (?:(?:hoac|hay|va) )?hoi nghi|hoi nghi(?: (?:hoac|hay|va) (?:buoi )?le)?"
                             r"|buoi le) ky ket(?!\w)")
# how the count is taken, as written (folded, "tỉnh" and "Đảng" would read as "tính" and "đăng")
# ("không tính ngày đăng bài", "diễn ra trong tháng đó": the month asked, said again)
_COUNTED_BY = re.compile(r"(?<!\w)(?:tính theo|thân bài|rơi(?= vào)|(?:không tính )?ngày đăng(?: bài)?|ghi lại|như"
                         r"|(?:trong |vào )?(?:tháng|năm) (?:đó|ấy|này))(?!\w)", re.IGNORECASE)
# a meeting about another event: "có cuộc họp … về công tác tổ chức Hội nghị … và ký kết …" holds no signing
_ABOUT = re.compile(r"(?<!\w)(?:cuoc hop|buoi lam viec|hop ban)(?!\w).*(?<!\w)ve(?!\w)[^,;]*$")  # … up to the word, one clause
_SIGNED = frozenset("chuong trinh phoi hop".split())  # what a signing signs: "lễ ký kết chương trình phối hợp"
# the review an event holds, as its sentence must say it: "hội nghị tổng kết (5 năm thực hiện) chương trình phối hợp"
_ACTS = re.compile(r"(?<!\w)(so ket|tong ket)(?: (\d+) nam)?(?: thuc hien)?(?!\w)")  # (signings: programme_lists)
_PARTY_WORDS = frozenset("giua va voi luc luong".split())  # "giữa Ban Dân vận và lực lượng Công an"
# … when: "vào tháng 11", "trong tháng 5 năm 2023", "tháng 5/2023" (as "thang 5 2023"), "trong năm 2022"; or first
_WHEN = re.compile(r"(?:(?<!\w)(?:vao|trong|rieng) |^)(?:thang (?P<month>1[0-2]|0?[1-9])(?: (?:nam )?(?P<in_year>(?:19|20)\d\d))?"
                   r"|nam (?P<year>(?:19|20)\d\d))(?!\w)")


class When(NamedTuple):
    """A month (of any year when `year` is None) or a whole year."""

    month: int | None
    year: int | None
    kinds: frozenset[str] = frozenset()  # the kinds of event asked (folded); any when one is "hoạt động"
    acts: frozenset[str] = frozenset()  # what the event's sentence must say it does: "tong ket( 0*5 nam)" (a pattern)
    parties: tuple[tuple[str, ...], ...] = ()  # bodies it must name, each as any of its alternatives (folded)

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
    said = _COUNTED_BY.sub(" ", q.restored)  # "tính theo ngày … trong thân bài", "rơi vào", "ghi lại … như"
    plain = _ROWS_ASKED.sub(" ", _SHARED_SIGNING.sub("le ky ket", plain_words(said)))  # not an aside in brackets
    events, found = _EVENTS.search(plain), _WHEN.search(plain)
    if events is None or found is None or WHO.search(plain) or q.person:
        return None
    first, second = sorted((events.span(), found.span()))  # "Trong năm 2022 có những hội nghị nào?": the time first
    rest = (plain[:first[0]] + " " + plain[first[1]:second[0]] + " " + plain[second[1]:]).split()
    kinds = frozenset(re.findall(EVENT_NOUNS, events.group(0)))
    acts = frozenset(m.group(1) + (rf" 0*{int(m.group(2))} nam" if m.group(2) else "") for m in _ACTS.finditer(plain))
    parties = tuple(tuple(_body(a) for a in side) for side in sides(q))
    frame = _FRAME | (_SIGNED if "le ky ket" in kinds or acts else frozenset())
    frame |= {w for m in _ACTS.finditer(plain) for w in m.group(0).split()}
    if kinds & _ANY_KIND:  # "bao nhiêu sự kiện — ký kết, hội nghị, hội thi —": its kinds named beside it
        frame |= {w for k in re.findall(rf"{EVENT_NOUNS}|ky ket", plain) for w in k.split()}
    frame |= (_PARTY_WORDS | {w for side in parties for a in side for w in a.split()}) if parties else frozenset()
    if any(w not in frame for w in rest if not any(w in p.split() for p in map(fold, q.places))):
        return None  # "Những hội nghị về an toàn giao thông nào …": a topic, asked the usual way
    if found["month"]:
        return When(int(found["month"]), int(found["in_year"]) if found["in_year"] else None, kinds, acts, parties)
    return When(None, int(found["year"]), kinds, acts, parties)


def _body(side: str) -> str:
    """A party as an event's sentence names it, folded: "lực lượng Công an" is "cong an"."""
    return " ".join(w for w in fold(side.lower()).split() if w not in _PARTY_WORDS)


class _Held(NamedTuple):
    doc_id: str
    date: str  # ISO
    start: int  # the sentence reporting it
    end: int


def time_events(q: "Question", when: When, store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per event (its first article's own event) falling in `when`, newest first, with the other
    articles reporting it under it; None below two articles."""
    docs = store.data.documents
    found = {e.doc_id: _Held(e.doc_id, e.date, e.start, e.end) for e in store.facts.events
             if e.main and e.date and keep(e.doc_id) and when.holds(e.date)}
    for doc in docs.values():  # an event of a kind the table does not read ("hội thi"): the article's own date
        if doc.doc_id not in found and when.holds(doc.date) and keep(doc.doc_id) and \
                not any(e.main for e in store.stored_facts.events_of(doc.doc_id)):
            if (own := _dated_sentence(store, doc.doc_id)) is not None:
                found[doc.doc_id] = own
    kinds = () if when.kinds & _ANY_KIND else tuple(when.kinds)  # "các hội thi …" keeps the contests
    def says(h: _Held, words: str) -> bool:  # … as its own event: not what a meeting is about ("cuộc họp về … ký kết")
        sentence = fold(docs[h.doc_id].text[h.start:h.end])
        return any(not _ABOUT.search(sentence[:m.start()]) for m in re.finditer(rf"(?<!\w){words}(?!\w)", sentence))

    rows = [h for h in found.values()
            if all(place_in(fold(p), fold(f"{docs[h.doc_id].place or ''} {docs[h.doc_id].title}")) for p in q.places)
            and (not kinds or any(says(h, w) for k in kinds for w in EVENT_WRITTEN.get(k, (k,))))
            and all(says(h, act) for act in when.acts) and all(any(says(h, a) for a in side) for side in when.parties)]
    if len(rows) < 2:
        return None
    rows.sort(key=lambda h: h.date, reverse=True)
    # one event however many articles report it: the same day, place, kinds and bodies
    events: dict[object, list[_Held]] = {}
    for held in rows:
        events.setdefault(same_event(store, held.doc_id), []).append(held)  # an undated one's own article
    said = f"{len(rows)} bài viết đưa tin" + (f" {len(events)} sự kiện" if len(events) < len(rows) else " sự kiện")
    lines = [Statement((f"{said} diễn ra vào ", Strong(when.said()), ":"))]
    items = []
    for first, *others in list(events.values())[:rows_shown()]:
        doc = docs[first.doc_id]
        ev = Evidence.of(doc, first.start, first.end)
        lines.append(Statement((dated(first.date), Strong(doc.title)), ev, item=True))
        lines += under_rows(others, lambda o: Statement(("cũng đưa tin trong bài ", Strong(docs[o.doc_id].title)),
                                                        Evidence.of(docs[o.doc_id], o.start, o.end), item=True, under=True))
        items.append(Item(doc.title, None, None, (), ev))
    lines += more_rows(len(events))
    return Listing(tuple(lines), tuple(items), len(events),
                   str(len(events)) if counts(q.folded, q.restored) else docs[rows[0].doc_id].title)


def _dated_sentence(store: "Store", doc_id: str) -> _Held | None:
    """The article's first sentence dated its own day ("Ngày 24-11, … tổ chức hội thi …"), if any."""
    doc = store.data.documents[doc_id]
    assert doc.date is not None
    for a, b in store.sentences(doc_id):
        for mention in dates.find_dates(doc.text[a:b], cued_only=True):
            if (mention.day, mention.month) == (int(doc.date[8:10]), int(doc.date[5:7])):
                return _Held(doc_id, doc.date, a, b)
    return None
