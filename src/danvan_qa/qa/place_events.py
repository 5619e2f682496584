"""What happened in a place: "Ở Hà Tĩnh có những hoạt động nào …, diễn ra ngày nào?".

A question that opens on a place ("Ở X", "Tại X") and asks for its activities or events, of any
kind, asks across the archive: every article whose own place (or title) names it gives a row,
newest first, citing its first dated sentence, which reports its event as news leads do
("Chiều 5/9, đoàn công tác … kiểm tra …"). With fewer than two such articles the question is
answered as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import place_in
from danvan_qa.qa.records import (ROWS_SHOWN, WHO, Evidence, Item, Listing, Statement, Strong, counts,
                                  dated, more_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# "Ở Hà Tĩnh có những hoạt động nào …", "Tại tỉnh X đã diễn ra bao nhiêu sự kiện …" (folded): the place right
# after "ở / tại", and activities or events of any kind (a kind, a year or a topic asks something narrower)
_UNIT = r"(?:(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong) )?"
_GENERIC = r"(?:hoat dong|su kien)"
_ASKS = re.compile(rf"^(?:o|tai) {_UNIT}(?P<place>.+?),? (?:co |da )?(?:dien ra |to chuc )?(?:(?:nhung|cac) {_GENERIC} nao"
                   rf"(?: (?:lien quan den (?:cong tac dan van|chuong trinh phoi hop)(?: \w+){{0,4}}?))?"
                   rf"(?: (?:dien ra|duoc to chuc) (?:vao )?(?:ngay|khi) nao)?"
                   rf"|bao nhieu {_GENERIC}(?: (?:dien ra|duoc to chuc))?)$")


def asks_place_events(q: "Question") -> bool:
    """Whether the question opens on a place and asks for the activities or events held there."""
    m = _ASKS.search(q.folded)
    return bool(m) and m["place"] in q.places and not WHO.search(q.folded)


def place_events(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per article of the place asked about, newest first; None below two articles."""
    docs = store.data.documents
    place = _ASKS.search(q.folded)["place"]  # type: ignore[index]
    found = [doc for doc in docs.values() if keep(doc.doc_id) and place_in(place, fold(f"{doc.place or ''} {doc.title}"))]
    if len(found) < 2:
        return None
    found.sort(key=lambda doc: doc.date or "", reverse=True)
    lines = [Statement((f"{len(found)} bài viết đưa tin hoạt động ở ", Strong(_as_written(q, place)), ":"))]
    items = []
    for doc in found[:ROWS_SHOWN]:
        sentences = store.sentences(doc.doc_id)
        start, end = next(((a, b) for a, b in sentences if next(dates.find_dates(doc.text[a:b]), None)),
                          sentences[0] if sentences else (0, min(len(doc.text), 200)))
        ev = Evidence.of(doc, start, end)
        lines.append(Statement((dated(doc.date), Strong(doc.title)), ev, item=True))
        items.append(Item(doc.title, None, None, (), ev))
    lines += more_rows(len(found))
    return Listing(tuple(lines), tuple(items), len(found),
                   str(len(found)) if counts(q.folded, q.restored) else found[0].title)


def _as_written(q: "Question", place: str) -> str:
    """The place as the question writes it, restored: "Hà Tĩnh" for "ha tinh"."""
    words = q.restored.rstrip(" ?.!").split()
    size = len(place.split())
    written = next((" ".join(words[i:i + size]).strip(",.") for i in range(len(words) - size + 1)
                    if fold(" ".join(words[i:i + size])).strip(",.") == place), place)
    return " ".join(w[:1].upper() + w[1:] for w in written.split())  # a place's syllables are capitalised
