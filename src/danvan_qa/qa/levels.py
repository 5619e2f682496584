"""The administrative level a body works at: "Ở cấp huyện, những chương trình phối hợp nào …?".

Vietnam's bodies sit at four levels, written into their names: Trung ương (Ban Dân vận Trung
ương, Bộ Công an), tỉnh (Công an tỉnh, Ban Dân vận Tỉnh ủy), huyện (Huyện ủy, quận, thị xã, a city
within a province) and xã (xã, phường, thị trấn). A "thành phố" is a province's equal only when
it is a centrally-run city, named in the party or in the programme's other parties.
"""

from __future__ import annotations

import re
from functools import lru_cache

from danvan_qa.ingest.lexicon import CENTRAL_CITIES
from danvan_qa.ingest.normalize import fold

LEVELS = ("trung uong", "tinh", "huyen", "xa")  # from the widest to the most local
# "ở cấp huyện", "cấp tỉnh", "cấp cơ sở" (folded)
# … but not one taken in besides the rest: "tính cả / kể cả / bao gồm cả cấp Trung ương", nor one left out
_ASKED = re.compile(r"(?<!\w)(?<!tinh ca )(?<!ke ca )(?<!gom ca )(?<!khong tinh )(?<!ngoai )(?<!tru )(?<!khong ke )"
                    r"cap (trung uong|tinh|huyen|xa|co so)(?!\w)")
# "không tính cấp Trung ương", "ngoài cấp Trung ương", "trừ các chương trình cấp tỉnh": a level left out
_LEFT_OUT = re.compile(r"(?<!\w)(?:khong tinh|khong ke|ngoai|tru|loai tru|bo qua)(?: (?:cac|nhung))?(?: \w+){0,2}? "
                       r"cap (trung uong|tinh|huyen|xa|co so)(?!\w)")
# Level words as written, lower case: "quận" is not "quân sự", "xã" is not "xã hội"
_WORDS = (
    ("xa", re.compile(r"(?<!\w)(?<!thị )(?:xã|phường|thị trấn)(?!\w)(?! hội)")),
    ("huyen", re.compile(r"(?<!\w)(?:huyện|quận|thị xã)(?!\w)")),
    ("tinh", re.compile(r"(?<!\w)tỉnh(?!\w)")),
    ("trung uong", re.compile(r"(?<!\w)(?:trung ương|tw|chính phủ)(?!\w)|^bộ (?!chỉ huy|đội)")),
)
_CITY = re.compile(r"(?<!\w)(?:thành phố|thành ủy|thành uỷ|tp)(?!\w)")
_CENTRAL = re.compile(r"(?<!\w)(?:" + "|".join(sorted((fold(c.lower()) for c in CENTRAL_CITIES), key=len, reverse=True))
                      + r"|tp\.?\s?hcm|hcm)(?!\w)")  # "TP.HCM", "TPHCM"


def asked_level(folded_question: str) -> str | None:
    """The level a question selects by ("cấp cơ sở" is xã), or None."""
    m = _ASKED.search(folded_question)
    return None if m is None else ("xa" if m.group(1) == "co so" else m.group(1))


def left_out_level(folded_question: str) -> str | None:
    """The level a question leaves out ("không tính cấp Trung ương"), or None."""
    m = _LEFT_OUT.search(folded_question)
    return None if m is None else ("xa" if m.group(1) == "co so" else m.group(1))


def level(parties: tuple[str, ...]) -> str | None:
    """The most local level among a programme's parties, or None when none says."""
    central_city = any(_CENTRAL.search(fold(p.lower())) for p in parties)
    found = set()
    for party in parties:
        text = party.lower()
        named = next((name for name, words in _WORDS if words.search(text)), None)
        if named is None and _CITY.search(text):
            named = "tinh" if central_city else "huyen"
        if named:
            found.add(named)
    return max(found, key=LEVELS.index) if found else None


# a post at the centre: a ministry's ("Thứ trưởng Bộ Công an", "Ủy viên Bộ Chính trị"; not "Bộ Chỉ huy Quân sự tỉnh",
# "Bộ đội", "cán bộ"), or one named "Trung ương"
_CENTRAL_POST = re.compile(r"(?<!\w)(?<!cán )bộ (?!chỉ huy|đội)|(?<!\w)(?:trung ương|tw)(?!\w)")
SAID = {"trung uong": "Trung ương", "tinh": "tỉnh", "huyen": "huyện", "xa": "xã"}  # each level as a heading says it


@lru_cache(maxsize=4096)  # a list across the archive reads the same roles again and again
def post_level(role: str) -> str | None:
    """The level of a person's post: the most local one any post of the role names ("Ủy viên Trung ương Đảng, Bí
    thư Tỉnh ủy" is a province's), a ministry's being the centre's; None when no post says."""
    found = {level((piece,)) or ("trung uong" if _CENTRAL_POST.search(piece) else None)
             for piece in (p.strip().lower() for p in role.split(","))} - {None}
    return max(found, key=LEVELS.index) if found else None

