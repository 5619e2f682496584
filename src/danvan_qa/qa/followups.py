"""Follow-up questions: a question that leans on the last one is read with its subject filled in.

A `Context` holds the last question as understood, its topic, and the person and programme it
was about (`conversation.Conversation` keeps one; a two-part question makes one from its first
part, parts.py). A follow-up is rewritten before it is answered:

- a pronoun for a person ("ông ấy", "bà ấy", "đồng chí đó") becomes the person's name;
- "chương trình đó", "hội nghị này"… become the last topic naming that thing;
- "Còn Phó Giám đốc / huyện Y / năm 2023 (thì sao)?" asks the last question of that (swaps.py);
- "Còn ai nữa?" asks who else took part in the last event, besides the people already shown
  ("Ngoài A, B, những ai dự …?": a person the question names is not an answer to it, who.py);
- a bare question ("Ở đâu?", "Giai đoạn nào?", "ngay nao") is asked about the last topic.

Matching is on folded text (one character for one), so a follow-up typed without diacritics
is read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from danvan_qa.ingest.abbreviations import shorthand_written_out
from danvan_qa.ingest.facts import organisations
from danvan_qa.ingest.normalize import fold, has_diacritics
from danvan_qa.qa.clauses import TITLE_HEAD
from danvan_qa.qa.questions import THEN, THEN_FOLDED, WHO_KINDS, content_tokens, parse, person_focus, small_talk
from danvan_qa.qa.records import ARCHIVE_CUE, EVENT_NOUNS
from danvan_qa.qa.adjacent import asked_of_adjacent
from danvan_qa.qa.pronouns import meant, two_parties
from danvan_qa.qa.swaps import swapped

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.records import Answer

# "ông ấy", "bà đó", "đồng chí này", "người đó": a person named earlier
_PERSON_REF = re.compile(r"(?<!\w)(?:ong|ba|anh|chi|dong chi|nguoi|vi) (?:ay|do|nay)(?!\w)")
# "Có đại biểu …, ông ấy …", "một người …, bà ấy …": a person the question itself introduces, a clause before the pronoun
_INTRODUCED = re.compile(r"(?<!\w)(?:co|mot) (?:(?:vi|nguoi|dai bieu|can bo|chien si|em|ba|ong|cu|thi sinh|hoc sinh)(?!\w))")
# "chương trình đó", "hội nghị này", "sự kiện ấy": the thing the last question was about
_DOCUMENTS = r"chuong trinh|ke hoach|chi thi|quyet dinh|nghi quyet|quy che|thong tu|huong dan|van ban"
# … and "chương trình họ (đã) ký": the one the people or parties just asked about signed
_THING_REF = re.compile(rf"(?<!\w)({_DOCUMENTS}|hoi nghi|su kien|buoi le|le ky ket|buoi lam viec|hoi thi|"
                        r"mo hinh|don vi|co quan|dia phuong) (?:do|nay|ay|tren|kia|vua (?:noi|neu|nhac)(?: den| toi)?"
                        r"|(?:ma )?ho (?:da )?ky(?: ket)?)(?!\w)")
# "… ban hành chỉ thị nào?": the document the answer names is what "chỉ thị đó" refers to next
_ASKED_DOCUMENT = re.compile(rf"(?<!\w)({_DOCUMENTS}) (?:nao|gi|so may|so bao nhieu)(?!\w)")
# "hai bên", "cả hai đơn vị", opening the question or after "giữa / của / với": the two parties the last
# question named ("giữa A và B"); not "hai bên đường", "hai cơ quan khác"
_PARTIES_REF = re.compile(r"(?:^\W*|(?<=giua )|(?<=cua )|(?<=voi ))(?:ca )?(?:hai|2) (?:ben|don vi|co quan|nganh)"
                          r"(?: (?:do|nay|ay|tren))?(?!\w)(?! (?:khac|kia|duong|bo|song|le)(?!\w))")
# "đoàn đó", "tỉnh ấy": a noun the last question asked "… nào" of, as written ("đó", not "do": by; not
# "ngày nay": nowadays); not a person's, a time's or a place's "đó"
_WHICH_REF = re.compile(r"(?<!\w)((?:\w+ ){0,2}(?!(?:ông|bà|anh|chị|người|vị|lúc|khi|hồi|ở|tại|số|con)(?!\w))\w+) "
                        r"(?:đó|ấy|này|kia)(?!\w)", re.IGNORECASE)
_TIMES = r"(?:giai doan|ngay|nam|thang|thoi gian|khi|luc|nhiem ky)(?!\w)"  # a time's "nào", not the noun's before it
# "còn X thì sao, ngày nào?", "còn ở X thì tổng kết ngày nào?": X, asked that (not "Con số đó thì sao, …")
_HOW_ABOUT = re.compile(r"^\W*(?:(?:the|vay) )?con (?!so (?:do|nay|ay)(?!\w))(.+?),? thi (?:sao\W+(?=\w)|(?!sao(?!\w))(?=\w))")
_HOW_ABOUT_LAST = re.compile(r"^\W*(?:(?:the|vay) )?con (.+?)(?:,? thi (?:sao|the nao|ai))?\W*$")  # "(Thế) còn X (thì sao)?"
# "ở đó", "tại đó": at the last topic's event; "tỉnh đó", "huyện ấy": the place the last question named
_THERE = re.compile(r"(?<!\w)(?:[Ởở]|[Tt]ại) (?:đó|đấy)(?!\w)")  # as written: not "ở độ", "ở đây", "tại Đồ Sơn"
_PLACE_REF = re.compile(r"(?<!\w)(?<!cơ )(?<!Cơ )([Tt]ỉnh|[Hh]uyện|[Tt]hành phố|TP|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường|[Đđ]ịa phương)"
                        r" (?:đó|đấy|này|ấy)(?!\w)")
_LEVELS = {"tinh": "tinh", "huyen": "huyen", "pho": "pho", "tp": "pho", "quan": "quan", "xa": "xa", "phuong": "phuong"}
# "con số đó ở <unit> là bao nhiêu?": the figure just asked, of another unit (its span in the folded text)
_SAME_FIGURE = re.compile(r"^\W*(?:con )?so (?:do|nay|ay) (?:o|cua|tai) (.+?) (?:la )?(?:bao nhieu|may)(?!\w)")
_NUMBERED = re.compile(r"^.*?(?<!\w)số\s+\d[\w/.–-]*", re.IGNORECASE)  # "Chương trình (phối hợp) số 17(-CTr/…)"
# the act a "who else" names ("Còn ai đồng chủ trì nữa?", "con ai ky nua"): asked instead of attending
_ELSE_ACTS = r"dong chu tri|chu tri|phat bieu|ky ket|ky|chung kien|tham gia|trao|tang"
_ELSE_ACT = re.compile(rf"(?<!\w)(?:{_ELSE_ACTS})(?!\w)")
# "Còn ai nữa?", "con ai du nua", "Còn ai dự hội nghị nữa?", "Ai khác?": who else took part (not "còn ai thông qua …?")
_WHO_ELSE = re.compile(rf"^\W*con (?:nhung )?ai(?=\W*$|\s+(?:du|tham du|{_ELSE_ACTS}|nua|khac|khong)(?!\w))"
                       r"|(?<!\w)ai(?: \w+){0,4} (?:nua|khac)(?!\w)")
_BESIDES = re.compile(r"^Ngoài .+?, những ai ")  # a "who else" as understood: "Ngoài A, B, những ai …"
# where a bare "ở đâu?", "ngày nào?" finds its subject in the last topic when the last answer was people: the
# event or programme, not the person asked for ("Thứ trưởng … dự Hội nghị X" → "Hội nghị X"); otherwise the
# words before the event are its parties ("Bộ Công an và Ban … tổ chức hội nghị …") and stay
_SUBJECT = re.compile(rf"(?<!\w)(?:{EVENT_NOUNS}|chuong trinh|ke hoach)(?!\w)")  # not "le": the surname Lê
# "Có bao nhiêu đại biểu dự?", "co bao nhieu can bo chien si tham gia": who took part, counted, is an event's
_PARTICIPANTS = re.compile(r"^\W*(?:(?:tong cong|tat ca|tong so) )?(?:co )?(?:bao nhieu|may) (?:doi|nguoi|tap the|ca nhan|dai bieu|don vi|thi sinh|"
                           r"can bo(?:,? chien si)?|chien si|cbcs|hoc sinh|em)(?!\w)")


def _asks_participants(folded: str) -> bool:
    """Whether a question only counts who took part ("Có bao nhiêu đại biểu dự?"): a few words after the
    counted noun, no event or archive of its own ("… đội dự thi hội thi X", "… trong các bài")."""
    counted = _PARTICIPANTS.match(folded)
    rest = folded[counted.end():] if counted else ""
    return bool(counted) and len(rest.split()) <= 4 and not re.search(rf"(?<!\w){EVENT_NOUNS}(?!\w)", rest) \
        and not ARCHIVE_CUE.search(rest)


# Question words and fillers: what remains of a question without them is its topic.
_ASKING = re.compile(
    r"(?<!\w)(?:những ai|là ai|ai|(?:có )?(?:số|ký) hiệu|vào ngày nào|ngày nào|ngày mấy|khi nào|bao giờ|lúc nào|thời gian nào|ở đâu|tại đâu|"
    r"giai đoạn nào|có bao nhiêu|bao nhiêu|mấy|là gì|gì|nào|như thế nào|thế nào|ra sao|còn|thì|vậy|nữa|khác)(?!\w)",
    re.IGNORECASE)
_ACTS = re.compile(r"^(?:đã\s+)?(?:đồng chủ trì|chủ trì|phát biểu|tham dự|cùng dự|dự|ký kết|ký|tham gia|được)\s+", re.IGNORECASE)
# Words a bare follow-up asks with besides question words: "Giai đoạn nào?", "Chức vụ gì?", "Diễn ra ở đâu?"
_FILLERS = frozenset({"con", "thi", "vay", "nua", "khac", "do", "nay", "ay", "the", "sao", "ra", "giai", "doan",
                      "ngay", "thang", "nam", "thoi", "gian", "luc", "gio", "chuc", "vu", "dia", "diem", "so", "hieu",
                      "dien", "to", "ky", "ket", "o", "dau", "tai", "vao", "la", "cua", "duoc", "bao", "nhieu"})


@dataclass(frozen=True)
class Context:
    """What a follow-up may refer to."""

    question: str  # the last question as understood
    topic: str  # its words without the question words ("hội nghị ký kết … tại Nam Sơn")
    person: str | None = None  # the person the last exchange was about
    programme: str | None = None  # the programme it was about, as named
    shown: tuple[str, ...] = ()  # the people the last answer listed: "còn ai nữa" asks for others
    docs: tuple[str, ...] = ()  # the articles the last answer cited: an unanchored question is asked of them first
    answered: str | None = None  # the last answer's short answer ("Bắc Hà"), none when it abstained
    earlier: tuple[tuple[str, str], ...] = ()  # the turns before, newest first: (question as understood, short answer)


# Where a question that opens with its subject goes on to ask about it: "Chương trình số X là …",
# "… là giữa những cơ quan nào", "Kế hoạch Y về việc gì", "Hội nghị Z do ai tổ chức".
_ASKS_ABOUT = re.compile(r"\s+(?:là|có số hiệu|được ký|(?:là\s+)?giữa những|với những|về việc|về vấn đề"
                         # "… do tỉnh nào đăng cai" (typed "do", it may be restored "đó"); "… ký với cơ quan nào?" last
                         r"|(?:do|đó|với(?=(?:\s+\w+){1,3}\W*$))\s+(?:ai|những ai|(?:đơn vị|cơ quan|tỉnh|địa phương|bên) nào))(?!\w)",
                         re.IGNORECASE)
# "Hội nghị X có Thứ trưởng … nào (của Cục Y) dự?": about "Hội nghị X", not its guest (when what before names an event)
_GUEST = re.compile(r"\s+có\s+(?:\S+\s+){1,6}?nào(?:\s+\S+){0,14}?\s+(?:dự|tham dự|chủ trì|đồng chủ trì|phát biểu)(?!\w)", re.I)


# "… có bao nhiêu đội dự thi": the counted people or teams, not the subject ("Công an X đã xây dựng bao nhiêu mô hình
# Y" is about the models)
_COUNTED = re.compile(r"\s+(?:có\s+)?(?:bao nhiêu|mấy)\s+(?=(?:đội|người|tập thể|cá nhân|đại biểu|đơn vị|thí sinh)(?!\w))",
                      re.IGNORECASE)


def topic_of(restored: str) -> str:
    """A question without its question words, fillers and leading act: what it is about. A
    question that opens with its subject ("Chương trình số X là … gì?") is about that subject."""
    head = _ASKS_ABOUT.split(restored, maxsplit=1)[0]
    if head != restored and len(head.split()) >= 2 and not _ASKING.match(head):
        restored = head
    head = _GUEST.split(restored, maxsplit=1)[0]
    if head != restored and _SUBJECT.search(fold(head)) and not _ASKING.match(head):
        restored = head
    head = _COUNTED.split(restored, maxsplit=1)[0]  # "Hội thi X có bao nhiêu đội dự thi?" is about "Hội thi X"
    if head != restored and len(head.split()) >= 2:
        restored = head
    text = _ASKING.sub(" ", restored.rstrip(" ?.!"))
    text = " ".join(text.split())
    text = _ACTS.sub("", text).strip(" ,")
    text = re.sub(r"(?:\s+(?:cho|của|về|với|trong|tại|ở|vào|theo))+$", "", text, flags=re.I)  # "… dân vận cho (…)"
    bare = _DONE.sub("", text)  # "Kế hoạch X được ban hành (ngày nào)": "Kế hoạch X", whatever a follow-up asks of it
    return bare if len(bare.split()) >= 2 else text


_DONE = re.compile(r"(?:\s+(?:(?:được|đã|vừa)\s+)+(?:ký kết|ký|ban hành|tổ chức|diễn ra|khai mạc|ra mắt|thành lập|triển khai)"
                   # "Mô hình X ra mắt (ngày nào)"; not "buổi lễ ra mắt", "đại hội thành lập", whose noun it completes
                   r"|(?<!lễ)(?<!buổi)(?<!hội)(?<!nghị)\s+(?:diễn ra|khai mạc|ra mắt|thành lập))"
                   r"(?:\s+(?:vào|năm|ngày|tháng|lúc))*$", re.IGNORECASE)  # "… được thành lập (năm nào)"
_WHICH = re.compile(r"(?<!\w)nào(?!\w)\s*", re.IGNORECASE)


def _after_asked(question: str) -> str | None:
    """What the last question says after the people it asked for, when it opens with them as "<noun>
    nào": "họp ngày 14/2 về …" of "Thứ trưởng Bộ Công an nào họp ngày 14/2 về …?"."""
    at = person_focus(question)
    asked = _WHICH.search(question, at) if at is not None else None
    if asked is None or at > len(question) // 3 or re.match(r"(?:những\s+)?ai(?!\w)", question[at:], re.IGNORECASE):
        return None
    rest = question[asked.end():].strip(" ?.")
    return rest if len(rest.split()) >= 2 else None


