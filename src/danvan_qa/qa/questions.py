"""Understand a question: its type and the constraints it names (date, place, period, code, person, role).

Everything is matched on the diacritic-folded text, so "ai dong chu tri" and
"Ai đồng chủ trì" read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_qa.ingest import dates
from danvan_qa.ingest.facts import KnownNames, acts_in
from danvan_qa.ingest.lexicon import (
    ACT_KIND, DEFAULT_ACTS, NOT_FIRST, NOT_SECOND, OTHER_PERSON_NOUNS, PROVINCES, QUESTION_WORDS,
    QUESTION_WORDS_MARKED, RANKS, SURNAMES, TITLE_HEADS, TITLE_LOWER,
)
from danvan_qa.ingest.normalize import fold, normalize_text

KINDS = (
    "attendees", "chair", "speaker", "role", "person_role", "rank", "program_name", "program_period",
    "parties", "date", "place", "number", "duration", "other",
)
WHO_KINDS = frozenset({"attendees", "chair", "speaker", "role"})


@dataclass(frozen=True)
class Question:
    text: str  # cleaned question
    restored: str  # with diacritics restored when typed without
    folded: str
    kind: str
    act: str | None  # the act asked about for "speaker"
    dates: tuple[tuple[int, int, int | None], ...]  # (day, month, year)
    periods: tuple[str, ...]  # "2016-2021"
    codes: tuple[str, ...]  # "38-Ctr/BDVTW-BCA"
    person: str | None  # a person of the fact table named in the question
    proper_nouns: tuple[str, ...]  # capitalised runs that are not the sentence-initial word
    exclude_chairs: bool  # "ngoài hai đồng chí chủ trì, ai cùng dự…"
    places: tuple[str, ...] = ()  # folded place names after an administrative word: "binh duong", "quan 10"


# Greetings, thanks, goodbyes and "who are you", the whole message (folded, without punctuation):
# not a question about the articles, whatever words of theirs it holds ("bạn" folds to "ban").
_POLITE = r"(?: (?:ban|em|anh|chi|bot|nhe|nha|nhieu|a|oi|the|vay|nhi|ha|lam|nhe))*"
_SMALL_TALK = re.compile(
    rf"^(?:(?:xin )?chao|hello|hi|hey|alo|(?:xin )?cam on|thanks?|thank you|tam biet|bye|goodbye|ok|oke|okay){_POLITE}$"
    rf"|^(?:ban|em|bot)(?: la| ten| ten la)? (?:ai|gi){_POLITE}$"
    rf"|^(?:ban|em|bot) (?:lam|giup|biet|tra loi) (?:duoc )?(?:gi|nhung gi){_POLITE}$"
    rf"|^ai (?:tao ra|lam ra) (?:ban|em|bot){_POLITE}$")


def small_talk(folded: str) -> bool:
    """Whether a message is small talk ("xin chào", "bạn là ai", "tạm biệt nha"), not a question."""
    return bool(_SMALL_TALK.match(" ".join(re.findall(r"\w+", folded.lower()))))


def _has(folded: str, *cues: str) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", folded) for c in cues)


_DOCUMENT_ASKED = re.compile(r"(?<!\w)(?:nghi quyet|chi thi|quyet dinh|chuong trinh|ke hoach|van ban|quy che)(?: \w+){0,2} nao(?!\w)")


def classify(folded: str, person: str | None, codes: tuple[str, ...], restored: str = "") -> tuple[str, str | None]:
    """The question type (one of KINDS) and, for people, the act asked about (a fact-table act); `restored`
    (with diacritics) settles cues that folding merges: "mấy" (how many) vs "máy" (machine)."""
    if _has(folded, "quan ham", "cap bac", "cap ham", "mang ham", "ham gi") and person:
        return "rank", None
    # "Giám đốc Công an tỉnh dự buổi làm việc với Chủ tịch X là ai?" asks for the director, not X
    at = folded.find(fold(person)) if person else -1
    titled = bool(_PERSON_NOUN.match(re.sub(r"^phó\s+", "", restored.lower()))) and len(folded[:at].split()) > 3
    # "… cùng chủ trì hội nghị với X là ai?" asks for the other one: X is named beside them, not asked about
    titled = titled or at > 0 and bool(re.search(r"(?<!\w)(?:voi|cung|ngoai|ben canh)(?: (?:ong|ba|dong chi))? $", folded[:at]))
    if person and not titled and (_has(folded, "chuc vu", "chuc gi", "giu chuc", "vai tro", "la ai", "thu truong bo nao") or at >= 0
                                  and re.match(rf"(?:\w+ ){{{len(person.split())}}}(?:con |cung |hien )?la (?:pho )?(?:truong|"
                                               r"giam doc|chu tich|bi thu|(?:thu|bo|cuc) truong)(?: \w+){0,6} (?:nao|gi)$", folded[at:])):
        return "person_role", None  # "X (còn) là trưởng ban chỉ đạo nào?", "… là thứ trưởng bộ nào?"
    if _has(folded, "ngoai") and _has(folded, "cung du"):
        return "attendees", "dự"
    who = person_focus(restored) if restored else None
    if who is not None:
        act = asked_act(restored or folded, who)
        one = bool(re.search(r"(?<!\w)(?:la ai|ten(?: la)? gi)\W*$", folded)) or folded.startswith("ai la ")
        if one or act is None and not _has(folded, "nhung ai", "gom nhung ai"):
            return "role", act  # "Ai là Giám đốc …?", "Giám đốc Công an tỉnh nào …?": one person
        if act is not None:
            return ACT_KIND.get(act, "speaker"), act
    if _has(folded, "bao nhieu", "so luong"):
        return "number", None
    if _has(folded, "bao lau", "keo dai", "trong bao lau") and not re.search(r"giai doan(?: \w+){0,2} nao", folded):
        return "duration", None  # "thời hạn bao lâu, giai đoạn nào?": the period answers both
    if re.search(r"(?<!\w)(?<!ngày )(?<!thứ )mấy(?! giờ)(?!\w)", restored, re.I) and not re.search(r"giai doan(?: \w+){0,2} nao", folded):
        return "number", None  # "có mấy đội dự thi": how many, not who attended
    # "dự" (attend) but not "dự thảo" (draft), "đầy đủ" (full), "dự án", "dự kiến"
    attend = re.sub(r"(?<!\w)(?:du (?:thao|an|kien|bao|toan)|day du)(?!\w)", " ", folded)
    if _has(attend, "tham du", "cung du", "du", "thanh phan", "co ai") and (_has(folded, "ai") or not _DOCUMENT_ASKED.search(folded)):
        return "attendees", "dự"  # not "Hội nghị ông dự là tổng kết nghị quyết nào?": a document
    if re.search(r"(?<!\w)giai doan(?: \w+){0,2} (?:nao|gi)(?!\w)|(?<!\w)tu (?:nam|thang) nao den (?:nam|thang) nao(?!\w)",
                 folded) or folded.startswith("giai doan ") or \
            _has(folded, "trong thoi gian nao", "cho thoi gian nao", "khoang thoi gian nao"):  # a span of time, not a day
        return "program_period", None
    if _has(folded, "giua nhung", "co quan nao", "nhung ben", "ben nao", "giua cac", "nhung co quan", "don vi nao",
            "luc luong nao", "ban nao", "to chuc nao", "voi ai"):
        return "parties", None
    if _has(folded, "khi nao thi", "truong hop nao", "dieu kien gi", "dieu kien nao"):
        return "other", None  # "Khi nào thì … được khen thưởng?" asks for a condition, not a date
    if _has(folded, "ngay nao", "khi nao", "bao gio", "luc nao", "thoi gian nao", "ngay may", "nam nao", "hom nao") or \
            folded.startswith("ngay ") and not re.match(r"ngay (?:hoi|truyen thong|le(?! ky)|nay|xua|truoc|\d+)(?!\w)", folded):
        return "date", None  # "Ngày ký kết?"; not "Ngày hội … ở đâu?" (a festival), "Ngày nay …", "Ngày 8-9, … tỉnh nào?"
    if _has(folded, "o dau", "tai dau", "dia diem", "noi nao", "tinh nao", "thanh pho nao", "hoi truong nao", "xa nao",
            "huyen nao", "phuong nao", "dia phuong nao"):
        return "place", None
    how_many = re.search(r"(?<!\w)mấy(?!\w)", restored.lower()) if restored else _has(folded, "may")
    if _has(folded, "bao nhieu", "so luong", "ty le", "so mo hinh") or how_many:
        return "number", None
    named = re.search(r"(?<!\w)(?:la|ten|ten la|day du la) gi\W*$", folded) and _has(folded, "chuong trinh")
    if named or re.search(r"(?<!\w)chuong trinh(?: \w+){0,3} (?:gi|nao)(?!\w)", folded) or \
            _has(folded, "ten chuong trinh") or (codes and len(re.findall(r"\w+", folded)) <= 5):
        return "program_name", None
    return "other", None


# Nouns for a person, heading "… nào": "Giám đốc Công an tỉnh nào", "Thượng tướng nào", "Lãnh đạo … nào".
_PERSON_NOUNS = tuple(sorted({w.lower() for w in (*TITLE_HEADS, *RANKS, *OTHER_PERSON_NOUNS)}, key=len, reverse=True))
_PERSON_NOUN = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in _PERSON_NOUNS) + r")(?!\w)")
_NOUN_WORDS = frozenset(w for n in _PERSON_NOUNS for w in n.split()) | TITLE_LOWER
_OBJECT_BEFORE = re.compile(r"(?<!\w)(?:cho|với|của|về|giúp|tặng)\s+$")
_DOCUMENT_BEFORE = re.compile(r"(?<!\w)(?:chỉ thị|quyết định|nghị quyết|kế hoạch|chương trình|văn bản|thông tư|quy chế"
                              r"|hướng dẫn|công văn)\s+$")


def person_focus(restored: str) -> int | None:
    """Where a question asks for a person, as an offset in `restored`: its "ai" ("Ai chủ trì…",
    "… do ai chủ trì?"; not "cho ai", "thuộc về ai", which ask for a beneficiary or an owner),
    "người nào", or the person noun heading "<noun phrase> nào"; None when it asks for something else.

    The noun phrase before "nào" is read back over capitalised words and words of titles and
    organisations ("Giám đốc Công an tỉnh nào"), so "Thượng tướng X sinh năm nào" asks for a year.
    """
    text = restored.lower()
    who = re.search(r"(?<!\w)ai(?!\w)", text)
    if who and not _OBJECT_BEFORE.search(text[: who.start()]):
        return who.start()
    someone = re.search(r"(?<!\w)người nào(?!\w)", text)  # "Những người nào chủ trì …?"
    if someone:
        return someone.start()
    named = re.search(r"(?<!\w)tên(?: là)? gì\W*$", text)  # "Chủ tịch Hội … tên là gì?"
    noun = _PERSON_NOUN.search(text, 0, named.start()) if named else None
    if noun:
        return noun.start()
    for m in re.finditer(r"(?<!\w)nào(?!\w)", text):
        if _DOCUMENT_BEFORE.search(text, 0, m.start()):
            continue  # "X ban hành chỉ thị nào": a document is asked for, not X
        words = list(re.finditer(r"\w+", restored[: m.start()]))
        start = None
        for w in reversed(words[-10:]):
            if not (w.group(0)[:1].isupper() or w.group(0).lower() in _NOUN_WORDS):
                break
            start = w.start()
        noun = _PERSON_NOUN.search(text, start, m.start()) if start is not None else None
        if noun:
            return noun.start()
    return None


def asked_act(text: str, at: int = 0) -> str | None:
    """The act a question asks about: the first act cue after its focus ("ai chủ trì" -> "chủ trì"),
    else the first anywhere ("Người chủ trì hội nghị là ai?"); read with the fact table's cues."""
    acts = acts_in(text[at:]) or acts_in(text)
    return acts[0] if acts else None


