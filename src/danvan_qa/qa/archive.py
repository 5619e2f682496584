"""Questions across the archive, answered from the fact table with a citation per row.

These shapes, each only when the question asks across articles:

- a person's history: "Đồng chí X đã dự những hội nghị nào, với cương vị gì?" — one row per
  article naming X, with the role there as written, newest first;
- people by title (qa/title_lists.py): "Những ai là Thứ trưởng Bộ Công an được nêu tên?" — a row per holder;
- articles by topic (qa/article_lists.py): "Có bao nhiêu bài viết nhắc đến X?" — a row per article holding it;
- programmes (qa/programme_lists.py), a place's events (qa/place_events.py), events chaired by two (qa/co_chairs.py).

Every row quotes its article's sentence. Anything else goes through the single-article pipeline.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.abbreviations import spellings
from danvan_qa.ingest.normalize import fold
from danvan_qa.index.store import word_set
from danvan_qa.qa.extractive import rarity
from danvan_qa.qa.act_lists import asks_forms, asks_recipients, forms, recipients
from danvan_qa.qa.article_lists import articles, as_sessions, asks_articles, counts_reports, leads_with
from danvan_qa.qa.body_events import asks_body_events, body_events
from danvan_qa.qa.bylines import asks_byline, credit_rows
from danvan_qa.qa.co_chairs import asks_co_chairs, co_chaired
from danvan_qa.qa.extremes import narrowed
from danvan_qa.qa.figure_lists import asks_figures, figures
from danvan_qa.qa.headlines import asked_phrase, with_headline
from danvan_qa.qa.levels import SAID, asked_level, left_out_level, post_level
from danvan_qa.qa.questions import asked_act, parse, person_focus, place_in, plain_words
from danvan_qa.qa.delegations import asks_led, led
from danvan_qa.qa.document_lists import asks_documents, documents, person_documents
from danvan_qa.qa.mention_places import asked_topic, mention_places
from danvan_qa.qa.model_lists import asks_models, models
from danvan_qa.qa.person_events import acted_in, event_of, held_in, history, narrowing
from danvan_qa.qa.place_events import asks_place_events, asks_topic_places, place_events, topic_places
from danvan_qa.qa.programme_lists import asks_partners, asks_programmes, partners, programmes, reports_signings
from danvan_qa.qa.programme_slots import slot_programmes
from danvan_qa.qa.time_events import asked_when, time_events
from danvan_qa.qa.unit_lists import asks_local, asks_regions, local_units, regions
from danvan_qa.qa.roles import role_index
from danvan_qa.qa.title_lists import (EXCLUDED, asks_holders, asks_leaders, body_leaders, by_title, newest, people_rows,
                                      said, set_aside, title_only, title_phrases)
from danvan_qa.qa.records import (ARCHIVE_CUE, COMMON_WORDS, FOLDED_PROVINCES, admitted, counts, EVENT_NOUNS, EVENTS_COUNTED, SEVERAL, WHO, Listing,
                                  YEAR, Strong, ranked_articles)

if TYPE_CHECKING:
    from danvan_qa.index.backends.base import Filters
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person
    from danvan_qa.qa.questions import Question

# "… những hội nghị, buổi làm việc nào", "những lần nào", "với cương vị gì": a person's events asked for
# "X có mặt ở bao nhiêu sự kiện", "X đã dự mấy hội nghị": the person's events counted, one for two reports of one
_EVENTS_COUNT = (r"(?<!\w)(?:co mat|du|tham du|chu tri|xuat hien)(?: o| tai| trong)? (?:bao nhieu|may) "
                 r"(?:su kien|hoi nghi|buoi|cuoc|hoat dong|lan)(?!\w)")
_ATTENDANCE_COUNTED = re.compile(_EVENTS_COUNT)
_EVENTS = re.compile(r"(?<!\w)(?:nhung|cac) (?:cuoc hop|hoi nghi|buoi|lan|cuoc|su kien|hoat dong|dot"
                     r"|doan (?:kiem tra|cong tac|giam sat|khao sat))(?:[ ,/]+\w+){0,5} nao(?!\w)"  # not "đoàn thể"
                     r"|(?<!\w)(?:cuong vi|chuc vu) gi(?!\w)"
                     r"|(?<!\w)(?:trong|o) (?:(?:bao nhieu|may) (?:bai|tin)|nhung (?:bai|tin)(?: \w+)? nao)(?!\w)"
                     r"|(?<!\w)(?:bao nhieu|may|nhung) (?:bai|tin)(?: viet| bao)?(?: nao)? (?:co )?(?:nhac|neu|de cap)(?!\w)"
                     r"|(?<!\w)(?:liet ke|ke ten|ke ra|danh sach|thong ke) (?:tat ca )?(?:cac|nhung) (?:cuoc hop|hoi nghi|buoi"
                     r"|su kien|hoat dong|cuoc)(?!\w)"  # "liệt kê các hội nghị … có sự tham gia của X"
                     rf"|{_EVENTS_COUNT}")
# ^ "X xuất hiện trong bao nhiêu bài", "X được nhắc trong những bài viết nào", "bao nhiêu bài viết nhắc đến X",
# "X có mặt ở bao nhiêu sự kiện"
# "trong bài báo": one article (not "được bài báo nêu đích danh": any article that names them)
_ONE_ARTICLE = re.compile(r"(?<!\w)(?<!cac )(?<!nhung )(?<!duoc )(?:bai|tin) (?:bao|viet)(?!\w)")
# "Lãnh đạo <body> nào dự / có mặt … các hội nghị (về) <topic>": leaders of a body across events
_LEADERS_AT = re.compile(r"(?<!\w)lanh dao (?P<body>\w+(?: \w+){0,9}?) nao(?: \w+){0,4}? (?:cac|nhung) "
                         rf"{EVENT_NOUNS}(?P<topic>(?: \w+)*)"
                         # … or the events first: "Ở các hội nghị về <topic>, lãnh đạo (cấp) <body> nào được nêu tên?"
                         rf"|^(?:o|tai|trong) (?:cac|nhung) {EVENT_NOUNS}(?P<topic_first>(?: \w+)*?) lanh dao (?:cap )?"
                         r"(?P<body_after>\w+(?: \w+){0,9}?) nao(?!\w)")
# "Ai chủ trì (tại) các hội nghị <topic>?", "Những ai … ký kết các chương trình phối hợp?": an act asked of
# the events (or programmes) of a topic, or of every one
_AN_EVENT = re.compile(rf"(?<!\w)(?:{EVENT_NOUNS}|chuong trinh(?: phoi hop)?)(?P<topic>(?: \w+)*)")
_ACTING = re.compile(rf"(?<!\w)(?:(?:cac|nhung) (?:{EVENT_NOUNS}|chuong trinh(?: phoi hop)?)"
                     rf"|(?:tai|o) {EVENT_NOUNS}(?: (?:(?:va|hoac|hay) )?{EVENT_NOUNS})+)(?P<topic>(?: \w+)*)")  # "tại hội nghị, lễ …"
# "X đã cùng ai đồng chủ trì …", "cùng những ai ký kết …": the act asked of the others beside X (folded)
# or the act first: "X đã đồng chủ trì hội nghị, buổi làm việc cùng những lãnh đạo nào?" (the act: its one group matched)
_ALONGSIDE = re.compile(r"(?<!\w)cung (?:voi )?(?:ai|nhung ai|nhung nguoi nao) (?:dong )?(?P<act>chu tri|ky ket|ky)(?!\w)"
                        r"|(?<!\w)(?:dong )?(?P<act_first>chu tri|ky ket|ky)(?:[ ,]+\w+){0,8}? cung (?:voi )?"
                        r"(?:(?:nhung|cac) )?(?:ai|(?:(?:dong chi|vi) )?(?:lanh dao|nguoi|dong chi|vi) nao)(?!\w)"
                        # or asked of the others first: "Những ai đã cùng ông X chủ trì các hội nghị …?"
                        r"|(?<!\w)(?:nhung )?(?:ai|nguoi nao)(?: da)? cung (?:voi )?(?:\w+ ){1,6}?(?:dong )?"
                        r"(?P<act_others>chu tri|ky ket|ky)(?!\w)"
                        # "X đã đồng / cùng chủ trì hội nghị, buổi làm việc với những ai?": co-chairs are "with" each other
                        r"|(?<!\w)(?:dong|cung) (?P<act_with>chu tri)(?:[ ,]+\w+){0,12}? voi (?:(?:nhung|cac) )?"
                        r"(?:ai|(?:(?:dong chi|vi) )?(?:lanh dao|nguoi|dong chi|vi) nao)(?!\w)"  # "đồng chí lãnh đạo nào"
                        # "… người đồng chủ trì với ông (ở mỗi sự kiện) là ai?"
                        r"|(?<!\w)(?:nguoi|vi|lanh dao) (?:cung|dong) (?P<act_who>chu tri)(?: \w+){0,10}? la (?:ai|nhung ai)(?!\w)")
_MANY_EVENTS = re.compile(rf"(?<!\w)(?:cac|nhung|moi|tung) {EVENT_NOUNS}(?!\w)")  # "ở mỗi hội nghị": not one event
# "X mấy lần làm Trưởng đoàn kiểm tra (làm việc với Y)?": the person's events in that role, counted
_ROLE_TIMES = re.compile(r"(?<!\w)(?:bao nhieu|may) lan (?:lam|giu(?: chuc(?: vu)?| vai tro| cuong vi)?|dam nhan(?: vai tro)?"
                         r"|(?:o|tren|voi) (?:cuong vi|vai tro)) (?P<title>\w+(?: \w+){0,7}?)"
                         r"(?= (?:lam viec|tai|trong|khi|o|de|cua|duoc)(?!\w)|\W*$)")
# "X có bao nhiêu buổi làm việc với Y", "X đã gặp mặt Y những lần nào": the person's sessions with a body
_SESSIONS_WITH = re.compile(r"(?<!\w)(?:(?:bao nhieu|may|nhung|cac) (?:buoi|cuoc|lan)(?: lam viec| gap mat| (?<!phoi )hop)?"
                            r"|lam viec|gap mat|(?<!phoi )hop) voi (?P<whom>\w+(?: \w+){1,7}?)"
                            r"(?= (?:duoc|da duoc|theo|trong|bao nhieu|may|nhung|cac)(?!\w)|\W*$)")
# "(có mặt) tại / dự các lễ, hội nghị ký kết …": events of a kind, said by the words after the event nouns
_AT_KIND = re.compile(rf"(?<!\w)(?:tai|o|trong|du|tham du|co mat) (?:cac|nhung) (?:\w+,? (?:(?:va|hoac|hay) )?){{0,2}}"
                      rf"{EVENT_NOUNS}(?: \w+){{0,4}}")
# events counted, or listed with "nào" ("những hội nghị nào …"; not "các hội nghị … diễn ra ở đâu": each article says)
_SEVERAL_EVENTS = re.compile(rf"(?<!\w)(?:(?:bao nhieu|may) {EVENT_NOUNS}|(?:nhung|cac) {EVENT_NOUNS}(?: \w+){{0,8}}? nao)(?!\w)")
_KIND_WORDS = ("ky ket", "so ket", "tong ket", "kiem tra", "hoi thi", "cuoc thi", "gap mat", "ra mat", "giao ban", "tap huan")
_PEOPLE_ASKED = re.compile(r"(?<!\w)(?:(?:nhung|cac) (?:\w+ ){1,8}?nao|bao nhieu|may)(?!\w)")  # "những gì" asks no one
_AMOUNT = re.compile(r"^\W*(?:tong )?so luong (?P<what>.+?),? (?:la )?(?:bao nhieu|may)\W*$")  # folded, offsets kept
_REVIEWS = re.compile(r"(?<!\w)(?:tong ket|so ket)(?!\w)")  # a programme's review, not its signing
_AT_EVENTS = re.compile(rf"(?<!\w)(?:tai|o|trong) (?:cac|nhung) {EVENT_NOUNS}(?!\w)")  # "… tại các hội nghị"
# "Hội nghị nào có X dự?", "X chủ trì buổi làm việc nào?": one event asked of a named person is among their events
_EVENT_OF = re.compile(rf"(?<!\w){EVENT_NOUNS}(?: \w+){{0,2}}? nao(?!\w)")
_ATTENDED = re.compile(r"(?<!\w)(?:du|tham du|co mat|chu tri|dong chu tri|phat bieu|tham gia)(?!\w)")  # … X was at
# what kind of speech or act a question asks for ("phát biểu khai mạc", "kết luận"): the sentence must say it
_MANNER = re.compile(r"(?<!\w)(?:khai mac|be mac|ket luan|chao mung|tham luan|chi dao|tiep thu|giai trinh)(?!\w)")
_EVENT_WORDS = frozenset("hoi nghi buoi lam viec hoat dong cuoc hop le ky ket su kien duoc dua tin nhac den bai viet "
                         "hoac hay va co".split())


def asks_across(q: "Question") -> bool:
    """Whether the question asks across articles: "những / các / bao nhiêu" with "trong các bài",
    "được nêu tên"…"""
    folded = q.folded
    return bool(SEVERAL.search(folded)) and bool(ARCHIVE_CUE.search(folded)) \
        and not _ONE_ARTICLE.search(folded)


def asks_history(q: "Question") -> bool:
    """Whether the question asks for a named person's events: "X đã dự những hội nghị nào",
    "… với cương vị gì" (not "những ai dự … cùng X": that is one event's list)."""
    folded = q.folded
    return bool(q.person and SEVERAL.search(folded) and _EVENTS.search(folded) and not WHO.search(folded))


def listing(q: "Question", store: "Store", filters: "Filters | None" = None) -> Listing | None:
    """The archive answer to `q` over the articles `filters` admits, or None when it is not a
    question across articles (or none hold). A question naming a person or a day is about that
    person's or that day's event, unless it asks for the person's events."""
    keep = admitted(store.data.documents, filters)
    if first := narrowed(q, store, lambda plural: listing(plural, store, filters)):
        return first  # "Chương trình nào được ký sớm nhất?": the list it narrows, its first or last row
    if (phrase := asked_phrase(q)) and (titled := with_headline(phrase, q, store, keep)):  # "tiêu đề chứa cụm 'X'"
        return titled
    q = set_aside(as_sessions(q, store) or q)  # "Mấy lần X làm việc với Y?": X's sessions with Y, counted
    if said := _AMOUNT.match(fold(q.restored.lower())):  # "Số lượng X … là bao nhiêu?": "Có bao nhiêu X …?"
        q = parse(text := f"Có bao nhiêu {q.restored[said.start('what'):said.end('what')]}?", text, store.stored_facts)
    alongside = _ALONGSIDE.search(q.folded) if q.person and not q.dates else None  # "X đã cùng ai đồng chủ trì …?"
    alongside = None if alongside and alongside["act_who"] and not _MANY_EVENTS.search(q.folded) else alongside
    if alongside and (found := _alongside(q.person, next(filter(None, alongside.groups())),  # type: ignore[arg-type]
                                          q, store, keep)):
        return found
    if q.person and (role := _ROLE_TIMES.search(fold(q.restored))) and (found := history(  # folding keeps offsets
            q.person, store, keep, counted=True, by_event=True, role=role["title"],
            role_shown=q.restored[role.start("title"):role.end("title")])):
        return found
    if q.person and counts(q.folded, q.restored) and (whom := _SESSIONS_WITH.search(q.folded)) and (found := history(
            q.person, store, lambda d: keep(d) and leads_with(store, d, [whom["whom"]]), counted=True, by_event=True,
            narrowed=narrowing(q, whom["whom"]))):
        return found  # "Bà X có bao nhiêu buổi làm việc với Y": X's events whose report leads with Y
    if (acts := asks_recipients(q)) and (given := recipients(acts, store, keep)):  # "… tặng quà cho những ai?"
        return given
    if asks_co_chairs(q) and (chaired := co_chaired(_with_act("chủ trì", store), q, store, keep)):  # "… do hai người …?"
        return chaired
    if (practice := asks_forms(q)) and (named := forms(practice, store, keep)):  # "những hình thức đối thoại nào"
        return named
    if q.person and not (q.dates or WHO.search(q.folded) or SEVERAL.search(q.folded)) and _EVENT_OF.search(q.folded) \
            and _ATTENDED.search(q.folded) and (found := event_of(q, store, keep)):  # one event: plural ones below
        return found
    # "Bao nhiêu hội nghị (tổ chức) tại Nam Sơn có ông X dự / chủ trì?": X's events counted, the count said first
    if q.person and EVENTS_COUNTED.search(q.folded) and _ATTENDED.search(q.folded) and not WHO.search(q.folded) and (
            found := history(q.person, store, acted_in(q, store, held_in(q, store, keep)), counted=True, by_event=True,
                             narrowed=narrowing(q))):
        return found
    if asks_history(q):
        return history(q.person, store, keep, counts(q.folded, q.restored),  # type: ignore[arg-type]
                        by_event=bool(_ATTENDANCE_COUNTED.search(q.folded)))
    if (between := asks_body_events(q)) and (events := body_events(between, q, store, keep)):  # "… giữa A với B"
        return events
    if asks_place_events(q) and (events := place_events(q, store, keep)):  # "Ở Tây Giang có những hoạt động nào?"
        return events
    if asks_topic_places(q) and q.periods and "chuong trinh" in q.folded and not _REVIEWS.search(q.folded) and \
            (signed := programmes(q, store, keep)):
        return signed  # "Lễ ký kết chương trình … giai đoạn X … ở những nơi nào?": those programmes, with their places
    if asks_topic_places(q) and (places := topic_places(q, store, keep)):  # "… hội nghị … ở những địa phương nào?"
        return places
    if (topic := asked_topic(q)) and (places := mention_places(topic, q, store, keep)):  # "X được nhắc ở những tỉnh nào?"
        return places
    if (when := asked_when(q)) and (held := time_events(q, when, store, keep)):  # "… hội nghị nào … vào tháng 11?"
        return held
    across = asks_across(q)
    kind = asks_documents(q, across)  # "Các bài có nhắc tới những chỉ thị nào?": the documents, not the articles
    # "bao nhiêu bài viết nhắc đến X"; not "Các bài có nhắc tới những ai giữ chức X / những quân khu, xã nào?"
    named = asks_holders(q) or asks_regions(q) or bool(asks_local(q)) or asks_models(q)
    if asks_articles(q, across) and not (kind and kind != "chuong trinh") and not named:
        if reports_signings(q) and (signed := programmes(q, store, keep, reports=True)):
            return signed  # "Bao nhiêu bài đưa tin lễ ký kết chương trình … giai đoạn X?"
        return articles(q, store, keep)
    if across and (credit := asks_byline(q)) and (credits := credit_rows(credit, q, store, keep)):  # "tác giả ảnh nào"
        return credits
    if kind and kind != "chuong trinh":
        return documents(q, kind, store, keep)
    if q.person and not q.dates and (named := person_documents(q, store, keep)):  # "X dẫn đoàn kiểm tra … văn bản nào?"
        return named
    if q.person or q.dates:
        return None
    if (asked := asks_figures(q)) and (found := figures(asked, q, store, keep)):  # "những tỉnh nào … số mô hình"
        return found
    if (across or len(q.places) > 1) and asks_models(q) and (named := models(q, store, keep)):  # "… của A và B"
        return named
    if (across or _AT_EVENTS.search(q.folded)) and asks_regions(q) and (named := regions(q, store, keep)):
        # "bao nhiêu quân khu …", "những Quân khu nào có mặt tại các hội nghị": across the archive either way
        return named
    if across and (units := asks_local(q)) and (named := local_units(units, q, store, keep)):  # "Những xã nào …"
        return named
    body = asks_partners(q)
    if body:
        return partners(body, q, store, keep) or slot_programmes(q, store, keep)
    if (leaders := _LEADERS_AT.search(q.folded)) and (found := _leaders_at(
            leaders["body"] or leaders["body_after"], leaders["topic"] or leaders["topic_first"] or "", q, store, keep)):
        return found
    if (body := asks_leaders(q)) and (found := body_leaders(body, q, store, keep)):  # "Những ai trong lãnh đạo <body> …"
        return found
    if asks_led(q) and not (q.person or q.dates) and (found := led(q, store, keep)):
        return found  # "Những ai từng làm trưởng đoàn các đoàn kiểm tra …?"
    if (act := _people_act(q)) and (found := _people_by_act(act, q, store, keep)):  # "Ai chủ trì các hội nghị …?"
        return found
    titles = title_phrases(q, store) if asks_holders(q) else title_only(q, store)  # the people, whatever the scope
    if titles and (found := by_title(titles, q, store, _in_places(q, store, keep))):
        return found
    if asks_programmes(q, across) and person_focus(q.restored) is None:  # "Những Phó Bí thư … nào phát biểu tại …"
        return programmes(q, store, keep) or slot_programmes(q, store, keep)
    if counts_reports(q):  # "Có bao nhiêu hội nghị … được đưa tin?"
        return reports_signings(q) and programmes(q, store, keep) or articles(q, store, keep)
    at = _AT_KIND.search(q.folded) if _PEOPLE_ASKED.search(q.folded) else None  # "Những Đại tá nào có mặt tại các lễ …"
    if at and (titles := title_phrases(q, store)):  # … the holders at the events of that kind: the article's own
        kinds = [w for w in _KIND_WORDS if re.search(rf"(?<!\w){w}(?!\w)", at.group(0))]
        if found := by_title(titles, q, store, lambda d: keep(d) and (not kinds or _of_kind(store, d, kinds))):
            return found
    if found := slot_programmes(q, store, keep):  # "Tỉnh nào có chương trình … với Biên phòng?": parties anywhere
        return found
    if across and _SEVERAL_EVENTS.search(q.folded) and not q.places and (found := articles(q, store, keep)):
        return found  # "Có bao nhiêu hội thi, cuộc thi trong các bài?", "những hội nghị nào …": the articles reporting one
    if not across and not asks_holders(q):
        return None
    titles = title_phrases(q, store)
    return by_title(titles, q, store, _in_places(q, store, keep)) if titles else None


def _in_places(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Callable[[str], bool]:
    """The articles `keep` admits, of the places the question names and does not set aside ("Phó Bí thư
    Thường trực Tỉnh ủy Thừa Thiên Huế", a province or city of the gazetteer): a title's holders there, by
    the article's place, title or text (a role may name it)."""
    text = said(q)
    provinces = [p for p in q.places if p in FOLDED_PROVINCES]  # "tỉnh ủy hoặc …" names none
    named = [p for p in provinces if place_in(p, EXCLUDED.sub(" ", text))]
    aside = [p for p in provinces if p not in named]  # "(không tính tỉnh X)": X's are no rows
    docs = store.data.documents

    def of(d: str, places: list[str]) -> bool:
        return any(place_in(p, fold(f"{docs[d].place or ''} {docs[d].title}".lower()) + " " + store.words(d).folded)
                   for p in places)
    return keep if not provinces else lambda d: keep(d) and (not named or of(d, named)) and not (aside and of(d, aside))


def _on_topic(topic: str, store: "Store", keep: Callable[[str], bool]) -> list["Person"] | None:
    """The people of the articles holding a topic's words (four fifths of their weight, by
    rarity) among those BM25 ranks first; None when the topic has no words of its own."""
    docs = store.data.documents
    wanted = [w for w in topic.split() if w not in COMMON_WORDS and w not in _EVENT_WORDS]
    if not wanted:
        return None
    weight = {w: rarity(w, store.restorer.folded_count, store.restorer.total) for w in wanted}
    people: list["Person"] = []
    for doc_id in ranked_articles(store, " ".join(wanted), keep):
        held = store.words(doc_id).text.unigrams | word_set(fold(docs[doc_id].title)).unigrams
        if sum(weight[w] for w in wanted if w in held) >= 0.8 * sum(weight.values()):
            people += store.people_by_doc.get(doc_id, [])
    return people


def _people_act(q: "Question") -> str | None:
    """The act a question asks people for ("Ai chủ trì …", "những người nào … ký …"; counted: "có bao nhiêu người
    … chủ trì", whose kind carries no act), or None when it asks no people."""
    counted = re.search(r"(?:bao nhieu|may) nguoi", q.folded)
    if not (WHO.search(q.folded) or "nguoi nao" in q.folded or counted):
        return None
    return q.act or (asked_act(q.restored) if counted else None)


def _people_by_act(act: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The people who did `act` at the events the question asks across the archive: "các hội nghị …", kinds of
    event listed ("tại hội nghị, lễ ký kết hay buổi làm việc"), or one kind named when it asks across the articles
    ("Trong các bài, những ai … hội nghị?"). Read without the asides in brackets first ("(không tính các hội nghị
    cấp Trung ương)"), then with them ("… (tại hội nghị, lễ ký kết …)"). One kind of event, or kinds listed, with a
    place or a time asks that event, each article's own answer."""
    for text in (plain_words(q.restored), q.folded):
        acting = _ACTING.search(text) or asks_across(q) and _AN_EVENT.search(text)
        if not acting or not acting[0].startswith(("cac ", "nhung ")) and (q.places or q.dates or YEAR.search(q.text)):
            continue
        if found := _acting(act, acting["topic"], q, store, keep, of_programmes="chuong trinh" in acting[0]):
            return found
    return None


def _acting(act: str, topic: str, q: "Question", store: "Store", keep: Callable[[str], bool], *,
            of_programmes: bool = False) -> Listing | None:
    """"Ai chủ trì các hội nghị, buổi làm việc được đưa tin?": the people who did the act the
    question names ("đồng chủ trì" is chairing too) at any event, a row each (the other articles under it),
    newest first; asked of the programmes (`of_programmes`), only where their sentence names one
    (who signed a regulation signed no programme); asked of a level ("ở cấp tỉnh"), those whose post is of it
    (levels.post_level). Events of a topic ("… các hội nghị ký kết chương trình …") are left to each article's
    own answer (qa/per_article.py): retrieval weighs a topic better than its words."""
    if any(w not in COMMON_WORDS and w not in _EVENT_WORDS for w in ARCHIVE_CUE.sub(" ", topic).split()):
        return None  # "… các hội nghị về X": left to each article; "… trong kho bài": no topic
    people = [p for p in _with_act(act, store) if keep(p.doc_id)]
    manner = _MANNER.search(plain_words(q.restored))  # "phát biểu khai mạc": the opening speech; not in an aside
    manner = manner if manner and manner.group(0) not in fold(act) else None
    # the manner right after the act as the sentence writes it ("Phát biểu khai mạc hội nghị, …"), not in a
    # body's name ("Trưởng Ban Chỉ đạo … phát biểu")
    spoken = re.compile(rf"(?<!\w){re.escape(fold(act))}(?: \w+)?? {manner.group(0)}(?!\w)") if manner else None
    # "Ở cấp tỉnh, những ai chủ trì …": those whose post (its most local level) is of that level
    wanted, unwanted = asked_level(q.folded), left_out_level(q.folded)
    found: dict[str, dict[str, "Person"]] = {}
    for p in people:
        held = post_level(p.role or "") if wanted or unwanted else None
        if wanted and held != wanted or unwanted and held == unwanted:
            continue
        said = store.words(p.doc_id).folded[p.start:p.end] if of_programmes or spoken else ""  # read only if asked
        if (not of_programmes or "chuong trinh" in said) and (spoken is None or spoken.search(said)):
            found.setdefault(fold(p.name), {}).setdefault(p.doc_id, p)
    if not found:
        return None
    at = fold(q.restored).find(manner.group(0)) if manner else -1  # folding keeps every character's place
    shown = f"{act} {q.restored[at:at + len(manner.group(0))]}" if manner and at >= 0 else act
    post = f" (chức vụ cấp {SAID[wanted]})" if wanted else f" (không tính cấp {SAID[unwanted]})" if unwanted else ""
    return people_rows((f"Các bài viết nêu {len(found)} người ", Strong(shown), f"{post}:"), newest(found, store),
                       len(found), q, store)


_ACTED: "weakref.WeakKeyDictionary[Store, dict[str, list[Person]]]" = weakref.WeakKeyDictionary()


def _with_act(act: str, store: "Store") -> list["Person"]:
    """Everyone whose acts hold `act`, in the archive's order: read once per act and store (a store never
    changes), not per question (380,000 people at 20,000 articles)."""
    acted = _ACTED.setdefault(store, {})
    if act not in acted:  # a benign race at worst reads it twice
        acted[act] = [p for doc_id in store.data.documents for p in store.people_by_doc.get(doc_id, [])
                      if any(act in a for a in p.acts)]
    return acted[act]


def _leaders_at(body: str, topic: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """"Lãnh đạo <body> nào dự các hội nghị về <topic>?": the people of the articles holding the
    topic who did something there and whose role names the body (however abbreviated), a row
    each, newest first (title_lists.people_rows)."""
    forms = spellings(body)
    people = _on_topic(topic, store, keep)
    if people is None:  # no topic of its own ("các hoạt động phối hợp"): everyone whose role names the body
        people = [p for form in forms for p, _, _ in role_index(store).holders(form) if keep(p.doc_id)]
    found: dict[str, dict[str, "Person"]] = {}
    for p in people:
        role = " " + fold(" ".join(filter(None, (p.rank, p.role))).lower()) + " "
        if p.acts and any(f" {form} " in role for form in forms):
            found.setdefault(fold(p.name), {}).setdefault(p.doc_id, p)
    if not found:
        return None
    rows = newest(found, store)
    written = " ".join(filter(None, (rows[0].rank, rows[0].role)))  # folding keeps offsets: the body as written
    at, form = max((fold(written.lower()).find(form), form) for form in forms)
    shown = written[at:at + len(form)] if at >= 0 else body
    return people_rows((f"Các bài viết nêu {len(found)} người của ", Strong(shown), ":"), rows, len(found), q, store)


def _alongside(name: str, act: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The others who did the act at the events where the person did it (co-chairs, co-signers), a
    row each, newest first (title_lists.people_rows); None when the person did it nowhere."""
    found: dict[str, dict[str, "Person"]] = {}
    acted = [p for p in store.people_by_name.get(name, []) if keep(p.doc_id) and any(act in fold(a) for a in p.acts)]
    for own in acted:
        for p in store.people_by_doc.get(own.doc_id, []):  # at the same event of the article
            if p.name != name and p.event_id == own.event_id and any(act in fold(a) for a in p.acts):
                found.setdefault(fold(p.name), {}).setdefault(p.doc_id, p)
    if not found:
        return None
    shown = {"chu tri": "chủ trì", "ky ket": "ký kết", "ky": "ký"}.get(act, act)  # the act asked, as written
    return people_rows((f"Các bài viết nêu {len(found)} người cùng ", Strong(name), f" {q.act or shown}:"),
                       newest(found, store), len(found), q, store)


def _of_kind(store: "Store", doc_id: str, kinds: list[str]) -> bool:
    """Whether the event an article reports is of one of these kinds (folded): its title or lead
    says so, or its main event in the fact table is of that kind."""
    return leads_with(store, doc_id, kinds) or any(
        e.main and any(fold(k) in kinds for k in e.kinds) for e in store.events_by_doc.get(doc_id, []))
