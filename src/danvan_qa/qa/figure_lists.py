"""A figure each place gives, across the archive: "Công an những tỉnh nào nêu số mô hình “Dân vận khéo”
mà lực lượng công an tỉnh đang duy trì, và mỗi nơi là bao nhiêu mô hình?".

One row per article: its place, and the first sentence of its text that writes a number right before
the thing counted ("duy trì 42 mô hình “Dân vận khéo”"), holding the kind asked in quotes. Asked of a
body ("Công an những tỉnh nào", "lực lượng công an"), the sentence or the article's lead names it; asked
of provinces, an article of a city or district is none. The headline repeated in the text is no row:
the sentence that says who keeps the figure is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import quoted
from danvan_qa.qa.records import EACH_FIGURE, FIGURE_NOUNS as _NOUNS, FIGURE_PLACES as _PLACES
from danvan_qa.qa.records import Listing, Strong, ranked_articles, sentence_evidence, titled_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# which places (or units) … and the number of a thing: "những tỉnh nào … số mô hình …", "… mỗi nơi bao nhiêu mô hình",
# "… tỉnh nào và bao nhiêu mô hình"
_KIND = r"(?: (?!(?:ma|cua|o|tai|va|nao|duoc|da|dang|trong|theo|la)(?!\w))\w+){0,3}"  # the kind of thing: "“Dân vận khéo”"
_ASKS = re.compile(rf"(?<!\w)(?:(?:nhung|cac) {_PLACES}(?: \w+){{0,2}}?|(?:cong an|ca) (?:tinh|thanh pho)) nao(?!\w)"
                   r".*?(?<!\w)(?:so(?: luong)?|bao nhieu|con so(?: cu the)?(?: ve)?(?: so)?) (?P<noun>mo hinh|to|doi|cau lac bo)(?!\w)"
                   rf"(?P<kind>{_KIND})"
                   rf"|(?={EACH_FIGURE}){_PLACES} nao,? (?:va|voi) (?:so|bao nhieu|may) (?P<noun_each>{_NOUNS})(?!\w)"
                   rf"(?P<kind_each>{_KIND})")
# … or the number first and each place after it: "… bao nhiêu mô hình “X”? Liệt kê theo từng tỉnh"
_ASKS_EACH = re.compile(r"(?<!\w)(?:so(?: luong)?|bao nhieu) (?P<noun>mo hinh|to|doi|cau lac bo)(?!\w)"
                        rf"(?P<kind>{_KIND})"
                        rf".{{0,80}}?(?<!\w)(?:tung|moi) {_PLACES}(?!\w)"  # "liệt kê / xin từng tỉnh"
                        # … or the places first: "Công an các tỉnh (đang) có bao nhiêu mô hình “X”?", "Có mấy tỉnh mà
                        # bài báo nêu rõ Công an tỉnh có bao nhiêu mô hình “X”?"
                        # (said "có mấy tỉnh": "tặng máy tính" folds alike; one question, no "và" or comma between)
                        rf"|(?<!\w)(?:(?:cong an|ca) (?:cac|tung|moi) {_PLACES}(?: \w+){{0,3}}?|co (?:bao nhieu|may) {_PLACES}"
                        r"(?!\w)(?:(?! va |,).){0,60}?) (?:so(?: luong)?|bao nhieu) "
                        r"(?P<noun_after>mo hinh|to|doi|cau lac bo)(?!\w)"
                        rf"(?P<kind_after>{_KIND})")
_POLICE = re.compile(r"(?<!\w)cong an(?!\w)")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_OTHER_LEVEL = re.compile(r"^(?:tp|thanh pho|huyen|quan|thi xa|xa|phuong)(?!\w)")
_LEAD = 400  # characters of an article's opening that say whose figures it gives
_EDGES = " .\"“”\n"
_WRITTEN = {"mo hinh": "mô hình", "to": "tổ", "doi": "đội", "cau lac bo": "câu lạc bộ"}  # the nouns asked, as written


def asks_figures(q: "Question") -> re.Match | None:
    """The question's ask for each place's number of a thing, or None; a question naming one place asks its own
    ("Công an tỉnh X xây dựng bao nhiêu mô hình … để hỗ trợ từng địa phương?")."""
    if asked := _ASKS.search(q.folded):
        return asked
    each = _ASKS_EACH.search(q.folded)
    return None if each and each["noun"] and len(q.places) == 1 else each


def figures(asked: re.Match, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """A row per article of a place, newest first, citing the sentence that gives its number of the thing
    asked; None when no article gives one."""
    said, kind = next((n, k) for n, k in (("noun", "kind"), ("noun_each", "kind_each"), ("noun_after", "kind_after"))
                      if n in asked.groupdict() and asked[n])  # places before the number, beside it or after
    noun = asked[said]
    kinds = [fold(k.lower()) for k in quoted(q.restored)] or ([asked[kind].strip()] if asked[kind].strip() else [])
    # "Công an những tỉnh nào", "lực lượng công an", "… mô hình mà công an cấp tỉnh xây dựng" (not a quoted kind's)
    unquoted = fold(_QUOTED.sub(" ", q.restored).lower())
    police = bool(_POLICE.search(q.folded[:asked.start(said)]) or _POLICE.search(unquoted))
    provinces = " tinh" in f" {asked.group(0)}"
    # the noun as written ("tổ", not "tô" or "tổ chức"); no year ("Từ năm 2022 mô hình …")
    number = re.compile(rf"(?<![\w.,])(?!(?:19|20)\d\d(?!\d))\d[\d.]*\s+{_WRITTEN[noun]}(?!\w)(?! (?:chức|tượng))",
                        re.IGNORECASE)
    docs, rows = store.data.documents, []
    for doc_id in ranked_articles(store, " ".join([_WRITTEN[noun], *kinds]), keep):
        doc = docs[doc_id]
        if provinces and _OTHER_LEVEL.match(fold((doc.place or "").lower())):
            continue  # a city's or a district's figure
        folded, title = store.words(doc_id).folded, fold(doc.title.lower()).strip(_EDGES)
        for start, end in store.sentences(doc_id):
            said, at = folded[start:end], number.search(doc.text, start, end)
            if said.strip(_EDGES) == title or at is None or not all(k in said for k in kinds):
                continue
            if police and not (_POLICE.search(said) or _POLICE.search(folded[:_LEAD])):
                continue
            rows.append((f"{doc.place or doc.title}: {at.group(0)}", doc,
                         sentence_evidence(store.sentences(doc_id), doc, at.start(), at.end())))
            break
    if not rows:
        return None
    rows.sort(key=lambda row: row[1].date or "", reverse=True)
    shown = " ".join([_WRITTEN[noun], *(f"“{k}”" for k in quoted(q.restored))])  # the question's punctuation is not folded
    return titled_rows((f"{len(rows)} bài viết nêu số ", Strong(shown), " của từng nơi:"), rows, q.folded, q.restored)
