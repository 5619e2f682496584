"""BM25 at archive scale: built by `Bm25Builder` from streamed synthetic chunks, queried memory-mapped.

Usage: python benchmarks/bm25_scale.py [--sizes 100000,1000000] [--sentences 8] [--write]

Each synthetic chunk joins --sentences random sentences of the bundled articles (the folded
field with bigrams, as the index has it). The build runs here; the queries run in a fresh
process that opens the folder as the store does (mmap), so its peak RSS is the index's memory
when answering, plus the interpreter (reported beside it). Queries are scored as the FAISS
backend scores them (bm25s' `get_scores`), on a warm store (each query run once first). Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import LINES, machine, pct, say  # noqa: E402

from danvan_qa.index.backends.bm25 import Bm25Builder, top_scores  # noqa: E402
from danvan_qa.ingest.chunking import sentence_spans  # noqa: E402
from danvan_qa.ingest.normalize import lexical_tokens, normalize_text  # noqa: E402


def _sentences() -> list[list[str]]:
    texts = [normalize_text(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return [lexical_tokens(t[a:b])[1] for t in texts for a, b in sentence_spans(t) if b - a > 30]


def _questions() -> list[str]:
    return [json.loads(line)["question"] for line in (ROOT / "eval" / "gold.jsonl").open(encoding="utf-8")]


def _hwm_mib() -> float:
    """This process's peak RSS; unlike ru_maxrss, not inherited from the parent across exec."""
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _query(folder: str) -> dict:
    """Run in a fresh process: open the index memory-mapped, time every gold question."""
    import bm25s

    base = _hwm_mib()
    t0 = time.perf_counter()
    bm25 = bm25s.BM25.load(folder, mmap=True)
    load_s = time.perf_counter() - t0
    queries = [lexical_tokens(q)[1] for q in _questions()]
    for tokens in queries:  # touch the mapped pages once: the timings are of a warm store
        bm25.get_scores(tokens)
    lat = []
    for tokens in queries * 3:
        t1 = time.perf_counter()
        scores = bm25.get_scores(tokens)  # as the FAISS backend scores a query
        top_scores(scores, 50)
        lat.append((time.perf_counter() - t1) * 1000)
    peak = _hwm_mib()
    return {"load_s": load_s, "p50": pct(lat, 50), "p95": pct(lat, 95), "peak_mib": peak, "base_mib": base}


def run(n: int, per_chunk: int, rng: np.random.Generator) -> None:
    sentences = _sentences()
    builder = Bm25Builder()
    t0 = time.perf_counter()
    tokens = 0
    for _ in range(n):
        doc = [t for i in rng.integers(0, len(sentences), per_chunk) for t in sentences[i]]
        tokens += len(doc)
        builder.add(doc)
    with tempfile.TemporaryDirectory() as tmp:
        builder.save(Path(tmp))
        build_s = time.perf_counter() - t0
        build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        del builder
        disk = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
        out = subprocess.run([sys.executable, __file__, "--query-only", tmp], capture_output=True, text=True, check=True)
        q = json.loads(out.stdout.strip().splitlines()[-1])
    say(f"| {n:,} | {tokens / n:.0f} | {build_s:.0f} | {build_peak:,.0f} | {disk:,.0f} | {q['load_s']:.2f} "
        f"| {q['p50']:.1f} | {q['p95']:.1f} | {q['peak_mib']:,.0f} ({q['base_mib']:,.0f}) |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--sentences", type=int, default=4, help="corpus sentences per synthetic chunk (4 ≈ a 1,000-character chunk)")
    ap.add_argument("--write", action="store_true", help="append the table to benchmarks/results.md")
    ap.add_argument("--query-only", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.query_only:
        print(json.dumps(_query(args.query_only)))
        return
    say("\n## BM25 at scale: streamed build, memory-mapped queries (folded field)\n")
    say(f"{machine()}\n")
    say("| chunks | tokens/chunk | build s | build peak RSS MiB | on disk MiB | open s | query p50 ms "
        "| p95 ms | query process peak RSS MiB (interpreter alone) |\n|---|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for n in (int(s) for s in args.sizes.split(",")):
        run(n, args.sentences, rng)
    if args.write:
        with (ROOT / "benchmarks" / "results.md").open("a", encoding="utf-8") as f:
            f.write("\n".join(LINES) + "\n")


if __name__ == "__main__":
    main()
