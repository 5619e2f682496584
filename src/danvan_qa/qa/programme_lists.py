"""Programmes across the archive: "Những chương trình phối hợp nào … giai đoạn 2016-2021?", "Có
bao nhiêu hội nghị ký kết chương trình … giữa A và B?", "… có Bộ đội Biên phòng tham gia?".

The fact table's programmes are selected by the question's period, year, parties and whether it
asks for signed ones, grouped into programmes however their articles write them
(qa/programme_groups.py), and listed one row per programme with a row for every other article
naming it, each citing its sentence.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.abbreviations import spellings
from danvan_qa.ingest.dates import period_key
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.document_asks import CODE_WORDS, DAY_WRITTEN
from danvan_qa.qa.drafts import as_written
from danvan_qa.qa.levels import asked_level, left_out_level, level
from danvan_qa.qa.programme_groups import programme_groups
from danvan_qa.qa.programme_years import ENDS, bounds, of_year, start_year
from danvan_qa.qa.questions import plain_words
from danvan_qa.qa.sides import BETWEEN, JOINED, parties_match, sides
from danvan_qa.qa.records import rows_shown, SEVERAL, counts, WHO, YEAR, Evidence, Item, Listing, Statement, Strong, more_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Programme
    from danvan_qa.qa.questions import Question

OTHER_ARTICLES = 3  # other articles cited for one programme; more are counted, not listed
# "những chương trình … nào", "bao nhiêu (hội nghị) ký kết chương trình …", "có mấy chương trình", and the places
# that have them: "Những địa phương nào có chương trình phối hợp … giai đoạn 2016-2021?" (each row names its parties)
_PLACE_NOUNS = r"(?:dia phuong|tinh thanh pho|tinh thanh|tinh(?: (?:va|hay|hoac) thanh pho)?|noi)"  # "bao nhiêu tỉnh, thành phố"
_COUNTING_PLACES = rf"(?:co )?(?:bao nhieu|may) {_PLACE_NOUNS}"  # "Có mấy địa phương …": places, not programmes
_PLACES = rf"(?:(?:nhung|cac) {_PLACE_NOUNS} nao|{_COUNTING_PLACES})"
_SIGNINGS = r"(?:co (?:tin|bai) (?:ve|dua tin) )?(?:(?:le|hoi nghi)(?: (?:/|hoac|hay|va) (?:le|hoi nghi))* )?"  # "có tin về lễ/hội nghị"
# (not "trong các chương trình …: những hội nghị nào …", programmes as the scope of what another "những … nào" asks)
_PROGRAMMES = re.compile(r"(?<!\w)(?<!trong )(?:nhung|cac|bao nhieu|may)(?: (?:hoi nghi|le|buoi|lan)(?: ?/ ?(?:hoi nghi|le))?)?(?: ky ket)? chuong trinh"
                         # "… mà bài ghi rõ …"; "bao nhiêu số hiệu chương trình"
                         r"(?: (?!nhung |cac |bao nhieu |may )\S+){0,12} (?:nao|duoc|da|co|giua|o cap|ma(?= (?:cac )?bai))(?!\w)"
                         r"|(?<!\w)(?:bao nhieu|co may)(?: lan ky ket| so hieu)? chuong trinh(?!\w)"
                         rf"|^{_PLACES} (?:da )?(?:to chuc )?{_SIGNINGS}(?:co|ky(?: ket)?) chuong trinh(?!\w)"  # "Có mấy địa phương tổ chức ký …"
                         # "những đơn vị / cặp cơ quan nào đã ký kết (có) chương trình …": those programmes' parties
                         r"|(?<!\w)(?:nhung|cac) (?:(?:cap )?(?:don vi|co quan|ben|to chuc)|cap(?: \w+){1,10}?) nao (?:da )?(?:cung )?"
                         r"(?:ky(?: ket)?|co) chuong trinh(?!\w)"
                         # "Chương trình … giai đoạn X đã được ký vào những ngày nào?": one period's, signed by many
                         r"|^chuong trinh(?: \S+){0,12} (?:da )?(?:duoc )?ky(?: ket)? (?:vao )?(?:nhung|cac) ngay nao(?!\w)")
_PLACES_ASKED = re.compile(rf"{_PLACES}(?!\w)")
_PLACES_COUNTED = re.compile(rf"^{_COUNTING_PLACES}(?!\w)")
_SIGNS = re.compile(r"(?<!\w)ký(?!\w)", re.IGNORECASE)  # "ký", "ký kết" as written (not "kỳ")
_SIGNED = re.compile(r"(?<!\w)ky ket chuong trinh(?!\w)")  # "hội nghị ký kết chương trình …": signed ones
_MONTH = re.compile(r"(?<!\w)(?:vao|trong) thang (\d{1,2})(?![\d/-])")  # "ký vào tháng 1": of any year (folded)
_NUMBERED = re.compile(rf"(?<!\w){CODE_WORDS}(?!\w)")  # "những chương trình nào được nêu số hiệu"
# "(chỉ) giữa hai bên", "của ba bên" (folded): programmes of that many parties
_PARTIES_COUNTED = re.compile(r"(?<!\w)(?:giua|cua|co) (?P<n>hai|ba|bon|nam|[2-5]) (?:ben|co quan|don vi)(?!\w)")
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5}
# "X đã ký (kết) những chương trình phối hợp nào?": the programmes one body is a party to
_SIGNS_OR_RUNS = r"(?:ký kết|ký|tham gia|xây dựng|thực hiện|triển khai)"  # "đã ký, thực hiện những chương trình"
_SIGNED_BY = re.compile(rf"^(?:(?:trong )?năm \d{{4}},?\s+)?(.+?) (?:đã )?(?:cùng )?{_SIGNS_OR_RUNS}"
                        rf"(?:(?:,| và| hoặc) {_SIGNS_OR_RUNS})* (?:những|các) chương trình", re.IGNORECASE)
# "X (đã) cùng những cơ quan nào ký …", "X đã ký chương trình … với những lực lượng nào": X's partners
_KINDS = r"(?:co quan|don vi|luc luong|ben|to chuc)(?: (?:co quan|don vi|luc luong|ben|to chuc))*"  # "cơ quan, tổ chức"
_PARTNERS = re.compile(rf"^(?P<body>.+?) (?:da )?(?:truc tiep )?(?:cung (?:nhung|cac) {_KINDS} nao ky"
                       # "… ký / có chương trình phối hợp với những cơ quan, tổ chức (cấp Trung ương) nào"
                       rf"|(?:ky(?: ket)?|co(?= chuong trinh))(?: \w+){{0,10}} (?:voi|cung) (?:nhung|cac) {_KINDS}"
                       r"(?: (?:o )?(?P<level>cap (?:trung uong|tinh|huyen|xa|co so)))? nao)(?!\w)"
                       # "Những đơn vị nào đã ký chương trình phối hợp với X (về …)?"
                       r"|^(?:nhung|cac) (?:co quan|don vi|luc luong|ben|to chuc|tinh|dia phuong) nao (?:da )?(?:cung )?"
                       r"ky(?: ket)?(?: \w+){0,10}? (?:voi|cung) (?P<after>.+?)(?: (?:ve|trong|giai doan|nam) .*)?$"
                       # "Cơ quan công an nào là một bên ký … với X?": X's partners of one side
                       r"|^(?:co quan|don vi|luc luong) (?P<kind_side>\w+(?: \w+)?) nao (?:la (?:mot )?ben |da |cung )*"
                       r"ky(?: ket)?(?: \w+){0,10}? (?:voi|cung) (?P<of>.+?)(?: (?:ve|trong|giai doan|nam) .*)?$"
                       # "Ban Dân vận (cấp tỉnh) những tỉnh nào / ở đâu đã ký … với X?": X's partners of one side
                       r"|^(?P<side>.+?)(?: cap (?:tinh|huyen|xa)(?: thanh pho)?)? (?:(?:o )?(?:nhung|cac) (?:tinh|dia phuong|"
                       r"noi|tinh thanh|huyen) nao|o dau) (?:da )?(?:cung )?(?:ky|xay dung)(?: ket)?(?: \w+){0,14}? "
                       r"(?:voi|cung) (?P<partner>.+?)(?: (?:ve|trong|giai doan|nam) .*)?$"
                       # "Ban Dân vận nào có chương trình (hay kế hoạch) phối hợp với X?": X's partners of the side named
                       r"|^(?:nhung |cac )?(?P<named_side>(?:ban|cong an|hoi|uy ban|doan|bo chi huy)(?: \w+){0,5}?) nao (?:da |cung )*"
                       r"(?:co|ky(?: ket)?)(?: \w+){0,3}? (?:chuong trinh|ke hoach)(?: \w+){0,6}? (?:voi|cung) "
                       r"(?P<with>.+?)(?: (?:ve|trong|giai doan|nam(?= \d)) .*)?$")  # "… tỉnh Sơn Nam": no year
_LEVEL = re.compile(r"(?<!\w)(?:trung uong|tw|tinh|thanh pho|tp|huyen|xa)(?!\w)")  # a party's level, in its name
_FRAMED = re.compile(r"^(?:theo|trong) (?:cac |nhung )?bai(?: viet| bao)? ")
# which place's programme or signing, the board or the police of which place cooperated, or a list of signings, asked at
# a level: its programmes (folded)
_AT_LEVEL = re.compile(r"(?<!\w)(?:noi|don vi|dia phuong) nao(?!\w)(?=.*(?<!\w)(?:chuong trinh|ky ket)(?!\w))"
                       r"|(?<!\w)(?:ban dan van|cong an)(?: \w+){0,2}? (?:noi|don vi|dia phuong) nao(?!\w)(?=.*(?<!\w)phoi hop)"
                       r"|(?<!\w)danh sach (?:cac )?(?:buoi |le |hoi nghi )?ky ket(?!\w)")
# … of the mass-mobilisation board and the police only, at a local level, each one's taken in besides ("tính cả"), not
# of a model or an activity
_OTHER_PARTNERS = re.compile(r"(?<!\w)(?:quan su|bien phong|mat tran|mttq|doan|hoi \w+|tinh ca|ke ca|ca cap)(?!\w)"
                             r"|^(?!.*(?<!\w)chuong trinh(?!\w)).*(?<!\w)(?:mo hinh|hoat dong)(?!\w)")
# "chương trình (phối hợp) nào …" asked of a period alone: many bodies sign for one period
_WHICH_OF_PERIOD = re.compile(r"(?<!\w)chuong trinh(?: phoi hop)? nao(?: (?:co|thuoc|trong|cho|ky|duoc|thuc hien))?(?!\w)")



def asks_programmes(q: "Question", across: bool) -> bool:
    """Whether the question asks for programmes of the whole archive, by period, year, parties or
    level (not one named by number, nor people: "Ai phát biểu tại các hội nghị ký kết chương trình
    …"), or `across` articles."""
    folded = q.folded
    if _WHICH_OF_PERIOD.search(folded) and (q.periods or ENDS.search(folded)) and not (q.places or q.person or q.dates or q.codes
                                                               or BETWEEN.search(q.restored) or WHO.search(folded)):
        return True  # "chương trình phối hợp nào có giai đoạn 2023-2033 / kết thúc năm 2020?": every one of that period
    named = [p for p in q.places if len(p.split()) > 1]  # a district named ("huyện Bắc Hà"), not "tp thuộc tỉnh"
    if asked_level(folded) in ("huyen", "xa") and _AT_LEVEL.search(folded) and not _OTHER_PARTNERS.search(folded) \
            and not (q.person or named or q.dates or q.codes or WHO.search(folded) or q.periods):
        return True  # "Ở cấp huyện, Ban Dân vận nơi nào có phối hợp với Công an …?": the programmes of that level
    return bool(not q.codes and SEVERAL.search(folded) and _PROGRAMMES.search(folded) and not WHO.search(folded)
                and (q.periods or YEAR.search(q.text) or BETWEEN.search(q.restored) or JOINED.search(q.restored)
                     or _SIGNED_BY.search(q.restored) or asked_level(folded) or _NUMBERED.search(folded)
                     or _MONTH.search(folded) or across))


def reports_signings(q: "Question") -> bool:
    """Whether a question asking for articles asks for those reporting a signing of a period's
    programmes ("Bao nhiêu bài đưa tin lễ ký kết chương trình … giai đoạn 2016-2021?"): the
    programmes signed, each with its reports, answer it better than the articles' words."""
    return bool(q.periods and _SIGNED.search(q.folded))


def programmes(q: "Question", store: "Store", keep: Callable[[str], bool], asked: list[list[str]] | None = None,
               local: bool = False, reports: bool = False) -> Listing | None:
    """The programmes of the archive that the question's period, year, parties (`asked`, else read by
    `sides`), number of parties ("chỉ giữa hai bên"), level and signing select, once each (the same number,
    or the same period and parties, in two articles is one); `local`: not the central ones; `reports`: the
    articles reporting them are counted ("Bao nhiêu bài đưa tin lễ ký kết …"), not the programmes."""
    docs = store.data.documents
    periods = {period_key(p) for p in q.periods}
    years = [y for y in YEAR.findall(q.text) if not any(y in p for p in q.periods)]
    ends = ENDS.findall(q.folded)  # "(giai đoạn) kéo dài đến năm 2026": the period's last year
    bound, bounding = bounds(q.folded)
    signed_asked = bool(_SIGNS.search(q.restored))  # "ký trước năm 2018": by the year of signing
    years = [y for y in years if y not in ends and y not in bounding]
    asked = sides(q) if asked is None else asked
    numbered = bool(_NUMBERED.search(q.folded))  # "được nêu (đầy đủ) số hiệu"
    # "đầy đủ số hiệu", "số hiệu (văn bản / đầy đủ)", "số + ký hiệu": the code itself, not an article's "số 05" for it
    coded = bool(re.search(r"(?<!\w)(?:day du (?:so|ky) hieu|(?:so|ky) hieu (?:van ban|day du)|so (?:\+|va) ky hieu)(?!\w)", q.folded))
    # "ký kết vào những ngày nào", "nêu kèm cả số hiệu lẫn ngày ký": those whose day of signing is written
    dated = bool(re.search(rf"(?<!\w)(?:ngay nao(?!\w)|{DAY_WRITTEN})", q.folded))
    months = {int(m) for m in _MONTH.findall(q.folded)}
    counted = _PARTIES_COUNTED.search(q.folded)
    parties = (_NUMBER_WORDS.get(counted["n"]) or int(counted["n"])) if counted else None
    signing = bool(_SIGNED.search(q.folded))  # "hội nghị ký kết chương trình": a sentence that reports it signed
    signer = _SIGNED_BY.search(q.restored) if not asked else None
    forms = tuple(spellings(fold(signer.group(1).lower()))) if signer else ()  # one body, word for word
    at, out = asked_level(q.folded), left_out_level(q.folded)  # "ở cấp huyện", "không tính cấp Trung ương"
    # "Những địa phương nào có chương trình …", "ở cấp địa phương": not the central ones
    # (… "ở những nơi nào", "công an địa phương")
    places = local or bool(_PLACES_ASKED.match(q.folded) or re.search(
        rf"(?<!\w)(?:(?:o|tai) (?:{_PLACES}|(?:cac )?dia phuong)|(?:cap|cong an|ban dan van) dia phuong)(?!\w)", q.folded))
    chosen = []
    matched: dict[tuple[str, ...], bool] = {}  # each set of parties read once: an archive repeats a few hundred
    for prog in filter(lambda p: keep(p.doc_id), store.stored_facts.programmes):
        span = period_key(prog.period or "")
        if (periods and span not in periods) or (numbered and not prog.number) or (dated and not prog.date_text) \
                or (coded and (prog.number or "").isdigit()):
            continue
        if years and not any(of_year(prog, span, y, signed_asked) for y in years):
            continue
        if months and not (prog.date and int(prog.date[5:7]) in months) or parties and len(prog.parties) != parties:
            continue
        if ends and not any(span.endswith(f"-{y}") for y in ends):
            continue
        if bound and not bound[0] <= (start_year(prog, signed_asked) or -1) <= bound[1]:
            continue
        if (held := matched.get(prog.parties)) is None:
            held = matched[prog.parties] = parties_match(asked, prog.parties)
        if not held:
            continue
        if forms and not any(_names(forms, party) for party in prog.parties):
            continue
        if at and level(prog.parties) != at or places and level(prog.parties) == "trung uong" or out and level(prog.parties) == out:
            continue
        if signing and not (prog.date_text and _SIGNS.search(docs[prog.doc_id].text, prog.start, prog.end)):
            continue
        chosen.append(prog)
    return _listed(chosen, q, store, reports) if chosen else None


def asks_partners(q: "Question") -> str | None:
    """The body whose partners the question asks for ("Bộ Chỉ huy Quân sự đã cùng những cơ quan
    nào ký chương trình …", "Những đơn vị nào đã ký chương trình phối hợp với X?"), folded, or None."""
    m = _partners_asked(q)
    return (m["body"] or m["after"] or m["partner"] or m["of"] or m["with"]).removeprefix("co ") if m else None


def _partners_asked(q: "Question") -> re.Match | None:
    asked = plain_words(q.restored)  # not an aside in brackets
    m = _PARTNERS.search(_FRAMED.sub("", asked))  # nor "Theo các bài viết, …"
    return m if m and not q.codes and not WHO.search(q.folded) else None


@functools.lru_cache(maxsize=65536)
def _names(forms: tuple[str, ...], party: str) -> bool:
    """Whether a party's name holds a body in one of its folded `forms` (as written, or
    abbreviated either way), word for word ("bo cong an" is not "Công an huyện Bố Sơn"). Cached: every
    programme of the archive is read per list, and its parties repeat a few hundred names."""
    return any(f" {form} " in written for written in _padded(party) for form in forms)


# a board of two fields merged ("ban tuyen giao va dan van thanh uy x"; folded)
_MERGED = re.compile(r"^ban (?P<one>tuyen giao|dan van) va (?P<two>tuyen giao|dan van)(?P<rest>(?: .*)?)$")


@functools.lru_cache(maxsize=65536)
def _padded(party: str) -> tuple[str, ...]:
    """A party's folded name between spaces, as written, written out ("UBMTTQ" is "Ủy ban Mặt trận
    Tổ quốc"), without its level ("Ủy ban Trung ương MTTQ" is an "Ủy ban MTTQ") and, for a board of two
    fields, as each ("Ban Tuyên giáo và Dân vận Thành ủy" is a "Ban Dân vận Thành ủy"); read once per
    name (an archive repeats a few hundred)."""
    written = fold(party.lower())
    longest = _longest(party)
    merged = _MERGED.match(written)  # "Ban Tuyên giáo và Dân vận Thành ủy X" is each board of X too
    boards = tuple(f" ban {merged[n]}{merged['rest']} " for n in ("one", "two")) if merged else ()
    return (f" {written} ", f" {longest} ", f" {' '.join(_LEVEL.sub(' ', longest).split())} ", *boards)


@functools.lru_cache(maxsize=65536)
def _longest(party: str) -> str:
    """A party's longest spelling: "Ban Dân vận TW" and "Ban Dân vận Trung ương" are one."""
    return max(spellings(fold(party.lower())), key=len)


def _bodies(body: str) -> list[str]:
    """The bodies a folded phrase names: "công an các tỉnh, thành phố trực thuộc Trung ương" is
    "công an tỉnh" and "công an thành phố" (a level and the city of the same level)."""
    parts = [part for part in re.split(r"(?:^|\s)(?:hoac|hay)(?:\s|$)", body) if part.strip()]
    if len(parts) > 1:  # "Bộ Chỉ huy Quân sự hoặc Bộ đội Biên phòng"
        return [one for part in parts for one in _bodies(part.strip())]
    body = parts[0].strip() if parts else body  # "… với Công an tỉnh hoặc": the body alone
    body = re.sub(r"(?<!\w)cac |(?: truc thuoc trung uong| tren ca nuoc)$", "", body)
    both = re.fullmatch(r"(.+?) (tinh|huyen) (thanh pho|tp|thi xa|quan)", body)
    return [f"{both.group(1)} {both.group(2)}", f"{both.group(1)} {both.group(3)}"] if both else [body]


def partners(body: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The other parties of every programme `body` is a party to, newest first, each row citing
    the sentence naming them; counted once each however written."""
    docs = store.data.documents
    found: set[str] = set()
    rows: list[tuple["Programme", list[str]]] = []
    # a force ("Bộ đội Biên phòng", "lực lượng công an") is any of its bodies ("BCH Biên phòng", "Công an tỉnh")
    bodies = [(*spellings(one), re.sub(r"^(?:luc luong|bo doi) ", "", one)) for one in _bodies(body)]
    asked = _partners_asked(q)
    sided = asked and (asked["side"] or asked["kind_side"] or asked["named_side"])
    at = asked_level(asked["level"]) if asked and asked["level"] else None  # "cấp Trung ương": partners of that level
    side = tuple(spellings(sided)) if sided else None  # "Ban Dân vận những tỉnh nào …", "cơ quan công an nào …"
    written: dict[int, str] = {}  # each body as an article writes it, shortest first ("Công an tỉnh")
    for prog in filter(lambda p: keep(p.doc_id), store.stored_facts.programmes):
        ours = [p for p in prog.parties if any(_names(forms, p) for forms in bodies)]
        others = [p for p in prog.parties if p not in ours]
        others = others if side is None else [p for p in others if _names(side, p)]  # of the side asked only
        others = [p for p in others if not at or level((p,)) == at]
        if ours and others:
            rows.append((prog, others))
            for n, forms in enumerate(bodies):
                for party in filter(lambda p: _names(forms, p), ours):
                    written[n] = min(written.get(n, party), party, key=len)
            found |= {_counted_as(other, docs[prog.doc_id].place) for other in others}
    if not rows:
        return None
    shown = " / ".join(written[n] for n in sorted(written))
    rows.sort(key=lambda row: row[0].date or docs[row[0].doc_id].date or "", reverse=True)
    lines = [Statement((f"Các bài viết nêu {len(found)} cơ quan, đơn vị đã ký với ", Strong(shown), ":"),)]
    items = []
    for prog, others in rows[:rows_shown()]:
        start, end = prog.parties_span or (prog.start, prog.end)
        ev = Evidence.of(docs[prog.doc_id], start, end)
        shown = as_written(docs[prog.doc_id].text[start:end], others)  # of which province: the article's place
        lines.append(Statement((Strong(shown), _place_of(docs[prog.doc_id].place, shown), f" — {prog.name}"), ev,
                               item=True))
        items += [Item(other, None, None, ("ký",), ev) for other in others]
    lines += more_rows(len(rows))
    return Listing(tuple(lines), tuple(items), len(found), str(len(found)) if counts(q.folded, q.restored) else items[0].name)


def _listed(chosen: list["Programme"], q: "Question", store: "Store", reports: bool = False) -> Listing:
    """One row per programme however many articles name it: its earliest mention with a signing
    date, then a row for each of up to OTHER_ARTICLES other articles naming it (how many more
    is said), so that the articles are cited and one much-cited programme does not fill the list."""
    docs = store.data.documents

    def first(p: "Programme") -> tuple[bool, str]:
        return p.date is None, p.date or docs[p.doc_id].date or ""

    groups = sorted((sorted(g, key=first) for g in programme_groups(chosen, docs)), key=lambda g: first(g[0])[1])
    when = bool(re.search(r"(?<!\w)(?:ngay nao|khi nao|thoi gian nao)(?!\w)", q.folded))
    # "Có mấy địa phương …": the places, by their articles' place (or their parties), not the programmes
    places = {docs[g[0].doc_id].place or " ".join(g[0].parties) for g in groups} if _PLACES_COUNTED.match(q.folded) else set()
    reporting = {p.doc_id for p in chosen} if reports else set()  # "bao nhiêu bài đưa tin …": the articles
    lines = [Statement((f"{len(reporting)} bài viết đưa tin " if reporting else "Các bài viết nêu ", f"{len(groups)} chương trình"
                        + (f", ở {len(places)} địa phương:" if places else ":"),))]
    items, rows = [], 0
    for group in groups:
        if rows >= rows_shown():
            break
        prog = group[0]
        ev = Evidence.of(docs[prog.doc_id], prog.start, prog.end)
        first_date = when and prog.date_text  # "… ký kết vào những ngày nào?": each row opens on its date
        between = as_written(_parties_sentence(store, prog), prog.parties) if prog.parties else ""
        if re.search(r"(?<!\w)(?:phối hợp|cùng)(?!\w)", between):  # "A phối hợp với B": "giữa A và B"
            between = f"{', '.join(prog.parties[:-1])} và {prog.parties[-1]}"
        # its number, unless its name already says it ("Chương trình phối hợp số 09")
        unnamed = prog.number and not re.search(rf"(?<!\w){re.escape(prog.number)}(?![\w/-])", prog.name)
        details = ", ".join(filter(None, (
            f"số {prog.number}" if unnamed else None, f"giai đoạn {prog.period}" if prog.period else None,
            f"giữa {between}{_place_of(docs[prog.doc_id].place, between)}" if prog.parties else None,
            f"ký ngày {prog.date_text}" if prog.date_text and not first_date else None)))
        others: dict[str, "Programme"] = {}
        for p in (p for p in group[1:] if p.doc_id != prog.doc_id):
            others.setdefault(p.doc_id, p)
        lines.append(Statement((*(("Ngày ", Strong(prog.date_text), " — ") if first_date else ()), Strong(prog.name),
                                f" ({details})" if details else ""), ev, item=True))
        lines += _date_cited(prog, store)
        cited = list(others.values())[:OTHER_ARTICLES]
        for n, p in enumerate(cited, start=1):
            more = f" và {len(others) - len(cited)} bài khác" if n == len(cited) and len(others) > len(cited) else ""
            lines.append(Statement(("cũng nêu trong bài ", Strong(docs[p.doc_id].title), more),
                                   Evidence.of(docs[p.doc_id], p.start, p.end), item=True, under=True))  # the same row
            lines += _date_cited(p, store) if when else []
        items.append(Item(prog.name, None, None, ("ký",) if prog.date_text else (), ev))
        rows += 1 + len(cited)
    if len(groups) > len(items):
        lines.append(Statement((f"Còn {len(groups) - len(items)} chương trình nữa không hiện ở đây.",)))
    return Listing(tuple(lines), tuple(items), len(groups),
                   str(len(reporting or places or groups)) if counts(q.folded, q.restored) else groups[0][0].name)


def _date_cited(prog: "Programme", store: "Store") -> list[Statement]:
    """The signing date under its row, cited from the sentence it was read from, where that is not
    the sentence the row cites (a title names the programme, the lead gives the day): every date
    an answer shows is in one of its quotes."""
    if not prog.date_text or prog.date_span is None or prog.start <= prog.date_span[0] < prog.end:
        return []
    return [Statement(("ngày ký: ", Strong(prog.date_text)),
                      Evidence.of(store.data.documents[prog.doc_id], *prog.date_span), item=True, under=True)]


@functools.lru_cache(maxsize=65536)
def _counted_as(party: str, place: str | None) -> str:
    """A party as counted: with its article's place when it names none ("Công an tỉnh" of Tây Giang is
    "Công an tỉnh Tây Giang", however each article writes it). Cached as _names is."""
    unnamed = _unnamed_place(place, party)
    return f"{_longest(party)} {fold(unnamed.split(',')[0].lower())}" if unnamed else _longest(party)


def _place_of(place: str | None, bodies: str) -> str:
    """" (Tây Giang)" where bodies are written without their article's place ("Ban Dân vận Tỉnh ủy")."""
    unnamed = _unnamed_place(place, bodies)
    return f" ({unnamed})" if unnamed else ""


def _unnamed_place(place: str | None, bodies: str) -> str | None:
    """The article's place when the bodies do not name it; None for central bodies ("Ban Dân vận Trung
    ương"), and where they name it ("Công an huyện Đông Khê")."""
    if not place:
        return None
    named = [re.sub(r"^(?:tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong) ", "", fold(part.lower()).strip())
             for part in place.split(",")]  # "TP Nam Sơn, Bắc Hà": either names it
    held = " " + " ".join(re.findall(r"\w+", fold(bodies.lower()))) + " "
    return None if any(f" {n} " in held for n in named if n) or re.search(r" (?:trung uong|tw|bo \w+ \w+) ", held) \
        and "tinh" not in held else place


def _parties_sentence(store: "Store", prog: "Programme") -> str:
    start, end = prog.parties_span or (prog.start, prog.end)
    return store.data.documents[prog.doc_id].text[start:end]