def _stands_alone(question: str, store: "Store") -> bool:
    """Whether a question has words of its own: a number, a name, or more than two words beyond
    question words and fillers ("Ban hành ngày nào?" leans on the last question)."""
    q = parse(question, store.restorer.restore(question), store.stored_facts)
    own = [t for t in content_tokens(q) if t not in _FILLERS]
    return bool(q.proper_nouns or q.codes or q.dates or any(t.isdigit() for t in own)) or len(own) > 2


def understand(question: str, context: Context | None, store: "Store") -> str:
    """The question with what it refers to filled in from `context`; unchanged when it stands
    alone or is small talk ("tạm biệt" is not "<the last topic> tạm biệt")."""
    if context is None or small_talk(fold(question).lower()):
        return question
    typed, question = question, shorthand_written_out(question)  # "the con giam doc ca tp?": "… giam doc cong an tp"
    written, folded = question, fold(question)
    if how := _HOW_ABOUT_LAST.match(folded):  # folding keeps offsets
        if other := swapped(question[how.start(1):how.end(1)], context.question, store):
            return other
        if not (_HOW_ABOUT.match(folded) or re.search(r"(?<!\w)(?:nao|ai|gi|dau|bao nhieu|may|la)(?!\w)", how[1])):
            # "thế còn giai đoạn trước đó thì sao?": X, of the last topic below (not "Con số … là bao nhiêu?")
            question = written = f"{question[how.start(1):how.end(1)]}?"
            folded = fold(question)
    if how := _HOW_ABOUT.match(folded):
        question = f"{question[how.start(1):how.end(1)]} {question[how.end():]}"
        folded = fold(question)
    if other := asked_of_adjacent(question, context.programme or context.question, store):
        return other  # "chương trình giai đoạn sau ký hôm nào?": that programme, by its period and parties
    if _WHO_ELSE.search(folded):
        besides = f"Ngoài {', '.join(context.shown)}, những" if context.shown else "Những"
        act = _ELSE_ACT.search(folded)
        said = question[act.start():act.end()] if act else "dự"
        said = "dự" if said.lower() in ("kỳ", "kì") else said  # "kỳ họp" is no act
        after = _after_asked(context.question)  # not "Thứ trưởng … nào", whom the last question asked for
        if after and fold(after.lower()).startswith(("du ", "tham du ")) and said == "dự":
            return f"{besides} ai {after}?"  # "… nào dự hội nghị X?": "những ai dự hội nghị X", not "dự dự"
        act_before = _ELSE_ACT.match(fold(after.lower())) if after else None  # "… nào chủ trì hội nghị X": of "hội nghị X"
        topic = (after[act_before.end():].strip() if act_before else after) if after else context.topic
        return f"{besides} ai {said} {topic}?"
    out, named = question, (0, 0)
    hit = _PERSON_REF.search(fold(out))
    if hit and (intro := _INTRODUCED.search(fold(out[:hit.start()]).lower())) and "," in out[intro.end():hit.start()]:
        hit = None  # "Có một đại biểu phát biểu ở đó, ông ấy tên gì?": the one just introduced, not the last
    if hit and (person := meant(fold(out[hit.start():hit.end()]).lower(), context.person, context.shown)):
        out = f"{out[:hit.start()]}{person}{out[hit.end():]}"  # "bà ấy": of the people shown, a woman's name
        named = (hit.start(), hit.start() + len(person))  # "Đỗ Tân" folds as "do tan": no "hội nghị đó"
    hit = _PARTIES_REF.search(fold(out))  # "giữa hai bên" of "… giữa A và B …": "giữa A và B", unless it says "giữa X và Y"
    parties = two_parties(context.question, store.restorer.restore(context.question)) if hit else None
    if hit and parties and not two_parties(out, None):
        out = f"{out[:hit.start()]}{parties}{out[hit.end():]}"
    figure = _SAME_FIGURE.match(fold(out))
    if figure and (asked := _figure_elsewhere(context.question, out[figure.start(1):figure.end(1)])):
        return asked  # "…, và con số đó ở Công an tỉnh Bắc Hà là bao nhiêu?": the first part, of another unit
    out = _there(out, context, store)
    out = _at_that_time(out, context, store)
    hit = next((m for m in _THING_REF.finditer(fold(out)) if not (named[0] < m.end() and m.start() < named[1])), None)
    if hit:  # typed bare, restored (one character for one) so that it reads as the topic put in it ("ai báo cáo")
        out = out if has_diacritics(out) else store.restorer.restore(out)
        noun = out[hit.start(1):hit.end(1)]
        named = context.programme and (hit.group(1) in ("chuong trinh", "ke hoach", "van ban")
                                       or fold(context.programme).lower().startswith(hit.group(1)))
        about = _by_number(context.programme) if named else None  # type: ignore[arg-type]
        if about is None:  # the last topic, from the noun on when it names the same thing, with the bodies before it
            at = fold(context.topic).find(hit.group(1))
            event = _SUBJECT.search(fold(context.topic))
            if at < 0 and hit.group(1) == "su kien" and event:
                at = event.start()  # "sự kiện đó": the event the last topic names, of whatever kind
            signed = at < 0 and event and re.search(r"(?<!\w)ho (?:da )?ky", hit.group(0))  # "chương trình họ ký"
            about = _by_number(context.topic[at:]) + _whose(context.topic[:at]) if at >= 0 else \
                f"{noun} ký tại {context.topic[event.start():]}" if signed else f"{noun} {context.topic}"
        out = f"{out[:hit.start()]}{about}{out[hit.end():]}"
    else:
        out = _which_answered(out, context, store)
    if out == question and (not _stands_alone(question, store) or _asks_participants(folded) and unanchored(question, store)):
        topic, subject = context.topic, _SUBJECT.search(fold(context.topic))
        if context.shown and subject and subject.start() > 0 and not re.search(r"(?<!\w)ai(?!\w)", folded):
            topic = topic[subject.start():]  # "o dau vay?" after "Thứ trưởng … nào dự Hội nghị X?" answered by a person
        # typed without diacritics, the follow-up is restored on its own: the topic's marks would keep it from it
        asked = question if has_diacritics(question) else store.restorer.restore(question)
        out = f"{topic} {asked[0].lower()}{asked[1:]}"
    return typed if out == written else out  # nothing filled in: as typed


