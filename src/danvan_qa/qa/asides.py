"""What only frames a question, set aside before it is read: "Cho mình hỏi, …", "…? Nêu từng con
số.", "Giúp tôi đếm số X" (a count: "Có bao nhiêu X"), "Biên tập viên hỏi: …" (who asks), "Cho tôi
danh sách những người …" (a list of people: "Những người nào …"), "X thì có mấy người?"."""

from __future__ import annotations

import re

from danvan_qa.ingest.normalize import fold

# Words about the asking, not its topic (folded): "Theo các bài báo, …", "…? Nêu từng con số."
_LEAD_ASIDE = re.compile(r"^(?:theo|trong) (?:cac |nhung )?(?:bai bao|bai viet|bai|tin bai|ban tin)\s*,\s*")
_ME = r"(?:minh|toi|em|tui|to)"
# "Cho mình hỏi, …", "Xin hỏi …", "cho toi biet …", "Biên tập viên đài địa phương hỏi: …": asking, not what is asked;
# "Đếm theo bài báo (không đếm sự kiện): có bao nhiêu bài …": how to count, which the question after it says again
_ASKING_LEAD = re.compile(rf"^(?:(?:cho|xin) (?:{_ME} )?hoi(?: chut| la)?|cho {_ME} biet|(?:minh|toi|em) muon hoi"
                          r"|(?:\w+ ){1,6}?hoi\s*:|(?:dem|tinh) theo (?:bai(?: bao| viet)?|tin|su kien)(?: \([^)]*\))?\s*:"
                          rf"|{_ME} (?:dang|can|muon)(?: [^\W\d]+){{1,12}}?\s*:)"  # "Mình đang làm hồ sơ khen thưởng: …"
                          r"\s*[,:]?\s+")
# "Giúp tôi đếm số X", "đếm xem có bao nhiêu X": a count asked as a request, read "Có bao nhiêu X"
_HELPING = rf"(?:giup|dum|gium|ho) {_ME}"
_COUNT_REQUEST = re.compile(rf"^(?:(?:hay|vui long|ban) )?(?:{_HELPING} )?(?P<verb>dem)(?: {_HELPING})?"
                            rf" (?:so(?: luong)?|xem(?= (?:co )?(?:bao nhieu|may)))(?: {_HELPING})? "
                            r"(?P<counted>(?:co )?(?:bao nhieu|may) )?(?=\w)")  # "đếm", as written: not "đem", "đêm"
# "Số chương trình … là bao nhiêu?": a count of things listed, read "Có bao nhiêu …?" (not "số hiệu", "số tiền")
_NUMBER_OF = re.compile(r"^(?P<verb>so) (?:luong )?(?=(?:chuong trinh|ke hoach|van ban|bai(?: viet| bao)?|hoi nghi|su kien|"
                        r"nguoi|dia phuong|tinh|mo hinh|dai bieu)(?!\w))(?P<what>.+?),? (?:la|co|bang) bao nhieu\s*\??$")
# "Cho tôi danh sách (đầy đủ) những người …", "Giúp tôi liệt kê những người …": people asked for, read "Những người nào …"
_PEOPLE_REQUEST = re.compile(rf"^(?:(?:hay|vui long|ban) )?(?:{_HELPING} )?(?:cho {_ME}(?: xin)? (?:danh sach|ds)|liet ke)"
                             rf"(?: {_HELPING})?"
                             r"(?: (?:day du|tat ca|het))* (?:nhung|cac) (?P<people>nguoi|vi|dong chi|can bo)(?= )")
# "Thiếu tướng thì có mấy người?": how many hold a rank or title, read "Có mấy người là Thiếu tướng?"
_HOW_MANY_ARE = re.compile(r"^(?P<what>(?:(?:dai|thuong|trung|thieu) (?:tuong|ta|uy)|(?:pho )?(?:truong|giam doc|chu tich|bi thu"
                           r"|thu truong|bo truong|cuc truong|chinh uy|chi huy truong|chu nhiem))(?: \w+){0,7}?) thi (?:co )?"
                           r"(?P<count>bao nhieu|may) (?:nguoi|vi)\s*\??$")
# How to count, said after the question ("…? Tính theo sự kiện.", "…? tinh theo bai", "…? Mỗi hội nghị kể một lần,
# không tính …"): a rule the answer's rows keep anyway (one row per event, article or person), set aside clause by
# clause; an exclusion beside it ("không tính …") stays, for the shapes that read it (folded)
_UNIT = (r"(?:bai(?: viet| bao)?|tin|su kien|buoi(?: \w+)?|chuong trinh|cuoc(?: thi)?|hoi (?:nghi|thi)|nguoi|vi|dong chi"
         r"|van ban|dot|le|tinh|dia phuong|co quan|don vi|mo hinh|ke hoach)")
_COUNTING_RULE = re.compile(rf"^(?:(?:dem|tinh) (?:theo|rieng|moi) {_UNIT}|tinh (?:ca |tat ca )?(?:moi|cac) cap"
                            rf"|(?:moi|mot) {_UNIT}(?: \w+){{0,3}}? (?:chi )?(?:tinh|ke|dem) (?:mot|1) (?:lan|lan thoi)"
                            r"|(?:xin |hay )?(?:liet ke|sap xep|xep) theo (?:thu tu )?(?:thoi gian|ngay|nam)"
                            r"|(?:hai|2|nhieu) bai (?:cung )?(?:dua tin|tuong thuat|viet|nhac)(?: \w+){0,8}? (?:chi )?(?:tinh|ke|dem)"
                            r" (?:mot|1)(?: lan)?)(?!\w)")
