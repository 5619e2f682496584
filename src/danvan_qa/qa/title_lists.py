"""People across the archive by the title they hold, and the rows that list people.

"Những ai là Thứ trưởng Bộ Công an được nêu tên?", "bao nhiêu Giám đốc Công an tỉnh", "Phó trưởng ban Dân vận Thành
ủy là những ai?" (of no event): one row per person whose role (or rank) holds the title asked, once each, newest first,
every article cited; titles found in one folded text of every role (`roles.Roles`), not by folding each person per question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.abbreviations import spellings, written_out
from danvan_qa.ingest.lexicon import RANKS
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import Question, plain_words
from danvan_qa.qa.roles import TITLES, Roles, forms, role_index
from danvan_qa.qa.records import (ARCHIVE_CUE, EVENT_NOUNS, FOLDED_PROVINCES, rows_shown, WHO, Evidence, Item, Listing,
                                  Statement, Strong, YEAR, counts, more_rows, under_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person

# The words an alternative of a title may take after a comma or "hoặc": "…Tỉnh ủy, Thành ủy", "…tỉnh, thành phố"
_ALTERNATIVE = frozenset("tinh thanh pho tp huyen quan thi xa phuong uy trung uong tw dang bo doan".split())
_BODY_HEADS = frozenset("ban bo doan phong cuc cong vu khoa tram".split())  # "Trưởng ban …", not "trưởng hợp"
_PEOPLE = r"(?:nguoi|vi|dong chi|can bo|lanh dao|si quan)"
# a body named before the title its people hold (folded, abbreviated too), and the titles so asked
_BODY = r"(?:ban|bo|cuc|so|uy ban|cong an|bdv|bca|ubmttq|mttq)(?: \w+){0,5}?"
_HEAD = r"(?:pho )?(?:truong ban|thu truong|bo truong|giam doc|chu tich|cuc truong)(?: thuong truc)?"
# "(Các bài có nhắc tới) <title> là những ai / Những ai là <title> / Liệt kê các <title> …": who holds it, of no one event
_NAMING = r"(?:(?:trong )?(?:(?:cac|nhung) )?bai(?: viet| bao)?(?: co)? (?:nhac|neu|ke|de cap)(?: ten)?(?: toi| den)? )?"
_HOLDERS = re.compile(rf"^{_NAMING}(?:nhung (?:ai|{_PEOPLE} nao) (?:(?:duoc (?:bai (?:viet|bao) )?(?:neu|nhac(?: den| toi)?|ghi|gioi thieu|goi) )?"
                      r"(?:la|voi chuc (?:danh|vu)|voi (?:cap |quan )?ham)"
                      r"|(?:dang )?giu chuc(?: vu| danh)?|co chuc danh) (?P<after>.+)"  # "được giới thiệu với chức danh …"
                      r"|(?:(?:de nghi|xin|hay) )?(?:liet ke|ke ten|thong ke|tong hop) (?:cac|nhung|tat ca(?: cac)?)(?: (?:dong chi|vi|nguoi))?"
                      r" (?P<listed>.+)"  # "Liệt kê các <title> đã …", "Đề nghị thống kê các đồng chí <title> …"
                      # "(Luận văn của tôi) cần danh sách <title> …", "cho mình xin danh sách các đồng chí <title> …"
                      r"|(?:\w+ ){0,8}?(?:can|xin|lap|gui) (?:\w+ ){0,2}?danh sach (?:cac |nhung )?(?:(?:dong chi|vi|nguoi) )?(?P<roster>.+)"
                      rf"|nhung {_PEOPLE} nao (?P<bare>.+)"  # "Những đồng chí nào Giám đốc …": the request as read
                      # "ai là <title> (trong mấy bài đó), kể hết giúp mình": every holder asked
                      r"|ai la (?P<every>.+?)(?: trong (?:cac|nhung|may) bai(?: viet| bao)?(?: nay| do)?)?(?: \w)?"
                      r" (?:ke|liet ke|neu) (?:het|du|tat ca)(?: .*)?"
                      rf"|(?:nhung )?(?:ai|nguoi nao|{_PEOPLE}) (?:mang|co|duoc phong) (?:cap |quan )?ham (?P<rank>.+)"  # many hold a rank
                      # "Mấy người được nêu với cấp hàm Đại tá?", "Có bao nhiêu người có tên giữ chức Chủ tịch?"
                      rf"|(?:co )?(?:bao nhieu|may) {_PEOPLE}(?: \w+){{0,6}}? (?:(?:cap |quan )?ham (?P<ranked>.+)"
                      r"|(?:(?:(?:giu|dam nhiem) )?chuc(?: vu| danh)?|la) (?P<held>.+))"  # "… với chức (danh) X", "… là X"
                      r"|(?P<which>.+?) nao (?:da )?(?:duoc|co) (?:nhac|neu|ke)(?: ten| den| toi)?"
                      r"(?: trong (?:(?:tat ca )?(?:cac|nhung) bai(?: viet| bao)?|kho(?: bai(?: viet| bao)?)?))?"  # "trong kho bài"
                      r"|(?P<before>.+?) (?:la|gom) nhung (?:ai|nguoi nao)"  # or "… được nêu tên là ai": whoever, of any article
                      r"|(?P<named>.+? (?:duoc neu ten|trong (?:cac|nhung) bai(?: viet| bao)?)) la ai"
                      r"|(?:co )?nhung (?P<some>.+?) nao"  # "Có những đại tướng nào?"
                      rf"|{_BODY} co (?:nhung (?P<owned>.+?) nao|(?:bao nhieu|may) (?P<counted>{_HEAD})))$")  # "Bộ X có những / bao nhiêu …"


def asks_holders(q: "Question") -> bool:
    """Whether the question asks who holds a title it opens or ends with ("Phó trưởng ban Dân vận Thành ủy (Nam Sơn,
    Tây Giang) là những ai?", "Liệt kê các Phó Bí thư … đã dự các hội nghị …", "ai mang hàm Đại tướng?"), naming no
    person or day: then every article's holders answer it, as when it says "trong các bài"."""
    # "Tính cả chức X, có mấy …" (held), "Ngoài trưởng ban, những ai …" (set aside: excluded()): the question after it
    said = fold(re.sub(r"^(?:(?:tính|kể|bao gồm) cả|ngoài|trừ|không (?:tính|kể)|(?:tính|đếm) (?:trên|trong|theo)|trong kho)"
                       r" [^,]+,|^trong kho,", "", q.restored.lower())).strip().removeprefix("con ")  # "…, còn những ai …"
    found = _HOLDERS.match(" ".join(re.sub(r"[^\w ]", " ", said).split()))
    rank = found and (found["rank"] or found["ranked"])
    if not found or q.person or q.dates or rank and q.places or found["every"] and (YEAR.search(q.folded) or q.places or _AT.search(
            found["every"])):  # "ai mang hàm Đại tá ở tỉnh X": X's event; "ai là <title> năm 2022 / ở X, kể hết": its
        return False
    phrase = found["after"] or found["listed"] or found["roster"] or found["bare"] or found["every"] or found["before"] or found["named"] or rank or found["which"] or found["held"] or \
        found["some"] or found["owned"] or found["counted"]
    phrase = re.sub(r"^(?:cac|nhung) ", "", phrase)  # "Các Phó trưởng Ban … là những ai?"
    said = found.group(0) if found["ranked"] or found["held"] else phrase  # a count's people before the title: one event?
    one_event = re.search(rf"(?<!\w)(?<!cac )(?<!nhung ){EVENT_NOUNS}(?!\w)"  # "các hội nghị" are many
                          r"|(?<!\w)(?:tham du|du)(?! cac| nhung)(?!\w)", said)  # "Đại biểu tham dự gồm những ai"
    head = next((t for t in TITLES if re.match(rf"{t}(?!\w)", phrase.removeprefix("pho "))), None)
    # "trưởng hợp", "đại biểu tham dự" are no title: a head word alone ("trưởng") must name its body
    after = phrase.removeprefix("pho ")[len(head or ""):].split()[:1]
    return bool(head) and not one_event and (" " in head or after[:1] and after[0] in _BODY_HEADS)


