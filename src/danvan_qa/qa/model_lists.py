"""Models (mô hình) named across the archive: "Các mô hình tự quản được kể tên trong các bài là
những mô hình nào?", "Kể tên các mô hình "Dân vận khéo" cụ thể … được nêu trong các bài".

The press names a model in quotes after "mô hình", often several in a row ("mô hình “A”, “B” và
“C”", "Nhiều mô hình điển hình như: “A”; mô hình “B”"). Each quoted name is a row, citing its
sentence, counted once however many articles name it. The question narrows them: the words right
after "mô hình" ("mô hình tự quản") must be in the name; its other words of substance ("của lực
lượng công an") and a quoted kind ("Dân vận khéo") in the article, three quarters of them by rarity; of two places
asked or more, one. A kind written in quotes before a name ("Mô hình “Dân vận khéo” cấp tỉnh “Tôi làm Công an xã”")
is the kind, not a model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterator

from danvan_qa.index.store import word_set
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.extractive import held_share, rarity
from danvan_qa.qa.questions import place_in, unbracketed
from danvan_qa.qa.records import Listing, Strong, ranked_articles, sentence_evidence, titled_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.qa.questions import Question

# "những / các mô hình …", or "bao nhiêu mô hình … được kể tên": not "bao nhiêu mô hình" alone, which
# asks for the number an article gives ("Công an tỉnh đã xây dựng bao nhiêu mô hình?")
_ASKS = re.compile(r"(?<!\w)(?:nhung|cac) mo hinh(?!\w)|(?<!\w)(?:bao nhieu|may) mo hinh(?!\w)(?=.*(?<!\w)(?:ke ten|"
                   r"neu ten|duoc neu|nhac den|nhac toi|de cap|khac nhau)(?!\w))")
# … or named first, of several places: "A với B, … kể tên / nêu đích danh (tổng cộng) bao nhiêu mô hình" (of one place,
# "Bài về Công an tỉnh X nêu tên bao nhiêu mô hình?" asks the figure its article gives)
_NAMED_COUNT = re.compile(r"(?<!\w)(?<!duoc )(?:ke ten|neu (?:dich danh|ten))(?: tong cong| tat ca)? (?:bao nhieu|may) "
                          r"mo hinh(?!\w)")
_MODEL = re.compile(r"(?<!\w)[Mm]ô hình")
_COUNTED_KIND = re.compile(r"\d[\d.]*\s+mô hình\s*[“\"]$")  # "20 mô hình “X”": models of X counted
_QUOTE = re.compile(r"[“\"]([^”\"\n]{2,200})[”\"]")
_ASKED_QUOTE = re.compile(r"[“\"‘']([^”\"’'\n]{2,200})[”\"’']")  # a question quotes a kind in single quotes too
HELD = 0.75  # the share of the question's other words, weighted by rarity, an article must hold
_LEAD_GAP = 60  # characters between "mô hình" and its first quoted name ("tiêu biểu được ghi nhận là")
_KIND_GAP = re.compile(r"\s*(?:cấp (?:tỉnh|huyện|xã|cơ sở|bộ))?\s*$")  # between a quoted kind and its model
_JOIN_GAP = 40  # characters between two names of one run
_JOIN = re.compile(r"\s*(?:[,;:]|\s(?:và|hoặc)\s)?\s*(?:[Mm]ô hình\s*)?$")  # between two names of one run
# Words of the question's frame, not of what the models are about; "lực lượng công an" is the police,
# however an article names it ("Công an tỉnh")
_FRAME = frozenset("nhung cac bao nhieu may mo hinh nao la gi duoc da co ke ten neu nhac den toi trong bai viet bao "
                   "tin cu the dich danh nay khac nhau tat ca tong cong hay va hoac cua o tai ve luc luong xin giup "
                   "gium nhe vay".split())  # (and a request's words)
# which models, not what they are about: "mô hình tiêu biểu / điển hình / nổi bật" (folded pairs: "điện", "nói" alone
# are words of a topic)
_WHICH = re.compile(r"(?<!\w)(?:tieu bieu|dien hinh|noi bat)(?!\w)")


def asks_models(q: "Question") -> bool:
    """Whether the question asks which (or how many) models are named; the caller has checked
    that it asks across the articles."""
    return bool(_ASKS.search(q.folded) or len(q.places) > 1 and _NAMED_COUNT.search(q.folded))


def models(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """The quoted models of the articles holding the question's words, newest article first."""
    unquoted = _ASKED_QUOTE.sub(" ", unbracketed(q.restored))  # a kind in quotes, an aside in brackets
    words = re.findall(r"\w+", _WHICH.sub(" ", fold(unquoted.lower())))
    after = _modifier(words)
    kinds = {fold(k.strip().lower()) for k in _ASKED_QUOTE.findall(q.restored)}  # "Dân vận khéo": the kind, no model
    kind = [w for k in kinds for w in re.findall(r"\w+", k)]
    # two places or more ("của Công an tỉnh A và Công an tỉnh B"): each article holds one of them, not all
    several = {"voi", *(w for place in q.places for w in place.split())} if len(q.places) > 1 else set()  # "A với B"
    topic = [w for w in words if w not in _FRAME and w not in after and w not in several] + kind
    weight = {w: rarity(w, store.restorer.folded_count, store.restorer.total) for w in topic}
    docs = store.data.documents
    found: dict[str, tuple] = {}  # folded name -> (name, article, evidence), its first mention
    for doc_id in ranked_articles(store, " ".join(["mô hình", *after, *topic]), keep):
        doc = docs[doc_id]
        held = store.words(doc_id).text.unigrams | word_set(fold(doc.title.lower())).unigrams
        if held_share(weight, held) < HELD or several and not any(
                place_in(place, fold(f"{doc.title}\n{doc.place or ''}\n{doc.text}".lower())) for place in q.places):
            continue
        spans = store.sentences(doc_id)
        for name, at in _named(doc.text):
            folded = fold(name.lower())
            # the kind asked, counted ("duy trì 20 mô hình “Dân vận khéo”"), not a model ("2.173 mô hình “Tự quản …”" is)
            kind_asked = re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", q.folded) and \
                _COUNTED_KIND.search(doc.text, max(0, at - 30), at)
            if folded not in kinds and folded not in found and not kind_asked and all(
                    re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in after) \
                    and _of_kind(doc.text, at, kinds, doc.title):
                found[folded] = (name, doc, sentence_evidence(spans, doc, at, at + len(name)))
    if not found:
        return None
    rows = sorted(found.values(), key=lambda row: row[1].date or "", reverse=True)
    shown = " ".join(w for w in re.findall(r"\w+", unquoted) if fold(w.lower()) in after)
    return titled_rows((f"Các bài viết nêu {len(rows)} mô hình{' ' if shown else ''}", Strong(shown) if shown else "",
                        ":"), rows, q.folded, q.restored)