def _which_answered(question: str, context: Context, store: "Store") -> str:
    """"đoàn đó tặng quà gì?" after "… tiếp đoàn công tác của tỉnh nào?" answered "Bắc Hà": the noun
    the last question asked "… nào" of, with the answer in place of "nào" ("đoàn công tác của tỉnh Bắc Hà");
    the answer alone where it opens with the noun ("cuộc thi đó" of "cuộc thi nào": "Cuộc thi X")."""
    written = question if has_diacritics(question) else store.restorer.restore(question)  # one for one
    # the last turn's, then the ones before ("xã đó" two turns after "… kết nghĩa với xã nào?")
    for asked_of, answered in ((context.question, context.answered), *context.earlier):
        last = fold(asked_of).lower()  # folding keeps offsets
        for ref in _WHICH_REF.finditer(written) if answered else ():
            words = list(re.finditer(r"\w+", ref.group(1)))
            for first in words:  # the longest run of the noun phrase the last question asked of ("cuộc thi", "đoàn")
                noun = fold(ref.group(1)[first.start():]).lower()
                if asked := re.search(rf"(?<!\w){noun}(?: (?!{_TIMES})\w+){{0,5}}? nao(?!\w)", last):
                    said = store.restorer.restore(asked_of[asked.start():asked.end() - len("nao")])  # as restored
                    named = answered if fold(answered).lower().startswith(noun) else f"{said}{answered}"  # type: ignore[arg-type]
                    return f"{written[:ref.start() + first.start()]}{named}{written[ref.end():]}"
    return question