def newest(found: dict[str, dict[str, "Person"]], store: "Store") -> list["Person"]:
    """The mentions of people found (name -> article -> mention), newest article first."""
    docs = store.data.documents
    return sorted((p for by_doc in found.values() for p in by_doc.values()), key=lambda p: docs[p.doc_id].date or "",
                  reverse=True)


def people_rows(heading: tuple[str, ...], rows: list["Person"], counted: int, q: "Question",
                store: "Store") -> Listing:
    """People listed a row each, in the order given (rank, name, role, the article's title), citing
    the sentence naming them, with the other articles naming them cited under that row (UNDER_SHOWN
    of them, then how many more): a person is one row however many name them. The short answer is
    how many were counted, or the first one's name."""
    docs = store.data.documents
    by_person: dict[str, list["Person"]] = {}
    for p in rows:
        by_person.setdefault(fold(p.name), []).append(p)
    lines, items = [Statement(heading)], []
    for first, *others in list(by_person.values())[:rows_shown()]:
        ev = person_evidence(store, first)
        lines.append(Statement((f"{first.rank} " if first.rank else "", Strong(first.name),
                                f" — {first.role}" if first.role else "", f" ({docs[first.doc_id].title})"), ev, item=True))
        items.append(Item(first.name, first.role, first.rank, first.acts, ev))
        lines += under_rows(others, lambda p: Statement((f"{p.role} " if p.role else "", f"({docs[p.doc_id].title})"),
                                                        person_evidence(store, p), item=True, under=True))
    lines += more_rows(len(by_person))
    return Listing(tuple(lines), tuple(items), counted, str(counted) if counts(q.folded, q.restored) else rows[0].name)