def unbracketed(text: str) -> str:
    """The text less its asides in brackets ("giữa A và B (từ Trung ương xuống tỉnh)")."""
    return re.sub(r"\([^)]*\)", " ", text)


QUOTED = r"[“\"]([^”\"\n]{2,200})[”\"]"  # a phrase in quotes, straight or curly


def quoted(text: str) -> tuple[str, ...]:
    """The phrases a question writes in quotes ("mô hình “Dân vận khéo”"): asked about as written."""
    return tuple(x.strip() for x in re.findall(QUOTED, text) if x.strip())


def plain_words(text: str) -> str:
    """The text's words folded, without its asides in brackets or punctuation: what routes read."""
    return " ".join(re.findall(r"\w+", fold(unbracketed(text))))


def _proper_nouns(text: str) -> tuple[str, ...]:
    """Capitalised runs, less each sentence's first word ("…? Nêu từng con số." names no one)."""
    runs: list[str] = []
    current: list[str] = []
    previous, before = ".", ""
    for m in re.finditer(r"\w+|[^\w\s]", text):
        # a sentence starts after "?" or "!", or after "." closing a lower-case word ("TP. Hồ Chí Minh" goes on)
        word, starts = m.group(0), previous in "?!" or (previous == "." and (not before or before.islower()))
        previous, before = word, previous
        capital = word[:1].isupper() and word.isalpha() and not starts
        if capital:
            current.append(word)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return tuple(runs)


