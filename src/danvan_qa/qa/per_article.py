"""One fact from each article: "Ai phát biểu chỉ đạo tại các hội nghị ký kết …?", "… ở những nơi
nào?", "… vào những ngày nào?", "Công an các tỉnh đã xây dựng bao nhiêu mô hình …?".

The fact table answers lists it has columns for (people, programmes, documents); a question that
asks the same thing of several events asks for what no column holds. It is answered by the
single-article pipeline once per article among the retrieved ones, and every article whose
typed answer (a name, a date, a place, a number) the answer/abstain model trusts gives a row
citing its own sentence; a bare best sentence is no row, since it does not say which fact it
gives. The model was calibrated to refuse an article that only comes near the question, which is
what keeps the other articles out. With fewer than two such articles the question goes through the single-article
pipeline as usual, so a question that only sounds plural loses nothing.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.extractive import rarity
from danvan_qa.qa.place_events import on_topic
from danvan_qa.qa.questions import QUOTED, quoted
from danvan_qa.qa.sides import parties_match, sides
from danvan_qa.qa.records import COMMON_WORDS, EVENT_NOUNS, EVENT_WRITTEN, rows_shown, Item, Listing, Statement, Strong, dated, more_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.decide import Decision
    from danvan_qa.qa.questions import Question
    from danvan_qa.records import Passage

ARTICLES_READ = 8  # the best-retrieved articles asked one by one
PASSAGES_READ = 40  # retrieved chunks shared out among them
# What asks one fact of several events or places (folded): "tại / chủ trì các hội nghị", "Các hội nghị …",
# "ai làm trưởng đoàn các đoàn kiểm tra",
# "ở những nơi nào", "vào những ngày nào", "Công an các tỉnh", "Công an cấp tỉnh ở các nơi"
_EACH = re.compile(
    rf"(?<!\w)(?:tai|trong|o|chu tri|du|tham du) (?:cac|nhung) {EVENT_NOUNS}(?!\w)"
    rf"|^(?:cac|nhung) {EVENT_NOUNS}(?!\w)"
    rf"|(?<!\w)lam (?:pho )?truong \w+ (?:cua )?(?:cac|nhung) {EVENT_NOUNS}(?!\w)"
    r"|(?<!\w)o nhung (?:noi|dia phuong|tinh)(?: \w+){0,3} nao(?!\w)"
    r"|(?<!\w)(?:vao|trong) nhung (?:ngay|dip|thoi diem) nao(?!\w)"
    r"|(?<!\w)(?:cong an|ban dan van|mat tran|bo chi huy quan su) cac (?:tinh|dia phuong)(?! o | tai | thuoc )(?!\w)"
    # "Công an những tỉnh nào … bao nhiêu mô hình": which, and each one's figure
    r"|(?<!\w)(?:cong an|ban dan van|mat tran|bo chi huy quan su) nhung (?:tinh|dia phuong) nao(?!\w)(?=.*(?<!\w)bao nhieu(?!\w))"
    r"|(?<!\w)(?:cong an|ban dan van|mat tran|bo chi huy quan su) cap tinh o cac noi(?!\w)")


# The kind of event a question names, and how an article reporting one writes it (folded): "các hội nghị
# tổng kết", "những đoàn kiểm tra" (an article on one may call it a "đoàn công tác", led by whoever "làm trưởng
# đoàn"; a "Trưởng Đoàn đại biểu Quốc hội" leads none)
_KIND_OF = re.compile(rf"(?<!\w)(?:cac|nhung) (?:{EVENT_NOUNS} (?P<kind>tong ket|so ket|ky ket|gap mat)"
                      r"|(?P<noun>doan kiem tra|doan cong tac|hoi thi|cuoc thi|le ky ket))(?!\w)")


# "các hội nghị về <topic>, những ai …": the topic runs from "về" to what the question asks or its verb
_TOPIC = re.compile(rf"(?<!\w)(?:cac|nhung) {EVENT_NOUNS} ve (?P<topic>\w+(?: \w+)*?)"
                    r"(?= (?:nhung|cac) (?:ai|nguoi|gi|noi|ngay)(?!\w)"
                    r"| (?:ai|bao nhieu|o dau|khi nao|nhu the nao|duoc|dien ra|lam viec|to chuc|do ai)(?!\w)|$)")
# "bao nhiêu mô hình “X”": a phrase quoted right after what is counted (as restored)
_COUNTED_QUOTE = re.compile(rf"(?<!\w)(?:bao nhiêu|mấy)\s+(?:\w+\s+){{1,2}}{QUOTED}", re.IGNORECASE)
# "… do ai làm trưởng đoàn?": a title asked of whoever held it at each event
_HELD_TITLE = re.compile(r"(?<!\w)(?:ai|nguoi nao) lam (?P<title>(?:pho )?truong \w+|chu tich|chu nhiem|to truong)(?!\w)")


def asks_each(q: "Question") -> bool:
    """Whether the question asks one fact of each of several events or places."""
    return bool(_EACH.search(q.folded))


def each_article(passages: list["Passage"], decide_one: Callable[[list["Passage"]], "Decision"],
                 store: "Store", q: "Question") -> Listing | None:
    """A row per article whose own answer is trusted, newest first; None below two articles. A
    question naming two bodies or a kind of event reads only the articles that name them."""
    asked = sides(q)
    event = _KIND_OF.search(q.folded)  # an article that never names that kind of event reports another
    written = (() if event is None else (event["kind"],) if event["kind"] else
               EVENT_WRITTEN.get(event["noun"].replace("doan cong tac", "doan kiem tra").replace("cuoc thi", "hoi thi"), ()))
    topic, pairs = _topic(q, store)
    on_pair = {doc_id: (not asked or _between(store, doc_id, asked))
               and (not written or any(re.search(rf"(?<!\w){w}(?!\w)", store.words(doc_id).support) for w in written))
               and (not topic or on_topic(store, doc_id, topic, pairs))
               for doc_id in {p.doc_id for p in passages}}
    phrases = [fold(x) for x in quoted(q.restored)]  # "“Dân vận khéo”": asked as written, held by each article
    counted = [fold(x) for x in _COUNTED_QUOTE.findall(q.restored)]  # "bao nhiêu mô hình “X”": in the sentence too
    by_doc: dict[str, list["Passage"]] = {}
    for p in passages:
        if (p.doc_id in by_doc or len(by_doc) < ARTICLES_READ) and on_pair[p.doc_id] \
                and all(x in store.words(p.doc_id).support for x in phrases) \
                and (held := _holding_phrases(p, counted, store)):
            by_doc.setdefault(p.doc_id, []).extend(held)
    title = _HELD_TITLE.search(q.folded)
    answered = [(doc_id, d) for doc_id, d in ((doc_id, _holding(decide_one(ps), title and title["title"], store))
                                              for doc_id, ps in by_doc.items())
                if d.chosen is not None and d.chosen.kind != "sentence"]
    if len(answered) < 2:
        return None
    docs = store.data.documents
    answered.sort(key=lambda row: docs[row[0]].date or "", reverse=True)
    lines, items, values = [Statement((f"Câu trả lời trong {len(answered)} bài viết:",))], [], []
    for doc_id, d in answered[:rows_shown()]:
        doc, chosen = docs[doc_id], d.chosen
        assert chosen is not None and chosen.evidence is not None
        where = f"{dated(doc.date)}{doc.title}: "
        if chosen.items:  # people: one row each, citing the sentence naming them
            for i in chosen.items:
                lines.append(Statement((where, f"{i.rank} " if i.rank else "", Strong(i.name),
                                        f" — {i.role}" if i.role else ""), i.evidence, item=True))
                items.append(i)
            values.append(", ".join(i.name for i in chosen.items))
            continue
        ev = chosen.evidence
        shown = chosen.value or doc.published[ev.start:ev.end]
        lines.append(Statement((where, Strong(shown)), ev, item=True))
        items.append(Item(shown, None, None, (), ev))
        if chosen.value:
            values.append(chosen.value)
    lines += more_rows(len(answered))
    return Listing(tuple(lines), tuple(items), len(answered), "; ".join(values) or None)


def _holding_phrases(p: "Passage", phrases: list[str], store: "Store") -> list["Passage"]:
    """The passage, or with phrases quoted after what the question counts, each of its sentences
    holding one (as a passage of its own, scored as the chunk): an article asked for "bao nhiêu mô
    hình “Dân vận khéo”" answers from a sentence on those models, not from one on its other models;
    a quoted topic of the events ("các hội nghị tổng kết phong trào “X”") narrows no sentence."""
    if not phrases:
        return [p]
    words = store.words(p.doc_id)
    return [dataclasses.replace(p, start=a, end=b, text=store.data.documents[p.doc_id].text[a:b])
            for a, b in store.sentences(p.doc_id)
            if a < p.end and b > p.start and any(x in words.folded[a:b] for x in phrases)]


def _holding(d: "Decision", title: str | None, store: "Store") -> "Decision":
    """The decision with only the people who held the title asked ("… do ai làm trưởng đoàn?"): whose
    role names it, or whose part of the sentence says they acted as it ("… làm Trưởng đoàn"); none
    left, no answer from this article (its co-chairs and guests are not what was asked)."""
    if title is None or d.chosen is None or not d.chosen.items:
        return d
    # in a role, the title alone or going on as the question goes on ("Trưởng Đoàn kiểm tra" of "các đoàn
    # kiểm tra"), not as another title ("Trưởng Đoàn đại biểu Quốc hội"), nor a deputy's ("Phó Trưởng đoàn")
    last = title.split()[-1]
    goes_on = {m[1] for m in re.finditer(rf"(?<!\w){last} (?=(\w+ \w+))", d.reading.question.folded)}
    ends = "|".join(["$", ",", ";", *(f" {re.escape(w)}(?!\\w)" for w in goes_on)])
    in_role = re.compile(rf"(?<!\w){'' if title.startswith('pho ') else '(?<!pho )'}{title}(?:{ends})")
    kept = tuple(i for i in d.chosen.items
                 if in_role.search(fold(i.role or "")) or _acted_as(i, title, d.chosen.items, store))
    return dataclasses.replace(d, chosen=dataclasses.replace(d.chosen, items=kept) if kept else None)


def _acted_as(item: Item, title: str, others: tuple[Item, ...], store: "Store") -> bool:
    """Whether the person's part of their sentence, up to the next person or ";", says they acted
    as the title ("…, Phó trưởng Ban Thường trực làm Trưởng đoàn; về phía …")."""
    ev = item.evidence
    text = store.data.documents[ev.doc_id].text[ev.at[0]:ev.at[1]]
    at = text.find(item.name)
    if at < 0:
        return False
    ends = [text.find(o.name, at + len(item.name)) for o in others if o.name != item.name]
    end = min([e for e in ends if e >= 0] + [len(text)] + [e for e in [text.find(";", at)] if e >= 0])
    return bool(re.search(rf"(?<!\w)lam {title}(?!\w)", fold(text[at + len(item.name):end])))


def _topic(q: "Question", store: "Store") -> tuple[dict[str, float], set[str]]:
    """The words of the topic the question names for its events, by rarity, and its word pairs;
    empty without one. An article that does not report an event on it answers another question."""
    found = _TOPIC.search(q.folded)
    words = found["topic"].split() if found else []
    weight = {w: rarity(w, store.restorer.folded_count, store.restorer.total) for w in words if w not in COMMON_WORDS}
    return weight, {f"{a} {b}" for a, b in zip(words, words[1:])}


def _between(store: "Store", doc_id: str, asked: list[list[str]]) -> bool:
    """Whether an article's programmes or events name every party the question asks about
    ("… các hội nghị ký kết chương trình phối hợp giữa Ban Dân vận tỉnh ủy và Công an"): an
    article on another pair of bodies answers another question."""
    facts = store.stored_facts
    named = [p.parties for p in facts.programmes_of(doc_id)] + [e.bodies for e in facts.events_of(doc_id)]
    return any(parties_match(asked, bodies) for bodies in named)
