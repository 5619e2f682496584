"""The archive's roles as one folded text, a line per person, and the ways a role may hold a title:
what lists of a title's holders search (qa/title_lists.py), built once per store."""

from __future__ import annotations

import bisect
import gc
import itertools
import re
import weakref
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from danvan_qa.ingest.abbreviations import spellings
from danvan_qa.ingest.lexicon import RANKS, TITLE_HEADS
from danvan_qa.ingest.normalize import fold
from danvan_qa.index.store import Kept

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person

TITLES = tuple(fold(t) for t in sorted({*TITLE_HEADS, *(r.lower() for r in RANKS)}, key=len, reverse=True))


class Roles(NamedTuple):
    """Every person's folded rank and role, one per line in the fact table's order, with where
    each line starts: a title is found with substring searches over one text, not a fold of
    every person per question (82k people at 20,000 articles)."""

    people: tuple["Person", ...]
    text: str
    starts: list[int]
    held: dict[str, bool]  # title -> whether some role holds it: each a scan of the whole text, read once
    found: "Kept[tuple]"  # the last titles' holders (holders(), and what callers read of them: remembered())

    def holds(self, title: str) -> bool:
        """Whether some role holds the title, in whole words ("trưởng đoàn đã …" is no "Trưởng Đoàn đại biểu")."""
        found = self.held.get(title)
        if found is None:
            if len(self.held) > 65536:  # a long-running server's questions: their titles, not every phrase ever asked
                self.held.clear()
            found = self.held[title] = any(f in self.text and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", self.text)
                                           for f in forms(title))
        return found

    def holders(self, title: str) -> tuple[tuple["Person", int, str], ...]:
        """Each person whose line holds `title`, with where it first occurs in their line, and the line."""
        return self.remembered(title, lambda: tuple(self._scan(title)))

    def remembered(self, key: str, make: Callable[[], tuple]) -> tuple:
        """What `make` reads of the roles, kept for the last REMEMBERED keys (locked: an Answerer is shared by
        threads): a title asked again (a list, its count, a follow-up) is not a scan of every role again (tens
        of thousands of holders at 20,000 articles)."""
        found = self.found.get(key)
        return found if found is not None else self.found.put(key, make())

    def _scan(self, title: str) -> Iterator[tuple["Person", int, str]]:
        at = self.text.find(title)
        while at >= 0:
            i = bisect.bisect_right(self.starts, at) - 1
            after = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            yield self.people[i], at - self.starts[i], self.text[self.starts[i] : after].rstrip("\n")
            at = self.text.find(title, after)


REMEMBERED = 64  # titles whose holders Roles keeps


_roles: "weakref.WeakKeyDictionary[Store, Roles]" = weakref.WeakKeyDictionary()


def warm(store: "Store") -> None:
    """Read every article's facts and index the roles now (about 2 s at 20,000 articles), so that a server's
    first question across the archive does not wait for them; then set what is read aside from the garbage
    collector's full scans (`gc.freeze`): at 20,000 articles a scan over the fact table's objects paused a list
    answer for 0.3 s (list p95 483 → 160 ms). `open_store` unfreezes when a newer generation replaces a store."""
    role_index(store)
    gc.freeze()


def role_index(store: "Store") -> Roles:
    """The store's Roles, built once per store (a store never changes)."""
    found = _roles.get(store)
    if found is None:  # a benign race at worst builds it twice
        people = store.facts.people
        lines = [fold(f"{p.rank or ''} {p.role or ''}") for p in people]
        starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0)) if lines else []
        found = _roles[store] = Roles(people, "\n".join(lines), starts, {}, Kept(REMEMBERED))
    return found


def forms(title: str) -> list[str]:
    """The ways a role may hold a title: its abbreviations swapped ("Ban Dân vận TW"), a standing
    committee's member as the press shortens it ("UVTV Tỉnh ủy", "Thường vụ Tỉnh ủy"), and a
    deputy's with "thường trực" after the head ("Phó Chủ tịch Thường trực UBND"), or after the
    body's first word repeated ("Phó trưởng Ban Thường trực Ban Dân vận …" is a Phó trưởng Ban Dân vận)."""
    found = []
    member = re.match(r"uy vien (?:ban thuong vu|btv) (.+)", title)  # "Ủy viên Ban Thường vụ Tỉnh ủy"
    others = [f"{short} {member.group(1)}" for short in ("uy vien thuong vu", "uvtv", "thuong vu")] if member else []
    for form in [*spellings(title), *others]:
        found.append(form)
        words = form.split()
        rest = " ".join(words[1:])
        head = next((t for t in TITLES if rest.startswith(f"{t} ")), None)
        if head and words[0] == "pho":
            at = 1 + len(head.split())
            if at < len(words):  # "Phó Chủ tịch Thường trực UBND", "Phó trưởng Ban Thường trực Ban Dân vận"
                found += [" ".join((*words[:at], *lead, "thuong", "truc", *words[at:])) for lead in ((), (words[at],))]
    return found
