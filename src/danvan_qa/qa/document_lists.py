"""Documents across the archive: "Những văn bản … nào được ban hành hoặc ký trong năm 2013?",
"Những kế hoạch phối hợp nào được ký kết …?", "bao nhiêu nghị quyết …".

A document is a resolution, directive, decision, plan, programme, guide or regulation named by
its number ("Nghị quyết 25-NQ/TW, ngày 03/6/2013"), or a plan an article reports signed or
issued ("ký kết kế hoạch phối hợp công tác năm 2022"). They are read from the sentences of the
articles whose chunks BM25 ranks first for the kinds and years asked, so the cost does not grow
with the archive; one row per document and article, citing its sentence.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING, Callable, NamedTuple

from danvan_qa.ingest.dates import CODE_PATTERN
from danvan_qa.ingest.lexicon import PREDICATES, STOP, TITLE_LOWER
from danvan_qa.ingest.normalize import fold
from danvan_qa.index.store import ARTICLES_KEPT, Kept
from danvan_qa.qa.document_asks import CODE_WORDS, DAY_WRITTEN
from danvan_qa.qa.records import (counts, rows_shown, WHO, YEAR, Evidence, Item, Listing, Statement, Strong, more_rows,
                                  ranked_articles)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# the kinds a question may ask for, folded, and how articles write them
KINDS = {
    "ke hoach": "kế hoạch", "nghi quyet": "nghị quyết", "chi thi": "chỉ thị", "quyet dinh": "quyết định",
    "huong dan": "hướng dẫn", "quy che": "quy chế", "thong tu": "thông tư", "chuong trinh": "chương trình",
}
_ASKS = re.compile(r"(?<!\w)(?:(?:nhung|cac) (?P<listed>van ban|" + "|".join(KINDS) + r")(?:[ ,]+\w+){0,12}? nao"
                   # "(Giúp tôi) liệt kê các văn bản …": a list asked as a request
                   r"|(?:liet ke|ke ten|ke ra)(?: (?:giup|dum|gium|ho) \w+)? (?:tat ca )?(?:nhung|cac) (?P<enumerated>van ban|"
                   + "|".join(KINDS) + r")(?:,? (?:va |hoac )?(?:" + "|".join(KINDS) + r"))*"  # "các nghị quyết, chỉ thị": each
                   r"|(?:bao nhieu|may) (?P<counted>van ban|" + "|".join(KINDS) + r")(?:,? (?:va |hoac )?(?:" + "|".join(KINDS) +
                   r"))*"  # "bao nhiêu chỉ thị, nghị quyết": each kind listed is counted
                   # "mỗi lần đó là để tổng kết văn bản nào": one each time, so several
                   r"|(?:moi|tung) (?:lan|dot|cuoc|buoi)(?:[ /,]+\w+){0,8}? (?P<each>van ban|" + "|".join(KINDS) + r") nao"
                   # "Văn bản nào (nghị quyết, …) có ngày ban hành trong năm X?", "nghị quyết nào … trong các bài?"
                   r"|^(?P<opening>van ban|" + "|".join(KINDS) + r") nao)(?!\w)")
# the kinds said right after the documents asked ("các văn bản nghị quyết, quyết định, chỉ thị"), not after a comma
# ("những văn bản, chương trình nào": both), as examples ("văn bản nào (nghị quyết, chỉ thị...)", "văn bản như …") or
# set aside ("ngoài văn bản chỉ thị", "không kể văn bản …")
_SAID_KINDS = re.compile(r"(?<!\w)(?<!ngoai )(?<!tru )(?<!ke ca )(?<!khong ke )(?:cac|nhung|liet ke|ke ten) van ban "
                         r"(?P<kinds>(?:{0})(?:[\s,/]+(?:(?:va|hoac|hay) )?(?:{0}))*)(?!\w)".format("|".join(KINDS)))
# a number alone, as articles shorten a document's ("Chỉ thị số 13", "Nghị quyết 152 của …"); not a span of
# time or a count ("kế hoạch 5 năm", "chương trình 3 tháng", "2 lần"), nor a year (mentions() keeps those
# after "số" or a capitalised kind only)
_BARE = (r"\d{1,4}(?![\d/.,-]?\d)(?!\s*(?:năm|tháng|ngày|tuần|giờ|lần|%|mô hình|người|hộ|xã|đơn vị|nội dung|điểm|"
         r"bước|nhiệm vụ)(?!\w))")
_NAMED = re.compile(
    r"(?<!\w)(?P<kind>[Kk]ế hoạch|[Nn]ghị quyết|[Cc]hỉ thị|[Qq]uyết định|[Cc]hương trình(?: hành động| phối hợp)?"
    rf"|[Hh]ướng dẫn|[Qq]uy chế(?: phối hợp)?|[Tt]hông tư liên tịch)(?:\s+số)?\s+(?P<number>{CODE_PATTERN}|{_BARE})"
    r"(?:,?\s+ngày\s+(?P<date>\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?P<year>\d{4})))?")
# a plan reported signed or issued, named by its words up to a party, a purpose or the clause's end
_PLAN = re.compile(r"(?<!\w)(?:ký kết|ký|ban hành)\b[^.;]{0,80}?(?<!\w)(?P<name>kế hoạch(?: phối hợp)?(?: [^\s.;,:()]+){1,14}?)"
                   r"(?=\s+(?:với|nhằm|để|của|do|và|như|gồm|tại)\b|[.;,:(]|$)", re.IGNORECASE)


class Mention(NamedTuple):
    name: str
    ident: str  # the folded number, or the folded name of a plan without one: one document however written
    kind: str  # folded
    date: str | None  # as written
    year: str | None
    start: int  # the sentence
    end: int
    issuer: str = ""  # folded: the body after "của" that follows the name ("Nghị quyết 152 của Đảng ủy Quân sự …")
    numbered: bool = True  # named by its number ("Nghị quyết 165", "25-NQ/TW"), not a plan named by its words


# "những nghị quyết của Đảng ủy Quân sự Trung ương hoặc Đảng ủy Quân khu …": the issuers asked, each alone
# (ending where the question goes on: "được nêu", "có số hiệu", "trong các bài", "năm 2013"; not at a
# word a body's name may hold: "Tỉnh ủy Quảng Nam", "Hội Cựu chiến binh Việt Nam")
_ISSUERS = re.compile(r"(?<!\w)(?:" + "|".join(KINDS) + r"|van ban)(?: nao)? cua (?P<issuers>.+?)"
                      r"(?= (?:duoc|da|nao|trong (?:cac|nhung)|co (?:so|ky) hieu|ban hanh|ve viec|nam \d+)(?!\w)|$)")
_OF = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,?\s*ngày\s+[\d/.-]+\s*)?của\s+")
_LEVELS = frozenset("trung uong tw tinh thanh pho huyen quan xa phuong khu".split())  # "Tỉnh ủy" is no "Huyện ủy"


def _asked_issuers(q: "Question") -> list[list[str]]:
    """The words of each issuer a question selects documents by, or none."""
    m = _ISSUERS.search(" ".join(re.sub(r"[^\w ]", " ", q.folded).split()))
    if m is None:
        return []
    return [one.split() for one in re.split(r" (?:hoac|va|hay) ", m.group("issuers")) if one.strip()]


def _issued_by(m: Mention, asked: list[list[str]]) -> bool:
    """Whether an issuer asked is the one the sentence names after the document ("… của Đảng ủy Quân khu"),
    or spells its code's issuer ("152-NQ/ĐUQSTW": Đảng ủy Quân sự Trung ương, "Trung ương" as TW)."""
    named = set(m.issuer.split())
    code = fold(m.name.rsplit("/", 1)[-1].lower()) if "/" in m.name else ""
    for words in asked:
        if named and sum(w in named for w in words) >= 0.8 * len(words) and _LEVELS & set(words) <= named:
            return True
        phrase = " ".join(words)
        central = "trung uong" in phrase or "tw" in words  # spelt last, as TW: "ĐUQSTW"
        initials = "".join(w[0] for w in phrase.replace("trung uong", " ").split() if w != "tw") + ("tw" if central else "")
        if code and initials and code == initials:
            return True
    return False