def person_evidence(store: "Store", p: "Person") -> Evidence:
    return Evidence.of(store.data.documents[p.doc_id], p.start, p.end)


def title_phrases(q: "Question", store: "Store") -> list[str]:
    """The longest run of the question's words, opening with a title word (or "phó" and one),
    that some person's role or rank holds: "thu truong bo cong an", "pho truong ban dan van trung
    uong", "dai tuong"; with the alternatives the question writes after it, whose words take the
    place of the title's last ones: "Trưởng Ban Dân vận tỉnh ủy, thành ủy", "Giám đốc Công an
    tỉnh, thành phố", "… Tỉnh ủy hoặc Thành ủy"; a whole title after "hoặc" ("Giám đốc Công an tỉnh hoặc
    Giám đốc Công an thành phố"), a title cut short before it taking the other's body (_with_body); and
    a title in brackets beside it, another way of writing it ("Ủy viên Trung ương Đảng (Ủy viên Ban
    Chấp hành Trung ương Đảng)"); "(kể cả / tính cả …)" widens the title before it, and is none; "cấp tỉnh ủy" is "tỉnh ủy"."""
    text = EXCLUDED.sub(" ", said(q))  # "(trừ …)", "Ngoài X ra, …", "…, không tính X": set aside (excluded())
    text = _ranks_written_out(re.sub(r"(?<=[a-z])/(?=[a-z])", " hoac ", re.sub(r"(?<=\w) cap (?=(?:tinh|thanh|huyen|quan) uy(?!\w))", " ", text)))  # "X/Y": either
    if body := _BODY_FIRST.match(text):  # "Ban Dân vận TW có bao nhiêu phó trưởng ban": "phó trưởng ban Dân vận TW"
        written = fold(written_out(body["body"])).lower()  # "BDV TW" as roles write it: "ban dan van trung uong"
        head, named = body["head"], written.removeprefix("ban ") if body["head"].endswith(" ban") else written
        text = f"{text[:body.start('body')]}{body['asked']} {head} {named}{text[body.end():]}"
    found: list[str] = []
    others = [b for b in re.findall(r"\(([^)]*)\)", text) if not re.match(r"\s*(?:ke ca|tinh ca|bao gom|gom)(?!\w)", b)]
    roles = role_index(store)
    for segment in (re.sub(r"\([^)]*\)", " ", text), *others):  # "(kể cả …)" qualifies the title before it
        # whole ("… Tỉnh ủy hoặc Thành ủy"), then each side of "hoặc / hay" ("Giám đốc CA tỉnh hoặc Giám đốc CA TP")
        for piece in (segment, *re.split(r"(?<!\w)(?:hoac|hay)(?!\w)", segment)):
            found += [t for t in _titles_in(piece.split(), roles) if t not in found]
    return list(dict.fromkeys(whole for t in found for whole in _with_body(t, found)))


