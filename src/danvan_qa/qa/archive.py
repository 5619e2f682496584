"""Questions across the archive, answered from the fact table with a citation per row.

Two shapes, each only when the question asks across articles:

- a person's history: "Đồng chí X đã dự những hội nghị nào, với cương vị gì?" — one row per
  article naming X, with the role there as written, newest first;
- people by title: "Những ai là Thứ trưởng Bộ Công an được nêu tên?", "bao nhiêu Giám đốc Công an
  tỉnh" — one row per person whose role (or rank) holds the title the question names, counted.

Every row quotes the sentence that names the person. Anything else goes through the
single-article pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from danvan_qa.ingest.lexicon import ARCHIVE_CUES, RANKS, TITLE_HEADS
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.records import Candidate, Evidence, Features, Item, Statement, Strong

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person
    from danvan_qa.qa.questions import Question

ROWS_SHOWN = 20  # a longer list says how many more rows there are
_SEVERAL = re.compile(r"(?<!\w)(?:nhung|cac|bao nhieu|may)(?!\w)")
# "… những hội nghị, buổi làm việc nào", "những lần nào", "với cương vị gì": a person's events asked for
_EVENTS = re.compile(r"(?<!\w)(?:nhung|cac) (?:cuoc hop|hoi nghi|buoi|lan|cuoc|su kien|hoat dong)(?:[ ,]+\w+){0,5} nao(?!\w)"
                     r"|(?<!\w)(?:cuong vi|chuc vu) gi(?!\w)")
_WHO = re.compile(r"(?<!\w)ai(?!\w)")
_TITLES = tuple(fold(t) for t in sorted({*TITLE_HEADS, *(r.lower() for r in RANKS)}, key=len, reverse=True))


@dataclass(frozen=True)
class Listing:
    """An archive answer before composing: its statements, items, the rows found and its short value."""

    lines: tuple[Statement, ...]
    items: tuple[Item, ...]
    found: int
    value: str | None

    def candidate(self) -> Candidate:
        evidence = next((s.evidence for s in self.lines if s.evidence is not None), None)
        return Candidate("list", self.value, evidence, Features(("rows",), (float(self.found),)), self.lines, self.items)


def asks_across(q: "Question") -> bool:
    """Whether the question asks across articles: "những / các / bao nhiêu" with "trong các bài",
    "được nêu tên"…"""
    folded = q.folded
    return bool(_SEVERAL.search(folded)) and any(re.search(rf"(?<!\w){cue}(?!\w)", folded) for cue in ARCHIVE_CUES)


def asks_history(q: "Question") -> bool:
    """Whether the question asks for a named person's events: "X đã dự những hội nghị nào",
    "… với cương vị gì" (not "những ai dự … cùng X": that is one event's list)."""
    folded = q.folded
    return bool(q.person and _SEVERAL.search(folded) and _EVENTS.search(folded) and not _WHO.search(folded))


def listing(q: "Question", store: "Store") -> Listing | None:
    """The archive answer to `q`, or None when it is not a question across articles (or none hold).
    A question naming a person or a day is about that person's or that day's event, unless it
    asks for the person's events."""
    if asks_history(q):
        return _history(q.person, store)  # type: ignore[arg-type]
    if q.person or q.dates or not asks_across(q):
        return None
    title = _title(q, store)
    return _by_title(title, q, store) if title else None


def _evidence(store: "Store", p: "Person") -> Evidence:
    return Evidence.of(store.data.documents[p.doc_id], p.start, p.end)


def _history(name: str, store: "Store") -> Listing | None:
    """Every article naming the person, newest first, with the fullest role written there."""
    best: dict[str, "Person"] = {}
    for p in store.people_by_name.get(name, []):
        held = best.get(p.doc_id)
        if held is None or len(p.role or "") > len(held.role or ""):
            best[p.doc_id] = p
    if not best:
        return None
    docs = store.data.documents
    ordered = sorted(best.values(), key=lambda p: docs[p.doc_id].date or "", reverse=True)
    lines = [Statement((f"Các bài viết nhắc đến ", Strong(name), f": {len(ordered)} bài."),)]
    items = []
    for p in ordered[:ROWS_SHOWN]:
        doc, ev = docs[p.doc_id], _evidence(store, p)
        when = _vn(doc.date)
        role = f" — {p.role}" if p.role else ""
        lines.append(Statement((f"{when}{doc.title}: ", f"{p.rank} " if p.rank else "", Strong(p.name), role),
                               ev, item=True))
        items.append(Item(p.name, p.role, p.rank, p.acts, ev))
    lines += _more(len(ordered))
    return Listing(tuple(lines), tuple(items), len(ordered), name)


def _title(q: "Question", store: "Store") -> str | None:
    """The longest run of the question's words, opening with a title word, that some person's
    role or rank holds: "thu truong bo cong an", "giam doc cong an tinh", "dai tuong"."""
    words = q.folded.split()
    roles = [fold(f"{p.rank or ''} {p.role or ''}") for p in store.facts.people]
    for size in range(min(6, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size])
            if phrase.startswith(_TITLES) and any(phrase in role for role in roles):
                return phrase
    return None


def _by_title(title: str, q: "Question", store: "Store") -> Listing | None:
    """One row per person whose role or rank holds the title, in the articles' order of date."""
    docs = store.data.documents
    no_deputies = not title.startswith("pho ")  # "Thứ trưởng" is not "Phó Thứ trưởng"
    found: dict[str, "Person"] = {}
    shown = title
    for p in sorted(store.facts.people, key=lambda p: docs[p.doc_id].date or "", reverse=True):
        written = f"{p.rank or ''} {p.role or ''}"
        at = fold(written).find(title)  # folding keeps offsets: the title as the article writes it
        if at < 0 or (no_deputies and fold(written)[max(0, at - 4):at] == "pho "):
            continue
        if not found:
            shown = written[at:at + len(title)]
        found.setdefault(fold(p.name), p)
    if not found:
        return None
    people = list(found.values())
    lines = [Statement((f"Các bài viết nêu tên {len(people)} người giữ chức danh hoặc cấp bậc ", Strong(shown), ":"),)]
    items = []
    for p in people[:ROWS_SHOWN]:
        ev = _evidence(store, p)
        lines.append(Statement((f"{p.rank} " if p.rank else "", Strong(p.name), f" — {p.role}" if p.role else "",
                                f" ({docs[p.doc_id].title})"), ev, item=True))
        items.append(Item(p.name, p.role, p.rank, p.acts, ev))
    lines += _more(len(people))
    return Listing(tuple(lines), tuple(items), len(people), str(len(people)) if "bao nhieu" in q.folded else people[0].name)


def _more(found: int) -> list[Statement]:
    return [Statement((f"Còn {found - ROWS_SHOWN} dòng nữa không hiện ở đây.",))] if found > ROWS_SHOWN else []


def _vn(iso: str | None) -> str:
    """An article's date as dd/mm/yyyy with a separator, or nothing."""
    if not iso or len(iso) < 10:
        return ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]} — "
