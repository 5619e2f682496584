"""Whom the acts a question names were done for, across the archive: "Lực lượng công an đã tặng
quà, ủng hộ tiền hoặc xây nhà tình nghĩa cho những ai?"; and the forms of a practice the articles
name: "Các bài nhắc đến những hình thức đối thoại nào …?".

No column of the fact table holds either, so sentences are read, a row each, newest article
first; the articles read are those of the chunks BM25 ranks first for the question's words, so
the cost does not grow with the archive. An act is its words in order, a few others between them
("xây dựng 37 căn nhà tình nghĩa" is "xây nhà tình nghĩa"), its verb written as the question
writes it; its row is named by whom it was for (what follows "cho", else the act and the rest of
its clause). A form of a practice is a sentence naming it with words after it ("… tổ chức đối
thoại chuyên đề …"), its row named by the practice and those words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.records import Evidence, Listing, Strong, ranked_articles, sentence_evidence, titled_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.qa.questions import Question

# "<acts> cho những ai / cho những đối tượng nào" (folded), the acts listed with commas, "hoặc", "và"
_ASKS = re.compile(r"^(?:.*? )?(?:da )?(?P<acts>(?:tang|trao|ung ho|xay(?! dung)|ho tro|tham hoi)(?:,? \w+)*?) "
                   r"cho (?:nhung|cac) (?:ai|doi tuong|nguoi|dia phuong|gia dinh|don vi)(?: nao)?"
                   r"(?:,? (?:(?:vao|nhan) (?:dip|ngay) (?:gi|nao)|o dau|khi nao))?$")  # "…, vào dịp gì?": each row says
_SPLIT = re.compile(r",| hoac | va | hay ")
GAP = 3  # other words an act's words may have between them as written
# whom, as written: after "cho" ("tặng quà cho 100 người …"), else the act's object ("ủng hộ các tỉnh bị thiệt hại …")
_WHOM = re.compile(r"\s*(?:[^\s.,;:]+\s+){0,3}?cho\s+(.{3,80}?)(?=[,;:]|\.(?!\d)| nhân dịp| tại| với| trị giá|$)"
                   r"|(.{0,80}?)(?=[,;:]|\.(?!\d)| với|$)", re.IGNORECASE)  # "150.000 hộ": a number, not a stop


def asks_recipients(q: "Question") -> list[str] | None:
    """The acts a question asks the recipients of (as restored, "tặng quà"), or None; not of a named
    person (their history answers what they did)."""
    if q.person:
        return None
    restored = " ".join(re.findall(r"\w+|,", q.restored.lower())).replace(" ,", ",")  # its commas kept
    found = _ASKS.match(fold(restored))  # folding keeps every character's place
    if found is None:
        return None
    acts = [" ".join(a.split()) for a in _SPLIT.split(fold(restored[found.start("acts"):found.end("acts")]))
            if a.strip()]
    typed = " ".join(re.findall(r"\w+|,", q.text.lower())).replace(" ,", ",")
    said = typed if fold(typed) == fold(restored) else restored  # typed bare: its acts restored alone (recipients)
    at, written = 0, []
    for act in acts:  # each act as typed or restored, found again at its place
        at = fold(restored).index(act, at)
        written.append(said[at:at + len(act)])
    return written or None


def _act_pattern(words: list[str]) -> str:
    """An act's folded words in order within one clause, up to GAP other words before each after the first."""
    return re.escape(words[0]) + "".join(rf"(?:\s+\w+){{0,{GAP}}}?\s+{re.escape(w)}" for w in words[1:])


def recipients(acts: list[str], store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per sentence reporting one of the acts done for someone, newest article first."""
    # an act typed without marks is restored alone: "công an tang qua" is no "tăng" of "Công an tăng cường"
    acts = [store.restorer.restore(a) if fold(a) == a else a for a in acts]
    patterns = [(re.compile(rf"(?<!\w){_act_pattern(fold(a).split())}(?!\w)"), a.split()[0]) for a in acts]

    def whom(text: str, folded: str, a: int, b: int) -> str | None:
        # its verb as the question writes it: "tặng quà", not "tăng hiệu quả", which folds alike
        hit = next((m for p, verb in patterns for m in p.finditer(folded, a, b)
                    if text[m.start():m.start() + len(verb)].lower() == verb), None)
        found = _WHOM.match(text, hit.end(), b) if hit else None
        if found is None:
            return None
        # whom after "cho"; else the act and the rest of its clause ("xây dựng 37 căn nhà tình nghĩa",
        # "ủng hộ các tỉnh bị thiệt hại do mưa lũ 400 triệu đồng")
        return found.group(1) or text[hit.start():hit.end()] + found.group(2)

    rows = _sentence_rows(store, fold(" ".join(acts)), keep, whom)
    return titled_rows((f"Các bài viết nêu {len(rows)} trường hợp, người hay nơi được nhận:",), rows, "", "") \
        if rows else None


def _sentence_rows(store: "Store", query: str, keep: Callable[[str], bool],
                   name_of: Callable[[str, str, int, int], str | None]) -> list[tuple[str, "Document", Evidence]]:
    """A row per sentence `name_of` names (from the article's text, its folded copy and the
    sentence's bounds), over the articles of the chunks BM25 ranks first for `query`, newest first."""
    docs = store.data.documents
    rows = []
    for doc_id in ranked_articles(store, query, keep):
        doc, folded, spans = docs[doc_id], store.words(doc_id).folded, store.sentences(doc_id)
        for a, b in spans:
            name = name_of(doc.text, folded, a, b)
            if name and name.strip():
                rows.append((name.strip(), doc, sentence_evidence(spans, doc, a, b)))
    return sorted(rows, key=lambda row: row[1].date or "", reverse=True)


# "những hình thức đối thoại nào", "các hình thức tuyên truyền nào" (folded): the practice whose forms are asked
_FORMS = re.compile(r"(?<!\w)(?:nhung|cac) (?:hinh thuc|cach thuc|kieu) (?P<practice>\w+(?: \w+){0,3}?) nao(?!\w)")
_NAMED = re.compile(r"[^,.;:()]{0,60}(?<=\w)(?!\w)|")  # the words after the practice, whole, to the clause's end


def asks_forms(q: "Question") -> str | None:
    """The practice (its folded words) whose forms the question asks, or None."""
    found = _FORMS.search(q.folded)
    return found["practice"] if found else None


def forms(practice: str, store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per sentence naming the practice, named by it and the words after it, newest first."""
    pattern = re.compile(rf"(?<!\w){re.escape(practice)}(?!\w)")

    def form(text: str, folded: str, a: int, b: int) -> str | None:
        hit = pattern.search(folded, a, b)
        named = _NAMED.match(text, hit.end(), b).group(0) if hit else ""
        # a form named ("đối thoại chuyên đề …"), not the practice in passing
        return text[hit.start():hit.end()] + named if hit and named.strip() else None

    rows = _sentence_rows(store, practice, keep, form)
    if not rows:
        return None
    written = rows[0][0][:len(practice)]  # as the newest article writes it ("đối thoại")
    return titled_rows((f"Các bài viết nêu {len(rows)} lần ", Strong(written), ":"), rows, "", "")
