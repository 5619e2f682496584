"""Abbreviations and what they stand for, matched either way.

A question writes "Bộ CHQS" or "CAND" where its article writes "Bộ Chỉ huy Quân sự" or
"Công an nhân dân", or the other way round; matching a question's words against a sentence
reads both forms. The table holds only the bodies, forces and terms that the country's press
abbreviates everywhere, none of one article, and no abbreviation that folds to a Vietnamese
syllable ("CA" is also "cá"), so a folded word is never mistaken for one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Sequence

from danvan_qa.ingest.normalize import fold, fold_keep_case

ABBREVIATIONS = {
    "CAND": "Công an nhân dân", "QĐND": "Quân đội nhân dân", "LLVT": "lực lượng vũ trang",
    "ANTQ": "an ninh Tổ quốc", "ANTT": "an ninh trật tự", "ATGT": "an toàn giao thông",
    "CHQS": "Chỉ huy quân sự", "BCHQS": "Bộ Chỉ huy quân sự", "BĐBP": "Bộ đội Biên phòng",
    "MTTQ": "Mặt trận Tổ quốc", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân", "TW": "Trung ương", "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng",
    "CATW": "Công an Trung ương", "BDVTW": "Ban Dân vận Trung ương", "BDV": "Ban Dân vận",
    "ĐUCA": "Đảng ủy Công an", "DTTS": "dân tộc thiểu số", "CCB": "Cựu chiến binh",
    "BTV": "Ban Thường vụ", "UVTV": "Ủy viên Thường vụ", "BCH": "Ban Chấp hành", "BCĐ": "Ban Chỉ đạo",
    "UBKT": "Ủy ban Kiểm tra", "QCDC": "quy chế dân chủ", "LHPN": "Liên hiệp Phụ nữ",
    "TNCS": "Thanh niên Cộng sản", "CBCS": "cán bộ chiến sĩ", "TP": "thành phố",
    "TPHCM": "thành phố Hồ Chí Minh", "HCM": "Hồ Chí Minh", "VN": "Việt Nam", "NQ": "Nghị quyết",
    "TTXVN": "Thông tấn xã Việt Nam", "PCCC": "phòng cháy chữa cháy", "TDTT": "thể dục thể thao",
    "XHCN": "xã hội chủ nghĩa", "BHYT": "bảo hiểm y tế", "BHXH": "bảo hiểm xã hội",
    "THCS": "trung học cơ sở", "THPT": "trung học phổ thông",
    "DVK": "Dân vận khéo", "CTPH": "chương trình phối hợp",  # the movement and the programme, as chats type them
    "PN": "Phụ nữ",  # "Hội PN"
}
_FOLDED = {fold(a).lower(): tuple(fold(e).lower().split()) for a, e in ABBREVIATIONS.items()}
# The short name the press gives a body everywhere, not its abbreviation's whole phrase: "Mặt trận" is the
# Mặt trận Tổ quốc ("giữa công an và Mặt trận" is held where the article writes "MTTQ")
_SHORT_NAMES = {("mat", "tran"): "mttq"}
# "BCH" is a Ban Chấp hành, but before a force a Bộ Chỉ huy: "BCH Quân sự", "BCH Biên phòng" (folded)
_FORCES = r"(?:quan su|bo doi bien phong|bien phong)(?!\w)"
_COMMANDS = (("bch", "bo chi huy"), ("bo chi huy", "bch"))


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Expansions by their first folded word, longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for abbr, words in sorted(_FOLDED.items(), key=lambda kv: -len(kv[1])):
        by_first.setdefault(words[0], []).append((words, abbr))
    return by_first


def _written_out(tokens: Sequence[str], short: bool = False) -> list[str]:
    """The abbreviations whose written-out phrase (or, with `short`, short name) the folded tokens hold, in order."""
    found = []
    for i, t in enumerate(tokens):
        for words, abbr in _phrases().get(t, ()):
            if tuple(tokens[i : i + len(words)]) == words:
                found.append(abbr)
                break
        else:
            if short:
                found += [abbr for words, abbr in _SHORT_NAMES.items() if tuple(tokens[i : i + len(words)]) == words]
    return list(dict.fromkeys(found))


Aliases = Sequence[tuple[frozenset[str], frozenset[str]]]  # (the asked tokens covered, the words that hold them)


def aliases(tokens: Sequence[str], short: bool = False) -> list[tuple[frozenset[str], frozenset[str]]]:
    """For a question's folded tokens: each abbreviation with the words it stands for, and each
    written-out phrase with its abbreviation, as (the tokens it covers, the words that hold them);
    with `short`, a body's short name too ("Mặt trận" for MTTQ), for finding the articles on a topic."""
    return [(frozenset({t}), standing) for t in dict.fromkeys(tokens) if t in _FOLDED for standing in _forms(t)] + \
        [(frozenset(_FOLDED[a]), frozenset({a})) for a in _written_out(tokens, short)]


