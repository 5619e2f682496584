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

from danvan_qa.ingest.lexicon import SURNAMES
from danvan_qa.qa.records import Listing, ranked_articles, sentence_evidence, titled_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# folded: "bao nhiêu / những quân khu (nào)", "quân khu nào được nhắc đến …"
_ASKS = re.compile(r"(?<!\w)(?:(?:bao nhieu|may|nhung|cac) quan khu(?: khac nhau)?(?: nao)?|quan khu (?:khac nhau )?nao)(?!\w)")
_WRITTEN = re.compile(r"(?<!\w)[Qq]uân khu (\d{1,2})(?!\d)")
# "Những xã nào …", "bao nhiêu phường" (folded) -> the unit as written
_LOCAL = {"xa": "xã", "phuong": "phường", "thi tran": "thị trấn", "thon": "thôn", "huyen uy": "huyện ủy",
          "quan uy": "quận ủy"}
_NUMBERED = frozenset({"quận", "huyện", "phường", "xã"})  # "Quận ủy quận 21": a unit named by its number
_UNITS = "|".join(_LOCAL)
_ASKS_LOCAL = re.compile(rf"(?<!\w)(?:bao nhieu|may|nhung|cac) (?P<units>(?:{_UNITS})(?:,? (?:(?:va|hoac|hay) )?(?:{_UNITS}))*)"
                         r"(?: khac nhau)?(?: nao)?(?!\w)")


def asks_regions(q: "Question") -> bool:
    """Whether the question counts or lists military regions; the caller has checked that it asks
    across the articles."""
    return bool(_ASKS.search(q.folded))


def asks_local(q: "Question") -> tuple[str, ...]:
    """The local units ("xã", "phường", "huyện ủy, quận ủy" …) a question across the articles lists or counts."""
    found = _ASKS_LOCAL.search(q.folded)
    return tuple(_LOCAL[u] for u in re.findall(_UNITS, found["units"])) if found else ()


def local_units(units: tuple[str, ...], q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """Each unit of these kinds once by its name, newest article first, citing the sentence naming it."""
    docs = store.data.documents
    candidates = sorted((docs[d] for d in ranked_articles(store, " ".join(units), keep)),
                        key=lambda d: d.date or "", reverse=True)
    # the name read ahead, not taken: "xã Đông Khê và xã Tây Sơn" names two
    written = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, units))}) (?=((?:\w+ ?){{1,6}}))", re.IGNORECASE)
    found: dict[tuple[str, str], tuple] = {}  # ("xã", "đông khê") -> (the name, the article, the sentence naming it)
    for doc in candidates:
        people = [p.name for p in store.people_by_doc.get(doc.doc_id, [])]
        for m in written.finditer(doc.text):
            name, unit = _name(m.group(2).split(), people), m.group(1).lower()
            key = (unit, name.lower())
            if name and (not name.isdigit() or unit == "phường") and key not in found:  # "3 xã 2 phường": no "xã 2"
                found[key] = (name, doc, sentence_evidence(store.sentences(doc.doc_id), doc, m.start(), m.end()))
    if not found:
        return None
    return titled_rows((f"Các bài viết nêu tên {len(found)} {', '.join(units)}:",), list(found.values()), q.folded,
                       q.restored)


def _name(words: list[str], people: list[str]) -> str:
    """A unit's name from the words after its kind: up to four capitalised words or a number
    ("Đông Khê", "Nam Sơn 3"), a lower-case kind repeated before it skipped ("huyện ủy huyện Bắc Hà")
    or kept before a number ("quận ủy quận 21"), and cut where a person's name begins ("UBND xã
    Tây Giang Nguyễn Văn A")."""
    lead: list[str] = []
    if len(words) > 1 and words[0].lower() in _NUMBERED and words[0].islower():
        lead, words = (words[:1], words[1:]) if words[1].isdigit() else ([], words[1:])
    run = list(itertools.takewhile(lambda w: w[:1].isupper() or w.isdigit(), words))[:4]
    text = " ".join(run)
    cut = min((text.find(p) for p in people if p and text.find(p) > 0), default=-1)
    run = text[:cut].split() if cut > 0 else run
    # a surname and two more capitalised words after the name begin a person's
    at = next((i for i in range(1, len(run) - 1) if run[i] in SURNAMES), None)
    return " ".join(lead + (run[:at] if at is not None and len(words) > at + 2 and words[at + 2][:1].isupper() else run))


def regions(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """Each region once, newest article first, citing the sentence that names it there."""
    docs = store.data.documents
    candidates = sorted((docs[d] for d in ranked_articles(store, "quân khu", keep)),
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
