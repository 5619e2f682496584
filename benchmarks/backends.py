"""Backend comparison: FAISS files against Milvus (Lite, embedded).

1. Parity: eval/gold.jsonl over the bundled corpus with the real model, once per backend:
   Recall@5 per retrieval mode, answers that agree, latency.
2. Scale: N synthetic chunks (recombined corpus sentences, embedding-like 384-d vectors)
   written through each backend's writer into a real store, then searched through the
   same Store interface retrieval uses: write time, dense and BM25 latency p50/p95,
   dense recall@10 against exact search.

Usage: python benchmarks/backends.py [--n 100000] [--skip-parity]   (also run by suite.py)
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import corpus_sentences, machine, pct, say, synthetic_vectors, timed  # noqa: E402
from danvan_qa import evaluate  # noqa: E402
from danvan_qa.index import catalogue as cat  # noqa: E402
from danvan_qa.index import store as st  # noqa: E402
from danvan_qa.index.backends.base import BACKENDS, Row  # noqa: E402
from danvan_qa.index.backends.factory import writer_for  # noqa: E402
from danvan_qa.index.backends.sizing import choose_index_type  # noqa: E402
from danvan_qa.index.indexer import chunk_key  # noqa: E402
from danvan_qa.ingest.chunking import Chunk  # noqa: E402
from danvan_qa.ingest.corpus import Document  # noqa: E402
from danvan_qa.ingest.facts import FactTable  # noqa: E402
from danvan_qa.ingest.normalize import syllables  # noqa: E402
from danvan_qa.ingest.restore import Vocabulary  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402

SYNTHETIC_MODEL = "synthetic-384"
CHUNKS_PER_DOC = 10
LEXICAL_QUERIES = 50  # gold questions timed for BM25 (Milvus Lite needs seconds per query at 100k)


def backend_parity(settings: Settings, tmp: Path) -> None:
    """Evaluate the gold set on both backends and report where they differ."""
    from danvan_qa.index.backends import milvus as milvus_backend

    gold = ROOT / "eval" / "gold.jsonl"
    results = {}
    for name in BACKENDS:
        results[name] = evaluate(gold, settings=settings.replace(store=tmp / f"parity-{name}", backend=name),
                                 baseline=False)
    milvus_backend.close_all()
    faiss, milvus = results["faiss"], results["milvus"]
    say(f"### Backend parity (eval/gold.jsonl, {len(faiss.questions)} questions, real model)\n")
    say("| mode | FAISS Recall@5 | Milvus Recall@5 | difference | FAISS MRR@10 | Milvus MRR@10 |\n|---|---|---|---|---|---|")
    for mode in ("hybrid", "bm25", "dense"):
        r = [res.metrics["retrieval"][mode]["overall"] for res in (faiss, milvus)]
        say(f"| {mode} | {r[0]['Recall@5']:.3f} | {r[1]['Recall@5']:.3f} | {r[1]['Recall@5'] - r[0]['Recall@5']:+.3f} "
            f"| {r[0]['MRR@10']:.3f} | {r[1]['MRR@10']:.3f} |")
    pairs = list(zip(faiss.questions, milvus.questions, strict=True))
    differ = [a.id for a, b in pairs if (a.got, a.abstained) != (b.got, b.abstained)]
    same = len(pairs) - len(differ)
    lat = [res.metrics["latency_ms"] for res in (faiss, milvus)]
    contained = [res.metrics["answers"]["overall"]["answer_contained"] for res in (faiss, milvus)]
    say(f"\nanswer() gives the same answer on **{same}/{len(pairs)} = {same / len(pairs):.3f}** of the questions"
        f"{' (differing: ' + ', '.join(differ) + ')' if differ else ''}; answer contained {contained[0]:.3f} (FAISS) "
        f"vs {contained[1]:.3f} (Milvus); answer() p50 {lat[0]['answer_p50']:.1f} vs {lat[1]['answer_p50']:.1f} ms, "
        f"retrieve() p50 {lat[0]['retrieve_p50']:.1f} vs {lat[1]['retrieve_p50']:.1f} ms.\n")


def synthetic_rows(n: int, sentences: list[str], rng: np.random.Generator) -> tuple[list[Document], list[Row]]:
    """n chunks of three recombined corpus sentences, ten to a document, with exact offsets."""
    docs, rows = [], []
    params = {"synthetic": True}
    for d in range(0, n, CHUNKS_PER_DOC):
        pieces = [" ".join(sentences[i] for i in rng.integers(0, len(sentences), 3))
                  for _ in range(min(CHUNKS_PER_DOC, n - d))]
        text = "\n\n".join(pieces)
        doc_id = f"s{d // CHUNKS_PER_DOC:06d}"
        doc = Document(doc_id=doc_id, path="", title=f"Bài tổng hợp {doc_id}", date=f"20{10 + d % 15:02d}-01-01",
                       url=None, source=None, place=None, text=text,
                       content_hash=hashlib.sha256(text.encode()).hexdigest())
        docs.append(doc)
        start = 0
        for j, piece in enumerate(pieces):
            chunk = Chunk(f"{doc_id}#{j}", doc_id, start, start + len(piece), piece)
            start += len(piece) + 2
            rows.append(Row(chunk_key(chunk.chunk_id, doc.content_hash, params, SYNTHETIC_MODEL), chunk, doc))
    return docs, rows


def milvus_scale(n: int, sentences: list[str], questions: list[str], settings: Settings, tmp: Path) -> None:
    """Write n synthetic chunks into each backend and time searches through the Store interface."""
    from danvan_qa.index.backends import milvus as milvus_backend

    rng = np.random.default_rng(0)
    docs, rows = synthetic_rows(n, sentences, rng)
    vectors = synthetic_vectors(n, rng)
    queries = synthetic_vectors(200, rng)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    index_type = choose_index_type(n, settings.index_type, settings.hnsw_threshold)
    vocab = Vocabulary.from_token_lists(syllables(s) for s in sentences)
    say(f"### Backends at scale ({n:,} synthetic chunks, {len(docs):,} documents, 384-d, index {index_type!r})\n")
    say("| backend | write s (insert + index) | dense p50 ms | dense p95 ms | recall@10 | BM25 p50 ms | BM25 p95 ms |"
        "\n|---|---|---|---|---|---|---|")
    tops = {}
    for name in BACKENDS:
        s = settings.replace(store=tmp / f"scale-{name}", backend=name, model=SYNTHETIC_MODEL)
        writer = writer_for(s, s.store, None, rebuild=True)
        t0 = time.perf_counter()
        writer.add(rows, vectors)
        catalogue = cat.Catalogue(
            gen=s.store, manifest={"model": {"id": SYNTHETIC_MODEL, "dim": vectors.shape[1]}},
            documents={d.doc_id: d for d in docs}, chunks=[r.chunk for r in rows], keys=[r.key for r in rows],
            vocab=vocab, facts=FactTable())
        cat.write_generation(s.store, catalogue, lambda gen, w=writer: w.finish(gen, rows, index_type))
        write_s = time.perf_counter() - t0
        store = st.Store.open(s.store, SYNTHETIC_MODEL, s)
        for q in queries[:10]:  # warm-up
            store.dense_search(q, 10)
        dense = [timed(lambda q=q: store.dense_search(q, 10))[0] for q in queries]
        got = [store.dense_search(q, 10).rows for q in queries]
        recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, got, strict=True)]))
        lexical, tops[name] = [], []
        for q in questions[:LEXICAL_QUERIES]:
            t1 = time.perf_counter()
            hits = store.lexical_search(q, 50)
            lexical.append((time.perf_counter() - t1) * 1000)
            tops[name].append(hits.rows[:10].tolist())
        say(f"| {name} | {write_s:.1f} | {pct(dense, 50):.2f} | {pct(dense, 95):.2f} | {recall:.3f} "
            f"| {pct(lexical, 50):.2f} | {pct(lexical, 95):.2f} |")
    milvus_backend.close_all()
    overlap = np.mean([len(set(a) & set(b)) / max(1, len(a)) for a, b in zip(tops["faiss"], tops["milvus"], strict=True)])
    say(f"\nBM25 top-10 overlap between the backends over {len(tops['faiss'])} gold questions: {overlap:.3f}.\n")


def main() -> None:
    import json

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000, help="synthetic chunks for the scale check")
    ap.add_argument("--skip-parity", action="store_true")
    args = ap.parse_args()
    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "gold.jsonl").open(encoding="utf-8")]
    say(f"Machine: {machine()}.\n")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(corpus=ROOT / "corpus", store=Path(tmp) / "store")
        if not args.skip_parity:
            backend_parity(settings, Path(tmp))
        from danvan_qa import build_index, open_store

        build_index(settings=settings)
        store = open_store(settings=settings)
        sentences = corpus_sentences(store)
        milvus_scale(args.n, sentences, questions, settings, Path(tmp))


if __name__ == "__main__":
    main()