@lru_cache(maxsize=None)
def _forms(abbr: str) -> tuple[frozenset[str], ...]:
    """The words an abbreviation is written as: whole ("bchqs": bộ chỉ huy quân sự), or half abbreviated by
    another abbreviation its words open or close with ("Bộ CHQS", "BDV TW", "Ủy ban MTTQ")."""
    words = _FOLDED[abbr]
    halves = [(*words[:-len(part)], other) if words[-len(part):] == part else (other, *words[len(part):])
              for other, part in _FOLDED.items() if other != abbr and len(part) < len(words)
              and (words[-len(part):] == part or words[:len(part)] == part)]
    both = [(first, last) for first, head in _FOLDED.items() for last, tail in _FOLDED.items()
            if first != abbr != last and head + tail == words]  # "BDV TW": each half abbreviated
    return (frozenset(words), *(frozenset(h) for h in halves + both))


def held_through(found: Aliases, words: AbstractSet[str]) -> set[str]:
    """The asked words of `aliases()` pairs whose other form `words` hold."""
    return {w for asked, standing in found if standing <= words for w in asked}


def is_abbreviation(token: str) -> bool:
    """Whether a folded token is an abbreviation of the table (its words may be written out)."""
    return token in _FOLDED


def expanded(words: set[str]) -> set[str]:
    """Folded words with the words of every abbreviation among them: "uy ban mttq" also holds
    "mat tran to quoc"."""
    return words.union(*(_FOLDED[w] for w in words if w in _FOLDED))




def spellings(phrase: str) -> list[str]:
    """Ways the press may write a folded phrase, itself first, then with one swap each: an
    abbreviation in it written out, or a written-out phrase abbreviated ("truong ban dan van trung
    uong" is also "truong ban dan van tw" and "truong bdvtw"); one with two abbreviations, written out whole
    too ("truong bdv tw" is "truong ban dan van trung uong"). For finding a phrase as a substring."""
    tokens = phrase.split()
    found = [phrase]
    for i, t in enumerate(tokens):
        if t in _FOLDED:
            found.append(" ".join((*tokens[:i], *_FOLDED[t], *tokens[i + 1 :])))
        found += [" ".join((*tokens[:i], abbr, *tokens[i + len(words) :])) for words, abbr in _phrases().get(t, ())
                  if tuple(tokens[i : i + len(words)]) == words]
    if sum(t in _FOLDED for t in tokens) > 1:  # "truong bdv tw": written out whole, then swapped one at a time
        found += spellings(" ".join(w for t in tokens for w in _FOLDED.get(t, (t,))))
    for written, other in _COMMANDS:
        if re.search(rf"(?<!\w){written} {_FORCES}", phrase):
            found.append(re.sub(rf"(?<!\w){written} (?={_FORCES})", f"{other} ", phrase))
    # "Ủy viên Trung ương Đảng" is "Ủy viên Ban Chấp hành Trung ương Đảng", written out or not
    found += [re.sub(r"(?<!\w)uy vien (?:ban chap hanh |bch )?(?=trung uong|tw)", f"uy vien {body}", form)
              for body in ("", "ban chap hanh ") for form in list(found) if re.search(r"(?<!\w)uy vien (?:ban chap hanh |bch )?(?:trung uong|tw)", form)]
    # "Chủ tịch MTTQ" as the press shortens "Chủ tịch Ủy ban (Trung ương) MTTQ …": the committee it chairs
    found += [re.sub(r"(?<!\w)chu tich (?=mat tran|mttq)", f"chu tich {organ} ", form) for organ in ("uy ban", "uy ban trung uong")
              for form in list(found) if re.search(r"(?<!\w)chu tich (?:mat tran|mttq)", form)]
    return list(dict.fromkeys(found))