# "<body>(:) có bao nhiêu / những <title>", no body after the title
_BODY_FIRST = re.compile(rf"^(?P<body>{_BODY}):? (?P<asked>co (?:bao nhieu|may|nhung)(?: vi| nguoi| ong| dong chi"
                         r"| doi)?) "
                         rf"(?P<head>{_HEAD})"  # "có mấy đời Trưởng ban": its heads, one after another
                         r"(?=\s*(?:\(|\?|$)|\s+(?:nao|duoc|la|trong|co|da)(?!\w))")
# "ở / tại <a place>"; what a question sets aside: "(không tính / trừ …)", "Ngoài các X ra, …", "…, không kể X" (folded)
_AT = re.compile(r"(?<!\w)(?:o|tai) \w")
EXCLUDED = re.compile(r"\((?:khong tinh|khong ke|khong phai|tru|ngoai tru|ngoai)(?!\w)(?P<aside>[^)]*)\)"
                       r"|^\W*(?:ngoai|tru|khong tinh|khong ke)\s+(?P<first>[^,]+?)(?:\s+ra)?\s*,"
                       r"|[,?]\s*(?:khong tinh|khong ke|tru|ngoai tru)\s+(?P<last>[^,?]+)")


def set_aside(q: "Question") -> "Question":
    """Without the person it sets aside when it asks a title's holders ("Ngoài đồng chí X ra, còn những ai là …?"), of no
    year or place: others, X no row (by_title); others at X's event ("Ngoài X, những ai dự …?", a follow-up) stay X's."""
    asides = " ".join(m.group(0) for m in EXCLUDED.finditer(said(q)))
    aside = q.person and re.search(rf"(?<!\w){re.escape(fold(q.person.lower()))}(?!\w)", asides) and not (
        YEAR.search(q.folded) or q.places or _AT.search(said(q)))
    return others if aside and asks_holders(others := replace(q, person=None)) else q


def said(q: "Question") -> str:
    """The question folded, "Bộ CA" read as "Bộ Công an" (in capitals, not "cá")."""
    return fold(re.sub(r"(?<!\w)(?<!\w[/-])CA(?!\w)", "Công an", q.restored))


def excluded(q: "Question", store: "Store") -> list[str]:
    """The titles a question sets aside ("Ngoài các thứ trưởng Bộ Công an ra, còn mấy người mang hàm
    trung tướng …"): their holders are no rows of its list."""
    roles = role_index(store)
    asides = (next(filter(None, m.groups())).split() for m in EXCLUDED.finditer(said(q)))
    return [t for aside in asides if "khac" not in aside for t in _titles_in(aside, roles)]  # "… bộ khác": the others


def _with_body(title: str, found: list[str]) -> list[str]:
    """A title as asked: one that names no body takes the body another title of the question names
    after the same head ("Chủ tịch hoặc Phó Chủ tịch UBND tỉnh", "Trưởng hoặc Phó Trưởng Ban Dân vận …");
    a bare "trưởng" or "chánh" that takes none is no title ("các trường hợp" folds to "cac truong hop")."""
    head = title.removeprefix("pho ")
    words = head.split()
    if not (head in TITLES or len(words) == 2 and words[0] in _BARE_HEADS and words[1] in _BODY_HEADS):
        return [title]  # it names its body
    bodies = [other.removeprefix("pho ")[len(head):] for other in found
              if other.removeprefix("pho ").startswith(f"{head} ") and other != title]
    return [title + body for body in bodies] or ([] if head in _BARE_HEADS else [title])


# the army's and police's ranks, highest first, by grade: "cấp úy" is its four; "dưới đại tá" those after it
_RANK_ORDER = [fold(r.lower()) for r in RANKS[:12]]
_GRADES = {"tuong": _RANK_ORDER[:4], "ta": _RANK_ORDER[4:8], "uy": _RANK_ORDER[8:12]}


