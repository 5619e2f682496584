"""Whom a pronoun stands for in a follow-up: "bà ấy" after an answer naming Đại tướng A and Bùi Thị B is B; "hai bên"
after a question naming two bodies is those two.

A Vietnamese woman's name almost always carries "Thị" as its middle name and a man's almost never does, so a
pronoun that says which ("bà, chị" or "ông, anh") picks the first person of the last answer its name fits; a
pronoun that does not ("đồng chí, người, vị") or a name that fits none is the last exchange's person.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.facts import organisations
from danvan_qa.ingest.normalize import fold_keep_case

_WOMAN = re.compile(r"^(?:ba|chi|co)(?!\w)")  # folded: "bà ấy", "chị ấy", "cô ấy"
_MAN = re.compile(r"^(?:ong|anh|chu)(?!\w)")  # "ông ấy", "anh ấy", "chú ấy"
_HER_NAME = re.compile(r"(?<!\w)Thị(?!\w)")
# "giữa A và B", each party cut at a verb or a word after it written in lower case (read with its capitals, folded:
# "Công an tỉnh Nam Sơn" goes on past "Nam", "… ký ngày nào" stops at "ký")
_BETWEEN = re.compile(r"(?<!\w)(?i:giua) (.+?) (?i:va|voi) (.+?)(?= (?:duoc|da|ky|ve|giai doan|nam|ngay|trong|la|co|"
                      r"to chuc|thuc hien|tu|cho|vao)(?!\w)|\s*[,?.;!]|$)")


def meant(pronoun: str, person: str | None, shown: tuple[str, ...]) -> str | None:
    """The person a pronoun (folded, "ba ay") stands for: of the last exchange's person and the people its answer
    listed, the first whose name fits the pronoun; the last exchange's person when none does or it says neither."""
    woman, man = bool(_WOMAN.match(pronoun)), bool(_MAN.match(pronoun))
    if not (woman or man):
        return person
    people = [p for p in dict.fromkeys((person, *shown)) if p]
    return next((p for p in people if bool(_HER_NAME.search(p)) == woman), person)


def two_parties(question: str, restored: str | None) -> str | None:
    """The two parties a question names, as it writes them ("A và B"): "giữa A và B", else (given it `restored`) the
    two bodies it names and no more ("Ban Dân vận Trung ương và Bộ Công an ký … ngày nào?"); None otherwise. What
    "hai bên" of the next question stands for. (Two bodies named without capitals are not found.)"""
    between = _BETWEEN.search(fold_keep_case(question))
    if between:
        return f"{question[between.start(1):between.end(1)]} và {question[between.start(2):between.end(2)]}"
    if restored is None:
        return None
    named = organisations(restored)  # typed bare, said bare
    bare = fold_keep_case(question) == question
    return (" va " if bare else " và ").join(fold_keep_case(n) if bare else n for n in named) if len(named) == 2 else None
