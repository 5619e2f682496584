"""The chat's pages: a person's record (hồ sơ) and a programme's page, as rows and escaped HTML.

Pure functions from a Store, so they are tested without Gradio. An archive holds tens of
thousands of articles: what the pages look up (names folded for search, programmes merged
across articles, the reviews that name them) is built once per store, as qa/events.py does for
the events table, and a page then reads only its own rows.
"""

from __future__ import annotations

import functools
import re
import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.programme_groups import programme_groups
from danvan_qa.interfaces.ui_render import PROGRAMME_PARAM, cite_html, esc, page_link, vn_date

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person, Programme

FOUND_MAX = 20  # names or programmes offered for one search
_REVIEW = re.compile(r"(?<!\w)(so ket|tong ket)(?!\w)")


@dataclass(frozen=True)
class Cite:
    """A row's source: the sentence as published and the article it is from."""

    quote: str
    title: str
    date: str | None  # the article's date, ISO
    url: str | None

    def html(self) -> str:
        return cite_html(self.quote, self.title, self.date, self.url)


@dataclass(frozen=True)
class PersonRow:
    """One event of a person: when, what, the role the article gives them there, and the source."""

    date: str | None  # ISO: the event's date, else the article's
    event: str  # "hội nghị, ký kết — Hà Nội", or the article's title when it reports no event
    role: str  # rank and role as written, fullest of the article
    acts: tuple[str, ...]
    cite: Cite


@dataclass(frozen=True)
class Fact:
    """One field of a programme's page with the sentence it was read from."""

    label: str
    value: str
    cite: Cite


@dataclass(frozen=True)
class Review:
    date: str | None  # ISO
    kind: str  # "Sơ kết" or "Tổng kết"
    cite: Cite


@dataclass(frozen=True)
class ProgrammeRecord:
    """One programme however many articles name it, with its reviews."""

    key: str  # what the page's address names
    name: str
    number: str | None
    period: str | None
    mentions: tuple["Programme", ...]

    @property
    def label(self) -> str:
        parties = next((m.parties for m in self.mentions if m.parties), ())
        return " · ".join(filter(None, (f"Số {self.number}" if self.number else None, self.name if not self.number
                                        else None, f"giai đoạn {self.period}" if self.period else None,
                                        " – ".join(parties) or None)))


def cite(store: "Store", doc_id: str, start: int, end: int) -> Cite:
    """The sentence [start, end) of an article's normalised text, as the article published it."""
    doc = store.data.documents[doc_id]
    a, b = doc.published_span(start, end)
    return Cite(doc.published[a:b], doc.title, doc.date, doc.url)


# -- people --------------------------------------------------------------------------------------

def find_people(store: "Store", query: str, limit: int = FOUND_MAX) -> list[str]:
    """Names holding the query (diacritics optional), the exact name first, then those named in
    the most articles."""
    needle = fold(query.strip())
    if not needle:
        return []
    found = [name for folded, name in store.stored_facts.folded_names if needle in folded]
    docs = {name: len({p.doc_id for p in store.people_by_name.get(name, [])}) for name in found}
    return sorted(found, key=lambda n: (fold(n) != needle, -docs[n], n))[:limit]


def person_rows(store: "Store", name: str) -> list[PersonRow]:
    """Every event of the person, one row per article naming them, newest first."""
    by_doc: dict[str, list["Person"]] = {}
    for p in store.people_by_name.get(name, []):
        by_doc.setdefault(p.doc_id, []).append(p)
    rows = []
    for doc_id, mentions in by_doc.items():
        best = max(mentions, key=lambda p: len(f"{p.rank or ''} {p.role or ''}"))
        acts = tuple(dict.fromkeys(a for p in mentions for a in p.acts))
        events = store.events_by_doc.get(doc_id, [])
        own = {p.event_id for p in mentions if p.event_id}
        event = next((e for e in events if e.event_id in own), None) or next((e for e in events if e.main), None)
        doc = store.data.documents[doc_id]
        what = (", ".join(event.kinds) + (f" — {event.place}" if event.place else "")) if event else doc.title
        role = " ".join(filter(None, (best.rank, best.role)))
        rows.append(PersonRow(event.date if event and event.date else doc.date, what, role, acts,
                              cite(store, doc_id, best.start, best.end)))
    return sorted(rows, key=lambda r: r.date or "", reverse=True)