def _there(question: str, context: Context, store: "Store") -> str:
    """"ở đó" as "tại <the last topic's event>", "tỉnh đó" as the province the last question named (one of
    that level): read as written, restored, so that "ở độ cao", "huyện Đô Lương", "cơ quan này" are not."""
    said = question if has_diacritics(question) else store.restorer.restore(question)  # one character for one
    place, there = (next((m for m in pattern.finditer(said) if not _named_after(said, m.end())), None)
                    for pattern in (_PLACE_REF, _THERE))
    event = _SUBJECT.search(fold(context.topic)) if there else None
    named = parse(context.question, context.question, store.stored_facts).places if place else ()
    # (folding keeps offsets; "Bà Rịa - Vũng Tàu" is read "ba ria vung tau")
    at = re.search(r"\W+".join(map(re.escape, named[0].split())), fold(context.question).lower()) if len(named) == 1 else None
    level = fold(context.question[:at.start()]).split()[-1:] if at else []  # "huyện" of "huyện Tân Lạc"
    unit = said[place.start(1):place.end(1)] if place else ""
    if place and at and (fold(unit).lower() == "dia phuong" or not (level and level[0] in _LEVELS)
                         or _LEVELS.get(level[0]) == _LEVELS.get(fold(unit).lower().split()[-1])):
        shown = "" if fold(unit).lower() == "dia phuong" else unit
        return " ".join(f"{said[:place.start()]}{shown} {context.question[at.start():at.end()]}{said[place.end():]}".split())
    if there and event:
        return f"{said[:there.start()]}{'T' if there.start() == 0 else 't'}ại {context.topic[event.start():]}" \
            f"{said[there.end():]}"
    return question


