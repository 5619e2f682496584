"""The date a document named by its number bears: "Quyết định 217 được ban hành ngày nào?".

Articles cite a document with its date right after its number ("Quyết định số 217-QĐ/TƯ ngày
3-4-2011 của Bộ Chính trị"), often in a sentence that also dates the event it reports ("Chiều
7-7, …"): the date asked for is the one that follows the number. A question about an event
concerning the document or a programme ("Hội nghị tổng kết Quyết định 217 diễn ra ngày nào?")
asks the event's date instead (`asks_event_date`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from danvan_qa.qa.candidates import SentenceCandidate
    from danvan_qa.qa.questions import Question

_KINDS = r"(?:quyết định|nghị quyết|chỉ thị|hướng dẫn|kế hoạch|thông tư|quy chế|quy định|kết luận|công văn)"
_NAMED = re.compile(rf"(?<!\w)({_KINDS})\s+(?:số\s+)?0*(\d+)(?!\d)", re.IGNORECASE)  # in the restored question
# An event's date, not a signing's or an issue's: "… diễn ra ngày nào", or an event named with no signing or
# issuing ("Bộ Công an họp … bàn tổ chức hội nghị tổng kết … vào ngày nào?"), read with diacritics ("họp" is
# not the "hợp" of "phối hợp")
_HELD = re.compile(r"(?<!\w)(?:dien ra|duoc to chuc|khai mac)(?!\w)")
_EVENT = re.compile(r"(?<!\w)(?:họp|hội nghị|tổng kết|sơ kết|kiểm tra|làm việc|hội thảo|gặp mặt|hội thi|tiếp đoàn)(?!\w)",
                    re.IGNORECASE)
_ISSUED = re.compile(r"(?<!\w)(?:ký|kí|ban hành|ra đời)(?!\w)", re.IGNORECASE)
_DATE = r"(\d{1,2}[/-]\d{1,2}[/-](?:19|20)\d\d)(?![\d/-])"
_PROGRAMME = re.compile(r"(?<!\w)chương trình(?: hành động)?\s+(?:số\s+)?\d", re.IGNORECASE)  # named before the document


def asks_event_date(q: "Question", before: int | None = None) -> bool:
    """Whether a date question asks for an event about a document or programme rather than the
    day it was signed or issued; with `before`, only the words before the document's name count
    ("Nghị quyết 25 của Hội nghị Trung ương 7 ban hành ngày nào?" asks the resolution's date)."""
    asked = q.restored[:before]
    return bool(_HELD.search(q.folded) or (_EVENT.search(asked) and not _ISSUED.search(q.restored)))


def document_date(q: "Question", ranked: list[tuple["SentenceCandidate", float]]
                  ) -> tuple[str, str, "SentenceCandidate"] | None:
    """The date written after the number of the document the question names, in the best-ranked
    sentence holding one: (the date and the document as written, the sentence)."""
    named = _NAMED.search(q.restored)
    if q.kind != "date" or named is None or asks_event_date(q, named.start()) or _PROGRAMME.search(q.restored, 0, named.start()):
        return None  # "Chương trình hành động số 7 … thực hiện Nghị quyết 12 ra ngày nào?" asks the programme's
    kind, number = named.group(1), named.group(2)
    dated = re.compile(rf"(?<!\w){re.escape(kind)}\s+(?:số\s+)?0*{number}(?!\d)[^\s,;]*,?\s+(?:ngày\s+)?{_DATE}",
                       re.IGNORECASE)
    for sentence, _ in ranked:
        m = dated.search(sentence.text)
        if m:
            return m.group(1), re.sub(r"[\s,]+(?:ngày\s*)?$", "", m.group(0)[: m.start(1) - m.start()]), sentence
    return None
