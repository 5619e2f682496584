"""Tune chunk size and fusion weights on the dev split (eval/dev.jsonl), never on the test set.

Prints Recall@1/@5 and MRR@10 per setting; the chosen values are the defaults in
settings.py. Usage: python benchmarks/tune_retrieval.py [--dev eval/dev.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from danvan_qa import build_index, open_store
from danvan_qa.evaluation.gold import evidence_spans, is_relevant, load_gold
from danvan_qa.qa.retrieval import clean_query, search
from danvan_qa.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def score(store, items, settings, mode):
    docs = {d: doc.text for d, doc in store.data.documents.items()}
    r1 = r5 = mrr = 0.0
    for item in items:
        spans = evidence_spans(item, docs)
        got = search(store, clean_query(item.question, 2000), 10, mode=mode, settings=settings)
        rel = [is_relevant(p.doc_id, p.start, p.end, p.text, item, spans) for p in got]
        r1 += any(rel[:1])
        r5 += any(rel[:5])
        mrr += next((1 / (i + 1) for i, r in enumerate(rel) if r), 0.0)
    n = len(items)
    return r1 / n, r5 / n, mrr / n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", type=Path, default=ROOT / "eval" / "dev.jsonl")
    args = ap.parse_args()
    items = [i for i in load_gold(args.dev) if i.answerable]
    print(f"{len(items)} answerable dev questions")
    print(f"{'chunk':>10} {'mode':>7} {'w_dense':>7} {'w_bm25':>6}  R@1   R@5   MRR@10")
    for size, overlap in ((400, 80), (700, 150), (1000, 200)):
        with tempfile.TemporaryDirectory() as tmp:
            base = Settings.from_env(corpus=ROOT / "corpus", store=Path(tmp), chunk_size=size, chunk_overlap=overlap)
            build_index(settings=base)
            store = open_store(settings=base)
            for mode in ("dense", "bm25"):
                print(f"{size}/{overlap:>4} {mode:>7} {'':>7} {'':>6}  " + "  ".join(f"{x:.3f}" for x in score(store, items, base, mode)))
            for wd, wb in itertools.product((0.5, 1.0, 1.5), (0.5, 1.0, 1.5)):
                if wd == wb and wd != 1.0:
                    continue
                s = base.replace(weight_dense=wd, weight_bm25=wb)
                print(f"{size}/{overlap:>4} {'hybrid':>7} {wd:>7} {wb:>6}  " + "  ".join(f"{x:.3f}" for x in score(store, items, s, "hybrid")))


if __name__ == "__main__":
    main()