def _ranks_written_out(text: str) -> str:
    """A grade or a bound of ranks as the ranks it stands for ("cấp úy": đại úy hoặc … thiếu úy; "dưới
    đại tá": thượng tá hoặc … thiếu úy; "từ đại tá trở lên": đại tá hoặc … đại tướng), and ranks listed
    with commas as alternatives, so that each is a title."""
    listed = lambda ranks: " " + " hoac ".join(ranks) + " "  # noqa: E731
    ranks = "|".join(_RANK_ORDER)
    text = re.sub(r"(?<!\w)cap (tuong|ta|uy)(?!\w)", lambda m: listed(_GRADES[m.group(1)]), text)
    text = re.sub(rf"(?<!\w)(?:duoi|thap hon) ({ranks})(?!\w)",
                  lambda m: listed(_RANK_ORDER[_RANK_ORDER.index(m.group(1)) + 1:]), text)
    text = re.sub(rf"(?<!\w)(?:tren|cao hon) ({ranks})(?!\w)",
                  lambda m: listed(_RANK_ORDER[:_RANK_ORDER.index(m.group(1))]), text)
    text = re.sub(rf"(?<!\w)tu ({ranks}) tro len(?!\w)",
                  lambda m: listed(_RANK_ORDER[:_RANK_ORDER.index(m.group(1)) + 1]), text)
    return re.sub(rf"(?<!\w)({ranks})\s*,\s*(?=(?:{ranks})(?!\w))", r"\1 hoac ", text)  # "thượng tá, trung tá": either


_LEVEL_WORDS = frozenset({"tinh", "huyen", "xa", "thanh"})  # "cấp tỉnh": the title of that level's body
_COMMITTEES = frozenset("tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|trung uong|tinh|huyen|xa".split("|"))  # "của (một) …"
_BARE_HEADS = frozenset({"truong", "chanh"})  # heads whose title names its body after them ("Trưởng ban …")


def _titles_in(words: list[str], roles: Roles) -> list[str]:
    """The longest title run of these folded words, with its alternatives (title_phrases)."""
    words = [w for w in (re.sub(r"\W", "", w) for w in words) if w]
    for size in range(min(12, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size])
            if phrase.removeprefix("pho ").startswith(TITLES) and words[i - 1:i] != ["pho"] and roles.holds(phrase):
                head, after = words[i:i + size], words[i + size:]
                if after[:1] == ["cap"] and after[1:2] and after[1] in _LEVEL_WORDS:  # "Trưởng Ban Dân vận cấp tỉnh"
                    leveled = next((head + extra for extra in ([after[1], "uy"], [after[1]])
                                    if roles.holds(" ".join(head + extra))), None)
                    if leveled:
                        head, after, phrase = leveled, after[2:], " ".join(leveled)
                elif after[:1] in (["cua"], ["thuoc"]):  # "Phó Bí thư Thường trực của (một) tỉnh ủy hoặc thành ủy"
                    body = after[2:] if after[1:2] in (["mot"], ["cac"], ["nhung"]) else after[1:]
                    size = next((n for n in (2, 1) if " ".join(body[:n]) in _COMMITTEES and roles.holds(" ".join(head + body[:n]))), 0)
                    if size:
                        head, after, phrase = head + body[:size], body[size:], " ".join(head + body[:size])
                if after[:1] in (["hoac"], ["hay"], ["va"]):  # "Tỉnh ủy hoặc Thành ủy"
                    after = after[1:]
                found = [phrase]
                for cut, take in ((2, 2), (1, 2), (1, 1), (2, 1)):
                    other = " ".join(head[:-cut] + after[:take])
                    if len(head) > cut and len(after) >= take and set(after[:take]) <= _ALTERNATIVE and \
                            other not in found and roles.holds(other):
                        found.append(other)
                        break
                return found
    return []


_LEVEL = re.compile(r" (tinh uy|thanh uy|huyen uy|quan uy)$")


def _level_elsewhere(title: str, store: "Store") -> tuple[tuple["Person", int, str], ...]:
    """Holders of a party committee's title whose role writes the committee once, for the whole
    role: "Thường vụ Tỉnh ủy, Trưởng Ban Dân vận" holds "Trưởng Ban Dân vận Tỉnh ủy"; not when the
    title goes on to another body ("Trưởng Ban Dân vận Huyện ủy …, Ủy viên Tỉnh ủy"). Remembered with the roles."""
    level = _LEVEL.search(title)
    if level is None:
        return ()
    bare, roles = title[:level.start()], role_index(store)
    return roles.remembered(f"elsewhere:{title}", lambda: tuple(
        (p, at, bare) for p, at, line in roles.holders(bare)
        if re.match(r"\s*(?:,|;|$)", line[at + len(bare):]) and re.search(rf"(?<!\w){level.group(1)}(?!\w)", line)))


