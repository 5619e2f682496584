"""The programme before or after one, in whatever article: "thế còn chương trình giai đoạn sau thì ký hôm nào?"
after "Chương trình số 38 giữa Ban Dân vận Trung ương và Bộ Công an được ký ngày nào?".

The programme the last question named is found in the fact table by its number ("số 38"), else by its period
and parties; the one after it is the programme of the same parties (however abbreviated) whose period starts
where its period ends, the one before it the one whose period ends where its starts. The follow-up is then
asked of that programme by its period and parties, which any article reporting it answers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from danvan_qa.ingest.abbreviations import written_out
from danvan_qa.ingest.normalize import fold

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Programme

# "chương trình (cho) giai đoạn tiếp theo / sau / kế tiếp", "chương trình giai đoạn trước (đó)" (folded)
RELATIVE = re.compile(r"(?<!\w)chuong trinh(?: phoi hop)?(?: (?:cho|cua|o))? giai doan (?:(?P<next>tiep theo|ke tiep|sau)"
                      r"|(?P<prev>truoc(?: do)?))(?!\w)")
_NUMBER = re.compile(r"(?<!\w)so (\d+)(?!\d)")
_YEARS = re.compile(r"((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)")


def _years(period: str | None) -> tuple[int, int] | None:
    m = _YEARS.search(period or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _parties(p: "Programme") -> frozenset[str]:
    return frozenset(fold(written_out(b).lower()) for b in p.parties)


def _named(about: str, store: "Store") -> "Programme | None":
    """The programme a text names: by its number, else by its period and the parties it writes."""
    folded = fold(about.lower())
    known = [p for p in store.stored_facts.programmes if _years(p.period) and p.parties]
    if number := _NUMBER.search(folded):
        return next((p for p in known if re.match(rf"{number.group(1)}(?!\d)", p.number or "")), None)
    years = _years(about)
    return next((p for p in known if _years(p.period) == years
                 and all(fold(written_out(b).lower()) in fold(written_out(about).lower()) for b in p.parties)), None)


def adjacent(about: str, later: bool, store: "Store") -> "Programme | None":
    """The programme after (`later`) or before the one `about` names, of the same parties; None when the
    archive holds none or `about` names no programme it knows; a dated record of it first."""
    base = _named(about, store)
    if base is None:
        return None
    start, end = _years(base.period)  # type: ignore[misc]
    parties = _parties(base)
    found = [p for p in store.stored_facts.programmes if p.parties and _parties(p) == parties and _years(p.period)
             and (_years(p.period)[0] >= end - 1 and _years(p.period)[0] > start if later  # type: ignore[index]
                  else _years(p.period)[1] <= start + 1 and _years(p.period)[1] < end)]  # type: ignore[index]
    if not found:
        return None
    nearest = min if later else max
    key = nearest(_years(p.period)[0] for p in found)  # type: ignore[index]
    return min((p for p in found if _years(p.period)[0] == key), key=lambda p: p.date is None)  # type: ignore[index]


def asked_of_adjacent(question: str, about: str | None, store: "Store") -> str | None:
    """The question with "chương trình giai đoạn sau / trước" written as that programme (its period and parties),
    or None when it asks no such thing or no such programme is known."""
    relative = RELATIVE.search(fold(question))
    other = adjacent(about, bool(relative["next"]), store) if relative and about else None
    if other is None:
        return None
    named = f"chương trình phối hợp giai đoạn {other.period} giữa {' và '.join(other.parties)}"
    return f"{question[:relative.start()]}{named}{question[relative.end():]}"  # folding keeps offsets
