"""Prizes: who or what won a given prize ("Đội nào đoạt giải nhất?", "Giải ba về tay ai?").

A question names the prize by its grade after "giải" (nhất, nhì, ba, khuyến khích, đặc biệt; A, B, C
written as capitals) and asks who or which holds it. The holder is read in a ranked sentence that
names the same grade, on either side of it: after it ("giải nhất thuộc về X", "giải nhì là X",
"giải ba: X", "trao giải nhất cho X") or before it ("X đoạt giải nhất", "X được trao Giải nhất").
The sentence ranker alone put the organisers' sentence first (it shares the contest's words); the
grade and a holder beside it are what answer the question.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.drafts import Draft, Drafter
from danvan_qa.qa.questions import Question
from danvan_qa.qa.records import Statement, Strong

_GRADES = r"nhat|nhi|ba|tu|khuyen khich|dac biet|phu"
_GRADE = re.compile(rf"(?<!\w)giai ({_GRADES})(?!\w)")
_LETTER = re.compile(r"(?<!\w)[Gg]iải ([ABC])(?!\w)")  # "giải A" only as a capital: "a" is too common
# who or which holds it: "ai", "đội / đơn vị … nào", "về tay ai", "thuộc về …"; not "hội thi nào", "giải nào"
_ASKS_HOLDER = re.compile(r"(?<!\w)(?:ai|(?:doi|don vi|tap the|ca nhan|tac pham|co quan|dia phuong|xa|phuong|huyen|tinh|"
                          r"cong an \w+(?: \w+)?|truong|nguoi|nhom) nao|ve tay|thuoc ve)(?!\w)")
# "Ai trao giải nhất …?" asks who gave it; "trao giải nhất cho …", "được trao giải nhất" ask who got it
_GIVER = re.compile(r"(?<!\w)(?<!duoc )trao(?!\w)(?!(?: \w+){0,6} cho(?!\w))")
_ASKS_OTHER = re.compile(r"(?<!\w)(?:bao nhieu|may|so luong|tri gia|bao gio|khi nao|ngay nao|o dau)(?!\w)")
# after the grade: "thuộc về X", "là X", ": X", "(được) trao cho X", "về tay X", "gồm X"
_AFTER = re.compile(r"\s*(?:(?:da |duoc )?(?:thuoc ve|ve tay|trao cho|danh cho|cho|la|gom)\s+|:\s*)")
# before the grade: "X đoạt / giành (được) / đạt / nhận / được trao (01, một) giải nhất"
_BEFORE = re.compile(r"(?:\s(?:da|xuat sac|lan luot))?\s(?:doat|gianh|dat|nhan|duoc trao|duoc nhan|xep|gianh duoc|doat duoc)"
                     r"(?:\s(?:01|1|mot|cac))?\s$")
_HOLDER_END = re.compile(r"\s*(?:[;.…(]|,\s*(?:\d+\s+)?giai\s|\s(?:va|con)\s+(?:\d+\s+)?giai\s|$)")
_CLAUSE_START = re.compile(r"[,;:]\s*")


def asked_grade(folded: str, text: str = "") -> str | None:
    """The grade of prize a question asks the holder of ("nhat", "khuyen khich", "A"), or None."""
    if _ASKS_OTHER.search(folded) or not _ASKS_HOLDER.search(folded) or _GIVER.search(folded):
        return None
    letter = _LETTER.search(text)
    if letter:
        return letter.group(1)
    grades = {m.group(1) for m in _GRADE.finditer(folded)}
    return grades.pop() if len(grades) == 1 else None


def holder(sentence: str, grade: str) -> tuple[int, int] | None:
    """Where the holder of the prize of `grade` is in `sentence`, or None when it names none."""
    folded = fold(sentence)
    found = _LETTER.finditer(sentence) if grade.isupper() else _GRADE.finditer(folded)
    for m in found:
        if m.group(1) != grade:
            continue
        after = _AFTER.match(folded, m.end())
        if after:
            end = _HOLDER_END.search(folded, after.end())
            span = _trimmed(sentence, after.end(), end.start() if end else len(sentence))
            if span:
                return span
        before = _BEFORE.search(folded[:m.start()])
        if before:
            starts = [c.end() for c in _CLAUSE_START.finditer(folded, 0, before.start())]
            span = _trimmed(sentence, starts[-1] if starts else 0, before.start())
            if span:
                return span
    return None


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its spaces and closing punctuation; None when it holds no word."""
    while start < end and not sentence[start].isalnum() and sentence[start] not in "“\"":
        start += 1
    while end > start and not sentence[end - 1].isalnum() and sentence[end - 1] not in "”\")":
        end -= 1
    words = re.findall(r"\w+", sentence[start:end])
    return (start, end) if words and len(words) <= 20 else None


def prize_draft(q: Question, ranked: list[tuple[SentenceCandidate, float]], drafter: Drafter) -> Draft | None:
    """The holder of the prize asked about, in bold, from the best ranked sentence naming one."""
    grade = asked_grade(q.folded, q.text)
    if grade is None:
        return None
    for cand, _ in ranked:
        span = holder(cand.text, grade)
        if span is not None:
            evidence = drafter.evidence(cand.doc_id, cand.start, cand.end)
            name = cand.text[span[0]:span[1]]
            return Draft(name, (Statement((Strong(name), ': "', cand.text, '"'), evidence),), evidence, "typed",
                         span_p=1.0)
    return None