# Written out in a question only, as typed in capitals: each folds to a syllable ("CAT" is "cát"), so the
# table cannot hold them; "CTr" is a programme in any case (in a code, a part of it)
CAPITALS = {"CA": "Công an", "CAT": "Công an tỉnh", "CATP": "Công an thành phố", "CAH": "Công an huyện",
            "CAX": "Công an xã", "TU": "Tỉnh ủy", "TƯ": "Trung ương", "HU": "Huyện ủy", "BDVTU": "Ban Dân vận Tỉnh ủy",
            "BDVHU": "Ban Dân vận Huyện ủy", "PBT": "Phó Bí thư"}
# "GĐ CA tỉnh", "GD Công an": a director, before a police body only ("GĐ 2022-2027" is a period, "Sở GD" education)
_DIRECTOR = re.compile(r"(?<![\w/\-–])(P?)G[DĐ](?= (?:CA|[Cc]ông an|cong an)(?!\w))")
_WRITTEN = {fold(a).lower(): e for a, e in ABBREVIATIONS.items()}
# a word that is not a part of a code ("38-CTr/BDVTW-BCA", "38–CTr") nor of a dotted name ("TP.HCM")
_STANDING = re.compile(r"(?<![\w/\-–])(?<!\w\.)\w+(?![\w/\-–])(?!\.\w)")


def capitals_written_out(text: str) -> str:
    """The text with each abbreviation of CAPITALS, standing alone as typed, written out: "BDV TU và
    CAT" is "BDV Tỉnh ủy và Công an tỉnh"; a text all in capitals is left as typed ("ĐÃ TU BỔ")."""
    if text.isupper():
        return text
    text = _DIRECTOR.sub(lambda m: "Phó Giám đốc" if m.group(1) else "Giám đốc", text)
    return _STANDING.sub(lambda m: CAPITALS.get(m.group(0), m.group(0)), text)


def written_out(text: str) -> str:
    """The text with each abbreviation standing alone written out: "BDV TW" is "Ban Dân vận Trung
    ương", "Đảng ủy CA TW" "Đảng ủy Công an Trung ương", "ctr phối hợp" "chương trình phối hợp"."""
    def out(m: re.Match) -> str:
        word = m.group(0)
        return "chương trình" if word.lower() == "ctr" else _WRITTEN.get(fold(word).lower(), word)
    return _STANDING.sub(out, capitals_written_out(text))


# Chat shorthand, lower-case and standing alone: "ctr" is "chương trình", "dc" "được", "ko" "không", "vs" "với" ("bn"
# is "bạn" as often as "bao nhiêu": read below, by the words around it). Written without marks where the question has none, so the restorer reads
# the words around it
_SHORTHAND = {"ctr": ("chuong trinh", "chương trình"), "dc": ("duoc", "được"), "đc": ("duoc", "được"),
              "ko": ("khong", "không"), "kg": ("khong", "không"), "vs": ("voi", "với"), "ntn": ("nhu the nao", "như thế nào"),
              "nhiu": ("nhieu", "nhiêu")}  # "bao nhiu" typed fast