def _of_kind(text: str, at: int, kinds: set[str], title: str) -> bool:
    """Whether the article's title or the paragraph naming a model names the kind asked ("Dân vận
    khéo"): an article on a cooperation programme lists models of other movements too ("mô hình
    “Khu dân cư 3 không”" for order and safety) beside those of the kind."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    held = fold(f"{title}\n{text[start:end if end >= 0 else len(text)]}".lower())
    return not kinds or any(k in held for k in kinds)


def _modifier(words: list[str]) -> list[str]:
    """The words right after "mô hình" in the question that say which models ("mô hình tự quản"),
    up to a word of the frame."""
    for i in range(len(words) - 1):
        if words[i:i + 2] == ["mo", "hinh"]:
            out = []
            for w in words[i + 2:]:
                if w in _FRAME:
                    break
                out.append(w)
            return out
    return []


def _named(text: str) -> Iterator[tuple[str, int]]:
    """Each quoted name written as a model, with where it starts: the run of quoted names after
    "mô hình" (a few words may come before the first), less a kind that a few words without
    punctuation join to the name after it ("“Dân vận khéo” cấp tỉnh “Tôi làm Công an xã”")."""
    read_to = 0  # a "mô hình" inside a run already read starts no run of its own
    for m in _MODEL.finditer(text):
        if m.start() < read_to:
            continue
        at = m.end()
        quote = _QUOTE.search(text, at, at + _LEAD_GAP + 210)
        if quote is None or quote.start() - at > _LEAD_GAP or re.search(r"[.!?\n]", text[at:quote.start()]):
            continue
        run: list[tuple[str, int]] = []
        while quote is not None:
            run.append((quote.group(1).strip(), quote.start(1)))
            following = _QUOTE.search(text, quote.end(), quote.end() + _JOIN_GAP + 210)
            if following is None or following.start() - quote.end() > _JOIN_GAP:
                break
            gap = text[quote.end():following.start()]
            if _JOIN.match(gap):
                pass  # "“A”, “B” và “C”": one run
            elif len(run) == 1 and _KIND_GAP.match(gap):
                run.pop()  # "“Dân vận khéo” cấp tỉnh “X”": the first was the kind of the model that follows
            else:
                break
            quote = following
        read_to = quote.end() if quote is not None else at
        yield from run