# What a question asking only for a title's holders says besides the title (folded): the asking, the people, the
# articles and the particles of speech ("Thiếu tướng thì có mấy ông hả con?", "Có bao nhiêu Đại tá được nhắc tên?",
# "ds … dc nhắc tên", "… các nơi là ai? kèm tỉnh"). A syllable that folds to a word of substance too is taken only
# within a phrase ("cho hỏi", not "Hội"; "các nơi"; "loạt bài này", not "bài này": one article; "họ là ai"; "… hả bạn
# ơi" closing the question), never alone ("bà", "Bác", "Ban", "hộ", "nhà"); phrases first ("cán bộ" is no "Bộ"), then
# each word
_ASKING_PHRASES = re.compile(r"(?<!\w)(?:bao nhieu|so luong|tong (?:cong|so)|tat ca|liet ke|ke ten|dem giup|xuat hien"
                             r"|danh sach|(?:cac|nhung|may|loat) bai(?: viet| bao)?(?: nay| do| tren)?|bai (?:viet|bao)"
                             r"|(?:nhac|neu|co|ghi) ten|de cap|dong chi|can bo|lanh dao|khong ra"
                             r"|(?:cho|xin) (?:(?:em|minh|toi|chau|chu|con|tui) )?hoi|(?:o )?cac noi|(?:ai|nguoi) lam"
                             r"|(?:kem|va|ghi) (?:ca )?(?:tinh|dia phuong|noi)(?: nao)?"
                             r"|(?:ho|do) la (?:ai|nhung ai)|^the(?= )"  # "…, họ là ai?", "Thế có mấy …?"
                             r"|(?:ha|nha|the|vay|a|nhe|nhi|oi)(?: (?:ban|bac|ba|co|anh|chi|em|con|chu|ad|mn)(?: oi)?)?$)(?!\w)")
_ASKING_WORDS = frozenset("co may nhung cac nao la ai gom ke dem so duoc nhac neu ghi goi den toi trong bai thi da tung "
                          "ong nguoi vi giu mang ham chuc vu danh a nhi nhe vay day oi voi giup gium dum cho xin biet em "
                          "anh chi chu con chau tui minh ad ak k ko khong hong ra hoai het ca dc ds ten luon".split())
# a general of no rank, asked alone: "những ông tướng nào", "mấy vị tướng lĩnh" ("tướng" as restored: not "tượng";
# the word before it folded, however restored; not "Thủ tướng")
_GENERAL = re.compile(r"(?<!\w)(\w+) tướng(?: lĩnh)?(?!\w)")
_GENERAL_AFTER = frozenset("ong vi cac nhung may nguoi".split())
_MANY = re.compile(r"(?<!\w)(?:may|bao nhieu|nhung|cac|liet ke|ke ten|dem|tat ca|so luong|ds|danh sach)(?!\w)")


