"""The events tab's timeline: events per year, by province or by partner body.

Counted from the rows the events tab shows (the same search), each row's event looked up once
per store by its article and sentence, so the chart follows what the table lists.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Event

BY_PLACE, BY_PARTNER = "place", "partner"
GROUPS_SHOWN = 8  # the most frequent places or partners; the rest are counted as OTHER
OTHER, UNKNOWN = "Khác", "Không rõ"
_PREFIX = re.compile(r"^(?:tỉnh|thành phố|TP\.?)\s+", re.IGNORECASE)


class Bar(NamedTuple):
    year: str
    group: str  # a province or a partner body
    events: int


_events: "weakref.WeakKeyDictionary[Store, dict[tuple[str, int], Event]]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _by_sentence(store: "Store") -> dict[tuple[str, int], "Event"]:
    """The store's main events by (article, sentence start), built once per store."""
    with _lock:
        found = _events.get(store)
    if found is None:
        found = {(e.doc_id, e.start): e for e in store.facts.events if e.main}
        with _lock:
            _events[store] = found
    return found


def province(place: str | None) -> str:
    """A place as one name however it is written: "tỉnh Bắc Hà" and "Bắc Hà" are one bar."""
    return _PREFIX.sub("", place or "").strip() or UNKNOWN


def timeline(store: "Store", by: str = BY_PLACE, search: str = "") -> list[Bar]:
    """Events per year of the events tab's rows matching `search`, by province or by partner
    (an event with three bodies counts once for each); undated events have no year to stand in."""
    from danvan_qa.qa.events import search_events

    if by not in (BY_PLACE, BY_PARTNER):
        raise ValueError(f"timeline by {by!r}: expected {BY_PLACE!r} or {BY_PARTNER!r}")
    events = _by_sentence(store)
    counts: Counter[tuple[str, str]] = Counter()
    for row in search_events(store, search).matches:
        event = events.get((row["doc_id"], int(row["start"])))
        if event is None or not event.date:
            continue
        groups = [province(event.place)] if by == BY_PLACE else list(event.bodies) or [UNKNOWN]
        for group in groups:
            counts[event.date[:4], group] += 1
    totals: Counter[str] = Counter()
    for (_, group), n in counts.items():
        totals[group] += n
    shown = {g for g, _ in sorted(totals.items(), key=lambda t: (-t[1], t[0]))[:GROUPS_SHOWN]}
    bars: Counter[tuple[str, str]] = Counter()
    for (year, group), n in counts.items():
        bars[year, group if group in shown else OTHER] += n
    return [Bar(year, group, n) for (year, group), n in sorted(bars.items())]
