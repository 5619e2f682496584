"""Sentence-level extraction: score the sentences of retrieved passages against a question,
and pull typed spans (a number, a date, a place, a period) out of the best one.

Scores are IDF-weighted coverage of the question's content words (and word
pairs) by the sentence, on diacritic-folded text: 1.0 means every topical word
of the question is in the sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import AbstractSet, Callable, Mapping, NamedTuple

from danvan_qa.ingest import dates
from danvan_qa.ingest.abbreviations import aliases, held_through, is_abbreviation
from danvan_qa.ingest.normalize import fold
from danvan_qa.ingest.paraphrases import paraphrases
from danvan_qa.qa.periods import CENTURY, lunar_day, occasions, periods, relative_period
from danvan_qa.qa.questions import Question, asks_percent, content_tokens
from danvan_qa.qa.places import places_at, provinces, unit_places


SPAN_KINDS = frozenset({"number", "date", "place", "program_period", "duration"})  # questions answered by a typed span


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class Span:
    """A typed answer span inside a sentence; start/end are document offsets."""

    text: str
    start: int
    end: int


def rarity(token: str, folded_count: Callable[[str], int], total: int) -> float:
    """A folded word's weight: the rarer in the archive, the more it says (an idf)."""
    return math.log(1 + total / (1 + folded_count(token)))


def held_share(weight: Mapping[str, float], held: AbstractSet[str]) -> float:
    """The share of words' weight (by rarity) that `held` holds: how much of a topic a text names
    (all of it when there are no words to hold)."""
    total = sum(weight.values())
    return sum(w for t, w in weight.items() if t in held) / total if total else 1.0


class Scorer:
    """Coverage of a question's words by a sentence, weighted by corpus rarity."""

    def __init__(self, question: Question, folded_count: Callable[[str], int], total: int) -> None:
        tokens = content_tokens(question)
        self.weights = {t: rarity(t, folded_count, total) for t in tokens}
        self.bigrams = {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}
        # "chqs" is held where "chi huy quan su" is, and back ("Mặt trận" where "MTTQ"); "qua đời" where "từ trần" is
        # (ingest/paraphrases.py)
        said = re.findall(r"\w+", question.folded)
        self.aliases = [(asked & self.weights.keys(), standing)
                        for asked, standing in aliases(said, short=True) + paraphrases(said) if asked & self.weights.keys()]
        # only pairs starting with one of these can match: the question's, and a paraphrase's ("tu tran")
        self._firsts = set(tokens[:-1]) | {p.split()[0] for _, standing in self.aliases for p in standing if " " in p}
        self.unknown = [t for t in tokens if folded_count(t) == 0 and not t.isdigit() and not is_abbreviation(t)]

    def __call__(self, sentence: str) -> float:
        words = re.findall(r"\w+", fold(sentence))
        return self.cover(set(words), {f"{a} {b}" for a, b in zip(words, words[1:]) if a in self._firsts})

    def held(self, words: AbstractSet[str], pairs: AbstractSet[str] = frozenset()) -> set[str]:
        """The question's words that folded `words` hold, as written, through an abbreviation, or
        through a phrase saying the same whose word `pairs` they hold."""
        return {t for t in self.weights if t in words} | held_through(self.aliases, words | pairs if pairs else words)

    def cover(self, words: AbstractSet[str], pairs: AbstractSet[str]) -> float:
        """The coverage of already folded words and word pairs ("a b")."""
        if not self.weights:
            return 0.0
        uni = sum(self.weights[t] for t in self.held(words, pairs)) / sum(self.weights.values())
        if not self.bigrams:
            return uni
        return 0.75 * uni + 0.25 * len(self.bigrams & pairs) / len(self.bigrams)


_UNIT_WORDS = ("năm", "tháng", "ngày", "giờ")
# A count as written: "212", "2.071", "6,5", "62/63"; not a date ("15/6/2016").
_NUMBER = r"(?<![\d/.,-])(\d+(?:[.,]\d+)*(?:/\d+)?)(?![\d/]|[.,]\d|\.[^\W\d_])"  # not "1.jpg"
_MONEY = re.compile(r"(?:\d[\d.,]*\s*(?:triệu|tỷ|nghìn|ngàn)?\s*(?:đến|tới|-|–)\s*)?"  # a range: "25.000 đến 40.000 đồng"
                    r"\d[\d.,]*\s*(?:triệu|tỷ|nghìn|ngàn)?\s*(?:đồng|USD|VNĐ)", re.IGNORECASE)