def title_only(q: "Question", store: "Store") -> list[str]:
    """The titles of a question that says nothing but a title and the asking for its holders, by a word
    of many ("mấy", "bao nhiêu", "những … nào", "liệt kê"), naming no person, day, place, rank or level
    besides: every article's holders answer it, however it is phrased; [] for any other question. A
    question of one holder ("Bộ trưởng … là ai?") asks no list; a general of no rank ("mấy vị tướng") is
    one of any."""
    if q.person or q.dates or q.places:
        return []
    rest = " ".join(re.sub(r"[^\w ]", " ", re.sub(r"\s*[/,]\s*", " hoac ", EXCLUDED.sub(" ", said(q)))).split())  # "tỉnh ủy, thành ủy"
    titles = title_phrases(q, store)
    if not titles and any(fold(m[1]) in _GENERAL_AFTER for m in _GENERAL.finditer(q.restored.lower())):
        titles = [rank for rank in _GRADES["tuong"] if role_index(store).holds(rank)]
        rest = re.sub(r"(?<!\w)tuong(?: linh)?(?!\w)", " ", rest)
    if not titles:
        return []
    for title in sorted(titles, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(title)}(?!\w)", " ", rest)
    # an alternative the title takes after "hoặc": "Trưởng ban … tỉnh ủy/thành ủy" (the words that stand for its last)
    tails = sorted({" ".join(t.split()[-n:]) for t in titles for n in (2, 1)}, key=len, reverse=True)
    rest = re.sub(rf"(?<!\w)(?:hoac|hay|va) (?:{'|'.join(map(re.escape, tails))})(?!\w)", " ", rest)
    rest = re.sub(r"(?<!\w)(?:hoac|hay|va)(?!\w)", " ", rest)  # between two titles asked
    if not _MANY.search(rest) or not set(_ASKING_PHRASES.sub(" ", rest).split()) <= _ASKING_WORDS:
        return []
    return titles


