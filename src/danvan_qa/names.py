"""People in Vietnamese news text: names, military ranks and roles as written.

A person's name is a run of capitalised syllables that starts with a family
name (Nguyễn, Ngô, Tô…). The role is the run of title words written right
before the name ("Phó Bí thư Thường trực Tỉnh ủy Phan Ngọc Thọ") or after it,
set off by a comma ("Đoàn Duy Khương, Giám đốc Công an thành phố;"). Role
words are capitalised or come from a small list of lower-case words that occur
inside titles (ban, thành phố, trưởng…); anything else ends the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Trương Vương Tô "
    "Đinh Lâm Mai Trịnh Đào Cao Lương Tạ Hà Châu Thái Lưu Quách Phùng Kiều Lại Tăng La Triệu Mạc Hứa "
    "Từ Thân Khổng Lò Giàng Hầu Lục Nông Âu Bế Chu Diệp Đàm Đồng Giáp Khúc Kim Lã Lạc Lữ Mã Ninh Phí "
    "Quan Tôn Thạch Tiêu Trang Trình Vi Viên Y Ông Doãn Cù Đậu Hoàng Lăng Nghiêm Văn Tống Thiều Hàn".split()
)
RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
    "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
)
# Capitalised runs that start with a family name but are places or institutions.
NOT_PEOPLE = frozenset(
    "Hà Nội|Hà Giang|Hà Tĩnh|Hà Nam|Hồ Chí Minh|Thái Bình|Thái Nguyên|Lâm Đồng|Cao Bằng|Lai Châu|"
    "Hoàn Kiếm|Văn Điển|Văn Miếu|Kim Bôi|Mai Châu|Đồng Nai|Đồng Tháp|Đồng Hới|Quan Hóa|Châu Đốc".split("|")
)
# Lower-case words that can sit inside a title ("Trưởng ban Dân vận", "UBND thành phố").
ROLE_LOWER = frozenset(
    "ban viên hành thư trực ủy tịch thành phố đốc an tỉnh huyện quận thị xã phường đại biểu trưởng đạo "
    "kiểm tra nguyện vụ chính trị dân nhân quốc hội trung ương đảng bộ công tổ mặt trận cục sở cấp "
    "khóa thường phó nhiệm thứ lệnh tư viện vận tịch sự nghiệp văn phòng tuyên giáo".split()
)
NAME_STOP_WORDS = frozenset("Ảnh Nguồn Theo".split())  # "Ảnh: Văn Điệp" is a credit, not a participant

_TOKEN = re.compile(r"\w+|[^\w\s]")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int  # name span in the text
    end: int
    rank: str | None
    role: str | None  # as written; may join a prefix and a suffix role with ", "
    role_start: int | None  # span of the role text nearest the name
    role_end: int | None


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of person names: family name + 1-3 capitalised syllables."""
    toks = _tokens(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        word = toks[i].group(0)
        skip = next((n for n in (3, 2) if " ".join(t.group(0) for t in toks[i : i + n]) in NOT_PEOPLE), 0)
        if skip:  # "Hà Nội Vương Đình Huệ": the place is not part of the name
            i += skip
            continue
        if word in SURNAMES:
            j = i + 1
            while j < len(toks) and j - i < 4 and toks[j].group(0).isalpha() and is_capitalised(toks[j].group(0)) \
                    and toks[j].start() == toks[j - 1].end() + 1:
                j += 1
            name = text[toks[i].start() : toks[j - 1].end()]
            if j - i >= 2 and name not in NOT_PEOPLE and not _after_credit(text, toks[i].start()):
                spans.append((toks[i].start(), toks[j - 1].end()))
                i = j
                continue
        i += 1
    return spans


def _after_credit(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start]
    return any(before.rstrip().endswith(w + ":") for w in NAME_STOP_WORDS)


def _is_role_word(word: str) -> bool:
    return is_capitalised(word) or word in ROLE_LOWER


def _role_before(text: str, start: int) -> tuple[int, int] | None:
    """Role words written right before a name, back to a clause boundary."""
    toks = [t for t in _tokens(text[:start])]
    k = len(toks)
    while k > 0:
        w = toks[k - 1].group(0)
        if w == "," or (w.isalnum() and _is_role_word(w)):
            k -= 1
            continue
        break
    if k == len(toks):
        return None
    # Keep only comma-separated segments that open with a capitalised word.
    segments: list[tuple[int, int]] = []
    seg_start = k
    for idx in range(k, len(toks) + 1):
        if idx == len(toks) or toks[idx].group(0) == ",":
            if seg_start < idx:
                segments.append((seg_start, idx))
            seg_start = idx + 1
    while segments and not is_capitalised(toks[segments[0][0]].group(0)):
        segments.pop(0)
    segments = [s for s in segments if _mentions_title(toks, s)]
    if not segments or segments[-1][1] != len(toks):
        return None
    return toks[segments[0][0]].start(), toks[segments[-1][1] - 1].end()


_TITLE_HEADS = frozenset(
    "Ủy Phó Bí Chủ Trưởng Giám Thứ Bộ UVTV Tổng Chánh Cục Vụ Đại Thượng Trung Thiếu Chính Ủy Tư "
    "Thành Ban Đồng Viện Hiệu Phụ".split()
)


def _mentions_title(toks: list[re.Match[str]], seg: tuple[int, int]) -> bool:
    return any(toks[i].group(0) in _TITLE_HEADS for i in range(*seg))


def _role_after(text: str, end: int) -> tuple[int, int] | None:
    """", Role, Role" (or " - Role") after a name, up to ';', '.', ':' or a word outside titles."""
    m = re.match(r"\s*,\s*|\s+[-–]\s+", text[end:])
    if not m:
        return None
    pos = end + m.end()
    toks = _tokens(text[pos:])
    k = 0
    while k < len(toks):
        w = toks[k].group(0)
        if w == ",":
            nxt = toks[k + 1].group(0) if k + 1 < len(toks) else ""
            if not (nxt.isalnum() and is_capitalised(nxt)):
                break
        elif not (w.isalnum() and _is_role_word(w)):
            break
        k += 1
    while k > 0 and toks[k - 1].group(0) == ",":
        k -= 1
    if k == 0 or not is_capitalised(toks[0].group(0)) or toks[0].group(0) not in _TITLE_HEADS:
        return None
    return pos, pos + toks[k - 1].end()


def _split_rank(text: str, span: tuple[int, int] | None) -> tuple[str | None, tuple[int, int] | None]:
    """Separate a trailing military rank from a prefix role ("Giám đốc Công an tỉnh Đại tá")."""
    if span is None:
        return None, None
    role = text[span[0] : span[1]]
    for rank in RANKS:
        if role == rank:
            return rank, None
        if role.endswith(" " + rank):
            return rank, (span[0], span[1] - len(rank) - 1)
    return None, span


def _rank_before(text: str, start: int) -> tuple[str | None, int]:
    """A rank written right before the name, and where the text before it ends."""
    head = text[:start].rstrip()
    for rank in RANKS:
        if head.endswith(rank) and (len(head) == len(rank) or not head[-len(rank) - 1].isalnum()):
            return rank, len(head) - len(rank)
    return None, start


def people(text: str) -> list[PersonMention]:
    """Every person mention in `text` with rank and role as written."""
    found: list[PersonMention] = []
    for start, end in find_names(text):
        rank, role_end = _rank_before(text, start)
        inner_rank, before = _split_rank(text, _role_before(text, role_end))
        rank = rank or inner_rank
        after = _role_after(text, end)
        parts = [s for s in (before, after) if s is not None]
        role = ", ".join(text[a:b].strip(" ,") for a, b in parts) or None
        nearest = after or before
        found.append(PersonMention(
            name=text[start:end], start=start, end=end, rank=rank, role=role,
            role_start=nearest[0] if nearest else None, role_end=nearest[1] if nearest else None,
        ))
    return found
