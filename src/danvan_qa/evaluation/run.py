"""Evaluate retrieval and answers over a gold question file (any corpus in the documented format).

`evaluate()` validates the gold file against the corpus, builds or updates the
index, then runs every question through retrieve() per mode and through
answer(), plus a naive baseline (the single retrieved sentence most similar to
the question). Metrics are reported overall and per question type.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import statistics
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple, Sequence

import numpy as np

from danvan_qa.embed.embedding import get_embedder
from danvan_qa.evaluation import metrics as m
from danvan_qa.evaluation.gold import GoldItem, evidence_spans, is_relevant, load_gold_files, load_pooled
from danvan_qa.evaluation.fusion_fit import examples_by_fold
from danvan_qa.evaluation.training import cross_validate
from danvan_qa.index.indexer import build_index, package_version
from danvan_qa.index.store import Store
from danvan_qa.ingest.chunking import sentence_spans
from danvan_qa.ingest.corpus import decode, load_corpus
from danvan_qa.ingest.names import find_names
from danvan_qa.ingest.normalize import normalize_text
from danvan_qa.qa.answering import Answerer
from danvan_qa.qa.reading import read, retrieve_for
from danvan_qa.qa.retrieval import MODES, open_store
from danvan_qa.records import Answer, Passage
from danvan_qa.settings import Settings

DEFAULT_MODES = ("hybrid", "bm25", "dense")


class InSample(NamedTuple):
    """The shipped models' answer to a question they may have been fitted on."""

    contained: bool
    abstained: bool
    entities: m.EntityCounts | None


@dataclass(frozen=True)
class QuestionResult:
    id: str
    type: str
    question: str
    answerable: bool
    expected: tuple[str, ...]
    got: str
    short: str | None
    abstained: bool
    confidence: float
    contained: bool
    exact: float
    f1: float
    entities: m.EntityCounts | None
    citations: int
    exact_citations: int
    cites_gold_doc: bool
    cites_answer_evidence: bool
    retrieved: dict[str, list[tuple[str, bool]]]  # mode -> [(chunk_id, relevant)]
    passages: tuple[str, ...]  # the top hybrid passages, for the failure report
    retrieve_ms: float
    answer_ms: float
    baseline: str
    baseline_contained: bool
    baseline_entities: m.EntityCounts | None
    fold: int | None = None  # with --folds: the held-out fold whose models answered it
    in_sample: InSample | None = None

    @property
    def correct(self) -> bool:
        return self.contained if self.answerable else self.abstained


@dataclass
class EvalResult:
    metrics: dict[str, Any]
    questions: list[QuestionResult]
    meta: dict[str, Any]
    ranking: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)  # mode -> qid -> measures
    article_ranking: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)  # the same, by article


def _corpus_hash(store: Store) -> str:
    h = hashlib.sha256()
    for doc_id in sorted(store.data.documents):
        h.update(f"{doc_id}:{store.data.documents[doc_id].content_hash}\n".encode())
    return h.hexdigest()[:16]


def _baseline(store: Store, question: str, passages: list[Passage], settings: Settings) -> str:
    """The single sentence of the retrieved passages closest to the question (dense cosine)."""
    sentences = []
    for p in passages:
        text = store.data.documents[p.doc_id].text
        sentences += [text[a:b] for a, b in sentence_spans(text, p.start, p.end)]
    if not sentences:
        return ""
    embedder = get_embedder(settings)
    q = embedder.encode_queries([question])[0]
    vectors = embedder.encode_passages(sentences)
    return sentences[int(np.argmax(vectors @ q))]


_NL = r"(?:\r\n|\r(?!\n)|\n)"
_FRONT_MATTER = re.compile(rf"---{_NL}.*?{_NL}---[^\r\n]*(?:{_NL}|\Z)", re.DOTALL)


def published_text(path: str) -> str:
    """An article as published: the file decoded, NFC, front matter cut; nothing else changed.

    Read here on its own, not through the corpus' offset map, so that "citations
    exact" checks the quotes against the article rather than against the map. (An HTML
    page, Word file or PDF has no text on disk to read again: its extracted text is used.)
    """
    text = unicodedata.normalize("NFC", decode(Path(path).read_bytes()))
    front = _FRONT_MATTER.match(text)
    return text[front.end() :] if front else text


def _cites_evidence(answer: Answer, item: GoldItem, docs: dict[str, str], store: Store) -> bool:
    spans = [s for s in evidence_spans(item, docs) if m.contains_answer(docs[s.doc_id][s.start : s.end], item.answers)]
    published = [(s.doc_id, *store.data.documents[s.doc_id].published_span(s.start, s.end)) for s in spans]
    return any(c.doc_id == d and c.start < end and start < c.end for c in answer.citations for d, start, end in published)


