"""Fit the answer models on gold questions, and cross-validate them by article.

Every threshold is chosen on predictions for questions the models did not see
(inner folds grouped by article), so the shipped thresholds are the ones that
held out, not the ones that fit best in-sample. `danvan-qa train` writes the
shipped `answer_models.json`; `danvan-qa eval --folds K` reports held-out
figures by refitting on the other folds' articles.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from danvan_qa.evaluation.gold import GoldItem, load_gold_files
from danvan_qa.evaluation.metrics import contains_answer, normalize_answer
from danvan_qa.index.store import Store
from danvan_qa.ingest.normalize import fold as fold_text
from danvan_qa.qa.candidates import SENTENCE_FEATURES, SentenceCandidate, sentence_candidates
from danvan_qa.qa.decide import preferred
from danvan_qa.qa.drafts import Drafter
from danvan_qa.qa.propose import propose
from danvan_qa.qa.ranker import MODELS_FILE, AnswerModels, LinearModel, fit_linear, rank
from danvan_qa.qa.reading import Reading, read, retrieve_for
from danvan_qa.qa.extractive import SPAN_KINDS
from danvan_qa.qa.records import Features
from danvan_qa.qa.spans import SPAN_FEATURES, span_candidates
from danvan_qa.qa.support import ANSWERABLE_FEATURES, is_open
from danvan_qa.qa.questions import WHO_KINDS
from danvan_qa.qa.who import PERSON_FEATURES, person_candidates
from danvan_qa.records import Passage
from danvan_qa.settings import Settings

log = logging.getLogger(__name__)

MIN_OPEN_ANSWERABLE = 20  # answerable questions on texts of other subjects needed for a threshold of their own
MAX_FALSE_REFUSALS = 0.03  # of held-out answerable questions refused: issue 25 asks <= 0.03 on the others' questions
INNER_FOLDS = 4
ABSTAIN_C = (0.01, 0.03, 0.1, 0.3, 1.0)  # regularisation of the answer/abstain model, chosen on inner folds


@dataclass(frozen=True)
class Example:
    """A gold question run through retrieval and candidate generation, with candidate labels."""

    item: GoldItem
    group: str  # the article it is about: the fold unit
    reading: Reading
    passages: tuple[Passage, ...]
    candidates: tuple[SentenceCandidate, ...]
    labels: tuple[int, ...]


def _golds(item: GoldItem) -> tuple[str, ...]:
    return item.answers + item.entities


def make_examples(items: Iterable[GoldItem], store: Store, settings: Settings,
                  fusion: LinearModel | None = None) -> list[Example]:
    """Candidates and labels for gold questions (a candidate is right when it holds a gold answer),
    retrieved through `fusion` as Answerer.decision retrieves them."""
    out = []
    for item in items:  # the same front half as Answerer.decision
        reading = read(item.question, store, settings)
        passages = retrieve_for(reading, store, settings, k=settings.answer_passages, fusion=fusion)
        cands = tuple(sentence_candidates(reading.question, passages, store, reading.scorer))
        labels = tuple(int(c.doc_id in item.doc_ids and contains_answer(c.text, _golds(item))) for c in cands)
        group = item.doc_ids[0] if item.doc_ids else (passages[0].doc_id if passages else "-")
        out.append(Example(item, group, reading, tuple(passages), cands, labels))
    return out


def _ranked(ex: Example, model: LinearModel) -> list[tuple[SentenceCandidate, float]]:
    return rank(ex.candidates, model)


def _person_label(name: str, item: GoldItem) -> int:
    wanted = {normalize_answer(g) for g in _golds(item)}
    return int(normalize_answer(name) in wanted)


def _person_rows(examples: Sequence[Example], sentence: LinearModel, store: Store):
    """(features, label, example index, article) for person candidates of answerable "who" questions."""
    rows = []
    for i, ex in enumerate(examples):
        if ex.reading.question.kind not in WHO_KINDS or not ex.item.answerable:
            continue
        for pc in person_candidates(ex.reading.question, _ranked(ex, sentence), store, ex.reading.scorer):
            rows.append((pc.features, _person_label(pc.name, ex.item), i, pc.doc_id))
    return rows


def _span_label(text: str, item: GoldItem) -> int:
    """A span is right when it holds a gold answer, or is most of one ("2.000" of "hơn 2.000 người")."""
    span = normalize_answer(text)
    golds = [g for g in map(normalize_answer, _golds(item)) if g]
    return int(bool(span) and any(g in span or (span in g and 2 * len(span) >= len(g)) for g in golds))


def _span_rows(examples: Sequence[Example], sentence: LinearModel, store: Store) -> list[tuple[Features, int]]:
    """(features, label) of the span candidates of answerable typed questions."""
    rows = []
    for ex in examples:
        q = ex.reading.question
        if q.kind not in SPAN_KINDS or not ex.item.answerable:
            continue
        for c in span_candidates(q, ex.reading.scorer, _ranked(ex, sentence), store):
            rows.append((c.features, int(c.sentence.doc_id in ex.item.doc_ids and _span_label(c.span.text, ex.item))))
    return rows


def _fit_rankers(examples: Sequence[Example], store: Store) -> tuple[LinearModel, LinearModel, LinearModel]:
    """The sentence ranker, then the person ranker and span scorer over its ranking."""
    rows = [(c.features, y) for ex in examples if ex.item.answerable for c, y in zip(ex.candidates, ex.labels)]
    sentence = fit_linear(SENTENCE_FEATURES, [r for r, _ in rows], [y for _, y in rows])
    prow = _person_rows(examples, sentence, store)
    person = fit_linear(PERSON_FEATURES, [r[0] for r in prow], [r[1] for r in prow]) if prow else \
        _constant(PERSON_FEATURES)
    srow = _span_rows(examples, sentence, store)
    span = fit_linear(SPAN_FEATURES, [r for r, _ in srow], [y for _, y in srow]) if srow else _constant(SPAN_FEATURES)
    return sentence, person, span


def _constant(names: Sequence[str], bias: float = 0.0) -> LinearModel:
    """A model that ignores its features: p = sigmoid(bias)."""
    return LinearModel(tuple(names), (0.0,) * len(names), bias, (0.0,) * len(names), (1.0,) * len(names))


def folds_by_group(groups: Sequence[str], k: int) -> list[int]:
    """Fold of each example: articles spread over k folds, largest first (deterministic)."""
    counts: dict[str, int] = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    load = [0] * k
    fold_of: dict[str, int] = {}
    for g in sorted(counts, key=lambda g: (-counts[g], g)):
        f = min(range(k), key=lambda i: (load[i], i))
        fold_of[g] = f
        load[f] += counts[g]
    return [fold_of[g] for g in groups]


def _choose_abstain(probs: Sequence[float], answerable: Sequence[bool], refused: int = 0) -> float:
    """The highest threshold that keeps held-out false refusals within MAX_FALSE_REFUSALS, counting
    the `refused` answerable questions that hard evidence already refuses."""
    pos = sorted(p for p, a in zip(probs, answerable) if a)
    if not pos:
        return 0.5
    allowed = max(0, int(MAX_FALSE_REFUSALS * (len(pos) + refused)) - refused)
    return max(0.0, pos[min(allowed, len(pos) - 1)] - 1e-6)


def _choose_person_min(rows: Sequence[tuple[float, int, int, str]]) -> tuple[float, float]:
    """The person-probability cuts (absolute, and relative to the question's best person) that
    maximise micro F1 of the listed people on held-out rows (people of the best one's article)."""
    by_q: dict[int, list[tuple[float, int, str]]] = {}
    for p, y, qi, doc in rows:
        by_q.setdefault(qi, []).append((p, y, doc))
    for cands in by_q.values():
        cands.sort(key=lambda pyd: -pyd[0])
    best, best_f1 = (0.5, 0.0), -1.0
    for t in [x / 20 for x in range(1, 20)]:
        for rel in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            tp = fp = fn = 0
            for cands in by_q.values():
                top, doc = cands[0][0], cands[0][2]
                chosen = [y for i, (p, y, d) in enumerate(cands) if i == 0 or (d == doc and p >= t and p >= rel * top)]
                tp += sum(chosen)
                fp += len(chosen) - sum(chosen)
                fn += sum(y for _, y, _ in cands) - sum(chosen)
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best_f1 + 1e-9:
                best, best_f1 = (t, rel), f1
    return best


def _answer_rows(examples: Sequence[Example], held: Sequence[int], models: AnswerModels,
                 store: Store) -> tuple[dict[int, Features], set[int]]:
    """Answer-support features of the answers these models propose for the `held` examples (as
    Answerer.decision weighs them), and the examples that hard evidence refuses."""
    drafter = Drafter(store, models)
    rows: dict[int, Features] = {}
    refused: set[int] = set()
    for i in held:
        ex = examples[i]
        best = preferred(propose(ex.reading, list(ex.passages), _ranked(ex, models.sentence), store, drafter))
        if best is None:
            refused.add(i)
        else:
            rows[i] = best.features
    return rows, refused


def _abstain_oof(keep: Sequence[int], fold: Sequence[int], rows: dict[int, Features],
                 answerable: Sequence[bool], c: float) -> dict[int, float]:
    """P(answerable) of each kept example from an answer/abstain model fitted without its fold."""
    oof: dict[int, float] = {}
    for f in range(INNER_FOLDS):
        train = [i for i in keep if fold[i] != f]
        held = [i for i in keep if fold[i] == f]
        if train and held:
            m = fit_linear(ANSWERABLE_FEATURES, [rows[i] for i in train], [int(answerable[i]) for i in train], c)
            oof.update({i: m.prob(rows[i]) for i in held})
    return oof


def fit_models(examples: Sequence[Example], store: Store, *, note: dict[str, object] | None = None,
               fusion: LinearModel | None = None) -> AnswerModels:
    """Fit the three models; thresholds from inner folds grouped by article.

    The rankers of each inner fold score its held-out questions: their people give the person
    cut; their drafts give the answer/abstain model its rows, so it learns from answers made by
    models that did not see the article, as at question time.
    """
    if len({ex.group for ex in examples}) < 2:
        raise ValueError("fitting needs questions about at least 2 articles (thresholds are chosen on held-out ones)")
    fold = folds_by_group([ex.group for ex in examples], INNER_FOLDS)
    inner: dict[int, tuple[LinearModel, LinearModel, LinearModel]] = {}
    person_oof: list[tuple[float, int, int, str]] = []
    for f in range(INNER_FOLDS):
        train = [ex for ex, g in zip(examples, fold) if g != f]
        held = [i for i, g in enumerate(fold) if g == f]
        if not train or not held:
            continue
        inner[f] = sentence, person, _ = _fit_rankers(train, store)
        for feats, y, j, doc in _person_rows([examples[i] for i in held], sentence, store):
            person_oof.append((person.prob(feats), y, held[j], doc))
    person_min, person_rel = _choose_person_min(person_oof)
    qfeats: dict[int, Features] = {}
    refused: set[int] = set()
    for f, (sentence, person, span) in inner.items():
        models = AnswerModels(sentence, person, span, _constant(ANSWERABLE_FEATURES, 30.0), 0.0, person_min, {},
                              person_rel)
        rows, hard = _answer_rows(examples, [i for i, g in enumerate(fold) if g == f], models, store)
        qfeats.update(rows)
        refused |= hard
    answerable = [ex.item.answerable for ex in examples]
    keep = sorted(qfeats)
    hard = sum(answerable[i] for i in refused)
    # Regularisation and thresholds from probabilities given to questions of folds the model did not see:
    # one for answers from the archive's field, one for answers from texts on other subjects, each held to
    # the same share of false refusals among its own questions (hard refusals count in the field's)
    opened = {i for i in keep if is_open(qfeats[i], fold_text(examples[i].item.question))}
    best: tuple[float, float, float, float | None] | None = None  # (unanswerable refused, C, thresholds)
    for c in ABSTAIN_C:
        oof = _abstain_oof(keep, fold, qfeats, answerable, c)
        threshold = _choose_abstain([oof[i] for i in oof if i not in opened],
                                    [answerable[i] for i in oof if i not in opened], hard)
        own = [i for i in oof if i in opened]
        open_threshold = _choose_abstain([oof[i] for i in own], [answerable[i] for i in own]) \
            if sum(answerable[i] for i in own) >= MIN_OPEN_ANSWERABLE else None
        if open_threshold is None:  # too few such questions for a threshold of their own: one over all
            threshold = _choose_abstain([oof[i] for i in oof], [answerable[i] for i in oof], hard)
        refused_share = sum(not answerable[i] and p < (open_threshold if i in opened and open_threshold is not None
                                                        else threshold) for i, p in oof.items())
        if best is None or refused_share > best[0]:
            best = (refused_share, c, threshold, open_threshold)
    _, c, threshold, open_threshold = best  # type: ignore[misc]
    abstain_model = fit_linear(ANSWERABLE_FEATURES, [qfeats[i] for i in keep], [int(answerable[i]) for i in keep], c)
    sentence, person, span = _fit_rankers(examples, store)
    trained_on = {"questions": len(examples), "articles": len({ex.group for ex in examples}), "abstain_c": c,
                  **(note or {})}
    return AnswerModels(sentence, person, span, abstain_model, round(threshold, 4), person_min, trained_on, person_rel,
                        fusion, round(open_threshold, 4) if open_threshold is not None else None)


def cross_validate(examples: Sequence[Example], store: Store, k: int, *, fold: Sequence[int] | None = None,
                   fusions: Sequence[LinearModel | None] = ()) -> tuple[list[int], list[AnswerModels]]:
    """Fold of each example (grouped by article, unless given) and the models fitted without that
    fold; `fusions[f]`, fitted without it too, retrieved its examples and goes with its models."""
    groups = {ex.group for ex in examples}
    if len(groups) <= k:
        raise ValueError(f"{k} folds need questions about more than {k} articles; these are about {len(groups)}")
    fold = list(fold) if fold is not None else folds_by_group([ex.group for ex in examples], k)
    models = []
    for f in range(k):
        train = [ex for ex, g in zip(examples, fold) if g != f]
        models.append(fit_models(train, store, note={"held_out_fold": f}, fusion=fusions[f] if fusions else None))
    return fold, models
