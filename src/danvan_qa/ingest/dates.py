"""Date mentions in Vietnamese text: "26/05/2022", "Ngày 4-11", "Thứ Hai, 14/02/2022", "ngày 1 tháng 4 năm 1976".

Articles often write an event date without its year ("Chiều ngày 26/5"); the
year is then taken from the article's own date, or from the latest full date
the article mentions.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator, NamedTuple

_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/-])")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# The long form, cued by "ngày" itself: "ngày 1 tháng 4 năm 1976", "ngày 4 tháng 7" (the mention starts at the day)
_LONG_FORM = re.compile(r"(?<!\w)(?i:ngày)\s+(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})"
                        r"(?:\s*(?:,\s*)?(?i:năm)\s+(\d{3,4})|\s*/\s*(\d{4}))?(?!\d)(?!\s+(?i:âm lịch))")  # not lunar
# A date counts as an event date only after a word that introduces one ("ngày", "Sáng nay (8-11)"), so
# "giai đoạn 2016-2021" or "Nghị quyết 25-NQ" are never taken for dates.
_DATE_CUE = re.compile(
    r"(?:\b(?:ngày|hôm|sáng|chiều|trưa|tối|đêm|thứ\s+\w+|chủ\s+nhật|cập\s+nhật)(?:\s+(?:nay|qua|mai))?"
    r"\s*[:(]?\s*,?\s*)$", re.IGNORECASE
)


# "2016-2021", "2016 – 2021": a programme's period.
# Document numbers in both shapes: "38-Ctr/BDVTW-BCA", "290-QĐ/TW", "09/Ctr-BCA-TTTW"; the kinds
# a programme, decision, resolution, directive, plan, joint circular, regulation or guide is
# numbered by, a joint one's too ("13/CTrPH-CA-MTTQ", "QCPH": quy chế phối hợp).
_KINDS = r"(?i:ctrph|ctph|khph|qcph|ctr|qđ|qd|nq|ct|kh|ttlt|qc|hd|hđ)"
CODE_PATTERN = rf"\d+(?:-{_KINDS}/[\w/-]+|/{_KINDS}-[\w/-]+)"
CODE = re.compile(rf"\b{CODE_PATTERN}")
PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
# "tại Hà Nội", "tại TP Hồ Chí Minh": where an event took place.
PLACE = re.compile(r"\btại ((?:TP\.? |thành phố |tỉnh )?[A-ZĐ][\wÀ-ỹ]*(?: [A-ZĐ][\wÀ-ỹ]*)*)")


def periods_in(text: str) -> set[str]:
    """Every period a text names, in one spelling: {"2016-2021"}."""
    return {f"{a}-{b}" for a, b in PERIOD.findall(text)}


@functools.lru_cache(maxsize=4096)
def period_key(period: str) -> str:
    """One spelling per period: "2016 – 2021" -> "2016-2021" (an archive repeats a few hundred)."""
    return re.sub(r"\s*[-–]\s*", "-", period)


class DateMention(NamedTuple):
    start: int
    end: int
    day: int
    month: int
    year: int | None


def _valid(day: int, month: int, year: int | None) -> bool:
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str, *, cued_only: bool = False) -> Iterator[DateMention]:
    """Every plausible d/m[/yyyy] mention, and the long form "ngày d tháng m [năm yyyy]", in the
    order they stand; with `cued_only`, only after ngày/thứ/chiều…."""
    yield from sorted((*_numeric(text, cued_only), *_long_form(text)))


def _long_form(text: str) -> Iterator[DateMention]:
    for m in _LONG_FORM.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        year = int(m.group(3) or m.group(4)) if m.group(3) or m.group(4) else None
        if _valid(day, month, year):
            yield DateMention(m.start(1), m.end(), day, month, year)


_LUNAR_AFTER = re.compile(r"\s+âm\s+lịch", re.IGNORECASE)  # "ngày 10/3 âm lịch" has no calendar date


def _numeric(text: str, cued_only: bool) -> Iterator[DateMention]:
    for m in _DAY_MONTH_YEAR.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        year = int(m.group(4)) if m.group(4) else None
        if not _valid(day, month, year) or _LUNAR_AFTER.match(text, m.end()):
            continue
        cued = bool(_DATE_CUE.search(text[max(0, m.start() - 25) : m.start()]))
        if year is None and not cued:
            continue
        if cued_only and not cued:
            continue
        yield DateMention(m.start(), m.end(), day, month, year)


def infer_year(text: str) -> int | None:
    """The article's year when it states none in its header: latest full date, else latest year."""
    full = [d.year for d in find_dates(text) if d.year is not None]
    if full:
        return max(full)
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


def resolve(mention: DateMention, default_year: int | None) -> dt.date | None:
    year = mention.year or default_year
    if year is None or not _valid(mention.day, mention.month, year):  # 29/2 of a year that has none
        return None
    return dt.date(year, mention.month, mention.day)


def article_date(header: str, body: str) -> dt.date | None:
    """Publication date: a full date in the header lines, else the first cued date of the body."""
    for mention in find_dates(header):
        if mention.year is not None:
            return resolve(mention, None)
    year = infer_year(body)
    for mention in find_dates(body, cued_only=True):
        found = resolve(mention, year)
        if found is not None:
            return found
    return None


def parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