def _run_question(item: GoldItem, store: Store, settings: Settings, k: int, modes: Sequence[str],
                  answerer: Answerer, docs: dict[str, str], published: dict[str, str], baseline: bool,
                  fold: int | None = None, shipped: Answerer | None = None) -> QuestionResult:
    spans = evidence_spans(item, docs)
    retrieved: dict[str, list[tuple[str, bool]]] = {}
    retrieve_ms = 0.0
    top: list[Passage] = []
    reading = read(item.question, store, settings)
    for mode in modes:  # hybrid through the answerer's fusion: the one that never saw this article
        t0 = time.perf_counter()
        passages = retrieve_for(reading, store, settings, k=k, mode=mode, fusion=answerer.fusion)
        if mode == modes[0]:
            retrieve_ms, top = (time.perf_counter() - t0) * 1000, passages
        retrieved[mode] = [(p.chunk_id, is_relevant(p.doc_id, p.start, p.end, p.text, item, spans)) for p in passages]
    t0 = time.perf_counter()
    answer = answerer.answer(item.question, k=settings.answer_passages)
    answer_ms = (time.perf_counter() - t0) * 1000
    exact_quotes = sum(published[c.doc_id][c.start : c.end] == c.quote for c in answer.citations)
    shown = "" if answer.abstained else answer.text
    base = _baseline(store, reading.text, top[:5], settings) if baseline else ""
    in_sample = None
    if shipped is not None:
        own = shipped.answer(item.question, k=settings.answer_passages)
        in_sample = InSample(
            item.answerable and not own.abstained and m.contains_answer(own.text, item.answers), own.abstained,
            m.entity_counts([i.name for i in own.items], item.entities) if item.entities else None)
    return QuestionResult(
        id=item.id, type=item.type, question=item.question, answerable=item.answerable, expected=item.answers,
        got=answer.text, short=answer.short, abstained=answer.abstained, confidence=answer.confidence,
        contained=item.answerable and m.contains_answer(shown, item.answers),
        exact=m.exact_match(answer.short, item.answers), f1=m.token_f1(answer.short, item.answers),
        entities=m.entity_counts([i.name for i in answer.items], item.entities) if item.entities else None,
        citations=len(answer.citations), exact_citations=exact_quotes,
        cites_gold_doc=any(c.doc_id in item.doc_ids for c in answer.citations),
        cites_answer_evidence=_cites_evidence(answer, item, docs, store),
        retrieved=retrieved, passages=tuple(f"{p.chunk_id}: {p.text[:160]}" for p in top[:3]),
        retrieve_ms=retrieve_ms, answer_ms=answer_ms, baseline=base,
        baseline_contained=item.answerable and m.contains_answer(base, item.answers),
        baseline_entities=m.entity_counts([base[a:b] for a, b in find_names(base)], item.entities)
        if item.entities else None,
        fold=fold, in_sample=in_sample,
    )