# "hn", "ct", "ca" typed for a conference, a programme, the police, where the words around say so: "các hn", "lễ / hn
# ký kết", "ct phối hợp", "giam doc ca tp"; elsewhere "HN" is Hà Nội, "ct" may be "công tác" (folded context)
_TYPED_EVENT = re.compile(r"(?<!\w)(?:(?:cac|nhung|bao nhieu|may|mot|le|buoi|hoac|hay) |/ )(?P<w>hn|ct)(?!\w)"
                          r"|(?<!\w)(?P<b>hn|ct)(?= (?:ky ket|tong ket|so ket|ve|nao|giao ban|trien khai|phoi hop|so \d|\d))"
                          # "ca" for the police after a post of it ("giam doc ca tp", "bo ca"); "cả tỉnh" elsewhere
                          r"|(?<!\w)(?:giam doc|gd|lanh dao|bo|can bo|chien si) (?P<p>ca)(?!\w)"
                          r"|(?<!\w)(?P<q>ca)(?= (?:nhung |cac )?(?:tinh|huyen|xa|tp|thanh pho) nao(?!\w))"
                          # "bn" counting: "co bn nguoi", "la bn?", "dc bn mo hinh"; "bn ơi", "cho bn hỏi" are "bạn"
                          r"|(?<!\w)(?:co|la|duoc|dc|gom|tong|tat ca|het|mat) (?P<n>bn)(?!\w)(?! oi(?!\w))"
                          r"|(?<!\w)(?P<m>bn)(?= (?:nguoi|cuoc|hoi thi|hoi nghi|mo hinh|chuong trinh|bai|su kien|tinh|don vi|"
                          r"lan|nam|buoi|doi|dai bieu|can bo|to|cau lac bo|ho|xa|huyen|quan khu|van ban|ke hoach|nghi quyet|"
                          # … or a title's holders: "bn giám đốc công an tỉnh …", "bn vị Thứ trưởng" (not "bn vì sao")
                          r"dong chi|vi(?= (?:\w+ )?(?:bo truong|thu truong|truong|pho|giam doc|chu tich|bi thu|lanh dao"
                          r"|dai bieu|(?:dai|thuong|trung|thieu) (?:tuong|ta)))|giam doc|thu truong|bo truong|chu tich|bi thu"
                          r"|pho|truong ban|(?:dai|thuong|trung|thieu) (?:tuong|ta))(?!\w))"
                          # "ng" counted or asked which ("may ng", "nhung ng nao"): "người"; elsewhere "Ng." may be Nguyễn
                          r"|(?<!\w)(?:may|bao nhieu|nhung|cac|moi|mot|nhieu) (?P<g>ng)(?!\w)|(?<!\w)(?P<h>ng)(?= nao(?!\w))", re.I)
_TYPED_WORDS = {"hn": "hội nghị", "ct": "chương trình", "ca": "công an", "bn": "bao nhiêu", "ng": "người"}


# Provinces typed short ("o BR-VT", "tt-hue"), folded: written out as the articles name them
_PROVINCE_SHORT = {"br-vt": "Bà Rịa - Vũng Tàu", "brvt": "Bà Rịa - Vũng Tàu", "tt-hue": "Thừa Thiên Huế",
                   "tth": "Thừa Thiên Huế", "dbscl": "Đồng bằng sông Cửu Long"}
