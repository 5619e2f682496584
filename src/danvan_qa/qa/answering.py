"""answer(): a short, cited, extractive answer to a Vietnamese question, or an abstention.

The pipeline, one stage per module, each passing typed records (qa/records.py):

    read (reading.py) → retrieve (reading.py) → sentence candidates (candidates.py)
    → rank (ranker.py) → propose (propose.py: typed drafts, the best sentence, no-answer)
    → decide (decide.py: the calibrated answer/abstain model) → compose (compose.py)

Every statement of an answer quotes its sentence verbatim from the article as published.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from danvan_qa.errors import ModelError
from danvan_qa.index.backends.base import Filters
from danvan_qa.index.store import Store
from danvan_qa.ingest.abbreviations import shorthand_written_out, written_out
from danvan_qa.ingest.lexicon import RANKS, TITLE_HEADS
from danvan_qa.ingest.normalize import fold, fold_keep_case
from danvan_qa.qa.archive import asks_across, listing
from danvan_qa.qa.bylines import credited
from danvan_qa.qa.candidates import SENTENCE_FEATURES, sentence_candidates
from danvan_qa.qa.compose import compose, md_escape
from danvan_qa.qa.decide import Decision, decide
from danvan_qa.qa.fusion import fusion_for
from danvan_qa.qa.drafts import Drafter
from danvan_qa.qa.parts import joined, listed_part, second_reading, split_parts, with_topic
from danvan_qa.qa.per_article import PASSAGES_READ, asks_each, each_article
from danvan_qa.qa.asides import without_asides
from danvan_qa.qa.questions import FOLDED_PROVINCE, THEN, Question, parse
from danvan_qa.qa.records import ARCHIVE_CUE, EVENT_NOUNS, Listing, admitted
from danvan_qa.qa.relax import cued, plainly_asked, relaxed
from danvan_qa.qa.propose import propose
from danvan_qa.qa.ranker import AnswerModels, load_models, rank
from danvan_qa.qa.reading import Reading, read, retrieve_for
from danvan_qa.qa.retrieval import clean_query, open_store
from danvan_qa.qa.spans import SPAN_FEATURES
from danvan_qa.qa.topic_rows import asks_topic_rows, places_asked, topic_rows
from danvan_qa.qa.support import ANSWERABLE_FEATURES
from danvan_qa.qa.who import PERSON_FEATURES
from danvan_qa.records import Answer, Passage
from danvan_qa.settings import Settings

# "Đại" of "Đại tướng", "Thứ" of "Thứ trưởng": a rank's or a title's capitalised first word is no name of its own
_TITLE_WORDS = frozenset(heads.split()[0].capitalize() for heads in (*RANKS, *TITLE_HEADS))


# the last sentence of a question that opens with another ("Tôi nhớ có nhiều vị X. Cho tôi danh sách …"): a list
# asked there is asked of the archive, whatever the sentence before it says
_LAST_SENTENCE = re.compile(r"[.!?]\s+(?P<last>[A-ZĐÀ-Ỹa-zđà-ỹ][^.!?]*(?:\w+\s+){2,}[^.!?]*[.!?]?)\s*$")
# the question sentence, when a rule for counting or a request follows it ("…? Tính theo sự kiện.", "…? tinh theo bai")
_FIRST_QUESTION = re.compile(r"^(?P<first>[^?]*(?:\w+\s+){3,}[^?]*\?)\s*\S")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
# a person named in a lead, asked of by a pronoun ("… lịch của đồng chí X: đồng chí ấy đã dự …?"; folded, name in capitals)
_NAMED_LEAD = re.compile(r"^[^:.?]*?(?<!\w)(?i:dong chi|ong|ba)\s+(?P<name>[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){1,3})[^:.?]*[:.]\s+")
_PRONOUN = re.compile(r"(?<!\w)(?<!nhung )(?<!cac )(?:dong chi|ong|ba|vi|nguoi) (?:ay|do|nay)(?!\w)")  # not "những người đó"
# what the asker says of themselves first, a sentence ("Em đang lập cơ sở dữ liệu về …. Trong các bài, …?") or a clause
# before "cho mình hỏi" ("minh dang len ke hoach …, cho minh hoi …?"), opening with "I" (folded): the question after it;
# not a condition said first ("Năm 2023, cho mình hỏi …", "Tại tỉnh X, …": kept), nor "Công an TP. X …" cut at "TP."
_ASKER = r"(?:minh|em|toi|anh|chi|chau)\s"
_CONTEXT_LEAD = re.compile(rf"^{_ASKER}[^.!?]+[.!]\s+(?=[^.!?]+\?\s*$)"
                           rf"|^{_ASKER}[^?]+?[,.;:]\s*(?:vay\s+)?(?:cho|xin)\s+(?:minh|em|toi|to|anh|chi)\s+(?:duoc\s+)?hoi"
                           r"(?:\s+(?:la|chut|ti|xiu))?\s*[,:]?\s+(?=\w)", re.I)
# … or why they ask ("… nên hỏi: …", "Bên em là Ban X, muốn biết …"), holding no time or place ("Em ở tỉnh X, …": kept)
_WHY_LEAD = re.compile(rf"(?i)^(?:\w+\s){{0,2}}?{_ASKER}[^?]{{0,80}}?(?:\snen\s(?:(?:muon|xin)\s)?hoi\s*[:,]|,\s*muon biet)\s+(?=\w)")
_CONDITION = re.compile(r"(?<!\w)(?i:nam|thang|ngay) \d|(?<!\w)(?i:o|tai) (?:(?i:tinh|huyen|thanh pho|tp|xa|quan) )?[A-Z]")
# a request after the question asking it of each place or unit ("…? Liệt kê theo từng tỉnh giúp em."; folded)
_EACH_AFTER = re.compile(r"\s*(?:(?:hay|xin|vui long|nho) )?(?:liet ke|ke|neu|ghi|chia|thong ke|cho biet)(?: ra)?(?: ten)? "
                         r"(?P<each>(?:theo|cho|cua|o) (?:tung|moi) (?:tinh|noi|dia phuong|don vi|thanh pho|huyen)(?: thanh)?)(?!\w)")
# a framing lead clause: "Theo các bài trong kho, …", "Tính theo sự kiện, …", "Để làm báo cáo, …", an exclusion no shape
# reads ("Không tính nghị quyết đại hội, …"); or a condition said first ("Chỉ tính giai đoạn X, …"); as typed ("Tỉnh Cà Lâm")
_LEAD = r"^(?:{}|{}|{}|{}|{}|(?P<only>{}))(?: [\w/–-]+){{1,12}}[,:] "
# "Chỉ tính X thì …" (not the "thi" of "hội thi")
_ONLY_THEN = re.compile(r"^(?:chỉ|chi) (?:tính|tinh) [^,:?]{1,60}?(?<!hội)(?<!cuộc)(?<!hoi)(?<!cuoc)( th[iì]) ", re.I)
# closing a question: "vậy, ạ, nhé, nha …", a bare "ha" in lower case only ("Bắc Hà", "Bac Ha" is a place)
_PARTICLES = re.compile(r"(?:\s+(?:vậy|ạ|nhé|nhỉ|thế|hả|nhá|vay|nhe|nha|(?-i:ha)))+$", re.I)
# things named first, then counted with a bare classifier or none ("… (thì) có mấy cái (vậy mn)?"; folded; "thì", not
# the "thi" of "hội thi"; the articles said first too: "mấy bài có nói về hội thi, tổng cộng mấy cái?")
_COUNTED_LAST = re.compile(r"^(?:(?:may|cac|nhung) bai(?: viet| bao)? (?:co )?(?:noi|nhac|viet|de cap) (?:ve|den|toi) )?"
                           r"(?P<things>(?:cac |nhung )?(?:hoi thi|cuoc thi|hoi nghi|su kien|hoat dong|chuong trinh"
                           r"|mo hinh|(?:buoi|cuoc|le|doan|dot) \w+)(?!\w).*?)(?<!hoi)(?<!cuoc)(?: thi)?,? (?:co|tong cong(?: co)?) "
                           r"(?P<many>may|bao nhieu)(?: cai| lan)?$")
# a request after the question, closing it ("…, liệt kê giúp mình nhé", "…? kể hết giúp tôi"; folded)
_REQUEST_AFTER = re.compile(r"\s*[,?]\s*(?:(?:hay|xin|nho) )?(?:liet ke|ke ten|ke|thong ke|tong hop)(?: (?:het|du|ra|day du))?"
                            r"(?: (?:giup|gium|ho|cho) (?:minh|em|toi|anh|chi|chau|tui))?(?: (?:voi|nhe|nha|a|di|luon))*$")
# a list asked first, then short asks of its rows after commas ("mấy chương trình có ghi số hiệu, có những số nào, ký
# giữa ai?"; folded): the list alone, whose rows say them
_FIRST_CLAUSE = re.compile(r"^(?P<first>[^,?]*?(?<!\w)(?:nhung|cac|may|bao nhieu) [^,?]{8,}?)"  # (no count, nor "… nhất")
                           r"(?:, (?![^,]*(?<!\w)(?:nhat|tong cong|tat ca)(?!\w))(?:\w+ ){0,5}(?:nao|ai|gi|dau)(?: \w+){0,2})+$")
# how many rows, asked in a sentence after the list's ("Bài nào …? Có mấy bài như vậy?"; folded)
_COUNTED_AFTER = re.compile(r"\?\s*(?:va |con )?(?:co |tong cong (?:co )?|tat ca (?:co )?)?(?:may|bao nhieu)(?: bai(?: viet| bao)?| tin| cai)?"
                            r"(?: nhu (?:vay|the)| tat ca| tong cong| ca thay)?\s*\??\s*$")
# a place said first with "thì", before what is counted or listed ("ở TP X thì có mấy sự kiện …?"; folded), and the
# articles said in passing ("trong mấy bài này"), which a place's events need not say
_PLACE_THEN = re.compile(r"^(?P<place>(?:o|tai) (?P<named>(?:tinh|thanh pho|tp\w*|huyen|quan|thi xa|xa|phuong)(?!\w))?"
                         r"[^,?]{0,40}?),? thi (?=(?:co )?(?:bao nhieu|may|nhung|cac) )")
_THESE_ARTICLES = re.compile(r"\s+(?:trong|o) (?:may|cac|nhung) (?:bai|tin)(?: bao| viet)?(?: nay| do| tren)?(?!\w)")
# … and as counted things' closing words, folded (not "bạn", "ban", "bản", "ha": what may be counted)
_CLOSING_WORDS = re.compile(r"(?:\s+(?:vay|v|z|nhe|nha|nhi|mn|moi nguoi|ban oi))+$")  # "v", "z": "vậy" typed short
_TIME = re.compile(r"(?:nam|thang) \d")  # "năm 2023", "tháng 11/2022": a time, asked as "trong năm 2023"
_FRAMING_LEAD = re.compile(_LEAD.format("theo", "tính", "đếm", "để", "không tính", "chỉ tính"), re.I)
_FRAMING_LEAD_FOLDED = re.compile(_LEAD.format("theo", "tinh", "dem", "de", "khong tinh", "chi tinh"), re.I)
# … or the archive said first, as the subject ("Các bài có nhắc bao nhiêu hội thi …?": asked of it last; folded)
_ARCHIVE_FIRST = re.compile(r"^(?:trong |theo )?(?:cac|nhung) (?:bai|tin)(?: viet| bao)?(?: (?:co|da|deu))?"
                            r" (?:nhac|neu|noi|ke|de cap|dua tin)(?: (?:den|toi|ve|ten|lai))?\s+(?=(?:bao nhieu|may|nhung|cac)\s)")
# … or the articles said first ("Trong mấy bài báo này, …": "these few", no count; folded)
_ARTICLES_LEAD = re.compile(r"^(?:trong|o) (?:cac|nhung|may|\d+) (?:bai|tin)(?: bao| viet)?(?: nay| do| tren)?(?P<only>(?!))?\s*,\s*",
                            re.I)
# kinds of one signing listed ("lễ hoặc hội nghị ký kết", "lễ / hội nghị ký kết"): one kind, a signing (folded)
_SIGNING_KINDS = re.compile(r"(?<!\w)(?:buoi )?(?:le|hoi nghi)(?:\s*(?:,|/|hoac|hay|va)\s*(?:buoi )?(?:le|hoi nghi))+"
                            r"(?= ky(?: ket)?(?!\w))")
# a request said before what it asks ("Đề nghị tổng hợp (giúp tôi) các …", "Hãy cho biết …"; folded)
_REQUEST_LEAD = re.compile(r"^(?:(?:de nghi|xin|hay|vui long|lam on)\s+)?(?:(?:giup|cho)\s+(?:toi|em|minh)\s+)?"
                           r"(?:tong hop|liet ke|thong ke|cho biet|ke ten|neu)\s+(?:(?:giup|gium|cho|ho)\s+(?:toi|em|minh)\s+)?"
                           r"(?:(?:ten|danh sach)\s+)?(?=(?:cac|nhung|tat ca)\s)", re.I)  # "Liệt kê giúp mình tên các …"
# "A (đã) ký (kết) chương trình phối hợp với B (giai đoạn X) ở những đâu / ở tỉnh nào?" (folded): where A signed with B
_SIGNED_WHERE = re.compile(r"^(?P<a>.+?) (?:da )?ky(?: ket)?(?: (?:chuong trinh|ke hoach))?(?: phoi hop)? voi (?P<b>.+?)"
                           r"(?P<rest>(?: (?:giai doan|nam) [\w–-]+)*) (?:o|tai) nhung (?:dau|(?:noi|tinh|dia phuong) nao)$")  # several
# who held or attended the events asked of, said in a clause ("… do lực lượng công an tổ chức", "… có công an tổ chức
# hoặc lãnh đạo công an dự"): a narrowing no shape reads (folded)
_HELD_BY = re.compile(r"(?<!\w)(?:do|co|ma) (?:\w+ ){0,8}?(?:phoi hop )?(?:to chuc|du|tham du|chu tri)"
                      # "… hoặc …", "tổ chức/phối hợp tổ chức"
                      r"(?: ?(?:hoac|/) ?(?:\w+ ){0,8}?(?:phoi hop )?(?:to chuc|du|tham du|chu tri))?(?!\w)")
# events, articles, documents or people asked several of: what the archive lists (not "bao nhiêu xã", "là bao nhiêu")
_ARCHIVE_THINGS = re.compile(rf"(?<!\w)(?:nhung|cac|bao nhieu|may) (?:{EVENT_NOUNS}|buoi gap mat|cuoc gap mat|hoi thi|cuoc thi"
                             r"|bai(?: viet| bao)?|tin|chuong trinh|ke hoach|van ban|nghi quyet|chi thi|quyet dinh|mo hinh"
                             r"|nguoi|vi|dong chi|lanh dao|can bo|co quan|don vi|su kien|hoat dong)(?!\w)")


def plainer(question: str) -> Iterator[str]:
    """Plainer forms of a question that the archive's shapes may read when the whole question fits
    none: its abbreviations written out ("BDV TW", "ctr"); its last sentence (a request after a
    preamble); without its brackets, and with kinds of one signing listed as one ("lễ hoặc hội nghị
    ký kết"); its question sentence alone, without the counting rules or requests after the question
    mark; without what the asker says of themselves first; without a framing lead clause, or with a
    condition said first said last instead; without a clause saying who held or attended the events
    asked of; without a request said before what it asks ("Đề nghị tổng hợp các …"); with the archive
    said first asked of it last; where A signed with B asked as the programmes between them; things named
    first and counted last ("… có mấy cái?") counted first. Each once, in that order."""
    seen = {question}
    def fresh(text: str) -> bool:
        if text in seen or not re.search(r"\w", text):  # "Do ai chủ trì?" less its clause is no question
            return False
        seen.add(text)
        return True
    if fresh(wide := written_out(question)):
        yield wide
    if (asked := _LAST_SENTENCE.search(question)) and fresh(asked["last"]):
        yield asked["last"]
    if (named := _NAMED_LEAD.match(fold_keep_case(question))) and (said := _PRONOUN.search(fold(question.lower()),
                                                                                      named.end())):
        comrade = "đồng chí" if fold(question) != question.lower() else "dong chi"  # as typed, marks or none
        rest = f"{question[named.end():said.start()]}{comrade} {question[named.start('name'):named.end('name')]}" \
               f"{question[said.end():]}"  # "…: theo các bài, đồng chí ấy đã dự …": the person asked of by name
        if fresh(rest := rest[:1].upper() + rest[1:]):
            yield rest
    text = _BRACKETS.sub("", question)
    if (kinds := _SIGNING_KINDS.search(fold(text))) is not None:  # folding keeps offsets
        text = f"{text[:kinds.start()]}{'hội nghị' if fold(text) != text.lower() else 'hoi nghi'}{text[kinds.end():]}"
    if fresh(text):
        yield text
    if (first := _FIRST_QUESTION.match(text)) and (each := _EACH_AFTER.match(fold(text[first.end("first"):]))):
        said = text[first.end("first") + each.start("each"):first.end("first") + each.end("each")]
        if fresh(both := f"{first['first'].rstrip(' ?')} {said}?"):  # "… bao nhiêu mô hình? Liệt kê theo từng tỉnh."
            yield both
    if (first := _FIRST_QUESTION.match(text)) and fresh(text := first["first"]):
        yield text
    why = _WHY_LEAD.match(fold(text))  # folding keeps offsets; a time or place in why they ask keeps the question whole
    context = _CONTEXT_LEAD.match(fold(text)) or (why if why and not _CONDITION.search(fold_keep_case(text)[:why.end()]) else None)
    if context:
        rest = text[context.end():]
        text = rest[:1].upper() + rest[1:]  # the later forms read it so, whether or not the last sentence was it
        yield from (form for form in (text, written_out(text)) if fresh(form))  # "… trong đồng bào dtts?" written out too
    framing = _FRAMING_LEAD if fold(text) != text.lower() else _FRAMING_LEAD_FOLDED
    then = _ONLY_THEN.match(text)  # "Chỉ tính năm 2023 thì có …": the condition said with a comma
    if then and framing.match(comma := f"{text[:then.start(1)].rstrip()},{text[then.end(1):]}"):
        text = comma
    lead = framing.match(text) or _ARTICLES_LEAD.match(fold(text))  # typed without marks; folding keeps offsets
    if lead and text.split(maxsplit=1)[1][:1].isupper():
        lead = None  # "tinh Van Khe, …": a place said first
    if lead and lead["only"]:  # "Chỉ tính giai đoạn X, …?": a condition, said at the question's end ("… giai đoạn X?")
        said = re.sub(r"\s+th[oô]i$", "", text[lead.end("only"):lead.end()].strip(" ,:"), flags=re.I)  # "… thôi:"
        said = f"trong {said}" if _TIME.match(fold(said)) else said  # "năm 2023": within it
        rest = text[lead.end():]
        mark = rest.find("?") if "?" in rest else len(rest)
        rest = f"{_PARTICLES.sub('', rest[:mark].rstrip())} {said}{rest[mark:] or '?'}"  # "… vậy?": before them
    elif lead:
        rest = text[lead.end():]
    if lead and fresh(rest):
        yield (text := rest[:1].upper() + rest[1:])
    if held := _HELD_BY.search(fold(text)):  # folding keeps offsets
        if fresh(alone := f"{text[:held.start()].rstrip()} {text[held.end():].lstrip()}".replace(" ?", "?")):
            yield (text := alone)
    if (asking := _REQUEST_LEAD.match(fold(text))) and fresh(rest := text[asking.end():]):  # "Đề nghị tổng hợp các …"
        yield rest[:1].upper() + rest[1:]
    if first := _ARCHIVE_FIRST.match(fold(text)):  # "Các bài có nhắc bao nhiêu X?": "Bao nhiêu X trong các bài?"
        rest, marked = text[first.end():].rstrip(" ?."), fold(text) != text.lower()
        if fresh(cued := f"{rest[:1].upper()}{rest[1:]} {'trong các bài' if marked else 'trong cac bai'}?"):
            yield cued
    said = shorthand_written_out(text)  # "bdv ky ctr … voi cong an"
    if signed := _SIGNED_WHERE.match(fold(said).rstrip(" ?.")):  # "A ký … với B ở những đâu?": the programmes between them
        text = said
        marked = fold(text) != text.lower()
        sides = (written_out(text[slice(*signed.span(k))]) for k in ("a", "b", "rest"))  # written out ("bdv")
        a, b, rest = (side if marked else fold_keep_case(side) for side in sides)  # as typed, marks or none
        asked = "Những chương trình phối hợp nào giữa" if marked else "nhung chuong trinh phoi hop nao giua"
        if fresh(between := f"{asked} {a} {'và' if marked else 'va'} {b}{rest}?"):
            yield between
    closed = _CLOSING_WORDS.sub("", fold(text).rstrip(" ?."))  # folding keeps offsets
    if counted := _COUNTED_LAST.match(closed):  # "hội thi, cuộc thi do X tổ chức có mấy cái vậy?": "Có mấy hội thi, …?"
        marked, things = fold(text) != text.lower(), text[counted.start("things"):counted.end("things")]
        many = text[counted.start("many"):counted.end("many")]
        things = re.sub(r"^(?:các|những|cac|nhung) ", "", things, flags=re.I)  # "Các hội nghị … có mấy cái"
        if fresh(first := f"{'Có' if marked else 'Co'} {many} {things[:1].lower()}{things[1:]}?"):
            yield first
    if (request := _REQUEST_AFTER.search(closed)) and fresh(asked := f"{text[:request.start()].rstrip(' ,?')}?"):
        yield asked  # "công an tặng quà cho những ai vậy, liệt kê giúp mình nhé": the question without the request
    if (clause := _FIRST_CLAUSE.match(closed)) and fresh(first := f"{text[:clause.end('first')]}?"):
        yield first  # "mấy chương trình có ghi số hiệu, có những số nào, ký giữa ai?": each row says its number, parties
    place = _PLACE_THEN.match(closed)  # "ở TP X thì có mấy sự kiện (trong mấy bài này)?": "… ở TP X?"
    if place and (place["named"] or text[len(place[0].split()[0]) + 1:][:1].isupper()):  # a place, not "ở hội thi"
        rest = "".join(text[a:b] for a, b in _kept(closed, _THESE_ARTICLES, place.end()))  # folding keeps offsets
        where = text[:place.end("place")]
        if fresh(said := f"{rest[:1].upper()}{rest[1:]} {where[:1].lower()}{where[1:]}?"):
            yield said


def _kept(text: str, cut: re.Pattern[str], start: int) -> Iterator[tuple[int, int]]:
    """The spans of `text` after `start` that `cut` does not match."""
    for found in cut.finditer(text, start):
        yield start, found.start()
        start = found.end()
    yield start, len(text)


class Answerer:
    """Answers questions over one store; stateless apart from the store, so thread-safe."""

    def __init__(self, store: Store, settings: Settings, models: AnswerModels | None = None) -> None:
        self.store = store
        self.settings = settings
        self.models = models or load_models()
        expected = (SENTENCE_FEATURES, PERSON_FEATURES, SPAN_FEATURES, ANSWERABLE_FEATURES)
        got = (self.models.sentence.names, self.models.person.names, self.models.span.names, self.models.answerable.names)
        if got != expected:
            raise ModelError("the answer models were fitted on other features than this version computes; "
                             "refit them with `danvan-qa train`")
        self.abstain_below = settings.abstain_threshold or self.models.abstain_below
        # an answer from a text on another subject has its own threshold, chosen on such texts' questions
        self.abstain_below_open = settings.abstain_threshold or self.models.abstain_below_open or self.abstain_below
        self.fusion = fusion_for(self.models.fusion, settings)
        self.drafter = Drafter(store, self.models)

    def decision(self, question: str, *, k: int = 8, mode: str = "hybrid",
                 filters: Filters | None = None) -> Decision:
        """Every stage but compose: what would be shown, and why."""
        reading = read(question, self.store, self.settings)
        across = listing(reading.question, self.store, filters)
        for plain in plainer(question) if across is None else ():
            if (across := listing(read(plain, self.store, self.settings).question, self.store, filters)) is not None:
                if _COUNTED_AFTER.search(fold(question.lower())):  # "Bài nào …? Có mấy bài như vậy?": its rows counted
                    across = replace(across, value=str(across.found))
                break
        if across is not None:  # rows from the fact table, each cited; a lookup, not a model's guess
            found = across.candidate()
            return Decision(reading, (), found, 1.0, (found,))
        if asks_each(reading.question):  # one fact of several events: each article answers for itself
            wide = retrieve_for(reading, self.store, self.settings, k=max(k, PASSAGES_READ), mode=mode,
                                filters=filters, fusion=self.fusion)
            alone = reading if without_asides(reading.text, lead=True) == reading.text else \
                read(question, self.store, self.settings, each=True)  # "Theo các bài báo, …" read without it
            rows = each_article(wide, lambda own: self._decide(alone, own), self.store, reading.question)
            if rows is not None:
                found = rows.candidate()
                return Decision(reading, tuple(wide[:k]), found, 1.0, (found,))
        passages = retrieve_for(reading, self.store, self.settings, k=k, mode=mode, filters=filters,
                                fusion=self.fusion)
        credit = credited(reading.question, reading.scorer, passages, self.store)  # "Ai viết bài …?": a lookup
        if credit is not None:
            return Decision(reading, tuple(passages), credit, credit.features["topic_held"], (credit,))
        decided = self._decide(reading, passages)
        across, loosened = self._across_when_refused(question, reading, filters) if decided.chosen is None else (None, None)
        if across is not None:
            found = across.candidate()
            return Decision(reading, decided.passages, found, 1.0, (found,), loosened)
        if decided.chosen is not None and decided.chosen.kind == "sentence" and places_asked(reading.question) \
                and (where := topic_rows(reading.question, self.store, admitted(self.store.data.documents, filters))) \
                and len(where.items) >= 2:  # "mô hình X có ở tỉnh nào?": the provinces naming it, not one sentence
            found = where.candidate()
            return Decision(reading, decided.passages, found, 1.0, (found,))
        return decided

    def _across_when_refused(self, question: str, reading: Reading,
                             filters: Filters | None) -> tuple[Listing | None, str | None]:
        """A list or count no article answers alone, asked without "trong các bài" ("co bao nhieu hn / buoi gap mat
        voi nguoi co uy tin?") or with a qualifier no shape reads (relax.py): the archive's answer, read with that cue
        or less it (and the question so loosened), rather than a refusal; else where its topic is named (topic_rows)."""
        folded = reading.question.folded
        forms = [question, *plainer(question)]  # "hội thi, cuộc thi có mấy cái?" asks things in its plainer form
        things = any(_ARCHIVE_THINGS.search(said) for said in (folded, *(fold(form.lower()) for form in forms)))
        each = re.search(r"(?<!\w)moi (?:noi|tinh|don vi|dia phuong|nguoi(?!\W*$)|ben)(?!\w)", folded)
        people = re.search(r"(?<!\w)(?:nhung|cac) ai(?!\w)", folded)  # "những ai …": holders, attendees
        if not (things or (topic := asks_topic_rows(reading.question)) or people):  # "Lương của X là bao nhiêu?"
            return None, None  # ("mỗi nơi bao nhiêu mô hình?": only less a qualifier; "… vậy mọi người": readers)
        # said with a cue, or asking places or events only, every shape has read it; then less a qualifier (relax.py)
        tries = [(t, None) for t in cued(forms, question, as_said=False)] if things and not (each or ARCHIVE_CUE.search(folded)) else []
        loose = [(text, said) for said in relaxed(question) for text in cued([said], question, as_said=True)]
        for text, said in [*tries, *(loose if things or people else ())]:
            if (across := listing(read(text, self.store, self.settings).question, self.store, filters)) is not None:
                return across, said
        # no shape reads it: where its topic is named ("mô hình X thì có ở tỉnh nào vậy?")
        return None if each or not (things or topic) else \
            topic_rows(reading.question, self.store, admitted(self.store.data.documents, filters)), None

    def _of_the_first(self, first: str, second: str, one_article: bool) -> bool:
        """Whether the second part is asked of the first's place, or (its answer drawing on `one_article`) of the
        first's event: each part parsed once for both."""
        one, two = (parse(part, self.store.restorer.restore(part), self.store.stored_facts) for part in (first, second))
        return _of_the_same_place(one, two) or one_article and _of_the_same_event(one, two)

    def _decide(self, reading: Reading, passages: list[Passage]) -> Decision:
        """Propose, rank and decide over these passages."""
        ranked = rank(sentence_candidates(reading.question, passages, self.store, reading.scorer),
                      self.models.sentence)
        candidates = propose(reading, passages, ranked, self.store, self.drafter)
        return decide(reading, passages, candidates, self.models.answerable, self.abstain_below, self.abstain_below_open)

    def answer(self, question: str, *, k: int = 8, mode: str = "hybrid", filters: Filters | None = None) -> Answer:
        """The composed answer; a question asking two things is answered part by part (parts.py)."""
        text = shorthand_written_out(clean_query(question, self.settings.max_question_chars))  # parts split as read
        if (plain := plainly_asked(text)) is not None:  # "Ngoài các chương trình, có những kế hoạch nào …?",
            question = text = plain  # "chương trình X được ký giữa những ai?": as the shapes read it
        restored = self.store.restorer.restore(text)
        parts = split_parts(text, restored)
        listed = listed_part(text, restored) if parts is not None else None
        across = self.decision(listed, k=k, mode=mode, filters=filters) if listed is not None else None
        if across is not None and (asks_across(across.reading.question) or (
                across.chosen is not None and across.chosen.kind == "list" and not across.passages)):
            # "Những xã nào được nêu tên …, và mỗi xã …?": the archive's list, each row citing its sentence
            found = compose(across, self.store)
            return replace(found, question=text, understood=listed, text=f"_Hiểu là: {md_escape(listed)}_\n\n{found.text}")
        if parts is None:
            return compose(self.decision(question, k=k, mode=mode, filters=filters), self.store)
        first, second = parts[0], second_reading(*parts, self.store)
        one = compose(across if across is not None and listed == first else  # the list part, decided above
                      self.decision(first, k=k, mode=mode, filters=filters), self.store)
        within = frozenset(c.doc_id for c in one.citations)
        if filters and filters.doc_ids is not None:
            within &= filters.doc_ids
        same = replace(filters or Filters(), doc_ids=within)  # the first part's articles
        two = None
        if within and not one.abstained and (THEN.search(fold(parts[1].lower()))  # "…, và Giám đốc khi đó là ai?"
                                             or self._of_the_first(first, second, len(within) == 1)):
            two = compose(self.decision(second, k=k, mode=mode, filters=same), self.store)
        if two is None or two.abstained:
            two = compose(self.decision(second, k=k, mode=mode, filters=filters), self.store)
        if two.abstained and not one.abstained and within:  # "… và đội nào đạt giải nhất": of the same event
            again = compose(self.decision(with_topic(first, parts[1], self.store), k=k, mode=mode, filters=same),
                            self.store)
            two = two if again.abstained else replace(again, question=second)
        return joined(text, [(first, one), (second, two)])


def _of_the_same_place(one: Question, two: Question) -> bool:
    """Whether the second part is asked of the place the first names, naming no place, person or number of
    its own: "Chỉ huy trưởng BĐBP tỉnh X là ai, và chương trình mới ký với Ban Dân vận Tỉnh ủy là giai đoạn
    nào?"; "…, và Phó Bí thư … nào phát biểu tại hội nghị về Chỉ thị 13?" names its own."""
    return bool(one.places or FOLDED_PROVINCE.search(one.folded)) and not (
        two.places or FOLDED_PROVINCE.search(two.folded) or two.person or re.search(r"\d", two.folded))


def _of_the_same_event(one: Question, two: Question) -> bool:
    """Whether the second part is asked of the event the first names, naming no event, place, day, number or name of
    its own but a person, and not across the archive: "Ở hội nghị X (17/10), có bao nhiêu tập thể được khen thưởng, và
    ai chủ trì cùng Thượng tướng Y?" asks who chaired X."""
    own = [n for n in two.proper_nouns if not (two.person and fold(two.person) in fold(n)) and n not in _TITLE_WORDS]
    return bool(re.search(rf"(?<!\w){EVENT_NOUNS}(?!\w)", one.folded) or one.dates) and not (
        own or two.dates or two.places or two.codes or FOLDED_PROVINCE.search(two.folded) or re.search(r"\d", two.folded)
        or re.search(rf"(?<!\w)(?:{EVENT_NOUNS}|bai viet|bai bao|cac bai|nhung bai|ban tin)(?!\w)", two.folded)
        or ARCHIVE_CUE.search(two.folded))


def answer(
    question: str,
    *,
    store: Store | Path | str | None = None,
    settings: Settings | None = None,
    mode: str = "hybrid",
    filters: Filters | None = None,
) -> Answer:
    """Answer a Vietnamese question from the indexed articles, with numbered citations, or abstain."""
    settings = settings or Settings.from_env()
    if not isinstance(store, Store):
        store = open_store(store, settings)
    return Answerer(store, settings).answer(question, k=settings.answer_passages, mode=mode, filters=filters)
