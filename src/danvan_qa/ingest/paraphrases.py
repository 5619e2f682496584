"""Phrases that say the same thing, matched either way.

A reader asks "… qua đời khi nào?" where the text writes "… từ trần ngày …", "ra đời" where it
writes "thành lập", "cưới nhau" where it writes "kết hôn". Matching a question's words against a
sentence reads each phrase of a group as any other phrase of it. The groups are of the language,
none of one text; a phrase of several words is held only where they stand together, and a word
alone whose folded form is also a common other word ("mất" folds like "mặt" of "Mặt trận", "sinh"
is also "học sinh") is left out, so folding never makes a paraphrase of an unrelated sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from danvan_qa.ingest.normalize import fold

GROUPS = (
    ("qua đời", "từ trần", "tạ thế", "từ giã cõi đời", "hy sinh", "tử nạn", "thiệt mạng", "tử vong"),
    ("chào đời", "sinh ra", "ra đời"),
    ("chào đời", "sinh ngày", "sinh năm", "sinh tại", "sinh ở"),  # not of "ra đời": "học sinh năm …" is no birth
    ("thành lập", "ra đời", "sáng lập", "lập ra", "khai sinh"),
    ("khai trương", "khánh thành", "mở cửa", "đưa vào sử dụng", "đưa vào hoạt động", "đi vào hoạt động"),
    ("phát hiện", "tìm ra", "khám phá", "tìm thấy"),
    ("phát minh", "sáng chế"),
    ("kết hôn", "cưới nhau", "thành hôn", "lấy nhau"),
    ("an táng", "chôn cất", "mai táng", "yên nghỉ"),
    ("xây dựng", "dựng lên", "xây lên", "kiến tạo"),
    ("diễn ra", "tổ chức"),
    ("bắt đầu", "khởi đầu", "mở đầu"),
    ("khởi công", "động thổ", "bắt đầu xây", "bắt đầu xây dựng", "bắt đầu được xây"),
    ("kết thúc", "chấm dứt", "khép lại"),
    ("hoàn thành", "hoàn tất", "xây xong", "làm xong", "xây dựng xong"),
    ("giành", "đoạt", "giành được", "đoạt được"),
    ("khởi nghĩa", "nổi dậy"),
    ("phất cờ", "dựng cờ"),
    ("tọa lạc", "nằm ở", "nằm tại", "nằm trên"),
    ("dân số", "số dân"),
    ("độ cao", "chiều cao"),
    ("chiều dài", "độ dài"),
    ("xuất bản", "phát hành", "ra mắt", "công bố"),
    ("đổi tên", "mang tên", "đặt tên", "đặt theo tên"),
    ("chủ trì", "chủ tọa"),
    ("tham dự", "có mặt"),
    ("tốt nghiệp", "ra trường"),
    ("nghỉ hưu", "về hưu"),
    ("sáp nhập", "hợp nhất"),
    ("chuyển giao", "bàn giao", "trao trả"),
    ("sáng tác", "viết nên", "soạn nên"),
    # units as a reader says them and as a text writes them ("dài bao nhiêu mét": "dài 120 m"); the metre
    # only after the question's "bao nhiêu / mấy" ("mét" alone folds like "mệt"), written with spaces as
    # questions are read ("ki-lô-mét" is "ki lô mét"); not "ha" for "héc-ta", which folds like "Hà"
    ("bao nhiêu mét", "mấy mét", "m"),
    ("ki lô mét", "cây số", "km"),
    ("ki lô gam", "kg"),
    ("mét vuông", "m2", "m²"),
)


@lru_cache(maxsize=1)
def _by_first() -> dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]]:
    """Each folded phrase, by its first word, with its group."""
    found: dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]] = {}
    for group in GROUPS:
        folded = tuple(tuple(fold(p).lower().split()) for p in group)
        for phrase in folded:
            found.setdefault(phrase[0], []).append((phrase, folded))
    return found


def paraphrases(tokens: Sequence[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """For a question's folded tokens: each phrase of a group they hold with every other phrase of
    its group, as (the tokens it covers, what holds them), the pairs `abbreviations.held_through`
    reads: a phrase of several words as its word pairs ("ra mat"), so that it is held only where
    its words stand together, not "ra" and "Mặt trận" anywhere in a sentence."""
    found, seen = [], set()
    for i, token in enumerate(tokens):
        for phrase, group in _by_first().get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase and (phrase, group) not in seen:
                seen.add((phrase, group))
                found += [(frozenset(phrase), _held_as(other)) for other in group if other != phrase]
    return found


def _held_as(phrase: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f"{a} {b}" for a, b in zip(phrase, phrase[1:])) if len(phrase) > 1 else frozenset(phrase)
