"""Who wrote an article and where it comes from: "Ai viết bài và chụp ảnh về lễ ký kết …?",
"Bài viết về buổi làm việc … lấy nguồn từ đâu?".

A news article signs off with a byline ("Bài và ảnh: Lê Minh Châu", "Tin, ảnh: …", "PV: …") and
often names its source ("Nguồn: Thông tấn xã Việt Nam", "(Theo Báo Bắc Hà)"). Such a question is answered from that
line of the best-retrieved article, quoted as published: a lookup, as lists across articles
are, given only when that article holds TOPIC_HELD of the weight of the question's other words
(a rule, not a fitted threshold: two gold questions ask this). An article without such a line
leaves the question to the usual pipeline.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.index.store import word_set
from danvan_qa.ingest.normalize import fold, has_diacritics
from danvan_qa.qa.records import (Candidate, Evidence, Features, Listing, Statement, Strong, ranked_articles,
                                  sentence_evidence, titled_rows)

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.qa.extractive import Scorer
    from danvan_qa.qa.questions import Question
    from danvan_qa.records import Passage

TOPIC_HELD = 0.75

# "Ai viết bài", "phóng viên nào chụp ảnh", "tác giả bài viết" (as restored: folded "bai", "anh", "tin" are also
# "bãi", "anh", "tín"); a song, a poem or a speech has an author that is not the article's
_ASKS_AUTHOR = re.compile(r"(?<!\w)(?:(?:ai|người nào|phóng viên nào)(?: đã| là)? (?:viết|chụp|thực hiện|đưa) (?:bài|tin|ảnh)"
                          r"|tác giả (?:của )?(?:bài|tin)|bút danh|người viết bài)(?!\w)(?! (?:hát|thơ|phát biểu|lưu niệm))",
                          re.IGNORECASE)
_ASKS_PHOTO = re.compile(r"(?<!\w)(?:chụp ảnh(?! lưu niệm| kỷ niệm| chung| cùng)|tác giả (?:của )?ảnh"
                         r"|ảnh (?:\w+ )?(?:của|do) (?:ai|tác giả nào|phóng viên nào))(?!\w)", re.IGNORECASE)
# "Bài viết … lấy nguồn từ đâu", "Tin … đăng trên báo nào": the article itself is named first
_ASKS_SOURCE = re.compile(r"(?<!\w)(?:bài|tin)(?: viết| báo)?(?!\w).{0,120}?(?<!\w)(?:lấy nguồn|nguồn từ đâu|nguồn tin"
                          r"|(?:đăng|đăng tải) (?:trên |ở )?(?:báo|trang) nào|của (?:báo|trang|hãng tin) nào)(?!\w)",
                          re.IGNORECASE)
# A byline or a source line as written, alone on its line; "(Theo …)" in brackets, or a last line "Theo …"
_AUTHOR_LINE = re.compile(r"^[ \t]*(?P<label>bài và ảnh|bài, ảnh|tin và ảnh|tin, ảnh|bài|tin|ảnh|tác giả|nhóm pv|pv)"
                          r"[ \t]*:[ \t]*(?P<name>[^\n:]{2,60}?)[ \t.]*$", re.IGNORECASE | re.MULTILINE)
_SOURCE_LINE = re.compile(r"^[ \t]*(?:nguồn[ \t]*:|\(theo)[ \t]*(?P<name>[^\n:()]{2,60}?)[ \t.)]*$"
                          r"|(?:^|\n)[ \t]*theo[ \t]+(?P<last>[^\n:()]{2,60}?)[ \t.]*\s*\Z", re.IGNORECASE | re.MULTILINE)
# A photograph's credit closing its caption: "… chứng kiến lễ ký kết. Ảnh: Lê Minh Châu"
_CAPTION_CREDIT = re.compile(r"(?<=[.)])[ \t]+ảnh[ \t]*:[ \t]*(?P<name>[^\n:]{2,40}?)[ \t.]*$", re.IGNORECASE | re.MULTILINE)
_MAX_WORDS = 8  # "Theo đó, hai bên …" is a sentence, not a credit
# The words that ask for the credit, not the article's topic (folded)
_ASKING = frozenset("viet bai chup anh tac gia nguon lay tu dau dang tai tren bao trang hang tin but danh phong vien "
                    "thuc hien dua trich theo".split())


def asks_byline(q: "Question") -> str | None:
    """"author", "photo" or "source" when the question asks who wrote the article, who took its
    photographs or where it comes from."""
    text, typed = (q.restored, 0) if has_diacritics(q.text) or has_diacritics(q.restored) else (q.folded, 1)
    author, photo, source = (_folded(p) if typed else p for p in (_ASKS_AUTHOR, _ASKS_PHOTO, _ASKS_SOURCE))
    if author.search(text) or photo.search(text):
        writes = re.search(r"(?<!\w)(?:ai|người nào|nguoi nao|tác giả|tac gia)(?: đã| da| là| la)? vi[eế]t(?!\w)", text, re.I)
        return "photo" if photo.search(text) and not writes else "author"
    return "source" if source.search(text) else None


@functools.lru_cache(maxsize=8)
def _folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern written with diacritics, for a question no one could restore them to."""
    return re.compile(fold(pattern.pattern), pattern.flags)