def _answer_metrics(rows: list[QuestionResult]) -> dict[str, float]:
    answerable = [r for r in rows if r.answerable]
    unanswerable = [r for r in rows if not r.answerable]
    answered = [r for r in answerable if not r.abstained]
    lists = [r for r in rows if r.entities is not None]
    ent, base_ent = m.prf(r.entities for r in lists), m.prf(r.baseline_entities for r in lists)
    cites = sum(r.citations for r in rows)
    out = {
        "questions": len(rows), "answerable": len(answerable), "unanswerable": len(unanswerable),
        "answer_contained": m.mean(r.contained for r in answerable),
        "exact_match": m.mean(r.exact for r in answerable), "token_f1": m.mean(r.f1 for r in answerable),
        "entity_precision": ent.precision if lists else float("nan"),
        "entity_recall": ent.recall if lists else float("nan"), "entity_f1": ent.f1 if lists else float("nan"),
        "citations_exact": sum(r.exact_citations for r in rows) / cites if cites else float("nan"),
        "cites_gold_doc": m.mean(r.cites_gold_doc for r in answered),
        "cites_answer_evidence": m.mean(r.cites_answer_evidence for r in answered),
        "abstained_unanswerable": m.mean(r.abstained for r in unanswerable),
        "abstained_answerable": m.mean(r.abstained for r in answerable),
        "accuracy": m.mean(r.correct for r in rows),
        "baseline_answer_contained": m.mean(r.baseline_contained for r in answerable),
        "baseline_entity_recall": base_ent.recall if lists else float("nan"),
        "baseline_entity_precision": base_ent.precision if lists else float("nan"),
    }
    return out


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def evaluate(
    gold: Path | str | Sequence[Path | str],
    *,
    corpus: Path | str | None = None,
    store: Path | str | None = None,
    k: int = 10,
    modes: Sequence[str] = DEFAULT_MODES,
    settings: Settings | None = None,
    baseline: bool = True,
    progress: bool | Callable[[int, int], None] = False,
    folds: int = 0,
    pooled: Path | str | None = None,
) -> EvalResult:
    """Run the gold questions and compute every metric; see docs/evaluation.md for definitions.

    With `folds` > 1 the answer models are refitted `folds` times, each time without
    the articles of one fold, and every question is answered by the models that
    never saw its article (held-out figures); the shipped models' in-sample
    figures are reported beside them. `pooled` (a file of relevance judgements, `load_pooled`)
    adds the articles judged to answer a question to its gold ones, for a second article table.
    """
    settings = (settings or Settings.from_env()).replace(
        corpus=Path(corpus) if corpus else None, store=Path(store) if store else None)
    for mode in modes:
        if mode not in MODES:
            raise ValueError(f"unknown retrieval mode {mode!r} (expected some of {', '.join(MODES)})")
    if folds == 1 or folds < 0:
        raise ValueError(f"folds must be 0 (no cross-validation) or at least 2, not {folds}")
    paths = [Path(gold)] if isinstance(gold, (str, Path)) else [Path(g) for g in gold]
    judged = load_pooled(pooled) if pooled else None
    loaded = load_corpus(settings.corpus, max_bytes=settings.max_doc_bytes)
    items = load_gold_files(paths, {d.doc_id: d.text for d in loaded.documents})
    build_index(settings=settings, progress=progress is True)
    st = open_store(settings=settings)
    docs = {d: doc.text for d, doc in st.data.documents.items()}
    # a text file read again from disk; a page, Word file or PDF as its reader extracted it
    published = {d.doc_id: published_text(d.path) if Path(d.path).suffix.lower() in (".txt", ".md") else d.published
                 for d in loaded.documents}
    shipped = Answerer(st, settings)
    answerers = [shipped] * len(items)
    fold_of: list[int | None] = [None] * len(items)
    if folds:
        examples, fold_ids, fusions = examples_by_fold(items, st, settings, folds)
        fold_ids, models = cross_validate(examples, st, folds, fold=fold_ids, fusions=fusions)
        answerers = [Answerer(st, settings, models[f]) for f in fold_ids]
        fold_of = list(fold_ids)
    iterator = list(zip(items, answerers, fold_of))
    if callable(progress):
        iterator = _reported(iterator, progress)
    elif progress:
        from tqdm import tqdm

        iterator = tqdm(iterator, desc="questions", unit="q")
    rows = [_run_question(i, st, settings, k, modes, a, docs, published, baseline, f, shipped if folds else None)
            for i, a, f in iterator]
    ranking, article_ranking, pooled_ranking = {}, {}, {}
    doc_of = {c.chunk_id: c.doc_id for c in st.data.chunks}
    for mode in modes:
        qrels, run, article_qrels, article_run, pooled_qrels = {}, {}, {}, {}, {}
        for item, row in zip(items, rows):
            spans = evidence_spans(item, docs)
            qrels[item.id] = {c.chunk_id: 1 for c in st.data.chunks if c.doc_id in item.doc_ids
                              and is_relevant(c.doc_id, c.start, c.end, c.text, item, spans)}
            run[item.id] = {cid: 1.0 / rank for rank, (cid, _) in enumerate(row.retrieved[mode], start=1)}
            if item.answerable:
                article_qrels[item.id] = {d: 1 for d in item.doc_ids}
                article_run[item.id] = article_ranks([cid for cid, _ in row.retrieved[mode]], doc_of)
                if judged is not None:
                    extra = judged.get(normalize_text(item.question).strip(), frozenset())
                    pooled_qrels[item.id] = {d: 1 for d in (*item.doc_ids, *extra)}
        ranking[mode] = m.ranking_metrics(qrels, run)
        article_ranking[mode] = m.ranking_metrics(article_qrels, article_run)
        if judged is not None:
            pooled_ranking[mode] = m.ranking_metrics(pooled_qrels, article_run)
    metrics = _summarise(rows, ranking, article_ranking, pooled_ranking)
    if not baseline:
        _drop_baseline(metrics)
    return EvalResult(metrics=metrics, questions=rows, ranking=ranking, article_ranking=article_ranking, meta={
        "gold": ", ".join(map(str, paths)),
        "gold_sha256": hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:16],
        "corpus": str(settings.corpus), "corpus_hash": _corpus_hash(st), "documents": len(docs),
        "chunks": len(st), "model": st.model_id, "package_version": package_version(), "k": k,
        "modes": list(modes), "folds": folds, "abstain_below": shipped.abstain_below,
        "abstain_below_open": shipped.abstain_below_open,
        "settings": {f.name: str(getattr(settings, f.name)) for f in dataclasses.fields(settings)
                     if f.repr},  # secrets are repr=False
        "skipped_files": [dataclasses.asdict(s) for s in loaded.skipped],
    })


