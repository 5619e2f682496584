"""The fact table extracted at index time: events, people and their acts, programmes.

Every fact keeps the document id and the [start, end) span of the sentence it
was read from, so an answer built from it can quote that sentence exactly.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Iterable

from . import dates
from .chunking import sentence_spans
from .corpus import Document
from .names import ROLE_LOWER, PersonMention, is_capitalised, people
from .normalize import fold

FACTS_VERSION = 1  # bump when extraction changes: stores re-extract facts without re-embedding
EVENT_KINDS = (  # folded cue -> kind, in order of precedence
    ("ky ket", "ký kết"), ("tong ket", "tổng kết"), ("so ket", "sơ kết"), ("lam viec", "làm việc"),
    ("cuoc hop", "họp"), ("hoi nghi", "hội nghị"), ("trien khai", "triển khai"),
)
# Folded cue -> act. A cue counts when it opens the sentence ("Phát biểu tại hội nghị, X…"),
# when it follows the person's name and role closely ("X phát biểu…"), or, for the
# shared predicates, when it follows the last name of a list ("X, …; Y, … đồng chủ trì").
ACTS = (
    ("dong chu tri", "đồng chủ trì"), ("chu tri", "chủ trì"), ("tham du", "dự"), ("cung du", "dự"),
    ("chung kien", "dự"), ("du ", "dự"), ("phat bieu", "phát biểu"), ("ket luan", "kết luận"),
    ("bao cao", "báo cáo"), ("co cuoc hop voi", "họp"), ("lam viec voi", "làm việc"),
)
SHARED_ACTS = frozenset({"đồng chủ trì", "chủ trì", "dự", "họp"})
_NEAR = 45  # characters after a name (and its role) in which a shared verb is looked for
_VERB_NEAR = 12  # "X phát biểu": speaking acts must follow the name directly
_ORG_HEADS = ("Ban Dân vận", "Công an", "Bộ Công an", "Đảng ủy", "Đoàn kiểm tra", "Ủy ban", "Mặt trận", "Bộ ")
_ORG_STOP = frozenset("và với tổ phối ký đã có cùng về tại trong".split())
_STAGE = re.compile(r"giai đoạn\s+(\d{4}\s*[-–]\s*\d{4})", re.IGNORECASE)
_NUMBER = re.compile(r"\b(\d+-CTr/[\w-]+)", re.IGNORECASE)
_PROGRAMME = re.compile(
    r"[Cc]hương trình(?: số \d+-(?i:CTr)/[\w-]+)?(?: về)?\s*(?:\"([^\"]+)\"|([^.;,(\"]*?giai đoạn\s+\d{4}\s*[-–]\s*\d{4}))"
)


@dataclass(frozen=True)
class Event:
    event_id: str  # "<doc_id>@<n>"
    doc_id: str
    date: str | None  # ISO
    date_text: str  # as written: "4-11", "26/5", "14/2/2022"
    place: str | None
    kinds: tuple[str, ...]
    bodies: tuple[str, ...]  # organisations named in the event sentence
    start: int  # the event sentence
    end: int
    main: bool  # the article's own event (closest to its date), not a past one it recalls


@dataclass(frozen=True)
class Person:
    """A person mentioned with the role the sentence gives them, and what they did there."""

    doc_id: str
    event_id: str | None  # the article's main event when the sentence reports an act at it
    name: str
    rank: str | None
    role: str | None
    acts: tuple[str, ...]
    side: str  # "dân vận", "công an" or "khác", read from the role
    start: int  # the sentence
    end: int


@dataclass(frozen=True)
class Programme:
    doc_id: str
    name: str
    number: str | None
    period: str | None
    parties: tuple[str, ...]
    date: str | None  # signing date, ISO
    date_text: str | None
    start: int  # the sentence that names it (the signing sentence when there is one)
    end: int
    parties_span: tuple[int, int] | None = None  # the sentence naming the parties


@dataclass(frozen=True)
class FactTable:
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    programmes: tuple[Programme, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {k: [dataclasses.asdict(x) for x in getattr(self, k)] for k in ("events", "people", "programmes")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "FactTable":
        def rows(kind: type, key: str) -> tuple[Any, ...]:
            return tuple(kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in r.items()}) for r in data[key])

        return cls(rows(Event, "events"), rows(Person, "people"), rows(Programme, "programmes"))


def organisations(text: str) -> list[str]:
    """Bodies named in a sentence: "Ban Dân vận Thành ủy", "Công an TP Hà Nội", "Bộ Công an"…"""
    found: list[str] = []
    for head in _ORG_HEADS:
        for m in re.finditer(re.escape(head.strip()) + r"\b", text):
            if any(m.start() > s and m.start() < s + len(f) for s, f in ((text.find(x), x) for x in found)):
                continue
            words = text[m.end() :].split()
            taken: list[str] = []
            for w in words:
                core = w.strip(",.;:()\"")
                if not core or core in _ORG_STOP or not (is_capitalised(core) or core in ROLE_LOWER):
                    break
                taken.append(core)
                if core != w:  # punctuation ends the name
                    break
            name = " ".join([text[m.start() : m.end()], *taken]).strip()
            if name not in found and name not in ("Công an", "Bộ"):
                found.append(name)
    found.sort(key=text.find)
    return [f for f in found if not any(f != g and f in g for g in found)]


def _side(role: str | None) -> str:
    folded = fold(role or "")
    if "cong an" in folded:
        return "công an"
    if "dan van" in folded:
        return "dân vận"
    return "khác"


def _acts(sentence: str, mentions: list[PersonMention]) -> list[tuple[str, ...]]:
    """The acts the sentence reports for each of its people."""
    folded = fold(sentence)
    opening = folded[: max(folded.find(","), 0) or 40][:40]
    ends = [max(m.end, m.role_end or 0) for m in mentions]
    result = []
    for end in ends:
        acts: list[str] = []
        for cue, act in ACTS:
            if act in acts or (act == "chủ trì" and "đồng chủ trì" in acts):
                continue
            near = folded[end : end + (_NEAR if act in SHARED_ACTS else _VERB_NEAR + len(cue))]
            own = cue in near or opening.startswith(cue) or (act == "dự" and cue in opening)
            shared = act in SHARED_ACTS and cue in folded[ends[-1] : ends[-1] + _NEAR]
            if own or shared or (act == "họp" and cue in folded):
                acts.append(act)
        result.append(tuple(acts))
    return result


def _events(doc: Document) -> list[Event]:
    year = int(doc.date[:4]) if doc.date else dates.infer_year(doc.text)
    found = []
    for start, end in sentence_spans(doc.text):
        sentence = doc.text[start:end]
        folded = fold(sentence)
        kinds = tuple(kind for cue, kind in EVENT_KINDS if cue in folded)
        mentions = [d for d in dates.find_dates(sentence, cued_only=True)]
        if not kinds or not mentions:
            continue
        when = dates.resolve(mentions[0], year)
        place = dates.PLACE.search(sentence)
        found.append(Event(
            event_id=f"{doc.doc_id}@{len(found)}", doc_id=doc.doc_id, date=when.isoformat() if when else None,
            date_text=sentence[mentions[0].start : mentions[0].end], place=place.group(1) if place else doc.place,
            kinds=kinds, bodies=tuple(organisations(sentence)), start=start, end=end, main=False,
        ))
    if found:
        target = doc.date or ""
        main = min(found, key=lambda e: (abs(_days(e.date) - _days(target)) if e.date and target else 0))
        found = [dataclasses.replace(e, main=e is main) for e in found]
    return found


def _days(iso: str) -> int:
    parsed = dates.parse_iso(iso)
    return parsed.toordinal() if parsed else 0


def _programmes(doc: Document, events: list[Event]) -> list[Programme]:
    """Programmes named in the document, one record each, preferring the sentence that signs it."""
    year = int(doc.date[:4]) if doc.date else dates.infer_year(doc.text)
    main = next((e for e in events if e.main), None)
    merged: dict[str, Programme] = {}
    for start, end in sentence_spans(doc.text):
        sentence = doc.text[start:end]
        for m in _PROGRAMME.finditer(sentence):
            before = fold(sentence[max(0, m.start() - 30) : m.start()])
            signed = "ky ket" in before
            name = (m.group(1) or m.group(0)).strip()
            number = _NUMBER.search(m.group(0))
            period = _STAGE.search(m.group(0))
            key = number.group(1) if number else dates.period_key(period.group(1)) if period else None
            if key is None:
                continue
            between = re.search(r"giữa (.+?)(?:,| giai đoạn|$)", name)
            parties = organisations(between.group(1)) if between else organisations(sentence[: m.start()]) if signed else []
            cued = list(dates.find_dates(sentence, cued_only=True)) if signed else []
            when = dates.resolve(cued[0], year) if cued else None
            when_text = sentence[cued[0].start : cued[0].end] if cued else None
            if signed and not cued and main and "ký kết" in main.kinds:
                when, when_text = dates.parse_iso(main.date or ""), main.date_text
            found = Programme(
                doc_id=doc.doc_id, name=name, number=number.group(1) if number else None,
                period=period.group(1) if period else None, parties=tuple(parties),
                date=when.isoformat() if when else None, date_text=when_text if when else None, start=start, end=end,
                parties_span=(start, end) if parties else None,
            )
            old = merged.get(key)
            if old is None:
                merged[key] = found
            elif signed and old.date is None:  # the signing sentence is the better citation
                merged[key] = found if found.parties else dataclasses.replace(
                    found, parties=old.parties, parties_span=old.parties_span)
            elif not old.parties and found.parties:
                merged[key] = dataclasses.replace(old, parties=found.parties, parties_span=found.parties_span)
    numbered = {dates.period_key(p.period or "") for p in merged.values() if p.number}
    return [p for p in merged.values() if p.number or dates.period_key(p.period or "") not in numbered]


def extract(documents: Iterable[Document]) -> FactTable:
    """Read the fact table out of every document."""
    events: list[Event] = []
    persons: list[Person] = []
    programmes: list[Programme] = []
    for doc in documents:
        doc_events = _events(doc)
        main = next((e for e in doc_events if e.main), None)
        for start, end in sentence_spans(doc.text):
            sentence = doc.text[start:end]
            mentions = people(sentence)
            for mention, acts in zip(mentions, _acts(sentence, mentions)):
                persons.append(Person(
                    doc_id=doc.doc_id, event_id=main.event_id if main and acts else None, name=mention.name,
                    rank=mention.rank, role=mention.role, acts=acts, side=_side(mention.role), start=start, end=end,
                ))
        events.extend(doc_events)
        programmes.extend(_programmes(doc, doc_events))
    return FactTable(tuple(events), tuple(persons), tuple(programmes))
