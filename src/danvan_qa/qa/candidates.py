"""Answer candidates and the features a learned ranker scores them with.

For a question and its retrieved passages, every sentence of those passages is a
candidate; inside the best sentences, every person mention is a candidate for
"who" questions. Features describe the *relation* between question and
candidate (coverage of the question's rare words, whether the dates, periods,
codes and proper nouns it names hold in the sentence or its article, whether the
sentence holds the kind of span the question asks for, retrieval rank), never
the words of a particular article, so a model fitted on some articles carries
over to others.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, AbstractSet, NamedTuple, Sequence

from danvan_qa.index.store import word_set
from danvan_qa.ingest import dates
from danvan_qa.ingest.bodies import groups
from danvan_qa.ingest.facts import act_family
from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.clauses import agent
from danvan_qa.qa.extractive import (
    Scorer,
    Sentence,
    date_span,
    duration_span,
    number_span,
    period_span,
    place_span,
    year_span,
)
from danvan_qa.qa.questions import WHO_KINDS, Question, place_in, wanted_acts
from danvan_qa.qa.records import Features
from danvan_qa.records import Passage

if TYPE_CHECKING:
    from danvan_qa.index.store import ArticleWords, Store, Words

_WORDS = re.compile(r"\w+")

SENTENCE_FEATURES = (
    "cov", "cov_ctx", "cov_doc", "passage_rr", "doc_rr", "dense", "type_ok", "date_hit", "date_doc_miss",
    "noun_sent", "noun_doc", "period_hit", "code_hit", "code_doc", "log_len", "lede", "has_name", "act_fact",
    "place_doc", "cov_novel", "cov_local", "cov_detail", "cov_gap", "novel_gap", "local_gap", "detail_gap",
    "local_doc_gap",
)


_BASE = SENTENCE_FEATURES[:-5]  # computed per sentence; the last five compare it with the others


@dataclass(frozen=True)
class SentenceCandidate:
    """A whole sentence of a retrieved passage (offsets into the normalised text), with its
    features for the sentence ranker."""

    doc_id: str
    start: int
    end: int
    text: str
    features: Features


def _present(phrases: Sequence[str], folded_text: str) -> float:
    if not phrases:  # no constraint named: nothing violated
        return 1.0
    return sum(fold(p) in folded_text for p in phrases) / len(phrases)


def share(found: Sequence[bool]) -> float:
    """Share of the question's constraints that hold; 1.0 when it names none."""
    return sum(found) / len(found) if found else 1.0


def typed_span_present(q: Question, s: Sentence, doc_year: int | None, store: "Store") -> bool:
    """Whether the sentence holds a span of the kind the question asks for."""
    kind = q.kind
    if kind == "number":
        return number_span(q, s) is not None
    if kind == "date":
        return date_span(q, s, doc_year) is not None or ("nam nao" in q.folded and year_span(q, s) is not None)
    if kind == "place":
        return place_span(s, None) is not None or bool(re.search(r"\b(?:tại|ở)\s+[A-ZĐ\w]", s.text))
    if kind == "program_period":
        return period_span(q, s) is not None
    if kind == "duration":
        return duration_span(s) is not None
    if kind == "parties":
        asked = fold(q.restored)
        return any(fold(b.name) not in asked for g in groups(s.text) for b in g)
    if kind == "program_name":
        folded = fold(s.text)
        return "chuong trinh" in folded or "giua" in folded or "ky ket" in folded or bool(dates.CODE.search(s.text))
    if kind in WHO_KINDS or kind in ("person_role", "rank"):
        return bool(store.people_by_sentence.get((s.doc_id, s.start))) or agent(q, s.text) is not None
    return True


class _Article(NamedTuple):
    """What every sentence of one article shares: its context, support text and local word weights."""

    context: str  # folded title and place, read with each sentence
    head: "Words"  # … as words and pairs
    support: str  # folded title, place, source and text: where the question's constraints may hold
    place_doc: float  # share of the question's places that the article names
    cov_doc: float
    novel: dict[str, float]  # question words the title does not hold
    detail: dict[str, float]  # … nor the lede: what the question asks beyond the event it names
    local: dict[str, float]  # question words by rarity among the article's sentences


def _article(q: Question, doc, words: "ArticleWords", scorer: Scorer) -> _Article:
    context = fold(f"{doc.title} {doc.place or ''}")
    head = word_set(context)
    novel = {t: w for t, w in scorer.weights.items() if t not in head.unigrams}
    lede = next((s.unigrams for s in words.sentences if len(s.unigrams) >= 8 and not s.unigrams <= head.unigrams),
                frozenset())  # the first sentence after the title
    detail = {t: w for t, w in novel.items() if t not in lede}
    local = {}
    for t in scorer.weights:
        df = sum(t in s.unigrams for s in words.sentences)
        if df:  # words the article lacks cannot tell its sentences apart
            local[t] = math.log(1 + len(words.sentences) / df)
    cov_doc = scorer.cover(head.unigrams | words.text.unigrams, head.pairs | words.text.pairs)
    place_doc = share([place_in(place, words.support) for place in q.places])
    return _Article(context, head, words.support, place_doc, cov_doc, novel, detail, local)


