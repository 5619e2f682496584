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
from typing import TYPE_CHECKING, Sequence

from . import dates
from .extractive import Scorer, Sentence, date_span, number_span, period_span, place_span
from .names import PersonMention, people
from .normalize import fold
from .questions import Question
from .records import Passage

if TYPE_CHECKING:
    from .store import Store

WHO_KINDS = frozenset({"attendees", "chair", "speaker", "role"})
# Verbs that report the act a "who" question asks about (generic news Vietnamese, folded).
ACT_CUES = {
    "chair": ("chu tri", "chi dao", "lam viec", "tiep", "truong doan", "dan dau"),
    "speaker": ("phat bieu", "ket luan", "bao cao", "nhan manh", "yeu cau", "de nghi", "khai mac", "trao"),
    "attendees": ("tham du", "du ", "chung kien", "co dong chi", "ve phia", "cung ky", "ky ket", "trao"),
}
_CODE = re.compile(r"\b\d+[-/](?i:ctr|qd|nq|ct|kh|ttlt|kh)[\w/-]*", re.IGNORECASE)
_WORDS = re.compile(r"\w+")

SENTENCE_FEATURES = (
    "cov", "cov_ctx", "cov_doc", "passage_rr", "doc_rr", "dense", "type_ok", "date_hit", "date_doc_miss",
    "noun_sent", "noun_doc", "period_hit", "code_hit", "log_len", "lede", "has_name", "who_name", "act_cue",
    "place_doc", "cov_novel", "cov_gap", "novel_gap",
)
PERSON_FEATURES = (
    "sent_p", "sent_rr", "in_question", "role_cov", "deputy_clash", "act_fact", "act_near", "first_in_sent",
    "share", "has_role", "rank_title", "role_q_cov", "role_q_clash",
)


@dataclass(frozen=True)
class Candidate:
    """A whole sentence of a retrieved passage, with its features (SENTENCE_FEATURES order)."""

    doc_id: str
    start: int
    end: int
    text: str
    features: tuple[float, ...]


@dataclass(frozen=True)
class PersonCandidate:
    """A person mention inside a candidate sentence; offsets of the sentence in the document."""

    doc_id: str
    start: int
    end: int
    mention: PersonMention
    features: tuple[float, ...]


def _present(phrases: Sequence[str], folded_text: str) -> float:
    if not phrases:  # no constraint named: nothing violated
        return 1.0
    return sum(fold(p) in folded_text for p in phrases) / len(phrases)


def _present_words(phrases: Sequence[str], folded_text: str) -> float:
    """Share of folded phrases found as whole words ("quan 1" is not in "quan 10")."""
    if not phrases:
        return 1.0
    return sum(bool(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded_text)) for p in phrases) / len(phrases)


def typed_span_present(q: Question, s: Sentence, doc_year: int | None) -> bool:
    """Whether the sentence holds a span of the kind the question asks for."""
    kind = q.kind
    if kind == "number":
        return number_span(q, s) is not None
    if kind == "date":
        return date_span(q, s, doc_year) is not None
    if kind == "place":
        return place_span(s, None) is not None or bool(re.search(r"\b(?:tại|ở)\s+[A-ZĐ\w]", s.text))
    if kind == "program_period":
        return period_span(q, s) is not None
    if kind in ("program_name", "parties"):
        folded = fold(s.text)
        return "chuong trinh" in folded or "giua" in folded or "ky ket" in folded or bool(_CODE.search(s.text))
    if kind in WHO_KINDS or kind in ("person_role", "rank"):
        return bool(people(s.text))
    return True


def _question_act_cues(q: Question) -> tuple[str, ...]:
    if q.kind == "speaker" and q.act:
        return (fold(q.act), *ACT_CUES["speaker"])
    return ACT_CUES.get(q.kind, ())