def _at_that_time(question: str, context: Context, store: "Store") -> str:
    """"(Còn) Giám đốc Công an thành phố lúc đó là ai?" as "Giám đốc Công an thành phố tại <the last topic's
    event> là ai?": the time is the event the last question was about."""
    marked = has_diacritics(question)
    said = question if marked else store.restorer.restore(question)  # one character for one
    # typed without marks, read folded ("luc do" may be restored "lực đó"), but not "hoi do": "hội đó" too
    then = THEN.search(said) if marked else THEN_FOLDED.search(fold(said))
    events = [m.start() for m in (_SUBJECT.search(fold(context.topic)), re.search(r"(?<!\w)(?:buổi )?lễ(?!\w)", context.topic))
              if m]  # "lễ" as written, lower case: not the surname Lê
    if then is None or not events:
        return question
    said = f"{said[:then.start()].rstrip()} tại {context.topic[min(events):]} {said[then.end():].lstrip()}"
    return " ".join(re.sub(r"^\W*[Cc]òn\s+", "", said).split())  # "(Còn) X lúc đó …": X ("Con số …" is kept)


def _named_after(text: str, end: int) -> bool:
    """Whether a capitalised word follows: "ở đó" that goes on as a name is none."""
    after = text[end:].split()
    return bool(after) and after[0][:1].isupper()


