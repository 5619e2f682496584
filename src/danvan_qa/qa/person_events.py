"""A person's events across the archive: "Đồng chí X đã dự những hội nghị nào, với cương vị gì?",
"Bao nhiêu hội nghị tại Nam Sơn có ông X chủ trì?" — one row per article naming the person, newest
first, with the fullest role written there; counted by event, two reports of one day's event once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import FOLDED_PROVINCE, place_in
from danvan_qa.qa.title_lists import person_evidence
from danvan_qa.qa.records import rows_shown, Evidence, Item, Listing, Statement, Strong, dated, more_rows, same_event

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person
    from danvan_qa.qa.questions import Question

_HELD_AT = re.compile(rf"(?<!\w)(?:tai|o) (?:(?:tinh|thanh pho|tp) )?{FOLDED_PROVINCE.pattern}")
# "… với vai trò / trên cương vị / với tư cách (là) Y": the role the person held there
_AS_ROLE = re.compile(r"(?<!\w)(?:voi|tren|o) (?:vai tro|cuong vi|tu cach)(?: la)? (?P<role>\w+(?: \w+)*)")
# "… bao nhiêu hội nghị X chủ trì / phát biểu": the act the person did there, as the fact table reads it
_ACTS_ASKED = re.compile(r"(?<!\w)(?:dong )?(chu tri|phat bieu)(?!\w)")


def held_in(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Callable[[str], bool]:
    """The articles `keep` admits whose main event's sentence names the province the question says the
    events were held in ("tại (tỉnh) Nam Sơn"), or all of them when it says none."""
    at = _HELD_AT.search(q.folded)
    if at is None:
        return keep
    docs = store.data.documents
    return lambda d: keep(d) and any(e.main and place_in(at.group(1), fold(docs[d].text[e.start:e.end].lower()))
                                     for e in store.events_by_doc.get(d, []))


def acted_in(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Callable[[str], bool]:
    """The articles `keep` admits where the person did the act the question asks ("chủ trì" is
    chairing or co-chairing), or all of them when it asks none beyond attending."""
    acts = _acts_asked(q)
    if not acts:
        return keep
    did = {p.doc_id for p in store.people_by_name.get(q.person or "", []) if any(act in fold(a) for a in p.acts for act in acts)}
    return lambda d: keep(d) and d in did


def _acts_asked(q: "Question") -> list[str]:
    """The acts (folded) a person's events are narrowed to: none where attending is asked too ("chủ trì hoặc
    dự"), read without the person's name ("Dư" folds to "du", to attend)."""
    said = q.folded.replace(" ".join(fold(q.person).lower().split()), " ") if q.person else q.folded
    acts = list(dict.fromkeys(m[1] for m in _ACTS_ASKED.finditer(said)))  # "chủ trì hoặc phát biểu": either
    return [] if q.person is None or re.search(r"(?<!\w)(?:du|tham du|co mat|tham gia)(?!\w)", said) else acts


def narrowing(q: "Question", whom: str | None = None) -> str:
    """How a person's events were narrowed, as the answer says it: "làm việc với Y", "chủ trì", "tại Nam Sơn"."""
    said = fold(q.restored.lower())  # folding keeps offsets
    at = said.find(whom) if whom else -1
    parts = [f"làm việc với {q.restored[at:at + len(whom)] if at >= 0 else whom}"] if whom else []  # type: ignore[arg-type]
    parts += [" hoặc ".join({"chu tri": "chủ trì", "phat bieu": "phát biểu"}[a] for a in _acts_asked(q))]
    place = _HELD_AT.search(said)
    parts += [f"tại {q.restored[place.start(1):place.end(1)]}"] if place else []
    return ", ".join(p for p in parts if p)


