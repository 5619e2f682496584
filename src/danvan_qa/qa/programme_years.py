"""The years a question selects programmes by: signed in a year, run in it, starting from, after, before
or up to one ("bắt đầu từ năm 2022 trở về sau", "sau năm 2020", "ký trước năm 2018", "tính đến hết năm
2026"), or ending in one ("kết thúc năm 2026", "(thời hạn) đến năm 2026"; not "tính đến (hết) năm").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from danvan_qa.ingest.dates import period_key

if TYPE_CHECKING:
    from danvan_qa.ingest.facts import Programme

ENDS = re.compile(r"(?<!\w)(?:ket thuc|keo dai den|(?<!tinh )den)(?: vao)?(?: nam)? ((?:19|20)\d\d)(?!\d)")  # folded
_SINCE = re.compile(r"(?<!\w)(?:tu|ke tu) (?:nam )?((?:19|20)\d\d) (?:tro ve sau|tro di|ve sau|tro lai day|den nay)(?!\w)")
_AFTER = re.compile(r"(?<!\w)sau nam ((?:19|20)\d\d)(?!\d)")
_BEFORE = re.compile(r"(?<!\w)truoc nam ((?:19|20)\d\d)(?!\d)")
_UNTIL = re.compile(r"(?<!\w)(?:tinh )?den het nam ((?:19|20)\d\d)(?!\d)")  # "tính đến hết năm 2026": up to it


def bounds(folded: str) -> tuple[tuple[int, int] | None, set[str]]:
    """The first and last year a programme may start in when the question bounds it (None when it
    does not, or bounds none: "sau năm 2021 … trước năm 2020"), and the years that bound it."""
    since, after, before = _SINCE.findall(folded), _AFTER.findall(folded), _BEFORE.findall(folded)
    until = _UNTIL.findall(folded)
    lo = max([int(y) for y in since] + [int(y) + 1 for y in after], default=0)
    hi = min([int(y) - 1 for y in before] + [int(y) for y in until], default=9999)
    bounded = since or after or before or until
    return ((lo, hi) if bounded and lo <= hi else None), {*since, *after, *before, *until}


def of_year(prog: "Programme", span: str, year: str, signed: bool) -> bool:
    """Whether a programme is of the year asked: signed in it, when the question asks what was signed ("ký
    năm 2016": its signing's year, else its period's first; not a period of 2012-2016), else run in it."""
    if signed:
        return prog.date[:4] == year if prog.date else span[:4] == year
    return year in span or (prog.date or "").startswith(year)


def start_year(prog: "Programme", signed: bool) -> int | None:
    """The year a programme starts: its signing's when the question asks when it was signed ("ký
    trước năm 2018") and the article dates it, else its period's first."""
    span = period_key(prog.period or "")
    if signed and prog.date:
        return int(prog.date[:4])
    return int(span[:4]) if span[:4].isdigit() else int(prog.date[:4]) if prog.date else None