_CLAUSE = re.compile(r"([,.;:]\s*)")
_WHICH_DAY = re.compile(r"(?<!\w)(?:hôm|hom) (?:nào|nao)(?!\w)", re.IGNORECASE)  # "tổ chức hôm nào": which day
_TAIL_ASIDE = re.compile(r"(?<=\?)\s*(?:(?:hay|vui long|xin|ban) )?"
                         rf"(?:neu|ke|liet ke|cho biet|ghi|cho {_ME}(?: xin)?(?: biet)?(?: (?:danh sach|ds))?)"
                         r"(?: (?:ro|tung|cu the|day du|het|tat ca|ten|cac|nhung|ra))*"
                         r"(?: (?:con so|so lieu|truong hop|noi|nguoi|muc|su kien|hoi nghi|chuong trinh|van ban|don vi))?"
                         r"(?: (?:theo|cua|o|trong|cho) (?:tung|moi|cac) (?:bai(?: viet| bao)?|tin|noi|dia phuong|tinh))?"
                         r"(?: ma (?:cac |nhung )?bai(?: viet| bao)? (?:neu|ghi|nhac))?"  # "… các con số mà bài viết nêu"
                         rf"(?: (?:giup|dum|gium|ho) {_ME})?(?: (?:voi|nhe|nha|a))*"  # "kể tên giúp mình nhé"
                         r"\s*[.!]?$"  # "…? Nêu số liệu theo từng bài"
                         # "…? Ghi kèm chức vụ của từng người như bài viết": each row of a list of people shows it
                         r"|(?<=\?)\s*(?:(?:ghi|neu|cho biet)(?: ro)? )?(?:kem(?: theo)? )?chuc vu(?: cua)? (?:tung|moi) nguoi"
                         r"(?: (?:nhu|theo) (?:bai viet|bai bao|bai))?\s*[.!]?$")


def without_asides(text: str, *, lead: bool = False) -> str:
    """The question less what only frames it: "X? Nêu từng con số." is "X?", "Cho mình hỏi X?" is
    "X?"; with `lead`, for each article's own reading, "Theo các bài báo, X?" is "X?" too (for the
    archive, "các bài" says the question asks across them)."""
    text = _without_rules(_WHICH_DAY.sub(_which_day, text))
    folded = fold(text)
    tail = _TAIL_ASIDE.search(folded)
    end = tail.start() if tail else len(text)
    framed = (_LEAD_ASIDE.match(folded) if lead else None) or _ASKING_LEAD.match(folded)
    start = framed.end() if framed and framed.end() < end else 0
    kept = text[start:end]
    number, counted = _NUMBER_OF.match(fold(kept)), _COUNT_REQUEST.match(fold(kept))
    if number and kept[number.start("verb"):number.end("verb")].lower() in ("số", "so"):  # not "Sở …"
        return f"Có bao nhiêu {kept[number.start('what'):number.end('what')]}?"
    if counted and kept[counted.start("verb"):counted.end("verb")].lower() in ("đếm", "dem"):
        return ("" if counted["counted"] else "Có bao nhiêu ") + kept[counted.end() - len(counted["counted"] or ""):]
    if people := _PEOPLE_REQUEST.match(fold(kept)):  # folding keeps offsets
        return f"Những {kept[people.start('people'):people.end('people')]} nào{kept[people.end():].rstrip(' .!?')}?"
    if many := _HOW_MANY_ARE.match(fold(kept)):
        return f"Có {kept[many.start('count'):many.end('count')]} người là {kept[many.start('what'):many.end('what')]}?"
    return kept[:1].upper() + kept[1:] if start else kept


def _without_rules(text: str) -> str:
    """The text less the clauses after its question mark that only say how to count."""
    mark = text.find("?")
    if mark < 0 or not text[mark + 1:].strip():
        return text
    parts = _CLAUSE.split(text[mark + 1:])  # clause, separator, clause, …
    kept, explained = [], False  # "Tính theo sự kiện: hai bài …": the rule's explanation goes with it
    for clause, sep in zip(parts[::2], parts[1::2] + [""]):
        asks = re.search(r"(?<!\w)(?:nao|ai|gi|dau|bao nhieu|may)(?!\w)", fold(clause))  # "Tính theo tỉnh thì tỉnh nào …?"
        rule = not asks and (explained or bool(_COUNTING_RULE.match(fold(clause.strip()))))
        explained = rule and sep.strip() == ":"
        if clause.strip() and not rule:
            kept.append((clause, sep))
    tail = "".join(clause + sep for clause, sep in kept).strip()
    return text[:mark + 1] + (" " + tail if tail else "")


def _which_day(m: re.Match) -> str:
    """"hôm nào" as "ngày nào", marked as typed and capitalised as typed."""
    said = m.group(0)
    day = "ngay nao" if fold(said) == said else "ngày nào"
    return day[0].upper() + day[1:] if said[0].isupper() else day
