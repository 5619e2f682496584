"""Understand a question: its type and the constraints it names (date, place, period, code, person, role).

Everything is matched on the diacritic-folded text, so "ai dong chu tri" and
"Ai đồng chủ trì" read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .facts import FactTable
from .normalize import fold

KINDS = (
    "attendees", "chair", "speaker", "role", "person_role", "rank", "program_name", "program_period",
    "parties", "date", "place", "number", "other",
)
_CODE = re.compile(r"\b\d+-(?i:ctr|qd|nq|ct|kh)/[\w/-]+", re.IGNORECASE)
_SPEAKER_ACTS = (("phat bieu", "phát biểu"), ("bao cao", "báo cáo"), ("ket luan", "kết luận"))
# Words a question may use that articles need not contain.
QUESTION_WORDS = frozenset(
    "ai la gi nao bao nhieu may khi luc o dau tai sao vi the nhu co phai khong chuc vu giu quan ham cap bac "
    "nhung gom thanh phan duoc cua cho voi va cac mot hay hoac vao ngay thang nam dien ra to chuc dia diem "
    "so luong ty le phan tram noi dung ve viec ben co quan nguoi gioi thieu biet hoi ra sao de nay do kia "
    "ten goi nhiem vai tro tham du ngoai hai cung dong chi nhac den toi neu".split()
)


@dataclass(frozen=True)
class Question:
    text: str  # cleaned question
    restored: str  # with diacritics restored when typed without
    folded: str
    kind: str
    act: str | None  # the act asked about for "speaker"
    dates: tuple[tuple[int, int, int | None], ...]  # (day, month, year)
    periods: tuple[str, ...]  # "2016-2021"
    codes: tuple[str, ...]  # "38-Ctr/BDVTW-BCA"
    person: str | None  # a person of the fact table named in the question
    proper_nouns: tuple[str, ...]  # capitalised runs that are not the sentence-initial word
    exclude_chairs: bool  # "ngoài hai đồng chí chủ trì, ai cùng dự…"


def _has(folded: str, *cues: str) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", folded) for c in cues)


def classify(folded: str, person: str | None, codes: tuple[str, ...], restored: str = "") -> tuple[str, str | None]:
    """The question type (one of KINDS) and, for speakers, the act asked about.

    `restored` (with diacritics) settles cues that folding merges: "mấy" (how many) vs "máy" (machine).
    """
    ends_who = bool(re.search(r"(?<!\w)la ai\W*$", folded)) or folded.startswith("ai la ")
    if _has(folded, "quan ham", "cap bac") and person:
        return "rank", None
    if person and (_has(folded, "chuc vu", "chuc gi", "giu chuc", "vai tro", "la ai", "thu truong bo nao")):
        return "person_role", None
    if _has(folded, "ngoai") and _has(folded, "cung du"):
        return "attendees", None
    if _has(folded, "chu tri", "dong chu tri") or (_has(folded, "ai lam viec voi") and not person):
        return "chair", None
    for cue, act in _SPEAKER_ACTS:
        if _has(folded, cue) and _has(folded, "ai"):
            return "speaker", act
    if ends_who and not _has(folded, "nhung ai", "gom nhung ai"):
        return "role", None
    if _has(folded, "bao nhieu", "so luong"):
        return "number", None
    if _has(folded, "tham du", "cung du", "du", "thanh phan", "co ai"):
        return "attendees", None
    if _has(folded, "giai doan nao", "giai doan gi") or folded.startswith("giai doan "):
        return "program_period", None
    if _has(folded, "giua nhung", "co quan nao", "nhung ben", "ben nao", "ai ky", "giua cac", "nhung co quan"):
        return "parties", None
    if _has(folded, "ngay nao", "khi nao", "bao gio", "luc nao", "thoi gian nao", "ngay may", "nam nao") or \
            folded.startswith("ngay "):
        return "date", None
    if _has(folded, "o dau", "tai dau", "dia diem", "noi nao", "tinh nao", "thanh pho nao"):
        return "place", None
    how_many = re.search(r"(?<!\w)mấy(?!\w)", restored.lower()) if restored else _has(folded, "may")
    if _has(folded, "bao nhieu", "so luong", "ty le", "so mo hinh") or how_many:
        return "number", None
    if _has(folded, "chuong trinh") and (_has(folded, "gi", "nao", "la gi") or codes) or \
            (codes and len(re.findall(r"\w+", folded)) <= 5):
        return "program_name", None
    return "other", None


def _proper_nouns(text: str) -> tuple[str, ...]:
    runs: list[str] = []
    current: list[str] = []
    for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text)):
        word = m.group(0)
        capital = word[:1].isupper() and word.isalpha() and i > 0
        if capital:
            current.append(word)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return tuple(runs)


def parse(text: str, restored: str, facts: FactTable) -> Question:
    """Read a cleaned question (and its diacritic-restored form) against the fact table."""
    restored = restored or text
    folded = " ".join(re.findall(r"\w+|[/-]", fold(restored)))
    folded_raw = fold(restored)
    codes = tuple(m.group(0) for m in _CODE.finditer(text))
    names = sorted({p.name for p in facts.people}, key=len, reverse=True)
    person = next((n for n in names if fold(n) in folded_raw), None)
    kind, act = classify(folded, person, codes, restored)
    mentions = tuple((d.day, d.month, d.year) for d in dates.find_dates(text))
    if not mentions:  # "4-11" without a cue word still names a date in a question
        mentions = tuple(
            (int(a), int(b), int(c) if c else None)
            for a, b, c in re.findall(r"(?<![\d/-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?(?![\d/-])", text)
            if 1 <= int(a) <= 31 and 1 <= int(b) <= 12
        )
    return Question(
        text=text, restored=restored, folded=folded, kind=kind, act=act, dates=mentions,
        periods=tuple(f"{a}-{b}" for a, b in dates.PERIOD.findall(text)), codes=codes, person=person,
        proper_nouns=_proper_nouns(text), exclude_chairs=_has(folded, "ngoai", "cung du") and kind == "attendees",
    )


def content_tokens(folded: str) -> list[str]:
    """Folded tokens that carry the question's topic (question words removed)."""
    return [t for t in re.findall(r"\w+", folded) if t not in QUESTION_WORDS]
