"""A person named as the press names them a second time: a title and the given name ("Thứ trưởng
Hùng", "Đại tá Tuấn", "bà Mai"). When one person of the archive has that given name and holds that
title (in their role or rank, in some article), the question is read with the full name, so every
stage after it finds the person as if the question had written it out.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING

from danvan_qa.ingest.lexicon import RANKS
from danvan_qa.ingest.normalize import fold

if TYPE_CHECKING:
    from danvan_qa.index.store import Store

# a title, then a word: a given name when capitalised, and no other capitalised word follows ("Bộ Công an" is a body)
_RANKED = "|".join(re.escape(r) for r in sorted(RANKS, key=len, reverse=True))
_SHORT = re.compile(r"(?<!\w)(?P<title>(?i:(?:phó )?(?:thứ trưởng|bộ trưởng|giám đốc|trưởng ban|bí thư|chủ tịch|tư lệnh|chính ủy)"
                    rf"|{_RANKED}|đồng chí|ông|bà)) (?P<given>\w+)(?: (?P<after>\w+))?")
_HONORIFICS = frozenset({"dong chi", "ong", "ba"})  # no title: the given name alone must be one person's
# after a person's name: the words of a clause ("Hùng của Bộ Công an", "Tuấn dự", "Mai đã …"), not of a phrase
_CLAUSE = frozenset("cua va voi cho la ve cac nhung mot trong tai o thi ma de da dang se du tham co duoc giu chu phat "
                    "ky lam mang nam nao gi ai khi luc".split())
_by_given: "weakref.WeakKeyDictionary[Store, dict[str, tuple[str, ...]]]" = weakref.WeakKeyDictionary()


def _names_given(store: "Store") -> dict[str, tuple[str, ...]]:
    """Every person's name by its last syllable, folded; built once per store."""
    found = _by_given.get(store)
    if found is None:  # a benign race at worst builds it twice
        index: dict[str, list[str]] = {}
        for folded, name in store.stored_facts.folded_names:
            if len(folded.split()) > 1:
                index.setdefault(folded.split()[-1], []).append(name)
        found = _by_given[store] = {k: tuple(v) for k, v in index.items()}
    return found


def _phrase(store: "Store", given: str, after: str) -> bool:
    """Whether the given name and the word after it are a phrase the archive writes ("Công an", "Quân
    khu"): any pair it holds, unless the word is one a clause goes on with after a name."""
    return bool(after) and fold(after.lower()) not in _CLAUSE and \
        store.restorer.vocab.bigrams.get(f"{given.lower()} {after.lower()}", 0) > 0


def with_full_names(text: str, restored: str, store: "Store") -> tuple[str, str]:
    """The question as typed and restored, each person named by title and given name (in the
    restored text) written with their full name where one person of the archive answers to both;
    the restorer keeps a text's length, so the typed text is mended at the same places."""
    spans = []
    for m in _SHORT.finditer(restored):
        given, after = m["given"], m["after"] or ""
        if not (given[:1].isupper() and given[1:].islower()) or after[:1].isupper() or _phrase(store, given, after):
            continue
        title = fold(m["title"].lower())
        named = {name for name in _names_given(store).get(fold(m["given"].lower()), ())
                 if title in _HONORIFICS or any(re.search(rf"(?<!\w){title}(?!\w)", fold(f"{p.rank or ''} {p.role or ''}".lower()))
                                               for p in store.people_by_name.get(name, []))}
        if len(named) == 1:
            spans.append((m.start("given"), m.end("given"), named.pop()))
    for a, b, name in reversed(spans):
        restored = restored[:a] + name + restored[b:]
        if len(text) >= b and fold(text[a:b].lower()) == fold(name.split()[-1].lower()):
            text = text[:a] + name + text[b:]
    return text, restored
