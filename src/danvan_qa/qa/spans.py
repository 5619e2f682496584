"""The short answer of a typed question, chosen by a learned span scorer.

For a question answered by a span (a date, number, place, period, duration), every span of
that kind in the best ranked sentences is a candidate. A logistic model scores each from
features that carry to any text: how likely its sentence is, how near it stands to the
question's words matched in that sentence (weighted by their rarity), whether a cue word
introduces it, whether the question already names it (an answer does not repeat the
question), whether its sentence is a bare line (a dateline or byline) and whether the
hand rule of extractive.py would pick it. A span far from the question's words in a
dateline ("Thứ 5 Ngày 17/11/2016") then loses to the date of the event the question names.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from danvan_qa.ingest import dates
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.candidates import SentenceCandidate
from danvan_qa.qa.extractive import (
    Scorer,
    Sentence,
    Span,
    date_span,
    duration_span,
    number_span,
    period_span,
    place_span,
    typed_spans,
)
from danvan_qa.qa.questions import Question
from danvan_qa.qa.records import Features

if TYPE_CHECKING:
    from danvan_qa.index.store import Store

SPAN_FEATURES = (
    "sentence_p", "sentence_gap", "sentence_rr", "same_doc", "rule", "cued", "near", "near_idf",
    "in_question", "bare_line", "position", "n_spans", "has_year", "cov_sentence", "other_kind",
    "asked_near",
)
TOP_SENTENCES = 5  # spans are sought in this many of the best ranked sentences
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class SpanCandidate:
    """A typed span inside a ranked sentence (document offsets), with its features."""

    span: Span
    sentence: SentenceCandidate
    features: Features


def _rule(q: Question, s: Sentence, doc_year: int | None, place: str | None) -> Span | None:
    """The span the hand rule of extractive.py picks in this sentence."""
    if q.kind == "number":
        return number_span(q, s)
    if q.kind == "date":
        found = date_span(q, s, doc_year)
        return found[0] if found else None
    if q.kind == "place":
        return place_span(s, place)
    if q.kind == "duration":
        return duration_span(s)
    return period_span(q, s)


def _digits(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


def _named_by_question(q: Question, span: Span) -> bool:
    """Whether the question already names this span: its numbers, or, without numbers, its words."""
    digits = _digits(span.text)
    if digits:
        return digits <= _digits(q.text)
    return fold(span.text) in fold(q.restored)


def asked_words(q: Question) -> frozenset[str]:
    """The folded words the question asks with: the noun before "nào / gì" ("thời gian nào",
    "xã nào") or after "bao nhiêu / mấy" ("bao nhiêu cán bộ"). A sentence that answers often
    names it beside the answer ("Thời gian thực hiện … từ năm 2021 – 2023")."""
    folded = q.folded
    found = [m.group(1) for m in re.finditer(r"(\w+(?: \w+)?) (?:nao|gi)(?!\w)", folded)]
    found += [m.group(1) for m in re.finditer(r"(?<!\w)(?:bao nhieu|may) (\w+(?: \w+)?)", folded)]
    return frozenset(w for phrase in found for w in phrase.split() if w not in ("la", "vao", "cho", "o", "tai"))


def _nearness(scorer: Scorer, asked: frozenset[str], folded: str, a: int, b: int) -> tuple[float, float, float]:
    """1/(1 + words to the nearest question word), the rarity-weighted closeness of every question
    word, and whether a word the question asks with stands within eight words before it or four after, for the span [a, b)
    of a folded sentence."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _WORDS.finditer(folded)]
    inside = [i for i, (_, s, e) in enumerate(tokens) if s < b and a < e]
    if not inside or not scorer.weights:
        return 0.0, 0.0, 0.0
    lo, hi = inside[0], inside[-1]
    around = {w for w, _, _ in tokens[max(0, lo - 8): lo] + tokens[hi + 1: hi + 5]}
    asked_near = float(bool(asked & around))
    nearest: dict[str, int] = {}
    for i, (word, _, _) in enumerate(tokens):
        if word in scorer.weights and not lo <= i <= hi:
            d = lo - i if i < lo else i - hi
            nearest[word] = min(d, nearest.get(word, d))
    if not nearest:
        return 0.0, 0.0, asked_near
    total = sum(scorer.weights.values())
    weighted = sum(scorer.weights[w] * math.exp(-d / 6) for w, d in nearest.items()) / total
    return 1.0 / (1 + min(nearest.values())), weighted, asked_near


def span_candidates(q: Question, scorer: Scorer, ranked: Sequence[tuple[SentenceCandidate, float]],
                    store: "Store") -> list[SpanCandidate]:
    """Every span of the asked kind in the best ranked sentences, with its features."""
    top = ranked[:TOP_SENTENCES]
    if not top:
        return []
    best_p, best_doc = top[0][1], top[0][0].doc_id
    asked = asked_words(q)
    out = []
    for rank, (cand, p) in enumerate(top):
        doc = store.data.documents[cand.doc_id]
        year = int(doc.date[:4]) if doc.date else None
        s = Sentence(cand.doc_id, cand.start, cand.end, cand.text, p)
        found = typed_spans(q, s, doc.place)
        if not found:
            continue
        rule = _rule(q, s, year, doc.place)
        folded = fold(cand.text)
        bare = float(len(_WORDS.findall(cand.text)) < 8)
        coverage = scorer(cand.text)
        for span, cued, other_kind in found:
            a, b = span.start - cand.start, span.end - cand.start
            near, near_idf, asked_near = _nearness(scorer, asked, folded, a, b)
            values = (
                p, p - best_p, 1.0 / (1 + rank), float(cand.doc_id == best_doc),
                float(rule is not None and rule.start == span.start), float(cued), near, near_idf,
                float(_named_by_question(q, span)), bare, a / max(1, len(cand.text)),
                math.log(1 + len(found)), float(bool(re.search(r"(?:19|20)\d\d", span.text))), coverage,
                float(other_kind), asked_near,
            )
            out.append(SpanCandidate(span, cand, Features(SPAN_FEATURES, values)))
    return out


def resolved_date(span: Span, doc_year: int | None) -> str | None:
    """The ISO date of a date span, its year taken from the article when it has none."""
    mention = next(dates.find_dates(f"ngày {span.text}"), None)  # found as a date in its sentence
    if mention is None:
        return None
    found = dates.resolve(mention, doc_year)
    return found.isoformat() if found else None