def _names(folded_name: str, text: str, typed: str) -> bool:
    """Whether the question names this person: the name's words whole, each capitalised unless
    the question is typed in lower case ("Công an tỉnh" does not name a "Công An"). `typed` is
    `text` folded."""
    lower_case = not any(ch.isupper() for ch in text[1:])
    for m in re.finditer(rf"(?<!\w){re.escape(folded_name)}(?!\w)", typed):
        starts = [m.start(), *(m.start() + i + 1 for i, ch in enumerate(m.group(0)) if ch == " ")]
        if lower_case or all(text[i].isupper() for i in starts):
            return True
    return False


def parse(text: str, restored: str, facts: KnownNames) -> Question:
    """Read a cleaned question (and its diacritic-restored form) against the people's names the
    facts know (a FactTable, or a store's StoredFacts)."""
    restored = restored or text
    folded = " ".join(re.findall(r"\w+|[/-]", fold(restored)))
    folded_raw = fold(restored)
    codes = tuple(m.group(0) for m in dates.CODE.finditer(text))
    typed = fold(text)  # one character for one, so its offsets hold in `text`
    person = next((name for folded_name, name in facts.folded_names
                   if folded_name in folded_raw and _names(folded_name, text, typed)), None)
    kind, act = classify(folded, person, codes, restored)
    mentions = tuple((d.day, d.month, d.year) for d in dates.find_dates(text))
    if not mentions:  # "4-11" without a cue word still names a date in a question
        mentions = tuple(
            (int(a), int(b), int(c) if c else None)
            for a, b, c in re.findall(r"(?<![\d/-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?(?![\d/-])", text)
            if 1 <= int(a) <= 31 and 1 <= int(b) <= 12
        )
    return Question(
        text=text, restored=restored, folded=folded, kind=kind, act=act, dates=mentions,
        periods=tuple(f"{a}-{b}" for a, b in dates.PERIOD.findall(text)), codes=codes, person=person,
        proper_nouns=_proper_nouns(text), exclude_chairs=_has(folded, "ngoai", "cung du") and kind == "attendees",
        places=places(restored, text),
    )


