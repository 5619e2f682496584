"""Who wrote an article and where it comes from: "Ai viết bài và chụp ảnh về lễ ký kết …?",
"Bài viết về buổi làm việc … lấy nguồn từ đâu?".

A news article signs off with a byline ("Bài và ảnh: Thanh Sơn", "Tin, ảnh: …", "PV") and often
names its source ("Nguồn: Tin tức TTXVN", "(Theo TTXVN)"). Such a question is answered from that
line of the best-retrieved article, quoted as published: a lookup, as lists across articles
are, given only when that article holds TOPIC_HELD of the weight of the question's other words
(a rule, not a fitted threshold: two gold questions ask this). An article without such a line
leaves the question to the usual pipeline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.index.store import word_set
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.records import Candidate, Evidence, Features, Statement, Strong

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.corpus import Document
    from danvan_qa.qa.extractive import Scorer
    from danvan_qa.qa.questions import Question
    from danvan_qa.records import Passage

TOPIC_HELD = 0.75

# "Ai viết bài", "phóng viên nào chụp ảnh", "tác giả bài viết" (folded)
_ASKS_AUTHOR = re.compile(r"(?<!\w)(?:(?:ai|nguoi nao|phong vien nao)(?: da| la)? (?:viet|chup|thuc hien|dua) (?:bai|tin|anh)"
                          r"|tac gia (?:cua )?(?:bai|tin)|but danh|nguoi viet bai)(?!\w)")  # not "ai thực hiện mô hình"
# "lấy nguồn từ đâu", "nguồn của bài", "đăng trên báo nào", "theo nguồn nào" (folded)
_ASKS_SOURCE = re.compile(r"(?<!\w)(?:nguon (?:tu|o|cua|tin|bai|nao|la)|(?:lay|trich|theo) nguon"
                          r"|(?:dang|dang tai|dang tren) (?:tren |o )?(?:bao|trang) nao|cua (?:bao|trang|hang tin) nao)(?!\w)")
# A byline or a source line as written, alone on its line
_AUTHOR_LINE = re.compile(r"^[ \t]*(?:bài và ảnh|bài, ảnh|tin và ảnh|tin, ảnh|bài|tin|ảnh|tác giả|nhóm pv|pv)"
                          r"[ \t]*:[ \t]*(?P<name>[^\n:]{2,60}?)[ \t.]*$", re.IGNORECASE | re.MULTILINE)
_SOURCE_LINE = re.compile(r"^[ \t]*\(?(?:nguồn[ \t]*:|theo)[ \t]*(?P<name>[^\n:]{2,60}?)[ \t.)]*$",
                          re.IGNORECASE | re.MULTILINE)
_MAX_WORDS = 8  # "Theo đó, hai bên …" is a sentence, not a credit
# The words that ask for the credit, not the article's topic (folded)
_ASKING = frozenset("viet bai chup anh tac gia nguon lay tu dau dang tai tren bao trang hang tin but danh phong vien "
                    "thuc hien dua trich theo".split())


def asks_byline(q: "Question") -> str | None:
    """"author" or "source" when the question asks who wrote the article or where it comes from."""
    if _ASKS_AUTHOR.search(q.folded):
        return "author"
    return "source" if _ASKS_SOURCE.search(q.folded) else None


def byline(asked: str, doc: "Document", evidence: Callable[[int, int], Evidence]) -> tuple[str, Statement] | None:
    """The name an article's last byline or source line gives, with its statement citing that
    line; None when the article has no such line."""
    pattern = _AUTHOR_LINE if asked == "author" else _SOURCE_LINE
    found = [m for m in pattern.finditer(doc.text) if len(m.group("name").split()) <= _MAX_WORDS]
    if not found:
        return None
    m = found[-1]  # a credit closes the article
    name, line = m.group("name"), m.group(0)
    where = evidence(m.start() + len(line) - len(line.lstrip()), m.end("name"))  # the line, as published
    lead = "Bài viết của " if asked == "author" else "Nguồn: "
    return name, Statement((lead, Strong(name)), where)


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
