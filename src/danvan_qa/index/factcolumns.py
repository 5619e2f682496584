"""The fact table by article, so a question reads the facts of the articles it touches, not all.

At 20,000 articles the fact table is 82k people, 27k events and 11k programmes. Read whole from
one JSON file (format 5) it took 1.6 s of every start-up, holding the interpreter while the
encoder loaded. A generation now holds

    facts.bin        each article's events and people as compact JSON, article after article
    facts.npy        int64 (articles + 1): where each article's facts start in facts.bin
    names.json       every person's name (longest first), folded, and the articles naming them
    programmes.json  every programme (a few per article), read whole on first use

A question's parse needs the names; its drafts need the facts of the articles retrieved, each
article's parsed once; only the archive-wide views (events table, timeline, archive questions)
read them all (`table`). A store without checksums (nothing proves the files are what the indexer
held to the text) holds each article's facts to its text as they are read (grounding.py).
"""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path
from typing import Any, Callable, Generic, Sequence, TypeVar

import numpy as np

from danvan_qa.errors import StoreError
from danvan_qa.index.checksums import REPAIR_HINT
from danvan_qa.index.columns import Documents, mapped
from danvan_qa.index.grounding import grounded
from danvan_qa.ingest.facts import Event, FactTable, Person, Programme
from danvan_qa.ingest.normalize import fold
from danvan_qa.lazy import Lazy

FACT_ROWS, FACT_BOUNDS, NAMES, PROGRAMMES = "facts.bin", "facts.npy", "names.json", "programmes.json"

K = TypeVar("K")
V = TypeVar("V")


def write_facts(folder: Path, facts: FactTable, order: Sequence[str]) -> None:
    """The files above for `facts`, the articles in `order` (the documents' column order)."""
    position = {doc_id: i for i, doc_id in enumerate(order)}
    rows: list[dict[str, list[dict[str, Any]]]] = [{"events": [], "people": []} for _ in order]
    names: dict[str, set[int]] = {}
    try:
        for event in facts.events:
            rows[position[event.doc_id]]["events"].append(dataclasses.asdict(event))
        for person in facts.people:
            rows[position[person.doc_id]]["people"].append(dataclasses.asdict(person))
            names.setdefault(person.name, set()).add(position[person.doc_id])
    except KeyError as exc:
        raise ValueError(f"a fact of article {exc.args[0]!r}, which the catalogue does not hold") from None
    bounds = np.zeros(len(order) + 1, dtype=np.int64)
    with (folder / FACT_ROWS).open("wb") as fh:
        for i, row in enumerate(rows):
            if row["events"] or row["people"]:
                fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            bounds[i + 1] = fh.tell()
    np.save(folder / FACT_BOUNDS, bounds)
    ordered = sorted(names, key=lambda n: (-len(n), n))
    index = {"name": ordered, "folded": [fold(n) for n in ordered], "docs": [sorted(names[n]) for n in ordered]}
    (folder / NAMES).write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    programmes = [dataclasses.asdict(p) for p in facts.programmes]
    (folder / PROGRAMMES).write_text(json.dumps(programmes, ensure_ascii=False), encoding="utf-8")


class Keyed(Generic[K, V]):
    """A read-only lookup made by a function, used as the dicts it replaces: `get`, `in`, `[]`."""

    def __init__(self, find: Callable[[K], list[V]]) -> None:
        self._find = find

    def get(self, key: K, default: list[V] | None = None) -> list[V] | None:
        return self._find(key) or default

    def __contains__(self, key: object) -> bool:
        return bool(self._find(key))  # type: ignore[arg-type]

    def __getitem__(self, key: K) -> list[V]:
        found = self._find(key)
        if not found:
            raise KeyError(key)
        return found


class _Article:
    """One article's facts as read: its events, its people, and its people by sentence."""

    def __init__(self, events: tuple[Event, ...], people: tuple[Person, ...]) -> None:
        self.events, self.people = list(events), list(people)
        self.at: dict[int, list[Person]] = {}
        for person in people:
            self.at.setdefault(person.start, []).append(person)


