"""The events table as rows people read: one row per event, its participants and programmes."""

from __future__ import annotations

import csv
from typing import TextIO

from .store import Store

COLUMNS = ("date", "place", "summary", "event", "participants", "programmes", "doc_id", "title", "url", "start", "end")


def table_rows(store: Store) -> list[dict[str, str]]:
    """Main events, newest first; participants as "Name — role (acts)" lines."""
    facts, docs = store.facts, store.data.documents
    rows = []
    for event in sorted((e for e in facts.events if e.main), key=lambda e: e.date or "", reverse=True):
        doc = docs[event.doc_id]
        people: dict[str, list[str]] = {}
        roles: dict[str, str] = {}
        for p in facts.people:
            if p.doc_id != event.doc_id:
                continue
            if p.role and len(p.role) > len(roles.get(p.name, "")):
                roles[p.name] = p.role
            if p.event_id == event.event_id:
                acts = people.setdefault(p.name, [])
                acts.extend(a for a in p.acts if a not in acts)
        participants = "\n".join(
            f"{name} — {roles.get(name, '')} ({', '.join(acts)})".replace(" —  (", " (") for name, acts in people.items()
        )
        programmes = "; ".join(
            p.name + (f" ({p.number})" if p.number else "") for p in facts.programmes if p.doc_id == event.doc_id and p.date
        )
        rows.append({
            "date": event.date or "", "place": event.place or "",
            "summary": ", ".join(event.kinds) + (" — " + ", ".join(event.bodies) if event.bodies else ""),
            "event": doc.text[event.start : event.end], "participants": participants, "programmes": programmes,
            "doc_id": doc.doc_id, "title": doc.title, "url": doc.url or "", "start": str(event.start),
            "end": str(event.end),
        })
    return rows


def write_csv(store: Store, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(table_rows(store))