# Administrative units (and their Party committees: "Tỉnh ủy Cà Mau") that precede a place
# name; the words that cannot start a place name, or end one after its first syllable, are the
# lexicon's NOT_FIRST and NOT_SECOND.
_MANY = frozenset({"cac", "nhung", "moi", "tung", "nhieu"})  # before a unit: any place of that kind
_ADMIN_UNIT = re.compile(r"(?<!\w)(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn|thành)(?:\s+(?:ủy|uỷ))?"
                         r"(?:\s+(?:vùng cao|vùng sâu|biên giới|miền núi|đảo|ven biển)(?=\s+[A-ZĐÀ-Ỹ]))?"  # "xã vùng cao X"
                         r"\s+(\w+)(?:\s+(?!(?:tỉnh|huyện|quận|xã|phường)(?!\w))(\w+))?", re.IGNORECASE)  # "tỉnh và xã X": not "và xã"


def spaced(folded: str) -> str:
    """A folded text with its hyphens and dashes read as spaces: "ba ria - vung tau" = "ba ria vung tau"."""
    return re.sub(r"\s*[-–]\s*", " ", folded)


# Matched with their diacritics ("Huế" is not "Huệ", "Sơn La" not "Sơn là"), in lower case.
_PROVINCES = sorted({spaced(normalize_text(p).lower()) for p in PROVINCES}, key=len, reverse=True)
_PROVINCE = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in _PROVINCES) + r")(?!\w)")
# A question typed without diacritics is matched folded: its restored form may miss the name
# ("tinh dong nai" restored as "tỉnh đồng nại"), and "quan 3" has no unit word to restore.
FOLDED_PROVINCE = re.compile(r"(?<!\w)(" + "|".join(sorted({re.escape(fold(p)) for p in _PROVINCES}, key=len,
                                                           reverse=True)) + r")(?!\w)")
