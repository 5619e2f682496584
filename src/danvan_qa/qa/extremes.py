"""The earliest or the latest of a list across the archive: "Chương trình nào được ký sớm nhất?",
"Lần gần đây nhất X làm việc với Y là khi nào?". The question is asked again as the list it
narrows ("Những chương trình nào được ký?", "Mấy lần X làm việc với Y?"), and its row of the first
or last date is the answer, cited as the list cites it: no rule of its own picks the events.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.drafts import reading, vn_date
from danvan_qa.qa.questions import parse
from danvan_qa.qa.records import Listing, Statement, Strong, every_row

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# (folded) the superlative of time a question asks, first or last
_EXTREME = re.compile(r"(?<!\w)(?:(?P<first>som nhat|dau tien|truoc nhat|cu nhat)"
                      r"|(?P<last>gan day nhat|gan nhat|moi nhat|muon nhat|sau cung|cuoi cung))(?!\w)")
# "<noun> nào": the thing asked, made plural for its list ("chương trình nào" → "những chương trình nào")
_WHICH = re.compile(r"(?<!\w)(?<!nhung )(?<!cac )((?:chuong trinh|ke hoach|van ban|hoi nghi|buoi lam viec|le ky ket|su kien)"
                    r"(?: \w+){0,3}?)(?: (?:co |mang )?so hieu)? nao(?!\w)")  # (folded) "… có số hiệu nào": its list shows them
# "lần (sớm nhất) X làm việc với Y … là khi nào": X's sessions with Y, counted (article_lists.as_sessions reads it)
_TIME_OF = re.compile(r"^(?:lan|buoi|dot) (?P<who>.+?) (?P<act>lam viec|gap mat|hop) (?P<whom>voi .+?)"
                      r"(?: (?:ma |duoc )?(?:cac |nhung )?bai(?: viet| bao)? (?:nhac (?:toi|den)|dua tin|ghi lai))?"
                      r"(?: la)? (?:khi nao|ngay nao|bao gio|luc nao)$")
_WHEN_ASKED = re.compile(r"(?<!\w)(?:khi nao|ngay nao|bao gio|luc nao)(?!\w)")
_DATED = re.compile(r"(?<!\w)ngày\s+(\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d\d))?(?![\d/-])", re.IGNORECASE)


def asks_extreme(q: "Question") -> str | None:
    """"first" or "last" when the question asks the earliest or latest of several, else None."""
    m = _EXTREME.search(q.folded)
    return None if m is None else "first" if m["first"] else "last"


def as_list(q: "Question", store: "Store") -> "Question | None":
    """The list the question narrows, asked without its superlative; None when it names no list."""
    said = q.restored.rstrip(" ?.!")
    m = _EXTREME.search(fold(said.lower()))  # folding keeps offsets
    if m is None:
        return None
    plain = " ".join(f"{said[:m.start()]} {said[m.end():]}".split())
    times = _TIME_OF.match(fold(plain.lower()))
    if times:  # "Lần (gần đây nhất) X làm việc với Y là khi nào?": "Mấy lần X làm việc với Y?"
        text = f"Mấy lần {plain[times.start('who'):times.end('whom')]}?"
    elif which := _WHICH.search(fold(plain.lower())):  # of every article: the superlative asks across them
        text = f"{plain[:which.start()]}những {plain[which.start(1):which.end(1)]} nào{plain[which.end():]} trong các bài?"
    else:
        return None
    return parse(text, text, store.stored_facts)


def extreme(found: Listing, end: str, q: "Question", store: "Store") -> Listing | None:
    """The row of `found` of the first or last date: the date its own line writes after "ngày", or its
    article's; None when no row is dated."""
    rows: list[list[Statement]] = []
    for line in found.lines:
        if line.item and not line.under:
            rows.append([line])
        elif line.item and rows:
            rows[-1].append(line)
    dated = [(when, row) for row in rows if (when := _date(row[0], store))]
    if len({row[0].evidence.doc_id for _, row in dated if row[0].evidence}) < 2:
        return None  # one article's rows: the question is of its events, answered from its text
    pick = min if end == "first" else max
    (_, day), row = pick(dated, key=lambda d: d[0][0])
    item = next((i for i in found.items if i.evidence == row[0].evidence), None)
    heading = Statement(("Sớm nhất" if end == "first" else "Gần đây nhất", f" trong {len(dated)} dòng có ngày, ",
                         Strong(day), ":"))
    asked_when = bool(_WHEN_ASKED.search(q.folded))
    value = day.split(" (")[0] if asked_when or item is None else item.name  # the day as written
    return Listing((heading, *row), (item,) if item else (), 1, value)


def _date(line: Statement, store: "Store") -> tuple[str, str] | None:
    """A row's date, ISO and as shown: the one its line writes after "ngày" (a programme's signing, its
    year the article's, or the one before for a day after the article's), else its article's."""
    doc = store.data.documents.get(line.evidence.doc_id) if line.evidence else None
    published = doc.date if doc is not None and doc.date else None
    said = _DATED.search("".join(line.parts))
    if said and (said.group(3) or published):
        day, month = int(said.group(1)), int(said.group(2))
        year = int(said.group(3)) if said.group(3) else int(published[:4]) - (f"{month:02d}-{day:02d}" > published[5:10])
        if 1 <= month <= 12 and 1 <= day <= 31:
            iso, written = f"{year:04d}-{month:02d}-{day:02d}", said.group(0).split()[-1]
            return iso, written if said.group(3) else written + reading(iso, written)  # "28/12 (28/12/2023)"
    return (published, vn_date(published)) if published else None


def narrowed(q: "Question", store: "Store", listing: Callable[["Question"], Listing | None]) -> Listing | None:
    """The earliest or latest row of the list the question narrows, asked through `listing`; None when
    it asks for neither, or narrows no list."""
    end = asks_extreme(q)
    plural = as_list(q, store) if end else None
    if plural is None:
        return None
    with every_row():  # its every row, not the ROWS_SHOWN a list shows
        found = listing(plural)
    return extreme(found, end, q, store) if found is not None else None
