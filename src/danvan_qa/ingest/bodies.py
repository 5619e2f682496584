"""Organisations in Vietnamese news text, read from the shape of the text.

An organisation opens with a capitalised head word that names a kind of body (Ban, Bộ, Công
an, Ủy ban, Hội, Cục, Đoàn, Đảng ủy, Mặt trận, UBND…) and goes on through capitalised words,
the lower-case words of organisation names (tỉnh, thành ủy, nhân dân, quân sự…), the number
of a district or ward ("quận 5", "phường 12") and a place; it ends at punctuation, a bracket,
a conjunction or a verb, or where a person's name begins. "Ban Dân vận Quận ủy quận 5",
"Hội Cựu chiến binh", "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from danvan_qa.ingest.lexicon import HEADS, NAME_LOWER, PAIRED, PROVINCES, STOP, SURNAMES, TITLE_HEADS, UNITS
from danvan_qa.ingest.names import people

_TOKEN = re.compile(r"\w+|[^\w\s]")


# A body right after a title is part of a person's role ("Giám đốc Công an tỉnh"), not a party.
_TITLE_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in sorted(TITLE_HEADS, key=len, reverse=True))
                           + r")\s+$", re.IGNORECASE)


class Body(NamedTuple):
    name: str
    start: int
    end: int


def _continues(prev: str, word: str, nxt: str | None) -> bool:
    if word in STOP:
        return False
    if word.isdigit():
        return prev.lower() in UNITS or prev == "khu"  # "quận 5", "phường 12", "Quân khu 9"
    if word[:1].isupper():
        return True
    return word in NAME_LOWER or word in UNITS


def _bracketed(text: str) -> list[bool]:
    """For each character, whether it stands inside brackets (an abbreviation or an aside)."""
    depth, inside = 0, []
    for ch in text:
        depth += ch == "("
        inside.append(depth > 0)
        depth -= ch == ")" and depth > 0
    return inside


def bodies(text: str) -> list[Body]:
    """The organisations a text names, in order, each with its span; not those in brackets
    ("Ủy ban nhân dân (UBND)", "Cục … (Bộ Công an)")."""
    tokens = list(_TOKEN.finditer(text))
    inside = _bracketed(text)
    found: list[Body] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group(0)
        if word in ("ủy", "uỷ") and i + 1 < len(tokens) and tokens[i + 1].group(0) == "ban":
            word = word.capitalize()  # "ủy ban MTTQ …" written in lower case
        nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) else None
        adjacent = nxt is not None and tokens[i + 1].start() == tokens[i].end() + 1
        if word not in HEADS or (word in PAIRED and not (adjacent and nxt in PAIRED[word])) or \
                (i and tokens[i - 1].group(0)[:1].isupper() and tokens[i - 1].end() + 1 == tokens[i].start()
                 and tokens[i - 1].group(0) not in HEADS):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].start() == tokens[j - 1].end() + 1:
            word_j = tokens[j].group(0)
            if word_j in SURNAMES and _capitalised_run(tokens, j) >= 3 and not _is_place(tokens, j):
                break  # a person's name begins: "Giám đốc Công an tỉnh Nguyễn Văn An"
            if word_j == "và" and _merged_board(tokens, i, j):
                j += 1  # "Ban Tuyên giáo và Dân vận Thành ủy": one board, two fields
                continue
            if not _continues(tokens[j - 1].group(0), word_j, None):
                break
            j += 1
        start, end = tokens[i].start(), tokens[j - 1].end()
        if (j - i > 1 or word in ("UBND", "UBMTTQ", "MTTQ", "HĐND")) and not inside[start] and \
                not _TITLE_BEFORE.search(text[max(0, start - 30) : start]):
            found.append(Body(text[start:end], start, end))
        i = j
    return found


# the fields of a Party board merged into one ("Ban Tuyên giáo và Dân vận", since 2025 in every province)
_FIELDS = (("Tuyên", "giáo"), ("Dân", "vận"))


def _merged_board(tokens: list[re.Match[str]], i: int, j: int) -> bool:
    """Whether "và" at j joins two fields of one board: "Ban" and a field before it, another field after it."""
    def field(k: int) -> tuple[str, ...]:
        return tuple(t.group(0) for t in tokens[k:k + 2])
    return tokens[i].group(0) == "Ban" and j == i + 3 and field(i + 1) in _FIELDS and field(j + 1) in _FIELDS \
        and field(i + 1) != field(j + 1) and tokens[j + 1].start() == tokens[j].end() + 1


def _capitalised_run(tokens: list[re.Match[str]], j: int) -> int:
    n = 0
    while j + n < len(tokens) and tokens[j + n].group(0)[:1].isupper() and tokens[j + n].group(0).isalpha():
        n += 1
    return n


def _is_place(tokens: list[re.Match[str]], j: int) -> bool:
    """Whether the capitalised run at j is a province ("Hồ Chí Minh", "Hà Nam"), not a name."""
    run = [tokens[j].group(0)]
    for t in tokens[j + 1 : j + 4]:
        if not t.group(0)[:1].isupper():
            break
        run.append(t.group(0))
    return any(" ".join(run[:n]) in PROVINCES for n in range(1, len(run) + 1))


# What may stand between two bodies of one group: "A và B", "A phối hợp với B (CCB)", "A, B".
_JOIN = re.compile(r"\s*(?:\([^()]*\)\s*)*(?:(?:tỉnh|thành phố|TP)\s+[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*)*\s*)?"
                   r"(?:,|;|và|với|cùng|cùng với|phối hợp với|giữa)?\s*(?:với\s+)?$")


@lru_cache(maxsize=8192)
def groups(text: str) -> tuple[tuple[Body, ...], ...]:
    """The bodies of a text in groups joined by "và / với / phối hợp với / ,": the parties of one
    act. Bodies inside a person's name and role ("Giám đốc Công an tỉnh") are not parties.
    Cached: the same sentences are read for question after question."""
    taken = [(min(p.start, p.lead if p.lead is not None else p.start), max(p.end, p.role_end or p.end))
             for p in people(text)]
    found = [b for b in bodies(text) if not any(a <= b.start < z for a, z in taken)]
    out: list[list[Body]] = []
    for b in found:
        if out and _JOIN.match(text[out[-1][-1].end : b.start]):
            out[-1].append(b)
        else:
            out.append([b])
    return tuple(tuple(g) for g in out)


def party_groups(text: str, between: bool) -> list[tuple[Body, ...]]:
    """The groups of bodies a sentence names, the likeliest parties of its act first: with
    `between` (who signed, between whom) the groups right after "giữa" lead."""
    found = list(groups(text))
    if not between:
        return found
    after = [g for g in found if re.search(r"(?<!\w)giữa\s+$", text[max(0, g[0].start - 8) : g[0].start])]
    return after + [g for g in found if g not in after]