def sentence_candidates(q: Question, passages: Sequence[Passage], store: "Store", scorer: Scorer) -> list[Candidate]:
    """Every sentence overlapping a retrieved passage, once, with its features."""
    doc_ranks: dict[str, int] = {}
    for p in passages:
        doc_ranks.setdefault(p.doc_id, len(doc_ranks))
    nouns = [n for n in q.proper_nouns if len(n) > 1]
    cues = _question_act_cues(q)
    doc_cache: dict[str, tuple[str, str, float, dict[str, float]]] = {}
    seen: set[tuple[str, int]] = set()
    found: list[Candidate] = []
    for rank, p in enumerate(passages):
        doc = store.data.documents[p.doc_id]
        if p.doc_id not in doc_cache:
            context = f"{doc.title} {doc.place or ''}"
            support = fold(" ".join(filter(None, (doc.title, doc.place, doc.source, doc.text))))
            title_words = set(_WORDS.findall(fold(context)))
            novel = {t: w for t, w in scorer.weights.items() if t not in title_words}
            doc_cache[p.doc_id] = (context, support, scorer(f"{context}\n{doc.text}"), novel)
        context, support, cov_doc, novel = doc_cache[p.doc_id]
        year = int(doc.date[:4]) if doc.date else None
        spans = store.sentences(p.doc_id)
        for index, (start, end) in enumerate(spans):
            if end <= p.start or start >= p.end or (p.doc_id, start) in seen:
                continue
            seen.add((p.doc_id, start))
            text = doc.text[start:end]
            folded = fold(text)
            sentence = Sentence(p.doc_id, start, end, text, 0.0)
            date_hit = 1.0
            if q.dates:
                found_dates = {(d.day, d.month) for d in dates.find_dates(text, cued_only=False)}
                date_hit = float(any((d, m) in found_dates for d, m, _ in q.dates))
            doc_dates = q.dates and not any(f"{d}/{m}" in support or f"{d}-{m}" in support for d, m, _ in q.dates)
            has_name = bool(people(text)) if q.kind in WHO_KINDS else False
            features = (
                scorer(text), scorer(f"{context}\n{text}"), cov_doc, 1.0 / (1 + rank),
                1.0 / (1 + doc_ranks[p.doc_id]), float(p.dense_score or 0.0),
                float(typed_span_present(q, sentence, year)), date_hit, float(bool(doc_dates)),
                _present(nouns, fold(f"{context} {text}")), _present(nouns, support),
                _present(q.periods, folded), _present(q.codes, folded), math.log(1 + len(text)) / 6,
                float(index <= 1), float(has_name), float(has_name and q.kind in WHO_KINDS),
                float(any(c in folded for c in cues)), _present_words(q.places, support),
                _novel_coverage(novel, folded),
            )
            found.append(Candidate(p.doc_id, start, end, text, features))
    return _with_gaps(found)


def _novel_coverage(novel: dict[str, float], folded_sentence: str) -> float:
    """Coverage of the question words its article's title does not already hold: what the
    question asks *about the event*, e.g. "giải nhì" in a question about a contest."""
    if not novel:
        return 0.0
    words = set(_WORDS.findall(folded_sentence))
    return sum(w for t, w in novel.items() if t in words) / sum(novel.values())


def _with_gaps(found: list[Candidate]) -> list[Candidate]:
    """Add each candidate's distance to the best coverage among this question's candidates:
    a pointwise model then compares sentences within a question, not across questions."""
    if not found:
        return found
    cov_ctx, novel = SENTENCE_FEATURES.index("cov_ctx"), SENTENCE_FEATURES.index("cov_novel")
    best_ctx = max(c.features[cov_ctx] for c in found)
    best_novel = max(c.features[novel] for c in found)
    return [Candidate(c.doc_id, c.start, c.end, c.text,
                      (*c.features, c.features[cov_ctx] - best_ctx, c.features[novel] - best_novel))
            for c in found]


def _role_deputy(role: str | None) -> bool:
    return bool(role) and bool(re.search(r"(?<!\w)phó(?!\w)", role.lower()))  # type: ignore[union-attr]


def person_candidates(
    q: Question, ranked: Sequence[tuple[Candidate, float]], store: "Store", scorer: Scorer, top: int = 5,
) -> list[PersonCandidate]:
    """Person mentions in the `top` best sentences, with features for the person ranker."""
    question_folded = fold(q.restored)
    deputy = bool(re.search(r"(?<!\w)phó(?!\w)", q.restored.lower()))
    wanted = {"chair": {"chủ trì", "đồng chủ trì", "làm việc"}, "speaker": {q.act or "phát biểu"},
              "attendees": {"dự"}}.get(q.kind, set())
    cues = _question_act_cues(q)
    found: list[PersonCandidate] = []
    for rank, (cand, prob) in enumerate(ranked[:top]):
        mentions = people(cand.text)
        facts = {p.name: p for p in store.people_by_doc.get(cand.doc_id, []) if p.start == cand.start}
        folded = fold(cand.text)
        for i, m in enumerate(mentions):
            fact = facts.get(m.name)
            after = folded[max(m.end, m.role_end or 0): max(m.end, m.role_end or 0) + 60]
            before = folded[max(0, m.start - 40): m.start]
            role_cov = scorer(m.role) if m.role else 0.0
            features = (
                prob, 1.0 / (1 + rank), float(fold(m.name) in question_folded), role_cov,
                float(deputy != _role_deputy(m.role)) if m.role else 0.0,
                float(bool(fact and set(fact.acts) & wanted)),
                float(any(c in after or c in before for c in cues)), float(i == 0), 1.0 / len(mentions),
                float(m.role is not None), float(m.rank is not None),
                role_cov if q.kind == "role" else 0.0,  # "who is the director …": the role must match
                float(q.kind == "role" and bool(m.role) and deputy != _role_deputy(m.role)),
            )
            found.append(PersonCandidate(cand.doc_id, cand.start, cand.end, m, features))
    return found