def person_html(store: "Store", name: str) -> str:
    """A person's page: their events by date, each with the role and a citation."""
    rows = person_rows(store, name)
    if not rows:
        return f'<div class="dv-page"><p>Không tìm thấy {esc(name)} trong các bài viết.</p></div>'
    body = "".join(
        f"<tr><td>{esc(vn_date(r.date) or 'không rõ')}</td><td>{esc(r.event)}</td><td>{esc(r.role)}"
        f"{esc(' (' + ', '.join(r.acts) + ')') if r.acts else ''}</td><td>{r.cite.html()}</td></tr>" for r in rows)
    return (f'<div class="dv-page dv-person"><h3>{esc(name)}</h3><p>{len(rows)} sự kiện, mới nhất trước.</p>'
            "<table><thead><tr><th>Ngày</th><th>Sự kiện</th><th>Vai trò</th><th>Nguồn</th></tr></thead>"
            f"<tbody>{body}</tbody></table></div>")


# -- programmes ----------------------------------------------------------------------------------

def _record(store: "Store", mentions: list["Programme"]) -> ProgrammeRecord:
    docs = store.data.documents
    mentions.sort(key=lambda m: (m.date is None, m.date or docs[m.doc_id].date or ""))
    number = next((m.number for m in mentions if m.number), None)
    period = next((dates.period_key(m.period) for m in mentions if m.period), None)
    quoted = next((m.name for m in mentions if not m.name.lower().startswith("chương trình")), None)
    # by number, else period and parties; a plan of a year by its name (which holds the year) and parties
    span = period or ("" if any(m.number for m in mentions) else fold(mentions[0].name.lower()).replace(" ", "-"))
    key = f"so-{number}" if number else f"{span}-{fold(' '.join(mentions[0].parties)).replace(' ', '-')}"
    return ProgrammeRecord(key, quoted or mentions[0].name, number, period, tuple(mentions))


class Programmes:
    """The archive's programmes, merged once per store (one pass over the programme facts), and the
    reviews that name them, read on the first programme page shown (they read articles' texts)."""

    def __init__(self, store: "Store") -> None:
        self.store = store
        groups = programme_groups(store.stored_facts.programmes, store.data.documents)
        records = [_record(store, group) for group in groups]
        keys: dict[str, int] = {}
        for n, r in enumerate(records):  # two programmes with one address: the second is told apart
            keys[r.key] = keys.get(r.key, 0) + 1
            if keys[r.key] > 1:
                records[n] = ProgrammeRecord(f"{r.key}-{keys[r.key]}", r.name, r.number, r.period, r.mentions)
        self.records = records
        self.by_key = {r.key: r for r in records}
        self.by_mention = {(m.doc_id, m.start, m.name): r.key for r in records for m in r.mentions}
        self.folded = [fold(" ".join((r.label, r.name))) for r in records]

    @functools.cached_property
    def reviews(self) -> dict[str, list[Review]]:
        """Each programme's reviews by its key, oldest first (a benign race at worst reads them twice)."""
        return _reviews(self.store, self.records)


def _reviews(store: "Store", records: list[ProgrammeRecord]) -> dict[str, list[Review]]:
    """The sentences that review a programme (sơ kết, tổng kết) and name it, by number or by its
    period in an article that names its parties; read once, in the articles that report a review."""
    by_number = {fold(r.number): r for r in records if r.number}
    by_period: dict[str, list[ProgrammeRecord]] = {}
    for r in records:
        if r.period:
            by_period.setdefault(r.period, []).append(r)
    found: dict[str, list[Review]] = {}
    review_docs = {e.doc_id for e in store.facts.events if {"sơ kết", "tổng kết"} & set(e.kinds)}
    for doc_id in sorted(review_docs):
        doc = store.data.documents[doc_id]
        folded = fold(doc.text)  # one character for one: offsets hold
        events = {e.start: e for e in store.events_by_doc.get(doc_id, [])}
        main = next((e for e in events.values() if e.main), None)
        for start, end in store.sentences(doc_id):
            cue = _REVIEW.search(folded, start, end)
            if not cue:
                continue
            sentence = doc.text[start:end]
            named = {by_number[fold(m.group(0))].key: by_number[fold(m.group(0))]
                     for m in dates.CODE.finditer(sentence) if fold(m.group(0)) in by_number}
            for period in dates.periods_in(sentence):
                for r in by_period.get(dates.period_key(period), []):
                    parties = next((m.parties for m in r.mentions if m.parties), ())
                    if parties and all(fold(p) in folded for p in parties):
                        named.setdefault(r.key, r)
            event = events.get(start) or main
            when = event.date if event and event.date else doc.date
            kind = "Sơ kết" if cue.group(1) == "so ket" else "Tổng kết"
            for key in named:
                found.setdefault(key, []).append(Review(when, kind, cite(store, doc_id, start, end)))
    return {k: sorted(v, key=lambda r: r.date or "") for k, v in found.items()}