def asks_documents(q: "Question", across: bool) -> str | None:
    """The kind of document the question asks for ("van ban" for any) when it asks for those of
    a year or `across` the articles ("… theo các bài viết"), or None."""
    m = _ASKS.search(q.folded)
    if m is None or WHO.search(q.folded) or q.person or not (across or YEAR.search(q.text) or m.group("enumerated")):
        return None
    return m.group("listed") or m.group("enumerated") or m.group("counted") or m.group("each") or m.group("opening")


def mentions(text: str, start: int, end: int) -> list[Mention]:
    """The documents a sentence names by number, and the plans it reports signed or issued."""
    sentence = text[start:end]
    found = [Mention(sentence[m.start():m.end("number")], _ident(m), " ".join(fold(m.group("kind").lower()).split()[:2]),
                     m.group("date"), m.group("year"), start, end, _issuer(sentence, m.end()))
             for m in _NAMED.finditer(sentence) if _named(m)]
    for m in _PLAN.finditer(sentence):
        name = m.group("name")
        if not any(name.lower() in f.name.lower() or f.name.lower() in name.lower() for f in found):
            years = YEAR.findall(name)
            found.append(Mention(name, fold(name.lower()), "ke hoach", None, years[-1] if years else None, start, end,
                                 numbered=False))
    return found


