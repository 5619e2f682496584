"""Programmes asked in words no typed reading expects: "Ban Dân vận Tỉnh ủy có chương trình phối
hợp với bộ đội biên phòng ở tỉnh nào?", "Tỉnh nào có chương trình … giữa Ban Dân vận Tỉnh ủy với
lực lượng Biên phòng?", "Những cuộc ký kết nào có Ủy ban Mặt trận Tổ quốc (cấp tỉnh hoặc xã) là
một bên ký?".

The typed readings (qa/programme_lists.py) know where a question puts its parties ("giữa A và B",
"X nào có chương trình … với Y"); people put them anywhere. Here the parties are the bodies the
question names wherever they stand, read from a small list of the kinds of body that sign such
programmes, with the level written after each ("cấp tỉnh hoặc xã" gives two); bodies joined by
"hoặc", "hay" or "/" are one party's alternatives, others are each a party the programme must
have. A body set aside ("ngoài Ban Dân vận", "không tính Trung ương") selects nothing; "Trung
ương" set aside keeps the local programmes only. The programmes are then selected and listed as
the typed readings do (period, year, signing, level), and only an answer from two articles or more
is one: a question that only sounds like a list goes on to the single-article pipeline.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.programme_lists import programmes
from danvan_qa.qa.questions import FOLDED_PROVINCE, HCM
from danvan_qa.qa.records import WHO, Listing

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# The kinds of body that sign programmes (folded), each as the party words it must match
_KINDS = (
    (r"ban tuyen giao va dan van", "Ban Tuyên giáo và Dân vận"),
    (r"ban tuyen giao", "Ban Tuyên giáo"),
    (r"ban dan van|bdv", "Ban Dân vận"),
    (r"(?:bo |luc luong |co quan )?cong an", "Công an"),
    (r"(?:bo doi |bch |bo chi huy (?:bo doi )?|luc luong )?bien phong|bdbp", "Biên phòng"),
    (r"(?:bo |ban )?chi huy quan su|bchqs|chqs|(?:co quan|don vi|luc luong) quan su", "Quân sự"),
    (r"quan doi|quan khu", "Quân sự|Quân khu|Biên phòng|Quân đội"),  # the army: any of its bodies
    (r"(?:ban thuong truc )?(?:uy ban )?(?:mat tran(?: to quoc)?|mttq)|ubmttq", "Mặt trận Tổ quốc"),
    (r"hoi nong dan", "Hội Nông dân"), (r"hoi (?:lien hiep )?phu nu", "Hội Phụ nữ"),
    (r"doan thanh nien", "Đoàn Thanh niên"), (r"hoi cuu chien binh", "Hội Cựu chiến binh"),
    (r"hoi nguoi cao tuoi", "Hội Người cao tuổi"),
)
_LEVEL = r"(?:trung uong|tw|tinh uy|thanh uy|huyen uy|quan uy|tinh|thanh pho|tp|huyen|xa)"
_LEVELS = rf"{_LEVEL}(?:(?: hoac | hay |/| va |, ){_LEVEL})*"
# a body, then its level: "Công an tỉnh", "Ban Dân vận (cấp tỉnh hoặc xã)", "Ủy ban MTTQ cấp tỉnh"
_BODY = re.compile(r"(?<!\w)(?P<kind>" + "|".join(f"(?:{k})" for k, _ in _KINDS) + r")(?!\w)"
                   rf"(?: \(?(?:cap )?(?P<level>{_LEVELS})(?!\w)(?! nao)\)?)?")
# between two alternatives of one party: "hoặc", "hay", "/", brackets ("với A hoặc với B"; a comma lists parties)
_ONE_OF = re.compile(r"^[\s()/]*(?:(?:hoac|hay|hoac la)(?: voi| cung)?)?[\s()/]*$")
_ASIDE = re.compile(r"(?<!\w)(?:ngoai|khong tinh|tru|khong ke)(?: cap)? $")  # "ngoài Ban Dân vận": no party
_LOCAL_ASKED = re.compile(r"(?<!\w)(?:cac|nhung) (?:dia phuong|tinh)(?!\w)")
_CENTRE_ASIDE = re.compile(r"(?<!\w)(?:ngoai|khong tinh|tru|khong ke)(?: cap)? (?:trung uong|tw)(?!\w)")
# what the question asks of several programmes: a place ("tỉnh nào", "ở đâu"), or parties and
# programmes in the plural ("những cặp cơ quan nào", "những cuộc ký kết nào"), or a count of either;
# "cơ quan nào" alone asks for one article's party
_PLACE_SLOT = re.compile(r"(?<!\w)(?:(?:nhung|cac) )?(?:tinh|tinh thanh|thanh pho|dia phuong|noi)"
                         r"(?:(?: / |/| hoac | hay |, | )(?:thanh pho|thanh|huyen))? nao(?!\w)"  # "cấp tỉnh/thành nào"
                         r"|(?<!\w)o dau(?!\w)")
_SLOT = re.compile(r"(?<!\w)(?:nhung|cac) (?:cap |cuoc |cap co quan )?(?:co quan|don vi|ben|ban|luc luong|to chuc|cap"
                   r"|ky ket|chuong trinh|ke hoach)(?: \w+){0,4}? nao(?!\w)"
                   r"|(?<!\w)(?:bao nhieu|may) (?:cap|ben|co quan|don vi|cuoc|chuong trinh|ke hoach|noi|tinh|dia phuong)(?!\w)"
                   # "(Giúp tôi) liệt kê các địa phương …": a list asked as a request
                   r"|(?<!\w)(?:liet ke|ke ten|ke ra)(?: (?:giup|dum|gium|ho) \w+)? (?:tat ca )?(?:cac|nhung) (?:dia phuong|tinh"
                   r"|noi|co quan|don vi|ben|chuong trinh|ke hoach|cuoc ky ket)(?!\w)")
_SIGNED = re.compile(r"(?<!\w)(?:ky|ky ket|co (?:\w+ ){0,3}?(?:chuong trinh|ke hoach)|ben ky)(?!\w)")
_PROGRAMME = re.compile(r"(?<!\w)(?:chuong trinh|ke hoach|ky ket)(?!\w)")
# one event ("Lễ ký kết … được tổ chức ở đâu?") or a place named: that article's question
_ONE_EVENT = re.compile(r"(?<!\w)(?:tai (?:hoi nghi|buoi|le)|hom do|su kien do|trong bai)(?!\w)")
_AN_EVENT = re.compile(r"(?<!\w)(?<!cac )(?<!nhung )(?:hoi nghi|le|buoi|cuoc hop)(?!\w)")
# "… có bài đưa tin lễ ký kết …": events of that kind reported, not one
_REPORTS = re.compile(r"(?<!\w)(?:bai|tin)(?: viet| bao)? (?:dua tin|tuong thuat|viet ve|noi ve)(?!\w)")


def named_parties(q: "Question") -> list[list[str]]:
    """The parties a question names, each with its alternatives ("Ban Dân vận (hoặc Ban Tuyên giáo và
    Dân vận)" is one party, "Ban Dân vận và Công an" two), as party words to match."""
    return _read(q)[0]


