"""A follow-up that asks the last question of something else: "(Thế) còn X (thì sao / thì ai)?".

"Còn Phó Bí thư Đảng ủy xã thì sao?" after "… có Chủ tịch UBND xã nào tới dự?" asks that question of
the other title; "còn huyện Y?" and "còn năm 2023?" of another place or year; "còn phía Công an
tỉnh thì ai?" after "… do ai bên Ban Tuyên giáo đồng chủ trì?" of the other side. What X is said in
place of is found in the last question by its kind; anything else is left to followups.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from danvan_qa.ingest.normalize import has_diacritics
from danvan_qa.qa.clauses import TITLE_HEAD

if TYPE_CHECKING:
    from danvan_qa.index.store import Store

# the title a question asks "… nào" of: "Chủ tịch UBND xã nào tới dự?"
_ASKED_TITLE = re.compile(rf"(?<!\w)((?:phó\s+)?{TITLE_HEAD.pattern}(?:\s+\w+){{0,6}}?)\s+nào(?!\w)", re.IGNORECASE)
# a place named with its unit ("huyện Bố Trạch", "TP Phủ Lý"), and a year
_UNIT_NAMED = re.compile(r"(?<!\w)(?:[Tt]ỉnh|[Hh]uyện|[Xx]ã|[Pp]hường|[Qq]uận|[Tt]hành phố|TP|[Tt]hị xã)"
                         r"\s+[A-ZĐ]\w*(?:\s+(?:[A-ZĐ]\w*|\d+))*")
_YEAR_NAMED = re.compile(r"(?<!\w)năm\s+(?:19|20)\d\d(?!\w)", re.IGNORECASE)
# a side: "(về) phía / bên <body>", up to the act or the end of the clause ("bên Ban Tuyên giáo đồng chủ trì")
_SIDE = re.compile(r"(?<!\w)(?:phía|bên)\s+(.+?)"
                   r"(?=\s+(?:đồng chủ trì|chủ trì|dự|tham dự|phát biểu|ký|là|có)(?!\w)|\s*[?,.]|$)", re.IGNORECASE)
_ASKS = re.compile(r"(?<!\w)(?:nào|ai|gì|đâu|bao nhiêu|mấy)(?!\w)", re.IGNORECASE)


def swapped(other: str, last: str, store: "Store") -> str | None:
    """The last question with `other` (what "còn … thì sao?" names) in place of the title it asked for, the
    place, year or side it named; None when `other` is none of these or asks a question of its own."""
    said = (other if has_diacritics(other) else store.restorer.restore(other)).strip()
    if _ASKS.search(said):
        return None  # "Còn Thứ trưởng nào dự?"
    if side := re.match(r"(?:về\s+)?(?:phía|bên)\s+", said, re.IGNORECASE):
        found = _SIDE.search(last)
        return f"{last[:found.start(1)]}{said[side.end():]}{last[found.end(1):]}" if found else None
    if head := TITLE_HEAD.match(bare := re.sub(r"^phó\s+", "", said, flags=re.IGNORECASE)):
        found = _ASKED_TITLE.search(last)
        span = found.span(1) if found else None
        asked = re.sub(r"^phó\s+", "", found.group(1), flags=re.IGNORECASE) if found else ""
        if head.end() == len(bare) and (own := TITLE_HEAD.match(asked)):
            said = f"{said}{asked[own.end():]}"  # "Phó Giám đốc" of "Giám đốc Công an tỉnh": its body kept
    else:
        kind = next((k for k in (_UNIT_NAMED, _YEAR_NAMED) if k.fullmatch(said)), None)
        found = kind.search(last) if kind else None
        span = found.span() if found else None
    return f"{last[:span[0]]}{said}{last[span[1]:]}" if span else None