_PROVINCE_TYPED = re.compile(r"(?<![\w/\-–])(?:br ?- ?vt|brvt|tt ?- ?hue|tth|dbscl)(?![\w/\-–])", re.IGNORECASE)
# A particle closing a chat question: "vậy", "nhỉ", "ạ", "hả", "nhé" as typed with marks ("… được đưa tin vậy?", not
# "như vậy"); "vay", "z", "v", "thế" only right after a question word ("o dau z", "ngay nao v": not "được vay",
# "lợi thế", "gen z")
_CLOSING = re.compile(r"(?<!\w)(?<!như )(?:vậy|nhỉ|ạ|hả|nhé)(?=\W*$)", re.IGNORECASE)
_CLOSING_AFTER_ASK = re.compile(r"(?<=\s)(?:vay|z|v|thế)(?=\W*$)", re.IGNORECASE)
_ASK_WORDS = frozenset("nao gi dau ai nhieu may khong chua sao tin bai".split())  # folded; "… đưa tin vay", "… các bài vay"


# … and the readers addressed after it, right after a particle or a question word: "… ở đâu vậy mn?", "… tỉnh nào vay
# moi nguoi", "… vay ad" (not "… gửi thư khen tới mọi người?", "… bao nhiêu tiền mỗi người", nor "MN", miền núi)
_ADDRESSED = re.compile(r"(?<=\s)(?P<said>vậy|vay|z|v|ạ|a|nhé|nhe|nào|nao|gì|gi|đâu|dau|ai|không|khong)"
                        r"\s+(?:mn|mọi người|moi nguoi|ad|admin)(?=\W*$)")


def _without_closing(text: str) -> str:
    """The question without a particle closing it (_CLOSING) or the readers it addresses, its "?" kept."""
    text = _CLOSING.sub("", _ADDRESSED.sub(lambda m: m["said"] or "", text))
    after_ask = _CLOSING_AFTER_ASK.search(text)
    if after_ask and (fold(text[:after_ask.start()]).lower().split() or [""])[-1] in _ASK_WORDS:
        text = text[:after_ask.start()] + text[after_ask.end():]
    return text.replace(" ?", "?").rstrip()


# a period typed with a space or a word between its years ("giai doan 2022 2026", "nhiệm kỳ 2020 đến 2025"; folded)
_SPACED_PERIOD = re.compile(r"(?<!\w)(?:giai doan|nhiem ky) (?P<a>(?:19|20)\d\d)(?P<gap> (?:(?:den|toi) )?)(?:19|20)\d\d(?![\d/-])",
                            re.I)


def shorthand_written_out(text: str) -> str:
    """The text with chat shorthand written out ("co bao nhieu ctr dc ky", "các hn về …") and a closing particle
    dropped ("… vậy?"); a word of a code or a name in capitals other than "HN" stays; a period's years joined."""
    text = _without_closing(text) if len(text.split()) > 2 else text
    for m in reversed(list(_SPACED_PERIOD.finditer(fold(text)))):  # folding keeps offsets
        text = f"{text[:m.start('gap')]}-{text[m.end('gap'):]}"
    marked = fold(text) != text.lower()
    for m in reversed(list(_PROVINCE_TYPED.finditer(fold(text)))):  # folding keeps offsets
        name = _PROVINCE_SHORT[m.group(0).lower().replace(" ", "")]
        text = f"{text[:m.start()]}{name if marked else fold_keep_case(name)}{text[m.end():]}"
    def out(m: re.Match) -> str:
        word = m.group(0)
        plain, written = _SHORTHAND.get(word.lower(), (None, None)) if word.islower() else (None, None)
        return (written if marked else plain) or word
    text = _STANDING.sub(out, text)
    folded = fold(text)  # one character for one: the offsets hold in the text
    parts, last = [], 0
    for m in _TYPED_EVENT.finditer(folded):
        at = next(g for g in ("w", "b", "p", "q", "n", "m", "g", "h") if m.group(g))
        if at in "pq" and text[m.start(at):m.end(at)] != "ca":  # "CA" in capitals: written out as typed elsewhere
            continue
        word = _TYPED_WORDS[m.group(at).lower()]
        parts += [text[last:m.start(at)], word if marked else fold(word)]
        last = m.end(at)
    return "".join(parts) + text[last:]
