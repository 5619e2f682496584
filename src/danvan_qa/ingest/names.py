"""People in Vietnamese news text: names, military ranks and roles, read from the shape of the text.

A name is a run of capitalised syllables that starts with a family name (Nguyễn, Tạ, Lò…) or
that follows a person cue (đồng chí, ông, bà, a rank). A run longer than a name keeps its tail
("Thành ủy Hà Nội Trần Văn Bình"); a run written after a place word (tỉnh, huyện, tại…), joined
by a hyphen to another capitalised word (Mác - Lê Nin), in a photo credit or a province name is
not a person.

A role is a run of title segments. A segment opens with a title head (Ủy viên, Bí thư, Phó Chủ
tịch, Giám đốc, Trưởng…, capitalised or not) and goes on through capitalised words, numbers and
lower-case words that occur inside organisation names (ban, tỉnh, nhân dân…); it ends at a
predicate (phát biểu, chủ trì…), at punctuation or at the next name. Segments are joined by
commas. The role is read after the name (", role", " - role", " (role)") and before it
("Phó Bí thư Tỉnh ủy Phan Văn An", with a trailing rank split off).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_qa.ingest.lexicon import (
    CREDITS, PERSON_CUES, PLACE_WORDS, PLACES, PREDICATES, RANKS, SURNAMES, TITLE_HEADS, TITLE_LOWER,
)
from danvan_qa.ingest.lexicon import COUNTRIES
from danvan_qa.ingest.normalize import fold
from danvan_qa.ingest.lexicon import PROVINCES  # noqa: F401 - also imported from here (benchmarks)

_TOKEN = re.compile(r"\w+|[^\w\s]")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_word(word: str) -> bool:
    """A capitalised syllable that can be part of a name (not an acronym like UBND)."""
    return word.isalpha() and word[:1].isupper() and (len(word) == 1 or not word[1:].isupper())


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int  # name span in the text
    end: int
    rank: str | None
    role: str | None  # as written; may join a prefix and a suffix role with ", "
    role_start: int | None  # span of the role text nearest the name
    role_end: int | None
    lead: int | None = None  # where the phrase naming the person starts: its rank or prefix role
    group: str | None = None  # the title a list gives all its people: "các đồng chí <group>: A, …; B, …"


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Maximal runs of capitalised syllables separated by single spaces."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for tok in _tokens(text):
        if _name_word(tok.group(0)) and (not current or tok.start() == current[-1].end() + 1):
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if _name_word(tok.group(0)) else []
    if current:
        runs.append(current)
    return runs


def _words_before(text: str, start: int, n: int = 3) -> str:
    return " ".join(re.findall(r"\w+", text[max(0, start - 40) : start])[-n:]).lower()


def _cued(text: str, start: int) -> bool:
    """The name is preceded by đồng chí / ông / bà / a rank."""
    before = _words_before(text, start)
    return any(before == c or before.endswith(" " + c) for c in PERSON_CUES) or \
        _rank_before(text, start)[0] is not None


def _is_title_word(word: str) -> bool:
    low = word.lower()
    return low in ("phó", "nguyên") or any(h.split()[0] == low for h in TITLE_HEADS)


def _not_a_person(text: str, start: int, end: int, cued: bool) -> bool:
    before = text[max(0, start - 40) : start]
    if re.search(r"(?:^|\W)(?:" + "|".join(CREDITS) + r")\s*:\s*$", before, re.IGNORECASE):
        return True  # "Ảnh: Văn Điệp" is a credit, not a participant
    if (re.search(r"\w\s*[-–]\s*$", before) and not cued) or re.match(r"\s*[-–]\w", text[end:]):
        return True  # "Mác - Lê Nin", "Bà Rịa-Vũng Tàu"
    if cued:
        return False
    last = re.findall(r"\w+", before)[-2:]
    if text[start:end] in PLACES:
        return True
    if len(text[start:end].split()) > 2:
        return False
    if last and (last[-1] in PLACE_WORDS or last[-1] == "TP"):
        return True  # "tỉnh Hà Nam", "huyện Kim Bôi"; "UBND tỉnh Nguyễn Văn Minh" is a person
    if len(last) == 2 and last[1] == "ủy" and last[0] in PLACE_WORDS:
        return True  # "huyện ủy Lý Nhân"
    # Two syllables with no cue ("Đoàn Thanh niên", "Trang Chủ") must at least carry a title.
    after = _AFTER.match(text, end)
    return not (after and _head_at(text, after.end()) is not None) and not _role_before(text, start, [])


def _in_country(text: str, start: int, end: int) -> bool:
    """Whether the name starting at `start` begins inside a country's name ("Bồ Đào Nha": "Đào Nha")."""
    window = max(0, start - 24)
    for country in COUNTRIES:
        at = text.find(country, window, end + 24)
        while 0 <= at < end:
            if at <= start < at + len(country):  # the name begins inside it: not "Nguyễn Thị Hà Lan"
                return True
            at = text.find(country, at + 1, end + 24)
    return False


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of person names: a family name + 1-3 capitalised syllables, or 2-5 after a person cue."""
    spans: list[tuple[int, int]] = []
    for run in _runs(text):
        words = [t.group(0) for t in run]
        while words and words[0] in ("Ông", "Bà", "Anh", "Chị", "Cụ") and len(words) > 2:
            run, words = run[1:], words[1:]  # "Ông Nguyễn Văn An": the cue is not part of the name
        cut = next((k for k in range(1, len(words)) if _is_title_word(words[k])), len(words))
        cued = _cued(text, run[0].start())
        picked: tuple[int, int] | None = None
        if cued and 2 <= cut <= (4 if words[0] in SURNAMES else 5) and not _is_title_word(words[0]):
            picked = (0, cut)  # "đồng chí Nguyễn Văn An", "ông Y Thanh Hà Niê Kđăm"
        else:
            cued = False
            picked = next(((i, len(run)) for i in range(len(run))
                           if words[i] in SURNAMES and 2 <= len(run) - i <= 4), None)
        if picked is None:
            continue
        i, j = picked
        start, end = run[i].start(), run[j - 1].end()
        if i > 0 and text[start:end] in PLACES:
            continue  # the tail of a longer run: "Thành ủy Hà Nội Trần Văn Bình" keeps the person
        if not cued and _in_country(text, start, end):
            continue  # "thương nhân Bồ Đào Nha", "Hà Lan": a country, not "Đào Nha" or "Hà Lan"
        if not _not_a_person(text, start, end, cued or i > 0):
            spans.append((start, end))
    spans += [span for span in _capital_names(text) if not any(a < span[1] and span[0] < b for a, b in spans)]
    return sorted(spans)


def _capital_names(text: str) -> list[tuple[int, int]]:
    """Names written in capitals ("Trung tướng ĐINH QUANG VŨ, Thứ trưởng …", as interviews and
    headings write them): 2-4 capitalised syllables after a rank or person cue, the first a family
    name ("UBND TỈNH" is not one: no family name, no cue)."""
    runs: list[list[re.Match[str]]] = []
    for tok in _tokens(text):
        word = tok.group(0)
        if not (word.isalpha() and word.isupper() and len(word) <= 7):
            runs.append([])
        elif runs and runs[-1] and tok.start() == runs[-1][-1].end() + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return [(run[0].start(), run[-1].end()) for run in runs
            if 2 <= len(run) <= 4 and run[0].group(0).capitalize() in SURNAMES and _cued(text, run[0].start())]


def _head_at(text: str, pos: int) -> int | None:
    """End of a title head starting at pos ("Phó Chủ tịch", "nguyên Bí thư", "Phó"), or None."""
    low = text[pos : pos + 60].lower()
    skip = 0
    while True:
        prefix = next((p for p in ("nguyên ", "quyền ", "phó ") if low[skip:].startswith(p)), None)
        if prefix is None:
            break
        skip += len(prefix)
    rest = low[skip:]
    for head in TITLE_HEADS:
        if rest.startswith(head) and (len(rest) == len(head) or not rest[len(head)].isalnum()):
            return pos + skip + len(head)
    if skip and text[pos : pos + 3] == "Phó":  # "Phó Ban Dân vận": the body follows
        return pos + 3
    return None


def _rank_at(text: str, pos: int) -> bool:
    low = text[pos : pos + 14].lower()
    return any(low.startswith(r.lower() + " ") for r in RANKS)


def _predicate_at(text: str, pos: int) -> bool:
    low = text[pos : pos + 20]
    return any(low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()) for p in PREDICATES)


def _segment(text: str, pos: int, limit: int, names: list[tuple[int, int]]) -> int | None:
    """End of one title segment starting at pos (a head, then organisation words), or None."""
    end = _head_at(text, pos)
    if end is None or end > limit:
        return None
    for tok in _TOKEN.finditer(text, end, limit):
        if tok.start() < end:  # inside a quoted name taken whole
            continue
        if text[end : tok.start()].strip():
            break
        w = tok.group(0)
        if any(a == tok.start() for a, _ in names) or _rank_at(text, tok.start()):
            break
        if w in ("-", "–") and re.match(r"\s*[-–]\s*[A-ZĐÀ-Ỹ]", text[tok.start() : limit]) and \
                text[tok.start() - 1] == " ":
            end = tok.end()  # "Sở Lao động - Thương binh và Xã hội"
            continue
        if w.isdigit() or (w.isalnum() and w[:1].isupper()) or (
                w in TITLE_LOWER and not _predicate_at(text, tok.start())):
            end = tok.end()
            continue
        quoted = _QUOTED.match(text, tok.start(), limit) if w in ('"', "“") and _NAMED_BY_QUOTE.search(
            fold(text[pos:tok.start()].lower())) else None
        if quoted:  # a committee named in quotes: 'Trưởng Ban Chỉ đạo Trung ương phong trào "Toàn dân …"'
            end = quoted.end()
            continue
        break
    return end


_QUOTED = re.compile(r"[\"“][^\"“”;.]{3,120}[\"”]")
# what a name in quotes names inside a role: a movement, a committee … ("phong trào “Toàn dân …”"), not words said
_NAMED_BY_QUOTE = re.compile(r"(?<!\w)(?:phong trao|van dong|chi dao|ban|mo hinh|chuong trinh|cau lac bo|hoi thi|de an|"
                             r"du an)\s*$")


def _segments(text: str, pos: int, limit: int, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Comma-joined title segments from pos, as spans (empty when no title starts there)."""
    found: list[tuple[int, int]] = []
    while True:
        end = _segment(text, pos, limit, names)
        if end is None:
            return found
        found.append((pos, end))
        m = re.match(r"\s*,\s*", text[end:limit])
        if not m:
            return found
        pos = end + m.end()