def byline(asked: str, doc: "Document", evidence: Callable[[int, int], Evidence]) -> tuple[str, Statement] | None:
    """The name an article's last byline or source line gives, with its statement citing that
    line; None when the article has no such line."""
    found = _credits(asked, doc)
    if not found:
        return None
    m, group = found[-1]  # a credit closes the article
    name, line = m.group(group), m.group(0)
    where = evidence(m.start() + len(line) - len(line.lstrip()), m.end(group))  # the line, as published
    lead = {"author": "Bài viết của ", "photo": "Ảnh của "}.get(asked, "Nguồn: ")
    return name, Statement((lead, Strong(name)), where)


def _credits(asked: str, doc: "Document") -> list[tuple[re.Match[str], str]]:
    """An article's credit lines of the kind asked, in order, each with the group naming it."""
    if asked == "source":
        found = [(m, m.group("name") and "name" or "last") for m in _SOURCE_LINE.finditer(doc.text)]
    else:  # a writer's line for the writer ("Bài: …", "Bài và ảnh: …"); a photographer's for photographs
        found = [(m, "name") for m in _AUTHOR_LINE.finditer(doc.text)
                 if (asked == "photo") == ("ảnh" in m.group("label").lower()) or "và ảnh" in m.group("label").lower()
                 or ", ảnh" in m.group("label").lower()]
        if asked == "photo":  # and the captions' credits
            found = sorted(found + [(m, "name") for m in _CAPTION_CREDIT.finditer(doc.text)], key=lambda mg: mg[0].start())
    return [(m, group) for m, group in found if len(m.group(group).split()) <= _MAX_WORDS]


def credit_rows(asked: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> "Listing | None":
    """Across the archive ("Ảnh trong các bài là của những tác giả nào?"): each article's credits of
    the kind asked, a row per (name, article), newest first, citing the credit as published."""
    docs = store.data.documents
    words = {"photo": "ảnh", "author": "bài", "source": "nguồn theo"}[asked]
    rows = []
    for doc in sorted((docs[d] for d in ranked_articles(store, words, keep)), key=lambda d: d.date or "", reverse=True):
        named: set[str] = set()
        for m, group in _credits(asked, doc):
            name = m.group(group).strip()
            if name.lower() not in named:
                named.add(name.lower())
                start = m.start(group) if asked == "photo" and m.re is _CAPTION_CREDIT else m.start()
                rows.append((name, doc, sentence_evidence(store.sentences(doc.doc_id), doc, start, m.end(group))))
    if not rows:
        return None
    kind = {"photo": "tác giả ảnh", "author": "tác giả bài", "source": "nguồn"}[asked]
    return titled_rows((f"Các bài viết ghi {len(rows)} {kind}:",), rows, q.folded, q.restored)


def credited(q: "Question", scorer: "Scorer", passages: list["Passage"], store: "Store") -> Candidate | None:
    """The byline or source of the best-retrieved article when the question asks for it and the
    article holds its topic; None otherwise."""
    asked = asks_byline(q)
    if asked is None or not passages:
        return None
    doc = store.data.documents[passages[0].doc_id]
    topic = {t: w for t, w in scorer.weights.items() if t not in _ASKING}
    held = scorer.held(store.words(doc.doc_id).text.unigrams | word_set(fold(doc.title)).unigrams)
    share = sum(w for t, w in topic.items() if t in held) / sum(topic.values()) if topic else 0.0
    found = byline(asked, doc, lambda start, end: Evidence.of(doc, start, end)) if share >= TOPIC_HELD else None
    if found is None:
        return None
    name, statement = found
    return Candidate("fact", name, statement.evidence, Features(("topic_held",), (share,)), (statement,))
