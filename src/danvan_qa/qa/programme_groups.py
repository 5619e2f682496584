"""Mentions of one programme grouped together, however its articles write it.

Articles name a programme by its number, by its period and signing day, or by its period and
parties; two mentions sharing any of these are one programme. Archive lists count programmes
this way (qa/archive.py), and the programme pages show one page per group (interfaces/pages.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from danvan_qa.ingest.dates import period_key
from danvan_qa.ingest.normalize import fold

if TYPE_CHECKING:
    from danvan_qa.ingest.facts import Programme


def programme_keys(prog: "Programme") -> set[tuple[str, ...]]:
    """What identifies a programme however articles write it: its number; its period with its
    signing day, or with its parties. Two mentions sharing one key are one programme."""
    span = period_key(prog.period or "")
    keys = {("#", fold(prog.number))} if prog.number else set()
    if prog.date:
        keys.add((span, prog.date[5:]))
    if prog.parties:
        keys.add((span, *sorted(fold(p) for p in prog.parties)))
    return keys


def programme_groups(programmes: Sequence["Programme"]) -> list[list["Programme"]]:
    """The mentions grouped into programmes (a union over shared keys). A mention naming only a
    period joins the programme of that period its own article names, else the one programme of
    that period; among several of other articles it cannot tell which, and stands alone (an
    article that names a programme is not dropped from a list)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    bare = []
    for i, prog in enumerate(programmes):
        keys = programme_keys(prog)
        if not keys:
            bare.append(i)
            continue
        for key in keys:
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
        root(i)
    groups: dict[int, list[int]] = {}
    for i in list(parent):
        groups.setdefault(root(i), []).append(i)
    periods: dict[str, set[int]] = {}
    for head, members in groups.items():
        for i in members:
            periods.setdefault(period_key(programmes[i].period or ""), set()).add(head)
    for i in bare:
        span = period_key(programmes[i].period or "")
        heads = periods.get(span, set())
        own = [h for h in heads if any(programmes[j].doc_id == programmes[i].doc_id for j in groups[h])]
        if own or len(heads) == 1:
            groups[(own or sorted(heads))[0]].append(i)
        else:
            groups[i] = [i]
            periods.setdefault(span, set()).add(i)
    return [[programmes[i] for i in sorted(members)] for members in groups.values()]
