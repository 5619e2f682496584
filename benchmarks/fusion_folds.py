"""Choose the hybrid fusion on folds of articles, report it held out: RRF settings, and the
learned fusion that `danvan-qa train` ships (qa/fusion.py).

Not a test. For every answerable gold question the dense and BM25 candidate lists are
retrieved once; each RRF setting re-fuses them. The setting is chosen on four fifths of the
articles (Success@1, then MRR@10) and scored on the fifth, five times; the learned fusion is
fitted on the same four fifths and re-scores the fifth's fused candidates. BM25 alone and the
current RRF settings are scored on the same questions. Figures per gold file, never pooled.

Usage: python benchmarks/fusion_folds.py GOLD.jsonl... --corpus DIR --store DIR
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from danvan_qa import build_index, open_store  # noqa: E402
from danvan_qa.embed.embedding import get_embedder  # noqa: E402
from danvan_qa.evaluation.fusion_fit import fit_fusion, fusion_rows  # noqa: E402
from danvan_qa.evaluation.gold import evidence_spans, file_labels, is_relevant, load_gold_files  # noqa: E402
from danvan_qa.evaluation.training import folds_by_group  # noqa: E402
from danvan_qa.qa.reading import read  # noqa: E402
from danvan_qa.qa.retrieval import weighted_rrf  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402

WEIGHTS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0)  # BM25 weight, dense weight 1
RRF_K = (1, 3, 5, 10, 20, 60)


def ranks(question, setting) -> tuple[float, float]:
    """(Success@1, reciprocal rank within 10) of one question under one setting (None: BM25 alone)."""
    dense, bm25, relevant = question
    if setting is None:
        order = list(bm25)
    else:
        w, k = setting
        fused = weighted_rrf([(dense, 1.0), (bm25, w)], k)
        order = [r for r, _ in sorted(fused.items(), key=lambda rs: (-rs[1], rs[0]))]
    hit = next((i for i, r in enumerate(order[:10]) if r in relevant), None)
    return float(hit == 0), (1.0 / (hit + 1) if hit is not None else 0.0)


def mean(rows, setting) -> tuple[float, float]:
    got = [ranks(q, setting) for q in rows]
    return (sum(g[0] for g in got) / len(got), sum(g[1] for g in got) / len(got)) if got else (0.0, 0.0)


def _learned(items, fold, store, settings) -> list[tuple[float, float]]:
    """(Success@1, reciprocal rank within 10) of each question under the learned fusion fitted
    without its fold; a question whose right chunk is below the re-scored depth counts as a miss."""
    rows = fusion_rows(items, store, settings)
    out: list[tuple[float, float]] = [(0.0, 0.0)] * len(items)
    for f in range(5):
        model = fit_fusion([r for r, g in zip(rows, fold) if g != f])
        for i in (i for i, g in enumerate(fold) if g == f):
            probs = [model.prob(x) for x in rows[i].rows] if model else [-j for j in range(len(rows[i].rows))]
            order = sorted(range(len(probs)), key=lambda j: (-probs[j], j))[:10]
            hit = next((n for n, j in enumerate(order) if rows[i].labels[j]), None)
            out[i] = (float(hit == 0), 1.0 / (hit + 1) if hit is not None else 0.0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--store", type=Path)
    args = ap.parse_args()
    settings = Settings.from_env(corpus=args.corpus, store=args.store)
    build_index(settings=settings)
    store = open_store(settings=settings)
    embedder = get_embedder(settings)
    docs = {d: doc.text for d, doc in store.data.documents.items()}
    labels = dict(zip(args.gold, file_labels(args.gold)))
    items = [i for i in load_gold_files(args.gold, docs) if i.answerable and i.doc_ids]
    label_of = {i.id: (i.id.split(":", 1)[0] if len(args.gold) > 1 else labels[args.gold[0]]) for i in items}
    n = settings.candidates
    questions, groups = [], []
    for item in items:
        reading = read(item.question, store, settings)
        dense, _ = store.dense_search(embedder.encode_queries([reading.restored])[0], n)
        bm25, _ = store.lexical_search(reading.restored, n)
        spans = evidence_spans(item, docs)
        relevant = {i for i, c in enumerate(store.data.chunks)
                    if c.doc_id in item.doc_ids and is_relevant(c.doc_id, c.start, c.end, c.text, item, spans)}
        questions.append((dense, bm25, relevant))
        groups.append(item.doc_ids[0])
    grid = list(itertools.product(WEIGHTS, RRF_K))
    fold = folds_by_group(groups, 5)
    chosen_for = {}
    for f in range(5):
        train = [q for q, g in zip(questions, fold) if g != f]
        chosen_for[f] = max(grid, key=lambda s: mean(train, s))
    print(f"chosen per fold (bm25 weight, rrf k): {sorted(set(chosen_for.values()))}")
    learned = _learned(items, fold, store, settings)
    print("| gold file | questions | BM25 alone S@1 / MRR | current RRF S@1 / MRR | RRF fitted on folds, held out "
          "| learned fusion, held out |")
    print("|---|---|---|---|---|---|")
    current = (settings.weight_bm25 / settings.dense_weight, settings.rrf_k)
    for label in dict.fromkeys(label_of.values()):
        idx = [i for i, it in enumerate(items) if label_of[it.id] == label]
        rows = [questions[i] for i in idx]
        held = [ranks(questions[i], chosen_for[fold[i]]) for i in idx]
        held_mean = (sum(h[0] for h in held) / len(held), sum(h[1] for h in held) / len(held))
        b, c = mean(rows, None), mean(rows, current)
        lm = [learned[i] for i in idx]
        print(f"| {label} | {len(rows)} | {b[0]:.3f} / {b[1]:.3f} | {c[0]:.3f} / {c[1]:.3f} | "
              f"{held_mean[0]:.3f} / {held_mean[1]:.3f} | {sum(x[0] for x in lm) / len(lm):.3f} / "
              f"{sum(x[1] for x in lm) / len(lm):.3f} |")
    print(f"on all questions the grid's best is {max(grid, key=lambda s: mean(questions, s))}")


if __name__ == "__main__":
    main()
