"""Units named across the archive: military regions ("Các bài viết nhắc đến bao nhiêu quân khu khác
nhau?") and communes, wards, towns and hamlets ("Những xã nào được nêu đích danh trong các bài?").

A military region is written with its number ("Quân khu 9"), a commune with its name, in capitals
or with a number ("xã Đông Khê", "Xã Tây Giang 3"). Each is counted once however many articles
name it, a row per unit citing the sentence of the newest article that names it. The articles
read are those of the chunks BM25 ranks first for the unit's word, so the cost does not grow
with the archive.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.qa.records import CANDIDATE_CHUNKS, Listing, sentence_evidence, titled_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

_ASKS = re.compile(r"(?<!\w)(?:bao nhieu|may|nhung|cac) quan khu(?: khac nhau)?(?: nao)?(?!\w)")  # folded
_WRITTEN = re.compile(r"(?<!\w)[Qq]uân khu (\d{1,2})(?!\d)")
# "Những xã nào …", "bao nhiêu phường" (folded) -> the unit as written
_LOCAL = {"xa": "xã", "phuong": "phường", "thi tran": "thị trấn", "thon": "thôn"}
_ASKS_LOCAL = re.compile(rf"(?<!\w)(?:bao nhieu|may|nhung|cac) (?P<unit>{'|'.join(_LOCAL)})(?: khac nhau)?(?: nao)?(?!\w)")


def asks_regions(q: "Question") -> bool:
    """Whether the question counts or lists military regions; the caller has checked that it asks
    across the articles."""
    return bool(_ASKS.search(q.folded))


def asks_local(q: "Question") -> str | None:
    """The local unit ("xã", "phường", "thị trấn", "thôn") a question across the articles lists or counts."""
    found = _ASKS_LOCAL.search(q.folded)
    return _LOCAL[found["unit"]] if found else None


def local_units(unit: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """Each unit of this kind once by its name, newest article first, citing the sentence naming it."""
    docs, chunks = store.data.documents, store.data.chunks
    ranked = store.lexical_search(unit, CANDIDATE_CHUNKS).rows.tolist()
    candidates = sorted((docs[d] for d in dict.fromkeys(chunks[r].doc_id for r in ranked) if keep(d)),
                        key=lambda d: d.date or "", reverse=True)
    written = re.compile(rf"(?<!\w){re.escape(unit)} ((?:\w+ ?)+)", re.IGNORECASE)
    found: dict[str, tuple] = {}  # "Đông Khê" -> (it, the article, the sentence naming it)
    for doc in candidates:
        for m in written.finditer(doc.text):
            name = " ".join(itertools.takewhile(lambda w: w[:1].isupper() or w.isdigit(), m.group(1).split()))
            if name and name.lower() not in found:
                found[name.lower()] = (name, doc, sentence_evidence(store.sentences(doc.doc_id), doc, m.start(), m.end()))
    if not found:
        return None
    return titled_rows((f"Các bài viết nêu tên {len(found)} {unit}:",), list(found.values()), q.folded, q.restored)


def regions(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """Each region once, newest article first, citing the sentence that names it there."""
    docs, chunks = store.data.documents, store.data.chunks
    ranked = store.lexical_search("quân khu", CANDIDATE_CHUNKS).rows.tolist()
    candidates = sorted((docs[d] for d in dict.fromkeys(chunks[r].doc_id for r in ranked) if keep(d)),
                        key=lambda d: d.date or "", reverse=True)
    found: dict[str, tuple] = {}  # "Quân khu 9" -> (it, the article, the sentence naming it)
    for doc in candidates:
        for m in _WRITTEN.finditer(doc.text):
            shown = f"Quân khu {int(m.group(1))}"
            if shown not in found:
                found[shown] = (shown, doc, sentence_evidence(store.sentences(doc.doc_id), doc, m.start(), m.end()))
    if not found:
        return None
    return titled_rows((f"Các bài viết nhắc đến {len(found)} quân khu:",), list(found.values()), q.folded, q.restored)