_built: "weakref.WeakKeyDictionary[Store, Programmes]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def programmes(store: "Store") -> Programmes:
    """The store's programmes, built once per store (a store never changes)."""
    with _lock:
        found = _built.get(store)
    if found is None:
        found = Programmes(store)
        with _lock:
            _built[store] = found
    return found


def find_programmes(store: "Store", query: str = "", limit: int = FOUND_MAX) -> list[ProgrammeRecord]:
    """Programmes whose number, name, period or parties hold the query (diacritics optional), newest first."""
    index = programmes(store)
    needle = fold(query.strip())
    chosen = [r for r, text in zip(index.records, index.folded) if needle in text]
    return sorted(chosen, key=lambda r: max((m.date or "" for m in r.mentions), default=""), reverse=True)[:limit]


def programme_facts(store: "Store", record: ProgrammeRecord) -> list[Fact]:
    """Number, parties, period and signing date, each with the sentence it was read from."""
    facts = []
    with_number = next((m for m in record.mentions if m.number), None)
    if with_number:
        facts.append(Fact("Số hiệu", with_number.number or "", cite(store, with_number.doc_id, with_number.start,
                                                                    with_number.end)))
    with_parties = next((m for m in record.mentions if m.parties), None)
    if with_parties:
        a, b = with_parties.parties_span or (with_parties.start, with_parties.end)
        facts.append(Fact("Các bên", " – ".join(with_parties.parties), cite(store, with_parties.doc_id, a, b)))
    with_period = next((m for m in record.mentions if m.period), None)
    if with_period:
        facts.append(Fact("Giai đoạn", dates.period_key(with_period.period or ""),
                          cite(store, with_period.doc_id, with_period.start, with_period.end)))
    signed = next((m for m in record.mentions if m.date), None)
    if signed:
        facts.append(Fact("Ngày ký", vn_date(signed.date), cite(store, signed.doc_id, signed.start, signed.end)))
    return facts


def programme_html(store: "Store", key: str) -> str:
    """A programme's page: its facts, its reviews and the other articles naming it, each cited."""
    record = programmes(store).by_key.get(key)
    if record is None:
        return '<div class="dv-page"><p>Không tìm thấy chương trình này.</p></div>'
    facts = "".join(f"<tr><th>{esc(f.label)}</th><td>{esc(f.value)}</td><td>{f.cite.html()}</td></tr>"
                    for f in programme_facts(store, record))
    reviews = "".join(f"<tr><td>{esc(vn_date(r.date) or 'không rõ')}</td><td>{esc(r.kind)}</td>"
                      f"<td>{r.cite.html()}</td></tr>" for r in programmes(store).reviews.get(key, []))
    reviewed = (f"<table><thead><tr><th>Ngày</th><th>Hoạt động</th><th>Nguồn</th></tr></thead><tbody>{reviews}"
                "</tbody></table>") if reviews else "<p>Chưa có bài viết nào về sơ kết, tổng kết chương trình.</p>"
    mentions = "".join(f"<li>{cite(store, m.doc_id, m.start, m.end).html()}</li>" for m in record.mentions)
    return (f'<div class="dv-page dv-programme"><h3>{esc(record.name)}</h3>'
            f"<table><tbody>{facts}</tbody></table><h4>Sơ kết, tổng kết</h4>{reviewed}"
            f"<h4>Các bài viết nhắc đến chương trình</h4><ul>{mentions}</ul></div>")


def programmes_cell(store: "Store", doc_id: str) -> str:
    """The events table's programme column (Markdown): the programmes the article signs, each
    linked to its page."""
    from danvan_qa.qa.compose import md_escape

    index = programmes(store)
    cells = []
    for m in store.programmes_by_doc.get(doc_id, []):
        key = index.by_mention.get((m.doc_id, m.start, m.name))
        if m.date and key:
            label = md_escape(m.name if not m.number or m.number in m.name else f"{m.name} ({m.number})")
            cells.append(f"[{label}]({page_link(PROGRAMME_PARAM, key)})")
    return "; ".join(cells)
