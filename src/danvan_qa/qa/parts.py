"""Two-part questions: "… ký ngày nào và cho giai đoạn nào?", "Ai chủ trì X, và ai phát biểu ở Y?".

A question asking two things is split where a conjunction ("và", "còn", ";", or "?" before "Còn …") stands
between its two question words; the second part, when it leans on the first ("cho giai đoạn nào?"), is read
with the first part's topic (followups.py). Each part is answered on its own and the answer
shows both, numbered, with one list of citations.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from danvan_qa.ingest.lexicon import NAME_LOWER, PROVINCES, SURNAMES, UNITS
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.clauses import TITLE_HEAD
from danvan_qa.qa.compose import md_escape
from danvan_qa.qa.followups import Context, topic_of, understand
from danvan_qa.qa.records import EACH_FIGURE, EVENT_NOUNS
from danvan_qa.records import Answer

if TYPE_CHECKING:
    from danvan_qa.index.store import Store

# Question words with their diacritics ("đâu", not "đầu"; "nào", not "não"), on the restored text.
_ASKS = re.compile(r"(?<!\w)(?:ai|nào|gì|đâu|bao nhiêu|mấy|bao giờ|sao)(?!\w)", re.IGNORECASE)
# A second part asking something of each row of a list the first part asks for: "Những xã nào được nêu
# tên, và mỗi xã gắn với hoạt động gì?", "… trong những tin nào và trong bối cảnh gì?" (restored: "mới" is not "mỗi")
_PER_ROW = re.compile(r"(?:mỗi|từng)(?!\w)")
# … or of the event each row is at: "… và đó là hội nghị gì?" (folded: typed bare too)
_IN_CONTEXT = re.compile(r"(?:trong|o|voi) (?:boi canh|su kien|dip|cuong vi|vai tro)(?!\w)"
                         r"|(?:(?:hay|xin|nho) )?(?:ghi|neu|noi)(?: ro)? (?:(?:la|o) )?(?:tinh|thanh pho|dia phuong|don vi|noi)"
                         r"(?: \w+)? nao(?!\w)"  # "… ? ghi rõ tỉnh nào giúp mình": which place each row is of
                         rf"|(?:do|day) la (?:{EVENT_NOUNS}|le|su kien)(?: \w+)? (?:gi|nao)(?!\w)")
_SEVERAL = re.compile(r"(?<!\w)(?:nhung|cac)(?!\w)")
# (folded; "tôi" before what the asker does, not "tội phạm"; not "Theo bài X:", whose X may be the topic)
_REQUEST = re.compile(r"(?:cho (?:toi|em|minh|hoi)|(?:giup|ho) (?:toi|em|minh)|xin (?:cho|hoi)|nho|vui long|(?:toi|em|minh) (?:dang |can |muon |se )?"
                      r"(?:chuan bi|soan|viet|lam|can|muon|dang|o))(?!\w)")
# what after a comma only narrows the question before it: "…, cụ thể là tại xã nào?", "…, thuộc huyện X hay huyện
# nào?", "…, tỉnh X hay tỉnh nào?" (folded)
_SAME_ASKED = re.compile(r"\s*(?:cu the|tuc la|hay|hoac|thuoc|(?:\S+ )+?(?:hay|hoac) )")
_JOIN = re.compile(r"\s*\?\s+|\s*(?:,\s*)?(?:(?<!\w)và(?!\w)|(?<!\w)còn(?!\w)|;)\s*|\s*,\s*", re.IGNORECASE)


# a last part asking only when, after a comma ("X họp với ai bên Ban Y, ngày nào nhé"; folded; "…, ở đâu?" may be the
# same event's place)
_WHEN_LAST = re.compile(r"(?:vao )?(?:ngay|khi|luc|nam|thang|giai doan) nao(?: (?:nhe|nhi|a|vay|the|v|z))?\W*$")


def _cut(text: str, restored: str) -> tuple[str, str, str] | None:
    """The question cut at the last conjunction between its first question word and the next
    one: the two parts in the user's own words, and the second as restored. The restored text
    indexes the typed one character for character (diacritics only differ)."""
    asides = [m.span() for m in re.finditer(r"\([^()]*\)", restored)]  # "(năm nào cũng được)": no part's question word
    asks = [m for m in _ASKS.finditer(restored) if not any(a <= m.start() < b for a, b in asides)]
    for first, second in zip(asks, asks[1:]):
        joins = [m for m in _JOIN.finditer(restored, first.end(), second.start())]
        # ";" and ", còn" part two questions ("còn" alone may be "still": "nào còn hạn chế"); a "và"
        # may join two parties ("giữa A và B")
        # … and so does "?" before a question sentence opening with "còn / và" ("… ngày nào? Còn Nghị quyết X thì ngày
        # nào?"; not "… những ai? Mỗi người giữ chức vụ gì?", of the same rows); before another, as a bare comma
        # … and ", và" opening a clause of its own ("…, và trong cuộc họp X, Y họp với ai?")
        strong = [m for m in joins if ";" in m.group(0)
                  or "?" in m.group(0) and re.match(r"(?:còn|con|và|va)\s", restored[m.end():], re.IGNORECASE)
                  or "," in m.group(0) and re.search(r"(?<!\w)(?:còn|và)(?!\w)", m.group(0).lower())]
        weak = [m for m in joins if "và" in m.group(0).lower() and not re.search(
            r"(?<!\w)giữa(?!\w)(?:\s+\S+){0,6}\s*$", restored[max(0, m.start() - 60): m.start()], re.I)]
        # the second question word opens the second part's first clause ("…, và ai phát biểu"),
        # not a clause after it ("giữa A và B, với chức vụ gì": one question); after "; " or ", còn"
        # the second part may open with a clause of its own ("; và khi đoàn về làm việc, …")
        # a bare comma between a part that ends with its question word and one that opens with the next ("… ký
        # ngày nào, ai chỉ đạo hội nghị?") or with a subject of its own ("… ra mắt ngày nào, thời gian thực hiện là
        # từ năm nào đến năm nào?"; not "ở xã nào, huyện nào?", one place asked)
        # … or ends a few words after it ("… có bao nhiêu đội dự thi, giải nhất về đơn vị nào?") when the next opens
        # with a subject of its own
        # with a subject or a verb of its own
        bare = [m for m in joins if (m.group(0).strip() == "," or m.group(0).strip() == "?" and not re.match(  # "…? giải nhất …?"
                    r"(?:nếu|neu|họ|ho|nó|(?:ông|bà|anh|chị) ấy)\s", restored[m.end():], re.IGNORECASE))  # not "…? Nếu có …",
                and (m.end() == second.start() or (  # "…? Họ làm gì?": the first part's subject, asked on
                    (len(restored[m.end():second.start()].split()) >= (3 if not restored[first.end():m.start()].strip() else 2)
                     # … or "<noun> nào" and what it did: "… có bao nhiêu đội dự thi, đội nào đạt giải nhất?"
                     or bool(restored[first.end():m.start()].strip()) and second.group(0).lower() == "nào"
                     and len(restored[m.end():second.start()].split()) == 1 and len(restored[second.end():].split()) >= 2)
                    and not _SAME_ASKED.match(fold(restored[m.end():second.start()].lower()))
                    and not _PER_ROW.search(restored[m.end():].lower())))  # "…, vai trò gì ở mỗi lần?": of each row
                and (not restored[first.end():m.start()].strip() or len(restored[first.end():m.start()].split()) <= 3
                     and m.end() < second.start())
                or m.group(0).strip() == "," and _WHEN_LAST.match(fold(restored[m.end():].lower()))
                and first.group(0).lower() != "nào"  # "Chương trình nào … gần đây nhất, vào ngày nào?": the one found's
                and not _SEVERAL.search(fold(restored[:m.start()].lower()))]  # "những hội nghị nào, ngày nào": each row's
        cut = strong[-1] if strong else weak[-1] if weak and "," not in restored[weak[-1].end(): second.start()] \
            else bare[-1] if bare else None
        if cut is not None:
            lead = re.match(r"(?:và|va)\s+", text[cut.end():], re.IGNORECASE)
            at = cut.end() + (lead.end() if lead else 0)
            one, two = text[: cut.start()].strip(" ,;"), text[at:].strip(" ,;")
            if re.search(r"(?<!\w)còn\s*$", restored[cut.start():cut.end()], re.IGNORECASE) and \
                    re.match(r"(?:ở|o|tại|tai)\s", two, re.IGNORECASE):
                two = f"còn {two}"  # "…, còn ở X là ai?": the first part asked again, of the place X
            if len(one.split()) >= 3 and len(two.split()) >= 2:
                return one, two, restored[at:].strip(" ,;")
    return None


# "A hay B duy trì nhiều mô hình X hơn?" (folded): a comparison is the figure of each, asked part by part
_COMPARED = re.compile(r"^\W*(?P<a>.+?) hay (?P<b>.+?) (?P<verb>(?:duy tri|co|xay dung|dang ky|to chuc|ky(?: ket)?|thuc hien|dat|"
                       r"nhan|trao|tang|van dong|ho tro) )?(?:nhieu|it) (?P<noun>.+?) hon(?!\w)")


_EACH_FIGURE = re.compile(EACH_FIGURE)
# events counted of each ("Nam Sơn và Bắc Hà lần lượt tổ chức bao nhiêu hội thi?"): the archive's count, no part's
_COUNTED_EVENTS = re.compile(rf"(?<!\w)(?:bao nhieu|may) (?:{EVENT_NOUNS}|hoi thi|cuoc thi|su kien|hoat dong|bai)(?!\w)")
# two things asked one fact each ("A và B lần lượt ký ngày nào? Cái nào sớm hơn?", "A và B mỗi nơi duy trì bao nhiêu
# mô hình? Nơi nào nhiều hơn?"; folded): each asked alone, the comparison left to the reader of both answers
_EACH_OF_TWO = re.compile(r"^\W*(?P<a>\w+(?: [^ ?]+)+?),? va (?P<b>\w+(?: [^ ?]+)+?),? "
                          r"(?:lan luot|moi (?:noi|ben|chuong trinh|cai|tinh|don vi|nguoi)|tung (?:noi|ben))(?P<rest> [^?]+\?)")


def split_parts(text: str, restored: str) -> tuple[str, str] | None:
    """The two parts of a question asking two things (or comparing two figures); None otherwise."""
    if _EACH_FIGURE.search(fold(restored.lower())):  # "tỉnh nào và bao nhiêu mô hình": each place's figure, one ask
        return None
    if (each := _EACH_OF_TWO.match(fold(restored.lower()))) and _ASKS.search(restored, each.start("rest")) \
            and not re.search(r"(?<!\w)giua(?!\w)|(?<!\w)ky(?!\w)", each["a"]) \
            and all(re.search(r"(?<=\w )[A-ZĐ]|\d", text[each.start(k):each.end(k)]) for k in ("a", "b")) \
            and not _COUNTED_EVENTS.search(each["rest"]):  # each named; not one event ("hội nghị giữa A và B …") or
        # one signer ("A ký với B và C lần lượt …")
        a, b, rest = (text[each.start(k):each.end(k)] for k in ("a", "b", "rest"))
        return f"{a}{rest}", f"{b[0].upper()}{b[1:]}{rest}"
    if compared := _COMPARED.match(fold(restored.lower())):  # folding keeps offsets
        a, b, verb, noun = (restored[compared.start(k):compared.end(k)] for k in ("a", "b", "verb", "noun"))
        return f"{a} {verb}bao nhiêu {noun}?", f"{b[0].upper()}{b[1:]} {verb}bao nhiêu {noun}?"
    found = _cut(text, restored)
    if found is None:
        return _how_about(text, restored)
    one, two, _ = found
    # "Cho tôi 2 thông tin ở Nam Sơn: A …; và B …?", "Tôi chuẩn bị bài giảng: …": a request or the asker before what
    # both ask, left out, its place kept (a topic or an article said first, "Cuộc thi X: …", "Theo bài X: …", stays)
    lead, colon, rest = one.partition(": ")
    if colon and _REQUEST.match(fold(lead.lower())) and not _ASKS.search(restored[:len(lead)]) and len(rest.split()) >= 3:
        where = re.search(r"(?<!\w)(?:[Ởở]|[Tt]ại|[Oo]|[Tt]ai)\s+(?:[A-ZĐ]\w*\s*)+$", lead)  # its place ("ở Nam Sơn"), first
        said = where.group(0).strip() if where else ""
        one = f"{said[0].upper()}{said[1:]}, {rest}" if where else f"{rest[0].upper()}{rest[1:]}"
    return f"{one.rstrip('?')}?", f"{two[0].upper()}{two[1:]}"


# "… tên gì? Còn <title of another place>?": a second sentence naming only what the first is asked again of
_HOW_ABOUT = re.compile(r"^(?P<one>[^?]+\?)\s+(?P<two>(?:còn|con)\s+[^?]+\??)\s*$", re.IGNORECASE)


def _how_about(text: str, restored: str) -> tuple[str, str] | None:
    """The two parts of "<question>? Còn X?", X asking nothing of its own: the second asked as "còn X" is in a chat."""
    said = _HOW_ABOUT.match(restored)
    if said is None or not _ASKS.search(said["one"]) or _ASKS.search(said["two"]) or len(said["two"].split()) < 3:
        return None
    return text[:said.end("one")].strip(), text[said.start("two"):].strip()


def listed_part(text: str, restored: str) -> str | None:
    """The list a question asks for when it goes on to ask what each row says ("Những xã nào được
    nêu tên, và mỗi xã gắn với hoạt động gì?"); the caller asks it alone when it is a list across
    the articles, whose every row cites the sentence that says it."""
    found = _cut(text, restored)
    if found is None or not (_PER_ROW.match(found[2].lower()) or _IN_CONTEXT.match(fold(found[2].lower()))) \
            or not _SEVERAL.search(fold(found[0])):
        return None
    return f"{found[0].rstrip('?')}?"


# what the second part says of the first's ("… ai giữ chức này khi …", "… ký chương trình tương tự ngày nào?"; restored;
# "vị trí đó" is as often a place as a post: not read so)
_THIS_TITLE = re.compile(r"(?<!\w)(?P<held>(?:giữ|đảm nhiệm|nắm)\s+)?(?:chức(?:\s+vụ)?|cương vị)\s+(?:này|đó|ấy|trên)(?!\w)",
                         re.IGNORECASE)
_NOUNS = r"chương trình|kế hoạch|hội nghị|hội thi|mô hình|lễ ký kết|buổi làm việc"
_SIMILAR = re.compile(rf"(?<!\w)({_NOUNS})\s+(?:tương tự|như vậy|như thế)(?!\w)", re.IGNORECASE)
# … the title the first part names: its head and the words of a body's name after it, capitalised (not a person's name)
# or of the lower-case words of bodies' names ("Chủ tịch Ủy ban MTTQ tỉnh Bắc Hà"; not "… hiện nay", "… phát biểu")
_TITLE = re.compile(rf"(?:phó\s+)?{TITLE_HEAD.pattern}", re.IGNORECASE)
# … and where the first's thing of that noun ends: where it goes on to whom, on what day, where or what is asked (its
# period and year stay: they tell the programme)
_THING_ENDS = re.compile(r"\s+(?:giữa|với|cùng|ngày|vào|ở|tại|do|là|của|nào|được|khi)(?!\w)|\s*[,?;.]|$", re.IGNORECASE)


def _title_in(text: str) -> str | None:
    """The title a text names: its head and the words of the body after it (`_TITLE`), up to a person's name, a word of
    no body's name, or punctuation."""
    head = _TITLE.search(text)
    if head is None:
        return None
    words, end = text[head.end():].split(), head.end()
    for n, word in enumerate(words):
        bare = word.strip(",.;:?!()")
        if not (bare[:1].isupper() and not _a_name(words, n) or bare in NAME_LOWER or bare in UNITS):
            break
        end = text.index(bare, end) + len(bare)
        if bare != word:  # punctuation after it ends the title
            break
    return text[head.start():end]


def _a_name(words: list[str], n: int) -> bool:
    """Whether the capitalised words from n are a person's name ("Nguyễn Văn Hải"), not a province ("Hà Nam")."""
    run = [w.strip(",.;:?!()") for w in words[n:n + 3]]
    return run[0] in SURNAMES and len(run) > 1 and run[1][:1].isupper() and \
        not any(" ".join(run[:k]) in PROVINCES for k in (1, 2, 3))


def second_reading(first: str, second: str, store: "Store") -> str:
    """The second part, read with the first part's topic when it does not name its own; "(giữ) chức này" is the title
    the first part names, "chương trình tương tự" the programme it named (its period or year, not whom or what day)."""
    restored, said = store.restorer.restore(first), store.restorer.restore(second)
    if (this := _THIS_TITLE.search(said)) and (title := _title_in(restored)):
        held = "là" if this["held"] else "chức"  # "ai giữ chức này": "ai là <title>", as the first part asked
        second = f"{said[:this.start()]}{held} {title}{said[this.end():]}"
    elif (similar := _SIMILAR.search(said)) and \
            (thing := re.search(rf"(?<!\w){re.escape(similar.group(1))}(?!\w)", restored, re.IGNORECASE)):
        end = _THING_ENDS.search(restored, thing.end()).start()
        second = f"{said[:similar.start()]}{restored[thing.start():end]}{said[similar.end():]}"
    return understand(second, Context(first, topic_of(restored)), store)


def with_topic(first: str, second: str, store: "Store") -> str:
    """The second part as typed with the first part's topic before it, when the second, read alone, found
    no answer: "Đội nào đạt giải nhất" of "Hội thi X có bao nhiêu đội dự thi, và đội nào đạt giải
    nhất?" is asked of "Hội thi X"."""
    second = store.restorer.restore(second)  # each restored alone: a text with diacritics is left as typed
    lead, colon, _ = first.partition(": ")  # "Cuộc thi X ở Y: …": the topic said first, when it asks nothing
    if colon and len(lead.split()) >= 3 and not _ASKS.search(store.restorer.restore(lead)) \
            and not _REQUEST.search(fold(lead.lower())):  # "Anh chị cho em hỏi: …" asks, it is no topic
        return f"{lead}: {second[0].lower()}{second[1:]}"
    return f"{topic_of(store.restorer.restore(first))} {second[0].lower()}{second[1:]}"


_MARK = re.compile(r"(?<!\\)\[(\d+)\]")


def joined(question: str, parts: list[tuple[str, Answer]]) -> Answer:
    """One answer showing each part's, numbered, with the citations renumbered into one list
    (a citation both parts use keeps one number)."""
    citations, lines, items = [], [], []
    for n, (asked, answer) in enumerate(parts, start=1):
        numbers = {}
        for c in answer.citations:
            same = next((k for k in citations if (k.doc_id, k.start, k.end) == (c.doc_id, c.start, c.end)), None)
            if same is None:
                same = replace(c, n=len(citations) + 1)
                citations.append(same)
            numbers[c.n] = same.n
        text = _MARK.sub(lambda m: f"[{numbers.get(int(m.group(1)), m.group(1))}]", answer.text)
        lines.append(f"**{n}. {md_escape(asked)}**\n\n{text}")
        items += [replace(i, citation=numbers[i.citation]) for i in answer.items if i.citation in numbers]
    answered = [a for _, a in parts if not a.abstained]
    shorts = [a.short for a in answered if a.short]
    return Answer(question=question, kind="two_part", short=" | ".join(shorts) or None,
                  items=tuple(items), text="\n\n".join(lines), citations=tuple(citations),
                  abstained=not answered, confidence=min(a.confidence for _, a in parts),
                  passages=tuple(p for _, a in parts for p in a.passages))
