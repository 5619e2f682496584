"""The benchmark suite: query path, indexing, start-up, backend parity and scale. Not a test: figures depend on the machine.

Usage: python benchmarks/suite.py [--sizes 10000,100000,1000000] [--milvus-n 100000] [--skip-scale]
       [--out benchmarks]
Prints a table per part and writes benchmarks/results.md and benchmarks/scale.png.
Every figure is a median (p50) or p95 over repeated runs on this machine, described at the top.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from danvan_qa import answer, build_index, open_store, retrieve  # noqa: E402
from danvan_qa.ingest.chunking import context_text  # noqa: E402
from danvan_qa.embed.embedding import get_embedder  # noqa: E402
from danvan_qa.ingest.normalize import lexical_tokens  # noqa: E402
from danvan_qa.index.backends.bm25 import Bm25Builder, top_scores  # noqa: E402
from danvan_qa.index.backends.faiss import build_dense  # noqa: E402
from danvan_qa.qa.retrieval import clean_query, weighted_rrf  # noqa: E402
from danvan_qa.settings import Settings  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from backends import backend_parity, milvus_scale  # noqa: E402
from common import LINES, corpus_sentences, machine, pct, say, synthetic_vectors, timed  # noqa: E402

def query_path(settings: Settings, questions: list[str]) -> dict[str, float]:
    store = open_store(settings=settings)
    embedder = get_embedder(settings)
    for q in questions[:10]:  # warm-up
        answer(q, store=store, settings=settings)
    stages: dict[str, list[float]] = {k: [] for k in (
        "normalise", "restore diacritics", "query embedding", "FAISS search", "BM25 search", "fusion",
        "retrieve()", "answer()")}
    for q in questions:
        text = clean_query(q, settings.max_question_chars)
        stages["normalise"] += timed(lambda: clean_query(q, settings.max_question_chars))
        stages["restore diacritics"] += timed(lambda: store.restorer.restore(text))
        vec = embedder.encode_queries([text])[0]
        stages["query embedding"] += timed(lambda: embedder.encode_queries([text]))
        dense = store.dense_search(vec, settings.candidates)
        stages["FAISS search"] += timed(lambda: store.dense_search(vec, settings.candidates))
        bm = store.lexical_search(text, settings.candidates)
        stages["BM25 search"] += timed(lambda: store.lexical_search(text, settings.candidates))
        stages["fusion"] += timed(lambda: weighted_rrf([(dense[0], 1.0), (bm[0], 1.0)], settings.rrf_k))
        stages["retrieve()"] += timed(lambda: retrieve(q, settings.answer_passages, store=store, settings=settings))
        stages["answer()"] += timed(lambda: answer(q, store=store, settings=settings))
    say(f"### Query path ({len(questions)} gold questions, bundled corpus)\n")
    say("| stage | p50 ms | p95 ms |\n|---|---|---|")
    for name, values in stages.items():
        say(f"| {name} | {pct(values, 50):.2f} | {pct(values, 95):.2f} |")
    embed, ans = pct(stages["query embedding"], 50), pct(stages["answer()"], 50)
    say(f"\nanswer() p50 = {ans:.1f} ms = **{ans / embed:.2f} ×** the bare query embedding ({embed:.1f} ms); "
        f"answer composition ≈ answer() − retrieve() = {ans - pct(stages['retrieve()'], 50):.1f} ms.\n")
    return {"answer_p50": ans, "answer_p95": pct(stages["answer()"], 95), "embed_p50": embed}


def indexing(settings: Settings) -> dict[str, float]:
    embedder = get_embedder(settings)
    with tempfile.TemporaryDirectory() as tmp:
        s = settings.replace(store=Path(tmp) / "store")
        builds = [build_index(settings=s, rebuild=True) for _ in range(3)]
        store = open_store(settings=s)
        texts = [context_text(store.data.documents[c.doc_id], c.text) for c in store.data.chunks]
        bare = [t / 1000 for t in timed(lambda: embedder.encode_passages(texts), repeat=3)]
        build_s = statistics.median(r.seconds for r in builds)
        bare_s = statistics.median(bare)
        corpus = Path(tmp) / "corpus"
        shutil.copytree(settings.corpus, corpus)
        s2 = s.replace(corpus=corpus)
        build_index(settings=s2)
        target = sorted(corpus.glob("*.txt"))[0]
        target.write_text(target.read_text(encoding="utf-8") + "\nMột câu mới về công tác dân vận.\n", encoding="utf-8")
        incr = build_index(settings=s2)
    n = builds[0].chunks
    say(f"### Indexing ({n} chunks of the bundled corpus, median of 3)\n")
    say("| | seconds | chunks/s |\n|---|---|---|")
    say(f"| full build (build_index) | {build_s:.2f} | {n / build_s:.1f} |")
    say(f"| bare model.encode, same chunks | {bare_s:.2f} | {n / bare_s:.1f} |")
    say(f"\nfull build runs at **{bare_s / build_s:.2f} ×** the bare encode throughput. "
        f"Re-index after one changed document: {incr.seconds:.2f} s, {incr.embedded_chunks} of {incr.chunks} chunks "
        f"re-embedded ({', '.join(incr.updated)}).\n")
    return {"build_ratio": bare_s / build_s, "incremental_s": incr.seconds, "incremental_embedded": incr.embedded_chunks}


STARTUP = """
import time, sys
from danvan_qa import answer
a = answer("Ai tham dự lễ ký kết ngày 4-11 ở Hà Nội?")
rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS"))
print(time.time(), rss, a.abstained)
"""


def rss_kib(pid: int) -> int:
    return next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                if line.startswith("VmRSS"))


def startup(settings: Settings) -> dict[str, float]:
    env = {**os.environ, "DANVAN_QA_STORE": str(settings.store), "DANVAN_QA_CORPUS": str(settings.corpus)}
    runs = []
    for _ in range(3):
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, env=env, check=True)
        end, rss, _ = out.stdout.split()
        runs.append((float(end) - t0, int(rss)))
    secs = statistics.median(r[0] for r in runs)
    app_rss = app_memory(env)
    say("### Start-up (built store)\n")
    say(f"process start to first answer (Python API): median **{secs:.2f} s** over 3 runs; "
        f"resident memory then {statistics.median(r[1] for r in runs) / 1024:.0f} MiB.")
    say(f"web app (`danvan-qa serve`) resident memory after answering a question: **{app_rss / 1024:.0f} MiB**.\n")
    return {"startup_s": secs, "app_rss_mib": app_rss / 1024}


def app_memory(env: dict[str, str]) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from uiserver import ask, free_port, wait_ready

    from gradio_client import Client

    port = free_port()
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "danvan_qa.interfaces.cli", "serve", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        wait_ready(f"http://127.0.0.1:{port}/", proc, log)
        ask(Client(f"http://127.0.0.1:{port}/", verbose=False), "bao nhieu mo hinh dan van kheo")
        return rss_kib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def synthetic_texts(n: int, sentences: list[str], rng: np.random.Generator) -> Iterator[list[str]]:
    tokens = [lexical_tokens(s)[1] for s in sentences]
    return (sum((tokens[i] for i in rng.integers(0, len(tokens), 3)), []) for _ in range(n))


def scale(sizes: list[int], sentences: list[str], questions: list[str], settings: Settings,
          bm25_max: int) -> list[dict]:
    import faiss

    rng = np.random.default_rng(0)
    rows = []
    say("### Scale (synthetic 384-d vectors; BM25 over recombined corpus sentences)\n")
    say("| chunks | index | build s | index MiB | search p50 ms | p95 ms | recall@10 |\n|---|---|---|---|---|---|---|")
    for n in sizes:
        vectors = synthetic_vectors(n, rng)
        queries = synthetic_vectors(200, rng)
        exact = None
        for kind in ("flat", "hnsw", "ivf"):
            t0 = time.perf_counter()
            index = build_dense(vectors, kind, settings.ivf_nprobe)
            build_s = time.perf_counter() - t0
            with tempfile.NamedTemporaryFile(suffix=".faiss") as f:
                faiss.write_index(index, f.name)
                size = os.path.getsize(f.name) / 2**20
            nq = 50 if kind == "flat" and n >= 1_000_000 else 200
            lat = [timed(lambda q=q, ix=index: ix.search(q[None], 10))[0] for q in queries[:nq]]
            _, got = index.search(queries, 10)
            if kind == "flat":
                exact = got
            recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, got)]))
            rows.append({"n": n, "index": kind, "build_s": build_s, "mib": size, "p50": pct(lat, 50),
                         "p95": pct(lat, 95), "recall": recall})
            say(f"| {n:,} | {kind} | {build_s:.1f} | {size:.0f} | {pct(lat, 50):.2f} | {pct(lat, 95):.2f} | {recall:.3f} |")
            del index
        del vectors
        if n > bm25_max:
            say(f"| {n:,} | bm25 | not run (above --bm25-max {bm25_max:,}; see benchmarks/bm25_scale.py) |"
                " | | | |")
            continue
        import bm25s

        t0 = time.perf_counter()
        builder = Bm25Builder()
        for doc in synthetic_texts(n, sentences, rng):
            builder.add(doc)
        folder = Path(tempfile.mkdtemp(prefix="bm25-"))
        builder.save(folder)
        del builder
        build_s = time.perf_counter() - t0
        bm25 = bm25s.BM25.load(str(folder), mmap=True)
        lat = []
        for q in questions[:100]:
            folded = lexical_tokens(q)[1]
            t1 = time.perf_counter()
            scores = bm25.get_scores(folded)
            top_scores(scores, 50)
            lat.append((time.perf_counter() - t1) * 1000)
        rows.append({"n": n, "index": "bm25", "build_s": build_s, "mib": float("nan"), "p50": pct(lat, 50),
                     "p95": pct(lat, 95), "recall": float("nan")})
        say(f"| {n:,} | bm25 (folded field) | {build_s:.1f} | – | {pct(lat, 50):.2f} | {pct(lat, 95):.2f} | – |")
        del bm25
        shutil.rmtree(folder, ignore_errors=True)
    say("")
    return rows


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    for kind in ("flat", "hnsw", "ivf", "bm25"):
        pts = [r for r in rows if r["index"] == kind]
        if pts:
            a.plot([r["n"] for r in pts], [r["p50"] for r in pts], marker="o", label=kind)
            if kind != "bm25":
                b.plot([r["n"] for r in pts], [r["recall"] for r in pts], marker="o", label=kind)
    a.set(xscale="log", yscale="log", xlabel="chunks", ylabel="search p50 (ms)", title="Latency")
    b.set(xscale="log", xlabel="chunks", ylabel="recall@10 vs exact", title="Recall", ylim=(0, 1.02))
    a.legend()
    b.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--bm25-max", type=int, default=100_000, help="largest synthetic BM25 corpus to build")
    ap.add_argument("--milvus-n", type=int, default=100_000, help="synthetic chunks for the backend scale check")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "gold.jsonl").open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(corpus=ROOT / "corpus", store=Path(tmp) / "store")
        build_index(settings=settings)
        say("# danvan-qa benchmarks\n")
        say(f"Machine: {machine()}.\n")
        query_path(settings, questions)
        indexing(settings)
        startup(settings)
        backend_parity(settings, Path(tmp))
        if not args.skip_scale:
            store = open_store(settings=settings)
            sentences = corpus_sentences(store)
            rows = scale([int(s) for s in args.sizes.split(",")], sentences, questions, settings, args.bm25_max)
            plot(rows, args.out / "scale.png")
            say("![latency and recall against corpus size](scale.png)\n")
            milvus_scale(args.milvus_n, sentences, questions, settings, Path(tmp))
    (args.out / "results.md").write_text("\n".join(LINES) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
