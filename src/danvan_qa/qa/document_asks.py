"""How a question asks about a programme or another document: named by its number alone ("Chương
trình 09"), asking for its number ("số hiệu gì", "kế hoạch số mấy"), its signing or its signatories.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import Question


def programme_numbers(q: Question) -> set[str]:
    """Programmes the question names by the number alone: "Chương trình phối hợp (số) 09" -> {"9"}."""
    found = re.findall(r"chương trình(?: phối hợp)?(?: số)?\s+0*(\d+)(?![\d/-])", q.restored.lower())
    return set(found)


# "chương trình số mấy": the document kind asked for, and the kinds its numbers are written with
NUMBERED = {"chuong trinh": ("ctr", "ctrph", "ctph"), "ke hoach": ("kh", "khph"), "quyet dinh": ("qd",),
            "nghi quyet": ("nq",), "chi thi": ("ct",)}
ASKS_NUMBERED = re.compile(r"(?<!\w)(" + "|".join(NUMBERED) + r")(?: phoi hop)? so (?:may|nao|bao nhieu)(?!\w)")


CODE_WORDS = r"(?:so|ky) hieu"  # a document's number, as a question says it (folded): "số hiệu", "ký hiệu"
# "nêu rõ ngày ký", "kèm cả số hiệu lẫn ngày ban hành", "ghi đủ cả số hiệu và ngày ban hành": those whose day of
# signing or issue is written (not "không / chưa nêu ngày ký"), folded
DAY_WRITTEN = (r"(?<!khong )(?<!chua )(?:ca|du|kem|co|lan|va|cung|neu(?: ro)?|ghi(?: ro)?) (?:ca )?ngay "
               r"(?:ky|ban hanh)(?!\w)")


def asks_code(q: Question) -> bool:
    """Whether the question asks for a document's number ("có số hiệu gì", "ký hiệu", "chương
    trình số mấy")."""
    return bool(re.search(rf"(?<!\w){CODE_WORDS}(?!\w)", q.folded) or ASKS_NUMBERED.search(q.folded))


def code_kind(code: str) -> str:
    """The kind a document number is written with: "38-Ctr/BDVTW-BCA" -> "ctr"."""
    m = re.match(r"\d+[-/]([a-z]+)", fold(code).lower())
    return m.group(1) if m else ""


def asks_signing(q: Question) -> bool:
    """Whether a date question asks when a document was signed or issued ("ký ngày nào"), not
    when it was reviewed or carried out ("tổng kết Chương trình 09 ngày nào")."""
    return bool(re.search(r"(?<!\w)(?:ky|ban hanh)(?!\w)", q.folded))


def asks_signatories(q: Question) -> bool:
    """Whether a "which organisations" question asks who signed, or between whom ("giữa", "ký")."""
    return bool(re.search(r"(?<!\w)(?:giua|ky)(?!\w)", fold(q.restored)))