def sentence_candidates(q: Question, passages: Sequence[Passage], store: "Store",
                        scorer: Scorer) -> list[SentenceCandidate]:
    """Every sentence overlapping a retrieved passage, once, with its features."""
    doc_ranks: dict[str, int] = {}
    for p in passages:
        doc_ranks.setdefault(p.doc_id, len(doc_ranks))
    nouns = [fold(n) for n in q.proper_nouns if len(n) > 1]
    family = act_family(wanted_acts(q)) if q.kind in WHO_KINDS else frozenset()
    articles: dict[str, _Article] = {}
    seen: set[tuple[str, int]] = set()
    found: list[tuple[str, int, int, str, tuple[float, ...]]] = []
    for rank, p in enumerate(passages):
        doc = store.data.documents[p.doc_id]
        spans = store.sentences(p.doc_id)
        words = store.words(p.doc_id)
        if p.doc_id not in articles:
            articles[p.doc_id] = _article(q, doc, words, scorer)
        art = articles[p.doc_id]
        year = int(doc.date[:4]) if doc.date else None
        for index, (start, end) in enumerate(spans):
            if end <= p.start or start >= p.end or (p.doc_id, start) in seen:
                continue
            seen.add((p.doc_id, start))
            text = doc.text[start:end]
            folded = words.folded[start:end]
            own = words.sentences[index]
            sentence = Sentence(p.doc_id, start, end, text, 0.0)
            date_hit = 1.0
            if q.dates:
                found_dates = {(d.day, d.month) for d in dates.find_dates(text, cued_only=False)}
                date_hit = float(any((d, m) in found_dates for d, m, _ in q.dates))
            doc_dates = q.dates and not any(f"{d}/{m}" in art.support or f"{d}-{m}" in art.support
                                            for d, m, _ in q.dates)
            persons = store.people_by_sentence.get((p.doc_id, start), []) if q.kind in WHO_KINDS else []
            features = (
                scorer.cover(own.unigrams, own.pairs),
                scorer.cover(own.unigrams | art.head.unigrams, own.pairs | art.head.pairs), art.cov_doc,
                1.0 / (1 + rank), 1.0 / (1 + doc_ranks[p.doc_id]), float(p.dense_score or 0.0),
                float(typed_span_present(q, sentence, year, store)), date_hit, float(bool(doc_dates)),
                _present(nouns, f"{art.context} {folded}"), _present(nouns, art.support),
                share([p in dates.periods_in(text) for p in q.periods]), _present(q.codes, folded),
                _present(q.codes, art.support), math.log(1 + len(text)) / 6,
                float(index <= 1), float(bool(persons)), float(any(set(x.acts) & family for x in persons)),
                art.place_doc, _weighted(art.novel, own.unigrams),
                _weighted(art.local, own.unigrams), _weighted(art.detail, own.unigrams),
            )
            found.append((p.doc_id, start, end, text, features))
    return _with_gaps(found)


def _weighted(weights: dict[str, float], words: AbstractSet[str]) -> float:
    """Share of the weight of `weights`' words that the sentence holds. With the words the title
    does not hold, it is what the question asks *about the event* ("giải nhì" of a contest);
    with the words by rarity among the article's sentences, what tells this sentence apart."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in words) / total if total else 0.0


_GAPS = ("cov_ctx", "cov_novel", "cov_local", "cov_detail")


def _with_gaps(found: list[tuple[str, int, int, str, tuple[float, ...]]]) -> list[SentenceCandidate]:
    """Add each candidate's distance to the best coverage among this question's candidates (and,
    for the local coverage, among its article's): a pointwise model then compares sentences
    within a question, not across questions."""
    at = [_BASE.index(name) for name in _GAPS]
    best = [max(f[4][i] for f in found) for i in at] if found else []
    local = _BASE.index("cov_local")
    best_local: dict[str, float] = {}
    for doc_id, _, _, _, base in found:
        best_local[doc_id] = max(best_local.get(doc_id, 0.0), base[local])
    return [SentenceCandidate(doc_id, start, end, text, Features(SENTENCE_FEATURES, (
                *base, *(base[i] - b for i, b in zip(at, best)), base[local] - best_local[doc_id])))
            for doc_id, start, end, text, base in found]
