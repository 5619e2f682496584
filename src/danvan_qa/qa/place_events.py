"""What happened in a place, and where a topic's events happened: "Ở Tây Giang có những hoạt động
nào …, diễn ra ngày nào?", "Công an đã tổ chức hội nghị với người có uy tín ở những địa phương nào?".

A question that opens on a place ("Ở X", "Tại X") and asks for its activities or events, of any
kind, asks across the archive: every article whose own place (or title) names it gives a row,
newest first, citing its first dated sentence, which reports its event as news leads do
("Chiều 5/9, đoàn công tác … kiểm tra …"). With fewer than two such articles the question is
answered as usual.

The other way round, a question asking where (ở những địa phương / tỉnh nào, ở đâu) events of a
topic were held lists the articles holding four fifths of the topic's words (weighted by rarity)
three quarters of its word pairs, half of them in its title and lead (the event it reports), and
an event (hội nghị, buổi gặp mặt, đoàn công tác …), a row per article with its place, citing the sentence that
says where (tại / ở + a name) with most of the topic.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.index.store import word_set
from danvan_qa.ingest.abbreviations import Aliases, held_through
from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import HCM, city, place_in, spaced
from danvan_qa.qa.extractive import held_share, rarity
from danvan_qa.qa.records import (EVENT_NOUNS, rows_shown, WHO, Evidence, Item, Listing, Statement, Strong, counts, dated,
                                  more_rows, ranked_articles, titled_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# "Ở Tây Giang có những hoạt động nào …", "Tại tỉnh X đã diễn ra bao nhiêu sự kiện …" (folded): the place right
# after "ở / tại", and activities or events of any kind (a kind, a year or a topic asks something narrower)
_UNIT = r"(?:(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong) )?"
_GENERIC = r"(?:hoat dong|su kien)"
_ASKS = re.compile(rf"^(?:o|tai) {_UNIT}(?P<place>.+?),? (?:co |da )?(?:dien ra |to chuc )?(?:(?:nhung|cac) {_GENERIC} nao"
                   rf"(?: (?:lien quan den (?:cong tac dan van|chuong trinh phoi hop)(?: \w+){{0,4}}?))?"
                   rf"(?: (?:dien ra|duoc to chuc) (?:vao )?(?:ngay|khi) nao)?"
                   rf"|bao nhieu {_GENERIC}(?: (?:dien ra|duoc to chuc))?)$")

# … or the place said last: "Có bao nhiêu sự kiện (trong các bài) diễn ra tại TP Hồ Chí Minh?"
_PLACE_LAST = re.compile(rf"^(?:co )?(?:(?:bao nhieu|may) {_GENERIC}|(?:nhung|cac) {_GENERIC} nao)"
                         r"(?: (?:trong (?:cac|nhung) bai(?: viet| bao)?|duoc dua tin))?"
                         rf"(?: (?:da )?(?:dien ra|duoc to chuc|to chuc))? (?:o|tai) {_UNIT}(?P<place>.+?)$")
# … or its articles counted: "(Kho có) tổng cộng mấy bài về (các) hoạt động ở TPHCM?"
_REPORTS_AT = re.compile(rf"^(?:(?:trong )?kho )?(?:co )?(?:tong cong |tat ca )?(?:bao nhieu|may) bai(?: viet| bao)? "
                         rf"(?:ve|noi ve|dua tin(?: ve)?) (?:cac |nhung )?{_GENERIC} (?:o|tai) {_UNIT}(?P<place>.+?)$")


# … or events of some kinds, on a topic ("Ở Nam Sơn có mấy hội nghị hoặc cuộc làm việc về dân vận (trong kho bài)?",
# "nam son co may cuoc lam viec / hoi nghi ve dan van"): the place's articles that report one of them
_KIND = (r"(?:hoi nghi|(?:buoi|cuoc) (?:lam viec|hop|gap mat|ky ket)|le ky ket|hoi thi|cuoc thi|(?:doan|dot|cuoc) kiem tra"
         r"|doan cong tac)")
_KINDS_AT = re.compile(rf"^(?:(?:o|tai) )?{_UNIT}(?P<place>.+?),? (?:co |da )?(?:dien ra |to chuc )?(?:(?:nhung|cac) "
                       rf"(?P<kinds>{_KIND}(?:\s*(?:,|/|hoac|hay|va)\s*{_KIND})*) nao|(?:bao nhieu|may) "
                       rf"(?P<counted>{_KIND}(?:\s*(?:,|/|hoac|hay|va)\s*{_KIND})*))(?: ve(?P<about>(?: \w+){{1,10}}?))?"
                       r"(?: (?:da )?(?:duoc dua tin|trong kho(?: bai| du lieu)?|trong cac bai(?: viet| bao)?))*$")
# what a report of each kind writes in its title or opening, whole ("cuộc họp", not the "hợp" of "phối hợp")
_KIND_WORDS = {"hoi nghi": "hoi nghi", "lam viec": "lam viec", "hop": "(?:cuoc|buoi) hop", "gap mat": "gap mat",
               "ky ket": "ky ket", "thi": "(?:hoi|cuoc) thi", "kiem tra": "kiem tra", "cong tac": "doan cong tac"}


def _asked_place(q: "Question") -> str | None:
    """The place whose activities the question asks for, as it names it (folded), or None."""
    m = next(filter(None, (r.search(q.folded) for r in (_ASKS, _PLACE_LAST, _REPORTS_AT, _KINDS_AT))), None)
    # "ở TPHCM", "ở Bà Rịa - Vũng Tàu" (its dash a space): as places() reads it
    place = city(spaced(m["place"])).removeprefix("tp ") if m else None
    return place if place in q.places and not WHO.search(q.folded) else None


def asks_place_events(q: "Question") -> bool:
    """Whether the question opens on a place and asks for the activities or events held there (or
    counts the articles on them)."""
    return _asked_place(q) is not None


def place_events(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per article of the place asked about, newest first; None below two articles."""
    docs = store.data.documents
    place = _asked_place(q)  # type: ignore[assignment]
    found = [doc for doc in docs.values() if keep(doc.doc_id) and place_in(place, fold(f"{doc.place or ''} {doc.title}"))]
    kinds = None if any(r.search(q.folded) for r in (_ASKS, _PLACE_LAST, _REPORTS_AT)) else _KINDS_AT.search(q.folded)
    if kinds:  # of the kinds asked: its title or lead names one
        words = [w for key, w in _KIND_WORDS.items() if re.search(rf"(?<!\w){key}(?!\w)", kinds["kinds"] or kinds["counted"])]
        about = [w for w in (kinds["about"] or "").split() if w not in _ABOUT_WORDS]  # "về dân vận": on that topic
        found = [doc for doc in found if _reports(store, doc.doc_id, words)
                 and len(set(about) - store.words(doc.doc_id).text.unigrams) <= len(about) // 4]
    if len(found) < (1 if kinds else 2):
        return None
    found.sort(key=lambda doc: doc.date or "", reverse=True)
    lines = [Statement((f"{len(found)} bài viết đưa tin hoạt động ở ", Strong(_as_written(q, place)), ":"))]
    items = []
    for doc in found[:rows_shown()]:
        sentences = store.sentences(doc.doc_id)
        start, end = next(((a, b) for a, b in sentences if next(dates.find_dates(doc.text[a:b]), None)),
                          sentences[0] if sentences else (0, min(len(doc.text), 200)))
        ev = Evidence.of(doc, start, end)
        lines.append(Statement((dated(doc.date), Strong(doc.title)), ev, item=True))
        items.append(Item(doc.title, None, None, (), ev))
    lines += more_rows(len(found))
    counted = counts(q.folded, q.restored) or _REPORTS_AT.search(q.folded)  # "mấy bài" restored as "máy"
    return Listing(tuple(lines), tuple(items), len(found), str(len(found)) if counted else found[0].title)


_ABOUT_WORDS = frozenset("cua va voi cho la ve cac nhung trong tai o cong tac".split())  # not the topic's own
_OPENING = 5  # sentences of an article's opening that say what it reports (a lead may only repeat the title)


def _reports(store: "Store", doc_id: str, words: list[str]) -> bool:
    """Whether an article's title or opening sentences name one of these kinds of event (folded words)."""
    folded, spans = store.words(doc_id).folded, store.sentences(doc_id)[:_OPENING]
    said = " ".join([fold(store.data.documents[doc_id].title.lower()), *(folded[slice(*span)] for span in spans)])
    return any(re.search(rf"(?<!\w){w}(?!\w)", said) for w in words)


def _as_written(q: "Question", place: str) -> str:
    """The place as the question writes it, restored: "Tây Giang" for "tay giang"."""
    words = re.sub(r"\s*([-–])\s*", r" \1 ", HCM.sub("TP Hồ Chí Minh", q.restored)).rstrip(" ?.!").split()  # a dash a word
    written = next((" ".join(words[i:i + size]).strip(",.") for size in (len(place.split()), len(place.split()) + 1)
                    for i in range(len(words) - size + 1)
                    if fold(" ".join(w for w in words[i:i + size] if w not in "-–")).strip(",.") == place), place)
    return " ".join(w[:1].upper() + w[1:] for w in written.split())  # a place's syllables are capitalised


# "… tổ chức hội nghị hay buổi gặp mặt với <topic> ở những địa phương nào / ở đâu?" (folded)
_KINDS = rf"(?:{EVENT_NOUNS}|buoi gap mat|gap mat|le ra mat|ra mat|hoi nghi \w+ \w+|tong ket|so ket|kiem tra)"
_FAMILIES = (r"doan (?:kiem tra|cong tac)|kiem tra", r"hoi (?:thi|nghi \w+ \w+)|cuoc thi",
             r"hoi nghi(?: \w+ \w+)?|buoi (?:gap mat|lam viec|le)|gap mat|cuoc hop|le (?:ky ket|ra mat)|ra mat")
_PLACES = r"(?:dia phuong|tinh|noi|tinh thanh|dia ban|thanh pho|huyen|vung)"  # "ở những thành phố, huyện nào"
# "ở / tại / liên quan đến / nói tới những vùng, địa phương nào" ("cấp/địa phương nào"): where the events were
_WHERE = re.compile(rf"(?: (?:o|tai|lien quan (?:den|toi)|noi (?:den|toi)|de cap (?:den|toi)) (?:nhung|cac) (?:cap ?/ ?)?{_PLACES}(?:,? (?:(?:hay|hoac|va) )?{_PLACES})* nao| o (?:nhung )?dau)"
                    r"(?: (?:va )?(?:nam|ngay|khi|luc) nao)?"  # "…, năm nào?": each row is dated
                    r"(?: (?:theo|trong) (?:cac|nhung) bai(?: viet| bao)?)?$")  # "… (theo các bài)?"
# … or first: "Những tỉnh nào (đã) tổ chức …", "Có mấy tỉnh tổ chức …", "Công an những nơi nào đã tổ chức …" (who held
# them kept in the topic); a level set aside before it ("Không tính cấp TW, …")
_PLACE_LIST = rf"{_PLACES}(?:,? (?:(?:hay|hoac|va) )?{_PLACES})*"
_WHERE_FIRST = re.compile(rf"^(?:khong (?:tinh|ke) cap (?:trung uong|tw),? )?(?:(?P<who>(?:\w+ ){{1,3}}?)?(?:nhung|cac) {_PLACE_LIST} nao"
                          rf"|(?:co )?(?:bao nhieu|may) {_PLACE_LIST}) (?:da )?(?=to chuc )")
_NOT_TOPIC = re.compile(rf"(?<!\w)(?:{_KINDS}|da|to chuc|dien ra|lam viec|duoc|hay|hoac|va|voi|cua|ve|trong|cac|nhung|nao"
                        r"|do|nganh|luc luong|giua)(?!\w)")
_SAYS_WHERE = re.compile(r"(?<!\w)(?:[Tt]ại|[Ởở]) (?:(?:tỉnh|thành phố|TP|huyện|quận|xã|phường|thị xã) )?(\w)")
LEAD_WORDS = 6  # a line of fewer words is a page's furniture ("In bài này"), not its lead
TOPIC_HELD = 0.8  # the share of the topic's words, weighted by rarity, an article must hold


def asks_topic_places(q: "Question") -> bool:
    """Whether the question asks where events of a kind it names, on a topic, were held."""
    where = _WHERE.search(q.folded)
    if WHO.search(q.folded):
        return False
    if where is None:
        return bool(_WHERE_FIRST.search(q.folded)) and bool(re.search(rf"(?<!\w){_KINDS}(?!\w)", q.folded))
    # "ở đâu" of one event is not a list; "các (buổi) hội nghị … ở đâu" is
    plural = "" if not where.group(0).startswith(" o dau") else "(?:nhung|cac) (?:buoi |cuoc )?"
    return bool(re.search(rf"(?<!\w){plural}{_KINDS}(?!\w)", q.folded))


def on_topic(store: "Store", doc_id: str, weight: dict[str, float], pairs: set[str], found: Aliases = ()) -> bool:
    """Whether an article reports an event on a topic: most of its words (by `weight`, their
    rarity) and of its word pairs in the text, and half its weight in the title and first two
    sentences of some length; words `found` abbreviated (`aliases()`) are held by the other form
    too. Held only in passing, the topic is not what the article's event was about."""
    words, spans = store.words(doc_id), store.sentences(doc_id)
    standing = held_through(found, words.text.unigrams)
    if held_share(weight, words.text.unigrams | standing) < TOPIC_HELD or not spans or \
            sum(p in words.text.pairs or set(p.split()) <= standing for p in pairs) < 0.75 * len(pairs):
        return False
    held = word_set(fold(store.data.documents[doc_id].title.lower())).unigrams.union(
        *(words.sentences[i].unigrams for i in lead(store, doc_id)))
    return held_share(weight, held | held_through(found, held)) >= 0.5


def lead(store: "Store", doc_id: str, past_title: bool = False) -> list[int]:
    """The article's lead: its first two sentences of some length (LEAD_WORDS words, not "In bài này",
    nor a dateline's figures: "Thứ tư, 00:00, 15/03/2017"); `past_title`, not the title its text repeats."""
    sentences = store.words(doc_id).sentences
    title = word_set(fold(store.data.documents[doc_id].title.lower())).unigrams if past_title else None
    leads = (i for i, w in enumerate(sentences) if len(w.unigrams) >= LEAD_WORDS and w.unigrams != title
             and (len(w.unigrams) >= 2 * LEAD_WORDS or sum(not t.isdigit() for t in w.unigrams) >= LEAD_WORDS))
    return list(itertools.islice(leads, 2))


def topic_places(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per article holding the topic and a kind of event asked, newest first, with its place."""
    asked = _WHERE.sub("", _WHERE_FIRST.sub(lambda m: m["who"] or "", q.folded))
    provinces = bool(_WHERE_FIRST.search(q.folded))  # the places asked first are local: no event of the centre
    asked_kinds = {m.group(0) for m in re.finditer(rf"(?<!\w){_KINDS}(?!\w)", asked)}
    kinds = "|".join(family for family in _FAMILIES if any(re.fullmatch(family, k) for k in asked_kinds))
    kinds = rf"(?<!\w)(?:{kinds or _KINDS})(?!\w)"  # a delegation asked for is a delegation, of any name
    topic = _NOT_TOPIC.sub(" ", asked).split()
    if len(topic) < 2:
        return None
    weight = {w: rarity(w, store.restorer.folded_count, store.restorer.total) for w in topic}
    pairs = {f"{a} {b}" for a, b in zip(topic, topic[1:])}  # "uy tin", "thieu so": the topic's words together
    docs = store.data.documents
    rows = []
    for doc_id in ranked_articles(store, " ".join(topic), keep):
        doc, words = docs[doc_id], store.words(doc_id)
        spans = store.sentences(doc_id)
        if not re.search(kinds, words.support) or not on_topic(store, doc_id, weight, pairs) or \
                provinces and "trung uong" in fold((doc.place or "").lower()):
            continue
        named = fold((doc.place or "").split(",")[0].lower()).removeprefix("tp ").strip()  # "Nam Sơn" of "TP Nam Sơn, Bắc Hà"

        def where(i: int) -> tuple[bool, bool, float]:  # says where, not the title again, most of the topic
            sentence = doc.text[slice(*spans[i])]
            says = any(m.group(1).isupper() for m in _SAYS_WHERE.finditer(sentence))  # "tại TP Nam Sơn", not "tại đây"
            return (bool(says or named and named in fold(sentence.lower())),
                    sentence.strip() != doc.title.strip(), sum(weight[w] for w in weight if w in words.sentences[i].unigrams))
        best = max(range(len(spans)), key=where)
        rows.append((doc.place or doc.title, doc, Evidence.of(doc, *spans[best])))
    if not rows:
        return None
    rows.sort(key=lambda row: row[1].date or "", reverse=True)
    return titled_rows((f"{len(rows)} bài viết đưa tin các sự kiện này, ở:",), rows, q.folded, q.restored)
