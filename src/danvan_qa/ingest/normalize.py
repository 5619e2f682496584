"""Vietnamese text normalisation, diacritic folding and syllable tokenisation.

Documents and queries go through the same functions so that NFD text, old/new
tone placement (hoà/hòa) and diacritic-free typing all meet on common ground.
`fold` maps each character to exactly one character, so offsets found in the
folded text are offsets in the original text too.
"""

from __future__ import annotations

import re
import unicodedata

NORMALIZER_VERSION = 1

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Open syllables ending in oa / oe / uy: put the tone on the first vowel
# (hoà -> hòa, khoẻ -> khỏe, thuỷ -> thủy). "qu" + y (quý) is not such a
# cluster, so a preceding q blocks the move.
_OLD_TONE = re.compile(r"(?<![qQ\w])(\w*?)(?<![qQ])([oOuU])([^\W\d_])(?!\w)")


def _move_tone(match: re.Match[str]) -> str:
    head, first, second = match.groups()
    pair = (first.lower(), unicodedata.normalize("NFD", second)[0].lower())
    if pair not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return match.group(0)
    decomposed = unicodedata.normalize("NFD", second)
    tones = [c for c in decomposed[1:] if c in _TONES]
    if not tones or len(decomposed) != 2:  # no tone, or a letter-forming mark too
        return match.group(0)
    first_toned = unicodedata.normalize("NFC", first + tones[0])
    return head + first_toned + decomposed[0]


def normalize_text(text: str) -> str:
    """NFC, plain spaces and quotes, one tone placement, no control characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    text = text.translate(_QUOTES)
    return _OLD_TONE.sub(_move_tone, text)


def normalize_tracked(nfc: str) -> tuple[str, list[int]]:
    """`normalize_text(nfc)` and, for each of its characters, the index of the character of `nfc` it comes from.

    `nfc` must already be NFC (the published text). Every step after NFC maps a
    character to one character, deletes it (zero-width marks, the \\r of \\r\\n)
    or, for a tone move, rewrites a syllable to one of the same length, so
    each output character has exactly one source and the sources increase.
    Any other change raises ValueError instead of guessing.
    """
    text, origin = nfc, list(range(len(nfc)))
    text, origin = sub_tracked(re.compile(r"\r\n"), "\n", text, origin)
    text = text.replace("\r", "\n")
    text, origin = sub_tracked(_ZERO_WIDTH, "", text, origin)
    same_length = _CONTROL.sub(" ", _SPACES.sub(" ", text)).translate(_QUOTES)
    if len(same_length) != len(text):
        raise ValueError("a space, control or quote replacement changed the text's length")
    return sub_tracked(_OLD_TONE, _move_tone, same_length, origin)


def sub_tracked(pattern: re.Pattern[str], repl, text: str, origin: list[int]) -> tuple[str, list[int]]:
    """`pattern.sub(repl, text)` carrying `origin` (one source index per character) along.

    A replacement must keep the match's length (characters map one to one) or be
    a suffix of the match (the characters before it are deleted); otherwise the
    sources of the new characters would be a guess, so ValueError.
    """
    parts: list[str] = []
    sources: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        new = repl(m) if callable(repl) else repl
        parts.append(text[pos:a])
        sources.extend(origin[pos:a])
        if len(new) == b - a:
            sources.extend(origin[a:b])
        elif text[a:b].endswith(new):
            sources.extend(origin[b - len(new) : b])
        else:
            raise ValueError(f"cannot map the replacement of {m.group(0)!r} by {new!r} back to the text")
        parts.append(new)
        pos = b
    parts.append(text[pos:])
    sources.extend(origin[pos:])
    return "".join(parts), sources


_FOLD_SPAN = 0x3000  # Latin, Vietnamese and the punctuation blocks; anything above maps to itself


def _build_fold_table() -> list[int | str]:
    """A list, not a dict: str.translate indexes it about three times faster. Code points past
    its end are left as they are, as a dict would leave a missing key."""
    table: list[int | str] = list(range(_FOLD_SPAN))
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    for cp in range(0xC0, 0x1F00):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = base
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower-case and strip diacritics, one character for one (needs NFC input)."""
    return text.translate(_FOLD).lower()


def fold_keep_case(text: str) -> str:
    """`fold` without lower-casing: "Pháp" -> "Phap", so a name stays told apart from "pháp luật"."""
    return text.translate(_FOLD)


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


_WORD = re.compile(r"\w+")


def syllables(text: str) -> list[str]:
    """Lower-case syllable tokens; one-letter syllables (ở, và, 5) are kept."""
    return _WORD.findall(normalize_text(text).lower())


_PERCENT = re.compile(r"(?<=\d)\s*%")  # "100%" is read "100 phần trăm", as a question asks it


def lexical_tokens(text: str) -> tuple[list[str], list[str]]:
    """Tokens for the two BM25 fields: exact syllables, and folded syllables + bigrams.

    Bigrams of folded syllables let "ky ket" match the compound "ký kết" more
    strongly than two unrelated syllables would; a percentage is its words ("bao nhiêu phần trăm").
    """
    exact = syllables(_PERCENT.sub(" phần trăm", text))
    folded = [fold(t) for t in exact]
    bigrams = [f"{a}_{b}" for a, b in zip(folded, folded[1:])]
    return exact, folded + bigrams
