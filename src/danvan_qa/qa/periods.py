"""Spans of time a sentence names, for "giai đoạn nào" and "khi nào".

A programme runs "giai đoạn 2022-2026" and a report covers "6 tháng đầu năm 2024"; a text on
another subject writes its spans out: "từ thế kỷ X đến thế kỷ XII", "đầu thập niên 1920",
"từ tháng Sáu đến tháng Chín", "1310–1375". The written-out forms are read only in a sentence
that names none of the first two, so an article's own periods are read as before.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import Question

# "giai đoạn tiếp theo / mới / tới" asks for the later period of a sentence, "giai đoạn trước" the earlier.
_JUST = r"(?! (?:ket thuc|ky|duoc|het|xong|bat dau|trien khai|thuc hien|hoan thanh)(?!\w))"  # "mới kết thúc": "just"
# … or asked of the programme: "chương trình trước đó là giai đoạn nào?" (not "trước năm 2018": a bound)
_RELATIVE = re.compile(r"(?<!\w)(?:giai doan (?:(?P<later>tiep theo|moi|toi|sap toi|ke tiep|sau do)|truoc|vua qua|da qua)"
                       rf"|chuong trinh(?: phoi hop)? (?:(?P<next>tiep theo|ke tiep|sau do|moi{_JUST})|truoc(?: do)?))(?!\w)"
                       r"(?! (?:nam|ngay|thang|khi)(?!\w)| \d)")
# A period inside one year: "6 tháng cuối năm 2024", "quý III năm 2023".
_PART_OF_YEAR = re.compile(r"(?<!\w)(?:(?:6|sáu) tháng (?:đầu|cuối)|quý (?:I{1,3}|IV|[1-4])) năm ((?:19|20)\d\d)(?!\d)",
                           re.IGNORECASE)
_PART = r"(?:(?:đầu|giữa|cuối|nửa đầu|nửa cuối|nửa sau)\s+)?"
# a month by number, or by its name written capitalised ("tháng Sáu"; "tháng một lần" is "a month, once")
_MONTH = r"(?:\d{1,2}|(?-i:Giêng|Chạp|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười(?:\s+(?:Một|Hai))?))"
CENTURY = r"thế\s+k[ỷỉ]\s+(?:\d{1,2}|(?-i:[IVXLC]+))(?!\w)"  # "thế kỷ 16", "thế kỉ XVII" (read case-blind)
_CENTURY = rf"{_PART}{CENTURY}"
_DECADE = rf"{_PART}(?:thập\s+(?:niên|kỷ|kỉ)|những\s+năm)\s+\d{{2,4}}(?!\d)"
# A point a written-out span runs from or to: a century, a decade, a year, a month, a day
_POINT = (rf"(?:{_CENTURY}|{_DECADE}|năm\s+\d{{3,4}}(?!\d)|tháng\s+{_MONTH}(?:\s*(?:/|năm)\s*\d{{4}})?(?!\w)"
          rf"|ngày\s+\d{{1,2}}(?:\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?|\s+tháng\s+{_MONTH}(?:\s+năm\s+\d{{4}})?)?(?!\w))")
_OPEN = re.compile(rf"(?<!\w)(?:từ\s+(?:khoảng\s+)?{_POINT}\s+(?:đến|tới)\s+(?:{_POINT}|\d{{1,2}}(?:\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?)?(?![\d/]))(?:\s+âm\s+lịch)?"
                   rf"|{_CENTURY}|{_DECADE}"
                   r"|(?<![\d/.])(?<!(?i:km) )(?<!(?i:số) )(?P<first>\d{3,4})\s*[–-]\s*(?P<last>\d{3,4})(?![\d/]))", re.IGNORECASE)
_CUE = re.compile(r"giai đoạn\s*$|(?<!\w)từ\s+(?:năm\s+)?$", re.IGNORECASE)
_OPEN_CUE = re.compile(r"(?:giai đoạn|thời kỳ|khoảng|vào|trong)\s*$", re.IGNORECASE)


class PeriodHit(NamedTuple):
    start: int
    end: int
    cued: bool  # "giai đoạn" or "từ" introduces it, or a written-out span starts with "từ"
    kind: str  # "years" ("2016-2021"), "part" (of a year) or "written" (out in words)
    first_year: int | None  # the year it runs from, for "giai đoạn tiếp theo"


def relative_period(question: Question) -> bool | None:
    """True when the question asks for the later period ("giai đoạn tiếp theo"), False for the
    earlier ("giai đoạn trước"), None when it names no relative period."""
    hit = _RELATIVE.search(question.folded)
    return None if hit is None else bool(hit.group("later") or hit.group("next"))


def periods(text: str) -> list[PeriodHit]:
    """The periods a text names: spans of years ("2016-2021") and parts of a year; only when it
    names none of those, the spans written out in words."""
    hits = [PeriodHit(m.start(), m.end(), bool(_CUE.search(text[max(0, m.start() - 12): m.start()])), kind,
                      int(m.group(1)))
            for kind, pattern in (("years", dates.PERIOD), ("part", _PART_OF_YEAR)) for m in pattern.finditer(text)]
    if hits:
        return sorted(hits)
    return [PeriodHit(m.start(), m.end(), m.group(0)[:2].lower() == "từ"
                      or bool(_OPEN_CUE.search(text[max(0, m.start() - 12): m.start()])), "written", None)
            for m in _OPEN.finditer(text) if not m["first"] or _years(int(m["first"]), int(m["last"]))]


def _years(first: int, last: int) -> bool:
    """Whether "1310–1375" is a span of years: not a hotline ("1900-1234"), nor "số 120-135"."""
    return 500 <= first < last <= 2100 and last - first <= 150 and str(first)[:1] == str(last)[:1]


# A time a text gives without a date, read when a sentence names none: a day of a month written
# in words ("ngày 15 tháng Giêng"), and for "khi nào" months, seasons and conditions ("vào khoảng
# tháng 5 và tháng 6", "vào mùa mưa", "khi nước sông rút"); not "hằng tháng", "mỗi tháng".
_DAY_OF_MONTH = re.compile(rf"(?<!\w)(?:mùng|mồng|ngày)\s+\d{{1,2}}\s+tháng\s+{_MONTH}(?:\s+âm\s+lịch)?(?!\w)", re.IGNORECASE)
_MONTHS = re.compile(rf"(?<!\w)(?<!(?i:hằng) )(?<!(?i:hàng) )(?<!(?i:mỗi) )tháng\s+{_MONTH}(?:\s+(?:và|hoặc|đến|tới)\s+tháng\s+{_MONTH})?(?:\s+âm\s+lịch)?(?!\w)",
                     re.IGNORECASE)
_SEASON = re.compile(r"(?<!\w)mùa\s+(?:mưa|khô|xuân|hè|hạ|thu|đông|lũ|nước nổi|gặt|lễ hội)(?!\w)", re.IGNORECASE)
_CONDITION = re.compile(r"(?<!\w)(?<!(?i:trong) )(?:(?i:sau|trước|đến|cho đến|mỗi)\s+)?(?i:khi|lúc)\s+[^,.;:!?()\"“”]{3,60}")


# … and an hour of the day ("Khoảng 7 giờ tối", "lúc 14 giờ 30", "8h sáng"), not a span of hours ("kéo dài 2 giờ 30
# phút", "trong 3 giờ", "24 giờ mỗi ngày")
_CLOCK = re.compile(r"(?<!\w)(?<!(?i:dài) )(?<!(?i:trong) )(?<!(?i:mất) )(?:(?i:khoảng|vào|lúc|đúng)\s+)*"
                    r"(?:[01]?\d|2[0-3])\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?(?:\s+(?:sáng|trưa|chiều|tối|đêm))?(?!\w)"
                    r"(?!\s+(?:mỗi|một|liên tục|đồng hồ))")


def occasions(text: str, *, day: bool) -> list[tuple[int, int]]:
    """[start, end) of the times a text gives without a date; only a day of a month when `day`
    (the question asks "ngày nào")."""
    patterns = (_DAY_OF_MONTH,) if day else (_DAY_OF_MONTH, _MONTHS, _SEASON, _CLOCK, _CONDITION)
    return sorted({m.span() for pattern in patterns for m in pattern.finditer(text)})


# A day of the lunar calendar, as festivals are dated: "mùng 8 tháng 2 âm lịch", "từ ngày 10 đến ngày 12 tháng 8
# âm lịch", "ngày mồng 6 tháng Giêng âm lịch" (shown as written: it has no calendar date of its own)
_DAY = r"(?:ngày\s+)?(?:(?:mùng|mồng)\s+)?\d{1,2}"
_TO = r"(?:\s+(?:đến|tới)\s+|\s*[-–]\s*)"  # "10 đến 12", "10-12"
_LUNAR = re.compile(rf"(?<!\w)(?:từ\s+)?(?:{_DAY}(?:{_TO}{_DAY})?\s+tháng\s+(?:\d{{1,2}}|[^\W\d_]+)|{_DAY}\s*/\s*\d{{1,2}})"
                    r"\s+âm\s+lịch", re.IGNORECASE)  # … or "ngày 10/3 âm lịch"


def lunar_day(asked: set[str], text: str) -> re.Match | None:
    """The lunar day of a sentence after the most of the question's folded words (`asked`) in the four
    words before it: "hội thu từ ngày 10 …" for the autumn festival."""
    return max(_LUNAR.finditer(text), default=None,
               key=lambda m: sum(w in asked for w in re.findall(r"\w+", fold(text[:m.start()]).lower())[-4:]))