def _reported(items: list, report: Callable[[int, int], None]) -> Iterator:
    """The items, calling `report(done, total)` about every tenth of the way (progress off a terminal)."""
    step = max(1, len(items) // 10)
    for n, item in enumerate(items, start=1):
        yield item
        if n % step == 0 or n == len(items):
            report(n, len(items))


def _drop_baseline(metrics: dict[str, Any]) -> None:
    """A skipped baseline reads "–", not 0.000: its figures become NaN everywhere."""
    for group in ("answers", "answers_in_sample", "folds", "files"):
        for values in metrics.get(group, {}).values():
            for key in [k for k in values if k.startswith("baseline_")]:
                values[key] = float("nan")


def coverage_curve(rows: Sequence[QuestionResult]) -> list[tuple[float, float, float]]:
    """(threshold, coverage, precision) as the answer threshold on confidence rises.

    Coverage: share of answerable questions answered; precision: share of the
    answered questions whose answer holds the gold answer (an answered
    unanswerable question counts as wrong).
    """
    n_answerable = sum(r.answerable for r in rows) or 1
    curve = []
    for t in sorted({round(r.confidence, 3) for r in rows}):
        answered = [r for r in rows if r.confidence >= t]
        if answered:
            curve.append((t, sum(r.answerable for r in answered) / n_answerable,
                          sum(r.answerable and r.contained for r in answered) / len(answered)))
    return curve


def article_ranks(chunk_ids: Sequence[str], doc_of: dict[str, str]) -> dict[str, float]:
    """The articles of a chunk ranking, each at its best chunk's place, as trec_eval scores (1 / rank):
    retrieval judged by article, as a reader who opens the article sees it."""
    ranked = dict.fromkeys(doc_of[c] for c in chunk_ids)
    return {d: 1.0 / rank for rank, d in enumerate(ranked, start=1)}


Ranking = dict[str, dict[str, dict[str, float]]]  # mode -> question id -> measure -> value


def _retrieval(ranking: Ranking, groups: dict[str, set[str]]) -> dict[str, dict[str, dict[str, float]]]:
    """Each mode's mean measures over all questions ("overall") and over each group of question ids."""
    out = {}
    for mode, per_query in ranking.items():
        names = next(iter(per_query.values()), {}).keys()
        out[mode] = {"overall": {n: m.mean(v[n] for v in per_query.values()) for n in names}}
        for name, ids in groups.items():
            chosen = [v for q, v in per_query.items() if q in ids]
            if chosen:
                out[mode][name] = {n: m.mean(v[n] for v in chosen) for n in names}
    return out


def _summarise(rows: list[QuestionResult], ranking: Ranking, article_ranking: Ranking | None = None,
               pooled_ranking: Ranking | None = None) -> dict[str, Any]:
    types = sorted({r.type for r in rows})
    ids_by_type = {t: {r.id for r in rows if r.type == t} for t in types}
    folds = sorted({r.fold for r in rows if r.fold is not None})
    labels = list(dict.fromkeys(r.id.rsplit(":", 1)[0] for r in rows if ":" in r.id))  # several gold files
    ids_by_file = {f"file:{label}": {r.id for r in rows if r.id.startswith(f"{label}:")} for label in labels}
    in_sample = [dataclasses.replace(r, contained=r.in_sample.contained, abstained=r.in_sample.abstained,
                                     entities=r.in_sample.entities) for r in rows if r.in_sample is not None]
    return {
        "answers": {"overall": _answer_metrics(rows), **{t: _answer_metrics([r for r in rows if r.type == t])
                                                         for t in types}},
        "answers_in_sample": {"overall": _answer_metrics(in_sample)} if in_sample else {},
        "folds": {str(f): _answer_metrics([r for r in rows if r.fold == f]) for f in folds},
        "files": {label: _answer_metrics([r for r in rows if r.id.startswith(f"{label}:")]) for label in labels},
        "retrieval": _retrieval(ranking, ids_by_type | ids_by_file),
        "retrieval_articles": _retrieval(article_ranking or {}, ids_by_file),
        "retrieval_articles_pooled": _retrieval(pooled_ranking or {}, ids_by_file),
        "latency_ms": {
            "retrieve_p50": _percentile([r.retrieve_ms for r in rows], 50),
            "retrieve_p95": _percentile([r.retrieve_ms for r in rows], 95),
            "answer_p50": _percentile([r.answer_ms for r in rows], 50),
            "answer_p95": _percentile([r.answer_ms for r in rows], 95),
            "answer_mean": statistics.fmean(r.answer_ms for r in rows) if rows else float("nan"),
        },
    }