_MENTIONED: "weakref.WeakKeyDictionary[Store, Kept[list[Mention]]]" = weakref.WeakKeyDictionary()


def _mentioned(store: "Store", doc_id: str) -> list[Mention]:
    """Every document an article's sentences name: read once per article, kept as its words are (a list of a
    year's documents reads a few hundred articles, every sentence through mentions())."""
    kept = _MENTIONED.get(store)
    if kept is None:
        kept = _MENTIONED.setdefault(store, Kept(ARTICLES_KEPT))
    found = kept.get(doc_id)
    if found is None:
        text = store.data.documents[doc_id].text
        found = kept.put(doc_id, [m for start, end in store.sentences(doc_id) for m in mentions(text, start, end)])
    return found


def _issuer(sentence: str, at: int) -> str:
    """The body after "của" that follows a document, folded: its capitalised words and the lower-case
    words of bodies, up to the predicate ("… của Tỉnh ủy được triển khai" is "tinh uy")."""
    of = _OF.match(sentence, at)
    if of is None:
        return ""
    words: list[str] = []
    rest, last = sentence[of.end():], 0
    for w in re.finditer(r"[^\s,.;:()]+", rest):
        word, gap, last = w.group(0), rest[last:w.start()], w.end()
        if gap.strip():  # punctuation ends the body
            break
        # a capitalised word, a lower-case word of bodies, or one right after a capital ("Chính phủ") that is no verb
        body_word = word[0].isupper() or word.lower() in TITLE_LOWER or \
            bool(words) and words[-1][0].isupper() and word not in STOP and word not in PREDICATES
        if len(words) == 8 or not body_word:
            break
        words.append(word)
    return fold(" ".join(words).lower())


def _named(m: re.Match[str]) -> bool:
    """A code names a document; a number alone does after "số" or a capitalised kind ("Nghị quyết 152"),
    and when it is no year ("Kế hoạch 2024" is the year's plan)."""
    number = m.group("number")
    return not number.isdigit() or (bool(re.search(r"\ssố\s", m.group(0))) or m.group("kind")[0].isupper()) and \
        not re.fullmatch(r"(?:19|20)\d\d", number)


def _ident(m: re.Match[str]) -> str:
    """One document however written: its code, or its kind and number when the number stands alone
    ("Chỉ thị số 05" is "Chỉ thị số 5")."""
    number = fold(m.group("number").lower())
    return number if not number.isdigit() else f"{' '.join(fold(m.group('kind').lower()).split()[:2])} {int(number)}"


