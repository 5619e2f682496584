"""The last reading of a question across the archive that no shape reads: where its topic is named.

"mo hinh X thi co o tinh nao vay?", "Hội Y tỉnh nào có được nhắc tới trong mấy bài?", "Nam Sơn có mấy tin
nói về phong trào?": the words that only ask (which places, how many articles, "được nhắc tới", "trong các
bài", "vậy ạ") are set aside, and the longest run of words left is the topic. The answer is a row per
province whose articles name it when places are asked, else a row per article (article_lists.articles),
each citing its sentence. A cited list of where the topic is written beats a refusal: every row is
checkable, and the heading says what was looked for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.article_lists import SCOPE, articles, listed_articles
from danvan_qa.qa.mention_places import mention_places, province
from danvan_qa.qa.place_events import lead
from danvan_qa.qa.questions import gazetteer_province, parse, unbracketed
from danvan_qa.qa.records import COMMON_WORDS, EVENT_NOUNS, ROWS_SHOWN, WHO, Evidence, Listing, counts

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

_PLACE_NOUNS = r"(?:tinh(?:,? thanh(?: pho)?)?|thanh pho|dia phuong|noi(?! (?:dung|bat|vu|chinh|bo))|vung|khu vuc)"
# "(ở) những tỉnh nào", "ở đâu", "mấy tỉnh": places asked (folded; "nơi" said before "nào", never "nói")
PLACES_ASKED = re.compile(rf"(?<!\w)(?:(?:o|tai|cua) )?(?:(?:nhung|cac) )?(?:cap ?/ ?)?{_PLACE_NOUNS} nao(?!\w)"  # "cấp/địa phương nào"
                          r"|(?<!\w)(?:o|tai) (?:nhung )?dau(?!\w)"
                          rf"|(?<!\w)(?:bao nhieu|may) {_PLACE_NOUNS}(?!\w)")
_ARTICLES = r"(?:bai|tin|ban tin)(?: viet| bao| tuc)?"
_SAYS = (r"(?:(?:da|co|duoc) )*(?:nhac|neu|de cap|dua tin|noi|viet|xuat hien|ghi nhan)"
         r"(?: (?:den|toi|ve|ten|ro|lai))*(?= |$)")
# what only asks, wherever it stands: "cho em hỏi", "trong các tin", "bao nhiêu bài", "được nhắc tới", "kể tên giúp em"
_ASKING = re.compile(r"(?<!\w)(?:" + "|".join((
    r"(?:cho|cho phep) (?:em|toi|minh|chau) hoi", r"xin hoi", r"moi nguoi",
    r"(?:ke|liet ke|thong ke|tong hop)(?: ten)?(?: (?:giup|cho|ho) (?:em|toi|minh))?", r"(?:giup|ho) (?:em|toi|minh)",
    rf"(?:trong|theo|o|qua) (?:(?:cac|nhung|may|\d+) )?{_ARTICLES}(?: (?:nay|do|tren|nao))?",
    r"trong kho(?: bai| du lieu| luu tru| tu lieu)?",
    rf"(?:nhung|cac|bao nhieu|may) {_ARTICLES}(?: nao)?", rf"{_ARTICLES} nao",
    _SAYS, r"(?:duoc )?(?:goi|ghi|viet|neu) (?:ten )?la", PLACES_ASKED.pattern, r"(?:tat ca |tong cong )?(?:bao nhieu|may)(?: (?:cai|lan|cuoc|buoi|dot|con so))?", r"la gi", r"lam gi", r"the nao", r"ra sao")) + r")(?!\w)")
# articles or events asked for, listed or counted: what a row per article answers ("bao nhiêu hội nghị", "những tin
# nào"); not people, models or documents, each of which an article may hold several of
# ("bài", "tin" said alone, only as what tells: "bao nhiêu tin về tội phạm", "bao nhiêu bài dự thi" are of one article)
_ARTICLES_ASKED = (r"(?<!\w)(?:nhung|cac|bao nhieu|may) (?:bai viet|bai bao|ban tin|tin bai|tin tuc"
                   r"|(?:bai|tin)(?= (?:nao|(?:co |da )?(?:noi|nhac|dua|viet|de cap|tuong thuat))(?!\w)))(?!\w)")
_ROWS_ASKED = re.compile(rf"{_ARTICLES_ASKED}|(?<!\w)(?:nhung|cac|bao nhieu|may) (?:lan|ngay hoi|{EVENT_NOUNS}"
                         r"|(?:cuoc|buoi) (?:hop|thi|lam viec|gap mat|ky ket|kiem tra|tong ket|so ket|giao ban)"
                         r"|dot (?:kiem tra|cong tac|thi dua))(?!\w)")  # not "bao nhiêu cuộc gọi"
_POINTING = frozenset("họ ấy đó nó này kia".split())  # "vai trò của họ": a topic said before, not one of its own
_OWN_WORDS = 3  # a topic's words of its own, past "của, và, trong …": "mô hình" alone names no topic
# what only asks when it stands at the topic's edge ("co" inside a topic is also "cơ": "cơ quan"), before it and after
_BEFORE = frozenset("thi co da duoc la nao nhung cac va voi ve cua o tai hay hoac con ngoai".split())
_AFTER = _BEFORE | frozenset("vay a nhe nhi ha z v ak ko khong nay do kia ay ra".split())
_NAMES_OF_TWO = frozenset({"hoi thi", "cuoc thi", "du thi", "phan thi", "bai thi", "ky thi"})  # "thi" there is no "thì"

def topics(q: "Question") -> list[str]:
    """The topics a question asks across the archive about, as the question writes it (restored), the most
    specific first: the runs of its words that no asking word cuts (`_runs`), of three words of their own or a
    province; all of them together ("chương trình X … tổng kết 10 năm"), then the longest."""
    kept = [named for named in _runs(q) if (len([w for w in fold(named.lower()).split() if w not in COMMON_WORDS])
                                            >= _OWN_WORDS or gazetteer_province(named))
            and not _POINTING & set(named.lower().split())]
    longest = max(kept, key=lambda t: len(t.split()), default=None)
    return ([" ".join(kept)] if len(kept) > 1 else []) + ([longest] if longest else [])


def _runs(q: "Question") -> list[str]:
    """The runs of the question's words (its first sentence, asides left out) that no asking word or punctuation
    cuts, as it writes them (restored), less the particles at their edges."""
    said = q.restored.strip()
    said = said[:said.index("?")] if "?" in said.rstrip(" ?") else said  # "…? mỗi tin là việc gì?": the question first
    said = " ".join(unbracketed(said).split())  # "(giai đoạn X)": an aside, not a break in the topic
    if scope := SCOPE.search(fold(said.lower())):  # "…, tính cả cấp Trung ương": what is counted, not the topic
        said = said[:scope.start()]
    folded = fold(said.lower())  # one character for one: offsets hold in `said`
    cut = [m.span() for m in _ASKING.finditer(folded)]
    runs: list[list[tuple[int, int]]] = [[]]
    for word in re.finditer(r"[\w/.-]*\w", folded):
        if any(a <= word.start() < b for a, b in cut):
            runs.append([])
        elif runs[-1] and re.search(r"[,;:?!()/]", folded[runs[-1][-1][1]:word.start()]):
            runs.append([word.span()])  # punctuation between: another run
        else:
            runs[-1].append(word.span())
    out = []
    for run in runs:
        while run and folded[slice(*run[0])] in _BEFORE:
            run = run[1:]
        while len(run) > 1 and folded[slice(*run[-1])] in _AFTER and not folded[slice(*run[-2])].isdigit() \
                and f"{folded[slice(*run[-2])]} {folded[slice(*run[-1])]}" not in _NAMES_OF_TWO:
            run = run[:-1]  # "mô hình 3 không", "hội thi" are names
        if run:
            out.append(said[run[0][0]:run[-1][1]].strip(" \"'“”"))
    return out


def asks_topic_rows(q: "Question") -> bool:
    """Whether a list of where the topic is named answers the question: places asked, or articles or events; not
    who ("những ai"), whose answer is people."""
    return not WHO.search(q.folded) and bool(places_asked(q) or _ROWS_ASKED.search(q.folded))


def places_asked(q: "Question") -> bool:
    """Whether the question asks which places ("những tỉnh nào", "ở đâu", "mấy tỉnh"; not "máy tính", a computer)."""
    return bool(PLACES_ASKED.search(q.folded)) and not re.search(r"(?<!\w)máy tính(?!\w)", q.restored, re.IGNORECASE)


def topic_rows(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per province naming the question's topic when places are asked, else a row per article; None
    when the question has no topic of its own or no article names it."""
    if not asks_topic_rows(q):
        return None
    for subject in topics(q):
        if found := _rows(subject, q, store, keep):  # a topic written everywhere names nothing in particular
            return found if found.found <= ROWS_SHOWN else None
    return None