_FOLDED_SURNAMES = frozenset(fold(n).lower() for n in SURNAMES)
_FOLDED_NUMBERED = re.compile(r"(?<!\w)(quan|phuong|xa) (\d+)(?![\d/-])")
# Hồ Chí Minh City as the press shortens it: "TPHCM", "TP.HCM", "TP HCM", "HCM" (folded)
HCM = re.compile(r"(?<!\w)(tp\.?\s*|thanh pho\s+)?hcm(?!\w)", re.IGNORECASE)
THEN = re.compile(r"(?<!\w)(?:lúc|luc|khi|hồi|hoi|thời điểm|thoi diem) (?:đó|do|ấy|ay)(?!\w)", re.I)  # "lúc đó": that time
THEN_FOLDED = re.compile(r"(?<!\w)(?:luc|khi|thoi diem) (?:do|ay)(?!\w)")  # typed bare: not "hoi do", also "hội đó"


def city(folded: str) -> str:
    return HCM.sub(lambda m: ("tp " if m.group(1) else "") + "ho chi minh", folded)


# the gazetteer's provinces and cities by their folded names, dashes as spaces, each as the gazetteer first spells it
_GAZETTEER = {}
for _name in sorted(PROVINCES):
    _GAZETTEER.setdefault(" ".join(fold(_name.lower()).replace("-", " ").replace("–", " ").split()), _name)


def gazetteer_province(text: str) -> str | None:
    """The province or centrally-run city of the gazetteer that `text` names and nothing else ("Nam Sơn", "tỉnh Nam
    Sơn", "TP.HCM", "Bà Rịa – Vũng Tàu"), as the gazetteer spells it; None otherwise."""
    key = city(" ".join(re.sub(r"[-–]", " ", fold(text.lower())).split()))
    return _GAZETTEER.get(re.sub(r"^(?:tinh|thanh pho|tp\.?)\s*(?=\w)", "", key))


def place_in(place: str, folded_text: str, before: str = "") -> bool:
    """Whether a place of `places()` occurs in a folded text as whole words (after `before`, a
    pattern); "TP HCM" asked is the "TPHCM" or "TP Hồ Chí Minh" an article writes."""
    return bool(re.search(rf"(?<!\w){before}{re.escape(city(place))}(?!\w)", city(spaced(folded_text))))