_DOING = re.compile(r"\s*(?:(?:đã|vừa|cùng)\s+)?(?:ký kết|ký|tổ chức|ban hành|triển khai|xây dựng|thực hiện)\s*$", re.I)


def _a_person(short: str | None) -> bool:
    """Whether a who-answer's short answer names someone a follow-up's "ông ấy" may mean: not a title or a
    body ("Bộ trưởng Bộ Công an", "Ban Dân vận Tỉnh ủy" answer "Ai ban hành …?" too)."""
    return bool(short) and not organisations(short) and not TITLE_HEAD.match(short)


def _whose(before: str) -> str:
    """" của <bodies>" when the words before a thing name the bodies doing it ("Ban A và Công an B ký kế hoạch
    …"): the thing alone names any body's; nothing when they name none ("Thứ trưởng … nào dự hội nghị …")."""
    bodies = organisations(before)
    if not bodies:
        return ""
    start, end = before.find(bodies[0]), before.rfind(bodies[-1]) + len(bodies[-1])
    # the bodies open the words and sign or hold the thing ("A và B ký …"), not attend it ("Đại diện A dự …")
    doing = _DOING.match(before, end) if 0 <= start < end and not before[:start].strip() else None
    return f" của {before[start:end]}" if doing else ""


def _by_number(programme: str) -> str:
    """A programme named by its number, as far as the number ("Chương trình số 17" of "Chương trình số
    17 về phối hợp … giữa A và B"): the rest, repeated into a follow-up, outweighs what it asks."""
    return named.group(0) if (named := _NUMBERED.match(programme)) else programme


