"""Places whose articles name a topic: "Mô hình "Xóm bốn an" được nhắc ở những tỉnh nào?", "Bài của mấy
tỉnh có nhắc tới Ngày hội X?", "Những địa phương nào có bài nói về Y?".

The articles holding the topic are found as "Những bài viết nào nhắc đến <topic>?" is
(article_lists.articles); each is put under its province (the last part of its place, "huyện A, Nam
Sơn" under "Nam Sơn"), a row per province citing its newest article. An article of the centre
("Trung ương") is no province's, but where places are asked ("ở những nơi nào", "ở đâu", "cấp nào"),
not provinces, or the centre is counted in ("tính cả trung ương"), the centre is one row of its own. An
article of no known place is no row. How many is the number of rows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.article_lists import articles
from danvan_qa.qa.questions import gazetteer_province, parse
from danvan_qa.qa.records import Listing, Strong, every_row, titled_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

_PLACES = r"(?:tinh(?: thanh)?|dia phuong|noi|tinh, thanh(?: pho)?|thanh pho)"
_WHICH = rf"(?:(?:nhung|cac) {_PLACES} nao|(?:bao nhieu|may) {_PLACES})"
# (said in full: bare "noi" is also "nổi", "nơi", "nội")
_SAYS = r"(?:(?:duoc )?(?:(?:nhac|neu|de cap)(?: (?:den|toi|ve|ten))?|noi (?:den|toi|ve)|dua tin(?: ve)?|viet ve|xuat hien))"
_ARTICLE = r"bai(?: viet| bao)?"
# "<topic> được nhắc (đến) ở những tỉnh nào", "<topic> xuất hiện trong bài của mấy tỉnh"
_TOPIC_FIRST = re.compile(rf"^(?P<topic>.+?) (?:da )?{_SAYS} (?:o|tai|trong (?:cac )?{_ARTICLE} (?:cua|o)) {_WHICH}$")
# "Những tỉnh nào có bài nhắc tới <topic>", "Bài của mấy tỉnh có nhắc tới <topic>", "Có bao nhiêu địa phương
# được các bài nhắc đến <topic>"
_PLACES_FIRST = re.compile(rf"^(?:co )?(?:{_WHICH}|{_ARTICLE} (?:cua|o) {_WHICH}(?: nao)?) (?:co |da )*(?:{_ARTICLE} )?"
                           rf"(?:(?:co|da) )*{_SAYS} (?P<topic>.+)$")


# the places asked, not provinces ("ở những nơi nào", "ở đâu", "bao nhiêu nơi", "cấp nào"), or the centre counted in
# ("tính cả (cấp) Trung ương"): the asking phrase itself, not words of the topic ("nói về", "cấp ủy", "đầu năm", "Hội nghị
# Trung ương 10"); "địa phương" is local, not the centre (folded)
_CENTRE_ASKED = re.compile(r"(?<!\w)(?:(?:o|tai) (?:nhung |cac )?(?:noi nao|dau)|(?:nhung|cac) noi nao|(?:bao nhieu|may) noi"
                           r"|(?:nhung |cac )?cap nao|(?:tinh|ke|bao gom|gom) ca (?:cap )?trung uong)(?!\w)")
CENTRE = "Trung ương"


def centre_asked(q: "Question") -> bool:
    """Whether the centre is among the places asked: places, not provinces, or the centre counted in."""
    return bool(_CENTRE_ASKED.search(q.folded))


def asked_topic(q: "Question") -> str | None:
    """The topic whose places the question asks for, as the question writes it (restored), or None."""
    said = q.restored.strip().rstrip(" ?.!").strip()
    folded = fold(said.lower())  # one character for one: offsets hold in `said`
    hit = _TOPIC_FIRST.match(folded) or _PLACES_FIRST.match(folded)
    if hit is None:
        return None
    topic = said[hit.start("topic"):hit.end("topic")]
    quoted = re.search(r"[\"“](.+?)[\"”]", topic)  # "mô hình “Xóm bốn an”": the name in quotes, however it is led
    topic = quoted.group(1) if quoted and len(quoted.group(1).split()) >= 2 else re.sub(r"[\"“”]", "", topic)
    topic = topic.strip(" ,'")
    return topic if len(topic.split()) >= 2 else None


def province(place: str | None) -> str | None:
    """The province of an article's place ("huyện A, Nam Sơn": "Nam Sơn"); None for the centre or a
    place that names none (a school, a unit)."""
    if not place or "trung uong" in fold(place.lower()):
        return None
    last = re.sub(r"\s*\(.*?\)\s*", " ", place.split(",")[-1]).strip()
    if known := gazetteer_province(last):  # as the gazetteer names it: one row however it is written
        return known
    last = re.sub(r"^(?:[Tt]ỉnh|TP\.?|[Tt]hành phố)\s*(?=\w)", "", last)
    # … or a short name written as one ("Miền Tây"); not "Trường Cao đẳng …"
    return last if len(last.split()) <= 3 and all(w[:1].isupper() for w in last.split()) else None


def mention_places(topic: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per province whose articles name the topic, newest article first, or None when none does."""
    asked = f"Những bài viết nào nhắc đến {topic}?"
    with every_row():
        found = articles(parse(asked, asked, store.stored_facts), store, keep)
    if found is None:
        return None
    docs, rows, seen = store.data.documents, [], set()
    centre = centre_asked(q)
    for item in found.items:
        doc = docs[item.evidence.doc_id]
        where = province(doc.place) or (CENTRE if centre and "trung uong" in fold((doc.place or "").lower()) else None)
        if where is not None and fold(where.lower()) not in seen:
            seen.add(fold(where.lower()))
            rows.append((where, doc, item.evidence))
    if not rows:
        return None
    said = f"{len(rows)} nơi" if any(where == CENTRE for where, _, _ in rows) else f"{len(rows)} tỉnh, thành phố"
    heading = (f"Bài viết của {said} nói đến ", Strong(topic), ":")
    return titled_rows(heading, rows, q.folded, q.restored)
