"""Articles whose headline holds a phrase, word for word: "Bao nhiêu bài có tiêu đề chứa cụm
'người có uy tín'?", "Những bài nào mà tên bài có chữ Dân vận khéo?".

A phrase the user quotes (or names after "cụm từ / chữ") is matched as written, on folded text,
in the title only: the words apart or in the body do not count, which is what "tiêu đề chứa"
asks. Each row cites the title itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.article_lists import listed_articles
from danvan_qa.qa.records import CANDIDATE_CHUNKS, Evidence, Listing

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

_QUOTES = "'\"“”‘’«»"
# "tiêu đề (có / đã) chứa / có / mang / nhắc tới (cụm từ) 'X'", "tên bài có chữ X"
_NOUN = r"(?:cum tu|cum|chu|dong chu|nhom tu|tu khoa|tu)"
_HEADLINE = re.compile(r"(?<!\w)(?:tieu de|nhan de|ten bai(?: viet| bao)?|tit)(?: bai)?(?: (?:co|da|deu))*"
                       r" (?:chua|co|mang|nhac (?:toi|den)|neu|ghi)"
                       rf" (?:(?:{_NOUN} )?[{_QUOTES}](?P<quoted>[^{_QUOTES}]+)[{_QUOTES}]"
                       rf"|(?!tu (?!khoa)){_NOUN} (?P<bare>[^,?.;:!]+?)(?: (?:khong|ko|vay|nhi|a))?\s*(?:[,?.;:!]|$))")


# the articles asked for ("bao nhiêu bài", "những bài nào"), and nothing else of them ("… ai là", "… ngày nào")
_ARTICLES = re.compile(r"(?<!\w)(?:(?:bao nhieu|may|nhung|cac) bai(?: viet| bao)?|bai(?: viet| bao)? nao)(?!\w)")
_ELSE = re.compile(r"(?<!\w)(?:ai|ngay nao|khi nao|bao gio|o dau|nam nao|la gi)(?!\w)")


def asked_phrase(q: "Question") -> str | None:
    """The phrase a question asks to find in headlines, as the user wrote it; None when it asks
    none, or asks something else of the article so titled ("Trong bài có tiêu đề chứa cụm X, ai là
    …?"). Read on the question as typed, so a quote is not taken for diacritics restored."""
    said = q.text.strip()
    match = _HEADLINE.search(fold(said.lower()))  # folding keeps offsets
    if match is None or not _ARTICLES.search(q.folded) or _ELSE.search(fold(said[match.end():].lower())):
        return None
    group = "quoted" if match["quoted"] else "bare"
    phrase = said[match.start(group):match.end(group)].strip()
    return phrase if re.search(r"\w", phrase) else None


def with_headline(phrase: str, q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The articles whose title holds `phrase` word for word (folded), newest first, each citing its
    title. Candidates are the articles of the chunks BM25 ranks first for the phrase, so the cost
    does not grow with the archive; when the last of them still holds it, the answer says "at least"."""
    wanted = _words(phrase)
    ranked = store.lexical_search(phrase, CANDIDATE_CHUNKS).rows.tolist()
    chunks, docs = store.data.chunks, store.data.documents
    rows = []
    for doc_id in filter(keep, dict.fromkeys(chunks[row].doc_id for row in ranked)):
        doc = docs[doc_id]
        if f" {wanted} " not in f" {_words(doc.title)} ":
            continue
        at = doc.text.find(doc.title.strip())  # the title opens the text
        rows.append((doc_id, Evidence.of(doc, at, at + len(doc.title.strip())) if at >= 0 else
                     Evidence.of(doc, *store.sentences(doc_id)[0])))
    more = len(ranked) == CANDIDATE_CHUNKS and chunks[ranked[-1]].doc_id in dict(rows)
    return listed_articles(rows, more, phrase, q, store)


def _words(text: str) -> str:
    """Its words folded, one space apart: a phrase matched word for word, whatever its punctuation."""
    return " ".join(re.findall(r"\w+", fold(text)))