def documents(q: "Question", kind: str, store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The documents of the kind asked (any for "văn bản") in the years the question names."""
    years = set(YEAR.findall(q.text))
    asked = _ASKS.search(q.folded)
    listed = {k for k in KINDS if asked and re.search(rf"(?<!\w){k}(?!\w)", asked.group(0))}  # "nghị quyết, chỉ thị nào"
    said = _SAID_KINDS.search(fold(q.text.lower()))  # "các văn bản nghị quyết, chỉ thị …": those kinds only
    wanted = ({k for k in KINDS if re.search(rf"(?<!\w){k}(?!\w)", said["kinds"])} if said else set(KINDS)) \
        if kind == "van ban" else {kind} | listed
    # "kèm số hiệu", "ký hiệu", "có ghi số": not a plan named by its words (nor "cơ sở", "số liệu", "số lượng")
    numbered = bool(re.search(rf"(?<!\w)(?:{CODE_WORDS}|(?:ghi|mang|kem) so(?! lieu| luong))(?!\w)", q.folded))
    full = bool(re.search(rf"(?<!\w)(?:{CODE_WORDS} day du|day du {CODE_WORDS})(?!\w)", q.folded))  # "54-NQ/TW", not "165"
    # "ghi đủ cả số hiệu và ngày ban hành": those written with both, the code whole
    with_day = bool(re.search(rf"(?<!\w){DAY_WRITTEN}", q.folded))
    issuers = _asked_issuers(q)
    docs = store.data.documents
    query = " ".join([*(KINDS[k] for k in wanted), "ký kết ban hành", *years])
    found: dict[tuple[str, str], Mention] = {}
    for doc_id in ranked_articles(store, query, keep):
        for m in _mentioned(store, doc_id):
            if m.kind in wanted and (not years or m.year in years) and (not numbered or m.numbered) \
                    and (not full or re.search(r"[-/]", m.ident)) and (not issuers or _issued_by(m, issuers)):
                held = found.get((doc_id, m.ident))
                if held is None or (m.date and not held.date):  # the mention that dates it is cited
                    found[(doc_id, m.ident)] = m
    found = _coded_once({k: m for k, m in found.items() if not with_day or m.date and re.search(r"[-/]", m.ident)})
    if not found:
        return None
    ordered = sorted(found.items(), key=lambda kv: (docs[kv[0][0]].date or "", kv[1].start), reverse=True)
    return _listed(ordered, ("Các bài viết nêu",), q, store, dated=True)


def _listed(ordered: list[tuple[tuple[str, str], Mention]], said: tuple, q: "Question", store: "Store",
            dated: bool) -> Listing:
    """A row per document and article, citing its sentence, under "<said> N văn bản:"; the short
    answer is how many when the question counts, else the first."""
    docs = store.data.documents
    distinct = len({ident for _, ident in ordered})
    lines = [Statement((*said, f" {distinct} văn bản:"))]
    items = []
    for (doc_id, _), m in ordered[:rows_shown()]:
        ev = Evidence.of(docs[doc_id], m.start, m.end)
        when = f" ngày {m.date}" if dated and m.date else ""
        lines.append(Statement((Strong(m.name), f"{when} — {docs[doc_id].title}"), ev, item=True))
        items.append(Item(m.name, None, None, (), ev))
    lines += more_rows(len(ordered))
    return Listing(tuple(lines), tuple(items), distinct, str(distinct) if counts(q.folded, q.restored) else ordered[0][1].name)


def _coded_once(found: dict[tuple[str, str], Mention]) -> dict[tuple[str, str], Mention]:
    """"Nghị quyết số 25" is the "Nghị quyết 25-NQ/TW" its article names: one document, cited where its code stands."""
    coded = {(doc_id, f"{m.kind} {int(re.match(r'[0-9]+', m.ident).group(0))}") for (doc_id, _), m in found.items()
             if m.ident[:1].isdigit()}
    return {key: m for key, m in found.items() if (key[0], m.ident) not in coded}


_EVENT_KINDS = ("kiem tra", "so ket", "tong ket", "ky ket", "lam viec", "hoi nghi", "gap mat", "hoi thao")


def person_documents(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The documents of a person's events ("Bà X từng dẫn đoàn kiểm tra … về việc thực hiện những văn bản
    nào?"): those named where each article reports the event the person is at (its main event's sentence)
    or where it names the person, of the kind of event the question names if it names one (an inspection,
    not a conference), one row per document and article, newest first."""
    asked = _ASKS.search(q.folded)
    if q.person is None or asked is None or WHO.search(q.folded):
        return None
    kind = asked.group("listed") or asked.group("enumerated") or asked.group("counted") or asked.group("each")
    wanted = set(KINDS) - {"chuong trinh"} if kind == "van ban" else {kind}  # "văn bản": not the programme itself
    docs = store.data.documents
    found: dict[tuple[str, str], Mention] = {}
    kinds = [k for k in _EVENT_KINDS if re.search(rf"(?<!\w){k}(?!\w)", q.folded)]  # "dẫn đoàn kiểm tra": such events only
    for p in filter(lambda p: keep(p.doc_id), store.people_by_name.get(q.person, [])):
        spans = {(p.start, p.end), *((e.start, e.end) for e in store.events_by_doc.get(p.doc_id, []) if e.main)}
        text = docs[p.doc_id].text
        if kinds and not any(re.search(rf"(?<!\w){k}(?!\w)", fold(text[a:b].lower())) for a, b in spans for k in kinds):
            continue
        for start, end in sorted(spans):
            for m in mentions(text, start, end):
                if m.kind in wanted and m.numbered:
                    found.setdefault((p.doc_id, m.ident), m)
    found = _coded_once(found)
    if not found:
        return None
    ordered = sorted(found.items(), key=lambda kv: (docs[kv[0][0]].date or "", -kv[1].start), reverse=True)
    return _listed(ordered, ("Các bài viết nhắc đến ", Strong(q.person), " nêu"), q, store, dated=False)
