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
SPEAKER_ACTS = frozenset(act for _, act in _SPEAKER_ACTS)
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
    places: tuple[str, ...] = ()  # folded place names after an administrative word: "binh duong", "quan 10"


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
    # "dự" (attend) but not "dự thảo" (draft), "đầy đủ" (full), "dự án", "dự kiến"
    attend = re.sub(r"(?<!\w)(?:du (?:thao|an|kien|bao|toan)|day du)(?!\w)", " ", folded)
    if _has(attend, "tham du", "cung du", "du", "thanh phan", "co ai"):
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
    act = _who_act(folded, restored)
    if act is not None:  # "Ai yêu cầu …?", "Vị tướng nào …?": a person who did something
        return "speaker", act or None
    return "other", None


# A person asked about: "ai <verb>", or "<person noun> … nào".
_WHO = re.compile(r"(?:^|\s)ai\s+(?!la\b)(\w+(?:\s\w+)?)")
_WHO_NOUN = re.compile(r"(?:^|\s)(?:dong chi|vi tuong|thuong tuong|trung tuong|thieu tuong|dai tuong|dai ta|"
                       r"lanh dao|ong|ba|nguoi)\s+(?:\w+\s+){0,8}?nao(?:\s|$)")


def _who_act(folded: str, restored: str) -> str | None:
    """For a question about a person: the act asked about as written ("" when unknown); else None."""
    m = _WHO.search(folded)
    if m:
        words = len(m.group(1).split())
        found = re.search(r"(?:^|\s)ai\s+(\S+(?:\s\S+){%d})" % (words - 1), restored.lower()) if restored else None
        return re.sub(r"[^\w\s]", "", found.group(1)) if found else m.group(1)
    return "" if _WHO_NOUN.search(folded) else None


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
        places=places(restored),
    )


# Administrative units (and their Party committees: "Tỉnh ủy Cà Mau") that precede a place
# name; words that cannot start a place name, or end one after its first syllable.
_ADMIN_UNIT = re.compile(
    r"(?<!\w)(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|thành)(?:\s+(?:ủy|uỷ))?"
    r"\s+(\w+)(?:\s+(\w+))?", re.IGNORECASE)
_NOT_FIRST = frozenset(
    "uy doi dong cong an ban dan van hoi nghi ky ket chuong trinh giai doan phat tham chu to va voi co da la "
    "trong nam ngay thang cung lanh dao cac nhung duoc lam tai o ve cua ai gi nao bao nay do pho lien".split())
_NOT_SECOND = frozenset(
    "va voi ky co da se to trong nam ngay thang giai phat tham chu dong cong ban tai o ve cua nhung cac "
    "duoc lam ai gi nao bao nay do gom".split())


def places(restored: str) -> tuple[str, ...]:
    """Place names the question sets as a constraint, folded: "tỉnh Bình Dương" -> "binh duong".

    Read from the shape "<unit> <one or two syllables>". A question written with
    capitals must capitalise the name (so "tỉnh liên quan" names no place); one typed
    in lower case is read with short lists of words no place name starts or ends
    with. "quận 10" keeps its unit, as the number alone means nothing.
    """
    cased = restored != restored.lower()
    found: list[str] = []
    for m in _ADMIN_UNIT.finditer(restored):
        unit, first, second = m.group(1).lower().rstrip("."), m.group(2), m.group(3)
        if unit == "thành" and not re.search(r"\s(?:ủy|uỷ)\s", m.group(0), re.IGNORECASE):
            continue  # "thành" alone is not a unit
        if first.isdigit():
            found.append(fold(f"{unit} {first}"))
            continue
        f1, f2 = fold(first).lower(), fold(second or "").lower()
        if (cased and not first[0].isupper()) or (not cased and f1 in _NOT_FIRST):
            continue
        two = bool(second) and not second.isdigit() and (second[0].isupper() if cased else f2 not in _NOT_SECOND)
        found.append(f"{f1} {f2}" if two else f1)
    return tuple(dict.fromkeys(found))


def content_tokens(folded: str) -> list[str]:
    """Folded tokens that carry the question's topic (question words removed)."""
    return [t for t in re.findall(r"\w+", folded) if t not in QUESTION_WORDS]
