"""The events table: one pass over the facts, searched and paged on the server."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from danvan_qa.ingest.corpus import load_corpus
from danvan_qa.qa.events import search_events, table_rows
from danvan_qa.ingest.facts import extract

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@dataclass(eq=False)
class Data:
    documents: dict


@dataclass(eq=False)
class FakeStore:  # what the table reads of a store: its fact table and documents
    facts: object
    data: Data


@pytest.fixture(scope="module")
def store() -> FakeStore:
    docs = load_corpus(CORPUS).documents
    return FakeStore(extract(docs), Data({d.doc_id: d for d in docs}))


def test_rows_hold_each_events_own_people_and_articles_programmes(store):
    rows = table_rows(store)
    main = [e for e in store.facts.events if e.main]
    assert len(rows) == len(main) and rows == sorted(rows, key=lambda r: r["date"], reverse=True)
    for row in rows:
        event = next(e for e in main if e.doc_id == row["doc_id"] and str(e.start) == row["start"])
        names = {p.name for p in store.facts.people if p.event_id == event.event_id}  # the naive way
        assert {line.split(" — ")[0].split(" (")[0] for line in row["participants"].splitlines()} == names
        for prog in (p for p in store.facts.programmes if p.doc_id == row["doc_id"] and p.date):
            assert prog.name in row["programmes"]


def test_search_is_folded_and_paged(store):
    everything = search_events(store, "", 1, size=2)
    total = len(table_rows(store))
    assert everything.pages == math.ceil(total / 2) and len(everything.rows) == min(2, total)
    assert len(everything.matches) == total
    assert [r["doc_id"] for p in range(1, everything.pages + 1) for r in search_events(store, "", p, 2).rows] == \
        [r["doc_id"] for r in everything.matches]  # the pages cover every row once, in order
    hue = search_events(store, "thua thien")
    assert [r["place"] for r in hue.matches] == ["Thừa Thiên Huế"] and hue.pages == 1
    assert search_events(store, "", 10_000, size=2).page == everything.pages  # past the end: the last page
    assert search_events(store, "no such words anywhere").rows == []
    with pytest.raises(ValueError, match="page size"):
        search_events(store, "", 1, size=0)