ANSWERABLE_FEATURES = (
    "p_top", "p_gap", "top_cov", "top_cov_doc", "top_noun_doc", "top_date_doc_miss", "top_type_ok",
    "unknown_share", "noun_unknown", "n_tokens", "p_mean3", "max_missing", "num_missing", "noun_absent",
    "role_fit", "top_place_doc",
)


def question_features(
    scorer: Scorer, ranked: Sequence[tuple[Candidate, float]], q: Question, store: "Store",
) -> tuple[float, ...]:
    """What the answer/abstain model sees: how well the best candidates support the question.

    Near-miss questions usually name one thing the best article lacks (another
    province, year, district number), so the rarest question word missing from
    that article, and missing numbers and proper nouns, are the strongest signals.
    """
    idx = {name: i for i, name in enumerate(SENTENCE_FEATURES)}
    if not ranked:
        return (0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0)
    top, p_top = ranked[0]
    p_second = ranked[1][1] if len(ranked) > 1 else 0.0
    tokens = max(len(scorer.weights), 1)
    noun_tokens = {t for n in q.proper_nouns for t in _WORDS.findall(fold(n))}
    unknown = set(scorer.unknown)
    doc = store.data.documents[top.doc_id]
    support_text = fold(" ".join(filter(None, (doc.title, doc.place, doc.text))))
    local = set(_WORDS.findall(fold(f"{doc.title} {doc.place or ''} {_neighbourhood(store, top)}")))
    missing = [w for t, w in scorer.weights.items() if t not in local]
    numbers = [t for t in _WORDS.findall(q.folded) if t.isdigit()]
    nouns_absent = [n for n in q.proper_nouns if len(n) > 1 and _present_words([fold(n)], support_text) < 1]
    f = top.features
    return (
        p_top, p_top - p_second, f[idx["cov"]], f[idx["cov_doc"]], f[idx["noun_doc"]],
        f[idx["date_doc_miss"]], f[idx["type_ok"]], len(unknown) / tokens,
        len(noun_tokens & unknown) / max(len(noun_tokens), 1), math.log(1 + tokens) / 3,
        sum(p for _, p in ranked[:3]) / min(3, len(ranked)),
        max(missing, default=0.0) / max(scorer.weights.values(), default=1.0),
        sum(t not in local for t in numbers) / max(len(numbers), 1), float(bool(nouns_absent)),
        _role_fit(q, ranked, scorer), f[idx["place_doc"]],
    )


def _role_fit(q: Question, ranked: Sequence[tuple[Candidate, float]], scorer: Scorer) -> float:
    """For "who is the <role>" questions: how well the best-matching role in the top sentences fits.

    A deputy does not answer for the head (and the other way round), so a
    "Phó Chủ tịch" alone leaves "Ai là Chủ tịch …?" without an answer.
    """
    if q.kind != "role":
        return 1.0
    deputy = bool(re.search(r"(?<!\w)phó(?!\w)", q.restored.lower()))
    return max((scorer(m.role) for c, _ in ranked[:3] for m in people(c.text)
                if m.role and _role_deputy(m.role) == deputy), default=0.0)


def _neighbourhood(store: "Store", cand: Candidate) -> str:
    """The candidate sentence with the sentences before and after it: the event it reports."""
    spans = store.sentences(cand.doc_id)
    at = next((i for i, (a, _) in enumerate(spans) if a == cand.start), 0)
    lo, hi = spans[max(0, at - 1)][0], spans[min(len(spans) - 1, at + 1)][1]
    return store.data.documents[cand.doc_id].text[lo:hi]