# What joins a name to the role after it: a comma, a dash with a space after it ("Trần Văn An-
# Phó Chính ủy …" is as common as "Trần Văn An - Phó …"; "Bà Rịa-Vũng Tàu" has none), or a bracket.
_AFTER = re.compile(r"\s*,\s*|\s*[-–]\s+|\s*\(\s*")


def _role_after(text: str, end: int, names: list[tuple[int, int]], ranked: bool = False) -> list[tuple[int, int]]:
    """", Role, Role" / " - Role" / " (Role)" after a name; after a ranked name, a title of two
    words or more naming a body with a capital may follow with a space alone, as hurried text writes it
    ("đại tướng A bí thư trung ương Đảng")."""
    m = _AFTER.match(text, end)
    if m:
        return _segments(text, m.end(), len(text), names)
    head = _head_at(text, end + 1) if ranked and text[end:end + 1] == " " else None
    found = _segments(text, end + 1, len(text), names) if head and " " in text[end + 1:head].strip() else []
    # a title names its body with a capital ("… trung ương Đảng"); "chỉ huy chiến dịch" is what the person did
    return found if found and re.search(r"(?<!\w)[A-ZĐÀ-Ỹ]", text[found[0][0]:found[0][1]]) else []


def _role_before(text: str, start: int, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Title segments that end right before a name, back to a clause boundary."""
    floor = max((b for a, b in names if b <= start), default=0)
    window = text[floor:start]
    cut = max(window.rfind(c) for c in ";:.!?()\"“”")
    lo = floor + cut + 1
    for m in re.finditer(r"(?<!\w)\w", text[lo:start]):
        pos = lo + m.start()
        got = _segments(text, pos, start, names)
        if got and not text[got[-1][1] : start].strip(" ,-–"):
            return got
    return []


def _rank_before(text: str, start: int) -> tuple[str | None, int]:
    """A rank written right before the name (in any case; returned capitalised), and where it starts."""
    head = text[:start].rstrip()
    for rank in sorted(RANKS, key=len, reverse=True):
        tail = head[-len(rank) :]
        if tail.lower() == rank.lower() and (len(head) == len(rank) or not head[-len(rank) - 1].isalnum()):
            return rank, len(head) - len(rank)
    return None, start


def _split_rank(text: str, segments: list[tuple[int, int]]) -> tuple[str | None, list[tuple[int, int]]]:
    """Separate a trailing rank from a prefix role ("Giám đốc Công an tỉnh Đại tá")."""
    if not segments:
        return None, segments
    rank, cut = _rank_before(text, segments[-1][1])
    if rank is None:
        return None, segments
    last = (segments[-1][0], segments[-1][0] + len(text[segments[-1][0] : cut].rstrip(" ,")))
    return rank, segments[:-1] + ([last] if last[1] > last[0] else [])


def people(text: str) -> list[PersonMention]:
    """Every person mention in `text` with its rank and its role as written."""
    found: list[PersonMention] = []
    names = find_names(text)
    if len(names) == 1 and not text.replace(text[names[0][0] : names[0][1]], "").strip(" .,"):
        return []  # a byline alone on its line
    ranks, leads, befores, afters = [], [], [], []
    for start, end in names:
        rank, lead = _rank_before(text, start)
        inner_rank, before = _split_rank(text, _role_before(text, lead, names) if lead > 0 else [])
        ranks.append(rank or inner_rank)
        leads.append(lead)
        befores.append(before)
        afters.append([s for s in _role_after(text, end, names, ranked=rank is not None) if s[0] >= end])
    for i in range(1, len(names)):
        # "A, Chỉ huy trưởng Bộ CHQS tỉnh, Bí thư Thành ủy Hà Tĩnh B": the segment written right
        # before B, with no comma between, is B's; A keeps the ones before it, or its own prefix
        # role ("Phó Bí thư Tỉnh ủy A, Chủ tịch UBND tỉnh B")
        after = afters[i - 1]
        if after and (len(after) >= 2 or befores[i - 1]) and after[-1][1] <= leads[i] \
                and not text[after[-1][1] : leads[i]].strip():
            afters[i - 1], befores[i] = after[:-1], [s for s in befores[i] if s[0] >= after[-1][0]]
    for (start, end), rank, lead, before, after in zip(names, ranks, leads, befores, afters):
        parts = before + after
        role = ", ".join(text[a:b].strip(" ,") for a, b in parts) or None
        nearest = (after[0][0], after[-1][1]) if after else (before[0][0], before[-1][1]) if before else None
        found.append(PersonMention(
            name=text[start:end], start=start, end=end, rank=rank, role=role,
            role_start=nearest[0] if nearest else None, role_end=nearest[1] if nearest else None,
            lead=min([lead] + [a for a, _ in before]), group=_group_at(text, start),
        ))
    return found


# "các đồng chí Ủy viên Ban Thường vụ Thành ủy: A, role; B, role": a title shared by a list.
_GROUP = re.compile(r"(?<!\w)(?:các đồng chí|các ông|các bà)\s+([^:;.]{3,90}?):\s*")


def _group_at(text: str, start: int) -> str | None:
    """The shared title of the list a name at `start` belongs to, if it is in one."""
    found = None
    for m in _GROUP.finditer(text, 0, start):
        title = m.group(1).strip()
        if not re.search(r"[.!?]\s", text[m.end() : start]) and _head_at(title, 0) is not None:
            found = title
    return found


# A Party membership a role opens with, held beside the post itself: "Ủy viên Trung ương Đảng",
# "UVTV Tỉnh ủy", "Bí thư Đảng ủy Công an Trung ương" (the Party committee inside a ministry)
_PARTY_SEAT = re.compile(r"^(?:[ỦU][ỷy] viên|UVTV|UVBTV|UV|Thường vụ|Đảng [ủu]y viên|Bí thư Trung ương Đảng"
                         r"|Bí thư Đảng [ủu]y|Bí thư Chi bộ)(?!\w)", re.IGNORECASE)


def main_post(role: str, asked: str = "") -> str:
    """The post a role names first once Party seats are set aside: "Ủy viên Bộ Chính trị, Bí thư
    Đảng ủy Công an Trung ương, Bộ trưởng Bộ Công an" holds the post "Bộ trưởng Bộ Công an";
    a role of seats alone is itself; with a title `asked` (folded), the part of the role that opens with it."""
    parts = [part.strip() for part in role.split(",") if part.strip()]
    posts = [part for part in parts if asked and fold(part.lower()).startswith(asked)] or \
        [part for part in parts if not _PARTY_SEAT.match(part)]
    return posts[0] if posts else role
