"""Index build time, chunks/s and query latency (p50/p95) per retrieval mode on the bundled corpus.

Not a test: timings vary by machine. Usage: python benchmarks/bench_retrieval.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from danvan_qa import build_index, open_store, retrieve
from danvan_qa.embed.embedding import get_embedder
from danvan_qa.evaluation.gold import load_gold
from danvan_qa.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import cpu_name  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="full index builds to time")
    args = ap.parse_args()
    questions = [i.question for i in load_gold(ROOT / "eval" / "gold.jsonl")]
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(corpus=ROOT / "corpus", store=Path(tmp))
        get_embedder(settings)  # model load is start-up cost, not indexing cost
        builds = []
        for _ in range(args.repeat):
            report = build_index(settings=settings, rebuild=True)
            builds.append(report)
        secs = statistics.median(r.seconds for r in builds)
        chunks = builds[0].chunks
        print(f"full build: {chunks} chunks, median {secs:.2f} s over {args.repeat} -> {chunks / secs:.1f} chunks/s")
        store = open_store(settings=settings)
        for q in questions[:5]:  # warm-up
            retrieve(q, 5, store=store, settings=settings)
        print(f"{'mode':8} {'p50 ms':>8} {'p95 ms':>8}   ({len(questions)} gold questions, k=5)")
        for mode in ("bm25", "dense", "hybrid"):
            times = []
            for q in questions:
                t0 = time.perf_counter()
                retrieve(q, 5, mode=mode, store=store, settings=settings)
                times.append((time.perf_counter() - t0) * 1000)
            print(f"{mode:8} {percentile(times, 50):8.1f} {percentile(times, 95):8.1f}")


if __name__ == "__main__":
    main()
