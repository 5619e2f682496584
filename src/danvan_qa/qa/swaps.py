"""A follow-up that asks the last question of something else: "(Thế) còn X (thì sao / thì ai)?".

"Còn Phó Bí thư Đảng ủy xã thì sao?" after "… có Chủ tịch UBND xã nào tới dự?" asks that question of
the other title; "còn huyện Y?" and "còn năm 2023?" of another place or year; "còn phía Công an
tỉnh thì ai?" after "… do ai bên Ban Tuyên giáo đồng chủ trì?" of the other side. What X is said in
place of is found in the last question by its kind; anything else is left to followups.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from danvan_qa.ingest.normalize import fold, has_diacritics
from danvan_qa.qa.clauses import TITLE_HEAD
from danvan_qa.qa.questions import gazetteer_province, parse
from danvan_qa.qa.records import FOLDED_PROVINCES

if TYPE_CHECKING:
    from danvan_qa.index.store import Store

# the title a question asks "… nào" of: "Chủ tịch UBND xã nào tới dự?"
_ASKED_TITLE = re.compile(rf"(?<!\w)((?:phó\s+)?{TITLE_HEAD.pattern}(?:\s+\w+){{0,6}}?)\s+nào(?!\w)"
                          # … or "ai là <title>?", "<title> là ai?"
                          rf"|(?<!\w)ai\s+là\s+((?:phó\s+)?{TITLE_HEAD.pattern}(?:\s+\w+){{0,8}}?)(?=\s*[?,.]|$)"
                          rf"|(?<!\w)((?:phó\s+)?{TITLE_HEAD.pattern}(?:\s+\w+){{0,8}}?)\s+là\s+ai(?!\w)", re.IGNORECASE)
# a place named with its unit ("huyện Bố Trạch", "TP Phủ Lý", "quận Ô Môn"): the unit, then capitalised words
_UNIT = re.compile(r"(?<!\w)(?:[Tt]ỉnh|[Hh]uyện|[Xx]ã|[Pp]hường|[Qq]uận|[Tt]hành phố|TP|[Tt]hị xã)(?!\w)")
_WORD = re.compile(r"\s+([^\s,.;:?!()]+)")
_YEAR_NAMED = re.compile(r"(?<!\w)năm\s+(?:19|20)\d\d(?!\w)", re.IGNORECASE)
# a side: "(về) phía / bên <body>", up to the act or the end of the clause ("bên Ban Tuyên giáo đồng chủ trì")
_SIDE = re.compile(r"(?<!\w)(?:phía|bên)\s+(.+?)"
                   r"(?=\s+(?:đồng chủ trì|chủ trì|dự|tham dự|phát biểu|ký|là|có)(?!\w)|\s*[?,.]|$)", re.IGNORECASE)
# what asks a question of its own: "Còn Thứ trưởng nào dự?", "còn X thì phát biểu ra sao?", "… có phát biểu không?"
_OWN_ASK = re.compile(r"(?<!\w)(?:nào|ai|gì|đâu|bao nhiêu|mấy|thì|không|chưa|sao)(?!\w)", re.IGNORECASE)


_ASK_WORD = re.compile(r"(?<!\w)(?:nào|ai|gì|đâu|bao nhiêu|mấy)(?!\w)", re.IGNORECASE)


def _places(text: str) -> list[tuple[str, int, int]]:
    """The places a text names with their unit: (the unit, lower case; start; end), the name's words capitalised."""
    found = []
    for unit in _UNIT.finditer(text):
        end = unit.end()
        while (word := _WORD.match(text, end)) and (word.group(1)[0].isupper() or word.group(1).isdigit()):
            end = word.end()
        if end > unit.end():
            found.append((unit.group(0).lower(), unit.start(), end))
    return found


def swapped(other: str, last: str, store: "Store") -> str | None:
    """The last question with `other` (what "còn … (thì sao)?" names) in place of the title it asked for (its body
    kept when only the same head is said), the place of the same unit, the year or the side it named; None when
    `other` is none of these, names a person or asks a question of its own."""
    said = (other if has_diacritics(other) else store.restorer.restore(other)).strip()
    said = _same_ask_dropped(said, last)
    if _OWN_ASK.search(said) or parse(said, said, store.stored_facts).person:
        return None
    if side := re.match(r"(?:về\s+)?(?:phía|bên)\s+", said, re.IGNORECASE):
        found = _SIDE.search(last)
        return f"{last[:found.start(1)]}{said[side.end():]}{last[found.end(1):]}" if found else None
    span = None
    if head := TITLE_HEAD.match(bare := re.sub(r"^phó\s+", "", said, flags=re.IGNORECASE)):
        if found := _ASKED_TITLE.search(last):
            group = next(g for g in (1, 2, 3) if found.group(g))
            span = found.span(group)
            asked = re.sub(r"^phó\s+", "", found.group(group), flags=re.IGNORECASE)
            own = TITLE_HEAD.match(asked)
            if head.end() == len(bare) and own and own.group(0).lower() == head.group(0).lower():
                said = f"{said}{asked[own.end():]}"  # "Phó Giám đốc" of "Giám đốc Công an tỉnh": its body kept
    elif asked := _places(said):
        if len(asked) == 1 and asked[0][2] - asked[0][1] == len(said):
            named = _places(last)
            same = [p for p in named if p[0] == asked[0][0]] or (named if len(named) == 1 else [])
            span = same[0][1:] if same else None
    elif _YEAR_NAMED.fullmatch(said) and (found := _YEAR_NAMED.search(last)):
        span = found.span()
    elif gazetteer_province(said) and len(named := _provinces(last)) == 1:  # "… Thành ủy Nam Sơn là ai?", "còn ở Bắc Hà?"
        span = named[0]
        said = re.sub(r"^(?:tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+", "", said, flags=re.IGNORECASE)  # the unit is kept
    return f"{last[:span[0]]}{said}{last[span[1]:]}" if span else None


def _same_ask_dropped(said: str, last: str) -> str:
    """What "còn …" names, less a place's "ở / tại" and the ask the last question ended with ("còn ở X là ai?" after
    "… Y là ai?": X); as said when it asks anything else."""
    asks = _ASK_WORD.search(said)
    tail = fold(said[asks.start():].lower()).strip(" ?") if asks else ""
    if not tail or not fold(last.lower()).rstrip(" ?").endswith(tail):
        return said
    named = re.sub(r"(?:\s+(?:là|thì))+$", "", said[:asks.start()].strip(), flags=re.IGNORECASE)
    return re.sub(r"^(?:ở|tại)\s+", "", named, flags=re.IGNORECASE) or said


def _provinces(text: str) -> list[tuple[int, int]]:
    """Where the text names a province or city of the gazetteer, as whole words after its unit, a party committee,
    "ở / tại" or at its start (not "Huệ" of "Lê Thị Huệ": folding keeps offsets)."""
    folded = fold(text.lower())
    found = [m.span() for p in FOLDED_PROVINCES for m in re.finditer(rf"(?<!\w){re.escape(p)}(?!\w)", folded)
             if m.start() == 0 or re.search(r"(?<!\w)(?:tinh|pho|tp|uy|o|tai)\W*$", folded[:m.start()])]
    return [span for span in found if not any(a <= span[0] and span[1] <= b and (a, b) != span for a, b in found)]