def _rows(subject: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The provinces naming `subject` when places are asked; a province's articles; else the articles naming it."""
    if places_asked(q):
        return mention_places(subject, q, store, keep)
    if where := gazetteer_province(subject):  # "Nam Sơn có mấy tin …?" (not "mấy hội thi": of a kind, place_events reads it)
        about = [fold(r.lower()) for r in _runs(q) if r != subject and set(fold(r.lower()).split()) - COMMON_WORDS]
        return _of_province(where, subject, about, q, store, keep) if re.search(_ARTICLES_ASKED, q.folded) else None
    how_many = counts(q.folded, q.restored)
    asked = f"{'Có bao nhiêu' if how_many else 'Những'} bài viết {'' if how_many else 'nào '}nhắc đến {subject}?"
    return articles(parse(asked, asked, store.stored_facts), store, keep)


def _of_province(where: str, shown: str, about: list[str], q: "Question", store: "Store",
                 keep: Callable[[str], bool]) -> Listing | None:
    """The articles of a province ("Nam Sơn có mấy tin nói về phong trào, phối hợp?"): those whose place is in it
    (which its text may never write) and that write at least half the phrases the question says of them, each
    citing its lead's first sentence."""
    docs, rows = store.data.documents, []
    for doc_id in filter(keep, docs):
        folded = store.words(doc_id).folded if about and province(docs[doc_id].place) == where else ""
        if province(docs[doc_id].place) == where and 2 * sum(bool(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", folded))
                                                             for a in about) >= len(about) \
                and (at := lead(store, doc_id, past_title=True)):
            rows.append((doc_id, Evidence.of(docs[doc_id], *store.sentences(doc_id)[at[0]])))
    return listed_articles(rows, False, shown, q, store)