def _read(q: "Question") -> tuple[list[list[str]], str]:
    """The parties named, and the folded question without the levels they carry ("Ủy ban MTTQ (cấp
    tỉnh hoặc xã)" asks for no level of the other party)."""
    folded = fold(q.restored.lower())
    parties: list[list[str]] = []
    last_end = None
    levels_at: list[tuple[int, int]] = []
    for m in _BODY.finditer(folded):
        if m["level"]:
            levels_at.append((m.end("kind"), m.end()))
        if _ASIDE.search(folded[max(0, m.start() - 16):m.start()]):
            last_end = None
            continue
        shown = next(name for pattern, name in _KINDS if re.fullmatch(pattern, m["kind"]))
        levels = re.split(r" hoac | hay |/| va |, ", m["level"]) if m["level"] else [""]
        found = [" ".join(f"{one} {lv}".split()) for one in shown.split("|") for lv in levels]
        if last_end is not None and _ONE_OF.match(folded[last_end:m.start()]) and parties:
            parties[-1] += found
        else:
            parties.append(found)
        last_end = m.end()
    # the question's words as parse() folds them, without those of the levels after a body
    unleveled = [w.group(0) for w in re.finditer(r"\w+|[/-]", folded) if not any(a <= w.start() < b for a, b in levels_at)]
    return parties, " ".join(unleveled)


def asks_programme_slot(q: "Question") -> bool:
    """Whether the question asks something of several programmes it selects by their parties or period."""
    folded = q.folded
    if not (_PROGRAMME.search(folded) and _SIGNED.search(folded)):
        return False
    if WHO.search(folded) or q.person or q.dates or q.codes or q.places or _ONE_EVENT.search(folded) \
            or FOLDED_PROVINCE.search(folded) or HCM.search(q.restored):
        return False  # a person asked, or one article's programme: its place, day, number or event
    one_event = _AN_EVENT.search(folded) and not _REPORTS.search(folded)  # "Lễ ký kết … ở đâu?" is one event's place
    return bool(_SLOT.search(folded) or _PLACE_SLOT.search(folded) and not one_event)


def slot_programmes(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The programmes of the parties and period the question names, from two articles or more."""
    if not asks_programme_slot(q):
        return None
    parties, unleveled = _read(q)
    if not (parties or q.periods):
        return None
    # "Ngoài cấp Trung ương, …" (which asks no level of its own), "liệt kê các địa phương …": the local ones
    local = bool(_CENTRE_ASIDE.search(q.folded) or _LOCAL_ASKED.search(q.folded) and "trung uong" not in q.folded)
    read = dataclasses.replace(q, folded=" ".join(_CENTRE_ASIDE.sub(" ", unleveled).split()))
    found = programmes(read, store, keep, asked=parties, local=local)
    if found is None or len({i.evidence.doc_id for i in found.items}) < 2:
        return None
    return found
