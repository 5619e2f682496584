"""Looser readings of a question across the archive that no shape reads as asked: the same question less a
qualifier that narrows nothing the fact table records.

Writers qualify what they ask in ways no list shape reads: who took part ("… có công an tham gia", "mà công an
đồng tổ chức với một cơ quan khác"), how the articles tell it ("được nêu cụ thể ngày ký", "được thuật lại trong
các tin", "trong loạt bài"), a stress ("riêng", "cụ thể"), a short lead ("Hỏi vui: …"), a rule said after the
question ("? ko tính thi đua nhé"). Each is cut alone, then all together, and only where it names nothing of its
own (no capital but a sentence's first, no digit: "với Ủy ban MTTQ", "ở TP X", "năm 2023" stay; the police at
large, "do lực lượng Công an tổ chức", is no name): the question's subject, place and time are kept, so a looser
reading lists the same things or more of them, never other things.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from danvan_qa.ingest.normalize import fold

_ACTS = r"(?:(?:phoi hop|dong|cung|truc tiep) )?(?:to chuc|tham gia|tham du|du|chu tri)"
_POLICE = r"(?:(?:luc luong|nganh|co quan|lanh dao) )?(?:cong an|ca)(?: (?:cac cap|cac dia phuong|dia phuong))?"
# each qualifier, on the folded question (folding keeps offsets)
_QUALIFIERS = (
    # the police at large as who took part: "có công an tham gia", "do lực lượng công an tổ chức hoặc phối hợp", "mà
    # công an đồng tổ chức với một cơ quan khác" (another body, "có tỉnh đoàn tham gia", or "với Ban X" narrows)
    re.compile(rf"(?<!\w)(?:ma|co|do) {_POLICE} {_ACTS}"
               rf"(?:(?: hoac| hay| va|,| ?/ ?) (?:{_POLICE} )?(?:{_ACTS}|phoi hop))?"
               rf"(?: voi (?:mot|cac|nhung) (?:co quan|don vi|luc luong|ben)(?: khac)?)?(?!\w)"),
    # how the articles tell it: "được nêu cụ thể ngày ký", "được thuật lại trong các tin", "trong loạt bài"
    re.compile(r"(?<!\w)(?:(?:da )?duoc (?:neu|nhac|ghi|de cap|thuat lai|ke|vien dan|dua tin|bao cao|nhac den)"
               r"(?: (?:ten|den|toi|lai|cu the|ro|chi tiet))*(?: (?:ngay ky|ngay to chuc|thoi gian|dia diem))?)?"
               r"(?: ?(?:trong|theo|o|qua) (?:cac|nhung|loat|bo|may|toan bo)(?: cac)? (?:bai|tin)(?: viet| bao)?"
               r"(?: nay| do| tren)?)?(?<! )(?!\w)(?! ve(?!\w))"),  # "trong loạt bài về X": the topic stays
    re.compile(r"(?<!\w)(?:rieng|cu the|dac biet)(?!\w)"),  # a stress: "hội nghị riêng về …"
    # the articles said first ("các bài có nêu đích danh bao nhiêu vị …", "trong các bài có kể bao nhiêu …"): the cue
    # is said last instead (answering: cued)
    re.compile(r"(?:^|(?<=, ))(?:trong )?(?:cac|nhung) bai(?: viet| bao)? (?:co |da )?(?:noi|neu|nhac|ke|de cap|dua tin)"
               r"(?: (?:den|toi|ve|ten|dich danh))*(?= (?:bao nhieu|may|nhung|cac) )"),
    re.compile(r"^(?:thua|xin hoi|cho (?:minh |em |toi )?hoi|da|alo)(?:,|:)? (?=\w)"),  # "Thưa, …", "Xin hỏi …"
    # a lead saying it asks, or who asks and why: "Hỏi vui: …", "Alo, bên mình đang soạn câu đố …: …" (not a place
    # said first: "Tây Giang: …")
    re.compile(r"^(?:(?:hoi|cau hoi)(?: \w+)?|[^:?]{0,160}?(?<!\w)(?:minh|em|toi|chung toi|tui)(?!\w)[^:?]*): "),
    # the articles said before the question: "trong loạt tin, …" (their topic, "trong loạt tin về X, …", stays)
    re.compile(r"(?:^|(?<=: )|(?<=, ))(?:trong|theo|o) (?:cac|nhung|loat|bo|may|toan bo) (?:bai|tin)(?: viet| bao)?, "),
    # a request said first: "Cho mình xin danh sách …", "Xin cho biết tên …"
    re.compile(r"^(?:(?:cho|xin|nho) (?:(?:minh|em|toi|tui|chau) )?(?:xin |cho )?(?:biet )?(?:danh sach|ten|thong tin)(?: (?:ve|cua))?"
               r"|(?:de nghi|xin|hay|vui long) cho (?:minh |em |toi )?biet) "),
    re.compile(r"(?<!\w)cua (?:luc luong|don vi|nganh|ben|co quan) (?:minh|ho|nay)(?!\w)"),  # "của lực lượng mình"
    # a rule or a request after the question: "? ko tính thi đua nhé" (not a place or time: "? chỉ tính ở Nam Sơn")
    re.compile(r"(?<=[?.])(?![^?]*(?<!\w)(?:o|tai|chi tinh|nam|thang)(?!\w))[^?]*$"),
)
# … said otherwise: "(hội nghị) dành (riêng) cho người có uy tín" is one "với" them
_OTHERWISE = ((re.compile(r"(?<!\w)danh (?:rieng )?cho(?!\w)"), "với"),)
# the police at large, no place named ("do lực lượng Công an tổ chức"): no name of its own ("Bộ Công an", "Công an tỉnh
# X" are)
_GENERIC = re.compile(r"(?<!Bộ )(?<!\w)[Cc](?:ông|ong) an(?! (?:(?:tỉnh|tinh|thành phố|thanh pho|TP|huyện|huyen|quận|quan|xã|xa)"
                      r" )?[A-ZĐ])")
_CLOSING = re.compile(r"(?:\s+(?:ạ|vậy|nhé|nha|nhỉ|vay|nhe|nhi))+\s*$", re.I)
_OWN = re.compile(r"(?<![?.:!] )(?<!^)[A-ZĐ]|\d")  # a name, a place, a year: what the question narrows to (not a
# sentence's first capital)


def relaxed(question: str) -> Iterator[str]:
    """The question less each qualifier that names nothing, one at a time, then all of them; each once."""
    folded = fold(question.lower())
    generic = [m.span() for m in _GENERIC.finditer(question)]
    cuts = []  # (start, end, said instead)
    for pattern, instead in [*((p, "") for p in _QUALIFIERS), *_OTHERWISE]:
        for found in pattern.finditer(folded):
            capitals = (m.start() for m in _OWN.finditer(question, found.start(), found.end()))
            if found.end() > found.start() and all(any(a <= at < b for a, b in generic) for at in capitals):
                cuts.append((*found.span(), instead if fold(question) != question.lower() else fold(instead)))
    seen = {question}
    for chosen in [[cut] for cut in cuts] + ([cuts] if len(cuts) > 1 else []):
        text = _without(question, chosen)
        text = text[:1].upper() + text[1:] if question[:1].isupper() else text
        if text not in seen and len(re.findall(r"\w+", text)) >= 3:
            seen.add(text)
            yield text


def _without(question: str, cuts: list[tuple[int, int, str]]) -> str:
    """The question less these spans (or with what is said instead), spaces and a closing mark mended."""
    keep, start = [], 0
    for a, b, instead in sorted(cuts):
        if a >= start:
            keep += [question[start:a], f" {instead} " if instead else ""]
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
        said = _CLOSING.sub("", text[:mark])  # "… hội thi ạ?": the cue before "ạ" would end nothing
        for cue in ("", " được đưa tin", " trong các bài")[0 if as_said else 1:]:
            yield f"{said if cue else text[:mark]}{cue if marked else fold(cue)}{text[mark:].strip() or '?'}"


# "Ngoài các chương trình, có những kế hoạch nào …?": one kind set aside first, another listed (not "Ngoài phát điện,
# hồ còn …", "Ngoài các già làng, những ai dự …", which ask of what they set aside; a person or a body set aside,
# "Ngoài đồng chí X", is read where the rows are: title_lists)
_KINDS = r"ke hoach|chuong trinh|hoi nghi|hoi thi|cuoc thi|mo hinh|buoi \w+|le \w+|dot \w+|doan \w+"
_BESIDES_KIND = re.compile(rf"^(?:ngoai|ben canh) (?:cac|nhung) (?P<aside>{_KINDS})(?: \w+){{0,3}}?(?: ra)?, "
                           rf"(?=(?:co |con )?(?:nhung|cac) (?P<asked>{_KINDS})(?!\w)[^?]* nao(?!\w))")


# a programme's parties asked as people ("chương trình … được ký giữa những ai", "ct … thì ai ký vs ai"; folded)
_PARTIES_AS_PEOPLE = re.compile(r"(?:(?:thi |do )?ai ky(?: ket)? (?:voi|vs|cung) ai|(?:duoc |dc |da )?ky(?: ket)? giua nhung ai)"
                                r"(?= *\W*$)")  # signed: not "(lễ ký kết chương trình) diễn ra giữa những ai"
_PROGRAMME = re.compile(r"(?:cac |nhung )?(?:chuong trinh|ke hoach|ctr?)(?!\w)")


def plainly_asked(question: str) -> str | None:
    """The question as the archive's shapes read it, where it says it otherwise; None where it does not: less a kind
    said set aside first that names nothing of its own ("Ngoài các chương trình, có những kế hoạch nào …?"), a
    programme's parties asked as people asked as bodies ("… được ký giữa những cơ quan nào")."""
    folded = fold(question.lower())
    said = _BESIDES_KIND.match(folded)
    if said is not None and said["aside"] != said["asked"] and not _OWN.search(question, 1, said.end()):
        rest = question[said.end():]
        return rest[:1].upper() + rest[1:] if question[:1].isupper() else rest
    if (people := _PARTIES_AS_PEOPLE.search(folded)) and _PROGRAMME.match(folded):  # the programme the subject
        asked = "được ký giữa những cơ quan nào" if fold(question) != question.lower() else "duoc ky giua nhung co quan nao"
        return f"{question[:people.start()].rstrip()} {asked}{question[people.end():]}"
    return None
