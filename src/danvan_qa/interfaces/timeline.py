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


# One colour per group shown, the rest grey. Drawn here rather than with gr.BarPlot: Gradio's
# plot keeps the colour domain of the first data it drew, so a new grouping or search drew no bars.
COLOURS = ("#2563eb", "#ea580c", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#ca8a04", "#db2777")
GREY = "#9ca3af"
BAR_W, GAP, PLOT_H, TOP, BOTTOM = 36, 24, 180, 22, 26  # pixels


def chart_html(bars: list[Bar]) -> str:
    """Stacked bars, one per year, a colour per province or partner, with a legend; escaped text only."""
    from danvan_qa.interfaces.ui_render import esc

    if not bars:
        return '<div class="dv-timeline"><p>Chưa có sự kiện có ngày để vẽ biểu đồ.</p></div>'
    years = sorted({b.year for b in bars})
    groups = list(dict.fromkeys(b.group for b in sorted(bars, key=lambda b: b.group == OTHER)))
    colour = {g: GREY if g == OTHER else COLOURS[n % len(COLOURS)] for n, g in enumerate(groups)}
    totals = {y: sum(b.events for b in bars if b.year == y) for y in years}
    scale = PLOT_H / max(totals.values())
    width = GAP + len(years) * (BAR_W + GAP)
    parts = [f'<line x1="0" y1="{TOP + PLOT_H}" x2="{width}" y2="{TOP + PLOT_H}" stroke="#9ca3af"/>']
    for i, year in enumerate(years):
        x, base = GAP + i * (BAR_W + GAP), TOP + PLOT_H
        for b in sorted((b for b in bars if b.year == year), key=lambda b: groups.index(b.group)):
            h = b.events * scale
            base -= h
            parts.append(f'<rect x="{x}" y="{base:.1f}" width="{BAR_W}" height="{h:.1f}" fill="{colour[b.group]}">'
                         f"<title>{esc(f'{year} · {b.group}: {b.events} sự kiện')}</title></rect>")
        middle = x + BAR_W / 2
        parts.append(f'<text x="{middle}" y="{base - 6:.1f}" text-anchor="middle">{totals[year]}</text>')
        parts.append(f'<text x="{middle}" y="{TOP + PLOT_H + 18}" text-anchor="middle">{esc(year)}</text>')
    legend = "".join(f'<li><span class="dv-swatch" style="background:{colour[g]}"></span>{esc(g)}</li>' for g in groups)
    return (f'<div class="dv-timeline"><svg role="img" aria-label="Số sự kiện theo năm" width="{width}" '
            f'height="{TOP + PLOT_H + BOTTOM}" viewBox="0 0 {width} {TOP + PLOT_H + BOTTOM}" font-size="12" '
            f'fill="currentColor">{"".join(parts)}</svg><ul class="dv-legend">{legend}</ul></div>')