class StoredFacts:
    """A generation's fact files, mapped at open; parsed per article, names and programmes whole,
    each once, on first use (safe to share between threads)."""

    def __init__(self, gen: Path, documents: Documents, ground: bool) -> None:
        self._gen, self._documents, self._ground = gen, documents, ground
        self._blob = mapped(gen / FACT_ROWS)  # every file mapped now: readable after an indexer removes it
        self._names_raw, self._programmes_raw = mapped(gen / NAMES), mapped(gen / PROGRAMMES)
        self._bounds = np.load(gen / FACT_BOUNDS, mmap_mode="r", allow_pickle=False)
        if self._bounds.shape != (len(documents) + 1,) or (len(documents) and self._bounds[-1] != len(self._blob)):
            raise ValueError("fact bounds do not match the articles or facts.bin")
        self._articles: dict[int, _Article] = {}
        self._lock = threading.Lock()
        self._names = Lazy(self._name_index)
        self._programmes = Lazy(self._programme_index)
        self._dropped = 0

    def take_dropped(self) -> int:
        """How many facts grounding dropped since last asked (told once by the store)."""
        with self._lock:
            dropped, self._dropped = self._dropped, 0
        return dropped

    def _parse(self, name: str, raw: bytes, make: Callable[[Any], Any]) -> Any:
        try:
            return make(json.loads(raw))
        except Exception as exc:  # noqa: BLE001 - every parse failure means the same thing to the user
            raise StoreError(f"index file {self._gen / name} is corrupted ({type(exc).__name__}: {exc}); "
                             f"{REPAIR_HINT}") from None

    def _held(self, facts: FactTable, documents: dict) -> FactTable:
        if not self._ground:
            return facts
        kept, dropped = grounded(facts, documents)
        with self._lock:
            self._dropped += dropped
        return kept

    def _article(self, doc_id: str) -> _Article:
        if doc_id not in self._documents:
            return _Article((), ())
        i = self._documents.position(doc_id)
        found = self._articles.get(i)
        if found is None:
            start, end = self._bounds[i : i + 2].tolist()
            if start == end:
                table = FactTable()
            else:
                table = self._parse(FACT_ROWS, self._blob[start:end],
                                    lambda rows: FactTable.from_json({**rows, "programmes": []}))
                table = self._held(table, {doc_id: self._documents[doc_id]})
            found = _Article(table.events, table.people)
            with self._lock:
                found = self._articles.setdefault(i, found)
        return found

    def people_of(self, doc_id: str) -> list[Person]:
        return self._article(doc_id).people

    def events_of(self, doc_id: str) -> list[Event]:
        return self._article(doc_id).events

    def people_at(self, key: tuple[str, int]) -> list[Person]:
        """The people named in the sentence starting at key[1] of article key[0]."""
        return self._article(key[0]).at.get(key[1], [])

    def _name_index(self) -> tuple[tuple[tuple[str, str], ...], dict[str, list[int]]]:
        def make(index: dict[str, list]) -> tuple[tuple[tuple[str, str], ...], dict[str, list[int]]]:
            names, folded, docs = index["name"], index["folded"], index["docs"]
            if not len(names) == len(folded) == len(docs):
                raise ValueError("name columns of different lengths")
            return tuple(zip(folded, names)), dict(zip(names, docs))
        return self._parse(NAMES, self._names_raw[:], make)

    @property
    def folded_names(self) -> tuple[tuple[str, str], ...]:
        """(folded, as written) of every person's name, longest first, as FactTable gives them."""
        return self._names.get()[0]

    def people_named(self, name: str) -> list[Person]:
        ids = self._documents.ids
        return [p for i in self._names.get()[1].get(name, ()) for p in self.people_of(ids[i]) if p.name == name]

    def _programme_index(self) -> tuple[tuple[Programme, ...], dict[str, list[Programme]]]:
        rows = self._parse(PROGRAMMES, self._programmes_raw[:],
                           lambda rows: FactTable.from_json({"events": [], "people": [], "programmes": rows}))
        programmes = self._held(rows, self._documents).programmes
        by_doc: dict[str, list[Programme]] = {}
        for programme in programmes:
            by_doc.setdefault(programme.doc_id, []).append(programme)
        return programmes, by_doc

    @property
    def programmes(self) -> tuple[Programme, ...]:
        return self._programmes.get()[0]

    def programmes_of(self, doc_id: str) -> list[Programme]:
        return self._programmes.get()[1].get(doc_id, [])

    def table(self) -> FactTable:
        """The whole table, every article read (the archive-wide views)."""
        events: list[Event] = []
        people: list[Person] = []
        for doc_id in self._documents.ids:
            article = self._article(doc_id)
            events.extend(article.events)
            people.extend(article.people)
        return FactTable(tuple(events), tuple(people), self.programmes)