_COUNT = r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi)"
# A number in words before what it counts: "sáu quốc gia", "hai mươi lăm người", "Bốn nước"
_DIGIT_WORDS = r"(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|trăm|nghìn|ngàn|triệu|tỷ)"
_WORD_NUMBER = (r"(?<!\w)(?<!(?i:mỗi) )(?<!(?i:hằng) )(?<!(?i:hàng) )"  # "mỗi năm hai lần", "hàng trăm người": no count
                rf"((?!(?i:một) (?:số|vài|trong|cách))(?i:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?:\s+{_DIGIT_WORDS})*)"
                r"(?=\s+[^\W\d])")
# An ordinal in words: "thứ tư", "thứ nhất", "thứ mười hai" (after "thứ"); "đầu tiên" is the first
_ORDINAL = (r"(?:\d+|(?-i:[IVXLC]+)|(?-i:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"  # lower case: "thứ Năm" is a weekday
            r"(?:\s+(?-i:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?)")
# A model or mission named by a word and a number: "Rạng Đông 1" is none, "TX-15", "Helio 3", "Su-30MK2" are
_DESIGNATION = re.compile(r"(?<![\w-])[A-Z][A-Za-z]+(?:-|\s)\d+[A-Za-z0-9]*(?![\w-])")
_ASKS_DESIGNATION = re.compile(r"(?<!\w)(?:so hieu|so may|mang so|ky hieu|ma hieu)(?!\w)")
_DURATION = re.compile(rf"{_COUNT}(?:\s+{_COUNT})*\s+(?:giờ|ngày|tuần|tháng|năm|phút)(?!\w)|từ\s+[^,;.]+?\s+đến\s+[^,;.]+",
                       re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/])")
_PER_UNIT = re.compile(  # "mỗi đơn vị" in the clause before a number: per unit, no total ("mỗi năm" is a year's)
    r"(?<!\w)(?i:mỗi)\s+(?!(?i:năm|tháng|ngày|tuần|giờ|đợt|lần|kỳ|mùa|dịp|buổi)\b)[^,;:.]*$")
_APPROXIMATE = re.compile(r"(?<!\w)(?:hơn|gần|khoảng|trên|chừng|ngót|xấp xỉ)\s+$", re.IGNORECASE)
_DOCUMENT_NOUNS = "chỉ thị|nghị quyết|quyết định|kế hoạch|chương trình|thông tư|hướng dẫn|quy chế|công văn|kết luận"


def number_span(question: Question, sentence: Sentence) -> Span | None:
    """The number the question asks for: "bao nhiêu mô hình" -> "212" in "… với 212 mô hình …",
    with its approximation: "hơn 8.100"."""
    if (found := _number_span(question, sentence)) is None:
        return None
    a = _approximated(sentence.text, found.start - sentence.start)
    return Span(sentence.text[a : found.end - sentence.start], sentence.start + a, found.end)


def _approximated(text: str, a: int) -> int:
    """Where a number starting at `a` starts with the word that approximates it ("gần 100")."""
    m = _APPROXIMATE.search(text[max(0, a - 12) : a])
    return a - len(m.group(0)) if m else a


