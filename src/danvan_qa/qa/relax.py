"""Looser readings of a question across the archive that no shape reads as asked: the same question less a
qualifier that narrows nothing the fact table records.

Writers qualify what they ask in ways no list shape reads: who took part ("… có công an tham gia", "mà công an
đồng tổ chức với một cơ quan khác"), how the articles tell it ("được nêu cụ thể ngày ký", "được thuật lại trong
các tin", "trong loạt bài"), a stress ("riêng", "cụ thể"), a short lead ("Hỏi vui: …"), a rule said after the
question ("? ko tính thi đua nhé"). Each is cut alone, then all together, and only where it names nothing of its
own (no capital, digit or province: "với Ủy ban MTTQ", "ở TP X" stay): the question's subject, place and time are
kept, so a looser reading lists the same things or more of them, never other things.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from danvan_qa.ingest.normalize import fold

_W = r"[\w/-]+"  # a word as typed, "đ/c" and "tổ chức/phối hợp" too
_ACTS = r"(?:(?:phoi hop|dong|cung|truc tiep) )?(?:to chuc|tham gia|tham du|du|chu tri)"
# each qualifier, on the folded question (folding keeps offsets)
_QUALIFIERS = (
    # who took part: "có công an tham gia", "do công an tổ chức hoặc phối hợp", "mà công an đồng tổ chức với một
    # cơ quan khác" (another body unnamed: "với Ban X" names one, a capital)
    re.compile(rf"(?<!\w)(?:ma|co|do) (?:{_W} ){{0,6}}?{_ACTS}"
               rf"(?:(?: hoac| hay| va|,| ?/ ?) (?:{_W} ){{0,3}}?(?:{_ACTS}|phoi hop))?"
               rf"(?: voi (?:mot|cac|nhung) (?:co quan|don vi|luc luong|ben)(?: khac)?)?(?!\w)"),
    # how the articles tell it: "được nêu cụ thể ngày ký", "được thuật lại trong các tin", "trong loạt bài"
    re.compile(r"(?<!\w)(?:(?:da )?duoc (?:neu|nhac|ghi|de cap|thuat lai|ke|vien dan|dua tin|bao cao|nhac den)"
               r"(?: (?:ten|den|toi|lai|cu the|ro|chi tiet))*(?: (?:ngay ky|ngay to chuc|thoi gian|dia diem))?)?"
               r"(?: ?(?:trong|theo|o|qua) (?:cac|nhung|loat|bo|may|toan bo)(?: cac)? (?:bai|tin)(?: viet| bao)?"
               r"(?: nay| do| tren)?)?(?<! )(?!\w)"),
    re.compile(r"(?<!\w)(?:rieng|cu the|dac biet)(?!\w)"),  # a stress: "hội nghị riêng về …"
    # a short lead, or one saying who asks and why: "Hỏi vui: …", "Alo, bên mình đang soạn câu đố …: …"
    re.compile(r"^(?:(?:\w+ ){0,3}\w+|[^:?]{0,160}?(?<!\w)(?:minh|em|toi|chung toi|tui)(?!\w)[^:?]*): "),
    # the articles said with their subject before the question: "trong loạt tin về công tác dân vận, …"
    re.compile(r"(?:^|(?<=: )|(?<=, ))(?:trong|theo|o) (?:cac|nhung|loat|bo|may|toan bo) (?:bai|tin)(?: viet| bao)?"
               r"(?: ve [^,?:]{1,50})?, "),
    # a request said first: "Cho mình xin danh sách …", "Xin cho biết tên …"
    re.compile(r"^(?:(?:cho|xin|nho) (?:(?:minh|em|toi|tui|chau) )?(?:xin |cho )?(?:biet )?(?:danh sach|ten|thong tin)(?: (?:ve|cua))?"
               r"|(?:xin|hay|vui long) cho (?:minh |em |toi )?biet) "),
    re.compile(r"(?<!\w)cua (?:luc luong|don vi|nganh|ben|co quan) (?:minh|ho|nay)(?!\w)"),  # "của lực lượng mình"
    re.compile(r"(?<=[?.])[^?]*$"),  # a rule or a request after the question: "? ko tính thi đua nhé"
)
_OWN = re.compile(r"(?<![?.:!] )(?<!^)[A-ZĐ]|\d")  # a name, a place, a year: what the question narrows to (not a
# sentence's first capital)


def relaxed(question: str) -> Iterator[str]:
    """The question less each qualifier that names nothing, one at a time, then all of them; each once."""
    folded = fold(question.lower())
    cuts = []
    for pattern in _QUALIFIERS:
        for found in pattern.finditer(folded):
            if found.end() > found.start() and not _OWN.search(question, found.start(), found.end()):
                cuts.append(found.span())
    seen = {question}
    for chosen in [[cut] for cut in cuts] + ([cuts] if len(cuts) > 1 else []):
        text = _without(question, chosen)
        text = text[:1].upper() + text[1:] if question[:1].isupper() else text
        if text not in seen and len(re.findall(r"\w+", text)) >= 3:
            seen.add(text)
            yield text


def _without(question: str, cuts: list[tuple[int, int]]) -> str:
    """The question less these spans, spaces and a closing mark mended."""
    keep, start = [], 0
    for a, b in sorted(cuts):
        if a >= start:
            keep.append(question[start:a])
            start = b
        else:
            start = max(start, b)
    keep.append(question[start:])
    text = re.sub(r"\s+", " ", "".join(keep)).strip(" ,:")
    text = re.sub(r"\s+([?,.])", r"\1", text)
    return text if text.endswith(("?", ".")) else f"{text}?"


def cued(forms: Iterable[str], question: str, *, as_said: bool) -> Iterator[str]:
    """Each form said with the archive's cue, typed as the question is (marks or none, so that the whole is
    restored alike): "… được đưa tin" (events reported), "… trong các bài" (people or things named); as said first
    where asked."""
    marked = fold(question) != question.lower()
    for text in forms:
        mark = text.find("?") if "?" in text else len(text.rstrip(" ."))
        for cue in ("", " được đưa tin", " trong các bài")[0 if as_said else 1:]:
            yield f"{text[:mark]}{cue if marked else fold(cue)}{text[mark:].strip() or '?'}"
