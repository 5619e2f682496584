"""The bodies a question names as a programme's parties, and whether a programme's parties hold
them: "giữa Ban Dân vận tỉnh ủy, thành ủy và Công an tỉnh" is two sides, each with its alternatives;
"Mặt trận Tổ quốc" is held by "Ủy ban MTTQ tỉnh", "lực lượng công an" by any police body.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

from danvan_qa.ingest.abbreviations import expanded
from danvan_qa.ingest.normalize import fold, fold_keep_case
from danvan_qa.qa.questions import unbracketed

if TYPE_CHECKING:
    from danvan_qa.qa.questions import Question

_UNIT = r"(?:tỉnh|thành|huyện|quận|thị|xã|phường|TP)"
# "giữa A và B": the parties asked about, each cut at a verb, a question word, an aside in brackets or the
# question's end; a comma
# before a unit word gives an alternative ("Công an tỉnh, thành phố") and does not cut
BETWEEN = re.compile(rf"(?<!\w)giữa (.+?) (?:và|với) (.+?)(?=\s+(?:được|đã|có|trong|về|ký|giai đoạn|năm|thực hiện|cùng cấp|cho"
                     rf"|triển khai|diễn ra|khen thưởng|bao nhiêu|mấy|nào|ở|tại|là|gồm|vào|do|ai|gì|mà|như thế nào)\b|\s*[?.(]"
                     rf"|\s*,(?!\s*{_UNIT}\b)|$)", re.IGNORECASE)
# "Những cặp ban dân vận và cơ quan công an nào có chương trình …": the pair's two sides (folded, cased)
_PAIRED = re.compile(r"(?<!\w)(?i:nhung|cac) (?i:cap) (.+?) (?i:va|voi) (.+?) (?i:nao)(?!\w)")
# "… chương trình phối hợp có Bộ đội Biên phòng tham gia": one party asked for
JOINED = re.compile(r"(?<!\w)có ((?:(?!(?<!\w)có\s).)+?) (?:tham gia|là một bên)(?!\w)", re.IGNORECASE)
# "lực lượng công an", "bộ đội biên phòng", "cơ quan công an", "các …": words of no body of their own
_ANY_BODY = re.compile(r"(?<!\w)(?:luc luong|bo doi|co quan|cac)(?!\w)")
_ASKED_SIDE = re.compile(r"(?<!\w)(?:nao|nhau|gi|ai)$")
_UNIT_WORDS = frozenset({"tinh", "thanh", "huyen", "quan", "thi", "xa", "phuong", "tp", "trung", "uong"})


def sides(q: "Question") -> list[list[str]]:
    """The parties a question selects by, each with its alternatives: "giữa Ban Dân vận tỉnh ủy,
    thành ủy và Công an tỉnh, thành phố" is [[BDV tỉnh ủy, BDV thành ủy], [CA tỉnh, CA thành phố]]."""
    # "Ban Dân vận Tỉnh ủy (Thành ủy)": another unit in brackets is an alternative, as after a comma
    # "Công an cấp địa phương (tỉnh, thành, huyện)": the police of a place, whichever (the level is `programmes`')
    said = re.sub(r"\s+(?:cấp\s+)?(?:các\s+)?địa phương(?:\s*\([^)]*\))?(?!\w)", "", q.restored, flags=re.I)
    said = re.sub(rf"\s*\(\s*({_UNIT})([^)]*)\)", lambda m: f", {m.group(1).lower()}{m.group(2)}", said, flags=re.I)
    # "Ban Dân vận Tỉnh ủy/Thành ủy": another unit after a slash is an alternative, as after a comma
    said = re.sub(rf"\s*/\s*({_UNIT})\b", lambda m: f", {m.group(1).lower()}", said, flags=re.I)
    text = " ".join(unbracketed(said).split())  # "giữa Ban Dân vận (tỉnh, thành, huyện ủy) và …": the bodies
    between = BETWEEN.search(text) or _PAIRED.search(fold_keep_case(text))  # folding keeps offsets
    asked = [text[slice(*between.span(n))] for n in (1, 2)] if between else [m.group(1) for m in JOINED.finditer(text)]
    # "giữa những cơ quan nào với nhau": the parties are asked for, not named
    # "công an dia phuong" typed without marks, the same; "giữa một Ban Dân vận": that body; "giữa hai bên là X và Y":
    # X and Y (how many parties is `programmes`')
    asked = [re.sub(r"^(?:một|mot|mỗi|moi)\s+|^(?:hai|ba|bốn|bon)\s+(?:bên|ben)\s+(?:là|la)\s+"
                    r"|\s+(?:các\s+)?(?:địa phương|dia phuong)$", "", side, flags=re.IGNORECASE) for side in asked]
    return [alternatives(side) for side in asked if not _ASKED_SIDE.search(fold(side.lower()))]


def alternatives(body: str) -> list[str]:
    """"Ban Dân vận tỉnh ủy, thành ủy" names two bodies: what follows a comma takes the place of
    the words from the body's last unit word on ("tỉnh ủy"), or of as many last words."""
    head, *others = [part.strip() for part in body.split(",")]
    words = head.split()
    found = [head]
    for other in filter(None, others):
        units = [i for i, w in enumerate(words) if fold(w.lower()) in _UNIT_WORDS]
        at = units[-1] if units else len(words) - len(other.split())
        if 0 < at < len(words) and other[0].islower():
            found.append(" ".join(words[:at] + other.split()))
    return found


def parties_match(asked: list[list[str]], parties: tuple[str, ...]) -> bool:
    """Whether `parties` hold one of each side's alternatives (`sides`)."""
    return all(any(_matches(one, parties) for one in side) for side in asked)


@functools.lru_cache(maxsize=65536)
def _matches(asked: str, parties: tuple[str, ...]) -> bool:
    """Whether nearly every word of a body the question names, and each of its unit words, is in
    one of the programme's parties ("Ban Dân vận Tỉnh ủy" is not "Ban Dân vận Huyện ủy"),
    abbreviations read as their words ("Mặt trận Tổ quốc" is in "Ủy ban MTTQ tỉnh"); "lực lượng
    công an" is any police body, "Bộ đội Biên phòng" any border-guard one ("BCH Biên phòng").
    Cached: an archive's programmes repeat a few hundred sets of parties."""
    words = _asked_words(asked)
    for party in parties:
        held = words & _party_words(party)
        if len(held) >= math.ceil(0.8 * len(words)) and words & _UNIT_WORDS <= held:
            return True
    return False


@functools.lru_cache(maxsize=256)
def _asked_words(asked: str) -> frozenset[str]:
    return frozenset(expanded(set(re.findall(r"\w+", _ANY_BODY.sub(" ", fold(asked.lower()))))))


@functools.lru_cache(maxsize=65536)
def _party_words(party: str) -> frozenset[str]:
    """A party's folded words, its abbreviations written out; read once per name (an archive's
    programmes repeat a few hundred names)."""
    return frozenset(expanded(set(re.findall(r"\w+", fold(party.lower())))))