def _number_span(question: Question, sentence: Sentence) -> Span | None:
    restored = question.restored
    m = re.search(r"(?:bao nhiêu|mấy)\s+(\w+(?:\s+\w+)?)", restored, re.IGNORECASE) or \
        re.search(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+(\w+(?:\s+\w+)?)", restored, re.IGNORECASE)
    before = re.search(r"(\w+(?:\s+\w+)?)\s+(?:bao nhiêu|mấy)\b", restored, re.IGNORECASE)
    text = sentence.text
    if asks_percent(question):
        hit = re.search(r"\d+(?:[.,]\d+)?\s*%", text)
        return Span(hit.group(0), sentence.start + hit.start(), sentence.start + hit.end()) if hit else None
    if before and before.group(1).split()[-1].lower() in ("số", "thứ"):  # "số mấy", "lần thứ mấy"; not "thu"
        head = before.group(1)
        for words in (head, head.split()[-1]):  # after both words ("kiểm tra số 1"), else after "số / thứ"
            hit = re.search(rf"(?<!\w){re.escape(words)}\s+{_ORDINAL}(?!\w)", text, re.IGNORECASE)
            if hit:  # shown from "số": "số 1", or from the document it numbers: "Chỉ thị số 13"
                start = hit.start() + hit.group(0).lower().rfind(head.split()[-1].lower())
                document = re.search(rf"(?:{_DOCUMENT_NOUNS})\s+$", text[max(0, start - 20):start], re.IGNORECASE)
                start = start - len(document.group(0)) if document else start
                return Span(text[start:hit.end()], sentence.start + start, sentence.start + hit.end())
        first = re.search(r"(?<!\w)đầu tiên(?!\w)", text, re.IGNORECASE) if head.lower().endswith("thứ") else None
        if first:  # "… thứ mấy?" — "… đầu tiên"
            return Span(first.group(0), sentence.start + first.start(), sentence.start + first.end())
    if m and m.group(1).lower().split()[0] in ("tiền", "kinh", "giá"):  # "bao nhiêu tiền / kinh phí / giá trị"
        hit = _MONEY.search(text)
        return Span(hit.group(0), sentence.start + hit.start(), sentence.start + hit.end()) if hit else None
    if m:
        each = "moi" in question.folded.split()  # a figure per unit (_PER_UNIT) only if asked so
        for noun in (m.group(1), m.group(1).split()[0]):
            # the number, then the noun, perhaps after a classifier: "62/63 đơn vị Công an tỉnh"; digits first
            hit = next((h for before_noun in (_NUMBER + r"\s+(?:\w+\s+){0,2}?", _WORD_NUMBER + r"\s+(?:\w+\s+){0,1}?")
                        for h in re.finditer(before_noun + re.escape(noun) + r"\b", text, re.IGNORECASE)
                        if each or not _PER_UNIT.search(text, 0, h.start())), None)
            if hit:
                unit = noun.split()[0]
                # "bao nhiêu năm thực hiện": the number with its unit, "05 năm", not the verb after it
                end = hit.start() + hit.group(0).lower().rfind(unit.lower()) + len(unit) \
                    if unit.lower() in _UNIT_WORDS else hit.end(1)
                return Span(text[hit.start() : end], sentence.start + hit.start(), sentence.start + end)
    if before and not m:  # "tăng bao nhiêu?": the number after that verb
        verb = before.group(1).split()[-1]
        hit = re.search(rf"(?<!\w){re.escape(verb)}\s+(?:\w+\s+)?{_NUMBER}", text, re.IGNORECASE)
        if hit:
            return Span(hit.group(1), sentence.start + hit.start(1), sentence.start + hit.end(1))
    return None


# A month of a year: "tháng 4/2024", "tháng 5-2013", "tháng 4 năm 2024".
_MONTH_YEAR = re.compile(r"(?<!\w)tháng\s+(?:0?[1-9]|1[0-2])(?:\s*[/.-]\s*|\s+năm\s+)(?:19|20)\d\d(?!\d)", re.IGNORECASE)


def _asks_day(question: Question) -> bool:
    """"Ngày nào", "ngày mấy": a day is asked; "khi nào", "từ bao giờ" take a month or a period too."""
    return bool(re.search(r"(?<!\w)ngay(?!\w)", question.folded))


# A year or a century, for "khi nào / bao giờ" when no day stands in the sentence: "Năm 1070", "thế kỷ 16"
_YEAR_OR_CENTURY = re.compile(r"(?<!\w)(?<!(?i:mỗi) )(?<!(?i:hằng) )(?<!(?i:hàng) )(?i:năm)\s+\d{3,4}"
                              r"(?!\d|[.,]\d|\s*(?:nghìn|ngàn|triệu|tỷ|lượt|người))"  # "mỗi năm 300 nghìn khách": no year
                              rf"|(?<!\w)(?i:{CENTURY})")


def date_span(question: Question, sentence: Sentence, year: int | None) -> tuple[Span, str | None] | None:
    """The date mention nearest to the question's words in the sentence, with its ISO reading; a
    lunar day, as written; a month of a year ("từ tháng 4/2024"), else a year or century ("Năm 1070")
    the question does not name, without one, when no day is asked."""
    mentions = list(dates.find_dates(sentence.text)) or list(dates.find_dates(sentence.text, cued_only=False))
    if not mentions and (lunar := lunar_day(set(content_tokens(question)), sentence.text)):
        return Span(lunar.group(0), sentence.start + lunar.start(), sentence.start + lunar.end()), None
    if not mentions:
        named = fold(question.text)
        month = None if _asks_day(question) else _MONTH_YEAR.search(sentence.text) or next(
            (y for y in _YEAR_OR_CENTURY.finditer(sentence.text) if fold(y.group(0)) not in named), None)
        if month is not None:
            return Span(month.group(0), sentence.start + month.start(), sentence.start + month.end()), None
        other = [] if "nam nao" in question.folded else occasions(sentence.text, day=_asks_day(question))
        return (Span(sentence.text[other[0][0]:other[0][1]], sentence.start + other[0][0], sentence.start + other[0][1]),
                None) if other else None
    anchors = [m.start() for code in question.codes if (m := re.search(re.escape(code), sentence.text))]
    if anchors:
        best = min(mentions, key=lambda d: abs(d.start - anchors[0]))
    else:
        cued = list(dates.find_dates(sentence.text, cued_only=True))
        best = cued[0] if cued else mentions[0]
    resolved = dates.resolve(best, year)
    span = Span(sentence.text[best.start : best.end], sentence.start + best.start, sentence.start + best.end)
    return span, resolved.isoformat() if resolved else None


def duration_span(sentence: Sentence) -> Span | None:
    """How long something lasted: "3 tháng", "hai ngày", "từ 1/3 đến 30/4"."""
    hit = _DURATION.search(sentence.text)
    return Span(hit.group(0), sentence.start + hit.start(), sentence.start + hit.end()) if hit else None


def year_span(question: Question, sentence: Sentence) -> Span | None:
    """The first year in the sentence that the question does not already name ("năm nào?")."""
    named = set(_YEAR.findall(question.text))
    hit = next((y for y in _YEAR.finditer(sentence.text) if y.group(0) not in named), None)
    return Span(hit.group(0), sentence.start + hit.start(), sentence.start + hit.end()) if hit else None


def place_span(sentence: Sentence, fallback: str | None) -> Span | None:
    said = places_at(sentence.text) or unit_places(sentence.text)
    if said:
        a, b = said[0]
        return Span(sentence.text[a:b], sentence.start + a, sentence.start + b)
    if fallback and fallback in sentence.text:
        at = sentence.text.index(fallback)
        return Span(fallback, sentence.start + at, sentence.start + at + len(fallback))
    return None


def period_span(question: Question, sentence: Sentence) -> Span | None:
    """The period whose preceding clause shares most words (and word pairs) with the question."""
    tokens = content_tokens(question)
    wanted, pairs = set(tokens), set(zip(tokens, tokens[1:]))
    found = periods(sentence.text)
    hits = [h for h in found if h.kind == "years"] or found
    later = relative_period(question)
    if later is not None and len({h.first_year for h in hits if h.first_year}) > 1:  # "giai đoạn tiếp theo": the later one
        hit = (max if later else min)((h for h in hits if h.first_year), key=lambda h: h.first_year)
        return Span(sentence.text[hit.start:hit.end], sentence.start + hit.start, sentence.start + hit.end)
    best: tuple[float, Span] | None = None
    for hit in hits:
        clause = re.findall(r"\w+", fold(re.split(r"[;:]", sentence.text[max(0, hit.start - 90) : hit.start])[-1]))
        overlap = len(wanted & set(clause)) + 2 * len(pairs & set(zip(clause, clause[1:])))
        span = Span(sentence.text[hit.start:hit.end], sentence.start + hit.start, sentence.start + hit.end)
        if best is None or overlap > best[0]:
            best = (overlap, span)
    return best[1] if best else None


class TypedSpan(NamedTuple):
    span: Span
    cued: bool  # a cue word introduces it: a date after "ngày", a place after "tại", a period after "giai đoạn"
    other_kind: bool  # a period for a date question that names no day ("thực hiện trong thời gian nào")


def typed_spans(question: Question, sentence: Sentence, fallback_place: str | None) -> list[TypedSpan]:
    """Every span of the asked kind in a sentence, with whether a cue word introduces it, so that
    a learned scorer chooses among them (qa/spans.py) instead of a fixed rule."""
    text, at, kind = sentence.text, sentence.start, question.kind
    found: list[tuple[int, int, bool, bool]] = []
    if kind == "date":
        cued = {m.start for m in dates.find_dates(text, cued_only=True)}
        found = [(m.start, m.end, m.start in cued, False) for m in dates.find_dates(text, cued_only=False)]
        if re.search(r"(?<!\w)nam nao(?!\w)", question.folded):  # "năm nào" asks for a year
            found += [(y.start(), y.end(), True, False) for y in _YEAR.finditer(text)]
            found += [(y.start(), y.end(), True, False) for y in _YEAR_OR_CENTURY.finditer(text)]  # "năm 1070"
        elif not _asks_day(question):  # "khi nào", "thời gian nào": perhaps a period, a month, a year or a century
            found += [(h.start, h.end, h.cued, True) for h in periods(text)]
            found += [(m.start(), m.end(), True, False) for m in _MONTH_YEAR.finditer(text)]
            found += [(y.start(), y.end(), True, False) for y in _YEAR_OR_CENTURY.finditer(text)  # not inside those
                      if not any(a < y.end() and y.start() < b for a, b, _, _ in found)]
        if not found and "nam nao" not in question.folded:  # a time without a date: "vào mùa mưa", "khi nước rút"
            found = [(a, b, True, False) for a, b in occasions(text, day=_asks_day(question))]
    elif kind == "number":
        wanted = set(content_tokens(question))
        for m in re.finditer(_NUMBER, text):
            after = set(re.findall(r"\w+", fold(text[m.end(): m.end() + 30]))[:3])
            found.append((m.start(1), m.end(1), bool(after & wanted), False))
        found += [(m.start(), m.end(), True, False) for m in re.finditer(r"\d+(?:[.,]\d+)?\s*%", text)]
        for m in re.finditer(_WORD_NUMBER, text):  # "sáu quốc gia": in words, only before what the question counts
            if set(re.findall(r"\w+", fold(text[m.end(): m.end() + 30]))[:2]) & wanted:
                found.append((m.start(1), m.end(1), True, False))
        if _ASKS_DESIGNATION.search(question.folded):  # "mang số hiệu mấy": "Helio 3", "TX-15"
            found += [(m.start(), m.end(), bool(set(re.findall(r"[^\W\d]+", m.group(0).lower())) & wanted), False)
                      for m in _DESIGNATION.finditer(text)]
        rule = number_span(question, sentence)
        if rule is not None:
            found.append((rule.start - at, rule.end - at, True, False))
    elif kind == "place":
        found = [(a, b, True, False) for a, b in places_at(text)]
        found += [(a, b, False, False) for a, b in unit_places(text)]
        if fallback_place:
            found += [(m.start(), m.end(), False, False) for m in re.finditer(re.escape(fallback_place), text)]
        found = found or [(a, b, False, False) for a, b in provinces(text)]  # "… Tỉnh ủy Lào Cai": none said where
    elif kind == "program_period":
        found = [(h.start, h.end, h.cued, False) for h in periods(text)]
    elif kind == "duration":
        found = [(m.start(), m.end(), True, False) for m in _DURATION.finditer(text)]
    if kind == "number":  # "hơn 8.100", "gần 100": the approximation is part of the number
        found = [(_approximated(text, a), b, cued, other) for a, b, cued, other in found]
        if asks_percent(question):  # a share asked: "100%", not the "100" inside it
            found = [f for f in found if text[f[0]:f[1]].rstrip().endswith("%")]
    spans: dict[tuple[int, int], tuple[bool, bool]] = {}
    for a, b, cued, other in found:
        was = spans.get((a, b), (False, True))
        spans[(a, b)] = (was[0] or cued, was[1] and other)
    return [TypedSpan(Span(text[a:b], at + a, at + b), *flags) for (a, b), flags in sorted(spans.items())]


_SEVERAL = re.compile(r"(?<!\w)(?:ke ten|liet ke|nhung|cac|gom)(?!\w)")
# An enumeration in a sentence: after a colon, "như" or "gồm", or inside brackets.
_ENUMERATION = re.compile(r"(?::|(?<!\w)(?:như|gồm|bao gồm)(?!\w))\s*([^:;()]+?)\s*[.…]*$|\(([^()]+)\)")


def asks_several(question: Question) -> bool:
    """Whether a question asks for several things ("Kể tên các mô hình…", "những tỉnh nào…")."""
    return bool(_SEVERAL.search(question.folded))


def _parts(body: str) -> list[tuple[int, int]]:
    """[start, end) of the parts of a list, split at commas, semicolons and "và" outside quotes."""
    parts, start, quoted, i = [], 0, False, 0
    while i < len(body):
        if body[i] == '"':
            quoted = not quoted
        elif not quoted and body[i] in ",;":
            parts.append((start, i))
            start = i + 1
        elif not quoted and body.startswith(" và ", i):
            parts.append((start, i))
            start = i = i + len(" và ")
            continue
        i += 1
    return parts + [(start, len(body))]


def enumerated(sentence: str) -> list[tuple[str, int]]:
    """The items a sentence enumerates, with their offsets in it: two to fifteen short parts of
    the text after a colon (or "như", "gồm") or inside brackets; a wholly quoted item without
    its quotes."""
    for m in _ENUMERATION.finditer(sentence):
        group = 1 if m.group(1) is not None else 2
        body, at = m.group(group), m.start(group)
        items = []
        for a, b in _parts(body):
            text = body[a:b].strip(" .…")
            if len(text) > 2 and text[0] == '"' and text[-1] == '"' and '"' not in text[1:-1]:
                text = text[1:-1]
            if text:
                items.append((text, at + body.find(text, a)))
        if 2 <= len(items) <= 15 and all(len(t) <= 80 for t, _ in items):
            return items
    return []