def by_title(titles: list[str], q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The people whose role or rank holds one of the titles, counted once each, newest first; a row
    each, with every article naming them so cited under it."""
    docs = store.data.documents
    found: dict[str, dict[str, "Person"]] = {}  # folded name -> article -> the mention
    shown: dict[str, str] = {}
    held: dict[int, tuple["Person", int, str, str]] = {}  # a person once, by the first form that holds them
    # whoever holds a title set aside, in any article ("Ngoài các thứ trưởng … ra"), is no row; not one the
    # titles asked hold ("Thứ trưởng Bộ Công an (không tính thứ trưởng bộ khác)" sets no deputy minister aside)
    aside = [t for t in excluded(q, store) if not any(asked.startswith(t) for asked in titles)]
    barred = {p.name for t in aside for f in forms(t) for p, at, line in role_index(store).holders(f)
              if t.startswith("pho ") or not line[:at].endswith("pho ")}  # "không tính Bí thư": not a Phó Bí thư
    asides = " ".join(m.group(0) for m in EXCLUDED.finditer(said(q)))  # … nor a person set aside ("Ngoài đồng chí X ra")
    for title in titles:
        for form in forms(title):  # the title itself first
            for p, at, _ in role_index(store).holders(form):
                if keep(p.doc_id) and p.name not in barred:
                    held.setdefault(id(p), (p, at, title, form))
        for p, at, bare in _level_elsewhere(title, store):
            if keep(p.doc_id) and p.name not in barred:
                held.setdefault(id(p), (p, at, title, bare))
    folded: dict[str, str] = {}
    for p, at, title, form in sorted(held.values(), key=lambda held: docs[held[0].doc_id].date or "", reverse=True):
        written = f"{p.rank or ''} {p.role or ''}"  # folding keeps offsets: the title as the article writes it
        if not title.startswith("pho ") and fold(written[max(0, at - 4):at]) == "pho " or \
                asides and re.search(rf"(?<!\w){re.escape(fold(p.name.lower()))}(?!\w)", asides):
            continue  # "Thứ trưởng" is not "Phó Thứ trưởng"
        if form == title or title not in shown:  # as the article writes it, the title's own form first
            shown[title] = shown.get(title) if form != title and title in shown else written[at:at + len(form)]
        name = folded.get(p.name) or folded.setdefault(p.name, fold(p.name))
        found.setdefault(name, {}).setdefault(p.doc_id, p)
    if not found:
        return None
    rows = [p for by_doc in found.values() for p in by_doc.values()]  # newest first: `held` was sorted so
    named = ", ".join(shown[t] for t in titles if t in shown)
    heading = (f"Các bài viết nêu tên {len(found)} người giữ chức danh hoặc cấp bậc ", Strong(named), ":")
    return people_rows(heading, rows, len(found), q, store)


# A body a question asks the people of, and what may follow it (folded)
_BODY = (r"(?P<body>(?:ban|bo|cong an|uy ban|hoi|so|cuc|tong cuc|tinh uy|thanh uy|huyen uy|dang uy|mat tran|quoc hoi|doan)"
         r"(?: \w+){0,9}?)(?: (?:duoc|da|co|la|gom|tham du|du|xuat hien|nao|trong)(?!\w).*)?$")
# "Những ai trong lãnh đạo Ban Dân vận Thành ủy Sơn Hà được nêu tên?", "Lãnh đạo Công an tỉnh Tây Giang gồm những ai?"
_LEADERSHIP = re.compile(r"(?:^(?:trong (?:cac|nhung) bai(?: viet| bao)? (?:co )?)?(?:nhung |cac )?|(?:nhung ai|nhung nguoi nao|ai)(?: la)? (?:trong |thuoc |cua )?)(?:ban )?lanh dao "
                         + _BODY)  # … "Những lãnh đạo <body> nào được nêu tên?"
# "Những ai giữ chức vụ thuộc Quốc hội được nhắc tên?": anyone whose role is in the body, not only its heads
_MEMBERS = re.compile(r"(?:^|(?:nhung ai|nhung nguoi nao|ai) )(?:giu|dam nhiem|co) chuc (?:vu|danh) (?:thuoc|cua|o|tai|trong) "
                      + _BODY)
_HEADS = re.compile(r"(?<!\w)(?:pho )?(?:truong ban|truong|giam doc|chu tich|bi thu|chanh van phong|cuc truong|bo truong|"
                    r"thu truong|tong cuc truong|chu nhiem|tu lenh|chinh uy)(?: thuong truc)?(?: uy ban(?: trung uong| tw)?)?\s*$")  # Chủ tịch UB(TW) MTTQ


def asks_leaders(q: "Question") -> tuple[str, bool] | None:
    """The body whose leaders (or, asked "giữ chức vụ thuộc <body>", whose members: False) the question
    asks for, folded ("ban dan van thanh uy son ha"), or None."""
    plain = plain_words(q.restored)  # no aside in brackets
    members = _MEMBERS.search(plain)
    found = members or _LEADERSHIP.search(plain)
    after = plain[found.end("body"):] if found else ""  # a place the words after the body cut short: "… thành phố Đà Nẵng"
    # "Những lãnh đạo <body> nào được nêu tên?" asks the archive; "Lãnh đạo <body> nào dự hội nghị X?" one event
    named = after.startswith(" nao") and bool(ARCHIVE_CUE.search(q.folded))
    if not found or not (WHO.search(q.folded) or "nguoi nao" in q.folded or named):
        return None
    place = next((p for p in FOLDED_PROVINCES if re.match(rf" {p}(?!\w)", after)), None)
    return (f"{found['body']} {place}" if place else found["body"]), members is None


def body_leaders(asked: tuple[str, bool], q: "Question", store: "Store", keep: "Callable[[str], bool]") -> Listing | None:
    """The people whose role heads the body (Trưởng, Phó Trưởng ban Thường trực, Giám đốc … right
    before its name, however abbreviated), or holds any title in it when its members are asked, in its
    place when the question names one: in their role or, when the role names no place ("Trưởng ban
    Dân vận Thành ủy"), the article's. A row each."""
    body, heads = asked
    docs = store.data.documents
    place = next((p for p in FOLDED_PROVINCES if body.endswith(f" {p}")), None)
    organ = re.sub(r"^uy ban (?=mat tran|mttq)", "", body[: -len(place) - 1] if place else body)  # "Chủ tịch Ủy ban TW MTTQ"
    found: dict[str, dict[str, "Person"]] = {}
    for form in spellings(organ):
        for p, at, line in role_index(store).holders(form):
            if not keep(p.doc_id) or heads and not _HEADS.search(line[:at]):
                continue
            named = [other for other in FOLDED_PROVINCES if other in line[at:]] if place else []  # the role's own place
            if place and place not in named and (named or place not in fold((docs[p.doc_id].place or "").lower())):
                continue
            found.setdefault(fold(p.name), {}).setdefault(p.doc_id, p)
    if not found:
        return None
    at = fold(q.restored).find(body)  # folding keeps offsets: the body as the question writes it
    shown = q.restored[at:at + len(body)] if at >= 0 else body
    said = "trong lãnh đạo " if heads else "giữ chức vụ thuộc "
    return people_rows((f"Các bài viết nêu {len(found)} người {said}", Strong(shown), ":"), newest(found, store),
                       len(found), q, store)