def places(restored: str, text: str | None = None) -> tuple[str, ...]:
    """Place names the question sets as a constraint, folded: "tỉnh Bình Dương" -> "binh duong".

    A province or centrally-run city is read from the gazetteer, written with capitals or
    not (but not as the tail of a person's name: "Nguyễn Thái Bình"). Other places are read
    from the shape "<unit> <one or two syllables>": a question written with capitals must
    capitalise the name (so "tỉnh liên quan" names no place); one typed in lower case is
    read with short lists of words no place name starts or ends with. "quận 10" keeps its
    unit, as the number alone means nothing. A `text` typed without diacritics is also read
    folded, where the gazetteer and "quan 3" can still be told.
    """
    restored, text = HCM.sub("Hồ Chí Minh", restored), None if text is None else HCM.sub("ho chi minh", text)
    restored, text = THEN.sub(" ", restored), text and THEN.sub(" ", text)  # "tỉnh lúc đó": no place "Lúc"
    cased = restored != restored.lower()
    dashless = spaced(restored)
    found: list[str] = []
    if text is not None and fold(text) == text.lower():
        plain = spaced(text.lower())
        for m in FOLDED_PROVINCE.finditer(plain):
            before = plain[: m.start()].split()[-1:]
            if before and before[0] in _FOLDED_SURNAMES:
                continue  # "nguyen thai binh": a person's name
            if " " in m.group(1) or (before and before[0] in ("tp", "pho", "tinh", "o", "tai")):
                found.append(m.group(1))  # "hue" alone may end a name ("vuong dinh hue")
        found += [m.group(0) for m in _FOLDED_NUMBERED.finditer(plain)]
    for m in _PROVINCE.finditer(dashless.lower()):
        before = dashless[: m.start()].split()[-1:]
        if not (cased and before and before[0] in SURNAMES):
            found.append(fold(m.group(1)))
    for m in _ADMIN_UNIT.finditer(restored):
        unit, first, second = m.group(1).lower().rstrip("."), m.group(2), m.group(3)
        if unit == "thành" and not re.search(r"\s(?:ủy|uỷ)\s", m.group(0), re.IGNORECASE):
            continue  # "thành" alone is not a unit
        many = fold(restored[: m.start()].split()[-1:][0].lower() if restored[: m.start()].split() else "") in _MANY
        if many and not (cased and m.group(2)[0].isupper()):
            continue  # "các tỉnh đang …": provinces in general; "các huyện Đông Khê, …" still names them
        if first.isdigit():
            found.append(fold(f"{unit} {first}"))
            continue
        f1, f2 = fold(first).lower(), fold(second or "").lower()
        if (cased and not first[0].isupper()) or (not cased and f1 in NOT_FIRST):
            continue
        if cased and first in SURNAMES and re.match(r"\w+\s+[A-ZĐ]\w*\s+[A-ZĐ]", restored[m.start(2):]):
            continue  # "Thành ủy Trần Văn Bình": a person's name, not a place
        two = bool(second) and not second.isdigit() and (second[0].isupper() if cased else f2 not in NOT_SECOND)
        name = f"{f1} {f2}" if two else f1
        if not any(name in p or p in name for p in found):  # a province already read whole
            found.append(name)
    return tuple(dict.fromkeys(found))


_MARKED = frozenset(normalize_text(w) for w in QUESTION_WORDS_MARKED)


def content_tokens(q: Question) -> list[str]:
    """Folded tokens that carry the question's topic, question words removed: read with their
    diacritics where the question has them, so "thủ đô" keeps "đô" (not "đó") and "hội nghị"
    keeps "hội" (not "hỏi"); a word typed without them is matched folded."""
    found = []
    for word in re.findall(r"\w+", q.restored.lower()):
        folded = fold(word)
        if (folded in QUESTION_WORDS) if word == folded else (word in _MARKED):
            continue
        found.append(folded)
    return found


def wanted_acts(q: Question) -> tuple[str, ...]:
    """The acts that answer the question: the one it names, else its kind's."""
    return (q.act,) if q.act else DEFAULT_ACTS.get(q.kind, ())


def asks_percent(question: Question) -> bool:
    """"Bao nhiêu phần trăm …", "tỷ lệ … bao nhiêu": a share, answered by a percentage alone."""
    folded = question.folded
    return bool(re.search(r"(?<!\w)(?:bao nhieu|may) (?:phan tram|ty le|ti le)(?!\w)", folded)
                or re.match(r"\W*t[yi] le(?!\w)", folded))
