"""Mentions of one programme grouped together, however its articles write it.

Articles name a programme by its number, by its period and signing day, or by its period and
parties; two mentions sharing any of these are one programme. A party named by its level only
("Công an tỉnh", "Ban Dân vận Tỉnh ủy") is the one of its article's place: two provinces'
programmes of one period are two. Archive lists count programmes this way
(qa/programme_lists.py), and the programme pages show one page per group (interfaces/pages.py).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Mapping, Sequence

from danvan_qa.ingest.abbreviations import spellings
from danvan_qa.ingest.dates import period_key
from danvan_qa.ingest.normalize import fold

if TYPE_CHECKING:
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.ingest.facts import Programme

# a party whose name ends with its level names no place of its own: "công an tỉnh", "ban dân vận thành ủy"
_LEVEL_ENDS = frozenset({"tinh", "uy", "pho", "huyen", "xa", "phuong", "quan", "thi"})


@functools.lru_cache(maxsize=65536)
def _party(name: str, place: str | None) -> str:
    """A party as keyed, with its article's place where its name ends with its level; cached: every programme of the
    archive is keyed per list, and parties and places repeat a few hundred."""
    folded = fold(name.lower())
    return f"{folded} @{fold((place or '').lower())}" if folded.rpartition(" ")[2] in _LEVEL_ENDS else folded


def programme_keys(prog: "Programme", place: str | None = None) -> set[tuple[str, ...]]:
    """What identifies a programme however articles write it: its number (a bare "số 09" with its
    article's place; joined to a code in `programme_groups`); its period with its
    signing day, or with its parties (a level-only party qualified by `place`, its article's); a plan
    of a year, its name in its place, with its parties (else its day) or its article. Two mentions sharing
    one key are one programme."""
    keys = set()
    span = period_key(prog.period or "")
    plan = not span and not prog.number
    if plan:  # a plan of a year: its name, which holds the year, in its place ("kế hoạch phối hợp năm 2025" is every
        # province's), and its article, so that it is never left to join another by period
        span = f"{fold(prog.name.lower())} @{fold((place or '').lower())}"
        keys.add((span, prog.doc_id))
    if prog.number:  # a bare number ("số 09") restarts with every issuer: one programme in its province only
        keys.add(("#", prog.number.lstrip("0"), fold((place or "").lower())) if prog.number.isdigit()
                 else ("#", fold(prog.number)))
    if prog.date and not (plan and prog.parties):  # two places' plans of one name and day: told by their parties
        keys.add((span, prog.date[5:]))
    if prog.parties:
        keys.add((span, *sorted(_party(p, place) for p in prog.parties)))
    return keys


def programme_groups(programmes: Sequence["Programme"],
                     documents: Mapping[str, "Document"] | None = None) -> list[list["Programme"]]:
    """The mentions grouped into programmes (a union over shared keys). A mention naming only a
    period joins the programme of that period its own article names, else the one programme of
    that period whose parties its article names (with `documents`; without them, the one
    programme of that period); else it stands alone: an article naming a programme is not
    dropped from a list."""
    place = (lambda doc_id: documents[doc_id].place if doc_id in documents else None) if documents else (lambda _: None)
    parent: dict[int, int] = {}

    def root(i: int) -> int:  # halving the path as it goes: the same root, found in few steps at archive size
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    bare = []
    for i, prog in enumerate(programmes):
        keys = programme_keys(prog, place(prog.doc_id))
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
    by_doc: dict[tuple[str, str], set[int]] = {}  # (period, article) -> the programmes it names
    for head, members in groups.items():
        for i in members:
            span = period_key(programmes[i].period or "")
            periods.setdefault(span, set()).add(head)
            by_doc.setdefault((span, programmes[i].doc_id), set()).add(head)
    parties_of: dict[int, set[tuple[str, str]]] = {}  # a group's parties, read once (a bare mention adds none)
    for i in bare:
        span, doc_id = period_key(programmes[i].period or ""), programmes[i].doc_id
        own = sorted(by_doc.get((span, doc_id), ()))
        heads = sorted(periods.get(span, set()))
        named = own or (_named_by(doc_id, heads, groups, programmes, documents, parties_of) if documents else heads)
        if own or len(named) == 1:
            groups[named[0]].append(i)
        else:
            groups[i] = [i]
            periods.setdefault(span, set()).add(i)
            by_doc.setdefault((span, doc_id), set()).add(i)
    if documents:
        _join_shortened(programmes, groups, documents, parties_of)
    return [[programmes[i] for i in sorted(members)] for members in groups.values()]


def _join_shortened(programmes: Sequence["Programme"], groups: dict[int, list[int]],
                    documents: Mapping[str, "Document"], parties_of: dict[int, set[tuple[str, str]]]) -> None:
    """A programme known by a bare number only ("Chương trình phối hợp số 05", an article's short
    form) joins the one programme whose code starts with that number and whose parties its article
    names; else it stays a programme of its own (numbers restart with every issuer)."""
    coded: dict[str, set[int]] = {}
    for head, members in groups.items():
        for i in members:
            number = programmes[i].number or ""
            if number and not number.isdigit():
                coded.setdefault(number.split("/")[0].split("-")[0].lstrip("0"), set()).add(head)
    for head in list(groups):
        members = groups.get(head, [])
        if not members or any(programmes[i].number and not programmes[i].number.isdigit() for i in members):
            continue
        short = {programmes[i].number.lstrip("0") for i in members if programmes[i].number}
        heads = _named_by(programmes[members[0]].doc_id, sorted(h for n in short for h in coded.get(n, ())), groups,
                          programmes, documents, parties_of)
        if len(heads) == 1:
            groups[heads[0]].extend(groups.pop(head))
            parties_of.pop(heads[0], None)  # it has the joined one's parties now


def _named_by(doc_id: str, heads: list[int], groups: dict[int, list[int]], programmes: Sequence["Programme"],
              documents: Mapping[str, "Document"], parties_of: dict[int, set[tuple[str, str]]]) -> list[int]:
    """The programmes whose every party an article names, however abbreviated (a level-only one
    in the article's own place); each party looked up once in the article's folded text, each
    group's parties once per grouping (`parties_of`)."""
    doc = documents.get(doc_id)
    if doc is None:
        return []
    text: str | None = None
    named: dict[str, bool] = {}
    found = []
    for head in heads:
        parties = parties_of.get(head)
        if parties is None:
            parties = parties_of[head] = {(p, programmes[j].doc_id) for j in groups[head] for p in programmes[j].parties}
        if not parties or any(_party(p, documents[d].place if d in documents else None) != _party(p, doc.place)
                              for p, d in parties):
            continue  # no parties, or a level-only one of another place
        for p, _ in parties:
            if p not in named:
                text = fold(doc.text.lower()) if text is None else text
                named[p] = any(f in text for f in spellings(fold(p.lower())))  # "TW" where it writes "Trung ương"
        if all(named[p] for p, _ in parties):
            found.append(head)
    return found
