"""Articles by topic across the archive: "Có bao nhiêu bài viết nhắc đến X?", "Những bài báo nào đưa
tin X?", "Những hội nghị tổng kết 10 năm nào được đưa tin?", "Có bao nhiêu hội nghị … được đưa tin?".

The question's words that only say it asks for articles (or for the events they report) are set
aside, and what is left is the topic: an article holds it when it holds nearly all its words and
word pairs (through abbreviations too), one row per article, newest first, citing its sentence that
holds most of the topic, which that sentence or the title must hold at least half of (by rarity): the
topic said somewhere, not its words scattered. Events asked for are read as reported, not named in passing.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.abbreviations import aliases, held_through, written_out
from danvan_qa.ingest.normalize import fold
from danvan_qa.index.store import word_set
from danvan_qa.qa.extractive import rarity
from danvan_qa.qa.place_events import lead, on_topic
from danvan_qa.qa.questions import parse, plain_words, unbracketed
from danvan_qa.qa.records import (CANDIDATE_CHUNKS, COMMON_WORDS, EVENT_NOUNS, EVENT_WRITTEN, EVENTS_COUNTED, rows_shown, Evidence, Item,
                                  Listing, Statement, Strong, counts, dated, more_rows, same_event, under_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# what an article does with its topic; "(mà) tiêu đề nói về X": X is in its title, as "chuyên về X"
_TELLS = r"nhac(?: truc tiep)? (?:den|toi)|(?:nhac|neu) dich danh|dua tin|noi (?:ve|toi|den)|viet ve|chuyen ve|de cap|tuong thuat"
_TITLED = r"(?:ma |co )?(?:ngay )?(?:tieu de|nhan de|ten bai(?! hat))(?: da)?"  # "mà ngay tiêu đề đã"; not "tên bài hát"
# "bao nhiêu bài viết nhắc đến X", "những bài báo nào đưa tin X": articles asked for, by topic
# (or opening the question without a plural: "bài nào nhắc đến X", "những bài nào có nhắc tới X")
_ARTICLES = re.compile(r"(?:(?<!\w)(?<!duoc )(?:bao nhieu|may|nhung|cac) bai(?: viet| bao)?(?: nao)?|^(?:co )?bai(?: viet| bao)? nao)"
                       rf" (?:co |da )?(?:{_TITLED} )?(?:{_TELLS})(?!\w)")
# "Những hội nghị tổng kết … nào được đưa tin (đã diễn ra)", "X có những hoạt động nào được đưa tin": events reported
# or, said the other way, "Các bài báo nhắc tới những (cuộc) sơ kết nào?"
_REPORTED = re.compile(rf"(?<!\w)(?:nhung|cac) {EVENT_NOUNS}"
                       r"(?: \w+){0,8} nao (?:da )?(?:duoc (?:dua tin|nhac den|nhac toi)|(?:dien ra|duoc to chuc)(?: (?:theo|trong) (?:cac|nhung) bai"
                       r"(?: viet| bao)?)?$)(?!\w)"
                       r"|(?<!\w)(?:cac|nhung) bai(?: viet| bao)? (?:co |da )?(?:nhac den|nhac toi|dua tin|noi (?:ve|toi|den)|"
                       r"de cap(?: den| toi)?) "
                       rf"(?:nhung|cac) (?:{EVENT_NOUNS}|cuoc (?:so|tong) ket)(?: \w+){{0,8}} nao(?!\w)")
# "X được nhắc tới trong những tin nào?": the articles on X, asked the other way round
_MENTIONED = (r" (?:da )?duoc (?:nhac den|nhac toi|dua tin|de cap(?: den| toi)?|nhac dich danh|neu dich danh) (?:trong|o) "
              r"(?:(?:nhung|cac) (?:bai|tin)(?: viet| bao| tuc)? nao|(?:bao nhieu|may) (?:bai|tin)(?: viet| bao| tuc)?)$")
_MENTIONED_IN = re.compile(rf"(?<=\w){_MENTIONED}")
# "Có bao nhiêu hội nghị … được đưa tin?": events reported, counted (when no list of programmes answers it)
_BY_ARTICLES = r"(?:(?:cac|nhung) bai(?: viet| bao)? )?"  # "… được (các bài) đưa tin"
_COUNTED_REPORTS = re.compile(rf"(?<!\w)(?:bao nhieu|may) (?:{EVENT_NOUNS}|cuoc (?:so|tong) ket)(?: \w+){{0,40}}? (?:da )?duoc "
                              rf"{_BY_ARTICLES}"
                              r"(?:dua tin|nhac den|nhac toi|ghi lai|tuong thuat"
                              r"|(?:nhac|neu|de cap)(?: den| toi)? trong (?:cac|nhung) bai)(?!\w)"
                              # "… (thực sự) diễn ra theo các bài": held, as the articles tell
                              rf"|(?<!\w)(?:bao nhieu|may) (?:{EVENT_NOUNS}|cuoc (?:so|tong) ket)(?: \w+){{0,40}}? (?:thuc su |da )*"
                              r"(?:dien ra|duoc to chuc) (?:theo|trong) (?:cac|nhung) bai(?: viet| bao)?$"
                              # "Các bài đưa tin bao nhiêu cuộc tổng kết …": the same, said actively
                              r"|^(?:cac|nhung) bai(?: viet| bao)? (?:da )?(?:dua tin|tuong thuat|nhac den|nhac toi)(?: ve)? "
                              rf"(?:bao nhieu|may) (?:{EVENT_NOUNS}|cuoc (?:so|tong) ket)(?!\w)")
# "Có (tất cả) bao nhiêu hội nghị hoặc buổi gặp mặt dành cho …": the events counted, not the topic's words
_MEETING = rf"(?:{EVENT_NOUNS}|buoi gap mat|cuoc gap mat)"
# or said after who held them: "X đã có bao nhiêu buổi làm việc với Y"
# ("bao nhiêu cuộc tổng kết …": the review is the topic, only the count is set aside)
_HOW_MANY_EVENTS = re.compile(rf"(?:^|(?<=\w) (?:da )?(?=co ))(?:tong cong |tat ca )?(?:co )?(?:tat ca |tong cong )?(?:bao nhieu|may)"
                              rf"(?: {_MEETING}(?:,? (?:(?:hoac|va|hay) )?{_MEETING})*(?: (?:danh cho|ve|cho))?(?!\w)"
                              r"|(?= cuoc (?:so|tong) ket(?!\w)))")
_WHICH_EVENTS = re.compile(rf"(?<!\w)(?:nhung|cac) {_MEETING}(?:,? (?:(?:hoac|va|hay) )?{_MEETING})* nao(?!\w)")  # "những hội thi hay cuộc thi nào"
# "… bài đưa tin hội nghị hoặc buổi gặp mặt của …": kinds of event the articles may report, not the topic's words
# "(tường thuật) một hội nghị", "lễ hoặc hội nghị ký kết" (a "lễ" of the act the next kind names)
_MEETINGS = re.compile(rf"^(?:mot {_MEETING}|(?:{_MEETING}|le)(?: (?:(?:hoac|va|hay) )?{_MEETING})+)(?!\w)")
# the events a question asks for ("những hội nghị tổng kết 10 năm nào"), not the articles naming them
_EVENTS_OF = re.compile(rf"^(?:co )?(?:nhung|cac) {EVENT_NOUNS}(?!\w)|(?<!\w)(?:co )?nhung {EVENT_NOUNS}(?: \w+){{0,8}} nao(?!\w)"
                        rf"|(?<!\w)(?:bao nhieu|may) {EVENT_NOUNS}(?!\w)"
                        # "bài viết đưa tin hội nghị tổng kết …", "tường thuật một hội nghị …": an event reported
                        rf"|(?<!\w)(?:dua tin|tuong thuat)(?: ve)?(?: (?:mot|cac|nhung))? {EVENT_NOUNS}(?!\w)")
_REVIEWS = frozenset({"hoi nghi tong ket", "hoi nghi so ket"})
_REPORTS = re.compile(r"(?<!\w)bai(?: viet| bao)? (?:co |da )?(?:dua tin|tuong thuat)(?: ve)?(?!\w)")  # what it reports
_EVENTS_ASKED = re.compile(rf"(?<!\w)(?:co )?(?:nhung|cac) {EVENT_NOUNS}(?: \w+){{0,8}} nao(?: (?:co )?lien quan (?:den|toi)(?: \w+)+)?$")
# "Các bài viết nhắc đến bao nhiêu Giám đốc …?": what the articles name is counted, not the articles
_COUNTED_IN = re.compile(r"(?<!\w)(?:cac|nhung) bai(?: viet| bao)? (?:da )?(?:nhac den|nhac toi|dua tin|noi ve|viet ve|"
                         r"de cap)(?: den| toi)? (?:bao nhieu|may|nhung|cac)(?!\w)"
                         # "Các bài nêu đích danh Ban Dân vận của bao nhiêu huyện ủy": the huyện ủy are counted
                         rf"|(?<!\w)(?:cac|nhung) bai(?: viet| bao)? (?:da )?(?:{_TELLS})(?: \w+){{0,8}} (?:bao nhieu|may)(?!\w)")
# who held the events asked: "do (lực lượng) công an (phối hợp) tổ chức", "có ngành công an tham gia", "mà công an tổ chức
# hoặc tham dự" ("lực lượng", "ngành": the police, as any article names them); after "có" or "mà" a body only (folded,
# "cơ quan", "ma túy" are "co quan", "ma tuy"; "có sự tham gia của …", "có 200 đại biểu tham dự" name no one held them)
_HELD = r"(?:phoi hop )?(?:to chuc|tham gia|tham du)"
_GENERIC_BODY = r"(?:(?:cac |nhung )?(?:luc luong|nganh) )?"
_DOER = re.compile(rf"(?<!\w)(?:do|(?:co|ma)(?= {_GENERIC_BODY}(?:cong an|ban|bo|hoi|uy ban|mat tran|doan|cuc|lanh dao)(?!\w)))"
                   rf" {_GENERIC_BODY}(?P<doer>(?:(?!(?:duoc|may|bao|nhieu|nao|nhung|cac|hoac|va)(?!\w))\w+ ){{1,6}}?)"
                   # "… hoặc lãnh đạo CA dự", "tổ chức/phối hợp tổ chức"
                   rf"(?:(?:hoac|va) )?{_HELD}(?: (?:hoac|va|/) (?:\w+ ){{0,4}}?(?:{_HELD}|du))?(?!\w)")
# "… hội nghị hoặc buổi gặp mặt của ngành công an với …": whose the events asked are (not "trách nhiệm của X với Y")
_OWNER = re.compile(r"(?<!\w)cua (?:nganh |luc luong )?(?P<doer>(?:\w+ ){0,3}?\w+)(?= voi )")
_GENERIC = re.compile(r"(?<!\w)(?:nhung|cac) (?:hoat dong|su kien)(?!\w)|(?<!\w)cu the(?!\w)"  # names no topic
                      r"|(?<!\w)(?:nao )?(?:co )?lien quan (?:den|toi|voi)(?!\w)")  # "… (nào) liên quan tới X": X is the topic
# Where a question asking for articles says so, before and after its topic
_LEAD = re.compile(r"^(?:co )?(?:(?:(?:bao nhieu|may|nhung|cac) bai(?: viet| bao)?(?: nao)?|bai(?: viet| bao)? nao)(?: co| da)?"
                   rf"(?: {_TITLED})?(?: (?:{_TELLS}))?(?: ve| den| toi| viec)?|nhung|cac)(?= )")
_FRAME = re.compile(r"^(?:theo|trong) (?:(?:cac|nhung|\d+) (?:bai(?: viet| bao(?! nhieu))?|tin(?: bai| tuc)?|ban tin)"  # "Trong 50 bài, có"
                    r"|kho(?: du lieu| luu tru| bai)?)(?: co)?(?= )")  # "Trong kho có bao nhiêu bài …"
# ", tính cả cấp Trung ương" closing a question: what the count takes in, not words of its topic
SCOPE = re.compile(r",\s*(?:tinh ca|ke ca|bao gom ca|gom ca)(?!\w)[^,]*$")
_WHERE_TOO = re.compile(r",? (?:va )?(?:o|tai) (?:dau|nhung dau|dia phuong nao)$")  # "…, ở đâu?": each row's place
_TAIL = re.compile(r"(?:(?: (?:co|da))?(?: nao)?(?: da)?|^(?:da )?(?=duoc))"  # all that is left: "được đưa tin …"
                   r"(?:(?: da)? dien ra(?= duoc))?"  # "… đã diễn ra được các bài đưa tin"
                   rf"(?:(?: |^)duoc (?:{_BY_ARTICLES}(?:dua tin|nhac(?: den| toi)?|neu|ghi lai|tuong thuat)|to chuc)"
                   # "được nhắc trong các bài", "… trong kho"
                   r"(?: (?:trong|theo) (?:cac bai(?: viet| bao)?|kho(?: du lieu| luu tru| bai)?))?"
                   r"(?: la (?:da )?(?:to chuc|dien ra))?"  # "… được đưa tin là đã tổ chức"
                   # "… đã (thực sự) diễn ra (theo các bài)"
                   rf"| (?:thuc su )?dien ra(?: (?:theo|trong) (?:cac|nhung) bai(?: viet| bao)?)?)?(?:{_WHERE_TOO.pattern})?$|{_MENTIONED}")
# "… tổng kết 10 năm thực hiện một nghị quyết hay một chương trình": any of them, no words of the topic
_ANY_OF = re.compile(r"(?:\s+(?:thực hiện|thuc hien|của|cua|về|ve))?\s+(?:một|mot)\s+[^,?]+?\s+(?:hay|hoặc|hoac)\s+(?:một|mot)\s+[^,?]+$",
                     re.IGNORECASE)
_MODIFIES = frozenset({"trong", "cua", "o", "tai", "ve", "cho", "voi"})  # what comes after a topic's head noun
# kinds of event a report names in its title or lead; not "hội nghị", "hoạt động", which any report may leave unsaid
_NAMED_KINDS = frozenset({"buoi lam viec", "le ky ket", "hoi thi", "cuoc thi", "doan kiem tra", "dot kiem tra", "doan cong tac"})
# the share of a topic's weight that one sentence of an article, or its title, must hold: the topic said there, not its
# words scattered over a report on something else; chosen on eval/cross's read sets (0.4 to 0.6 found the same rows
# and took out two wrong ones; 0.7 and above lost right rows)
_TOGETHER = 0.5
_TENSES = frozenset({"đã", "đang", "sẽ"})  # as restored: not "Đảng", "đá"
_OMITTED_HEADS = frozenset({"le", "buoi", "cuoc", "hoi", "nhung", "cac"})  # a classifier an article may leave out


# "Mấy lần X (hoặc …) làm việc với Y (được ghi lại)?": X's sessions with Y reported, asked as "X có bao nhiêu buổi làm
# việc với Y được đưa tin?" (X's first alternative: the one its articles name)
_TIMES = re.compile(r"^(?:(?:tong cong|tat ca) )?(?:co )?(?:bao nhieu|may) lan (?:doan cua )?(?P<who>.+?)(?:,? (?:hoac|hay) .+?)?,? "
                    r"(?:da )?(?:co (?:buoi|cuoc) )?(?P<act>lam viec|gap mat|hop) "
                    r"(?P<whom>voi .+?)(?: (?:da )?duoc (?:ghi lai|dua tin|nhac den|nhac toi))?\W*$"
                    # "X (hoặc …) đã làm việc với Y mấy lần (theo các bài)?": the count said last
                    r"|^(?:doan cua )?(?P<who_first>.+?)(?:,? (?:hoac|hay) .+?)?,? (?:da )?(?:co (?:buoi|cuoc) )?"
                    r"(?P<act_first>lam viec|gap mat|hop) (?P<whom_first>voi .+?) (?:bao nhieu|may) lan"
                    r"(?: (?:theo|trong) (?:cac|nhung) bai(?: viet| bao)?)?\W*$"
                    # "(Theo các bài,) X đã có mấy buổi làm việc với Y (hoặc với đoàn … của Y)?": the count said
                    # between; another body as the alternative is another count, not asked this way
                    r"|^(?:theo (?:cac|nhung) bai(?: viet| bao)?,? )?(?!theo (?:cac|nhung) bai)(?P<who_count>.+?),? (?:da )?co (?:bao nhieu|may) "
                    r"(?:buoi|cuoc|lan) (?P<act_count>lam viec|gap mat|hop) (?P<whom_count>voi .+?)"
                    r"(?:,? (?:hoac|hay) (?:voi )?doan (?:kiem tra|cong tac) .+?)?"
                    r"(?: (?:da )?duoc (?:ghi lai|dua tin|nhac den|nhac toi))?(?: (?:theo|trong) (?:cac|nhung) bai(?: viet| bao)?)?"
                    r"\W*$"
                    # "(Theo các bài,) có bao nhiêu buổi làm việc với Y do X (hoặc đoàn do … dẫn đầu)?": X named after
                    r"|^(?:theo (?:cac|nhung) bai(?: viet| bao)?,? )?(?:co )?(?:bao nhieu|may) (?:buoi|cuoc|lan) "
                    r"(?P<act_by>lam viec|gap mat|hop) (?P<whom_by>voi .+?),? do (?P<who_by>.+?)(?:,? (?:hoac|hay) .+?)?"
                    r"(?: (?:dan dau|chu tri|thuc hien))?(?: (?:da )?duoc (?:ghi lai|dua tin|nhac den|nhac toi))?\W*$"
                    # "có bao nhiêu buổi làm việc giữa (đoàn của) X (/ Z) với Y (được đưa tin)?"
                    r"|^(?:co )?(?:bao nhieu|may) (?:buoi|cuoc|lan) (?P<act_btw>lam viec|gap mat|hop) giua "
                    r"(?:doan(?: kiem tra| cong tac)? cua )?(?P<who_btw>.+?)(?:\s*/\s*.+?|,? (?:hoac|hay) .+?)? "
                    r"(?P<whom_btw>voi .+?)(?: (?:da )?duoc (?:ghi lai|dua tin|nhac den|nhac toi))?\W*$")
_SESSIONS = {"lam viec": "buổi làm việc", "gap mat": "buổi gặp mặt", "hop": "cuộc họp"}


def as_sessions(q: "Question", store: "Store") -> "Question | None":
    """The question asked as a count of sessions reported, when it counts the times one body met another."""
    restored = unbracketed(q.restored)  # "(hoặc do … dẫn đầu)": an alternative aside
    said = fold(restored)  # one character for one: offsets hold in `restored`
    times = _TIMES.match(said)
    if times is None:
        return None
    first = next((named for named in ("_first", "_count", "_by", "_btw") if times[f"who{named}"]), "")
    who, whom = (restored[times.start(g + first):times.end(g + first)] for g in ("who", "whom"))
    # "BDV TW", "Đảng ủy CATW": as articles write them, since the topic's words are matched
    text = written_out(f"{who} có bao nhiêu {_SESSIONS[times['act' + first]]} {whom} được đưa tin?")
    return parse(text, text, store.stored_facts)


def asks_articles(q: "Question", across: bool) -> bool:
    """Whether the question asks for the articles on a topic, or the events they report ("Theo các
    tin, có những hội nghị tổng kết nào?" when it asks `across` the archive)."""
    plain = plain_words(q.restored)  # no aside in brackets
    return bool(_REPORTED.search(plain) or _MENTIONED_IN.search(plain)
                or _ARTICLES.search(q.folded) and not _COUNTED_IN.search(q.folded)
                or across and _EVENTS_ASKED.search(plain))


def counts_reports(q: "Question") -> bool:
    """Whether the question counts the events reported ("Có bao nhiêu hội nghị … được đưa tin?"), asked
    when no list of programmes answers it."""
    return bool(_COUNTED_REPORTS.search(plain_words(q.restored)))


def articles(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The articles holding the question's topic (every number; all but one word in eight and one
    word pair in four; for "chuyên về", half its weight in the title's pairs of its words), newest
    first, each citing its sentence that holds most of the topic's words, weighted by rarity.
    Candidates are the articles of the CANDIDATE_CHUNKS chunks BM25 ranks highest for the topic, so
    the cost does not grow with the archive; when the last of them still holds the topic, more
    articles may, and the answer says "at least"."""
    said = _ANY_OF.sub("", q.restored.rstrip(" ?.!"))
    scope = SCOPE.search(fold(said.lower()))  # folding keeps offsets
    written = re.findall(r"\w+", unbracketed(said[:scope.start()] if scope else said))  # not an aside in brackets
    folded = [fold(w.lower()) for w in written]
    span = list(range(len(folded)))
    kinds = False  # "… đưa tin hội nghị hoặc buổi gặp mặt …": articles reporting such an event, on the topic
    events_asked = bool(_EVENTS_OF.search(q.folded) or re.search(rf"(?<!\w){_MEETING}(?!\w)", " ".join(folded)))
    doers = (_DOER, _OWNER) if events_asked else (_DOER,)
    doer = next((m for d in doers if (m := d.search(" ".join(folded)))), None)  # who held them, not the topic
    for pattern in (_GENERIC, _FRAME, _HOW_MANY_EVENTS, _LEAD, _LEAD, _HOW_MANY_EVENTS, _MEETINGS, *doers, _TAIL):
        # _LEAD twice: "các bài … | những"; the count again after it: "Các bài đưa tin bao nhiêu cuộc …"
        left = _without(span, folded, pattern)
        kinds = kinds or pattern is _MEETINGS and len(left) < len(span)
        span = left
    while span and written[span[0]].lower() in _TENSES:  # "(một hội nghị) đã ký kết …": no word an article needs
        span = span[1:]
    # "cuộc sơ kết" is written "hội nghị / báo cáo sơ kết", a "hội nghị tổng kết" may be reported as "Tổng kết
    # 10 năm …": the review is the topic, not its classifier
    kept = [folded[i] for i in span]
    topic = [w for n, w in enumerate(kept) if w not in COMMON_WORDS and w != "giua" and not (  # "(giữa) A và B"
        w == "cuoc" and kept[n + 2:n + 3] == ["ket"] or
        " ".join(kept[n:n + 4]) in _REVIEWS or " ".join(kept[n - 1:n + 3]) in _REVIEWS)]
    # an event's classifier ("buổi ký kết" is reported "hội nghị ký kết") and "lực lượng" before the police are
    # words an article may well leave out: not of the topic
    # … and "việc" before a verb ("việc thực hiện X" is X done; not "việc làm", a job)
    omitted = topic[:1] and (topic[0] in _OMITTED_HEADS or topic[0] == "viec" and topic[1:2] != ["lam"])
    topic = topic[1:] if omitted and len(topic) > 2 else topic
    topic = [w for n, w in enumerate(topic) if not (w == "luc" and topic[n + 1:n + 4] == ["luong", "cong", "an"] or
                                                   w == "luong" and topic[n - 1:n] == ["luc"] and topic[n + 1:n + 3] == ["cong", "an"] or
                                                   w == "so" and topic[n + 1:n + 2] and topic[n + 1][0].isdigit())]  # "(số) 09"
    docs, chunks = store.data.documents, store.data.chunks
    if doer:  # held by a doer the article's title or lead names ("Công an quận … tổ chức hội thi")
        held_by, admits = doer["doer"].strip(), keep
        keep = lambda d: admits(d) and leads_with(store, d, [held_by])  # noqa: E731
    if len(topic) < 2:  # "Có mấy cuộc thi hay hội thi được đưa tin?": no topic but the kinds of event counted
        return _reports(_kinds(q), q, store, keep)
    ranked = store.lexical_search(" ".join(topic), CANDIDATE_CHUNKS).rows.tolist()
    candidates = dict.fromkeys(chunks[row].doc_id for row in ranked)
    wanted, digits = set(topic), {t for t in topic if any(ch.isdigit() for ch in t)}
    weight = {w: rarity(w, store.restorer.folded_count, store.restorer.total) for w in wanted}  # "290" first
    adjacent = {f"{a} {b}" for a, b in zip(kept, kept[1:])}  # not a pair made by a word left out: "Công an [và] Mặt trận"
    pairs = {f"{a} {b}" for a, b in zip(topic, topic[1:])} & adjacent
    # a longer topic's first two words: its head noun, unless a classifier articles often leave out ("lễ ký kết …")
    head = f"{topic[0]} {topic[1]}" if len(topic) >= 4 and topic[0] not in _OMITTED_HEADS else None
    ahead = list(itertools.takewhile(lambda w: w not in _MODIFIES, kept))
    head_pairs = {f"{a} {b}" for a, b in zip(ahead, ahead[1:])}
    devoted = "chuyen ve" in q.folded or bool(re.search(rf"(?<!\w){_TITLED} ", q.folded))  # "chuyên về X": X in the title
    # "những hội nghị … nào", "bài đưa tin tổng kết …": events reported, not named in passing
    events = kinds or bool(_EVENTS_OF.search(q.folded) or _REPORTS.search(q.folded))
    # a kind of event asked that a report names in its title or lead ("bao nhiêu buổi làm việc, đợt kiểm tra")
    forms = [form for kind in re.findall(rf"(?<!\w)(?:bao nhieu|may|nhung|cac) ({EVENT_NOUNS})(?!\w)", q.folded)
             if kind in _NAMED_KINDS for form in EVENT_WRITTEN.get(kind, (kind,))]
    alias_list = aliases(topic, short=True)
    total, rows = sum(weight.values()), []
    for doc_id in filter(keep, candidates):
        words, title = store.words(doc_id), word_set(fold(docs[doc_id].title))
        unigrams = words.text.unigrams | title.unigrams
        # "mặt trận tổ quốc" is held where the article writes "MTTQ", and back
        standing_for = held_through(alias_list, unigrams)
        held = wanted & (unigrams | standing_for)
        paired = {p for p in pairs if p in words.text.pairs or p in title.pairs or set(p.split()) <= standing_for}
        # the thing itself ("ngày hội toàn dân …"), not its words apart; an abbreviated head ("BDV Tỉnh ủy") is
        # held through its spellings
        headed = head is None or head in paired or any(w in standing_for - unigrams for w in head.split())
        holds = headed and len(held) >= len(wanted) - len(wanted) // 8 and len(paired) >= len(pairs) - len(pairs) // 4
        if devoted:  # what the title names: half the topic's weight, in the topic's word pairs, or the
            # topic's head before "trong / của …" ("người có uy tín [trong đồng bào …]") with the rest in the text
            named = {w for p in pairs & title.pairs for w in p.split()} | held_through(alias_list, title.unigrams)
            holds = 2 * sum(weight[w] for w in wanted & named) >= sum(weight.values()) or \
                holds and len(head_pairs) > 1 and head_pairs <= title.pairs
        if digits <= held and holds and (not events or on_topic(store, doc_id, weight, pairs, alias_list)) and \
                (not forms or leads_with(store, doc_id, forms)):
            spans = store.sentences(doc_id)
            # its sentence holding most of the topic, then its head together ("Ngày hội …", not "Ngày 5/3, hội nghị"),
            # then most of its word pairs; at a tie, the report's own
            # ("Ngày 17/10, … tổ chức Hội nghị …") before the title naming it, unless the article is asked for what
            # its title is about
            title_line = fold(docs[doc_id].title.lower()).strip()
            best = max(range(len(spans)), key=lambda i: (  # "ANTQ" holds "an ninh tổ quốc"; then its words together
                sum(weight[w] for w in wanted & (words.sentences[i].unigrams | held_through(
                    alias_list, words.sentences[i].unigrams))), head is None or head in words.sentences[i].pairs,
                len(pairs & words.sentences[i].pairs),
                (words.folded[slice(*spans[i])].strip() != title_line) != devoted))
            said_once = max(sum(weight[w] for w in wanted & (line | held_through(alias_list, line)))
                            for line in (words.sentences[best].unigrams, title.unigrams))
            if said_once >= _TOGETHER * total:
                rows.append((doc_id, Evidence.of(docs[doc_id], *spans[best])))
    more = len(ranked) == CANDIDATE_CHUNKS and chunks[ranked[-1]].doc_id in dict(rows)
    return listed_articles(rows, more, " ".join(written[i] for i in span), q, store)


def leads_with(store: "Store", doc_id: str, forms: list[str]) -> bool:
    """Whether an article's title or lead (its first two sentences of some length) names one of
    these forms of a kind of event: the event it reports is of that kind."""
    folded, spans = store.words(doc_id).folded, store.sentences(doc_id)
    lines = [folded[slice(*spans[i])] for i in lead(store, doc_id, past_title=True)]  # the title is read apart
    return any(_names(line, forms) for line in (fold(store.data.documents[doc_id].title), *lines))


def _names(folded: str, forms: list[str]) -> bool:
    """Whether folded text names one of these forms, word for word ("doan kiem tra", "ky ket")."""
    return any(re.search(rf"(?<!\w){form}(?!\w)", folded) for form in forms)


def _kinds(q: "Question") -> list[str]:
    """The kinds of event a question counts with no topic ("mấy cuộc thi hay hội thi"), each as
    articles write it (EVENT_WRITTEN); not the generic "hoạt động", "sự kiện", which name no kind."""
    counted = _HOW_MANY_EVENTS.search(q.folded) or _WHICH_EVENTS.search(q.folded)
    named = re.findall(rf"(?<!\w){EVENT_NOUNS}(?!\w)", counted.group(0)) if counted else []
    return list(dict.fromkeys(form for kind in named if kind not in ("hoat dong", "su kien")
                              for form in EVENT_WRITTEN.get(kind, (kind,))))


def _reports(kinds: list[str], q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The articles reporting an event of one of these kinds: its words together in their title or
    lead (the first two sentences of some length), each citing its first sentence naming it."""
    docs, chunks, rows, more = store.data.documents, store.data.chunks, [], False
    for kind in kinds:
        ranked = store.lexical_search(kind, CANDIDATE_CHUNKS).rows.tolist()
        for doc_id in filter(keep, dict.fromkeys(chunks[row].doc_id for row in ranked)):
            if doc_id not in dict(rows) and leads_with(store, doc_id, [kind]):
                folded, spans = store.words(doc_id).folded, store.sentences(doc_id)
                title = fold(docs[doc_id].title.lower()).strip()  # the report's own sentence before its title
                naming = [i for i, span in enumerate(spans) if _names(folded[slice(*span)], [kind])]
                at = next((i for i in naming if folded[slice(*spans[i])].strip() != title), naming[0] if naming else 0)
                rows.append((doc_id, Evidence.of(docs[doc_id], *spans[at])))
        more = more or len(ranked) == CANDIDATE_CHUNKS and chunks[ranked[-1]].doc_id in dict(rows)
    said = fold(q.restored.lower())  # folding keeps offsets: each kind as the question writes it
    shown = " / ".join(q.restored[at:at + len(k)] for k in kinds if (at := said.find(k)) >= 0)
    return listed_articles(rows, more, shown, q, store) if kinds else None


def listed_articles(rows: list[tuple[str, Evidence]], more: bool, shown: str, q: "Question", store: "Store") -> Listing | None:
    """A row per article, newest first, citing its sentence; "Ít nhất" where more may hold (`more`)."""
    if not rows:
        return None
    docs = store.data.documents
    rows.sort(key=lambda row: docs[row[0]].date or "", reverse=True)
    # "bao nhiêu sự kiện / lễ ký kết …" counts events: one however many articles report it, the others under it
    grouped: dict[object, list[tuple[str, Evidence]]] = {}
    for row in rows:
        grouped.setdefault(same_event(store, row[0]) if EVENTS_COUNTED.search(q.folded) else row[0], []).append(row)
    events = f" đưa tin {len(grouped)} sự kiện," if len(grouped) < len(rows) else ""
    counted = f"{'Ít nhất ' if more else ''}{len(rows)} bài viết{events} nói đến "
    lines = [Statement((counted, Strong(shown), ":"),)]
    items = []
    where = bool(_WHERE_TOO.search(q.folded))
    for (doc_id, ev), *others in list(grouped.values())[:rows_shown()]:
        place = f" ({docs[doc_id].place})" if where and docs[doc_id].place else ""
        lines.append(Statement((dated(docs[doc_id].date), Strong(docs[doc_id].title), place), ev, item=True))
        lines += under_rows(others, lambda o: Statement(("cũng đưa tin trong bài ", Strong(docs[o[0]].title)), o[1],
                                                        item=True, under=True))
        items.append(Item(docs[doc_id].title, None, None, (), ev))
    lines += more_rows(len(grouped))
    return Listing(tuple(lines), tuple(items), len(grouped),
                   str(len(grouped)) if counts(q.folded, q.restored) else docs[rows[0][0]].title)


def _without(kept: list[int], words: list[str], pattern: re.Pattern) -> list[int]:
    """The word positions `kept`, less those of every match of `pattern` in the kept words."""
    text = " ".join(words[i] for i in kept)
    cut = {j for m in pattern.finditer(text) if m.group(0).strip()
           for j in range(text[:m.start()].count(" ") + (text[m.start():m.start() + 1] == " "),
                          text[:m.end()].count(" ") + 1)}
    return [i for n, i in enumerate(kept) if n not in cut]
