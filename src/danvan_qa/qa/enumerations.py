"""How many, when the article lists them without saying a number: "Chương trình phân công nhiệm vụ trong mấy lĩnh
vực?" of "… trong các lĩnh vực như: A; B; C; D; E." is 5.

The noun counted is what follows "bao nhiêu / mấy" in the question. A sentence ranked near the top that names it,
no number before it, and goes on to list items (after a colon, "như", "gồm", "là" or in brackets) answers with how
many it lists: split on semicolons where the list has them, else on commas and the last "và / hoặc". A quote shows
the list, so the count is checked by whoever reads it.
"""

from __future__ import annotations

import re

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.drafts import Draft, Drafter
from danvan_qa.qa.questions import Question
from danvan_qa.qa.records import Statement, Strong

_COUNTED = re.compile(r"(?<!\w)(?:bao nhieu|may) (?P<noun>\w+(?: \w+)?)")
_CLASSIFIERS = frozenset({"cai", "con", "chiec", "loai"})  # "mấy cái": no noun of its own
_AFTER_NOUN = frozenset("ma cua duoc da co o tai trong va la thi nao de khac".split())
_READ = 3  # the sentences ranked first that may hold the list
# what opens a list after the noun: "…(các) lĩnh vực như: ", "… 3 tỉnh (A, B, C)", "… gồm: ", "… là: " (folded)
# ("các tỉnh Tây Nguyên (A, B, C)": a name of the whole between the noun and the bracket)
_OPENS = r"(?:\s*(?:nhu|gom|bao gom|la|sau day|sau)?\s*:\s*|(?:\s+\w+){0,3}?\s*\(|\s+(?:gom|bao gom|nhu)\s+)"
_NUMBER_WORDS = frozenset("một hai ba bốn năm sáu bảy tám chín mười".split())
_ADDRESS = re.compile(r"(?:huyện|quận|thị xã|xã|phường|thị trấn|tỉnh|thành phố|TP)\s", re.IGNORECASE)
_ITEMS_MAX_WORDS = 14  # an item is a name or a phrase, not a clause of its own
_ITEMS_MAX = 15


def listed_count_draft(q: Question, ranked: list[tuple[SentenceCandidate, float]], drafter: Drafter) -> Draft | None:
    """How many items of the counted noun a top sentence lists with no number said, with that sentence; None when
    the question counts nothing, a number is said, or no top sentence lists them."""
    asked = _COUNTED.search(q.folded) if q.kind == "number" else None
    if asked is None:
        return None
    words = asked["noun"].split()
    words = words[1:] if words[0] in _CLASSIFIERS and len(words) > 1 else words
    words = words[:1] if words[1:] and words[1] in _AFTER_NOUN else words  # "mấy tỉnh mà …", "bao nhiêu tỉnh được …"
    noun = " ".join(words)
    for cand, _ in ranked[:_READ]:
        folded = fold(cand.text.lower())  # one character for one: offsets hold in the sentence
        for at in re.finditer(rf"(?<!\w){re.escape(noun)}(?!\w)", folded):
            before = cand.text[:at.start()].lower().split()[-2:]  # "3 phần thi", "hai pha", "42 mô hình": said
            if any(re.fullmatch(r"\d[\d.,]*", w) or w in _NUMBER_WORDS for w in before):
                return None
            opens = re.match(_OPENS, folded[at.end():])
            if opens is None:
                continue
            start = at.end() + opens.end()
            close = ")" if "(" in opens.group(0) else None
            end = folded.find(close, start) if close else len(folded)
            items = _items(cand.text[start:end if end >= 0 else len(folded)])
            if items is None:
                continue
            evidence = drafter.evidence(cand.doc_id, cand.start, cand.end)
            line = Statement((Strong(str(len(items))), f" ({', '.join(items)}): \"", cand.text.strip(), '"'), evidence)
            return Draft(str(len(items)), (line,), evidence, "typed", span_p=1.0)
    return None


def _items(listed: str) -> list[str] | None:
    """The items of a list as written ("A; B; C và D"), or None when it is no list of names or phrases: a place's
    address in brackets ("(huyện A, tỉnh B)") is none, and the sentence going on after the last "và / hoặc" item
    ("…, B và C đã đạt chuẩn, được khen thưởng") is no item."""
    listed = listed.strip().rstrip(".…;, ").strip()
    if _ADDRESS.match(listed):
        return None
    last = list(re.finditer(r"\s(?:và|hoặc)\s", listed))
    if ";" not in listed and last and (comma := listed.find(",", last[-1].end())) >= 0:
        listed = listed[:comma]
    parts = listed.split(";") if ";" in listed else re.split(r",|\s+(?:và|hoặc)\s+", listed)
    if ";" in listed:  # "…; phòng, chống tội phạm và tệ nạn xã hội; …": commas inside an item
        parts = [re.sub(r"^\s*(?:và|hoặc)\s+", "", p) for p in parts]
    items = [p.strip() for p in parts if p.strip(" “”\"'")]
    if not 2 <= len(items) <= _ITEMS_MAX or any(len(i.split()) > _ITEMS_MAX_WORDS for i in items):
        return None
    return items
