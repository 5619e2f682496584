"""Where a sentence says a place is: after "tại / ở", an administrative unit with its capitalised
name ("huyện Bố Sơn"), or a province or centrally-run city of the gazetteer however it is
introduced ("… Tỉnh ủy Lào Cai"). Offsets into the sentence, for the place spans of extractive.py.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.lexicon import PAIRED, SURNAMES, UNITS
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import FOLDED_PROVINCE
from danvan_qa.qa.records import FOLDED_PROVINCES

# A place in the text: after "tại / ở", or an administrative unit with its capitalised name. A capitalised run,
# bridged by up to two lower-case words that are not joining words: "Trung tâm Bảo trợ xã hội huyện X"; not "Hà Nội và".
_NAME_RUN = (r"[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ\d][\wÀ-ỹ]*|(?:\s+(?!(?:và|với|cùng|cho|để|trong|ngày|nhằm|đã|sẽ)\b)"
             r"[a-zà-ỹđ][\wÀ-ỹ]*){1,2}(?=\s+[A-ZĐ]))*")
# … and the lower-case words that end a name: its unit ("Công an tỉnh") or a paired word ("Công an")
_TAIL = "|".join(sorted({*UNITS, *(w for pair in PAIRED.values() for w in pair if w.islower())}, key=len, reverse=True))
# the nouns of land and water a place's name follows ("đèo Khau Vai", "thị trấn Morez"), a ground's ("trên sân X")
_GEO = r"thị trấn|thị xã|làng|thôn|đỉnh núi|núi|đèo|sông|hồ|đảo|quần đảo|vịnh|thác|hang|vùng|miền|cao nguyên|sân vận động|sân"
_PLACE_AT = re.compile(rf"(?<!\w)(?:tại|ở|(?:lên|đến|tới|về|sang|trên)(?=\s+(?:{_GEO})\s))\s+"
                       rf"((?:(?:TP\.?|thành phố|tỉnh|huyện|quận|xã|phường|{_GEO})\s+)?" + _NAME_RUN +
                       rf"(?:\s+(?:{_TAIL})(?!\w)){{0,2}})")
_UNIT_PLACE = re.compile(rf"(?<!\w)(?P<unit>(?i:tỉnh|thành phố|TP\.?|huyện|quận|xã|phường)|{_GEO})\s+"
                         r"(?P<name>[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*)*)")

def unit_places(text: str) -> list[tuple[int, int]]:
    """"tỉnh / huyện / xã X" spans. A province's name ends the span ("UBND tỉnh Quảng Nam Hồ Minh
    Đạt" is tỉnh Quảng Nam); a run after "tỉnh" that names no province but starts with a surname is
    the person after a role ("Phó Chủ tịch UBND tỉnh Lương Văn Khải"), not a place."""
    found = []
    for m in _UNIT_PLACE.finditer(text):
        name = fold(m.group("name").lower())
        province = next((p for p in FOLDED_PROVINCES if name == p or name.startswith(p + " ")), None)
        if province is not None:
            found.append((m.start(), m.start("name") + len(province)))  # folding keeps offsets
        elif not (m.group("unit").lower() == "tỉnh" and m.group("name").split()[0] in SURNAMES):
            found.append((m.start(), m.end()))
    return found


def provinces(text: str) -> list[tuple[int, int]]:
    """Every province or centrally-run city a sentence names, however it is introduced."""
    return [m.span(1) for m in FOLDED_PROVINCE.finditer(fold(text.lower()))]  # folding keeps offsets


def places_at(text: str) -> list[tuple[int, int]]:
    """The places a sentence introduces with "tại / ở" (or "lên / đến … núi X")."""
    return [(m.start(1), m.end(1)) for m in _PLACE_AT.finditer(text)]