def event_of(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The events of the person the question names, narrowed to a role it names by that role's first
    words (a role may be asked at more length than an article writes it); one event found is the short
    answer, by its article's title."""
    role = _AS_ROLE.search(fold(q.restored))  # folding keeps offsets
    found = history(q.person, store, keep) if role is None else history(  # type: ignore[arg-type]
        q.person, store, keep, role=" ".join(role["role"].split()[:5]),  # type: ignore[arg-type]
        role_shown=q.restored[role.start("role"):role.end("role")])
    if found is None or found.found != 1:
        return found
    return replace(found, value=store.data.documents[found.items[0].evidence.doc_id].title)  # the event asked


def history(name: str, store: "Store", keep: Callable[[str], bool], counted: bool = False,
             by_event: bool = False, role: str | None = None, role_shown: str = "", narrowed: str = "") -> Listing | None:
    """Every article naming the person, newest first, with the fullest role written there; `counted`:
    the short answer is how many ("Trần Văn Bình xuất hiện trong bao nhiêu bài?"), of the events
    (`by_event`: two articles on one day's event are one event) where the question counts those; with
    `role` (folded; `role_shown` as asked), only the articles whose role for the person holds it."""
    best: dict[str, "Person"] = {}
    def in_role(p: "Person") -> bool:  # one who "dẫn đoàn" is its "trưởng đoàn": the delegation's kind in the sentence
        led = role and role.startswith("truong doan") and any(fold(a) == "dan doan" for a in p.acts) and \
            re.search(rf"(?<!\w)doan {role[len('truong doan '):]}", fold(store.data.documents[p.doc_id].text[p.start:p.end]))
        return not role or bool(led or re.search(rf"(?<!\w){role}(?!\w)", fold(p.role or "")))
    for p in filter(lambda p: keep(p.doc_id) and in_role(p), store.people_by_name.get(name, [])):
        held = best.get(p.doc_id)
        if held is None or len(p.role or "") > len(held.role or ""):
            best[p.doc_id] = p
    if not best:
        return None
    docs = store.data.documents
    ordered = sorted(best.values(), key=lambda p: docs[p.doc_id].date or "", reverse=True)
    # an event is its day and place: two reports of one event are one; an article whose event has no day stands alone
    events = {(next((e.date for e in store.events_by_doc.get(p.doc_id, []) if e.main and e.date), None) or p.doc_id,
               docs[p.doc_id].place) for p in ordered}
    found = len(events) if by_event else len(ordered)  # the short answer; the rows stay one per article
    grouped: dict[object, list["Person"]] = {}  # one event however many articles report it: a row, the others under it
    for p in ordered:
        key = same_event(store, p.doc_id)
        first = grouped.get(key, [p])[0]  # two events of one body on one day: one only when the titles tell the same
        grouped.setdefault(key if _same_title(docs[first.doc_id].title, docs[p.doc_id].title) else p.doc_id, []).append(p)
    said = f", {found} sự kiện" if by_event else f", {len(grouped)} sự kiện" if len(grouped) < len(ordered) else ""
    lines = [Statement(("Các bài viết nhắc đến ", Strong(name), f" là {role_shown}" if role_shown else "",
                        f" ({narrowed})" if narrowed else "",
                        f": {len(ordered)} bài{said}."),)]
    items = []
    for p, *others in list(grouped.values())[:rows_shown()]:
        doc, ev = docs[p.doc_id], person_evidence(store, p)
        when = dated(doc.date)
        role = f" — {p.role}" if p.role else ""
        event = next((e for e in store.events_by_doc.get(p.doc_id, []) if e.main), None)
        if event and not event.start <= p.start < event.end:  # the event itself, where another sentence reports it
            lines.append(Statement((f"{when}{doc.title}",), Evidence.of(doc, event.start, event.end), item=True))
            lines.append(Statement(("cương vị: ", f"{p.rank} " if p.rank else "", Strong(p.name), role), ev, item=True,
                                   under=True))
        else:
            lines.append(Statement((f"{when}{doc.title}: ", f"{p.rank} " if p.rank else "", Strong(p.name), role),
                                   ev, item=True))
        for o in others:  # the other report: its event's sentence, and the one giving the role there
            other = next((e for e in store.events_by_doc.get(o.doc_id, []) if e.main), None)
            own = other and not other.start <= o.start < other.end
            lines.append(Statement(("cũng đưa tin trong bài ", Strong(docs[o.doc_id].title)), Evidence.of(
                docs[o.doc_id], other.start, other.end) if own else person_evidence(store, o), item=True, under=True))
            if own:
                lines.append(Statement(("cương vị: ", f"{o.rank} " if o.rank else "", Strong(o.name),
                                        f" — {o.role}" if o.role else ""), person_evidence(store, o), item=True, under=True))
        items.append(Item(p.name, p.role, p.rank, p.acts, ev))
    lines += more_rows(len(grouped))
    return Listing(tuple(lines), tuple(items), len(ordered), str(found) if counted else name)


def _same_title(one: str, other: str) -> bool:
    """Whether two titles report the same event: half their words (folded, the shorter's) in common."""
    a, b = (set(re.findall(r"\w+", fold(t.lower()))) for t in (one, other))
    return len(a & b) >= 0.5 * min(len(a), len(b))