def _figure_elsewhere(first: str, unit: str) -> str | None:
    """The first question asked of another unit: its first body ("Công an tỉnh Nam Sơn") replaced."""
    bodies = organisations(first)
    at = first.find(bodies[0]) if bodies else -1
    return f"{first[:at]}{unit}{first[at + len(bodies[0]):]}" if at >= 0 else None


def next_context(understood: str, answer: "Answer", previous: Context | None, store: "Store") -> Context:
    """The context after an answer: its topic, the person it was about (the answer's likeliest person, else the
    one the question named), the programme it named; what it did not change is kept."""
    understood = shorthand_written_out(understood)  # "… ra mat ngay nao v": no "v" in its topic
    restored = store.restorer.restore(understood)
    q = parse(understood, restored, store.stored_facts)
    person = (answer.short if answer.kind in WHO_KINDS and _a_person(answer.short) else None) or q.person
    if person is None and previous is not None and _PERSON_REF.search(fold(understood)) is None:
        person = previous.person
    programme = answer.short if answer.kind == "program_name" and answer.short else None
    if programme is None and (asked := _ASKED_DOCUMENT.search(fold(understood))) and answer.citations:
        quote = answer.citations[0].quote  # the document of that kind its quote names, with its number
        found = re.search(rf"(?<!\w){asked.group(1)}(?: so)? [\w/.-]*\d[\w/.-]*", fold(quote).lower())
        programme = quote[found.start():found.end()] if found else None
    if programme is None and "chuong trinh" in fold(understood):
        programme = topic_of(restored)
    elif programme is None and previous is not None:
        programme = previous.programme
    shown = tuple(dict.fromkeys(item.name for item in answer.items)) if answer.kind in WHO_KINDS else ()
    # "còn ai nữa", as asked or as understood ("Ngoài A, những ai …"): the same topic, none shown twice
    docs = tuple(dict.fromkeys(c.doc_id for c in answer.citations))
    earlier = (((previous.question, previous.answered),) + previous.earlier)[:3] if previous and previous.answered \
        else previous.earlier if previous else ()
    if previous is not None and (_WHO_ELSE.search(fold(understood)) or _BESIDES.match(understood)):
        shown = tuple(dict.fromkeys((*previous.shown, *shown)))
        return Context(understood, previous.topic, person, programme, shown, docs, previous.answered, previous.earlier)
    topic = topic_of(restored)
    if previous is not None and (understood.startswith(f"{previous.topic} ") or q.person and q.person == previous.person
                                 and not _SUBJECT.search(fold(topic)) and _SUBJECT.search(fold(previous.topic))):
        topic = previous.topic  # a bare follow-up of it ("co bn cbcs tham gia"), "Trần Văn Bình giữ chức vụ gì?" after
        # who chaired an event: still that topic
    if previous is not None and docs and set(docs) <= set(previous.docs) and unanchored(understood, store):
        topic, programme = previous.topic, previous.programme  # "Còn ai thông qua dự thảo?" answered there: that event's
    return Context(understood, topic, person, programme, shown, docs, None if answer.abstained else answer.short, earlier)


def unanchored(question: str, store: "Store") -> bool:
    """Whether a question names nothing that fixes where it is answered: no place, person, date, period, code or
    number ("Phó Bí thư Thường trực Tỉnh ủy nào có ý kiến chỉ đạo?"): in a conversation, the event just discussed."""
    q = parse(question, store.restorer.restore(question), store.stored_facts)
    return not (q.places or q.person or q.dates or q.codes or q.periods or re.search(r"\d", question))
