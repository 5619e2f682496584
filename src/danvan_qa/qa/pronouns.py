"""Whom a pronoun stands for in a follow-up: "bà ấy" after an answer naming Đại tướng A and Bùi Thị B is B.

A Vietnamese woman's name almost always carries "Thị" as its middle name and a man's almost never does, so a
pronoun that says which ("bà, chị" or "ông, anh") picks the first person of the last answer its name fits; a
pronoun that does not ("đồng chí, người, vị") or a name that fits none is the last exchange's person.
"""

from __future__ import annotations

import re

_WOMAN = re.compile(r"^(?:ba|chi|co)(?!\w)")  # folded: "bà ấy", "chị ấy", "cô ấy"
_MAN = re.compile(r"^(?:ong|anh|chu)(?!\w)")  # "ông ấy", "anh ấy", "chú ấy"
_HER_NAME = re.compile(r"(?<!\w)Thị(?!\w)")


def meant(pronoun: str, person: str | None, shown: tuple[str, ...]) -> str | None:
    """The person a pronoun (folded, "ba ay") stands for: of the last exchange's person and the people its answer
    listed, the first whose name fits the pronoun; the last exchange's person when none does or it says neither."""
    woman, man = bool(_WOMAN.match(pronoun)), bool(_MAN.match(pronoun))
    if not (woman or man):
        return person
    people = [p for p in dict.fromkeys((person, *shown)) if p]
    return next((p for p in people if bool(_HER_NAME.search(p)) == woman), person)
