"""The events table as rows people read: one row per event, its participants and programmes.

An archive holds tens of thousands of events, so the rows are built once per store in one
pass over the fact table (grouped by article, not scanned per event), kept with a folded copy
for search, and handed out a page at a time.
"""

from __future__ import annotations

import csv
import math
import threading
import weakref
from typing import NamedTuple, TextIO

from danvan_qa.index.store import Store
from danvan_qa.ingest.normalize import fold

COLUMNS = ("date", "place", "summary", "event", "participants", "programmes", "doc_id", "title", "url", "start", "end")
PAGE_SIZE = 50


class EventsPage(NamedTuple):
    rows: list[dict[str, str]]  # this page's rows
    matches: list[dict[str, str]]  # every row matching the search (for the CSV download)
    page: int  # 1-based, clamped to the pages there are
    pages: int


def table_rows(store: Store) -> list[dict[str, str]]:
    """Main events, newest first; participants as "Name — role (acts)" lines."""
    facts, docs = store.facts, store.data.documents
    people_of: dict[str, list] = {}
    for p in facts.people:
        people_of.setdefault(p.doc_id, []).append(p)
    programmes_of: dict[str, list[str]] = {}
    for p in facts.programmes:
        if p.date:
            programmes_of.setdefault(p.doc_id, []).append(p.name + (f" ({p.number})" if p.number else ""))
    rows = []
    for event in sorted((e for e in facts.events if e.main), key=lambda e: e.date or "", reverse=True):
        doc = docs[event.doc_id]
        people: dict[str, list[str]] = {}
        roles: dict[str, str] = {}
        for p in people_of.get(event.doc_id, []):
            if p.role and len(p.role) > len(roles.get(p.name, "")):
                roles[p.name] = p.role
            if p.event_id == event.event_id:
                acts = people.setdefault(p.name, [])
                acts.extend(a for a in p.acts if a not in acts)
        participants = "\n".join(
            f"{name} — {roles.get(name, '')} ({', '.join(acts)})".replace(" —  (", " (") for name, acts in people.items()
        )
        rows.append({
            "date": event.date or "", "place": event.place or "",
            "summary": ", ".join(event.kinds) + (" — " + ", ".join(event.bodies) if event.bodies else ""),
            "event": doc.text[event.start : event.end], "participants": participants,
            "programmes": "; ".join(programmes_of.get(event.doc_id, [])),
            "doc_id": doc.doc_id, "title": doc.title, "url": doc.url or "", "start": str(event.start),
            "end": str(event.end),
        })
    return rows


_tables: "weakref.WeakKeyDictionary[Store, tuple[list[dict[str, str]], list[str]]]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _table(store: Store) -> tuple[list[dict[str, str]], list[str]]:
    """The store's rows and their folded text, built once per store (a store never changes)."""
    with _lock:
        found = _tables.get(store)
    if found is None:
        rows = table_rows(store)
        found = rows, [fold(" ".join(r.values())) for r in rows]
        with _lock:
            _tables[store] = found
    return found


def search_events(store: Store, search: str = "", page: int = 1, size: int = PAGE_SIZE) -> EventsPage:
    """The rows matching `search` in any column (diacritics optional), one page of them."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, got {size}")
    rows, folded = _table(store)
    needle = fold(search.strip())
    matches = [r for r, text in zip(rows, folded) if needle in text] if needle else rows
    pages = max(1, math.ceil(len(matches) / size))
    page = min(max(1, int(page)), pages)
    return EventsPage(matches[(page - 1) * size : page * size], matches, page, pages)


def write_csv(store: Store, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(table_rows(store))
